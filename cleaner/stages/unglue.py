"""Glued elements: a dump line that runs many page elements together is cut where each one ends.

A scraper that takes a page's text with no separator (BeautifulSoup's
``get_text()``) glues adjacent elements: a menu becomes
``HomeNewsSportWeatherContact us``, a subheading runs into its paragraph
(``Payload ResultsFigure 3. The mean …``), and two paragraphs meet at
``…under load.Even when …``. Judged as one line, the article's part and the
menu's part share one fate, and the glued words (``ResultsFigure``) match no
word of the article. A line with at least :data:`MIN_JOINS` such joins (a
lower-case word running into a capitalised one, a sentence end, a closing
bracket or a colon running into the next capitalised word: ``(opens in new
window)Click``) is cut at each of them, so that the later stages
judge each element on its own. A line with fewer joins is left whole: one or
two inner capitals are a name (``YouTube``, ``MacBook``), not glue. Some joins are
certain enough on their own. A word that opens a sentence (``sentence_start``
lexicon: ``The``, ``If``, ``Wir``, ``Les``), followed by a space and running on from a
lower-case word (``… in shortThe results show …``: a heading glued to its paragraph),
is cut off: names end in other words (``LinkedIn``, ``SlideShare``). A photo's credit
in brackets (``photo_credit`` lexicon) with the next paragraph glued to it (``… at dawn
(Image: Getty)The match began …``) is cut after the bracket, so that ``captions`` can drop the
caption and the paragraph stays; so is a year running into a word (``March 3,
2025How to …``). So is a related-stories label of two words or more
(``related`` lexicon) glued to a sentence end (``… infections.READ MORE: China
…``): the paragraph is cut off the label and the teasers after it. So is a sentence
glued to a heading's last word (``Floor Plan ChangesChanging your home’s layout can …``,
``… in ecommerceBeyond ads, successful shops …``): a capitalised word after a heading's
word of four lower-case letters or more, opening a sentence of five words or more, mostly
lower-case; not after a lower-case word or a sentence end (``custom JavaScript added …``,
``… it. PowerPoint slides …``), and not when the glued word recurs in the page (a name). Code-like
lines (identifiers in ``camelCase`` start lower-case and are never cut) and
markdown dumps are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from .. import lexicon
from ..compiled import regex_compile
from ..document import Block, Document, cut_blocks
from ..memo import VERDICT_MAX_CHARS, Memo
from ..patterns import alternation, entries, lazy
from ..stage import Stage, register
from .captions import credit_label_source

#: A line is cut only when it holds at least this many joins (fewer: names like ``GitHub``).
MIN_JOINS = 5

# A join: two lower-case letters running into a capitalised word (``moreSolutions``), or a
# sentence end after a word running into the next capitalised word (``load.Even``). The word
# before must start a word itself (at the line's start, after a space, or after another join's
# capital): ``getElementById`` (an identifier, lower-case first) is never a join. Also a join:
# a closing bracket or a colon after a word running into a capitalised word (``window)Click``,
# ``this:Click``), and a sentence end after a number or a bracket (``90069.View``,
# ``(FEP).Federal``). A word in capitals or a number running into a capital (``SHIPPINGView``,
# ``250Microsoft``) is no join: product names and codes are written so (a year is cut on its
# own: :func:`year_cuts`).
_JOIN = lazy(
    regex.compile,
    r"(?<=\p{Ll}\p{Ll})(?=\p{Lu}\p{Ll})|(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}\p{Ll})"
    r"|(?<=[\p{L}\p{N}][)\]:])(?=\p{Lu}\p{Ll})|(?<=[\p{N})\]][.!?])(?=\p{Lu}\p{Ll})"
)
# Cheap pre-test: a line without a lower-case letter, a capital, a digit, a bracket or a colon
# directly followed by a capital has no join.
_ANY = lazy(regex.compile, r"[\p{Ll}\p{N})\]:][.!?]?\p{Lu}|[)\]][\"“‘'«„‚»¿¡]|[\"”’]\p{Lu}")
# A word that is code (``el.addEventListener(``, ``max_retryCount``): a call, an underscore,
# or a dot directly before a lower-case letter. Its inner capitals are an identifier's.
_CODE_WORD = lazy(regex.compile, r"[\p{L}\p{N}]\(|_|\.\p{Ll}")
_WORDS = lazy(regex.compile, r"\S+")
#: A line with at least this many code characters (``;{}=``) is code, never cut.
CODE_CHARS = 3
_CODE = lazy(regex.compile, r"[;{}=]")
# Where a code character is no code: in a quoted HTML attribute or a URL printed with the
# page's text (``<script src="//x.com/p?id=1&w=600">`` in a page glued into one line).
_ATTRIBUTE_OR_URL = lazy(
    regex.compile, r"(?<![\w-])[\w-]++=\"[^\"<>]*+\"|(?<![\w+.-])\p{L}[\w+.-]*+://\S*+"
)


def joins(text: str) -> list[int]:
    """The positions where one glued element ends and the next begins (outside code words)."""
    if _ANY.search(text) is None:
        return []
    if len(_CODE.findall(text)) >= CODE_CHARS and _code(text):
        return []
    found: list[int] = []
    for word in _WORDS.finditer(text):
        token = word.group()
        if _ANY.search(token) is None or _CODE_WORD.search(token) is not None:
            continue
        found.extend(word.start() + m.start() for m in _JOIN.finditer(token))
    return found


def _code(text: str) -> bool:
    """``text`` holds code: enough code characters outside HTML attributes and URLs."""
    return len(_CODE.findall(_ATTRIBUTE_OR_URL.sub("", text))) >= CODE_CHARS


#: A photo credit in brackets glued to the next paragraph has at most this many characters.
MAX_CREDIT_CHARS = 60
# Cheap pre-test: a closing bracket directly followed by a capital or an opening quote.
_BRACKET_GLUE = lazy(regex.compile, r"[)\]][\p{Lu}\"“‘'«„‚»¿¡]")


@cache
def _glued_credit() -> regex.Pattern[str]:
    """A photo credit in brackets (``photo_credit`` labels: ``(Image: Getty)``, ``(Foto: dpa)``)
    with the next paragraph glued to it: the cut goes right after the bracket."""
    label = credit_label_source()
    return regex_compile(
        r"[(\[]\s*" + label + r"[^()\[\]]{1," + str(MAX_CREDIT_CHARS) + r"}[)\]](?=[\p{Lu}\"“‘'«„‚»¿¡])",
        regex.IGNORECASE,
    )


#: A related-stories label of at least this many words glued to a sentence end is cut off.
MIN_LABEL_WORDS = 2
# A sentence end directly followed by a letter: where a glued label may begin (when two letters
# come before the sentence end; checked by hand, cheaper than a look-behind at every position).
_END_GLUE = lazy(regex.compile, r"[.!?\"”’)](?=\p{L})")


@cache
def _glued_label() -> regex.Pattern[str]:
    """A related-stories label (``related`` lexicon: ``Read more``, ``Lesen Sie auch``), matched
    where a sentence end runs into it (``… lung infections.READ MORE: China …``)."""
    found = entries("related")
    labels = {e.rstrip(": …") for e in (*found.whole, *found.prefix)}
    labels = {e for e in labels if len(e.split()) >= MIN_LABEL_WORDS}
    return regex_compile(r"(?:" + alternation(sorted(labels)) + r")(?=[\s:]|(\p{Lu}))", regex.IGNORECASE)


def label_cuts(text: str) -> list[int]:
    """Where a related-stories label glued to a sentence end begins (and ends, when the
    first headline is glued to it: ``…violence.DON'T MISSChina warns …``)."""
    cuts: list[int] = []
    for end in _END_GLUE.finditer(text):
        at = end.end()
        if at < 3 or not (text[at - 2].isalpha() and text[at - 3].isalpha()):
            continue
        m = _glued_label().match(text, at)
        if m is None:
            continue
        cuts.append(m.start())
        if m.group(1) is not None:
            cuts.append(m.end())
    return cuts


def credit_cuts(text: str) -> list[int]:
    """Where a caption's bracketed credit ends and the next paragraph, glued to it, begins.

    ``Crowds at the gate (Image: Getty)The match began late.`` is cut after ``)``
    however few other joins the line has: the caption and the paragraph are two elements.
    """
    if _BRACKET_GLUE.search(text) is None:
        return []
    return [m.end() for m in _glued_credit().finditer(text)]


# A capitalised word followed by a space: at a join after two lower-case letters, where a glued
# sentence may begin (``conclusionThe results``); a sentence_start word there is a cut.
_WORD_BEFORE_SPACE = lazy(regex.compile, r"\p{Lu}\p{Ll}++(?= )")


def starter_cuts(text: str, found: list[int]) -> list[int]:
    """Where a word that opens a sentence runs on from a lower-case word (``…conclusionThe results``).

    ``found`` are the line's :data:`_JOIN` matches. Not inside a code word (``stringAppendIf(``)
    or a line of code.
    """
    words = lexicon.folded_set("sentence_start")  # ``the``, ``if``, ``wir``
    cuts: list[int] = []
    match = _WORD_BEFORE_SPACE.match
    for at in found:
        if not text[at - 1].islower():
            continue  # a sentence end or a bracket before the capital: the count rule's join
        m = match(text, at)
        if m is not None and m.group().casefold() in words:
            start = text.rfind(" ", 0, at) + 1
            if _CODE_WORD.search(text, start, m.end()) is None:
                cuts.append(at)
    if cuts and len(_CODE.findall(text)) >= CODE_CHARS and _code(text):
        return []
    return cuts


# A year running into a capitalised word of three letters or more (``March 3, 2025How to …``,
# ``© 2024Terms``): a date's element ends there. Not inside a number (``12019Kb``) or a code.
_YEAR_GLUE = lazy(regex.compile, r"(?:19|20)\d\d(?=\p{Lu}\p{Ll}{2})")


def year_cuts(text: str) -> list[int]:
    """Where a year ends and the next element, glued to it, begins (``2025How``)."""
    cuts: list[int] = []
    for m in _YEAR_GLUE.finditer(text):
        at = m.start()
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in ".,"):
            cuts.append(m.end())
    return cuts


#: A sentence glued to a heading has at least this many words, up to its sentence end.
MIN_SENTENCE_WORDS = 5
#: The heading's last word, glued to the sentence, has at least this many lower-case letters.
MIN_HEADING_LETTERS = 4
# A capitalised word followed by a space (``Framing `` in ``Picture FrameFraming is …``),
# allowing a contraction (``Here’s ``).
_OPENING_WORD = lazy(regex.compile, r"\p{Lu}\p{Ll}++(?:['’]\p{Ll}{1,2})?(?= )")
# The sentence from a glued word on: up to its end (a sentence end followed by a space or the
# line's end), short of another sentence end.
_SENTENCE = lazy(regex.compile, r"[^.!?]*?[.!?](?=\s|$)")
# A character that makes a word code (a call, an underscore, a member, an assignment, a tag).
_CODE_IN_WORD = lazy(regex.compile, r"[\p{L}\p{N}]\(|_|\.\p{Ll}|[{}=;<>]")
# What may come right before a heading's capitalised last word: an opening bracket or quote.
_OPENERS = frozenset('(["“‘«„¿¡')


def heading_cuts(text: str, found: list[int]) -> list[tuple[int, str]]:
    """Where a sentence glued to a heading's last word begins (``Picture FrameFraming is like …``),
    each with the glued word (``FrameFraming``): a name that recurs in the page is no glue.

    ``found`` are the line's :data:`_JOIN` matches. A cut needs, after the join, a capitalised
    word and a sentence of :data:`MIN_SENTENCE_WORDS` words or more, mostly lower-case
    (prose, not a name's second half), and before it a word of :data:`MIN_HEADING_LETTERS`
    lower-case letters or more: a lower-case word (``… in ecommerceBeyond ads, …``), or a
    capitalised one that does not follow a lower-case word (``Floor Plan ChangesChanging your
    home’s layout …``; not ``custom JavaScript added in …``, ``MacBook``, ``l'InstaClean``).
    """
    cuts: list[tuple[int, str]] = []
    for at in found:
        if not text[at - 1].islower():
            continue  # a sentence end or a bracket before the capital: the count rule's join
        word = _OPENING_WORD.match(text, at)
        if word is None:
            continue
        sentence = _SENTENCE.match(text, at)
        if sentence is None:
            continue
        words = sentence.group().split()
        if len(words) < MIN_SENTENCE_WORDS or 2 * sum(w[0].islower() for w in words[1:]) < len(words) - 1:
            continue
        start = text.rfind(" ", 0, at) + 1
        if _CODE_IN_WORD.search(text, start, word.end()) is not None:
            continue
        head = at
        while head > start and text[head - 1].islower():
            head -= 1
        if at - head < MIN_HEADING_LETTERS:
            continue
        if head == start:
            pass  # a lower-case word
        elif text[head - 1].isupper():
            head -= 1
            if head > start and text[head - 1] not in _OPENERS:
                continue  # ``MacBookPro``, ``l'InstaClean``, ``3DMark``
            before = text[:head].rstrip()
            previous = before[before.rfind(" ") + 1 :]
            if previous and (previous[0].islower() and previous[-1].isalpha() or previous[-1] in ".!?"):
                continue  # a name in a sentence: ``custom JavaScript added``, ``… it. PowerPoint slides``
        else:
            continue  # a digit or a sign before the letters
        cuts.append((at, text[head : word.end()]))
    if cuts and len(_CODE.findall(text)) >= CODE_CHARS and _code(text):
        return []
    return cuts


#: Lines whose cuts are remembered (the settle rounds and a site's pages ask about the same lines).
PIECES_CACHE_SIZE = 8192
# A line's cuts; its cuts before a sentence glued to a heading, with the glued word; whether
# it glues many elements (at least MIN_JOINS joins).
_Cuts = tuple[tuple[int, ...], tuple[tuple[int, str], ...], bool]
_CUTS: Memo[str, _Cuts] = Memo(PIECES_CACHE_SIZE)
_NO_CUTS: _Cuts = ((), (), False)


def _cuts_of(text: str) -> _Cuts:
    """``text``'s cuts (remembered)."""
    found = _CUTS.get(text)
    if found is None:
        found = _cuts(text)
        if len(text) <= VERDICT_MAX_CHARS:
            _CUTS.put(text, found)
    return found


def split_glued_elements(
    text: str, recurs: Callable[[str], bool] | None = None, *, headings: bool = True
) -> list[str]:
    """``text`` cut into its glued elements (``[text]`` when it has none).

    ``headings``: cut a sentence off the heading glued before it (the page glues elements
    elsewhere too). ``recurs`` tells whether a glued word occurs elsewhere in the page: a
    heading's word glued to a sentence (``FrameFraming``) that recurs is a name
    (``PowerPoint``), not cut.
    """
    cuts, headed, _ = _cuts_of(text)
    if headed and headings:
        more = [at for at, word in headed if recurs is None or not recurs(word)]
        if more:
            cuts = tuple(sorted({*cuts, *more}))
    if not cuts:
        return [text]
    parts: list[str] = []
    previous = 0
    for cut in cuts:
        parts.append(text[previous:cut].strip())
        previous = cut
    parts.append(text[previous:].strip())
    return [p for p in parts if p]


def _cuts(text: str) -> _Cuts:
    # Every join is a match of _JOIN in the whole line (its lookarounds see letters and
    # sentence ends, never the space around a word): fewer matches, fewer joins.
    found = [m.start() for m in _JOIN.finditer(text)]
    cuts = joins(text) if len(found) >= MIN_JOINS else []
    many = len(cuts) >= MIN_JOINS
    headed: list[tuple[int, str]] = []
    if not many:
        cuts = starter_cuts(text, found) if found else []
        if found:
            headed = [h for h in heading_cuts(text, found) if h[0] not in cuts]
    credits = credit_cuts(text) + label_cuts(text) + year_cuts(text)
    if credits:
        cuts = sorted({*cuts, *credits})
    if not cuts and not headed:
        return _NO_CUTS
    return tuple(cuts), tuple(headed), many


@register
class Unglue(Stage):
    """Cut a text dump's line that glues many elements together into one line per element.

    **Removes:** nothing; it cuts. ``Learn moreSolutionsResearchSecurityAuditsBlogContact us``
    becomes ``Learn more`` / ``Solutions`` / ``Research`` / … so that the menu goes and
    a glued subheading and paragraph can stay.
    ``Fans at the gate (Photo: Getty)The match began late.`` becomes the caption and the paragraph,
    ``Getting startedThe first step is …`` the subheading and its paragraph, and so does
    ``Choosing Garden ToolsMaterials matter more than length when you buy one.``
    **Keeps:** ``Watch it on YouTube or fork it on GitHub.`` whole (two inner capitals
    are names, not glue), ``Follow us on LinkedIn for news.`` (a name, not a sentence's first
    word), ``Add custom JavaScript to every page of the shop.`` (a name in a sentence),
    ``getElementById`` (an identifier), and ``The plan (announced in March)Then …``
    (a bracket that holds no credit).
    """

    name = "unglue"

    def run(self, doc: Document) -> Document:
        if doc.kind != "text" or doc.style == "markdown":
            return doc
        blocks = doc.blocks
        candidates, joined = _candidates(blocks)
        headings = True

        def recurs(word: str) -> bool:
            first = joined.find(word)
            return first >= 0 and joined.find(word, first + 1) >= 0

        def elements(block: Block) -> list[str]:
            """A kept line's glued elements (a line of code in ``<pre>`` is never cut)."""
            if block.removal is not None or block.hints.get("tag") == "pre":
                return [block.text]
            return split_glued_elements(block.text, recurs, headings=headings)

        out = cut_blocks(blocks, elements, candidates)
        return doc if out is None else doc.with_blocks(out)


def _candidates(blocks: tuple[Block, ...]) -> tuple[list[int], str]:
    """The kept blocks with a lower-case letter running into a capital (:data:`_ANY`), ascending,
    and the kept text (lines joined by newlines).

    Only they can hold a join. Found with one scan of the kept text rather than one search
    per line.
    """
    live = [i for i, b in enumerate(blocks) if b.removal is None]
    texts = [blocks[i].text for i in live]
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a text holds a newline itself: line by line
        return [i for i, t in zip(live, texts, strict=True) if _ANY.search(t)], joined
    found: list[int] = []
    line = 0  # the line (index into live) that starts at `start`
    start = 0
    search = _ANY.search
    while (m := search(joined, start)) is not None:
        at = m.start()
        line += joined.count("\n", start, at)  # the newlines skipped reach the match's line
        found.append(live[line])
        start = joined.find("\n", at)  # on to the next line
        if start < 0:
            break
        start += 1
        line += 1
    return found, joined
