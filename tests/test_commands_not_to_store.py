"""Privacy, user test of session 21: a wish not to store, in the caller's or someone else's words ("ze wil eigenlijk
niet dat er iets wordt opgeslagen, kan dat?", "ik heb een oma aan de lijn, ze wil niet dat er iets over haar wordt
bewaard"), was noted as the caller's problem ("Kern: moeite met dat er iets wordt opgeslagen"). Whoever's wish it is,
it is a request not to store (``bot.commands.is_forget_request``) and never an answer; in a role-play the wish of the
one addressed ("u wilt niet dat dit wordt vastgelegd?") stays a line for the persona."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionIntakeSamenvatting
from bot import commands
from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from tests.intake_form import DOMAIN, FOLDER, typed


@pytest.fixture(autouse=True)
def own_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


# -- 2. a wish not to store, whoever's it is --------------------------------------------------------------------

NOT_TO_STORE = [
    "ze wil eigenlijk niet dat er iets wordt opgeslagen, kan dat?",  # the user test
    "ik heb een oma aan de lijn, ze wil niet dat er iets over haar wordt bewaard",  # the user test
    "de beller wil niet dat dit bewaard wordt",  # what worked stays
    "vader wil niet dat ik dit vastleg",  # the lead's decision: any person's wish, typed by the consultant
    "moeder wil liever niet dat het wordt vastgelegd",
    "hij wil niet dat er iets genoteerd wordt",
    "de beller heeft liever niet dat het wordt opgeslagen",
    "ze wil niet dat haar naam ergens wordt opgeslagen",
    "oma zegt dat ze niet wil dat dit ergens bewaard blijft",
    "meneer wil niet dat je dit opslaat",
    "liever niet opslaan",
    "dit liever niet bewaren",
]


@pytest.mark.parametrize("text", NOT_TO_STORE)
def test_a_wish_not_to_store_is_a_request_not_to_store_whoevers_wish_it_is(text):
    assert commands.is_forget_request(text) and commands.is_forget_request(text, in_role_play=True)
    intake = Intake(get_knowledge())
    assert intake.handle(intake.start().state, text).kind == "vergeten"
    state = intake.handle(intake.start().state, "Een moeder belt, ze is bezorgd over haar zoon van 12").state
    answers = dict(state["answers"])
    turn = intake.handle(state, text)
    assert turn.kind == "vergeten" and turn.state["answers"] == answers and text not in str(turn.state)


def test_asking_whether_it_can_be_done_without_storing_is_a_request_not_to_store():
    assert commands.is_forget_request("kan dat zonder dat er iets wordt opgeslagen?")
    assert commands.is_forget_request("zonder dat het bewaard wordt, is dat mogelijk?")


@pytest.mark.parametrize("text", NOT_TO_STORE[:2])
async def test_at_an_intake_question_a_wish_not_to_store_is_explained_and_never_noted_as_the_problem(text):
    intake = Intake(get_knowledge())
    state = intake.handle(intake.start().state, "Een moeder belt, ze is bezorgd over haar zoon van 12").state
    slots, messages = await typed(state, text)
    # nothing noted; the wish is remembered: the summary at the end is not stored without asking (session 22)
    assert slots["intake_antwoord"] is None and slots["intake_status"] == {**state, "niet_opslaan": True}
    assert "'Wis dit gesprek'" in messages[0]
    slots, _ = await typed(state, "rond af")
    dispatcher = CollectingDispatcher()
    await ActionIntakeSamenvatting().run(dispatcher, Tracker(
        sender_id="gesprek-s21", slots={"intake_status": slots["intake_status"]}, latest_message={}, events=[],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen"), DOMAIN)
    assert "opgeslagen" not in dispatcher.messages[0]["text"] and "bewaard wordt" not in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text", [
    "vader wil niet dat ik met zijn ex praat",  # a wish about something else
    "ze wil niet dat de kinderen bij hem slapen",
    "ik vind het niet erg dat dit bewaard wordt",
    "ik leg dit niet vast in het dossier zonder u",
    "ik heb niks opgeschreven",
    "we kunnen het bespreken zonder dat er iets wordt vastgelegd",
])
def test_other_sentences_about_wishes_or_storing_are_no_request(text):
    assert not commands.is_forget_request(text) and not commands.is_forget_request(text, in_role_play=True)


@pytest.mark.parametrize("text", [
    "u wilt niet dat dit wordt vastgelegd, klopt dat?",
    "wilt u niet dat er iets wordt opgeschreven?",
    "ik begrijp dat u niet wilt dat dit in het dossier wordt vastgelegd",
])
def test_in_a_role_play_the_wish_of_the_one_addressed_is_a_line_for_the_persona(text):
    assert not commands.is_forget_request(text, in_role_play=True)
