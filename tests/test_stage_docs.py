"""The docs stage: a documentation page's buttons, code labels and table of contents go; its text stays."""

from __future__ import annotations

import pytest

from cleaner.document import Document

from .conftest import kept, removed, run_stages

INTRO = (
    "The sync command copies every changed file from the working folder to the remote store, "
    "and it leaves the files that did not change where they are."
)
OPTIONS = (
    "Pass the dry-run flag to see what would be copied without touching the remote store; "
    "the command prints one line per file and exits."
)
LIMITS = (
    "Large folders are copied in batches of five hundred files, so that an interrupted run "
    "can resume where it stopped instead of starting over."
)


def reason_of(doc: Document, text: str) -> str | None:
    block = next(b for b in doc.blocks if b.text == text)
    return block.removal.reason if block.removal else None


@pytest.mark.parametrize(
    "line",
    [
        "Copy code",
        "Edit this page",
        "On this page",
        "View this page on GitHub",
        "This page was last modified on 3 May 2025 by contributors.",
        "Diese Seite bearbeiten",
        "Auf dieser Seite",
        "Sur cette page",
        "Modifier cette page",
        "En esta página",
        "Copiar código",
        "На этой странице",
    ],
)
def test_documentation_buttons_are_removed(line: str) -> None:
    doc = run_stages([INTRO, line, OPTIONS], "docs")
    assert removed(doc, "docs") == [line]
    assert reason_of(doc, line) == "documentation button or link"


@pytest.mark.parametrize(
    "line",
    [
        "Copy the settings file into the config folder before the first run.",
        "Edit this page's header in the template to change the logo.",
        "Kopieren Sie die Datei in den Ordner config, bevor Sie starten.",
        "Sur cette page vous trouverez les options de la commande sync.",
    ],
)
def test_sentences_that_open_with_a_button_word_are_kept(line: str) -> None:
    doc = run_stages([INTRO, line, OPTIONS], "docs")
    assert line in kept(doc)


def test_language_labels_above_code_blocks_are_removed() -> None:
    lines = [INTRO, "bash", "sync --dry-run ./site remote:site", OPTIONS, "bash", "sync ./site remote:site"]
    doc = run_stages(lines, "docs")
    assert removed(doc, "docs") == ["bash", "bash"]
    assert "sync ./site remote:site" in kept(doc)


def test_a_lone_language_word_on_a_page_without_code_blocks_is_kept() -> None:
    lines = [INTRO, "python", OPTIONS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_a_capitalised_language_name_as_a_heading_is_kept() -> None:
    lines = [INTRO, "Python", OPTIONS, "Rust", LIMITS, "bash", "sync", "bash"]
    doc = run_stages(lines, "docs")
    assert "Python" in kept(doc)
    assert "Rust" in kept(doc)


def test_numbered_table_of_contents_is_removed() -> None:
    toc = ["1 Installation", "1.1 Vom Paket", "1.2 Aus den Quellen", "2 Konfiguration"]
    lines = [*toc, "Installation", INTRO, "Konfiguration", OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert removed(doc, "docs") == toc
    assert reason_of(doc, "1.1 Vom Paket") == "table of contents"
    assert "Installation" in kept(doc)


def test_plain_numbered_entries_naming_later_headings_are_a_table_of_contents() -> None:
    toc = ["1. Requisitos", "2. Instalación", "3. Primeros pasos"]
    lines = [*toc, "Requisitos", INTRO, "Instalación", OPTIONS, "Primeros pasos", LIMITS]
    doc = run_stages(lines, "docs")
    assert removed(doc, "docs") == toc


def test_numbered_steps_that_are_sentences_are_kept() -> None:
    steps = ["1. Préchauffez le four.", "2. Mélangez la farine et le beurre.", "3. Enfournez vingt minutes."]
    lines = [INTRO, *steps, OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_short_numbered_list_naming_no_heading_is_kept() -> None:
    items = ["1. Flour", "2. Butter", "3. Sugar"]
    lines = [INTRO, *items, OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_a_chapter_index_whose_sections_are_all_it_has_is_kept() -> None:
    toc = ["4.1. Storage", "4.2. Replication", "4.3. Backups", "4.4. Monitoring"]
    lines = ["Chapter 4. Operations", *toc]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_a_list_of_sizes_is_no_table_of_contents() -> None:
    sizes = ["1.0 mm", "1.5 mm", "2.0 mm", "2.5 mm", "3.0 mm"]
    lines = [INTRO, *sizes, OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_ratings_that_repeat_a_score_are_no_table_of_contents() -> None:
    ratings = ["4.8 Qualité", "4.8 Livraison", "4.5 Service client", "4.9 Prix"]
    lines = [INTRO, *ratings, OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_nested_numbers_that_go_backwards_are_no_table_of_contents() -> None:
    lines = [INTRO, "2.1 Auswahl", "1 Anfang", "1.3 Ende", OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_shoe_sizes_with_halves_are_no_table_of_contents() -> None:
    sizes = ["6 Weite Form (2)", "6.5 Weite Form (1)", "7 Weite Form (3)", "7.5 Weite Form (1)"]
    lines = [INTRO, *sizes, OPTIONS, LIMITS]
    doc = run_stages(lines, "docs")
    assert kept(doc) == lines


def test_a_table_of_contents_with_an_entry_missing_is_still_one() -> None:
    toc = ["1 Uso", "1.1 Instalar paquetes", "1.2 Quitar paquetes", "1.4 Consultar", "2 Configuración"]
    lines = [*toc, INTRO, OPTIONS, LIMITS, "Configuración"]
    doc = run_stages(lines, "docs")
    assert removed(doc, "docs") == toc


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("Next topic", "6. Modules"),
        ("Vorheriges Thema", "4. Kontrollstrukturen"),
        ("Sujet suivant", "Les modules"),
    ],
)
def test_a_previous_or_next_link_goes_with_its_title(label: str, title: str) -> None:
    doc = run_stages([INTRO, OPTIONS, label, title, LIMITS], "docs")
    assert removed(doc, "docs") == [label, title]
    assert reason_of(doc, title) == "link to the previous or next topic"


def test_a_paragraph_after_a_next_label_is_kept() -> None:
    doc = run_stages([INTRO, "Next topic", OPTIONS, LIMITS], "docs")
    assert OPTIONS in kept(doc)
    assert removed(doc, "docs") == ["Next topic"]


def test_a_heading_after_a_lone_next_page_button_is_kept() -> None:
    doc = run_stages([INTRO, "Next page", "Konfiguration", OPTIONS, LIMITS], "docs")
    assert removed(doc, "docs") == ["Next page"]
    assert "Konfiguration" in kept(doc)


@pytest.mark.parametrize(
    "line",
    [
        "Next article: Caching the remote index",
        "Previous post: « Ten years of sync",
        "Older post →",
        "Vorheriger Beitrag: Sicherungen im Netzwerk",
        "Article précédent : Les sauvegardes chiffrées",
        "Entrada siguiente: Copias de seguridad",
        "Следующая статья: Резервные копии",
    ],
)
def test_a_previous_or_next_label_and_its_title_on_one_line_are_removed(line: str) -> None:
    doc = run_stages([INTRO, OPTIONS, LIMITS, line], "docs")
    assert removed(doc, "docs") == [line]
    assert reason_of(doc, line) == "link to the previous or next topic"


@pytest.mark.parametrize(
    "line",
    [
        "Next post: I will show how the remote store handles deleted files.",
        "Note: the next article covers restores",
        "Next: copy the folder",
    ],
)
def test_a_sentence_after_a_next_label_on_one_line_is_kept(line: str) -> None:
    doc = run_stages([INTRO, OPTIONS, LIMITS, line], "docs")
    assert line in kept(doc)


def test_contents_entries_may_open_with_a_bullet() -> None:
    from cleaner.stages.docs import _entry

    assert _entry("- 2.1 Installing packages") == ((2, 1), "Installing packages")
    assert _entry("• 3 Removing packages") == ((3,), "Removing packages")
    assert _entry("Installing packages 2.1") is None
