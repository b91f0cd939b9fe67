"""All options of a cleaning run in one frozen, documented object."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .templates import TemplateSet

Mode = Literal["precision", "balanced", "recall"]
MODES: tuple[str, ...] = ("precision", "balanced", "recall")

#: Inputs larger than this many bytes are refused (``--max-bytes``).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


# A dataclass only for ``dataclasses.replace`` and ``fields``: its methods are written out
# below (frozen: assignment raises FrozenInstanceError), as generating them costs every
# process ~6 M instructions of start-up.
@dataclass(init=False, repr=False, eq=False)
class Options:
    """How to clean: one object, built once by the CLI or by :func:`cleaner.clean`.

    mode
        ``precision`` drops a line of body rather than keep a line of junk,
        ``recall`` the reverse; ``balanced`` weighs both.
    drop_phrases / drop_patterns
        The user's own boilerplate: lines containing a phrase (case-insensitive)
        or matching a regex are removed.
    protect_phrases
        Lines containing one of these phrases are never removed by a filter.
    stage_options
        Per-stage keyword options, ``{"stage-name": {"option": value}}``.
    max_bytes
        Inputs larger than this are refused instead of read.
    templates
        Learned site templates (:mod:`cleaner.templates`) for the
        ``site-templates`` stage to remove; ``None``: that stage does nothing.
    """

    mode: Mode = "balanced"
    drop_phrases: tuple[str, ...] = ()
    drop_patterns: tuple[str, ...] = ()
    protect_phrases: tuple[str, ...] = ()
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    templates: TemplateSet | None = None

    def __init__(
        self,
        mode: Mode = "balanced",
        drop_phrases: tuple[str, ...] = (),
        drop_patterns: tuple[str, ...] = (),
        protect_phrases: tuple[str, ...] = (),
        stage_options: dict[str, dict[str, Any]] | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        templates: TemplateSet | None = None,
    ) -> None:
        values = (mode, drop_phrases, drop_patterns, protect_phrases,
                  {} if stage_options is None else stage_options, max_bytes, templates)
        for name, value in zip(_FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in _FIELDS])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Options)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"{type(self).__qualname__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


_FIELDS = (
    "mode", "drop_phrases", "drop_patterns", "protect_phrases", "stage_options", "max_bytes", "templates",
)
