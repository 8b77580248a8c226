"""Misses of the blind set toets20 (session 23: phone shorthand about teenagers and young adults), fixed by cause:

- a bare lower-case place after a child and its age ("dr 13 huizen", "jongen 19jr huizen") or opening the note before
  whom it is about ("huizen zn 14 ...", "ondiep mdr ..."); 'hsum' is Hilversum; "utrecht stad" is the city, not Vleuten;
- the caller's own role named as the help already there ("poh belt: ... wat kan er naast de poh") stays the caller's;
- words of problems: "op jongens valt" (a verb last in a clause) is about orientation, "snijwonden op arm" is no
  poverty, a young carer is no health problem;
- "al halt gehad" says Halt already ran; hanging about with "overlast" is no case for Bureau Halt;
- the JGZ (GGD team Jeugd en Gezin, JGZ Vleuten) is for jeugdigen of 0 t/m 17;
- help the kaart lacks (opvang for young people, schuldhulp, a work-and-income desk, young-carer support,
  verslavingszorg, crisis or adult mental health care, loverboy help) is said in one line.
"""
from __future__ import annotations

import pytest

from bot.kaart import places
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def ids(result, top=3):
    return [hit.id for hit in result.hits[:top]]


@pytest.mark.parametrize("text,code", [
    ("raad doet onderzoek, dr 13 huizen, (nog) geen ots. mdr wil vrijwillige hulp", "huizen"),
    ("jongen 19jr huizen geen werk geen inkomen", "huizen"),
    ("huizen zn 14 kijkt steeds geweldfilmpjes, school ongerust", "huizen"),
    ("ondiep mdr (cliente) ms, zn 16 doet alles thuis, mist school", "utrecht"),
    ("hsum jongen 21 wil werken maar heeft geen diploma", "hilversum"),
])
def test_bare_place_in_shorthand(text, code):
    found = places.zoek_plaats(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize("text", ["ze hebben 13 huizen gekocht", "de kinderen wisselen tussen twee huizen, zoon 12"])
def test_houses_stay_houses(text):
    assert places.zoek_plaats(text) is None


def test_utrecht_city_gets_no_service_of_vleuten_only():
    result = zoek("utrecht stad, ib'er vo: meisje 16 seksueel getinte chats met volwassen man via game, mdr weet "
                  "van niks. vt?")
    assert "jgz_vleuten" not in [hit.id for hit in result.hits]
    assert result.hits and result.hits[0].id == "buurtteam_vleuten"


def test_the_callers_own_service_named_as_already_there_does_not_lead():
    result = zoek("poh belt: meisje 16jr naarden, somber, zegt soms dat ze er niet meer wil zijn. wat kan er naast "
                  "de poh")
    assert result.hits and result.hits[0].id != "poh_jeugd"
    assert "poh_jeugd" not in ids(result)


def test_orientation_in_a_clause():
    result = zoek("eemnes zn 15 zegt dat hij op jongens valt, durft het thuis niet te zeggen, wil met iemand praten")
    assert "seksualiteit" in result.themas
    assert "jongerenwerk_versa" in ids(result)


def test_an_arm_is_no_poverty():
    result = zoek("blaricum, mentor vmbo ziet snijwonden op arm zn 16. wie?")
    assert "financien" not in result.themas


def test_halt_already_had_and_hanging_about_do_not_put_halt_first():
    had = zoek("kortenhoef zn 15 haalt streken uit met groepje, vernielingen, al halt gehad. vdr radeloos")
    assert had.hits[0].id != "bureau_halt"
    hanging = zoek("laren jongeren hangen bij de brink, overlast, buren klagen. jongerenwerk?")
    assert hanging.hits[0].id == "jongerenwerk_versa"
    assert "bureau_halt" not in ids(hanging)


@pytest.mark.parametrize("text", ["jongen 22 blowt elke dag, hilversum", "dochter 19 zit niet meer op school, bussum, "
                                  "somber"])
def test_youth_health_care_is_for_jeugdigen_under_18(text):
    result = zoek(text)
    assert "jeugd_en_gezin_ggd" not in [hit.id for hit in result.hits]
    assert "jgz_vleuten" not in [hit.id for hit in result.hits]


def test_youth_health_care_still_for_a_teenager():
    assert "jeugd_en_gezin_ggd" in [hit.id for hit in zoek("dochter 15 bussum somber, slaapt slecht").hits]


@pytest.mark.parametrize("text,name", [
    ("jongen 16 slaapt af en toe op straat, waar kan ie slapen?", "Opvang of begeleid wonen voor jongeren"),
    ("leidsche rijn: jongen 20 dakloos, slaapt bij vrienden op de bank", "Opvang of begeleid wonen voor jongeren"),
    ("bussm, dr 19 klarna schulden 2k, mdr betaalt steeds af. schuldhulp voor jongeren?", "Schuldhulpverlening"),
    ("lunetten, jongen 21, studieschuld, geen inkomen. jongerenloket werk en inkomen?",
     "Een loket voor werk en inkomen (uitkering, jongerenloket)"),
    ("laren, dr 17 zorgt voor mdr met ms, mist veel school. mantelzorg hulp voor jongeren?",
     "Steun voor jonge mantelzorgers"),
    ("huizen, dr 16 blowt dagelijks, vdr wil dat ze 'in een kliniek' gaat", "Verslavingszorg"),
    ("eemnes, dr 20 depressief, is er een crisisdienst of volwassenen-ggz?", "Crisisdienst of ggz voor volwassenen"),
    ("overvecht: dr 16, mdr denkt loverboy. vt bellen?", "Gespecialiseerde hulp bij loverboys en uitbuiting"),
    ("is er iets anoniems waar een jongen van 16 online kan chatten", "Anonieme hulp online of via een chat"),
])
def test_help_the_kaart_lacks_is_said(text, name):
    assert name in ontbrekende_hulp(text)
    assert zoek(text).ontbreekt


@pytest.mark.parametrize("text", ["vader in een kliniek opgenomen, zoon 12 bussum", "moeder slaapt slecht, huizen",
                                  "zoon 14 heeft schulden bij vrienden, laren"])
def test_a_problem_alone_asks_for_no_missing_help(text):
    assert ontbrekende_hulp(text) == []
