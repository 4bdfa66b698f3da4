"""Comparison with an earlier run: a corpus update is told apart from a regression."""

from __future__ import annotations

import json

from ofsted_assistant.evaluation import compare_reports, find_previous_report, resolve_report_path

TT, OI = "tt-handbook-updates-jan-2024", "ofsted-oi-pilot-2026"


def case(cid, passed, docs=(TT,), digest="d1", cited=(), split="dev"):
    return {"id": cid, "split": split, "category": "direct_fact", "pass": passed, "case_digest": digest,
            "evidence": [{"doc_id": d, "passage": "p"} for d in docs], "citations": [{"doc_id": d} for d in cited], "why": []}


def report(cases, versions, run_id="r"):
    return {"run_id": run_id, "corpus_version": "cv-" + "-".join(versions.values()), "settings_fingerprint": "s1",
            "git": {"commit": "abc"}, "documents": {d: {"version": v} for d, v in versions.items()}, "cases": cases,
            "summary": {"overall": {"fact_accuracy": 0.5}, "by_split": {}}}


def test_regression_when_no_supporting_document_changed():
    prev = report([case("dev-1", True), case("dev-2", True, docs=(OI,))], {TT: "h1", OI: "o1"})
    cur = report([case("dev-1", False), case("dev-2", True, docs=(OI,))], {TT: "h1", OI: "o2"})
    cmp = compare_reports(prev, cur)
    (ch,) = cmp["changes"]
    assert ch["id"] == "dev-1" and ch["from"] == "pass" and ch["to"] == "fail"
    assert ch["cause"] == "regression" and ch["changed_docs"] == []
    assert cmp["counts"]["regression"] == 1
    assert [d["doc_id"] for d in cmp["changed_docs"]] == [OI]


def test_corpus_update_when_an_evidence_document_changed():
    prev = report([case("dev-1", True), case("dev-2", False, docs=(OI,))], {TT: "h1", OI: "o1"})
    cur = report([case("dev-1", False), case("dev-2", True, docs=(OI,))], {TT: "h2", OI: "o1"})
    changes = {c["id"]: c for c in compare_reports(prev, cur)["changes"]}
    assert changes["dev-1"]["cause"] == "corpus update" and changes["dev-1"]["changed_docs"] == [TT]
    assert changes["dev-2"]["cause"] == "fix"


def test_removed_document_counts_as_a_corpus_update():
    prev = report([case("dev-1", True)], {TT: "h1"})
    cur = report([case("dev-1", False)], {})
    (ch,) = compare_reports(prev, cur)["changes"]
    assert ch["cause"] == "corpus update"


def test_refusal_case_uses_cited_documents():
    prev = report([case("dev-r", True, docs=())], {TT: "h1", OI: "o1"})
    cur = report([case("dev-r", False, docs=(), cited=(OI,))], {TT: "h1", OI: "o2"})
    (ch,) = compare_reports(prev, cur)["changes"]
    assert ch["cause"] == "corpus update" and ch["changed_docs"] == [OI]


def test_changed_case_definition():
    prev = report([case("dev-1", True, digest="d1")], {TT: "h1"})
    cur = report([case("dev-1", False, digest="d2")], {TT: "h1"})
    (ch,) = compare_reports(prev, cur)["changes"]
    assert ch["cause"] == "case changed"


def test_new_and_removed_cases_and_unchanged_status():
    prev = report([case("dev-1", True), case("dev-old", True)], {TT: "h1"})
    cur = report([case("dev-1", True), case("dev-new", False)], {TT: "h1"})
    cmp = compare_reports(prev, cur)
    assert cmp["changes"] == [] and cmp["new_cases"] == ["dev-new"] and cmp["removed_cases"] == ["dev-old"]


def test_find_previous_report_picks_the_latest_earlier_run(tmp_path):
    assert find_previous_report(tmp_path / "none") is None
    for name in ("20260101T000000Z", "20260301T000000Z", "20260201T000000Z"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.json").write_text(json.dumps({"run_id": name}))
    (tmp_path / "20260401T000000Z").mkdir()  # no report.json: an interrupted run
    assert find_previous_report(tmp_path).parent.name == "20260301T000000Z"
    assert find_previous_report(tmp_path, exclude=tmp_path / "20260301T000000Z").parent.name == "20260201T000000Z"
    assert resolve_report_path(tmp_path / "20260101T000000Z").name == "report.json"
