"""A small made-up corpus of sites for the site-template tests: pages sharing a masthead and a footer."""

from __future__ import annotations

from pathlib import Path

#: Lines every page of the "courier" site prints above its article.
COURIER_TOP = [
    "The Valley Courier",
    "Local news, weather and what is on this weekend",
    "Our newsroom is open to visitors on the first Monday of every month.",
]
#: Lines every page of the "courier" site prints below its article.
COURIER_BOTTOM = [
    "We read every letter our readers send us, and we print the best of them on Sundays.",
    "Write to the editor at the address on page two of the printed paper.",
]

_SUBJECTS = [
    "The town council",
    "A group of volunteers",
    "The river authority",
    "Local bakers",
    "The school board",
]
_VERBS = ["approved", "debated", "postponed", "celebrated", "questioned"]
_OBJECTS = [
    "a plan for a new footbridge over the canal",
    "the opening hours of the public library",
    "a festival of bread and music in the market square",
    "the cost of repairing the old mill roof",
    "a proposal to plant two hundred trees along the ring road",
]


def article(n: int) -> list[str]:
    """The headline and paragraphs of article ``n`` (different for every ``n``)."""
    s, v, o = _SUBJECTS[n % 5], _VERBS[(n // 5) % 5], _OBJECTS[(n * 3 + 1) % 5]
    return [
        f"{s} {v} {o}",
        "",
        f"{s} {v} {o} on Tuesday evening, after a meeting that lasted {n + 2} hours and drew "
        f"a crowd of {40 + n} residents to the hall.",
        "",
        f"Speakers from {_SUBJECTS[(n + 2) % 5].lower()} argued about {_OBJECTS[(n // 5 + n) % 5]}, "
        f"and several of them asked for figures that {_SUBJECTS[(n // 5 + 1) % 5].lower()} had not yet seen.",
        "",
        f"A decision on {_OBJECTS[(n + 4) % 5]} is expected from {_SUBJECTS[(n // 5 + 3) % 5].lower()} "
        f"before the end of the season.",
    ]


def courier_page(n: int, *, extra: list[str] | None = None) -> str:
    """A text dump of the courier site: masthead, article ``n``, footer box."""
    return "\n".join([*COURIER_TOP, "", *article(n), "", *(extra or []), *COURIER_BOTTOM]) + "\n"


def write_site(root: Path, name: str, pages: int, *, first: int = 0) -> list[Path]:
    """``pages`` courier pages under ``root/name/``."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(first, first + pages):
        path = folder / f"story-{n:02d}.txt"
        path.write_text(courier_page(n), encoding="utf-8")
        paths.append(path)
    return paths
