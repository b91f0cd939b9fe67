"""The icons stage drops icon-sprite label runs and keeps prose that mentions icons."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.icons import Icons

from .conftest import kept, removed, run_stages


@pytest.mark.parametrize(
    "line",
    [
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon",
        "fa-facebook fa-twitter",
        "fas fa-envelope fab fa-linkedin",
        "ico-search ico-menu",
        "svg-icon-close",
        "glyphicon glyphicon-user",
        "mdi-home mdi-account",
        "searchicon closeicon menuicon",
        "closeicon",
        "icon-arrow-left icon-arrow-right",
    ],
)
def test_icon_label_run_removed(line: str) -> None:
    doc = run_stages(["Body sentence one is here.", line], "icons")
    assert removed(doc, "icons") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The app icon changed colour in the update.",
        "Icon",
        "Apple silicon chips are fast.",
        "Silicon",
        "Sofa-bed for sale, barely used.",
        "Bi-weekly meetings resume in May.",
        "The lexicon of the Rubicon crossing grew.",
        "Das neue App-Icon ist blau und wirkt moderner als das alte.",
        "L'icône de l'application a changé de couleur.",
    ],
)
def test_prose_mentioning_icons_kept(line: str) -> None:
    assert kept(run_stages([line], "icons")) == [line]


def test_icon_removal_reason_is_in_words() -> None:
    doc = run_stages(["fa-facebook fa-twitter"], "icons")
    block = next(doc.removals())
    assert block.removal is not None
    assert block.removal.reason == "icon-sprite labels"


def test_protected_icon_line_kept() -> None:
    doc = Document.from_lines(["fa-facebook fa-twitter"])
    out = Icons(Options(protect_phrases=("fa-facebook",))).run(doc)
    assert kept(out) == ["fa-facebook fa-twitter"]


def test_huge_line_of_icon_words_is_removed_whatever_its_length() -> None:
    line = "icon " * 1_000_000
    doc = run_stages([line], "icons")
    assert kept(doc) == [] and len(removed(doc, "icons")) == 1


def test_huge_line_of_prose_mentioning_an_icon_is_kept() -> None:
    line = "The museum restored the icon of the harbour chapel last spring. " * 20_000
    assert kept(run_stages([line], "icons")) == [line.strip()]
