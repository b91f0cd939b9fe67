"""Navigation: menus, breadcrumbs, skip links, pagination and language pickers."""

from __future__ import annotations

import regex

from .. import lexicon
from ..document import Document
from ..memo import Memo
from ..patterns import NUMBER, item_set, lazy, line_key, phrase_set
from ..protect import is_protected
from ..stage import TextFilter, register
from .markdown import LINK_SHARE

#: Lines longer than this (characters) are never navigation.
MAX_LINE_CHARS = 300
#: A breadcrumb has at least this many parts (two when it starts at a home link) ...
MIN_CRUMBS = 3
#: ... each at most this many words.
MAX_CRUMB_WORDS = 5
MAX_CRUMB_CHARS = 40

_REASONS = {"navigation": "navigation link", "language_name": "language picker"}

#: A menu printed on one line has at least this many items (navigation words,
#: section names, language names) separated by spaces, pipes, slashes or arrows.
MIN_MENU_ITEMS = 2
#: A markdown line whose text was at least this share link text is a link line.
WHOLE_LINK = 0.99
#: A line of at most this many words between two menu lines is a menu item too.
MAX_SANDWICHED_WORDS = 3
#: Distinct short lines whose "one menu item" answer is remembered.
ITEM_MEMO_SIZE = 8192
_MENU_CONCEPTS = ("navigation", "section", "language_name", "copyright", "cookie", "newsletter")

# Breadcrumb separators: the guillemet-like arrows anywhere; '>' and '/' between
# spaces, and then only after a home link (``Home > News``), since body text
# uses them too (``Pro / Max / Ultra``). Pipes are left to the menu rule.
_CRUMB_SPLIT = lazy(regex.compile, r"(?<!\s)(?:\s+[/>]\s+|\s*[›»]\s*)|[›»]\s*")
_CRUMB_ARROW = lazy(regex.compile, r"[›»]")
_HOME = ("navigation",)
_SENTENCE_END = lazy(regex.compile, r"[.!?]\s")

# Pagination: page numbers, ellipses, arrows and pagination words only.
_PAGE_TOKEN_SPLIT = lazy(regex.compile, r"[\s|]+")
_LETTER = lazy(regex.compile, r"[^\W\d_]")
_PAGE_WORDS = frozenset(e.casefold() for e in lexicon.load("pagination") if " " not in e)
_PAGE_SYMBOLS = frozenset({"…", "...", "«", "»", "‹", "›", "<", ">", "←", "→", "<<", ">>", "-", "–", "/"})
#: A pagination line is at most this long ("« 1 2 3 … 10 Next »").
MAX_PAGINATION_CHARS = 80
#: Page numbers have at most this many digits.
MAX_PAGE_DIGITS = 3
_PAGE_NUMBER = lazy(regex.compile, rf"\d{{1,{MAX_PAGE_DIGITS}}}")


def _is_breadcrumb(line: str) -> bool:
    parts = [p for p in _CRUMB_SPLIT.split(line) if p]
    if len(parts) < 2:
        return False
    for part in parts:
        if len(part) > MAX_CRUMB_CHARS or len(part.split()) > MAX_CRUMB_WORDS:
            return False
    if _SENTENCE_END.search(line):
        return False
    if item_set(*_HOME).count(parts[0]) == 1:
        return True
    if _CRUMB_ARROW.search(line) is None:
        return False
    return len(parts) >= MIN_CRUMBS or item_set(*_MENU_CONCEPTS).count(parts[0]) == 1


def _has_words(key: str) -> bool:
    """Not numbers alone: a row of figures is a table row, not a menu."""
    return _LETTER.search(key.replace(NUMBER, "")) is not None


def _short_label(text: str) -> bool:
    """A few words with no sentence punctuation: ``Lyon``, ``Deep sea`` (not a bare number)."""
    if len(text) > MAX_CRUMB_CHARS or len(text.split()) > MAX_SANDWICHED_WORDS:
        return False
    return not any(c in text for c in ".!?:;,") and any(c.isalpha() for c in text)


def _is_pagination(line: str) -> bool:
    numbers = words = 0
    consecutive = False
    previous = -1
    for token in _PAGE_TOKEN_SPLIT.split(line):
        if not token:
            continue
        if _PAGE_NUMBER.fullmatch(token):
            numbers += 1
            consecutive = consecutive or int(token) == previous + 1
            previous = int(token)
        elif token.casefold() in _PAGE_WORDS:
            words += 1
        elif token not in _PAGE_SYMBOLS:
            return False
    # "1 2 3": page numbers count up; "12 34 56" is a row of figures.
    return (numbers >= 2 and consecutive) or (numbers >= 1 and words >= 1)


@register
class Navigation(TextFilter):
    """Drop menu items, breadcrumbs, skip links, pagination and language pickers.

    **Removes:** ``Home › World › Europe``, ``Skip to main content``, ``1 2 3 … 10 Next``
    **Keeps:** ``Home prices rose 4% in March, the agency said.``
    """

    name = "navigation"

    _phrases = phrase_set("navigation", "language_name")
    _menu = item_set(*_MENU_CONCEPTS)
    #: whether a short line is one menu item, by its text (lines of at most MAX_CRUMB_CHARS)
    _items: Memo[str, bool] = Memo(ITEM_MEMO_SIZE)

    def verdict(self, text: str) -> str | None:
        """Why the line is navigation, whatever the user protects (it depends on the text alone)."""
        if len(text) > MAX_LINE_CHARS:
            return None
        line, key, glued = line_key(text)
        if not key:
            return None
        why: str | None = None
        hit = self._phrases.find_key(key)
        if hit is not None:
            why = _REASONS[hit.concept]
        elif (
            self._menu.count_key(key) >= MIN_MENU_ITEMS
            or (glued and self._menu.count_key(glued, glued=True) >= MIN_MENU_ITEMS)
        ) and _has_words(key):
            why = "menu"
        elif "{n}" in key and len(line) <= MAX_PAGINATION_CHARS and _is_pagination(line):
            why = "pagination"
        elif ("›" in line or "»" in line or " > " in key or " / " in key) and _is_breadcrumb(line):
            why = "breadcrumb trail"
        return why

    def run(self, doc: Document) -> Document:
        """Line by line first; then single menu items next to other menu lines.

        A line that is one menu item ("Sport") goes when the line before or after
        it is menu too; a short unknown label ("Lyon") goes when the lines on both
        sides are menu.
        """
        doc = super().run(doc)
        blocks = list(doc.blocks)
        # The lines the context rule looks at: kept non-blank ones and our own removals.
        seen = [
            i for i, b in enumerate(blocks) if b.text and (b.removal is None or b.removal.stage == self.name)
        ]
        short = [
            n
            for n, i in enumerate(seen)
            if blocks[i].removal is None and len(blocks[i].text) <= MAX_CRUMB_CHARS
        ]
        single = {seen[n] for n in short if self._one_item(blocks[seen[n]].text)}
        if not single:
            return doc
        menu = {i for i in seen if blocks[i].removal is not None} | single
        changed = False
        # In a markdown dump a menu item that was a link on its own line is menu whatever its neighbours.
        for i in single:
            linked = blocks[i].hints.get(LINK_SHARE, 0.0) >= WHOLE_LINK
            if linked and not is_protected(blocks[i].text, self.options):
                blocks[i] = blocks[i].drop(self.name, "menu link")
                changed = True
        last = len(seen) - 1
        for n in short:
            i = seen[n]
            if blocks[i].removal is not None:
                continue
            above = seen[n - 1] if n > 0 else -1
            below = seen[n + 1] if n < last else -1
            if i in single:
                hit = above in menu or below in menu
            else:
                hit = above in menu and below in menu and _short_label(blocks[i].text)
            if hit and not is_protected(blocks[i].text, self.options):
                blocks[i] = blocks[i].drop(self.name, "menu")
                menu.add(i)
                changed = True
        return doc.with_blocks(blocks) if changed else doc

    def _one_item(self, text: str) -> bool:
        """The line is one menu item (``Sport``): remembered, as the settle rounds ask again."""
        found = self._items.get(text)
        if found is None:
            _, key, _ = line_key(text)
            found = self._items.put(text, bool(key) and self._menu.count_key(key) == 1)
        return found
