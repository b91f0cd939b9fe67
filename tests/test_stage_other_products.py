"""The other-products stage: a grid of other products under a product's text goes with its heading."""

from __future__ import annotations

import pytest

from cleaner.stages.other_products import is_heading

from .conftest import kept, removed, run_stages

PRODUCT = [
    "Copper kettle, 1.2 litres",
    "£64.00",
    "In stock",
    "Add to basket",
    "Hammered by hand from a single sheet of copper, the kettle heats quickly on gas and on induction hobs.",
    "Its beech handle stays cool, and the spout is shaped so that it pours without a single drip.",
    "Capacity: 1.2 litres",
]

GRID = [
    "Enamel teapot, sage green",
    "£38.00",
    "Add to basket",
    "Stoneware mug set of four",
    "£29.50",
    "Add to basket",
    "Brass trivet, round",
    "£17.00",
    "Add to basket",
]


def test_grid_under_you_may_also_like_heading_is_removed() -> None:
    gone = removed(run_stages([*PRODUCT, "You may also like", *GRID], "other-products"), "other-products")
    assert "You may also like" in gone
    assert "Enamel teapot, sage green" in gone
    assert "£29.50" in gone


def test_product_own_name_price_and_description_are_kept() -> None:
    left = kept(run_stages([*PRODUCT, "Customers also bought", *GRID], "other-products"))
    assert left[: len(PRODUCT)] == PRODUCT
    assert not {"Enamel teapot, sage green", "£38.00", "Brass trivet, round", "£17.00"} & set(left)


def test_grid_in_other_languages_is_removed() -> None:
    for heading in ("Das könnte Ihnen auch gefallen", "Vous aimerez aussi", "Похожие товары"):
        gone = removed(run_stages([*PRODUCT, heading, *GRID], "other-products"), "other-products")
        assert heading in gone


def test_grid_without_a_heading_is_kept() -> None:
    lines = [*PRODUCT, *GRID]
    assert kept(run_stages(lines, "other-products")) == lines


def test_category_page_grid_is_kept_as_the_page() -> None:
    lines = ["Kettles and teapots", "Recommended for you", *GRID, "Copper kettle, 1.2 litres", "£64.00"]
    assert kept(run_stages(lines, "other-products")) == lines


def test_article_with_the_heading_words_is_left_alone() -> None:
    lines = [
        "The market returns to the square on Saturday.",
        "Similar products",
        "Stalls sell cheese, bread and flowers, and the bakery brings its rye loaf.",
    ]
    assert kept(run_stages(lines, "other-products")) == lines


@pytest.mark.parametrize("text", ["Frequently bought together", "Kunden kauften auch", "Productos similares"])
def test_headings_are_recognised(text: str) -> None:
    assert is_heading(text)


@pytest.mark.parametrize("text", ["Similar products are sold at the market by two stalls.", "Description"])
def test_near_miss_headings_are_not(text: str) -> None:
    assert not is_heading(text)
