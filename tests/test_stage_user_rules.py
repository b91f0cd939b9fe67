"""The user-rules stage applies the user's drop phrases and patterns; protected phrases win."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.errors import ConfigError
from cleaner.protect import is_protected
from cleaner.stages.user_rules import UserRules

from .conftest import kept


def run(lines: list[str], **options: tuple[str, ...]) -> Document:
    return UserRules(Options(**options)).run(Document.from_lines(lines))  # type: ignore[arg-type]


def reasons(doc: Document) -> list[str]:
    return [b.removal.reason for b in doc.removals() if b.removal]


def test_drop_phrase_removes_line_in_any_case() -> None:
    doc = run(["Sponsored by ACME Corp", "The match ended 2-1."], drop_phrases=("sponsored by acme",))
    assert kept(doc) == ["The match ended 2-1."]
    assert reasons(doc) == ["matches your drop phrase 'sponsored by acme'"]


def test_drop_phrase_keeps_lines_without_it() -> None:
    doc = run(["Acme Corp sponsored the local team."], drop_phrases=("sponsored by acme",))
    assert kept(doc) == ["Acme Corp sponsored the local team."]


def test_drop_pattern_removes_matching_line() -> None:
    doc = run(["Ref. 2024/118-B", "Body text."], drop_patterns=(r"^Ref\. \d{4}/",))
    assert kept(doc) == ["Body text."]
    assert reasons(doc) == [r"matches your drop pattern '^Ref\. \d{4}/'"]


def test_protected_phrase_beats_drop_phrase() -> None:
    line = "Sponsored by Acme: our annual report"
    doc = run([line], drop_phrases=("sponsored",), protect_phrases=("annual",))
    assert kept(doc) == ["Sponsored by Acme: our annual report"]


def test_no_rules_returns_the_same_document() -> None:
    doc = Document.from_lines(["a", "b"])
    assert UserRules(Options()).run(doc) is doc


def test_invalid_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="not a valid regular expression"):
        run(["x"], drop_patterns=("(unclosed",))


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        ("Read the REPORT here", ("report",), True),
        ("Nothing to see", ("report",), False),
        ("Anything", (), False),
        ("Straße gesperrt", ("STRASSE",), True),
    ],
)
def test_is_protected(text: str, phrases: tuple[str, ...], expected: bool) -> None:
    assert is_protected(text, Options(protect_phrases=phrases)) is expected
