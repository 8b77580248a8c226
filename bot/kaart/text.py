"""Dutch text normalisation for the kaart: lower case, no accents, lemmas, light plural folding.

Lemmas come from the one Dutch lemma table of the project (``bot.textclass.lemma_of``),
so "spijbelt" -> "spijbelen", "scheidingen" -> "scheiding". Plurals the table misses ("ouders",
"jongeren") are folded with a conservative rule that only strips a suffix when the result is itself
a known word. Synonyms that lemmas cannot link (gescheiden / scheiding / uit elkaar) live in
``bot.kaart.query``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, List

from bot.text import simplify
from bot.textclass import lemma_of, lemma_table

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # hyphens split: "nieuwkomer-gezin" -> two words

STOPWORDS: FrozenSet[str] = frozenset(
    """de het een en of in op aan van voor met naar bij uit te tot om over door als dan dat die dit deze
    er is zijn was waren wordt worden ben bent heb hebt heeft hebben kan kun kunnen kunt wil wilt willen
    zou zouden moet moeten mag ik je jij u hij zij ze we wij mijn mij me haar hem zijn hun ons onze jullie
    wat waar wie hoe welke wanneer waarom niet geen wel nog ook al maar want dus toch zo heel erg
    terecht gaan gaat ging iets iemand iedereen alle alles veel weinig meer mee men hier daar zoek zoeken
    ergens graag even welk nu toe tegen onder na sinds zonder jaar oud oude elkaar""".split()
)


def words(text: str) -> List[str]:
    return _WORD.findall(simplify(text))


@lru_cache(maxsize=1)
def known_lemmas() -> FrozenSet[str]:
    return frozenset(lemma_table().values())


_EXTRA = {"ouders": "ouder", "kinderen": "kind", "jongeren": "jongere", "gescheiden": "scheiden",
          "scheiding": "scheiding", "gezinnen": "gezin", "zoons": "zoon", "dochters": "dochter"}


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The lemma of one simplified word."""
    if word in _EXTRA:
        return _EXTRA[word]
    if word in lemma_table():
        return lemma_of(word)
    known = known_lemmas()
    for suffix in ("en", "s", "'s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and word[: -len(suffix)] in known:
            return word[: -len(suffix)]
    return word


def lemmas(text: str, drop_stopwords: bool = True) -> List[str]:
    """Lemmas of the words of ``text`` (stopwords removed by default)."""
    out = []
    for word in words(text):
        if drop_stopwords and word in STOPWORDS:
            continue
        out.append(lemma(word))
    return out


@lru_cache(maxsize=50_000)
def stam(word: str) -> str:
    """A rough stem of one simplified word, so verb forms meet: "verzuimt", "verzuimen" and
    "verzuim" give "verzuim"; "blowt"/"blowen" give "blow"; "pest"/"pesten" give "pest".

    The lemma table is followed until it stops changing (it maps "verzuimt" to "verzuimen" and
    "verzuimen" to "verzuim"), then an infinitive or plural "-en" is cut and a doubled final
    consonant undone ("zitten" -> "zit"). Used on both sides of phrase matching, never for ranking.
    """
    current = word
    for _ in range(3):
        following = lemma(current)
        if following == current:
            break
        current = following
    if len(current) > 5 and current.endswith("en") and current[-3] not in "aeiou":
        current = current[:-2]
        if len(current) >= 3 and current[-1] == current[-2] and current[-1] not in "aeiou":
            current = current[:-1]
    return current


def lemma_string(text: str) -> str:
    """' '-joined stems of all words (stopwords kept), padded with spaces for phrase matching."""
    return " " + " ".join(stam(w) for w in words(text)) + " "
