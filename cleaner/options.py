"""All options of a cleaning run in one frozen, documented object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .templates import TemplateSet

Mode = Literal["precision", "balanced", "recall"]
MODES: tuple[str, ...] = ("precision", "balanced", "recall")

#: Inputs larger than this many bytes are refused (``--max-bytes``).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
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
