"""The general entrances of a place and the route to a measure-only service (Veilig Thuis, the jeugdteam)."""
from __future__ import annotations

from typing import Iterable, List, Optional, Set

from bot.kaart.ages import age_ok
from bot.kaart.hits import place_hit
from bot.kaart.index import KaartIndex
from bot.kaart.kinds import measure_only, own_entrance, verwijsbaar
from bot.kaart.query import measure_contact_asked, placement_under_measure
from bot.kaart.question import QueryContext, involved_words
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
        if measure_contact_asked(ctx.parsed) and not (ctx.danger_said or ctx.danger_told):
            # (a sign of danger besides puts Veilig Thuis first: ``safety_service_first``)
            return measure_service_for_contact(index, ctx, hits, allowed, limit)
        return measure_service_for_placement(index, ctx, hits, allowed, limit)
    if ctx.parsed.raad_onderzoekt:
        # the Raad already investigates and no measure is there yet ("de Raad doet onderzoek naar de omgang, er is nog
        # geen maatregel", toets19): the way to the Raad is taken and the measure-only service cannot be reached yet,
        # so it goes after the services the family can use meanwhile
        return measure_only_last(index, hits)
    measure = next((hit for hit in hits[:TOP] if hit.id in index.by_id
                    and measure_only(index.doc(hit.id).service)), None)
    if measure is None:
        return hits
    shown = {hit.id: hit for hit in hits}
    safety = [i for i in (allowed if allowed is not None else range(len(index.docs)))
              if index.docs[i].service.themas[:1] == ["veiligheid"] and index.docs[i].service.aard == "dienst"
              and verwijsbaar(index.docs[i].service) and ctx.age_fits(index.docs[i].service)]
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


def measure_only_last(index: KaartIndex, hits: List[Hit]) -> List[Hit]:
    """``hits`` with the measure-only services (jeugdbescherming) after the others, in their order."""
    only = [hit for hit in hits if hit.id in index.by_id and measure_only(index.doc(hit.id).service)]
    return [hit for hit in hits if hit not in only] + only


CONTACT_WHY = ("Er loopt al een kinderbeschermingsmaatregel: het gezin werkt met de jeugdbescherming, en de "
               "gezinsvoogd is het aanspreekpunt. Neem zelf contact op met de jeugdbescherming; is de gezinsvoogd niet "
               "bereikbaar, vraag dan naar een collega of de leidinggevende. ")


CONTACT_NOTE = ("Deze dienst werkt alleen na een kinderbeschermingsmaatregel. Die loopt hier al: het gezin heeft er "
                "een gezinsvoogd, die je zelf kunt benaderen.")


def _measure_services(index: KaartIndex, ctx: QueryContext, allowed: Optional[Set[int]]) -> List[int]:
    """The measure-only services (jeugdbescherming) among ``allowed`` for the age asked, in the order of their ids."""
    return sorted((i for i in (allowed if allowed is not None else range(len(index.docs)))
                   if measure_only(index.docs[i].service) and ctx.age_fits(index.docs[i].service)),
                  key=lambda i: index.docs[i].service.id)


def _measure_hit(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                 why: str) -> Optional[Hit]:
    """The hit of the first measure-only service of the place (``_measure_services``), the one of ``hits`` when it is
    there, with ``why`` before its reason; None where the kaart has no such service (Utrecht)."""
    measures = _measure_services(index, ctx, allowed)
    if not measures:
        return None
    doc = index.docs[measures[0]]
    measure = {hit.id: hit for hit in hits}.get(doc.service.id) or place_hit(doc, ctx.gemeente)
    if not measure.waarom.startswith(why):
        measure.waarom = why + measure.waarom
    return measure


def measure_service_for_contact(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                                limit: int) -> List[Hit]:
    """A measure in place and the question asks for its professional ("ots loopt, de gezinsvoogd is al weken
    onbereikbaar", "wie is de jeugdbeschermer", ``measure_contact_asked``): the measure-only service of the place
    first, with a reason that says the family already works with it and the professional can contact it. It is no
    referral then but the family's own contact, so it counts as an address to contact (``Hit.verwijsbaar``); the
    toetsets 18 and 19 expected it first. Where the kaart has no such service (Utrecht) the order stays."""
    measure = _measure_hit(index, ctx, hits, allowed, CONTACT_WHY)
    if measure is None:
        return hits
    measure.verwijsbaar = True
    measure.let_op = CONTACT_NOTE
    return ([measure] + [hit for hit in hits if hit.id != measure.id])[:limit]


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
    measure = _measure_hit(index, ctx, hits, allowed, PLACEMENT_WHY)
    if measure is None:
        return hits
    if measure.id in [hit.id for hit in hits[:2]]:
        return hits
    # right after the best match also when it ranked third: the step that spreads the roles of the first ``TOP``
    # (``top.spread_roles``) moves a second way in down and a service of another role up, which pushed it out of the
    # first three (the entrances of Huizen and the HBEL ranked first and second once the JGZ lost its bonus as a way in)
    rest = [hit for hit in hits if hit.id != measure.id]
    return referral_first((rest[:1] + [measure] + rest[1:])[:limit])


DANGER_TOLD_WHY = "In het gesprek kwam een signaal van onveiligheid naar voren: overleg eerst met Veilig Thuis. "
DANGER_SAID_WHY = "Je vraag noemt een signaal van onveiligheid: vraag Veilig Thuis om advies (meldcode). "
# the route for sexual exploitation or abuse of a minor outside the home, as the intake's safety advice says it
# (signalen.yml, gevaar_seksuele_uitbuiting)
EXPLOITATION_WHY = ("Je vraag noemt signalen van seksuele uitbuiting of misbruik van een minderjarige. Ook buiten huis "
                    "geeft Veilig Thuis advies en neemt het meldingen aan (meldcode): bespreek het met je "
                    "aandachtsfunctionaris. Gebeurt er nu een strafbaar feit of is er direct gevaar, bel dan 112 "
                    "(politie); aangifte doen kan bij de politie. ")


def safety_service_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]],
                         limit: int) -> List[Hit]:
    """A question with a sign of danger to a child at home. Told in the intake it is asked in (``ctx.danger_told``):
    the safety service of the place (Veilig Thuis) first, as the intake's advice says (the meldcode: consult Veilig
    Thuis as soon as there are signals), then the rest; a user test saw an intake in Huizen where the father pulled
    the child's arm search only on the divorce, without Veilig Thuis. In the question itself (``ctx.danger_said``:
    "zn 16 slaat mdr", "oom zit aan haar"): Veilig Thuis among the first ``TOP``, after the best match when the
    search ranked it lower (the blind set toets18 saw "vdr sloeg mdr" in Hilversum without it). So does sexual
    exploitation or abuse of a minor, also outside the home (``ctx.exploitation``: a loverboy, a grown man who chats
    with a girl), with the route in its reason (``EXPLOITATION_WHY``). Where the kaart has
    no safety service of the place (Utrecht), the one reachable everywhere by its national number
    (``landelijk_bereikbaar``: Veilig Thuis, 0800-2000) is shown, with that number in its reason."""
    from bot.kaart import messages

    if not (ctx.danger_told or ctx.danger_said or ctx.exploitation):
        return hits
    shown = {hit.id: hit for hit in hits}
    candidates = list(allowed if allowed is not None else range(len(index.docs)))
    safety = _safety_services(index, ctx, candidates)
    # no safety service of the place (Utrecht), or no place of the kaart at all (a place outside it, only a street:
    # ``service_area.nationwide_allowed``): the one reachable everywhere, with its national number
    national = allowed is not None and (not safety or ctx.gemeente is None)
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
    why = DANGER_TOLD_WHY if ctx.danger_told else EXPLOITATION_WHY if ctx.exploitation else DANGER_SAID_WHY
    if not first.waarom.startswith(why):
        first.waarom = why + first.waarom
    rest = [hit for hit in hits if hit.id != first.id]
    if ctx.danger_told:
        return ([first] + rest)[:limit]
    # a sign of danger in the question itself: Veilig Thuis among the first three, where the search ranked it or
    # right after the best match (the question may ask for more than the danger: "... zoekt opvoedhulp")
    if first.id in [hit.id for hit in hits[:TOP]]:
        return hits[:limit]
    return _way_in_stays(index, ctx, hits, rest[:1] + [first] + rest[1:])[:limit]


def safety_service_leads(index: KaartIndex, ctx: QueryContext, hits: List[Hit], allowed: Optional[Set[int]]
                         ) -> List[Hit]:
    """A sign of danger at home said in the question itself (``ctx.danger_said``): the safety service that
    ``safety_service_first`` put among the first ``TOP`` leads them, once the other steps have chosen the first three
    (the meldcode: consult Veilig Thuis as soon as there are signals; Rustpunt's own safety advice says the same).
    Only the order within the first three changes, so the way in that stood beside it stays. The seen sets expected
    Veilig Thuis first in 136 questions and found it there in 70 (123 with this step); mostly it stood second behind
    a service whose text matched better (school social work for "vader sloeg zijn dochter"). So does sexual
    exploitation or abuse of a minor by an adult (``ctx.exploitation``: a man of thirty asking a girl of thirteen for
    nude pictures): Veilig Thuis advises on it and takes its reports, also outside the home; nude images among peers
    are no such sign and stay with the jongerenwerk (``question.NOT_AT_HOME_DANGERS``). Exploitation alone does not
    lead where a measure is in place (its professional comes first: ``measure_service_for_contact``) or where the
    kaart has no safety service of the place (Utrecht: the national number stands beside the buurtteam)."""
    if not (ctx.danger_said or ctx.exploitation) or ctx.danger_told:
        return hits
    at = next((i for i, hit in enumerate(hits[:TOP]) if hit.waarom.startswith((DANGER_SAID_WHY, EXPLOITATION_WHY))),
              None)
    if not at:
        return hits
    if not ctx.danger_said:
        doc = next((i for i, d in enumerate(index.docs) if d.service.id == hits[at].id), None)
        if ctx.parsed.maatregel_loopt or (allowed is not None and doc not in allowed):
            return hits
    return [hits[at]] + hits[:at] + hits[at + 1:]


def _way_in_stays(index: KaartIndex, ctx: QueryContext, before: List[Hit], after: List[Hit]) -> List[Hit]:
    """Veilig Thuis joined the first ``TOP`` (``after``): the municipality's own way into youth care that was among
    them (``before``) stays, and the last other service gives way. Concerns about safety are talked over with Veilig
    Thuis or the jeugdteam, and either can ask the Raad for an investigation (``vocabulary.TOEGANG``, the route to a
    measure); the blind sets toets16..toets21 expected the way in beside Veilig Thuis in seven questions where it
    gave way (a wijkagent in Kortenhoef, a father's threat to take the children abroad in Laren, a girl in Eemnes
    hurt by her mother's new partner)."""
    if len(after) <= TOP or after[TOP] not in before[:TOP] or not own_entrance(index.doc(after[TOP].id), ctx.gemeente):
        return after
    after = list(after)
    after[TOP - 1], after[TOP] = after[TOP], after[TOP - 1]
    return after


def _safety_services(index: KaartIndex, ctx: QueryContext, candidates: Iterable[int]) -> List[int]:
    """The safety services (theme 'veiligheid' first, a service one can refer to, not only under a measure) among
    ``candidates`` for the age asked, in the order of their ids."""
    return sorted((i for i in candidates
                   if index.docs[i].service.themas[:1] == ["veiligheid"] and index.docs[i].service.aard == "dienst"
                   and verwijsbaar(index.docs[i].service) and not measure_only(index.docs[i].service)
                   and ctx.age_fits(index.docs[i].service)),
                  key=lambda i: index.docs[i].service.id)


# Words that name a place's general entrance by its kind.
ENTRANCE_WORDS = frozenset("jeugdteam buurtteam wijkteam gebiedsteam toegang".split())


def involved_not_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """A service the question says is already involved ("Halt loopt al", "gezin al bekend bij het jeugdteam",
    ``question.involved_words``) is not the referral asked for: it does not lead, the first referable service that is
    not involved goes first and the involved one second (toets19: "Halt loopt al ... wie kan verder met hem en met
    moeder?" had Bureau Halt first). A measure-only service keeps its place: whether it leads is the measure's route
    (``measure_route_first``)."""
    said = involved_words(ctx.parsed.tekst)
    if not said or len(hits) < 2 or not _involved(index, ctx, hits[0], said):
        return hits
    following = next((i for i, hit in enumerate(hits[1:], 1)
                      if hit.verwijsbaar and not _involved(index, ctx, hit, said)), None)
    if following is None:
        return hits
    return [hits[following], hits[0]] + [hit for i, hit in enumerate(hits) if i not in (0, following)]


def _involved(index: KaartIndex, ctx: QueryContext, hit: Hit, said: List[List[str]]) -> bool:
    """``hit`` is a service the words of ``said`` name: by its name or search words, or as the municipality's own
    way in said by its kind ("het jeugdteam", "Team Jeugd", "het buurtteam"); never a measure-only service."""
    from bot.kaart.naming import names_entry

    if hit.id not in index.by_id:
        return False
    doc = index.doc(hit.id)
    if measure_only(doc.service):
        return False
    if any(names_entry(index, doc.service, terms, True) for terms in said):
        return True
    by_kind = any(set(terms) & ENTRANCE_WORDS or {"team", "jeugd"} <= set(terms) for terms in said)
    return by_kind and own_entrance(doc, ctx.gemeente)


GENERAL_ENTRANCE_WHY = "Algemene ingang van deze plaats: kan meedenken over elke vraag van een gezin. "


def as_entrance(hit: Hit) -> Hit:
    """``hit``, shown as the general entrance of the place: its reason says so (once)."""
    if not hit.waarom.startswith(GENERAL_ENTRANCE_WHY):
        hit.waarom = GENERAL_ENTRANCE_WHY + hit.waarom
    return hit
