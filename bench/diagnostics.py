"""Diagnostics behind two findings of the benchmarks (docs/benchmarks.md), kept so they can be re-checked.

1. Padding: the pipeline embeds through `SentenceTransformerEmbedder.encode`, which calls
   `SentenceTransformer.encode` once per 64 texts. SentenceTransformer sorts the texts of one call by length
   before batching, so one call per batch gets none of that: every batch is padded to its longest chunk, unless
   the caller orders the texts by length (run_ingest sorts the pending chunks by token count since 18:41 UTC on
   2026-11-23, after the first benchmark run). Variants on the same synthetic chunk texts, alternated
   (A B C D D C B A):
     A  document order, SentenceTransformerEmbedder.encode on each group of 256 (run_ingest before the sort);
     B  ceiling: SentenceTransformer.encode once over all texts (sorted globally);
     C  document order, one SentenceTransformer.encode call per group of 256 (sorted within the group);
     D  sorted by token count, SentenceTransformerEmbedder.encode on each group of 256 (run_ingest now).
2. No-change re-ingest at ~10,500 chunks / 865 files: timed x3 and profiled (an index built with a fake
   embedder: the vectors do not matter to a no-change run, and building it takes seconds, not 10 minutes).

Usage: python bench/diagnostics.py [--texts 1536]. Writes docs/bench/diagnostics-<UTC timestamp>.json.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import log, loadavg, machine, median, r, timed, write_result  # noqa: E402
from ingest_bench import build_synthetic_corpus, padding  # noqa: E402


class FakeEmbedder:
    dim = 384

    def __init__(self, _settings=None):
        import numpy as np

        self.rng = np.random.default_rng(0)

    def encode(self, texts, batch_size=64, progress=None):
        import numpy as np

        v = self.rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=1536, help="synthetic chunk texts for the padding A/B/C")
    ap.add_argument("--target-chunks", type=int, default=10500)
    args = ap.parse_args()

    from ingest.pipeline import run_ingest
    from ofsted_assistant.embedding import SentenceTransformerEmbedder
    from ofsted_assistant.settings import Settings

    settings = Settings()
    result: dict = {"benchmark": "diagnostics", "started_loadavg": loadavg(), "machine": machine(), "args": vars(args)}
    tmp = Path(tempfile.mkdtemp(prefix="ofsted-bench-diag-"))
    try:
        syn_dir = tmp / "synthetic-corpus"
        chunks, info = build_synthetic_corpus(Path(settings.corpus_dir), syn_dir, args.target_chunks, settings)
        result["synthetic_corpus"] = info

        # -- 2. no-change re-ingest at scale ------------------------------------------------------------
        s = settings.replace(**{"index.path": str(tmp / "index"), "corpus_dir": str(syn_dir)})
        log("building the large index with a fake embedder")
        with timed() as p:
            rep = run_ingest(s, embedder_factory=FakeEmbedder)
        runs = []
        for _ in range(3):
            with timed() as q:
                rr = run_ingest(s)
            runs.append({"wall_s": r(q.wall, 3), "chunks_written": rr.chunks_written, "timings": {k: r(v, 3) for k, v in rr.timings.items()}})
        prof = cProfile.Profile()
        prof.enable()
        run_ingest(s)
        prof.disable()
        stats = pstats.Stats(prof, stream=io.StringIO())
        stats.sort_stats("cumulative")
        top = []
        for func in stats.fcn_list[:40]:
            _cc, nc, tt, ct, _ = stats.stats[func]
            top.append({"function": f"{Path(func[0]).name}:{func[1]}({func[2]})", "ncalls": nc, "tottime_s": r(tt, 4), "cumtime_s": r(ct, 4)})
        result["reingest_large"] = {"build_with_fake_embedder_s": r(p.wall, 1), "chunks": rep.chunks_written, "files": info["files"],
                                    "runs": runs, "median_s": r(median([x["wall_s"] for x in runs]), 3), "profile_top_cumulative": top}

        # -- 1. padding A/B/C ----------------------------------------------------------------------------
        embedder = SentenceTransformerEmbedder(settings)
        model = embedder.model
        sub = chunks[: args.texts]
        texts = [c.embed_text() for c in sub]
        batch = settings.embedding.batch_size
        group = batch * 4  # run_ingest's outer batch

        def ours():
            for i in range(0, len(texts), group):
                embedder.encode(texts[i : i + group], batch_size=batch)

        by_len = [c.embed_text() for c in sorted(sub, key=lambda c: c.n_tokens)]

        def ours_sorted():
            for i in range(0, len(by_len), group):
                embedder.encode(by_len[i : i + group], batch_size=batch)

        def ceiling():
            model.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)

        def per_group():
            for i in range(0, len(texts), group):
                model.encode(texts[i : i + group], batch_size=batch, normalize_embeddings=True, show_progress_bar=False)

        variants = {"A_doc_order_per_64": ours, "B_ceiling_one_call": ceiling, "C_one_call_per_256": per_group,
                    "D_sorted_per_64": ours_sorted}
        model.encode(texts[:128], batch_size=batch, show_progress_bar=False)  # warm-up
        rows: dict[str, list] = {k: [] for k in variants}
        names = list(variants)
        for name in names + names[::-1]:
            log(f"padding: {name}")
            with timed() as p:
                variants[name]()
            rows[name].append(p.to_json())
        lengths = [c.n_tokens for c in sub]
        window = settings.embedding.max_seq_length
        result["padding_abc"] = {
            "texts": len(texts),
            "real_tokens": sum(min(n, window) for n in lengths),
            "padded_tokens": {
                "A_doc_order_per_64": padding(lengths, batch, window, group=batch, sort=False),
                "B_ceiling_one_call": padding(lengths, batch, window, group=None, sort=True),
                "C_one_call_per_256": padding(lengths, batch, window, group=group, sort=True),
                "D_sorted_per_64": padding(sorted(lengths), batch, window, group=batch, sort=False),
            },
            "runs": rows,
            "median_wall_s": {k: r(median([x["wall_s"] for x in v]), 2) for k, v in rows.items()},
            "median_cpu_s": {k: r(median([x["cpu_s"] for x in v]), 2) for k, v in rows.items()},
        }
        m = result["padding_abc"]["median_wall_s"]
        for k in ("A_doc_order_per_64", "C_one_call_per_256", "D_sorted_per_64"):
            result["padding_abc"][f"{k[0]}_over_B"] = r(m[k] / m["B_ceiling_one_call"], 3)
    finally:
        result["finished_loadavg"] = loadavg()
        path = write_result("diagnostics", result)
        log(f"results: {path}")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    t = time.perf_counter()
    main()
