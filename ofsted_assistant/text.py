"""Small, pure text helpers shared by ingest, retrieval and answering."""

from __future__ import annotations

import re
import unicodedata

_ABBREVIATIONS = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "para", "paras", "vs", "cf", "approx"}

_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`; list items and lines of a list are their own spans."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        seg_start = line.start()
        body = line.group(0)
        pos = 0
        for m in _SENT_END.finditer(body):
            word = re.findall(r"[\w.]+$", body[: m.start() + 1].rstrip(".!?"))
            if word and word[-1].lower().rstrip(".") in _ABBREVIATIONS and body[m.start()] == ".":
                continue
            if re.fullmatch(r"\s*(?:\d{1,3}|[a-z])", body[pos : m.start()]):
                continue  # a list number ("1. First item"), not a sentence
            spans.append((seg_start + pos, seg_start + m.end()))
            pos = m.end()
        spans.append((seg_start + pos, seg_start + len(body)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


_PARA_REF = re.compile(
    r"\b(?:paragraphs?|paras?\.?)\s+(\d{1,3}(?:\s*(?:,\s*(?:and|or)?|and|&|or|to|-|–)\s*\d{1,3})*)", re.I
)


def find_paragraph_refs(text: str) -> list[int]:
    refs: list[int] = []
    for m in _PARA_REF.finditer(text):
        for n in re.findall(r"\d{1,3}", m.group(1)):
            if int(n) not in refs:
                refs.append(int(n))
    return refs


def format_locator(refs: list[int], page: int | None = None) -> str | None:
    parts = []
    if page:
        parts.append(f"page {page}")
    if refs:
        if len(refs) == 1:
            parts.append(f"paragraph {refs[0]}")
        else:
            parts.append("paragraphs " + ", ".join(map(str, refs[:-1])) + f" and {refs[-1]}")
    return ", ".join(parts) or None


STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your yours
    yourself yourselves also may might must shall us get got let lot lots via per within without able
    really please tell know thing things say says said one ones im ive id youre dont doesnt isnt arent
    long many much often soon actually exactly anything something someone anyone happen happens need want
    re ve ll don didn doesn isn aren wasn weren couldn shouldn wouldn haven hasn hadn mustn
    whats whether hows whos wheres thats theres cant wont
    instead however meanwhile therefore basically
    normal normally usual usually typical typically""".split()
)  # the last lines: what "we're", "they've", "don't" leave when split at the apostrophe, and the same typed without
# it; and the words for the ordinary case ("a normal inspection", "usually"), which say nothing of what it is about


MONTHS = "January February March April May June July August September October November December".split()
MONTHS_SHORT = [m[:3].lower() for m in MONTHS]


def format_date(iso: str) -> str:
    """"2024-02-22" -> "22 February 2024" (English month names whatever the locale)."""
    import datetime as _dt

    d = _dt.date.fromisoformat(iso[:10])
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


_SHORT_SCHOOL_YEAR = re.compile(r"(?<![\d/.-])(?<!aged )(?<!ages )(\d{2})\s*[-/\u2013]\s*(\d{2})(?![\d/.-])(?![- ]*(?:years?|yrs?)[- ]*olds?)", re.I)


def school_years(text: str) -> str:
    """A school year written short as staff write it, as the documents write it: "inspected in 24-25" / "24/25"
    -> "2024-25". Only two two-digit numbers a year apart (not "2-3 days", "10-12", a date "12/01", "16-17 year olds")."""
    def full(m: re.Match) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        return f"20{m.group(1)}-{m.group(2)}" if b == (a + 1) % 100 and 15 <= a <= 60 else m.group(0)
    return _SHORT_SCHOOL_YEAR.sub(full, text)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters, digits; keeps 4.30 and 2024-25 together; "4:30pm" reads as "4.30 pm")."""
    text = re.sub(r"\b(\d{1,2})(?:[.:](\d{2}))?(am|pm)\b", lambda m: f"{m.group(1)}{'.' + m.group(2) if m.group(2) else ''} {m.group(3)}", normalise(text), flags=re.I)
    text = re.sub(r"\b(\d{1,2}):(\d{2})\b", r"\1.\2", text)
    return re.findall(r"[a-z0-9]+(?:[.\-][a-z0-9]+)*", text.lower())


#: Consonants a suffix doubles ("scrap" -> "scrapped"); l, s, z and f are doubled in the word itself ("call", "staff").
_UNDOUBLED = frozenset("bdgkmnprt")


def stem(word: str) -> str:
    """A light suffix stripper: enough to match inspection/inspections, inspected/inspect, MATs/MAT, pays/pay
    (not "news" and "new"). ("inspection" and "inspect" stay apart: joining them was tried and changed as many
    answers for the worse as for the better.)"""
    if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word != "news":
        return word[:-1]  # "mats", "days", "pays"
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ies", "ied", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "ed" and len(base) > 3 and base[-1] == base[-2] and base[-1] in _UNDOUBLED:
                return base[:-1]  # "scrapped" as "scrap", "planned" as "plan" (not "called", "assessed", "staffed")
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 4 else word


def content_terms(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORDS = {**{w: str(n) for w, n in (_UNIT_WORDS | _TENS_WORDS).items()}, "half": "0.5"}


def number_value(token: str) -> int | None:
    """A whole number written as digits or words, up to ninety-nine: "42", "forty-two", "twelve"; else None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in _UNIT_WORDS or token in _TENS_WORDS:
        return _UNIT_WORDS.get(token) or _TENS_WORDS[token]
    tens, _, unit = token.partition("-")
    if tens in _TENS_WORDS and unit in _UNIT_WORDS and _UNIT_WORDS[unit] < 10:
        return _TENS_WORDS[tens] + _UNIT_WORDS[unit]
    return None


def numbers(text: str) -> set[str]:
    """Numbers a sentence states, digits or words ("five" -> "5", "forty-two" -> "42"), so claims can be checked
    against sources."""
    found = set()
    for w in words(text):
        if w in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[w])
        elif (n := number_value(w)) is not None and not w.isdigit():
            found.add(str(n))
        elif re.fullmatch(r"\d+(?:[.\-]\d+)*", w):
            found.add(w)
            found.update(re.findall(r"\d+", w))
    return found


_QUANTITY = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half an?)[\s-]+(?:working[\s-]+)?"
    r"(minute|hour|day|week|month|term|year)(?:s|'s|\u2019s|s'|s\u2019)?\b",
    re.I,
)


def quantities(text: str) -> set[tuple[str, str]]:
    """Amounts of time a text states, as (number, unit): "2 weeks' notice" -> ("2", "week"), "two-day
    inspections" -> ("2", "day"), "half a day's notice" -> ("0.5", "day")."""
    found = set()
    for m in _QUANTITY.finditer(text):
        n = m.group(1).lower()
        n = "0.5" if n.startswith("half") else _NUMBER_WORDS.get(n, n)
        found.add((n, m.group(2).lower()))
    return found


_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])", re.I)


def clock_times(text: str) -> dict[str, str]:
    """Times of day a text states, 24-hour -> as written: "after 4.30 pm" -> {"16:30": "4.30 pm"}, "up to
    midnight" -> {"00:00": "midnight"}."""
    out = {}
    for m in re.finditer(r"\b(midnight|midday|noon)\b", text, re.I):  # "any time up to midnight"
        out["00:00" if m.group(1).lower() == "midnight" else "12:00"] = m.group(0)
    for m in _CLOCK.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not (1 <= hour <= 12 and minute < 60):
            continue
        pm = m.group(3).lower().startswith("p")
        out[f"{hour % 12 + (12 if pm else 0):02d}:{minute:02d}"] = m.group(0)
    return out


_DATED = re.compile(
    r"\b(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?P<year>(?:19|20)\d{2})\b"
    r"|\b\d{1,2}[./](?P<m>\d{1,2})[./](?P<y>\d{2}|\d{4})\b",
    re.I,
)


def date_mentions(text: str) -> list[tuple[int, tuple[int, int | None]]]:
    """Where a text states a year, and the year with its month when it gives one: "in Dec 2024" -> (3, (2024, 12)),
    "on 19.1.24" -> (3, (2024, 1)), "since 2024" -> (6, (2024, None))."""
    found = []
    for m in _DATED.finditer(text):
        if m.group("year"):
            month = m.group("month")
            found.append((m.start(), (int(m.group("year")), MONTHS_SHORT.index(month.lower()) + 1 if month else None)))
        elif 1 <= int(m.group("m")) <= 12:
            y = int(m.group("y"))
            found.append((m.start(), (y + 2000 if y < 100 else y, int(m.group("m")))))
    return found


def dates(text: str) -> set[tuple[int, int | None]]:
    """The (year, month) pairs of `date_mentions`."""
    return {d for _, d in date_mentions(text)}


def months(text: str) -> set[str]:
    """Month names a text states: "trials start in February" -> {"February"} ("may" as a verb is not May)."""
    return {m for m in MONTHS if re.search(rf"\b{m}\b", text)}


#: A union named by whom it is for ("the teaching union", "teachers' unions", "the teacher union"): its members'
#: job says which union, not what the question is about (it would draw passages on teaching).
_UNION_FOR = re.compile(r"\b(?:teaching|teachers?['\u2019]?)\s+(unions?)\b", re.I)


def plain_union_name(text: str) -> str:
    """"what's the teaching union's demand?" -> "what's the union's demand?"."""
    return _UNION_FOR.sub(r"\1", text)


#: "what does EIF stand for?", "what's EIF short for?": an abbreviation to spell out.
_STANDS_FOR = re.compile(
    r"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?['\u2018\u201c]?(?P<a>[A-Za-z]{2,6})['\u2019\u201d]?\s+(?:stand|stands)\s+for\b"
    r"|\bwhat(?:'s|\u2019s| is| are)\s+(?:the\s+)?['\u2018\u201c]?(?P<b>[A-Za-z]{2,6})['\u2019\u201d]?\s+short\s+for\b", re.I)


def stands_for(question: str) -> str | None:
    """The abbreviation a question asks to have spelled out: "what does EIF stand for?" -> "EIF"."""
    m = _STANDS_FOR.search(question)
    return (m.group("a") or m.group("b")) if m else None


def spelled_out(short: str, text: str) -> bool:
    """Does `text` (as written) have a name whose capitalised words' initials spell `short` ("Education Inspection
    Framework" for EIF; "of"/"and" may come between, and "His Majesty's Inspectors" spells HMI)?"""
    pattern = r"\b" + r"\s+(?:(?:of|and|for|the|in)\s+)?".join(rf"{c}[\w'\u2019-]*" for c in short.upper()) + r"\b"
    return re.search(pattern, text) is not None

