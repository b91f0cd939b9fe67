"""The shop stage: buttons, stock, delivery, returns and payment lines of a shop page go; products stay."""

from __future__ import annotations

import pytest

from cleaner.stages.shop import is_rating_summary

from .conftest import kept, removed, run_stages

DESCRIPTION = "A hand-thrown stoneware jug with a pouring lip, glazed in a speckled oatmeal white."
SPEC = "Height: 21 cm"

PRODUCT = [
    "Stoneware jug, oatmeal",
    "£38.00",
    "In stock",
    "Quantity",
    "Add to basket",
    "Free delivery on orders over £50",
    DESCRIPTION,
    SPEC,
    "30-day returns",
    "Write a review",
]


def test_shop_buttons_stock_delivery_and_returns_lines_are_removed() -> None:
    gone = removed(run_stages(PRODUCT, "shop"), "shop")
    for line in (
        "In stock",
        "Quantity",
        "Add to basket",
        "Free delivery on orders over £50",
        "30-day returns",
    ):
        assert line in gone


def test_product_name_price_description_and_specs_are_kept() -> None:
    left = kept(run_stages(PRODUCT, "shop"))
    assert left == ["Stoneware jug, oatmeal", "£38.00", DESCRIPTION, SPEC]


def test_page_with_one_shop_line_is_left_alone() -> None:
    lines = ["The bakery reopened on Monday.", "In stock", "Its rye loaf sold out by nine."]
    assert kept(run_stages(lines, "shop")) == lines


def test_sentence_mentioning_stock_is_kept_on_a_shop_page() -> None:
    sentence = "The shop had the lamp in stock again by May, after the factory reopened its kiln."
    left = kept(run_stages([*PRODUCT, sentence], "shop"))
    assert sentence in left


def test_german_shop_lines_are_removed() -> None:
    lines = [
        "Steingutkrug, hafer",
        DESCRIPTION,
        "Auf Lager",
        "In den Warenkorb",
        "Kostenloser Versand",
        "Menge",
    ]
    assert removed(run_stages(lines, "shop"), "shop") == [
        "Auf Lager",
        "In den Warenkorb",
        "Kostenloser Versand",
        "Menge",
    ]


def test_french_spanish_and_russian_shop_lines_are_removed() -> None:
    for lines in (
        ["En stock", "Ajouter au panier", "Livraison offerte", "Quantité"],
        ["Agotado", "Añadir al carrito", "Envío gratis", "Cantidad"],
        ["В наличии", "В корзину", "Бесплатная доставка", "Количество"],
    ):
        assert removed(run_stages([DESCRIPTION, *lines], "shop"), "shop") == lines


def test_lines_removed_earlier_count_as_shop_evidence() -> None:
    doc = run_stages(
        ["Add to cart", "In stock", "Free shipping", DESCRIPTION, "Write a review"], "navigation", "shop"
    )
    assert removed(doc, "navigation") == ["Add to cart"]
    assert removed(doc, "shop") == ["In stock", "Free shipping", "Write a review"]


@pytest.mark.parametrize(
    "options",
    [
        [
            "Price, low to high",
            "Price, high to low",
            "Alphabetically, A-Z",
            "Date, new to old",
            "Unit price / per",
        ],
        [
            "Preis, aufsteigend",
            "Preis, absteigend",
            "Alphabetisch, A-Z",
            "Datum, neu zu alt",
            "Grundpreis / pro",
        ],
        [
            "Prix, par ordre croissant",
            "Prix, par ordre décroissant",
            "Alphabétique, de A à Z",
            "Fournisseur :",
        ],
        ["Precio, menor a mayor", "Precio, mayor a menor", "Alfabéticamente, A-Z", "Precio unitario / por"],
        ["Цена, по возрастанию", "Цена, по убыванию", "По алфавиту, А-Я", "Цена за единицу / за"],
    ],
)
def test_category_sort_options_and_card_labels_are_removed(options: list[str]) -> None:
    lines = ["Stoneware jugs", *options, "Stoneware jug, oatmeal", "€38,00", DESCRIPTION]
    gone = removed(run_stages(lines, "shop"), "shop")
    assert set(options) <= set(gone)


def test_sentence_opening_like_a_sort_option_is_kept() -> None:
    sentence = "Price, of course, matters less than the clay when you choose a jug for daily use."
    lines = ["Price, low to high", "Price, high to low", "Alphabetically, A-Z", "Vendor:", sentence]
    assert sentence in kept(run_stages(lines, "shop"))


@pytest.mark.parametrize(
    "line",
    [
        "4.7 stars on 63 reviews",
        "(38) 38 total reviews",
        "4.2 (117 total ratings)",
        "(905)905 reviews with an average rating of 4.4 out of 5 stars",
        "Number of reviews: 212",
        "4.34.3 out of 5 stars (12.8K)",
        "57 Reviews",
        "213 Bewertungen",
        "4,5 sur 5 étoiles (86 avis)",
        "4,8 de 5 estrellas · 301 opiniones",
        "4,6 из 5 звёзд, 75 отзывов",
    ],
)
def test_rating_summary_is_a_shop_line(line: str) -> None:
    assert is_rating_summary(line)
    assert line in removed(run_stages([*PRODUCT, line], "shop"), "shop")


@pytest.mark.parametrize(
    "line",
    [
        "Reviews",  # a heading: no count
        "Total 12",  # a figure with a joining word only
        "Average weight 2.4 kg",
        "5 stars for the pasta, says our critic",  # a sentence about stars
        "Questions and answers (169)",
    ],
)
def test_near_miss_of_a_rating_summary_is_not_one(line: str) -> None:
    assert not is_rating_summary(line)


def test_rating_summary_alone_on_an_article_is_kept() -> None:
    lines = ["The bakery reopened on Monday.", "4.8 stars on 210 reviews", "Its rye loaf sold out by nine."]
    assert kept(run_stages(lines, "shop")) == lines


def test_rating_summaries_in_every_card_of_a_grid_are_kept() -> None:
    cards: list[str] = []
    tents = (("Alpine 2 tent", "$189", 41), ("Ridge 3 tent", "$259", 17), ("Dome 4 tent", "$319", 88))
    for name, price, reviews in tents:
        cards += [name, price, f"{reviews} reviews with an average rating of 4.5 out of 5 stars"]
    lines = ["Sort by", "Filter", "Free shipping", "Compare", *cards]
    left = kept(run_stages(lines, "shop"))
    assert left == cards
