"""Fixtures for the eval-harness tests: synthetic cases and fake `Answer.to_json()` dicts for the pure logic,
a tiny case file and a temporary index of the shipped corpus for the one real run."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ofsted_assistant.evaluation import Case, Evidence

PARA_118 = "All staff members can have an appropriate person present during meetings with inspectors (paragraph 118)"
DEFERRAL = "deferral requests made after 4.30 pm on the notification day are typically not considered"


@pytest.fixture
def make_case():
    """make_case(**fields) -> Case, an answerable direct_fact case about paragraph 118 by default."""

    def make(**kw) -> Case:
        base = dict(
            id="dev-x01",
            question="Can I bring a colleague to this meeting with the inspector?",
            category="direct_fact",
            must_refuse=False,
            facts=[["appropriate person"]],
            evidence=[Evidence("tt-handbook-updates-jan-2024", PARA_118)],
            history=[],
            split="dev",
        )
        base.update(kw)
        if base["must_refuse"] and "facts" not in kw:
            base["facts"] = []
        if base["must_refuse"] and "evidence" not in kw:
            base["evidence"] = []
        return Case(**base)

    return make


@pytest.fixture
def make_answer():
    """make_answer(answer, citations=[(doc_id, quote)], retrieved=[(doc_id, text)], answered=True) -> dict
    shaped like Answer.to_json()."""

    def make(answer: str, citations=(), retrieved=None, answered: bool = True, total_ms: float = 12.0, refusal=None) -> dict:
        cits = [
            {"n": i, "chunk_id": f"c{i}", "doc_id": d, "title": d, "locator": None, "quote": q, "start": 0, "end": len(q), "highlights": []}
            for i, (d, q) in enumerate(citations, start=1)
        ]
        if retrieved is None:
            retrieved = citations
        ret = [{"rank": i, "chunk_id": f"r{i}", "doc_id": d, "start": 0, "end": len(t), "text": t} for i, (d, t) in enumerate(retrieved, start=1)]
        return {
            "question": "q", "answer": answer, "answered": answered, "mode": "extractive",
            "refusal": refusal if refusal or answered else "weak_evidence",
            "citations": cits, "sources_note": "", "stale_caveat": None, "retrieved": ret,
            "corpus_version": "v1", "timings_ms": {"total": total_ms},
        }

    return make


TINY_CASES = textwrap.dedent(
    """\
    - id: dev-t01
      question: "Can I bring a colleague to this meeting with the inspector?"
      history: []
      category: direct_fact
      must_refuse: false
      facts:
        - ["appropriate person"]
      evidence:
        - doc_id: tt-handbook-updates-jan-2024
          passage: "All staff members can have an appropriate person present during meetings with inspectors (paragraph 118)"
      notes: "Paragraph 118: an appropriate person may be present."

    - id: dev-t02
      question: "What is the capital of France?"
      history: []
      category: refuse_out_of_scope
      must_refuse: true
      facts: []
      evidence: []

    - id: dev-t03
      question: "and if I only ask at 5pm?"
      history:
        - role: user
          content: "Can the head ask for the inspection to be deferred?"
        - role: assistant
          content: "Yes. Headteachers can request a deferral during the initial phone call or shortly afterwards, before the inspection begins."
      category: follow_up
      must_refuse: false
      facts:
        - ["4.30", "4:30"]
      evidence:
        - doc_id: tt-handbook-updates-jan-2024
          passage: "deferral requests made after 4.30 pm on the notification day are typically not considered"
    """
)


@pytest.fixture
def tiny_cases(tmp_path) -> Path:
    """A 3-case dev file: one answerable (paragraph 118), one must-refuse, one follow-up."""
    path = tmp_path / "tiny-dev.yaml"
    path.write_text(TINY_CASES, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def eval_index(tmp_path_factory, settings_factory):
    """Settings on a temporary (initially empty) index of the shipped corpus: the eval ingests it itself."""
    from ..conftest import SHIPPED_CORPUS

    return settings_factory(SHIPPED_CORPUS, tmp_path_factory.mktemp("eval-index"))
