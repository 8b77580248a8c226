"""Kinds of help the kaart does not describe (``knowledge/sociale_kaart/ontbrekende_hulp.yml``: mediation, anonymous
online help, help for grandparents, a KOPP/KOV group): a question that asks for one hears that first, in one Dutch
sentence, and then the closest services (a user test of session 22 got Team Jeugd, SMW and POH "Past bij scheiding
('mediation')" for mediation, with no word that the kaart has none).

Words are compared by their stem (``bot.kaart.text.head_stem``), so a phrase matches its word forms: "mediators",
"bemiddelaars", "opa's" (a second-round user test of session 22 got no note for "zijn er mediators of bemiddelaars in
huizen"). A phrase holds at most ``MAX_GAP`` words between two of its words; "..." in a phrase stands for any words
of the same part of the sentence (up to a comma or full stop, at most ``MAX_FREE_GAP``) that name nobody else: "opa
... zelf" matches "opa en oma uit laren willen zelf hulp" but not "woont bij opa, moeder wil zelf hulp"."""
from __future__ import annotations

import re
from typing import FrozenSet, List, Sequence, Tuple, TypeVar

from bot.kaart.text import head_stem, words
from bot.knowledge.loader import PerKnowledge, get_knowledge
from bot.text import simplify

MAX_GAP = 2  # words between two words of a phrase: "anoniem kan chatten" asks for "anoniem chatten"
MAX_FREE_GAP = 6  # words a "..." of a phrase may stand for
FREE_GAP = "..."
# someone else than the one the phrase is about: "opa ... zelf" does not reach over "moeder wil zelf hulp"
OTHER_PERSONS = frozenset("moeder mama vader papa ouder ouders kind kinderen zoon dochter jongen meisje broer zus "
                          "ik wij we".split())
_PARTS = re.compile(r"[^,;:.!?()\n]+")

T = TypeVar("T")
Phrase = Tuple[Tuple[str, bool], ...]  # (stem of a word, whether any words of the part may stand before it)


def _phrase(text: str, knowledge) -> Phrase:
    out: List[Tuple[str, bool]] = []
    free = False
    for chunk in simplify(text).split():
        if chunk == FREE_GAP:
            free = True
            continue
        for word in words(chunk):
            out.append((head_stem(word, knowledge), free))
            free = False
    return tuple(out)


def _build_phrases(knowledge) -> Tuple[List[Tuple[str, Tuple[Phrase, ...]]], FrozenSet[str]]:
    """(name, its phrases as stems) of each kind of help the kaart lacks, in file order; the stems of the other
    persons."""
    return ([(entry.naam, tuple(_phrase(phrase, knowledge) for phrase in entry.woorden))
             for entry in knowledge.entries.get("kaart_ontbrekend", {}).values()],
            frozenset(head_stem(word, knowledge) for word in OTHER_PERSONS))


_phrases = PerKnowledge(_build_phrases)


def _said(phrase: Phrase, said: List[str], others: FrozenSet[str] = frozenset()) -> bool:
    """The words of ``phrase`` occur in ``said`` (the stems of one part of a sentence) in order, each at most
    ``MAX_GAP`` words after the one before (``MAX_FREE_GAP`` after a "...", over no other person)."""
    first = phrase[0][0]
    for start, word in enumerate(said):
        if word != first:
            continue
        at = start
        for wanted, free in phrase[1:]:
            reach = MAX_FREE_GAP if free else MAX_GAP
            nxt = None
            for i in range(at + 1, min(len(said), at + 2 + reach)):
                if said[i] == wanted:
                    nxt = i
                    break
                if free and said[i] in others:
                    break
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
    kinds, others = _phrases(knowledge)
    return said_of(text, kinds, others, knowledge)


def said_of(text: str, kinds: Sequence[Tuple[T, Tuple[Phrase, ...]]], others: FrozenSet[str], knowledge) -> List[T]:
    """The keys of ``kinds`` (key, its phrases as stems) one of whose phrases ``text`` says (``_said``), in order;
    shared with the old names of services (``bot.kaart.old_names``)."""
    parts = [[head_stem(word, knowledge) for word in words(part)] for part in _PARTS.findall(simplify(text or ""))]
    present = {word for said in parts for word in said}  # a phrase whose first word is not said cannot occur
    return [key for key, phrases in kinds
            if any(phrase and phrase[0][0] in present and _said(phrase, said, others)
                   for phrase in phrases for said in parts)]


def phrase_of(text: str, knowledge) -> Phrase:
    """The stems of a phrase of a knowledge file, as ``said_of`` compares them."""
    return _phrase(text, knowledge)


def other_persons(knowledge) -> FrozenSet[str]:
    """The stems of the persons a "..." of a phrase does not reach over."""
    return _phrases(knowledge)[1]
