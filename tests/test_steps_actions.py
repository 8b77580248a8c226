"""Actions of the six-step preparation, run on real rasa_sdk objects."""
from pathlib import Path

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import (
    ActionAskVoorbereidenInvoer,
    ActionVoorbereidenAfronden,
    ActionVoorbereidenStart,
    ActionVoorbereidenToonPlan,
    ActionVoorbereidenWelkeStap,
    ValidateVoorbereidenForm,
)
from bot.steps import guide, texts
from bot.steps.plan import load_plan

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain" / "steps.yml").read_text(encoding="utf-8"))
FORM = "voorbereiden_form"


def _tracker(slots=None, text="", fill=None, sender="gesprek-1", intent="voorbereiden_notitie"):
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}]
    slots = dict(slots or {})
    if fill:
        events.append({"event": "slot", "name": fill, "value": text})
        slots[fill] = text
        slots["requested_slot"] = fill
    return Tracker.from_dict(
        {
            "sender_id": sender,
            "slots": slots,
            "latest_message": {"text": text, "intent": {"name": intent}},
            "events": events,
            "active_loop": {"name": FORM} if fill else {},
        }
    )


def _slots(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _texts(dispatcher):
    return [m.get("text") for m in dispatcher.messages if m.get("text")]


async def _validate(slots, text, fill="voorbereiden_invoer"):
    dispatcher = CollectingDispatcher()
    events = await ValidateVoorbereidenForm().run(dispatcher, _tracker(slots, text, fill), DOMAIN)
    return _slots(events), _texts(dispatcher)


async def test_who_is_parsed_and_starts_at_step_one():
    slots, messages = await _validate({}, "een vader", fill="voorbereiden_wie")
    assert slots == {
        "voorbereiden_wie": "ouder",
        "voorbereiden_stap": "visie",
        "voorbereiden_notities": {},
        "voorbereiden_getoond": None,
    }
    assert messages == []


async def test_unclear_who_asks_again():
    slots, messages = await _validate({}, "geen idee eigenlijk", fill="voorbereiden_wie")
    assert slots == {"voorbereiden_wie": None}
    assert messages == [texts.text("wie_onduidelijk")]


async def test_note_is_stored_and_moves_to_next_step():
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}}
    slots, messages = await _validate(base, "ik zou zeggen: Ik sta voor rust, voor jou en voor de kinderen.")
    assert slots == {
        "voorbereiden_invoer": None,
        "voorbereiden_stap": "erkennen",
        "voorbereiden_notities": {"visie": "Ik sta voor rust, voor jou en voor de kinderen."},
    }
    assert messages == ["Genoteerd bij 'Visie uitdragen'."]


async def test_a_kaart_question_during_the_preparation_is_answered_not_noted():
    # a user test: it was stored as the note for 'De dynamiek onderzoeken', with "Pas op: hier ga je de inhoud in"
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "dynamiek", "voorbereiden_notities": {}}
    slots, messages = await _validate(base, "waar kan een vader in Huizen terecht met scheidingsproblemen?")
    # the step stays, nothing noted; the question is remembered for a place follow-up ("en in laren?", session 24)
    assert slots == {"voorbereiden_invoer": None,
                     "kaart_vorige_vraag": "waar kan een vader in Huizen terecht met scheidingsproblemen?"}
    assert any("Huizen" in m for m in messages) and messages[-1].startswith("Dat was een vraag aan de sociale kaart")


async def test_pitfall_note_gets_a_warning():
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "opties", "voorbereiden_notities": {}}
    slots, messages = await _validate(base, "Ik bel je ex wel even op, ik regel het voor je.")
    assert slots["voorbereiden_invoer"] == "klaar"  # opties is the last step
    assert messages[1].startswith("Pas op: hier neem je het probleem over")


async def test_waarom_and_voorbeeld_and_rol_stay_on_the_step():
    base = {"voorbereiden_wie": "kind", "voorbereiden_stap": "dynamiek", "voorbereiden_notities": {}}
    slots, messages = await _validate(base, "waarom?")
    assert slots == {"voorbereiden_invoer": None, "voorbereiden_stap": "dynamiek"}
    assert messages == [guide.format_why("dynamiek")]
    slots, messages = await _validate(base, "geef een voorbeeld")
    assert messages == [guide.format_examples("dynamiek", "kind")]
    slots, messages = await _validate(base, "wat is mijn rol?")
    assert messages == [guide.format_role()]


async def test_back_skip_next_and_stop():
    notes = {"visie": "Rust voor iedereen.", "erkennen": "Wat zwaar."}
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "erkennen", "voorbereiden_notities": notes}
    slots, _ = await _validate(base, "terug")
    assert slots == {"voorbereiden_invoer": None, "voorbereiden_stap": "visie"}
    slots, messages = await _validate({**base, "voorbereiden_stap": "visie"}, "vorige stap")
    assert slots["voorbereiden_stap"] == "visie" and messages == [texts.text("al_eerste")]
    slots, messages = await _validate(base, "sla over")
    assert slots == {
        "voorbereiden_invoer": None,
        "voorbereiden_stap": "dynamiek",
        "voorbereiden_notities": {"visie": "Rust voor iedereen."},
    }
    assert messages == ["'Erkennen' sla ik over."]
    slots, _ = await _validate(base, "volgende")
    assert slots["voorbereiden_stap"] == "dynamiek" and slots["voorbereiden_notities"] == notes
    slots, _ = await _validate(base, "stop")
    assert slots == {"voorbereiden_invoer": "gestopt"}


async def test_ask_shows_the_guide_once_then_a_short_prompt():
    action = ActionAskVoorbereidenInvoer()
    dispatcher = CollectingDispatcher()
    slots = {"voorbereiden_wie": "beide_ouders", "voorbereiden_stap": "realiteit"}
    events = await action.run(dispatcher, _tracker(slots), DOMAIN)
    assert _slots(events) == {"voorbereiden_stap": "realiteit", "voorbereiden_getoond": "realiteit"}
    assert _texts(dispatcher)[0] == guide.format_step_guide("realiteit", "beide_ouders")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker({**slots, "voorbereiden_getoond": "realiteit"}), DOMAIN)
    assert _texts(dispatcher) == [texts.text("invoer_kort", stap_naam="De realiteit benoemen")]


async def test_start_clears_an_old_preparation():
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenStart().run(dispatcher, _tracker({"voorbereiden_wie": "kind"}), DOMAIN)
    assert set(_slots(events).values()) == {None}
    assert "voorbereiden_wie" in _slots(events)
    assert _texts(dispatcher) == [texts.text("intro")]


async def test_start_keeps_who_when_the_request_says_it():
    dispatcher = CollectingDispatcher()
    text = "ik wil een gesprek met een vader voorbereiden"
    events = await ActionVoorbereidenStart().run(dispatcher, _tracker({"voorbereiden_wie": "kind"}, text=text), DOMAIN)
    slots = _slots(events)
    assert slots["voorbereiden_wie"] == "ouder"
    assert slots["voorbereiden_stap"] == "visie"
    assert slots["voorbereiden_situatie"] is None


async def test_finish_stores_and_shows_the_plan_then_shows_it_again():
    slots = {
        "voorbereiden_wie": "ouder",
        "voorbereiden_situatie": "Vader is boos over het weekend.",
        "voorbereiden_invoer": "klaar",
        "voorbereiden_notities": {
            "erkennen": "Wat ben jij boos, zeg.",
            "realiteit": "Denk je dat zij gaat veranderen?",
        },
    }
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenAfronden().run(dispatcher, _tracker(slots), DOMAIN)
    plan_id = int(_slots(events)["voorbereiden_plan_id"])
    stored = load_plan(plan_id)
    assert stored["stappen"][1]["zin"] == "Wat ben jij boos, zeg."
    payloads = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert payloads[0]["soort"] == "gespreksplan" and "id" not in payloads[0]
    assert payloads[0]["nummer"] == load_plan(plan_id)["nummer"] == 1  # the conversation's own number, not the id
    assert _texts(dispatcher)[0].startswith(f"Jouw gespreksplan (nummer {plan_id})")
    assert _texts(dispatcher)[-1] == texts.text("plan_opgeslagen", plan_id=plan_id)
    assert _slots(events)["voorbereiden_notities"] is None

    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenToonPlan().run(dispatcher, _tracker({}, "toon mijn plan"), DOMAIN)
    assert _slots(events) == {"voorbereiden_plan_id": str(plan_id)}
    assert '"Denk je dat zij gaat veranderen?"' in _texts(dispatcher)[0]


async def test_show_plan_without_a_plan():
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenToonPlan().run(dispatcher, _tracker({}, "toon mijn plan", sender="nieuw"), DOMAIN)
    assert events == [] and _texts(dispatcher) == [texts.text("geen_plan")]


async def test_stopped_form_shows_menu_and_stores_nothing_and_says_so():
    # a regression test: 'stop' before any note said only "Goed, ik ben gestopt", and the worker looked for a plan
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenAfronden().run(dispatcher, _tracker({"voorbereiden_invoer": "gestopt"}), DOMAIN)
    assert [m.get("text") or m.get("response") for m in dispatcher.messages] == [
        texts.text("gestopt_niets"), "utter_menu"]
    assert "geen gespreksplan bewaard" in texts.text("gestopt_niets")
    assert "voorbereiden_plan_id" not in _slots(events)


async def test_which_step():
    action = ActionVoorbereidenWelkeStap()
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker({}, 'welke stap is dit: "Ik bel je ex wel even op, ik regel het."'), DOMAIN)
    assert _texts(dispatcher)[0].startswith("Deze zin past bij: Het probleem overnemen (redden)")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker({}, "welke stap is dit"), DOMAIN)
    assert _texts(dispatcher) == [texts.text("welke_stap_leeg")]
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker({}, "welke stap is dit: what do you think about this"), DOMAIN)
    assert _texts(dispatcher)[0].startswith("Ik kan hier geen stap aan koppelen. Dit lijkt geen Nederlands")


NOTES_SO_FAR = {"visie": "Ik sta voor rust, voor jou en voor de kinderen.", "erkennen": "Wat ben jij boos, zeg.",
                "dynamiek": "Wat deed jij toen Samira dat appje stuurde?"}


async def _stop_after_three_notes(sender="gesprek-stop"):
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_situatie": "Vader is boos over het weekend.",
             "voorbereiden_invoer": "gestopt", "voorbereiden_stap": "behoefte", "voorbereiden_notities": NOTES_SO_FAR}
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenAfronden().run(dispatcher, _tracker(slots, "stop", sender=sender), DOMAIN)
    return _slots(events), dispatcher


async def test_stop_halfway_keeps_the_notes_as_a_plan_that_is_not_finished():
    # a user test: 'stop' after 3 notes said only "Goed, ik ben gestopt", and 'toon mijn plan' found nothing
    slots, dispatcher = await _stop_after_three_notes()
    plan_id = int(slots["voorbereiden_plan_id"])
    assert _texts(dispatcher)[0] == texts.text("gestopt_bewaard", plan_id=plan_id)
    assert dispatcher.messages[-1].get("response") == "utter_menu"
    stored = load_plan(plan_id)
    assert stored["af"] is False and stored["gestopt_bij"]["id"] == "behoefte"
    assert [s.get("open", False) for s in stored["stappen"]] == [False, False, False, True, True, True]
    assert "Samira" not in stored["stappen"][2]["zin"] and "[NAAM]" in stored["stappen"][2]["zin"]  # masked
    from bot.records import get_record
    assert get_record("gespreksplan", plan_id).status == "gestopt"
    shown = _texts(dispatcher)[1]
    assert shown.startswith(f"Jouw gespreksplan (nummer {plan_id}), nog niet af")
    assert "4. Behoefte en verlangen: (nog niet voorbereid)" in shown

    dispatcher = CollectingDispatcher()  # 'toon mijn plan' later, in the same conversation
    await ActionVoorbereidenToonPlan().run(dispatcher, _tracker({}, "toon mijn plan", sender="gesprek-stop"), DOMAIN)
    assert _texts(dispatcher)[0] == shown


async def test_go_on_with_a_stopped_preparation_where_it_stopped():
    slots, _ = await _stop_after_three_notes(sender="gesprek-verder")
    plan_id = slots["voorbereiden_plan_id"]
    dispatcher = CollectingDispatcher()
    request = "ik wil verder met mijn voorbereiding van daarnet"
    events = await ActionVoorbereidenStart().run(
        dispatcher, _tracker({}, request, sender="gesprek-verder", intent="start_voorbereiden"), DOMAIN)
    resumed = {}
    for event in events:
        resumed[event["name"]] = event["value"]
    assert resumed["voorbereiden_stap"] == "behoefte" and resumed["voorbereiden_wie"] == "ouder"
    assert set(resumed["voorbereiden_notities"]) == {"visie", "erkennen", "dynamiek"}
    assert resumed["voorbereiden_situatie"] == "Vader is boos over het weekend."
    assert _texts(dispatcher)[-1] == texts.text("verder_met_plan", plan_id=plan_id, nummer=4,
                                                stap_naam="Behoefte en verlangen")
    # without a stopped preparation in this conversation it starts afresh
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenStart().run(
        dispatcher, _tracker({}, request, sender="ander-gesprek", intent="start_voorbereiden"), DOMAIN)
    assert set(_slots(events).values()) == {None}


async def test_the_plan_shown_at_the_end_is_masked_the_same_in_every_step():
    # a user test: step 6 showed "Erik" while the earlier steps (read back from Rasa's store) showed [NAAM]
    notes = {"erkennen": "[NAAM], wat ben jij boos, zeg.", "opties": "ik kan Erik niet dwingen, dat heb ik niet in "
             "mijn macht. Welke mogelijkheden zie jij?"}
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_situatie": "Vader Ruud is boos.",
             "voorbereiden_invoer": "klaar", "voorbereiden_notities": notes}
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenAfronden().run(dispatcher, _tracker(slots, "Welke mogelijkheden zie jij?"), DOMAIN)
    plan_id = int(_slots(events)["voorbereiden_plan_id"])
    shown = _texts(dispatcher)[0]
    assert "Erik" not in shown and "Ruud" not in shown and shown.count("[NAAM]") >= 3
    payload = [m["custom"] for m in dispatcher.messages if m.get("custom")][0]
    assert "Erik" not in str(payload) and payload["nummer"] == load_plan(plan_id)["nummer"]
    dispatcher = CollectingDispatcher()
    await ActionVoorbereidenToonPlan().run(dispatcher, _tracker({}, "toon mijn plan"), DOMAIN)
    assert _texts(dispatcher)[0] == shown  # what 'toon mijn plan' shows


async def test_back_at_a_step_shows_the_note_kept_there():
    # a user test: 'terug' did not show the note, though the remark said "met 'terug' kun je hem aanpassen"
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "erkennen", "voorbereiden_notities": NOTES_SO_FAR}
    slots_after, _ = await _validate({**slots, "voorbereiden_stap": "dynamiek"}, "terug")
    assert slots_after["voorbereiden_stap"] == "erkennen"
    dispatcher = CollectingDispatcher()
    await ActionAskVoorbereidenInvoer().run(dispatcher, _tracker(slots), DOMAIN)
    assert _texts(dispatcher)[-1] == texts.text("notitie_bij_stap", stap_naam="Erkennen",
                                                notitie="Wat ben jij boos, zeg.")
    assert "Wat ben jij boos, zeg." in _texts(dispatcher)[-1]
    dispatcher = CollectingDispatcher()  # a step without a note: no such line
    await ActionAskVoorbereidenInvoer().run(dispatcher, _tracker({**slots, "voorbereiden_stap": "behoefte"}), DOMAIN)
    assert not any("Je notitie bij" in t for t in _texts(dispatcher))
