"""Generated configuration of the multi-server set-up (make run-cluster)."""
from __future__ import annotations

import re

import yaml

from bot.cluster import config
from bot.cluster.config import Layout, Ports, Secrets
from bot.paths import PROJECT_ROOT


def _ports() -> Ports:
    return Ports(web=8081, rasa=5006, actions=5056, postgres=6001, redis=6002, rasa1=6003, rasa2=6004,
                 actions1=6005, actions2=6006, stats=6007)


def test_endpoints_share_one_tracker_store_and_one_redis_lock_store_and_use_the_action_balancer():
    secret = Secrets("pg-pass", "redis-pass", "token")
    endpoints = yaml.safe_load(config.endpoints_yml(_ports(), secret))
    assert endpoints["tracker_store"]["type"] == config.TRACKER_STORE_TYPE
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert (endpoints["tracker_store"]["port"], endpoints["tracker_store"]["password"]) == (6001, "pg-pass")
    assert endpoints["lock_store"]["type"] == "redis"
    assert (endpoints["lock_store"]["port"], endpoints["lock_store"]["password"]) == (6002, "redis-pass")
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:5056/webhook"


def test_cluster_and_single_machine_use_the_same_retry_safe_rest_channel_only():
    credentials = yaml.safe_load(config.credentials_yml())
    assert list(credentials) == ["bot.rasa_runtime.rest_channel.RetrySafeRestInput"]
    single_machine = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert single_machine == credentials


def test_balancer_checks_both_servers_of_each_pool_and_listens_on_localhost_only():
    cfg = config.haproxy_cfg(_ports())
    assert re.findall(r"server (\w+) 127\.0\.0\.1:(\d+) check", cfg) == [
        ("rasa1", "6003"), ("rasa2", "6004"), ("actions1", "6005"), ("actions2", "6006")]
    binds = re.findall(r"^\s*bind (\S+)", cfg, flags=re.M)
    assert binds and all(b.startswith("127.0.0.1:") for b in binds)
    assert "option httpchk GET /health" in cfg and "option httpchk GET /\n" in cfg


def test_redis_keeps_nothing_on_disk_needs_a_password_and_listens_on_localhost(tmp_path):
    conf = config.redis_conf(_ports(), Secrets("a", "redis-pass", "t"), Layout(tmp_path))
    assert "bind 127.0.0.1\n" in conf and "requirepass redis-pass\n" in conf
    assert 'save ""' in conf and "appendonly no" in conf


def test_secrets_are_made_once_and_readable_by_the_user_only(tmp_path):
    path = tmp_path / "secrets.json"
    first = Secrets.load_or_create(path)
    assert path.stat().st_mode & 0o777 == 0o600
    again = Secrets.load_or_create(path)
    assert again == first
    assert len({first.postgres_password, first.redis_password, first.rasa_token}) == 3


def test_public_ports_come_from_the_environment_and_a_bad_port_gets_a_dutch_message():
    ports = Ports.choose({"RUSTPUNT_WEB_PORT": "8099", "RUSTPUNT_RASA_PORT": "5099"})
    assert (ports.web, ports.rasa, ports.actions) == (8099, 5099, 5055)
    internal = {ports.postgres, ports.redis, ports.rasa1, ports.rasa2, ports.actions1, ports.actions2, ports.stats}
    assert len(internal) == 7
    try:
        Ports.choose({"RUSTPUNT_WEB_PORT": "web"})
    except ValueError as exc:
        assert "poortnummer" in str(exc)
    else:
        raise AssertionError("a port that is not a number was accepted")


def test_every_server_of_the_cluster_asks_for_or_sends_the_one_token_as_make_run_does(tmp_path):
    # a review (session 21): the cluster started its action servers as bare 'python -m rasa_sdk', which answer
    # anyone (an action run for a made-up conversation returned any conversation's plan); 'make run' guards them
    from bot.cluster.services import Cluster

    cluster = Cluster(tmp_path / "cluster", tmp_path / "models", _ports(), rasa_token="t0ken")
    actions = [cluster.action_service("actions1", 6005), cluster.action_service("actions2", 6006)]
    rasa = [cluster.rasa_service("rasa1", 6003), cluster.rasa_service("rasa2", 6004)]
    web = cluster.web_service()
    for service in actions:
        assert service.argv[1:3] == ["-m", "bot.action_server"]  # guarded by http_guard.guard_action_app
        assert service.argv[-2] == "--port" and service.env["SANIC_HOST"] == "127.0.0.1"
    for service in rasa:
        assert service.argv[1:4] == ["-m", "bot.rasa_server", "run"]  # webhooks and API guarded, token sent on
    assert web.argv[1:3] == ["-m", "bot.web"] and web.env["RUSTPUNT_RASA_URL"] == "http://127.0.0.1:5006"
    assert {service.env["RUSTPUNT_RASA_TOKEN"] for service in actions + rasa + [web]} == {"t0ken"}
    assert not any("t0ken" in arg for service in actions + rasa + [web] for arg in service.argv)  # not in 'ps'
