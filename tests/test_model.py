"""The shipped content model: loads, agrees with its reference walk, gives probabilities."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaner import content_model_code, features
from cleaner import model as model_module
from cleaner.model import MODEL_PATH, ContentModel, Scorer, fingerprint, load_default, module_source, sigmoid


def random_rows(n: int, width: int, seed: int = 7) -> list[list[float]]:
    rng = random.Random(seed)
    return [[rng.uniform(-1.0, 5.0) for _ in range(width)] for _ in range(n)]


def test_weights_file_loads_with_the_computed_feature_names() -> None:
    model = load_default()
    assert model.pass1.features == features.PASS1_NAMES
    assert model.pass2.features == features.PASS2_NAMES


def test_every_mode_has_a_threshold_between_zero_and_one() -> None:
    model = load_default()
    for mode in ("precision", "balanced", "recall"):
        assert 0.0 < model.threshold(mode) < 1.0
    assert model.threshold("precision") >= model.threshold("recall")


def test_probabilities_are_in_the_unit_interval() -> None:
    model = load_default()
    for row in random_rows(50, len(features.PASS1_NAMES)):
        assert 0.0 <= model.pass1.probability(row) <= 1.0


def test_inference_is_deterministic() -> None:
    model = load_default()
    rows = random_rows(20, len(features.PASS2_NAMES))
    assert model.pass2.probabilities(rows) == model.pass2.probabilities(rows)


def test_compiled_trees_agree_with_the_reference_walk() -> None:
    model = load_default()
    for row in random_rows(30, len(features.PASS2_NAMES)):
        assert model.pass2.probability(row) == pytest.approx(model.pass2.reference_probability(row))


def test_linear_scorer_applies_standardisation() -> None:
    scorer = Scorer.from_spec(
        {"kind": "linear", "features": ["a", "b"], "weights": [2.0, -1.0], "bias": 0.5,
         "means": [1.0, 0.0], "scales": [2.0, 1.0]}
    )
    assert scorer.raw([3.0, 1.0]) == pytest.approx(0.5 + 2.0 * (3.0 - 1.0) / 2.0 - 1.0)


def test_unknown_format_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        ContentModel.from_dict({"format": 999})


def test_sigmoid_is_safe_for_large_scores() -> None:
    assert sigmoid(1000.0) == 1.0
    assert sigmoid(-1000.0) == 0.0


def test_every_pass_agrees_with_its_reference_walk() -> None:
    model = load_default()
    for scorer in (model.pass1, model.pass2):
        for row in random_rows(10, len(scorer.features), seed=3):
            assert scorer.probability(row) == pytest.approx(scorer.reference_probability(row))


def test_shipped_model_uses_the_generated_module_made_from_the_model_file() -> None:
    text = Path(MODEL_PATH).read_text(encoding="utf-8")
    assert fingerprint(text) == content_model_code.SOURCE_FINGERPRINT
    assert load_default().pass1.raw is content_model_code.pass1


def test_generated_module_is_up_to_date_with_the_model_file() -> None:
    text = Path(MODEL_PATH).read_text(encoding="utf-8")
    assert module_source(text) == Path(content_model_code.__file__).read_text(encoding="utf-8")


def test_generated_and_load_time_compiled_trees_give_identical_scores() -> None:
    text = Path(MODEL_PATH).read_text(encoding="utf-8")
    compiled_at_load = ContentModel.from_dict(json.loads(text))
    shipped = load_default()
    for fresh, scorer in ((compiled_at_load.pass1, shipped.pass1), (compiled_at_load.pass2, shipped.pass2)):
        for row in random_rows(40, len(scorer.features), seed=11):
            assert fresh.raw(row) == scorer.raw(row)


def test_compiled_trees_sum_exactly_like_the_reference_walk() -> None:
    model = load_default()
    for scorer in (model.pass1, model.pass2):
        for row in random_rows(40, len(scorer.features), seed=5):
            assert scorer.probability(row) == scorer.reference_probability(row)


def test_tree_spec_without_generated_code_is_compiled_at_load() -> None:
    spec = {"kind": "trees", "features": ["a", "b"], "base": 0.25,
            "trees": [{"f": [1, -1, -1], "t": [0.5, 0.0, 0.0], "l": [1, 0, 0], "r": [2, 0, 0],
                       "v": [0.0, -1.0, 2.0]}]}
    scorer = Scorer.from_spec(spec)
    assert scorer.raw([9.0, 0.1]) == 0.25 - 1.0
    assert scorer.raw([9.0, 0.9]) == 0.25 + 2.0


def test_generated_module_is_not_used_for_another_model_file() -> None:
    assert model_module._compiled_module('{"format": 1}') is None


def test_shipped_model_without_parsing_equals_the_model_parsed_from_the_file() -> None:
    text = Path(MODEL_PATH).read_text(encoding="utf-8")
    data = json.loads(text)
    parsed = ContentModel.from_dict(data)
    shipped = load_default()
    assert shipped.thresholds == parsed.thresholds
    assert shipped.pass1.features == parsed.pass1.features
    assert shipped.pass2.features == parsed.pass2.features
    assert dict(shipped.pass2.spec) == data["pass2"]
