"""A question that reports a rule and asks whether it holds, asked as the yes/no question it is.

Staff check what they have heard: "is it true heads can now refuse an inspection?", "my friend says heads can
ask for a pause, is that right?", "FYI Ofsted updated the handbook so staff can now record meetings. Please
confirm that's the rule now." What is asked is the rule itself ("can heads refuse an inspection?"), and the
answer is the one the documents give to that: yes with the passage that says so, no with the passage that
says otherwise, or that they do not say. Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answer import named_authorities, without_asker

#: "is it true (that)", "am I right (in thinking) (that)": a wrapper before the claim.
_ASKS_IF = (
    r"(?:is it (?:true|right|correct|the case|so)|am i right(?: in thinking| to think)?|is it right|"
    r"do i understand (?:correctly|right)|can you confirm|could you confirm|please confirm|pls confirm|confirm)"
    r"(?:\s*,)?\s+(?:that\s+)?"
)
#: "I heard (that)", "my friend says", "someone told me", "apparently", "FYI": a claim reported.
_REPORTED = (
    r"(?:fyi[,:]?|apparently[,:]?|so|ok|okay|hi|hey|quick one[,:]?)?\s*"
    r"(?:(?:i(?:'ve| have)?|we(?:'ve| have)?)\s+(?:just\s+)?(?:heard|read|been told|seen)|(?:i|we)\s+(?:was|were)\s+told|"
    r"(?:some(?:one|body)|a (?:friend|colleague|head|teacher|governor)|my [\w-]+(?: [\w-]+)?|our [\w-]+(?: [\w-]+)?|the [\w-]+)"
    r"\s+(?:told (?:me|us)|said|says|reckons|mentioned|claims)|apparently|fyi|word is)(?:\s*,)?\s+(?:that\s+)?"
)
#: "..., is that right?", "... Please confirm that's the rule now.", "... true?": asking whether it holds.
_CONFIRM_TAIL = re.compile(
    r"[\s,.;:!-]*(?:\b(?:is|was)\s+(?:that|this|it)\s+(?:true|right|correct|so|the case|the rule(?: now)?|still the case)|"
    r"\b(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+|pls\s+)confirm(?:\s+(?:that|this|it))?(?:'s| is)?"
    r"(?:\s+(?:true|right|correct|the rule(?: now)?))?|"
    r"\b(?:true|right|correct|yes|confirm)\b)\s*[?.!]*\s*$",
    re.I,
)

#: What a claim's rule turns on, and how the yes/no question starts: "heads can now refuse" -> "can heads refuse".
_MODAL = re.compile(
    r"\b(?P<modal>can|could|may|must|should|will|have to|has to|need to|needs to|are|is)\s+"
    r"(?:now\s+|still\s+|also\s+|actually\s+|officially\s+)*(?P<rest>[^.?!;]+)",
    re.I,
)
#: Words that end a subject on its left: what comes before them is not who the rule is about.
_BEFORE_SUBJECT = frozenset(
    "so that and but because since as if when now then which who where while though although or fyi apparently "
    "heard read told said says say reckons claims mentioned me us updated changed confirmed announced changes updates".split()
)
#: Words a subject cannot be (a clause's verb or a pronoun that points back: "that is", "it can").
_NOT_SUBJECT = frozenset("it this that there what which who is are was were be been do does did has have had".split())
_NEGATED = re.compile(r"\b(?:not|no|never|cannot|can't|cant|mustn't|shouldn't|won't|isn't|aren't|don't|doesn't|nobody|none)\b", re.I)
#: "..., right?", "... true?": a bare tag, which asks to confirm only a claim that opens with its rule.
_BARE_TAG = re.compile(r"^[\s,.;:!-]*(?:true|right|correct|yes|confirm)\s*[?.!]*\s*$", re.I)


@dataclass(frozen=True)
class Claim:
    """A reported claim: its text as the asker gave it, and the same rule as a yes/no question; `sources`: the
    kinds of source the asker says state it ("the NEU guidance says ..." -> union), if they name any."""

    text: str
    question: str
    sources: frozenset[str] = frozenset()
    #: something a body is said to have done ("the NEU ballot to boycott inspections has passed"), not a rule:
    #: declined only when the documents never mention it (a "no" to a rule has no counterpart here)
    event: bool = False
    #: what the event is of ("the NEU ballot to boycott inspections"): when the documents never mention it, neither
    #: can they say it happened
    about: str = ""


def _as_yes_no(claim: str) -> str | None:
    """"heads can now refuse an inspection outright" -> "can heads refuse an inspection outright?"; None when
    the claim states no rule with a subject of its own, or states it negatively ("staff can't ...": a yes or no
    to the positive question would read as the opposite answer to what was asked)."""
    for m in _MODAL.finditer(claim):
        left = re.findall(r"[\w'-]+", claim[: m.start()])
        subject: list[str] = []
        for w in reversed(left[-5:]):
            if w.lower() in _BEFORE_SUBJECT:
                break
            subject.insert(0, w)
        if not subject or subject[-1].lower() in _NOT_SUBJECT or len(subject) > 4:
            continue
        rest = m.group("rest").strip(" ,")
        said = re.findall(r"[\w'-]+", rest)
        if not said or _NEGATED.search(" ".join(subject + said[:2])):
            return None
        modal = m.group("modal").lower()
        if modal in ("have to", "need to"):
            head, modal = "do", modal
        elif modal in ("has to", "needs to"):
            head, modal = "does", modal.replace("has", "have").replace("needs", "need")
        else:
            head, modal = modal, ""
        words = " ".join(subject)
        words = words if re.match(r"[A-Z]{2,}|Ofsted|I\b", words) else words[0].lower() + words[1:]
        return " ".join(x for x in (head, words, modal, rest) if x) + "?"
    return None


def reported_claim(question: str) -> Claim | None:
    """The rule a question reports and asks about, as a yes/no question; None when the question is not of that
    shape. The whole question must be the claim and its wrapper ("is it true ...", "I heard ..., is that
    right?"): a claim followed by a question of its own is left alone."""
    q = question.strip()
    tail = _CONFIRM_TAIL.search(q)
    body = q[: tail.start()] if tail else q.rstrip(" ?")
    asks_if = re.match(rf"^\s*{_ASKS_IF}", body, re.I)
    lead = asks_if or re.match(rf"^\s*{_REPORTED}", body, re.I)
    if not tail and not asks_if:
        return None  # "I heard X. What about Y?": the question is Y
    if lead and named_authorities(body[: lead.end()]):
        return None  # "the NEU says leaders should ..., is that right?": whether that source says it (a perspective)
    claim = body[lead.end():] if lead else body
    claim = claim.strip(" ,.;:-")
    if "?" in claim or not claim:
        return None
    sentences = [s for s in re.split(r"(?<=[.!])\s+", claim) if s.strip()]
    claim = sentences[-1].strip(" .!") if len(sentences) > 1 and not _MODAL.search(sentences[0]) else " ".join(sentences).strip(" .!")
    asked = _as_yes_no(claim)
    rule = _MODAL.search(claim)
    opens_with_rule = rule is not None and 1 <= len(re.findall(r"[\w'-]+", claim[: rule.start()])) <= 4
    if asked is None or (not lead and _BARE_TAG.match(tail.group(0)) and not opens_with_rule):
        return None  # a bare tag ("..., right?"): only when the claim opens with its rule ("staff can bring ...")
    return Claim(text=claim, question=asked)


#: "Now that / since / given that <rule>, <question>": a rule the question takes for granted before it asks.
#: A document the question cites for the rule: "the handbook update says", "the new guidance states".
_DOC_SAYS = (r"(?:the\s+|our\s+)?(?:(?:neu|naht|ascl|union|unions|ofsted)(?:'s|\u2019s)?\s+)?(?:new\s+|updated\s+|latest\s+|january\s+)?"
             r"(?:handbook|rules?|guidance|advice|framework|policy|regulations?|law)"
             r"(?:\s+updates?)?\s+(?:now\s+)?(?:says?|states?|said|makes? clear)\s+")
_PREMISE = re.compile(
    rf"^\s*(?:(?:now that|now|since|given that|given|seeing as|seeing that|because|as)\s+|(?={_DOC_SAYS}))(?P<claim>[^?]{{8,200}}?)"
    r"(?:\s*,\s*|\s+[-\u2013\u2014]\s+)(?P<ask>(?:so\s+)?(?:(?:from|by|on|at|in|for|until|till)\s+(?=wh))?(?:how|hows|how's|what|whats|what's|which|who|when|where|why|can|could|should|do|does|will|would|is|are)\b[^?]*\??)\s*$",
    re.I,
)
#: "the handbook says (that)", "the rules now say", "it's been confirmed that": who is said to state the rule, not the rule.
_SAYS_LEAD = re.compile(rf"^{_DOC_SAYS}(?:that\s+)?|^it(?:'s| is| has) been (?:confirmed|announced|agreed|decided) (?:that\s+)?", re.I)
#: "the NEU says ...", "HMCI reckons ...": a source named for the premise.
_SAID_BY = re.compile(r"^(?P<who>.{0,40}?)\s+(?:says?|said|claims?|thinks?|reckons?|wants?|told|tells)\b", re.I)
#: "the January update lets us share ...", "the handbook now allows heads to ...": a rule given by what grants it.
_LETS = re.compile(r"^.{0,60}?\b(?:now\s+)?(?:lets|allows|permits|entitles)\s+(?P<who>us|schools|(?:the\s+|our\s+)?(?:deputy\s+|assistant\s+)?heads?|headteachers?|deputies|(?:senior\s+)?leaders|slt|staff|teachers|tas|governors|trustees|parents|you)\s+(?:to\s+)?", re.I)
#: What makes a premise a rule rather than the asker's circumstances ("the head is off sick").
_RULE_WORDS = re.compile(
    r"\b(?:can|may|must|should|have to|has to|need to|needs to|allowed|permitted|entitled|compulsory|mandatory|"
    r"obligatory|optional|voluntary|required|accepted|banned|forbidden|rules?|handbook)\b", re.I)
#: "the NEU ballot to boycott inspections has passed", "Ofsted has stopped grading schools": a body's doing, in the
#: perfect or the passive, which asks as "has/is <subject> <rest>?".
_EVENT = re.compile(
    r"^(?P<subject>[\w'\u2019 -]{3,80}?)\s+(?P<aux>has|have|had|is|are|was|were)\s+(?:now\s+|finally\s+|officially\s+|just\s+|already\s+)*"
    r"(?P<rest>(?:been\s+)?(?:[a-z]+(?:ed|en|wn)|won|lost|made|got|set|put|cut|left|told|held|paid|said|begun|run|gone|done|become|"
    r"brought|bought|thought|taught|sent|spent|built|kept|shut)\b[^.?!;]*)$", re.I)
#: Bodies whose doings a premise can report, besides the kinds of source `named_authorities` knows.
_BODY = re.compile(r"\b(?:ofsted|hmci|chief inspector|government|dfe|department for education|ministers?|labour|parliament|mps)\b", re.I)
_CONTRACTIONS = ((r"\b(we|they|you)'re\b", r"\1 are"), (r"\b(it|he|she|that)'s\b", r"\1 is"), (r"\bI'm\b", "I am"))


def premise_claim(question: str) -> Claim | None:
    """The rule a question takes for granted before it asks something else ("Now that the handbook says we're
    allowed to tell parents the outcome, how should we word the letter?" -> "are we allowed to tell parents the
    outcome?"), as a yes/no question: the question is answered only if the documents do not say no to it. None
    when the question does not open with a rule of that shape, or names a source for it ("since the NEU says
    ...": whether that source says it is a perspective)."""
    m = _PREMISE.match(without_asker(question.strip()))  # (after "chair of govs:" or "HT here -")
    if not m:
        return None
    claim = m.group("claim").strip(" ,.;:")
    who = _SAID_BY.match(claim)
    said = _SAYS_LEAD.match(claim)
    sources = frozenset(named_authorities(who.group("who"))) if who else frozenset()
    if sources and not said:
        return None  # "since the NEU wants ...": whether that source says it is a perspective
    # "the NEU guidance says by law we have to ...": a rule that source's document is said to state, checked against it
    claim = claim[said.end():] if said else claim
    claim = re.sub(r"^(?:by law|legally|officially)\s*,?\s+", "", claim, flags=re.I)
    if (lets := _LETS.match(claim)):  # "the update lets us share X" -> "we can share X"
        who = lets.group("who").lower()
        claim = f"{'we' if who == 'us' else who} can {claim[lets.end():]}"
    if not said and not _RULE_WORDS.search(claim):
        # "now that the NEU ballot to boycott inspections has passed, ...": something a body is said to have done
        # (not "since the head is off sick, ...": the asker's circumstances)
        if (ev := _EVENT.match(claim)) and (named_authorities(ev.group("subject")) or _BODY.search(ev.group("subject"))):
            asked = f"{ev.group('aux').lower()} {ev.group('subject')} {ev.group('rest')}?"
            return Claim(text=m.group("claim").strip(" ,.;:"), question=asked, sources=sources, event=True, about=ev.group("subject"))
        return None
    for pattern, repl in _CONTRACTIONS:
        claim = re.sub(pattern, repl, claim, flags=re.I)
    asked = _as_yes_no(claim)
    return Claim(text=m.group("claim").strip(" ,.;:"), question=asked, sources=sources) if asked else None


#: When something is claimed to happen: "until after easter 2025", "in september", "before the summer".
_CLAIMED_WHEN = re.compile(
    r"\b(?:until|till|before|after|since|from|in|by|during)\s+(?:after\s+|before\s+)?(?:the\s+)?(?:early\s+|late\s+|mid[- ]?)?"
    r"(?:(?:19|20)\d{2}\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"easter|christmas|half[- ]term|(?:the\s+)?(?:summer|autumn|spring)(?:\s+term)?\b|new year)", re.I)


def claims_when(question: str) -> bool:
    """Whether a question reports when something happens and asks to confirm it: "someone said the trials didn't
    start until after easter 2025 - is that right?" (what answers it is the date the documents give)."""
    q = question.strip()
    tail = _CONFIRM_TAIL.search(q)
    if not tail and not re.match(rf"^\s*{_ASKS_IF}", q, re.I):
        return False
    return bool(_CLAIMED_WHEN.search(q[: tail.start()] if tail else q))

