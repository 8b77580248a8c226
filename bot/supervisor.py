"""Keep Rustpunt's servers running on one machine (``make run``).

Starts each component (action server, Rasa, web page) in its own process group with its output
appended to ``var/logs/<name>.log``. When one stops unexpectedly it is started again after a
back-off (1 s, 2 s, 4 s ... at most 60 s; back to 1 s once it ran for a minute), with a line in
``var/logs/supervisor.log`` and a Dutch line in the terminal. Ctrl-C (SIGINT), SIGTERM or SIGHUP (the terminal was
closed) stops every component: SIGTERM to its process group, SIGKILL after a grace period.

Besides the servers it runs a few tasks on a schedule (:class:`Task`): ``rustpunt opruimen`` once a day, so the
retention periods hold while Rustpunt keeps running (``scripts/run.sh`` runs it once before the start), with its
output in ``var/logs/opruimen.log``. The multi-server set-up (``bot/cluster``) runs the same tasks with a supervisor
without components (:func:`standard_tasks` with the cluster's databases).

``python -m bot.supervisor`` starts the standard three components; ports come from
RUSTPUNT_ACTIONS_PORT, RUSTPUNT_RASA_PORT and RUSTPUNT_WEB_PORT (see ``scripts/run.sh``).

One 'make run' per data folder (:data:`RUN`, the same lock and wording as the cluster's, ``bot.locks``):
``scripts/run.sh`` opens ``var/run.lock`` and ``python -m bot.supervisor --claim <fd> --pid <its pid>`` locks it before
anything in ``var/`` changes. The supervisor and each component it starts are written in ``var/run.servers.json``, so a
start after a ``kill -9`` of run.sh (or of the supervisor) stops what that start left running, cleanly, first.
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional

from bot import locks
from bot.locks import Controller, Register
from bot.paths import var_dir
from bot.privacy import logs

log = logging.getLogger("rustpunt.supervisor")

DUTCH_NAMES = {"actions": "de actieserver", "rasa": "de Rasa-server", "web": "de webserver"}

# 'make run' on a data folder: the lock of scripts/run.sh and the servers its supervisor started (bot.locks)
RUN = Controller(
    lock="run.lock", register="run.servers.json", what="Rustpunt ('make run')", it="het",
    while_running="Zolang het draait, kun je ermee praten op de webpagina of met 'make shell' in een tweede terminal.",
    command="make run", others="'make run' vanuit een andere map, 'make shell' of 'make run-cluster'")
# the ports of 'make run': the variable that changes each, its default and what listens there (Dutch)
RUN_PORTS = (("RUSTPUNT_WEB_PORT", 8080, "de webpagina"), ("RUSTPUNT_RASA_PORT", 5005, "de Rasa-server"),
             ("RUSTPUNT_ACTIONS_PORT", 5055, "de actieserver"))
# the supervisor first: it stops its own components as on Ctrl-C
RUN_STOP_ORDER = ("supervisor", "web", "rasa", "actions")
# what stops a supervisor (and the cluster's controlling process) with everything it started: Ctrl-C, SIGTERM and a
# closed terminal (SIGHUP)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass
class Component:
    name: str
    args: List[str]
    env: Dict[str, str] = field(default_factory=dict)  # added to the supervisor's environment
    popen: Optional[subprocess.Popen] = None
    started_at: float = 0.0
    failures: int = 0  # stops in a row without a stable run in between
    restart_at: Optional[float] = None
    restarts: int = 0


@dataclass
class Task:
    """A command run every ``every`` seconds (first after ``every``): never two at once, stopped with the rest."""

    name: str
    args: List[str]
    every: float
    env: Dict[str, str] = field(default_factory=dict)  # added to the supervisor's environment
    next_at: Optional[float] = None
    popen: Optional[subprocess.Popen] = None
    runs: int = 0


DAY = 24 * 60 * 60


class Supervisor:
    def __init__(
        self,
        components: List[Component],
        log_dir: Path,
        min_backoff: float = 1.0,
        max_backoff: float = 60.0,
        stable_after: float = 60.0,
        grace: float = 20.0,
        clock: Callable[[], float] = time.monotonic,
        say: Callable[[str], None] = lambda text: print(text, flush=True),
        tasks: Optional[List[Task]] = None,
        register: Optional[Register] = None,
    ):
        self.components = components
        self.register = register  # each component started, for a start after a kill -9 of this process
        self.tasks = list(tasks or [])
        self.log_dir = Path(log_dir)
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.stable_after = stable_after
        self.grace = grace
        self.clock = clock
        self.say = say
        self.stopping = False

    # -- one component ----------------------------------------------------------------------------
    def _spawn(self, component: Component) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / f"{component.name}.log", "ab") as output:
            component.popen = subprocess.Popen(
                component.args, env={**os.environ, **component.env}, stdout=output, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,  # Ctrl-C reaches the supervisor only
            )
        component.started_at = self.clock()
        component.restart_at = None
        if self.register is not None:
            self.register.add(component.name, component.popen.pid)
        log.info("%s started (pid %d)", component.name, component.popen.pid)

    def backoff(self, failures: int) -> float:
        return min(self.max_backoff, self.min_backoff * 2 ** max(0, failures - 1))

    def start(self) -> None:
        for component in self.components:
            self._spawn(component)
        for task in self.tasks:
            task.next_at = self.clock() + task.every

    def _run_due_tasks(self, now: float) -> None:
        for task in self.tasks:
            if task.next_at is None or now < task.next_at:
                continue
            task.next_at = now + task.every
            if task.popen is not None and task.popen.poll() is None:
                log.warning("%s still running; skipped this time", task.name)
                continue
            self.log_dir.mkdir(parents=True, exist_ok=True)
            with open(self.log_dir / f"{task.name}.log", "ab") as output:
                task.popen = subprocess.Popen(task.args, env={**os.environ, **task.env}, stdout=output,
                                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                              start_new_session=True)
            task.runs += 1
            log.info("%s started (pid %d)", task.name, task.popen.pid)

    def poll(self) -> None:
        """Notice stopped components and restart those whose back-off has passed."""
        if self.stopping:
            return
        now = self.clock()
        self._run_due_tasks(now)
        for component in self.components:
            if component.restart_at is not None:
                if now >= component.restart_at:
                    component.restarts += 1
                    self._spawn(component)
                continue
            code = component.popen.poll() if component.popen else None
            if code is None:
                continue
            ran = now - component.started_at
            component.failures = 1 if ran >= self.stable_after else component.failures + 1
            delay = self.backoff(component.failures)
            component.restart_at = now + delay
            log.warning("%s stopped (exit %s) after %.0f s; restart in %.0f s (attempt %d)",
                        component.name, code, ran, delay, component.failures)
            self.say(f"Let op: {DUTCH_NAMES.get(component.name, component.name)} is gestopt (code {code}); "
                     f"over {delay:.0f} s start ik hem opnieuw. Zie var/logs/{component.name}.log.")

    def stop(self) -> None:
        """Stop every component: SIGTERM to its process group, SIGKILL after ``grace`` seconds."""
        self.stopping = True
        running = [popen for popen in [*(c.popen for c in self.components), *(t.popen for t in self.tasks)]
                   if popen is not None and popen.poll() is None]
        for popen in running:
            _signal_group(popen, signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        for popen in running:
            try:
                popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(popen, signal.SIGKILL)
                popen.wait(timeout=10)
        if self.register is not None:
            for component in self.components:
                self.register.remove(component.name)
        log.info("all components stopped")

    def run(self, interval: float = 0.5) -> None:
        """Start, watch until SIGINT/SIGTERM/SIGHUP, then stop everything."""

        received: List[int] = []

        def request_stop(signum, _frame):
            received.append(signum)  # logged by the loop, not here (a log line may be half written when it comes)
            self.stopping = True

        # SIGHUP: the terminal of 'make run' was closed; the components, in process groups of their own, do not get it
        for signum in STOP_SIGNALS:
            signal.signal(signum, request_stop)
        self.start()
        try:
            while not self.stopping:
                self.poll()
                time.sleep(interval)
        finally:
            if received:  # why it stopped: SIGHUP is a closed terminal
                log.info("%s received: stopping every component", signal.Signals(received[0]).name)
            self.stop()


def _signal_group(popen: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(popen.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def run_ports(env: Optional[Mapping[str, str]] = None) -> Dict[str, int]:
    """The ports of 'make run' by variable (:data:`RUN_PORTS`): the environment's, else the defaults; a Dutch
    :class:`ValueError` for one that is no port number."""
    env = os.environ if env is None else env
    return {variable: locks.read_port(env, variable, default) for variable, default, _ in RUN_PORTS}


def standard_components(python: str = sys.executable) -> List[Component]:
    """Action server, Rasa and the web page, as ``scripts/run.sh`` configures them."""

    ports = {variable: str(port) for variable, port in run_ports().items()}
    actions_port, rasa_port = ports["RUSTPUNT_ACTIONS_PORT"], ports["RUSTPUNT_RASA_PORT"]
    web_port = ports["RUSTPUNT_WEB_PORT"]
    endpoints = os.environ.get("RUSTPUNT_ENDPOINTS", "endpoints.yml")
    components = [
        Component("actions", [python, "-m", "bot.action_server", "--actions", "actions", "--port", actions_port],
                  env={"SANIC_HOST": "127.0.0.1"}),
        Component("rasa", [python, "-m", "bot.rasa_server", "run", "--enable-api", "-i", "127.0.0.1",
                           "--port", rasa_port,
                           "--credentials", "credentials.yml", "--endpoints", endpoints,
                           "-m", os.environ.get("RUSTPUNT_MODEL", "models")]),
    ]
    components.append(Component("web", [python, "-m", "bot.web"], env={
        "RUSTPUNT_RASA_URL": f"http://127.0.0.1:{rasa_port}", "RUSTPUNT_WEB_PORT": web_port}))
    return components


def standard_tasks(python: str = sys.executable, env: Optional[Dict[str, str]] = None) -> List[Task]:
    """Retention once a day (``rustpunt opruimen``; docs/privacy.md); ``env`` names the databases when they are not
    the ones of ``make run`` (the cluster's ``store_env``)."""
    return [Task("opruimen", [python, "-m", "bot.cli", "opruimen"], every=DAY, env=dict(env or {}))]


def log_to(log_dir: Path) -> None:
    """Write the supervisor's lines (started, stopped, skipped) to ``log_dir/supervisor.log``."""
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_dir / "supervisor.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def claim_run(fd: int, pid: int, say: Callable[[str], None] = print) -> int:
    """``--claim``: lock the data folder for the 'make run' of process ``pid`` (scripts/run.sh, which opened
    ``var/run.lock`` as ``fd`` and keeps it open), then stop what a start killed with ``kill -9`` left running, then
    check that no other program listens on a port of 'make run' (:data:`RUN_PORTS`; the check of 'make run-cluster',
    ``bot.locks.port_taken``). 1 with the Dutch message when another 'make run' holds the folder, a leftover server does
    not stop or a port is in use or no port number: before anything is installed, trained or started."""
    folder = var_dir()
    try:
        locks.claim(folder, RUN, fd=fd, pid=pid)
        locks.stop_leftovers(folder, RUN, order=RUN_STOP_ORDER, say=say)
        ports = run_ports()
        taken = locks.port_taken(RUN, [(ports[variable], variable, what) for variable, _, what in RUN_PORTS])
        if taken:
            raise ValueError(taken)
    except (locks.FolderInUse, ValueError) as exc:
        print(f"Fout: {exc}", file=sys.stderr, flush=True)
        return 1
    return 0


def supervise(components: List[Component], tasks: Optional[List[Task]] = None) -> None:
    """Run ``components`` under a supervisor until Ctrl-C or SIGTERM, with the supervisor and every component in the
    register of the data folder (:data:`RUN`) while they run."""
    folder = var_dir()
    logs.rotate(folder / "logs")  # the previous run's logs aside: the retention clean-up deletes them in time
    log_to(folder / "logs")
    register = Register(folder / RUN.register)
    register.add("supervisor", os.getpid(), group=False)  # its components are in their own process groups
    try:
        Supervisor(components, folder / "logs", tasks=tasks, register=register).run()
    finally:
        register.remove("supervisor")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.supervisor", description="Rustpunt starten en bewaken.")
    parser.add_argument("--claim", type=int, metavar="FD",
                        help="alleen de datamap vastleggen voor deze start (scripts/run.sh) en stoppen wat een "
                             "afgebroken start liet draaien")
    parser.add_argument("--pid", type=int, default=os.getppid(), help="het proces van die start (scripts/run.sh)")
    args = parser.parse_args(argv)
    # the components' logs are made here (var/logs/<name>.log) and may name what went wrong in a conversation: this
    # user only, also when started by hand instead of through scripts/run.sh (which sets the same umask)
    os.umask(0o077)
    if args.claim is not None:
        return claim_run(args.claim, args.pid)
    supervise(standard_components(), standard_tasks())
    return 0


if __name__ == "__main__":
    sys.exit(main())
