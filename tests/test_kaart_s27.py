"""Leftovers of the kaart search after the seen set toets23 (session 27). Fixed by cause, with new example questions
(none copied from an evaluation set):

- help the kaart lacks is said plainly (``ontbrekende_hulp.yml``): respite care (a logeerplek) and dyslexia assessment
  or treatment (only Het ABC's classroom pilot is in the kaart, which a question about that pilot still finds);
- an age and a half counts its whole years ("tweeling van anderhalf");
- a young child: the POH-Jeugd, reached only through the GP, does not come before the youth health service;
- a parent's burn-out is the parent's own strain, not school stress, and "zit thuis met een burn-out" no absence;
- a parent who wants to die, and a child used by others to run drugs or parcels, bring the children's safety in;
- a parent who disagrees with the gezinsvoogd asks about the measure's own professional;
- where children play is no leisure wish next to another problem;
- a buurtteam of another wijk of Utrecht is not the family's team, and a buurtteam that asks is not sent to the
  buurtteam.
"""

from __future__ import annotations

import pytest

from bot.kaart import spoken
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.query import extract_leeftijd, measure_contact_asked, parse_vraag
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")

LOGEREN = "Logeeropvang of respijtzorg"
DYSLEXIE = "Dyslexieonderzoek of -behandeling"


def _lacking(text: str) -> list:
    return [name.split(" (")[0] for name in ontbrekende_hulp(text)]


# ------------------------------------------------------------------ help the kaart lacks


@pytest.mark.parametrize(
    "question",
    [
        "ouders in Blaricum zijn op, hun zoon met autisme zou eens per maand een weekend moeten kunnen logeren",
        "is er een logeerhuis in de regio voor een meisje van 9 met een meervoudige beperking?",
        "moeder zoekt respijtzorg voor haar dochter met het syndroom van Down",
    ],
)
def test_respite_care_is_said_to_be_missing(question):
    assert LOGEREN in _lacking(question)


@pytest.mark.parametrize(
    "question",
    [
        "jongen van 8 logeert in het weekend bij zijn vader in Huizen",
        "kleindochter logeert vaak bij oma omdat moeder ziek is",
    ],
)
def test_staying_with_family_is_no_respite_care(question):
    assert LOGEREN not in _lacking(question)


@pytest.mark.parametrize(
    "question",
    [
        "ouders in Laren willen dat hun zoon van 8 onderzocht wordt op dyslexie, waar kan dat?",
        "wie doet dyslexieonderzoek in Hilversum?",
        "meisje van 9 heeft een dyslexieverklaring nodig",
    ],
)
def test_dyslexia_assessment_is_said_to_be_missing_and_the_pilot_named(question):
    result = zoek(question)
    assert DYSLEXIE in _lacking(question)
    assert "Het ABC" in (result.ontbreekt or "")


@pytest.mark.parametrize(
    "question",
    [
        "kan de dyslexiebehandelaar in de klas ook bij een leerling in groep 3 in Naarden kijken?",
        "jongen van 7 leest heel traag en in de familie zit dyslexie",
    ],
)
def test_the_classroom_pilot_or_a_reading_worry_is_no_question_for_assessment(question):
    assert DYSLEXIE not in _lacking(question)


# ------------------------------------------------------------------ ages and young children


@pytest.mark.parametrize(
    "question, age",
    [
        ("onze tweeling van anderhalf huilt veel", 1),
        ("een jongetje van tweeënhalf praat nog niet", 2),
        ("een drieënhalfjarige peuter bijt op de opvang", 3),
        ("dochter is bijna vierenhalf en nog niet zindelijk", 4),
        ("al anderhalf jaar ruzie thuis, zoon van 9", 9),
    ],
)
def test_an_age_and_a_half_counts_its_whole_years(question, age):
    assert extract_leeftijd(question) == age


@pytest.mark.parametrize(
    "question",
    [
        "Huizen: peuter van 2 slaapt heel onrustig en huilt veel, ouders zijn moe",
        "Naarden, ons dochtertje van anderhalf slaapt slecht en huilt 's nachts",
    ],
)
def test_the_gps_practice_is_not_first_for_a_young_child(question):
    ids = [hit.id for hit in zoek(question).hits]
    assert ids[0] != "poh_jeugd"
    assert "jeugd_en_gezin_ggd" in ids[:2]


def test_the_youth_health_service_that_asks_gets_the_gps_practice_for_a_young_child():
    from bot.kaart.index import default_index
    from bot.kaart.question import question_context
    from bot.kaart.scoring import through_the_gp_for_a_young_child

    index = default_index()
    poh = index.doc("poh_jeugd").service
    for text, counts_less in (
        ("peuter van 2 in Huizen slaapt slecht en huilt veel", True),
        ("jeugdverpleegkundige belt: peuter van 2 in Huizen slaapt slecht en huilt veel", False),
    ):
        parsed = parse_vraag(text)
        ctx = question_context(parsed, parsed.leeftijd, parsed.gemeente, parsed.themas)
        ctx.index = index
        assert through_the_gp_for_a_young_child(poh, ctx) is counts_less


def test_the_gps_practice_that_asks_keeps_its_own_route_for_a_young_child():
    ids = [hit.id for hit in zoek("ik ben huisarts in Huizen: peuter van 2 slaapt heel onrustig en huilt veel").hits]
    assert "poh_jeugd" in ids[:3]


# ------------------------------------------------------------------ a parent's own strain and crisis


@pytest.mark.parametrize(
    "question",
    [
        "vader in Eemnes zit thuis met een burn-out, de kinderen van 6 en 9 maken veel ruzie",
        "ik zit thuis met een burn-out en mijn zoontjes van 3 en 7 zijn heel druk, we wonen in Huizen",
    ],
)
def test_a_parents_burn_out_is_the_parents_own_strain_not_school_stress(question):
    parsed = parse_vraag(question)
    assert "prestatiedruk" not in parsed.themas
    assert "schoolverzuim" not in parsed.themas
    assert "somberheid_angst" in parsed.ouder_themas
    assert zoek(question).hits[0].id != "schoolmaatschappelijk_werk_versa"


def test_a_pupils_burn_out_stays_school_stress():
    parsed = parse_vraag("leerling van 16 in Bussum heeft een burn-out door de examens")
    assert "prestatiedruk" in parsed.themas


def test_a_parent_who_wants_to_die_brings_the_childrens_safety_in():
    result = zoek("moeder in Huizen zegt dat ze niet meer wil leven, haar kinderen van 3 en 6 zijn bij haar")
    assert "veiligheid" in result.vraag.themas
    assert "veilig_thuis" in [hit.id for hit in result.hits[:3]]


def test_a_child_who_wants_to_die_is_no_question_for_veilig_thuis_by_that_alone():
    assert "veiligheid" not in parse_vraag("dochter van 15 in Huizen zegt dat ze niet meer wil leven").themas


@pytest.mark.parametrize(
    "question",
    [
        "zoon van 14 in Bussum wordt door oudere jongens ingezet als koerier",
        "jongen van 15 uit Laren wordt gevraagd om drugs rond te brengen",
    ],
)
def test_a_child_used_to_run_drugs_is_exploited(question):
    result = zoek(question)
    assert {"criminaliteit", "veiligheid"} <= set(result.vraag.themas)
    assert "veilig_thuis" in [hit.id for hit in result.hits[:3]]


def test_running_drugs_without_being_used_by_others_is_crime_alone():
    assert "veiligheid" not in parse_vraag("jongen van 17 in Huizen is drugskoerier").themas


@pytest.mark.parametrize(
    "question",
    [
        "er loopt een ots en vader is het niet eens met de gezinsvoogd",
        "moeder heeft een klacht over de jeugdbeschermer, de ondertoezichtstelling loopt al een jaar",
    ],
)
def test_disagreeing_with_the_gezinsvoogd_asks_about_the_measures_own_professional(question):
    assert measure_contact_asked(parse_vraag(question))


# ------------------------------------------------------------------ leisure and the buurtteam


@pytest.mark.parametrize(
    "question",
    [
        "in de speeltuin wordt mijn dochter van 8 steeds uitgescholden, we wonen in Bussum",
        "kinderen van de overburen in Laren spelen 's avonds alleen in de speeltuin, ik maak me zorgen",
    ],
)
def test_where_children_play_is_no_leisure_wish_next_to_another_problem(question):
    assert "vrije_tijd" not in parse_vraag(question).themas


def test_children_outside_alone_late_in_the_evening_are_a_safety_worry():
    assert "veiligheid" in parse_vraag("de kinderen van 5 en 7 zijn 's avonds nog alleen buiten in Huizen").themas


def test_a_playground_asked_for_stays_leisure():
    assert "vrije_tijd" in parse_vraag("is er een speeltuin in Vleuten voor een kind van 5?").themas


def test_a_buurtteam_of_another_wijk_of_utrecht_is_not_the_familys_team():
    text = "ik werk bij het buurtteam in Lombok, het gezin woont in Overvecht: dochter van 8 is erg angstig"
    assert spoken.caller_roles(text) == ()
    own = "ik werk bij het buurtteam in Overvecht, het gezin woont ook in Overvecht: dochter van 8 is erg angstig"
    assert spoken.caller_roles(own) != ()


def test_a_buurtteam_without_a_place_is_not_sent_to_the_buurtteam():
    result = zoek("ik werk bij het buurtteam, een moeder zoekt een goede tandarts voor haar zoon")
    assert result.status == "geen_resultaat"
    assert "Algemene route: het jeugdteam of buurtteam" not in result.melding
    assert "je eigen buurtteam" in result.melding


def test_a_buurtteam_whose_own_team_is_the_entrance_hears_so():
    result = zoek("gezinswerker buurtteam Overvecht, gezin in Overvecht: de vader zoekt een tandarts")
    assert "je eigen team" in result.melding
