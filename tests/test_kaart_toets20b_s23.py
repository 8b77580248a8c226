"""The kaart after the blind set toets20 and a user test in phone shorthand (session 23, second round), by cause:

- sexual exploitation or abuse of a minor (a loverboy, an adult who chats with a girl, a 'vriend' of 23 she ran away
  to) puts Veilig Thuis among the first three, also outside the home, with the route in its reason; nude images among
  peers stay with the jongerenwerk;
- 'jb' is the jeugdbescherming: with a measure in place the jeugdbescherming leads, Veilig Thuis second;
- 'mdr', 'vdr', 'dr', 'zn' are parent and child wherever the question is read for whom a problem is about; a caller
  in shorthand after the family's place ("huizen, poh belt:") or who saw something ("mentor vmbo ziet") is the caller;
  'zoco' is a school;
- no false reasons: 'jonge' (mantelzorger) is no young child, meeting people online is no leisure, a measure's words
  are no reason for the JGZ or school social work, 'bereikbaar' is no search word;
- a minor who sleeps rough or was put out of the house is housing and a safety worry, not a sleep problem;
- "hij is 18 inmiddels" and "en voor t broertje van 8?" after results search again with that age;
- a question about an adult older than any youth service says that the kaart is youth help.
"""
from __future__ import annotations

import pytest

from bot.correction import restated
from bot.kaart import messages
from bot.kaart.dialog import vorige_vraag_opnieuw
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.kaart.spoken import caller_roles, own_caller_roles

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def ids(result, top=3):
    return [hit.id for hit in result.hits[:top]]


# ------------------------------------------------------------------ 1, 2: exploitation of a minor, Veilig Thuis


@pytest.mark.parametrize("text", [
    "btw overvecht: dr 16 nieuw vriendje van 22, dure cadeaus, blijft nachten weg, mdr denkt loverboy. vt bellen?",
    "utrecht stad, ib'er vo: meisje 16 seksueel getinte chats met volwassen man via game, mdr weet van niks. vt?",
    "huizen, meisje 15 chat met een volwassen man, hij vraagt naaktfoto's, anders gaan ze rond",
    "'s-Graveland: meisje van 16 heeft een vriend van 24 die haar meeneemt naar feestjes en dure cadeaus geeft",
])
def test_sexual_exploitation_of_a_minor_puts_veilig_thuis_in_the_top_3_with_the_route(text):
    result = zoek(text)
    assert "veilig_thuis" in ids(result), ids(result)
    why = next(hit.waarom for hit in result.hits if hit.id == "veilig_thuis")
    assert "ook buiten huis" in why.lower() and "112" in why and "politie" in why


@pytest.mark.parametrize("text", [
    "meisje 15 bijvanck, naaktfoto rondgestuurd in klassenapp, schaamt zich kapot, wil niet meer naar school. wie?",
    "'s-Graveland: dochter van 16 wordt online gechanteerd met naaktfoto's",
    "pijlsweerd, zwangere 17-jarige, vriend van 19 zit vast. wat is er in de wijk",
])
def test_peers_and_a_boyfriend_of_her_age_are_no_exploitation_by_an_adult(text):
    result = zoek(text)
    assert not any("seksuele uitbuiting" in hit.waarom for hit in result.hits)


def test_a_minor_run_away_to_an_adult_under_a_measure_goes_to_the_jeugdbescherming_then_veilig_thuis():
    result = zoek("ots loopt, dr 15 hilversum weggelopen, zit bij 'vriend' 23 in almere, jb onbereikbaar. asap")
    assert ids(result, 2) == ["djgb_jeugdbescherming", "veilig_thuis"]


def test_running_away_under_a_measure_without_an_adult_does_not_bring_veilig_thuis():
    result = zoek("ots loopt, dr 15 hilversum weer weggelopen, jb onbereikbaar")
    assert result.hits[0].id == "djgb_jeugdbescherming"
    assert "veilig_thuis" not in ids(result)


# ------------------------------------------------------------------ 3: shorthand for parents, children and callers


@pytest.mark.parametrize("short,full", [
    ("Eemnes, mdr drinkt, dochter 16 regelt alles thuis", "Eemnes, moeder drinkt, dochter 16 regelt alles thuis"),
    ("de meern, vdr alleen met 2 pubers, piekert continu", "de meern, vader alleen met 2 pubers, piekert continu"),
    ("huizen, mdr depressief, zn 12 stil", "huizen, moeder depressief, zoon 12 stil"),
])
def test_a_notes_shorthand_reads_as_the_parent_and_child(short, full):
    a, b = parse_vraag(short), parse_vraag(full)
    assert (a.ouder_themas, a.kind_themas) == (b.ouder_themas, b.kind_themas)
    assert a.ouder_themas


def test_a_parents_addiction_in_shorthand_is_the_parents():
    parsed = parse_vraag("ib'er naarden: gr 5 jongen, zus 16 haalt hem op, zus lijkt overbelast, mdr verslaafd")
    assert "verslaving" in parsed.ouder_themas and "verslaving" not in parsed.kind_themas


@pytest.mark.parametrize("text,role", [
    ("huizen, poh belt: dr 14 somber", "poh"),
    ("lunetten, jeugdverpleegkundige: meisje 15 somber", "jeugdverpleegkundige"),
    ("blaricum, jongerenwerker vmbo ziet snijwonden op arm zn 16. wie?", "jongerenwerker"),
])
def test_the_caller_after_the_place_or_who_saw_it_is_the_caller(text, role):
    assert role in [found for _, _, found in own_caller_roles(text)]


@pytest.mark.parametrize("text", ["utrecht stad, ib'er vo: meisje 16 chat veel met een man van 30",
                                  "blaricum, mentor vmbo ziet snijwonden op arm zn 16. wie?"])
def test_a_school_role_that_calls_is_a_school_and_no_service_of_its_own(text):
    # since session 25 the school's staff are callers with the school's route to hand (``spoken.SCHOOL_STAFF``), and
    # still name no service of the kaart: no service is the caller's own
    parsed = parse_vraag(text)
    assert caller_roles(text) == () and parsed.beller == () and "school" in parsed.doelgroep_hints
    assert parsed.beller_route == ("via_school",)


def test_the_poh_calling_after_the_place_gets_her_own_service_below_the_first_three():
    assert "poh_jeugd" not in ids(zoek("huizen, poh belt: dr 14 somber, wil praten"))


def test_a_zoco_is_a_school():
    assert "school" in parse_vraag("zoco belt: zn 15 huizen thuiszitter, angstig").doelgroep_hints


# ------------------------------------------------------------------ 4: no false reasons


def test_a_young_carer_finds_no_young_child_pilots():
    result = zoek("mantelzorg jongere 16, moeder psychisch ziek, huizen, is er iets voor jonge mantelzorgers?")
    assert not any("'jonge'" in hit.waarom for hit in result.hits)


def test_meeting_boys_online_is_no_leisure():
    result = zoek("meisje 14 stuurt naaktfotos naar jongens die ze online ontmoet, wijdemeren, wat nu")
    assert "vrije_tijd" not in result.themas


def test_a_measure_in_place_is_no_reason_for_the_jgz_or_school_social_work():
    result = zoek("zn 15 heeft een ots, gezinsvoogd nooit bereikbaar, mdr wil klagen. bussum")
    assert result.hits[0].id == "djgb_jeugdbescherming"
    others = [hit for hit in result.hits[1:]]
    assert not any("maatregel van jeugdbescherming" in hit.waarom for hit in others)
    assert not any("'bereikbaar'" in hit.waarom for hit in result.hits)


# ------------------------------------------------------------------ 5: a minor without a roof


@pytest.mark.parametrize("text", [
    "jongen 16 slaapt af en toe op straat of bij vrienden, mdr heeft m eruit gezet, hilversum. waar kan ie slapen?",
    "huizen, zn 15 slaapt soms buiten, waar kan hij slapen?",
])
def test_a_minor_sleeping_rough_is_housing_and_a_safety_worry(text):
    result = zoek(text)
    assert "gezondheid" not in result.themas and "wonen_werk" in result.themas
    assert result.hits[0].id != "poh_jeugd"
    assert messages.ZONDER_SLAAPPLEK in (result.melding or "")
    assert "Opvang of begeleid wonen voor jongeren" in (result.ontbreekt or "")


def test_a_parent_who_puts_the_child_out_gives_the_child_the_housing_problem():
    parsed = parse_vraag("jongen 16, mdr heeft m eruit gezet, hilversum")
    assert "wonen_werk" in parsed.kind_themas and "wonen_werk" not in parsed.ouder_themas


@pytest.mark.parametrize("text", ["zoon 8 slaapt slecht, huizen", "zn 15 hangt op straat, huizen",
                                  "jongen 19 slaapt bij vrienden, hilversum"])
def test_sleep_loitering_and_an_adult_get_no_minor_without_a_roof_note(text):
    assert messages.ZONDER_SLAAPPLEK not in (zoek(text).melding or "")


def test_sleeping_badly_stays_a_sleep_problem():
    assert "gezondheid" in zoek("zoon 8 slaapt slecht, huizen").themas


# ------------------------------------------------------------------ 6: follow-ups with a new age or a sibling


PREVIOUS = "mantelzorg jongere 16, moeder psychisch ziek, huizen, is er iets voor jonge mantelzorgers?"


@pytest.mark.parametrize("text,age", [
    ("hij is 18 inmiddels", 18), ("hij is inmiddels 18", 18), ("ze is nu 17", 17),
    ("en voor t broertje van 8?", 8), ("en het zusje (6)?", 6), ("wat is er voor zijn zus van 12", 12),
])
def test_a_new_age_or_a_sibling_searches_the_previous_question_again(text, age):
    again = vorige_vraag_opnieuw(PREVIOUS, text)
    assert again is not None
    question, slots = again
    assert question == PREVIOUS and slots["kaart_leeftijd"] == age and slots["kaart_gemeente"] == "huizen"


@pytest.mark.parametrize("text", ["zoon 15", "broertje van 8 spijbelt"])
def test_a_new_question_is_no_age_follow_up(text):
    assert restated(text) is None or restated(text).kind != "leeftijd"
    assert vorige_vraag_opnieuw(PREVIOUS, text) is None


# ------------------------------------------------------------------ 7: older than youth help


@pytest.mark.parametrize("text", ["jongen 22 blowt, moeder ongerust, huizen",
                                  "jongen 22 blowt de hele dag, geen werk, woont nog thuis in bussum, ouders radeloos"])
def test_an_adult_older_than_youth_help_is_told_so(text):
    melding = zoek(text).melding or ""
    assert "de diensten voor jongeren lopen tot en met 21 jaar" in melding
    assert "volwassene van 22 jaar" in melding


def test_a_young_adult_of_21_gets_no_such_note():
    assert "tot en met 21 jaar. Voor een volwassene" not in (zoek("hsum jongen 21 wil werken maar heeft geen "
                                                                  "diploma").melding or "")
