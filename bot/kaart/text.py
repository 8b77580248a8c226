"""Dutch text normalisation for the kaart: lower case, no accents, lemmas, light plural folding.

Lemmas come from the one Dutch lemma table of the project (``bot.lemmas.lemma_of``),
so "spijbelt" -> "spijbelen", "scheidingen" -> "scheiding". Plurals the table misses ("ouders",
"jongeren") are folded with a conservative rule that only strips a suffix when the result is itself
a known word. Synonyms that lemmas cannot link (gescheiden / scheiding / uit elkaar) live in
``bot.kaart.query``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, List, Tuple

from bot.lemmas import lemma_of, lemma_table
from bot.text import simplify

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


def _theme_words() -> FrozenSet[str]:
    """Single words of the problem words of the themes (knowledge; read through ``bot.kaart.query``)."""
    from bot.kaart.query import theme_single_words  # lazy: bot.kaart.query imports this module

    return theme_single_words()


def known(word: str) -> bool:
    """A word of the Dutch lemma table (a form or a lemma) or of the problem words of the themes."""
    return word in lemma_table() or word in known_lemmas() or word in _theme_words()


COMPOUND_MIN, PART_MIN = 8, 4  # shortest compound and shortest part that are split
# Endings of Dutch nouns for a person ("wetenschapper", "consulent", "leraar", "therapeut"): a compound
# with such a head names a role ("gedragswetenschapper", "jeugdconsulent"), not a problem, so it is not
# split into its parts (else "gedragswetenschapper" would read as the theme gedrag).
PERSON_ENDINGS = ("er", "ent", "ant", "aar", "ist", "eur", "ier", "or", "ster", "ling", "peut", "loog", "man", "vrouw")
PERSON_TAIL_MIN = 6  # shorter tails ("kamer", "zomer") are seldom persons


def person_noun(word: str) -> bool:
    """A word that by its ending names a person (a rough Dutch rule, for compound heads only)."""
    return len(word) >= PERSON_TAIL_MIN and word.endswith(PERSON_ENDINGS)



@lru_cache(maxsize=50_000)
def split_compound(word: str) -> Tuple[str, ...]:
    """The two known words a Dutch compound is made of, or ``()``.

    "gedragsproblemen" -> ("gedrag", "problemen") (the linking s or e is dropped),
    "hockeyclub" -> ("hockey", "club"), "woedeaanvallen" -> ("woede", "aanvallen"). Only words that are
    not themselves in the lemma table are split, and both parts must be; the shortest head that works
    wins, which is how Dutch compounds read (the last part is the head noun). Inflected forms the
    table knows and theme words are never split ("huiswerk" stays one word)."""
    if len(word) < COMPOUND_MIN or word in lemma_table() or word in _theme_words() or not word.isalpha():
        return ()
    for cut in range(PART_MIN, len(word) - PART_MIN + 1):
        head, tail = word[:cut], word[cut:]
        if not known(head):
            continue
        if known(tail):
            return () if person_noun(tail) else (head, tail)
        if tail[0] in "se" and len(tail) > PART_MIN and known(tail[1:]):
            return () if person_noun(tail[1:]) else (head, tail[1:])
    return ()


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
    current = _verb_form(word)
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


def _verb_form(word: str) -> str:
    """The infinitive of a verb form the lemma table lacks ("gamet" -> "gamen", "kraste" -> "krassen"),
    found by undoing the present -t or the past -de/-te/-den/-ten and checking the table; else ``word``."""
    if known(word) or len(word) < 5:
        return word
    stems = []
    for ending in ("den", "ten", "de", "te", "t"):
        if word.endswith(ending):
            stems.append(word[: -len(ending)])
    for base in stems:
        for candidate in (base + "n", base + "en", base + base[-1:] + "en"):
            if candidate in known_lemmas() or candidate in _theme_words():
                return candidate
    return word


FUZZY_MIN = 6  # shortest word whose typo is corrected


def distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count 1), stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=50_000)
def correct_typo(word: str) -> str:
    """The theme word an unknown word is one typo away from ("spijbeld" -> "spijbel", "depresief" -> "depressief"), only when
    exactly one theme word is that close); else ``word``. Known words are never changed."""
    if len(word) < FUZZY_MIN or known(word) or not word.isalpha() or split_compound(word):
        return word
    close = {w for w in _theme_words() if len(w) >= FUZZY_MIN and distance(word, w, 1) == 1}
    return close.pop() if len(close) == 1 else word


def stems(text: str) -> List[str]:
    """Stems of all words (stopwords kept); a compound is followed by the stems of its parts and a
    typo of a theme word is read as that word."""
    out = []
    for word in words(text):
        out.append(stam(correct_typo(word)))
        out.extend(stam(part) for part in split_compound(word))
    return out


def lemma_string(text: str) -> str:
    """' '-joined stems of all words (stopwords kept), padded with spaces for phrase matching."""
    return " " + " ".join(stems(text)) + " "
