"""Scoring one case from a fake Answer dict, and aggregating cases."""

from __future__ import annotations

import pytest

from ofsted_assistant.evaluation import Evidence, aggregate, percentile, score_case, summarise

from .conftest import PARA_118

TT = "tt-handbook-updates-jan-2024"
CHUNK_118 = f"Staff members are permitted to bring colleagues to meetings\n\n{PARA_118}. Headteachers can have other staff."
OTHER = "The pilot will continue throughout 2026 and feedback from participants will help inform how Ofsted recruit OIs."


def test_answered_with_fact_and_supported_citation(make_case, make_answer):
    ans = make_answer(f"Yes - {PARA_118}. [1]", citations=[(TT, CHUNK_118)])
    r = score_case(make_case(), ans)
    assert r["pass"] and r["fact_pass"] and r["refusal_correct"]
    assert r["citation_precision"] == 1.0 and r["evidence_recall"] == 1.0
    assert r["retrieval_recall"] == 1.0 and r["rr"] == 1.0 and r["first_hit_rank"] == 1
    assert r["unsupported_sentences"] == 0 and r["latency_ms"] == 12.0


def test_missing_fact_fails_and_says_which(make_case, make_answer):
    case = make_case(facts=[["appropriate person"], ["paragraph 118", "para 118"], ["governors"]])
    ans = make_answer(f"{PARA_118}. [1]", citations=[(TT, CHUNK_118)])
    r = score_case(case, ans)
    assert not r["pass"] and r["fact_pass"] is False
    assert [f["matched"] for f in r["facts"]] == ["appropriate person", "paragraph 118", None]
    assert r["why"] == ["missing fact(s): governors"]


def test_facts_may_be_in_the_sources_line(make_case, make_answer):
    case = make_case(facts=[["22 february 2024"]])
    ans = make_answer(f"{PARA_118}. [1]", citations=[(TT, CHUNK_118)])
    ans["sources_note"] = "Sources: TT Education (Commentary), 22 February 2024 [1]."
    assert score_case(case, ans)["fact_pass"]


def test_refusing_an_answerable_case_fails_it(make_case, make_answer):
    ans = make_answer("The documents I have don't answer that.", answered=False, retrieved=[(TT, CHUNK_118)])
    r = score_case(make_case(), ans)
    assert not r["pass"] and r["fact_pass"] is False and not r["refusal_correct"]
    assert r["evidence_recall"] == 0.0
    assert r["retrieval_recall"] == 1.0  # retrieval found it even though the answer stage refused
    assert "refused an answerable question (weak_evidence)" in r["why"]


def test_must_refuse_both_ways(make_case, make_answer):
    case = make_case(id="dev-r", category="refuse_out_of_scope", must_refuse=True, question="What is the capital of France?")
    refused = score_case(case, make_answer("The documents I have don't answer that.", answered=False))
    assert refused["pass"] and refused["refusal_correct"] and refused["fact_pass"] is None
    answered = score_case(case, make_answer(f"{OTHER} [1]", citations=[("ofsted-oi-pilot-2026", OTHER)]))
    assert not answered["pass"] and answered["why"] == ["answered a question it must refuse"]


def test_citation_precision_counts_evidence_or_fact_bearing_quotes(make_case, make_answer):
    fact_only = "Anyone may bring an appropriate person along, says a different passage entirely."
    ans = make_answer(
        f"{PARA_118}. [1] {OTHER} [2] {fact_only} [3]",
        citations=[(TT, CHUNK_118), ("ofsted-oi-pilot-2026", OTHER), (TT, fact_only)],
    )
    r = score_case(make_case(), ans)
    assert [c["supported"] for c in r["citations"]] == [True, False, True]
    assert r["citation_precision"] == pytest.approx(2 / 3)


def test_evidence_must_come_from_the_same_document(make_case, make_answer):
    ans = make_answer(f"{PARA_118}. [1]", citations=[("some-other-doc", CHUNK_118)])
    r = score_case(make_case(facts=[["governors"]]), ans)
    assert r["evidence_recall"] == 0.0 and r["citation_precision"] == 0.0


def test_unsupported_cited_sentences_are_counted(make_case, make_answer):
    ans = make_answer(f"{PARA_118}. [1] Pauses can last 20 working days. [1] Uncited claim here.", citations=[(TT, CHUNK_118)])
    r = score_case(make_case(), ans)
    assert r["unsupported_sentences"] == 2
    assert not r["pass"] and "2 cited sentence(s) not supported by their passage" in r["why"]


def test_retrieval_rank_and_chunk_lookup(make_case, make_answer):
    case = make_case(evidence=[Evidence(TT, PARA_118), Evidence(TT, "a passage that nothing retrieved contains at all anywhere")])
    ans = make_answer(f"{PARA_118}. [1]", citations=[(TT, CHUNK_118)], retrieved=[("ofsted-oi-pilot-2026", OTHER), (TT, CHUNK_118)])
    for r in ans["retrieved"]:
        r.pop("text")  # the engine's retrieved entries carry ids only: text comes from the lookup
    texts = {"r1": OTHER, "r2": CHUNK_118}
    r = score_case(case, ans, texts.get)
    assert r["first_hit_rank"] == 2 and r["rr"] == 0.5 and r["retrieval_recall"] == 0.5
    assert r["evidence_recall"] == 0.5


def test_error_is_a_failed_case(make_case):
    r = score_case(make_case(), None, error="BadQuestion: empty")
    assert not r["pass"] and r["why"] == ["error: BadQuestion: empty"]
    assert aggregate([r])["errors"] == 1


def test_aggregate_and_summarise(make_case, make_answer):
    good = score_case(make_case(id="dev-1"), make_answer(f"{PARA_118}. [1]", citations=[(TT, CHUNK_118)], total_ms=10))
    refused = score_case(make_case(id="dev-2", category="paraphrase"), make_answer("No.", answered=False, total_ms=30))
    ref_ok = score_case(make_case(id="ho-3", split="heldout", category="refuse_injection", must_refuse=True),
                        make_answer("No.", answered=False, total_ms=1))
    a = aggregate([good, refused, ref_ok])
    assert a["cases"] == 3 and a["answerable"] == 2 and a["must_refuse"] == 1
    assert a["fact_accuracy"] == 0.5 and a["answers_when_it_should"] == 0.5 and a["refuses_when_it_should"] == 1.0
    assert a["refusal_accuracy"] == pytest.approx(0.6667, abs=1e-4)
    assert a["citation_precision"] == 1.0 and a["evidence_recall"] == 0.5
    assert a["latency_p50_ms"] == 10.0 and a["latency_p95_ms"] == pytest.approx(28.0)
    s = summarise([good, refused, ref_ok])
    assert set(s["by_split"]) == {"dev", "heldout"} and s["by_split"]["heldout"]["cases"] == 1
    assert set(s["by_category"]) == {"direct_fact", "paraphrase", "refuse_injection"}
    assert s["by_category"]["refuse_injection"]["fact_accuracy"] is None
    assert s["by_split_category"]["dev"]["paraphrase"]["pass_rate"] == 0.0


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
