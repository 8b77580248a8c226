"""A user test of session 27 of the guided preparation: a buurtteam worker prepares a talk with a divorcing father.

1. "ik heb morgen een gesprek met een vader die gaat scheiden en ik wil het voorbereiden" became the situation
   "Vader die gaat scheiden en ik wil het" (in the chat and in the stored plan): the worker's own request, joined with
   'en', is no part of the situation.
2. A bare "welke stap is dit?" at a step, with the note shown right above, got "Ik kan hier geen stap aan koppelen.
   Er is geen zin gegeven.": it now says which step this is and, with a note there, how that note reads.
"""
from __future__ import annotations

import pytest

from bot.steps import guide, texts
from bot.steps.preparation import INPUT, NOTES, STEP, classification_text, step_turn
from bot.steps.request import situation_from_request

NOT_STORED = texts.text("vraag_niet_bewaard")


# ------------------------------------------------------------------ 1. the worker's own request is no situation

@pytest.mark.parametrize("request_text, situation", [
    ("ik heb morgen een gesprek met een vader die gaat scheiden en ik wil het voorbereiden", "Vader die gaat scheiden"),
    ("ik heb morgen een gesprek met een vader die gaat scheiden en ik wil het graag voorbereiden",
     "Vader die gaat scheiden"),
    ("ik spreek een moeder die de kinderen niet meer laat gaan en ik zou dat gesprek willen oefenen",
     "Moeder die de kinderen niet meer laat gaan"),
    ("gesprek met een vader die heel boos is op zijn ex, en ik wil graag wat tips",
     "Vader die heel boos is op zijn ex"),
    ("ik zie twee ouders die steeds ruzie maken maar ik wil het eerst even voorbereiden",
     "Ouders die steeds ruzie maken"),
])
def test_the_request_to_prepare_is_cut_off_the_situation(request_text, situation):
    assert situation_from_request(request_text) == situation


@pytest.mark.parametrize("request_text, situation", [
    # what the worker tells of the family after 'en ik' stays: only a request to Rustpunt goes
    ("ik heb een gesprek met een moeder die boos is en ik weet niet of ze komt",
     "Moeder die boos is en ik weet niet of ze komt"),
    ("Ik heb morgen een gesprek met een moeder die vindt dat vader de kinderen tegen haar opzet",
     "Moeder die vindt dat vader de kinderen tegen haar opzet"),
])
def test_the_rest_of_the_situation_stays(request_text, situation):
    assert situation_from_request(request_text) == situation


# ------------------------------------------------------------------ 2. a bare "welke stap is dit?" at a step

@pytest.mark.parametrize("text", ["welke stap is dit?", "welke stap is dit", "Welke stap is dit??"])
def test_a_bare_step_question_with_a_note_reads_that_note(text):
    note = "ik snap dat je boos bent, dat is ook heel begrijpelijk"
    turn = step_turn(text, "visie", {"visie": note}, "ouder")
    assert turn.slots == {INPUT: None, STEP: "visie"}  # nothing noted, the step waits
    assert NOTES not in turn.slots
    assert turn.messages[0] == texts.text("welke_stap_hier", nummer=1, totaal=6, stap_naam="Visie uitdragen")
    assert note in turn.messages[1]
    assert classification_text(note) in turn.messages
    assert turn.messages[-1] == NOT_STORED
    assert not any("geen zin gegeven" in message for message in turn.messages)


def test_a_bare_step_question_without_a_note_says_which_step_this_is():
    turn = step_turn("welke stap is dit?", "erkennen", {"visie": "Ik sta voor rust."}, "ouder")
    assert turn.slots == {INPUT: None, STEP: "erkennen"}
    assert turn.messages[0].startswith(texts.text("welke_stap_hier", nummer=2, totaal=6,
                                                  stap_naam=guide.get_step("erkennen").naam))
    assert "welke stap is dit:" in turn.messages[0]  # how to ask about a sentence
    assert not any("geen zin gegeven" in message for message in turn.messages)


def test_a_step_question_with_a_sentence_still_reads_that_sentence():
    sentence = "wat is er zo belangrijk voor je aan die zaterdagen"
    turn = step_turn(f"welke stap is dit: {sentence}", "visie", {"visie": "Ik sta voor rust."}, "ouder")
    assert turn.messages == [classification_text(sentence), NOT_STORED]
    assert turn.slots == {INPUT: None, STEP: "visie"}
