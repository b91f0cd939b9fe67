"""No regex of the project backtracks catastrophically: each one meets adversarial strings.

Every compiled pattern reachable from the ``cleaner`` modules is collected: module
attributes, class attributes, attributes of module-level objects and of the
stages of the default pipeline, patterns built lazily (date patterns, lexicon
matchers of every concept), and patterns held in dicts, lists and tuples. Each
meets long runs of the characters its source names (``\\s``, ``\\d``, literals
...), runs of pairs of them, near-misses (a long run that fails at its very
end) and its own literal words repeated; ``search`` and ``findall`` run on each.

The strings are large enough that a pattern which backtracks exponentially, or
scans the rest of the line from every position (quadratic), takes seconds; a
linear pattern takes milliseconds. The patterns run in a child process that
says which one it is on; a pattern that uses more than :data:`PATTERN_LIMIT`
seconds of CPU (the child's CPU limit is set before each pattern), or whose time
grows more than :data:`MAX_GROWTH`-fold on a string four times as long, is
reported by name. CPU time, not wall time, so a loaded machine does not make the
audit fail; the budget is generous: this is an audit, not a speed test.

Run ``python tests/test_regex_safety.py`` to see every pattern and its time.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

from cleaner.patterns import LazyPattern

ROOT = Path(__file__).resolve().parent.parent

#: Seconds of CPU one pattern may take over all its adversarial strings (and a backstop of
#: wall time, for a machine without CPU limits or one loaded many times over).
PATTERN_LIMIT = 20
WALL_FACTOR = 10
#: Length of the adversarial runs, in characters.
RUN = 4000
#: A string whose run takes more CPU than this is run again four times as long: a pattern whose
#: time grows more than :data:`MAX_GROWTH`-fold is super-linear (quadratic grows 16-fold, linear 4).
RECHECK_AFTER = 0.03
MAX_GROWTH = 10.0
#: Slow strings re-run four times as long, per pattern (a big linear alternation is slow on many).
MAX_RECHECKS = 3
#: Distinct characters of a pattern's source made into runs, and into pairs.
MAX_CHARS = 16
MAX_PAIR_CHARS = 5
#: Literal words of a pattern's source repeated as near-misses.
MAX_WORDS = 6
#: Methods that try a pattern at the start of the string only.
ANCHORED = frozenset({"match", "fullmatch"})
_USE = re.compile(r"\b(\w+)\.(match|fullmatch|search|findall|finditer|sub|subn|split)\(")

Pattern = Any  # re.Pattern or regex.Pattern, of str or bytes

# What a class escape stands for, as one character that it matches (and one it does not).
_CLASS_CHARS = {
    "s": " \t\n\u00a0", "S": "x", "d": "7", "D": "x", "w": "aé_", "W": "!-",
    "b": " ", "B": "a", "h": " ", "N": "x", "X": "a",
}  # fmt: skip
_PROPERTY = re.compile(r"\\[pP]\{([^}]*)\}")
_PROPERTY_CHARS = {
    "lu": "AÉ", "ll": "aé", "l": "aA", "n": "7", "nd": "7", "p": ".,", "z": " ", "zs": " \u00a0",
}  # fmt: skip
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
_WORDS = re.compile(r"[^\W\d_]{3,}")
#: Runs every pattern meets, whatever its source says.
GENERIC_UNITS = (
    " ", "a", "A", "7", ".", "a ", "a1", "1.", "1:", "aA", "Aa", " \t", "-a", "a-", "é", "\u00a0", "<a ",
    "a\n", "ab cd. ", "1 2 ", "http://a", "[a](", "&a;", "<!--", "&#",
)  # fmt: skip


# --- collecting the patterns ------------------------------------------------------------------------


def _is_pattern(obj: object) -> bool:
    return isinstance(obj, (re.Pattern, regex.Pattern))


def _modules() -> list[Any]:
    import cleaner
    import cleaner.stages

    names = ["cleaner"] + [
        m.name for m in pkgutil.walk_packages(cleaner.__path__, "cleaner.") if not m.name.endswith("__main__")
    ]
    return [importlib.import_module(n) for n in sorted(set(names))]


def _warm_up() -> list[tuple[str, object]]:
    """Build what is built lazily (date patterns, lexicon matchers of every concept); extra roots."""
    import cleaner
    from cleaner import dates, lexicon, patterns
    from cleaner.pipeline import Pipeline

    cleaner.clean("Menu\nVon Anna Müller, 20.02.2026, 14:05 Uhr\n12:53, 20 Feb 2026\nThe council met. " * 3)
    dates.find_date("12:53, Fri 20 Feb 2026 UTC")
    concepts = sorted(lexicon.concepts()) if hasattr(lexicon, "concepts") else _concepts_on_disk()
    roots: list[tuple[str, object]] = []
    for concept in concepts:
        try:
            phrases = patterns.phrase_set(concept)
            phrases.find("a b c")
            roots.append((f"patterns.phrase_set({concept!r})", phrases))
            roots.append((f"patterns.item_set({concept!r})", patterns.item_set(concept)))
        except (LookupError, ValueError, OSError):
            continue
    index = patterns._index()
    _ = index.contains_matcher
    roots.append(("patterns._index()", index))
    roots.append(("Pipeline.build()", Pipeline.build()))
    return roots


def _concepts_on_disk() -> list[str]:
    base = ROOT / "cleaner" / "lexicon"
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _ours(obj: object) -> bool:
    module = getattr(type(obj), "__module__", "") or ""
    return module.startswith("cleaner")


#: Containers larger than this are memo caches filled by earlier tests: walking them finds no pattern.
CACHE_SIZE = 1000


def _walk(name: str, obj: object, seen: set[int], depth: int) -> Iterator[tuple[str, Pattern]]:
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if _is_pattern(obj):
        yield name, obj
        return
    if isinstance(obj, (str, bytes, int, float, type(None))):
        return
    if isinstance(obj, (dict, list, tuple, set, frozenset)) and len(obj) > CACHE_SIZE:
        return  # a run-time cache of results (per-line memos), not a table of patterns
    if isinstance(obj, dict):
        for key, value in list(obj.items()):
            yield from _walk(f"{name}[{key!r}]", value, seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(list(obj)):
            yield from _walk(f"{name}[{i}]", value, seen, depth + 1)
    elif inspect.isclass(obj) and obj.__module__.startswith("cleaner"):
        for attr, value in list(vars(obj).items()):
            if not attr.startswith("__"):
                yield from _walk(f"{name}.{attr}", value, seen, depth + 1)
    elif inspect.isfunction(obj) or inspect.ismodule(obj):
        return
    elif isinstance(obj, LazyPattern):  # compiled on first use: compiled now, to be audited
        yield from _walk(name, obj.compiled, seen, depth + 1)
    elif callable(getattr(obj, "cache_info", None)):
        # a @cache function: call it when it takes no argument (it builds patterns lazily)
        wrapped = getattr(obj, "__wrapped__", None)
        if wrapped is not None and not inspect.signature(wrapped).parameters:
            yield from _walk(f"{name}()", obj(), seen, depth + 1)  # type: ignore[operator]
    elif _ours(obj) and hasattr(obj, "__dict__"):
        for attr, value in list(vars(obj).items()):
            yield from _walk(f"{name}.{attr}", value, seen, depth + 1)
    elif _ours(obj) and hasattr(type(obj), "__slots__"):
        for attr in type(obj).__slots__:
            if hasattr(obj, attr):
                yield from _walk(f"{name}.{attr}", getattr(obj, attr), seen, depth + 1)


def collect() -> list[tuple[str, Pattern]]:
    """Every distinct compiled pattern of the project, with a name to report it by."""
    found: dict[tuple[type, Any, int], tuple[str, Pattern]] = {}
    seen: set[int] = set()
    roots: list[tuple[str, object]] = []
    for module in _modules():
        short = module.__name__.removeprefix("cleaner.") if module.__name__ != "cleaner" else "cleaner"
        for attr, value in list(vars(module).items()):
            if attr.startswith("__"):
                continue
            defined_here = getattr(value, "__module__", module.__name__) == module.__name__
            if _is_pattern(value) or isinstance(value, (dict, list, tuple, LazyPattern)) or defined_here:
                roots.append((f"{short}.{attr}", value))
    roots += _warm_up()
    for root_name, root in roots:
        for name, pattern in _walk(root_name, root, seen, 0):
            found.setdefault((type(pattern), pattern.pattern, pattern.flags), (name, pattern))
    return sorted(found.values(), key=lambda item: item[0])


# --- adversarial strings ----------------------------------------------------------------------------


def _source_chars(source: str) -> list[str]:
    """Characters a pattern's source names: its literals, and one member of each class escape."""
    chars: list[str] = []
    for m in _PROPERTY.finditer(source):
        chars.extend(_PROPERTY_CHARS.get(m.group(1).lower().removeprefix("l=").split("=")[-1], "aA"))
    source = _PROPERTY.sub("", source)
    for m in _ESCAPE.finditer(source):
        e = m.group(1)
        if e in _CLASS_CHARS:
            chars.extend(_CLASS_CHARS[e])
        elif e[0] in "xuU" and len(e) > 1:
            chars.append(chr(int(e[1:], 16)))
        elif not e.isalnum():
            chars.append(e)
    source = _ESCAPE.sub("", source)
    chars.extend(c for c in source if c not in "()[]{}?*+|^$\\")
    if "." in source:
        chars.append("x")
    return list(dict.fromkeys(chars))[:MAX_CHARS]


def adversarial(source: str) -> list[str]:
    """Strings that make a backtracking pattern show it: runs, pairs, near-misses, its words."""
    chars = _source_chars(source)
    units = list(GENERIC_UNITS) + chars
    top = chars[:MAX_PAIR_CHARS]
    units += [a + b for a in top for b in top if a != b]
    words = list(dict.fromkeys(_WORDS.findall(_PROPERTY.sub("", source))))[:MAX_WORDS]
    units += [w + " " for w in words] + [w[:-1] + " " for w in words]
    out: list[str] = []
    for unit in dict.fromkeys(units):
        run = unit * max(1, RUN // len(unit))
        out.append(run)
        out.append(run + "\x00!")  # a near-miss: the run fails at its very end
    return out


def uses() -> dict[str, set[str]]:
    """The methods each pattern name is called with anywhere in ``cleaner/`` (``_RULE`` -> {"match"})."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "cleaner").rglob("*.py"):
        for m in _USE.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), set()).add(m.group(2))
    return found


def _anchored(name: str, used: dict[str, set[str]]) -> bool:
    """Whether the pattern is only ever tried at the start of a string (``match``/``fullmatch``)."""
    last = regex.split(r"[.\[(]", name.rstrip(")]"))[-1] if "[" not in name else ""
    methods = used.get(last)
    return bool(methods) and methods <= ANCHORED  # type: ignore[operator]


def _run_once(pattern: Pattern, subject: Any, anchored: bool) -> float:
    began = time.process_time()
    if anchored:
        pattern.match(subject)
        pattern.fullmatch(subject)
    else:
        pattern.findall(subject)
    return time.process_time() - began


def exercise(pattern: Pattern, anchored: bool = False) -> list[str]:
    """Run ``pattern`` over its adversarial strings; the strings on which its time grows super-linearly.

    ``anchored``: the pattern is used with ``match``/``fullmatch`` only, so it is tried at
    the start of each string; otherwise ``findall`` tries it at every position.
    """
    source = pattern.pattern
    is_bytes = isinstance(source, bytes)
    text_source = source.decode("latin-1") if is_bytes else source
    growing: list[str] = []
    rechecks = MAX_RECHECKS
    for s in adversarial(text_source):
        subject: Any = s.encode("utf-8") if is_bytes else s
        spent = _run_once(pattern, subject, anchored)
        if spent > RECHECK_AFTER and rechecks:
            rechecks -= 1
            longer = _run_once(pattern, subject * 4, anchored)
            if longer > MAX_GROWTH * spent:
                # one string is proof enough (and a quadratic pattern is slow on the others too)
                return [f"{s[:12]!r}x{len(s)} {spent:.2f}s, x4 {longer:.2f}s"]
    return growing


# --- the child process and the test -----------------------------------------------------------------


def _cpu_budget(seconds: int) -> None:
    """Let this process use ``seconds`` more of CPU, then be killed (SIGXCPU); no-op without rlimits."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime) + seconds + 1
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _child(start: int, limit: int) -> None:
    """Exercise patterns from ``start`` on, saying which one before and after each."""
    patterns = collect()
    used = uses()
    print(f"count {len(patterns)}", flush=True)
    for i, (name, pattern) in enumerate(patterns[start:], start):
        _cpu_budget(limit)
        print(f"start {i} {name}", flush=True)
        began = time.perf_counter()
        growing = exercise(pattern, _anchored(name, used))
        for g in growing:
            print(f"grows {i} {g}", flush=True)
        print(f"done {i} {time.perf_counter() - began:.3f}", flush=True)


def audit(limit: int = PATTERN_LIMIT) -> tuple[int, list[str], dict[str, float]]:
    """(patterns audited, offenders, seconds per pattern), restarting the child past a hung pattern.

    An offender is a pattern over ``limit`` seconds (named alone), or one whose time grows
    super-linearly on some string (named with the string and its times).
    """
    offenders: list[str] = []
    times: dict[str, float] = {}
    start = 0
    total = None
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    while total is None or start < total:
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", str(start), str(limit)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert child.stdout is not None
        fd = child.stdout.fileno()
        selector = selectors.DefaultSelector()
        selector.register(fd, selectors.EVENT_READ)
        current: tuple[int, str] | None = None
        deadline = time.monotonic() + 120  # collecting, before the first pattern
        pending = b""
        ended = False
        while not ended:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                child.kill()
                child.wait()
                if current is None:
                    raise AssertionError("collecting the patterns took more than 120 s")
                offenders.append(f"{current[1]} (over {limit * WALL_FACTOR} s of wall time)")
                start = current[0] + 1
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                code = child.wait()
                if code and current is not None:  # killed by its CPU limit on this pattern
                    offenders.append(f"{current[1]} (over {limit} s of CPU, exit {code})")
                    start = current[0] + 1
                    break
                assert code == 0, f"the audit child failed (exit {code})"
                return total or 0, offenders, times
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                kind, _, rest = raw.decode("utf-8", "replace").partition(" ")
                if kind == "count":
                    total = int(rest)
                elif kind == "start":
                    index, _, name = rest.partition(" ")
                    current = (int(index), name)
                    deadline = time.monotonic() + limit * WALL_FACTOR
                elif kind == "grows" and current is not None:
                    offenders.append(f"{current[1]} grows on {rest.partition(' ')[2]}")
                elif kind == "done" and current is not None:
                    times[current[1]] = float(rest.split()[1])
                    current = None
                    deadline = time.monotonic() + limit * WALL_FACTOR
        selector.close()
        child.stdout.close()
    return total or 0, offenders, times


def test_collector_finds_the_patterns_of_every_kind_of_place() -> None:
    names = [name for name, _ in collect()]
    assert "readers._LINE_BREAK" in names  # a module attribute
    assert any(n.startswith("patterns.ItemSet.SEPARATORS") for n in names)  # a class attribute
    assert any(".dmy_num" in n for n in names)  # built lazily on an object (dates)
    assert any("_PRUNE_CLOSE[" in n for n in names)  # in a dict


def test_adversarial_strings_include_runs_of_what_the_pattern_repeats() -> None:
    strings = adversarial(r"(?:\d+[.,])+x")
    assert "7" * RUN in strings
    assert "7." * (RUN // 2) + "\x00!" in strings


def test_the_audit_reports_a_catastrophic_pattern_by_name(tmp_path: Path) -> None:
    # The audit itself must be able to fail: an exponential pattern is caught and named.
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import re, sys\nsys.path.insert(0, sys.argv[1])\nfrom tests.test_regex_safety import exercise\n"
        "exercise(re.compile(r'(?:a+)+b'))\n"
    )
    child = subprocess.Popen([sys.executable, str(probe), str(ROOT)])
    try:
        child.wait(timeout=3)
        finished = True
    except subprocess.TimeoutExpired:
        finished = False
    finally:
        child.kill()
        child.wait()
    assert not finished, "an exponential pattern ran through its adversarial strings in 3 s"


def test_no_pattern_backtracks_catastrophically() -> None:
    total, offenders, _ = audit()
    assert total > 50, f"only {total} patterns collected"
    assert not offenders, "patterns that hang or grow super-linearly on adversarial strings:\n" + "\n".join(
        offenders
    )


def test_the_growth_check_names_a_quadratic_pattern() -> None:
    assert exercise(re.compile(r"\s*,")), "a quadratic pattern passed the growth check"


def test_the_growth_check_passes_a_linear_pattern() -> None:
    assert exercise(re.compile(r"(?<!\s)\s*,")) == []


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        _child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        count, bad, seconds = audit()
        for pattern_name, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
            print(f"{secs:8.3f}  {pattern_name}")
        print(f"{count} patterns; offenders: {bad or 'none'}")


# --- the patterns the audit found quadratic, rewritten: they must still cut lines where they did ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_REWRITTEN = [
    # (the pattern as it was, the pattern as it is, how the code uses it)
    (r"\s*[|·•–—,;/]\s*|\s+-\s+", "cleaner.dates", "_SEPARATOR", "split"),
    (r"\s+#+$", "cleaner.stages.markdown", "_CLOSING_HASHES", "sub"),
    (r"\s*\|\s*", "cleaner.stages.markdown", "_CELL_SPLIT", "split"),
    (r"\s*\|\s*|\s+(?:[-–—·»:/]|::)\s+", "cleaner.stages.metadata", "_TITLE_SEPARATOR", "split"),
    (r"\s*[|·•]\s*|\s+[-–—]\s+", "cleaner.stages.metadata", "_PART_SEPARATOR", "split"),
    (r"\s*(?:[|·•,;/()]|\s[-–—]\s|\d)", "cleaner.stages.metadata", "_NAME_PART_END", "search"),
    (r"\s+[/>]\s+|\s*[›»]\s*", "cleaner.stages.navigation", "_CRUMB_SPLIT", "split"),
]
_SEPARATOR_TEXT = st.text(st.sampled_from(list(" \t\u00a0ab1|·•–—-,;/()>›»#:")), max_size=30)


def _use(pattern: Pattern, how: str, text: str) -> object:
    if how == "split":
        return pattern.split(text)
    if how == "sub":
        return pattern.sub("", text)
    found = pattern.search(text)
    return found.span() if found else None


@settings(max_examples=300, deadline=None)
@given(_SEPARATOR_TEXT)
def test_rewritten_patterns_cut_every_line_as_they_did(text: str) -> None:
    for old, module, attr, how in _REWRITTEN:
        new = getattr(importlib.import_module(module), attr)
        assert _use(new, how, text) == _use(re.compile(old), how, text), f"{module}.{attr} on {text!r}"
