"""Locks for work that must not run twice at once: one cluster per folder (``bot.cluster``) and one clean-up per
database (``bot.privacy.retention``).

The operating system (a lock on a file, ``flock``) or PostgreSQL (an advisory lock, held by a connection) lets go of
such a lock when the process that holds it ends, also after a crash or ``kill -9``. A lock file left behind by a
process that is gone therefore never blocks; only a process that still runs does.
"""
from __future__ import annotations

import fcntl
import hashlib
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, TextIO


class Busy(RuntimeError):
    """Another process holds the lock (still, after waiting)."""


def lock_file(path: Path) -> Optional[TextIO]:
    """An exclusive lock on ``path`` (made when missing; what is in it stays as it is), held until the returned file is
    closed or this process ends; None when another process (or another open file in this one) holds it."""
    handle = open(path, "a+", encoding="utf-8")
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
        if not lock.acquire():
            on_wait()
            deadline = time.monotonic() + wait
            while not lock.acquire():
                if time.monotonic() >= deadline:
                    raise Busy(name)
                time.sleep(poll)
        yield
    finally:
        lock.close()
