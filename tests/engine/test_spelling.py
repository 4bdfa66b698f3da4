"""Typo correction: pure unit tests of the speller (real wordfreq data), and the engine on a typo'd question."""

from __future__ import annotations

import pytest

from ofsted_assistant.spelling import Speller, edit_distance

KNOWN = "colleague inspectors inspection deferral paused pause stepped governors safeguarding academies paused passed".split()


@pytest.mark.parametrize(
    "a,b,d",
    [("collegue", "colleague", 1), ("pasued", "paused", 1), ("defferal", "deferral", 2), ("abc", "abc", 0), ("kitten", "sitting", 3)],
)
def test_edit_distance_counts_a_swap_as_one(a, b, d):
    assert edit_distance(a, b, limit=3) == d


def test_edit_distance_stops_past_the_limit():
    assert edit_distance("completely", "different", limit=1) == 2


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("can i bring a collegue to meetings with inspecters?", "can i bring a colleague to meetings with inspectors?"),
        ("can the head ask for a defferal", "can the head ask for a deferral"),
        ("do governers need safegaurding training", "do governors need safeguarding training"),
    ],
)
def test_typos_are_corrected_to_the_documents_words(typed, expected):
    fixed, changes = Speller(KNOWN).correct(typed)
    assert fixed == expected and changes


@pytest.mark.parametrize(
    "question",
    [
        "Can an inspection be stopped halfway through?",  # "stopped" is common English: never "stepped"
        "Does SIAMS count as an inspection?",  # an acronym
        "Did Hartwrite speak to MPs?",  # a capitalised word mid-sentence: probably a name
        "can i tell my partner how it went",
    ],
)
def test_real_words_names_and_acronyms_are_left_alone(question):
    assert Speller(KNOWN).correct(question) == (question, {})


def test_equally_close_words_used_equally_often_are_not_guessed():
    # "pasued" is one edit from "paused" and from "passed": neither is more likely, so no change
    assert Speller(["paused", "passed"]).correct("pasued") == ("pasued", {})
    assert Speller(["paused", "paused", "passed"]).correct("pasued") == ("paused", {"pasued": "paused"})


def test_common_english_words_are_the_fallback():
    assert Speller([], english=["academies"]).correct("is it open to acadmies") == ("is it open to academies", {"acadmies": "academies"})


def test_a_typod_question_gets_the_answer_the_spelt_one_gets(engine):
    typed = "can i bring a collegue to meetings with inspecters"
    a = engine.ask(typed)
    assert a.answered and a.answer.startswith("Yes - ") and "appropriate person" in a.answer
    assert a.corrections == {"collegue": "colleague", "inspecters": "inspectors"}
    assert a.question == typed and "colleague" in a.standalone_question
    assert a.to_json()["corrections"] == a.corrections
    assert engine.ask("Can I bring a colleague to this meeting?").corrections == {}
