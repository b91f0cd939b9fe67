"""Tables built from the lexicon are kept on disk and come back equal, until a list changes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import lexicon, patterns


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A lexicon of one concept in a temporary folder, its cache beside it."""
    root = tmp_path / "lexicon"
    (root / "greeting").mkdir(parents=True)
    (root / "greeting" / "en.txt").write_text("# greetings\nhello\ngood morning\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "_ROOT", str(root))
    monkeypatch.setattr(lexicon, "CACHE_DIR", str(root / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    lexicon._list_stamps.cache_clear()
    lexicon._kept_lists.cache_clear()
    lexicon.languages.cache_clear()
    yield root
    lexicon._list_stamps.cache_clear()
    lexicon._kept_lists.cache_clear()
    lexicon.languages.cache_clear()


def _counting_build(calls: list[int]) -> dict[str, list[str]]:
    calls.append(1)
    return {"b": ["x", "y"], "a": []}


def test_second_process_reads_the_table_instead_of_building_it(lists: Path) -> None:
    calls: list[int] = []
    first = lexicon.cached("table", lambda: _counting_build(calls))
    lexicon._list_stamps.cache_clear()  # as a new process would
    second = lexicon.cached("table", lambda: _counting_build(calls))
    assert len(calls) == 1
    assert second == first
    assert list(second) == ["b", "a"]


def test_changed_list_builds_the_table_again(lists: Path) -> None:
    calls: list[int] = []
    lexicon.cached("table", lambda: _counting_build(calls))
    path = lists / "greeting" / "en.txt"
    path.write_text("# greetings\nhello\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    lexicon._list_stamps.cache_clear()
    lexicon.cached("table", lambda: _counting_build(calls))
    assert len(calls) == 2


def test_new_list_file_builds_the_table_again(lists: Path) -> None:
    calls: list[int] = []
    lexicon.cached("table", lambda: _counting_build(calls))
    (lists / "greeting" / "de.txt").write_text("# greetings\nhallo\n", encoding="utf-8")
    lexicon._list_stamps.cache_clear()
    lexicon.cached("table", lambda: _counting_build(calls))
    assert len(calls) == 2


def test_two_installed_copies_keep_their_own_tables(lists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    lexicon.cached("table", lambda: _counting_build(calls))
    other = lists.parent / "other-install"
    other.mkdir()
    monkeypatch.setattr(lexicon, "_ROOT", str(other))
    lexicon._list_stamps.cache_clear()
    lexicon.cached("table", lambda: _counting_build(calls))
    assert len(list((lists / "cache").iterdir())) == 2


def test_writing_a_table_removes_the_copy_of_an_install_that_is_gone(
    lists: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = lists.parent / "old-checkout"
    gone.mkdir()
    monkeypatch.setattr(lexicon, "_ROOT", str(gone))
    lexicon._list_stamps.cache_clear()
    lexicon.cached("table", lambda: {"k": 1})
    lexicon.cached("other-table", lambda: {"k": 1})
    gone.rmdir()
    monkeypatch.setattr(lexicon, "_ROOT", str(lists))
    lexicon._list_stamps.cache_clear()
    lexicon.cached("table", lambda: {"k": 2})
    names = sorted(p.name.split(".")[0] for p in (lists / "cache").iterdir())
    assert names == ["other-table", "table"]  # the other table's old copy is left to its own next write


def test_writing_a_table_removes_an_unreadable_copy_of_it(lists: Path) -> None:
    (lists / "cache").mkdir()
    stale = lists / "cache" / f"table.0badc0de.{sys.implementation.cache_tag}.marshal"
    stale.write_bytes(b"\x00garbage")
    lexicon.cached("table", lambda: {"k": 1})
    assert not stale.exists()
    assert len(list((lists / "cache").iterdir())) == 1


def test_other_key_builds_the_table_again(lists: Path) -> None:
    calls: list[int] = []
    lexicon.cached("table", lambda: _counting_build(calls), key=("a",))
    lexicon.cached("table", lambda: _counting_build(calls), key=("a", "b"))
    assert len(calls) == 2


def test_nothing_is_written_when_python_writes_no_bytecode(
    lists: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert lexicon.cached("table", lambda: {"k": 1}) == {"k": 1}
    assert not (lists / "cache").exists()


def test_unwritable_cache_folder_is_no_error(lists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (lists / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert lexicon.cached("table", lambda: {"k": 1}) == {"k": 1}


def test_no_home_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")
    assert lexicon._cache_dir() is None
    monkeypatch.setattr(lexicon, "CACHE_DIR", None)
    assert lexicon.cached("table", lambda: {"k": 1}) == {"k": 1}


def test_cache_folder_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon._cache_dir() == str(tmp_path / "clean-article")


def test_damaged_cache_file_is_built_again(lists: Path) -> None:
    lexicon.cached("table", lambda: {"k": 1})
    (cache_file,) = (lists / "cache").iterdir()
    cache_file.write_bytes(b"\x00garbage")
    assert lexicon.cached("table", lambda: {"k": 2}) == {"k": 2}


def test_lists_read_back_from_the_kept_copy_equal_the_files(lists: Path) -> None:
    (lists / "greeting" / "de.txt").write_text("# greetings\nhallo\nhello # also German\n", encoding="utf-8")
    lexicon._list_stamps.cache_clear()
    lexicon._kept_lists()  # builds and writes
    lexicon._kept_lists.cache_clear()  # as a new process would
    kept = lexicon._kept_lists()
    assert sorted(kept) == ["greeting", "greeting/de", "greeting/en"]
    for lang in (None, "de", "en"):
        assert lexicon.load.__wrapped__("greeting", lang) == lexicon._parse("greeting", lang)
    assert lexicon.load.__wrapped__("greeting") == ("hallo", "hello", "good morning")


def test_kept_lists_follow_a_changed_list(lists: Path) -> None:
    lexicon._kept_lists()
    path = lists / "greeting" / "en.txt"
    path.write_text("# greetings\nhi\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    lexicon._list_stamps.cache_clear()
    lexicon._kept_lists.cache_clear()
    assert lexicon.load.__wrapped__("greeting") == ("hi",)


def test_lists_are_not_all_built_when_python_writes_no_bytecode(
    lists: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert lexicon._kept_lists() == {}
    assert lexicon.load.__wrapped__("greeting") == ("hello", "good morning")
    assert not (lists / "cache").exists()


def test_every_real_list_reads_back_equal_from_the_kept_copy(disk_cache: Path) -> None:
    lexicon._kept_lists.cache_clear()
    try:
        kept = lexicon._kept_lists()
        assert kept and list(disk_cache.iterdir())
        for concept in os.listdir(lexicon._ROOT):
            if concept in kept:
                assert lexicon.load.__wrapped__(concept) == lexicon._parse(concept)
                for lang in lexicon.languages(concept):
                    assert f"{concept}/{lang}" in kept
                    assert lexicon.load.__wrapped__(concept, lang) == lexicon._parse(concept, lang)
    finally:
        lexicon._kept_lists.cache_clear()


@pytest.fixture
def disk_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real lexicon, its tables kept in a temporary folder."""
    monkeypatch.setattr(lexicon, "CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def test_phrase_index_read_back_equals_a_fresh_one(disk_cache: Path) -> None:
    concepts = ("navigation", "cookie", "copyright", "share")
    fresh = patterns._index_tables(concepts)
    patterns._Index(concepts)  # builds and writes
    assert list(disk_cache.iterdir())
    kept = patterns._Index(concepts)  # reads
    parts = (kept.whole, kept.prefix, kept.suffix, kept.contains)
    assert tuple(table.unpacked() for table in parts) == fresh[:4]
    assert (kept.prefix_sizes, kept.suffix_sizes, kept.contains_first) == fresh[4:]


def test_menu_items_read_back_equal_fresh_ones(disk_cache: Path) -> None:
    concepts = ("navigation", "section")
    fresh = patterns._item_tables(concepts)
    assert patterns.ItemSet(concepts).items.unpacked() == fresh[0]
    assert list(disk_cache.iterdir())
    kept = patterns.ItemSet(concepts)
    tables = (kept.items.unpacked(), kept.first_words.unpacked(), kept.longest, kept.item_words.unpacked())
    assert tables == fresh


def test_entries_read_back_from_the_kept_copy_equal_fresh_ones(disk_cache: Path) -> None:
    patterns._kept_entries.cache_clear()
    try:
        kept = patterns._kept_entries()  # builds and writes
        assert set(kept) == set(lexicon.concepts())
        patterns._kept_entries.cache_clear()  # as a new process would
        for concept in ("navigation", "newsletter", "photo_credit"):
            fresh = patterns.Entries(*patterns._sorted_entries(concept))
            assert patterns.entries.__wrapped__(concept) == fresh
    finally:
        patterns._kept_entries.cache_clear()


def test_whole_table_is_not_built_when_it_cannot_be_kept(
    lists: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    calls: list[int] = []
    assert lexicon.kept_whole("table", lambda: _counting_build(calls)) is None
    assert calls == []


def test_whole_table_is_built_once_and_read_back(lists: Path) -> None:
    calls: list[int] = []
    first = lexicon.kept_whole("table", lambda: _counting_build(calls))
    lexicon._list_stamps.cache_clear()  # as a new process would
    assert lexicon.kept_whole("table", lambda: _counting_build(calls)) == first
    assert len(calls) == 1


def test_concepts_are_the_list_folders(lists: Path) -> None:
    (lists / "farewell").mkdir()
    (lists / "notes.txt").write_text("not a concept\n", encoding="utf-8")
    assert lexicon.concepts() == ("farewell", "greeting")
