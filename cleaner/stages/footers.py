"""Footers and prompts: comment policies, newsletters, paywalls, cookies, legal lines, labels, dummy text."""

from __future__ import annotations

from ..patterns import PROMPT_MAX_WORDS, phrase_set
from ..stage import TextFilter, register

#: The lexicon concepts this stage matches, and the reason it gives for each.
REASONS: dict[str, str] = {
    "comment_policy": "comment-policy footer",
    "feedback": "feedback prompt",
    "newsletter": "newsletter sign-up",
    "paywall": "subscription prompt",
    "cookie": "cookie notice",
    "copyright": "copyright or legal notice",
    "related": "read-more/related label",
    "ad_label": "advertisement label",
    "photo_credit": "photo credit",
    "placeholder": "placeholder text of the page's template",
}
_CONCEPTS = tuple(REASONS)
#: Prompts of these concepts are shorter than most: a longer line that merely starts
#: with "©" or "Photo:" is likely a caption or body text run into the credit.
SHORT_PROMPT_WORDS: dict[str, int] = {"copyright": 15, "photo_credit": 15}
#: Notices that run on for a paragraph (a cookie essay, a comment policy, a legal footer)
#: still go when they open with the concept's prompt; a body sentence seldom does.
LONG_NOTICE_CONCEPTS: tuple[str, ...] = ("cookie", "comment_policy", "copyright", "placeholder")
#: How many leading words of a long line are matched against the prompts.
LONG_NOTICE_HEAD_WORDS = 12
assert LONG_NOTICE_HEAD_WORDS <= PROMPT_MAX_WORDS, "the head is taken from a split cut after the limit"
#: A long line opening with a copyright prompt goes only with a second legal phrase
#: within this many words (``All rights reserved``): ``© Reuters`` may open a caption.
LEGAL_WINDOW_WORDS = 8


@register
class Footers(TextFilter):
    """Drop comment-policy, feedback, newsletter, paywall, cookie and legal lines, and page labels.

    A line goes when it *is* such a prompt: the whole line is a known phrase
    (``Advertisement``, ``Related articles``, ``Foto: dpa``), or it opens with
    one and is short (``Sign up for our newsletter to get …``).

    **Removes:** ``Please check our commenting policy. If you have questions …``
    **Keeps:** ``The court ruled that the cookie banner violated EU law.``
    """

    name = "footers"

    _phrases = phrase_set(*_CONCEPTS)
    _long = phrase_set(*LONG_NOTICE_CONCEPTS)
    _legal = phrase_set("copyright")

    def verdict(self, text: str) -> str | None:
        """Why the line is a footer or prompt, whatever the user protects (it depends on the text alone)."""
        hit = self._phrases.find(text)
        if hit is None:
            concept = self._long_notice(text)
            return None if concept is None else REASONS[concept]
        limit = SHORT_PROMPT_WORDS.get(hit.concept)
        if limit is not None and hit.kind != "whole" and len(text.split()) > limit:
            return None
        return REASONS[hit.concept]

    def _long_notice(self, text: str) -> str | None:
        """The concept of a notice longer than a prompt that opens with one of its prompts."""
        # The words up to one past the prompt's limit (a long paragraph is not split through):
        # as many as the whole split has when it has no more than the limit.
        words = text.split(None, PROMPT_MAX_WORDS)
        if len(words) <= PROMPT_MAX_WORDS:
            return None
        hit = self._long.find(" ".join(words[:LONG_NOTICE_HEAD_WORDS]))
        if hit is None or hit.kind != "prefix":
            return None
        if hit.concept == "copyright" and not self._second_legal_phrase(text.split()):
            return None
        return hit.concept

    def _second_legal_phrase(self, words: list[str]) -> bool:
        """A copyright phrase inside the line, past its opening (``… All rights reserved …``)."""
        for start in range(1, min(len(words), 3 * LEGAL_WINDOW_WORDS)):
            hit = self._legal.find(" ".join(words[start : start + LEGAL_WINDOW_WORDS]))
            if hit is not None:
                return True
        return False
