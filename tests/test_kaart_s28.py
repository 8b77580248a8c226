"""Causes of misses in the seen sets toets16 ... toets24, fixed by cause in session 28. New example questions, none
copied from an evaluation set:

- a sign of danger at home said in the question itself puts Veilig Thuis first among the first three (it stood
  second behind a service whose text matched better); the way in of the municipality stays beside it;
- a measure that is not there ("(nog) geen ots", "er is nog geen maatregel") is no measure, and "raad doet onderzoek"
  in lower case is the Raad at work; its words are no search words;
- "wil liever niet naar de huisarts" refuses the GP's route, as "niet via de huisarts" did;
- an adult's age in words ("een man van dertig") and "lover boy" say exploitation of a minor;
- a follow-up that names a village ("en in Muiderberg?" after a question about Bussum) searches and names that village;
- the missing-help note for young carers also hears a child who runs the household or cares for a parent.
"""

from __future__ import annotations

import pytest

from bot.kaart.checks import check_plaats
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.query import parse_vraag, raad_investigates
from bot.kaart.question import exploitation_of_a_minor
from bot.kaart.search import zoek
from bot.kaart.spoken import refused_routes
from tests.test_kaart_actions import searched_headers

pytestmark = pytest.mark.usefixtures("rules_only_masking")

VT = "veilig_thuis"


def _top(question: str, n: int = 3, **kwargs) -> list:
    return [hit.id for hit in zoek(question, **kwargs).hits][:n]


# ------------------------------------------------------------------ Veilig Thuis leads at a sign of danger at home


@pytest.mark.parametrize(
    "question",
    [
        "Leerkracht in Hilversum: een meisje van 8 vertelt dat haar vader haar met een riem slaat",
        "sportcoach in Naarden: jongen van 11 heeft steeds blauwe plekken in zijn nek en wil er niets over zeggen",
        "buurman in Huizen hoort elke nacht gegil en klappen bij het gezin naast hem, er wonen kinderen van 2 en 5",
    ],
)
def test_veilig_thuis_leads_when_the_question_names_danger_at_home(question):
    assert _top(question)[0] == VT


@pytest.mark.parametrize(
    "question",
    [
        "Leerkracht in Hilversum: een meisje van 8 vertelt dat haar vader haar met een riem slaat",
        "Vader in Blaricum sloeg zijn zoon van 12, de school maakt zich zorgen",
    ],
)
def test_only_the_order_of_the_first_three_changes(question, monkeypatch):
    led = _top(question)
    monkeypatch.setattr("bot.kaart.search.safety_service_leads", lambda index, ctx, hits, allowed: hits)
    before = _top(question)
    assert led[0] == VT and set(led) == set(before) and before[0] != VT


def test_veilig_thuis_leads_for_an_adult_who_exploits_a_minor():
    assert _top("dochter van 14 uit Huizen krijgt berichten van een man van vijfendertig die naaktfoto's wil")[0] == VT


def test_a_nude_picture_among_peers_does_not_put_veilig_thuis_first():
    top = _top("zoon van 14 uit Huizen, een naaktfoto van hem gaat rond in de klassenapp en hij schaamt zich kapot")
    assert top and top[0] != VT


def test_no_danger_no_veilig_thuis_first():
    assert VT not in _top("zoon van 14 in Huizen wordt gepest op school en wil niet meer naar school")


# ------------------------------------------------------------------ a measure that is not there


@pytest.mark.parametrize(
    "question",
    [
        "raad doet onderzoek, zoon 12 in Blaricum, (nog) geen ots. vader wil hulp bij de opvoeding",
        "Eemnes, er is nog geen maatregel, moeder zoekt hulp bij de opvoeding van haar dochter van 7",
    ],
)
def test_a_measure_that_is_not_there_is_no_measure(question):
    parsed = parse_vraag(question)
    assert "veiligheid" not in parsed.themas
    top = _top(question)
    assert VT not in top and "djgb_jeugdbescherming" not in top


def test_a_measure_asked_for_stays_a_measure():
    assert "veiligheid" in parse_vraag("ots aanvragen voor een meisje van 9 in Huizen").themas


@pytest.mark.parametrize("text, investigates", [
    ("raad doet onderzoek naar de thuissituatie", True),
    ("de raad onderzoekt de omgang", True),
    ("de raad heeft nu een onderzoek lopen", True),
    ("ik weet geen raad meer, doet iemand iets?", False),
    ("moeder vraagt raad over onderzoek naar adhd", False),
])
def test_the_raad_at_work_in_lower_case(text, investigates):
    assert raad_investigates(text) is investigates


def test_the_raad_investigating_is_no_search_word():
    hits = zoek("raad doet onderzoek, dochter 13 in Laren, moeder wil vrijwillige hulp").hits
    assert hits and all("'onderzoek'" not in hit.waarom for hit in hits[:3])
    assert "jeugdhulp" in parse_vraag("moeder wil vrijwillige hulp voor haar zoon").themas


# ------------------------------------------------------------------ the GP's route refused


@pytest.mark.parametrize("text", ["zoon van 14 is somber, hij wil liever niet naar de huisarts",
                                  "ze wil echt niet naar haar huisarts"])
def test_not_going_to_the_gp_refuses_that_route(text):
    assert refused_routes(text) == ("via_huisarts",)


def test_not_going_to_school_is_no_refused_route():
    assert refused_routes("dochter van 13 gaat niet naar school") == ()


def test_a_refused_gp_route_keeps_the_poh_out():
    assert "poh_jeugd" not in _top("dochter 16 in Hilversum krast zichzelf, wil liever niet naar de huisarts", 5)


# ------------------------------------------------------------------ exploitation of a minor


@pytest.mark.parametrize("text, age, expected", [
    ("dochter van veertien krijgt berichten van een man van vijfendertig die naaktfoto's wil", 14, True),
    ("meisje heeft een vriendje van drieëntwintig die haar dure cadeaus geeft", 15, True),
    ("moeder denkt dat haar dochter een lover boy heeft", 15, True),
    ("dochter van vijftien heeft een vriendje van zestien en ze chatten de hele avond", 15, False),
    ("dochter van zeventien heeft een vriend van negentien die ze meeneemt naar feestjes", 17, False),
])
def test_an_adults_age_in_words(text, age, expected):
    assert exploitation_of_a_minor(parse_vraag(text), age) is expected


# ------------------------------------------------------------------ a village follow-up


def test_a_given_village_wins_over_the_questions_village_of_the_same_municipality():
    parsed = parse_vraag("zoon van 14 uit Bussum wordt gepest")
    assert check_plaats("Muiderberg", parsed)[1].naam == "Muiderberg"
    assert check_plaats("gooise_meren", parsed)[1].naam == "Bussum"  # only the code: the question's village says more


async def test_a_village_follow_up_searches_and_names_that_village():
    headers = await searched_headers("zoon van 14 in Bussum wordt gepest en wil niet meer naar school",
                                     "en in Muiderberg?", "en als hij 16 is?")
    assert "plaats: Muiderberg (gemeente Gooise Meren)" in headers[1] and "Bussum" not in headers[1], headers
    assert "plaats: Muiderberg (gemeente Gooise Meren)" in headers[2] and "leeftijd: 16 jaar" in headers[2], headers


# ------------------------------------------------------------------ young carers


@pytest.mark.parametrize("text", [
    "de oudste van 13 doet nu het hele huishouden",
    "jongen van 15 zorgt voor zijn moeder die in een rolstoel zit",
    "zij doet veel van de zorg voor haar vader",
])
def test_a_young_carer_hears_the_missing_help_note(text):
    assert ontbrekende_hulp(text) == ["Steun voor jonge mantelzorgers"]


@pytest.mark.parametrize("text", ["moeder doet het huishouden niet meer sinds de scheiding",
                                  "oma zorgt voor haar kleindochter van 5", "vader zorgt voor zijn zoon van 9"])
def test_a_parent_or_grandparent_who_cares_is_no_young_carer(text):
    assert ontbrekende_hulp(text) == []


@pytest.mark.parametrize("question", [
    "jongen van 15 uit Huizen zorgt voor zijn moeder die ms heeft en mist veel school",
    "meisje van 16 uit Huizen, haar vader heeft ms en zij doet veel van de zorg",
])
def test_a_parents_illness_is_no_health_question_of_the_young_carer(question):
    result = zoek(question)
    assert result.ontbreekt and "jonge mantelzorgers" in result.ontbreekt
    assert result.hits and result.hits[0].id != "jeugd_en_gezin_ggd"
    assert all("('ms')" not in hit.waarom for hit in result.hits if hit.id == "jeugd_en_gezin_ggd")
