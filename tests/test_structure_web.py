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
