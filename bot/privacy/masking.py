"""Cached masking of text and nested values for everything that is stored.

``bot.intake.deidentify.mask`` does the work (rules + deduce). A conversation repeats many texts
(fixed bot replies, a slot that holds the message just typed), so results are kept in an LRU
cache: a repeated text costs a dictionary lookup. The cache lives in memory only.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Iterable

from bot.intake import deidentify

log = logging.getLogger(__name__)

CACHE_SIZE = 8192


@lru_cache(maxsize=CACHE_SIZE)
def mask_text(text: str) -> str:
    """``text`` with names, numbers, addresses ... replaced by labels like [NAAM]."""
    if not text or not any(ch.isalnum() for ch in text):
        return text
    return deidentify.mask(text).text


def mask_value(value: Any, skip_keys: Iterable[str] = ()) -> Any:
    """Mask every string in ``value`` (str, list, tuple, dict; other types unchanged).
    Dict keys listed in ``skip_keys`` keep their value as it is (ids, names of intents ...)."""
    skip = frozenset(skip_keys)
    return _mask(value, skip)


def _mask(value: Any, skip: frozenset) -> Any:
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [_mask(item, skip) for item in value]
    if isinstance(value, tuple):
        return tuple(_mask(item, skip) for item in value)
    if isinstance(value, dict):
        return {key: (item if key in skip else _mask(item, skip)) for key, item in value.items()}
    return value


def warm_up() -> None:
    """Load the masker (first names, deduce) now, so the first reply is not slow.
    Call this where a server process starts."""
    deidentify.first_names()
    deidentify.deduce_model()
    deidentify.mask("Sanne de Vries woont op de Dorpsstraat 12 in 1234 AB Utrecht.")
    log.info("Masker loaded.")
