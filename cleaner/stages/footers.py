"""Footers and prompts: comment policies, newsletters, paywalls, cookies, legal lines, labels."""

from __future__ import annotations

from ..document import Block
from ..patterns import phrase_set
from ..protect import is_protected
from ..stage import LineFilter, register

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
}
_CONCEPTS = tuple(REASONS)
#: Prompts of these concepts are shorter than most: a longer line that merely starts
#: with "©" or "Photo:" is likely a caption or body text run into the credit.
SHORT_PROMPT_WORDS: dict[str, int] = {"copyright": 15, "photo_credit": 15}


@register
class Footers(LineFilter):
    """Drop comment-policy, feedback, newsletter, paywall, cookie and legal lines, and page labels.

    A line goes when it *is* such a prompt: the whole line is a known phrase
    (``Advertisement``, ``Related articles``, ``Foto: dpa``), or it opens with
    one and is short (``Sign up for our newsletter to get …``).

    **Removes:** ``Please check our commenting policy. If you have questions …``
    **Keeps:** ``The court ruled that the cookie banner violated EU law.``
    """

    name = "footers"

    _phrases = phrase_set(*_CONCEPTS)

    def reason(self, block: Block) -> str | None:
        hit = self._phrases.find(block.text)
        if hit is None or is_protected(block.text, self.options):
            return None
        limit = SHORT_PROMPT_WORDS.get(hit.concept)
        if limit is not None and hit.kind != "whole" and len(block.text.split()) > limit:
            return None
        return REASONS[hit.concept]
