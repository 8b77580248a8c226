"""``rustpunt meet controle`` and ``rustpunt meet lengte``: what happens inside the Rasa server.

- ``meet controle``: CPU time of checking one action-server response, Rasa's ``jsonschema.validate``
  against the prebuilt validator of ``bot.rasa_runtime.schema_check``, in the same run;
- ``meet lengte``: time per REST round and growth of the Rasa server's peak memory per message length
  (against a running assistant).
"""
from __future__ import annotations

import argparse
import json
import time
import urllib.error
import urllib.request
import uuid

from bot.cli_commands.meten import percentile
from bot.rasa_server import with_token


def add_commands(sub) -> None:
    """Add the two commands to the ``rustpunt meet`` subparsers."""
    check = sub.add_parser("controle", help="meet de controle van actieserver-antwoorden in Rasa (voor/na)")
    check.add_argument("--aantal", type=int, default=300, help="aantal controles (standaard 300)")
    check.set_defaults(func=run_schema_check)
    length = sub.add_parser("lengte", help="meet tijd en geheugen van Rasa per berichtlengte (start eerst 'make run')")
    length.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook", help="REST-adres van Rasa")
    length.add_argument("--pid", type=int, default=None, help="proces-id van de Rasa-server (voor het geheugen)")
    length.add_argument("--herhaal", type=int, default=3, help="aantal keer per lengte (standaard 3)")
    length.add_argument("--lengtes", default=",".join(str(n) for n in LENGTHS),
                        help="berichtlengtes in tekens, met komma's (standaard %(default)s)")
    length.set_defaults(func=run_length)


def run_schema_check(args: argparse.Namespace) -> int:
    """Rasa's jsonschema.validate per action response against the prebuilt validator (bot.rasa_runtime)."""
    if args.aantal < 10 or args.aantal > 100_000:
        print("Kies een aantal tussen 10 en 100000.")
        return 2
    from bot.rasa_runtime.schema_check import benchmark, sample_action_result

    print("Controle van een actieserver-antwoord in Rasa, CPU-tijd per antwoord:")
    print(f"  {'antwoord':<40} {'jsonschema.validate':>20} {'vooraf gebouwd':>15} {'factor':>7}")
    for label, result in (("zonder events (vraag-actie)", {"events": [], "responses": []}),
                          ("rollenspelbeurt (9 events, 2 berichten)", sample_action_result())):
        numbers = benchmark(args.aantal, result)
        print(f"  {label:<40} {numbers['voor_ms']:>17.2f} ms {numbers['na_ms']:>12.3f} ms "
              f"{numbers['factor']:>6.0f}x")
    print(f"  ({args.aantal} controles met de vooraf gebouwde validator, {max(5, args.aantal // 10)} met validate)")
    return 0


LENGTHS = (100, 500, 1000, 2000, 2001, 100_000)
LONG_SENTENCE = "Ik hoor dat u boos bent omdat de kinderen dit weekend niet bij u waren. "


def _peak_rss_mb(pid):
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_length(args: argparse.Namespace) -> int:
    """Time per REST round and growth of the Rasa server's peak memory, per message length."""
    if args.herhaal < 1 or args.herhaal > 100:
        print("Kies --herhaal tussen 1 en 100.")
        return 2
    try:
        lengths = [int(part) for part in args.lengtes.split(",") if part.strip()]
    except ValueError:
        lengths = []
    if not lengths or min(lengths) < 1 or max(lengths) > 1_000_000:
        print("Geef --lengtes als getallen tussen 1 en 1000000, met komma's, bijvoorbeeld 100,2000.")
        return 2
    print(f"{'tekens':>8}  {'p50 ms':>8}  {'max ms':>8}  {'geweigerd':>9}  {'piekgeheugen +MB':>16}")
    for length in lengths:
        text = (LONG_SENTENCE * (length // len(LONG_SENTENCE) + 1))[:length]
        times, refused = [], False
        peak_before = _peak_rss_mb(args.pid)
        for _ in range(args.herhaal):
            body = json.dumps({"sender": f"lengte-{uuid.uuid4().hex[:8]}", "message": text}).encode()
            request = urllib.request.Request(with_token(args.url), data=body,
                                             headers={"Content-Type": "application/json"})
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=300) as response:
                    answer = json.loads(response.read().decode("utf-8"))
            except (urllib.error.URLError, OSError, ValueError) as exc:
                print(f"De assistent is niet bereikbaar op {args.url} ({exc}). Start eerst 'make run'.")
                return 1
            times.append((time.perf_counter() - start) * 1000)
            refused = any("te lang" in (m.get("text") or "") for m in answer)
        peak_after = _peak_rss_mb(args.pid)
        growth = f"{peak_after - peak_before:.0f}" if peak_before is not None and peak_after is not None else "-"
        print(f"{length:>8}  {percentile(times, 0.5):>8.0f}  {max(times):>8.0f}  {'ja' if refused else 'nee':>9}  "
              f"{growth:>16}")
    return 0
