"""The user's own rules: drop phrases and drop patterns from the options or config file."""

from __future__ import annotations

from functools import cached_property

import regex

from ..document import Block, Document
from ..errors import ConfigError
from ..protect import is_protected
from ..stage import LineFilter, register

BAD_PATTERN = "drop pattern {pattern!r} is not a valid regular expression ({why})"


@register
class UserRules(LineFilter):
    """Drop lines holding one of your drop phrases (any case) or matching one of your drop patterns.

    **Removes:** ``Sponsored by Acme Corp`` when ``drop_phrases = ["sponsored by acme"]``
    **Keeps:** ``Acme Corp sponsored the local team.`` (the phrase is not in it)
    """

    name = "user-rules"

    @cached_property
    def _phrases(self) -> tuple[tuple[str, str], ...]:
        return tuple((p.casefold(), p) for p in self.options.drop_phrases if p)

    @cached_property
    def _patterns(self) -> tuple[regex.Pattern[str], ...]:
        compiled = []
        for pattern in self.options.drop_patterns:
            try:
                compiled.append(regex.compile(pattern, regex.V0))
            except regex.error as exc:
                raise ConfigError(BAD_PATTERN.format(pattern=pattern, why=exc)) from None
        return tuple(compiled)

    def run(self, doc: Document) -> Document:
        if not self.options.drop_phrases and not self.options.drop_patterns:
            return doc
        return super().run(doc)

    def reason(self, block: Block) -> str | None:
        text = block.text
        why: str | None = None
        if self._phrases:
            folded = text.casefold()
            for key, phrase in self._phrases:
                if key in folded:
                    why = f"matches your drop phrase '{phrase}'"
                    break
        if why is None:
            for pattern in self._patterns:
                if pattern.search(text) is not None:
                    why = f"matches your drop pattern '{pattern.pattern}'"
                    break
        if why is None or is_protected(text, self.options):
            return None
        return why
