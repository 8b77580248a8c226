"""Log files fall under the retention period too (session 26): every start puts the previous run's logs aside with the
time of the move, and `rustpunt opruimen` deletes the logs nobody wrote to for longer than the general period, of
'make run' (var/logs) and of the cluster (var/cluster/logs), keeping everything newer."""
from __future__ import annotations

import os
import time
from datetime import datetime, timezone

from bot.cli import main
from bot.privacy import logs
from bot.privacy.retention import cleanup


def _written(path, days_ago: float, text: str = "POST /webhook 200\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    moment = time.time() - days_ago * 86400
    os.utime(path, (moment, moment))
    return path


def test_a_start_puts_the_previous_logs_aside_and_leaves_empty_ones(tmp_path):
    folder = tmp_path / "logs"
    _written(folder / "rasa.log", 0)
    (folder / "web.log").write_text("", encoding="utf-8")
    assert logs.rotate(folder, now=datetime(2026, 12, 7, 18, 50, tzinfo=timezone.utc)) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["rasa.log.20261207T185000", "web.log"]
    assert logs.rotate(tmp_path / "nothing-here") == 0


def test_cleanup_deletes_logs_older_than_the_period_and_keeps_newer_ones(tmp_path, monkeypatch, tracker_url, capsys):
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("RUSTPUNT_BEWAARTERMIJN_DAGEN", "90")
    var = tmp_path / "var"
    old = [_written(var / "logs" / "rasa.log.20260801T120000", 120),
           _written(var / "cluster" / "logs" / "rasa-1.log.20260801T120000", 95),
           _written(var / "logs" / "oud-onderdeel.log", 100)]  # a current log nobody wrote to for 100 days
    kept = [_written(var / "logs" / "rasa.log.20261101T120000", 30), _written(var / "logs" / "rasa.log", 0),
            _written(var / "logs" / "notities.txt", 200)]  # not a log: not ours to delete
    assert cleanup() == {"logbestanden": 3}
    assert not any(path.exists() for path in old) and all(path.exists() for path in kept)
    _written(var / "logs" / "web.log.20260701T000000", 150)
    assert main(["opruimen"]) == 0
    assert "1 logbestand ouder dan de bewaartermijn" in capsys.readouterr().out
