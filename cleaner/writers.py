"""Article -> text, JSON or JSONL; and atomic writes of the result.

Three formats, one function each:

- ``text``: the body paragraphs separated by a blank line, with a trailing
  newline when there is any text (an empty article gives an empty output);
  with ``with_metadata=True`` a header of ``Field: value`` lines (title,
  date, author, standfirst) and a blank line come first.
- ``json``: :meth:`Article.to_dict` pretty-printed, non-ASCII kept as is.
- ``jsonl``: the same record with its ``source`` on one compact line.
- ``markdown``: the body with its headings, lists, quotes and tables (see
  :mod:`cleaner.render_markdown`); with ``with_metadata=True`` a YAML front matter first.
"""

from __future__ import annotations

import contextlib
import os
from functools import cache
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

if TYPE_CHECKING:
    from pathlib import Path

    from .article import Article

Format = Literal["text", "json", "jsonl", "markdown"]
FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "markdown")

#: The file extension of one output, by format (``-o DIR`` mirroring).
EXTENSIONS: dict[str, str] = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}

#: The header lines of ``--with-metadata``: label and the Article fields tried in turn.
HEADER_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Title", ("title",)),
    ("Date", ("published", "published_raw")),
    ("Author", ("author",)),
    ("Standfirst", ("description",)),
)


def metadata_header(article: Article) -> str:
    """``Title: …`` / ``Date: …`` / ``Author: …`` / ``Standfirst: …`` lines for the known fields."""
    lines = []
    for label, fields in HEADER_FIELDS:
        value = next((v for v in (getattr(article, f) for f in fields) if v), None)
        if value:
            lines.append(f"{label}: {' '.join(value.split())}")
    return "\n".join(lines)


def to_text(article: Article, *, with_metadata: bool = False) -> str:
    """The body as paragraphs separated by blank lines; a trailing newline when non-empty."""
    parts = []
    if with_metadata:
        header = metadata_header(article)
        if header:
            parts.append(header)
    if article.text:
        parts.append(article.text)
    return "\n\n".join(parts) + "\n" if parts else ""


def to_json(article: Article, *, source: str | None = None) -> str:
    """The article record, pretty-printed JSON with a trailing newline."""
    import json

    return json.dumps(article.to_dict(source=source), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(article: Article, *, source: str | None = None) -> str:
    """The article record with its source on one compact line (newline included)."""
    import json

    return json.dumps(article.to_dict(source=source), ensure_ascii=False, separators=(",", ":")) + "\n"


def with_fields(article: Article, fields: dict[str, Any], *, source: str | None = None) -> dict[str, Any]:
    """A container record's own ``fields``, then the article's; the article's replace fields of the same name.

    ``source`` is added only when the record has no ``source`` field of its own.
    """
    record = dict(fields)
    record.update(article.to_dict())
    if source is not None and "source" not in fields:
        record["source"] = source
    return record


def render(
    article: Article,
    fmt: str,
    *,
    source: str | None = None,
    with_metadata: bool = False,
    fields: dict[str, Any] | None = None,
) -> str:
    """The article in ``fmt`` (one of :data:`FORMATS`). JSON carries no source; JSONL does.

    ``fields`` (a JSONL or WARC record's other fields) pass through into JSON and JSONL records.
    """
    if fmt == "text":
        return to_text(article, with_metadata=with_metadata)
    if fields is not None and fmt in ("json", "jsonl"):
        import json

        record = with_fields(article, fields, source=source if fmt == "jsonl" else None)
        if fmt == "json":
            return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "json":
        return to_json(article)
    if fmt == "jsonl":
        return to_jsonl(article, source=source)
    if fmt == "markdown":
        from .render_markdown import to_markdown

        return to_markdown(article, with_metadata=with_metadata)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


@cache
def _file_mode() -> int:
    """The permissions a new file gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: Linux can create a file with no name (O_TMPFILE) and link it in when done: a killed
#: writer then leaves nothing behind. Elsewhere a hidden temporary name is used.
_PROC_FD = "/proc/self/fd"


class AtomicFile:
    """A file written out of sight in the target's directory, moved into place on commit.

    Where the system allows, the file has no name at all until :meth:`commit`
    (``O_TMPFILE``), which links it in under the target's name (or, over an
    existing target, under a temporary name renamed over it), so even a run
    killed with SIGKILL leaves no partial file; otherwise it is written under a
    hidden temporary name. Until :meth:`commit`,
    the target keeps its old content (or does not exist); :meth:`discard`
    removes the temporary file. Parent directories are created. With
    ``durable=True`` the data is flushed to disk before the rename.
    """

    def __init__(self, path: str | os.PathLike[str], *, durable: bool = False) -> None:
        from pathlib import Path  # only a run that writes files needs it (start-up time)

        self.target: Path = Path(path)
        self.durable = durable
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        self.anonymous = False
        fd = -1
        o_tmpfile = getattr(os, "O_TMPFILE", 0)
        if o_tmpfile and os.path.isdir(_PROC_FD):
            try:
                fd = os.open(self.target.parent, o_tmpfile | os.O_WRONLY, _file_mode())
                self.anonymous = True
            except OSError:  # the file system does not support it
                fd = -1
        if fd < 0:
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _file_mode())
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Close the temporary file and move it over the target."""
        try:
            self.handle.flush()
            if self.durable:
                os.fsync(self.handle.fileno())
            if self.anonymous:
                # A directory fd makes os.link use linkat(..., AT_SYMLINK_FOLLOW), which links
                # the file behind /proc/self/fd/N rather than the symlink itself.
                # A new target is linked in directly: no name but the final one ever exists.
                parent = os.open(self.target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
                source = f"{_PROC_FD}/{self.handle.fileno()}"
                try:
                    try:
                        os.link(source, self.target.name, dst_dir_fd=parent, follow_symlinks=True)
                    except FileExistsError:
                        os.link(source, self.tmp.name, dst_dir_fd=parent, follow_symlinks=True)
                    else:
                        self.handle.close()
                        return
                finally:
                    os.close(parent)
            self.handle.close()
            os.replace(self.tmp, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Close and remove the temporary file; the target is untouched."""
        self.handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    A reader (or a killed run) never sees a half-written file: either the old
    content or the new one. The temporary file is removed if anything fails.
    Parent directories are created as needed.
    """
    sink = AtomicFile(path)
    try:
        sink.handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    except BaseException:
        sink.discard()
        raise
    sink.commit()
