"""Pipeline building, order and the stage registry's documentation."""

from __future__ import annotations

import re

import pytest

from cleaner import DEFAULT, Document, Pipeline, Stage, all_stages
from cleaner.errors import UnknownStageError
from cleaner.stage import non_blank, stage_table

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


class _DropFirstWhileLong(Stage):
    """Test stage: drop the first kept line while more than two are kept.

    **Removes:** the first line of a three-line text. **Keeps:** a two-line text.
    """

    name = "test-drop-first"

    def run(self, doc: Document) -> Document:
        kept = doc.kept_indices()
        if len(kept) <= 2:
            return doc
        blocks = list(doc.blocks)
        blocks[kept[0]] = blocks[kept[0]].drop(self.name, "first of many")
        return doc.with_blocks(blocks)


def test_clean_settles_until_a_second_run_changes_nothing() -> None:
    pipeline = Pipeline((_DropFirstWhileLong(),))
    doc = pipeline.clean(Document.from_lines(["a", "b", "c", "d", "e"]))
    assert doc.text == "d\ne"
    assert pipeline.clean(Document.from_lines(doc.text.splitlines())).text == doc.text


def test_settling_records_later_removals_on_the_original_lines() -> None:
    pipeline = Pipeline((_DropFirstWhileLong(),))
    doc = pipeline.clean(Document.from_lines(["a", "b", "c", "d"]))
    removed = [(b.origin, b.removal.stage) for b in doc.blocks if b.removal is not None]
    assert removed == [(1, "test-drop-first"), (2, "test-drop-first")]


def test_run_is_a_single_fold_without_settling() -> None:
    pipeline = Pipeline((_DropFirstWhileLong(),))
    assert pipeline.run(Document.from_lines(["a", "b", "c", "d"])).text == "b\nc\nd"


def test_non_blank_gives_positions_and_stripped_texts_of_kept_and_removed_lines() -> None:
    doc = Document.from_lines(["  Kettle  ", "", "Add to cart"])
    blocks = [doc.blocks[0], doc.blocks[1], doc.blocks[2].drop("shop", "shop button")]
    assert non_blank(blocks) == ([0, 2], ["Kettle", "Add to cart"])
