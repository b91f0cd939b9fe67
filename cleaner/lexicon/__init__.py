"""Word and phrase lists, as data files: ``lexicon/<concept>/<lang>.txt``.

One entry per line; ``#`` starts a comment; blank lines are ignored. Each file
begins with a comment naming what its entries match. Entries are matched
case-insensitively by the stages that use them; a language code of ``xx``
holds language-neutral entries (symbols, brand names of share targets).

Tables built from the lists (see :mod:`cleaner.patterns`) are kept on disk by
:func:`cached` in the user's cache folder, as Python keeps bytecode: the next
process reads them in one go instead of reading and folding thousands of
entries again. A big table is kept in :class:`Parts`, of which a process
unmarshals only those its lookups fall into.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, Generic, TypeVar

#: the folder of the lexicon data files (read as plain files: faster than importlib.resources)
_ROOT = os.path.dirname(os.path.abspath(__file__))


@cache
def languages(concept: str) -> tuple[str, ...]:
    """The language codes that have a list for ``concept``."""
    folder = os.path.join(_ROOT, concept)
    if not os.path.isdir(folder):
        raise KeyError(f"no lexicon named {concept!r}")
    return tuple(sorted(name[:-4] for name in os.listdir(folder) if name.endswith(".txt")))


@cache
def load(concept: str, lang: str | None = None) -> tuple[str, ...]:
    """The entries of one concept, for one language or (``lang=None``) all of them."""
    data = _kept_lists().get(concept if lang is None else f"{concept}/{lang}")
    if isinstance(data, bytes):
        with contextlib.suppress(EOFError, ValueError, TypeError):
            entries: tuple[str, ...] = marshal.loads(data)
            return entries
    return _parse(concept, lang)


@cache
def folded(concept: str) -> tuple[str, ...]:
    """The entries of one concept in every language, case-folded (for ``startswith``/``endswith`` tests)."""
    return tuple(e.casefold() for e in load(concept))


@cache
def folded_set(concept: str) -> frozenset[str]:
    """The entries of one concept in every language, case-folded, as a set (for word lookups)."""
    return frozenset(folded(concept))


def _parse(concept: str, lang: str | None = None) -> tuple[str, ...]:
    """:func:`load` from the list files themselves."""
    langs = languages(concept) if lang is None else (lang,)
    entries: list[str] = []
    for code in langs:
        # Bytes decoded at once: cheaper than a text-mode file (start-up reads ~150 of
        # them); splitlines() below takes \r\n and \r as text mode's newline translation would.
        with open(os.path.join(_ROOT, concept, f"{code}.txt"), "rb") as file:
            text = file.read().decode("utf-8")
        for line in text.splitlines():
            if "#" in line:  # most lines have no comment: test for one only when a '#' is there
                if line.lstrip().startswith("#"):
                    continue
                line = line.split(" #", 1)[0]
            entry = line.strip()
            if entry:
                entries.append(entry)
    return tuple(dict.fromkeys(entries))


def concepts() -> tuple[str, ...]:
    """Every concept (a folder of lists), in name order."""
    return tuple(
        name for name in sorted(os.listdir(_ROOT))
        if name != "__pycache__" and os.path.isdir(os.path.join(_ROOT, name))
    )


@cache
def _kept_lists() -> dict[str, Any]:
    """Every list parsed, as kept on disk: marshalled entries by "concept" (all languages) and "concept/lang".

    A small run loads some twenty concepts, a hundred files: reading and splitting
    them was 3% of its instructions; the kept copy is read in one go, and each list
    is unmarshalled only when asked for. Empty (lists read from their files) when
    there is no up-to-date copy and none can be written (see :func:`kept_whole`).
    """
    return kept_whole("lists", _all_lists, code=(__file__,)) or {}  # this file: how the lists are kept


def _all_lists() -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    for concept in concepts():
        table[concept] = marshal.dumps(_parse(concept))
        for code in languages(concept):
            table[f"{concept}/{code}"] = marshal.dumps(_parse(concept, code))
    return table


def _cache_dir() -> str | None:
    """``$XDG_CACHE_HOME/clean-article`` (``~/.cache/clean-article``); None without a home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "clean-article") if os.path.isabs(base) else None


#: Where :func:`cached` keeps its tables (None: nowhere, every process builds them).
CACHE_DIR = _cache_dir()

T = TypeVar("T")


def signature(*code: str) -> tuple[Any, ...]:
    """What a table built from the lists depends on: every list file and ``code`` files, by size and time."""
    stamps: list[tuple[str, int, int]] = []
    for path in code:
        stat = os.stat(path)
        stamps.append((path, stat.st_size, stat.st_mtime_ns))
    return (*_list_stamps(), *stamps)


@cache
def _list_stamps() -> tuple[Any, ...]:
    """The lists' part of :func:`signature`, taken once per process.

    Every list file's name, size and time, summed up in two checksums (with their
    count): each table kept on disk is stamped with them, and a stamp of every
    file written out was read back and compared for each table, at every start.
    """
    stamps: list[tuple[str, str, int, int]] = []
    with os.scandir(_ROOT) as folders:
        for folder in folders:
            if folder.name == "__pycache__" or not folder.is_dir():
                continue
            with os.scandir(folder.path) as lists:
                for entry in lists:
                    if entry.name.endswith(".txt"):
                        stat = entry.stat()
                        stamps.append((folder.name, entry.name, stat.st_size, stat.st_mtime_ns))
    data = marshal.dumps(sorted(stamps))
    return (sys.version, _ROOT, len(stamps), zlib.crc32(data), zlib.adler32(data))


def _table_path(name: str) -> str | None:
    """Where table ``name`` is kept (None: nowhere)."""
    if CACHE_DIR is None:
        return None
    # One file per installed copy of the lists (two environments do not overwrite each other's).
    install = zlib.crc32(_ROOT.encode("utf-8", "surrogateescape"))
    return os.path.join(CACHE_DIR, f"{name}.{install:08x}.{sys.implementation.cache_tag}.marshal")


def _read_table(path: str, stamp: Any) -> Any:
    """The table kept in ``path`` if it was stamped ``stamp``, else None."""
    try:
        with open(path, "rb") as file:
            kept_stamp, value = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if kept_stamp == stamp else None


def _write_table(path: str, stamp: Any, value: Any, name: str) -> None:
    """Keep ``value`` in ``path`` (no error if it cannot), then prune copies of gone installs."""
    assert CACHE_DIR is not None
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(CACHE_DIR, exist_ok=True)
        with open(temp, "wb") as file:
            file.write(marshal.dumps((stamp, value)))
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)
    else:
        _prune(name, path)


def cached(name: str, build: Callable[[], T], *, key: Any = None, code: tuple[str, ...] = ()) -> T:
    """``build()``, kept in :data:`CACHE_DIR` until a list file (or a ``code`` file, or ``key``) changes.

    The value must be made of what :mod:`marshal` stores (str, int, tuple,
    list, dict, frozenset ...); it comes back equal, dict order included. The
    cache is only written when Python writes bytecode (not under ``-B`` or
    ``PYTHONDONTWRITEBYTECODE``), and an unwritable folder is no error: the
    table is built, as without a cache.
    """
    path = _table_path(name)
    if path is None:
        return build()
    stamp = (key, signature(*code))
    kept = _read_table(path, stamp)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    value = build()
    if not sys.dont_write_bytecode:
        _write_table(path, stamp, value, name)
    return value


#: The keys of a table kept in :class:`Parts` are grouped by this many first characters.
PART_WIDTH = 2

V = TypeVar("V")
D = TypeVar("D")


def pack(table: Mapping[str, Any] | Iterable[str], width: int = PART_WIDTH) -> dict[str, bytes]:
    """A dict (or a set of strings) in the marshalled parts :class:`Parts` reads, by first characters."""
    if isinstance(table, Mapping):
        by_part: dict[str, Any] = {}
        for key, value in table.items():
            by_part.setdefault(key[:width], {})[key] = value
        return {name: marshal.dumps(part) for name, part in by_part.items()}
    members: dict[str, list[str]] = {}
    for key in table:
        members.setdefault(key[:width], []).append(key)
    return {name: marshal.dumps(frozenset(part)) for name, part in members.items()}


class Parts(Generic[V]):
    """A dict (or set) of strings kept as :func:`pack` made it: each part unmarshalled on its first lookup.

    Unmarshalling a table of thousands of phrases (every string made, hashed and
    inserted) cost more than a small run spends cleaning; its few dozen lines
    fall into a few dozen of the table's hundreds of parts. Answers ``get`` (a
    dict's) and ``in`` as the table does.
    """

    __slots__ = ("_packed", "_parts", "_width")

    def __init__(self, packed: dict[str, bytes], width: int = PART_WIDTH) -> None:
        self._packed = packed
        self._width = width
        self._parts: dict[str, Any] = {}

    def _part(self, key: str) -> Any:
        name = key[: self._width]
        part = self._parts.get(name)
        if part is None:
            data = self._packed.get(name)
            part = self._parts[name] = {} if data is None else marshal.loads(data)
        return part

    def get(self, key: str, default: D) -> V | D:
        """The value of ``key`` (a packed dict's), or ``default``."""
        found: V | D = self._part(key).get(key, default)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._part(key)

    def __bool__(self) -> bool:
        return bool(self._packed)

    def unpacked(self) -> dict[str, V] | frozenset[str]:
        """The whole table, every part unmarshalled (for tests and tools: a lookup needs none of it)."""
        parts = [marshal.loads(data) for data in self._packed.values()]
        if parts and isinstance(parts[0], frozenset):
            return frozenset().union(*parts)
        return {key: value for part in parts for key, value in part.items()}


def kept_whole(name: str, build: Callable[[], T], *, code: tuple[str, ...] = ()) -> T | None:
    """Like :func:`cached`, for a table of every concept of which a run needs a few: None without a kept copy.

    None (the caller works out the few it needs instead) when there is no
    up-to-date copy and none can be written (no cache folder, or Python writes
    no bytecode): building the whole table for one run would cost more than it saves.
    """
    path = _table_path(name)
    if path is None:
        return None
    if sys.dont_write_bytecode:  # nothing will be written: only a kept copy is worth reading
        kept: T | None = _read_table(path, (None, signature(*code)))
        return kept
    return cached(name, build, code=code)


def _prune(name: str, kept: str) -> None:
    """Remove the other copies of table ``name`` whose install is gone.

    Each installed copy of the lists keeps its own file, so a file of a copy since
    deleted (an old checkout, a temporary install) would stay forever; one is only
    written when a table is built, so this runs rarely.
    """
    assert CACHE_DIR is not None
    prefix, suffix = f"{name}.", f".{sys.implementation.cache_tag}.marshal"
    try:
        names = os.listdir(CACHE_DIR)
    except OSError:
        return
    for other in names:
        if not (other.startswith(prefix) and other.endswith(suffix)):
            continue
        install = other[len(prefix) : -len(suffix)]
        path = os.path.join(CACHE_DIR, other)
        if "." in install or path == kept:
            continue  # another table whose name starts with this one's, or the file just written
        try:
            with open(path, "rb") as file:
                stamp = marshal.loads(file.read())[0]
            root = stamp[1][1]  # (key, signature): the signature names the lists' folder
            gone = isinstance(root, str) and not os.path.isdir(root)
        except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
            gone = True  # unreadable: of no use to any install
        if gone:
            with contextlib.suppress(OSError):
                os.unlink(path)
