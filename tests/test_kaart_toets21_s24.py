"""Misses of a user test and the blind set toets21 (session 24: callers outside the youth-care chain), fixed by cause:

- the caller's own job is who asks, not the problem: "ik ben huisarts", "ik ben poh-ggz", "consulent bij de
  woningcorporatie" are no search words; a GP (or the POH-GGZ, the doctor's assistant) has the POH-Jeugd in the practice
  to hand, which the reason says as a route; a JGZ nurse's own JGZ is no referral, also when she names her own
  consultatiebureau ("naast ons eigen consultatiebureau");
- "hij" in a sentence after "een moeder ... met haar zoontje" stands for the son: his restlessness is not hers;
- a parent's job ("vanwege werk") is no search word.
"""
from __future__ import annotations

import pytest

from bot.kaart import spoken
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def ids(result, top=3):
    return [hit.id for hit in result.hits[:top]]


@pytest.mark.parametrize("text,word", [
    ("ik ben huisarts in Hilversum, dochter van 6 heeft buikpijn", "huisarts"),
    ("Goedemiddag, ik ben huisarts in Bussum. Een moeder zat op mijn spreekuur met haar zoon van 7 die erg angstig is",
     "huisarts"),
    ("ik ben poh-ggz in bussum en heb een moeder met een zoon van 8 die veel piekert", "poh"),
    ("ik ben poh ggz in bussum en heb een moeder met een zoon van 8 die veel piekert", "ggz"),
    ("Goedendag, ik ben consulent bij de woningcorporatie in Bussum. Een moeder met een dochter van 6 die erg angstig "
     "is vraagt om hulp.", "consulent"),
])
def test_the_callers_job_is_no_reason(text, word):
    result = zoek(text)
    assert result.hits
    assert not any(f"'{word}'" in hit.waarom for hit in result.hits), [hit.waarom for hit in result.hits]


def test_a_gp_has_the_poh_jeugd_as_a_route():
    result = zoek("ik ben huisarts in Hilversum, dochter van 6 heeft al weken buikpijn en is somber")
    poh = next(hit for hit in result.hits if hit.id == "poh_jeugd")
    assert "via de huisartsenpraktijk" in poh.waarom
    assert "poh_jeugd" in ids(result)


def test_a_poh_ggz_is_no_poh_jeugd():
    assert spoken.caller_roles("ik ben poh ggz in bussum") == ()
    assert spoken.caller_routes("ik ben poh-ggz in een huisartsenpraktijk in Hilversum") == ("via_huisarts",)


def test_the_jgz_nurse_naming_her_own_consultatiebureau_gets_no_jgz_first():
    text = ("Goedemorgen, ik ben jeugdverpleegkundige bij de GGD en zie op het consultatiebureau in Hilversum een "
            "jonge moeder met een baby van vier maanden. De baby huilt veel en moeder is somber. Naar wie kan ik haar "
            "verwijzen naast ons eigen consultatiebureau?")
    assert spoken.caller_roles(text)  # her own role, not one asked for
    assert "jeugd_en_gezin_ggd" not in ids(zoek(text))


def test_he_after_a_mother_with_her_son_is_the_son():
    parsed = parse_vraag("Vanochtend zat een moeder op mijn spreekuur met haar zoontje van 7. Hij is thuis en in de "
                         "klas erg druk, kan niet stilzitten.")
    assert "gedrag" in parsed.kind_themas and "gedrag" not in parsed.ouder_themas


def test_a_parents_work_is_no_search_word():
    result = zoek("vader kan niet zorgen vanwege werk, kinderen 4 en 7, hilversum")
    assert not any("'werk'" in hit.waarom for hit in result.hits)


def test_a_child_who_does_not_speak_at_school_is_a_problem_the_kaart_knows():
    result = zoek("is er iets in hilversum voor kinderen die niet praten op school?")
    assert "somberheid_angst" in result.themas
    assert "geen probleem" not in (result.melding or "")


def test_no_winter_coat_finds_the_brugfunctionaris():
    result = zoek("moeder heeft geen winterjas voor de kinderen, bussum")
    assert "financien" in result.themas
    assert "brugfunctionaris" in ids(result)
