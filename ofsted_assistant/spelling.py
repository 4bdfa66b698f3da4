"""Typo correction of questions against the words of the indexed documents.

Staff type fast: "can i bring a collegue to meetings with inspecters". A misspelt word matches nothing in
the lexical search, misses the glossary ("colleague" -> appropriate person) and weakens the embedding, and
the answer can flip: that question was answered "No" (a sentence about parents' meetings) until this.

A word is corrected only when all of these hold, so real words are left alone:
- it is not a word of the documents or of the glossary, and is at least 4 letters;
- it is rare or unknown in English (wordfreq's Zipf frequency below `RARE_ZIPF`: "collegue" 1.6,
  "defferal" 0, while "stopped", "partner", "finances" are 3.9 or more and never touched);
- exactly one best candidate starts with the same letter and is within one edit (two for words of 8 letters
  or more), counting a swap of two neighbouring letters as one edit. The documents' words are tried first,
  then common English words (wordfreq's 30,000 most frequent: "pasued" -> "paused").
- it is not written in capitals (an acronym such as SIAMS) or capitalised mid-sentence (a name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

#: Below this Zipf frequency (wordfreq's log scale: 3 = once per million words) a word may be a typo.
RARE_ZIPF = 2.0

_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
#: Common English words tried when no word of the documents is close.
ENGLISH_WORDS = 30000


@lru_cache(maxsize=4096)
def english_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=1)
def common_english() -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(w for w in top_n_list("en", ENGLISH_WORDS) if w.isalpha())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (insert, delete, substitute, swap neighbours), or limit + 1 once
    it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Corrects a question's typos to words of the documents. Pure: built from the documents' words."""

    def __init__(self, known: Iterable[str], rare_zipf: float = RARE_ZIPF, english: Iterable[str] | None = None):
        self.counts = Counter(w.lower() for w in known if w.isalpha())
        self.rare_zipf = rare_zipf
        self._english = english
        self._by_initial = self._index(self.counts)
        self._english_by_initial: dict[str, list[str]] | None = None

    @staticmethod
    def _index(vocab: Iterable[str]) -> dict[str, list[str]]:
        by_initial: dict[str, list[str]] = {}
        for w in vocab:
            if len(w) >= 3:
                by_initial.setdefault(w[0], []).append(w)
        return by_initial

    def _closest(self, w: str, pool: Iterable[str], limit: int) -> list[tuple[int, str]]:
        return [(d, c) for c in pool if (d := edit_distance(w, c, limit)) <= limit]

    def suggest(self, word: str) -> str | None:
        w = word.lower()
        if len(w) < 4 or not w.isalpha() or w in self.counts or english_zipf(w) >= self.rare_zipf:
            return None
        limit = 2 if len(w) >= 8 else 1
        scored = self._closest(w, self._by_initial.get(w[0], ()), limit)
        if not scored:
            if self._english_by_initial is None:
                self._english_by_initial = self._index(self._english if self._english is not None else common_english())
            scored = self._closest(w, self._english_by_initial.get(w[0], ()), limit)
        if not scored:
            return None
        best = min(d for d, _ in scored)
        closest = [c for d, c in scored if d == best]
        if len(closest) > 1:
            # several equally close words: take the one the documents use most, if clearly so
            closest.sort(key=lambda c: self.counts[c], reverse=True)
            if self.counts[closest[0]] == self.counts[closest[1]]:
                return None
        return closest[0]

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """The text with its typos corrected, and what was changed ({typed: corrected})."""
        changes: dict[str, str] = {}

        def fix(m: re.Match) -> str:
            typed = m.group(0)
            if typed[0].isupper() and typed[1:].islower() and m.start() > 0:
                return typed  # a capitalised word mid-sentence is probably a name: leave it
            better = self.suggest(typed)
            if better is None:
                return typed
            changes[typed] = better
            return better

        return _WORD.sub(fix, text), changes
