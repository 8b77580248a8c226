"""Session 26: the role of a long spoken turn of a parent or child, decided by the turn and not by one plain sentence.

The second set of whole conversations (evaluatie/gesprekken_2.yml, seen since session 26) showed turns without a role
(facts, an answer, small talk) that got a role from one short clause without any signal, a child's sad turn read as
Assertief by one "ik wil dat ..." sentence, and role signals that fired on words that carry no role. The sentences
below were written for this test from the workbook's role descriptions, not taken from that set.

1. a turn that as a whole names no role gets a role from one sentence without a signal only when that sentence is
   very sure (``MIN_PART_IN_PLAIN_TURN``); a sentence with a signal of its own still speaks for the turn;
2. a turn read as a whole as a clear role keeps it against another role of one sentence without a signal
   (``MIN_WHOLE_KEPT``);
3. the child register: a short question or "weet niet" has no role, a child's fear or longing is Kwetsbaar;
4. role signals: "eerlijk gezegd" is a hedge, reassurance and self-blame are no reproach, the own share in hindsight
   is Kwetsbaar, a limit or blame with a word in between still counts, "ik hoef niet" spares no one;
5. the coverage/precision table on the conversation turns counts the turns without a role.
"""
from __future__ import annotations

from typing import Dict

import pytest

from bot.roles import analyse
from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.roles.evaluation import turn_coverage
from bot.roles.models import NEUTRAL, ROLE_IDS
from bot.roles.signals import find_signals
from bot.textclass import Prediction


class _Stub:
    """A classifier that reads each given sentence (or the whole turn) as told, and anything else as no role."""

    def __init__(self, reads: Dict[str, Dict[str, float]]):
        self.reads = reads

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        probabilities = {label: 0.0 for label in ROLE_IDS + (NEUTRAL,)}
        probabilities.update(self.reads.get(text.strip(), {NEUTRAL: 1.0}))
        best = max(probabilities, key=probabilities.get)
        return Prediction(best, probabilities[best], dict(probabilities), [])


def _signals(text: str):
    return {hit.signaal_id for hit in find_signals(text)}


# -- 1. a turn without a role as a whole ------------------------------------------------------------------------------

PLAIN = "We waren om vier uur bij de sporthal. Daarna zijn we naar huis gefietst. Het was wel een lange dag."


def test_one_fairly_sure_sentence_without_a_signal_gives_a_plain_turn_no_role():
    stub = _Stub({PLAIN: {NEUTRAL: 0.8, "slachtoffer": 0.2},
                  "Het was wel een lange dag.": {"slachtoffer": 0.8, NEUTRAL: 0.2}})
    assert not _signals(PLAIN)
    assert analyse.MIN_PART_NO_SIGNALS <= 0.8 < analyse.MIN_PART_IN_PLAIN_TURN
    assert analyse_role(PLAIN, stub).rol == GEEN_ROL


def test_a_very_sure_sentence_still_speaks_for_a_plain_turn():
    stub = _Stub({PLAIN: {NEUTRAL: 0.8, "slachtoffer": 0.2},
                  "Het was wel een lange dag.": {"slachtoffer": 0.97, NEUTRAL: 0.03}})
    result = analyse_role(PLAIN, stub)
    assert result.rol == "slachtoffer"
    assert result.citaat == "Het was wel een lange dag."


def test_a_sentence_with_a_signal_of_its_own_still_speaks_for_a_plain_turn():
    text = "We waren om vier uur bij de sporthal. Daarna zijn we naar huis gefietst. Ik kan niks meer."
    stub = _Stub({text: {NEUTRAL: 0.8, "slachtoffer": 0.2},
                  "Ik kan niks meer.": {"slachtoffer": 0.6, NEUTRAL: 0.4}})
    assert "slachtoffer-machteloos" in _signals("Ik kan niks meer.")
    result = analyse_role(text, stub)
    assert result.rol == "slachtoffer"
    assert result.citaat == "Ik kan niks meer."


def test_a_plain_child_story_with_a_short_remark_at_the_end_has_no_role():
    # the product model reads the last clause alone as a role without any signal; the turn is a story
    assert analyse_role("nee. papa kwam pas om zeven uur. we hebben toen friet gehaald. maar het was wel laat").rol \
        == GEEN_ROL


# -- 2. a clear reading of the whole turn stands ----------------------------------------------------------------------

SAD = "Ik lig er vaak wakker van. Ik wil dat ze weer normaal doen. Soms denk ik dat het door mij komt."


def test_a_clear_whole_turn_keeps_its_role_against_one_sentence_without_a_signal():
    stub = _Stub({SAD: {"kwetsbaar": 0.7, "assertief": 0.1, NEUTRAL: 0.2},
                  "Ik wil dat ze weer normaal doen.": {"assertief": 0.9, NEUTRAL: 0.1}})
    assert not _signals("Ik wil dat ze weer normaal doen.")
    assert analyse_role(SAD, stub).rol == "kwetsbaar"


def test_an_unsure_whole_turn_still_gives_way_to_a_sure_sentence():
    stub = _Stub({SAD: {"kwetsbaar": 0.45, "assertief": 0.3, NEUTRAL: 0.25},
                  "Ik wil dat ze weer normaal doen.": {"assertief": 0.9, NEUTRAL: 0.1}})
    assert analyse.MIN_WHOLE_KEPT > 0.45
    assert analyse_role(SAD, stub).rol == "assertief"


# -- 3. the child register --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["mag ik even tekenen?", "weet niet. ik denk dinsdag"])
def test_a_child_asking_something_or_not_knowing_has_no_role(text):
    assert analyse_role(text).rol == GEEN_ROL


@pytest.mark.parametrize("text", [
    "ik wou dat papa en mama weer samen op de bank zaten. dat zou ik zo fijn vinden",
    "ik ben bang dat mama verdrietig wordt als ik bij papa wil slapen",
])
def test_a_child_telling_a_fear_or_a_longing_is_kwetsbaar(text):
    assert analyse_role(text).rol == "kwetsbaar"


# -- 4. role signals --------------------------------------------------------------------------------------------------

def test_eerlijk_gezegd_is_a_hedge_not_a_feeling():
    assert "kwetsbaar-ik-gevoel" not in _signals("nee, eerlijk gezegd niet, dat was in de zomer")
    assert "kwetsbaar-ik-gevoel" in _signals("ik voel me eerlijk gezegd heel alleen")


@pytest.mark.parametrize("text", [
    "het is ook niet jouw schuld, hoor",
    "soms denk ik dat het mijn schuld is",
    "ik denk dat ik er de schuld van ben",
])
def test_reassurance_or_blaming_oneself_is_no_reproach(text):
    assert "aanklager-verwijt" not in _signals(text)


def test_blaming_another_is_still_a_reproach():
    assert "aanklager-verwijt" in _signals("het is jouw schuld dat ze niet meer komt")


@pytest.mark.parametrize("text", [
    "dat was niet zo slim van me", "dom van mij, dat weet ik", "dat had ik niet moeten zeggen",
])
def test_the_own_share_in_hindsight_is_kwetsbaar(text):
    assert "kwetsbaar-eigen-aandeel" in _signals(text)


def test_blame_and_a_limit_with_a_word_in_between_still_count():
    assert "aanklager-ontkent-aandeel" in _signals("het ligt echt aan haar")
    assert "aanklager-ontkent-aandeel" not in _signals("het ligt echt niet aan jou")
    assert "assertief-grens" in _signals("ik wil eigenlijk niet dat hij dat hoort")


def test_what_one_need_not_do_oneself_spares_no_one():
    assert "redder-beschermt" not in _signals("ik hoef hier helemaal niet te zijn")
    assert "redder-beschermt" in _signals("jij hoeft niet te bellen, dat doe ik wel")


# -- 5. the coverage/precision table on the turns ---------------------------------------------------------------------

def test_the_turn_table_counts_a_role_on_a_turn_without_one_as_wrong():
    answers = [("slachtoffer", "slachtoffer", 0.9), ("geen", "redder", 0.45), ("geen", GEEN_ROL, 0.9),
               ("kwetsbaar", "assertief", 0.35)]
    rows = {round(row[0], 2): row[1:] for row in turn_coverage(answers)}
    named, precision, right = rows[0.3]
    assert (named, precision, right) == (0.75, pytest.approx(1 / 3), 0.5)
    named, precision, right = rows[0.5]  # the unsure role on the turn without one is left out: right there
    assert (named, precision, right) == (0.25, 1.0, 0.75)
