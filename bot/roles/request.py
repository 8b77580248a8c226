"""Pull the sentence to analyse out of a chat request like "welke rol is dit: 'Jullie doen niks'"."""
from __future__ import annotations

import re
from typing import Optional

from bot.commands import WHICH_OWN_ROLE, WHICH_ROLE, which_question

_QUOTED = re.compile(r"[\"'‘’“”„«»](.+?)[\"'‘’“”„«»]\s*[?.!]*\s*$", re.DOTALL)
_QUOTES = "\"'‘’“”„«» "
_PREFIX = re.compile(
    r"^\s*(welke|wat voor( een)?|herken( de)?|analyseer( de)?|wat is de|in welke)\b"
    r"[^:]*?\b(rol|rollen|driehoek)\b[^:]*?[:?]?\s*",
    re.IGNORECASE,
)

_FILLER = re.compile(
    r"^(is|zit|heeft|hoort|past)?\s*(dit|het|hier|daarbij|hierbij|bij)?\s*(bij)?\s*"
    r"(deze zin|iemand die zegt|als iemand zegt)?\s*",
    re.IGNORECASE,
)


def sentence_from_request(text: Optional[str]) -> Optional[str]:
    """The sentence after the colon or between quotes; None when the request holds no sentence. A request of the one
    vocabulary (``bot.commands.which_question``: "en deze, wat voor rol neemt vader hier in? '...'", a story before
    "welke rol is dit: '...'") gives the sentence it asks about."""
    if not text:
        return None
    text = text.strip()
    asked = which_question(text)
    if asked and asked[0] in (WHICH_ROLE, WHICH_OWN_ROLE) and asked[1]:
        return asked[1]
    candidate = None
    if ":" in text:
        candidate = text.split(":", 1)[1]
    else:
        quoted = _QUOTED.search(text)
        if quoted:
            candidate = quoted.group(1)
        else:
            stripped = _PREFIX.sub("", text, count=1)
            if stripped != text:
                candidate = _FILLER.sub("", stripped, count=1)
    if candidate is None:
        return None
    candidate = candidate.strip().strip(_QUOTES + "?.!").strip()
    return candidate or None


_ROLE_REQUEST = re.compile(r"^\s*(welke|wat voor( een)?|herken( de)?|analyseer( de)?|in welke)\b[^:]{0,40}?\brol",
                           re.IGNORECASE)


def is_role_request(text: Optional[str]) -> bool:
    """An explicit request for a role analysis with the sentence in it ("welke rol is dit: ...", also as
    ``bot.commands.which_question`` reads it: "en deze? welke rol is dit: '...'")."""
    asked = which_question(text)
    if asked and asked[0] in (WHICH_ROLE, WHICH_OWN_ROLE) and asked[1]:
        return True
    return bool(text and _ROLE_REQUEST.match(text) and sentence_from_request(text))
