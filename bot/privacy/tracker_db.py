"""Direct access to Rasa's tracker database (table ``events``) for forgetting and retention.

The URL comes from ``RUSTPUNT_TRACKER_DB_URL`` when set, otherwise from the ``tracker_store``
section of ``endpoints.yml`` (``RUSTPUNT_ENDPOINTS`` names another file), built the way Rasa's
``SQLTrackerStore`` builds it. A relative SQLite path is relative to the project folder, where
Rasa runs. Works from any process (web server, CLI); Rasa itself does not need to run.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Engine

from bot.paths import PROJECT_ROOT

URL_ENV = "RUSTPUNT_TRACKER_DB_URL"
ENDPOINTS_ENV = "RUSTPUNT_ENDPOINTS"
SQL_TYPES = {"sql", "bot.privacy.tracker_store.maskingsqltrackerstore"}
_ENGINES: Dict[str, Engine] = {}
WAL_WAIT = 20.0  # seconds to keep trying to empty a write-ahead log after a deletion (empty_write_ahead_log)
log = logging.getLogger(__name__)


class TrackerDbError(RuntimeError):
    """The tracker database cannot be found from the configuration; the message is Dutch."""


def _expand(value):
    return os.path.expandvars(value) if isinstance(value, str) else value


def url_from_endpoints(path: Path) -> Optional[str]:
    """The database URL of the SQL tracker store in ``path``; None when it has no SQL store."""
    import yaml

    from bot.knowledge.yaml_errors import yaml_error_text

    text = None
    try:
        text = path.read_text(encoding="utf-8")
        config = yaml.safe_load(text) or {}
    except OSError as exc:
        raise TrackerDbError(f"Ik kan {path} niet lezen: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise TrackerDbError(f"Ik kan {path} niet lezen: {yaml_error_text(exc, text)}") from None
    store = config.get("tracker_store") or {}
    if str(store.get("type", "")).lower() not in SQL_TYPES:
        return None
    store = {key: _expand(value) for key, value in store.items()}
    dialect = store.get("dialect") or "sqlite"
    host = store.get("url") or store.get("host")
    if host and "://" in str(host):
        return str(host)
    db = str(store.get("db") or "rasa.db")
    if dialect.startswith("sqlite"):
        db_path = Path(db)
        if not db_path.is_absolute():
            db_path = PROJECT_ROOT / db_path
        return f"sqlite:///{db_path}"
    port = store.get("port")
    return URL.create(
        dialect, username=store.get("username"), password=store.get("password"), host=host,
        port=int(port) if port else None, database=db, query=store.get("query") or {},
    ).render_as_string(hide_password=False)


def tracker_db_url() -> str:
    url = os.environ.get(URL_ENV)
    if url:
        return url
    endpoints = Path(os.environ.get(ENDPOINTS_ENV) or PROJECT_ROOT / "endpoints.yml")
    found = url_from_endpoints(endpoints)
    if not found:
        raise TrackerDbError(
            f"In {endpoints} staat geen SQL-gespreksopslag (tracker_store). Zet {URL_ENV} op de database-URL "
            "van de gespreksopslag."
        )
    return found


def engine(url: Optional[str] = None) -> Engine:
    url = url or tracker_db_url()
    found = _ENGINES.get(url)
    if found is None:
        found = _ENGINES[url] = create_engine(url, future=True, pool_pre_ping=True)
        secure_delete(found)
    return found


def secure_delete(eng: Engine) -> None:
    """SQLite keeps deleted rows in free pages until they are reused; with ``secure_delete`` it
    overwrites them with zeros, so forgotten data is really gone from the file."""
    if eng.dialect.name != "sqlite":
        return
    from sqlalchemy import event

    @event.listens_for(eng, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()


def _has_events(eng: Engine) -> bool:
    database = eng.url.database
    if eng.dialect.name == "sqlite" and database and database != ":memory:" and not Path(database).exists():
        return False  # no conversations yet; do not create an empty file
    return inspect(eng).has_table("events")


def count_events(conversation_id: str, url: Optional[str] = None) -> int:
    eng = engine(url)
    if not _has_events(eng):
        return 0
    with eng.connect() as conn:
        return conn.execute(
            text("SELECT COUNT(*) FROM events WHERE sender_id = :sid"), {"sid": conversation_id}
        ).scalar()


def delete_conversations(conversation_ids: Iterable[str], url: Optional[str] = None) -> int:
    """Delete every event of these conversations; returns the number of events removed."""
    ids = list(dict.fromkeys(conversation_ids))
    eng = engine(url)
    if not ids or not _has_events(eng):
        return 0
    removed = 0
    with eng.begin() as conn:
        for sid in ids:
            removed += conn.execute(text("DELETE FROM events WHERE sender_id = :sid"), {"sid": sid}).rowcount or 0
    if removed:
        empty_write_ahead_log(eng)
    return removed


def conversation_ids(url: Optional[str] = None) -> List[str]:
    """Every conversation with stored events."""
    eng = engine(url)
    if not _has_events(eng):
        return []
    with eng.connect() as conn:
        return [str(row[0]) for row in conn.execute(text("SELECT DISTINCT sender_id FROM events"))]


def all_events(url: Optional[str] = None) -> Iterator[Tuple[str, Any, str]]:
    """(conversation id, timestamp, serialised event) of every stored event, by conversation and oldest first
    (``rustpunt gesprekken``)."""
    eng = engine(url)
    if not _has_events(eng):
        return
    with eng.connect() as conn:
        rows = conn.execute(text("SELECT sender_id, timestamp, data FROM events ORDER BY sender_id, id"))
        for row in rows:
            yield str(row[0]), row[1], str(row[2] or "")


def conversation_events(conversation_id: str, url: Optional[str] = None) -> List[Tuple[int, str]]:
    """(row id, serialised event) of every stored event of one conversation, oldest first."""
    eng = engine(url)
    if not _has_events(eng):
        return []
    with eng.connect() as conn:
        rows = conn.execute(text("SELECT id, data FROM events WHERE sender_id = :sid ORDER BY id"),
                            {"sid": conversation_id})
        return [(int(row[0]), str(row[1] or "")) for row in rows]


def replace_event_data(conversation_id: str, changes: Dict[int, str], url: Optional[str] = None) -> int:
    """Store new serialised events for these row ids of the conversation (rows and their order stay, so Rasa keeps
    counting its events as before); the old text is overwritten in the file and the write-ahead log emptied."""
    if not changes:
        return 0
    eng = engine(url)
    changed = 0
    with eng.begin() as conn:
        for row_id, data in changes.items():
            changed += conn.execute(text("UPDATE events SET data = :data WHERE id = :id AND sender_id = :sid"),
                                    {"data": data, "id": row_id, "sid": conversation_id}).rowcount or 0
    if changed:
        empty_write_ahead_log(eng)
    return changed


def empty_write_ahead_log(eng: Engine, wait: Optional[float] = None) -> bool:
    """After a deletion: SQLite's write-ahead log (the ``-wal`` file next to the database) still holds earlier
    copies of the deleted pages until a checkpoint. Copy the (zeroed, see :func:`secure_delete`) pages into the
    database and empty the log, so forgotten text is gone from every file. Nothing to do for other databases.

    SQLite empties the log only when no other connection still reads an older state of the database; each attempt
    waits for that up to the connection's busy timeout (5 s). A reader that took longer (a long ``rustpunt
    gesprekken`` in another terminal) left the forgotten text in the log, also after later writes: this tries again
    for ``wait`` seconds (default ``WAL_WAIT``), and ``rustpunt opruimen`` (every day, and at every start) empties
    the logs as well (:func:`empty_write_ahead_logs`). False when the log is still in use."""
    if eng.dialect.name != "sqlite":
        return True
    deadline = time.monotonic() + (WAL_WAIT if wait is None else wait)
    while True:
        with eng.connect() as conn:
            busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if not busy:
            return True
        if time.monotonic() >= deadline:
            log.warning("The write-ahead log of %s is still in use by a reader; what was deleted stays in it until "
                        "the next clean-up", Path(eng.url.database or "").name)
            return False
        time.sleep(0.5)


def empty_write_ahead_logs() -> None:
    """Empty the write-ahead logs of Rasa's tracker database (when it is an SQLite file that exists) and of our own
    (``rustpunt opruimen``): what a deletion left in a log that was in use at the time (:func:`empty_write_ahead_log`)
    does not stay longer than a day."""
    from bot.db import get_engine  # lazy: bot.db imports this module

    try:
        url = tracker_db_url()
    except TrackerDbError:
        url = None
    if url:
        eng = engine(url)
        database = eng.url.database
        if eng.dialect.name != "sqlite" or (database and Path(database).exists()):
            empty_write_ahead_log(eng)
    empty_write_ahead_log(get_engine())


def conversations_idle_since(cutoff_timestamp: float, url: Optional[str] = None) -> List[str]:
    """Conversations whose newest event is older than ``cutoff_timestamp`` (seconds since epoch)."""
    eng = engine(url)
    if not _has_events(eng):
        return []
    with eng.connect() as conn:
        rows = conn.execute(
            text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
            {"cutoff": cutoff_timestamp},
        )
        return [row[0] for row in rows]


def reset_engines() -> None:
    for eng in _ENGINES.values():
        eng.dispose()
    _ENGINES.clear()
