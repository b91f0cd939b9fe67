"""Content classification: keep the lines that belong to the article, in two passes.

The first pass scores each kept line from its own shape, its neighbours'
shape and its place in the page (a line's probability of being article). The
second pass revises the score, jusText-style, with the first-pass
probabilities of the neighbours and the line's place relative to the main text
region (the densest run of prose): a short line between good paragraphs is
kept, a short line among boilerplate goes, and prose-like blocks far from the
main text (teasers, related stories, comment threads, cookie essays) need
stronger evidence. The weights are learned (``scripts/train_content_model.py``)
and ship as a data file; ``Options.mode`` picks the decision threshold.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence

import regex

from .. import features
from ..document import Block, Document
from ..model import ContentModel, check_features, load_default
from ..options import Options
from ..patterns import lazy
from ..protect import is_protected
from ..stage import Stage, register, stage_options
from .dedupe import SITE_MAX_WORDS

#: A line with at most this many words is "short" when the reason is worded.
SHORT_WORDS = 6

#: Link-text share above which a line is "link-like" when the reason is worded.
LINK_LIKE_SHARE = 0.5

#: When fewer words than this would be left, the most prose-like dropped lines come back
#: (a page whose article is glued into one long line with its menus is better kept whole
#: than emptied).
MIN_KEPT_WORDS = 30

#: A dropped line of at most this many words comes back when both its neighbours are kept.
SHORT_BETWEEN_WORDS = 8

#: First-pass probability above which a line "looked like prose" on its own.
PROSE_LIKE = 0.5

#: A line with more words than this is a "long" kept line that vouches for the body.
LONG_WORDS = 10

#: The dropped lines after the last kept line come back when there are at most this many
#: (earlier stages already removed the page's footer) and the last one reads as a sentence.
TAIL_MAX_LINES = 4

#: ...and when their mean first-pass probability is at least this (a legal footer scores near 0).
TAIL_MIN_MEAN_P1 = 0.2

#: How many lines just above the main text region are checked for boilerplate the model let through.
LEAD_LINES = 2

#: Share of words glued to the next one (``lowerUpper``) from which a line is run-together links.
RUN_TOGETHER_SHARE = 0.15

#: At least this many consecutive lines of ``Label (12)`` make a list of categories or
#: archives with their post counts (a blog's sidebar), not the article.
COUNTED_RUN = 4

# One item of such a list: a short label and a count in brackets, nothing after it.
_COUNTED_ITEM = lazy(regex.compile, r"^[^\d()\[\]]{1,60}[(\[]\d{1,6}[)\]]$")

#: A dump's first line (a soup dump's page ``<title>``) names the article when it has at
#: least this many words; where it is printed again, the headline stands ...
TITLE_MIN_WORDS = 5
#: ... (the repeat as long), followed by the site's name (``Headline | Site``) of at most
#: dedupe's SITE_MAX_WORDS words, or with at most this many words glued on (``Headline By Jane Doe``).
TITLE_GLUED_WORDS = 4
#: The headline anchors the article only when at least this many long lines are kept below it.
ANCHOR_MIN_LONG_LINES = 2
#: The first line is the page title only when, of the lines after it, at least half of this
#: many are the page's furniture already removed (menus, buttons): a dump's first line
#: followed by kept text (a cleaned page read again) names nothing.
TITLE_FURNITURE_LINES = 8

# A word, for comparing a line with the page title (case and punctuation aside).
_WORD = lazy(regex.compile, r"\w+")
_I_WORDS = features.LINE_NAMES.index("log_words")
_I_LINK = features.LINE_NAMES.index("link_share")
_I_END = features.LINE_NAMES.index("ends_sentence")
_I_STOPS = features.LINE_NAMES.index("log_stops")
_I_CAMEL = features.LINE_NAMES.index("camel_joins")
_I_COPYRIGHT = features.LINE_NAMES.index("copyright")
_I_COMMENTS_BEFORE = features.PASS1_NAMES.index("comment_markers_before")


def _words(own: Sequence[float]) -> int:
    return round(math.expm1(own[_I_WORDS]))


def _rescue(drop: list[int], kept_words: int, own: Sequence[Sequence[float]]) -> set[int]:
    """The dropped lines to bring back so that at least MIN_KEPT_WORDS words remain."""
    back: set[int] = set()
    for k in sorted(drop, key=lambda k: (-own[k][_I_STOPS], k)):
        if kept_words >= MIN_KEPT_WORDS:
            break
        back.add(k)
        kept_words += _words(own[k])
    return back


def _reason(
    k: int,
    p1: Sequence[float],
    lines: features.Lines,
    region: tuple[int, int],
    n: int,
) -> str:
    """The dominant evidence against line ``k``, in words."""
    own = lines.own[k]
    start, end = region
    if k >= end > start and lines.rows[k][_I_COMMENTS_BEFORE] > 0:
        return "comment thread below the article"
    words = _words(own)
    link_like = own[_I_LINK] >= LINK_LIKE_SHARE
    if p1[k] >= PROSE_LIKE and end > start:
        if k >= end:
            return "below the article (related stories or comments)"
        if k < start:
            return "outside the main text region (teaser or banner above the article)"
        return "prose-like line surrounded by boilerplate"
    before = p1[k - 1] if k > 0 else 0.0
    after = p1[k + 1] if k + 1 < n else 0.0
    among = max(before, after) < PROSE_LIKE
    if link_like:
        return "boilerplate: link-like line among boilerplate" if among else "boilerplate: link-like line"
    if words <= SHORT_WORDS:
        if among:
            return "boilerplate: short line among boilerplate"
        return "boilerplate: short line, not a sentence"
    if not (start <= k < end):
        return "outside the main text region"
    if own[_I_END] == 0.0:
        return "boilerplate: no sentence shape"
    return "boilerplate: reads unlike the article"


def _long_prose(own: Sequence[float]) -> bool:
    return _words(own) > LONG_WORDS and own[_I_LINK] < LINK_LIKE_SHARE


def _footer_like(own: Sequence[float]) -> bool:
    """Link-like, run-together links (``ImprintPrivacyContact``) or a copyright notice."""
    return own[_I_LINK] >= LINK_LIKE_SHARE or own[_I_CAMEL] >= RUN_TOGETHER_SHARE or own[_I_COPYRIGHT] > 0.0


def _keep_tail(keep: list[bool], own: Sequence[Sequence[float]], p1: Sequence[float]) -> None:
    """Bring back a short run of dropped lines after the last kept line (in place).

    Earlier stages have removed the footer, so what is left after the body, ends
    in a sentence and did not look like boilerplate on its own (no run-together
    links, no copyright, a fair first-pass probability) is the body's close.
    """
    n = len(keep)
    start = n
    while start > 0 and not keep[start - 1]:
        start -= 1
    if start == 0 or start == n or n - start > TAIL_MAX_LINES:
        return
    if not any(keep[k] and _long_prose(own[k]) for k in range(start)):
        return
    if own[n - 1][_I_END] == 0.0 or not _long_prose(own[n - 1]):
        return
    tail = range(start, n)
    if any(_footer_like(own[j]) for j in tail):
        return
    if sum(p1[j] for j in tail) < TAIL_MIN_MEAN_P1 * len(tail):
        return
    for j in range(start, n):
        keep[j] = True


def _drop_lead(keep: list[bool], own: Sequence[Sequence[float]], p1: Sequence[float], start: int) -> None:
    """Drop short non-sentence lines just above the main text that looked like boilerplate on their own."""
    for k in range(max(0, start - LEAD_LINES), start):
        if keep[k] and p1[k] < PROSE_LIKE and _words(own[k]) <= SHORT_WORDS and own[k][_I_END] == 0.0:
            keep[k] = False


def decide(
    own: Sequence[Sequence[float]],
    p2: Sequence[float],
    threshold: float,
    *,
    p1: Sequence[float] | None = None,
    region: tuple[int, int] | None = None,
) -> list[bool]:
    """Keep (True) or drop each line.

    Kept: lines over the threshold; a short line whose neighbours on both sides
    are kept (a subheading or list item inside the body); given the first-pass
    probabilities ``p1``, a closing paragraph (and a short snippet before it)
    after the body; and, when too little is left, the most prose-like lines.
    Given ``p1`` and the main ``region``, short non-sentence lines above the
    region that looked like boilerplate on their own (a rating, a "print"
    button) go even when their neighbour lifted them over the threshold.
    """
    over = [p >= threshold for p in p2]
    last = len(over) - 1
    keep = [
        ok or (0 < k < last and over[k - 1] and over[k + 1] and _words(own[k]) <= SHORT_BETWEEN_WORDS)
        for k, ok in enumerate(over)
    ]
    if p1 is not None:
        _keep_tail(keep, own, p1)
        if region is not None:
            _drop_lead(keep, own, p1, region[0])
    kept_words = sum(_words(own[k]) for k, ok in enumerate(keep) if ok)
    if kept_words < MIN_KEPT_WORDS:
        for k in _rescue([k for k, ok in enumerate(keep) if not ok], kept_words, own):
            keep[k] = True
    return keep


def _counted_runs(texts: Sequence[str]) -> set[int]:
    """The lines inside runs of at least COUNTED_RUN ``Label (12)`` lines."""
    found: set[int] = set()
    run: list[int] = []
    for k, text in enumerate([*texts, ""]):
        if text.endswith((")", "]")) and _COUNTED_ITEM.match(text):
            run.append(k)
            continue
        if len(run) >= COUNTED_RUN:
            found.update(run)
        run = []
    return found


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _title_namer(title: str) -> Callable[[str], bool]:
    """Whether a line is the headline that the page title ``title`` names (maybe with the site's name).

    The line names it when, case and punctuation aside, it has at least
    TITLE_MIN_WORDS words and is the title, or the title's first words with the
    site's name after them in the title (at most dedupe's SITE_MAX_WORDS
    words), or the title with at most TITLE_GLUED_WORDS words glued on. The
    title's words are taken once; and a line it names holds each of the
    title's first TITLE_MIN_WORDS words (the last maybe as the start of a
    longer word), so a line without the longest of them costs one case-fold
    and one substring search.
    """
    a = _plain(title)
    words = a.split()
    if not words:
        return lambda line: False  # a title without words names no line of words
    needle = max(words[:TITLE_MIN_WORDS], key=len)

    def names(line: str) -> bool:
        if needle not in line.casefold():
            return False
        b = _plain(line)
        if len(b.split()) < TITLE_MIN_WORDS:
            return False
        if a == b:
            return True
        if a.startswith(b + " "):
            return len(a[len(b) :].split()) <= SITE_MAX_WORDS
        return b.startswith(a) and len(b[len(a) :].split()) <= TITLE_GLUED_WORDS

    return names


def _headline_anchor(
    doc: Document, indices: Sequence[int], own: Sequence[Sequence[float]], keep: Sequence[bool]
) -> tuple[int, int] | None:
    """Where the headline stands when the dump opens with the page title: (block, kept lines above).

    A soup dump starts with the page's ``<title>``, and menus and teasers
    follow; the headline is printed again right above the article, and nothing
    above that repeat is the article. The first line must be followed by the
    page's furniture, which earlier stages removed (a cleaned page read again
    starts with kept text); the repeat is its first one, and the article must go
    on below it (the title printed again under a related list is no anchor).
    """
    blocks = doc.blocks
    first = next((i for i, b in enumerate(blocks) if b.text.strip()), None)
    if first is None or len(blocks[first].text.split()) < TITLE_MIN_WORDS:
        return None
    names_title = _title_namer(blocks[first].text)
    after = [b for b in blocks[first + 1 : first + 1 + 4 * TITLE_FURNITURE_LINES] if b.text.strip()]
    furniture = sum(1 for b in after[:TITLE_FURNITURE_LINES] if b.removal is not None)
    if 2 * furniture < TITLE_FURNITURE_LINES:
        return None
    for i in range(first + 1, len(blocks)):
        text = blocks[i].text
        if not text.strip() or not names_title(text):
            continue
        at = bisect_left(indices, i)
        long_below = sum(1 for k in range(at, len(indices)) if keep[k] and _long_prose(own[k]))
        return (i, at) if long_below >= ANCHOR_MIN_LONG_LINES else None
    return None


@register
class Content(Stage):
    """Keep the article's lines: a learned two-pass line classifier with a main-text region.

    **Removes:** ``Most popular`` / ``Sign in`` / ``Newsletters`` — a run of short
    link-like lines among boilerplate, a comment thread below the article, a
    sidebar run of categories with their post counts (``Cycling (42)``), and in a
    dump that opens with the page title, the teasers above the title's repeat (the headline).
    **Keeps:** ``Why it matters`` — a short subheading between two long
    paragraphs of the article; list items and one-line quotes inside the body.
    """

    name = "content"

    def __init__(self, options: Options | None = None, model: ContentModel | None = None) -> None:
        super().__init__(options)
        self.model = model or load_default()
        check_features(self.model.pass1, features.PASS1_NAMES)
        check_features(self.model.pass2, features.PASS2_NAMES)
        own_options = stage_options(self.options, self.name)
        threshold = own_options.get("threshold")
        self.threshold = (
            float(threshold) if threshold is not None else self.model.threshold(self.options.mode)
        )

    def probabilities(self, doc: Document) -> tuple[features.Lines, list[float], list[float]]:
        """The kept lines, their first-pass and their revised probabilities of being article."""
        lines = features.collect(doc)
        p1 = self.model.pass1.probabilities(lines.rows)
        p2 = self.model.pass2.probabilities(features.pass2_rows(lines, p1)) if p1 else []
        return lines, p1, p2

    def run(self, doc: Document) -> Document:
        if doc.kind == "html":
            return doc  # trained on text dumps; on pages the DOM's evidence (structure) decides
        # The revised probabilities meet the threshold and nothing else: a line's summing stops
        # once its verdict is sure (decide() asks only ``p2 >= threshold``).
        lines = features.collect(doc)
        p1 = self.model.pass1.probabilities(lines.rows)
        p2 = (
            self.model.pass2.verdict_probabilities(features.pass2_rows(lines, p1), self.threshold)
            if p1
            else []
        )
        n = len(p2)
        if not n:
            return doc
        region = features.main_region(p1, lines.own)
        keep = decide(lines.own, p2, self.threshold, p1=p1, region=region)
        counted = _counted_runs(lines.texts)
        for k in counted:
            keep[k] = False
        anchor = _headline_anchor(doc, lines.indices, lines.own, keep)
        above = {k for k in range(anchor[1]) if keep[k]} if anchor is not None else set()
        for k in above:
            keep[k] = False
        anchor_first = next((i for i, b in enumerate(doc.blocks) if b.text.strip()), -1)
        headline = anchor[0] if anchor is not None and doc.blocks[anchor[0]].removal is None else None
        if all(keep) and headline is None:
            return doc
        out = list(doc.blocks)
        options = self.options
        for k, ok in enumerate(keep):
            if ok:
                continue
            index = lines.indices[k]
            block: Block = out[index]
            if options.protect_phrases and is_protected(block.text, options):
                continue
            if k in counted:
                why = "list of categories with post counts"
            elif k in above:
                why = (
                    "page title"
                    if k == 0 and index == anchor_first
                    else "above the headline (menus and teasers)"
                )
            else:
                why = _reason(k, p1, lines, region, n)
            out[index] = block.drop(self.name, why)
        if headline is not None:
            # the page title's repeat is the headline: it goes to the metadata, as metadata lifts it
            out[headline] = out[headline].drop(
                self.name, "headline (the page title printed again)", lifted_as="title"
            )
            if not doc.metadata.title:
                return doc.with_blocks(out).with_metadata(title=doc.blocks[headline].text)
        return doc.with_blocks(out)
