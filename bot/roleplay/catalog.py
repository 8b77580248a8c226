"""Scenario and move lookup, with reload when knowledge files change.

The knowledge in use comes from ``bot.knowledge.loader.current_knowledge``: the files' dates are
looked at no more than every few seconds (not on every role-play turn), and changed files are
re-read then, so a trainer's new scenario appears in the chat without restarting the action server
or retraining Rasa. Files with problems never replace the working knowledge: the problems are
logged and the previous version stays in use (``herlaad de kennis`` shows them in Dutch).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional

from bot.knowledge.loader import Knowledge, current_knowledge
from bot.roleplay.models import Scenario, Zet
from bot.text import NUMBER_WORDS, ORDINAL_WORDS, plain

_NUMBER = re.compile(r"^(?:scenario|nummer|nr)? ?(\d{1,4})$")  # on plain text: lower case, punctuation gone
_NUMBER_WORDS = {**NUMBER_WORDS, **ORDINAL_WORDS}  # 'drie', and 'de derde'
_FRAME = {"scenario", "nummer", "nr", "de", "het", "die", "dat", "ik", "wil", "graag", "doe", "maar", "oefenen",
          "met", "een", "en", "van", "voor", "kies", "neem"}
# The words of a request to start a role-play, around the scenario it may name.
_REQUEST = _FRAME | {"rollenspel", "rollenspellen", "rollenspelletje", "doen", "spelen", "starten", "beginnen", "begin",
                     "start", "speel", "oefen", "oefening", "graag", "even", "om", "te", "mag", "kan", "wij", "we",
                     "willen", "gesprek", "gesprekje", "scenariootje"}
_NAMED_NUMBER = re.compile(r"\b(?:scenario|nummer|nr)\s?(\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")\b")
_STEM = 5  # 'partij kiezen' meets 'partij kiest', 'woedend' meets 'woedende'
# Words for one feeling: the trainee names the persona in their own words ("de boze vader" is the scenario of "een
# woedende vader"; a user test got the list of scenarios). Each word stands for the first of its group.
_SAME_FEELING = (
    ("woedend", "boos", "boze", "kwaad", "kwade", "razend", "razende", "pissig", "pissige", "woest", "woeste"),
    ("verdrietig", "bedroefd", "treurig", "verdriet"),
    ("uitgeput", "moe", "moeie", "doodmoe", "kapot"),
)
_FEELING = {word: group[0] for group in _SAME_FEELING for word in group}


def knowledge(directory: Optional[Path] = None) -> Knowledge:
    """The knowledge in use, re-read when a knowledge file changed (checked every few seconds)."""
    return current_knowledge(directory)


def scenarios(directory: Optional[Path] = None) -> List[Scenario]:
    """Every scenario, in the order of its fixed number (``nummer``)."""
    return sorted(knowledge(directory).all("scenario"), key=lambda s: (s.nummer, s.titel.lower()))


def get_scenario(scenario_id: str, directory: Optional[Path] = None) -> Optional[Scenario]:
    return knowledge(directory).get("scenario", scenario_id)


def moves(directory: Optional[Path] = None) -> Dict[str, Zet]:
    return {zet.id: zet for zet in knowledge(directory).all("rollenspel_zet")}


def find_scenario(text: str, directory: Optional[Path] = None) -> Optional[Scenario]:
    """A scenario by id, number ('3', 'scenario 3', 'nummer 3') or (part of) its title; None when unclear."""
    options = scenarios(directory)
    wanted = plain(text)
    if not wanted:
        return None
    digits = _NUMBER.match(wanted)
    if digits:
        return next((s for s in options if s.nummer == int(digits.group(1))), None)
    for scenario in options:
        if wanted in (plain(scenario.id), plain(scenario.titel)):
            return scenario
    by_words = _best_by_words(wanted, options)
    number = None if by_words else _number_word(wanted)
    return by_words or next((s for s in options if s.nummer == number), None)


def scenario_in_request(text: str, directory: Optional[Path] = None) -> Optional[Scenario]:
    """The scenario named in the request that starts a role-play ("ik wil oefenen met het kind van 12", "rollenspel
    scenario 3"); None when the request names none clearly. Stricter than :func:`find_scenario`, which reads an
    answer to "welk scenario?": here a number counts only with "scenario" or "nummer" before it, and words only when
    at least two of them (a number in the title counts as a word) belong to one scenario alone."""
    options = scenarios(directory)
    numbered = _NAMED_NUMBER.search(plain(text))
    if numbered:
        number = int(numbered.group(1)) if numbered.group(1).isdigit() else _NUMBER_WORDS[numbered.group(1)]
        return next((s for s in options if s.nummer == number), None)
    return _best_by_words(" ".join(w for w in plain(text).split() if w not in _REQUEST), options, at_least=2)


def _number_word(wanted: str) -> Optional[int]:
    """'drie', 'scenario drie', 'de derde': the number asked for in words, else None."""
    words = [w for w in wanted.split() if w not in _FRAME or w == "een"]
    if words[:1] == ["een"] and len(words) > 1:  # 'een' before a number word is an article
        words = words[1:]
    return _NUMBER_WORDS.get(words[0]) if len(words) == 1 else None


def _best_by_words(wanted: str, options: List[Scenario], at_least: int = 1) -> Optional[Scenario]:
    """The one scenario whose title and summary share the most whole words (by their first letters) with what was
    typed ('partij kiezen', 'de woedende vader'); None when none or several share as many, or fewer than
    ``at_least`` unless one word is in the title of this scenario alone ('partij'). Whole words only: 'drie' is not in
    'verdrietige', 'terugbelverzoek' is not 'terug'; a number ('12') is a word too."""
    typed = [w for w in wanted.split() if _counts(w) and w not in _FRAME]
    if not typed:
        return None

    def shared(text: str) -> int:
        words = [w for w in plain(text).split() if _counts(w)]
        return sum(1 for t in typed if any(_same_word(t, w) for w in words))

    scored = sorted(((shared(s.titel + " " + s.samenvatting), s) for s in options), key=lambda pair: -pair[0])
    best, scenario = scored[0]
    if best == 0 or (len(scored) > 1 and scored[1][0] == best):
        return None
    if best >= at_least:
        return scenario
    in_one_title = [s for s in options if shared(s.titel)]
    return scenario if in_one_title == [scenario] else None


def _same_word(typed: str, word: str) -> bool:
    """The same word or a form of it: the same first letters and at most four letters longer or shorter; words for
    one feeling (``_SAME_FEELING``: 'boze' and 'woedende') are the same word."""
    typed, word = _feeling(typed), _feeling(word)
    return typed[:_STEM] == word[:_STEM] and abs(len(typed) - len(word)) <= 4


def _feeling(word: str) -> str:
    """The first word of the feeling's group ('boze' -> 'woedend'), by the word or a form of it; else the word."""
    if word in _FEELING:
        return _FEELING[word]
    return next((_FEELING[w] for w in _FEELING if len(w) >= _STEM and word[:_STEM] == w[:_STEM]
                 and abs(len(word) - len(w)) <= 4), word)


def _counts(word: str) -> bool:
    """A word that can tell scenarios apart: three letters or more, or a number ('12', '14')."""
    return len(word) >= 3 or word.isdigit()
