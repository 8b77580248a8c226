"""Danger in a message typed outside the intake: the sociale kaart, or a case typed from the menu.

A consultant may type "zoon van 15 uit Huizen denkt aan zelfmoord" as a kaart question, or a call in progress
("haar ex staat nu beneden voor de deur en schopt tegen de deur") from the menu. What to do right now comes first,
before any search: the same danger signals and advice as the intake (``knowledge/vraagverheldering/signalen.yml``,
soort ``gevaar``; negations as there: "geen sprake van geweld" is no signal).
"""
from __future__ import annotations

from typing import List, Optional

from bot.intake.models import IntakeSignaal
from bot.intake.questions import format_danger
from bot.intake.signals import find_signals
from bot.knowledge.loader import get_knowledge

AFTER_DANGER = "Wil je de vragen voor de vraagverheldering erbij, typ dan 'vraagverheldering'."


def danger_in(text: str) -> List[IntakeSignaal]:
    """The danger signals in ``text``."""
    signals = get_knowledge().entries.get("intake_signaal", {})
    dangers = [signal for signal in signals.values() if isinstance(signal, IntakeSignaal) and signal.soort == "gevaar"]
    found = {hit.signal_id for hit in find_signals(text, dangers)}
    return [signal for signal in dangers if signal.id in found]


def danger_message(text: str, then: str = AFTER_DANGER) -> Optional[str]:
    """What to do right now when ``text`` holds a danger signal, else None."""
    found = danger_in(text)
    return format_danger(found, then) if found else None
