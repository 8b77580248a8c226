"""Rule 1, the decision (``follow_up``): combines the kind of answer, what the line invites and the step read
(word count, ``SURE_READ``, pitfall or step) into the move of a short turn that continues the persona's line,
or None; with the thresholds and the reasons shown in the debrief.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.roleplay.context_rules.answer_kinds import (
    ASSENT,
    DENIAL,
    MORE,
    NEED,
    NEXT,
    PRAISE,
    QUESTION,
    SYMPATHY,
    VERDICT,
    adds_nothing,
    response_kind,
)
from bot.roleplay.context_rules.invitation import (
    Context,
    asks,
    feels,
    invitation,
    question_invitation,
    sentences,
    tells_event,
)
from bot.roleplay.context_rules.light_questions import IF_NOT, is_wish_question, light_question_steps
from bot.roleplay.context_rules.line_cues import WHAT_NOW
from bot.roleplay.context_rules.sides_and_facts import (
    BOTH_SIDES,
    ONE_SIDE,
    answers_side,
    asks_after_evidence,
    checks_fact,
    clears_blame,
    only_clears,
)
from bot.roleplay.context_rules.words import PARTICLES, THE_OTHER, WORD, family
from bot.roleplay.context_rules.yes_no import answers_the_question, yes_or_no
from bot.roleplay.models import PITFALLS, STEPS

# A verdict ("Klopt.", ``VERDICT``) after a statement about the other (``THE_OTHER``) sides with the persona (inhoud)
# ... unless the line says the other decides for themselves ("Hij doet wat hij wil."): agreeing accepts a reality
_UP_TO_THEM = family(r"zelf", r"beslist", r"bepaalt", r"kiest", r"wat (?:hij|zij|ze) (?:wil|wilt|wou)")

# ... the line blames the other for what the persona did ("Dan had hij maar op tijd moeten zijn."): a verdict
# or praise of that deed ("Goed zo.") sides with the persona whatever else the line invites
_BLAMES = family(r"(?:had|hadden) (?:hij|zij|ze) (?:\w+ ){0,3}(?:moeten|maar)", r"(?:eigen|zijn|haar) schuld",
                 r"(?:verdiend|net goed)")

# Only hesitation ("eh..", "ehm", "uh"): no answer to the line at all (a user test: "eh" after an outburst was read as
# an acknowledgement); the engine counts such a turn as no turn (``bot.roleplay.moves``).
_HESITATION = re.compile(r"^\W*(?:(?:e+h+m*|e+u+h+|u+h+m*)\W*)+$", re.IGNORECASE)

FOLLOW_UP_WORDS = 5  # a turn of at most this many words can be a follow-up to the persona's line
BARE_WORDS = 8  # ... or this many, when it adds nothing of its own ("nee, ook niet aan de jouwe")
SURE_READ = 0.6  # a step read at or above this (the engine's UNSURE) is clear: rule 1 leaves it alone
FOLLOW_UP_CONFIDENCE = 0.5  # a move read from the context alone is uncertain

REASONS = {
    "visie": "de gesprekspartner vroeg naar schuld of aan wiens kant je staat",
    "redden": "ja op een verzoek om het over te nemen",
    "inhoud": "instemming met een oordeel over de ander",
    "opties": "de gesprekspartner noemde een eigen idee, aanvaardde hoe het is of vroeg wat nu",
    "realiteit": "de gesprekspartner hoopte dat de ander verandert of vroeg of het zo blijft",
    "behoefte": "de gesprekspartner noemde een wens",
    "dynamiek": "de gesprekspartner vertelde wat er gebeurde",
    "erkennen": "de gesprekspartner liet een gevoel zien of vertelde iets pijnlijks",
}


def _answer(kind: Optional[str], text: str, context: Context) -> Optional[str]:
    """The move a short turn of this kind makes after the persona's line."""
    invited = invitation(context)
    if kind == QUESTION and invited in (None, "dynamiek") and context.used[-1:] == ("opties",) and MORE.search(text):
        # "En wat nog meer?" right after asking about the options asks for more options, also when the persona's
        # option reads like an event ("Misschien niet helemaal stoppen, maar minder. Alleen de woensdag, zonder
        # gedoe." invites dynamiek by its words; a user test read the question as dynamiek)
        return "opties"
    if kind == NEED:  # "Rust." answers the persona's question, or names the need under a statement
        target, sentence = question_invitation(context)
        if asks(sentence) and target is not None:
            return target if target in STEPS else None
        return "behoefte"
    if kind == QUESTION and invited == "behoefte" and IF_NOT.search(text):
        return "realiteit"  # "En als dat nooit gebeurt?" after a wish asks the persona to face that it may not come
    if kind == SYMPATHY:  # "Au." after a feeling, an event, a longing or a plain statement
        return "erkennen" if invited in (None, "erkennen", "dynamiek", "behoefte") else None
    asks_anywhere = any(asks(sentence) for sentence in sentences(context.last_line))
    blames = bool(_BLAMES.search(context.last_line))
    if (kind in (ASSENT, None) and (VERDICT.match(text) or (blames and PRAISE.match(text))) and not asks_anywhere
            and (blames or not feels(context))
            and (invited in (None, "erkennen", "dynamiek", "inhoud") or blames)
            and THE_OTHER.search(context.last_line) and not _UP_TO_THEM.search(context.last_line)):
        return "inhoud"  # "Klopt." after "Zij had hem moeten ophalen!" sides with the persona's view of her
    if kind == QUESTION and invited == "erkennen" and NEXT.match(text) and tells_event(context.last_line):
        return "dynamiek"  # "En dan?" after "Om elf uur appt ze ineens dat hij ziek is. Om elf uur!"
    if (kind == QUESTION and not asks_anywhere and invited in (None, "erkennen", "inhoud")
            and checks_fact(text, context)):
        return "inhoud"  # "Iedereen? Echt?", "Welke bewijzen?" after a claim: the professional goes into the facts
    if kind in (ASSENT, DENIAL):  # a yes or no answers the line's question first
        return yes_or_no(kind, text, context)
    if invited is None or invited in PITFALLS or (kind == QUESTION and invited == "visie"):
        return None  # asking back ("Hoe bedoel je?") after "Aan wiens kant sta je?" states no position
    if invited == "visie" and ONE_SIDE.search(text) and not BOTH_SIDES.search(text):
        return None  # "Jij natuurlijk." to "Wie heeft er gelijk?" picks a side: no visie
    if kind == QUESTION or asks(context.last_line):
        return invited
    if invited == "erkennen":  # "Jeetje mina." after a feeling
        return invited
    return None


def _over_any_read(text: str, label: Optional[str], length: int, kind: Optional[str],
                   context: Context) -> Optional[str]:
    """The short answers whose move the line decides over any step read: a side answer naming both sides or
    the children, clearing the persona of the blame they took on (visie), a question after evidence (inhoud)."""
    if label not in PITFALLS and label != "visie" and length <= FOLLOW_UP_WORDS and answers_side(text, context):
        return "visie"  # "Allebei. En voor je zoon." to "Voor wie bent u hier?"
    if label != "visie" and clears_blame(text, context) and (label not in PITFALLS or only_clears(text, context)):
        return "visie"  # "Dat ligt niet aan jou." after "Het is mijn schuld.", also "Jij kunt daar niks aan doen."
        # read as redden when it says nothing else
    if label != "inhoud" and length <= FOLLOW_UP_WORDS and kind == QUESTION and asks_after_evidence(text, context):
        return "inhoud"  # "Wat stond erin?" after "Die mail moet u echt zien."
    return None


def follow_up(text: str, label: Optional[str], confidence: float, context: Optional[Context]) -> Optional[str]:
    """Rule 1: the move of a short turn that continues the persona's last line, or None.

    A turn that adds nothing of its own (``adds_nothing``) and asks on, shows sympathy, says yes or
    says no is read from the line even when the classifier was sure of a step: its words carry no step.
    A pitfall read changes only into another pitfall (a bare yes to a request to take over).
    """
    if context is None or _HESITATION.match(text):
        return None
    length = len([w for w in WORD.findall(text) if w.lower() not in PARTICLES])
    kind = response_kind(text, context.last_line)
    bare = kind is not None and adds_nothing(text, context.last_line, kind)
    light = light_question_steps(text) if kind == QUESTION and not bare else ()
    if kind == QUESTION and not light and is_wish_question(text) and WHAT_NOW.search(context.last_line):
        light = ("opties",)  # "Wat zou je willen?" after "Ik weet niet wat ik moet terugschrijven." asks which way
    if label in PITFALLS and kind == ASSENT and length <= BARE_WORDS:
        move = yes_or_no(kind, text, context)
        if move in PITFALLS and move != label:  # "Tuurlijk, geef me het nummer maar." to "Wil jij de school
            return move  # bellen?" takes the task over; "Laat maar zien." to "Leest u ze maar." goes into the facts
    if length > (BARE_WORDS if bare or light else FOLLOW_UP_WORDS):
        return None
    over_any_read = _over_any_read(text, label, length, kind, context)
    if over_any_read:
        return over_any_read
    if label in PITFALLS and kind == NEED:
        return _answer(kind, text, context)  # "Gewoon vader zijn, hè.": a need in a word or two is no pitfall
    if label in PITFALLS and not (bare and kind in (ASSENT, DENIAL)):
        return None
    sure_step = label in STEPS and confidence >= SURE_READ
    if sure_step and not (bare or light):
        return None
    move = _answer(kind, text, context)
    if move is None or (sure_step and light and move not in light):
        return None  # the question's own verb does not fit what the line invites: it keeps its own read
    if sure_step and move == "erkennen" and kind == ASSENT and VERDICT.match(text):
        return None  # "Dat is zo." after "..., of ik nou boos word of niet." keeps a sure read: agreeing is weak
    if label in PITFALLS and move not in PITFALLS and not answers_the_question(text, kind, move, context):
        return None
    if move == label and (label in PITFALLS or confidence >= SURE_READ):
        return None  # the context agrees with a sure read: keep the classifier's confidence
    return move
