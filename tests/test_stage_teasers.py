"""The teasers stage: a line of glued, truncated story teasers goes; an article's ellipses stay."""

from __future__ import annotations

import pytest

from cleaner.stages.teasers import is_teaser_run

from .conftest import kept, removed, run_stages

INTRO = (
    "The city council approved the new budget on Tuesday after a long debate about "
    "the cost of repairing the old bridge over the river."
)


@pytest.mark.parametrize(
    "line",
    [
        # two teasers glued, each cut off mid-word
        "Big discount on the new tablet before launch The shop cut the price of its newest model "
        "by a third only days befo... Save on headphones Wireless sport headphones with secure ear "
        "hooks are now on sale for less than a hund...",
        # one teaser cut off, then the next story's headline
        "The ferry company says that all crossings to the islands will run on the winter timetable "
        "from next Monday until the end of Mar... New harbour opens in the north",
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss im kommenden "
        "Frühjahr vollständig zu sanie… Neue Buslinie fährt ab Montag",
        "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover entièrement le "
        "vieux pont de la ville avant l’ét... Une nouvelle ligne de bus dès lundi",
        "El ayuntamiento aprobó el martes un presupuesto que prevé reparar por completo el viejo "
        "puente del río antes del vera... Nueva línea de autobús desde el lunes",
        "Городской совет во вторник утвердил бюджет, который предусматривает полный ремонт старого "
        "моста через реку до на… Новый автобусный маршрут с понедельника",
        # each teaser cut off, then its byline glued on in lower case
        "Council approves bridge repairs The city council approved the money to repair the old "
        "bridge over the river before...by Anna Lee Ferry timetable changes The ferry company "
        "says that all crossings to the islands will run on the winter timeta...by Tom Berg",
        "Stadtrat beschließt Brückensanierung Der Stadtrat hat am Dienstag die Sanierung der "
        "alten Brücke über den Fluss beschlo...von Jana Roth Neue Buslinie ab Montag Die "
        "Verkehrsbetriebe richten ab Montag eine neue Linie zum Bahnhof und zum Hafen ei...von Ole May",
    ],
)
def test_truncated_teasers_glued_together_are_removed(line: str) -> None:
    doc = run_stages([INTRO, line], "teasers")
    assert removed(doc, "teasers") == [line]


@pytest.mark.parametrize(
    "line",
    [
        # dialogue trailing off: short runs before each ellipsis
        "We waited for hours... Then the gates opened... And the crowd rushed in.",
        # an ellipsis that goes on in lower case is an elision, not a cut
        "The mayor said the crisis in the old town is not yet fatal...but it is waiting, and the "
        "council must act before the winter sets in for good.",
        # a long quotation elided in the middle, then a sentence
        "The report found that most of the families who had moved to the new district over the "
        "last ten years… Most of them now commute to work by train.",
        # one truncated text, then a button that unfolds it (not the next story's headline)
        "Founded by two brothers with decades of experience in furniture making, the workshop "
        "builds tables and chairs from local oak and ash that will last a ... See more",
        # an elision in a list, then a bracket
        "Photos and their edits (cropping, captions, ...) are lost when the service shuts down, "
        "as many users found out last year.",
        # page numbers are not teasers
        "Total of 1195 entries : 1-50 51-100 101-150 151-200 ... 1151-1195",
        "Der Bürgermeister sagte, die Lage sei ernst... aber noch nicht verloren.",
        # an ellipsis followed by a lower-case word that is no byline
        "The mayor said the crisis in the old town is not yet fatal...but by Monday the council "
        "must act, and the old town knows it is waiting...because By Lane is still closed.",
    ],
)
def test_an_articles_ellipses_are_kept(line: str) -> None:
    doc = run_stages([INTRO, line], "teasers")
    assert line in kept(doc)


def test_a_line_of_teasers_must_be_mostly_teasers() -> None:
    body = (
        "The council met for six hours on Tuesday and heard from residents of every district, "
        "many of whom spoke about the state of the roads and the bridge. "
    ) * 3
    line = body + "Officials said the repairs would start in the spring of next ye... Roads to close"
    assert not is_teaser_run(line)


def test_one_teaser_cut_off_at_the_lines_end_is_kept() -> None:
    # a paywalled article's last paragraph ends with its cut: nothing follows it
    line = "The ferry company says that all crossings to the islands will run on the winter timetable from..."
    assert not is_teaser_run(line)


def test_a_long_run_cut_by_an_ellipsis_is_a_quotation_not_a_teaser() -> None:
    long_run = " ".join(["the council heard from residents of every district about the roads"] * 7)
    line = f"{long_run}... Then it voted. {long_run}... New harbour opens in the north"
    assert not is_teaser_run(line)


ARTICLE = [
    "The city council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge over the river, which has been closed to lorries since the spring.",
    "Members of the opposition said the plan leaves too little money for schools and libraries, "
    "while the mayor argued that the bridge could not wait another year without a full repair.",
    "The vote was close, with twenty members in favour and eighteen against, and the debate went "
    "on until well after midnight as residents followed it from the public gallery upstairs.",
    "Work on the bridge is due to start in March and should last about eighteen months, during "
    "which buses will take a longer route through the northern districts of the town centre.",
    "Shop owners near the bridge fear that the long closure will keep their customers away, and "
    "the council has promised a small fund to help those who lose the most trade during the work.",
    "A public meeting about the new bus routes will be held in the town hall next Thursday evening, "
    "and residents can also send their questions to the council by post or through its website.",
]
TEASER_LIST = [
    "New harbour opens in the north",
    "The ferry company says that all crossings to the islands will run on the winter timetable from...",
    "Schools reopen after the storm",
    "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover le vieux pont…",
    "Neue Buslinie ab Montag",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss zu sanieren. Sie...",
]


def test_a_list_of_teasers_below_an_article_is_removed() -> None:
    doc = run_stages([*ARTICLE, *TEASER_LIST], "teasers")
    assert removed(doc, "teasers") == TEASER_LIST


def test_two_truncated_paragraphs_are_not_a_list() -> None:
    lines = [*ARTICLE, *TEASER_LIST[:4]]
    doc = run_stages(lines, "teasers")
    assert kept(doc) == lines


def test_a_listing_page_keeps_its_teasers() -> None:
    # no article beside the list: the list is the page
    lines = [ARTICLE[0], *TEASER_LIST]
    doc = run_stages(lines, "teasers")
    assert kept(doc) == lines


CUT_TITLES = [
    "New harbour opens in the no...",
    "The ferry company says that all crossings to the islands will run on the winter timetable from...",
    "Schools reopen after the st...",
    "Le conseil municipal a voté mardi soir un budget qui prévoit de rénover le vieux pont…",
    "Neue Buslinie ab Mon…",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss zu sanieren. Sie...",
]


def test_teasers_whose_headlines_are_cut_off_too_are_removed_below_an_article() -> None:
    doc = run_stages([*ARTICLE, *CUT_TITLES], "teasers")
    assert removed(doc, "teasers") == CUT_TITLES


def test_a_short_line_trailing_off_after_a_space_is_no_cut_headline() -> None:
    spaced = [t.replace("no...", "north ...").replace("st...", "storm ...") for t in CUT_TITLES[:4]]
    lines = [*ARTICLE, *spaced]
    assert kept(run_stages(lines, "teasers")) == lines
