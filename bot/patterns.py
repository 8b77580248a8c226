"""The one phrase-pattern matcher (role signals, role-play cue phrases, intake signal triggers).

A pattern is words separated by spaces, matched against word tokens of a sentence:

- ``woord`` matches the token or its lemma (lower case);
- ``woord*`` matches every token (or lemma) that starts with ``woord``;
- ``a|b`` matches either;
- ``...`` lets up to ``MAX_GAP`` (three) words pass: "u had ... moeten" matches "u had eerder moeten"
  and "u had dat veel eerder moeten". A pattern does not start or end with ``...``.

Callers that match plain words only give tokens whose lemma is the word itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

MAX_GAP = 3
_PART = re.compile(r"^(\.\.\.|[\w'-]+\*?(\|[\w'-]+\*?)*)$", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str  # lower case
    lemma: str
    start: int = 0  # character offsets in the sentence
    end: int = 0


def tokenize(text: str) -> List[Token]:
    """Word tokens with lower-case text, lemma and character offsets (punctuation dropped)."""
    from bot.lemmas import lemma_of, tokens  # the one Dutch tokenizer and lemma table of the project

    return [Token(word.lower(), lemma_of(word), start, end) for word, start, end in tokens(text)]


Alternative = Tuple[str, bool]  # (word, is_prefix)
Element = Optional[Tuple[Alternative, ...]]  # None = gap
Pattern = Tuple[Element, ...]


def compile_pattern(pattern: str) -> Pattern:
    elements: List[Element] = []
    for part in pattern.lower().split():
        if part == "...":
            elements.append(None)
            continue
        alternatives = tuple((alt.rstrip("*"), alt.endswith("*")) for alt in part.split("|") if alt)
        elements.append(alternatives)
    return tuple(elements)


def pattern_problem(pattern: str) -> Optional[str]:
    """A Dutch explanation of what is wrong with ``pattern`` for a knowledge file, or None when it is valid."""
    parts = pattern.lower().split()
    if not parts or parts[0] == "..." or parts[-1] == "...":
        return f"patroon '{pattern}' mag niet met '...' beginnen of eindigen"
    for part in parts:
        if not _PART.match(part):
            return f"patroon '{pattern}' bevat een ongeldig stuk: '{part}'"
    return None


def plain_tokens(words: Sequence[str]) -> List[Token]:
    """Tokens for words matched as they are (no lemmas, no offsets)."""
    return [Token(word, word) for word in words]


def _token_matches(token: Token, alternatives: Sequence[Alternative]) -> bool:
    for word, prefix in alternatives:
        if prefix:
            if token.text.startswith(word) or token.lemma.startswith(word):
                return True
        elif token.text == word or token.lemma == word:
            return True
    return False


def match_at(tokens: Sequence[Token], elements: Sequence[Element], ti: int, ei: int = 0) -> Optional[int]:
    """Index of the last token of a match of ``elements[ei:]`` starting at token ``ti``, else None."""
    if ei == len(elements):
        return ti - 1
    element = elements[ei]
    if element is None:
        for skip in range(0, MAX_GAP + 1):
            end = match_at(tokens, elements, ti + skip, ei + 1)
            if end is not None:
                return end
        return None
    if ti >= len(tokens) or not _token_matches(tokens[ti], element):
        return None
    return match_at(tokens, elements, ti + 1, ei + 1)


def find_all(tokens: Sequence[Token], elements: Sequence[Element]) -> List[Tuple[int, int]]:
    """(first, last) token index of every match, one per start token, in order."""
    found = []
    for start in range(len(tokens)):
        end = match_at(tokens, elements, start)
        if end is not None and end >= start:
            found.append((start, end))
    return found


def words_of(tokens: Sequence[Token]) -> frozenset:
    """Every text and lemma of ``tokens``: what ``may_match`` looks in."""
    return frozenset(word for token in tokens for word in (token.text, token.lemma))


def prefixes_of(words: frozenset) -> frozenset:
    """Every non-empty beginning of every word in ``words``: lets ``may_match`` test a ``woord*`` by a set look-up
    (for a caller that tries many patterns on one text)."""
    return frozenset(word[:end] for word in words for end in range(1, len(word) + 1))


def may_match(words: frozenset, elements: Sequence[Element], prefixes: Optional[frozenset] = None) -> bool:
    """False when the pattern cannot match: one of its words (every element but a gap must match a token) is not
    among ``words`` (``words_of``). A cheap test before ``find_all``, for callers that try many patterns on one
    sentence; ``prefixes`` (``prefixes_of(words)``), when given, makes a ``woord*`` a set look-up too."""
    for element in elements:
        if element is None:
            continue
        if not any(word in words if not prefix
                   else (word in prefixes if prefixes is not None else any(w.startswith(word) for w in words))
                   for word, prefix in element):
            return False
    return True
