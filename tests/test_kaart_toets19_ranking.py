"""The sociale kaart's ranking after the nineteenth blind set (toets19, session 22: calls by other professionals that
the Vraagbaak retypes): the caller's own service is no referral."""
from __future__ import annotations

import pytest

from bot.kaart.search import zoek
from bot.kaart.spoken import caller_roles

# ------------------------------------------------------------------ 1: the caller's own service does not lead


@pytest.mark.parametrize("vraag, eigen", [
    ("Jeugdverpleegkundige Huizen: jongen van 12 wordt gepest in de klas en slaapt slecht. Wie kan helpen?",
     "jeugd_en_gezin_ggd"),
    ("jeugdverpleegkundige belt over een peuter van 3 uit Bussum: ouders hebben veel ruzie over de opvoeding",
     "jeugd_en_gezin_ggd"),
    ("JGZ-verpleegkundige, gezin in Laren: meisje van 9 is erg angstig sinds de scheiding",
     "jeugd_en_gezin_ggd"),
    ("ik ben jongerenwerker in Hilversum, jongen van 16 gokt en heeft schulden bij vrienden, waar kan hij heen?",
     "jongerenwerk_versa"),
    ("Jeugdconsulent Huizen: vader en moeder lopen vast met hun zoon van 15 met ASS, wie denkt mee?",
     "team_jeugd_huizen"),
])
def test_the_service_the_caller_works_for_is_not_among_the_first_three(vraag, eigen):
    ids = [hit.id for hit in zoek(vraag).hits]
    assert eigen not in ids[:3], ids


@pytest.mark.parametrize("vraag", [
    "Jongerenwerker gezocht voor een 16-jarige in Huizen die twijfelt over zijn geaardheid",
    "Jeugdconsulent in Hilversum voor een gezin dat jeugdhulp nodig heeft",
    "ik ben jeugdconsulent in Huizen: wie is de vaste jeugdconsulent van een school in Bussum?",
    "POH-GGZ uit Hilversum: moeder is depressief en haar zoon van 14 trekt zich terug, waar kan hij terecht?",
    "IB'er uit Bussum belt: meisje van 8 is stil sinds de scheiding",
])
def test_a_role_asked_for_or_a_role_without_a_service_of_the_kaart_is_no_callers_own(vraag):
    """Asking for a role ("jongerenwerker gezocht"), naming it again in the question, a POH-GGZ (no POH-Jeugd) and a
    caller whose work is no service of the kaart (a school) leave the ranking as it was."""
    assert caller_roles(vraag) == ()


def test_the_callers_own_service_stays_in_the_list_below_the_first_three():
    vraag = "Jeugdverpleegkundige Blaricum: ouders van een peuter van 3 met driftbuien willen een opvoedcursus."
    ids = [hit.id for hit in zoek(vraag, limit=6).hits]
    assert "opvoedcoach_ggd" in ids[:2]
    assert "jeugd_en_gezin_ggd" in ids[3:]


# ------------------------------------------------------------------ 2: a tool only when a guideline is asked for


def test_a_tool_for_professionals_nobody_asked_for_stays_out_also_for_a_school():
    result = zoek("IB'er uit Huizen: de ouders van een jongen in groep 6 zitten in een vechtscheiding en hij is "
                  "steeds boos. Wie kan helpen?")
    assert "handvatten_complexe_scheiding" not in [hit.id for hit in result.hits]


def test_a_professional_who_asks_for_a_guideline_gets_the_tool():
    result = zoek("Wijkagent Huizen: we worden steeds gebeld bij overdrachten van een vechtscheiding. Is er een "
                  "richtlijn voor mij om te zien hoe ver het geëscaleerd is?")
    assert "handvatten_complexe_scheiding" in [hit.id for hit in result.hits[:3]]


def test_being_called_about_a_divorce_is_no_framing_of_the_call():
    assert "scheiding" in zoek("we worden steeds gebeld bij overdrachten van een vechtscheiding in Laren").themas


# ------------------------------------------------------------------ 3: a parent's own need goes to help for parents


@pytest.mark.parametrize("vraag", [
    "Leerkracht uit Huizen belt: moeder van een jongen in groep 4 is sinds de scheiding erg somber en vergeet "
    "afspraken. Geen ggz, liever iets lichts voor moeder.",
    "Huisarts Bussum: gescheiden moeder voelt zich eenzaam en somber, ziet haar kinderen van 5 en 8 om het weekend en "
    "weet niet hoe ze het moederschap vorm moet geven.",
])
def test_a_somber_parent_is_not_sent_to_the_childs_poh_jeugd_first(vraag):
    hits = zoek(vraag).hits
    assert hits and hits[0].id != "poh_jeugd"


def test_no_ggz_wanted_is_no_search_for_ggz():
    result = zoek("moeder in Bussum is somber sinds de scheiding, geen ggz, liever iets laagdrempeligs")
    assert "psychisch" not in result.themas


def test_a_somber_parent_who_struggles_with_raising_the_child_is_a_question_for_parenting_support():
    result = zoek("Huisarts Huizen: vader is eenzaam en somber sinds de scheiding, wie helpt hem met het vaderschap?")
    assert result.hits[0].id in {"opvoedcoach_ggd", "team_jeugd_huizen", "toegang_jeugd_hbel", "brugfunctionaris"}


def test_fatherhood_is_parenting():
    assert "opvoeding" in zoek("wie kan een vader in Naarden helpen met het vaderschap?").themas


# ------------------------------------------------------------------ 4: a young adult goes to youth work


@pytest.mark.parametrize("vraag", [
    "Huisarts in Huizen: ouders maken zich zorgen om hun zoon van 19, hij zit op zijn kamer, geen school of werk.",
    "moeder uit Bussum vraagt wat er is voor haar dochter van 20 die somber is en met haar opleiding is gestopt",
])
def test_a_young_adult_without_school_gets_youth_work_first_and_no_service_reached_through_school(vraag):
    hits = zoek(vraag).hits
    assert hits[0].id == "jongerenwerk_versa"
    assert not {"brugfunctionaris", "schoolmaatschappelijk_werk_versa"} & {hit.id for hit in hits}


# ------------------------------------------------------------------ 5: a service reached only another way


@pytest.mark.parametrize("vraag", [
    "Jeugdverpleegkundige Huizen: meisje van 14 wordt gepest en wil met iemand praten, niet met school. Wat is er?",
    "jongen van 15 uit Hilversum blowt elke dag, hij wil hulp maar liever niet via school",
    "zoon van 12 uit Bussum wordt online gepest, ouders willen iets buiten school om",
])
def test_a_family_that_does_not_want_to_go_through_school_gets_no_service_reached_only_through_school(vraag):
    ids = {hit.id for hit in zoek(vraag).hits}
    assert not {"brugfunctionaris", "schoolmaatschappelijk_werk_versa", "jeugdcoach_vo_hilversum"} & ids


def test_not_going_to_school_is_no_way_refused():
    assert "schoolmaatschappelijk_werk_versa" in {hit.id for hit in zoek("dochter van 14 uit Huizen gaat niet naar "
                                                                          "school en zit thuis").hits}


def test_the_buurtteam_goes_before_the_volunteers_only_it_brings_in():
    ids = [hit.id for hit in zoek("Opa uit De Meern belt: kleinzoon van 11 logeert steeds vaker bij hem omdat "
                                  "moeder drinkt. Waar kan opa heen?").hits]
    assert ids[0] == "buurtteam_vleuten"
