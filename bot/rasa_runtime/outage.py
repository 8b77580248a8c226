"""A failing part is named, not hidden; the conversation is left exactly where it was.

What Rasa 3.6 does on its own when the action server is down (read in rasa/core/actions/action.py
and rasa/core/processor.py): ``RemoteAction.run`` turns the connection error into a
``RasaException``; ``MessageProcessor._run_action`` logs it, records the action as executed *with
no events* and goes on predicting. A form then loses its validation, the rules fall through, and
the professional gets the greeting or the fallback with no word about what happened, while the
half-done turn is saved. ``ActionExtractSlots`` swallows the same error silently.

Here, for every message that comes in through a channel (``Agent.handle_message``):

- ``RemoteAction.run`` raises ``PartUnavailable`` when the action server cannot be reached, times
  out, or answers with a server error (5xx: for example its database is down), and marks the turn
  as failed, so also the places in Rasa that swallow the error cannot hide it;
- the turn stops at the first such failure; the tracker of this turn is thrown away instead of
  saved (active form, requested slot, slots and history stay as they were), bot messages of the
  half-done turn are dropped, and the professional gets one Dutch message that names the part,
  says nothing is lost and asks to send the message again;
- the same for the tracker database (SQLAlchemy errors) and Redis (lock store).

When the part is back, the next message is handled against the unchanged conversation: the
role-play, intake or preparation continues at the same turn.
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
from typing import Any, Dict, List, Optional

from rasa.shared.exceptions import RasaException

from bot import message_length
from bot.rasa_runtime.log_privacy import without_response_body

logger = logging.getLogger(__name__)

ACTION_SERVER = "actieserver"
ACTION_SERVER_ERROR = "actieserver_fout"
DATABASE = "database"
REDIS = "redis"

_PART_TEXT = {
    ACTION_SERVER: "de actieserver van Rustpunt (die het rollenspel, de intake en de voorbereiding uitvoert) "
                   "is op dit moment niet bereikbaar",
    ACTION_SERVER_ERROR: "de actieserver van Rustpunt gaf een fout (bijvoorbeeld omdat de database erachter "
                         "niet bereikbaar is)",
    DATABASE: "de database waarin Rustpunt je gesprek bewaart is op dit moment niet bereikbaar",
    REDIS: "Redis (de vergrendeling die de berichten van een gesprek op volgorde houdt) is op dit moment "
           "niet bereikbaar",
}


def outage_text(part: str) -> str:
    what = _PART_TEXT.get(part, _PART_TEXT[ACTION_SERVER])
    return (
        f"Ik kan je bericht nu niet verwerken: {what}. Er gaat niets verloren: je gesprek, en een "
        "rollenspel, intake of voorbereiding die bezig is, blijft staan waar het was. Je laatste bericht "
        "is nog niet verwerkt: stuur het over een minuut opnieuw."
    )


class PartUnavailable(RasaException):
    """A part Rasa needs for this turn is down; ``part`` is one of the constants above. A
    ``RasaException``, so code outside a channel turn (the HTTP API) sees what Rasa raised before."""

    def __init__(self, part: str, detail: str = "") -> None:
        super().__init__(f"{part} unavailable: {detail}")
        self.part = part
        self.detail = detail


_TURN: contextvars.ContextVar[Optional[List[PartUnavailable]]] = contextvars.ContextVar(
    "rustpunt_turn_failures", default=None
)


def _record(failure: PartUnavailable) -> None:
    failures = _TURN.get()
    if failures is not None:
        failures.append(failure)


def raise_if_failed() -> None:
    failures = _TURN.get()
    if failures:
        raise failures[0]


def classify_action_error(exc: BaseException) -> Optional[str]:
    """The failing part behind an error from ``RemoteAction.run``, or None when it is no outage
    (a rejected form, a 404 for an unknown action, an invalid response: Rasa's own handling)."""
    import aiohttp
    from rasa.utils.endpoints import ClientResponseError

    seen = set()
    current: Optional[BaseException] = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ClientResponseError):
            return ACTION_SERVER_ERROR if (current.status or 0) >= 500 else None
        if isinstance(current, (aiohttp.ClientConnectionError, asyncio.TimeoutError)):
            return ACTION_SERVER
        current = current.__cause__ or current.__context__
    return None


def classify_store_error(exc: BaseException) -> Optional[str]:
    """DATABASE for tracker-store errors, REDIS for lock-store connection errors, else None."""
    import redis.exceptions as redis_errors  # lazy: only needed once a store fails
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        return DATABASE
    if isinstance(exc, (redis_errors.ConnectionError, redis_errors.TimeoutError)):
        return REDIS
    return None


def _collected_messages(output_channel: Any) -> Optional[list]:
    from rasa.core.channels.channel import CollectingOutputChannel

    if isinstance(output_channel, CollectingOutputChannel) and isinstance(output_channel.messages, list):
        return output_channel.messages
    return None


async def reply(message: Any, text: str) -> Optional[list]:
    """Send ``text`` as the only answer to ``message`` (earlier answers of this turn are dropped where
    the channel still holds them); the return value ``Agent.handle_message`` would give."""
    collected = _collected_messages(message.output_channel)
    if collected is not None:
        collected.clear()
    await message.output_channel.send_text_message(message.sender_id, text)
    return collected


def mark_not_recorded(message: Any) -> None:
    """Tell the channel that this turn was not recorded (a channel may answer 503 instead of 200)."""
    try:
        message.output_channel.rustpunt_not_recorded = True
    except AttributeError:  # pragma: no cover - an output channel with __slots__
        pass


_INSTALLED: Dict[str, Any] = {}


def install() -> None:
    if _INSTALLED:
        return
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.core.agent import Agent
    from rasa.core.processor import MessageProcessor

    original_run = RemoteAction.run
    original_run_action = MessageProcessor._run_action
    original_extract = MessageProcessor.run_action_extract_slots
    original_handle = Agent.handle_message
    _INSTALLED.update(run=original_run, run_action=original_run_action, extract=original_extract,
                      handle=original_handle)

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original_run(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception as exc:
            without_response_body(exc)  # Rasa logs the error with its chain; an answer body may quote the conversation
            part = classify_action_error(exc)
            if part is None:
                raise
            failure = PartUnavailable(part, f"action '{self.name()}': {exc}")
            _record(failure)
            raise failure from exc

    async def run_action(self, action, tracker, output_channel, nlg, prediction):
        result = await original_run_action(self, action, tracker, output_channel, nlg, prediction)
        raise_if_failed()  # Rasa logged and swallowed it; stop the turn here
        return result

    async def run_action_extract_slots(self, output_channel, tracker):
        result = await original_extract(self, output_channel, tracker)
        raise_if_failed()
        return result

    async def handle_message(self, message):
        refusal = message_length.refusal_for(message.text)
        if refusal is not None:
            return await reply(message, refusal)
        token = _TURN.set([])
        try:
            return await original_handle(self, message)
        except PartUnavailable as exc:
            logger.error("Turn not recorded: %s", exc)
            mark_not_recorded(message)
            return await reply(message, outage_text(exc.part))
        except Exception as exc:
            part = classify_store_error(exc)
            if part is None:
                raise
            logger.error("Turn not recorded: %s unavailable (%s)", part, type(exc).__name__)
            mark_not_recorded(message)
            return await reply(message, outage_text(part))
        finally:
            _TURN.reset(token)

    RemoteAction.run = run
    MessageProcessor._run_action = run_action
    MessageProcessor.run_action_extract_slots = run_action_extract_slots
    Agent.handle_message = handle_message
