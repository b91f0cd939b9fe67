"""Mojibake (UTF-8 read as cp1252) is repaired where certain, and only there."""

from __future__ import annotations

import sys

import pytest

import cleaner
from cleaner import mojibake
from cleaner.mojibake import looks_broken, repair, repair_line

#: Text as written, each broken the way a scraper breaks it: UTF-8 bytes decoded as cp1252.
WRITTEN = [
    "Café “déjà vu” – naïve",
    "Grüße aus Köln, schöne Straße",
    "Привет, мир",
    "El niño comió piñata",
    "Smart quotes: ‘single’ and “double” — and an ellipsis…",
    "Price: 5 €",
]
#: Lines that look odd but are what their authors wrote: never touched.
NEGATIVE = [
    "SÃO PAULO",  # Portuguese capitals
    "Ærøskøbing harbour",
    "Straße",
    "plain ASCII line",
    "Ça va très bien, merci",
    "€100 — “quoted” — ‘single’",
    "Ёлка и ёжик",
    "Ã",
]


def broken(text: str) -> str:
    """``text`` as a cp1252 reader shows its UTF-8 (the five bytes cp1252 lacks as C1 controls)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))


FIXERS = [pytest.param(None, id="default"), pytest.param(mojibake._own_fix, id="own-round-trip")]


@pytest.mark.parametrize("fixer", FIXERS)
@pytest.mark.parametrize("text", WRITTEN)
def test_mojibake_is_repaired(text: str, fixer: object) -> None:
    bad = broken(text)
    assert looks_broken(bad)
    assert repair(bad, fixer) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("fixer", FIXERS)
@pytest.mark.parametrize("text", NEGATIVE + WRITTEN)
def test_correct_text_is_left_alone(text: str, fixer: object) -> None:
    assert repair(text, fixer) == text  # type: ignore[arg-type]


def test_the_own_fix_leaves_a_line_with_a_real_accent_beside_a_broken_one() -> None:
    line = "Café and " + broken("Café")
    assert mojibake._own_fix(line) == line


def test_text_broken_twice_is_repaired_twice() -> None:
    assert repair_line(broken(broken("Grüße aus Köln")), mojibake._own_fix) == "Grüße aus Köln"


def test_repair_keeps_the_lines() -> None:
    text = "\n".join(broken(t) for t in WRITTEN[:3]) + "\n\nplain\n"
    assert repair(text).count("\n") == text.count("\n")


@pytest.mark.parametrize("text", WRITTEN[:3])
def test_repaired_text_is_stable(text: str) -> None:
    once = repair(broken(text))
    assert repair(once) == once


def test_a_repair_that_would_bring_in_a_line_break_is_not_made() -> None:
    # "Â…" is cp1252 for the bytes C2 85: UTF-8 for U+0085, a line break
    assert repair_line("Menu Â… more", mojibake._own_fix) == "Menu Â… more"


def test_a_very_long_line_is_left_as_it_is() -> None:
    line = broken("Café ") * (mojibake.MAX_REPAIR_LINE // 5)
    assert repair_line(line) == line


def test_a_dump_with_mojibake_comes_out_repaired() -> None:
    body = "Die Bürgermeisterin sagte, die Straßenbahn fährt ab Mai öfter in die Außenbezirke."
    raw = broken(body).encode("utf-8")  # the broken text, saved again as UTF-8
    assert body in cleaner.clean(raw).text


def test_a_page_with_mojibake_comes_out_repaired() -> None:
    body = "Die Bürgermeisterin sagte, die Straßenbahn fährt ab Mai öfter in die Außenbezirke."
    page = f"<!doctype html><html><body><article><p>{broken(body)}</p></article></body></html>"
    assert body in cleaner.clean(page.encode("utf-8")).text


def test_a_str_input_is_taken_as_its_caller_decoded_it() -> None:
    line = broken("Die Bürgermeisterin sagte, die Straßenbahn fährt ab Mai öfter.")
    assert line in cleaner.clean(line).text


@pytest.mark.parametrize("fixer", FIXERS)
@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\ufeff"])
def test_a_repair_is_judged_without_the_invisible_characters_normalize_drops(
    invisible: str, fixer: object
) -> None:
    line = broken("Grüße aus Köln")
    assert repair_line(invisible + line, fixer) == "Grüße aus Köln"  # type: ignore[arg-type]
    assert repair_line(line[:2] + invisible + line[2:], fixer) == "Grüße aus Köln"  # type: ignore[arg-type]


@pytest.mark.parametrize("fixer", FIXERS)
def test_a_zero_width_space_inside_a_pair_does_not_part_it(fixer: object) -> None:
    line = broken("Grüße aus Köln")  # "GrÃ¼ÃŸe ..."
    assert repair_line(line[:3] + "\u200b" + line[3:], fixer) == "Grüße aus Köln"  # type: ignore[arg-type]


@pytest.mark.parametrize("fixer", FIXERS)
def test_a_soft_hyphen_that_is_the_second_half_of_a_pair_is_mended_not_dropped(fixer: object) -> None:
    assert repair_line(broken("Un día así"), fixer) == "Un día así"  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [b"\xef\xc3\xef\xbb\xbf\xbb\xbf", "\u00ad\u00c2\u0080".encode()])
def test_output_read_back_as_bytes_cleans_to_itself(raw: bytes) -> None:
    # an invisible character beside a broken pair must not leave the mending to a second run
    first = cleaner.clean(raw).text
    assert cleaner.clean(first.encode("utf-8")).text == first
    assert cleaner.clean(first).text == first


def test_without_ftfy_the_own_round_trip_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # import ftfy -> ImportError
    mojibake._fixer.cache_clear()
    try:
        assert mojibake._fixer() is mojibake._own_fix
    finally:
        mojibake._fixer.cache_clear()
