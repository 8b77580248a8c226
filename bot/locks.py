"""Locks for work that must not run twice at once: one start per folder (``make run`` on ``var/``, ``make run-cluster``
on ``var/cluster/``: :class:`Controller`), one clean-up per database (``bot.privacy.retention``) and one cluster test
per machine (``bot.cluster``).

The operating system (a lock on a file, ``flock``) or PostgreSQL (an advisory lock, held by a connection) lets go of
such a lock when the process that holds it ends, also after a crash or ``kill -9``. A lock file left behind by a
process that is gone therefore never blocks; only a process that still runs does.

The servers a start runs (each in its own process group) outlive a controlling process that was killed with
``kill -9``, while its lock is gone. So the controller writes each server into a register next to its lock
(:class:`Register`: process number, start time, how to stop it), and the next start on the folder stops the servers
still running from it, cleanly, before it changes anything (:func:`stop_leftovers`); a database only with its own
clean shutdown (never SIGKILL). A process number that now belongs to another program is recognised by its start time
and left alone.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import signal
import socket
import time
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, List, Mapping, Optional, Sequence, TextIO, Tuple, Union


class Busy(RuntimeError):
    """Another process holds the lock (still, after waiting)."""


def lock_file(path: Path) -> Optional[TextIO]:
    """An exclusive lock on ``path`` (made when missing; what is in it stays as it is), held until the returned file is
    closed or this process ends; None when another process (or another open file in this one) holds it. A file of
    another user (a lock shared on this machine, :func:`machine_lock`) is locked read-only."""
    try:
        handle = open(path, "a+", encoding="utf-8")
    except PermissionError:
        handle = open(path, encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    except BaseException:
        handle.close()
        raise
    return handle


class _FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: Optional[TextIO] = None

    def acquire(self) -> bool:
        self.handle = lock_file(self.path)
        return self.handle is not None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


class _AdvisoryLock:
    """PostgreSQL's session-level advisory lock on a connection of its own, outside any transaction (a transaction left
    open for the whole clean-up would keep PostgreSQL from reclaiming the deleted rows)."""

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        # a fixed 64-bit number per name: the same in every process
        self.key = int.from_bytes(hashlib.sha256(f"rustpunt:{name}".encode()).digest()[:8], "big", signed=True)
        self.connection: Any = None
        self.held = False

    def _ask(self, sql: str) -> bool:
        from sqlalchemy import text

        answer = bool(self.connection.execute(text(sql), {"key": self.key}).scalar())
        self.connection.commit()
        return answer

    def acquire(self) -> bool:
        if self.connection is None:
            from bot.db import get_engine

            self.connection = get_engine(self.url).connect()
        self.held = self._ask("SELECT pg_try_advisory_lock(:key)")
        return self.held

    def close(self) -> None:
        if self.connection is None:
            return
        try:
            if self.held:
                self._ask("SELECT pg_advisory_unlock(:key)")
        except Exception:  # noqa: BLE001 - a broken connection: PostgreSQL let go with it; never reuse it
            self.connection.invalidate()
        finally:
            self.connection.close()


class _NoLock:
    """An in-memory database: only this process can reach it."""

    def acquire(self) -> bool:
        return True

    def close(self) -> None:
        pass


def _database_lock(url: str, name: str):
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return _AdvisoryLock(url, name)
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        # next to the database file, named as SQLite names its own (-wal, -shm); never the database file itself: closing
        # a second handle on it would drop SQLite's own locks on it in this process
        return _FileLock(Path(f"{parsed.database}-{name}.lock"))
    return _NoLock()


@contextmanager
def only_one(name: str, url: str, wait: float = 0.0, on_wait: Callable[[], None] = lambda: None,
             poll: float = 0.5) -> Iterator[None]:
    """Run the block in one process at a time per database ``url``: PostgreSQL's advisory lock (every process of the
    cluster reaches it), a lock file next to an SQLite file. When another process holds it, ``on_wait`` is called once
    and this waits up to ``wait`` seconds for it; raises :class:`Busy` when it is still held then."""
    lock = _database_lock(url, name)
    try:
        _acquire(lock, name, wait, on_wait, poll)
        yield
    finally:
        lock.close()


def _acquire(lock: Union[_FileLock, _AdvisoryLock, _NoLock], name: str, wait: float, on_wait: Callable[[], None],
             poll: float) -> None:
    if not lock.acquire():
        on_wait()
        deadline = time.monotonic() + wait
        while not lock.acquire():
            if time.monotonic() >= deadline:
                raise Busy(name)
            time.sleep(poll)


# ---- one at a time on this machine ----------------------------------------------------------------------------------

# Not $TMPDIR: a CI job and a developer on the same machine may each have their own.
MACHINE_LOCKS = Path("/tmp")


def machine_lock_path(name: str) -> Path:
    return Path(os.environ.get("RUSTPUNT_MACHINE_LOCK_DIR") or MACHINE_LOCKS) / f"rustpunt-{name}.lock"


class MachineBusy(Busy):
    """Another process holds a lock of :func:`machine_lock`, still, after waiting; the message is what it wrote."""


class MachineLockUnreadable(RuntimeError):
    """The file of a :func:`machine_lock` belongs to another user who left it unreadable for this one; the message is
    Dutch, for whoever started the work."""


def _create_for_everyone(path: Path) -> None:
    """Make the lock file readable for every user of the machine from the start (whatever the umask: the cluster's is
    077), so a holder killed before :func:`machine_lock` opened it up leaves no file the others cannot open."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except OSError:  # there already (or not ours to make): as it is
        return
    try:
        os.fchmod(fd, 0o644)
    finally:
        os.close(fd)


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


@contextmanager
def machine_lock(name: str, about: str, wait: float, on_wait: Callable[[str], None] = lambda holder: None,
                 poll: float = 2.0) -> Iterator[None]:
    """Run the block in one process at a time on this machine, for every user and checkout (a lock file in /tmp that
    everyone may read, with ``about`` in it: who holds it). When another process holds it, ``on_wait`` gets what that
    one wrote, and this waits up to ``wait`` seconds for it; then raises :class:`MachineBusy` with what it wrote."""
    path = machine_lock_path(name)
    _create_for_everyone(path)
    lock = _FileLock(path)
    try:
        try:
            _acquire(lock, name, wait, lambda: on_wait(_holder(path)), poll)
        except Busy:
            raise MachineBusy(_holder(path)) from None
        except PermissionError:
            raise MachineLockUnreadable(
                f"Het lockbestand {path}, dat ervoor zorgt dat dit maar één keer tegelijk op deze machine loopt, is "
                "van een andere gebruiker en voor jou niet te openen. Daardoor kan ik niet nagaan of het nu ergens "
                "anders loopt. Er is niets gestart. Loopt het nergens meer, vraag dan die gebruiker of de beheerder "
                f"dat bestand te verwijderen ('ls -l {path}' laat zien van wie het is) en probeer het daarna opnieuw."
            ) from None
        assert lock.handle is not None
        if lock.handle.writable():  # else a file of another user: locked read-only, their text stays
            with suppress(OSError):  # readable for the other users of this machine, who wait for it
                os.fchmod(lock.handle.fileno(), 0o644)
            lock.handle.truncate(0)
            lock.handle.write(about + "\n")
            lock.handle.flush()
        yield
    finally:
        lock.close()


# ---- one start per folder, and the servers it left running -----------------------------------------------------------

class FolderInUse(RuntimeError):
    """A start on a folder that another start uses; the message is Dutch, for whoever started it."""


@dataclass(frozen=True)
class Controller:
    """One kind of start that a single process controls from a folder, with the words of its messages: 'make run'
    (``bot.supervisor.RUN``) and 'make run-cluster' (``bot.cluster.config.CLUSTER``)."""

    lock: str            # file in the folder: held by the controlling process, with its process number in it
    register: str        # file in the folder: the servers it started (:class:`Register`)
    what: str            # "een cluster"
    it: str              # "dat cluster"
    while_running: str   # what one can do with the one that runs
    command: str         # how it is started: "make run-cluster" (another port: RUSTPUNT_WEB_PORT=<poort> make ...)
    others: str          # programs that may hold its public ports, for :func:`port_taken`


_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def process_start(pid: int) -> Optional[str]:
    """When process ``pid`` started (this boot's id and its start time in clock ticks); None when there is no such
    process (or only a zombie). A process number given to another program later has another start."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
        boot = _BOOT_ID.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    if fields[0] in ("Z", "X"):
        return None
    return f"{boot}:{fields[19]}"


def already_running(folder: Path, controller: Controller) -> str:
    """The Dutch message for a second start on ``folder`` while the lock is held."""
    raw = _holder(folder / controller.lock)
    if raw.isdigit() and process_start(int(raw)) is None:  # its shell was killed while a step of it still runs
        return (f"Een eerdere start van {controller.what} vanuit {folder} (proces {raw}) is afgebroken, maar een "
                "onderdeel ervan (bijvoorbeeld de training) loopt nog. Er is niets gestart en niets veranderd. Wacht "
                "tot dat klaar is en start daarna opnieuw.")
    process = f" (proces {raw})" if raw.isdigit() else ""
    stop = f" of met 'kill {raw}'" if raw.isdigit() else ""
    return (f"Er draait al {controller.what} vanuit {folder}{process}. Er is niets gestart en niets veranderd. Stop "
            f"{controller.it} eerst met Ctrl-C in de terminal waarin het draait{stop}, en start het daarna opnieuw. "
            f"{controller.while_running}")


def claim(folder: Path, controller: Controller, fd: Optional[int] = None, pid: Optional[int] = None
          ) -> Optional[TextIO]:
    """Take the lock that says ``controller`` runs from ``folder``, with process number ``pid`` (default: this process)
    in it, before anything in the folder changes. Held until the returned file is closed or this process ends. With
    ``fd``, a file that a shell opened on the lock (``exec 9>>lock``, scripts/run.sh), it is held as long as that file
    is open in any process, and None is returned. Raises :class:`FolderInUse` (Dutch) when another start holds it."""
    folder = folder.resolve()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / controller.lock
    if fd is None:
        held = lock_file(path)
        if held is None:
            raise FolderInUse(already_running(folder, controller))
        held.truncate(0)
        held.write(f"{pid or os.getpid()}\n")
        held.flush()
        return held
    if not os.path.samestat(os.fstat(fd), path.stat()):
        raise ValueError(f"file descriptor {fd} is not {path}")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise FolderInUse(already_running(folder, controller)) from None
    os.ftruncate(fd, 0)  # opened for appending (>>): the next write goes to the new end
    os.write(fd, f"{pid or os.getpid()}\n".encode())
    return None


def running_from(folder: Path, controller: Controller) -> Optional[str]:
    """The Dutch message of :func:`claim` when a start holds the lock of ``folder``, else None; takes nothing and makes
    no file or folder (for a script, before it installs or trains anything)."""
    folder = folder.resolve()
    path = folder / controller.lock
    if not path.is_file():
        return None
    held = lock_file(path)
    if held is None:
        return already_running(folder, controller)
    held.close()
    return None


@dataclass
class Server:
    """A server in a :class:`Register`: enough to recognise it and to stop it as its controller would."""

    name: str
    pid: int
    start: str                             # process_start(pid) when it was registered
    stop_signal: int = int(signal.SIGTERM)
    group: bool = True                     # the signal goes to its process group: the server and its children
    may_kill: bool = True                  # SIGKILL when it does not stop in time; never a database

    @property
    def running(self) -> bool:
        return process_start(self.pid) == self.start


class Register:
    """The servers a controller started from its folder, in the order they were started (a JSON file, this user only).
    Written by the controller only; read by the next start when the controller is gone (:func:`stop_leftovers`)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def servers(self) -> List[Server]:
        try:
            return [Server(**item) for item in json.loads(self.path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            return []

    def running(self) -> List[Server]:
        return [server for server in self.servers() if server.running]

    def _write(self, servers: List[Server]) -> None:
        if not servers:
            self.path.unlink(missing_ok=True)
            return
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        part.write_text(json.dumps([asdict(server) for server in servers]), encoding="utf-8")
        part.chmod(0o600)
        os.replace(part, self.path)

    def add(self, name: str, pid: int, stop_signal: int = signal.SIGTERM, group: bool = True,
            may_kill: bool = True) -> None:
        start = process_start(pid)
        kept = [server for server in self.servers() if server.name != name]
        self._write(kept + ([Server(name, pid, start, int(stop_signal), group, may_kill)] if start else []))

    def remove(self, name: str) -> None:
        servers = self.servers()
        kept = [server for server in servers if server.name != name]
        if kept != servers:
            self._write(kept)

    def clear(self) -> None:
        self._write([])


def _send(server: Server, signum: int) -> bool:
    """False when this user may not signal it."""
    try:
        if server.group:
            os.killpg(server.pid, signum)
        else:
            os.kill(server.pid, signum)
    except ProcessLookupError:
        pass
    except PermissionError:
        return False
    return True


def _gone(server: Server, seconds: float, poll: float = 0.1) -> bool:
    deadline = time.monotonic() + seconds
    while server.running:
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll)
    return True


def stop_server(server: Server, grace: float = 30.0, patience: float = 120.0) -> bool:
    """Stop a server (not a child of this process) as Ctrl-C would: its own stop signal, SIGKILL after ``grace``
    seconds when it may be killed; a database gets ``patience`` seconds for its clean shutdown and is never killed.
    True when it stopped."""
    if not _send(server, server.stop_signal):
        return False
    if _gone(server, grace if server.may_kill else patience):
        return True
    if not server.may_kill or not _send(server, signal.SIGKILL):
        return False
    return _gone(server, 10.0)


def stop_leftovers(folder: Path, controller: Controller, order: Sequence[str] = (), also: Sequence[Server] = (),
                   grace: float = 30.0, patience: float = 120.0, say: Callable[[str], None] = print) -> List[Server]:
    """With the lock of ``folder`` held (:func:`claim`): stop the servers still running from an earlier start whose
    controlling process is gone (``kill -9``), before anything in the folder changes. ``order``: names stopped first,
    in that order; ``also``: servers found another way (PostgreSQL's own ``postmaster.pid``). Says in Dutch what it
    stops; raises :class:`FolderInUse` (Dutch: what to do) when one does not stop, and starts nothing then."""
    folder = folder.resolve()
    register = Register(folder / controller.register)
    rank = {name: number for number, name in enumerate(order)}
    stopped: List[Server] = []
    for _ in range(3):  # a supervisor among them may just have started one again
        known = register.running()
        found = known + [server for server in also if server.running and server.pid not in {s.pid for s in known}]
        found = [server for server in sorted(found, key=lambda server: rank.get(server.name, len(rank)))
                 if server.pid not in {s.pid for s in stopped}]
        if not found:
            break
        names = ", ".join(f"{server.name} (proces {server.pid})" for server in found)
        say(f"Van een eerdere start vanuit {folder} draaien nog servers, terwijl het proces dat ze bestuurde al weg is "
            f"(bijvoorbeeld gestopt met kill -9): {names}. Die stop ik nu netjes, zoals Ctrl-C dat doet ...")
        for server in found:
            if server.running and not stop_server(server, grace, patience):
                how = ("het is een database die eerst alles netjes wegschrijft; stop het niet met kill -9"
                       if not server.may_kill else f"of stop het zelf met 'kill {server.pid}'")
                raise FolderInUse(
                    f"{server.name} (proces {server.pid}) van een eerdere start vanuit {folder} is na "
                    f"{int(grace if server.may_kill else patience)} s nog niet gestopt. Er is niets gestart en niets "
                    f"in de map veranderd. Wacht tot het gestopt is ({how}) en start daarna opnieuw.")
            stopped.append(server)
    register.clear()
    if stopped:
        databases = [server.name for server in stopped if not server.may_kill]
        note = (f" ({', '.join(databases)} met een eigen nette afsluiting, zonder kill -9: er gaat niets verloren)"
                if databases else "")
        say(f"Die servers zijn gestopt{note}. De nieuwe start gaat verder.")
    return stopped


# ---- the public ports of a start ------------------------------------------------------------------------------------

def port_free(port: int) -> bool:
    """Whether a server can listen on 127.0.0.1:``port`` now (a port of a connection just closed counts as free)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def read_port(env: Mapping[str, str], variable: str, default: int) -> int:
    """The port in ``variable`` (RUSTPUNT_WEB_PORT ...), ``default`` when it is not set; a Dutch :class:`ValueError`
    when it is no port number."""
    raw = (env.get(variable) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ValueError(f"{variable} moet een poortnummer tussen 1 en 65535 zijn, niet {raw!r}.")
    return int(raw)


def port_taken(controller: Controller, ports: Sequence[Tuple[int, str, str]]) -> Optional[str]:
    """The Dutch message for the first of ``ports`` (port, its variable, what listens there in Dutch) that another
    program listens on, else None. Asked by a start with its lock held and the servers of an earlier start on the
    folder stopped (:func:`stop_leftovers`), before anything starts: else a server stopped on a port in use only after
    the others had started (the cluster: after PostgreSQL and both Rasa servers), or kept restarting ('make run')."""
    for port, variable, what in ports:
        if not port_free(port):
            return (f"Poort {port} ({what}) is al in gebruik door een ander programma, bijvoorbeeld "
                    f"{controller.others}. Er is niets gestart. Stop dat programma eerst, of kies een andere poort met "
                    f"{variable}=<poort> {controller.command}.")
    return None
