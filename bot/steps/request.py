"""What the first request of a preparation already says: who the conversation is with and what
is going on ("Ik heb morgen een gesprek met een moeder die vindt dat vader de kinderen tegen haar
opzet"). Plain word rules: the situation is the part from the person onwards, when it says more
than who it is ("... een moeder die ...", "... twee ouders die steeds ruzie hebben")."""
from __future__ import annotations

import re
from typing import Optional

from bot.steps.navigation import parse_situation_type

_PERSON = (
    r"(?:beide ouders|twee ouders|de ouders|ouders|vader en moeder|moeder en vader|een vader|een moeder|"
    r"de vader|de moeder|vader|moeder|een ouder|een kind|een meisje|een jongen|een puber|een zoon|een dochter|"
    r"een jongere|een tiener)"
)
# the person followed by a clause that tells the situation
_WITH_CLAUSE = re.compile(
    rf"\b(?P<who>{_PERSON})(?P<extra>(?: (?:van|uit) [\w-]+(?: \w+)?)?)\s*,?\s+"
    # "met een moeder die ...", "... want ...", and after a comma a sentence about the person ("met een moeder, ze is
    # echt boos want ..."; a user test was asked again what was going on)
    r"(?P<rest>(?:die|dat|wiens|waarvan|waarbij|omdat|want|over|:|ze|zij|hij|het|haar|zijn|hun)\b.*)",
    re.IGNORECASE,
)
_TAIL = re.compile(r"[?!.]|,\s*(?:hoe|kun|kan|wil|help|wat)\b|\s+(?:kun je|kan je|wil je|help me)\b.*", re.IGNORECASE)
_MIN_WORDS = 4
MAX_SITUATION = 500


def situation_from_request(text: Optional[str]) -> Optional[str]:
    """The situation told in the request itself, or None when the request only names who."""
    if not text or parse_situation_type(text) is None:
        return None
    match = _WITH_CLAUSE.search(" ".join(text.split()))
    if not match:
        return None
    rest = _TAIL.split(match.group("rest"), maxsplit=1)[0].strip(" ,:;")
    rest = re.sub(r"\s+(?:voorbereiden|voor te bereiden)$", "", rest, flags=re.IGNORECASE)
    if len(rest.split()) < _MIN_WORDS - 1:
        return None
    who = match.group("who") + match.group("extra")
    who = re.sub(r"^(een|de|twee) ", "", who, flags=re.IGNORECASE)
    joint = ": " if re.match(r"(?:ze|zij|hij|het|haar|zijn|hun)\b", rest, re.IGNORECASE) else " "
    situation = f"{who}{joint}{rest}".strip()
    situation = situation[0].upper() + situation[1:]
    return situation[:MAX_SITUATION]
