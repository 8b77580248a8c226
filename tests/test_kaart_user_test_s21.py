"""After a kaart answer, a follow-up that names only a parent ("en voor de moeder?", "hulp voor moeder zelf") searches
the previous question again for that parent, in the same place (a user test of session 21 got 'Sorry, dat begreep ik
niet goed' and the menu)."""
from __future__ import annotations

import pytest

from bot.kaart.dialog import lees, onthoud, ouder_vervolg, vorige_vraag_opnieuw
from bot.kaart.query import parse_vraag
from tests.test_menu_method_questions import PREVIOUS, _menu


@pytest.mark.parametrize("text, parent", [
    ("en voor de moeder?", "moeder"), ("hulp voor moeder zelf", "moeder"), ("en de vader?", "vader"),
    ("is er ook iets voor de ouders zelf?", "ouders"), ("en voor vader en moeder?", "ouders"),
    ("moeder drinkt", None), ("vader in Huizen", None), ("en in Weesp?", None), ("wat kan moeder zelf doen?", None),
])
def test_a_follow_up_for_a_parent(text, parent):
    assert ouder_vervolg(text) == parent


async def test_en_voor_de_moeder_searches_the_previous_question_again_for_the_mother():
    question, slots = vorige_vraag_opnieuw(PREVIOUS, "en voor de moeder?")
    # the place kept, never the child's age (a second-round user test of session 24 got "leeftijd: 9 jaar" and the
    # child's services for "en voor de moeder zelf?"); the child's problem becomes the mother's own help with it:
    # parenting support
    assert slots == {**lees(PREVIOUS), "kaart_thema": "opvoeding", "kaart_leeftijd": None}
    # searched for the mother: her own help, without the child's words (session 22: a reason then quoted only those)
    assert question == "Hulp voor de moeder zelf." and parse_vraag(question).doelgroep_hints == ["ouder"]
    for text in ("en voor de moeder?", "hulp voor moeder zelf"):
        messages = await _menu(text, previous=PREVIOUS)
        assert messages[0] == "Dit zijn de diensten die het best passen:"
        assert "plaats: Hilversum" in messages[1] and "15 jaar" not in messages[1]
        assert "Hulp voor de moeder zelf, bij eigen zorgen of klachten, staat niet in de sociale kaart" in messages[1]
    # a next follow-up builds on the search for the mother
    again = vorige_vraag_opnieuw(onthoud(question, slots), "en in Huizen?")
    assert again is not None and again[1]["kaart_thema"] == "opvoeding" and again[1]["kaart_gemeente"] == "huizen"


def test_a_parent_s_own_problem_stays_the_problem_for_the_other_parent():
    previous = "vader gokt en de schulden lopen op, twee kinderen van 4 en 7, Huizen"
    question, slots = vorige_vraag_opnieuw(previous, "en voor de moeder?")
    # the parents' own problem searched by its own words, without the children's ages (session 24)
    assert slots == {**lees(previous), "kaart_leeftijd": None}
    assert question == "Hulp voor de moeder zelf: gokt, schulden."
    assert set(parse_vraag(question).ouder_themas) == set(parse_vraag(previous).ouder_themas)
