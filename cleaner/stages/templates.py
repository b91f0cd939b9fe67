"""Site templates: lines that recur on many pages of the same site (learned with --learn-templates)."""

from __future__ import annotations

from ..document import Document
from ..protect import is_protected
from ..stage import Stage, register

# cleaner.templates is imported only when templates are given: runs without them
# do not pay for it at start-up.


@register
class SiteTemplates(Stage):
    """Drop lines that recur on many pages of the page's site (does nothing without learned templates).

    Template furniture comes in runs (a masthead, a footer box): a template line
    goes when a neighbouring line goes too (it is template as well, or an
    earlier stage removed it). A lone template line between lines of the page's
    own (a "Pros" heading of every review, "Added in version 3.2.") stays.

    **Removes:** ``Sign up for our weekly newsletter`` under the site's footer menu, when
    it is on 40 of the site's 50 pages
    **Keeps:** ``Sign up for our weekly newsletter`` on a site where only this page has it,
    even if this page prints it three times
    """

    name = "site-templates"  # cleaner.templates.STAGE_NAME

    def run(self, doc: Document) -> Document:
        templates = self.options.templates
        if templates is None:
            return doc
        from ..templates import REASON, block_key, site_of

        site = templates.sites.get(site_of(doc))
        if site is None:
            return doc
        known = site.blocks
        blocks = doc.blocks
        lines = [i for i, b in enumerate(blocks) if b.text]  # blank lines do not break a run
        found: dict[int, int] = {}  # block index -> pages of the site it is on
        for i in lines:
            block = blocks[i]
            if block.removal is None:
                key = block_key(block.text)
                n = known.get(key) if key is not None else None
                if n is not None and not is_protected(block.text, self.options):
                    found[i] = n
        if not found:
            return doc

        def goes(i: int) -> bool:
            return i in found or blocks[i].removal is not None

        out = list(blocks)
        last = len(lines) - 1
        for pos, i in enumerate(lines):
            n = found.get(i)
            if n is None:
                continue
            if (pos > 0 and goes(lines[pos - 1])) or (pos < last and goes(lines[pos + 1])):
                out[i] = blocks[i].drop(self.name, REASON.format(n=n, m=site.pages))
        return doc.with_blocks(out)
