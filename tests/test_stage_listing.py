"""The listing stage: the cards of a listing page come back when the content stage dropped them."""

from __future__ import annotations

from cleaner.document import Document
from cleaner.stages.listing import Listing

from .conftest import kept

CARDS = [
    ("Sunset kayak tour", "Paddle along the bay at dusk with a guide and a flask of tea for the way back."),
    (
        "Old town by night",
        "A walk through the lanes of the old town with a historian who knows all of its stories.",
    ),
    (
        "Cheese and cider",
        "Taste the cheeses of three farms in the valley and learn how the cider is made in autumn.",
    ),
    (
        "Birds of the marsh",
        "Bring your binoculars for a morning among the reeds, where the herons nest in the spring.",
    ),
]
PRICES = ("€35", "€20", "€42", "€18")


def _doc(lines: list[str], dropped: set[int]) -> Document:
    """A dump whose lines at ``dropped`` were removed by the content stage."""
    doc = Document.from_lines(lines)
    return doc.with_blocks(
        b.drop("content", "boilerplate: short line") if i in dropped else b for i, b in enumerate(doc.blocks)
    )


def _listing(kept_first: bool = True) -> tuple[list[str], set[int]]:
    """Four cards; the content stage dropped all but (with ``kept_first``) the first description."""
    lines = ["Tours and tastings", "Menu", "Home"]
    dropped = {1, 2}
    for n, ((title, text), price) in enumerate(zip(CARDS, PRICES, strict=True)):
        dropped.add(len(lines))
        lines.append(title)
        if n or not kept_first:
            dropped.add(len(lines))
        lines.append(text)
        dropped.update({len(lines), len(lines) + 1})
        lines += ["Price", price]
    return lines, dropped


def test_dropped_titles_and_descriptions_of_a_run_of_cards_come_back() -> None:
    lines, dropped = _listing()
    out = kept(Listing()(_doc(lines, dropped)))
    for title, text in CARDS:
        assert title in out
        assert text in out


def test_the_fields_of_each_card_come_back_with_it() -> None:
    lines, dropped = _listing()
    out = kept(Listing()(_doc(lines, dropped)))
    assert out.count("Price") == len(CARDS)
    assert all(price in out for price in PRICES)


def test_menu_above_the_cards_stays_dropped() -> None:
    lines, dropped = _listing()
    out = kept(Listing()(_doc(lines, dropped)))
    assert "Menu" not in out
    assert "Home" not in out


def test_cards_under_a_long_article_are_not_brought_back() -> None:
    lines, dropped = _listing()
    article = [
        f"Paragraph {n} of a long report on the harbour, with many words in it about boats and tides."
        for n in range(30)
    ]
    lines = article + lines
    dropped = {i + len(article) for i in dropped}
    out = kept(Listing()(_doc(lines, dropped)))
    assert CARDS[1][0] not in out
    assert CARDS[1][1] not in out


def _grid(names: list[str], prices: list[str]) -> list[str]:
    lines = []
    for name, price in zip(names, prices, strict=True):
        lines += [name, price, "Add to basket", "Free delivery"]
    return lines


SHOES = [f"Trail runner model {n}, breathable mesh" for n in range(5)]
SHOE_PRICES = [f"€{50 + n},90" for n in range(5)]


def test_a_shop_grid_that_is_the_page_brings_back_its_names_and_prices() -> None:
    lines = ["Shoes", *_grid(SHOES, SHOE_PRICES)]
    out = kept(Listing()(_doc(lines, set(range(1, len(lines))))))
    assert out == ["Shoes", *[x for pair in zip(SHOES, SHOE_PRICES, strict=True) for x in pair]]


def test_a_shop_grid_leaves_its_buttons_and_labels_dropped() -> None:
    lines = ["Shoes", *_grid(SHOES, SHOE_PRICES)]
    out = kept(Listing()(_doc(lines, set(range(1, len(lines))))))
    assert "Add to basket" not in out
    assert "Free delivery" not in out


def test_other_products_under_a_product_description_stay_dropped() -> None:
    description = [
        f"Point {n}: the upper is a recycled mesh that dries fast, and the sole grips on wet rock and roots."
        for n in range(6)
    ]
    lines = ["Trail runner, breathable mesh", *description, "You may also like", *_grid(SHOES, SHOE_PRICES)]
    dropped = set(range(len(description) + 1, len(lines)))
    out = kept(Listing()(_doc(lines, dropped)))
    assert SHOES[2] not in out
    assert SHOE_PRICES[2] not in out


def test_prices_without_names_between_them_are_no_grid() -> None:
    lines = ["Price list", *[f"${10 * n}" for n in range(1, 8)]]
    doc = _doc(lines, set(range(1, len(lines))))
    assert kept(Listing()(doc)) == ["Price list"]


def test_two_cards_are_not_a_run() -> None:
    lines, dropped = _listing()
    lines = lines[: 3 + 2 * 4]
    dropped = {i for i in dropped if i < len(lines)}
    out = kept(Listing()(_doc(lines, dropped)))
    assert CARDS[1][1] not in out


def test_lines_removed_by_another_stage_stay_removed() -> None:
    lines, dropped = _listing()
    doc = _doc(lines, dropped)
    blocks = list(doc.blocks)
    blocks[3] = doc.blocks[3].drop("navigation", "menu")
    out = kept(Listing()(doc.with_blocks(blocks)))
    assert CARDS[0][0] not in out
    assert CARDS[1][0] in out


def test_a_page_of_prose_is_unchanged() -> None:
    lines = [f"Sentence number {n} says something different about the weather today." for n in range(12)]
    doc = _doc(lines, {3, 7})
    assert Listing()(doc) is doc


def test_cards_of_which_the_content_stage_kept_nothing_stay_dropped() -> None:
    lines, dropped = _listing(kept_first=False)
    out = kept(Listing()(_doc(lines, dropped)))
    assert all(text not in out for _, text in CARDS)


def test_a_sentence_after_the_last_card_stays_dropped() -> None:
    lines, dropped = _listing()
    dropped.add(len(lines))
    lines.append("Sign in or create an account to book a place on any of these tours.")
    out = kept(Listing()(_doc(lines, dropped)))
    assert CARDS[3][1] in out
    assert lines[-1] not in out


def test_a_grid_of_names_and_prices_alone_keeps_every_card() -> None:
    lines = [x for pair in zip(SHOES, SHOE_PRICES, strict=True) for x in pair]
    out = kept(Listing()(_doc(lines, {0})))
    assert out == lines


def test_a_price_line_of_eight_words_is_a_price_and_of_nine_words_is_not() -> None:
    from cleaner.stages.listing import PRICE_WORDS, is_price

    eight = "Was £48 now only £42 for this week"
    assert len(eight.split()) == PRICE_WORDS
    assert is_price(eight)
    assert not is_price(eight + " only")


def test_a_price_line_is_judged_the_same_when_asked_again() -> None:
    from cleaner.stages.listing import is_price

    asked = ("€54,90", "Trail runner", "€54,90", "Trail runner")
    assert [is_price(t) for t in asked] == [True, False, True, False]
