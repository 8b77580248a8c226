"""Store and read product records (plans, scores, summaries, call-backs, sessions).

Each capability picks a ``kind`` string; ids are plain integers shown to users.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from typing import Any, Dict, Iterable, Iterator, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import get_engine, session_scope
from bot.privacy.tracker_db import empty_write_ahead_log
from bot.tables import Record


def add_record(
    kind: str,
    data: Dict[str, Any],
    conversation_id: Optional[str] = None,
    title: Optional[str] = None,
    status: Optional[str] = None,
) -> int:
    data = _with_names_masked(kind, data, conversation_id)
    with session_scope() as session:
        row = Record(kind=kind, data=data, conversation_id=conversation_id, title=title, status=status)
        session.add(row)
        session.flush()
        return row.pk


def _with_names_masked(kind: str, data: Any, conversation_id: Optional[str]) -> Any:
    """``data`` with the names masked earlier in the conversation masked too, wherever it quotes them
    (``bot.privacy.masking.mask_known_value``): one place for every record made from a conversation."""
    from bot.privacy.masking import NAMES_KIND, mask_known_value  # lazy: bot.privacy.masking imports this module

    if not conversation_id or kind == NAMES_KIND or data is None:
        return data
    return mask_known_value(data, conversation_id)


def _row(session: Session, kind: str, record_id: int) -> Optional[Record]:
    """The record with this id when it is of ``kind``, else None (an id of another kind is not shown)."""
    row = session.get(Record, record_id)
    return row if row is not None and row.kind == kind else None


def get_record(kind: str, record_id: int) -> Optional[Record]:
    with session_scope() as session:
        row = _row(session, kind, record_id)
        if row is not None:
            session.expunge(row)
        return row


@contextmanager
def editing_record(kind: str, record_id: int, wipes: bool = False) -> Iterator[Optional[Record]]:
    """One transaction around reading and changing a record: the row (None when no record of that
    kind has this id) is read once; assign ``row.data``/``row.status`` and it is committed once.
    ``wipes``: the change removes something on request (a turn, contact details): see :func:`wiped`."""
    with session_scope() as session:
        row = _row(session, kind, record_id)
        before = row.data if row is not None else None
        yield row
        if row is not None and row.data is not before:
            row.data = _with_names_masked(kind, row.data, row.conversation_id)
    if wipes:
        wiped()


def wiped() -> None:
    """After a change that removes or overwrites something on request or after its retention period (every forget,
    wipe and clean-up path, deletions and overwrites alike): the old text is gone from the database file too, not
    only from its write-ahead log later (``bot.privacy.tracker_db.empty_write_ahead_log``)."""
    empty_write_ahead_log(get_engine())


def list_records(
    kind: str,
    conversation_id: Optional[str] = None,
    status: Optional[str] = None,
    limit: int = 1000,
    before: Optional[int] = None,
) -> List[Record]:
    """Up to ``limit`` records of ``kind``, newest first; ``before`` (a record id) pages on to older ones."""
    query = select(Record).where(Record.kind == kind)
    if before is not None:
        query = query.where(Record.pk < before)
    if conversation_id is not None:
        query = query.where(Record.conversation_id == conversation_id)
    if status is not None:
        query = query.where(Record.status == status)
    query = query.order_by(Record.pk.desc()).limit(limit)
    with session_scope() as session:
        rows = list(session.scalars(query))
        for row in rows:
            session.expunge(row)
        return rows


def conversation_ids() -> List[str]:
    """Every conversation id that records were made from (any kind)."""
    query = select(Record.conversation_id).where(Record.conversation_id.is_not(None)).distinct()
    with session_scope() as session:
        return [str(value) for value in session.scalars(query)]


def update_record(
    kind: str,
    record_id: int,
    data: Optional[Dict[str, Any]] = None,
    status: Optional[str] = None,
    wipes: bool = False,
) -> bool:
    """Replace data and/or status; False when no record of that kind has this id. ``wipes``: the new data leaves
    something out on request or after its retention period (see :func:`wiped`)."""
    with session_scope() as session:
        row = _row(session, kind, record_id)
        if row is None:
            return False
        if data is not None:
            row.data = _with_names_masked(kind, data, row.conversation_id)
        if status is not None:
            row.status = status
    if wipes:
        wiped()
    return True


def delete_record(kind: str, record_id: int) -> bool:
    """Remove one record; False when no record of that kind has this id."""
    with session_scope() as session:
        row = _row(session, kind, record_id)
        if row is None:
            return False
        session.delete(row)
    wiped()
    return True


def delete_records(
    conversation_id: Optional[str] = None,
    kinds: Optional[Iterable[str]] = None,
    exclude_kinds: Optional[Iterable[str]] = None,
    created_before: Optional[datetime] = None,
    updated_before: Optional[datetime] = None,
    ids: Optional[Iterable[int]] = None,
) -> Dict[str, int]:
    """Remove every record that matches all given conditions; returns {kind: number removed}.
    At least one condition is required, so a call can never empty the whole table by accident."""
    conditions = []
    if conversation_id is not None:
        conditions.append(Record.conversation_id == conversation_id)
    if kinds is not None:
        conditions.append(Record.kind.in_(list(kinds)))
    if exclude_kinds is not None:
        conditions.append(Record.kind.not_in(list(exclude_kinds)))
    if created_before is not None:
        conditions.append(Record.created_at < created_before)
    if updated_before is not None:
        conditions.append(Record.updated_at < updated_before)
    if ids is not None:
        conditions.append(Record.pk.in_(list(ids)))
    if not conditions:
        raise ValueError("delete_records needs at least one condition")
    removed: Dict[str, int] = {}
    with session_scope() as session:
        for row in session.scalars(select(Record).where(*conditions)):
            removed[row.kind] = removed.get(row.kind, 0) + 1
            session.delete(row)
    if removed:
        wiped()
    return removed
