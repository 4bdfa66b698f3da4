"""The extractive answer: choose the sentences that answer the question from the top passages and compose
a short answer that leads with the direct answer, with a [n] marker after each sentence.

Deterministic, no LLM. Every sentence in the answer is a verbatim sentence of a retrieved passage (an
optional lead such as "Yes -" or "Up to 5 working days -" is itself a phrase of the cited sentence), so
each claim is supported by construction; `citations.check_answer` still verifies it.
"""

from __future__ import annotations

import math
from functools import lru_cache
import re
from dataclasses import dataclass, field, replace

import numpy as np

from .guard import looks_like_instructions
from .polarity import OBLIGATION, OPTIONAL, PERSON_WORDS, YES_NO_START, act_position, asked_object, asked_role_and_action, existence, mentions_role, opposite_act, polarity, ROLES, restricting_phrases, role_is_subject
from .retrieval import ABBREVIATIONS, GLOSSARY, LESSER_VERSION, ORGANISATIONS, PHRASES, Hit, expand_query, glossary_for, phrase_equivalents, text_terms
from .spelling import english_zipf
from .text import MONTHS, MONTHS_SHORT, STOPWORDS, content_terms, date_mentions, dates, find_paragraph_refs, format_date, normalise, numbers, split_sentences, stem, words

_DURATION = re.compile(
    r"\b((?:up to|within|at least|at most|more than|over|about|around|just|only)?\s*(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half a)(?:\s+|-)(?:working\s+)?(?:days?|day’s|weeks?|months?|years?|hours?|terms?))\b",
    re.I,
)
_TIME = re.compile(r"\b(\d{1,2}[.:]\d{2}\s*(?:am|pm)|\d{1,2}\s*(?:am|pm))\b", re.I)
#: A month's name, as the patterns below match it.
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    r"\b((?:(?:the\s+)?week\s+(?:of|beginning|commencing)\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")(?:\s+\d{4})?|"
    r"(?:" + _MONTH + r")\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|"
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|(?:in|during|throughout|later in|early)\s+(?:the\s+)?(?:\d{4}(?:-\d{2})?|" + _MONTH + r"|the year|the term)|"
    r"(?:later )?(?:this|next) (?:term|year))\b",
    re.I,
)
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUM = (
    r"(?:\d[\d,]*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:%s))?|%s|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundreds|thousands|dozens)" % (_UNITS, _UNITS)
)
_FRACTION = r"(?:(?:just |nearly |almost |about |around |over |under |more than |less than )*(?:a|one|two) (?:third|quarter|half)s?|half|most|all|none)"
#: A number, with what it is out of when the sentence says ("Forty-two out of 132", "just under a third (42)").
_COUNT = re.compile(
    rf"\b((?:just |nearly |almost |about |around |over |under |more than |fewer than |less than )*(?!one\b){_NUM}\b(?:\s+(?:out of|of the|of)\s+{_NUM}\b)?"
    rf"|{_FRACTION}\s*\(\d[\d,]*\))",
    re.I,
)
#: A part of a whole: what "how many of the ...?" asks for.
_PROPORTION = re.compile(rf"\b{_NUM}\s+(?:out of|of the|of)\s+{_NUM}\b|\b{_FRACTION}\s*\(\d[\d,]*\)|\b\d+(?:\.\d+)?\s*(?:%|per ?cent)", re.I)

#: How long something goes on, said as when it ends: "throughout 2026", "until the end of the term".
_UNTIL = re.compile(
    r"\b(?:throughout|until|till|up to the end of|to the end of|for the rest of)\s+(?:the\s+(?:end of\s+)?)?"
    r"(?:\d{4}|" + _MONTH + r"|year|term|this term|next term)\b",
    re.I,
)
RELATIVE_DAY = re.compile(r"\b(today|this morning|this afternoon|this week)\b", re.I)
#: An amount of money: "£350 a day", "£1.2 million".
_MONEY = re.compile(r"((?:£|\$|€)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion|thousand))?(?:\s+(?:a|per)\s+(?:day|year|hour|week|month))?)", re.I)
#: Verbs a sentence names a speaker with ("Ian Hartwright ... warned", "Steve Rollett also told MPs").
_SAYING_VERBS = "said|says|warned|told|added|agreed|questioned|argued|claimed|explained|called|urged"
#: A person named in a sentence: "Ian Hartwright, from the ...", "Sir Martyn Oliver, said", "Steve Rollett also told
#: MPs", "Dame Christine Gilbert’s review". Capitalised words next to each other, before a comma, a verb of saying or
#: a possessive; `person_named` drops those that name a body or a title ("Ofsted Chief Inspector,").
_PERSON = re.compile(
    r"\b((?:(?:Sir|Dame|Dr|Professor|Lord|Baroness|Mr|Mrs|Ms)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)*)"
    rf"(?=\s*,|['\u2019]s\b|\s+(?P<says>{_SAYING_VERBS}|also|pointed|recommended|from)\b)")
#: Words that join a sentence to the one before ("But Rollett warned:"), not part of a name.
_JOINING = frozenset("but and however so yet".split())
#: Words of a body's name or a title, not a person's.
_NOT_A_NAME = frozenset(
    "ofsted chief inspector inspectors majesty his her association union committee education school schools trust trusts "
    "confederation national head teachers teacher big listen inquiry beyond conference report handbook department labour "
    "government annual ascl framework monday tuesday wednesday thursday friday january february march april june july "
    "august september october november december the this that he she they we it you i".split()) | _JOINING


def person_named(text: str) -> str | None:
    """The first person a sentence names ("Ian Hartwright, from the National Association of Head Teachers, warned
    ..." -> "Ian Hartwright"), not a body or a title ("Ofsted Chief Inspector, Sir Martyn Oliver" -> "Sir Martyn
    Oliver")."""
    for m in _PERSON.finditer(text):
        names, dropped = m.group(1).split(), []
        while names and names[0].lower() in _NOT_A_NAME:
            dropped.append(names.pop(0).lower())  # "Ofsted Chief Inspector, Sir ..." has no name before its comma
        # a surname alone when it speaks ("But Rollett warned:", "Hartwright said ..."; not "Schools Week said")
        alone = m.group("says") not in (None, "from", "also") and set(dropped) <= _JOINING
        if len(names) >= (1 if alone else 2) and not any(n.lower() in _NOT_A_NAME for n in names):
            return " ".join(names)
    return None


_SPEECH = frozenset("spoke speaks said says warned told gave testified speaking saying warning going banging talking talked mentioned raised".split())
_SAYING = re.compile(rf"\b(?:{_SAYING_VERBS}|pointed out)\b|:\s*[\u201c\"]", re.I)
#: A sentence that goes on with what the person last named said: "He said policymakers needed ...", "She also warned".
_SAID_AGAIN = re.compile(rf"^\W*(?:he|she)\s+(?:\w+\s+)?(?:{_SAYING_VERBS}|talked|spoke|pointed)\b", re.I)


def names_who_was_asked(question: str, text: str) -> bool:
    """Does the sentence name a person in the relation "who ...?" asks about: one who says something for "who spoke
    / warned / told ...?", the role asked for in "who is the chief inspector?" ("His Majesty's Chief Inspector, Sir
    Martyn Oliver"), the act itself for "who announced / chairs / wrote ...?" ("Announcing the pilot ..., Sir
    Martyn Oliver")? Not a person named for something else: "Dame Christine Gilbert recommended ... the Education
    Select Committee's reports" does not say who chairs the committee."""
    if person_named(text) is None:
        return False
    m = _ASKS_PERSON.search(question)
    if not m:
        return True
    asked = words(question[m.start():])[1:4]
    if asked[1:2] == ["it"]:  # "who was it (that was) going on about ...?": what the person did
        asked = [w for w in words(question[m.start():])[3:7] if w not in ("that", "who", "was", "is")][:3]
    elif asked[:1] in (["was"], ["is"]) and asked[1:2] and asked[1] in _SPEECH:  # "who was talking about ...?"
        asked = asked[1:]
    verb = asked[0] if asked else ""
    if verb in _SPEECH:
        return bool(_SAYING.search(text))
    stems = {stem(w) for w in words(text)}
    if verb in ("is", "was", "s"):  # "who is / who's the chief inspector?"
        role = next((w for w in asked[1:] if w not in ("the", "ofsteds", "ofsted's")), "")
        if role in PERSON_WORDS:  # "who was the person from the NAHT giving evidence?": named for what the rest asks
            return not (set(words(question)) & (_SPEECH | {"evidence"})) or bool(_SAYING.search(text))
        return stem(role) in stems
    if verb in _AUTHORED and _OWN_WORK.search(text):  # "who wrote the learning review?": "In her independent learning
        # review, ... Dame Christine Gilbert recommended" - the work is theirs
        return set(content_terms(" ".join(asked[1:]))) <= set(content_terms(text))
    # "who announced the pilot?" - "Announcing the pilot ..., Sir Martyn Oliver": the act, and what it was done to
    # when the question says ("who runs Ofsted?" is not answered by "Rollett warned: ... we run the risk")
    done_to = set(content_terms(" ".join(words(question[m.start():])[2:5]))) - _TYPE_WORDS
    return stem(verb)[:5] in {t[:5] for t in stems} and (not done_to or bool(done_to & (set(text_terms(text)) | stems)))


#: "who wrote / led ... X?": who made X, which a sentence says with "her / his X".
_AUTHORED = frozenset("wrote write writes written authored led leads did conducted carried produced".split())
_OWN_WORK = re.compile(r"\b(?:her|his)\b", re.I)


#: The shape of answer each kind of question asks for.
#: Days of the week, one or several together: "Tuesday and Wednesday".
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_WEEKDAY = re.compile(rf"\b({_WEEKDAYS}(?:\s*(?:,|and|or|&|to|-)\s*{_WEEKDAYS})*)\b", re.I)
ANSWER_TYPES = {"duration": _DURATION, "time": _TIME, "date": _DATE, "count": _COUNT, "money": _MONEY, "weekday": _WEEKDAY}
#: ... and a person's name ("who spoke for the NAHT?"), found by `person_named` rather than a pattern.
TYPED_KINDS = frozenset(ANSWER_TYPES) | {"person"}

#: How often something happens: "every three years", "twice a year", "annually", "regular monitoring reports".
#: It answers "how often ...?" but leads nothing: the sentence says it in its own words.
_FREQUENCY = re.compile(
    r"\b(?:every|each)\s+(?:[\w-]+\s+){0,2}?(?:day|week|month|term|year|half-term)s?\b"
    r"|\b(?:once|twice|three times|four times|\d+ times)\s+(?:a|an|per|every|each|in)\b"
    r"|\b(?:annually|annual|yearly|monthly|weekly|daily|termly|regular|regularly|frequently|periodic|periodically)\b",
    re.I,
)

#: Contact details: a phone number, an email address, a web address. It answers "what's the helpline number?"
#: but leads nothing: the sentence gives it in its own words.
_CONTACT = re.compile(
    r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bwww\.[\w-]+|https?://|\b[\w-]+\.(?:gov|org|co|ac)\.uk\b",
    re.I,
)
#: Where something was said or announced: "at ASCL's Annual Conference", "to the education committee".
_PLACE = re.compile(
    r"\b(?:at|to)\s+(?:the\s+|an?\s+|this\s+)?(?:[\w\u2019'-]+\s+){0,4}?"
    r"(?:conference|summit|festival|committee|meeting|event|hearing|session|assembly|forum|convention|speech|MPs)\b",
    re.I,
)
#: A question asking where something was said or announced: "where did Ofsted announce the pilot?", "at what
#: event ...?". Not "where can I find ...", "where do we complain", "where has this come from".
_ASKS_PLACE = re.compile(
    r"\bwhere\s+(?:did|was|were|is|has|have)\b.{0,80}?\b(?:announc\w*|launch\w*|unveil\w*|said|say|speak|spoke|"
    r"held|hold|took place|take place|happen\w*|present\w*|reveal\w*|made)\b"
    r"|\bat (?:what|which) (?:event|conference|meeting)\b|\bwhich (?:event|conference|meeting)\b",
    re.I,
)
#: Where an idea comes from: who pledged, proposed or recommended it ("Labour has pledged ... plans to scrap the
#: headline graded judgments and replace them with a system of report cards").
_ORIGIN = re.compile(r"\b(?:pledged?|pledges|propos(?:ed|es|e|als?)|plans? to|planning to|recommend(?:ed|s|ations?)?|"
                     r"called for|calls for|calling for|manifesto|came up with)\b", re.I)
#: A question asking where an idea came from: "where has this report cards thing come from?", "whose idea was it?".
_ASKS_ORIGIN = re.compile(r"\bwhere\s+(?:did|does|has|have|is|are)\b.{0,60}?\bcom(?:e|ing) from\b|\bwhose idea\b|"
                          r"\bwho (?:came up with|thought up|dreamt up|dreamed up|is behind|was behind|proposed|suggested)\b", re.I)
#: What someone is paid, or who pays: "there is no separate inspection fee", "contribute to employers' costs".
_PAY = re.compile(r"\b(?:fees?|costs?|paid|pays?|paying|salar(?:y|ies)|funding|funded|money|budget|wages?|expenses)\b|\u00a3\d", re.I)
#: A question about pay with no amount asked for: "does she get paid per inspection?", "how does the money work?".
_MONEY_WORKS = r"\bhow (?:does|do|will|would) (?:the )?(?:money|pay|payment|funding)(?: side| bit| thing| part)? work\b"
_ASKS_PAY = re.compile(rf"\b(?:get|gets|be|are|is|being)\s+paid\b|{_MONEY_WORKS}|\bwho pays\b|"
                       r"\bpaid (?:for|per|extra)\b|\bcover the costs?\b", re.I)
#: The kinds of answer a sentence gives only in its own words: found by these, never a lead.
SAID_ONLY = {"frequency": _FREQUENCY, "contact": _CONTACT, "place": _PLACE, "pay": _PAY, "origin": _ORIGIN}
#: Said-only kinds told in a line that names what they are about only briefly, or leaves it to its document's title:
#: "Announcing the pilot at ASCL's Annual Conference", "Under this new model, there is no separate inspection fee".
BRIEF_KINDS = ("place", "pay")
#: A question asking for contact details themselves ("what's the phone number for the helpline?"), not about them.
_ASKS_CONTACT = re.compile(
    r"\b(?:what|which|give|send|tell)\b.{0,40}\b(?:(?:phone|telephone|contact|helpline|mobile)\s+number|e-?mail address|"
    r"website|web address|postal address|postcode)\b",
    re.I,
)


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
    topic: float = 0.0  # share of the question's topic words (not its source-naming words) the sentence has
    score: float = 0.0
    vec: np.ndarray | None = None
    terms: frozenset[str] = frozenset()  # content terms of the sentence and its headings
    typed: bool = False  # contains the kind of answer the question asks for
    exact: bool = False  # ... in the exact shape asked for ("how many of the ...?" -> "42 out of 132")
    intro: str = ""  # the sentence that introduces a list, when the candidate carries its list
    doc_lex: float = 0.0  # `lex` with the words of the document's title at half weight (for the refusal gate only)
    intro_end: int = 0  # where the introducing sentence ends, when the candidate carries a list
    about: bool = True  # has (or continues a sentence that has) a word saying what the question is about


@dataclass
class Draft:
    sentences: list[Candidate] = field(default_factory=list)
    lead: str = ""
    evidence: float = 0.0  # best evidence score, for the refusal threshold
    best: Candidate | None = None


def question_kind(question: str) -> str:
    q = normalise(question).lower().strip()
    said = _WHAT_SAID.search(q)
    if said and not _A_SOURCE.fullmatch(said.group("who").strip()):
        return "open"  # "what was the NAHT guy saying about how much time inspectors get?": his words, not a number
    if re.search(r"\bhow long (?:do|does|did|will) (?:we|i|you|they|schools?|heads?|headteachers?) (?:have|get|got) to\b", q):
        return "time"  # "how long do we have to ask for a deferral?": until when - "4.30 pm"
    if re.search(r"\bhow long\b|\bhow many (?:working |school |calendar )?(days|weeks|months|years|hours)\b|\bhow much (?:advance |prior )?(?:notice|warning|time|lead time|heads[- ]up)\b", q):
        return "duration"
    if re.search(r"\bwhat time\b|\bhow late\b|\b(?:latest|earliest) (?:possible )?time\b|\blast possible time\b|\bcut[- ]?off\b|\bdeadline\b|\bby when\b", q) and not (
            YES_NO_START.search(q) and _TIME.search(q)):  # "has the 4.30pm deadline changed?" already names the time
        return "time"
    if re.search(r"\b(?:which|what)\s+(?:days?|weekdays?)\s+of\s+the\s+week\b|\b(?:which|what)\s+weekdays?\b", q):
        return "weekday"  # "which days of the week do inspections land on?": "Tuesday and Wednesday"
    if re.search(r"^when\b|\bwhen (is|was|did|do|does|will|are)\b|\bwhat date\b|\bwhich date\b", q):
        return "date"
    if re.search(r"\bhow much\b.{0,40}\b(?:pay|paid|cost|costs|charge|charged|earn|earns|fee|fees|salary|salaries|money|budget|worth)\b|"
                 # "what's the fee?", "what is the chief inspector's salary?", "what are OIs' rates?"
                 r"\bwhat(?:'s| is| are)? (?:the |an? |their |his |her |its )?(?:[\w-]+ ){0,2}?(?:[\w-]+(?:'s|s') )?(?:fee|fees|cost|costs|salary|salaries|pay|budget|rate|rates)\b", q):
        return "money"
    if _ASKS_CONTACT.search(q):
        return "contact"
    if _ASKS_ORIGIN.search(q):
        return "origin"
    if _ASKS_PLACE.search(q):
        return "place"
    if _ASKS_PAY.search(q) and not YES_NO_START.search(q.split(",")[0]) or re.search(_MONEY_WORKS, q):
        return "pay"
    if re.search(r"\bhow (?:often|frequently|regularly)\b|\bhow many times (?:a|an|per|each|every)\b", q):
        return "frequency"
    # (and "what attendance % do we need?", "what percentage of ...?": a figure)
    if re.search(r"\bhow many\b|\bhow much\b|\bwhat number\b|\bwhat (?:[\w-]+ ){0,2}?(?:%|percent(?:age)?\b|per cent\b|proportion\b)", q):
        return "count"
    if _ASKS_PERSON.search(q):
        return "person"
    if YES_NO_START.search(q):
        return "yesno"
    return "open"


#: "who spoke for the NAHT?", "who is the chief inspector?", "who wrote the summary?": a person's name is asked for
#: (not "who can attend?", "who do I call?", "who is allowed in?": people by their role, or a contact).
_ASKS_PERSON = re.compile(
    r"\bwho(?:\s+|(?=['\u2019]s\s))(?:spoke|speaks|gave evidence|testified|said|says|warned|told|wrote|writes|authored|leads|led|runs|ran|"
    r"announced|chairs|chaired|represented|represents|was speaking|is speaking|mentioned|raised|talked about|"
    # "who was it going on about grab bags?", "who was talking about ...?": who said it
    r"(?:(?:was|is)\s+it\s+(?:that\s+|who\s+)?(?:was\s+|is\s+)?|(?:was|is)\s+)?(?:going on|banging on|talking|saying|warning)|"
    r"(?:(?:is|was)\s+|['\u2019]s\s+)(?:the|ofsted's)\s+"
    r"(?:chief|deputy|author|writer|head of|new|current|witness|person|guy|man|woman|bloke|lady))\b", re.I)


_COUNTED = re.compile(r"\bhow many (?:of (?:the |its |their |our )?)?(?:[\w-]+\s+){0,2}?([a-z-]+s|people|folk)\b", re.I)


def counted_noun(question: str) -> str | None:
    """What "how many ...?" counts, as a stem: "how many inspectors will come?" -> "inspector"."""
    m = _COUNTED.search(question)
    if not m or m.group(1).lower() in ("others", "ones"):
        return None
    if m.group(1).lower() in ("people", "persons", "folk", "folks"):
        return PEOPLE  # "how many people want to be inspectors?": the sentence names them its own way ("thousands of you")
    return stem(m.group(1).lower())


#: What counted_noun gives for "how many people ...?": a count of any people, however the sentence names them.
PEOPLE = "peopl"
#: The groups of people the documents speak of: what a count of people counts, and who a later part's "they" can be.
_GROUPS = ("inspectors ois hmi mps leaders heads headteachers governors teachers staff parents pupils witnesses members "
           "participants employers").split()
#: Words that name people after a count: "thousands of you", "500 headteachers", not "132 commitments".
_PERSON_WORDS = frozenset(stem(w) for w in _GROUPS + (
    "people persons you us them respondents colleagues individuals adults children applicants volunteers executives").split())


def count_of(text: str, noun: str | None) -> re.Match | None:
    """A number in `text` that counts `noun` (the noun within four words after it: "132 actions", "a third (42)
    of the actions"); any number when the noun is not known. "come back two, three, four years later" does
    not count inspectors."""
    for m in _COUNT.finditer(text):
        if re.match(r"[.)]\s+[A-Z]", text[m.end() :]) and re.fullmatch(r"\d{1,2}", m.group(1)):
            continue  # a list item's number ("1. Raise informal concerns"), not a count
        if noun in (None, PEOPLE) and re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue  # a year ("throughout 2026"), not a count
        if re.search(r"\b(?:paragraphs?|paras?|page|pages|section|sections|point|item|day|days|week|year|stage|phase|step|key stage)\s+(?:\d+,?\s+(?:and\s+)?)*$",
                     text[: m.start()], re.I):
            continue  # a reference or a label ("paragraph 157", "day 1 and day 2"), never a count
        if noun is None:  # any count, but of something: "132 actions", "thousands of you", not "... day 1 and ..."
            after = words(text[m.end():])[:1]
            if after and after[0] in STOPWORDS and not re.search(r"(?:hundreds|thousands|dozens|\))\s*$", m.group(1)):
                continue
        after = {stem(w) for w in words(text[m.end():])[:4]}
        if noun is None or noun in after or (noun == PEOPLE and after & _PERSON_WORDS):
            return m
    return None


# "When did X start/open/...?" is answered by a date for that event, not by a date of something else.
_EVENT_VERBS = {
    "start": ("start", "begin", "began", "begun", "launch", "commenc", "open", "underway", "kick", "live"),  # "go live"
    "end": ("end", "finish", "clos", "conclud", "stop"),
    "publish": ("publish", "releas", "announc", "out"),
    "change": ("chang", "updat", "revis", "introduc"),
    "apply": ("forc", "effect", "implement", "appl", "adopt"),  # "come into force", "take effect"
}
_EVENT_OF = {form: group for group, forms in _EVENT_VERBS.items() for form in forms}


def asked_event(question: str) -> str | None:
    """The kind of event a "when ...?" question asks the date of (start, end, publish, change), if it says."""
    for w in words(question):
        for form, group in _EVENT_OF.items():
            if stem(w).startswith(form) and not (w == "out" and _OUT_DOING.search(question)):
                return group
    return None


#: "when will they be out doing real inspections?": out and about, not published.
_OUT_DOING = re.compile(r"\bout\s+(?:\w+ing|there|and about|on)\b", re.I)
#: "when will ...?", "when are they going to ...?": a time after the question's own, which no source's "today" gives.
_WHEN_FUTURE = re.compile(r"\bwhen\s+(?:will|would|are\s+[\w ]{1,30}?going to|is\s+[\w ]{1,30}?going to|\w+'ll)\b", re.I)


def event_date(question: str, text: str) -> re.Match | None:
    """The date in `text` of the event the question asks about: the one nearest after its word ("... live
    inspections later this term, with further cohorts to begin training later in the year": "when will the
    next cohort start?" -> "later in the year"); the first date when the question names no event."""
    dates = [d for d in _DATE.finditer(text) if not _dates_other_clause(question, text, d)]
    event = asked_event(question)
    if not dates or event is None:
        return dates[0] if dates else None
    asked = {f for w in words(question) for f in _EVENT_VERBS[event] if stem(w).startswith(f)}  # "live", not "begin"

    def places(forms) -> list[int]:
        return [m.start() for m in re.finditer(r"[\w-]+", text) if any(stem(m.group(0).lower()).startswith(f) for f in forms)]

    at = places(asked) or places(_EVENT_VERBS[event])
    if not at:
        return dates[0]
    return min(dates, key=lambda d: min((d.start() - i) if d.start() >= i else 10 * (i - d.start()) for i in at))


#: A relative clause: what it says is of the thing it follows ("... the proposed inspection framework, which Ofsted
#: will publish for consultation later in January").
_WHICH_CLAUSE = re.compile(r",\s+which\b[^.;:]*")
#: Words every part of the collection shares, which say nothing of what a clause is about.
_EVERYWHERE = frozenset(content_terms("ofsted inspection inspections inspect inspector school schools"))


def _dates_other_clause(question: str, text: str, date: re.Match) -> bool:
    """Is `date` in a "which ..." clause about something the question does not ask of? "when were the first trial
    visits?" is not answered by "These visits will informally test ... the proposed inspection framework, which
    Ofsted will publish for consultation later in January" (when the consultation opens)."""
    for m in _WHICH_CLAUSE.finditer(text):
        if m.start() <= date.start() < m.end():
            said = set(content_terms(m.group(0))) - _EVERYWHERE - _TYPE_WORDS
            return not said & set(content_terms(question))
    return False


def dates_the_event(question: str, text: str) -> bool:
    event = asked_event(question)
    if event is None:
        return True
    if event == "end" and _UNTIL.search(text):
        return True  # "when does the pilot end?" - "the pilot will continue throughout 2026"
    return any(stem(w).startswith(form) for w in words(text) for form in _EVENT_VERBS[event])


# Words that say what kind of answer is wanted, or when, not what it is about ("what time ... on day one?").
_TYPE_WORDS = frozenset(content_terms(
    "time times date dates day days week weeks month months year years hour hours minute minutes morning afternoon "
    "evening today tomorrow yesterday ago deadline cut off long many much number amount often soon later early first last "
    "working normally usually typically actually exactly roughly approximately take takes last lasts land lands fall falls "
    "one two three four five six seven eight nine ten eleven twelve twenty thirty half"  # numbers, as digits are
))


# "When's the next report?" is not answered by the date of "today's report, the first in a series".
_LATER_ONE = re.compile(r"\b(?:next|second|third|fourth|upcoming|following|another|further(?! education)|later|subsequent)\b", re.I)
_FIRST_ONE = re.compile(r"\b(?:first|today'?s|today\u2019s|this (?:report|one|monitoring|round|cohort))\b", re.I)


_DEFINITION = re.compile(
    r"^\s*(?:so |and |but )?(?:(?:what|who)(?:'s|\u2019s| is| are)\s+(?:an? |the )?(?P<term>[\w' -]{1,40}?)"
    r"|what (?:does|do) (?:an? |the )?(?P<term2>[\w' -]{1,40}?)\s+(?:mean|stand for|refer to))"
    r"(?:\s+(?:here|in (?:these|the) (?:docs|documents)))?\s*\??\s*$",
    re.I,
)


_ELLIPTICAL = re.compile(r"^\s*(?:and|so|but|ok|okay)?\s*(?:what|how) about (?:the |a |an |our |their )?(?P<a>[^?]{1,40}?)\s*\??\s*$"
                         r"|^\s*(?:and|also|same for)\s+(?:the |a |an |our |their )?(?P<b>(?!if\b|when\b|what\b|who\b|how\b|why\b|where\b|which\b|is\b|are\b|can\b|do\b|does\b|did\b|will\b|by\b)[^?]{1,40}?)\s*\??\s*$", re.I)


def elliptical_subject(followup: str) -> str | None:
    """What a "what about X?" / "and X?" follow-up asks about, when it is only that: "what about universities?" ->
    "universities"; None for a follow-up with a question of its own ("and by when?", "and if I ask at 5pm?")."""
    m = _ELLIPTICAL.match(followup or "")
    if not m:
        return None
    subject = (m.group("a") or m.group("b") or "").strip()
    return subject if content_terms(subject) else None


_OWN_QUESTION = re.compile(r"^\s*(?:and |so |but |ok |okay )?(?:what if|why|who|whom|whose|where|how (?!about)|when|which|what (?!about))\b", re.I)


def own_question(followup: str | None) -> str | None:
    """A follow-up that asks a question of its own ("what if the head is ill?", "so who pays?"), not one that
    re-asks the last question about something else ("what about governors?", "and parents' evenings?")."""
    return followup if followup and _OWN_QUESTION.match(followup) else None


_PREPOSITIONS = frozenset("on of for about in to with at by from into over under after before during".split())


def defined_term(question: str) -> str | None:
    """The term a "what is X?" / "what does X mean?" question asks to have explained: "What does RI mean?" -> "RI"."""
    m = _DEFINITION.match(question)
    if not m:
        return None
    term = (m.group("term") or m.group("term2")).strip()
    if not term or not content_terms(term) or len(words(term)) > 4:
        return None
    # a term, not a question about something ("what are the rules on pausing?", "what is the role of ...?"), nor
    # what a source is doing ("what is the NEU saying?")
    return None if set(words(term)) & _PREPOSITIONS or whole_view_asked(question) else term


def asks_later_one(question: str) -> bool:
    """Does the question ask about the next / second / a further one ("when's the next report?")?"""
    return bool(_LATER_ONE.search(question))


#: The asker introducing themselves before they ask: "new head, trying to plan ahead - ...", "I'm a deputy head.
#: ...", "as a governor, ...". Who asks says nothing about what the answer is about.
_ASKER_INTRO = re.compile(
    r"^\s*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:(?:i'?m|i am|as|speaking as)\s+)?(?:(?:a|an|the|our)\s+)?(?P<setting>(?:(?:fe|sixth form|primary|secondary|special|college|school|academy|trust|mat)\s+){0,2})(?:(?:new|newly appointed|acting|"
    r"interim|trainee|experienced|first[- ]year|brand new)\s+)?(?:head(?:teacher)?|deputy(?: head(?:teacher)?)?|dep head|assistant head|"
    r"vice principal|principal|vp|teacher|d?ht|aht|hlta|ta|governor|gov|parent gov(?:ernor)?|chair of gov(?:ernor)?s|clerk|senco|dsl|sbm|bursar|"
    r"(?:school )?business manager|office manager|union rep|rep|(?:[a-z]+ )?advis[eo]r|parent|ect|nqt|trust leader|(?:mat |trust )?(?:ceo|hr lead))"
    r"(?:\s+(?:here|asking|at|of|in|from|for)\b[^.?!,\u2013-]{0,40}?)?(?:,\s*(?:trying|looking|wondering|planning|just|quick)[^.?!\u2013-]{0,40}?)?"
    r"(?:\s[-\u2013]\s|[.:]\s|,\s(?=(?:how|what|when|where|who|which|can|could|do|does|is|are|will)\b))",
    re.I,
)


def without_asker(question: str) -> str:
    """The question without the asker's introduction of themselves (`_ASKER_INTRO`)."""
    m = _ASKER_INTRO.match(question)
    return question[m.end():] if m else question


@lru_cache(maxsize=64)
def title_subjects(title: str) -> frozenset[str]:
    """A document title's terms, with the short forms of the names it spells out ("Ofsted Inspectors" -> oi)."""
    terms = frozenset(content_terms(title))
    short = {t for k, v in GLOSSARY.items() if len(full := set(content_terms(v))) > 1 and full <= terms for t in content_terms(k)}
    return terms | short


#: Where a numbered list's items begin, in a list read as one sentence: "... on: 1. Identifying ... 2. Considering ...".
_LIST_ITEM = re.compile(r"(?:^|\s)\d{1,2}\.\s+(?=[A-Z])")


def specific_terms(question: str, df: dict[str, int], n_docs: int) -> frozenset[str]:
    """The words of a question that say what it is about, with the documents' words for them (glossary and
    phrases): not the kind of answer wanted ("what time", "how many"), and not the words most passages share
    ("Ofsted", "school", "inspection"). "What time do inspectors arrive on day one?" -> {arriv}."""
    terms = content_terms(question) + content_terms(" ".join(phrase_equivalents(question)))
    terms += [t for w in words(question) if w in GLOSSARY for t in content_terms(GLOSSARY[w])]
    return _specific(terms, df, n_docs)


def _specific(terms, df: dict[str, int], n_docs: int) -> frozenset[str]:
    """The terms that can say what a question is about: not answer-kind words, numbers, or words in more than a
    third of the passages."""
    common = n_docs / 3
    return frozenset(t for t in terms if t not in _TYPE_WORDS and not t.isdigit() and df.get(t, 0) <= common)


def specific_units(question: str, df: dict[str, int], n_docs: int) -> list[frozenset[str]]:
    """`specific_terms` grouped by what the question says: each staff phrase with the documents' words for it
    ("put it off" + defer deferral), each glossary word with its expansion, each other word alone. Only the
    units some document could match (a word no document uses says nothing about which sentence is meant).
    "how many inspections has the OI pilot done?" -> [{oi}, {pilot}, {done, complet}]."""
    units: list[frozenset[str]] = []
    used: set[str] = set()
    for pattern, add in PHRASES:
        for m in pattern.finditer(question):
            own = content_terms(m.group(0))
            units.append(_specific(own + content_terms(add), df, n_docs))
            used |= set(own)
    for w in words(question):
        if _is_event_word(w):
            continue  # "start", "published": the event a "when" asks about, checked by `dates_the_event`
        if w not in GLOSSARY and english_zipf(w) >= COMMON_ZIPF:
            continue  # everyday words ("going", "get", "come") say how, not what about
        for t in content_terms(w):
            if t in used:
                continue
            used.add(t)
            units.append(_specific([t] + (content_terms(GLOSSARY[w]) if w in GLOSSARY else []), df, n_docs))
    return [u for u in dict.fromkeys(units) if any(df.get(t) for t in u)]


def _is_event_word(word: str) -> bool:
    s = stem(word)
    return any(s.startswith(form) for form in _EVENT_OF if len(form) > 3) or word in _EVENT_OF


def about_enough(units: list[frozenset[str]], terms: frozenset[str]) -> bool:
    """Does a sentence (its `terms`) speak of enough of what the question is about: at least half of the
    `specific_units`, and always at least one? "just under a third (42) of the actions have been completed"
    matches only the "done" of "how many inspections has the OI pilot done?", not the OI pilot."""
    need = 1 if len(units) <= 2 else (len(units) + 1) // 2
    return not units or sum(bool(u & terms) for u in units) >= need


#: Words of a "how often ...?" question that ask for the frequency, not what it is of.
_HOW_OFTEN_WORDS = frozenset(content_terms("often frequently regularly every each times per"))


def _frequency_of_asked(question: str, text: str, m: re.Match) -> bool:
    """Is the frequency `m` in `text` said of something the question asks about: one of its words within six words
    either side? "... publish regular monitoring reports" answers "how often will ofsted publish monitoring
    reports?"; "... to make the difficult calls you all make every day" does not say how often a school is inspected."""
    asked = set(content_terms(question)) - _TYPE_WORDS - _HOW_OFTEN_WORDS
    near = words(text[: m.start()])[-6:] + words(text[m.end():])[:6]
    return bool(asked & {t for w in near for t in content_terms(w)})


def has_answer_type(kind: str, c: Candidate, question: str = "") -> bool:
    """Does the sentence contain the kind of answer the question asks for (a duration, a time, a date, a number)?
    For "when ...?" a dated source's "today" counts: the source's date answers it. A count must count what
    was asked about."""
    if kind == "frequency" and question:
        return any(_frequency_of_asked(question, c.text, m) for m in _FREQUENCY.finditer(c.text))
    if kind in SAID_ONLY:
        return bool(SAID_ONLY[kind].search(c.text))
    if kind == "person":
        return names_who_was_asked(question, c.text)
    pattern = ANSWER_TYPES.get(kind)
    if pattern is None:
        return False
    if kind == "count":  # a part of a whole answers "how many of ...?" whatever it calls the whole ("pledges")
        return count_of(c.text, counted_noun(question)) is not None or bool(asks_part_of_whole(question) and _PROPORTION.search(c.text))
    if pattern.search(c.text):
        return True
    if kind == "duration" and _UNTIL.search(c.text):
        return True  # "how long will the pilot run?" - "throughout 2026"
    return kind == "date" and bool(c.hit.chunk.meta.date) and bool(RELATIVE_DAY.search(c.text))


_ASKS_FOR_N = re.compile(
    r"\b(?:what|which|name|list)\b(?:\s+(?:are|were|is))?\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+((?:[a-z-]+\s+){0,2}[a-z-]+s)\b",
    re.I,
)


def unlisted(question: str, chosen: list[Candidate]) -> str | None:
    """"What are the four strands ...?" asks for a list. When the chosen sentences only mention "the four
    strands" and none lists them (a sentence with its list attached, "the four strands are/include ...", or
    "the two days ... - Tuesday and Wednesday"),
    the documents do not answer it: return the phrase asked about, else None."""
    m = _ASKS_FOR_N.search(question)
    if not m or not chosen:
        return None
    phrase = f"{m.group(1)} {m.group(2)}".lower()
    asked_n = next(iter(numbers(m.group(1))), None)
    head = re.escape(m.group(2).split()[-1].lower())
    for c in chosen:
        if c.intro and (re.search(rf"\b{head}\b", c.intro, re.I) or _items(c.text[len(c.intro):]) == asked_n
                        or _introduces_n(c.intro) == asked_n):
            return None  # the sentence carries its list ("... 3 core objectives: ...", or three items for "the three things";
            # "the three main aims" are the list its intro counts out: "aimed to achieve 3 core objectives:")
        if re.search(rf"\b{head}\b\s*(?:are|were|include|including|namely|covering)\s|\b{head}\b[^.:\u2014\u2013]{{0,80}}?\s?[:\u2014\u2013-]\s", c.text, re.I):
            return None  # "the two days ... - Tuesday and Wednesday", "the strands are ..."
    return phrase


def _introduces_n(intro: str) -> str | None:
    """How many things an intro says its list has ("... to achieve 3 core objectives:" -> "3"), else None."""
    m = re.search(rf"\b(\d+|{_UNITS}|ten)\s+(?:[\w-]+\s+){{0,2}}[\w-]+s\s*:\s*$", intro, re.I)
    found = numbers(m.group(1)) if m else set()
    return next(iter(found)) if len(found) == 1 else None


def _items(text: str) -> str | None:
    """How many items a numbered list has ("1. ... 2. ... 3. ..." -> "3"), as a string; None if not a list."""
    found = re.findall(r"(?:^|\s)(\d{1,3})[.)]\s", text)
    return found[-1] if found else None


#: A question about what is left of a whole ("how many are still outstanding?").
_REMAINDER = re.compile(r"\b(?:outstanding|remaining|remain|left|still to|yet to|not yet|unfinished|incomplete|undone|to go)\b", re.I)


def asks_part_of_whole(question: str) -> bool:
    """"How many of the 132 actions ...?", "what proportion ...?", "how's it getting on?": the answer is a part of a whole."""
    return bool(re.search(
        r"\bhow many\b.{0,40}\b(?:done|complete|completed|finished|delivered|achieved|met|ticked off)\b|"
        r"\bhow (?:many|much) of\b|\bwhat (?:proportion|share|percentage|fraction)\b|\bhow many (?:\w+ ){0,3}(?:so far|yet|already)\b"
        # progress: "how's Ofsted getting on with ...", "how far along are they", "what progress has been made"
        r"|\bgetting on\b|\bhow far (?:along|through|have|has)\b|\bwhat progress\b|\bprogress (?:on|with|against|towards)\b",
        question, re.I)) or bool(_ALL_DONE.search(question))


#: "Has Ofsted finished all its actions?", "are all the pledges done?": asks whether the part is the whole.
_ALL_DONE = re.compile(
    r"\ball\b.{0,40}\b(?:done|finished|complete|completed|delivered|achieved|met|ticked off)\b"
    r"|\b(?:finish|finished|complete|completed|deliver|delivered|done)\b.{0,12}\ball\b"
    # "has Ofsted finished the Big Listen actions?": the actions, all of them
    r"|\b(?:finish|finished|complete|completed|deliver|delivered)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:actions|commitments|pledges|recommendations)\b",
    re.I,
)


def partial(text: str) -> bool:
    """The sentence gives a part smaller than its whole: "42 out of 132", "just under a third (42)"."""
    for part, whole in re.findall(r"\b([\w-]+)\s+out\s+of\s+(?:the\s+)?(\d[\d,]*)\b", text, re.I):
        n = next(iter(numbers(part)), None) if not part.isdigit() else part
        if n is not None and float(n) < float(whole.replace(",", "")):
            return True
    return bool(re.search(r"\b(?:a|one|two) (?:third|quarter)s?\b|\bhalf of\b|\bsome of the\b", text, re.I))


def idf_weights(terms: list[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    return {t: math.log(1 + (n_docs + 1) / (df.get(t, 0) + 0.5)) for t in terms}


CONTEXT_WEIGHT = 0.9  # a sentence read with the one before counts a little less than on its own


def chunk_candidates(hit: Hit, rank: int = 0) -> list[Candidate]:
    """The sentences of a passage that can answer, in order: not fragments or headings, not a paragraph that
    gives orders to an AI (data, never an answer); a sentence that introduces a list carries its list."""
    text = hit.chunk.text
    headings = {_plain(h) for h in (hit.chunk.meta.title, *hit.chunk.heading_path)}
    quarantined = [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text) if looks_like_instructions(m.group(0))]
    out: list[Candidate] = []
    for s, e in split_sentences(text):
        sent = text[s:e]
        if len(words(sent)) < 4 or _plain(sent) in headings:
            continue
        if any(qs <= s < qe for qs, qe in quarantined):
            continue
        e2 = extend_colon(text, e)
        c = Candidate(hit, rank, s, e2, " ".join(text[s:e2].split()))
        c.intro = " ".join(sent.split()) if e2 != e else ""
        c.intro_end = e if e2 != e else 0
        out.append(c)
    return out


def with_previous(cands: list[Candidate]) -> list[tuple[int, str]]:
    """(index, text) of each candidate read with the candidate before it in the same passage."""
    return [(i, f"{cands[i - 1].text} {cands[i].text}") for i in range(1, len(cands))
            if cands[i - 1].hit is cands[i].hit and cands[i - 1].end <= cands[i].start]


def embedded_texts(cands: list[Candidate]) -> list[str]:
    """Every text the scoring embeds for these candidates (one passage's, in order): each sentence, a list's
    intro, and each sentence read with the one before it. The app embeds them all ahead of the questions."""
    return [c.text for c in cands] + [c.intro for c in cands if c.intro] + [t for _, t in with_previous(cands)]


def score_candidates(
    question: str,
    focus_question: str,
    hits: list[Hit],
    qvec: np.ndarray,
    embed,
    df: dict[str, int],
    n_docs: int,
    also: tuple[np.ndarray, ...] = (),
) -> list[Candidate]:
    """Score every sentence of the retrieved passages against the question (and `also` the vectors of other
    wordings of it: a long question in the documents' own words)."""
    cands = [c for rank, hit in enumerate(hits) for c in chunk_candidates(hit, rank)]
    if not cands:
        return cands
    vecs = embed([c.text for c in cands])
    intro_idx = [i for i, c in enumerate(cands) if c.intro]
    intro_vecs = embed([cands[i].intro for i in intro_idx]) if intro_idx else []
    intro_sim = {i: float(v @ qvec) for i, v in zip(intro_idx, intro_vecs)}
    # A sentence read with the one before it in its passage: "Rollett agreed they were inevitable" is about
    # trust inspections only after "Witnesses were also quizzed about inspections of trusts."
    windows = with_previous(cands)
    ctx_vecs = embed([t for _, t in windows]) if windows else []
    ctx_sim = {i: CONTEXT_WEIGHT * float(v @ qvec) for (i, _), v in zip(windows, ctx_vecs)}
    wanted = named_authorities(focus_question)
    # the words that name the kind of source asked about say whose sentences are wanted (the bonus below), not
    # what they are about: "what does the union say about banners?" is not answered by "... our sister union ..."
    # (one source asked about; when sources are compared, each side's sentences are searched for on their own)
    naming = {t for a in wanted for t in _KIND_WORDS.get(a, ())} if len(wanted) == 1 else set()
    # what the source is asked about, in a question of one part ("the NEU line on routine Ofsted inspections")
    view = (_SAID_ABOUT.search(focus_question) or _VIEW_ON.search(focus_question)) if wanted and len(question_parts(focus_question)) <= 1 else None
    said_terms = frozenset(content_terms(view.group("topic"))) if view else frozenset()
    qterms = [t for t in dict.fromkeys(content_terms(question)) if t not in naming]
    # the documents' words for the staff's words (glossary): count, at half weight, where the question's own are missing
    xterms = [t for t in dict.fromkeys(content_terms(expand_query(question))) if t not in qterms]
    fterms = list(dict.fromkeys(content_terms(focus_question))) if focus_question != question else []
    # ... and the documents' words for the follow-up's own ("the first lot" -> participants, cohort; "CST" ->
    # Confederation of School Trusts), at half weight
    fx = " ".join(phrase_equivalents(focus_question) + [GLOSSARY[w] for w in words(focus_question) if w in GLOSSARY])
    fxterms = [t for t in dict.fromkeys(content_terms(fx)) if t not in fterms] if fterms else []
    w = idf_weights(qterms + fterms + xterms + fxterms, df, n_docs)
    total = sum(w[t] for t in qterms) or 1.0
    tterms = [t for t in topic_terms(focus_question) if df.get(t)]  # words no passage has cannot tell sentences apart
    tw = idf_weights(tterms, df, n_docs)
    ttotal = sum(tw.values()) or 1.0
    ftotal = sum(w[t] for t in fterms) or 1.0
    top_fused = max(h.fused for h in hits) or 1.0
    paras = set(find_paragraph_refs(expand_query(focus_question)))
    kind = question_kind(focus_question)  # the user's own words say what kind of answer they want
    part_of_whole = kind in ("count", "open", "yesno") and asks_part_of_whole(focus_question)
    # A number, time or date answers only if the sentence (or the one it continues) is about what was asked:
    # "deferral requests made after 4.30 pm" does not say what time inspectors arrive.
    specific = specific_terms(without_asker(question), df, n_docs)
    # ... and of enough of it, for a one-part question asked on its own (a follow-up's standalone form carries
    # the conversation's words, its own words too few; each part of a two-part question is about its own things)
    alone = focus_question == question and len(question_parts(question)) <= 1
    # (the sentence that asks, when context comes around it: "when did the handbook come out? the one with ...")
    units = specific_units(without_asker(asked_sentence(question) or question), df, n_docs) if alone else []
    if wanted:  # whose view is asked ("how long does the NEU reckon ...?") is found by the source bonus, not in each
        # sentence: the union's guidance seldom names the union
        units = [u for u in units if not u <= _SOURCE_NAMES]
    if kind == "count" and counted_noun(focus_question) == PEOPLE:
        # "how many people want to be inspectors?" counts people however the sentence names them ("thousands of
        # you"): "people" is the kind of answer asked for, not what it is about
        specific = specific - {PEOPLE}
        units = [u for u in (u - {PEOPLE} for u in units) if u]
    if kind in BRIEF_KINDS and units:  # where it was announced, or what is paid, is told in a line that names the rest
        # briefly (one of what was asked will do: these lead nothing)
        units = [frozenset().union(*units)]
    later_one = asks_later_one(focus_question) and kind in ("date", "time")
    previous: Candidate | None = None
    titles: dict[str, frozenset[str]] = {}
    for i, (c, v) in enumerate(zip(cands, vecs)):
        c.vec = v
        c.terms = terms = frozenset(text_terms(c.text)) | frozenset(content_terms(" ".join(c.hit.chunk.heading_path)))
        # A sentence with the kind of answer asked for takes its subject from the sentence before, in the same
        # paragraph: "A pause ... Normally, inspections will resume on the next working day, but it may extend up
        # to 5 working days." answers "how long does a pause last?". Those words count at half weight.
        before = previous.terms if previous is not None and _same_paragraph(previous, c) and refers_back(c.text) else frozenset()
        if before and _PRONOUN_SUBJECT.match(c.text) or kind in BRIEF_KINDS:
            # ... and so, for "they" or "he", from the document's title, which names who its sentences are about ("They
            # are expected to ... live inspections later this term", in "... recruiting serving education leaders as
            # Ofsted Inspectors"; not "These visits ...": what they are is in the sentence before, not the title); as
            # does a line on money or place ("there is no separate inspection fee" in "Ofsted pilots recruiting ..."
            # answers "who pays for the pilot?")
            before |= title_subjects(c.hit.chunk.meta.title)
        c.about = (not specific or bool(specific & (terms | before))) and about_enough(units, terms | before) and not (later_one and (_FIRST_ONE.search(c.text) or not _LATER_ONE.search(c.text)))
        c.typed = c.about and has_answer_type(kind, c, focus_question) and (kind != "date" or dates_the_event(focus_question, c.text))
        if c.typed and specific and kind in ANSWER_TYPES and len(items := _LIST_ITEM.split(c.text)) > 2:
            # a list read as one sentence: the item that gives the number or date must be about what was asked ("...
            # area of practice to take in the future 2. Considering ... the two days ..." does not say how long
            # Ofsted takes to respond to a complaint)
            c.typed = any(ANSWER_TYPES[kind].search(item) and specific & set(text_terms(item)) for item in items)
        if c.typed and kind == "duration" and _length_of_pronoun(c.text):
            # "..., but it may extend up to 5 working days": the length is of what "it" is, named in the sentence
            # before ("Headteachers can request a pause ..."), not of the inspections the sentence also mentions
            c.typed = previous is not None and _same_paragraph(previous, c) and bool((set(qterms + xterms) - _TYPE_WORDS) & set(text_terms(previous.text)))
        context = before if c.typed else frozenset()
        previous = c
        c.sim = max(float(v @ qvec), intro_sim.get(i, -1.0), ctx_sim.get(i, -1.0),  # a list is judged by its intro too
                    *(float(v @ a) for a in also))
        own = sum(w[t] for t in qterms if t in terms) + 0.5 * sum(w[t] for t in xterms if t in terms)
        borrowed = 0.5 * sum(w[t] for t in qterms if t not in terms and t in context)
        c.lex = min(1.0, (own + borrowed) / total)
        # For deciding whether the documents answer at all (not for choosing sentences): the document's title
        # says what every sentence in it is about ("Ofsted Handbook Updates - January 2024" is what "what changed
        # in the handbook in January 2024?" asks about), so its words count at half weight.
        title = titles.setdefault(c.hit.chunk.meta.title, frozenset(content_terms(c.hit.chunk.meta.title)))
        c.doc_lex = min(1.0, c.lex + 0.5 * sum(w[t] for t in qterms if t not in terms and t not in context and t in title) / total)
        c.focus = min(1.0, (sum(w[t] for t in fterms if t in terms) + 0.5 * sum(w[t] for t in fxterms if t in terms)) / ftotal) if fterms else 0.0
        c.topic = sum(tw[t] for t in tterms if t in terms) / ttotal if tterms else 0.0
        passage = 0.5 * (c.hit.fused / top_fused) + 0.5 * max(c.hit.dense, 0.0)
        c.score = 0.5 * c.sim + 0.3 * c.lex + 0.2 * passage + (0.25 * c.focus if fterms else 0.0)
        if c.hit.chunk.meta.authority in wanted:
            c.score += 0.1  # the question asks what this kind of source says ("what does the union say")
            if said_terms and said_terms <= terms:
                c.score += 0.1  # ... about this, in every word ("the NEU line on routine Ofsted inspections")
        if paras:  # "what's in para 94?": the sentences of the paragraph that cites it, the citing one first
            text = c.hit.chunk.text
            block = text[text.rfind("\n\n", 0, c.start) + 1 : (text.find("\n\n", c.end) + 1 or len(text) + 1) - 1]
            if paras & set(find_paragraph_refs(block)):
                c.score += 0.15 + (0.05 if paras & set(find_paragraph_refs(c.text)) else 0.0)
        if c.typed:
            c.score += 0.1  # the sentence has the kind of answer asked for (a duration, a time, a date, a number)
        if part_of_whole and _PROPORTION.search(c.text):
            c.score += 0.1  # "how many of the commitments ...?" is answered by "42 out of 132", not by "132"
            c.exact = True
    return cands


def citing_paragraph(cands: list[Candidate], chosen: list[Candidate], paras: set[int], limit: int) -> list[Candidate]:
    """For "what does para 161 say?": when the chosen sentence that cites the paragraph only points to it ("Refer to
    paragraph 161 for further details."), what the summary says of it is the rest of its paragraph ("You can
    communicate inspection outcomes with ... family members ... However, you are not permitted to ... share it with
    parents."): those sentences, in the document's order, with the rest of the chosen after them."""
    citing = next((c for c in chosen if paras & set(find_paragraph_refs(c.text))), None)
    if citing is None or not _POINTER.match(citing.text.strip()):
        return chosen
    text = citing.hit.chunk.text
    lo, hi = text.rfind("\n\n", 0, citing.start) + 1, text.find("\n\n", citing.end)
    hi = len(text) if hi < 0 else hi
    block: list[Candidate] = []
    for d in sorted((d for d in cands if d.hit is citing.hit and lo <= d.start and d.end <= hi), key=lambda d: d.start):
        if not any(_overlaps(d, e) for e in block):
            block.append(d)
    return lead_with(block, chosen, max(limit, len(block)))


#: A sentence that only points to a handbook paragraph: "Refer to paragraph 161 for further details."
_POINTER = re.compile(r"^(?:please\s+)?(?:refer|see|for (?:more|further) (?:details|information)),?\s", re.I)


def _same_paragraph(a: Candidate, b: Candidate) -> bool:
    """`b` follows `a` in the same paragraph of the same passage."""
    return a.hit is b.hit and a.end <= b.start and "\n\n" not in a.hit.chunk.text[a.end : b.start]


def _plain(s: str) -> str:
    return " ".join(words(s))


def extend_colon(text: str, end: int) -> int:
    """A sentence that introduces a list or a quotation ("... to:", "... said:") is not an answer without
    what follows: extend it to the end of the next block."""
    if not text[:end].rstrip().endswith(":"):
        return end
    m = re.compile(r"\s*\S").match(text, end)
    if not m:
        return end
    nxt = text.find("\n\n", m.end())
    block_end = len(text) if nxt == -1 else nxt
    if re.match(r"\s*(?:\d{1,3}[.)]|[-*•–])\s", text[end:block_end]):
        return block_end  # a list: all of it
    body_start = m.end() - 1  # the first character after the colon that is not white space
    first = split_sentences(text[body_start:block_end])  # a quotation or prose: its first sentence
    return body_start + first[0][1] if first else block_end


_LIST_START = re.compile(r"\s*(?:\d{1,3}[.)]|[-*•–])\s")


def list_continuations(chosen: list[Candidate], next_chunk, embed) -> list[Candidate]:
    """A chosen list that runs to the end of its passage and goes on at the start of the next passage of the same
    document (a long list split by the chunker: items 1-2 here, 3-6 there) is followed by the rest of the list,
    cited to that next passage. `next_chunk(chunk)` gives the following chunk of the same document or None."""
    out: list[Candidate] = []
    for c in chosen:
        out.append(c)
        cur = c
        while cur.intro or cur is not c:  # only a candidate that carries a list (or a continuation of one)
            text = cur.hit.chunk.text
            if text[cur.end :].strip():
                break  # the list ends inside its passage
            nxt = next_chunk(cur.hit.chunk)
            if nxt is None or not _LIST_START.match(nxt.text):
                break
            block = nxt.text.find("\n\n")
            end = len(nxt.text) if block == -1 else block
            start = len(nxt.text) - len(nxt.text.lstrip())
            rest = _carried(cur, nxt, start, end)
            if any(_overlaps(d, rest) for d in chosen):
                break  # already shown
            rest.vec = embed([rest.text])[0]
            out.append(rest)
            cur = rest
        if cur is c and c.text.rstrip().endswith(":") and not c.intro and not c.hit.chunk.text[c.end :].strip():
            follower = _first_sentence_after_heading(c, next_chunk(c.hit.chunk), embed)
            if follower is not None and not any(_overlaps(d, follower) for d in chosen):
                out.append(follower)  # "School leaders can support this by:" + the next section's first sentence
    return out


def _first_sentence_after_heading(c: Candidate, nxt, embed) -> Candidate | None:
    """The first sentence of passage `nxt`, after a heading line ("Removing reference to Ofsted"), as a candidate
    scored like `c`, which announces it."""
    if nxt is None:
        return None
    text = nxt.text
    blocks = [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*(?:\n(?!\n)[^\n]*)*", text)]
    if blocks and not re.search(r"[.?!:]\s*$", text[blocks[0][0] : blocks[0][1]]) and len(blocks) > 1:
        blocks = blocks[1:]  # a heading: no closing stop
    if not blocks:
        return None
    start, end = blocks[0]
    spans = split_sentences(text[start:end])
    if spans:
        end = start + spans[0][1]
    rest = _carried(c, nxt, start, end)
    rest.vec = embed([rest.text])[0]
    return rest


def _carried(c: Candidate, chunk, start: int, end: int) -> Candidate:
    """`chunk`'s text from `start` to `end` as a candidate scored like `c`, whose passage it carries on (the rest
    of a list, what a closing colon announces); its vector is the caller's to add."""
    rest = Candidate(Hit(chunk, dense=c.hit.dense, fused=c.hit.fused), c.hit_rank, start, end, " ".join(chunk.text[start:end].split()))
    rest.sim, rest.lex, rest.score, rest.topic = c.sim, c.lex, c.score, c.topic
    rest.terms = frozenset(content_terms(rest.text))
    return rest


_CONTINUES = re.compile(r"^(instead|however|but|normally|although|otherwise|unless|as previously|even so|at the same time|alongside (?:this|that|these)|meanwhile)\b", re.I)


_SAME_SUBJECT = re.compile(r"^(they|he|she)\b", re.I)

#: A sentence that takes its subject from the one before: "Normally, ... but it may extend up to 5 working days"
#: (after "A pause happens if ..."), "They are expected to ...". Not a sentence with a subject of its own ("As
#: previously, deferral requests made after 4.30 pm ...") nor an empty "it" ("Specifically, it may be wise to ...").
_REFERS_BACK = re.compile(
    r"^(?:[a-z]+,\s*)?(?:it|they|this|these|that|those|he|she|such)\b"
    r"(?!\s+(?:may|might|would|could|will|is|was)\s+(?:also\s+)?(?:be\s+)?(?:wise|important|worth|advisable|helpful|useful|necessary|possible|best|crucial|essential|clear)\b)",
    re.I,
)


#: A length given of "it", "this" or "they", in a clause of its own: "..., but it may extend up to 5 working days".
_PRONOUN_CLAUSE = re.compile(r"(?:^|[,;]\s*|\b(?:but|and|so)\s+)(?:it|this|they|these)\s+[^,;]*$", re.I)


def _length_of_pronoun(text: str) -> bool:
    """Is the sentence's length of time given of a pronoun ("it may extend up to 5 working days")?"""
    m = _DURATION.search(text)
    return m is not None and bool(_PRONOUN_CLAUSE.search(text[: m.start()]))


def refers_back(sentence: str) -> bool:
    """Does the sentence lean on the one before for what it is about (`_CONTINUES`, `_REFERS_BACK`)?"""
    text = sentence.strip()
    return bool(_REFERS_BACK.match(text)) or (bool(_CONTINUES.match(text)) and not text.lower().startswith("as previously"))


def continuation(cands: list[Candidate], chosen: Candidate) -> Candidate | None:
    """The sentence right after `chosen` in its passage, when it qualifies it ("Instead, ...", "However, ...")."""
    after = [c for c in cands if c.hit is chosen.hit and c.start >= chosen.end]
    if not after:
        return None
    nxt = min(after, key=lambda c: c.start)
    gap = chosen.hit.chunk.text[chosen.end : nxt.start]
    if "\n\n" in gap:
        return None
    if _CONTINUES.match(nxt.text):
        return nxt
    # "The first participants ... are currently taking part in shadow inspections. They are expected to be ready
    # to participate in live inspections later this term": a sentence that goes on about the same subject, when
    # it speaks to the question too
    if _SAME_SUBJECT.match(nxt.text) and nxt.score >= chosen.score * 0.6:
        return nxt
    return None


def antecedent(cands: list[Candidate], chosen: Candidate) -> Candidate | None:
    """The sentence right before `chosen` in its paragraph, when `chosen` leans on it ("Under this new model,
    there is no separate inspection fee. Instead, Ofsted will contribute to employers' costs ...")."""
    pointing = _POINTS_BACK.search(chosen.text)
    pronoun = _PRONOUN_SUBJECT.match(chosen.text)
    if not _CONTINUES.match(chosen.text) and not pointing and not pronoun:
        return None
    before = [c for c in cands if c.hit is chosen.hit and c.end <= chosen.start]
    if not before:
        return None
    prev = max(before, key=lambda c: c.end)
    if not _same_paragraph(prev, chosen):
        return None
    if _CONTINUES.match(chosen.text) or pronoun:
        return prev  # "They are expected to ...": who they are is in the sentence before
    # "The headteacher ... can use this number to address concerns ...": which number the sentence before says
    # ("You will receive a contact number for a senior Ofsted leader ..."), when it names one
    noun = stem(pointing.group(1).lower())
    return prev if noun in {stem(w) for w in words(prev.text)} and noun not in {stem(w) for w in words(chosen.text[: pointing.start()])} else None


#: A sentence whose subject is a pronoun for someone the sentence before named: "They are expected to ...".
_PRONOUN_SUBJECT = re.compile(r"^(?:they|he|she)\s+(?!said|says|warned|added)", re.I)
#: A thing the sentence before named, pointed back at: "this number", "these concerns", "that pilot".
_POINTS_BACK = re.compile(r"\b(?:this|these|that|those|such)\s+([a-z]{3,})\b", re.I)


def whole_lists(cands: list[Candidate], chosen: list[Candidate], open_question: bool = True) -> list[Candidate]:
    """A chosen list item ("2. Considering the breadth of practice ...") is not shown alone: an item alone loses
    what it is an item of. An open question ("what does the union say to focus on?") that the list as a whole
    answers nearly as well gets the whole list; otherwise (or for a yes/no, number or date question) the sentence
    that introduces it, then the item ("Specifically, it may be wise to focus on: ... 2. Considering ... the two
    days ...")."""
    out: list[Candidate] = []
    for c in chosen:
        whole = next((d for d in cands if d.intro and d.hit is c.hit and d.start < c.start and c.end <= d.end), None)
        if whole is not None and open_question and whole.score >= 0.9 * c.score:
            shown = [whole]
        elif whole is not None:
            intro = replace(whole, end=whole.intro_end, text=whole.intro, intro="", intro_end=0)
            shown = [intro, c] if not any(d.hit is c.hit and d.start == intro.start for d in out) else [c]
        else:
            shown = [c]
        for d in shown:
            if d not in out:
                out.append(d)
    return out


def with_followers(cands: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """A chosen sentence that ends by announcing what follows ("School leaders can support this by:") and is
    not a list's introduction with its list is shown with the sentence that follows it in its passage ("Remove
    all references to your school's Ofsted grading ..."): alone it says nothing. So is one followed, in its
    paragraph, by the question its source goes on to ask ("... implemented the recommendations that they gave.
    What if those recommendations are wrong?"): that question is the point being made."""
    out: list[Candidate] = []
    for c in chosen:
        out.append(c)
        if c.intro:
            continue
        after = [d for d in cands if d.hit.chunk.chunk_id == c.hit.chunk.chunk_id and d.start >= c.end and not d.intro]
        nxt = min(after, key=lambda d: d.start, default=None)
        if nxt is None or nxt in chosen or nxt in out or any(_overlaps(nxt, d) for d in chosen):
            continue
        asks_next = (nxt.text.rstrip(" \"'\u201d\u2019").endswith("?") and len(words(nxt.text)) >= 3
                     and _same_paragraph(c, nxt) and not c.text.rstrip().endswith("?"))
        if c.text.rstrip().endswith(":") or asks_next:
            out.append(nxt)
    return out


#: "what did he actually say when he announced it?", "what did steve rollett tell MPs about ...?": a person's words.
_WHAT_SAID = re.compile(
    r"\bwhat\s+(?:did|does|has|had|was|is)\s+(?P<who>[\w'\u2019 ]{1,40}?)\s+(?:actually\s+|really\s+|exactly\s+|then\s+)?"
    r"(?:say|said|saying|tell|told|telling|announce|hope|hoped|mean|warn|warned|reckon)\b", re.I)
_SPEAKS = re.compile(r"\b(?:said|says|warned|told \w+|added|agreed):\s", re.I)


def asks_what_was_said(question: str) -> bool:
    """Whether a question asks for what a person said or thinks (not what a source says: "what does the union say
    ...?" is the whole document's view)."""
    for pattern in _ASKS_WORDS_OF:  # ... or thinks: "why does martyn oliver reckon ...?"
        m = pattern.search(question)
        if m and not _no_one_named(m.group("who").strip()):
            return True
    return False


def _no_one_named(who: str) -> bool:
    """Is the "who" of "what did X say?" a source or a pronoun, not someone whose words are asked for: "the
    union", "the handbook", "it", "they", "you"? (The chief inspector is someone: "what does HMCI reckon?")"""
    if _SIDE_TITLE.fullmatch(re.sub(r"^(?:the|ofsted['\u2019]?s?)\s+", "", who.strip(), flags=re.I)):
        return False
    if set(words(who)) & PERSON_WORDS:
        return False  # "the NAHT guy", "the CST bloke": a person speaking for a body
    return bool(named_authorities(who) or _A_SOURCE.fullmatch(who) or words(who)[-1:] in (["they"], ["you"], ["i"], ["we"]))


#: Who is a source, not a person: "what does Ofsted say ...?", "what did it say?".
_A_SOURCE = re.compile(r"(?:the\s+)?(?:ofsted|it|they|handbook|documents?|guidance|article|report|summary|blog|doc)", re.I)


def _speaks(c: Candidate) -> bool:
    """Is the sentence a speaker's words: it follows "X said:", or its paragraph is a quotation ("“I'm really
    excited about this pilot."), or the paragraph before introduces it ("Ofsted Chief Inspector, Sir Martyn
    Oliver, said:")?"""
    text = c.hit.chunk.text
    start = text.rfind("\n\n", 0, c.start)
    para = text[start + 2 if start >= 0 else 0 : c.end].lstrip()
    return (bool(_SPEAKS.search(c.text)) or para.startswith(("\u201c", '"')) or (start >= 0 and text[:start].rstrip().endswith(":"))
            # "Rollett agreed they were “inevitable at some point”, but said it was “important ...": named, saying, quoted
            or bool(person_named(c.text) and _SAYING.search(c.text) and re.search(r"[\u201c\"]", c.text)))


def speaker_before(doc: list[Candidate], at: int, reach: int = 4) -> Candidate | None:
    """The sentence naming who speaks in sentence `at` of a document's sentences (`doc`, in order), when it is
    someone's words that do not name them - a quotation, or "He also talked of ..." - : the nearest of the
    `reach` sentences before it that names a person ("Steve Rollett, deputy chief executive of the
    Confederation of School Trusts, also told MPs ..." for "He said policymakers needed to be ..."). None when
    the sentence is not speech, or no sentence near enough names anyone."""
    said = doc[at]
    if not (_SAID_AGAIN.match(said.text) or _speaks(said) or re.search(r"[\u201c\"]", said.text)):
        return None
    for c in reversed(doc[max(0, at - reach) : at]):
        if person_named(c.text) is not None:
            return c if _SAYING.search(c.text) or _speaks(c) else None
    return None


def with_quoted_words(cands: list[Candidate], chosen: list[Candidate], more: int = 3, only: set[str] | None = None) -> list[Candidate]:
    """For "what did he say ...?": a chosen sentence of a speaker's words is shown with the next `more` sentences of
    the same paragraph, which go on saying it ("I'm really excited about this pilot. It means we can bring in
    current sector insight ... It means more people in the sector, inspecting the sector.")."""
    out: list[Candidate] = []
    for c in chosen:
        if c in out:
            continue
        out.append(c)
        if not _speaks(c) or (only is not None and c.text.strip() not in only):  # `only`: the sentences of the speaker asked about
            continue
        after = sorted((d for d in cands if d.hit is c.hit and _same_paragraph(c, d) and not d.intro), key=lambda d: d.start)
        for d in after[:more]:
            if d not in out and not any(_overlaps(d, e) for e in out + chosen):
                out.append(d)
    return out


#: At most this many sentences of one speaker's statement are shown for "what's his pitch?".
_STATEMENT = 9


def whole_statement(cands: list[Candidate], chosen: list[Candidate], window: dict[str, bool], limit: int = _STATEMENT) -> list[Candidate]:
    """For "what's Martyn Oliver's pitch?": a chosen sentence of the asked speaker's quoted statement is shown with
    the rest of it, in the document's order: the run of their words around it (`window`: `speaker_window`, True
    for their words), across paragraphs and passages ("“I'm really excited about this pilot. ... inspecting the
    sector. ...” / “I know there are thousands of you ... So join us.”"), at most `limit` sentences. Only a
    quotation: a run with no quote mark is reported speech, shown as chosen."""
    out: list[Candidate] = []
    docs: dict[str, tuple[list[Candidate], list[bool]]] = {}  # each document's sentences in order, and which are quoted
    for c in chosen:
        if any(c is d or _overlaps(c, d) or c.text.strip() == d.text.strip() for d in out):
            continue
        if c.hit.chunk.doc_id not in docs:
            seen: dict[str, Candidate] = {}
            for d in sorted((d for d in cands if d.hit.chunk.doc_id == c.hit.chunk.doc_id and not d.intro),
                            key=lambda d: (d.hit.chunk.ordinal, d.start)):
                seen.setdefault(d.text.strip(), d)
            docs[c.hit.chunk.doc_id] = (list(seen.values()), _in_quotes(list(seen.values())))
        doc, quoted = docs[c.hit.chunk.doc_id]
        # (the chosen sentence, or the last of their sentences it holds: a passage may run the line that introduces
        # them into their first sentence, "..., said: “I’m really excited about this pilot.")
        at = next((i for i, d in enumerate(doc) if d.text.strip() == c.text.strip() and window.get(d.text.strip())), None)
        if at is None:
            at = max((i for i, d in enumerate(doc) if window.get(d.text.strip()) and d.text.strip() in c.text), default=None)
        if at is None or not quoted[at]:
            out.append(c)  # not their words, or reported speech ("Rollett also questioned whether ..."): shown as chosen
            continue

        def theirs(i: int, j: int) -> bool:  # sentence j, next to i, is their quoted words too (passages adjacent)
            return bool(window.get(doc[j].text.strip())) and quoted[j] and abs(doc[j].hit.chunk.ordinal - doc[i].hit.chunk.ordinal) <= 1

        lo = hi = at
        while lo > 0 and theirs(lo, lo - 1):
            lo -= 1
        while hi + 1 < len(doc) and theirs(hi, hi + 1):
            hi += 1
        run = doc[lo : hi + 1]
        if len(run) > limit:  # the part of the statement nearest the chosen sentence
            start = min(max(at - lo - limit // 2, 0), len(run) - limit)
            run = run[start : start + limit]
        if run[0] is doc[lo] and c.text.strip() == doc[at].text.strip():
            # from its opening: with the line that says whose words they are ("..., Sir Martyn Oliver, said:"), which
            # the passage runs into their first sentence
            opener = next((d for d in cands if d.hit.chunk.doc_id == c.hit.chunk.doc_id and d.intro.rstrip().endswith(":")
                           and d.text.strip().endswith(run[0].text.strip())), None)
            run = [opener, *run[1:]] if opener is not None else run
        if c.text.strip() != doc[at].text.strip():
            out.append(c)  # the line that introduces them stays, saying whose words follow
        out += [d for d in run if not any(d is e or _overlaps(d, e) or d.text.strip() in e.text for e in out)]
    return out


def _in_quotes(doc: list[Candidate]) -> list[bool]:
    """For a document's sentences in order: whether each is in a quotation (opens one, or one is open: not a
    sentence that reports a phrase of theirs, "Rollett also questioned whether MAT inspection was the “priority of
    the moment”"). A quotation runs on over
    paragraphs that open with a quote mark (the press convention: “... every day. / “I know ... So join us. /
    “I want ...”); a paragraph that does not open with one ends it."""
    flags: list[bool] = []
    quoting = False
    previous: Candidate | None = None
    for d in doc:
        new_paragraph = previous is None or d.hit is not previous.hit or "\n" in d.hit.chunk.text[previous.end : d.start]
        if new_paragraph and not d.text.lstrip().startswith("\u201c"):
            quoting = False
        opens, closes = d.text.count("\u201c"), d.text.count("\u201d")
        # their words (or the line that opens them: "..., Sir Martyn Oliver, said: “I’m really excited about this
        # pilot."), not a phrase of theirs reported
        flags.append(quoting or d.text.lstrip().startswith("\u201c") or opens > closes)
        quoting = (quoting or opens > closes) and not closes > opens
        previous = d
    return flags


#: A sentence that goes on from the one before by weighing it: "While this has worked well for inspection,
#: it can restrict chances for two-way professional reflection ..." after "Currently, most OIs join Ofsted as
#: individuals ...".
_GOES_ON_FROM = re.compile(r"^\W*(?:while|although|though|but|however|yet)\s*,?\s+(?:this|that|these|those)\b", re.I)
#: A sentence whose subject is an act, with no say of where or when it is done: it goes on about what the one
#: before spoke of ("... the end-of-day meetings on day 1 and day 2, the presence of the deputy head ... is
#: encouraged" - "Inviting as many available governors/trustees as possible is recommended").
_ACT_SUBJECT = re.compile(r"^(?!\d)[A-Z][a-z]{2,}ing\b[^,;:]{0,100}?\s(?:is|are|would|will|should|can|may|risks?)\b")


def with_sequels(cands: list[Candidate], chosen: list[Candidate], first: int = 2) -> list[Candidate]:
    """Each of the `first` chosen sentences with the next sentence of its paragraph when that one points back at
    it (`_GOES_ON_FROM`): what "this" is, and what is said of it, are one answer ("why is Ofsted changing how OIs
    come in?" - "most OIs join as individuals ... While this has worked well, it can restrict ...")."""
    out = list(chosen)
    for c in chosen[:first]:
        nxt = min((d for d in cands if d.hit is c.hit and d.start >= c.end and _same_paragraph(c, d) and not d.intro),
                  key=lambda d: d.start, default=None)
        if nxt is None or not (_GOES_ON_FROM.match(nxt.text) or _ACT_SUBJECT.match(nxt.text)) or nxt.text[:1].islower():
            continue
        if any(nxt is d or _overlaps(nxt, d) for d in out):
            continue
        if c.hit.chunk.text[c.end : nxt.start].strip():
            continue  # not the very next sentence
        out.insert(out.index(c) + 1, nxt)
    return out


#: A date on the calendar: a day and a month ("6 January", "January 8th", "19.1.24").
_CALENDAR_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")\b|"
    r"\b(?:" + _MONTH + r")\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
#: How near the best a sentence with a calendar date must score to go first for a "when ...?" question.
CALENDAR_FIRST = 0.7


def calendar_date_first(cands: list[Candidate], chosen: list[Candidate], asked_when: bool = True) -> list[Candidate]:
    """For "when ...?": when the best sentence dates the event only loosely ("in the first week of the new term",
    "in early January") and another about the same event gives the day ("Trials of new inspection approach to
    begin week of 6 January"), scoring at least `CALENDAR_FIRST` of the best, that one goes first: [it] or [].
    (`asked_when` False: a claim of when, to confirm, "... didn't start until after easter 2025 - is that right?",
    whose sentences are not typed as dates)"""
    if not chosen or _CALENDAR_DATE.search(chosen[0].text):
        return []
    dated = [c for c in cands if (c.typed or not asked_when) and c.about and _CALENDAR_DATE.search(c.text) and c.score >= CALENDAR_FIRST * chosen[0].score]
    return [max(dated, key=lambda c: c.score)] if dated else []


def lead_with(first: list[Candidate], chosen: list[Candidate], limit: int) -> list[Candidate]:
    """`first`, then the chosen sentences that repeat none of it, at most `limit` in all."""
    out: list[Candidate] = []
    for c in first + chosen:
        if not any(_overlaps(c, d) for d in out):
            out.append(c)
    return out[:limit]


#: What "what did Ofsted announce in March 2026?" asks beyond its date and source: the news itself.
_NEWS = re.compile(r"\bwhat\b.*?\b(?:announc\w*|publish\w*|releas\w*|launch\w*|unveil\w*|happen\w*|"
                   r"c[oa]me out|was new|news)\b", re.I | re.S)
_NEWS_TERMS = frozenset(content_terms("announce announced publish published release released launch launched unveil unveiled "
                                      "happen happened come came out news new did does do " + " ".join(MONTHS + MONTHS_SHORT)))


def asks_for_news(part: str) -> bool:
    """Whether a question (part) asks what a source announced or published at a date and nothing more specific:
    "what did Ofsted announce in Dec 2024?", "and then what happened in March 2026" (not "what did Ofsted announce
    about trials in December 2024?")."""
    m = _NEWS.search(part)
    if not m or not dates(part):
        return False
    # the words after the verb say what the news was about ("... announce about trials ..."); those before it name
    # the source ("what did TT Education publish ...")
    return not [t for t in topic_terms(part[m.end():]) if t not in _NEWS_TERMS and not t.isdigit()]


def with_antecedents(cands: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """A chosen sentence that leans on the one before ("Instead, ...") is shown after it, in the source's order."""
    out: list[Candidate] = []
    for c in chosen:
        lean = antecedent(cands, c)
        if lean is not None and lean not in chosen and lean not in out and not any(_overlaps(lean, d) for d in chosen):
            out.append(lean)
        out.append(c)
    return out


_PERSPECTIVE = re.compile(
    r"\b(compared (to|with)|each say|both say|who thinks|what do .{1,40} and .{1,40} (say|think)|"
    r"what (?:does|do|did) (?:the )?[\w' -]{2,30}? (?:think|make of)|"
    r"(?:how|where|in what ways?) (?:do|does|did) .{1,60}? differ|"
    r"agree|disagree|views?|opinions?|perspectives?|stances?|pitch|each side|both sides|either side|"
    r"(?:each|both) (?:of them )?(?:think|thinks|say|says|see|sees|want|wants|propose|proposes|suggest|suggests)|"
    # "is everyone on board with ...?", "who is against ...?", "how have unions reacted?": where each stands
    r"on board|in favou?r of|supportive|(?:who|anyone|anybody|everyone|people)\b.{0,20}\b(?:against|opposed?|objects?|objecting)|"
    r"opposition to|react(?:s|ed|ion|ions)?|backlash|push ?back|"
    r"(?:opposite|different|conflicting|contradictory|mixed) (?:things|messages|signals|lines)|"
    r"critics?|criticis\w*|controvers\w*|buy that|good idea|the other side|for and against|pros and cons)\b",
    re.I,
)


_AUTHORITY_NAMES = {
    "official": r"\bofsted\s+(say|says|said|think|claim|claims|and|or|vs\.?|versus)\b|\b(and|or|vs\.?|versus)\s+ofsted\b|"
    r"\bofsted's (view|position|pitch|line|stance|take|answer|response|side)|\bhmci\b|\bofficial(ly)?\b|"
    r"\b(press|news) releases?\b",  # "the ofsted press release": Ofsted's own news release, not the press
    "union": r"\b(union|unions|neu|naht)\b",
    "news": r"\b(news(?! releases?\b)|schools week|press(?! releases?\b)|mps|reports?ed|journalists?)\b",
    "commentary": r"\b(summary|tt education|commentary|blog)\b",
}


# Words that name a source or ask for a view, not what the view is about.
_VIEW_WORDS = frozenset(content_terms(
    "ofsted ofsteds union unions neu naht mps mp news schools week press official officially hmci government "
    "say says said saying think thinks thought view views opinion opinions agree agrees disagree disagrees "
    "compared compare each both side sides buy really good idea what who critics criticise criticism told tell "
    "general overall position stance line take attitude verdict actual actually"
))


def topic_terms(question: str) -> list[str]:
    """The words of a perspective question that say what it is about: "how seriously is Ofsted taking staff
    mental health compared to what the union says?" -> seriously, taking, staff, mental, health."""
    return [t for t in dict.fromkeys(content_terms(question)) if t not in _VIEW_WORDS]


#: "... compared to what the union says", "Ofsted says ...": how a perspective question frames its topic.
_COMPARED_TAIL = re.compile(r"\s*[,\-\u2013\u2014]?\s*\b(?:compared (?:to|with)|versus|vs\.?|as opposed to)\b(?P<tail>.*)$", re.I)
_SAYS_LEAD = re.compile(r"^\s*(?P<who>(?:the\s+)?[\w' ]{2,30}?)\s+(?:says?|said|claims?|thinks?|reckons?)\s+(?:that\s+)?(?=\w)", re.I)


#: What the asker wants the answer for ("want to explain it to new staff in our branch meeting", "need to brief
#: governors"): not what the sources' views are asked on.
_ASKERS_PURPOSE = re.compile(
    r"^(?:(?:i|we)(?:'m|'re| am| are)?\s+)?(?:just\s+)?(?:want|wanting|need|needing|trying|hoping|going|have|got)\s+to\s+"
    r"(?:explain|tell|brief|share|present|write|put together|prepare|update|show|give|let|pass|summari[sz]e|talk)\b", re.I)


def perspective_topic(question: str) -> str:
    """What a perspective question asks the sources' views on, without the words that ask for the views:
    "Should I sign up to be an OI? what do Ofsted and the union each say?" -> "Should I sign up to be an OI";
    "Ofsted says it's rebuilding trust - does the union buy that?" -> "it's rebuilding trust". The question
    itself when every piece of it is about the views (or none is)."""
    def framing(text: str) -> bool:
        return not topic_terms(text)

    keep = []
    pieces = [p.strip(" ?-\u2013\u2014,;") for p in re.split(r"\?|\s[-\u2013\u2014]\s", question)]
    purpose = [p for p in pieces if _ASKERS_PURPOSE.match(p)]
    if purpose:  # "... ? want to explain it to new staff": what the answer is for, not part of what is asked
        question = "? ".join(p for p in pieces if p and p not in purpose) + "?"
    for piece in pieces:
        if not piece or piece in purpose or framing(piece):
            continue
        m = _COMPARED_TAIL.search(piece)
        if m and framing(m.group("tail")) and not framing(piece[: m.start()]):
            piece = piece[: m.start()].strip()
        m = _SAYS_LEAD.match(piece)
        if m and framing(m.group("who")) and not framing(piece[m.end():]):
            piece = piece[m.end():].strip()
        keep.append(piece)
    return "? ".join(keep) if keep else question


#: The words that name a kind of source in general ("the union"), not one organisation.
_KIND_WORDS = {"union": frozenset(content_terms("union unions guidance advice")), "news": frozenset(content_terms("news press journalist journalists"))}
#: Organisations a question can name a source by, where a kind of source ("the union") has several.
_ORGANISATIONS = re.compile(rf"\b(?:{'|'.join(ORGANISATIONS)})\b", re.I)
#: The words that name a source, by its kind or as an organisation ("the union", "NEU").
_SOURCE_NAMES = frozenset().union(*_KIND_WORDS.values(), content_terms(" ".join(ORGANISATIONS)))


#: The unions among the organisations, and the asker's own union as they say it.
_UNIONS = ("neu", "naht", "ascl", "nasuwt")
_OUR_UNION = re.compile(r"\b(?:our|my)\s+union\b", re.I)


def own_union(question: str) -> str:
    """"NAHT member. What did our union tell MPs ...?" -> "... What did the NAHT tell MPs ...?": "our union" is the
    one union the question names, when it names exactly one (else the question as it is: "our union" then means
    whichever union's guidance the documents have)."""
    named = {m.group(0).lower() for m in _ORGANISATIONS.finditer(question)} & set(_UNIONS)
    if len(named) != 1 or not _OUR_UNION.search(question):
        return question
    return _OUR_UNION.sub(f"the {named.pop().upper()}", question)


def names_publisher(question: str, publisher: str) -> bool:
    """Whether the organisations the question names (if it names any) include this publisher: "what is the NAHT's
    position?" does not name the NEU's guidance, though both are unions."""
    named = {m.group(0).lower() for m in _ORGANISATIONS.finditer(question)}
    return not named or any(re.search(rf"\b{n}\b", publisher, re.I) for n in named)


def named_authorities(question: str) -> set[str]:
    """Kinds of source a question names ("what does the union say ...")."""
    return {a for a, pattern in _AUTHORITY_NAMES.items() if re.search(pattern, question, re.I)}


_ASKS_WHAT_SOURCE_SAYS = re.compile(
    r"\b(?:what|how|where)\s+(?:does|do|did)\s+(?P<src>(?:the\s+)?[\w' -]{2,30}?)\s+"
    r"(?:say|says|think|advise|recommend|suggest|tell|want|propose|report|describe|make of|stand|react|respond|feel)\b",
    re.I,
)
#: "is the NEU supportive of report cards?", "are the unions on board with the pilot?": that source's stance.
_SOURCE_STANCE = re.compile(
    r"^(?:so |and |but )?(?:is|are|was|were)\s+(?P<src>(?:the\s+)?[\w' -]{2,30}?)\s+(?:\w+\s+)?"
    r"(?:supportive|in favou?r|on board|against|opposed|behind|keen|happy)\b", re.I)


#: "is the union position that inspections should stop?", "is the NEU calling for a pause?": what that source holds.
_SOURCE_POSITION_THAT = re.compile(
    r"\b(?:is|was|are|were)\s+(?:it\s+)?(?P<src>(?:the\s+)?[\w' -]{2,30}?)(?:'s|\u2019s)?\s+(?:(?:position|line|view|stance|policy)\s+(?:that|to)|"
    r"(?:calling|asking|pushing|campaigning|arguing)\s+for|(?:demanding|urging|proposing|recommending|advising|saying|arguing|wanting)\b)", re.I)
_ASKS_IF_SOURCE_SAYS = re.compile(  # "does the union want heads to stop being inspectors?"
    r"(?:so |and |but )?(?:does|do|did|would|will)\s+(?P<src>(?:the\s+)?[\w' -]{2,30}?)\s+"
    r"(?:want|say|think|support|recommend|advise|suggest|tell|back|urge|agree)\b",
    re.I,
)


#: The nouns for a source's view: "the NEU's position", "their line", "the union's take", "the union's demand on", "their advice on".
_VIEW_NOUNS = r"view|views|position|stance|line|take|opinion|verdict|attitude|demands?|calls?|advice|message|argument|case"
_SOURCE_VIEW = re.compile(  # "what's the NEU's general view of Ofsted?", "the NEU line on whether ...", "their bottom line on"
    r"(?P<src>\b[\w-]+(?:\s+[\w-]+){0,2}?)(?:'s|\u2019s)?\s+(?:general\s+|overall\s+|official\s+|own\s+|actual\s+|bottom\s+)?"
    rf"(?:{_VIEW_NOUNS})\s+(?:of|on|about|towards?)\b",
    re.I,
)


#: A view asked of Ofsted, or inspection, itself: "the NEU's stance on Ofsted".
_OF_OFSTED = re.compile(r"\b(?:on|of|about|towards?)\s+(?:ofsted|inspections?|inspecting)\b", re.I)
_THEIR = re.compile(r"\b(?:their|they)\b", re.I)
#: Words that ask for a source's view as a whole.
_SOURCE_VIEW_WORD = re.compile(r"\b(?:take|stance|position|line|view|verdict|attitude|opinion)\b", re.I)


def source_view_of_ofsted(part: str, question: str) -> set[str]:
    """The kind of source (`asked_source`) whose view of Ofsted itself one part of a multi-part `question` asks
    for: "What's the NEU's actual stance on Ofsted? Are they calling for inspections to stop?" -> union (its
    first part); "their" is the one source the question names ("... is that their position? what's their take on
    ofsted?"). Not a view of what another part asks ("what do Ofsted and the union each say?", "what does the
    union say about it?"): empty."""
    if not _OF_OFSTED.search(part):
        return set()
    if (asked := asked_source(part)) or not _THEIR.search(part):
        return asked
    named = named_authorities(question) - {"official"}
    return named if len(named) == 1 and _SOURCE_VIEW_WORD.search(part) else set()


def asked_source(question: str) -> set[str]:
    """The kind of source whose words the question asks for ("what does the union say to focus on?" ->
    union), when it is one other than Ofsted itself: the answer then quotes that source. (What Ofsted says
    reaches users through summaries too, so "what does Ofsted say ...?" is not narrowed.)"""
    m = _source_view_match(question)
    if not m:
        return set()
    return named_authorities(m.group("src")) - {"official"}


def _source_view_match(question: str) -> re.Match | None:
    """Where the question asks what a source says, thinks or holds (its `src` group names the source)."""
    return (_ASKS_WHAT_SOURCE_SAYS.search(question) or _ASKS_IF_SOURCE_SAYS.match(question.strip()) or _SOURCE_VIEW.search(question)
            or _SOURCE_STANCE.match(question.strip()) or _SOURCE_POSITION_THAT.search(question))


#: Words that ask for a view and say nothing of what it is about.
_VIEW_ONLY = frozenset(content_terms(
    "ask asking asks call calling calls demand demanding demands want wanting wants say saying says said think thinks "
    "urge urging urges propose proposing recommend recommending advise advising argue arguing push pushing campaign "
    "campaigning position view views stance line take message advice argument case opinion attitude "
    "actually really general overall main basically exactly official"))


#: "what's the union's position?", "what's their line": a source's view, asked with nothing after it.
_SOURCE_VIEW_ALONE = re.compile(
    r"(?P<src>\b[\w-]+(?:\s+[\w-]+){0,2}?)(?:'s|\u2019s)\s+(?:general\s+|overall\s+|official\s+|own\s+|actual\s+|main\s+)?"
    rf"(?:{_VIEW_NOUNS})\W*$", re.I)


def whole_view_asked(question: str) -> bool:
    """Does the question ask what a source (other than Ofsted) wants or says, and nothing more ("what is the NEU
    calling for?", "what are the unions demanding?", "what's the union's position?")? Its main lines answer it,
    however loosely they match."""
    m = _source_view_match(question) or _SOURCE_VIEW_ALONE.search(question.strip())
    if not m or not named_authorities(m.group("src")) - {"official"}:
        return False
    return not set(content_terms(question)) - set(content_terms(m.group("src"))) - _VIEW_ONLY


def asked_throughout(question: str, parts: list[str]) -> set[str]:
    """`asked_source` of a question in `parts`, when every part asks that source: by naming it, or as "they" with
    no other source named ("what's the union's demand on routine inspections and what's their reasoning?" ->
    union). A part about something else ("... and when does the pilot start?") asks no one source: empty."""
    asked = asked_source(question)
    if len(parts) < 2 or not asked:
        return asked
    return asked if all(asked_source(p) == asked or (not named_authorities(p) and _THEIR.search(p)) for p in parts) else set()


def is_perspective_question(question: str) -> bool:
    """Does the question ask what different sources think (so each side must be heard)?"""
    return bool(_PERSPECTIVE.search(question))


_SURVEY = re.compile(
    r"\b(what (do|does) (the|these|your|all the|the different) (docs?|documents?|sources?|papers?)|"
    r"which (of the |of these )?(docs?|documents?|sources?|papers?)|"
    r"(anything|everything|all) (about|on)|across (the|these) (docs?|documents?|sources?)|in (them|these docs|these documents)|"
    r"pops? up|mentioned|mentions)\b",
    re.I,
)


def is_survey_question(question: str) -> bool:
    """Does the question ask what the documents (plural) say about something (so each document is heard)?"""
    return bool(_SURVEY.search(question))


_PART_SPLIT = re.compile(
    r"\?\s+(?=\S)|(?:,?\s+(?:and(?:\s+then)?|also|plus|then)|\s[-\u2013\u2014])\s+(?=(?:who|what|where|when|which|how|why|is|are|can|do|does|did|will|should)\b"
    # "..., and if it's still not sorted once they've gone what can we do?": a case, then its own question
    r"|if\s(?!so\b|not\b)[^?]{3,80}?\b(?:who|what|where|when|which|how|can|could|do|should)\b)", re.I
)


_CLAIM = re.compile(r"\b(?:told|said|says|say|heard|read|according to|apparently|supposedly|is it (?:true|right|correct)|"
                    r"now|rule|rules|handbook|guidance|ofsted|policy|must|have to|has to|allowed|compulsory)\b", re.I)


_SAID_ABOUT = re.compile(
    r"\b(?:say|says|said|mention|mentions|mentioned|talk|talks|write|writes|have|has)\s+(?:anything|something|much|a lot)?\s*"
    r"(?:about|on|regarding)\s+(?P<topic>[^?]{2,40}?)\s*\??\s*$", re.I)


#: "whats the NEU line on routine ofsted inspections, do they want ...?": the view asked for, on what.
_VIEW_ON = re.compile(
    rf"\b(?:{_VIEW_NOUNS}|thinking)\s+(?:on|about|regarding)\s+"
    r"(?P<topic>[^?,;]{2,40}?)\s*(?:[?,;]|\s[-\u2013]\s|$)", re.I)


#: "What does the NEU say leaders should do?", "what is the union telling heads to do?": its advice to them.
_ADVICE_TO = re.compile(
    r"\bwhat (?:does|did|do|would|is|are) (?:the )?[\w' -]{2,30}? (?:say|says|tell|want|advise|recommend|urge|suggest|expect|ask|"
    r"saying|telling|advising|recommending|urging|suggesting|asking)\s+(?P<who>(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
    r"(?:should|must|to|ought to|need to|needs to|can)\s+(?:be\s+)?do(?:ing)?\b", re.I)


#: "what's the four strands thing the NEU mentions?", "what's this grab bag stuff MPs heard about?": X, which the
#: source is said to mention.
_MENTIONED = re.compile(
    r"\bwhat(?:'s|\u2019s| is| are| was| were)\s+(?:the|this|that|these|those)\s+(?P<topic>[\w'\u2019 -]{2,40}?)\s+"
    r"(?:thing|things|stuff|bit|business|idea)\s+(?:that\s+|which\s+)?(?:[\w'-]+\s+){1,3}?"
    r"(?:mentions?|mentioned|talks? about|talked about|refers? to|referred to|goes? on about|went on about|brings? up|brought up|heard about)\b", re.I)


#: "what does the union guidance say we should focus on around inclusion and wellbeing?": what its advice is on.
_FOCUS_ON = re.compile(
    r"\b(?:say|says|said|advise|advises|recommend|recommends|suggest|suggests|want|wants)\b[^?]{0,30}?\b(?:focus|focusing|concentrate|concentrating|"
    r"prioriti[sz]e|prioriti[sz]ing|look at|looking at)\s+(?:on\s+)?(?:around|regarding|when it comes to|in terms of)?\s*"
    r"(?P<topic>[^?]{2,40}?)\s*\??\s*$", re.I)


def said_about(question: str) -> str | None:
    """What a "does the union say anything about X?" / "what does the NEU say about X?" / "what's the X thing the
    NEU mentions?" / "what does it say we should focus on around X?" question asks about: X; for "what does the NEU
    say leaders should do?", the people advised."""
    m = (_SAID_ABOUT.search(question) or _VIEW_ON.search(question) or _ADVICE_TO.search(question) or _MENTIONED.search(question)
         or _FOCUS_ON.search(question))
    topic = m.group("topic" if "topic" in m.groupdict() else "who") if m else ""
    return topic.strip() if m and content_terms(topic) else None


#: "What did Ian Hartwright say about report cards?": who is asked about, and on what.
_SPEAKER_ON = re.compile(
    r"\bwhat\s+(?:did|does|has|had|do)\s+(?P<who>[\w' .-]{2,40}?)\s+(?:say|said|says|think|thinks|thought|tell|told|"
    r"write|wrote|warn|warned)\s+(?:[\w']+\s+){0,2}?(?:about|on|regarding)\s+(?P<topic>[^?]{2,40}?)\s*\??\s*$", re.I)


def speaker_and_topic(question: str) -> tuple[str, str] | None:
    """Who a "what did X say about Y?" question asks about, and Y, when X is named (not "the union",
    "Ofsted": what a source says is the whole document): ("Ian Hartwright", "report cards")."""
    m = _SPEAKER_ON.search(question)
    if not m or named_authorities(m.group("who")) or not content_terms(m.group("topic")):
        return None
    who = m.group("who").strip()
    return (who, m.group("topic").strip()) if re.search(r"\b[A-Z][\w'-]+", who) else None


#: Words that ask for an organisation's view: "the NAHT's position on", "does the CST support ...".
_ASKS_VIEW = re.compile(r"\b(?:views?|position|stance|line|take|opinions?|verdict|attitude|think|thinks|thought|says?|said|"
                        r"reckons?|wants?|wanted|supports?|backs?|feels?|stand)\b", re.I)


#: Telling whom, which frames what was said rather than being part of it: "what did the NAHT tell the committee about".
_TOLD_WHOM = re.compile(r"\b(?:tell|tells|told|telling|say|says|said|saying|talk(?:ed|ing)? to)\b(?:\s+(?:the\s+)?(?:education\s+)?(?:committee|mps|inquiry|hearing))?", re.I)


def organisation_and_topic(question: str) -> tuple[str, str] | None:
    """One organisation the question names by its initials and asks the view of, and what it asks about (the
    sentence that asks, without the name and without telling whom): "What is the NAHT's position on report
    cards?" -> ("NAHT", "What is the 's position on report cards?"); "What did the NAHT tell the committee about 2
    day inspections?" -> ("NAHT", "What did the   about 2 day inspections?")."""
    asking = asked_sentence(question) or question
    # "CST said ofsted couldn't compete on pay - has the OI pilot done anything about the money side?": what the
    # organisation said is the asker's context; the question after the dash asks something else
    pieces = re.split(r"\s[-\u2013\u2014]\s", asking)
    if (len(pieces) > 1 and _ASKS_VIEW.search(pieces[0]) and not YES_NO_START.search(pieces[0].strip())
            and not re.search(r"\?|^\s*(?:who|what|whats|where|when|which|how|why)\b", pieces[0], re.I)):
        asking = " - ".join(pieces[1:])
    named = list(dict.fromkeys(m.group(0) for m in _ORGANISATIONS.finditer(asking)))
    if len(named) != 1 or not _ASKS_VIEW.search(asking):
        return None
    return named[0], _TOLD_WHOM.sub(" ", re.sub(rf"\b{named[0]}\b", " ", asking))


def speaker_terms(who: str, sentences: list[tuple[str, frozenset[str]]] = ()) -> list[frozenset[str]]:
    """The ways a sentence can name `who`: its last name ("Ian Hartwright" -> {hartwright}), or the words an
    abbreviation stands for ("CST" -> {confeder, school, trust}); and an organisation speaks through the people
    the documents name with it ("Steve Rollett, deputy chief executive of the Confederation of School Trusts"
    -> {rollett}), among `sentences` (each its text and terms)."""
    last = words(who)[-1]
    ways = [frozenset(content_terms(last))]
    if last in GLOSSARY:
        ways.append(frozenset(content_terms(GLOSSARY[last])))
    ways = [w for w in ways if w]
    for sentence, terms in sentences:
        if any(way <= terms for way in ways):
            ways += [frozenset(content_terms(m.group(1))) for m in _NAMED_WITH.finditer(sentence)]
    return list(dict.fromkeys(w for w in ways if w))


#: "why does martyn oliver reckon ...?", "does the CST think ...?": whose thinking is asked about.
_WHOSE_VIEW = re.compile(
    r"\b(?:why|how come)?\s*(?:does|did|do|would)\s+(?P<who>[\w'\u2019 .-]{2,40}?)\s+(?:actually\s+|really\s+|honestly\s+|genuinely\s+)?"
    r"(?:think|thinks|reckon|reckons|believe|"
    r"believes|feel|feels|want|wants|say|says|argue|argues|warn|warns)\b", re.I)


#: A person's view asked for by name: "what's Martyn Oliver's pitch for ...?", "HMCI's take on ...".
_WHOSE_CASE = re.compile(
    r"\b(?P<who>(?:(?:sir|dame|mr|mrs|ms|dr)\s+)?(?!(?:the|our|my|their|your|a|an|its|his|her|is|are|was|were|what|whats|what's|and|so|but)\s)[a-z][\w-]+\s+[a-z][\w-]+|hmci|(?:the\s+)?chief inspector)['\u2019]s\s+"
    r"(?:pitch|view|views|line|take|argument|case|position|stance|reasoning|thinking|message|answer|response)\b", re.I)


#: How someone makes their case: "how is Martyn Oliver selling the pilot to leaders?".
_HOW_SOLD = re.compile(
    r"\bhow\s+(?:is|was|does|did|has)\s+(?P<who>[\w'\u2019 .-]{2,40}?)\s+(?:selling|sell|sold|pitching|pitch|pitched|justifying|justify|"
    r"justified|making the case for|make the case for|arguing for|argue for|framing|frame|framed|presenting|present|presented)\b", re.I)


#: The reasons someone gave: "what reasons did HMCI give for wanting more serving leaders to inspect?".
_REASONS_GIVEN = re.compile(
    r"\bwhat\s+(?:(?:were|are)\s+(?:the\s+)?)?(?:reasons?|arguments?|justifications?|grounds|points?)\s+(?:did|does|has|had|do)\s+"
    r"(?P<who>[\w'\u2019 .-]{2,40}?)\s+(?:give|gave|given|offer|offered|make|made|put forward|set out|use|used)\b", re.I)


#: The shapes of a question asking for someone's words, each with a "who" group, most telling first.
_ASKS_WORDS_OF = (_WHAT_SAID, _WHOSE_VIEW, _WHOSE_CASE, _HOW_SOLD, _REASONS_GIVEN)


#: Someone the question names as saying or doing something before it asks what "he" or "she" said: "Martyn Oliver
#: keeps saying ...". (Whether it is a name the documents use is the engine's check.)
_NAMED_BEFORE = re.compile(
    r"(?:^|[.?!,;:\u2013-]\s*)(?:sir\s+|dame\s+)?([a-z]+\s+[a-z]+)\s+(?:keeps|kept|has|had|was|is|said|says|told|"
    r"wants|wanted|reckons|thinks|announced|claims|claimed)\b", re.I)


def asked_speaker(question: str) -> str | None:
    """The person or organisation whose words a question asks for, when it names one: "what did steve rollett
    tell MPs about ...?" -> "steve rollett"; "what was the naht guy saying ...?" -> "naht"; "why does martyn
    oliver reckon ...?" -> "martyn oliver". Not a source ("what does the handbook say?"), nor "he" or "they"."""
    for pattern in _ASKS_WORDS_OF:
        m = pattern.search(question)
        if not m:
            continue
        who = m.group("who").strip()
        org = _ORGANISATIONS.search(who)
        if org:
            return org.group(0).lower()
        if spelled := [a for a in ABBREVIATIONS if a in text_terms(who)]:
            return spelled[0]  # "the Confederation of School Trusts guy" -> "cst"
        if words(who)[-1:] in (["he"], ["she"]):
            if named := _NAMED_BEFORE.findall(question[: m.start()]):
                return named[-1].lower()  # "Martyn Oliver keeps saying ... - what exactly did he say?"
            continue  # "does the chief inspector reckon ...? what did he say": whom the question asks about first
        if _no_one_named(who):
            return None
        if _SIDE_TITLE.search(who):
            return "chief inspector"  # "what does HMCI reckon ...?": whose words the documents give as the chief inspector's
        return who if len(words(who)) >= 2 and not (set(words(who)) & STOPWORDS - {"the"}) else None
    org = organisation_and_topic(question)
    return org[0].lower() if org else None


_FIRST_PERSON = re.compile(r"\b(?:I|I['\u2019]m|I['\u2019]ve|me|my|we|we['\u2019]re|our|us)\b")


def speaker_window(ways: list[frozenset[str]], documents: list[list[tuple[str, frozenset[str]]]], after: int = 3) -> dict[str, bool]:
    """The sentences (texts) that name the speaker (one of `ways`) or follow one that does (within `after`
    sentences of its document, or further while quoting them), where the documents give their words; each with
    whether it is those words: it says what they said ("But Rollett warned: ...") or quotes them ("“What if those
    recommendations are wrong?”")."""
    out: dict[str, bool] = {}
    for sents in documents:
        for i, (named, terms) in enumerate(sents):
            if not any(way <= terms for way in ways):
                continue
            out[named] = out.get(named, False) or bool(_SAYING.search(named))
            quoting = False  # inside their quotation, which may run on over paragraphs ("“I'm really excited ...")
            since = 0  # sentences since they were last named, or spoken of as saying more ("He said policymakers ...")
            # "Ofsted Chief Inspector, Sir Martyn Oliver, said:" and then their statement, unquoted, for as long as it
            # speaks in the first person ("Our response to the Big Listen ... I'm pleased ... I hope ...")
            stating = named.rstrip().endswith(":") and bool(_SAYING.search(named))
            for text, terms_after in sents[i + 1 :]:
                if not quoting and not any(way <= terms_after for way in ways) and person_named(text):
                    break  # "In light of these pressures, Rollett warned that ...": someone else speaks now
                stating = stating and bool(_FIRST_PERSON.search(text))
                if _SAID_AGAIN.match(text) or stating:
                    since = 0
                elif since >= after and not quoting and not text.lstrip().startswith("\u201c"):
                    break
                since += 1
                opens, closes = text.count("\u201c"), text.count("\u201d")
                out[text] = out.get(text, False) or quoting or opens > 0 or stating
                quoting = (quoting or opens > closes) and not closes > opens
    return out


#: A sentence that opens with a person and their role: "Steve Rollett, deputy chief executive of ...".
_NAMED_WITH = re.compile(r"^\s*(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Professor) )?[A-Z][a-z]+ ([A-Z][a-z'-]+),")


def quoted_on(ways: list[frozenset[str]], units: list[frozenset[str]],
              documents: list[list[tuple[str, frozenset[str]]]], before: int = 1, after: int = 3, every: bool = True) -> bool | None:
    """Do the documents (each a list of sentences in order, each its text and terms) speak of every one of the
    topic's `units` (or, not `every`, of any) within a few sentences of naming the speaker (one of `ways`)? None
    when they never name the speaker."""
    named = False
    for sents in documents:
        for i, (_, terms) in enumerate(sents):
            if not any(way <= terms for way in ways):
                continue
            named = True
            near = frozenset().union(*(t for _, t in sents[max(0, i - before) : i + after + 1]))
            if (all if every else any)(u & near for u in units):
                return True
    return False if named else None


_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|v|mr|mrs|ms|dr|st|no|para|paras|approx)\.|\b[a-z]\.)$", re.I)


def question_sentences(question: str) -> list[str]:
    """The sentences of a question as staff type them, in lower case too ("... from 2014 lol. the union doc
    says something about this doesnt it? what do they want us to do" -> three)."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.?!])\s+(?=[\w'\"\u2018\u201c(])", question.strip()):
        if out and _ABBREVIATION.search(out[-1]):  # "e.g. the head", "para. 94"
            out[-1] = f"{out[-1]} {piece}"
        elif piece:
            out.append(piece)
    return out


def asked_sentence(question: str) -> str | None:
    """The sentence that asks, when a question comes with context first ("I'm a TA and really anxious about
    being observed. Am I allowed to have someone with me ...?" -> the second sentence); None for one sentence."""
    sentences = question_sentences(question)
    asking = [x for x in sentences if "?" in x] or [x for x in sentences if _ASKS.match(x)]  # typed without "?"
    return asking[-1] if len(sentences) > 1 and asking else None


#: A sentence that asks, with or without its question mark ("can she have someone sat with her").
_ASKS = re.compile(r"^\W*(?:so |and |but |ok |okay )?(?:can|could|is|are|do|does|did|should|will|would|may|must|has|have|what|when|where|"
                   r"who|why|how|which)\b", re.I)


#: "two of my senior staff", "our three deputies", "we have 2 governors": a count of the asker's own people or things.
_OWN_COUNT = re.compile(
    r"\b(?P<n>[\w-]+)\s+of\s+(?:my|our|us)\b|\b(?:my|our)\s+(?P<m>[\w-]+)\s+[a-z-]+s\b"
    r"|\b(?:we|i)(?:'ve|\s+have)?\s+(?:got\s+)?(?P<k>[\w-]+)\s+(?:[\w-]+\s+)?(?:staff|deputies|governors|trustees|teachers|leaders|heads|schools|colleagues)\b"
    # "two things about martyn oliver:", "3 quick questions": how the asker counts their own questions
    r"|\b(?P<f>[\w-]+)\s+(?:quick\s+|short\s+|related\s+)?(?:things|questions|qs|bits|parts|points|ones)\b(?=\s+(?:about|on|re|regarding|for)\b|\s*[:?,-])"
    # "how do the two line up?", "what do the two say?": the things the asker has just named, not a number of anything
    r"|\bthe\s+(?P<t>two|three|2|3)\b(?=\s*(?:[?.!,]|$)|\s+(?:of\s+(?:them|these|those)|line|compare|fit|match|square|differ|"
    r"agree|disagree|relate|tally|sit|say|said|think|sides?|views?|positions?|documents?|docs?|sources?|together)\b)",
    re.I)


def own_counts(question: str) -> set[str]:
    """The numbers that count the asker's own people or questions ("letting two of my senior staff do the pilot",
    "two things about martyn oliver:") or point back at what they named ("how do the two line up?"), which no
    document need confirm."""
    return {n for m in _OWN_COUNT.finditer(question) for g in ("n", "m", "k", "f", "t")
            if m.group(g) and not re.search(r"[.:]", m.group(g)) for n in numbers(m.group(g))}


def premise_text(question: str) -> str:
    """What a question claims or asks, without the asker's own circumstances: "Our head has been off for two
    weeks ... Can she ask for a deferral?" takes nothing for granted about two weeks. The sentences that ask,
    and any that report a rule or what someone said ("we were told deferrals are accepted until 6pm")."""
    sentences = question_sentences(question)
    if len(sentences) < 2:
        return question
    return " ".join(x for x in sentences if "?" in x or _ASKS.match(x) or _CLAIM.search(x)) or question


#: Words after which a year is part of what the question takes for granted or reports ("since 2024 ...", "why did
#: ... by December 2024?", "I heard that in 2024 ..."), not when it asks about.
_TAKEN_FOR_GRANTED = re.compile(
    r"\b(?:since|now|given|as|because|seeing|why|heard|told|said|says|say|apparently|read|according|reckons?|claims?|"
    r"supposedly|after|once|if|when)\b", re.I)


def dates_asked_about(question: str) -> set[tuple[int, int | None]]:
    """The years (with months) a question places what it asks about in: "what did Ofsted announce in Dec 2024?"
    -> {(2024, 12)}; "how many were done by december 2024?" -> {(2024, 12)}. Not a year in a premise or a reported
    claim ("since the 2024 rules let parents attend, ...", "why did Ofsted finish them all by 2024?"), nor in the
    asker's own circumstances (a sentence that does not ask)."""
    out: set[tuple[int, int | None]] = set()
    for sentence in question_sentences(question):
        if "?" not in sentence and not _ASKS.match(sentence):
            continue
        out |= {d for at, d in date_mentions(sentence) if not _TAKEN_FOR_GRANTED.search(sentence[:at])}
    return out


def question_parts(question: str) -> list[str]:
    """The separate questions in one ("how much notice do we get and how long are they in for?" -> two).
    One part when it asks one thing; parts of fewer than three words ("and when") are folded into the previous."""
    parts: list[str] = []
    for p in _PART_SPLIT.split(question.strip()):
        p = p.strip(" ?,;-")
        if (listed := _ENUMERATED.split(p)) and len(listed) > 2:
            # "are colleges involved in (a) piloting the new framework and (b) the OI pilot?": each item with
            # what is asked of both
            stem, items = listed[0].strip(), [i.strip(" ,;") for i in listed[1:]]
            items = [re.sub(r"(?:,?\s+(?:and|or))$", "", i).strip(" ,;") for i in items]
            parts += [f"{stem} {i}".strip() for i in items if i]
            continue
        if not p:
            continue
        if parts and len(words(p)) < 3:
            parts[-1] = f"{parts[-1]} and {p}"
        else:
            parts.append(p)
    # "FE college VP here - are colleges like ours involved in ...?": who asks is not a question; what it says of
    # them ("FE college") belongs to each part
    if len(parts) > 1 and (intro := _ASKER_INTRO.match(parts[0] + " - ")) and intro.end() > len(parts[0]):
        parts.pop(0)
        setting = intro.group("setting").strip()
        parts = [f"{p} ({setting})" if setting else p for p in parts]
    # "... is she going to get in bother for that? we haven't had the report yet": context after the question
    if len(parts) > 1 and not question.rstrip().endswith("?") and not _ASKS.match(parts[-1]) and not _WH.search(parts[-1]):
        parts[-2:] = [f"{parts[-2]}? {parts[-1]}"]
    # "final feedback meeting qs - can we invite more leaders? and does everyone have to sit through the whole
    # thing?": what the questions are about, said once before them, belongs to each
    head, colon, rest = parts[0].partition(":") if parts else ("", "", "")
    if colon and rest.strip() and _TOPIC_LABEL.match(head):  # "two things re the OI pilot: is it only schools ...?"
        parts[:1] = [head.strip(), rest.strip()]
    m = _TOPIC_LABEL.match(parts[0]) if len(parts) > 1 else None
    if m and not _ASKS.match(parts[0]) and not _WH.search(parts[0]):
        topic = m.group("t") or m.group("u")
        parts = [p if set(content_terms(topic)) <= set(content_terms(p)) else f"{p} ({topic})" for p in parts[1:]]
    return parts or [question]


#: Items a question numbers or letters in a row: "(a) ... and (b) ...", "1) ... 2) ...".
_ENUMERATED = re.compile(r"\s*\(?\b(?:[a-e]|[1-5])\)\s+")
#: A label saying what the questions after it are about: "two things re the OI pilot", "about the contact number",
#: "final feedback meeting qs".
_TOPIC_LABEL = re.compile(
    r"^\W*(?:(?:(?:two|2|three|3|a couple of|a few|quick)\s+)?(?:things?|qs?|questions?|queries)\s+|"
    # "keep hearing about 'report cards' - what are they meant to replace?"
    r"(?:i\s+)?(?:keep|kept)\s+(?:hearing|reading|seeing)\s+|(?:i(?:'ve| have)\s+)?(?:heard|read|seen)\s+(?:a lot\s+|loads\s+|stuff\s+)?)?"
    r"(?:about|re|regarding|on)\s+(?P<t>[^?]{3,60})$"
    r"|^\W*(?P<u>[^?]{3,60}?)\s+(?:qs|q's|questions?|queries)$", re.I)


_WH = re.compile(r"\b(?:who|what|where|when|which|how|why)\b", re.I)


_THEY = re.compile(r"\b(?:they|them)\b", re.I)
#: A later part's name for a thing an earlier part named: "where did that idea come from?".
_THAT_IDEA = re.compile(r"\b(?:that|this|the) (?:idea|thing|plan|proposal|policy|concept)\b", re.I)
#: Groups of people a "they" in a later part of a question can mean: people, and the bodies that speak as one
#: ("does the NEU want ...? what are they asking for?"; not Ofsted, which nearly every question names).
_PEOPLE = frozenset(_GROUPS + "unions trusts neu naht ascl cst union labour".split())


def resolved_parts(parts: list[str]) -> list[str]:
    """Each later part of a multi-part question with a bare "they" resolved: to the last group of people the
    parts before it name ("what do unions want and how long have they campaigned?"), else to inspectors, whom
    an unexplained "they" means in a question about inspection ("how much notice do we get and how long are
    they in for?"). The part is searched and judged by its own words, so "they" alone would find nothing."""
    out: list[str] = []
    for i, part in enumerate(parts):
        m = _THEY.search(part)
        label = re.search(r"\(([^()]*s)\W*\)$", part)  # the questions' topic, folded in ("(report cards)"), when plural
        quoted = [q for p in parts[:i] for q in re.findall(r"['\u2018\"\u201c]([\w -]{3,40}s)['\u2019\"\u201d]", p)]
        if quoted and (idea := _THAT_IDEA.search(part)):
            # "... mentions 'report cards' - where did that idea come from?": the idea is the thing named
            part = part[: idea.start()] + quoted[-1] + part[idea.end():]
            m = _THEY.search(part)
        if m and m.group(0).lower() == "them" and quoted and _PEOPLE & set(words(part[: m.start()])):
            # "the union guidance mentions 'report cards' ... labour wanted them": what was wanted is the thing named
            part = part[: m.start()] + quoted[-1] + part[m.end():]
        elif m and (i or label) and not _PEOPLE & set(words(part[: m.start()])):
            named = [w for p in parts[:i] for w in words(p) if w in _PEOPLE]
            their = named[-1] if named else label.group(1).strip(" '\"\u2018\u2019\u201c\u201d") if label else "inspectors"
            part = part[: m.start()] + their + part[m.end():]
        out.append(part)
    return out


def part_scorer(text: str, vec: np.ndarray, df: dict[str, int], n_docs: int, expand: bool = True):
    """How well a sentence answers one part of a question (`text`, its vector `vec`): its meaning, the part's
    rare words it has, and the kind of answer the part asks for ("how long ...?": a duration)."""
    terms = list(dict.fromkeys(content_terms(text)))
    # the documents' words for the part's own ("who can I ring" -> contact, phone), at half weight, as for the whole
    # (not for a side's claim, which the question words as that source does: "part of every leader's journey")
    xterms = [t for t in dict.fromkeys(content_terms(expand_query(text))) if t not in terms] if expand else []
    w = idf_weights(terms + xterms, df, n_docs)
    total = sum(w[t] for t in terms) or 1.0
    kind = question_kind(text)

    def part_score(c: Candidate) -> float:
        # (a kind said only in words - where an idea came from, who pays - is the part's whole point: it counts double)
        bonus = (0.2 if kind in SAID_ONLY else 0.1) if has_answer_type(kind, c, text) else 0.0
        lex = min(1.0, (sum(w[t] for t in terms if t in c.terms) + 0.5 * sum(w[t] for t in xterms if t in c.terms)) / total)
        return 0.6 * float(c.vec @ vec) + 0.4 * lex + bonus

    return part_score


#: How well a part's best sentence must answer it to take the place of a sentence that answers no part.
_PART_TAKES_PLACE = 0.45


def cover_parts(chosen: list[Candidate], cands: list[Candidate], parts: list[tuple[str, np.ndarray]],
                df: dict[str, int], n_docs: int, limit: int) -> list[Candidate]:
    """Make sure each part of a multi-part question gets the sentence that answers it best (when one does),
    so "how much notice ... and how long ..." does not come back with two sentences about notice."""
    out = list(chosen)
    answering: list[Candidate] = [out[0]] if out else []  # sentences that answer a part (and the lead): kept
    for text, vec in parts:
        part_score = part_scorer(text, vec, df, n_docs)
        # a part asking what one kind of source holds ("is the union position that inspections should stop?") is
        # answered from that source, when it has anything
        pool = [c for c in cands if _group(c) in src] if (src := asked_source(text)) else []
        best = max(pool or cands, key=part_score)
        best_score = part_score(best)
        if best in out or any(_overlaps(best, d) for d in out) or best_score < 0.35:
            answering += [d for d in out if d is best or _overlaps(best, d)]
            continue
        if any(part_score(d) >= best_score * 0.9 for d in out):
            answering += [d for d in out if part_score(d) >= best_score * 0.9]
            continue  # already answered by a chosen sentence
        if len(out) >= limit:
            # full: a part answered well takes the place of the weakest sentence that answers no part, so "what
            # did the CST say ...? and what was the NAHT's gripe ...?" is not answered twice over about the CST
            # (not a kind of source's only say, nor an item of a list; and not for a part that only asks for views)
            spare = [d for d in out if not any(d is a for a in answering) and not _LIST_ITEM.match(d.text.lstrip())
                     and sum(_group(x) == _group(d) for x in out) > 1]
            if not spare or best_score < _PART_TAKES_PLACE or not topic_terms(text):  # "who thinks what?": no topic
                continue
            out.remove(min(spare, key=lambda d: d.score))
        out.append(best)
        answering.append(best)
    return out


#: Words naming a kind of document: a document whose title has the word is the source named ("the handbook").
_DOC_NOUNS = frozenset({"handbook", "guidance", "article", "announcement", "blog", "summary"})
#: How a question reports or asks what a source says ("the union is telling us to ...", "ofsted makes out ...").
_SIDE_VERB = (r"(?:says?|said|saying|claims?|claimed|claiming|reckons?|thinks?|insists?|argues?|admits?|wants?|wanted|warns?|warned|"
              r"told|tells?|telling|keeps?\s+(?:on\s+)?(?:saying|asking|telling|going on)|makes?\s+out|urges?|urging|calls?\s+for|called\s+for|"
              r"talks?\s+about|talking\s+about|speaks?\s+(?:about|of)|describes?|"
              r"line|position|view|stance|pitch|answer|response|reply|is\s+asking|are\s+asking)")
#: "Ofsted is now actively trying to recruit serving heads", "ofsted is begging us to sign up": what Ofsted sets out
#: to do, which its own words (its chief inspector's) say
_OFFICIAL_WANTS = re.compile(
    r"\b(?:ofsted|hmci|chief inspector)(?:'s|\s+(?:is|are|has been|have been|was))\s+(?:now\s+|actively\s+|really\s+|apparently\s+|also\s+)*"
    r"(?:trying|looking|planning|aiming|hoping|wanting|keen|desperate|recruiting|encouraging|pushing|asking|inviting|calling|"
    r"begging|pleading|appealing|urging)\b", re.I)
_OFFICIAL_SIDE = re.compile(
    rf"\b(?:ofsted|hmci|chief inspector)(?:'s)?\s+(?:[\w']+\s+){{0,2}}?{_SIDE_VERB}\b|{_OFFICIAL_WANTS.pattern}", re.I)
_SIDE_LEAD = re.compile(rf"^(?P<who>.{{0,50}}?)\b{_SIDE_VERB}\b(?:\s+(?:mps|us|me|them|heads|leaders|schools))?(?:\s+that)?\s*", re.I)
_SIDE_SPLIT = re.compile(r"[?;!]+|\.\s|\s[-\u2013\u2014]\s|,\s+|\s+(?:but|whereas|while|yet|however)\s+", re.I)
#: What the asker puts before a side: a joining word, or their own hearing of it.
_ASKER_LEAD = re.compile(r"^(?:(?:but|and|whereas|while|yet|however|so)\s+)?(?:(?:i|we)(?:'ve| have)?\s+(?:heard|read|seen)\s+(?:that\s+)?|apparently,?\s+)?", re.I)
#: Words that frame a side ("I've seen the union's line on it", "did anyone raise that"), not what it is about.
_FRAMING = frozenset(content_terms(
    "seen see heard read line exactly actually each side sides anyone raise raised mention mentioned "
    "people keep keeps asking telling doc thing stuff go going on about"
)) | frozenset(content_terms(" ".join(_DOC_NOUNS | PERSON_WORDS)))


@dataclass(frozen=True)
class Side:
    """One source a question sets beside another, and what it is said (or asked) to say."""

    doc_ids: frozenset[str]
    claim: str
    #: the person the side is named by, when it is a person ("Ofsted's chief inspector"): their words speak for it
    who: str | None = None
    #: the person speaks for a body the question names ("the union and Ofsted ..."), not one the question asks
    #: to hear: the body's own best sentence is heard as well as their words
    on_behalf: bool = False


#: A side named by a person who speaks for it: the chief inspector, or someone by name ("Martyn Oliver says ...").
_SIDE_TITLE = re.compile(r"\b(?P<title>chief inspector|hmci)\b", re.I)
#: What two sources are said to differ on: "... saying opposite things about serving leaders inspecting".
_ABOUT_TAIL = re.compile(r"\b(?:about|on|over|regarding)\s+(?P<topic>.+)$", re.I)
#: A half of "the union and Ofsted ..." that is Ofsted's.
_OFSTED_FIRST = re.compile(r"\W*(?:both\s+|either\s+)?(?:the\s+)?ofsted\b", re.I)
#: What joins two sides named in one breath: "the union and Ofsted's chief inspector".
_SIDE_JOIN = re.compile(r"\s+(?:and|or|vs\.?|versus)\s+")
_SIDE_NAME = re.compile(r"\b(?=(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)\b)")


def question_sides(question: str, titles: dict[str, tuple[str, str]]) -> list[Side]:
    """The sources a question sets side by side, each with its own claim: "union says ofsted is driving heads
    out of the job, HMCI says loads of people want to be inspectors" -> the union's documents with "ofsted is
    driving heads out of the job", Ofsted's with "loads of people want to be inspectors". `titles`: each
    document's title and kind of source, by id. A side that says nothing of its own ("what does the handbook
    say?") takes the question's topic. Empty unless at least two different sources are named."""
    topical, named = [], []
    for piece in _SIDE_SPLIT.split(question):
        piece = _ASKER_LEAD.sub("", piece.strip(" '\""))  # "but I've heard Ofsted is ..." -> "Ofsted is ..."
        if not piece:
            continue
        kinds = named_authorities(piece)
        if _OFFICIAL_SIDE.search(piece):  # "ofsted makes out ...", "HMCI wants ..."
            kinds.add("official")
        # "how does the NEU describe ofsted's impact on staff": the side is who is asked what they say, not what they
        # say it of
        asks = _ASKS_WHAT_SOURCE_SAYS.search(piece)
        if asks and len(kinds) > 1 and len(said_by := named_authorities(asks.group("src"))) == 1:
            kinds = said_by
        nouns = {w for w in words(piece) if w in _DOC_NOUNS}
        if kinds and not any(nouns & set(words(title)) for title, kind in titles.values() if kind not in kinds):
            nouns = set()  # "the union guidance": the union's own document, not a second source
        docs = frozenset(d for d, (title, kind) in titles.items()
                         if kind in kinds or nouns & set(words(title)))
        m = _SIDE_LEAD.match(piece)
        claim = piece[m.end():] if m and (named_authorities(piece[: m.end()]) or _OFFICIAL_SIDE.search(piece[: m.end()])) else piece
        own = [t for t in topic_terms(claim) if t not in _FRAMING]
        # (and "my union says one thing and the chief inspector another": the chief inspector is Ofsted's side)
        two_voices = "official" not in kinds and bool(_SIDE_TITLE.search(piece)) and bool(_SIDE_JOIN.search(piece))
        if not docs or len(kinds) + bool(nouns) > 1 or two_voices:  # "the neu thing and the schools week article": neither side
            if own and not docs:
                topical.append(piece)
            # ... unless one is a person who speaks for their side ("how do the union and Ofsted's chief inspector
            # differ on ...?"): each is heard on the question's topic, the person in their own words
            # ... and so is each of two kinds of source named together ("the union and Ofsted seem to be saying
            # opposite things about ...")
            halves = _SIDE_JOIN.split(piece, maxsplit=1) if len(kinds) > 1 or _side_person(piece) else []
            half_kinds = [named_authorities(half) | ({"official"} if _SIDE_TITLE.search(half) or ("official" in kinds and _OFSTED_FIRST.match(half)) else set())
                          for half in halves]
            if len(halves) == 2 and all(len(k) == 1 for k in half_kinds) and half_kinds[0] != half_kinds[1]:
                # what they differ on, when the piece says ("... saying opposite things about serving leaders inspecting")
                # (after the context the asker gave: "I'm a head being encouraged to become an OI. how do ... differ on
                # whether heads should be doing that?")
                about = (m := _ABOUT_TAIL.search(halves[1])) and [t for t in topic_terms(m.group("topic")) if t not in _FRAMING] and m.group("topic")
                claim = "; ".join([*topical, about]) if about else None
                for half, k in zip(halves, half_kinds):
                    # (Ofsted itself, no person named: its chief inspector speaks for it, as below)
                    who = _side_person(half) or ("chief inspector" if k == {"official"} else None)
                    named.append((frozenset(d for d, (_, kind) in titles.items() if kind in k), claim, who, who is not None and not _side_person(half)))
            continue
        # Ofsted named with nothing said of its own ("ofsted keep asking for more of us", "what's Ofsted's pitch?"), or
        # with what it sets out to do ("ofsted is begging us to sign up"): its view is what its chief inspector says
        # for it, where the documents quote him
        who = _side_person(piece) or ("chief inspector" if kinds == {"official"} and not nouns and (not own or _OFFICIAL_WANTS.search(piece)) else None)
        named.append((docs, claim if own else None, who, who is not None and not _side_person(piece)))
    if len({docs for docs, *_ in named}) < 2:
        return []
    topic = "; ".join(topical) or perspective_topic(question)
    return [Side(docs, claim or topic, who, on_behalf) for docs, claim, who, on_behalf in named]


def _side_person(piece: str) -> str | None:
    """Who a side is named by, when it is a person: "ofsted's chief inspector" -> "chief inspector", "Martyn
    Oliver reckons ..." -> "Martyn Oliver"; None for a body ("the union", "Ofsted")."""
    if (m := _SIDE_TITLE.search(piece)):
        return m.group("title").lower()
    return next((m.group("name") for m in _SIDE_NAME.finditer(piece)
                 if not set(words(m.group("name"))) & (STOPWORDS | _SOURCE_NAMES | {"ofsted", "sir", "dame"})), None)


def cover_sides(chosen: list[Candidate], cands: list[Candidate], sides: list[tuple[Side, np.ndarray]],
                df: dict[str, int], n_docs: int, voices: dict[str, dict[str, bool]] | None = None) -> list[Candidate]:
    """Each side a question sets beside another gets its own say: the sentence of that source that answers what
    the question says it says ("HMCI says loads of people want to be inspectors" -> "I know there are thousands
    of you who want to be inspectors."), unless a chosen sentence of that source already does. A side named by a
    person (`Side.who`) is heard in their own words when the documents give any (`voices`: each such person's
    `speaker_window`, whose sentences marked True are their words): "how do the union and Ofsted's chief
    inspector differ?" wants his view, not the announcement around it."""
    out = list(chosen)
    for side, vec in sides:
        pool = [c for c in cands if c.hit.chunk.doc_id in side.doc_ids]
        window = (voices or {}).get(side.who or "", {})
        theirs = [c for c in pool if window.get(c.text.strip())]
        if not pool:
            continue
        side_score = part_scorer(side.claim, vec, df, n_docs, expand=False)
        if side.on_behalf and theirs:  # the body's own best sentence first ("Ofsted today announced ..."), then its voice
            out = cover_sides(out, cands, [(Side(side.doc_ids, side.claim), vec)], df, n_docs)
        # their own words are what was asked for (a looser bar), when any speak to it; else the source's best
        if theirs and side_score(max(theirs, key=side_score)) >= _THEIR_WORDS:
            pool = theirs
        else:
            theirs = []
        best = max(pool, key=side_score)
        best_score = side_score(best)
        if best_score < (_THEIR_WORDS if theirs else 0.3) or best in out or any(_overlaps(best, d) for d in out):
            continue
        if any(side_score(d) >= best_score - 0.01 for d in out if d in pool or (d.hit.chunk.doc_id in side.doc_ids and not theirs)):
            continue  # as good a sentence of that source is there already
        out.append(best)
        if theirs:  # ... and the rest of what they say in that paragraph, which is their case ("... So join us.")
            out.extend(d for d in with_quoted_words(cands, [best], more=_THEIR_PARAGRAPH)[1:] if d not in out and not any(_overlaps(d, e) for e in out))
    return with_antecedents(cands, out)


#: How well a person's own words must speak to their side to be chosen for it, and how many more sentences of
#: their paragraph follow.
_THEIR_WORDS = 0.15
_THEIR_PARAGRAPH = 4


def max_sentences_for(question: str, default: int) -> int:
    """Questions that ask for several things ("who, where and when", "X and Y") get one more sentence."""
    q = question.lower()
    parts = len(_WH.findall(q)) + q.count(" and ") + q.count(",")
    return default + 1 if parts >= 2 else default


def select(
    cands: list[Candidate], max_sentences: int, relative: float = 0.72, perspectives: bool = False, survey: bool = False,
    named: set[str] | frozenset[str] = frozenset(), asked: set[str] | frozenset[str] = frozenset(), open_question: bool = True,
) -> list[Candidate]:
    """Best sentence first, then the next best that add something (MMR), from any passage; at most one
    sentence per authority group is kept below the bar if it is close, so disagreeing sources both appear.
    A perspective question that names the sides it wants ("what do Ofsted and the union each say?") hears
    those sides; another kind of source joins them only when it answers nearly as well as the best.
    A question that asks what one kind of source says (`asked`, "what does the union say ...?", "what's the NEU's
    view of Ofsted?") and names no other is answered from that kind alone, when it speaks to the question at all."""
    if not cands:
        return []
    ranked = sorted(cands, key=lambda c: c.score, reverse=True)
    if asked and (not perspectives or named <= asked):  # "what's the NEU's view of Ofsted?": the NEU's words alone
        theirs = [c for c in ranked if _group(c) in asked]
        if theirs and theirs[0].score >= ranked[0].score * 0.6:
            ranked = theirs
    # "How long ...?" wants a sentence with a duration in it: the best such sentence leads if it is close.
    typed = [c for c in ranked if c.typed and c.score >= ranked[0].score * 0.7]
    if typed and not ranked[0].typed:
        ranked.remove(typed[0])
        ranked.insert(0, typed[0])
    exact = [c for c in ranked if c.exact and c.score >= ranked[0].score * 0.6]
    if exact and not ranked[0].exact:
        ranked.remove(exact[0])
        ranked.insert(0, exact[0])
    best = ranked[0]
    chosen = [best]
    follow = continuation(cands, best)
    if follow is not None:
        chosen.append(follow)
    bar = best.score * relative
    adjacent_bar = best.score * (relative - 0.17)  # the next sentence of the same paragraph often completes it
    for c in ranked[1:]:
        if len(chosen) >= max_sentences:
            break
        if c in chosen or any(_overlaps(c, d) for d in chosen):
            continue
        if c.score < (adjacent_bar if _adjacent(c, best) else bar):
            continue
        redundancy = max(float(c.vec @ d.vec) for d in chosen)
        if redundancy > 0.8:
            continue
        chosen.append(c)
    if survey:  # "what do the documents say about X": the best sentence of each other document that speaks to it
        docs = {c.hit.chunk.doc_id for c in chosen}
        for c in ranked[1:]:
            if c.hit.chunk.doc_id not in docs and c.score >= best.score * 0.6 and len(chosen) < max_sentences + 2:
                chosen.append(c)
                docs.add(c.hit.chunk.doc_id)
    # A different kind of source (official vs union/news/commentary) that answers nearly as well: its view too.
    groups = {_group(c) for c in chosen}
    for c in ranked[1:]:
        if c in chosen or _group(c) in groups or any(_overlaps(c, d) for d in chosen):
            continue
        asked_for = len(named) < 2 or _group(c) in named
        if perspectives and not asked_for and c.score >= best.score * 0.85 and c.sim >= best.sim * 0.85:
            chosen.append(c)
            groups.add(_group(c))
            continue
        if perspectives and asked_for and (c.score >= best.score * 0.6 or (c.score >= best.score * 0.45 and c.topic >= 0.4)):
            chosen.append(c)  # a perspective question: each kind of source that speaks to the topic is heard
            groups.add(_group(c))
            continue
        if not perspectives and c.score >= best.score * 0.85 and c.sim >= best.sim * 0.85:
            chosen.append(c)
            groups.add(_group(c))
        if not perspectives:
            break
    return with_followers(cands, with_antecedents(cands, whole_lists(cands, chosen, open_question)))


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.hit.chunk.chunk_id == b.hit.chunk.chunk_id and a.start < b.end and b.start < a.end


def _adjacent(c: Candidate, best: Candidate) -> bool:
    """`c` is the sentence right after `best` in the same paragraph."""
    if c.hit.chunk.chunk_id != best.hit.chunk.chunk_id or c.start < best.end:
        return False
    gap = best.hit.chunk.text[best.end : c.start]
    return "\n" not in gap and len(gap.strip()) == 0


def _group(c: Candidate) -> str:
    return "official" if c.hit.chunk.meta.authority == "official" else c.hit.chunk.meta.authority


_CONTRAST = re.compile(r"^(however|but|although|though|unless|except|even so|nevertheless)\b", re.I)


#: Questions about exclusivity ("only for the head?", "just for schools?"), which a sentence's polarity cannot answer.
_EXCLUSIVE = re.compile(r"\b(?:only|solely|exclusively|just (?:for|the|to))\b|\b(?:is|are|was) (?:it|that|this) just\b", re.I)

#: "Is X still ...?" asks whether something is so now; the documents say what was so when written. ("Can we
#: still ask ...?" asks whether something is allowed even so: not matched.)
_STILL_SO = re.compile(r"^\s*(?:so |and |but )?(?:is|are|was|were|does|do)\b[^?]{0,60}?\bstill\b", re.I)

#: A sentence that leaves the matter open ("Ofsted is also exploring whether a similar approach can be adopted
#: across ... social care"; a party's pledge "if it wins power"): neither Yes nor No.
_OPEN_MATTER = re.compile(r"\bwhether\b(?! or not)|\bpledg(?:e|ed|es|ing)\b|\bpromis(?:e|ed|es|ing)\b|\bif (?:it|they|he|she) wins?\b", re.I)


#: "Has it started?" / "did they publish ...?" asks whether something has happened; "will begin trials in the
#: first week of the new term" says it had not yet, when written.
_HAS_HAPPENED = re.compile(r"^\s*(?:so |and |but )?(?:has|have|did)\b|\b(?:has|have)\s+(?:\w+\s+){0,3}?(?:already\s+)?(?:started|begun|begin|finished|ended|happened|published|launched|opened|closed|done)\b", re.I)
_NOT_YET = re.compile(r"\b(?:will|shall|to (?:begin|start|open|launch|publish|run)|is to|are to|plans? to|intends? to|expected to|set to|soon-to-be|later (?:this|in|that)|next (?:week|month|term|year))\b", re.I)
_DONE_ALREADY = re.compile(r"\b(?:began|begun|started|launched|opened|published|underway|already|has been|have been|so far|to date|completed)\b", re.I)

#: Comparisons ("the same as", "more than"): a Yes or No needs a sentence that makes the same comparison.
_COMPARATIVE = re.compile(r"\b(same|more|less|fewer|better|worse|equal|longer|shorter)\b", re.I)


#: A sentence that supposes rather than states: "Because then if the inspection team come back ...", "What if ...".
#: (Not a rule's condition: "If the issue remains unresolved, schools have the option to contact Ofsted ...".)
_HYPOTHETICAL = re.compile(r"^[\s\u201c\"']*(?:(?:and|but|because|so)\s+)?(?:then\s+if|what if|imagine|suppose|supposing)\b", re.I)


#: A judgement a yes/no question asks for ("is two days enough?", "is that fair?"): only a sentence that makes one
#: answers it yes or no.
_JUDGED = re.compile(r"\b(?:enough|sufficient|adequate|insufficient|inadequate|too (?:much|many|long|short|little|few)|fair|unfair)\b", re.I)


def yes_no_lead(question: str, chosen: list[Candidate]) -> str:
    """"Yes" or "No" for a yes/no question, from the best sentence (the first chosen); "" when unsure.

    The best sentence must be about what was asked (enough of the question's rare words) and its polarity
    clear. Another sentence that says the opposite about something the best one leaves out ("You can share
    outcomes with family ... However, you are not permitted to share it with parents") means it depends:
    no yes/no lead, the sentences speak for themselves."""
    if not chosen:
        return ""
    lead = chosen[0]
    if _EXCLUSIVE.search(question):
        return ""  # "is it only for schools?": a sentence about schools says nothing of "only"; let it speak
    if _STILL_SO.search(question):
        return ""  # "is Steve Rollett still at the CST?": a source says what was so when it was written, not now
    if _JUDGED.search(question) and not _JUDGED.search(lead.text):
        return ""  # "is two days enough?" - "inspectors were already struggling with two-day inspections": no verdict
        # on "enough" itself, which the sentences that judge it give
    compared = _COMPARATIVE.search(question)
    if compared and not re.search(rf"\b{compared.group(1)}\b", lead.text, re.I):
        return ""  # "paid the same as their salaries?" is not answered by "Ofsted's ability to match salaries"
    if (lesser := LESSER_VERSION.search(question)) and lead.lex >= 0.3:
        # "do they get a lighter version of the training?" - "trained to the same high standards": No (when the
        # sentence says it of what was asked: training, inspecting)
        thing = {t for t in content_terms(lesser.group(0)) if t.startswith(("train", "inspect", "standard", "work"))}
        return "No" if re.search(r"\bsame\b", lead.text, re.I) and thing & set(content_terms(lead.text)) else ""
    if _ALL_DONE.search(question) and partial(lead.text):
        return "No"  # "Has Ofsted finished all its actions?" - "42 out of 132 completed"
    if existence(question, lead.text) == -1 and lead.lex >= 0.2:
        return "No"  # "is there a fee ...?" / "there is no separate inspection fee": says the thing asked about is not there
    if lead.lex < 0.34 or not about_who_and_what_was_asked(question, lead):
        return ""
    if _other_actor(question, lead.text):
        return ""  # "is Ofsted going to scrap grades?" - "Labour has pledged ... to scrap the headline graded judgments"
    if _OPEN_MATTER.search(lead.text):
        return ""  # "is Ofsted going to use OIs in social care?" - "exploring whether ... social care": not decided
    if _HYPOTHETICAL.match(lead.text):
        return ""  # "are trusts inspected now?" - "Because then if the inspection team come back ...": a what-if
    if _HAS_HAPPENED.search(question) and _NOT_YET.search(lead.text) and not _DONE_ALREADY.search(lead.text):
        return ""  # "has Ofsted started the trials?" - "it will begin trials ...": not Yes; the sentence says when
    vote = polarity(question, lead.text)
    if vote == 0:
        return ""
    if vote < 0 and _restricted_beyond(question, lead.text):
        return ""  # "can we ask for a deferral?" - "requests made after 4.30 pm are not considered": only then
    if vote < 0 and _of_others(question, lead.text) and any(mentions_role(question, r) for r in ROLES):
        return ""  # "can I share the outcome with my union rep?" - "... not permitted to ... share it with parents"
    if vote > 0 and _UNIVERSAL.search(question) and not says_all_of(question, lead.text):
        return ""  # "open to all schools?" - "visits to a small number of volunteer schools": not Yes
    if len(chosen) == 1:
        return "Yes" if vote > 0 else "No"
    q_terms = set(content_terms(question))
    for c in chosen[1:]:
        close = c.score >= 0.85 * lead.score or (_CONTRAST.match(c.text) and c.hit is lead.hit)
        if close and polarity(question, c.text) == -vote and _says_more(q_terms & set(content_terms(c.text)), lead) \
                and not _exception_to(lead, c, question) and not _of_others(question, c.text):
            return ""
    return "Yes" if vote > 0 else "No"


def _says_more(shared: set[str], lead: Candidate) -> set[str]:
    """The question's words another sentence has that the best one lacks - not counting who is asked about when the
    best one's rule is about them ("can heads sit in when inspectors talk to pupils?": "staff members should not be
    present ..." is about heads too, so "Headteachers can have other staff members present during pre-inspection
    calls" adds nothing to it but the calls)."""
    covered = {r for r in ROLES if role_is_subject(lead.text, r)}
    return {t for t in shared - _terms(lead) if not any(t.startswith(f) for r in covered for f in ROLES[r])}


def _of_others(question: str, sentence: str) -> bool:
    """Does the sentence speak of people the question does not ask about, and of none it does? "you are not
    permitted to ... share it with parents" says nothing against "can I share the result with my doctor?"."""
    named = [r for r in ROLES if mentions_role(sentence, r)]
    return bool(named) and not any(mentions_role(question, r) for r in named)


def _exception_to(lead: Candidate, other: Candidate, question: str) -> bool:
    """Is the best sentence the exception the sentence before it makes for the people the question asks about?
    "You can communicate inspection outcomes with ... colleagues, family members ... However, you are not
    permitted to ... share it with parents." answers "can we tell parents the outcome?": No, whatever the rule
    before it says for others."""
    if not (_CONTRAST.match(lead.text) and other.hit is lead.hit and other.end <= lead.start and _same_paragraph(other, lead)):
        return False
    return any(mentions_role(question, r) and mentions_role(lead.text, r) and not mentions_role(other.text, r) for r in ROLES)


#: A time limit on what a sentence says ("requests made after 4.30 pm ... are not considered"); "unless" and
#: "except" are exceptions to a rule that holds, not limits on it.
#: Bodies that act in these documents: a Yes or No about what one does is not given from what another does.
_ACTORS = {
    "ofsted": r"(?<!beyond )\bofsted\b(?!(?:['\u2019]s?)? (?:grade|grading|inspectors?|report)s?\b)|\bhmci\b|\bchief inspector\b",
    # "The Beyond Ofsted Inquiry has called for an immediate pause": the inquiry calls for it, not Ofsted
    "inquiry": r"\bbeyond ofsted\b|\binquiry\b",
    # the reader, told what to do: "Remove all references to your school's Ofsted grading from banners ..."
    "reader": r"^\s*(?:remove|don['\u2019]t|do not|avoid|make sure|ensure|consider|identify|keep|stop|refer)\b",
    "labour": r"\blabour\b",
    "government": r"\b(?:government|dfe|department for education|ministers?|education secretary)\b",
    "union": r"\b(?:union|unions|neu|naht)\b",
    "mps": r"\b(?:mps|committee|parliament)\b",
}


def _first_actor(text: str) -> str | None:
    found = [(m.start(), actor) for actor, pattern in _ACTORS.items() for m in [re.search(pattern, text, re.I)] if m]
    return min(found)[1] if found else None


def _other_actor(question: str, sentence: str) -> bool:
    """Is the sentence about what a different body does than the one the question asks about ("is Ofsted going
    to ...?" / "Labour has pledged ...")? Only when both name one, each first."""
    body = re.sub(r"^\s*(?:so |and |but )?(?:is|are|was|were|will|would|does|do|did|has|have|can|could|should)\s+", "", question, flags=re.I)
    asked, said = _first_actor(body), _first_actor(sentence)
    return asked is not None and said is not None and asked != said


#: "open to all schools?", "every school?": a Yes needs a sentence that says all / every too.
_UNIVERSAL = re.compile(r"\b(?:all|every|everyone|everybody|always)\b(?!\s+(?:the\s+)?(?:time|right|day|year)\b)", re.I)
_UNIVERSAL_SAID = re.compile(r"\b(?:all|every|everyone|everybody|always|each|any)\b", re.I)


def says_all_of(question: str, sentence: str) -> bool:
    """Does the sentence say "all / every" of what the question does ("all of Gilbert's recommendations" needs
    "all ... recommendations", not "Ofsted always treats people ...")? The question's words for the things
    quantified are the first three after its "all"; the sentence's "all" must come within four words before one."""
    m = _UNIVERSAL.search(question)
    if not m:
        return True
    quantified = set(content_terms(" ".join(words(question[m.end():])[:4]))) - {"of", "the"}
    toks = words(sentence)
    for i, w in enumerate(toks):
        if _UNIVERSAL_SAID.fullmatch(w):
            near = set(content_terms(" ".join(toks[i + 1 : i + 5])))
            if not quantified or near & quantified:
                return True
    return False


_RESTRICTION = re.compile(r"\b(?:after|before|until|once|later than)\s+(?:the\s+|a\s+|an\s+)?([\w.]+)", re.I)


def _restricted_beyond(question: str, sentence: str) -> bool:
    """Does the sentence's "no" hold only under a condition the question does not ask about ("requests made
    after 4.30 pm ... not considered" for "can we ask for a deferral?")?"""
    asked = set(content_terms(question)) | set(words(question))
    for m in _RESTRICTION.finditer(sentence):
        said = set(content_terms(m.group(1))) | {m.group(1).lower()}
        if not said & asked:
            return True
    return False


def _terms(c) -> frozenset[str]:
    """The content terms of a sentence and of its headings: cached on a scored Candidate, else worked out."""
    if getattr(c, "terms", None):
        return c.terms
    hit = getattr(c, "hit", None)
    headings = " ".join(hit.chunk.heading_path) if hit is not None else ""
    return frozenset(content_terms(c.text)) | frozenset(content_terms(headings))


#: What a passive yes/no question asks is being done: "is the contract being renewed?", "are OIs being paid?".
_BEING_DONE = re.compile(r"^\s*(?:is|are|was|were|has|have)\b.*?\b(?:being|been|be)\s+([a-z]+(?:ed|en|wn|ld|ght))\b", re.I)


#: "are special schools part of the pilot?", "is our nursery covered by the new framework?": whether something is in.
_MEMBERSHIP = re.compile(
    r"^(?:so |and |but |ok |okay )?(?:is|are|was|were|will)\s+(?P<subj>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:be\s+)?"
    r"(?:part of|included|covered|eligible|in scope|involved in|among|one of)\b", re.I)


_AUXILIARY = frozenset("going gonna still now actually really also ever already".split())


def about_who_and_what_was_asked(question: str, lead: Candidate) -> bool:
    """A Yes or No is only given from a sentence about the same people and the same act as the question:
    "Can governors request a pause?" is not answered Yes by "Headteachers can request a pause", nor "Can I
    record the meeting?" No by a sentence about who may be present. The act counts as there when the
    sentence has the verb or the documents' words for the staff's phrasing ("sit through" -> attend)."""
    # "are special schools part of the new pilots?": every word of who or what is asked about is in the sentence (a
    # sentence about schools says nothing of special schools, nor one about the pilot's year of nurseries)
    member = _MEMBERSHIP.match(question.strip())
    if member:
        terms = _terms(lead)
        for w in words(member.group("subj")):
            if w in STOPWORDS or w in _AUXILIARY:
                continue  # "is mental health going to be part of ...": "going" says when, not what
            own, theirs = set(content_terms(w)), set(content_terms(GLOSSARY.get(w, "")))  # all of the glossary's words
            if own and not own & terms and not (theirs and theirs <= terms):
                return False
    role, action = asked_role_and_action(question)
    if action is None and (done := _BEING_DONE.search(question)):
        action = stem(done.group(1).lower())  # "Is Sir Martyn Oliver's contract being renewed?": renew
    # who the sentence's rule is about, for "can governors request ...?"; anywhere in it for a passive question
    # ("can parents be told ...?" - "you are not permitted to ... share it with parents")
    # (and so for being there: "can the deputy head be on the initial call?" - "Headteachers can have other staff
    # members present during pre-inspection calls, ideally involving the deputy head")
    passive = bool(re.search(r"\b(?:be|been)\s+\w+(?:ed|en|ld|ought|ght)\b", question, re.I)) or action == "present"
    if role and not (role_is_subject(lead.text, role) or (passive and mentions_role(lead.text, role))):
        return False
    if action:
        terms = _terms(lead)
        # the documents' words for the staff's phrasing of the act ("sit through" -> attend), not the glossary's
        # words for the people ("head" -> headteacher), which say nothing about the act
        # (of a phrase that names the act: "look at staff wellbeing" -> "mental health" speaks of the wellbeing, not
        # of looking at it)
        expanded = {t for pattern, add in PHRASES for m in pattern.finditer(question)
                    if action in {stem(w) for w in words(m.group(0))} or action in content_terms(m.group(0))
                    for t in content_terms(add)}
        acted = {action, action[:-1] + "ing"} if action.endswith("e") else {action}  # "use" - "using the provided number"
        if not acted & terms and not (expanded & terms) and not opposite_act(question, lead.text):
            return False  # (the act undone is the act spoken of: "keep our grade on the gates" - "Remove ... from banners")
        # ... and about what the act is done to or with ("bring my union rep", not any attendance): one of the
        # object's first two words, or the glossary's word for it, is in the sentence
        objects = asked_object(question)
        if objects and not any((set(content_terms(w)) | set(content_terms(GLOSSARY.get(w, "")))) & terms for w in objects):
            return False
    return True


def existence_first(question: str, chosen: list[Candidate], cands: list[Candidate] = ()) -> list[Candidate]:
    """"Is there a fee ...?": when the first sentence does not speak of a fee but a chosen one says whether
    there is one ("there is no separate inspection fee"), that one goes first, so the answer leads with it; and so
    does such a sentence that was not chosen, when it answers nearly as well (`EXISTS_CLOSE` of the first's score:
    "is there a fee for OIs in the pilot?" had three lines about the pilot and none about a fee)."""
    if not chosen or existence(question, chosen[0].text) != 0:
        return chosen
    if not any(existence(question, c.text) == -1 for c in chosen[1:]):
        close = [c for c in cands if c not in chosen and c.score >= EXISTS_CLOSE * chosen[0].score
                 and existence(question, c.text) == -1 and not any(_overlaps(c, d) for d in chosen)]
        if close:
            best = max(close, key=lambda c: c.score)
            follow = continuation(cands, best)  # "... no separate inspection fee. Instead, Ofsted will contribute ..."
            added = [best] + ([follow] if follow is not None and not any(_overlaps(follow, d) for d in chosen) else [])
            chosen = [chosen[0], *added, *[d for d in chosen[1:] if d not in added]]
    for i, c in enumerate(chosen[1:], start=1):
        says = existence(question, c.text)
        if says == -1 or (says is None and polarity(question, c.text) != 0):
            moved = [c]
            if i + 1 < len(chosen) and _same_paragraph(c, chosen[i + 1]) and _CONTINUES.match(chosen[i + 1].text):
                moved.append(chosen[i + 1])  # "... no separate fee. Instead, ..." stays together
            return moved + [d for d in chosen if d not in moved]
    return chosen


#: How close to the first sentence's score a sentence saying there is none must be to lead an existence question.
EXISTS_CLOSE = 0.85


def verdict_first(question: str, chosen: list[Candidate]) -> list[Candidate]:
    """For a yes/no question whose first sentence says neither yes nor no to it ("does the head have to sit in on our
    governors' meeting?" - "Headteachers can have other staff members present during pre-inspection calls"), a close
    chosen sentence about the same people and act that does ("staff members should not be present for meetings
    between inspectors and ... governors") goes first, so the answer leads with it. (Within 0.9 of the first's score,
    among the next two.)"""
    if len(chosen) < 2 or question_kind(question) != "yesno":
        return chosen
    # ... and one that names who the question asks about, when the first does not ("can my deputy be on the phone
    # call?" - "... pre-inspection calls, ideally involving the deputy head", not "Headteachers can request a
    # deferral during the initial phone call")
    # (the role the question asks may do something, not any it mentions: "one of my middle leaders gets anxious")
    role = asked_role_and_action(question)[0]
    if role not in (None, "headteacher", "inspector", "staff") and not mentions_role(chosen[0].text, role):
        for c in chosen[1:3]:
            if c.score >= 0.9 * chosen[0].score and mentions_role(c.text, role) and polarity(question, c.text) != 0:
                return [c] + [d for d in chosen if d is not c]
    if polarity(question, chosen[0].text) != 0:
        return chosen
    for c in chosen[1:3]:
        if (c.score >= 0.9 * chosen[0].score and c.lex >= 0.34 and polarity(question, c.text) != 0
                and about_who_and_what_was_asked(question, c)):
            return [c] + [d for d in chosen if d is not c]
    return chosen


#: Words at least this frequent in English (wordfreq's Zipf scale: "ask" 5.3, "sick" 4.9, "universities" 4.3)
#: are everyday words, not the thing a question is about.
COMMON_ZIPF = 5.0


def unmentioned(question: str, df: dict[str, int]) -> list[str]:
    """The question's words the documents never use, nor the documents' words for them (glossary, phrases):
    "does Ofsted inspect universities?" -> ["university"]. Each word is vouched for only by its own
    equivalents ("head" -> headteacher says nothing about "sick")."""
    # words whose opposite the documents use are understood by the polarity check ("compulsory" / "voluntary")
    understood = set(content_terms(" ".join(m.group(0) for p in (OBLIGATION, OPTIONAL) for m in p.finditer(question))))
    vouched: set[str] = set()
    for pattern, add in PHRASES:  # "push it back" -> deferral: the phrase's words are covered by the documents' word
        if any(df.get(t) for t in content_terms(add)):
            for m in pattern.finditer(question):
                vouched |= set(content_terms(m.group(0)))
    out: list[str] = []
    for w in dict.fromkeys(words(question)):
        said = glossary_for(w)  # "complaints" as "complaint", "stopped" as "stop"
        if said and any(df.get(t) for t in content_terms(said)):
            continue
        if english_zipf(w) >= COMMON_ZIPF:
            continue  # everyday words ("ask", "last", "bring") say how, not what about
        for t in content_terms(w):
            if t.isdigit() or len(t) <= 2 or t in understood or t in vouched or df.get(t) or t in out:
                continue
            if "-" in t and all(df.get(p) for part in t.split("-") for p in content_terms(part)):
                continue  # "peer-group": the documents' "peer groups", written apart
            out.append(t)
    return out


#: A wh-question whose wh-word is not the object: "how does Ofsted inspect ...", "why would a school refuse ...".
#: The auxiliaries a wh-question asks with ("how does ...", "what can ...").
_AUXILIARIES = ("does", "do", "did", "will", "would", "can", "could", "should", "must", "may")
_WH_THEN_AUX = re.compile(r"^\s*(?:how(?: often)?|why|when|where|what(?: exactly)?|what (?:sorts?|kinds?|types?) of [\w-]+)\s+(?=(?:" + "|".join(_AUXILIARIES) + r")\b)", re.I)
#: "Who replaces the lead inspector if they fall ill?": a case a wh-question asks about, after its question.
_IF_CASE = re.compile(r"^\s*(?:who|what|which|where|how)\b[^?,]*?\s(?:if|in case)\s+(?=\w)", re.I)
#: An act rarer than this in English ("stil", Zipf 2.6) may be a typo of another word: not declined on.
_PLAIN_ZIPF = 3.0
#: "What happens if an inspection finds ...?": the case it asks about, which is asked as "does an inspection find ...?".
_WHAT_IF = re.compile(r"^\s*what\s+(?:happens|would happen|will happen|should happen|do (?:we|i|you) do)\s+(?:if|when|once)\s+(?=\w)", re.I)


#: Acts that are someone's view of a thing, not a thing done (the documents say what they think in other words).
_VIEW_ACTS = frozenset(stem(w) for w in "react respond feel think reckon oppose object support welcome agree disagree view".split())


def absent_objects(question: str, df: dict[str, int], with_act: bool = True) -> list[str]:
    """What a yes/no, how/why/when or "what happens if" question's act is done to, with or where, when the
    documents mention none of it (`unmentioned`); else []. "Does Ofsted inspect nurseries in Scotland?" ->
    ["nurseries", "scotland"]; "How does Ofsted inspect an FE college's finances?" -> ["finances"]; "Can a
    school be inspected during exam season?" -> ["exam"]; "What happens if an inspection finds a safeguarding
    failure?" -> ["safeguarding", "failure"]. A passage about inspecting schools answers none of them.
    The act's object counts as absent when none of it is mentioned; a narrowing phrase ("during exam season",
    "be paid mileage") when no word of it but everyday ones is; and the act itself when it is not an everyday
    word ("Can a school appeal against a decision not to pause?" -> ["appeal"]; not `with_act`: only what it is
    done to or where). A remark after the question is not part of what it asks ("do I have to stay for the whole
    final feedback meeting? might get pulled out for a safeguarding call halfway": not "for a safeguarding call")."""
    question = question[: question.rfind("?") + 1] or question
    what = False
    if (m := _WHAT_IF.match(question) or _IF_CASE.search(question)):
        # the case asked about, as a yes/no question (a case that only conditions what is asked is declined for
        # what it speaks of, not for its act: "who do I contact if the lead inspector ignores our concerns?" asks who)
        with_act = with_act and m.re is _WHAT_IF
        question = "does " + question[m.end():]
    elif question_kind(question) != "yesno":
        m = _WH_THEN_AUX.match(question)
        if not m:
            return []
        question = question[m.end():]  # "how does Ofsted inspect X?" acts on X as "does Ofsted inspect X?" does
        # "what do inspectors need to see for X?": what is seen is the wh-word, so only the phrase narrowing the
        # act counts; and the act is what was said or done, told in the documents' words ("what did Labour
        # promise?": they say "pledged"; "what did he think mattered more?": what he thought is a clause)
        what = m.group(0).lower().lstrip().startswith("what")
        with_act = with_act and not what
    missing = set(unmentioned(question, df))
    if not missing:
        return []
    if what and (gone := absent_subject(question, missing)):
        return gone
    objects = [] if what else [w for w in asked_object(question) if not w.endswith("ly")]  # "goes badly": how, not what
    gone = [w for w in objects if set(content_terms(w)) & missing]
    if objects and len(gone) == len(objects):
        return gone
    for phrase in restricting_phrases(question):
        gone = [w for w in phrase if set(content_terms(w)) & missing]
        if gone and all(w in gone or english_zipf(w) >= COMMON_ZIPF for w in phrase):
            return gone
    toks, at = act_position(question)
    act = toks[at] if at is not None and with_act else None
    if at is None and with_act and (done := _BEING_DONE.search(question)):
        act = done.group(1).lower()  # "is ofsted being abolished?": what is done to it is the act
    if (act and set(content_terms(act)) & missing and _PLAIN_ZIPF <= english_zipf(act) < COMMON_ZIPF
            and stem(act) not in _VIEW_ACTS  # "how did the unions react to the pilot?": a view, which sources give in other words
            and not any(k.startswith(t) for t in {*content_terms(act), act.removesuffix("e")} for k in df if len(t) >= 4 and df[k])):  # "deferral", "agreed"
        return [act]  # "Can a school appeal against ...?": the act itself is nowhere in the documents (nor an everyday word)
    return []


#: Verbs of saying: what follows them is what was said ("what did she say happened?").
_SAID_WORDS = frozenset("say says said tell tells told mean means meant claim claims claimed suggest suggests suggested".split())


def absent_subject(clause: str, missing: set[str]) -> list[str]:
    """What a "what do X <act>?" question asks about is X, its subject (`clause`: the question after "what do"):
    X's words that no document uses when they are most of what names it (its words that are not everyday ones).
    "What do Ofsted deep dives in primary maths involve?" -> ["dives", "primary", "maths"]: a passage about Ofsted
    does not say what a deep dive involves."""
    toks = [w for w in re.split(r"\s+|(?=[,;?])", clause.split("?")[0].split(",")[0].strip()) if w]
    toks = [w.strip(".!;:").lower() for w in toks]
    if toks[:1] and toks[0] in _AUXILIARIES:
        toks = toks[1:]
    ends = [i for i, w in enumerate(toks) if w in ("and", "or", "but", "if", "when", "because")]
    toks = toks[: ends[0]] if ends else toks
    at = act_position(" ".join(toks))[1]
    subject = toks[:at] if at is not None else toks[:-1]  # "... involve": the clause ends with its act
    if "to" in subject:  # "what do inspectors need to see ...?": the act comes before "to"
        subject = subject[: max(0, subject.index("to") - 1)]
    if any(stem(w) in _VIEW_ACTS or w in _SAID_WORDS for w in subject):
        return []  # "what did he think mattered more?": what he thought is a clause, not a thing
    named = [w for w in subject if content_terms(w) and english_zipf(w) < COMMON_ZIPF]
    gone = [w for w in named if set(content_terms(w)) & missing]
    return gone if gone and 2 * len(gone) > len(named) else []


#: A body named by its initials as one that inspects, publishes or has a view: "inspected by ISI", "the ISI
#: framework", "how much notice do ISI give", "what does the DfE say" (not a role: "can the SENCO attend?").
_BODY_INITIALS = re.compile(
    r"\bby\s+(?:the\s+)?(?P<a>[A-Z][A-Za-z]?[A-Z]{1,4})\b"
    r"|\b(?P<b>[A-Z][A-Za-z]?[A-Z]{1,4})(?:['\u2019]s)?\s+(?:framework|inspections?|inspectors?|reports?|guidance|handbook|"
    r"grades?|gradings?|judgements?|judgments?|notice|rules|process|criteria|view|line|position|stance)\b"
    r"|\b(?:do|does|did|will|would)\s+(?:the\s+)?(?P<c>[A-Z][A-Za-z]?[A-Z]{1,4})\s+(?:say|think|give|inspect|grade|publish|"
    r"want|recommend|expect|require|look)\b")


def absent_bodies(question: str, df: dict[str, int]) -> list[str]:
    """Bodies a question asks about, named by their initials (`_BODY_INITIALS`), that the documents never
    mention: "we're inspected by ISI not Ofsted - how is the ISI framework different?" -> ["ISI"]. What another
    body does is not answered by what the documents say Ofsted does, however close the rest of the question comes."""
    missing = set(unmentioned(question, df))
    found = [m.group("a") or m.group("b") or m.group("c") for m in _BODY_INITIALS.finditer(question)]
    return list(dict.fromkeys(w for w in found if set(content_terms(w)) & missing))


#: "What qualifications do I need ...?", "which grants are there ...?": the thing asked for, named before the verb.
_WH_NOUN = re.compile(
    r"^\s*(?:what|which)\s+(?:kinds? of\s+|sorts? of\s+|types? of\s+)?([a-z][\w-]+)\s+"
    r"(?=(?:do|does|did|is|are|was|were|will|would|can|could|should|must|have|has)\b)", re.I)
#: "How do I apply ...?", "what's the process for appealing ...?": the act whose way is asked.
_HOW_TO = re.compile(
    r"^\s*(?:how\s+(?:do|can|should|would|could|might|will|does)\s+(?:i|we|you|they|one|someone|anyone|people|staff|"
    r"schools?|a school|heads?|leaders?)\s+(?:go about\s+)?|what(?:'s| is| are)\s+the\s+(?:process|procedure|steps)\s+(?:for|of)\s+)"
    r"([a-z][\w-]+)", re.I)


def absent_asked_for(question: str, df: dict[str, int]) -> tuple[str, str] | None:
    """What a question asks for when the documents never mention it (`unmentioned`): the thing a "what X do
    ...?" question wants ("What qualifications do I need to become an Ofsted Inspector?" -> ("qualifications",
    "thing")) or the act a "how do I X?" wants the way of ("How do I apply to join the OI pilot?" ->
    ("apply", "act")). None when they mention it, or the question has neither shape, or what it asks for is the
    reasons someone gave ("what arguments did the chief inspector make ...?": their words, however they put it)."""
    if _REASONS_GIVEN.search(question):
        return None
    for pattern, kind in ((_WH_NOUN, "thing"), (_HOW_TO, "act")):
        m = pattern.match(question)
        if m:
            w = m.group(1).lower()
            return (w, kind) if set(content_terms(w)) & set(unmentioned(question, df)) else None
    return None


_OFSTED_ITSELF = re.compile(r"\bofsted\b|\bchief inspector\b|\bhmci\b|\bmartyn oliver\b|\bsir martyn\b", re.I)


def view_asked_of(question: str) -> set[str]:
    """The kinds of source a yes/no question asks the view of ("does ofsted think ...?" -> official; "does the NEU
    want ...?" -> union): only their own sentences say Yes or No to it."""
    m = _ASKS_IF_SOURCE_SAYS.match(question.strip())
    if not m:
        return set()
    src = m.group("src")
    return named_authorities(src) | ({"official"} if _OFSTED_ITSELF.search(src) else set())


def lead_for_answer(question: str, chosen: list[Candidate], df: dict[str, int] | None = None) -> str:
    """The direct answer that leads the first chosen sentence: a yes/no lead hears the other chosen sentences.
    No Yes or No when the question asks about something the documents never mention (`df`: the documents' word
    counts): "Does Ofsted inspect universities?" is not answered "Yes" by a sentence about school inspection.
    (A number, date or length of time leads only from a sentence that states one, so needs no such check.)"""
    if not chosen:
        return ""
    if question_kind(question) == "yesno":
        if (whose := view_asked_of(question)) and chosen[0].hit.chunk.meta.authority not in whose:
            return ""  # "does ofsted think inspection should drive improvement?" is not answered Yes by the CST's words
        return "" if df is not None and unmentioned(question, df) else yes_no_lead(question, chosen)
    lead = lead_for(question, chosen[0])
    if not lead and chosen[0].text.rstrip().endswith(":") and question_kind(question) in ANSWER_TYPES:
        # a list's intro, its items after it ("Specifically, it may be wise to focus on: ... 2. ... the two days on
        # which the inspection will ordinarily fall - Tuesday and Wednesday"): the item that gives what was asked
        for c in chosen[1:]:
            if c.hit is not chosen[0].hit or (lead := lead_for(question, c)):
                break
    if not lead and len(chosen) > 1 and antecedent(chosen, chosen[1]) is chosen[0]:
        # the first sentence is shown only as what the second leans on ("Headteachers can request a pause ...
        # Normally, inspections will resume ... up to 5 working days"; "Dame Christine Gilbert recommended ...
        # Ofsted fully accepted this recommendation ... 132 actions"): the direct answer is in the second
        lead = lead_for(question, chosen[1])
    return lead


def lead_for(question: str, best: Candidate) -> str:
    """A short direct answer taken from the best sentence: "Yes", "No", "Up to 5 working days", "4.30 pm".
    For "when" questions a sentence that says "today" is dated by its source's date."""
    kind = question_kind(question)
    text = best.text
    if kind in TYPED_KINDS and not best.about:
        return ""  # "4.30 pm" does not lead an answer to "what time do inspectors arrive?" from a deferral sentence
    if kind == "date" and not dates_the_event(question, text):
        return ""  # "when did the pilot start?" is not answered by "the pilot will continue throughout 2026"
    if kind == "date" and not _DATE.search(text) and RELATIVE_DAY.search(text) and asked_event(question) != "publish" and _NOT_YET.search(text):
        return ""  # "today announced that it will begin trials ...": today is when it was announced, not the trials
    if kind == "date" and not _DATE.search(text) and RELATIVE_DAY.search(text) and _WHEN_FUTURE.search(question):
        return ""  # "when will those people be out doing real inspections?" is not answered by the day it was announced
    if kind == "date" and not _DATE.search(text) and RELATIVE_DAY.search(text) and best.hit.chunk.meta.date:
        return f"On {format_date(best.hit.chunk.meta.date)} (the date of the source, which says \u201c{RELATIVE_DAY.search(text).group(1)}\u201d)"
    if kind == "yesno":
        return yes_no_lead(question, [best])
    if kind == "person":  # "who spoke for the NAHT?" -> "Ian Hartwright", from a sentence naming him as speaker
        return (person_named(text) or "") if names_who_was_asked(question, text) else ""
    pattern = ANSWER_TYPES.get(kind)
    if pattern is None:
        return ""
    if kind == "count" and _REMAINDER.search(question) and _PROPORTION.search(text):
        return ""  # "how many are still outstanding?" is not "42 out of 132" (completed): let the sentence say it
    m = count_of(text, counted_noun(question)) if kind == "count" else event_date(question, text) if kind == "date" else pattern.search(text)
    if kind == "count" and asks_part_of_whole(question) and (part := _PROPORTION.search(text)):
        m = _COUNT.search(text, part.start()) or m  # "how many of the commitments ...?" -> "Just under a third (42)"
    if not m:
        return ""
    phrase = " ".join(m.group(1).split())
    if kind == "date" and re.search(r"\b(?:this|next)\b", phrase, re.I) and best.hit.chunk.meta.date:
        phrase += f" (as of {format_date(best.hit.chunk.meta.date)}, the date of the source)"  # "later this term": which term
    return phrase[0].upper() + phrase[1:]
