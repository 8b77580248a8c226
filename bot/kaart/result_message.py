"""The Dutch message of a search result: corrected place, entries kept out, no result, no place."""
from __future__ import annotations

from typing import List, Optional

from bot.kaart.index import KaartIndex
from bot.kaart.places import Plaats
from bot.kaart.results import Zoekresultaat
from bot.kaart.routes import general_route


def explain_result(index: KaartIndex, result: Zoekresultaat, gevonden: Optional[Plaats], held_back: List[str]) -> None:
    """The Dutch message: corrected or partly covered place, entries kept out, no result, no place."""
    from bot.kaart import messages

    notes = []
    if gevonden is not None and gevonden.verbeterd:
        notes.append(messages.plaats_verbeterd(gevonden.geschreven, gevonden.naam))
    if gevonden is not None and gevonden.dekking:
        notes.append(gevonden.dekking)
    if result.vraag is not None and result.vraag.ouder_themas:
        notes.append(messages.ouder_zelf(result.vraag.ouder_themas))
    if held_back:
        notes.append(messages.niet_getoond(held_back))
    if not result.hits:
        result.status = "geen_resultaat"
        result.route = general_route(index, result.gemeente)
        result.melding = messages.geen_resultaat(result.themas, result.gemeente, result.leeftijd, result.route)
    elif result.gemeente is None:
        result.melding = messages.ZONDER_PLAATS
    if notes:
        result.melding = " ".join(notes + ([result.melding] if result.melding else []))
    if result.vraag is not None and result.vraag.ingekort:
        result.melding = ((result.melding or "") + " " + messages.INGEKORT).strip()
