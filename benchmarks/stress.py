"""Time and peak memory of cleaning each pathological input, one child process per case.

    python benchmarks/stress.py              # every case, a markdown table on stdout
    python benchmarks/stress.py line-50MiB   # some cases

Each case builds its input in a fresh process, cleans it with ``cleaner.clean`` (the full
default pipeline, settling included), and reports the CPU seconds of the cleaning and
the peak resident memory of the whole process (``ru_maxrss``: the input itself counts).
tests/test_hardening.py runs the same inputs (some smaller) as tests; this measures them.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 2**20
PROSE = "The council voted on Thursday to extend the night bus service to the new estates. "
PARAGRAPH = "<p>" + PROSE * 3 + "</p>"
LIMIT = 50 * MIB  # the default --max-bytes
UNCLOSED = "<p><div><span><a href=/x><table><tr><td>cell "


def _line(size: int) -> bytes:
    unit = PROSE.encode()
    return (unit * (size // len(unit) + 1))[:size]


def _mojibake() -> bytes:
    body = "Die Bürgermeisterin sagte, die Straßenbahn fährt ab Mai öfter in die Außenbezirke.\n"
    return body.encode("utf-8").decode("cp1252").encode("utf-8") * 20_000


CASES: dict[str, tuple[str, Callable[[], str | bytes]]] = {
    "line-50MiB": ("one line, 1 byte under the 50 MiB limit", lambda: _line(LIMIT - 1)),
    "line-over-limit": ("one line, 1 byte over the limit (refused)", lambda: _line(LIMIT + 1)),
    "million-lines": ("1,000,000 one-character lines", lambda: b"a\n" * 1_000_000),
    "icon-tokens": ("one line of 100,000 icon tokens", lambda: b"icon-chevron-down " * 100_000),
    "html-deep": ("HTML, <div> nested 100,000 deep",
                  lambda: "<html><body>" + "<div>" * 100_000 + PARAGRAPH),
    "html-deep-inline": ("HTML, <b><i> nested 100,000 deep, unclosed",
                         lambda: "<!doctype html><html><body>" + "<b><i>" * 50_000 + PROSE),
    "html-attr-10MB": ("HTML, one attribute of 10 MB",
                       lambda: f'<!doctype html><body><div data-x="{"x" * 10_000_000}">{PARAGRAPH}</div>'),
    "html-unclosed": ("HTML, 20,000 runs of unclosed p/div/span/a/table/tr/td",
                      lambda: "<!doctype html><body>" + UNCLOSED * 20_000),
    "html-open-head": ("HTML, <head> never closed, 10,000 paragraphs",
                       lambda: "<!doctype html><html><head><title>T</title>" + PARAGRAPH * 10_000),
    "html-open-comment": ("HTML, a comment that never ends (1 MB)",
                          lambda: "<!doctype html><html><body>" + PARAGRAPH + "<!--" + "x" * 1_000_000),
    "html-open-cdata": ("HTML, CDATA that never ends (1 MB)",
                        lambda: "<!doctype html><html><body>" + PARAGRAPH + "<![CDATA[" + "x" * 1_000_000),
    "nul-bytes": ("10 MB of prose with a NUL byte every 1,000 bytes",
                  lambda: b"\x00".join(_line(999) for _ in range(10_000))),
    "utf8-damaged": ("10 MB of UTF-8 with an invalid byte every 1,000",
                     lambda: b"\xff".join(("Grüße aus Köln. " * 55).encode()[:999] for _ in range(10_000))),
    "bom-lies": ("a UTF-16 BOM before 10 MB of UTF-8",
                 lambda: b"\xff\xfe" + ("Grüße aus Köln. " * 600_000).encode()),
    "mojibake": ("1.8 MB of UTF-8 read as cp1252", _mojibake),
}  # fmt: skip


def child(name: str) -> None:
    """Build one case's input, clean it, print a JSON line of what it cost."""
    sys.path.insert(0, str(ROOT))
    import cleaner

    raw = CASES[name][1]()
    began = time.process_time()
    wall = time.perf_counter()
    try:
        article = cleaner.clean(raw)
        outcome = f"ok, {len(article.text):,} chars out"
    except cleaner.CleanerError as exc:
        outcome = f"refused: {str(exc)[:40]}"
    size = len(raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass"))
    print(json.dumps({
        "size": size,
        "cpu": time.process_time() - began,
        "wall": time.perf_counter() - wall,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "outcome": outcome,
    }))  # fmt: skip


def main(names: list[str]) -> int:
    print("| case | input | size | outcome | CPU s | wall s | peak RSS MiB |")
    print("| --- | --- | ---: | --- | ---: | ---: | ---: |")
    failed = 0
    for name in names or list(CASES):
        run = subprocess.run(
            [sys.executable, __file__, "--child", name], capture_output=True, text=True, cwd=ROOT
        )
        if run.returncode:
            failed += 1
            last = (run.stderr.strip().splitlines() or ["?"])[-1]
            print(f"| {name} | {CASES[name][0]} | | CRASHED (exit {run.returncode}): {last} | | | |")
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        print(
            f"| {name} | {CASES[name][0]} | {r['size'] / MIB:.1f} MiB | {r['outcome']} | {r['cpu']:.1f} "
            f"| {r['wall']:.1f} | {r['rss_mib']:.0f} |",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1:]))
