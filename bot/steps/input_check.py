"""Decide whether a text is something the step classifier should judge at all.

Returns a Dutch reason when the input is empty, too short, too long, mostly symbols, or
not Dutch; ``None`` when it is fine. Plain heuristics on function words: cheap and explainable.
"""
from __future__ import annotations

import re
from typing import Optional

MAX_CHARS = 1000  # a spoken turn of several sentences fits
MIN_WORDS = 3

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Frequent function words; a sentence in the other language rarely uses several of these.
DUTCH_WORDS = frozenset(
    """de het een en van ik je jij jou jouw u uw we wij jullie hij zij ze is zijn was wat wie hoe
    waarom dat die dit deze niet geen met voor op aan bij naar om te in er ook maar als dan nog
    wel heel toch even zo al of mij me mijn hem haar ons onze kan kun kunt wil wilt zou moet mag
    hebt heeft heb hoor zeg gaat ga gaan doe doet ben bent word wordt had nou""".split()
)
ENGLISH_WORDS = frozenset(
    """the a an and of to you your we they he she it is are was were what who how why that this
    these not no with for on at by from in there also but if then still very just so my me our
    can could would should will have has had do does did please drop table select delete insert
    from where union""".split()
)
_SHARED = DUTCH_WORDS & ENGLISH_WORDS


def rejection_reason(text: Optional[str]) -> Optional[str]:
    """A Dutch explanation why ``text`` cannot be classified, or None when it can."""
    if text is None or not text.strip():
        return "Er is geen zin gegeven. Typ de zin die je wilt laten herkennen."
    text = text.strip()
    if len(text) > MAX_CHARS:
        return f"De tekst is te lang (meer dan {MAX_CHARS} tekens). Geef een kortere beurt of één zin tegelijk."
    words = [w.lower() for w in _WORD.findall(text)]
    letters = sum(len(w) for w in words)
    if letters < 0.5 * len(text.replace(" ", "")):
        return "Dit lijkt geen gewone zin: er staan vooral cijfers of tekens in."
    if len(words) < MIN_WORDS:
        return f"Te kort om een stap te herkennen. Geef een hele zin van minstens {MIN_WORDS} woorden."
    dutch = sum(1 for w in words if w in DUTCH_WORDS and w not in _SHARED)
    english = sum(1 for w in words if w in ENGLISH_WORDS and w not in _SHARED)
    if english > dutch or (english >= 2 and dutch == 0):
        return "Dit lijkt geen Nederlands. Ik herken alleen Nederlandse zinnen."
    return None
