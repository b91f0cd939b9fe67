"""Script notices: what a page's software prints to the reader, not about the page's subject.

Forum software and web apps print notices for readers whose browser runs no
scripts or is old: ``JavaScript is disabled. For a better experience, please
enable JavaScript in your browser before proceeding.``, ``You are using an out of
date browser. It may not display this or other websites correctly.``, ``Du
verwendest einen veralteten Browser`` (the ``browser_notice`` lexicon). Site
builders print a form's status messages beside it, hidden until the form is
sent: ``Thank you! Your submission has been received!``, ``Oops! Something went
wrong while submitting the form.`` (the ``form_status`` lexicon). Forums and shops
print their account prompts beside the content: ``Already have an account? Log in``,
``Create your account and connect with …``, ``Continue with Email``, ``Noch kein
Konto?`` (the ``account_prompt`` lexicon), and the fine print under a sign-up
form: a line opening as such (``By submitting your email``, ``Mit der Anmeldung``:
the ``form_fine_print`` lexicon) that then consents (``you agree``: the
``consent_word`` lexicon). A text dump
keeps them all, worded the same on every page of every site running that
software. A line goes when it is such a notice, or a short line opening with one.
"""

from __future__ import annotations

from .. import lexicon
from ..patterns import phrase_set
from ..stage import TextFilter, register

BROWSER = "notice about the reader's browser"
FORM = "form status message"
ACCOUNT = "sign-in or sign-up prompt"
FINE_PRINT = "fine print under a sign-up form"

_BROWSER = phrase_set("browser_notice")
_FORM = phrase_set("form_status")
_ACCOUNT = phrase_set("account_prompt")


def is_fine_print(text: str) -> bool:
    """``By submitting your email, you agree to our Privacy Policy``: a form's opener, then consent."""
    folded = text.casefold()
    if not folded.startswith(lexicon.folded("form_fine_print")):
        return False
    consent = lexicon.folded_set("consent_word")
    return any(w.strip(".,;:!?()") in consent for w in folded.split())


@register
class Notices(TextFilter):
    """Drop the page software's notices: ``JavaScript is disabled …``, ``Your submission has been received``.

    **Removes:** ``JavaScript is disabled. For a better experience, please enable JavaScript in your browser
    before proceeding.``, ``Sie verwenden einen veralteten Browser.``, ``Oops! Something went wrong while
    submitting the form.``, ``Already have an account? Log in`` and
    ``By subscribing, you agree to our Terms.``
    **Keeps:** ``When JavaScript is disabled, the form still posts, because the server renders every page.``
    (a sentence about scripts, not a notice to the reader), and ``If you already have an account with
    your bank, have its number ready when you call, because the adviser will ask for it before anything
    else.`` (a long sentence).
    """

    name = "notices"

    def verdict(self, text: str) -> str | None:
        text = text.strip()
        if _BROWSER.find(text) is not None:
            return BROWSER
        if _FORM.find(text) is not None:
            return FORM
        if _ACCOUNT.find(text) is not None:
            return ACCOUNT
        return FINE_PRINT if is_fine_print(text) else None
