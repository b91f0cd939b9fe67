"""Compiled patterns kept on disk (cleaner.compiled): a pattern built from its kept program is the same."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from cleaner import compiled, lexicon
from cleaner.patterns import lazy


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, a fresh in-memory table, and bytecode writing on."""
    monkeypatch.setattr(lexicon, "CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(compiled, "_kept", None)
    monkeypatch.setattr(compiled, "_added", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the in-memory table, as a new process starts without it."""
    monkeypatch.setattr(compiled, "_kept", None)
    monkeypatch.setattr(compiled, "_added", False)


def _refuse_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again instead of built from the kept program")

    monkeypatch.setattr(compiled.regex, "compile", refuse)
    monkeypatch.setattr(compiled.re, "compile", refuse)


SAMPLE = "Von Anna MÜLLER, 20. Février 2026 — ÉCOLE 12:53; straße STRASSE İstanbul x1 ½ ²"


def test_regex_pattern_from_the_kept_program_finds_what_the_compiled_one_finds(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"(?<!\w)(?P<caps>\p{Lu}{2,})(?!\w)|stra(?:ss|ß)e"
    fresh = regex.compile(source, regex.IGNORECASE)
    compiled.regex_compile(source, regex.IGNORECASE)
    compiled.save()
    _next_process(monkeypatch)
    builder = compiled._regex_builder()  # (it compiles an empty pattern once, before compiling is refused)
    assert builder is not None
    _refuse_compiling(monkeypatch)
    kept = compiled.regex_compile(source, regex.IGNORECASE)
    assert (kept.pattern, kept.flags, kept.groupindex) == (fresh.pattern, fresh.flags, fresh.groupindex)
    assert kept.findall(SAMPLE) == fresh.findall(SAMPLE)


def test_re_pattern_from_the_kept_program_equals_the_compiled_one(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = r"(?<![\w.])(?P<d>\d{1,2})\.?\s*(?P<mon>[^\W\d_]{3,12})(?!\w)"
    fresh = re.compile(source, re.IGNORECASE)
    compiled.re_compile(source, re.IGNORECASE)
    compiled.save()
    _next_process(monkeypatch)
    _refuse_compiling(monkeypatch)
    kept = compiled.re_compile(source, re.IGNORECASE)
    assert kept == fresh  # (re patterns compare equal when their source, flags and code are)
    assert kept.groupindex == fresh.groupindex
    assert [m.groupdict() for m in kept.finditer(SAMPLE)] == [m.groupdict() for m in fresh.finditer(SAMPLE)]


def test_nothing_is_written_when_python_writes_no_bytecode(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled.re_compile(r"kept\s+nowhere")
    compiled.save()
    assert list(cache_dir.iterdir()) == []


def test_a_damaged_cache_file_compiles_as_without_one(cache_dir: Path) -> None:
    path = compiled._path()
    assert path is not None
    Path(path).write_bytes(b"\x00not marshal data")
    assert compiled.re_compile(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_a_cache_file_of_another_python_is_not_used(cache_dir: Path) -> None:
    path = compiled._path()
    assert path is not None
    program = compiled._re_program(r"\d+", 0)
    Path(path).write_bytes(marshal.dumps((("another python", "0", 0), {("re", r"\d+", 0): program})))
    assert compiled._load() == {}


def test_a_wrong_kept_program_is_not_used(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled._load()[("re", r"\d+", 0)] = ("not", "a", "program")
    assert compiled.re_compile(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_lazy_patterns_are_kept(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = lazy(regex.compile, r"\p{Ll}\p{Lu}")
    assert pattern.search("HomeNews") is not None
    compiled.save()
    _next_process(monkeypatch)
    assert ("regex", r"\p{Ll}\p{Lu}", 0) in compiled._load()


def test_every_pattern_a_small_run_keeps_rebuilds_the_same(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "seed-rt-en" / "input.txt"
    text = fixture.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache_dir)
    script = "import sys; from cleaner import clean; clean(open(sys.argv[1], 'rb').read())"
    subprocess.run([sys.executable, "-c", script, str(fixture)], check=True, env=env, cwd=cache_dir)
    monkeypatch.setattr(
        lexicon, "CACHE_DIR", str(cache_dir / "clean-article")
    )  # where that process kept them
    kept = compiled._load()
    assert len(kept) > 20, "a small run compiles dozens of patterns"
    for (engine, source, flags), data in kept.items():
        if engine == "re":
            assert compiled._sre_compile(*data) == re.compile(source, flags)
        else:  # (regex lists a set of first characters in hash order: compare what the patterns do)
            fresh, rebuilt = regex.compile(source, flags), compiled._regex_builder()(*data)
            assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == (
                fresh.pattern,
                fresh.flags,
                fresh.groupindex,
            )
            for line in (*text.splitlines(), SAMPLE):
                assert [m.span() for m in rebuilt.finditer(line)] == [m.span() for m in fresh.finditer(line)]
