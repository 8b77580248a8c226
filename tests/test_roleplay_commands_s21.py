"""Requests to Rustpunt during and around a role-play that are never turns (a user test of session 21: trainees in a
role-play). Through the code paths the chat uses: ``PracticeService.play`` (what ``validate_rollenspel_form`` calls
for every message during play), the role-play form's validation at its start, and the guard after the intent
classifier."""
import glob
import re
from functools import partial
from types import SimpleNamespace

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as actions
from bot import commands
from bot.intake.opening import asks_for_an_intake
from bot.knowledge.texts import Texts
from bot.roleplay import catalog
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import PracticeService, command_of, list_sessions
from tests.command_guard import guarded

TEXTS = Texts("rollenspel_tekst")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")  # starts at tension 8
MDO = "mdo-moeder-dochter-ruzie"


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def started(turns=2):
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    for path_turn in FATHER.oefenpad[:turns]:
        service.play(session, path_turn.tekst)
    return service, session


# -- 1. a request to wipe what was just typed wipes the last turn, and is no turn ---------------------------------

WIPE_LAST = [
    "kun je die lange tekst die ik net plakte weer wissen? daar stonden dingen in van een echt gezin",
    "kun je dat laatste bericht verwijderen? daar stond per ongeluk een echte naam in",
    "haal mijn vorige bericht weg", "wis mijn laatste beurt alsjeblieft", "verwijder wat ik net plakte",
]


@pytest.mark.parametrize("text", WIPE_LAST)
def test_a_request_to_wipe_what_was_just_typed_wipes_the_last_turn(text):
    service, session = started(turns=1)
    before = service.load(session)["state"]
    real = "jansen woont op de kerkstraat en haar dochter heet lotte"  # pasted by mistake
    service.play(session, real)
    assert len(service.load(session)["state"]["turns"]) == 2
    result = service.play(session, text)
    assert result.soort == "opnieuw" and result.payload["soort"] == "rollenspel_opnieuw"
    assert result.payload["vanaf_beurt"] == 2 and result.payload["spanning"] == before["tension"]
    assert result.tekst.startswith(TEXTS.text("beurt_gewist", nr=2, spanning=7, zin="")[:40])
    assert "'Wis dit gesprek'" in result.tekst  # the chat history: how to wipe that too
    stored = service.load(session)
    assert stored["state"] == before and stored["status"] == "bezig"
    assert "kerkstraat" not in str(stored) and "lotte" not in str(stored)  # not kept as an earlier attempt either
    assert text not in str(stored)
    assert service.play(session, FATHER.oefenpad[1].tekst).soort == "beurt"  # the role-play goes on


def test_a_request_to_wipe_before_any_turn_says_so_and_how_to_wipe_the_conversation():
    service, session = started(turns=0)
    result = service.play(session, WIPE_LAST[1])
    assert result.soort == "uitleg" and result.tekst.startswith(TEXTS.text("niets_te_wissen"))
    assert "'Wis dit gesprek'" in result.tekst and service.load(session)["state"]["turns"] == []


@pytest.mark.parametrize("text", WIPE_LAST)
def test_outside_a_role_play_the_same_request_gets_the_explanation_of_wiping(text):
    assert commands.is_forget_request(text)  # the guard sends it to the fallback, which explains the button


@pytest.mark.parametrize("text", [
    "vergeet wat ik net zei",  # taking back what was said to the persona stays a turn (README)
    "kunt u dat bericht van uw ex verwijderen?", "verwijder die berichten van je ex", "haal die appjes weg",
    "ik heb mijn laatste bericht niet gewist", "Heeft u dat bericht verwijderd?",
])
def test_lines_for_the_persona_about_messages_stay_turns(text):
    assert command_of(text) is None
    service, session = started(turns=1)
    assert service.play(session, text).soort in ("beurt", "einde")


# -- 2. help, step questions and starting again are commands, in the trainee's own words ---------------------------

@pytest.mark.parametrize("text", [
    "ik weet het echt even niet meer hoor, wat moet ik nou zeggen",
    "welke stap moet ik nu eigenlijk doen dan?",
    "pff ... moet ik nou eerst erkennen of eerst vertellen wat mijn rol is?",
    "hmm, hoe moet ik hierop reageren?", "zou ik nu de realiteit benoemen?", "wat is de beste stap nu?",
    "ik weet niet meer wat ik moet zeggen", "sorry, ik loop echt vast",
    # what worked stays
    "hint", "help", "wat is de volgende stap?", "ik weet even niet wat ik nu moet zeggen, help",
])
def test_a_request_for_help_in_own_words_gets_a_hint_and_is_no_turn(text):
    assert command_of(text) == "hint"
    service, session = started()
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "hint" and result.payload["soort"] == "rollenspel_hint"
    assert service.load(session)["state"] == before


@pytest.mark.parametrize("text", ["laat maar, ik begin opnieuw", "kan ik helemaal opnieuw beginnen?",
                                  "ik wil het rollenspel opnieuw doen", "opnieuw beginnen graag"])
def test_a_request_to_start_again_goes_back_to_before_the_first_turn(text):
    assert command_of(text) == commands.RESTART
    service, session = started()
    result = service.play(session, text)
    assert result.soort == "opnieuw" and result.payload["vanaf_beurt"] == 1
    stored = service.load(session)
    assert stored["state"]["turns"] == [] and stored["state"]["tension"] == FATHER.spanning.start
    assert [a["vanaf_beurt"] for a in stored["pogingen"]] == [1]  # the first attempt shows in the debrief


@pytest.mark.parametrize("text", ["laat maar, ik begin opnieuw", "kan ik helemaal opnieuw beginnen?"])
def test_a_request_to_start_again_read_as_stop_does_not_end_the_role_play(text):
    # "laat maar" is a word of stopping; the stop rule would end the role-play before the form reads the message
    assert not commands.is_stop_request(text) and _guarded(text, "stop") != "stop"
    assert commands.is_stop_request("laat maar, ik ga stoppen") and _guarded("stop rollenspel", "stop") == "stop"


def test_starting_again_before_any_turn_says_where_the_talk_stands():
    service, session = started(turns=0)
    result = service.play(session, "kan ik helemaal opnieuw beginnen?")
    assert result.soort == "uitleg" and FATHER.persona.opening in result.tekst
    assert service.load(session)["state"]["turns"] == []


@pytest.mark.parametrize("text", [
    "wat moet ik volgens u doen?",  # asks the parent
    "zal ik eerst vertellen wat mijn rol is?",  # an offer to the parent
    "laten we opnieuw beginnen",  # a fresh start with the parent
    "kunnen we opnieuw beginnen, meneer?",
    "wat moet ik doen?", "ik weet het niet", "Wat moet ik zeggen, meneer, het is ook lastig",
    "Moet ik u iets uitleggen over hoe ik erin sta?", "Ik weet het gewoon niet meer. Alles wat ik doe is fout.",
    "Ik merk dat mijn vraag verkeerd viel, mag ik het opnieuw proberen?",  # a repair for the persona
    "ik wil graag opnieuw beginnen met u", "ik ga het opnieuw proberen",
])
def test_lines_for_the_persona_stay_turns(text):
    assert command_of(text) is None


def _turn_texts():
    texts = set()
    for path in glob.glob("evaluatie/oefenpaden*.yml"):
        for pad in yaml.safe_load(open(path, encoding="utf-8")).get("paden", []):
            texts.update(t for t in pad.get("beurten", []) if isinstance(t, str))
    for scenario in catalog.scenarios():
        texts.update(p.tekst for p in scenario.oefenpad + scenario.valkuilpad)
    return texts


def test_no_written_turn_of_the_practice_paths_is_read_as_a_command():
    texts = _turn_texts()
    assert len(texts) > 5000
    assert [t for t in texts if command_of(t)] == []


def test_no_example_sentence_is_read_as_a_request_to_start_again_or_to_wipe():
    from bot.knowledge.loader import get_knowledge

    sentences = [s for kind in ("stap_voorbeelden", "rol_voorbeelden", "oordeel_voorbeelden")
                 for group in get_knowledge().all(kind) for s in group.zinnen]
    assert len(sentences) > 3000
    assert [s for s in sentences if command_of(s) in (commands.RESTART, "wis_beurt")] == []
    # help in own words adds none: only the last clause counts ("Ik weet het gewoon niet meer. Alles wat ik doe is
    # fout" is a parent's despair); what is read as a hint has a help phrase as its last clause, as before
    help_phrases = commands.PHRASES[commands.HINT]
    last_clause = [s for s in sentences
                   if commands.normalise(re.split(r"[,.;:!?]+", s.strip(" .!?"))[-1]) in help_phrases]
    assert [s for s in sentences if command_of(s) == "hint"] == last_clause


# -- 3. and 4. a wish to practise starts the role-play with its scenario, not an intake or the kaart ---------------

_guarded = partial(guarded, confidence=0.6)


async def _activation(text, intent):
    """The role-play form's validation at its start, right after the request (as the rule starts the form)."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "metadata": {}}
    tracker = Tracker(
        sender_id="gesprek-s21", slots={"rollenspel_scenario": None, "rollenspel_beurt": None,
                                        "rollenspel_sessie": None, "requested_slot": None},
        latest_message=latest, events=[{"event": "user", "text": text, "parse_data": latest, "metadata": {}}],
        paused=False, followup_action=None, active_loop={"name": "rollenspel_form"}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    return await actions.ValidateRollenspelForm().run(dispatcher, tracker, actions_domain()), dispatcher.messages


def actions_domain():
    return {"forms": {"rollenspel_form": {"required_slots": ["rollenspel_scenario", "rollenspel_beurt"]}},
            "slots": {"rollenspel_scenario": {"type": "text", "mappings": [{"type": "from_text"}]},
                      "rollenspel_beurt": {"type": "text", "mappings": [{"type": "from_text"}]},
                      "rollenspel_sessie": {"type": "text", "mappings": [{"type": "custom"}]}},
            "responses": {}}


@pytest.mark.parametrize("text, read_as, scenario", [
    # 3: "aan de telefoon" describes the persona, not a caller on the line (it started "Vraag 1 van 18")
    ("hoi! ik wil graag oefenen met die boze vader aan de telefoon, die van het weekend", "start_vraagverheldering",
     FATHER.id),
    ("ik wil oefenen met de vader aan de telefoon", "start_vraagverheldering", FATHER.id),
    # 4: another one after a role-play, naming the scenario (it went to the kaart, then "Sorry")
    ("oke nog eentje dan, de mdo met moeder en dochter", "kaart_zoek", MDO),
    ("nog eentje dan, de mdo", "nlu_fallback", MDO),
])
async def test_a_wish_to_practise_starts_the_scenario_it_names(text, read_as, scenario):
    assert _guarded(text, read_as) == "start_rollenspel"
    actions.set_service(scripted_service())
    try:
        events, messages = await _activation(text, "start_rollenspel")
    finally:
        actions.set_service(None)
    assert SlotSet("rollenspel_scenario", scenario) in events
    assert [s["scenario"] for s in list_sessions()] == [scenario]
    assert catalog.get_scenario(scenario).persona.opening in [m.get("text") for m in messages]


@pytest.mark.parametrize("text, read_as", [
    ("ik heb een moeder aan de lijn, ze wil graag oefenen met haar zoon voor zijn examen", "start_vraagverheldering"),
    ("er belt een vader over zijn zoon van 14", "start_vraagverheldering"),
    ("ik wil de intake oefenen", "start_vraagverheldering"),
])
def test_a_caller_on_the_line_or_the_intake_by_name_stays_an_intake(text, read_as):
    assert asks_for_an_intake(text) and _guarded(text, read_as) == "start_vraagverheldering"


@pytest.mark.parametrize("text", ["nog eentje dan", "nog eentje: moeder en dochter in huizen, schoolverzuim"])
def test_another_one_without_a_scenario_is_no_wish_to_practise(text):
    assert not commands.is_practice_request(text)
