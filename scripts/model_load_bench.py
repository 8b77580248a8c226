"""Benchmark: load the trained Rasa model as Rasa does and as the start module does (bot.rasa_runtime.model_load),
each in a fresh process, one after the other on the same machine; print both times, their ratio, and
whether both parse a set of messages identically (intents, confidences, entities). Exit 1 when they differ.

    .venv/bin/python scripts/model_load_bench.py [models/rustpunt-<key>.tar.gz]
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

MESSAGES = [
    "hallo", "ik wil een gesprek voorbereiden", "zoek hulp bij schulden in utrecht",
    "geef me de vragen over het sociale netwerk", "wat is de redder rol", "stop", "ik wil oefenen met een rollenspel",
]


def child(mode: str, model: str) -> None:
    if mode == "rustpunt":
        from bot.rasa_runtime import model_load

        model_load.install()
    from rasa.core.agent import Agent

    start = time.perf_counter()
    agent = Agent.load(model)
    seconds = time.perf_counter() - start
    parses = []
    for text in MESSAGES:
        parsed = asyncio.run(agent.parse_message(text))
        parses.append([text, parsed["intent"]["name"], round(parsed["intent"]["confidence"], 6),
                       [(e["entity"], e["value"]) for e in parsed["entities"]]])
    print(json.dumps({"seconds": seconds, "parses": parses}))


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    if len(sys.argv) > 1:
        model = sys.argv[1]
    else:
        models = sorted((root / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
        if not models:
            print("Geen model in models/: eerst 'make train'.", file=sys.stderr)
            return 1
        model = str(models[-1])
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false")
    results = {}
    for mode in ("rasa", "rustpunt"):
        done = subprocess.run([sys.executable, __file__, "--child", mode, model], cwd=root, env=env,
                              capture_output=True, text=True, check=True)
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    rasa, ours = results["rasa"]["seconds"], results["rustpunt"]["seconds"]
    same = results["rasa"]["parses"] == results["rustpunt"]["parses"]
    print(f"model laden zoals Rasa zelf:      {rasa:6.1f} s")
    print(f"model laden via bot.rasa_server:  {ours:6.1f} s  (verhouding {ours / rasa:.2f})")
    print("zelfde herkenning van alle berichten:", "ja" if same else "NEE")
    return 0 if same else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
