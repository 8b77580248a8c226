"""Cheap checks that a text is a usable Dutch sentence before we look for roles (``bot.language``)."""
from __future__ import annotations

from typing import Optional

from bot.language import looks_dutch, words

MIN_WORDS = 3
MAX_CHARS = 1000


def unusable_reason(text: Optional[str]) -> Optional[str]:
    """A Dutch reason why ``text`` cannot be analysed, or None when it looks like a Dutch sentence."""
    if text is None or not text.strip():
        return "Er is geen zin om te analyseren. Typ of plak een zin die iemand zei."
    if len(text) > MAX_CHARS:
        return f"De tekst is te lang (meer dan {MAX_CHARS} tekens). Plak één zin of een korte uitspraak."
    if len(words(text)) < MIN_WORDS:
        return "De zin is te kort om een rol in te herkennen. Geef de hele uitspraak, met minstens drie woorden."
    if not looks_dutch(text):
        return "Dit lijkt geen Nederlandse zin. Ik herken alleen rollen in Nederlandse zinnen."
    return None
