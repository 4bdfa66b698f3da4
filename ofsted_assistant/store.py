"""The Chroma index: embedded (`PersistentClient`) by default, a `chroma run` server with CHROMA_HOST set.

The manifest is the commit point. It lives in the collection's own metadata (one atomic write, visible to
every process and to every client of a server) and lists each indexed document's version. Chunks carry
their document version; every read filters on the versions in the manifest. So an ingest writes new
chunks first (invisible), then swaps the manifest, then deletes chunks no manifest refers to. Killed at any
point, readers still see the previous complete index, and the next ingest finishes the job.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import asdict, dataclass, field

import numpy as np

from .errors import IndexMissing, IndexUnavailable
from .records import Chunk
from .settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

MANIFEST_KEY = "manifest"


@dataclass
class DocEntry:
    doc_id: str
    version: str  # content hash of the source file (+ its metadata sidecar)
    chunks: int
    ingested_at: str
    source_path: str = ""
    title: str = ""
    publisher: str = ""
    authority: str = ""
    date: str | None = None


@dataclass
class Manifest:
    docs: dict[str, DocEntry] = field(default_factory=dict)
    updated_at: str = ""
    fingerprint: str = ""

    @property
    def versions(self) -> list[str]:
        return sorted(e.version for e in self.docs.values())

    @property
    def total_chunks(self) -> int:
        return sum(e.chunks for e in self.docs.values())

    def corpus_version(self) -> str:
        """One short id for the whole indexed corpus (changes when any document changes)."""
        import hashlib

        return hashlib.sha256("\n".join(self.versions).encode()).hexdigest()[:12] if self.docs else "empty"

    def to_json(self) -> str:
        return json.dumps(
            {"docs": {k: asdict(v) for k, v in self.docs.items()}, "updated_at": self.updated_at, "fingerprint": self.fingerprint},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, raw: str | None) -> "Manifest":
        if not raw:
            return cls()
        data = json.loads(raw)
        return cls(
            docs={k: DocEntry(**v) for k, v in data.get("docs", {}).items()},
            updated_at=data.get("updated_at", ""),
            fingerprint=data.get("fingerprint", ""),
        )


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def make_client(settings: Settings):
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
    if settings.use_server:
        host, port = settings.index.chroma_host, int(settings.index.chroma_port)
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except Exception as exc:
            raise IndexUnavailable(
                f"the Chroma server at {host}:{port} is not answering ({exc}). Start it with "
                f"`chroma run --host {host} --port {port} --path data/chroma-server`, or unset CHROMA_HOST to use "
                "the embedded index."
            ) from exc
    os.makedirs(settings.index.path, exist_ok=True)
    return chromadb.PersistentClient(path=settings.index.path, settings=chroma_settings)


class IndexStore:
    """One collection of chunks for one (model, chunking) fingerprint."""

    def __init__(self, settings: Settings, create: bool = False, client=None):
        self.settings = settings
        self.name = settings.collection_name()
        self.client = client or make_client(settings)
        try:
            if create:
                self.collection = self.client.get_or_create_collection(
                    self.name,
                    embedding_function=None,  # never Chroma's default (it would download a model)
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={MANIFEST_KEY: Manifest(fingerprint=settings.index_fingerprint()).to_json()},
                )
            else:
                self.collection = self.client.get_collection(self.name, embedding_function=None)
        except IndexUnavailable:
            raise
        except Exception as exc:
            if _is_connection_error(exc):
                raise IndexUnavailable(
                    f"the Chroma server at {settings.index.chroma_host}:{settings.index.chroma_port} stopped answering "
                    f"({exc}); restart it with `chroma run` and try again"
                ) from exc
            if create:
                raise
            raise IndexMissing(
                f"no index yet at {settings.where_is_index()} (collection {self.name}): build it with "
                "`ofsted-assistant ingest` (or `make run`, which ingests the bundled corpus)"
            ) from exc

    # -- manifest ----------------------------------------------------------------------------------
    def read_manifest(self) -> Manifest:
        try:
            fresh = self.client.get_collection(self.name, embedding_function=None)
        except Exception as exc:
            raise IndexUnavailable(f"cannot read the index manifest from {self.settings.where_is_index()}: {exc}") from exc
        return Manifest.from_json((fresh.metadata or {}).get(MANIFEST_KEY))

    def write_manifest(self, manifest: Manifest) -> None:
        manifest.updated_at = now_iso()
        manifest.fingerprint = self.settings.index_fingerprint()
        self.collection.modify(metadata={MANIFEST_KEY: manifest.to_json()})

    # -- chunks ------------------------------------------------------------------------------------
    def add(self, chunks: list[Chunk], embeddings: np.ndarray, batch: int = 512) -> None:
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            self.collection.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=embeddings[i : i + batch],
                documents=[c.text for c in part],
                metadatas=[c.to_metadata() for c in part],
            )

    def existing_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 1000):
            got = self.collection.get(ids=ids[i : i + 1000], include=[])
            found.update(got["ids"])
        return found

    def delete_unreferenced(self, manifest: Manifest) -> int:
        """Garbage-collect chunks that are not active: every chunk but those of the manifest's (doc_id, version)s."""
        keep = set(self.collection.get(where=self.active_where(manifest), include=[])["ids"])
        ids = [i for i in self.collection.get(include=[])["ids"] if i not in keep]
        for i in range(0, len(ids), 1000):
            self.collection.delete(ids=ids[i : i + 1000])
        return len(ids)

    def count_all(self) -> int:
        return self.collection.count()

    def active_where(self, manifest: Manifest, extra: dict | None = None) -> dict:
        clauses = [_active_clause(manifest)]
        if extra:
            clauses.extend(extra["$and"] if "$and" in extra else [extra])
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def load_active(self, manifest: Manifest, with_embeddings: bool = False) -> tuple[list[Chunk], np.ndarray | None]:
        include = ["documents", "metadatas"] + (["embeddings"] if with_embeddings else [])
        got = self.collection.get(where=self.active_where(manifest), include=include)
        chunks = [Chunk.from_metadata(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        order = sorted(range(len(chunks)), key=lambda k: (chunks[k].doc_id, chunks[k].ordinal))
        chunks = [chunks[k] for k in order]
        emb = None
        if with_embeddings:
            emb = np.asarray(got["embeddings"], dtype=np.float32)[order] if chunks else np.zeros((0, 384), np.float32)
        return chunks, emb

    def query(self, embedding: np.ndarray, n: int, where: dict) -> list[tuple[str, float]]:
        n = max(1, min(n, self.collection.count()))
        res = self.collection.query(query_embeddings=embedding.reshape(1, -1), n_results=n, where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0])]


def _active_clause(manifest: Manifest) -> dict:
    """Chunks of each manifest document at its manifest version. A (doc_id, version) pair, not the version alone:
    two documents can share a version (the same file saved twice), and one's old chunks must not pass as the other's."""
    pairs = [
        {"$and": [{"doc_id": {"$eq": e.doc_id}}, {"doc_version": {"$eq": e.version}}]}
        for _, e in sorted(manifest.docs.items())
    ]
    if not pairs:
        return {"doc_version": {"$in": ["-none-"]}}
    return pairs[0] if len(pairs) == 1 else {"$or": pairs}


def _is_connection_error(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(s in text for s in ("connect", "connection refused", "timed out", "unreachable"))
