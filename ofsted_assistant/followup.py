"""Follow-up condensation (rule-based, default mode): "what about governors?" after a question about
meetings becomes a standalone question built from the conversation.

Returns (standalone question, focus): the standalone question drives retrieval; the focus (the follow-up's
own words) is weighted up when choosing answer sentences, so the answer is about governors, not meetings.
"""

from __future__ import annotations

import re
from typing import Callable

from .text import content_terms

_FOLLOWUP_START = re.compile(
    r"^(what about|how about|and (what|if|for|about|when|who|how|is|are|can|do|does)?|what if|same for|also|"
    r"is (that|it|this|there)|are (they|there|those)|does (that|it|this)|do (they|these|those)|can (they|he|she|it)|"
    r"did (he|she|they|it)|who can|what does it|where are|when does it|and\b|but\b|so\b|ok\b|okay\b)",
    re.I,
)
_PRONOUN = re.compile(r"\b(it|that|this|they|them|these|those|he|she|his|her|one|there)\b", re.I)
#: "what were all those actions supposed to achieve?": things the conversation has named, pointed back at.
_THOSE = re.compile(r"\b(?:those|these)\s+(?!of\b)[a-z]{3,}", re.I)


def is_followup(question: str, history: list[dict]) -> bool:
    if not any(t.get("role") == "user" for t in history):
        return False
    q = question.strip()
    terms = content_terms(q)
    if _FOLLOWUP_START.match(q) or _THOSE.search(q):
        return True
    # "why?", "by when?", "who decides?": too few words of its own to be about anything but the conversation
    return (len(terms) <= 1 and len(q.split()) <= 3) or (len(terms) <= 3 and bool(_PRONOUN.search(q)))


_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?){1,2}\b")
_PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her)\b", re.I)


def last_person(history: list[dict], common: Callable[[str], bool]) -> str | None:
    """The person the conversation last named ("Steve Rollett of the Confederation of School Trusts warned ..."
    -> "Steve Rollett"): two or three capitalised words none of which the documents use as an ordinary
    lower-case word (`common`), so "Schools Week" or "Chief Inspector" are not taken for people. The first
    name in the latest turn that has one."""
    for turn in reversed(history):
        for m in _NAME.finditer(turn.get("content") or ""):
            name = _HONORIFIC.sub("", m.group(0))  # "Sir Martyn Oliver": "sir" is an ordinary word of the documents
            if " " in name and not any(common(w.lower()) for w in re.split(r"[\s-]+", name)):
                return m.group(0)
    return None


_HONORIFIC = re.compile(r"^(?:Sir|Dame|Lord|Lady|Baroness|Baron|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\s+")


def resolve_person(question: str, history: list[dict], common: Callable[[str], bool]) -> str:
    """"did he say anything about trusts?" -> "did Steve Rollett say anything about trusts?" (first pronoun)."""
    m = _PERSON_PRONOUN.search(question)
    if not m:
        return question
    name = last_person(history, common)
    if name is None:
        return question
    said = f"{name}'s" if m.group(1).lower() == "his" else name
    return question[: m.start()] + said + question[m.end() :]


def condense(question: str, history: list[dict], common: Callable[[str], bool] | None = None, force: bool = False) -> tuple[str, str]:
    """(standalone question, focus). `common(word)`: the word is an ordinary word of the documents (used to
    tell a person's name from other capitalised words when resolving "he"/"she"). `force`: read it as a follow-up
    even when it is not worded as one."""
    if not history or not (force or is_followup(question, history)):
        return question, question
    users = [i for i, t in enumerate(history) if t.get("role") == "user" and t.get("content")]
    if not users:
        return question, question
    # The question it follows, and - when that was a follow-up too ("who pays for it?") - the ones before it, back
    # to the one that set the topic ("What is the OI pilot?"), at most three: "when did it start?" is about the pilot.
    chain: list[str] = []
    for i in reversed(users):
        text = history[i]["content"]
        chain.append(text.strip().rstrip("?"))
        # a follow-up with a topic word or two of its own ("what about the feedback meeting?") is enough context
        if len(chain) >= 3 or not is_followup(text, history[:i]) or len(set(content_terms(text))) >= 2:
            break
    prev = "? ".join(chain)
    follow = question.strip()
    named = resolve_person(follow, history, common) if common else follow  # who "he" is helps find the passages
    # what the question followed on from did not name, its answer did: "something happening with inspectors on
    # 8 jan, what was it?" - "... a Mental Health awareness briefing ..."
    said = answer_lead(history[users[-1] + 1 :]) if _UNNAMED.search(history[users[-1]]["content"]) else ""
    return f"{named}{FOLLOWING_ON}{prev}?{' ' + said if said else ''})", follow


#: What joins a follow-up to the conversation it is read with, in the standalone question: "who can start one?
#: (following on from: how long can a pause last?)".
FOLLOWING_ON = " (following on from: "


#: A question that asks what something it does not name was: "... something happening on 8 jan, what was it?"
_UNNAMED = re.compile(r"\b(?:some sort of|some kind of|what was (?:it|that|this)|what(?:'s| is| was) (?:it|that|this) about)\b", re.I)
#: The attribution an answer opens with: "TT Education's summary (commentary) says: ".
_ATTRIBUTION = re.compile(r"^.{0,80}?\b(?:says|reports|said):\s+", re.I)


def answer_lead(turns: list[dict]) -> str:
    """The first sentence of the answer given to the question followed on from, without its attribution and
    citation marks: what "it" or "that" in the follow-up means when that question did not say (`_UNNAMED`).
    Nothing when the answer declined (it names no topic) or there is none."""
    text = next((t.get("content") or "" for t in turns if t.get("role") == "assistant"), "")
    if not text or text.startswith("The documents I have don't answer that."):
        return ""
    first = re.split(r"(?<=[.!?])\s+|\s*\[\d+\]", text.strip(), maxsplit=1)[0]
    first = _ATTRIBUTION.sub("", first).strip()
    return " ".join(first.split()[:30])
