"""Session-20 user test of the intake and the kaart inside it (a consultant triaging calls): a kaart question asked
during the intake matches no words of the request itself, carries the intake's danger signals (Veilig Thuis first),
puts services a family can be referred to before those only professionals consult, and ends without the menu hint;
a withdrawn child who stops eating is a psychological signal (kern, and the self-harm question, also when heard
late); the rest of an answer filed elsewhere goes with it; parents living apart count as a divorce context."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ValidateIntakeForm
from bot.intake.listen import kern_from_words, listen
from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary
from bot.kaart.search import zoek
from bot.knowledge.loader import get_knowledge
from tests.conftest import intake_tracker

SELF_HARM = "veiligheid.zelfbeschadiging"
REFERRAL = "waar kan ik haar naar verwijzen?"


pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _say(intake: Intake, state: dict, text: str):
    dispatcher = CollectingDispatcher()
    slots = ValidateIntakeForm().validate_intake_antwoord(text, dispatcher, intake_tracker(state, text), {})
    return slots["intake_status"], dispatcher.messages


def _run(answers):
    intake = Intake(get_knowledge())
    state = intake.start().state
    asked = []
    for answer in answers:
        asked.append(intake.view(state).key)
        state, _ = _say(intake, state, answer)
    return intake, state, asked


def _results(messages):
    return next((m.get("custom") or m.get("json_message")) for m in messages
                if (m.get("custom") or m.get("json_message") or {}).get("soort") == "kaart_resultaten")["resultaten"]


# 1a. the words of the request ("verwijzen", "organisatie", "terecht") are no match on the problem
@pytest.mark.parametrize("question", [REFERRAL, "naar welke organisatie kan ik haar doorverwijzen?",
                                      "waar kan ze terecht, welke instantie?"])
def test_the_words_of_the_request_are_no_match(question):
    result = zoek(question, leeftijd=14, gemeente="huizen", thema="scheiding", limit=5)
    assert result.hits
    for hit in result.hits:
        assert "verwij" not in hit.waarom and "organisatie" not in hit.waarom and "instantie" not in hit.waarom
    assert "Jongerenwerk (Versa Welzijn)" not in [hit.naam for hit in result.hits]  # it matched only on 'verwijzen'


# 1b. a kaart question in an intake that found danger: Veilig Thuis first; no menu hint in the middle of the intake
def test_a_kaart_question_in_the_intake_carries_its_danger_signal():
    intake, state, _ = _run(["moeder uit Huizen belt, ze is aan het scheiden en haar zoon van 9 wil niet meer naar "
                             "zijn vader", "nee", "vorige week heeft vader hem hard aan zijn arm getrokken"])
    assert intake.dangers(state)
    _, messages = _say(intake, state, REFERRAL)
    results = _results(messages)
    assert results[0]["naam"] == "Veilig Thuis"
    said = " ".join(m.get("text") or "" for m in messages)
    assert "veiligheid" in said and "typ 'menu'" not in said and "We gaan verder" in said


def test_without_danger_no_veilig_thuis_and_no_menu_hint():
    intake, state, _ = _run(["moeder uit Huizen belt, ze is aan het scheiden, haar zoon van 9 slaapt slecht", "nee",
                             "nee"])
    assert not intake.dangers(state)
    _, messages = _say(intake, state, REFERRAL)
    assert "Veilig Thuis" not in [hit["naam"] for hit in _results(messages)]
    assert "typ 'menu'" not in " ".join(m.get("text") or "" for m in messages)


def test_suicide_alone_does_not_put_veilig_thuis_first():
    result = zoek(REFERRAL, leeftijd=15, gemeente="huizen", thema="psychisch", gevaren=["gevaar_suicide"],
                  voor_gezin=True)
    assert result.hits[0].naam != "Veilig Thuis"


# 1c. a referral question about a family: services it can be referred to before those only professionals consult
@pytest.mark.parametrize("kwargs", [{}, {"voor_gezin": True}, {"voor_gezin": True, "gevaren": ["gevaar_geweld"]}])
def test_a_referral_question_puts_services_for_the_family_first(kwargs):
    result = zoek(REFERRAL, leeftijd=14, gemeente="laren", thema="veiligheid", limit=5, **kwargs)
    first = [hit.naam for hit in result.hits[:3]]
    assert not [name for name in first if name.startswith(("Gedragswetenschappers", "RET"))], first


def test_a_professional_asking_for_consultation_still_finds_the_gedragswetenschapper():
    result = zoek("ik ben jeugdconsulent in Laren en wil overleggen met een gedragswetenschapper, uithuisplaatsing "
                  "dreigt", limit=5)
    assert any(hit.naam.startswith("Gedragswetenschappers") for hit in result.hits[:3])


# 2a. a withdrawn child who stops eating: a psychological signal, the kern, and the self-harm question
@pytest.mark.parametrize("text", ["haar dochter van 14 heeft zich opgesloten in haar kamer",
                                  "ze zit alleen nog maar op haar kamer, eet niet mee",
                                  "sinds de zomer is ze heel stil geworden", "hij eet bijna niets meer"])
def test_withdrawal_is_a_psychological_signal(text):
    signals = get_knowledge().entries["intake_signaal"].values()
    assert "psychisch" in {hit.soort for hit in find_signals(text, signals)}


@pytest.mark.parametrize("text", ["hij zit op zijn kamer te gamen", "ze eet gewoon mee", "ze is niet stil geworden"])
def test_ordinary_words_about_the_room_or_eating_are_no_signal(text):
    signals = get_knowledge().entries["intake_signaal"].values()
    assert "psychisch" not in {hit.soort for hit in find_signals(text, signals)}


def test_the_withdrawn_daughter_is_the_kern_and_the_self_harm_question_is_asked():
    intake, state, asked = _run(["moeder belt, haar dochter van 14 heeft zich opgesloten in haar kamer", "nee", "nee",
                                 "ze zit alleen nog maar op haar kamer, eet niet mee"])
    assert intake.view(state).key == SELF_HARM
    text = format_summary(build_summary(state, get_knowledge(), search=lambda *a, **k: []))
    assert "nog niet in 'moeite met ...' te vatten" not in text
    assert "trekt zich terug" in text


def test_a_safety_question_that_applies_late_is_asked_next_then_the_intake_goes_on():
    intake, state, asked = _run([
        "moeder belt, ze zijn uit elkaar en er is veel ruzie met haar ex over de kinderen", "nee", "nee",
        "ja ze schreeuwen vaak", "moeder en twee dochters", "gisteren ging het weer mis", "sinds de zomer",
        "vooral thuis", "het weegt zwaar", "overleggen lukt niet",
        "de oudste is heel stil geworden en zit veel op haar kamer"])
    assert SELF_HARM not in asked and intake.view(state).key == SELF_HARM
    state, _ = _say(intake, state, "nee, dat denk ik niet")
    assert SELF_HARM in state["answers"]
    following = intake.view(state).key
    assert following not in state["answers"] and following != SELF_HARM  # on where we were, nothing asked twice


def test_the_kern_takes_no_particle_for_a_problem():
    assert kern_from_words("ze kan het bijna niet meer aan") == []
    assert kern_from_words("haar dochter wil niet meer naar school") == [
        "de dochter heeft moeite met naar school gaan"]


# 2b. the rest of an answer filed elsewhere goes with it: "verder niet veel" says no more than who helps
def test_the_rest_of_a_support_answer_is_filed_with_it_and_not_kept_at_the_question():
    filed, keeps = listen("complexe_scheiding.kind_ertussen", "oma helpt soms, verder niet veel")
    assert [(piece.aspect, piece.text) for piece in filed] == [("netwerk", "oma helpt soms, verder niet veel")]
    assert not keeps
    intake, state, _ = _run(["moeder belt, ze zijn gescheiden en er is steeds ruzie met haar ex", "nee", "nee", "nee",
                             "moeder en dochter", "gisteren", "sinds de zomer", "thuis", "zwaar", "dat lukt niet",
                             "oma helpt soms, verder niet veel"])
    text = format_summary(build_summary(state, get_knowledge(), search=lambda *a, **k: []))
    assert "Hoe merkt uw kind de spanning" not in text.split("Verder vertelde de beller:")[-1].split("Routeadvies")[0]
    assert "oma helpt soms, verder niet veel" in text


# 2c. parents living apart, also when the ex is only mentioned in passing, is the divorce context
@pytest.mark.parametrize("text", ["moeder en dochter, ze is om het weekend bij haar vader",
                                  "in het weekend is hij bij vader", "de ouders wonen apart",
                                  "ze woont bij haar moeder"])
def test_parents_living_apart_is_the_divorce_context(text):
    signals = get_knowledge().entries["intake_signaal"].values()
    assert "scheiding_context" in {hit.signal_id for hit in find_signals(text, signals)}


@pytest.mark.parametrize("text", ["ze is nu even bij haar vader", "in het weekend gaat vader werken",
                                  "ze woont niet bij haar vader weg"])
def test_a_visit_or_a_weekend_alone_is_no_divorce(text):
    signals = get_knowledge().entries["intake_signaal"].values()
    assert "scheiding_context" not in {hit.signal_id for hit in find_signals(text, signals)}


def test_a_weekend_at_the_fathers_brings_the_questions_about_the_parents():
    intake, state, asked = _run(["moeder belt over haar dochter van 12 die slecht slaapt", "nee", "nee", "nee",
                                 "moeder, dochter en een broertje, ze is om het weekend bij haar vader"]
                                + ["weet ik niet"] * 5)
    assert "complexe_scheiding.overleg" in asked
