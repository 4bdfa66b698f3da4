"""Feedback storage (SQLite) and its export as candidate eval cases (no models)."""

from __future__ import annotations

import threading

import pytest
import yaml
from click.testing import CliRunner

from ofsted_assistant import feedback as fb

CITATION = {
    "n": 1, "doc_id": "tt-handbook-updates-jan-2024", "title": "T", "quote": "Intro. All staff members can have an appropriate person present.",
    "highlights": [[7, 64]],
}


def test_store_creates_parent_folders_and_lists_rows(tmp_path):
    path = tmp_path / "deep" / "er" / "fb.sqlite3"
    assert fb.list_feedback(path) == []
    fb.init(path)
    rid = fb.store(path, question="Q?", answer="A [1]", rating="up", citations=[CITATION], corpus_version="abc", comment="  good  ",
                   answered=True, mode="extractive")
    [row] = fb.list_feedback(path)
    assert row["id"] == rid and row["rating"] == "up" and row["comment"] == "good" and row["answered"] is True
    assert row["citations"] == [CITATION] and row["corpus_version"] == "abc" and row["mode"] == "extractive"
    assert row["created_at"].endswith("+00:00")
    with pytest.raises(ValueError):
        fb.store(path, question="Q", answer="A", rating="meh")


def test_concurrent_writes_are_all_kept(tmp_path):
    path = tmp_path / "fb.sqlite3"

    def write(i):
        for j in range(10):
            fb.store(path, question=f"q{i}-{j}", answer="a", rating="down" if j % 2 else "up")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = fb.list_feedback(path)
    assert len(rows) == 80 and len({r["question"] for r in rows}) == 80
    assert len(fb.list_feedback(path, rating="down")) == 40


def test_export_cli_writes_cases_in_the_eval_schema(tmp_path):
    from ofsted_assistant.cli import main

    path = tmp_path / "fb.sqlite3"
    fb.store(path, question="Can I bring a colleague?", answer="Yes [1]", rating="down", citations=[CITATION],
             corpus_version="v1", comment="missed para 94", answered=True)
    fb.store(path, question="Capital of France?", answer="The documents I have don't answer that.", rating="up", answered=False)
    out = tmp_path / "out" / "cases.yaml"
    res = CliRunner().invoke(main, ["feedback", "export", "--db", str(path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    cases = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [c["id"] for c in cases] == ["fb-0001", "fb-0002"]
    first = cases[0]
    assert first == {
        "id": "fb-0001",
        "question": "Can I bring a colleague?",
        "history": [],
        "category": "from_feedback",
        "must_refuse": False,
        "facts": [],
        "evidence": [{"doc_id": "tt-handbook-updates-jan-2024", "passage": "All staff members can have an appropriate person present."}],
        "notes": first["notes"],
    }
    assert "rated down" in first["notes"] and "missed para 94" in first["notes"] and "v1" in first["notes"]
    assert "refused" in cases[1]["notes"] and cases[1]["evidence"] == []

    res = CliRunner().invoke(main, ["feedback", "export", "--db", str(path), "--rating", "up"])
    assert res.exit_code == 0
    assert [c["id"] for c in yaml.safe_load(res.stdout)] == ["fb-0002"]


def test_export_reads_the_feedback_path_setting_and_copes_with_no_feedback(tmp_path, monkeypatch):
    from ofsted_assistant.cli import main

    monkeypatch.setenv("OFSTED_FEEDBACK_PATH", str(tmp_path / "none.sqlite3"))
    res = CliRunner().invoke(main, ["feedback", "export"])
    assert res.exit_code == 0
    assert yaml.safe_load(res.stdout) == []
    res = CliRunner().invoke(main, ["feedback", "list"])
    assert "No feedback yet" in res.output
