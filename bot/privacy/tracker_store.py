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


class MaskingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that masks personal details in events before they are written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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
