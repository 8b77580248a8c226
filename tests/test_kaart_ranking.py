"""Ranking principles of the kaart search, each on a small directory built for it plus the real kaart.

- a service made for the asked theme ranks above a broad service that also lists it;
- a sport, culture or leisure group ranks below help for a problem question, but not when the
  question is about vrije tijd or comes from a club;
- a provider the source only names ranks below a service the source describes, on the same theme;
- everyday verbs ("maken") alone do not make a hit;
- a professional speaking of "een gezin" or asking "wie denkt mee" is no family asking for itself;
- a question that repeats three words of an entry's name in order names it (a pilot then shows, not first);
- when few services fit a family's question, the general entrance of the place is added, saying why;
- no two services with the same role (two ways into youth care of one place) in the top 3 when another fits;
- the place's own way into youth care is among the first three for a family's problem, unless three services made
  for the problem fill them at school or for a question about growth; of two own ways in, the one that covers
  more, also when it ranked below the results shown; a question naming no problem shows both;
- a question about a young child or about growth, health or bullying has the youth health service (JGZ) among
  the first three, second; an age up to four reads as a young child;
- a service a family reaches only through school comes after one it reaches itself for a problem at home, its text
  on the problem counting as little as its theme; so does youth care that follows a referral (KOOS) when the family
  does not ask for youth care;
- an ordinary search word of one school's offer does not lift it; a school-bound service fits only a child at
  that kind of school;
- when few services fit a question about a young person (12 or older), the youth work of the place comes after the
  general entrance.
"""
from __future__ import annotations

from bot.kaart.index import KaartIndex
from bot.kaart.kinds import bekend
from bot.kaart.models import KaartDienst, KaartOrganisatie
from bot.kaart.scoring import theme_strength
from bot.kaart.search import zoek
from bot.knowledge.base import Bron

BRON = Bron(document="004 (test)", sectie="test")
ORGS = {"org": KaartOrganisatie(id="org", naam="Testorganisatie", bron=BRON)}


def orgs_with(*names):
    """``ORGS`` plus one test organisation per name (its id and name)."""
    return {**ORGS, **{o: KaartOrganisatie(id=o, naam=o, bron=BRON) for o in names}}


LONG = ("Ouders en jongeren kunnen hier terecht voor gesprekken, advies en begeleiding; de medewerkers denken mee "
        "en verwijzen zo nodig door naar passende hulp in de buurt.")


def dienst(id_, themas, **extra):
    fields = dict(id=id_, organisatie="org", naam=f"Dienst {id_}", beschrijving=LONG, doelgroep=["ouder", "jeugdige"],
                  themas=themas, werkgebied=["hilversum"], toegang=["direct"], aanbod=["gesprekken"],
                  trefwoorden=["hulp"], website="https://example.org", bron=BRON)
    fields.update(extra)
    return KaartDienst(**fields)


def ranked(services, vraag, **kwargs):
    return [h.id for h in zoek(vraag, index=KaartIndex(services, ORGS), **kwargs).hits]


def found_ids(vraag, **kwargs):
    """The ids of the services ``zoek`` finds for ``vraag``, in order."""
    return [h.id for h in zoek(vraag, **kwargs).hits]


def test_a_service_for_the_theme_ranks_above_a_broad_one():
    broad = dienst(
        "breed", ["financien", "opvoeding", "taal", "pesten", "wonen_werk", "vrije_tijd", "scheiding", "gedrag"]
    )
    specific = dienst("specifiek", ["financien", "opvoeding"])
    assert theme_strength(specific, "financien") > theme_strength(broad, "financien")
    assert ranked([broad, specific], "moeder in Hilversum heeft schulden")[0] == "specifiek"
    # same breadth: both count fully, and the order falls back to the other parts (here the id)
    assert theme_strength(dienst("a", ["financien"]), "financien") == theme_strength(specific, "financien") == 1.0


def test_a_theme_far_down_a_services_list_counts_less():
    first = dienst("eerst", ["verslaving", "gedrag", "opvoeding", "pesten"])
    last = dienst("laatst", ["gedrag", "opvoeding", "pesten", "verslaving"])
    assert theme_strength(first, "verslaving") > theme_strength(last, "verslaving")
    assert theme_strength(first, "taal") == 0.0


def test_a_leisure_group_ranks_below_help_for_a_familys_problem():
    club = dienst("club", ["vrije_tijd", "prestatiedruk"], trefwoorden=["sport", "club"])
    team = dienst("team", ["opvoeding", "somberheid_angst", "prestatiedruk", "jeugdhulp"])
    assert ranked([club, team], "Meisje van 14 uit Hilversum heeft last van prestatiedruk")[0] == "team"
    assert ranked([club, team], "Veel prestatiedruk in Hilversum, wie kan helpen?")[0] == "team"
    # a question about vrije tijd itself still finds the club first
    assert ranked([club, team], "Sportclub in Hilversum wil prestatiedruk bij leden bespreekbaar maken")[0] == "club"


def test_a_provider_the_source_only_names_ranks_below_a_described_one():
    named = dienst("genoemd", ["jonge_kind"], beschrijving="Kleine aanbieder in de regio.", aanbod=[], toegang=[],
                   trefwoorden=[], website=None, doelgroep=["gezin"])
    described = dienst("beschreven", ["opvoeding", "jonge_kind", "gedrag"])
    assert bekend(described) == 1.0 and bekend(named) == 0.0
    assert ranked([named, described], "ouders met een baby in Hilversum zoeken steun")[0] == "beschreven"


def test_everyday_verbs_alone_are_no_match():
    club = dienst("club", ["vrije_tijd"], beschrijving="Jongeren maken samen muziek en theater. " + LONG)
    assert ranked([club], "ouders in Hilversum maken zich zorgen over het schooladvies") == []


def test_real_kaart_faalangst_in_vleuten_gets_help_before_clubs():
    result = zoek("Meisje van 14 uit Vleuten heeft last van faalangst en prestatiedruk")
    top3 = [h.id for h in result.hits[:3]]
    assert top3[0] == "buurtteam_vleuten"
    assert not {"cultuur19", "fletiomare", "sportutrecht", "klub19_jamavond"} & set(top3)


def test_real_kaart_small_providers_do_not_lead_a_jeugdhulp_question():
    result = zoek("Gezin in Bussum heeft jeugdhulp nodig")
    assert result.hits[0].id in {"jeugdteam_gooise_meren", "vraagbaak_consulent_jeugd_gooise_meren"}
    assert "knoest_jeugdhulp_bussum" not in [h.id for h in result.hits[:2]]


def test_a_professional_asking_about_a_family_is_no_family_asking_itself():
    consult = dienst(
        "consult", ["vastgelopen_hulp", "verblijf"], doelgroep=["professional"], toegang=["via_professional"]
    )
    family = dienst("gezinshulp", ["jeugdhulp", "vastgelopen_hulp"], doelgroep=["gezin", "jeugdige"])
    index = KaartIndex([consult, family], ORGS)

    def doelgroep_part(vraag):
        return {h.id: h.onderdelen["doelgroep"] for h in zoek(vraag, index=index).hits}["consult"]

    # "een gezin" and "wie denkt mee" are how a professional speaks: no push-down of a consultation
    assert doelgroep_part("De hulp aan een gezin in Hilversum is vastgelopen") >= 0.0
    assert doelgroep_part("Dreigende uithuisplaatsing van een jongere in Hilversum, wie denkt mee?") >= 0.0
    # a parent asking for themselves: a professionals-only service is pushed down, the family's help leads
    assert doelgroep_part("Ik ben moeder in Hilversum en de hulp aan mijn zoon is vastgelopen") == -1.0
    assert found_ids("Ik ben moeder in Hilversum en de hulp aan mijn zoon is vastgelopen", index=index)[
        0
    ] == "gezinshulp"


def test_a_pilot_named_by_a_run_of_its_name_is_shown_but_not_first():
    result = zoek("Basisschoolkind met gedragsproblemen, kan er GGZ-hulp op school komen?", gemeente="hilversum")
    found = [h.id for h in result.hits]
    assert "uniek_in_school" in found[:3]
    assert result.hits[0].verwijsbaar and result.hits[0].id != "uniek_in_school"
    # one word of the name ("ggz") is not naming it: a family question keeps the pilot back
    assert "uniek_in_school" not in [
        h.id for h in zoek("Kind met gedragsproblemen, GGZ nodig", gemeente="hilversum").hits
    ]


def test_school_tests_and_advice_are_read_as_prestatiedruk():
    from bot.kaart.query import parse_vraag

    assert "prestatiedruk" in parse_vraag("zorgen over de cito en het schooladvies in groep 8").themas


def test_few_hits_for_a_family_add_the_general_entrance_with_a_reason():
    youth = dienst("jongerenwerk", ["verslaving"], werkgebied=["gooi_en_vechtstreek"])
    entrance = dienst("jeugdteam", ["jeugdhulp"], werkgebied=["wijdemeren"], algemene_toegang=True)
    index = KaartIndex([youth, entrance], ORGS)
    result = zoek("dochter van 15 uit Kortenhoef drinkt veel", index=index)
    assert [h.id for h in result.hits] == ["jongerenwerk", "jeugdteam"]
    assert result.hits[1].waarom.startswith("Algemene ingang van deze plaats")
    # a professional's question without a family in it gets only what fits
    assert found_ids("alcohol en drugs in Kortenhoef", index=index) == ["jongerenwerk"]


def test_a_family_question_without_a_recognised_problem_gets_the_general_entrance():
    """Nothing in the kaart fits, but a parent asks: the consultant sees the entrance, with a note, not nothing."""
    entrance = dienst("buurtteam", ["jeugdhulp"], werkgebied=["hilversum"], algemene_toegang=True)
    result = zoek("moeder in Hilversum wil graag een vrijwilliger die een paar uur per week meehelpt",
                  index=KaartIndex([entrance], ORGS))
    assert [h.id for h in result.hits] == ["buurtteam"]
    # no problem recognised: it says so, not that the place has no service (a user test, session 20)
    assert "nog geen probleem" in result.melding and "algemene ingang" in result.melding
    # the real kaart: a wijk of Utrecht outside Vleuten gets the buurtteam, which works in all of Utrecht
    real = zoek("Terwijde, moeder wil graag een vrijwilliger die een paar uur per week meehelpt in het gezin")
    assert [h.id for h in real.hits] == ["buurtteam_vleuten"]


def test_a_leisure_groups_text_about_the_problem_counts_half_like_its_theme():
    club = dienst("club", ["vrije_tijd", "prestatiedruk"], trefwoorden=["prestatiedruk", "sport"],
                  beschrijving="Sportclub die let op prestatiedruk en druk om te presteren bij jonge leden. " + LONG)
    health = dienst("jgz", ["gezondheid", "ontwikkeling", "somberheid_angst", "prestatiedruk"])
    assert ranked([club, health], "puber 14 in Hilversum ervaart veel prestatiedruk")[0] == "jgz"
    # a club asking about its own members still finds the club (the hockeyclub is no family)
    assert ranked([club, health], "de hockeyclub in Hilversum ziet dat jeugdleden onder druk staan")[0] == "club"


def test_real_kaart_prestatiedruk_in_vleuten_gets_help_and_health_care_before_clubs():
    top3 = [h.id for h in zoek("puber 14 in Vleuten ervaart veel prestatiedruk").hits[:3]]
    assert "jgz_vleuten" in top3
    assert not {"cultuur19", "fletiomare", "sportutrecht", "klub19_jamavond"} & set(top3)


def test_when_the_best_fit_has_no_known_route_the_general_entrance_leads():
    """A provider the source only names (no route, no contact) is no first referral: the entrance is."""
    named = dienst("genoemd", ["leren"], beschrijving="Aanbieder in de regio.", aanbod=[], toegang=[],
                   trefwoorden=[], website=None, doelgroep=["jeugdige"])
    entrance = dienst("jeugdteam", ["jeugdhulp"], algemene_toegang=True)
    result = zoek("Hilversum: kind van 7 leest heel moeizaam", index=KaartIndex([named, entrance], ORGS))
    assert [h.id for h in result.hits] == ["jeugdteam", "genoemd"]
    assert result.hits[0].waarom.startswith("Algemene ingang van deze plaats")


def test_one_way_into_youth_care_is_enough_when_a_specific_service_fits():
    # two general entrances of one place (the municipality's team and the regional toegang) both fit, but a
    # specific service for the problem takes the third place; the second entrance moves down, not out
    team = dienst("team_gemeente", ["jeugdhulp", "scheiding", "opvoeding"], algemene_toegang=True,
                  organisatie="gemeente", werkgebied=["huizen"])
    toegang = dienst("toegang_regio", ["jeugdhulp", "scheiding"], algemene_toegang=True, werkgebied=["hbel"],
                     organisatie="regio")
    praatgroep = dienst("praatgroep", ["scheiding"], organisatie="welzijn", werkgebied=["huizen"])
    omgang = dienst("omgangshuis", ["scheiding", "opvoeding", "gedrag"], organisatie="omgang", werkgebied=["huizen"])
    names = ("gemeente", "regio", "welzijn", "omgang")
    index = KaartIndex([team, toegang, praatgroep, omgang],
                       orgs_with(*names))
    vraag = "Huizen: na de scheiding wil de zoon van 11 zijn vader niet meer zien"
    found = found_ids(vraag, index=index)
    assert len({"team_gemeente", "toegang_regio"} & set(found[:3])) == 1
    assert {"praatgroep", "omgangshuis"} <= set(found[:3]) and len(found) == 4
    # a question about the way in itself keeps both entrances at the top
    asked = found_ids("Huizen: hoe krijgt een gezin toegang tot jeugdhulp na een scheiding?", index=index)
    assert {"team_gemeente", "toegang_regio"} <= set(asked[:2])


def test_real_kaart_one_entrance_for_a_divorce_question_in_huizen():
    top3 = [h.id for h in zoek("Huizen: sinds de scheiding ziet de zoon van 11 zijn vader bijna niet meer").hits[:3]]
    assert "team_jeugd_huizen" in top3 and "toegang_jeugd_hbel" not in top3


def test_the_added_entrance_is_the_places_own_one_per_role_and_comes_before_services_for_professionals():
    orgs = orgs_with("gemeente", "regio", "ggd")
    balie = dienst("balie", ["jeugdhulp", "opvoeding"], algemene_toegang=True, organisatie="gemeente")
    regio = dienst("regioloket", ["jeugdhulp"], algemene_toegang=True, werkgebied=["gooi_en_vechtstreek"],
                   organisatie="regio")
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid"], algemene_toegang=True, werkgebied=["gooi_en_vechtstreek"],
                 organisatie="ggd", leeftijd_min=0, leeftijd_max=18)
    collega = dienst("collegaoverleg", ["samenwerking"], doelgroep=["professional"],
                     beschrijving=LONG + " Voor professionals die willen meedenken over een gezin.")
    index = KaartIndex([collega, regio, jgz, balie], orgs)
    hits = zoek("Moeder uit Hilversum zoekt iemand die meedenkt over haar zoon van 8", index=index).hits
    found = [h.id for h in hits]
    # the municipality's own way into youth care, not the regional one as well; the health service is another role
    assert found[:2] == ["balie", "jgz"] and "regioloket" not in found
    assert found[-1] == "collegaoverleg"
    assert hits[0].waarom.startswith("Algemene ingang van deze plaats")



def test_the_ways_in_made_for_a_municipality_both_join_a_vague_question_the_regional_one_does_not():
    orgs = orgs_with("gemeente", "regio", "hbel", "ggd")
    team = dienst("team", ["jeugdhulp", "opvoeding"], algemene_toegang=True, organisatie="gemeente",
                  werkgebied=["huizen"])
    toegang = dienst("toegang", ["jeugdhulp", "opvoeding"], algemene_toegang=True, organisatie="hbel",
                     werkgebied=["hbel"])
    regio = dienst("regioloket", ["jeugdhulp"], algemene_toegang=True, werkgebied=["gooi_en_vechtstreek"],
                   organisatie="regio")
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid"], algemene_toegang=True, werkgebied=["gooi_en_vechtstreek"],
                 organisatie="ggd", leeftijd_min=0, leeftijd_max=18)
    index = KaartIndex([regio, jgz, toegang, team], orgs)
    found = [h.id for h in zoek("Huizen: moeder weet niet waar ze moet beginnen met haar zoon van 8",
                                index=index).hits]
    # the family may start at the municipality's Team Jeugd or at the toegang of its group of municipalities
    assert {"team", "toegang"} <= set(found[:3]) and "regioloket" not in found[:3]


def test_home_is_no_search_word_a_vague_question_about_things_at_home_does_not_find_veilig_thuis():
    # "thuis" names where the trouble is, not the safety service whose name has the word
    found = found_ids("Muiderberg, een moeder belt: ze weet niet goed wat ze vraagt, het loopt thuis gewoon niet "
                      "lekker met haar drie kinderen")
    assert "veilig_thuis" not in found[:3] and found[0] in {"jeugdteam_gooise_meren",
                                                             "vraagbaak_consulent_jeugd_gooise_meren"}
    assert found_ids("Bussum: ik twijfel of ik Veilig Thuis moet bellen over een kind van 6")[0] == "veilig_thuis"

def test_a_professionals_only_services_text_counts_half_for_a_familys_question():
    consult = dienst("consult", ["samenwerking"], doelgroep=["professional"],
                     beschrijving=LONG + " Meedenken over vastgelopen thuissituaties.")
    parts = {h.id: h.onderdelen for h in zoek("Moeder uit Hilversum: de thuissituatie is vastgelopen",
                                              index=KaartIndex([consult], ORGS)).hits}["consult"]
    assert parts["doelgroep"] == -1.0 and parts["tekst"] == 0.5


def test_of_two_ways_in_of_one_place_the_one_that_covers_more_stays():
    orgs = {**ORGS, "gemeente": KaartOrganisatie(id="gemeente", naam="Gemeente", bron=BRON)}
    balie = dienst("balie", ["jeugdhulp", "opvoeding"], algemene_toegang=True, organisatie="gemeente")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    cursus = dienst("opvoedcursus", ["opvoeding"])
    index = KaartIndex([balie, team, cursus], orgs)
    vraag = "Ouders in Hilversum willen hulp bij de opvoeding van hun zoon van 6"
    found = found_ids(vraag, index=index)
    # the front desk alone scores higher (fewer themes), but the team that takes every question of a family stays
    assert "jeugdteam" in found[:2] and found[2] == "balie"


def test_the_places_own_way_into_youth_care_is_among_the_first_three_for_a_childs_problem():
    # the professional reading the first three must also see where the family can go in, unless three services
    # made for the problem fill them; the service in third place then moves down, not out
    orgs = orgs_with("gemeente", "a", "b", "c")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    beide = dienst("angst_en_pesten", ["somberheid_angst", "pesten"], organisatie="a")
    angst = dienst("angst", ["somberheid_angst"], organisatie="b")
    pesten = dienst("pesten", ["pesten"], organisatie="c")
    vraag = "Hilversum: dochter van 13 heeft paniekaanvallen sinds ze wordt gepest"
    found = found_ids(vraag, index=KaartIndex([beide, angst, pesten, team], orgs))
    assert found[0] == "angst_en_pesten" and found[2] == "jeugdteam" and {found[1], found[3]} == {"angst", "pesten"}
    # three services made for both problems of a child at school: they keep the first three (at school the
    # youth health service and the school's own help are the way in, see the next tests)
    also = [dienst(f"beide_{o}", ["somberheid_angst", "pesten"], organisatie=o) for o in ("b", "c")]
    index = KaartIndex([beide, *also, team], orgs)
    at_school = "Hilversum: dochter van 13 heeft paniekaanvallen sinds ze in de klas wordt gepest"
    assert "jeugdteam" not in found_ids(at_school, index=index)[:3]
    # the same three for a problem at home: the family's own way into youth care still joins them, third
    found = found_ids(vraag, index=index)
    assert found[2] == "jeugdteam" and len(found) == 4


def test_an_ordinary_search_word_of_one_schools_offer_does_not_lift_it_above_services_for_every_family():
    orgs = orgs_with("lyceum", "buurt")
    lessen = dienst("faalangstlessen", ["prestatiedruk", "somberheid_angst"], organisatie="lyceum",
                    naam="Faalangstlessen (Berglyceum)", een_school="Berglyceum", schooltype="vo",
                    toegang=["via_school"], trefwoorden=["rapport", "proefwerk"])
    buurt = dienst("buurtteam", ["opvoeding", "somberheid_angst", "prestatiedruk", "jeugdhulp"], organisatie="buurt")
    index = KaartIndex([lessen, buurt], orgs)
    found = found_ids("Hilversum: zoon van 13 heeft faalangst voor elk proefwerk", index=index)
    assert found == ["buurtteam", "faalangstlessen"]
    # naming the school lifts its offer
    named = found_ids("Hilversum: zoon van 13 op het Berglyceum is bang voor elk proefwerk", index=index)
    assert named[0] == "faalangstlessen"


def test_a_service_for_one_kind_of_school_fits_only_a_child_at_that_kind_of_school():
    orgs = orgs_with("vo", "po")
    coach_vo = dienst("coach_vo", ["gedrag"], organisatie="vo", schooltype="vo", toegang=["via_school"])
    coach_po = dienst("coach_po", ["gedrag"], organisatie="po", schooltype="po", toegang=["via_school"])
    index = KaartIndex([coach_vo, coach_po], orgs)
    # twelve fits both age ranges; the school year says which school the child is at
    assert found_ids("Hilversum: meisje van 12 in groep 8 heeft woedebuien", index=index) \
        == ["coach_po"]
    assert found_ids("Hilversum: brugklasser van 12 heeft woedebuien", index=index) \
        == ["coach_vo"]
    assert {h.id for h in zoek("Hilversum: kind van 12 heeft woedebuien", index=index).hits} \
        == {"coach_po", "coach_vo"}


def test_of_two_own_ways_in_the_one_that_covers_more_joins_the_first_three():
    orgs = orgs_with("gemeente", "a", "b", "c")
    vraagbaak = dienst("vraagbaak", ["jeugdhulp", "opvoeding", "vastgelopen_hulp"], algemene_toegang=True,
                   organisatie="gemeente")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    beide = dienst("geld_en_school", ["financien", "schoolverzuim"], organisatie="a")
    geld = dienst("geld", ["financien"], organisatie="b")
    school = dienst("school", ["schoolverzuim"], organisatie="c")
    vraag = "Hilversum: door de schulden thuis gaat de zoon van 10 vaak niet naar school"
    found = found_ids(vraag, index=KaartIndex([beide, geld, school, vraagbaak, team], orgs))
    assert found[2] == "jeugdteam" and "vraagbaak" not in found[:3]


def test_a_question_that_names_no_problem_shows_every_own_way_in_of_the_place():
    orgs = {**ORGS, "gemeente": KaartOrganisatie(id="gemeente", naam="Gemeente", bron=BRON)}
    vraagbaak = dienst("vraagbaak", ["jeugdhulp", "opvoeding", "vastgelopen_hulp"], algemene_toegang=True,
                       organisatie="gemeente")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    index = KaartIndex([vraagbaak, team], orgs)
    found = found_ids("Hilversum: een gezin met van alles tegelijk, waar begin ik?", index=index)
    assert set(found) == {"vraagbaak", "jeugdteam"}


def _growth_index():
    orgs = orgs_with("gemeente", "ggd", "a", "b", "c")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    # the youth health service: growth and health first, and broad, so on its own score it stays below
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid", "gedrag", "pesten", "opvoeding", "jonge_kind", "psychisch",
                         "somberheid_angst", "veiligheid"], algemene_toegang=True, organisatie="ggd",
                 werkgebied=["gooi_en_vechtstreek"], leeftijd_min=0)
    specific = [dienst(f"peuterhulp_{o}", ["jonge_kind", "opvoeding"], organisatie=o) for o in ("a", "b", "c")]
    return KaartIndex([*specific, team, jgz], orgs)


def test_a_question_about_a_young_child_has_the_youth_health_service_second():
    # 004: parents can always ask team Jeugd en Gezin about growth and development (speech, food, toilet training);
    # the jeugdarts sees a child from birth. Three services made for toddlers fit better on score, yet the
    # professional reading the first three sees the health service as the family's way in
    found = found_ids("Hilversum: moeder vraagt wat ze moet doen, haar peuter van 2 zegt nog bijna niets",
                      index=_growth_index())
    assert found[0].startswith("peuterhulp_") and found[1] == "jgz"
    assert "jeugdteam" not in found[:3]


def test_bullying_outside_school_has_the_youth_health_service_in_the_first_three():
    orgs = orgs_with("ggd", "a", "b", "c")
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid", "gedrag", "pesten", "opvoeding", "jonge_kind", "psychisch",
                         "somberheid_angst", "veiligheid"], algemene_toegang=True, organisatie="ggd",
                 werkgebied=["gooi_en_vechtstreek"], leeftijd_min=0)
    specific = [dienst(f"tegen_pesten_{o}", ["pesten"], organisatie=o) for o in ("a", "b", "c")]
    found = found_ids("Hilversum: jongen van 10 wordt in de buurt steeds uitgelachen en gepest",
                      index=KaartIndex([*specific, jgz], orgs))
    assert found[1] == "jgz"


def test_a_problem_at_home_has_the_municipal_entrance_not_only_the_health_service():
    # a ten-year-old who is gloomy at home: the specific service first, then the family's own way into youth care
    # (the jeugdteam), also when the health service fits the theme as well
    orgs = orgs_with("gemeente", "ggd", "a", "b")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid", "somberheid_angst"], algemene_toegang=True, organisatie="ggd",
                 werkgebied=["gooi_en_vechtstreek"], leeftijd_min=0)
    praten = [dienst(f"praten_{o}", ["somberheid_angst"], organisatie=o) for o in ("a", "b")]
    found = found_ids("Hilversum: zoon van 10 is al weken somber en huilt thuis veel",
                      index=KaartIndex([*praten, jgz, team], orgs))
    assert found[2] == "jeugdteam" and len(found) == 4


def test_a_question_mentions_school_by_a_school_word_not_by_the_problem_alone():
    from bot.kaart.query import school_mentioned

    assert school_mentioned("de mentor belde: ze zit in de klas alleen maar te huilen")
    assert school_mentioned("hij zit op de middelbare en haalt slechte cijfers")
    assert school_mentioned("de juf ziet dat ze niet eet")
    assert not school_mentioned("zoon van 9 is somber en huilt veel thuis")
    assert not school_mentioned("dochter van 12 wordt op de sportclub gepest")


def test_an_age_up_to_four_is_a_question_about_a_young_child():
    # "zoon van 3" says what "peuter" says: a service for families with young children fits, also without that word
    orgs = orgs_with("a", "b")
    jonge_kind = dienst("gezinnen_jonge_kinderen", ["jonge_kind", "opvoeding"], organisatie="a")
    slaap = dienst("slaapspreekuur", ["gezondheid"], organisatie="b")
    found = found_ids("Hilversum: zoon van 3 slaapt al weken heel onrustig",
                      index=KaartIndex([jonge_kind, slaap], orgs))
    assert "gezinnen_jonge_kinderen" in found
    older = found_ids("Hilversum: zoon van 9 slaapt al weken heel onrustig",
                      index=KaartIndex([jonge_kind, slaap], orgs))
    assert "gezinnen_jonge_kinderen" not in older


def test_the_own_way_in_shown_is_the_one_that_covers_more_also_when_the_first_three_are_full():
    orgs = orgs_with("gemeente", "ggd", "a")
    vraagbaak = dienst("vraagbaak", ["jeugdhulp", "opvoeding", "vastgelopen_hulp"], algemene_toegang=True,
                       organisatie="gemeente")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    jgz = dienst("jgz", ["ontwikkeling", "gezondheid", "opvoeding"], algemene_toegang=True, organisatie="ggd",
                 werkgebied=["gooi_en_vechtstreek"], leeftijd_min=0)
    coach = dienst("opvoedcoach", ["opvoeding", "jonge_kind"], organisatie="a")
    found = found_ids("Hilversum: moeder van een peuter van 2 loopt vast in de opvoeding",
                      index=KaartIndex([coach, vraagbaak, team, jgz], orgs))
    # the front desk scores higher on its own (fewer themes); the team that takes every question is the one shown
    assert "jeugdteam" in found[:3] and "vraagbaak" not in found[:3]


def test_a_service_reached_only_through_school_comes_after_one_the_family_reaches_itself_for_a_problem_at_home():
    # the school's social worker is made for the problem, the GP's youth worker fits a little less; for a daughter
    # who is gloomy at home the family goes to the GP first, for one who cries in class the school's help leads
    orgs = orgs_with("school", "huisarts")
    smw = dienst("schoolwerk", ["somberheid_angst"], organisatie="school", toegang=["via_school"])
    poh = dienst("praktijkondersteuner", ["gedrag", "psychisch", "gezondheid", "pesten", "somberheid_angst"],
                 organisatie="huisarts", toegang=["via_huisarts"])
    index = KaartIndex([smw, poh], orgs)
    home = found_ids("Hilversum: dochter van 13 is al weken somber en huilt veel", index=index)
    assert home == ["praktijkondersteuner", "schoolwerk"]
    school = found_ids("Hilversum: dochter van 13 is somber en huilt veel in de klas", index=index)
    assert school == ["schoolwerk", "praktijkondersteuner"]
    # a school or professional asking is not demoted either
    asked = found_ids("De mentor belt: een meisje van 13 uit Hilversum is al weken somber", index=index)
    assert asked[0] == "schoolwerk"


def test_the_text_of_a_service_reached_only_through_school_counts_like_its_theme_for_a_problem_at_home():
    # the school's social worker describes grief and quiet children in many words; for a boy who grieves at home
    # that text is no better reason than its theme to send the family through school before the GP
    orgs = orgs_with("school", "huisarts")
    smw = dienst("schoolwerk", ["somberheid_angst", "gedrag"], organisatie="school", toegang=["via_school"],
                 beschrijving=LONG + " Bij rouw en verlies, als een leerling stil is of verdriet heeft na een "
                                     "overlijden, praat de schoolmaatschappelijk werker met leerling en ouders.")
    poh = dienst("praktijkondersteuner", ["somberheid_angst", "psychisch", "gedrag", "gezondheid"],
                 organisatie="huisarts", toegang=["via_huisarts"],
                 beschrijving=LONG + " Kinderen met verdriet of zorgen kunnen een paar gesprekken krijgen.")
    index = KaartIndex([smw, poh], orgs)
    found = zoek("Hilversum: jongen van 12 is stil en heeft veel verdriet sinds zijn opa is overleden",
                 index=index).hits
    assert [h.id for h in found] == ["praktijkondersteuner", "schoolwerk"]
    # in class it is the school's matter again, text and all
    at_school = zoek("Hilversum: jongen van 12 is stil in de klas en heeft verdriet sinds zijn opa is overleden",
                     index=index).hits
    assert at_school[0].id == "schoolwerk"


def _vleuten_index():
    orgs = orgs_with("buurt", "zorg", "jou")
    buurtteam = dienst("buurtteam", ["opvoeding", "somberheid_angst", "jeugdhulp", "gedrag"], organisatie="buurt",
                       algemene_toegang=True, werkgebied=["utrecht"])
    care = dienst("aanvullende_zorg", ["jeugdhulp", "somberheid_angst", "psychisch"], organisatie="zorg",
                  toegang=["via_buurtteam", "via_huisarts"], werkgebied=["vleuten"])
    club = dienst("jongerenwerk", ["somberheid_angst", "vrije_tijd"], organisatie="jou", werkgebied=["vleuten"])
    return KaartIndex([care, buurtteam, club], orgs)


def test_youth_care_after_a_referral_comes_after_the_neighbourhood_for_a_problem_that_does_not_ask_for_it():
    # 001: an answer in the sociale basis is preferred; the buurtteam asks first whether further care is needed
    index = _vleuten_index()
    found = found_ids("De Meern: meisje van 13 is somber en heeft weinig vrienden", index=index)
    assert found == ["buurtteam", "jongerenwerk", "aanvullende_zorg"]
    # a family that asks for youth care itself is asking for it
    asked = found_ids("De Meern: meisje van 13 is somber, ouders willen jeugdhulp", index=index)
    assert asked.index("aanvullende_zorg") < asked.index("jongerenwerk")


def test_the_own_way_in_that_covers_more_is_shown_also_when_it_ranked_below_the_results():
    # five specific services outrank the team for a stuck case; the front desk ranks among them, the team does not:
    # the team that takes every question still takes the front desk's place
    orgs = orgs_with("gemeente", "a", "b", "c", "d")
    vraagbaak = dienst("vraagbaak", ["vastgelopen_hulp", "jeugdhulp"], algemene_toegang=True, organisatie="gemeente")
    team = dienst("jeugdteam", ["jeugdhulp", "opvoeding", "gedrag", "scheiding", "verblijf", "vastgelopen_hulp"],
                  algemene_toegang=True, organisatie="gemeente")
    others = [dienst(f"overleg_{o}", ["vastgelopen_hulp"], organisatie=o) for o in ("a", "b", "c", "d")]
    index = KaartIndex(others + [vraagbaak, team], orgs)
    found = found_ids("Hilversum: een gezin waar de hulp steeds vastloopt", limit=5, index=index)
    assert "jeugdteam" in found[:3] and "vraagbaak" not in found[:3]
    assert len(found) == 5


def _entrance_and_youth_work():
    entrance = dienst("ingang", ["jeugdhulp", "opvoeding"], algemene_toegang=True,
                      doelgroep=["ouder", "jeugdige", "gezin"])
    work = dienst("jongerenwerk", ["vrije_tijd"], doelgroep=["jeugdige"], trefwoorden=["jongerenwerker"])
    return [entrance, work]


def test_when_few_services_fit_a_young_persons_question_youth_work_follows_the_entrance():
    ids = ranked(_entrance_and_youth_work(), "Hilversum: zoon van 15 vervoert drugs voor een oudere jongen")
    assert ids[:2] == ["ingang", "jongerenwerk"]


def test_youth_work_is_not_added_for_a_younger_child():
    assert "jongerenwerk" not in ranked(_entrance_and_youth_work(), "Hilversum: zoon van 9 heeft iets gestolen")


def test_real_kaart_youth_work_follows_the_buurtteam_for_a_teenager_in_utrecht():
    ids = found_ids("Lunetten: jongen van 15 wordt steeds door de politie opgepakt")
    assert ids[0] == "buurtteam_vleuten" and "jou_jongerenwerk" in ids[:3]


def test_a_young_child_question_gets_the_youth_health_service_of_the_place_second_when_it_is_no_entrance():
    entrance = dienst("ingang", ["jeugdhulp", "opvoeding"], algemene_toegang=True,
                      doelgroep=["ouder", "jeugdige", "gezin"])
    coach = dienst("coach", ["jonge_kind", "opvoeding"])
    group = dienst("oudergroep", ["opvoeding"], doelgroep=["ouder"])
    health = dienst("jgz", ["gezondheid", "ontwikkeling"])
    ids = ranked([entrance, coach, group, health], "Hilversum: ouders van een pasgeboren baby zijn uitgeput")
    assert ids[1] == "jgz" and "ingang" in ids[:3]


def test_real_kaart_a_baby_in_vleuten_gets_the_jgz_of_vleuten():
    assert "jgz_vleuten" in found_ids("Vleuterweide: baby van 2 maanden, moeder is uitgeput")[:3]


def test_a_primary_school_year_alone_puts_the_question_at_school():
    from bot.kaart.query import school_mentioned

    assert school_mentioned("Huizen, meisje uit groep 6 is erg stil en eet slecht")
    assert not school_mentioned("Huizen, meisje van 9 is erg stil en eet slecht")
    # so help that comes through school counts fully, as for any question at school
    school = dienst("schoolhulp", ["somberheid_angst"], toegang=["via_school"])
    home = dienst("thuishulp", ["somberheid_angst"], trefwoorden=["gesprek"])
    assert ranked([home, school], "Hilversum: jongen uit groep 5 is erg somber")[0] == "schoolhulp"
    assert ranked([home, school], "Hilversum: jongen van 8 is erg somber")[0] == "thuishulp"
