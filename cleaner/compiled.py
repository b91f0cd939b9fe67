"""Compiled patterns kept on disk, as Python keeps bytecode: the next process skips the regex compiler.

Compiling the patterns a small run needs (about seventy, several of them
alternations of lexicon words) took a sixth of its instructions, every
process again. :func:`compile` does what ``regex.compile`` (or
``re.compile``) does, and remembers the compiled program in
:data:`cleaner.lexicon.CACHE_DIR`; a later process builds the pattern
object straight from that program.

- A :mod:`regex` pattern is kept as what pickling it keeps (the compiled
  code; unpickling is how the next process builds it): the library's own
  round trip.
- A :mod:`re` pattern is kept as the arguments of the engine's constructor,
  which :mod:`re` derives from the source in pure Python; a program is only
  kept after the pattern built from it compared equal (same source, flags
  and code) to the one ``re.compile`` made.

The file (one per installed copy) is keyed by the Python and :mod:`regex` versions, read once (on the
first pattern asked for) and written at exit when the run compiled a pattern
the file did not have, only when Python writes bytecode (not under ``-B`` or
``PYTHONDONTWRITEBYTECODE``). Any failure to read, build or write means the
pattern is compiled as without the cache.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from functools import cache
from importlib import import_module
from typing import Any

import regex

from . import lexicon

#: Entries kept at most: past this, the file starts afresh (old versions' patterns do not pile up).
MAX_ENTRIES = 1024

_Key = tuple[str, str, int]

_kept: dict[_Key, tuple[Any, ...]] | None = None  # None: the file is not read yet
_added = False


def _path() -> str | None:
    if lexicon.CACHE_DIR is None:
        return None
    # One file per installed copy (as lexicon.cached): another copy's patterns are not read with ours.
    install = zlib.crc32(lexicon.__file__.encode("utf-8", "surrogateescape"))
    version = getattr(regex, "__version__", "0")
    name = f"patterns.{install:08x}.{version}.{sys.implementation.cache_tag}.marshal"
    return os.path.join(lexicon.CACHE_DIR, name)


def _stamp() -> tuple[str, str, int]:
    """What a kept program depends on besides its source and flags: the Python and regex builds."""
    return sys.version, getattr(regex, "__version__", "0"), import_module("_sre").MAGIC


def _load() -> dict[_Key, tuple[Any, ...]]:
    global _kept
    if _kept is None:
        _kept = {}
        path = _path()
        if path is not None:
            try:
                with open(path, "rb") as file:
                    stamp, table = marshal.loads(file.read())
                if stamp == _stamp() and isinstance(table, dict):
                    _kept = table
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _kept


def _keep(key: _Key, data: tuple[Any, ...]) -> None:
    global _added
    table = _load()
    if len(table) >= MAX_ENTRIES:
        table.clear()
    table[key] = data
    if not _added:
        _added = True
        atexit.register(save)


def save() -> None:
    """Write the kept programs (if this process added any and writes bytecode); no error if it cannot."""
    global _added
    path = _path()
    if not _added or _kept is None or path is None or sys.dont_write_bytecode:
        return
    _added = False
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as file:
            file.write(marshal.dumps((_stamp(), _kept)))
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)


def regex_compile(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, from the kept program when there is one."""
    key = ("regex", source, int(flags))
    data = _load().get(key)
    if data is not None:
        try:
            rebuilt: regex.Pattern[str] = _regex_builder()(*data)
            return rebuilt
        except Exception:  # noqa: BLE001  (a bad entry: compile as without the cache)
            pass
    pattern = regex.compile(source, flags)
    if not pattern.flags & regex.LOCALE:  # a locale-bound program may not fit the next process's locale
        with contextlib.suppress(AttributeError):
            _keep(key, tuple(pattern._pickled_data))  # type: ignore[attr-defined]
    return pattern


def re_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, from the kept program when there is one."""
    key = ("re", source, int(flags))
    data = _load().get(key)
    if data is not None:
        try:
            rebuilt: re.Pattern[str] = _sre_compile(*data)
            return rebuilt
        except Exception:  # noqa: BLE001  (a bad entry: compile as without the cache)
            pass
    pattern = re.compile(source, flags)
    if not pattern.flags & (re.LOCALE | re.DEBUG):
        with contextlib.suppress(Exception):
            data = _re_program(source, int(flags))
            if _sre_compile(*data) == pattern:  # the same source, flags and code as re.compile's
                _keep(key, data)
    return pattern


def compile(compiler: Any, source: str, flags: int = 0) -> Any:
    """``compiler(source, flags)`` for ``regex.compile`` or ``re.compile``, kept; any other compiler as is."""
    if compiler is regex.compile:
        return regex_compile(source, flags)
    if compiler is re.compile:
        return re_compile(source, flags)
    return compiler(source, flags)


@cache
def _regex_builder() -> Any:
    """The callable that unpickling a regex pattern calls with its kept data (the pickle's own round trip)."""
    import copyreg

    reduced: Any = copyreg.dispatch_table[regex.Pattern](regex.compile(""))
    return reduced[0]


def _sre_compile(*data: Any) -> re.Pattern[str]:
    compiled: re.Pattern[str] = import_module("_sre").compile(*data)
    return compiled


def _re_program(source: str, flags: int) -> tuple[Any, ...]:
    """The engine's constructor arguments for ``re.compile(source, flags)`` (as ``re._compiler.compile``)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: the opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (source, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
