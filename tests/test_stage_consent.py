"""The consent stage: a cookie notice behind a short label or close button goes; sentences stay."""

from __future__ import annotations

import pytest

from .conftest import kept, removed, run_stages

INTRO = (
    "The city council approved the new budget on Tuesday after a long debate about "
    "the cost of repairing the old bridge over the river."
)


@pytest.mark.parametrize(
    "line",
    [
        "Privacy Overview This website uses cookies to improve your experience while you browse, "
        "and some of them are stored in your browser because they are needed for the site to work.",
        "Your ChoicesThis website uses cookies to improve your experience. You can opt out at any time.",
        "‹ › × We use cookies to give you the best experience on our site.",
        "Datenschutz Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
        "Vos choixNous utilisons des cookies pour améliorer votre expérience sur notre site.",
        "× Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Настройки Мы используем файлы cookie, чтобы сайт работал лучше.",
    ],
)
def test_a_cookie_notice_after_a_short_label_is_removed(line: str) -> None:
    doc = run_stages([INTRO, line], "consent")
    assert removed(doc, "consent") == [line]


@pytest.mark.parametrize(
    "line",
    [
        # a sentence's words before the prompt, not a label
        "He said: we use cookies only to count visits, nothing more.",
        "The court ruled last year that this website uses cookies without asking its readers first.",
        "Der Richter stellte fest, diese Website verwendet Cookies ohne Einwilligung.",
        # cookies the food
        "Cookies and cream is the best-selling flavour of the summer.",
        "Grandma Bakes We use cookie cutters shaped like stars for the holiday batch.",
    ],
)
def test_sentences_about_cookies_are_kept(line: str) -> None:
    doc = run_stages([INTRO, line], "consent")
    assert line in kept(doc)
