"""Commands that are never turns, answers or notes (a user test of session 20: a buurtteam worker practising in the
web chat). Through the code paths the chat uses: ``PracticeService.play`` (what ``validate_rollenspel_form`` calls
for every message during play), the role-play actions, and the guard after the intent classifier."""
from functools import partial
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as actions
from bot import commands
from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from bot.knowledge.texts import Texts
from bot.language import looks_typed_at_random
from bot.roleplay import catalog
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.retry import LAST_TURN, retry_turn
from bot.roleplay.session import PracticeService, list_sessions
from bot.steps.preparation import step_turn
from tests.command_guard import guarded

TEXTS = Texts("rollenspel_tekst")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")  # starts at tension 8


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def started(turns=1, conversation_id=None):
    service = scripted_service()
    session = service.start(FATHER.id, conversation_id=conversation_id, seed=1)
    for path_turn in FATHER.oefenpad[:turns]:
        service.play(session, path_turn.tekst)
    return service, session


# -- 1. "welke stap/rol is dit?" during a role-play is a question to Rustpunt, never a turn ----------------------

@pytest.mark.parametrize("text", [
    "welke stap is dit?", "welke rol is dit?", "Welke stap is dit", "welke rol neem ik hier aan?",
    "welke stap is dit: ja maar meneer, ik moet ook eerlijk zijn hè, dit kan zo niet doorgaan",
    "welke rol is dit: 'ik regel het wel voor u'", "bij welke stap hoort dit: ik hoor hoe boos u bent",
])
def test_a_question_about_a_step_or_role_during_a_role_play_leaves_the_role_play_untouched(text):
    service, session = started()
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "uitleg" and result.payload is None
    assert "geen beurt" in result.tekst and "de spanning blijft 7/10" in result.tekst
    assert service.load(session)["state"] == before  # tension, turns and transcript as they were


def test_without_a_sentence_the_question_is_about_the_last_turn_and_with_one_about_that_sentence():
    service, session = started()
    last = FATHER.oefenpad[0].tekst
    step = service.play(session, "welke stap is dit?").tekst
    assert last in step and "las die beurt als" in step
    # a bare role question is about the persona's last line (session 22: trainees mean the persona), one's own role
    # ("in welke rol zit ik?") about the last turn
    role = service.play(session, "welke rol is dit?").tekst
    assert last not in role and service.load(session)["state"]["last_reply"] in role
    assert last in service.play(session, "in welke rol zit ik?").tekst
    sentence = service.play(session, "welke stap is dit: ja maar meneer, ik moet ook eerlijk zijn hè").tekst
    assert "Deze zin past bij" in sentence and last not in sentence
    fresh = scripted_service()
    first = fresh.start(FATHER.id, seed=1)
    assert fresh.play(first, "welke stap is dit?").tekst.startswith(TEXTS.text("vraag_nog_geen_beurt"))


def test_a_line_for_the_persona_that_asks_about_a_role_stays_a_turn():
    assert commands.which_question("welke rol speelt u hierin, meneer?") is None
    assert commands.which_question("welke stap zet u nu?") is None


@pytest.mark.parametrize("text", ["opnieuw vanaf deze beurt", "oei. kan ik die laatste beurt nog een keer over doen?",
                                  "deze beurt wil ik overdoen"])
def test_again_from_this_turn_retries_the_last_turn(text):
    assert retry_turn(text) == LAST_TURN
    service, session = started(turns=2)
    result = service.play(session, text)
    assert result.soort == "opnieuw" and result.payload["vanaf_beurt"] == 2
    assert len(service.load(session)["state"]["turns"]) == 1


def test_a_remark_about_a_turn_is_no_retry():
    assert retry_turn("die beurt was niet goed") is None and retry_turn("ja die laatste beurt was lastig hè") is None


# -- 2. every natural request to forget, in every state -----------------------------------------------------------

FORGET = ["vergeet alles wat ik hier getypt heb alsjeblieft", "kun je dit hele gesprek wissen?", "wis dit gesprek",
          "verwijder mijn gegevens", "kun je dit wissen", "haal dit weg", "ik wil dat je dit vergeet",
          "mag alles weg wat ik getypt heb?"]


@pytest.mark.parametrize("text", FORGET)
def test_a_request_to_forget_is_recognised_everywhere(text):
    assert commands.is_forget_request(text) and commands.is_forget_request(text, in_role_play=True)
    service, session = started()
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "uitleg" and "'Wis dit gesprek'" in result.tekst
    assert service.load(session)["state"] == before and service.load(session)["status"] == "bezig"
    turn = step_turn(text, "erkennen", {}, "ouder")  # the preparation: no note either
    assert "voorbereiden_notities" not in turn.slots or turn.slots["voorbereiden_notities"] == {}
    intake = Intake(get_knowledge())
    assert intake.handle(intake.start().state, text).kind == "vergeten"  # the intake: no answer of the caller


@pytest.mark.parametrize("text", [
    "vergeet het maar, ik ga er niet meer over praten",  # for the persona
    "vergeet dat maar",
    "haal de kinderen weg bij hun moeder",
])
def test_a_line_for_the_persona_is_no_request_to_forget(text):
    assert not commands.is_forget_request(text) and not commands.is_forget_request(text, in_role_play=True)


def test_in_a_role_play_taking_back_what_one_said_is_a_self_correction_for_the_persona():
    # the decision: what one *said* is heard by the persona (the engine repairs the last turn); what one *typed* is
    # data, to be wiped; outside the role-play "vergeet alles wat ik gezegd heb" is a request to forget
    assert not commands.is_forget_request("vergeet alles wat ik gezegd heb", in_role_play=True)
    assert commands.is_forget_request("vergeet alles wat ik gezegd heb")
    assert not commands.is_forget_request("vergeet wat ik net zei", in_role_play=True)


# -- 2b. a second user test: requests to forget or not to store, with a reason or "over deze beller" ------------

FORGET_IN_OTHER_WORDS = [
    "kunt u alles wat ik net over deze beller heb ingetypt weer vergeten? dat had ik niet moeten doen",
    "verwijder wat ik over deze beller heb getypt",
    "ach weet je wat, kun je alles wat ik net getypt heb weer vergeten? ik wil niet dat dit ergens bewaard blijft",
    "ik wil niet dat dit bewaard wordt", "dit mag niet bewaard worden", "sla dit niet op",
    "kun je dit gesprek vergeten? de moeder wil niet dat haar gegevens bewaard worden",
    "wil je dit weer wissen?", "bewaar mijn gegevens niet", "niet opslaan alsjeblieft",
    # what already worked stays
    "haal deze gegevens weg", "wis dit gesprek", "verwijder mijn gegevens",
]


def _intake_after_one_answer():
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start().state, "Een moeder belt, ze is bezorgd over haar zoon van 12")
    return intake, turn.state


@pytest.mark.parametrize("text", FORGET_IN_OTHER_WORDS)
def test_a_request_to_forget_in_other_words_is_never_stored(text):
    assert commands.is_forget_request(text) and commands.is_forget_request(text, in_role_play=True)
    # the role-play: no turn, the tension and transcript as they were
    service, session = started()
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "uitleg" and "'Wis dit gesprek'" in result.tekst
    assert service.load(session)["state"] == before
    assert text not in str(service.load(session))
    # the intake, at the first question and later: no answer of the caller
    # (what was typed about the caller forgets the whole intake since the second privacy test of session 22)
    about_the_caller = commands.asks_to_forget_the_caller(text)
    intake = Intake(get_knowledge())
    assert intake.handle(intake.start().state, text).kind == ("intake_vergeten" if about_the_caller else "vergeten")
    intake, state = _intake_after_one_answer()
    answers = {} if about_the_caller else dict(state["answers"])
    turn = intake.handle(state, text)
    assert turn.kind == ("intake_vergeten" if about_the_caller else "vergeten")
    assert turn.state["answers"] == answers and text not in str(turn.state)
    # the preparation: no note
    turn = step_turn(text, "erkennen", {"visie": "rust voor de kinderen"}, "ouder")
    assert text not in str(turn.slots)
    assert _guarded(text, "inform") == "nlu_fallback"  # the web chat: no intent that would keep it


@pytest.mark.parametrize("text", [
    "vergeet het maar, ik ga er niet meer over praten",  # for the persona
    "haal de kinderen weg bij moeder",
    "ze heeft haar spullen weggehaald",  # a parent's line
    "ik leg dit niet vast in het dossier zonder u",  # the professional to a parent
    "moeder bewaart de spullen niet",
    "ik vind het niet erg dat dit bewaard wordt",
    "Ik wil het gesprek van vorige week niet vergeten.",
])
def test_lines_about_wiping_or_keeping_something_else_are_no_request_to_forget(text):
    assert not commands.is_forget_request(text) and not commands.is_forget_request(text, in_role_play=True)


def test_in_a_role_play_taking_back_what_one_said_stays_a_self_correction():
    assert not commands.is_forget_request("vergeet wat ik net zei", in_role_play=True)
    assert not commands.is_forget_request("vergeet wat ik net zei, ik bedoel dat u boos bent", in_role_play=True)
    assert commands.is_forget_request("vergeet wat ik net over deze beller heb getypt", in_role_play=True)


# -- 3. a retry right after the end, also while the scenario list is shown ------------------------------------

def _ended_session(service):
    session = service.start(FATHER.id, conversation_id="gesprek-s20", seed=1)
    for text in [FATHER.oefenpad[0].tekst, FATHER.valkuilpad[0].tekst, FATHER.valkuilpad[2].tekst]:
        service.play(session, text)  # he hangs up
    service.finish(session)
    assert service.load(session)["status"] == "slecht"
    return session


def _tracker(text, intent, slots=None, active_loop=None):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.94}, "entities": [], "metadata": {}}
    return Tracker(sender_id="gesprek-s20", slots=slots or {}, latest_message=latest,
                   events=[{"event": "user", "text": text, "parse_data": latest}], paused=False,
                   followup_action=None, active_loop=active_loop or {}, latest_action_name="action_listen")


async def test_after_the_end_the_last_turn_can_be_done_again_in_other_words():
    service = scripted_service()
    actions.set_service(service)
    try:
        _ended_session(service)
        dispatcher = CollectingDispatcher()
        events = await actions.ActionRollenspelOpnieuw().run(
            dispatcher, _tracker("oei. kan ik die laatste beurt nog een keer over doen?", "rollenspel_opnieuw"), {})
        assert dispatcher.messages[0]["text"].startswith("We gaan terug naar vlak voor beurt 3.")
        assert {e["name"]: e["value"] for e in events}["rollenspel_scenario"] == FATHER.id
    finally:
        actions.set_service(None)


DOMAIN = {
    "forms": {"rollenspel_form": {"required_slots": ["rollenspel_scenario", "rollenspel_beurt"]}},
    "slots": {"rollenspel_scenario": {"type": "text", "mappings": [{"type": "from_text"}]},
              "rollenspel_beurt": {"type": "text", "mappings": [{"type": "from_text"}]},
              "rollenspel_sessie": {"type": "text", "mappings": [{"type": "custom"}]}},
    "responses": {},
}


async def _choosing(text, intent):
    """The form's validation while the scenario list is shown and the professional typed ``text``."""
    slots = {"rollenspel_scenario": text, "rollenspel_beurt": None, "rollenspel_sessie": None,
             "requested_slot": "rollenspel_scenario"}
    tracker = _tracker(text, intent, slots, active_loop={"name": "rollenspel_form"})
    tracker.events.append({"event": "slot", "name": "rollenspel_scenario", "value": text})
    dispatcher = CollectingDispatcher()
    events = await actions.ValidateRollenspelForm().run(dispatcher, tracker, DOMAIN)
    return events, dispatcher.messages


async def test_the_retry_button_works_while_the_scenario_list_is_shown():
    # a user test: "probeer opnieuw vanaf beurt 2" (the web page's button sends it) got "Dat scenario ken ik niet"
    service = scripted_service()
    actions.set_service(service)
    try:
        session = _ended_session(service)
        events, messages = await _choosing("probeer opnieuw vanaf beurt 2", "rollenspel_opnieuw")
        assert messages[0]["text"].startswith("We gaan terug naar vlak voor beurt 2.")
        attempt = messages[1]["custom"]["sessie"]
        assert SlotSet("rollenspel_scenario", FATHER.id) in events
        assert SlotSet("rollenspel_sessie", str(attempt)) in events and attempt != session
        assert TEXTS.text("kies_onduidelijk") not in [m.get("text") for m in messages]
    finally:
        actions.set_service(None)


# -- 6. "menu" while choosing shows the menu; typing at random is no turn ------------------------------------------

@pytest.mark.parametrize("text, intent", [("menu", "menu"), ("terug naar het menu", "menu")])
async def test_menu_while_choosing_a_scenario_stops_choosing_without_asking_to_ask_again(text, intent):
    events, messages = await _choosing(text, intent)
    assert SlotSet("rollenspel_scenario", "klaar") in events  # the rule then shows the menu (stories/roleplay.yml)
    assert messages == [] and list_sessions() == []


@pytest.mark.parametrize("text", ["asdkjh qwe", "sdfsdf", "qwe rty"])
def test_letters_typed_at_random_are_no_turn(text):
    assert looks_typed_at_random(text)
    engine = Engine(FATHER, classify=scripted_service().classify, seed=0)
    with pytest.raises(RoleplayError, match="Hoe bedoelt u.*de spanning blijft 8/10"):
        engine.step(text)
    assert engine.state.turns == [] and engine.state.tension == 8


@pytest.mark.parametrize("text", ["ik snap u, meneer", "Anouk hier, zeg het maar", "inhoud", "luister", "jeetje",
                                  "tjonge", "Yusuf", "eh", "redden"])
def test_a_turn_with_dutch_words_or_a_name_is_still_read(text):
    assert not looks_typed_at_random(text)


# -- 4, 5 and the rest of 3: the guard after the intent classifier -------------------------------------------------

_guarded = partial(guarded, confidence=0.5)


@pytest.mark.parametrize("text, read_as, expected", [
    # 4: the step question with a sentence about a child opened the scenario list
    ("welke stap is dit: hoe gaat dat eigenlijk als je van mama naar papa gaat?", "start_rollenspel",
     "voorbereiden_welke_stap"),
    ("welke rol is dit: ik regel het wel voor je", "start_rollenspel", "rol_analyse"),
    # 5: a wish to practise
    ("goedemorgen! nou, ik heb donderdag een lastig gesprek en ik wil even oefenen, kan dat?", "nlu_fallback",
     "start_rollenspel"),
    ("hallo! hoe was je weekend? ik wil graag een rollenspel met de boze vader die belt", "greet", "start_rollenspel"),
    ("ik heb een moeder die haar dochter al maanden niet ziet en ik wil dat even oefenen", "start_voorbereiden",
     "start_rollenspel"),
    # 3: a retry in other words
    ("oei. kan ik die laatste beurt nog een keer over doen?", "start_rollenspel", "rollenspel_opnieuw"),
    # what stays
    ("ik wil de rollen oefenen", "rol_oefenen", "rol_oefenen"),
    ("hoe deed ik het in het rollenspel?", "rollenspel_nabespreking", "rollenspel_nabespreking"),
    ("ik wil een gesprek voorbereiden", "start_voorbereiden", "start_voorbereiden"),
    ("mijn dochter kan oefenen met lezen, is er iets in Huizen?", "kaart_zoek", "kaart_zoek"),
    ("welke stap is dit?", "voorbereiden_welke_stap", "voorbereiden_welke_stap"),
])
def test_the_guard_reads_commands_and_a_wish_to_practise(text, read_as, expected):
    assert _guarded(text, read_as) == expected


@pytest.mark.parametrize("text, chosen", [
    ("hallo! hoe was je weekend? ik wil graag een rollenspel met de boze vader die belt",
     "vader-kinderen-thuisgehouden"),
    ("ik heb een moeder die haar dochter al maanden niet ziet en ik wil dat even oefenen",
     "moeder-dochter-niet-gezien"),
])
def test_a_wish_to_practise_starts_the_scenario_it_describes(text, chosen):
    assert catalog.scenario_in_request(text).id == chosen
