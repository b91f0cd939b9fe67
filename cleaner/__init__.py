"""clean-article: turn raw scraper output into the clean article.

>>> from cleaner import clean
>>> article = clean(open("page.txt").read())          # doctest: +SKIP
>>> article.title, article.published, article.text    # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article
    from .document import Block, Document, Metadata, Removal
    from .errors import CleanerError
    from .options import Options
    from .pipeline import DEFAULT, Pipeline
    from .readers import read as read  # (not in __all__, but importable from here as before)
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

#: The module of each name above, imported when the name is first asked for: ``import
#: cleaner.cli`` then loads what the command needs under its own terms (start-up time).
_EXPORTS = {
    "DEFAULT": "pipeline",
    "REGISTRY": "stage",
    "Article": "article",
    "Block": "document",
    "CleanerError": "errors",
    "Document": "document",
    "LineFilter": "stage",
    "Metadata": "document",
    "Options": "options",
    "Pipeline": "pipeline",
    "Removal": "document",
    "Stage": "stage",
    "all_stages": "stage",
    "register": "stage",
    "read": "readers",
}


def __getattr__(name: str) -> Any:
    """A public name, imported now; or a submodule (``cleaner.readers``), as an eager import gave."""
    from importlib import import_module

    module = _EXPORTS.get(name)
    if module is None:
        if name.startswith("_"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return import_module(f"{__name__}.{name}")  # the import binds it here as well
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def clean_document(doc: Document, *, pipeline: Pipeline | None = None, **options: Any) -> Document:
    """Run a document through a pipeline (default: the DEFAULT stages)."""
    from .options import Options
    from .pipeline import Pipeline

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
    from .article import Article
    from .options import Options
    from .pipeline import Pipeline
    from .readers import read as read  # (not in __all__, but importable from here as before)

    opts = Options(**options)
    doc = read(raw, source=source, max_bytes=opts.max_bytes, read_as=read_as)
    pipeline = Pipeline.build(stages, skip=skip, options=opts)
    return Article.from_document(pipeline.clean(doc))
