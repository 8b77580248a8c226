"""No typed text in Rasa's logs.

Rasa 3.6 logs what a user typed in a few places even at INFO level, through ``structlog`` with keys
such as ``text`` (for example ``rest.message.received.failure`` when handling a message fails).
Rasa passes every log entry through ``rasa.utils.log_utils._anonymizer``, which only acts when a
Rasa Pro anonymization pipeline is installed. Here it is replaced by a processor that always drops
the values of those keys, so a log line says what happened, never what was typed.
"""
from __future__ import annotations

from typing import Any, Dict

OMITTED = "[weggelaten]"
# the keys Rasa itself marks as user content (rasa/utils/log_utils.py, _anonymizer)
TYPED_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message",
})


def drop_typed_text(_logger: Any, _method: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    """structlog processor: the values of keys that may hold typed text become ``[weggelaten]``."""
    for key in TYPED_KEYS.intersection(event_dict):
        event_dict[key] = OMITTED
    return event_dict


def install() -> None:
    """Replace Rasa's anonymizer before Rasa configures its logging (at start-up)."""
    from rasa.utils import log_utils

    log_utils._anonymizer = drop_typed_text
