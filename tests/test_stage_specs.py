"""The specs stage: a shop page's specification table comes back when the content stage dropped it."""

from __future__ import annotations

import pytest

from cleaner.document import Document
from cleaner.stages.specs import Specs, is_spec_heading

from .conftest import kept

DESCRIPTION = "A hand-thrown stoneware jug with a pouring lip, glazed in a speckled oatmeal white."


def _doc(lines: list[str], dropped: set[int], *, by: str = "content") -> Document:
    """A dump whose lines at ``dropped`` were removed by the stage ``by``."""
    doc = Document.from_lines(lines)
    return doc.with_blocks(
        b.drop(by, "boilerplate: short line") if i in dropped else b for i, b in enumerate(doc.blocks)
    )


def _specs(doc: Document) -> list[str]:
    return kept(Specs()(doc))


def _page(heading: str, rows: list[str], *, price: str = "€39,90", after: str = "Newsletter") -> list[str]:
    return ["Stoneware jug, oatmeal", price, DESCRIPTION, heading, *rows, after]


ROWS = ["Material Stoneware", "Capacity 1.5 l", "Height: 21 cm", "Weight 1.2 kg"]


def test_rows_under_a_spec_heading_come_back_on_a_shop_page() -> None:
    lines = _page("Technical details", ROWS)
    dropped = set(range(3, len(lines)))
    left = _specs(_doc(lines, dropped))
    assert left == ["Stoneware jug, oatmeal", "€39,90", DESCRIPTION, "Technical details", *ROWS]


def test_line_after_the_table_stays_dropped() -> None:
    lines = _page("Specifications", ROWS, after="Sign up for our newsletter")
    left = _specs(_doc(lines, set(range(3, len(lines)))))
    assert "Sign up for our newsletter" not in left
    assert "Weight 1.2 kg" in left


def test_rows_stay_dropped_on_a_page_without_price_or_shop_lines() -> None:
    lines = ["Our studio", DESCRIPTION, "Features", "Pricing", "Docs", "Blog", "Contact"]
    assert _specs(_doc(lines, {2, 3, 4, 5, 6})) == ["Our studio", DESCRIPTION]


def test_too_short_a_table_stays_dropped() -> None:
    lines = _page(
        "Specifications", ROWS[:2], after="Write a review of this jug and tell us how you use it every day"
    )
    assert _specs(_doc(lines, {3, 4, 5, 6})) == ["Stoneware jug, oatmeal", "€39,90", DESCRIPTION]


def test_table_ends_at_a_line_another_stage_removed() -> None:
    lines = _page("Specifications", [*ROWS[:3], "Home", "Shop", "Sale", "Contact"])
    doc = _doc(lines, {3, 4, 5, 6})
    doc = doc.with_blocks(b.drop("navigation", "menu") if i >= 7 else b for i, b in enumerate(doc.blocks))
    left = _specs(doc)
    assert left[-3:] == ROWS[:3]
    assert "Home" not in left


def test_heading_removed_by_navigation_opens_no_table() -> None:
    lines = _page("Specifications", ROWS)
    doc = _doc(lines, set(range(4, len(lines))))
    doc = doc.with_blocks(b.drop("navigation", "menu") if i == 3 else b for i, b in enumerate(doc.blocks))
    assert _specs(doc) == ["Stoneware jug, oatmeal", "€39,90", DESCRIPTION]


def test_prices_and_shop_buttons_end_the_table() -> None:
    lines = _page("Specifications", [*ROWS[:3], "Add to basket", "Linen tea towel", "€12"])
    left = _specs(_doc(lines, set(range(3, len(lines)))))
    assert "Add to basket" not in left
    assert "Linen tea towel" not in left


def test_long_prose_line_ends_the_table() -> None:
    prose = (
        "We fire every jug twice in a wood kiln, so the glaze on yours will differ a little from the photo."
    )
    lines = _page("Specifications", [*ROWS[:3], prose, "Care", "Dishwasher safe"])
    left = _specs(_doc(lines, {3, 4, 5, 6, 8, 9, 10}))
    assert left[-1] == prose
    assert "Dishwasher safe" not in left


@pytest.mark.parametrize(
    ("heading", "rows", "price"),
    [
        ("Technische Daten", ["Material Steingut", "Fassungsvermögen 1,5 l", "Höhe: 21 cm"], "39,90 €"),
        (
            "Caractéristiques Cruche en grès",
            ["Matière Grès", "Contenance 1,5 l", "Hauteur : 21 cm"],
            "39,90 €",
        ),
        ("Ficha técnica", ["Material Gres", "Capacidad 1,5 l", "Altura: 21 cm"], "39,90 €"),
        ("Характеристики", ["Материал Керамика", "Объём 1,5 л", "Высота: 21 см"], "2 990 ₽"),
    ],
)
def test_spec_tables_in_other_languages_come_back(heading: str, rows: list[str], price: str) -> None:
    lines = _page(heading, rows, price=price)
    left = _specs(_doc(lines, set(range(3, len(lines)))))
    assert left[3:] == [heading, *rows]


@pytest.mark.parametrize(
    "line", ["Specifications", "Tech specs", "Technische Daten", "Fiche technique", "Характеристики"]
)
def test_spec_headings_are_recognised(line: str) -> None:
    assert is_spec_heading(line)


@pytest.mark.parametrize(
    "line",
    ["The specifications were drawn up by the council in March", "Related products", "Customer reviews"],
)
def test_sentences_and_other_headings_are_not_spec_headings(line: str) -> None:
    assert not is_spec_heading(line)


def test_rows_kept_by_the_content_stage_stay_kept() -> None:
    lines = _page("Specifications", ROWS)
    doc = _doc(lines, set())
    assert Specs()(doc) is doc
