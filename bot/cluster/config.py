"""Ports, paths and the generated configuration files of the multi-server set-up (``make run-cluster``).

Everything lives under one directory (default ``var/cluster/``): PostgreSQL's data and socket, Redis'
config and data, the balancer's config, Rasa's endpoints/credentials and the logs.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from bot.locks import Controller, port_taken, read_port

# The one place to choose the tracker store class. The privacy work provides
# "bot.privacy.tracker_store.MaskingSQLTrackerStore" (same config keys as Rasa's SQL store);
# switch to it here once it is merged.
TRACKER_STORE_TYPE = "bot.privacy.tracker_store.MaskingSQLTrackerStore"

TRACKER_DB = "rasa"
RECORDS_DB = "rustpunt"
DB_USER = "rustpunt"
# ``store_env`` of the running cluster (its ports change at every start), for 'python -m bot.cluster beheer ...'
ADMIN_ENV_FILE = "beheer.json"
# held by the process of 'python -m bot.cluster run' while a cluster runs from this folder (services.claim)
LOCK_FILE = "cluster.lock"
# One cluster per folder, and the servers it started: stopped cleanly by the next start when its controlling process
# was killed (bot.locks.stop_leftovers)
CLUSTER = Controller(
    lock=LOCK_FILE, register="cluster.servers.json", what="een cluster", it="dat cluster",
    while_running="Zolang het draait, werken de beheeropdrachten erop, bijvoorbeeld: "
                  ".venv/bin/python -m bot.cluster beheer gesprekken --zoek <woord>",
    command="make run-cluster", others="'make run' of een cluster vanuit een andere map")
# One 'make test-cluster' at a time on this machine (bot.locks.machine_lock)
TEST_LOCK = "test-cluster"


def free_ports(count: int) -> List[int]:
    """``count`` different ports that are free on 127.0.0.1 right now."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@dataclass
class Ports:
    web: int
    rasa: int      # balancer: Rasa servers
    actions: int   # balancer: action servers
    postgres: int
    redis: int
    rasa1: int
    rasa2: int
    actions1: int
    actions2: int
    stats: int     # balancer's statistics page (127.0.0.1 only)

    @classmethod
    def choose(cls, env: Optional[Mapping[str, str]] = None, all_free: bool = False) -> "Ports":
        """Public ports from RUSTPUNT_WEB_PORT / RUSTPUNT_RASA_PORT / RUSTPUNT_ACTIONS_PORT
        (defaults 8080/5005/5055), the internal ones free; ``all_free`` picks free ones for all."""
        env = os.environ if env is None else env
        internal = ("postgres", "redis", "rasa1", "rasa2", "actions1", "actions2", "stats")
        spare = free_ports(len(internal) + 3)

        def public(name: str, default: int) -> int:
            return spare.pop() if all_free else read_port(env, name, default)

        return cls(
            web=public("RUSTPUNT_WEB_PORT", 8080),
            rasa=public("RUSTPUNT_RASA_PORT", 5005),
            actions=public("RUSTPUNT_ACTIONS_PORT", 5055),
            **dict(zip(internal, spare, strict=False)),
        )


# the ports people and other programs use, with the variable that changes each and what listens there (Dutch)
PUBLIC_PORTS = (("web", "RUSTPUNT_WEB_PORT", "de webpagina"), ("rasa", "RUSTPUNT_RASA_PORT", "de verdeler (REST)"),
                ("actions", "RUSTPUNT_ACTIONS_PORT", "de verdeler van de actieservers"))


def public_port_taken(ports: "Ports") -> Optional[str]:
    """The Dutch message for the first public port another program listens on, else None (``bot.locks.port_taken``,
    as for 'make run'): checked after the servers of an earlier start on the folder were stopped, before anything
    starts."""
    return port_taken(CLUSTER, [(getattr(ports, field), variable, what) for field, variable, what in PUBLIC_PORTS])


@dataclass
class Secrets:
    postgres_password: str
    redis_password: str
    rasa_token: str

    @classmethod
    def load_or_create(cls, path: Path, rasa_token: Optional[str] = None) -> "Secrets":
        """Passwords made once per cluster directory (kept in a file only this user can read)."""
        if path.exists():
            data = json.loads(path.read_text())
            found = cls(**data)
        else:
            found = cls(secrets.token_urlsafe(24), secrets.token_urlsafe(24), secrets.token_urlsafe(32))
            path.write_text(json.dumps(asdict(found)))
            path.chmod(0o600)
        if rasa_token:
            found.rasa_token = rasa_token
        return found


@dataclass
class Layout:
    root: Path

    @property
    def pgdata(self) -> Path:
        return self.root / "postgres"

    @property
    def pgsocket(self) -> Path:
        return self.root / "postgres-socket"

    @property
    def redis_dir(self) -> Path:
        return self.root / "redis"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def file(self, name: str) -> Path:
        return self.root / name


def database_url(ports: Ports, secret: Secrets, db: str) -> str:
    return f"postgresql://{DB_USER}:{secret.postgres_password}@127.0.0.1:{ports.postgres}/{db}"


def store_env(ports: Ports, secret: Secrets) -> Dict[str, str]:
    """Where every process of Rustpunt in the cluster finds the data: our own store (``bot.db``) and Rasa's tracker
    store, which forgetting on request and retention (``bot.privacy.tracker_db``) change directly. Without the second
    one "Wis dit gesprek" and "Wis deze sessie" looked in the SQLite file of 'make run' and left the conversation in
    PostgreSQL."""
    return {"RUSTPUNT_DATABASE_URL": database_url(ports, secret, RECORDS_DB),
            "RUSTPUNT_TRACKER_DB_URL": database_url(ports, secret, TRACKER_DB)}


def endpoints_yml(ports: Ports, secret: Secrets) -> str:
    return f"""# Generated by bot/cluster/config.py for the multi-server set-up; do not edit.
action_endpoint:
  url: "http://127.0.0.1:{ports.actions}/webhook"
tracker_store:
  type: {TRACKER_STORE_TYPE}
  dialect: "postgresql"
  url: "127.0.0.1"
  port: {ports.postgres}
  db: "{TRACKER_DB}"
  username: "{DB_USER}"
  password: "{secret.postgres_password}"
lock_store:
  type: redis
  url: "127.0.0.1"
  port: {ports.redis}
  password: "{secret.redis_password}"
  db: 0
  key_prefix: rustpunt
  socket_timeout: 5
"""


def credentials_yml() -> str:
    return """# Generated by bot/cluster/config.py: REST only (stateless, any Rasa server can answer); the same
# channel as credentials.yml of the single machine.
bot.rasa_runtime.rest_channel.RetrySafeRestInput:
"""


def redis_conf(ports: Ports, secret: Secrets, layout: Layout) -> str:
    return f"""# Generated by bot/cluster/config.py. Locks only: nothing to keep on disk.
bind 127.0.0.1
port {ports.redis}
protected-mode yes
requirepass {secret.redis_password}
daemonize no
dir {layout.redis_dir}
save ""
appendonly no
logfile ""
loglevel warning
"""


def haproxy_cfg(ports: Ports) -> str:
    """Round-robin over both Rasa servers and both action servers; a server that fails three health
    checks (2 s apart) is taken out. A request whose connection is refused goes to the other server.
    A request to a Rasa server that was already sent is never repeated (it may have been processed; the
    client retries with its message_id instead). A call to an action server that died before answering
    is sent to the other one (action servers keep no conversation state). That needs the whole request
    in HAProxy's buffer before it is forwarded (http-buffer-request; without it such a call got 502)."""
    return f"""# Generated by bot/cluster/config.py; do not edit.
global
    maxconn 1024
    tune.bufsize 524288

defaults
    mode http
    timeout connect 2s
    timeout client 180s
    timeout server 180s
    # a busy Rasa server answers its health check late; a dead one refuses the connection at once
    timeout check 20s
    retries 2
    option redispatch
    default-server inter 2s fall 3 rise 2

frontend stats
    bind 127.0.0.1:{ports.stats}
    stats enable
    stats uri /stats

frontend rasa
    bind 127.0.0.1:{ports.rasa}
    default_backend rasa_servers

backend rasa_servers
    balance roundrobin
    option httpchk GET /
    http-check expect status 200
    server rasa1 127.0.0.1:{ports.rasa1} check
    server rasa2 127.0.0.1:{ports.rasa2} check

frontend actions
    bind 127.0.0.1:{ports.actions}
    default_backend action_servers

backend action_servers
    balance roundrobin
    retry-on conn-failure empty-response
    option http-buffer-request
    option httpchk GET /health
    http-check expect status 200
    server actions1 127.0.0.1:{ports.actions1} check
    server actions2 127.0.0.1:{ports.actions2} check
"""
