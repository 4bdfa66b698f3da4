"""The answer engine: `ask()` is what the CLI, the Streamlit app, the eval harness and the tests call.

question -> validate -> route (injection / named school / personal data) -> condense follow-up ->
hybrid retrieval -> evidence check (refuse when weak or out of scope) -> extractive answer (or LLM answer,
verified, falling back to extractive) -> verified citations -> dates and staleness caveat.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from . import guard
from .answer import _DOC_NOUNS, BRIEF_KINDS, whole_statement, verdict_first, source_view_of_ofsted, part_scorer, has_answer_type, RELATIVE_DAY, Candidate, unmentioned, absent_bodies, calendar_date_first, own_union, with_sequels, person_named, speaker_before, names_publisher, organisation_and_topic, question_sentences, asked_speaker, speaker_window, asks_for_news, asks_what_was_said, with_quoted_words, own_counts, chunk_candidates, lead_with, topic_terms, dates_asked_about, idf_weights, question_sides, cover_sides, absent_asked_for, absent_objects, asked_throughout, whole_view_asked, citing_paragraph, quoted_on, speaker_and_topic, speaker_terms, specific_units, asked_event, asks_later_one, asked_sentence, asked_source, defined_term, said_about, premise_text, elliptical_subject, own_question, cover_parts, existence_first, list_continuations, unlisted, question_parts, resolved_parts, is_perspective_question, perspective_topic, named_authorities, is_survey_question, lead_for_answer, max_sentences_for, question_kind, COMMON_ZIPF, score_candidates, select
from .claims import claims_when, premise_claim, reported_claim
from .citations import Citation, attribution, build_citations, check_answer, checkable
from .errors import IndexMissing
from .followup import FOLLOWING_ON, condense
from .polarity import contradicted_premise
from .retrieval import GLOSSARY, ORGANISATIONS, PHRASES, Filters, glossary_for, Hit, Retriever, expand_query, text_terms
from .settings import Settings
from .spelling import Speller, english_zipf
from .text import MONTHS, STOPWORDS, school_years, clock_times, content_terms, dates, find_paragraph_refs, format_date, plain_union_name, spelled_out, stands_for, months, numbers, quantities, split_sentences, words

#: The one phrase a refusal starts with: tests and eval rely on it.
CANNOT_ANSWER = "The documents I have don't answer that."
#: The share of a question's topic words (by rarity) a named source's best sentence has that answers it.
TOPIC_COVERED = 0.75



@dataclass
class Answer:
    question: str
    answer: str
    answered: bool
    mode: str
    citations: list[Citation] = field(default_factory=list)
    standalone_question: str = ""
    refusal: str | None = None  # why it refused: weak_evidence, out_of_scope, injection, named_school, personal_data, unsupported_premise
    sources_note: str = ""
    stale_caveat: str | None = None
    perspectives: bool = False
    corpus_version: str = ""
    retrieved: list[dict] = field(default_factory=list)
    evidence: float = 0.0
    llm_fallback: str | None = None
    perspectives_asked: bool = False  # the question asks what different sources say
    corrections: dict[str, str] = field(default_factory=dict)  # typos corrected before searching {typed: used}
    timings_ms: dict[str, float] = field(default_factory=dict)
    #: The direct answer that leads ("Yes", "No", "4.30 pm") and the sentence it comes from (not in the JSON:
    #: the answer text shows both); a question's premise is checked by them.
    lead: str = field(default="", repr=False)
    lead_passage: Candidate | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "corrections": self.corrections,
            "answer": self.answer,
            "answered": self.answered,
            "mode": self.mode,
            "refusal": self.refusal,
            "citations": [c.to_json() for c in self.citations],
            "sources_note": self.sources_note,
            "stale_caveat": self.stale_caveat,
            "perspectives": self.perspectives,
            "evidence": round(self.evidence, 4),
            "llm_fallback": self.llm_fallback,
            "corpus_version": self.corpus_version,
            "retrieved": self.retrieved,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }

    @property
    def full_text(self) -> str:
        """Answer, then the sources' dates and any caveat: what a person reads."""
        parts = [self.answer]
        if self.sources_note:
            parts.append(self.sources_note)
        if self.stale_caveat:
            parts.append(self.stale_caveat)
        return "\n\n".join(parts)


#: Evidence at or above this but under the refusal threshold: the nearest passage is shown with the refusal.
NEAR_EVIDENCE = 0.36
#: How close a question not worded as a follow-up must come to some passage on its own to be read again with the
#: conversation before it, when it is declined on its own ("what's the cut-off time?" 0.31; "what's the capital of
#: France?" 0.04).
RETRY_EVIDENCE = 0.25
#: How close to the best sentence one from a source a perspective question does not set beside the others must
#: score to be kept.
OTHER_SOURCE = 0.9
SPEAKER_BONUS = 0.1  # a sentence giving the words of the person a question asks about (`Engine._favour_speaker`)
#: A question of at least this many words is long enough to carry context around what it asks ("results came
#: thru and our head is in pieces, she wants to tell her husband ... is she going to get in bother for that?").
LONG_QUESTION_WORDS = 20

#: What a typed question wants, as the refusal says it ("They don't give a time for that").
_WANTS = {"time": "a time", "money": "an amount of money", "count": "a number", "duration": "a length of time", "date": "a date",
          "frequency": "a frequency", "contact": "contact details"}


def quoted(text: str) -> str:
    """A passage's sentence in quotation marks, without doubling the ones it has (a news quote)."""
    return "\u201c" + text.strip().strip("\u201c\u201d\"").strip() + "\u201d"


def nearest_passage(near: Candidate) -> str:
    """How a refusal shows the passage that came closest, so the user can judge it."""
    return f"The nearest passage they have ({near.hit.chunk.meta.title}, {near.hit.chunk.meta.authority_label}) says: {quoted(near.text)} "


def as_typed(found: list[str], question: str) -> list[str]:
    """Each of `found` (the question's words, lower-cased) as the user typed it ("scotland" -> "Scotland")."""
    return [next((m.group(0) for m in re.finditer(rf"\b{re.escape(w)}\b", question, re.I)), w) for w in found]


#: The most of a question's rare words the best sentence may have for one part acting on something absent to
#: decline the whole question.
PART_ABSENT_LEX = 0.2


def _only(filters: Filters | None, authority: str) -> Filters | None:
    """The caller's filters narrowed to one kind of source, or None when they leave that kind out."""
    if filters and filters.authorities and authority not in filters.authorities:
        return None
    return replace(filters or Filters(), authorities=(authority,))


_POINTS_TO_CONTEXT = re.compile(r"\b(?:it|its|they|them|their|he|she|him|her|this|that|these|those|so)\b", re.I)
_HE_OR_SHE = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)


#: Words every title has some of, which say nothing of which document a term is the subject of.
_GENERIC_TITLE_WORDS = frozenset("ofsted ofsted's inspection inspections school schools".split())
#: Words that say which one of a kind is meant ("the latest update"), not what it is.
_WHICH_ONE = frozenset("latest newest recent most current previous old older earlier".split())
#: The words for a kind of document ("the NEU's guidance", "the handbook"): what a premise is of, not something new.
_DOC_TERMS = frozenset(content_terms(" ".join(_DOC_NOUNS)))
#: Wording of something still to come when its source was written: "will begin", "to begin", "begins in".
_TO_COME = re.compile(r"\b(?:will|to begin|to start|begins?|starts?|starting|later|next|upcoming)\b", re.I)


def evidence_of(c: Candidate, sim: float | None = None) -> float:
    """How well one sentence answers: its meaning (cosine `sim`, by default its similarity to the question) and
    the question's rare words it contains (or its document's title does)."""
    return 0.7 * (c.sim if sim is None else sim) + 0.3 * max(c.lex, c.doc_lex)


def evidence_score(cands: list[Candidate]) -> float:
    """How well the best sentence answers (`evidence_of`)."""
    return max(evidence_of(c) for c in cands) if cands else 0.0


def speaker(meta) -> str:
    """How the answer attributes a source: who is speaking, and what kind of source it is."""
    return attribution(meta.publisher, meta.authority)



class Engine:
    def __init__(self, settings: Settings | None = None, embedder=None, store=None):
        from .store import IndexStore

        t0 = time.perf_counter()
        self.settings = settings or Settings.from_env()
        self.store = store or IndexStore(self.settings)
        self.manifest = self.store.read_manifest()
        if not self.manifest.docs:
            raise IndexMissing(
                f"the index at {self.settings.where_is_index()} has no documents yet: run `ofsted-assistant ingest`"
            )
        if embedder is None:
            from .embedding import load_query_embedder

            embedder = load_query_embedder(self.settings)
        self.embedder = embedder
        self._lock = threading.RLock()
        self._sentence_cache: dict[str, np.ndarray] = {}
        self._build()
        self.prompts = None
        self.llm = None
        if self.settings.llm.provider:
            from .prompts import load_prompts

            self.prompts = load_prompts(self.settings.prompts_dir)
        self.load_ms = (time.perf_counter() - t0) * 1000

    def _build(self) -> None:
        self.retriever = Retriever(self.store, self.manifest, self.embedder, self.settings.retrieval)
        chunks = self.retriever.chunks
        self.df: Counter = Counter()
        for c in chunks:
            self.df.update(set(text_terms(c.text)))
        self.n_chunks = len(chunks)
        # each document's sentences in order, with their terms: who is quoted near what (`quoted_on`)
        by_doc: dict[tuple[str, str], dict[str, frozenset[str]]] = {}
        for c in sorted(chunks, key=lambda c: c.ordinal):
            seen = by_doc.setdefault((c.doc_id, c.doc_version), {})
            for a, b in split_sentences(c.text):  # chunks overlap: a sentence they share is counted once
                seen.setdefault(c.text[a:b].strip(), frozenset(text_terms(c.text[a:b])))
        self.doc_sentences: list[list[tuple[str, frozenset[str]]]] = [list(seen.items()) for seen in by_doc.values()]
        self.sentences = [x for doc in self.doc_sentences for x in doc]  # all of them, for who speaks with whom (`speaker_terms`)
        self._following = {(c.doc_id, c.doc_version, c.ordinal): c for c in chunks}
        chunk_words = [words(c.text) for c in chunks]
        self.speller = Speller([w for ws in chunk_words for w in ws] + list(GLOSSARY))
        # (with the documents' titles and publishers: "TT Education" is a name they have, though no passage says it)
        self.corpus_text = " ".join(" ".join(ws) for ws in chunk_words + [words(f"{e.title} {e.publisher}") for e in self.manifest.docs.values()])
        self.titles = {d: (e.title, e.authority) for d, e in self.manifest.docs.items()}  # sources a question names
        self.title_terms = {d: frozenset(content_terms(title)) for d, (title, _) in self.titles.items()}  # (`_titled`)
        # the sentences, titles and publishers as written (capitals kept): where a name is spelled out in full
        self.written_text = "\n".join([t for t, _ in self.sentences] + [f"{e.title}\n{e.publisher}" for e in self.manifest.docs.values()])
        # the (year, month) each document is of: its own date and any its title gives ("... Updates – January 2024")
        self.doc_dates = {d: dates(f"{format_date(e.date) if e.date else ''} {e.title}") for d, e in self.manifest.docs.items()}
        # the handbook paragraphs the documents cite, and the other nations of the UK they mention (each question
        # asking about one is checked against these)
        self.cited_paragraphs = {n for text, _ in self.sentences for n in find_paragraph_refs(text)}
        self.nations_mentioned = {n for n, (pattern, _) in guard.OTHER_NATIONS.items() if re.search(pattern, self.corpus_text, re.I)}
        # Words the documents use in lower case: ordinary words, not names ("week" in "Schools Week").
        self.lower_words = frozenset(w for c in chunks for w in re.findall(r"\b[a-z][a-z'-]*\b", c.text))

    def _speaker_window(self, who: str | None) -> dict[str, bool]:
        """The sentences that name the speaker a question asks about (`who`, as `asked_speaker` reads it), or follow
        one that does, each with whether it is their words (`speaker_window`); {} for no speaker the documents quote."""
        if who and who not in ORGANISATIONS and not self._is_name(words(who)[-1]):
            who = self._holder_of(who)  # "the chief inspector" -> "Martyn Oliver"
        if not who or not (who in ORGANISATIONS or self._is_name(words(who)[-1])):
            return {}
        if self._publishes(who):
            return {}  # "what does the NEU say ...?": the whole of its guidance is its words
        return speaker_window(speaker_terms(who, self.sentences), self.doc_sentences)

    def _speaker_passages(self, window: dict[str, bool], query: str, filters: Filters | None, qvec, top_k: int = 3) -> list[Hit]:
        """The passages that give the asked speaker's words, best for the question first: "does the chief inspector
        reckon every head should have a go ...?" is answered in his speech, which the question's words alone may not
        find ("I believe this should be part of every leader's journey")."""
        theirs = [text.strip() for text, own in window.items() if own]
        if not theirs:
            return []
        return self._ranked_where(query, filters, qvec, lambda c: any(t in c.text for t in theirs))[:top_k]

    def _ranked_where(self, query: str, filters: Filters | None, qvec, keep) -> list[Hit]:
        """Every passage `keep` accepts, best for the query first (the whole index ranked, then filtered): the
        passages citing a paragraph asked about, or quoting a speaker asked about, wherever they rank."""
        return [h for h in self.retriever.search(query, filters, qvec=qvec, top_k=len(self.retriever.chunks)) if keep(h.chunk)]

    def _favour_speaker(self, window: dict[str, bool], cands: list[Candidate]) -> None:
        """"What did Steve Rollett tell MPs about ...?", "what was the NAHT guy saying ...?": the sentences that name
        that speaker, or follow one that does (`window`), are where the documents give their words; they count a
        little more."""
        for c in cands:
            their_words = window.get(c.text.strip())
            if their_words is not None:
                c.score += SPEAKER_BONUS * (2 if their_words else 1)

    def _holder_of(self, title: str) -> str | None:
        """The person the documents name with a title: "the chief inspector" / "HMCI" -> "Martyn Oliver" (from
        "His Majesty's Chief Inspector, Sir Martyn Oliver, said:")."""
        title = re.sub(r"^(?:the|ofsted'?s|our|their)\s+", "", title.strip(), flags=re.I)
        title = GLOSSARY.get(title.lower(), title)
        if len(title.split()) < 2:
            return None
        said = re.escape(title).replace("'", "['\u2019]")  # "His Majesty's" as the documents write it too
        pattern = re.compile(rf"(?i:\b{said}\b),?\s+(?:Sir\s+|Dame\s+)?([A-Z][a-z]+\s+[A-Z][a-z]+)\b")
        return next((m.group(1) for text, _ in self.sentences if (m := pattern.search(text))), None)

    def _introduced(self, chosen: list[Candidate]) -> list[Candidate]:
        """For "who ...?": the person whose words the best sentence gives, named. A quotation or "He also talked of
        ..." goes after the sentence before it that names its speaker (`speaker_before`); and when the person is
        named by surname only ("Hartwright said ..."), the sentence where the document first gives their full name
        ("Ian Hartwright, from the National Association of Head Teachers, warned ...") follows."""
        if not chosen:
            return chosen
        first = chosen[0].hit.chunk
        doc = [c for chunk in sorted((c for c in self.retriever.chunks if c.doc_id == first.doc_id), key=lambda c: c.ordinal)
               for c in chunk_candidates(Hit(chunk))]
        at = next((i for i, c in enumerate(doc) if c.hit.chunk.chunk_id == first.chunk_id and c.start == chosen[0].start), None)
        named = speaker_before(doc, at) if at is not None and person_named(chosen[0].text) is None else None
        if named is not None:
            chosen = [named, *(c for c in chosen if c.text != named.text)]
        name = person_named(chosen[0].text)
        if not name or " " in name:
            return chosen
        full = re.compile(rf"\b[A-Z][a-z]+\s+{re.escape(name)}\b")
        intro = next((c for c in doc if full.search(c.text) and " " in (person_named(c.text) or "")), None)
        if intro is None or any(intro.text == c.text for c in chosen):
            return chosen
        after = 2 if named is not None else 1  # after the words asked about, when their speaker was put first
        return [*chosen[:after], intro, *chosen[after:]]

    def _publishes(self, who: str) -> bool:
        """Is `who` ("NEU", "Kerry Hill") named as the publisher of some document?"""
        return any(re.search(rf"\b{re.escape(who)}\b", e.publisher, re.I) for e in self.manifest.docs.values())

    def _is_name(self, word: str) -> bool:
        """A word the documents use, and only as a name (never in lower case): "rollett", "oliver"; not "inspector"."""
        return word not in self.lower_words and bool(re.search(rf"\b{re.escape(word)}\b", self.corpus_text))

    def refresh_if_changed(self) -> bool:
        """Pick up a new manifest (another process ingested); cheap when nothing changed."""
        latest = self.store.read_manifest()
        if latest.to_json() == self.manifest.to_json():
            return False
        with self._lock:
            self.manifest = latest
            self._build()
        return True

    # -- sentence vectors (cached) -------------------------------------------------------------------
    def embed_sentences(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = [(k, t) for k, t in zip(keys, texts) if k not in self._sentence_cache]
        if missing:
            uniq = dict(missing)
            vecs = self.embedder.encode(list(uniq.values()))
            for k, v in zip(uniq.keys(), vecs):
                self._sentence_cache[k] = v
        return np.vstack([self._sentence_cache[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)

    def warm(self) -> None:
        """Embed every candidate sentence of the index once, so the first answers are fast (the app runs this in
        a background thread). Holds the engine's lock slice by slice, so it never competes with a question for the CPU
        and a question waits for one slice at most."""
        from .answer import chunk_candidates, embedded_texts

        english_zipf("inspection")  # loads the word frequencies the typo check reads (about 0.25 s, once)
        texts = [t for c in self.retriever.chunks for t in embedded_texts(chunk_candidates(Hit(c)))]
        for i in range(0, len(texts), 128):  # in slices: a question waits for one slice at most
            with self._lock:
                self.embed_sentences(texts[i : i + 128])

    def next_chunk(self, chunk):
        """The chunk that follows `chunk` in its document (same version), if any."""
        return self._following.get((chunk.doc_id, chunk.doc_version, chunk.ordinal + 1))

    def mentions(self, term: str) -> bool:
        """Do the documents use every word of `term`, as written, by its stem, or as the glossary's phrase for it
        ("RI" -> requires improvement: no; "OI pilot" -> Ofsted inspector, pilot: yes)?"""
        def used(w: str) -> bool:  # as written ("inspector" in "inspectors"), or the same stem ("pausing", "pause")
            return bool(re.search(rf"\b{re.escape(w)}(?:s|es)?\b", self.corpus_text)) or any(self.df.get(t) for t in content_terms(w))

        def phrase(p: str) -> bool:  # the glossary's words for it, side by side ("requires improvement")
            return bool(re.search(rf"\b{re.escape(p)}(?:s|es)?\b", self.corpus_text))

        # (not the words that say which one: "the latest handbook update" is the handbook update they have)
        return all(used(w) or (w in GLOSSARY and phrase(GLOSSARY[w])) for w in words(term) if w not in STOPWORDS and w not in _WHICH_ONE)

    def in_their_words(self, question: str) -> tuple[str, str] | None:
        """`question` without the words the documents never use (nor the glossary knows), and the documents' words
        for its phrases ("nip out" -> leave and return), as (its own words kept, the documents' words added); None
        when every word is theirs or too few are."""
        vocab = self.retriever.lexical.vocab
        said = words(question)
        kept = [w for w in said if w in STOPWORDS or w in GLOSSARY or all(t in vocab for t in content_terms(w))]
        content = [w for w in said if w not in STOPWORDS]
        # a phrase the documents say their way ("nip out" -> leave and return) is translated, not lost
        translated = set(words(" ".join(m.group(0) for pattern, _ in PHRASES for m in pattern.finditer(question))))
        dropped = len(said) - len(kept)
        lost = [w for w in content if w not in kept and w not in translated]
        # Only a long question carries words that are context, not topic: in a short one ("is there a dress code
        # for inspectors?") the words no document uses are what is asked about, and the question is out of scope.
        if len(said) < LONG_QUESTION_WORDS or dropped < 2 or len(lost) > 0.4 * len(content):
            return None
        return " ".join(kept), expand_query(question)[len(question):]

    def known(self, name: str) -> bool:
        return " ".join(words(name)) in self.corpus_text

    # -- the main entry point ------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: list[dict] | None = None,
        filters: Filters | None = None,
        mode: str | None = None,
    ) -> Answer:
        answer = self._ask(question, history, filters, mode)
        if (not answer.answered and answer.refusal == "weak_evidence" and history and answer.evidence >= RETRY_EVIDENCE
                and answer.standalone_question == answer.question and any(t.get("role") == "user" for t in history)):
            # "what's the cut-off time?" after "can we ask for a deferral?": not worded as a follow-up, and not answered
            # on its own - read with the conversation before it, it may be, when the passages then come as close as a
            # question on its own needs (the refusal stands when they do not: "what's the capital of France?" after
            # a question about the OI pilot comes nowhere near any passage on its own, and is not retried)
            again = self._ask(question, history, filters, mode, as_followup=True)
            if again.answered and again.evidence >= self.settings.answer.min_evidence:
                again.timings_ms["total"] = again.timings_ms.get("total", 0.0) + answer.timings_ms.get("total", 0.0)
                return again
        return answer

    def _ask(
        self,
        question: str,
        history: list[dict] | None = None,
        filters: Filters | None = None,
        mode: str | None = None,
        as_followup: bool = False,
    ) -> Answer:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        q = guard.validate_question(question, self.settings.answer.max_question_chars)
        mode = mode or self.settings.answer.mode
        history = history or []
        answer = Answer(question=q, answer="", answered=False, mode=mode, corpus_version=self.manifest.corpus_version())

        routed = guard.route(q, known=self.known, corrected=lambda t: self.speller.correct(t)[0])
        if routed is not None:
            answer.answer = f"{CANNOT_ANSWER} {routed.message}"
            answer.refusal = routed.kind
            answer.standalone_question = q
            answer.timings_ms = {"total": (time.perf_counter() - t0) * 1000}
            return answer

        # "can u explain the rules about ...": what is asked, without the request to the assistant around it
        # "NAHT member. What did our union tell MPs?": the NAHT; "inspected in 24-25": 2024-25, as the documents write it
        asked = own_union(school_years(guard.asked_plainly(q)))
        # "I heard heads can now refuse an inspection, is that right?": what is asked is the rule itself
        claim = reported_claim(asked)
        if claim is not None:
            asked = claim.question
        # "Now that the handbook says we're allowed to tell parents the outcome, how should we word the letter?":
        # the rule taken for granted is asked on its own first; when the documents say no to it, that is the answer
        premise = premise_claim(asked) if claim is None else None
        if premise is not None and history and _POINTS_TO_CONTEXT.search(premise.text):
            premise = None  # "since they can do that, ...": the rule is the conversation's, not the question's own
        # (against the kind of source the question says states it: "the NEU guidance says ...", the union's - and not
        # at all when the caller's filters leave that source out: its words are not to be quoted)
        scope = filters
        if premise is not None and premise.sources:
            kept = [f.authorities[0] for k in sorted(premise.sources) if (f := _only(filters, k)) is not None]
            scope = replace(filters or Filters(), authorities=tuple(kept)) if kept else None
            premise = premise if kept else None
        # "now that the NEU ballot to boycott inspections has passed, ...": a body's doing is checked only when the
        # premise has words no document uses ("since Ofsted has been abolished": its yes/no is asked, and declined when
        # nothing speaks to it); when those name what it is of (a ballot), no passage can say it happened. One the
        # documents speak of ("now that ofsted has scrapped grades") is answered as asked. (Read as corrected, and not
        # counting the words for a kind of document: "the NEU's guidence" is the union's guidance, though its text
        # never calls itself that.)
        unheard: list[str] = []
        if premise is not None and premise.event:
            def unused(text: str) -> list[str]:
                return [w for w in unmentioned(self.speller.correct(text)[0], self.df) if w not in _DOC_TERMS]
            unheard = unused(premise.about)
            premise = premise if unheard or unused(premise.text) else None
        if premise is not None:
            checked = self.ask(premise.question, filters=scope, mode="extractive")
            if checked.lead == "No" and checked.lead_passage is not None and not premise.event:
                self._not_so(answer, f"what the question takes for granted (\u201c{premise.text}\u201d)", checked.lead_passage)
            elif unheard and not checked.refusal:
                answer.answer = (f"{CANNOT_ANSWER} The question takes for granted that \u201c{premise.text}\u201d, and nothing "
                                 f"in them says so: they don't mention " + ", ".join(f"\u201c{w}\u201d" for w in unheard) + ". "
                                 + guard.WHERE_TO_GO)
                answer.refusal, answer.evidence = "unsupported_premise", checked.evidence
            elif checked.refusal == "weak_evidence" and not premise.sources:  # (that source not saying it is not a no:
                # what else the question asks may still be answered, by others)
                # "now that heads can refuse an inspection, how do I write the letter?": nothing in the documents says
                # so, and what is asked rests on it - said, with why the rule itself was declined
                answer.answer = (f"{CANNOT_ANSWER} The question takes for granted that \u201c{premise.text}\u201d, and "
                                 f"nothing in them says so. " + checked.answer[len(CANNOT_ANSWER):].strip())
                answer.refusal, answer.evidence = "unsupported_premise", checked.evidence
            if answer.refusal:
                answer.standalone_question = asked
                answer.timings_ms = {"premise": checked.timings_ms.get("total", 0.0), "total": (time.perf_counter() - t0) * 1000}
                return answer
        standalone, focus = condense(asked, history, common=self.lower_words.__contains__, force=as_followup)
        standalone, focus = plain_union_name(standalone), plain_union_name(focus)
        if mode == "llm" and self.settings.llm.provider and standalone != asked:  # a follow-up, not just reworded
            standalone = self._llm_condense(q, history) or standalone  # the LLM rewrites the follow-up
        standalone, fixed = self.speller.correct(standalone)  # "collegue" -> "colleague", before any search
        if fixed:
            focus = self.speller.correct(focus)[0]
            answer.corrections = fixed
        answer.standalone_question = standalone
        asked_kind = question_kind(focus)  # the user's own words say what kind of answer they want
        speaker = asked_speaker(focus)  # whose words the question asks for, if it names someone
        if speaker is None and history and asks_what_was_said(focus) and _HE_OR_SHE.search(focus):
            # "and what did he reckon about trust inspection?" after an answer naming Steve Rollett: his words
            said = next((t["content"] for t in reversed(history) if t.get("role") == "assistant"), "")
            speaker = (person_named(said) or "").lower() or None
            if speaker is None and standalone != focus:  # ... or whom the follow-up's "he" was read as ("... Sir Martyn
                speaker = asked_speaker(standalone.split(FOLLOWING_ON)[0])  # Oliver announced it at ...")
        timings["condense"] = (time.perf_counter() - t0) * 1000

        with self._lock:
            t1 = time.perf_counter()
            qvec = self.retriever.embed_query(expand_query(standalone))
            timings["embed"] = (time.perf_counter() - t1) * 1000
            t2 = time.perf_counter()
            hits = self.retriever.search(standalone, filters, qvec=qvec)
            parts = resolved_parts(question_parts(focus))
            part_vecs = self.embedder.encode([expand_query(p) for p in parts]) if len(parts) > 1 else []
            for part, vec in zip(parts, part_vecs):  # "how much notice ... and how long ...": each part's own passages too
                _add_new(hits, self.retriever.search(part, filters, qvec=vec, top_k=self.settings.retrieval.part_top_k))
                # ... and a part asking what one kind of source holds ("is the union position that inspections should
                # stop?") in that source's passages
                for authority in sorted(asked_source(part)):
                    if (f := _only(filters, authority)) is not None:
                        _add_new(hits, self.retriever.search(part, f, qvec=vec, top_k=2))
            # "what's in para 94?": the passages that cite the handbook paragraphs asked about
            paras = set(find_paragraph_refs(expand_query(standalone)))
            if paras:
                _add_new(hits, self._ranked_where(standalone, filters, qvec, lambda c: bool(paras & set(find_paragraph_refs(c.text)))))
            # "I'm a TA and really anxious about being observed. Am I allowed to have someone with me ...?": the
            # sentence that asks, searched and judged on its own too (the context around it dilutes its meaning)
            asking = asked_sentence(focus)
            asked_queries = [(asking, expand_query(asking))] if asking and len(parts) < 2 else []
            # "if my dep has to nip out ... or is that frowned on": the words no document uses blur what is asked,
            # so the question is also searched and judged without them (the documents' words for its phrases kept)
            plain = self.in_their_words(standalone) if focus == standalone else None
            if plain:
                asked_queries.append(("".join(plain), "".join(plain)))
            asked_vecs = list(self.embedder.encode([embedded for _, embedded in asked_queries])) if asked_queries else []
            for (query, _), vec in zip(asked_queries, asked_vecs):
                _add_new(hits, self.retriever.search(query, filters, qvec=vec, top_k=self.settings.retrieval.part_top_k))
            plain_vec = asked_vecs[-1] if plain else None  # the last query searched, when there is one
            answer.perspectives_asked = is_perspective_question(focus)
            named = named_authorities(focus)
            # Each kind of source gets its say (a perspective question), or the kind the question names ("what
            # does the union say ..."): that kind's best passages are searched for on their own too.
            heard = ("official", "union", "news", "commentary") if answer.perspectives_asked else sorted(named)
            # ... and a perspective question's topic on its own ("Should I sign up to be an OI? what do Ofsted and
            # the union each say?" -> "Should I sign up to be an OI"): the words asking for views say nothing of it
            topic = perspective_topic(focus) if answer.perspectives_asked else focus
            tvec = self.embedder.encode([expand_query(topic)])[0] if topic != focus else None
            for authority in heard:
                f = _only(filters, authority)
                if f is None:
                    continue
                _add_new(hits, self.retriever.search(standalone, f, qvec=qvec, top_k=2))
                if tvec is not None:
                    _add_new(hits, self.retriever.search(topic, f, qvec=tvec, top_k=2))
            # "union says ofsted is driving heads out, HMCI says loads want to be inspectors": each source named is
            # searched for what the question says it says
            sides = question_sides(focus, self.titles)
            side_vecs = self.embedder.encode([expand_query(side.claim) for side in sides]) if sides else []
            voices: dict[str, dict[str, bool]] = {}
            for side, vec in zip(sides, side_vecs):
                docs = tuple(sorted(side.doc_ids & set(filters.doc_ids) if filters and filters.doc_ids else side.doc_ids))
                if not docs:
                    continue
                scoped = replace(filters or Filters(), doc_ids=docs)
                _add_new(hits, self.retriever.search(side.claim, scoped, qvec=vec, top_k=2))
                # ... and a side named by a person ("Ofsted's chief inspector") in the passages giving their words
                window = self._speaker_window(side.who) if side.who else {}
                if window:
                    voices[side.who] = window
                    _add_new(hits, self._speaker_passages(window, side.claim, scoped, vec, top_k=2))
            # "what did Ofsted announce in Dec 2024 and then in March 2026?": each date asked about is searched
            # for in the documents of that date (by their date or title), with the part of the question that names it
            dated = [(query, vec, self._dated_docs(when, filters)) for when, query, vec in
                     self._dated_queries(focus, standalone, qvec, parts, part_vecs)]
            for query, vec, docs in dated:
                if docs:
                    _add_new(hits, self.retriever.search(query, replace(filters or Filters(), doc_ids=tuple(sorted(docs))), qvec=vec, top_k=2))
            # ... and when that part asks only what was announced then, the documents of that date (of the kind of
            # source the question names, if it names one: "what did the NEU announce in Dec 2024?" is not Ofsted's news)
            news = {d for query, _, docs in dated if asks_for_news(query) for d in docs if not named or self.titles[d][1] in named}
            said_by = self._speaker_window(speaker)  # ... and the passages where they say it
            if said_by:
                _add_new(hits, self._speaker_passages(said_by, standalone, filters, qvec))
            answer.retrieved = [
                {"rank": i + 1, "chunk_id": h.chunk.chunk_id, "doc_id": h.chunk.doc_id, "start": h.chunk.start, "end": h.chunk.end,
                 "fused": round(h.fused, 5), "dense": round(h.dense, 4)}
                for i, h in enumerate(hits)
            ]
            timings["retrieve"] = (time.perf_counter() - t2) * 1000
            t3 = time.perf_counter()
            cands = score_candidates(standalone, focus, hits, qvec, self.embed_sentences, self.df, self.n_chunks,
                                     also=(plain_vec,) if plain else ())
            self._favour_speaker(said_by, cands)
            timings["score"] = (time.perf_counter() - t3) * 1000

        part_pairs = list(zip(parts, part_vecs))  # (no vectors, so none, for a question of one part)
        refusal = self._refusal(standalone, hits, cands, focus, part_pairs + [(query, vec) for (query, _), vec in zip(asked_queries, asked_vecs)],
                                plain=(*plain, plain_vec) if plain else None, news=bool(news), parts=part_pairs)
        if refusal is not None:
            kind, message, evidence = refusal
            answer.answer = f"{CANNOT_ANSWER} {message}"
            answer.refusal = kind
            answer.evidence = evidence
        else:
            max_sentences = max_sentences_for(focus, self.settings.answer.max_sentences)
            asked_for = asked_throughout(focus, parts)
            if asked_for and speaker and speaker in ORGANISATIONS and not self._publishes(speaker):
                asked_for = set()  # "what did the NAHT tell the committee?": not the union guidance, which the NEU wrote
            chosen = select(cands, max_sentences, perspectives=answer.perspectives_asked, survey=is_survey_question(focus), named=named, asked=asked_for,
                            open_question=asked_kind == "open")
            if len(parts) < 2 and asked_kind == "date":  # "when were the trials meant to kick off?": "week of
                # 6 January" before "in the first week of the new term"
                chosen = lead_with(calendar_date_first(cands, chosen), chosen, max_sentences + 1)
            elif claims_when(focus):  # "... didn't start until after easter 2025 - is that right?": the date they give
                chosen = lead_with(calendar_date_first(cands, chosen, asked_when=False), chosen, max_sentences + 1)
            if len(parts) > 1:
                chosen = cover_parts(chosen, cands, part_pairs, self.df, self.n_chunks, max_sentences + 1)
            if sides:
                chosen = cover_sides(chosen, cands, list(zip(sides, side_vecs)), self.df, self.n_chunks, voices)
                if answer.perspectives_asked:  # "what's each side saying?": the sides it names, and another source
                    # only when it answers nearly as well as the best (not a line of the handbook summary that happened to come close)
                    named_docs = set().union(*(side.doc_ids for side in sides))
                    top = max(c.score for c in chosen)
                    chosen = [c for c in chosen if c.hit.chunk.doc_id in named_docs or c.score >= OTHER_SOURCE * top] or chosen
            # "what does the union think of Ofsted?" (or a part of the question asks it: "what's the NEU's actual
            # stance on Ofsted? are they calling for inspections to stop?")
            # (a part that asks their view of Ofsted itself, not of what another part asks: "what do Ofsted and the
            # union each say?", "what does the union say about it?")
            views = [(focus, asked_for)] if len(parts) < 2 else [(p, source_view_of_ofsted(p, focus)) for p in parts]
            for part, view_of in views:
                if chosen and view_of and not topic_terms(perspective_topic(part)):
                    chosen = lead_with(self._opening(lambda c: c.meta.authority in view_of and (not filters or filters.accepts(c))),
                                       chosen, max_sentences + 1)
                    break
            if chosen and (short := stands_for(focus)):  # "what does OI stand for?": the sentence that spells it out
                chosen = lead_with([c for c in cands if spelled_out(short, c.text)][:1], chosen, max_sentences)
            if chosen and (asked_paras := set(find_paragraph_refs(expand_query(focus)))):
                chosen = citing_paragraph(cands, chosen, asked_paras, max_sentences)
            if chosen and news:  # "what did Ofsted announce in Dec 2024?": the news of that date, which its documents open with
                # (a news release's lead and its headlines)
                chosen = lead_with(self._opening(lambda c: c.doc_id in news, per_doc=3), chosen, max_sentences + 2)
            elif chosen and (about := self._titled(defined_term(focus))):
                # "what's the OI pilot?": the document about it says what it is in its opening line ("Ofsted today
                # announced that it is piloting a new way of involving more serving education leaders ...")
                chosen = lead_with(self._opening(lambda c: c.doc_id == about, per_doc=1), chosen, max_sentences + 1)
            # "what did he actually say when he announced it?": his words, not a line of them (and "what was the CST's
            # view ...?": a body that publishes none of the documents speaks through a person) - theirs, when the
            # documents say whose they are, not another witness's
            wants_words = asks_what_was_said(focus)
            if wants_words or (speaker in ORGANISATIONS and not self._publishes(speaker)):
                chosen = with_quoted_words(cands, chosen, only=set(said_by) if said_by else None)
                if wants_words:  # "what's his pitch?": the whole of his statement (and "what did he actually
                    # say when he announced it?", whoever the conversation left unnamed: the one the best sentence names)
                    window = said_by or (self._speaker_window(named) if chosen and (named := person_named(chosen[0].text)) else {})
                    chosen = whole_statement(cands, chosen, window) if window else chosen
            chosen = verdict_first(standalone, existence_first(standalone, chosen, cands))
            if asked_kind == "open":  # "... While this has worked well, it can restrict ...": said of the one before
                chosen = with_sequels(cands, chosen)
            if asked_kind == "person":  # "who was it going on about grab bags?" -> "Hartwright said ...":
                chosen = self._introduced(chosen)  # ... and who Hartwright is, where the document first names him
            chosen = list_continuations(chosen, self.next_chunk, self.embed_sentences)
            answer.evidence = evidence_score(cands)
            missing_list = unlisted(focus, chosen)
            # what the asker was told, which the documents say is not so: the passage that says so, not a bare "No"
            contradicted = claim is not None and lead_for_answer(standalone, chosen, self.df).startswith("No")
            if contradicted:
                self._not_so(answer, f"what you were told (\u201c{claim.text}\u201d)", chosen[0])
            elif missing_list:  # "what are the four strands?" answered by a sentence that only mentions them
                best = chosen[0]
                answer.answer = (
                    f"{CANNOT_ANSWER} They mention \u201c{missing_list}\u201d but don't list them. The closest passage "
                    f"({best.hit.chunk.meta.title}) says: {quoted(best.text)} {guard.WHERE_TO_GO}"
                )
                answer.refusal = "weak_evidence"
            elif mode == "llm" and self.settings.llm.provider:
                self._llm_answer(answer, standalone, hits, chosen, history)
            else:
                self._compose(answer, standalone, chosen, lead_question=own_question(focus) or standalone)
            if not answer.refusal:
                answer.answered = True
                self._dates(answer)
            else:  # not listed, or the LLM declined
                answer.sources_note, answer.stale_caveat, answer.citations = "", None, []
        answer.timings_ms = timings | {"total": (time.perf_counter() - t0) * 1000}
        return answer

    @staticmethod
    def _not_so(answer: Answer, what: str, best: Candidate) -> None:
        """Decline a question whose claim or premise the documents say is not so, quoting the passage that says so."""
        meta = best.hit.chunk.meta
        answer.answer = (
            f"{CANNOT_ANSWER} They don't support {what}: {meta.title} ({meta.publisher}, {meta.authority_label}) "
            f"says: {quoted(best.text)} {guard.WHERE_TO_GO}"
        )
        answer.refusal = "unsupported_premise"

    def _dated_docs(self, when: tuple[int, int | None], filters: Filters | None) -> set[str]:
        """The documents dated in a year (and month, when one is given), by their own date or their title's, that
        the filters let answer."""
        year, month = when
        allowed = {c.doc_id for c in self.retriever.chunks if not filters or filters.accepts(c)}
        return {d for d, stated in self.doc_dates.items()
                if d in allowed and any(y == year and (month is None or m in (month, None)) for y, m in stated)}

    @staticmethod
    def _dated_queries(focus: str, standalone: str, qvec, parts: list[str], part_vecs) -> list[tuple]:
        """(date, query, vector) for each date the question places what it asks about in: with the part that
        names it when the question has several, else with the whole question."""
        asked = dates_asked_about(focus)
        if len(parts) < 2:
            return [(when, standalone, qvec) for when in sorted(asked, key=str)]
        return [(when, part, vec) for part, vec in zip(parts, part_vecs) for when in sorted(asked & dates(part), key=str)]

    def _titled_elsewhere(self, question: str, doc_id: str) -> bool:
        """Does the question name, by an abbreviation, something only another document's title names in full ("the
        OI pilot": "Ofsted Inspector" is in the title "... as Ofsted Inspectors in peer groups" alone), so that a
        sentence of `doc_id` is not about it? (Not an ordinary word a title happens to have: "inspector".)"""
        for w in words(question):
            full = set(content_terms(GLOSSARY.get(w, "")))
            if len(full) < 2:
                continue
            having = {d for d, have in self.title_terms.items() if full <= have}
            if len(having) == 1 and doc_id not in having:
                return True
        return False

    def _titled(self, term: str | None) -> str | None:
        """The one document whose title names `term` (a "what is X?" question's X) in every word, its own or the
        glossary's for it: "OI pilot" -> the OI pilot's release ("Ofsted pilots recruiting ... as Ofsted Inspectors
        ..."). None when no document, or more than one, is titled so."""
        if not term:
            return None
        named = [w for w in words(term) if content_terms(w) and w not in _GENERIC_TITLE_WORDS]

        def titles(have: frozenset[str]) -> bool:  # each word there, or all of the glossary's words for it ("OI": Ofsted Inspector)
            return all(set(content_terms(w)) <= have or (w in GLOSSARY and set(content_terms(GLOSSARY[w])) <= have) for w in named)

        # (a name of two words or more: "an OI" is a word of the OI pilot's title, which its opening does not define)
        docs = [d for d, have in self.title_terms.items() if len(named) >= 2 and titles(have)]
        return docs[0] if len(docs) == 1 else None

    def _opening(self, keep, per_doc: int = 2) -> list[Candidate]:
        """The first `per_doc` sentences of each document whose chunks `keep` accepts, which state its stance or its
        news: what a question about a source's view with no topic of its own ("what's the NEU's general view of
        Ofsted?") or about what was announced at a date asks for. Headings and questions (\"What can school
        leaders do?\") are skipped."""
        stances: dict[str, list[Candidate]] = {}
        for chunk in sorted(self.retriever.chunks, key=lambda c: (c.doc_id, c.ordinal)):
            if not keep(chunk):
                continue
            stance = stances.setdefault(chunk.doc_id, [])
            if len(stance) < per_doc:
                stance += [c for c in chunk_candidates(Hit(chunk)) if len(words(c.text)) >= 8 and not c.text.rstrip().endswith("?")]
                del stance[per_doc:]
        out = [c for stance in stances.values() for c in stance]
        if out:
            for c, vec in zip(out, self.embed_sentences([c.text for c in out])):
                c.vec = vec
        return out

    # -- refusal -------------------------------------------------------------------------------------
    def _refusal(self, question: str, hits: list[Hit], cands: list[Candidate], focus: str | None = None,
                 part_vecs=(), plain: tuple[str, str, np.ndarray] | None = None, news: bool = False,
                 parts=()) -> tuple[str, str, float] | None:
        """Why the documents do not answer `question` (the standalone question), or None. `focus`: the user's own
        words (a follow-up's), which say what kind of answer is wanted; `part_vecs`: (text, vector) of each part of
        a multi-part question and of the sentence that asks (each part is judged on its own too: two questions in
        one match any single sentence less well than either does); `plain`: the question in the documents' words only
        (`in_their_words`: its own words kept, the documents' words added) and its vector, judged by those words too;
        `news`: whether it asks what was announced at a date some document has ("what happened in Dec 2024?");
        `parts`: (text, vector) of each part of a multi-part question alone."""
        where = guard.COVERAGE + " " + guard.WHERE_TO_GO
        if not hits or not cands:
            return ("weak_evidence", "Nothing in the documents matches the question. " + where, 0.0)
        q_terms = [t for t in dict.fromkeys(content_terms(question)) if not t.isdigit()]
        vocab = self.retriever.lexical.vocab
        unknown = [t for t in q_terms if t not in vocab and t not in GLOSSARY]
        best = max(cands, key=lambda c: c.score)
        near = max(cands, key=evidence_of)  # the sentence that comes closest: shown when the question is declined
        evidence = evidence_of(near)
        for text, vec in part_vecs:
            # (not a part most of whose words no document uses: "what makes inspectors decide safeguarding is not
            # effective?" comes close to a line about inspectors in meaning only)
            missing = unmentioned(text, self.df)
            known = [t for t in dict.fromkeys(content_terms(text)) if self.df.get(t) and t not in missing]
            if len(missing) >= 2 and len(missing) > len(known):
                continue
            evidence = max(evidence, max(evidence_of(c, float(c.vec @ vec)) for c in cands))
        if plain is not None:  # the words no document uses, which no sentence can have, weigh nothing
            own, extra, vec = plain
            terms = [t for t in dict.fromkeys(content_terms(own)) if not t.isdigit()]
            more = [t for t in dict.fromkeys(content_terms(extra)) if t not in terms]
            w = idf_weights(terms + more, self.df, self.n_chunks)
            total = sum(w[t] for t in terms) or 1.0
            evidence = max(evidence, max(
                0.7 * float(c.vec @ vec) + 0.3 * min(1.0, (sum(w[t] for t in terms if t in c.terms) + 0.5 * sum(w[t] for t in more if t in c.terms)) / total)
                for c in cands))
        followup = focus is not None and focus != question
        if followup:  # "what about banners?": the follow-up's own words, found in a sentence, count as its rare words do
            evidence = max(evidence, max(0.7 * c.sim + 0.3 * c.focus for c in cands))
        # "what about universities?" after a question about the OI pilot: the passages about the pilot come close to
        # the conversation, but none speaks of what the follow-up asks about.
        other = elliptical_subject(focus) if followup else None
        if other and not any(c.focus > 0 for c in cands):
            return ("weak_evidence", f"They don't say anything about \u201c{other}\u201d in this context. " + where, evidence)
        bar = min(self.settings.answer.min_evidence, self.settings.answer.followup_min_evidence) if followup else self.settings.answer.min_evidence
        # "does the union say anything about attendance?": a sentence of that source with every word of the topic
        # is what was asked for, however loosely the question's other words match it ("6. ... challenges, for
        # instance around attendance or recruitment")
        # "what's in para 94?": a sentence that cites the handbook paragraph asked about is what was asked for
        asked_paras = set(find_paragraph_refs(expand_query(focus or question)))
        if asked_paras and evidence < bar and any(asked_paras & set(find_paragraph_refs(c.text)) for c in cands):
            evidence = bar
        # "what does paragraph 200 of the handbook say?": a paragraph no document cites is not one they give
        cited = self.cited_paragraphs
        if asked_paras and not asked_paras & cited:
            shown = ", ".join(str(n) for n in sorted(asked_paras))
            return ("weak_evidence", f"They don't quote or cite paragraph {shown} of the handbook (they cite "
                    f"paragraphs {', '.join(str(n) for n in sorted(cited))}). " + guard.WHERE_TO_GO, evidence)
        topic, sources = said_about(focus or question), named_authorities(focus or question)
        if topic and sources and evidence < bar:
            # (in one sentence, or across one passage of theirs: "inclusion and wellbeing" are two items of its list)
            wanted = set(content_terms(topic))
            theirs: dict[str, set[str]] = {}
            for c in cands:
                if c.hit.chunk.meta.authority in sources and wanted & c.terms:
                    theirs.setdefault(c.hit.chunk.chunk_id, set()).update(wanted & c.terms)
            if any(wanted <= found for found in theirs.values()):
                evidence = bar

        # "what is the NEU calling for?": a source's view, and nothing more, is answered by its main lines
        if sources and evidence < bar and whole_view_asked(focus or question) \
                and any(c.hit.chunk.meta.authority in sources for c in cands):
            evidence = bar
        # "our gates still have the 'outstanding' banner ... does the union think we should take it down?": the
        # best sentence is of the source the question names and has most of the question's topic words ("Remove
        # all references to your school's Ofsted grading from banners on your school gates")
        # (the source as the question names it: "the NAHT's position" is not the NEU guidance, though both are unions)
        if sources and evidence < bar and best.hit.chunk.meta.authority in sources and best.topic >= TOPIC_COVERED \
                and names_publisher(focus or question, best.hit.chunk.meta.publisher):
            evidence = bar
        if news:  # "what happened in Dec 2024?": a document of that date is what was asked for
            evidence = max(evidence, bar)
        # "who was the person from the NAHT giving evidence to the committee ...?": the best sentence names a person
        # as the question asks ("Ian Hartwright, from the National Association of Head Teachers, warned ...") and has
        # a third of its rare words; a long question matches any one sentence loosely
        # ... and so for who pays or where, when the best sentence says it of what was asked ("who pays for the pilot?":
        # "Under this new model, there is no separate inspection fee", in the pilot's announcement)
        if evidence < bar and best.typed and best.lex >= 0.3 and question_kind(focus or question) in ("person", *BRIEF_KINDS):
            evidence = bar

        def declined(why: str) -> tuple[str, str, float]:  # ... and the passage that came closest, for the user to judge
            return ("weak_evidence", why + nearest_passage(near) + guard.WHERE_TO_GO, evidence)

        if evidence < bar:
            shown = [w for w in words(question) if any(w.startswith(u[:4]) for u in unknown) and not glossary_for(w)  # "advice": guidance
                     and not re.search(rf"\b{re.escape(w)}\b", self.corpus_text)  # "end" is in "end-of-day"
                     and english_zipf(w) < COMMON_ZIPF][:4]  # "still", "word": everyday words, not the topic
            if evidence >= NEAR_EVIDENCE:  # close, but not close enough to answer: show it, so the user can judge
                return declined("They don't say that directly. ")
            shown = as_typed(shown, question)
            why = (
                "They don't mention " + ", ".join(f"\u201c{w}\u201d" for w in shown) + ", and the closest passages are not about what you asked. "
                if shown
                else "The closest passages are not about what you asked. "
            )
            return ("weak_evidence", why + where, evidence)
        # "What does RI mean?" / "what is a deep dive?": a term the documents never use is not defined by them,
        # however close some passage about meanings or dives comes.
        term = defined_term(question)
        if term and not self.mentions(term):
            return (
                "weak_evidence",
                f"They don't mention \u201c{term}\u201d. " + where,
                evidence,
            )
        # "what does EIF stand for?": an abbreviation they use but never spell out is not explained by a sentence using it
        if (short := stands_for(question)) and not spelled_out(short, self.written_text):
            return ("weak_evidence", f"They use \u201c{short}\u201d but don't spell it out. " + where, evidence)
        # "What qualifications do I need ...?", "How do I apply ...?": what is asked for is nowhere in the documents.
        # the one sentence that asks, after context ("ofsted rejected our complaint. how do we escalate to ICASO?")
        asking = asked_sentence(question) if sum("?" in x for x in question_sentences(question)) <= 1 else None
        asking = asking or question
        asked_for = absent_asked_for(asking, self.df)
        if asked_for:
            word, kind = asked_for
            shown = as_typed([word], question)[0]
            return declined(
                f"They don't mention \u201c{shown}\u201d. " if kind == "thing"
                else f"They don't say anything about {shown}. " if shown.endswith("ing")  # "the process for appealing"
                else f"They don't say how to {shown}. "
            )
        # "Does Ofsted inspect universities?": what the act is done to is nowhere in the documents, so a passage
        # about inspecting schools answers it neither way. The nearest passage is shown, for the user to judge.
        # (of the whole question: the sentence that asks may lean on the context before it for what it is about)
        # "how does Estyn inspect schools in Wales?": the documents are about inspection in England (when they do
        # not mention the other nation themselves); the user is told who inspects there
        nation = guard.other_nation(question)
        if nation and nation[0] not in self.nations_mentioned:
            return ("weak_evidence", f"They are about Ofsted's inspection of schools in England, not {nation[0]}: "
                    f"{nation[1]}. " + guard.WHERE_TO_GO, evidence)
        absent = absent_objects(question, self.df) or absent_bodies(question, self.df)
        if not absent and max(c.lex for c in cands) < PART_ABSENT_LEX:
            # "What will inspectors check on our single central record? Do they look at every staff member's DBS?":
            # one part acts on what the documents never mention (not a view verb of the question's own: "does the chief
            # inspector reckon ...? what did he say"), and no sentence has more than a few of the
            # question's rare words (a passage on how inspection works comes close in meaning, no closer)
            absent = next((gone for part in question_parts(question) if (gone := absent_objects(part, self.df, with_act=False))), [])
            # ... or one of its questions asks for a thing no document mentions ("... what criteria do they use?")
            absent = absent or next(([found[0]] for part in question_sentences(question)
                                     if (found := absent_asked_for(part, self.df)) and found[1] == "thing"), [])
        if absent:
            return declined("They don't mention " + " or ".join(f"\u201c{w}\u201d" for w in as_typed(absent, question)) + ". ")
        # "What did Ian Hartwright say about report cards?": the documents quote him, but nowhere near that topic.
        said = speaker_and_topic(focus or question)
        if said:
            who, topic = said
            units = specific_units(topic, self.df, self.n_chunks)
            if units and quoted_on(speaker_terms(who, self.sentences), units, self.doc_sentences) is False:
                return declined(f"They quote {who}, but not about \u201c{topic}\u201d. ")
        # "What is the NAHT's position on report cards?": an organisation that publishes none of the documents has a
        # view in them only where they name it (or someone speaking for it) near something the question asks about
        # (any of it: a question asking more than its view, or the views of others too, has other words).
        org = organisation_and_topic(focus or question)
        if org and not self._publishes(org[0]):
            who, topic = org
            units = specific_units(topic, self.df, self.n_chunks)
            # in the sentence naming it ("alongside our sister union the NAHT, step down ..."), or near the words of
            # those who speak for it ("Steve Rollett, deputy chief executive of the Confederation of School Trusts")
            own = speaker_terms(who)
            people = [w for w in speaker_terms(who, self.sentences) if w not in own]
            said = [quoted_on(own, units, self.doc_sentences, before=0, after=0, every=False),
                    quoted_on(people, units, self.doc_sentences, every=False)] if units else [True]
            found = True if True in said else False if False in said else None
            if found is None:
                return declined(f"They don't give the {who}'s view. ")
            if found is False:
                return declined(f"They mention the {who}, but not its view on that. ")
        # Numbers the question takes for granted must be in the evidence ("extended to 10 days").
        # (a follow-up's own words: the question it follows was checked when it was asked - "on 8 jan" is not
        # taken for granted again by "so does that mean it's going to change how they inspect?")
        claimed = premise_text(focus if followup else question)  # not the asker's own circumstances ("off sick for two weeks")
        stated = {n for n in numbers(claimed) if len(n) <= 4}
        if not re.search(r"\b1\b", claimed):
            stated.discard("1")  # "ask for one", "start one": a pronoun, not a number
        stated -= {n for written in clock_times(claimed).values() for n in numbers(written)}  # times: checked as times below
        stated -= {str(n) for n in find_paragraph_refs(expand_query(claimed))}  # "para 94": a reference, not a claim
        stated -= own_counts(claimed)  # "two of my senior staff": the asker's own, not a claim about the rules
        top_text = " ".join(h.chunk.text for h in hits[:3])
        ranked = sorted(cands, key=lambda c: c.score, reverse=True)
        closest = ranked[:5]
        # "what did Ofsted announce in Dec 2024?": a year that places what is asked about is confirmed by one of the
        # ten closest sentences (a question of two parts has two sets of close passages) whose source is of that
        # date, or has it in its title or text ("January 2024", "19.1.24"), with the same month when the question
        # gives one; from the kind of source the sentence that asks names, if any ("what did the NEU announce in
        # December 2024?" is not confirmed by an Ofsted announcement of that date). A year the question takes for
        # granted ("since the 2024 rules let parents ...") still needs the text.
        named_here = named_authorities(asked_sentence(claimed) or claimed)
        near_sources = [c for c in ranked[:10] if not named_here or c.hit.chunk.meta.authority in named_here]
        known = {d for c in near_sources for d in self.doc_dates.get(c.hit.chunk.doc_id, set()) | dates(c.text)}
        stated -= {str(y) for y, m in dates_asked_about(claimed) if any(y == ky and m in (None, km) for ky, km in known)}
        # A month and year the question gives to what someone said or did ("someone said they had a session with
        # the new HMCI on 8th jan 2024", "Ofsted said back in dec 2024 ...") is confirmed by a close sentence that
        # leaves the year to its source: "On January 8th ..." in "Handbook Updates - January 2024", "today" in a
        # release dated December 2024. Not by a source's date alone: "given the January 2024 update scrapped final
        # feedback meetings" is not confirmed by a sentence of that update that says nothing of when.
        def dated_by_source(y: int, m: int) -> bool:
            for c in ranked[:2]:  # the sentences that answer, not any close one: a false premise dated "January 2024"
                # is not confirmed by "On January 8th ..." about something else
                meta = c.hit.chunk.meta
                if (y, m) not in self.doc_dates.get(c.hit.chunk.doc_id, set()) or dates(c.text):
                    continue
                if MONTHS[m - 1] in months(c.text) or (RELATIVE_DAY.search(c.text) and meta.date and meta.date[:7] == f"{y:04d}-{m:02d}"):
                    return True
            return False

        stated -= {str(y) for y, m in dates(claimed) if m is not None and dated_by_source(y, m)}

        # A year the question gives ("didn't start until after easter 2025") is the year of a month an answering
        # sentence names without one, read from its source's date: "begins in early January" in a release of
        # 19 December 2024 is January 2025 (a later year only for what is still to come then)
        def year_of_month_named(y: int) -> bool:
            for c in closest:
                when = c.hit.chunk.meta.date
                if not when or dates(c.text):
                    continue
                dy, dm = int(when[:4]), int(when[5:7])
                for name in months(c.text):
                    m = MONTHS.index(name) + 1
                    if (dy if m >= dm else dy + 1 if _TO_COME.search(c.text) else None) == y:
                        return True
            return False

        stated -= {str(y) for y, _ in dates(claimed) if year_of_month_named(y)}
        missing = sorted(stated - numbers(top_text))
        # ... and as amounts: "2 weeks' notice" is not confirmed by a "2." somewhere and "half a day's notice".
        missing += sorted(f"{n} {unit}s" for n, unit in quantities(claimed) - quantities(top_text) if n not in missing)
        # ... and times of day and months, in the sentences closest to the question: "accepted until 6pm" is not
        # confirmed by "after 4.30 pm", nor "the trials start in February" by a blog post dated 22 February
        near_text = " ".join(c.text for c in closest) + " " + " ".join(
            format_date(c.hit.chunk.meta.date) for c in closest if c.hit.chunk.meta.date)
        if not re.search(r"\b(?:if|suppose|supposing|say)\b", claimed, re.I):  # "and if I only ask at 5pm?": a case, not a claim
            missing += [written for t, written in clock_times(claimed).items() if t not in clock_times(near_text)
                        and not re.search(rf"\b(?:at|after|before|around|about|past)\s+{re.escape(written)}", claimed, re.I)]  # "can we ask after 5pm?": a case
            missing += sorted(months(claimed) - months(near_text))
        if missing:
            return (
                "unsupported_premise",
                f"They don't mention {', '.join(missing)} in this context, so I can't confirm the premise of the "
                f"question. The closest passage ({best.hit.chunk.meta.title}) says: {quoted(best.text)} " + guard.WHERE_TO_GO,
                evidence,
            )
        # A premise the passages contradict ("since the meeting is compulsory ..." / "voluntary").
        wanted = named_authorities(question)
        for rank, c in enumerate(ranked):
            meta = c.hit.chunk.meta
            why = contradicted_premise(question, c.text, near=rank < 3, named_source=bool(wanted) and meta.authority in wanted)
            if why:
                return (
                    "unsupported_premise",
                    f"The question takes for granted something the documents contradict: {why}. "
                    f"{meta.title} ({meta.publisher}, {meta.authority_label}) says: {quoted(c.text)} " + guard.WHERE_TO_GO,
                    evidence,
                )
        # "What time ...?", "how much ... paid?", "how many ...?", "how long ...?": when no passage close to the
        # question gives that kind of answer at all, the documents do not answer it.
        kind = question_kind(focus or question)
        # A "when ...?" is often answered by a condition ("during the initial phone call, before the inspection
        # begins"), so it is declined for want of a date only when it names the event ("come into force") or
        # asks about a later one ("the next report").
        wants = kind in _WANTS and (kind != "date" or asked_event(focus or question) or asks_later_one(focus or question))
        if wants and not any(c.typed for c in cands if c.score >= best.score * 0.6) and not self._part_typed(kind, cands, parts):
            return (
                "weak_evidence",
                f"They don't give {_WANTS[kind]} for that. The closest passage ({best.hit.chunk.meta.title}) says: "
                f"{quoted(best.text)} " + guard.WHERE_TO_GO,
                evidence,
            )
        return None

    def _part_typed(self, kind: str, cands: list[Candidate], parts) -> bool:
        """Whether a part of a multi-part question that asks for `kind` has a sentence of that kind among those that
        answer it best: "how many days does an inspection run for, and is that enough time?" is judged by its first
        part ("the two days on which the inspection will ordinarily fall"), which the two parts together match less
        well than a line about inspections resuming within 5 working days. (Not a part with a word no document
        uses: "how long should our SEF be?" is not answered by how long an inspection lasts.)"""
        for text, vec in parts:
            if question_kind(text) != kind or unmentioned(text, self.df):
                continue
            score = part_scorer(text, vec, self.df, self.n_chunks)
            scored = [(score(c), c) for c in cands]
            top = max(s for s, _ in scored)
            if any(has_answer_type(kind, c, text) for s, c in scored if s >= top * 0.8):
                return True
        return False

    # -- composing -----------------------------------------------------------------------------------
    def _compose(self, answer: Answer, question: str, chosen: list[Candidate], lead_question: str | None = None) -> None:
        """`lead_question`: what the direct answer answers - a follow-up's own question ("what if the head is
        ill?" after "is there a deadline?" wants no time), else the standalone question."""
        lead = lead_for_answer(lead_question or question, chosen, self.df) if not answer.perspectives_asked else ""
        if lead in ("Yes", "No") and self._titled_elsewhere(lead_question or question, chosen[0].hit.chunk.doc_id):
            lead = ""  # "are early years providers in the OI pilot?" is not answered Yes by the framework pilots' line
        used: list[tuple] = []  # (chunk, [spans])
        index: dict[str, int] = {}
        for c in chosen:
            cid = c.hit.chunk.chunk_id
            if cid not in index:
                index[cid] = len(used)
                used.append((c.hit.chunk, []))
            used[index[cid]][1].append((c.start, c.end))
        citations = build_citations(used)
        authorities = {c.hit.chunk.meta.authority for c in chosen}
        mixed = len(authorities) > 1
        parts = []
        previous_speaker = None
        for i, c in enumerate(chosen):
            n = index[c.hit.chunk.chunk_id] + 1
            sentence = c.text.rstrip()
            who = speaker(c.hit.chunk.meta)
            # Attribute when the source is not official Ofsted text, or when sources of different kinds speak.
            if (mixed or c.hit.chunk.meta.authority != "official") and who != previous_speaker:
                sentence = f"{who} {sentence}"
            previous_speaker = who
            if i == 0 and lead:
                sentence = f"{lead} - {sentence}"
                answer.lead, answer.lead_passage = lead, c
            parts.append(f"{sentence} [{n}]")
        text = " ".join(parts)
        # Verify (by construction every sentence is a quote; this guards the construction itself).
        # A "when" lead may be the source's own date ("On 13 March 2026 (the date of the source, which says
        # 'this morning')"): the cited document's date supports it as much as its text does.
        passages = {cit.n: checkable(cit.quote, cit.date) for cit in citations}
        checked = check_answer(text, passages)
        if not all(cs.supported for cs in checked):
            text = " ".join(f"{c.text.rstrip()} [{index[c.hit.chunk.chunk_id] + 1}]" for c in chosen)
        answer.answer = text
        answer.citations = citations
        answer.perspectives = mixed

    def _dates(self, answer: Answer) -> None:
        dated = sorted({c.date for c in answer.citations if c.date})
        undated = sorted({c.title for c in answer.citations if not c.date})
        groups: dict[str, list[int]] = {}
        for c in answer.citations:
            when = format_date(c.date) if c.date else "undated"
            groups.setdefault(f"{c.publisher} ({c.authority_label}), {when}", []).append(c.n)
        answer.sources_note = "Sources: " + "; ".join(
            f"{label} [{', '.join(map(str, ns))}]" for label, ns in groups.items()
        ) + "."
        today = self.settings.answer.today_date()
        if dated:
            newest = _dt.date.fromisoformat(dated[-1])
            if (today - newest).days > self.settings.answer.stale_after_days:
                answer.stale_caveat = (
                    f"The newest source used is from {format_date(dated[-1])}, over 12 months ago: guidance may "
                    "have changed since. Check the current School inspection handbook on gov.uk."
                )
        elif undated:
            answer.stale_caveat = (
                "The sources used are undated, so they may be out of date: check the current School inspection "
                "handbook on gov.uk."
            )

    # -- LLM mode --------------------------------------------------------------------------------------
    def _llm_condense(self, question: str, history: list[dict]) -> str | None:
        from .llm import condense_with_llm, get_chat_model

        try:
            if getattr(self, "_llm_error", None):
                return None
            if self.llm is None:
                self.llm = get_chat_model(self.settings)
            rewritten = condense_with_llm(self.llm, self.prompts, question, history)
        except Exception:  # rule-based condensation stands
            return None
        return rewritten if 3 <= len(rewritten) <= self.settings.answer.max_question_chars else None

    def _llm_answer(self, answer: Answer, question: str, hits: list[Hit], chosen: list[Candidate], history) -> None:
        from .llm import generate_answer, get_chat_model

        passages = hits[: self.settings.retrieval.top_k]
        try:
            if getattr(self, "_llm_error", None):
                raise RuntimeError(self._llm_error)  # a model that failed to load is not retried per question
            if self.llm is None:
                try:
                    self.llm = get_chat_model(self.settings)
                except Exception as exc:
                    self._llm_error = f"{type(exc).__name__}: {exc}"
                    raise
            text = generate_answer(self.llm, self.prompts, question, passages, CANNOT_ANSWER)
        except Exception as exc:  # an LLM that is down or slow must not cost the user an answer
            answer.llm_fallback = f"LLM unavailable ({type(exc).__name__}: {str(exc)[:120]}); extractive answer shown"
            self._compose(answer, question, chosen)
            answer.mode = "extractive"
            return
        if CANNOT_ANSWER.lower().rstrip(".") in text.lower():
            answer.answered = False  # the model says the passages don't answer: an honest refusal
            answer.refusal = "llm_cannot_answer"
            answer.answer = f"{CANNOT_ANSWER} {guard.COVERAGE} {guard.WHERE_TO_GO}"
            return
        numbered = {i + 1: h.chunk.text for i, h in enumerate(passages)}
        checked = check_answer(text, numbered)
        kept = [cs for cs in checked if cs.supported]
        if not kept or len(kept) < len(checked) / 2:
            reasons = "; ".join(r for cs in checked if not cs.supported for r in cs.reasons)[:300]
            answer.llm_fallback = f"LLM answer failed the citation check ({reasons}); extractive answer shown"
            self._compose(answer, question, chosen)
            answer.mode = "extractive"
            return
        # Renumber the citations of the kept sentences 1..n in order of use.
        order: list[int] = []
        for cs in kept:
            for n in cs.refs:
                if n not in order:
                    order.append(n)
        remap = {old: new for new, old in enumerate(order, start=1)}
        used = []
        for old in order:
            chunk = passages[old - 1].chunk
            spans = _best_spans(chunk.text, [cs.text for cs in kept if old in cs.refs])
            used.append((chunk, spans))
        answer.citations = build_citations(used)
        answer.answer = " ".join(cs.text + " " + "".join(f"[{remap[n]}]" for n in cs.refs) for cs in kept)
        answer.perspectives = len({c.authority for c in answer.citations}) > 1
        if len(kept) < len(checked):
            answer.llm_fallback = f"dropped {len(checked) - len(kept)} unsupported sentence(s)"


def _best_spans(text: str, claims: list[str]) -> list[tuple[int, int]]:
    """The passage sentences that best match the claims (for highlighting)."""
    spans = split_sentences(text)
    out = []
    for claim in claims:
        ct = set(content_terms(claim))
        if not spans or not ct:
            continue
        best = max(spans, key=lambda se: len(ct & set(content_terms(text[se[0] : se[1]]))))
        if best not in out:
            out.append(best)
    return out


def _add_new(hits: list[Hit], more: list[Hit]) -> None:
    """Append to `hits` the passages of `more` it does not have yet, in order."""
    seen = {h.chunk.chunk_id for h in hits}
    for h in more:
        if h.chunk.chunk_id not in seen:
            hits.append(h)
            seen.add(h.chunk.chunk_id)


# -- module-level convenience: one engine per settings, thread-safe ------------------------------------
_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def get_engine(settings: Settings | None = None) -> Engine:
    settings = settings or Settings.from_env()
    key = repr(settings)
    with _engines_lock:
        if key not in _engines:
            _engines[key] = Engine(settings)
        return _engines[key]


def ask(question: str, history: list[dict] | None = None, filters: Filters | None = None, mode: str | None = None, settings: Settings | None = None) -> Answer:
    return get_engine(settings).ask(question, history=history, filters=filters, mode=mode)
