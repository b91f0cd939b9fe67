"""The lists stage: items of a markdown list that the content stage dropped come back when it kept others."""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.stages.lists import Lists

from .conftest import kept

NAMES = (
    "Ada", "ALGOL 58", "ALGOL 60", "ALGOL 68", "APL", "AWK",
    "BASIC", "BCPL", "COBOL", "Lisp", "Pascal", "Perl",
)
LANGUAGES = [f"* [{name}](https://wiki.example/{name.replace(' ', '_')})" for name in NAMES]


def _after_content(lines: list[str], dropped: set[int], stage: str = "content") -> Document:
    """The lines through normalize and markdown, then ``dropped`` (line indexes) dropped by ``stage``."""
    doc = Pipeline.build(["normalize", "markdown"]).run(Document.from_lines(lines, style="markdown"))
    blocks = list(doc.blocks)
    for i in dropped:
        blocks[i] = blocks[i].drop(stage, "boilerplate: short line among boilerplate")
    return doc.with_blocks(blocks)


def _names(lines: list[str]) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in lines]


def test_items_dropped_inside_a_kept_list_come_back() -> None:
    doc = _after_content(LANGUAGES, {1, 2, 3, 5, 6, 8, 9})
    assert kept(Lists().run(doc)) == _names(LANGUAGES)


def test_items_outside_the_first_and_last_kept_stay_dropped() -> None:
    doc = _after_content(LANGUAGES, {0, 1, 2, 9, 10, 11})
    assert kept(Lists().run(doc)) == _names(LANGUAGES[3:9])


def test_menu_whose_items_were_all_dropped_stays_dropped() -> None:
    doc = _after_content(LANGUAGES, set(range(len(LANGUAGES))))
    assert kept(Lists().run(doc)) == []


def test_items_another_stage_removed_stay_removed() -> None:
    doc = _after_content(LANGUAGES, {4, 5}, stage="navigation")
    blocks = [b.drop("content", "boilerplate") if i == 6 else b for i, b in enumerate(doc.blocks)]
    doc = doc.with_blocks(blocks)
    left = kept(Lists().run(doc))
    assert "APL" not in left and "AWK" not in left and "BASIC" in left


def test_short_list_is_left_as_judged() -> None:
    doc = _after_content(LANGUAGES[:5], {1, 2, 3})
    assert kept(Lists().run(doc)) == ["Ada", "APL"]


def test_plain_text_dump_is_left_alone() -> None:
    doc = Document.from_lines([line[2:] for line in LANGUAGES], style="plain")
    blocks = [b.drop("content", "boilerplate") if i in {2, 3} else b for i, b in enumerate(doc.blocks)]
    doc = doc.with_blocks(blocks)
    assert Lists().run(doc) is doc
