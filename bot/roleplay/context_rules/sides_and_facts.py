"""Short answers whose move the line decides over any step read: naming both sides, nobody or the children to
"whose side are you on?" (visie), clearing the persona of blame they took on (visie), and a question that checks
the facts of a claim or asks about evidence offered (inhoud).
"""
from __future__ import annotations

import re

from bot.roleplay.context_rules.answer_kinds import adds_nothing
from bot.roleplay.context_rules.invitation import Context, asks, invitation, question_invitation
from bot.roleplay.context_rules.line_cues import EVIDENCE
from bot.roleplay.context_rules.words import NO_TOPIC, THE_OTHER, WORD, family

# An answer to "whose side are you on?" that names one side ("Jij natuurlijk.", "Zijn moeder.") takes it;
# one that names both, everyone or the other too ("Voor jullie allebei.", "Ook voor hem.") states a position
ONE_SIDE = family(r"jij", r"jou", r"u", r"hij", r"zij", r"hem", r"haar", r"papa", r"mama",
                  r"(?:je|jouw|uw|haar|zijn|hun|de) (?:moeder|vader|ex|dochter|zoon)")
BOTH_SIDES = family(r"allebei", r"beiden", r"beide", r"iedereen", r"jullie", r"niemand", r"geen van",
                    r"(?:de )?kinderen", r"het kind", r"ook (?:voor |naar |aan )?(?:hem|haar|jou|u|hij|zij)")

# a short question that checks the facts of a claim ("Iedereen? Echt?", "Welke bewijzen?"): the content in
_FACT_CHECK = re.compile(r"^\W*(?:en |maar |oké\W+)?(?:welke? \w+(?: dan)?|hoe (?:weet|weten) (?:je|jij|u|jullie) "
                         r"(?:dat|dat zo zeker)|wie zegt dat|waar blijkt dat uit|waaruit blijkt dat|"
                         r"(?:is|klopt) dat (?:\w+ )?(?:zo|waar|wel|echt)|weet (?:je|jij|u) dat (?:zeker|wel zeker))"
                         r"\W*\?\W*$", re.IGNORECASE)
_DOUBT_WORDS = frozenset("echt serieus werkelijk waar allemaal".split())

# The professional clears the persona of blame ("Dat ligt niet aan jou.", "Het is niet jouw schuld.", "Daar kan
# jij niks aan doen."): after the persona blames themselves a stance (visie), whatever its words resemble
_NOT_YOUR_FAULT = family(r"(?:ligt|lag) (?:\w+ ){0,2}niet aan (?:jou|je|u|jullie)",
                         r"niet (?:jouw|je|uw|jullie) (?:schuld|fout)", r"geen (?:\w+ )?schuld",
                         r"(?:kan|kon|kun|kunt) (?:jij|je|u) (?:\w+ ){0,2}(?:niks|niets) aan(?: doen)?",
                         r"(?:jij|je|u) (?:kan|kon|kun|kunt) (?:\w+ ){0,2}(?:niks|niets) aan(?: doen)?",
                         r"(?:komt|kwam) (?:\w+ ){0,2}niet door (?:jou|je|u)",
                         r"(?:jij|je|u) (?:hebt|heeft|deed|doet) (?:\w+ ){0,2}(?:niks|niets) (?:\w+ )?"
                         r"(?:fout|verkeerd)")
_SELF_BLAME = family(r"(?:mijn|m'n) (?:schuld|fout)", r"door mij", r"(?:ligt|lag) (?:\w+ ){0,2}aan mij",
                     r"(?:had|heb) ik (?:\w+ ){0,6}(?:moeten|maar|gewoon)\b(?=[^?]*[.!]?\s*$)",
                     r"ik had (?:\w+ ){0,5}(?:moeten|niet)\b(?=[^?]*[.!]?\s*$)",
                     r"ik (?:heb|had) (?:het|alles) (?:\w+ )?(?:verpest|fout gedaan)")


def clears_blame(text: str, context: Context) -> bool:
    """A short turn that clears the persona of the blame they just took on ("Dat ligt niet aan jou." after
    "Het is eigenlijk mijn schuld."): a stance (visie)."""
    return bool(_NOT_YOUR_FAULT.search(text)) and bool(_SELF_BLAME.search(context.last_line))


def only_clears(text: str, context: Context) -> bool:
    """The turn says nothing besides clearing the persona of blame ("Nee joh, jij kunt daar niks aan doen."):
    the one case where context may turn a pitfall read of a longer answer into a good step."""
    rest = _NOT_YOUR_FAULT.sub(" ", text)
    return adds_nothing(rest, context.last_line) or not WORD.search(rest)


def asks_after_evidence(text: str, context: Context) -> bool:
    """A short question after the persona offered evidence about the other ("Wat stond erin?" after "Die mail
    moet u echt zien."): the professional goes into the facts (inhoud)."""
    return text.rstrip().endswith("?") and bool(EVIDENCE.search(context.last_line))


def checks_fact(text: str, context: Context) -> bool:
    """A short question that checks the facts of a claim: "Welke bewijzen?", or words of the line with a
    word of doubt ("Iedereen? Echt?")."""
    if _FACT_CHECK.match(text):  # only about a claim on someone else ("Wie zegt dat?" to self-blame checks nothing)
        return bool(THE_OTHER.search(context.last_line) or EVIDENCE.search(context.last_line)
                    or invitation(context) == "inhoud")
    words = [w.lower() for w in WORD.findall(text)]
    echo = {w.lower() for w in WORD.findall(context.last_line)} - NO_TOPIC
    return (bool(words) and any(w in _DOUBT_WORDS for w in words) and any(w in echo for w in words)
            and all(w in _DOUBT_WORDS or w in echo or w in NO_TOPIC for w in words))


def answers_side(text: str, context: Context) -> bool:
    """A short answer to "whose side are you on?" or "what is this for?" that names both sides, nobody or
    the children ("Allebei.", "Geen van beide.", "Voor je kinderen."): a stance, whatever its words resemble."""
    target, sentence = question_invitation(context)
    return (target == "visie" and asks(sentence) and bool(BOTH_SIDES.search(text))
            and not asks(text))
