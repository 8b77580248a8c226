"""One cluster per folder and one clean-up at a time (bot/locks.py).

A second 'make run-cluster' on the folder of a running cluster wrote new ports into beheer.json, endpoints.yml and
haproxy.cfg before PostgreSQL refused, so 'python -m bot.cluster beheer ...' and a later restart used the wrong ports.
The cluster's daily clean-up and an administrator's 'beheer opruimen' could run at the same moment and both remove (and
report) the same rows. The clean-up tests use the test database: SQLite (a lock file next to it) by default,
PostgreSQL (an advisory lock) under 'make test-postgres'.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Dict, Tuple

import pytest

from bot.cli import main as rustpunt
from bot.cluster import __main__ as cluster_main
from bot.cluster import config
from bot.cluster.__main__ import run
from bot.cluster.config import Ports
from bot.cluster.services import Cluster, claim, running_from
from bot.paths import PROJECT_ROOT
from bot.privacy import retention, tracker_db
from bot.records import add_record, list_records
from tests.test_privacy import _age

HOLD_CLUSTER = """
import sys, time
from pathlib import Path
from bot.cluster.services import claim
held = claim(Path(sys.argv[1]))
print("vast", flush=True)
time.sleep(600)
"""

HOLD_CLEANUP = """
import sys, time
from bot.locks import only_one
with only_one("opruimen", sys.argv[1]):
    print("vast", flush=True)
    time.sleep(600)
"""


def _holder(code: str, argument: str) -> subprocess.Popen:
    """Another process that takes a lock and keeps it until it is killed."""
    process = subprocess.Popen([sys.executable, "-c", code, argument], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "vast"
    return process


def _crash(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)  # no clean-up of its own: as a crash
    process.wait(timeout=30)


def _files(root: Path) -> Dict[str, Tuple[bytes, int]]:
    return {str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file()}


def _args(root: Path, check: bool = False) -> argparse.Namespace:
    return argparse.Namespace(dir=str(root), model=str(root.parent / "models"), check=check)


def _ports() -> Ports:
    return Ports(web=8081, rasa=5006, actions=5056, postgres=6001, redis=6002, rasa1=6003, rasa2=6004,
                 actions1=6005, actions2=6006, stats=6007)


def test_a_second_start_on_the_folder_of_a_running_cluster_stops_in_dutch_and_changes_no_file(
        tmp_path, monkeypatch, capsys):
    root = tmp_path / "cluster"
    first = _holder(HOLD_CLUSTER, str(root))  # the process of the running 'python -m bot.cluster run'
    try:
        Cluster(root, tmp_path / "models", _ports(), rasa_token="t0ken").write_configs()  # its files and ports
        before = _files(root)
        assert {config.ADMIN_ENV_FILE, "endpoints.yml", "haproxy.cfg", config.LOCK_FILE} <= set(before)
        started = []
        monkeypatch.setattr(Cluster, "start", lambda self, log=print: started.append(self))

        assert run(_args(root)) == 1
        err = capsys.readouterr().err
        assert f"Er draait al een cluster vanuit {root} (proces {first.pid})" in err
        assert "niets veranderd" in err and "Ctrl-C" in err and f"kill {first.pid}" in err
        assert started == [] and _files(root) == before
        # scripts/run_cluster.sh asks first, before it installs or trains anything
        assert run(_args(root, check=True)) == 1
        assert f"Er draait al een cluster vanuit {root}" in capsys.readouterr().err
        assert _files(root) == before
    finally:
        _crash(first)


def test_the_lock_of_a_cluster_that_crashed_does_not_block_a_new_start(tmp_path, capsys):
    root = tmp_path / "cluster"
    crashed = _holder(HOLD_CLUSTER, str(root))
    _crash(crashed)
    assert (root / config.LOCK_FILE).read_text().strip() == str(crashed.pid)  # left behind
    assert running_from(root) is None
    assert run(_args(root, check=True)) == 0 and capsys.readouterr().err == ""
    held = claim(root)
    try:
        assert (root / config.LOCK_FILE).read_text().strip() == str(os.getpid())
    finally:
        held.close()


def test_the_check_makes_no_folder_and_the_running_cluster_holds_the_lock_until_every_server_stopped(
        tmp_path, monkeypatch):
    root = tmp_path / "cluster"
    assert run(_args(root, check=True)) == 0 and not root.exists()
    seen = {}

    def start(self, log=print):
        seen["while running"] = running_from(root)
        raise KeyboardInterrupt  # Ctrl-C

    def stop(self):
        seen["while stopping"] = running_from(root)

    monkeypatch.setattr(Cluster, "start", start)
    monkeypatch.setattr(Cluster, "stop", stop)
    for name in ("log_to", "_stop_on_signals"):  # not in the test process
        monkeypatch.setattr(cluster_main, name, lambda *args: None)
    for (_, variable, _), port in zip(config.PUBLIC_PORTS, config.free_ports(3), strict=True):
        monkeypatch.setenv(variable, str(port))  # free now: this machine may run a 'make run' on the usual ones
    assert run(_args(root)) == 0
    assert "Er draait al een cluster" in seen["while running"] and "Er draait al een cluster" in seen["while stopping"]
    assert running_from(root) is None


def _old_plans(count: int) -> list:
    plans = [add_record("gespreksplan", {"x": number}) for number in range(count)]
    for plan in plans:
        _age(plan, 200)
    return plans


def test_two_cleanups_at_the_same_moment_run_one_after_the_other(tracker_url, monkeypatch):
    _old_plans(3)
    inside, most, guard = [0], [0], threading.Lock()
    original = tracker_db.conversations_idle_since

    def slow_start(*args, **kwargs):  # the first step of a clean-up, made slow enough to overlap
        with guard:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.5)
        try:
            return original(*args, **kwargs)
        finally:
            with guard:
                inside[0] -= 1

    monkeypatch.setattr(tracker_db, "conversations_idle_since", slow_start)
    results, waited = [], []

    def clean() -> None:
        results.append(retention.cleanup(on_wait=lambda: waited.append(1)))

    threads = [threading.Thread(target=clean) for _ in range(2)]  # the daily one and an administrator's
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert most[0] == 1 and len(waited) == 1
    assert sorted(results, key=len) == [{}, {"gespreksplan": 3}]  # the second found nothing left
    assert list_records("gespreksplan") == []


def test_a_cleanup_still_running_elsewhere_is_named_in_dutch_and_a_crashed_one_does_not_block(
        tracker_url, monkeypatch, capsys):
    plans = _old_plans(2)
    monkeypatch.setattr(retention, "WAIT_MINUTES", 0.02)
    other = _holder(HOLD_CLEANUP, os.environ["RUSTPUNT_DATABASE_URL"])  # e.g. the cluster's daily clean-up
    try:
        assert rustpunt(["opruimen"]) == 1
        out = capsys.readouterr().out
        assert "Er loopt al een opruiming (de dagelijkse of die van een beheerder); ik wacht" in out
        assert "nog niet klaar. Er is nu niets opgeruimd; probeer het later opnieuw." in out
        assert sorted(row.pk for row in list_records("gespreksplan")) == sorted(plans)
    finally:
        _crash(other)
    assert rustpunt(["opruimen"]) == 0
    out = capsys.readouterr().out
    assert "Opgeruimd: 2 gespreksplannen" in out and "Er loopt al" not in out
    assert list_records("gespreksplan") == []


@pytest.mark.skipif(not os.environ.get("RUSTPUNT_TEST_DATABASE_URL", "").startswith("postgresql"),
                    reason="PostgreSQL only (make test-postgres)")
def test_on_postgresql_the_cleanup_lock_is_an_advisory_lock_and_no_file():
    from sqlalchemy import text

    from bot.db import get_engine
    from bot.locks import only_one

    url = os.environ["RUSTPUNT_DATABASE_URL"]
    with only_one("opruimen", url):
        with get_engine(url).connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")).scalar()
        assert held == 1
    with get_engine(url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).scalar() == 0
