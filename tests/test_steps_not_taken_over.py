"""Saying that the professional will not take the problem over ("ik ga het niet van u overnemen", "ik los het niet voor
u op", "dat neem ik niet van je over") is no rescue: the workbook's "jij neemt het probleem niet over, je denkt mee"
(004, "6. Samen kijken naar de opties"), read as realiteit like the professional's own limit. A blind set of session 26
saw such turns read as the pitfall redden (the model reads the rescue verb and misses the "niet"). Taking a task over
after all, and the plain rescue without "niet", stay redden. Own sentences, none from an evaluation set."""
import pytest

from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import NOT_TAKEN_OVER, classify_step


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


NOT_TAKEN = [
    "Ik ga het niet van u overnemen.",
    "Ik los het niet voor u op.",
    "Dat neem ik niet van u over.",
    "Ik kan het probleem niet van je afnemen.",
    "Ik kan dit niet voor jullie oplossen.",
    "ik ga geen oplossing voor u bedenken, dat doet u zelf.",
    "Ik wil u dit niet afnemen, het is uw kind.",
    "Ik ga het niet voor je fixen, jij weet zelf het beste wat je wilt.",
    # the act first and "voor u" after it (session 27: "bellen ... voor u" read as redden, 0.95)
    "Ik ga niet met je vader bellen voor je.",
    "Dat ga ik niet regelen voor u, dat doet u zelf.",
    "Ik bel niet voor u met school.",
]


@pytest.mark.parametrize("text", NOT_TAKEN)
def test_not_taking_the_problem_over_is_no_rescue_in_the_step_reader_and_the_role_play(classify, text):
    result = classify_step(text)
    assert result.stap in ("realiteit", "visie") and not result.valkuilen, (text, result.stap, result.valkuilen)
    move = classify(text)
    assert not set(move.zetten) & set(PITFALLS), (text, move.zetten)


def test_the_reader_says_why_in_dutch():
    result = classify_step("Ik ga het niet van u overnemen.")
    assert result.kenmerken[0] == NOT_TAKEN_OVER and result.tip.startswith("Goed:")


def test_a_question_after_it_still_leads_the_turn():
    result = classify_step("Ik ga het niet van u overnemen. Wat zou u zelf kunnen doen?")
    assert result.stap == "opties" and not result.valkuilen


@pytest.mark.parametrize("text", [
    "Ik ga het niet van u overnemen, maar ik bel wel even met school.",  # a task taken over after all
    "Ik ga het niet van u overnemen, ik regel het wel met uw ex.",
    "Ik los het voor u op.",  # no negation: the rescue itself
    "Ik neem het van u over.",
    "Ik ga even met je vader bellen voor je.",  # the act with "voor je", no negation
    "Ik ga niet met je vader bellen voor je, maar ik kan wel je moeder bellen.",  # an offer after all
])
def test_taking_a_task_over_stays_redden(text):
    assert classify_step(text).stap == "redden", text


@pytest.mark.parametrize("text", ["Ik regel het niet voor u, dat doet u zelf.", "Dat regel ik niet voor je."])
def test_the_role_play_cue_of_redden_gives_way_to_the_negation(classify, text):
    move = classify(text)
    assert move.zet == "realiteit" and not set(move.zetten) & set(PITFALLS), (text, move)


def test_the_role_play_cue_still_reads_a_task_taken_over(classify):
    assert classify("Ik regel het niet voor u, maar ik bel wel even met school.").zet == "redden"
    assert classify("ik regel het wel").zet == "redden"
