"""The privacy part of make test-cluster (bot/cluster/privacy_check.py) can fail, and every process of the cluster
wipes in the cluster's PostgreSQL, not in the SQLite file of 'make run'."""
from __future__ import annotations

import argparse
import json
import os
import time

from bot.cluster import config
from bot.cluster.__main__ import admin
from bot.cluster.config import Ports
from bot.cluster.privacy_check import NAME, PHONE, PLAIN, STREET, TYPED, files_since, plain_found
from bot.cluster.services import Cluster


def _ports() -> Ports:
    return Ports(web=8081, rasa=5006, actions=5056, postgres=6001, redis=6002, rasa1=6003, rasa2=6004,
                 actions1=6005, actions2=6006, stats=6007)


def test_a_typed_sentence_or_detail_is_found_in_any_case_and_json_escaped():
    row = json.dumps({"event": "user", "text": TYPED[0].upper()}).encode()
    found = plain_found(row, "events")
    assert f"events: {TYPED[0]!r}" in found and f"events: {NAME!r}" in found
    assert plain_found(f"bel {PHONE.replace('-', '')}".encode(), "log") == ["log: '0648273915'", "log: '48273915'"]
    assert plain_found(json.dumps(f"aan de {STREET}\n").encode(), "x") == [f"x: {STREET!r}", "x: 'Tjalkweg'"]


def test_what_the_store_writes_masked_is_not_reported(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    from bot.privacy.masking import mask_text

    masked = [mask_text(text) for text in TYPED]
    assert plain_found(json.dumps(masked).encode(), "events") == []
    assert len(PLAIN) > len(TYPED)  # each detail is searched on its own too


def test_the_file_search_takes_new_files_of_the_data_folder_and_skips_the_cluster_folder(tmp_path):
    data = tmp_path / "var"
    old, new, cluster = data / "oud.log", data / "nieuw.log", data / "cluster" / "rasa1.log"
    cluster.parent.mkdir(parents=True)
    for path in (old, new, cluster):
        path.write_text(TYPED[0])
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    since = time.time() - 60
    assert list(files_since(data, since, skip=data / "cluster")) == [new]
    assert sorted(files_since(data, 0.0)) == sorted([old, new, cluster])


def test_every_process_of_the_cluster_finds_both_stores_in_postgresql(tmp_path):
    # make test-cluster (session 25): 'Wis dit gesprek' and 'Wis deze sessie' on the cluster's web page removed the
    # records but looked for the chat in var/rasa_tracker.db of 'make run': all 82 events stayed in PostgreSQL
    cluster = Cluster(tmp_path / "cluster", tmp_path / "models", _ports(), rasa_token="t0ken")
    wanted = {"RUSTPUNT_DATABASE_URL": cluster.records_url, "RUSTPUNT_TRACKER_DB_URL": cluster.tracker_url}
    assert "/rasa" in cluster.tracker_url and "/rustpunt" in cluster.records_url
    services = [cluster.web_service(), cluster.action_service("actions1", 6005), cluster.rasa_service("rasa1", 6003)]
    for service in services:
        assert {key: service.env.get(key) for key in wanted} == wanted, service.name
    cluster.write_configs()
    admin_file = cluster.layout.file(config.ADMIN_ENV_FILE)
    assert json.loads(admin_file.read_text()) == wanted  # what 'python -m bot.cluster beheer' uses
    assert admin_file.stat().st_mode & 0o077 == 0


def test_beheer_says_in_dutch_that_the_cluster_is_not_running(tmp_path, capsys):
    assert admin(argparse.Namespace(dir=str(tmp_path), command_args=["gesprekken"])) == 1
    assert "draait niet" in capsys.readouterr().err
