"""Danger told in everyday words (session 26): what a neighbour, a grandparent or a sports coach says about violence
or neglect is a danger signal of the intake's vocabulary (``signalen.yml``), so the kaart puts Veilig Thuis among the
first three; a child who hits other children on the playground is no such signal. A service a family reaches only
through school does not lead a family's question that involves no school, and vandalism finds Bureau Halt."""
from __future__ import annotations

import pytest

from bot.intake.danger import danger_in
from bot.kaart.ages import only_through_school
from bot.kaart.index import default_index
from bot.kaart.search import zoek


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


def top_ids(text, n=3):
    return [hit.id for hit in zoek(text, limit=5).hits[:n]]


# ------------------------------------------------------------------ 1: violence and neglect in everyday words

@pytest.mark.parametrize("text", [
    "Vannacht hoorde ik bij de buren weer klappen en daarna huilde hun dochtertje lang.",
    "Door de muur horen we geschreeuw en klappen, de jongens van hiernaast zijn pas 5 en 7.",
    "Als wijkagent ben ik al vier keer bij dat gezin geweest voor ruzie, er wonen drie kinderen.",
    "Zijn ouders hebben vaak ruzie en dan smijt zijn vader met borden, zegt de jongen van 10.",
])
def test_violence_told_by_a_neighbour_or_a_child_is_a_danger_signal(text):
    assert "gevaar_geweld" in danger_ids(text), text


@pytest.mark.parametrize("text", [
    "De twee kleintjes van de overkant lopen om elf uur 's avonds nog alleen buiten en hun vader is vaak dronken.",
    "Het kindje van de bovenburen krijst al uren en er is niemand thuis, ik hoor geen volwassene.",
    "Het meisje van 9 uit mijn turngroep komt zonder eten naar de les en haar schoenen zijn helemaal versleten.",
    "De jongens van hiernaast hebben steeds honger en hun ouders zien we nauwelijks.",
])
def test_neglect_told_by_a_neighbour_or_a_coach_is_a_danger_signal(text):
    assert "gevaar_signalen_mishandeling" in danger_ids(text), text


@pytest.mark.parametrize("text", [
    # a parent's own crying baby and tiredness, a family without money, a toddler's tantrum: no danger
    "Onze zoon van vier maanden huilt uren achter elkaar en ik ben doodmoe.",
    "We hebben geen geld, de schoenen van onze dochter zijn kapot en haar jas is te klein.",
    "Mijn zoontje van 3 gooit met spullen als hij ruzie heeft met zijn zusje.",
    # a child who hits other children at school or on the playground shows behaviour
    "De meester belt dat onze dochter van 7 andere kinderen slaat op het schoolplein.",
    "Mijn zoon van 9 slaat op het plein en is thuis ook snel boos.",
    # a teenager out late is no young child alone outside
    "Onze dochter van 15 blijft tot laat buiten en daar hebben we thuis ruzie over.",
])
def test_everyday_worries_are_no_danger_signal(text):
    assert not ({"gevaar_geweld", "gevaar_signalen_mishandeling"} & danger_ids(text)), text


@pytest.mark.parametrize("text", [
    "Ik woon in Hilversum en hoor bij de buren elke week klappen en een kind dat huilt. Wie kan ik bellen?",
    "Opa uit Huizen: de kinderen van 4 en 6 van mijn buren lopen 's avonds laat alleen buiten, de moeder is vaak "
    "dronken.",
    "Ik ben voetbaltrainer in Hilversum. Een jongen van 10 komt steeds zonder eten en zijn kleren zijn te klein en "
    "kapot.",
])
def test_the_kaart_puts_veilig_thuis_in_the_first_three_for_danger_in_everyday_words(text):
    assert "veilig_thuis" in top_ids(text), (text, top_ids(text, 5))


@pytest.mark.parametrize("text", [
    "De juf zegt dat mijn zoon van 8 in Huizen andere kinderen slaat op het plein. Wat kan ik doen?",
    "Onze dochter van 6 uit Hilversum slaat op het schoolplein, thuis gaat het goed. Waar kunnen we terecht?",
])
def test_hitting_on_the_playground_brings_no_veilig_thuis(text):
    assert "veilig_thuis" not in top_ids(text, 5), (text, top_ids(text, 5))


# ------------------------------------------------------------------ 2: school-bound services need a school

def school_only(service_id):
    return only_through_school(default_index().doc(service_id).service)


@pytest.mark.parametrize("text", [
    "Mijn dochter en haar man gaan scheiden. De kleinkinderen van 7 en 9 in Laren hebben er veel verdriet van, "
    "wie kan hen helpen?",
    "Een oma uit Huizen: haar kleinzoon van 10 schopt zijn moeder als hij boos wordt. Waar kan mijn dochter heen?",
])
def test_a_school_bound_service_does_not_lead_a_family_question_without_school(text):
    first = top_ids(text, 1)
    assert first and not school_only(first[0]), (text, top_ids(text, 5))


def test_a_school_bound_service_stays_for_a_question_about_school():
    text = "De mentor van mijn zoon van 13 op zijn school in Huizen zegt dat hij in de klas steeds somber is."
    assert any(school_only(service_id) for service_id in top_ids(text)), top_ids(text, 5)


# ------------------------------------------------------------------ 3: vandalism finds Bureau Halt

@pytest.mark.parametrize("text", [
    "Wijkagent Bussum: jongens van 13 hebben bij de sporthal fietsen vernield. Wat is er voor hen?",
    "Twee jongens van 14 uit Hilversum hebben bij het station fietsen vernield, hun ouders vragen wat er nu gebeurt.",
])
def test_vandalism_finds_bureau_halt(text):
    assert "bureau_halt" in top_ids(text), (text, top_ids(text, 5))


# ------------------------------------------------------------------ 4: help close to home is where, not what

@pytest.mark.parametrize("text", [
    "Onze zoon van 6 is meervoudig gehandicapt en wij zijn uitgeput. Is er in De Meern of in de buurt een plek waar "
    "hij kan logeren?",
    "Mijn dochter van 5 heeft een verstandelijke beperking en ik ben op. Bestaat er in Vleuten of in de buurt "
    "logeeropvang?",
])
def test_asking_for_help_in_the_neighbourhood_does_not_put_a_service_of_the_buurtteam_first(text):
    hits = zoek(text, limit=5).hits
    assert hits and default_index().doc(hits[0].id).service.toegang != ["via_buurtteam"], [h.id for h in hits]
