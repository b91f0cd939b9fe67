"""The structure stage on pages of the open web that are not news: listings, shop grids, threads.

Pages written for these tests, in several languages; each test names the evidence it relies on.
"""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.html import read_html

from .conftest import kept

INTRO = [
    "Die Liste zeigt alle neuen Einreichungen dieser Woche, sortiert nach dem Tag ihres Eingangs, "
    "mit Titel, Autoren und Fachgebiet.",
    "Ältere Einreichungen finden Sie im Archiv, das nach Monaten geordnet ist und jeden Eintrag mit "
    "seiner Zusammenfassung zeigt.",
]


def clean(html: str) -> Document:
    return Pipeline.build(["normalize", "structure"]).run(read_html(html))


def page(main: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Neue Einreichungen</title></head><body>"
        "<nav><ul><li><a href='/'>Start</a></li><li><a href='/archiv'>Archiv</a></li></ul></nav>"
        f"<main><div class='content'>{main}</div></main>{extra}"
        "<footer><p>Impressum und Datenschutz</p></footer></body></html>"
    )


def reason_of(doc: Document, start: str) -> str | None:
    b = next(b for b in doc.blocks if b.text.startswith(start))
    return b.removal.reason if b.removal else None


# -- furniture tokens on every item of a list ---------------------------------------------------------


def entry(i: int) -> str:
    return (
        f"<dt>[{i}] Eintrag {i}</dt><dd><div class='meta'><div class='list-title'>Titel: Über "
        f"Wellen im flachen Wasser, Teil {i}</div><div class='list-authors'>Anna Vogt, Jonas Brandt "
        f"und {i} weitere</div></div></dd>"
    )


def test_title_and_authors_repeated_on_every_item_are_kept() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    html = page(intro + "<dl>" + "".join(entry(i) for i in range(12)) + "</dl>")
    lines = kept(clean(html))
    assert "Titel: Über Wellen im flachen Wasser, Teil 11" in lines
    assert "Anna Vogt, Jonas Brandt und 0 weitere" in lines


def test_a_single_byline_under_a_furniture_class_still_goes() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    html = page("<div class='meta'>Von Anna Vogt, 3. März</div>" + intro)
    reason = reason_of(clean(html), "Von Anna Vogt")
    assert reason is not None and reason.startswith("byline or dateline")


# -- a container that is mostly a list of links is a listing ------------------------------------------

RECIPES = [
    "Poulet croustillant au paprika fumé et pommes de terre",
    "Salade de riz grillé aux concombres et aux herbes",
    "Brochettes de bœuf à l'ail et au poivre noir",
    "Tofu croustillant, sauce césar et croûtons maison",
    "Brocolis rôtis au citron et au parmesan",
    "Cuisses de poulet marinées au miel et au piment",
    "Galettes de pommes de terre et sauce au yaourt",
    "Boulettes de dinde aux herbes et riz au citron",
]


def listing_page() -> str:
    intro = (
        "<p>Nos recettes à la friteuse à air, des plus simples aux plus audacieuses, pour les soirs "
        "de semaine où il faut dîner vite, bien, et sans trop de vaisselle à laver ensuite.</p>"
        "<p>Chaque recette a été testée trois fois, avec deux modèles de friteuse, et les temps de "
        "cuisson sont donnés pour les deux, à la minute près, avec les quantités pour quatre.</p>"
    )
    cards = "".join(f"<li><h3><a href='/r/{i}'>{t}</a></h3></li>" for i, t in enumerate(RECIPES))
    return page(
        f"<article><h1>Recettes à la friteuse à air</h1><div class='intro'>{intro}</div>"
        f"<ul class='cards'>{cards}</ul></article>"
    )


def test_linked_item_titles_that_are_most_of_the_container_are_kept() -> None:
    lines = kept(clean(listing_page()))
    assert RECIPES[0] in lines and RECIPES[-1] in lines


def test_a_few_linked_titles_after_a_long_article_still_go() -> None:
    prose = "".join(f"<p>{p} {p}</p>" for p in INTRO * 3)
    cards = "".join(f"<li><a href='/r/{i}'>{t}</a></li>" for i, t in enumerate(RECIPES[:3]))
    doc = clean(page(f"{prose}<ul>{cards}</ul>"))
    reason = reason_of(doc, RECIPES[0])
    assert reason is not None and reason.startswith("link list")


# -- form fields -----------------------------------------------------------------------------------------


def test_labels_of_a_fieldset_are_removed() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    form = (
        "<fieldset><legend>Weitere Farben</legend><a href='/p?c=1'>Option: Sofa, dunkelgrau</a>"
        "<a href='/p?c=2'>Option: Sofa, hellbeige</a></fieldset>"
    )
    doc = clean(page(intro + form))
    assert reason_of(doc, "Weitere Farben") == "form field labels (<fieldset>)"
    assert kept(doc) == INTRO


# -- what counts as a paragraph ----------------------------------------------------------------------------

FACETS = [
    f"{name} {count}"
    for name, count in (
        ("Compresores herméticos refrigerados", 392),
        ("Termostatos electrónicos programables", 157),
        ("Bisagras reforzadas inoxidables", 1711),
        ("Amortiguadores hidráulicos", 315),
        ("Electroválvulas dosificadoras", 204),
        ("Resistencias calefactoras", 602),
        ("Componentes frigoríficos", 95),
        ("Ventiladores tangenciales", 81),
    )
] * 3


def test_a_long_list_of_few_word_labels_does_not_outrank_the_text() -> None:
    facets = "".join(f"<div>{f}</div>" for f in FACETS)
    text = (
        "<p>Todas nuestras piezas de repuesto se prueban antes del envío, y cada una viene con una "
        "guía gratuita, paso a paso, para que la reparación sea sencilla.</p>"
        "<p>Si una pieza falla, la cambiamos sin preguntas, durante toda la vida del aparato, y el "
        "envío de vuelta corre de nuestra cuenta.</p>"
    )
    html = page(f"<div class='text'>{text}</div>", extra=f"<div class='filters'>{facets}</div>")
    lines = kept(clean(html))
    assert any(line.startswith("Todas nuestras piezas") for line in lines)


# -- a thread whose replies sit in a discussion-named part of the container ----------------------------

FIRST_POST = (
    "Ich habe einen alten Laptop mit acht Gigabyte Speicher. Lohnt es sich, eine schnellere SSD "
    "einzubauen, oder merkt man davon im Alltag kaum etwas?"
)
REPLIES = [
    "Auf jeden Fall lohnt sich das. Der Rechner startet danach in wenigen Sekunden, und Programme "
    "öffnen sich spürbar schneller, auch wenn der Prozessor alt ist.",
    "Ich habe das bei zwei Geräten gemacht, und beide Male war es die beste Investition, die ich "
    "für wenig Geld machen konnte. Achte nur auf den richtigen Formfaktor.",
    "Vorher unbedingt ein Backup machen und prüfen, ob das BIOS die neue Platte erkennt. Bei "
    "manchen älteren Modellen braucht es erst ein Update.",
    "Zusätzlich kann man den Speicher auf sechzehn Gigabyte erweitern, dann läuft auch der Browser "
    "mit vielen Tabs flüssig, ohne ständig auszulagern.",
]


def thread_page(replies: list[str]) -> str:
    posts = "".join(
        f"<li class='discussion-item'><div class='discussion-post'><div class='discussion-header'>"
        f"nutzer{i}</div><div class='discussion-message'><p>{r}</p></div></div></li>"
        for i, r in enumerate(replies)
    )
    return page(
        f"<article class='thread'><h1>SSD im alten Laptop?</h1><div class='thread-body'>"
        f"<div class='first-post'><p>{FIRST_POST}</p></div><section class='discussion'>"
        f"<ul>{posts}</ul></section></div></article>"
    )


def test_replies_holding_most_of_a_thread_are_kept() -> None:
    lines = kept(clean(thread_page(REPLIES)))
    assert FIRST_POST in lines
    assert REPLIES[0] in lines and REPLIES[-1] in lines


def test_a_short_discussion_below_a_long_article_still_goes() -> None:
    paras = "".join(f"<p>{p} {p}</p>" for p in INTRO * 2)
    html = page(
        f"<article><div class='story'>{paras}</div><section class='comments'><div class='comment'>"
        f"<p>{REPLIES[0]}</p></div></section></article>"
    )
    assert reason_of(clean(html), REPLIES[0]) is not None


# -- headings named after what they head -------------------------------------------------------------------


def test_a_heading_named_header_is_kept() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    html = page(intro + "<h4 class='code-header'>pub fn parse_entry(line: &str) -> Entry</h4>" + intro)
    assert "pub fn parse_entry(line: &str) -> Entry" in kept(clean(html))


def test_a_block_named_toolbar_still_goes() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    html = page(intro + "<div class='toolbar'>Drucken Teilen Speichern</div>")
    assert reason_of(clean(html), "Drucken Teilen") is not None


# -- figures that hold a table or code ------------------------------------------------------------------


def test_a_table_inside_a_figure_is_kept() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    table = (
        "<figure class='wp-block-table'><table><tr><th>Tarif</th><th>Preis</th></tr>"
        "<tr><td>Basis</td><td>4 Euro im Monat</td></tr></table></figure>"
    )
    assert "Basis | 4 Euro im Monat" in kept(clean(page(intro + table)))


def test_a_code_listing_and_its_caption_inside_a_figure_are_kept() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    listing = (
        "<figure><pre>let total = prices.iter().sum();</pre>"
        "<figcaption>Listing 3: die Summe aller Preise</figcaption></figure>"
    )
    lines = kept(clean(page(intro + listing)))
    assert "let total = prices.iter().sum();" in lines
    assert "Listing 3: die Summe aller Preise" in lines


def test_the_caption_of_a_picture_still_goes() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    figure = (
        "<figure><img src='a.jpg'><figcaption>Der Lesesaal im Winter. Foto: A. Vogt</figcaption></figure>"
    )
    assert reason_of(clean(page(intro + figure)), "Der Lesesaal") == "caption of a picture or video"


# -- a linked heading over its item's text ------------------------------------------------------------------

MACHINES = [
    "La machine pétrit et cuit en trois heures, avec un programme pour les pains complets et un "
    "autre pour les brioches, plus lentes à lever.",
    "Son moule est plus étroit que la moyenne, ce qui donne une mie serrée, régulière, et une croûte "
    "fine sur les côtés.",
]


def test_a_linked_heading_between_paragraphs_is_kept() -> None:
    body = "".join(f"<p>{p}</p>" for p in INTRO)
    body += f"<h3><a href='/go/1'>Panetière Duo 2000 (modèle 29890)</a></h3><p>{MACHINES[0]}</p>"
    body += f"<h3><a href='/go/2'>Fournil Compact (modèle 85203)</a></h3><p>{MACHINES[1]}</p>"
    lines = kept(clean(page(body)))
    assert "Panetière Duo 2000 (modèle 29890)" in lines
    assert "Fournil Compact (modèle 85203)" in lines


def test_a_linked_line_between_paragraphs_that_is_no_heading_still_goes() -> None:
    body = "".join(f"<p>{p}</p>" for p in INTRO)
    body += (
        f"<p>{MACHINES[0]}</p><p><a href='/x'>Lire aussi : nos dix pains préférés</a></p><p>{MACHINES[1]}</p>"
    )
    reason = reason_of(clean(page(body)), "Lire aussi")
    assert reason is not None and reason.startswith("link list")


# -- an item's rating is part of the item ------------------------------------------------------------------


def test_the_rating_line_of_each_product_card_is_kept() -> None:
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    cards = "".join(
        f"<li><h3>Kletterschuh Modell {i}</h3><div class='product-rating'>{10 + i} Bewertungen, "
        f"im Schnitt 4,{i} von 5 Sternen</div><p>{99 + i} Euro</p></li>"
        for i in range(6)
    )
    lines = kept(clean(page(intro + f"<ul class='grid'>{cards}</ul>")))
    assert "12 Bewertungen, im Schnitt 4,2 von 5 Sternen" in lines
