"""The six-step state machine without Rasa: what one message does to the preparation."""
from __future__ import annotations

from bot.steps import guide, texts
from bot.steps.preparation import step_turn


def test_back_on_the_first_step_stays_and_says_so():
    first = guide.step_ids()[0]
    turn = step_turn("terug", first, {}, "ouder")
    assert turn.messages == [texts.text("al_eerste")]
    assert turn.slots == {"voorbereiden_invoer": None, "voorbereiden_stap": first, "voorbereiden_getoond": None}


def test_a_note_is_kept_and_the_next_step_comes_up():
    steps = guide.step_ids()
    turn = step_turn("Ik zou zeggen: wat wilt u voor uw kinderen?", steps[0], {}, "ouder")
    assert turn.slots["voorbereiden_stap"] == steps[1]
    assert turn.slots["voorbereiden_notities"] == {steps[0]: "wat wilt u voor uw kinderen?"}
    assert turn.messages[0] == texts.text("genoteerd", stap_naam=guide.get_step(steps[0]).naam)


def test_skipping_the_last_step_finishes_and_drops_its_note():
    steps = guide.step_ids()
    turn = step_turn("sla over", steps[-1], {steps[-1]: "oud", steps[0]: "blijft"}, "kind")
    assert turn.slots == {"voorbereiden_invoer": "klaar", "voorbereiden_notities": {steps[0]: "blijft"}}


def test_stop_ends_the_preparation_and_a_sentence_with_stop_in_it_is_a_note():
    first = guide.step_ids()[0]
    assert step_turn("stop", first, {}, "ouder").slots == {"voorbereiden_invoer": "gestopt"}
    long_note = step_turn("Ik wil dat de ruzie tussen jullie stopt, daar gaat het mij om.", first, {}, "ouder")
    assert long_note.slots["voorbereiden_notities"][first].startswith("Ik wil dat de ruzie")


def test_questions_to_rustpunt_in_the_middle_are_answered_and_not_kept_as_notes():
    # found by the third user test: both were stored as the note of the step
    turn = step_turn("welke rol is dit: jullie doen nooit iets voor mij", "erkennen", {}, "ouder")
    assert turn.messages[0].startswith("Rol:") and turn.slots.get("voorbereiden_notities") is None
    turn = step_turn("waarom moet ik eigenlijk met visie beginnen? de ouders willen gewoon een oplossing", "visie", {},
                     "ouder")
    assert turn.messages == [guide.format_why("visie")] and turn.slots.get("voorbereiden_notities") is None
    # a question the professional plans to ask the parent is a note
    turn = step_turn("Waarom denkt u dat hij dat doet?", "dynamiek", {}, "ouder")
    assert turn.slots["voorbereiden_notities"]["dynamiek"] == "Waarom denkt u dat hij dat doet?"
