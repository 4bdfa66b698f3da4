"""A question that reports a rule and asks whether it holds: pure logic, no model."""

from __future__ import annotations

import pytest

from ofsted_assistant.claims import premise_claim, reported_claim


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Is it true heads can now refuse an inspection if staff wellbeing is at risk?",
         "can heads refuse an inspection if staff wellbeing is at risk?"),
        ("I heard staff can now bring a colleague to meetings with inspectors, is that right?",
         "can staff bring a colleague to meetings with inspectors?"),
        ("my friend says heads can now ask for a pause in the inspection, is that true?",
         "can heads ask for a pause in the inspection?"),
        # the context before the rule is not its subject ("so heads can ...")
        ("FYI Ofsted updated the handbook last week so heads can now refuse an inspection outright. Please confirm that's the rule now.",
         "can heads refuse an inspection outright?"),
        ("is it true that the final feedback meeting is compulsory?", "is the final feedback meeting compulsory?"),
        ("our head says we need to prepare a grab bag. is that right?", "do we need to prepare a grab bag?"),
        ("apparently the head has to tell governors first, is that right?", "does the head have to tell governors first?"),
        ("Staff can have someone with them in meetings now, right?", "can staff have someone with them in meetings now?"),
        ("someone told me inspectors can now turn up with no notice at all. please confirm",
         "can inspectors turn up with no notice at all?"),  # "no notice" is what is claimed, not a negated rule
    ],
)
def test_a_reported_rule_is_asked_as_a_yes_no_question(question, asked):
    claim = reported_claim(question)
    assert claim is not None and claim.question == asked


@pytest.mark.parametrize(
    "question",
    [
        "Can staff bring a colleague?",  # already the yes/no question
        "Is it true?",
        # a negated claim: "Yes" to "can staff have anyone ...?" would read as "yes, that's right" to the asker
        "I heard staff can't have anyone with them in meetings, is that right?",
        "I heard staff can no longer have anyone with them, is that true?",
        # the question is the one after the claim
        "I heard staff can bring a colleague. What about governors?",
        "Someone said Ofsted can't afford to pay trust leaders to inspect - how does the new OI pilot handle the money side?",
        # what a named source says is a perspective question, not a rule to confirm
        "The NEU says leaders should stop being inspectors, is that right?",
        # a bare tag confirms only a claim that opens with its rule
        "What a week we've had and the inspectors can be here any day, right?",
    ],
)
def test_other_questions_are_left_alone(question):
    assert reported_claim(question) is None


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Now that the handbook says we're allowed to tell parents our inspection outcome, how should we word the letter home?",
         "are we allowed to tell parents our inspection outcome?"),
        ("since the meeting is compulsory, what happens if I miss it?", "is the meeting compulsory?"),
        ("Given that governors can attend the final feedback meeting, how many can come?",
         "can governors attend the final feedback meeting?"),
        ("Since deferral requests are accepted until 6pm, what should we say?", "are deferral requests accepted until 6pm?"),
        # "now ...", and a rule given by what grants it ("the update lets us ...")
        ("now the jan 2024 handbook update lets us share the outcome with parents straight after the inspection, whats "
         "the best way to word the letter home?", "can we share the outcome with parents straight after the inspection?"),
        # "since the handbook changes, heads can ...", written without its comma: who the rule is about is after "changes"
        ("Since the Jan 2024 handbook changes heads can now sit in when inspectors talk to pupils and parents - should I "
         "be in every pupil voice session?", "can heads sit in when inspectors talk to pupils and parents?"),
    ],
)
def test_a_rule_a_question_takes_for_granted_is_asked_as_a_yes_no_question(question, asked):
    premise = premise_claim(question)
    assert premise is not None and premise.question == asked


@pytest.mark.parametrize(
    ("question", "asked", "sources"),
    [
        # a rule the question says a document states, before it asks what follows ("the handbook update says ... - how ...?")
        ("the handbook update says the deputy has to attend the governors' meeting with the inspector - how do we arrange it?",
         "does the deputy have to attend the governors' meeting with the inspector?", set()),
        # ... after the asker's introduction of themselves
        ("DHT here - the new guidance says teachers must be at the final feedback meeting, which ones?",
         "must teachers be at the final feedback meeting?", set()),
        # ... and a named source's document: checked against that kind of source
        ("the NEU guidance says legally we must keep our grade on letterheads - what's the wording?",
         "must we keep our grade on letterheads?", {"union"}),
    ],
)
def test_a_rule_a_document_is_said_to_state_is_checked_before_what_the_question_asks(question, asked, sources):
    premise = premise_claim(question)
    assert premise is not None and (premise.question, set(premise.sources)) == (asked, sources)


@pytest.mark.parametrize(
    "question",
    [
        "since the head is off sick, can we defer?",  # the asker's circumstances, not a rule
        "since the NEU says leaders should quit, how do I resign?",  # what a named source says: a perspective
        "how should we word the letter home?",  # nothing taken for granted
        "Can staff bring a colleague?",
    ],
)
def test_questions_without_a_rule_taken_for_granted_have_no_premise(question):
    assert premise_claim(question) is None


@pytest.mark.parametrize(
    "question, asked, about",
    [
        ("now that the NEU ballot to boycott ofsted inspections has passed, from what date are heads supposed to refuse "
         "inspectors entry?", "has the NEU ballot to boycott ofsted inspections passed?", "the NEU ballot to boycott ofsted inspections"),
        ("since Ofsted has been abolished, who inspects us?", "has Ofsted been abolished?", "Ofsted"),
        ("now that the NAHT has won its court case, can we refuse inspectors?", "has the NAHT won its court case?", "the NAHT"),
    ],
)
def test_something_a_body_is_said_to_have_done_is_a_premise_too(question, asked, about):
    claim = premise_claim(question)
    assert claim is not None and claim.event and claim.question == asked and claim.about == about


@pytest.mark.parametrize(
    "question",
    [
        "now that the pilot has started, when do they go live?",  # no body's doing
        "since the head has gone off sick, who goes to the feedback meeting?",  # the asker's circumstances
    ],
)
def test_an_event_without_a_body_is_no_premise(question):
    assert premise_claim(question) is None


@pytest.mark.parametrize(
    "question, expected",
    [
        ("someone in the staffroom said the trial visits didn't start until after easter 2025 - is that right?", True),
        ("is it true the trials began in march?", True),
        ("my head reckons the trials only began in the summer of 2025, is that correct?", True),
        ("someone said heads can bring a colleague - is that right?", False),  # no when
        ("when did the trials start in 2025?", False),  # asks when, claims nothing
    ],
)
def test_a_claim_of_when_something_happens_is_told_apart(question, expected):
    from ofsted_assistant.claims import claims_when

    assert claims_when(question) is expected

