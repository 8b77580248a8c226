"""Understand what a professional types during the guided preparation.

``parse_command`` recognises the navigation words (waarom, voorbeeld, volgende, terug, sla over,
rol, stop); ``method_question`` a question to Rustpunt about a step, a pitfall or a role; anything
else is a note for the current step. ``parse_situation_type`` maps free
Dutch to ``ouder`` / ``kind`` / ``beide_ouders``. Plain word rules: predictable and testable.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot import commands
from bot.commands import OVERSLAAN, ROL, STOP, TERUG, VOLGENDE, VOORBEELD, WAAROM
from bot.text import NUMBER_WORDS, ORDINAL_WORDS, plain

# checked in this order; the phrases live in bot.commands (one vocabulary for every capability)
NAVIGATION = (STOP, OVERSLAAN, TERUG, VOLGENDE, WAAROM, VOORBEELD, ROL)
__all__ = ["NAVIGATION", "OVERSLAAN", "ROL", "STOP", "TERUG", "VOLGENDE", "VOORBEELD", "WAAROM",
           "asks_why", "clean_note", "method_question", "parse_command", "parse_situation_type",
           "which_step_sentence"]


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
def clean_note(text: Optional[str]) -> str:
    """The note without a leading 'ik zou zeggen:' and without surrounding quotes."""
    text = _NOTE_PREFIX.sub("", text or "").strip()
    return text.strip("\"'“”‘’ ").strip()


def which_step_sentence(text: Optional[str]) -> Optional[str]:
    """For 'welke stap is dit: <zin>': the sentence to classify ('' when missing), else None (the frames:
    ``bot.commands.which_question``)."""
    asked = commands.which_question(text)
    return asked[1] if asked and asked[0] == commands.WHICH_STEP else None


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


# A question of the professional to Rustpunt about the method, which is no note and no situation (a user test saw
# them stored as notes, and "wat is een redder?" asked "Met wie?" in a loop). Two frames, on plain text:
# - a definition: "wat is een redder?", "wat bedoelen ze met realiteit benoemen?", "wat is stap 5", "leg erkennen uit";
# - the professional's own move: "mag ik bij stap 2 al advies geven?", "hoe erken ik zonder gelijk te geven?".
# Either frame must name the method (a step, a pitfall, a role; ``method_topics``). A line for the parent or child
# addresses them ("Wat is je verlangen?", "Mag ik vragen wat je verlangt?"): with 'je', 'u' or 'jullie' after the
# frame it stays a note.
_LEAD = r"^(?:(?:maar|en|eh|uh|nou|oke|ok|sorry|wacht|even|vraagje|vraag)\s+)*"
_DEFINITION = re.compile(
    _LEAD + r"(?:wat (?:is|zijn|betekent|betekenen|houdt|wordt bedoeld met)|wat bedoel\w*(?: (?:je|jij|u|jullie|ze|"
    r"men))?(?: eigenlijk| hier)?|wie is|hoe werkt|leg|uitleg(?: over| van| bij)?|wat (?:doe|moet) ik (?:bij|in|met)|"
    r"wat hoort bij)\b"
)
_OWN_MOVE = re.compile(_LEAD + r"(?:mag|moet|kan|kun|zal|hoef|zou|wil) ik\b")
# "hoe erken ik ...?": a question word before 'ik' asks only with a question mark ("Waar ik voor sta, is ..." is a note)
_OWN_MOVE_ASKED = re.compile(
    _LEAD + r"(?:(?:hoe|wanneer|welke|wat)\b(?:\s+\w+){0,4}?\s+ik|is het (?:goed|handig|slim|ok|oke|verstandig|"
    r"de bedoeling|erg))\b"
)
_ADDRESSED = re.compile(r"\b(?:je|jij|jou|jouw|u|uw|jullie)\b")
MAX_QUESTION_WORDS = 16
_QUESTION_WORDS = ("wat", "wie", "hoe", "mag", "moet", "kan", "kun", "zal", "hoef", "zou", "wil", "wanneer", "waar",
                   "welke", "is", "leg", "uitleg")
_STEP_NUMBER = re.compile(
    r"\bstap\s+(\d|" + "|".join(NUMBER_WORDS) + r")\b|\b(" + "|".join(ORDINAL_WORDS) + r"|laatste) stap\b"
)
_THIS_STEP = re.compile(r"\b(?:deze stap|die stap|hier|hiermee|hier mee)\b")


def _step_number(text: str, knowledge=None) -> Optional[str]:
    """The step a question names by its number ("stap 5", "stap vijf", "de vijfde stap", "de laatste stap")."""
    from bot.steps.guide import step_ids

    match = _STEP_NUMBER.search(text)
    if not match:
        return None
    steps = step_ids(knowledge)
    word = match.group(1) or match.group(2)
    number = len(steps) if word == "laatste" else (
        int(word) if word.isdigit() else NUMBER_WORDS.get(word) or ORDINAL_WORDS.get(word))
    return steps[number - 1] if number and 1 <= number <= len(steps) else None


def _named(text: str, entries) -> List[str]:
    """Ids of the entries whose name or synonym (a word beginning) occurs in ``text`` (plain)."""
    found = []
    for entry in entries:
        words = [plain(entry.naam), entry.id, *(plain(w) for w in getattr(entry, "synoniemen", []))]
        if any(re.search(rf"\b{re.escape(word)}", text) for word in words if word):
            found.append(entry.id)
    return found


def method_topics(text: str, current: Optional[str] = None, knowledge=None) -> List[Tuple[str, str]]:
    """What a question about the method names: ("stap", id), ("valkuil", id), ("rol", id) or ("driehoek", id), in
    that order; "deze stap", "hier" is the ``current`` step."""
    from bot.knowledge.loader import get_knowledge
    from bot.roles.explain import find_subject

    knowledge = knowledge or get_knowledge()
    clean = plain(text)
    steps = [step.id for step in sorted(knowledge.all("stap"), key=lambda s: s.nummer)]
    named = _named(clean, knowledge.all("stap"))
    numbered = _step_number(clean, knowledge)
    if numbered and numbered not in named:
        named.insert(0, numbered)
    if not named and current is not None and current in steps and _THIS_STEP.search(clean):
        named = [current]
    topics = [("stap", step) for step in steps if step in named]
    topics += [("valkuil", pitfall) for pitfall in _named(clean, knowledge.all("valkuil"))]
    if not topics:
        subject = find_subject(text)  # a role ("wat is de omstander") or a triangle
        if subject is not None:
            topics.append(subject)
    return topics


def method_question(text: Optional[str], current: Optional[str] = None, knowledge=None) -> List[Tuple[str, str]]:
    """The topics of a question to Rustpunt about the method (see ``_DEFINITION``), [] when ``text`` is no such
    question (a note, a situation, a line for the parent)."""
    clean = plain(text or "")
    words = clean.split()
    if not words or len(words) > MAX_QUESTION_WORDS:
        return []
    if not ((text or "").strip().endswith("?") or words[0] in _QUESTION_WORDS):
        return []
    asked = (text or "").strip().endswith("?")
    frame = _DEFINITION.match(clean) or _OWN_MOVE.match(clean) or (_OWN_MOVE_ASKED.match(clean) if asked else None)
    if frame is None or _ADDRESSED.search(clean[frame.end():]):
        return []
    return method_topics(text or "", current, knowledge)
