"""Every table of our own store, in one place."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base: Any = declarative_base()  # SQLAlchemy 1.4 has no type information


def _now() -> datetime:
    return datetime.utcnow()


class KnowledgeRow(Base):
    """One validated knowledge entry, as JSON."""

    __tablename__ = "knowledge_entries"
    __table_args__ = (UniqueConstraint("kind", "entry_id"),)

    pk = Column(Integer, primary_key=True)
    kind = Column(String(40), nullable=False, index=True)
    entry_id = Column(String(80), nullable=False)
    source_file = Column(String(300), nullable=False)
    content_hash = Column(String(64), nullable=False)
    data = Column(JSON, nullable=False)
    updated_at = Column(DateTime, default=_now, nullable=False)


class Record(Base):
    """A stored product record (gespreksplan, quiz score, intake summary, call-back, role-play
    session ...). ``kind`` says which; ``data`` holds the JSON the capability defines;
    ``conversation_id`` links it to the Rasa conversation it came from."""

    __tablename__ = "records"
    # Never reuse a number after a wipe: "sessie 11" in a trainer's note must not become someone else's session
    # (a user test). SQLite reuses the highest rowid without AUTOINCREMENT; PostgreSQL's sequence never does.
    # Applies to databases created from now on; an existing file keeps its table.
    __table_args__ = {"sqlite_autoincrement": True}

    pk = Column(Integer, primary_key=True)
    kind = Column(String(40), nullable=False, index=True)
    conversation_id = Column(String(120), nullable=True, index=True)
    status = Column(String(40), nullable=True)
    title = Column(Text, nullable=True)
    data = Column(JSON, nullable=False)
    created_at = Column(DateTime, default=_now, nullable=False)
    updated_at = Column(DateTime, default=_now, onupdate=_now, nullable=False)
    # The number the professional sees ("plan 3", "sessie 2"): counted per kind within the conversation the record
    # was made in (``bot.records.add_record``), so it says nothing about how many others used Rustpunt. ``pk`` stays
    # the internal id (slots, the trainers' page, the command line). None for a record made outside a conversation.
    nummer = Column(Integer, nullable=True)


class ForgottenConversation(Base):
    """A conversation forgotten on request (``bot.privacy.forget.forget_conversation``), kept for a day at most so that
    a turn still running in it stores no record afterwards (``bot.records.add_record``). Only a keyed hash of the
    conversation id and the time are kept, never the id."""

    __tablename__ = "forgotten_conversations"

    pk = Column(Integer, primary_key=True)
    digest = Column(String(64), nullable=False, index=True)
    forgotten_at = Column(DateTime, default=_now, nullable=False, index=True)


class ActionWrite(Base):
    """A record stored by one call of an action (``bot.records.action_call``): a call the balancer sends again to the
    other action server (the first died after storing, before answering) finds it and stores nothing twice. Only a
    keyed hash of the call (conversation, message, position in the conversation, action, kind, order) is kept, never
    the conversation id; kept for a day at most (``bot.records.FORGOTTEN_FOR``)."""

    __tablename__ = "action_writes"

    digest = Column(String(64), primary_key=True)
    record_pk = Column(Integer, nullable=False)
    created_at = Column(DateTime, default=_now, nullable=False, index=True)


class RecordNumber(Base):
    """The highest number a professional was shown for ``kind`` in one conversation (``Record.nummer``), kept when
    that record is wiped, so "plan 3" in an old note never becomes a later plan of that conversation
    (``bot.records.add_record``). Goes with the conversation (``bot.privacy.forget.forget_conversation``, which starts a
    new one) and, once no record of it is left, with the retention period (``bot.records.drop_unused_numbers``)."""

    __tablename__ = "record_numbers"
    __table_args__ = (UniqueConstraint("kind", "conversation_id"),)

    pk = Column(Integer, primary_key=True)
    kind = Column(String(40), nullable=False)
    conversation_id = Column(String(120), nullable=False, index=True)
    highest = Column(Integer, nullable=False)
    updated_at = Column(DateTime, default=_now, onupdate=_now, nullable=False)
