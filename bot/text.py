"""The one text normaliser of the project (lower case, accents removed, quotes straightened).

``simplify`` keeps punctuation (for tokenisers that join ``zo'n`` or ``nieuwkomer-gezin``);
``plain`` also turns every run of other characters into one space, for comparing a whole message
or a name with a list of phrases ("Stop rollenspel!" -> "stop rollenspel").
"""
from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def simplify(text: str) -> str:
    """Lower case, no accents ('suïcide' -> 'suicide'), curly quotes made straight."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    return strip_accents(text).lower()


def plain(text: str) -> str:
    """``simplify`` with every run of punctuation, symbols or spaces made one space; stripped."""
    return _NOT_WORD.sub(" ", simplify(text)).strip()
