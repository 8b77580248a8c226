"""An action call sent again to the other action server stores nothing twice (session 29).

In the set-up with several servers HAProxy sends a call to an action server that closed its connection without an
answer (it died) to the other action server: when the first had already stored its record (a plan, an intake summary,
a role-play session), the action ran again with the same tracker and stored a second one. ``bot.records.action_call``
(around every storing action, ``actions.base``) makes such a call get its first record back.
"""
import re
import uuid
from pathlib import Path

import aiohttp
import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import ActionVoorbereidenAfronden
from bot import records
from bot.cluster.config import Ports, haproxy_cfg
from bot.steps.plan import RECORD_KIND as PLAN_KIND
from bot.steps.plan import load_plan

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain" / "steps.yml").read_text(encoding="utf-8"))
FINISHED = {
    "voorbereiden_wie": "ouder",
    "voorbereiden_situatie": "Vader is boos over het weekend.",
    "voorbereiden_invoer": "klaar",
    "voorbereiden_notities": {"erkennen": "Wat ben jij boos, zeg.", "realiteit": "Denk je dat zij gaat veranderen?"},
}


def _backend(config: str, name: str) -> str:
    return re.search(rf"^backend {name}\n(.*?)(?=^\S|\Z)", config, re.M | re.S).group(1)


def test_the_balancer_sends_a_call_the_action_server_did_not_answer_to_the_other_one():
    """The precondition of the duplicate: a call already sent is sent again (not only a refused connection)."""
    config = haproxy_cfg(Ports(*range(20_000, 20_010)))
    actions = _backend(config, "action_servers")
    assert re.search(r"^\s*retry-on .*\bempty-response\b", actions, re.M)  # the server died before answering
    assert "option http-buffer-request" in actions  # the whole call is kept, so it can be sent again
    defaults = config.split("defaults", 1)[1].split("frontend", 1)[0]
    assert re.search(r"^\s*retries [1-9]", defaults, re.M) and "option redispatch" in defaults  # to the other one
    # a Rasa server's request is never sent again (the client retries with its message id)
    assert "retry-on" not in _backend(config, "rasa_servers")


async def test_rasa_itself_calls_an_action_once():
    """Rasa does not retry a call that failed: only the balancer does."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.exceptions import RasaException
    from rasa.utils.endpoints import EndpointConfig

    calls = []

    class Endpoint(EndpointConfig):
        async def request(self, *args, **kwargs):
            calls.append(kwargs)
            raise aiohttp.ServerDisconnectedError()

    domain = Domain.empty()
    action = RemoteAction("action_voorbereiden_afronden", Endpoint("http://127.0.0.1:9/webhook"))
    with pytest.raises(RasaException):
        await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                         DialogueStateTracker("rasa-once", []), domain)
    assert len(calls) == 1


def _tracker(sender: str, message_id, events: int = 3) -> Tracker:
    latest = {"text": "klaar", "intent": {"name": "voorbereiden_notitie"}}
    if message_id is not None:
        latest["message_id"] = message_id
    return Tracker.from_dict({"sender_id": sender, "slots": dict(FINISHED), "latest_message": latest,
                              "events": [{"event": "user", "text": "klaar"}] * events, "active_loop": {}})


async def _finish(tracker: Tracker) -> int:
    events = await ActionVoorbereidenAfronden().run(CollectingDispatcher(), tracker, DOMAIN)
    return int(next(e["value"] for e in events if e.get("name") == "voorbereiden_plan_id"))


def _plans(sender: str):
    return records.list_records(PLAN_KIND, conversation_id=sender)


async def test_the_same_call_run_again_stores_one_plan_and_answers_with_it():
    sender = f"retry-{uuid.uuid4().hex}"
    first = await _finish(_tracker(sender, "m-1"))
    again = await _finish(_tracker(sender, "m-1"))  # the balancer's second try, on the other action server
    assert again == first
    assert len(_plans(sender)) == 1
    assert load_plan(first)["nummer"] == 1


async def test_another_message_or_a_later_call_in_the_same_turn_stores_its_own_plan():
    sender = f"retry-{uuid.uuid4().hex}"
    first = await _finish(_tracker(sender, "m-1"))
    later = await _finish(_tracker(sender, "m-1", events=5))  # the same message, a later action of that turn
    other = await _finish(_tracker(sender, "m-2"))
    assert len({first, later, other}) == 3 and len(_plans(sender)) == 3
    assert sorted(load_plan(pk)["nummer"] for pk in (first, later, other)) == [1, 2, 3]


async def test_a_tracker_without_message_id_is_not_guarded():
    """The duplicate as it was: without the message the call answers, nothing tells the two runs apart."""
    sender = f"retry-{uuid.uuid4().hex}"
    await _finish(_tracker(sender, None))
    await _finish(_tracker(sender, None))
    assert len(_plans(sender)) == 2


def test_the_store_gives_each_record_of_a_call_back_in_order():
    sender = f"retry-{uuid.uuid4().hex}"

    def run():
        with records.action_call(sender, "m-1", 4, "action_test"):
            return [records.add_record("test", {"n": 1}, conversation_id=sender),
                    records.add_record("test", {"n": 2}, conversation_id=sender),
                    records.add_record("andere", {"n": 3}, conversation_id=sender)]

    first = run()
    assert len(set(first)) == 3
    assert run() == first
    assert len(records.list_records("test", conversation_id=sender)) == 2
    # a record stored outside the call, or for another conversation, is not taken from it
    with records.action_call(sender, "m-1", 4, "action_test"):
        elsewhere = records.add_record("test", {"n": 1}, conversation_id=f"{sender}-b")
    assert elsewhere not in first
    assert records.add_record("test", {"n": 1}, conversation_id=sender) not in first


def test_a_record_wiped_after_the_first_try_is_stored_again():
    sender = f"retry-{uuid.uuid4().hex}"
    with records.action_call(sender, "m-1", 4, "action_test"):
        first = records.add_record("test", {"n": 1}, conversation_id=sender)
    assert records.delete_record("test", first)
    with records.action_call(sender, "m-1", 4, "action_test"):
        again = records.add_record("test", {"n": 1}, conversation_id=sender)
    assert again != first and len(records.list_records("test", conversation_id=sender)) == 1


# -- a change of a record: a role-play turn, a wiped turn ----------------------------------------------------------

@pytest.fixture
def practice():
    from bot.roleplay.moves import MoveClassifier
    from bot.roleplay.session import PracticeService

    return PracticeService(classify=MoveClassifier())


def _turns(practice, session_id):
    return practice.load(session_id)["state"]["turns"]


def _begin(practice, sender):
    from bot.roleplay import catalog

    scenario = catalog.scenarios()[0].id
    with records.action_call(sender, "m-0", 2, "validate_rollenspel_form"):
        return practice.begin(scenario, conversation_id=sender, seed=1)[0]


def test_a_role_play_turn_run_again_is_stored_once(practice):
    sender = f"retry-{uuid.uuid4().hex}"
    session_id = _begin(practice, sender)

    def turn():
        with records.action_call(sender, "m-1", 6, "validate_rollenspel_form"):
            return practice.play(session_id, "Ik hoor dat u boos bent.")

    first = turn()
    assert first.soort == "beurt" and len(_turns(practice, session_id)) == 1
    again = turn()  # the balancer's second try
    assert again.soort == "beurt"
    assert len(_turns(practice, session_id)) == 1
    with records.action_call(sender, "m-2", 9, "validate_rollenspel_form"):
        practice.play(session_id, "Wat is er gebeurd?")
    assert len(_turns(practice, session_id)) == 2  # the next message is a turn of its own
    assert len(records.list_records("rollenspel", conversation_id=sender)) == 1


def test_without_the_guard_the_turn_was_stored_twice(practice):
    """The duplicate as it was (a tracker without message id: nothing guarded)."""
    sender = f"retry-{uuid.uuid4().hex}"
    session_id = _begin(practice, sender)
    for _ in range(2):
        with records.action_call(sender, None, 6, "validate_rollenspel_form"):
            practice.play(session_id, "Ik hoor dat u boos bent.")
    assert len(_turns(practice, session_id)) == 2
