"""The reviews stage: customer reviews printed as cards signed with a name go on a shop page."""

from __future__ import annotations

import pytest

from cleaner.stages.reviews import is_signature, signed_runs, starred_runs

from .conftest import kept, removed, run_stages

DESCRIPTION = "Our linen tea towels are woven in a small mill in Flanders and washed soft before they ship."

CARDS = [
    (
        "Soft from day one",
        "These are the best tea towels I have ever owned, and they dry glasses without lint.",
        "Laura B.",
    ),
    (
        "Lovely colours",
        "The sage green is exactly like the photo and has not faded after twenty washes.",
        "Tom K.",
    ),
    (
        "Buy these!",
        "I bought two for myself and then four more as presents for my sisters at Christmas.",
        "Amy S.",
    ),
    (
        "Great gift",
        "My mother loves them and asked where they came from the very first time she used one.",
        "Danny P.",
    ),
]


def _page(cards: list[tuple[str, str, str]], *, price: str = "€12,50") -> list[str]:
    lines = ["Linen tea towel, sage", price, DESCRIPTION, "Happy customers"]
    for title, text, name in cards:
        lines += [title, text, name]
    return [*lines, "About us"]


def test_signed_review_cards_are_removed_on_a_shop_page() -> None:
    gone = removed(run_stages(_page(CARDS), "reviews"), "reviews")
    for title, text, name in CARDS:
        assert {title, text, name} <= set(gone)


def test_product_text_around_the_reviews_is_kept() -> None:
    left = kept(run_stages(_page(CARDS), "reviews"))
    assert left == ["Linen tea towel, sage", "€12,50", DESCRIPTION, "About us"]


def test_heading_above_the_reviews_is_removed_but_a_sentence_is_kept() -> None:
    gone = removed(run_stages(_page(CARDS), "reviews"), "reviews")
    assert "Happy customers" in gone
    lines = _page(CARDS)
    lines[3] = "Woven in Flanders."
    assert "Woven in Flanders." in kept(run_stages(lines, "reviews"))


def test_two_signed_quotes_are_kept() -> None:
    lines = _page(CARDS[:2])
    assert kept(run_stages(lines, "reviews")) == lines


def test_signed_cards_on_a_page_without_price_or_shop_lines_are_kept() -> None:
    lines = ["Our workshop", DESCRIPTION, *[line for card in CARDS for line in card]]
    assert kept(run_stages(lines, "reviews")) == lines


def test_names_without_review_text_between_them_are_kept() -> None:
    staff = ["Anna K.", "Head weaver", "Jörg M.", "Dyer", "Marie L.", "Shop", "Pablo R."]
    lines = ["Linen tea towel, sage", "€12,50", DESCRIPTION, *staff]
    assert kept(run_stages(lines, "reviews")) == lines


def test_reviews_signed_with_a_country_in_other_languages_are_removed() -> None:
    cards = [
        (
            "Sehr schön",
            "Die Farbe ist genau wie auf dem Foto und nach zwanzig Wäschen noch kräftig.",
            "Jörg, Deutschland",
        ),
        (
            "Parfait",
            "Ces torchons sèchent les verres sans laisser de peluches, je les recommande.",
            "Amélie, France",
        ),
        (
            "Muy bonitos",
            "Los compré como regalo para mi madre y le encantaron desde el primer día.",
            "Lucía, España",
        ),
    ]
    gone = removed(run_stages(_page(cards, price="12,50 €"), "reviews"), "reviews")
    assert {"Jörg, Deutschland", "Amélie, France", "Lucía, España"} <= set(gone)


@pytest.mark.parametrize(
    "line", ["Laura B.", "HEATHER H.", "Marsha J", "Dorothy, United States", "Jörg M., Köln", "Анна К."]
)
def test_reviewer_signatures_are_recognised(line: str) -> None:
    assert is_signature(line)


@pytest.mark.parametrize(
    "line",
    [
        "Buy these!",
        "Free delivery",
        "The colour held up well.",
        "Made in Flanders, Belgium, by hand today",
        "€12",
    ],
)
def test_other_short_lines_are_not_signatures(line: str) -> None:
    assert not is_signature(line)


def test_first_card_reaches_as_far_up_as_the_second() -> None:
    lines = ["Happy customers", *[line for card in CARDS for line in card]]
    assert signed_runs(["Woven in Flanders.", *lines[1:]]) == [(1, len(lines) - 1)]


GLUED = [
    "Soft from day oneLauraThese are the best tea towels I have ever owned.5",
    "Lovely coloursTomThe sage green is exactly like the photo, even after many washes.4",
    "Buy these!AmyI bought two for myself and then four more as presents for my sisters.5",
    "Great giftDannyMy mother loves them and asked where they came from.5",
]


def _glued_page(cards: list[str], *, price: str = "€12,50") -> list[str]:
    return ["Linen tea towel, sage", price, DESCRIPTION, "Reviews", *cards, "About us"]


def test_review_cards_glued_with_their_stars_are_removed_on_a_shop_page() -> None:
    gone = removed(run_stages(_glued_page(GLUED), "reviews"), "reviews")
    assert set(GLUED) | {"Reviews"} <= set(gone)


def test_text_around_glued_review_cards_is_kept() -> None:
    left = kept(run_stages(_glued_page(GLUED), "reviews"))
    assert left == ["Linen tea towel, sage", "€12,50", DESCRIPTION, "About us"]


def test_a_card_split_from_its_glued_title_and_name_goes_with_the_run() -> None:
    cards = [GLUED[0], "Fits the shelfSam", "The towels fit the narrow shelf in my kitchen.5", *GLUED[1:]]
    gone = removed(run_stages(_glued_page(cards), "reviews"), "reviews")
    assert "The towels fit the narrow shelf in my kitchen.5" in gone


def test_sentences_with_footnote_numbers_and_no_glued_names_are_kept() -> None:
    notes = [
        "Up to 18 hours of battery life.1",
        "The display is brighter than before.2",
        "Charging takes half the time it used to.3",
        "It weighs less than any model we made.4",
    ]
    lines = _glued_page(notes, price="$999")
    assert kept(run_stages(lines, "reviews")) == lines


def test_two_glued_review_cards_are_kept() -> None:
    lines = _glued_page(GLUED[:2])
    assert kept(run_stages(lines, "reviews")) == lines


def test_glued_review_cards_on_a_page_without_price_or_shop_lines_are_kept() -> None:
    lines = ["Our workshop", DESCRIPTION, *GLUED]
    assert kept(run_stages(lines, "reviews")) == lines


def test_glued_review_cards_in_other_languages_are_removed() -> None:
    cards = [
        "Sehr schönJörgDie Farbe ist genau wie auf dem Foto und nach zwanzig Wäschen noch kräftig.5",
        "ParfaitAmélieCes torchons sèchent les verres sans laisser de peluches.4",
        "Muy bonitosLucíaLos compré como regalo para mi madre y le encantaron.5",
    ]
    gone = removed(run_stages(_glued_page(cards, price="12,50 €"), "reviews"), "reviews")
    assert set(cards) <= set(gone)


@pytest.mark.parametrize(
    ("texts", "runs"),
    [
        (["Title", *GLUED], [(0, 4)]),
        (["Title", *GLUED[:2], *["filler line"] * 9, *GLUED[2:]], []),
    ],
)
def test_starred_runs_need_cards_close_together(texts: list[str], runs: list[tuple[int, int]]) -> None:
    assert starred_runs(texts) == runs
