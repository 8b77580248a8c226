"""The kaart actions on real rasa_sdk objects: form validation, the follow-up question, the search."""
from __future__ import annotations

from typing import Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.kaart import ActionAskKaartAanvulling, ActionKaartReset, ActionKaartZoek, ValidateKaartForm
from bot.kaart import messages

DOMAIN = {
    "forms": {"kaart_form": {"required_slots": ["kaart_vraag", "kaart_aanvulling"]}},
    "slots": {name: {"type": "text", "mappings": [{"type": "custom"}]}
              for name in ("kaart_vraag", "kaart_aanvulling", "kaart_gemeente", "kaart_thema", "kaart_leeftijd")},
}
ISSUE_QUESTION = "waar kan een moeder uit Hilversum terecht met een zoon van 15 die niet meer naar school gaat?"


def tracker(text: str, slots: Dict, set_now: Dict, entities: Optional[List[dict]] = None,
            requested: Optional[str] = None, intent: str = "kaart_zoek") -> Tracker:
    slots = {"requested_slot": requested, **slots, **set_now}
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": entities or []}}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in set_now.items()]
    return Tracker.from_dict({
        "sender_id": "t", "slots": slots, "events": events, "active_loop": {"name": "kaart_form"},
        "latest_message": {"text": text, "intent": {"name": intent}, "entities": entities or []},
    })


def as_dict(events) -> Dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_complete_question_fills_slots_without_follow_up():
    dispatcher = CollectingDispatcher()
    events = await ValidateKaartForm().run(
        dispatcher, tracker(ISSUE_QUESTION, {}, {"kaart_vraag": ISSUE_QUESTION}), DOMAIN
    )
    slots = as_dict(events)
    assert slots["kaart_gemeente"] == "hilversum"
    assert slots["kaart_thema"] == "schoolverzuim"
    assert slots["kaart_leeftijd"] == 15
    assert slots["requested_slot"] is None
    assert dispatcher.messages == []


async def test_entities_win_over_text_and_missing_place_asks_one_question():
    text = "welke hulp is er voor een kind?"
    entities = [{"entity": "thema", "value": "scheiding"}]
    events = await ValidateKaartForm().run(
        CollectingDispatcher(), tracker(text, {}, {"kaart_vraag": text}, entities), DOMAIN
    )
    slots = as_dict(events)
    assert slots["kaart_thema"] == "scheiding" and slots["kaart_gemeente"] is None
    # the form is not finished: Rasa asks the next required slot, the follow-up
    assert slots.get("requested_slot", "kaart_aanvulling") == "kaart_aanvulling"
    required = await ValidateKaartForm().required_slots(
        ["kaart_vraag", "kaart_aanvulling"], CollectingDispatcher(), tracker(text, slots, {}), DOMAIN)
    assert required == ["kaart_vraag", "kaart_aanvulling"]

    dispatcher = CollectingDispatcher()
    asking = tracker(text, slots, {}, requested="kaart_aanvulling")
    assert await ActionAskKaartAanvulling().run(dispatcher, asking, DOMAIN) == []
    assert dispatcher.messages[0]["text"] == messages.VERVOLGVRAAG["gemeente"]

    answer = tracker("Bussum", slots, {"kaart_aanvulling": "Bussum"}, requested="kaart_aanvulling")
    done = as_dict(await ValidateKaartForm().run(CollectingDispatcher(), answer, DOMAIN))
    assert done["kaart_gemeente"] == "gooise_meren"
    assert done["kaart_thema"] == "scheiding"  # kept, not overwritten
    assert done["requested_slot"] is None  # only one follow-up question


async def test_the_familys_place_wins_over_the_place_the_recogniser_saw_first():
    # the NLU's place entity is the first place named: where the professional works, not where the family lives
    text = ("Ik werk bij het buurtteam in Hilversum, maar het gezin woont in Eemnes. Zoon een jaar of 14 zit alleen "
            "maar te gamen en gaat niet meer naar school.")
    entities = [{"entity": "gemeente", "value": "Hilversum"}]
    events = await ValidateKaartForm().run(
        CollectingDispatcher(), tracker(text, {}, {"kaart_vraag": text}, entities), DOMAIN
    )
    slots = as_dict(events)
    assert slots["kaart_gemeente"] == "eemnes" and slots["kaart_leeftijd"] == 14
    # without a place in the search's own reading the entity still counts
    events = await ValidateKaartForm().run(
        CollectingDispatcher(), tracker("zoon van 9 is somber", {}, {"kaart_vraag": "zoon van 9 is somber"},
                                        [{"entity": "gemeente", "value": "Huizen"}]), DOMAIN
    )
    assert as_dict(events)["kaart_gemeente"] == "huizen"


async def test_missing_problem_asks_for_the_problem():
    slots = {"kaart_vraag": "gezin in Huizen", "kaart_gemeente": "huizen", "kaart_thema": None}
    dispatcher = CollectingDispatcher()
    await ActionAskKaartAanvulling().run(dispatcher, tracker("x", slots, {}, requested="kaart_aanvulling"), DOMAIN)
    assert dispatcher.messages[0]["text"] == messages.VERVOLGVRAAG["probleem"]


async def test_empty_question_is_asked_again():
    dispatcher = CollectingDispatcher()
    events = await ValidateKaartForm().run(dispatcher, tracker("  ", {}, {"kaart_vraag": "  "}), DOMAIN)
    assert as_dict(events)["kaart_vraag"] is None
    assert dispatcher.messages[0]["text"] == messages.VRAAG_LEEG


async def test_search_shows_services_with_payload_and_resets():
    slots = {"kaart_vraag": ISSUE_QUESTION, "kaart_gemeente": "hilversum", "kaart_thema": "schoolverzuim",
             "kaart_leeftijd": 15.0}
    dispatcher = CollectingDispatcher()
    events = await ActionKaartZoek().run(dispatcher, tracker(ISSUE_QUESTION, slots, {}), DOMAIN)
    assert events == [
        SlotSet(s, None) for s in ("kaart_vraag", "kaart_aanvulling", "kaart_gemeente", "kaart_thema", "kaart_leeftijd")
    ]
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert texts[0] == messages.RESULTATEN_INTRO
    assert "Jeugdcoach in de middelbare school (Hilversum)" in texts[1] and "Waarom:" in texts[1]
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    assert payload["soort"] == "kaart_resultaten"
    assert 3 <= len(payload["resultaten"]) <= 5
    assert set(payload["resultaten"][0]) == {
        "id",
        "naam",
        "organisatie",
        "beschrijving",
        "voor_wie",
        "bereikbaarheid",
        "links",
        "waarom",
        "verwijsbaar",
        "let_op",
    }


async def test_search_outside_region_says_so():
    slots = {
        "kaart_vraag": "gezin met schulden in Amsterdam",
        "kaart_gemeente": "amsterdam",
        "kaart_thema": "financien",
    }
    dispatcher = CollectingDispatcher()
    await ActionKaartZoek().run(dispatcher, tracker("x", slots, {}), DOMAIN)
    texts = " ".join(m["text"] for m in dispatcher.messages if m.get("text"))
    assert "valt niet binnen de sociale kaart" in texts
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    assert payload["status"] == "buiten_regio" and payload["resultaten"] == []


async def test_search_with_nothing_found_gives_general_route():
    slots = {"kaart_vraag": "xyzzy plork", "kaart_aanvulling": "Vleuten", "kaart_gemeente": "vleuten"}
    dispatcher = CollectingDispatcher()
    await ActionKaartZoek().run(dispatcher, tracker("x", slots, {}), DOMAIN)
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    assert payload["status"] == "geen_resultaat"
    assert [r["id"] for r in payload["algemene_route"]] == ["buurtteam_vleuten"]


async def test_reset_clears_every_kaart_slot():
    events = await ActionKaartReset().run(CollectingDispatcher(), tracker("x", {"kaart_vraag": "oud"}, {}), DOMAIN)
    assert all(e["value"] is None for e in events) and len(events) == 5


def test_a_kaart_question_with_danger_gets_what_to_do_now_before_the_services():
    # found by a user test: "denkt aan zelfmoord" got a school social worker first and no word about 113
    from actions.kaart import search_and_show
    from bot.kaart.dialog import lees

    text = "zoon van 15 uit Huizen denkt aan zelfmoord"
    dispatcher = CollectingDispatcher()
    search_and_show(dispatcher, text, lees(text, []))
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert texts[0].startswith("Let op, eerst de veiligheid:") and "113" in texts[0] and "112" in texts[0]
    assert texts[0].endswith(messages.NA_GEVAAR)
    assert any(m.get("custom", {}).get("soort") == "kaart_resultaten" for m in dispatcher.messages)
