"""``rustpunt meet rest``: p50/p95 of REST round trips against a running assistant;
``rustpunt meet opslag``: what masking costs when a turn is stored."""
from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.error
import urllib.request
import uuid


def register(subparsers) -> None:
    parser = subparsers.add_parser("meet", help="snelheid meten van een draaiende assistent")
    sub = parser.add_subparsers(dest="meet_opdracht", metavar="opdracht", title="opdrachten")
    rest = sub.add_parser("rest", help="meet de tijd van REST-rondes (start eerst 'make run')")
    rest.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook", help="REST-adres van Rasa")
    rest.add_argument("--aantal", type=int, default=100, help="aantal berichten (standaard 100)")
    rest.set_defaults(func=run_rest)
    store = sub.add_parser("opslag", help="meet wat afschermen kost bij het opslaan van een gespreksbeurt")
    store.add_argument("--aantal", type=int, default=100, help="aantal beurten (standaard 100)")
    store.set_defaults(func=run_store)
    from bot.cli_commands.meten_rasa import add_commands  # meet controle, meet lengte (Rasa server)

    add_commands(sub)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


MESSAGES = ["hallo", "wat kun je?", "menu", "bedankt", "stop"]


def percentile(values, fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run_store(args: argparse.Namespace) -> int:
    from bot.privacy.benchmark import main

    if args.aantal < 1 or args.aantal > 5000:
        print("Kies een aantal tussen 1 en 5000.")
        return 2
    return main(args.aantal)


def run_rest(args: argparse.Namespace) -> int:
    if args.aantal < 1 or args.aantal > 10_000:
        print("Kies een aantal tussen 1 en 10000.")
        return 2
    sender = f"meting-{uuid.uuid4().hex[:8]}"
    times = []
    for i in range(args.aantal):
        body = json.dumps({"sender": sender, "message": MESSAGES[i % len(MESSAGES)]}).encode()
        request = urllib.request.Request(args.url, data=body, headers={"Content-Type": "application/json"})
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
        except (urllib.error.URLError, OSError) as exc:
            print(f"De assistent is niet bereikbaar op {args.url} ({exc}). Start eerst 'make run'.")
            return 1
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"REST-rondes: {len(times)}, p50 {percentile(times, 0.5):.0f} ms, "
        f"p95 {percentile(times, 0.95):.0f} ms, gemiddeld {statistics.mean(times):.0f} ms"
    )
    return 0
