"""The general entrances of a place and the route to a measure-only service (Veilig Thuis, the jeugdteam)."""
from __future__ import annotations

from typing import Iterable, List, Optional, Set

from bot.kaart.ages import age_ok
from bot.kaart.hits import place_hit
from bot.kaart.index import KaartIndex
from bot.kaart.kinds import measure_only, verwijsbaar
from bot.kaart.query import placement_under_measure
from bot.kaart.question import QueryContext
from bot.kaart.ranking import TOP, referral_first
from bot.kaart.results import Hit
from bot.kaart.service_area import place_part
from bot.kaart.vocabulary import (
    REGIOS,
    gemeenten_van,
)


def general_route(index: KaartIndex, gemeente: Optional[str], leeftijd: Optional[int] = None) -> List[Hit]:
    """The general entrances (``algemene_toegang``) of the place, or of every municipality of a region, for the
    age asked."""
    if gemeente is None:
        return []
    out = []
    wanted = set(gemeenten_van(gemeente)) if gemeente in REGIOS else {gemeente}
    for i in index.general:
        doc = index.docs[i]
        if wanted & doc.areas and age_ok(doc.service, leeftijd):
            out.append(place_hit(doc, gemeente))
    return out


def measure_route_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                        limit: int) -> List[Hit]:
    """A measure-only service (jeugdbescherming) among the first ``TOP``: a family or professional cannot go
    there themselves, so the way there leads: the safety service of the place (Veilig Thuis) and its general
    entrance (the jeugdteam), which can ask the Raad voor de Kinderbescherming for an investigation. Then the
    measure-only service itself, with its route explained, then the rest."""
    from bot.kaart import messages

    if ctx.parsed.maatregel_loopt:
        # the measure is already in place ("OTS loopt"): the way to one is not what is asked
        return measure_service_for_placement(index, ctx, hits, allowed, limit)
    measure = next((hit for hit in hits[:TOP] if hit.id in index.by_id
                    and measure_only(index.doc(hit.id).service)), None)
    if measure is None:
        return hits
    shown = {hit.id: hit for hit in hits}
    safety = [i for i in (allowed if allowed is not None else range(len(index.docs)))
              if index.docs[i].service.themas[:1] == ["veiligheid"] and index.docs[i].service.aard == "dienst"
              and verwijsbaar(index.docs[i].service) and age_ok(index.docs[i].service, ctx.leeftijd)]
    route: List[Hit] = []
    for i in sorted(safety, key=lambda i: index.docs[i].service.id)[:1]:
        doc = index.docs[i]
        route.append(shown.get(doc.service.id) or place_hit(doc, ctx.gemeente))
    # the entrance to youth care (the jeugdteam, not the health service), the municipality's own before a regional one
    entrances = [shown[h.id] if h.id in shown else h for h in general_route(index, ctx.gemeente, ctx.leeftijd)]
    docs = {h.id: index.doc(h.id) for h in entrances}
    route += sorted(entrances, key=lambda h: ("jeugdhulp" not in docs[h.id].service.themas,
                                              -place_part(docs[h.id], ctx.gemeente)[0], -h.score, h.id))[:1]
    if not route:  # no way there in the kaart: keep the order (a referral first, see ``referral_first``)
        return hits
    for hit in route:
        if not hit.waarom.startswith(messages.ROUTE_MAATREGEL):
            hit.waarom = messages.ROUTE_MAATREGEL + " " + hit.waarom
    first = [hit.id for hit in route] + [measure.id]
    ordered = route + [measure] + [hit for hit in hits if hit.id not in first]
    return referral_first(ordered[:limit])


PLACEMENT_WHY = ("Er loopt al een kinderbeschermingsmaatregel: de jeugdbescherming werkt dan met het gezin en is "
                 "betrokken bij een (dreigende) uithuisplaatsing. Bespreek de vraag met de gezinsvoogd. ")


def measure_service_for_placement(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                                  limit: int) -> List[Hit]:
    """A measure in place and a placement out of home named ("ots loopt, jb wil zn 13 uit huis plaatsen",
    ``placement_under_measure``): the measure-only service of the place (the jeugdbescherming, DJGB) among the first
    ``TOP``, right after the best match, with a reason that says why. The source (IDU-werkboek Gooi en Vechtstreek)
    names DJGB as the gecertificeerde instelling of the kernteam complexe casuïstiek, which works on a threatened
    placement ("dreigende uithuisplaatsing"); the family already works with it under the measure. Without a
    placement named, or where the kaart has no such service (Utrecht), the order stays."""
    if not placement_under_measure(ctx.parsed):
        return hits
    shown = {hit.id: hit for hit in hits}
    measures = sorted((i for i in (allowed if allowed is not None else range(len(index.docs)))
                       if measure_only(index.docs[i].service) and age_ok(index.docs[i].service, ctx.leeftijd)),
                      key=lambda i: index.docs[i].service.id)
    if not measures:
        return hits
    doc = index.docs[measures[0]]
    measure = shown.get(doc.service.id) or place_hit(doc, ctx.gemeente)
    if not measure.waarom.startswith(PLACEMENT_WHY):
        measure.waarom = PLACEMENT_WHY + measure.waarom
    if measure.id in [hit.id for hit in hits[:TOP]]:
        return hits
    rest = [hit for hit in hits if hit.id != measure.id]
    return referral_first((rest[:1] + [measure] + rest[1:])[:limit])


DANGER_TOLD_WHY = "In het gesprek kwam een signaal van onveiligheid naar voren: overleg eerst met Veilig Thuis. "
DANGER_SAID_WHY = "Je vraag noemt een signaal van onveiligheid: vraag Veilig Thuis om advies (meldcode). "


def safety_service_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                         limit: int) -> List[Hit]:
    """A question with a sign of danger to a child at home. Told in the intake it is asked in (``ctx.danger_told``):
    the safety service of the place (Veilig Thuis) first, as the intake's advice says (the meldcode: consult Veilig
    Thuis as soon as there are signals), then the rest; a user test saw an intake in Huizen where the father pulled
    the child's arm search only on the divorce, without Veilig Thuis. In the question itself (``ctx.danger_said``:
    "zn 16 slaat mdr", "oom zit aan haar"): Veilig Thuis among the first ``TOP``, after the best match when the
    search ranked it lower (the blind set toets18 saw "vdr sloeg mdr" in Hilversum without it). Where the kaart has
    no safety service of the place (Utrecht), the one reachable everywhere by its national number
    (``landelijk_bereikbaar``: Veilig Thuis, 0800-2000) is shown, with that number in its reason."""
    from bot.kaart import messages

    if not (ctx.danger_told or ctx.danger_said):
        return hits
    shown = {hit.id: hit for hit in hits}
    candidates = list(allowed if allowed is not None else range(len(index.docs)))
    safety = _safety_services(index, ctx, candidates)
    national = not safety and allowed is not None
    if national:
        safety = [i for i in _safety_services(index, ctx, range(len(index.docs)))
                  if index.docs[i].service.landelijk_bereikbaar]
    if not safety:
        return hits
    doc = index.docs[safety[0]]
    first = shown.get(doc.service.id) or place_hit(doc, ctx.gemeente)
    if national:
        number = doc.service.telefoon or doc.org_telefoon
        if number:
            first.waarom = messages.landelijk_bereikbaar(doc.service.naam, number)
    why = DANGER_TOLD_WHY if ctx.danger_told else DANGER_SAID_WHY
    if not first.waarom.startswith(why):
        first.waarom = why + first.waarom
    rest = [hit for hit in hits if hit.id != first.id]
    if ctx.danger_told:
        return ([first] + rest)[:limit]
    # a sign of danger in the question itself: Veilig Thuis among the first three, where the search ranked it or
    # right after the best match (the question may ask for more than the danger: "... zoekt opvoedhulp")
    if first.id in [hit.id for hit in hits[:TOP]]:
        return hits[:limit]
    return (rest[:1] + [first] + rest[1:])[:limit]


def _safety_services(index: KaartIndex, ctx: QueryContext, candidates: Iterable[int]) -> List[int]:
    """The safety services (theme 'veiligheid' first, a service one can refer to, not only under a measure) among
    ``candidates`` for the age asked, in the order of their ids."""
    return sorted((i for i in candidates
                   if index.docs[i].service.themas[:1] == ["veiligheid"] and index.docs[i].service.aard == "dienst"
                   and verwijsbaar(index.docs[i].service) and not measure_only(index.docs[i].service)
                   and age_ok(index.docs[i].service, ctx.leeftijd)),
                  key=lambda i: index.docs[i].service.id)


GENERAL_ENTRANCE_WHY = "Algemene ingang van deze plaats: kan meedenken over elke vraag van een gezin. "


def as_entrance(hit: Hit) -> Hit:
    """``hit``, shown as the general entrance of the place: its reason says so (once)."""
    if not hit.waarom.startswith(GENERAL_ENTRANCE_WHY):
        hit.waarom = GENERAL_ENTRANCE_WHY + hit.waarom
    return hit
