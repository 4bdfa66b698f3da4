"""Citations: building them from passages, and checking that each cited sentence is supported.

Pure functions, unit-tested without a model or an index.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .records import Chunk
from .text import content_terms, find_paragraph_refs, format_date, format_locator, normalise, numbers, words


@dataclass
class Citation:
    n: int
    chunk_id: str
    doc_id: str
    title: str
    publisher: str
    authority: str
    authority_label: str
    date: str | None
    date_note: str | None
    url: str | None
    locator: str | None
    heading: str | None
    quote: str  # the exact passage text (document text[start:end])
    start: int
    end: int
    #: (start, end) of each supporting sentence, relative to `quote`.
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


def sentence_locator(chunk: Chunk, spans: list[tuple[int, int]]) -> str | None:
    """The most specific locator: paragraph numbers the supporting sentences cite, else the chunk's."""
    refs: list[int] = []
    for s, e in spans:
        for r in find_paragraph_refs(chunk.text[s:e]):
            if r not in refs:
                refs.append(r)
    if refs:
        return format_locator(refs, chunk.page)
    return chunk.locator


def build_citations(used: list[tuple[Chunk, list[tuple[int, int]]]]) -> list[Citation]:
    """One citation per passage, numbered 1..n in the order given."""
    out = []
    for n, (chunk, spans) in enumerate(used, start=1):
        m = chunk.meta
        out.append(
            Citation(
                n=n,
                chunk_id=chunk.chunk_id,
                doc_id=chunk.doc_id,
                title=m.title,
                publisher=m.publisher,
                authority=m.authority,
                authority_label=m.authority_label,
                date=m.date,
                date_note=m.date_note,
                url=m.url,
                locator=sentence_locator(chunk, spans),
                heading=" > ".join(chunk.heading_path) or None,
                quote=chunk.text,
                start=chunk.start,
                end=chunk.end,
                highlights=sorted(spans),
            )
        )
    return out


# -- verification ------------------------------------------------------------------------------------
_MARKERS = re.compile(r"\s*((?:\[\d+\]\s*)+)")
#: How `attribution` labels a quote's source: "The union guidance (National Education Union) says", "Ofsted
#: (official) says", "Schools Week (news) reports".
_LABEL = r"The union guidance(?: \([^()]{1,80}\))? says|[^:()]{1,80} \((?:official|news|commentary)\) (?:says|reports)"
#: Any short lead the answer puts before its first, attributed quote: "Tuesday and Wednesday - The union guidance ...".
_SHORT_LEAD = re.compile(rf"^\s*([^\n]{{1,120}}?)\s[-\u2013\u2014]\s(?=(?:{_LABEL}))")
_LEADS = re.compile(r"^\s*(yes|no|not quite|partly|in short)\s*[-–—:,]\s*", re.I)

#: The labels the answer puts before a quote to say who is speaking (`attribution`). They are the engine's
#: words, not the source's, so the support check reads the sentence without them; only these exact shapes
#: are dropped, so a free-text claim of who said what is still checked word by word.
_ATTRIBUTION = re.compile(rf"^\s*(?:{_LABEL}|[^:()]{{1,80}}'s summary \(commentary\) says)\s*:\s*")


def attribution(publisher: str, authority: str) -> str:
    """How an answer attributes a quote: who is speaking, and what kind of source it is."""
    pub = re.sub(r"\s*\(.*?\)\s*", " ", publisher).strip()
    if authority == "official":
        return f"{pub} (official) says:"
    if authority == "union":
        return f"The union guidance ({pub}) says:" if pub.lower() != "unknown publisher" else "The union guidance says:"
    if authority == "news":
        return f"{pub} (news) reports:"
    return f"{pub}'s summary (commentary) says:"


@dataclass
class Support:
    ok: bool
    reason: str
    overlap: float = 0.0


def support(sentence: str, passage: str, min_overlap: float = 0.6) -> Support:
    """Is `sentence` supported by `passage`? An exact quote is; otherwise most of its content words must be
    in the passage, and every number it states must be there too ("10 days" against "5 working days" fails)."""
    # a short direct answer before the quote ("Tuesday and Wednesday - ...", "Up to 5 working days - ...") is the
    # engine's, taken from the passage: checked against the passage on its own, then read past
    lead = _SHORT_LEAD.match(sentence)
    if lead and not _LEADS.match(sentence):
        said = lead.group(1)
        if not (set(content_terms(said)) <= set(content_terms(passage)) and numbers(said) <= numbers(passage)):
            return Support(False, f"its lead \u201c{said}\u201d is not in the passage", 0.0)
        sentence = sentence[lead.end():]
    claim = _ATTRIBUTION.sub("", _LEADS.sub("", sentence), count=1).strip().strip('"“”')
    norm_claim = " ".join(words(claim))
    norm_passage = " ".join(words(passage))
    if norm_claim and norm_claim in norm_passage:
        return Support(True, "exact quote", 1.0)
    missing_numbers = numbers(claim) - numbers(passage)
    if missing_numbers:
        return Support(False, f"states {', '.join(sorted(missing_numbers))}, which the passage does not", 0.0)
    terms = set(content_terms(claim))
    if not terms:
        return Support(False, "no content to check", 0.0)
    passage_terms = set(content_terms(passage))
    overlap = len(terms & passage_terms) / len(terms)
    if overlap < min_overlap:
        return Support(False, f"only {overlap:.0%} of its content words are in the passage", overlap)
    neg_claim = bool(re.search(r"\b(not|no|never|cannot|can't|won't|isn't|aren't)\b", normalise(claim).lower()))
    neg_passage = bool(re.search(r"\b(not|no|never|cannot|can't|won't|isn't|aren't|unless)\b", normalise(passage).lower()))
    if neg_claim and not neg_passage:
        return Support(False, "it negates what the passage says", overlap)
    return Support(True, f"{overlap:.0%} of its content words are in the passage", overlap)


@dataclass
class CheckedSentence:
    text: str  # without markers
    refs: list[int]
    supported: bool
    reasons: list[str]


def split_cited(answer: str) -> list[tuple[str, list[int]]]:
    """Split an answer into (sentence, [n, ...]) pieces by its [n] markers; text after the last marker
    (if any) is returned with no refs."""
    pieces: list[tuple[str, list[int]]] = []
    pos = 0
    for m in _MARKERS.finditer(answer):
        text = answer[pos : m.start()].strip().lstrip(".,;:").strip()
        refs = [int(x) for x in re.findall(r"\d+", m.group(1))]
        if text:
            pieces.append((text, refs))
        elif pieces:
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + refs)
        pos = m.end()
    tail = answer[pos:].strip().lstrip(".,;:").strip()
    if tail:
        pieces.append((tail, []))
    return pieces


def checkable(quote: str, date: str | None) -> str:
    """What a citation supports: its passage, and its document's date - a "when" lead may be the source's own
    date ("On 13 March 2026 (the date of the source, which says 'this morning')")."""
    return f"{quote} ({format_date(date)})" if date else quote


def check_answer(answer: str, passages: dict[int, str]) -> list[CheckedSentence]:
    """Check every cited sentence of an answer against the passages it cites. A marker that points at a
    passage not in `passages` (i.e. not retrieved) is unsupported."""
    checked = []
    for text, refs in split_cited(answer):
        reasons = []
        ok_any = False
        if not refs:
            reasons.append("no citation")
        for n in refs:
            if n not in passages:
                reasons.append(f"[{n}] is not a retrieved passage")
                continue
            s = support(text, passages[n])
            reasons.append(f"[{n}]: {s.reason}")
            ok_any = ok_any or s.ok
        checked.append(CheckedSentence(text, refs, ok_any and all(n in passages for n in refs), reasons))
    return checked
