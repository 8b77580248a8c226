"""The sociale kaart after the user tests of session 19 (a consultant's questions, checked in session 20): Leerplicht
among the first results for a pupil who stops school or stays home, Veilig Thuis reachable from its card, and Denkles
only where its source names it."""
from __future__ import annotations

import re

import pytest

from bot.kaart.search import default_index, zoek
from bot.knowledge.loader import get_knowledge

# ------------------------------------------------------------------ 1: Leerplicht for a pupil who stops or stays home


@pytest.mark.parametrize("vraag", [
    "kind 16 wil stoppen met school in Hilversum",
    "dochter van 14 uit hilversum zit al weken thuis",
    "zoon 13 spijbelt veel, hilversum",
    "leerling van 15 in hilversum is een thuiszitter",
    "jongen 12 hilversum blijft thuis van school",
    "meisje van 10 in Hilversum verzuimt veel",
])
def test_leerplicht_is_among_the_first_five_for_a_pupil_who_stops_or_stays_home(vraag):
    # found by the user test: Leerplicht, the one entry made for school absence alone, came sixth under youth work and
    # the youth health service; it stays after the services whose route the source gives, and says why it is there
    result = zoek(vraag, limit=5)
    ids = [hit.id for hit in result.hits]
    assert "leerplicht" in ids, ids
    assert ids.index("leerplicht") >= 3, ids  # after the services a professional knows how to reach


def test_leerplicht_says_why_it_comes_after_the_services_one_can_reach():
    result = zoek("kind 16 wil stoppen met school in Hilversum", limit=5)
    hit = next(hit for hit in result.hits if hit.id == "leerplicht")
    assert hit.waarom.startswith("Deze dienst is er speciaal voor schoolverzuim en thuiszitten; de bron zegt weinig "
                                 "over het aanbod en niet hoe je er terechtkomt"), hit.waarom


def test_a_provider_of_youth_care_is_not_lifted_as_made_for_the_theme():
    # a thin provider with youth care as its only theme (Riozorg, Knoest) is chosen by the municipality's way in
    ids = [hit.id for hit in zoek("Hilversum, ouders zoeken jeugdhulp voor hun zoon van 9", limit=5).hits]
    assert not {"riozorg_jeugdhulp", "knoest_jeugdhulp_bussum", "s_heeren_loo_gooi"} & set(ids), ids


def test_a_fund_without_a_known_area_is_not_lifted_for_money_worries():
    # Stichting Kinderhulp: the source does not say where it works, so it is not known to be there for the family
    for vraag in ("Huizen: moeder zit diep in de schulden en haar zoon van 17 drinkt elk weekend",
                  "Hilversum: vader heeft grote schulden en schaamt zich, de kinderen merken de spanning thuis"):
        ids = [hit.id for hit in zoek(vraag, limit=5).hits]
        assert "stichting_kinderhulp_acties" not in ids[:4], ids


# ------------------------------------------------------------------ 2: Veilig Thuis reachable from its card

def _safety_number() -> str:
    """The Veilig Thuis number the intake's safety text gives (knowledge/vraagverheldering/signalen.yml)."""
    text = get_knowledge().entries["intake_signaal"]["gevaar_geweld"].direct_doen
    found = re.search(r"Veilig Thuis \(([0-9-]+)", text)
    assert found, text
    return found.group(1)


@pytest.mark.parametrize("vraag", [
    "Zorgen over huiselijk geweld bij een gezin in Huizen",
    "leerkracht in Bussum ziet blauwe plekken bij een leerling van 8",
    "Gooi en Vechtstreek: ik wil advies over kindermishandeling",
])
def test_the_veilig_thuis_card_gives_the_number_of_the_safety_text(vraag):
    # found by the user test: the card said "contactgegevens staan niet in de sociale kaart", while the intake's safety
    # text names the national number; a professional must be able to reach Veilig Thuis from the card
    result = zoek(vraag, limit=10)
    hit = next(h for h in result.hits if h.id == "veilig_thuis")
    assert f"telefoon {_safety_number()}" in hit.bereikbaarheid, hit.bereikbaarheid
    assert "niet in de sociale kaart" not in hit.bereikbaarheid
    assert "geeft geen contactgegevens" not in hit.beschrijving


# ------------------------------------------------------------------ 3: Denkles only where its source names it

@pytest.mark.parametrize("vraag", [
    "Blaricum - ouders voelen zich machteloos, zoon 10 luistert nergens meer naar",
    "Een ouder in Hilversum piekert veel over het ouderschap",
    "Huizen, moeder zit met een burn-out thuis en de kinderen van 3 en 5 zitten de hele dag voor de tv",
    "Gooi en Vechtstreek: moeder piekert de hele dag of ze het wel goed doet met haar kind",
])
def test_denkles_is_not_offered_outside_vleuten(vraag):
    # found by the user test: Denkles had no werkgebied, so it matched every place (first in Blaricum); its source is
    # the Vleuten Versterkt report, which names it as a next step there
    assert "denkles" not in [hit.id for hit in zoek(vraag, limit=5).hits]


def test_denkles_works_where_its_source_names_it():
    service = default_index().doc("denkles").service
    assert list(service.werkgebied) == ["vleuten"]
    ids = [hit.id for hit in zoek("De Meern: vader piekert zich suf over zijn rol als ouder en slaapt slecht").hits]
    assert "denkles" in ids[:3], ids
