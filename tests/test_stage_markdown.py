"""The markdown stage keeps the words of markdown dumps and drops link targets, images and syntax."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.markdown import LINK_SHARE, Markdown, rewrite

from .conftest import kept, run_stages


def md(lines: list[str]) -> Document:
    return run_stages(lines, "markdown", style="markdown")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('[The minister](https://example.org/bio "Biography") said', "The minister said"),
        ("[ Example Homepage ](/)", "Example Homepage"),
        ("Read the [full report][1] today", "Read the full report today"),
        ("See [a link](http://example.org/wiki/Foo_(bar)) here.", "See a link here."),
        ("Text ![chart](/img/chart.png) continues", "Text continues"),
        ("**Bold** and *italic* and __strong__ and _em_", "Bold and italic and strong and em"),
        ("snake_case_names stay", "snake_case_names stay"),
        ("2*3*4 = 24", "2*3*4 = 24"),
        ("# Heading one", "Heading one"),
        ("### Heading three ###", "Heading three"),
        ("* bullet item", "bullet item"),
        ("- dash item", "dash item"),
        ("+ plus item", "plus item"),
        ("12. numbered item", "numbered item"),
        ("> quoted words", "quoted words"),
        ("> * quoted bullet", "quoted bullet"),
        ("| Name | Age |", "Name Age"),
        (r"\[not a link\] and \*stars\* and \_under\_", "[not a link] and *stars* and _under_"),
        ("~~struck~~ words", "struck words"),
        ("See <https://example.org/a> for details.", "See https://example.org/a for details."),
        ("Das ist **wichtig** für [Berlin](https://de.example.org/berlin).", "Das ist wichtig für Berlin."),
        ("Читайте [здесь](https://example.ru/a)", "Читайте здесь"),
    ],
)
def test_markdown_line_rewritten_to_its_words(line: str, expected: str) -> None:
    assert kept(md([line])) == [expected]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("![Portrait of the minister](https://example.org/img/minister.jpg)", "image"),
        ("[![logo](https://example.org/logo.png)](https://example.org/)", "image"),
        ("![a](a.png) ![b](b.png)", "image"),
        ("[](https://example.org/share)", "link target"),
        ("<https://example.org/page>", "link target"),
        ("https://example.org/page?id=3", "link target"),
        ("www.example.org/page", "link target"),
        ('[1]: http://example.org/ref "Reference"', "link definition"),
        ("---", "horizontal rule"),
        ("***", "horizontal rule"),
        ("* * *", "horizontal rule"),
        ("|---|:---:|", "table rule"),
        ("---|---", "table rule"),
        ("*", "markdown markup"),
    ],
)
def test_markup_only_line_removed_with_reason(line: str, reason: str) -> None:
    doc = md([line])
    assert kept(doc) == []
    assert [b.removal.reason for b in doc.removals() if b.removal] == [reason]


def test_underscore_rule_is_text_for_the_scorer() -> None:
    assert kept(md(["___"])) == ["___"]


def test_plain_dump_is_left_alone() -> None:
    doc = run_stages(["[not](markdown) **here**"], "markdown", style="plain")
    assert kept(doc) == ["[not](markdown) **here**"]


def test_rewritten_block_keeps_its_origin_and_link_share() -> None:
    doc = md(["intro line", "[Sport](/sport)"])
    block = doc.blocks[1]
    assert (block.text, block.origin) == ("Sport", 2)
    assert block.hints[LINK_SHARE] == 1.0


def test_rewrite_is_idempotent() -> None:
    for line in ["**Bold** [x](y) text", "# Title", "| a | b |", "plain words"]:
        once, _ = rewrite(line)
        assert rewrite(once)[0] == once


def test_protected_image_line_kept() -> None:
    doc = Document.from_lines(["![keep me](a.png)"], style="markdown")
    out = Markdown(Options(protect_phrases=("keep me",))).run(doc)
    assert kept(out) == ["![keep me](a.png)"]


def test_huge_single_line_finishes() -> None:
    line = "[a](b) **c** _d_ " * 300_000 + "*" * 100_000
    doc = md([line])
    assert kept(doc)[0].startswith("a c d a c d")


@pytest.mark.parametrize("line", ["__", "____", "_ _", "* *"])
def test_empty_emphasis_removed(line: str) -> None:
    doc = md([line])
    assert kept(doc) == []
    assert [b.removal.reason for b in doc.removals() if b.removal] == ["empty emphasis"]


def test_heading_keeps_its_level_as_a_hint() -> None:
    from tests.conftest import run_stages

    doc = run_stages(["## Second level", "# Top", "#hashtag"], "markdown", style="markdown")
    levels = [(b.text, b.hints.get("level")) for b in doc.blocks]
    assert levels == [("Second level", 2), ("Top", 1), ("#hashtag", None)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("class Cache[[Quelle]](https://git.example/cache.py#L61)", "class Cache[Quelle]"),
        ("wie in der Studie belegt[[2]](#fn-2).", "wie in der Studie belegt[2]."),
        (
            "Jusqu'à 200 € de remise par séjour. ](https://voyages.example/promo?id=7)",
            "Jusqu'à 200 € de remise par séjour.",
        ),
        ("## la-interfaz-websocket](https://spec.example/#la-interfaz-websocket)", "la-interfaz-websocket"),
    ],
)
def test_link_targets_of_nested_and_split_links_go(line: str, expected: str) -> None:
    assert rewrite(line)[0] == expected


@pytest.mark.parametrize(
    "line",
    ["Der Index [0] zählt (wie immer) ab null.", "a ] b (c) d", "Liste: [a, b] (sortiert)"],
)
def test_brackets_and_parentheses_that_are_no_link_stay(line: str) -> None:
    assert rewrite(line)[0] == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[__Forums](https://example.org/forums/)", "Forums"),
        ("[ __ Zurück ](javascript:history.back())", "Zurück"),
        ("Open the report __", "Open the report"),
        ("__ 14 réponses", "14 réponses"),
    ],
)
def test_icon_printed_as_empty_emphasis_leaves_its_label(line: str, expected: str) -> None:
    assert rewrite(line)[0] == expected


def test_a_link_that_is_only_an_icon_is_removed() -> None:
    assert kept(md(["[__](https://example.org/account)", "Ответы на вопросы"])) == ["Ответы на вопросы"]


@pytest.mark.parametrize("line", ["a__b and c__", "the ___ separator", "MAX__SIZE"])
def test_double_underscores_inside_names_stay(line: str) -> None:
    assert "__" in rewrite(line)[0]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Override `__init__` in the subclass", "Override `__init__` in the subclass"),
        ("Die Formel `a*b*c` gilt **immer**", "Die Formel `a*b*c` gilt immer"),
        ("[`__len__()`](../ref.html#object.__len__)", "`__len__()`"),
    ],
)
def test_inline_code_keeps_its_underscores_and_asterisks(line: str, expected: str) -> None:
    assert rewrite(line)[0] == expected
