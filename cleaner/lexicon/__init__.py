"""Word and phrase lists, as data files: ``lexicon/<concept>/<lang>.txt``.

One entry per line; ``#`` starts a comment; blank lines are ignored. Each file
begins with a comment naming what its entries match. Entries are matched
case-insensitively by the stages that use them; a language code of ``xx``
holds language-neutral entries (symbols, brand names of share targets).
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def languages(concept: str) -> tuple[str, ...]:
    """The language codes that have a list for ``concept``."""
    folder = resources.files(__name__) / concept
    if not folder.is_dir():
        raise KeyError(f"no lexicon named {concept!r}")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@cache
def load(concept: str, lang: str | None = None) -> tuple[str, ...]:
    """The entries of one concept, for one language or (``lang=None``) all of them."""
    langs = languages(concept) if lang is None else (lang,)
    entries: list[str] = []
    for code in langs:
        text = (resources.files(__name__) / concept / f"{code}.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            entry = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if entry:
                entries.append(entry)
    return tuple(dict.fromkeys(entries))
