"""Does a passage sentence say yes or no to what the question asks, and does it contradict what the question
takes for granted? Pure functions over text, unit-tested; the engine uses them for the "Yes -"/"No -" lead
and for refusing a false premise.

A wrong "Yes" about an inspection rule can hurt someone, so these rules are conservative: when the
sentences that answer disagree, or the polarity cannot be told, there is no yes/no lead at all and the
quoted sentences speak for themselves.
"""

from __future__ import annotations

import re

from .text import STOPWORDS, content_terms, normalise, number_value, stem, words

NEGATION = re.compile(
    r"\b(not|no|never|cannot|can't|mustn't|shouldn't|isn't|aren't|won't|don't|doesn't|nor|neither|unable)\b", re.I
)

# Obligation and its opposite. "Is it compulsory?" answered by "attendance is voluntary" is a No.
OBLIGATION = re.compile(
    r"\b(compulsory|mandatory|obligatory|required|requirement|have to|has to|had to|must|obliged|need to|needs to|"
    r"forced to|expected to attend|made to)\b",
    re.I,
)
OPTIONAL = re.compile(
    r"\b(voluntary|optional|an option|the option|at (?:their|your|his|her) discretion|choose whether|"
    r"not required|don't have to|do not have to|does not have to|doesn't have to|free to)\b",
    re.I,
)
# Joining versus leaving a role ("why does the union want heads to become inspectors?" / "step down").
JOIN = re.compile(r"\b(become|becoming|join|joining|sign up|signing up|apply|applying|take up|volunteer as|serve as)\b", re.I)
#: The question says what a source wants ("why does the union want heads to become inspectors?"), rather than
#: asking what it says ("what do Ofsted and the NEU each say about leaders becoming inspectors?").
WANTS = re.compile(r"\b(wants?|wanting|supports?|encourag\w*|urg(?:e|es|ing)|push(?:es|ing)?|backs?|recommends?|advises?|calls? (?:for|on)|"
                   r"(?:tell|told|tells|telling|ask|asked|asks|asking)\s+(?:[\w']+\s+){1,3}?to)\b", re.I)
LEAVE = re.compile(r"\b(step down|stepping down|stand down|resign|resigning|quit|quitting|leave (?:the|their|your) role|"
                   r"stop (?:being|serving|working|inspecting)|give up (?:being|serving|inspecting))\b", re.I)
#: Making much of something versus taking it away ("why did the NEU tell leaders to make more of their grade on
#: banners?" / "Remove all references to your school's Ofsted grading from banners").
PROMOTE = re.compile(r"\b(?:make (?:more|much|a lot) of|promot\w*|show(?:ing)? off|display\w*|advertis\w*|publici[sz]\w*|"
                     r"highlight\w*|celebrat\w*|shout(?:ing)? about|put up|keep up)\b", re.I)
SUPPRESS = re.compile(r"\b(remove|don[\u2019']t mention|do not mention|take down|stop (?:using|displaying|mentioning)|avoid mentioning)\b", re.I)
WANTS_TO_PROMOTE = re.compile(rf"(?:{WANTS.pattern})\s+(?:[\w']+\s+){{0,4}}?(?:{PROMOTE.pattern})", re.I)
#: What a source wants is to join: "the union wants heads to become inspectors" (not "the union tells heads to stop
#: inspecting but Ofsted is begging us to sign up", where the joining is someone else's wish).
WANTS_TO_JOIN = re.compile(rf"(?:{WANTS.pattern})\s+(?:[\w']+\s+){{0,4}}?(?:{JOIN.pattern})", re.I)

#: How a yes/no question opens ("Can I ...?", "so is it ...?"); answer.question_kind uses it too.
YES_NO_START = re.compile(
    r"^(?:so |and |but |ok |okay |then )?(can|could|may|might|is|are|am|do|does|did|will|would|should|shall|has|have|must|was|were)\b",
    re.I,
)



def opposite_act(question: str, sentence: str) -> bool:
    """Does the sentence tell the asker to undo the act the question asks about: keeping or showing something versus
    removing it ("do we have to keep our grade on the gates?" - "Remove all references to your ... grading from
    banners"), joining versus leaving ("must heads become inspectors?" - "step down from serving")."""
    return bool((re.search(rf"\bkeep\b|{PROMOTE.pattern}", question, re.I) and SUPPRESS.search(sentence) and not SUPPRESS.search(question))
                or (JOIN.search(question) and LEAVE.search(sentence) and not LEAVE.search(question)))


def is_yes_no(question: str) -> bool:
    """Does the question ask yes or no ("Can I ...?", "Is it ...?"), rather than take something for granted?"""
    return bool(YES_NO_START.search(normalise(question).strip()))


# "Is there a fee ...?", "Are there any checks ...?": asks whether something exists.
_EXISTENCE = re.compile(
    r"^(?:so |and |but )?(?:is|are|was|were|will) there (?:be )?(?:a |an |any |some )?((?:[\w-]+\s+){0,2}?[\w-]+?)"
    r"(?=\s+(?:to|for|on|in|of|at|if|when|with|about|that|who|which|by|after|before)\b|\s*[?.!]|\s*$)",
    re.I,
)


def existence(question: str, sentence: str) -> int | None:
    """For "is there a/any X ...?": -1 when the sentence says there is no X, 0 when it does not mention X (a
    sentence about something else answers neither way), None when the question is not of that shape."""
    m = _EXISTENCE.search(question.strip())
    if not m:
        return None
    head = stem(m.group(1).split()[-1].lower())
    if re.search(rf"\b(?:no|not an?|not any|nor an?)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(head)}\w*\b", sentence, re.I):
        return -1
    if head not in {stem(w) for w in words(sentence)}:
        return 0
    return None  # it speaks of X: the general rule decides


# Who a question can be about, by the stem of each way of naming them (heads = headteachers).
ROLES: dict[str, tuple[str, ...]] = {
    "headteacher": ("head", "headteach", "principal"),
    "deputy": ("deputy", "deputi"),
    "teacher": ("teach",),
    "governor": ("governor", "govs", "trustee"),
    "parent": ("parent", "carer"),
    "pupil": ("pupil", "student", "child", "children", "kid"),
    "staff": ("staff", "colleague", "employe"),
    "inspector": ("inspector", "oi", "ois", "hmi"),
    "leader": ("leader",),
    "union": ("union", "rep"),
}
_ROLE_OF = {form: role for role, forms in ROLES.items() for form in forms}
_MODALS = frozenset("can could may might must should shall will would do does did has have".split())
_PRONOUNS = frozenset("i we you they he she it someone anyone somebody anybody".split())
_AUX = frozenset("be been allowed able permitted expected required obliged entitled to have has need needs actually just still also really".split())
_DETERMINERS = frozenset("the a an our my your their any all other every each".split())
#: Words that name a person but no role ("the CST bloke", "who was the person from the NAHT ...?"): part of a
#: subject, never the act asked about.
PERSON_WORDS = frozenset("person guy man woman bloke lady chap fella".split())
#: Verbs that only lead to the act they take ("do they want to see ...": the act is seeing).
_CATENATIVE = frozenset("want wants wanting wish wishes expect expects expecting plan plans planning going try tries hope hopes like intend intends".split())
_PREPOSITIONS = frozenset("from in on at of with through for within under".split())
#: Verbs that say little themselves: the act is the noun after them ("get the same training" -> train).
_LIGHT_VERBS = frozenset("get gets getting got receive receives".split())


#: Words that end a subject that is not a role ("can a school get ...", "can the final feedback meeting be ...").
_SUBJECT_ENDS = _LIGHT_VERBS | frozenset("be been have has still actually just also really ever".split())
#: Words that follow a verb rather than a noun of the subject ("refuse to", "appeal the grade", "pay for").
_AFTER_VERB = frozenset("to the a an our my their your its his her in at on with for from about into up out back off against".split())
#: A past participle after "get / have <thing>": "get its grade changed", "have the report published".
_PARTICIPLE = re.compile(r"^[a-z]{3,}(?:ed|en)$")


def _subject_end(rest: list[str]) -> int:
    """Where a subject that names no role ends: its determiners, then up to three words before "be / get /
    have ..." ("the final feedback meeting be recorded") or a word that comes after verbs ("our trust CEO
    come to"), else one word ("a school refuse ..."); a subject without a determiner is one word ("Ofsted")."""
    i = 0
    while i < len(rest) and rest[i] in _DETERMINERS:
        i += 1
    if i == 0:
        return 1 if len(rest) > 1 else 0  # a bare name is one word: "Ofsted inspect nurseries in ..."
    for j in range(i + 1, min(i + 4, len(rest))):
        if rest[j] in _SUBJECT_ENDS or rest[j + 1 : j + 2] and rest[j + 1] in _AFTER_VERB:
            return j  # "be / get ...", or a word followed by "to / the / for ...": the verb ("trust CEO come to")
    k = i + 1
    while k < len(rest) - 1 and rest[k] in PERSON_WORDS:  # "the CST bloke think ...": the person is the subject's
        k += 1
    return k if k < len(rest) else 0


def _role(word: str) -> str | None:
    return _ROLE_OF.get(stem(word)) or _ROLE_OF.get(word)


def asked_role_and_action(question: str) -> tuple[str | None, str | None]:
    """The role a yes/no question asks about and, for "can/may/must/do ...?" questions, the verb it asks
    whether they may do: "Can governors request a pause?" -> ("governor", "request"); "Can I record the
    meeting?" -> (None, "record"); "Is the head allowed to refuse?" -> ("headteacher", None)."""
    toks = words(question)
    while toks and toks[0] in ("so", "and", "but", "ok", "okay", "then"):
        toks = toks[1:]
    if len(toks) < 3 or not (toks[0] in _MODALS or toks[0] in ("is", "are")):
        return None, None
    rest = toks[1:]
    role, k = None, 0
    if rest[0] in _PRONOUNS:
        k = 1
    else:
        for j, w in enumerate(rest[:4]):
            if w in _DETERMINERS:
                continue
            if _role(w) or (w == "assistant" and rest[j + 1 : j + 2] and _role(rest[j + 1]) == "headteacher"):
                role, k = _role(w) or "deputy", j + 1  # an assistant head is a deputy's peer, not the head
                while k < len(rest) and _role(rest[k]):  # "lead inspector" -> the last one
                    if role != "deputy":  # ... but a deputy head is not the head
                        role = _role(rest[k])
                    k += 1
                break
            if j >= 2:
                break
    if toks[0] in _MODALS and k == 0 and rest[0] not in _MODALS:
        k = _subject_end(rest)  # "can a school get ...?", "does Ofsted inspect ...?": a subject that is not a role
    if toks[0] not in _MODALS or k == 0:
        return role, None
    if rest[k : k + 1] == ["be"] and rest[k + 1 : k + 2] in (["in"], ["at"], ["on"], ["there"]):
        return role, "present"  # "can staff be in the room ...?": being there
    tail = rest[k:]
    tail = [w for i, w in enumerate(tail) if not (w in _CATENATIVE and tail[i + 1 : i + 2] == ["to"])]
    verbs = [w for w in tail if w not in _AUX]
    while verbs and verbs[0] in _PREPOSITIONS:  # "will OIs from the pilot get ...": the subject's own phrase
        verbs = verbs[1:]
        while verbs and verbs[0] in _DETERMINERS:
            verbs = verbs[1:]
        verbs = verbs[1:]
    if verbs and verbs[0] in ("when", "where", "while", "if", "whether", "because"):
        return role, None  # what follows is a clause of its own, not the act
    if verbs and verbs[0] in _LIGHT_VERBS:
        after = verbs[1:5]
        done = next((w for w in after[1:] if _PARTICIPLE.match(w)), None)
        if done:  # "get its grade changed": what is done to it is the act
            return role, stem(done)
        verbs = [w for w in verbs[1:] if w not in _DETERMINERS and w not in STOPWORDS] or verbs
    return role, (stem(verbs[0]) if verbs else None)


def act_position(question: str) -> tuple[list[str], int | None]:
    """The question's words, and where among them the act it asks about is (`asked_role_and_action`): None
    when it asks about no act. "Can I bring my union rep?" -> (["can", "i", "bring", ...], 2)."""
    toks = words(question)
    action = asked_role_and_action(question)[1]
    return toks, next((i for i, w in enumerate(toks) if stem(w) == action), None) if action else None


def asked_object(question: str) -> list[str]:
    """The first two content words after the act a "can/may/must ...?" question asks about: what is brought,
    told or recorded ("Can I bring my union rep to the meeting?" -> ["union", "rep"]). Empty when no act is
    asked about, or the question is passive ("can parents be told ...?")."""
    toks, at = act_position(question)
    if at is None or (at > 0 and toks[at - 1] in ("be", "been")):
        return []  # "can parents be told ...?": a passive's subject is what the act is done to (the role check)
    if toks[at + 1 : at + 2] in (["as"], ["than"]):
        return []  # "get the same training as other inspectors": what it is compared with, not an object
    after = toks[at + 1 :]
    if "s" in after[:4]:  # "inspect an FE college's finances": what is owned is the object
        after = after[after.index("s") + 1 :]
    return [w for w in after if content_terms(w) and w not in _DETERMINERS][:2]


#: Verbs whose passive keeps an object: "will OIs be paid mileage?", "are staff given time off?".
_KEEPS_OBJECT = frozenset("paid given offered sent told shown charged awarded granted promised owed lent".split())
#: Prepositions whose noun says when, where or for what the act is asked about ("inspected during exam season").
_RESTRICTING = frozenset("during in at within outside inside before after for".split())
#: Words that end such a phrase: another preposition, or a clause of its own.
_PHRASE_ENDS = _PREPOSITIONS | _RESTRICTING | frozenset("if when whether because while where and or but to by about".split())


def restricting_phrases(question: str) -> list[list[str]]:
    """The noun phrases that narrow what a yes/no question asks, after its act: what a passive's act still
    gives ("be paid mileage" -> ["mileage"]) and each "during / in / at / for ..." phrase ("can a school be
    inspected during exam season?" -> [["exam", "season"]]). Determiners and pronouns are left out."""
    toks, at = act_position(question)
    if at is None:
        return []

    def phrase(i: int) -> list[str]:
        out = []
        while i < len(toks) and toks[i] not in _PHRASE_ENDS and toks[i] not in _MODALS:
            if toks[i] not in _DETERMINERS and toks[i] not in _PRONOUNS and content_terms(toks[i]):
                out.append(toks[i])
            i += 1
        return out

    groups = []
    if at > 0 and toks[at - 1] in ("be", "been") and toks[at] in _KEEPS_OBJECT:
        groups.append(phrase(at + 1))
    groups += [phrase(i + 1) for i in range(at + 1, len(toks)) if toks[i] in _RESTRICTING]
    return [g for g in groups if g]


def mentions_role(sentence: str, role: str) -> bool:
    stems = {stem(w) for w in words(sentence)} | set(words(sentence))
    return any(form in stems or any(s.startswith(form) for s in stems) for form in ROLES[role])


#: Roles that are members of a school's staff: a rule for "staff members" holds for them.
_STAFF_ROLES = frozenset("headteacher deputy teacher leader".split())
# Where a sentence says what may, must or may not be done: the people named before it are who it is about.
_VERDICT_WORDS = frozenset("can cannot could may must should shall will won't not permitted allowed encouraged recommended voluntary required is are".split())


def role_is_subject(sentence: str, role: str) -> bool:
    """Is `role` who the sentence's rule is about - named before its first "can / should not / is
    recommended"? "Staff members should not be present for meetings between inspectors and ... governors" is
    about staff, not governors: it does not answer "do governors get to meet the inspectors?". A rule about all
    staff is about each of them: heads, deputies, teachers and leaders ("can heads sit in when inspectors talk
    to pupils?")."""
    toks = words(sentence)
    forms = ROLES[role] + (ROLES["staff"] if role in _STAFF_ROLES else ())
    at = next((i for i, w in enumerate(toks) if any(stem(w).startswith(f) or w.startswith(f) for f in forms)), None)
    if at is None:
        return False
    verdict = next((i for i, w in enumerate(toks) if w in _VERDICT_WORDS), None)
    return verdict is None or at < verdict


#: A question whether something is forbidden: "is it against the rules to tell parents?", "are we banned from ...?".
_ASKS_FORBIDDEN = re.compile(
    r"\b(?:against the (?:rules|law|regulations|handbook|guidance)|forbidden|banned|prohibited|illegal|a breach of (?:the )?(?:rules|handbook))\b", re.I)


def polarity(question: str, sentence: str) -> int:
    """+1 when the sentence says yes to the question, -1 when it says no, 0 when that cannot be told."""
    q, s = normalise(question), normalise(sentence)
    if (m := _ASKS_FORBIDDEN.search(q)):
        # "is it against the rules to tell parents?" is "is it allowed to tell parents?" the other way round: "you are
        # not permitted to ... share it with parents" says yes to it
        return -polarity(q[: m.start()] + "allowed" + q[m.end():], sentence)
    if NEGATION.search(q):
        return 0  # "Can't I ...?" / "Is it not ...?": a yes or a no would be ambiguous
    exists = existence(q, s)
    if exists is not None:
        return exists
    if OBLIGATION.search(q):  # "Do I have to ...?" / "Is it compulsory?"
        if OPTIONAL.search(s):
            return -1
        if OBLIGATION.search(s):
            return -1 if NEGATION.search(s) else 1
        if _PROHIBITS.search(s):
            return -1  # "does the head have to sit in on ...?" - "staff members should not be present": not required
        if opposite_act(q, s):
            return -1  # "do we have to keep our grade on the gates?" - "Remove all references to your ... grading"
        return 0  # "you can ..." does not answer "must I ...?"
    if OPTIONAL.search(q):  # "Is it optional?"
        if (opt := OPTIONAL.search(s)):
            return -1 if NEGATION.search(_clause_before(s, opt.start())) else 1  # ("... is not voluntary": No)
        if OBLIGATION.search(s):
            return 1 if NEGATION.search(s) else -1
    if JOIN.search(q) and LEAVE.search(s):
        return -1
    # A list's items are statements of their own: "... to: 1. Raise concerns ... 3. Highlight anything that
    # may not have been considered" does not say no to "can we contact Ofsted?". The sentence before the list is.
    main = re.split(r":\s*(?=(?:\d{1,3}[.)]|[-*\u2022])\s)", s, maxsplit=1)[0]
    # When the sentence has the asked act, the no must be said of it ("should not be present"), not of
    # something else in the sentence ("an inspector, not involved in the inspection, will investigate").
    _, action = asked_role_and_action(question)
    if action:
        places = [m.start() for m in re.finditer(rf"\b{re.escape(action)}\w*", main, re.I)]
        if places:
            return -1 if any(NEGATION.search(_clause_before(main, i)) or NEGATION.search(_predicate_of(main, i)) for i in places) else 1
    # "are trust inspections inevitable?" - "Rollett agreed they were “inevitable at some point”, but said it was
    # important that that is not just about ...": what the question asks to be so, said in the sentence, is said with
    # or without a "not" before it; a "not" elsewhere is about something else
    if (said := _ASKED_STATE.match(q)) and not _ACT_IN_SUBJECT.search(said.group("who")):
        if (at := re.search(rf"\b{re.escape(said.group('state'))}\b", main, re.I)):
            return -1 if NEGATION.search(_clause_before(main, at.start())) else 1
        if stem(said.group("state").lower()) not in {stem(w) for w in words(main)}:
            return 0  # "are OIs serving heads?" - "... contracted Ofsted Inspectors (OIs)": says nothing of heads
    return -1 if NEGATION.search(main) else 1


def _clause_before(text: str, i: int, limit: int = 80) -> str:
    """The words of `text` before position `i` in the same clause (back to a comma, semicolon, colon or "but"),
    at most `limit` characters: a "not" there is said of what stands at `i` ("you are not permitted to make
    this information public or share it with parents"), one beyond is not ("an inspector, not involved in the
    inspection, will investigate")."""
    before = text[max(0, i - limit) : i]
    cut = max((m.end() for m in re.finditer(r"[,;:]|\bbut\b", before)), default=0)
    return before[cut:]


#: "are trust inspections inevitable?", "is the meeting voluntary?": the state a yes/no question asks of its subject.
_ASKED_STATE = re.compile(r"^\s*(?:so |and |but )?(?:is|are|was|were)\s+(?P<who>[\w' -]{2,60}?)\s+(?P<state>[a-z]{4,})\s*\?*\s*$", re.I)
#: A subject with a verb in it asks about an act, not a state ("is it allowed to tell parents the outcome?").
_ACT_IN_SUBJECT = re.compile(r"\b(?:to|from|allowed|permitted|able|going|being)\b", re.I)


def _predicate_of(text: str, i: int, limit: int = 80) -> str:
    """When the asked act at `i` is a noun the clause goes on to say something of ("deferral requests made after
    4.30 pm on the notification day are typically not considered"), what it says, to the clause's end; else ""."""
    m = re.match(r"\w*s\b(?:\s+[\w.]+){0,8}?\s+(?:are|is|were|was|will be|won't be|cannot be|can't be)\b(?P<said>[^,;:]*)", text[i : i + limit])
    return m.group("said") if m else ""


# Only these adjectives assert an obligation as a premise ("since the meeting is compulsory"); "what do I have
# to do", "what is required of the head" and "who is required to attend" are real questions, and so is a
# question whose subject is the wh-word ("which staff are compulsory at ...?").
_OBLIGATORY_ADJ = re.compile(r"\b(compulsory|mandatory|obligatory)\b", re.I)
_ASKS_WHAT_IS_OBLIGATORY = re.compile(
    r"^(?:what|who|which(?:\s+[\w-]+){0,2})\s+(?:is|are|was|were)\s+(?:now\s+|actually\s+)?(?:compulsory|mandatory|obligatory)\b", re.I
)


#: A question that takes for granted that something is gone ("now they've scrapped the 4.30 cut-off").
_REMOVED = re.compile(r"\b(?:got rid of|get rid of|gotten rid of|scrapped|abolished|removed|dropped|axed|done away with|ditched|binned|lifted)\b", re.I)
#: A source saying it still holds.
_STILL = re.compile(r"\b(?:as previously|as before|still|remains?|remain unchanged|unchanged|continues? to)\b", re.I)


#: A premise that something is allowed: "since the handbook now lets the head sit in on ...".
_PERMITS = re.compile(r"\b(?:since|now|as|because|given)\b[^?]{0,60}?\b(?:lets?|allows?|permits?|(?:is|are) (?:now )?(?:allowed|permitted) to|can now)\s+"
                      r"(?P<thing>[^?,;]{3,80})", re.I)
_PROHIBITS = re.compile(r"\b(?:should not|shouldn't|must not|mustn't|cannot|can't|may not|(?:is|are) not (?:permitted|allowed) to)\b", re.I)
#: Verbs of taking part, which say nothing of what is taken part in.
_TAKING_PART = frozenset(content_terms("sit in on be have take part join attend present go come stay now also"))


def contradicted_premise(question: str, sentence: str, near: bool = True, named_source: bool = False) -> str | None:
    """When the question takes for granted something the sentence contradicts, say what; else None.

    Only for questions that assert (wh-questions, statements), not for yes/no questions, which ask.
    `near`: the sentence is one of the best few for the question; `named_source`: it comes from the kind of
    source the question names ("why does the union want ...").
    - obligation: "Since the meeting is compulsory, ..." vs "Attendance ... is voluntary";
    - joining vs leaving: "why does the union want heads to become inspectors" vs "step down from serving";
    - "all N (are) done" vs "M out of N" (M < N): "now all 132 actions are done" vs "42 out of 132 completed";
    - existence: "how much is the inspection fee" vs "there is no separate inspection fee".
    """
    if is_yes_no(question):
        return None
    q, s = normalise(question), normalise(sentence)
    q_negated = bool(NEGATION.search(q))
    # "all N ... done": the question asserts that all N are complete ("what are all 132 actions?" asserts nothing)
    m = re.search(
        r"\ball (?:of )?(?:the )?(\d+)\b(?:\s+[\w'-]+){0,6}?\s+(?:done|completed?|finished|delivered|achieved|met|fulfilled|in place)\b"
        r"|\b(?:did|has|have|had)\s+(?:[\w'-]+\s+){0,3}?(?:do|done|complete|completed|finish|finished|deliver|delivered|achieve|achieved)\s+"
        r"all (?:of )?(?:the |its |their )?(\d+)\b",  # "why did Ofsted complete all 132 actions ...?"
        q,
        re.I,
    )
    if m:
        total = int(m.group(1) or m.group(2))
        for part, whole in re.findall(r"\b([\w-]+)\s+(?:out\s+)?of\s+(?:the\s+)?(\d+)\b", s, re.I):
            n = number_value(part)
            if int(whole) == total and n is not None and n < total:
                return f"not all {total}: the source says {part.lower()} out of {total}"
    if q_negated:
        return None
    if not near:  # further down, only a thing the question names in full: "no separate inspection fee" / "per-inspection fee"
        return _no_such(q, s, whole=True)
    if _OBLIGATORY_ADJ.search(q) and not _ASKS_WHAT_IS_OBLIGATORY.search(q.strip()) and OPTIONAL.search(s):
        return f"the source says it is {OPTIONAL.search(s).group(1).lower()}, not {_OBLIGATORY_ADJ.search(q).group(1).lower()}"
    if named_source and WANTS_TO_JOIN.search(q) and LEAVE.search(s) and not LEAVE.search(q):
        return f"that source urges the opposite: to {LEAVE.search(s).group(1).lower()}"
    if named_source and (promote := WANTS_TO_PROMOTE.search(q)) and (suppress := SUPPRESS.search(s)) and not SUPPRESS.search(q):
        thing = set(content_terms(q[promote.end():])) - _TAKING_PART
        if len(thing & set(content_terms(s))) >= 1:
            return f"that source says the opposite: {suppress.group(1).lower()}"
    # "now Ofsted has got rid of the 4.30pm cut-off, ..." vs "As previously, deferral requests made after 4.30 pm
    # ... are typically not considered": what the question says is gone, the source says still holds
    if (gone := _REMOVED.search(q)) and (still := _STILL.search(s)):
        thing = " ".join(words(q[gone.end():])[:5])
        shared = set(content_terms(thing)) & set(content_terms(s))
        if any(any(ch.isdigit() for ch in t) for t in shared) or len(shared) >= 2:
            return f"{thing} still applies, the source says (\u201c{still.group(0).lower()}\u201d)"
    # "since the handbook now lets the head sit in on meetings with pupils, ..." vs "staff members should not be
    # present for meetings between inspectors and parents, pupils, or governors": what the question says is
    # allowed, the source says must not happen (every word of it but who does it, and verbs of taking part)
    if (allowed := _PERMITS.search(q)) and (banned := _PROHIBITS.search(s)):
        thing = [t for t in content_terms(allowed.group("thing")) if t not in _TAKING_PART]
        who = next((t for t in thing if _role(t)), None)
        thing = [t for t in thing if t != who]
        if len(thing) >= 2 and set(thing) <= set(content_terms(s)):
            return f"the source says that {banned.group(0).lower()} happen"
    return _no_such(q, s)


def _no_such(q: str, s: str, whole: bool = False) -> str | None:
    """"how much is the inspection fee" / "what is the fee" vs "there is no (separate) inspection fee"; also when
    the question says it before it asks ("I heard pilot OIs get a bigger fee - how much extra is it?"). `whole`:
    every word of the thing the sentence says there is none of is in the question, not just its head."""
    if not re.search(r"(?:^|[.?!;,]\s|\s[-\u2013\u2014]\s)\s*(how much|what|which|when|who|how)\b", q.strip(), re.I):
        return None
    asked = set(words(q)) | set(re.findall(r"[a-z]+", q.lower()))  # "per-inspection fee": an inspection fee
    for m in re.finditer(r"\bno (?:(?:separate|additional|extra|such|formal)\s+)?((?:[a-z]+\s+)?[a-z]+)\b", s.lower()):
        named = m.group(1).split()
        if len(named[-1]) > 2 and (set(named) <= asked and len(named) == 2 if whole else named[-1] in asked):
            return f"the source says there is {m.group(0)}"
    return None
