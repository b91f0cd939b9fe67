"""Site templates: blocks that recur on many pages of one site, learned from the corpus itself.

Pages of one site share their template: menus, footers, widgets, newsletter
boxes. A :class:`TemplateCounter` reads pages and counts, per site, on how
many pages each normalised block occurs (once per page, however often the page
repeats it). A block that occurs on at least ``max(min_pages, share * M)`` of
the ``M`` pages of a site with ``M >= min_pages`` is part of that site's
template. The result, a :class:`TemplateSet`, is saved as JSON and applied by
the ``site-templates`` stage.

Everything here is deterministic and independent of input order: counts are
sums, and the saved file lists sites and blocks sorted. Only counts are held,
never documents; a long block is counted under a bounded key (its start and a
digest), so memory grows with the number of distinct lines per site, not with
their length.

The site of a page is the host of its URL (``Document.metadata.url``, without
a leading ``www.``) when known, else the directory its input came from.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .document import Document
from .errors import CleanerError

if TYPE_CHECKING:
    from .batch import Settings, Task
    from .pipeline import Pipeline

#: The stage that applies a template set.
STAGE_NAME = "site-templates"

#: A block is template when it occurs on at least this many pages of its site...
DEFAULT_MIN_PAGES = 3
#: ... and on at least this share of them. Sites with fewer pages learn nothing.
DEFAULT_SHARE = 0.5

#: Normalised blocks longer than this are counted under their start and a digest.
MAX_KEY_CHARS = 200
KEY_PREFIX_CHARS = 160

#: The saved file's ``format`` field and version.
FORMAT = "clean-article site templates"
VERSION = 1

#: Reason given for every removal: N pages of M.
REASON = "repeats on {n} of {m} pages of this site"

# stdlib re (compiles faster at start-up than ``regex``; str patterns are Unicode-aware).
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


class TemplatesError(CleanerError):
    """A templates file that cannot be read or used."""


def block_key(text: str) -> str | None:
    """The normalised form under which a block is counted, or ``None`` if it is never template.

    Case folded, whitespace collapsed, every run of digits one ``0`` (so
    ``Page 2 of 9`` and ``Page 3 of 9`` count as one block). A block without a
    letter (a date in figures, a price, a separator) is never template.
    """
    if not _LETTER.search(text):
        return None
    key = _DIGITS.sub("0", _SPACE.sub(" ", text.casefold())).strip()
    if len(key) > MAX_KEY_CHARS:
        import hashlib

        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
        key = f"{key[:KEY_PREFIX_CHARS]} #{digest}"
    return key


def site_of(doc: Document) -> str:
    """The site a page belongs to: its URL's host (no ``www.``), else its input's directory."""
    url = doc.metadata.url
    if url:
        from urllib.parse import urlsplit

        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host[4:] if host.startswith("www.") else host
    return source_site(doc.source or "")


def source_site(source: str) -> str:
    """The directory part of an input name (a path or a URL); ``.`` for a bare file name."""
    if "://" in source:
        head, _, _ = source.rpartition("/")
        return head if "://" in head else source
    return os.path.dirname(os.path.normpath(source)) or "."


def page_keys(doc: Document) -> set[str]:
    """The distinct keys of a page's blocks (each counted once per page)."""
    keys: set[str] = set()
    for block in doc.blocks:
        if block.text:
            key = block_key(block.text)
            if key is not None:
                keys.add(key)
    return keys


@dataclass(frozen=True)
class SiteTemplate:
    """One site's template: its page count and, for each template block, the pages it occurs on."""

    pages: int
    blocks: Mapping[str, int]


@dataclass(frozen=True)
class TemplateSet:
    """Learned templates of every site, ready for the ``site-templates`` stage."""

    sites: Mapping[str, SiteTemplate] = field(default_factory=dict)
    min_pages: int = DEFAULT_MIN_PAGES
    share: float = DEFAULT_SHARE

    def reason(self, site: str, key: str) -> str | None:
        """Why a block of this key goes on this site (``None`` if it is not template there)."""
        template = self.sites.get(site)
        if template is None:
            return None
        n = template.blocks.get(key)
        return None if n is None else REASON.format(n=n, m=template.pages)

    def __len__(self) -> int:
        return sum(len(t.blocks) for t in self.sites.values())

    def to_json(self) -> str:
        """The set as a JSON document, sites and blocks sorted (same set, same bytes)."""
        import json

        data = {
            "format": FORMAT,
            "version": VERSION,
            "min_pages": self.min_pages,
            "share": self.share,
            "sites": {
                site: {"pages": t.pages, "blocks": dict(sorted(t.blocks.items()))}
                for site, t in sorted(self.sites.items())
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, *, name: str = "templates") -> TemplateSet:
        """A set from :meth:`to_json`'s output; raises :class:`TemplatesError` if it is not one."""
        import json

        try:
            data = json.loads(text)
        except ValueError as exc:
            raise TemplatesError(f"{name}: not JSON ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TemplatesError(f"{name}: not a site-templates file (see --learn-templates)")
        if data.get("version") != VERSION:
            found = data.get("version")
            raise TemplatesError(f"{name}: templates file version {found!r}, expected {VERSION}")
        try:
            sites = {
                str(site): SiteTemplate(int(t["pages"]), {str(k): int(n) for k, n in t["blocks"].items()})
                for site, t in data["sites"].items()
            }
            return cls(sites, int(data["min_pages"]), float(data["share"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TemplatesError(f"{name}: malformed templates file ({type(exc).__name__}: {exc})") from None


def load(path: str | os.PathLike[str]) -> TemplateSet:
    """Read a templates file saved by :func:`save`."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise TemplatesError(f"{os.fspath(path)}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise TemplatesError(f"{os.fspath(path)}: not a site-templates file (not UTF-8)") from None
    return TemplateSet.from_json(text, name=os.fspath(path))


def save(templates: TemplateSet, path: str | os.PathLike[str]) -> None:
    """Write a templates file atomically (a reader never sees half of it)."""
    from .writers import atomic_write

    try:
        atomic_write(path, templates.to_json())
    except OSError as exc:
        raise TemplatesError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None


class TemplateCounter:
    """Counts, per site, the pages each block key occurs on; :meth:`templates` gives the set.

    Counters of disjoint parts of a corpus :meth:`merge` into the counter of the
    whole (how a Dask run learns), and the result does not depend on the order
    pages were added.
    """

    def __init__(self, *, min_pages: int = DEFAULT_MIN_PAGES, share: float = DEFAULT_SHARE) -> None:
        if min_pages < 1:
            raise ValueError("min_pages must be at least 1")
        if not 0.0 <= share <= 1.0:
            raise ValueError("share must be between 0 and 1")
        self.min_pages = min_pages
        self.share = share
        self.pages: Counter[str] = Counter()
        self.blocks: dict[str, Counter[str]] = {}

    def add_page(self, site: str, keys: Iterable[str]) -> None:
        """Count one page of ``site`` whose blocks have these keys (duplicates count once)."""
        self.pages[site] += 1
        counts = self.blocks.get(site)
        if counts is None:
            counts = self.blocks[site] = Counter()
        counts.update(set(keys))

    def add(self, doc: Document) -> None:
        """Count one page (as read, or after the stages that run before ``site-templates``)."""
        self.add_page(site_of(doc), page_keys(doc))

    def merge(self, other: TemplateCounter) -> TemplateCounter:
        """Add another counter's counts to this one; returns this counter."""
        self.pages.update(other.pages)
        for site, counts in other.blocks.items():
            mine = self.blocks.get(site)
            if mine is None:
                self.blocks[site] = Counter(counts)
            else:
                mine.update(counts)
        return self

    def threshold(self, pages: int) -> int:
        """Pages a block must occur on, on a site of ``pages`` pages."""
        return max(self.min_pages, math.ceil(self.share * pages - 1e-9))

    def templates(self) -> TemplateSet:
        """The template set: per site with enough pages, the blocks over the threshold."""
        sites: dict[str, SiteTemplate] = {}
        for site in sorted(self.pages):
            m = self.pages[site]
            if m < self.min_pages:
                continue
            need = self.threshold(m)
            blocks = {k: n for k, n in sorted(self.blocks.get(site, Counter()).items()) if n >= need}
            if blocks:
                sites[site] = SiteTemplate(m, blocks)
        return TemplateSet(sites, self.min_pages, self.share)


def learn(
    docs: Iterable[Document],
    *,
    min_pages: int = DEFAULT_MIN_PAGES,
    share: float = DEFAULT_SHARE,
    prepare: Pipeline | None = None,
) -> TemplateSet:
    """Learn the templates of a corpus of documents (each run through ``prepare`` first, if given).

    ``prepare`` should be the stages that run before ``site-templates`` in the
    pipeline that will apply the set (see :func:`prefix`), so blocks are
    counted as the stage will see them.
    """
    counter = TemplateCounter(min_pages=min_pages, share=share)
    for doc in docs:
        counter.add(prepare.run(doc) if prepare is not None else doc)
    return counter.templates()


#: The stages that rewrite a line's text; the others only mark lines removed. Counting
#: ignores removals, so learning needs only these of the stages before site-templates:
#: the same counts (checked on the devset-web dumps and pages), 5 to 13 times faster.
TEXT_STAGES = frozenset({"normalize", "markdown"})


def prefix(pipeline: Pipeline, *, text_only: bool = True) -> Pipeline:
    """The stages of ``pipeline`` that run before ``site-templates`` (all if it is not there).

    With ``text_only``, only those in :data:`TEXT_STAGES`: what learning needs
    to see a line as the stage will see it.
    """
    from .pipeline import Pipeline

    names = pipeline.names
    end = names.index(STAGE_NAME) if STAGE_NAME in names else len(names)
    stages = pipeline.stages[:end]
    return Pipeline(tuple(s for s in stages if s.name in TEXT_STAGES) if text_only else stages)


def with_stage(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` with ``site-templates`` in it: last, after the content classifier, if it is missing.

    (Last, it removes what every other stage kept; measured on the devset-web
    sites with 3+ pages, this placement gains most in every dump style.)
    """
    return names if STAGE_NAME in names else (*names, STAGE_NAME)


# --- learning over batch inputs (pass 1 of --learn-templates) -------------------

#: Tasks a worker process reads per chunk while learning, and chunks in flight per worker.
LEARN_CHUNK = 16
LEARN_IN_FLIGHT = 4

_PREPARE: Pipeline | None = None


def _init_learner(settings: Settings) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _PREPARE
    _PREPARE = prefix(settings.pipeline())


def task_keys(task: Task, prepare: Pipeline, max_bytes: int) -> tuple[str, list[str]] | None:
    """The site and sorted block keys of one input (``None`` if it cannot be read: pass 2 reports it)."""
    from .batch import read_document, read_input

    if getattr(task, "error", None):
        return None
    try:
        raw = task.data if task.data is not None else read_input(task.path or "", max_bytes)
        doc = read_document(raw, source=task.name, max_bytes=max_bytes)
        url = getattr(task, "url", None)  # a container record's URL
        doc = prepare.run(doc.with_metadata(url=url) if url else doc)
    except Exception:  # noqa: BLE001 - the cleaning pass names the failure; learning skips it
        return None
    return site_of(doc), sorted(page_keys(doc))


def _keys_of_chunk(chunk: list[Task], max_bytes: int) -> list[tuple[str, list[str]] | None]:
    assert _PREPARE is not None, "learner not initialised"
    return [task_keys(task, _PREPARE, max_bytes) for task in chunk]


def learn_tasks(
    tasks: Iterable[Task],
    settings: Settings,
    *,
    jobs: int = 1,
    min_pages: int = DEFAULT_MIN_PAGES,
    share: float = DEFAULT_SHARE,
) -> TemplateSet:
    """Pass 1 of a batch run: read every input once and learn the templates (counts only in memory).

    Inputs are run through the stages of ``settings`` before ``site-templates``;
    ``jobs > 1`` reads them in worker processes, a bounded number of chunks at a
    time. Inputs that cannot be read are skipped here (the cleaning pass reports them).
    """
    counter = TemplateCounter(min_pages=min_pages, share=share)
    max_bytes = settings.options.max_bytes
    if jobs <= 1:
        prepare = prefix(settings.pipeline())
        for task in tasks:
            found = task_keys(task, prepare, max_bytes)
            if found is not None:
                counter.add_page(*found)
        return counter.templates()

    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    from .batch import chunks

    window = jobs * LEARN_IN_FLIGHT
    pending: deque[Future[list[tuple[str, list[str]] | None]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=_init_learner, initargs=(settings,)) as pool:
        for chunk in chunks(tasks, LEARN_CHUNK):
            pending.append(pool.submit(_keys_of_chunk, chunk, max_bytes))
            while len(pending) >= window:
                for found in pending.popleft().result():
                    if found is not None:
                        counter.add_page(*found)
        while pending:
            for found in pending.popleft().result():
                if found is not None:
                    counter.add_page(*found)
    return counter.templates()
