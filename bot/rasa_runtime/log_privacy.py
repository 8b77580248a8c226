"""No typed text in Rasa's logs.

Rasa 3.6 logs what a user typed in a few places even at INFO level, through ``structlog`` with keys
such as ``text`` (for example ``rest.message.received.failure`` when handling a message fails).
Rasa passes every log entry through ``rasa.utils.log_utils._anonymizer``, which only acts when a
Rasa Pro anonymization pipeline is installed. Here it is replaced by a processor that always drops
the values of those keys, so a log line says what happened, never what was typed.

A failing action is the other way typed text reached a log: rasa_sdk answered it with the whole request (the
conversation) and Rasa logged that answer with the error. :func:`private_action_errors` gives the action server
an error answer without it, and :func:`without_response_body` keeps any such answer out of Rasa's log.
"""
from __future__ import annotations

import logging
import traceback
from typing import Any, Dict, Optional

logger = logging.getLogger(__name__)

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


def where_it_failed(exc: BaseException) -> str:
    """``exc`` and the exceptions behind it as their types and the code lines they came from, never their messages:
    a message may quote what was typed (``int('Jan de Vries')``, an SQL error with its parameters)."""
    parts = []
    seen = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"Traceback (most recent call last):\n{frames}{type(current).__name__}: {OMITTED}")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "\n\nwhich was caused by:\n".join(parts)


def private_action_errors(app: Any) -> Any:
    """The action server (rasa_sdk's Sanic app) without rasa_sdk's own error handler, which answered a failing action
    with the exception's text and the whole request (``request_body``: the conversation as it arrived, what was typed
    in the current turn unmasked) and logged the exception's text. Rasa wrote that answer into its log as part of
    the error. Now the answer names the action and the type of error, and the log line adds where in the code."""
    from sanic import response

    async def failed(request: Any, exception: Exception) -> Any:
        try:
            action = str((request.json or {}).get("next_action") or "")
        except Exception:  # noqa: BLE001 - a body that is no JSON (or compressed): no action name then
            action = ""
        logger.error("Action %r failed with %s\n%s", action, type(exception).__name__, where_it_failed(exception))
        return response.json({"error": type(exception).__name__, "action_name": action}, status=500)

    app.error_handler.add(Exception, failed)
    return app


def without_response_body(exc: BaseException) -> BaseException:
    """``exc`` with the answer body of every failed request to the action server in its chain left out of its text
    (Rasa's ``ClientResponseError`` puts the body in it, and Rasa logs the exception with its chain). An older action
    server, or another one, may still answer an error with the request it got: the conversation. Returns ``exc``."""
    from rasa.utils.endpoints import ClientResponseError

    seen = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ClientResponseError):
            current.args = (f"{current.status}, {current.message}, body={OMITTED}",)
        current = current.__cause__ or current.__context__
    return exc
