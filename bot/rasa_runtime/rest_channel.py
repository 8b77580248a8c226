"""Our REST channel (single machine and cluster): a clear Dutch answer when a turn fails, and safe retries.

Rasa's own REST channel answers HTTP 200 with whatever was collected when handling a message fails
(tracker database or Redis lock store down): the user sees nothing, or a reply that was never stored,
and Rasa logs the user's text. This channel (same URL: ``/webhooks/rest/webhook``) instead

- answers **HTTP 503 with one Dutch message** when the turn was not stored, so the user knows to send
  it again, and logs no text;
- makes Rasa's tracker store fail loudly: Rasa wraps it in a ``FailSafeTrackerStore`` that, when the
  database is down, reads an *empty* conversation and saves the turn *in memory only*: the user would
  get an answer out of context and the turn would be lost. With :func:`make_strict` such a turn fails,
  and the user gets the message below;
- accepts an optional ``message_id`` from the client. When a message with that id is already in the
  conversation (a retry after a server died after storing the turn), the stored answer is sent again and
  nothing is processed twice. The id is checked twice: before the turn (a quick answer for a retry of a stored
  turn) and again once Rasa holds the conversation's lock (:func:`install`): a retry sent while the first
  attempt was still being handled (the web page gave up waiting, or its server was stopped) waits for that lock
  and then finds the first attempt's turn in the tracker store. The lock is Redis's in the cluster (shared by
  both Rasa servers) and the tracker store is the shared database, so this holds across servers; on one
  machine the lock is the one Rasa process's own. The web page (bot/web) gives every message such an id.

credentials.yml (``make run``) and the cluster's generated credentials (bot/cluster/config.py) both
name ``bot.rasa_runtime.rest_channel.RetrySafeRestInput:`` instead of Rasa's ``rest:``. It works with
any tracker store (SQLite on one machine, PostgreSQL in the cluster) and any lock store.
``rasa shell`` uses Rasa's own command-line channel on the same URL.
"""
from __future__ import annotations

import logging
import re
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

NOT_PROCESSED = (
    "Je bericht is niet verwerkt: een onderdeel van Rustpunt (de opslag) is even niet bereikbaar. "
    "Er is niets verloren gegaan. Stuur je bericht over een minuut opnieuw."
)
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")


def turn_events(events: List[Any], message_id: Text) -> Optional[List[BotUttered]]:
    """The bot events that answered the user message ``message_id``; None when it is not stored."""
    answer: Optional[List[BotUttered]] = None
    for event in events:
        if isinstance(event, UserUttered):
            if answer is not None:
                break
            if event.message_id == message_id:
                answer = []
        elif answer is not None and isinstance(event, BotUttered):
            answer.append(event)
    return answer


async def rest_messages(sender_id: Text, bot_events: List[BotUttered]) -> List[Dict[Text, Any]]:
    """What the REST channel answered for these bot events (same splitting as Rasa's collector)."""
    collector = CollectingOutputChannel()
    for event in bot_events:
        await collector.send_response(sender_id, event.message())
    return collector.messages


RETRY_SAFE_ATTRIBUTE = "rustpunt_client_message_id"


async def stored_answer_in(tracker_store: Any, sender_id: Text, message_id: Text) -> Optional[List[BotUttered]]:
    """The bot events that answered ``message_id`` in ``sender_id``'s stored conversation; None when not stored."""
    tracker = await tracker_store.retrieve_full_tracker(sender_id)
    if tracker is None:
        return None
    return turn_events(list(tracker.events), message_id)


async def answered_already(tracker_store: Any, message: Any) -> Optional[List[Dict[Text, Any]]]:
    """Inside Rasa's conversation lock: when a message with the client's id is stored by now (an earlier attempt that
    was still being handled when this one came in, maybe on the other server), send its stored answer to this
    attempt's output channel and return what the channel collected; None when the turn is new."""
    message_id = getattr(message, RETRY_SAFE_ATTRIBUTE, None)
    if not message_id:
        return None
    bot_events = await stored_answer_in(tracker_store, message.sender_id, message_id)
    if bot_events is None:
        return None
    logger.info("A turn with this message id was stored while this attempt waited; sending its stored answer")
    for event in bot_events:
        await message.output_channel.send_response(message.sender_id, event.message())
    return getattr(message.output_channel, "messages", None)


def retry_safe(handle: Callable[[Any, UserMessage], Awaitable[Any]]) -> Callable[[Any, UserMessage], Awaitable[Any]]:
    """``handle`` (a processor's ``handle_message``, which runs inside the conversation's lock) that first answers a
    message whose client id is stored by now from the store (:func:`answered_already`)."""

    async def handle_message(self: Any, message: UserMessage) -> Any:
        answered = await answered_already(self.tracker_store, message)
        if answered is not None:
            return answered
        return await handle(self, message)

    handle_message.rustpunt_retry_safe = True  # type: ignore[attr-defined]
    return handle_message


def install() -> None:
    """Check a client's message id again once the conversation's lock is held: ``MessageProcessor.handle_message``
    runs inside ``Agent.handle_message``'s lock."""
    from rasa.core.processor import MessageProcessor

    if not getattr(MessageProcessor.handle_message, "rustpunt_retry_safe", False):
        MessageProcessor.handle_message = retry_safe(MessageProcessor.handle_message)


def _raise(error: Exception) -> None:
    raise error


def make_strict(agent: Any) -> None:
    """Let tracker-store errors reach the channel instead of Rasa's silent in-memory fallback."""
    store = getattr(agent, "tracker_store", None)
    if isinstance(store, FailSafeTrackerStore) and store._on_tracker_store_error is not _raise:
        store._on_tracker_store_error = _raise


class RetrySafeRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        install()  # the check inside the lock belongs to this channel; also when bot.rasa_server did not install it
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = body.get("sender")
            text = body.get("message")
            if not isinstance(sender_id, str) or not sender_id or not isinstance(text, str):
                return response.json(
                    {"fout": "Stuur JSON met 'sender' en 'message' (allebei tekst)."}, status=400
                )
            message_id = body.get("message_id")
            if message_id is not None and not (isinstance(message_id, str) and MESSAGE_ID.match(message_id)):
                return response.json(
                    {"fout": "'message_id' mag alleen letters, cijfers en _.:- bevatten (hoogstens 100)."},
                    status=400,
                )
            agent = request.app.ctx.agent
            make_strict(agent)  # cheap; the agent is replaced when a new model is loaded
            if message_id:
                try:
                    stored = await self._stored_answer(agent, sender_id, message_id)
                except Exception as exc:  # database down: nothing was processed
                    logger.warning("Tracker store unreachable before a turn: %s", type(exc).__name__)
                    return self._not_processed(sender_id)
                if stored is not None:
                    logger.info("Turn was already stored; sending its stored answer again")
                    return response.json(stored)
            collector = CollectingOutputChannel()
            message = UserMessage(
                text,
                collector,
                sender_id,
                input_channel=self._extract_input_channel(request),
                message_id=message_id,
                metadata=self.get_metadata(request),
            )
            if message_id:
                setattr(message, RETRY_SAFE_ATTRIBUTE, message_id)
            try:
                await on_new_message(message)
            except (CancelledError, Exception) as exc:
                # Never log the text: it may hold what a parent or child said.
                logger.warning("Handling a turn failed: %s", type(exc).__name__)
                try:
                    stored = await self._stored_answer(agent, sender_id, message.message_id)
                except Exception:
                    stored = None
                if stored is None:
                    return self._not_processed(sender_id)
                # the turn was stored (e.g. the lock could not be released): its answer stands
            if getattr(collector, "rustpunt_not_recorded", False):
                # bot.rasa_runtime.outage answered with a Dutch message naming the failing part
                return response.json(collector.messages, status=503)
            return response.json(collector.messages)

        return webhook

    @staticmethod
    async def _stored_answer(agent: Any, sender_id: Text, message_id: Text) -> Optional[List[Dict[Text, Any]]]:
        bot_events = await stored_answer_in(agent.tracker_store, sender_id, message_id)
        if bot_events is None:
            return None
        return await rest_messages(sender_id, bot_events)

    @staticmethod
    def _not_processed(sender_id: Text) -> HTTPResponse:
        return response.json([{"recipient_id": sender_id, "text": NOT_PROCESSED}], status=503)
