"""The trainers' page starts warm (a user test of session 25: the first login after a start took 6-9 s, the next one
0.1-0.2 s): ``bot.web.server.warm_up`` loads the store modules, the knowledge once and the page's templates, and
``python -m bot.web`` runs it beside the server when the trainers' page is open."""
from __future__ import annotations

import sys
import threading

from bot.knowledge import loader
from bot.web import __main__ as web_main
from bot.web import server, trainer_page


def test_warm_up_loads_the_knowledge_and_the_templates_and_reads_one_session(monkeypatch):
    asked = []
    monkeypatch.setattr(server, "_load_records", lambda limit=None: asked.append(limit) or [])
    monkeypatch.setattr(loader, "_CACHE", {})  # as after a start: nothing loaded yet
    monkeypatch.setattr(loader, "_STAMPS", {})
    trainer_page.environment.cache_clear()
    assert not loader.knowledge_loaded()
    took = server.warm_up()
    assert took >= 0 and asked == [1]
    assert loader.knowledge_loaded()
    assert server._LOADING.acquire(blocking=False)  # released: the page's own check of the files can run
    server._LOADING.release()
    cached = {key[1] for key in trainer_page.environment().cache.keys()}
    assert {"trainer_sessies.html", "trainer_macros.html", "groep.html", "trainer_sessie.html",
            "trainer_wissen.html"} <= cached


def test_a_failing_part_of_the_warm_up_does_not_stop_the_rest(monkeypatch, caplog):
    def broken(limit=None):
        raise RuntimeError("database weg")

    monkeypatch.setattr(server, "_load_records", broken)
    trainer_page.environment.cache_clear()
    server.warm_up()
    assert "Warm-up of the trainers' store failed" in caplog.text
    assert "groep.html" in {key[1] for key in trainer_page.environment().cache.keys()}


class _FakeServer:
    server_address = ("127.0.0.1", 8080)

    def serve_forever(self):
        pass

    def server_close(self):
        pass


def _run_main(monkeypatch, token):
    started = []
    done = threading.Event()
    monkeypatch.setattr(web_main, "make_server", lambda config: _FakeServer())
    monkeypatch.setattr(web_main, "warm_up", lambda: started.append(threading.current_thread().name) or done.set())
    monkeypatch.setattr(sys, "argv", ["bot.web"])
    env = {"RUSTPUNT_TRAINER_TOKEN": token} if token else {}
    monkeypatch.delenv("RUSTPUNT_TRAINER_TOKEN", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert web_main.main() == 0
    done.wait(5)
    return started


def test_the_web_server_warms_the_trainers_page_in_the_background_only_when_it_is_open(monkeypatch):
    assert _run_main(monkeypatch, "een-lang-trainerstoken") == ["rustpunt-opwarmen"]
    assert _run_main(monkeypatch, None) == []
