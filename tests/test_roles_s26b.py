"""Session 26 (b): a wish, a request and a plan; an angry protest; "voor de kinderen"; a child's "het is wel stom".

The second set of whole conversations (evaluatie/gesprekken_2.yml, seen) showed long parent and child turns where the
role signals, not only the words, pointed the wrong way. The sentences below were written for this test from the
workbook's descriptions of the winner's triangle (Kwetsbaar: the own feeling, longing and need, and asking support
while staying the owner; Assertief: saying what one sees, asks of the other or will do oneself), not taken from that
set.

1. Kwetsbaar or Assertief: "ik heb nodig dat je ..." and "ik wil zelf ..." are Assertief, asking someone for support is
   Kwetsbaar (also as "ik zou graag ..."), an open question "wat zou jij willen?" asks no support, planning to ask a
   third party is no request for support, a longing ("ik zou willen dat", "weer samen") is Kwetsbaar, an own step
   ("dat ga ik zondag zeggen") is Assertief unless it takes over a task for someone else;
2. "waarom ik" in a clause is no "why me?", and an angry protest that points at the other is a reproach that outweighs
   the Slachtoffer's words;
3. "voor de kinderen" is a signal of keeping everyone in view only as the children's interest, not in a plain fact;
4. a child or parent who finds something stupid or simply agrees ("ik snap het wel") has no role.
"""
from __future__ import annotations

from typing import Dict

import pytest

from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.roles.models import NEUTRAL, ROLE_IDS
from bot.roles.signals import find_signals
from bot.textclass import Prediction


class _Stub:
    """A classifier that reads every sentence with the same probabilities: the signals make the difference."""

    def __init__(self, probabilities: Dict[str, float]):
        self.probabilities = probabilities

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        probabilities = {label: 0.0 for label in ROLE_IDS + (NEUTRAL,)}
        probabilities.update(self.probabilities)
        best = max(probabilities, key=probabilities.get)
        return Prediction(best, probabilities[best], dict(probabilities), [])


def _signals(text: str):
    return {hit.signaal_id for hit in find_signals(text)}


# -- 1. Kwetsbaar or Assertief ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik heb nodig dat je me voortaan een dag van tevoren belt als het niet doorgaat.",
    "Ik wil zelf kiezen bij wie ik kerst vier.",
])
def test_a_need_asked_of_the_other_or_an_own_say_is_assertief_not_asking_support(text):
    found = _signals(text)
    assert "assertief-behoefte" in found
    assert "kwetsbaar-vraagt-steun" not in found


@pytest.mark.parametrize("text", [
    "Ik zou graag met iemand willen praten over hoe ik dit aanpak.",
    "Ik wil graag dat iemand met me meedenkt over de overdracht.",
])
def test_asking_someone_for_support_is_kwetsbaar_not_a_stated_need(text):
    found = _signals(text)
    assert "kwetsbaar-vraagt-steun" in found
    assert "assertief-behoefte" not in found


def test_an_open_question_what_the_other_would_want_asks_no_support():
    assert "kwetsbaar-vraagt-steun" not in _signals("Wat zou jij willen dat er thuis anders wordt?")
    assert "ondersteuner-open-vraag" in _signals("Wat zou jij willen dat er thuis anders wordt?")


def test_planning_to_ask_a_third_party_is_no_request_for_support():
    assert "kwetsbaar-vraagt-steun" not in _signals("Misschien kan ik de mentor vragen of ik de cijfers ook krijg.")
    assert "kwetsbaar-vraagt-steun" in _signals("Kan ik je iets vragen over mijn zoon? Ik loop er echt mee vast.")


@pytest.mark.parametrize("text", [
    "ik zou willen dat het weer net als vroeger was",
    "ik wil dat papa en mama weer samen wonen",
    "Dat hij gewoon weer eens langskomt, dat zou ik het allerliefste willen.",
])
def test_a_longing_is_kwetsbaar_not_keeping_everyone_in_view(text):
    found = _signals(text)
    assert "kwetsbaar-verlangen" in found
    assert "assertief-iedereen" not in found


def test_a_longing_outweighs_the_words_of_a_wish():
    # the words alone lean to Assertief ("ik wil dat ..."); the longing names the role
    stub = _Stub({"assertief": 0.55, "kwetsbaar": 0.45})
    assert analyse_role("ik wil dat papa en mama weer samen wonen", stub).rol == "kwetsbaar"


@pytest.mark.parametrize("text", [
    "Dat ga ik vrijdag tegen hem zeggen, rustig en zonder verwijt.",
    "Die mail aan de school schrijf ik zelf, vanavond nog.",
    "Dat wil ik wel proberen, die tas pas later uitpakken.",
])
def test_an_own_step_is_assertief(text):
    assert "assertief-eigen-plan" in _signals(text)


def test_an_own_step_for_someone_else_stays_the_redder():
    found = _signals("Ik ga het wel voor je vragen bij school, laat maar aan mij over.")
    assert "assertief-eigen-plan" not in found
    assert "redder-neemt-over" in found


def test_an_own_plan_outweighs_a_kwetsbaar_reading_by_the_words():
    stub = _Stub({"kwetsbaar": 0.55, "assertief": 0.45})
    assert analyse_role("Dat ga ik vrijdag tegen hem zeggen, rustig en zonder verwijt.", stub).rol == "assertief"


# -- 2. "waarom ik" and an angry protest ------------------------------------------------------------------------------

def test_why_me_is_the_slachtoffer_but_why_i_am_here_is_not():
    assert "slachtoffer-geen-invloed" in _signals("Eerst mijn baan kwijt en nu dit weer. Waarom ik?")
    assert "slachtoffer-geen-invloed" not in _signals("ik snap echt niet waarom ik hier moet zitten")
    assert "slachtoffer-geen-invloed" not in _signals("Ik zeg maar meteen waarom ik bel: het loopt weer mis.")


@pytest.mark.parametrize("text", [
    "waarom moet ik altijd de tafel dekken en mijn zus nooit",
    "waarom moet ik steeds naar zijn huis? hij kan ook een keer hierheen komen",
])
def test_an_angry_protest_that_points_at_the_other_is_a_reproach(text):
    assert "aanklager-protest" in _signals(text)


def test_the_protest_outweighs_the_slachtoffer_words_of_why_always_me():
    # by the words "waarom moet ik altijd" clearly Slachtoffer; the comparison with the sister makes it a reproach
    stub = _Stub({"slachtoffer": 0.6, "aanklager": 0.3, NEUTRAL: 0.1})
    assert analyse_role("waarom moet ik altijd de tafel dekken en mijn zus nooit", stub).rol == "aanklager"


def test_why_always_me_without_pointing_at_anyone_stays_the_slachtoffer():
    text = "waarom moet ik altijd alles alleen doen, niemand helpt me"
    assert "aanklager-protest" not in _signals(text)
    assert analyse_role(text).rol == "slachtoffer"


# -- 3. "voor de kinderen" --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik heb gisteren voor de kinderen pannenkoeken gebakken.",
    "De zorgverzekering voor de kinderen loopt via mijn werkgever.",
])
def test_for_the_children_in_a_plain_fact_is_no_signal(text):
    assert "assertief-iedereen" not in _signals(text)


@pytest.mark.parametrize("text", [
    "Laten we kijken wat het beste is voor de kinderen.",
    "Een vaste wisseldag is rustiger voor de kinderen.",
    "Ik denk aan het belang van de kinderen, niet aan wie er gelijk heeft.",
])
def test_the_interest_of_the_children_is_keeping_everyone_in_view(text):
    assert "assertief-iedereen" in _signals(text)


def test_a_plain_fact_for_the_children_has_no_role():
    assert analyse_role("Ik heb vorige week nieuwe regenlaarzen voor de kinderen gekocht.").rol == GEEN_ROL


# -- 4. finding something stupid, simply agreeing ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ja dat weet ik wel. de meester zei het ook. maar het is wel stom",
    "Oké, ik snap het wel. Dan zie ik u donderdag.",
])
def test_finding_something_stupid_or_simply_agreeing_has_no_role(text):
    assert analyse_role(text).rol == GEEN_ROL
