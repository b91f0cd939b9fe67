"""Pipeline building, order and the stage registry's documentation."""

from __future__ import annotations

import re

import pytest

from cleaner import DEFAULT, Document, Pipeline, Stage, all_stages
from cleaner.errors import UnknownStageError
from cleaner.stage import stage_table

from .conftest import ROOT


def test_default_pipeline_has_default_order() -> None:
    assert Pipeline.build().names == DEFAULT


def test_every_default_stage_is_registered() -> None:
    assert set(DEFAULT) <= set(all_stages())


def test_skip_removes_a_stage_and_keeps_order() -> None:
    names = Pipeline.build(skip=["icons"]).names
    assert "icons" not in names
    assert list(names) == [n for n in DEFAULT if n != "icons"]


def test_unknown_stage_name_raises_with_known_names() -> None:
    with pytest.raises(UnknownStageError, match="normalize"):
        Pipeline.build(["no-such-stage"])


def test_unknown_skip_name_raises() -> None:
    with pytest.raises(UnknownStageError):
        Pipeline.build(skip=["nope"])


def test_stages_are_pure_input_document_unchanged() -> None:
    doc = Document.from_lines(["  Hello\u00a0world  ", "", "icon fbicon twicon mailicon"])
    before = doc.blocks
    Pipeline.build().run(doc)
    assert doc.blocks == before


@pytest.mark.parametrize("name", sorted(all_stages()))
def test_stage_docstring_has_summary_removes_and_keeps(name: str) -> None:
    cls = all_stages()[name]
    doc = cls.__doc__ or ""
    assert cls.summary(), f"{name} has no summary line"
    assert "**Removes:**" in doc, f"{name} docstring lacks a **Removes:** example"
    assert "**Keeps:**" in doc, f"{name} docstring lacks a **Keeps:** near-miss"


@pytest.mark.parametrize("name", sorted(all_stages()))
def test_stage_is_a_stage_with_its_registered_name(name: str) -> None:
    cls = all_stages()[name]
    assert issubclass(cls, Stage)
    assert cls.name == name


def test_readme_stage_table_is_generated_from_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- stages:start -->\n(.*?)\n<!-- stages:end -->", readme, re.S)
    assert match, "README.md lacks the generated stage table markers"
    assert match.group(1).strip() == stage_table().strip(), "run: python -m cleaner.stage > update README"
