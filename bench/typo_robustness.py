"""How much do typos cost? The dev questions, each with typos put in, answered with and without the
spelling correction, scored as the eval scores them. DEV split only by default (never tune on held-back).

    .venv/bin/python bench/typo_robustness.py [--split dev|heldout|all] [--typos 2] [--seed 7]

Typos are made the way fast typing makes them, deterministically from the seed: two neighbouring letters
swapped, a letter dropped, or a letter doubled, in the longest lower-case words (6+ letters) of each
question. The script records the figures in docs/bench/typos-<timestamp>.json; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys

from _common import OUT_DIR, ROOT, machine, utc_stamp

from ofsted_assistant.engine import Engine  # noqa: E402
from ofsted_assistant.evaluation import load_cases, score_case, summarise  # noqa: E402
from ofsted_assistant.settings import Settings  # noqa: E402


def add_typos(text: str, n: int, seed: str) -> str:
    """`text` with a typo in each of its `n` longest lower-case words of 6+ letters (stable for a seed)."""
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    spans = [m for m in re.finditer(r"\b[a-z]{6,}\b", text)]
    spans = sorted(spans, key=lambda m: (-len(m.group(0)), m.start()))[:n]
    out = text
    for m in sorted(spans, key=lambda m: m.start(), reverse=True):  # right to left: offsets stay valid
        w = m.group(0)
        i = rng.randrange(1, len(w) - 2)  # not the first letter: fast typing rarely gets that wrong
        kind = rng.choice(("swap", "drop", "double"))
        if kind == "swap":
            typo = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        elif kind == "drop":
            typo = w[:i] + w[i + 1 :]
        else:
            typo = w[:i] + w[i] + w[i:]
        if typo == w:
            typo = w[:i] + w[i + 1 :]
        out = out[: m.start()] + typo + out[m.end() :]
    return out


class _NoSpeller:
    def correct(self, text: str) -> tuple[str, dict]:
        return text, {}


def run(engine: Engine, cases, chunk_text) -> list[dict]:
    results = []
    for case in cases:
        answer = engine.ask(case.question, history=case.history or None).to_json()
        results.append(score_case(case, answer, chunk_text))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "heldout", "all"))
    ap.add_argument("--typos", type=int, default=2, help="typos per question")
    ap.add_argument("--seed", default="7")
    args = ap.parse_args()

    files = {"dev": ["dev.yaml"], "heldout": ["heldout.yaml"], "all": ["dev.yaml", "heldout.yaml"]}[args.split]
    cases = load_cases([ROOT / "eval" / "cases" / f for f in files])
    settings = Settings.from_env()
    engine = Engine(settings)
    engine.warm()
    speller = engine.speller

    def chunk_text(cid: str):
        c = engine.retriever.by_id.get(cid)
        return c.text if c is not None else None

    typoed = []
    changed = 0
    for case in cases:
        q = add_typos(case.question, args.typos, f"{args.seed}:{case.id}")
        changed += q != case.question
        typoed.append(type(case)(**{**case.__dict__, "question": q}))

    rows = {}
    rows["clean questions"] = summarise(run(engine, cases, chunk_text))["overall"]
    rows["typos, spelling correction on"] = summarise(run(engine, typoed, chunk_text))["overall"]
    engine.speller = _NoSpeller()
    rows["typos, spelling correction off"] = summarise(run(engine, typoed, chunk_text))["overall"]
    engine.speller = speller
    corrections = {c.id: engine.ask(c.question, history=c.history or None).corrections for c in typoed}

    keys = ("passed", "fact_accuracy", "evidence_recall", "refusal_accuracy", "unsupported_citations")
    print(f"{len(cases)} {args.split} cases; {changed} questions given typos ({args.typos} per question, seed {args.seed})")
    print(f"{'':34}" + "".join(f"{k:>24}" for k in keys))
    for name, s in rows.items():
        print(f"{name:34}" + "".join(f"{str(s.get(k)):>24}" for k in keys))
    out = {
        "benchmark": "typo_robustness",
        "machine": machine(),
        "args": vars(args),
        "cases": len(cases),
        "questions_with_typos": changed,
        "examples": [{"id": c.id, "question": c.question, "corrections": corrections[c.id]} for c in typoed[:12]],
        "summary": {name: {k: s.get(k) for k in keys} for name, s in rows.items()},
    }
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"typos-{utc_stamp()}.json"
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    print(f"results: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
