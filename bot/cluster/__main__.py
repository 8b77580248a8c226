"""``python -m bot.cluster run|test|beheer``: start the multi-server set-up, test it under load and faults, or run a
``rustpunt`` command (``gesprekken``, ``vergeet``, ``opruimen`` ...) on the data of the running cluster."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import List

from bot.cluster import config
from bot.cluster.config import Ports
from bot.cluster.services import (
    PROJECT,
    Cluster,
    ClusterError,
    claim,
    database_reachable,
    running_from,
    stop_leftovers,
)
from bot.locks import MachineBusy, MachineLockUnreadable, machine_lock
from bot.privacy import logs
from bot.supervisor import STOP_SIGNALS, log_to


def _stop_on_signals() -> None:
    """Ctrl-C, SIGTERM and a closed terminal (SIGHUP) stop the cluster, as Ctrl-C does; the servers, in process groups
    of their own, do not get the signal. Only the first one interrupts: a second (the shell's SIGHUP after the
    terminal's, a SIGTERM, Ctrl-C twice) no longer breaks off the orderly stop, so PostgreSQL still gets its fast
    shutdown."""
    stopping: List[int] = []

    def handler(signum, frame):  # noqa: ARG001
        if stopping:
            return
        stopping.append(signum)
        raise KeyboardInterrupt

    for signum in STOP_SIGNALS:  # SIGINT also when started in the background (SIGINT ignored there)
        signal.signal(signum, handler)


def _tell(text: str, file=None) -> None:
    """A line in the terminal, when there still is one: after it was closed (SIGHUP) writing fails, and the stop must
    go on."""
    try:
        print(text, file=file or sys.stdout, flush=True)
    except OSError:
        pass


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    if args.check:
        busy = running_from(root)
        if busy:
            print(f"Fout: {busy}", file=sys.stderr)
        return 1 if busy else 0
    try:
        ports = Ports.choose()
    except ValueError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    try:
        lock = claim(root)  # first: a cluster already running from this folder keeps its files as they are
    except ClusterError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    try:
        stop_leftovers(root)  # then the servers of an earlier start whose controlling process was killed (kill -9)
        taken = config.public_port_taken(ports)
        if taken:
            raise ClusterError(taken)
    except ClusterError as exc:
        lock.close()
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    cluster = Cluster(root, Path(args.model), ports, os.environ.get("RUSTPUNT_RASA_TOKEN") or None)
    logs.rotate(cluster.layout.logs)  # the previous run's logs aside: the retention clean-up deletes them in time
    log_to(cluster.layout.logs)  # when the daily tasks started (cluster.scheduler)
    _stop_on_signals()
    try:
        cluster.start()
        chat = '{"sender": "jij", "message": "hallo"}'
        print(f"""
Rustpunt draait met meerdere servers.
  - Webpagina:          http://localhost:{ports.web}
  - Verdeler (REST):    POST http://localhost:{ports.rasa}/webhooks/rest/webhook?token=<token>  {chat}
                        (Rasa en de actieservers antwoorden alleen met het token: RUSTPUNT_RASA_TOKEN, anders
                        'rasa_token' in {cluster.layout.file("secrets.json")}; de webpagina stuurt het zelf mee)
  - Rasa-servers:       127.0.0.1:{ports.rasa1} en 127.0.0.1:{ports.rasa2}
  - Actieservers:       127.0.0.1:{ports.actions1} en 127.0.0.1:{ports.actions2} (via 127.0.0.1:{ports.actions})
  - PostgreSQL:         127.0.0.1:{ports.postgres} (gegevens in {cluster.layout.pgdata})
  - Redis:              127.0.0.1:{ports.redis}
Gesprekken zoeken en wissen (beheerder), in een tweede terminal zolang dit draait:
  .venv/bin/python -m bot.cluster beheer gesprekken --zoek <woord>    (en: beheer vergeet <gespreks-id>)
Bewaartermijn: wat ouder is, is net opgeruimd; dat gebeurt elke 24 uur opnieuw zolang dit draait
(uitkomst in {cluster.layout.logs / "opruimen.log"}).
Logboeken: {cluster.layout.logs}. Stoppen: Ctrl-C.""", flush=True)
        while True:
            cluster.run_due_tasks()
            dead = cluster.dead_services()
            if dead:
                print(f"Let op: {', '.join(dead)} is gestopt; zie {cluster.layout.logs}. "
                      "De andere servers nemen het werk over waar dat kan.", flush=True)
                for name in dead:
                    cluster.services.pop(name)
            time.sleep(2)
    except ClusterError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _tell("\nRustpunt wordt gestopt ...")
        return 0
    finally:
        cluster.stop()
        lock.close()  # only now may a new start take the folder: every server has stopped
        _tell("Gestopt.")


def _fault_test(root: Path, args: argparse.Namespace) -> int:
    """The fault test on ``root``: its lock first, then the servers of an earlier test that was killed (kill -9) are
    stopped cleanly, and only then are the files of the earlier test removed (not the lock: this run holds it)."""
    from bot.cluster.fault_test import run_fault_test

    try:
        lock = claim(root)
    except ClusterError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    try:
        stop_leftovers(root)
        for path in root.iterdir():
            if path.name == config.LOCK_FILE:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        cluster = Cluster(root, Path(args.model), Ports.choose(all_free=True))
        try:
            return run_fault_test(cluster, conversations=args.conversations, turns=args.turns)
        finally:
            stopping = time.monotonic()
            cluster.stop()
            took = ", ".join(f"{name} {seconds:.1f}" for name, seconds in cluster.stop_seconds.items())
            print(f"Cluster gestopt in {time.monotonic() - stopping:.1f} s (per server, vanaf het stopsignaal van "
                  f"zijn groep: {took}).", flush=True)
    except ClusterError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        lock.close()


def test(args: argparse.Namespace) -> int:
    """One fault test at a time on this machine (every checkout and user): two at once share the cores and then miss
    the test's time limits, and two runs from one checkout would remove each other's folder. The second one says so in
    Dutch and waits (at most ``--wait-minutes``)."""
    root = Path(args.dir).resolve()
    waited = []

    def waiting(holder: str) -> None:
        waited.append(time.monotonic())
        print(f"Er loopt al een storingstest met meerdere servers op deze machine ({holder or 'een ander proces'}). "
              "Twee tegelijk delen dezelfde processorkernen en halen dan de tijdsgrenzen van de test niet. Deze test "
              f"wacht tot die klaar is (hooguit {args.wait_minutes:g} minuten) en begint dan vanzelf.", flush=True)

    _stop_on_signals()
    try:
        with machine_lock(config.TEST_LOCK, f"proces {os.getpid()}, map {root}", wait=args.wait_minutes * 60,
                          on_wait=waiting):
            if waited:
                print(f"De andere storingstest is klaar; deze begint nu (na {time.monotonic() - waited[0]:.0f} s "
                      "wachten).", flush=True)
            return _fault_test(root, args)
    except MachineLockUnreadable as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except MachineBusy as exc:  # not a Busy of the test itself
        print(f"Fout: de andere storingstest ({exc}) is na {args.wait_minutes:g} minuten nog niet klaar. Er is niets "
              "gestart; probeer het later opnieuw.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 1


def admin(args: argparse.Namespace) -> int:
    """``rustpunt <args>`` on the data of the running cluster (its PostgreSQL databases: ``config.store_env``)."""
    path = Path(args.dir) / config.ADMIN_ENV_FILE
    env = json.loads(path.read_text()) if path.exists() else {}
    url = env.get("RUSTPUNT_TRACKER_DB_URL")
    if not url or database_reachable(url):
        print(f"Het cluster in {args.dir} draait niet (of is nog niet klaar met starten). Start het met "
              "'make run-cluster' en probeer het dan opnieuw.", file=sys.stderr)
        return 1
    os.environ.update(env)
    from bot.cli import main as rustpunt

    return rustpunt(args.command_args)


def main() -> int:
    os.umask(0o077)  # data, logs and generated configuration are private to this user
    parser = argparse.ArgumentParser(prog="python -m bot.cluster", description="Rustpunt met meerdere servers.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="alles starten (Ctrl-C stopt alles)")
    p_run.add_argument("--dir", default=str(PROJECT / "var" / "cluster"))
    p_run.add_argument("--model", default=str(PROJECT / "models"))
    p_run.add_argument("--check", action="store_true",
                       help="alleen nagaan of er al een cluster vanuit deze map draait (zo ja: melding en stoppen)")
    p_test = sub.add_parser("test", help="belastings- en storingstest")
    p_test.add_argument("--dir", default=str(PROJECT / "var" / "cluster-test"))
    p_test.add_argument("--model", default=str(PROJECT / "models"))  # the newest model, as for run
    p_test.add_argument("--conversations", type=int, default=20)
    p_test.add_argument("--turns", type=int, default=6, help="rollenspelbeurten per gesprek")
    p_test.add_argument("--wait-minutes", type=float, default=60,
                        help="zo lang wachten op een storingstest die al loopt op deze machine")
    p_admin = sub.add_parser("beheer", help="een rustpunt-opdracht op de gegevens van het draaiende cluster, "
                                            "bv. 'beheer gesprekken --zoek <woord>' of 'beheer vergeet <gespreks-id>'")
    p_admin.add_argument("--dir", default=str(PROJECT / "var" / "cluster"))
    p_admin.add_argument("command_args", nargs=argparse.REMAINDER, metavar="opdracht")
    args = parser.parse_args()
    return {"run": run, "test": test, "beheer": admin}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
