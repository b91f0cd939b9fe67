"""Nothing lost from clean text: the devset's true bodies, fed as input, come through whole."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import cleaner

#: Issue 3's guarantee: at least this share of a clean article survives cleaning (shingle recall).
MIN_RECALL = 0.99


def test_true_bodies_fed_as_input_keep_at_least_99_percent(shared_dir: Path) -> None:
    folder = shared_dir / "devset"
    spec = importlib.util.spec_from_file_location("devset_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    bodies = [json.loads(line)["body"] for line in (folder / "truth.jsonl").read_text("utf-8").splitlines()]
    triples = [score.tp_fp_fn(body, cleaner.clean(body).text) for body in bodies]
    assert score.aggregate(triples)["recall"] >= MIN_RECALL
