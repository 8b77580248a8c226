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
from bot.text import plain

_NUMBER = re.compile(r"^(?:scenario|nummer|nr)? ?(\d{1,4})$")  # on plain text: lower case, punctuation gone


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
    number = _NUMBER.match(wanted)
    if number:
        return next((s for s in options if s.nummer == int(number.group(1))), None)
    for scenario in options:
        if wanted in (plain(scenario.id), plain(scenario.titel)):
            return scenario
    hits = [s for s in options if len(wanted) >= 4 and wanted in plain(s.titel + " " + s.samenvatting)]
    return hits[0] if len(hits) == 1 else None
