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
line; so does a document that takes longer than ``Settings.timeout``.
Submission is chunked and the number of chunks in flight is bounded, and
inputs are found lazily (directories walked as they are reached, containers
read record by record), so memory stays flat however many inputs there are.

Containers (JSONL shards, WARC/WET files, see :mod:`cleaner.containers`)
contribute one task per record. Outputs go to stdout, one stream file, a
mirrored tree, or numbered JSONL shards (:class:`ShardSink`), which a run
killed at any point resumes from (``resume=True``) without a half-written file.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO

from .article import Article
from .containers import (
    DEFAULT_ID_FIELD,
    DEFAULT_URL_FIELD,
    MissingExtraError,
    container_kind,
    container_stem,
    records,
    safe_name,
)
from .document import Document, Frozen
from .errors import TOO_LARGE, TOO_LARGE_STREAM, CleanerError, InputTooLargeError
from .options import DEFAULT_MAX_BYTES, Options
from .pipeline import Pipeline
from .readers import read
from .writers import EXTENSIONS, AtomicFile, atomic_write, render

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .explain import Line

#: Files a directory input contributes when no ``--glob`` is given. Hidden
#: files and directories (names starting with ``.``) are always skipped.
DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm")

#: The name stdin goes by in messages and in the ``source`` field.
STDIN_NAME = "<stdin>"

#: Tasks sent to a worker at once, and chunks in flight per worker.
CHUNK_SIZE = 8
IN_FLIGHT_PER_WORKER = 4

#: Seconds one document may take before it is given up as failed (``--timeout``).
DEFAULT_TIMEOUT = 60.0

#: Seconds past the time limit after which a worker that ignored its alarm (stuck
#: outside the interpreter) is killed and its document reported as timed out.
HARD_LIMIT_GRACE = 10.0

NO_MATCH = "no files here match {globs} (see --glob)"
WORKER_DIED = "worker process died while cleaning this input"
TIMED_OUT = "took longer than {seconds:g} s to clean (--timeout); skipped"
NOT_REGULAR = "not a regular file; skipped"
SAME_OUTPUT = "would be written to the same output as {other}; rename one or run them apart"
OVER_INPUT = "refusing to write over the input {input}"

#: The files of a sharded output directory: shards, and the record of the committed ones.
SHARD_NAME = "part-{index:05d}.jsonl"
PROGRESS_NAME = ".clean-article-progress.jsonl"


class PlanError(CleanerError):
    """The inputs and outputs asked for cannot work together (a usage error)."""


#: The options of a run that names none (one instance: settings left at their defaults compare equal).
_DEFAULT_OPTIONS = Options()

# The records below are Frozen classes (document.Frozen: immutable, ==, repr, pickling and
# ``_replace`` by field) rather than NamedTuples, whose making costs start-up ~1 M instructions each.


class Settings(Frozen):
    """Everything a worker needs to clean an input and render it: built once per run.

    ``read_as`` is how each page is read (``--input``): see :data:`cleaner.readers.READ_AS`.
    """

    __slots__ = ("options", "stages", "skip", "fmt", "with_metadata", "explain", "timeout", "read_as")
    __match_args__ = ("options", "stages", "skip", "fmt", "with_metadata", "explain", "timeout", "read_as")

    options: Options
    stages: tuple[str, ...] | None
    skip: tuple[str, ...]
    fmt: str
    with_metadata: bool
    explain: bool
    timeout: float | None
    read_as: str

    def __init__(
        self,
        options: Options = _DEFAULT_OPTIONS,
        stages: tuple[str, ...] | None = None,
        skip: tuple[str, ...] = (),
        fmt: str = "text",
        with_metadata: bool = False,
        explain: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
        read_as: str = "auto",
    ) -> None:
        self._set(options, stages, skip, fmt, with_metadata, explain, timeout, read_as)

    def pipeline(self) -> Pipeline:
        """The pipeline these settings ask for (raises UnknownStageError for a bad name)."""
        return Pipeline.build(self.stages, skip=self.skip, options=self.options)


class Task(Frozen):
    """One input: a file ``path`` to read, or ``data`` already read; ``output`` is where to write.

    ``fields`` are a container record's other fields (they pass through to JSON
    output), ``url`` its URL; ``error`` marks an input already known to have
    failed (found unreadable while planning), ``skip`` one a resumed run has done.
    """

    __slots__ = ("name", "path", "data", "output", "fields", "url", "error", "skip")
    __match_args__ = ("name", "path", "data", "output", "fields", "url", "error", "skip")

    name: str
    path: str | None
    data: bytes | None
    output: str | None
    fields: dict[str, Any] | None
    url: str | None
    error: str | None
    skip: bool

    def __init__(
        self,
        name: str,
        path: str | None = None,
        data: bytes | None = None,
        output: str | None = None,
        fields: dict[str, Any] | None = None,
        url: str | None = None,
        error: str | None = None,
        skip: bool = False,
    ) -> None:
        self._set(name, path, data, output, fields, url, error, skip)


class Outcome(Frozen):
    """What became of one task: an error message, or the rendered output and its measures.

    ``rendered`` is the output when it was not written to ``task.output``.
    """

    __slots__ = (
        "name", "error", "rendered", "bytes_in", "bytes_out", "chars_in", "chars_removed", "explain",
        "seconds", "skipped",
    )
    __match_args__ = (
        "name", "error", "rendered", "bytes_in", "bytes_out", "chars_in", "chars_removed", "explain",
        "seconds", "skipped",
    )

    name: str
    error: str | None
    rendered: str | None
    bytes_in: int
    bytes_out: int
    chars_in: int
    chars_removed: int
    explain: list[Line] | None
    seconds: float
    skipped: bool

    def __init__(
        self,
        name: str,
        error: str | None = None,
        rendered: str | None = None,
        bytes_in: int = 0,
        bytes_out: int = 0,
        chars_in: int = 0,
        chars_removed: int = 0,
        explain: list[Line] | None = None,
        seconds: float = 0.0,
        skipped: bool = False,
    ) -> None:
        self._set(
            name, error, rendered, bytes_in, bytes_out, chars_in, chars_removed, explain, seconds, skipped,
        )

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def status(self) -> str:
        """``ok``, ``failed`` or ``skipped`` (done by an earlier run)."""
        return "failed" if self.error is not None else "skipped" if self.skipped else "ok"


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


def read_document(raw: bytes, *, source: str, max_bytes: int, read_as: str = "auto") -> Document:
    """An input's bytes as a Document (text dump or HTML page): see :func:`cleaner.readers.read`."""
    return read(raw, source=source, max_bytes=max_bytes, read_as=read_as)


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
        if task.error is not None:
            return Outcome(task.name, error=task.error)
        if task.skip:
            return Outcome(task.name, skipped=True)
        start = time.perf_counter()
        try:
            outcome = self._clean(task)
        except CleanerError as exc:
            outcome = Outcome(task.name, error=one_line(str(exc)))
        except _Timeout:
            outcome = Outcome(task.name, error=TIMED_OUT.format(seconds=self.settings.timeout or 0))
        except OSError as exc:
            outcome = Outcome(task.name, error=one_line(exc.strerror or str(exc)))
        except RecursionError:
            outcome = Outcome(task.name, error="internal error: RecursionError: input nested too deeply")
        except Exception as exc:  # noqa: BLE001 - a worker must report, never crash the run
            outcome = Outcome(task.name, error=one_line(f"internal error: {type(exc).__name__}: {exc}"))
        return outcome._replace(seconds=time.perf_counter() - start)

    def _clean(self, task: Task) -> Outcome:
        s = self.settings
        max_bytes = s.options.max_bytes
        with deadline(s.timeout):
            raw = task.data if task.data is not None else read_input(task.path or "", max_bytes)
            doc = read_document(raw, source=task.name, max_bytes=max_bytes, read_as=s.read_as)
            if task.url:  # a container record's URL: the page's site, for site templates
                doc = doc.with_metadata(url=task.url)
            doc = self.pipeline.clean(doc)
            article = Article.from_document(doc)
            rendered = render(
                article, s.fmt, source=task.name, with_metadata=s.with_metadata, fields=task.fields
            )
        payload = rendered.encode("utf-8")
        if task.output is not None:
            if task.path is not None and _same_file(task.path, task.output):
                raise CleanerError(OVER_INPUT.format(input=shown(task.path)))
            try:
                atomic_write(task.output, payload)
            except OSError as exc:
                raise CleanerError(f"cannot write {shown(task.output)}: {exc.strerror or exc}") from None
        chars_in = chars_removed = 0
        for block in doc.blocks:
            chars_in += len(block.text)
            if block.removal is not None:
                chars_removed += len(block.text)
        explain = None
        if s.explain:
            from .explain import explain_lines  # only an --explain run needs it (start-up time)

            explain = explain_lines(doc)
        return Outcome(
            task.name,
            rendered=None if task.output is not None else rendered,
            bytes_in=len(raw),
            bytes_out=len(payload),
            chars_in=chars_in,
            chars_removed=chars_removed,
            explain=explain,
        )


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class _Timeout(BaseException):
    """Raised by the alarm inside a document that took too long (a BaseException, so no
    ``except Exception`` on the way can swallow it)."""


def _on_alarm(_signum: int, _frame: object) -> None:
    raise _Timeout


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Timeout` in this block after ``seconds`` (SIGALRM; main thread only, else no limit)."""
    if (
        not seconds
        or seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- worker processes -------------------------------------------------------

_WORKER: Cleaner | None = None

#: The parent's pipeline and its settings, set just before a pool starts: a
#: worker started by fork finds it here and skips building its own.
_INHERITED: tuple[Settings, Pipeline] | None = None


#: How often (seconds) a worker checks that the run that started it is still there.
ORPHAN_CHECK = 1.0


def _exit_when_orphaned(parent: int) -> None:
    """Watch (in a daemon thread) for the parent run to die, killed outright; then exit too."""
    while True:
        time.sleep(ORPHAN_CHECK)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(settings: Settings) -> None:
    """Pool initializer: ignore Ctrl-C (the parent handles it), die with the parent, get the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's "SIGTERM as Ctrl-C" is for the parent
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    global _WORKER
    inherited = _INHERITED[1] if _INHERITED is not None and _INHERITED[0] == settings else None
    _WORKER = Cleaner(settings, inherited)


def _ready() -> None:
    """A no-op task: returns once a fresh worker has started and built its pipeline."""


def _clean_chunk(tasks: list[Task]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER(task) for task in tasks]


def chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """``tasks`` in lists of ``size`` (the last may be shorter), read lazily."""
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
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    def new_pool(workers: int = jobs) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings,))

    def hard_limit(count: int) -> float | None:
        """How long ``count`` tasks may take before their worker is killed (the soft limit failed)."""
        return settings.timeout * count + HARD_LIMIT_GRACE if settings.timeout else None

    global _INHERITED
    _INHERITED = (settings, pipeline) if pipeline is not None else None
    pool = new_pool()
    pending: deque[tuple[list[Task], Future[list[Outcome]]]] = deque()
    window = jobs * IN_FLIGHT_PER_WORKER

    def settle() -> Iterator[Outcome]:
        """Yield the outcomes of the oldest chunk; on a dead or stuck worker, re-run suspects one by one."""
        nonlocal pool
        chunk, future = pending.popleft()
        try:
            yield from future.result(timeout=hard_limit(len(chunk)))
            return
        except BrokenProcessPool:
            stuck = False
        except FutureTimeout:
            stuck = True  # a document ignored its alarm (stuck outside Python): kill the workers
        suspects = [(chunk, future), *pending]
        pending.clear()
        if stuck:
            _kill_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        pool = new_pool()
        # Suspects go one at a time to a single worker, started (and warmed up) before the clock runs.
        solo: ProcessPoolExecutor | None = None
        try:
            for suspect_chunk, suspect_future in suspects:
                if (
                    suspect_future.done()
                    and not suspect_future.cancelled()
                    and suspect_future.exception() is None
                ):
                    yield from suspect_future.result()
                    continue
                for task in suspect_chunk:
                    if solo is None:
                        solo = new_pool(1)
                        solo.submit(_ready).result()
                    try:
                        yield from solo.submit(_clean_chunk, [task]).result(timeout=hard_limit(1))
                        continue
                    except BrokenProcessPool:
                        outcome = Outcome(task.name, error=WORKER_DIED)
                    except FutureTimeout:
                        outcome = Outcome(task.name, error=TIMED_OUT.format(seconds=settings.timeout or 0))
                        _kill_workers(solo)
                    solo.shutdown(wait=True, cancel_futures=True)
                    solo = None
                    yield outcome
        finally:
            if solo is not None:
                _kill_workers(solo)
                solo.shutdown(wait=True, cancel_futures=True)

    try:
        for chunk in chunks(tasks, chunk_size):
            pending.append((chunk, pool.submit(_clean_chunk, chunk)))
            while len(pending) >= window:
                yield from settle()
        while pending:
            yield from settle()
    except BaseException:
        _kill_workers(pool)  # interrupted: do not wait for the documents being cleaned
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _INHERITED = None


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes (the pool then reports itself broken)."""
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.kill()


class Runner(Protocol):
    """Cleans tasks and yields their outcomes in input order, as :func:`run_tasks` does."""

    def __call__(
        self, tasks: Iterable[Task], settings: Settings, *, jobs: int, pipeline: Pipeline | None
    ) -> Iterator[Outcome]: ...


# --- the report ---------------------------------------------------------------


class Report:
    """Per-run totals: what was cleaned, skipped, what failed; the exit code and the summary line.

    Only the failures are kept one by one (to name them); the rest are counts,
    so a report of a million inputs stays small.
    """

    __slots__ = ("files", "failures", "bytes_in", "bytes_out", "chars_in", "chars_removed", "skipped",
                 "failed_count", "records", "interrupted", "stopped", "seconds")

    def __init__(self) -> None:
        self.files = 0
        self.failures: list[tuple[str, str]] = []
        self.bytes_in = 0
        self.bytes_out = 0
        self.chars_in = 0
        self.chars_removed = 0
        self.skipped = 0
        self.failed_count = 0
        self.records = False  # some inputs were records of containers, not files
        self.interrupted = False  # stopped by Ctrl-C (or SIGTERM)
        self.stopped: str | None = None  # stopped by an error that ends the whole run
        self.seconds = 0.0  # wall time of the run

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.error is not None:
            if len(self.failures) < MAX_FAILURES_KEPT:
                self.failures.append((outcome.name, outcome.error))
            self.failed_count += 1
            return
        if outcome.skipped:
            self.skipped += 1
            return
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        self.chars_in += outcome.chars_in
        self.chars_removed += outcome.chars_removed

    @property
    def failed(self) -> int:
        return self.failed_count

    @property
    def exit_code(self) -> int:
        """0 when every input was cleaned (or done before), 1 when any failed, 130 when interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failed_count or self.stopped else 0

    @property
    def removed_share(self) -> float:
        """The share of the input's characters that left the body (removed or lifted)."""
        return self.chars_removed / self.chars_in if self.chars_in else 0.0

    def summary(self) -> str:
        """``120 files, 2 failed, 3.4 MB in, 1.2 MB out, 64.0% removed`` (and ``, 10 skipped``)."""
        unit = "input" if self.records else "file"
        files = f"{self.files:,} {unit}" + ("" if self.files == 1 else "s")
        skipped = f", {self.skipped:,} done before" if self.skipped else ""
        stopped = " (interrupted)" if self.interrupted else ""
        if self.stopped and not self.interrupted:
            stopped = f" (stopped: {self.stopped})"
        return (
            f"{files}, {self.failed:,} failed{skipped}, {human_bytes(self.bytes_in)} in, "
            f"{human_bytes(self.bytes_out)} out, {self.removed_share:.1%} removed{stopped}"
        )

    def to_dict(self) -> dict[str, Any]:
        """The run's totals, for the ``summary`` of a ``--report`` file."""
        return {
            "inputs": self.files,
            "cleaned": self.files - self.failed - self.skipped,
            "failed": self.failed,
            "skipped": self.skipped,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "removed_share": round(self.removed_share, 4),
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "stopped": self.stopped,
            "exit_code": self.exit_code,
        }


#: Failures kept by name in a Report (all are counted, and all go to stderr and --report).
MAX_FAILURES_KEPT = 10_000


class ReportFile:
    """A ``--report`` JSON file, written as the run goes (one entry per input) and committed at the end.

    ``{"inputs": [{"input", "status", "seconds", "bytes_in", "bytes_out",
    "removed_share", "error"}, …], "summary": {…}}``; written atomically, so a
    run killed outright leaves the previous report (or none), never half of one.
    """

    def __init__(self, path: str) -> None:
        self.sink = AtomicFile(path)
        self.sink.handle.write(b'{"inputs": [')
        self.count = 0

    def add(self, outcome: Outcome) -> None:
        entry: dict[str, Any] = {"input": outcome.name, "status": outcome.status}
        if outcome.error is not None:
            entry["error"] = outcome.error
        elif not outcome.skipped:
            entry.update(
                seconds=round(outcome.seconds, 4),
                bytes_in=outcome.bytes_in,
                bytes_out=outcome.bytes_out,
                removed_share=round(outcome.chars_removed / outcome.chars_in, 4) if outcome.chars_in else 0.0,
            )
        import json  # only a run with a report file needs it (start-up time)

        line = ("\n  " if self.count == 0 else ",\n  ") + json.dumps(entry)
        self.sink.handle.write(line.encode("ascii"))
        self.count += 1

    def commit(self, report: Report) -> None:
        import json

        tail = "\n], \"summary\": " + json.dumps(report.to_dict()) + "}\n"
        self.sink.handle.write(tail.encode("utf-8"))
        self.sink.commit()

    def discard(self) -> None:
        self.sink.discard()


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


class Sources(Frozen):
    """How inputs are read: which files are containers (``--input-format``) and how records are read."""

    __slots__ = ("input_format", "jsonl_field", "id_field", "url_field")
    __match_args__ = ("input_format", "jsonl_field", "id_field", "url_field")

    input_format: str
    jsonl_field: str | None
    id_field: str
    url_field: str

    def __init__(
        self,
        input_format: str = "auto",
        jsonl_field: str | None = None,
        id_field: str = DEFAULT_ID_FIELD,
        url_field: str = DEFAULT_URL_FIELD,
    ) -> None:
        self._set(input_format, jsonl_field, id_field, url_field)


class Plan(Frozen):
    """The tasks of a run, the inputs refused while looking for them, and where output goes.

    ``single`` runs print to stdout or write ``tasks[0].output``; batch runs write
    one output per task (mirroring, ``tree``: one output file per input under
    -o DIR), stream records to ``stream`` (a file path; ``None`` for stdout), or
    write numbered JSONL shards of ``shard_size`` inputs into the directory
    ``shards``. ``tasks`` is lazy in batch runs: inputs are found as the run
    reaches them.
    """

    __slots__ = ("tasks", "failures", "single", "stream", "shards", "shard_size", "resume", "tree")
    __match_args__ = ("tasks", "failures", "single", "stream", "shards", "shard_size", "resume", "tree")

    tasks: Iterable[Task]
    failures: Sequence[tuple[str, str]]
    single: bool
    stream: str | None
    shards: str | None
    shard_size: int
    resume: bool
    tree: bool

    def __init__(
        self,
        tasks: Iterable[Task],
        failures: Sequence[tuple[str, str]] = (),
        single: bool = False,
        stream: str | None = None,
        shards: str | None = None,
        shard_size: int = 0,
        resume: bool = False,
        tree: bool = False,
    ) -> None:
        self._set(tasks, failures, single, stream, shards, shard_size, resume, tree)

    @property
    def data_on_stdout(self) -> bool:
        """Whether cleaned output goes to stdout (so stdout cannot take anything else)."""
        if self.single:
            return isinstance(self.tasks, list) and bool(self.tasks) and self.tasks[0].output is None
        return self.stream is None and self.shards is None and not self.tree


def _matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    from fnmatch import fnmatchcase

    return any(fnmatchcase(rel if "/" in g else name, g) for g in globs)


def iter_walk(
    root: str,
    globs: Sequence[str],
    *,
    skip_dirs: Iterable[str] = (),
    skip_files: Iterable[str] = (),
    output_key: Any = None,
) -> Iterator[tuple[str, str | None]]:
    """The files under ``root`` matching ``globs`` as ``(path, None)``, and trouble as ``(path, message)``.

    Lazy and sorted (by path component, as a listing shows them); one
    directory's listing is held at a time. Hidden files and directories are
    skipped, and so are ``skip_dirs`` and ``skip_files`` (the run's own output,
    so a run never reads it). Symlinked directories are not followed (no
    loops); symlinked files are. Unreadable directories and files that are not
    regular (FIFOs, sockets, devices) come out as trouble. ``output_key(name)``,
    if given, names the output a file goes to: a second file of a directory
    with the same key is trouble, not a silent overwrite.
    """
    skip_d = {os.path.realpath(d) for d in skip_dirs}
    skip_f = {os.path.abspath(f) for f in skip_files}
    skip_names = {os.path.basename(f) for f in skip_f}
    stack: list[tuple[str, str, Iterator[os.DirEntry[str]], dict[str, str]]] = []

    def enter(directory: str, prefix: str) -> str | None:
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            return exc.strerror or str(exc)
        stack.append((directory, prefix, iter(entries), {}))
        return None

    trouble = enter(root, "")
    if trouble is not None:
        yield root, trouble
        return
    while stack:
        directory, prefix, entries, keys = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        name = entry.name
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            if not (skip_d and os.path.realpath(path) in skip_d):
                trouble = enter(path, prefix + name + "/")
                if trouble is not None:
                    yield path, trouble
            continue
        if not _matches(name, prefix + name, globs):
            continue
        if name in skip_names and os.path.abspath(path) in skip_f:
            continue
        try:
            if entry.is_symlink():
                if entry.is_dir():
                    continue  # a symlinked directory: not followed
                regular = True  # a file, or a broken link or loop that reading will report
            else:
                regular = entry.is_file(follow_symlinks=False)
        except OSError:
            regular = True
        if not regular:
            yield path, NOT_REGULAR
            continue
        if output_key is not None:
            key = output_key(name)
            if key is not None:
                if key in keys:
                    yield path, SAME_OUTPUT.format(other=shown(display_name(keys[key])))
                    continue
                keys[key] = path
        yield path, None


def walk(
    root: str,
    globs: Sequence[str],
    *,
    skip_dirs: Iterable[str] = (),
    skip_files: Iterable[str] = (),
) -> tuple[list[str], list[tuple[str, str]]]:
    """:func:`iter_walk` as two lists: the files, and the trouble (``(path, message)``)."""
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for path, trouble in iter_walk(root, globs, skip_dirs=skip_dirs, skip_files=skip_files):
        if trouble is None:
            files.append(path)
        else:
            errors.append((path, trouble))
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


def _up_to_date(source: str, output: str) -> bool:
    """Whether ``output`` exists and is not older than ``source`` (a resumed run skips it)."""
    try:
        return os.stat(output).st_mtime >= os.stat(source).st_mtime
    except OSError:
        return False


def check_shard_dir(directory: str, *, resume: bool) -> None:
    """Refuse a shard directory holding shards that a run could mix with its own."""
    if not os.path.isdir(directory):
        return
    progress = os.path.join(directory, PROGRESS_NAME)
    if os.path.exists(progress):
        if not resume:
            raise PlanError(
                f"{directory}: holds the shards of an earlier run; add --resume to go on with it, "
                "or choose an empty directory"
            )
        return
    if any(n.startswith("part-") and n.endswith(".jsonl") for n in os.listdir(directory)):
        raise PlanError(f"{directory}: holds part-*.jsonl shards not made by a run; choose another -o")


def plan(
    inputs: Sequence[str],
    *,
    fmt: str = "text",
    output: str | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    stdin: IO[bytes] | None = None,
    stdin_is_tty: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    sources: Sources | None = None,
    shard_size: int | None = None,
    resume: bool = False,
    skip_files: Sequence[str] = (),
) -> Plan:
    """Turn command-line inputs and ``-o`` into tasks; raise :class:`PlanError` when they cannot work.

    - No input, or ``-``: stdin (refused when it is a terminal).
    - One input that is not a directory or a container: a single run; output to
      stdout, to ``output`` as a file, or into ``output`` if it is an existing directory.
    - Otherwise a batch: ``--format jsonl`` streams records to stdout or to the
      file ``output`` (or, with ``shard_size``, into numbered shards in the
      directory ``output``); text and JSON need ``output`` as a directory, where
      each input's output mirrors its path relative to the inputs' common
      directory (a container's records go to ``<container name>/<record id>``).
      No output may land on an input, two inputs may not share an output, and
      the run's outputs (and ``skip_files``, such as the report) are never read as input.
    - ``resume``: inputs whose output exists (tree) or whose shard was committed
      are skipped; it needs ``-o DIR``.

    Directories are walked, and containers read, only when the run reaches them.
    """
    src = sources or Sources()
    inputs = list(inputs) or ["-"]
    if "-" in inputs and stdin_is_tty:
        raise PlanError("no input given and stdin is a terminal; name a file, a directory, or pipe a dump in")
    if inputs.count("-") > 1:
        raise PlanError("stdin ('-') can be read only once")
    to_stdout = output in (None, "-")

    def kind_of(arg: str) -> str | None:
        if arg == "-":
            return src.input_format if src.input_format in ("jsonl", "warc") else None
        return container_kind(arg, src.input_format)

    single = (
        len(inputs) == 1
        and (inputs[0] == "-" or not os.path.isdir(inputs[0]))
        and kind_of(inputs[0]) is None
        and not shard_size
    )
    if single:
        return _plan_single(inputs[0], fmt, None if to_stdout else output, stdin, max_bytes, resume)

    if shard_size:
        if fmt != "jsonl":
            raise PlanError("--shard-size writes JSONL records; it goes with --format jsonl")
        if to_stdout:
            raise PlanError("--shard-size needs -o DIR, the directory for the shards")
        assert output is not None
        if os.path.exists(output) and not os.path.isdir(output):
            raise PlanError(f"{output}: exists and is not a directory; --shard-size needs -o DIR")
        check_shard_dir(output, resume=resume)
    elif fmt != "jsonl" and to_stdout:
        raise PlanError(
            "several inputs: write one output per input with -o DIR, or stream records with --format jsonl"
        )
    elif output is not None and not to_stdout:
        if fmt == "jsonl" and os.path.isdir(output):
            raise PlanError(f"{output}: is a directory; --format jsonl writes one stream, give -o a file")
        if fmt != "jsonl" and os.path.exists(output) and not os.path.isdir(output):
            raise PlanError(f"{output}: exists and is not a directory; several inputs need -o DIR")
    shard_dir = output if shard_size else None
    out_dir = output if (fmt != "jsonl" and not to_stdout) else None
    stream = output if (fmt == "jsonl" and not to_stdout and not shard_size) else None
    if resume and out_dir is None and shard_dir is None:
        raise PlanError(
            "--resume needs -o DIR: a mirrored tree, or JSONL shards with --shard-size "
            "(a single stream is written whole or not at all)"
        )
    if "-" in inputs and out_dir is not None:
        raise PlanError("stdin ('-') has no file name to mirror into -o DIR; use --format jsonl")
    own_dir = out_dir or shard_dir
    if own_dir is not None:
        real_out = os.path.realpath(own_dir)
        for arg in inputs:
            if arg != "-" and os.path.isdir(arg) and os.path.realpath(arg) == real_out:
                raise PlanError(f"{own_dir}: the output directory is an input directory; choose another -o")

    dirs = [a for a in inputs if a != "-" and os.path.isdir(a)]
    explicit = [a for a in inputs if a != "-" and not os.path.isdir(a)]
    roots = [os.path.abspath(a) for a in dirs]
    roots += [os.path.abspath(os.path.dirname(a) or ".") for a in explicit]
    base = os.path.commonpath(sorted(set(roots))) if roots else os.path.abspath(".")
    ext = EXTENSIONS[fmt]

    def mirror(path: str) -> str | None:
        if out_dir is None:
            return None
        rel = os.path.relpath(os.path.abspath(path), base)
        if kind_of(path) is not None:
            return os.path.join(out_dir, os.path.dirname(rel), container_stem(path))
        return os.path.join(out_dir, os.path.splitext(rel)[0] + ext)

    if out_dir is not None:
        if dirs and os.path.realpath(out_dir) == os.path.realpath(base):
            raise PlanError(
                f"{out_dir}: is the inputs' common directory, so outputs would land on their inputs; "
                "choose another -o"
            )
        pairs = [(a, mirror(a) or "") for a in explicit if kind_of(a) is None]
        _refuse_overwrite(pairs)
        claimed: dict[str, str] = {}
        for a, out in pairs:
            key = os.path.normcase(os.path.abspath(out))
            if key in claimed:
                raise PlanError(f"{claimed[key]} and {a} would both be written to {out}; run them apart")
            claimed[key] = a
    if stream is not None:
        _refuse_overwrite([(a, stream) for a in explicit])
    if shard_dir is not None:
        real_shards = os.path.realpath(shard_dir)
        for a in explicit:
            if os.path.realpath(os.path.dirname(os.path.abspath(a))) == real_shards:
                raise PlanError(f"{a}: is inside the shard directory {shard_dir}; choose another -o")

    def walked_by_a_dir(path: str) -> bool:
        """Whether a directory input will find ``path`` itself (so it is cleaned once)."""
        absolute = os.path.abspath(path)
        for d in dirs:
            rel = os.path.relpath(absolute, os.path.abspath(d))
            if rel.startswith(".."):
                continue
            parts = rel.split(os.sep)
            if not any(p.startswith(".") for p in parts) and _matches(parts[-1], "/".join(parts), globs):
                return True
        return False

    skip_dirs = [d for d in (out_dir, shard_dir) if d]
    skip_f = [f for f in (stream, *skip_files) if f]

    def output_key(name: str) -> str | None:
        return None if kind_of(name) is not None else os.path.splitext(name)[0]

    def file_tasks(path: str) -> Iterator[Task]:
        kind = kind_of(path)
        if kind is None:
            out = mirror(path)
            skip = resume and out is not None and _up_to_date(path, out)
            yield Task(display_name(path), path=path, output=out, skip=skip)
            return
        yield from _container_tasks(
            path, kind, src, display=display_name(path), out_base=mirror(path), ext=ext,
            resume=resume, max_bytes=max_bytes,
        )

    def tasks() -> Iterator[Task]:
        done_explicit: set[str] = set()
        for arg in inputs:
            if arg == "-":
                kind = kind_of(arg)
                stream_in = stdin or sys.stdin.buffer
                if kind is not None:
                    yield from _container_tasks(
                        "-", kind, src, display=STDIN_NAME, out_base=None, ext=ext,
                        resume=False, max_bytes=max_bytes, stream=stream_in,
                    )
                    continue
                try:
                    yield Task(STDIN_NAME, data=read_stdin(stream_in, max_bytes))
                except CleanerError as exc:
                    yield Task(STDIN_NAME, error=one_line(str(exc)))
                except OSError as exc:
                    yield Task(STDIN_NAME, error=one_line(exc.strerror or str(exc)))
                continue
            if os.path.isdir(arg):
                found = False
                for path, trouble in iter_walk(
                    arg, globs, skip_dirs=skip_dirs, skip_files=skip_f,
                    output_key=output_key if out_dir is not None else None,
                ):
                    found = True
                    if trouble is not None:
                        yield Task(display_name(path), error=trouble)
                    else:
                        yield from file_tasks(path)
                if not found:
                    yield Task(arg, error=NO_MATCH.format(globs=", ".join(globs)))
                continue
            key = os.path.abspath(arg)
            if key in done_explicit or walked_by_a_dir(arg):
                continue
            done_explicit.add(key)
            yield from file_tasks(arg)

    return Plan(
        tasks(),
        tree=out_dir is not None,
        single=False,
        stream=stream,
        shards=shard_dir,
        shard_size=shard_size or 0,
        resume=resume,
    )


def _container_tasks(
    path: str,
    kind: str,
    src: Sources,
    *,
    display: str,
    out_base: str | None,
    ext: str,
    resume: bool,
    max_bytes: int,
    stream: IO[bytes] | None = None,
) -> Iterator[Task]:
    """One task per record of a container; a container that cannot be read (further) is one failure."""
    found = records(
        path, kind, name=display, stream=stream, field=src.jsonl_field, id_field=src.id_field,
        url_field=src.url_field, max_bytes=max_bytes,
    )
    claimed: set[str] = set()
    count = 0
    while True:
        try:
            rec = next(found)
        except StopIteration:
            return
        except MissingExtraError:
            raise
        except CleanerError as exc:
            yield Task(display, fields={}, error=one_line(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - a broken or truncated container is its own failure
            why = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
            after = f" after {count:,} records" if count else ""
            yield Task(display, fields={}, error=one_line(f"cannot read{after}: {why}"))
            return
        count += 1
        output = None
        if out_base is not None and rec.error is None:
            name = safe_name(rec.id)
            if name in claimed:
                name = f"{name}~{count}"
            claimed.add(name)
            output = os.path.join(out_base, name + ext)
        skip = resume and output is not None and os.path.exists(output)
        yield Task(
            rec.name,
            data=None if skip else rec.data,
            output=output,
            fields=rec.fields if rec.fields is not None else {},
            url=rec.url,
            error=rec.error,
            skip=skip,
        )


def _plan_single(
    arg: str, fmt: str, output: str | None, stdin: IO[bytes] | None, max_bytes: int, resume: bool = False
) -> Plan:
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
    skip = resume and output is not None and _up_to_date(arg, output)
    return Plan([Task(display_name(arg), path=arg, output=output, skip=skip)], single=True)


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


# --- running a plan -------------------------------------------------------------


class ShardSink:
    """JSONL shards of ``size`` inputs each (``part-00000.jsonl`` …) in ``directory``, resumable.

    Shard *k* holds the records of inputs ``k*size`` to ``(k+1)*size - 1`` (fewer
    records when some failed), so a run's shards are the same however often it
    was interrupted. Each shard is written out of sight and renamed into place
    when full (:class:`~cleaner.writers.AtomicFile`, flushed to disk); then a line
    is appended to the progress file (:data:`PROGRESS_NAME`) naming it, its first
    and last input and its failures. A resumed run skips the inputs of the shards
    listed there (checking that the inputs are still the same) and goes on with
    the next shard; a shard renamed but not yet listed is simply written again.
    """

    def __init__(self, directory: str, size: int) -> None:
        self.directory = directory
        self.size = size
        self.progress_path = os.path.join(directory, PROGRESS_NAME)
        self.index = 0
        self.skip = 0
        self.starts: dict[int, str] = {}  # input number -> first input of a committed shard
        self.earlier_failures: dict[str, str] = {}
        if os.path.exists(self.progress_path):
            self._read_progress()
        self.current: AtomicFile | None = None
        self._reset()

    def _reset(self) -> None:
        self.tasks = 0
        self.records = 0
        self.first = self.last = ""
        self.failures: list[tuple[str, str]] = []

    def _read_progress(self) -> None:
        import json  # only a sharded run needs it (start-up time)

        good = 0
        with open(self.progress_path, "rb") as handle:
            for line in handle:
                try:
                    entry = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    entry = None
                if not isinstance(entry, dict) or entry.get("shard") != self.index:
                    break
                if entry.get("shard_size") != self.size:
                    raise PlanError(
                        f"{self.directory}: its shards were made with --shard-size "
                        f"{entry.get('shard_size')}; resume with the same size"
                    )
                if not os.path.exists(os.path.join(self.directory, str(entry.get("file")))):
                    break
                self.starts[self.skip] = str(entry.get("first"))
                self.skip += int(entry.get("tasks", 0))
                for name, error in entry.get("failures", []):
                    if len(self.earlier_failures) < MAX_FAILURES_KEPT:
                        self.earlier_failures[name] = error
                self.index += 1
                good += len(line)
        os.truncate(self.progress_path, good)  # drop a line half-written by a killed run

    def skip_done(self, tasks: Iterable[Task]) -> Iterator[Task]:
        """``tasks`` with those of committed shards marked done (or failed, if they failed then)."""
        for number, task in enumerate(tasks):
            if number >= self.skip:
                yield task
                continue
            expected = self.starts.get(number)
            if expected is not None and task.name != expected:
                raise PlanError(
                    f"{self.directory}: the inputs are not those of the interrupted run (input {number + 1} "
                    f"was {shown(expected)}, now {shown(task.name)}); start again in an empty directory"
                )
            error = self.earlier_failures.get(task.name)
            if error is not None:
                yield Task(task.name, fields=task.fields, error=f"failed in an earlier run: {error}")
            else:
                yield Task(task.name, fields=task.fields, skip=True)

    def add(self, outcome: Outcome) -> None:
        """Count an input into the current shard, with its record if it has one."""
        if outcome.skipped or outcome.error is not None and outcome.error.startswith("failed in an earlier"):
            return
        if self.current is None:
            name = SHARD_NAME.format(index=self.index)
            self.current = AtomicFile(os.path.join(self.directory, name), durable=True)
            self.first = outcome.name
        if outcome.rendered:
            self.current.handle.write(outcome.rendered.encode("utf-8"))
            self.records += 1
        if outcome.error is not None:
            self.failures.append((outcome.name, outcome.error))
        self.tasks += 1
        self.last = outcome.name
        if self.tasks >= self.size:
            self._commit()

    def _commit(self) -> None:
        assert self.current is not None
        self.current.commit()
        self.current = None
        entry = {
            "shard": self.index,
            "file": SHARD_NAME.format(index=self.index),
            "shard_size": self.size,
            "tasks": self.tasks,
            "records": self.records,
            "first": self.first,
            "last": self.last,
            "failures": self.failures[:MAX_FAILURES_KEPT],
        }
        import json

        with open(self.progress_path, "ab") as handle:
            handle.write(json.dumps(entry).encode("ascii") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.index += 1
        self._reset()

    def finish(self) -> None:
        """Commit the last, partly filled shard."""
        if self.current is not None:
            self._commit()

    def discard(self) -> None:
        """Drop the shard being written (an interrupted run)."""
        if self.current is not None:
            self.current.discard()
            self.current = None


def _noting_records(tasks: Iterable[Task], report: Report) -> Iterator[Task]:
    for task in tasks:
        if task.fields is not None:
            report.records = True
        yield task


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
    report_to: str | None = None,
    runner: Runner | None = None,
) -> Report:
    """Clean every task of ``plan_``, send outputs to their sinks, report failures; return the Report.

    ``pipeline``, when given, is the one built from ``settings`` (cleaning in this
    process then reuses it instead of building another). ``runner`` cleans the
    tasks instead of :func:`run_tasks` (the Dask engine's, for one).

    Rendered outputs go to ``stdout``, to the plan's stream file (written
    atomically) or to its shards; failures are written to ``stderr`` as
    ``prog: NAME: message`` as they come, in input order; ``--explain`` output to
    ``explain_to``; in batch runs a progress bar (only if ``progress``) and, unless
    ``quiet``, the summary line (also after an interruption). ``report_to`` names
    a JSON report file (:class:`ReportFile`), committed even when the run is
    interrupted (then its summary says so).
    """
    started = time.perf_counter()
    report = Report()
    for name, message in plan_.failures:
        report.add(Outcome(name, error=message))
        _fail(stderr, prog, name, message)
    shards = ShardSink(plan_.shards, plan_.shard_size) if plan_.shards is not None else None
    tasks: Iterator[Task] = iter(plan_.tasks)
    if shards is not None:
        tasks = shards.skip_done(tasks)
    tasks = _noting_records(tasks, report)
    # Fewer than two inputs: no pool of workers for them.
    head = list(itertools.islice(tasks, 2))
    jobs = max(1, min(jobs, len(head)))
    tasks = itertools.chain(head, tasks)
    batch = not plan_.single
    sink: Any = None
    bar: Any = None
    report_file = ReportFile(report_to) if report_to is not None else None
    try:
        if plan_.stream is not None:
            sink = AtomicFile(plan_.stream)
            out: IO[bytes] = sink.handle
        else:
            out = stdout
        for outcome in (runner or run_tasks)(tasks, settings, jobs=jobs, pipeline=pipeline):
            if progress and batch and bar is None:
                # Started once workers exist: no process is forked while its thread runs.
                bar = _ProgressBar(stderr)
            report.add(outcome)
            if report_file is not None:
                report_file.add(outcome)
            if outcome.error is not None:
                if bar is not None:
                    message = f"{prog}: {shown(outcome.name)}: {outcome.error}"
                    bar.console.print(message, markup=False, highlight=False)
                else:
                    _fail(stderr, prog, outcome.name, outcome.error)
            elif outcome.explain is not None and explain_to is not None:
                from .explain import write_explain

                write_explain(
                    outcome.explain,
                    explain_to,
                    title=shown(outcome.name) if batch else None,
                    color=color_explain,
                )
            if shards is not None:
                shards.add(outcome)
            elif outcome.rendered:
                out.write(outcome.rendered.encode("utf-8"))
            if bar is not None:
                bar.advance()
        out.flush()
        if sink is not None:
            sink.commit()
            sink = None
        if shards is not None:
            shards.finish()
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    except BaseException as exc:
        report.stopped = one_line(str(exc)) or type(exc).__name__
        raise
    finally:
        report.seconds = time.perf_counter() - started
        if bar is not None:
            bar.stop()
        if sink is not None:
            sink.discard()
        if shards is not None:
            shards.discard()
        if report_file is not None:
            report_file.commit(report)
        if batch and not quiet:
            stderr.write(f"{prog}: {report.summary()}\n")
            stderr.flush()
    return report


def _fail(stderr: TextIO, prog: str, name: str, message: str) -> None:
    stderr.write(f"{prog}: {shown(name)}: {message}\n")
    stderr.flush()


class _ProgressBar:
    """A rich progress bar on stderr (rich imported only here)."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=stream)
        self.progress = Progress(
            TextColumn("cleaning"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("clean", total=None)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()
