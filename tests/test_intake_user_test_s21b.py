"""Second session-21 user test of the intake: an answer that does not answer a yes/no safety question keeps it open
(and a loud row told there answers the rows question); the place the caller names reaches the route and the kaart;
the summary files answers under the right heading; a kaart question after the call's facts is a kaart question."""
from __future__ import annotations

import pytest

from bot.intake.session import INTRODUCTION, KAART_QUESTION, Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from bot.paths import PROJECT_ROOT

ACUUT = "veiligheid.acuut_gevaar"
GEWELD = "veiligheid.geweld_thuis"
RUZIE = "veiligheid.ruzie_thuis"


@pytest.fixture(autouse=True)
def whole_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(PROJECT_ROOT / "knowledge"))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


def _run(answers, first=""):
    intake = Intake(get_knowledge())
    turn = intake.start(first)
    turns = []
    for answer in answers:
        turn = intake.handle(turn.state, answer)
        turns.append(turn)
    return intake, turns


def _summary(state, search=None):
    return build_summary(state, get_knowledge(), search=search or (lambda *args, **kwargs: []))


def _signals(text):
    return {hit.signal_id for hit in find_signals(text, get_knowledge().entries["intake_signaal"].values())}


# -- 1. an off-topic answer does not answer a safety question ---------------------------------------------------------

def test_an_off_topic_answer_keeps_the_danger_question_open_and_is_filed():
    _, turns = _run(["moeder belt over haar dochter van 10",
                     "meisje is erg stil de laatste tijd, ouders net uit elkaar"])
    turn = turns[-1]
    assert turn.question.key == ACUUT and turn.kept_open
    assert ACUUT not in turn.state["answers"]
    assert turn.filed  # filed where it belongs, nothing lost


def test_an_answer_that_belongs_nowhere_is_noted_as_what_is_going_on():
    _, turns = _run(["moeder belt over haar dochter van 10", "ze is erg stil"])
    assert turns[-1].kept_open and turns[-1].filed == [("kern", "ze is erg stil")]
    summary = _summary(_run(["moeder belt over haar dochter van 10", "ze is erg stil", "rond af"])[1][-1].state)
    assert "ze is erg stil" in summary.kern_woorden
    assert "Veiligheid: uitgevraagd" not in summary.veiligheid


def test_loud_arguing_told_at_the_violence_question_answers_the_rows_question_only():
    _, turns = _run(["moeder belt over haar dochter van 10", "nee",
                     "ze schreeuwen heel hard tegen elkaar over de hamsterkooi"])
    turn = turns[-1]
    assert turn.question.key == GEWELD and turn.kept_open  # the violence question is still open
    assert ("ruzie", "ze schreeuwen heel hard tegen elkaar over de hamsterkooi") in turn.filed
    turn = Intake(get_knowledge()).handle(turn.state, "nee")
    assert turn.question.key != RUZIE  # not asked again
    assert any(aspect == "ruzie" for aspect, _ in turn.already_answered)


@pytest.mark.parametrize("answer", ["nee", "niemand", "ja", "weet ik niet", "nee, maar ze zit veel op haar kamer"])
def test_a_yes_or_no_still_answers_the_danger_question(answer):
    _, turns = _run(["moeder belt over haar dochter van 10", answer])
    assert ACUUT in turns[-1].state["answers"]


# -- 2. the place the caller names reaches the route and the kaart ---------------------------------------------------

def test_the_place_in_the_opening_of_the_call_reaches_the_route():
    calls = []

    def search(*args, **kwargs):
        calls.append(kwargs.get("gemeente"))
        return []
    intake, turns = _run(["haar zoon van 12 wil niet meer naar school", "rond af"],
                         first="ik heb een moeder aan de lijn, ze wonen in kortenhoef")
    assert "kortenhoef" in " ".join(intake.told(turns[-1].state))
    summary = _summary(turns[-1].state, search)
    assert summary.plaats == "wijdemeren" and set(calls) == {"wijdemeren"}


def test_a_place_told_with_only_who_at_a_safety_question_is_kept():
    intake, turns = _run(["moeder belt, haar zoon wil niet naar school", "moeder uit nieuw-loosdrecht", "rond af"])
    assert turns[1].kind == "geen_antwoord"
    assert _summary(turns[-1].state).plaats == "wijdemeren"


def test_the_place_told_elsewhere_reaches_the_kaart_context():
    intake, turns = _run(["er belt een juf van groep 7 over een leerling uit kortenhoef"])
    assert turns[-1].kind == INTRODUCTION
    from bot.kaart.dialog import lees, met_context
    question = "waar kan ik haar naar verwijzen?"
    slots, used = met_context(question, lees(question), intake.told(turns[-1].state))
    assert slots["kaart_gemeente"] == "wijdemeren" and "plaats" in used


# -- 3. the summary puts answers under the right heading -------------------------------------------------------------

def test_an_introduction_of_who_calls_is_not_the_kern_nor_support():
    intake, turns = _run(["er belt een juf van groep 7 over een leerling",
                          "het meisje zit sinds de herfst alleen nog op haar kamer", "rond af"])
    assert turns[0].kind == INTRODUCTION and turns[0].question.key == "algemeen.kern"
    assert turns[1].question.key == ACUUT  # the story answered the first question
    text = format_summary(_summary(turns[-1].state))
    assert "juf van groep 7" not in text
    assert "aanspreekpunt op school" not in text
    assert "het kind" in turns[1].question.vraag  # the teacher is asked about 'het kind'


def test_where_the_child_lives_is_the_household_not_the_aard():
    answers = ["moeder belt, haar zoon wil niet naar school", "nee", "nee", "nee"]
    intake, turns = _run(answers + ["ze woont in loosdrecht bij moeder"])
    turn = turns[-1]
    # the household question came first in the plan; answered there it is simply the answer
    assert turn.state["answers"].get("algemeen.gezin") == "ze woont in loosdrecht bij moeder"
    intake, turns = _run(answers + ["moeder en zoon", "hij woont om de week bij vader"])
    assert "algemeen.aard" not in turns[-1].state["answers"]
    assert ("gezin", "hij woont om de week bij vader") in turns[-1].filed
    summary = _summary(turns[-1].state)
    assert "woont om de week bij vader" not in summary.aspecten["aard"]
    assert any("woont om de week bij vader" in answer for _, answer in summary.antwoorden)


@pytest.mark.parametrize("text", ["de buren horen het", "de buren horen alles", "de buurman heeft de politie gebeld"])
def test_people_who_overhear_are_no_support(text):
    assert "steun_vrienden_buren" not in _signals(text)


def test_a_neighbour_who_helps_is_still_support():
    assert "steun_vrienden_buren" in _signals("de buurvrouw helpt soms")


def test_the_most_serious_signal_leads_the_kern():
    _, turns = _run(["vader belt, ze hebben veel ruzie thuis en zijn dochter zegt dat ze dood wil", "rond af"])
    kern = _summary(turns[-1].state).kern
    assert "zelfdoding" in kern[0]


@pytest.mark.parametrize("text", ["zoon gaat nie meer naar school sinds de herfstvakantie",
                                  "hij gaat al weken nie naar school"])
def test_a_typod_not_to_school_is_school_absence(text):
    assert "school_verzuim" in _signals(text)


def test_the_kern_of_a_typod_school_absence():
    _, turns = _run(["zoon gaat nie meer naar school sinds de herfstvakantie", "rond af"])
    summary = _summary(turns[-1].state)
    assert "moeite met naar school gaan" in summary.kern
    assert not any("grenzen" in line for line in summary.kern)


# -- 4. a kaart question after the facts of the call ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik heb een vader aan de lijn uit huizen, zoon 15, ze hebben veel ruzie, waar kan ik hem heen sturen?",
    "vader uit huizen, zoon 15, veel ruzie. waar kan ik hem naar verwijzen?",
    "waar kan ik hem heen sturen?",
])
def test_a_referral_question_with_the_call_is_a_kaart_question(text):
    intake, turns = _run(["moeder belt over haar zoon", "nee", "nee", "nee", text])
    turn = turns[-1]
    assert turn.kind == KAART_QUESTION
    assert turn.question.key == "algemeen.gezin" and "algemeen.gezin" not in turn.state["answers"]


def test_the_place_of_a_kaart_question_with_the_call_is_noted():
    intake, turns = _run(["moeder belt over haar zoon",
                          "ik heb een vader aan de lijn uit huizen, zoon 15, waar kan ik hem heen sturen?", "rond af"])
    assert turns[1].kind == KAART_QUESTION
    assert _summary(turns[-1].state).plaats == "huizen"


def test_a_callers_own_words_about_where_to_go_stay_an_answer():
    intake, turns = _run(["moeder belt over haar zoon", "nee", "nee", "nee",
                          "moeder en zoon, ze weet niet waar ze heen moet"])
    assert turns[-1].kind != KAART_QUESTION
