"""Find the explainable role signals of ``knowledge/rollen/signalen.yml`` in a sentence.

Every hit quotes the words from the sentence with their character offsets, so a web page can
highlight them. Patterns are matched by ``bot.patterns`` (the one pattern matcher: a word or its
lemma; ``woord*`` is a prefix; ``...`` lets up to three words pass; ``a|b`` is either). A match of one of a signal's
``uitzonderingen`` that overlaps a hit of that signal cancels the hit ("jij doet niks verkeerd" is no reproach). A word
said or typed in a chat spelling matches as the word written out (``role_tokens``: "die luistert gewoon nie").
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.knowledge.loader import get_knowledge
from bot.lemmas import lemma_of
from bot.patterns import Token, compile_pattern, find_all, tokenize
from bot.text import written_word


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


_CACHE: Dict[str, Any] = {}


def _compiled():
    """Compiled patterns of the current knowledge (recompiled after a knowledge reload)."""
    knowledge = get_knowledge()
    if _CACHE.get("knowledge") is not knowledge:
        compiled = []
        for signal in knowledge.all("rol_signaal"):
            exceptions = [compile_pattern(pattern) for pattern in signal.uitzonderingen]
            for pattern in signal.patronen:
                compiled.append((signal, compile_pattern(pattern), exceptions))
        weights = {signal.id: signal.gewicht for signal in knowledge.all("rol_signaal")}
        _CACHE.update(knowledge=knowledge, compiled=compiled, weights=weights)
    return _CACHE["compiled"]


def _cancelled(tokens: List[Token], start: int, end: int, exceptions) -> bool:
    """A match of one of the signal's exceptions overlaps the hit (tokens ``start`` to ``end``)."""
    return any(first <= end and start <= last for pattern in exceptions for first, last in find_all(tokens, pattern))


def role_tokens(text: str) -> List[Token]:
    """The word tokens of ``text`` as the role reader reads them: a spoken or chat spelling has the lemma of the word
    written out (``bot.text.written_word``: "nie" reads as "niet", "ie" as "hij"); the offsets quote the typed words."""
    found: List[Token] = []
    for token in tokenize(text):
        written = written_word(token.text, found[-1].text if found else "")
        found.append(token if written == token.text else replace(token, lemma=lemma_of(written)))
    return found


def find_signals(text: str, tokens: Optional[List[Token]] = None) -> List[SignalHit]:
    """All signal hits in ``text``, in sentence order; overlapping hits of one signal are merged."""
    tokens = role_tokens(text) if tokens is None else tokens
    spans: Dict[str, List[Tuple[int, int, Any]]] = {}
    for signal, elements, exceptions in _compiled():
        for start, end in find_all(tokens, elements):
            if exceptions and _cancelled(tokens, start, end, exceptions):
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
    """Number of distinct signals per role (several hits of one signal count once), each counted ``gewicht`` times."""
    per_role: Dict[str, set] = {}
    for hit in hits:
        per_role.setdefault(hit.rol, set()).add(hit.signaal_id)
    weights = _weights()
    return {role: sum(weights.get(signal_id, 1) for signal_id in ids) for role, ids in per_role.items()}


def _weights() -> Dict[str, int]:
    """Signal id -> ``gewicht`` of the current knowledge (with the compiled patterns)."""
    _compiled()
    return _CACHE["weights"]
