"""Causes of misses in the seen sets toets16 ... toets23, fixed by cause in session 27 (second round). New example
questions, none copied from an evaluation set:

- the youth health service (JGZ) does not come early for a young person of 16 or 17 whose problem is not growth,
  health, development or sexuality; for such a question it still does;
- "vader is buiten beeld" says where a parent is, not what the family needs: no service found by "buiten";
- an authority that threatens a sanction or a report ("leerplicht dreigt met een pv", "school dreigt met een melding")
  is no threat of violence: no danger signal, no Veilig Thuis first.
"""

from __future__ import annotations

import pytest

from bot.intake.danger import danger_in
from bot.kaart.query import parse_vraag
from bot.kaart.question import danger_signals
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")

JGZ = "jeugd_en_gezin_ggd"


def _top(question: str, n: int = 3) -> list:
    return [hit.id for hit in zoek(question).hits][:n]


# ------------------------------------------------------------------ the JGZ for a 16- or 17-year-old


@pytest.mark.parametrize(
    "question",
    [
        "dochter van 17 uit Laren is al maanden boos en somber na de scheiding van haar ouders",
        "zoon van 16 in Bussum steelt in winkels en hangt met oudere jongens rond, wie kan er helpen",
    ],
)
def test_youth_health_is_not_early_for_an_older_teen_outside_health(question):
    assert JGZ not in _top(question)


def test_youth_health_still_first_for_an_older_teens_health_question():
    assert _top("meisje van 16 in Huizen heeft vragen over anticonceptie en haar groei", 1) == [JGZ]


# ------------------------------------------------------------------ "buiten beeld"


@pytest.mark.parametrize(
    "question",
    [
        "moeder in Overvecht is opgenomen met een psychose, zoon van 12 is bij oma, vader is buiten beeld",
        "Huizen: vader al jaren buiten beeld, dochter van 11 is erg verdrietig",
    ],
)
def test_a_parent_out_of_the_picture_finds_no_service_by_that_word(question):
    for hit in zoek(question).hits:
        assert "'buiten'" not in hit.waarom and "'beeld'" not in hit.waarom


# ------------------------------------------------------------------ a sanction threatened is no violence


@pytest.mark.parametrize(
    "question",
    [
        "muiden, dochter van 15 wil niet naar school, leerplicht dreigt met een pv, moeder vraagt wie helpt",
        "de school dreigt met een melding bij leerplicht omdat hij steeds te laat komt",
        "buurman dreigt met aangifte omdat de jongens zijn schuur bekladden",
    ],
)
def test_a_sanction_threatened_is_no_danger_signal(question):
    assert danger_signals(parse_vraag(question)) == []
    assert [hit.id for hit in zoek(question).hits][:1] != ["veilig_thuis"]


@pytest.mark.parametrize(
    "text",
    ["vader dreigt haar te slaan", "vader dreigt met een mes", "hij dreigt met geweld als ze weggaat"],
)
def test_a_threat_of_violence_stays_a_danger_signal(text):
    assert danger_in(text)
