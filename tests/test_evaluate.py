"""clean-article-eval: the shingle metric on the user's own gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import evaluate_main
from cleaner.evaluate import evaluate, score_document, shingles

GOLD = "The council voted on Tuesday to extend the night bus service to the new estates."


def test_shingles_are_four_grams_of_word_tokens() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_shorter_shingle() -> None:
    assert shingles("just two") == {("just", "two"): 1}


def test_identical_output_scores_one() -> None:
    score = score_document("x", GOLD, GOLD)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_junk_in_output_costs_precision_not_recall() -> None:
    score = score_document("x", GOLD, GOLD + "\nShare this article on Facebook Twitter and WhatsApp")
    assert score.recall == 1.0
    assert score.precision < 1.0


def test_missing_output_counts_as_empty_and_costs_recall(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [json.dumps({"id": i, "body": GOLD}) for i in ("a", "b")]
    gold.write_text("\n".join(records) + "\n", encoding="utf-8")
    outputs = tmp_path / "out"
    outputs.mkdir()
    (outputs / "a.txt").write_text(GOLD, encoding="utf-8")
    summary = evaluate(outputs, gold)
    assert (summary.documents, summary.missing) == (2, 1)
    assert summary.precision == 1.0
    assert summary.recall == pytest.approx(0.5)


def test_cli_prints_scores_and_worst_documents(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    out = tmp_path / "out"
    gold.mkdir()
    out.mkdir()
    (gold / "p1.txt").write_text(GOLD, encoding="utf-8")
    (out / "p1.txt").write_text("Home News Sport\n" + GOLD, encoding="utf-8")
    result = CliRunner().invoke(evaluate_main, [str(out), str(gold), "--worst", "1"])
    assert result.exit_code == 0, result.output
    assert "recall 1.0000" in result.output
    assert "worst" in result.output and "p1" in result.output


def test_cli_refuses_a_broken_jsonl_gold_in_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(evaluate_main, [str(tmp_path), str(gold)])
    assert result.exit_code == 1
    assert "not a JSONL record" in result.output
    assert "Traceback" not in result.output
