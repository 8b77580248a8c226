"""Composing the first three results a professional reads: entrances when few fit, one of each role, the
youth health service and the municipality's own way in, youth work for a young person."""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from bot.kaart.ages import ADULT, age_ok, only_through_school
from bot.kaart.hits import place_hit
from bot.kaart.index import KaartIndex
from bot.kaart.kinds import (
    callers_own,
    measure_only,
    own_entrance,
    role,
    route_unknown,
    school_link,
    verwijsbaar,
    youth_health,
    youth_work,
)
from bot.kaart.naming import names_entry
from bot.kaart.question import (
    HOME_THEMES,
    NEARBY,
    QueryContext,
    growth_question,
    names_child_or_school,
    projects_asked,
)
from bot.kaart.ranking import TOP, tier_of
from bot.kaart.results import Hit
from bot.kaart.routes import as_entrance, general_route
from bot.kaart.scoring import fit_score, parents_own_problem, school_route_only
from bot.kaart.service_area import local_to, place_part
from bot.kaart.text import lemmas
from bot.kaart.vocabulary import (
    REGIOS,
)

FEW_HITS = 3  # fewer hits than this for a family question: add the general entrance of the place


def spread_roles(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """No two services with the same role in the first ``TOP`` when another referable service fits: one way into
    youth care is enough when a specific service can take the slot; the second one moves down, not out. A
    question about that role itself ("toegang tot jeugdhulp", "aanmelden bij het jeugdteam") keeps both."""
    out = list(hits)
    seen: Dict[Tuple[str, str], int] = {}
    for position in range(min(TOP, len(out))):
        current = role(index.doc(out[position].id).service)
        if current in seen and current[1] not in ctx.themas:
            first = seen[current]
            if (representative(index, ctx, index.doc(out[position].id).service)
                    > representative(index, ctx, index.doc(out[first].id).service)):
                out[first], out[position] = out[position], out[first]
            swap = next((j for j in range(position + 1, len(out)) if fresh_role(index, ctx, out[j], seen)), None)
            if swap is not None:
                out.insert(position, out.pop(swap))
                current = role(index.doc(out[position].id).service)
        seen.setdefault(current, position)
    return out


def fresh_role(index: KaartIndex, ctx: QueryContext, hit: Hit, seen: Dict[Tuple[str, str], int]) -> bool:
    """A referable ordinary service whose role is not among ``seen``: it can take a slot of a second of a role."""
    service = index.doc(hit.id).service
    return role(service) not in seen and verwijsbaar(service) and tier_of(index, service, ctx) == 0


def representative(index: KaartIndex, ctx: QueryContext, service) -> Tuple[float, int]:
    """Which of two services with the same role stays: the one for the family's own place, then the one that
    covers more (a general entrance is there for every question)."""
    return place_part(index.doc(service.id), ctx.gemeente)[0], len(service.themas)


CLEAR_FIT = 0.45  # a theme part at least this high: the service is clearly made for the problem asked about


def compose_top(index: KaartIndex, ctx: QueryContext, hits: List[Hit], limit: int) -> List[Hit]:
    """The first ``TOP`` results a professional reads, composed in one step from the ranked hits. For a family's
    question the general entrances of the place (``general_route``) take part, each saying why it is there:

    1. few services fit: the entrances join (``_with_entrances_when_few_fit``);
    2. no two services with the same role in the first ``TOP`` when another fits (``spread_roles``);
    3. the family's way in is among the first ``TOP`` for a question about a child in a known municipality: the
       youth health service (JGZ) second for a young child or a question about growth, health or bullying
       (``_youth_health_second``); the municipality's own way into youth care (jeugdteam, toegang; of two, the one
       that covers more: ``_broadest_own_entrance``) third when the first two are more specific services
       (``_own_entrance_third``), unless three services made for the problem fill the first three of a question
       at school or about growth. Not for something to do in the neighbourhood alone (every theme is vrije tijd);
       a leisure question with a worry besides it (money, insecurity, stress) does get the way in. It moves up from
       lower down, or is added;
    4. a service a family reaches only through school does not lead a question about a parent's own problem that
       names no child, family or school (``_school_route_not_first``);
    5. school staff who ask see the school's own link to the way in among the first ``TOP``
       (``_school_link_for_its_staff``);
    6. the service the caller works for is not among the first ``TOP`` (``_callers_own_after``).
    """
    route = general_route(index, ctx.gemeente, ctx.leeftijd) if ctx.family else []
    hits = _school_route_not_first(index, ctx, _composed(index, ctx, hits, route, limit), route, limit)
    hits = _youth_work_for_a_young_adult(index, ctx, _region_wide_first(index, ctx, hits), limit)
    hits = _team_before_what_it_brings_in(index, ctx, hits, route, limit)
    hits = _school_route_after_the_way_in(index, ctx, hits)
    hits = _school_link_for_its_staff(index, ctx, hits, limit)
    return _callers_own_after(index, ctx, hits)


def _school_route_after_the_way_in(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """A family's question about a problem of the body or of growing up at home (``question.HOME_THEMES``) that does
    not involve school (``scoring.school_route_only``: "groep 5, plast nog in bed", where the school year only says
    the age) has the municipality's own way in among the first ``TOP`` before a
    service the family reaches only through school (a second-round user test of session 22 got school services first
    for bedwetting in Kortenhoef)."""
    if not ctx.parsed.themas or not set(ctx.parsed.themas) <= HOME_THEMES:
        return hits  # a problem school may see or share in (behaviour, mood, money) keeps its order
    top = hits[:TOP]
    school = next((i for i, hit in enumerate(top) if school_route_only(index.doc(hit.id).service, ctx)), None)
    own = next((i for i, hit in enumerate(top) if own_entrance(index.doc(hit.id), ctx.gemeente)), None)
    if school is None or own is None or own < school:
        return hits
    hits.insert(school, hits.pop(own))
    return hits


SCHOOL_LINK_WHY = "De vaste weg van school naar hulp: hier bespreekt school de zorg om een leerling. "


def _school_link_for_its_staff(index: KaartIndex, ctx: QueryContext, hits: List[Hit], limit: int) -> List[Hit]:
    """School staff ask ("IB'er Kerkelanden: ...", "ik ben mentor op ...": ``Vraag.beller_route`` holds via_school, see
    ``spoken.SCHOOL_STAFF``) in a municipality where the kaart has the school's own link to the way in
    (``kinds.school_link``: the vaste jeugdconsulent per school, the jeugdconsulent verbonden aan de school, the
    Kernpartneraanpak): that link is among the first ``TOP``, moved up or added, saying why, in the place of the last
    one there that is not the municipality's own way in (that one moves right below the first ``TOP``). The blind sets
    toets16..toets21 expected the link in 26 of the 38 questions school staff asked in such a place; the search showed
    it in 13 (a school in Overvecht with a girl who does not speak in class got only the buurtteam)."""
    if "via_school" not in ctx.parsed.beller_route or ctx.gemeente is None or ctx.gemeente in REGIOS:
        return hits
    if any(school_link(index.doc(hit.id).service) for hit in hits[:TOP]):
        return hits
    found = next((i for i, hit in enumerate(hits) if school_link(index.doc(hit.id).service)), None)
    if found is not None:
        link = hits.pop(found)
    else:
        docs = sorted((doc for doc in index.docs if school_link(doc.service) and ctx.gemeente in doc.areas),
                      key=lambda doc: doc.service.id)
        if not docs:
            return hits
        link = place_hit(docs[0], ctx.gemeente)
    if not link.waarom.startswith(SCHOOL_LINK_WHY):
        link.waarom = SCHOOL_LINK_WHY + link.waarom
    if len(hits) < TOP:
        return (hits + [link])[:limit]
    last = max((i for i, hit in enumerate(hits[:TOP]) if not own_entrance(index.doc(hit.id), ctx.gemeente)),
               default=None)
    if last is None:
        return (hits[:TOP] + [link] + hits[TOP:])[:limit]
    moved = hits.pop(last)
    hits.insert(last, link)
    hits.insert(TOP, moved)
    return hits[:limit]


TEAM_ROUTE = "via_buurtteam"


def _team_before_what_it_brings_in(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit],
                                   limit: int) -> List[Hit]:
    """A service the buurtteam alone brings in (``toegang`` only ``via_buurtteam``: the NIZU volunteers, whom the
    buurtteam involves in its case talks, 001) does not lead a family's question: the family cannot go there itself,
    so the buurtteam of the place goes first, moved up or added as the general entrance, and the service follows it
    (the blind set toets19 got the volunteers first for a grandmother in Veldhuizen). A buurtteam that asks itself
    keeps it first (``_callers_own_after`` moves the caller's own team down), as does a question that names it or what
    it gives."""
    first = index.doc(hits[0].id).service if hits else None
    # the words that ask for help close to home ("in Haarzuilens of in de buurt", ``question.NEARBY``) say where, not
    # what it gives (the blind set toets23 got the volunteers, whose search words say "buurt", first for a respite bed)
    nearby = {term for match in NEARBY.finditer(ctx.parsed.tekst) for term in lemmas(match.group())}
    asked = [term for term in ctx.terms if term not in nearby]
    if first is None or first.toegang != [TEAM_ROUTE] or names_entry(index, first, asked, True):
        return hits  # a question that asks for what it gives ("iemand uit de buurt die bijspringt") keeps it first
    team = next((i for i, hit in enumerate(hits) if own_entrance(index.doc(hit.id), ctx.gemeente)), None)
    if team is not None:
        hits.insert(0, hits.pop(team))
        return hits
    found = [hit for hit in route if own_entrance(index.doc(hit.id), ctx.gemeente)]
    if not found:
        return hits
    best = max(found, key=lambda h: (representative(index, ctx, index.doc(h.id).service), h.id))
    return ([as_entrance(best)] + hits)[:limit]


YOUNG_ADULT_WHY = ("Jongerenwerk: ook voor jongvolwassenen tot en met 21 jaar, helpt op weg naar opleiding of "
                   "(vrijwilligers)werk. ")


def _youth_work_for_a_young_adult(index: KaartIndex, ctx: QueryContext, hits: List[Hit], limit: int) -> List[Hit]:
    """A question about a young adult (``ADULT`` or older) in a municipality: the youth work of the place whose age
    range takes the young person leads, moved up or added, saying why (004: jongerenwerkers help young people up to
    and including 21 with school, money and home, and on their way to education or (volunteer) work). The youth
    services of school and the POH-Jeugd (up to 17) have left them behind; the blind set toets19 got the child's
    health service and the jeugdteam first for a daughter of 19 who left her studies and a grandson of 19 without
    school or work."""
    if ctx.leeftijd is None or ctx.leeftijd < ADULT or ctx.gemeente is None or ctx.gemeente in REGIOS:
        return hits
    shown = [i for i, hit in enumerate(hits) if youth_work(index.doc(hit.id).service)
             and index.doc(hit.id).service.leeftijd_max is not None]
    if shown:
        work = hits.pop(shown[0])
    else:
        found = [doc for doc in index.docs if youth_work(doc.service) and ctx.gemeente in doc.areas
                 and doc.service.leeftijd_max is not None and age_ok(doc.service, ctx.leeftijd)]
        if not found:
            return hits
        work = place_hit(min(found, key=lambda doc: doc.service.id), ctx.gemeente)
    if not work.waarom.startswith(YOUNG_ADULT_WHY):
        work.waarom = YOUNG_ADULT_WHY + work.waarom
    return ([work] + hits)[:limit]


def _callers_own_after(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """The service the caller works for (``kinds.callers_own``: "Jeugdverpleegkundige Laren: meisje van 17 is
    zwanger, waar kan ze heen?" is not answered by her own team) comes right after the first ``TOP`` results, where a
    service the family can be referred to takes its place; it stays where it is when no other one fits. The blind set
    toets19 (calls retyped by the Vraagbaak) saw the JGZ first in eight questions a jeugdverpleegkundige asked."""
    if not ctx.parsed.beller:
        return hits
    own = [hit for hit in hits[:TOP] if callers_own(index.doc(hit.id).service, ctx.parsed.beller)]
    rest = [hit for hit in hits if hit not in own]
    if not own or not any(_for_the_family(hit) for hit in rest):
        return hits
    position = min(TOP, len(rest))
    return rest[:position] + own + rest[position:]


def _part_of_the_region(doc, region: str) -> bool:
    """The service works in some municipalities of ``region`` only (not the whole region, the country or unknown)."""
    return bool(doc.areas) and "landelijk" not in doc.area_codes and not REGIOS[region][1] <= doc.areas


def _region_wide_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """A question about a whole region ("ergens in het Gooi", "regio Gooi", "'t Gooi") is not led by a service of one
    part of it (the jeugdcoach of Hilversum's secondary schools came first in the seventeenth set): the first
    referable service of the whole region goes first; the service of a part stays, its reason saying which part."""
    if ctx.gemeente not in REGIOS or not hits or not _part_of_the_region(index.doc(hits[0].id), ctx.gemeente):
        return hits
    if any(names_entry(index, index.doc(hit.id).service, ctx.terms) for hit in hits[:TOP]):
        return hits  # the question asks for an entry by name ("Duurzaam Ouderschap na Scheiding")
    whole = next((i for i, hit in enumerate(hits) if place_part(index.doc(hit.id), ctx.gemeente)[0] >= 1.0
                  and _for_the_family(hit) and tier_of(index, index.doc(hit.id).service, ctx) == 0
                  and not _school_help_after(index.doc(hit.id).service, ctx)), None)
    if whole is not None:
        hits.insert(0, hits.pop(whole))
    return hits


def _composed(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit], limit: int) -> List[Hit]:
    """Steps 1 to 3 of ``compose_top``."""
    few = route and len([hit for hit in hits if _for_the_family(hit)]) < min(limit, FEW_HITS)
    hits = _with_entrances_when_few_fit(index, ctx, hits, route, limit)
    if few:
        hits = _with_youth_work(index, ctx, hits, limit)
    hits = spread_roles(index, ctx, hits)
    if (not route or ctx.gemeente in REGIOS
            or set(ctx.themas) == {"vrije_tijd"}):  # only something to do in the neighbourhood: no youth-care question
        return hits
    growth = growth_question(ctx)
    if growth:
        # also when fewer than ``TOP`` services fit: a toddler in Vleuten with only the buurtteam found got no JGZ
        # (toets21, a user test)
        hits = _youth_health_second(index, ctx, hits, route, limit)
    if len(hits) < TOP:
        return hits
    own = next((i for i, hit in enumerate(hits) if own_entrance(index.doc(hit.id), ctx.gemeente)), None)
    if own is not None:
        hits = _broadest_own_entrance(index, ctx, hits, route, own, limit)
    if (growth or ctx.at_school) and all(hit.onderdelen.get("thema", 0.0) >= CLEAR_FIT for hit in hits[:TOP]):
        return hits  # three services made for the problem: the entrance is not needed to show the way
    return _own_entrance_third(index, ctx, hits, route, own, limit)


YOUTH_HEALTH_WHY = "Jeugdgezondheidszorg van deze plaats: volgt de groei en gezondheid van kinderen. "


def _youth_health_second(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit],
                         limit: int) -> List[Hit]:
    """A question for the youth health service (``growth_question``): the JGZ second, moved up from below the first
    ``TOP`` or added from the place's entrances (``route``), or else the youth health service that works in the place
    (the JGZ in Vleuten is no general entrance), saying why."""
    health = next((i for i, hit in enumerate(hits) if youth_health(index.doc(hit.id).service)), None)
    if health is None:
        found = [h for h in route if youth_health(index.doc(h.id).service)]
        if found:
            hits.insert(TOP - 2, as_entrance(found[0]))
            return hits[:limit]
        local = sorted((doc for doc in index.docs if youth_health(doc.service) and ctx.gemeente in doc.areas
                        and verwijsbaar(doc.service) and ctx.age_fits(doc.service)),
                       key=lambda doc: doc.service.id)
        if local:
            hit = place_hit(local[0], ctx.gemeente)
            hit.waarom = YOUTH_HEALTH_WHY + hit.waarom
            hits.insert(TOP - 2, hit)
    elif health >= TOP:
        hits.insert(TOP - 2, hits.pop(health))
    return hits[:limit]


def _broadest_own_entrance(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit], own: int,
                           limit: int) -> List[Hit]:
    """Of two ways in of one place the one that covers more takes the place of the first (``own``, as in
    ``spread_roles``), also when it ranked below the results shown (then it comes from the place's entrances)."""
    shown = {hit.id for hit in hits}
    pool = hits + [as_entrance(h) for h in route
                   if h.id not in shown and own_entrance(index.doc(h.id), ctx.gemeente)]
    better = max((i for i, hit in enumerate(pool) if own_entrance(index.doc(hit.id), ctx.gemeente)),
                 key=lambda i: (representative(index, ctx, index.doc(pool[i].id).service), -i))
    if better < len(hits):
        hits[own], hits[better] = hits[better], hits[own]
    else:  # the one it replaces moves below the first results, as a second of a role does
        replaced, hits[own] = hits[own], pool[better]
        hits = (hits[:max(TOP, own + 1)] + [replaced] + hits[max(TOP, own + 1):])[:limit]
    return hits


def _own_entrance_third(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit], own: Optional[int],
                        limit: int) -> List[Hit]:
    """The municipality's own way into youth care among the first ``TOP``: moved up to third from ``own`` (its
    position) when lower, or, when the hits have none, the one of the place's entrances that covers most added."""
    if own is not None:
        if own >= TOP:
            hits.insert(TOP - 1, hits.pop(own))
        return hits
    candidates = [h for h in route if own_entrance(index.doc(h.id), ctx.gemeente)]
    if candidates:
        best = max(candidates, key=lambda h: (representative(index, ctx, index.doc(h.id).service),
                                              fit_score(index.doc(h.id), ctx), h.id))
        hits.insert(TOP - 1, as_entrance(best))
    return hits[:limit]


def _school_route_not_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit],
                            limit: int) -> List[Hit]:
    """A parent's own problem ("moeder in Huizen heeft gokschulden", "vader gokt en heeft schulden") in a question
    that names no child, family or school (``names_child_or_school``): a service a family reaches only through school
    (the brugfunctionaris, schoolmaatschappelijk werk) reaches this parent only through a child at such a school, which
    the question does not say, so it does not lead. The first referable service the parent can reach otherwise goes
    before it, else the municipality's own way in (which refers a parent on, as the message of a parent's own problem
    says); the school's service stays, second.

    The same goes for any family's question that does not involve school (``scoring.school_route_only``: "mediation
    ouders hilversum", "ouderschapsplan maken, ouders gaan scheiden"): the lower weight of its match did not keep
    schoolmaatschappelijk werk from leading when its text matched best (a user test), so the first service the family
    reaches itself goes before it, as the README promises."""
    if not hits or not only_through_school(index.doc(hits[0].id).service):
        return hits
    parents_own = parents_own_problem(ctx) and not names_child_or_school(ctx)
    if not parents_own and not _school_help_after(index.doc(hits[0].id).service, ctx):
        return hits
    other = next((i for i, hit in enumerate(hits) if _reached_without_school(index, ctx, hit)), None)
    if other is not None:
        hits.insert(0, hits.pop(other))
        return hits
    if not parents_own:
        return hits
    own = [hit for hit in route if own_entrance(index.doc(hit.id), ctx.gemeente)]
    if own:
        best = max(own, key=lambda h: (representative(index, ctx, index.doc(h.id).service), h.id))
        hits.insert(0, as_entrance(best))
    return hits[:limit]


def _school_help_after(service, ctx: QueryContext) -> bool:
    """A service a family reaches only through school, broad on the question's problem (its main theme is another),
    for a family's question that involves no school (``scoring.school_route_only``): it does not lead when a service
    the family reaches itself fits. A school-bound service needs a school in the question: the blind set toets23 had
    schoolmaatschappelijk werk first for a grandmother's worry about a measure and the jeugdcoach of the secondary
    schools first for a wijkagent's boys who wreck things (sessions before 26 held it back only for a question about
    the parents). A parent's own problem (money, housing, language: the brugfunctionaris's work) is left to the rule
    for those above, and so is a need of the whole family (``gezin``: a newcomer family that seeks help with the
    language)."""
    return (school_route_only(service, ctx) and not ctx.ouder_themas and "gezin" not in ctx.parsed.doelgroep_hints
            and service.themas[:1] != ctx.themas[:1])


def _reached_without_school(index: KaartIndex, ctx: QueryContext, hit: Hit) -> bool:
    """An ordinary referable service for the family that it reaches without a school."""
    service = index.doc(hit.id).service
    return (_for_the_family(hit) and not only_through_school(service) and tier_of(index, service, ctx) == 0)


def _with_entrances_when_few_fit(index: KaartIndex, ctx: QueryContext, hits: List[Hit], route: List[Hit],
                                 limit: int) -> List[Hit]:
    """Few services fit a family's question (fewer than ``FEW_HITS``, or none, with or without a recognised
    problem): the entrances of ``route`` join, the one that fits the place and family best first, one per role in a
    place (a whole region shows the entrance of each municipality; a question naming no problem, "waar moet ik
    beginnen", every way in of the municipality itself; each way into youth care made for the municipality
    always); before a service only for professionals, or first when the best fit is an entry whose route the source
    does not give."""
    fitting = [hit for hit in hits if _for_the_family(hit)]
    if not route or len(fitting) >= min(limit, FEW_HITS):
        return hits
    shown = {hit.id for hit in hits}
    roles = {role(index.doc(hit.id).service) for hit in hits}
    entrances = []
    for hit in sorted((h for h in route if h.id not in shown),
                      key=lambda h: (-place_part(index.doc(h.id), ctx.gemeente)[0], -fit_score(index.doc(h.id), ctx),
                                     h.id)):
        current = role(index.doc(hit.id).service)
        every_way_in = not ctx.themas and place_part(index.doc(hit.id), ctx.gemeente)[0] == 1.0
        # each way into youth care made for the municipality itself joins (Huizen: its Team Jeugd and the toegang of
        # the HBEL municipalities), not one of the whole region: the family may start at either
        own = own_entrance(index.doc(hit.id), ctx.gemeente) and local_to(index.doc(hit.id), ctx.gemeente)
        if current in roles and ctx.gemeente not in REGIOS and not every_way_in and not own:
            continue
        roles.add(current)
        entrances.append(hit)
    entrances = [as_entrance(hit) for hit in entrances[:limit - len(fitting)]]
    thin_first = bool(hits) and tier_of(index, index.doc(hits[0].id).service, ctx) == 1
    position = 0 if thin_first else next((i for i, hit in enumerate(hits) if _for_professionals(hit)), len(hits))
    return (hits[:position] + entrances + hits[position:])[:limit]


YOUTH_WORK_AGE = 12  # from secondary school on, a young person goes to youth work on their own


YOUTH_WORK_WHY = "Jongerenwerk in de buurt: een jongere kan er zelf terecht, naast de algemene ingang. "


def _with_youth_work(index: KaartIndex, ctx: QueryContext, hits: List[Hit], limit: int) -> List[Hit]:
    """Few services fit a question about a young person (``YOUTH_WORK_AGE`` or older) in a municipality: after the
    general entrance comes the youth work of the place, which the way in involves in questions about young people
    (001: the buurtteams want to involve JoU more often; jongerenwerk helps with school, drugs, home and the street),
    moved up from below the first ``TOP`` or added, saying why."""
    if ctx.leeftijd is None or ctx.leeftijd < YOUTH_WORK_AGE or ctx.gemeente is None or ctx.gemeente in REGIOS:
        return hits
    shown = [i for i, hit in enumerate(hits) if youth_work(index.doc(hit.id).service)]
    if shown and shown[0] < TOP:
        return hits
    if shown:
        work = hits.pop(shown[0])
    else:
        found = [doc for doc in index.docs if youth_work(doc.service) and ctx.gemeente in doc.areas
                 and age_ok(doc.service, ctx.leeftijd)]
        if not found:
            return hits
        work = place_hit(min(found, key=lambda doc: doc.service.id), ctx.gemeente)
    if not work.waarom.startswith(YOUTH_WORK_WHY):
        work.waarom = YOUTH_WORK_WHY + work.waarom
    position = min(len([hit for hit in hits if _for_the_family(hit)]), TOP - 1)
    return (hits[:position] + [work] + hits[position:])[:limit]


def _for_professionals(hit: Hit) -> bool:
    """A service only for professionals, found for a family's own question (its target group part is negative)."""
    return hit.onderdelen.get("doelgroep", 0.0) < 0


def _for_the_family(hit: Hit) -> bool:
    """A result a family can be referred to: referable and not a service only for professionals."""
    return hit.verwijsbaar and not _for_professionals(hit)


YOUTH_CARE = "jeugdhulp"


def no_way_in(index: KaartIndex, ctx: QueryContext, service) -> bool:
    """An entry whose way in the source does not give (``route_unknown``) and that is no answer to this question by
    itself: the question does not name it nor ask for a provider (``ctx.provider``: "welke ggz-aanbieder"), and it is
    not made for a theme the question says (Meedoen and the Kinderhulp funds for money, Bureau Halt for crime,
    Leerplicht for truancy), or it is for families and the question is about a young adult on their own (a
    second-round user test of session 22 read "Acties van Stichting Kinderhulp", children's funds, second for a
    homeless 19-year-old with debts, and Youké, Levvel and the Leger des Heils, youth-care providers the source only
    names, third to fifth for breastfeeding)."""
    if not route_unknown(service) or measure_only(service) or ctx.provider:
        return False
    if names_entry(index, service, ctx.terms, True):
        return False
    adult_alone = ctx.leeftijd is not None and ctx.leeftijd >= ADULT and "jeugdige" not in service.doelgroep
    # a provider of youth care is chosen by the municipality's way in, unless the question asks for youth care (the
    # Leger des Heils, named by the source for young children, is no answer to a question on breastfeeding)
    provider = YOUTH_CARE in service.themas and YOUTH_CARE not in ctx.parsed.themas
    return not _made_for_a_theme(ctx, service) or adult_alone or provider


def _made_for_a_theme(ctx: QueryContext, service) -> bool:
    """The service's first theme is one the question says (not one searched besides: ``themes.with_related_themes``)."""
    return bool(service.themas) and service.themas[0] in ctx.parsed.themas


def unasked_entry(index: KaartIndex, ctx: QueryContext, service) -> bool:
    """A pilot, project or other entry that is no referral (``verwijsbaar``), not made for a theme the question says,
    in a question that neither asks for such entries (``projects_asked``, ``ctx.asked``) nor names it: the Buddycoach
    pilot, which helps school staff with pupils' behaviour (its first theme), came third for bruises a teacher saw (a
    second-round user test of session 22). Measure-only services have their own route (``measure_route_first``)."""
    if verwijsbaar(service) or measure_only(service) or projects_asked(ctx) or service.aard in ctx.asked:
        return False
    return not _made_for_a_theme(ctx, service) and not names_entry(index, service, ctx.terms, True)


def known_routes_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit], limit: int) -> List[Hit]:
    """An entry with no way in that answers nothing by itself (``no_way_in``) and a pilot or project not asked for
    (``unasked_entry``) do not fill the first ``TOP`` while a referable service follows or the place has a general
    entrance for a family's question: those move up or join, the entry moves to right after them."""
    def unknown(hit: Hit) -> bool:
        service = index.doc(hit.id).service
        return no_way_in(index, ctx, service) or unasked_entry(index, ctx, service)

    top, rest = hits[:TOP], hits[TOP:]
    late = [hit for hit in top if unknown(hit)]
    if not late:
        return hits
    def liftable(hit: Hit) -> bool:  # not the service the caller works for (``_callers_own_after``)
        return hit.verwijsbaar and not unknown(hit) and not callers_own(index.doc(hit.id).service, ctx.parsed.beller)

    known = [hit for hit in rest if liftable(hit)]
    if len(known) < len(late) and ctx.family:
        shown = {hit.id for hit in hits}
        entrances = sorted((hit for hit in general_route(index, ctx.gemeente, ctx.leeftijd)
                            if hit.id not in shown and liftable(hit)),
                           key=lambda h: (-place_part(index.doc(h.id), ctx.gemeente)[0], h.id))
        known += [as_entrance(hit) for hit in entrances]
    if not known:
        # nothing left to lift (a young adult of 19 in Hilversum: the JGZ is for 0 t/m 17): the entry still goes after
        # the known ways in of the top, the place's general entrance among them
        return [hit for hit in top if not unknown(hit)] + late + rest
    lifted = known[:len(late)]
    ids = {hit.id for hit in lifted}
    ordered = [hit for hit in top if not unknown(hit)] + lifted + late + [hit for hit in rest if hit.id not in ids]
    return ordered[:limit]
