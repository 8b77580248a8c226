"""A second-round user test of session 23 of the guided preparation: what was typed became a note or the situation.

1. "toon mijn plan" at a step (Behoefte, Realiteit, Erkennen) got "Genoteerd bij ..." and was stored as the note; no
   command (the plan so far, stop, the menu, back, skip, help, forget) may become a note or the situation.
2. A how-to question at "Wat speelt er?" ("hoe hou ik hem rustig als hij gaat schelden?", dictated "eh hoe hou ik hem
   een beetje rustig als hij gaat schelden") was stored as the situation.
3. A dictated how-to question at a step ("eh wat zeg ik als hij alleen maar over de advocaat wil praten", no '?') got
   "Genoteerd bij 'Erkennen'"; typed with '?' it was answered.
4. The step answer showed "zekerheid 100%"; the roles say "zeker (99%)" (``bot.wording.certainty_text``).
5. "hoe erken ik een vader die alleen maar scheldt" got the generic Erkennen card, nothing about swearing.
"""
from __future__ import annotations

import pytest

from bot import status
from bot.cli_commands.steps import _result_text
from bot.steps import guide, texts
from bot.steps.classifier import classify_step
from bot.steps.navigation import method_question
from bot.steps.preparation import INPUT, NOTES, STEP, classification_text, step_turn
from bot.steps.topics import format_topic
from bot.wording import certainty_text
from tests.test_menu_method_questions import _menu
from tests.test_steps_actions import _validate

NOT_STORED = texts.text("vraag_niet_bewaard")
NOTES_SO_FAR = {"visie": "Ik sta voor rust, voor jou en voor de kinderen.", "erkennen": "Wat ben jij boos, zeg."}
SITUATION = "Vader is boos omdat moeder de kinderen thuishield."
STEPS = ["erkennen", "behoefte", "realiteit"]


def _noted(turn) -> bool:
    return any(message.startswith("Genoteerd") for message in turn.messages) or NOTES in turn.slots


# ------------------------------------------------------------------ 1. commands are never notes

@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("text", [
    "toon mijn plan", "Toon mijn plan!", "laat mijn plan even zien", "kan ik mijn plan nog een keer zien?",
    "kun je het gespreksplan tot nu toe laten zien?", "wat heb ik tot nu toe?", "mijn gespreksplan",
])
def test_the_plan_so_far_is_shown_and_the_step_waits(step, text):
    turn = step_turn(text, step, NOTES_SO_FAR, "ouder", SITUATION)
    assert not _noted(turn)
    assert turn.slots == {INPUT: None, STEP: step}
    shown = turn.messages[0]
    assert shown.startswith(texts.text("plan_tot_nu_toe", nummer=guide.step_ids().index(step) + 1,
                                       stap_naam=guide.get_step(step).naam))
    assert "Visie uitdragen: \"Ik sta voor rust" in shown and "nog niet voorbereid" in shown
    assert "Gestopt bij" not in shown  # the preparation goes on


def test_the_plan_before_anything_is_noted_says_so():
    turn = step_turn("toon mijn plan", "visie", {}, "ouder", SITUATION)
    assert turn.messages == [texts.text("plan_nog_leeg")] and turn.slots == {INPUT: None, STEP: "visie"}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("text", ["help", "hulp", "Help!", "ik loop vast", "wat moet ik typen",
                                  "ik weet niet wat ik moet zeggen"])
def test_help_explains_the_step_with_its_examples_and_the_step_waits(step, text):
    turn = step_turn(text, step, NOTES_SO_FAR, "ouder", SITUATION)
    assert not _noted(turn)
    assert turn.messages[-1] == guide.format_examples(step, "ouder")
    assert "'toon mijn plan'" in turn.messages[0]
    assert turn.slots == {INPUT: None, STEP: step}


@pytest.mark.parametrize("text", ["ik wil terug naar het menu", "ik wil stoppen met de voorbereiding", "menu", "stop"])
def test_the_menu_and_stop_in_own_words_stop_the_preparation(text):
    turn = step_turn(text, "behoefte", NOTES_SO_FAR, "ouder", SITUATION)
    assert turn.slots == {INPUT: status.STOPPED} and not _noted(turn)


@pytest.mark.parametrize("text, expected", [
    ("terug", {INPUT: None, STEP: "dynamiek"}),
    ("sla over", {INPUT: None, STEP: "realiteit", NOTES: NOTES_SO_FAR}),
    ("oke ga verder", {INPUT: None, STEP: "realiteit", NOTES: NOTES_SO_FAR}),
])
def test_back_skip_and_go_on_move_without_a_note(text, expected):
    turn = step_turn(text, "behoefte", NOTES_SO_FAR, "ouder", SITUATION)
    assert turn.slots == expected and "behoefte" not in turn.slots.get(NOTES, {})


@pytest.mark.parametrize("text", ["wis dit gesprek", "vergeet wat ik getypt heb", "haal mijn laatste bericht weg"])
def test_a_request_to_forget_is_not_a_note(text):
    turn = step_turn(text, "realiteit", NOTES_SO_FAR, "ouder", SITUATION)
    assert not _noted(turn) and turn.messages[-1] == NOT_STORED


@pytest.mark.parametrize("note", ["mijn plan: eerst erkennen wat hij voelt", "help hem om rustig te worden",
                                  "Wat is er zo belangrijk voor je?"])
def test_a_note_that_names_a_command_word_stays_a_note(note):
    turn = step_turn(note, "behoefte", NOTES_SO_FAR, "ouder", SITUATION)
    assert turn.messages[0] == "Genoteerd bij 'Behoefte en verlangen'." and turn.slots[NOTES]["behoefte"]


@pytest.mark.parametrize("text", ["toon mijn plan", "help", "ik wil terug naar het menu"])
async def test_a_command_at_who_or_what_is_going_on_is_no_answer(text):
    for slot in ("voorbereiden_wie", "voorbereiden_situatie"):
        before = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}} \
            if slot == "voorbereiden_situatie" else {}
        slots, messages = await _validate(before, text, fill=slot)
        if "menu" in text:  # stopped: the form ends and the closing action says nothing was noted
            assert slots["voorbereiden_invoer"] == status.STOPPED, (slot, slots)
        else:
            assert slots == {slot: None}, (slot, slots)
            assert messages and texts.text("wie_onduidelijk") not in messages
        assert text not in (slots.get("voorbereiden_situatie"), slots.get("voorbereiden_wie"))


async def test_back_at_what_is_going_on_asks_who_again():
    before = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}}
    slots, _ = await _validate(before, "terug", fill="voorbereiden_situatie")
    assert slots == {"voorbereiden_wie": None, "voorbereiden_situatie": None}


# ------------------------------------------------------------------ 2. a how-to question is no situation

@pytest.mark.parametrize("text", [
    "hoe hou ik hem rustig als hij gaat schelden?",
    "eh hoe hou ik hem een beetje rustig als hij gaat schelden",
])
async def test_a_how_to_question_at_what_is_going_on_is_answered_and_asked_again(text):
    before = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}}
    slots, messages = await _validate(before, text, fill="voorbereiden_situatie")
    assert slots == {"voorbereiden_situatie": None}
    assert format_topic("ouder-die-scheldt") in messages and messages[-1] == NOT_STORED


@pytest.mark.parametrize("text", ["hoe begin ik het gesprek als ze meteen gaat huilen?",
                                  "eh wat zeg ik als hij meteen over de rechter begint"])
async def test_a_how_to_question_without_a_topic_is_no_situation_either(text):
    before = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}}
    slots, messages = await _validate(before, text, fill="voorbereiden_situatie")
    assert slots == {"voorbereiden_situatie": None} and messages


@pytest.mark.parametrize("situation", [SITUATION, "vader belt steeds boos op, hij scheldt op moeder en op school",
                                       "moeder wil niet dat de kinderen naar vader gaan. hoe ik het zie: ze is bang"])
async def test_a_situation_is_still_kept(situation):
    before = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "visie", "voorbereiden_notities": {}}
    slots, messages = await _validate(before, situation, fill="voorbereiden_situatie")
    assert slots == {"voorbereiden_situatie": situation} and messages == [texts.text("start_stappen")]


# ------------------------------------------------------------------ 3. a dictated how-to question at a step

@pytest.mark.parametrize("text", [
    "eh wat zeg ik als hij alleen maar over de advocaat wil praten",
    "Wat zeg ik als hij alleen maar over de advocaat wil praten?",
    "vader is echt lastig\nwat zeg ik als hij alleen maar over de advocaat wil praten",  # a question on its own line
])
def test_a_dictated_how_to_question_is_answered_as_the_typed_one(text):
    turn = step_turn(text, "erkennen", NOTES_SO_FAR, "ouder", SITUATION)
    assert not _noted(turn)
    assert turn.messages == [guide.format_step_explanation("erkennen"), guide.format_examples("erkennen", "ouder"),
                             format_topic("alleen-over-de-inhoud"), NOT_STORED]


# ------------------------------------------------------------------ 4. one wording of certainty

def test_the_step_answer_words_its_certainty_as_the_roles_do_and_never_says_100_percent():
    text = "Vraag Noah maar wat hij zelf wil, hij is oud genoeg om te kiezen tussen papa en mama."
    result = classify_step(text)
    assert result.zekerheid == 1.0
    for shown in (classification_text(text), _result_text(result)):
        assert "100%" not in shown and certainty_text(result.zekerheid) in shown
    assert certainty_text(1.0) == "zeker (99%)"


# ------------------------------------------------------------------ 5. a parent who swears

async def test_a_question_about_a_swearing_parent_gets_the_workbooks_answer():
    question = "hoe erken ik een vader die alleen maar scheldt"
    answer = format_topic("ouder-die-scheldt")
    assert "gelijk geven" in answer and "begrens de dynamiek" in answer
    assert await _menu(question) == [guide.format_step_explanation("erkennen"),
                                     guide.format_examples("erkennen", "ouder"), answer]
    turn = step_turn(question, "realiteit", NOTES_SO_FAR, "ouder", SITUATION)
    assert turn.messages == [guide.format_step_explanation("erkennen"), guide.format_examples("erkennen", "ouder"),
                             answer, NOT_STORED]


@pytest.mark.parametrize("line", ["Wat gebeurde er vlak voordat hij begon te schreeuwen?",
                                  "Hoe snel ging het van een gewone vraag naar schreeuwen?"])
def test_a_question_for_the_parent_about_shouting_stays_a_line(line):
    assert method_question(line, "dynamiek") == []
