"""``rustpunt meet opslag``: what masking costs when Rasa stores a turn.

Saves the same conversation turn by turn in Rasa's plain ``SQLTrackerStore`` and in
``MaskingSQLTrackerStore`` (each on its own temporary SQLite file) and prints ms per saved turn,
with new text every turn (nothing cached) and with repeated text (the cache answers).
"""
from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Dict, List

NAMES = ["Sanne", "Daan", "Fatima", "Mohammed", "Lotte", "Sem", "Noor", "Finn"]
STREETS = ["Dorpsstraat", "Kerkweg", "Molenlaan", "Schoolstraat"]


def _turn_text(i: int, unique: bool) -> str:
    n = i if unique else i % 4
    return (f"Moeder {NAMES[n % 8]} belt over haar zoon, ze woont op de {STREETS[n % 4]} {n % 90 + 1} en is "
            f"bereikbaar op 06-{10000000 + n:08d}. Het gaat niet goed op school sinds de zomer ({n}).")


def _measure(store_class, db: Path, turns: int, unique: bool) -> List[float]:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml('version: "3.1"\nslots:\n  notitie:\n    type: text\n    mappings: [{type: custom}]\n')
    store = store_class(domain=domain, dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events("meting", [ActionExecuted("action_listen")], slots=domain.slots)
    times: List[float] = []
    for i in range(turns):
        text = _turn_text(i, unique)
        for event in (UserUttered(text, intent={"name": "vertel", "confidence": 1.0}), SlotSet("notitie", text),
                      BotUttered("Dank je. Wat heeft moeder al geprobeerd?"), ActionExecuted("action_listen")):
            tracker.update(event)
        start = time.perf_counter()
        asyncio.run(store.save(tracker))
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(turns: int = 100) -> Dict[str, float]:
    from rasa.core.tracker_store import SQLTrackerStore

    from bot.privacy.masking import clear_cache, warm_up
    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    start = time.perf_counter()
    warm_up()
    results = {"opwarmen_s": time.perf_counter() - start}
    with tempfile.TemporaryDirectory() as folder:
        for label, cls, unique in (
            ("gewoon", SQLTrackerStore, True),
            ("afschermend_nieuw", MaskingSQLTrackerStore, True),
            ("afschermend_herhaald", MaskingSQLTrackerStore, False),
        ):
            clear_cache()
            times = _measure(cls, Path(folder) / f"{label}.db", turns, unique)
            results[f"{label}_p50_ms"] = statistics.median(times)
            results[f"{label}_gemiddeld_ms"] = statistics.mean(times)
    # the masking step alone, per turn (the events of one turn, as Rasa serialises them)
    from rasa.shared.core.events import BotUttered, SlotSet, UserUttered

    from bot.privacy.tracker_store import mask_event

    for label, unique in (("maskeren_nieuw", True), ("maskeren_herhaald", False)):
        clear_cache()
        times = []
        for i in range(turns):
            text = _turn_text(i, unique)
            events = [
                UserUttered(text, intent={"name": "vertel", "confidence": 1.0}).as_dict(),
                SlotSet("notitie", text).as_dict(),
                BotUttered("Dank je. Wat heeft moeder al geprobeerd?").as_dict(),
            ]
            start = time.perf_counter()
            for event in events:
                mask_event(event)
            times.append((time.perf_counter() - start) * 1000)
        results[f"{label}_p50_ms"] = statistics.median(times)
        results[f"{label}_p95_ms"] = sorted(times)[int(0.95 * (len(times) - 1))]
    return results


def main(turns: int) -> int:
    r = run(turns)
    base = r["gewoon_gemiddeld_ms"]
    print(f"Afschermer laden (eenmalig bij de start): {r['opwarmen_s']:.1f} s")
    print(f"Beurt opslaan, {turns} beurten (bericht, slot, antwoord):")
    print(f"  SQLTrackerStore (zonder afschermen):         p50 {r['gewoon_p50_ms']:.1f} ms, gemiddeld {base:.1f} ms")
    for key, what in (
        ("afschermend_nieuw", "steeds nieuwe tekst"),
        ("afschermend_herhaald", "herhaalde tekst (cache)"),
    ):
        mean = r[f"{key}_gemiddeld_ms"]
        print(f"  MaskingSQLTrackerStore, {what + ':':<24} p50 {r[key + '_p50_ms']:.1f} ms, "
              f"gemiddeld {mean:.1f} ms ({mean / base:.1f}x)")
    print("Alleen het afschermen van de beurt:")
    print(f"  steeds nieuwe tekst: p50 {r['maskeren_nieuw_p50_ms']:.2f} ms, p95 {r['maskeren_nieuw_p95_ms']:.2f} ms")
    print(
        f"  herhaalde tekst:     p50 {r['maskeren_herhaald_p50_ms']:.3f} ms, p95 {r['maskeren_herhaald_p95_ms']:.3f} ms"
    )
    return 0
