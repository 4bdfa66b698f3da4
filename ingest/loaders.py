"""Loaders: one file in, raw text + metadata out. Each failure is a `LoadError` with a reason a person can act on.

Supported: `.txt`, `.md` (YAML front-matter), `.html`/`.htm` (main content only, via trafilatura), `.pdf`
(text per page, page numbers kept, via pypdf). Metadata for any file can also come from a sidecar
`<file name>.meta.yaml` (e.g. `handbook.pdf.meta.yaml`), which wins over what the file itself says.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
SIDECAR_SUFFIX = ".meta.yaml"


class LoadError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class RawDocument:
    path: Path
    text: str
    meta: dict  # front-matter / sidecar / file metadata, not yet validated
    content_hash: str
    pages: list[str] = field(default_factory=list)  # PDF: the text of each page, in order
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


def is_candidate(path: Path) -> bool:
    """Files the corpus walk looks at (hidden files and sidecars are not documents)."""
    name = path.name
    return path.is_file() and not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX) and name != "README.md"


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def file_hash(path: Path) -> str:
    """Hash of the file and its sidecar: what decides whether a document must be re-indexed."""
    h = hashlib.sha256(path.read_bytes())
    side = sidecar_path(path)
    if side.exists():
        h.update(b"\x00sidecar\x00" + side.read_bytes())
    return h.hexdigest()


def load(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"unsupported file type {suffix or '(none)'}: use one of {', '.join(SUPPORTED)}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise LoadError("the file is empty")
    content_hash = file_hash(path)
    if suffix == ".pdf":
        doc = _load_pdf(path, raw, content_hash)
    else:
        if _looks_binary(raw):
            raise LoadError(f"binary content in a {suffix} file (not text): convert it or remove it")
        text, encoding = decode_text(raw)
        if suffix in (".html", ".htm"):
            doc = _load_html(path, text, content_hash)
        elif suffix in (".md", ".markdown"):
            doc = _load_markdown(path, text, content_hash)
        else:
            doc = RawDocument(path, text, {}, content_hash)
        doc.encoding = encoding
        if encoding != "utf-8":
            doc.warnings.append(f"decoded as {encoding} (not UTF-8)")
    side = sidecar_path(path)
    if side.exists():
        try:
            extra = yaml.safe_load(decode_text(side.read_bytes())[0]) or {}
        except yaml.YAMLError as exc:
            raise LoadError(f"its metadata file {side.name} is not valid YAML: {exc}") from exc
        if not isinstance(extra, dict):
            raise LoadError(f"its metadata file {side.name} must be a YAML mapping of field: value")
        doc.meta.update(extra)
    if not doc.text.strip():
        raise LoadError("no text in the document after loading")
    return doc


def decode_text(raw: bytes) -> tuple[str, str]:
    """UTF-8 first (with or without BOM); otherwise Windows-1252, the usual encoding of older Office exports."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _load_markdown(path: Path, text: str, content_hash: str) -> RawDocument:
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            raise LoadError(f"its front-matter is not valid YAML: {exc}") from exc
        if not isinstance(meta, dict):
            raise LoadError("its front-matter must be a YAML mapping of field: value")
        text = text[m.end() :]
    return RawDocument(path, text, meta, content_hash)


def _load_html(path: Path, html: str, content_hash: str) -> RawDocument:
    import trafilatura

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise LoadError("no main content found in the HTML page (is it a saved page with its text?)")
    meta: dict = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        if info.title:
            meta["title"] = info.title
        if info.date:
            meta["date"] = info.date
        if info.url:
            meta["url"] = info.url
        if info.sitename:
            meta["publisher"] = info.sitename
    # Lines that are a heading in the page became their own line: separate blocks with blank lines.
    text = re.sub(r"\n(?!\n)", "\n\n", text)
    return RawDocument(path, text, meta, content_hash)


def _load_pdf(path: Path, raw: bytes, content_hash: str) -> RawDocument:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not raw.lstrip().startswith(b"%PDF"):
        raise LoadError("not a PDF file (no %PDF header): it may be another format renamed to .pdf")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            raise LoadError("the PDF is password-protected: save an unprotected copy")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        text = "\n\n".join(pages)
    except LoadError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises a variety of errors on damaged files
        raise LoadError(f"the PDF is damaged or truncated ({type(exc).__name__}: {exc}); re-download or re-save it") from exc
    if not text.strip():
        raise LoadError("the PDF has no extractable text (a scan?): run OCR on it first")
    meta: dict = {}
    try:
        info = reader.metadata
        if info and info.title:
            meta["title"] = str(info.title)
    except Exception:  # metadata is optional
        pass
    return RawDocument(path, text, meta, content_hash, pages=pages)
