"""Veiligheid eerst, overal: danger told in "Gesprek voorbereiden" gets the shared safety advice first (the signals
and texts of the intake, ``bot.intake.danger``), then the preparation goes on (a user test got "Stap 1 van 6" or
"Genoteerd bij ..." without 112, 113 or Veilig Thuis)."""
import re
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import ActionVoorbereidenStart, ValidateVoorbereidenForm
from bot.intake.danger import danger_in
from bot.intake.questions import format_danger
from bot.steps import texts
from bot.steps.preparation import safety_first

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain" / "steps.yml").read_text(encoding="utf-8"))
FORM = "voorbereiden_form"
SAFETY = "Let op, eerst de veiligheid:"


def _tracker(text, slots=None, intent="voorbereiden_notitie", loop=True, filled=()):
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}]
    events += [{"event": "slot", "name": name, "value": (slots or {}).get(name)} for name in filled]
    return Tracker.from_dict({
        "sender_id": "gesprek-veilig", "slots": slots or {},
        "latest_message": {"text": text, "intent": {"name": intent}},
        "events": events,
        "active_loop": {"name": FORM} if loop else {},
    })


async def _start(text):
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenStart().run(dispatcher, _tracker(text, intent="start_voorbereiden", loop=False),
                                                 DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m["text"] for m in dispatcher.messages]


async def _answer(slot, text, slots=None):
    """The professional answers the form's question for ``slot`` with ``text``."""
    slots = {**(slots or {}), slot: text, "requested_slot": slot}
    dispatcher = CollectingDispatcher()
    events = await ValidateVoorbereidenForm().run(dispatcher, _tracker(text, slots, filled=[slot]), DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m["text"] for m in dispatcher.messages]


def _advice(text):
    return format_danger(danger_in(text), then=texts.text("na_gevaar"), on_a_call=False)


async def test_danger_in_the_first_request_comes_before_the_preparation():
    # the user test: "Ik neem mee wat je al vertelde" and "Stap 1 van 6", no 112
    request = ("ik heb morgen een gesprek met een moeder, haar ex staat nu voor de deur en schreeuwt dat hij haar gaat "
               "vermoorden, wat moet ik doen")
    slots, messages = await _start(request)
    assert messages[0] == _advice(request) and "112" in messages[0]
    assert messages[1] == texts.text("intro")
    assert slots["voorbereiden_wie"] == "ouder" and slots["voorbereiden_situatie"]  # the preparation goes on
    # in other words, and a request that says nothing of danger gets no advice
    _, messages = await _start("ik wil een gesprek voorbereiden met een vader; de ex staat op dit moment voor de deur "
                               "en dreigt haar iets aan te doen")
    assert messages[0].startswith(SAFETY) and "112" in messages[0]
    _, messages = await _start("ik wil een gesprek voorbereiden met een vader die zijn kinderen al weken niet zag")
    assert not any(SAFETY in m for m in messages)


async def test_danger_told_as_the_situation_gets_113_and_the_situation_is_kept():
    text = "vader zegt dat hij aan zelfmoord denkt sinds zijn ex de kinderen meenam"
    slots, messages = await _answer("voorbereiden_situatie", text, {"voorbereiden_wie": "ouder"})
    assert messages[0] == _advice(text) and "113" in messages[0]
    assert messages[1] == texts.text("start_stappen")
    assert slots["voorbereiden_situatie"] == text
    slots, messages = await _answer("voorbereiden_situatie", "de dochter van 15 snijdt zichzelf sinds de scheiding",
                                    {"voorbereiden_wie": "kind"})
    assert "113" in messages[0] and slots["voorbereiden_situatie"].startswith("de dochter")


async def test_danger_in_a_note_gets_veilig_thuis_and_the_note_is_kept():
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {},
            "voorbereiden_situatie": "Vader is boos over de omgang."}
    text = ("ik vraag wat er gebeurde, hij vertelde me gisteren dat hij haar vorige week heeft geslagen waar de "
            "kinderen bij waren")
    slots, messages = await _answer("voorbereiden_invoer", text, base)
    assert messages[0] == _advice(text) and "Veilig Thuis" in messages[0]
    assert messages[1] == "Genoteerd bij 'Visie uitdragen'."
    assert slots["voorbereiden_notities"] == {"visie": text} and slots["voorbereiden_stap"] == "erkennen"
    # other words, another step
    text = "Ik vraag naar het weekend; de kinderen zagen hoe hij haar sloeg."
    slots, messages = await _answer("voorbereiden_invoer", text, {**base, "voorbereiden_stap": "dynamiek"})
    assert messages[0].startswith(SAFETY) and "Veilig Thuis" in messages[0]
    assert slots["voorbereiden_notities"]["dynamiek"] == text


async def test_the_same_danger_is_not_repeated_in_every_note():
    base = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "dynamiek",
            "voorbereiden_situatie": "Moeder wordt door haar ex geslagen.",
            "voorbereiden_notities": {}}
    _, messages = await _answer("voorbereiden_invoer", "Wat gebeurt er vlak voordat hij slaat?", base)
    assert not any(SAFETY in m for m in messages)  # told in the situation already
    _, messages = await _answer("voorbereiden_invoer", "Hij denkt aan zelfdoding, zei ze. Hoe reageer jij dan?", base)
    assert messages[0].startswith(SAFETY) and "113" in messages[0]  # a new danger is


async def test_danger_at_who_and_a_prefilled_situation_are_handled_once():
    slots, messages = await _answer("voorbereiden_wie", "een moeder, haar ex bedreigt haar met een mes")
    assert messages[0].startswith(SAFETY) and slots["voorbereiden_wie"] == "ouder"
    # the start action gave the advice for the request; the form's validation at activation does not repeat it
    told = "Moeder: haar ex staat nu voor de deur en schreeuwt dat hij haar gaat vermoorden"
    dispatcher = CollectingDispatcher()
    prefilled = {"voorbereiden_wie": "ouder", "voorbereiden_situatie": told}
    events = await ValidateVoorbereidenForm().run(
        dispatcher, _tracker(told, prefilled, filled=list(prefilled)), DOMAIN)
    assert {e["name"]: e["value"] for e in events}["voorbereiden_situatie"] == told  # validated, and kept
    assert not any(SAFETY in m["text"] for m in dispatcher.messages)


def test_safety_first_without_danger_or_with_a_negation_says_nothing():
    assert safety_first("Wat ben jij boos, zeg.") is None
    assert safety_first("Er is geen sprake van geweld, wel veel ruzie over de overdracht.") is None


# ------------------------------------------------------------------ session 20: no caller in the preparation

CALLER = re.compile(r"\bbeller", re.IGNORECASE)


@pytest.mark.parametrize("text", [
    "haar ex staat nu voor de deur en schreeuwt dat hij haar gaat vermoorden",  # acuut gevaar
    "vader slaat de kinderen als hij gedronken heeft",  # huiselijk geweld
    "het kind komt steeds zonder ontbijt en met een blauwe plek op school, erg moe",  # signs of neglect
    "hij zei tegen haar: als je de kinderen meeneemt, weet ik niet wat ik doe",  # a veiled threat
    "vader zegt dat hij aan zelfmoord denkt sinds zijn ex de kinderen meenam",  # suicide
])
async def test_the_safety_text_of_the_preparation_speaks_of_no_caller(text):
    # found by the user test: the preparation said "dan belt de beller 112" and "schrijf op wat de beller letterlijk
    # zei" while the professional prepares a conversation with a parent or child: no one is on the line
    _, messages = await _answer("voorbereiden_situatie", text, {"voorbereiden_wie": "ouder"})
    assert messages[0].startswith(SAFETY), messages
    assert not CALLER.search(messages[0]), messages[0]
    assert "112" in messages[0] or "113" in messages[0]
    # the intake, on a call, still tells the consultant what the caller does
    intake = format_danger(danger_in(text))
    assert intake.startswith(SAFETY)


def test_every_danger_signal_has_advice_without_a_caller():
    from bot.knowledge.loader import get_knowledge

    dangers = [signal for signal in get_knowledge().entries["intake_signaal"].values() if signal.soort == "gevaar"]
    assert len(dangers) >= 6
    for signal in dangers:
        assert not CALLER.search(signal.advice(on_a_call=False)), signal.id
    assert any(CALLER.search(signal.advice()) for signal in dangers)  # the triage call keeps "de beller"


def test_advice_that_speaks_of_the_caller_needs_a_wording_without_one():
    from pydantic import ValidationError

    from bot.intake.models import IntakeSignaal

    base = {"id": "x", "soort": "gevaar", "niveau": "acuut", "naam": "x", "trefwoorden": ["mes"],
            "bron": {"document": "d", "sectie": "s"}}
    with pytest.raises(ValidationError, match="direct_doen_zonder_beller"):
        IntakeSignaal(**base, direct_doen="Laat de beller 112 bellen.")
    with pytest.raises(ValidationError, match="spreekt van een beller"):
        IntakeSignaal(**base, direct_doen="Laat de beller 112 bellen.", direct_doen_zonder_beller="De beller belt 112.")
    signal = IntakeSignaal(**base, direct_doen="Laat de beller 112 bellen.", direct_doen_zonder_beller="Bel 112.")
    assert signal.advice() == "Laat de beller 112 bellen." and signal.advice(on_a_call=False) == "Bel 112."
