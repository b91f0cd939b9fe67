"""Properties that hold for every input: the cleaner only removes, in order, and is stable.

The documents are random mixes of realistic page lines (body sentences in several
languages, and the junk families: icon sprites, menus, share bars, footers, player
residue, dates, bylines, repeated headlines) with random lines and blank lines.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import CleanerError
from tests.conftest import is_subsequence, norm, paragraphs

_WORD = re.compile(r"\w+")

BODY = [
    "The council voted on Thursday to extend the night bus service to the two new housing estates.",
    "Residents had collected more than 3,000 signatures over the summer, the organisers said.",
    '"We did not expect it to pass so quickly," said one of them, a retired teacher.',
    "Die Stadtwerke rechnen damit, dass die ersten Busse im Mai auf der neuen Linie fahren.",
    "„Das ist ein guter Tag für die Pendler“, sagte die Bürgermeisterin nach der Sitzung.",
    "Le conseil municipal a approuvé mardi la création de deux nouvelles lignes de bus de nuit.",
    "« Nous attendions cela depuis des années », a réagi une habitante du quartier.",
    "El ayuntamiento aprobó el jueves la ampliación del servicio nocturno de autobuses.",
    "Городской совет в четверг одобрил продление ночных автобусных маршрутов до новых районов.",
    "Il consiglio comunale ha approvato giovedì l'estensione del servizio di autobus notturni.",
    "市議会は２０日、夜間バスの運行を新しい住宅地まで延長することを決めた。",
    "It did not.",
    "The episode runs 42:10 and the best part starts at 12:30.",
    "We use cookies, the banner said, but the article was about how such banners mislead readers.",
    "300 g de lentejas pardinas",
    "Mill Street\t2,985\t+21%",
]

JUNK = [
    "icon bookmarkicon cameraicon chevron downicon closeicon fbicon mailicon searchicon",
    "fa-bars fa-search fa-facebook fa-twitter fa-envelope",
    "ico-menu ico-search ico-close",
    "HomeNewsLocalBusinessSportSubscribeSign In",
    "Home › News › Local",
    "Menu",
    "Search",
    "Share on FacebookShare on TwitterCopy link",
    "Share this article",
    "Facebook",
    "Teilen",
    "Partager sur Facebook",
    "Поделиться",
    "Please check our commenting policy. If you have questions, write to feedback@example.org.",
    "We use cookies to give you the best experience. By continuing you agree.Accept",
    "© 2026 Example News Ltd. All rights reserved.",
    "Alle Rechte vorbehalten",
    "Tous droits réservés",
    "Sign up for our newsletter",
    "Podcasts",
    "0:00",
    "28:35",
    "0:00 / 3:12",
    "Play",
    "Wiedergabe",
    "Воспроизвести",
    "Lecture",
    "Advertisement",
    "20 Feb, 2026 12:53",
    "20.02.2026, 14:05 Uhr",
    "20 février 2026 à 14h05",
    "20 de febrero de 2026",
    "20 февраля 2026, 14:05",
    "By Sarah Collins",
    "Von Anna Müller",
    "Par Jean Dupont",
    "Por María López",
    "Council backs tidal turbine pilot in the old harbour",
]

MARKDOWN = [
    "  * [Home](https://www.news.example/)",
    "  * [World](https://www.news.example/world)",
    "[Share on Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fa%2F1)",
    "![A harbour at dusk](https://img.news.example/harbour.jpg)",
    "# Council backs tidal turbine pilot in the old harbour",
    "## Why it matters",
    "The council published [the full report](https://www.news.example/report.pdf) on Friday evening.",
    "By [Sarah Collins](https://www.news.example/authors/sarah-collins) | 12 January 2026",
    "[Privacy](https://www.news.example/privacy) | [Cookies](https://www.news.example/cookies)",
]

# Random lines: letters, digits, spaces and punctuation, without markdown syntax
# (so that the dump stays "plain"), with a no-break space now and then.
_ALPHABET = st.characters(
    whitelist_categories=("Lu", "Ll", "Nd", "Zs"),
    whitelist_characters=".,:;!?'\"-()/|©«»„“”–—\u00a0",
)
RANDOM_LINE = st.text(_ALPHABET, min_size=1, max_size=80)
PLAIN_LINE = st.one_of(st.sampled_from(BODY), st.sampled_from(JUNK), RANDOM_LINE, st.just(""))
PLAIN_DOC = st.lists(PLAIN_LINE, min_size=0, max_size=40).map("\n".join)
MARKDOWN_DOC = st.lists(
    st.one_of(st.sampled_from(MARKDOWN), st.sampled_from(BODY), st.sampled_from(JUNK), st.just("")),
    min_size=1,
    max_size=40,
).map("\n".join)

# A scraper's glued dump: page lines run together into long lines (no separator, or a
# run of spaces between elements), as a BeautifulSoup get_text() without newlines gives.
GLUED_LINE = st.lists(
    st.one_of(st.sampled_from(BODY), st.sampled_from(JUNK), RANDOM_LINE), min_size=2, max_size=20
).flatmap(lambda parts: st.sampled_from(["", "   "]).map(lambda sep: sep.join(parts)))
GLUED_DOC = st.lists(st.one_of(GLUED_LINE, PLAIN_LINE), min_size=1, max_size=6).map("\n".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])



def norm_lines(text: str) -> list[str]:
    return [n for n in (norm(line) for line in text.splitlines()) if n]




@SETTINGS
@given(st.text(max_size=400))
def test_clean_never_raises_on_any_text_but_a_cleaner_error(raw: str) -> None:
    try:
        article = cleaner.clean(raw)
    except CleanerError:
        return
    assert isinstance(article.text, str)


@SETTINGS
@given(st.binary(max_size=400))
def test_clean_of_bytes_decodes_or_refuses_with_a_cleaner_error(raw: bytes) -> None:
    try:
        article = cleaner.clean(raw)
    except CleanerError as exc:
        assert str(exc), "a refusal must say why"
        return
    assert isinstance(article.text, str)


@SETTINGS
@given(PLAIN_DOC)
def test_output_lines_are_input_lines_in_input_order(raw: str) -> None:
    out = norm_lines(cleaner.clean(raw).text)
    source = norm_lines(raw)
    invented = [line for line in out if line not in set(source)]
    assert not invented, f"lines not in the input: {invented}"
    assert is_subsequence(out, source), "output lines are out of input order"


@SETTINGS
@given(MARKDOWN_DOC)
def test_markdown_output_only_drops_syntax_never_invents_words(raw: str) -> None:
    sources = [_WORD.findall(line) for line in norm_lines(raw)]
    for line in norm_lines(cleaner.clean(raw).text):
        words = _WORD.findall(line)
        assert any(is_subsequence(words, s) for s in sources), f"invented line {line!r}"


# A date line beside a headline whose byline also carries a date (found by hypothesis).
_DATE_BESIDE_DATED_BYLINE = (
    "20 Feb, 2026 12:53\n# Council backs tidal turbine pilot in the old harbour\n"
    "By [Sarah Collins](https://www.news.example/authors/sarah-collins) | 12 January 2026"
)


@SETTINGS
@given(st.one_of(PLAIN_DOC, MARKDOWN_DOC))
@example(_DATE_BESIDE_DATED_BYLINE)
def test_cleaning_the_output_again_changes_nothing(raw: str) -> None:
    first = cleaner.clean(raw).text
    again = cleaner.clean(first).text
    assert paragraphs(again) == paragraphs(first)


@SETTINGS
@given(GLUED_DOC)
def test_glued_dump_output_lines_are_pieces_of_input_lines_in_order(raw: str) -> None:
    source = "\n".join(norm_lines(raw))
    position = 0
    for line in norm_lines(cleaner.clean(raw).text):
        found = source.find(line, position)
        assert found >= 0, f"not a piece of the input, or out of order: {line!r}"
        position = found + len(line)


@SETTINGS
@given(GLUED_DOC)
def test_cleaning_a_glued_dump_again_changes_nothing(raw: str) -> None:
    first = cleaner.clean(raw).text
    assert paragraphs(cleaner.clean(first).text) == paragraphs(first)


@SETTINGS
@given(PLAIN_DOC)
def test_cleaning_is_deterministic(raw: str) -> None:
    assert cleaner.clean(raw).text == cleaner.clean(raw).text


@SETTINGS
@given(PLAIN_DOC)
def test_every_input_line_is_kept_or_removed_with_a_stage_and_reason(raw: str) -> None:
    doc = cleaner.clean(raw).document
    origins = [b.origin for b in doc.blocks]  # a glued line cut into its elements keeps its number
    assert origins == sorted(origins)
    assert sorted(set(origins)) == list(range(1, len(set(origins)) + 1))
    assert len(set(origins)) == len(raw.split("\n")) - (1 if raw.endswith("\n") else 0) or raw == ""
    for block in doc.removals():
        assert block.removal is not None
        assert block.removal.stage and block.removal.reason, f"line {block.origin} removed without a reason"
