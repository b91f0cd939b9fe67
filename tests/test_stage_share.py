"""The share stage drops share/follow bars and keeps sentences about social media."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.document import Document
from cleaner.stages.share import Share

from .conftest import kept, removed, run_stages


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Share",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Facebook | Twitter | LinkedIn | Email",
        "Follow us on Instagram",
        "Tweet",
        "Pin it",
        "Copy link",
        "Teilen",
        "Artikel teilen",
        "Partager",
        "Partager sur Facebook",
        "Compartir",
        "Compartir en WhatsApp",
        "Поделиться",
        "ВКонтакте Одноклассники Telegram",
        "Condividi su Facebook",
        "Compartilhar",
        "Deel dit artikel",
        "Udostępnij",
        "Share on FacebookShare on TwitterShare via Email",
        "FacebookTwitterWhatsAppE-Mail",
        "ВКонтактеОдноклассникиTelegram",
        "Share this reviewFacebookXEmail",
        "Share: Facebook, Reddit, Email",
    ],
)
def test_share_bar_removed(line: str) -> None:
    doc = run_stages(["A body sentence stands here.", line], "share")
    assert removed(doc, "share") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "He shared the video on Facebook on Monday.",
        "Share prices fell 3% after the announcement.",
        "Twitter was renamed X in 2023, the company said.",
        "Follow the money, the investigators were told.",
        "Er teilte das Video am Montag auf Facebook.",
        "Elle a partagé la vidéo sur Facebook lundi.",
        "Compartir la carga de trabajo es clave, dijo la ministra.",
        "Он поделился видео в Telegram в понедельник.",
        "Print media revenues keep falling across Europe.",
        "« Partagez, partagez, partagez. »",
        "Share, share, share.",
    ],
)
def test_sentence_about_social_media_kept(line: str) -> None:
    assert kept(run_stages([line], "share")) == [line]


def test_share_reason_is_in_words() -> None:
    doc = run_stages(["Share this article"], "share")
    assert [b.removal.reason for b in doc.removals() if b.removal] == ["share/follow buttons"]


def test_protected_share_line_kept() -> None:
    doc = Document.from_lines(["Follow us on Instagram"])
    out = Share(Options(protect_phrases=("INSTAGRAM",))).run(doc)
    assert kept(out) == ["Follow us on Instagram"]


@pytest.mark.parametrize(
    "line",
    [
        "Like this story? Share it with a friend!",
        "Subscribe to the Example Garden YouTube channel for weekly tips!",
    ],
)
def test_pass_it_on_and_channel_prompts_removed(line: str) -> None:
    assert removed(run_stages([line], "share"), "share") == [line]


def test_story_about_sharing_with_a_friend_kept() -> None:
    line = "She told me to share it with a friend, so I did, and we laughed about it in the kitchen."
    assert kept(run_stages([line], "share")) == [line]
