"""Site-template benchmark: F1 per dump style with and without learned site templates.

    python benchmarks/templates.py [SET] [--share 0.5] [--min-pages 3] [--before end]

SET is a directory in the devset layout (``dumps/<style>/<id>.txt``,
``truth.jsonl`` with a ``url`` per page); default ``../shared/devset-web``.
The multi-page-per-site set is built from it: the pages whose URL's host has
3 or more pages. Each page's site is its URL's host. Two measures per style,
both scored with the shingle metric of :mod:`cleaner.evaluate` (the metric of
``benchmarks/quality.py``), the default pipeline without and with the
``site-templates`` stage (last, or inserted before ``--before``):

- *batch*: templates learned from all pages of the set, the page itself among
  them (a run with ``--learn-templates``);
- *held out*: on sites with more than ``--min-pages`` pages, each page cleaned
  with templates learned from the site's other pages only (``--templates``
  reused on a new page).
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
from cleaner.evaluate import Summary, score_document, summarise  # noqa: E402
from cleaner.pipeline import DEFAULT  # noqa: E402
from cleaner.readers import read_text  # noqa: E402
from cleaner.templates import STAGE_NAME, TemplateCounter, page_keys, prefix, site_of  # noqa: E402

STYLES = ("soup", "innertext", "markdown")


def host(url: str) -> str:
    return site_of(Document((), source="").with_metadata(url=url))


def load_pages(folder: Path, min_pages: int = 3) -> dict[str, dict[str, str]]:
    """Truth records of the pages whose site has at least ``min_pages`` pages with a URL."""
    records = [json.loads(line) for line in (folder / "truth.jsonl").open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r.get("url")]
    hosts = Counter(host(r["url"]) for r in records)
    return {
        r["id"]: {"url": r["url"], "body": r["body"]} for r in records if hosts[host(r["url"])] >= min_pages
    }


def stage_names(before: str) -> tuple[str, ...]:
    names = [n for n in DEFAULT if n != STAGE_NAME]
    names.insert(names.index(before) if before in names else len(names), STAGE_NAME)
    return tuple(names)


def row(label: str, a: Summary, b: Summary, extra: str = "") -> str:
    return (
        f"{label:22} P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f}   "
        f"P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}   {b.f1 - a.f1:+.3f}  {extra}"
    )


def run_style(folder: Path, style: str, pages: dict[str, dict[str, str]], args: argparse.Namespace) -> None:
    docs: dict[str, Document] = {}
    for page_id, record in sorted(pages.items()):
        path = folder / "dumps" / style / f"{page_id}.txt"
        if path.exists():
            docs[page_id] = read_text(path.read_bytes(), source=str(path)).with_metadata(url=record["url"])
    names = stage_names(args.before)
    plain = Pipeline.build([n for n in names if n != STAGE_NAME])
    prepare = prefix(Pipeline.build(names))
    t0 = time.process_time()
    keys = {i: (site_of(d), page_keys(prepare.run(d))) for i, d in docs.items()}
    learn_time = time.process_time() - t0

    def counter(ids: list[str]) -> TemplateCounter:
        c = TemplateCounter(min_pages=args.min_pages, share=args.share)
        for i in ids:
            c.add_page(*keys[i])
        return c

    without = {i: score_document(i, pages[i]["body"], plain.clean(d).text) for i, d in docs.items()}
    templates = counter(sorted(docs)).templates()
    batch = Pipeline.build(names, options=Options(templates=templates))
    cleaned = {i: batch.clean(d) for i, d in docs.items()}
    with_ = {i: score_document(i, pages[i]["body"], c.text) for i, c in cleaned.items()}
    stages = [b.removal.stage for c in cleaned.values() for b in c.removals() if b.removal]
    removed = stages.count(STAGE_NAME)
    before, after = summarise(list(without.values())), summarise(list(with_.values()))
    note = f"{len(templates)} blocks, {removed} lines removed, learning {learn_time:.1f} s CPU"
    print(row(f"{style} batch ({len(docs)})", before, after, note))

    by_site: dict[str, list[str]] = {}
    for i, (site, _) in keys.items():
        by_site.setdefault(site, []).append(i)
    held = [i for ids in by_site.values() if len(ids) > args.min_pages for i in ids]
    held_with = []
    for i in held:
        others = [j for j in by_site[keys[i][0]] if j != i]
        learned = Pipeline.build(names, options=Options(templates=counter(others).templates()))
        held_with.append(score_document(i, pages[i]["body"], learned.clean(docs[i]).text))
    held_without = [without[i] for i in held]
    if held:
        print(row(f"{style} held out ({len(held)})", summarise(held_without), summarise(held_with)))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("set", nargs="?", type=Path, default=ROOT.parent / "shared" / "devset-web")
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--min-pages", type=int, default=3)
    parser.add_argument("--before", default="end", help="insert site-templates before this stage (end: last)")
    args = parser.parse_args()
    if not (args.set / "truth.jsonl").exists():
        raise SystemExit(f"{args.set}: no truth.jsonl (is ../shared present?)")
    pages = load_pages(args.set)
    sites = {host(r["url"]) for r in pages.values()}
    print(f"== {args.set}: {len(pages)} pages of {len(sites)} sites with >= 3 pages; "
          f"share {args.share}, min pages {args.min_pages}; site-templates before {args.before}")
    print(f"{'style / pages':22} {'without templates':28} {'with templates':28} {'dF1':>6}")
    for style in STYLES:
        if (args.set / "dumps" / style).is_dir():
            run_style(args.set, style, pages, args)


if __name__ == "__main__":
    main()
