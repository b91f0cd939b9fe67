"""Measure how often the line-filter stages remove article text (a development tool).

For every dump in a devset layout (``dumps/<style>/<id>.txt`` + ``truth.jsonl``)
it runs ``normalize`` and the chosen stages, and counts per stage and style the
removed lines and the *false* removals: lines whose words are in the true body
(most of their 4-gram shingles, or, for lines under four words, a whole line of
the truth). It also times the stages.

    python scripts/stage_precision.py ../shared/devset ../shared/devset-web [--show 20]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex

from cleaner import Document, Pipeline
from cleaner.readers import sniff_style

STAGES = ("markdown", "user-rules", "icons", "navigation", "share", "footers", "media")
TOKEN = regex.compile(r"\w+")


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))}


def is_false(line: str, truth_shingles: set[tuple[str, ...]], truth_lines: set[tuple[str, ...]]) -> bool:
    tokens = TOKEN.findall(line)
    if not tokens:
        return False
    if len(tokens) < 4:
        return tuple(tokens) in truth_lines
    grams = shingles(tokens)
    return sum(1 for g in grams if g in truth_shingles) >= 0.5 * len(grams)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="+", type=Path)
    ap.add_argument("--stages", default=",".join(STAGES))
    ap.add_argument("--show", type=int, default=0, help="print this many false removals per stage")
    args = ap.parse_args()
    names = args.stages.split(",")
    pipeline = Pipeline.build(["normalize", *names])
    removed: Counter[tuple[str, str]] = Counter()
    false: Counter[tuple[str, str]] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    seconds: Counter[str] = Counter()
    size: Counter[str] = Counter()
    for root in args.roots:
        truth = {r["id"]: r["body"] for r in map(json.loads, (root / "truth.jsonl").open())}
        for style_dir in sorted((root / "dumps").iterdir()):
            style = style_dir.name
            for path in sorted(style_dir.glob("*.txt")):
                body = truth.get(path.stem, "")
                t_shingles = shingles(TOKEN.findall(body))
                t_lines = {tuple(TOKEN.findall(x)) for x in body.splitlines() if x.strip()}
                raw = path.read_text(encoding="utf-8")
                lines = raw.splitlines()
                doc = Document.from_lines(lines, style=sniff_style(lines))
                start = time.perf_counter()
                doc = pipeline.run(doc)
                seconds[style] += time.perf_counter() - start
                size[style] += len(raw.encode())
                for block in doc.removals():
                    assert block.removal is not None
                    stage = block.removal.stage
                    if stage == "normalize":
                        continue
                    removed[stage, style] += 1
                    original = lines[block.origin - 1]
                    if is_false(original, t_shingles, t_lines):
                        false[stage, style] += 1
                        examples[stage].append(f"{path.stem[:8]} {style}: {original[:160]!r}")
    styles = sorted({s for _, s in removed} | set(size))
    print(f"{'stage':<12}" + "".join(f"{s:>22}" for s in styles))
    for stage in names:
        cells = []
        for s in styles:
            n, f = removed[stage, s], false[stage, s]
            cells.append(f"{n:>8} {f:>4} {100 * f / n if n else 0:>5.2f}%  ")
        print(f"{stage:<12}" + "".join(f"{c:>22}" for c in cells))
    print("(removed lines, false removals, false share)")
    for s in styles:
        mb = size[s] / 1e6
        print(f"speed {s}: {mb:.1f} MB in {seconds[s]:.2f} s = {mb / seconds[s]:.1f} MB/s")
    if args.show:
        for stage, lines_ in examples.items():
            print(f"\n== {stage}: false removals ({len(lines_)})")
            for line in lines_[: args.show]:
                print("  " + line)


if __name__ == "__main__":
    main()
