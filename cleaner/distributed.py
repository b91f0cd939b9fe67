"""Cleaning on a Dask cluster: the same pipeline over a ``dask.bag`` of inputs (extra ``[dask]``).

For users who already have a Dask client::

    from distributed import Client
    from cleaner.distributed import clean_paths

    client = Client("tcp://scheduler:8786")
    for outcome in clean_paths(["s3://bucket/dumps/*.txt"]):
        print(outcome.name, outcome.rendered)

:func:`clean_bag` maps a bag of inputs (paths, fsspec URLs, or
:class:`~cleaner.batch.Task`) to a bag of :class:`~cleaner.batch.Outcome`;
:func:`learn_bag` learns site templates from one (counts per partition, summed).
The command line's ``--engine dask`` uses :class:`DaskEngine`, which cleans on
the cluster and writes every output on this machine, in input order: the same
bytes as the local engine. Inputs are read by the workers, so local paths must
be visible to them (a shared file system) or be fsspec URLs.

Dask is imported only here, and only when used: without it, a one-line error.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .batch import Cleaner, Outcome, Settings, Task, display_name, one_line, shown
from .errors import TOO_LARGE_STREAM, CleanerError, InputTooLargeError
from .templates import DEFAULT_MIN_PAGES, DEFAULT_SHARE, TemplateCounter, TemplateSet, prefix, task_keys

if TYPE_CHECKING:
    from .pipeline import Pipeline

MISSING = "the dask engine needs Dask: pip install 'clean-article[dask]' ({why})"

#: Inputs per bag partition, and partitions in flight per worker when streaming outcomes.
PARTITION_SIZE = 16
IN_FLIGHT_PER_WORKER = 4

_GLOB_CHARS = frozenset("*?[")


def _require() -> Any:
    """The ``dask.bag`` module, or a one-line CleanerError naming the extra to install."""
    try:
        import dask.bag
        import distributed  # noqa: F401
    except ImportError as exc:
        raise CleanerError(MISSING.format(why=exc)) from None
    return dask.bag


def is_url(path: str) -> bool:
    return "://" in path


def read_url(url: str, max_bytes: int) -> bytes:
    """The bytes of an fsspec URL, refusing more than ``max_bytes``."""
    import fsspec

    with fsspec.open(url, "rb") as handle:
        data: bytes = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(TOO_LARGE_STREAM.format(limit=max_bytes))
    return data


def expand(inputs: Sequence[str], globs: Sequence[str] = ()) -> list[str]:
    """Inputs with globs expanded (local, or fsspec URLs such as ``s3://bucket/dumps/*.txt``).

    A URL naming a directory gives the files under it that match ``globs``.
    Anything else (a local file or directory, ``-``) is left for the planner.
    An input that matches nothing is kept as it is, so the run names it as failed.
    """
    out: list[str] = []
    for arg in inputs:
        if is_url(arg):
            out.extend(_expand_url(arg, globs) or [arg])
        elif _GLOB_CHARS & set(arg) and not os.path.exists(arg):
            import glob

            out.extend(sorted(glob.glob(arg, recursive=True)) or [arg])
        else:
            out.append(arg)
    return out


def _expand_url(url: str, globs: Sequence[str]) -> list[str]:
    from fnmatch import fnmatchcase

    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    if _GLOB_CHARS & set(path):
        found = sorted(fs.glob(path))
    elif fs.isdir(path):
        names = sorted(fs.find(path))
        found = [p for p in names if not globs or any(fnmatchcase(p.rsplit("/", 1)[-1], g) for g in globs)]
    else:
        return [url]
    return [fs.unstrip_protocol(p) for p in found]


def _as_task(item: Task | str) -> Task:
    return item if isinstance(item, Task) else Task(display_name(item), path=item)


def _fetched(task: Task, max_bytes: int, *, learning: bool = False) -> Task | Outcome:
    """A task whose fsspec URL is read into ``data`` (or its failure).

    Tasks already failed, or done by an earlier run (``--resume``), are not read
    to be cleaned (the Cleaner reports them); learning reads the done ones too.
    """
    if task.data is not None or task.path is None or not is_url(task.path):
        return task
    if getattr(task, "error", None) or (getattr(task, "skip", False) and not learning):
        return task
    try:
        return task._replace(data=read_url(task.path, max_bytes), path=None)
    except CleanerError as exc:
        return Outcome(task.name, error=one_line(str(exc)))
    except Exception as exc:  # noqa: BLE001 - a worker reports, never crashes the run
        return Outcome(task.name, error=one_line(f"cannot read: {type(exc).__name__}: {exc}"))


# One Cleaner per worker process, kept while the settings stay the same.
_CACHED: tuple[Settings, Cleaner] | None = None


def _cleaner(settings: Settings) -> Cleaner:
    global _CACHED
    if _CACHED is None or _CACHED[0] != settings:
        _CACHED = (settings, Cleaner(settings))
    return _CACHED[1]


def clean_one(item: Task | str, settings: Settings) -> Outcome:
    """Clean one input on a worker; the output comes back rendered (not written)."""
    task = _fetched(_as_task(item), settings.options.max_bytes)
    if isinstance(task, Outcome):
        return task
    return _cleaner(settings)(task._replace(output=None))


def _clean_partition(items: Iterable[Task | str], settings: Settings) -> list[Outcome]:
    return [clean_one(item, settings) for item in items]


def clean_bag(bag: Any, settings: Settings | None = None) -> Any:
    """A bag of inputs (paths, fsspec URLs or Tasks) -> a bag of Outcomes, in the same order.

    Each Outcome holds the rendered output (``settings.fmt``), or the input's
    one-line error. ``settings`` default: the default pipeline, text output.
    """
    from dask.delayed import delayed

    _require()
    return bag.map_partitions(_clean_partition, settings=delayed(settings or Settings(), traverse=False))


def _count_partition(
    items: Iterable[Task | str], settings: Settings, min_pages: int, share: float
) -> list[TemplateCounter]:
    counter = TemplateCounter(min_pages=min_pages, share=share)
    prepare = prefix(settings.pipeline())
    max_bytes = settings.options.max_bytes
    for item in items:
        task = _fetched(_as_task(item), max_bytes, learning=True)
        if isinstance(task, Outcome):
            continue
        found = task_keys(task, prepare, max_bytes)
        if found is not None:
            counter.add_page(*found)
    return [counter]


def _merge(counters: Iterable[TemplateCounter]) -> TemplateCounter | None:
    total: TemplateCounter | None = None
    for counter in counters:
        if counter is not None:
            total = counter if total is None else total.merge(counter)
    return total


def learn_bag(
    bag: Any,
    settings: Settings | None = None,
    *,
    min_pages: int = DEFAULT_MIN_PAGES,
    share: float = DEFAULT_SHARE,
) -> TemplateSet:
    """Learn site templates from a bag of inputs: counts per partition, summed (order does not matter)."""
    from dask.delayed import delayed

    _require()
    settings = settings or Settings()
    parts = bag.map_partitions(
        _count_partition, settings=delayed(settings, traverse=False), min_pages=min_pages, share=share
    )
    counter: TemplateCounter | None = parts.reduction(_merge, _merge).compute()
    if counter is None:
        counter = TemplateCounter(min_pages=min_pages, share=share)
    return counter.templates()


def clean_paths(
    paths: Sequence[str], settings: Settings | None = None, *, partition_size: int = PARTITION_SIZE
) -> list[Outcome]:
    """Clean local paths, globs or fsspec URLs on the current Dask scheduler; outcomes in input order."""
    db = _require()
    items = expand(paths)
    if not items:
        return []
    bag = db.from_sequence(items, partition_size=partition_size)
    result: list[Outcome] = clean_bag(bag, settings).compute()
    return result


class DaskEngine:
    """The ``--engine dask`` runner: a client (to ``scheduler``, or a local cluster) made on first use."""

    def __init__(self, scheduler: str | None = None, *, workers: int = 1) -> None:
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self._client: Any = None
        self._cluster: Any = None

    def client(self) -> Any:
        if self._client is None:
            _require()
            import distributed

            dist: Any = distributed
            try:
                if self.scheduler:
                    self._client = dist.Client(self.scheduler, timeout="30s")
                else:
                    self._cluster = dist.LocalCluster(
                        n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
                    )
                    self._client = dist.Client(self._cluster)
            except OSError as exc:
                raise CleanerError(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from None
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _bag(self, tasks: list[Task]) -> Any:
        db = _require()
        return db.from_sequence(tasks, partition_size=PARTITION_SIZE)

    def learn(
        self, tasks: Iterable[Task], settings: Settings, *, min_pages: int = DEFAULT_MIN_PAGES,
        share: float = DEFAULT_SHARE,
    ) -> TemplateSet:
        """Pass 1 of ``--learn-templates`` on the cluster."""
        todo = [t for t in tasks if not getattr(t, "error", None)]
        if not todo:
            return TemplateCounter(min_pages=min_pages, share=share).templates()
        self.client()
        return learn_bag(self._bag(todo), settings, min_pages=min_pages, share=share)

    def run_tasks(
        self, tasks: Iterable[Task], settings: Settings, *, jobs: int = 1, pipeline: Pipeline | None = None
    ) -> Iterator[Outcome]:
        """Clean every task on the cluster and yield its outcome in input order, writing outputs here.

        Partitions are computed a bounded number at a time, so outcomes do not
        pile up in this process. (``jobs`` and ``pipeline`` are the local
        engine's; the cluster has its own workers.)
        """
        todo = list(tasks)
        if not todo:
            return
        client = self.client()
        parts = clean_bag(self._bag(todo), settings).to_delayed()
        window = max(2, IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})) or 1))
        pending: deque[Any] = deque()
        offset = 0
        start = 0
        while start < len(parts) or pending:
            while start < len(parts) and len(pending) < window:
                pending.append(client.compute(parts[start]))
                start += 1
            outcomes: list[Outcome] = pending.popleft().result()
            for outcome in outcomes:
                yield _written(todo[offset], outcome)
                offset += 1


def _written(task: Task, outcome: Outcome) -> Outcome:
    """Write a rendered outcome to its task's output file (atomically), as the local engine does."""
    if task.output is None or outcome.error is not None or outcome.rendered is None:
        return outcome
    from .writers import atomic_write

    try:
        atomic_write(task.output, outcome.rendered.encode("utf-8"))
    except OSError as exc:
        return Outcome(task.name, error=f"cannot write {shown(task.output)}: {exc.strerror or exc}")
    return outcome._replace(rendered=None)
