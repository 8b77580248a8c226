"""What a start killed with ``kill -9`` leaves behind, and starts that meet on one folder or machine (bot/locks.py).

The servers of 'make run-cluster' and 'make run' run in process groups of their own, so they outlived a controlling
process that was killed with ``kill -9``, while its lock went with it: the next 'make run-cluster' then wrote new ports
into the folder, PostgreSQL refused to start on its own data and the old Rasa servers kept answering. Now every start
writes its servers into a register next to its lock, and the next start on the folder stops them cleanly first (a
database with its own clean shutdown, never SIGKILL) or, when one does not stop, says in Dutch what to do and starts
nothing. 'make run' takes the same lock with the same words (var/run.lock, held by scripts/run.sh), and two
'make test-cluster' runs on one machine no longer run at the same time: the second says why it waits.

Fake servers (small Python processes) stand in for PostgreSQL, Rasa and the supervisor's components; each writes the
signal that stopped it into a log, so a clean stop is told apart from SIGKILL (which runs no handler).
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from functools import partial
from pathlib import Path
from typing import List

from bot import locks
from bot.cluster import __main__ as cluster_main
from bot.cluster import config, services
from bot.cluster.__main__ import run
from bot.cluster.config import Ports, free_ports
from bot.cluster.services import Cluster
from bot.locks import Register, Server, process_start
from bot.paths import PROJECT_ROOT
from bot.supervisor import RUN, RUN_PORTS
from tests.test_locks import _args, _crash, _files
from tests.test_supervisor import wait_for

# A server: writes "<name> klaar" once its handlers are in place, "<name> <signal>" when a stop signal reaches it.
# "postgres" names itself so (as PostgreSQL's processes are named); "koppig" ignores SIGINT (a shutdown that hangs);
# "traag" takes 2 s to stop.
SERVER = """
import signal, sys, time
from pathlib import Path
name, log, kind = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
def stop(signum, frame):
    with log.open("a") as out:
        out.write(f"{name} {signal.Signals(signum).name}\\n")
    if kind == "traag":
        time.sleep(2)
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, signal.SIG_IGN if kind == "koppig" else stop)
if name == "postgres":
    Path("/proc/self/comm").write_text("postgres")
with log.open("a") as out:
    out.write(f"{name} klaar\\n")
time.sleep(600)
"""

# The process of 'python -m bot.cluster run' after it started PostgreSQL and a Rasa server, until it is killed.
CONTROLLER = """
import signal, sys, time
from pathlib import Path
from bot.cluster.config import Ports, free_ports
from bot.cluster.services import Cluster, Service, claim
root, log, server, kind = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
held = claim(root)
cluster = Cluster(root, root.parent / "models", Ports(*range(7001, 7011)), rasa_token="t0ken")
fake = [sys.executable, "-c", server]
cluster._spawn(Service("postgres", fake + ["postgres", log, kind], stop_signal=int(signal.SIGINT), may_kill=False))
cluster._spawn(Service("rasa1", fake + ["rasa1", log, "gewoon"]))
print("vast", flush=True)
time.sleep(600)
"""


def _lines(log: Path) -> List[str]:
    return log.read_text().splitlines() if log.exists() else []


_wait_for = partial(wait_for, timeout=30.0)


def _alive(pid: int) -> bool:
    return process_start(pid) is not None


def _end(pids) -> None:
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _killed_cluster(root: Path, log: Path, kind: str = "gewoon") -> List[Server]:
    """A cluster whose controlling process was killed with kill -9: its servers, still running."""
    controller = subprocess.Popen([sys.executable, "-c", CONTROLLER, str(root), str(log), SERVER, kind],
                                  cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    assert controller.stdout is not None and controller.stdout.readline().strip() == "vast"
    assert _wait_for(lambda: {"postgres klaar", "rasa1 klaar"} <= set(_lines(log)))
    _crash(controller)
    left = Register(root / config.CLUSTER.register).running()
    assert [server.name for server in left] == ["postgres", "rasa1"]
    assert services.running_from(root) is None  # the lock went with the controller; its servers did not
    return left


def _quiet_run(monkeypatch) -> List[List[str]]:
    """'python -m bot.cluster run' without starting anything: records what still ran when the start began. Public
    ports that are free now (this machine may run a 'make run' on the usual ones)."""
    seen: List[List[str]] = []
    for (_, variable, _), port in zip(config.PUBLIC_PORTS, free_ports(3), strict=True):
        monkeypatch.setenv(variable, str(port))

    def start(self, log=print):
        seen.append([server.name for server in Register(self.layout.file(config.CLUSTER.register)).running()])
        raise KeyboardInterrupt  # Ctrl-C

    monkeypatch.setattr(Cluster, "start", start)
    for name in ("log_to", "_stop_on_signals"):  # not in the test process
        monkeypatch.setattr(cluster_main, name, lambda *args: None)
    return seen


def test_a_start_after_a_kill_9_of_the_controller_stops_its_servers_cleanly_postgres_last_and_never_killed(
        tmp_path, monkeypatch, capsys):
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    left = _killed_cluster(root, log)
    try:
        seen = _quiet_run(monkeypatch)
        assert run(_args(root)) == 0
        out = capsys.readouterr().out
        pids = {server.name: server.pid for server in left}
        assert (f"Van een eerdere start vanuit {root} draaien nog servers, terwijl het proces dat ze bestuurde al weg "
                "is (bijvoorbeeld gestopt met kill -9): ") in out
        assert f"rasa1 (proces {pids['rasa1']}), postgres (proces {pids['postgres']})" in out  # the order of stop()
        assert "Die servers zijn gestopt (postgres met een eigen nette afsluiting, zonder kill -9" in out
        # each stopped by its own handler (SIGKILL runs none): Rasa first, then PostgreSQL's fast shutdown (SIGINT)
        assert [line for line in _lines(log) if "klaar" not in line] == ["rasa1 SIGTERM", "postgres SIGINT"]
        assert not any(_alive(pid) for pid in pids.values())
        assert seen == [[]]  # the new start began only after they had stopped
        assert not (root / config.CLUSTER.register).exists()  # its own servers were stopped on Ctrl-C
    finally:
        _end(server.pid for server in left)


def test_a_postgres_that_does_not_finish_its_shutdown_is_left_running_and_nothing_starts(
        tmp_path, monkeypatch, capsys):
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    left = _killed_cluster(root, log, kind="koppig")
    postgres = next(server for server in left if server.name == "postgres")
    try:
        monkeypatch.setattr(cluster_main, "stop_leftovers", lambda folder: services.stop_leftovers(folder, patience=1))
        seen = _quiet_run(monkeypatch)
        before = {name: data for name, data in _files(root).items() if name != config.LOCK_FILE}
        assert run(_args(root)) == 1
        err = capsys.readouterr().err
        assert (f"Fout: postgres (proces {postgres.pid}) van een eerdere start vanuit {root} is na 1 s nog niet "
                "gestopt. Er is niets gestart en niets in de map veranderd. Wacht tot het gestopt is (het is een "
                "database die eerst alles netjes wegschrijft; stop het niet met kill -9) en start daarna "
                "opnieuw.") in err
        assert postgres.running and seen == []  # not killed, and nothing started
        assert {name: data for name, data in _files(root).items() if name != config.LOCK_FILE} == before
        assert services.running_from(root) is None  # a new attempt may ask again
        # once it is gone (here: it finishes its shutdown on SIGTERM), the next start goes on
        os.kill(postgres.pid, signal.SIGTERM)
        assert _wait_for(lambda: not postgres.running)
        assert run(_args(root)) == 0 and seen == [[]]
    finally:
        _end(server.pid for server in left)


def test_stopping_a_cluster_leaves_the_registered_servers_of_another_start_for_the_next_start(tmp_path):
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    left = _killed_cluster(root, log)
    try:
        Cluster(root, tmp_path / "models", Ports(*range(7101, 7111)), rasa_token="t0ken").stop()  # started nothing
        assert Register(root / config.CLUSTER.register).running() == left  # still there to be stopped cleanly
        assert [line for line in _lines(log) if "klaar" not in line] == []
    finally:
        _end(server.pid for server in left)


def test_a_public_port_that_another_program_listens_on_stops_the_start_before_anything_starts(
        tmp_path, monkeypatch, capsys):
    root = tmp_path / "cluster"
    seen = _quiet_run(monkeypatch)
    with socket.socket() as other:  # e.g. 'make run' or a cluster from another folder on the web page's port
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        monkeypatch.setenv("RUSTPUNT_WEB_PORT", str(port))
        assert run(_args(root)) == 1
    assert (f"Fout: Poort {port} (de webpagina) is al in gebruik door een ander programma, bijvoorbeeld 'make run' of "
            "een cluster vanuit een andere map. Er is niets gestart. Stop dat programma eerst, of kies een andere "
            "poort met RUSTPUNT_WEB_PORT=<poort> make run-cluster.") in capsys.readouterr().err
    assert seen == [] and sorted(path.name for path in root.iterdir()) == [config.LOCK_FILE]
    assert services.running_from(root) is None
    with socket.socket() as closed:  # free again: the start goes on
        closed.bind(("127.0.0.1", port))
    assert run(_args(root)) == 0 and seen == [[]]


def test_postgres_is_found_by_its_own_pid_file_and_a_reused_process_number_is_left_alone(tmp_path):
    root, log = tmp_path / "cluster", tmp_path / "signalen.log"
    (root / "postgres").mkdir(parents=True)
    postgres = subprocess.Popen([sys.executable, "-c", SERVER, "postgres", str(log), "gewoon"])
    other = subprocess.Popen([sys.executable, "-c", SERVER, "ander", str(log), "gewoon"])
    try:
        assert _wait_for(lambda: {"postgres klaar", "ander klaar"} <= set(_lines(log)))
        (root / "postgres" / "postmaster.pid").write_text(f"{postgres.pid}\n{root / 'postgres'}\n")
        # the register names a process number that now belongs to another program (another start time)
        Register(root / config.CLUSTER.register)._write([Server("rasa1", other.pid, "een andere start")])
        said: List[str] = []
        stopped = services.stop_leftovers(root, say=said.append)
        assert [(server.name, server.pid) for server in stopped] == [("postgres", postgres.pid)]
        assert postgres.wait(timeout=10) == 0 and "postgres SIGINT" in _lines(log)
        assert other.poll() is None and "ander SIGTERM" not in _lines(log)
        assert f"postgres (proces {postgres.pid})" in said[0] and str(other.pid) not in said[0]
        assert not (root / config.CLUSTER.register).exists()
    finally:
        for process in (postgres, other):
            process.kill()
            process.wait()


# -- make run: the same lock and words on var/, held by scripts/run.sh -------------------------------------------------

STUB_PYTHON = textwrap.dedent("""\
    #!/usr/bin/env bash
    case "$*" in
      *bot.supervisor*--claim*) exec "$REAL_PYTHON" "$@" ;;
      *bot.supervisor*) exec "$REAL_PYTHON" -c "$FAKE_SUPERVISOR" ;;
      *secrets*) echo "proef-token-$$" ;;
      *) exit 0 ;;
    esac
""")
# the real supervisor (bot.supervisor.supervise) with one cheap component instead of the three servers
FAKE_SUPERVISOR = """
import sys
from bot.supervisor import Component, supervise
supervise([Component("web", [sys.executable, "-c", "import time; time.sleep(600)"])])
"""


def _run_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name, text in ((".venv/bin/python", STUB_PYTHON), (".venv/bin/rustpunt", "#!/usr/bin/env bash\nexit 0\n"),
                       ("scripts/setup.sh", "#!/usr/bin/env bash\n"), ("scripts/train.sh", "#!/usr/bin/env bash\n"),
                       ("scripts/install_hunspell.sh", "#!/usr/bin/env bash\n"),
                       ("endpoints.yml", "action_endpoint:\n  url: http://localhost:5055/webhook\n"),
                       ("scripts/run.sh", (PROJECT_ROOT / "scripts" / "run.sh").read_text())):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(0o755)
    return root


def _run_env(var: Path) -> dict:
    """The environment of 'make run' in :func:`_run_project`, with ports that are free now (this machine may run a
    'make run' on the usual ones)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RUSTPUNT_")}
    env.update(RUSTPUNT_VAR_DIR=str(var), RUSTPUNT_RASA_TOKEN="", REAL_PYTHON=sys.executable,
               FAKE_SUPERVISOR=FAKE_SUPERVISOR, PYTHONPATH=str(PROJECT_ROOT))
    for (variable, _, _), port in zip(RUN_PORTS, free_ports(3), strict=True):
        env[variable] = str(port)
    return env


def _default_signals() -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)


def test_make_run_takes_the_folder_once_and_stops_what_a_start_killed_with_kill_9_left_running(tmp_path):
    root = _run_project(tmp_path)
    var = root / "var"
    env = _run_env(var)
    register = Register(var / RUN.register)
    started: List[subprocess.Popen] = []

    def make_run(name: str) -> subprocess.Popen:
        out = open(tmp_path / f"{name}.log", "wb")
        process = subprocess.Popen(["scripts/run.sh"], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True, preexec_fn=_default_signals)
        started.append(process)
        return process

    def output(name: str) -> str:
        return (tmp_path / f"{name}.log").read_text()

    def up(name: str) -> bool:
        names = [server.name for server in register.running()]
        return "Rustpunt is klaar" in output(name) and names == ["supervisor", "web"]

    try:
        first = make_run("eerste")
        assert _wait_for(lambda: up("eerste")), output("eerste")
        token = (var / "rasa_token").read_text()
        servers = register.running()

        second = make_run("tweede")  # on the same folder while the first runs
        assert second.wait(timeout=60) == 1
        assert (f"Fout: Er draait al Rustpunt ('make run') vanuit {var} (proces {first.pid}). Er is niets gestart en "
                "niets veranderd. Stop het eerst met Ctrl-C in de terminal waarin het draait of met "
                f"'kill {first.pid}', en start het daarna opnieuw.") in output("tweede")
        assert (var / "rasa_token").read_text() == token and register.running() == servers  # nothing changed

        _crash(first)  # kill -9 of run.sh: its supervisor and the component keep running, the lock is gone
        assert all(server.running for server in servers)
        assert locks.running_from(var, RUN) is None

        third = make_run("derde")
        assert _wait_for(lambda: up("derde")), output("derde")
        names = ", ".join(f"{server.name} (proces {server.pid})" for server in servers)
        assert (f"Van een eerdere start vanuit {var} draaien nog servers, terwijl het proces dat ze bestuurde al weg "
                f"is (bijvoorbeeld gestopt met kill -9): {names}.") in output("derde")
        assert "Die servers zijn gestopt. De nieuwe start gaat verder." in output("derde")
        assert not any(server.running for server in servers)
        assert [server.pid for server in register.running()] != [server.pid for server in servers]
        assert "Er draait al" in (locks.running_from(var, RUN) or "")

        os.killpg(third.pid, signal.SIGTERM)  # as Ctrl-C: everything stops, then the folder is free
        third.wait(timeout=60)
        assert register.running() == [] and locks.running_from(var, RUN) is None
    finally:
        _end(server.pid for server in register.servers())
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_make_run_names_a_port_in_use_before_anything_is_installed_trained_or_started(tmp_path):
    """Session 27: 'make run-cluster' named a public port in use before anything started; 'make run' trained, started
    its servers and then Rasa or the web page kept stopping (and restarting) on the port another program held."""
    root = _run_project(tmp_path)
    (root / "scripts" / "train.sh").write_text("#!/usr/bin/env bash\ntouch getraind\n")
    var = root / "var"
    env = _run_env(var)
    register = Register(var / RUN.register)

    def make_run(name: str, **changes: str) -> subprocess.Popen:
        with open(tmp_path / f"{name}.log", "wb") as out:
            return subprocess.Popen(["scripts/run.sh"], cwd=root, env={**env, **changes}, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_default_signals)

    def output(name: str) -> str:
        return (tmp_path / f"{name}.log").read_text()

    with socket.socket() as other:  # e.g. the action server of 'make shell', or a 'make run' from another checkout
        other.bind(("127.0.0.1", int(env["RUSTPUNT_ACTIONS_PORT"])))
        other.listen()
        assert make_run("bezet").wait(timeout=60) == 1
    port = env["RUSTPUNT_ACTIONS_PORT"]
    assert (f"Fout: Poort {port} (de actieserver) is al in gebruik door een ander programma, bijvoorbeeld 'make run' "
            "vanuit een andere map, 'make shell' of 'make run-cluster'. Er is niets gestart. Stop dat programma eerst, "
            f"of kies een andere poort met RUSTPUNT_ACTIONS_PORT=<poort> make run.") in output("bezet")
    assert sorted(path.name for path in var.iterdir()) == [RUN.lock] and not (root / "getraind").exists()
    assert locks.running_from(var, RUN) is None  # the folder is free again at once

    assert make_run("geen poort", RUSTPUNT_WEB_PORT="80a").wait(timeout=60) == 1
    assert "Fout: RUSTPUNT_WEB_PORT moet een poortnummer tussen 1 en 65535 zijn, niet '80a'." in output("geen poort")
    assert not (root / "getraind").exists()

    free = make_run("vrij")  # the port is free again: the start goes on
    try:
        assert _wait_for(lambda: "Rustpunt is klaar" in output("vrij") and len(register.running()) == 2), \
            output("vrij")
        assert (root / "getraind").exists() and "Fout" not in output("vrij")
        os.killpg(free.pid, signal.SIGTERM)
        free.wait(timeout=60)
        assert register.running() == []
    finally:
        _end(server.pid for server in register.servers())
        if free.poll() is None:
            os.killpg(free.pid, signal.SIGKILL)
            free.wait()


def test_a_step_of_a_killed_make_run_that_still_holds_the_lock_is_named_in_dutch(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    # run.sh killed with kill -9 while a step it started (here: sleep) still has the lock file open
    script = 'exec 9>>"$1/run.lock"; "$2" -m bot.supervisor --claim 9 --pid $$ || exit 1; sleep 600 & echo "$!"; wait'
    shell = subprocess.Popen(["bash", "-c", script, "run.sh", str(var), sys.executable],
                             cwd=PROJECT_ROOT, env={**os.environ, "RUSTPUNT_VAR_DIR": str(var)}, stdout=subprocess.PIPE,
                             text=True)
    assert shell.stdout is not None
    step = int(shell.stdout.readline())
    try:
        _crash(shell)
        message = locks.running_from(var, RUN)
        assert message == (f"Een eerdere start van Rustpunt ('make run') vanuit {var.resolve()} (proces {shell.pid}) "
                           "is afgebroken, maar een onderdeel ervan (bijvoorbeeld de training) loopt nog. Er is niets "
                           "gestart en niets veranderd. Wacht tot dat klaar is en start daarna opnieuw.")
    finally:
        os.kill(step, signal.SIGKILL)
    assert _wait_for(lambda: locks.running_from(var, RUN) is None)


# -- make test-cluster: one at a time on this machine -----------------------------------------------------------------

HOLD_MACHINE = """
import sys, time
from bot.locks import machine_lock
with machine_lock("test-cluster", "proces 4242, map /elders/var/cluster-test", wait=0):
    print("vast", flush=True)
    time.sleep(float(sys.argv[1]))
"""


def _test_args(root: Path, wait_minutes: float) -> argparse.Namespace:
    return argparse.Namespace(dir=str(root), model=str(root.parent / "models"), conversations=20, turns=6,
                              wait_minutes=wait_minutes)


def test_a_second_cluster_test_on_the_machine_says_why_it_waits_and_then_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RUSTPUNT_MACHINE_LOCK_DIR", str(tmp_path))
    monkeypatch.setattr(cluster_main, "_stop_on_signals", lambda: None)
    ran: List[float] = []
    monkeypatch.setattr(cluster_main, "_fault_test", lambda root, args: ran.append(time.monotonic()) or 0)
    root = tmp_path / "cluster-test"

    other = subprocess.Popen([sys.executable, "-c", HOLD_MACHINE, "600"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                             text=True)
    assert other.stdout is not None and other.stdout.readline().strip() == "vast"
    try:
        assert cluster_main.test(_test_args(root, 0.02)) == 1  # it does not finish in time: nothing started
        captured = capsys.readouterr()
        assert ("Er loopt al een storingstest met meerdere servers op deze machine (proces 4242, map "
                "/elders/var/cluster-test). Twee tegelijk delen dezelfde processorkernen en halen dan de tijdsgrenzen "
                "van de test niet. Deze test wacht tot die klaar is") in captured.out
        assert "Fout: de andere storingstest (proces 4242, map /elders/var/cluster-test) is na 0.02 minuten nog " \
               "niet klaar. Er is niets gestart" in captured.err
        assert ran == [] and not root.exists()
    finally:
        _crash(other)

    short = subprocess.Popen([sys.executable, "-c", HOLD_MACHINE, "2"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                             text=True)
    assert short.stdout is not None and short.stdout.readline().strip() == "vast"
    began = time.monotonic()
    assert cluster_main.test(_test_args(root, 5)) == 0  # waits for the other one, then runs
    short.wait(timeout=30)
    out = capsys.readouterr().out
    assert "Deze test wacht tot die klaar is (hooguit 5 minuten)" in out and "De andere storingstest is klaar" in out
    assert len(ran) == 1 and ran[0] - began >= 1.0
    # while it ran it held the lock with its own process number and folder in it
    assert locks.machine_lock_path("test-cluster").read_text().strip() == f"proces {os.getpid()}, map {root.resolve()}"


def test_the_cluster_test_stops_the_servers_of_a_killed_test_before_it_removes_their_folder(tmp_path, monkeypatch):
    from bot.cluster import fault_test

    root, log = tmp_path / "cluster-test", tmp_path / "signalen.log"
    left = _killed_cluster(root, log)  # an earlier 'make test-cluster' killed with kill -9
    (root / "logs" / "oud.log").write_text("van de vorige test")
    seen = {}

    def fault(cluster, conversations, turns):
        seen["running"] = [server.name for server in left if server.running]
        seen["files"] = sorted(path.name for path in root.iterdir())
        return 0

    monkeypatch.setattr(fault_test, "run_fault_test", fault)
    try:
        assert cluster_main._fault_test(root.resolve(), _test_args(root, 1)) == 0
        assert seen["running"] == []
        assert [line for line in _lines(log) if "klaar" not in line] == ["rasa1 SIGTERM", "postgres SIGINT"]
        # the earlier test's files are gone (a fresh cluster), not the lock this test held
        assert config.LOCK_FILE in seen["files"] and "oud.log" not in {p.name for p in root.rglob("*")}
    finally:
        _end(server.pid for server in left)


def test_a_machine_lock_left_by_a_killed_test_does_not_block_and_is_readable_for_every_user(
        tmp_path, monkeypatch, capsys):
    """Session 27: the lock file was made under the cluster's umask 077 (0600) and opened up for the other users only
    once it was locked; a test killed in between left a file that another user could not open (an English traceback
    instead of a test)."""
    monkeypatch.setenv("RUSTPUNT_MACHINE_LOCK_DIR", str(tmp_path))
    monkeypatch.setattr(cluster_main, "_stop_on_signals", lambda: None)
    ran: List[float] = []
    monkeypatch.setattr(cluster_main, "_fault_test", lambda root, args: ran.append(time.monotonic()) or 0)
    path = locks.machine_lock_path("test-cluster")
    modes: List[str] = []
    lock_file = locks.lock_file

    def recorded(file: Path):
        modes.append(oct(file.stat().st_mode & 0o777))  # before anyone locked it
        return lock_file(file)

    monkeypatch.setattr(locks, "lock_file", recorded)
    previous = os.umask(0o077)
    try:
        killed = subprocess.Popen([sys.executable, "-c", HOLD_MACHINE, "600"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                                  text=True, preexec_fn=lambda: os.umask(0o077))
        assert killed.stdout is not None and killed.stdout.readline().strip() == "vast"
        _crash(killed)  # kill -9 of a running 'make test-cluster'
        assert path.read_text().strip() == "proces 4242, map /elders/var/cluster-test"  # left behind
        path.unlink()  # a new file, made under umask 077: readable for every user before it is locked
        assert cluster_main.test(_test_args(tmp_path / "cluster-test", 0.02)) == 0
    finally:
        os.umask(previous)
    assert modes == ["0o644"] and "wacht" not in capsys.readouterr().out and len(ran) == 1
    # a file left behind by a killed test does not block either: the operating system let go of its lock
    killed = subprocess.Popen([sys.executable, "-c", HOLD_MACHINE, "600"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                              text=True)
    assert killed.stdout is not None and killed.stdout.readline().strip() == "vast"
    _crash(killed)
    assert cluster_main.test(_test_args(tmp_path / "cluster-test", 0.02)) == 0
    assert "wacht" not in capsys.readouterr().out and len(ran) == 2


def test_a_lock_file_of_another_user_that_this_user_cannot_open_is_named_in_dutch(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RUSTPUNT_MACHINE_LOCK_DIR", str(tmp_path))
    monkeypatch.setattr(cluster_main, "_stop_on_signals", lambda: None)
    ran: List[float] = []
    monkeypatch.setattr(cluster_main, "_fault_test", lambda root, args: ran.append(time.monotonic()) or 0)
    path = locks.machine_lock_path("test-cluster")

    def not_ours(file: Path):  # what open() raises for a file of another user with mode 0600
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(locks, "lock_file", not_ours)
    assert cluster_main.test(_test_args(tmp_path / "cluster-test", 0.02)) == 1
    assert (f"Fout: Het lockbestand {path}, dat ervoor zorgt dat dit maar één keer tegelijk op deze machine loopt, is "
            "van een andere gebruiker en voor jou niet te openen. Daardoor kan ik niet nagaan of het nu ergens anders "
            "loopt. Er is niets gestart. Loopt het nergens meer, vraag dan die gebruiker of de beheerder dat bestand "
            f"te verwijderen ('ls -l {path}' laat zien van wie het is) en probeer het daarna opnieuw.") in \
        capsys.readouterr().err
    assert ran == []
