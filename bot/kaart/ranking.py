"""Ranking the scored services: tiers (thin entries, one school's offer, measure-only services) and never an
unreferrable entry first."""
from __future__ import annotations

from typing import List

from bot.kaart.hits import service_hit
from bot.kaart.index import KaartIndex
from bot.kaart.kinds import bekend, measure_only, verwijsbaar
from bot.kaart.naming import names_entry, phrase_lemmas, school_named
from bot.kaart.question import GENERIC, QueryContext, projects_asked
from bot.kaart.results import Hit
from bot.kaart.scoring import Row, toegang_part
from bot.kaart.vocabulary import THEMAS


def referral_first(hits: List[Hit]) -> List[Hit]:
    """Never lead with an entry a professional cannot refer to or use, when there is one they can."""
    if hits and not hits[0].verwijsbaar:
        first = next((i for i, hit in enumerate(hits) if hit.verwijsbaar), None)
        if first is not None:
            hits.insert(0, hits.pop(first))
    return hits


THIN = 0.5  # ``bekend`` below this: the source hardly describes the entry


def tier_of(index: KaartIndex, service, ctx: QueryContext) -> int:
    """0 for an ordinary service; 1 for a thin entry whose route the source does not give (a provider it
    only names, unless the question asks for a provider), or for the offer of one particular school when the
    question does not name that school: these come after the services a professional knows how to reach; 2 for a
    measure-only service. A question that names the entry keeps it in tier 0."""
    if measure_only(service):
        tier = 2
    elif (toegang_part(service) == 0.0 and bekend(service) < THIN and not ctx.provider) or service.een_school:
        tier = 1
    else:
        return 0
    if service.een_school:
        # the offer of one school is for its pupils: only naming that school (or the offer itself) lifts it, not
        # an ordinary search word of it that any question about school may use ("toetsen", "cijfers", "mentor")
        return 0 if names_entry(index, service, ctx.terms) or school_named(service, ctx.terms) else tier
    return 0 if names_entry(index, service, ctx.terms, True) else tier


def rank_hits(index: KaartIndex, ctx: QueryContext, scored: List[Row], limit: int) -> List[Hit]:
    """Best first; a thin entry without a known route after the services with one, a measure-only service
    after every referral, unless the question names it ("ondertoezichtstelling", "jeugdbescherming");
    never an unreferrable entry first."""
    scored.sort(key=lambda item: (-item[0], item[1]))
    scored.sort(key=lambda item: (tier_of(index, item[2].service, ctx), -item[0], item[1]))
    return referral_first([service_hit(doc, score, parts, waarom) for score, _, doc, parts, waarom in scored[:limit]])


TOP = 3  # the first results a professional reads; no two of them do the same job when another fits


ONLY_ONE_WHY = ("Voor {theme} noemt de kaart hier alleen deze dienst; de bron zegt weinig over het aanbod en niet hoe "
                "je er terechtkomt, daarom staat ze na de diensten die je wel kunt bereiken. ")


MADE_FOR_WHY = ("Deze dienst is er speciaal voor {theme}; de bron zegt weinig over het aanbod en niet hoe je er "
                "terechtkomt, daarom staat ze na de diensten die je wel kunt bereiken. ")


def made_for(doc, theme: str) -> bool:
    """A referable service made for this one theme only (Leerplicht for schoolverzuim), not a provider with this theme
    among others, and with a known area (an entry the source names without saying where it works, such as a national
    fund, is not known to be there for the family)."""
    return list(doc.service.themas) == [theme] and bool(doc.areas) and verwijsbaar(doc.service)


def thin_entry_for_a_theme(index: KaartIndex, ctx: QueryContext, scored: List[Row], hits: List[Hit],
                           limit: int) -> List[Hit]:
    """A thin entry (tier 1: the source hardly describes it and gives no route) still shows, right after the first
    ``TOP``, saying why it is there, when

    - a theme the question names only it has in the place (the search read its broader theme too:
      ``themes.with_related_themes``): Bureau Halt for shoplifting in Eemnes came sixth, under services found for the
      broader theme (a user test); or
    - it is made for the question's main theme alone (``made_for``) and is no provider of youth care, which the
      municipality's way in chooses: Leerplicht for a pupil of 16 who wants to stop school in Hilversum came sixth,
      under the youth health service and youth work, where a consultant expects it among the first (a user test).

    It stays after the services a professional knows how to reach, as its tier says."""
    from bot.kaart.themes import widened

    shown = {hit.id for hit in hits}
    reasons = {theme: ONLY_ONE_WHY for theme in widened(ctx.parsed.themas, ctx.themas).values()}
    main = ctx.themas[0] if ctx.themas else None
    if main is not None and main != "jeugdhulp" and main not in reasons:
        reasons[main] = MADE_FOR_WHY
    for theme, why in reasons.items():
        rows = sorted((row for row in scored if theme in row[2].service.themas
                       and (why is ONLY_ONE_WHY or made_for(row[2], theme))
                       and tier_of(index, row[2].service, ctx) == 1), key=lambda row: (-row[0], row[1]))
        if not rows or rows[0][1] in shown:
            continue
        score, _, doc, parts, waarom = rows[0]
        hit = service_hit(doc, score, parts, why.format(theme=THEMAS[theme]) + waarom)
        position = min(TOP, len(hits))
        hits = (hits[:position] + [hit] + hits[position:])[:limit]
        shown.add(hit.id)
    return hits


def asked_entries_next(ctx: QueryContext, scored: List[Row], hits: List[Hit], limit: int) -> List[Hit]:
    """A question that asks for pilots or projects (``projects_asked``) sees the fitting ones right after the first
    referral, best first, the other services after them: a user test asked "projecten in Vleuten voor jongeren met
    prestatiedruk" and got five services and no project. A referral still leads (``referral_first``)."""
    if not projects_asked(ctx):
        return hits
    rows = sorted((row for row in scored if row[2].service.aard in ctx.asked), key=lambda row: (-row[0], row[1]))
    if not rows:
        return hits
    shown = {hit.id: hit for hit in hits}
    asked = [shown.get(row[1]) or service_hit(row[2], row[0], row[3], row[4]) for row in rows]
    lead = hits[:1] if hits and hits[0].verwijsbaar else []
    ids = {hit.id for hit in lead + asked}
    return referral_first((lead + asked + [hit for hit in hits if hit.id not in ids])[:limit])


def named_by_its_name_first(index: KaartIndex, ctx: QueryContext, hits: List[Hit]) -> List[Hit]:
    """A referable service the question calls by its whole name, its words in a row ("en leerplicht?", "kan
    jongerenwerk iets?"), leads: the consultant asks for it (a second-round user test of session 22 got Leerplicht
    fourth, behind the Jeugdcoach, for "en leerplicht?" in Hilversum). A service said to be involved already gives way
    after this (``routes.involved_not_first``). A name that is a problem word as well leads only when it is the one
    problem word of the question."""
    terms = list(ctx.terms)
    said = {term for words in ctx.parsed.thema_woorden.values() for word in words for term in phrase_lemmas(word)}
    for position, hit in enumerate(hits):
        service = index.doc(hit.id).service
        name = [word for word in phrase_lemmas(service.naam) if word not in GENERIC]
        if not name or not hit.verwijsbaar or service.algemene_toegang:
            continue
        if set(name) & said and said - set(name):
            continue  # a name that is also a problem word, next to other problem words, is the problem ("pesten")
        if any(terms[i:i + len(name)] == name for i in range(len(terms) - len(name) + 1)):
            return [hit] + hits[:position] + hits[position + 1:] if position else hits
    return hits
