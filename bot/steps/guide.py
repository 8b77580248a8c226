"""Readable Dutch texts for the guided preparation, built from ``knowledge/stappen/``.

Actions call these functions; no step content is written in code.
"""
from __future__ import annotations

from typing import List, Optional

from bot.knowledge.loader import get_knowledge
from bot.steps.models import SITUATION_TYPES, STEP_IDS

SITUATION_NAMES = {"ouder": "één ouder", "kind": "een kind", "beide_ouders": "beide ouders"}


def _knowledge(knowledge=None):
    if knowledge is not None:
        return knowledge
    return get_knowledge()


def ordered_steps(knowledge=None) -> list:
    """The six steps in order of their number."""
    return sorted(_knowledge(knowledge).all("stap"), key=lambda step: step.nummer)


def step_ids(knowledge=None) -> List[str]:
    return [step.id for step in ordered_steps(knowledge)] or list(STEP_IDS)


def get_step(step_id: str, knowledge=None):
    step = _knowledge(knowledge).get("stap", step_id)
    if step is None:
        raise KeyError(f"Onbekende stap: {step_id}")
    return step


def situation_name(situation: Optional[str]) -> str:
    return SITUATION_NAMES.get(situation or "", "een gesprekspartner")


def _situation(situation: Optional[str]) -> str:
    return situation if situation in SITUATION_TYPES else "ouder"


def format_examples(step_id: str, situation: Optional[str], knowledge=None) -> str:
    step = get_step(step_id, knowledge)
    situation = _situation(situation)
    sentences = getattr(step.voorbeeldzinnen, situation)
    lines = [f"Voorbeeldzinnen bij '{step.naam}' in een gesprek met {situation_name(situation)}:"]
    lines += [f"- \"{sentence}\"" for sentence in sentences]
    return "\n".join(lines)


def format_step_guide(step_id: str, situation: Optional[str], knowledge=None) -> str:
    """Everything the professional needs for one step: purpose, what to do, examples, reflection."""
    step = get_step(step_id, knowledge)
    total = len(step_ids(knowledge))
    lines = [
        f"Stap {step.nummer} van {total}: {step.naam}",
        f"Waarvoor: {' '.join(step.doel.split())}",
        "Wat je doet:",
    ]
    lines += [f"- {item}" for item in step.wat_je_doet]
    lines.append("")
    lines.append(format_examples(step_id, situation, knowledge))
    lines.append("")
    lines.append(f"Vraag voor jezelf: {step.reflectievraag}")
    return "\n".join(lines)


def format_why(step_id: str, knowledge=None) -> str:
    step = get_step(step_id, knowledge)
    return f"Waarom '{step.naam}'? {' '.join(step.waarom.split())}"


def format_step_explanation(step_id: str, knowledge=None) -> str:
    """A step explained, for a question about it ("wat bedoelen ze met realiteit benoemen?"): purpose, what you
    do and why."""
    step = get_step(step_id, knowledge)
    lines = [
        f"Stap {step.nummer} van {len(step_ids(knowledge))}: {step.naam}",
        f"Waarvoor: {' '.join(step.doel.split())}",
        "Wat je doet:",
    ]
    lines += [f"- {item}" for item in step.wat_je_doet]
    lines.append(f"Waarom: {' '.join(step.waarom.split())}")
    return "\n".join(lines)


def format_pitfall(pitfall_id: str, knowledge=None) -> str:
    """A pitfall explained ("mag ik al advies geven?": taking the problem over)."""
    pitfall = _knowledge(knowledge).get("valkuil", pitfall_id)
    if pitfall is None:
        raise KeyError(f"Onbekende valkuil: {pitfall_id}")
    return f"Valkuil: {pitfall.naam}. {' '.join(pitfall.wat_het_is.split())} {pitfall.herinnering}"


def format_role(knowledge=None) -> str:
    """The professional's role, from the ``jouw_rol`` entries."""
    entries = _knowledge(knowledge).all("jouw_rol")
    lines = ["Jouw rol in deze gesprekken:"]
    for entry in entries:
        lines.append(f"- {entry.naam}: {' '.join(entry.uitleg.split())}")
        if entry.voorbeeld:
            lines.append(f"  Bijvoorbeeld: \"{entry.voorbeeld}\"")
    return "\n".join(lines)


def format_step_overview(knowledge=None) -> str:
    steps = ordered_steps(knowledge)
    return "De zes stappen: " + ", ".join(f"{s.nummer}. {s.naam}" for s in steps) + "."
