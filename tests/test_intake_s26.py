"""Lead's round of session 26 on the call intake: an answer that only gives a BSN (typed, spoken or with its cue word)
is no fact of the case: it is not noted anywhere in the intake, the question stays open, and the consultant hears why
in words about a BSN (not the text about phone numbers and call-back requests)."""
from __future__ import annotations

import json

import pytest

from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")

OPENING, FIRST = "vraagbaak jeugd", "een moeder belt over haar zoon van 8 die niet wil slapen"


async def _at(question_number: int):
    """The intake state when question ``question_number`` (1-based) is asked, 'nee' answered before it."""
    intake = Intake(get_knowledge())
    state = (await typed(intake.start(OPENING).state, FIRST))[0]["intake_status"]
    while intake.view(state).number < question_number:
        state = (await typed(state, "nee"))[0]["intake_status"]
    return intake, state


@pytest.mark.asyncio
@pytest.mark.parametrize("question_number", [3, 6])  # a safety question and an ordinary one
@pytest.mark.parametrize("answer", ["bsn 123456782", "zijn bsn is 123456782", "haar burgerservicenummer is 123456782",
                                    "een twee drie vier vijf zes zeven acht twee"])
async def test_an_answer_of_only_a_bsn_is_not_noted_and_the_question_stays_open(question_number, answer):
    intake, state = await _at(question_number)
    asked = intake.view(state).key
    slots, messages = await typed(state, answer)
    after = slots["intake_status"]
    assert intake.view(after).key == asked
    assert asked not in after["answers"]
    stored = json.dumps(after, ensure_ascii=False)
    assert "123456782" not in stored and "[BSN]" not in stored and "bsn" not in stored.lower()
    text = " ".join(m for m in messages if m)
    assert "Een BSN noteer ik niet" in text and "terugbelverzoek" not in text
    assert "Deze vraag staat nog open" in text


@pytest.mark.asyncio
async def test_a_bsn_beside_a_fact_keeps_the_fact_and_says_the_bsn_was_left_out():
    intake, state = await _at(3)
    slots, messages = await typed(state, "hij slaat haar, haar bsn is 123456782")
    after = slots["intake_status"]
    stored = json.dumps(after, ensure_ascii=False)
    assert "slaat" in stored and "123456782" not in stored and "[BSN]" not in stored
    assert any(m and m.startswith("Een BSN noteer ik niet") for m in messages)


@pytest.mark.asyncio
async def test_a_phone_number_still_gets_the_call_back_advice():
    intake, state = await _at(6)
    _, messages = await typed(state, "ze is bereikbaar op 0612345678")
    text = " ".join(m for m in messages if m)
    assert "terugbelverzoek" in text and "Een BSN" not in text


def _signal_ids(text: str) -> set:
    from bot.intake.signals import find_signals

    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal"))}


@pytest.mark.parametrize("text", [
    "ze zegt dat papa mama gisteren bij de keel pakte",  # a subordinate clause puts the verb last
    "omdat hij haar bij haar keel greep",
    "toen hij hem bij zijn keel vastpakte",
])
def test_grabbing_someone_by_the_throat_with_the_verb_last_is_acute_danger(text):
    assert "gevaar_acuut" in _signal_ids(text)


@pytest.mark.parametrize("text", ["ze had pijn in haar keel en ik pakte een paracetamol",
                                  "ik pakte de fles bij de hals"])
def test_a_sore_throat_is_no_danger(text):
    assert "gevaar_acuut" not in _signal_ids(text)


@pytest.mark.parametrize("text", ["opa. die haalt me op dinsdag altijd op van school", "mijn moeder haalt me altijd op",
                                  "wist jij dat hij me sloeg?"])
def test_a_sentence_with_me_and_a_verb_like_halen_is_no_wish_to_be_forgotten(text):
    from bot.commands import is_forget_request

    assert not is_forget_request(text) and not is_forget_request(text, in_role_play=True)


@pytest.mark.parametrize("text", ["vergeet me", "verwijder me uit het systeem", "haal me eruit", "kun je mij wissen"])
def test_asking_to_be_forgotten_still_is(text):
    from bot.commands import is_forget_request

    assert is_forget_request(text)
