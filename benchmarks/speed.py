"""Speed benchmark: start-up latency of one small dump, and throughput on the devset dumps.

    python benchmarks/speed.py [--runs 21] [--set ../shared/devset] [--instructions] [--html]
    python benchmarks/speed.py --count soup,innertext,markdown [--every 5] [--code CHECKOUT]

Start-up: the installed ``clean-article`` on one small bundled fixture, process
start included, median of ``--runs`` runs (wall clock, and the CPU time of the
process, which a busy machine disturbs less). The figure says which install it
measured: a regular one (what users get), or an editable one, which costs the
same only when it is a plain path ``.pth`` (an import-hook finder, as
setuptools' editable installs have, runs at every interpreter start). It runs in an empty directory, as
a user's would be: a ``pyproject.toml`` in the current directory is read for a
config, and ours would add a TOML parse. ``--instructions`` also counts the
instructions of one such run under ``valgrind --tool=cachegrind``: slow, but the
same on a loaded machine as on an idle one, so two versions of the code can be
compared where wall times cannot (after a first run that writes the caches).
Throughput: the library, one process, over every dump of each style in the set
(MB of input per CPU second), best of 3; each repetition runs in a fresh
process, so caches filled by a previous repetition (features of lines already
seen) do not flatter the figure. ``--html`` also times the set's HTML pages, whole process,
against a ``trafilatura.extract`` script, side by side (``html_speed.py``). The devset part
needs ``../shared``; it is skipped with a note when absent.

``--count STYLES`` measures throughput by instructions instead of time, which
the VM's hourly swings in speed do not move: valgrind counts one process that
cleans every ``--every``'th dump of a style, minus one that only starts up (the
imports and the first small dump), and prints instructions per MB of input.
``--code CHECKOUT`` counts another checkout's ``cleaner`` package (an older
release extracted with ``git archive``, say) with this interpreter.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "seed-rt-en" / "input.txt"


def startup(runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of one ``clean-article SMALL`` process."""
    command, env = _startup_command()
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as empty:
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=empty, env=env)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _startup_command() -> tuple[list[str], dict[str, str]]:
    """The start-up run's command line and environment."""
    exe = shutil.which("clean-article", path=str(Path(sys.executable).parent)) or "clean-article"
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users have bytecode caches
    return [exe, str(SMALL)], env


def install_kind() -> str:
    """Which install of clean-article this interpreter has: regular, or editable and how."""
    import json
    import sysconfig
    from importlib import metadata

    # Looked for in site-packages only: an editable install puts the source tree on sys.path,
    # where a stale clean_article.egg-info of an older build would be found first.
    found = [d for d in metadata.distributions(path=[sysconfig.get_paths()["purelib"]])
             if d.metadata["Name"] == "clean-article"]
    if not found:
        return "not installed"
    dist = found[0]
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    if not direct.get("dir_info", {}).get("editable"):
        return "regular install"
    hooks = [f for f in dist.files or () if f.name.endswith("finder.py") or "editable" in f.name and
             f.name.endswith(".pth") and "import " in (f.read_text() or "")]
    return "editable install, import-hook finder" if hooks else "editable install, path .pth"


def instructions() -> int | None:
    """Instructions of one start-up run (the second: the first writes bytecode and lexicon caches).

    None when valgrind is not installed.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    command, env = _startup_command()
    counted = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command]
    with tempfile.TemporaryDirectory() as empty:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=empty, env=env)
        run = subprocess.run(counted, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             cwd=empty, env=env, text=True)
    # "==123== I   refs:      524,352,166"
    refs = [line for line in run.stderr.splitlines() if "I refs:" in " ".join(line.split())]
    return int(refs[-1].split()[-1].replace(",", "")) if refs else None


def _dumps(folder: Path, every: int = 1) -> list[bytes]:
    """Every ``every``'th dump of ``folder``, in name order."""
    return [p.read_bytes() for p in sorted(folder.glob("*.txt"))[::every]]


def _one_pass(folder: Path, every: int = 1, warm_only: bool = False) -> None:
    """In a fresh process: clean every ``every``'th dump of ``folder`` once and print the CPU seconds it took.

    ``warm_only``: start up and clean the small dump only (what ``count`` subtracts).
    """
    from cleaner import clean

    raws = [] if warm_only else _dumps(folder, every)
    clean(SMALL.read_bytes())  # imports and lexicon tables: start-up, not throughput
    t0 = time.process_time()
    for raw in raws:
        clean(raw)
    print(time.process_time() - t0)


def throughput(folder: Path) -> tuple[float, int, float]:
    raws = [p.read_bytes() for p in sorted(folder.glob("*.txt"))]
    size = sum(map(len, raws))
    best = float("inf")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users have bytecode, so the pattern caches are written
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, __file__, "--one-pass", str(folder)], check=True, capture_output=True, text=True,
            env=env,
        ).stdout
        best = min(best, float(out.split()[-1]))
    return size / best / 1e6, len(raws), best


def count_instructions(folder: Path, every: int, code: Path | None) -> tuple[float, int, int] | None:
    """Instructions per MB of cleaning every ``every``'th dump of ``folder``, the dumps and their bytes.

    None when valgrind is not installed.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same set orders, so the same count run to run
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users have bytecode, so the pattern caches are written
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())
    base = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
            sys.executable, str(Path(__file__).resolve()), "--one-pass", str(folder), "--every", str(every)]
    refs = []
    # In an empty directory (not a checkout): ``cleaner`` comes from the install or from --code.
    with tempfile.TemporaryDirectory() as empty:
        subprocess.run(base[4:], check=True, stdout=subprocess.DEVNULL, cwd=empty, env=env)  # writes caches
        for extra in (["--warm-only"], []):
            run = subprocess.run([*base, *extra], check=True, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, cwd=empty, env=env, text=True)
            lines = [line for line in run.stderr.splitlines() if "I refs:" in " ".join(line.split())]
            refs.append(int(lines[-1].split()[-1].replace(",", "")))
    raws = _dumps(folder, every)
    size = sum(map(len, raws))
    return (refs[1] - refs[0]) / (size / 1e6), len(raws), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "devset")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one start-up run (valgrind)")
    parser.add_argument("--html", action="store_true",
                        help="also time HTML pages against trafilatura, whole process (html_speed.py)")
    parser.add_argument("--count", metavar="STYLES",
                        help="only count instructions per MB of these dump styles (comma-separated)")
    parser.add_argument("--every", type=int, help="--count cleans every N'th dump (default 5)")
    parser.add_argument("--code", type=Path, help="--count this checkout's cleaner package instead")
    parser.add_argument("--one-pass", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--warm-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_pass:
        _one_pass(args.one_pass, args.every or 1, args.warm_only)
        return
    if args.count:
        if not (args.set / "dumps").is_dir():
            sys.exit(f"no {args.set / 'dumps'}: nothing to count (--set?)")
        for style in args.count.split(","):
            counted = count_instructions(args.set / "dumps" / style, args.every or 5, args.code)
            if counted is None:
                print("(no valgrind: not counted)")
                return
            per_mb, n, size = counted
            print(f"instructions, {args.set.name}/{style}: {per_mb / 1e9:.2f} G per MB "
                  f"({n} dumps, {size / 1e6:.3f} MB, every {args.every or 5}th)")
        return
    wall, cpu = startup(args.runs)
    print(
        f"start-up, one small dump ({SMALL.stat().st_size:,} B), median of {args.runs}: "
        f"{wall * 1000:.0f} ms ({cpu * 1000:.0f} ms of CPU); {install_kind()}"
    )
    if args.instructions:
        count = instructions()
        print(f"start-up instructions: {count / 1e6:.0f} M" if count else "(no valgrind: not counted)")
    if args.html and (args.set / "pages").is_dir():
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from html_speed import compare

        compare([args.set], repeat=3)
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
