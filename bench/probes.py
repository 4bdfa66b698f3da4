"""Probe questions written during development (not eval cases, not scored for facts): out-of-scope questions
that use inspection words, which should be declined, and in-scope questions in staff's words, which should be
answered. Counts how many are declined / answered, so the figures quoted in docs/evaluation.md can be
repeated. Like the dev split, these were used to develop the engine: they are not held-back evidence.

    .venv/bin/python bench/probes.py            # the development probes
    .venv/bin/python bench/probes.py --fresh    # the second set (counts only until the third was written)
    .venv/bin/python bench/probes.py --third    # the third set (counts only until the fourth was written)
    .venv/bin/python bench/probes.py --fourth   # the fourth set: counts only

Writes docs/bench/probes-<timestamp>.json (each question, whether it was answered, the refusal kind and
evidence); asserts nothing.
"""

from __future__ import annotations

import json
import sys

from _common import OUT_DIR, ROOT, machine, utc_stamp

from ofsted_assistant.engine import Engine  # noqa: E402
from ofsted_assistant.settings import Settings  # noqa: E402

#: Should be declined: the documents do not answer them, though they use inspection words.
OUT_OF_SCOPE = [
    'How much does an Ofsted inspector get paid per day?',
    "What's the process for appealing an Ofsted grade at tribunal?",
    'How often are childminders inspected?',
    'What are the new report card grades called?',
    'When is the next Big Listen survey?',
    'Does Ofsted inspect universities?',
    "What happens to a school's funding if it is rated inadequate?",
    'How many HMI does Ofsted employ?',
    "Can parents request an inspection of their child's school?",
    "What's the pass mark for the OI training?",
    'What does Estyn do in Wales?',
    'What are the safeguarding requirements for school trips?',
    'Who is the education secretary?',
    'How long does an academy conversion take?',
    'Does the NEU offer legal cover for members during inspections?',
    'How are early years settings graded?',
    'What time do inspectors arrive on day one?',
    'What is the budget of the Ofsted Academy?',
    'How many schools were judged inadequate last year?',
    'What is the maximum class size in primary schools?',
]

#: Should be answered from the documents.
IN_SCOPE = [
    'Who can be in the room when inspectors meet staff?',
    'Is attendance at the final feedback meeting optional?',
    'What happens if the head is away when the call comes?',
    'How long can a pause in an inspection go on for?',
    'Who decides whether to pause an inspection?',
    'What is the Big Listen?',
    'How many actions did Ofsted commit to after the Big Listen?',
    'What did Dame Christine Gilbert recommend?',
    'When will trials of the new inspection approach begin?',
    'What is the OI pilot?',
    'Will OIs from the pilot get the same training as other inspectors?',
    'Who pays for the staff time of OIs in the pilot?',
    'What does the NEU say about putting Ofsted grades on banners?',
    'Why does the NEU want leaders to stop being inspectors?',
    'What did the CST say about Ofsted doing school improvement?',
    'What is a grab bag?',
    'Can I tell my family about the inspection outcome?',
    "What is Ofsted doing about headteachers' wellbeing during inspections?",
    'Which settings will be in the formal pilot of the new approach?',
    'What did Labour promise about Ofsted?',
    'how many OIs are they hoping to recruit?',
    'what time do we have to ask for a deferral by?',
]

#: A second set, written at the start of the 2026-11-24 afternoon session before any change that session and run
#: only for its counts (`--fresh`): a check on whether that session's changes generalise beyond the set above.
FRESH_OUT_OF_SCOPE = [
    'How long do schools wait for their inspection report to be published?',
    'What grading scale will the new framework use?',
    'When will the second Big Listen monitoring report come out?',
    'How many schools volunteered for the January trials?',
    'What did the coroner conclude about Ruth Perry?',
    "Can inspectors look at staff's personal social media?",
    'Do teachers get paid extra during an inspection week?',
    'What is the closing date for responses to the consultation?',
    'How many inspectors come on a typical primary school inspection?',
    'Is there a dress code for Ofsted inspectors?',
    'What time does the lead inspector usually phone the school?',
    'How much did the Big Listen cost?',
    'Does Ofsted inspect nurseries in Scotland?',
    'How many OIs are in the first cohort of the pilot?',
    "What is the chief inspector's salary?",
    'Can a school get its grade changed after a complaint?',
    'Can a headteacher refuse to let inspectors in?',
    'How often are academies inspected?',
    'What training do governors get before an inspection?',
    'Who replaces the lead inspector if they fall ill?',
]
FRESH_IN_SCOPE = [
    'Can my deputy listen in on the phone call with the inspector?',
    'Do we have to stay for the feedback meeting at the end?',
    'Who looks into our concerns after the inspection is over?',
    'How late in the day can we ask for the inspection to be deferred?',
    'What happened at the mental health briefing in January?',
    'Who announced the OI pilot and where?',
    'How many of the Big Listen actions are finished?',
    'What are the three core objectives in the Big Listen response?',
    'When do the trials of the new inspection start?',
    'Which days of the week does an inspection usually fall on?',
    'Do OIs in the pilot get an inspection fee?',
    'What did the CST say about inspecting trusts?',
    'Can staff sit in when inspectors talk to parents?',
    "What does the NEU say about mentioning our grade at parents' evenings?",
    'What is a pause in an inspection?',
    'What did the Gilbert review say Ofsted should produce?',
    'What does the union say we should focus on for inclusion?',
    'Is Ofsted thinking of using OI peer groups in early years too?',
    "Who do we call if we can't sort things out with the lead inspector?",
    'Can I share the inspection result with my doctor?',
]

#: A third set, written at the start of the 2026-11-24 evening session before any change that session (from then on
#: the fresh set above is used for development too) and run only for its counts (`--third`).
THIRD_OUT_OF_SCOPE = [
    "How many days' notice do independent schools get before an inspection?",
    'Will OIs in the pilot be paid mileage?',
    'What qualifications do I need to become an Ofsted Inspector?',
    'How do I apply to join the OI pilot?',
    'What happens if an inspection finds a safeguarding failure?',
    'How long does it take to finalise a report after a complaint?',
    'What role does the education committee have in appointing the chief inspector?',
    "What is the NAHT's position on report cards?",
    'What did Ian Hartwright say about report cards?',
    "How much does Ofsted contribute to employers' costs for pilot OIs?",
    'Which multi-academy trusts have signed up to the pilot?',
    'What are the four strands in the current framework?',
    'What is the phone number for the Ofsted complaints helpline?',
    'What percentage of schools are rated outstanding?',
    'Can a school be inspected during exam season?',
    'How does Ofsted look after the wellbeing of its own inspectors?',
    'Who chairs the education select committee now?',
    'What will replace single-word judgements in early years?',
    'How many pupils are interviewed during a typical inspection?',
    'Can a school appeal against a decision not to pause an inspection?',
]
THIRD_IN_SCOPE = [
    'Can I ask for the inspection to be put off?',
    'Is our union telling heads to quit being inspectors?',
    'If things go wrong during the inspection who can I ring?',
    'Can our trust CEO come to the end-of-day meetings?',
    'Are we allowed to tell parents our inspection result before the report is out?',
    'What fraction of the Big Listen actions were done by December 2024?',
    'Where will the new approach be piloted besides schools?',
    'What kinds of organisations are the OI peer groups drawn from?',
    'When are the pilot OIs expected to start doing real inspections?',
    'What did the NAHT rep tell MPs about the notice schools get?',
    'Why was the CST worried about inspectors checking plans they wrote themselves?',
    'Will my school get anything back if I become an OI in the pilot?',
    'What does the union want heads to do about the Ofsted grade on our letterheads?',
    'Is mental health going to be part of inspections now?',
    'What kinds of incidents can lead to an inspection being paused?',
    'What can we raise with Ofsted the day after the inspection finishes?',
    'Why did the CST think trust inspections might be hard to staff?',
    'What is the Beyond Ofsted Inquiry calling for?',
    'Is further education part of the OI pilot?',
    "Did Ofsted accept Gilbert's recommendation for a single improvement plan?",
]

#: A fourth set, written at the start of the 2026-11-24 night session before any change that session (from then on
#: the third set above is used for development too) and run only for its counts (`--fourth`).
FOURTH_OUT_OF_SCOPE = [
    'What is the deadline to apply for the next OI cohort?',
    'How many questions are in the consultation on the renewed framework?',
    'What will the report card grades look like?',
    'Which schools took part in the January trial visits?',
    'How many complaints did Ofsted receive last year?',
    "What does the coroner's report say about Ofsted?",
    "Is Sir Martyn Oliver's contract being renewed?",
    "What is the NASUWT's view on the OI pilot?",
    'How much is an OI paid per inspection outside the pilot?',
    'Can a deferred inspection be deferred again?',
    'What does paragraph 200 of the handbook say?',
    'What evidence do inspectors need to downgrade a school to inadequate?',
    'How is the Ofsted Academy funded?',
    "When did Ruth Perry's inquest finish?",
    'Who is on the board of the Confederation of School Trusts?',
    'Does the OI pilot cover schools in Northern Ireland?',
    "What are the rules on inspectors taking photos of pupils' work?",
    'How long does a monitoring inspection last?',
    "What did the Education Select Committee's report recommend?",
    'How many trust executives have become OIs so far?',
]
FOURTH_IN_SCOPE = [
    'Can I have someone with me when an inspector interviews me?',
    'Am I allowed to walk out of the final feedback meeting and come back?',
    'Can our chair of governors come to the end of day meetings?',
    'We missed the 4.30 deadline - will they still consider our deferral?',
    'Who gets to call a pause?',
    'If an inspection is paused, when does it start again?',
    'Will the same inspector investigate our concerns afterwards?',
    "Can I post our inspection result on the school's Facebook page?",
    'How far has Ofsted got with its Big Listen promises?',
    'When does the consultation on the new framework open?',
    'Are ITE providers included in the pilots of the new approach?',
    'Do pilot OIs do different inspection work from other OIs?',
    'Can OIs in the pilot come from local authorities?',
    'Is Ofsted planning something similar for social care?',
    'What did Martyn Oliver say at the ASCL conference?',
    'Should we still mention our Ofsted rating at open days?',
    'Which pupils does the union say we should focus on?',
    'What did Hartwright say about the length of inspections?',
    'Why might parents get confused if trusts are inspected too?',
    'What did Labour want to replace headline grades with?',
]

#: name -> (out-of-scope, in-scope, whether to list the misses); the fourth set reports counts only.
SETS = {
    "development": (OUT_OF_SCOPE, IN_SCOPE, True),
    "fresh": (FRESH_OUT_OF_SCOPE, FRESH_IN_SCOPE, True),
    "third": (THIRD_OUT_OF_SCOPE, THIRD_IN_SCOPE, True),
    "fourth": (FOURTH_OUT_OF_SCOPE, FOURTH_IN_SCOPE, False),
}


def main() -> None:
    args = sys.argv[1:]
    name = next((n for n in ("fourth", "third", "fresh") if f"--{n}" in args), "development")
    oos, ins, list_misses = SETS[name]
    engine = Engine(Settings.from_env())
    rows = []
    for group, questions in (("out_of_scope", oos), ("in_scope", ins)):
        for q in questions:
            a = engine.ask(q)
            rows.append({"group": group, "question": q, "answered": a.answered, "refusal": a.refusal,
                         "evidence": round(a.evidence, 3), "answer": a.answer[:200]})
    declined = sum(not r["answered"] for r in rows if r["group"] == "out_of_scope")
    answered = sum(r["answered"] for r in rows if r["group"] == "in_scope")
    print(f"out of scope: {declined}/{len(oos)} declined")
    print(f"in scope: {answered}/{len(ins)} answered")
    for r in rows if list_misses else ():  # the fourth set reports counts only (see FOURTH_OUT_OF_SCOPE)
        wrong = r["answered"] == (r["group"] == "out_of_scope")
        if wrong:
            print(f"  {r['group']}: {'answered' if r['answered'] else 'declined'}: {r['question']}")
    out = {"benchmark": "probes", "machine": machine(), "summary": {"out_of_scope_declined": declined,
           "out_of_scope": len(oos), "in_scope_answered": answered, "in_scope": len(ins), "set": name},
           "rows": rows}
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"probes-{utc_stamp()}.json"
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    print(f"results: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
