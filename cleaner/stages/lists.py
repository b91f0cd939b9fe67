"""Lists: the items of one markdown list are judged together; those dropped inside a kept list come back.

A markdown dump prints a page's lists as bullet lines (``* [Ada](…)``,
``* [ALGOL 60](…)``). The content stage judges each line by its own look and its
neighbours', so in a long list of short linked items it keeps some and drops
others: a list of programming languages, of a category's pages, of a recipe's
steps comes out with holes. A site's menus are lists too, but the content stage
drops (nearly) all of their items. So in a run of at least :data:`MIN_ITEMS`
consecutive bullet lines of which the content stage kept at least
:data:`KEPT_SHARE`, the items it dropped between the first and the last kept
item come back. Items other stages removed (menus, repeats) stay removed.
"""

from __future__ import annotations

from ..document import Document
from ..stage import Stage, register
from .listing import restore
from .markdown import MARKS

#: A list needs at least this many items ...
MIN_ITEMS = 8
#: ... of which the content stage kept at least this share.
KEPT_SHARE = 0.1


def _runs(doc: Document) -> list[list[int]]:
    """Runs of consecutive bullet lines (blank lines between items do not break a run)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, block in enumerate(doc.blocks):
        if not block.text.strip():
            continue
        if "list" in block.hints.get(MARKS, ()):
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) >= MIN_ITEMS]


@register
class Lists(Stage):
    """Bring back the items of a markdown list that the content stage dropped while keeping most of the list.

    **Removes:** nothing; it restores. Brings back ``ALGOL 60`` and ``ALGOL 68`` in a bullet list
    of thirty programming languages whose other items the content stage kept.
    **Keeps:** dropped a site menu's bullet items (``Home``, ``News``, ``Sport``, ...), of which
    the content stage kept fewer than a tenth.
    """

    name = "lists"

    def run(self, doc: Document) -> Document:
        if doc.style != "markdown":
            return doc
        out = list(doc.blocks)
        changed = False
        for run in _runs(doc):
            kept = [i for i in run if out[i].removal is None]
            if len(kept) < KEPT_SHARE * len(run):
                continue
            for i in run:
                if kept[0] < i < kept[-1]:
                    changed |= restore(out, i)
        return doc.with_blocks(out) if changed else doc
