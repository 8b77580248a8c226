"""Context for reading a professional's move: the persona's last line and the stage of the talk.

The sentence classifier reads a turn on its own. In a conversation the moment says something too.
Two rules, both explainable:

1. **A short turn continues the persona's last line** (``follow_up``). A turn of at most
   ``FOLLOW_UP_WORDS`` words that the classifier cannot read clearly ("En dan?", "Hoe bedoel je?",
   "Dat klopt, ja.", "Pfoe.") takes the move that line invites (``invitation``): after an event it
   asks on about the pattern (dynamiek), after a wish about the wish (behoefte), after the persona's
   own idea about options (opties), after a hope that the ex will change or a "so I can't ..."
   question it names the reality (realiteit), after "whose side are you on?" it is visie, after an
   outburst or a feeling it acknowledges (erkennen). The invitation is read from the persona's last
   sentence first (a follow-up answers what was said last). It applies only when the persona asked
   something, the turn is a question, or the line shows a feeling and the turn is no bare "ja" or
   "oké" (a backchannel after a statement stays unclear). A bare *yes* to a request to take over
   ("Kunt u haar niet bellen?") is ``redden``, a bare *yes* to a claim about the other parent
   ("..., dat ziet u toch ook?") is ``inhoud``; a bare yes to "whose side are you on?" is left to
   the classifier. Such reads get confidence ``FOLLOW_UP_CONFIDENCE`` (uncertain: the engine
   forgives an uncertain pitfall once).
2. **A close call between steps leans towards the moment** (``reweigh``): the classifier's
   probabilities times small weights (the invited step, the next step in the workbook's order,
   fewer options before any need was explored), renormalised; a clear read never flips.

Never: a pitfall read becomes a good step; a clear step read (confidence >= ``SURE_READ``) changes
in rule 1. The cue lists and weights were set from the workbook's method and the ``ontwikkel`` part
of ``evaluatie/context.yml``; the ``toets`` part is only measured (``rustpunt evalueer rollenspel``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from bot.roleplay.models import PITFALLS, STEPS


def _words(*phrases: str) -> "re.Pattern[str]":
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


# What the persona's sentence invites, in order of precedence within one sentence.
_INVITATIONS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    # whose side are you on / who is right
    ("visie", _words(r"voor wie", r"aan wiens kant", r"aan (?:de|mijn|zijn|haar) kant", r"kant van", r"kant kiezen",
                     r"partij", r"wie (?:heeft|had) (?:er )?(?:nou |nu )?gelijk",
                     r"(?:bent|staat) u (?:er )?(?:ook |nou |nu )?(?:voor|achter)",
                     r"u (?:bent|staat) (?:er )?(?:ook |nou |nu )?(?:voor|achter)",
                     r"(?:ben|sta) (?:jij|je) (?:er )?(?:ook |nou |nu )?(?:voor|achter)",
                     r"(?:jij|je) (?:bent|staat) (?:er )?(?:ook |nou |nu )?(?:voor|achter)")),
    # asks the professional to take the problem over (only a bare yes makes this redden)
    ("redden", _words(r"(?:kunt|wilt|zou) u (?:\w+ ){0,4}(?:bellen|praten|zeggen|regelen|vertellen|spreken|aanspreken|"
                      r"bepalen|oplossen|vragen|zorgen)",
                      r"(?:kun|kan|wil|zou) (?:jij|je) (?:\w+ ){0,4}(?:bellen|praten|zeggen|regelen|vertellen|spreken|"
                      r"aanspreken|bepalen|oplossen|vragen|zorgen)",
                      r"(?:bel|regel|zeg) (?:jij|u) (?:\w+ ){0,3}maar", r"(?:zegt|regelt|belt) u (?:\w+ ){0,3}maar")),
    # wants the professional to agree about the other (only a bare yes makes this inhoud)
    ("inhoud", _words(r"toch ook", r"ziet u (?:dat |het )?toch", r"zie (?:jij|je) (?:dat |het )?toch",
                      r"vindt u (?:ook )?niet", r"vind (?:jij|je) (?:ook )?niet", r"heb ik (?:nou )?gelijk",
                      r"klopt (?:dat |het )?toch", r"of niet")),
    # hopes the other will change, or asks whether it will stay like this / can be forced
    ("realiteit", _words(r"vast wel", r"vanzelf", r"ooit", r"dus (?:\w+ ){0,4}(?:niet|nooit|blijft|altijd)",
                         r"dwingen", r"verplichten", r"niet veranderen", r"gaat (?:ze|hij) (?:nog|misschien|ooit)",
                         r"blijft (?:het|ze|hij) (?:zo|altijd)")),
    # the persona's own idea, or asks what to do now
    ("opties", _words(r"misschien (?:moet|kan|ga|zou) ik", r"ik zou (?:\w+ ){0,5}kunnen", r"ik kan (?:het|haar|hem|ze|"
                      r"ook|gewoon|naar|de|een|eerst|zelf)", r"of ik (?:ga|kan|zou)",
                      r"ik ga (?:\w+ ){0,2}(?:niet meer|niet meteen|eerst|haar|hem|ze|de|een|naar)",
                      r"wat (?:moet|kan) ik (?:dan|nu|nog)", r"hoe moet ik (?:dan |nu )?verder",
                      r"eerst (?:een|even) (?:nacht|nachtje)")),
    # names a wish or a longing
    ("behoefte", _words(r"ik wil", r"ik zou (?:zo )?graag", r"ik zou willen", r"ik wou", r"had ik maar", r"het liefst",
                        r"ik hoop", r"ik mis", r"ik verlang", r"mijn wens", r"ik wens", r"zou ik willen",
                        r"was het maar")),
    # tells what happened, or the pattern of action and reaction
    ("dynamiek", _words(r"toen", r"gisteren", r"gisteravond", r"vorige week", r"laatst", r"die keer", r"elke keer",
                        r"altijd als", r"iedere keer", r"zodra", r"(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*",
                        r"vanochtend", r"vanmorgen", r"appte", r"appje", r"appt", r"belde", r"stuurde", r"schreef",
                        r"zei", r"stond", r"kwam", r"reageerde", r"begon", r"begint")),
    # shows a feeling
    ("erkennen", re.compile(
        r"\b(boos|woedend|verdrietig|kapot|doodmoe|moe|bang|machteloos|wanhopig|ik kan niet meer|"
        r"ik trek het niet|ik weet het niet meer|ik ben er klaar mee|gefrustreerd|teleurgesteld|huil|wakker|"
        r"gek van|pijn|eenzaam|alleen voor)\w*", re.IGNORECASE)),
)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_ASSENT = re.compile(r"^\W*(?:ja|jawel|klopt|dat klopt|zeker|inderdaad|goed|is goed|prima|oké|oke|ok|okay|doe ik|"
                     r"zal ik doen|zo is het|precies|natuurlijk|tuurlijk)(?!\w)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

FOLLOW_UP_WORDS = 5  # a turn of at most this many words can be a follow-up to the persona's line
SURE_READ = 0.6  # a step read at or above this (the engine's UNSURE) is clear: rule 1 leaves it alone
FOLLOW_UP_CONFIDENCE = 0.5  # a move read from the context alone is uncertain
INVITE_WEIGHT = 1.4  # rule 2: the step the persona's line invites
_INVITE_WEIGHTS = {"behoefte": 1.5, "erkennen": 1.3, "dynamiek": 1.2}  # the weights these cues had before
STAGE_WEIGHT = 1.2  # the step that comes next in the workbook's order
EARLY_OPTIONS = 0.85  # options before any need was explored are less likely meant as options

REASONS = {
    "visie": "de gesprekspartner vroeg aan wiens kant je staat",
    "redden": "ja op een verzoek om het over te nemen",
    "inhoud": "ja op een oordeel over de ander",
    "opties": "de gesprekspartner noemde een eigen idee of vroeg wat nu",
    "realiteit": "de gesprekspartner hoopte dat de ander verandert of vroeg of het zo blijft",
    "behoefte": "de gesprekspartner noemde een wens",
    "dynamiek": "de gesprekspartner vertelde wat er gebeurde",
    "erkennen": "de gesprekspartner liet een gevoel zien",
}


@dataclass(frozen=True)
class Context:
    """What came before a turn: the persona's last line and the moves read so far."""

    last_line: str = ""
    used: Tuple[str, ...] = ()

    @classmethod
    def of(cls, last_line: Optional[str], used: Sequence[str]) -> "Context":
        return cls(last_line=last_line or "", used=tuple(used))


def _sentence_invitation(sentence: str) -> Optional[str]:
    for move, pattern in _INVITATIONS:
        if pattern.search(sentence):
            return move
    return None


def invitation(context: Context) -> Optional[str]:
    """The move the persona's last line invites (its last sentence first), or None.

    An outburst ("!") with no other cue invites an acknowledgement.
    """
    sentences = [s for s in _SENTENCE.split(context.last_line.strip()) if s]
    for sentence in reversed(sentences):
        move = _sentence_invitation(sentence)
        if move:
            return move
    if "!" in context.last_line:
        return "erkennen"
    return None


def follow_up(text: str, label: Optional[str], confidence: float, context: Optional[Context]) -> Optional[str]:
    """Rule 1: the move of a short turn that continues the persona's last line, or None."""
    if context is None or label in PITFALLS or (label in STEPS and confidence >= SURE_READ):
        return None
    if len(_WORD.findall(text)) > FOLLOW_UP_WORDS:
        return None
    invited = invitation(context)
    if invited is None:
        return None
    if invited in PITFALLS:
        return invited if _ASSENT.match(text) else None
    if invited == "visie" and _ASSENT.match(text):  # "Ja." to "Sta je aan haar kant?" is no visie
        return None
    asked = context.last_line.rstrip().endswith("?")
    question = text.rstrip().endswith("?")
    if asked or question:
        return invited
    if invited == "erkennen" and not _ASSENT.match(text):  # "Pfoe.", "Jeetje." after a feeling; not a bare "ja"
        return invited
    return None


def weights(context: Context) -> Dict[str, float]:
    """Rule 2: multiplicative weight per step label (1.0 = no opinion); pitfalls and small talk keep 1.0."""
    result = {step: 1.0 for step in STEPS}
    invited = invitation(context)
    if invited in STEPS:
        result[invited] *= _INVITE_WEIGHTS.get(invited, INVITE_WEIGHT)
    done = [m for m in context.used if m in STEPS]
    if done:
        furthest = max(STEPS.index(m) for m in done)
        if furthest + 1 < len(STEPS):
            result[STEPS[furthest + 1]] *= STAGE_WEIGHT
    if "behoefte" not in done and len(done) < 3:
        result["opties"] *= EARLY_OPTIONS
    return result


def reweigh(probabilities: Dict[str, float], context: Optional[Context]) -> Dict[str, float]:
    """The classifier's probabilities times the context weights, renormalised."""
    if not context or not probabilities:
        return dict(probabilities)
    factor = weights(context)
    scores = {label: p * factor.get(label, 1.0) for label, p in probabilities.items()}
    total = sum(scores.values()) or 1.0
    return {label: s / total for label, s in scores.items()}
