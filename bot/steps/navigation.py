"""Understand what a professional types during the guided preparation.

``parse_command`` recognises the navigation words (waarom, voorbeeld, volgende, terug, sla over,
rol, stop); anything else is a note for the current step. ``parse_situation_type`` maps free
Dutch to ``ouder`` / ``kind`` / ``beide_ouders``. Plain word rules: predictable and testable.
"""
from __future__ import annotations

import re
from typing import Optional

from bot import commands
from bot.commands import OVERSLAAN, ROL, STOP, TERUG, VOLGENDE, VOORBEELD, WAAROM

# checked in this order; the phrases live in bot.commands (one vocabulary for every capability)
NAVIGATION = (STOP, OVERSLAAN, TERUG, VOLGENDE, WAAROM, VOORBEELD, ROL)
__all__ = ["NAVIGATION", "OVERSLAAN", "ROL", "STOP", "TERUG", "VOLGENDE", "VOORBEELD", "WAAROM",
           "asks_why", "clean_note", "parse_command", "parse_situation_type", "which_step_sentence"]


def parse_command(text: Optional[str]) -> Optional[str]:
    """A navigation command, or None when the text is a note."""
    return commands.within_short_message(text, NAVIGATION)


_SITUATION_PATTERNS = [
    (
        "beide_ouders",
        r"\b(beide ouders|beide_ouders|allebei|beiden|ouders samen|twee ouders|vader en moeder|moeder en vader"
        r"|de ouders|ouders)\b",
    ),
    ("kind", r"\b(kind|kinderen|jongere|jongeren|zoon|dochter|puber|tiener|leerling|jongen|meisje|kindje)\b"),
    ("ouder", r"\b(ouder|vader|moeder|papa|mama|pa|ma|één ouder|een ouder|stiefouder|stiefvader|stiefmoeder)\b"),
]


def parse_situation_type(text: Optional[str]) -> Optional[str]:
    """``ouder``, ``kind`` or ``beide_ouders`` from free Dutch, or None when unclear."""
    if not text:
        return None
    lowered = re.sub(r"\s+", " ", text.lower().replace("_", " ")).strip()
    if lowered in {"beide ouders", "beide_ouders"}:
        return "beide_ouders"
    best = None  # (position, order) of the earliest mention; "vader en moeder" beats "vader"
    for order, (situation, pattern) in enumerate(_SITUATION_PATTERNS):
        match = re.search(pattern, lowered)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, situation)
    return best[2] if best else None


_NOTE_PREFIX = re.compile(
    r"^\s*(notitie|mijn zin( is)?|mijn notitie|ik zou zeggen|ik zeg|ik ga zeggen|ik wil zeggen|ik zeg dan|zin)"
    r"\s*[:\-]\s*",
    re.IGNORECASE,
)
_WHICH_STEP = re.compile(
    r"^\s*(welke stap (is dit|hoort hierbij|is het|past hierbij)|bij welke stap hoort( dit| deze zin)?"
    r"|herken( de)? stap)\s*[:?]?\s*",
    re.IGNORECASE,
)


def clean_note(text: Optional[str]) -> str:
    """The note without a leading 'ik zou zeggen:' and without surrounding quotes."""
    text = _NOTE_PREFIX.sub("", text or "").strip()
    return text.strip("\"'“”‘’ ").strip()


def which_step_sentence(text: Optional[str]) -> Optional[str]:
    """For 'welke stap is dit: <zin>': the sentence to classify ('' when missing), else None."""
    if not text:
        return None
    match = _WHICH_STEP.match(text)
    if not match:
        return None
    return text[match.end():].strip().strip("\"'“”‘’ ").strip()


# A question to Rustpunt about the method, longer than the short command 'waarom?' ("waarom moet ik eigenlijk met
# visie beginnen? de ouders willen gewoon een oplossing"): it asks about the professional's own step, so it names
# the professional ('moet ik', 'zou ik') or the step. A question for the parent stays a note ("Waarom denkt u dat hij
# dat doet?" is a dynamiek question the professional plans to ask).
_WHY_METHOD = re.compile(
    r"^\W*(?:(?:maar|en|eh|nou|oké|ok)\W+)*waarom\b[^?.!]{0,80}?\b(?:moet ik|zou ik|moeten we|zouden we|begin ik|"
    r"beginnen met|begin je|doe ik|deze stap|die stap|stap|eerst|visie|erkennen|dynamiek|behoefte|realiteit|opties)\b"
    r"[^?.!]{0,80}\?",
    re.IGNORECASE,
)


def asks_why(text: Optional[str]) -> bool:
    """A question to Rustpunt why this step (see ``_WHY_METHOD``); the short 'waarom?' is the command ``WAAROM``."""
    return bool(_WHY_METHOD.match(text or ""))
