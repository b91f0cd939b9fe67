"""The author-bio stage: a bio under the article goes; sentences about people in the story stay."""

from __future__ import annotations

import pytest

from .conftest import kept, removed, run_stages

BODY = [
    "The allotment society met on Tuesday to share out the spring seed order.",
    "Members voted to plant more beans and fewer courgettes than last year.",
    "The committee will publish the planting plan before the end of the month.",
]


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Roe is a freelance writer based in Leeds. Her work has appeared in several magazines.",
        "Tom Hale, CFA, is a contributing personal finance analyst. He covers pensions and savings.",
        "Priya Nair (@priyanair) is the deputy editor of the weekend supplement. She writes on food.",
        "Sam Okafor has been a technology reporter for more than ten years. He lives in Bristol.",
        "I'm Dana, a certified running coach. I write about long muddy trail races and recovery.",
        "Anna Weber ist freie Journalistin in Köln. Sie schreibt über Stadtgeschichte und Gärten.",
        "Claire Martin est journaliste indépendante à Lyon. Elle écrit sur les jardins partagés.",
        "Lucía Gómez es periodista y vive en Sevilla. Escribe sobre huertos urbanos y mercados.",
        "Анна Смирнова — журналист из Казани. Пишет о городских садах и огородах десять лет.",
    ],
)
def test_bio_after_the_article_is_removed(bio: str) -> None:
    doc = run_stages([*BODY, bio], "author-bio")
    assert removed(doc, "author-bio") == [bio]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council is a partner of the scheme, the writer of the report said on Monday.",
        "The Society has been a reporter of local harvests since it was founded in 1921.",
        "Jane Roe is a gardener who has grown beans on the same plot for thirty years.",
        "Jane Roe said the editor had asked for a shorter piece about the seed order.",
        "I'm afraid the seed order came late again, so the writer of the newsletter apologised.",
    ],
)
def test_sentence_about_people_is_kept(sentence: str) -> None:
    doc = run_stages([*BODY, sentence], "author-bio")
    assert sentence in kept(doc)


def test_bio_at_the_top_of_the_page_is_kept() -> None:
    intro = "Jane Roe is a freelance writer in Leeds. She has kept an allotment there for a decade."
    doc = run_stages([intro, *BODY], "author-bio")
    assert intro in kept(doc)


def test_bio_of_one_sentence_is_kept() -> None:
    bio = "Jane Roe is a freelance writer who has kept an allotment in Leeds for a decade."
    doc = run_stages([*BODY, bio], "author-bio")
    assert bio in kept(doc)


def test_bio_under_a_why_trust_heading_is_kept() -> None:
    bio = "Jane Roe is a freelance writer based in Leeds. She tested every kettle in this guide."
    doc = run_stages([*BODY, "Why Trust Our Testers", bio], "author-bio")
    assert bio in kept(doc)
