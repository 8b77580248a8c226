"""Checks of the explicit input (age, place, theme): the value to search with, or a Dutch refusal."""
from __future__ import annotations

from typing import List, Optional, Tuple

from bot.kaart import places
from bot.kaart.places import Plaats
from bot.kaart.query import (
    Vraag,
    resolve_plaats,
    resolve_thema,
)
from bot.kaart.results import Zoekresultaat
from bot.kaart.vocabulary import (
    LEEFTIJD_MAX,
)


def check_leeftijd(leeftijd, parsed: Vraag) -> Tuple[Optional[int], Optional[Zoekresultaat]]:
    """The explicit age as a number (or the age in the question), or a Dutch refusal."""
    from bot.kaart import messages

    if leeftijd is None:
        return parsed.leeftijd, None
    try:
        value = int(leeftijd)
    except (TypeError, ValueError):
        return None, Zoekresultaat("ongeldig", melding=messages.ongeldige_leeftijd(leeftijd), vraag=parsed)
    if not 0 <= value <= LEEFTIJD_MAX:
        return None, Zoekresultaat("ongeldig", melding=messages.ongeldige_leeftijd(value), vraag=parsed)
    return value, None


def check_plaats(gemeente: Optional[str], parsed: Vraag
                 ) -> Tuple[Optional[str], Optional[Plaats], Optional[Zoekresultaat]]:
    """(area code, recognised place, refusal): the explicit place wins over one in the question; when it is only the
    area (a code or a municipality) of the question's own place, that place says more (the code "utrecht" for a
    question about Overvecht: only services of the whole city, not those of Vleuten-De Meern). A village or wijk
    given apart is the place (a follow-up "en in Muiderberg?" after a question about Bussum)."""
    from bot.kaart import messages

    if gemeente:
        gevonden = resolve_plaats(gemeente)
        if gevonden is None or gevonden.code is None:
            # the other place is worth a word only when the place outside is the question's own ("en in Weesp?" after
            # a question about Hilversum asks about Weesp)
            ook = _also_named(parsed) if str(gemeente) == parsed.buiten_regio else None
            return None, None, Zoekresultaat(
                "buiten_regio", melding=messages.buiten_regio(str(gemeente)[:60], ook), vraag=parsed)
        # a village or wijk given apart (a follow-up "en in Muiderberg?" after a question about Bussum) is the place
        if parsed.plaats_info is not None and parsed.gemeente == gevonden.code and gevonden.soort not in ("wijk",
                                                                                                          "kern"):
            return gevonden.code, parsed.plaats_info, None
        return gevonden.code, gevonden, None
    if parsed.gemeente:
        return parsed.gemeente, parsed.plaats_info, None
    place = parsed.buiten_regio or parsed.onbekende_plaats
    if place:
        return None, None, Zoekresultaat("buiten_regio", melding=messages.buiten_regio(place, _also_named(parsed)),
                                         vraag=parsed)
    return None, None, None


def _also_named(parsed: Vraag) -> Optional[str]:
    """A place of the kaart the question names besides the family's place outside it (where the child goes to school:
    "zij woont in Almere maar haar zoon zit op school in Hilversum"), as written; None without one."""
    return next((named for named in places.genoemde_plaatsen(parsed.tekst)
                 if (found := resolve_plaats(named)) is not None and found.code), None)


def check_thema(thema: Optional[str], parsed: Vraag) -> Tuple[List[str], Optional[Zoekresultaat]]:
    """The themes of the question, an explicit theme first; or a Dutch refusal of an unknown theme."""
    from bot.kaart import messages

    themas = list(parsed.themas)
    if not thema:
        return themas, None
    code = resolve_thema(thema)
    if code is None:
        return themas, Zoekresultaat("ongeldig", melding=messages.onbekend_thema(str(thema)[:60]), vraag=parsed)
    return [code] + [t for t in themas if t != code], None
