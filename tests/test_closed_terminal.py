"""A closed terminal stops 'make run' and 'make run-cluster' as Ctrl-C does (session 27).

Closing the terminal of 'make run' or 'make run-cluster' (or losing the SSH connection) hangs up the terminal: the shell
in it sends SIGHUP to the job, that is to scripts/run.sh and the supervisor, or to the process of
'python -m bot.cluster run'. Those stopped on SIGHUP at once without stopping their servers, which run in process groups
of their own: Rasa, the action server, the web page, PostgreSQL, Redis and HAProxy kept running and held their ports.
Now SIGHUP stops everything as SIGTERM does (PostgreSQL with its fast shutdown, never SIGKILL), also when a second
signal arrives while it stops and when the terminal it would write to is gone.

The tests run each start on a pseudo-terminal, close that terminal and send SIGHUP to the job, as the shell does.
"""
from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import List, Tuple

from bot import locks
from bot.cluster import config
from bot.cluster.config import free_ports
from bot.locks import Register
from bot.paths import PROJECT_ROOT
from bot.supervisor import RUN
from tests.test_leftover_servers import SERVER, _default_signals, _end, _lines, _run_env, _run_project, _wait_for


def _on_a_terminal(argv: List[str], cwd: Path, env: dict) -> Tuple[subprocess.Popen, int]:
    """``argv`` as a job of its own (process group) writing to a pseudo-terminal; the terminal's other end."""
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                                   start_new_session=True, preexec_fn=_default_signals)
    finally:
        os.close(slave)
    return process, master


def _read_until(master: int, text: str, timeout: float = 60.0) -> str:
    seen = b""
    deadline = time.monotonic() + timeout
    while text.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # the job ended and closed the terminal
                break
    assert text.encode() in seen, seen.decode(errors="replace")
    return seen.decode(errors="replace")


def _hang_up(process: subprocess.Popen, master: int) -> None:
    """What closing the terminal does: the terminal is gone (writing to it fails) and the shell in it sends SIGHUP to
    the job."""
    os.close(master)
    os.killpg(process.pid, signal.SIGHUP)


def test_closing_the_terminal_of_make_run_stops_the_supervisor_and_every_server(tmp_path):
    root = _run_project(tmp_path)
    var = root / "var"
    env = _run_env(var)
    register = Register(var / RUN.register)
    process, master = _on_a_terminal(["scripts/run.sh"], root, env)
    try:
        _read_until(master, "Rustpunt is klaar")  # the stub's servers answer at once: the register tells when they run
        assert _wait_for(lambda: [server.name for server in register.running()] == ["supervisor", "web"])
        servers = register.running()
        _hang_up(process, master)
        process.wait(timeout=60)
        assert _wait_for(lambda: not any(server.running for server in servers), timeout=30), servers
        assert register.running() == [] and not (var / "rasa_token").exists()
        assert locks.running_from(var, RUN) is None  # a new 'make run' may start at once
        supervisor_log = (var / "logs" / "supervisor.log").read_text()
        assert "SIGHUP received: stopping every component" in supervisor_log and "all components stopped" in \
            supervisor_log
    finally:
        _end(server.pid for server in register.servers())
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# 'python -m bot.cluster run' with its start replaced: PostgreSQL and a Rasa server that takes a while to stop (fakes
# that write the signal that stopped them), as Cluster.start leaves them
CLUSTER_RUN = """
import argparse, signal, sys
from pathlib import Path
from bot.cluster import __main__ as cluster_main
from bot.cluster.services import Cluster, Service
root, log, server = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
fake = [sys.executable, "-c", server]

def start(self, log_=print):
    self._spawn(Service("postgres", fake + ["postgres", log, "gewoon"], stop_signal=int(signal.SIGINT),
                        may_kill=False))
    self._spawn(Service("rasa1", fake + ["rasa1", log, "traag"]))

Cluster.start = start
sys.exit(cluster_main.run(argparse.Namespace(dir=str(root), model=str(root.parent / "models"), check=False)))
"""


def test_closing_the_terminal_of_make_run_cluster_stops_every_server_postgres_last_and_cleanly(tmp_path):
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    env = {key: value for key, value in os.environ.items() if not key.startswith("RUSTPUNT_")}
    env.update(PYTHONPATH=str(PROJECT_ROOT), RUSTPUNT_VAR_DIR=str(tmp_path / "var"))
    for (_, variable, _), port in zip(config.PUBLIC_PORTS, free_ports(3), strict=True):
        env[variable] = str(port)
    register = Register(root / config.CLUSTER.register)
    process, master = _on_a_terminal([sys.executable, "-c", CLUSTER_RUN, str(root), str(log), SERVER], PROJECT_ROOT,
                                     env)
    try:
        _read_until(master, "Rustpunt draait met meerdere servers")
        assert _wait_for(lambda: {"postgres klaar", "rasa1 klaar"} <= set(_lines(log)))
        servers = register.running()
        assert [server.name for server in servers] == ["postgres", "rasa1"]
        _hang_up(process, master)
        # a second signal while it stops (the shell's SIGHUP after the terminal's, or a SIGTERM): it goes on stopping
        assert _wait_for(lambda: "rasa1 SIGTERM" in _lines(log))
        os.killpg(process.pid, signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        # each stopped by its own handler (SIGKILL runs none): Rasa first, then PostgreSQL's fast shutdown (SIGINT)
        assert [line for line in _lines(log) if "klaar" not in line] == ["rasa1 SIGTERM", "postgres SIGINT"]
        assert not any(server.running for server in servers)
        assert register.running() == [] and locks.running_from(root.resolve(), config.CLUSTER) is None
    finally:
        _end(server.pid for server in register.servers())
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_the_supervisor_stops_its_components_on_sighup(tmp_path):
    """The supervisor on its own (``make run`` starts it in the background of scripts/run.sh, so the shell's SIGHUP
    reaches it directly)."""
    pidfile = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from bot.supervisor import Component, Supervisor
        sleeper = [sys.executable, "-c",
                   "import os, time; open({str(pidfile)!r}, 'a').write(f'{{os.getpid()}}\\\\n'); time.sleep(120)"]
        Supervisor([Component("a", sleeper), Component("b", sleeper)], Path({str(tmp_path / 'logs')!r})).run(0.1)
        print("klaar", flush=True)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, preexec_fn=_default_signals)
    try:
        assert _wait_for(lambda: pidfile.exists() and len(pidfile.read_text().split()) == 2)
        children = [int(pid) for pid in pidfile.read_text().split()]
        process.send_signal(signal.SIGHUP)
        out, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0 and "klaar" in out
    assert not any(locks.process_start(pid) for pid in children)
