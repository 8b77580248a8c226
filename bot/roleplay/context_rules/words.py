"""Word families shared by the context rules: which words carry no topic of their own, which only ask on,
which make a bare yes or no, which are particles, negations or the other parent, and when two word forms
count as the same word (an echo of the persona's line).
"""
from __future__ import annotations

import re


def family(*phrases: str) -> "re.Pattern[str]":
    """One pattern for a word family: any of the phrases as whole words, in any case."""
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


SYMPATHY_WORDS = ("au", "auw", "ai", "aai", "oei", "oef", "pff", "pfff", "pffff", "pfoe", "poeh", "jeetje", "jee",
                  "jemig", "tjonge", "tjongejonge", "sjonge", "zucht", "goh", "ach", "ojee")

NEGATION = family(r"niet", r"nooit", r"geen", r"niks", r"niets")
# a question that is negative ("Dus ik kan niks?", "Blijft het zo?"): yes names the reality; "niet gewoon" asks
NEGATIVE = re.compile(r"(?<!\w)(?:niet|nooit|geen|niks|niets)(?!\w)(?! (?:gewoon|even|eens)\b)|"
                      r"(?<!\w)(?:blijft|blijven|altijd|slikken|accepteren|aanvaarden|neerleggen|nu eenmaal|"
                      r"hoe het is|leren leven|alweer|opnieuw|telkens|wéér|(?:gewoon|steeds) w[eé]{1,2}r)(?!\w)",
                      re.IGNORECASE)  # or it stays: "altijd blijven"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words that carry no topic of their own: pronouns, articles, particles, prepositions, auxiliaries and the
# verbs of a follow-up ("hoe bedoel je", "vertel eens meer"). A turn of only these words (and words it
# repeats from the persona's line) adds nothing the line did not say: only the line can tell what it does.
NO_TOPIC = frozenset("""
ik je jij u hij zij ze het t we wij jullie hem haar hen hun mij me jou jouwe jouw uw mijn m'n zijn z'n zich
dat dit die deze daar hier er wat wie hoe waar waarom hoezo wanneer welke welk zelf iets niks niets alles allebei
de een en of maar dus als want dan toen
nou toch wel niet nooit geen ook nog meer eens even nu verder zo echt helemaal gewoon eigenlijk hoor joh hè he hé
zeker inderdaad precies misschien al ja jawel jazeker nee neen oké oke ok okay goed prima tuurlijk natuurlijk
hm hmm tja eh uh sowieso heus zeg best mag vooruit
aan voor van met over op in bij naar om tot uit door
ben bent is zijn was waren heb hebt heeft hebben had doe doet doen deed ga gaat gaan ging kan kun kunt kunnen
zal zult zou zouden moet moeten mag mogen hoeft hoef hoeven word wordt komt klopt bedoel bedoelt vertel zie snap
begrijp
""".split()) | frozenset(SYMPATHY_WORDS)
# A follow-up question is topic-free only in these words ("hoe bedoel je?", "en wat nog meer?", "oké, en nu?"):
# a question with its own verb ("wat kun je doen?", "wat wil jij?") or its own words asks for a step itself.
ASK_ON_WORDS = frozenset("""
en of dus nou oké oke ok ja wat nog meer hoe hoezo bedoel bedoelt bedoelen vertel vertellen eens zeg je jij u jullie
daarna vervolgens
hij zij ze het er dat dit daar daarover over dan nu verder toen zoals bijvoorbeeld precies is was
""".split())
# A bare yes or no: only these words ("nee joh, echt niet", "ja, eigenlijk wel"). After the persona's question
# about blame or sides, or about a hope or a fear, such an answer is the step itself, whatever the sentence
# classifier made of its form (``answers_the_question``).
YES_NO_WORDS = frozenset("""
ja jawel jazeker nee neen nope klopt zeker inderdaad absoluut natuurlijk tuurlijk wel niet nooit helemaal echt
eigenlijk nou joh hoor hè he hé toch zeg
""".split())

THE_OTHER = family(r"hij", r"zij", r"ze", r"hem", r"haar", r"papa", r"mama", r"(?:mijn|m'n|haar|zijn|hun|de) "
                   r"(?:moeder|vader|ex|exman|exvrouw|schoonmoeder)")

# spoken particles that do not make a turn longer ("nee hoor, dat hoeft helemaal niet" is four words)
PARTICLES = frozenset("nou hoor joh hè he hé toch even eens gewoon helemaal echt eigenlijk wel zeg".split())


def same_family(word: str, echo: set) -> bool:
    """The word repeats a word of the line in another form ("schrijf" after "opschrijven", "bel" after "bellen"):
    a shared beginning of at least five letters."""
    return len(word) >= 5 and any(other.startswith(word[:5]) for other in echo if len(other) >= 5)
