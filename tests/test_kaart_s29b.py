"""Session 29 (kaart29b): old names of services, short or vague questions and questions about access.

- an old name ('het CJG', 'Bureau Jeugdzorg', 'het AMK', 'Steunpunt Huiselijk Geweld') is said to be gone, with what
  does its work today, and finds that service (``oude_namen.yml``, ``bot.kaart.old_names``);
- a short or vague question with a place and nothing the kaart knows ("hulp nodig in Huizen") gets the way in of the
  place as results, not a message alone;
- "zonder verwijzing", "zelf aanmelden", "vrij toegankelijk" refuse the services reached only through a GP, a
  professional, the buurtteam or a jeugdconsulent (``toegang``; ``spoken.refused_routes``);
- opening hours, costs and the language of a service are not in the kaart: a question about them hears so
  (``ontbrekende_hulp.yml``), and a problem said with the same words stays a problem.

Own sentences, none from an evaluation set.
"""
from __future__ import annotations

import pytest

from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.old_names import oude_namen, uitleg
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.kaart.spoken import refused_routes


@pytest.mark.parametrize("text, name", [
    ("kunnen ze nog terecht bij het CJG in Laren?", "cjg"),
    ("vroeger heette dat het centrum voor jeugd en gezin", "cjg"),
    ("moeder wil Bureau Jeugdzorg inschakelen", "bureau_jeugdzorg"),
    ("de school dreigt met een melding bij het AMK", "amk_shg"),
    ("zij belde eerder met het Steunpunt Huiselijk Geweld", "amk_shg"),
])
def test_an_old_name_is_read(text, name):
    assert [entry.id for entry in oude_namen(text)] == [name]


@pytest.mark.parametrize("text", [
    "jeugdzorg aanvragen voor een jongen van 12 in Huizen",  # today's word, no old name
    "de buurtvereniging organiseert een centrum voor de jeugd",  # not the CJG
    "het kind kreeg een amandel eruit",
])
def test_no_old_name_without_one(text):
    assert oude_namen(text) == []


def test_the_old_name_is_explained_first_with_what_does_its_work_now():
    result = zoek("Kan dit gezin met een peuter van 2 nog naar het CJG in Huizen?")
    assert result.melding.startswith("Het Centrum voor Jeugd en Gezin (CJG)")
    assert "jeugd_en_gezin_ggd" in [hit.id for hit in result.hits[:3]]


def test_bureau_jeugdzorg_is_the_way_in_of_the_municipality():
    result = zoek("ouders van een jongen van 11 in Blaricum willen naar bureau jeugdzorg")
    assert "Jeugdwet van 2015" in result.melding
    assert result.hits and result.hits[0].id == "toegang_jeugd_hbel"


def test_the_amk_is_veilig_thuis():
    result = zoek("moet ik een meisje van 7 uit Hilversum met blauwe plekken bij het AMK melden")
    assert "samen Veilig Thuis" in uitleg("melden bij het AMK")
    assert result.hits[0].id == "veilig_thuis"


@pytest.mark.parametrize("text, entrance", [
    ("hulp nodig in Huizen", "team_jeugd_huizen"),
    ("CJG Bussum", "jeugd_en_gezin_ggd"),
    ("wie kan helpen? Laren", "toegang_jeugd_hbel"),
])
def test_a_vague_question_with_a_place_gets_the_way_in(text, entrance):
    result = zoek(text)
    assert entrance in [hit.id for hit in result.hits[:3]]
    assert all(hit.verwijsbaar for hit in result.hits[:1])


def test_a_vague_question_without_a_place_still_asks_for_one():
    assert zoek("hulp nodig").hits == []


def test_asking_for_projects_is_not_made_a_family_question():
    result = zoek("welke projecten zijn er in Vleuten")
    assert any(not hit.verwijsbaar for hit in result.hits)  # the projects are shown, as asked


@pytest.mark.parametrize("text", [
    "kan zij zonder verwijzing hulp krijgen",
    "zonder doorverwijzing van de huisarts",
    "kan een jongere zichzelf aanmelden",
    "is dat vrij toegankelijk",
])
def test_without_a_referral_refuses_the_routes_through_a_referrer(text):
    routes = refused_routes(text)
    assert "via_huisarts" in routes and "via_professional" in routes
    assert "via_school" not in routes


def test_without_a_referral_the_gp_route_does_not_lead():
    text = "kan een moeder zonder verwijzing hulp krijgen voor haar zoon van 10 die somber is, Hilversum"
    ids = [hit.id for hit in zoek(text).hits[:3]]
    assert "poh_jeugd" not in ids
    assert "poh_jeugd" in [hit.id for hit in zoek(text.replace("zonder verwijzing ", "")).hits[:3]]


@pytest.mark.parametrize("text, lacking", [
    ("is het team Jeugd ook in het weekend bereikbaar, Huizen", "'s avonds of in het weekend"),
    ("is er iets buiten kantoortijd voor een vader in Laren", "'s avonds of in het weekend"),
    ("is die opvoedcursus gratis", "Wat een dienst kost"),
    ("zoekt Engelstalige hulp voor haar dochter van 8", "Engels"),
    ("kan een moeder anoniem advies vragen over haar zoon", "Anonieme hulp"),
])
def test_questions_about_access_the_kaart_does_not_hold(text, lacking):
    assert any(lacking in name for name in ontbrekende_hulp(text))


@pytest.mark.parametrize("text", [
    "dochter 15 drinkt in het weekend veel, Naarden",  # a problem in the weekend, not when help is open
    "zoon 14 is 's avonds laat nog op straat, Hilversum",
    "spreekt thuis Engels en op de opvang Nederlands",
    "ouders kunnen de contributie niet betalen",
])
def test_a_problem_said_with_those_words_asks_for_no_access(text):
    assert ontbrekende_hulp(text) == []


def test_access_note_keeps_the_problem():
    result = zoek("is er in het weekend hulp voor een zoon van 9 die veel angst heeft, Bussum?")
    assert result.ontbreekt and "weekend" in result.ontbreekt
    assert "somberheid_angst" in result.themas


def test_the_middle_child_is_a_child():
    parsed = parse_vraag("Mijn man werkt veel. Onze middelste van elf zegt dat hij niet meer wil leven, Huizen")
    assert "jeugdige" in parsed.doelgroep_hints
    assert not parsed.ouder_themas  # the child's wish to die, not the father's: no parent in crisis
    assert zoek("Mijn man werkt veel. Onze middelste van elf zegt dat hij niet meer wil leven, Huizen"
                ).hits[0].id != "veilig_thuis"


@pytest.mark.parametrize("text", [
    "ik ben 15 en mijn vader gokt en we hebben schulden, Hilversum",
    "Ik ben zelf zeventien. Mijn moeder drinkt elke avond, Laren",
    "ik ben een meisje van 14 uit Bussum, mijn moeder is depressief",
])
def test_a_young_person_who_tells_of_a_parents_problem_bears_it(text):
    parsed = parse_vraag(text)
    assert not parsed.ouder_themas and parsed.kind_themas


@pytest.mark.parametrize("text", [
    "Ik ben moeder van 35 in Huizen en heb zelf schulden",
    "Ik ben moeder van een zoon van 15 en ik drink te veel, Laren",
])
def test_a_parent_who_tells_of_their_own_problem_keeps_it(text):
    assert parse_vraag(text).ouder_themas


@pytest.mark.parametrize("text, age", [
    ("Ik ben zelf zeventien en woon bij mijn moeder in Laren", 17),
    ("ik ben 15 en mijn vader gokt", 15),
    ("I am 16 and live in Huizen", 16),
    ("ik ben twintig weken zwanger", None),  # weeks, not an age
    ("ik ben 12 jaar getrouwd en mijn zoon spijbelt", None),
])
def test_the_age_a_young_person_gives_of_themselves(text, age):
    assert parse_vraag(text).leeftijd == age


def test_how_a_child_is_when_all_is_well_is_no_question():
    text = ("Mijn zoon van 6 zit in groep 3 in Loosdrecht. Hij is vrolijk en heeft veel vriendjes. Sinds de zomer "
            "plast hij weer in bed en is hij bang in het donker. Moet ik ergens heen?")
    parsed = parse_vraag(text)
    assert "vrije_tijd" not in parsed.themas and "ontwikkeling" in parsed.themas
    assert zoek(text).hits[0].id == "jeugd_en_gezin_ggd"


@pytest.mark.parametrize("text", [
    "Hij is vrolijk op school. Maar thuis is hij niet vrolijk en slaat hij. Wat nu, Huizen?",
    "Ze vindt het niet leuk op school. Ze wil niet meer. Wie helpt, Bussum?",
])
def test_a_sentence_that_turns_stays(text):
    assert parse_vraag(text).themas
