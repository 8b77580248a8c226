"""Context for reading a professional's move: the persona's last line and the stage of the talk.

The sentence classifier reads a turn on its own. In a conversation the moment says something too:
a question right after the persona names a wish is likely ``behoefte``, a reply to an outburst is
likely ``erkennen``, and the workbook's steps come roughly in order (visie, erkennen, dynamiek,
behoefte, realiteit, opties). ``reweigh`` multiplies the classifier's probabilities by small,
explainable weights from these cues and renormalises: a clear read never flips, a close call between
two steps can. The weights are set by hand from the workbook's method (not fitted); ``rustpunt evalueer
rollenspel`` measures the reads with and without context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from bot.roleplay.models import STEPS

# the persona's last line: what it shows -> which step it invites, and how much
_CUES: Tuple[Tuple[str, "re.Pattern[str]", float], ...] = (
    ("behoefte", re.compile(
        r"\b(ik wil|ik zou (?:zo )?graag|ik zou willen|ik wou|had ik maar|het liefst|ik hoop|ik mis|"
        r"ik verlang|mijn wens|ik wens|zou ik willen|was het maar)\b", re.IGNORECASE), 1.5),
    ("erkennen", re.compile(
        r"\b(boos|woedend|verdrietig|kapot|doodmoe|moe|bang|machteloos|wanhopig|ik kan niet meer|"
        r"ik trek het niet|ik weet het niet meer|ik ben er klaar mee|gefrustreerd|teleurgesteld|huil)\w*",
        re.IGNORECASE), 1.3),
    ("dynamiek", re.compile(
        r"\b(toen|gisteren|vorige week|zaterdag|zondag|vanochtend|vanmorgen|laatst|die keer|elke keer|"
        r"altijd als|iedere keer)\b", re.IGNORECASE), 1.2),
)
STAGE_WEIGHT = 1.2  # the step that comes next in the workbook's order
EARLY_OPTIONS = 0.85  # options before any need was explored are less likely meant as options


@dataclass(frozen=True)
class Context:
    """What came before a turn: the persona's last line and the moves read so far."""

    last_line: str = ""
    used: Tuple[str, ...] = ()

    @classmethod
    def of(cls, last_line: Optional[str], used: Sequence[str]) -> "Context":
        return cls(last_line=last_line or "", used=tuple(used))


def weights(context: Context) -> Dict[str, float]:
    """Multiplicative weight per step label (1.0 = no opinion); pitfalls and small talk keep 1.0."""
    result = {step: 1.0 for step in STEPS}
    line = context.last_line
    for step, pattern, weight in _CUES:
        if pattern.search(line):
            result[step] *= weight
    if "!" in line:  # an outburst
        result["erkennen"] *= 1.1
    done = [m for m in context.used if m in STEPS]
    if done:
        furthest = max(STEPS.index(m) for m in done)
        if furthest + 1 < len(STEPS):
            result[STEPS[furthest + 1]] *= STAGE_WEIGHT
    if "behoefte" not in done and len(done) < 3:
        result["opties"] *= EARLY_OPTIONS
    return result


def reweigh(probabilities: Dict[str, float], context: Optional[Context]) -> Dict[str, float]:
    """The classifier's probabilities times the context weights, renormalised."""
    if not context or not probabilities:
        return dict(probabilities)
    factor = weights(context)
    scores = {label: p * factor.get(label, 1.0) for label, p in probabilities.items()}
    total = sum(scores.values()) or 1.0
    return {label: s / total for label, s in scores.items()}

