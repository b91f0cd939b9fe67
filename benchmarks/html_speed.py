"""Whole-process HTML speed: ``clean-article DIR -o OUT --jobs 1`` against a trafilatura script.

    python benchmarks/html_speed.py [--set ../shared/devset] [--set ../shared/devset-web] [--repeat 3]

Both sides run as a fresh process over the same ``pages/*.html`` files, one worker each,
reading every file and writing one output file per page: interpreter start, imports, reading,
parsing, cleaning and writing are all counted. The trafilatura side is a small script that calls
``trafilatura.extract`` on each file's bytes (defaults) and writes the result
(``pip install '.[bench]'``). Times are the CPU seconds of the child process (user + system,
from ``getrusage``; the machine is shared, so wall time is printed too but noisier), best of
``--repeat`` rounds (the two sides alternate), after an untimed run over one page that lets
both sides write their bytecode caches. The ratio is trafilatura's time over ours:
above 1 means we are faster.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = (SHARED / "devset", SHARED / "devset-web")

TRAFILATURA_SCRIPT = """
import sys
from pathlib import Path
import trafilatura
src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for page in sorted(src.glob("*.html")):
    text = trafilatura.extract(page.read_bytes()) or ""
    (out / (page.stem + ".txt")).write_text(text, encoding="utf-8")
"""


#: The children may write and read bytecode caches, as installed programs do (a shell that sets
#: PYTHONDONTWRITEBYTECODE would make every run compile every module of both sides again).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child_run(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one child process run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def best(repeat: int, runs: dict[str, tuple[list[str], Path]]) -> dict[str, tuple[float, float]]:
    """The fastest (CPU, wall) of ``repeat`` rounds per side; the sides alternate within a round,
    so a burst of load from other processes hits both."""
    found = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(repeat):
        for name, (cmd, out) in runs.items():
            shutil.rmtree(out, ignore_errors=True)
            cpu, wall = child_run(cmd)
            found[name] = (min(found[name][0], cpu), min(found[name][1], wall))
    return found


def compare(sets: list[Path], repeat: int) -> None:
    """Print, per set, both sides' best CPU and wall time over its pages and the ratio."""
    exe = shutil.which("clean-article", path=str(Path(sys.executable).parent)) or "clean-article"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "run_trafilatura.py"
        script.write_text(TRAFILATURA_SCRIPT, encoding="utf-8")
        for folder in sets:
            pages = folder / "pages"
            files = sorted(pages.glob("*.html"))
            mb = sum(p.stat().st_size for p in files) / 1e6
            print(f"{folder.name}: {len(files)} pages, {mb:.1f} MB, best of {repeat}")
            ours_out, theirs_out = Path(tmp) / "ours", Path(tmp) / "theirs"
            ours_cmd = [exe, str(pages), "-o", str(ours_out), "--jobs", "1"]
            theirs_cmd = [sys.executable, str(script), str(pages), str(theirs_out)]
            # one page first, not timed: both sides compile their modules' bytecode once
            warm = Path(tmp) / "warm"
            warm.mkdir(exist_ok=True)
            shutil.copy(files[0], warm / files[0].name)
            for cmd in (ours_cmd, theirs_cmd):
                child_run([str(warm) if arg == str(pages) else arg for arg in cmd])
            found = best(repeat, {
                "clean-article --jobs 1": (ours_cmd, ours_out),
                "trafilatura script": (theirs_cmd, theirs_out),
            })  # fmt: skip
            ours, theirs = found["clean-article --jobs 1"], found["trafilatura script"]
            for name, (cpu, wall) in (("clean-article --jobs 1", ours), ("trafilatura script", theirs)):
                print(f"  {name:<28} CPU {cpu:6.2f} s  {mb / cpu:5.2f} MB/s   wall {wall:6.2f} s")
            print(f"  ratio trafilatura / clean-article: CPU {theirs[0] / ours[0]:.2f}x, "
                  f"wall {theirs[1] / ours[1]:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", type=Path, help="a set folder holding pages/*.html")
    parser.add_argument("--repeat", type=int, default=3, help="runs per side; the fastest counts")
    args = parser.parse_args()
    sets = args.set or [s for s in DEFAULT_SETS if s.is_dir()]
    if not sets:
        sys.exit("no set found (../shared is absent); pass --set")
    compare(sets, args.repeat)


if __name__ == "__main__":
    main()
