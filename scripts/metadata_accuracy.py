"""Measure the metadata and dedupe stages on devset-style folders.

For every page under ``<devset>/pages/<id>.html`` the reference headline (JSON-LD
``headline``, ``og:title`` or the first ``<h1>``) and publication date (JSON-LD
``datePublished`` or ``article:published_time`` and kin) are read from the HTML;
each dump style is cleaned by the stages up to ``dedupe`` and the lifted title
and date are compared with them. It also counts the lines metadata/dedupe removed
that belong to the true body (``truth.jsonl``): lifted body text costs recall.

    python scripts/metadata_accuracy.py ../shared/devset ../shared/devset-web [-v]

A title counts as right when its words overlap the reference's by 80 % (Jaccard)
or one holds most of the other's words; a date when its day is the reference's
day (and, looser, within one day: time zones).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from cleaner import Pipeline
from cleaner.pipeline import DEFAULT
from cleaner.readers import read_text
from cleaner.stages.metadata import key

STAGES = [n for n in DEFAULT[: DEFAULT.index("dedupe") + 1] if n != "structure"]
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def reference(html: str) -> dict[str, str | None]:
    soup = BeautifulSoup(html, "html.parser")

    def meta(*names: str) -> str | None:
        for n in names:
            for attr in ("property", "name", "itemprop"):
                tag = soup.find("meta", attrs={attr: n})
                if tag is not None and tag.get("content"):
                    return str(tag["content"]).strip()
        return None

    headline = date = None
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            stack = [json.loads(script.string or "")]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if graph:
                    stack.extend(graph if isinstance(graph, list) else [graph])
                headline = headline or item.get("headline")
                date = date or item.get("datePublished")
    h1 = soup.find("h1")
    return {
        "headline": headline if isinstance(headline, str) else None,
        "og": meta("og:title", "twitter:title"),
        "h1": h1.get_text(" ", strip=True) if h1 else None,
        "date": (date if isinstance(date, str) else None)
        or meta("article:published_time", "datePublished", "date", "pubdate", "publishdate"),
    }


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def title_ok(got: str, refs: list[str | None]) -> bool:
    g = _words(got)
    for ref in refs:
        t = _words(ref or "")
        if not g or not t:
            continue
        if (
            len(g & t) / len(g | t) >= 0.8
            or (g <= t and len(g) >= 0.6 * len(t))
            or (t <= g and len(t) >= 0.6 * len(g))
        ):
            return True
    return False


def measure(root: Path, pipe: Pipeline, verbose: bool) -> None:
    truth = {r["id"]: r["body"] for r in map(json.loads, (root / "truth.jsonl").open(encoding="utf-8"))}
    refs = {
        p.stem: reference(p.read_text(encoding="utf-8", errors="replace"))
        for p in (root / "pages").glob("*.html")
    }
    for style in ("soup", "innertext", "markdown"):
        c: collections.Counter[str] = collections.Counter()
        for f in sorted((root / "dumps" / style).glob("*.txt")):
            ref, body = refs.get(f.stem, {}), truth[f.stem]
            doc = pipe.run(read_text(f.read_bytes(), source=str(f)))
            m = doc.metadata
            titles = [ref.get("headline"), ref.get("og"), ref.get("h1")]
            if m.title and any(titles):
                c["title"] += 1
                if title_ok(m.title, titles):
                    c["title_ok"] += 1
                elif verbose:
                    print(f"  TITLE {f.stem[:12]}: {m.title[:70]!r} vs {next(t for t in titles if t)[:70]!r}")
            rd = ref.get("date") or ""
            if m.published and _DAY.match(rd):
                c["date"] += 1
                a, b = datetime.date.fromisoformat(m.published[:10]), datetime.date.fromisoformat(rd[:10])
                c["date_ok"] += a == b
                c["date_near"] += abs((a - b).days) <= 1
            c["ref_title"] += any(titles)
            c["ref_date"] += bool(_DAY.match(rd))
            # body lines a stage removed: counted once per copy the truth holds
            lines = collections.Counter(key(x) for x in body.splitlines() if x.strip())
            flat = f" {key(body)} "
            total = collections.Counter(key(b.text) for b in doc.blocks if b.text)
            kept = collections.Counter(key(b.text) for b in doc.kept())
            charged: collections.Counter[str] = collections.Counter()
            for b in doc.removals():
                if b.removal is None or b.removal.stage not in ("metadata", "dedupe"):
                    continue
                k = key(b.text)
                stage = b.removal.stage
                c[f"{stage}_removed"] += 1
                in_truth = lines[k] or (flat.count(f" {k} ") if k.count(" ") >= 3 else 0)
                if k and min(in_truth, total[k]) - kept[k] - charged[k] > 0:
                    charged[k] += 1
                    c[f"{stage}_body"] += 1
                    if verbose:
                        print(f"  BODY  {f.stem[:12]} {stage} ({b.removal.reason}): {b.text[:80]!r}")
        print(
            f"{root.name:10} {style:9} title {c['title_ok']}/{c['title']} right (of {c['ref_title']} with a"
            f" reference) | date {c['date_ok']}/{c['date']} same day, {c['date_near']} within a day (of"
            f" {c['ref_date']}) | body lines removed: metadata {c['metadata_body']}/{c['metadata_removed']},"
            f" dedupe {c['dedupe_body']}/{c['dedupe_removed']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path, help="devset folders (pages/, dumps/, truth.jsonl)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list wrong titles and removed body lines"
    )
    args = parser.parse_args()
    pipe = Pipeline.build(STAGES)
    for root in args.roots:
        measure(root, pipe, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
