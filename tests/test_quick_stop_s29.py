"""Session 29: a Rasa server (and an action server) ends as soon as Sanic has finished its open requests and Rasa has
closed its stores, without Python's clean-up of the loaded models at exit (9-11 s of every cluster stop)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from bot import rasa_server


class Exited(Exception):
    pass


@pytest.fixture
def calls(monkeypatch):
    import rasa.__main__

    import bot.rasa_runtime

    seen: list = []
    monkeypatch.setattr(bot.rasa_runtime, "install_all", lambda: None)
    monkeypatch.setattr(rasa.__main__, "main", lambda: seen.append(("rasa", list(sys.argv[1:3]))))

    def exit_now(code):
        seen.append(("exit", code))
        raise Exited()

    monkeypatch.setattr(rasa_server.os, "_exit", exit_now)
    monkeypatch.setenv(rasa_server.TOKEN_ENV, "x" * 32)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    return seen


def test_rasa_run_ends_the_process_right_after_rasa_returned(calls):
    with pytest.raises(Exited):
        rasa_server.main(["run", "--enable-api"])
    assert calls == [("rasa", ["run", "--enable-api"]), ("exit", 0)]  # only after Sanic and Rasa are done


def test_other_commands_and_failures_end_as_before(calls, monkeypatch):
    rasa_server.main(["data", "validate"])
    assert calls == [("rasa", ["data", "validate"])]
    import rasa.__main__

    def failing():
        raise SystemExit(1)

    monkeypatch.setattr(rasa.__main__, "main", failing)
    with pytest.raises(SystemExit) as stopped:
        rasa_server.main(["run"])
    assert stopped.value.code == 1 and ("exit", 0) not in calls


def test_what_was_logged_and_printed_before_the_quick_exit_is_written(tmp_path):
    log = tmp_path / "rasa.log"
    script = (
        "import logging, sys\n"
        f"logging.basicConfig(filename={str(log)!r}, level=logging.INFO)\n"
        "logging.getLogger('x').info('laatste regel van de server')\n"
        "print('uitvoer', end='')\n"
        "from bot.rasa_server import exit_after_run\n"
        "exit_after_run()\n"
        "print('nooit')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "uitvoer"
    assert "laatste regel van de server" in log.read_text()
