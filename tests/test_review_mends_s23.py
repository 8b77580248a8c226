"""Mends after the code reviews of session 23: one set of a note's words for a child serves the kaart's age and place
readings alike."""
from __future__ import annotations

import pytest

from bot.kaart.query import parse_vraag


@pytest.mark.parametrize("vraag, plaats, leeftijd", [
    ("huizen kid 14 kijkt niet meer naar school", "huizen", 14),  # 'kid' opens the note after its place, as 'zn' does
    ("huizen zn 14 kijkt niet meer naar school", "huizen", 14),
    ("kid 13 huizen, spijbelt veel", "huizen", 13),
])
def test_a_place_opening_a_note_before_the_child_shorthand_is_the_place(vraag, plaats, leeftijd):
    parsed = parse_vraag(vraag)
    assert parsed.gemeente == plaats
    assert parsed.leeftijd == leeftijd
