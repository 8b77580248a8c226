"""Session-21 user test of the intake (vraagverheldering): a parent shouting at the child is no row between the
parents; the same words count for one signal of a kind ("hard ruzie" is not also 'ruzie'); the question about hard
rows at home is listed when it was never asked; the consultant sees the questions numbered 1, 2, 3 ... without gaps;
threats of something harmless and a figurative 'klap' before a comma raise no violence alarm."""
from __future__ import annotations

import pytest

from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from bot.paths import PROJECT_ROOT

RUZIE = "veiligheid.ruzie_thuis"
RUZIE_QUESTION = "Wordt er thuis vaak hard ruzie gemaakt of geschreeuwd"


@pytest.fixture(autouse=True)
def whole_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(PROJECT_ROOT / "knowledge"))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


def _signals(text):
    return {hit.signal_id for hit in find_signals(text, get_knowledge().entries["intake_signaal"].values())}


def _dangers(text):
    return {hit.signal_id for hit in find_signals(text, get_knowledge().entries["intake_signaal"].values())
            if hit.soort == "gevaar"}


def _run(answers):
    intake = Intake(get_knowledge())
    turn = intake.start()
    views = []
    for answer in answers:
        views.append(turn.question)
        turn = intake.handle(turn.state, answer)
    return intake, turn, views


def _summary(state):
    return build_summary(state, get_knowledge(), search=lambda *args, **kwargs: [])


# -- 1. a parent shouting at the child is summarised as that, not as parents fighting --------------------------------

@pytest.mark.parametrize("text", [
    "moeder schreeuwt tegen lotte als ze niet luistert",
    "vader schreeuwt de hele tijd tegen de kinderen",
    "ze scheldt haar dochter uit",
    "ik schreeuw tegen mijn zoon en daar schrik ik zelf van",
    "ik heb steeds hard ruzie met mijn dochter",
])
def test_a_parent_against_the_child_is_no_row_between_the_parents(text):
    found = _signals(text)
    assert "ruzie_ouder_kind" in found
    assert "ruzie_hard" not in found and "scheiding_conflict" not in found


@pytest.mark.parametrize("text", [
    "ze schreeuwen tegen elkaar waar de kinderen bij zijn",
    "vader schreeuwt tegen moeder",
    "mijn ex scheldt me uit waar de kinderen bij zijn",
    "er wordt veel geschreeuwd thuis",
])
def test_parents_shouting_at_each_other_stay_a_row_between_the_parents(text):
    found = _signals(text)
    assert "ruzie_hard" in found and "ruzie_ouder_kind" not in found


def test_the_summary_says_a_parent_shouts_at_the_child():
    _, turn, _ = _run(["mijn dochter lotte van 10, moeder schreeuwt tegen lotte als ze niet luistert", "rond af"])
    text = format_summary(_summary(turn.state))
    assert "ouders maken hard ruzie" not in text
    assert "een ouder schreeuwt tegen het kind" in text
    assert "moeite met ruzie en schreeuwen tussen ouder en kind" in text
    assert "complexe scheiding" not in text


# -- 2. the same words count once toward the complex-divorce route ---------------------------------------------------

def test_hard_ruzie_is_one_signal_and_no_complex_divorce_route():
    assert _signals("ja hard ruzie") & {"ruzie_hard", "scheiding_conflict"} == {"ruzie_hard"}
    _, turn, _ = _run(["moeder belt, ze is gescheiden en haar zoon van 9 slaapt slecht", "nee", "nee", "ja hard ruzie",
                       "rond af"])
    summary = _summary(turn.state)
    assert not any("complexe scheiding" in advice.titel for advice in summary.route)


def test_two_different_divorce_signals_still_make_the_complex_divorce_route():
    _, turn, _ = _run(["vader belt, ze zijn gescheiden, ze hebben steeds ruzie en de strijd loopt via advocaten",
                       "rond af"])
    assert any("complexe scheiding" in advice.titel for advice in _summary(turn.state).route)


def test_danger_signals_keep_every_reading():
    # each danger signal keeps its own advice: 'nu niet veilig' is acute and a sign of violence at home
    assert {"gevaar_acuut", "gevaar_geweld"} <= _dangers("ze is nu niet veilig thuis")


# -- 3. the question about hard rows at home is listed when it was never asked ---------------------------------------

def test_the_rows_question_never_asked_is_listed_in_the_summary():
    _, turn, _ = _run(["zoon van 12 wil niet naar school", "nee", "nee", "rond af"])
    line = _summary(turn.state).veiligheid
    assert "niet gevraagd" in line and RUZIE_QUESTION in line and "uitgevraagd" not in line


def test_the_rows_question_answered_is_not_listed():
    _, turn, _ = _run(["zoon van 12 wil niet naar school", "nee", "nee", "nee, dat niet", "rond af"])
    assert _summary(turn.state).veiligheid == "Veiligheid: uitgevraagd."


def test_the_rows_question_skipped_is_listed_as_skipped():
    _, turn, _ = _run(["zoon van 12 wil niet naar school", "nee", "nee", "sla over", "rond af"])
    line = _summary(turn.state).veiligheid
    assert line.startswith("Veiligheid: overgeslagen: " + RUZIE_QUESTION)


# -- 4. the consultant sees 1, 2, 3 ... ----------------------------------------------------------------------------

def test_the_question_numbers_have_no_gaps_when_a_question_does_not_apply():
    # no psychological signal: the self-harm question (plan step 5) is not asked; the user test saw 4 and then 6
    answers = ["zoon van 12 wil niet naar school", "nee", "nee", "nee", "moeder en twee kinderen", "hij blijft thuis",
               "sinds de zomer", "bijna elke dag", "een 7", "de mentor weet ervan", "opa en oma", "voetbal",
               "een gesprek op school", "dat hij weer gaat", "rust"]
    _, turn, views = _run(answers)
    assert turn.question is None  # all asked
    assert [view.number for view in views] == list(range(1, len(views) + 1))
    assert "veiligheid.zelfbeschadiging" not in [view.key for view in views]
    assert views[-1].total == views[-1].number == len(answers)


def test_the_numbers_have_no_gaps_with_a_late_safety_question_and_an_answer_told_elsewhere():
    # the self-harm question asked late (a psychological signal at the rows question); 'sinds de zomer' answers the
    # question about the course (beloop) already
    intake = Intake(get_knowledge())
    turn = intake.start()
    numbers = []
    for answer in ["moeder belt, haar dochter gaat sinds de zomer niet meer naar school", "nee", "nee",
                   "nee, maar ze zit alleen nog maar op haar kamer en eet niet mee", "nee", "moeder en dochter"]:
        numbers.append(turn.question.number)
        turn = intake.handle(turn.state, answer)
    numbers.append(turn.question.number)
    assert numbers == list(range(1, len(numbers) + 1))


def test_going_back_shows_the_number_of_that_question_again():
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start().state, "zoon van 12 wil niet naar school")
    turn = intake.handle(turn.state, "nee")
    assert turn.question.number == 3
    assert intake.handle(turn.state, "terug").question.number == 2


# -- 6. threats and a 'klap' ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hij dreigt haar met ontslag", "de baas dreigt met ontslag", "zijn baas dreigt hem te ontslaan",
    "vader dreigt met de rechter", "ze dreigt met een advocaat", "moeder dreigt met huisarrest",
    "ex dreigt met de politie", "ze dreigt de omgang stop te zetten",
    "ze kreeg een flinke klap, toen oma overleed", "hij kreeg een harde klap, nadat zijn vader vertrok",
    "ze heeft een klap gehad, toen haar vader wegging",
])
def test_no_violence_alarm_for_a_harmless_threat_or_a_figurative_klap(text):
    assert "gevaar_geweld" not in _dangers(text)


@pytest.mark.parametrize("text", [
    "hij dreigt hem met geweld", "vader dreigt haar te slaan", "hij dreigt haar iets aan te doen",
    "hij dreigt met een mes",
    "hij dreigde haar met een mes", "vader dreigt met klappen", "hij dreigt haar met de dood",
    "ze dreigt de kinderen mee te nemen", "hij dreigt met de politie en met een mes",
    "hij gaf hem een klap, toen hij niet luisterde", "ze kreeg een klap, toen ze niet luisterde",
    "ze kreeg een klap van hem, toen oma overleed",
])
def test_a_threat_of_harm_and_a_real_klap_raise_the_violence_alarm(text):
    assert _dangers(text) & {"gevaar_geweld", "gevaar_acuut"}
