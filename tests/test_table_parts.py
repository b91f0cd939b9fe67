"""Big tables kept in parts answer lookups as the whole table would, unmarshalling only what is asked."""

from __future__ import annotations

from cleaner import lexicon
from cleaner.patterns import Starts


def test_packed_dict_answers_get_as_the_dict() -> None:
    table = {"sign in": ("navigation",), "share": ("share",), "si": ("other",), "ключ": ("ru",)}
    parts: lexicon.Parts[tuple[str, ...]] = lexicon.Parts(lexicon.pack(table))
    for key, value in table.items():
        assert parts.get(key, ()) == value
    assert parts.get("sign up", ()) == ()
    assert parts.get("", ()) == ()


def test_packed_set_answers_in_as_the_set() -> None:
    words = {"home", "news", "h", "über", "新闻"}
    parts: lexicon.Parts[None] = lexicon.Parts(lexicon.pack(words))
    assert all(word in parts for word in words)
    assert "homes" not in parts
    assert "" not in parts
    assert 3 not in parts


def test_only_the_parts_looked_in_are_unmarshalled() -> None:
    table = {"apple": 1, "banana": 2, "cherry": 3}
    parts: lexicon.Parts[int] = lexicon.Parts(lexicon.pack(table))
    assert parts.get("banana", 0) == 2
    assert list(parts._parts) == ["ba"]


def test_unpacked_gives_the_whole_table_back() -> None:
    table = {f"key {n}": n for n in range(50)}
    assert lexicon.Parts(lexicon.pack(table)).unpacked() == table
    words = frozenset(table)
    assert lexicon.Parts(lexicon.pack(words)).unpacked() == words


def test_empty_table_is_false_and_finds_nothing() -> None:
    parts: lexicon.Parts[int] = lexicon.Parts(lexicon.pack({}))
    assert not parts
    assert parts.get("x", 0) == 0
    assert lexicon.Parts(lexicon.pack({"x": 1}))


def test_starts_answer_as_the_set_of_every_prefix() -> None:
    words = ["whatsapp", "what", "home", "hom", "x", "über"]
    prefixes = {w[:n] for w in words for n in range(1, len(w) + 1)}
    starts = Starts(words)
    for probe in [*prefixes, "whatsapps", "wi", "ho me", "", "y", "üb", "u", "homes"]:
        assert (probe in starts) == (probe in prefixes), probe
