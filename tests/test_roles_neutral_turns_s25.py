"""Session 25: long, spoken parent and child turns without a role get an honest "geen duidelijke rol", and a parent or
child who calmly says what they themselves will do or want is Assertief.

A blind set of whole conversations (evaluatie/gesprekken_2.yml) showed most neutral turns (plain facts in a story, an
answer to a question, small talk, logistics, a child telling what happened, a hesitant idea) read as a role, and own
plans ("ik kan de mentor zelf mailen") read as Redder or Kwetsbaar. The sentences below were written for this test from
the workbook's role descriptions, not taken from that set or from the training examples.

1. neutral long turns: no role, with the reason that it sounds like an ordinary statement;
2. an own plan, wish or limit: Assertief (taking over someone else's task stays Redder);
3. a role in one part of a factual story is still named;
4. the role signals: doubting a fact is no Omstander's doubt about stepping in; the other parent "doing nothing",
   also with a word in between, is a reproach.
"""
from __future__ import annotations

import pytest

from bot.roles.analyse import GEEN_ROL, NEUTRAL_REASON, analyse_role
from bot.roles.signals import find_signals


def _signals(text: str):
    return {hit.signaal_id for hit in find_signals(text)}


# -- 1. neutral long turns --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a factual story with times and places
    "Nou, we zijn zaterdag om een uur of tien naar de kinderboerderij gegaan. Daarna hebben we bij de snackbar "
    "gegeten en om zes uur heb ik haar teruggebracht.",
    # an answer to a question
    "Ja, ze zit nu in groep zeven. Haar juf heet juf Marloes, die is er op maandag tot en met woensdag.",
    "Nee, hij heeft geen bijles meer. Dat is in de zomer gestopt, toen had hij een voldoende.",
    # small talk, spoken
    "hoi ja ik ben er, ik stond even in de file bij de afslag. zullen we maar gewoon beginnen",
    # logistics
    "Op dinsdag en donderdag is hij bij mij, en om het weekend van vrijdag tot zondag. Dat staat zo in het "
    "ouderschapsplan.",
    "Oké, dan kom ik dinsdag om twee uur. Moet ik zijn rapport ook meenemen?",
    # a child telling what happened
    "En toen gingen we met opa naar het strand. Ik heb een kasteel gebouwd met een gracht eromheen.",
])
def test_a_neutral_long_turn_has_no_clear_role(text):
    result = analyse_role(text)
    assert result.rol == GEEN_ROL
    assert result.reden == NEUTRAL_REASON


# -- 2. an own plan, wish or limit ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik kan de school zelf bellen over zijn verzuim, dat doe ik morgenochtend.",
    "Ik wil dat er in het verslag bij komt hoe ik die overdracht zelf heb meegemaakt.",
    "ik wil zelf tegen mama zeggen dat ik dit weekend bij mijn vriend wil slapen",
    "Ik ga voortaan zelf de afspraken met de tandarts maken, dan weet ik wanneer ze zijn.",
])
def test_an_own_plan_or_wish_said_calmly_is_assertief(text):
    assert analyse_role(text).rol == "assertief"


def test_taking_over_the_task_of_another_stays_the_redder():
    text = ("Hij had maandag een spreekbeurt. Ik heb de hele presentatie maar voor hem gemaakt, anders haalt hij het "
            "niet.")
    assert analyse_role(text).rol == "redder"


# -- 3. a role in one part of a factual story -------------------------------------------------------------------------

@pytest.mark.parametrize("text, role", [
    ("We waren om vijf uur bij zijn huis, zoals afgesproken. Hij deed niet open. Ik weet echt niet meer wat ik nog "
     "moet doen.", "slachtoffer"),
    ("Ze heeft dinsdag gym en zwemles op vrijdag. En haar moeder vergeet gewoon altijd haar tas, die doet echt niks "
     "voor haar.", "aanklager"),
    ("Ze is sinds de zomer bij haar vader. Ik merk dat ik haar heel erg mis en dat ik daar verdrietig van word.",
     "kwetsbaar"),
])
def test_a_role_in_one_part_of_a_factual_story_is_still_named(text, role):
    assert analyse_role(text).rol == role


# -- 4. the signals ---------------------------------------------------------------------------------------------------

def test_doubting_a_fact_is_no_doubt_about_stepping_in():
    assert "omstander-twijfelt" not in _signals("ik heb het formulier gemaild maar ik weet niet of het is aangekomen")
    assert "omstander-twijfelt" in _signals("Ik zie dat hij stil is, maar ik weet niet of ik daar iets mee moet.")
    assert "omstander-twijfelt" in _signals("Ik weet niet of het aan mij is om daar iets van te zeggen.")


def test_the_other_parent_doing_nothing_is_a_reproach_also_with_a_word_in_between():
    assert "aanklager-verwijt" in _signals("En zijn vader? Die doet echt niks voor hem.")
    assert "aanklager-verwijt" in _signals("Hij doet gewoon niks.")
    assert "aanklager-verwijt" not in _signals("Ze doet echt niks verkeerd, hoor.")
    assert "aanklager-verwijt" not in _signals("Dat doet er verder niks toe.")
