"""Questions to Rustpunt during a role-play that are never turns (a user test of session 22: trainees practising the
role-play over the web chat): the role of the persona ("welke rol heeft zij nu?"), where the trainee is ("in welke
stap ben ik"), feedback so far ("hoe gaat het tot nu toe?") and a wish for another scenario ("ik wil liever scenario
2 doen"). Through the code paths the chat uses: ``PracticeService.play`` (what ``validate_rollenspel_form`` calls for
every message during play), the role-play form's validation, and the guard after the intent classifier."""
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as actions
from bot import commands, status
from bot.knowledge.texts import Texts
from bot.roleplay import catalog
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import PracticeService, command_of, list_sessions
from bot.roles.names import role_name
from bot.steps import navigation
from tests.test_roleplay_commands_s21 import _activation, _guarded, actions_domain

TEXTS = Texts("rollenspel_tekst")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")  # starts at tension 8
MDO = "mdo-moeder-dochter-ruzie"
PARTY = "ouder-wil-partij"


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def started(turns=2, **names):
    service = scripted_service()
    session = service.start(FATHER.id, seed=1, **names)
    for path_turn in FATHER.oefenpad[:turns]:
        service.play(session, path_turn.tekst)
    return service, session


def _no_turn(service, session, text):
    """Play ``text``; it must leave the role-play as it was. Returns the result."""
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort in ("uitleg", "feedback") and result.payload is None
    assert service.load(session)["state"] == before  # tension, turns and transcript as they were
    return result


# -- 1. a role question is about the persona, a step question about the trainee ------------------------------------

PERSONA_ROLE = [
    "welke rol heeft zij nu?", "welke rol heeft hij nu?",  # the user test: read as 'de inhoud in', the father hung up
    "welke rol heeft ze nu", "welke rol heeft moeder nu?", "welke rol heeft vader nu?", "welke rol heeft het kind nu?",
    "in welke rol zit hij", "in welke rol zit hij nu eigenlijk?", "wat voor rol is dit?", "oke, welke rol heeft de "
    "vader nu dan?", "welke rol speelt hij nu", "welke rol is dit?",  # a bare role question reads the persona too
]


@pytest.mark.parametrize("text", PERSONA_ROLE)
def test_a_question_about_the_role_of_the_other_names_the_persona_s_role_and_last_line(text):
    assert command_of(text) == commands.WHICH_ROLE
    service, session = started()
    state = service.load(session)["state"]
    answer = _no_turn(service, session, text).tekst
    assert state["last_reply"] in answer and role_name(state["role"]) in answer
    assert FATHER.oefenpad[1].tekst not in answer  # not the trainee's own turn
    assert "geen beurt" in answer and f"de spanning blijft {state['tension']}/10" in answer


def test_before_any_turn_the_role_question_reads_the_opening_line():
    service, session = started(turns=0)
    answer = _no_turn(service, session, "welke rol heeft hij nu?").tekst
    assert FATHER.persona.opening in answer and role_name(FATHER.persona.rol) in answer


@pytest.mark.parametrize("text", ["in welke rol zit ik?", "welke rol neem ik hier aan?", "in welke rol zat ik nu"])
def test_a_question_about_one_s_own_role_reads_the_last_turn(text):
    assert command_of(text) == commands.WHICH_OWN_ROLE
    service, session = started()
    assert FATHER.oefenpad[1].tekst in _no_turn(service, session, text).tekst


@pytest.mark.parametrize("text", ["welke stap zit ik nu", "in welke stap ben ik", "in welke stap ben ik nu?",
                                  "bij welke stap zitten we nu?", "welke stap is dit?"])
def test_a_question_where_the_trainee_is_names_the_step_of_the_last_turn(text):
    assert command_of(text) == commands.WHICH_STEP
    service, session = started()
    answer = _no_turn(service, session, text).tekst
    assert FATHER.oefenpad[1].tekst in answer and "las die beurt als" in answer


def test_in_the_preparation_where_am_i_is_no_sentence_to_classify():
    # there "in welke stap ben ik" asks where the preparation is; only the role-play reads it as the last turn's step
    assert commands.which_question("in welke stap ben ik") is None
    assert navigation.which_step_sentence("welke stap zit ik nu") is None


@pytest.mark.parametrize("text", [
    "welke rol speelt u hierin, meneer?", "welke rol heeft zij hierin?", "welke rol heeft zij in de opvoeding?",
    "welke stap zet u nu?", "welke rol heeft u nu?",
])
def test_role_questions_for_the_persona_stay_turns(text):
    assert command_of(text) is None


# -- 2. feedback so far ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hoe gaat het tot nu toe?", "hoe doe ik het tot nu toe?", "en, hoe doe ik het tot nu toe?",
    "hoe gaat het tot nu toe eigenlijk?", "en hoe gaat het tot zover", "hoe gaat het gesprek tot nu toe?",
    "hoe sta ik ervoor?", "doe ik het goed tot nu toe?", "hoe doe ik het eigenlijk tot nog toe?",
])
def test_a_question_how_it_goes_so_far_gets_feedback_and_is_no_turn(text):
    assert command_of(text) == commands.FEEDBACK
    service, session = started()
    answer = _no_turn(service, session, text)
    assert answer.soort == "feedback" and FATHER.oefenpad[1].tekst in answer.tekst


@pytest.mark.parametrize("text", ["hoe gaat het?", "hoe gaat het met u?", "hoe gaat het tot nu toe met u?",
                                  "hoe gaat het nu met de kinderen?",
                                  "hoe gaat het tot nu toe met de nieuwe afspraken?"])
def test_asking_the_persona_how_it_goes_stays_a_turn(text):
    assert command_of(text) is None


# -- 3. another scenario ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, scenario", [
    ("kan ik niet beter wisselen naar het scenario met de moeder die wil dat ik partij kies?", PARTY),  # user test
    ("ik wil liever scenario 2 doen", MDO),  # user test: read as a step and scored
    ("nog eentje, de mdo", MDO), ("kan ik overstappen naar het kind van 12?", "kind-wil-niet-naar-vader"),
    ("doe maar scenario vier", "moeder-dochter-niet-gezien"), ("ik wil liever de mdo oefenen", MDO),
])
def test_a_wish_for_another_scenario_stops_this_one_and_starts_that_one(text, scenario):
    assert command_of(text) == commands.OTHER_SCENARIO
    service, session = started(deelnemer="Anouk", groep="Groep A", conversation_id="gesprek-s22")
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "wissel"
    assert catalog.get_scenario(scenario).titel in result.tekst and FATHER.titel in result.tekst
    assert result.extra[-1] == catalog.get_scenario(scenario).persona.opening
    new = result.payload["sessie"]
    assert result.payload["soort"] == "rollenspel_beurt" and result.payload["scenario"] == scenario and new != session
    old = service.load(session)
    assert old["status"] == status.STOPPED and old["state"]["turns"] == before["turns"]  # kept, and no turn more
    fresh = service.load(new)
    assert fresh["scenario"] == scenario and fresh["status"] == status.BUSY and fresh["state"]["turns"] == []
    assert (fresh["deelnemer"], fresh["groep"], fresh["conversation_id"]) == ("Anouk", "Groep A", "gesprek-s22")
    assert service.play(new, "welke rol is dit?").soort == "uitleg"  # the new one is played on


def test_a_wish_for_another_scenario_without_one_named_shows_the_list_and_plays_on():
    service, session = started()
    for text in ("mag ik een ander scenario?", "ik wil een andere casus"):
        assert command_of(text) == commands.OTHER_SCENARIO
        answer = _no_turn(service, session, text).tekst
        assert all(s.titel in answer for s in catalog.scenarios()) and "geen beurt" in answer
    same = _no_turn(service, session, "ik wil liever scenario 5").tekst  # the one being played
    assert FATHER.nummer == 5 and FATHER.titel in same and "ik begin opnieuw" in same
    assert service.load(session)["status"] == status.BUSY


@pytest.mark.parametrize("text", ["in het ergste scenario verliest u de kinderen",
                                  "zullen we oefenen hoe u het hem vertelt?", "ik wil liever met uw dochter praten",
                                  "misschien kan ze wisselen naar vader", "dit rollenspel vind ik lastig"])
def test_lines_about_scenarios_or_switching_for_the_persona_stay_turns(text):
    assert command_of(text) is None


async def test_the_role_play_form_plays_the_other_scenario_after_the_switch():
    actions.set_service(scripted_service())
    try:
        service = actions.service()
        session = service.start(FATHER.id, conversation_id="gesprek-s22", seed=1)
        service.play(session, FATHER.oefenpad[0].tekst)
        text = "ik wil liever scenario 2 doen"
        latest = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.6}, "entities": [], "metadata": {}}
        tracker = Tracker(
            sender_id="gesprek-s22", latest_message=latest, paused=False, followup_action=None,
            slots={"rollenspel_scenario": FATHER.id, "rollenspel_beurt": text, "rollenspel_sessie": str(session),
                   "requested_slot": "rollenspel_beurt"},
            events=[{"event": "user", "text": text, "parse_data": latest, "metadata": {}},
                    {"event": "slot", "name": "rollenspel_beurt", "value": text}],
            active_loop={"name": "rollenspel_form"}, latest_action_name="action_listen")
        dispatcher = CollectingDispatcher()
        events = await actions.ValidateRollenspelForm().run(dispatcher, tracker, actions_domain())
    finally:
        actions.set_service(None)
    new = [s for s in list_sessions() if s["scenario"] == MDO]
    assert len(new) == 1 and new[0]["conversation_id"] == "gesprek-s22"
    assert SlotSet("rollenspel_scenario", MDO) in events and SlotSet("rollenspel_sessie", str(new[0]["id"])) in events
    assert SlotSet("rollenspel_beurt", None) in events  # the form keeps listening, now for the MDO
    texts = [m.get("text") for m in dispatcher.messages]
    assert catalog.get_scenario(MDO).persona.opening in texts
    assert [m["custom"]["sessie"] for m in dispatcher.messages if m.get("custom")] == [new[0]["id"]]


@pytest.mark.parametrize("text", [
    "ik wil liever scenario 2 doen",
    "kan ik niet beter wisselen naar het scenario met de moeder die wil dat ik partij kies?",
])
def test_a_wish_for_another_scenario_is_no_stop_request(text):
    # the stop rule would end the role-play (with its debrief) before the form reads the message
    assert not commands.is_stop_request(text) and _guarded(text, "stop") != "stop"


async def test_after_a_role_play_the_wish_starts_the_scenario_it_names():
    # the mechanism of "nog eentje dan, de mdo" after a debrief
    text = "ik wil liever scenario 2 doen"
    assert commands.is_practice_request(text) and _guarded(text, "kaart_zoek") == "start_rollenspel"
    actions.set_service(scripted_service())
    try:
        events, messages = await _activation(text, "start_rollenspel")
    finally:
        actions.set_service(None)
    assert SlotSet("rollenspel_scenario", MDO) in events
    assert catalog.get_scenario(MDO).persona.opening in [m.get("text") for m in messages]
