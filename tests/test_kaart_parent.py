"""A question about a parent's own problem (debts, addiction, housing) gets help for parents first.

The kaart is about young people and families: for "vader gokt en heeft schulden" a service made for young
people (jongerenwerk, POH-Jeugd) helps the child with gambling or money, not the father. The consultant then
sees services for parents first and a note on where the parent's own help is found. When the child is the
one with the problem ("zoon van 15 blowt"), youth services stay first.
"""
from __future__ import annotations

import pytest

from bot.kaart.index import KaartIndex, default_index
from bot.kaart.models import KaartDienst
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from tests.test_kaart_ranking import BRON, LONG, ORGS
from tests.test_kaart_ranking import dienst as ranking_dienst


def dienst(id_, doelgroep, themas):
    return ranking_dienst(id_, themas, doelgroep=doelgroep)


@pytest.mark.parametrize("vraag", [
    "Vader in Huizen gokt en de schulden lopen op, er zijn twee kinderen",
    "Een vader in Laren heeft schulden en kan de schoolspullen niet betalen",
    "Huizen: gezin met huurachterstand en een zoon van 12",
    "Eh ja, een oma uit Blaricum zorgt voor haar kleindochter van 5 omdat de moeder verslaafd is",
    "schulden bij moeder in Huizen",
    "meisje van 14, haar vader drinkt veel",
    "Zoon van 16 heeft twee ouders die allebei verslaafd zijn",
])
def test_a_problem_said_of_the_parent_is_the_parents_own(vraag):
    assert parse_vraag(vraag).ouder_themas


@pytest.mark.parametrize("vraag", [
    "moeder: zoon van 15 blowt elk weekend",
    "Moeder uit Naarden, zoon van 9 is erg angstig",
    "Kortenhoef, vader zoekt hulp voor zijn angstige zoon",
    "Zoon van 16 in Blaricum steelt geld van zijn ouders en gokt online",
    "Ouders in Huizen maken zich zorgen: hun dochter van 15 drinkt veel",
])
def test_a_problem_said_of_the_child_stays_the_childs(vraag):
    assert parse_vraag(vraag).ouder_themas == []


def test_for_a_mothers_debts_help_for_parents_comes_before_jongerenwerk_in_the_real_kaart():
    result = zoek("schulden moeder Huizen")
    ids = [h.id for h in result.hits]
    # no child or school named: the municipality's way in leads (it refers the mother on), then the brugfunctionaris,
    # who helps parents with money worries and regulations, but only through a child at a school that has one
    assert ids[:2] == ["team_jeugd_huizen", "brugfunctionaris"]
    assert "jongerenwerk_versa" not in ids[:3]
    assert "ouder zelf" in result.melding and "schuldhulp" in result.melding


@pytest.mark.parametrize("vraag", [
    "moeder in Huizen heeft gokschulden",
    "vader gokt en heeft schulden, Huizen",
    "Muiderberg: ouders zijn allebei hun baan kwijt en kunnen de huur niet meer betalen",
])
def test_a_parents_own_problem_without_a_child_or_school_is_not_led_by_a_service_reached_through_school(vraag):
    hits = zoek(vraag).hits
    first = default_index().doc(hits[0].id).service
    assert first.toegang != ["via_school"] and hits[0].verwijsbaar
    assert first.algemene_toegang  # the municipality's own way in, which refers a parent on
    assert "brugfunctionaris" in [h.id for h in hits[:3]]  # still shown: it helps parents with money worries


@pytest.mark.parametrize("vraag", [
    "Gezin in Bussum met schulden",  # a family: a household with children
    "vader in Huizen heeft schulden, dochter van 8 zit op de basisschool",
    "Vader in Huizen gokt en de schulden lopen op, er zijn twee kinderen",
])
def test_with_a_child_a_family_or_school_named_the_brugfunctionaris_may_lead_on_money_worries(vraag):
    assert zoek(vraag).hits[0].id == "brugfunctionaris"


def test_a_service_reached_only_through_school_does_not_lead_a_parents_own_problem_without_a_child():
    """The principle on a kaart of its own: a school's service for parents' money worries is the one referable match
    on the theme (the other is a regulation the source hardly describes), but it reaches a parent only through a
    child at that school; the municipality's way in leads."""
    school = ranking_dienst("school_ouders", ["financien"], doelgroep=["ouder", "school"], toegang=["via_school"])
    regeling = ranking_dienst("regeling", ["financien"], doelgroep=["ouder", "gezin"], toegang=[],
                              beschrijving="Regeling.", aanbod=[], website=None)
    entrance = ranking_dienst("jeugdteam", ["jeugdhulp"], algemene_toegang=True)
    index = KaartIndex([school, regeling, entrance], ORGS)
    found = [h.id for h in zoek("moeder in Hilversum heeft schulden", index=index).hits]
    assert found[:2] == ["jeugdteam", "school_ouders"]
    # a child at school named: the school's service leads again
    child = [h.id for h in zoek("moeder in Hilversum heeft schulden, zoon van 9 zit in groep 6", index=index).hits]
    assert child[0] == "school_ouders"


def test_for_a_fathers_gambling_no_youth_service_leads_in_the_real_kaart():
    hits = zoek("Vader in Huizen gokt en de schulden lopen op, er zijn twee kinderen").hits
    assert hits[0].id == "brugfunctionaris"
    assert not {"jongerenwerk_versa", "poh_jeugd"} & {h.id for h in hits[:3]}


def test_when_the_child_is_the_subject_youth_services_stay_first_in_the_real_kaart():
    result = zoek("Huizen: zoon van 16 gokt en heeft schulden")
    assert result.hits[0].id == "jongerenwerk_versa"
    assert "ouder zelf" not in (result.melding or "")


def test_a_youth_service_is_no_match_on_the_parents_own_theme():
    youth = dienst("jongeren", ["jeugdige", "ouder"], ["financien", "verslaving"])
    parents = dienst("ouders", ["ouder", "gezin"], ["financien", "opvoeding", "taal", "wonen_werk", "vrije_tijd"])
    index = KaartIndex([youth, parents], ORGS)
    assert [h.id for h in zoek("moeder in Hilversum heeft schulden", index=index).hits] == ["ouders"]
    child = [h.id for h in zoek("in Hilversum heeft de zoon van 17 schulden", index=index).hits]
    assert child[0] == "jongeren"


def test_a_service_for_parents_themselves_is_no_match_on_the_childs_own_problem():
    """Denkles helps parents worry less; it does not help a daughter who is sombre."""
    parents = dienst("ouderprogramma", ["ouder"], ["somberheid_angst", "opvoeding"])
    child = dienst("jeugd", ["jeugdige", "ouder"], ["somberheid_angst", "psychisch", "gedrag", "gezondheid", "pesten"])
    index = KaartIndex([parents, child], ORGS)
    child = zoek("Hilversum, dochter van 13 is somber en trekt zich terug", index=index)
    assert [h.id for h in child.hits] == ["jeugd"]
    parent = zoek("moeder in Hilversum piekert veel en is somber", index=index)
    assert [h.id for h in parent.hits][0] == "ouderprogramma"


def test_real_kaart_denkles_is_not_offered_for_a_sombre_child():
    assert "denkles" not in [h.id for h in zoek("dochter 13, Bussum, somber en trekt zich terug").hits]
    # Denkles works where its source names it: Vleuten-De Meern (tests/test_kaart_user_test_s20.py)
    assert "denkles" not in [h.id for h in zoek("dochter 13, De Meern, somber en trekt zich terug").hits]
    assert "denkles" in [h.id for h in zoek("Een ouder in Vleuten piekert veel over het ouderschap").hits[:3]]


def test_a_mothers_overload_is_her_own_and_a_childs_faalangst_the_childs():
    mother = zoek("Muiden: moeder van drie is overbelast en kan het niet meer aan")
    assert mother.vraag.ouder_themas == ["prestatiedruk"]
    assert not {"poh_jeugd", "schoolmaatschappelijk_werk_versa"} & {h.id for h in mother.hits}
    child = zoek("Huizen: dochter van 11 heeft faalangst voor de cito")
    assert child.vraag.kind_themas == ["prestatiedruk"]
    assert "denkles" not in [h.id for h in child.hits]  # also not through the broader theme angst
    assert "denkles" not in [h.id for h in zoek("Vleuten: dochter van 11 heeft faalangst voor de cito").hits]


def test_an_age_without_a_person_word_makes_the_problem_the_childs():
    assert parse_vraag("Hilversum, 14-jarige is somber").kind_themas == ["somberheid_angst"]
    assert "denkles" not in [h.id for h in zoek("Hilversum, 14-jarige is somber").hits]
    assert "denkles" not in [h.id for h in zoek("Vleuten, 14-jarige is somber").hits]


def test_parents_who_worry_about_their_child_do_not_make_it_their_own_problem():
    vraag = parse_vraag("Ouders in Vleuten maken zich zorgen over de cito en het schooladvies van hun kind in groep 8")
    assert vraag.ouder_themas == [] and vraag.kind_themas == ["prestatiedruk"]
    # a mother worrying about her own debts still has her own problem
    assert parse_vraag("moeder maakt zich zorgen over haar schulden").ouder_themas == ["financien"]


def test_a_parents_death_is_the_childs_grief_not_the_parents_problem():
    assert parse_vraag("Huizen: vader is overleden, zoon van 10 heeft veel verdriet").ouder_themas == []
    assert parse_vraag("Huizen: vader is overleden, zoon van 10 heeft veel verdriet").kind_themas == [
        "somberheid_angst"
    ]


@pytest.mark.parametrize("vraag, theme", [
    ("Een vader zegt dat zijn zoon van 9 slecht slaapt, de hele avond gamet", "verslaving"),
    ("Een moeder vertelt dat haar dochter van 14 nauwelijks eet, zich terugtrekt en geen vrienden meer heeft",
     "somberheid_angst"),
])
def test_who_tells_about_a_child_does_not_make_the_childs_problem_their_own(vraag, theme):
    parsed = parse_vraag(vraag)
    assert theme in parsed.kind_themas and theme not in parsed.ouder_themas


def test_a_parent_who_tells_about_their_own_problem_keeps_it():
    assert parse_vraag("Moeder vertelt dat ze diep in de schulden zit").ouder_themas == ["financien"]


def test_the_youth_health_service_is_no_match_on_a_parents_own_problem():
    """The jeugdarts and jeugdverpleegkundige follow the child's growth and health (004, team Jeugd en Gezin): a
    mother's own anxiety is no match for them, though they are for parents too; a child's anxiety is."""
    jgz = dienst("jgz", ["ouder", "jeugdige", "school"], ["ontwikkeling", "gezondheid", "somberheid_angst"])
    parents = dienst("ouderprogramma", ["ouder"], ["somberheid_angst", "opvoeding"])
    index = KaartIndex([jgz, parents], ORGS)
    mother = {h.id: h.onderdelen for h in zoek("Hilversum: moeder heeft zelf veel last van angsten",
                                                index=index).hits}
    assert mother["ouderprogramma"]["thema"] > 0 and mother.get("jgz", {}).get("thema", 0.0) == 0.0
    child = {h.id: h.onderdelen for h in zoek("Hilversum: zoon van 7 heeft veel last van angsten", index=index).hits}
    assert child["jgz"]["thema"] > 0


def test_a_parent_who_cannot_manage_the_care_for_the_children_is_a_parenting_question():
    assert "opvoeding" in parse_vraag("Vader is net geopereerd en kan de zorg voor de kinderen niet meer aan").themas


def test_parents_alarm_about_their_child_is_no_anxiety_problem_of_their_own():
    vraag = parse_vraag("Laren: zoon van 13 is twee nachten niet thuisgekomen, de ouders zijn in paniek")
    assert "somberheid_angst" not in vraag.ouder_themas
    # a mother's own panic, with no child named, stays hers
    assert parse_vraag("moeder krijgt steeds paniek in de supermarkt").ouder_themas == ["somberheid_angst"]


@pytest.mark.parametrize("vraag, theme", [
    # who worries in one clause about what the next clause gives as the reason is not who has the problem
    ("Vader en moeder van een jongen van 14 uit Laren maken zich zorgen omdat hij steeds somberder wordt",
     "somberheid_angst"),
    ("Ouders van een dochter van 10 zijn bezorgd want ze piekert elke avond", "somberheid_angst"),
    # parents who put pressure on their child cause it; the child has it
    ("Bussum, zoon van 12: zijn ouders zetten hem erg onder druk om een goed schooladvies te halen", "prestatiedruk"),
    # a parent with whom the child lives is where, not who ("woont bij", "slaapt bij")
    ("Dochter van 9, woont nu bij haar vader in Huizen: erg somber", "somberheid_angst"),
])
def test_the_worried_the_pressing_and_the_host_parent_do_not_make_the_childs_problem_theirs(vraag, theme):
    parsed = parse_vraag(vraag)
    assert theme in parsed.kind_themas and theme not in parsed.ouder_themas


@pytest.mark.parametrize("vraag, theme", [
    ("Moeder maakt zich zorgen want ze heeft zelf grote schulden", "financien"),
    ("Vader zet zichzelf erg onder druk op zijn werk", "prestatiedruk"),
])
def test_a_parent_who_worries_about_or_presses_themselves_keeps_the_problem(vraag, theme):
    assert theme in parse_vraag(vraag).ouder_themas


def test_a_youth_service_whose_text_names_a_parents_own_problem_is_no_match_on_it():
    # the youth worker's text mentions money worries, but helps the young people, not the indebted parents
    young = KaartDienst(id="jongeren", organisatie="org", naam="Jongerenwerk", doelgroep=["jeugdige", "ouder"],
                        beschrijving=LONG + " Jongeren met geldzorgen en schulden kunnen hier binnenlopen.",
                        themas=["vrije_tijd", "verslaving"], werkgebied=["hilversum"], toegang=["direct"],
                        aanbod=["inloop"], trefwoorden=["hangjongeren"], website="https://example.org", bron=BRON)
    parents = dienst("ouderhulp", ["ouder"], ["financien"])
    index = KaartIndex([young, parents], ORGS)
    found = [h.id for h in zoek("Hilversum: ouders hebben grote schulden, er zijn drie kinderen", index=index).hits]
    assert "jongeren" not in found and found[0] == "ouderhulp"
    # the young person's own money trouble still finds it
    own = [h.id for h in zoek("Hilversum: jongen van 17 heeft schulden door online gokken", index=index).hits]
    assert "jongeren" in own


@pytest.mark.parametrize("vraag", [
    "Lunetten: vader is bang dat zijn zoon van 15 somber is",
    "moeder is bang dat haar dochter van 12 een depressie heeft",
])
def test_a_parents_fear_that_the_child_has_a_problem_of_the_same_theme_is_the_childs(vraag):
    parsed = parse_vraag(vraag)
    assert "somberheid_angst" in parsed.kind_themas and "somberheid_angst" not in parsed.ouder_themas


def test_a_parent_who_is_afraid_and_sombre_herself_keeps_the_problem():
    assert "somberheid_angst" in parse_vraag("moeder is bang en somber, haar zoon is 9").ouder_themas


def _parents_programme_and_coach():
    programme = ranking_dienst("ouderprogramma", ["opvoeding", "somberheid_angst"], doelgroep=["ouder"],
                               toegang=["via_professional"])
    coach = dienst("opvoedcoach", ["ouder", "gezin"], ["opvoeding", "gedrag"])
    return KaartIndex([programme, coach], ORGS)


@pytest.mark.parametrize("vraag", [
    "Hilversum: vader is depressief, de kinderen van 6 en 9 merken het",
    "moeder uit Hilversum heeft een paniekstoornis en twee jonge kinderen",
])
def test_a_parents_own_disorder_asks_for_support_with_raising_the_children_not_a_programme_for_worry(vraag):
    result = zoek(vraag, index=_parents_programme_and_coach())
    assert [h.id for h in result.hits][0] == "opvoedcoach"
    assert "ouder zelf" in (result.melding or "")  # and the huisarts refers the parent


def test_a_parent_who_worries_about_parenting_keeps_the_programme_for_worry():
    result = zoek("moeder in Hilversum piekert de hele dag of ze het goed doet", index=_parents_programme_and_coach())
    assert [h.id for h in result.hits][0] == "ouderprogramma"


def test_real_kaart_a_grandmother_caring_while_the_mother_is_in_a_clinic_finds_the_opvoedcoach():
    ids = [h.id for h in zoek("Laren: opa zorgt voor de kinderen van 5 en 8 omdat hun moeder in een kliniek ligt").hits]
    assert "opvoedcoach_ggd" in ids[:3] and "denkles" not in ids[:3]
