"""One real run of `ofsted-assistant eval` on a 3-case file, against a temporary index of the shipped corpus
(the eval ingests it itself), then a second run that compares with the first and fails a threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_assistant.evaluation import PINNED_TODAY, THRESHOLD_EXIT_CODE

pytestmark = pytest.mark.slow

METRICS = ("fact_accuracy", "citation_precision", "evidence_recall", "retrieval_recall", "mrr", "refusal_accuracy",
           "refuses_when_it_should", "answers_when_it_should", "unsupported_citations", "latency_p50_ms", "latency_p95_ms")


@pytest.fixture(scope="module")
def first_run(cli, eval_index, tmp_path_factory):
    cases = tmp_path_factory.mktemp("cases") / "tiny-dev.yaml"
    from .conftest import TINY_CASES

    cases.write_text(TINY_CASES, encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    res = cli.run(eval_index, "eval", "--split", "dev", "--cases", str(cases), "--out", str(out), timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    (run_dir,) = [d for d in out.iterdir() if d.is_dir()]
    return cases, out, run_dir, res


def test_writes_the_three_reports(first_run):
    _, _, run_dir, res = first_run
    for name in ("report.json", "report.md", "report.html"):
        assert (run_dir / name).stat().st_size > 500, name
    assert "Reports:" in res.stdout


def test_report_json_has_metrics_baseline_and_provenance(first_run):
    _, _, run_dir, _ = first_run
    rep = json.loads((run_dir / "report.json").read_text())
    assert rep["today"] == PINNED_TODAY and rep["split"] == "dev"
    assert set(rep["ingest"]["added"]) == set(rep["documents"])  # the empty index was built first
    assert len(rep["documents"]) == 5 and all(len(d["version"]) == 64 for d in rep["documents"].values())
    assert rep["corpus_version"] and rep["settings_fingerprint"]
    overall = rep["summary"]["overall"]
    assert overall["cases"] == 3 and overall["answerable"] == 2 and overall["must_refuse"] == 1
    for m in METRICS:
        assert m in overall, m
    assert overall["latency_p50_ms"] is not None
    assert set(rep["summary"]["by_split"]) == {"dev"}
    assert set(rep["summary"]["by_category"]) == {"direct_fact", "refuse_out_of_scope", "follow_up"}
    by_id = {c["id"]: c for c in rep["cases"]}
    assert by_id["dev-t03"]["history_turns"] == 2
    for c in rep["cases"]:
        assert {"answer", "answered", "citations", "pass", "fact_pass", "refusal_correct", "latency_ms"} <= set(c)
    assert by_id["dev-t01"]["retrieved"] and by_id["dev-t01"]["retrieval_recall"] is not None
    # The LangChain tutorial baseline, scored on the same cases: it never refuses.
    base = rep["baseline"]
    assert base["info"]["chunks"] > 0 and base["summary"]["overall"]["cases"] == 3
    assert base["summary"]["overall"]["refuses_when_it_should"] == 0.0
    assert all(c["answered"] for c in base["cases"])
    assert "not run: no LLM configured" in rep["llm_judge"]
    md = (run_dir / "report.md").read_text()
    assert "LangChain baseline" in md and "No earlier run to compare with." in md


def test_second_run_compares_and_fails_a_threshold(first_run, cli, eval_index):
    cases, out, run_dir, _ = first_run
    res = cli.run(eval_index, "eval", "--split", "dev", "--cases", str(cases), "--out", str(out), "--no-baseline-pipeline",
                  "--json", "--fail-under", "fact_accuracy=1.01", "--fail-under", "unsupported_citations_max=1000", timeout=600)
    assert res.returncode == THRESHOLD_EXIT_CODE, res.stdout + res.stderr
    assert "threshold FAIL fact_accuracy=1.01" in res.stderr
    summary = json.loads(res.stdout)
    assert summary["comparison"]["previous_run"] == run_dir.name and summary["baseline"] is None
    second = Path(summary["report_dir"])
    rep = json.loads((second / "report.json").read_text())
    assert rep["comparison"]["corpus_version"]["previous"] == rep["corpus_version"]
    assert rep["comparison"]["changed_docs"] == []
    assert rep["ingest"]["added"] == [] and rep["ingest"]["chunks_written"] == 0  # incremental: nothing to do
