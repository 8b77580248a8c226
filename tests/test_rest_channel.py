"""Our REST channel (single machine and cluster): a clear Dutch 503 when a turn was not stored, the stored
answer (not a second processing) when a turn with the same message_id is sent again, and no user text in logs."""
from __future__ import annotations

import json
import logging
from types import SimpleNamespace

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.rasa_runtime import outage
from bot.rasa_runtime.rest_channel import NOT_PROCESSED, RetrySafeRestInput


class Agent:
    def __init__(self) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.handled = []

    async def store_turn(self, message, answers):
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        for text in answers:
            tracker.update(ActionExecuted("utter_x"))
            tracker.update(BotUttered(text))
            await message.output_channel.send_text_message(message.sender_id, text)
        await self.tracker_store.save(tracker)


def _receive(on_new_message):
    blueprint = RetrySafeRestInput().blueprint(on_new_message)
    return next(route.handler for route in blueprint._future_routes if route.uri == "/webhook")


async def _post(handler, agent, body):
    request = SimpleNamespace(json=body, app=SimpleNamespace(ctx=SimpleNamespace(agent=agent)))
    resp = await handler(request)
    return resp.status, json.loads(resp.body)


async def test_a_turn_that_fails_before_it_is_stored_gets_a_dutch_503_and_no_text_in_the_log(caplog):
    agent = Agent()

    async def on_new_message(message):
        raise ConnectionError("database down")

    caplog.set_level(logging.DEBUG)
    status, body = await _post(_receive(on_new_message), agent, {"sender": "s1", "message": "mijn zoon Jan huilt"})
    assert status == 503
    assert body == [{"recipient_id": "s1", "text": NOT_PROCESSED}]
    assert "Jan" not in caplog.text
    assert await agent.tracker_store.retrieve("s1") is None


async def test_a_turn_the_outage_handling_did_not_record_gets_a_503_with_its_dutch_message():
    agent = Agent()

    async def on_new_message(message):  # what bot.rasa_runtime.outage does when a part is down
        await outage.reply(message, outage.outage_text(outage.DATABASE))
        outage.mark_not_recorded(message)

    status, body = await _post(_receive(on_new_message), agent, {"sender": "s5", "message": "hallo"})
    assert status == 503
    assert body == [{"recipient_id": "s5", "text": outage.outage_text(outage.DATABASE)}]
    assert await agent.tracker_store.retrieve("s5") is None


async def test_a_turn_stored_before_the_failure_keeps_its_answer():
    agent = Agent()

    async def on_new_message(message):
        await agent.store_turn(message, ["Dag!"])
        raise ConnectionError("lock could not be released")

    status, body = await _post(_receive(on_new_message), agent, {"sender": "s2", "message": "hallo"})
    assert status == 200
    assert [m["text"] for m in body] == ["Dag!"]


async def test_sending_a_stored_message_id_again_returns_the_stored_answer_without_processing_twice():
    agent = Agent()
    calls = []

    async def on_new_message(message):
        calls.append(message.message_id)
        await agent.store_turn(message, [f"antwoord {len(calls)}", "eerste deel\n\ntweede deel"])

    handler = _receive(on_new_message)
    first = await _post(handler, agent, {"sender": "s3", "message": "hallo", "message_id": "s3-t01"})
    again = await _post(handler, agent, {"sender": "s3", "message": "hallo", "message_id": "s3-t01"})
    assert calls == ["s3-t01"]
    assert first == again
    assert [m["text"] for m in first[1]] == ["antwoord 1", "eerste deel", "tweede deel"]
    # a new message id is a new turn
    await _post(handler, agent, {"sender": "s3", "message": "hallo", "message_id": "s3-t02"})
    assert calls == ["s3-t01", "s3-t02"]
    tracker = await agent.tracker_store.retrieve_full_tracker("s3")
    assert [e.message_id for e in tracker.events if isinstance(e, UserUttered)] == ["s3-t01", "s3-t02"]


async def test_retry_while_the_database_is_down_is_refused_with_the_dutch_message():
    agent = Agent()

    async def broken(sender_id):
        raise ConnectionError("database down")

    agent.tracker_store.retrieve_full_tracker = broken

    async def on_new_message(message):
        raise AssertionError("must not process when the stored turns cannot be read")

    status, body = await _post(_receive(on_new_message), agent, {"sender": "s4", "message": "x", "message_id": "a-1"})
    assert (status, body[0]["text"]) == (503, NOT_PROCESSED)


@pytest.mark.parametrize("body", [{"message": "x"}, {"sender": "s", "message": 3},
                                  {"sender": "s", "message": "x", "message_id": "kapot id met spaties"}])
async def test_bad_requests_get_a_dutch_400(body):
    async def on_new_message(message):
        raise AssertionError("bad input must not reach Rasa")

    status, answer = await _post(_receive(on_new_message), Agent(), body)
    assert status == 400 and "fout" in answer


async def test_a_database_outage_is_not_hidden_by_rasas_in_memory_fallback():
    """Rasa's FailSafeTrackerStore would read an empty conversation and keep the turn in memory only."""
    from rasa.core.tracker_store import FailSafeTrackerStore

    class DownStore(InMemoryTrackerStore):
        async def retrieve(self, sender_id):
            raise ConnectionError("database down")

        async def save(self, tracker):
            raise ConnectionError("database down")

    agent = Agent()
    agent.tracker_store = FailSafeTrackerStore(DownStore(Domain.empty()))

    async def on_new_message(message):  # what Rasa does: retrieve, process, save
        from rasa.shared.core.trackers import DialogueStateTracker

        tracker = await agent.tracker_store.retrieve(message.sender_id)
        if tracker is None:
            tracker = DialogueStateTracker(message.sender_id, [])
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        await agent.tracker_store.save(tracker)
        await message.output_channel.send_text_message(message.sender_id, "Hallo, waarmee kan ik helpen?")

    status, body = await _post(_receive(on_new_message), agent, {"sender": "s5", "message": "ga verder"})
    assert (status, body[0]["text"]) == (503, NOT_PROCESSED)
    assert len(body) == 1
