"""The structure stage on pages that are not articles: Q&A threads, product pages, shop categories,
and broken markup. Pages written for these tests, in several languages."""

from __future__ import annotations

from cleaner import Document, Pipeline
from cleaner.html import read_html

from .conftest import kept


def clean(html: str) -> Document:
    return Pipeline.build(["normalize", "structure"]).run(read_html(html))


def kept_text(html: str) -> str:
    return "\n".join(kept(clean(html)))


def reason_of(doc: Document, start: str) -> str | None:
    b = next(b for b in doc.blocks if b.text.startswith(start))
    return b.removal.reason if b.removal else None


# -- a Q&A thread: question and answers share a class, in different branches of the page ----------

QUESTION = (
    "Ich möchte in meinem Skript mehrere Dateien gleichzeitig herunterladen, aber die Schleife "
    "wartet immer auf jede einzelne Datei, bevor sie mit der nächsten beginnt. Was mache ich falsch, "
    "und wie kann ich die Downloads parallel laufen lassen, ohne die Reihenfolge zu verlieren?"
)
ANSWERS = [
    "Die Schleife ruft jede Funktion auf und wartet sofort auf ihr Ergebnis, daher läuft nichts "
    "nebeneinander. Sammle zuerst alle Aufgaben in einer Liste, und warte dann auf alle zusammen; "
    "die Ergebnisse kommen in der Reihenfolge der Liste zurück, egal welche zuerst fertig wird.",
    "Zusätzlich lohnt es sich, die Zahl der gleichzeitigen Verbindungen zu begrenzen, etwa mit "
    "einem Semaphor, sonst lehnt der Server bei hundert Dateien einen Teil der Anfragen ab, und "
    "du bekommst Fehler, die nur manchmal auftreten und schwer zu finden sind.",
]

MORE = [
    "Ich habe es mit Threads, mit einer Warteschlange und mit einem Pool versucht, aber jedes Mal "
    "dauert der ganze Lauf genauso lange, als würde ich die Dateien einzeln holen.",
    "Die Dateien sind klein, zwischen zehn und hundert Kilobyte, und der Server antwortet schnell, "
    "daher vermute ich, dass der Fehler in meinem Code liegt und nicht im Netz.",
]
CODE = "for url in urls:\n    daten = await lade(url)\n    speichere(daten)"


def qa_page() -> str:
    def post(text: str) -> str:
        # a long post, as the winning one is: a few paragraphs and a code listing
        more = "".join(f"<p>{line}</p>" for line in MORE)
        return (
            "<div class='post-layout'><div class='votes'>3</div>"
            f"<div class='postcell'><div class='s-body js-body'><p>{text}</p>{more}"
            f"<pre><code>{CODE}</code></pre></div></div></div>"
        )

    answers = "".join(f"<div class='answer'>{post(a)}</div>" for a in ANSWERS)
    return (
        "<!DOCTYPE html><html lang='de'><head><title>Parallele Downloads</title></head><body>"
        "<header><a href='/'>Forum</a></header><div id='content'>"
        "<div id='question-header'><h1>Parallele Downloads in einer Schleife</h1></div>"
        f"<div id='mainbar'><div id='question'>{post(QUESTION)}</div>"
        f"<div id='answers'><h2>2 Antworten</h2>{answers}</div></div>"
        "<div id='sidebar'><ul><li><a href='/q/1'>Verwandte Frage eins</a></li>"
        "<li><a href='/q/2'>Verwandte Frage zwei</a></li></ul></div>"
        "</div></body></html>"
    )


def test_question_and_answers_of_one_kind_are_all_kept() -> None:
    text = kept_text(qa_page())
    assert QUESTION in text
    assert all(answer in text for answer in ANSWERS)


def test_sidebar_of_a_thread_still_goes() -> None:
    assert "Verwandte Frage eins" not in kept_text(qa_page())


# -- a product page: name, price and features above a long description ---------------------------

FEATURES = [
    "Cuve en acier émaillé, grille en fonte",
    "Couvercle avec thermomètre intégré",
    "Cendrier amovible pour un nettoyage facile",
    "Roues tout-terrain et poignée latérale rabattable",
]
SPECS = [
    "Surface de cuisson | 54 x 42 cm",
    "Poids | 21 kg",
    "Garantie | 10 ans sur la cuve",
]
DESCRIPTION = [
    "Ce barbecue à charbon a été pensé pour les grandes tablées: sa cuve profonde garde la "
    "chaleur pendant des heures, et sa grille se règle sur trois hauteurs selon ce que vous cuisez.",
    "Le couvercle bombé transforme l'appareil en four d'extérieur, idéal pour un poulet entier, "
    "du pain ou des légumes rôtis, et le thermomètre indique la température sans l'ouvrir.",
    "Son chariot en acier, monté sur de larges roues, se déplace sans effort sur la pelouse comme "
    "sur les graviers, et les tablettes latérales se replient pour l'hiver.",
    "Livré avec un guide de cuisson et une housse de protection, il se monte en une trentaine "
    "de minutes avec les outils fournis, sans perçage ni colle.",
]


def product_page(repeat: int = 1) -> str:
    features = "".join(f"<li>{f}</li>" for f in FEATURES)
    specs = "".join("<tr><th>{}</th><td>{}</td></tr>".format(*row.split(" | ")) for row in SPECS)
    description = "".join(f"<p>{p}</p>" for p in DESCRIPTION) * repeat
    return (
        "<!DOCTYPE html><html lang='fr'><head><title>Barbecue charbon Tremont 57</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/barbecues'>Barbecues</a></nav>"
        "<div class='page'><div class='product-top'>"
        "<div class='gallery'><img src='a.jpg' alt=''></div>"
        "<div class='product-info'><h1>Barbecue charbon Tremont 57</h1>"
        "<p class='price'>349,00 €</p>"
        "<p class='lead'>Un barbecue familial à couvercle, solide et facile à déplacer, pour cuire "
        "à feu direct ou indirect toute la saison, du printemps jusqu'aux premiers froids.</p>"
        f"<ul class='features'>{features}</ul>"
        f"<table class='specs'>{specs}</table></div></div>"
        f"<div class='product-description'><h2>Description</h2>{description}</div></div>"
        "<footer><p>© 2026 Maison du Grill</p></footer></body></html>"
    )


def test_product_description_is_kept() -> None:
    text = kept_text(product_page())
    assert all(p in text for p in DESCRIPTION)


def test_product_features_and_specifications_beside_the_headline_join_the_description() -> None:
    text = kept_text(product_page())
    assert all(f in text for f in FEATURES)
    assert "Poids | 21 kg" in text


def test_product_details_join_even_when_the_page_wrapper_has_a_footer_name() -> None:
    # layouts that pin the footer wrap the whole page in "sticky-footer"; a long description wins
    html = product_page(repeat=3).replace(
        "<div class='page'>", "<div class='sticky-footer'><div class='page'>"
    )
    html = html.replace("<footer>", "</div><footer>")
    text = kept_text(html)
    assert all(f in text for f in FEATURES)


def test_product_page_navigation_still_goes() -> None:
    assert reason_of(clean(product_page()), "Accueil") == "inside <nav>"


def test_a_short_standfirst_above_an_article_does_not_join_it() -> None:
    # a headline block holding only a short standfirst is the article's header, not a product's
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (
        "<html><head><title>Un été de grillades</title></head><body><div class='wrap'>"
        "<div class='hero'><h1>Un été de grillades</h1><p class='sub'>Nos conseils pour la saison.</p></div>"
        f"<div class='article-body'>{paras}</div></div></body></html>"
    )
    assert reason_of(clean(html), "Nos conseils") == "outside the main text"


# -- a shop's category page: item titles in "title" elements are no bylines ----------------------

ITEMS = ["Tienda de campaña Sierra 2", "Saco de dormir Nevada -5", "Esterilla Roca autohinchable"]


def category_page() -> str:
    cards = "".join(
        f"<li class='product-card'><h3 class='product-title'><a href='/p/{i}'>{name}</a></h3>"
        f"<p class='product-price'>{99 + i * 20},95 €</p></li>"
        for i, name in enumerate(ITEMS)
    )
    return (
        "<!DOCTYPE html><html lang='es'><head><title>Acampada</title></head><body>"
        f"<main><h1>Acampada</h1><ul class='product-grid'>{cards}</ul></main></body></html>"
    )


def test_item_titles_of_a_category_page_are_kept() -> None:
    text = kept_text(category_page())
    assert all(name in text for name in ITEMS)


def test_a_short_dateline_under_a_date_class_still_goes() -> None:
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (
        "<html><head><title>Grillades</title></head><body><article><h1>Grillades</h1>"
        f"<div class='date'>12 mai 2026</div>{paras}</article></body></html>"
    )
    assert reason_of(clean(html), "12 mai 2026") is not None


# -- broken markup: a <nav> left open around the whole page ---------------------------------------

RIVER = [
    "Северные реки замерзают на пять месяцев в году, и города на их берегах привыкли жить со "
    "льдом: когда протоки закрываются, грузы везут на санях.",
    "Весной лёд сходит внезапно, и уже через неделю возвращаются паромы с лесом, топливом и "
    "первыми свежими овощами для деревень вверх по течению.",
]


def test_text_inside_an_unclosed_nav_is_kept() -> None:
    paras = "".join(f"<p>{p}</p>" for p in RIVER)
    html = (
        "<!DOCTYPE html><html lang='ru'><head><title>Реки севера</title></head><body>"
        "<nav><ul><li><a href='/'>Главная</a></li><li><a href='/news'>Новости</a></li></ul>"
        f"<div class='page'><h1>Реки севера</h1>{paras}</div></body></html>"
    )
    doc = clean(html)
    assert kept(doc) == RIVER
    assert reason_of(doc, "Главная") is not None


def test_a_footer_holding_most_of_the_page_is_still_a_footer() -> None:
    legal = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (
        "<html><head><title>Offre</title></head><body><main><h1>Offre</h1>"
        "<p>Un barbecue offert pour toute commande passée avant la fin du mois de juin.</p></main>"
        f"<footer>{legal}</footer></body></html>"
    )
    assert reason_of(clean(html), DESCRIPTION[0][:30]) == "inside <footer>"


# -- weak anti-content names on elements holding a page of text -----------------------------------


def test_a_header_class_around_a_long_text_does_not_drop_it() -> None:
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION + DESCRIPTION[:2])
    html = (
        "<html><head><title>Guide</title></head><body><main><h1>Guide</h1>"
        f"<div class='intro-header'>{paras}</div></main></body></html>"
    )
    assert DESCRIPTION[2] in kept_text(html)


def test_a_header_class_around_a_short_line_still_drops_it() -> None:
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (
        "<html><head><title>Guide</title></head><body><main><h1>Guide</h1>"
        f"<div class='section-header'><span>Retour au sommaire</span></div>{paras}</main></body></html>"
    )
    assert reason_of(clean(html), "Retour au sommaire") is not None


# -- customer reviews under a product --------------------------------------------------------------


def test_customer_reviews_under_a_product_go() -> None:
    reviews = (
        "<section class='product-reviews'><h2>Avis clients</h2>"
        "<div class='review-item'><p>Très bon barbecue, solide et facile à monter, je recommande "
        "à tous ceux qui reçoivent souvent en été.</p></div></section>"
    )
    html = product_page().replace("<footer>", f"{reviews}<footer>")
    assert reason_of(clean(html), "Très bon barbecue") == "class 'product-reviews'"


def test_a_review_article_is_kept() -> None:
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (
        "<html><head><title>Essai du Tremont 57</title></head><body>"
        f"<article class='review'><h1>Essai du Tremont 57</h1><div class='review-body'>{paras}</div>"
        "</article></body></html>"
    )
    assert kept(clean(html)) == DESCRIPTION


# -- a link-sharing thread: the comments are the page ---------------------------------------------

REPLIES = [
    "Lo probé la semana pasada en un proyecto pequeño, y la compilación incremental es mucho más "
    "rápida que antes, aunque el primer arranque sigue siendo lento.",
    "A mí me preocupa más la memoria que la velocidad: con tres servicios abiertos, el portátil se "
    "queda sin margen, y eso no lo arregla ninguna caché.",
    "¿Alguien sabe si la opción nueva funciona también en Windows, o solo en Linux y macOS por ahora?",
]

LONG_REPLY = [
    "He leído el anuncio entero, y lo que más me llama la atención es el cambio en la caché, que "
    "ahora se guarda por módulo, por perfil y por versión del compilador, no por proyecto.",
    "Eso significa que, si tienes varios proyectos con las mismas dependencias, las compilas una "
    "vez, las guardas en disco, y las reutilizas en todos, incluso entre ramas distintas.",
    "Por otro lado, el espacio en disco crece bastante, y no hay todavía una orden para limpiar, "
    "ordenar o limitar la caché, así que habrá que borrarla a mano de vez en cuando.",
    "En mi equipo, con un disco pequeño, ya ocupa varios gigas, y eso que solo llevo dos semanas, "
    "tres proyectos y un par de actualizaciones del compilador.",
    "Aun así, creo que vale la pena, porque el tiempo que se ahorra en cada cambio pequeño, en "
    "cada prueba y en cada revisión se nota mucho a lo largo del día.",
]


def test_comments_of_a_thread_whose_best_prose_is_a_comment_are_all_kept() -> None:
    # one long reply, as threads have: the best run of prose on the page is a comment
    long_reply = "".join(f"<p>{p}</p>" for p in LONG_REPLY)
    replies = f"<div class='comment'><div class='comment_text'>{long_reply}</div></div>" + "".join(
        f"<div class='comment'><div class='byline'><a href='/u/{i}'>usuario{i}</a></div>"
        f"<div class='comment_text'><p>{text}</p></div></div>"
        for i, text in enumerate(REPLIES)
    )
    html = (
        "<!DOCTYPE html><html lang='es'><head><title>Compilador más rápido</title></head><body>"
        "<nav><a href='/'>Inicio</a> <a href='/recent'>Recientes</a></nav>"
        "<div id='inside'><h1><a href='https://example.org/post'>Compilador más rápido</a></h1>"
        f"<div class='comments'>{replies}</div></div></body></html>"
    )
    text = kept_text(html)
    assert all(reply in text for reply in REPLIES + LONG_REPLY)


def test_posts_as_bare_article_elements_in_two_containers_are_all_kept() -> None:
    # a thread whose first posts and later posts are loaded into different containers
    first = "".join(f"<p>{p}</p>" for p in LONG_REPLY)
    later = "".join(f"<article><h3>usuario{i}</h3><p>{text}</p></article>" for i, text in enumerate(REPLIES))
    html = (
        "<!DOCTYPE html><html lang='es'><head><title>Caché nueva</title></head><body><main>"
        f"<h1>Caché nueva</h1><div class='posts'><article><h3>autor</h3>{first}</article></div>"
        f"<div class='more-posts'>{later}</div></main></body></html>"
    )
    text = kept_text(html)
    assert all(reply in text for reply in REPLIES)
