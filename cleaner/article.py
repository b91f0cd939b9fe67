"""The result of cleaning: the article text, its metadata, and the record of removals."""

from __future__ import annotations

from typing import Any

from .document import Document, Frozen, Removal

#: The fields of an Article, in order.
FIELDS = (
    "text", "title", "description", "published", "published_raw", "author", "url", "language", "site",
    "modified", "document",
)


class Article(Frozen):
    """What :func:`cleaner.clean` returns: immutable, compared and hashed by its fields.

    (Written out rather than a frozen dataclass, whose generated methods cost every
    process ~6 M instructions of start-up.)
    """

    __slots__ = FIELDS
    __match_args__ = FIELDS

    text: str
    title: str | None
    description: str | None
    published: str | None
    published_raw: str | None
    author: str | None
    url: str | None
    language: str | None
    site: str | None
    modified: str | None
    document: Document

    def __init__(
        self,
        text: str,
        title: str | None,
        description: str | None,
        published: str | None,
        published_raw: str | None,
        author: str | None,
        url: str | None,
        language: str | None,
        site: str | None,
        modified: str | None,
        document: Document,
    ) -> None:
        values = (text, title, description, published, published_raw, author, url, language, site,
                  modified, document)
        for name, value in zip(FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    @classmethod
    def from_document(cls, doc: Document) -> Article:
        m = doc.metadata
        return cls(
            text=doc.text,
            title=m.title,
            description=m.description,
            published=m.published,
            published_raw=m.published_raw,
            author=m.author,
            url=m.url,
            language=m.language,
            site=m.site,
            modified=m.modified,
            document=doc,
        )

    @property
    def removals(self) -> list[tuple[int, str, Removal]]:
        """(line, text, removal) for every block that left the body."""
        return [(b.origin, b.text, b.removal) for b in self.document.blocks if b.removal is not None]

    def to_dict(self, *, source: str | None = None) -> dict[str, Any]:
        """The JSON record: metadata fields (None when unknown), then the text."""
        record: dict[str, Any] = {}
        if source is not None:
            record["source"] = source
        record.update(
            title=self.title,
            description=self.description,
            published=self.published,
            published_raw=self.published_raw,
            author=self.author,
        )
        for key in ("url", "language", "site", "modified"):
            value = getattr(self, key)
            if value is not None:
                record[key] = value
        record["text"] = self.text
        return record
