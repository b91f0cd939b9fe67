"""Metadata from an HTML page's head: JSON-LD, OpenGraph/Twitter cards, <title>, <time>, canonical, lang."""

from __future__ import annotations

import json

from cleaner.html import read_html


def page(head: str, body: str = "<p>Body.</p>", lang: str = "") -> str:
    attr = f' lang="{lang}"' if lang else ""
    return f"<!DOCTYPE html><html{attr}><head>{head}</head><body>{body}</body></html>"


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_news_article_fields() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Bridge reopens after repairs",
        "description": "Six months of work on the old span.",
        "datePublished": "2026-04-02T09:30:00+02:00",
        "dateModified": "2026-04-03T10:00:00+02:00",
        "author": {"@type": "Person", "name": "Ines Moreau"},
    }
    m = read_html(page(ld(data))).metadata
    assert m.title == "Bridge reopens after repairs"
    assert m.description == "Six months of work on the old span."
    assert m.published is not None and m.published.startswith("2026-04-02T09:30")
    assert m.modified is not None and m.modified.startswith("2026-04-03")
    assert m.author == "Ines Moreau"


def test_json_ld_inside_graph_and_with_several_authors() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "Daily Example"},
            {
                "@type": ["BlogPosting"],
                "headline": "Notes from the allotment",
                "author": [{"name": "A. Dube"}, "B. Lenz"],
            },
        ],
    }
    m = read_html(page(ld(data))).metadata
    assert m.title == "Notes from the allotment"
    assert m.author == "A. Dube, B. Lenz"


def test_article_json_ld_wins_over_a_webpage_object() -> None:
    data = [{"@type": "WebPage", "name": "Home page name"}, {"@type": "Article", "headline": "The article"}]
    assert read_html(page(ld(data))).metadata.title == "The article"


def test_broken_json_ld_is_ignored() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Article", "headline": </script><title>Fallback</title>'
    )
    assert read_html(page(head)).metadata.title == "Fallback"


def test_opengraph_and_meta_tags_fill_in() -> None:
    head = (
        '<meta property="og:title" content="OG headline"><meta '
        'property="og:description" content="OG standfirst">'
        '<meta property="og:site_name" content="The Site"><meta property="article:published_time" '
        'content="2025-12-24T18:00:00Z"><meta name="author" content="Kai '
        'Berg"><title>Page title | The Site</title>'
    )
    m = read_html(page(head)).metadata
    assert (m.title, m.description, m.site, m.author) == (
        "OG headline",
        "OG standfirst",
        "The Site",
        "Kai Berg",
    )
    assert m.published is not None and m.published.startswith("2025-12-24")


def test_title_tag_is_the_last_resort_for_the_title() -> None:
    assert read_html(page("<title>  Only   a title </title>")).metadata.title == "Only a title"


def test_time_element_gives_the_date_when_the_head_has_none() -> None:
    body = '<article><time datetime="2026-02-20T12:53:00Z">20 Feb</time><p>Body.</p></article>'
    m = read_html(page("<title>x</title>", body)).metadata
    assert m.published is not None and m.published.startswith("2026-02-20")


def test_canonical_url_and_language() -> None:
    head = (
        '<link rel="canonical" href="https://site.example/a/b"><meta '
        'property="og:url" content="https://other.example/">'
    )
    m = read_html(page(head, lang="pt-BR")).metadata
    assert (m.url, m.language) == ("https://site.example/a/b", "pt-BR")


def test_page_without_metadata_leaves_fields_empty() -> None:
    m = read_html(page("")).metadata
    assert (m.title, m.published, m.author, m.url) == (None, None, None, None)
