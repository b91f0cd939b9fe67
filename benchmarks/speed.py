"""Speed benchmark: start-up latency of one small dump, and throughput on the devset dumps.

    python benchmarks/speed.py [--runs 21] [--set ../shared/devset]

Start-up: the installed ``clean-article`` on one small bundled fixture, process
start included, median of ``--runs`` runs. Throughput: the library, one process,
over every dump of each style in the set (MB of input per CPU second), best of 3.
The devset part needs ``../shared``; it is skipped with a note when absent.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "seed-rt-en" / "input.txt"


def startup(runs: int) -> float:
    exe = shutil.which("clean-article", path=str(Path(sys.executable).parent)) or "clean-article"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([exe, str(SMALL)], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def throughput(folder: Path) -> tuple[float, int, float]:
    from cleaner import clean

    raws = [p.read_bytes() for p in sorted(folder.glob("*.txt"))]
    size = sum(map(len, raws))
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for raw in raws:
            clean(raw)
        best = min(best, time.process_time() - t0)
    return size / best / 1e6, len(raws), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "devset")
    args = parser.parse_args()
    print(
        f"start-up, one small dump ({SMALL.stat().st_size:,} B), median of {args.runs}: "
        f"{startup(args.runs) * 1000:.0f} ms"
    )
    dumps = args.set / "dumps"
    if not dumps.is_dir():
        print(f"(no {dumps}: throughput skipped)")
        return
    for style in ("soup", "innertext", "markdown"):
        if (dumps / style).is_dir():
            mbps, n, secs = throughput(dumps / style)
            print(
                f"throughput, {args.set.name}/{style}: {mbps:.2f} MB/s "
                f"({n} dumps in {secs:.2f} s of CPU, one process)"
            )


if __name__ == "__main__":
    main()
