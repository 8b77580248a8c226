"""A placement out of home while a measure is running (session 21, toets18 t18_018): "ots loopt, jb wil zn 13 uit huis
plaatsen". The family already works with the jeugdbescherming under the measure, and the source (IDU-werkboek Gooi en
Vechtstreek) names DJGB in the kernteam complexe casuïstiek that works on a threatened placement: the kaart shows the
jeugdbescherming among the first three, saying why, never first (a family cannot be referred there). Without a
measure in place, or with a measure but no placement, the search is as before."""
from __future__ import annotations

import pytest

from bot.kaart import messages
from bot.kaart.query import parse_vraag, placement_under_measure
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")

DJGB = "djgb_jeugdbescherming"


@pytest.mark.parametrize("question", [
    "Bussum, lopende ots, gezinsvoogd wil dochter 12 uit huis laten plaatsen, vdr boos",
    "Laren, ots loopt al een jaar, uithuisplaatsing dreigt voor zoon 15 na incidenten thuis",
    "Hilversum, er loopt een ots, zn 9 wordt misschien uit huis geplaatst, wat kan ik nog doen",
])
def test_a_placement_under_a_running_measure_shows_the_jeugdbescherming(question):
    hits = zoek(question).hits
    assert DJGB in [hit.id for hit in hits[:3]], question
    assert hits[0].id != DJGB and hits[0].verwijsbaar
    shown = next(hit for hit in hits if hit.id == DJGB)
    assert "gezinsvoogd" in shown.waarom and "uithuisplaatsing" in shown.waarom
    # the measure is there: no route to one (Veilig Thuis, the Raad voor de Kinderbescherming) is explained
    assert not any(hit.waarom.startswith(messages.ROUTE_MAATREGEL) for hit in hits)


@pytest.mark.parametrize("question", [
    # a threatened placement without a measure: the gedragswetenschappers and the jeugdteam, not the GI
    "Huizen, zoon 14 dreigt uit huis geplaatst te worden, ouders radeloos",
    # a measure without a placement asks for something else
    "gezinsvoogd DJGB belt, OTS loopt, zoekt lichte opvoedondersteuning voor mdr met baby 3 mnd in Bussum",
])
def test_no_placement_under_a_measure_leaves_the_jeugdbescherming_out(question):
    assert not placement_under_measure(parse_vraag(question))
    assert DJGB not in [hit.id for hit in zoek(question).hits[:3]], question


def test_a_child_living_in_a_foster_family_is_no_placement_asked():
    assert not placement_under_measure(parse_vraag("lopende ots, dochter woont al twee jaar in een pleeggezin"))
