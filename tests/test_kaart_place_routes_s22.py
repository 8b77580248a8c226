"""Place and safety-route misses of the blind set toets19 (session 22), fixed by their causes:

- a place typed with a doubled or single consonant ("Lunneten") or one typo away while another parent's place outside
  the kaart is named ("Eemnis ... vader woont in Almere") is the family's place;
- of several places, the one the family moved to or the asking sentence names counts ("van Bussum naar Overvecht
  verhuisd ... wie kan ze in Overvecht helpen?"); a school the sources place gives its municipality when no place is
  named ("Zorgcoördinator Gooise Praktijkschool: ...");
- a child running off to the other parent is no sign of danger; the Raad already investigating without a measure is
  neither danger nor a measure asked; a parent who may take the children abroad and not bring them back is;
- with a measure in place, a question for its professional ("de gezinsvoogd is onbereikbaar") gets the jeugdbescherming
  first as the family's own contact; a service the question says is already involved ("Halt loopt al") does not lead.
"""
from __future__ import annotations

import pytest

from bot.kaart import places
from bot.kaart.query import measure_contact_asked, parse_vraag
from bot.kaart.question import measure_asked
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")

DJGB = "djgb_jeugdbescherming"
VT = "veilig_thuis"


def ids(result, top=3):
    return [hit.id for hit in result.hits[:top]]


# ------------------------------------------------------------------ typos


@pytest.mark.parametrize("text, code, meant", [
    ("POH uit Lunneten: meisje van 14 eet slecht", "utrecht", "Lunetten"),
    ("gezin in Kortenhoeff, zoon 9 wordt gepest", "wijdemeren", "Kortenhoef"),
    ("jongen van 12 uit Muidderberg spijbelt", "gooise_meren", "Muiderberg"),
])
def test_a_doubled_or_single_consonant_is_no_typo_that_loses_the_place(text, code, meant):
    found = places.zoek_plaats(text)
    assert found is not None and found.code == code and found.naam == meant and found.verbeterd


def test_a_typo_of_the_familys_place_goes_before_the_other_parents_place_outside_the_kaart():
    text = "Huisarts uit Eemnis: moeder drinkt veel, kinderen van 8 en 11. Vader woont in Almere. Wat kan ik doen?"
    found = places.zoek_plaats(text)
    assert found is not None and found.code == "eemnes" and found.verbeterd
    result = zoek(text)
    assert result.gemeente == "eemnes" and result.hits
    # a family that lives outside the kaart stays outside: the place of the kaart is only where the child goes to school
    assert places.zoek_plaats("moeder woont in Almere maar haar zoon zit op school in Hilversum").code is None


@pytest.mark.parametrize("text", [
    "moeder is erg bezorgd over haar dochter van 12 die steeds verdrietig thuiskomt",
    "vader heeft schulden en de kinderen slapen slecht, wie kan helpen?",
    "de kinderen hebben ruzie over de spelletjes en de mobiel",
])
def test_ordinary_words_give_no_place(text):
    assert places.zoek_plaats(text) is None


# ------------------------------------------------------------------ several places, a school


def test_the_place_the_family_moved_to_and_the_question_asks_about_counts():
    text = ("Moeder is met haar zoon van 8 van Huizen naar Kanaleneiland verhuisd, vader blijft in Huizen. "
            "Wie kan haar in Kanaleneiland helpen?")
    assert places.zoek_plaats(text).naam == "Kanaleneiland"
    # the move told after its places, without the asking sentence
    assert places.zoek_plaats("gezin is van Bussum naar Laren verhuisd en zoekt hulp bij de opvoeding").naam == "Laren"


def test_a_school_gives_its_municipality_when_no_place_is_named():
    result = zoek("Mentor van het Hilfertsheem college: brugklasser verzuimt veel, moeder zegt dat hij angstig is")
    assert result.gemeente == "hilversum"
    assert "staat in Hilversum" in result.melding
    # a place named besides the school decides (and a school is never read as a typo)
    assert places.zoek_plaats("Kerkelanden: meisje van het Groot Goylant verzuimt").naam == "Kerkelanden"
    assert places.zoek_plaats("zorgco Groot Goylant, Hilverssum: jongen 14 spijbelt").naam == "Hilversum"


# ------------------------------------------------------------------ danger and measure routes


def test_running_off_to_the_other_parent_is_no_sign_of_danger():
    result = zoek("Huisarts Naarden: meisje van 12 loopt steeds weg naar haar moeder, ze kan niet met de nieuwe "
                  "vriendin van vader. Wie kan bemiddelen?")
    assert VT not in ids(result) and "veiligheid" not in result.themas
    # running away from home stays a worry for the child's safety
    assert "veiligheid" in zoek("Huizen: dochter 13 is weggelopen, ze is al twee nachten weg").themas


def test_the_raad_investigating_without_a_measure_is_neither_danger_nor_a_measure_asked():
    text = ("Mentor in Laren: de Raad voor de Kinderbescherming doet onderzoek naar de omgang, er is nog geen "
            "maatregel. Wie kan de ouders intussen helpen?")
    assert not measure_asked(parse_vraag(text))
    top = ids(zoek(text))
    assert VT not in top and DJGB not in top
    # a measure asked for is still the way to one
    assert measure_asked(parse_vraag("Huizen: moet er een ots komen voor meisje 12?"))


@pytest.mark.parametrize("text", [
    "Huisarts in Blaricum: moeder is bang dat haar ex de kinderen meeneemt naar Marokko en niet meer terugbrengt",
    "Hilversum: vader heeft gedreigd de kinderen mee te nemen naar zijn land van herkomst",
    "Bussum: moeder is bang dat vader de kinderen ontvoert",
])
def test_a_parent_who_may_take_the_children_abroad_is_a_sign_of_danger(text):
    assert VT in ids(zoek(text)), text


def test_a_holiday_abroad_is_no_sign_of_danger():
    assert VT not in ids(zoek("Huizen: vader neemt de kinderen mee naar het buitenland op vakantie, moeder vindt het "
                              "lastig"))


@pytest.mark.parametrize("text", [
    "IB'er in Ankeveen: er loopt een OTS en de gezinsvoogd is al weken onbereikbaar. Wie kan ik benaderen?",
    "Laren, ots voor zoon 10, moeder wil een andere gezinsvoogd. Bij wie moet ze zijn?",
    "Gezin in Bussum heeft een OTS, wie is de gezinsvoogd?",
])
def test_a_question_for_the_professional_of_a_running_measure_gets_the_jeugdbescherming_first(text):
    assert measure_contact_asked(parse_vraag(text))
    first = zoek(text).hits[0]
    assert first.id == DJGB and first.verwijsbaar
    assert "gezinsvoogd" in first.waarom and "loopt hier al" in (first.let_op or "")


def test_with_danger_besides_veilig_thuis_stays_first():
    result = zoek("Bussum, gezin heeft al een OTS maar de jeugdbeschermer is onbereikbaar en er is opnieuw geweld")
    assert ids(result)[0] == VT and DJGB in ids(result)


def test_a_service_already_involved_does_not_lead():
    result = zoek("Wijkagent Laren: jongen van 14 betrapt op vernielingen, Halt loopt al. Wie kan verder met hem?")
    assert result.hits[0].id != "bureau_halt" and "bureau_halt" in ids(result)
    assert zoek("Hilversum: jongen 15 betrapt op winkeldiefstal, moet naar Halt").hits[0].id == "bureau_halt"
