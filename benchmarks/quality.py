"""Quality benchmark: P/R/F1 per dump style, and on the HTML pages, of the full pipeline on a labelled set.

    python benchmarks/quality.py [SET ...] [--mode balanced] [--worst 3] [--by-type] [--skip STAGE]
                                 [--stages a,b,c]

SET is a directory in the devset layout (``dumps/<style>/<id>.txt``,
``truth.jsonl``, ``score.py``); default ``../shared/devset``. Every dump is
cleaned in-process with the library (:func:`cleaner.clean`), then scored with
the set's own ``score.py`` (imported, not copied): on all pages, and on the
pages held out from the content model's training (``sha1(id) % 5 == 0``, the
split of ``scripts/train_content_model.py``). The set's HTML pages (``pages/<id>.html``)
are cleaned the same way and reported as the ``html`` row (``html_quality.py``
scores trafilatura beside them). Also prints the worst pages of
each style, the throughput, and with ``--by-type`` the F1 per page type.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Options, Pipeline  # noqa: E402
from cleaner.readers import read, read_text  # noqa: E402

STYLES = ("soup", "innertext", "markdown")


def held_out(page_id: str) -> bool:
    """The content model's fixed split: these pages were not trained on."""
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 5 == 0


def load_scorer(folder: Path) -> ModuleType:
    name = f"score_{folder.name.replace('-', '_')}"
    spec = importlib.util.spec_from_file_location(name, folder / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {folder}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fmt(agg: dict[str, float]) -> str:
    return f"P {agg['precision']:.3f}  R {agg['recall']:.3f}  F1 {agg['f1']:.3f}"


def run_set(folder: Path, pipeline: Pipeline, worst: int, by_type: bool) -> None:
    scorer = load_scorer(folder)
    truth: dict[str, dict[str, Any]] = scorer.load_truth(str(folder / "truth.jsonl"))
    print(f"== {folder} ({len(truth)} pages, {sum(held_out(i) for i in truth)} held out)")
    # the three dump styles, then the HTML pages themselves (read as any input is: sniffed)
    sources = [(style, folder / "dumps" / style, ".txt") for style in STYLES]
    for style, dumps, ext in [*sources, ("html", folder / "pages", ".html")]:
        if not dumps.is_dir():
            continue
        pred: dict[str, str] = {}
        size = 0
        elapsed = 0.0
        for page_id in sorted(truth):
            path = dumps / f"{page_id}{ext}"
            if not path.exists():
                continue
            raw = path.read_bytes()
            size += len(raw)
            t0 = time.process_time()
            doc = read(raw, source=str(path)) if ext == ".html" else read_text(raw, source=str(path))
            pred[page_id] = pipeline.clean(doc).text
            elapsed += time.process_time() - t0
        per_doc, agg = scorer.score(truth, pred)
        held = [i for i in sorted(truth) if held_out(i)]
        _, agg_held = scorer.score(truth, pred, held)
        speed = size / elapsed / 1e6 if elapsed else 0.0
        print(f"{style:10} all {fmt(agg)}   held-out {fmt(agg_held)}   {speed:.2f} MB/s (CPU time)")
        if by_type and any("page_type" in r for r in truth.values()):
            types = sorted({r.get("page_type", "?") for r in truth.values()})
            for page_type in types:
                ids = [i for i in sorted(truth) if truth[i].get("page_type") == page_type]
                print(f"    {page_type:14} {fmt(scorer.score(truth, pred, ids)[1])}  ({len(ids)})")
        for page_id in sorted(per_doc, key=lambda i: scorer.doc_f1(per_doc[i]))[:worst]:
            t = per_doc[page_id]
            print(
                f"    worst {scorer.doc_f1(t):.3f}  P {scorer.doc_precision(*t):.3f}  "
                f"R {scorer.doc_recall(*t):.3f}  {page_id}  {truth[page_id].get('url') or ''}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[ROOT.parent / "shared" / "devset"])
    parser.add_argument("--mode", default="balanced", choices=("precision", "balanced", "recall"))
    parser.add_argument("--worst", type=int, default=3)
    parser.add_argument("--by-type", action="store_true", help="F1 per page type (devset-web)")
    parser.add_argument("--skip", action="append", default=[], help="a stage to leave out (repeatable)")
    parser.add_argument("--stages", help="comma-separated stage order to run instead of DEFAULT")
    args = parser.parse_args()
    names = args.stages.split(",") if args.stages else None
    pipeline = Pipeline.build(names, skip=args.skip, options=Options(mode=args.mode))
    print(f"stages: {', '.join(pipeline.names)}; mode {args.mode}")
    for folder in args.sets:
        if not (folder / "truth.jsonl").exists():
            raise SystemExit(f"{folder}: no truth.jsonl (is ../shared present?)")
        run_set(folder, pipeline, args.worst, args.by_type)


if __name__ == "__main__":
    main()
