"""Follow-up condensation (rule-based, default mode): "what about governors?" after a question about
meetings becomes a standalone question built from the conversation.

Returns (standalone question, focus): the standalone question drives retrieval; the focus (the follow-up's
own words) is weighted up when choosing answer sentences, so the answer is about governors, not meetings.
"""

from __future__ import annotations

import re

from .text import content_terms

_FOLLOWUP_START = re.compile(
    r"^(what about|how about|and (what|if|for|about|when|who|how|is|are|can|do|does)?|what if|same for|also|"
    r"is (that|it|this|there)|are (they|there|those)|does (that|it|this)|do (they|these|those)|can (they|he|she|it)|"
    r"did (he|she|they|it)|who can|what does it|where are|when does it|and\b|but\b|so\b|ok\b|okay\b)",
    re.I,
)
_PRONOUN = re.compile(r"\b(it|that|this|they|them|these|those|he|she|his|her|one|there)\b", re.I)


def is_followup(question: str, history: list[dict]) -> bool:
    if not any(t.get("role") == "user" for t in history):
        return False
    q = question.strip()
    terms = content_terms(q)
    if _FOLLOWUP_START.match(q):
        return True
    return len(terms) <= 3 and bool(_PRONOUN.search(q))


def condense(question: str, history: list[dict]) -> tuple[str, str]:
    if not history or not is_followup(question, history):
        return question, question
    previous = [t["content"] for t in history if t.get("role") == "user" and t.get("content")]
    if not previous:
        return question, question
    prev = previous[-1].strip().rstrip("?")
    follow = question.strip()
    return f"{follow} (following on from: {prev}?)", follow
