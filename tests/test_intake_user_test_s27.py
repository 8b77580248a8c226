"""A user test of session 27 of the vraagverheldering: a Vraagbaak consultant triages a call about a boy of 9 in Huizen
whose parents fight, dictating without punctuation.

1. "hij heet daan en zijn bsn is 123456782 moeder is bereikbaar op 06 12 34 56 78" at a safety question was noted
   "bij wat er speelt" as "hij heet [NAAM] en moeder", and the consultant heard only that a phone number is not
   noted: an answer that only names people besides its contact details is no fact of the case (nothing noted, the
   question stays open), and the BSN is named in what was left out.
2. 'terug' showed the question again without what was noted there, and 'volgende' then threw that answer away (in
   the intake 'volgende' was 'sla over'): 'terug' shows the answer, 'volgende' keeps it, 'sla over' still takes it
   back.
"""
from __future__ import annotations

import pytest

from actions.intake import turn_reply
from bot.intake.listen import only_names_left
from bot.intake.session import CONTACT_ONLY, Intake
from bot.knowledge.texts import Texts

TEXTS = Texts("intake_tekst")
KERN = "over haar zoon van 9 in huizen de ouders maken heel veel ruzie ook waar hij bij is"


@pytest.fixture()
def intake(intake_knowledge):
    return Intake(intake_knowledge)


def _at_second_question(intake):
    turn = intake.handle(intake.start().state, KERN)
    assert turn.kind == "vraag" and turn.state["pos"] is not None
    return turn


# ------------------------------------------------------------------ 1. a name with a BSN and a phone number

@pytest.mark.parametrize("text", [
    "hij heet daan en zijn bsn is 123456782 moeder is bereikbaar op 06 12 34 56 78",
    "de jongen heet Daan de Vries en moeder is bereikbaar op 0612345678",
    "zijn naam is Daan, haar nummer is 06-12345678",
])
def test_a_name_with_contact_details_is_no_answer(intake, text):
    turn = _at_second_question(intake)
    key = intake.view(turn.state).key
    after = intake.handle(turn.state, text)
    assert after.kind == CONTACT_ONLY
    assert key not in after.state["answers"] and not after.filed
    assert after.state["pos"] == turn.state["pos"]  # the question stays open
    assert "[NAAM]" not in str(after.state["answers"]) and "Daan" not in str(after.state)


def test_the_bsn_is_named_in_what_was_left_out(intake):
    turn = _at_second_question(intake)
    after = intake.handle(turn.state, "hij heet daan en zijn bsn is 123456782 moeder is bereikbaar op 06 12 34 56 78")
    assert after.left_out_text == "bsn_en_contactgegevens"
    reply = turn_reply(after)
    assert "BSN" in reply and "telefoonnummer" in reply


def test_a_name_with_a_fact_is_still_noted(intake):
    turn = _at_second_question(intake)
    key = intake.view(turn.state).key
    text = "nee nu niet hij heet daan en hij slaapt slecht, moeder is bereikbaar op 0612345678"
    after = intake.handle(turn.state, text)
    assert "slaapt slecht" in after.state["answers"][key] and "[NAAM]" in after.state["answers"][key]


@pytest.mark.parametrize("answer, only", [
    ("hij heet [NAAM] en moeder", True),
    ("de jongen heet [NAAM] [NAAM]", True),
    ("zijn naam is [NAAM]", True),
    ("hij heet [NAAM] en hij is vaak bang", False),
    ("[NAAM] is vaak bang", False),
    ("moeder", False),
])
def test_only_names_left(answer, only):
    assert only_names_left(answer) is only


# ------------------------------------------------------------------ 2. 'terug', then 'volgende'

def test_back_shows_the_answer_and_next_keeps_it(intake):
    turn = _at_second_question(intake)
    key = intake.view(turn.state).key
    turn = intake.handle(turn.state, "nee nu niet, het is vooral heel veel ruzie")
    third = intake.view(turn.state).key
    back = intake.handle(turn.state, "terug")
    assert intake.view(back.state).key == key
    assert back.earlier_answer == "nee nu niet, het is vooral heel veel ruzie"
    assert turn_reply(back) == TEXTS.text("eerder_antwoord", antwoord=back.earlier_answer)
    on = intake.handle(back.state, "volgende")
    assert on.state["answers"][key] == "nee nu niet, het is vooral heel veel ruzie"
    assert key not in on.state["skipped"] and intake.view(on.state).key == third


def test_skip_after_back_still_takes_the_answer_back(intake):
    turn = _at_second_question(intake)
    key = intake.view(turn.state).key
    turn = intake.handle(turn.state, "nee nu niet")
    skipped = intake.handle(intake.handle(turn.state, "terug").state, "sla over")
    assert key not in skipped.state["answers"] and key in skipped.state["skipped"]


def test_next_at_an_open_question_still_skips_it(intake):
    turn = _at_second_question(intake)
    key = intake.view(turn.state).key
    on = intake.handle(turn.state, "volgende")
    assert key in on.state["skipped"] and key not in on.state["answers"]


def test_back_at_a_question_without_an_answer_shows_nothing_extra(intake):
    turn = _at_second_question(intake)
    turn = intake.handle(turn.state, "volgende")  # skipped
    back = intake.handle(turn.state, "terug")
    assert back.earlier_answer == "" and turn_reply(back) is None
