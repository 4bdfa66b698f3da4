"""Ingest benchmark: this pipeline vs the plain LangChain tutorial pipeline vs raw SentenceTransformer.encode.

One run measures, on (a) the shipped corpus/ and (b) a synthetic corpus of >= 10,000 of our chunks generated
deterministically from the shipped documents' paragraphs:

- ours:      `ingest.run_ingest` into a fresh temporary index (model loaded once, passed via embedder_factory);
- langchain: the tutorial pipeline, RecursiveCharacterTextSplitter(1000, 200) over the same files' text +
             `langchain_chroma.Chroma.from_documents` with `HuggingFaceEmbeddings` (packaged model) into a temp
             persist dir;
- ceiling:   `SentenceTransformer.encode` on exactly the texts our pipeline embeds (`chunk.embed_text()`), same
             batch size, nothing else (no loading, chunking or writing).

All three share one loaded SentenceTransformer; everything is warmed up before timing and the order is rotated.
Then the no-change re-ingest of the shipped corpus (in-process x5, profiled once, and the CLI as a subprocess).

Usage: python bench/ingest_bench.py [--target-chunks 10500] [--repeats 3] [--skip-synthetic] [--keep-tmp]
Writes docs/bench/ingest-<UTC timestamp>.json. No assertions: it records what it measures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, log, loadavg, machine, median, r, timed, write_result  # noqa: E402
from langchain_core.embeddings import Embeddings  # noqa: E402

SEED = 20240119  # fixed: the synthetic corpus is the same on every run
SYN_PUBLISHERS = [
    ("Ofsted", "official"), ("National Education Union", "union"), ("Schools Week", "news"),
    ("TT Education", "commentary"), ("Confederation of School Trusts", "commentary"), ("NAHT", "union"),
]
SYNONYMS = {
    "school": "academy", "schools": "academies", "inspectors": "inspection teams", "inspector": "lead inspector",
    "leaders": "headteachers", "staff": "colleagues", "pupils": "children", "said": "stated", "parents": "families",
    "inspection": "visit", "inspections": "visits", "report": "summary", "new": "revised", "will": "would",
    "meeting": "session", "meetings": "sessions", "teachers": "classroom staff", "guidance": "advice",
}
HEADING_SUFFIXES = ["", "", "", "in practice", "for leaders", "what changes", "next steps", "key points", "2025 update", "explained"]


# -- synthetic corpus ----------------------------------------------------------------------------------------
def paragraph_pool(corpus_dir: Path):
    """Headings and paragraph/list blocks of the shipped documents (cleaned text, as ingest sees it)."""
    from ingest.chunking import split_blocks
    from ingest.pipeline import discover, prepare_document

    headings, paras = [], []
    for path in discover(corpus_dir):
        doc = prepare_document(path, [])
        for b in split_blocks(doc.text):
            body = doc.text[b.start : b.end].strip()
            if b.kind == "heading":
                title = b.title.strip()
                if title and title.lower() != doc.meta.title.lower() and len(title.split()) <= 10:
                    headings.append(title)
            elif len(body.split()) >= 8:
                paras.append(body)
    return headings, paras


def _vary_paragraph(rng: random.Random, text: str, paras: list[str]) -> str:
    from ofsted_assistant.text import split_sentences

    if "\n" not in text:  # prose: shuffle sentences, sometimes borrow one or two from another paragraph
        sents = [text[s:e] for s, e in split_sentences(text)]
        if len(sents) > 1 and rng.random() < 0.5:
            rng.shuffle(sents)
        if rng.random() < 0.35:
            other = rng.choice(paras)
            if "\n" not in other:
                extra = [other[s:e] for s, e in split_sentences(other)]
                sents.extend(extra[: rng.randint(1, 2)])
        text = " ".join(sents)

    def sub(m: re.Match) -> str:
        w = m.group(0)
        return SYNONYMS[w] if rng.random() < 0.3 else w

    text = re.sub(r"\b(" + "|".join(map(re.escape, SYNONYMS)) + r")\b", sub, text)
    text = re.sub(r"\b\d{1,3}\b", lambda m: str(rng.randint(1, 199)) if rng.random() < 0.3 else m.group(0), text)
    return text


def synthetic_document(rng: random.Random, i: int, headings: list[str], paras: list[str]) -> str:
    import yaml

    publisher, authority = rng.choice(SYN_PUBLISHERS)
    topic = rng.choice(headings)
    meta = {
        "id": f"synthetic-{i:05d}",
        "title": f"Inspection briefing {i:05d}: {topic}",
        "publisher": publisher,
        "authority": authority,
        "date": f"{rng.randint(2021, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "doc_type": "synthetic benchmark document",
    }
    lines = ["---", yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).strip(), "---", meta["title"], ""]
    for _ in range(rng.randint(5, 12)):
        h = rng.choice(headings).rstrip(".:;,)")
        suffix = rng.choice(HEADING_SUFFIXES)
        if suffix and len(h.split()) <= 9 and not h.endswith("?"):
            h = f"{h} {suffix}"
        if rng.random() < 0.5:
            h = "## " + h
        lines += [h, ""]
        for _ in range(rng.randint(1, 4)):
            lines += [_vary_paragraph(rng, rng.choice(paras), paras), ""]
    return "\n".join(lines)


def build_synthetic_corpus(shipped: Path, out_dir: Path, target_chunks: int, settings) -> tuple[list, dict]:
    """Write synthetic .md files until our chunker has produced >= target_chunks. Returns (chunks, info)."""
    from ingest.chunking import chunk_document
    from ingest.pipeline import prepare_document
    from ofsted_assistant.embedding import TokenCounter

    rng = random.Random(SEED)
    headings, paras = paragraph_pool(shipped)
    counter = TokenCounter(settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    chunks, i, nbytes = [], 0, 0
    t0 = time.perf_counter()
    while len(chunks) < target_chunks:
        path = out_dir / f"synthetic-{i:05d}.md"
        text = synthetic_document(rng, i, headings, paras)
        path.write_text(text, encoding="utf-8")
        nbytes += len(text.encode())
        doc = prepare_document(path, [])
        chunks.extend(chunk_document(doc, counter, settings.chunking.max_tokens, settings.chunking.min_tokens))
        i += 1
    info = {
        "seed": SEED, "files": i, "bytes": nbytes, "chunks_by_our_chunker": len(chunks), "target_chunks": target_chunks,
        "source_headings": len(headings), "source_paragraphs": len(paras), "generate_and_count_s": r(time.perf_counter() - t0, 2),
        "how": "paragraphs and headings of the shipped documents, shuffled with random.Random(seed): sentences "
               "shuffled, sentences borrowed between paragraphs, synonym swaps and number changes; 5-12 sections "
               "of 1-4 paragraphs per file, half of the headings markdown '##'; YAML front-matter per file",
    }
    return chunks, info


def our_chunks(corpus_dir: Path, settings) -> list:
    """The chunks run_ingest embeds for a corpus, computed with the pipeline's own functions."""
    from ingest.chunking import chunk_document
    from ingest.pipeline import _with_source, discover, prepare_document
    from ofsted_assistant.embedding import TokenCounter

    counter = TokenCounter(settings)
    out = []
    for path in discover(corpus_dir):
        doc = prepare_document(path, [])
        doc.meta = _with_source(doc.meta, str(path.relative_to(corpus_dir)))
        out.extend(chunk_document(doc, counter, settings.chunking.max_tokens, settings.chunking.min_tokens))
    return out


OBSERVED_CALLS: dict[str, list[list[str]]] = {}  # corpus -> texts of each embedder.encode call of the last run


# -- the three contenders ----------------------------------------------------------------------------------
class TimedEmbedder:
    """Our SentenceTransformerEmbedder, with the time spent in encode() counted (to split embed from write)."""

    def __init__(self, inner):
        self.inner = inner
        self.dim = inner.dim
        self.encode_s = 0.0
        self.calls: list[list[str]] = []  # the texts of each call, in the order the pipeline hands them over

    def encode(self, texts, batch_size=64, progress=None):
        self.calls.append(list(texts))
        t = time.perf_counter()
        try:
            return self.inner.encode(texts, batch_size=batch_size, progress=progress)
        finally:
            self.encode_s += time.perf_counter() - t


def run_ours(corpus_dir: Path, index_dir: Path, base_settings, embedder) -> dict:
    from ingest.pipeline import run_ingest

    settings = base_settings.replace(**{"index.path": str(index_dir), "corpus_dir": str(corpus_dir)})
    te = TimedEmbedder(embedder)
    with timed() as p:
        rep = run_ingest(settings, embedder_factory=lambda _s: te)
    OBSERVED_CALLS[str(corpus_dir)] = te.calls
    model_load = rep.timings.get("model_load_s", 0.0)
    work = p.wall - model_load
    embed_write = rep.timings.get("embed_write_s", 0.0)
    return {
        "phase": p.to_json(),
        "chunks": rep.chunks_written,
        "chunks_total": rep.chunks_total,
        "chunks_truncated": rep.chunks_truncated,
        "tokens": rep.tokens_embedded,
        "documents": rep.documents,
        "skipped": [s.path for s in rep.skipped],
        "report_seconds": r(rep.seconds, 4),
        "timings": {k: r(v, 4) for k, v in rep.timings.items()},
        "breakdown_s": {
            "load_clean_chunk": r(rep.timings.get("load_chunk_s"), 4),
            "encode": r(te.encode_s, 4),
            "chroma_write": r(embed_write - te.encode_s, 4),
            "onnx_export_check": r(rep.timings.get("onnx_export_s"), 4),
            "other (lock, discover, existing ids, manifest, gc)": r(work - rep.timings.get("load_chunk_s", 0.0) - embed_write - rep.timings.get("onnx_export_s", 0.0), 4),
        },
        "seconds_excl_model_load": r(work, 4),
        "chunks_per_s": r(rep.chunks_written / work, 2) if work > 0 else None,
        "tokens_per_s": r(rep.tokens_embedded / work, 1) if work > 0 else None,
    }


class TimedLCEmbeddings(Embeddings):
    """Delegates to a HuggingFaceEmbeddings, counting the time spent embedding (LangChain Embeddings interface)."""

    def __init__(self, inner):
        self.inner = inner
        self.embed_s = 0.0

    def embed_documents(self, texts):
        t = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.embed_s += time.perf_counter() - t

    def embed_query(self, text):
        return self.inner.embed_query(text)


def run_langchain(corpus_dir: Path, persist_dir: Path, lc_embeddings, counter, window: int) -> dict:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from ofsted_assistant.baseline import CHUNK_OVERLAP, CHUNK_SIZE, load_corpus_texts

    emb = TimedLCEmbeddings(lc_embeddings)
    with timed() as p:
        t0 = time.perf_counter()
        files = load_corpus_texts(corpus_dir)
        docs = [Document(page_content=f.text, metadata={"source": str(f.path)}) for f in files]
        chunks = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP).split_documents(docs)
        t_split = time.perf_counter() - t0
        store = Chroma.from_documents(chunks, emb, collection_name="langchain-tutorial", persist_directory=str(persist_dir))
    n = store._collection.count()
    del store
    # Tokens the model saw (HuggingFaceEmbeddings replaces newlines by spaces; the model truncates at its window).
    lengths = [counter(c.page_content.replace("\n", " ")) for c in chunks]
    tokens = sum(min(x, window) for x in lengths)
    return {
        "phase": p.to_json(),
        "chunks": len(chunks),
        "stored": n,
        "tokens": tokens,
        "tokens_before_truncation": sum(lengths),
        "chunks_truncated": sum(1 for x in lengths if x > window),
        "token_lengths": lengths,
        "breakdown_s": {"read_split": r(t_split, 4), "encode": r(emb.embed_s, 4), "chroma_write": r(p.wall - t_split - emb.embed_s, 4)},
        "seconds_excl_model_load": r(p.wall, 4),
        "chunks_per_s": r(len(chunks) / p.wall, 2),
        "tokens_per_s": r(tokens / p.wall, 1),
        "encode_batch_size": (lc_embeddings.encode_kwargs or {}).get("batch_size", 32),
    }


def run_ceiling(model, texts: list[str], tokens: int, batch_size: int) -> tuple[dict, object]:
    with timed() as p:
        vecs = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return {
        "phase": p.to_json(),
        "chunks": len(texts),
        "tokens": tokens,
        "batch_size": batch_size,
        "seconds": r(p.wall, 4),
        "chunks_per_s": r(len(texts) / p.wall, 2),
        "tokens_per_s": r(tokens / p.wall, 1),
    }, vecs


def check_vectors(index_dir: Path, base_settings, corpus_dir: Path, chunks, vecs, sample: int = 200) -> dict:
    """Our stored vectors vs the ceiling's for the same chunk ids: the ceiling measured the same work."""
    import numpy as np

    from ofsted_assistant.store import IndexStore

    settings = base_settings.replace(**{"index.path": str(index_dir), "corpus_dir": str(corpus_dir)})
    store = IndexStore(settings)
    all_ids = set(store.collection.get(include=[])["ids"])
    ids = [c.chunk_id for c in chunks]
    step = max(1, len(ids) // sample)
    pick = list(range(0, len(ids), step))[:sample]
    got = store.collection.get(ids=[ids[i] for i in pick], include=["embeddings"])
    stored = {i: np.asarray(e, dtype=np.float32) for i, e in zip(got["ids"], got["embeddings"])}
    cos = [float(stored[ids[i]] @ vecs[i]) for i in pick if ids[i] in stored]
    return {"same_chunk_ids_as_index": set(ids) == all_ids, "compared": len(cos), "min_cosine": r(min(cos), 6) if cos else None}


def padding(lengths: list[int], batch: int, window: int, group: int | None, sort: bool) -> int:
    """Tokens the model computes (each batch padded to its longest text): texts in `group`s, sorted by length
    within a group when `sort` (SentenceTransformer.encode sorts the texts of one call by length)."""
    L = [min(n, window) for n in lengths]
    group = group or len(L) or 1
    total = 0
    for g in range(0, len(L), group):
        part = sorted(L[g : g + group], reverse=True) if sort else L[g : g + group]
        total += sum(max(part[i : i + batch]) * len(part[i : i + batch]) for i in range(0, len(part), batch))
    return total


def padding_analysis(chunks, batch: int, window: int, calls: list[list[str]], lc_lengths: list[int] | None = None) -> dict:
    """Padded tokens the model computes: ours in the order the pipeline actually handed the texts to
    SentenceTransformerEmbedder.encode (which calls SentenceTransformer.encode once per `batch` texts), the
    ceiling (one call, sorted by length), and ours in document order (the pipeline before it sorted by length)."""
    n_tok = {c.embed_text(): c.n_tokens for c in chunks}
    lengths = [c.n_tokens for c in chunks]
    real = sum(min(n, window) for n in lengths)
    observed = sum(padding([n_tok[t] for t in call], batch, window, group=batch, sort=False) for call in calls)
    doc_order = padding(lengths, batch, window, group=batch, sort=False)
    ceiling = padding(lengths, batch, window, group=None, sort=True)
    out = {
        "real_tokens": real,
        "ours_padded_tokens (observed order)": observed,
        "ceiling_padded_tokens": ceiling,
        "ours_over_ceiling_padded": r(observed / ceiling, 3),
        "document_order_padded_tokens (pipeline without the length sort)": doc_order,
        "document_order_over_ceiling_padded": r(doc_order / ceiling, 3),
        "encode_calls_observed": len(calls),
        "note": "token-length sorting approximates SentenceTransformer's character-length sorting",
    }
    if lc_lengths:
        out["langchain_padded_tokens (batch 32, one call)"] = padding(lc_lengths, 32, window, group=None, sort=True)
    return out


def summarise(ours: dict, lc: dict, ceiling_s: float, ours_model_load: float, lc_model_load: float) -> dict:
    o = ours["seconds_excl_model_load"]
    return {
        "ours_seconds": o,
        "langchain_seconds": lc["seconds_excl_model_load"],
        "ceiling_seconds": r(ceiling_s, 4),
        "ours_over_ceiling": r(o / ceiling_s, 3),
        "langchain_over_ceiling": r(lc["seconds_excl_model_load"] / ceiling_s, 3),
        "ours_over_langchain": r(o / lc["seconds_excl_model_load"], 3),
        "goal_ours_within_1_2x_ceiling": (o / ceiling_s) <= 1.2,
        "ours_end_to_end_s (incl. torch/sentence-transformers import + model load)": r(o + ours_model_load, 3),
        "langchain_end_to_end_s (incl. torch/sentence-transformers import + model load)": r(lc["seconds_excl_model_load"] + lc_model_load, 3),
    }


# -- re-ingest -----------------------------------------------------------------------------------------------
def reingest(corpus_dir: Path, index_dir: Path, base_settings, runs: int) -> dict:
    from ingest.pipeline import run_ingest

    settings = base_settings.replace(**{"index.path": str(index_dir), "corpus_dir": str(corpus_dir)})
    rows = []
    for _ in range(runs):
        with timed() as p:
            rep = run_ingest(settings)  # the default embedder factory: nothing to embed, so no model is loaded
        rows.append({"wall_s": r(p.wall, 4), "cpu_s": r(p.cpu, 3), "chunks_written": rep.chunks_written, "unchanged": len(rep.unchanged),
                     "timings": {k: r(v, 4) for k, v in rep.timings.items()}, "loadavg_after": p.load_after})
    walls = [x["wall_s"] for x in rows]
    return {"runs": rows, "median_s": r(median(walls), 4), "max_s": r(max(walls), 4), "goal_under_1s": median(walls) < 1.0}


def profile_reingest(corpus_dir: Path, index_dir: Path, base_settings, top: int = 12) -> list[dict]:
    from ingest.pipeline import run_ingest

    settings = base_settings.replace(**{"index.path": str(index_dir), "corpus_dir": str(corpus_dir)})
    prof = cProfile.Profile()
    prof.enable()
    run_ingest(settings)
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    stats.sort_stats("cumulative")
    rows = []
    for func in stats.fcn_list[: top + 8]:
        cc, nc, tt, ct, _callers = stats.stats[func]
        name = f"{Path(func[0]).name}:{func[1]}({func[2]})"
        if "cProfile" in name or name.startswith("~:0(<method 'disable'"):
            continue
        rows.append({"function": name, "ncalls": nc, "tottime_s": r(tt, 4), "cumtime_s": r(ct, 4)})
    return rows[:top]


def cli_reingest(corpus_dir: Path, index_dir: Path, runs: int) -> dict:
    exe = Path(sys.executable).parent / "ofsted-assistant"
    cmd = [str(exe), "ingest", "--quiet"] if exe.exists() else [sys.executable, "-m", "ofsted_assistant.cli", "ingest", "--quiet"]
    env = dict(os.environ, OFSTED_INDEX_PATH=str(index_dir), OFSTED_CORPUS_DIR=str(corpus_dir))
    rows = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        rows.append({"wall_s": r(time.perf_counter() - t0, 3), "exit_code": proc.returncode, "loadavg_after": loadavg(),
                     "stderr_tail": proc.stderr[-300:] if proc.returncode not in (0, 2) else ""})
    # Where a CLI start goes: interpreter alone, then the CLI's imports plus the chromadb client it opens.
    def py(code: str) -> float:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True)
        return time.perf_counter() - t0

    startup = [py("pass") for _ in range(3)]
    imports = [py("import ofsted_assistant.cli, ingest, ingest.pipeline, chromadb") for _ in range(3)]
    walls = [x["wall_s"] for x in rows]
    return {
        "command": " ".join(cmd[-3:] if exe.exists() else cmd[-4:]),
        "runs": rows,
        "median_s": r(median(walls), 3),
        "max_s": r(max(walls), 3),
        "python_startup_median_s": r(median(startup), 3),
        "python_plus_cli_and_chromadb_imports_median_s": r(median(imports), 3),
    }


# -- main ----------------------------------------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target-chunks", type=int, default=10500, help="our chunks in the synthetic corpus (>= this)")
    ap.add_argument("--repeats", type=int, default=3, help="timed runs of each contender on the shipped corpus")
    ap.add_argument("--reingest-runs", type=int, default=5)
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--keep-tmp", action="store_true")
    args = ap.parse_args()

    from ofsted_assistant.settings import Settings

    result: dict = {"benchmark": "ingest", "started_loadavg": loadavg(), "machine": machine(), "args": vars(args)}
    t_all = time.perf_counter()
    settings = Settings()
    shipped = Path(settings.corpus_dir)
    tmp = Path(tempfile.mkdtemp(prefix="ofsted-ingest-bench-"))
    log(f"temporary folder {tmp}")
    try:
        # -- load the model once ------------------------------------------------------------------------
        with timed() as p_imp:
            import sentence_transformers  # noqa: F401
            import torch
        from ofsted_assistant.embedding import SentenceTransformerEmbedder, TokenCounter, model_dir

        with timed() as p_load:
            ours_embedder = SentenceTransformerEmbedder(settings)
        from langchain_huggingface import HuggingFaceEmbeddings

        with timed() as p_lc_load:
            lc = HuggingFaceEmbeddings(model_name=str(model_dir(settings)), model_kwargs={"device": "cpu"})
        lc._client = ours_embedder.model  # one model object for all three (same weights, same 256-token window)
        model = ours_embedder.model
        counter = TokenCounter(settings)
        window = settings.embedding.max_seq_length
        batch = settings.embedding.batch_size
        result["model"] = {
            "path": str(model_dir(settings)),
            "import_torch_sentence_transformers_s": r(p_imp.wall, 3),
            "ours_model_load_s": r(p_load.wall, 3),
            "langchain_model_load_s": r(p_lc_load.wall, 3),
            "torch_threads": torch.get_num_threads(),
            "max_seq_length": model.max_seq_length,
            "batch_size": batch,
            "note": "the three contenders share this one loaded model; load times are excluded from throughput",
        }
        ours_load = p_imp.wall + p_load.wall
        lc_load = p_imp.wall + p_lc_load.wall  # HuggingFaceEmbeddings imports sentence-transformers (and torch) too

        # -- warm-up: every code path once, untimed (torch kernels, chromadb import and its Rust bindings) --
        log("warm-up")
        shipped_chunks = our_chunks(shipped, settings)
        run_ours(shipped, tmp / "warm-ours", settings, ours_embedder)
        run_langchain(shipped, tmp / "warm-lc", lc, counter, window)
        model.encode([c.embed_text() for c in shipped_chunks] * 4, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)

        # -- (a) shipped corpus, repeated, order rotated ---------------------------------------------------------
        texts_a = [c.embed_text() for c in shipped_chunks]
        tokens_a = sum(min(c.n_tokens, window) for c in shipped_chunks)
        runs: dict[str, list] = {"ours": [], "langchain": [], "ceiling": []}
        order = ["ours", "langchain", "ceiling"]
        vecs_a = None
        last_ours_index = None
        for k in range(args.repeats):
            rot = order[k % 3 :] + order[: k % 3]
            for name in rot:
                log(f"shipped corpus, round {k + 1}: {name}")
                if name == "ours":
                    last_ours_index = tmp / f"a-ours-{k}"
                    runs["ours"].append(run_ours(shipped, last_ours_index, settings, ours_embedder))
                elif name == "langchain":
                    runs["langchain"].append(run_langchain(shipped, tmp / f"a-lc-{k}", lc, counter, window))
                else:
                    row, vecs_a = run_ceiling(model, texts_a, tokens_a, batch)
                    runs["ceiling"].append(row)
        med = {
            "ours": median([x["seconds_excl_model_load"] for x in runs["ours"]]),
            "langchain": median([x["seconds_excl_model_load"] for x in runs["langchain"]]),
            "ceiling": median([x["seconds"] for x in runs["ceiling"]]),
        }
        result["shipped"] = {
            "files": len(list(shipped.glob("*"))),
            "our_chunks": len(shipped_chunks),
            "our_tokens": tokens_a,
            "langchain_chunks": runs["langchain"][0]["chunks"],
            "runs": runs,
            "order_per_round": [order[k % 3 :] + order[: k % 3] for k in range(args.repeats)],
            "median_seconds": {k: r(v, 4) for k, v in med.items()},
            "median_chunks_per_s": {
                "ours": r(len(shipped_chunks) / med["ours"], 1),
                "langchain": r(runs["langchain"][0]["chunks"] / med["langchain"], 1),
                "ceiling": r(len(shipped_chunks) / med["ceiling"], 1),
            },
            "median_tokens_per_s": {
                "ours": r(tokens_a / med["ours"], 1),
                "langchain": r(runs["langchain"][0]["tokens"] / med["langchain"], 1),
                "ceiling": r(tokens_a / med["ceiling"], 1),
            },
            "vector_check": check_vectors(last_ours_index, settings, shipped, shipped_chunks, vecs_a),
            "padding": padding_analysis(shipped_chunks, batch, window, OBSERVED_CALLS[str(shipped)], runs["langchain"][0]["token_lengths"]),
        }
        for row in runs["langchain"]:
            row.pop("token_lengths", None)
        result["shipped"]["summary"] = summarise(
            {"seconds_excl_model_load": med["ours"]}, {"seconds_excl_model_load": med["langchain"]}, med["ceiling"], ours_load, lc_load
        )

        # -- no-change re-ingest of the shipped corpus -----------------------------------------------------------
        log("no-change re-ingest (in-process)")
        result["reingest_shipped"] = reingest(shipped, last_ours_index, settings, args.reingest_runs)
        result["reingest_shipped"]["profile_top_cumulative"] = profile_reingest(shipped, last_ours_index, settings)
        log("no-change re-ingest (CLI subprocess)")
        result["reingest_shipped"]["cli"] = cli_reingest(shipped, last_ours_index, 3)

        # -- (b) synthetic corpus --------------------------------------------------------------------------------
        if not args.skip_synthetic:
            syn_dir = tmp / "synthetic-corpus"
            log(f"generating the synthetic corpus (>= {args.target_chunks} of our chunks)")
            syn_chunks, syn_info = build_synthetic_corpus(shipped, syn_dir, args.target_chunks, settings)
            log(f"synthetic corpus: {syn_info['files']} files, {len(syn_chunks)} chunks")
            texts_b = [c.embed_text() for c in syn_chunks]
            tokens_b = sum(min(c.n_tokens, window) for c in syn_chunks)
            syn: dict = {"corpus": syn_info, "our_tokens": tokens_b,
                         "our_chunks_over_window": sum(1 for c in syn_chunks if c.n_tokens > window),
                         "order": ["ceiling (1)", "ours", "langchain", "ceiling (2)"]}
            log("synthetic: ceiling (1)")
            syn["ceiling_1"], _ = run_ceiling(model, texts_b, tokens_b, batch)
            log("synthetic: ours")
            syn["ours"] = run_ours(syn_dir, tmp / "b-ours", settings, ours_embedder)
            log("synthetic: langchain")
            syn["langchain"] = run_langchain(syn_dir, tmp / "b-lc", lc, counter, window)
            log("synthetic: ceiling (2)")
            syn["ceiling_2"], vecs_b = run_ceiling(model, texts_b, tokens_b, batch)
            syn["vector_check"] = check_vectors(tmp / "b-ours", settings, syn_dir, syn_chunks, vecs_b)
            syn["padding"] = padding_analysis(syn_chunks, batch, window, OBSERVED_CALLS[str(syn_dir)], syn["langchain"].pop("token_lengths"))
            ceiling_s = (syn["ceiling_1"]["seconds"] + syn["ceiling_2"]["seconds"]) / 2
            syn["summary"] = summarise(syn["ours"], syn["langchain"], ceiling_s, ours_load, lc_load)
            # Another process on the machine slows one run and not the other: show how much CPU the rest of the
            # machine used during each run, and the ratio against the faster (less disturbed) ceiling run.
            fastest = min(syn["ceiling_1"]["seconds"], syn["ceiling_2"]["seconds"])
            syn["summary"]["ours_over_fastest_ceiling"] = r(syn["ours"]["seconds_excl_model_load"] / fastest, 3)
            syn["summary"]["langchain_over_fastest_ceiling"] = r(syn["langchain"]["seconds_excl_model_load"] / fastest, 3)
            syn["summary"]["other_processes_cpu_s_per_run"] = {
                k: syn[k]["phase"].get("other_processes_cpu_s") for k in ("ceiling_1", "ours", "langchain", "ceiling_2")}
            syn["summary"]["ours_chunks_per_s"] = syn["ours"]["chunks_per_s"]
            syn["summary"]["langchain_chunks_per_s"] = syn["langchain"]["chunks_per_s"]
            syn["summary"]["ceiling_chunks_per_s"] = r(len(texts_b) / ceiling_s, 2)
            syn["summary"]["ours_tokens_per_s"] = syn["ours"]["tokens_per_s"]
            syn["summary"]["langchain_tokens_per_s"] = syn["langchain"]["tokens_per_s"]
            syn["summary"]["ceiling_tokens_per_s"] = r(tokens_b / ceiling_s, 1)
            log("synthetic: no-change re-ingest")
            syn["reingest"] = reingest(syn_dir, tmp / "b-ours", settings, 3)
            result["synthetic"] = syn
    finally:
        result["finished_loadavg"] = loadavg()
        result["total_seconds"] = r(time.perf_counter() - t_all, 1)
        path = write_result("ingest", result)
        log(f"results: {path}")
        if args.keep_tmp:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
