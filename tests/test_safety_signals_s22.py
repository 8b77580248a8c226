"""Suicidal talk and slamming doors (session 22, a user test of a Vraagbaak consultant over the web chat).

A parent or child who "zou er liever niet meer zijn", "ziet het niet meer zitten", "wil dood", "wil er een eind aan
maken" or "doet zichzelf iets aan" gets the 113 advice of ``gevaar_suicide`` (the one place for it) in the intake, at
any open question and also after a 'nee', and in the sociale kaart, and the summary lists it as a signal. Despair
about one thing ("ziet het niet meer zitten met die wiskunde") and not wanting to go somewhere ("hij wil er niet meer
heen") are no signal. Slamming doors is no violence against a person: "buren horen deuren slaan" keeps the ruzie signal
and raises no alarm of domestic violence."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from bot.intake.danger import danger_in, danger_message
from bot.intake.session import Intake
from bot.intake.summary import build_summary, format_summary

pytestmark = pytest.mark.usefixtures("rules_only_masking")

SUICIDE = "gevaar_suicide"
VIOLENCE = "gevaar_geweld"
ADVICE_113 = "113 Zelfmoordpreventie (113 of gratis 0800-0113"


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


# ------------------------------------------------------------------ 1: suicidal talk of a parent or a child

@pytest.mark.parametrize("text", [
    # the user test
    "nee wacht, ze zegt dat moeder wel eens gezegd heeft dat ze er liever niet meer zou zijn",
    "moeder van baby van 4 mnd zegt dat ze er liever niet meer zou zijn, waar kan ze terecht in huizen",
    # the family of phrasings
    "moeder zou er liever niet meer zijn",
    "ze wou er niet meer zijn",
    "hij wil er niet meer zijn",
    "ze ziet het niet meer zitten",
    "ze ziet het allemaal niet meer zitten",
    "moeder zegt dat ze het niet meer ziet zitten",
    "ze ziet het leven niet meer zitten",
    "ze ziet het niet meer zitten met haar leven",
    "hij ziet t nie meer zitten",
    "hij wil dood", "ze wou dood", "ze wil doodgaan", "ze is liever dood",
    "ze wil er een eind aan maken",
    "moeder heeft het over zelfmoord", "ze heeft het over suïcide",
    "hij doet zichzelf iets aan",
    "ik ben bang dat hij zichzelf wat aandoet",
    "ze zegt dat ze zichzelf iets aan gaat doen",
    "moeder is levensmoe",
])
def test_suicidal_talk_is_a_signal(text):
    assert SUICIDE in danger_ids(text), text


@pytest.mark.parametrize("text", [
    # despair about one thing, with the thing named (a choice: no 113 for the maths; "met haar leven" is a signal)
    "ze ziet het niet meer zitten met die wiskunde",
    "ze ziet het niet meer zitten met de wiskunde",
    "ze ziet het niet meer zitten op school",
    "ze ziet het niet meer zitten om naar school te gaan",
    "ze ziet het niet zitten om naar de tandarts te gaan",
    "hij ziet het nog wel zitten",
    # a place, being present, someone who is gone
    "hij wil er niet meer heen",
    "ze wil er niet meer naartoe",
    "ze zou er liever niet meer bij zijn",
    "dat hij er niet meer bij wil zijn",
    "ze is bang dat papa er niet meer zal zijn",
    "moeder is er niet meer",
    # negations and figures of speech
    "ze heeft het niet over zelfmoord gehad",
    "geen suïcidale gedachten",
    "hij wil niet dood",
    "ze doet zichzelf niks aan",
    "hij doet zichzelf tekort",
    "ik lach me dood", "ze is doodmoe", "ze verveelt zich dood",
    "ik zou het liever niet meer doen",
])
def test_despair_about_one_thing_a_place_or_a_negation_is_no_signal(text):
    assert SUICIDE not in danger_ids(text), text


def test_threatening_to_hurt_oneself_is_suicide_not_violence():
    assert danger_ids("ze dreigt zichzelf iets aan te doen") == {SUICIDE}
    assert danger_ids("hij dreigt ermee zichzelf iets aan te doen") == {SUICIDE}
    assert VIOLENCE in danger_ids("hij dreigt haar en zichzelf iets aan te doen")
    assert VIOLENCE in danger_ids("hij dreigt haar te slaan")


def _run(knowledge, answers):
    intake = Intake(knowledge)
    turn = intake.start()
    turns = []
    for answer in answers:
        turn = intake.handle(turn.state, answer)
        turns.append(turn)
    return turns


OPENING = "moeder belt over haar dochter van 9 uit huizen, ze slaapt slecht en is heel stil sinds de scheiding"


def test_the_intake_gives_113_after_a_nee_and_the_summary_lists_the_signal(intake_knowledge):
    # the user test: 'nee' to direct danger and to hitting, then the caller's remark at the next open question
    turns = _run(intake_knowledge, [OPENING, "nee", "nee",
                                    "nee wacht, ze zegt dat moeder wel eens gezegd heeft dat ze er liever niet meer "
                                    "zou zijn"])
    assert [turn.kind for turn in turns[1:3]] == ["vraag", "vraag"]
    last = turns[-1]
    assert last.kind == "gevaar" and [signal.id for signal in last.danger] == [SUICIDE]
    assert ADVICE_113 in last.danger[0].direct_doen
    text = format_summary(build_summary(last.state, intake_knowledge, search=lambda *args, **kwargs: []))
    assert "Veiligheid: zorgen over zelfdoding of zelfbeschadiging" in text
    assert "113 Zelfmoordpreventie" in text


@pytest.mark.parametrize("answer", ["ze ziet het niet meer zitten", "vader zegt dat hij er liever niet meer zou zijn"])
def test_the_intake_gives_113_at_the_first_question_too(intake_knowledge, answer):
    turns = _run(intake_knowledge, [f"dochter van 14 uit laren, {answer}"])
    assert SUICIDE in [signal.id for signal in turns[-1].danger]


def kaart_texts(text):
    from actions.kaart import search_and_show
    from bot.kaart.dialog import lees

    dispatcher = CollectingDispatcher()
    search_and_show(dispatcher, text, lees(text, []))
    return [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.usefixtures("whole_knowledge")
def test_the_kaart_search_puts_113_first():
    texts = kaart_texts("moeder van baby van 4 mnd zegt dat ze er liever niet meer zou zijn, waar kan ze terecht "
                        "in huizen")
    assert texts and ADVICE_113 in texts[0]
    assert danger_message("ze ziet het niet meer zitten met die wiskunde, zoon 15 huizen") is None


# ------------------------------------------------------------------ 2: slamming doors is no violence against a person

@pytest.mark.parametrize("text", [
    "alleen schreeuwen ja. buren horen deuren slaan en de kinderen huilen",
    "hij slaat met deuren",
    "hij loopt met de deuren te slaan",
    "er werd met deuren geslagen",
    "ze hoorde de deur slaan",
    "de deur werd dicht geslagen",
    "ze slaat de deur dicht",
])
def test_slamming_doors_is_no_violence(text):
    assert VIOLENCE not in danger_ids(text), text


@pytest.mark.parametrize("text", [
    "hij sloeg haar tegen de deur",
    "hij dreigde haar tegen de deur te slaan",
    "hij slaat haar en smijt met deuren",
])
def test_hitting_someone_near_a_door_stays_violence(text):
    assert VIOLENCE in danger_ids(text), text


def test_shouting_and_slamming_doors_at_the_question_about_hitting_is_a_row_not_an_alarm(intake_knowledge):
    turns = _run(intake_knowledge, [OPENING, "nee",
                                    "alleen schreeuwen ja. buren horen deuren slaan en de kinderen huilen"])
    last = turns[-1]
    assert last.kind == "vraag" and not last.danger
    text = format_summary(build_summary(last.state, intake_knowledge, search=lambda *args, **kwargs: []))
    assert "ouders maken hard ruzie" in text
    assert "huiselijk geweld" not in text


@pytest.mark.parametrize("answer", ["ja alleen schreeuwen. buren horen deuren slaan", "ja, maar alleen schreeuwen",
                                    "ja alleen ruzie", "klopt, enkel schelden"])
def test_a_yes_limited_to_rows_at_the_question_about_hitting_is_a_row_not_an_alarm(intake_knowledge, answer):
    # the clipped answer was refused as not Dutch, and its 'ja' counted as a yes to hitting
    turns = _run(intake_knowledge, [OPENING, "nee", answer])
    last = turns[-1]
    assert last.kind == "vraag" and not last.danger, answer
    assert any(hit[1] == "scheiding" for hit in last.state["hits"])


@pytest.mark.parametrize("answer", ["ja", "ja alleen als hij gedronken heeft", "ja alleen vader", "ja alleen een tik",
                                    "ja alleen schreeuwen en hij duwt haar soms"])
def test_a_yes_to_hitting_limited_to_a_time_a_person_or_a_blow_stays_an_alarm(intake_knowledge, answer):
    last = _run(intake_knowledge, [OPENING, "nee", answer])[-1]
    assert VIOLENCE in [signal.id for signal in last.danger], answer


def test_a_yes_limited_to_gloom_at_the_question_about_self_harm_stays_an_alarm(intake_knowledge):
    opening = "moeder belt over haar dochter van 15 uit huizen, ze is heel somber en slaapt slecht"
    last = _run(intake_knowledge, [opening, "nee", "nee", "nee", "ja alleen somber"])[-1]
    assert SUICIDE in [signal.id for signal in last.danger]


def test_a_clipped_dutch_answer_without_function_words_is_dutch():
    from bot.language import looks_dutch, unreadable

    assert unreadable("ja alleen schreeuwen. buren horen deuren slaan") is None
    assert not looks_dutch("xyzzy qwerty plork flarp zorgle blip")
    assert not looks_dutch("yes only screaming neighbours hear doors slam")
