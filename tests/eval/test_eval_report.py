"""report.md / report.html from a synthetic run: self-contained HTML, and held-out cases shown by id only."""

from __future__ import annotations

import re

from ofsted_assistant import eval_report
from ofsted_assistant.evaluation import compare_reports, score_case, summarise

from .conftest import PARA_118

TT = "tt-handbook-updates-jan-2024"
SECRET = "What colour is the held-out unicorn?"


def _report(make_case, make_answer) -> dict:
    chunk = f"Intro. {PARA_118}."
    cases = [
        score_case(make_case(id="dev-1"), make_answer(f"{PARA_118}. [1]", citations=[(TT, chunk)])),
        score_case(make_case(id="dev-2", question="Who runs the OI pilot engagement?"), make_answer("Nothing.", answered=False)),
        score_case(make_case(id="ho-1", split="heldout", question=SECRET, facts=[["sparkly pink"]]),
                   make_answer("The held-out answer text about unicorns. [1]", citations=[(TT, "The held-out answer text about unicorns.")])),
    ]
    base = [score_case(make_case(id=c["id"], split=c["split"]), make_answer(f"{PARA_118} [1]", citations=[(TT, chunk)])) for c in cases]
    rep = {
        "run_id": "20261123T000000Z", "started_at": "2026-11-23T00:00:00+00:00", "seconds": 1.0, "split": "all",
        "mode": "extractive", "today": "2026-11-23", "corpus_version": "abc", "settings_fingerprint": "fp",
        "collection": "ofsted-x", "git": {"commit": "deadbeef", "dirty": False},
        "documents": {TT: {"version": "h1", "chunks": 7, "title": "TT"}},
        "llm_judge": "LLM-judged faithfulness: not run: no LLM configured (the core metrics above need no LLM).",
        "summary": summarise(cases), "cases": cases,
        "baseline": {"info": {"description": "LangChain tutorial RAG"}, "summary": summarise(base), "cases": base},
        "run": {"evidence_warnings": [{"id": "ho-1", "split": "heldout", "doc_id": TT, "passage": SECRET, "problem": "not in any indexed chunk"}]},
        "comparison": None,
    }
    prev = dict(rep, documents={TT: {"version": "h0"}}, cases=[dict(c, **{"pass": True}) for c in cases], run_id="prev")
    rep["comparison"] = compare_reports(prev, rep)
    return rep


def test_markdown_has_the_tables_comparison_and_failures(make_case, make_answer):
    md = eval_report.render_markdown(_report(make_case, make_answer))
    for part in ("## Summary", "| pipeline: all |", "| pipeline: dev |", "| pipeline: heldout |", "| LangChain baseline: all |",
                 "## By category", "## Compared with the previous run", "corpus update", "## Failing cases", "**dev-2**",
                 "refused an answerable question", "not run: no LLM configured"):
        assert part in md, part


def test_heldout_cases_are_listed_without_their_text(make_case, make_answer):
    rep = _report(make_case, make_answer)
    md, page = eval_report.render_markdown(rep), eval_report.render_html(rep)
    for out in (md, page):
        assert "ho-1" in out
        assert SECRET not in out and "unicorn" not in out and "sparkly" not in out
    assert "Who runs the OI pilot engagement?" in md  # dev cases keep their question


def test_html_is_self_contained_with_svg_charts(make_case, make_answer):
    page = eval_report.render_html(_report(make_case, make_answer))
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 2
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert not re.search(r"(src|href)\s*=", page)
    assert set(re.findall(r"https?://[^\"' <]+", page)) <= {"http://www.w3.org/2000/svg"}


def test_summary_json_carries_baseline_and_comparison(make_case, make_answer):
    out = eval_report.summary_json(_report(make_case, make_answer), [])
    assert out["overall"]["cases"] == 3 and out["baseline"]["overall"]["cases"] == 3
    assert out["comparison"]["counts"]["corpus update"] == 2
