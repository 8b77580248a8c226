"""How often the real move classifier finds the move the author intended on the scripted paths,
and how free-text practice sessions end.

For every scenario the sentences of ``oefenpad`` (and ``valkuilpad``) are classified one by one;
a hit is a classified move equal to the intended one. The scripted good path is also replayed
with the real classifier to see whether it still reaches the good ending. The free-text paths of
``evaluatie/oefenpaden.yml`` (a trainee's own words, never trained on) are played with the real
classifier: every ``goed`` path must end well and no ``slecht`` path may.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from bot import status
from bot.roleplay import catalog
from bot.roleplay.engine import Engine
from bot.roleplay.moves import default_classifier


@dataclass
class PathEvaluation:
    total: int = 0
    hits: int = 0
    per_scenario: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    per_move: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    confusions: Counter = field(default_factory=Counter)
    misses: List[Tuple[str, str, str, str]] = field(default_factory=list)  # scenario, intended, got, text
    good_endings: Dict[str, str] = field(default_factory=dict)  # scenario -> ending with real classifier
    free_paths: List[Dict[str, object]] = field(default_factory=list)  # free-text paths and how they ended

    @property
    def free_paths_ok(self) -> int:
        return sum(bool(p["ok"]) for p in self.free_paths)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


def evaluate_paths(classify: Optional[Callable] = None) -> PathEvaluation:
    if classify is None:
        classify = default_classifier()
    result = PathEvaluation()
    per_move: Dict[str, List[int]] = {}
    for scenario in catalog.scenarios():
        hits = total = 0
        for turn in scenario.oefenpad + scenario.valkuilpad:
            move = classify(turn.tekst)
            got = getattr(move, "zet", move)
            ok = got == turn.zet
            hits += ok
            total += 1
            counts = per_move.setdefault(turn.zet, [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok:
                result.confusions[(turn.zet, got)] += 1
                result.misses.append((scenario.id, turn.zet, got, turn.tekst))
        result.per_scenario[scenario.id] = (hits, total)
        result.hits += hits
        result.total += total
        engine = Engine(scenario, classify=classify, seed=0)
        for turn in scenario.oefenpad:
            if engine.step(turn.tekst).ending:
                break
        result.good_endings[scenario.id] = engine.state.ending or f"geen (spanning {engine.state.tension})"
    result.per_move = {m: (c[0], c[1]) for m, c in per_move.items()}
    result.free_paths = play_free_paths(classify)
    return result


def play_free_paths(classify: Callable) -> List[Dict[str, object]]:
    """Play every free-text path of ``evaluatie/oefenpaden.yml`` with ``classify``."""
    from bot.heldout import practice_paths  # lazy: held-out paths: only for the evaluation

    played = []
    for path in practice_paths():
        scenario = catalog.get_scenario(str(path["scenario"]))
        if scenario is None:
            continue
        engine = Engine(scenario, classify=classify, seed=0)
        for text in path["beurten"]:
            if engine.step(str(text)).ending:
                break
        ending = engine.state.ending
        ok = ending == status.GOOD if path["soort"] == "goed" else ending != status.GOOD
        played.append({"scenario": scenario.id, "soort": path["soort"], "einde": ending or "geen",
                       "spanning": engine.state.curve, "zetten": engine.state.moves,
                       "onzeker": [t.nr for t in engine.state.turns if t.onzeker], "ok": ok})
    return played


def evaluation_report(result: PathEvaluation) -> str:
    lines = [
        "Rollenspel: herkent de stappenherkenner de bedoelde zet op de geschreven paden?",
        f"Overeenkomst: {result.hits}/{result.total} = {result.rate:.1%}",
        "",
        "Per scenario (overeenkomst, einde van het oefenpad met de echte herkenner):",
    ]
    for scenario_id, (hits, total) in result.per_scenario.items():
        lines.append(f"- {scenario_id}: {hits}/{total}; einde: {result.good_endings.get(scenario_id)}")
    if result.free_paths:
        lines += ["", f"Vrije-tekstpaden (evaluatie/oefenpaden.yml): {result.free_paths_ok}/{len(result.free_paths)} "
                      "lopen af zoals het werkboek verwacht (goed pad → goed einde, slecht pad → geen goed einde)"]
        for item in result.free_paths:
            mark = "ok" if item["ok"] else "NIET OK"
            unsure = f"; vergeven twijfel bij beurt {', '.join(map(str, item['onzeker']))}" if item["onzeker"] else ""
            lines.append(f"- [{mark}] {item['scenario']} ({item['soort']} pad): einde {item['einde']}, spanning "
                         f"{' → '.join(map(str, item['spanning']))}; zetten: {', '.join(item['zetten'])}{unsure}")
    lines += ["", "Per bedoelde zet:"]
    for move, (hits, total) in sorted(result.per_move.items()):
        lines.append(f"- {move:<12} {hits}/{total}")
    if result.misses:
        lines += ["", "Verschillen (bedoeld → herkend: zin):"]
        for scenario_id, intended, got, text in result.misses:
            lines.append(f"- [{scenario_id}] {intended} → {got}: {text}")
    return "\n".join(lines)
