"""The parse step: what is cut before bs4 builds the tree, the lean builder, the lazy soupsieve."""

from __future__ import annotations

import subprocess
import sys

from cleaner.html import compact, parse, read_html


def words(html: str) -> list[str]:
    return [b.text for b in read_html(f"<!doctype html><html><body>{html}</body></html>").blocks if b.text]


def test_compact_cuts_images_and_inputs() -> None:
    assert compact('<p>A<img src="x.jpg" alt="a > b"> B<input type="hidden" value=1></p>') == "<p>A B</p>"


def test_compact_cuts_whitespace_before_block_tags_only() -> None:
    assert compact("<div>\n  <p>One</p>\n  <p>Two <b>three</b> <i>four</i></p>\n</div>") == (
        "<div><p>One</p><p>Two <b>three</b> <i>four</i></p></div>"
    )


def test_compact_leaves_pages_with_pre_alone() -> None:
    page = "<div>\n<pre>line one\n<div>line two</div></pre>\n</div>"
    assert compact(page) == page


def test_inline_words_stay_apart_after_compacting() -> None:
    assert words("<p><a href='/a'>Rivers</a> <a href='/b'>Lakes</a></p>") == ["Rivers Lakes"]


def test_lean_builder_keeps_the_attributes_the_reader_reads() -> None:
    soup = parse('<div class="post" id="p1" role="main" data-x="1" title="t"><a href="/x">x</a></div>')
    div = soup.find("div")
    assert div is not None and div.attrs == {"class": "post", "id": "p1", "role": "main"}


def test_lean_builder_keeps_every_attribute_of_meta_and_link() -> None:
    soup = parse('<head><meta property="og:title" content="T"><link rel="canonical" href="/c"></head>')
    link = soup.find("link")
    assert link is not None and link.get("href") == "/c"


def test_css_selectors_still_work_after_reading_a_page() -> None:
    code = (
        "from cleaner.html import read_html; import bs4; read_html('<html><body><p>x</p></body></html>');"
        "print(bs4.BeautifulSoup('<p class=a>hi</p>', 'lxml').select('p.a')[0].text)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "hi"


def test_compact_keeps_only_the_canonical_link() -> None:
    head = '<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://x.example/a">'
    assert compact(head) == '<link rel="canonical" href="https://x.example/a">'


def test_compact_cuts_empty_inline_elements_even_nested() -> None:
    assert compact('<p>Share<a href="/fb"><i class="icon-fb"></i></a> now</p>') == "<p>Share now</p>"


ARTICLE = "<article><h1>Title</h1><p>" + "The harbour board met to discuss the pier. " * 3 + "</p></article>"


def test_folded_navigation_gives_a_line_per_item_with_the_nav_hints() -> None:
    doc = read_html(f"<html><body><nav class='menu'><ul><li><a href='/'>Home</a></li>"
                    f"<li><a href='/n'>News</a></li></ul></nav>{ARTICLE}</body></html>")  # fmt: skip
    nav = [b for b in doc.blocks if b.text in ("Home", "News")]
    assert [b.text for b in nav] == ["Home", "News"]
    assert all(b.hints["in_chrome"] == "nav" and b.hints["link_density"] == 1.0 for b in nav)
    assert "menu" in nav[0].hints["tokens"]


def test_folded_chrome_skips_hidden_parts() -> None:
    nav = "<nav><a href='/'>Home</a><div hidden>Secret</div></nav>"
    doc = read_html(f"<html><body>{nav}{ARTICLE}</body></html>")
    assert "Secret" not in [b.text for b in doc.blocks]


def test_folded_chrome_is_still_removed_by_structure_with_its_reason() -> None:
    from cleaner import Pipeline

    raw = f"<html><body><footer><p>Contact the newsroom</p></footer>{ARTICLE}</body></html>"
    doc = Pipeline.build(["normalize", "structure"]).run(read_html(raw))
    footer = next(b for b in doc.blocks if b.text == "Contact the newsroom")
    assert footer.removal is not None and footer.removal.reason == "inside <footer>"


def test_chrome_holding_the_article_is_not_folded() -> None:
    doc = read_html(f"<html><body><aside>{ARTICLE}</aside></body></html>")
    assert "Title" in [b.text for b in doc.blocks]


def test_chrome_with_much_paragraph_text_is_not_folded() -> None:
    long_text = "Our cooperative was founded by twelve fishing families in 1961. " * 12
    doc = read_html(f"<html><body><footer><p>{long_text.strip()}</p><p>Second</p></footer></body></html>")
    assert "Second" in [b.text for b in doc.blocks]


def test_text_after_folded_chrome_stays_in_place() -> None:
    doc = read_html("<html><body><div><nav><a href='/'>Home</a></nav>Tail words</div></body></html>")
    assert [b.text for b in doc.blocks if b.text] == ["Home", "Tail words"]


def test_unread_meta_and_hidden_parts_are_cut_but_read_meta_stays() -> None:
    metas = "<meta name='viewport' content='width=device-width'><meta property='og:site_name' content='Kite'>"
    head = f"<head>{metas}</head>"
    body = f"<body><nav><a href='/'>Home</a></nav><div aria-hidden='true'>Ghost</div>{ARTICLE}</body>"
    doc = read_html(f"<html>{head}{body}</html>")
    assert doc.metadata.site == "Kite"
    assert "Ghost" not in [b.text for b in doc.blocks]


def test_control_characters_in_folded_chrome_do_not_break_reading() -> None:
    doc = read_html(f"<html><body><nav><a href='/'>Ho\x01me\x08</a></nav>{ARTICLE}</body></html>")
    assert "Home" in [b.text for b in doc.blocks]


def test_an_empty_list_item_does_not_swallow_what_follows_it() -> None:
    page = "<nav><a href='/'>Home</a></nav><ul class='price'><li class='a'></li><div>Now 24 euros</div></ul>"
    doc = read_html(f"<html><body>{page}</body></html>")
    price = next(b for b in doc.blocks if b.text == "Now 24 euros")
    assert price.path.endswith("ul.price/div")


def test_a_tag_left_open_in_the_head_keeps_the_metadata_after_it() -> None:
    head = ('<head><link rel="preload" href="/f.woff2" as="font" <link rel="preload" href="/g.woff2">'
            '<title>Tide tables</title><meta name="author" content="Ines Varga"></head>')  # fmt: skip
    doc = read_html(f"<!doctype html><html>{head}<body>{ARTICLE}</body></html>")
    assert doc.metadata.author == "Ines Varga"


def test_text_of_a_link_counts_as_linked_and_the_rest_does_not() -> None:
    doc = read_html("<html><body><p>Read <a href='/r'>the report</a> now</p></body></html>")
    block = next(b for b in doc.blocks if b.text)
    assert block.text == "Read the report now"
    assert block.hints["link_density"] == round(len("thereport") / len("Readthereportnow"), 3)


def test_encoding_detection_of_bs4_still_works_after_reading_a_page() -> None:
    code = (
        "from cleaner.html import read_html; import bs4; read_html('<html><body><p>x</p></body></html>');"
        "print(bs4.UnicodeDammit('Caf\\xe9 cr\\xe8me'.encode('latin-1') * 20).unicode_markup is not None)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
