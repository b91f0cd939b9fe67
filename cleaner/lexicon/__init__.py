"""Word and phrase lists, as data files: ``lexicon/<concept>/<lang>.txt``.

One entry per line; ``#`` starts a comment; blank lines are ignored. Each file
begins with a comment naming what its entries match. Entries are matched
case-insensitively by the stages that use them; a language code of ``xx``
holds language-neutral entries (symbols, brand names of share targets).
"""

from __future__ import annotations

import os
from functools import cache

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
