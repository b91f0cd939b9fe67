"""The cta stage: a service page's call-to-action buttons go; sentences and headings with their words stay."""

from __future__ import annotations

import pytest

from .conftest import kept, removed, run_stages

INTRO = (
    "Our tax advisers prepare the yearly return for freelancers and small shops, "
    "and they answer questions by phone within one working day."
)
PLANS = "The basic plan covers one return a year; the full plan adds quarterly payments and a review."


@pytest.mark.parametrize(
    "line",
    [
        "Book now",
        "START FOR FREE",
        "Request a quote",
        "Jetzt buchen",
        "Angebot anfordern",
        "Demander un devis",
        "Essai gratuit",
        "Solicita un presupuesto",
        "Prueba gratis",
        "Оставить заявку",
    ],
)
def test_call_to_action_buttons_are_removed(line: str) -> None:
    doc = run_stages([INTRO, line, PLANS], "cta")
    assert removed(doc, "cta") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Book now and pay after your first consultation, with no deposit.",
        "Start for free with the basic plan, then upgrade when your team grows.",
        "Jetzt buchen lohnt sich: bis Ende März gilt der Frühbucherpreis.",
        "Demander un devis ne vous engage à rien.",
        "Book now, pay later",
    ],
)
def test_sentences_and_headings_with_button_words_are_kept(line: str) -> None:
    doc = run_stages([INTRO, line, PLANS], "cta")
    assert line in kept(doc)


def test_a_button_label_printed_twice_in_one_line_is_removed() -> None:
    doc = run_stages([INTRO, "Get ProtectedGet Protected", PLANS], "cta")
    assert removed(doc, "cta") == ["Get ProtectedGet Protected"]


@pytest.mark.parametrize("line", ["Bora Bora", "New York New York", "Sing Sing Prison tours"])
def test_a_name_that_repeats_a_word_is_kept(line: str) -> None:
    doc = run_stages([INTRO, line, PLANS], "cta")
    assert line in kept(doc)


def test_a_price_printed_twice_is_kept() -> None:
    doc = run_stages([INTRO, "EUR 28.39EUR 28.39", PLANS], "cta")
    assert "EUR 28.39EUR 28.39" in kept(doc)


@pytest.mark.parametrize(
    "line",
    [
        "About us Opens in a new tab",
        "Annual report (PDF) (opens in new window)",
        "Kontakt Öffnet in einem neuen Tab",
        "Nous contacter S'ouvre dans un nouvel onglet",
        "Contacto Se abre en una nueva pestaña",
        "Контакты Откроется в новой вкладке",
    ],
)
def test_a_link_with_its_new_tab_note_is_removed(line: str) -> None:
    doc = run_stages([INTRO, line, PLANS], "cta")
    assert removed(doc, "cta") == [line]


@pytest.mark.parametrize(
    "line",
    ["The preview opens in a new tab.", "Click Print and the receipt opens in a new window"],
)
def test_a_sentence_about_new_tabs_is_kept(line: str) -> None:
    doc = run_stages([INTRO, line, PLANS], "cta")
    assert line in kept(doc)
