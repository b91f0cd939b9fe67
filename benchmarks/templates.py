"""Site-template benchmark: F1 per dump style with and without learned site templates.

    python benchmarks/templates.py [SET] [--share 0.5] [--min-pages 3] [--before end]

SET is a directory in the devset layout (``dumps/<style>/<id>.txt``,
``truth.jsonl`` with a ``url`` per page); default ``../shared/devset-web``.
The multi-page-per-site set is built from it: the pages whose URL's host has
at least ``--min-pages`` pages. Per style, templates are learned from those
pages (each page's site is its URL's host; the page itself is among the pages
learned from, as in a batch run with ``--learn-templates``), then every page is
cleaned with the default pipeline, without and with the ``site-templates``
stage (last, or inserted before ``--before``), and scored with the shingle metric of
:mod:`cleaner.evaluate` (the metric of ``benchmarks/quality.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Document, Options, Pipeline  # noqa: E402
from cleaner.evaluate import score_document, summarise  # noqa: E402
from cleaner.pipeline import DEFAULT  # noqa: E402
from cleaner.readers import read_text  # noqa: E402
from cleaner.templates import STAGE_NAME, TemplateCounter, prefix, site_of  # noqa: E402

STYLES = ("soup", "innertext", "markdown")


def load_pages(folder: Path, min_pages: int) -> dict[str, dict[str, str]]:
    """Truth records of the pages whose site has at least ``min_pages`` pages with a URL."""
    records = [json.loads(line) for line in (folder / "truth.jsonl").open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("url")]
    hosts = Counter(site_of(Document((), source="").with_metadata(url=r["url"])) for r in records)
    keep = {}
    for r in records:
        if hosts[site_of(Document((), source="").with_metadata(url=r["url"]))] >= min_pages:
            keep[r["id"]] = {"url": r["url"], "body": r["body"]}
    return keep


def stage_names(before: str) -> tuple[str, ...]:
    names = [n for n in DEFAULT if n != STAGE_NAME]
    names.insert(names.index(before) if before in names else len(names), STAGE_NAME)
    return tuple(names)


def run_style(
    folder: Path, style: str, pages: dict[str, dict[str, str]], args: argparse.Namespace
) -> tuple[float, float, float, float, float, float, int, int, float]:
    docs: dict[str, Document] = {}
    for page_id, record in sorted(pages.items()):
        path = folder / "dumps" / style / f"{page_id}.txt"
        if path.exists():
            doc = read_text(path.read_bytes(), source=str(path))
            docs[page_id] = doc.with_metadata(url=record["url"])
    names = stage_names(args.before)
    plain = Pipeline.build([n for n in names if n != STAGE_NAME])
    t0 = time.process_time()
    counter = TemplateCounter(min_pages=args.min_pages, share=args.share)
    prepare = prefix(Pipeline.build(names))
    for doc in docs.values():
        counter.add(prepare.run(doc))
    templates = counter.templates()
    learn_time = time.process_time() - t0
    with_templates = Pipeline.build(names, options=Options(templates=templates))
    without = [score_document(i, pages[i]["body"], plain.clean(d).text) for i, d in docs.items()]
    cleaned = {i: with_templates.clean(d) for i, d in docs.items()}
    with_ = [score_document(i, pages[i]["body"], c.text) for i, c in cleaned.items()]
    removed = sum(
        1 for c in cleaned.values() for b in c.blocks if b.removal and b.removal.stage == STAGE_NAME
    )
    a, b = summarise(without), summarise(with_)
    return a.precision, a.recall, a.f1, b.precision, b.recall, b.f1, len(templates), removed, learn_time


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("set", nargs="?", type=Path, default=ROOT.parent / "shared" / "devset-web")
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--min-pages", type=int, default=3)
    parser.add_argument("--before", default="end", help="insert site-templates before this stage (end: last)")
    args = parser.parse_args()
    if not (args.set / "truth.jsonl").exists():
        raise SystemExit(f"{args.set}: no truth.jsonl (is ../shared present?)")
    pages = load_pages(args.set, 3)
    sites = {site_of(Document((), source="").with_metadata(url=r["url"])) for r in pages.values()}
    print(f"== {args.set}: {len(pages)} pages of {len(sites)} sites with >= {args.min_pages} pages; "
          f"share {args.share}; site-templates before {args.before}")
    print(f"{'style':10} {'without templates':28} {'with templates':28} {'dF1':>7}  blocks  removed  learn s")
    for style in STYLES:
        if not (args.set / "dumps" / style).is_dir():
            continue
        p0, r0, f0, p1, r1, f1, learned, removed, learn_time = run_style(args.set, style, pages, args)
        print(f"{style:10} P {p0:.3f} R {r0:.3f} F1 {f0:.3f}   P {p1:.3f} R {r1:.3f} F1 {f1:.3f}   "
              f"{f1 - f0:+.3f}  {learned:6}  {removed:7}  {learn_time:.2f}")


if __name__ == "__main__":
    main()
