"""clean-article: turn raw scraper output into the clean article.

>>> from cleaner import clean
>>> article = clean(open("page.txt").read())          # doctest: +SKIP
>>> article.title, article.published, article.text    # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from .article import Article
from .document import Block, Document, Metadata, Removal
from .errors import CleanerError
from .options import Options
from .pipeline import DEFAULT, Pipeline
from .readers import read
from .stage import REGISTRY, LineFilter, Stage, all_stages, register

__all__ = [
    "DEFAULT",
    "REGISTRY",
    "Article",
    "Block",
    "CleanerError",
    "Document",
    "LineFilter",
    "Metadata",
    "Options",
    "Pipeline",
    "Removal",
    "Stage",
    "all_stages",
    "clean",
    "clean_document",
    "register",
]

__version__ = "0.1.0"


def clean_document(doc: Document, *, pipeline: Pipeline | None = None, **options: Any) -> Document:
    """Run a document through a pipeline (default: the DEFAULT stages)."""
    if pipeline is None:
        pipeline = Pipeline.build(options=Options(**options))
    return pipeline.clean(doc)


def clean(
    raw: str | bytes,
    *,
    stages: list[str] | None = None,
    skip: tuple[str, ...] = (),
    source: str | None = None,
    read_as: str = "auto",
    **options: Any,
) -> Article:
    """Clean one raw dump or HTML page (str, or bytes to be decoded) and return the :class:`Article`.

    ``read_as`` is ``auto`` (an HTML page is recognised by its start), ``html`` or ``text``.
    Keyword options are the fields of :class:`Options` (``mode``, ``drop_phrases``, ...).
    """
    opts = Options(**options)
    doc = read(raw, source=source, max_bytes=opts.max_bytes, read_as=read_as)
    pipeline = Pipeline.build(stages, skip=skip, options=opts)
    return Article.from_document(pipeline.clean(doc))
