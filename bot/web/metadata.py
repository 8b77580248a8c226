"""Who is practising: the optional participant and group fields of the chat page.

The page sends ``metadata: {deelnemer, groep}`` with every message; Rasa's REST channel stores it
on the user message, where the role-play actions read it. Only these two keys pass, each a
string of at most ``MAX_LENGTH`` characters after trimming; anything else is dropped silently
(the message itself still goes through: these fields are a convenience, never a reason to fail).
The participant's name or code is the professional's own pseudonym: kept as typed, never masked
(``bot.privacy.masking.OWN_PSEUDONYM_KEYS``), at most ``MAX_PARTICIPANT`` characters.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Dict

KEYS = ("deelnemer", "groep")
MAX_LENGTH = 60
MAX_PARTICIPANT = 40


def _clean(value: Any, limit: int = MAX_LENGTH) -> str:
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())  # trims, and turns tabs/newlines into single spaces
    if not text or len(text) > limit:
        return ""
    if any(unicodedata.category(char).startswith("C") for char in text):  # control/format/unassigned
        return ""
    return text


def clean_metadata(raw: Any) -> Dict[str, str]:
    """The valid ``deelnemer``/``groep`` values from a request's ``metadata``; {} when none."""
    if not isinstance(raw, dict):
        return {}
    result = {}
    for key in KEYS:
        text = _clean(raw.get(key), MAX_PARTICIPANT if key == "deelnemer" else MAX_LENGTH)
        if text:
            result[key] = text
    return result
