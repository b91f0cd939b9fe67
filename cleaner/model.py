"""Plain-Python inference of the content classifier whose weights ship in ``data/content_model.json``.

The model file holds two scorers, one per pass of the content stage (see
:mod:`cleaner.features`), and the decision thresholds of each mode. A scorer
is either a sum of shallow regression trees (gradient boosting) or a linear
model; both give a raw score turned into a probability by the logistic
function. Trees are turned once, at load time, into one Python function of
nested comparisons, so scoring a line costs a few hundred comparisons and no
dependency beyond the standard library. ``scripts/train_content_model.py``
writes the file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: The model file shipped with the package.
MODEL_FILE = "content_model.json"

#: Format version written by the training script and understood here.
FORMAT = 1

Row = Sequence[float]


def sigmoid(z: float) -> float:
    """The logistic function, safe for large |z|."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _tree_source(tree: dict[str, list[Any]], node: int, depth: int, out: list[str]) -> None:
    pad = "    " * depth
    feature = tree["f"][node]
    if feature < 0:
        out.append(f"{pad}s += {float(tree['v'][node])!r}")
        return
    out.append(f"{pad}if x[{int(feature)}] <= {float(tree['t'][node])!r}:")
    _tree_source(tree, tree["l"][node], depth + 1, out)
    out.append(f"{pad}else:")
    _tree_source(tree, tree["r"][node], depth + 1, out)


def _compile_trees(base: float, trees: list[dict[str, list[Any]]]) -> Callable[[Row], float]:
    """One function ``x -> raw score`` made of the trees' nested comparisons."""
    lines = ["def score(x):", f"    s = {float(base)!r}"]
    for tree in trees:
        _tree_source(tree, 0, 1, lines)
    lines.append("    return s")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<content-model>", "exec"), namespace)  # noqa: S102 - our own data file
    fn: Callable[[Row], float] = namespace["score"]
    return fn


def _walk_trees(base: float, trees: list[dict[str, list[Any]]], x: Row) -> float:
    """Reference implementation of the tree sum (slow; used to check the compiled one)."""
    s = base
    for tree in trees:
        node = 0
        while tree["f"][node] >= 0:
            node = tree["l"][node] if x[tree["f"][node]] <= tree["t"][node] else tree["r"][node]
        s += tree["v"][node]
    return s


@dataclass(frozen=True)
class Scorer:
    """One pass's model: feature names and a raw-score function."""

    features: tuple[str, ...]
    raw: Callable[[Row], float]
    spec: dict[str, Any]

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Scorer:
        kind = spec["kind"]
        features = tuple(spec["features"])
        if kind == "trees":
            raw = _compile_trees(spec["base"], spec["trees"])
        elif kind == "linear":
            weights = [float(w) for w in spec["weights"]]
            means = [float(m) for m in spec.get("means", [0.0] * len(weights))]
            scales = [float(s) or 1.0 for s in spec.get("scales", [1.0] * len(weights))]
            coef = [w / s for w, s in zip(weights, scales, strict=True)]
            bias = float(spec["bias"]) - sum(c * m for c, m in zip(coef, means, strict=True))

            def raw(x: Row) -> float:
                return bias + sum(c * v for c, v in zip(coef, x, strict=True))

        else:
            raise ValueError(f"unknown model kind {kind!r}")
        return cls(features, raw, spec)

    def probability(self, row: Row) -> float:
        return sigmoid(self.raw(row))

    def probabilities(self, rows: Sequence[Row]) -> list[float]:
        raw = self.raw
        return [sigmoid(raw(r)) for r in rows]

    def reference_probability(self, row: Row) -> float:
        """The probability computed by walking the trees node by node (for tests)."""
        if self.spec["kind"] != "trees":
            return self.probability(row)
        return sigmoid(_walk_trees(self.spec["base"], self.spec["trees"], row))


@dataclass(frozen=True)
class ContentModel:
    """The passes' scorers and each mode's decision threshold."""

    pass1: Scorer
    pass2: Scorer
    thresholds: dict[str, float]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ContentModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"content model format {data.get('format')!r}, expected {FORMAT}")
        return cls(
            Scorer.from_spec(data["pass1"]),
            Scorer.from_spec(data["pass2"]),
            {k: float(v) for k, v in data["thresholds"].items()},
        )

    def threshold(self, mode: str) -> float:
        return self.thresholds.get(mode, self.thresholds["balanced"])


def check_features(scorer: Scorer, expected: Sequence[str]) -> None:
    """Refuse a model trained on other features than the code computes."""
    if tuple(scorer.features) != tuple(expected):
        raise ValueError(
            "the content model was trained on other features than cleaner.features computes; "
            "retrain it with scripts/train_content_model.py"
        )


@cache
def load_default() -> ContentModel:
    """The model shipped in ``cleaner/data/content_model.json`` (loaded once)."""
    text = (resources.files("cleaner") / "data" / MODEL_FILE).read_text(encoding="utf-8")
    return ContentModel.from_dict(json.loads(text))
