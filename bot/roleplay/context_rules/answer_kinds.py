"""What kind of short answer a turn is (``response_kind``): asking on, a sound of sympathy, a yes (also a
permission, an agreement, a hedged or understanding yes), a no, or a need named in a word or two; plus the
shapes the decision checks (a verdict, praise, "En toen?", asking for more) and whether a turn adds nothing.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.roleplay.context_rules.words import ASK_ON_WORDS, NEGATION, NO_TOPIC, SYMPATHY_WORDS, WORD, family, same_family

# What kind of short turn answers the line. A follow-up question ("Hoe bedoel je?", "Vertel eens meer."),
# a sound of sympathy ("Au.", "Pff."), a yes ("Ja, eigenlijk wel.", "Komt goed.") or a no ("Nee hoor.").
QUESTION, SYMPATHY, ASSENT, DENIAL = "vraag", "medeleven", "ja", "nee"
_ASK_ON = re.compile(r"^\W*(?:en |nou |oké\W+|ok\W+)?(?:vertel (?:eens|me|daar|er|nog)|ga (?:maar )?door|zeg het maar)"
                     r"(?!\w)", re.IGNORECASE)

_SYMPATHY = re.compile(r"^\W*(?:" + "|".join(SYMPATHY_WORDS) + r"|o jee|wat (?:erg|naar|rot|vervelend|verdrietig|"
                       r"heftig|een gedoe))(?!\w)", re.IGNORECASE)
_ASSENT = re.compile(r"^\W*(?:ja|jawel|jazeker|klopt|dat klopt|zeker|inderdaad|goed|is goed|prima|oké|oke|ok|okay|"
                     r"doe ik|zal ik doen|komt goed|komt in orde|regel ik|geen probleem|afgesproken|beloofd|"
                     r"zo is het|precies|"
                     r"natuurlijk|tuurlijk|dat is (?:ook |wel |helemaal )?zo|(?:helemaal |ben ik )?mee eens|"
                     # a yes that says it understands ("Snap ik.", "Ja, logisch."), a hedged yes
                     r"(?:dat |het )?(?:snap|begrijp) ik|logisch|begrijpelijk|"
                     r"(?:dat |het )?(?:zou|kan) (?:best|goed|heel goed|zomaar) (?:kunnen|zijn)|"
                     r"hm+|mm+|mhm|laat (?:maar |eens |het |ze )*zien|"
                     # a permission ("Doe maar.", "Dat mag.", "Dat kan.", "Nou, vooruit dan.")
                     r"(?:nou\W+)?(?:doe (?:dat |het )?maar|(?:dat|het) (?:mag|kan)|mag (?:ook|best|gerust)|"
                     r"kan (?:best|prima|gerust)|vooruit))(?!\w)",
                     re.IGNORECASE)  # "hm" is a backchannel like "ja"
# A bare listening sound: only a yes, an "oké", a "hm" or a sound of sympathy ("ja", "ok", "Pfoe.", "hmm, ja", "au"),
# however it is typed ("pfff", "hmmm"). It shows one listens, but names nothing of what one hears, and the workbook's
# erkennen is naming what you hear: the role-play counts it as no turn, wherever it stands (``is_listening_sound``).
# Session 23 (a user test): "ja", "ok" and "Pfoe." read on as erkennen against the angry father (tension fell, and
# the real acknowledgement after it counted as a repeat), while "ja" elsewhere was no turn and "pfoe" in lower case
# got "Ik herken geen Nederlandse woorden".
_LISTENING_WORDS = frozenset("ja jawel jazeker ok oké oke okay o oh ah aha hm mhm nou tja zo".split()) \
    | frozenset(SYMPATHY_WORDS)
_DRAWN_OUT = re.compile(r"^(?:h+m+|m+|m+h+m+|p+f+|p+f+o+e+|a+u+w*|o+e+i+|j+a+|o+k+e*|n+o+u+|t+j+a+|z+u+c+h+t+)$")


def is_listening_sound(text: str) -> bool:
    """The turn is only a listening sound (``_LISTENING_WORDS``, also drawn out: "hmmm", "pfff", "jaaa"): no naming."""
    words = [w.lower() for w in WORD.findall(text or "")]
    return bool(words) and all(w in _LISTENING_WORDS or _DRAWN_OUT.match(w) for w in words)


_DENIAL = re.compile(r"^\W*(?:nee|neen|nope|echt niet|helemaal niet|zeker niet|geen sprake van)(?!\w)", re.IGNORECASE)
UNDERSTANDS = family(r"(?:zie|snap|begrijp|hoor|merk|geloof|voel) ik", r"ik (?:zie|snap|begrijp|hoor|merk|geloof) "
                     r"(?:het|dat|je|jou|u)", r"kan ik me (?:\w+ )?voorstellen", r"logisch", r"begrijpelijk")
# a permission, also "Oké!" said with an exclamation: to the persona's own idea it endorses it (opties)
PERMITS = re.compile(r"^\W*(?:nou\W+)?(?:doe (?:dat |het )?maar|(?:dat|het) (?:mag|kan)|mag (?:ook|best|gerust)|"
                     r"kan (?:best|prima|gerust)|vooruit|(?:ja|oké|oke|ok|goed|prima)\W*!)", re.IGNORECASE)

ENDORSES = family(r"(?:goed|prima|mooi|sterk) (?:idee|plan)", r"mee eens",
                  r"(?:lijkt|klinkt) (?:me|mij) (?:goed|een goed)")

# A yes that rules on what was said ("Klopt.", "Terecht.", "Precies.") after a statement about the other
# ("Hij heeft gewoon gelogen.") agrees with the persona's view of them: inhoud. A bare "ja" is a backchannel.
VERDICT = re.compile(r"^\W*(?:(?:ja\W+)?(?:klopt|dat klopt|inderdaad|terecht|precies|zo is het|groot gelijk|"
                     r"dat is (?:ook |helemaal )?(?:zo|waar)|(?:helemaal )?gelijk)(?:\W+ja)?)\W*$", re.IGNORECASE)

# praise for what the persona did ("Goed zo."): after a line that blames the other for it, it sides with the persona
PRAISE = re.compile(r"^\W*(?:goed zo|goed gedaan|goed van (?:je|jou|u)|knap (?:van (?:je|jou|u))?)\W*$",
                    re.IGNORECASE)

# asking what came next or before ("En toen?", "En daarvoor?", "En hij weer?"): after a told event, also when
# an outburst ends the line, it asks on about the pattern
NEXT = re.compile(r"^\W*(?:en |oké\W+)?(?:toen|dan|daarna|daarvoor|vervolgens|(?:hij|zij|ze|jij|jullie) weer)\W*\?",
                  re.IGNORECASE)

# A need named in a word or two ("Rust.", "Meetellen, hè."): the professional names what lies under the line.
NEED = "behoefte-woord"
_NEED_WORDS = family(r"rust", r"veiligheid", r"erkenning", r"waardering", r"respect", r"duidelijkheid", r"vertrouwen",
                     r"zekerheid", r"steun", r"aandacht", r"ruimte", r"vrijheid", r"contact", r"meetellen",
                     r"mee tellen", r"meedoen", r"meebeslissen", r"gehoord (?:worden|te worden)",
                     r"(?:vader|moeder|ouder|papa|mama) (?:mogen |kunnen )?zijn",
                     r"erbij (?:horen|hoort|hoor|mag zijn|mogen zijn)",
                     r"gezien (?:worden|te worden)", r"serieus genomen (?:worden|te worden)")

# Asking for more ("En wat nog meer?", "Nog iets?", "En verder?") right after the professional asked about the
# options asks for more options (when the persona's answer invites no step of its own).
MORE = family(r"nog meer", r"nog iets", r"verder nog", r"en verder", r"wat nog")


def adds_nothing(text: str, line: str, kind: Optional[str] = None) -> bool:
    """Only words without a topic of their own, or (in a yes, a no or a sound of sympathy) words
    repeated from the persona's line; a question only in the words of asking on (``ASK_ON_WORDS``)."""
    if kind == ASSENT and ENDORSES.search(text):  # the endorsement is the answer; what is left must add nothing
        text = ENDORSES.sub(" ", text)
        if not WORD.search(text):
            return True
    words = [w.lower() for w in WORD.findall(text)]
    if kind == QUESTION:
        return bool(words) and all(w in ASK_ON_WORDS for w in words)
    echo = {w.lower() for w in WORD.findall(line)}
    return bool(words) and all(w in NO_TOPIC or w in echo or same_family(w, echo) for w in words)


# Praise beside words given back ("Een kaartje, zonder dat ze iets terug hoeft te doen. Mooi.", "..., mooi gezegd.")
_PRAISE_WORDS = family(r"(?:wat |heel |echt |erg )?(?:mooi|prachtig|sterk|fijn|knap|goed)"
                       r"(?: (?:gezegd|verwoord|bedacht|gevonden|idee|plan|zo))?")
GIVE_BACK_WORDS = 2  # words with a topic that a sentence gives back at least
_FIRST_PERSON = frozenset("ik mij me mijn m'n mezelf mijzelf".split())


def gives_back(sentence: str, line: str) -> bool:
    """A sentence (no question) that gives the persona's own words back: at least ``GIVE_BACK_WORDS`` words with a
    topic, each from the line (or the same word in another form), with nothing of its own besides praise ("een
    kaartje, zonder dat ze iets terug hoeft te doen" after "Ik kan haar een kaartje sturen, zonder dat ze iets terug
    hoeft te doen."); the persona's "ik" comes back as "u" or "je", so a sentence in the first person is the
    professional's own. Reflecting the other's words is erkennen (the workbook, 2. Erkennen); the step classifier, which
    does not see the line, read this one as redden (0.61) by "hoeft" (a user test, session 20)."""
    if sentence.rstrip().endswith("?"):
        return False
    words = [w.lower() for w in WORD.findall(_PRAISE_WORDS.sub(" ", sentence))]
    if any(w in _FIRST_PERSON for w in words):  # "ik kan haar wel een kaartje sturen": the professional's own offer
        return False
    echo = {w.lower() for w in WORD.findall(line)}
    topical = [w for w in words if w not in NO_TOPIC]
    return len(topical) >= GIVE_BACK_WORDS and all(w in echo or same_family(w, echo) or _other_person(w, echo)
                                                   for w in topical)


def _other_person(word: str, echo: set) -> bool:
    """The word is a verb of the line in the form for "u" or "je" ("denkt" after "ik denk aan haar", "vindt" after
    "vind"): the persona's "ik" given back (session 22: "via de mentor laten weten dat u aan haar denkt, zonder dat ze
    iets hoeft" after the persona's own option was read as redden, 0.82)."""
    return len(word) >= 4 and ((word.endswith("t") and word[:-1] in echo) or word + "t" in echo)


def response_kind(text: str, line: str = "") -> Optional[str]:
    """What a short turn does with the line: ask on, show sympathy, say yes or no, name a need in a word or
    two (None: none of these)."""
    if ENDORSES.match(text.lstrip(" ,.!")):  # "Goed plan. Nog iets?" endorses first, then asks on
        return ASSENT
    rest = _NEED_WORDS.sub(" ", text)
    if text.rstrip().endswith("?") and rest != text and all(w.lower() in NO_TOPIC for w in WORD.findall(rest)):
        return NEED  # a need guessed as a question: "Dat je erbij hoort?", "Rust?"
    if text.rstrip().endswith("?") or _ASK_ON.match(text):
        return QUESTION
    if _SYMPATHY.match(text):
        return SYMPATHY
    if _ASSENT.match(text):
        return ASSENT
    rest = _NEED_WORDS.sub(" ", text)
    if rest != text and all(w.lower() in NO_TOPIC for w in WORD.findall(rest)):  # "Rust.", "meetellen, hè"
        return NEED
    if _DENIAL.match(text) or (NEGATION.search(text) and adds_nothing(text, line)):  # "daar ga ik niet over"
        return DENIAL
    return None
