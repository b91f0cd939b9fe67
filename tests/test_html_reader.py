"""The HTML reader: sniffing, decoding, pruning, and blocks with DOM hints."""

from __future__ import annotations

import codecs

import pytest

from cleaner.document import Document
from cleaner.errors import InputTooLargeError
from cleaner.html import class_tokens, decode_html, looks_like_html, read_html


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.text]


def block(doc: Document, start: str):  # type: ignore[no-untyped-def]
    return next(b for b in doc.blocks if b.text.startswith(start))


# -- sniffing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start",
    [
        "<!DOCTYPE html><html><body>",
        "<!doctype HTML>\n<title>x</title>",
        "\ufeff<html lang='en'>",
        "  \n<html>",
        "<!-- saved from url=(0042)https://news.example/ -->\n<html>",
        "<head><meta charset='utf-8'></head>",
        "<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0'><html>",
    ],
)
def test_html_is_recognised_by_its_start(start: str) -> None:
    assert looks_like_html(start + "<p>Hello</p>")
    assert looks_like_html((start + "<p>Hello</p>").encode("utf-8"))


def test_fragment_dense_in_block_tags_is_html() -> None:
    fragment = "<div class='a'><p>One</p><p>Two</p><div><a href='/'>x</a></div><br><span>y</span></div>"
    assert looks_like_html(fragment)


@pytest.mark.parametrize(
    "dump",
    [
        "Menu\nHome\nNews\n\nThe council met on Monday.",
        "# Heading\n\n[Home](https://site.example/) · [News](https://site.example/news)",
        "Use <b> for bold, the tutorial says, and <i> for italics.\nThat is all.",
        "",
    ],
)
def test_text_dumps_are_not_html(dump: str) -> None:
    assert not looks_like_html(dump)


# -- decoding ------------------------------------------------------------------------------------


def test_page_declaring_latin1_that_is_utf8_is_read_as_utf8() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Café à São Paulo</p></body></html>'
    assert "Café à São Paulo" in decode_html(raw.encode("utf-8"))


def test_page_really_in_latin1_is_read_as_latin1() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème</p></body></html>'
    assert "Café crème" in decode_html(raw.encode("latin-1"))


def test_declared_cyrillic_charset_is_used() -> None:
    raw = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
    raw += "<body><p>Привет, мир</p></body></html>"
    assert "Привет, мир" in decode_html(raw.encode("cp1251"))


def test_bom_wins_over_the_declaration() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body><p>Grüße</p></body></html>'
    assert "Grüße" in decode_html(codecs.BOM_UTF16_LE + raw.encode("utf-16-le"))


def test_undeclared_non_utf8_bytes_fall_back_to_cp1252() -> None:
    raw = "<html><body><p>\u201cQuoted\u201d</p></body></html>".encode("cp1252")
    assert "\u201cQuoted\u201d" in decode_html(raw)


def test_input_over_the_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError):
        read_html(page("<p>x</p>").encode(), max_bytes=10)


# -- pruning -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "<script>var tracking = 'Subscribe now';</script>",
        "<style>p { color: red } /* Subscribe now */</style>",
        "<template><p>Subscribe now</p></template>",
        "<svg><title>Subscribe now</title></svg>",
        "<button>Subscribe now</button>",
        "<select><option>Subscribe now</option></select>",
        "<iframe>Subscribe now</iframe>",
        "<div hidden><p>Subscribe now</p></div>",
        "<div aria-hidden='true'>Subscribe now</div>",
        "<div style='display: none'>Subscribe now</div>",
        "<div style='visibility:hidden'>Subscribe now</div>",
        "<!-- Subscribe now -->",
    ],
)
def test_never_content_leaves_no_text(junk: str) -> None:
    doc = read_html(page(f"<p>The council met on Monday.</p>{junk}"))
    assert texts(doc) == ["The council met on Monday."]


def test_noscript_text_is_read_because_scrapers_run_without_javascript() -> None:
    doc = read_html(page("<noscript><div class='post'><p>First post of the thread.</p></div></noscript>"))
    assert texts(doc) == ["First post of the thread."]


def test_react_streamed_segment_is_read_although_hidden() -> None:
    doc = read_html(page('<div hidden id="S:0"><p>Index funds track a market index.</p></div>'))
    assert texts(doc) == ["Index funds track a market index."]


def test_content_after_an_early_closing_html_tag_is_read() -> None:
    doc = read_html("<html><head></head><body><nav>Menu</nav></body></html><div><p>Late body text.</p></div>")
    assert "Late body text." in texts(doc)


# -- blocks ----------------------------------------------------------------------------------------


def test_each_block_element_is_one_block_and_inline_text_joins_it() -> None:
    doc = read_html(page("<p>One <b>bold</b> and <a href='/x'>linked</a> word.</p><p>Two.</p>"))
    assert texts(doc) == ["One bold and linked word.", "Two."]


def test_paragraphs_stay_apart_in_the_text() -> None:
    doc = read_html(page("<p>First paragraph.</p><p>Second paragraph.</p>"))
    assert doc.text == "First paragraph.\n\nSecond paragraph."


def test_line_breaks_split_lines_within_one_paragraph() -> None:
    doc = read_html(page("<p>Roses are red,<br>violets are blue.</p><p>Next.</p>"))
    assert doc.text == "Roses are red,\nviolets are blue.\n\nNext."


def test_div_with_direct_text_and_child_blocks_gives_both() -> None:
    doc = read_html(page("<div>Lead text of the box<p>A paragraph inside.</p>tail words</div>"))
    assert texts(doc) == ["Lead text of the box", "A paragraph inside.", "tail words"]


def test_table_row_is_one_block_with_cells_separated() -> None:
    doc = read_html(
        page("<table><tr><th>City</th><th>Rain</th></tr><tr><td>Bergen</td><td>231 days</td></tr></table>")
    )
    assert texts(doc) == ["City | Rain", "Bergen | 231 days"]


def test_pre_keeps_its_spacing() -> None:
    doc = read_html(page("<pre>def f(x):\n    return  x</pre>"))
    assert texts(doc) == ["def f(x):", "    return  x"]


def test_whitespace_runs_collapse_outside_pre() -> None:
    doc = read_html(page("<p>  spread\n   over   lines  </p>"))
    assert texts(doc) == ["spread over lines"]


def test_reader_returns_an_html_document() -> None:
    doc = read_html(page("<p>x</p>"), source="page.html")
    assert (doc.kind, doc.source) == ("html", "page.html")


# -- hints -----------------------------------------------------------------------------------------


def test_heading_hints_give_tag_and_level() -> None:
    doc = read_html(page("<h2>Section</h2><p>Body.</p>"))
    h = block(doc, "Section").hints
    assert (h["tag"], h["level"]) == ("h2", 2)
    assert block(doc, "Body").hints["level"] == 0


@pytest.mark.parametrize(
    ("html", "flag"),
    [
        ("<ul><li>Item</li></ul>", "in_list"),
        ("<table><tr><td>Item</td></tr></table>", "in_table"),
        ("<blockquote><p>Item</p></blockquote>", "in_quote"),
        ("<figure><img src='a.jpg'><figcaption>Item</figcaption></figure>", "in_figure"),
        ("<figure><img src='a.jpg'><figcaption>Item</figcaption></figure>", "in_caption"),
    ],
)
def test_membership_flags(html: str, flag: str) -> None:
    doc = read_html(page(html + "<p>Plain.</p>"))
    assert block(doc, "Item").hints[flag] is True
    assert block(doc, "Plain").hints[flag] is False


def test_link_density_is_the_linked_share_of_the_text() -> None:
    doc = read_html(
        page("<p><a href='/a'>abcde</a>fghij</p><p><a href='/b'>All linked</a></p><p>None here</p>")
    )
    assert block(doc, "abcde").hints["link_density"] == pytest.approx(0.5)
    assert block(doc, "All linked").hints["link_density"] == pytest.approx(1.0)
    assert block(doc, "None here").hints["link_density"] == 0.0


def test_tokens_gather_ancestor_class_and_id_words() -> None:
    doc = read_html(
        page("<div id='mainContent'><div class='share-bar socialIcons2'><p>Share</p></div></div>")
    )
    tokens = block(doc, "Share").hints["tokens"]
    assert {"main", "content", "share", "bar", "social", "icons"} <= tokens


def test_semantic_and_chrome_containers_are_flagged() -> None:
    doc = read_html(
        page(
            "<nav><a href='/'>Home</a></nav><article><p>Story.</p></article>"
            "<div role='contentinfo'><p>Legal.</p></div><div itemprop='articleBody'><p>Body.</p></div>"
        )
    )
    assert block(doc, "Home").hints["in_chrome"] == "nav"
    assert block(doc, "Legal").hints["in_chrome"] == "role=contentinfo"
    assert block(doc, "Story").hints["in_content"] is True
    assert block(doc, "Body").hints["in_content"] is True
    assert block(doc, "Home").hints["in_content"] is False


def test_path_names_the_elements_with_id_or_first_class() -> None:
    doc = read_html(page("<div id='page'><article class='post single'><p>Body.</p></article></div>"))
    assert block(doc, "Body").path.endswith("body/div#page/article.post/p")


def test_depth_grows_with_nesting() -> None:
    doc = read_html(page("<p>Shallow.</p><div><div><p>Deep.</p></div></div>"))
    assert block(doc, "Deep").hints["depth"] > block(doc, "Shallow").hints["depth"]


def test_class_tokens_split_words_case_and_digits() -> None:
    assert class_tokens("socialShare-bar2 entry__content") == ("social", "share", "bar", "entry", "content")


# -- pathological pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["<script>", "<!--", "<button>", '<script type="application/ld+json">'])
def test_thousands_of_unclosed_never_content_elements_hide_what_follows(opening: str) -> None:
    # (its time is measured by benchmarks/stress.py; the regex audit guards the patterns it runs)
    raw = "<html><body><p>lead</p>" + f"{opening}x <p>text</p>" * 20000
    assert [block.text for block in read_html(raw).blocks] == ["lead"]


def test_prune_cuts_closed_never_content_and_keeps_line_count() -> None:
    from cleaner.html import prune

    text = "a<script>x\ny</script>b<!-- c\n -->d<svg><path/></svg>e<button-group>f</button-group>g<select>h"
    assert prune(text) == "a\nb\nde<button-group>f</button-group>g<select>h"


def test_unclosed_comment_runs_to_the_end_of_the_page() -> None:
    from cleaner.html import prune

    assert prune("<p>kept</p><!-- never closed\n<p>gone</p>") == "<p>kept</p>\n"
