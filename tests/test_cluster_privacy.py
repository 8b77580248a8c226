"""The privacy part of make test-cluster (bot/cluster/privacy_check.py) can fail, every process of the cluster
wipes in the cluster's PostgreSQL, not in the SQLite file of 'make run', and the cluster removes what is past its
retention period at the start and every day, as 'make run' does."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from datetime import datetime, timedelta

from bot import db
from bot.cluster import config, services
from bot.cluster.__main__ import admin
from bot.cluster.config import Ports
from bot.cluster.privacy_check import NAME, PHONE, PLAIN, STREET, TYPED, files_since, plain_found
from bot.cluster.services import Cluster
from bot.privacy import tracker_db
from bot.records import add_record, get_record, list_records
from bot.supervisor import DAY, standard_tasks
from tests.test_privacy import _age, conversation, make_store


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


def test_the_cluster_cleans_up_at_the_start_and_daily_in_one_process_only(tmp_path, monkeypatch):
    # session 25: 'make run' removed what was past its retention period at the start and every day, the cluster never
    # (only an administrator by hand with 'beheer opruimen'), so a cluster that ran for months kept everything
    cluster = Cluster(tmp_path / "cluster", tmp_path / "models", _ports(), rasa_token="t0ken")
    ran = []

    def run(argv, **kwargs):
        ran.append((argv[1:], kwargs["env"]))
        return subprocess.CompletedProcess(argv, 0, "Opgeruimd: er was niets ouder dan de bewaartermijn.\n", "")

    monkeypatch.setattr(services.subprocess, "run", run)
    monkeypatch.setattr(services, "database_reachable", lambda url: None)
    for name in ("start_postgres", "start_redis", "_wait"):
        monkeypatch.setattr(Cluster, name, lambda self, *args: None)
    monkeypatch.setattr(Cluster, "_spawn", lambda self, service: self.services.__setitem__(service.name, service))
    cluster.start(log=lambda text: None)

    # at the start, before the servers, on both PostgreSQL databases (as scripts/run.sh before the supervisor)
    assert [argv for argv, _ in ran] == [["sleutel", "klaarzetten"], ["kennis", "laad"], ["opruimen"]]
    assert all(env["RUSTPUNT_TRACKER_DB_URL"] == cluster.tracker_url and
               env["RUSTPUNT_DATABASE_URL"] == cluster.records_url for _, env in ran)
    assert "Opgeruimd" in (cluster.layout.logs / "opruimen.log").read_text()
    # then daily: the job of 'make run' (bot.supervisor.standard_tasks), once, in this process only
    assert [(task.name, task.args, task.every) for task in cluster.scheduler.tasks] == [
        (task.name, task.args, DAY) for task in standard_tasks()]
    assert cluster.scheduler.tasks[0].env == cluster.store_env and cluster.scheduler.tasks[0].next_at is not None
    assert sorted(cluster.services) == ["actions1", "actions2", "haproxy", "rasa1", "rasa2", "web"]
    assert not [name for name, service in cluster.services.items() if "opruimen" in service.argv]


async def test_the_clusters_daily_cleanup_removes_old_rows_from_both_stores_and_keeps_new_ones(
        tmp_path, tracker_url, monkeypatch):
    # the cluster's two stores (PostgreSQL there, SQLite files here), filled as its servers fill them
    stores = {"RUSTPUNT_DATABASE_URL": os.environ["RUSTPUNT_DATABASE_URL"], "RUSTPUNT_TRACKER_DB_URL": tracker_url}
    monkeypatch.setattr(config, "store_env", lambda ports, secret: dict(stores))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    from bot.intake.callbacks import register, show

    now = datetime.utcnow()
    await make_store(tmp_path).save(conversation("oud", timestamp=(now - timedelta(days=91)).timestamp()))
    await make_store(tmp_path).save(conversation("recent", timestamp=(now - timedelta(days=89)).timestamp()))
    old_plan, new_plan = add_record("gespreksplan", {"x": 1}), add_record("gespreksplan", {"x": 2})
    old_play, new_play = add_record("rollenspel", {"deelnemer": "a"}), add_record("rollenspel", {"deelnemer": "b"})
    old_call, _ = register("consulent", f"moeder bellen op {PHONE}", "morgen")
    new_call, _ = register("consulent", "vader bellen op 06-87654321", "morgen")
    for record, days in ((old_plan, 91), (new_plan, 89), (old_play, 91), (new_play, 89), (old_call, 15),
                         (new_call, 13)):
        _age(record, days)
    events = tracker_db.count_events("recent")
    assert tracker_db.count_events("oud") == events > 0

    cluster = Cluster(tmp_path / "cluster", tmp_path / "models", _ports(), rasa_token="t0ken")
    now_s = [1000.0]
    cluster.scheduler.clock = lambda: now_s[0]
    cluster.scheduler.start()
    # the process that runs the cluster does not point at the stores itself: the job gets them from store_env
    for name in stores:
        monkeypatch.setenv(name, f"sqlite:///{tmp_path / 'elders.db'}")
    try:
        cluster.run_due_tasks()
        assert cluster.scheduler.tasks[0].runs == 0  # START_STEPS cleaned up just now
        now_s[0] += DAY
        cluster.run_due_tasks()
        job = cluster.scheduler.tasks[0].popen
        assert job is not None and job.wait(timeout=120) == 0
    finally:
        cluster.stop()
    for name, url in stores.items():
        monkeypatch.setenv(name, url)
    db.reset_engines()
    tracker_db.reset_engines()

    assert "Opgeruimd: 1 gesprek (" in (cluster.layout.logs / "opruimen.log").read_text()
    assert tracker_db.count_events("oud") == 0 and tracker_db.count_events("recent") == events
    assert [row.pk for row in list_records("gespreksplan")] == [new_plan]
    assert [row.pk for row in list_records("rollenspel")] == [new_play]
    assert show(old_call)[1] == [] and get_record("terugbelverzoek", old_call) is not None
    assert show(new_call)[1] == ["06-87654321"]
