"""Route advice from the signals of an intake, driven by ``intake_routeregel`` knowledge."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional

from bot.intake.models import IntakeRouteregel, IntakeSignaal
from bot.intake.signals import Hit, group_by_kind

MAX_ADVICE = 3


@dataclass(frozen=True)
class Advice:
    rule_id: str
    route: str
    titel: str
    reden: str
    kaart_zoekterm: Optional[str]
    grounds: List[str]  # names of the signals this advice rests on


def _matches(rule: IntakeRouteregel, kinds: Dict[str, List[str]], levels: set) -> bool:
    if rule.standaard:
        return False
    if rule.als_niveau and rule.als_niveau not in levels:
        return False
    for kind in rule.als_soorten:
        if len([signal for signal in kinds.get(kind, []) if signal not in rule.niet_tellen]) < rule.min_signalen:
            return False
    if rule.als_een_van and not any(kinds.get(kind) for kind in rule.als_een_van):
        return False
    return not any(kinds.get(kind) for kind in rule.niet_als)


def advise(
    hits: Iterable[Hit],
    rules: Iterable[IntakeRouteregel],
    signals: Dict[str, IntakeSignaal],
    limit: int = MAX_ADVICE,
    own_service: Optional[str] = None,
) -> List[Advice]:
    """Matching rules, highest priority first; the default rule only when nothing else matched. A rule whose route is
    the caller's own service (``own_service``: a POH caller is not sent to the POH-Jeugd) is left out."""
    hits = list(hits)
    kinds = group_by_kind(hits)
    levels = {signals[h.signal_id].niveau for h in hits if h.signal_id in signals and signals[h.signal_id].niveau}
    rules = sorted(rules, key=lambda r: (-r.prioriteit, r.id))
    chosen = [r for r in rules if _matches(r, kinds, levels) and not (own_service and r.route == own_service)]
    if not chosen:
        chosen = [r for r in rules if r.standaard][:1]
    advice = []
    for rule in chosen[:limit]:
        relevant = set(rule.als_soorten) | set(rule.als_een_van) | ({"gevaar"} if rule.als_niveau else set())
        grounds = []
        for hit in hits:
            signal = signals.get(hit.signal_id)
            if signal and hit.soort in relevant and signal.naam not in grounds and signal.id not in rule.niet_tellen:
                if rule.als_niveau and hit.soort == "gevaar" and signal.niveau != rule.als_niveau:
                    continue
                grounds.append(signal.naam)
        advice.append(Advice(rule.id, rule.route, rule.titel, rule.reden, rule.kaart_zoekterm, grounds))
    return advice
