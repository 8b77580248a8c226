"""The start-up supervisor (``make run``): a component that dies is started again with back-off and
a log line; Ctrl-C stops every component, children of components included. Cheap dummy children."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.supervisor import Component, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is not alive
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def wait_for(check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def supervisor(tmp_path):
    clock = Clock()
    said = []
    made = []

    def make(components, **kwargs):
        sup = Supervisor(components, tmp_path / "logs", clock=clock, say=said.append, grace=5, **kwargs)
        made.append(sup)
        return sup

    yield make, clock, said
    for sup in made:
        sup.stop()


def test_a_killed_component_is_restarted_after_the_backoff_with_a_log_line(supervisor, caplog, tmp_path):
    make, clock, said = supervisor
    sup = make([Component("actions", SLEEPER), Component("rasa", SLEEPER)])
    sup.start()
    first = sup.components[0].popen.pid
    other = sup.components[1].popen.pid
    os.kill(first, signal.SIGKILL)
    assert wait_for(lambda: sup.components[0].popen.poll() is not None)

    with caplog.at_level("INFO", logger="rustpunt.supervisor"):
        sup.poll()
        assert "actions stopped (exit -9)" in caplog.text and "restart in 1 s" in caplog.text
        assert said and "de actieserver is gestopt" in said[0] and "var/logs/actions.log" in said[0]
        sup.poll()  # back-off not over yet: nothing started
        assert sup.components[0].popen.pid == first
        clock.now += 1.0
        sup.poll()
    second = sup.components[0].popen.pid
    assert second != first and alive(second)
    assert sup.components[1].popen.pid == other and alive(other)  # the others were left alone
    assert (tmp_path / "logs" / "actions.log").exists()


def test_backoff_doubles_for_a_component_that_keeps_dying_and_resets_after_a_stable_run(supervisor):
    make, clock, said = supervisor
    crasher = Component("web", [sys.executable, "-c", "import sys; sys.exit(3)"])
    sup = make([crasher], min_backoff=1, max_backoff=8, stable_after=60)
    sup.start()
    delays = []
    for _ in range(5):
        assert wait_for(lambda: crasher.popen.poll() is not None)
        sup.poll()
        delays.append(crasher.restart_at - clock.now)
        clock.now = crasher.restart_at
        sup.poll()
    assert delays == [1, 2, 4, 8, 8]
    assert crasher.restarts == 5
    assert "code 3" in said[0]

    assert wait_for(lambda: crasher.popen.poll() is not None)
    clock.now += 61  # it had run for more than a minute: back to the shortest wait
    sup.poll()
    assert crasher.restart_at - clock.now == 1


def test_stop_ends_components_and_their_children(supervisor, tmp_path):
    make, clock, said = supervisor
    pidfile = tmp_path / "grandchild.pid"
    parent = Component("rasa", ["sh", "-c", f"sleep 120 & echo $! > {pidfile}; wait"])
    sup = make([parent, Component("actions", SLEEPER)])
    sup.start()
    assert wait_for(lambda: pidfile.exists() and pidfile.read_text().strip())
    grandchild = int(pidfile.read_text())
    pids = [c.popen.pid for c in sup.components]
    sup.stop()
    assert not any(alive(pid) for pid in pids)
    assert wait_for(lambda: not alive(grandchild))
    sup.poll()  # after stop nothing is restarted
    assert all(c.popen.pid in pids for c in sup.components)


def test_ctrl_c_stops_the_supervisor_and_every_component(tmp_path):
    pidfile = tmp_path / "pids"
    script = tmp_path / "run_supervisor.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from bot.supervisor import Component, Supervisor
        sleeper = [
            sys.executable, "-c",
            "import os, time; open({str(pidfile)!r}, 'a').write(f'{{os.getpid()}}\\\\n'); time.sleep(120)",
        ]
        Supervisor([Component("a", sleeper), Component("b", sleeper)], Path({str(tmp_path / 'logs')!r})).run(0.1)
        print("klaar")
    """), encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, str(script)], cwd=root, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(root)})
    try:
        assert wait_for(lambda: pidfile.exists() and len(pidfile.read_text().split()) == 2, timeout=30)
        children = [int(p) for p in pidfile.read_text().split()]
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "klaar" in out
    assert not any(alive(pid) for pid in children)


def test_started_by_hand_the_logs_it_makes_are_for_this_user_only(tmp_path):
    """Privacy audit (session 26): ``python -m bot.supervisor`` started by hand (not through scripts/run.sh, which
    sets umask 077) made var/logs/ and the components' logs readable for every user of the machine (0755/0644)."""
    data = tmp_path / "data"
    script = tmp_path / "run_supervisor.py"
    script.write_text(textwrap.dedent("""
        import os, signal, sys, threading
        from bot import supervisor
        os.umask(0o022)  # a usual login shell
        supervisor.standard_components = lambda: [supervisor.Component("web", [sys.executable, "-c", "print(1)"])]
        supervisor.standard_tasks = lambda: []
        threading.Timer(2.0, lambda: os.kill(os.getpid(), signal.SIGTERM)).start()
        sys.exit(supervisor.main())
    """), encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(script)], cwd=root, timeout=60, check=True,
                   env={**os.environ, "PYTHONPATH": str(root), "RUSTPUNT_VAR_DIR": str(data)})
    logs = data / "logs"
    assert {path.name for path in logs.iterdir()} == {"supervisor.log", "web.log"}
    assert (logs / "web.log").read_text().strip().startswith("1")
    modes = {path.name: oct(path.stat().st_mode & 0o777) for path in [data, logs, *logs.iterdir()]}
    assert modes == {"data": "0o700", "logs": "0o700", "supervisor.log": "0o600", "web.log": "0o600"}
