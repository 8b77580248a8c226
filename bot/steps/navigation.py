"""Understand what a professional types during the guided preparation.

``parse_command`` recognises the navigation words (waarom, voorbeeld, volgende, terug, sla over,
rol, stop) and ``own_command`` the requests in one's own words (help, the plan so far, the menu);
``method_question`` a question to Rustpunt about a step, a pitfall or a role; anything
else is a note for the current step. ``parse_situation_type`` maps free
Dutch to ``ouder`` / ``kind`` / ``beide_ouders``. Plain word rules: predictable and testable.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot import commands, textclass
from bot.commands import HINT, OVERSLAAN, ROL, SHOW_PLAN, STOP, TERUG, VOLGENDE, VOORBEELD, WAAROM
from bot.text import NUMBER_WORDS, ORDINAL_WORDS, plain, simplify

# checked in this order; the phrases live in bot.commands (one vocabulary for every capability)
NAVIGATION = (STOP, OVERSLAAN, TERUG, VOLGENDE, WAAROM, VOORBEELD, ROL)
# ... and these as the whole message or in one's own words ("help", "ik loop vast", "toon mijn plan", "kun je mijn plan
# tot nu toe laten zien?", "ik wil terug naar het menu", "oke ga verder"; a second-round user test of session 23 got
# "toon mijn plan" stored as a step's note): "help hem om rustig te worden" or "mijn plan: ..." stay notes
OWN_WORDS = (STOP, VOLGENDE, HINT, SHOW_PLAN)
__all__ = ["HINT", "NAVIGATION", "OVERSLAAN", "OWN_WORDS", "ROL", "SHOW_PLAN", "STOP", "TERUG", "VOLGENDE",
           "VOORBEELD", "WAAROM", "asks_how_to", "asks_why", "clean_note", "method_question", "own_command",
           "parse_command", "parse_situation_type", "which_step_sentence"]


def parse_command(text: Optional[str]) -> Optional[str]:
    """A navigation command, or None when the text is a note."""
    return commands.within_short_message(text, NAVIGATION)


def own_command(text: Optional[str]) -> Optional[str]:
    """A command of ``OWN_WORDS`` as the whole message or in one's own words (``bot.commands.whole_message``), else
    None. The preparation reads it after a question to Rustpunt ("moet ik eerst erkennen?" is one about a step)."""
    return commands.whole_message(text, OWN_WORDS)


_SITUATION_PATTERNS = [
    (
        "beide_ouders",
        r"\b(beide ouders|beide_ouders|allebei|beiden|ouders samen|twee ouders|vader en moeder|moeder en vader"
        r"|de ouders|ouders)\b",
    ),
    ("kind", r"\b(kind|kinderen|jongere|jongeren|zoon|dochter|puber|tiener|leerling|jongen|meisje|kindje)\b"),
    ("ouder", r"\b(ouder|vader|moeder|papa|mama|pa|ma|één ouder|een ouder|stiefouder|stiefvader|stiefmoeder)\b"),
]


def parse_situation_type(text: Optional[str]) -> Optional[str]:
    """``ouder``, ``kind`` or ``beide_ouders`` from free Dutch, or None when unclear."""
    if not text:
        return None
    lowered = re.sub(r"\s+", " ", text.lower().replace("_", " ")).strip()
    if lowered in {"beide ouders", "beide_ouders"}:
        return "beide_ouders"
    best = None  # (position, order) of the earliest mention; "vader en moeder" beats "vader"
    for order, (situation, pattern) in enumerate(_SITUATION_PATTERNS):
        match = re.search(pattern, lowered)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, situation)
    return best[2] if best else None


_NOTE_PREFIX = re.compile(
    r"^\s*(notitie|mijn zin( is)?|mijn notitie|ik zou zeggen|ik zeg|ik ga zeggen|ik wil zeggen|ik zeg dan|zin)"
    r"\s*[:\-]\s*",
    re.IGNORECASE,
)
def clean_note(text: Optional[str]) -> str:
    """The note without a leading 'ik zou zeggen:' and without surrounding quotes."""
    text = _NOTE_PREFIX.sub("", text or "").strip()
    return text.strip("\"'“”‘’ ").strip()


def which_step_sentence(text: Optional[str]) -> Optional[str]:
    """For 'welke stap is dit: <zin>': the sentence to classify ('' when missing), else None (the frames:
    ``bot.commands.which_question``)."""
    asked = commands.which_question(text)
    return asked[1] if asked and asked[0] == commands.WHICH_STEP else None


# A question to Rustpunt about the method, longer than the short command 'waarom?' ("waarom moet ik eigenlijk met
# visie beginnen? de ouders willen gewoon een oplossing"): it asks about the professional's own step, so it names
# the professional ('moet ik', 'zou ik') or the step. A question for the parent stays a note ("Waarom denkt u dat hij
# dat doet?" is a dynamiek question the professional plans to ask).
_WHY_METHOD = re.compile(
    r"^\W*(?:(?:maar|en|eh|nou|oké|ok)\W+)*waarom\b[^?.!]{0,80}?\b(?:moet ik|zou ik|moeten we|zouden we|begin ik|"
    r"beginnen met|begin je|doe ik|deze stap|die stap|stap|eerst|visie|erkennen|dynamiek|behoefte|realiteit|opties)\b"
    r"[^?.!]{0,80}\?",
    re.IGNORECASE,
)


def asks_why(text: Optional[str]) -> bool:
    """A question to Rustpunt why this step (see ``_WHY_METHOD``); the short 'waarom?' is the command ``WAAROM``."""
    return bool(_WHY_METHOD.match(text or ""))


# A question of the professional to Rustpunt about the method, which is no note and no situation (a user test saw
# them stored as notes, and "wat is een redder?" asked "Met wie?" in a loop). Two frames, on plain text:
# - a definition: "wat is een redder?", "wat bedoelen ze met realiteit benoemen?", "wat is stap 5", "leg erkennen uit";
# - the professional's own move: "mag ik bij stap 2 al advies geven?", "hoe erken ik zonder gelijk te geven?".
# Either frame must name the method (a step, a pitfall, a role; ``method_topics``). A line for the parent or child
# addresses them ("Wat is je verlangen?", "Mag ik vragen wat je verlangt?"): with 'je', 'u' or 'jullie' after the
# frame it stays a note.
_LEAD = r"^(?:(?:maar|en|eh|uh|nou|oke|ok|sorry|wacht|even|vraagje|vraag)\s+)*"
_DEFINITION = re.compile(
    _LEAD + r"(?:wat (?:is|zijn|betekent|betekenen|houdt|wordt bedoeld met)|wat bedoel\w*(?: (?:je|jij|u|jullie|ze|"
    r"men))?(?: eigenlijk| hier)?|wie is|hoe werkt|leg|uitleg(?: over| van| bij)?|wat (?:doe|moet) ik (?:bij|in|met)|"
    r"wat hoort bij|(?:het |een )?verschil tussen)\b"
)
_OWN_MOVE = re.compile(_LEAD + r"(?:mag|moet|kan|kun|zal|hoef|zou|wil) ik\b")
# "hoe erken ik ...?": a question word before 'ik' asks only with a question mark ("Waar ik voor sta, is ..." is a note)
_OWN_MOVE_ASKED = re.compile(
    _LEAD + r"(?:(?:hoe|wanneer|welke|wat)\b(?:\s+\w+){0,4}?\s+ik|is het (?:goed|handig|slim|ok|oke|verstandig|"
    r"de bedoeling|erg))\b"
)
_ADDRESSED = re.compile(r"\b(?:je|jij|jou|jouw|u|uw|jullie)\b")
MAX_QUESTION_WORDS = 16
_QUESTION_WORDS = ("wat", "wie", "hoe", "mag", "moet", "kan", "kun", "zal", "hoef", "zou", "wil", "wanneer", "waar",
                   "welke", "is", "leg", "uitleg")
_STEP_NUMBER = re.compile(
    r"\bstap\s+(\d|" + "|".join(NUMBER_WORDS) + r")\b|\b(" + "|".join(ORDINAL_WORDS) + r"|laatste) stap\b"
)
_THIS_STEP = re.compile(r"\b(?:deze stap|die stap|hier|hiermee|hier mee)\b")


DIFFERENCE = "verschil"  # topic: two or more roles side by side, their ids joined by commas
OWN_ROLE = "eigen_rol"  # topic: a role the professional notices in themselves
# "slachtoffer van huiselijk geweld": someone who suffered something, not the role of the drama triangle
_VICTIM_OF = re.compile(r"\bslachtoffers? (?:(?:is|was|wordt|werd|zijn|waren|geworden|worden) )?van\b"
                        r"|\bslachtoffers? (?:geworden|worden|werd)\b")

# The professional who notices a role or a pitfall in themselves and asks what to do ("ik merk dat ik zelf steeds ga
# redden bij die moeder, hoe stop ik daarmee", "ik schiet steeds in de redder, wat doe ik daaraan?", "wat doe ik als
# ik zelf aanklager word?", "ik betrap mezelf erop dat ik de inhoud in ga"): a self-observation and, in the same
# clause and before anyone else is named, the role or pitfall (user test: 'Sorry, dat begreep ik niet'). "wat doe ik
# als moeder steeds de redder is?" is about the mother: the role's explanation (how to respond) answers it.
# "hoe stap ik uit de redder rol", "hoe kom ik uit de reddersrol", "hoe blijf ik weg uit het redden": the question form
# of leaving a role is a self-observation too (a user test got the advice for answering a Redder)
_SELF = re.compile(r"\b(?:ik (?:merk|zie|voel|betrap|schiet|beland|zit|word|ben|ga|neem|speel|kom|raak|val)"
                   r"|(?:als|wanneer|dat|zodra|waardoor|omdat) ik|mezelf|mijzelf"
                   r"|(?:stap|kom|blijf|ga|raak|breek|klim|haal) ik (?:zelf |nou |nu |dan |weer |me |mezelf )?"
                   r"(?:uit|weg uit|los van|weg van|eruit|er uit))\b")
_OTHER_PERSON = re.compile(r"\b(?:hij|zij|ze|die|jij|je|u|men|iemand|moeder|vader|ouder|ouders|mama|papa|kind|"
                           r"kinderen|oma|opa|ex|zoon|dochter|collega|school|juf|meester|zus|broer|tante|oom)\b")
# ... and asks what to do: "hoe stop ik daarmee", "hoe ga ik daarmee om", "wat doe ik dan", or a question mark
_WHAT_TO_DO = re.compile(r"\bhoe (?:\w+ ){0,3}?(?:stop|kom|voorkom|doorbreek|houd|hou|vermijd|ga|doe|pak|blijf|"
                         r"stap|reageer) ik\b|\bwat (?:doe|moet|kan|zeg) ik\b")
MAX_OWN_ROLE_WORDS = 40
ROLE_OF_PITFALL = {"redden": "redder"}  # the pitfall of taking over is the Redder in the professional
# "..., is dat een redder?", "is zij dan de aanklager?", "zit oma in de reddersrol?", "speelt hij het slachtoffer?"
_IS_IT = re.compile(r"^(?:(?:en|maar|dus|want|nou)\s+)*(?:is|zit|speelt|klinkt|noem|bedoel)\b")
_CLAUSE = re.compile(r"[,.;:!?]+")


def _step_number(text: str, knowledge=None) -> Optional[str]:
    """The step a question names by its number ("stap 5", "stap vijf", "de vijfde stap", "de laatste stap")."""
    from bot.steps.guide import step_ids

    match = _STEP_NUMBER.search(text)
    if not match:
        return None
    steps = step_ids(knowledge)
    word = match.group(1) or match.group(2)
    number = len(steps) if word == "laatste" else (
        int(word) if word.isdigit() else NUMBER_WORDS.get(word) or ORDINAL_WORDS.get(word))
    return steps[number - 1] if number and 1 <= number <= len(steps) else None


def _named(text: str, entries) -> List[str]:
    """Ids of the entries whose name or synonym (a word beginning) occurs in ``text`` (plain)."""
    found = []
    for entry in entries:
        words = [plain(entry.naam), entry.id, *(plain(w) for w in getattr(entry, "synoniemen", []))]
        if any(re.search(rf"\b{re.escape(word)}", text) for word in words if word):
            found.append(entry.id)
    return found


def method_topics(text: str, current: Optional[str] = None, knowledge=None) -> List[Tuple[str, str]]:
    """What a question about the method names: ("stap", id), ("valkuil", id), ("rol", id) or ("driehoek", id), in
    that order; "deze stap", "hier" is the ``current`` step."""
    from bot.knowledge.loader import get_knowledge
    from bot.roles.explain import find_subject
    from bot.roles.names import compared_roles

    knowledge = knowledge or get_knowledge()
    clean = plain(text)
    compared = compared_roles(text, knowledge) if "verschil" in clean else []
    if len(compared) > 1:  # "wat is het verschil tussen redden en ondersteunen?": the two roles side by side
        return [(DIFFERENCE, ",".join(compared))]
    steps = [step.id for step in sorted(knowledge.all("stap"), key=lambda s: s.nummer)]
    named = _named(clean, knowledge.all("stap"))
    numbered = _step_number(clean, knowledge)
    if numbered and numbered not in named:
        named.insert(0, numbered)
    if not named and current is not None and current in steps and _THIS_STEP.search(clean):
        named = [current]
    topics = [("stap", step) for step in steps if step in named]
    topics += [("valkuil", pitfall) for pitfall in _named(clean, knowledge.all("valkuil"))]
    if not topics:
        roles = compared_roles(text, knowledge)
        if len(roles) > 1:  # "wat is het verschil tussen aanklager en assertief": both, side by side
            return [(DIFFERENCE, ",".join(roles))]
        subject = find_subject(text)  # a role ("wat is de omstander") or a triangle
        if subject is not None and not _VICTIM_OF.search(clean):
            topics.append(subject)
    return topics


def _own_role(text: str, knowledge=None) -> List[Tuple[str, str]]:
    """[(OWN_ROLE, role id)] or [("valkuil", id)] when the professional notices a role or a pitfall in themselves and
    asks what to do (see ``_SELF``); [] otherwise."""
    from bot.knowledge.loader import get_knowledge
    from bot.roles.names import find_roles

    clean = plain(text)
    if len(clean.split()) > MAX_OWN_ROLE_WORDS or not (text.strip().endswith("?") or _WHAT_TO_DO.search(clean)):
        return []
    knowledge = knowledge or get_knowledge()
    for clause in _CLAUSE.split(simplify(text)):
        marker = _SELF.search(clause)
        if marker is None:
            continue
        rest = clause[marker.end():]
        for word_end in (m.end() for m in re.finditer(r"\w+", rest)):
            said = rest[:word_end]
            if _OTHER_PERSON.search(said):
                break
            pitfalls = _named(said, knowledge.all("valkuil"))
            role = find_roles(said, knowledge)[:1] or ([ROLE_OF_PITFALL[pitfalls[0]]] if pitfalls and
                                                        pitfalls[0] in ROLE_OF_PITFALL else [])
            if role:
                return [(OWN_ROLE, role[0])]
            if pitfalls:
                return [("valkuil", pitfalls[0])]
    return []


def _is_it_a_role(text: str, knowledge=None) -> List[Tuple[str, str]]:
    """The role or pitfall of "oma regelt alles voor iedereen, is dat een redder?": a behaviour told, then the question
    whether it is one (the last clause, ``_IS_IT``); [] otherwise."""
    if not text.strip().endswith("?"):
        return []
    last = [part for part in _CLAUSE.split(simplify(text)) if part.strip()][-1:]
    if not last or len(last[0].split()) > MAX_QUESTION_WORDS or not _IS_IT.match(last[0].strip()) \
            or _ADDRESSED.search(last[0]):
        return []
    return _roles_only(method_topics(last[0], None, knowledge))


def _roles_only(topics: List[Tuple[str, str]]) -> List[Tuple[str, str]]:
    """The topics that are roles or triangles (not steps or pitfalls)."""
    return [topic for topic in topics if topic[0] not in ("stap", "valkuil")]


# A how-to question of the professional about their own move, anywhere in the message ("en wat als ze alleen maar
# blijft schelden, hoe erken ik dan?", "hoi, vraagje. hoe erken ik een moeder die alleen maar boos is? ze gaat echt
# tekeer", "vader praat alleen over geld, hoe krijg ik het gesprek naar de kinderen?"; a user test of session 23 got
# them stored as notes, 'Sorry' or a preparation): in a clause, a question word, at least one word (the verb: "hoe
# erken ik", "wat zeg ik"; "hoe ik het zie" is no question) and 'ik', or "moet ik", "hoef ik" at the clause's start.
# It is asked: the sentence ends with '?', or the message starts with it ("hoe erken ik een moeder die ..."). A polite
# "mag ik vragen ...", "kan ik ..." is a line for the parent; "moet ik", "hoef ik" ask Rustpunt.
# Said to the parent or child ("hoe kan ik je helpen?") it is a line, not a question to Rustpunt: a sentence with 'je',
# 'u' or 'jullie' does not count.
_HOW_TO = re.compile(_LEAD + r"(?:(?:hoe|wat|wanneer|waarmee)\s+(?:\w+\s+){1,3}?ik|(?:moet|hoef) ik)\b")
# A how-to question that names no step is about the step being prepared when it tells the situation: someone else in
# it ("als ze alleen over de alimentatie wil praten", "vader praat alleen over geld"), or a condition ('als').
# "Wat kan ik doen om te helpen?" or "Mag ik vragen wat er gebeurde?" stay lines for the parent.
_TELLS_SITUATION = re.compile(r"\b(?:als|wanneer|zodra|hij|zij|ze|hem|haar|moeder|vader|ouder|ouders|mama|papa|kind|"
                              r"kinderen|zoon|dochter|ex|oma|opa)\b")
MAX_HOW_TO_WORDS = 50
HOW_TO_EXAMPLES = "voorbeeld"  # topic: the example sentences of a step, for a how-to question ("wat zeg ik als ...")
TOPIC = "onderwerp"  # topic: a topic of the workbook's view (``bot.steps.topics``: "wat is parallel ouderschap?")


def _sentences(text: str) -> List[str]:
    """The sentences of ``text`` as the project's one splitter reads them: a dictated run-on punctuated first
    (``textclass.punctuate``: "eh wat zeg ik als ... hij wil praten wat moet ik dan" gets its full stops and question
    marks), then split after . ! ? and at line breaks (``textclass.segments``)."""
    punctuated = textclass.punctuate(text).text
    return [punctuated[begin:end].strip() for begin, end in textclass.segments(punctuated)]


def _opens_with_a_question_word(sentence: str) -> bool:
    """The sentence starts with a question word, also after a filler or an opener ("eh wat zeg ik ...", "oke, hoe")."""
    rest = re.sub(_LEAD, "", plain(sentence)).split()
    return bool(rest) and rest[0] in _QUESTION_WORDS + ("waarom",)


def _asked_sentences(text: str) -> List[str]:
    """The sentences of ``text`` that ask Rustpunt something, and address no one ('je', 'u', 'jullie': a line for the
    parent or child): a sentence that ends with '?', or that starts with a question word (after a filler: "eh wat zeg
    ik als hij alleen over de advocaat wil praten") and is the first of the message or not closed by a full stop (a
    question on a line of its own: "vader scheldt steeds<line break>hoe erken ik dan"). A second-round user test of
    session 23 got the dictated question stored as a note."""
    sentences = [part for part in _sentences(text) if plain(part)]
    asked = [part for index, part in enumerate(sentences)
             if part.endswith("?") or (_opens_with_a_question_word(part)
                                       and (index == 0 or not part.endswith((".", "!"))))]
    return [part for part in asked if not _ADDRESSED.search(plain(part))]


def asks_how_to(text: Optional[str]) -> bool:
    """The message is only a how-to question of the professional (``_HOW_TO``): every sentence asks how to do
    something ("eh hoe hou ik hem een beetje rustig als hij gaat schelden"). At "Wat speelt er?" such a question is
    no situation (a second-round user test of session 23 stored it as one), also when no step or topic answers it."""
    clean = plain(text or "")
    if not clean or len(clean.split()) > MAX_HOW_TO_WORDS:
        return False
    sentences = [part for part in _sentences(text or "") if plain(part)]
    asked = _asked_sentences(text or "")
    return bool(sentences) and len(asked) == len(sentences) and all(_how_to(part) for part in asked)


# What sounds like a how-to question but is a parent's, child's or bystander's own line (the recognisers' example
# sentences; a note in a preparation may quote them): a despairing "wat moet ik dan nog?" or "hoe moet ik dit er nou
# bij doen?", a concession "hoe graag ik het ook zou willen, ...", and a hesitation between two own moves "moet ik nu
# iets zeggen, of wacht ik tot zij komen?" (the Omstander)
_NO_HOW_TO = re.compile(r"\b(?:dan nog|nou|ook)\b|,\s*of\s+\w+\s+ik\b")


def _how_to(sentence: str) -> bool:
    """A clause of ``sentence`` asks how the professional does something (see ``_HOW_TO``), and the sentence is no
    line of someone else's that only sounds like it (``_NO_HOW_TO``)."""
    if _NO_HOW_TO.search(sentence.lower()):
        return False
    return any(_HOW_TO.match(plain(clause)) for clause in _CLAUSE.split(sentence) if plain(clause))


def asked_about_the_method(text: Optional[str], current: Optional[str] = None, knowledge=None
                           ) -> List[Tuple[str, str]]:
    """The topics of a question that ``method_question``'s frames at the start of a short message do not catch: a
    topic of the workbook's view in a question ("moet contact tussen de ouders het doel zijn?", "mag ik een kind laten
    kiezen bij wie hij wil wonen?"), and a how-to question (``_HOW_TO``) with the step it names ("hoe erken ik een
    moeder die alleen maar boos is": erkennen and its example sentences). A how-to question that names no step is
    about the ``current`` step of a preparation; in the menu it needs a topic."""
    from bot.steps.topics import find_topics

    clean = plain(text or "")
    if not clean or len(clean.split()) > MAX_HOW_TO_WORDS:
        return []
    asked = _asked_sentences(text or "")
    found: List[Tuple[str, str]] = []
    for sentence in asked:
        found += [(TOPIC, topic) for topic in find_topics(sentence, knowledge, own_move=_how_to(sentence))
                  if (TOPIC, topic) not in found]
    how_to = [sentence for sentence in asked if _how_to(sentence)]
    steps: List[str] = []
    for sentence in how_to:
        steps += [item for kind, item in method_topics(sentence, current, knowledge)
                  if kind == "stap" and item not in steps]
    if not steps and current is not None and any(_TELLS_SITUATION.search(plain(sentence)) for sentence in how_to):
        steps = [current]
    return [topic for step in steps for topic in (("stap", step), (HOW_TO_EXAMPLES, step))] + found


def method_question(text: Optional[str], current: Optional[str] = None, knowledge=None) -> List[Tuple[str, str]]:
    """The topics of a question to Rustpunt about the method (see ``_DEFINITION``), [] when ``text`` is no such
    question (a note, a situation, a line for the parent). A professional who notices a role in themselves ("ik merk
    dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee") gets ``(OWN_ROLE, role)``; a behaviour told and
    then "is dat een redder?" gets that role. Other questions about the method (a how-to anywhere in the message, a
    topic of the workbook's view): ``asked_about_the_method``."""
    return _framed_question(text, current, knowledge) or asked_about_the_method(text, current, knowledge)


def _framed_question(text: Optional[str], current: Optional[str] = None, knowledge=None) -> List[Tuple[str, str]]:
    """``method_question`` for the frames of a definition, an own move, an own role and a role told."""
    own = _own_role(text or "", knowledge)
    if own:
        return own
    told = _is_it_a_role(text or "", knowledge)
    if told:
        return told
    asks = _WHAT_TO_DO.search(plain(text or ""))
    if asks and len(plain(text or "").split()) <= MAX_OWN_ROLE_WORDS and not _ADDRESSED.search(plain(text or "")):
        # "ik merk dat moeder steeds het slachtoffer speelt, hoe ga ik daarmee om?": a role named (someone else's), and
        # what to do: the role's explanation says how to respond
        named = _roles_only(method_topics(text or "", None, knowledge))
        if named:
            return named
    clean = plain(text or "")
    words = clean.split()
    if not words or len(words) > MAX_QUESTION_WORDS:
        return []
    if not ((text or "").strip().endswith("?") or words[0] in _QUESTION_WORDS):
        return []
    asked = (text or "").strip().endswith("?")
    frame = _DEFINITION.match(clean) or _OWN_MOVE.match(clean) or (_OWN_MOVE_ASKED.match(clean) if asked else None)
    if frame is None or _ADDRESSED.search(clean[frame.end():]):
        return []
    return method_topics(text or "", current, knowledge)
