"""The evaluation harness: `ofsted-assistant eval`.

Loads and validates the case files (eval/cases/dev.yaml, eval/cases/heldout.yaml), runs the real pipeline
(`get_engine(settings).ask`) on every case, scores each case, aggregates overall / by split / by category,
scores the plain LangChain tutorial pipeline (ofsted_assistant/baseline.py) on the same cases as a baseline
row, compares with the previous run, and writes report.json, report.md and report.html to
eval/reports/<UTC timestamp>/.

Metrics (all computed from the engine's JSON answer, no LLM needed):

- fact_accuracy: share of answerable cases where the engine answered and every fact (a list of accepted
  alternatives) has an alternative in the text a person reads (answer, sources line, caveat). Text is
  normalised (lower case, straight quotes, plain dashes, collapsed whitespace) and compared a second time
  with number words turned into digits ("forty-two" = "42"). Refusing an answerable case fails it.
- citation_precision: over answerable cases, supported citations / citations given. A citation supports
  the answer when its quote overlaps an expected evidence passage of the same document (normalised word
  containment either way, or a shared run of 8 words) or contains one of the case's fact alternatives.
- unsupported_citations: cited sentences of answered cases that fail `citations.check_answer` against the
  passages they cite (target 0).
- evidence_recall: mean over answerable cases of the share of evidence passages covered by a citation.
- retrieval_recall (@k, k = passages retrieved) and mrr: evidence passages found in the retrieved chunks, and
  1/rank of the first retrieved chunk holding any of them.
- refusal_accuracy (answered == not must_refuse, all cases), refuses_when_it_should (must-refuse cases
  refused), answers_when_it_should (answerable cases answered).
- latency_p50_ms / latency_p95_ms: `timings_ms.total` of each timed ask (after warm-up).

A case passes when it was answered or refused as it should be, (answerable) all its facts are there, and
none of its cited sentences is unsupported.

Held-out hygiene: report.json keeps everything; the console, report.md and report.html show held-out cases
by id, category and failed metric only (no question, answer or fact text), so nobody tunes on them by accident.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import click

from .errors import AssistantError
from .settings import PROJECT_ROOT, Settings

# -- constants ---------------------------------------------------------------------------------------------
ANSWERABLE_CATEGORIES = ("direct_fact", "paraphrase", "number_date", "multi_part", "cross_document", "perspective", "follow_up")
REFUSE_CATEGORIES = ("refuse_out_of_scope", "refuse_named_school", "refuse_injection", "refuse_personal_data", "refuse_false_premise")
CATEGORIES = ANSWERABLE_CATEGORIES + REFUSE_CATEGORIES
SPLITS = ("dev", "heldout")
REQUIRED_FIELDS = ("id", "question", "category", "must_refuse", "facts", "evidence")
OPTIONAL_FIELDS = ("history", "notes", "split")

CASES_DIR = PROJECT_ROOT / "eval" / "cases"
DEFAULT_CASE_FILES = (CASES_DIR / "dev.yaml", CASES_DIR / "heldout.yaml")
REPORTS_DIR = PROJECT_ROOT / "eval" / "reports"
#: The date the eval pins (staleness caveats depend on it) unless OFSTED_TODAY is set.
PINNED_TODAY = "2026-11-23"
#: Asked before timing starts (model sessions, caches); never scored.
WARMUP_QUESTIONS = ("When can a headteacher ask for an inspection to be deferred?", "What is the Ofsted Inspector pilot?")
#: Shared run of this many words = a quote overlaps an evidence passage.
RUN_WORDS = 8
THRESHOLD_EXIT_CODE = 9

#: Metrics a --fail-under threshold can name. `<metric>_max` is an upper bound (fails when above).
LOWER_BOUND_METRICS = (
    "fact_accuracy", "citation_precision", "evidence_recall", "retrieval_recall", "mrr", "refusal_accuracy",
    "refuses_when_it_should", "answers_when_it_should", "pass_rate",
)
UPPER_BOUND_METRICS = ("unsupported_citations", "latency_p50_ms", "latency_p95_ms", "errors")

METRIC_LABELS = {
    "fact_accuracy": "fact accuracy",
    "citation_precision": "citation precision",
    "evidence_recall": "evidence recall",
    "retrieval_recall": "retrieval recall@k",
    "mrr": "MRR",
    "refusal_accuracy": "refusal accuracy",
    "refuses_when_it_should": "refuses when it should",
    "answers_when_it_should": "answers when it should",
    "unsupported_citations": "unsupported cited sentences",
    "latency_p50_ms": "p50 ms",
    "latency_p95_ms": "p95 ms",
    "pass_rate": "cases passed",
}
RATE_METRICS = ("pass_rate", "fact_accuracy", "citation_precision", "evidence_recall", "retrieval_recall", "mrr",
                "refusal_accuracy", "refuses_when_it_should", "answers_when_it_should")


class CaseFileError(AssistantError):
    """A case file that cannot be used: each problem is listed with the case id and field."""

    exit_code = 2


# -- cases -----------------------------------------------------------------------------------------------
@dataclass
class Evidence:
    doc_id: str
    passage: str


@dataclass
class Case:
    id: str
    question: str
    category: str
    must_refuse: bool
    facts: list[list[str]]
    evidence: list[Evidence]
    history: list[dict] = field(default_factory=list)
    notes: str = ""
    split: str = "dev"
    source: str = ""

    @property
    def answerable(self) -> bool:
        return not self.must_refuse

    def digest(self) -> str:
        """Hash of what is scored: a changed case definition is told apart from a regression."""
        payload = {"q": self.question, "h": self.history, "c": self.category, "r": self.must_refuse, "f": self.facts,
                   "e": [[e.doc_id, e.passage] for e in self.evidence]}
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def _split_of(raw: dict, path: Path) -> str | None:
    if raw.get("split") in SPLITS:
        return raw["split"]
    stem = path.stem.lower()
    for s in ("heldout", "dev"):
        if stem.startswith(s):
            return s
    cid = str(raw.get("id", "")).lower()
    if cid.startswith(("ho-", "heldout-")):
        return "heldout"
    if cid.startswith("dev-"):
        return "dev"
    return None


def validate_cases(raw_cases: object, path: Path) -> tuple[list[Case], list[str]]:
    """Check one file's cases; returns (cases, errors). Errors name the case and the field."""
    errors: list[str] = []
    if not isinstance(raw_cases, list):
        return [], [f"{path}: the file must be a YAML list of cases (- id: ...), not {type(raw_cases).__name__}"]
    cases: list[Case] = []
    for i, raw in enumerate(raw_cases):
        where = f"{path.name} case #{i + 1}"
        if not isinstance(raw, dict):
            errors.append(f"{where}: must be a mapping of field: value")
            continue
        if raw.get("id"):
            where = f"{path.name} case {raw['id']}"
        problems: list[str] = []
        missing = [f for f in REQUIRED_FIELDS if f not in raw]
        if missing:
            problems.append(f"missing field(s): {', '.join(missing)}")
        unknown = sorted(set(raw) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
        if unknown:
            problems.append(f"unknown field(s): {', '.join(unknown)} (allowed: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)})")
        if "id" in raw and (not isinstance(raw["id"], str) or not raw["id"].strip()):
            problems.append("id must be a non-empty string")
        if "question" in raw and (not isinstance(raw["question"], str) or not raw["question"].strip()):
            problems.append("question must be a non-empty string")
        cat = raw.get("category")
        if "category" in raw and cat not in CATEGORIES:
            problems.append(f"unknown category {cat!r} (one of: {', '.join(CATEGORIES)})")
        mr = raw.get("must_refuse")
        if "must_refuse" in raw and not isinstance(mr, bool):
            problems.append("must_refuse must be true or false")
        if isinstance(mr, bool) and cat in CATEGORIES and mr != (cat in REFUSE_CATEGORIES):
            problems.append(f"must_refuse is {str(mr).lower()} but category {cat} is {'a refusal' if cat in REFUSE_CATEGORIES else 'an answerable'} category")
        facts = raw.get("facts")
        if "facts" in raw:
            if not isinstance(facts, list) or not all(
                isinstance(f, list) and f and all(isinstance(a, str) and a.strip() for a in f) for f in facts
            ):
                problems.append("facts must be a list of non-empty lists of strings (accepted alternatives)")
            elif mr is False and not facts:
                problems.append("an answerable case needs at least one fact")
            elif mr is True and facts:
                problems.append("a must-refuse case has no facts (facts: [])")
            elif any(a != a.lower() for f in facts for a in f):
                problems.append("fact alternatives must be lower case")
        ev = raw.get("evidence")
        if "evidence" in raw:
            if not isinstance(ev, list) or not all(
                isinstance(e, dict) and isinstance(e.get("doc_id"), str) and isinstance(e.get("passage"), str) and e["passage"].strip()
                for e in ev
            ):
                problems.append("evidence must be a list of {doc_id, passage} with non-empty strings")
            elif mr is False and not ev:
                problems.append("an answerable case needs at least one evidence passage")
        hist = raw.get("history") or []
        if not isinstance(hist, list) or not all(
            isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str) for t in hist
        ):
            problems.append("history must be a list of {role: user|assistant, content: text}")
        split = _split_of(raw, path)
        if split is None:
            problems.append("cannot tell its split: add `split: dev|heldout`, or name the file dev*.yaml / heldout*.yaml")
        if problems:
            errors.extend(f"{where}: {p}" for p in problems)
            continue
        cases.append(
            Case(
                id=raw["id"].strip(),
                question=raw["question"],
                category=cat,
                must_refuse=mr,
                facts=[list(f) for f in facts],
                evidence=[Evidence(e["doc_id"], e["passage"]) for e in ev],
                history=list(hist),
                notes=str(raw.get("notes") or ""),
                split=split,
                source=str(path),
            )
        )
    return cases, errors


def load_cases(paths: Iterable[str | os.PathLike]) -> list[Case]:
    """Load and validate case files; raises CaseFileError listing every problem (duplicate ids included)."""
    import yaml

    cases: list[Case] = []
    errors: list[str] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            errors.append(f"{path}: no such case file")
            continue
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            errors.append(f"{path}: not valid YAML: {exc}")
            continue
        got, errs = validate_cases(raw, path)
        cases.extend(got)
        errors.extend(errs)
    seen: dict[str, str] = {}
    for c in cases:
        if c.id in seen:
            errors.append(f"duplicate case id {c.id!r} (in {Path(seen[c.id]).name} and {Path(c.source).name})")
        else:
            seen[c.id] = c.source
    if errors:
        shown = errors[:30] + ([f"... and {len(errors) - 30} more"] if len(errors) > 30 else [])
        raise CaseFileError("the eval cases have problems:\n  " + "\n  ".join(shown))
    return cases


# -- text matching ---------------------------------------------------------------------------------------------
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'}
_DASHES = dict.fromkeys(["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212"], "-")
_TRANSLATE = str.maketrans({**_QUOTES, **_DASHES, "\u00a0": " ", "\u202f": " ", "\u2009": " "})


def normalise(text: str) -> str:
    """Lower case, straight quotes, plain hyphens, NBSP -> space, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").translate(_TRANSLATE).lower()
    return " ".join(text.split())


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUM_RE = re.compile(
    r"(?<![a-z0-9])(?:(" + "|".join(t for t in _TENS if t) + r")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|("
    + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))(?![a-z0-9])"
)


def numify(text: str) -> str:
    """Number words 0-99 as digits ("forty-two" -> "42", "five" -> "5") in normalised text."""

    def repl(m: re.Match) -> str:
        if m.group(1):
            n = _TENS.index(m.group(1)) * 10 + (_UNITS.index(m.group(2)) if m.group(2) else 0)
            return str(n)
        return str(_UNITS.index(m.group(3)))

    return _NUM_RE.sub(repl, text)


def _find(alt: str, text: str) -> bool:
    if not alt:
        return False
    lead = r"(?<![a-z0-9])" if alt[0].isalnum() else ""
    trail = r"(?![0-9])" if alt[-1].isdigit() else ""
    return re.search(lead + re.escape(alt) + trail, text) is not None


def contains_alternative(text: str, alternative: str) -> bool:
    """Is the (lower-case) alternative in the text, normalised, with number words = digits?"""
    t, a = normalise(text), normalise(alternative)
    return _find(a, t) or _find(numify(a), numify(t))


def match_facts(text: str, facts: list[list[str]]) -> list[str | None]:
    """For each fact, the first alternative found in the text (None = missing)."""
    return [next((a for a in alts if contains_alternative(text, a)), None) for alts in facts]


def word_list(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalise(text))


def passages_overlap(passage: str, quote: str, run: int = RUN_WORDS) -> bool:
    """Normalised containment either way, or a shared run of `run` words."""
    pw, qw = word_list(passage), word_list(quote)
    if not pw or not qw:
        return False
    P, Q = f" {' '.join(pw)} ", f" {' '.join(qw)} "
    if P in Q or (len(qw) >= 4 and Q in P):
        return True
    if len(pw) < run or len(qw) < run:
        return False
    grams = {tuple(pw[i : i + run]) for i in range(len(pw) - run + 1)}
    return any(tuple(qw[i : i + run]) in grams for i in range(len(qw) - run + 1))


# -- scoring one case ---------------------------------------------------------------------------------------
def reading_text(answer: dict) -> str:
    """What a person reads: the answer, its sources line and any caveat."""
    return "\n".join(str(answer.get(k) or "") for k in ("answer", "sources_note", "stale_caveat"))


def score_case(case: Case, answer: dict | None, chunk_text: Callable[[str], str | None] | None = None, error: str | None = None) -> dict:
    """Score one case from an `Answer.to_json()`-shaped dict. `chunk_text` maps a retrieved chunk id to its
    text (retrieved entries carrying "text" need no lookup)."""
    from .citations import check_answer, checkable

    res: dict = {
        "id": case.id, "split": case.split, "category": case.category, "must_refuse": case.must_refuse,
        "question": case.question, "history_turns": len(case.history), "case_digest": case.digest(),
        "error": error,
    }
    if answer is None:
        res.update(answered=None, refusal=None, answer="", citations=[], retrieved=[], latency_ms=None, pass_=False,
                   fact_pass=False if case.answerable else None, refusal_correct=False, citations_total=0,
                   citations_supported=0, citation_precision=None, unsupported_sentences=0, unsupported=[],
                   evidence=[], evidence_recall=0.0 if case.answerable else None,
                   retrieval_recall=0.0 if case.answerable else None, first_hit_rank=None,
                   rr=0.0 if case.answerable else None, facts=[], why=[f"error: {error}"])
        res["pass"] = res.pop("pass_")
        return res
    answered = bool(answer.get("answered"))
    text = reading_text(answer)
    cits = answer.get("citations") or []
    retrieved = answer.get("retrieved") or []
    fact_alts = [a for f in case.facts for a in f]

    # refusal both ways
    refusal_correct = answered != case.must_refuse

    # facts
    found = match_facts(text, case.facts) if case.answerable else []
    fact_pass = (answered and all(f is not None for f in found)) if case.answerable else None

    # citations
    cit_rows = []
    for c in cits:
        quote = c.get("quote") or ""
        ev_hit = [i for i, e in enumerate(case.evidence) if e.doc_id == c.get("doc_id") and passages_overlap(e.passage, quote)]
        fact_hit = next((a for a in fact_alts if contains_alternative(quote, a)), None)
        cit_rows.append({
            "n": c.get("n"), "doc_id": c.get("doc_id"), "chunk_id": c.get("chunk_id"), "locator": c.get("locator"),
            "supported": bool(ev_hit or fact_hit), "evidence_hits": ev_hit, "fact_hit": fact_hit,
        })
    supported = sum(r["supported"] for r in cit_rows)
    precision = supported / len(cit_rows) if cit_rows else None

    # cited sentences checked against their passages
    unsupported: list[dict] = []
    if answered:
        passages = {int(c["n"]): checkable(c.get("quote") or "", c.get("date")) for c in cits if c.get("n") is not None}
        for cs in check_answer(answer.get("answer") or "", passages):
            if not cs.supported:
                unsupported.append({"sentence": cs.text, "refs": cs.refs, "reasons": cs.reasons})

    # evidence recall (citations) and retrieval recall / MRR
    ev_rows = []
    first_rank = None
    for i, e in enumerate(case.evidence):
        cited = any(i in r["evidence_hits"] for r in cit_rows)
        rank = None
        for r in retrieved:
            if r.get("doc_id") != e.doc_id:
                continue
            t = r.get("text")
            if t is None and chunk_text is not None:
                t = chunk_text(r.get("chunk_id"))
            if t and passages_overlap(e.passage, t):
                rank = int(r.get("rank") or 0) or None
                break
        if rank is not None:
            first_rank = rank if first_rank is None else min(first_rank, rank)
        ev_rows.append({"doc_id": e.doc_id, "passage": e.passage, "cited": cited, "retrieved_rank": rank})
    n_ev = len(ev_rows)
    evidence_recall = (sum(r["cited"] for r in ev_rows) / n_ev) if (case.answerable and n_ev) else None
    retrieval_recall = (sum(r["retrieved_rank"] is not None for r in ev_rows) / n_ev) if (case.answerable and n_ev) else None
    rr = (1.0 / first_rank if first_rank else 0.0) if (case.answerable and n_ev) else None

    why: list[str] = []
    if case.must_refuse and answered:
        why.append("answered a question it must refuse")
    if case.answerable and not answered:
        why.append(f"refused an answerable question ({answer.get('refusal') or 'refusal'})")
    if case.answerable and answered and fact_pass is False:
        missing = [" / ".join(alts) for alts, f in zip(case.facts, found) if f is None]
        why.append("missing fact(s): " + "; ".join(missing))
    if unsupported:
        why.append(f"{len(unsupported)} cited sentence(s) not supported by their passage")
    passed = refusal_correct and (fact_pass is not False) and not unsupported
    # Graded notes (not pass/fail): shown with failing cases to help diagnose.
    notes = []
    if case.answerable and evidence_recall is not None and evidence_recall < 1:
        notes.append(f"evidence cited {sum(r['cited'] for r in ev_rows)}/{n_ev}")
    if case.answerable and retrieval_recall is not None and retrieval_recall < 1:
        notes.append(f"evidence retrieved {sum(r['retrieved_rank'] is not None for r in ev_rows)}/{n_ev}")
    if precision is not None and precision < 1:
        notes.append(f"citations supporting {supported}/{len(cit_rows)}")

    res.update(
        answered=answered, refusal=answer.get("refusal"), mode=answer.get("mode"),
        answer=answer.get("answer") or "", sources_note=answer.get("sources_note") or "",
        stale_caveat=answer.get("stale_caveat"),
        citations=cit_rows,
        retrieved=[{"rank": r.get("rank"), "chunk_id": r.get("chunk_id"), "doc_id": r.get("doc_id")} for r in retrieved],
        latency_ms=(answer.get("timings_ms") or {}).get("total"),
        facts=[{"alternatives": alts, "matched": f} for alts, f in zip(case.facts, found)],
        fact_pass=fact_pass, refusal_correct=refusal_correct,
        citations_total=len(cit_rows), citations_supported=supported, citation_precision=precision,
        unsupported_sentences=len(unsupported), unsupported=unsupported,
        evidence=ev_rows, evidence_recall=evidence_recall, retrieval_recall=retrieval_recall,
        first_hit_rank=first_rank, rr=rr, why=why, notes=notes,
    )
    res["pass"] = passed
    return res


# -- aggregation -----------------------------------------------------------------------------------------------
def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def percentile(xs: list[float], q: float) -> float | None:
    """Linear-interpolation percentile (numpy's default), without numpy."""
    if not xs:
        return None
    s = sorted(xs)
    pos = (len(s) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def aggregate(results: list[dict]) -> dict:
    ans = [r for r in results if not r["must_refuse"]]
    ref = [r for r in results if r["must_refuse"]]
    cit_total = sum(r["citations_total"] for r in ans)
    lat = [r["latency_ms"] for r in results if r.get("latency_ms") is not None]
    out = {
        "cases": len(results),
        "answerable": len(ans),
        "must_refuse": len(ref),
        "passed": sum(bool(r["pass"]) for r in results),
        "pass_rate": _mean([1.0 if r["pass"] else 0.0 for r in results]),
        "fact_accuracy": _mean([1.0 if r["fact_pass"] else 0.0 for r in ans]),
        "citation_precision": (sum(r["citations_supported"] for r in ans) / cit_total) if cit_total else None,
        "citations": cit_total,
        "evidence_recall": _mean([r["evidence_recall"] for r in ans if r["evidence_recall"] is not None]),
        "retrieval_recall": _mean([r["retrieval_recall"] for r in ans if r["retrieval_recall"] is not None]),
        "mrr": _mean([r["rr"] for r in ans if r["rr"] is not None]),
        "refusal_accuracy": _mean([1.0 if r["refusal_correct"] else 0.0 for r in results]),
        "refuses_when_it_should": _mean([1.0 if r["refusal_correct"] else 0.0 for r in ref]),
        "answers_when_it_should": _mean([1.0 if r["refusal_correct"] else 0.0 for r in ans]),
        "unsupported_citations": sum(r["unsupported_sentences"] for r in results),
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
        "errors": sum(1 for r in results if r.get("error")),
    }
    for k, v in list(out.items()):
        if isinstance(v, float):
            out[k] = round(v, 1) if k.startswith("latency") else round(v, 4)
    return out


def summarise(results: list[dict]) -> dict:
    """overall, by split, by category, and by split x category."""
    splits = [s for s in SPLITS if any(r["split"] == s for r in results)]
    cats = [c for c in CATEGORIES if any(r["category"] == c for r in results)]
    return {
        "overall": aggregate(results),
        "by_split": {s: aggregate([r for r in results if r["split"] == s]) for s in splits},
        "by_category": {c: aggregate([r for r in results if r["category"] == c]) for c in cats},
        "by_split_category": {
            s: {c: aggregate([r for r in results if r["split"] == s and r["category"] == c])
                for c in cats if any(r["split"] == s and r["category"] == c for r in results)}
            for s in splits
        },
    }


def split_summary(summary: dict, split: str) -> dict | None:
    return summary["overall"] if split == "all" else summary["by_split"].get(split)


# -- comparison with an earlier run ---------------------------------------------------------------------------
def find_previous_report(reports_dir: Path, exclude: Path | None = None) -> Path | None:
    """The latest earlier run directory holding a report.json."""
    if not reports_dir.is_dir():
        return None
    runs = sorted(
        (d for d in reports_dir.iterdir() if d.is_dir() and (d / "report.json").exists() and (exclude is None or d.resolve() != exclude.resolve())),
        key=lambda d: d.name,
    )
    return runs[-1] / "report.json" if runs else None


def resolve_report_path(path: str | os.PathLike) -> Path:
    p = Path(path)
    if p.is_dir():
        p = p / "report.json"
    if not p.exists():
        raise CaseFileError(f"no earlier report at {path} (give a report.json or a run directory holding one)")
    return p


def compare_reports(previous: dict, current: dict) -> dict:
    """Cases that changed pass<->fail, each told apart: "corpus update" (a supporting document's content hash
    changed between the runs), "case changed" (the case definition changed), else "regression" / "fix"."""
    prev_docs = {k: v.get("version") for k, v in (previous.get("documents") or {}).items()}
    cur_docs = {k: v.get("version") for k, v in (current.get("documents") or {}).items()}
    changed_docs = sorted(d for d in set(prev_docs) | set(cur_docs) if prev_docs.get(d) != cur_docs.get(d))
    prev_cases = {c["id"]: c for c in previous.get("cases", [])}
    cur_cases = {c["id"]: c for c in current.get("cases", [])}
    changes = []
    for cid, cur in cur_cases.items():
        prev = prev_cases.get(cid)
        if prev is None or bool(prev.get("pass")) == bool(cur.get("pass")):
            continue
        support = sorted({e["doc_id"] for e in cur.get("evidence", [])} | {e["doc_id"] for e in prev.get("evidence", [])})
        if not support:  # a refusal case: the documents either run cited
            support = sorted({c["doc_id"] for c in cur.get("citations", []) + prev.get("citations", []) if c.get("doc_id")})
        docs_changed = [d for d in support if d in changed_docs]
        if docs_changed:
            cause = "corpus update"
        elif prev.get("case_digest") and prev.get("case_digest") != cur.get("case_digest"):
            cause = "case changed"
        else:
            cause = "regression" if prev.get("pass") else "fix"
        changes.append({
            "id": cid, "split": cur.get("split"), "category": cur.get("category"),
            "from": "pass" if prev.get("pass") else "fail", "to": "pass" if cur.get("pass") else "fail",
            "cause": cause, "supporting_docs": support, "changed_docs": docs_changed,
            "why_now": cur.get("why", []),
        })
    deltas: dict = {}
    for scope in ["overall", *SPLITS]:
        p = previous.get("summary", {}).get("overall") if scope == "overall" else previous.get("summary", {}).get("by_split", {}).get(scope)
        c = current.get("summary", {}).get("overall") if scope == "overall" else current.get("summary", {}).get("by_split", {}).get(scope)
        if p and c:
            deltas[scope] = {m: {"previous": p.get(m), "current": c.get(m)} for m in METRIC_LABELS if p.get(m) != c.get(m)}
    return {
        "previous_run": previous.get("run_id"),
        "previous_path": previous.get("_path"),
        "corpus_version": {"previous": previous.get("corpus_version"), "current": current.get("corpus_version")},
        "split": {"previous": previous.get("split"), "current": current.get("split")},
        "settings_changed": previous.get("settings_fingerprint") != current.get("settings_fingerprint"),
        "git_commit": {"previous": previous.get("git", {}).get("commit"), "current": current.get("git", {}).get("commit")},
        "changed_docs": [{"doc_id": d, "previous": prev_docs.get(d), "current": cur_docs.get(d)} for d in changed_docs],
        "changes": sorted(changes, key=lambda x: (x["cause"], x["id"])),
        "counts": {k: sum(1 for c in changes if c["cause"] == k) for k in ("regression", "fix", "corpus update", "case changed")},
        "new_cases": sorted(set(cur_cases) - set(prev_cases)),
        "removed_cases": sorted(set(prev_cases) - set(cur_cases)),
        "metric_deltas": deltas,
    }


# -- thresholds ----------------------------------------------------------------------------------------------
@dataclass
class Threshold:
    metric: str  # as given, e.g. "unsupported_citations_max"
    value: float

    @property
    def upper(self) -> bool:
        return self.metric.endswith("_max")

    @property
    def key(self) -> str:
        return self.metric[: -len("_max")] if self.upper else self.metric


def parse_threshold(text: str) -> Threshold:
    if "=" not in text:
        raise click.BadParameter(f"{text!r}: write METRIC=VALUE, e.g. fact_accuracy=0.8")
    name, raw = (s.strip() for s in text.split("=", 1))
    valid = list(LOWER_BOUND_METRICS) + [m + "_max" for m in UPPER_BOUND_METRICS]
    if name not in valid:
        raise click.BadParameter(f"unknown metric {name!r}: one of {', '.join(valid)}")
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise click.BadParameter(f"{text!r}: {raw!r} is not a number") from None
    return Threshold(name, value)


def check_thresholds(summary: dict | None, thresholds: list[Threshold]) -> list[dict]:
    out = []
    for t in thresholds:
        value = (summary or {}).get(t.key)
        if value is None:
            ok, why = False, "not measured on this split"
        elif t.upper:
            ok, why = value <= t.value, f"{value} > {t.value}" if value > t.value else ""
        else:
            ok, why = value >= t.value, f"{value} < {t.value}" if value < t.value else ""
        out.append({"metric": t.metric, "threshold": t.value, "value": value, "ok": ok, "why": why})
    return out


# -- run metadata ----------------------------------------------------------------------------------------------
def settings_record(settings: Settings) -> tuple[dict, str]:
    """The settings (API key redacted) and a fingerprint of those that change answers (not paths)."""
    data = dataclasses.asdict(settings)
    if data["llm"].get("api_key"):
        data["llm"]["api_key"] = "***"
    behaviour = {
        "embedding": {k: v for k, v in data["embedding"].items() if k != "model_path"},
        "chunking": data["chunking"], "retrieval": data["retrieval"], "answer": data["answer"],
        "llm": {k: v for k, v in data["llm"].items() if k in ("provider", "model", "temperature", "max_tokens")},
        "index_fingerprint": settings.index_fingerprint(),
    }
    fp = hashlib.sha256(json.dumps(behaviour, sort_keys=True).encode()).hexdigest()[:12]
    return data, fp


def git_info() -> dict:
    def run(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", "-C", str(PROJECT_ROOT), *args], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    commit = run("rev-parse", "HEAD")
    status = run("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def llm_judge_note(settings: Settings) -> str:
    if settings.llm.provider:
        return (f"LLM-judged faithfulness: not run. An LLM is configured ({settings.llm.provider}"
                f"{' ' + settings.llm.model if settings.llm.model else ''}), so an LLM-judged faithfulness metric "
                "could be added; the core metrics above need no LLM.")
    return "LLM-judged faithfulness: not run: no LLM configured (the core metrics above need no LLM)."


def _loadavg() -> list[float] | None:
    """1/5/15-minute load averages: latency on a busy machine is not comparable with an idle one."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def _utc_run_id() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


# -- running -------------------------------------------------------------------------------------------------
def _progress(console, label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=False)


def run_engine(cases: list[Case], settings: Settings, console=None) -> tuple[list[dict], dict]:
    """Run the real pipeline on every case (after warm-up) and score it. Returns (results, run info)."""
    from .engine import get_engine

    t0 = time.perf_counter()
    engine = get_engine(settings)
    load_ms = (time.perf_counter() - t0) * 1000
    t1 = time.perf_counter()
    warm = getattr(engine, "warm", None)
    if callable(warm):
        warm()  # the app warms its sentence cache in the background; measure the steady state
    for q in WARMUP_QUESTIONS:
        engine.ask(q)
    warm_ms = (time.perf_counter() - t1) * 1000

    def chunk_text(cid: str) -> str | None:
        c = engine.retriever.by_id.get(cid)
        return c.text if c is not None else None

    results = []
    with _progress(console, "Eval (pipeline)") as bar:
        task = bar.add_task("cases", total=len(cases))
        for case in cases:
            answer, error = None, None
            t = time.perf_counter()
            try:
                answer = engine.ask(case.question, history=case.history or None).to_json()
            except AssistantError as exc:
                error = f"{type(exc).__name__}: {exc.message}"
            except Exception as exc:  # a crash on one case is a failed case, not a failed run
                error = f"{type(exc).__name__}: {exc}"
            wall = (time.perf_counter() - t) * 1000
            r = score_case(case, answer, chunk_text, error)
            r["wall_ms"] = round(wall, 1)
            results.append(r)
            bar.advance(task)
    # Evidence that is not in any indexed chunk (removed by cleaning, or a typo): a case-file problem.
    by_doc: dict[str, list[str]] = {}
    for c in engine.retriever.chunks:
        by_doc.setdefault(c.doc_id, []).append(c.text)
    warnings = []
    for case in cases:
        for e in case.evidence:
            if not any(passages_overlap(e.passage, t) for t in by_doc.get(e.doc_id, [])):
                warnings.append({"id": case.id, "split": case.split, "doc_id": e.doc_id, "passage": e.passage,
                                 "problem": "not in any indexed chunk of that document" if e.doc_id in by_doc else "document not indexed"})
    info = {"engine_load_ms": round(load_ms, 1), "warmup_ms": round(warm_ms, 1), "warmup_questions": list(WARMUP_QUESTIONS),
            "sentence_cache_warmed": callable(warm), "evidence_warnings": warnings, "manifest": engine.manifest}
    return results, info


def run_baseline(cases: list[Case], settings: Settings, console=None) -> tuple[list[dict], dict]:
    import tempfile

    from .baseline import build_baseline
    from .embedding import model_dir

    with tempfile.TemporaryDirectory(prefix="ofsted-baseline-") as tmp:
        baseline = build_baseline(settings.corpus_dir, persist_dir=tmp, model_path=str(model_dir(settings)))
        for q in WARMUP_QUESTIONS:
            baseline.ask(q)
        results = []
        with _progress(console, "Eval (LangChain baseline)") as bar:
            task = bar.add_task("cases", total=len(cases))
            for case in cases:
                answer, error = None, None
                try:
                    answer = baseline.ask(case.question, history=case.history)
                except Exception as exc:
                    error = f"{type(exc).__name__}: {exc}"
                results.append(score_case(case, answer, baseline.by_id.get, error))
                bar.advance(task)
        info = {"chunks": baseline.n_chunks, "build_ms": round(baseline.build_ms, 1), "chunk_size": 1000, "chunk_overlap": 200, "top_k": 4,
                "description": "LangChain tutorial RAG: RecursiveCharacterTextSplitter(1000, 200) + Chroma + HuggingFaceEmbeddings "
                               "(packaged all-MiniLM-L6-v2), top-4 similarity; answer = top chunk; never refuses"}
    return results, info


def ensure_index(settings: Settings) -> dict:
    """Ingest the corpus into the index at settings (incremental: cheap when nothing changed)."""
    from ingest import run_ingest

    rep = run_ingest(settings)
    return {"documents": rep.documents, "added": rep.added, "updated": rep.updated, "removed": rep.removed,
            "skipped": [dataclasses.asdict(s) for s in rep.skipped], "chunks_written": rep.chunks_written,
            "chunks_total": rep.chunks_total, "seconds": round(rep.seconds, 2)}


def eval_settings(settings: Settings, environ: dict | None = None) -> Settings:
    env = os.environ if environ is None else environ
    updates: dict[str, object] = {}
    if not env.get("OFSTED_TODAY"):
        updates["answer.today"] = PINNED_TODAY
    if settings.index.lock_wait_s < 300:
        updates["index.lock_wait_s"] = 300.0  # wait for someone else's ingest rather than fail
    return settings.replace(**updates) if updates else settings


def run_eval(
    settings: Settings,
    case_paths: Iterable[str | os.PathLike] = DEFAULT_CASE_FILES,
    split: str = "all",
    out_root: str | os.PathLike = REPORTS_DIR,
    previous: str | os.PathLike | None = None,
    with_baseline: bool = True,
    console=None,
) -> dict:
    """Everything `ofsted-assistant eval` does except printing and exiting; returns the report dict
    (its "_dir" says where the three files were written)."""
    from . import eval_report

    cases = load_cases(case_paths)
    if split != "all":
        cases = [c for c in cases if c.split == split]
    if not cases:
        raise CaseFileError(f"no cases to run for split {split!r}")
    settings = eval_settings(settings)
    started = _dt.datetime.now(_dt.timezone.utc)
    t0 = time.perf_counter()
    ingest_info = ensure_index(settings)
    load_before = _loadavg()
    results, info = run_engine(cases, settings, console)
    info["load_average"] = {"before": load_before, "after": _loadavg(), "cpus": os.cpu_count()}
    manifest = info.pop("manifest")
    baseline_block = None
    if with_baseline:
        b_results, b_info = run_baseline(cases, settings, console)
        baseline_block = {"info": b_info, "summary": summarise(b_results), "cases": b_results}
    settings_data, fingerprint = settings_record(settings)
    out_root = Path(out_root)
    run_id = _utc_run_id()
    out_dir = out_root / run_id
    n = 1
    while out_dir.exists():
        n += 1
        out_dir = out_root / f"{run_id}-{n}"
    report = {
        "run_id": out_dir.name,
        "started_at": started.replace(microsecond=0).isoformat(),
        "seconds": None,
        "split": split,
        "case_files": [str(p) for p in case_paths],
        "settings": settings_data,
        "settings_fingerprint": fingerprint,
        "index_fingerprint": settings.index_fingerprint(),
        "collection": settings.collection_name(),
        "today": settings.answer.today,
        "mode": settings.answer.mode,
        "corpus_version": manifest.corpus_version(),
        "documents": {k: dataclasses.asdict(v) for k, v in sorted(manifest.docs.items())},
        "git": git_info(),
        "python": sys.version.split()[0],
        "ingest": ingest_info,
        "run": info,
        "summary": summarise(results),
        "cases": results,
        "baseline": baseline_block,
        "llm_judge": llm_judge_note(settings),
        "comparison": None,
    }
    prev_path = resolve_report_path(previous) if previous else find_previous_report(out_root)
    if prev_path is not None:
        prev = json.loads(prev_path.read_text(encoding="utf-8"))
        prev["_path"] = str(prev_path)
        report["comparison"] = compare_reports(prev, report)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    out_dir.mkdir(parents=True, exist_ok=False)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    (out_dir / "report.md").write_text(eval_report.render_markdown(report), encoding="utf-8")
    (out_dir / "report.html").write_text(eval_report.render_html(report), encoding="utf-8")
    report["_dir"] = str(out_dir)
    return report


# -- CLI ---------------------------------------------------------------------------------------------------
@click.command("eval")
@click.option("--cases", "case_files", multiple=True, type=click.Path(dir_okay=False), help="Case file (repeatable). Default: eval/cases/dev.yaml and eval/cases/heldout.yaml.")
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True, help="Which cases to run.")
@click.option("--out", "out_root", type=click.Path(file_okay=False), default=str(REPORTS_DIR), show_default=True, help="Reports folder; each run writes a <UTC timestamp>/ folder in it.")
@click.option("--baseline", "previous", type=click.Path(exists=True), help="Earlier report.json (or its folder) to compare with. Default: the latest earlier run in the reports folder.")
@click.option("--no-baseline-pipeline", is_flag=True, help="Skip the LangChain tutorial baseline row.")
@click.option("--fail-under", "fail_under", multiple=True, metavar="METRIC=VALUE", help="Fail (exit 9) when METRIC is below VALUE (or above, for *_max metrics such as unsupported_citations_max). Repeatable.")
@click.option("--fail-split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True, help="Split the thresholds are checked on.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON (progress goes to stderr).")
@click.pass_context
def eval_cmd(ctx, case_files, split, out_root, previous, no_baseline_pipeline, fail_under, fail_split, as_json) -> None:
    """Score the assistant on the eval cases; write report.json/.md/.html to eval/reports/<UTC timestamp>/.

    Exit codes: 0 done (and every --fail-under threshold met), 9 a threshold failed, 2 bad case file or
    option, 5 no index and no corpus to build it.
    """
    from rich.console import Console

    from . import eval_report

    thresholds = [parse_threshold(t) for t in fail_under]
    settings = (ctx.obj or {}).get("settings") if ctx.obj else None
    settings = settings or Settings.from_env()
    err_console = Console(stderr=True)
    out_console = Console() if not as_json else err_console
    report = run_eval(
        settings,
        case_paths=case_files or DEFAULT_CASE_FILES,
        split=split,
        out_root=out_root,
        previous=previous,
        with_baseline=not no_baseline_pipeline,
        console=err_console,
    )
    target = split_summary(report["summary"], fail_split)
    if target is None and thresholds:
        raise click.UsageError(f"--fail-split {fail_split}: this run has no {fail_split} cases")
    checks = check_thresholds(target, thresholds)
    report_dir = report["_dir"]
    if as_json:
        click.echo(json.dumps(eval_report.summary_json(report, checks), indent=2, default=str))
    else:
        eval_report.print_console(report, out_console)
        out_console.print(f"\nReports: {report_dir}/report.md, report.html, report.json")
    failed = [c for c in checks if not c["ok"]]
    for c in checks:
        mark = "ok  " if c["ok"] else "FAIL"
        err_console.print(f"threshold {mark} {c['metric']}={c['threshold']} on {fail_split}: {c['value']}" + (f" ({c['why']})" if c["why"] else ""), highlight=False)
    if failed:
        err_console.print(f"[red]{len(failed)} threshold(s) failed: {', '.join(c['metric'] for c in failed)}[/red]")
        sys.exit(THRESHOLD_EXIT_CODE)
