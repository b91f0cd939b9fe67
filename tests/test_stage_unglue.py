"""The unglue stage: a dump line that glues many elements together is cut into one line per element."""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.stages.unglue import split_glued_elements

from .conftest import kept, run_stages

MENU = "Sign inCoursesWorkshopsTeachersTimetableGift cardsContact us"


def test_menu_glued_into_one_line_is_cut_into_its_items() -> None:
    assert split_glued_elements(MENU) == [
        "Sign in",
        "Courses",
        "Workshops",
        "Teachers",
        "Timetable",
        "Gift cards",
        "Contact us",
    ]


def test_subheading_glued_to_its_paragraph_is_cut_off_it() -> None:
    line = (
        "Our pottery classesWheel throwingBeginners learn to centre clay.HandbuildingPinch pots and "
        "coils for all ages.GlazingWe mix our own glazes from local ash."
    )
    parts = split_glued_elements(line)
    assert "Beginners learn to centre clay." in parts
    assert "Pinch pots and coils for all ages." in parts
    assert "We mix our own glazes from local ash." in parts


def test_line_with_few_inner_capitals_is_kept_whole() -> None:
    line = "Watch the talk on YouTube, read the slides on SlideShare or fork the code on GitHub."
    assert split_glued_elements(line) == [line]


def test_code_identifiers_are_never_cut() -> None:
    line = "el.addEventListener el.getElementById el.querySelector el.innerHTML el.textContent el.appendChild"
    assert split_glued_elements(line) == [line]


def test_code_line_with_assignments_is_never_cut() -> None:
    line = "const fooBar = makeThing(); let barBaz = otherThing(); var quxQuux = lastThing(); doIt();"
    assert split_glued_elements(line) == [line]


def test_cut_parts_keep_the_line_number_of_their_line() -> None:
    doc = run_stages(["Headline", MENU], "unglue")
    assert [b.origin for b in doc.blocks] == [1] + [2] * 7


def test_markdown_dump_is_left_alone() -> None:
    doc = run_stages([MENU], "unglue", style="markdown")
    assert kept(doc) == [MENU]


def test_html_page_is_left_alone() -> None:
    doc = Pipeline.build(["unglue"]).run(Document.from_lines([MENU], kind="html"))
    assert kept(doc) == [MENU]


def test_cutting_twice_changes_nothing() -> None:
    once = kept(run_stages([MENU], "unglue"))
    assert kept(run_stages(once, "unglue")) == once


def test_share_bar_glued_after_closing_brackets_is_cut_into_its_buttons() -> None:
    line = (
        "Share it:Post to Mastodon (opens a new tab)Post to Bluesky (opens a new tab)"
        "Print (opens a new tab)Send by mail (opens a new tab)Copy the link (opens a new tab)"
    )
    parts = split_glued_elements(line)
    assert parts[:2] == ["Share it:", "Post to Mastodon (opens a new tab)"]
    assert "Post to Bluesky (opens a new tab)" in parts
    assert "Copy the link (opens a new tab)" in parts


def test_paragraph_ending_in_a_number_is_cut_off_the_element_glued_after_it() -> None:
    line = (
        "Write to us at PO Box 4410, Springfield 62704.CommentsTermsPrivacyImprintCareersAbout the paper"
    )
    parts = split_glued_elements(line)
    assert parts[0] == "Write to us at PO Box 4410, Springfield 62704."
    assert parts[1] == "Comments"


def test_prose_with_a_bracket_and_a_colon_followed_by_a_space_is_kept_whole() -> None:
    line = "The plan (announced in March) has three parts: Housing, Transport and Schools, said the mayor."
    assert split_glued_elements(line) == [line]


def test_call_in_code_is_never_cut_at_its_bracket() -> None:
    line = "getUser(id)Then fetchOrders(user)Then renderPage(orders)Then logVisit(page)Then done(ok)Then"
    assert split_glued_elements(line) == [line]


def test_glued_page_with_an_embedded_script_tag_is_still_cut() -> None:
    line = (
        "Sign up for our newsletterEmailPrivacy policyMore newsletters"
        '<script type="text/javascript" src="https://player.example.org/embed?id=42&w=600&h=360"></script>'
        "Watch the videoShareCopy linkClose"
    )
    parts = split_glued_elements(line)
    assert "Email" in parts
    assert "Copy link" in parts


def test_caption_credit_glued_to_the_next_paragraph_is_cut_after_the_bracket() -> None:
    line = "Fans wait at the stadium gate (Photo: Getty Images)The match began an hour late on Sunday."
    assert split_glued_elements(line) == [
        "Fans wait at the stadium gate (Photo: Getty Images)",
        "The match began an hour late on Sunday.",
    ]


def test_caption_credit_glued_to_a_quote_is_cut_in_german_too() -> None:
    line = "Das Rathaus am Abend (Foto: dpa)„Wir bauen weiter“, sagte die Bürgermeisterin."
    assert split_glued_elements(line) == [
        "Das Rathaus am Abend (Foto: dpa)",
        "„Wir bauen weiter“, sagte die Bürgermeisterin.",
    ]


def test_bracket_without_a_credit_glued_to_a_capital_is_left_whole() -> None:
    line = "The plan (announced in March)Then the council voted on it again in May."
    assert split_glued_elements(line) == [line]


def test_caption_cut_off_its_paragraph_is_dropped_and_the_paragraph_kept() -> None:
    body = "The match began an hour late on Sunday, after fans queued for a long time at the gates."
    doc = run_stages([f"Fans wait at the stadium gate (Photo: Getty Images){body}"], "unglue", "captions")
    assert kept(doc) == [body]


def test_read_more_label_glued_to_a_sentence_end_is_cut_off_the_paragraph() -> None:
    line = "The council will vote on the plan in May.READ MORE: Mayor promises new bridge by 2027"
    assert split_glued_elements(line) == [
        "The council will vote on the plan in May.",
        "READ MORE: Mayor promises new bridge by 2027",
    ]


def test_label_glued_to_the_first_headline_is_cut_off_it_too() -> None:
    line = "Der Rat stimmt im Mai über den Plan ab.Lesen Sie auchNeue Brücke für die Altstadt"
    assert split_glued_elements(line) == [
        "Der Rat stimmt im Mai über den Plan ab.",
        "Lesen Sie auch",
        "Neue Brücke für die Altstadt",
    ]


def test_one_word_label_glued_to_a_sentence_end_is_left_whole() -> None:
    line = "The council will vote on the plan in May.More details follow after the vote."
    assert split_glued_elements(line) == [line]


def test_label_words_after_a_space_are_left_whole() -> None:
    line = "The council will vote in May. Read more about the plan in the report, the mayor said."
    assert split_glued_elements(line) == [line]


def test_capitals_or_a_number_running_into_a_capital_is_no_join() -> None:
    # (a year running into a word is a cut of its own: see the year tests below)
    line = "HomeNewsSportWeatherTravelCulture Free SHIPPINGView all 250Microsoft deals"
    pieces = split_glued_elements(line)
    assert pieces[:5] == ["Home", "News", "Sport", "Weather", "Travel"]
    assert pieces[-1] == "Culture Free SHIPPINGView all 250Microsoft deals"


def test_subheading_glued_to_a_sentence_opening_word_is_cut_off_its_paragraph() -> None:
    line = "Getting startedThe first step is to choose a plan that fits your team."
    assert split_glued_elements(line) == [
        "Getting started",
        "The first step is to choose a plan that fits your team.",
    ]


def test_sentence_opening_word_is_a_cut_in_german_french_spanish_and_russian() -> None:
    assert split_glued_elements("Im ÜberblickDie Stadt plant neue Radwege.") == [
        "Im Überblick",
        "Die Stadt plant neue Radwege.",
    ]
    assert split_glued_elements("En brefLes élus ont voté le budget.")[1] == "Les élus ont voté le budget."
    assert split_glued_elements("En resumenLos vecinos piden más luz.")[1] == "Los vecinos piden más luz."
    assert split_glued_elements("ГлавноеМы открыли новый парк.")[1] == "Мы открыли новый парк."


def test_name_ending_in_a_word_that_opens_no_sentence_is_kept_whole() -> None:
    line = "Follow us on LinkedIn for news about the next release."
    assert split_glued_elements(line) == [line]


def test_sentence_opening_word_inside_an_identifier_is_no_cut() -> None:
    line = "The plugin calls processIfReady when the page loads."
    assert split_glued_elements(line) == [line]


def test_sentence_opening_word_in_a_line_of_code_is_no_cut() -> None:
    line = "if (readyThe == 1) { count = 2; total = 3; }"
    assert split_glued_elements(line) == [line]


def test_year_glued_to_the_next_element_is_cut_after_the_year() -> None:
    line = "Posted on March 3, 2025How to choose a tent for the hills"
    assert split_glued_elements(line) == [
        "Posted on March 3, 2025",
        "How to choose a tent for the hills",
    ]


def test_number_running_into_a_unit_or_a_longer_number_is_no_cut() -> None:
    assert split_glued_elements("The panel refreshes at 2000Hz in game mode.") == [
        "The panel refreshes at 2000Hz in game mode."
    ]
    line = "Order no. 120190Alpha was shipped."
    assert split_glued_elements(line) == [line]


def test_title_case_heading_glued_to_its_paragraph_is_cut_off_it() -> None:
    line = "Choosing Garden ToolsMaterials matter more than length when you buy one for a small yard."
    assert split_glued_elements(line) == [
        "Choosing Garden Tools",
        "Materials matter more than length when you buy one for a small yard.",
    ]


def test_lower_case_heading_glued_to_its_paragraph_is_cut_off_it() -> None:
    line = "Why we moved to the countrysideLiving two hours from the city has changed how we shop."
    assert split_glued_elements(line)[0] == "Why we moved to the countryside"


def test_heading_glued_to_a_paragraph_is_cut_in_german_french_spanish_and_russian() -> None:
    lines = {
        "Wichtige HinweiseBitte lesen Sie die Anleitung vor dem ersten Gebrauch ganz durch.": "Bitte",
        "Conseils pour débuterChaque semaine, nous proposons un atelier pour les enfants.": "Chaque",
        "Consejos para empezarCada semana ofrecemos un taller gratuito para los niños.": "Cada",
        "Советы для новичковКаждую неделю мы проводим занятия для детей в парке.": "Каждую",
    }
    for line, first in lines.items():
        parts = split_glued_elements(line)
        assert len(parts) == 2 and parts[1].startswith(first), line


def test_name_in_a_sentence_is_not_cut_off_the_rest_of_the_sentence() -> None:
    for line in (
        "The plugin adds custom JavaScript to every page of the shop and reloads it.",
        "My brother bought the new MacBook Pro with lots of memory for his studio.",
        "Nettoyez l'InstaClean pour une facilité de nettoyage au quotidien.",
        "Press the button on the YouTube app and the video starts on the television.",
        "Save your work first. PowerPoint closes the file when the laptop goes to sleep.",
    ):
        assert split_glued_elements(line) == [line]


def test_heading_word_glued_to_a_short_phrase_is_left_whole() -> None:
    line = "Best sellersFree shipping over fifty"
    assert split_glued_elements(line) == [line]


def test_glued_word_that_recurs_in_the_page_is_a_name_and_no_cut() -> None:
    lines = [
        "Microsoft PowerPoint is the program most teachers use for their slides.",
        "Save the file before PowerPoint closes.",
    ]
    assert kept(run_stages(lines, "unglue")) == lines


def test_glued_heading_word_that_occurs_once_in_the_page_is_cut() -> None:
    lines = ["Planting Seeds", "Planting SeedsWater the seedlings every morning until the first leaves show."]
    assert kept(run_stages(lines, "unglue"))[1:] == [
        "Planting Seeds",
        "Water the seedlings every morning until the first leaves show.",
    ]


def test_identifier_in_a_sentence_is_no_heading_cut() -> None:
    line = "Call user.getName() when the form is sent and store the result in a variable."
    assert split_glued_elements(line) == [line]


def test_label_in_capitals_glued_to_a_paragraph_is_cut_off_it() -> None:
    line = "ADVERTISEMENTThe first week starts with three short walks and a day of rest."
    assert split_glued_elements(line) == [
        "ADVERTISEMENT",
        "The first week starts with three short walks and a day of rest.",
    ]


def test_heading_in_capitals_glued_to_a_paragraph_is_cut_off_it_in_russian_too() -> None:
    line = "ЧАСТЫЕ ВОПРОСЫКак долго длится доставка по городу и сколько она стоит?"
    assert split_glued_elements(line)[0] == "ЧАСТЫЕ ВОПРОСЫ"


def test_name_opening_with_an_acronym_is_not_cut() -> None:
    for line in (
        "HTMLElement represents any element of the page and its children.",
        "Create a new HTTPSConnection object before you send the request to the host.",
        "Our RGB LEDs per module are encased in a clear and soft silicone shell.",
    ):
        assert split_glued_elements(line) == [line]
