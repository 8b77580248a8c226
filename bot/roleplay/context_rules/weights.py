"""Rule 2 (``reweigh``): a close call between steps leans towards the moment: the invited step, the next step
in the workbook's order, and fewer options before any need was explored; a clear read never flips.
"""
from __future__ import annotations

from typing import Dict, Optional

from bot.roleplay.context_rules.invitation import Context, invitation
from bot.roleplay.models import STEPS

INVITE_WEIGHT = 1.4  # rule 2: the step the persona's line invites
_INVITE_WEIGHTS = {"behoefte": 1.5, "erkennen": 1.3, "dynamiek": 1.2}  # the weights these cues had before
STAGE_WEIGHT = 1.2  # the step that comes next in the workbook's order
EARLY_OPTIONS = 0.85  # options before any need was explored are less likely meant as options


def weights(context: Context) -> Dict[str, float]:
    """Rule 2: multiplicative weight per step label (1.0 = no opinion); pitfalls and small talk keep 1.0."""
    result = {step: 1.0 for step in STEPS}
    invited = invitation(context)
    if invited in STEPS:
        result[invited] *= _INVITE_WEIGHTS.get(invited, INVITE_WEIGHT)
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
