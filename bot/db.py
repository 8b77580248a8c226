"""Our own SQL store: one engine per database URL, created lazily.

SQLite file ``var/rustpunt.db`` by default; set ``RUSTPUNT_DATABASE_URL`` for PostgreSQL
(for example ``postgresql://user:pass@localhost/rustpunt``). SQLAlchemy 1.4, 2.0-style queries.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.paths import var_dir
from bot.privacy.tracker_db import secure_delete
from bot.tables import Base

_ENGINES: Dict[str, Engine] = {}
_SESSIONS: Dict[str, sessionmaker] = {}


def database_url() -> str:
    url = os.environ.get("RUSTPUNT_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{var_dir() / 'rustpunt.db'}"


def get_engine(url: Optional[str] = None) -> Engine:
    """The engine for ``url`` (default: :func:`database_url`); tables are created on first use."""
    url = url or database_url()
    engine = _ENGINES.get(url)
    if engine is None:
        sqlite = url.startswith("sqlite")
        if sqlite and ":memory:" not in url and url not in ("sqlite://", "sqlite:///"):
            engine = sqlite_file_engine(url, pool_size=4, future=True)
        else:
            engine = create_engine(url, future=True, pool_pre_ping=not sqlite)
            if sqlite:
                event.listen(engine, "connect", _sqlite_pragmas)
        secure_delete(engine)  # deleted records are overwritten in the SQLite file
        Base.metadata.create_all(engine)
        _ENGINES[url] = engine
    return engine


def sqlite_file_engine(url: Any, pool_size: int, **options: Any) -> Engine:
    """An engine for an SQLite file (ours, and Rasa's tracker store): write-ahead log and open connections.

    SQLAlchemy 1.4 opens and closes a connection per session for SQLite files; closing the last one
    checkpoints the write-ahead log (a third of a role-play turn's time), so a small pool keeps them open.
    """
    engine = create_engine(url, poolclass=QueuePool, pool_size=pool_size,
                           connect_args={"check_same_thread": False}, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    """Write-ahead log: readers (web page, CLI, a second action-server worker) do not wait for a
    writer, and a commit costs one sync of the log instead of two of the database file."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


@contextmanager
def session_scope(url: Optional[str] = None) -> Iterator[Session]:
    """A transaction: commits on success, rolls back on error."""
    url = url or database_url()
    factory = _SESSIONS.get(url)
    if factory is None:
        factory = _SESSIONS[url] = sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def reset_engines() -> None:
    """Forget cached engines (tests switch databases)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()
    _SESSIONS.clear()
