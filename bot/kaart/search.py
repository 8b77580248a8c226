"""Search the sociale kaart: place and age are hard filters, theme is a boost, text ranks the rest.

Stable entry point for other capabilities::

    from bot.kaart.search import search
    hits = search("zoon van 15 spijbelt", leeftijd=None, gemeente="hilversum", thema=None, limit=5)
    hits[0].id, hits[0].naam, hits[0].waarom, hits[0].to_dict()

``zoek(...)`` returns the full :class:`Zoekresultaat` (status, Dutch message, general route).
Ranking runs in Python over the loaded knowledge (BM25 on lemmas, no SQL), so it behaves the same
on SQLite and PostgreSQL. Every score is the sum of named parts, each explained in ``waarom``.

Module layout (each step in a module named after what it does):

- ``question``: what the search reads from the question (:class:`~bot.kaart.question.QueryContext`);
  ``checks``: the explicit age, place and theme, or a Dutch refusal; ``themes``: themes searched beyond those said;
- ``index``: the inverted index (BM25); ``service_area`` and ``ages``: place, age and school as hard filters;
- ``scoring``: the named score parts; ``kinds``: what kind of entry a service is; ``naming``: whether the question
  names an entry; ``explanations``: why a service was found;
- ``hits`` and ``results``: the result objects; ``describe``: how a service is described on its card;
- ``ranking``: tiers and a referral first; ``routes``: general entrances and the way to a measure-only service;
  ``top``: composing the first three; ``result_message``: the Dutch message.
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from bot.kaart import places, subject
from bot.kaart.checks import check_leeftijd, check_plaats, check_thema
from bot.kaart.describe import bereikbaarheid
from bot.kaart.index import KaartIndex, default_index, index_for
from bot.kaart.kinds import callers_own
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.naming import named_school_words
from bot.kaart.old_names import oude_namen
from bot.kaart.places import Plaats
from bot.kaart.query import Vraag, measure_words_only, parse_vraag
from bot.kaart.question import danger_told, minor_without_a_roof, projects_asked, question_context
from bot.kaart.ranking import (
    asked_entries_next,
    named_by_its_name_first,
    rank_hits,
    referral_first,
    thin_entry_for_a_theme,
)
from bot.kaart.result_message import explain_result, named_elsewhere
from bot.kaart.results import Hit, Zoekresultaat
from bot.kaart.routes import (
    general_route,
    involved_not_first,
    measure_route_first,
    safety_service_first,
    safety_service_leads,
)
from bot.kaart.scoring import candidate_set, score_all
from bot.kaart.service_area import nationwide_allowed, place_allowed
from bot.kaart.themes import (
    SAFETY_FIRST,
    safety_first,
    with_parent_strain,
    with_parenting,
    with_related,
    with_related_themes,
    with_young_child,
)
from bot.kaart.top import compose_top, known_routes_first

__all__ = ["Hit", "KaartIndex", "MAX_HITS", "Zoekresultaat", "default_index", "index_for", "search", "zoek"]

YOUNG_CARERS = "Steun voor jonge mantelzorgers"  # the name of the missing help (ontbrekende_hulp.yml)
# a parent named in a young carer's question: the one cared for ("zorgt voor zijn moeder", "mdr met ms")
CARED_FOR_PARENT = re.compile(r"\b(?:moeder|vader|mama|papa|mdr|vdr)\b", re.IGNORECASE)
MAX_HITS = 20  # the most results one search returns: a larger ``limit`` is cut to this


def zoek(
    vraag: str,
    leeftijd: Optional[int] = None,
    gemeente: Optional[str] = None,
    thema: Optional[str] = None,
    limit: int = 5,
    index: Optional[KaartIndex] = None,
    gevaren: Sequence[str] = (),
    voor_gezin: bool = False,
) -> Zoekresultaat:
    """Search with a free question plus optional explicit age, municipality and theme.

    A question asked inside another task (the intake) may carry what that task found: ``gevaren``, the ids of the
    danger signals found before the question (a sign of danger to a child puts safety first, with Veilig Thuis, as a
    danger in the question itself does), and ``voor_gezin``, the question is about the family on the line, so a
    service only professionals consult does not come before one the family can be referred to.

    Steps: check the input (age, place, theme), filter by place, score every candidate that passes
    the age filter, rank (access routes), compose the first three (general entrances, one of each role, the
    family's way in: ``compose_top``), explain."""
    from bot.kaart import messages

    index = index or default_index()
    limit = max(1, min(int(limit or 5), MAX_HITS))
    parsed = parse_vraag(vraag or "")
    if not parsed.tekst and not thema:
        return Zoekresultaat("ongeldig", melding=messages.LEGE_VRAAG, vraag=parsed)
    leeftijd, refusal = check_leeftijd(leeftijd, parsed)
    gevonden, place_note, status = None, None, "ok"
    if refusal is None:
        gemeente, gevonden, refusal, place_note, status = _read_place(gemeente, parsed)
    if refusal is None:
        themas, refusal = check_thema(thema, parsed)
    if refusal is not None:
        return refusal
    nationwide = place_note is not None  # only what holds wherever the family lives (``nationwide_allowed``)
    lacking = ontbrekende_hulp(parsed.tekst)
    if lacking:  # a word that asks for help the kaart lacks is no reason to show a service ("Past bij ('mediation')")
        parsed.thema_gezegd = {theme: [word for word in said if not ontbrekende_hulp(word)]
                               for theme, said in parsed.thema_gezegd.items()}
    if YOUNG_CARERS in lacking and CARED_FOR_PARENT.search(parsed.tekst):
        # a young carer of a parent: the illness is the parent's ("moeder heeft ms en zij doet veel van de zorg"), so
        # health services for the child (the JGZ) do not count on it (toets20, toets22: the JGZ came first by 'ms')
        parsed.ouder_themas = list(dict.fromkeys(list(parsed.ouder_themas) + [t for t in parsed.themas
                                                                               if t == "gezondheid"]))
        parsed.kind_themas = [t for t in parsed.kind_themas if t != "gezondheid"]
    told_danger = danger_told(gevaren)
    if told_danger and SAFETY_FIRST not in themas:
        themas = [SAFETY_FIRST] + themas  # what the intake found: the search says it looked for safety too

    ctx = question_context(parsed, leeftijd, gemeente, themas)
    ctx.index = index
    ctx.danger_told = told_danger
    ctx.safety = ctx.safety or told_danger
    ctx.referral = ctx.referral or voor_gezin
    old_names = oude_namen(parsed.tekst)
    # an old name of a service for families ("CJG in Huizen", "bureau jeugdzorg bellen") asks the way in for a family
    ctx.family = ctx.family or bool(old_names)
    allowed = (nationwide_allowed(index) if nationwide
               else place_allowed(index, gemeente, heel=gevonden is not None and gevonden.heel))
    ctx.themas = with_related_themes(index, ctx.themas, allowed)
    ctx.themas = with_young_child(ctx.themas, leeftijd)
    if told_danger or not measure_words_only(parsed):  # a measure in place ("OTS loopt") is no sign of danger
        ctx.themas = safety_first(ctx.themas)
    # a broader theme read for a narrower one is said of the same person (a mother's overload: her own stress)
    ctx.ouder_themas = with_related(parsed.ouder_themas, ctx.themas)
    ctx.kind_themas = with_related(parsed.kind_themas, ctx.themas)
    ctx.ouder_stoornis = [theme for theme in ctx.ouder_themas
                          if set(parsed.thema_woorden.get(theme, ())) & subject.DISORDER_WORDS]
    ctx.themas = with_parenting(ctx.themas, ctx.ouder_stoornis)
    ctx.themas = with_parent_strain(ctx.themas, ctx.ouder_themas, ctx.kind_themas)
    if ctx.ouder_stoornis and "opvoeding" not in parsed.themas:
        # parenting read for the disorder is support with the children meanwhile: a programme for parents themselves
        # (Denkles) is no match on it either (a user test saw it fourth for a depressed mother in Blaricum)
        ctx.ouder_stoornis = ctx.ouder_stoornis + ["opvoeding"]
    # the name of the child's school says where, not what (``naming.named_school_words``, ``scoring.score_all``)
    ctx.school_words = named_school_words(index, ctx.terms)
    text_scores = index.bm25(ctx.terms, allowed)
    scored, held_back = score_all(index, ctx, candidate_set(index, ctx, allowed, text_scores), text_scores)
    hits = rank_hits(index, ctx, scored, limit)
    hits = measure_route_first(index, ctx, hits, allowed, limit)
    only_entrance = not hits and not nationwide  # without a place there is no entrance of a place
    ctx.family = ctx.family or (only_entrance and vague_ask_for_help(ctx, parsed))
    # composing the top may move a named pilot up again; a referral still leads (docs/kaart.md: "nooit bovenaan")
    hits = referral_first(compose_top(index, ctx, hits, limit))
    hits = named_by_its_name_first(index, ctx, hits)  # "en leerplicht?": the service asked for by its name
    hits = involved_not_first(index, ctx, hits)  # a service already involved is not the referral asked for
    entrances = {hit.id for hit in hits} if only_entrance else set()
    hits = safety_service_first(index, ctx, hits, allowed, limit)
    safety_only = only_entrance and bool(hits) and not entrances & {hit.id for hit in hits}
    hits = thin_entry_for_a_theme(index, ctx, scored, hits, limit)
    hits = known_routes_first(index, ctx, hits, limit)  # an entry the source gives no way in for does not fill the top
    hits = asked_entries_next(ctx, scored, hits, limit)
    hits = safety_service_leads(index, ctx, hits, allowed)  # after the first three are chosen: only their order changes
    cutoff = scored[limit - 1][0] if len(scored) >= limit else float("-inf")
    names = [name for score, name in sorted(held_back, reverse=True) if score > cutoff]

    for_the_caller(index, hits, parsed.beller_route)
    within = gevonden.naam if gevonden is not None and gevonden.soort in ("kern", "wijk") \
        and gevonden.code == gemeente else None
    result = Zoekresultaat(status, hits=hits, vraag=parsed, gemeente=gemeente, leeftijd=leeftijd,
                           leeftijden=ctx.leeftijden, themas=themas, plaats=within)
    elsewhere = named_elsewhere(index, ctx.terms, gemeente, allowed, [hit.id for hit in hits])
    explain_result(index, result, gevonden, names, elsewhere, projects=projects_asked(ctx), place_note=place_note)
    if lacking:
        result.ontbreekt = messages.niet_in_de_kaart(lacking, bool(hits) and bool(themas))
    # what does the work of an old name today, said first ("Bureau Jeugdzorg bestaat sinds ...")
    result.melding = " ".join(filter(None, [entry.nu.strip() for entry in old_names] + [result.melding])) or None
    oldest = oldest_youth_age(index)
    if leeftijd is not None and oldest is not None and leeftijd > oldest and not ctx.leeftijden:
        result.melding = " ".join(filter(None, [messages.boven_de_jeugdleeftijd(leeftijd, oldest, bool(hits)),
                                                result.melding]))
    if minor_without_a_roof(parsed, leeftijd):
        result.melding = " ".join(filter(None, [messages.ZONDER_SLAAPPLEK, result.melding]))
    if safety_only:
        # nothing else fits and the kaart has no entrance of the place to show: the safety service alone, with the
        # general route in words (Overvecht: "Buurtteam in de wijk")
        result.route = general_route(index, gemeente, leeftijd)
        result.melding = " ".join(filter(None, [result.melding, messages.algemene_route(result.route)]))
    elif only_entrance and hits:
        # the safety service put among the entrances (``safety_service_first``) is a service that fits: the message
        # names it instead of saying that nothing fits
        added = [hit for hit in hits if hit.id not in entrances]
        text = (messages.naast_veiligheid_algemene_ingang(added[0].naam) if added
                else messages.alleen_algemene_ingang(
                    themas, gemeente, leeftijd, bool(lacking),
                    eigen=all(callers_own(index.doc(hit.id).service, parsed.beller) for hit in hits)))
        result.melding = " ".join(filter(None, [result.melding, text]))
        result.alleen_ingang = True
    return result


# Words that ask for help or a way in, without saying for what ("hulp nodig", "wie kan helpen", "advies", "waar kan ik
# terecht"): a question with a place and only such words asks for the way in of the place (session 29)
HELP_WORDS = frozenset("hulp help helpen hulpvraag hulpvragen steun ondersteuning advies zorg zorgen meedenken "
                       "terecht aankloppen ingang".split())


def asks_for_help(text: str) -> bool:
    """The question has a word that asks for help or a way in (``HELP_WORDS``)."""
    return bool(HELP_WORDS & set(re.findall(r"[a-zà-ÿ]+", (text or "").lower())))


def vague_ask_for_help(ctx, parsed: Vraag) -> bool:
    """Nothing fits a short or vague question with a place that asks for help and names no one ("hulp nodig in
    Huizen", "wie kan helpen, Laren"): the way in of the place is the answer, as for a family's question, not a
    message alone; words the kaart does not know at all ("xyzzy", "where can I buy a bicycle") stay a message."""
    return ctx.gemeente is not None and not ctx.asked and asks_for_help(parsed.tekst)


def for_the_caller(index: KaartIndex, hits: Sequence[Hit], routes: Sequence[str]) -> None:
    """Each hit's way in as told to a caller who has one of its routes to hand (``routes``: ``Vraag.beller_route``,
    the buurtteam, a GP, a school's staff; ``describe.route_tekst``)."""
    if not routes:
        return
    for hit in hits:
        if hit.id in index.by_id:
            doc = index.doc(hit.id)
            hit.bereikbaarheid = bereikbaarheid(doc.service, doc.org_website, doc.org_telefoon, routes)


def _read_place(gemeente: Optional[str], parsed: Vraag
                ) -> Tuple[Optional[str], Optional[Plaats], Optional[Zoekresultaat], Optional[str], str]:
    """(area code, recognised place, refusal, place note, status) of the explicit place or the question's
    (``check_plaats``). A place outside the kaart is said plainly in the place note (status ``buiten_regio``), and what
    holds everywhere is still searched for the problem: the blind set toets21 got nothing at all, not even Veilig
    Thuis, for a mother beaten in Soest. No place and a street (``places.noemt_straat``): the place note asks where the
    family lives, and no region is guessed from the other words (toets21: "aan de Taagdreef" got the services of Gooi
    en Vechtstreek)."""
    from bot.kaart import messages

    gemeente, gevonden, refusal = check_plaats(gemeente, parsed)
    if refusal is not None and refusal.status == "buiten_regio":
        return None, None, None, refusal.melding, refusal.status
    if refusal is None and gemeente is None and places.noemt_straat(parsed.tekst):
        return None, None, None, messages.GEEN_PLAATS_HERKEND, "ok"
    return gemeente, gevonden, refusal, None, "ok"


def oldest_youth_age(index: KaartIndex) -> Optional[int]:
    """The oldest age any service of the kaart names as its upper limit (the jongerenwerk: 21), None without one."""
    ages = [doc.service.leeftijd_max for doc in index.docs if doc.service.leeftijd_max is not None]
    return max(ages, default=None)


def search(
    vraag: str,
    leeftijd: Optional[int] = None,
    gemeente: Optional[str] = None,
    thema: Optional[str] = None,
    limit: int = 5,
) -> List[Hit]:
    """The best services for a question (stable API for other capabilities)."""
    return zoek(vraag, leeftijd=leeftijd, gemeente=gemeente, thema=thema, limit=limit).hits
