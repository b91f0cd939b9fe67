"""The user's protected phrases: a line holding one is never removed by a filter."""

from __future__ import annotations

from .options import Options


def is_protected(text: str, options: Options) -> bool:
    """True when ``text`` contains one of ``options.protect_phrases`` (case-insensitive)."""
    phrases = options.protect_phrases
    if not phrases:
        return False
    folded = text.casefold()
    return any(p.casefold() in folded for p in phrases if p)
