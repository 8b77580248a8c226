"""The kaart's reply names the village or wijk the user typed, with its municipality (a user test of session 27: a
question about "mijn dochter van 13 in Bussum" got only "plaats: Gooise Meren", and the user wondered whether Bussum
was understood). The ranking is unchanged: only the line 'Ik zocht op ...' says more."""
from __future__ import annotations

import pytest

from bot.kaart.dialog import lees
from bot.kaart.format import begrepen, plaats_tekst
from bot.kaart.search import zoek
from tests.test_kaart_actions import searched_headers


def _header(text: str) -> str:
    slots = lees(text)  # as the chat reads the question: the place slot is the area code
    result = zoek(text, leeftijd=slots["kaart_leeftijd"], gemeente=slots["kaart_gemeente"],
                  thema=slots["kaart_thema"])
    return begrepen(result)


@pytest.mark.parametrize("text, place", [
    ("mijn dochter van 13 in Bussum spijbelt al weken", "Bussum (gemeente Gooise Meren)"),  # a village
    ("pesten op school, zoon 11, ze wonen in Loosdrecht", "Loosdrecht (gemeente Wijdemeren)"),
    ("moeder in Overvecht zoekt opvoedsteun voor haar zoon van 6", "Overvecht (gemeente Utrecht)"),  # a wijk
    ("mijn dochter van 13 in Busum spijbelt al weken", "Bussum (gemeente Gooise Meren)"),  # misspelt: as recognised
])
def test_the_reply_names_the_village_or_wijk_with_its_municipality(text, place):
    header = _header(text)
    assert f"plaats: {place}." in header, header
    assert "Busum" not in header  # the proper spelling, not the typo


@pytest.mark.parametrize("text, place", [
    ("mijn dochter van 13 in Gooise Meren spijbelt al weken", "Gooise Meren"),
    ("zoon 14 spijbelt, hilversum", "Hilversum"),
    ("zoon 14 in Vleuten wordt gepest", "Vleuten-De Meern (Utrecht)"),  # the area's own name says it already
])
def test_a_municipality_or_an_area_typed_itself_stays_as_it_was(text, place):
    header = _header(text)
    assert f"plaats: {place}." in header and "(gemeente" not in header, header


def test_a_wijk_of_an_area_inside_a_city_names_both():
    assert plaats_tekst("vleuten", "Haarzuilens") == "Haarzuilens (Vleuten-De Meern, gemeente Utrecht)"
    assert plaats_tekst("vleuten", "Vleuten-De Meern") == "Vleuten-De Meern (Utrecht)"
    assert plaats_tekst("gooise_meren", None) == "Gooise Meren"
    assert plaats_tekst("gooise_meren", "Gooise Meren") == "Gooise Meren"


async def test_in_the_chat_the_village_is_named_and_a_follow_up_does_not_name_the_previous_village():
    headers = [header.split("\n")[0] for header in await searched_headers(
        "mijn dochter van 13 in Bussum spijbelt al weken", "en als ze 15 is?", "en in Muiderberg?")]
    assert "plaats: Bussum (gemeente Gooise Meren)" in headers[0], headers
    # a follow-up searches the previous question again with the village it names (session 28: it searched the
    # village of the previous question again and named only the municipality)
    assert "Bussum" not in headers[2] and "plaats: Muiderberg (gemeente Gooise Meren)" in headers[2], headers
