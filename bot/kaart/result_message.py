"""The Dutch message of a search result: corrected place, entries kept out, no result, no place."""
from __future__ import annotations

from typing import List, Optional, Sequence, Set

from bot.kaart.describe import werkgebied_tekst
from bot.kaart.index import Doc, KaartIndex
from bot.kaart.kinds import callers_own
from bot.kaart.naming import names_entry
from bot.kaart.places import Plaats
from bot.kaart.query import Vraag
from bot.kaart.results import Hit, Zoekresultaat
from bot.kaart.routes import general_route
from bot.kaart.subject import help_for_the_child
from bot.kaart.vocabulary import WERKGEBIEDEN


def explain_result(index: KaartIndex, result: Zoekresultaat, gevonden: Optional[Plaats], held_back: List[str],
                   elsewhere: Sequence[Doc] = (), projects: bool = False, place_note: Optional[str] = None) -> None:
    """The Dutch message: corrected or partly covered place, a service named that the kaart has only elsewhere,
    entries kept out (``projects``: the question asked for pilots or projects), no result, no place. ``place_note``:
    the place lies outside the kaart or is not known (only a street), so only what holds everywhere was searched: that
    note leads, and no general route of a place follows."""
    from bot.kaart import messages
    from bot.kaart.dialog import ouder_zelf_gevraagd  # lazy: the dialog reads questions with the search's parts

    notes = []
    for doc in elsewhere:
        place = gevonden.naam if gevonden is not None else WERKGEBIEDEN.get(result.gemeente or "", "")
        national = (doc.service.telefoon or doc.org_telefoon) if doc.service.landelijk_bereikbaar else None
        notes.append(messages.alleen_elders(doc.service.naam, werkgebied_tekst(doc.service), place, national))
    if gevonden is not None and gevonden.verbeterd:
        notes.append(messages.plaats_verbeterd(gevonden.geschreven, gevonden.naam))
    if gevonden is not None and gevonden.soort == "school" and gevonden.code:
        notes.append(messages.plaats_van_school(gevonden.naam, WERKGEBIEDEN.get(gevonden.code, gevonden.code)))
    if gevonden is not None and gevonden.dekking:
        notes.append(gevonden.dekking)
    own = [theme for theme in (result.vraag.ouder_themas if result.vraag is not None else [])
           if theme not in messages.NO_PARENT_REFERRAL]
    if result.vraag is not None and own and not _not_about_the_parents_own_help(result.vraag):
        notes.append(messages.ouder_zelf(own, kinderen=_children_named(result.vraag)))
    elif result.vraag is not None and ouder_zelf_gevraagd(result.vraag.tekst):
        notes.append(messages.ouder_zelf_zonder_probleem(str(ouder_zelf_gevraagd(result.vraag.tekst))))
    if held_back:
        notes.append(messages.niet_getoond(held_back, projects))
    if place_note is not None:
        if not result.hits and result.status == "ok":
            result.status = "geen_resultaat"
        # a service reachable everywhere by its national number says that number, also when the search found it by
        # its theme, not by a sign of danger (``routes.safety_service_first``)
        _with_national_numbers(index, result.hits)
        notes.insert(0, messages.alleen_landelijk(place_note, bool(result.hits)))
    elif not result.hits:
        result.status = "geen_resultaat"
        result.route = general_route(index, result.gemeente)
        beller = result.vraag.beller if result.vraag is not None else ()
        eigen = [hit.id for hit in result.route if hit.id in index.by_id
                 and callers_own(index.doc(hit.id).service, beller)]
        buurtteam = result.vraag is not None and "via_buurtteam" in result.vraag.beller_route
        result.melding = messages.geen_resultaat(result.themas, result.gemeente, result.leeftijd, result.route,
                                                 eigen, buurtteam)
    elif result.gemeente is None:
        result.melding = messages.ZONDER_PLAATS
    if notes:
        result.melding = " ".join(notes + ([result.melding] if result.melding else []))
    if result.vraag is not None and result.vraag.ingekort:
        result.melding = ((result.melding or "") + " " + messages.INGEKORT).strip()


def _with_national_numbers(index: KaartIndex, hits: List[Hit]) -> None:
    """Each hit reachable everywhere by its national number (``landelijk_bereikbaar``: Veilig Thuis, 0800-2000) says
    so in its reason, where the family lives outside the kaart or no place is known."""
    from bot.kaart import messages

    for hit in hits:
        doc = index.docs[index.by_id[hit.id]]
        number = (doc.service.telefoon or doc.org_telefoon) if doc.service.landelijk_bereikbaar else None
        if number and number not in hit.waarom:
            hit.waarom = " ".join(filter(None, [hit.waarom, messages.landelijk_bereikbaar(doc.service.naam, number)]))


def _not_about_the_parents_own_help(vraag: Vraag) -> bool:
    """The note on a parent's own problem does not fit: the question asks help for the child (``subject``), or
    holds danger, where what to do now comes first and a parent's aggression or drinking is no problem to refer the
    parent for (a user test of session 22 read it under the 112 advice for an ex at the door)."""
    from bot.intake.danger import danger_in  # lazy: the intake's signals load only for a search

    return help_for_the_child(vraag.tekst) or bool(danger_in(vraag.tekst))


def _children_named(vraag: Vraag) -> bool:
    """The question names the children (an age, the ages of several, or a child word), so it is about the family too."""
    return vraag.leeftijd is not None or bool(vraag.leeftijden) or "jeugdige" in vraag.doelgroep_hints


def named_elsewhere(index: KaartIndex, terms: List[str], gemeente: Optional[str], allowed: Optional[Set[int]],
                    shown: Sequence[str]) -> List[Doc]:
    """The services the question names by their name ("leerplicht bussum", "jeugdcoach in Huizen") that the kaart
    has only in other places than ``gemeente`` (the place filter left them out): a user test got no Leerplicht and no
    word that the kaart has Leerplicht only for Hilversum."""
    if gemeente is None or allowed is None:
        return []
    return [doc for i, doc in enumerate(index.docs)
            if i not in allowed and doc.areas and doc.service.id not in shown
            and names_entry(index, doc.service, terms)]
