"""Word and phrase lists, as data files: ``lexicon/<concept>/<lang>.txt``.

One entry per line; ``#`` starts a comment; blank lines are ignored. Each file
begins with a comment naming what its entries match. Entries are matched
case-insensitively by the stages that use them; a language code of ``xx``
holds language-neutral entries (symbols, brand names of share targets).

Tables built from the lists (see :mod:`cleaner.patterns`) are kept on disk by
:func:`cached` in the user's cache folder, as Python keeps bytecode: the next
process reads them in one go instead of reading and folding thousands of
entries again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

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
    """The lists' part of :func:`signature`, taken once per process."""
    stamps: list[tuple[str, int, int]] = []
    with os.scandir(_ROOT) as folders:
        for folder in folders:
            if folder.name == "__pycache__" or not folder.is_dir():
                continue
            with os.scandir(folder.path) as lists:
                for entry in lists:
                    if entry.name.endswith(".txt"):
                        stat = entry.stat()
                        stamps.append((f"{folder.name}/{entry.name}", stat.st_size, stat.st_mtime_ns))
    return (sys.version, _ROOT, *sorted(stamps))


def cached(name: str, build: Callable[[], T], *, key: Any = None, code: tuple[str, ...] = ()) -> T:
    """``build()``, kept in :data:`CACHE_DIR` until a list file (or a ``code`` file, or ``key``) changes.

    The value must be made of what :mod:`marshal` stores (str, int, tuple,
    list, dict, frozenset ...); it comes back equal, dict order included. The
    cache is only written when Python writes bytecode (not under ``-B`` or
    ``PYTHONDONTWRITEBYTECODE``), and an unwritable folder is no error: the
    table is built, as without a cache.
    """
    if CACHE_DIR is None:
        return build()
    # One file per installed copy of the lists (two environments do not overwrite each other's).
    install = zlib.crc32(_ROOT.encode("utf-8", "surrogateescape"))
    path = os.path.join(CACHE_DIR, f"{name}.{install:08x}.{sys.implementation.cache_tag}.marshal")
    stamp = (key, signature(*code))
    try:
        with open(path, "rb") as file:
            kept_stamp, value = marshal.loads(file.read())
        if kept_stamp == stamp:
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    if not sys.dont_write_bytecode:
        temp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(CACHE_DIR, exist_ok=True)
            with open(temp, "wb") as file:
                file.write(marshal.dumps((stamp, value)))  # type: ignore[arg-type]  # see above
            os.replace(temp, path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        else:
            _prune(name, path)
    return value


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
