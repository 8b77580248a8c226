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


def test_situation_after_a_time_a_name_or_a_phone_number_is_read_too():
    # user tests (audit 2 L1, audit 3 L4): both were asked "Wat speelt er?" again
    assert situation_from_request(
        "ik wil een gesprek voorbereiden met een vader, morgen om 10 uur. hij heet Ruud de Boer, zijn ex Samira zegt "
        "dat hij de kinderen Noah (8) en Lotte (5) opstookt. …") == \
        "Vader: zijn ex Samira zegt dat hij de kinderen Noah (8) en Lotte (5) opstookt. …"
    assert situation_from_request(
        "Ik heb morgen een gesprek met een gescheiden moeder, Linda van Dijk (06-98765432), ze vindt dat haar ex Erik "
        "de kinderen Noor (10) en Daan (7) tegen haar opzet, ze wonen in Laren") == \
        ("Gescheiden moeder: ze vindt dat haar ex Erik de kinderen Noor (10) en Daan (7) tegen haar opzet, "
         "ze wonen in Laren")
    # in other words
    assert situation_from_request(
        "Volgende week dinsdag zie ik een boze vader om 14.00 uur; zijn ex-vrouw laat de kinderen al twee maanden "
        "niet bij hem logeren") == "Boze vader: zijn ex-vrouw laat de kinderen al twee maanden niet bij hem logeren"
    assert situation_from_request("ik wil een gesprek voorbereiden met een moeder (Petra), vrijdag om 9 uur: haar zoon "
                                  "wil niet meer naar zijn vader. Hoe begin ik?") == \
        "Moeder: haar zoon wil niet meer naar zijn vader"
    assert situation_from_request("ik heb morgen een gesprek met een vader, Johan Smit, hij woont in Huizen en vindt "
                                  "dat moeder de kinderen tegen hem opzet") == \
        "Vader: hij woont in Huizen en vindt dat moeder de kinderen tegen hem opzet"


def test_only_who_when_and_a_name_is_no_situation():
    assert situation_from_request("donderdag spreek ik moeder Fatima en haar dochter van 14, kun je me helpen dat "
                                  "gesprek voor te bereiden?") is None
    assert situation_from_request("ik heb morgen een gesprek met een vader, het gesprek is om 10 uur") is None
    assert situation_from_request("ik wil een gesprek voorbereiden met een moeder, ze heet Linda de Vries") is None
    assert situation_from_request("ik heb morgen een gesprek met een gescheiden moeder, kun je me helpen?") is None
    assert situation_from_request("tips voor een gesprek met een boze vader") is None


async def test_the_start_takes_over_a_situation_told_after_a_name():
    request = ("Ik heb morgen een gesprek met een gescheiden moeder, Linda van Dijk (06-98765432), ze vindt dat haar "
               "ex Erik de kinderen tegen haar opzet")
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenStart().run(dispatcher, _tracker(request), DOMAIN)
    slots = {e["name"]: e["value"] for e in events}
    assert slots["voorbereiden_situatie"] == "Gescheiden moeder: ze vindt dat haar ex Erik de kinderen tegen haar opzet"


def test_no_remark_when_the_note_does_what_the_step_itself_says():
    # audit 2 L2: "Dit klinkt als de realiteit benoemen; bij opties verkennen zeg je eerlijk dat je de ander niet kunt
    # veranderen ..." for a note that does exactly that (the workbook's step 6 starts so too)
    assert step_remark("ik kan Erik niet dwingen, dat heb ik niet in mijn macht", "opties") is None
    assert step_remark("Ik kan niet zorgen dat jouw ex-vrouw dit niet weer doet.", "opties") is None
    assert step_remark("Hem veranderen kan ik niet, dat ligt niet bij mij.", "opties") is None
    # at a step whose own text does not say it, the remark stays
    remark = step_remark("Hem veranderen kan ik niet, dat ligt niet bij mij.", "visie")
    assert remark.startswith("Dit klinkt als de realiteit benoemen; bij visie uitdragen")


def test_a_situation_joined_to_the_name_with_en_is_read():
    # a regression test: "hij heet ruud de boer en zijn ex ..." was asked again what was going on
    text = ("ik wil een gesprek voorbereiden met een vader, hij heet ruud de boer en zijn ex samira zegt dat hij de "
            "kinderen noah en lotte opstookt")
    assert situation_from_request(text) == "Vader: zijn ex samira zegt dat hij de kinderen noah en lotte opstookt"
    assert situation_from_request("ik wil een gesprek voorbereiden met een vader, hij heet Ruud en Jan") is None
