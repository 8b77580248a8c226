"""The sociale kaart after the user tests of session 21: a place typed after the question without a comma, and a
quarrel about the contact arrangement, which is the parents' conflict (scheiding), no behaviour problem of the
child."""
from __future__ import annotations

import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek

# ------------------------------------------------------------------ 1: a place typed last, in lower case, no comma


@pytest.mark.parametrize("vraag, plaats", [
    ("ouders praten niet meer met elkaar huizen", "huizen"),  # the user test: "Je noemde geen gemeente"
    ("zoon van 14 gaat al weken niet naar school huizen", "huizen"),
    ("moeder vertelt dat haar dochter van 13 slecht slaapt en niet meer eet lunetten", "utrecht"),
])
def test_a_place_typed_after_the_question_is_the_place(vraag, plaats):
    assert parse_vraag(vraag).gemeente == plaats, vraag
    assert zoek(vraag).gemeente == plaats


@pytest.mark.parametrize("vraag", [
    "de kinderen wonen sinds de scheiding in twee huizen",
    "na de scheiding hebben ze allebei eigen huizen",
    "vader en moeder wonen nu in aparte huizen",
    "zoon van 9 pendelt elke week tussen beide huizen",
    "zoon van 15 blowt en heeft al weken ruzie met iedereen in de huizen",
])
def test_houses_at_the_end_of_a_question_stay_houses(vraag):
    assert parse_vraag(vraag).gemeente is None, vraag


# ------------------------------------------------------------------ 2: a quarrel about the contact arrangement


@pytest.mark.parametrize("vraag", [
    "veel ruzie over de omgang",  # the user test: a school's youth coach came first, for the child's behaviour
    "veel ruzie over de omgang, Hilversum",
    "ouders hebben conflict over de omgangsregeling, dochter 8",
    "er is steeds ruzie om de omgang met vader",
    "ze vechten over het co-ouderschap, zoon van 6",
])
def test_a_quarrel_about_the_contact_arrangement_is_the_divorce(vraag):
    result = zoek(vraag)
    assert result.themas[:1] == ["scheiding"] and "gedrag" not in result.themas, (vraag, result.themas)


@pytest.mark.parametrize("vraag", [
    "zoon van 12 maakt veel ruzie op school, ouders zijn gescheiden",  # his own quarrels: behaviour, and the divorce
    "dochter maakt thuis veel ruzie, de omgang met vader loopt stroef",
])
def test_the_childs_own_quarrels_stay_behaviour(vraag):
    themas = parse_vraag(vraag).themas
    assert "gedrag" in themas and "scheiding" in themas, (vraag, themas)
