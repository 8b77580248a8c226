"""``MaskingSQLTrackerStore``: Rasa's SQL tracker store, but what reaches the database is masked.

Use it in ``endpoints.yml``::

    tracker_store:
      type: bot.privacy.tracker_store.MaskingSQLTrackerStore
      dialect: "sqlite"            # or "postgresql" with url/db/username/password, as for type SQL
      db: "var/rasa_tracker.db"

The constructor takes exactly the arguments of ``SQLTrackerStore``. Only ``save`` differs: each
new event is serialised as Rasa does and then every string that can hold typed text is masked
(user text, parse data, entity values, metadata, slot values, bot text and custom payloads).
The tracker in memory is not touched, so the turn being processed still sees what was typed;
earlier turns come back masked from the database.
"""
from __future__ import annotations

import itertools
import json
import logging
from datetime import datetime
from typing import Any, Container, Dict, FrozenSet, List, Optional, Set

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker

from bot.db import sqlite_file_engine
from bot.privacy.masking import (
    OWN_PSEUDONYM_KEYS,
    ConversationNames,
    label_within,
    mask_known,
    mask_reply,
    mask_text,
    mask_value,
    names_of,
    remember_names,
    warm_up,
)

log = logging.getLogger(__name__)

# On a tracker read from the store for a turn: how many events of its conversation (since the session start) the store
# held when it was read or last saved (``MaskingSQLTrackerStore.save``).
STORED_EVENTS = "rustpunt_stored_events"
# ... and when it was read (UTC): a part of the conversation emptied in place after that (``rustpunt vergeet --sessie``
# during the session's turn) leaves the count as it was (``bot.records.mark_emptied``).
READ_AT = "rustpunt_read_at"

# Keys whose values are names chosen by the code (event type, intent, action, slot name, ...),
# never typed text; they are stored as they are.
KEEP_KEYS = frozenset({
    "event", "timestamp", "name", "policy", "confidence", "intent", "intent_ranking", "input_channel",
    "message_id", "entity", "extractor", "role", "group", "start", "end", "confidence_entity",
    "processors", "action_name", "rule_only", "hide_rule_turn", "template_name", "utter_action",
    "model_id", "assistant_id",
}) | OWN_PSEUDONYM_KEYS  # the participant's own name or code of the role-play page: kept as typed


def mask_event(
    data: Dict[str, Any], typed: Optional[Container[str]] = None, hidden: Optional[Dict[str, str]] = None
) -> Dict[str, Any]:
    """The serialised event ``data`` with every piece of free text masked (a new dict). A reply of Rustpunt
    (a ``bot`` event) with ``typed`` (``typed_words``): names only where the user typed them (``mask_reply``).

    A message's entities are masked by where they stood in it (``label_within``): "Huizerweg" out of "aan de
    Huizerweg 45" becomes [ADRES], though the word alone looks like no address. Their typed values go into
    ``hidden`` (lower case -> label), so a slot filled from them in the same turn is masked the same way."""
    if typed is not None and data.get("event") == "bot":
        return mask_value(data, skip_keys=KEEP_KEYS, mask=lambda text: mask_reply(text, typed))
    if data.get("event") == "slot" and hidden and str(data.get("value") or "").strip().lower() in hidden:
        return {**data, "value": hidden[str(data["value"]).strip().lower()]}
    masked = mask_value(data, skip_keys=KEEP_KEYS,
                        mask=(lambda text: mask_known(text, typed)) if typed else mask_text)
    if data.get("event") == "user":
        text = str(data.get("text") or "")
        for original, copy in _entity_pairs(data, masked):
            label = label_within(text, original.get("start"), original.get("end"))
            if label is not None:
                copy["value"] = label
                if hidden is not None and isinstance(original.get("value"), str):
                    hidden[original["value"].strip().lower()] = label
    return masked


def _entity_pairs(data: Dict[str, Any], masked: Dict[str, Any]) -> List[Any]:
    """(original, masked copy) of every entity of a serialised user event, in ``entities`` and in ``parse_data``."""
    pairs: List[Any] = []
    for original, copy in ((data, masked), (data.get("parse_data") or {}, masked.get("parse_data") or {})):
        for entity, entity_copy in zip(original.get("entities") or [], copy.get("entities") or [], strict=False):
            if isinstance(entity, dict) and isinstance(entity_copy, dict):
                pairs.append((entity, entity_copy))
    return pairs


def typed_words(tracker: DialogueStateTracker) -> FrozenSet[str]:
    """The lower-cased words the user typed as a name in this conversation (``names_of``): in message texts and
    metadata (not the participant's own name or code of the page: ``OWN_PSEUDONYM_KEYS``). An ordinary word the user
    typed ('stap' of "welke stap is dit") is none. Earlier messages come back from the store masked; their names are
    masked in the replies that quoted them too, since those were stored the same way."""
    found: Set[str] = set()
    for event in tracker.events:
        if isinstance(event, UserUttered):
            found |= names_of(event.text or "")
            metadata = event.metadata if isinstance(event.metadata, dict) else {}
            for value in _strings({key: item for key, item in metadata.items() if key not in OWN_PSEUDONYM_KEYS}):
                found |= names_of(value)
    return frozenset(found)


def conversation_names(tracker: DialogueStateTracker) -> ConversationNames:
    """The names of this conversation: those typed in the messages of the tracker at hand (``typed_words``), kept
    as keyed hashes for the later turns (``remember_names``), and those of earlier turns (their messages come back
    from the store masked)."""
    typed = typed_words(tracker)
    try:
        digests = remember_names(tracker.sender_id, typed)
    except Exception as exc:  # the names of earlier turns are missing; never lose the turn itself
        log.warning("could not keep the masked names of a conversation (%s)", type(exc).__name__)
        digests = frozenset()
    return ConversationNames(typed, digests)


def _strings(value: Any) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def _tune_sqlite(store: SQLTrackerStore) -> None:
    """For an SQLite file: write-ahead log with ``synchronous=NORMAL`` and connections kept open.

    Rasa writes each turn with a blocking commit on its event loop. In SQLite's default rollback
    journal a commit syncs the journal and the database file; under 20 concurrent role-plays that
    was a fifth of the Rasa server's time (py-spy), during which no other conversation moved.
    With the write-ahead log a commit appends to the log; a killed Rasa loses nothing it
    committed (only a power cut can lose the last commits, as for ``bot.db``). SQLAlchemy 1.4
    opens and closes a connection per session for SQLite files; closing the last one checkpoints
    the log, so ``bot.db.sqlite_file_engine`` keeps connections open. PostgreSQL is not touched.
    """
    engine = store.engine
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    tuned = sqlite_file_engine(engine.url, pool_size=2)
    engine.dispose()
    store.engine = tuned
    store.sessionmaker = sessionmaker(bind=tuned)


class MaskingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that masks personal details in events before they are written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tune_sqlite(self)
        warm_up()  # the first conversation should not wait for the masker to load

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        if tracker is not None and not fetch_events_from_all_sessions:  # what Rasa reads at the start of a turn
            setattr(tracker, STORED_EVENTS, len(tracker.events))
            setattr(tracker, READ_AT, datetime.utcnow())
        return tracker

    async def create_tracker(self, sender_id: str, append_action_listen: bool = True) -> DialogueStateTracker:
        """A new conversation's tracker (``SQLTrackerStore.create_tracker``), read at its creation: in the first turn of
        a brand-new conversation Rasa creates the tracker instead of reading it, and without a read time a role-play
        session started and wiped in that turn (``rustpunt vergeet --sessie``) left the turn's events to be written."""
        tracker = self.init_tracker(sender_id)
        setattr(tracker, READ_AT, datetime.utcnow())
        if append_action_listen:
            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
        await self.save(tracker)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the tracker's new events, masked (same bookkeeping as ``SQLTrackerStore.save``).

        Nothing is written when the store holds fewer events of this conversation than when the tracker was read or
        last saved: it was forgotten in the meantime ('Wis dit gesprek' or 'Nieuw gesprek' while the answer was on
        its way, ``rustpunt vergeet``, the retention clean-up). Rasa would otherwise write the whole conversation back,
        since it stores the events beyond the number it finds. Nor when a part of it was emptied in place since it was
        read (``rustpunt vergeet --sessie`` during that session's turn): the events of this turn are not written, so
        the line typed in it does not stay."""
        from bot.records import emptied_since  # lazy: bot.records reads our own store

        await self.stream_events(tracker)
        read_at = getattr(tracker, READ_AT, None)
        with self.session_scope() as session:
            stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            if stored < getattr(tracker, STORED_EVENTS, 0):
                log.warning("A conversation was forgotten while a turn was processed; it is not stored again")
                return
            if read_at is not None and emptied_since(tracker.sender_id, read_at):
                log.warning("A part of a conversation was wiped while a turn was processed; the turn is not stored")
                return
            typed = conversation_names(tracker)
            hidden: Dict[str, str] = {}  # entity values masked in this turn's messages, for its slots
            for event in itertools.islice(tracker.events, stored, len(tracker.events)):
                data = mask_event(event.as_dict(), typed, hidden)
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=((data.get("parse_data") or {}).get("intent") or {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()
            # what the store holds now, counted as above (a new session started in this turn counts from its start)
            setattr(tracker, STORED_EVENTS,
                    self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count())
            if read_at is not None:
                setattr(tracker, READ_AT, datetime.utcnow())
