"""What our own store holds, as bytes to search for what was typed, on SQLite and on PostgreSQL alike."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List, Optional

from sqlalchemy import inspect, text


def database_bytes(url: Optional[str] = None) -> bytes:
    """SQLite: the database file with its write-ahead log and shared memory (``-wal``, ``-shm``), byte for byte, so
    deleted rows that were not overwritten count too. PostgreSQL (``make test-postgres``): the text of every row of
    every table in the database (``SELECT CAST(t AS text) FROM t``), JSON columns as stored."""
    url = url or os.environ["RUSTPUNT_DATABASE_URL"]
    if url.startswith("sqlite"):
        database = Path(url.removeprefix("sqlite:///"))
        return b"".join(path.read_bytes() for path in sorted(database.parent.glob(database.name + "*"))
                        if path.is_file())
    from bot.db import get_engine

    engine = get_engine(url)
    found = []
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            quoted = engine.dialect.identifier_preparer.quote(table)
            found += [str(row[0]) for row in connection.execute(text(f"SELECT CAST(t AS text) FROM {quoted} t"))]
    assert found, "the database holds no rows at all: the search would find nothing by mistake"
    return "\n".join(found).encode("utf-8")


def in_database(typed: Iterable[str], url: Optional[str] = None) -> List[str]:
    """The pieces of ``typed`` (lower case) readable in our own store (:func:`database_bytes`, read once)."""
    stored = database_bytes(url).lower()
    return [piece for piece in typed if piece.encode() in stored]
