"""Yes/no polarity, false premises, multi-part questions and staff phrasing: pure logic, no model."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ofsted_assistant.answer import ANSWER_TYPES, question_parts, resolved_parts, yes_no_lead
from ofsted_assistant.polarity import contradicted_premise, is_yes_no, polarity
from ofsted_assistant.retrieval import expand_query


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Can I bring a colleague?", "All staff members can have an appropriate person present.", 1),
        ("Can staff sit in on meetings with parents?", "Staff members should not be present for meetings with parents.", -1),
        # obligation answered by "voluntary" is a No, though the sentence has no negation
        ("Is the final feedback meeting compulsory?", "Attendance at the final feedback meeting is voluntary.", -1),
        ("Do I have to attend the final feedback meeting?", "Attendance is voluntary, and individuals may leave.", -1),
        ("Do I have to attend?", "You must attend.", 1),
        ("Do I have to attend?", "You are not required to attend.", -1),
        ("Do I have to attend?", "You can bring a colleague.", 0),  # says nothing about the obligation
        # what must not happen is not required; what the source says to remove need not be kept
        ("Does the head have to sit in on the governors' meeting?", "Staff members should not be present for meetings with governors.", -1),
        ("Do we have to keep our grade on the gates?", "Remove all references to your school's Ofsted grading from banners.", -1),
        ("Do we have to remove our grade from the gates?", "Remove all references to your school's Ofsted grading from banners.", 0),
        ("Is attendance optional?", "Attendance is voluntary.", 1),
        ("Is attendance optional?", "Attendance is compulsory.", -1),
        ("Should heads become inspectors?", "We urge you to step down from serving as Ofsted inspectors.", -1),
        ("Can't I bring someone?", "All staff can have an appropriate person present.", 0),  # negated question: ambiguous
        # the asked act as a noun the sentence goes on to refuse ("requests ... are typically not considered")
        ("Can we request a deferral after 4.30?", "Deferral requests made after 4.30 pm on the notification day are typically not considered.", -1),
        ("Can we request a deferral?", "Headteachers can request a deferral during the initial phone call.", 1),
        # the state asked of the subject, said in the sentence: a "not" elsewhere in it is about something else
        ("Are trust inspections inevitable?", "Rollett agreed they were inevitable at some point, but said it was important "
         "that that is not just about creating a system of trust inspection.", 1),
        ("Is the pilot open?", "The pilot is not open to all schools.", -1),
        ("Is attendance voluntary?", "Attendance is not voluntary.", -1),
        # ... and a sentence that does not say it gives no verdict
        ("Are OIs serving heads?", "Inspections bring together HMI and contracted Ofsted Inspectors (OIs).", 0),
        # asking whether it is forbidden is asking whether it is allowed, the other way round
        ("Is it against the rules to tell parents the outcome?", "You are not permitted to share it with parents.", 1),
        ("Are we banned from telling our families?", "You can communicate inspection outcomes with family members.", -1),
    ],
)
def test_polarity(question, sentence, expected):
    assert polarity(question, sentence) == expected


def _cand(text, lex=1.0, score=1.0, hit=None):
    hit = hit or SimpleNamespace(chunk=SimpleNamespace(heading_path=()))
    return SimpleNamespace(text=text, lex=lex, score=score, hit=hit)


def test_yes_no_lead_holds_back_when_a_close_sentence_says_no_about_what_was_asked():
    hit = SimpleNamespace(chunk=SimpleNamespace(heading_path=("Communicating outcomes",)))
    chosen = [
        _cand("You can communicate inspection outcomes with colleagues, family members and medical advisers.", 0.65, 0.65, hit),
        _cand("However, you are not permitted to make this information public or share it with parents.", 0.84, 0.62, hit),
    ]
    assert yes_no_lead("Can I tell parents the inspection outcome?", chosen) == ""


def test_yes_no_lead_keeps_yes_when_the_no_is_about_something_else():
    chosen = [
        _cand("All staff members can have an appropriate person present during meetings with inspectors.", 1.0, 0.69),
        _cand("Staff members should not be present for meetings between inspectors and parents.", 1.0, 0.68),
    ]
    assert yes_no_lead("Can I bring a colleague to this meeting?", chosen) == "Yes"


def test_yes_no_lead_needs_a_sentence_about_the_question():
    assert yes_no_lead("Can I bring a colleague?", [_cand("Unrelated sentence about pilots", lex=0.1)]) == ""
    assert yes_no_lead("Can I bring a colleague?", []) == ""


@pytest.mark.parametrize(
    ("question", "sentence", "kwargs", "fragment"),
    [
        ("Since the final feedback meeting is compulsory now, how do we cover lessons?",
         "Attendance at the final feedback meeting is voluntary.", {}, "voluntary, not compulsory"),
        ("Why is the final feedback meeting mandatory for governors?",
         "Attendance at the final feedback meeting is voluntary.", {}, "voluntary, not mandatory"),
        ("Ofsted says all 132 actions are done - what were the last ones?",
         "Forty-two out of 132 pledges completed so far.", {"near": False}, "forty-two out of 132"),
        ("how much is the inspection fee for OIs?", "Under this new model, there is no separate inspection fee.", {}, "no separate inspection fee"),
        ("Why does the NEU want more heads to become Ofsted inspectors?",
         "We urge you to step down from serving as Ofsted inspectors.", {"named_source": True}, "step down"),
        ("Why is the union encouraging members to sign up as inspectors?",
         "We urge you to step down from serving as Ofsted inspectors.", {"named_source": True}, "step down"),
        # making much of something the source says to take away
        ("why did the NEU tell school leaders to make more of their ofsted grade on gate banners?",
         "Remove all references to your school's Ofsted grading from banners on your school gates and letter heads.",
         {"named_source": True}, "remove"),
        # the fee claimed before the question that asks about it
        ("I heard OIs on the pilot get a bigger inspection fee than normal OIs - how much extra is it per inspection?",
         "Under this new model, there is no separate inspection fee.", {}, "no separate inspection fee"),
        # further down the ranking, when the question names all of it ("per-inspection fee": an inspection fee)
        ("as ofsted now pays a per-inspection fee on top of your salary, how should I negotiate with my trust?",
         "Under this new model, there is no separate inspection fee.", {"near": False}, "no separate inspection fee"),
        ("how much is the inspection fee?", "There is no separate inspection fee.", {"near": False}, "no separate inspection fee"),
    ],
)
def test_contradicted_premises_are_caught(question, sentence, kwargs, fragment):
    why = contradicted_premise(question, sentence, **kwargs)
    assert why and fragment in why


@pytest.mark.parametrize(
    ("question", "sentence", "kwargs"),
    [
        # a yes/no question asks; it takes nothing for granted
        ("Is the final feedback meeting compulsory?", "Attendance at the final feedback meeting is voluntary.", {}),
        # "what do I have to do" is a real question, not an asserted obligation
        ("What do I have to do at the final feedback meeting?", "Attendance is voluntary.", {}),
        # a far-down sentence does not refute, except for the exact "all N" / "M out of N" check, or one that
        # says there is none of the very thing the question names in full (below)
        ("how much is the fee?", "There is no separate inspection fee.", {"near": False}),
        # joining vs leaving only counts for the source the question names
        ("Why does Ofsted want heads to become inspectors?", "We urge you to step down as inspectors.", {"named_source": False}),
        # the joining is another source's wish: "the union tells heads to stop inspecting but Ofsted is begging us to sign up"
        ("the union is telling heads to stop inspecting but ofsted is begging us to sign up. what's each side saying?",
         "We urge you to step down from serving as Ofsted inspectors.", {"named_source": True}),
        # asking what a source says about the grade on banners asserts nothing about what it wants
        ("what does the NEU say about our grade on banners?",
         "Remove all references to your school's Ofsted grading from banners on your school gates.", {"named_source": True}),
        # asking what a source says about joining asserts nothing about what it wants
        ("What do Ofsted and the NEU each say about serving leaders becoming inspectors?",
         "We urge you to step down from serving as Ofsted inspectors.", {"named_source": True}),
        ("Ofsted says all 132 actions are done - what were the last ones?", "132 out of 132 completed.", {}),
        # asking what is required or compulsory is a real question, not an asserted obligation
        ("What is required of the headteacher during the final feedback meeting?", "Schools have the option to request leaders.", {}),
        ("Who is required to attend the end-of-day meetings?", "Attendance is voluntary.", {}),
        ("Which staff are compulsory at the final feedback meeting?", "Attendance is voluntary.", {}),
        # "all N" without saying they are done takes nothing for granted
        ("What are all 132 Big Listen actions?", "Forty-two out of 132 pledges completed so far.", {"near": False}),
        ("all 132?", "Forty-two out of 132 pledges completed so far.", {}),
        ("What happens if no governors can attend?", "There is no time for governors.", {}),
    ],
)
def test_questions_that_assert_nothing_false_are_not_refused(question, sentence, kwargs):
    assert contradicted_premise(question, sentence, **kwargs) is None


def test_is_yes_no():
    assert is_yes_no("Can I bring a colleague?") and is_yes_no("so is it compulsory?")
    assert not is_yes_no("Why is it compulsory?") and not is_yes_no("Since it is compulsory, what now?")


def test_question_parts():
    assert question_parts("how much notice do we get and how long are they in for?") == [
        "how much notice do we get", "how long are they in for"]
    assert question_parts("Should I sign up? what do Ofsted and the union each say?") == [
        "Should I sign up", "what do Ofsted and the union each say"]
    assert question_parts("who, where and when?") == ["who, where and when"]  # one question, several asks
    assert question_parts("Can I bring a colleague?") == ["Can I bring a colleague"]
    # a claim, then the question about it: each is looked up
    assert question_parts("Someone said Ofsted can't afford to pay trust leaders - how does the OI pilot handle money?") == [
        "Someone said Ofsted can't afford to pay trust leaders", "how does the OI pilot handle money"]
    assert question_parts("Is the end-of-day meeting compulsory?") == ["Is the end-of-day meeting compulsory"]  # hyphens are not dashes
    # lettered or numbered items: each with what is asked of them all
    assert question_parts("is early years part of (a) the new framework pilots and (b) the OI pilot?") == [
        "is early years part of the new framework pilots", "is early years part of the OI pilot"]
    assert question_parts("can staff bring a colleague (e.g. a union rep)?") == ["can staff bring a colleague (e.g. a union rep)"]
    # who asks is not a question of its own; the setting they name belongs to each part
    assert question_parts("governor here - what are the aims? and how will they show progress?") == [
        "what are the aims", "and how will they show progress"]
    assert question_parts("FE college VP here - is the pilot open to us? and when does it start?") == [
        "is the pilot open to us (FE college)", "and when does it start (FE college)"]


def test_a_later_parts_bare_they_is_resolved():
    """A part is searched by its own words: "how long are they in for" alone finds nothing about inspections."""
    assert resolved_parts(["how much notice do we get", "how long are they in for"]) == [
        "how much notice do we get", "how long are inspectors in for"]
    assert resolved_parts(["what do unions want", "how long have they campaigned"]) == [
        "what do unions want", "how long have unions campaigned"]
    # "they" with its own antecedent, or in the first part, is left alone
    assert resolved_parts(["how long do inspectors say they stay", "who pays"]) == ["how long do inspectors say they stay", "who pays"]
    assert resolved_parts(["are they coming", "when"]) == ["are they coming", "when"]
    # what the questions are about, said before them ("keep hearing about 'report cards' - what are they meant to
    # replace?"), is what "they" are, not inspectors
    parts = question_parts("keep hearing about 'report cards' - what are they meant to replace, and does the union rate them?")
    assert resolved_parts(parts) == ["what are report cards meant to replace ('report cards')",
                                     "does the union rate report cards ('report cards')"]
    # a body that speaks as one is a "they" too ("does the NEU want ...? what are they asking for"), and what it
    # wants is the thing an earlier part named, as is "that idea"
    assert resolved_parts(["does the NEU want inspections to carry on as normal", "what are they asking for"]) == [
        "does the NEU want inspections to carry on as normal", "what are neu asking for"]
    assert resolved_parts(["the union guidance mentions 'report cards'", "where did that idea come from",
                           "i read labour wanted them"]) == [
        "the union guidance mentions 'report cards'", "where did report cards come from", "i read labour wanted report cards"]


def test_a_hyphenated_length_is_a_duration():
    assert ANSWER_TYPES["duration"].search("inspectors were already struggling with two-day inspections")
    assert ANSWER_TYPES["duration"].search("a 5-day window")


@pytest.mark.parametrize(
    ("question", "added"),
    [
        ("can we ask them to push it back?", "deferral"),
        ("Is Ofsted getting rid of single-word judgements?", "graded judgments"),
        ("can I bring my union rep?", "present"),
        ("can we put the inspection off?", "deferral"),
        ("how many had they done?", "completed"),
        ("how does the pilot handle the money side?", "fee"),
        ("do I have to sit through the final meeting?", "attend"),
        ("para 118", "paragraph 118"),
        ("who is the HMCI?", "chief inspector"),
        ("can an inspection be put on hold?", "pause"),
        ("how does ofsted bring in part-time inspectors?", "contracted ofsted inspectors"),
    ],
)
def test_staff_phrasing_is_expanded_to_the_documents_words(question, added):
    assert added in expand_query(question).lower()
    assert expand_query("What is the Big Listen?") == "What is the Big Listen?"


def test_existence_questions():
    from ofsted_assistant.polarity import existence

    q = "Is there a fee to become an OI?"
    assert existence(q, "Under this new model, there is no separate inspection fee.") == -1
    assert existence(q, "Becoming an OI offers clear professional value.") == 0  # says nothing of a fee
    assert existence(q, "A fee of 50 pounds is charged.") is None  # speaks of it: the general rule decides
    assert existence("Can I bring a colleague?", "anything") is None


def test_asked_role_and_action():
    from ofsted_assistant.polarity import asked_role_and_action, mentions_role

    assert asked_role_and_action("Can governors request a pause?") == ("governor", "request")
    assert asked_role_and_action("Can I record the meeting?") == (None, "record")
    assert asked_role_and_action("Can the lead inspector defer an inspection?") == ("inspector", "defer")
    assert asked_role_and_action("Is the head allowed to refuse?") == ("headteacher", None)
    assert asked_role_and_action("What can governors do?") == (None, None)
    # the subject's own phrase is not the act, and after "get" the act is the noun
    assert asked_role_and_action("Will OIs from the pilot get the same training?") == ("inspector", "train")
    assert asked_role_and_action("Will OIs in the pilot be trained the same?") == ("inspector", "train")
    assert asked_role_and_action("Do we get paid extra?") == (None, "paid")
    # being in a place is being present; a clause after the subject is not the act
    assert asked_role_and_action("Can staff be in the room when inspectors talk to pupils?") == ("staff", "present")
    assert asked_role_and_action("Can staff from the trust when asked join?") == ("staff", None)
    # a subject that is no role: the verb after it is still the act
    assert asked_role_and_action("Does Ofsted inspect universities?") == (None, "inspect")
    assert asked_role_and_action("Can the school refuse to let inspectors in?") == (None, "refus")
    assert asked_role_and_action("Can our trust CEO come to the end-of-day meetings?") == (None, "come")
    assert asked_role_and_action("Can the final feedback meeting be recorded?") == (None, "record")
    # a word for a person is part of the subject, not the act
    assert asked_role_and_action("did the CST bloke think it'd be hard to recruit?") == (None, "think")
    assert asked_role_and_action("did the NAHT guy say notice was too short?") == (None, "say")
    # "get <thing> <done>": what is done is the act, not the thing
    assert asked_role_and_action("Can a school get its grade changed after a complaint?") == (None, "chang")
    assert not mentions_role("Headteachers can request a pause", "teacher")
    assert mentions_role("Heads can request a pause", "headteacher")


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # a list's items are statements of their own: item 3's "not" does not answer the intro's question
        ("Can we contact Ofsted after the inspection?",
         "Schools have the option to contact Ofsted on the working day following the inspection to: 1. Raise informal "
         "concerns 2. Inquire about the next steps 3. Highlight anything that may not have been fully considered", 1),
        # the no must be said of the asked act
        ("Can an independent inspector investigate the concerns?",
         "An independent inspector, not involved in the initial inspection, will then investigate these concerns.", 1),
        ("Can staff be present for meetings with parents?",
         "Staff members should not be present for meetings between inspectors and parents.", -1),
    ],
)
def test_polarity_reads_the_no_where_it_is_said(question, sentence, expected):
    assert polarity(question, sentence) == expected


def test_no_yes_or_no_from_a_sentence_about_another_act():
    # "head" -> "headteacher" names the person; it is not the act ("refuse") the question asks about
    chosen = [_cand("Headteachers can have other staff members present during pre-inspection calls.", 1.0, 1.0)]
    assert yes_no_lead("Can the head refuse to have an inspection?", chosen) == ""
    assert yes_no_lead("Can I bring a colleague to this meeting?",
                       [_cand("All staff members can have an appropriate person present during meetings.", 1.0, 1.0)]) == "Yes"


def test_no_yes_or_no_to_an_only_question():
    # "others may be invited" is not a Yes to "only for the head?"; polarity cannot read exclusivity
    chosen = [_cand("Schools have the option to request the presence of other leaders during the final feedback session.", 1.0, 1.0)]
    assert yes_no_lead("Is the final feedback meeting only for the head?", chosen) == ""
    assert yes_no_lead("Is it just for the head?", chosen) == ""


def test_a_comparison_needs_a_sentence_that_makes_it():
    salaries = [_cand("There are practical things here about Ofsted's ability to match salaries that trust execs earn.", 1.0, 1.0)]
    assert yes_no_lead("Are trust leaders paid the same as their salaries when inspecting?", salaries) == ""
    trained = [_cand("OIs recruited through the pilot will continue to be trained to the same high standards as existing OIs.", 1.0, 1.0)]
    assert yes_no_lead("Will pilot OIs be trained to the same standards?", trained) == "Yes"


def test_what_is_compared_with_is_not_the_object():
    from ofsted_assistant.polarity import asked_object

    assert asked_object("Will OIs from the pilot get the same training as other inspectors?") == []
    assert asked_object("Can I bring my union rep to the meeting?") == ["union", "rep"]


def test_a_rule_is_about_the_people_named_before_it():
    from ofsted_assistant.polarity import role_is_subject

    s = "Staff members should not be present for meetings between inspectors and parents, pupils, or governors."
    assert role_is_subject(s, "staff")
    assert not role_is_subject(s, "governor")  # not "governors may not meet inspectors"
    # a rule for all staff is a rule for each member of staff, not for who they meet
    assert role_is_subject(s, "headteacher") and role_is_subject(s, "deputy") and role_is_subject(s, "teacher")
    assert not role_is_subject(s, "parent")
    assert not role_is_subject("Headteachers can request a pause.", "staff")  # ... and not the other way round
    assert role_is_subject("Inviting as many available governors as possible is recommended.", "governor")
    assert role_is_subject("Headteachers can request a pause.", "headteacher")
    assert not role_is_subject("Headteachers can request a pause.", "parent")


def test_a_has_question_asks_about_its_verb():
    from ofsted_assistant.polarity import asked_role_and_action

    assert asked_role_and_action("has Ofsted finished the Big Listen actions?") == (None, "finish")
    assert asked_role_and_action("Have they started the trials?") == (None, "start")


def test_a_premise_that_something_was_removed_is_contradicted_by_it_still_holding():
    still = "As previously, deferral requests made after 4.30 pm on the notification day are typically not considered."
    why = contradicted_premise("since they scrapped the 4.30pm cut-off, when should we ask for a deferral?", still)
    assert why and "still applies" in why
    # nothing of what was removed is in the sentence, or the sentence does not say it still holds
    assert contradicted_premise("since they scrapped single-word judgments, what do reports say?", still) is None
    assert contradicted_premise("since they scrapped the 4.30pm cut-off, when should we ask?",
                                "Deferral requests made after 4.30 pm are not considered.") is None


def test_a_deputy_or_assistant_head_is_not_the_head():
    from ofsted_assistant.polarity import asked_role_and_action
    assert asked_role_and_action("can a deputy head request a deferral?") == ("deputy", "request")
    assert asked_role_and_action("can an assistant head attend?")[0] == "deputy"
    assert asked_role_and_action("can the lead inspector request a pause?")[0] == "inspector"
    assert asked_role_and_action("can the head request a pause?")[0] == "headteacher"


@pytest.mark.parametrize(
    ("question", "obj"),
    [
        # a verb that only leads to the act: "want to see X" acts on X, as "see X" does
        ("do they want to see every DBS certificate?", ["dbs", "certificate"]),
        ("do inspectors expect to see lesson plans?", ["lesson", "plans"]),
        # "every", "each": determiners, not what is acted on
        ("will they check every staff file?", ["staff", "file"]),
        # without "to", the verb is the act ("do they want lesson plans?")
        ("do inspectors want lesson plans?", ["lesson", "plans"]),
    ],
)
def test_the_object_of_the_act_a_question_asks_about(question, obj):
    from ofsted_assistant.polarity import asked_object

    assert asked_object(question) == obj
