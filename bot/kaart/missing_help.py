"""Kinds of help the kaart does not describe (``knowledge/sociale_kaart/ontbrekende_hulp.yml``: mediation, anonymous
online help, help for grandparents, a KOPP/KOV group): a question that asks for one hears that first, in one Dutch
sentence, and then the closest services (a user test of session 22 got Team Jeugd, SMW and POH "Past bij scheiding
('mediation')" for mediation, with no word that the kaart has none)."""
from __future__ import annotations

from typing import List, Tuple

from bot.kaart.text import words
from bot.knowledge.loader import PerKnowledge, get_knowledge
from bot.text import simplify

MAX_GAP = 2  # words between two words of a phrase: "anoniem kan chatten" asks for "anoniem chatten"


def _build_phrases(knowledge) -> List[Tuple[str, Tuple[Tuple[str, ...], ...]]]:
    """(name, its phrases as words) of each kind of help the kaart lacks, in file order."""
    return [(entry.naam, tuple(tuple(words(simplify(phrase))) for phrase in entry.woorden))
            for entry in knowledge.entries.get("kaart_ontbrekend", {}).values()]


_phrases = PerKnowledge(_build_phrases)


def _said(phrase: Tuple[str, ...], said: List[str]) -> bool:
    """The words of ``phrase`` occur in ``said`` in order, each at most ``MAX_GAP`` words after the one before."""
    for start, word in enumerate(said):
        if word != phrase[0]:
            continue
        at = start
        for wanted in phrase[1:]:
            nxt = next((i for i in range(at + 1, min(len(said), at + 2 + MAX_GAP)) if said[i] == wanted), None)
            if nxt is None:
                break
            at = nxt
        else:
            return True
    return False


def ontbrekende_hulp(text: str, knowledge=None) -> List[str]:
    """The names of the kinds of help the kaart lacks that ``text`` asks for ("mediation voor gescheiden ouders":
    ['Mediation'])."""
    knowledge = knowledge if knowledge is not None else get_knowledge()
    said = words(simplify(text or ""))
    return [name for name, phrases in _phrases(knowledge) if any(phrase and _said(phrase, said) for phrase in phrases)]
