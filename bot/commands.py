"""The one vocabulary of commands a professional types instead of an answer or a turn.

The preparation (``bot.steps``), the intake (``bot.intake``) and the role-play (``bot.roleplay``)
all read their commands here, through one normaliser (``bot.text.plain``):

- ``whole_message(text, allowed)``: the whole message is a command phrase ("stop", "Stop
  rollenspel!", "rond af"); used where every other message is an answer or a turn.
- ``within_short_message(text, allowed)``: a command phrase occurs in a short message ("ga maar
  door", "geef een voorbeeld"); ``stop`` only counts at the start. Used by the preparation, whose
  notes are rarely that short.

A sentence like "ik wil dat de ruzie stopt" is never a command (see docs/conventions.md).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Pattern, Sequence, Tuple

from bot.text import NUMBER_WORDS, ORDINAL_WORDS, distance, plain

STOP = "stop"
HINT = "hint"
FEEDBACK = "feedback"
TERUG = "terug"
OVERSLAAN = "overslaan"
VOLGENDE = "volgende"
AFRONDEN = "afronden"
WAAROM = "waarom"
VOORBEELD = "voorbeeld"
ROL = "rol"
RESUME = "verder"  # back after a break: "ik ben er weer, waar waren we?"
RESTART = "opnieuw"  # the role-play from the start: "ik begin opnieuw", "kan ik helemaal opnieuw beginnen?"
SHOW_PLAN = "plan"  # the gespreksplan so far, in a preparation: "toon mijn plan", "wat heb ik tot nu toe?"

PHRASES: Dict[str, Tuple[str, ...]] = {
    STOP: (
        "stop", "stoppen", "stop maar", "stop ermee", "ik wil stoppen", "hou op", "afbreken", "ophouden",
        "kappen", "annuleren", "annuleer", "menu", "terug naar menu", "terug naar het menu",
        "stop de intake", "stop rollenspel", "stop het rollenspel", "stop met het rollenspel",
        "rollenspel stoppen", "ik wil stoppen met het rollenspel", "einde rollenspel",
    ),
    HINT: (
        "hint", "een hint", "geef een hint", "geef me een hint", "mag ik een hint", "hint graag", "tip",
        "geef een tip", "geef me een tip", "help", "help me", "hulp", "ik weet het niet meer", "wat moet ik nu zeggen",
        "wat moet ik zeggen", "wat zeg ik nu", "ik loop vast", "wat moet ik hier doen",
        "wat moet ik typen", "wat moet ik hier typen", "ik weet niet wat ik moet zeggen",
        "ik weet niet wat ik nu moet zeggen", "ik weet even niet wat ik moet zeggen",
        "ik weet even niet wat ik nu moet zeggen", "wat is de volgende stap", "welke stap nu", "welke stap moet ik nu",
    ),
    # Not "hoe gaat het?" or "hoe ging het?": in a role-play those are natural lines to the parent or child.
    FEEDBACK: (
        "hoe doe ik het", "hoe doe ik het tot nu toe", "hoe doe ik het nu", "doe ik het goed", "feedback",
        "geef feedback", "geef me feedback", "tussenstand", "wat is de tussenstand", "geef de tussenstand",
    ),
    # back after a break (a user test: "ik ben er weer, sorry moest even weg. waar waren we?" was played as a turn)
    RESUME: (
        "waar waren we", "waar waren we gebleven", "waar was ik", "waar was ik gebleven", "ik ben er weer",
        "ik ben er weer terug", "ik ben weer terug", "ik ben terug", "daar ben ik weer", "ben er weer",
        "ben weer terug",
        "waar waren we ook alweer", "waar was ik ook alweer",
    ),
    TERUG: (
        "terug", "vorige", "vorige vraag", "vorige stap", "ga terug", "stap terug", "een stap terug",
        "een vraag terug", "ga een vraag terug", "back",
    ),
    OVERSLAAN: (
        "sla over", "overslaan", "skip", "sla maar over", "sla deze over", "deze overslaan",
        "sla stap over", "sla deze stap over", "deze stap niet",
    ),
    VOLGENDE: (
        "volgende", "volgende vraag", "verder", "door", "ga door", "door naar", "klaar met deze stap", "next",
    ),
    AFRONDEN: ("rond af", "afronden", "klaar", "ik ben klaar", "samenvatting", "maak de samenvatting", "einde"),
    WAAROM: ("waarom", "waartoe", "wat is het nut", "wat heeft het voor zin", "leg uit"),
    VOORBEELD: (
        "voorbeeld", "voorbeelden", "voorbeeldzin", "voorbeeldzinnen", "hoe zeg ik dat", "hoe zou je dat zeggen",
    ),
    ROL: ("mijn rol", "jouw rol", "wat is mijn rol", "rol van de professional", "mijn positie"),
    # in the preparation (a second-round user test of session 23: "toon mijn plan" at a step was stored as its note)
    SHOW_PLAN: (
        "toon mijn plan", "toon het plan", "toon plan", "mijn plan", "plan", "gespreksplan", "mijn gespreksplan",
        "toon mijn gespreksplan", "toon het gespreksplan", "plan tonen", "gespreksplan tonen", "overzicht",
        "toon het overzicht", "wat heb ik tot nu toe", "wat heb ik al", "wat hebben we tot nu toe",
    ),
    RESTART: (
        "opnieuw", "overnieuw", "herstart", "opnieuw beginnen", "opnieuw starten", "begin opnieuw", "ik begin opnieuw",
        "vanaf het begin", "van voren af aan", "alles opnieuw", "nog een keer vanaf het begin",
    ),
}

# Short messages only: a long sentence that happens to contain "terug" is a note, not a command.
MAX_COMMAND_WORDS = 7
# "Waarom word je zo boos?" or "ik vraag door" are sentences for the conversation, not commands.
_STRICT = {WAAROM, TERUG, VOLGENDE}
_MAX_STRICT_WORDS = 5
_PRONOUNS = {"je", "jij", "jou", "jouw", "jullie", "hij", "zij", "ze", "u", "hem", "haar", "vraag", "zeg"}


def normalise(text: Optional[str]) -> str:
    """The one normaliser for commands: ``bot.text.plain``."""
    return plain(text or "")


def whole_message(text: Optional[str], allowed: Sequence[str]) -> Optional[str]:
    """The first command of ``allowed`` whose phrase is the whole message, else None. A request for help
    after what the professional was saying ("ik weet even niet wat ik nu moet zeggen, help") counts as well:
    the last clause alone is a ``HINT`` phrase; so does coming back after a break ("ik ben er weer, sorry moest
    even weg. waar waren we?"): the last clause alone is a ``RESUME`` phrase. A request for help or to start again
    in the trainee's own words counts too (``_asks_in_own_words``), and so does a request to go to the menu or to stop
    the task, or to go on, in one's own words ("ik wil even terug naar het menu", "oke ga verder")."""
    cleaned = normalise(text)
    for command in allowed:
        if cleaned in PHRASES[command]:
            return command
    last = re.split(r"[,.;:!?]\s*", (text or "").strip().rstrip(",.;:!? "))[-1]
    for command in (HINT, RESUME):
        if command in allowed and last != (text or "").strip() and normalise(last) in PHRASES[command]:
            return command
    for command in (FEEDBACK, HINT):  # named by its word first: "kan ik feedback per stap krijgen?" is no question
        # which step to take
        if command in allowed and _named_request(text, command):
            return command
    for command in (HINT, FEEDBACK, RESTART, STOP, VOLGENDE, SHOW_PLAN, RESUME):
        if command in allowed and _asks_in_own_words(text, command):
            return command
    return None


# A command typed with one slip of the keys or a polite word after it ("sla ovr", "volgnde", "rondaf", "sla over aub",
# "terug graag"): in the guided intake such a message was noted as the caller's answer (a user test of session 28). One
# letter off (left out, added, swapped or changed) counts only for the phrases of ``_NEAR_PHRASES``, which no answer of
# a caller comes near: not "ga door" ("ga dood" is no command), not "stoppen" ("stappen").
_POLITE_TAIL = re.compile(r"\s+(?:aub|a u b|graag|alsjeblieft|alstublieft|svp|pls|please|dan maar|maar|even|nu)$")
_NEAR_PHRASES = frozenset({"sla over", "overslaan", "volgende", "volgende vraag", "rond af", "afronden",
                           "vorige vraag"})


def near_whole_message(text: Optional[str], allowed: Sequence[str]) -> Optional[str]:
    """``whole_message``, also for a command with a polite word after it or one letter off (see ``_POLITE_TAIL``)."""
    exact = whole_message(text, allowed)
    if exact is not None:
        return exact
    cleaned = _POLITE_TAIL.sub("", normalise(text))
    for command in allowed:
        if cleaned in PHRASES[command]:
            return command
    squeezed = cleaned.replace(" ", "")
    for command in allowed:
        for phrase in PHRASES[command]:
            if phrase in _NEAR_PHRASES and distance(squeezed, phrase.replace(" ", ""), limit=1) <= 1:
                return command
    return None


# A request for help or to start again in the trainee's own words, during a role-play (a user test: "ik weet het echt
# even niet meer hoor, wat moet ik nou zeggen" was read as redden and ended the talk; "welke stap moet ik nu eigenlijk
# doen dan?", "pff ... moet ik nou eerst erkennen of eerst vertellen wat mijn rol is?", "laat maar, ik begin opnieuw"
# and "kan ik helemaal opnieuw beginnen?" were played as turns). Fillers ("echt", "even", "nou", "eigenlijk", "hoor",
# "pff") do not change what is asked: without them a clause is a phrase of ``PHRASES`` or one of these frames, in
# which "ik" is the trainee and what is asked is the exercise:
# - what to say: "wat moet ik zeggen", "hoe moet ik hierop reageren", "ik weet niet meer wat ik moet zeggen";
# - which step: "welke stap moet ik doen", "wat is de beste stap", "moet ik eerst erkennen of ...", "zou ik de
#   realiteit benoemen?" (a step's name in a question about the trainee's own move);
# - to start again: "ik begin opnieuw", "kan ik (helemaal) opnieuw beginnen?", "ik wil het rollenspel opnieuw doen";
# - feedback so far: "hoe doe ik het tot nu toe?", "hoe gaat het tot nu toe?", "en hoe gaat het gesprek tot zover?",
#   "hoe sta ik ervoor?" (a user test of session 22 played them as turns). Plain "hoe gaat het?" asks the persona.
# Said to the persona the frames address it ("wat moet ik volgens u doen?", "zal ik eerst vertellen wat mijn rol
# is?" offers something to the parent, "laten we opnieuw beginnen" is a line to make a fresh start) and stay turns:
# 'u', 'je', 'jullie' or 'we' anywhere in the message, or 'zal ik' (an offer), keep it a turn; so does a long message.
_FILLERS = frozenset(
    "echt even nou nu dan eigenlijk hoor toch zo wel gewoon precies nog eens ff effe pff pfff pfoe hmm hm eh uh oke ok "
    "oei oeps sorry jeetje tja ja nee ach help hier hierop daarop hierbij graag alsjeblieft aub weer nogmaals".split())
_WE_WORDS = re.compile(r"\b(?:u|uw|je|jij|jou|jouw|jullie|we|wij|ons|onze|meneer|mevrouw|papa|mama)\b")
_STEP_TERMS = (r"(?:erkennen|erkenning|erken|visie|houding|realiteit|dynamiek|patroon|behoefte|behoeftes|verlangen|"
               r"opties|optie|stap|stappen|valkuil|redden|oordelen)")
_AGAIN_WORDS = r"(?:opnieuw|overnieuw|van voren af aan|vanaf het begin)"
_SO_FAR = r"(?:tot (?:\w+ )?toe|tot zover|tot dusver|tot dusverre|tot hier|zover)"  # "tot nu toe" without the filler
_OUR_TALK = (r"(?:(?:het|dit|mijn|ons|de|deze) (?:gesprek|gesprekje|rollenspel|oefengesprek|oefening)|mij|"
             r"mijn beurten)")
_QUIT = r"(?:stoppen|ophouden|afbreken|kappen)"
# what only the exercise is, never the persona's talk
_EXERCISE = r"(?:oefening|oefengesprek|rollenspel|scenario|casus)"
_WITH_THIS = (r"met\s+(?:de|deze|het|dit)\s+(?:intake|vraagverheldering|gesprek|vragen|voorbereiding|"
              + _EXERCISE + r")")
# "laten we stoppen met deze oefening": 'we' are the trainee and Rustpunt when the exercise is named ("laten we stoppen
# met dit gesprek" may be a line to the persona, and stays a turn)
_LETS_STOP = re.compile(
    r"^laten we\s+(?:(?:maar|hier|hiermee|ermee)\s+)?(?:" + _QUIT + r"\s+met\s+(?:de|deze|het|dit)\s+" + _EXERCISE
    + r"|met\s+(?:de|deze|het|dit)\s+" + _EXERCISE + r"\s+" + _QUIT + r")$")
_OWN_WORDS = {
    HINT: re.compile(
        r"^(?:(?:wat|hoe) (?:moet|kan|zal|zou) ik (?:(?:nu|dan) )?(?:zeggen|antwoorden|reageren|terugzeggen)"
        r"|ik weet (?:het )?niet (?:meer|wat ik (?:moet|kan|zal) (?:zeggen|antwoorden)|meer wat ik (?:moet|kan|zal) "
        r"(?:zeggen|antwoorden|doen)|hoe ik (?:verder moet|moet reageren|verder kan))"
        r"|ik (?:loop|zit|sta) (?:helemaal )?vast"
        rf"|welke stap (?:moet|kan|zou) ik(?: (?:zetten|doen|nemen|kiezen))?"
        r"|(?:wat|welke) (?:is|wordt) (?:de|een) (?:volgende|beste|juiste|goede|handigste) stap"
        rf"|(?:moet|zou|kan) ik (?:(?:nu|eerst|dan|beter|al|nog) )*(?:\w+ ){{0,3}}?{_STEP_TERMS}\b.*)$"),
    # feedback so far: the fillers are gone, so "tot nu toe" and "tot nog toe" read "tot toe"
    FEEDBACK: re.compile(
        rf"^(?:en |maar |dus |zeg )?(?:hoe (?:doe|deed) ik het(?: {_SO_FAR})?|doe ik het goed(?: {_SO_FAR})?"
        rf"|hoe gaat het(?: met {_OUR_TALK})? {_SO_FAR}(?: met {_OUR_TALK})?|hoe gaat het met {_OUR_TALK}"
        rf"|hoe (?:gaat|loopt) {_OUR_TALK}(?: {_SO_FAR})?|hoe ga ik {_SO_FAR}|hoe sta ik er ?voor(?: {_SO_FAR})?)$"),
    # to begin again, or to do the exercise again; "mag ik het opnieuw proberen?" is a repair for the persona
    RESTART: re.compile(
        r"^(?:laat maar |weet je wat )?(?:(?:ik|kan ik|kun ik|mag ik|ik wil|ik ga|wil ik|ik zou)\s+)?"
        r"(?:(?:(?:het|dit|alles)\s+)?(?:helemaal\s+|liever\s+)?" + _AGAIN_WORDS + r"\s+(?:beginnen|starten)"
        r"|(?:de oefening|het rollenspel|dit rollenspel|alles)\s+(?:helemaal\s+|liever\s+)?" + _AGAIN_WORDS
        + r"(?:\s+(?:doen|proberen|spelen|oefenen|beginnen|starten))?"
        r"|(?:begin|start)\s+(?:(?:het|dit|alles)\s+)?(?:helemaal\s+)?" + _AGAIN_WORDS
        + r"|helemaal\s+" + _AGAIN_WORDS + r")$"),
    # to the menu, or to stop the task (a user test of session 22: "ik wil even terug naar het menu" was stored as the
    # caller's answer in the intake): "(ik wil) (weer) terug naar het menu", "kan ik naar het hoofdmenu", "ik wil het
    # menu zien", "ik wil stoppen met de intake", "ik ga stoppen"; not "ik wil stoppen met roken"
    STOP: re.compile(
        r"^(?:(?:ik wil|ik wou|ik ga|ik moet|kan ik|mag ik|wil ik|ik zou (?:willen|graag))\s+)?"
        r"(?:(?:(?:weer|terug)\s+)?(?:terug\s+)?naar\s+(?:het\s+)?(?:hoofd)?menu(?:\s+(?:toe|gaan|terug))?"
        r"|(?:het\s+)?(?:hoofd)?menu\s+(?:zien|hebben|tonen))$"
        r"|^(?:ik wil|ik wou|ik ga|ik moet|kan ik|mag ik|wil ik|ik zou (?:willen|graag))\s+(?:(?:ermee|hiermee)\s+)?"
        + _QUIT + r"(?:\s+" + _WITH_THIS + r")?$"
        # "ik wil met dit scenario stoppen", "ik ga ermee stoppen"
        r"|^(?:ik wil|ik wou|ik ga|ik moet|kan ik|mag ik|wil ik|ik zou (?:willen|graag))\s+" + _WITH_THIS + r"\s+"
        + _QUIT + r"$"
        # "ik stop ermee", "ik stop met dit scenario", "ik kap ermee", "ik hou ermee op" (a user test played the first
        # as a turn); a bare "ik stop" is a line ("Oké, ik stop hier even, mensen", in an MDO)
        r"|^ik\s+(?:stop|kap)\s+(?:ermee|hiermee|" + _WITH_THIS + r")$"
        r"|^ik\s+(?:hou|houd)\s+(?:ermee|hiermee)\s+op$"
        r"|^" + _QUIT + r"\s+" + _WITH_THIS + r"$"),  # a bare "stoppen" in a longer turn is a line ("Oké, stop. ...")
    # to go on: "oke ga verder", "ga maar door", "door naar de volgende vraag", "verder maar", "op naar de volgende"
    VOLGENDE: re.compile(
        r"^(?:(?:ga|ga maar|gaat|ik ga|ik wil|kan ik|mag ik)\s+)?(?:verder|door)(?:\s+maar)?"
        r"(?:\s+(?:met|naar)\s+de\s+(?:volgende(?:\s+vraag)?|rest))?$"
        r"|^(?:(?:ga|ik ga|ik wil|kan ik|mag ik|op|door)\s+)?(?:naar\s+)?de\s+volgende(?:\s+vraag)?(?:\s+maar)?$"),
    # the plan so far, asked in one's own words: "laat mijn plan even zien", "kun je het gespreksplan tot nu toe
    # tonen?", "kan ik mijn plan nog een keer zien?", "wat heb ik tot nu toe genoteerd?", "wat staat er al in mijn
    # plan?" (fillers such as "even", "nog", "nu" are gone); a verb of showing or a question about what is noted, so a
    # note that starts with "mijn plan: ..." stays a note
    SHOW_PLAN: re.compile(
        r"^(?:(?:kan|kun|kunt|mag|wil|wilt) (?:ik|je|jij|u) |ik wil |ik zou (?:graag )?)?"
        r"(?:(?:toon|laat|geef|bekijk|zie)(?: (?:mij|me))? )?(?:(?:mijn|m n|mn|het|ons|dat|de|wat) )?"
        rf"(?:gespreks)?(?:plan|overzicht)(?: {_SO_FAR})?(?: (?:(?:een|1) keer|eens))?"
        r"(?: (?:zien|tonen|bekijken|terugzien|laten zien|inzien|lezen|teruglezen|weergeven))$"
        r"|^(?:toon|geef|bekijk)(?: (?:mij|me))? (?:mijn|m n|mn|het|ons|dat|de) (?:gespreks)?(?:plan|overzicht)"
        rf"(?: {_SO_FAR})?$"
        r"|^wat (?:heb ik|hebben we|staat er)(?: \w+){0,2}? (?:" + _SO_FAR + r"|al)"
        r"(?: (?:genoteerd|opgeschreven|ingevuld|voorbereid|in (?:mijn|het) (?:gespreks)?plan|in mijn voorbereiding))?$"
        r"|^wat staat er (?:al )?in (?:mijn|het) (?:gespreks)?plan$"),
}
MAX_OWN_WORDS = 20  # a longer message tells the persona something

# Feedback or a tip asked of Rustpunt by its name (a user test of session 29: "wat voor feedback krijg ik hierop?" was
# played as a turn and read as 'visie uitdragen', and "geef me een tipje" got an answer of the mother). "feedback",
# "tip" and "hint" are words about the exercise, not for the persona, so 'je' may address Rustpunt ("heb je een tip
# voor me?"); 'u' still addresses the persona ("heeft u een tip voor mij?" asks the parent).
_FEEDBACK_WORD = r"(?:feedback|feedbak|fietbek|feetback|terugkoppeling|beoordeling)"
_TIP_WORD = r"(?:tip|tipje|tips|hint|hintje|hints)"
_ASKING = (r"(?:(?:wat voor|welke|kan ik|kun ik|mag ik|krijg ik|wil ik|ik wil(?: graag)?|ik zou graag|graag|geef|"
           r"geef me|geef mij|geef eens|kun je|kan je|kun jij|wil je|heb je|heb jij|heb je nog|is er|een|nog een|"
           r"mijn|de|jouw|je)\s+)*")
_NAMED_REQUEST = {
    FEEDBACK: re.compile(
        r"^" + _ASKING + r"(?:\w+\s+){0,2}?" + _FEEDBACK_WORD
        + r"(?:\s+(?:krijgen|hebben|geven|krijg ik|graag|aub|per stap|per beurt|op (?:mijn|m n|mn|de|deze|die|dit|dat)"
          r"(?: \w+){0,3}|(?:hier|daar)op|over (?:mijn|m n|mn|de|dit|dat)(?: \w+){0,3}|tot (?:\w+ )?toe|"
          r"(?:voor|aan) (?:me|mij)))*$"
        # "hoe deed ik dat?", "was dit een goede stap?", "was dat een goede zin?"
        r"|^(?:hoe (?:deed|doe) ik (?:dat|dit)|(?:was|is) (?:dit|dat) (?:een )?(?:goede|juiste|goeie) "
        r"(?:stap|zin|beurt|reactie|zet))$"),
    HINT: re.compile(
        r"^" + _ASKING + r"(?:\w+\s+){0,1}?" + _TIP_WORD
        + r"(?:\s+(?:krijgen|hebben|geven|graag|aub|voor (?:me|mij)|(?:hier|daar)bij|hoe (?:ik )?verder))*$"),
}
_OFFERS = re.compile(r"\b(?:kan|kun|mag|wil|zal) ik (?:je|jou|jullie|jij)\b|\bik (?:geef|wil|zal) (?:je|jou|jullie)\b")
_TO_THE_PERSONA = re.compile(r"\b(?:u|uw|meneer|mevrouw|papa|mama)\b")
# back after a break in one's own words (a user test of session 29: "goedemorgen, waar waren we gebleven met het
# rollenspel?" was read as a greeting): "waar was ik gebleven met mijn rollenspel", "kan ik verder waar ik gebleven
# was?", "ik wil verder met mijn rollenspel van gisteren", "verder met het rollenspel"
_OUR_EXERCISE = r"(?:(?:het|dit|mijn|m n|mn|ons|de|deze) (?:rollenspel|oefening|oefengesprek|scenario|gesprek))"
_HELLO = r"(?:(?:hoi|hallo|hai|hey|hee|dag|goedemorgen|goedemiddag|goedenavond|goeiemorgen|goeiemiddag) )?"
_RESUME_OWN = re.compile(
    r"^" + _HELLO + r"(?:en |dus )?waar (?:was ik|waren we)(?: \w+)?(?: gebleven)?"
    r"(?: (?:met|in|bij) " + _OUR_EXERCISE + r")?"
    r"(?: van (?:gisteren|vorige week|laatst|vanochtend|gisteravond))?$"
    r"|^" + _HELLO + r"(?:(?:kan|mag|wil) ik |ik wil |ik ga |we gaan |laten we )?(?:verder|doorgaan|weer verder)"
    r"(?: (?:met " + _OUR_EXERCISE + r"|waar (?:ik|we) (?:gebleven )?(?:was|waren|gebleven)(?: \w+)?))"
    r"(?: van (?:gisteren|vorige week|laatst|vanochtend|gisteravond))?$")


def _named_request(text: Optional[str], command: str) -> bool:
    """The last clause of a short message asks Rustpunt for feedback or a tip by its name (``_NAMED_REQUEST``)."""
    cleaned = normalise(text)
    if command not in _NAMED_REQUEST or not cleaned or len(cleaned.split()) > MAX_OWN_WORDS \
            or _TO_THE_PERSONA.search(cleaned) or _OFFERS.search(cleaned):
        return False
    clauses = [" ".join(w for w in normalise(part).split() if w not in _FILLERS)
               for part in re.split(r"[,.;:!?]+", text or "")]
    clauses = [clause for clause in clauses if clause]
    return bool(clauses) and bool(_NAMED_REQUEST[command].match(clauses[-1]))


def _asks_in_own_words(text: Optional[str], command: str) -> bool:
    """Whether the last clause of ``text`` (without fillers) asks for ``command`` in the trainee's own words (see
    above): "ik weet het gewoon niet meer. Alles wat ik doe is fout" is a parent's despair, not a request. A request to
    start again may stand in any clause: a comment after it ("nee weet je wat, ik begin opnieuw, dit gaat nergens
    over") does not make it a turn."""
    cleaned = normalise(text)
    if not cleaned or len(cleaned.split()) > MAX_OWN_WORDS:
        return False
    clauses = [" ".join(w for w in normalise(part).split() if w not in _FILLERS)
               for part in re.split(r"[,.;:!?]+", text or "")]
    clauses = [clause for clause in clauses if clause]
    if command == STOP and any(_LETS_STOP.match(clause) for clause in clauses):
        return True  # "laten we stoppen met deze oefening"
    if command == SHOW_PLAN:  # Rustpunt is asked, there is no persona: 'je', 'u' and 'we' are fine
        return any(_OWN_WORDS[SHOW_PLAN].match(clause) for clause in clauses)
    if _named_request(text, command):
        return True  # "wat voor feedback krijg ik hierop?", "heb je een tip voor me?"
    if command == RESUME:  # the exercise is named, or 'gebleven': 'we' are the trainee and Rustpunt
        return bool(clauses) and bool(_RESUME_OWN.match(clauses[-1]))
    # "weet je wat" and "laat maar" before the request are fillers of the trainee, not words to the persona
    if _WE_WORDS.search(cleaned.replace("weet je wat", "")):
        return False
    # help and going on: the request ends the message; starting again or stopping may come with a comment after it
    # ("ik begin opnieuw, dit gaat nergens over", a user test played it as a turn; "ik wil terug naar het menu, de
    # beller heeft opgehangen"): any clause, in a message that addresses no one
    if command == STOP:  # in any clause, but only in one's own words: "Oké, stop. Even ademhalen" is a turn
        return any(_OWN_WORDS[STOP].match(clause) for clause in clauses)
    if command == VOLGENDE and len(clauses) > 1:  # "oke, ga verder" goes on; "... draagt de visie uit. Verder" not
        return False
    asking = clauses if command == RESTART else clauses[-1:]
    return any(clause in PHRASES[command] or bool(_OWN_WORDS[command].match(clause)) for clause in asking)


def _pattern(command: str) -> Pattern[str]:
    body = "|".join(re.escape(p) for p in sorted(PHRASES[command], key=len, reverse=True))
    return re.compile(rf"^(?:{body})\b" if command == STOP else rf"\b(?:{body})\b")


_PATTERNS: Dict[str, Pattern[str]] = {command: _pattern(command) for command in PHRASES}


def within_short_message(text: Optional[str], allowed: Sequence[str]) -> Optional[str]:
    """The first command of ``allowed`` named in a short message (see module doc), else None."""
    cleaned = normalise(text)
    words = cleaned.split()
    if not words or len(words) > MAX_COMMAND_WORDS:
        return None
    addressed = any(w in _PRONOUNS for w in words)
    for command in allowed:
        if not _PATTERNS[command].search(cleaned):
            continue
        if command in _STRICT and (len(words) > _MAX_STRICT_WORDS or addressed):
            continue
        return command
    return None


# "stoppen met school", "stopt met voetbal": stopping something in the family's life, not this conversation.
_STOP_WITH = re.compile(
    r"\b(?:stop|stopt|stoppen|stopte|stopten|gestopt|ophouden|houdt op|kappen|kapt|kapte)\s+met\s+"
    r"(?:(?:het|de|dit|deze|die|dat|mijn|je|jouw|zijn|haar|hun|ons|onze|al|die)\s+)*(\w+)"
)
# What "stoppen met ..." can name of Rustpunt itself: then it is a request to stop.
_OUR_THINGS = frozenset({
    "gesprek", "rollenspel", "rollenspellen", "intake", "vraagverheldering", "voorbereiding", "voorbereiden",
    "oefenen", "oefening", "chat", "chatten", "sessie", "vragen", "zoeken", "praten", "spelen", "plan",
    "gespreksplan", "quiz", "alles", "typen", "deze", "dit", "jou", "je", "u", "rustpunt",
})
MAX_STOP_WORDS = 10  # a longer message with "stop" in it tells something; it is not the button


# The words of stopping: a question without one of them asks for something, it does not stop ("en wat nog meer?" after
# a role-play ended got "Goed, ik ben gestopt", a user test; "kunnen we stoppen?" and "mag ik iets anders?" do stop).
_STOP_WORDS = re.compile(
    r"\b(?:stop\w*|gestopt|op(?:houden|hou|houd)|hou(?:d|dt)? (?:\w+ )?op|af(?:breken|sluiten)|breek|kap\w*|"
    r"annuleer\w*|cancel|menu|klaar|genoeg|einde|laat maar|niet (?:meer|verder)|iets anders)\b")
_QUESTION_WORDS = frozenset("wat welke welk hoe waar wie waarom wanneer hoeveel".split())


def _asks_something(text: Optional[str], words: Sequence[str]) -> bool:
    """A question ("en wat nog meer?", "wat nu?", "hoe verder") without a word of stopping."""
    question = (text or "").rstrip().endswith("?") or any(w in _QUESTION_WORDS for w in words[:2])
    return question and not _STOP_WORDS.search(" ".join(words))


def is_stop_request(text: Optional[str]) -> bool:
    """Whether ``text`` asks to stop what Rustpunt is doing ("stop", "ik wil stoppen met het rollenspel", "laat
    maar, ik ga stoppen"), as opposed to a message about stopping something else ("zoon 16 wil stoppen met
    school, Huizen", "ik wil dat jullie stoppen met ruzie maken") or a question without a word of stopping ("en wat
    nog meer?"). The Rasa model is told the same (``bot.rasa_runtime.command_guard``): its stop intent counts only
    for such a request."""
    if whole_message(text, (STOP,)):
        return True
    if _asks_in_own_words(text, RESTART):  # "laat maar, ik begin opnieuw": the role-play again, not the menu
        return False
    if asks_for_another_scenario(text):  # "ik wil stoppen met dit scenario en scenario 3 doen": that one, not the menu
        return False
    cleaned = normalise(text)
    words = cleaned.split()
    if not words or len(words) > MAX_STOP_WORDS or _asks_something(text, words):
        return False
    return all(match.group(1) in _OUR_THINGS for match in _STOP_WITH.finditer(cleaned))


# "wis dit gesprek", "verwijder mijn gegevens", "vergeet mij", "vergeet alles wat ik hier getypt heb", "kun je dit hele
# gesprek wissen?", "haal dit weg", "ik wil dat je dit vergeet", "mag alles weg wat ik getypt heb?", "kunt u alles wat
# ik net over deze beller heb ingetypt weer vergeten?": a verb of wiping and what is wiped, in either order, in a short
# clause without a negation ("vergeet me niet te bellen"). What is wiped: the conversation or one's data ("dit (hele)
# gesprek", "mijn gegevens"), the professional ("mij"), what they typed ("wat ik (net over deze beller) heb getypt"),
# "alles" only as all the professional typed ("wis alles", "vergeet alles wat ik ..."; "vergeet alles wat er gebeurd
# is, laten we vooruit kijken" is a line for a parent), or "dit" as the whole object ("kun je dit wissen", "haal dit
# weg"; not "dat" or "het": "vergeet het maar, ik ga er niet meer over praten" and "vergeet dat maar" are lines for
# the persona).
# Not to store is the same request: a negation with a verb of storing and the same things ("ik wil niet dat dit
# bewaard wordt", "dit mag niet bewaard worden", "sla dit niet op", "bewaar mijn gegevens niet", "dit liever niet
# opslaan"), as a wish or an instruction ("ik leg dit niet vast" is a line for a parent).
# Whoever's wish it is: the consultant types what the caller or someone else wants, and Rustpunt must not keep it
# either ("ze wil eigenlijk niet dat er iets wordt opgeslagen, kan dat?", "ik heb een oma aan de lijn, ze wil niet
# dat er iets over haar wordt bewaard", "vader wil niet dat ik dit vastleg", "de beller heeft liever niet dat het
# genoteerd wordt"; a user test stored the first two as the caller's problem: "Kern: moeite met dat er iets wordt
# opgeslagen"): "<iemand> wil (liever) niet dat <...> opgeslagen/bewaard/vastgelegd/genoteerd ...", and "kan dat
# zonder dat er iets wordt opgeslagen?". In a role-play the wish of the one addressed ("u wilt niet dat dit wordt
# vastgelegd, klopt dat?") is a line for the persona.
# The message is read clause by clause (split at punctuation): the request may come with a reason that has its own
# negation ("..., dat had ik niet moeten doen", "... ? ik wil niet dat dit ergens bewaard blijft").
# In a role-play what one *said* is a line to the persona: "vergeet wat ik net zei" (alone or in a longer turn) is a
# self-correction that the persona hears and that repairs the last turn (``bot.roleplay.engine``), not a request to
# wipe; outside it "vergeet wat ik gezegd heb" is one. What one *typed* is a request to wipe everywhere.
_FORGET_VERBS = (r"(?:wis|wist|wissen|vergeet|vergeten|verwijder|verwijdert|verwijderen|weggooien|weghalen|gooi|"
                 r"gooit|haal|haalt|halen)")
_AWAY = r"(?:weg|wegdoen|weghalen|weggooien)"  # "mag alles weg wat ik getypt heb?", "haal dit weg"
_WIPE = rf"\b(?:{_FORGET_VERBS}|{_AWAY})\b"
_DETERMINER = r"(?:dit|deze|het|mijn|al mijn|ons|onze|alle|de)(?: (?:hele|volledige|complete|gehele))?"
_THINGS = r"(?:gesprek|gesprekken|gegevens|chat|chatgesprek|geschiedenis|berichten|data)"
# a trainee's own role-play: "kun je mijn rollenspel wissen?", "mag mijn rollenspel van net gewist worden?" (a user test
# of session 24 got the debrief again, the scenario list or "Dat scenario ken ik niet.")
_OWN_PLAY = (r"\b(?:mijn|ons|onze|dit|dat|het|deze)(?: (?:hele|laatste|vorige))? (?:rollenspel|rollenspelletje|"
             r"rollenspelsessie|rollenspellen|oefengesprek|oefensessie|oefening)\b")
_PLAY_WIPE = r"(?:wis|wissen|verwijder|verwijderen|weggooien|weghalen|gooi|haal|vergeet|weg)"
_ERASED = r"(?:vergeten|verwijderd|gewist|weggehaald|weggegooid|vernietigd)"
# "wat ik (hier/net/over deze beller/...) (heb) getypt": a few words may stand between "wat ik" and the verb of typing
_TYPED = (r"wat ik (?:\w+ ){0,6}?"
          r"(?:getypt|ingetypt|getikt|ingetikt|geschreven|opgeschreven|ingevuld|ingevoerd|typte|intypte|schreef)\b")
_SAID = r"wat ik (?:\w+ ){0,4}?gezegd\b"
_ME = r"\b(?:mij|me)\b"
_WHOLE_THIS = r"\bdit(?: (?:allemaal|hier|even|alsjeblieft|maar|weer))*"  # "dit" as the whole object
# Something saved, by its number ("kun je rollenspel 8 wissen?", "wis sessie 8", "verwijder samenvatting 2", "wis plan
# 6"; a user test of session 24 got the scenario picker, "Dat scenario ken ik niet." or "Je hebt geen scenario
# gekozen"): which kind and number, for the answer (``numbered_item``, ``bot.privacy.forget.how_to_forget``).
NUMBERED_KINDS = {
    "rollenspel": "sessie", "rollenspelsessie": "sessie", "sessie": "sessie", "oefensessie": "sessie",
    "samenvatting": "samenvatting", "intakesamenvatting": "samenvatting", "intake": "samenvatting",
    "plan": "plan", "gespreksplan": "plan", "voorbereiding": "plan",
    "terugbelverzoek": "terugbelverzoek",
}
_NUMBERED_ITEM = (r"\b(?P<soort>" + "|".join(sorted(NUMBERED_KINDS, key=len, reverse=True))
                  + r")(?: (?:nummer|nr|no))? (?P<nummer>\d{1,9})\b"
                  # a number of something else: "wist u dat de sessie 3 uur duurt?"
                  r"(?! (?:uur|uurtjes?|minuten|minuut|kwartier|keer|dagen|dag|weken|week|maanden|maand|jaar|jaren|"
                  r"euro|procent|kinderen|mensen|personen)\b)")
_NUMBERED_ITEM_RE = re.compile(_NUMBERED_ITEM)
_OBJECT = (rf"(?:\b{_DETERMINER} {_THINGS}\b|{_TYPED}|\balles(?=\s*$|\s+(?:\w+\s+)?wat ik\b)"
           rf"|{_NUMBERED_ITEM.replace('?P<soort>', '?:').replace('?P<nummer>', '?:')})")
# "me" as the object: only a verb that wipes by itself ("vergeet me", "verwijder me") or one with "weg" ("haal me
# eruit", "gooi me weg"); "opa haalt me op van school" and "wist je dat hij me sloeg" are no such request (session 26:
# a child's sentence in the role examples was read as a wish to be forgotten)
_ME_WIPE = (rf"\b(?:wis|wissen|vergeet|vergeten|verwijder|verwijdert|verwijderen)\b.*{_ME}"
            rf"|\b(?:haal|haalt|halen|gooi|gooit)\b.*{_ME}.*\b(?:weg|eruit)\b")
_VERB_OBJECT = (rf"{_WIPE}.*{_OBJECT}|{_ME_WIPE}|{_OBJECT}.*{_WIPE}|{_ME} (?:weer )?(?:vergeten|verwijderen|wissen)\b"
                rf"|{_WIPE} {_WHOLE_THIS}\s*$|{_WHOLE_THIS} (?:\w+ )?(?:{_FORGET_VERBS}|{_AWAY})\b\s*$"
                rf"|\b(?:haal|haalt|gooi|gooit) (?:{_WHOLE_THIS}|alles) weg\b"
                # asked in the passive: "mag mijn rollenspel (van net) gewist worden?", "kan dit gesprek verwijderd
                # worden?", "ik wil dat mijn gegevens gewist worden"
                rf"|{_OBJECT}(?: \w+){{0,4}}? {_ERASED} (?:worden|wordt)\b"
                # one's own role-play, with a verb that asks (not "ik was vergeten ..." or "wist" in a debrief talk:
                # "het rollenspel ging goed maar ik was vergeten te erkennen")
                rf"|\b{_PLAY_WIPE}\b.*{_OWN_PLAY}"
                rf"|{_OWN_PLAY}(?: \w+){{0,4}}? (?:{_PLAY_WIPE}\b|vergeten\s*$|{_ERASED} (?:worden|wordt)\b)")
_FORGET = re.compile(rf"{_VERB_OBJECT}|{_WIPE}.*{_SAID}|{_SAID}.*{_WIPE}")
_FORGET_IN_PLAY = re.compile(_VERB_OBJECT)
_NEGATION = re.compile(r"\b(?:niet|nooit|geen|nergens)\b")
# not to store: "bewaar dit niet", "dit mag niet opgeslagen worden", "sla mijn gegevens niet op", "niet opslaan"
_STORE = (r"\b(?:bewaar|bewaart|bewaren|bewaard|opslaan|opgeslagen|opslaat|vastleggen|vastgelegd|vastlegt|onthoud|"
          r"onthoudt|onthouden)\b|\b(?:sla|slaat|leg|legt)\b.*\b(?:op|vast)$")
_STORED = re.compile(_STORE)
# ... said as a wish or an instruction: "ik leg dit niet vast" is a line for a parent in a role-play
_WISH = re.compile(
    r"\b(?:wil|wilt|willen|wou|mag|mogen|hoef|hoeft|hoeven|moet|moeten|liever)\b|^(?:bewaar|sla|leg|onthoud)\b")
_NOT_STORE_ALONE = re.compile(
    r"^(?:liever |maar |dus )?(?:niet|nergens|niks|niets) (?:bewaren|opslaan|vastleggen|onthouden|noteren)$")
_KEPT = re.compile(rf"{_OBJECT}|\b{_DETERMINER} {_THINGS}\b|\bdit\b|{_ME}")  # what is not to be kept
_NOT_A_WISH = re.compile(r"\b(?:niet erg|geen probleem|geen bezwaar|niet uit)\b")  # "ik vind het niet erg dat ..."
# someone's wish that something is not stored (see the comment above)
_STORING = (r"(?:opgeslagen|opslaan|opslaat|opsla|op (?:te )?slaan|bewaard|bewaren|bewaart|bewaar|vastgelegd|"
            r"vastleggen|vastlegt|vastleg|vast (?:te )?leggen|genoteerd|noteren|noteert|noteer|opgeschreven|"
            r"opschrijven|opschrijft|opschrijf|op (?:te )?schrijven|geregistreerd|registreren|registreert|registreer)")
# not 'onthouden' here: "ze wil niet dat hij onthoudt wat er gebeurd is" is about a child, not about storing
_WANTS = r"(?:wil|wilt|willen|wou|wouden|wilde|wilden|heeft|heb|hebt|hebben|had|hadden)"
_ADDRESSED = r"(?:u|je|jij|jullie)"
_NOT_STORED_WISH = re.compile(
    # "ze wil (eigenlijk) (liever) niet dat er iets wordt opgeslagen", "de beller heeft liever niet dat ..."
    rf"\b{_WANTS}\b(?: \w+){{0,2}}? (?:liever )?niet dat\b(?: \w+){{0,7}}? {_STORING}\b"
    # "... dat ze niet wil dat dit bewaard wordt"
    rf"|\bniet (?:wil|wilt|willen|wou|wilde|wilden) dat\b(?: \w+){{0,7}}? {_STORING}\b"
    # "ze heeft er moeite mee dat dit wordt opgeslagen", "ze vindt het niet fijn dat het wordt bewaard"
    rf"|\b(?:heeft|heb|hebben|had) er (?:moeite|problemen|een probleem|bezwaar) (?:mee|tegen) dat\b(?: \w+){{0,7}}? "
    rf"{_STORING}\b"
    rf"|\b(?:vindt|vind|vinden|vond) het (?:niet (?:fijn|prettig|goed|oke|ok)|vervelend|eng|niks) dat\b"
    rf"(?: \w+){{0,7}}? {_STORING}\b"
    # "liever niet dat er iets bewaard wordt", "liever niet opslaan", "het liefst niks vastleggen"
    rf"|\bliever (?:niet|niks|niets|geen \w+)\b(?: \w+){{0,7}}? {_STORING}\b"
    rf"|\bhet liefst (?:niet|niks|niets|geen \w+)\b(?: \w+){{0,7}}? {_STORING}\b"
    # "juf vraagt of dit niet vastgelegd wordt", "ze vroeg of er niets wordt bewaard" (a user test of session 22 got
    # "begreep ik niet")
    rf"|\b(?:vraagt|vroeg|vragen|vroegen|vraag|wil weten|wilde weten) of\b(?: \w+){{0,3}}? (?:niet|nergens|niks|niets)"
    rf"\b(?: \w+){{0,3}}? {_STORING}\b"
)
# A secret from someone ("vader mag dit nooit weten", "moeder mag hier niets van weten"): outside a role-play a wish
# that nothing is kept (a user test of session 22 got "begreep ik niet"); in a role-play a line for the persona
_SECRET = re.compile(r"\b(?:mag|mogen) (?:dit|dat|het|hier|daar) (?:\w+ )?(?:nooit|niet|niks|niets)\b(?: van)? weten\b")
# the wish of the one addressed: "u wilt niet dat ...", "wilt u niet dat ...", "(ik begrijp dat) u niet wilt dat ..."
_WANTS_NOW = r"(?:wil|wilt|willen|wou|wilde|wilden|had|hebt|heeft)"
_ADDRESSED_WISH = re.compile(rf"\b{_ADDRESSED} (?:\w+ ){{0,2}}?(?:niet )?{_WANTS_NOW}\b(?: \w+){{0,3}}? niet dat\b"
                             rf"|\b{_WANTS_NOW} {_ADDRESSED}\b(?: \w+){{0,2}}? niet dat\b"
                             rf"|\b{_ADDRESSED} (?:\w+ )?niet {_WANTS_NOW} dat\b")
# "kan dat zonder dat er iets wordt opgeslagen?", "zonder dat het bewaard wordt, kan dat?": asked of Rustpunt
_WITHOUT_STORING = re.compile(rf"\bzonder dat\b(?: \w+){{0,7}}? {_STORING}\b|\bzonder (?:op te slaan|te bewaren|"
                              rf"vast te leggen|te noteren|opslaan|bewaren|vastleggen)\b")
_CAN_IT = re.compile(r"\b(?:kan|kun|kunnen|mag|lukt|gaat) (?:dat|dit|het)\b|\bis (?:dat|dit|het) mogelijk\b|"
                     r"^(?:kan|kun|kunnen|mag) (?:je|u|jij|jullie|ik|ze|we|rustpunt)\b")
# Whether it is stored, asked with the wish that it is not, in two clauses: "ze vraagt of dit opgeslagen wordt, ze wil
# dat liever niet", "wordt dit bewaard? dat wil ze niet" (a user test of session 23: saved as the answer to the question
# for an example, and the summary stored; outside an intake "Sorry")
_ASKS_IF_STORED = re.compile(
    rf"\b(?:vraagt|vroeg|vragen|vroegen|vraag|wil weten|wilde weten)(?: zich af| me| mij| ons)? of\b(?: \w+){{0,4}}? "
    rf"{_STORING}\b|\b(?:wordt|worden|word) (?:dit|dat|het|alles|er iets|dat allemaal|dit gesprek)(?: \w+)? "
    rf"{_STORING}\b")
_REFUSES = re.compile(r"\b(?:wil|wilt|willen|wou|wilde|wilden|heeft|had|vindt|vond)\b(?: \w+){0,2}? "
                      r"(?:dat|dit|het|daar)(?: \w+)? (?:liever niet|niet|eigenlijk niet|niet graag)\b"
                      r"|^(?:dat|dit|het) (?:wil|wilt|willen|mag) (?:ze|hij|zij|de beller|moeder|vader)"
                      r" (?:\w+ )?niet\b")
MAX_FORGET_WORDS = 16  # words of the clause that asks
MAX_FORGET_MESSAGE_WORDS = 25  # words of the whole message: a longer one tells something (a note, an answer)
_CLAUSES = re.compile(r"[.,;:!?]+")
_POLITE = re.compile(r"\b(?:alsjeblieft|alstublieft|aub|graag|even|svp)\b")
_SAID_TO_PERSONA = re.compile(r"\b(?:zei|zeiden|gezegd|zeg|vroeg|gevraagd)\b")
_DATA_NAMED = re.compile(rf"\b{_THINGS}\b|{_TYPED}")


def _cleaned(text: Optional[str]) -> str:
    """``text`` normalised, without polite words ("even", "graag", ...)."""
    return " ".join(_POLITE.sub(" ", normalise(text)).split())


def _short_clauses(text: Optional[str]) -> List[str]:
    """The clauses of a short message (at most ``MAX_FORGET_MESSAGE_WORDS`` words), each ``_cleaned``, empty ones
    left out, where a request to forget is read. A longer message tells something (a note, an answer); only its last
    sentence may still ask, when it is asked of Rustpunt ("hoi, ik heb gisteren hier dingen ingetypt over de familie
    ... . kun je alles over ... verwijderen uit je systeem?", a privacy officer's test of session 24 got "Sorry"):
    then the clauses of that sentence."""
    cleaned = _cleaned(text)
    if not cleaned:
        return []
    if len(cleaned.split()) > MAX_FORGET_MESSAGE_WORDS:
        wish = _wish_before_can_it(text or "")
        if wish:
            return _clauses(wish)
        last = _closing_request(text or "")
        return _short_clauses(last) if last else []
    return _clauses(text)


def _clauses(text: Optional[str]) -> List[str]:
    return [clause for clause in map(_cleaned, _CLAUSES.split(text or "")) if clause]


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
# Only asking whether it can: "kan dat?", "is dat mogelijk?", "lukt dat?"
_ONLY_CAN_IT = re.compile(r"(?:en |maar |dus |nou )?(?:(?:kan|mag|lukt) (?:dat|dit|het)(?: ook)?(?: wel)?"
                          r"|is (?:dat|dit|het) (?:mogelijk|te doen)|kun je dat(?: doen)?|kunt u dat(?: doen)?)")


def _wish_before_can_it(text: str) -> Optional[str]:
    """A long message that tells someone's wish and then only asks whether it can: "goedemorgen, ik had gisteren een
    moeder aan de lijn, ... en ze belde net terug dat ze wil dat alles over haar gezin vergeten wordt. kan dat?" (a
    user test of session 24 got 'Sorry'): the sentence before the question with the question, where a request to
    forget is read clause by clause (each clause at most ``MAX_FORGET_WORDS`` words), else None."""
    sentences = [part for part in _SENTENCES.split(text.strip()) if _cleaned(part)]
    if len(sentences) < 2 or not _ONLY_CAN_IT.fullmatch(_cleaned(sentences[-1])):
        return None
    return f"{sentences[-2]} {sentences[-1]}"


def _closing_request(text: str) -> Optional[str]:
    """The last sentence of a long message when it is a short request to Rustpunt (``_ASKED_OF_US``), else None."""
    sentences = [part for part in _SENTENCES.split(text.strip()) if _cleaned(part)]
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    words = _cleaned(last).split()
    return last if len(words) <= MAX_FORGET_WORDS and _ASKED_OF_US.search(_cleaned(last)) else None


# Someone's wish that what is stored about them is forgotten: "moeder wil dat alles over haar gezin vergeten wordt",
# "ze wil dat haar gegevens verwijderd worden" (a privacy officer's test of session 24): about data or a person, not
# "vader wil dat de ruzie vergeten wordt" (a caller's answer).
_ABOUT_DATA = (r"(?:alles over(?: \w+){1,4}|alles (?:van|uit) (?:haar|hem|hen|hun|ons|mij|het gezin|de familie)"
               r"|(?:al )?(?:haar|zijn|hun|mijn|onze|de) (?:gegevens|info|informatie|dossier|verhaal|namen|naam)"
               rf"(?: \w+){{0,3}}|{_TYPED})")
_FORGOTTEN_WISH = re.compile(rf"\b(?:wil|wilt|willen|wou|wilde|wilden)\b(?: \w+){{0,2}}? dat {_ABOUT_DATA} "
                             rf"(?:\w+ )?{_ERASED}\b")


def _asks_to_forget(clause: str, in_role_play: bool) -> bool:
    """Whether one clause (normalised, polite words removed) asks to wipe or not to store (see the comment above)."""
    words = clause.split()
    if not words or len(words) > MAX_FORGET_WORDS:
        return False
    if in_role_play and _ADDRESSED_WISH.search(clause):
        return False  # "u wilt niet dat dit wordt vastgelegd, klopt dat?": the persona's wish, a line for the persona
    if _NOT_STORE_ALONE.match(clause):
        return True
    if (_NEGATION.search(clause) and _STORED.search(clause) and _KEPT.search(clause) and _WISH.search(clause)
            and not _NOT_A_WISH.search(clause)):
        return True
    if _NOT_STORED_WISH.search(clause) or (not in_role_play and (_SECRET.search(clause)
                                                                  or _FORGOTTEN_WISH.search(clause))):
        return True
    pattern = _FORGET_IN_PLAY if in_role_play else _FORGET
    return bool(pattern.search(clause)) and not _NEGATION.search(clause)


# What the professional just typed, named as a message: "kun je dat laatste bericht verwijderen? daar stond per ongeluk
# een echte naam in", "kun je die lange tekst die ik net plakte weer wissen?", "haal mijn vorige bericht weg", "wis
# mijn laatste beurt" (a user test: both first requests were played as turns in a role-play, and nothing was wiped).
# The thing is the professional's own or the latest ('mijn', 'laatste', 'vorige', 'die ik net plakte'); a message of
# someone else ("kunt u dat bericht van uw ex verwijderen?", "haal die appjes weg") is a line for the persona. In a
# role-play this wipes the last turn (``bot.roleplay.session``); elsewhere it gets the explanation of wiping.
_PIECE = r"(?:bericht|berichtje|berichten|tekst|tekstje|stuk tekst|stuk|beurt|beurten|alinea|regels?|antwoord)"
# "wat ik net typte", "dat wat ik zojuist heb ingetypt": what was typed just now (a user test: in the intake it only
# got the explanation of wiping the whole conversation); "alles wat ik net getypt heb" and "wat ik net over deze beller
# heb ingetypt" are about more than the last message: the whole conversation
_JUST_NOW = r"(?:net|zojuist|zonet|daarnet|daarjuist|net even)"
_OWN_PIECE = (rf"\b(?:(?:mijn|m n|mn)(?: (?:laatste|vorige|lange|hele|eerste))?|(?:dat|die|dit|deze|het|de)"
              rf"(?: \w+)? (?:laatste|vorige))(?: \w+)? {_PIECE}\b"
              rf"|\b(?:dat|die|dit|deze|het|de)(?: \w+){{0,2}}? {_PIECE} (?:die|dat) ik\b"
              r"|\bwat ik (?:\w+ ){0,4}?(?:plakte|geplakt|plak|kopieerde|gekopieerd|stuurde|gestuurd|verstuurd|"
              r"verstuurde)\b"
              rf"|(?<!\balles )\bwat ik {_JUST_NOW} (?:(?:heb|had|hier|daar|even|zelf) ){{0,2}}"
              r"(?:typte|intypte|tikte|intikte|schreef|getypt|ingetypt|getikt|ingetikt|geschreven|opschreef|opgeschreven|"
              r"invulde|ingevuld)\b")
_SOMEONE_ELSES = re.compile(r"\b(?:van|naar|aan) (?:je|jouw|u|uw|hem|haar|zijn|hun|de|het|die|dat)\b")
_WIPE_LAST = re.compile(rf"{_WIPE}.*(?:{_OWN_PIECE})|(?:{_OWN_PIECE}).*{_WIPE}")


def asks_to_wipe_last(text: Optional[str]) -> bool:
    """A request to wipe what the professional just typed (a message, the last turn, a pasted text; see above), in a
    short message without a negation in the clause that asks."""
    return any(len(clause.split()) <= MAX_FORGET_WORDS and _WIPE_LAST.search(clause) and not _NEGATION.search(clause)
               and not _SOMEONE_ELSES.search(clause) for clause in _short_clauses(text))


# What the professional typed about the caller, or the intake itself: "kunt u wat ik net over deze beller heb ingetypt
# weer vergeten?", "vergeet deze beller", "wis de gegevens van deze beller", "kun je deze intake wissen?", "haal de
# samenvatting weg" (a user test: it only pointed to 'Wis dit gesprek'). During or right after an intake it forgets
# that intake: its answers and its saved summary (``bot.intake.session``, ``actions.fallback``); elsewhere it is a
# request to forget like any other (``is_forget_request``). Asked of Rustpunt (an imperative, "kun je ...", "ik wil dat
# je ...") and without a negation: "de moeder van de beller vergeet steeds de afspraken" is an answer of the caller.
# The caller or someone named may also be what is forgotten, or the system it is in: "kun je alles over fenneke
# bruinsma verwijderen uit je systeem?", "vergeet alles over mevrouw jansen", "haal haar gegevens uit het systeem",
# "kun je fenneke uit je systeem verwijderen?" (a user test of session 23: the first became the caller's answer, stored
# and quoted in the summary).
_ABOUT_THE_CALLER = (r"\b(?:over|van|bij|met|voor) (?:deze|die|de|dit|dat|mijn) "
                     r"(?:beller|belster|melder|gezin|familie)\b"
                     r"|\b(?:deze|die|de|dit|dat|mijn|het|haar|zijn) (?:beller|belster|intake|vraagverheldering|"
                     r"samenvatting|intakesamenvatting)\b"
                     r"|\balles (?:\w+ ){0,3}?(?:over|van) (?!mij\b|me\b|mezelf\b)\w+"
                     r"|\b(?:haar|zijn|hun) (?:gegevens|naam|namen|info|informatie|verhaal|dossier)\b"
                     r"|\buit (?:je|jouw|jullie|het|uw|de|rustpunt|dit) (?:systeem|systemen|database|databank|geheugen|"
                     r"opslag|dossier|administratie)\b")
_FORGET_THE_CALLER = re.compile(rf"{_WIPE}.*(?:{_ABOUT_THE_CALLER})|(?:{_ABOUT_THE_CALLER}).*{_WIPE}")
_ASKED_OF_US = re.compile(
    rf"^(?:en |nou |oke |ok |sorry |ja |hee |hoi )*(?:{_FORGET_VERBS}|{_AWAY})\b"
    r"|\b(?:kun|kunt|kan|wil|wilt|zou|zoudt|mag|moet|moeten) (?:je|u|jij|jullie|rustpunt)\b"
    r"|\b(?:ik wil|ik wou|ik zou willen|graag) dat (?:je|u|jij|jullie)\b"
    r"|^(?:mag|moet|kan) (?:dit|dat|het|alles|deze|de)\b"
)


def numbered_item(text: Optional[str]) -> Optional[Tuple[str, int]]:
    """``(kind, number)`` of the saved item a request to wipe names by its number ("wis sessie 8" -> ("sessie", 8);
    kinds: 'sessie', 'samenvatting', 'plan', 'terugbelverzoek'), else None."""
    found = _NUMBERED_ITEM_RE.search(normalise(text))
    return (NUMBERED_KINDS[found.group("soort")], int(found.group("nummer"))) if found else None


_OWN_PLAY_RE = re.compile(_OWN_PLAY)


def names_own_role_play(text: Optional[str]) -> bool:
    """Whether a request to forget names the trainee's own role-play ("mag mijn rollenspel gewist worden?")."""
    return bool(_OWN_PLAY_RE.search(normalise(text)))


def asks_to_forget_the_caller(text: Optional[str]) -> bool:
    """A request to forget what was typed about the caller, or the intake or its summary (see above)."""
    return any(len(clause.split()) <= MAX_FORGET_WORDS and _FORGET_THE_CALLER.search(clause)
               and _ASKED_OF_US.search(clause) and not _NEGATION.search(clause) for clause in _short_clauses(text))


# What the professional typed, told in one clause, and a request to wipe "dat" or "het" in another (outside a role-play)
_HAVE_TYPED = re.compile(r"\bik (?:heb|had)\b(?: \w+){0,8}? (?:getypt|ingetypt|getikt|ingetikt|geschreven|ingevuld|"
                         r"ingevoerd|opgeschreven)\b|\bik (?:typte|tikte|schreef)\b")
_WIPE_THAT = re.compile(rf"\b(?:kun|kunt|kan|wil|wilt|mag|moet) (?:je|u|jij|rustpunt) (?:dat|dit|het|die|alles)"
                        rf"(?: \w+){{0,3}}? (?:{_FORGET_VERBS}|{_AWAY})\b")


def is_forget_request(text: Optional[str], in_role_play: bool = False) -> bool:
    """A request to forget this conversation or one's data, or not to store it, in a short message (see the comment
    above). The web page's button does the wiping; wherever such a request is typed (menu, role-play, intake,
    preparation) it gets the explanation (``bot.privacy.forget.HOW_TO_FORGET``) and is never kept as a turn, an answer
    or a note."""
    clauses = _short_clauses(text)
    if not clauses:
        return False
    cleaned = _cleaned(text)
    if in_role_play and _SAID_TO_PERSONA.search(cleaned) and not _DATA_NAMED.search(cleaned):
        return False  # "vergeet alles wat ik gezegd heb": a self-correction for the persona (see above)
    if any(_asks_to_forget(clause, in_role_play) for clause in clauses) or asks_to_wipe_last(text) \
            or (not in_role_play and asks_to_forget_the_caller(text)):
        return True
    if not in_role_play and any(_HAVE_TYPED.search(clause) for clause in clauses) \
            and any(_WIPE_THAT.search(clause) and not _NEGATION.search(clause) for clause in clauses):
        return True  # "ik heb gisteren iets over een gezin ingetypt, kun je dat verwijderen?"
    if not in_role_play and any(_ASKS_IF_STORED.search(clause) for clause in clauses) \
            and any(_REFUSES.search(clause) for clause in clauses):
        return True  # "ze vraagt of dit opgeslagen wordt, ze wil dat liever niet" (see ``_ASKS_IF_STORED``)
    # "kan dat zonder dat er iets wordt opgeslagen?", "zonder dat het bewaard wordt, kan dat?"
    return (not in_role_play and "?" in (text or "") and bool(_CAN_IT.search(cleaned))
            and any(_WITHOUT_STORING.search(clause) for clause in clauses))


# The consultant confirms that a summary kept back after a wish not to store may be stored after all ("sla toch op",
# "sla de samenvatting alsnog op", "ze vindt het toch goed, je mag hem toch opslaan", "toch maar opslaan"): 'toch' or
# 'alsnog' says it goes against the earlier wish; a negation ("sla het toch maar niet op") is no such confirmation.
_STORE_ANYWAY = re.compile(
    r"\bsla (?:\w+ ){0,3}?(?:toch|alsnog)(?: maar)? op\b"
    r"|\b(?:toch|alsnog) (?:maar )?(?:opslaan|bewaren|vastleggen)\b"
    r"|\b(?:mag|kun|kunt|kan|wil|wilt) (?:je|u|jij) (?:\w+ ){0,3}?(?:toch|alsnog) (?:maar )?"
    r"(?:opslaan|bewaren|vastleggen)\b")
MAX_STORE_ANYWAY_WORDS = 16


def asks_to_store_anyway(text: Optional[str]) -> bool:
    """The consultant confirms that the summary kept back may be stored after all (see above), in a short message."""
    cleaned = " ".join(_POLITE.sub(" ", normalise(text)).split())
    if not cleaned or len(cleaned.split()) > MAX_STORE_ANYWAY_WORDS or _NEGATION.search(cleaned):
        return False
    return bool(_STORE_ANYWAY.search(cleaned))


# "welke stap is dit: <zin>" and "welke rol is dit?": a question to Rustpunt about a sentence, never a note or a turn.
# In a role-play (a user test: "welke stap is dit?" was played to the father and raised the tension) they ask about
# the sentence after the colon, or without one about the talk so far:
# - a step is always the trainee's: "welke stap is dit?", "welke stap zit ik nu", "in welke stap ben ik", "bij welke
#   stap zitten we nu?" ask how the trainee's last turn was read (``WHICH_STEP``);
# - a role is the other's, the persona's: "welke rol is dit?", "wat voor rol is dit?", "welke rol heeft zij nu?",
#   "welke rol heeft hij nu?", "in welke rol zit moeder?" (a user test of session 22: the last two were played as
#   turns, read as a pitfall, and the furious father hung up), unless the trainee asks about their own ("welke rol
#   neem ik hier aan?", "in welke rol zit ik?": ``WHICH_OWN_ROLE``).
# Only these frames, as the whole message (after a few fillers such as "nu", "eigenlijk", "op dit moment"): "welke rol
# speelt u hierin?", "welke rol heeft zij hierin?" or "welke stap zet u nu?" ask the persona and stay turns.
WHICH_STEP = "welke_stap"
WHICH_ROLE = "welke_rol"
WHICH_OWN_ROLE = "welke_rol_eigen"
_WHICH = r"(?:welke|wat voor(?: een)?)"
_THIS = (r"(?:is dit|is dat|was dit|was dat|is het|was het|hoort hierbij|hoort hier bij|hoort daarbij|past hierbij|"
         r"past hier|zit hierin|zit hier in)")
_WHERE = r"(?: (?:hier|nu|daar|dan|eigenlijk|precies|zo|zelf|op dit moment|op het moment|in dit gesprek|volgens jou))*"
_I_TAKE = rf"(?:neem ik{_WHERE} aan|zit ik{_WHERE} in|speel ik{_WHERE}|heb ik{_WHERE}|had ik{_WHERE})"
# "welke stap was dit van mij?" (a user test of session 23 got 'Sorry'): the trainee's own turn
_MINE = r"(?: van (?:mij|me|mijn kant))?"
# the persona, as a trainee names it to Rustpunt: a pronoun or who it is, never 'u' or 'je' (those ask the persona)
_OTHER = (r"(?:ze|zij|hij|die|(?:de |het |mijn )?(?:moeder|vader|mama|papa|ouder|kind|dochter|zoon|meisje|jongen|"
          r"gesprekspartner|persona|ander|andere|beller|client|clint)|meneer|mevrouw)")
# "en deze, wat voor rol ...", "en deze? welke rol is dit: ..." (a user test of session 23 got 'Sorry'): the next
# sentence of a series of questions
_LEAD = (r"^\s*(?:(?:en|oke|ok|hmm|eh|zeg|nou|trouwens|even|vraagje|vraag|sorry|deze|die|dan|nog een|nog eentje|"
         r"hoi|hee|hey|hallo)\b[\s,.:!?]*)*")
_ASKED = r"(?=\s*(?:[:?]|$|[\"'“‘„]))\s*[:?]?\s*"  # the question ends, or a sentence follows after ':' or a quote
_WHICH_STEP = re.compile(
    rf"{_LEAD}(?:{_WHICH} stap (?:{_THIS}|{_I_TAKE}){_WHERE}{_MINE}{_WHERE}"
    rf"|bij welke stap hoort(?: dit| deze zin| dat)?|herken(?: de)? stap){_ASKED}",
    re.IGNORECASE,
)
# Where the trainee is ("welke stap zit ik nu", "in welke stap ben ik", "bij welke stap zitten we?"): in a role-play the
# step of the last turn; in the preparation these ask where the preparation is, which is no sentence to classify.
_STEP_SO_FAR = re.compile(
    rf"{_LEAD}(?:in |bij )?{_WHICH} stap (?:(?:zit|ben|zat|was) ik|(?:zitten|zijn|zaten|waren) we){_WHERE}"
    rf"(?: in| mee| bij)?{_ASKED}",
    re.IGNORECASE,
)
_WHICH_OWN_ROLE = re.compile(
    rf"{_LEAD}(?:{_WHICH} rol {_I_TAKE}|in {_WHICH} rol (?:zit ik|zat ik|ben ik|sta ik){_WHERE}){_ASKED}",
    re.IGNORECASE,
)
_WHICH_ROLE = re.compile(
    rf"{_LEAD}(?:{_WHICH} rol {_THIS}{_WHERE}|herken(?: de)? rol"
    rf"|{_WHICH} rol (?:heeft|speelt|neemt|pakt|is|had|speelde) {_OTHER}{_WHERE}(?: aan| in)?"
    rf"|{_WHICH} rol zit {_OTHER}{_WHERE} in|in {_WHICH} rol (?:zit|zat|is|staat) {_OTHER}{_WHERE}){_ASKED}",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’„«» "
# Who said the sentence, before it: "welke stap was dit van mij? ik zei: 'ik hoor hoe boos u bent'", "welke rol is
# dit? vader zei: '...'": the sentence is what was said
_SAID_BY = re.compile(r"^(?:(?:ik|hij|zij|ze|die|vader|moeder|de vader|de moeder|papa|mama|het kind|de ouder)\s+"
                   r"(?:zei|zegt|zeg|schreef|schrijft|appte|typte|riep)(?:\s+(?:dus|toen|letterlijk|echt|net|"
                   r"daarna|tegen \w+))*|(?:mijn|de|haar|zijn) (?:zin|reactie|antwoord))\s*[:,]\s*", re.IGNORECASE)
# A new sentence in the message: a story first, then the request ("ik had vanmiddag een gesprek met een vader, ik wil
# even wat dingen nalopen. welke rol is dit: '...'"; a user test of session 23 got a preparation)
_SENTENCE_START = re.compile(r"[.!?]+\s+")


@lru_cache(maxsize=1024)  # asked of the same message by several steps of one turn
def which_question(text: Optional[str], in_role_play: bool = False) -> Optional[Tuple[str, str]]:
    """``(kind, sentence)`` for "welke stap is dit: <zin>", "welke rol is dit?", "welke rol heeft zij nu?" or "in welke
    rol zit ik?" (kind ``WHICH_STEP``, ``WHICH_ROLE`` or ``WHICH_OWN_ROLE``; the sentence is '' when none follows), else
    None. With a sentence every role question is about that sentence. ``in_role_play``: "in welke stap ben ik?" asks
    for the step of the last turn too. The request may follow a sentence of its own ("ik had vanmiddag een gesprek
    ... . welke rol is dit: '...'") when a sentence to read follows it; without one only the whole message asks."""
    patterns = [(WHICH_STEP, _WHICH_STEP), (WHICH_OWN_ROLE, _WHICH_OWN_ROLE), (WHICH_ROLE, _WHICH_ROLE)]
    if in_role_play:
        patterns.append((WHICH_STEP, _STEP_SO_FAR))
    text = text or ""
    starts = [0] + [found.end() for found in _SENTENCE_START.finditer(text)]
    for start in starts:
        rest = text[start:]
        for kind, pattern in patterns:
            match = pattern.match(rest)
            if match:
                sentence = _said_sentence(rest[match.end():])
                if start == 0 or sentence:
                    return kind, sentence
    return None


def _said_sentence(text: str) -> str:
    """The sentence after a which-question, without quotes and without who said it ("ik zei: '...'")."""
    sentence = text.strip().strip(_QUOTES).strip()
    said = _SAID_BY.match(sentence)
    return sentence[said.end():].strip().strip(_QUOTES).strip() if said else sentence


# A wish to practise a conversation in a role-play, wherever it stands in a first message ("goedemorgen! nou, ik heb
# donderdag een lastig gesprek en ik wil even oefenen, kan dat?", "hallo! hoe was je weekend? ik wil graag een
# rollenspel met de boze vader die belt", "... een moeder die haar dochter al maanden niet ziet en ik wil dat even
# oefenen"; a user test got "Sorry", the greeting, and a preparation). "oefenen" or "naspelen" counts when the
# professional wishes it ("ik wil ...", "kan ik ...", "laten we ..."), "rollenspel" always; the roles quiz ("de
# rollen oefenen") and a child who practises something ("mijn dochter kan oefenen met lezen") do not.
_PRACTISE_WISH = re.compile(
    r"\b(?:ik wil|ik wou|ik zou|ik ga|ik kom|wil ik|kan ik|kun ik|mag ik|zou ik|laten we|gaan we|kunnen we|willen we|"
    r"zullen we|graag)\b(?:\s+\w+){0,6}?\s+(?:oefenen|naspelen|inoefenen)\b"
    r"|\b(?:oefenen|naspelen)\W+(?:kan|mag) dat\b"
    r"|\brollenspel\b"
)
_NOT_PRACTISE = re.compile(r"\b(?:rol|rollen|rollenquiz|quiz|driehoek)\s+(?:\w+\s+)?(?:oefenen|naspelen)\b"
                           r"|\b(?:stop|stoppen|einde)\b.*\brollenspel\b")


# Another one, naming a scenario ("oke nog eentje dan, de mdo met moeder en dochter", "nog eentje dan, de mdo"; a user
# test after a role-play got the sociale kaart's "In welke gemeente ...?", then "Sorry"), or a wish for a scenario by
# that word ("ik wil liever scenario 2 doen", "doe maar de casus met het kind van 12"; ``_scenario_wish``): a wish to
# practise that scenario. Only with a scenario named
# (``bot.roleplay.catalog.scenario_in_request``): "nog eentje" alone may be another search.
_ANOTHER = re.compile(r"\bnog (?:eentje|een scenario|een oefening|een oefengesprek)\b")


def is_practice_request(text: Optional[str]) -> bool:
    """A wish to practise a conversation in a role-play (see the comments above); the scenario it describes, if any,
    is chosen by ``bot.roleplay.catalog.scenario_in_request``."""
    cleaned = normalise(text)
    if _NOT_PRACTISE.search(cleaned):
        return False
    if _PRACTISE_WISH.search(cleaned):
        return True
    if _ANOTHER.search(cleaned) or _scenario_wish(cleaned):
        from bot.roleplay.catalog import scenario_in_request  # lazy: the catalog reads the knowledge

        return scenario_in_request(text or "") is not None
    return False


# A wish for another scenario during a role-play ("kan ik niet beter wisselen naar het scenario met de moeder die wil
# dat ik partij kies?", "ik wil liever scenario 2 doen", "mag ik een ander scenario?", "nog eentje, de mdo"; a user
# test of session 22 played the first two as turns, read as steps): the role-play stops and the one asked for starts
# (``bot.roleplay.session``; which one: ``bot.roleplay.catalog.scenario_in_request``). One of:
# - a word the persona never hears ('scenario', 'casus', 'rollenspel') with a wish or a switch ("ik wil", "kan ik",
#   "liever", "ander", "wisselen", "naar", "nog een") or a number ("scenario 3");
# - a switch of the trainee's own ("ik wil wisselen naar ...", "kan ik overstappen naar ...") or a wish to practise
#   (``is_practice_request``) that names a scenario.
# Said to the persona ("in het ergste scenario verliest u ...", "zullen we oefenen hoe u het hem vertelt?") it stays a
# turn: 'u', 'je', 'jullie', 'meneer' or 'mevrouw' anywhere keep it one, and so does a long message.
OTHER_SCENARIO = "ander_scenario"
_SCENARIO_WORD = re.compile(r"\b(?:scenario|scenarios|scenarioo?tje|casus|casussen|rollenspel|rollenspelletje|"
                            r"oefengesprek)\b")
_SCENARIO_WISH = re.compile(
    r"\b(?:ik wil|ik wou|ik zou|wil ik|kan ik|kun ik|mag ik|zou ik|ik ga|ik doe|laten we|kunnen we|mogen we|zullen we|"
    r"gaan we|liever|ander|andere|anders|wissel\w*|overstap\w*|overstappen|switch\w*|naar|nog een|nog eentje|"
    r"doe maar|geef|graag|kies)\b")
_NUMBERED = re.compile(r"\b(?:scenario|casus|nummer|nr)\s+(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + "|"
                       + "|".join(ORDINAL_WORDS) + r")\b")
_OWN_SWITCH = re.compile(r"\b(?:ik|we|wij)\b.*\b(?:wissel|wisselen|overstappen|stap over|switchen|switch)\b"
                         r"|^(?:wissel|switch|liever)\b")
_STOPPING = re.compile(r"\b(?:stop\w*|gestopt|ophouden|kappen|afbreken|beeindigen)\b")
_TO_PERSONA = re.compile(r"\b(?:u|uw|je|jij|jou|jouw|jullie|meneer|mevrouw)\b")
MAX_SWITCH_WORDS = 30


def _scenario_wish(cleaned: str) -> bool:
    """'scenario', 'casus' or 'rollenspel' with a wish, a switch or a number ("ik wil liever scenario 2 doen")."""
    return bool(_SCENARIO_WORD.search(cleaned) and (_SCENARIO_WISH.search(cleaned) or _NUMBERED.search(cleaned)))


def asks_for_another_scenario(text: Optional[str]) -> bool:
    """A wish for another scenario during a role-play (see above); which scenario it names, if any, is read by
    ``bot.roleplay.catalog.scenario_in_request``."""
    cleaned = normalise(text)
    words = cleaned.split()
    if not words or len(words) > MAX_SWITCH_WORDS or _TO_PERSONA.search(cleaned):
        return False
    named_wish = _scenario_wish(cleaned)
    if not (named_wish or _OWN_SWITCH.search(cleaned) or is_practice_request(text)):
        return False
    if named_wish and not _STOPPING.search(cleaned):  # "mag ik een ander scenario?": which one is asked next
        return True
    from bot.roleplay.catalog import scenario_in_request  # lazy: the catalog reads the knowledge

    # "ik wil stoppen met dit scenario" is a stop; with another one named it is a switch
    return scenario_in_request(text or "") is not None


# An answer to the list of scenarios that a wish for another scenario during a role-play showed ("doe maar de mdo dan,
# nummer 2", "2", "de boze vader", "de tweede"; a user test typed the first two after "ik wil liever een ander
# scenario" and got them played as turns): a short message that does not speak to the persona. Only right after that
# list (``bot.roleplay.session``); which scenario it names is read as the answer to "welk scenario?" outside a
# role-play (``bot.roleplay.catalog.find_scenario``).
MAX_LIST_ANSWER_WORDS = 8


def answers_scenario_list(text: Optional[str]) -> bool:
    """A short message that can answer the list of scenarios (see above), not a sentence to the persona."""
    cleaned = normalise(text)
    words = cleaned.split()
    return bool(words) and len(words) <= MAX_LIST_ANSWER_WORDS and not _TO_PERSONA.search(cleaned)
