"""Session 28 (kaart28b): English words of expat and bilingual parents, read with the one vocabulary.

- English problem words are words of the existing themes in ``probleemwoorden.yml`` ("bullied", "anxiety",
  "co-parenting", "weed"), English target words are in ``doelgroepwoorden.yml`` ("teacher", "my son");
- an English child word gives an age as a Dutch one does ("my son of 17", "our daughter (12)", "kids (9 and 11)");
- the English preposition "at" is no past tense of eten ("at school", "at home"); "hij at niets" stays eating.

Own sentences, none from an evaluation set.
"""
from __future__ import annotations

import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek


@pytest.mark.parametrize("text, thema", [
    ("Our girl is being bullied in the playground, Huizen", "pesten"),
    ("mijn zoon heeft veel anxiety sinds de verhuizing, Laren", "somberheid_angst"),
    ("we zoeken hulp bij co-parenting na de divorce, Bussum", "scheiding"),
    ("he smokes weed every day, zoon 16, Hilversum", "verslaving"),
    ("our toddler goes to daycare and bites, Eemnes", "jonge_kind"),
    ("she has been so depressed lately, dochter 15, Blaricum", "somberheid_angst"),
    ("is there a therapist for children in Naarden", "psychisch"),
])
def test_english_problem_words_are_words_of_the_existing_themes(text, thema):
    assert thema in parse_vraag(text).themas


@pytest.mark.parametrize("text", [
    "Our girl is being bullied in the playground, Huizen",
    "is there a therapist for children in Naarden",
])
def test_english_child_words_are_the_youth_target_group(text):
    assert "jeugdige" in parse_vraag(text).doelgroep_hints


def test_an_english_teacher_is_the_school():
    assert "school" in parse_vraag("the teacher at his school in Laren says he is always tired").doelgroep_hints


@pytest.mark.parametrize("text, age", [
    ("My son of 17 is always angry, Huizen", 17),
    ("my daughter is 19 and lonely, we live in Bussum", 19),
    ("our son (12) plays games all night, Eemnes", 12),
    ("a girl aged 14 told me she is afraid to go home, Hilversum", 14),
])
def test_english_child_words_give_the_age(text, age):
    assert parse_vraag(text).leeftijd == age


def test_english_ages_of_several_children():
    parsed = parse_vraag("our kids (8 and 13) miss their friends, Vleuten")
    assert parsed.leeftijd is None and parsed.leeftijden == (8, 13)


@pytest.mark.parametrize("text", [
    "he is fine at home but not at school, zoon 11, Huizen",
    "she cries at night, dochter 9, Laren",
])
def test_english_at_is_no_eating(text):
    assert "gezondheid" not in parse_vraag(text).themas


def test_dutch_at_stays_eating():
    said = parse_vraag("hij at bijna niets meer, zoon 14, Huizen").thema_gezegd
    assert any(word.startswith("at ") for words in said.values() for word in words)


def test_a_toddler_in_english_is_not_yet_at_school():
    hits = zoek("our toddler bites other children at daycare, Huizen").hits
    assert hits and all(hit.id != "schoolmaatschappelijk_werk_versa" for hit in hits)


def test_a_dutch_note_with_kids_keeps_its_target_group():
    """"kids" counts children; it is not read as the question being about a young person."""
    assert "jeugdige" not in parse_vraag("moeder met 3 kids zwaar overbelast, Eemnes").doelgroep_hints


# ------------------------------------------------------------------ long questions with a story


STORY = ("Onze zoon van twaalf zit op judo en dat gaat prima. Met de vakantie in Frankrijk hebben we genoten. "
         "Maar sinds de zomer eet hij bijna niets meer en is hij erg afgevallen. Bij wie kunnen we in Huizen terecht?")


def test_sentences_that_only_tell_what_goes_well_name_no_need():
    parsed = parse_vraag(STORY)
    assert "vrije_tijd" not in parsed.themas
    assert parsed.themas and parsed.leeftijd == 12 and parsed.gemeente == "huizen"


def test_a_sentence_that_turns_still_counts():
    parsed = parse_vraag("Hij zit op voetbal. Het gaat goed op school, maar hij wordt gepest op de club. "
                         "Waar kunnen we in Laren terecht?")
    assert "pesten" in parsed.themas


def test_a_short_question_keeps_its_words():
    """Two sentences are no story: "het gaat prima" there is not blanked."""
    from bot.kaart import spoken
    text = "Hockey gaat prima. Waar vind ik een sportclub in Vleuten?"
    assert spoken.without_good_news(text) == text


def test_the_last_sentence_is_never_blanked():
    from bot.kaart import spoken
    text = "Zoon 10. Hij zit op voetbal. Dat gaat prima."
    assert spoken.without_good_news(text).endswith("Dat gaat prima.")


@pytest.mark.parametrize("text", [
    "Zijn opa uit Marokko logeert bij ons. Onze zoon van 8 heeft nachtmerries. Wie kan helpen?",
    "Na de vakantie in Turkije wil onze dochter van 10 niet meer naar school. Wat nu?",
])
def test_where_a_relative_comes_from_is_not_where_the_family_lives(text):
    parsed = parse_vraag(text)
    assert parsed.onbekende_plaats is None and parsed.buiten_regio is None


def test_an_unknown_place_of_the_family_itself_stays():
    assert parse_vraag("Het gezin woont in Kampen, zoon van 8 heeft nachtmerries").onbekende_plaats == "Kampen"


@pytest.mark.parametrize("text", [
    "dochter 9 huilt elke avond en zegt dat het haar schuld is dat we uit elkaar zijn, Naarden",
    "hij denkt dat de scheiding zijn schuld is, zoon 11, Huizen",
])
def test_whose_fault_it_is_is_guilt_not_debt(text):
    assert "financien" not in parse_vraag(text).themas


def test_a_debt_stays_a_debt():
    assert "financien" in parse_vraag("vader heeft een schuld bij de bank, zoon 8, Huizen").themas


def test_the_club_where_the_caller_volunteers_is_who_asks():
    parsed = parse_vraag("Ik ben vrijwilliger bij de scouting in Eemnes. Een jongen van 10 komt steeds met blauwe "
                         "plekken. Wat moet ik doen?")
    assert "vrije_tijd" not in parsed.themas and "veiligheid" in parsed.themas
    assert "vrije_tijd" in parse_vraag("zoon 10 zit op de scouting en wordt gepest, Huizen").themas


@pytest.mark.parametrize("text", [
    "meisje van 11 vertelt dat de buurman aan haar zit als ze daar speelt, Huizen",
    "jongen 9 zegt dat zijn stiefvader hem betast, Laren",
])
def test_everyday_words_for_unwanted_touching_are_safety(text):
    parsed = parse_vraag(text)
    assert parsed.themas and parsed.themas[0] == "veiligheid"


# ------------------------------------------------------------------ English callers and ages


def test_an_english_year_old_gives_the_age():
    assert parse_vraag("A 13-year-old boy in Laren is afraid to go to school").leeftijd == 13
    assert parse_vraag("my 9 year old daughter cries at night, Huizen").leeftijd == 9


def test_an_english_gp_is_the_caller_with_the_gps_route():
    parsed = parse_vraag("I'm a GP in Bussum. A 15-year-old has panic attacks. Who can help?")
    assert parsed.beller_route == ("via_huisarts",)


def test_an_english_teacher_is_school_staff():
    assert parse_vraag("I am a teacher in Vleuten, a boy of 9 is always hungry").beller_route == ("via_school",)


@pytest.mark.parametrize("text, thema", [
    ("a girl of 7 comes to school hungry every day, Eemnes", "financien"),
    ("we are struggling financially since the summer, kinderen 5 en 9, Huizen", "financien"),
    ("mijn man heeft zijn job verloren, we wonen in Laren met twee kinderen", "wonen_werk"),
])
def test_more_english_everyday_words(text, thema):
    assert thema in parse_vraag(text).themas


# ------------------------------------------------------------------ spoken numbers


@pytest.mark.parametrize("text, age", [
    ("zoon van zeven tien blowt elke dag we wonen in huizen", 17),
    ("dochter van veer tien uit bussum wordt gepest", 14),
    ("meisje van een en twintig met een baby in laren", 21),
    ("zoon die veertien is spijbelt al weken in huizen", 14),
    ("een meisje dat net zestien is geworden, bussum, somber", 16),
])
def test_spoken_ages_in_parts_or_in_a_clause(text, age):
    assert parse_vraag(text).leeftijd == age


def test_two_ages_said_apart_stay_two():
    parsed = parse_vraag("kinderen van vier en zes in huizen, moeder is ziek")
    assert parsed.leeftijd is None and parsed.leeftijden == (4, 6)


# ------------------------------------------------------------------ a place as a field amid a note


@pytest.mark.parametrize("text, code", [
    ("ze is vijftien jaar oud, huizen, somber", "huizen"),
    ("mijn kind is negen, laren, wordt gepest", "laren"),
])
def test_a_place_as_a_whole_field_amid_a_note(text, code):
    assert parse_vraag(text).gemeente == code


def test_houses_in_a_longer_field_stay_houses():
    assert parse_vraag("ze hebben twee huizen, kinderen 8 en 10, ruzie").gemeente is None
