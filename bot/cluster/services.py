"""Start, watch and stop the pieces of the multi-server set-up on this machine.

PostgreSQL (own data directory, port and socket directory), Redis (own config), two Rasa servers, two
action servers, the web server and HAProxy in front of the Rasa and action servers. Every process gets
its own process group so it can be stopped (or, in the fault test, killed) on its own.
"""
from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, TextIO

from bot import locks
from bot.cluster import config
from bot.cluster.config import Layout, Ports, Secrets
from bot.locks import Register, Server
from bot.supervisor import Supervisor, standard_tasks

PROJECT = Path(__file__).resolve().parents[2]

# What 'scripts/run.sh' runs before the servers start, in the same order, here on the cluster's databases (store_env):
# check or make the key, load the knowledge, remove what is past its retention period. The daily repeat of the last
# one is Cluster.scheduler.
START_STEPS = (
    (("sleutel", "klaarzetten"), "De sleutel van de versleutelde contactgegevens is niet in orde"),
    (("kennis", "laad"), "De kennis laden in PostgreSQL is mislukt"),
    (("opruimen",), "Opruimen volgens de bewaartermijn is mislukt"),
)


# Cluster.stop: the servers that use the others first, PostgreSQL last. The servers of one group use none of each
# other and stop at the same time (one after another the stop took 22-24 s: each waited for the one before); the next
# group starts stopping when the whole group before it has stopped, so nothing loses a server it still uses.
STOP_GROUPS = (("web", "haproxy"), ("rasa1", "rasa2"), ("actions1", "actions2", "redis"), ("postgres",))
# stop_leftovers (after kill -9 of the controlling process): the same order, one at a time
STOP_ORDER = tuple(name for group in STOP_GROUPS for name in group)
# PostgreSQL's clean shutdown writes what it still holds; it is never killed (SIGKILL), also not when it takes long
POSTGRES_STOP_SECONDS = 120.0


class ClusterError(RuntimeError):
    """Something could not start; the message is Dutch and meant for whoever started the cluster."""


def claim(root: Path) -> TextIO:
    """Take the lock that says a cluster runs from ``root`` (``config.LOCK_FILE``, with this process's number in it),
    before anything in the folder changes; it is held until the returned file is closed or this process ends. A second
    start on the same folder stops here with a Dutch :class:`ClusterError` and changes nothing: before, it wrote new
    ports into beheer.json, endpoints.yml and haproxy.cfg and only then did PostgreSQL refuse, so 'beheer' and a later
    restart used the wrong ports. The lock of a run that crashed went with its process (``bot.locks``); the servers it
    left running are stopped by :func:`stop_leftovers`."""
    try:
        held = locks.claim(root, config.CLUSTER)
    except locks.FolderInUse as exc:
        raise ClusterError(str(exc)) from None
    assert held is not None
    return held


def running_from(root: Path) -> Optional[str]:
    """The Dutch message of :func:`claim` when a cluster runs from ``root``, else None; takes nothing and makes no
    file or folder (for 'scripts/run_cluster.sh', before it installs or trains anything)."""
    return locks.running_from(root, config.CLUSTER)


def _postmaster(layout: Layout) -> List[Server]:
    """The PostgreSQL of the folder, from its own ``postmaster.pid``: also when the register missed it. Stopped as
    'pg_ctl stop -m fast' does (SIGINT to the postmaster)."""
    try:
        pid = int((layout.pgdata / "postmaster.pid").read_text(encoding="utf-8").split()[0])
        name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip()
    except (OSError, ValueError, IndexError):
        return []
    start = locks.process_start(pid)
    if not start or not name.startswith("postgres"):
        return []
    return [Server("postgres", pid, start, int(signal.SIGINT), group=False, may_kill=False)]


def stop_leftovers(root: Path, say=print, grace: float = 30.0, patience: float = 120.0) -> List[Server]:
    """With the lock held (:func:`claim`): stop, cleanly and in the order of :meth:`Cluster.stop`, the servers of an
    earlier cluster on ``root`` whose controlling process was killed (``kill -9``): before, they kept the public ports,
    PostgreSQL refused to start on its own data and the old Rasa servers kept answering. PostgreSQL gets its fast
    shutdown (SIGINT) and is never killed; when it does not stop, a Dutch :class:`ClusterError` says what to do."""
    root = root.resolve()
    try:
        return locks.stop_leftovers(root, config.CLUSTER, order=STOP_ORDER, also=_postmaster(Layout(root)),
                                    grace=grace, patience=patience, say=say)
    except locks.FolderInUse as exc:
        raise ClusterError(str(exc)) from None


def postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    which = shutil.which(name)
    if which:
        return which
    raise ClusterError(f"PostgreSQL-programma '{name}' niet gevonden. Installeer het pakket 'postgresql'.")


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status == 200
    except Exception:
        return False


def database_reachable(url: str, timeout: int = 3) -> Optional[str]:
    """None when the database answers, else the reason (English, for logs)."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(url, connect_args={"connect_timeout": timeout}, future=True)
    try:
        with engine.connect() as conn:
            conn.execute(sqlalchemy.text("SELECT 1"))
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return type(exc).__name__
    finally:
        engine.dispose()


def redis_reachable(port: int, password: str) -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, password=password, socket_timeout=2).ping())
    except Exception:  # noqa: BLE001
        return False


@dataclass
class Service:
    name: str
    argv: List[str]
    env: Dict[str, str] = field(default_factory=dict)
    user: Optional[str] = None
    process: Optional[subprocess.Popen] = None
    stop_signal: int = int(signal.SIGTERM)  # a clean stop (PostgreSQL: SIGINT, its fast shutdown)
    may_kill: bool = True                   # SIGKILL when a clean stop takes too long; never for PostgreSQL

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


class Cluster:
    """The whole set-up. ``start()`` brings everything up in order; ``stop()`` ends every process
    this object started (also after a partial start)."""

    def __init__(self, root: Path, model: Path, ports: Ports, rasa_token: Optional[str] = None) -> None:
        self.layout = Layout(root.resolve())
        self.model = model.resolve()
        self.ports = ports
        self.services: Dict[str, Service] = {}
        self.stop_seconds: Dict[str, float] = {}  # how long each server took to stop (stop_services), for the report
        self.layout.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.layout.logs.mkdir(mode=0o700, exist_ok=True)
        self.secret = Secrets.load_or_create(self.layout.file("secrets.json"), rasa_token)
        self.pg_user = "postgres" if os.geteuid() == 0 else None
        # every server started, for the next start when this process is killed (kill -9; stop_leftovers)
        self.register = Register(self.layout.file(config.CLUSTER.register))
        # The daily tasks of 'make run' ('rustpunt opruimen', bot.supervisor.standard_tasks) on both PostgreSQL
        # databases, started by this one process (the one that runs 'python -m bot.cluster run'), never by the Rasa or
        # action servers, of which there are two; a task still running is not started a second time.
        self.scheduler = Supervisor([], self.layout.logs, tasks=standard_tasks(env=self.store_env))

    # ---- urls -------------------------------------------------------------------------------------
    @property
    def tracker_url(self) -> str:
        return config.database_url(self.ports, self.secret, config.TRACKER_DB)

    @property
    def records_url(self) -> str:
        return config.database_url(self.ports, self.secret, config.RECORDS_DB)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.rasa}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.web}"

    # ---- processes --------------------------------------------------------------------------------
    def _spawn(self, service: Service) -> None:
        log = open(self.layout.logs / f"{service.name}.log", "ab")
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", **service.env}
        kwargs: Dict[str, Any] = {}
        if service.user:
            kwargs = {"user": service.user, "group": pwd.getpwnam(service.user).pw_gid, "extra_groups": []}
        service.process = subprocess.Popen(
            service.argv,
            cwd=PROJECT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            umask=0o077,
            **kwargs,
        )
        log.close()
        self.services[service.name] = service
        self.register.add(service.name, service.process.pid, service.stop_signal, may_kill=service.may_kill)

    def start_service(self, name: str) -> None:
        """(Re)start one service with the command it was first started with."""
        self._spawn(self.services[name])

    def stop_service(self, name: str, kill: bool = False, timeout: float = 20.0) -> None:
        """Stop one service: SIGKILL when ``kill`` (a crash), else a clean stop (its ``stop_signal``; SIGKILL after
        ``timeout`` seconds, except PostgreSQL: it gets POSTGRES_STOP_SECONDS and stays registered if it still runs,
        so the next start waits for it)."""
        self.stop_services((name,), kill=kill, timeout=timeout)

    def stop_services(self, names: Sequence[str], kill: bool = False, timeout: float = 20.0) -> None:
        """Stop ``names`` at the same time, as :meth:`stop_service` stops one: each gets its signal first, then each is
        waited for, every one with its own time limit counted from that signal. Records how long each took in
        ``stop_seconds``."""
        sent = time.monotonic()
        signalled: List[Service] = []
        for name in names:
            service = self.services.get(name)
            if not service or not service.running or service.process is None:
                if service:  # only a server this object started: another's stays registered for stop_leftovers
                    self.register.remove(name)
                continue
            try:
                os.killpg(service.process.pid, signal.SIGKILL if kill else service.stop_signal)
            except ProcessLookupError:
                pass
            signalled.append(service)
        for service in signalled:
            limit = timeout if service.may_kill or kill else POSTGRES_STOP_SECONDS
            self._await_stop(service, kill, max(0.1, limit - (time.monotonic() - sent)))
            self.stop_seconds[service.name] = round(time.monotonic() - sent, 1)

    def _await_stop(self, service: Service, kill: bool, wait: float) -> None:
        process = service.process
        assert process is not None
        pid = process.pid
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            if not service.may_kill and not kill:
                print(f"Let op: {service.name} (proces {pid}) is na {POSTGRES_STOP_SECONDS:.0f} s nog niet klaar met "
                      "afsluiten. Het stopt vanzelf zodra alles is weggeschreven; stop het niet met kill -9. Een "
                      "nieuwe start wacht daarop.", file=sys.stderr, flush=True)
                return
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
        self.register.remove(service.name)

    def stop(self) -> None:
        """Stop everything, group by group (:data:`STOP_GROUPS`), PostgreSQL last."""
        self.scheduler.stop()
        self.stop_seconds = {}
        for group in STOP_GROUPS:
            self.stop_services(group)

    def run_due_tasks(self) -> None:
        """Start a daily task whose time has come (call regularly while the cluster runs)."""
        self.scheduler.poll()

    def dead_services(self) -> List[str]:
        return [name for name, service in self.services.items() if not service.running]

    def _wait(self, what: str, check, timeout: float, services: List[str]) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            for name in services:
                if not self.services[name].running:
                    raise ClusterError(
                        f"{what} is onverwacht gestopt. Zie {self.layout.logs / (name + '.log')}."
                    )
            time.sleep(0.5)
        raise ClusterError(f"{what} is na {int(timeout)} s nog niet klaar. Zie de logboeken in {self.layout.logs}.")

    # ---- the servers of Rustpunt ------------------------------------------------------------------
    # All three ask for or send the one token (RUSTPUNT_RASA_TOKEN, bot.rasa_runtime.http_guard), as with 'make run':
    # Rasa's API and channel webhooks and the action servers answer only with it, and the web server sends it.
    @property
    def token_env(self) -> Dict[str, str]:
        return {"RUSTPUNT_RASA_TOKEN": self.secret.rasa_token}

    @property
    def store_env(self) -> Dict[str, str]:
        """Our own store and Rasa's tracker store in PostgreSQL, for each process of Rustpunt (``config.store_env``)."""
        return config.store_env(self.ports, self.secret)

    def action_service(self, name: str, port: int) -> Service:
        """An action server, started warm and guarded as with 'make run' (bot.action_server); one Sanic worker each
        (two action servers share this machine's cores with two Rasa servers)."""
        return Service(
            name, [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(port)],
            env={**self.token_env, **self.store_env, "SANIC_HOST": "127.0.0.1",
                 "ACTION_SERVER_SANIC_WORKERS": "1"},
        )

    def rasa_service(self, name: str, port: int) -> Service:
        """A Rasa server (bot.rasa_server): its API and webhooks ask for the token, and it sends the token to the
        action servers."""
        return Service(
            name,
            [sys.executable, "-m", "bot.rasa_server", "run", "--enable-api", "-i", "127.0.0.1", "--port", str(port),
             "--credentials", str(self.layout.file("credentials.yml")),
             "--endpoints", str(self.layout.file("endpoints.yml")), "-m", str(self.model)],
            env={**self.token_env, **self.store_env},
        )

    def web_service(self) -> Service:
        """The web page, talking to the Rasa servers through the balancer with the token; it wipes in PostgreSQL
        ("Wis dit gesprek", "Wis deze sessie")."""
        return Service("web", [sys.executable, "-m", "bot.web"], env={
            **self.token_env, **self.store_env, "RUSTPUNT_WEB_PORT": str(self.ports.web),
            "RUSTPUNT_RASA_URL": self.rasa_url,
        })

    # ---- PostgreSQL -------------------------------------------------------------------------------
    def _prepare_dirs(self) -> None:
        root = self.layout.root
        if self.pg_user:
            # PostgreSQL refuses to run as root: it runs as 'postgres' and must reach its own
            # directories (traverse only; nothing here is readable for others).
            for parent in (root.parent, root):
                parent.chmod(0o711)
        for path in (self.layout.pgdata, self.layout.pgsocket):
            path.mkdir(mode=0o700, exist_ok=True)
            if self.pg_user:
                entry = pwd.getpwnam(self.pg_user)
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self.layout.redis_dir.mkdir(mode=0o700, exist_ok=True)

    def _as_postgres(self, argv: List[str]) -> subprocess.CompletedProcess:
        kwargs: Dict[str, Any] = {}
        if self.pg_user:
            kwargs = {"user": self.pg_user, "group": pwd.getpwnam(self.pg_user).pw_gid, "extra_groups": []}
        return subprocess.run(argv, capture_output=True, text=True, cwd="/", **kwargs)

    def _psql(self, sql: str) -> str:
        result = self._as_postgres(
            [postgres_bin("psql"), "-h", str(self.layout.pgsocket), "-p", str(self.ports.postgres),
             "-U", "postgres", "-d", "postgres", "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql]
        )
        if result.returncode != 0:
            raise ClusterError(f"PostgreSQL-opdracht mislukt: {result.stderr.strip()}")
        return result.stdout.strip()

    def start_postgres(self) -> None:
        self._prepare_dirs()
        if not (self.layout.pgdata / "PG_VERSION").exists():
            result = self._as_postgres(
                [postgres_bin("initdb"), "-D", str(self.layout.pgdata), "-U", "postgres", "-E", "UTF8",
                 "--no-locale", "--auth-local=peer", "--auth-host=scram-sha-256"]
            )
            if result.returncode != 0:
                raise ClusterError(f"PostgreSQL-database aanmaken (initdb) mislukt: {result.stderr.strip()}")
        self._spawn(Service(
            "postgres",
            [postgres_bin("postgres"), "-D", str(self.layout.pgdata), "-c", "listen_addresses=127.0.0.1",
             "-c", f"port={self.ports.postgres}", "-c", f"unix_socket_directories={self.layout.pgsocket}",
             "-c", "max_connections=200"],
            user=self.pg_user, stop_signal=int(signal.SIGINT), may_kill=False,
        ))
        isready = [postgres_bin("pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.ports.postgres)]
        self._wait("PostgreSQL", lambda: subprocess.run(isready).returncode == 0, 60, ["postgres"])
        password = self.secret.postgres_password.replace("'", "''")
        if self._psql(f"SELECT 1 FROM pg_roles WHERE rolname='{config.DB_USER}'") != "1":
            self._psql(f"CREATE ROLE {config.DB_USER} LOGIN PASSWORD '{password}'")
        else:
            self._psql(f"ALTER ROLE {config.DB_USER} PASSWORD '{password}'")
        for db in (config.TRACKER_DB, config.RECORDS_DB):
            if self._psql(f"SELECT 1 FROM pg_database WHERE datname='{db}'") != "1":
                self._psql(f"CREATE DATABASE {db} OWNER {config.DB_USER}")

    # ---- the rest ---------------------------------------------------------------------------------
    def write_configs(self) -> None:
        files = {
            "endpoints.yml": config.endpoints_yml(self.ports, self.secret),
            "credentials.yml": config.credentials_yml(),
            "redis.conf": config.redis_conf(self.ports, self.secret, self.layout),
            "haproxy.cfg": config.haproxy_cfg(self.ports),
            config.ADMIN_ENV_FILE: json.dumps(self.store_env),
        }
        for name, text in files.items():
            path = self.layout.file(name)
            path.write_text(text)
            path.chmod(0o600)

    def start_redis(self) -> None:
        self._spawn(Service("redis", [shutil.which("redis-server") or "redis-server",
                                      str(self.layout.file("redis.conf"))]))
        self._wait("Redis", lambda: redis_reachable(self.ports.redis, self.secret.redis_password), 30, ["redis"])

    def start(self, log=print) -> None:
        self.write_configs()
        log("PostgreSQL starten ...")
        self.start_postgres()
        reason = database_reachable(self.tracker_url)
        if reason:
            raise ClusterError(
                "De PostgreSQL-database is niet bereikbaar, dus Rasa kan niet starten "
                f"(Rasa zou anders eindeloos blijven wachten). Zie {self.layout.logs / 'postgres.log'}."
            )
        for step, failed in START_STEPS:
            done = subprocess.run([str(Path(sys.executable).parent / "rustpunt"), *step], cwd=PROJECT,
                                  env={**os.environ, **self.store_env},
                                  capture_output=True, text=True)
            with open(self.layout.logs / f"{step[0]}.log", "a", encoding="utf-8") as output:
                output.write(done.stdout + done.stderr)  # opruimen.log: next to the daily runs (scheduler)
            if done.returncode != 0:
                raise ClusterError(f"{failed}:\n{done.stdout}{done.stderr}")
        log("Redis starten ...")
        self.start_redis()
        log("Twee actieservers en twee Rasa-servers starten (dit duurt een minuut of langer) ...")
        for name, port in (("actions1", self.ports.actions1), ("actions2", self.ports.actions2)):
            self._spawn(self.action_service(name, port))
        for name, port in (("rasa1", self.ports.rasa1), ("rasa2", self.ports.rasa2)):
            self._spawn(self.rasa_service(name, port))
        log("HAProxy (verdeler) starten ...")
        self._spawn(Service("haproxy", [shutil.which("haproxy") or "haproxy", "-db",
                                        "-f", str(self.layout.file("haproxy.cfg"))]))
        for name, port, path in (
            ("actions1", self.ports.actions1, "/health"),
            ("actions2", self.ports.actions2, "/health"),
            ("rasa1", self.ports.rasa1, "/"),
            ("rasa2", self.ports.rasa2, "/"),
        ):
            self._wait(name, lambda p=port, u=path: http_ok(f"http://127.0.0.1:{p}{u}"), 600, [name, "haproxy"])
        self._spawn(self.web_service())
        self._wait("de webpagina", lambda: http_ok(self.web_url + "/"), 60, ["web"])
        self._wait("de verdeler", lambda: http_ok(self.rasa_url + "/") and
                   http_ok(f"http://127.0.0.1:{self.ports.actions}/health"), 30, ["haproxy"])
        self.scheduler.start()  # first repeat in a day: START_STEPS just cleaned up
