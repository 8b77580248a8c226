"""The one check for a specific form of a pitfall in a professional's words (``knowledge/stappen/valkuil_vormen.yml``).

Putting a child in the middle of the parents (letting it choose between father and mother, asking where it would
rather live, letting it carry messages between them) is such a form of ``redden``: the professional solves the
parents' conflict through the child. Wherever a professional's sentence is read (the step reader, the preparation,
the gespreksplan, the role-play), a sentence with a cue phrase of a form is that pitfall for sure, and the
professional gets the form's own warning instead of the pitfall's general tip.

A cue phrase is a ``bot.patterns`` pattern, matched per sentence on words and lemmas. An exception phrase
(``uitzonderingen``) that starts no later than the cue, in the same clause (no , ; or : between them), cancels the
cue: "jij hoeft niet te kiezen tussen papa en mama" protects the child. A signal's own exceptions cancel only that
signal's cues ("u" in "misschien kunt u zelf aan zijn vader vragen ...": the parent is asked, not the child).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.patterns import Pattern, Token, compile_pattern, find_all, may_match, prefixes_of, tokenize, words_of

_CLAUSE_BREAK = re.compile(r"[,;:]")


@dataclass(frozen=True)
class FormHit:
    """A pitfall form found in a sentence: which form, the signal that gave it away and the sentence."""

    vorm: str  # the entry id
    valkuil: str  # the pitfall it is a form of (inhoud, redden)
    naam: str  # the form's Dutch name
    kenmerk: str  # the name of the signal that was found: what gave it away
    waarschuwing: str
    herinnering: str
    zin: str  # the sentence that holds it


def _knowledge(knowledge=None):
    if knowledge is not None:
        return knowledge
    from bot.knowledge.loader import get_knowledge

    return get_knowledge()


_CACHE: Dict[str, Any] = {}


def _compiled(knowledge) -> List[Tuple[Any, List[Tuple[str, Pattern, List[Pattern]]], List[Pattern]]]:
    """Per form: (entry, [(signal name, pattern, [the signal's own exception pattern])], [exception pattern]);
    compiled again after a knowledge reload."""
    if _CACHE.get("knowledge") is not knowledge:
        compiled = []
        for form in knowledge.all("valkuil_vorm"):
            cues = [(signal.naam, compile_pattern(p), [compile_pattern(e) for e in signal.uitzonderingen])
                    for signal in form.signalen for p in signal.patronen]
            compiled.append((form, cues, [compile_pattern(p) for p in form.uitzonderingen]))
        _CACHE.update(knowledge=knowledge, compiled=compiled)
    return _CACHE["compiled"]


def _clause_of(sentence: str, offset: int) -> int:
    """The number of the clause (split at , ; :) that the character at ``offset`` stands in."""
    return len(_CLAUSE_BREAK.findall(sentence, 0, offset))


def _cancelled(sentence: str, tokens: List[Token], start: int, exceptions: Sequence[Tuple[int, int]]) -> bool:
    """An exception that starts no later than the cue (token ``start``), in the same clause."""
    clause = _clause_of(sentence, tokens[start].start)
    return any(begin <= start and _clause_of(sentence, tokens[begin].start) == clause for begin, _ in exceptions)


def _hits(tokens: List[Token], present: Any, patterns: Sequence[Pattern], prefixes: Any = None
          ) -> List[Tuple[int, int]]:
    """Every match of the (exception) patterns in the sentence."""
    return [hit for pattern in patterns if may_match(present, pattern, prefixes) for hit in find_all(tokens, pattern)]


def find_in_sentence(sentence: str, knowledge=None) -> Optional[FormHit]:
    """The first pitfall form in one sentence, or None."""
    tokens = tokenize(sentence)
    if not tokens:
        return None
    present = words_of(tokens)
    prefixes = prefixes_of(present)  # a "woord*" of the many cues is then a set look-up too
    for form, cues, exception_patterns in _compiled(_knowledge(knowledge)):
        exceptions: Optional[List[Tuple[int, int]]] = None  # found once, only when a cue is in the sentence
        for name, pattern, own_exceptions in cues:
            starts = [start for start, _ in find_all(tokens, pattern)] if may_match(present, pattern, prefixes) else []
            if starts and exceptions is None:
                exceptions = _hits(tokens, present, exception_patterns, prefixes)
            cancelling = (exceptions or []) + (_hits(tokens, present, own_exceptions, prefixes)
                                               if starts and own_exceptions else [])
            if any(not _cancelled(sentence, tokens, start, cancelling) for start in starts):
                return FormHit(form.id, form.valkuil, form.naam, name, " ".join(form.waarschuwing.split()),
                               form.herinnering, sentence)
    return None


def find_form(text: Optional[str], knowledge=None) -> Optional[FormHit]:
    """The first pitfall form in ``text``, read sentence by sentence, or None."""
    from bot.textclass import segments

    text = text or ""
    knowledge = _knowledge(knowledge)
    for begin, end in segments(text) or [(0, len(text))]:
        hit = find_in_sentence(text[begin:end], knowledge)
        if hit is not None:
            return hit
    return None


def form_of_signals(signals: Sequence[str], knowledge=None) -> Optional[Any]:
    """The form entry whose signal name is among ``signals`` (what a role-play turn stored), or None."""
    wanted = set(signals or [])
    for form in _knowledge(knowledge).all("valkuil_vorm"):
        if any(signal.naam in wanted for signal in form.signalen):
            return form
    return None
