"""Many inputs: finding them, planning their outputs, cleaning them in worker processes, the report.

The unit of work is a :class:`Task`: one input (a file to read, or bytes
already read, such as stdin) and, optionally, the file its output goes to.
:func:`plan` turns command-line inputs into tasks; :func:`run_tasks` cleans
them, in this process or in a pool of workers, and yields one
:class:`Outcome` per task **in input order**, whatever the workers' timing;
:func:`execute` streams outcomes to their sinks and fills a :class:`Report`,
which gives the exit code and the one-line summary.

Workers never raise: a library refusal (:class:`~cleaner.errors.CleanerError`),
an OS error or any unexpected exception becomes that input's failure, in one
line. Submission is chunked and the number of chunks in flight is bounded, so
memory stays flat however many inputs there are.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO

from .article import Article
from .document import Document
from .errors import TOO_LARGE, TOO_LARGE_STREAM, CleanerError, InputTooLargeError
from .explain import Line, explain_lines, write_explain
from .options import DEFAULT_MAX_BYTES, Options
from .pipeline import Pipeline
from .readers import read
from .writers import EXTENSIONS, atomic_write, render

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: Files a directory input contributes when no ``--glob`` is given. Hidden
#: files and directories (names starting with ``.``) are always skipped.
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm")

#: The name stdin goes by in messages and in the ``source`` field.
STDIN_NAME = "<stdin>"

#: Tasks sent to a worker at once, and chunks in flight per worker.
CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 4

NO_MATCH = "no files here match {globs} (see --glob)"
WORKER_DIED = "worker process died while cleaning this input"


class PlanError(CleanerError):
    """The inputs and outputs asked for cannot work together (a usage error)."""


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to clean an input and render it: built once per run."""

    options: Options = field(default_factory=Options)
    stages: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    fmt: str = "text"
    with_metadata: bool = False
    explain: bool = False

    def pipeline(self) -> Pipeline:
        """The pipeline these settings ask for (raises UnknownStageError for a bad name)."""
        return Pipeline.build(self.stages, skip=self.skip, options=self.options)


class Task(NamedTuple):
    """One input: a file ``path`` to read, or ``data`` already read; ``output`` is where to write."""

    name: str
    path: str | None = None
    data: bytes | None = None
    output: str | None = None


class Outcome(NamedTuple):
    """What became of one task: an error message, or the rendered output and its measures."""

    name: str
    error: str | None = None
    rendered: str | None = None  # the output, when it was not written to task.output
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_removed: int = 0
    explain: list[Line] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def one_line(message: str) -> str:
    """A message folded onto one line."""
    return " ".join(message.split())


_CONTROL_CHARS = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F)}
_CONTROL_CHARS.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def shown(name: str) -> str:
    """A file name fit for a one-line message: control characters (a newline!) escaped."""
    return name.translate(_CONTROL_CHARS) if not name.isprintable() else name


def display_name(path: str) -> str:
    """A path as shown in messages and ``source`` fields: bytes that are not UTF-8 become U+FFFD.

    (The path itself keeps them, so the file is still found.)
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return path


def read_document(raw: bytes, *, source: str, max_bytes: int) -> Document:
    """An input's bytes as a Document (text dump or HTML page): see :func:`cleaner.readers.read`."""
    return read(raw, source=source, max_bytes=max_bytes)


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of one input file, refusing files over ``max_bytes`` before reading them."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise InputTooLargeError(TOO_LARGE.format(size=size, limit=max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(TOO_LARGE_STREAM.format(limit=max_bytes))
    return data


class Cleaner:
    """Cleans tasks with one pipeline, built once (one per worker process)."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.pipeline = pipeline if pipeline is not None else settings.pipeline()

    def __call__(self, task: Task) -> Outcome:
        try:
            return self._clean(task)
        except CleanerError as exc:
            return Outcome(task.name, error=one_line(str(exc)))
        except OSError as exc:
            return Outcome(task.name, error=one_line(exc.strerror or str(exc)))
        except Exception as exc:  # noqa: BLE001 - a worker must report, never crash the run
            return Outcome(task.name, error=one_line(f"internal error: {type(exc).__name__}: {exc}"))

    def _clean(self, task: Task) -> Outcome:
        s = self.settings
        max_bytes = s.options.max_bytes
        raw = task.data if task.data is not None else read_input(task.path or "", max_bytes)
        doc = self.pipeline.clean(read_document(raw, source=task.name, max_bytes=max_bytes))
        article = Article.from_document(doc)
        rendered = render(article, s.fmt, source=task.name, with_metadata=s.with_metadata)
        payload = rendered.encode("utf-8")
        if task.output is not None:
            try:
                atomic_write(task.output, payload)
            except OSError as exc:
                raise CleanerError(f"cannot write {shown(task.output)}: {exc.strerror or exc}") from None
        chars_in = chars_removed = 0
        for block in doc.blocks:
            chars_in += len(block.text)
            if block.removal is not None:
                chars_removed += len(block.text)
        return Outcome(
            task.name,
            rendered=None if task.output is not None else rendered,
            bytes_in=len(raw),
            bytes_out=len(payload),
            chars_in=chars_in,
            chars_removed=chars_removed,
            explain=explain_lines(doc) if s.explain else None,
        )


# --- worker processes -------------------------------------------------------

_WORKER: Cleaner | None = None

#: The parent's pipeline and its settings, set just before a pool starts: a
#: worker started by fork finds it here and skips building its own.
_INHERITED: tuple[Settings, Pipeline] | None = None


def _init_worker(settings: Settings) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it) and get the pipeline once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER
    inherited = _INHERITED[1] if _INHERITED is not None and _INHERITED[0] == settings else None
    _WORKER = Cleaner(settings, inherited)


def _clean_chunk(tasks: list[Task]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER(task) for task in tasks]


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_tasks(
    tasks: Iterable[Task],
    settings: Settings,
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
    pipeline: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Clean every task and yield its outcome, in input order.

    ``jobs <= 1`` cleans in this process (with ``pipeline`` if given, already
    built from ``settings``). Otherwise a pool of ``jobs`` worker
    processes gets chunks of ``chunk_size`` tasks, at most
    ``jobs * IN_FLIGHT_PER_WORKER`` chunks at a time. If a worker process dies
    (killed, out of memory), the unfinished tasks are re-run one at a time in a
    fresh pool, so the input that kills a worker is found and reported as
    failed, and the others are cleaned.
    """
    if jobs <= 1:
        cleaner = Cleaner(settings, pipeline)
        for task in tasks:
            yield cleaner(task)
        return

    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(settings,))

    global _INHERITED
    _INHERITED = (settings, pipeline) if pipeline is not None else None
    pool = new_pool()
    pending: deque[tuple[list[Task], Future[list[Outcome]]]] = deque()
    window = jobs * IN_FLIGHT_PER_WORKER

    def settle() -> Iterator[Outcome]:
        """Yield the outcomes of the oldest chunk; on a dead worker, re-run suspects one by one."""
        nonlocal pool
        chunk, future = pending.popleft()
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            pass
        suspects = [(chunk, future), *pending]
        pending.clear()
        pool.shutdown(wait=True, cancel_futures=True)
        pool = new_pool()
        for suspect_chunk, suspect_future in suspects:
            if suspect_future.done() and suspect_future.exception() is None:
                yield from suspect_future.result()
                continue
            for task in suspect_chunk:
                try:
                    yield from pool.submit(_clean_chunk, [task]).result()
                except BrokenProcessPool:
                    yield Outcome(task.name, error=WORKER_DIED)
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()

    try:
        for chunk in _chunks(tasks, chunk_size):
            pending.append((chunk, pool.submit(_clean_chunk, chunk)))
            while len(pending) >= window:
                yield from settle()
        while pending:
            yield from settle()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _INHERITED = None


class Runner(Protocol):
    """Cleans tasks and yields their outcomes in input order, as :func:`run_tasks` does."""

    def __call__(
        self, tasks: Iterable[Task], settings: Settings, *, jobs: int, pipeline: Pipeline | None
    ) -> Iterator[Outcome]: ...


# --- the report ---------------------------------------------------------------


@dataclass
class Report:
    """Per-run totals: what was cleaned, what failed; the exit code and the summary line."""

    files: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_removed: int = 0

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.error is not None:
            self.failures.append((outcome.name, outcome.error))
            return
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        self.chars_in += outcome.chars_in
        self.chars_removed += outcome.chars_removed

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def exit_code(self) -> int:
        """0 when every input was cleaned, 1 when any failed."""
        return 1 if self.failures else 0

    @property
    def removed_share(self) -> float:
        """The share of the input's characters that left the body (removed or lifted)."""
        return self.chars_removed / self.chars_in if self.chars_in else 0.0

    def summary(self) -> str:
        """``120 files, 2 failed, 3.4 MB in, 1.2 MB out, 64.0% removed``."""
        files = f"{self.files:,} file" + ("" if self.files == 1 else "s")
        return (
            f"{files}, {self.failed:,} failed, {human_bytes(self.bytes_in)} in, "
            f"{human_bytes(self.bytes_out)} out, {self.removed_share:.1%} removed"
        )


def human_bytes(n: int) -> str:
    """``512 B``, ``3.4 kB``, ``1.2 MB``, ``2.0 GB``."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 1000 or unit == "TB":
            break
    return f"{value:.1f} {unit}"


# --- planning: inputs and outputs ---------------------------------------------


@dataclass(frozen=True)
class Plan:
    """The tasks of a run, the inputs refused while looking for them, and where output goes.

    ``single`` runs print to stdout or write ``tasks[0].output``; batch runs write
    one output per task (mirroring), or stream records to ``stream`` (a file
    path; ``None`` for stdout).
    """

    tasks: list[Task]
    failures: list[tuple[str, str]] = field(default_factory=list)
    single: bool = False
    stream: str | None = None


def _matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    from fnmatch import fnmatchcase

    return any(fnmatchcase(rel if "/" in g else name, g) for g in globs)


def walk(
    root: str,
    globs: Sequence[str],
    *,
    skip_dirs: Iterable[str] = (),
    skip_files: Iterable[str] = (),
) -> tuple[list[str], list[tuple[str, str]]]:
    """The files under ``root`` matching ``globs``, sorted, recursively; and the directories that failed.

    Hidden files and directories are skipped, and so are ``skip_dirs`` and
    ``skip_files`` (absolute paths; the output directory or file of the run,
    so a run never reads its own output). Symlinked directories inside ``root``
    are not followed (no loops).
    """
    skip_d = {os.path.realpath(d) for d in skip_dirs}
    skip_f = {os.path.abspath(f) for f in skip_files}
    skip_names = {os.path.basename(f) for f in skip_f}
    files: list[str] = []
    errors: list[tuple[str, str]] = []

    def onerror(exc: OSError) -> None:
        errors.append((exc.filename or root, exc.strerror or str(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            and not (skip_d and os.path.realpath(os.path.join(dirpath, d)) in skip_d)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if not _matches(name, rel.replace(os.sep, "/"), globs):
                continue
            if name in skip_names and os.path.abspath(path) in skip_f:
                continue
            files.append(path)
    files.sort(key=lambda p: p.split(os.sep))
    return files, errors


def _file_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def read_stdin(stream: IO[bytes], max_bytes: int) -> bytes:
    """All of stdin, refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(TOO_LARGE_STREAM.format(limit=max_bytes))
    return data


def plan(
    inputs: Sequence[str],
    *,
    fmt: str = "text",
    output: str | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    stdin: IO[bytes] | None = None,
    stdin_is_tty: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Plan:
    """Turn command-line inputs and ``-o`` into tasks; raise :class:`PlanError` when they cannot work.

    - No input, or ``-``: stdin (refused when it is a terminal).
    - One input that is not a directory: a single run; output to stdout, to
      ``output`` as a file, or into ``output`` if it is an existing directory.
    - Otherwise a batch: ``--format jsonl`` streams records to stdout or to the
      file ``output``; text and JSON need ``output`` as a directory, where each
      input's output mirrors its path relative to the inputs' common directory.
      No output may land on an input, two inputs may not share an output, and
      the output directory (or file) is never read as input.
    """
    inputs = list(inputs) or ["-"]
    if "-" in inputs and stdin_is_tty:
        raise PlanError("no input given and stdin is a terminal; name a file, a directory, or pipe a dump in")
    if inputs.count("-") > 1:
        raise PlanError("stdin ('-') can be read only once")
    to_stdout = output in (None, "-")
    single = len(inputs) == 1 and (inputs[0] == "-" or not os.path.isdir(inputs[0]))

    if single:
        return _plan_single(inputs[0], fmt, None if to_stdout else output, stdin, max_bytes)

    if fmt != "jsonl" and to_stdout:
        raise PlanError(
            "several inputs: write one output per input with -o DIR, or stream records with --format jsonl"
        )
    if output is not None and not to_stdout:
        if fmt == "jsonl" and os.path.isdir(output):
            raise PlanError(f"{output}: is a directory; --format jsonl writes one stream, give -o a file")
        if fmt != "jsonl" and os.path.exists(output) and not os.path.isdir(output):
            raise PlanError(f"{output}: exists and is not a directory; several inputs need -o DIR")
    out_dir = output if (fmt != "jsonl" and not to_stdout) else None
    stream = output if (fmt == "jsonl" and not to_stdout) else None
    if "-" in inputs and out_dir is not None:
        raise PlanError("stdin ('-') has no file name to mirror into -o DIR; use --format jsonl")
    if out_dir is not None:
        real_out = os.path.realpath(out_dir)
        for arg in inputs:
            if arg != "-" and os.path.isdir(arg) and os.path.realpath(arg) == real_out:
                raise PlanError(f"{out_dir}: the output directory is an input directory; choose another -o")

    files: list[tuple[str, str]] = []  # (path as shown, root it mirrors from)
    failures: list[tuple[str, str]] = []
    seen: set[str] = set()
    data: bytes | None = None
    for arg in inputs:
        if arg == "-":
            data = read_stdin(stdin or sys.stdin.buffer, max_bytes)
            files.append(("-", ""))
            continue
        if os.path.isdir(arg):
            found, errors = walk(
                arg,
                globs,
                skip_dirs=[out_dir] if out_dir else [],
                skip_files=[stream] if stream else [],
            )
            failures.extend(errors)
            if not found and not errors:
                failures.append((arg, NO_MATCH.format(globs=", ".join(globs))))
            pairs = [(f, arg) for f in found]
        else:
            pairs = [(arg, os.path.dirname(arg) or ".")]
        for path, root in pairs:
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                files.append((path, root))

    if stream is not None:
        _refuse_overwrite([(p, stream) for p, _ in files if p != "-"])
    if out_dir is None:
        tasks = [
            Task(STDIN_NAME, data=data) if p == "-" else Task(display_name(p), path=p) for p, _ in files
        ]
        return Plan(tasks, failures, single=False, stream=stream)
    return Plan(_mirror(files, out_dir, EXTENSIONS[fmt]), failures, single=False)


def _plan_single(arg: str, fmt: str, output: str | None, stdin: IO[bytes] | None, max_bytes: int) -> Plan:
    if arg == "-":
        if output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep))):
            raise PlanError(f"{output}: is a directory, and stdin has no file name; give -o a file")
        data = read_stdin(stdin or sys.stdin.buffer, max_bytes)
        return Plan([Task(STDIN_NAME, data=data, output=output)], single=True)
    if output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep))):
        stem = os.path.splitext(os.path.basename(arg))[0]
        output = os.path.join(output, stem + EXTENSIONS[fmt])
    if output is not None:
        _refuse_overwrite([(arg, output)])
    return Plan([Task(display_name(arg), path=arg, output=output)], single=True)


def _refuse_overwrite(pairs: list[tuple[str, str]]) -> None:
    """Raise PlanError if any output (that exists) is the same file as any input."""
    existing = [(i, o) for i, o in pairs if os.path.exists(o)]
    if not existing:
        return
    inputs: dict[tuple[int, int], str] = {}
    for i, _ in pairs:
        key = _file_key(i)
        if key is not None:
            inputs.setdefault(key, i)
    for _, out in existing:
        key = _file_key(out)
        if key is not None and key in inputs:
            raise PlanError(f"{out}: refusing to write over the input {inputs[key]}")


def _mirror(files: list[tuple[str, str]], out_dir: str, ext: str) -> list[Task]:
    """One task per input, its output at the same relative path under ``out_dir``, extension ``ext``."""
    roots = {os.path.abspath(root) for _, root in files}
    base = os.path.commonpath(sorted(roots)) if roots else os.path.abspath(".")
    tasks = []
    claimed: dict[str, str] = {}
    for path, _ in files:
        rel = os.path.relpath(os.path.abspath(path), base)
        out = os.path.join(out_dir, os.path.splitext(rel)[0] + ext)
        key = os.path.normcase(os.path.abspath(out))
        if key in claimed:
            raise PlanError(f"{claimed[key]} and {path} would both be written to {out}; run them apart")
        claimed[key] = path
        tasks.append(Task(display_name(path), path=path, output=out))
    _refuse_overwrite([(t.path or "", t.output or "") for t in tasks])
    return tasks


# --- running a plan -------------------------------------------------------------


def execute(
    plan_: Plan,
    settings: Settings,
    *,
    jobs: int,
    stdout: IO[bytes],
    stderr: TextIO,
    explain_to: TextIO | None = None,
    color_explain: bool = False,
    progress: bool = False,
    quiet: bool = False,
    prog: str = "clean-article",
    pipeline: Pipeline | None = None,
    runner: Runner | None = None,
) -> Report:
    """Clean every task of ``plan_``, send outputs to their sinks, report failures; return the Report.

    ``pipeline``, when given, is the one built from ``settings`` (cleaning in this
    process then reuses it instead of building another). ``runner`` cleans the
    tasks instead of :func:`run_tasks` (the Dask engine's, for one).

    Rendered outputs go to ``stdout`` (or to the plan's stream file, written
    atomically); failures are written to ``stderr`` as ``prog: NAME: message``
    as they come, in input order; ``--explain`` output to ``explain_to``; in batch
    runs a progress bar (only if ``progress``) and, unless ``quiet``, the summary line.
    """
    report = Report()
    for name, message in plan_.failures:
        report.add(Outcome(name, error=message))
        _fail(stderr, prog, name, message)
    tasks = plan_.tasks
    jobs = max(1, min(jobs, len(tasks)))
    batch = not plan_.single
    sink: Any = None
    bar: Any = None
    try:
        if plan_.stream is not None:
            from .writers import AtomicFile

            sink = AtomicFile(plan_.stream)
            out: IO[bytes] = sink.handle
        else:
            out = stdout
        for outcome in (runner or run_tasks)(tasks, settings, jobs=jobs, pipeline=pipeline):
            if progress and batch and bar is None:
                # Started once workers exist: no process is forked while its thread runs.
                bar = _ProgressBar(len(tasks), stderr)
            report.add(outcome)
            if outcome.error is not None:
                if bar is not None:
                    message = f"{prog}: {shown(outcome.name)}: {outcome.error}"
                    bar.console.print(message, markup=False, highlight=False)
                else:
                    _fail(stderr, prog, outcome.name, outcome.error)
            else:
                if outcome.rendered:
                    out.write(outcome.rendered.encode("utf-8"))
                if outcome.explain is not None and explain_to is not None:
                    write_explain(
                        outcome.explain,
                        explain_to,
                        title=shown(outcome.name) if batch else None,
                        color=color_explain,
                    )
            if bar is not None:
                bar.advance()
        out.flush()
        if sink is not None:
            sink.commit()
            sink = None
    finally:
        if bar is not None:
            bar.stop()
        if sink is not None:
            sink.discard()
    if batch and not quiet:
        stderr.write(f"{prog}: {report.summary()}\n")
        stderr.flush()
    return report


def _fail(stderr: TextIO, prog: str, name: str, message: str) -> None:
    stderr.write(f"{prog}: {shown(name)}: {message}\n")
    stderr.flush()


class _ProgressBar:
    """A rich progress bar on stderr (rich imported only here)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(file=stream)
        self.progress = Progress(
            TextColumn("cleaning"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("clean", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()
