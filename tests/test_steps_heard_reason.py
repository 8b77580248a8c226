"""Naming why one talks (what one heard about the other from someone else) is an opening, erkennen, not a pitfall:
a user test's opening to a child ("ik hoorde van je juf dat je niet meer naar papa wil. klopt dat?") was read as
redden (0.44, by "juf" and "naar papa"), in `rustpunt stap` and in the role-play with kind-wil-niet-naar-vader."""
from __future__ import annotations

import pytest

from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import HEARD_REASON, classify_step


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


OPENINGS = [
    "hoi, fijn dat je er bent. ik hoorde van je juf dat je niet meer naar papa wil. klopt dat?",
    "ik hoorde van je juf dat je niet meer naar papa wil. klopt dat?",
    "ik hoorde van je moeder dat je niet meer naar papa wil. klopt dat?",
    "Je juf vertelde me dat het op school niet zo goed gaat. Klopt dat?",
]


@pytest.mark.parametrize("text", OPENINGS)
def test_an_opening_that_names_why_one_talks_is_no_pitfall(classify, text):
    result = classify_step(text)
    assert result.stap == "erkennen" and not result.valkuilen, (text, result.stap)
    move = classify(text)
    assert move.zet not in PITFALLS and not set(move.zetten) & set(PITFALLS), (text, move)


def test_the_cli_says_why():
    result = classify_step("ik hoorde van je juf dat je niet meer naar papa wil.")
    assert result.kenmerken[0] == HEARD_REASON


@pytest.mark.parametrize("text", [
    "ik hoorde van je juf dat je niet meer naar papa wil, dus dat moet je dan maar tegen hem zeggen.",
    "ik hoorde van je juf dat je niet meer naar papa wil. ik ga dat wel voor je regelen.",
])
def test_advice_beside_what_was_heard_stays_a_pitfall(text):
    assert classify_step(text).stap == "redden", text
