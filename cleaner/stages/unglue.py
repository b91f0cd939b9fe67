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
``… it. PowerPoint slides …``), and not when the glued word recurs in the page (a name).
So is such a sentence glued to a label or heading in capitals (``ADVERTISEMENTThe plan …``,
``QUICK QUESTIONWhat are …``): five capitals or more, or after another word in capitals
(``HTMLElement represents …`` is a name). Code-like
lines (identifiers in ``camelCase`` start lower-case and are never cut) and
markdown dumps are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache

import regex

from .. import lexicon
from ..compiled import regex_compile
from ..document import Block, Document, cut_blocks
from ..memo import Memo, remember
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
# directly followed by a capital, nor three capitals followed by a lower-case letter, has no cut.
_ANY = lazy(regex.compile, r"[\p{Ll}\p{N})\]:][.!?]?\p{Lu}|[)\]][\"“‘'«„‚»¿¡]|[\"”’]\p{Lu}|\p{Lu}{3}\p{Ll}")
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
# A capitalised word followed by a space, allowing a contraction (``Here’s ``), glued to four
# lower-case letters (``Framing `` in ``Picture FrameFraming is …``).
_HEADING_WORD = lazy(regex.compile, r"(?<=\p{Ll}{4})\p{Lu}\p{Ll}++(?:['’]\p{Ll}{1,2})?(?= )")
# A full stop, question or exclamation mark: a glued sentence ends at the first one, which is
# followed by a space or the line's end (not ``3.5``, ``U.S.``, ``example.com``).
_SENTENCE_END = lazy(re.compile, r"[.!?]")
# A character that makes a word code (a call, an underscore, a member, an assignment, a tag).
_CODE_IN_WORD = lazy(regex.compile, r"[\p{L}\p{N}]\(|_|\.\p{Ll}|[{}=;<>]")
# What may come right before a heading's capitalised last word: an opening bracket or quote.
_OPENERS = frozenset('(["“‘«„¿¡')


def _prose_sentence(text: str, at: int, ends: list[int]) -> bool:
    """From ``at`` on, a sentence of MIN_SENTENCE_WORDS words or more up to its end (the first
    of ``ends`` after ``at``, followed by a space or the line's end), its words after the first
    mostly lower-case (prose, not a name's second half or a list of names)."""
    i = bisect_right(ends, at)
    if i == len(ends):
        return False
    end = ends[i]
    if end + 1 < len(text) and not text[end + 1].isspace():
        return False
    words = text[at:end].split()
    return len(words) >= MIN_SENTENCE_WORDS and 2 * sum(w[0].islower() for w in words[1:]) >= len(words) - 1


def _previous_word(text: str, start: int) -> str:
    """The word before the one that starts at ``start`` (``""`` at the line's start)."""
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end]


def heading_cuts(text: str) -> list[tuple[int, str]]:
    """Where a sentence glued to a heading's last word begins (``Picture FrameFraming is like …``),
    each with the glued word (``FrameFraming``): a name that recurs in the page is no glue.

    A cut needs a capitalised word after four lower-case letters, opening a sentence of
    :data:`MIN_SENTENCE_WORDS` words or more, mostly lower-case (prose, not a name's second
    half), and before it a word of :data:`MIN_HEADING_LETTERS` lower-case letters or more: a
    lower-case word (``… in ecommerceBeyond ads, …``), or a capitalised one that does not follow
    a lower-case word or a sentence end (``Floor Plan ChangesChanging your home’s layout …``; not
    ``custom JavaScript added in …``, ``… it. PowerPoint slides``, ``MacBookPro``, ``l'InstaClean``).
    """
    cuts: list[tuple[int, str]] = []
    ends: list[int] | None = None
    for word in _HEADING_WORD.finditer(text):
        at = word.start()
        start = text.rfind(" ", 0, at) + 1
        head = at - MIN_HEADING_LETTERS
        while head > start and text[head - 1].islower():
            head -= 1
        if head > start:
            if not text[head - 1].isupper():
                continue  # a digit or a sign before the letters
            head -= 1
            if head > start and text[head - 1] not in _OPENERS:
                continue  # ``MacBookPro``, ``l'InstaClean``, ``3DMark``
            previous = _previous_word(text, head)
            if previous and (previous[0].islower() and previous[-1].isalpha() or previous[-1] in ".!?"):
                continue  # a name in a sentence: ``custom JavaScript added``, ``… it. PowerPoint slides``
        if ends is None:
            ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        if not _prose_sentence(text, at, ends) or _CODE_IN_WORD.search(text, start, word.end()) is not None:
            continue
        cuts.append((at, text[head : word.end()]))
    if cuts and len(_CODE.findall(text)) >= CODE_CHARS and _code(text):
        return []
    return cuts


#: A heading in capitals glued to a sentence is a word of at least this many capitals, or the
#: last of two words in capitals or more (``QUICK QUESTION``).
MIN_CAPITALS = 5
# Cheap pre-test: three capitals running into a lower-case letter (``ADVERTISEMENTThe``).
_CAPITALS_INTO_WORD = lazy(regex.compile, r"\p{Lu}{3}\p{Ll}")
# The last capital of a run of capitals that opens a word (``ABOUT USNobody``): where a
# capitalised word of two lower-case letters or more, followed by a space, may begin.
_CAPITALS_JOIN = lazy(regex.compile, r"(?<=\p{Lu}\p{Lu})(?=\p{Lu}\p{Ll}{2,}+(?:['’]\p{Ll}{1,2})?+ )")
# What may come right before a heading in capitals: a sentence end, a colon, a bracket or quote.
_BEFORE_CAPITALS = frozenset(".!?:([\"“‘«„¿¡")


def capitals_cuts(text: str) -> list[tuple[int, str]]:
    """Where a sentence glued to a heading or label in capitals begins (``ADVERTISEMENTThe plan
    eases you …``, ``QUICK QUESTIONWhat are the …``), each with the glued word.

    The sentence is as :func:`heading_cuts` wants it; the capitals open a word, not after a
    lower-case word (``… a new HTTPSConnection object …``), and are :data:`MIN_CAPITALS` or
    more, or follow a word in capitals (``HTMLElement`` alone is a name).
    """
    cuts: list[tuple[int, str]] = []
    ends: list[int] | None = None
    for m in _CAPITALS_JOIN.finditer(text):
        at = m.start()
        if ends is None:
            ends = [e.start() for e in _SENTENCE_END.finditer(text)]
        if not _prose_sentence(text, at, ends):
            continue
        start = text.rfind(" ", 0, at) + 1
        end = text.find(" ", at)
        if _CODE_IN_WORD.search(text, start, end) is not None:
            continue
        head = at
        while head > start and text[head - 1].isupper():
            head -= 1
        if head > start and text[head - 1] not in _BEFORE_CAPITALS:
            continue  # ``iOSApp``, ``3DMark``
        previous = _previous_word(text, head)
        if previous and previous[0].islower() and previous[-1].isalpha():
            continue  # a name in a sentence: ``a new HTTPSConnection object``
        if at - head < MIN_CAPITALS and (len(previous) < 2 or not previous.isupper()):
            continue  # ``HTMLElement``, ``PDFDocument``
        cuts.append((at, text[head:end]))
    if cuts and len(_CODE.findall(text)) >= CODE_CHARS and _code(text):
        return []
    return cuts


#: Lines whose cuts are remembered (the settle rounds and a site's pages ask about the same lines).
PIECES_CACHE_SIZE = 8192
# A line's cuts, and its cuts before a sentence glued to a heading with the glued word.
_Cuts = tuple[tuple[int, ...], tuple[tuple[int, str], ...]]
_CUTS: Memo[str, _Cuts] = Memo(PIECES_CACHE_SIZE)
_NO_CUTS: _Cuts = ((), ())


def _cuts_of(text: str) -> _Cuts:
    """``text``'s cuts (remembered)."""
    found = _CUTS.get(text)
    return remember(_CUTS, text, _cuts) if found is None else found


def split_glued_elements(text: str, recurs: Callable[[str], bool] | None = None) -> list[str]:
    """``text`` cut into its glued elements (``[text]`` when it has none).

    ``recurs`` tells whether a glued word occurs elsewhere in the page: a heading's word
    glued to a sentence (``FrameFraming``) that recurs is a name (``PowerPoint``), not cut.
    """
    cuts, headed = _cuts_of(text)
    if headed:
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
    headed: list[tuple[int, str]] = []
    if len(cuts) < MIN_JOINS:
        cuts = starter_cuts(text, found) if found else []
        if found:
            headed = [h for h in heading_cuts(text) if h[0] not in cuts]
    if _CAPITALS_INTO_WORD.search(text) is not None:
        headed += capitals_cuts(text)
    credits = credit_cuts(text) + label_cuts(text) + year_cuts(text)
    if credits:
        cuts = sorted({*cuts, *credits})
    if not cuts and not headed:
        return _NO_CUTS
    return tuple(cuts), tuple(headed)


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

        def recurs(word: str) -> bool:
            first = joined.find(word)
            return first >= 0 and joined.find(word, first + 1) >= 0

        def elements(block: Block) -> list[str]:
            """A kept line's glued elements (a line of code in ``<pre>`` is never cut)."""
            if block.removal is not None or block.hints.get("tag") == "pre":
                return [block.text]
            return split_glued_elements(block.text, recurs)

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
