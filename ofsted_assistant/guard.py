"""Input checks and routing: what the assistant must not answer, decided before any retrieval.

- `validate_question` rejects unusable input (empty, too long, control characters) with a clear message.
- `route` recognises requests to route elsewhere rather than answer: instruction overrides and prompt
  extraction, questions about a named school's grade or inspection, and personal data about people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import BadQuestion

COVERAGE = (
    "The documents I have cover: the January 2024 updates to the School inspection handbook (as summarised "
    "by TT Education), Ofsted's announcements on the Big Listen monitoring report and the pilot recruiting "
    "serving leaders as Ofsted Inspectors, union guidance for school leaders on Ofsted, and a Schools Week "
    "report on MPs' inquiry into Ofsted."
)
WHERE_TO_GO = (
    "For anything else, the current School inspection handbook on gov.uk is the authoritative source; "
    "Ofsted's complaints procedure (on gov.uk) covers concerns about an inspection; your union can advise "
    "on your own situation."
)


def validate_question(question: object, max_chars: int = 2000) -> str:
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    q = unicodedata.normalize("NFC", question)
    bad = [c for c in q if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in "\n\t\r"]
    if bad:
        raise BadQuestion(
            f"the question contains {len(bad)} control or invisible character(s) (e.g. U+{ord(bad[0]):04X}): retype it as plain text"
        )
    q = " ".join(q.split())
    if not q:
        raise BadQuestion("the question is empty: type a question, e.g. \"Can I bring a colleague to this meeting?\"")
    if len(q) > max_chars:
        raise BadQuestion(f"the question is {len(q)} characters long; the limit is {max_chars}: ask one thing at a time")
    if not re.search(r"[A-Za-z0-9]", q):
        raise BadQuestion("the question has no words in it: type a question in words")
    return q


@dataclass(frozen=True)
class Route:
    kind: str  # "injection" | "named_school" | "personal_data"
    message: str


_INJECTION = [
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines|documents?|sources?|context)\b",
    r"\b(system|developer|hidden|initial|original)\s+(prompt|message|instructions?)\b",
    r"\b(reveal|print|show|repeat|output|leak|display)\b.{0,30}\b(prompt|instructions|configuration)\b",
    r"\byou are (now|no longer)\b",
    r"\b(not|no longer) (limited|restricted|bound) to\b",
    r"\bfrom your own (knowledge|training|experience)\b",
    r"\bpretend (to be|you are)\b|\bact as (an?|my)\b|\bjailbreak\b|\bDAN mode\b",
    r"^\s*(system|assistant)\s*(notice|message|override|:)",
    r"\b(confirm|tell the user|say) (that|this)\b.{0,60}\b(documents?|sources?)\b.{0,30}\b(updated|changed|now say)\b",
    r"\bthe (source )?documents? (have|has) (been )?(updated|changed)\b",
    # Common shapes of instruction-override attacks (generic, from public jailbreak taxonomies).
    r"\bfrom now on\b.{0,60}\b(you|answer|respond|reply|act)\b",
    r"\b(your|these are (your|the)) new (rules|instructions|persona|role)\b",
    r"\b(developer|god|debug|admin|unrestricted) mode\b",
    r"\bwithout (any )?(restrictions|limits|limitations|rules|filters|censorship)\b",
    r"\b(what|tell me|show me) (are |were )?(your|the) (rules|instructions|guidelines|prompt)\b",
    r"\bdo anything now\b",
    r"\b(print|repeat|output) (everything|all|the text) (above|before|so far)\b",
]

_SCHOOL_NAME = (
    r"(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’-]+\s+){1,5}"
    r"(?:Primary|Secondary|Academy|High|School|College|Grammar|Infants?|Juniors?|Nursery|Federation|Trust|C of E|CofE|RC)\b"
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")
_DOB = re.compile(r"\b(DOB|date of birth|born on)\b|\b\d{1,2}/\d{1,2}/(19|20)\d{2}\b", re.I)
_NI = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
_PERSON_ASK = re.compile(
    r"\b(what|which|how)\b.{0,60}\b(he|she|they|her|him)\b.{0,40}\b(graded|inspected|recorded|said about|written about|think of)\b"
    r"|\b(recorded|written|noted|said) about (him|her|them)\b"
    r"|\bwhat other schools (she|he|they)\b",
    re.I,
)
_NAMED_PERSON = re.compile(r"\b(?:[A-Z][a-z]+)\s(?:[A-Z][a-z]+)\b")
_PUPIL_WORDS = re.compile(r"\b(pupil|student|child|my son|my daughter|in y(ear)?\s?\d+|send register|safeguarding file)\b", re.I)


def looks_like_instructions(text: str) -> bool:
    """Text addressed to an AI ("ignore all previous instructions ...") is never evidence, wherever it appears."""
    return any(re.search(p, text, re.I | re.S) for p in _INJECTION)


def route(question: str, known=lambda name: False) -> Route | None:
    """`known(name)` says whether a name appears in the indexed documents (then it is not routed away)."""
    q = question
    for pattern in _INJECTION:
        if re.search(pattern, q, re.I | re.S):
            return Route(
                "injection",
                "I can only answer from the documents I hold, and I don't change how I work or share my instructions "
                "because a message asks me to. Ask me a question about inspection and I'll answer it from the "
                "sources, with quotes. " + COVERAGE,
            )
    if _EMAIL.search(q) or _PHONE.search(q) or _NI.search(q) or _DOB.search(q) or _PERSON_ASK.search(q) or (
        _PUPIL_WORDS.search(q) and _NAMED_PERSON.search(q)
    ):
        return Route(
            "personal_data",
            "Your question includes personal details about someone (a name with personal information, an email "
            "address, a phone number or a date of birth). I don't look people up or answer about individuals, and "
            "I keep no record of questions. Please ask without the personal details. For a concern about an "
            "individual inspection, use Ofsted's complaints procedure on gov.uk; for a pupil, follow your school's "
            "safeguarding and data-protection procedures.",
        )
    school = re.search(_SCHOOL_NAME, q)
    if school and not known(school.group(0)):
        return Route(
            "named_school",
            "I can't tell you about a particular school's grade, inspection dates or status: my documents are "
            "guidance and announcements, not inspection reports. Ofsted's reports for every school are published "
            "on its website (search for the school by name on reports.ofsted.gov.uk). " + COVERAGE,
        )
    return None
