"""Pull the sentence to analyse out of a chat request like "welke rol is dit: 'Jullie doen niks'".

The chat, the role-play's role questions and ``rustpunt rol`` read a request the same way (``role_request``), so the
same quote gets the same analysis everywhere; a question about one's own role ("welke rol had ik hier zelf? ik zei
tegen moeder: '...'", "in welke rol zit ik?") is marked ``own``: the advice is then to step over to the winner's form
of the role, not how to answer someone in it."""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

from bot.commands import WHICH_OWN_ROLE, WHICH_ROLE, which_question
from bot.language import words

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
# the request's own punctuation after the closing quote ("... 'ik regel het wel.'?"): not part of the sentence
_AFTER_QUOTE = re.compile(r"([\"'‘’“”„«»])\s*[?.!]+\s*$")

# The professional asks about their own role: "welke rol had ik (hier) (zelf)?", "in welke rol zat ik?", "wat was mijn
# rol?", or the sentence is what they said themselves ("ik zei tegen moeder: '...'", "als ik zeg: '...'").
_OWN = re.compile(
    r"\brol\w*\s+(?:\w+\s+){0,2}?(?:ik|mij|me|mezelf|mijzelf)\b"
    r"|\bmijn\s+(?:eigen\s+)?rol\b"
    r"|\b(?:ik|zelf)\s+(?:zei|zeg|zeide|antwoordde|reageerde|vroeg|schreef|appte|typte)\b"
    r"|\b(?:zei|zeg|antwoordde|reageerde|vroeg|schreef) ik\b",
    re.IGNORECASE,
)


class RoleRequest(NamedTuple):
    sentence: Optional[str]
    own: bool


def sentence_from_request(text: Optional[str]) -> Optional[str]:
    """The sentence after the colon or between quotes; None when the request holds no sentence. The sentence keeps
    its own end ("... ik regel het wel." stays with its full stop), as it does when it is typed after ``rustpunt rol``;
    only the request's question mark after a closing quote goes. A request of the one vocabulary
    (``bot.commands.which_question``: "en deze, wat voor rol neemt vader hier in? '...'", a story before "welke rol is
    dit: '...'") gives the sentence it asks about."""
    return role_request(text).sentence


def role_request(text: Optional[str]) -> RoleRequest:
    """The sentence of a request to analyse a role (``sentence_from_request``), and whether it is about the
    professional's own role (``_OWN`` before the sentence, or "in welke rol zit ik?": ``bot.commands``)."""
    if not text:
        return RoleRequest(None, False)
    text = text.strip()
    asked_for = which_question(text)
    if asked_for and asked_for[0] in (WHICH_ROLE, WHICH_OWN_ROLE) and asked_for[1]:
        sentence = _AFTER_QUOTE.sub(r"\1", asked_for[1].strip()).strip(_QUOTES)
        before = text[: text.rfind(asked_for[1])] if asked_for[1] in text else text
        return RoleRequest(sentence if words(sentence) else None,
                           asked_for[0] == WHICH_OWN_ROLE or bool(_OWN.search(before)))
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
        return RoleRequest(None, _asks_own(text))
    asked = text[: len(text) - len(candidate)] if text.endswith(candidate) else text
    candidate = _AFTER_QUOTE.sub(r"\1", candidate.strip()).strip(_QUOTES)
    return RoleRequest(candidate if words(candidate) else None, _asks_own(asked))


def _asks_own(asked: str) -> bool:
    question = which_question(asked)
    return bool(_OWN.search(asked)) or (question is not None and question[0] == WHICH_OWN_ROLE)


_ROLE_REQUEST = re.compile(r"^\s*(welke|wat voor( een)?|herken( de)?|analyseer( de)?|in welke)\b[^:]{0,40}?\brol",
                           re.IGNORECASE)


def is_role_request(text: Optional[str]) -> bool:
    """An explicit request for a role analysis with the sentence in it ("welke rol is dit: ...", also as
    ``bot.commands.which_question`` reads it: "en deze? welke rol is dit: '...'")."""
    asked = which_question(text)
    if asked and asked[0] in (WHICH_ROLE, WHICH_OWN_ROLE) and asked[1]:
        return True
    return bool(text and _ROLE_REQUEST.match(text) and role_request(text).sentence)
