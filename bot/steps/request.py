"""What the first request of a preparation already says: who the conversation is with and what
is going on ("Ik heb morgen een gesprek met een moeder die vindt dat vader de kinderen tegen haar
opzet"). Plain word rules: the situation is the part from the person onwards, when it says more
than who it is ("... een moeder die ...", "... twee ouders die steeds ruzie hebben"). What comes
between the person and the situation is passed over: when and where the conversation is ("morgen om
10 uur"), a name or a phone number ("Linda van Dijk (06-98765432)", "hij heet Ruud de Boer"); a
request to Rustpunt ("kun je me helpen?") ends it."""
from __future__ import annotations

import re
from typing import Optional

from bot.steps.navigation import parse_situation_type

_PERSON = (
    r"(?:beide ouders|twee ouders|de ouders|ouders|vader en moeder|moeder en vader|een vader|een moeder|"
    r"de vader|de moeder|vader|moeder|een ouder|een kind|een meisje|een jongen|een puber|een zoon|een dochter|"
    r"een jongere|een tiener)"
)
# the person with one or two words before it that describe them ("een gescheiden moeder", "een boze vader")
_DESCRIBED = (
    r"(?:een|de|twee)\s+(?:[^\W\d_]+(?:e|en)\s+){1,2}"
    r"(?:vader|moeder|ouders|ouder|kind|meisje|jongen|puber|zoon|dochter|jongere|tiener)"
)
_WHO = re.compile(rf"\b(?P<who>{_DESCRIBED}|{_PERSON})(?P<extra>(?: (?:van|uit) [\w-]+(?: \w+)?)?)\b", re.IGNORECASE)
# a clause that tells the situation: "die ...", "want ...", and a sentence about the person ("ze is echt boos want
# ...", "zijn ex zegt dat ..."; a user test was asked again what was going on)
_SITUATION = re.compile(
    r"^(?:die|dat|wiens|waarvan|waarbij|omdat|want|over|sinds|ze|zij|hij|het|haar|zijn|hun)\b", re.IGNORECASE
)
# ... but not "hij heet Ruud de Boer" or "het gesprek is om 10 uur"
_NO_SITUATION = re.compile(r"^(?:(?:hij|zij|ze) (?:heet|heten)|(?:haar|zijn|hun) naam|het gesprek)\b", re.IGNORECASE)
_AND = re.compile(r"\s+en\s+", re.IGNORECASE)
_REQUEST = re.compile(r"^(?:hoe|kun|kan|wil|help|wat (?:moet|kan|zal|zeg)|graag|alvast)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:]\s+|[?!]")
_MAX_PASSED = 3  # clauses passed over before the situation (a time, a name, a phone number)
_TAIL = re.compile(
    r"[?!]|[,.;]\s*(?:hoe|kun|kan|wil|help|wat (?:moet|kan|zal))\b|\s+(?:kun je|kan je|wil je|help me)\b.*"
    # the professional's own request joined with 'en' ("een vader die gaat scheiden en ik wil het voorbereiden"): it
    # is no part of the situation (a user test of session 27 saw "Vader die gaat scheiden en ik wil het" in the plan)
    r"|[,\s]+(?:en|maar|dus)\s+(?:ik|we|wij)\s+(?:[^\W\d_]+\s+){0,5}?"
    r"(?:voorbereiden|voor te bereiden|oefenen|te oefenen|hulp|tips|helpen)\b.*",
    re.IGNORECASE,
)
_MIN_WORDS = 4
MAX_SITUATION = 500


def _situation_start(rest: str) -> Optional[int]:
    """Where the situation starts in what follows the person, or None when no clause tells it."""
    position = 0
    for _ in range(_MAX_PASSED + 1):
        end = _CLAUSE_END.search(rest, position)
        clause = rest[position:end.start() if end else len(rest)].strip(" ()")
        if _REQUEST.match(clause):
            return None
        if _SITUATION.match(clause) and not _NO_SITUATION.match(clause):
            return position
        joined = _AND.search(clause) if _NO_SITUATION.match(clause) else None
        if joined and _SITUATION.match(clause[joined.end():]):  # "hij heet Ruud en zijn ex zegt dat ..."
            return rest.index(clause, position) + joined.end()
        if end is None or end.group() in "?!":
            return None
        position = end.end()
    return None


def situation_from_request(text: Optional[str]) -> Optional[str]:
    """The situation told in the request itself, or None when the request only names who."""
    if not text or parse_situation_type(text) is None:
        return None
    text = " ".join(text.split())
    match = _WHO.search(text)
    if not match:
        return None
    rest = text[match.end():].lstrip(" ,;")
    colon = rest.startswith(":")
    rest = rest.lstrip(" :")
    start = 0 if colon else _situation_start(rest)
    if start is None:
        return None
    rest = _TAIL.split(rest[start:], maxsplit=1)[0].strip(" ,:;")
    rest = re.sub(r"\s+(?:voorbereiden|voor te bereiden)$", "", rest, flags=re.IGNORECASE)
    if len(rest.split()) < _MIN_WORDS - 1:
        return None
    who = match.group("who") + match.group("extra")
    who = re.sub(r"^(een|de|twee) ", "", who, flags=re.IGNORECASE)
    joint = ": " if colon or re.match(r"(?:ze|zij|hij|het|haar|zijn|hun)\b", rest, re.IGNORECASE) else " "
    situation = f"{who}{joint}{rest}".strip()
    situation = situation[0].upper() + situation[1:]
    return situation[:MAX_SITUATION]


# "ik wil verder met mijn voorbereiding van daarnet", "mijn gespreksplan afmaken": go on with a stopped preparation
_CONTINUE = re.compile(r"\b(?:verder|doorgaan|hervat\w*|afmaken|oppakken)\b", re.IGNORECASE)
_PREPARATION = re.compile(r"\b(?:voorbereiding|voorbereiden|gespreksplan|plan)\b", re.IGNORECASE)


def continues_earlier(text: Optional[str]) -> bool:
    """A request to go on with the preparation stopped earlier in this conversation."""
    return bool(text and _CONTINUE.search(text) and _PREPARATION.search(text))


# What is going on, typed at the first step instead of a sentence for the parent (a user test of session 28 found it
# stored as the note of 'Visie uitdragen'): a message that says so ("het gaat om een vader die ...", "de situatie is
# dat ...", "ik spreek een moeder die ..."), or one that tells about the family in the third person ("vader ziet de
# kinderen al drie maanden niet omdat moeder dat tegenhoudt", "ze zijn een half jaar uit elkaar") without addressing
# the parent, without the professional in it, and without a norm ("de kinderen hebben beide ouders nodig" is a stance
# for this step).
_TELLS_SITUATION = re.compile(
    r"^(?:(?:nou|eh|uh|oke|ok|oké|dus|nee|ja|even|eerst|oja|o)\W+)*(?:het gaat (?:hier )?(?:om|over)\b|de situatie is\b"
    r"|situatie\s*:|wat er speelt\s*(?:is\b|:)|het zit zo\b"
    r"|(?:ik|we|wij) (?:heb|hebben|spreek|spreken) (?:\w+ ){0,4}?(?:een|de|twee) (?:\w+ )?"
    r"(?:vader|moeder|ouders?)\b,? (?:die|dat|waarvan|wiens|met)\b)",
    re.IGNORECASE,
)
_THIRD_PERSON_STORY = re.compile(
    r"^(?:(?:nou|eh|uh|dus|nee|ja|oja|o)\W+)*(?:(?:de|het|haar|zijn|hun)\s+)?"
    r"(?:vader|moeder|ouders|ex|hij|zij|ze|kinderen|kind|zoon|dochter|jongen|meisje|papa|mama)\s+"
    r"(?:is|zijn|was|waren|heeft|hebben|had|hadden|wil|wilt|willen|ziet|zien|zag|woont|wonen|mag|mogen|krijgt|krijgen"
    r"|maakt|maken|doet|doen|zegt|zeggen|zei|vindt|vinden|gaat|gaan|ging|komt|komen|kwam|kan|kunnen|wordt|worden"
    r"|weigert|weigeren|houdt|laat|praat|praten|spreekt|spreken|belt|appt|stuurt|dreigt|eist|beschuldigt)\b",
    re.IGNORECASE,
)
_ADDRESS_OR_SELF = re.compile(r"\b(?:u|uw|je|jij|jou|jouw|jullie|ik|mij|me|mijn|wij|we|ons|onze)\b", re.IGNORECASE)
_NORM = re.compile(r"\b(?:belangrijk\w*|recht|rechten|moet|moeten|verdien\w*|nodig|centraal|voorop|hoort|horen|beste?"
                   r"|mag niet|mogen niet|goed voor|slecht voor|welkom|helpt|helpen|belang|samen|gun\w*|fijn|baat"
                   # a judgement or a reality to accept, the pitfall and the step of their own ("ze had dat niet mogen
                   # doen", "dat kan echt niet", "dat blijft zo", "dat gaat niet meer veranderen")
                   r"|mogen|kan (?:\w+ )?niet|zegt genoeg|gewoon|blijft zo|veranderen|zolang)\b", re.IGNORECASE)
_MIN_STORY_WORDS = 5


def tells_the_situation(text: Optional[str]) -> bool:
    """The message tells what is going on instead of a sentence for the parent (see ``_TELLS_SITUATION``)."""
    text = " ".join((text or "").split())
    if not text or text.endswith("?") or len(text.split()) < _MIN_STORY_WORDS:
        return False
    if _TELLS_SITUATION.match(text):
        return True
    return bool(_THIRD_PERSON_STORY.match(text)) and not _ADDRESS_OR_SELF.search(text) and not _NORM.search(text)


def with_situation(situation: Optional[str], told: str) -> str:
    """The situation with what was told added (the situation alone when there was none yet, or '-')."""
    told = told.strip()
    told = told[0].upper() + told[1:]
    known = (situation or "").strip()
    if not known or known == "-":
        return told[:MAX_SITUATION]
    return f"{known[0].upper()}{known[1:].rstrip('. ')}. {told}"[:MAX_SITUATION]
