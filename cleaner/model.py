"""Plain-Python inference of the content classifier whose weights ship in ``data/content_model.json``.

The model file holds two scorers, one per pass of the content stage (see
:mod:`cleaner.features`), and the decision thresholds of each mode. A scorer
is either a sum of shallow regression trees (gradient boosting) or a linear
model; both give a raw score turned into a probability by the logistic
function. Trees are turned into one Python function of nested conditional
expressions, so scoring a line costs a few hundred comparisons and no
dependency beyond the standard library. ``scripts/train_content_model.py``
writes the file and, from it, the module ``cleaner/content_model_code.py``
holding those functions (so Python caches their bytecode and start-up does not
pay for compiling them); a model file the module was not made from is compiled
at load time instead.
"""

from __future__ import annotations

import importlib
import math
import os
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, cached_property
from typing import Any

from .document import Frozen

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


def _sigmoids(scores: list[float]) -> list[float]:
    """:func:`sigmoid` of each score (inlined: one call less per line)."""
    exp = math.exp
    out: list[float] = []
    for z in scores:
        if z >= 0:
            out.append(1.0 / (1.0 + exp(-z)))
        else:
            e = exp(z)
            out.append(e / (1.0 + e))
    return out


def _tree_expression(tree: dict[str, list[Any]], node: int) -> str:
    """One tree as nested conditional expressions over the locals ``x0``, ``x1``, ..."""
    feature = tree["f"][node]
    if feature < 0:
        return repr(float(tree["v"][node]))
    left = _tree_expression(tree, tree["l"][node])
    right = _tree_expression(tree, tree["r"][node])
    return f"({left} if x{int(feature)} <= {float(tree['t'][node])!r} else {right})"


def _function_source(name: str, base: float, trees: list[dict[str, list[Any]]], width: int) -> str:
    """Source of ``def name(x) -> raw score``: the row unpacked at once, then one sum of the trees.

    ``width`` is the row's length (the number of features): unpacking a list
    of known length is one step, where indexing each used feature is several.
    The sum is one expression taken left to right from ``base``, in tree
    order, as walking the trees does, so the result is bit-identical to
    :func:`_walk_trees`.
    """
    used = {int(f) for tree in trees for f in tree["f"] if f >= 0}
    names = ", ".join(f"x{i}" if i in used else "_" for i in range(width))
    lines = [f"def {name}(x: Sequence[float]) -> float:"]
    lines.append(f"    {names}{',' if width == 1 else ''} = x")
    lines.append(f"    return ({float(base)!r}")
    lines += [f"        + {_tree_expression(tree, 0)}" for tree in trees]
    lines.append("    )")
    return "\n".join(lines) + "\n"


#: The passes whose score only ever meets a threshold (the content stage keeps a line when its
#: pass-2 probability reaches the mode's threshold): they also get a bounded function, which
#: stops summing trees once the rest cannot carry the score across the threshold.
BOUNDED_PASSES = ("pass2",)

#: The bounded function checks, every this many trees, ...
CHECK_EVERY = 10
#: ... once the leaves of the trees still to add span less than this (earlier checks never decide).
CHECK_SPAN = 15.0

#: Half-width of the band around the threshold's raw score where the bounded function always
#: sums every tree (so that rounding in the partial sums can never change a verdict).
VERDICT_MARGIN = 1e-4

#: Thresholds outside this range are met by summing every tree (their raw score is too steep a
#: function of the probability for VERDICT_MARGIN to cover the rounding of the logistic function).
BOUNDED_THRESHOLDS = (1e-6, 1.0 - 1e-6)


def _leaf_range(tree: dict[str, list[Any]]) -> tuple[float, float]:
    leaves = [float(v) for f, v in zip(tree["f"], tree["v"], strict=True) if f < 0]
    return min(leaves), max(leaves)


def _bounded_source(name: str, base: float, trees: list[dict[str, list[Any]]], width: int) -> str:
    """Source of ``def name_bounded(x, high, low) -> raw score or +-inf``: the trees summed as in
    :func:`_function_source`, with checks between them.

    Every CHECK_EVERY trees, once the trees left span less than CHECK_SPAN, the
    partial sum plus the least the other trees can add is compared with
    ``high``, plus the most they can add with ``low``: over ``high`` the score
    is surely over (``inf``), under ``low`` surely under (``-inf``). Otherwise the
    sum goes on, left to right as in the plain function, so a score that is
    returned is that function's to the bit.
    """
    used = {int(f) for tree in trees for f in tree["f"] if f >= 0}
    names = ", ".join(f"x{i}" if i in used else "_" for i in range(width))
    rest_min = [0.0] * (len(trees) + 1)
    rest_max = [0.0] * (len(trees) + 1)
    for k in range(len(trees) - 1, -1, -1):
        low, high = _leaf_range(trees[k])
        rest_min[k] = rest_min[k + 1] + low
        rest_max[k] = rest_max[k + 1] + high
    checks = [
        k for k in range(CHECK_EVERY, len(trees), CHECK_EVERY) if rest_max[k] - rest_min[k] < CHECK_SPAN
    ]
    lines = [f"def {name}_bounded(x: Sequence[float], high: float, low: float) -> float:"]
    lines.append(f"    {names}{',' if width == 1 else ''} = x")
    start = 0
    for stop in [*checks, len(trees)]:
        lines.append(f"    s = ({float(base)!r}" if start == 0 else "    s = (s")
        lines += [f"        + {_tree_expression(tree, 0)}" for tree in trees[start:stop]]
        lines.append("    )")
        if stop < len(trees):
            lines.append(f"    if s + {rest_min[stop]!r} > high:")
            lines.append("        return _INF")
            lines.append(f"    if s + {rest_max[stop]!r} < low:")
            lines.append("        return -_INF")
        start = stop
    lines.append("    return s")
    return "\n".join(lines) + "\n"


def _compile_bounded(
    name: str, base: float, trees: list[dict[str, list[Any]]], width: int
) -> Callable[[Row, float, float], float]:
    """:func:`_bounded_source` made into a function at load time."""
    source = "from collections.abc import Sequence\n" + _bounded_source(name, base, trees, width)
    namespace: dict[str, Any] = {"_INF": math.inf}
    exec(compile(source, "<content-model>", "exec"), namespace)  # noqa: S102 - our own data file
    fn: Callable[[Row, float, float], float] = namespace[f"{name}_bounded"]
    return fn


def _compile_trees(base: float, trees: list[dict[str, list[Any]]], width: int) -> Callable[[Row], float]:
    """One function ``x -> raw score`` over rows of ``width`` features, of the trees' comparisons."""
    source = "from collections.abc import Sequence\n" + _function_source("score", base, trees, width)
    namespace: dict[str, Any] = {}
    exec(compile(source, "<content-model>", "exec"), namespace)  # noqa: S102 - our own data file
    fn: Callable[[Row], float] = namespace["score"]
    return fn


#: The model file's scorers, in pass order.
PASSES = ("pass1", "pass2")

#: The module generated from the model file (so Python caches its bytecode).
COMPILED_MODULE = "content_model_code.py"


#: The model file's path (read as a plain file: importing importlib.resources costs start-up time).
MODEL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", MODEL_FILE)


def fingerprint(text: str) -> str:
    """The CRC-32 and length of the model file's text, recorded in the generated module.

    Enough to notice a model file the module was not made from (hashlib would
    cost more start-up time to import than the whole check).
    """
    data = text.encode("utf-8")
    return f"{zlib.crc32(data):08x}-{len(data)}"


def module_source(text: str) -> str:
    """The Python module ``cleaner/content_model_code.py`` for the model file's ``text``.

    It holds one function per tree pass (``pass1``, ``pass2``) and the
    fingerprint of the text it was made from; :func:`load_default` uses it only
    while the fingerprint matches, and compiles the trees itself otherwise.
    """
    import json  # only the training script and a stale generated module need the parser

    data = json.loads(text)
    parts = [
        f'"""Generated from ``data/{MODEL_FILE}`` by ``scripts/train_content_model.py``: do not edit."""\n',
        "# ruff: noqa\n",
        "from __future__ import annotations\n",
        "from collections.abc import Sequence\n",
        f"SOURCE_FINGERPRINT = {fingerprint(text)!r}\n",
        '_INF = float("inf")\n',
    ]
    if data.get("format") == FORMAT and all(data[name]["kind"] == "trees" for name in PASSES):
        features = {name: tuple(str(f) for f in data[name]["features"]) for name in PASSES}
        thresholds = {str(k): float(v) for k, v in data["thresholds"].items()}
        parts.append(f"FEATURES = {features!r}\n\nTHRESHOLDS = {thresholds!r}\n")
    for name in PASSES:
        spec = data[name]
        if spec["kind"] == "trees":
            parts.append("\n" + _function_source(name, spec["base"], spec["trees"], len(spec["features"])))
            if name in BOUNDED_PASSES:
                parts.append("\n" + _bounded_source(name, spec["base"], spec["trees"], len(spec["features"])))
    return "\n".join(parts)


class _LazySpec(Mapping[str, Any]):
    """One pass's part of the model file, parsed on first use (only the reference walk needs it)."""

    def __init__(self, text: str, name: str) -> None:
        self._text = text
        self._name = name

    @cached_property
    def _spec(self) -> dict[str, Any]:
        import json  # imported on first use: start-up does not pay for it

        spec: dict[str, Any] = json.loads(self._text)[self._name]
        return spec

    def __getitem__(self, key: str) -> Any:
        return self._spec[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._spec)

    def __len__(self) -> int:
        return len(self._spec)


def _walk_trees(base: float, trees: list[dict[str, list[Any]]], x: Row) -> float:
    """Reference implementation of the tree sum (slow; used to check the compiled one)."""
    s = base
    for tree in trees:
        node = 0
        while tree["f"][node] >= 0:
            node = tree["l"][node] if x[tree["f"][node]] <= tree["t"][node] else tree["r"][node]
        s += tree["v"][node]
    return s


class Scorer(Frozen):
    """One pass's model: feature names and a raw-score function."""

    __slots__ = ("features", "raw", "spec", "bounded")
    __match_args__ = ("features", "raw", "spec", "bounded")

    features: tuple[str, ...]
    raw: Callable[[Row], float]
    spec: Mapping[str, Any]
    #: The tree sum that stops once the verdict is sure (see :func:`_bounded_source`), if any.
    bounded: Callable[[Row, float, float], float] | None

    def __init__(
        self,
        features: tuple[str, ...],
        raw: Callable[[Row], float],
        spec: Mapping[str, Any],
        bounded: Callable[[Row, float, float], float] | None = None,
    ) -> None:
        self._set(features, raw, spec, bounded)

    @classmethod
    def from_spec(
        cls,
        spec: Mapping[str, Any],
        compiled: Callable[[Row], float] | None = None,
        *,
        bounded: Callable[[Row, float, float], float] | bool | None = None,
    ) -> Scorer:
        """The scorer of ``spec``; ``compiled`` is its tree sum already made into code, if at hand.

        ``bounded`` is its bounded tree sum made into code, or True to make one here.
        """
        kind = spec["kind"]
        features = tuple(spec["features"])
        if kind == "trees":
            raw = compiled or _compile_trees(spec["base"], spec["trees"], len(features))
            if bounded is True:
                bounded = _compile_bounded("score", spec["base"], spec["trees"], len(features))
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
        return cls(features, raw, spec, bounded if callable(bounded) and kind == "trees" else None)

    def probability(self, row: Row) -> float:
        return sigmoid(self.raw(row))

    def probabilities(self, rows: Sequence[Row]) -> list[float]:
        """:func:`sigmoid` of each row's raw score."""
        raw = self.raw
        return _sigmoids([raw(r) for r in rows])

    def verdict_probabilities(self, rows: Sequence[Row], threshold: float) -> list[float]:
        """Probabilities good for one thing only: ``p >= threshold`` is the verdict of the exact one.

        A line whose verdict is sure before every tree is summed gets 1.0 (over)
        or 0.0 (under); the others get their exact probability. Without a bounded
        sum, or for a threshold outside BOUNDED_THRESHOLDS, every probability is exact.
        """
        bounded = self.bounded
        lowest, highest = BOUNDED_THRESHOLDS
        if bounded is None or not lowest <= threshold <= highest:
            return self.probabilities(rows)
        cut = math.log(threshold / (1.0 - threshold))
        high, low = cut + VERDICT_MARGIN, cut - VERDICT_MARGIN
        return _sigmoids([bounded(r, high, low) for r in rows])

    def reference_probability(self, row: Row) -> float:
        """The probability computed by walking the trees node by node (for tests)."""
        if self.spec["kind"] != "trees":
            return self.probability(row)
        return sigmoid(_walk_trees(self.spec["base"], self.spec["trees"], row))


class ContentModel(Frozen):
    """The passes' scorers and each mode's decision threshold."""

    __slots__ = ("pass1", "pass2", "thresholds")
    __match_args__ = ("pass1", "pass2", "thresholds")

    pass1: Scorer
    pass2: Scorer
    thresholds: dict[str, float]

    def __init__(self, pass1: Scorer, pass2: Scorer, thresholds: dict[str, float]) -> None:
        self._set(pass1, pass2, thresholds)

    @classmethod
    def from_dict(cls, data: dict[str, Any], compiled: Any = None) -> ContentModel:
        """The model of ``data``; ``compiled`` is a module made by :func:`module_source` from it, if any."""
        if data.get("format") != FORMAT:
            raise ValueError(f"content model format {data.get('format')!r}, expected {FORMAT}")
        pass1, pass2 = (
            Scorer.from_spec(
                data[name],
                getattr(compiled, name, None),
                bounded=getattr(compiled, f"{name}_bounded", None) or name in BOUNDED_PASSES,
            )
            for name in PASSES
        )
        return cls(pass1, pass2, {k: float(v) for k, v in data["thresholds"].items()})

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
    with open(MODEL_PATH, encoding="utf-8") as file:
        text = file.read()
    module = _compiled_module(text)
    if module is not None and hasattr(module, "THRESHOLDS"):  # all made into code: no need to parse the file
        pass1, pass2 = (
            Scorer(
                module.FEATURES[name],
                getattr(module, name),
                _LazySpec(text, name),
                getattr(module, f"{name}_bounded", None),
            )
            for name in PASSES
        )
        return ContentModel(pass1, pass2, dict(module.THRESHOLDS))
    import json  # only when the generated module does not match the model file

    return ContentModel.from_dict(json.loads(text), module)


def _compiled_module(text: str) -> Any:
    """The generated module, when it was made from this very model file (else None: compile at load)."""
    try:
        module = importlib.import_module(".content_model_code", "cleaner")
    except ImportError:
        return None
    return module if getattr(module, "SOURCE_FINGERPRINT", None) == fingerprint(text) else None
