"""What a consultant relies on in the kaart: referrable first hits, explained routes, places as typed.

Covers issue 16: measure-only services (Jeugdbescherming) never lead and explain their route;
pilots, projects and recommendations stay out of family referrals unless asked for; school-bound
services follow the ages of their school type; villages, wijken, the region name, typos, verb
forms and bare ages are understood; the place table is validated knowledge.
"""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.kaart.evaluation import evalueer
from bot.kaart.models import TOETS_SETS, KaartDienst, KaartPlaats
from bot.kaart.query import extract_leeftijd, parse_vraag, resolve_gemeente
from bot.kaart.search import zoek
from bot.knowledge.loader import get_knowledge, load_knowledge

BRON = {"document": "004 (test)", "sectie": "test"}


def ids(result):
    return [h.id for h in result.hits]


# ------------------------------------------------------------------ measure-only and non-services


@pytest.mark.parametrize("vraag", [
    "complexe scheiding in Hilversum",
    "Ouders in Laren vechten al jaren over de kinderen, moet jeugdbescherming erbij?",
    # (with a measure in place, a question for its professional gets the jeugdbescherming first as the family's own
    # contact: tests/test_kaart_place_routes_s22.py)
    "Er loopt een ondertoezichtstelling in Huizen, wie helpt moeder met de opvoeding?",
    "jeugdbescherming",
])
def test_a_measure_only_service_never_ranks_first(vraag):
    result = zoek(vraag)
    assert result.hits and result.hits[0].id != "djgb_jeugdbescherming"
    assert result.hits[0].verwijsbaar


def test_the_measure_route_is_explained_when_it_appears():
    # (with a measure in place and its professional asked for, the jeugdbescherming is the family's own contact:
    # tests/test_kaart_place_routes_s22.py)
    result = zoek("Ouders in Huizen vechten al jaren over de kinderen, moet jeugdbescherming erbij?")
    hit = next(h for h in result.hits if h.id == "djgb_jeugdbescherming")
    assert not hit.verwijsbaar
    assert "Raad voor de Kinderbescherming" in hit.let_op and "kinderrechter" in hit.let_op
    assert "niet zelf" in hit.let_op


@pytest.mark.parametrize("vraag, plaats_ingang", [
    ("Bussum: ouders willen jeugdbescherming voor hun dochter van 15 die steeds wegloopt", "jeugdteam_gooise_meren"),
    ("Moeder in Huizen wil zelf jeugdbescherming inschakelen omdat haar ex de kinderen niet terugbrengt",
     "team_jeugd_huizen"),
    ("Ouders in Laren vechten al jaren over de kinderen, moet jeugdbescherming erbij?", "toegang_jeugd_hbel"),
])
def test_asking_for_jeugdbescherming_shows_the_way_there_first(vraag, plaats_ingang):
    """A family cannot ask for a measure itself: Veilig Thuis and the municipality's entrance to youth care
    (not the health service) come first, each saying why, then Jeugdbescherming with its route."""
    shown = ids(zoek(vraag))
    assert shown[:3] == ["veilig_thuis", plaats_ingang, "djgb_jeugdbescherming"]
    hit = zoek(vraag).hits[1]
    assert hit.waarom.startswith("Weg naar jeugdbescherming") and "Raad voor de Kinderbescherming" in hit.waarom


def test_a_professionals_only_service_is_half_an_answer_to_a_familys_question():
    top3 = ids(zoek("meisje 14 Muiden, voelt zich onveilig thuis"))[:3]
    assert top3[0] == "veilig_thuis"
    assert not {"gedragswetenschappers_gemeenten", "ret_mdo"} & set(top3)
    # a professional who asks for one still finds it first
    assert ids(zoek("Jeugdconsulent in Huizen zoekt een gedragswetenschapper vanwege een dreigende "
                    "uithuisplaatsing"))[0] == "gedragswetenschappers_gemeenten"


def test_no_first_hit_in_either_question_set_is_unreferrable():
    knowledge = get_knowledge()
    for kind in ("kaart_testvraag", "kaart_toetsvraag"):
        result = evalueer(knowledge, kind=kind)
        assert [u.id for u in result.uitkomsten if u.eerste_niet_verwijsbaar] == []


def test_pilots_and_recommendations_stay_out_of_family_referrals():
    result = zoek("Ouders uit Huizen liggen in een vechtscheiding, hun zoon van 8 lijdt eronder")
    shown = ids(result)
    assert "duurzaam_ouderschap_na_scheiding" not in shown and "scheidings_advies_team" not in shown
    assert "Niet getoond" in result.melding
    assert "Duurzaam Ouderschap na Scheiding" in result.melding or "Scheidings Advies Team" in result.melding


def test_pilots_appear_when_asked_for_and_say_what_they_are():
    result = zoek("Is er een pilot voor ouders na een scheiding?", gemeente="Huizen")
    hit = next(h for h in result.hits if h.id == "duurzaam_ouderschap_na_scheiding")
    assert "pilot" in hit.let_op
    sat = zoek("Scheidings Advies Team voor consultatie", gemeente="Huizen")
    hit = next(h for h in sat.hits if h.id == "scheidings_advies_team")
    assert "aanbeveling" in hit.let_op


def test_every_non_service_is_marked_in_the_kaart():
    services = get_knowledge().entries["kaart_dienst"]
    for entry_id, kind in [("scheidings_advies_team", "aanbeveling"), ("duurzaam_ouderschap_na_scheiding", "pilot"),
                           ("garage2020", "project"), ("lokalis", "project"), ("mentaal_kapitaal", "onderzoek"),
                           ("grondhouding_idu", "leernetwerk"), ("vleuten_versterkt", "project")]:
        assert services[entry_id].aard == kind
    assert services["djgb_jeugdbescherming"].toegang == ["via_maatregel"]


def test_koos_route_is_current_practice_and_the_joint_talk_a_proposal():
    koos = get_knowledge().entries["kaart_dienst"]["koos_aanvullende_jeugdhulp"]
    assert {"via_buurtteam", "via_school", "via_huisarts"} <= set(koos.toegang)
    assert "voorstel" in koos.beschrijving and "nog geen vaste werkwijze" in koos.beschrijving


# ------------------------------------------------------------------------------ school-bound ages


def test_primary_school_services_do_not_appear_for_a_fourteen_year_old():
    services = get_knowledge().entries["kaart_dienst"]
    primary = [s for s in services.values() if s.schooltype == "po"]
    assert {"obs_haarzicht", "uniek_in_school", "het_abc_dyslexie_in_de_klas"} <= {s.id for s in primary}
    assert all(s.leeftijd_max <= 12 for s in primary)
    result = zoek("Leerling van 14 in Vleuten heeft last van prestatiedruk, vraag vanuit school")
    assert not {s.id for s in primary} & set(ids(result))


def test_school_type_fills_and_checks_the_ages():
    base = {"id": "d1", "organisatie": "o1", "naam": "Dienst", "beschrijving": "Op school.", "doelgroep": ["school"],
            "themas": ["leren"], "werkgebied": ["hilversum"], "bron": BRON}
    filled = KaartDienst.parse_obj({**base, "schooltype": "po"})
    assert (filled.leeftijd_min, filled.leeftijd_max) == (4, 12)
    with pytest.raises(ValidationError) as info:
        KaartDienst.parse_obj({**base, "schooltype": "po", "leeftijd_max": 14})
    assert "basisschool" in str(info.value)
    with pytest.raises(ValidationError) as info:
        KaartDienst.parse_obj({**base, "aard": "folder"})
    assert "onbekende aard 'folder'" in str(info.value)


# ------------------------------------------------------------------------------------------ places


@pytest.mark.parametrize(
    "place,code",
    [
        ("Bussum", "gooise_meren"),
        ("Naarden", "gooise_meren"),
        ("Naarden-Vesting", "gooise_meren"),
        ("Muiden", "gooise_meren"),
        ("Muiderberg", "gooise_meren"),
        ("Loosdrecht", "wijdemeren"),
        ("Oud-Loosdrecht", "wijdemeren"),
        ("Kortenhoef", "wijdemeren"),
        ("Ankeveen", "wijdemeren"),
        ("'s-Graveland", "wijdemeren"),
        ("Nederhorst den Berg", "wijdemeren"),
        ("Breukeleveen", "wijdemeren"),
        ("Vleuten", "vleuten"),
        ("De Meern", "vleuten"),
        ("Haarzuilens", "vleuten"),
        ("Leidsche Rijn", "utrecht"),
        ("Overvecht", "utrecht"),
        ("Gooi en Vechtstreek", "gooi_en_vechtstreek"),
        ("het Gooi", "gooi_en_vechtstreek"),
        ("HBEL", "hbel"),
    ],
)
def test_villages_wijken_and_the_region_resolve(place, code):
    assert parse_vraag(f"een gezin uit {place} met schulden").gemeente == code
    assert resolve_gemeente(place) == code


@pytest.mark.parametrize(
    "typed,code",
    [
        ("Hilversun", "hilversum"),
        ("Bussem", "gooise_meren"),
        ("Loosdrect", "wijdemeren"),
        ("Kortenhoeff", "wijdemeren"),
        ("Utrech", "utrecht"),
        ("Blaricom", "blaricum"),
    ],
)
def test_typos_in_place_names_are_corrected_and_said(typed, code):
    assert parse_vraag(f"Gezin in {typed} met geldproblemen").gemeente == code
    result = zoek(f"Gezin in {typed} met geldproblemen")
    assert f"Ik las '{typed}' als" in result.melding


def test_a_typo_in_the_place_that_heads_a_note_is_corrected_even_when_it_is_a_rare_word_form():
    # "narden" happens to be in the Dutch lemma table; as the heading of a note it is Naarden
    assert parse_vraag("Narden, puber van 16 blowt sinds hij naar het mbo ging").gemeente == "gooise_meren"
    assert "Ik las 'Narden' als Naarden" in zoek("Narden, puber van 16 blowt sinds hij naar het mbo ging").melding
    assert parse_vraag("Hallo, mijn zoon van 8 wordt gepest").gemeente is None  # a greeting is no place

@pytest.mark.parametrize("typed, place, code", [
    ("Vleuterwijde", "Vleuterweide", "vleuten"),  # ij for ei: said the same, so no typo at all
    ("Terwyde", "Terwijde", "utrecht"),  # y for ij
    ("Blaricummermeint", "Blaricummermeent", "blaricum"),  # ei for ee stays a typo (one letter), still found
])
def test_place_names_with_a_mixed_up_spelling_of_one_sound_are_found(typed, place, code):
    assert parse_vraag(f"Gezin in {typed}, moeder is overspannen").gemeente == code
    assert f"Ik las '{typed}' als {place}" in zoek(f"Gezin in {typed}, moeder is overspannen").melding


@pytest.mark.parametrize("text", ["ze wonen in twee huizen sinds de scheiding", "het leren gaat slecht op school",
                                  "ik gooi het in de groep"])
def test_ordinary_words_are_no_places(text):
    vraag = parse_vraag(text)
    assert vraag.gemeente is None and vraag.buiten_regio is None


def test_a_wijk_only_partly_covered_says_which_part_is():
    result = zoek("Jongere uit Overvecht zoekt een jongerenwerker")
    assert "Vleuten-De Meern" in result.melding and "Overvecht" in result.melding
    services = get_knowledge().entries["kaart_dienst"]
    assert all("vleuten" not in services[i].werkgebied for i in ids(result))
    assert "jou_jongerenwerk" in ids(result)


@pytest.mark.parametrize("vraag,gemeente", [
    ("Lombok, moeder zoekt opvoedhulp voor haar zoon", None), ("opvoedhulp voor een gezin", "Kanaleneiland"),
    ("opvoedhulp voor een gezin in Utrecht", None), ("opvoedhulp voor een gezin", "utrecht"),
    ("opvoedhulp voor een gezin", "Utrecht"),
])
def test_partly_covered_utrecht_says_which_part_is_covered_however_the_place_is_given(vraag, gemeente):
    result = zoek(vraag, gemeente=gemeente)
    assert result.gemeente == "utrecht"
    assert "alleen de wijk Vleuten-De Meern" in result.melding
    assert "buurtteam_vleuten" in ids(result)  # the buurtteam works in the whole city


@pytest.mark.parametrize("vraag", ["Muiderberg, kind van 8 is somber", "Breukeleveen, opvoedvragen over een peuter",
                                   "De Meern, opvoedhulp voor een gezin", "Bussum, zoon van 14 spijbelt"])
def test_fully_covered_villages_and_wijken_add_no_coverage_note(vraag):
    result = zoek(vraag)
    assert result.hits and "beschrijven" not in (result.melding or "")


def test_a_service_without_contact_details_says_so_plainly():
    result = zoek("Hilversum, zoon van 16 zit thuis en wil stoppen met school", limit=10)
    hit = next(h for h in result.hits if h.id == "leerplicht")
    assert "contactgegevens staan niet in de sociale kaart" in hit.bereikbaarheid
    assert "geeft geen telefoonnummer, e-mailadres of website" in hit.bereikbaarheid and not hit.links
    jgz = next(
        h for h in result.hits if h.id == "jeugd_en_gezin_ggd"
    )  # a service with a website says nothing of the kind
    assert "niet in de sociale kaart" not in jgz.bereikbaarheid and "website" in jgz.bereikbaarheid


def test_a_safety_service_without_contact_details_points_to_the_meldcode():
    from types import SimpleNamespace

    from bot.kaart.describe import bereikbaarheid

    service = SimpleNamespace(toegang=["direct"], telefoon=None, email=None, website=None, themas=["veiligheid"])
    assert "meldcode" in bereikbaarheid(service, None)
    # Veilig Thuis itself shows its organisation's national number (tests/test_kaart_user_test_s20.py)
    assert "telefoon 0800-2000" in bereikbaarheid(service, None, "0800-2000")


def test_the_region_name_searches_the_whole_region():
    result = zoek("Welke hulp is er in Gooi en Vechtstreek voor jongeren die blowen?")
    assert result.gemeente == "gooi_en_vechtstreek" and "jongerenwerk_versa" in ids(result)[:2]
    assert not any("vleuten" in i or "koos" in i for i in ids(result))


# -------------------------------------------------------------------------- verbs and bare ages


@pytest.mark.parametrize("text,theme", [
    ("zoon heeft opvoedproblemen", "opvoeding"),  # compound the lemma table lacks: opvoed + problemen
    ("nieuwkomersgezin zoekt hulp", "taal"),  # linking s: nieuwkomer + gezin
    ("jongen gamet de hele nacht", "verslaving"), ("hij gamede veel", "verslaving"),  # verb forms of 'gamen'
    ("zoon spijbeld vaak", "schoolverzuim"), ("dochter is depresief", "somberheid_angst"),  # one typo
    ("ouders in een vechtsheiding", "scheiding"),
])
def test_compounds_verb_forms_and_typos_of_problem_words_meet_their_theme(text, theme):
    assert theme in parse_vraag(text).themas


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("ze maakt haar huiswerk niet", "wonen_werk"),
        ("hij speelt hockey", "financien"),
        ("ze sport graag", "seksualiteit"),
    ],
)
def test_known_words_are_not_split_or_corrected_into_another_theme(text, wrong):
    assert wrong not in parse_vraag(text).themas


def test_only_one_close_theme_word_counts_as_a_typo():
    from bot.kaart.text import correct_typo

    assert correct_typo("angstug") == "angstig"
    assert correct_typo("hilverssum") == "hilverssum"  # no theme word is one typo away
    assert correct_typo("somber") == "somber"  # a known word is never changed


@pytest.mark.parametrize(
    "text,theme",
    [
        ("zoon verzuimt veel", "schoolverzuim"),
        ("dochter spijbelt", "schoolverzuim"),
        ("hij blowt elke dag", "verslaving"),
        ("ze drinkt in het weekend", "verslaving"),
        ("ze piekert veel", "somberheid_angst"),
        ("hij steelt en vernielt", "criminaliteit"),
        ("ouders scheiden", "scheiding"),
        ("hij stottert", "ontwikkeling"),
    ],
)
def test_verb_forms_meet_their_theme(text, theme):
    assert theme in parse_vraag(text).themas


@pytest.mark.parametrize(
    "text,age",
    [
        ("dochter 13, Bussum", 13),
        ("zoon (8) in Hilversum", 8),
        ("Meisje, 16, Huizen", 16),
        ("jongen 10 uit Laren", 10),
        ("kind 5 jr in Eemnes", 5),
        ("puber 14 in Vleuten", 14),
        ("zoon 3 keer per week", None),
        ("dochter 2 dagen thuis", None),
    ],
)
def test_bare_ages(text, age):
    assert extract_leeftijd(text) == age


# --------------------------------------------------------------------------------- place table


def test_place_table_is_validated(tmp_path):
    with pytest.raises(ValidationError) as info:
        KaartPlaats.parse_obj({"id": "x", "naam": "X", "soort": "kern", "bron": BRON})
    assert "hoort_bij ontbreekt" in str(info.value)
    with pytest.raises(ValidationError):
        KaartPlaats.parse_obj({"id": "x", "naam": "X", "soort": "buiten", "hoort_bij": "huizen", "bron": BRON})
    folder = tmp_path / "knowledge" / "sociale_kaart"
    folder.mkdir(parents=True)
    (folder / "plaatsen.yml").write_text(
        "soort: kaart_plaats\nitems:\n"
        "  - {id: a, naam: Hilversum, soort: gemeente, hoort_bij: hilversum, bron: {document: d, sectie: s}}\n"
        "  - {id: b, naam: Dorp, soort: kern, hoort_bij: huizen, schrijfwijzen: [hilversum], "
        "bron: {document: d, sectie: s}}\n",
        encoding="utf-8",
    )
    text = "\n".join(str(p) for p in load_knowledge(tmp_path / "knowledge").problems)
    assert "'hilversum' staat ook bij 'a' met een ander werkgebied" in text
    assert "plaatstabel mist de gemeente(n)" in text


def test_toets_set_is_separate_and_large_enough():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"]
    assert len(toets) >= 60
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert not tuning & {q.vraag for q in toets.values()}


def test_the_second_toets_set_is_its_own_set_of_at_least_60_new_questions():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    second = {q.vraag for q in toets if q.reeks == "toets2"}
    first = {q.vraag for q in toets if q.reeks == "toets"}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(second) >= 60 and not second & (first | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks="toets2").uitkomsten) == len(second)


def test_the_third_toets_set_is_its_own_set_of_at_least_60_new_questions():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    third = {q.vraag for q in toets if q.reeks == "toets3"}
    earlier = {q.vraag for q in toets if q.reeks in ("toets", "toets2")}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(third) >= 60 and not third & (earlier | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks="toets3").uitkomsten) == len(third)


def test_the_fourth_toets_set_is_its_own_set_of_at_least_64_new_questions():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    fourth = {q.vraag for q in toets if q.reeks == "toets4"}
    earlier = {q.vraag for q in toets if q.reeks in ("toets", "toets2", "toets3")}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(fourth) >= 64 and not fourth & (earlier | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks="toets4").uitkomsten) == len(fourth)


def test_the_fifth_toets_set_is_its_own_set_of_at_least_70_new_questions():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    fifth = {q.vraag for q in toets if q.reeks == "toets5"}
    earlier = {q.vraag for q in toets if q.reeks in ("toets", "toets2", "toets3", "toets4")}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(fifth) >= 70 and not fifth & (earlier | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks="toets5").uitkomsten) == len(fifth)


def test_the_sixth_toets_set_is_its_own_set_of_at_least_70_new_questions():
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    sixth = {q.vraag for q in toets if q.reeks == "toets6"}
    earlier = {q.vraag for q in toets if q.reeks in ("toets", "toets2", "toets3", "toets4", "toets5")}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(sixth) >= 70 and not sixth & (earlier | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks="toets6").uitkomsten) == len(sixth)


TOETS_ORDER = TOETS_SETS


@pytest.mark.parametrize("reeks, at_least", [
    ("toets7", 80), ("toets8", 90), ("toets9", 100), ("toets10", 80), ("toets11", 80), ("toets12", 80),
    ("toets13", 80), ("toets14", 80), ("toets15", 80), ("toets16", 80), ("toets17", 64), ("toets18", 64),
    ("toets19", 64), ("toets20", 64), ("toets21", 64), ("toets22", 80), ("toets23", 90),
    ("toets24", 90), ("toets25", 90), ("toets26", 90),
])
def test_each_later_toets_set_is_its_own_set_of_new_questions(reeks, at_least):
    knowledge = get_knowledge()
    toets = knowledge.entries["kaart_toetsvraag"].values()
    this_set = {q.vraag for q in toets if q.reeks == reeks}
    earlier = {q.vraag for q in toets if q.reeks in TOETS_ORDER[:TOETS_ORDER.index(reeks)]}
    tuning = {q.vraag for q in knowledge.entries["kaart_testvraag"].values()}
    assert len(this_set) >= at_least and not this_set & (earlier | tuning)
    assert len(evalueer(knowledge, kind="kaart_toetsvraag", reeks=reeks).uitkomsten) == len(this_set)


@pytest.mark.parametrize("vraag, gemeente", [
    ("Bussum-Zuid: jongen 16 gebruikt drugs", "gooise_meren"),
    ("Hilversum Noord: gezin met geldzorgen", "hilversum"),
    ("Utrecht Vleuten: kind 7 met dyslexie", "vleuten"),  # the wijk says more than its city
])
def test_a_part_of_a_place_or_a_place_inside_another_is_read_as_the_most_specific_place(vraag, gemeente):
    assert parse_vraag(vraag).gemeente == gemeente


def test_a_second_place_name_is_no_search_word():
    shown = ids(zoek("Bussum, Gooise Meren: zoon 9 angstig"))
    assert not {"knoest_jeugdhulp_bussum", "yoep_bussum"} & set(shown)  # "Bussum" in their names is no reason


def test_online_alone_is_no_bullying():
    assert "pesten" not in parse_vraag("Moeder in Vleuten wil minder piekeren, liefst online").themas
    assert "pesten" in parse_vraag("dochter van 13 wordt online gepest").themas


def test_without_a_way_there_in_the_kaart_a_measure_only_service_still_never_leads():
    from bot.kaart.index import KaartIndex
    from bot.kaart.models import KaartOrganisatie
    from bot.knowledge.base import Bron

    bron = Bron(document="004 (test)", sectie="test")
    orgs = {"org": KaartOrganisatie(id="org", naam="Org", bron=bron)}
    common = dict(organisatie="org", beschrijving="Werkt met gezinnen in de regio.", werkgebied=["hilversum"],
                  bron=bron)
    measure = KaartDienst(id="gi", naam="Jeugdbescherming", doelgroep=["gezin"], themas=["veiligheid"],
                          toegang=["via_maatregel"], **common)
    school = KaartDienst(id="smw", naam="Schoolmaatschappelijk werk", doelgroep=["jeugdige"],
                         themas=["gedrag", "veiligheid"], toegang=["via_school"], **common)
    result = zoek(
        "Hilversum: ouders willen jeugdbescherming voor hun dochter", index=KaartIndex([measure, school], orgs)
    )
    assert [h.id for h in result.hits] == ["smw", "gi"]


def test_an_ordinary_word_of_a_projects_name_does_not_ask_for_it():
    # "financiële" and "praktijk" are words of a project's and a pilot's name, but a family using them asked for help
    money = ids(zoek("Gezin in Huizen heeft financiële problemen, zoon van 10"))
    assert "overzicht_financiele_hulpmiddelen" not in money and money[0] == "brugfunctionaris"
    baby = ids(zoek("Moeder in Hilversum zoekt een praktijk voor haar baby van 3 maanden"))
    assert "praktijk_zigzag_jonge_kind" not in baby


def test_a_project_named_by_its_own_name_still_shows_with_what_it_is():
    named = zoek("Hilversum: kan een gezin met een baby terecht bij Praktijk ZigZag?")
    hit = next(h for h in named.hits if h.id == "praktijk_zigzag_jonge_kind")
    assert "pilot" in hit.let_op and named.hits[0].verwijsbaar
    # three words of the name in order name it too
    overview = zoek("Is er een overzicht van financiële hulpmiddelen voor gezinnen in Huizen?")
    assert "overzicht_financiele_hulpmiddelen" in ids(overview) and overview.hits[0].verwijsbaar


@pytest.mark.parametrize("vraag", [
    "Is de begeleiding van Youké op school iets voor een leerling van het Elan college in Naarden?",
    "leerling elan college bussum, kan school youke begeleiding inzetten, thuis ook gedoe",
])
def test_a_named_pilot_shows_but_a_referral_still_leads(vraag):
    """Composing the top (entrances, roles) must not undo the rule that a referral comes first."""
    hits = zoek(vraag).hits
    assert hits[0].verwijsbaar
    assert "youke_elan_college" in [h.id for h in hits[:3]]
