"""Compare dense+BM25 fusion methods on the DEV split only (never the held-back split).

    .venv/bin/python bench/fusion_compare.py [--index PATH]

For each answerable dev case (follow-ups condensed as the engine does), it checks whether each expected
evidence passage is in the top-k retrieved chunks (recall@k) and the rank of the first hit (MRR).
The default index is the project's own (ingest first: `make ingest`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ofsted_assistant.engine import Engine  # noqa: E402
from ofsted_assistant.followup import condense  # noqa: E402
from ofsted_assistant.settings import Settings  # noqa: E402


def norm(t: str) -> str:
    return " ".join(t.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\u00a0", " ").split())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", help="index folder (default: settings)")
    args = ap.parse_args()
    cases = [c for c in yaml.safe_load((ROOT / "eval/cases/dev.yaml").read_text()) if not c["must_refuse"]]
    base = Settings.from_env()
    if args.index:
        base = base.replace(**{"index.path": args.index})
    configs = [("rrf", 0.6)] + [("weighted", w) for w in (0.4, 0.5, 0.6, 0.7)]
    for fusion, weight in configs:
        engine = Engine(base.replace(**{"retrieval.fusion": fusion, "retrieval.dense_weight": weight}))
        hit = total = 0
        mrr = 0.0
        for c in cases:
            q, _ = condense(c["question"], c["history"])
            hits = engine.retriever.search(q)
            first = None
            for ev in c["evidence"]:
                total += 1
                p = norm(ev["passage"])[:60]
                ranks = [i for i, h in enumerate(hits) if p in norm(h.chunk.text)]
                if ranks:
                    hit += 1
                    first = min(ranks) if first is None else min(first, min(ranks))
            if first is not None:
                mrr += 1 / (first + 1)
        label = fusion if fusion == "rrf" else f"weighted (dense {weight})"
        print(f"{label:24s} recall@{engine.settings.retrieval.top_k} {hit}/{total} = {hit / total:.3f}   MRR {mrr / len(cases):.3f}")


if __name__ == "__main__":
    main()
