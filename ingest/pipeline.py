"""The ingest pipeline: discover -> load -> clean -> chunk -> embed -> write -> commit manifest -> collect garbage.

Incremental and idempotent: a document whose file (and metadata sidecar) is unchanged is not read again;
chunk ids are content hashes; a re-run with nothing changed writes nothing. A document that fails to load
keeps its previously indexed version (nothing is lost) and is reported.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from ofsted_assistant.errors import CorpusMissing, IngestBusy
from ofsted_assistant.records import Chunk, Document, DocumentMeta
from ofsted_assistant.settings import AUTHORITIES, Settings
from ofsted_assistant.store import DocEntry, IndexStore, Manifest, now_iso

from .chunking import chunk_document
from .clean import clean_document
from .loaders import LoadError, file_hash, is_candidate, load


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class IngestReport:
    documents: int = 0  # documents in the index after this run
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    chunks_written: int = 0
    chunks_total: int = 0
    chunks_truncated: int = 0  # chunks longer than the model window (should be 0)
    tokens_embedded: int = 0
    garbage_collected: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 2 if self.skipped else 0


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "document"


def build_meta(raw_meta: dict, path: Path, warnings: list[str]) -> DocumentMeta:
    doc_id = str(raw_meta.get("id") or slugify(path.stem))
    authority = str(raw_meta.get("authority") or "").strip().lower()
    if not authority:
        warnings.append(
            f"{path.name}: no authority given; treated as 'commentary' (add `authority:` to its front-matter or "
            f"{path.name}.meta.yaml: one of {', '.join(AUTHORITIES)})"
        )
        authority = "commentary"
    if authority not in AUTHORITIES:
        raise LoadError(f"authority {authority!r} is not one of {', '.join(AUTHORITIES)}")
    date = raw_meta.get("date")
    if isinstance(date, (_dt.date, _dt.datetime)):
        date = date.isoformat()[:10]
    date = str(date)[:10] if date else None
    if date:
        try:
            _dt.date.fromisoformat(date)
        except ValueError as exc:
            raise LoadError(f"date {date!r} is not an ISO date (YYYY-MM-DD)") from exc
    return DocumentMeta(
        doc_id=doc_id,
        title=str(raw_meta.get("title") or path.stem.replace("_", " ").replace("-", " ")),
        publisher=str(raw_meta.get("publisher") or "unknown publisher"),
        authority=authority,
        date=date,
        url=raw_meta.get("url") or None,
        doc_type=str(raw_meta.get("doc_type") or "document"),
        source_path=path.name,
        date_note=raw_meta.get("date_note") or None,
    )


def prepare_document(path: Path, warnings: list[str]) -> Document:
    """Load, clean and describe one file. Raises LoadError with a reason."""
    raw = load(path)
    warnings.extend(f"{path.name}: {w}" for w in raw.warnings)
    meta = build_meta(raw.meta, path, warnings)
    rules = raw.meta.get("clean") or {}
    if not isinstance(rules, dict):
        raise LoadError("`clean:` in its metadata must be a mapping (drop_from, drop_lines)")
    try:
        cleaned = clean_document(raw.text, rules, raw.pages or None)
    except re.error as exc:
        raise LoadError(f"a `drop_lines` pattern is not a valid regular expression: {exc}") from exc
    if not cleaned.text.strip():
        raise LoadError("nothing is left after removing page furniture (empty document)")
    numbered = bool(raw.meta.get("numbered_paragraphs", False))
    return Document(meta, cleaned.text, raw.content_hash, cleaned.page_starts, cleaned.removed, numbered)


def discover(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.exists():
        raise CorpusMissing(f"corpus folder {corpus_dir} does not exist: create it or set OFSTED_CORPUS_DIR")
    if not corpus_dir.is_dir():
        raise CorpusMissing(f"{corpus_dir} is not a folder: point OFSTED_CORPUS_DIR at the folder of documents")
    return sorted(p for p in corpus_dir.rglob("*") if is_candidate(p) and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts))


def lock_path(settings: Settings) -> Path:
    if settings.use_server:
        base = Path(os.environ.get("OFSTED_LOCK_DIR", "/tmp"))
        return base / f"ofsted-ingest-{settings.index.chroma_host}-{settings.index.chroma_port}-{settings.collection_name()}.lock"
    Path(settings.index.path).mkdir(parents=True, exist_ok=True)
    return Path(settings.index.path) / ".ingest.lock"


class Progress:
    """Callbacks the pipeline reports to; the CLI shows a progress bar with them."""

    def start_embedding(self, total: int) -> None: ...
    def advance(self, n: int) -> None: ...
    def finish(self) -> None: ...


def run_ingest(
    settings: Settings,
    progress: Progress | None = None,
    embedder_factory: Callable[[Settings], object] | None = None,
) -> IngestReport:
    progress = progress or Progress()
    corpus = Path(settings.corpus_dir)
    paths = discover(corpus)  # fails fast, before taking the lock
    lock = FileLock(str(lock_path(settings)))
    try:
        lock.acquire(timeout=settings.index.lock_wait_s)
    except Timeout:
        raise IngestBusy(
            f"another ingest is already running on {settings.where_is_index()} (lock {lock.lock_file}). "
            "Wait for it to finish and run this again; queries keep using the last complete index meanwhile. "
            "Set OFSTED_INGEST_LOCK_WAIT=SECONDS to wait instead."
        ) from None
    try:
        return _ingest_locked(settings, corpus, paths, progress, embedder_factory)
    finally:
        lock.release()


def _ingest_locked(settings, corpus: Path, paths: list[Path], progress: Progress, embedder_factory) -> IngestReport:
    t0 = time.perf_counter()
    report = IngestReport()
    store = IndexStore(settings, create=True)
    old = store.read_manifest()
    by_path = {e.source_path: e for e in old.docs.values()}
    new_docs: dict[str, DocEntry] = {}
    to_index: list[tuple[Document, list[Chunk]]] = []
    token_counter = None
    seen_ids: dict[str, str] = {}

    for path in paths:
        rel = str(path.relative_to(corpus))
        prev = by_path.get(rel)
        try:
            version = file_hash(path)
        except OSError as exc:
            report.skipped.append(Skipped(rel, f"cannot read the file: {exc.strerror or exc}"))
            if prev:
                new_docs[prev.doc_id] = prev
            continue
        if prev and prev.version == version and prev.doc_id not in new_docs:
            new_docs[prev.doc_id] = prev
            seen_ids[prev.doc_id] = rel
            report.unchanged.append(prev.doc_id)
            continue
        try:
            doc = prepare_document(path, report.warnings)
            doc.meta = _with_source(doc.meta, rel)
            if doc.meta.doc_id in seen_ids:
                raise LoadError(f"document id {doc.meta.doc_id!r} is already used by {seen_ids[doc.meta.doc_id]}: give it its own `id:`")
            if token_counter is None:
                from ofsted_assistant.embedding import TokenCounter

                token_counter = TokenCounter(settings)
            chunks = chunk_document(doc, token_counter, settings.chunking.max_tokens, settings.chunking.min_tokens)
            if not chunks:
                raise LoadError("no text to index after cleaning")
        except LoadError as exc:
            report.skipped.append(Skipped(rel, exc.reason))
            if prev:  # keep the last good version: a broken edit loses nothing
                new_docs[prev.doc_id] = prev
                seen_ids[prev.doc_id] = rel
                report.warnings.append(f"{rel}: kept the previously indexed version")
            continue
        seen_ids[doc.meta.doc_id] = rel
        (report.updated if doc.meta.doc_id in old.docs else report.added).append(doc.meta.doc_id)
        to_index.append((doc, chunks))
        new_docs[doc.meta.doc_id] = DocEntry(
            doc_id=doc.meta.doc_id,
            version=doc.content_hash,
            chunks=len(chunks),
            ingested_at=now_iso(),
            source_path=rel,
            title=doc.meta.title,
            publisher=doc.meta.publisher,
            authority=doc.meta.authority,
            date=doc.meta.date,
        )
    report.timings["load_chunk_s"] = time.perf_counter() - t0

    all_new = [c for _, chunks in to_index for c in chunks]
    if all_new:
        present = store.existing_ids([c.chunk_id for c in all_new])  # a killed run's work is reused
        pending = [c for c in all_new if c.chunk_id not in present]
        # Similar lengths together: each encode batch pads to its longest text, so unsorted slices waste
        # about half the model's work on padding (measured by bench/ingest_bench.py: 1.51x padded tokens).
        pending.sort(key=lambda c: c.n_tokens)
        window = settings.embedding.max_seq_length
        report.chunks_truncated = sum(1 for c in all_new if c.n_tokens > window)
        if pending:
            t1 = time.perf_counter()
            factory = embedder_factory
            if factory is None:
                from ofsted_assistant.embedding import SentenceTransformerEmbedder as factory  # noqa: N813
            embedder = factory(settings)
            report.timings["model_load_s"] = time.perf_counter() - t1
            progress.start_embedding(len(pending))
            t2 = time.perf_counter()
            batch = max(1, settings.embedding.batch_size) * 4
            for i in range(0, len(pending), batch):
                part = pending[i : i + batch]
                vectors = embedder.encode([c.embed_text() for c in part], batch_size=settings.embedding.batch_size)
                store.add(part, vectors)
                report.chunks_written += len(part)
                report.tokens_embedded += sum(c.n_tokens for c in part)
                progress.advance(len(part))
                _test_crash_hook(report.chunks_written)
            progress.finish()
            report.timings["embed_write_s"] = time.perf_counter() - t2

    if all_new:
        _prepare_query_model(settings, report)
    new_manifest = Manifest(docs=new_docs)
    report.removed = sorted(set(old.docs) - set(new_docs))
    if new_manifest.to_json() != Manifest(docs=old.docs).to_json() or old.fingerprint != settings.index_fingerprint():
        store.write_manifest(new_manifest)
    else:
        new_manifest = old
    report.garbage_collected = store.delete_unreferenced(new_manifest)
    report.documents = len(new_manifest.docs)
    report.chunks_total = new_manifest.total_chunks
    report.seconds = time.perf_counter() - t0
    return report


def _prepare_query_model(settings: Settings, report: IngestReport) -> None:
    """Export the ONNX copy of the model the query path uses, while torch is loaded anyway."""
    import warnings

    from ofsted_assistant.embedding import export_onnx

    t = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            export_onnx(settings)
    except Exception as exc:  # the query path can still use sentence-transformers
        report.warnings.append(f"could not export the query model to ONNX ({exc}); queries will load sentence-transformers")
    report.timings["onnx_export_s"] = time.perf_counter() - t


def _with_source(meta: DocumentMeta, rel: str) -> DocumentMeta:
    from dataclasses import replace

    return replace(meta, source_path=rel)


def _test_crash_hook(written: int) -> None:
    """Tests simulate `kill -9` part-way through an ingest: OFSTED_TEST_KILL_AFTER_CHUNKS=N."""
    limit = os.environ.get("OFSTED_TEST_KILL_AFTER_CHUNKS")
    if limit and written >= int(limit):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def status(settings: Settings) -> Manifest:
    return IndexStore(settings).read_manifest()
