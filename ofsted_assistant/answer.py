"""The extractive answer: choose the sentences that answer the question from the top passages and compose
a short answer that leads with the direct answer, with a [n] marker after each sentence.

Deterministic, no LLM. Every sentence in the answer is a verbatim sentence of a retrieved passage (an
optional lead such as "Yes -" or "Up to 5 working days -" is itself a phrase of the cited sentence), so
each claim is supported by construction; `citations.check_answer` still verifies it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from .retrieval import Hit
from .text import content_terms, normalise, split_sentences, words

_YES_NO = re.compile(
    r"^(?:so |and |but |ok |okay )?(can|could|may|might|is|are|am|do|does|did|will|would|should|shall|has|have|must|was|were)\b",
    re.I,
)
_NEGATIVE = re.compile(r"\b(not|no|never|cannot|can't|mustn't|shouldn't|isn't|aren't|won't)\b", re.I)
_DURATION = re.compile(
    r"\b((?:up to|within|at least|at most|more than|over|about|around|just|only)?\s*(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half a)\s+(?:working\s+)?(?:days?|day’s|weeks?|months?|years?|hours?|terms?))\b",
    re.I,
)
_TIME = re.compile(r"\b(\d{1,2}[.:]\d{2}\s*(?:am|pm)|\d{1,2}\s*(?:am|pm))\b", re.I)
_DATE = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|(?:in|during|throughout|later in|early)\s+(?:the\s+)?(?:\d{4}(?:-\d{2})?|January|February|March|April|May|June|July|August|September|October|November|December|the year|the term))\b",
    re.I,
)
_COUNT = re.compile(r"\b(\d+|[Ff]orty-two|just under a third)\b(?:\s+(?:out of|of)\s+\d+)?")


@dataclass
class Candidate:
    hit: Hit
    hit_rank: int
    start: int  # within the chunk text
    end: int
    text: str
    sim: float = 0.0
    lex: float = 0.0
    focus: float = 0.0
    score: float = 0.0
    vec: np.ndarray | None = None


@dataclass
class Draft:
    sentences: list[Candidate] = field(default_factory=list)
    lead: str = ""
    evidence: float = 0.0  # best evidence score, for the refusal threshold
    best: Candidate | None = None


def question_kind(question: str) -> str:
    q = normalise(question).lower().strip()
    if re.search(r"\bhow long\b|\bhow many (days|weeks|months|years|hours)\b|\bhow much notice\b", q):
        return "duration"
    if re.search(r"\bwhat time\b|\bcut[- ]?off\b|\bdeadline\b|\bby when\b", q):
        return "time"
    if re.search(r"^when\b|\bwhen (is|was|did|do|does|will|are)\b|\bwhat date\b|\bwhich date\b", q):
        return "date"
    if re.search(r"\bhow many\b|\bhow much\b|\bwhat number\b", q):
        return "count"
    if _YES_NO.search(q):
        return "yesno"
    return "open"


def idf_weights(terms: list[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    return {t: math.log(1 + (n_docs + 1) / (df.get(t, 0) + 0.5)) for t in terms}


def score_candidates(
    question: str,
    focus_question: str,
    hits: list[Hit],
    qvec: np.ndarray,
    embed,
    df: dict[str, int],
    n_docs: int,
) -> list[Candidate]:
    """Score every sentence of the retrieved passages against the question."""
    cands: list[Candidate] = []
    for rank, hit in enumerate(hits):
        text = hit.chunk.text
        for s, e in split_sentences(text):
            sent = text[s:e]
            if len(words(sent)) < 4:
                continue
            cands.append(Candidate(hit, rank, s, e, sent))
    if not cands:
        return cands
    vecs = embed([c.text for c in cands])
    qterms = list(dict.fromkeys(content_terms(question)))
    fterms = list(dict.fromkeys(content_terms(focus_question))) if focus_question != question else []
    w = idf_weights(qterms + fterms, df, n_docs)
    total = sum(w[t] for t in qterms) or 1.0
    ftotal = sum(w[t] for t in fterms) or 1.0
    top_fused = max(h.fused for h in hits) or 1.0
    kind = question_kind(question if focus_question == question else focus_question)
    answer_type = {"duration": _DURATION, "time": _TIME, "date": _DATE, "count": _COUNT}.get(kind)
    for c, v in zip(cands, vecs):
        c.vec = v
        terms = set(content_terms(c.text)) | set(content_terms(" ".join(c.hit.chunk.heading_path)))
        c.sim = float(v @ qvec)
        c.lex = sum(w[t] for t in qterms if t in terms) / total
        c.focus = sum(w[t] for t in fterms if t in terms) / ftotal if fterms else 0.0
        passage = 0.5 * (c.hit.fused / top_fused) + 0.5 * max(c.hit.dense, 0.0)
        c.score = 0.5 * c.sim + 0.3 * c.lex + 0.2 * passage + (0.25 * c.focus if fterms else 0.0)
        if answer_type is not None and answer_type.search(c.text):
            c.score += 0.1  # the sentence has the kind of answer asked for (a duration, a time, a date, a number)
    return cands


def select(cands: list[Candidate], max_sentences: int, relative: float = 0.8) -> list[Candidate]:
    """Best sentence first, then the next best that add something (MMR), from any passage; at most one
    sentence per authority group is kept below the bar if it is close, so disagreeing sources both appear."""
    if not cands:
        return []
    ranked = sorted(cands, key=lambda c: c.score, reverse=True)
    best = ranked[0]
    chosen = [best]
    bar = best.score * relative
    for c in ranked[1:]:
        if len(chosen) >= max_sentences:
            break
        if c.score < bar:
            break
        redundancy = max(float(c.vec @ d.vec) for d in chosen)
        if redundancy > 0.8:
            continue
        chosen.append(c)
    # A different kind of source (official vs union/news/commentary) that answers nearly as well: its view too.
    groups = {_group(c) for c in chosen}
    if len(chosen) < max_sentences + 1:
        for c in ranked[1:]:
            if c in chosen or _group(c) in groups:
                continue
            if c.score >= best.score * 0.85 and c.sim >= best.sim * 0.85:
                chosen.append(c)
                groups.add(_group(c))
            break
    return chosen


def _group(c: Candidate) -> str:
    return "official" if c.hit.chunk.meta.authority == "official" else c.hit.chunk.meta.authority


def lead_for(question: str, best: Candidate) -> str:
    """A short direct answer taken from the best sentence: "Yes", "No", "Up to 5 working days", "4.30 pm"."""
    kind = question_kind(question)
    text = best.text
    if kind == "yesno":
        if best.lex < 0.34:
            return ""  # not confident the sentence is about what was asked
        q_neg = bool(_NEGATIVE.search(question))
        s_neg = bool(_NEGATIVE.search(text))
        if q_neg:
            return ""
        return "No" if s_neg else "Yes"
    pattern = {"duration": _DURATION, "time": _TIME, "date": _DATE, "count": _COUNT}.get(kind)
    if pattern is None:
        return ""
    m = pattern.search(text)
    if not m:
        return ""
    phrase = " ".join(m.group(1).split())
    return phrase[0].upper() + phrase[1:]
