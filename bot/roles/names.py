"""Recognise a role name in free text: ids, display names, synonyms and small typos."""
from __future__ import annotations

import difflib
import re
from typing import Dict, List, Optional

from bot.knowledge.loader import get_knowledge
from bot.text import plain

_FILLER = re.compile(
    r"\b(de|het|een|rol|rollen|is|dat|dit|denk|ik|volgens|mij|me|het is|zou|zeggen|antwoord|wat|"
    r"van|uit|in|driehoek|dramadriehoek|winnaarsdriehoek|die|zijn|dan|toch|eh|uh|hmm|misschien)\b"
)


def _vocabulary(knowledge=None) -> Dict[str, str]:
    knowledge = knowledge or get_knowledge()
    vocab: Dict[str, str] = {}
    for role in knowledge.all("rol"):
        for name in [role.id, role.naam, *role.synoniemen]:
            vocab[plain(name)] = role.id
    return vocab


def role_name(role_id: Optional[str], knowledge=None) -> str:
    """The Dutch name of a role id ("aanklager" -> "Aanklager"); an unknown value as it is, '' for none."""
    if not role_id:
        return ""
    role = (knowledge or get_knowledge()).get("rol", str(role_id))
    return role.naam if role is not None else str(role_id)


def find_role(text: Optional[str], knowledge=None) -> Optional[str]:
    """The role id named in ``text`` ("de redder", "Redder!", "slachtofer"), or None."""
    if not text or len(text) > 300:
        return None
    vocab = _vocabulary(knowledge)
    clean = plain(text)
    if clean in vocab:
        return vocab[clean]
    # a known name anywhere in the text, longest first ("is dit een redder?")
    for name in sorted(vocab, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", clean):
            return vocab[name]
    core = " ".join(_FILLER.sub(" ", clean).split())
    candidates = [core] + core.split()
    for candidate in candidates:
        if len(candidate) < 4:
            continue
        close = difflib.get_close_matches(candidate, list(vocab), n=1, cutoff=0.78)
        if close:
            return vocab[close[0]]
    return None


def find_roles(text: Optional[str], knowledge=None) -> List[str]:
    """Every role id named in ``text`` by its id, name or a synonym, in the order they are named ("wat is het verschil
    tussen slachtoffer en kwetsbaar" -> slachtoffer, kwetsbaar); no typo matching (that is ``find_role``)."""
    if not text or len(text) > 300:
        return []
    vocab = _vocabulary(knowledge)
    clean = plain(text)
    found: Dict[str, int] = {}
    taken: List[range] = []
    for name in sorted(vocab, key=len, reverse=True):  # the longest name first: "de redder" before "redder"
        for match in re.finditer(rf"\b{re.escape(name)}\b", clean):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            role = vocab[name]
            found[role] = min(found.get(role, match.start()), match.start())
    return sorted(found, key=lambda role: found[role])


# "wat is het verschil tussen aanklagen en assertief zijn?", "... tussen een aanklagende ouder en een assertieve ouder":
# each side of the comparison is read on its own, with the typo and word-form matching of ``find_role`` (a user test
# got only the Aanklager explained: "aanklagen" is no name of a role, so only one role was found by name).
_COMPARED = re.compile(r"\bverschil\w*\s+(?:\w+\s+){0,2}?tussen\s+(.+?)\s+(?:en|of|vs|versus|met)\s+(.+?)\s*$")


def compared_roles(text: Optional[str], knowledge=None) -> List[str]:
    """The roles a question compares: every role named (``find_roles``), or, when that finds fewer than two, each side
    of "verschil tussen A en B" read on its own (``find_role``); [] or one role when it compares none."""
    named = find_roles(text, knowledge)
    match = _COMPARED.search(plain(text or "")) if len(named) < 2 else None
    if match is None:
        return named
    sides = [find_role(side, knowledge) for side in match.groups()]
    found = [role for role in dict.fromkeys(sides) if role]
    return found if len(found) == 2 else named
