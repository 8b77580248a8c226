"""Whether a question names an entry: a rare word of its name or search words, a run of its name, its school."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, List, Set, Tuple

from bot.kaart.index import KaartIndex
from bot.kaart.question import GENERIC
from bot.kaart.text import known, lemmas

NAME_RUN = 3  # words of a service's name, in order, that name it in a question


def names_entry(index: KaartIndex, service, terms: List[str], keywords: bool = False) -> bool:
    """The question names the entry: a rare word (in at most two entries) of its name, or with
    ``keywords`` of its search words, is in it; or it repeats a run of ``NAME_RUN`` words of the
    name in order ("GGZ-hulp op school")."""
    asked, asked_runs = _asked_words(tuple(terms))
    words = list(phrase_lemmas(service.naam))
    if asked_runs and {tuple(words[i:i + NAME_RUN]) for i in range(len(words) - NAME_RUN + 1)} & asked_runs:
        return True
    if keywords:
        words += [t for word in service.trefwoorden for t in phrase_lemmas(word)]
    proper = _proper_name_words(service.naam) if service.aard != "dienst" else None
    for term in words:
        if (
            (term in asked or rough_singular(term) in asked)
            and term not in GENERIC
            and len(index.postings.get(term, ())) <= 2
            and (proper is None or term in proper)
        ):
            return True
    return False


def named_by_a_proper_keyword(index: KaartIndex, service, terms: List[str], text: str) -> bool:
    """The question names the entry by a search word that is a name, not a Dutch word, written with a capital and
    found in no other entry ("de escalatieladder van Glasl" names the entry with the NJI's Richtlijn Scheiding): a
    tool or method asked for by its name, also when the entry is no service."""
    capitalised = {word.lower() for word in _NAME_WORD.findall(text or "") if word[:1].isupper()}
    for term in {t for word in service.trefwoorden for t in phrase_lemmas(word)} & set(terms) & capitalised:
        if len(index.postings.get(term, ())) <= 1 and not known(term) and term not in GENERIC:
            return True
    return False


_NAME_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)
def _proper_name_words(naam: str) -> FrozenSet[str]:
    """The lemmas of the words that make a name a name: a capitalised word after the first ("ZigZag", "Qinas",
    "Kapitaal") or a first word that is no ordinary Dutch word ("Cultuurcampus", "Garage2020"). The ordinary
    words that describe a pilot or project ("Praktijk", "Overzicht financiële hulpmiddelen", "activiteiten voor
    ouders") do not name it: a family asking for "activiteiten" or with "financiële problemen" did not ask for it."""
    found: Set[str] = set()
    for position, word in enumerate(_NAME_WORD.findall(naam)):
        terms = lemmas(word)
        if (position > 0 and word[:1].isupper()) or (position == 0 and not any(known(t) for t in terms)):
            found.update(terms)
    return frozenset(found)


@lru_cache(maxsize=256)
def _asked_words(terms: Tuple[str, ...]) -> Tuple[FrozenSet[str], FrozenSet[Tuple[str, ...]]]:
    """The question's words with their rough singulars, and its runs of ``NAME_RUN`` words (cached per question)."""
    words = frozenset(terms) | {rough_singular(t) for t in terms}
    return words, frozenset(tuple(terms[i:i + NAME_RUN]) for i in range(len(terms) - NAME_RUN + 1))


@lru_cache(maxsize=100_000)
def phrase_lemmas(text: str) -> Tuple[str, ...]:
    """The lemmas of a service name or search word (cached: names are read for every candidate)."""
    return tuple(lemmas(text))


def rough_singular(word: str) -> str:
    """A rough singular of a word the lemma table lacks ("gedragswetenschappers" -> "gedragswetenschapper")."""
    if len(word) > 6 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


SCHOOL_NAME_WORDS = frozenset("obs icbs kc college lyceum school basisschool de het".split())


def school_named(service, terms: List[str]) -> bool:
    """The question names the one school the service belongs to ("Amadeus", "Elan college")."""
    if not service.een_school:
        return False
    return bool({w for w in phrase_lemmas(service.een_school) if w not in SCHOOL_NAME_WORDS} & set(terms))


def named_school_words(index: KaartIndex, terms: List[str]) -> FrozenSet[str]:
    """The words of the schools of the kaart (``een_school``) that the question names: where the child goes to
    school, not what the problem is ("ze zit op het Amadeus Lyceum" made the school's mentor lessons the first result
    for an eating problem in a user test). They still name the school's offer (``school_named``, ``tier_of``), but are
    no evidence that an entry fits the problem."""
    words: Set[str] = set()
    for doc in index.docs:
        if doc.service.een_school and school_named(doc.service, terms):
            words.update(phrase_lemmas(doc.service.een_school))
    return frozenset(words)
