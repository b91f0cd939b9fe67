"""The content stage: a learned line classifier with neighbour revision and a main-text region."""

from __future__ import annotations

from cleaner import Document, Options, Pipeline
from tests.conftest import kept, removed, run_stages

MENU = ["Home", "World", "Business", "Markets", "Technology", "Opinion", "Sign in", "Subscribe"]

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the network of protected bike lanes by forty "
    "kilometres over the next three years, a plan that had been debated for most of the spring.",
    "Supporters said the vote was long overdue, pointing to a steady rise in the number of people "
    "who cycle to work and to a string of accidents at busy junctions in the centre of town.",
    "Opponents on the council argued that the cost had been underestimated and that shop owners "
    "along the main roads had not been consulted about the loss of parking spaces in front of them.",
    "The first stretch, along the river, is expected to open next summer, and the transport office "
    "said it would publish a detailed timetable for the remaining routes before the end of the year.",
    "A public meeting on the second phase of the plan is scheduled for early next month, and residents "
    "can send written comments to the transport office until then, the council said in a statement.",
]


def article(*middle: str) -> list[str]:
    """A page: a menu, a headline, the body with ``middle`` after the second paragraph, a footer."""
    return [
        *MENU,
        "Council approves new bike lanes across the city",
        *PARAGRAPHS[:2],
        *middle,
        *PARAGRAPHS[2:],
        "Privacy policy",
        "Terms of use",
        "Contact us",
    ]


def test_run_of_menu_lines_removed_before_the_article() -> None:
    doc = run_stages(article(), "content")
    assert set(MENU) <= set(removed(doc, "content"))


def test_body_paragraphs_kept_when_menu_is_dropped() -> None:
    doc = run_stages(article(), "content")
    assert all(p in kept(doc) for p in PARAGRAPHS)


def test_short_subheading_between_long_paragraphs_kept() -> None:
    doc = run_stages(article("What happens next"), "content")
    assert "What happens next" in kept(doc)


def test_list_items_inside_the_body_kept() -> None:
    items = [
        "* a new crossing at the railway station,",
        "* wider paths on the two bridges over the river,",
        "* and secure parking for bicycles near the market hall.",
    ]
    lines = article("The plan includes:", *items)
    doc = run_stages(lines, "content", style="markdown")
    assert all(item in kept(doc) for item in items)


def test_one_line_quote_inside_the_body_kept() -> None:
    quote = "“This is the best news for cyclists in a decade,” said one resident."
    doc = run_stages(article(quote), "content")
    assert quote in kept(doc)


def test_comment_thread_below_the_article_dropped() -> None:
    comments = [
        "Comments (3)",
        "jdoe72",
        "3 hours ago",
        "lol as if they will ever finish this on time, they can't even fix the potholes on my street",
        "Reply",
        "cyclefan",
        "2 hours ago",
        "finally!!! been waiting for years for this, now do the same for the east side please",
        "Reply",
        "mike_b",
        "1 hour ago",
        "who is paying for all of this? not me I hope, taxes are already high enough around here",
        "Reply",
    ]
    headline = "Council approves new bike lanes across the city"
    lines = [*MENU, headline, "By Jane Miller", *PARAGRAPHS, *comments]
    doc = Pipeline.build().run(Document.from_lines(lines))  # the filters before content remove "Reply"
    gone = removed(doc, "content")
    assert all(c in gone for c in comments if len(c) > 40)
    assert all(p in kept(doc) for p in PARAGRAPHS)


def test_every_removal_has_a_reason_in_words() -> None:
    doc = run_stages(article(), "content")
    reasons = [b.removal.reason for b in doc.removals() if b.removal and b.removal.stage == "content"]
    assert reasons and all(len(r.split()) >= 3 for r in reasons)


def test_protected_phrase_is_never_removed() -> None:
    lines = article()
    options = Options(protect_phrases=("sign in",))
    doc = Pipeline.build(["normalize", "content"], options=options).run(Document.from_lines(lines))
    assert "Sign in" in kept(doc)


def test_precision_mode_keeps_no_more_than_recall_mode() -> None:
    lines = article("What happens next", "Related: five other cities that built bike lanes")
    doc = Document.from_lines(lines)
    precise = Pipeline.build(["normalize", "content"], options=Options(mode="precision")).run(doc)
    generous = Pipeline.build(["normalize", "content"], options=Options(mode="recall")).run(doc)
    assert set(kept(precise)) <= set(kept(generous))


def test_empty_document_unchanged() -> None:
    doc = Document.from_lines([])
    assert Pipeline.build(["content"]).run(doc) == doc


def test_cleaning_the_cleaned_text_again_changes_nothing() -> None:
    once = kept(run_stages(article("What happens next"), "content"))
    twice = kept(run_stages(once, "content"))
    assert twice == once


def test_closing_sentence_after_the_body_kept_when_only_footer_follows() -> None:
    closing = "Readers who want to comment on the plan can write to the council until the end of the month."
    lines = [*MENU, "Council approves new bike lanes across the city", *PARAGRAPHS, closing]
    doc = run_stages(lines, "content")
    assert closing in kept(doc)


def test_glued_footer_links_after_the_body_not_kept() -> None:
    lines = [
        *MENU,
        "Council approves new bike lanes across the city",
        *PARAGRAPHS,
        "ImprintPrivacyContactCareers",
    ]
    doc = run_stages(lines, "content")
    assert "ImprintPrivacyContactCareers" not in kept(doc)


COUNTED = "list of categories with post counts"
CATEGORIES = ["Cycling (42)", "Local politics (17)", "Transport [8]", "Städte (120)", "Вело (5)"]


def test_sidebar_of_categories_with_post_counts_below_the_article_dropped() -> None:
    doc = run_stages([*article(), *CATEGORIES], "content")
    assert set(CATEGORIES) <= set(removed(doc, "content"))
    reasons = {b.removal.reason for b in doc.removals() if b.removal and b.text in CATEGORIES}
    assert reasons == {COUNTED}


def test_three_counted_lines_are_not_yet_a_category_list() -> None:
    doc = run_stages(article(*CATEGORIES[:3]), "content")
    assert COUNTED not in {b.removal.reason for b in doc.removals() if b.removal}


def test_list_of_items_with_counts_and_more_words_after_them_kept() -> None:
    items = [f"* {name} (2) are needed for each station." for name in ("Racks", "Pumps", "Signs", "Lamps")]
    doc = run_stages(article("The plan lists:", *items), "content", style="markdown")
    assert COUNTED not in {b.removal.reason for b in doc.removals() if b.removal}


# A soup dump: the page title first, the site's menus, a block of teasers from other
# sections (headlines and their snippets), then the headline again and the article.
TITLE = "Harbour ferry returns to service after winter repairs"
TEASERS = [
    "Weekend market moves indoors for the cold months",
    "Stallholders say the old grain hall gives them more room and keeps the produce dry until spring.",
    "Youth orchestra wins regional prize in Bergen",
    "The thirty young players beat eleven other ensembles with a programme of Nordic folk tunes.",
    "Library extends its opening hours on Sundays",
    "From next month the central library will open from noon until six on Sundays, the city said.",
]
FERRY_BODY = [
    "The harbour ferry returned to service on Monday morning after three months in the shipyard, "
    "where workers replaced both engines and repainted the hull.",
    "Commuters who had relied on a replacement bus service since November welcomed the return, "
    "saying the crossing saves them almost forty minutes each way.",
    "The operator said the ferry would run every twenty minutes on weekdays and every half hour at "
    "weekends, with extra crossings during the summer festival.",
]
SITE_MENU = ["Home", "News", "Sport", "Culture", "Weather", "Contact", "Subscribe", "Sign in", "Search"]


def soup_dump(title: str, *, headline_again: bool = True) -> str:
    lines = [title, *SITE_MENU, *TEASERS, *([title] if headline_again else []), *FERRY_BODY]
    return "\n".join(lines)


def clean_text(text: str) -> Document:
    from cleaner.readers import read_text

    return Pipeline.build().clean(read_text(text.encode(), source="dump.txt"))


def test_teasers_above_the_repeated_page_title_dropped() -> None:
    doc = clean_text(soup_dump(TITLE))
    assert not set(TEASERS) & set(kept(doc))
    reasons = {b.removal.reason for b in doc.removals() if b.text in TEASERS and b.removal}
    assert reasons == {"above the headline (menus and teasers)"}


def test_body_below_the_repeated_page_title_kept() -> None:
    doc = clean_text(soup_dump(TITLE))
    assert all(p in kept(doc) for p in FERRY_BODY)


def test_teaser_snippets_kept_when_the_title_is_not_printed_again() -> None:
    # Without the headline's repeat nothing anchors the article: the classifier decides alone.
    doc = clean_text(soup_dump(TITLE, headline_again=False))
    reasons = {b.removal.reason for b in doc.removals() if b.removal}
    assert "above the headline (menus and teasers)" not in reasons


def test_short_page_title_repeated_as_a_heading_anchors_nothing() -> None:
    # "Ferry timetable" names a section as often as a page: too short to anchor the article.
    doc = clean_text(soup_dump("Ferry timetable and fares"))
    reasons = {b.removal.reason for b in doc.removals() if b.removal}
    assert "above the headline (menus and teasers)" not in reasons


def test_first_line_followed_by_kept_text_is_no_page_title() -> None:
    # A cleaned page read again starts with a kept line; its echo further down anchors nothing.
    lines = [TITLE, *FERRY_BODY[:2], *TEASERS, TITLE, FERRY_BODY[2]]
    doc = clean_text("\n".join(lines))
    assert all(p in kept(doc) for p in FERRY_BODY[:2])


def test_repeated_page_title_lifted_as_the_headline() -> None:
    # the page title has the site's name after the headline
    doc = clean_text("\n".join([TITLE + " | Harbour Gazette", *SITE_MENU, *TEASERS, TITLE, *FERRY_BODY]))
    assert doc.metadata.title == TITLE
    assert TITLE not in kept(doc)
