"""Find explainable signals (danger, divorce, school, steun ...) in free-text answers.

Text is lower-cased and stripped of accents; trigger phrases match whole words (``woord*`` matches a
word prefix). A match does not count when one of the few words before it is a negation ('geen',
'niet', 'nooit', 'nee'), unless a 'maar' comes in between: "nee, er wordt niet geslagen" is no signal,
"nee, maar gisteren sloeg hij haar" is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence

from bot.intake.models import IntakeSignaal
from bot.patterns import compile_pattern, find_all, plain_tokens
from bot.text import simplify

NEGATIONS = frozenset({"geen", "niet", "nooit", "nee", "niemand", "nergens"})
NEGATION_WINDOW = 4
AFFIRMATIVE = frozenset({"ja", "jawel", "klopt", "zeker", "inderdaad", "wel", "helaas", "yes"})

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def words(text: str) -> List[str]:
    return _WORD.findall(simplify(text))


@dataclass(frozen=True)
class Hit:
    """One signal found: which signal, the words that triggered it, and in which answer."""

    signal_id: str
    soort: str
    trigger: str
    question: Optional[str] = None


def _negated(tokens: Sequence[str], start: int) -> bool:
    for index in range(start - 1, max(-1, start - 1 - NEGATION_WINDOW), -1):
        if tokens[index] == "maar":
            return False
        if tokens[index] in NEGATIONS:
            return True
    return False


def _split_phrase(phrase: str) -> List[str]:
    return [part for part in re.split(r"[\s]+", simplify(phrase)) if part]


def find_signals(text: str, signals: Iterable[IntakeSignaal], question: Optional[str] = None) -> List[Hit]:
    """All signals in ``text``, at most one hit per signal (the first trigger that matched)."""
    tokens = words(text)
    hits: List[Hit] = []
    if not tokens:
        return hits
    for signal in signals:
        for phrase in signal.trefwoorden:
            parts = [w for p in _split_phrase(phrase) for w in (_WORD.findall(p.rstrip("*")) or [p])]
            if phrase.endswith("*"):
                parts[-1] = parts[-1] + "*"
            matches = find_all(plain_tokens(tokens), compile_pattern(" ".join(parts)))
            if any(not _negated(tokens, start) for start, _ in matches):
                hits.append(Hit(signal.id, signal.soort, phrase, question))
                break
    return hits


def is_affirmative(text: str) -> bool:
    """Does the answer start with a plain 'yes' ('ja', 'klopt', 'helaas wel' ...)?"""
    tokens = words(text)
    return bool(tokens) and tokens[0] in AFFIRMATIVE


def danger_hits(hits: Iterable[Hit]) -> List[Hit]:
    return [hit for hit in hits if hit.soort == "gevaar"]


def group_by_kind(hits: Iterable[Hit]) -> Dict[str, List[str]]:
    """soort -> distinct signal ids, in order of first appearance."""
    grouped: Dict[str, List[str]] = {}
    for hit in hits:
        ids = grouped.setdefault(hit.soort, [])
        if hit.signal_id not in ids:
            ids.append(hit.signal_id)
    return grouped


def dedupe(hits: Iterable[Hit]) -> List[Hit]:
    seen: Dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.signal_id, hit)
    return list(seen.values())
