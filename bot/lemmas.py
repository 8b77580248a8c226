"""The project's one Dutch tokenizer and lemma table.

Lemmas are spaCy's Dutch lookup lemmas (``spacy-lookups-data``), read directly: the same lemmas as the
``lookup`` lemmatizer of ``spacy.blank("nl")`` without importing spaCy. Kept apart from the classifiers
(``bot.textclass``) so that the sociale kaart and the role signals read lemmas without loading numpy.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Tuple

from bot import artefacts

_WORD_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+", re.UNICODE)


def _lemma_source():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "nl_lemma_lookup.json.gz"


def lemma_cache_path():
    from bot.paths import var_dir

    return var_dir() / "models" / "lemmas.pkl"


def read_lemma_source() -> Dict[str, str]:
    import gzip
    import json

    path = _lemma_source()
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


LEMMA_CACHE_VERSION = "lemmas-1"  # bump when the stored lemma table changes shape


def lemma_cache_key() -> str:
    """Key of the stored lemma table: its code version and the ``spacy-lookups-data`` it is read from."""
    return artefacts.key_of(LEMMA_CACHE_VERSION, artefacts.package_version("spacy-lookups-data"))


@lru_cache(maxsize=1)
def lemma_table() -> Dict[str, str]:
    """spaCy's Dutch lookup lemmas (``spacy-lookups-data``), read directly: the same lemmas as the
    ``lookup`` lemmatizer of ``spacy.blank("nl")`` without importing spaCy (2+ s on a cold start).
    ``rustpunt herkenners bouw`` stores a copy in ``var/models`` with ``bot.artefacts`` (faster to
    read); a missing or out-of-date copy is not rebuilt here: the table is read from its source."""
    table = artefacts.load_current(lemma_cache_path(), lemma_cache_key())
    if isinstance(table, dict):
        return table
    return read_lemma_source()


def tokens(text: str) -> List[Tuple[str, int, int]]:
    """Word tokens of ``text`` with their character offsets (punctuation dropped)."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]


def lemma_of(word: str) -> str:
    lowered = word.lower()
    return lemma_table().get(lowered, lowered)


def lemmas(text: str) -> List[str]:
    """Lower-cased lemmas of the word tokens of ``text``."""
    return [lemma_of(word) for word, _, _ in tokens(text)]


def lemma_text(text: str) -> str:
    return " ".join(lemmas(text))
