"""Batch benchmark: throughput at 1 and 2 workers, and peak memory on many files and on a big JSONL.

    python benchmarks/batch.py [--set ../shared/devset] [--files 100000] [--jsonl-mb 1000]
                               [--parts throughput,files,jsonl] [--tmp DIR]

Every figure is one run of the installed ``clean-article`` command (process
start included), measured with ``wait4``: wall time, CPU time (the command and
its worker processes) and peak RSS (the largest single process of the run).

- throughput: every dump of the set (all styles) mirrored into a temporary
  directory, ``--jobs 1`` and ``--jobs 2``, full pipeline; files/s and MB/s of
  input, by wall time and by CPU time. Needs ``../shared``; skipped when absent.
- files: ``--files`` small generated dumps (about 1 kB each, 1,000 per
  directory), mirrored, ``--jobs 1``, full pipeline; at 1/100 and 1/10 of the
  count too, so flat memory shows as a flat RSS column.
- jsonl: a generated JSONL of ``--jsonl-mb`` MB (records of about 8 kB) into
  shards of 10,000 records, ``--jobs 2``; with ``--stages normalize`` so a large
  file fits in a benchmark's time (memory is the batch machinery's, not the
  stages'); at 1/10 of the size too.

Generated inputs go to a temporary directory (``--tmp``), removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = str(Path(sys.executable).parent / "clean-article")

WORDS = [
    "council", "budget", "river", "school", "road", "market", "city", "police", "weather", "health",
    "report", "minister", "voters", "season", "bridge", "harbour", "station", "library", "museum",
    "festival", "election", "hospital", "farmers", "trains", "teachers",
]


class Run:
    """One measured run of the command."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen([EXE, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = time.perf_counter() - start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss_mb = usage.ru_maxrss / 1024
        self.code = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        proc.returncode = self.code
        if self.code != 0:
            raise SystemExit(f"clean-article {' '.join(args)} failed ({self.code}): {err[-500:]}")


def size_of(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def emit(*rows: str) -> None:
    print("\n".join(rows), flush=True)


def throughput(devset: Path, tmp: Path) -> None:
    dumps = devset / "dumps"
    if not dumps.is_dir():
        emit(f"(no {dumps}: throughput skipped)")
        return
    files = sorted(dumps.rglob("*.txt"))
    mb = size_of(files) / 1e6
    emit(
        f"throughput: {len(files)} devset dumps ({mb:.1f} MB, all styles), mirrored, full pipeline",
        "| workers | wall s | files/s (wall) | MB/s (wall) | CPU s | files/CPU s | MB/CPU s | peak RSS MB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    )
    for jobs in (1, 2):
        out = tmp / f"through-{jobs}"
        run = Run([str(dumps), "-o", str(out), "-j", str(jobs), "-q"], tmp)
        shutil.rmtree(out)
        emit(
            f"| {jobs} | {run.wall:.1f} | {len(files) / run.wall:.0f} | {mb / run.wall:.2f} | "
            f"{run.cpu:.1f} | {len(files) / run.cpu:.0f} | {mb / run.cpu:.2f} | {run.rss_mb:.0f} |"
        )


def small_page(rng: random.Random, i: int) -> str:
    lines = ["Home | News | Sport | Weather", "Share this article"]
    lines.append(f"Story {i} about the {rng.choice(WORDS)}")
    for _ in range(5):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + ".")
    lines.append("© 2026 Example Media")
    return "\n".join(lines) + "\n"


def many_files(count: int, tmp: Path) -> None:
    rng = random.Random(5)
    root = tmp / "files"
    emit(
        "memory: small generated dumps (~1 kB), mirrored, --jobs 1, full pipeline",
        "| files | MB in | wall s | files/s (wall) | CPU s | peak RSS MB |",
        "| --- | --- | --- | --- | --- | --- |",
    )
    made = 0
    for target in sorted({max(1, count // 100), max(1, count // 10), count}):
        while made < target:
            folder = root / f"d{made // 1000:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{made:07d}.txt").write_text(small_page(rng, made), encoding="utf-8")
            made += 1
        mb = sum(p.stat().st_size for p in root.rglob("*.txt")) / 1e6
        out = tmp / "files-out"
        run = Run([str(root), "-o", str(out), "-j", "1", "-q"], tmp)
        shutil.rmtree(out)
        emit(
            f"| {target:,} | {mb:.1f} | {run.wall:.0f} | {target / run.wall:.0f} | {run.cpu:.0f} | "
            f"{run.rss_mb:.0f} |"
        )
    shutil.rmtree(root)


def big_jsonl(megabytes: int, tmp: Path) -> None:
    rng = random.Random(7)
    path = tmp / "big.jsonl"
    emit(
        "memory: one generated JSONL (records ~8 kB), 10,000-record shards, --jobs 2, --stages normalize",
        "| MB in | records | wall s | MB/s (wall) | CPU s | peak RSS MB |",
        "| --- | --- | --- | --- | --- | --- |",
    )
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(200)]
    records = 0
    with open(path, "w", encoding="utf-8") as handle:
        for target in sorted({max(1, megabytes // 10), megabytes}):
            while handle.tell() < target * 1e6:
                body = "\n".join(rng.choice(paragraphs) for _ in range(18))
                record = {"id": f"r{records}", "url": f"https://news.example/{records}", "lang": "en",
                          "text": f"Home | News\n{body}\nShare this article\n"}
                handle.write(json.dumps(record) + "\n")
                records += 1
            handle.flush()
            out = tmp / "shards"
            run = Run([str(path), "--shard-size", "10000", "-o", str(out), "-j", "2", "--stages", "normalize",
                       "-q"], tmp)
            shutil.rmtree(out)
            mb = path.stat().st_size / 1e6
            emit(
                f"| {mb:,.0f} | {records:,} | {run.wall:.0f} | {mb / run.wall:.1f} | {run.cpu:.0f} | "
                f"{run.rss_mb:.0f} |"
            )
    path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--jsonl-mb", type=int, default=1000)
    parser.add_argument("--parts", default="throughput,files,jsonl")
    parser.add_argument("--tmp", type=Path, default=None, help="where to generate inputs (default: temp)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory(prefix="clean-article-bench-", dir=args.tmp) as name:
        tmp = Path(name)
        if "throughput" in parts:
            throughput(args.set, tmp)
        if "files" in parts:
            many_files(args.files, tmp)
        if "jsonl" in parts:
            big_jsonl(args.jsonl_mb, tmp)


if __name__ == "__main__":
    main()
