"""Does a passage sentence say yes or no to what the question asks, and does it contradict what the question
takes for granted? Pure functions over text, unit-tested; the engine uses them for the "Yes -"/"No -" lead
and for refusing a false premise.

A wrong "Yes" about an inspection rule can hurt someone, so these rules are conservative: when the
sentences that answer disagree, or the polarity cannot be told, there is no yes/no lead at all and the
quoted sentences speak for themselves.
"""

from __future__ import annotations

import re

from .text import normalise, words

NEGATION = re.compile(
    r"\b(not|no|never|cannot|can't|mustn't|shouldn't|isn't|aren't|won't|don't|doesn't|nor|neither|unable)\b", re.I
)

# Obligation and its opposite. "Is it compulsory?" answered by "attendance is voluntary" is a No.
OBLIGATION = re.compile(
    r"\b(compulsory|mandatory|obligatory|required|requirement|have to|has to|had to|must|obliged|need to|needs to|"
    r"forced to|expected to attend|made to)\b",
    re.I,
)
OPTIONAL = re.compile(
    r"\b(voluntary|optional|an option|the option|at (?:their|your|his|her) discretion|choose whether|"
    r"not required|don't have to|do not have to|does not have to|doesn't have to|free to)\b",
    re.I,
)
# Joining versus leaving a role ("why does the union want heads to become inspectors?" / "step down").
JOIN = re.compile(r"\b(become|becoming|join|joining|sign up|signing up|apply|applying|take up|volunteer as|serve as)\b", re.I)
LEAVE = re.compile(r"\b(step down|stepping down|stand down|resign|resigning|quit|quitting|leave (?:the|their|your) role)\b", re.I)

#: How a yes/no question opens ("Can I ...?", "so is it ...?"); answer.question_kind uses it too.
YES_NO_START = re.compile(
    r"^(?:so |and |but |ok |okay |then )?(can|could|may|might|is|are|am|do|does|did|will|would|should|shall|has|have|must|was|were)\b",
    re.I,
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "forty-two": 42,
}


def is_yes_no(question: str) -> bool:
    """Does the question ask yes or no ("Can I ...?", "Is it ...?"), rather than take something for granted?"""
    return bool(YES_NO_START.search(normalise(question).strip()))


def polarity(question: str, sentence: str) -> int:
    """+1 when the sentence says yes to the question, -1 when it says no, 0 when that cannot be told."""
    q, s = normalise(question), normalise(sentence)
    if NEGATION.search(q):
        return 0  # "Can't I ...?" / "Is it not ...?": a yes or a no would be ambiguous
    if OBLIGATION.search(q):  # "Do I have to ...?" / "Is it compulsory?"
        if OPTIONAL.search(s):
            return -1
        if OBLIGATION.search(s):
            return -1 if NEGATION.search(s) else 1
        return 0  # "you can ..." does not answer "must I ...?"
    if OPTIONAL.search(q):  # "Is it optional?"
        if OPTIONAL.search(s):
            return 1
        if OBLIGATION.search(s):
            return 1 if NEGATION.search(s) else -1
    if JOIN.search(q) and LEAVE.search(s):
        return -1
    return -1 if NEGATION.search(s) else 1


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


# Only these adjectives assert an obligation as a premise ("since the meeting is compulsory"); "what do I have
# to do", "what is required of the head" and "who is required to attend" are real questions, and so is a
# question whose subject is the wh-word ("which staff are compulsory at ...?").
_OBLIGATORY_ADJ = re.compile(r"\b(compulsory|mandatory|obligatory)\b", re.I)
_ASKS_WHAT_IS_OBLIGATORY = re.compile(
    r"^(?:what|who|which(?:\s+[\w-]+){0,2})\s+(?:is|are|was|were)\s+(?:now\s+|actually\s+)?(?:compulsory|mandatory|obligatory)\b", re.I
)


def contradicted_premise(question: str, sentence: str, near: bool = True, named_source: bool = False) -> str | None:
    """When the question takes for granted something the sentence contradicts, say what; else None.

    Only for questions that assert (wh-questions, statements), not for yes/no questions, which ask.
    `near`: the sentence is one of the best few for the question; `named_source`: it comes from the kind of
    source the question names ("why does the union want ...").
    - obligation: "Since the meeting is compulsory, ..." vs "Attendance ... is voluntary";
    - joining vs leaving: "why does the union want heads to become inspectors" vs "step down from serving";
    - "all N (are) done" vs "M out of N" (M < N): "now all 132 actions are done" vs "42 out of 132 completed";
    - existence: "how much is the inspection fee" vs "there is no separate inspection fee".
    """
    if is_yes_no(question):
        return None
    q, s = normalise(question), normalise(sentence)
    q_negated = bool(NEGATION.search(q))
    # "all N ... done": the question asserts that all N are complete ("what are all 132 actions?" asserts nothing)
    m = re.search(
        r"\ball (?:of )?(?:the )?(\d+)\b(?:\s+[\w'-]+){0,6}?\s+(?:done|completed?|finished|delivered|achieved|met|fulfilled|in place)\b",
        q,
        re.I,
    )
    if m:
        total = int(m.group(1))
        for part, whole in re.findall(r"\b([\w-]+)\s+(?:out\s+)?of\s+(?:the\s+)?(\d+)\b", s, re.I):
            n = _number(part)
            if int(whole) == total and n is not None and n < total:
                return f"not all {total}: the source says {part.lower()} out of {total}"
    if not near or q_negated:
        return None
    if _OBLIGATORY_ADJ.search(q) and not _ASKS_WHAT_IS_OBLIGATORY.search(q.strip()) and OPTIONAL.search(s):
        return f"the source says it is {OPTIONAL.search(s).group(1).lower()}, not {_OBLIGATORY_ADJ.search(q).group(1).lower()}"
    if named_source and JOIN.search(q) and LEAVE.search(s) and not LEAVE.search(q):
        return f"that source urges the opposite: to {LEAVE.search(s).group(1).lower()}"
    # "how much is the inspection fee" / "what is the fee" vs "there is no (separate) inspection fee"
    if re.search(r"^(how much|what|which|when|who|how)\b", q.strip(), re.I):
        for m in re.finditer(r"\bno (?:(?:separate|additional|extra|such|formal)\s+)?((?:[a-z]+\s+)?[a-z]+)\b", s.lower()):
            head = m.group(1).split()[-1]
            if len(head) > 2 and head in words(q):
                return f"the source says there is {m.group(0)}"
    return None
