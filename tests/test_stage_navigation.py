"""The navigation stage drops menus, breadcrumbs, skip links, pagination and language pickers."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.navigation import Navigation

from .conftest import kept, removed, run_stages


def reasons(line: str) -> list[str]:
    doc = run_stages([line], "navigation")
    return [b.removal.reason for b in doc.removals() if b.removal]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to main content", "navigation link"),
        ("Menu", "navigation link"),
        ("Search", "navigation link"),
        ("Sign in", "navigation link"),
        ("Next page", "navigation link"),
        ("» Back to top", "navigation link"),
        ("Zum Inhalt springen", "navigation link"),
        ("Aller au contenu principal", "navigation link"),
        ("Saltar al contenido", "navigation link"),
        ("Перейти к содержанию", "navigation link"),
        ("Vai al contenuto", "navigation link"),
        ("Strona główna", "navigation link"),
        ("Home | News | Sport", "menu"),
        ("Home › World › Europe", "menu"),
        ("Startseite Politik Wirtschaft Sport", "menu"),
        ("Accueil / Actualités / Économie", "menu"),
        ("Главная Новости Политика Экономика", "menu"),
        ("English Deutsch Français Español", "menu"),
        ("Русский", "language picker"),
        ("1 2 3 … 10 Next", "pagination"),
        ("Page 2 of 10", "pagination"),
        ("« 1 2 3 4 »", "pagination"),
        ("Seite 3 von 7", "pagination"),
        ("Home › Gardening tips › Growing tomatoes", "breadcrumb trail"),
        ("Startseite > Ratgeber > Reisen nach Island", "breadcrumb trail"),
    ],
)
def test_navigation_line_removed(line: str, reason: str) -> None:
    assert reasons(line) == [reason]


@pytest.mark.parametrize(
    "line",
    [
        "Home prices rose 4% in March, the agency said.",
        "Search teams found the hikers on Sunday morning.",
        "Menu prices at the restaurant doubled within a year.",
        "Kremlin explains why talks stalled | World News",
        "Working Directory → Staging Area → Repository",
        "Processor: Apple M1 Pro / Max / Ultra",
        "CPU: Core i5 | RAM: 16GB | Storage: 512GB SSD | Screen: 14-inch",
        "Science & Technology",
        "24/7",
        "2024 2025",
        "10 de mayo",
        "Die Suche nach den Vermissten geht weiter.",
        "Recherche : les scientifiques ont publié leurs résultats mardi.",
        "Главная новость дня — отставка министра.",
    ],
)
def test_body_line_with_navigation_words_kept(line: str) -> None:
    assert kept(run_stages([line], "navigation")) == [line]


def test_protected_phrase_keeps_menu_line() -> None:
    doc = Document.from_lines(["Home | News | Sport"])
    out = Navigation(Options(protect_phrases=("news | sport",))).run(doc)
    assert removed(out) == []


@pytest.mark.parametrize(
    "line",
    [
        "HomeNewsLocalBusinessSportOpinionWeatherSubscribeSign In",
        "StartseiteLokalesPolitikWirtschaftSportKultur",
        "ImpressumDatenschutzAGBKontakt",
        "Aviso legalPolítica de privacidadPolítica de cookiesContacto",
        "ГлавнаяНовостиОбществоЭкономикаСпорт",
    ],
)
def test_run_together_menu_removed(line: str) -> None:
    assert reasons(line) == ["menu"]


def test_run_together_words_in_prose_kept() -> None:
    line = "The iPhone maker and McDonald's reported results on Tuesday."
    assert kept(run_stages([line], "navigation")) == [line]


def test_menu_printed_one_item_per_line_removed() -> None:
    lines = ["News", "Sport", "Weather", "The council met on Monday to discuss the budget for next year."]
    doc = run_stages(lines, "navigation")
    assert kept(doc) == lines[3:]


def test_unknown_short_label_between_menu_items_removed() -> None:
    lines = ["Accueil", "Lyon", "Société", "Le conseil municipal a voté le budget lundi soir."]
    assert kept(run_stages(lines, "navigation")) == lines[3:]


def test_lone_section_word_as_subheading_kept() -> None:
    lines = [
        "The first part of the report covers schools and hospitals in detail.",
        "Politics",
        "Ministers have not yet answered the committee's questions.",
    ]
    assert kept(run_stages(lines, "navigation")) == lines


def test_two_part_breadcrumb_with_arrow_removed() -> None:
    assert reasons("News › Traffic") == ["breadcrumb trail"]


@pytest.mark.parametrize("line", ["12 34 56", "2024 | 2025 | 2026", "1.5 2.5"])
def test_row_of_figures_is_not_a_menu(line: str) -> None:
    assert kept(run_stages([line], "navigation")) == [line]


def test_vertical_page_numbers_left_to_other_stages() -> None:
    lines = ["Previous", "1", "2", "3", "Next", "The story continues with a long sentence about the town."]
    assert kept(run_stages(lines, "navigation")) == lines[1:4] + lines[5:]


def test_numbered_steps_in_body_kept() -> None:
    lines = ["Step", "1", "Mix the flour and the water in a large bowl until smooth."]
    assert kept(run_stages(lines, "navigation")) == lines


def test_lone_section_link_in_markdown_removed() -> None:
    body = "The budget passed after a long debate in the chamber on Thursday."
    lines = [body, "* [Politics](/politics)", ""]
    doc = run_stages(lines, "markdown", "navigation", style="markdown")
    assert kept(doc) == lines[:1]


def test_lone_section_word_without_link_in_markdown_kept() -> None:
    body = "The budget passed after a long debate in the chamber on Thursday."
    lines = [body, "## Politics", "More text follows."]
    doc = run_stages(lines, "markdown", "navigation", style="markdown")
    assert kept(doc) == [lines[0], "Politics", lines[2]]


def test_protected_phrase_keeps_a_menu_line_judged_before_without_it() -> None:
    doc = Document.from_lines(["Startseite | Politik | Wirtschaft", "", "Der Rat tagte am Montag."])
    assert removed(Navigation().run(doc)) == ["Startseite | Politik | Wirtschaft"]
    protected = Navigation(Options(protect_phrases=("politik",))).run(doc)
    assert "Startseite | Politik | Wirtschaft" in kept(protected)


def test_menu_item_judged_again_from_memory_gives_the_same_result() -> None:
    lines = ["Weather", "Sport", "Lyon", "News", "The bridge over the river will close for repairs in May."]
    first = kept(run_stages(lines, "navigation"))
    assert first == kept(run_stages(lines, "navigation")) == lines[4:]
