"""``rustpunt meet``: speed measurements of a running assistant (benchmarks print numbers, no asserts).

- ``meet rest``: p50/p95 of REST round trips, one conversation.
- ``meet last``: N concurrent role-play sessions (8 turns each) through REST, and the same load
  against a bare ``rasa init`` bot started in the same run (trained once, cached under
  ``var/bench/kaal``), so the ratio stays meaningful on a busy machine.
- ``meet soak``: 20 concurrent conversations for a while, mixing normal turns with bad input
  (long, empty, binary-looking, other languages, injection strings): errors, p95 per turn and
  the resident memory of each server at the start, after warm-up and at the end.
- ``meet opslag``: what masking costs when a turn is stored.
- ``meet controle`` / ``meet lengte``: Rasa-server measurements (bot/cli_commands/meten_rasa.py).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from bot.rasa_server import with_token


def _default_rasa() -> str:
    return f"http://localhost:{os.environ.get('RUSTPUNT_RASA_PORT', '5005')}"


def register(subparsers) -> None:
    parser = subparsers.add_parser("meet", help="snelheid meten van een draaiende assistent")
    sub = parser.add_subparsers(dest="meet_opdracht", metavar="opdracht", title="opdrachten")
    rest = sub.add_parser("rest", help="meet de tijd van REST-rondes (start eerst 'make run')")
    rest.add_argument("--url", default=f"{_default_rasa()}/webhooks/rest/webhook", help="REST-adres van Rasa")
    rest.add_argument("--aantal", type=int, default=100, help="aantal berichten (standaard 100)")
    rest.set_defaults(func=run_rest)
    store = sub.add_parser("opslag", help="meet wat afschermen kost bij het opslaan van een gespreksbeurt")
    store.add_argument("--aantal", type=int, default=100, help="aantal beurten (standaard 100)")
    store.set_defaults(func=run_store)
    from bot.cli_commands.meten_rasa import add_commands  # meet controle, meet lengte (Rasa server)

    add_commands(sub)

    load = sub.add_parser("last", help="N gelijktijdige rollenspellen, en dezelfde last op een kale Rasa-bot")
    load.add_argument("--rasa", default=_default_rasa(), help="adres van de draaiende Rasa-server van Rustpunt")
    load.add_argument("--aantal", type=int, default=20, help="aantal gelijktijdige sessies (standaard 20)")
    load.add_argument("--beurten", type=int, default=8, help="beurten per rollenspel (standaard 8)")
    load.add_argument("--rondes", type=int, default=1,
                      help="aantal rondes om en om (Rustpunt, kale bot); de mediaan van de verhoudingen telt")
    load.add_argument("--zonder-referentie", action="store_true", help="meet alleen Rustpunt, niet de kale bot")
    load.set_defaults(func=run_load)

    soak = sub.add_parser("soak", help="duurtest: gelijktijdige gesprekken met normale en foute invoer")
    soak.add_argument("--rasa", default=_default_rasa(), help="adres van de draaiende Rasa-server van Rustpunt")
    soak.add_argument("--minuten", type=float, default=10.0, help="duur in minuten (standaard 10)")
    soak.add_argument("--aantal", type=int, default=20, help="aantal gelijktijdige gesprekken (standaard 20)")
    soak.add_argument("--poorten", default=None,
                      help="poorten van de servers om het geheugen te meten, bijvoorbeeld "
                           "'rasa=5005,acties=5055,web=8080' (standaard uit RUSTPUNT_*_PORT)")
    soak.set_defaults(func=run_soak)
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


def send(url: str, sender: str, message: str, timeout: float = 60.0) -> List[dict]:
    """One REST round trip; the bot's messages (raises on HTTP or network errors)."""
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = urllib.request.Request(with_token(url), data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"[]")


def run_rest(args: argparse.Namespace) -> int:
    if args.aantal < 1 or args.aantal > 10_000:
        print("Kies een aantal tussen 1 en 10000.")
        return 2
    sender = f"meting-{uuid.uuid4().hex[:8]}"
    times = []
    for i in range(args.aantal):
        start = time.perf_counter()
        try:
            send(args.url, sender, MESSAGES[i % len(MESSAGES)], timeout=30)
        except (urllib.error.URLError, OSError) as exc:
            print(f"De assistent is niet bereikbaar op {args.url} ({exc}). Start eerst 'make run'.")
            return 1
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"REST-rondes: {len(times)}, p50 {percentile(times, 0.5):.0f} ms, "
        f"p95 {percentile(times, 0.95):.0f} ms, gemiddeld {statistics.mean(times):.0f} ms"
    )
    return 0


# -- concurrent load ---------------------------------------------------------------------------
@dataclass
class LoadResult:
    name: str
    times: List[float] = field(default_factory=list)  # ms per measured turn
    errors: List[str] = field(default_factory=list)
    no_reply: int = 0
    seconds: float = 0.0

    def add(self, other: "LoadResult") -> None:
        self.times += other.times
        self.errors += other.errors
        self.no_reply += other.no_reply

    def line(self) -> str:
        if not self.times:
            return f"{self.name}: geen enkele beurt gelukt; fouten: {len(self.errors)}"
        rate = len(self.times) / self.seconds if self.seconds else 0.0
        return (f"{self.name}: {len(self.times)} beurten, p50 {percentile(self.times, 0.5):.0f} ms, "
                f"p95 {percentile(self.times, 0.95):.0f} ms, {rate:.1f} beurten/s, "
                f"fouten {len(self.errors)}, zonder antwoord {self.no_reply}")


# A conversation: (setup messages, not timed) + (turns, timed).
Script = Callable[[int], tuple]


def run_concurrent(name: str, url: str, sessions: int, script: Script) -> LoadResult:
    """``sessions`` conversations at the same time, each sending its script one message at a time."""
    total = LoadResult(name)
    barrier = threading.Barrier(sessions + 1)
    lock = threading.Lock()

    def conversation(index: int) -> None:
        own = LoadResult(name)
        sender = f"meting-{uuid.uuid4().hex[:10]}"
        setup, turns = script(index)
        barrier.wait()
        for message, timed in [(m, False) for m in setup] + [(m, True) for m in turns]:
            start = time.perf_counter()
            try:
                replies = send(url, sender, message)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                own.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            if timed:
                own.times.append((time.perf_counter() - start) * 1000)
            if not replies:
                own.no_reply += 1
        with lock:
            total.add(own)

    threads = [threading.Thread(target=conversation, args=(i,), daemon=True) for i in range(sessions)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    total.seconds = time.perf_counter() - start
    return total


def roleplay_script(turns: int) -> Script:
    from bot.roleplay import catalog

    scenarios = catalog.scenarios()
    neutral = ["Kunt u daar wat meer over vertellen?", "Ik hoor dat het u veel doet.",
               "Wat zou u het liefst willen?", "Hoe gaat het nu met de kinderen?"]

    def script(index: int) -> tuple:
        number = index % len(scenarios)
        scenario = scenarios[number]
        path = [p.tekst for p in scenario.oefenpad[:2]] + neutral
        return (["ik wil oefenen", str(number + 1)], [path[i % len(path)] for i in range(turns)])

    return script


BARE_TURNS = ["hello", "I am sad", "yes", "great, thanks", "are you a bot?", "hi", "no", "goodbye"]


def bare_script(turns: int) -> Script:
    return lambda index: ([], [BARE_TURNS[(index + i) % len(BARE_TURNS)] for i in range(turns)])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _reachable_webhook(rasa: str) -> Optional[str]:
    """Rasa's REST webhook under ``rasa`` when the server answers; else a Dutch message and None."""
    if not _up(rasa.rstrip("/") + "/"):
        print(f"Rustpunt is niet bereikbaar op {rasa}. Start eerst 'make run'.")
        return None
    return rasa.rstrip("/") + "/webhooks/rest/webhook"


def bare_bot_dir() -> Path:
    from bot.paths import var_dir

    return var_dir() / "bench" / "kaal"


def ensure_bare_bot() -> Optional[Path]:
    """A ``rasa init`` bot under var/bench/kaal, trained once (cached); None when that failed."""
    folder = bare_bot_dir()
    if list((folder / "models").glob("*.tar.gz")):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    print("Kale Rasa-bot maken en trainen onder var/bench/kaal (eenmalig, enkele minuten) ...", flush=True)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    with open(folder.parent / "kaal-init.log", "wb") as output:
        subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(folder)],
                       cwd=folder, env=env, stdout=output, stderr=subprocess.STDOUT, check=False)
    return folder if list((folder / "models").glob("*.tar.gz")) else None


class BareBot:
    """The reference bot, started on a free port for the duration of a measurement."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.popen: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "BareBot":
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
        env.pop("RUSTPUNT_RASA_TOKEN", None)
        log = open(self.folder.parent / "kaal-server.log", "wb")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "bot.rasa_server", "run", "-m", "models", "-i", "127.0.0.1",
             "--port", str(self.port)],
            cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and self.popen.poll() is None:
            if _up(self.url + "/"):
                try:  # the first message pays for loading; not part of the measurement
                    send(self.url + "/webhooks/rest/webhook", "opwarmen", "hello")
                except (urllib.error.URLError, OSError, ValueError):
                    pass
                return self
            time.sleep(1)
        self.__exit__()
        raise RuntimeError("de kale Rasa-bot startte niet; zie var/bench/kaal-server.log")

    def __exit__(self, *exc) -> None:
        if self.popen and self.popen.poll() is None:
            import signal

            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)


def run_load(args: argparse.Namespace) -> int:
    if not 1 <= args.aantal <= 200 or not 1 <= args.beurten <= 50 or not 1 <= args.rondes <= 20:
        print("Kies 1 tot 200 sessies, 1 tot 50 beurten en 1 tot 20 rondes.")
        return 2
    rest = _reachable_webhook(args.rasa)
    if rest is None:
        return 1
    print(f"{args.aantal} gelijktijdige rollenspellen van {args.beurten} beurten ...", flush=True)
    if args.zonder_referentie:
        ours = run_concurrent("Rustpunt (rollenspel)", rest, args.aantal, roleplay_script(args.beurten))
        print(ours.line())
        return 0 if not ours.errors else 1
    folder = ensure_bare_bot()
    if folder is None:
        print("De kale Rasa-bot kon niet worden gemaakt; zie var/bench/kaal-init.log.")
        return 1
    errors = 0
    ratios = []
    try:
        with BareBot(folder) as bare:
            for round_nr in range(1, args.rondes + 1):
                label = f" (ronde {round_nr})" if args.rondes > 1 else ""
                ours = run_concurrent(f"Rustpunt, rollenspel{label}", rest, args.aantal,
                                      roleplay_script(args.beurten))
                print(ours.line(), flush=True)
                for message in sorted(set(ours.errors))[:3]:
                    print(f"  fout: {message}")
                reference = run_concurrent(f"kale 'rasa init'-bot{label}", bare.url + "/webhooks/rest/webhook",
                                           args.aantal, bare_script(args.beurten))
                print(reference.line(), flush=True)
                errors += len(ours.errors)
                if ours.times and reference.times:
                    ratios.append(percentile(ours.times, 0.95) / max(percentile(reference.times, 0.95), 1e-9))
    except RuntimeError as exc:
        print(f"Meting van de kale bot mislukt: {exc}.")
        return 1
    if ratios:
        shown = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"Verhouding p95 Rustpunt / kale bot: {statistics.median(ratios):.2f}"
              + (f" (mediaan van {shown})" if len(ratios) > 1 else "") + " (doel: hoogstens 1,5)")
    return 0 if not errors else 1


# -- soak --------------------------------------------------------------------------------------
def bad_inputs(rng: random.Random) -> List[str]:
    binary = "".join(chr(rng.randrange(0, 0x2FF)) for _ in range(200))
    return [
        "",
        "   \n\t  ",
        "x" * 5000,
        ("Dit is een heel lang verhaal over de situatie thuis. " * 100)[:4000],
        binary,
        "\x00\x01\x02\x1b[31m\x7f",
        "Hello, could you help me with my divorce case?",
        "Bonjour, je voudrais parler à quelqu'un.",
        "你好，我需要帮助",
        "مرحبا، أحتاج إلى مساعدة",
        "'; DROP TABLE events; --",
        "<script>alert('x')</script>",
        "{{7*7}} ${jndi:ldap://x}",
        "../../../../etc/passwd",
        "/restart",
        "/stop",
        "😀😀😀🙈",
    ]


NORMAL = ["hallo", "wat kun je?", "menu", "ik wil oefenen", "1", "Ik hoor dat u boos bent.",
          "Wat zou u het liefst willen?", "hint", "stop rollenspel", "bedankt"]


def server_memory(port: int) -> Optional[int]:
    """Resident memory (bytes) of every process holding the listening socket on ``port``."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    if not inodes:
        return None
    wanted = {f"socket:[{inode}]" for inode in inodes}
    total = 0
    found = False
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            holds = any(os.readlink(fd) in wanted for fd in (proc / "fd").iterdir())
            if holds:
                for line in (proc / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        found = True
        except OSError:
            continue
    return total if found else None


def _ports(spec: Optional[str], rasa_url: str) -> Dict[str, int]:
    if spec:
        ports = {}
        for part in spec.split(","):
            name, _, number = part.partition("=")
            if number.strip().isdigit():
                ports[name.strip()] = int(number)
        return ports
    rasa_port = int(rasa_url.rstrip("/").rsplit(":", 1)[1]) if rasa_url.rsplit(":", 1)[-1].isdigit() else 5005
    return {"rasa": rasa_port,
            "acties": int(os.environ.get("RUSTPUNT_ACTIONS_PORT", "5055")),
            "web": int(os.environ.get("RUSTPUNT_WEB_PORT", "8080"))}


def _memory_line(label: str, ports: Dict[str, int]) -> Dict[str, Optional[int]]:
    values = {name: server_memory(port) for name, port in ports.items()}
    shown = ", ".join(f"{name} {value / 2**20:.0f} MB" if value else f"{name} -" for name, value in values.items())
    print(f"Geheugen (RSS) {label}: {shown}", flush=True)
    return values


def run_soak(args: argparse.Namespace) -> int:
    if not 0 < args.minuten <= 24 * 60 or not 1 <= args.aantal <= 200:
        print("Kies 1 tot 200 gesprekken en een duur tot 24 uur.")
        return 2
    rest = _reachable_webhook(args.rasa)
    if rest is None:
        return 1
    ports = _ports(args.poorten, args.rasa)
    start_memory = _memory_line("bij de start", ports)
    seconds = args.minuten * 60
    warmup = min(60.0, seconds / 10)
    deadline = time.monotonic() + seconds
    normal = LoadResult("normale beurten")
    bad = LoadResult("foute invoer")
    lock = threading.Lock()

    def worker(index: int) -> None:
        rng = random.Random(index)
        sender = f"soak-{uuid.uuid4().hex[:10]}"
        while time.monotonic() < deadline:
            is_bad = rng.random() < 0.3
            message = rng.choice(bad_inputs(rng)) if is_bad else rng.choice(NORMAL)
            began = time.perf_counter()
            try:
                replies = send(rest, sender, message)
                error = None
            except (urllib.error.URLError, OSError, ValueError) as exc:
                replies, error = [], f"{type(exc).__name__}: {exc}"
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                target = bad if is_bad else normal
                if error:
                    target.errors.append(error)
                else:
                    target.times.append(elapsed)
                    if not replies:
                        target.no_reply += 1
            if rng.random() < 0.05:  # now and then a new conversation
                sender = f"soak-{uuid.uuid4().hex[:10]}"

    print(f"{args.aantal} gelijktijdige gesprekken gedurende {args.minuten:g} minuten ...", flush=True)
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.aantal)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(warmup)
    warm_memory = _memory_line(f"na {warmup:.0f} s opwarmen", ports)
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    normal.seconds = bad.seconds = elapsed
    end_memory = _memory_line("aan het eind", ports)
    print(normal.line())
    print(bad.line())
    for message in sorted(set(normal.errors + bad.errors))[:5]:
        print(f"  fout: {message}")
    for name in ports:
        base, end = warm_memory.get(name) or start_memory.get(name), end_memory.get(name)
        if base and end:
            print(f"Groei {name} na opwarmen: {100 * (end - base) / base:+.1f}% (doel: hoogstens +10%)")
    return 0 if not (normal.errors or bad.errors) else 1
