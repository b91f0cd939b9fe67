"""Atomic outputs: nothing is visible under any name until commit, so a killed run leaves no partial file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner import writers
from cleaner.writers import AtomicFile, atomic_write


def test_uncommitted_output_has_no_name_in_the_directory(tmp_path: Path) -> None:
    sink = AtomicFile(tmp_path / "out.txt")
    sink.handle.write(b"half of it")
    sink.handle.flush()
    if not sink.anonymous:
        pytest.skip("this file system cannot create unnamed files (O_TMPFILE)")
    assert os.listdir(tmp_path) == []
    sink.discard()


def test_committed_anonymous_output_is_in_place_with_no_leftovers(tmp_path: Path) -> None:
    sink = AtomicFile(tmp_path / "out.txt", durable=True)
    sink.handle.write(b"whole")
    sink.commit()
    assert os.listdir(tmp_path) == ["out.txt"] and (tmp_path / "out.txt").read_bytes() == b"whole"


def test_named_temporary_file_is_used_when_unnamed_files_are_not_available(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writers, "_PROC_FD", str(tmp_path / "no-proc"))
    sink = AtomicFile(tmp_path / "out.txt")
    assert not sink.anonymous and [p.name for p in tmp_path.iterdir()] == [sink.tmp.name]
    sink.handle.write(b"data")
    sink.commit()
    assert os.listdir(tmp_path) == ["out.txt"] and (tmp_path / "out.txt").read_bytes() == b"data"


def test_commit_replaces_an_existing_output(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("old")
    atomic_write(tmp_path / "out.txt", "new")
    assert (tmp_path / "out.txt").read_text() == "new" and os.listdir(tmp_path) == ["out.txt"]


def test_discarded_output_leaves_the_old_content(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("old")
    sink = AtomicFile(tmp_path / "out.txt")
    sink.handle.write(b"new but abandoned")
    sink.discard()
    assert (tmp_path / "out.txt").read_text() == "old" and os.listdir(tmp_path) == ["out.txt"]
