"""A gentle remark when a note typed at one step sounds like another step.

"Ik hoor hoe boos je bent" typed at 'behoefte en verlangen' gets: "Dit klinkt als erkennen; bij
behoefte en verlangen vraag je wat er zo belangrijk is ...". Uses the step classifier; pitfalls
(inhoud, redden) keep their own tip, and a note that fits the current step gets no remark. Nor does
a note that does what the current step's own text says: at 'opties verkennen' you "zegt eerlijk dat
je de ander niet kunt veranderen", so "ik kan Erik niet dwingen, dat heb ik niet in mijn macht" (read
as realiteit) is no other step there (a user test got a remark that contradicted itself)."""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, Optional, Tuple

from bot.steps import guide, texts


def _what_you_do(step) -> str:
    """The step's first 'wat je doet' line, turned around: 'Je vraagt wat ...' -> 'vraag je wat ...'."""
    line = step.wat_je_doet[0].strip().rstrip(".")
    match = re.match(r"^Je (\w+?)t? (.*)$", line)
    if not match:
        return line[0].lower() + line[1:]
    verb, rest = match.group(1), match.group(2)
    return f"{verb} je {rest}"


OWN_TEXT_SURE = 0.75  # a 'wat je doet' line of a step counts as another step when read this surely
_OWN_READINGS: Dict[Tuple[str, Tuple[str, ...]], FrozenSet[str]] = {}


def own_readings(step, classify) -> FrozenSet[str]:
    """The other steps that the step's own 'wat je doet' lines clearly read as (opties: "Je zegt eerlijk dat je de
    ander niet kunt veranderen" reads as realiteit). Kept per step text."""
    key = (step.id, tuple(step.wat_je_doet))
    if key not in _OWN_READINGS:
        results = [classify(line) for line in step.wat_je_doet]
        _OWN_READINGS[key] = frozenset(
            r.stap for r in results
            if r.herkend and not r.is_valkuil and r.stap != step.id and r.zekerheid >= OWN_TEXT_SURE
        )
    return _OWN_READINGS[key]


def step_remark(note: str, current: str, result=None, knowledge=None) -> Optional[str]:
    """The remark for ``note`` typed at step ``current``; None when the note fits or nothing is sure."""
    from bot.steps.classifier import classify_step  # lazy: loads scikit-learn: only when no result is given

    result = result if result is not None else classify_step(note)
    if not result.herkend or result.is_valkuil or result.stap == current or current in (result.stappen or []):
        return None  # a note that holds the current step among its moves fits ("ik kan niet ... ik wil daarom
        # met je meekijken wat jij kunt doen" at opties: the limit is the way in)
    try:
        other = guide.get_step(result.stap, knowledge)
        step = guide.get_step(current, knowledge)
    except KeyError:
        return None
    if result.stap in own_readings(step, classify_step):  # the note does what this step's own text says
        return None
    return texts.text(
        "andere_stap",
        andere_stap=other.naam.lower(),
        stap_naam=step.naam.lower(),
        wat_je_doet=_what_you_do(step),
    )
