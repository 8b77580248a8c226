"""Round 12 of the kaart search (session 15; own example sentences, not from the test sets): a place that closes a
short heading after who writes, a typo in the first word, the old home of a family that moved, help asked for close
to home or from a provider, a pupil reported sick, signs of neglect, grooming and a farewell message, a
professional who wants to spar, and the professional a family had before."""
import pytest

from bot.kaart.places import zoek_plaats
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek


@pytest.mark.parametrize("question, name", [
    ("voetbaltrainer lunetten, jongen van 11 is erg agressief op het veld", "Lunetten"),
    ("ib'er basisschool ondiep, leerling groep 4 komt vaak te laat", "Ondiep"),
    ("hockeytrainer de meern, speelster van 14 eet slecht", "De Meern"),
])
def test_a_place_closing_a_short_heading_after_who_writes_is_the_place(question, name):
    found = zoek_plaats(question)
    assert found is not None and found.naam == name


def test_a_word_closing_a_heading_after_a_number_or_article_stays_a_word():
    # "twee huizen" are two houses, not the municipality Huizen
    assert zoek_plaats("ouders hebben twee huizen, zoon van 9 wil niet wisselen") is None


def test_a_typo_in_the_first_word_of_a_note_is_its_place():
    found = zoek_plaats("vleutn jongen 17 gestopt met mbo, zit thuis")
    assert found is not None and found.code == "vleuten" and found.verbeterd


def test_a_player_named_with_her_age_gives_the_age():
    assert parse_vraag("hockeytrainer de meern, speelster van 14 eet slecht").leeftijd == 14


def test_the_place_a_family_just_moved_from_is_not_where_it_lives():
    found = zoek_plaats("in Kortenhoef is een gezin net verhuisd uit Utrecht Overvecht; de dochter van 8 heeft ADHD")
    assert found is not None and found.code == "wijdemeren"


def test_help_asked_for_close_to_home_puts_the_village_s_own_practice_first():
    near = [hit.id for hit in zoek("ouders uit Eemnes zoeken een therapeut in het dorp zelf voor hun dochter van 12 "
                                   "met nachtmerries").hits]
    assert near[0] == "therapiepraktijk_zijn_eemnes"


def test_a_question_for_a_provider_shows_the_providers_the_source_only_names():
    hits = [hit.id for hit in zoek("jongen van 16 uit Hilversum heeft een terugval na een behandeling voor angst; "
                                   "zijn er ggz-aanbieders in Hilversum zelf?").hits[:3]]
    assert "bosman_ggz_jeugd" in hits


def test_a_pupil_reported_sick_is_absence_not_a_report_to_veilig_thuis():
    result = zoek("zorgco havo bussum, leerling 4e klas al 3 weken ziek gemeld maar zit thuis te gamen")
    assert "schoolverzuim" in result.vraag.themas and "veiligheid" not in result.vraag.themas
    assert result.hits[0].id != "veilig_thuis"


@pytest.mark.parametrize("question, theme", [
    ("Huizen, leerling van 16 heeft vannacht een afscheidsbericht op Instagram gezet", "somberheid_angst"),
    ("Bussum, dochter van 6 komt vaak ongewassen en in dezelfde kleren op school", "veiligheid"),
    ("meisje van 16 uit Weesp heeft een veel oudere vriend die haar dure cadeaus geeft", "veiligheid"),
])
def test_a_farewell_message_neglect_and_grooming_are_read(question, theme):
    assert theme in parse_vraag(question).themas


def test_a_professional_who_wants_to_spar_asks_for_professionals():
    parsed = parse_vraag("Blaricum, meisje van 15 loopt steeds weg, ik wil graag sparren over wat thuis nog kan")
    assert "professional" in parsed.doelgroep_hints


def test_the_professional_a_family_had_before_does_not_make_it_a_professional_s_question():
    parsed = parse_vraag("wij wonen in Bussum, onze zoon van 16 heeft autisme; de vorige hulpverlener is gestopt en we "
                         "staan weer op nul")
    assert "professional" not in parsed.doelgroep_hints
    assert "vastgelopen_hulp" in parsed.themas
