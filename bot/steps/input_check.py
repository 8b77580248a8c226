"""Decide whether a text is something the step classifier should judge at all.

Returns a Dutch reason when the input is empty, too short, too long, mostly symbols, or
not Dutch; ``None`` when it is fine. Plain heuristics on function words: cheap and explainable.
"""
from __future__ import annotations

from typing import Optional

from bot.language import looks_dutch
from bot.language import words as language_words

MAX_CHARS = 1000  # a spoken turn of several sentences fits
MIN_WORDS = 3


def rejection_reason(text: Optional[str]) -> Optional[str]:
    """A Dutch explanation why ``text`` cannot be classified, or None when it can."""
    if text is None or not text.strip():
        return "Er is geen zin gegeven. Typ de zin die je wilt laten herkennen."
    text = text.strip()
    if len(text) > MAX_CHARS:
        return f"De tekst is te lang (meer dan {MAX_CHARS} tekens). Geef een kortere beurt of één zin tegelijk."
    words = language_words(text)
    letters = sum(len(w) for w in words)
    if letters < 0.5 * len(text.replace(" ", "")):
        return "Dit lijkt geen gewone zin: er staan vooral cijfers of tekens in."
    if len(words) < MIN_WORDS:
        return f"Te kort om een stap te herkennen. Geef een hele zin van minstens {MIN_WORDS} woorden."
    if not looks_dutch(text):
        return "Dit lijkt geen Nederlands. Ik herken alleen Nederlandse zinnen."
    return None
