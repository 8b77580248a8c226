"""Our own SQL store: one engine per database URL, created lazily.

SQLite file ``var/rustpunt.db`` by default; set ``RUSTPUNT_DATABASE_URL`` for PostgreSQL
(for example ``postgresql://user:pass@localhost/rustpunt``). SQLAlchemy 1.4, 2.0-style queries.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import create_engine, event, inspect, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool
from sqlalchemy.schema import CreateIndex, CreateTable

from bot.paths import var_dir
from bot.privacy.tracker_db import secure_delete
from bot.tables import Base, Record

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
        number_per_conversation(engine)  # before the rebuild below: it copies every column of today's table
        if sqlite:
            never_reuse_record_numbers(engine)
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


OWNER_NUMBER = "nummer"


def number_per_conversation(engine: Engine) -> int:
    """Bring a store made before ``records.nummer`` (the number a professional sees, counted within the conversation;
    ``bot.tables.Record``) along: add the column, and give every record made in a conversation that has none its
    number, 1, 2, 3 ... per kind in the order they were made. A second worker starting at the same moment finds the
    column there (or adds nothing twice) and gives the same numbers. Without records lacking a number: one query.
    Returns how many records got a number."""
    table = Record.__table__
    if OWNER_NUMBER not in {column["name"] for column in inspect(engine).get_columns(table.name)}:
        postgres = engine.dialect.name == "postgresql"
        ddl = f"ALTER TABLE {table.name} ADD COLUMN {'IF NOT EXISTS ' if postgres else ''}{OWNER_NUMBER} INTEGER"
        try:
            with engine.begin() as connection:
                connection.execute(text(ddl))
        except OperationalError as exc:  # SQLite: another worker added it just now
            if "duplicate column" not in str(exc).lower():
                raise
    missing = (Record.nummer.is_(None), Record.conversation_id.is_not(None))
    with engine.begin() as connection:
        if connection.execute(select(Record.pk).where(*missing).limit(1)).first() is None:
            return 0
        rows = connection.execute(select(Record.pk, Record.kind, Record.conversation_id, Record.nummer)
                                  .where(Record.conversation_id.is_not(None)).order_by(Record.pk)).all()
        last: Dict[Any, int] = {}
        given = 0
        for pk, kind, conversation, number in rows:
            key = (kind, conversation)
            if number is None:
                number = last.get(key, 0) + 1
                given += connection.execute(
                    update(Record).where(Record.pk == pk, Record.nummer.is_(None))
                    .values(nummer=number, updated_at=Record.updated_at)  # not a change: the retention period stays
                ).rowcount or 0
            last[key] = max(last.get(key, 0), number)
    return given


def never_reuse_record_numbers(engine: Engine) -> bool:
    """Rebuild an SQLite ``records`` table made before AUTOINCREMENT, keeping every row and its number.

    Without AUTOINCREMENT SQLite gives the highest number again after that record was wiped, so "sessie 11" in a
    trainer's note could become another trainee's session. New databases get the keyword from ``bot.tables``;
    this brings an existing ``var/rustpunt.db`` along once. One transaction that holds the write lock, so a
    second worker starting at the same moment waits and then finds nothing to do. True when it rebuilt.
    """
    table = Record.__table__
    raw = engine.raw_connection()
    try:
        connection = raw.connection  # the sqlite3 connection
        previous = connection.isolation_level
        connection.isolation_level = None  # explicit transaction below; sqlite3 would not wrap the DDL
        try:
            cursor = connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                row = cursor.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table.name,)
                ).fetchone()
                if not row or "AUTOINCREMENT" in (row[0] or "").upper():
                    cursor.execute("COMMIT")
                    return False
                columns = ", ".join(column.name for column in table.columns)
                cursor.execute(f"ALTER TABLE {table.name} RENAME TO {table.name}_before_autoincrement")
                for index in table.indexes:
                    cursor.execute(f"DROP INDEX IF EXISTS {index.name}")
                cursor.execute(str(CreateTable(table).compile(dialect=engine.dialect)))
                for index in table.indexes:
                    cursor.execute(str(CreateIndex(index).compile(dialect=engine.dialect)))
                cursor.execute(
                    f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {table.name}_before_autoincrement"
                )
                cursor.execute(f"DROP TABLE {table.name}_before_autoincrement")
                cursor.execute("COMMIT")
            except Exception:
                cursor.execute("ROLLBACK")
                raise
        finally:
            connection.isolation_level = previous
    finally:
        raw.close()
    return True


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
