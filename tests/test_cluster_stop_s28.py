"""The cluster stops group by group, each group at once (session 28: one server after another took 22-24 s).

Fake servers that take a second to stop after their signal: the web server and HAProxy first, then both Rasa servers,
then both action servers and Redis, PostgreSQL last with its own clean shutdown (SIGINT); a group gets its signal only
when every server of the group before it has stopped."""
from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import List

from bot.cluster import config
from bot.cluster.config import Ports
from bot.cluster.services import STOP_GROUPS, STOP_ORDER, Cluster, Service
from bot.locks import Register
from tests.test_leftover_servers import _end, _wait_for

SLOW = 1.0

# writes "<name> klaar" when ready, "<name> <signal>" when its stop signal arrives and "<name> weg" just before it exits
FAKE = f"""
import signal, sys, time
from pathlib import Path
name, log = sys.argv[1], Path(sys.argv[2])
def write(text):
    with log.open("a") as out:
        out.write(f"{{time.monotonic():.3f}} {{name}} {{text}}\\n")
def stop(signum, frame):
    write(signal.Signals(signum).name)
    time.sleep({SLOW})
    write("weg")
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
write("klaar")
time.sleep(600)
"""


def _events(log: Path) -> List[List[str]]:
    return [line.split(" ", 2) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_servers_of_a_group_stop_together_and_the_groups_in_order(tmp_path):
    assert STOP_ORDER[-1] == "postgres" and STOP_GROUPS[-1] == ("postgres",)
    assert sorted(STOP_ORDER) == sorted(set(STOP_ORDER)) and len(STOP_ORDER) == 8
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    cluster = Cluster(root, tmp_path / "models", Ports(*range(7201, 7211)), rasa_token="t0ken")
    for name in STOP_ORDER:
        postgres = name == "postgres"
        cluster._spawn(Service(name, [sys.executable, "-c", FAKE, name, str(log)],
                               stop_signal=int(signal.SIGINT if postgres else signal.SIGTERM), may_kill=not postgres))
    pids = [service.process.pid for service in cluster.services.values()]
    try:
        assert _wait_for(lambda: sum(1 for event in _events(log) if event[2] == "klaar") == len(STOP_ORDER))
        started = time.monotonic()
        cluster.stop()
        took = time.monotonic() - started
        # one after another: 8 x SLOW; four groups at once: about 4 x SLOW
        assert took < (len(STOP_ORDER) - 2) * SLOW, took
        assert not any(service.running for service in cluster.services.values())
        assert Register(root / config.CLUSTER.register).running() == []
        assert set(cluster.stop_seconds) == set(STOP_ORDER)
        at = {(name, what): float(when) for when, name, what in _events(log)}
        assert at[("postgres", "SIGINT")] and all(at.get((name, "SIGTERM")) for name in STOP_ORDER[:-1])
        for before, after in zip(STOP_GROUPS[:-1], STOP_GROUPS[1:], strict=True):
            gone = max(at[(name, "weg")] for name in before)
            signalled = min(at[(name, "SIGINT" if name == "postgres" else "SIGTERM")] for name in after)
            assert signalled >= gone, (before, after)
        for group in STOP_GROUPS:  # together: the signals of one group within a fraction of the time one stop takes
            signals = [at[(name, "SIGINT" if name == "postgres" else "SIGTERM")] for name in group]
            assert max(signals) - min(signals) < SLOW / 2, group
    finally:
        _end(pids)
