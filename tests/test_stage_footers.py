"""The footers stage drops prompts and labels and keeps body sentences on the same topics."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.footers import Footers

from .conftest import kept, run_stages


def reasons(line: str) -> list[str]:
    doc = run_stages([line], "footers")
    return [b.removal.reason for b in doc.removals() if b.removal]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Please check our commenting policy. If you have questions or suggestions feel free "
            "to send them to letters@example.org.",
            "comment-policy footer",
        ),
        ("Comments (12)", "comment-policy footer"),
        ("Posted in Gardening | 3 Comments", "comment-policy footer"),
        ("Veröffentlicht in Lokales | 12 Kommentare", "comment-policy footer"),
        ("Leave a reply", "comment-policy footer"),
        ("Kommentare", "comment-policy footer"),
        ("Laisser un commentaire", "comment-policy footer"),
        ("Deja un comentario", "comment-policy footer"),
        ("Оставить комментарий", "comment-policy footer"),
        ("Was this article helpful?", "feedback prompt"),
        ("Нашли опечатку? Выделите её и нажмите Ctrl+Enter", "feedback prompt"),
        ("Sign up for our newsletter to get the best stories every morning.", "newsletter sign-up"),
        ("Enter your email address", "newsletter sign-up"),
        ("Abonnieren Sie unseren Newsletter und verpassen Sie nichts.", "newsletter sign-up"),
        ("Inscrivez-vous à notre newsletter", "newsletter sign-up"),
        ("Suscríbete a nuestro boletín", "newsletter sign-up"),
        ("Подпишитесь на нашу рассылку", "newsletter sign-up"),
        ("Subscribe to continue reading", "subscription prompt"),
        ("Already a subscriber? Log in", "subscription prompt"),
        ("Déjà abonné ? Connectez-vous", "subscription prompt"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("Accept all cookies", "cookie notice"),
        ("Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten.", "cookie notice"),
        ("Ce site utilise des cookies.", "cookie notice"),
        ("© 2026 Example Media Ltd. All rights reserved.", "copyright or legal notice"),
        ("Copyright 2025 The Daily Example", "copyright or legal notice"),
        ("Privacy Policy", "copyright or legal notice"),
        ("Alle Rechte vorbehalten", "copyright or legal notice"),
        ("Mentions légales", "copyright or legal notice"),
        ("Все права защищены", "copyright or legal notice"),
        ("Read more", "read-more/related label"),
        ("Related articles", "read-more/related label"),
        ("Most popular", "read-more/related label"),
        ("Lesen Sie auch: Der neue Haushalt steht", "read-more/related label"),
        ("Lire aussi : la réforme des retraites", "read-more/related label"),
        ("Читайте также: Итоги года", "read-more/related label"),
        ("Advertisement", "advertisement label"),
        ("Anzeige", "advertisement label"),
        ("Publicité", "advertisement label"),
        ("Publicidad", "advertisement label"),
        ("Реклама", "advertisement label"),
        ("Story continues below advertisement", "advertisement label"),
        ("Sponsor Message", "advertisement label"),
        ("A message from our sponsors", "advertisement label"),
        ("Photo: Reuters", "photo credit"),
        ("Foto: dpa", "photo credit"),
        ("Getty Images", "photo credit"),
        ("Protesters outside parliament on Monday. Jane Doe/AFP", "photo credit"),
    ],
)
def test_footer_line_removed_with_reason(line: str, reason: str) -> None:
    assert reasons(line) == [reason]


@pytest.mark.parametrize(
    "line",
    [
        "The court ruled that the cookie banner violated EU law.",
        "Newsletters have become a lucrative business for independent writers.",
        "Copyright law in the EU was reformed in 2019, the court noted.",
        "More than 100 people were evacuated, officials said.",
        "Related parties must disclose the transactions, the regulator said.",
        "Photographers from Reuters and AFP were at the scene.",
        "Read the full report before the vote, the senator urged.",
        "Comments from the minister drew criticism on Tuesday.",
        "The petition drew 3 comments in its first week, the clerk said.",
        "Das Gericht entschied, dass der Cookie-Banner gegen EU-Recht verstößt.",
        "Plus de 100 personnes ont été évacuées, selon la préfecture.",
        "Más de 100 personas fueron evacuadas, según las autoridades.",
        "Реклама на телевидении подорожала на 20% за год, сообщили аналитики.",
        "Advertising revenue fell 12% in the quarter, the company reported on Thursday.",
        "The sponsor message aired twice an hour, the station said.",
    ],
)
def test_body_sentence_on_footer_topic_kept(line: str) -> None:
    assert kept(run_stages([line], "footers")) == [line]


def test_long_line_opening_with_a_prompt_is_left_to_the_content_stage() -> None:
    line = "Sign up for our newsletter " + "and read on about the many ways the city changed " * 4
    assert kept(run_stages([line], "footers")) == [line.strip()]


def test_protected_footer_line_kept() -> None:
    doc = Document.from_lines(["Advertisement"])
    out = Footers(Options(protect_phrases=("advertisement",))).run(doc)
    assert kept(out) == ["Advertisement"]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the Morning Courier newsletter and never miss a story.",
        "Get our privacy newsletter: one email every Thursday.",
        "Abonnez-vous à notre lettre d'information quotidienne.",
        "Suscríbete gratis a nuestro boletín semanal.",
    ],
)
def test_newsletter_prompt_with_words_in_between_removed(line: str) -> None:
    assert reasons(line) == ["newsletter sign-up"]


def test_prompt_start_without_its_topic_kept() -> None:
    line = "Sign up for the marathon closes on Friday, organisers said."
    assert kept(run_stages([line], "footers")) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Questions about this story? Email the data desk.",
        "Haben Sie ebenfalls Probleme mit der Wiedergabe? Schreiben Sie uns.",
        "¿Tienes alguna sugerencia? Escríbenos a la redacción.",
    ],
)
def test_feedback_prompt_removed(line: str) -> None:
    assert reasons(line) == ["feedback prompt"]


def test_credit_run_into_body_text_kept() -> None:
    line = (
        "© Example PhotosThe symptoms came on quickly. First it was hard to breathe, then dizzy spells "
        "followed any amount of exertion, and the doctors could not say why."
    )
    assert kept(run_stages([line], "footers")) == [line]


# Long notices: a whole paragraph that opens with the prompt still goes.
_LONG_TAIL = (
    " Some of them are necessary for the site to work, others help us to understand how visitors use "
    "the pages, which articles they read and which offers they might like to see next time."
)


@pytest.mark.parametrize(
    "opening",
    [
        "This website uses cookies to give you the best experience on our pages.",
        "Diese Website verwendet Cookies, damit Sie unsere Seiten gut nutzen können.",
        "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Мы используем файлы cookie, чтобы сайт работал лучше для вас.",
    ],
)
def test_long_cookie_essay_is_dropped_as_cookie_notice(opening: str) -> None:
    assert reasons(opening + _LONG_TAIL) == ["cookie notice"]


def test_long_body_sentence_mentioning_cookies_later_is_kept() -> None:
    line = "The regulator found that the shop's website uses cookies without consent." + _LONG_TAIL
    assert reasons(line) == []


def test_long_legal_footer_opening_with_copyright_and_reserving_rights_is_dropped() -> None:
    line = (
        "© 2031 Harbour Gazette Media Ltd. All rights reserved. The Harbour Gazette is a registered "
        "trademark; material on these pages may not be copied or reproduced without written consent."
    )
    assert reasons(line) == ["copyright or legal notice"]


def test_long_caption_opening_with_copyright_sign_is_kept() -> None:
    line = (
        "© Harbour Photo Agency The ferry leaves the old pier at dawn, watched by a few early walkers "
        "and the fishermen who have been waiting for the new timetable since the summer began."
    )
    assert reasons(line) == []


def test_template_placeholder_text_is_removed_however_long() -> None:
    line = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
        "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
        "laboris nisi ut aliquip ex ea commodo consequat."
    )
    assert reasons(line) == ["placeholder text of the page's template"]


def test_sentence_about_placeholder_text_is_kept() -> None:
    line = "Designers have filled empty layouts with lorem ipsum since the days of dry-transfer sheets."
    assert reasons(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "You are commenting using your Example Blogs account. ( Log Out / Change )",
        "Please log in using one of these methods to post your comment:",
        "Du kommentierst mit deinem Example-Konto. ( Abmelden / Ändern )",
        "Estás comentando usando tu cuenta de Example. ( Cerrar sesión / Cambiar )",
    ],
)
def test_blog_comment_form_sign_in_line_removed(line: str) -> None:
    assert reasons(line) == ["comment-policy footer"]


def test_sentence_about_commenting_through_an_account_kept() -> None:
    line = "You are commenting using a new argument, my friend, and it convinces nobody on this thread."
    assert kept(run_stages([line], "footers")) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "If you enjoyed this article, please consider joining our members' club for more.",
        "Wenn Ihnen dieser Artikel gefallen hat, unterstützen Sie unsere Redaktion.",
        "Si te ha gustado este artículo, suscríbete a nuestro boletín semanal.",
        "Our podcast host looks at the week in politics every Friday. Click to subscribe!",
    ],
)
def test_thanks_for_reading_prompt_removed(line: str) -> None:
    assert reasons(line) == ["newsletter sign-up"]


def test_sentence_about_enjoying_something_else_kept() -> None:
    line = "If you enjoyed the concert, you will love the album, which comes out in May on a small label."
    assert kept(run_stages([line], "footers")) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Opinions expressed by Example Network contributors are their own.",
        "The views expressed in this article are those of the author alone.",
        "Las opiniones expresadas en esta columna son responsabilidad exclusiva de su autor.",
        "This document is subject to copyright. Apart from any fair dealing for the purpose of "
        "private study or research, no part may be reproduced without the written permission. "
        "The content is provided for information purposes only.",
    ],
)
def test_disclaimer_removed(line: str) -> None:
    assert reasons(line) == ["copyright or legal notice"]


def test_sentence_about_opinions_expressed_kept() -> None:
    line = "Opinions expressed by voters at the meeting were mixed, and the council will decide next month."
    assert kept(run_stages([line], "footers")) == [line]
