"""Find the explainable role signals of ``knowledge/rollen/signalen.yml`` in a sentence.

Every hit quotes the words from the sentence with their character offsets, so a web page can
highlight them. A pattern token matches a word or its lemma; ``woord*`` is a prefix; ``...`` lets up
to three words pass; ``a|b`` is either.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Dict, List, Optional, Sequence, Tuple

MAX_GAP = 3
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class SignalHit:
    """One signal found in the sentence: its Dutch name, its role, the quoted words and offsets."""

    naam: str
    rol: str
    woorden: str
    begin: int
    einde: int
    signaal_id: str = ""

    def to_dict(self) -> Dict[str, object]:
        data = asdict(self)
        data.pop("signaal_id")
        return data


def tokenize(text: str) -> List[Token]:
    """Word tokens with lower-case text, lemma and character offsets (punctuation dropped)."""
    from bot.textclass import lemma_of, tokens  # the one Dutch tokenizer and lemma table of the project

    return [Token(word.lower(), lemma_of(word), start, end) for word, start, end in tokens(text)]


Alternative = Tuple[str, bool]  # (word, is_prefix)
Element = Optional[Tuple[Alternative, ...]]  # None = gap


def compile_pattern(pattern: str) -> Tuple[Element, ...]:
    elements: List[Element] = []
    for part in pattern.lower().split():
        if part == "...":
            elements.append(None)
            continue
        alternatives = tuple((alt.rstrip("*"), alt.endswith("*")) for alt in part.split("|") if alt)
        elements.append(alternatives)
    return tuple(elements)


def _token_matches(token: Token, alternatives: Sequence[Alternative]) -> bool:
    for word, prefix in alternatives:
        if prefix:
            if token.text.startswith(word) or token.lemma.startswith(word):
                return True
        elif token.text == word or token.lemma == word:
            return True
    return False


def _match_at(tokens: Sequence[Token], elements: Sequence[Element], ti: int, ei: int) -> Optional[int]:
    """Index of the last token of a match of ``elements[ei:]`` starting at token ``ti``, else None."""
    if ei == len(elements):
        return ti - 1
    element = elements[ei]
    if element is None:
        for skip in range(0, MAX_GAP + 1):
            end = _match_at(tokens, elements, ti + skip, ei + 1)
            if end is not None:
                return end
        return None
    if ti >= len(tokens) or not _token_matches(tokens[ti], element):
        return None
    return _match_at(tokens, elements, ti + 1, ei + 1)


_CACHE: Dict[str, object] = {}


def _compiled():
    """Compiled patterns of the current knowledge (recompiled after a knowledge reload)."""
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    if _CACHE.get("knowledge") is not knowledge:
        compiled = []
        for signal in knowledge.all("rol_signaal"):
            for pattern in signal.patronen:
                compiled.append((signal, compile_pattern(pattern)))
        _CACHE.update(knowledge=knowledge, compiled=compiled)
    return _CACHE["compiled"]


def find_signals(text: str, tokens: Optional[List[Token]] = None) -> List[SignalHit]:
    """All signal hits in ``text``, in sentence order; overlapping hits of one signal are merged."""
    tokens = tokenize(text) if tokens is None else tokens
    spans: Dict[str, List[Tuple[int, int, object]]] = {}
    for signal, elements in _compiled():
        for start in range(len(tokens)):
            end = _match_at(tokens, elements, start, 0)
            if end is None or end < start:
                continue
            begin, finish = tokens[start].start, tokens[end].end
            found = spans.setdefault(signal.id, [])
            if any(b <= begin < e or begin <= b < finish for b, e, _ in found):
                continue
            found.append((begin, finish, signal))
    hits = [
        SignalHit(signal.naam, signal.rol, text[begin:finish], begin, finish, signal.id)
        for found in spans.values()
        for begin, finish, signal in found
    ]
    return sorted(hits, key=lambda h: (h.begin, h.einde))


def signal_counts(hits: Sequence[SignalHit]) -> Dict[str, int]:
    """Number of distinct signals per role (several hits of one signal count once)."""
    per_role: Dict[str, set] = {}
    for hit in hits:
        per_role.setdefault(hit.rol, set()).add(hit.signaal_id)
    return {role: len(ids) for role, ids in per_role.items()}
