"""Session 29 (kaart29c): a child's gaming or screen use, when the question is first about it, is also read as a
parenting question (``query._screen_limits``): the opvoedcoach counts on it. A parent's own gaming, substance use,
or a question that leads with another problem stays as it was.

Own sentences, none from an evaluation set.
"""
from __future__ import annotations

import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek


@pytest.mark.parametrize("text", [
    "zoon van 12 uit Kortenhoef gamet elke nacht tot drie uur en wordt boos als hij moet stoppen",
    "dochter van 14 in Ankeveen zit de hele dag achter een scherm en slaat met deuren",
    "jongen van 13 in Huizen heeft een gameverslaving, ouders krijgen er geen grip op",
])
def test_childs_screen_use_is_also_parenting(text):
    vraag = parse_vraag(text)
    assert vraag.themas[0] == "verslaving"
    assert "opvoeding" in vraag.themas
    assert vraag.themas.index("opvoeding") > vraag.themas.index("verslaving")


@pytest.mark.parametrize("text", [
    "zoon van 15 in Laren blowt elke dag met vrienden",  # a substance, not a screen
    "vader in Huizen gamet de hele nacht, zoon van 10 komt te laat op school",  # the parent's own gaming
    "jongen van 13 uit Eemnes weigert naar school te gaan en zit de hele dag te gamen",  # leads with school
])
def test_other_addiction_questions_are_not_read_as_parenting(text):
    vraag = parse_vraag(text)
    assert "opvoeding" not in vraag.themas


def test_parenting_service_among_first_three_for_screen_use():
    # without the parenting reading the POH-GGZ for the child took the place of a service for parents
    hits = zoek("vader in Naarden, dochter van 12 zit uren achter een scherm, wat kan hij als ouder doen").hits
    assert {"jeugd_en_gezin_ggd", "opvoedcoach_ggd"} & {hit.id for hit in hits[:3]}
    assert hits[0].verwijsbaar
