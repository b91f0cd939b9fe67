"""Structure: for HTML input, keep the page's main text container and drop the page around it.

Works on the DOM hints the HTML reader leaves on each block (see
:mod:`cleaner.html`); on text dumps it does nothing. Two passes, as in jusText:

1. Choose the main container. Every paragraph-like block (long enough, five words or
   more, little linked text) scores its parent and, decaying, a few more ancestors, as in
   Readability; an element's score is multiplied by its share of unlinked text
   and raised by content class/id tokens (``article-body``), lowered by
   anti-content ones (``sidebar``). A semantic container (``[itemprop=articleBody]``,
   ``<article>``, ``<main>``) that holds most of the winner's text is preferred;
   siblings of the winner that score nearly as well, and elements of its kind anywhere on
   the page (same tag and class: a manual's sections, a thread's question and answers),
   join it; so does the part of the page around a headline it leaves out (a product's
   name, price and features above its description). A discussion holding most of the
   container's text (a thread's replies) is content there.
2. Judge each block: outside the container it goes, named after the chrome or
   token it sits in; inside, blocks under page chrome (``<aside>``, ``<nav>``),
   under anti-content tokens (``share-bar``; a weak one on a heading names the heading),
   form fields, pictures' captions (not a figure's table or code), link lists (unless they
   are most of the container, a listing, or a linked heading over its item's text), the
   headline (lifted as the title) and short bylines or datelines under furniture tokens
   (unless every item of a list has one) go.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import regex

from ..document import Block, Document, Frozen
from ..lexicon import load
from ..patterns import lazy
from ..stage import Stage, register

if TYPE_CHECKING:  # the HTML reader is only imported when an HTML page is read
    from ..html import Node

#: A block counts as a paragraph when it has this many characters ...
PARAGRAPH_MIN_CHARS = 25
#: ... and at most this share of linked text.
PARAGRAPH_MAX_LINKS = 0.5
#: ... and this many words (in a script that spaces them).
PARAGRAPH_MIN_WORDS = 5
#: How many ancestors above a paragraph's element share its score (parent first).
SCORE_ANCESTORS = 5
#: An element's score is multiplied by this for a content class/id token (``article-body``) ...
CONTENT_TOKEN_FACTOR = 1.3
#: ... and by this for an anti-content token (``sidebar``).
ANTI_TOKEN_FACTOR = 0.5
#: An element under page chrome or an anti-content token keeps this share of its score.
ANTI_ANCESTOR_FACTOR = 0.3
#: Siblings of the winning element join it when they score this share of the winner's score.
SIBLING_SHARE = 0.2
#: A sibling of the winner's kind (same tag and class) joins it unless more linked than this.
SAME_KIND_MAX_LINKS = 0.5
#: ... when the winner is a clear run of prose (a listing's cards are of one kind too, and are
#: judged one by one instead).
SAME_KIND_MIN_SCORE = 30.0
#: When the main container holds less than this share of the page's unlinked text, the page is
#: many parts (a shop, a service's home page): no container, only chrome and link lists go.
PAGE_MODE_SHARE = 0.2
#: An anti-content element (``comments``) inside the main container holding this share of its
#: unlinked text is the content itself (a forum thread's posts).
OWNS_MAIN_SHARE = 0.5
#: Below this score the best element is no run of paragraphs (a product page, a thread).
WEAK_TOP_SCORE = 12.0
#: A semantic container replaces the winner when it holds this share of the winner's unlinked text.
SEMANTIC_SHARE = 0.6
#: ... and at least this many characters of unlinked text.
SEMANTIC_MIN_CHARS = 200
#: The part of the page around a headline set apart from the container joins it when it holds
#: this many characters of unlinked text (more than a standfirst and a byline).
HEADLINE_REGION_MIN_CHARS = 400
#: ... and at most this share of linked text (a shop's grid of items around it is no part of it).
HEADLINE_REGION_MAX_LINKS = 0.25
#: Inside the container, a block with at least this share of linked text is a link list ...
LINK_LIST_DENSITY = 0.6
#: ... and a list or table whose items are this linked as a whole goes entirely.
LINK_GROUP_DENSITY = 0.5
#: When link lists hold this share of the container's text, the container is a listing: they stay.
LISTING_SHARE = 0.45
#: Furniture (byline, dateline) under a furniture token is at most this long.
FURNITURE_MAX_CHARS = 160
#: An element of a kind (tag and class) found this many times on the page is no byline or
#: dateline: it is a field of every item of a list (a listing's titles, authors and dates).
FURNITURE_MAX_REPEATS = 10

#: Lists and tables: a winning list's kind is a style of lists, not a kind of section.
LIST_TAGS = frozenset({"ul", "ol", "dl", "menu", "li", "table", "tbody", "tr", "td"})
#: An element holding more unlinked text than this is no header or toolbar, whatever
#: its weak anti-content tokens say (strong ones, such as "comments", still hold).
WEAK_ANTI_MAX_CHARS = 1000
#: An element holding this share of the page's unlinked text wraps the page: no name makes it chrome.
PAGE_WRAPPER_SHARE = 0.8
#: Heading elements: a weak anti-content name on one of them ("code-header") names the heading itself.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that wrap the whole page: their class tokens say nothing about a block.
PAGE_ROOTS = frozenset({"body", "html", "[document]"})

_COMMA = lazy(regex.compile, r"[,،、，;]")

_BASE_TAG_SCORE = {
    "div": 5.0, "article": 8.0, "main": 5.0, "section": 3.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
    "form": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "li": -3.0, "dd": -3.0, "dt": -3.0,
    "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0,
    "header": -10.0, "footer": -20.0, "nav": -25.0, "aside": -20.0, "body": -10.0, "html": -20.0,
}  # fmt: skip


@cache
def token_classes() -> dict[str, frozenset[str]]:
    """Class/id tokens from the lexicon, by sign.

    ``-`` anti-content, ``!`` strong anti-content, ``=`` discussion (strong anti-content too),
    ``+`` content, ``~`` furniture.
    """
    found: dict[str, set[str]] = {"-": set(), "!": set(), "=": set(), "+": set(), "~": set()}
    for entry in load("dom_tokens"):
        if entry[0] in found:
            found[entry[0]].add(entry[1:].lower())
    found["!"] |= found["="]
    found["-"] |= found["!"]
    return {sign: frozenset(tokens) for sign, tokens in found.items()}


class Flags(Frozen):
    """Per element of the page (by serial): what its class/id tokens say."""

    __slots__ = ("anti", "strong", "content", "furniture")
    __match_args__ = ("anti", "strong", "content", "furniture")

    anti: list[str]  # the anti-content token found, or ""
    strong: list[bool]  # an anti-content token that rules out the main text beneath
    content: list[bool]  # a content token (it overrides the anti-content ones)
    furniture: list[str]  # the furniture token found, or ""

    def __init__(
        self, anti: list[str], strong: list[bool], content: list[bool], furniture: list[str]
    ) -> None:
        self._set(anti, strong, content, furniture)


class Choice(Frozen):
    """The main container: its elements, the elements around it, and how it was found."""

    __slots__ = ("main", "exempt", "prose")
    __match_args__ = ("main", "exempt", "prose")

    main: frozenset[int]  # empty: no container (a page of many parts); blocks are judged by marks
    exempt: frozenset[int]  # elements around the main text: never chrome, whatever their names
    prose: bool  # a run of paragraphs won (an article): link lists inside it go too

    def __init__(self, main: frozenset[int], exempt: frozenset[int], prose: bool) -> None:
        self._set(main, exempt, prose)


def node_flags(nodes: Sequence[Node], unlinked: dict[int, float] | None = None) -> Flags:
    """What the class/id tokens of every element say, looked up once per page.

    With ``unlinked`` (unlinked characters per element), an element holding more than
    :data:`WEAK_ANTI_MAX_CHARS` loses a weak anti-content mark: a "header" or "toolbar"
    element holding a page of text is no header.
    """
    classes = token_classes()
    anti, strong, content, furniture = classes["-"], classes["!"], classes["+"], classes["~"]
    flags = Flags([], [], [], [])
    for node in nodes:
        toks = node.tokens
        has_content = any(t in content for t in toks)
        bad = "" if has_content else next((t for t in toks if t in anti), "")
        big = unlinked is not None and unlinked.get(node.serial, 0.0) > WEAK_ANTI_MAX_CHARS
        if bad and (big or node.tag in HEADING_TAGS) and not any(t in strong for t in toks):
            # (a heading named "section-header" heads a section; it is no page header)
            bad = ""
        flags.anti.append(bad)
        flags.strong.append(bool(bad) and any(t in strong for t in toks))
        flags.content.append(has_content)
        flags.furniture.append(next((t for t in toks if t in furniture), ""))
    return flags


@register
class Structure(Stage):
    """For HTML pages: keep the main text container, drop navigation, sidebars, share bars and link lists.

    **Removes:** ``Share on Facebook`` inside ``<div class="share-bar">``, a menu inside ``<nav>``.
    **Keeps:** ``The council shared the report on Monday.`` in a ``<p>`` of the ``<article>``.
    """

    name = "structure"

    def run(self, doc: Document) -> Document:
        if doc.kind != "html":
            return doc
        live = [b for b in doc.blocks if b.removal is None and b.text and b.hints.get("chain")]
        if not live:
            return doc
        nodes: Sequence[Node] = live[0].hints["nodes"]
        chars, linked = self._sizes(live)
        unlinked = {s: chars[s] - linked[s] for s in chars}
        flags = node_flags(nodes, unlinked)
        choice = self._main_container(live, nodes, flags, chars, linked, unlinked)
        link_groups = self._linked_groups(live, nodes)
        if choice.prose and self._mostly_links(live, choice.main, link_groups):
            # the container is a list of links (a listing, an index): its links are its content
            choice = Choice(choice.main, choice.exempt, False)
        kinds = Counter((node.tag, node.cls) for node in nodes if node.cls)
        text_figures = self._text_figures(live, nodes)
        fieldsets = frozenset(node.serial for node in nodes if node.tag == "fieldset")
        headline_done = False
        title = (doc.metadata.title or "").casefold()
        out: list[Block] = []
        lone = self._lone_links(doc.blocks) if choice.prose else frozenset()
        for index, block in enumerate(doc.blocks):
            if block.removal is None and block.text and block.hints.get("chain"):
                why, lift = self._judge(
                    block,
                    nodes,
                    choice,
                    flags,
                    link_groups,
                    kinds,
                    text_figures,
                    headline_done,
                    title,
                    lone=index in lone,
                    fieldsets=fieldsets,
                )
                if lift and why is not None:
                    headline_done = True
                    block = block.drop(self.name, why, lifted_as="title")
                elif why is not None:
                    block = block.drop(self.name, why)
            out.append(block)
        return doc.with_blocks(out)

    @staticmethod
    def _sizes(live: list[Block]) -> tuple[dict[int, int], dict[int, float]]:
        """Characters of text under each element, and how many of them are linked."""
        chars: dict[int, int] = defaultdict(int)
        linked: dict[int, float] = defaultdict(float)
        for block in live:
            n = len(block.text)
            ld = block.hints.get("link_density", 0.0)
            for serial in block.hints["chain"]:
                chars[serial] += n
                linked[serial] += n * ld
        return chars, linked

    # -- pass 1: the main container ---------------------------------------------------------------

    def _main_container(
        self,
        live: list[Block],
        nodes: Sequence[Node],
        flags: Flags,
        chars: dict[int, int],
        linked: dict[int, float],
        unlinked: dict[int, float],
    ) -> Choice:
        """The main container's elements, and the elements around the main text (never chrome).

        ``chars`` and ``linked`` are :meth:`_sizes` of ``live``.
        """
        anti_of, content_of = flags.anti, flags.content
        score: dict[int, float] = defaultdict(float)
        for block in live:
            h = block.hints
            chain = h["chain"]
            n = len(block.text)
            ld = h.get("link_density", 0.0)
            if n < PARAGRAPH_MIN_CHARS or ld > PARAGRAPH_MAX_LINKS or h.get("level"):
                continue
            if 0 < block.text.count(" ") < PARAGRAPH_MIN_WORDS - 1:
                # a label of a few words ("Control Panels and Control Boards 6949"), not a
                # sentence (a text without spaces is in a script written without them)
                continue
            if nodes[chain[-1]].chrome:
                # text of a <nav>, <footer> or <aside> itself (the reader folds them into lines):
                # page chrome scores no container
                continue
            s = 1.0 + len(_COMMA.findall(block.text)) + min(n / 100.0, 3.0)
            # the paragraph's own element counts as the "p"; its ancestors share the score
            for level, serial in enumerate(reversed(chain[:-1])):
                if level >= SCORE_ANCESTORS:
                    break
                score[serial] += s / (1.0 if level == 0 else 2.0 if level == 1 else level * 3.0)

        # a <nav> or <aside> holding most of the page's text is broken markup (left open around
        # the page), not page chrome (a footer may hold pages of legal text)
        page_text = unlinked[live[0].hints["chain"][0]]
        open_chrome = frozenset(
            serial
            for serial in chars
            if nodes[serial].chrome not in ("", "header", "footer", "role=contentinfo")
            and unlinked[serial] >= OWNS_MAIN_SHARE * page_text
        )

        def final(serial: int) -> float:
            node = nodes[serial]
            value = score[serial] + _BASE_TAG_SCORE.get(node.tag, 0.0)
            if value <= 0:
                return value
            if content_of[serial]:
                value *= CONTENT_TOKEN_FACTOR
            elif anti_of[serial]:
                value *= ANTI_TOKEN_FACTOR
            total = chars[serial] or 1
            value *= 1.0 - linked[serial] / total
            return value * ANTI_ANCESTOR_FACTOR if under_anti(serial) else value

        def under_anti(serial: int, wrapper: float = float("inf")) -> bool:
            """Whether an ancestor below <body> is page chrome or carries a strong anti-content token.

            Ancestors holding ``wrapper`` characters of unlinked text or more wrap the page: their
            names ("sticky-footer-wrapper") say nothing.
            """
            serial = nodes[serial].parent
            while serial >= 0 and nodes[serial].tag not in PAGE_ROOTS:
                if unlinked[serial] >= wrapper:
                    serial = nodes[serial].parent
                    continue
                chrome = nodes[serial].chrome not in ("", "header") and serial not in open_chrome
                if flags.strong[serial] or chrome:
                    return True
                serial = nodes[serial].parent
            return False

        def under_chrome(serial: int) -> bool:
            """Whether the element lies in a page footer, navigation or complementary box.

            A <main> or <article> met first means broken markup (an unclosed <nav> around the
            page), not a footer.
            """
            while serial >= 0:
                node = nodes[serial]
                if node.content:
                    return False
                if node.chrome not in ("", "header") and serial not in open_chrome:
                    return True
                serial = node.parent
            return False

        ranked = {s: final(s) for s in score}
        self.last_ranked = ranked  # for debugging the choice; not part of the result
        top = max(ranked, key=lambda s: ranked[s]) if ranked else -1
        semantic = [
            serial
            for serial, node in enumerate(nodes)
            if (node.itemprop_body or node.content) and unlinked.get(serial, 0) >= SEMANTIC_MIN_CHARS
        ]
        if not ranked or ranked[top] < WEAK_TOP_SCORE:
            # no clear run of paragraphs (a product, a forum thread, a listing): the semantic
            # container with the most text, or no container at all
            if not semantic:
                root = live[0].hints["chain"][0]
                return Choice(frozenset(), self._owners(root, unlinked, anti_of, nodes) | open_chrome, False)
            top = max(semantic, key=lambda s: unlinked[s])
            exempt = self._ancestors(top, nodes) | self._owners(top, unlinked, anti_of, nodes) | open_chrome
            return Choice(frozenset({top}), exempt, False)
        # a semantic container holding most of the winner's text is the better boundary
        best_semantic = None
        for serial in semantic:
            node = nodes[serial]
            inside = self._overlap(serial, top, nodes, unlinked)
            if inside >= SEMANTIC_SHARE * unlinked.get(top, 0):
                rank = (node.itemprop_body, -unlinked[serial] if self._is_ancestor(serial, top, nodes) else 0)
                if best_semantic is None or rank > best_semantic[0]:
                    best_semantic = (rank, serial)
        exempt = self._ancestors(top, nodes) | open_chrome
        chosen = {top}
        if best_semantic is not None:
            chosen = {best_semantic[1]}
            top = best_semantic[1]
            exempt |= self._ancestors(top, nodes)
        # siblings of the winner that score nearly as well join it
        parent = nodes[top].parent
        threshold = max(10.0, ranked.get(top, 0.0) * SIBLING_SHARE)
        if parent >= 0:
            for serial, value in ranked.items():
                if (
                    serial != top
                    and nodes[serial].parent == parent
                    and value >= threshold
                    and not anti_of[serial]
                ):
                    chosen.add(serial)
        # sections of one kind (same tag and class as the winner: a manual's "refsect", a
        # thread's question and answers) join it whatever their score and wherever they sit,
        # unless they are link lists or lie under page chrome
        kind = (nodes[top].tag, nodes[top].cls)
        # the best run of prose is itself a comment: the page is a discussion, and the other
        # comments are of its kind
        discussion_tokens = token_classes()["="]
        discussion = any(anti_of[s] in discussion_tokens for s in self._ancestors(nodes[top].parent, nodes))
        if (kind[1] or kind[0] == "article") and (discussion or ranked.get(top, 0.0) >= SAME_KIND_MIN_SCORE):
            # (a list's kind is a style of lists: only its siblings join it; an <article> is a
            # kind of its own, class or not)
            anywhere = kind[0] not in LIST_TAGS
            for node in nodes:
                serial = node.serial
                if (
                    serial != top
                    and (anywhere or node.parent == nodes[top].parent)
                    and (node.tag, node.cls) == kind
                    and not anti_of[serial]
                    and chars.get(serial, 0) > 0
                    and linked.get(serial, 0.0) <= SAME_KIND_MAX_LINKS * chars[serial]
                    and (discussion or not under_anti(serial))
                ):
                    chosen.add(serial)
                    if discussion:
                        exempt |= self._ancestors(serial, nodes)
        if under_chrome(top):
            # the best run of paragraphs is the legal text of a footer: a page of many parts
            return Choice(frozenset(), open_chrome, False)
        if sum(unlinked.get(s, 0.0) for s in chosen) < PAGE_MODE_SHARE * page_text:
            # the winner holds little of the page's text: a page of many parts (a shop, a
            # service's home), where the content is what is not chrome
            return Choice(frozenset(), exempt, False)
        for owner in self._owners(top, unlinked, anti_of, nodes):
            if anti_of[owner] in discussion_tokens:
                # a discussion holding most of the container's text is the page's content (a
                # thread's replies below its first post), and so are its posts of the same name
                exempt |= self._named_alike(owner, nodes, anti_of)
        region = self._headline_region(live, nodes, chosen, top)
        if (
            region >= 0
            and unlinked.get(region, 0.0) >= HEADLINE_REGION_MIN_CHARS
            and linked.get(region, 0.0) <= HEADLINE_REGION_MAX_LINKS * chars[region]
            and not under_anti(region, PAGE_WRAPPER_SHARE * page_text)
            and not anti_of[region]
            and not under_chrome(region)
        ):
            # the page's headline sits apart from the best run of paragraphs (a product's name,
            # price and features above a long description): its part of the page joins
            chosen.add(region)
            exempt |= self._ancestors(region, nodes)
        return Choice(frozenset(chosen), exempt, True)

    def _headline_region(self, live: list[Block], nodes: Sequence[Node], chosen: set[int], top: int) -> int:
        """The part of the page around its first ``<h1>`` when the container leaves it out, or -1.

        That part is the largest element holding the headline but not the container.
        """
        h1 = next((b for b in live if b.hints.get("level") == 1), None)
        if h1 is None:
            return -1
        chain: tuple[int, ...] = h1.hints["chain"]
        if any(serial in chosen for serial in chain):
            return -1
        around = self._ancestors(top, nodes)
        split = next((i for i, serial in enumerate(chain) if serial not in around), -1)
        if split <= 0 or split >= len(chain) - 1:
            return -1  # the headline alone
        return chain[split]

    def _owners(
        self, scope: int, unlinked: dict[int, float], anti_of: list[str], nodes: Sequence[Node]
    ) -> frozenset[int]:
        """Anti-content elements inside ``scope`` that hold most of its text: they are the content.

        A forum thread's posts sit in a "comments" container; on such a page they are the page.
        """
        held = unlinked.get(scope, 0.0)
        return frozenset(
            serial
            for serial, value in unlinked.items()
            if anti_of[serial]
            and OWNS_MAIN_SHARE * held <= value <= held
            and self._is_ancestor(scope, serial, nodes)
        )

    @staticmethod
    def _named_alike(owner: int, nodes: Sequence[Node], anti_of: list[str]) -> frozenset[int]:
        """``owner`` and the elements inside it carrying its anti-content token (its posts)."""
        token = anti_of[owner]
        inside = {owner}
        found = {owner}
        for node in nodes[owner + 1 :]:
            if node.parent not in inside:
                break  # (elements come in document order: a subtree is a run of serials)
            inside.add(node.serial)
            if anti_of[node.serial] == token:
                found.add(node.serial)
        return frozenset(found)

    @staticmethod
    def _children(parent: int, nodes: Sequence[Node]) -> list[int]:
        """The elements directly under ``parent`` that hold text."""
        return [n.serial for n in nodes[parent + 1 :] if n.parent == parent]

    @staticmethod
    def _ancestors(serial: int, nodes: Sequence[Node]) -> frozenset[int]:
        """The element and every element around it."""
        found = set()
        while serial >= 0:
            found.add(serial)
            serial = nodes[serial].parent
        return frozenset(found)

    @staticmethod
    def _is_ancestor(a: int, b: int, nodes: Sequence[Node]) -> bool:
        while b >= 0:
            if a == b:
                return True
            b = nodes[b].parent
        return False

    def _overlap(self, a: int, b: int, nodes: Sequence[Node], unlinked: dict[int, float]) -> float:
        """Unlinked text the two elements share (one contains the other, or none)."""
        if self._is_ancestor(a, b, nodes):
            return unlinked.get(b, 0.0)
        if self._is_ancestor(b, a, nodes):
            return unlinked.get(a, 0.0)
        return 0.0

    def _linked_groups(self, live: list[Block], nodes: Sequence[Node]) -> frozenset[int]:
        """Lists and tables whose text is mostly links, as a whole."""
        chars: dict[int, int] = defaultdict(int)
        linked: dict[int, float] = defaultdict(float)
        for block in live:
            h = block.hints
            if not (h.get("in_list") or h.get("in_table")):
                continue
            n = len(block.text)
            for serial in h["chain"]:
                if nodes[serial].tag in ("ul", "ol", "dl", "table", "menu"):
                    chars[serial] += n
                    linked[serial] += n * h.get("link_density", 0.0)
        return frozenset(s for s, n in chars.items() if linked[s] >= LINK_GROUP_DENSITY * n)

    @staticmethod
    def _lone_links(blocks: Sequence[Block]) -> frozenset[int]:
        """Indexes of linked lines between two lines of unlinked text: a linked title over its
        item's text ("Hamilton Beach Bread Maker" above its review), not a list of links."""
        live = [
            (i, b.hints.get("link_density", 0.0) >= LINK_LIST_DENSITY)
            for i, b in enumerate(blocks)
            if b.removal is None and b.text and b.hints.get("chain")
        ]
        return frozenset(
            live[k][0]
            for k in range(1, len(live) - 1)
            if live[k][1]
            and not live[k - 1][1]
            and not live[k + 1][1]
            and blocks[live[k][0]].hints.get("level")
        )

    @staticmethod
    def _text_figures(live: list[Block], nodes: Sequence[Node]) -> frozenset[int]:
        """The ``<figure>`` elements that hold a table or code (a listing), not a picture: their
        text and captions are the article's."""
        found: set[int] = set()
        for block in live:
            h = block.hints
            if h.get("in_figure") and (h.get("in_table") or h["tag"] == "pre"):
                found.update(s for s in h["chain"] if nodes[s].tag == "figure")
        return frozenset(found)

    @staticmethod
    def _mostly_links(live: list[Block], main: frozenset[int], link_groups: frozenset[int]) -> bool:
        """Whether link lists hold :data:`LISTING_SHARE` of the text inside the container."""
        inside = links = 0
        for block in live:
            chain = block.hints["chain"]
            if main.isdisjoint(chain):
                continue
            n = len(block.text)
            inside += n
            if block.hints.get("link_density", 0.0) >= LINK_LIST_DENSITY or not link_groups.isdisjoint(chain):
                links += n
        return links >= LISTING_SHARE * inside

    # -- pass 2: each block ---------------------------------------------------------------------------

    def _judge(
        self,
        block: Block,
        nodes: Sequence[Node],
        choice: Choice,
        flags: Flags,
        link_groups: frozenset[int],
        kinds: Counter[tuple[str, str]],
        text_figures: frozenset[int],
        headline_done: bool,
        title: str,
        *,
        lone: bool = False,
        fieldsets: frozenset[int] = frozenset(),
    ) -> tuple[str | None, bool]:
        h = block.hints
        main, exempt = choice.main, choice.exempt
        chain: tuple[int, ...] = h["chain"]
        inside_at = next((i for i, s in enumerate(chain) if s in main), -1)
        if not main:
            inside_at = 0
        if h.get("level") == 1 and not headline_done:
            text = block.text.casefold()
            if not title or text in title or title in text:
                return "the headline (lifted as the title)", True
        if inside_at < 0:
            return self._where(chain, nodes, flags.anti, exempt) or "outside the main text", False
        below = chain[inside_at + 1 :] if main else chain
        why = self._where(below, nodes, flags.anti, exempt)
        if why:
            return why, False
        if (
            h.get("in_figure") or (h.get("in_caption") and not h.get("in_table"))
        ) and text_figures.isdisjoint(chain):
            return "caption of a picture or video", False
        if fieldsets and not fieldsets.isdisjoint(below):
            return "form field labels (<fieldset>)", False
        ld = h.get("link_density", 0.0)
        if choice.prose and ld >= LINK_LIST_DENSITY and not lone:
            return f"link list ({ld:.0%} linked text)", False
        group = next((s for s in below if s in link_groups), None) if choice.prose else None
        if group is not None:
            return f"link list (<{nodes[group].tag}> of links)", False
        if len(block.text) <= FURNITURE_MAX_CHARS and not h.get("level"):
            # (a heading is never a byline: a shop's item titles sit in "title" elements)
            furn = next(
                (
                    s
                    for s in below
                    if flags.furniture[s] and kinds[(nodes[s].tag, nodes[s].cls)] < FURNITURE_MAX_REPEATS
                ),
                None,
            )
            if furn is not None:
                return f"byline or dateline ({nodes[furn].label(flags.furniture[furn])})", False
        return None, False

    @staticmethod
    def _where(
        chain: Sequence[int], nodes: Sequence[Node], anti_of: list[str], exempt: frozenset[int]
    ) -> str | None:
        """The reason of the innermost chrome element or anti-content token in ``chain``, if any.

        Elements around the main text (``exempt``) are never chrome, whatever their names.
        """
        for serial in reversed(chain):
            node = nodes[serial]
            if node.tag in PAGE_ROOTS:
                break
            if serial in exempt:
                continue
            if node.chrome:
                return (
                    f"inside <{node.chrome}>"
                    if not node.chrome.startswith("role=")
                    else f"inside {node.chrome}"
                )
            if anti_of[serial]:
                return node.label(anti_of[serial])
        return None
