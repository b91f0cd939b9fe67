"""The notices stage: browser notices and form status messages go; sentences about them stay."""

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
        "Your browser does not support the video tag.",
        "Sorry, your browser doesn't support embedded videos.",
        "This site is best viewed in a current browser with scripts turned on.",
        "Ihr Browser unterstützt das Audio-Element nicht.",
        "Votre navigateur ne prend pas en charge la lecture de vidéos.",
        "Tu navegador no admite el elemento de vídeo.",
        "Ваш браузер не поддерживает воспроизведение видео.",
    ],
)
def test_browser_notice_is_removed(notice: str) -> None:
    assert notice in removed(run_stages([notice, *BODY], "notices"), "notices")


@pytest.mark.parametrize(
    "sentence",
    [
        "When JavaScript is disabled, the form still posts, because the server renders every page.",
        "Our survey found that one reader in ten uses an out of date browser at work.",
        "If your browser does not support the new format, the site sends the older one instead.",
        "Your browser does not support every font on this page, the designers found when they tested "
        "the new layout on old laptops, so they kept two simple ones as a fallback for everybody.",
        "Browser",
    ],
)
def test_sentence_about_browsers_is_kept(sentence: str) -> None:
    lines = [BODY[0], sentence, BODY[1]]
    assert kept(run_stages(lines, "notices")) == lines


@pytest.mark.parametrize(
    "message",
    [
        "Thank you! Your submission has been received!",
        "Oops! Something went wrong while submitting the form.",
        "Hoppla! Beim Absenden des Formulars ist ein Fehler aufgetreten.",
        "Oups ! Une erreur s'est produite lors de l'envoi du formulaire.",
        "You've been successfully signed up!",
        "Sie haben sich erfolgreich angemeldet.",
        "Vous êtes bien inscrit.",
        "¡Gracias por registrarte!",
        "Спасибо за регистрацию!",
    ],
)
def test_form_status_message_is_removed(message: str) -> None:
    assert message in removed(run_stages([*BODY, message], "notices"), "notices")


def test_sentence_about_a_subscription_is_kept() -> None:
    sentence = "You are now subscribed to the county's alert list, which sends warnings by text message."
    lines = [BODY[0], sentence, BODY[1]]
    assert kept(run_stages(lines, "notices")) == lines


def test_sentence_about_a_submission_is_kept() -> None:
    sentence = "The council said every submission has been received and will be read before the vote in May."
    lines = [BODY[0], sentence, BODY[1]]
    assert kept(run_stages(lines, "notices")) == lines


@pytest.mark.parametrize(
    "prompt",
    [
        "Already have an account? Log in",
        "Create your account and join the conversation with other gardeners.",
        "Continue with Email",
        "Sign up for a new account in our community. It only takes a minute!",
        "Noch kein Konto? Jetzt registrieren",
        "Vous avez déjà un compte ? Connectez-vous",
        "¿No tienes cuenta? Regístrate gratis",
        "Уже есть аккаунт? Войти",
    ],
)
def test_account_prompt_is_removed(prompt: str) -> None:
    assert prompt in removed(run_stages([prompt, *BODY], "notices"), "notices")


@pytest.mark.parametrize(
    "sentence",
    [
        "If you already have an account with your bank, have its number ready when you call, because the "
        "adviser will ask for it before anything else and the call is shorter that way.",
        "Create an account on the society's website to book a plot for next season.",
    ],
)
def test_sentence_about_accounts_is_kept(sentence: str) -> None:
    assert sentence in kept(run_stages([BODY[0], sentence, BODY[1]], "notices"))


@pytest.mark.parametrize(
    "line",
    [
        "By submitting your email, you agree to our Terms of Use and Privacy Policy.",
        "By signing up you consent to receive our weekly letter; unsubscribe at any time.",
        "Mit der Anmeldung stimmen Sie unserer Datenschutzerklärung zu.",
        "En vous inscrivant, vous acceptez notre politique de confidentialité.",
        "Al suscribirte, aceptas nuestra política de privacidad.",
        "Подписываясь, вы соглашаетесь с политикой конфиденциальности.",
    ],
)
def test_fine_print_under_a_form_is_removed(line: str) -> None:
    assert line in removed(run_stages([*BODY, line], "notices"), "notices")


def test_sentence_opening_like_fine_print_without_consent_is_kept() -> None:
    line = "By signing up early, members got the sunniest plots by the east gate."
    assert line in kept(run_stages([BODY[0], line, BODY[1]], "notices"))
