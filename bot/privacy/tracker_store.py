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

import json
import logging
from typing import Any, Dict

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker

from bot.db import sqlite_file_engine
from bot.privacy.masking import mask_value, warm_up

log = logging.getLogger(__name__)

# Keys whose values are names chosen by the code (event type, intent, action, slot name, ...),
# never typed text; they are stored as they are.
KEEP_KEYS = frozenset({
    "event", "timestamp", "name", "policy", "confidence", "intent", "intent_ranking", "input_channel",
    "message_id", "entity", "extractor", "role", "group", "start", "end", "confidence_entity",
    "processors", "action_name", "rule_only", "hide_rule_turn", "template_name", "utter_action",
    "model_id", "assistant_id",
})


def mask_event(data: Dict[str, Any]) -> Dict[str, Any]:
    """The serialised event ``data`` with every piece of free text masked (a new dict)."""
    return mask_value(data, skip_keys=KEEP_KEYS)


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

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Write the tracker's new events, masked (same bookkeeping as ``SQLTrackerStore.save``)."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = mask_event(event.as_dict())
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
