"""The forum stage: the chrome around each post of a thread goes; the posts and their authors stay."""

from __future__ import annotations

from .conftest import kept, removed, run_stages

POST_1 = (
    "Has anyone here replaced the chain on a 2012 touring bike without a chain tool? Mine snapped on a hill."
)
POST_2 = "You can use a spare quick link if the chain is nine-speed; keep one in the saddle bag from now on."
POST_3 = "Thanks, the quick link worked and I made it home before dark."

THREAD = [
    "maria_k",
    "Senior Member",
    "Joined",
    "Mar 3, 2019",
    "Posts",
    "1,204",
    "#1",
    POST_1,
    "Reply with quote",
    "dave.r",
    "Member",
    "Joined",
    "Jun 12, 2021",
    "Posts",
    "87",
    "#2",
    POST_2,
    "Reply with quote",
    "maria_k",
    "#3",
    POST_3,
]


def test_profile_fields_ranks_numbers_and_buttons_of_a_thread_are_removed() -> None:
    doc = run_stages(THREAD, "forum")
    gone = removed(doc, "forum")
    for line in ("Senior Member", "Joined", "Mar 3, 2019", "Posts", "1,204", "#1", "Reply with quote"):
        assert line in gone


def test_posts_and_their_authors_are_kept_in_a_thread() -> None:
    doc = run_stages(THREAD, "forum")
    assert kept(doc) == ["maria_k", POST_1, "dave.r", POST_2, "maria_k", POST_3]


def test_german_thread_chrome_is_removed() -> None:
    lines = [
        "kurt_b",
        "Mitglied",
        "Beiträge: 312",
        "Zitieren",
        "Wie lange hält ein Akku im Winter?",
        "lena",
        "Neues Mitglied",
        "Beiträge: 12",
        "Zitieren",
        "Bei mir etwa zwei Stunden weniger.",
    ]
    doc = run_stages(lines, "forum")
    assert kept(doc) == [
        "kurt_b",
        "Wie lange hält ein Akku im Winter?",
        "lena",
        "Bei mir etwa zwei Stunden weniger.",
    ]


def test_folded_quote_of_an_earlier_post_is_removed_with_its_header() -> None:
    lines = [*THREAD[:-1], "dave.r said:", "keep one in the saddle bag", "Click to expand...", POST_3]
    doc = run_stages(lines, "forum")
    assert "keep one in the saddle bag" in removed(doc, "forum")
    assert "dave.r said:" in removed(doc, "forum")
    assert POST_3 in kept(doc)


def test_quote_header_without_a_fold_is_kept() -> None:
    lines = [*THREAD[:-1], "dave.r wrote:", "keep one in the saddle bag", POST_3]
    doc = run_stages(lines, "forum")
    assert "dave.r wrote:" in kept(doc)
    assert "keep one in the saddle bag" in kept(doc)


def test_a_lone_member_label_on_a_page_that_is_no_thread_is_kept() -> None:
    lines = ["Member", POST_1, "Top", POST_2]
    doc = run_stages(lines, "forum")
    assert kept(doc) == lines


def test_one_label_printed_many_times_is_not_a_thread() -> None:
    lines = ["Top", POST_1, "Top", POST_2, "Top", POST_3, "Top"]
    doc = run_stages(lines, "forum")
    assert kept(doc) == lines


def test_a_value_after_a_profile_label_needs_a_figure() -> None:
    lines = [*THREAD, "Location", "the lake district", POST_3]
    doc = run_stages(lines, "forum")
    assert "the lake district" in kept(doc)
    assert "Location" in removed(doc, "forum")
