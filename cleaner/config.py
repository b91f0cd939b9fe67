"""The TOML configuration: the user's own boilerplate rules, the mode, per-stage options.

A config file (``--config FILE``) holds, at top level::

    mode = "precision"                      # precision | balanced | recall
    drop_phrases = ["Sign up for our newsletter"]
    drop_patterns = ['^Photo: .*$']         # regular expressions
    protect_phrases = ["Editor's note"]
    max_bytes = 10_000_000

    [stages.icons]                          # options of one stage
    min_tokens = 4

Without ``--config``, a ``pyproject.toml`` in the current directory is read
for a ``[tool.clean-article]`` table of the same keys. Keys may be written
with dashes or underscores. Options given on the command line win over both.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from .errors import ConfigError
from .options import MODES

if TYPE_CHECKING:
    from pathlib import Path

#: Top-level keys a config may hold (after dashes become underscores).
LIST_KEYS: tuple[str, ...] = ("drop_phrases", "drop_patterns", "protect_phrases")
KNOWN_KEYS: tuple[str, ...] = ("mode", *LIST_KEYS, "max_bytes", "stages")

PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "clean-article")


def _toml_load(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def parse_config(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """Validate a config table and return the matching :class:`~cleaner.options.Options` fields."""
    fields: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{path}: unknown key {raw_key!r}; known keys: {', '.join(KNOWN_KEYS)}")
        if key == "mode":
            if value not in MODES:
                raise ConfigError(f"{path}: mode must be one of {', '.join(MODES)}, not {value!r}")
            fields["mode"] = value
        elif key in LIST_KEYS:
            fields[key] = _strings(path, raw_key, value)
        elif key == "max_bytes":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{path}: max_bytes must be a positive integer")
            fields["max_bytes"] = value
        else:
            fields["stage_options"] = _stage_options(path, value)
    if "drop_patterns" in fields:
        check_patterns(fields["drop_patterns"], where=str(path))
    return fields


def _stage_options(path: Path, value: Any) -> dict[str, dict[str, Any]]:
    from .stage import all_stages

    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{path}: [stages] must hold one table per stage, like [stages.icons]")
    known = all_stages()
    for name in value:
        if name not in known:
            known_names = ", ".join(sorted(known))
            raise ConfigError(f"{path}: [stages.{name}]: unknown stage; known stages: {known_names}")
    return {name: dict(options) for name, options in value.items()}


def check_patterns(patterns: tuple[str, ...], *, where: str) -> None:
    """Refuse a drop pattern that is not a valid regular expression, naming it."""
    import regex

    for pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise ConfigError(f"{where}: drop pattern {pattern!r} is not a valid regex: {exc}") from None


def load_config(path: str | Path) -> dict[str, Any]:
    """Read a clean-article TOML config file; return Options fields. Raises ConfigError."""
    from pathlib import Path  # only a run with a config needs it (start-up time)

    path = Path(path)
    return parse_config(_toml_load(path), path)


def find_config(directory: str | Path = ".") -> tuple[Path | None, dict[str, Any]]:
    """The ``[tool.clean-article]`` table of ``directory/pyproject.toml``, if there is one.

    Returns ``(path, fields)``, or ``(None, {})`` when there is no such file or table.
    The file is only parsed when it mentions the table, so unrelated projects cost nothing.
    """
    try:
        with open(os.path.join(directory, PYPROJECT), "rb") as handle:
            raw = handle.read()
    except OSError:
        return None, {}
    if b"clean-article" not in raw:
        return None, {}
    from pathlib import Path  # only now: most runs have no config (start-up time)

    path = Path(directory) / PYPROJECT
    table: Any = _toml_load(path)
    for key in PYPROJECT_TABLE:
        table = table.get(key) if isinstance(table, dict) else None
    if not isinstance(table, dict):
        return None, {}
    return path, parse_config(table, path)
