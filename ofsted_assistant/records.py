"""Typed records that carry a passage's source from loading to citation."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import asdict, dataclass, field

from .settings import AUTHORITIES, AUTHORITY_LABELS


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str
    publisher: str
    authority: str  # one of AUTHORITIES
    date: str | None = None  # ISO date, or None when the source is undated
    url: str | None = None
    doc_type: str = "document"
    source_path: str = ""
    date_note: str | None = None  # e.g. "undated (refers to inspections during 2024-25)"

    def __post_init__(self) -> None:
        if self.authority not in AUTHORITIES:
            raise ValueError(f"authority must be one of {', '.join(AUTHORITIES)}, not {self.authority!r}")
        if self.date is not None:
            _dt.date.fromisoformat(self.date)  # raises ValueError on a malformed date

    @property
    def authority_label(self) -> str:
        return AUTHORITY_LABELS[self.authority]

    @property
    def date_int(self) -> int:
        """YYYYMMDD as an int for range filters; 0 when undated."""
        return int(self.date.replace("-", "")) if self.date else 0


@dataclass
class Document:
    """A loaded, cleaned document. `text` is what chunks' offsets point into."""

    meta: DocumentMeta
    text: str
    content_hash: str  # hash of the raw bytes (and metadata) the document came from
    #: (offset in text, page number) for each PDF page start; empty for non-paginated sources.
    pages: list[tuple[int, int]] = field(default_factory=list)
    #: What cleaning removed, for the ingest report (e.g. "teasers: 6 paragraphs").
    removed: list[str] = field(default_factory=list)
    #: Whether numbered paragraphs in this document are the source's own paragraph numbers (a handbook).
    numbered_paragraphs: bool = False


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    doc_version: str
    ordinal: int
    text: str  # exactly document.text[start:end]
    start: int
    end: int
    heading_path: tuple[str, ...]
    locator: str | None  # "paragraph 118", "paragraphs 89, 100 and 101", "page 12"
    page: int | None
    meta: DocumentMeta
    n_tokens: int = 0

    @staticmethod
    def make_id(doc_id: str, doc_version: str, ordinal: int, text: str) -> str:
        raw = f"{doc_id}\x00{doc_version}\x00{ordinal}\x00{text}".encode()
        return hashlib.sha256(raw).hexdigest()[:32]

    def embed_text(self) -> str:
        """What is embedded: title and heading path give a short passage its context."""
        context = " > ".join((self.meta.title, *self.heading_path))
        return f"{context}\n{self.text}"

    # Chroma stores flat scalar metadata only.
    def to_metadata(self) -> dict:
        m = self.meta
        return {
            "doc_id": self.doc_id,
            "doc_version": self.doc_version,
            "ordinal": self.ordinal,
            "start": self.start,
            "end": self.end,
            "heading_path": json.dumps(list(self.heading_path)),
            "locator": self.locator or "",
            "page": self.page or 0,
            "n_tokens": self.n_tokens,
            "title": m.title,
            "publisher": m.publisher,
            "authority": m.authority,
            "date": m.date or "",
            "date_int": m.date_int,
            "date_note": m.date_note or "",
            "url": m.url or "",
            "doc_type": m.doc_type,
            "source_path": m.source_path,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, md: dict) -> "Chunk":
        meta = DocumentMeta(
            doc_id=md["doc_id"],
            title=md["title"],
            publisher=md["publisher"],
            authority=md["authority"],
            date=md.get("date") or None,
            url=md.get("url") or None,
            doc_type=md.get("doc_type", "document"),
            source_path=md.get("source_path", ""),
            date_note=md.get("date_note") or None,
        )
        return cls(
            chunk_id=chunk_id,
            doc_id=md["doc_id"],
            doc_version=md["doc_version"],
            ordinal=int(md["ordinal"]),
            text=text,
            start=int(md["start"]),
            end=int(md["end"]),
            heading_path=tuple(json.loads(md.get("heading_path") or "[]")),
            locator=md.get("locator") or None,
            page=int(md.get("page") or 0) or None,
            meta=meta,
            n_tokens=int(md.get("n_tokens") or 0),
        )


def meta_to_dict(meta: DocumentMeta) -> dict:
    return asdict(meta)
