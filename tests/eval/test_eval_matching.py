"""Normalisation, fact matching and evidence overlap: the text tests every metric rests on."""

from __future__ import annotations

from ofsted_assistant.evaluation import contains_alternative, match_facts, normalise, numify, passages_overlap

from .conftest import PARA_118


def test_normalise_quotes_dashes_spaces_case():
    raw = "Don\u2019t mention it at \u201cparents\u2019 evenings\u201d \u2013 or\u00a0open\u2014days\n\n  AT ALL"
    assert normalise(raw) == "don't mention it at \"parents' evenings\" - or open-days at all"


def test_numify_number_words():
    assert numify("forty-two out of 132") == "42 out of 132"
    assert numify("up to five working days") == "up to 5 working days"
    assert numify("twenty one") == "21"
    assert numify("thirty years") == "30 years"
    assert numify("someone") == "someone"  # whole words only


def test_fact_alternative_found_case_and_quote_insensitively():
    assert contains_alternative("Remove it from parents\u2019 evenings.", "parents' evenings")
    assert contains_alternative("Remove it from parents' evenings.", "parents\u2019 evenings")
    assert contains_alternative("The ASCL\u2019s conference", "ascl")


def test_fact_digits_and_number_words_are_equivalent():
    assert contains_alternative("Forty-two out of 132 pledges completed", "42")
    assert contains_alternative("it may extend up to 5 working days", "five working days")
    assert not contains_alternative("up to 15 working days", "5 working days")
    assert not contains_alternative("1420 actions", "42")


def test_fact_matches_at_word_starts_only():
    assert contains_alternative("a deferral can be requested", "defer")
    assert not contains_alternative("the mascl group", "ascl")


def test_match_facts_reports_each_fact():
    text = "Attendance is voluntary, and individuals may leave and return at their discretion."
    assert match_facts(text, [["voluntary"], ["leave and return", "leave and come back"]]) == ["voluntary", "leave and return"]
    assert match_facts(text, [["compulsory"], ["voluntary"]]) == [None, "voluntary"]


def test_overlap_by_containment_either_way():
    chunk = "Staff members are permitted to bring colleagues.\n\n" + PARA_118.replace(" ", "  ") + ". More text follows here."
    assert passages_overlap(PARA_118, chunk)
    assert passages_overlap("All staff members can have an appropriate person present during meetings with inspectors (paragraph 118) and more words beyond the chunk", PARA_118)


def test_overlap_by_an_eight_word_run():
    passage = "One two three four five six seven eight nine ten"
    assert passages_overlap(passage, "xx yy three four five six seven eight nine ten zz")  # 8 shared words
    assert not passages_overlap(passage, "xx yy four five six seven eight nine ten zz")  # only 7


def test_overlap_normalises_curly_quotes():
    assert passages_overlap("Don\u2019t mention it at parents\u2019 evenings/open days.", "Remove it. Don't mention it at parents' evenings/open days.")


def test_no_overlap_with_unrelated_text():
    assert not passages_overlap(PARA_118, "The pilot will continue throughout 2026 and feedback from participants will help.")
    assert not passages_overlap("", "anything")
