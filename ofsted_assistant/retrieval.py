"""Hybrid retrieval: dense search in Chroma + lexical BM25 (bm25s), fused; authority-aware ordering.

Lexical search matters here: staff type "para 118", "OI", "HMCI", "deferral". A small glossary expands
the abbreviations of English school inspection in both searches (domain vocabulary, not tuned answers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .records import Chunk
from .settings import RetrievalSettings
from .text import content_terms, words

#: Abbreviations and everyday words of school inspection -> the words the documents use.
GLOSSARY: dict[str, str] = {
    "oi": "ofsted inspector",
    "ois": "ofsted inspectors",
    "hmi": "his majesty's inspectors",
    "hmci": "his majesty's chief inspector",
    "fe": "further education",
    "mat": "multi-academy trust",
    "mats": "multi-academy trusts",
    "org": "organisation",
    "orgs": "organisations",
    "send": "special educational needs disabilities",
    "eif": "education inspection framework",
    "ri": "requires improvement",
    "la": "local authority",
    "las": "local authorities",
    "slt": "senior leadership team",
    "sltb": "senior leadership",
    "head": "headteacher",
    "heads": "headteachers",
    "para": "paragraph",
    "paras": "paragraphs",
    "cst": "confederation of school trusts",
    "naht": "national association of head teachers",
    "neu": "union",
    "ascl": "association of school and college leaders",
    "mps": "education committee",
    "govs": "governors",
    "pp": "pupil premium",
    "postpone": "defer deferral",
    "postponed": "deferral",
    "delay": "defer deferral",
    "defer": "deferral",  # the verb staff use; the documents name the request ("deferral requests made after 4.30 pm")
    "freelance": "contracted oi",  # "the freelance inspectors": contracted Ofsted Inspectors (OIs), not HMI
    "ring": "call",  # "can anyone on SLT ring it?": phone the number
    "rang": "called",
    "colleague": "staff member colleague",
    "colleagues": "staff members colleagues",
    "halt": "pause",
    "halted": "paused",
    "suspend": "pause",
    "suspended": "paused",
    "stop": "pause",
    "complain": "concerns",
    "complaint": "concerns",
    "kids": "pupils",
    "rep": "union representative",
    "reps": "union representatives",
    "window": "ofsted inspection window",  # "we're in the window": the period when an inspection is due
    "children": "pupils",
    "judgement": "judgment",  # British spelling; the documents write "judgment"
    "judgements": "judgments",
    "doc": "document guidance",
    "docs": "documents guidance",
    "advice": "guidance",
    "ht": "headteacher",
    "hts": "headteachers",
    "dht": "deputy head",
    "dep": "deputy head",
    "ta": "staff member teaching assistant",
    "tas": "staff members teaching assistants",
    "pta": "parents",  # the parent-teacher association
    "ptas": "parents",
    "mums": "parents",  # "mums and dads"
    "dads": "parents",
    "verdict": "judgment",
    "verdicts": "judgments",
    "rating": "grading judgment",
    "ratings": "grading judgments",
    "paperwork": "documents",
    "nursery": "early years",  # nurseries and pre-schools are early years providers
    "nurseries": "early years",
    "preschool": "early years",
    "preschools": "early years",
    "eyfs": "early years",
}


#: Organisations a question can name by their initials ("the NAHT"); the documents may spell the name out.
ORGANISATIONS = ("neu", "naht", "ascl", "nasuwt", "cst", "asdc")
#: Those whose full name the glossary knows -> the name's terms.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    k: name for k in ORGANISATIONS if len(name := tuple(content_terms(GLOSSARY.get(k, "")))) > 1
}


#: A length or count written as one hyphened word: "two-day", "5-day", "half-day", "three-year".
_COUNTED = re.compile(r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|half|twelve)-(?:day|week|month|year|hour|minute|term)s?")


def text_terms(text: str) -> list[str]:
    """A text's content terms, and the abbreviations of the names it spells out: "Ian Hartwright, from the National
    Association of Head Teachers" is about the NAHT, so "who spoke for the NAHT?" finds it."""
    terms = content_terms(text)
    joined = f" {' '.join(terms)} "
    # ... and the parts of a length or count written as one word: "struggling with two-day inspections" speaks of
    # two days (not "real-time knowledge" of time, nor "end-of-day meetings" of a day: those are their own things)
    parts = [t for w in words(text) if _COUNTED.fullmatch(w) for t in content_terms(w.replace("-", " "))]
    return terms + [a for a, name in ABBREVIATIONS.items() if f" {' '.join(name)} " in joined and a not in terms] + parts


def glossary_for(word: str) -> str | None:
    """The glossary's words for `word` or for the word it inflects: "complaints" as "complaint", "stopped"
    as "stop", "suspending" as "suspend"."""
    if word in GLOSSARY:
        return GLOSSARY[word]
    for suffix in ("s", "es", "ed", "d", "ing"):
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        for form in (base, base[:-1] if base[-1:] == base[-2:-1] else None, base + "e"):  # "stopped", "paused"
            if form and form in GLOSSARY:
                return GLOSSARY[form]
    return None


# How staff say it -> how the documents say it. Phrases a word glossary cannot catch ("push it back").
#: "a lighter version of the training", "a different kind of inspecting", "trained differently": asks whether it is
#: the same (which a sentence saying "the same" answers No).
LESSER_VERSION = re.compile(
    r"\b(?:lighter|easier|shorter|cut[- ]down|watered[- ]down|reduced|lesser|lower)\s+"
    r"(?:(?:version|kind|sort|type|level)\s+of\s+(?:the\s+)?)?(?:training|inspect\w*|standards?|work)\b"
    # "a different kind of inspecting", "different training" (not "a different inspection framework")
    r"|\b(?:different|separate|special)\s+(?:(?:version|kind|sort|type|level)\s+of\s+(?:the\s+)?(?:training|inspect\w*|standards?|work)|training|standards?)\b"
    r"|\btrained\s+(?:any\s+)?(?:differently|less)\b", re.I)
PHRASES: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.I), words_)
    for p, words_ in [
        (r"\b(?:push|put|move)(?:es|ed|ing)?\s+(?:\w+\s+){0,2}(?:back|off)\b|\breschedul\w*|\bpostpon\w*", "defer deferral"),
        (r"\b(?:done|finished|achieved|delivered|ticked off|sorted)\b", "completed"),
        (r"\b(?:money|pay|pays|paying|paid|payed|payment|salary|salaries|afford|funding|funded|cost|costs)\b", "fee costs salaries"),
        (r"\b(?:sit through|sit in|stay (?:for|through|until|till|to|in)|turn up|show up|be there|go to)\b", "attend attendance present"),
        # "can we just ignore the feedback meeting?": whether going is optional
        (r"\b(?:ignore|skip|miss|avoid|bunk off|opt out of|sit out|give (?:it|them|that|the [\w-]+) a miss)\b(?=.{0,40}\b(?:meetings?|calls?|feedback|sessions?)\b)",
         "attend attendance voluntary"),
        (r"\bbring(?:s|ing)?\s+(?:a|an|my|our|your|their|someone|somebody|anyone|along|with)\b", "present accompany"),
        (r"\b(?:tell|telling|told|talk to|discuss|share|sharing)\b", "communicate share"),
        (r"\b(?:stress|stressed|burnout|burn-out|wellbeing|well-being)\b", "mental health wellbeing"),
        (r"\b(?:start|starts|trigger|triggers|call|calls)\s+(?:a |one |the )?(?:pause|halt)\b|\bwho can (?:actually )?start\b", "initiate request"),
        (r"\b(?:up to now|so far|getting on|progress)\b", "currently so far progress"),
        # "is that a one off or will there be more?": a series, regular ones
        (r"\bone[- ]offs?\b|\bmore of (?:them|these|those)\b|\b(?:another|a second|a next) one\b|\bwill there be (?:more|another|others)\b"
         r"|\bkeep (?:on )?(?:putting (?:\w+ )?out|publishing|releasing|producing|issuing|bringing out)\b", "series regular further continue"),
        (r"\b(?:warning|heads[- ]up)\b", "notice notification"),
        # "the part-time inspectors", "sessional inspectors": the contracted Ofsted Inspectors (OIs), not HMI
        (r"\b(?:part[- ]time|sessional|associate|casual)\s+inspectors?\b", "contracted ofsted inspectors ois"),
        # "can an inspection be put on hold?": paused, suspended after it has begun
        (r"\bon hold\b|\bstop (?:and|then) come back\b", "pause paused suspended"),
        (r"\b(?:one|single|1)[- ]word\b", "headline graded judgments grades report cards"),
        (r"\b(?:who (?:do|can|should) (?:i|we) (?:call|ring|phone|contact|speak to|talk to)|get hold of|phone number)\b", "contact number phone"),
        (r"\b(?:first|second|next|new|latest|last) (?:lot|batch|bunch|intake|wave|group)\b", "participants cohort cohorts"),
        (r"\b(?:ask|asks|asked|asking|apply|applies|applied|applying) for\b", "request"),
        # "is ofsted trying to rebuild trust?", "winning back teachers' trust": confidence in Ofsted (the documents'
        # "earn back the trust", "regain the trust"), not academy trusts
        (r"\b(?:re-?build(?:s|ing)?|rebuilt|regain(?:s|ing|ed)?|win(?:s|ning)?\s+back|won\s+back|earn(?:s|ing|ed)?\s+back|restor(?:e|es|ing|ed)|"
         r"los(?:e|es|ing|t)|repair(?:s|ing|ed)?)\s+(?:the\s+)?(?:[\w'\u2019]+\s+){0,2}?trust\b(?!\s+(?:leaders?|execs?|executives?|boards?|ceos?))",
         "earn back the trust regain the trust confidence"),
        # "should we take the banner down?": removing it
        (r"\btak(?:e|es|ing|en)\s+(?:it|them|that|those|these|(?:the|our|their|your)\s+[\w-]+)\s+(?:down|off)\b", "remove"),
        # "should ofsted keep inspecting as normal?", "should normal inspections carry on?": routine inspections
        # (not "how long is a normal inspection?": one inspection in the ordinary case)
        (r"\bas (?:normal|usual)\b|\bbusiness as usual\b|\b(?:normal|usual|regular|ordinary) (?:inspections|visits)\b", "routine"),
        # "ofsted is begging us to sign up": joining, becoming one
        (r"\bsign(?:s|ed|ing)?\s+(?:\w+\s+)?up\b|\bput (?:my|our|your|their) names? (?:forward|down)\b", "join become"),
        (r"\b(?:someone|somebody|anyone|a (?:friend|colleague|companion|supporter))(?: (?:sat|sit|sitting|there|in))? (?:with|alongside|beside|next to) (?:me|us|them|you|him|her)\b"
         r"|\b(?:accompanied|supported) by\b"
         # "can my line manager come with me to my interview?": someone with them, whoever it is
         r"|\b(?:come|comes|be|sit|go)\s+(?:in\s+)?(?:with|alongside)\s+(?:me|us|them|him|her)\s+(?:to|in|into|for|at|when|during)\b", "appropriate person present"),
        (r"\b(?:my|our|your|his|her|their) (?:partner|husband|wife|spouse|mum|mom|dad|relatives?|other half)\b", "family members"),
        (r"\b(?:gp|doctor|doctors|therapist|counsellor|counselor|occupational health)\b", "medical advisers"),
        # "if my deputy has to nip out can she come back in?": leaving a meeting and returning
        (r"\b(?:nip|pop|step|duck|slip)(?:s|ped|ping)?\s+out\b|\bcome back in\b|\bgo and come back\b|\bleave (?:early|halfway|part way)\b",
         "leave and return"),
        (r"\bhow (?:it|we|the inspection|they think it) (?:went|did|got on)\b", "feedback outcomes"),
        (r"\bthe (?:verdict|result|results)\b|\bresults came\b", "outcomes"),
        (r"\b(?:at the (?:very )?end|very last|last (?:meeting|sit[- ]?down|chat|session|bit))\b", "final"),
        (r"\bsit[- ]?down\b|\bcatch[- ]?up\b|\bdebrief\b|\b(?:a|for a|quick|little) chat\b", "meeting"),
        (r"\b(?:have|having|had) a (?:moan|grumble|whinge)\b|\bmoan(?:ing)? (?:to|about)\b|\bkick up a fuss\b|\bnot happy\b|\bunhappy\b",
         "concerns"),
        (r"\bget (?:in|into) (?:bother|trouble)\b|\bbreak(?:ing)? the rules\b|\bbe in (?:bother|trouble)\b", "permitted allowed"),
        # "what happens after the consultation closes?": what the documents say happens "following" it
        (r"\b(?:after|once)\s+(?:the|that|this|it|its|they)\b|\bafterwards\b|\bafter that\b", "following"),
        # "kids with additional needs", "the poorer kids": the pupil groups the documents name
        (r"\b(?:additional|special|extra|learning) needs\b|\bsen\b|\bsend kids\b|\bdisabilit(?:y|ies)\b|\bdisabled\b", "send special educational needs"),
        (r"\b(?:poor|poorer|poorest|deprived|low[- ]income|hard[- ]up|struggling) (?:kids|pupils|children|families|students|backgrounds?)\b|"
         r"\bfree school meals\b|\bfsm\b|\bfrom poverty\b", "disadvantaged pupil premium"),
        (r"\b(?:social media|facebook|twitter|instagram|tiktok|our website|the website|school website|online|newsletter|"
         r"the press|the media|journalists?|reporters?|newspapers?|local paper|news outlets?)\b", "public make public"),
        # "is Ofsted planning the same thing for early years?": a similar approach
        (r"\b(?:the )?same (?:thing|approach|scheme|model|idea|set-?up|system)\b|\bsomething (?:similar|like (?:it|that|this))\b", "similar approach"),
        # "what if we disagree with the lead inspector?", "we've hit a wall with the lead inspector": concerns that
        # cannot be resolved with them
        (r"\bdisagree(?:s|d|ing)?\s+with\b|\b(?:fall(?:s|ing)?\s+out|fell\s+out|clash(?:es|ed|ing)?|row(?:s|ed|ing)?|argu(?:e|es|ed|ing))\s+with\b"
         r"|\bhit\s+a\s+(?:brick\s+)?wall\b|\bcan'?t\s+(?:agree|resolve|sort)\b", "concerns cannot be resolved"),
        # "what if a trust just doesn't agree with the inspectors?": disagreeing
        (r"\b(?:doesn'?t|don'?t|didn'?t|does not|do not|did not|won'?t|not) (?:\w+ )?agree\b", "disagree"),
        # "how long's the pilot running for?": how long a programme continues (not how long an inspection lasts)
        (r"\b(?:how long|until when|till when)\b[^?.]{0,30}?\b(?:pilot|scheme|trial|consultation|programme|program|project)s?\b[^?.]{0,30}?"
         r"\b(?:running|run|runs|go on|going on|goes on)\b", "continue throughout"),
        # "who's in charge of Ofsted?", "who runs ofsted?": its chief inspector
        (r"\b(?:in charge (?:of|at)|the boss (?:of|at)|head of|runs|leads|heads up|boss)\s+(?:of\s+)?ofsted\b|\bofsted['\u2019]?s (?:boss|head|leader|top person)\b",
         "his majesty's chief inspector"),
        # "do they get a lighter version of the training?", "trained differently?": whether it is the same
        (LESSER_VERSION.pattern, "same high standards same inspection work"),
        # "is ofsted being reformed?", "the shake-up of inspection": the changes, the renewed framework, the new approach
        (r"\b(?:reform(?:s|ed|ing)?|overhaul(?:s|ed|ing)?|shake[- ]?up|revamp(?:s|ed|ing)?)\b", "changes renewed new approach"),
        # "our outstanding banner", "the 'good' sign": a grade shown on something (not what is still outstanding)
        (r"\b(?:outstanding|good|inadequate|requires improvement|ri)['\u2019\"]?\s+(?:banners?|signs?|badges?|logos?|grades?|ratings?|judge?ments?|status|rating)\b",
         "grading"),
        # "the 'Outstanding' sign by the gate and our headed paper": where a school shows its grade
        (r"\b(?:headed (?:note)?paper|letterheads?|notepaper|stationery|signage|signboards?|hoardings?)\b"
         r"|\b(?:the|a|our|their|big|school|front|gate)\s+signs?\b(?!\s+(?:up|off|in|on)\b)", "banners gates letter heads"),
    ]
]


def phrase_equivalents(question: str) -> list[str]:
    """The documents' words for the staff's phrases in the question ("push it back" -> "defer deferral")."""
    return [add for pattern, add in PHRASES if pattern.search(question)]


def expand_query(question: str) -> str:
    extra = [g for g in dict.fromkeys(glossary_for(w) for w in words(question)) if g]  # "stopped" as "stop": paused
    extra += phrase_equivalents(question)
    m = re.findall(r"\bpara(?:graph)?s?\.?\s*(\d{1,3})", question, re.I)
    extra += [f"paragraph {n}" for n in m]
    return question if not extra else f"{question} ({'; '.join(extra)})"


@dataclass
class Filters:
    """Caller filters: by authority, document and date (undated sources are kept unless excluded)."""

    authorities: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    date_from: str | None = None  # ISO
    date_to: str | None = None
    include_undated: bool = True

    def chroma_where(self) -> dict | None:
        clauses: list[dict] = []
        if self.authorities:
            clauses.append({"authority": {"$in": list(self.authorities)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        date_clauses = []
        if self.date_from:
            date_clauses.append({"date_int": {"$gte": int(self.date_from.replace("-", ""))}})
        if self.date_to:
            date_clauses.append({"date_int": {"$lte": int(self.date_to.replace("-", ""))}})
        if date_clauses:
            dated = date_clauses[0] if len(date_clauses) == 1 else {"$and": date_clauses}
            clauses.append({"$or": [dated, {"date_int": 0}]} if self.include_undated else dated)
        elif not self.include_undated:
            clauses.append({"date_int": {"$gt": 0}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def accepts(self, c: Chunk) -> bool:
        m = c.meta
        if self.authorities and m.authority not in self.authorities:
            return False
        if self.doc_ids and c.doc_id not in self.doc_ids:
            return False
        if not m.date:
            return self.include_undated
        if self.date_from and m.date < self.date_from:
            return False
        if self.date_to and m.date > self.date_to:
            return False
        return True


@dataclass
class Hit:
    chunk: Chunk
    dense: float = 0.0  # cosine similarity
    lexical: float = 0.0  # BM25 score
    fused: float = 0.0
    dense_rank: int | None = None
    lexical_rank: int | None = None
    reasons: list[str] = field(default_factory=list)


AUTHORITY_PRIORITY = {"official": 3, "commentary": 2, "union": 1, "news": 0}


def chunk_terms(c: Chunk) -> list[str]:
    return text_terms(" ".join((c.meta.title, *c.heading_path, c.text)))


class LexicalIndex:
    def __init__(self, chunks: list[Chunk]):
        import bm25s

        self.chunks = chunks
        self.bm25 = bm25s.BM25()
        corpus = [chunk_terms(c) or ["_empty_"] for c in chunks]
        if chunks:
            self.bm25.index(corpus, show_progress=False)
        self.vocab = {t for doc in corpus for t in doc}

    def scores(self, query: str) -> np.ndarray:
        terms = [t for t in content_terms(query) if t in self.vocab]
        if not terms or not self.chunks:
            return np.zeros(len(self.chunks), dtype=np.float32)
        return np.asarray(self.bm25.get_scores(terms), dtype=np.float32)


def fuse(
    dense: list[tuple[str, float]],
    lexical: list[tuple[str, float]],
    settings: RetrievalSettings,
    method: str | None = None,
) -> dict[str, float]:
    """Fuse two ranked lists of (id, score). Pure function: unit-tested."""
    method = method or settings.fusion
    fused: dict[str, float] = {}
    if method == "rrf":
        for ranked in (dense, lexical):
            for rank, (cid, _s) in enumerate(ranked):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (settings.rrf_k + rank + 1)
        return fused
    if method == "weighted":
        for ranked, weight in ((dense, settings.dense_weight), (lexical, 1.0 - settings.dense_weight)):
            if not ranked:
                continue
            vals = np.array([s for _, s in ranked], dtype=np.float64)
            lo, hi = float(vals.min()), float(vals.max())
            for cid, s in ranked:
                norm = (s - lo) / (hi - lo) if hi > lo else 1.0
                fused[cid] = fused.get(cid, 0.0) + weight * norm
        return fused
    raise ValueError(f"unknown fusion method {method!r}: use 'rrf' or 'weighted'")


def authority_order(hits: list[Hit], margin: float) -> list[Hit]:
    """Sort by fused score, but let a more authoritative source go first when scores are within `margin`
    (relative to the top score): official Ofsted text outranks commentary, union and news when close."""
    if not hits:
        return hits
    top = max(h.fused for h in hits) or 1.0
    return sorted(
        hits,
        key=lambda h: h.fused / top + margin * AUTHORITY_PRIORITY.get(h.chunk.meta.authority, 0) / 3.0,
        reverse=True,
    )


class Retriever:
    def __init__(self, store, manifest, embedder, settings: RetrievalSettings):
        self.store = store
        self.manifest = manifest
        self.embedder = embedder
        self.settings = settings
        self.chunks, _ = store.load_active(manifest)
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self.lexical = LexicalIndex(self.chunks)

    def embed_query(self, query: str) -> np.ndarray:
        return self.embedder.encode([query])[0]

    def search(self, query: str, filters: Filters | None = None, top_k: int | None = None, qvec: np.ndarray | None = None, method: str | None = None) -> list[Hit]:
        filters = filters or Filters()
        top_k = top_k or self.settings.top_k
        n = self.settings.candidates
        expanded = expand_query(query)
        if qvec is None:
            qvec = self.embed_query(expanded)
        where = self.store.active_where(self.manifest, filters.chroma_where())
        dense = [(cid, s) for cid, s in self.store.query(qvec, n, where) if cid in self.by_id]
        lex_scores = self.lexical.scores(expanded)
        order = np.argsort(-lex_scores)
        lexical = []
        for i in order:
            if lex_scores[i] <= 0 or len(lexical) >= n:
                break
            c = self.chunks[i]
            if filters.accepts(c):
                lexical.append((c.chunk_id, float(lex_scores[i])))
        fused = fuse(dense, lexical, self.settings, method)
        dmap = {cid: (r, s) for r, (cid, s) in enumerate(dense)}
        lmap = {cid: (r, s) for r, (cid, s) in enumerate(lexical)}
        hits = []
        for cid, score in fused.items():
            h = Hit(self.by_id[cid], fused=score)
            if cid in dmap:
                h.dense_rank, h.dense = dmap[cid]
            if cid in lmap:
                h.lexical_rank, h.lexical = lmap[cid]
            hits.append(h)
        # Dense similarity for lexical-only hits (needed by the answer stage's evidence score).
        missing = [h for h in hits if h.dense_rank is None]
        if missing:
            ids = [h.chunk.chunk_id for h in missing]
            got = self.store.collection.get(ids=ids, include=["embeddings"])
            vecs = {i: np.asarray(e, dtype=np.float32) for i, e in zip(got["ids"], got["embeddings"])}
            for h in missing:
                if h.chunk.chunk_id in vecs:
                    h.dense = float(vecs[h.chunk.chunk_id] @ qvec)
        ranked = authority_order(hits, self.settings.authority_margin)
        return ranked[:top_k]
