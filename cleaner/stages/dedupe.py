"""Repetition: lines a dump prints twice — the headline again, a menu again, a boilerplate line again.

Three kinds of repeat leave the body:

- a line that **repeats the headline** the metadata stage lifted (also as
  ``Headline | Site``);
- a **menu printed twice**: a run of at least :data:`MENU_RUN` consecutive short
  lines that appears twice in the same order;
- a **repeated short line** (at most :data:`SHORT_WORDS` words) printed again;
- the **article printed again**: a run of at least :data:`COPY_RUN` prose
  paragraphs that already appeared in the same order from the page's first
  paragraphs on (a dump holding the article twice, as markup and as embedded
  data); the later copy goes. Repeated runs further down (the same terms under
  each offer, a review quoted twice) stay.

Only copies outside the body region go: above the body's first run of prose or
below its last prose line (a table of contents above the article, a section name
in the menu and again in the footer). Every copy inside the body region stays:
a refrain, a code example shown twice, a table header, or a subheading repeated
between paragraphs is part of the article. Without a run of prose there is no
body region, and only the headline's repeats go.

Three kinds of repeat outside the body region stay too: a line of code (code
examples share lines), a **price** (``$170.00``: two items of a list cost the
same), and a **field repeated at each item** of a list (a
"Reply" under each post, a "Price" label on each product): printed
:data:`RECORD_COPIES`+ times on one side of the body with lines of each item's
own between the copies.
"""

from __future__ import annotations

import re

import regex

from ..document import Block, Document
from ..memo import Memo
from ..patterns import lazy
from ..stage import Stage, register
from .metadata import body_start, is_prose, key, word_count

#: a menu printed twice is a run of at least this many short lines
MENU_RUN = 3
#: a short line has at most this many words
SHORT_WORDS = 8
#: a line with more than this many spaces per word of the longest line of interest needs no key
KEY_MAX_SPACES = 2
#: a line printed at least this many times, each copy among lines of its own, is a record field
RECORD_COPIES = 3
#: ... with at least this many lines between each two copies
RECORD_GAP = 3
#: a headline copy may carry a site name of at most this many words ("Headline | Site")
SITE_MAX_WORDS = 6

#: the article printed again is a run of at least this many prose paragraphs seen before, in order,
COPY_RUN = 3
#: ... whose first copy starts at one of the page's first this many prose paragraphs
COPY_FROM = 2

#: punctuation of code, which a menu item or boilerplate line never carries
_CODE = lazy(re.compile, r"[{};=]|\w\(|^\s*[)\]]")
#: a price and nothing else: a currency sign with figures (``$170.00``, ``12,99 €``, ``$89 - $120``)
_PRICE = lazy(regex.compile, r"^(?=.*\p{Sc})(?=.*\d)[\p{Sc}\d\s.,'\u2019\-\u2013/]+")
_TITLE_TAIL = lazy(re.compile, r"^\s*(?:\||[-–—·»:/]|::)\s*")


#: distinct short lines whose :func:`_may_be_item` answer is remembered (the settle rounds ask again)
ITEM_MEMO_SIZE = 8192
_ITEMS: Memo[str, bool] = Memo(ITEM_MEMO_SIZE)


def _may_be_item(text: str) -> bool:
    """Neither a line of code (``const total = sum(prices);``) nor a price (two items of a list
    often cost the same): asked of short lines only, so the memo holds short strings."""
    found = _ITEMS.get(text)
    if found is None:
        found = _ITEMS.put(text, not _CODE.search(text) and not _PRICE.fullmatch(text))
    return found


def _repeats_title(text_key: str, raw: str, title_key: str, title_words: int) -> bool:
    if text_key == title_key:
        return True
    if not text_key.startswith(title_key + " ") and not text_key.endswith(" " + title_key):
        return False
    # "Headline | Site" or "Site - Headline": the rest must be a short site name after a separator
    rest_words = word_count(text_key) - title_words
    return 0 < rest_words <= SITE_MAX_WORDS and bool(re.search(r"\s(?:\||[-–—·»:/]|::)\s|\|", raw))


@register
class Dedupe(Stage):
    """Drop lines printed twice: the headline again, a menu again, a short boilerplate line again.

    **Removes:** ``Kremlin explains why talks with Japan are impossible`` printed
    again under the standfirst (repeats the headline).
    **Keeps:** ``Chorus`` printed twice between paragraphs of a song review (both
    copies stand inside the body region).
    """

    name = "dedupe"

    def run(self, doc: Document) -> Document:
        blocks = list(doc.blocks)
        live = [i for i, b in enumerate(blocks) if b.removal is None and b.text]
        if not live:
            return doc
        title = doc.metadata.title
        title_key = key(title) if title else ""
        title_words = word_count(title_key)
        # only lines short enough to be a menu item or the headline again need a key
        spaces = KEY_MAX_SPACES * max(SHORT_WORDS, title_words + SITE_MAX_WORDS)
        prose: list[bool] = []
        keys: list[str] = []
        short: list[bool] = []
        for i in live:
            text = blocks[i].text
            if is_prose(text):
                prose.append(True)
                keys.append("")
                short.append(False)
                continue
            k = "" if text.count(" ") > spaces else key(text)
            prose.append(False)
            keys.append(k)
            # a key is words joined by single spaces: its word count is its spaces plus one; a
            # line of code or a price is never a menu item, however often printed
            short.append(bool(k) and k.count(" ") < SHORT_WORDS and _may_be_item(text))
        drop: dict[int, str] = {}

        if title_words:
            for p, i in enumerate(live):
                # a copy of the headline holds its key: a cheap test before the full one
                if title_key in keys[p] and _repeats_title(keys[p], blocks[i].text, title_key, title_words):
                    drop[p] = "repeats the headline"

        first, found = body_start(prose)
        if found:  # without a run of prose there is no body region to tell copies apart
            last = max(p for p, ok in enumerate(prose) if ok)
            menus = self._menu_repeats(keys, short)
            count: dict[str, int] = {}
            for p, k in enumerate(keys):
                if short[p] and k:
                    count[k] = count.get(k, 0) + 1
            records = self._record_fields(keys, short, count, first, last)
            for p, k in enumerate(keys):
                if p in drop or not short[p] or first <= p <= last or k in records:
                    continue
                if p in menus:
                    drop[p] = "menu printed twice"
                elif count.get(k, 0) > 1:
                    drop[p] = "repeated line"

        for p in self._copied_prose(blocks, live, prose):
            drop.setdefault(p, "article printed again")

        if not drop:
            return doc
        for p, reason in drop.items():
            i = live[p]
            blocks[i] = blocks[i].drop(self.name, reason)
        return doc.with_blocks(blocks)

    @staticmethod
    def _record_fields(
        keys: list[str], short: list[bool], count: dict[str, int], first: int, last: int
    ) -> set[str]:
        """Keys of fields repeated at each item of a list outside the body region.

        A field of a list of items ("Reply" under each post, "Price" on each
        product) is printed RECORD_COPIES+ times on one side of the body, with
        at least RECORD_GAP lines and one line of the item's own (its name,
        its text) between each two copies; a menu printed again has only
        repeated lines between its copies, and a share bar above and below the
        article has the body between them.
        """
        places: dict[str, list[int]] = {}
        for p, k in enumerate(keys):
            if short[p] and count.get(k, 0) >= RECORD_COPIES:
                places.setdefault(k, []).append(p)
        records: set[str] = set()
        for k, at in places.items():
            if not (at[-1] < first or at[0] > last):
                continue  # copies on both sides of the body
            if all(
                b - a > RECORD_GAP
                and any(not short[q] or count.get(keys[q], 0) == 1 for q in range(a + 1, b))
                for a, b in zip(at, at[1:], strict=False)
            ):
                records.add(k)
        return records

    @staticmethod
    def _copied_prose(blocks: list[Block], live: list[int], prose: list[bool]) -> set[int]:
        """Positions of prose paragraphs in a later copy of the article's opening paragraphs.

        A run of COPY_RUN+ paragraphs that already appeared, in order, starting
        at one of the first COPY_FROM prose paragraphs, and its continuation.
        Paragraphs are compared in the order of the prose lines only, so short
        lines that differ between the copies (a date, a byline) do not hide it.
        """
        at = [p for p, ok in enumerate(prose) if ok]
        if len(at) < 2 * COPY_RUN:
            return set()
        # A paragraph's key is taken only when a comparison needs it (keys of long paragraphs
        # cost the most of this stage, and most pages hold no copy).
        keys: list[str | None] = [None] * len(at)

        def key_at(n: int) -> str:
            found = keys[n]
            if found is None:
                found = keys[n] = key(blocks[live[at[n]]].text)
            return found

        def window(n: int) -> tuple[str, ...]:
            return tuple(key_at(m) for m in range(n, n + COPY_RUN))

        opening = {window(i): i for i in range(min(COPY_FROM, len(at) - COPY_RUN))}
        seen = {k for w in opening for k in w}  # every key of an opening window
        copies: set[int] = set()
        j = COPY_RUN
        while j <= len(at) - COPY_RUN:
            if key_at(j + COPY_RUN - 1) not in seen:
                # No window holding this paragraph is an opening one: those starting at
                # j .. j + COPY_RUN - 1 are all passed over, as they would be one by one.
                j += COPY_RUN
                continue
            i = opening.get(window(j))
            if i is None or i + COPY_RUN > j:
                j += 1
                continue
            n = COPY_RUN  # the copy goes on as long as the paragraphs match
            while j + n < len(at) and i + n < j and key_at(i + n) == key_at(j + n):
                n += 1
            copies.update(at[j : j + n])
            j += n
        return copies

    @staticmethod
    def _menu_repeats(keys: list[str], short: list[bool]) -> set[int]:
        """Positions in runs of MENU_RUN+ short lines whose sequence appears twice."""
        first: dict[tuple[str, ...], int] = {}
        hits: set[int] = set()
        run = 0  # short lines in a row, counted backwards: a window of MENU_RUN ends at p + MENU_RUN - 1
        starts: list[int] = []
        for p in range(len(keys) - 1, -1, -1):
            run = run + 1 if short[p] else 0
            if run >= MENU_RUN:
                starts.append(p)
        for p in reversed(starts):
            window = tuple(keys[p : p + MENU_RUN])
            if len(set(window)) < 2:
                continue  # the same line three times is not a menu
            q = first.setdefault(window, p)
            if q != p and q + MENU_RUN <= p:
                hits.update(range(q, q + MENU_RUN))
                hits.update(range(p, p + MENU_RUN))
        return hits
