"""Input checks and routing: what the assistant must not answer, decided before any retrieval.

- `validate_question` rejects unusable input (empty, too long, control characters) with a clear message.
- `route` recognises requests to route elsewhere rather than answer: instruction overrides and prompt
  extraction, questions about a named school's grade or inspection, and personal data about people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import BadQuestion
from .spelling import english_zipf

COVERAGE = (
    "The documents I have cover: the January 2024 updates to the School inspection handbook (as summarised "
    "by TT Education), Ofsted's announcements on the Big Listen monitoring report and the pilot recruiting "
    "serving leaders as Ofsted Inspectors, union guidance for school leaders on Ofsted, and a Schools Week "
    "report on MPs' inquiry into Ofsted."
)
#: Schools outside England and the bodies that inspect them: Ofsted (and so the documents) covers England only.
OTHER_NATIONS = {
    "Wales": (r"\b(?:wales|welsh|estyn|cardiff|swansea)\b", "Estyn inspects schools in Wales"),
    "Scotland": (r"\b(?:scotland|scottish|education scotland|edinburgh|glasgow)\b", "Education Scotland inspects schools in Scotland"),
    "Northern Ireland": (r"\b(?:northern ireland|\bni\b schools?|belfast|eti|education and training inspectorate)\b",
                         "the Education and Training Inspectorate (ETI) inspects schools in Northern Ireland"),
}


def other_nation(question: str) -> tuple[str, str] | None:
    """("Wales", "Estyn inspects schools in Wales") when a question is about schools in another nation of the UK."""
    for nation, (pattern, who) in OTHER_NATIONS.items():
        if re.search(pattern, question, re.I):
            return nation, who
    return None


WHERE_TO_GO = (
    "For anything else, the current School inspection handbook on gov.uk is the authoritative source; "
    "Ofsted's complaints procedure (on gov.uk) covers concerns about an inspection; your union can advise "
    "on your own situation."
)


def validate_question(question: object, max_chars: int = 2000) -> str:
    if not isinstance(question, str):
        raise BadQuestion("the question must be text")
    q = unicodedata.normalize("NFC", question)
    bad = [c for c in q if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in "\n\t\r"]
    if bad:
        raise BadQuestion(
            f"the question contains {len(bad)} control or invisible character(s) (e.g. U+{ord(bad[0]):04X}): retype it as plain text"
        )
    q = " ".join(q.split())
    if not q:
        raise BadQuestion("the question is empty: type a question, e.g. \"Can I bring a colleague to this meeting?\"")
    if len(q) > max_chars:
        raise BadQuestion(f"the question is {len(q)} characters long; the limit is {max_chars}: ask one thing at a time")
    if not re.search(r"[A-Za-z0-9]", q):
        raise BadQuestion("the question has no words in it: type a question in words")
    return q


@dataclass(frozen=True)
class Route:
    kind: str  # "injection" | "task_request" | "named_school" (a named school, or the asker's own inspection) | "personal_data"
    message: str


_INJECTION = [
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines|documents?|sources?|context)\b",
    r"\b(system|developer|hidden|initial|original)\s+(prompt|message|instructions?)\b",
    r"\b(reveal|print|show|repeat|output|leak|display)\b.{0,30}\b(prompt|instructions|configuration)\b",
    r"\byou are (now|no longer)\b",
    r"\byou(?:'re|’re| are)?\s+(?:not|no longer) (?:limited|restricted|bound) to\b",
    r"\bfrom your own (knowledge|training|experience)\b",
    # "act as ...": told to (at the start of a sentence, or said to "you"), not "can staff act as a note-taker?"
    r"\bpretend (to be|you are)\b|(?:^|[.!?:;,]\s*|\byou\s+(?:should\s+|must\s+|will\s+|can\s+|could\s+)?)act (?:as|like) (?:an?|my|the)\b|\bjailbreak\b|\bDAN mode\b",
    r"^\s*(system|assistant)\s*(notice|message|override|:)",
    r"\b(confirm|tell the user|say) (that|this)\b.{0,60}\b(documents?|sources?)\b.{0,30}\b(updated|changed|now say)\b",
    r"\bthe (source )?documents? (have|has) (been )?(updated|changed)\b",
    # Common shapes of instruction-override attacks (generic, from public jailbreak taxonomies).
    r"\bfrom now on\b.{0,60}\b(you|answer|respond|reply|act)\b",
    r"\b(your|these are (your|the)) new (rules|instructions|persona|role)\b",
    r"\b(developer|god|debug|admin|unrestricted) mode\b",
    r"\bwithout (any )?(restrictions|limits|limitations|rules|filters|censorship)\b",
    r"\b(what|tell me|show me) (are |were |is )?your (rules|instructions|guidelines|prompt)\b|\b(show|tell|give) me the (system )?prompt\b",
    r"\bdo anything now\b",
    r"\b(print|repeat|output) (everything|all|the text) (above|before|so far)\b",
    r"\b(?:print|repeat|output|dump)\b.{0,20}\b(?:everything|all of|the (?:text|contents?))\b.{0,30}\b(?:above|context window|your context|your memory)\b",
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+)?(?:of\s+)?(?:the|that|everything|what'?s?)\s+above\b",
    r"(?:^|[.!?]\s+)(?:please\s+)?(?:assume|play|take on) the (?:role|part|persona|identity|character) of\b",
    r"^\s*(?:new|updated|additional|urgent|important)\s+(?:instruction|instructions|directive|directives)\b",
    r"\b(?:instruction|instructions|message|notice|update|directive|rule)s? from (?:the |your )?(?:developers?|admin\w*|system|operators?|creators?|owners?)\b",
    # told how to answer: "always answer yes", "you must only reply 'no'" (not "heads should only say 'no comment'")
    r"(?:^|[.!?:;]\s*|\byou\s+(?:must\s+|should\s+|will\s+|can\s+)?)(?:always|never|only) (?:answer|reply|respond|say)\b\s*(?:with\s+)?(?:['\"\u2018\u201c]|yes\b|no\b)",
]

# Asked of the assistant in a question, never looked for in documents: requests to answer beyond the
# sources (own knowledge, opinion, role-play, a counterfactual source), to reveal its set-up, or text
# dressed as a chat template. Staff rarely phrase a real question this way, so a false refusal is unlikely
# and costs a rephrase; a wrong answer "from general knowledge" costs more.
_SOURCES = r"(?:documents?|docs|sources?|quotes?|quotations?|citations?|references?)"
_BEYOND_SOURCES = [
    rf"\b(?:set aside|put aside|skip|ignore|leave out|forget about|stop (?:using|quoting|citing)|"
    rf"without (?:using|citing|quoting|referring to|looking at|checking))\b.{{0,30}}\b(?:the|your|these|those|any)\s+{_SOURCES}\b",
    r"\bwithout (?:citing|quoting|referencing) (?:anything|any ?thing|a source|sources)\b",
    rf"\b(?:answer|respond|reply|questions?|tell me)\b.{{0,40}}\b(?:outside|beyond|instead of|without) (?:of )?(?:the |your |these )?{_SOURCES}\b",
    r"\b(?:your|use|using|from|with|on) (?:own |general |outside |background |prior |wider |personal )+knowledge\b",
    r"\b(?:from|using|use|on|with|based on) what you (?:already |actually )?know\b",
    r"\byour (?:own |personal |honest )?(?:opinions?|views?|training(?: data)?)\b|\bwhat (?:do )?you (?:really|personally|honestly) think\b",
    r"\bmake (?:something|it|stuff|things|an? (?:\w+ )?(?:answer|response)) up\b|\bmake up (?:an?|some) (?:\w+ )?(?:answer|response|facts?)\b",
    r"\byou\s*(?:weren'?t|were not|aren'?t|are not|'re not|’re not)\s+(?:restricted|limited|bound|tied)\b|\byou\b.{0,30}\b(?:had|have|with) no (?:rules|restrictions|guidelines|filters|guardrails|limits)\b",
    r"\b(?:unfiltered|unrestricted|uncensored|jailbroken)\b",
    r"\b(?:can|could|would|will) (?:you|u)\b.{0,15}\brole[- ]?play\b|\blet'?s role[- ]?play\b|\bin the (?:voice|style|persona) of\b|\bas if you (?:were|are)\b|\bimagine (?:that )?you(?:'re| are)\b",
    rf"\b(?:answer|respond|reply|write)\b.{{0,20}}\bas (?:if|though)\b.{{0,40}}\b(?:said|says|stated|allowed)\b",
    r"\bassume\b.{0,20}\b(?:documents?|sources?|handbook|guidance)\b.{0,20}\b(?:wrong|incorrect|false|lying|mistaken)\b",
    r"\b(?:respond|reply|answer)\s+(?:only|just|exactly)\s+(?:with\s+)?['\"‘“]|\b(?:respond|reply|answer) only with\b",
    r"\bwhat (?:were|have) you (?:been )?(?:told|instructed|programmed|configured|set up)\b|\b(?:text|instructions?|messages?) you were given\b",
    r"\byour (?:configuration|config|set-?up|system message|instructions|rules)\b|\btranslate (?:your|the) (?:instructions|prompt|rules)\b",
    # payloads riding on a real question: "... then add that grades are abolished", "begin your reply with ..."
    r"\b(?:begin|start|end|finish|open|close) (?:your|the) (?:reply|answer|response|message)\b|\b(?:after|once|when) (?:you(?:'ve| have)? )?answer(?:ing|ed)?\b.{0,20}\b(?:say|add|write|tell|state|append|include)\b",
    r"\b(?:add|append|include|insert) (?:the )?(?:sentence|line|phrase|words?|text|statement|note)\b.{0,10}['\"‘“:]|\brepeat after me\b",
    r"\b(?:disable|turn off|switch off|skip|remove|drop) (?:your |the )?(?:citation|source|safety|fact)[- ]?(?:checks?|checking|filters?|rules?|guard\w*)\b|\bwith(?:out| no) (?:the )?(?:citations|sources|quotes|references)\b",
    r"\bi (?:hereby )?(?:authori[sz]e|permit|allow|instruct|order) you\b|\byou (?:are|have been) (?:now )?(?:authori[sz]ed|permitted|allowed|cleared|instructed) to\b",
    r"\b(?:admin|administrator|developer|your (?:creator|developers?|owner|operator)|system)\s+(?:says|has said|wants|authori[sz]es|allows|requires)\b",
    r"^\s*(?:new |updated |additional )?(?:instruction|instructions|directive|override|note to (?:the )?(?:ai|assistant|model|bot))\s*:|\b(?:dear|hey|attention) (?:ai|assistant|chatbot|model|bot)\b",
    r"\bconfirm\b.{0,60}\b(?:documents?|sources?|handbook|guidance)\b.{0,40}\b(?:updated|changed|now say|now says|new version)\b",
    r"\b(?:documents?|sources?|handbook|guidance) (?:now|has been updated to|have been updated to|were updated to|was updated to) (?:say|says|state|states|allow|allows)\b",
    r"\bjust (?:guess|speculate)\b|\b(?:can|could|will|would) (?:you|u) (?:just )?(?:take|have|make) a (?:wild |rough |best )?guess\b|\bstop being (?:so )?(?:cautious|careful)\b",
    r"\[/?INST\]|<\|im_(?:start|end)\|>|<</?SYS>>|<\|(?:system|user|assistant)\|>|^#{2,}\s*(?:instruction|system)\b",
    # more shapes from a later probe of 15 of my own
    r"\b(?:forget|ignore|disregard)\s+(?:everything|all)\b.{0,30}\b(?:told|said|know|above|before|previous)\b|\banswer (?:freely|without (?:any )?(?:rules|limits|restrictions))\b",
    r"\b(?:for (?:this|the rest of this) (?:conversation|chat|session)|from here on|for now),?\s+you(?:'re|\u2019re| are)\b|\bnot an? (?:assistant|ai|chatbot|bot|language model)\b",
    rf"\bpretend (?:that )?(?:the|your|these|this)\b.{{0,60}}\b(?:is|are|was|were|says?)\b",
    # told not to use the sources (at the start of a sentence, or said to "you"), not "what if we don't use the sources ..."
    rf"(?:^|[.!?:;,]\s*|\byou\s+)(?:don'?t|do not|no need to|never mind(?: the)?) (?:bother with|use|using|cite|citing|quote|quoting|check|checking|look at|worry about) (?:the |your |any )?{_SOURCES}\b",
    r"\b(?:privately|secretly|off the record)\b.{0,20}\b(?:say|think|tell|believe)\b|\bwhat would (?:an?|the) [\w ]{1,30}? (?:privately|really|secretly) (?:say|think)\b",
    rf"\byou(?:'ve|\u2019ve| have) (?:my |full )?permission\b|\bgo beyond (?:your|the|these) {_SOURCES}\b",
    r"\b(?:hidden|secret|internal) (?:rules|instructions|prompts?|guidelines)\b|\brules you (?:follow|were given|have)\b",
    # shapes from a blind probe set written by a helper who never saw these patterns (bench/injection_probes.py)
    r"\b(?:rules|instructions|guidelines)\s+(?:that\s+)?you\s+(?:are\s+)?(?:following|obeying|using|working to|bound by)\b"
    # what "you" may not reveal, not what staff may share ("are we allowed to share the outcome with family?")
    r"|\byou\s+(?:are\s+)?(?:not\s+)?(?:supposed|meant|allowed)\s+to\s+(?:reveal|disclose)\b",
    r"\b(?:instructions?|prompts?|rules)\b.{0,20}\b(?:were|was|have|had)\s+you\s+(?:been\s+)?(?:given|told|set)\b",
    rf"\b(?:don'?t|do not|never)\s+(?:say|tell me|reply|respond|answer)\s+(?:that\s+)?(?:you\s+)?(?:can'?t|cannot|can not|are unable|don'?t know|won'?t)\b"
    rf"|\b(?:don'?t|do not|never)\s+(?:refuse|decline)\b|\b(?:don'?t|do not)\s+mention\s+(?:your|the|any)\s+{_SOURCES}\b",
    # role-play with the assistant ("let's do a role-play: you're ..."), not staff rehearsing ("can I roleplay the call?")
    r"\blet'?s (?:do |have |try |play )?(?:a |some |an? \w+ )?role[- ]?play\b|\brole[- ]?play (?:with me|as (?:an?|the|my))\b"
    r"|\b(?:stay|remain|staying|remaining) in character\b|\bopposite day\b",
    r"\byour (?:own |personal |real |honest |true )*(?:take|thoughts|stance|verdict|feelings|gut feeling)\b",
    rf"\b(?:step|go|look|think|venture|reach|stray|wander)\s+(?:outside|beyond)\s+(?:of\s+)?(?:your|the|these|those)\s+{_SOURCES}\b"
    rf"|\b{_SOURCES}\b.{{0,80}}\b(?:go|step|look|venture|stray)\s+(?:beyond|outside)\s+(?:of\s+)?(?:them|those|these|it)\b",
    rf"\b(?:answer|respond to|reply to)\b.{{0,40}}\b{_SOURCES}\s+(?:don'?t|do not|doesn'?t|does not|can'?t|cannot)\s+(?:cover|mention|say|answer)\b",
    r"\b(?:stop|quit)\s+(?:limiting|restricting|confining|censoring)\s+yourself\b|\b(?:ai|assistant|chatbot|bot|model)\s+(?:with|that has|who has|that had)\s+no\s+(?:rules|restrictions|limits|filters|guardrails)\b",
    r"\bbase ?64\b|\b(?:decode|decrypt|unscramble|decipher)\b.{0,40}\b(?:do|follow|execute|obey|carry out)\b",
]

# Requests to produce a document rather than to answer a question about inspection.
_TASK_REQUEST = re.compile(
    r"(?:^(?:please\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|i need you to\s+|)"
    r"(?:write|draft|create|generate|compose|produce|prepare)\s+(?:me\s+|us\s+)?"
    # mid-sentence ("act as a rep and write me an email") only when it is asked for: "me"/"us"
    r"|(?:[.,;:!?\u2013\u2014-]\s*|\band\s+|\bthen\s+)(?:please\s+)?(?:write|draft|create|generate|compose|produce|prepare)\s+(?:me|us)\s+)"
    r"(?:a|an|the|our|my|some)\b.{0,60}\b"
    r"(?:letter|e-?mail|policy|plan|risk assessment|lesson|essay|template|speech|statement|newsletter|post|poem|sef|self-evaluation)"
    # a joke, story or poem, asked for anywhere: "... and tell me a joke about supply teachers"
    r"|\b(?:tell|write|give|make up|compose)\s+(?:me\s+|us\s+)?(?:a|an|another|some)\s+(?:\w+\s+){0,2}?(?:joke|poem|story|limerick|song|rap|haiku|riddle)s?\b",
    re.I,
)

_SCHOOL_NAME = (
    r"(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\w'’-]+\s+){1,5}"
    r"(?:Primary|Secondary|Academy|High|School|College|Grammar|Infants?|Juniors?|Nursery|Federation|Trust|C of E|CofE|RC)\b"
)

#: A school named in lower case, as staff type it ("thornbury park academy", "st aidan's c of e primary"): the words
#: just before a kind of school (back to a word such as "a", "our", "for"), one of them a name rather than an
#: everyday word ...
_SCHOOL_KIND = re.compile(
    r"\b(?:(?:c of e|cofe|rc|catholic)\s+)?(?:primary|secondary|academy|high school|grammar school|school|college|infants?|juniors?|nursery)\b")
_NOT_IN_A_NAME = frozenset(
    "a an the our my your their his her its this that these those for of to at in on from with by and or about "
    "what which who is are was were did does do any every each some no".split())
#: ... in a question about that school's grade or report.
_ITS_OUTCOME = re.compile(
    r"\b(?:grades?|graded|rating|rated|report|results?|outcome|judge?ments?|inspected|ri|requires improvement|outstanding|"
    r"inadequate|special measures|downgraded|upgraded|went down|go down|went up|go up)\b", re.I)
NAME_ZIPF = 3.5  # rarer than this in everyday English: a name ("thornbury" 2.2), not a word ("park" 5.2)


def school_named_in_lower_case(question: str, known) -> str | None:
    """The name of a school typed in lower case in a question about its grade or report, if any: "can u
    summarise the latest ofsted report for thornbury park academy" -> "thornbury park academy". Not "our primary
    school", "downgrade a school" or "the ofsted academy" (no name before it, every word everyday English, or a
    name the documents use)."""
    if not _ITS_OUTCOME.search(question):
        return None
    for m in _SCHOOL_KIND.finditer(question):
        name: list[str] = []
        for w in reversed(re.findall(r"[a-z][a-z'\u2019.-]*", question[: m.start()])[-4:]):
            if w in _NOT_IN_A_NAME:
                break
            name.insert(0, w)
        if any(len(w) >= 4 and english_zipf(w) < NAME_ZIPF and not known(w) for w in name):
            return " ".join(name + [m.group(0)])
    return None


# About the asker's own school's inspection, which no guidance can know: who is coming, when, their contact
# details, the grade it will get. (What the rules say about such things is a normal question.)
_OWN_INSPECTION = re.compile(
    r"\bwhich (?:inspectors?|hmi|ois?)\b.{0,40}\b(?:our|my|us|we)\b"
    r"|\b(?:who|what)(?:'s|\u2019s| is| will be)\s+(?:our|my)\s+(?:lead\s+)?inspector(?:'s|\u2019s)?\s*(?:name|email|e-mail|number|phone)?\b"
    r"|\binspectors?(?:'s|\u2019s|s'|s\u2019)?\s+(?:email|e-mail|phone number|mobile|home address|address|name|contact details)\b.{0,40}\b(?:our|my)\b"
    r"|\bwhen (?:will|is|are) (?:our|my) (?:school|academy|college|nursery|next inspection)\b.{0,30}\b(?:inspected|inspection|due|visited)\b"
    r"|\bwhen (?:will|are|do) (?:we|us) (?:be |get )?(?:inspected|due (?:an|our|for))\b"
    r"|\bwhat (?:grade|judgements?|judgments?|rating|outcome)\s+(?:will|would|are|is)\s+(?:we|our school|my school|us)\b",
    re.I,
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")
_DOB = re.compile(r"\b(DOB|date of birth|born on)\b|\b\d{1,2}/\d{1,2}/(19|20)\d{2}\b", re.I)
_NI = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
_PERSON_ASK = re.compile(
    r"\b(what|which|how)\b.{0,60}\b(he|she|they|her|him)\b.{0,40}\b(graded|inspected|recorded|said about|written about|think of)\b"
    r"|\b(recorded|written|noted|said) about (him|her|them)\b"
    r"|\bwhat other schools (she|he|they)\b",
    re.I,
)
_NAMED_PERSON = re.compile(r"\b(?:[A-Z][a-z]+)\s(?:[A-Z][a-z]+)\b")
#: A named individual: a title and a name ("Mr David Jones"), or a role and a full name ("our inspector Karen
#: Walsh"). Routed away unless the documents name them (Sir Martyn Oliver, Steve Rollett are public figures there).
_TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    r"|\b(?:inspector|hmi|teacher|colleague|headteacher|head|deputy|governor|pupil|student|senco|TA)\s+(?:called\s+|named\s+)?"
    r"(?P<full>[A-Z][a-z'-]+\s+[A-Z][a-z'-]+)\b"
)
#: Someone's own contact or personal details: "the home address of ...", "her mobile number", "where does he live".
_PERSONAL_DETAILS = re.compile(
    r"\b(?:home (?:address|phone|number)|personal (?:email|e-mail|phone|mobile|number|address|details)|mobile (?:number|phone)|"
    r"(?:his|her|their) (?:address|phone number|email|e-mail|date of birth|age|family|health|medical)|"
    r"where (?:does |do )?(?:he|she|they|[A-Z][a-z]+(?: [A-Z][a-z]+)?) lives?)\b",
    re.I,
)
_PUPIL_WORDS = re.compile(r"\b(pupil|student|child|my son|my daughter|in y(ear)?\s?\d+|send register|safeguarding file)\b", re.I)


def looks_like_instructions(text: str) -> bool:
    """Text addressed to an AI ("ignore all previous instructions ...") is never evidence, wherever it appears."""
    return any(re.search(p, text, re.I | re.S) for p in _INJECTION)


#: Whole words of text-speak and their written forms ("theyre": not "were", which is a word).
_SPOKEN = {
    "im": "I am", "ive": "I have", "theyre": "they are", "cos": "because", "coz": "because", "cuz": "because",
    "bc": "because", "bcos": "because", "thru": "through", "tho": "though", "gonna": "going to", "wanna": "want to",
    "gotta": "have to", "dunno": "don't know", "abt": "about", "bout": "about", "ppl": "people", "b4": "before",
    "bfore": "before",
}
#: Text-speak and contractions, written out, so one pattern covers "you are", "you're", "ur" and "u r".
_WRITTEN_OUT = [
    (re.compile(r"[\u2018\u2019\u02bc`]"), "'"),
    (re.compile(r"(?<![\w'-])u\s+r(?![\w'-])", re.I), "you are"),  # not "U-shaped", "R-rated"
    (re.compile(r"(?<![\w'-])(?:u|ya|yu)(?![\w'-])", re.I), "you"),
    (re.compile(r"(?<![\w'-])(?:ur|yr)(?![\w'-])", re.I), "your"),
    (re.compile(r"\b(?:pls|plz|plase)\b", re.I), "please"),
    (re.compile(r"\byou'?re\b", re.I), "you are"),
    (re.compile(r"\byou'?ve\b", re.I), "you have"),
    (re.compile(r"\byou'?d\b", re.I), "you would"),
    (re.compile(r"\b(dont|cant|wont|didnt|doesnt|isnt|arent|wasnt|werent|wouldnt|shouldnt|couldnt|havent|hasnt|hadnt|mustnt|neednt)\b", re.I),
     lambda m: m.group(1)[:-1] + "'t"),
    (re.compile(r"\b(they|we)ve\b", re.I), lambda m: m.group(1) + " have"),
    (re.compile(r"\b(thats|whats|theres)\b", re.I), lambda m: m.group(1)[:-1] + "'s"),
    (re.compile(r"(?<![\w/])w/(?=\s)", re.I), "with"),
    (re.compile(r"\b(?:" + "|".join(_SPOKEN) + r")\b", re.I), lambda m: _SPOKEN[m.group(0).lower()]),
]


def written_out(text: str) -> str:
    """`text` with text-speak and "you're"-style contractions written out ("can u use ur own knowledge" ->
    "can you use your own knowledge")."""
    for pattern, repl in _WRITTEN_OUT:
        text = pattern.sub(repl, text)
    return text


#: "can you explain ...", "please tell me ...": a request to the assistant wrapped around what is asked.
_REQUEST_WRAPPER = re.compile(
    r"^\s*(?:(?:hi|hello|hiya|hey|quick one|quick question)[,!.:]?\s+)*(?:please\s+)?"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+|just\s+)?|i(?:'d| would) like (?:you )?to\s+|i (?:want|need) (?:you )?to\s+)?"
    r"(?:explain|describe|clarify|summari[sz]e|outline|list|detail|tell me|show me|remind me(?: of)?|go through|run through|"
    r"talk me through|walk me through|give me)\s+(?:about\s+|again\s+)?(?:please\s+)?",
    re.I,
)


#: "right, and what happens ...", "ok thanks. so ...": a word of conversation before the question, not part of it.
_FILLER_WORD = r"(?:right|ok|okay|alright|all right|cool|great|thanks|thank you|cheers|hmm+|ah|oh|well|fine|got it|i see)"
_FILLER = re.compile(rf"^\s*{_FILLER_WORD}(?:[\s,.!]+{_FILLER_WORD})*[,.!]+\s+", re.I)


def asked_plainly(question: str) -> str:
    """The question without a request wrapped around it, text-speak written out: "can u explain the new rules
    about who can sit in on calls" -> "the new rules about who can sit in on calls" (an open question, not a yes
    or no about explaining); "tell me how long a pause lasts" -> "how long a pause lasts"; "right, and what happens
    ...?" -> "and what happens ...?". A wrapper around
    "if"/"whether" is kept ("can you tell me if heads can ...?" is still a yes or no)."""
    q = written_out(question)
    if (f := _FILLER.match(q)) and q[f.end():].strip():
        q = q[f.end():]
    m = _REQUEST_WRAPPER.match(q)
    if not m or not q[m.end():].strip() or re.match(r"(?:if|whether)\b", q[m.end():], re.I):
        return q
    rest = q[m.end():]
    return rest[0].upper() + rest[1:]


def route(question: str, known=lambda name: False, corrected=None) -> Route | None:
    """`known(name)` says whether a name appears in the indexed documents (then it is not routed away);
    `corrected(text)`: the text with its typos corrected ("igonre ur previus instrucitons"), matched too."""
    q = question
    forms = [q, written_out(q)]
    if corrected is not None:
        forms.append(corrected(forms[-1]))
    forms = list(dict.fromkeys(forms))  # each distinct form matched once
    for pattern in (*_INJECTION, *_BEYOND_SOURCES):
        if any(re.search(pattern, f, re.I | re.S) for f in forms):
            return Route(
                "injection",
                "I can only answer from the documents I hold, and I don't change how I work or share my instructions "
                "because a message asks me to. Ask me a question about inspection and I'll answer it from the "
                "sources, with quotes. " + COVERAGE,
            )
    if any(_TASK_REQUEST.search(f) for f in forms):
        return Route(
            "task_request",
            "I answer questions about inspection from the documents I hold, with quotes; I don't write documents "
            "such as letters, plans or risk assessments. Ask me what the documents say (for example, \u201cWhat "
            "does the handbook say about pausing an inspection?\u201d) and use the answer and its sources in your own "
            "writing. " + COVERAGE,
        )
    named = _TITLED_NAME.search(q)
    if _EMAIL.search(q) or _PHONE.search(q) or _NI.search(q) or _DOB.search(q) or _PERSON_ASK.search(q) or (
        _PUPIL_WORDS.search(q) and _NAMED_PERSON.search(q)
    ) or _PERSONAL_DETAILS.search(q) or (named and not known(named.group("name") or named.group("full"))):
        return Route(
            "personal_data",
            "Your question includes personal details about someone (a name with personal information, an email "
            "address, a phone number or a date of birth). I don't look people up or answer about individuals, and "
            "I keep no record of questions. Please ask without the personal details. For a concern about an "
            "individual inspection, use Ofsted's complaints procedure on gov.uk; for a pupil, follow your school's "
            "safeguarding and data-protection procedures.",
        )
    if _OWN_INSPECTION.search(q):
        return Route(
            "named_school",
            "I can't tell you about your own school's inspection - who will inspect, when, their contact details or "
            "the outcome: my documents are guidance and announcements, not records of individual inspections. Ofsted "
            "gives those details when it notifies your school, and publishes each school's reports on "
            "reports.ofsted.gov.uk. Ask me what the rules say (for example, \u201cHow much notice do schools "
            "get?\u201d) and I'll answer from the documents. " + COVERAGE,
        )
    school = re.search(_SCHOOL_NAME, q)
    if school and not known(school.group(0)) or school_named_in_lower_case(q.lower(), known):
        return Route(
            "named_school",
            "I can't tell you about a particular school's grade, inspection dates or status: my documents are "
            "guidance and announcements, not inspection reports. Ofsted's reports for every school are published "
            "on its website (search for the school by name on reports.ofsted.gov.uk). " + COVERAGE,
        )
    return None
