"""Stumbles of the user tests of session 29 (a trainer, a buurtteam worker, a Vraagbaak consultant), fixed.

1. Trainer: a typing error in a value ("rol: slachtofer") listed the allowed values but not the one meant, as a typing
   error in a field name does; a number out of range ("start: 12") said the limit but not what the file holds.
2. Buurtteam worker, role-play: "wat voor feedback krijg ik hierop?" was played as a turn (read as 'visie uitdragen',
   the tension fell), "geef me een tipje" and "heb je een tip voor me?" got an answer of the mother; "goedemorgen,
   waar waren we gebleven met het rollenspel?" was read as a greeting. The next day (Rasa's session had ended, and the
   form with it) "hoi waar was ik?" got the greeting and the menu, not the role-play she had left halfway.
3. Consultant, intake: "bijna elke dag, ze gaat alleen nog naar gym" at a safety question kept "bijna elke dag" (under
   omvang) and lost the rest; "ze slaapt slecht" answered a safety question (its "sla..." read as hitting).
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as actions
from bot.commands import FEEDBACK, HINT, RESUME
from bot.intake.listen import answers_safety, listen
from bot.intake.session import Intake
from bot.roleplay import catalog
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import PracticeService, command_of
from tests.command_guard import guarded

MOTHER = "moeder-dochter-niet-gezien"


# ------------------------------------------------------------------ 1. the trainer's scenario file

def _check(tmp_path, capsys, change):
    import yaml

    from bot.cli import main
    from bot.paths import knowledge_dir

    source = knowledge_dir() / "scenarios" / "moeder_dochter_niet_gezien.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    item = data["items"][0]
    item["id"], item["nummer"], item["titel"] = "oma-kleinkinderen", 77, "Oma mag haar kleinkinderen niet zien"
    change(item)
    path = tmp_path / "oma.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code = main(["scenario", "controleer", str(path)])
    return code, capsys.readouterr().out


def test_a_typing_error_in_a_value_names_the_value_meant(tmp_path, capsys):
    code, out = _check(tmp_path, capsys, lambda item: item["persona"].__setitem__("rol", "slachtofer"))
    assert code == 1
    assert "onbekende rol 'slachtofer'" in out and "bedoel je 'slachtoffer'?" in out


def test_a_value_far_from_any_allowed_one_gets_no_guess(tmp_path, capsys):
    code, out = _check(tmp_path, capsys, lambda item: item["persona"].__setitem__("rol", "held"))
    assert code == 1 and "onbekende rol 'held'" in out and "bedoel je" not in out


def test_a_number_out_of_range_says_what_the_file_holds(tmp_path, capsys):
    code, out = _check(tmp_path, capsys, lambda item: item["spanning"].__setitem__("start", 12))
    assert code == 1 and "veld 'spanning.start': is te groot (hoogstens 9, nu 12)" in out


# ------------------------------------------------------------------ 2. the role-play: feedback, a tip, back again

@pytest.mark.parametrize("text, command", [
    ("wat voor feedback krijg ik hierop?", FEEDBACK),
    ("kan ik feedback krijgen?", FEEDBACK),
    ("mag ik feedback op mijn laatste beurt", FEEDBACK),
    ("geef me feedback per stap", FEEDBACK),
    ("kan ik feedback per stap krijgen?", FEEDBACK),  # no question which step to take (it gave the hint)
    ("feedbak", FEEDBACK),
    ("hoe deed ik dat?", FEEDBACK),
    ("was dit een goede stap?", FEEDBACK),
    ("geef me een tipje", HINT),
    ("heb je een tip voor me?", HINT),
    ("mag ik een tip", HINT),
    ("een tip graag", HINT),
    ("goedemorgen, waar waren we gebleven met het rollenspel?", RESUME),
    ("hoi waar was ik?", RESUME),
    ("ik wil verder met mijn rollenspel van gisteren", RESUME),
    ("kan ik verder waar ik gebleven was?", RESUME),
])
def test_requests_in_own_words_are_no_turns(text, command):
    assert command_of(text) == command


@pytest.mark.parametrize("text", [
    "heeft u een tip voor mij?",  # asks the parent
    "kan ik je een tip geven?",  # an offer to the persona
    "dat is een goede tip van uw zus",
    "ik wil feedback geven op uw plan",
    "ik ga verder",
])
def test_lines_for_the_persona_stay_turns(text):
    assert command_of(text) is None


@pytest.fixture()
def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    actions.set_service(PracticeService(classify=MoveClassifier(step_classifier=step)))
    yield actions.service()
    actions.set_service(None)


def _tracker(text, sender="gesprek-29"):
    latest = {"text": text, "intent": {"name": "rollenspel_opnieuw", "confidence": 1.0}, "entities": [],
              "metadata": {}}
    return Tracker(sender_id=sender, slots={"rollenspel_scenario": None, "rollenspel_beurt": None,
                                            "rollenspel_sessie": None}, latest_message=latest,
                   events=[{"event": "user", "text": text, "parse_data": latest}], paused=False,
                   followup_action=None, active_loop={}, latest_action_name="action_listen")


async def _next_day(text, sender="gesprek-29"):
    dispatcher = CollectingDispatcher()
    events = await actions.ActionRollenspelOpnieuw().run(dispatcher, _tracker(text, sender), {})
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, [m.get("text") for m in
                                                                             dispatcher.messages]


async def test_the_next_day_waar_was_ik_goes_on_with_the_role_play_left_halfway(scripted_service):
    scenario = catalog.get_scenario(MOTHER)
    number, _ = scripted_service.begin(MOTHER, deelnemer="ut29", conversation_id="gesprek-29")
    scripted_service.play(number, scenario.oefenpad[0].tekst)
    slots, said = await _next_day("hoi waar was ik?")
    assert slots == {"rollenspel_scenario": MOTHER, "rollenspel_beurt": None, "rollenspel_sessie": str(number)}
    assert scenario.titel in said[0] and "Welkom terug" in said[0] and scenario.oefenpad[0].tekst in said[0]
    assert len(scripted_service.load(number)["state"]["turns"]) == 1  # the question was no turn


async def test_the_next_day_an_ended_role_play_is_named_with_how_to_go_on(scripted_service):
    scenario = catalog.get_scenario(MOTHER)
    number, _ = scripted_service.begin(MOTHER, deelnemer="ut29", conversation_id="gesprek-29")
    scripted_service.play(number, scenario.oefenpad[0].tekst)
    scripted_service.finish(number, stopped=True)
    slots, said = await _next_day("waar waren we gebleven?")
    assert set(slots.values()) == {None}  # the scenario list follows
    assert scenario.titel in said[0] and "al afgelopen" in said[0] and "probeer opnieuw vanaf beurt 1" in said[0]


async def test_waar_was_ik_without_a_role_play_says_so_and_shows_the_menu(scripted_service):
    slots, said = await _next_day("waar was ik?", sender="leeg-gesprek")
    assert set(slots.values()) == {None}
    assert said == [actions.RESUME_NONE, None]  # then the menu (a domain response, no text of its own)
    dispatcher = CollectingDispatcher()
    events = await actions.ActionRollenspelOpnieuw().run(dispatcher, _tracker("ik ben er weer", "leeg-gesprek"), {})
    assert dispatcher.messages[-1].get("response") == "utter_menu"
    assert {"event": "followup", "name": "action_listen"} in [{k: e.get(k) for k in ("event", "name")} for e in events]


async def test_a_retry_number_still_retries(scripted_service):
    scenario = catalog.get_scenario(MOTHER)
    number, _ = scripted_service.begin(MOTHER, conversation_id="gesprek-29")
    scripted_service.play(number, scenario.oefenpad[0].tekst)
    scripted_service.finish(number, stopped=True)
    slots, said = await _next_day("probeer opnieuw vanaf beurt 1")
    assert slots["rollenspel_scenario"] == MOTHER and "We gaan terug naar vlak voor beurt 1" in said[0]


@pytest.mark.parametrize("text", ["hoi waar was ik?", "goedemorgen, waar waren we gebleven met het rollenspel?",
                                  "ik wil verder met mijn rollenspel van gisteren"])
def test_the_guard_sends_a_resume_request_to_the_role_play(text):
    assert guarded(text, "greet", 0.7) == "rollenspel_opnieuw"


# ------------------------------------------------------------------ 3. the intake: nothing typed is lost

@pytest.fixture()
def intake(intake_knowledge):
    return Intake(intake_knowledge)


def test_the_rest_of_an_answer_at_a_safety_question_is_kept(intake):
    turn = intake.handle(intake.start().state, "moeder belt, haar dochter van 15 spijbelt veel")
    assert intake.view(turn.state).key == "veiligheid.acuut_gevaar"
    after = intake.handle(turn.state, "bijna elke dag, ze gaat alleen nog naar gym")
    assert after.kept_open
    assert ("omvang", "bijna elke dag") in after.filed
    assert ("kern", "ze gaat alleen nog naar gym") in after.filed


@pytest.mark.parametrize("text, filed", [
    ("oma helpt soms, en de buurvrouw", [("netwerk", "oma helpt soms, en de buurvrouw")]),
    ("ze heeft wel een oma die veel helpt, en een tante", [("netwerk",
                                                           "ze heeft wel een oma die veel helpt, en een tante")]),
])
def test_a_short_addition_stays_with_what_it_adds_to(text, filed):
    pieces, keeps = listen("veiligheid.geweld_thuis", text, safety=True)
    assert not keeps and [(p.aspect, p.text) for p in pieces] == filed


@pytest.mark.parametrize("text, answers", [
    ("ze slaapt slecht", False), ("hij slaapt bij oma", False), ("slaapproblemen", False),
    ("hij slaat haar", True), ("ze is geslagen", True), ("ze slaat hem wel eens", True),
])
def test_sleeping_is_no_answer_to_a_safety_question(text, answers):
    assert answers_safety(text) is answers


@pytest.mark.parametrize("text, story", [
    ("heb een moedr aan de lijn over haar dochter van 15, die is erg stil",  # typed fast, without 'ik'
     "over haar dochter van 15, die is erg stil"),
    ("heb een moeder aan de lijn, haar zoon van 8 bijt", "haar zoon van 8 bijt"),
    ("Heb net een oma aan de telefoon gehad, haar kleinzoon van 6 wordt gepest", "haar kleinzoon van 6 wordt gepest"),
    ("ik heb net een oma aan de telefoon gehad, haar kleinzoon van 6 wordt gepest",
     "haar kleinzoon van 6 wordt gepest"),  # was "gehad, haar kleinzoon ..."
])
def test_the_consultants_opening_is_not_quoted_as_the_callers_words(text, story):
    from bot.intake.opening import without_opening

    assert without_opening(text) == story


def test_a_session_number_that_does_not_exist_says_where_the_numbers_are(capsys):
    from bot import cli

    assert cli.main(["sessies", "toon", "9999"]) == 1
    out = capsys.readouterr().out
    assert "Sessie 9999 bestaat niet." in out and "rustpunt sessies lijst" in out


def test_only_the_general_entrance_is_not_announced_as_the_best_fitting_services():
    """A user test of session 29: "Dit zijn de diensten die het best passen:" stood above "Ik vond ... geen dienst die
    past ...; hieronder staat de algemene ingang". When only the entrance fits, the message alone says what follows."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.kaart import search_and_show
    from bot.kaart import messages

    dispatcher = CollectingDispatcher()
    search_and_show(dispatcher, "ouders gaan scheiden, zoon van 14, utrecht", {})
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert any("geen dienst die past" in text and "algemene ingang" in text for text in texts), texts
    assert messages.RESULTATEN_INTRO not in texts

    dispatcher = CollectingDispatcher()
    search_and_show(dispatcher, "zoon van 15 in Hilversum spijbelt al weken", {})
    assert [m.get("text") for m in dispatcher.messages][0] == messages.RESULTATEN_INTRO
