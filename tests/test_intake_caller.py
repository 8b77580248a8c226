"""The intake speaks to whoever is on the line (fifth user test): a grandmother or a teacher is asked about 'het
kind', not about 'u, uw kind'; a parent still about 'uw kind'."""
from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionAskIntakeAntwoord, ActionIntakeStart
from bot.intake.opening import OTHER, PARENT, caller_of
from bot.intake.session import Intake
from bot.paths import PROJECT_ROOT

pytestmark = pytest.mark.usefixtures("rules_only_masking")

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain" / "intake.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, caller", [
    ("Ik heb een leerkracht aan de lijn", OTHER),
    ("Ik heb de oma van Sanne aan de lijn", OTHER),
    ("ik heb een buurvrouw uit Huizen aan de telefoon", OTHER),
    ("juf Marieke Bos van OBS Haarzicht in Vleuten belt over een leerling, Tim, 9 jaar", OTHER),
    ("oma wil weten wat ze kan doen voor haar kleinzoon", OTHER),
    ("de mentor belt over een meisje uit 3 havo", OTHER),
    ("Ik heb een moeder aan de lijn", PARENT),
    ("Ik heb een vader uit Bussum aan de lijn", PARENT),
    ("Het gaat om mijn dochter, ze wil niet naar school", PARENT),
    ("ik wil een intake doen", None),
])
def test_who_is_on_the_line(text, caller):
    assert caller_of(text) == caller


def every_question(intake, state):
    """Every question of the plan as the consultant reads it (question and follow-up)."""
    texts = []
    for position in range(len(intake.plan.stappen)):
        view = intake.view({**state, "pos": position})
        texts += [view.vraag, view.doorvraag]
    return texts


def test_a_caller_who_is_not_the_parent_is_asked_about_the_child(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.start("Ik heb een leerkracht aan de lijn").state
    texts = every_question(intake, state)
    assert not [text for text in texts if "uw kind" in text.lower() or "u beiden" in text or "u en uw" in text]
    assert "Is er op dit moment iemand in direct gevaar, het kind of iemand anders?" in texts
    assert "Wie staan er om het kind en zijn ouders heen? Bij wie kunnen zij terecht als het even niet gaat?" in texts


def test_a_parent_is_still_asked_about_uw_kind(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.start("Ik heb een moeder aan de lijn").state
    assert "Is er op dit moment iemand in direct gevaar, u, uw kind of iemand anders?" in every_question(intake, state)
    state = intake.start().state  # nobody named: as before
    assert "Is er op dit moment iemand in direct gevaar, u, uw kind of iemand anders?" in every_question(intake, state)


def test_the_story_of_the_first_answer_tells_who_calls(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start().state, "juf Marieke belt over een leerling die steeds te laat komt")
    assert turn.question.vraag == "Is er op dit moment iemand in direct gevaar, het kind of iemand anders?"


async def test_the_start_action_words_the_questions_for_the_caller(monkeypatch):
    from bot.knowledge.loader import get_knowledge

    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(PROJECT_ROOT / "knowledge" / "vraagverheldering"))
    get_knowledge(reload=True)

    def tracker(slots, text):
        return Tracker(sender_id="gesprek-1", slots=slots, latest_message={
            "text": text, "intent": {"name": "start_vraagverheldering", "confidence": 1.0}, "entities": []},
            events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")

    events = await ActionIntakeStart().run(CollectingDispatcher(), tracker({}, "Ik heb een oma aan de lijn"), DOMAIN)
    state = next(e["value"] for e in events if e["name"] == "intake_status")
    state = Intake(get_knowledge()).handle(state, "ze maakt zich zorgen om haar kleinzoon van 8").state
    dispatcher = CollectingDispatcher()
    await ActionAskIntakeAntwoord().run(dispatcher, tracker({"intake_status": state}, ""), DOMAIN)
    assert "iemand in direct gevaar, het kind of iemand anders?" in dispatcher.messages[0]["text"]
    assert "de beller aan de lijn" in DOMAIN["responses"]["utter_intake_intro"][0]["text"]


def test_the_summary_quotes_the_questions_as_they_were_asked(intake_knowledge):
    from bot.intake.summary import build_summary

    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start("Ik heb een leerkracht aan de lijn").state,
                         "het gaat om een leerling van 9 die erg somber is")
    turn = intake.handle(turn.state, "dat weet de juf niet")
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert "uw kind" not in summary.veiligheid and "het kind zichzelf" in summary.veiligheid
    assert summary.antwoorden[0][0] == "Is er op dit moment iemand in direct gevaar, het kind of iemand anders?"
