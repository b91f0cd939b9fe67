"""HTML quality and speed: our reader + stages against trafilatura, on the devsets' pages.

    python benchmarks/html_quality.py [--set ../shared/devset] [--set ../shared/devset-web]
                                      [--stages normalize,structure,...] [--no-trafilatura]
                                      [--out DIR] [--worst 10] [--by-type] [--repeat 3]

For each set: every ``pages/*.html`` is read with :func:`cleaner.html.read_html`
and cleaned by the pipeline (default: ``normalize``, ``structure`` and every other
stage of DEFAULT that is registered), then scored with the set's own
``score.py`` (imported, not copied). trafilatura (``pip install '.[bench]'``) runs
on the same pages in the same process, with defaults and with ``favor_precision``.
Times are the whole per-page work (decode, parse, clean), one process, no I/O, the best of
``--repeat`` runs.
Also prints the bs4 tree-builder timings (``lxml`` and ``html.parser``).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = (SHARED / "devset", SHARED / "devset-web")


def load_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"score_{folder.name.replace('-', '_')}", folder / "score.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_stages() -> list[str]:
    from cleaner import DEFAULT, all_stages

    known = all_stages()
    names = ["normalize", "structure"]
    for name in DEFAULT:
        if name in known and name not in names:
            try:
                known[name]()
            except Exception as exc:  # a stage still being built elsewhere: say so, go on without it
                print(f"(stage {name} left out: {type(exc).__name__}: {exc})", file=sys.stderr)
                continue
            names.append(name)
    return names


def ours(stages: list[str]) -> Callable[[bytes], str]:
    from cleaner import Pipeline
    from cleaner.html import read_html

    pipeline = Pipeline.build(stages)

    def run(raw: bytes) -> str:
        return pipeline.run(read_html(raw)).text

    return run


def trafilatura_runner(**kw: Any) -> Callable[[bytes], str]:
    import trafilatura

    def run(raw: bytes) -> str:
        return trafilatura.extract(raw.decode("utf-8", "replace"), **kw) or ""

    return run


def timed(fn: Callable[[bytes], str], pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    out: dict[str, str] = {}
    t0 = time.perf_counter()
    for pid, raw in pages.items():
        out[pid] = fn(raw)
    return out, time.perf_counter() - t0


def best_of(repeat: int, fn: Callable[[bytes], str], pages: dict[str, bytes]) -> tuple[dict[str, str], float]:
    """The outputs, and the fastest of ``repeat`` timed runs (other processes make single runs noisy)."""
    out, secs = timed(fn, pages)
    for _ in range(repeat - 1):
        secs = min(secs, timed(fn, pages)[1])
    return out, secs


def builder_times(pages: dict[str, bytes]) -> dict[str, float]:
    from bs4 import BeautifulSoup

    from cleaner.html import decode_html

    texts = [decode_html(raw) for raw in pages.values()]
    result = {}
    for builder in ("lxml", "html.parser"):
        t0 = time.perf_counter()
        try:
            for text in texts:
                BeautifulSoup(text, builder)
        except Exception as exc:  # a missing builder: report, don't fail
            print(f"  {builder}: unavailable ({exc})", file=sys.stderr)
            continue
        result[builder] = time.perf_counter() - t0
    return result


def report(name: str, scorer: ModuleType, truth: dict[str, Any], pred: dict[str, str], secs: float,
           mb: float, worst: int, by_type: bool) -> None:  # fmt: skip
    per_doc, agg = scorer.score(truth, pred)
    line = f"  {name:<28} P {agg['precision']:.3f}  R {agg['recall']:.3f}  F1 {agg['f1']:.3f}"
    print(f"{line}   {secs:6.2f} s  {mb / secs:5.2f} MB/s")
    if by_type:
        types = sorted({r.get("page_type") for r in truth.values() if r.get("page_type")})
        for t in types:
            ids = [i for i, r in truth.items() if r.get("page_type") == t]
            _, a = scorer.score(truth, pred, ids)
            p, r, f = a["precision"], a["recall"], a["f1"]
            print(f"      {t:<14} ({len(ids):3d})  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if worst:
        for i in sorted(per_doc, key=lambda i: scorer.doc_f1(per_doc[i]))[:worst]:
            t = per_doc[i]
            p, r = scorer.doc_precision(*t), scorer.doc_recall(*t)
            print(f"      {scorer.doc_f1(t):.3f}  P {p:.3f}  R {r:.3f}  {i}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", action="append", type=Path, help="a set folder (pages/, truth.jsonl, score.py)"
    )
    parser.add_argument(
        "--stages", help="comma-separated stage names (default: normalize, structure, the rest)"
    )
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--no-builders", action="store_true", help="skip the bs4 tree-builder timings")
    parser.add_argument("--out", type=Path, help="write our outputs here as <set>/<id>.txt")
    parser.add_argument("--worst", type=int, default=0)
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each system this many times, keep the best"
    )
    parser.add_argument("--by-type", action="store_true", help="also score each page type")
    args = parser.parse_args()
    sets = args.set or [s for s in DEFAULT_SETS if s.is_dir()]
    if not sets:
        sys.exit("no set found (../shared is absent); pass --set")
    stages = args.stages.split(",") if args.stages else default_stages()
    print(f"stages: {','.join(stages)}")
    for folder in sets:
        scorer = load_scorer(folder)
        truth = scorer.load_truth(str(folder / "truth.jsonl"))
        pages = {p.stem: p.read_bytes() for p in sorted((folder / "pages").glob("*.html"))}
        mb = sum(map(len, pages.values())) / 1e6
        print(f"\n{folder.name}: {len(pages)} pages, {mb:.1f} MB")
        pred, secs = best_of(args.repeat, ours(stages), pages)
        report("clean-article", scorer, truth, pred, secs, mb, args.worst, args.by_type)
        if args.out:
            target = args.out / folder.name
            target.mkdir(parents=True, exist_ok=True)
            for pid, text in pred.items():
                (target / f"{pid}.txt").write_text(text, encoding="utf-8")
        if not args.no_trafilatura:
            try:
                for label, kw in (
                    ("trafilatura", {}),
                    ("trafilatura favor_precision", {"favor_precision": True}),
                ):
                    tpred, tsecs = best_of(args.repeat, trafilatura_runner(**kw), pages)
                    report(label, scorer, truth, tpred, tsecs, mb, 0, args.by_type)
            except ImportError:
                print("  trafilatura: not installed (pip install '.[bench]')")
        if not args.no_builders:
            for builder, secs in builder_times(pages).items():
                print(f"  bs4 tree only, {builder:<12} {secs:6.2f} s  {mb / secs:5.2f} MB/s")


if __name__ == "__main__":
    main()
