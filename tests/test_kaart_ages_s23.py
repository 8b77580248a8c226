"""Ages in a kaart question, user test of session 23: "kinderen 6 en 8" searched with no age at all (a service for
adolescents came up for two young children), and "een broer van 16" was read as the age of the child the question is
about. Through the chat's reading (``lees``) and the search (``zoek``), as the kaart form calls them."""
from __future__ import annotations

import pytest

from bot.kaart.ages import age_ok
from bot.kaart.dialog import lees
from bot.kaart.format import resultaat_tekst
from bot.kaart.query import extract_leeftijd, extract_leeftijden
from bot.kaart.search import default_index, zoek


def _search(text: str):
    slots = lees(text)
    return zoek(text, leeftijd=slots["kaart_leeftijd"], gemeente=slots["kaart_gemeente"],
                thema=slots["kaart_thema"])


@pytest.mark.parametrize("text, ages", [
    ("kinderen 6 en 8", (6, 8)),  # the user test
    ("moeder met 2 kinderen van 6 en 8 jaar, veel ruzie thuis", (6, 8)),
    ("kids (4, 7 en 11)", (4, 7, 11)),
    ("zoon van 15 en dochter van 9 maken veel ruzie", (9, 15)),
    ("broer en zus van 8 en 12 schieten erbij in", (8, 12)),
    ("zoon van 15 spijbelt", ()),  # one age: the child's age
    ("tweeling van 6", ()),
])
def test_the_ages_of_several_children_are_read(text, ages):
    assert extract_leeftijden(text) == ages
    if ages:
        assert extract_leeftijd(text) is None


@pytest.mark.parametrize("text, age", [
    ("dochter is somber en heeft een broer van 16", None),  # the user test: the brother's age is not hers
    ("een broer van 16", None),
    ("meisje van 12 is somber, haar broer van 16 pest haar", 12),
    ("jongen van 14 met een broer van 16 die blowt", 14),
    ("ze heeft een 16-jarige broer en zit veel op haar kamer", None),
    ("zijn oudere zus (17) helpt thuis veel mee", None),
    ("broer van 12 zorgt veel voor zijn autistische zusje", 12),  # the sibling is the child the question is about
    ("zoon van 15 en zijn broer van 17", 15),
])
def test_the_age_of_a_brother_or_sister_is_not_the_childs(text, age):
    assert extract_leeftijd(text) == age
    assert extract_leeftijden(text) == ()


def test_a_search_for_children_of_6_and_8_shows_only_services_for_one_of_them():
    result = _search("moeder met kinderen 6 en 8 in hilversum, veel ruzie thuis, opvoedhulp")
    assert result.leeftijd is None and result.leeftijden == (6, 8)
    assert "leeftijden: 6 en 8 jaar" in resultaat_tekst(result)
    index = default_index()
    assert result.hits
    for hit in result.hits:  # youth work from 11 came up before
        service = index.doc(hit.id).service
        assert age_ok(service, 6) or age_ok(service, 8), hit.naam


def test_a_brothers_age_does_not_filter_the_search():
    result = _search("dochter is somber en trekt zich terug, ze heeft een broer van 16, huizen")
    assert result.leeftijd is None and result.leeftijden == ()
    assert "leeftijd" not in resultaat_tekst(result).split("\n\n")[0]
    assert _search("meisje van 12 is somber, haar broer van 16 pest haar, huizen").leeftijd == 12
