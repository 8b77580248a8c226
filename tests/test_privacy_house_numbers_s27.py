"""Session 27, the follow-up of test_privacy_leaks_s27: "ze woont op de Zonnebloemhofje zevenentwintig" was stored
readable. The street word '-hofje' was unknown, the rule for a street without a known street word needed a house
number in digits, and the rules that know the street ('de Kerkstraat', 'de Lindelaan') left a house number said as a
word or after 'nummer' readable after [ADRES] ("[ADRES] zeven a", "[ADRES] nummer twaalf")."""
from __future__ import annotations

import pytest

from bot.intake.deidentify import mask
from tests.stored_text import in_database
from tests.test_privacy_user_test_s22 import files_with, save, summary_of, type_through


@pytest.mark.parametrize("text, expected", [
    ("ze woont op de Zonnebloemhofje zevenentwintig", "ze woont op de [ADRES]"),
    ("ze woont op de zonnebloemhofje zevenentwintig in drachten", "ze woont op de [ADRES] in drachten"),
    ("hij woont in het Kastanjehofje 3 bis", "hij woont in het [ADRES]"),
    ("we wonen op de Wilgengaarde achttien b", "we wonen op de [ADRES]"),
    ("ze woont in de merelgaarde 4, 1271 ab huizen", "ze woont in de [ADRES], [POSTCODE] huizen"),
    ("ze woont op de Lindelaan zeven a", "ze woont op de [ADRES]"),
    ("hij woont aan de Kerkstraat nummer twaalf", "hij woont aan de [ADRES]"),
    ("ze woont op de merelstraat nummer zeven", "ze woont op de [ADRES]"),
    ("ze woont op de Prinsengracht huisnummer 12 bis", "ze woont op de [ADRES]"),
    ("ze woont aan de Zonnesingel vijf bis", "ze woont aan de [ADRES]"),
    ("hij woont op de Lindenhof twaalf", "hij woont op de [ADRES]"),
    ("ze woont op de brink nummer zeven in laren", "ze woont op de [ADRES] in laren"),
    ("ze woont op de Brink zeven", "ze woont op de [ADRES]"),
    ("de moeder woont op de Vissersdreef honderdtwaalf met haar vriend",
     "de moeder woont op de [ADRES] met haar vriend"),
])
def test_a_street_with_a_house_number_said_or_after_nummer_is_masked_whole(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("ze loopt op de Kerkstraat twee keer heen en weer", "ze loopt op de [ADRES] twee keer heen en weer"),
    ("ze woont op de Kerkstraat een eind verderop", "ze woont op de [ADRES] een eind verderop"),
    ("ze woont al zeven jaar op de Lindelaan", "ze woont al zeven jaar op de [ADRES]"),
    ("ze woont sinds twee jaar bij haar oma", "ze woont sinds twee jaar bij haar oma"),
    ("hij woont met drie broers in een flat", "hij woont met drie broers in een flat"),
    ("ze woont in huizen en is zeventien", "ze woont in huizen en is zeventien"),
])
def test_a_count_or_an_age_near_a_street_stays(text, expected):
    assert mask(text).text == expected


async def test_a_house_number_said_is_nowhere_in_the_data_folder(tmp_path, tracker_url):
    events, slots = await type_through([
        "hoi met wietske brandsma ik bel over mijn zoon jorrit hij slaapt slecht sinds de scheiding",
        "nee", "nee",
        "ze woont op de Zonnebloemhofje zevenentwintig, en haar zus op de Lindelaan zeven a",
        "rond af"])
    text, record = await summary_of("gesprek-huisnummer", slots)
    await save(tmp_path, "gesprek-huisnummer", events)
    assert "slaapt slecht" in str(record.data)  # what the caller told stays
    typed = ["zonnebloemhofje", "zevenentwintig", "lindelaan", "zeven a"]
    assert files_with(tmp_path, typed) == []
    assert in_database(typed) == []  # also on PostgreSQL
    assert "zonnebloemhofje" not in text.lower() and "zeven a" not in text.lower()


# A house number said in more than one word after a street found without one (a late session 27 check stored
# "[ADRES] twintig b", "[ADRES] en drie" and "[ADRES] vijftien").
@pytest.mark.parametrize("text, expected", [
    ("ze woont op de Lindelaan honderd drie", "ze woont op de [ADRES]"),
    ("hij woont aan de Kerkstraat nummer honderdtwintig b", "hij woont aan de [ADRES]"),
    ("hij woont aan de Kerkstraat nummer honderd twintig b", "hij woont aan de [ADRES]"),
    ("de Dorpsweg tweehonderd vijftien", "de [ADRES]"),
    ("ze woont op de Lindelaan honderd en drie", "ze woont op de [ADRES]"),
    ("ze woont op de lindelaan honderd en drie in huizen", "ze woont op de [ADRES] in huizen"),
    ("ze woont op de Dorpsweg duizend tweehonderd vijf a met haar moeder",
     "ze woont op de [ADRES] met haar moeder"),
])
def test_a_house_number_said_in_more_words_is_masked_whole(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("ze woont op de Lindelaan honderd drie jaar", "ze woont op de [ADRES] drie jaar"),
    ("ze woont op de Kerkstraat twaalf en haar zus drie", "ze woont op de [ADRES] en haar zus drie"),
    ("ze woont op de Lindelaan twaalf twee weken", "ze woont op de [ADRES] twee weken"),
    ("ze woont op de Kerkstraat vierentwintig drie kinderen heeft ze",
     "ze woont op de [ADRES] drie kinderen heeft ze"),
    ("ze woont op de Kerkstraat honderd een huis verder", "ze woont op de [ADRES] een huis verder"),
    ("ze loopt op de Kerkstraat honderd meter verder", "ze loopt op de [ADRES] honderd meter verder"),
])
def test_a_count_or_a_number_that_goes_on_after_a_said_house_number_stays(text, expected):
    assert mask(text).text == expected


async def test_a_house_number_said_in_more_words_is_nowhere_in_the_data_folder(tmp_path, tracker_url):
    events, slots = await type_through([
        "hoi met wietske brandsma ik bel over mijn zoon jorrit hij slaapt slecht sinds de scheiding",
        "nee", "nee",
        "ze woont op de Dorpsweg tweehonderd vijftien, en haar zus op de Kerkstraat nummer honderd twintig b",
        "rond af"])
    text, record = await summary_of("gesprek-huisnummer-woorden", slots)
    await save(tmp_path, "gesprek-huisnummer-woorden", events)
    assert "slaapt slecht" in str(record.data)  # what the caller told stays
    typed = ["dorpsweg", "tweehonderd vijftien", "kerkstraat", "honderd twintig", "twintig b"]
    assert files_with(tmp_path, typed) == []
    assert in_database(typed) == []  # also on PostgreSQL
    assert "vijftien" not in text.lower() and "twintig" not in text.lower()
