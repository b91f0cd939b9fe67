"""The structure stage: the page's main text container kept, the page around it dropped with reasons."""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.html import read_html

from .conftest import kept, run_stages

PARAGRAPHS = [
    "The council voted on Thursday to keep the harbour library open for "
    "another three years, after a long debate.",
    "Residents had collected more than two thousand signatures, and the "
    "head librarian spoke for twenty minutes.",
    "The building needs a new roof, which the council will pay for from "
    "its maintenance fund, a spokesman said.",
    "Opening hours will stay the same, though the reading room will close "
    "for two weeks while the roof is done.",
]


def article_html(extra_inside: str = "", extra_outside: str = "", body_attrs: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>Library stays open</title></head><body{body_attrs}>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<main><article><h1>Library stays open</h1><div "
        f"class='story-body'>{paras}{extra_inside}</div></article></main>"
        f"{extra_outside}<footer><p>Copyright 2026 Harbour Herald</p></footer></body></html>"
    )


def clean(html: str) -> Document:
    return Pipeline.build(["normalize", "structure"]).run(read_html(html))


def reason_of(doc: Document, start: str) -> str | None:
    b = next(b for b in doc.blocks if b.text.startswith(start))
    return b.removal.reason if b.removal else None


def test_article_paragraphs_are_kept() -> None:
    assert kept(clean(article_html())) == PARAGRAPHS


def test_navigation_is_removed_as_inside_nav() -> None:
    assert reason_of(clean(article_html()), "Home") == "inside <nav>"


def test_page_footer_is_removed_as_inside_footer() -> None:
    assert reason_of(clean(article_html()), "Copyright 2026") == "inside <footer>"


def test_share_bar_inside_the_article_is_removed_by_its_class() -> None:
    doc = clean(article_html("<div class='share-bar'><a href='#'>Share on Facebook</a></div>"))
    assert reason_of(doc, "Share on Facebook") == "class 'share-bar'"


def test_sentence_about_sharing_in_a_plain_paragraph_is_kept() -> None:
    doc = clean(article_html("<p>The council shared the report with residents on Monday, a week early.</p>"))
    assert "The council shared the report with residents on Monday, a week early." in kept(doc)


def test_headline_is_lifted_as_the_title() -> None:
    doc = clean(article_html())
    b = next(b for b in doc.blocks if b.text == "Library stays open")
    assert b.removal is not None and b.removal.field == "title"


def test_second_level_heading_inside_the_article_is_kept() -> None:
    doc = clean(
        article_html("<h2>What happens next</h2><p>The roof work starts in May and lasts a month.</p>")
    )
    assert "What happens next" in kept(doc)


def test_comments_longer_than_the_article_are_removed() -> None:
    comment = (
        "I have used this library for thirty years, and my children learnt to "
        "read there, every week, without fail."
    )
    comments = "<section id='comments'>" + "".join(
        f"<div class='comment'><p>{comment} {i}</p></div>" for i in range(8)
    )
    doc = clean(article_html(extra_outside=comments + "</section>"))
    assert kept(doc) == PARAGRAPHS
    assert reason_of(doc, comment) is not None


def test_sidebar_teasers_are_removed() -> None:
    aside = (
        "<aside class='sidebar'><h3>Most read</h3><p>Ferry timetable cut angers island commuters.</p></aside>"
    )
    doc = clean(article_html(extra_outside=aside))
    assert reason_of(doc, "Ferry timetable") == "inside <aside>"


def test_link_list_inside_the_article_is_removed_with_its_share() -> None:
    links = "<p><a href='/a'>Ferry timetable cut angers island commuters</a> <a href='/b'>New roof</a></p>"
    doc = clean(article_html(links))
    reason = reason_of(doc, "Ferry timetable")
    assert reason is not None and reason.startswith("link list (") and "linked text" in reason


def test_paragraph_with_one_link_is_kept() -> None:
    para = (
        "The full minutes of the meeting are on the <a href='/minutes'>council "
        "website</a> from Friday onwards."
    )
    doc = clean(article_html(f"<p>{para}</p>"))
    assert "The full minutes of the meeting are on the council website from Friday onwards." in kept(doc)


def test_picture_caption_is_removed() -> None:
    figure = (
        "<figure><img src='a.jpg'><figcaption>The library's reading room. "
        "Photo: J. Reed</figcaption></figure>"
    )
    doc = clean(article_html(figure))
    assert reason_of(doc, "The library's reading room") == "caption of a picture or video"


def test_byline_under_a_furniture_class_is_removed() -> None:
    doc = clean(article_html("<div class='byline'>By Jane Reed, local affairs</div>"))
    reason = reason_of(doc, "By Jane Reed")
    assert reason is not None and reason.startswith("byline or dateline")


def test_body_class_mentioning_a_sidebar_does_not_remove_the_article() -> None:
    doc = clean(article_html(body_attrs=" class='single-post has-sidebar'"))
    assert kept(doc) == PARAGRAPHS


def test_layout_wrapper_named_after_its_sidebar_is_not_a_sidebar() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><body><div class='sidebar-layout'><div class='main-column'>"
        f"{paras}</div><div class='sidebar'><p>Advertise with us today.</p></div></div></body></html>"
    )
    doc = clean(html)
    assert kept(doc) == PARAGRAPHS


def test_article_inside_a_header_element_is_still_the_article() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"<html><body><nav><a href='/'>Home</a></nav><header "
        f"class='hero'><div>{paras}</div></header></body></html>"
    )
    assert kept(clean(html)) == PARAGRAPHS


def test_page_without_a_run_of_prose_keeps_its_parts_and_drops_chrome() -> None:
    html = (
        "<html><body><nav><a href='/'>Shop</a><a href='/cart'>Cart</a></nav>"
        "<div class='product'><h2>Trail shoe X2</h2><ul><li>Waterproof upper</li><li>Weight 310 g</li></ul>"
        "<p>From 129 euros</p></div><footer><p>Terms of sale</p></footer></body></html>"
    )
    doc = clean(html)
    assert kept(doc) == ["Trail shoe X2", "Waterproof upper", "Weight 310 g", "From 129 euros"]


def test_forum_posts_in_a_comments_container_are_kept_when_they_are_the_page() -> None:
    posts = "".join(
        f"<article class='post'><div class='author'>user{i}</div><p>Reply "
        f"number {i}: try resetting the router.</p></article>"
        for i in range(3)
    )
    html = (
        f"<html><body><nav><a href='/'>Forum</a></nav><main><div "
        f"id='comments'>{posts}</div></main></body></html>"
    )
    doc = clean(html)
    assert "Reply number 0: try resetting the router." in kept(doc)
    assert "Reply number 2: try resetting the router." in kept(doc)


def test_cookie_dialog_before_the_page_is_removed() -> None:
    dialog = (
        "<div class='cookie-consent' role='dialog'><p>We and our 200 partners "
        "store and access information on your "
        "device, such as cookies, and process personal data for personalised ads and content.</p></div>"
    )
    html = article_html().replace("<body>", "<body>" + dialog)
    doc = clean(html)
    assert reason_of(doc, "We and our 200 partners") == "inside role=dialog"
    assert kept(doc) == PARAGRAPHS


def test_text_dumps_are_left_alone() -> None:
    doc = run_stages(["Home", "News", PARAGRAPHS[0]], "structure")
    assert kept(doc) == ["Home", "News", PARAGRAPHS[0]]


def test_stage_is_deterministic_and_idempotent() -> None:
    html = article_html("<div class='share-bar'><a href='#'>Share</a></div>")
    once = clean(html)
    twice = Pipeline.build(["structure"]).run(once)
    assert [b.removal for b in once.blocks] == [b.removal for b in twice.blocks]
    assert once.text == clean(html).text


def manual_html(short_section: str) -> str:
    long_section = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    sidebar = "<div class='toc'><a href='/a'>Chapter one</a> <a href='/b'>Chapter two</a></div>"
    return (
        "<!DOCTYPE html><html><head><title>Manual</title></head><body><div class='page'>"
        f"{sidebar}<div class='manual'><div class='section'>{short_section}</div>"
        f"<div class='section'>{long_section}</div></div></div></body></html>"
    )


def test_weak_section_of_the_winners_kind_joins_it() -> None:
    short = "<ol><li>Open the valve slowly.</li><li>Wait until the gauge reads two bar.</li></ol>"
    doc = clean(manual_html(short))
    assert "Open the valve slowly." in kept(doc)


def test_link_list_of_the_winners_kind_stays_out() -> None:
    short = "<ul><li><a href='/x'>Read the valve chapter first</a></li></ul>"
    doc = clean(manual_html(short))
    assert "Read the valve chapter first" not in kept(doc)
