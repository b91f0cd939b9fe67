"""The captions stage: a line that ends with its picture's credit is a caption."""

from __future__ import annotations

import pytest

from tests.conftest import kept, removed, run_stages


@pytest.mark.parametrize(
    "line",
    [
        "Fishermen mend their nets on the quay at dawn (Photo: Jane Doe/Reuters)",
        "The new footbridge lit up on its first night. Credit: Tom Example",
        "Volunteers plant oaks along the old railway line (AP Photo/Sam Example, File)",
        "Das neue Rathaus am Abend. Foto: Max Mustermann",
        "Les vendanges ont commencé tôt cette année (Crédit photo : Marie Exemple)",
        "Los agricultores revisan los canales de riego (Foto de Ana Ejemplo)",
        "Паром у причала в порту. Фото: Иван Примеров",
    ],
)
def test_caption_ending_with_its_credit_removed(line: str) -> None:
    doc = run_stages(["A paragraph of the article that stays where it is.", line], "captions")
    assert removed(doc, "captions") == [line]


@pytest.mark.parametrize(
    "line",
    [
        # the credit words inside a sentence of the body
        "The council said the photo credit rules were unclear to most of the applicants.",
        "He smiled. Photo by photo, the album filled up with pictures of the harbour and its boats.",
        # a caption without a credit is left to the classifier
        "Fishermen mend their nets on the quay at dawn, the photographer said.",
        # a credit line on its own is the footers stage's
        "Photo: Jane Doe/Reuters",
    ],
)
def test_near_miss_without_a_trailing_credit_kept(line: str) -> None:
    doc = run_stages([line], "captions")
    assert kept(doc) == [line]


def test_long_paragraph_ending_with_a_credit_kept() -> None:
    body = " ".join(["The ferry crossed the bay in the fog while the harbour master watched."] * 6)
    line = body + " (Photo: Jane Doe)"
    doc = run_stages([line], "captions")
    assert kept(doc) == [line]


def test_captions_run_after_content_in_the_default_order() -> None:
    # the classifier was trained on pages with their captions in place
    from cleaner.pipeline import DEFAULT

    assert DEFAULT.index("captions") == DEFAULT.index("content") + 1


@pytest.mark.parametrize(
    "line",
    [
        "Image caption The mayor cuts the ribbon on the new footbridge",
        "Bildunterschrift: Der Bürgermeister eröffnet die neue Brücke am Hafen",
        "Légende : Le maire inaugure la nouvelle passerelle du port",
    ],
)
def test_caption_after_its_label_removed(line: str) -> None:
    doc = run_stages(["A paragraph of the article that stays where it is.", line], "captions")
    assert removed(doc, "captions") == [line]


def test_sentence_about_a_caption_kept() -> None:
    line = "The image caption was wrong, the editor admitted in a note below the story."
    doc = run_stages([line], "captions")
    assert kept(doc) == [line]
