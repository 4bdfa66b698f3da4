"""--fail-under thresholds: parsing, checking, and the CLI's exit code 9."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from ofsted_assistant import evaluation
from ofsted_assistant.cli import main
from ofsted_assistant.evaluation import THRESHOLD_EXIT_CODE, check_thresholds, eval_settings, parse_threshold
from ofsted_assistant.settings import Settings


def test_parse_threshold():
    t = parse_threshold("fact_accuracy=0.8")
    assert (t.metric, t.key, t.value, t.upper) == ("fact_accuracy", "fact_accuracy", 0.8, False)
    t = parse_threshold("unsupported_citations_max=0")
    assert (t.key, t.value, t.upper) == ("unsupported_citations", 0.0, True)
    assert parse_threshold("evidence_recall=75%").value == 0.75
    for bad in ("fact_accuracy", "speed=1", "fact_accuracy=high"):
        with pytest.raises(click.BadParameter):
            parse_threshold(bad)


def test_check_thresholds_lower_and_upper_bounds():
    summary = {"fact_accuracy": 0.7, "unsupported_citations": 2, "evidence_recall": None}
    checks = check_thresholds(summary, [parse_threshold(x) for x in
                                        ("fact_accuracy=0.7", "fact_accuracy=0.71", "unsupported_citations_max=2",
                                         "unsupported_citations_max=1", "evidence_recall=0.1")])
    assert [c["ok"] for c in checks] == [True, False, True, False, False]
    assert checks[-1]["why"] == "not measured on this split"


def _fake_report(fact_accuracy: float, unsupported: int) -> dict:
    agg = {"cases": 2, "answerable": 1, "must_refuse": 1, "fact_accuracy": fact_accuracy, "unsupported_citations": unsupported}
    return {"_dir": "/tmp/x", "run_id": "r", "corpus_version": "c", "settings_fingerprint": "s", "llm_judge": "n/a",
            "summary": {"overall": agg, "by_split": {"dev": agg}, "by_category": {}}, "baseline": None, "comparison": None, "cases": []}


@pytest.fixture
def fake_run(monkeypatch):
    calls = {}

    def run(report):
        def fake(settings, **kw):
            calls.update(kw)
            return report

        monkeypatch.setattr(evaluation, "run_eval", fake)
        return calls

    return run


def test_cli_exits_9_and_names_the_failed_threshold(fake_run):
    fake_run(_fake_report(0.6, 3))
    res = CliRunner().invoke(main, ["eval", "--json", "--fail-under", "fact_accuracy=0.5", "--fail-under", "unsupported_citations_max=0"])
    assert res.exit_code == THRESHOLD_EXIT_CODE, res.output
    assert "threshold FAIL unsupported_citations_max=0.0" in res.stderr
    assert "1 threshold(s) failed: unsupported_citations_max" in res.stderr


def test_cli_exits_0_when_thresholds_met(fake_run):
    calls = fake_run(_fake_report(0.9, 0))
    res = CliRunner().invoke(main, ["eval", "--json", "--split", "dev", "--no-baseline-pipeline", "--fail-under", "fact_accuracy=0.8", "--fail-split", "dev"])
    assert res.exit_code == 0, res.output
    assert calls["split"] == "dev" and calls["with_baseline"] is False


def test_cli_rejects_an_unknown_metric_before_running(fake_run):
    calls = fake_run(_fake_report(0.9, 0))
    res = CliRunner().invoke(main, ["eval", "--fail-under", "vibes=1"])
    assert res.exit_code == 2 and "unknown metric 'vibes'" in res.output
    assert calls == {}


def test_fail_split_missing_from_the_run_is_a_usage_error(fake_run):
    fake_run(_fake_report(0.9, 0))
    res = CliRunner().invoke(main, ["eval", "--fail-under", "fact_accuracy=0.5", "--fail-split", "heldout"])
    assert res.exit_code == 2 and "no heldout cases" in res.output


def test_eval_pins_today_unless_set():
    assert eval_settings(Settings(), environ={}).answer.today == evaluation.PINNED_TODAY
    pinned = Settings().replace(**{"answer.today": "2025-01-01"})
    assert eval_settings(pinned, environ={"OFSTED_TODAY": "2025-01-01"}).answer.today == "2025-01-01"
