"""A gentle remark when a note typed at one step sounds like another step.

"Ik hoor hoe boos je bent" typed at 'behoefte en verlangen' gets: "Dit klinkt als erkennen; bij
behoefte en verlangen vraag je wat er zo belangrijk is ...". Uses the step classifier; pitfalls
(inhoud, redden) keep their own tip, and a note that fits the current step gets no remark."""
from __future__ import annotations

import re
from typing import Optional

from bot.steps import guide, texts


def _what_you_do(step) -> str:
    """The step's first 'wat je doet' line, turned around: 'Je vraagt wat ...' -> 'vraag je wat ...'."""
    line = step.wat_je_doet[0].strip().rstrip(".")
    match = re.match(r"^Je (\w+?)t? (.*)$", line)
    if not match:
        return line[0].lower() + line[1:]
    verb, rest = match.group(1), match.group(2)
    return f"{verb} je {rest}"


def step_remark(note: str, current: str, result=None, knowledge=None) -> Optional[str]:
    """The remark for ``note`` typed at step ``current``; None when the note fits or nothing is sure."""
    from bot.steps.classifier import classify_step  # lazy: loads scikit-learn: only when no result is given

    result = result if result is not None else classify_step(note)
    if not result.herkend or result.is_valkuil or result.stap == current:
        return None
    try:
        other = guide.get_step(result.stap, knowledge)
        step = guide.get_step(current, knowledge)
    except KeyError:
        return None
    return texts.text(
        "andere_stap",
        andere_stap=other.naam.lower(),
        stap_naam=step.naam.lower(),
        wat_je_doet=_what_you_do(step),
    )
