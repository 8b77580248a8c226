"""Preparation: the first request already says who and what is going on, so the form does not ask
"Wat speelt er?" again; a note that sounds like another step gets a gentle remark."""
from pathlib import Path

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import ActionVoorbereidenStart, ValidateVoorbereidenForm
from bot.steps import texts
from bot.steps.remark import step_remark
from bot.steps.request import situation_from_request

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain" / "steps.yml").read_text(encoding="utf-8"))
REQUEST = "Ik heb morgen een gesprek met een moeder die vindt dat vader de kinderen tegen haar opzet"


def _tracker(text, slots=None, events=None, loop=None):
    return Tracker.from_dict({
        "sender_id": "gesprek-1", "slots": slots or {},
        "latest_message": {"text": text, "intent": {"name": "start_voorbereiden"}},
        "events": events or [{"event": "user", "text": text, "parse_data": {"intent": {"name": "start_voorbereiden"}}}],
        "active_loop": {"name": loop} if loop else {},
    })


def test_situation_is_read_from_the_request():
    assert situation_from_request(REQUEST) == "Moeder die vindt dat vader de kinderen tegen haar opzet"
    assert situation_from_request("ik zie volgende week twee ouders die steeds ruzie hebben, hoe pak ik dat aan") == \
        "Ouders die steeds ruzie hebben"
    # only who, no situation: the form still asks what is going on
    assert situation_from_request("ik wil een gesprek met een vader voorbereiden") is None
    assert situation_from_request("stappenplan voor een gesprek met een boze vader") is None
    assert situation_from_request("ik wil een gesprek voorbereiden") is None
    # a sentence about the person after a comma (third user test: asked "Wat speelt er?" again)
    assert situation_from_request("ik wil een gesprek voorbereiden met een moeder, ze is echt boos want vader houdt de "
                                  "kinderen al 3 weekenden bij zich") == \
        "Moeder: ze is echt boos want vader houdt de kinderen al 3 weekenden bij zich"


async def test_first_sentence_with_the_situation_fills_who_and_situation():
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenStart().run(dispatcher, _tracker(REQUEST), DOMAIN)
    slots = {}
    for event in events:
        slots[event["name"]] = event["value"]
    assert slots["voorbereiden_wie"] == "ouder"
    assert slots["voorbereiden_situatie"] == "Moeder die vindt dat vader de kinderen tegen haar opzet"
    assert [m["text"] for m in dispatcher.messages] == [
        texts.text("intro"),
        texts.text("situatie_overgenomen", situatie="Moeder die vindt dat vader de kinderen tegen haar opzet"),
    ]
    # the form validates the prefilled slots at activation: both are kept, and nothing is asked again
    activation = [{"event": "user", "text": REQUEST}, {"event": "action", "name": "action_voorbereiden_start"}] + events
    dispatcher = CollectingDispatcher()
    validated = await ValidateVoorbereidenForm().run(
        dispatcher, _tracker(REQUEST, slots=slots, events=activation, loop="voorbereiden_form"), DOMAIN)
    kept = {e["name"]: e["value"] for e in validated}
    assert kept["voorbereiden_wie"] == "ouder"
    assert kept["voorbereiden_situatie"] == "Moeder die vindt dat vader de kinderen tegen haar opzet"
    assert texts.text("vraag_situatie") not in [m.get("text") for m in dispatcher.messages]


def test_note_that_sounds_like_another_step_gets_a_gentle_remark():
    remark = step_remark("Ik hoor hoe boos je bent, dat snap ik.", "behoefte")
    assert remark.startswith("Dit klinkt als erkennen; bij behoefte en verlangen vraag je wat er zo belangrijk is")
    assert step_remark("Wat is er zo belangrijk voor je?", "behoefte") is None  # fits the step
    assert step_remark("Zal ik dat even voor je regelen?", "visie") is None  # a pitfall keeps its own tip


async def test_validation_gives_the_remark_after_the_note():
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "behoefte", "voorbereiden_notities": {},
             "voorbereiden_invoer": "Ik hoor hoe boos je bent, dat snap ik.", "requested_slot": "voorbereiden_invoer"}
    events = [{"event": "user", "text": slots["voorbereiden_invoer"]},
              {"event": "slot", "name": "voorbereiden_invoer", "value": slots["voorbereiden_invoer"]}]
    dispatcher = CollectingDispatcher()
    result = await ValidateVoorbereidenForm().run(
        dispatcher, _tracker(slots["voorbereiden_invoer"], slots=slots, events=events, loop="voorbereiden_form"), DOMAIN
    )
    messages = [m["text"] for m in dispatcher.messages]
    assert messages[0] == "Genoteerd bij 'Behoefte en verlangen'."
    assert messages[1].startswith("Dit klinkt als erkennen;")
    assert {e["name"]: e["value"] for e in result}["voorbereiden_notities"] == {
        "behoefte": "Ik hoor hoe boos je bent, dat snap ik."
    }
