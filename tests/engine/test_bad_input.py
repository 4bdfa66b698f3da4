"""Bad questions and a missing or unreachable index give one-line errors with distinct exit codes."""

from __future__ import annotations

import socket

import pytest

from ofsted_assistant.errors import BadQuestion, IndexMissing, IndexUnavailable
from ofsted_assistant.guard import validate_question


@pytest.mark.parametrize(
    "question,fragment",
    [("", "empty"), ("   \n\t ", "empty"), ("x" * 2001, "limit is 2000"), ("hello\x07 there", "control"), ("?!?", "no words")],
)
def test_validate_question_rejects(question, fragment):
    with pytest.raises(BadQuestion) as exc:
        validate_question(question)
    assert fragment in exc.value.message


def test_validate_question_normalises_whitespace():
    assert validate_question("  Can I   bring a colleague?\n") == "Can I bring a colleague?"


@pytest.mark.parametrize("question", ["", "   ", "a" * 2500, "bad\x07bell"])
def test_cli_bad_question_exit_code(cli, shipped_settings, question):
    r = cli.run(shipped_settings, "ask", question)
    assert r.returncode == BadQuestion.exit_code
    assert r.stderr.startswith("Error: ")
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_cli_no_index_names_the_ingest_command(cli, settings_factory, tmp_path):
    settings = settings_factory(tmp_path / "corpus")
    r = cli.run(settings, "ask", "Can I bring a colleague to this meeting?")
    assert r.returncode == IndexMissing.exit_code
    assert "ofsted-assistant ingest" in r.stderr and "Traceback" not in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_server_down(cli, settings_factory, tmp_path):
    settings = settings_factory(tmp_path, **{"index.chroma_host": "127.0.0.1", "index.chroma_port": _free_port()})
    r = cli.run(settings, "ask", "Can I bring a colleague to this meeting?", timeout=120)
    assert r.returncode == IndexUnavailable.exit_code
    assert "chroma run" in r.stderr and "Traceback" not in r.stderr


def test_cli_json_and_batch(cli, shipped_settings, tmp_path):
    import json

    r = cli.run(shipped_settings, "ask", "--json", "Can I bring a colleague to this meeting?", OFSTED_TODAY="2026-11-23")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["answered"] and d["citations"][0]["quote"]
    batch = tmp_path / "qs.txt"
    batch.write_text("Can I bring a colleague to this meeting?\n\nWhat is the capital of France?\n" + "x" * 2100 + "\n")
    r = cli.run(shipped_settings, "ask", "--batch", str(batch))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [line.get("answered") for line in lines[:2]] == [True, False]
    assert lines[2]["exit_code"] == BadQuestion.exit_code


@pytest.mark.parametrize("content,fragment", [("not json", "is not JSON"), ('{"role": "user"}', "is not a list of turns"),
                                              ('[{"role": "user", "content": 3}]', "is not a list of turns")])
def test_cli_broken_history_file_is_a_one_line_error(cli, shipped_settings, tmp_path, content, fragment):
    # a --history file that is not a JSON list of {role, content} turns: one line saying the shape wanted, no traceback
    turns = tmp_path / "turns.json"
    turns.write_text(content)
    r = cli.run(shipped_settings, "ask", "--history", str(turns), "what's the cut-off time?")
    assert r.returncode == BadQuestion.exit_code, r.stderr
    assert fragment in r.stderr and '"role": "user"' in r.stderr and "leave out --history" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    # ... and a good one is read as the conversation
    turns.write_text('[{"role": "user", "content": "can we ask for a deferral?"}]')
    r = cli.run(shipped_settings, "ask", "--history", str(turns), "what's the cut-off time?")
    assert r.returncode == 0 and r.stdout.startswith("4.30 pm"), r.stdout + r.stderr
