"""A second-round user test of session 24: a forget request opened with a story (and the surname after 'mevrouw'
stored readable), a trainee's request to wipe her own role-play, a first message with a greeting that did not start
the role-play, and 'rustpunt gesprekken --zoek' matching inside words. Through the real paths: the command guard after
the NLU, the fallback action, the scenario form, the masking tracker store and the command line."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import UserUttered
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from actions.roleplay import ValidateRollenspelForm
from bot.intake.deidentify import mask
from bot.language import opentaal_available
from bot.privacy.forget import HOW_TO_FORGET, OWN_ROLE_PLAY_HOW_TO
from bot.rasa_runtime.command_guard import CommandIntentGuard
from bot.records import list_records
from tests.test_privacy_masking_s24 import _store, _turn
from tests.test_privacy_user_test_s22 import files_with

needs_opentaal = pytest.mark.skipif(not opentaal_available(), reason="OpenTaal's word list (hunspell) is not installed")


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


def guarded(text, intent):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9},
                            "intent_ranking": [{"name": intent, "confidence": 0.9}]})
    CommandIntentGuard().process([message])
    return message.get("intent")["name"]


async def fallback_answer(text):
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {}, "events": [],
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})
    await ActionOnzekerBericht().run(dispatcher, tracker, {})
    return [m.get("text") for m in dispatcher.messages]


# -- 1. a forget request opened with a story; the surname after 'mevrouw' ---------------------------------------------
STORY = ("ik had gisteren een moeder aan de lijn, mevrouw brinkhorst, en ze belde net terug dat ze wil dat alles over "
         "haar gezin vergeten wordt. kan dat?")


@pytest.mark.parametrize("text", [f"goedemorgen, {STORY}", STORY,
                                  STORY.replace("kan dat?", "is dat mogelijk?")])
async def test_a_forget_request_opened_with_a_story_gets_how_to_forget(text):
    for intent in ("start_vraagverheldering", "nlu_fallback", "inform"):
        assert guarded(text, intent) == "nlu_fallback"
    assert await fallback_answer(text) == [HOW_TO_FORGET]


@pytest.mark.parametrize("text", [
    "ik had gisteren een moeder aan de lijn en ze vertelde dat haar dochter al weken niet naar school gaat en dat "
    "vader alles wil vergeten wat er gebeurd is. kan dat?",
    "ik heb een vader aan de lijn, zijn zoon van 14 blowt en hij wil dat de ruzie van vorige week vergeten wordt "
    "door iedereen. kan dat?",
])
async def test_a_long_story_ending_in_kan_dat_without_a_wish_to_forget_data_is_no_request(text):
    assert guarded(text, "start_vraagverheldering") == "start_vraagverheldering"


@needs_opentaal
@pytest.mark.parametrize("text, expected", [
    ("mevrouw brinkhorst belde terug", "mevrouw [NAAM] belde terug"),
    ("dhr. tjalsma belde", "dhr. [NAAM] belde"), ("mevr. wassenbergh wil dat", "mevr. [NAAM] wil dat"),
    ("mw. brinkhorst", "mw. [NAAM]"), ("juf wassenbergh zegt dat", "juf [NAAM] zegt dat"),
    ("meester tjalsma", "meester [NAAM]"), ("meneer brinkhorst", "meneer [NAAM]"),
])
def test_an_unknown_word_after_a_form_of_address_is_a_surname(text, expected):
    assert mask(text, use_deduce=False).text == expected


@needs_opentaal
@pytest.mark.parametrize("text", [
    "meneer de directeur belde", "mevrouw zelf wil het niet", "juf zegt dat hij stil is",
    "meneer uhm, ik weet het niet",
    "mevrouw, stel dat u belt", "ik snap het, mevrouw. Wat gebeurde er?", "meneer woont in huizen",
])
def test_a_word_after_a_form_of_address_that_is_dutch_stays_readable(text):
    assert mask(text, use_deduce=False).text == text


@needs_opentaal
async def test_the_surname_after_mevrouw_is_stored_masked_and_remembered_for_the_conversation(tmp_path, tracker_url):
    store = _store(tmp_path)
    for text in (f"goedemorgen, {STORY}", "brinkhorst belde gisteren al eens"):
        await _turn(store, "gesprek-round2", [UserUttered(text, intent={"name": "nlu_fallback", "confidence": 1.0})])
    assert files_with(tmp_path, ("brinkhorst",)) == []


# -- 2. a trainee's own role-play --------------------------------------------------------------------------------------
OWN_PLAY = ["mag mijn rollenspel van net helemaal gewist worden? ik vond het toch niet zo goed gaan",
            "kun je mijn rollenspel wissen?", "mag mijn rollenspel gewist worden?", "haal mijn rollenspel weg"]


@pytest.mark.parametrize("text", OWN_PLAY)
async def test_a_request_to_wipe_ones_own_role_play_gets_how_to_wipe_it(text):
    for intent in ("start_rollenspel", "menu", "stop"):  # after the end the debrief came back
        assert guarded(text, intent) == "nlu_fallback"
    answer = await fallback_answer(text)
    assert answer == [f"{OWN_ROLE_PLAY_HOW_TO} {HOW_TO_FORGET}"]
    assert "'Wis dit gesprek'" in answer[0] and "'Wis deze sessie'" in answer[0]


@pytest.mark.parametrize("text", OWN_PLAY[1:3])
def test_a_request_to_wipe_ones_own_role_play_while_the_scenarios_are_shown_keeps_the_list(text):
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {"requested_slot": "rollenspel_scenario"}, "events": [],
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}}})
    slots = ValidateRollenspelForm().validate_rollenspel_scenario(text, dispatcher, tracker, {})
    assert slots == {"rollenspel_scenario": None}
    assert [m["text"] for m in dispatcher.messages] == [f"{OWN_ROLE_PLAY_HOW_TO} {HOW_TO_FORGET}"]
    assert not list_records("rollenspel")


@pytest.mark.parametrize("text", OWN_PLAY)
def test_a_request_to_wipe_ones_own_role_play_is_no_turn(text):
    from bot.roleplay.session import FORGET, command_of

    assert command_of(text) == FORGET


@pytest.mark.parametrize("text", [
    "het rollenspel ging goed maar ik was vergeten te erkennen", "ik wist niet wat ik moest zeggen in mijn rollenspel",
    "mijn rollenspel was lastig, ik had de moeder niet goed gehoord",
])
def test_talk_about_the_role_play_is_no_wipe_request(text):
    from bot.roleplay.session import command_of

    assert guarded(text, "start_rollenspel") == "start_rollenspel"
    assert command_of(text) is None


# -- 3. a greeting before a request to start -------------------------------------------------------------------------
MOTHER_PLAY = "ik wil graag een rollenspel doen met de moeder die haar dochter al maanden niet ziet"


@pytest.mark.parametrize("greeting", ["goedemiddag, ", "hallo, ", "goedemorgen ", "hoi, ", "hey "])
def test_a_greeting_before_a_wish_to_practise_starts_the_role_play(greeting):
    from bot.roleplay.catalog import scenario_in_request
    from tests.test_roleplay_user_test_s21b import _read

    text = greeting + MOTHER_PLAY
    # what the model read for "goedemiddag, ..." and "hallo, ...": the role-play at 0.29 beside the greeting at 0.26
    assert _read(text, [("start_rollenspel", 0.29), ("greet", 0.26), ("start_voorbereiden", 0.17)]) == (
        "start_rollenspel")
    assert _read(text, [("greet", 0.45), ("start_rollenspel", 0.3)]) == "start_rollenspel"
    assert scenario_in_request(text) == scenario_in_request(MOTHER_PLAY) is not None


@pytest.mark.parametrize("text, ranking, expected", [
    # the model's readings of other start requests after a greeting
    ("goedemiddag, ik wil een intake doen", [("greet", 0.43), ("start_vraagverheldering", 0.24),
                                             ("intake_vragen_tonen", 0.12)], "start_vraagverheldering"),
    ("goedemorgen, ik wil een intake doen", [("greet", 0.38), ("start_vraagverheldering", 0.35),
                                             ("intake_vragen_tonen", 0.09)], "start_vraagverheldering"),
    ("goedemorgen, ik wil de rollen oefenen", [("rol_oefenen", 0.49), ("greet", 0.43), ("start_rollenspel", 0.03)],
     "rol_oefenen"),
    # a greeting the model is sure of stays one; so does small talk after it
    ("hallo, ik heb een vraag", [("greet", 0.88), ("intake_vragen_tonen", 0.08)], "greet"),
    ("hallo, hoe gaat het?", [("greet", 0.96), ("intake_vragen_tonen", 0.01)], "greet"),
    ("hoi, hoe is het", [("greet", 0.45), ("intake_vragen_tonen", 0.2), ("help", 0.15)], "greet"),
])
def test_a_greeting_takes_no_certainty_from_the_request_after_it(text, ranking, expected):
    from tests.test_roleplay_user_test_s21b import _read

    assert _read(text, ranking) == expected


# -- 4. 'rustpunt gesprekken --zoek' matches whole words ----------------------------------------------------------
async def test_gesprekken_zoek_matches_whole_words_in_the_text_and_the_masked_names(tmp_path, tracker_url, capsys):
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.cli import main
    from bot.records import add_record
    from tests.test_forget_on_request_s24 import DOMAIN, user

    store = _store(tmp_path)
    for conversation_id, text in (("met-daan", "er belt vader over zijn zoon Daan van 12"),
                                  ("gedaan", "ik heb gedaan wat je zei, dat heeft goed gedaan"),
                                  ("daantje", "de naam daantje"), ("regel", "eerste regel\nDaan belt terug")):
        await store.save(DialogueStateTracker.from_events(conversation_id, [user(text)], slots=DOMAIN.slots))
    add_record("gespreksplan", {"situatie": "wat heeft hij gedaan? familie de Vries"}, "plan-de-vries")
    add_record("gespreksplan", {"situatie": "[NAAM] kwam het laatst langs bij de vrieskist"}, "plan-vries")

    assert main(["gesprekken", "--zoek", "daan"]) == 0
    out = capsys.readouterr().out
    assert "met-daan" in out and "regel" in out  # the masked name (its hash); the stored text after a line break
    assert "\ngedaan " not in out and "plan-de-vries" not in out and "daantje" not in out
    assert main(["gesprekken", "--zoek", "de Vries"]) == 0  # a surname with a particle, in the text
    out = capsys.readouterr().out
    assert "plan-de-vries" in out and "plan-vries" not in out  # not "de vrieskist"
    assert main(["gesprekken", "--zoek", "gedaan"]) == 0
    assert "gedaan" in capsys.readouterr().out
