"""Masking, user test of session 23: a street without a street word ("ik woon op de brink 5 in laren") stayed
readable, a street named after someone kept its first words ("burgemeester de [ADRES]"), and "een roos belt" masked
the word 'roos'."""
from __future__ import annotations

import pytest

from bot.intake.deidentify import mask


@pytest.fixture(params=["regels", "deduce"])
def masker(request, monkeypatch):
    if request.param == "regels":
        monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    else:
        monkeypatch.delenv("RUSTPUNT_MASKER", raising=False)
    return request.param


@pytest.mark.parametrize("text, expected", [
    ("ik woon op de brink 5 in laren", "ik woon op de [ADRES] in laren"),  # the user test
    ("Ik woon op de Brink 5 in Laren", "Ik woon op de [ADRES] in Laren"),  # deduce took "op de Brink" for a surname
    ("ze is verhuisd naar de vaart 12 met haar moeder", "ze is verhuisd naar de [ADRES] met haar moeder"),
    ("het adres is het spui 12", "het adres is het [ADRES]"),
    ("adres: de lange voort 3, 1271 ab", "adres: de [ADRES], [POSTCODE]"),
    ("ze woont in laren op de brink 5.", "ze woont in laren op de [ADRES]."),
])
def test_a_street_without_a_street_word_is_masked_where_someone_lives(masker, text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "ze woont al 12 jaar in laren",
    "ze woont in laren 12 jaar",
    "ik woon op kamers 3 dagen per week",
    "we verhuizen naar huizen 1 juli",
    "ik woon op nummer 5",
    "ze woont op 3 hoog",
    "hij woont in een huis met 3 kamers",
    "ze woont in groep 5.",
    "moeder woont sinds 2019 in laren",
    "op de brink 5 kinderen gezien, ze spelen daar vaak",  # no living there, no address
])
def test_numbers_after_living_somewhere_that_are_no_house_number_stay_readable(text):
    assert mask(text, use_deduce=False).text == text


@pytest.mark.parametrize("text, expected", [
    ("burgemeester de withstraat 3", "[ADRES]"),  # the user test
    ("ze woont op burgemeester de withstraat 3 in laren", "ze woont op [ADRES] in laren"),
    ("ik woon op de willem de zwijgerlaan 5", "ik woon op de [ADRES]"),
    ("ze woont aan de prins hendrikkade 12", "ze woont aan de [ADRES]"),
    ("ze woont op de st. janstraat 4", "ze woont op de [ADRES]"),
    ("ik woon op de kerkstraat 12 in huizen", "ik woon op de [ADRES] in huizen"),  # 'op de' is no part of it
    ("Ze zijn verhuisd naar de Burgemeester de Withstraat 4a.", "Ze zijn verhuisd naar de [ADRES]."),
    ("Hij woont op de Lindenlaan 7, vlak bij school.", "Hij woont op de [ADRES], vlak bij school."),  # not "op [ADRES]"
])
def test_a_street_of_more_words_is_masked_whole(masker, text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("een roos belt", "een roos belt"),  # the user test: with an article it is the flower
    ("ik heb een roos aan de lijn", "ik heb een roos aan de lijn"),
    ("de max belt", "de max belt"),
    ("roos belt over haar zoon", "[NAAM] belt over haar zoon"),  # without one, a caller's name
    ("ik heb roos aan de lijn", "ik heb [NAAM] aan de lijn"),
    ("zoon roos belt", "zoon [NAAM] belt"),
])
def test_a_word_that_is_also_a_first_name_is_no_caller_after_an_article(masker, text, expected):
    assert mask(text).text == expected
