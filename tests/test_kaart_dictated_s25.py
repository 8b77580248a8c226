"""Dictated kaart questions (session 25, the blind set toets22): what a consultant says right after a call and
speech-to-text writes down is read as the same question typed. Fixed by cause, with new example questions:

- filler sounds ("ehm"), a spoken punctuation mark ("vraagteken") and an abbreviation said letter by letter ("o t s",
  "m b o") are written as a typist would (``bot.text.as_typed``);
- a problem word split in two where one half is no Dutch word ("lover boy") is the one word
  (``bot.kaart.spoken.as_typed``);
- a place of one word split in two or three ("kerke landen", "de bij vanck", "over vecht"), also one letter off ("korte
  hoef"), is that place; a place before an age said as a word ("huizen zestien jarige jongen");
- an age told after where the child lives ("jongen uit naarden van zeventien");
- a professional's call at the end of a note without punctuation ("... de mentor belde ons") frames only the call.
"""
from __future__ import annotations

import pytest

from bot.kaart import places, spoken
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.text import NUMBER_WORDS, as_typed
from bot.textclass import punctuate

pytestmark = pytest.mark.usefixtures("rules_only_masking")


# ------------------------------------------------------------------ written as typed


@pytest.mark.parametrize("said, typed", [
    ("laren ehm zoon van 14", "laren zoon van 14"),
    ("Ehm, dochter van 9 uh wordt gepest", "dochter van 9 wordt gepest"),
    ("wie kan haar helpen vraagteken", "wie kan haar helpen?"),
    ("hij heeft een o t s en zit op het m b o", "hij heeft een ots en zit op het mbo"),
    ("moeder met een l v b", "moeder met een lvb"),
])
def test_dictation_is_written_as_typed(said, typed):
    assert as_typed(said) == typed


@pytest.mark.parametrize("text", [
    "Moeder uit Laren, zoon van 14. Wie kan helpen?",
    "we zetten een vraagteken bij de veiligheid",  # the noun, not the mark
    "jongen uit 's graveland",  # one letter alone
    "kunt u u even aanmelden",  # one letter said twice
    "zijn vader is over leden",  # two Dutch words stay two
])
def test_typed_text_stays_as_it_is(text):
    assert spoken.as_typed(text) == text


def test_the_roleplay_reader_drops_the_same_fillers():
    assert "ehm" not in punctuate("ja ehm ik hoor dat je het heel moeilijk hebt met je zoon wat heb je nodig").text


@pytest.mark.parametrize("said, typed", [
    ("Blaricum meisje van veertien heeft een o t s en de gezinsvoogd is nooit bereikbaar",
     "Blaricum, meisje van 14 heeft een OTS en de gezinsvoogd is nooit bereikbaar."),
    ("eemnes ehm dochter van vijftien heeft volgens haar vriendin een lover boy vraagteken",
     "Eemnes: dochter van 15 heeft volgens haar vriendin een loverboy?"),
])
def test_a_dictated_question_reads_as_the_typed_one(said, typed):
    dictated, written = parse_vraag(said), parse_vraag(typed)
    assert dictated.themas == written.themas and dictated.themas
    assert (dictated.leeftijd, dictated.gemeente) == (written.leeftijd, written.gemeente)
    assert [h.id for h in zoek(said).hits][:3] == [h.id for h in zoek(typed).hits][:3]


# ------------------------------------------------------------------ places split or misheard


@pytest.mark.parametrize("text, code, meant", [
    ("kerke landen meisje van zestien blowt elke dag", "hilversum", "Kerkelanden"),
    ("de bij vanck moeder belt over haar zoon van twaalf", "blaricum", "Bijvanck"),
    ("pijls weerd jongen van veertien wordt gepest", "utrecht", "Pijlsweerd"),
    ("over vecht dochter van dertien spijbelt", "utrecht", "Overvecht"),
    ("gezin uit tuin dorp met een zoon van acht", "utrecht", "Tuindorp"),
    ("veld huizen jongen van vijftien gamet de hele nacht", "vleuten", "Veldhuizen"),
    ("korte hoef zoon van elf slaat zijn zusje", "wijdemeren", "Kortenhoef"),  # split and one letter off
    ("moeder uit korte hoef belt over haar dochter", "wijdemeren", "Kortenhoef"),
])
def test_a_place_split_by_speech_to_text_is_the_place(text, code, meant):
    found = places.zoek_plaats(text)
    assert found is not None and (found.code, found.naam) == (code, meant)
    assert parse_vraag(text).gemeente == code


@pytest.mark.parametrize("text", [
    "jongen van 9 komt zonder eten naar de training",  # no Naarden
    "ze wonen in een tuin dorp met veel groen",  # a garden village, said with its article
    "Maar Fenna, ik denk dat je moeder van je houdt",  # no Maarssen
    "hij praat steeds over vecht partijen op school",
])
def test_two_ordinary_words_are_no_place(text):
    assert places.zoek_plaats(text) is None


def test_a_name_of_two_words_spelled_as_written_stands():
    found = places.zoek_plaats("vader is verhuisd naar den haag")
    assert found is not None and found.naam != "Naarden" and found.code is None


def test_a_split_place_is_no_problem_word():
    # "over vecht" read as the place: "vecht" is no fight
    assert "gedrag" not in parse_vraag("over vecht zoon van vijftien zit thuis en leerplicht belt").themas


@pytest.mark.parametrize("text, code, age", [
    ("huizen zestien jarige jongen blowt elke dag", "huizen", 16),
    ("laren veertien jaar meisje wordt gepest", "laren", 14),
])
def test_an_opening_place_before_an_age_said_as_a_word_is_the_place(text, code, age):
    parsed = parse_vraag(text)
    assert (parsed.gemeente, parsed.leeftijd) == (code, age)


def test_two_houses_stay_houses():
    assert parse_vraag("ze hebben twee huizen vijf kamers").gemeente is None


# ------------------------------------------------------------------ ages


@pytest.mark.parametrize("text, age", [
    ("meisje uit eemnes van veertien eet bijna niets", 14),
    ("zoon uit Hilversum van 12 wordt gepest", 12),
    ("jongen uit blaricum wordt zestien en blowt", 16),
])
def test_an_age_told_after_where_the_child_lives(text, age):
    assert parse_vraag(text).leeftijd == age


def test_a_young_adults_age_said_as_a_word_up_to_the_oldest_age_of_the_kaart():
    assert NUMBER_WORDS["vierentwintig"] == 24 and NUMBER_WORDS["zevenentwintig"] == 27
    assert parse_vraag("huizen jongen van vierentwintig heeft schulden").leeftijd == 24


# ------------------------------------------------------------------ a call told at the end of a note


@pytest.mark.parametrize("said, theme", [
    ("meisje van veertien uit laren spijbelt al weken de juf belde ons", "schoolverzuim"),
    ("jongen van dertien uit huizen is erg somber de huisarts belde vanmorgen", "somberheid_angst"),
])
def test_a_professionals_call_at_the_end_of_a_dictated_note_frames_only_the_call(said, theme):
    assert theme in parse_vraag(said).themas


def test_a_typed_note_keeps_its_own_parts():
    # with punctuation the parts are where the typist put them: the call is framed, the problem stays
    parsed = parse_vraag("Meisje van 14 uit Laren spijbelt al weken. De juf belde ons.")
    assert "schoolverzuim" in parsed.themas


def test_the_search_says_how_it_read_a_split_place():
    result = zoek("kerke landen zoon van zestien blowt elke dag")
    assert result.gemeente == "hilversum"
    assert "Ik las 'kerke landen' als Kerkelanden." in (result.melding or "")
