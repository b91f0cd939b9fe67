"""The media stage drops player time codes and labels and keeps body lines with times."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.media import Media

from .conftest import kept, run_stages


def reasons(line: str) -> list[str]:
    doc = run_stages([line], "media")
    return [b.removal.reason for b in doc.removals() if b.removal]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("0:00", "player time code"),
        ("28:35", "player time code"),
        ("1:02:03", "player time code"),
        ("0:00 / 3:45", "player time code"),
        ("(4:12)", "player time code"),
        ("Play", "media-player label"),
        ("Pause", "media-player label"),
        ("Mute", "media-player label"),
        ("Podcasts", "media-player label"),
        ("Listen to this article", "media-player label"),
        ("Video duration 02:14", "media-player label"),
        ("Current Time 0:00", "media-player label"),
        ("Loaded: 0%", "media-player label"),
        ("Playback speed", "media-player label"),
        ("Now playing", "media-player label"),
        ("Watch: Firefighters battle the blaze overnight", "media-player label"),
        ("Artikel anhören", "media-player label"),
        ("Écouter cet article", "media-player label"),
        ("Escuchar artículo", "media-player label"),
        ("Слушать", "media-player label"),
        ("Ascolta l'articolo", "media-player label"),
        ("5 min read", "media-player label"),
    ],
)
def test_player_residue_removed(line: str, reason: str) -> None:
    assert reasons(line) == [reason]


@pytest.mark.parametrize(
    "line",
    [
        "The match kicked off at 20:45 local time.",
        "Der Zug fährt um 14:30 Uhr ab.",
        "Le conseil se réunira à 18:00, a précisé la mairie.",
        "Inflation rose to 4.5% in March.",
        "45%",
        "Play resumed after a two-hour rain delay.",
        "Podcasts have grown into a billion-dollar industry.",
        "Watch the skies tonight for the meteor shower, astronomers say.",
        "Слушать его было тяжело, признался свидетель.",
        "John 3:16",
    ],
)
def test_body_line_with_times_or_player_words_kept(line: str) -> None:
    assert kept(run_stages([line], "media")) == [line]


def test_seed_player_tail_removed() -> None:
    lines = ["Body text of the article goes here.", "Podcasts", "0:00", "28:35", "0:00", "25:52"]
    assert kept(run_stages(lines, "media")) == lines[:1]


def test_protected_time_code_kept() -> None:
    doc = Document.from_lines(["0:00"])
    out = Media(Options(protect_phrases=("0:00",))).run(doc)
    assert kept(out) == ["0:00"]


def test_bare_slash_between_time_codes_removed() -> None:
    lines = ["Lecture", "0:00", "/", "2:47", "Le maire a annoncé la réouverture lundi."]
    assert kept(run_stages(lines, "media")) == lines[4:]


def test_bare_slash_in_body_kept() -> None:
    lines = ["First paragraph of the story.", "/", "Second paragraph of the story."]
    assert kept(run_stages(lines, "media")) == lines


@pytest.mark.parametrize("line", ["1x", "1.5x", "Vitesse 1x", "Speed 2x"])
def test_playback_speed_removed(line: str) -> None:
    assert reasons(line) in (["player speed"], ["media-player label"])
