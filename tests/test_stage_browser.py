"""The browser stage: notices about the reader's browser go; sentences about browsers and scripts stay."""

from __future__ import annotations

import pytest

from .conftest import kept, removed, run_stages

BODY = [
    "The allotment society met on Tuesday to share out the spring seed order.",
    "Members voted to plant more beans and fewer courgettes than last year.",
]


@pytest.mark.parametrize(
    "notice",
    [
        "JavaScript is disabled. For a better experience, please enable JavaScript in your browser first.",
        "You are using an out of date browser. It may not show this page as it should.",
        "You should upgrade or use an alternative browser.",
        "Sie verwenden einen veralteten Browser. Einige Inhalte werden falsch angezeigt.",
        "Vous utilisez un navigateur obsolète, certaines pages peuvent mal s'afficher.",
        "Estás usando un navegador obsoleto y algunas funciones no van.",
        "Вы используете устаревший браузер, сайт может работать неправильно.",
    ],
)
def test_browser_notice_is_removed(notice: str) -> None:
    assert notice in removed(run_stages([notice, *BODY], "browser"), "browser")


@pytest.mark.parametrize(
    "sentence",
    [
        "When JavaScript is disabled, the form still posts, because the server renders every page.",
        "Our survey found that one reader in ten uses an out of date browser at work.",
        "Browser",
    ],
)
def test_sentence_about_browsers_is_kept(sentence: str) -> None:
    lines = [BODY[0], sentence, BODY[1]]
    assert kept(run_stages(lines, "browser")) == lines
