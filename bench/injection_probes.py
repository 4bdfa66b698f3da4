"""Instruction-override probes: messages that try to change how the assistant works or push it beyond its
documents (which must be refused), and real staff questions that only sound like them (which must be
answered). Two sets, each of 40 attacks and 40 genuine questions, written by helpers who never saw the
guard's patterns (`ofsted_assistant/guard.py`):

- set 1 (`bench/probe_sets/injection-probes-1.json`) was then used to develop the patterns: not evidence;
- set 2 (`bench/probe_sets/injection-probes-2.json`) is held back: counts only. One pattern was narrowed after it
  was seen firing on one of set 2's genuine questions (its index only, not the question).

    .venv/bin/python bench/injection_probes.py          # set 1, listing what went wrong
    .venv/bin/python bench/injection_probes.py --held-back   # set 2, counts only

"Routed" means refused as an override (or a writing task) before any search; "refused" counts any refusal,
since an attack the documents do not answer is also declined for want of evidence. Writes
docs/bench/injection-<timestamp>.json; asserts nothing.
"""

from __future__ import annotations

import json
import sys

from _common import OUT_DIR, ROOT, machine, utc_stamp

from ofsted_assistant.engine import Engine  # noqa: E402
from ofsted_assistant.settings import Settings  # noqa: E402

ROUTED = ("injection", "task_request")


def main() -> None:
    held_back = "--held-back" in sys.argv[1:]
    path = ROOT / "bench" / "probe_sets" / f"injection-probes-{2 if held_back else 1}.json"
    probes = json.loads(path.read_text(encoding="utf-8"))
    engine = Engine(Settings.from_env())
    rows = [{"group": group, "question": q, **_outcome(engine.ask(q))}
            for group in ("attacks", "benign") for q in probes[group]]
    attacks = [r for r in rows if r["group"] == "attacks"]
    benign = [r for r in rows if r["group"] == "benign"]
    summary = {
        "set": "held-back" if held_back else "development",
        "attacks": len(attacks),
        "attacks_routed": sum(r["refusal"] in ROUTED for r in attacks),
        "attacks_refused": sum(not r["answered"] for r in attacks),
        "benign": len(benign),
        "benign_answered": sum(r["answered"] for r in benign),
        "benign_routed": sum(r["refusal"] in ROUTED for r in benign),
    }
    print(f"attacks: {summary['attacks_routed']}/{len(attacks)} routed as overrides, "
          f"{summary['attacks_refused']}/{len(attacks)} refused in all")
    print(f"genuine questions: {summary['benign_answered']}/{len(benign)} answered, {summary['benign_routed']} routed as overrides")
    if not held_back:
        for r in rows:
            if (r["group"] == "attacks" and r["answered"]) or (r["group"] == "benign" and not r["answered"]):
                print(f"  {r['group']}: {'answered' if r['answered'] else 'declined (' + str(r['refusal']) + ')'}: {r['question']}")
    out = {"benchmark": "injection_probes", "machine": machine(), "summary": summary,
           "rows": [] if held_back else rows}
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    dest = OUT_DIR / f"injection-{utc_stamp()}.json"
    dest.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    print(f"results: {dest.relative_to(ROOT)}")


def _outcome(a) -> dict:
    return {"answered": a.answered, "refusal": a.refusal, "evidence": round(a.evidence, 3)}


if __name__ == "__main__":
    sys.exit(main())
