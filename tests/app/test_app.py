"""The Streamlit app, driven in-process by streamlit.testing.v1.AppTest against a real index of corpus/."""

from __future__ import annotations

import re

import pytest
import yaml

from ofsted_assistant import feedback as fb
from ofsted_assistant.engine import CANNOT_ANSWER
from ofsted_assistant.render import md_unescape

from .conftest import APP

pytestmark = pytest.mark.slow

COLLEAGUE = "Can I bring a colleague to this meeting?"


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assistant_turns(at):
    return [m for m in at.chat_message if m.name == "assistant"]


def texts(block) -> list[str]:
    """Every markdown/caption/alert text inside a block (cards included)."""
    out = [m.value for m in block.markdown] + [m.value for m in block.caption]
    for kind in ("info", "warning", "error", "success"):
        out += [m.value for m in getattr(block, kind)]
    return out


def cards(block) -> list[str]:
    return [v for v in texts(block) if 'class="oa-card' in v]


def card_authorities(block) -> list[str]:
    return [a for v in cards(block) for a in re.findall(r'class="oa-card oa-card-(\w+)"', v)]


def test_first_page_offers_starter_questions(new_app):
    at = new_app()
    labels = [b.label for b in at.button]
    assert COLLEAGUE in labels
    assert len([lbl for lbl in labels if lbl.endswith("?")]) >= 4
    # Sidebar: what the assistant knows, filters, mode, and the not-legal-advice note.
    side = " ".join(texts(at.sidebar))
    assert "Last ingest" in side and "Sources dated" in side
    assert "Official Ofsted" in side and "Commentary" in side and "Union guidance" in side and "News" in side
    assert "not legal advice" in side and "School inspection handbook on gov.uk" in side
    assert [m.value for m in at.sidebar.metric][:1] == ["5"]
    assert at.sidebar.multiselect[0].label == "Kinds of source"
    assert at.sidebar.toggle[0].label == "Include news and union guidance" and at.sidebar.toggle[0].value is True
    assert at.sidebar.radio[0].options == ["Extractive: quotes the sources word for word"]  # no LLM provider set


def test_colleague_question_answers_with_a_source_card(new_app):
    at = ask(new_app(), COLLEAGUE)
    [turn] = assistant_turns(at)
    body = " ".join(texts(turn))
    assert "appropriate person" in body
    assert any("paragraph 118" in c for c in cards(turn))
    card = cards(turn)[0]
    assert "TT Education" in card and "Commentary" in card and "22 February 2024" in card
    assert "<mark>" in card  # the supporting sentence is highlighted
    assert "Sources&#58; TT Education" in body  # the sources' dates line
    assert "over 12 months ago" in body  # the staleness caveat (OFSTED_TODAY=2026-11-23)
    assert len(turn.get("feedback")) == 1
    # the starter buttons are gone once the chat has started
    assert COLLEAGUE not in [b.label for b in at.main.button]


def test_a_typod_question_says_what_was_searched_for(new_app):
    at = ask(new_app(), "can i bring a collegue to meetings with inspecters")
    [turn] = assistant_turns(at)
    body = " ".join(md_unescape(t) for t in texts(turn))
    assert "Searched for \u201ccolleague\u201d (you typed \u201ccollegue\u201d)" in body
    assert "appropriate person" in body
    at = ask(new_app(), COLLEAGUE)
    assert not any("Searched for" in t for t in texts(assistant_turns(at)[0]))


def test_starter_button_asks_the_question(new_app):
    at = new_app()
    next(b for b in at.button if b.label == "How long can an inspection be paused?").click().run()
    assert not at.exception
    [turn] = assistant_turns(at)
    assert "5 working days" in " ".join(texts(turn))
    assert at.chat_message[0].markdown[0].value == "How long can an inspection be paused?"


def test_follow_up_uses_the_conversation(new_app):
    at = ask(new_app(), COLLEAGUE)
    ask(at, "what about governors?")
    turns = assistant_turns(at)
    assert len(turns) == 2
    assert "governors" in " ".join(turns[1].markdown[0].value.lower().split())
    last = at.session_state["messages"][-1]["answer"]
    assert "following on from" in last["standalone_question"] and "colleague" in last["standalone_question"]


def test_refusal_is_shown_as_helpful_information(new_app):
    at = ask(new_app(), "What is the capital of France?")
    [turn] = assistant_turns(at)
    assert not turn.error and not cards(turn)
    [info] = turn.info
    visible = md_unescape(info.value)
    assert visible.startswith(CANNOT_ANSWER)
    assert "gov.uk" in visible and "cover" in visible
    assert len(turn.get("feedback")) == 1


def test_official_only_filter_leaves_out_commentary(new_app):
    question = "What changed in the handbook in January 2024?"
    at = ask(new_app(), question)
    assert "commentary" in card_authorities(assistant_turns(at)[0])

    at = new_app()
    at.sidebar.multiselect[0].set_value(["official"]).run()
    ask(at, question)
    [turn] = assistant_turns(at)
    assert "commentary" not in card_authorities(turn)
    assert "TT Education" not in " ".join(cards(turn))
    assert set(card_authorities(turn)) <= {"official"}
    assert "Using only: Official Ofsted" in " ".join(m.value for m in at.main.caption)


def test_mixed_sources_say_they_give_different_perspectives_and_the_toggle_drops_news(new_app):
    question = "What happened at the education committee inquiry into Ofsted?"
    at = ask(new_app(), question)
    [turn] = assistant_turns(at)
    kinds = set(card_authorities(turn))
    assert "news" in kinds and "official" in kinds
    assert "different perspectives" in " ".join(cards(turn))
    # badges in different colours for different kinds of source
    colours = set(re.findall(r'oa-badge-\w+" style="background:(#[0-9a-f]{6})', " ".join(cards(turn))))
    assert len(colours) == len(kinds)

    at = new_app()
    at.sidebar.toggle[0].set_value(False).run()
    ask(at, question)
    [turn] = assistant_turns(at)
    assert not {"news", "union"} & set(card_authorities(turn))


def test_feedback_is_stored_and_exported_as_an_eval_case(new_app, feedback_path, app_index, cli, tmp_path):
    at = ask(new_app(), COLLEAGUE)
    at.get("feedback")[0].set_value(0).run()  # thumbs down
    assert not at.exception
    at.text_area[0].input("It should also mention paragraph 94 & pre-inspection calls.")
    next(b for b in at.button if b.label == "Send feedback").click().run()
    assert not at.exception
    assert "feedback was saved" in " ".join(texts(assistant_turns(at)[0]))

    [row] = fb.list_feedback(feedback_path)
    assert row["rating"] == "down" and row["question"] == COLLEAGUE
    assert row["comment"] == "It should also mention paragraph 94 & pre-inspection calls."
    assert "appropriate person" in row["answer"]
    assert row["corpus_version"] and row["corpus_version"] != "empty"
    assert row["citations"][0]["doc_id"] == "tt-handbook-updates-jan-2024"
    assert row["created_at"].startswith("20")

    out = tmp_path / "candidates.yaml"
    done = cli.run(app_index.settings, "feedback", "export", "--out", str(out), OFSTED_FEEDBACK_PATH=str(feedback_path))
    assert done.returncode == 0, done.stderr
    [case] = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert case["id"] == f"fb-{row['id']:04d}"
    assert case["question"] == COLLEAGUE and case["history"] == [] and case["category"] == "from_feedback"
    assert case["must_refuse"] is False and case["facts"] == []
    assert {"doc_id": "tt-handbook-updates-jan-2024"} .items() <= case["evidence"][0].items()
    assert any("appropriate person" in e["passage"] for e in case["evidence"])
    assert "down" in case["notes"] and "paragraph 94" in case["notes"]
    # same keys as the hand-written cases
    dev = yaml.safe_load((APP.parent / "eval" / "cases" / "dev.yaml").read_text(encoding="utf-8"))
    assert set(case) == set(dev[0])


def test_missing_index_says_how_to_build_it(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("OFSTED_INDEX_PATH", str(tmp_path / "empty-index"))
    monkeypatch.setenv("OFSTED_FEEDBACK_PATH", str(tmp_path / "fb.sqlite3"))
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    page = " ".join(texts(at.main)) + " ".join(c.value for c in at.code)
    assert "ofsted-assistant ingest" in page and "make run" in page
    assert "isn't built yet" in page
    assert not at.chat_input


def test_an_unusable_question_gets_a_clear_message_not_a_crash(new_app):
    at = ask(new_app(), "Can I bring a colleague\u200b to this meeting?")  # an invisible character
    [turn] = assistant_turns(at)
    [warning] = turn.warning
    assert "couldn't use that question" in md_unescape(warning.value) and "U+200B" in md_unescape(warning.value)
    ask(at, COLLEAGUE)  # the conversation carries on; the bad turn is not history
    assert "appropriate person" in " ".join(texts(assistant_turns(at)[-1]))
    assert at.session_state["messages"][-1]["answer"]["standalone_question"] == COLLEAGUE


def test_questions_are_not_logged(new_app, capfd, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    marker = "Can my colleague Zebediah Quill come to the meeting?"
    ask(new_app(), marker)
    out, err = capfd.readouterr()
    assert "Zebediah" not in out + err + caplog.text
