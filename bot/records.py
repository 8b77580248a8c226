"""Store and read product records (plans, scores, summaries, call-backs, sessions).

Each capability picks a ``kind`` string; ids are plain integers shown to users.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bot.db import get_engine, session_scope
from bot.privacy import tracker_db
from bot.privacy.tracker_db import empty_write_ahead_log
from bot.tables import ActionWrite, ForgottenConversation, Record, RecordNumber

log = logging.getLogger(__name__)

# How long a forgotten conversation is remembered (as a keyed hash) for the turns still running in it: far longer than
# any turn (the chat's time limit is minutes).
FORGOTTEN_FOR = timedelta(days=1)
_FORGOTTEN_PURPOSE = "vergeten-gesprek"


class ConversationForgotten(RuntimeError):
    """A record was to be made from a conversation that was forgotten while the turn making it was running."""


# What the chat says instead (actions.base): kept here, next to the refusal, and not as a domain response, so the
# Rasa model does not depend on it.
FORGOTTEN_DURING_TURN = ("Dit gesprek is net gewist, terwijl ik nog met je bericht bezig was. Daarom heb ik hiervan "
                         "niets bewaard. Je begint nu met een nieuw gesprek: typ gerust opnieuw wat je wilt doen.")


# One call of an action (``actions.base``). In the set-up with several servers the balancer sends a call to an action
# server that closed its connection without answering to the other one (``bot.cluster.config.haproxy_cfg``:
# ``retry-on empty-response``): when the first died after storing a record, the action runs again with the same
# tracker. Each record a call stores is remembered under a keyed hash of the call and of its kind and order, so the
# call run again gets the same record back instead of a second one.
_ACTION_WRITES_PURPOSE = "actie-schrijving"


@dataclass
class _ActionCall:
    conversation_id: str
    key: str  # message id, position in the conversation and action name
    made: Dict[str, int] = field(default_factory=dict)  # records per kind so far in this call

    def next_digest(self, kind: str) -> Optional[str]:
        order = self.made.get(kind, 0)
        self.made[kind] = order + 1
        try:
            return _digest(f"{self.conversation_id}\x00{self.key}\x00{kind}\x00{order}", _ACTION_WRITES_PURPOSE)
        except Exception as exc:  # noqa: BLE001 - no key file: store as before, without the guard
            log.warning("a call's records are not guarded against a retry (%s)", type(exc).__name__)
            return None


_CALL: ContextVar[Optional[_ActionCall]] = ContextVar("rustpunt_action_call", default=None)


@contextmanager
def action_call(conversation_id: Optional[str], message_id: Optional[str], position: int,
                action: str) -> Iterator[None]:
    """Around one run of an action: a record it stores in ``conversation_id`` is stored once for this call, identified
    by the user message it answers, the number of events before it and the action's name (the same for a call the
    balancer sends again). Without a conversation or message id nothing is guarded."""
    token = None
    if conversation_id and message_id:
        token = _CALL.set(_ActionCall(str(conversation_id), f"{message_id}\x00{int(position)}\x00{action}"))
    try:
        yield
    finally:
        if token is not None:
            _CALL.reset(token)


def _stored_by_this_call(session: Session, kind: str, conversation_id: Optional[str]) -> Tuple[Optional[str],
                                                                                              Optional[int]]:
    """The digest under which a record of ``kind`` of the running action call is remembered, and the record that call
    already stored (it ran before, on a server that died before answering); (None, None) outside a guarded call."""
    call = _CALL.get()
    if call is None or not conversation_id or call.conversation_id != str(conversation_id):
        return None, None
    digest = call.next_digest(kind)
    if digest is None:
        return None, None
    earlier = session.get(ActionWrite, digest)
    if earlier is None:
        return digest, None
    row = session.get(Record, earlier.record_pk)
    if row is None or row.kind != kind or row.conversation_id != str(conversation_id):
        session.delete(earlier)  # wiped since: this call stores it anew
        session.flush()
        return digest, None
    return digest, int(row.pk)


def _edited_by_this_call(session: Session, kind: str, row: Optional[Record]) -> Tuple[Optional[str], bool]:
    """For a change of ``row`` in the running action call (:func:`editing_record`): the digest it is remembered under,
    and whether this call made it already (it ran before, on a server that died before answering); (None, False)
    outside a guarded call or without a row. The change run again is not stored; its answer is worked out from the
    record as the first run left it (that answer never reached the chat)."""
    call = _CALL.get()
    if row is None or call is None or row.conversation_id != call.conversation_id:
        return None, False
    digest = call.next_digest(f"{kind}\x00bewerkt\x00{int(row.pk)}")
    if digest is None:
        return None, False
    return digest, session.get(ActionWrite, digest) is not None


def add_record(
    kind: str,
    data: Dict[str, Any],
    conversation_id: Optional[str] = None,
    title: Optional[str] = None,
    status: Optional[str] = None,
) -> int:
    """Store a new record; returns its number. Raises :class:`ConversationForgotten` (nothing is stored) when the
    conversation was forgotten while this turn was running (``rustpunt vergeet`` in the terminal, 'Wis dit gesprek'
    after the page's wait ran out): see :func:`forgotten_during_turn`."""
    data = _with_names_masked(kind, data, conversation_id)
    with session_scope() as session:
        if conversation_id:
            _lock_conversation(session, conversation_id)
        digest, earlier = _stored_by_this_call(session, kind, conversation_id)
        if earlier is not None:
            log.info("An action call was run again; its %s record was already stored", kind)
            return earlier
        row = Record(kind=kind, data=data, conversation_id=conversation_id, title=title, status=status)
        session.add(row)
        session.flush()  # holds the write lock (SQLite) from here: a deletion of this conversation waits for the check
        if conversation_id and forgotten_during_turn(session, conversation_id):
            log.warning("A conversation was forgotten while a turn was processed; its record is not stored")
            raise ConversationForgotten(kind)
        if conversation_id:
            row.nummer = _next_number(session, kind, conversation_id, row.pk)
        if digest is not None:
            session.add(ActionWrite(digest=digest, record_pk=row.pk))
        return row.pk


def _next_number(session: Session, kind: str, conversation_id: str, pk: int) -> int:
    """The number the professional sees for a new record of ``kind`` in this conversation: one more than the highest
    it was ever given there, a wiped record's too (``bot.tables.RecordNumber``: "wis plan 3" never makes the next plan
    "plan 3" again), and than the records so far (a store from before that table; a record without a number still
    counts, see ``bot.db.number_per_conversation``). Turns of one conversation run one at a time (Rasa's lock), the
    new row already holds SQLite's write lock, and PostgreSQL's holds the conversation's lock (:func:`add_record`)."""
    others = (Record.kind == kind, Record.conversation_id == conversation_id, Record.pk != pk)
    highest, count = session.execute(
        select(func.max(Record.nummer), func.count(Record.pk)).where(*others)).one()
    given = session.scalars(select(RecordNumber).where(
        RecordNumber.kind == kind, RecordNumber.conversation_id == conversation_id).limit(1)).first()
    number = max(highest or 0, count or 0, given.highest if given is not None else 0) + 1
    if given is None:
        session.add(RecordNumber(kind=kind, conversation_id=conversation_id, highest=number))
    else:
        given.highest = number
    return number


def drop_numbers(conversation_id: str) -> int:
    """Forget the highest numbers given in ``conversation_id`` (with the conversation: a new one starts)."""
    with session_scope() as session:
        return session.query(RecordNumber).filter(RecordNumber.conversation_id == str(conversation_id)).delete() or 0


def drop_unused_numbers(before: datetime) -> int:
    """The retention period: forget the highest numbers of conversations that no record is left of and that made none
    since ``before``."""
    used = select(Record.conversation_id).where(Record.conversation_id.is_not(None))
    with session_scope() as session:
        return session.query(RecordNumber).filter(RecordNumber.updated_at < before,
                                                  RecordNumber.conversation_id.not_in(used)
                                                  ).delete(synchronize_session=False) or 0


def shown_number(row: Record) -> int:
    """The number a professional sees for ``row`` in the chat: counted within its conversation; the internal id for a
    record made outside a conversation (the command line)."""
    return int(row.nummer) if row.nummer is not None else int(row.pk)


# The check above and the mark of a forget are one after the other per conversation. SQLite has one writer at a time:
# the record's insert holds the write lock until its commit, so a mark waits for it and the deletion after the mark
# finds the record. PostgreSQL writes side by side: a record checked just before a forget marked the conversation,
# and committed just after the forget looked for its records, stayed. There both take a lock per conversation held
# to the end of their transaction (an advisory lock: no table is locked, other conversations do not wait).
_LOCK_SPACE = 28_204  # the first key of the two-key advisory lock: Rustpunt's conversations


def _lock_conversation(session: Session, conversation_id: str) -> None:
    """On PostgreSQL: wait for, and hold until the transaction ends, the lock of ``conversation_id`` (see above)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(:conversation))"),
                        {"space": _LOCK_SPACE, "conversation": str(conversation_id)})


def _digest(conversation_id: str, purpose: str) -> str:
    from bot.privacy.crypto import derived_key  # lazy: the key file is read once, on first use

    return hmac.new(derived_key(purpose), str(conversation_id).encode("utf-8"), hashlib.sha256).hexdigest()


# A conversation of which a part was emptied in place (``rustpunt vergeet --sessie``: a role-play session's turns): the
# tracker store holds as many events as before, so its count check does not see it. The mark (a keyed hash with its
# own purpose, in the same table) tells ``MaskingSQLTrackerStore.save`` that a turn read before it stores nothing.
_EMPTIED_PURPOSE = "geleegd-gesprek"


def _mark(conversation_id: str, purpose: str) -> None:
    """Remember for a while (:data:`FORGOTTEN_FOR`) the keyed hash of ``conversation_id`` for ``purpose``, and drop the
    marks older than that. Without a key file nothing is remembered (the forgetting itself still happens)."""
    try:
        digest = _digest(conversation_id, purpose)
    except Exception as exc:  # noqa: BLE001 - the key file is missing: forget all the same
        log.warning("could not mark a conversation for %s (%s)", purpose, type(exc).__name__)
        return
    with session_scope() as session:
        _lock_conversation(session, conversation_id)  # a record being made in this conversation is committed first
        _drop_old(session)
        session.add(ForgottenConversation(digest=digest))


def _marked(session: Session, conversation_id: str, purpose: str, since: datetime, *more: str) -> bool:
    """True when ``conversation_id`` has a mark for ``purpose`` (or one of ``more`` purposes) made at or after
    ``since`` (UTC). With no mark at all since then (the usual case) the key is not touched and one query is made."""
    recent = select(ForgottenConversation.digest).where(ForgottenConversation.forgotten_at >= since)
    if session.scalars(recent.limit(1)).first() is None:
        return False
    digests = [_digest(conversation_id, each) for each in (purpose, *more)]
    return session.scalars(recent.where(ForgottenConversation.digest.in_(digests)).limit(1)).first() is not None


def _drop_old(session: Session) -> int:
    """Drop the marks (and the remembered action calls, :func:`action_call`) older than :data:`FORGOTTEN_FOR`."""
    before = datetime.utcnow() - FORGOTTEN_FOR
    session.query(ActionWrite).filter(ActionWrite.created_at < before).delete()
    return session.query(ForgottenConversation).filter(ForgottenConversation.forgotten_at < before).delete() or 0


def mark_emptied(conversation_id: str) -> None:
    """Remember for a while that a part of this conversation was emptied now (see above)."""
    _mark(conversation_id, _EMPTIED_PURPOSE)


def emptied_since(conversation_id: str, since: datetime) -> bool:
    """True when a part of ``conversation_id`` was emptied (:func:`mark_emptied`) or the whole of it forgotten
    (:func:`mark_forgotten`) at or after ``since`` (UTC). The tracker store's count does not see the second where the
    store held none of the conversation's events when the turn read it: the first turn of a brand-new conversation,
    which Rasa stores only at its end."""
    try:
        with session_scope() as session:
            return _marked(session, conversation_id, _EMPTIED_PURPOSE, since, _FORGOTTEN_PURPOSE)
    except Exception as exc:  # noqa: BLE001 - the key or our store cannot be read: store as before
        log.warning("could not check whether a conversation was emptied (%s)", type(exc).__name__)
        return False


def mark_forgotten(conversation_id: str) -> None:
    """Remember for a while that this conversation was forgotten, before it is deleted
    (``bot.privacy.forget.forget_conversation``)."""
    _mark(conversation_id, _FORGOTTEN_PURPOSE)


def drop_old_forgotten_marks() -> int:
    """Remove the marks of :func:`mark_forgotten` and :func:`mark_emptied` older than :data:`FORGOTTEN_FOR` (the
    daily clean-up)."""
    with session_scope() as session:
        return _drop_old(session)


def forgotten_during_turn(session: Session, conversation_id: str) -> bool:
    """True when ``conversation_id`` was forgotten (:func:`mark_forgotten`) and has not started again since: Rasa's
    tracker store holds none of its events. A turn that was running when it was forgotten keeps its tracker in
    memory; Rasa does not store it back (``MaskingSQLTrackerStore.save``), and its actions may store no record from
    it either. The next message starts the conversation anew (Rasa stores its first event before any action runs),
    after which its records are stored as always."""
    try:
        if not _marked(session, conversation_id, _FORGOTTEN_PURPOSE, datetime.utcnow() - FORGOTTEN_FOR):
            return False
        return tracker_db.count_events(conversation_id) == 0
    except Exception as exc:  # noqa: BLE001 - the key or the tracker store cannot be read: store as before
        log.warning("could not check whether a conversation was forgotten (%s)", type(exc).__name__)
        return False


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


def get_record(kind: str, record_id: int, conversation_id: Optional[str] = None) -> Optional[Record]:
    """The record of ``kind`` with this id, else None. With ``conversation_id`` (a read from the chat: the owner check,
    in one place) also None when it was made in another conversation or outside one."""
    with session_scope() as session:
        row = _row(session, kind, record_id)
        if row is not None and conversation_id is not None and row.conversation_id != str(conversation_id):
            row = None
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
        digest, done = _edited_by_this_call(session, kind, row)
        yield row
        if done:  # this call ran before and made this change already (a role-play turn, a wiped turn): not twice
            log.info("An action call was run again; its change of a %s record was already stored", kind)
            if row is not None:
                session.expunge(row)  # the caller keeps what it worked out; a rollback would expire it
            session.rollback()  # also what a query in between flushed
            return
        if row is not None and row.data is not before:
            row.data = _with_names_masked(kind, row.data, row.conversation_id)
        if digest is not None and row is not None:
            session.add(ActionWrite(digest=digest, record_pk=row.pk))
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
