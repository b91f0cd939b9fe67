#!/usr/bin/env python3
"""Train the content classifier and write ``cleaner/data/content_model.json``.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train_content_model.py            # ../shared/devset + ../shared/devset-web

Labels: every dump (soup, innertext, markdown) of every page is run through
the pipeline up to, not including, ``content``; each kept line is "article"
when most of its 4-gram shingles (tokens: regex ``\\w+``, as the scorer) occur
in the page's true body, or, for a line of 1-3 tokens, when its tokens occur
as a contiguous sequence in the truth. Split, fixed: a page is held out when
``int(sha1(id).hexdigest(), 16) % 5 == 0``; the model is trained on the other
pages only, and the script prints P/R/F1 (the scorer's definitions) on the
held-out pages per set and style. numpy and scikit-learn are needed here only.
"""

from __future__ import annotations

import argparse
import os

# One thread per fit: OpenMP threads thrash when the machine is shared.
os.environ.setdefault("OMP_NUM_THREADS", "1")
import hashlib
import importlib.util
import json
import pickle
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
import regex
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import DEFAULT, Document, Pipeline, all_stages, features, model  # noqa: E402
from cleaner.model import FORMAT  # noqa: E402
from cleaner.readers import read_text  # noqa: E402
from cleaner.stages.content import decide  # noqa: E402

STYLES = ("soup", "innertext", "markdown")

#: The true bodies themselves are trained on too (as a "dump" of their own style), so
#: that clean text fed back in stays whole; they weigh this much of a dump.
TRUTH = "truth"
TRUTH_WEIGHT = 0.5
TOKEN = regex.compile(r"\w+")
OUT = ROOT / "cleaner" / "data" / "content_model.json"

#: Boosting settings, chosen by held-out measurement.
PARAMS: dict[str, Any] = {
    "max_iter": 150,
    "max_depth": 4,
    "learning_rate": 0.1,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "max_bins": 64,
    "random_state": 0,
}

#: Pass 1 only gives context to pass 2: a smaller ensemble (faster inference).
PASS1_PARAMS: dict[str, Any] = {"max_iter": 80}

#: Folds of the out-of-fold predictions (pass-2 inputs and threshold choice).
FOLDS = 3

#: Mode -> beta of the F-beta maximised when choosing the mode's threshold.
MODE_BETAS = {"precision": 0.5, "balanced": 1.0, "recall": 2.0}


def held_out(page_id: str) -> bool:
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 5 == 0


def load_scorer(set_dir: Path) -> Any:
    name = f"score_{set_dir.name.replace('-', '_')}"
    spec = importlib.util.spec_from_file_location(name, set_dir / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pre_content_pipeline() -> Pipeline:
    """The stages that run before ``content`` in the default order: what the stage sees first."""
    available = all_stages()
    return Pipeline.build([n for n in DEFAULT[: DEFAULT.index("content")] if n in available])


def post_content_pipeline() -> Pipeline:
    """The stages that run after ``content`` in the default order (listing, related, comments, ...)."""
    available = all_stages()
    return Pipeline.build([n for n in DEFAULT[DEFAULT.index("content") + 1 :] if n in available])


def line_label(tokens: list[str], truth_grams: set[tuple[str, ...]], truth_joined: str) -> int:
    if not tokens:
        return 0
    if len(tokens) < 4:
        return 1 if f" {' '.join(tokens)} " in truth_joined else 0
    grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    hits = sum(1 for g in grams if g in truth_grams)
    return 1 if hits * 2 > len(grams) else 0


@dataclass
class Page:
    set_name: str
    style: str
    page_id: str
    truth: str
    doc: Document  # the document as the content stage receives it
    lines: features.Lines
    labels: list[int]
    tokens: list[int]
    #: Per line: the stages after ``content`` drop it (run on the content stage's input; the
    #: thresholds are chosen, and the scores reported, on what is left after them too).
    later_drop: list[bool]


_PIPELINE: Pipeline | None = None
_POST: Pipeline | None = None


def _run_pipeline(job: tuple[str, str, str, str, str]) -> tuple[str, str, str, str, Document]:
    """One dump through the stages before ``content``."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = pre_content_pipeline()
    set_name, style, page_id, path, truth = job
    raw = truth.encode("utf-8") if style == TRUTH else Path(path).read_bytes()
    return set_name, style, page_id, truth, _PIPELINE.run(read_text(raw, source=path or page_id))


def _label(prepared: tuple[str, str, str, str, Document]) -> Page:
    """Features and labels of one prepared dump."""
    global _POST
    if _POST is None:
        _POST = post_content_pipeline()
    set_name, style, page_id, truth, doc = prepared
    lines = features.collect(doc)
    after = _POST.run(doc).blocks
    later_drop = [after[i].removal is not None for i in lines.indices]
    truth_tokens = TOKEN.findall(truth)
    grams = {tuple(truth_tokens[i : i + 4]) for i in range(len(truth_tokens) - 3)}
    joined = f" {' '.join(truth_tokens)} "
    labels, ntok = [], []
    for text in lines.texts:
        toks = TOKEN.findall(text)
        labels.append(line_label(toks, grams, joined))
        ntok.append(len(toks))
    return Page(set_name, style, page_id, truth, doc, lines, labels, ntok, later_drop)


def jobs(set_dirs: list[Path]) -> Iterator[tuple[str, str, str, str, str]]:
    for set_dir in set_dirs:
        with open(set_dir / "truth.jsonl", encoding="utf-8") as f:
            truth = {r["id"]: r["body"] for r in map(json.loads, filter(str.strip, f))}
        for style in STYLES:
            for page_id, body in sorted(truth.items()):
                path = set_dir / "dumps" / style / f"{page_id}.txt"
                if path.exists():
                    yield set_dir.name, style, page_id, str(path), body
        for page_id, body in sorted(truth.items()):
            yield set_dir.name, TRUTH, page_id, "", body


def weights_of(page: Page) -> np.ndarray:
    """Line weights: by tokens (the scorer counts shingles), each page summing to the same total."""
    w = np.asarray(page.tokens, dtype=float) + 2.0
    return w / w.sum() * (100.0 * TRUTH_WEIGHT if page.style == TRUTH else 100.0)


def export_hgb(clf: HistGradientBoostingClassifier, names: tuple[str, ...]) -> dict[str, Any]:
    trees = []
    for predictors in clf._predictors:
        nodes = predictors[0].nodes
        trees.append(
            {
                "f": [int(n["feature_idx"]) if not n["is_leaf"] else -1 for n in nodes],
                "t": [round(float(n["num_threshold"]), 6) if not n["is_leaf"] else 0.0 for n in nodes],
                "l": [int(n["left"]) for n in nodes],
                "r": [int(n["right"]) for n in nodes],
                "v": [round(float(n["value"]), 6) if n["is_leaf"] else 0.0 for n in nodes],
            }
        )
    base = float(np.ravel(clf._baseline_prediction)[0])
    return {"kind": "trees", "features": list(names), "base": base, "trees": trees}


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, **overrides: Any) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**{**PARAMS, **overrides}).fit(x, y, sample_weight=w)


def out_of_fold(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: np.ndarray, **overrides: Any
) -> np.ndarray:
    p = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        p[te] = fit(x[tr], y[tr], w[tr], **overrides).predict_proba(x[te])[:, 1]
    return p


def page_text(page: Page, probs: np.ndarray, threshold: float) -> str:
    """The kept text once lines under ``threshold`` go, and those the later stages drop.

    Paragraph breaks do not change the shingles.
    """
    keep = decide(page.lines.own, probs, threshold)
    return " ".join(
        t for t, ok, later in zip(page.lines.texts, keep, page.later_drop, strict=True) if ok and not later
    )


def evaluate(pages: list[Page], probs: list[np.ndarray], threshold: float, scorers: dict[str, Any]) -> dict:
    """{(set, style): aggregate} with the scorer's definitions."""
    triples: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for page, p in zip(pages, probs, strict=True):
        scorer = scorers[page.set_name]
        triples.setdefault((page.set_name, page.style), []).append(
            scorer.tp_fp_fn(page.truth, page_text(page, p, threshold))
        )
    return {key: scorers[key[0]].aggregate(t) for key, t in triples.items()}


def choose_thresholds(
    pages: list[Page], probs: list[np.ndarray], scorers: dict[str, Any]
) -> dict[str, float]:
    """Per mode, the threshold maximising the mean F-beta over the (set, style) groups."""
    grid = [round(float(t), 3) for t in np.arange(0.2, 0.81, 0.05)]
    results = {t: evaluate(pages, probs, t, scorers) for t in grid}
    chosen = {}
    for mode, beta in MODE_BETAS.items():

        def mean_fbeta(res: dict[Any, dict[str, float]], beta: float = beta) -> float:
            vals = []
            for key, agg in res.items():
                if key[1] == TRUTH:
                    continue
                p, r = agg["precision"], agg["recall"]
                vals.append((1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0)
            return float(np.mean(vals))

        chosen[mode] = max(results, key=lambda t: mean_fbeta(results[t]))
    return chosen


def fmt(agg: dict[str, float]) -> str:
    return f"P {agg['precision']:.3f}  R {agg['recall']:.3f}  F1 {agg['f1']:.3f}"


def split_by_page(pages: list[Page], flat: np.ndarray) -> list[np.ndarray]:
    out, at = [], 0
    for page in pages:
        n = len(page.labels)
        out.append(flat[at : at + n])
        at += n
    return out


def revision_rows(pages: list[Page], probs: np.ndarray) -> list[list[list[float]]]:
    """The revision pass's rows of each page, given the previous pass's probabilities."""
    per_page = split_by_page(pages, probs)
    return [features.pass2_rows(p.lines, list(q)) for p, q in zip(pages, per_page, strict=True)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared"
    ap.add_argument("sets", nargs="*", type=Path, default=[shared / "devset", shared / "devset-web"])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="pickle of the pre-content documents (reused if stages match)")
    args = ap.parse_args()

    t0 = time.time()
    stages = ", ".join(pre_content_pipeline().names)
    prepared = None
    job_list = list(jobs(args.sets))
    if args.cache and args.cache.exists():
        with open(args.cache, "rb") as f:
            cached_stages, prepared = pickle.load(f)
        if cached_stages != stages or len(prepared) != len(job_list):
            prepared = None
    with Pool(args.workers) as pool:
        if prepared is None:
            prepared = pool.map(_run_pipeline, job_list, chunksize=8)
            if args.cache:
                with open(args.cache, "wb") as f:
                    pickle.dump((stages, prepared), f)
        print(f"ran the stages before content in {time.time() - t0:.0f}s: {stages}")
        pages = [p for p in pool.map(_label, prepared, chunksize=8) if p.labels]
    n_lines = sum(len(p.labels) for p in pages)
    print(f"features of {len(pages)} dumps, {n_lines} lines, {time.time() - t0:.0f}s")
    scorers = {s.name: load_scorer(s) for s in args.sets}

    train = [p for p in pages if not held_out(p.page_id)]
    test = [p for p in pages if held_out(p.page_id)]
    print(f"train {len(train)} dumps, held out {len(test)} dumps")

    Arrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]

    def stack(group: list[Page], rows: list[list[list[float]]]) -> Arrays:
        x = np.asarray([r for page_rows in rows for r in page_rows], dtype=float)
        y = np.asarray([lab for p in group for lab in p.labels])
        w = np.concatenate([weights_of(p) for p in group])
        g = np.asarray([p.page_id for p in group for _ in p.labels])
        return x, y, w, g

    # Pass 1.
    x1, y, w, g = stack(train, [p.lines.rows for p in train])
    xt1, yt, _, _ = stack(test, [p.lines.rows for p in test])
    print(f"fitting pass 1 ({time.time() - t0:.0f}s)")
    p1_oof = out_of_fold(x1, y, w, g, **PASS1_PARAMS)
    model1 = fit(x1, y, w, **PASS1_PARAMS)
    p1_test = model1.predict_proba(xt1)[:, 1]
    print(f"pass 1: {x1.shape[1]} features, line accuracy held out {np.mean((p1_test >= 0.5) == yt):.4f}")

    # Pass 2, on out-of-fold pass-1 probabilities for the training pages.
    rows2 = revision_rows(train, p1_oof)
    rows2t = revision_rows(test, p1_test)
    x2, _, _, _ = stack(train, rows2)
    xt2, _, _, _ = stack(test, rows2t)
    print(f"fitting pass 2 ({time.time() - t0:.0f}s)")
    p2_oof = out_of_fold(x2, y, w, g)
    model2 = fit(x2, y, w)
    p2_test = model2.predict_proba(xt2)[:, 1]
    print(f"pass 2: {x2.shape[1]} features, line accuracy held out {np.mean((p2_test >= 0.5) == yt):.4f}")

    oof_pages = split_by_page(train, p2_oof)
    print(f"choosing thresholds ({time.time() - t0:.0f}s)")
    thresholds = choose_thresholds(train, oof_pages, scorers)
    print(f"thresholds (chosen on training pages, out of fold): {thresholds}")

    data = {
        "format": FORMAT,
        "trained_on": [s.name for s in args.sets],
        "stages_before": list(pre_content_pipeline().names),
        "pass1": export_hgb(model1, features.PASS1_NAMES),
        "pass2": export_hgb(model2, features.PASS2_NAMES),
        "thresholds": thresholds,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    if args.out.resolve() == OUT.resolve():
        code = OUT.parent.parent / model.COMPILED_MODULE
        code.write_text(model.module_source(args.out.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"wrote {code}")

    test_pages = split_by_page(test, p2_test)
    for name, group, probs in (("held-out", test, test_pages), ("train (out of fold)", train, oof_pages)):
        res = evaluate(group, probs, thresholds["balanced"], scorers)
        print(f"\n{name} pages, balanced threshold {thresholds['balanced']}:")
        for (set_name, style), agg in sorted(res.items()):
            print(f"  {set_name:12} {style:10} {fmt(agg)}")
    res = evaluate(test, [np.ones(len(p.labels)) for p in test], 0.5, scorers)
    print("\nheld-out pages, input of the content stage (nothing dropped):")
    for (set_name, style), agg in sorted(res.items()):
        print(f"  {set_name:12} {style:10} {fmt(agg)}")


if __name__ == "__main__":
    main()
