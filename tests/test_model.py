"""The shipped content model: loads, agrees with its reference walk, gives probabilities."""

from __future__ import annotations

import json
import math
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


def page_rows() -> list[list[float]]:
    """Pass-2 rows of a small made-up page: a menu, a body of prose, a footer."""
    from cleaner import read

    menu = ["Home", "World", "Sport", "Sign in", "Subscribe"]
    body = [
        "The council voted on Tuesday to extend the tram line to the airport by 2029.",
        "Residents had asked for the extension for years, and the vote was close.",
        "Why it matters",
        "The airport is the region's largest employer, and most of its staff commute by car.",
    ]
    footer = ["© 2026 Example Media", "Privacy", "Terms"]
    doc = read("\n".join([*menu, *body, *footer]).encode())
    lines = features.collect(doc)
    p1 = load_default().pass1.probabilities(lines.rows)
    return features.pass2_rows(lines, p1)


@pytest.mark.parametrize("threshold", [0.2, 0.45, 0.75])
def test_bounded_sum_is_the_exact_sum_or_a_sure_verdict(threshold: float) -> None:
    scorer = load_default().pass2
    assert scorer.bounded is not None
    cut = math.log(threshold / (1.0 - threshold))
    rows = page_rows() + random_rows(200, len(scorer.features), seed=13)
    for row in rows:
        exact = scorer.raw(row)
        z = scorer.bounded(row, cut + model_module.VERDICT_MARGIN, cut - model_module.VERDICT_MARGIN)
        assert z == exact or (z == math.inf and exact > cut) or (z == -math.inf and exact < cut)


def test_bounded_sum_stops_early_on_some_lines() -> None:
    scorer = load_default().pass2
    assert scorer.bounded is not None
    rows = page_rows() + random_rows(200, len(scorer.features), seed=13)
    assert any(math.isinf(scorer.bounded(row, 0.0, 0.0)) for row in rows)


@pytest.mark.parametrize("threshold", [0.0, 1e-9, 0.2, 0.45, 0.5, 0.75, 1.0 - 1e-9, 1.0, 1.5])
def test_verdict_probabilities_give_the_exact_verdicts(threshold: float) -> None:
    scorer = load_default().pass2
    rows = page_rows() + random_rows(100, len(scorer.features), seed=17)
    exact = [p >= threshold for p in scorer.probabilities(rows)]
    assert [p >= threshold for p in scorer.verdict_probabilities(rows, threshold)] == exact


def test_load_time_bounded_sum_equals_the_generated_one() -> None:
    compiled_at_load = ContentModel.from_dict(json.loads(Path(MODEL_PATH).read_text(encoding="utf-8")))
    shipped = load_default()
    fresh, generated = compiled_at_load.pass2.bounded, shipped.pass2.bounded
    assert fresh is not None and generated is not None and fresh is not generated
    for row in page_rows() + random_rows(60, len(shipped.pass2.features), seed=19):
        for cut in (-1.0, 0.0, 1.5):
            assert fresh(row, cut + 1e-4, cut - 1e-4) == generated(row, cut + 1e-4, cut - 1e-4)


def test_first_pass_has_no_bounded_sum() -> None:
    # its probabilities are features of the second pass, needed exactly
    assert load_default().pass1.bounded is None
