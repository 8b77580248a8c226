"""Search the sociale kaart: place and age are hard filters, theme is a boost, text ranks the rest.

Stable entry point for other capabilities::

    from bot.kaart.search import search
    hits = search("zoon van 15 spijbelt", leeftijd=None, gemeente="hilversum", thema=None, limit=5)
    hits[0].id, hits[0].naam, hits[0].waarom, hits[0].to_dict()

``zoek(...)`` returns the full :class:`Zoekresultaat` (status, Dutch message, general route).
Ranking runs in Python over the loaded knowledge (BM25 on lemmas, no SQL), so it behaves the same
on SQLite and PostgreSQL. Every score is the sum of named parts, each explained in ``waarom``.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from bot.kaart import places, subject
from bot.kaart.places import Plaats
from bot.kaart.query import (
    Vraag,
    parse_vraag,
    resolve_plaats,
    resolve_thema,
    school_kind,
    school_mentioned,
    school_year_words,
)
from bot.kaart.text import known, lemmas, stam, word_tables
from bot.kaart.vocabulary import (
    AARD,
    AARD_VRAAGWOORDEN,
    DEEL_VAN,
    DOELGROEPEN,
    GEMEENTEN,
    LEEFTIJD_MAX,
    REGIOS,
    THEMAS,
    TOEGANG,
    WERKGEBIEDEN,
    gemeenten_van,
)
from bot.knowledge.loader import PerKnowledge, get_knowledge

WEIGHTS = {"thema": 2.0, "tekst": 1.0, "plaats": 0.5, "leeftijd": 0.2, "doelgroep": 0.3, "toegang": 0.3, "ingang": 0.3,
           "bekend": 0.8, "genoemd": 1.0}
THEME_ORDER_WEIGHTS = (1.0, 0.6, 0.4)
NAME_RUN = 3  # words of a service's name, in order, that name it in a question
MAX_HITS = 20  # the most results one search returns: a larger ``limit`` is cut to this
FEW_HITS = 3  # fewer hits than this for a family question: add the general entrance of the place
BROAD_THEMES = 4  # a service with more themes than this is broad: each theme counts less
BREADTH_POWER = 0.5  # strength = sqrt(BROAD_THEMES / number of themes), at most 1
CENTRAL_THEMES, PERIPHERAL_THEME = 3, 0.8  # the first three themes of a service are central to it
# A theme no referable service in the place covers is also read as its nearest broader theme: faalangst
# (prestatiedruk) in a region without prestatiedruk services is still anxiety (somberheid_angst).
VERWANT_THEMA = {"prestatiedruk": "somberheid_angst", "leren": "schoolverzuim", "criminaliteit": "gedrag",
                 "seksualiteit": "gezondheid"}
LEISURE_FACTOR = 0.5  # a leisure group's match on a family's problem theme
PROFESSIONAL_ONLY_FACTOR = 0.5  # a professionals-only service's theme match on a family's own question
# a service a family reaches only through school, on its question about home (``school_route_only``), and youth care
# that follows a referral, on a question that does not ask for youth care (``further_care``)
SCHOOL_ROUTE_FACTOR = 0.7
SCHOOL_THEMES = frozenset({"schoolverzuim", "leren"})  # problems that are at school by their nature
BM25_K1, BM25_B = 1.2, 0.75
# Words too general to make a hit relevant on their own.
GENERIC = frozenset(
    "kind kinderen ouder moeder vader zoon dochter gezin jongere jongen meisje hulp helpen school leerling "
    "vraag vragen probleem problemen zorg zorgen gemeente regio jaar week dag goed slecht "
    # everyday verbs: they say nothing about which service fits
    "maken doen komen krijgen zitten staan houden geven nemen laten blijven vinden weten denken praten praat "
    "zeggen vertellen".split()
)
# the stems of the general words, per loaded knowledge (a stem reads the problem words)
_generic_stems = PerKnowledge(lambda knowledge: frozenset(stam(word, word_tables(knowledge)) for word in GENERIC))


# Words of speech, not of the question: greetings, fillers, hedges, how often and how long, and the call itself
# ("Hoi, ik heb hier een moeder aan de lijn, ze is echt helemaal op, al weken"). A long spoken question is full
# of them; as search words they would find services whose text happens to use them ("telefoon", "soms").
FILLER = frozenset(
    "hoi hallo goedemorgen goedemiddag goedenavond ja nee nou eh uh zeg hoor joh "
    "even net echt gewoon eigenlijk misschien beetje best heel helemaal zo'n zelf zelfs toch nog steeds weer eens "
    "soms vaak altijd nooit meestal elke elk iedere ieder alleen nodig snel liefst kort vooral ongeveer "
    "zich zichzelf me mij mijzelf af via erover hierover daarover ermee hiermee "
    "lijn telefoon telefonisch bellen bel belt belde gebeld mail mailen namens collega vraagje "
    "tijd tijdje keer paar laatst laatste inmiddels sinds dag dagen week weken maand maanden avond ochtend middag "
    "nacht nachten gisteren vandaag morgen vorig vorige volgende".split()
)


@dataclass
class Hit:
    """One search result, ready to show."""

    id: str
    naam: str
    organisatie: str
    beschrijving: str
    voor_wie: str
    bereikbaarheid: str
    links: List[str]
    waarom: str
    score: float
    onderdelen: Dict[str, float]
    verwijsbaar: bool = True  # a professional can refer a family here (or contact it) directly
    let_op: Optional[str] = None  # why it is no direct referral, and the route when there is one

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "naam": self.naam,
            "organisatie": self.organisatie,
            "beschrijving": self.beschrijving,
            "voor_wie": self.voor_wie,
            "bereikbaarheid": self.bereikbaarheid,
            "links": list(self.links),
            "waarom": self.waarom,
            "verwijsbaar": self.verwijsbaar,
            "let_op": self.let_op,
            "score": round(self.score, 3),
            "onderdelen": {k: round(v, 3) for k, v in self.onderdelen.items()},
        }


@dataclass
class Zoekresultaat:
    """Hits plus what was understood, a status and (when needed) a Dutch message."""

    status: str  # "ok" | "geen_resultaat" | "buiten_regio" | "ongeldig"
    hits: List[Hit] = field(default_factory=list)
    melding: Optional[str] = None
    route: List[Hit] = field(default_factory=list)  # general entrance when nothing fits
    vraag: Optional[Vraag] = None
    gemeente: Optional[str] = None
    leeftijd: Optional[int] = None
    themas: List[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "melding": self.melding,
            "gemeente": self.gemeente,
            "leeftijd": self.leeftijd,
            "themas": self.themas,
            "resultaten": [h.to_dict() for h in self.hits],
            "algemene_route": [h.to_dict() for h in self.route],
        }


# ---------------------------------------------------------------------------------------- index


@dataclass
class _Doc:
    service: Any  # a KaartDienst
    org_name: str
    org_website: Optional[str]
    areas: Set[str]  # expanded municipality codes; empty = unknown
    area_codes: Tuple[str, ...]
    length: int


class KaartIndex:
    """Inverted index over services; built once per knowledge snapshot."""

    def __init__(self, services: Sequence, organisations: Dict[str, Any]):
        self.docs: List[_Doc] = []
        self.postings: Dict[str, List[Tuple[int, int]]] = defaultdict(list)
        self.by_theme: Dict[str, Set[int]] = defaultdict(set)
        self.by_area: Dict[str, Set[int]] = defaultdict(set)
        self.unknown_area: Set[int] = set()
        self.general: List[int] = []
        self.by_id: Dict[str, int] = {}
        total = 0
        for index, service in enumerate(services):
            org = organisations.get(service.organisatie)
            org_name = getattr(org, "naam", service.organisatie)
            terms = self._terms(service, org_name)
            counts: Dict[str, int] = defaultdict(int)
            for term in terms:
                counts[term] += 1
            for term, tf in counts.items():
                self.postings[term].append((index, tf))
            areas: Set[str] = set()
            for code in service.werkgebied:
                areas |= gemeenten_van(code)
            areas |= {wijk for wijk, parent in DEEL_VAN.items() if parent in areas}
            if not areas:
                self.unknown_area.add(index)
            for area in areas:
                self.by_area[area].add(index)
            for theme in service.themas:
                self.by_theme[theme].add(index)
            if service.algemene_toegang:
                self.general.append(index)
            self.by_id[service.id] = index
            self.docs.append(
                _Doc(service, org_name, getattr(org, "website", None), areas, tuple(service.werkgebied), len(terms))
            )
            total += len(terms)
        self.avg_len = total / len(self.docs) if self.docs else 1.0
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def doc(self, service_id: str) -> _Doc:
        """The indexed document of the service ``service_id``."""
        return self.docs[self.by_id[service_id]]

    @staticmethod
    def _terms(service, org_name: str) -> List[str]:
        """Field-weighted bag of lemmas: name x3, organisation and keywords x2, the rest x1."""
        name = lemmas(service.naam)
        org = lemmas(org_name)
        keywords = [t for word in service.trefwoorden for t in lemmas(word)]
        body = lemmas(service.beschrijving) + [t for line in service.aanbod for t in lemmas(line)]
        return name * 3 + org * 2 + keywords * 2 + body

    def bm25(self, terms: Iterable[str], allowed: Optional[Set[int]]) -> Dict[int, float]:
        scores: Dict[int, float] = defaultdict(float)
        for term in sorted(set(terms)):  # a fixed order: the same float sums, whatever the hash seed of the process
            idf = self.idf.get(term)
            if idf is None:
                continue
            for index, tf in self.postings[term]:
                if allowed is not None and index not in allowed:
                    continue
                length = self.docs[index].length
                denom = tf + BM25_K1 * (1 - BM25_B + BM25_B * length / self.avg_len)
                scores[index] += idf * tf * (BM25_K1 + 1) / denom
        return scores


def _build_index(knowledge) -> KaartIndex:
    services = list(knowledge.entries.get("kaart_dienst", {}).values())
    orgs = dict(knowledge.entries.get("kaart_organisatie", {}))
    return KaartIndex(services, orgs)


_INDEXES = PerKnowledge(_build_index)


def index_for(knowledge) -> KaartIndex:
    return _INDEXES(knowledge)


def default_index() -> KaartIndex:
    return index_for(get_knowledge())


# ------------------------------------------------------------------------------------ formatting


def leeftijd_tekst(service) -> str:
    low, high = service.leeftijd_min, service.leeftijd_max
    if low is not None and high is not None:
        return f"{low} t/m {high} jaar"
    if low is not None:
        return "vanaf de geboorte" if low == 0 else f"vanaf {low} jaar"
    if high is not None:
        return f"tot {high + 1} jaar"
    return ""


def voor_wie(service) -> str:
    groups = ", ".join(DOELGROEPEN[g] for g in service.doelgroep)
    age = leeftijd_tekst(service)
    return f"{groups} ({age})" if age else groups


def werkgebied_tekst(service) -> str:
    if not service.werkgebied:
        return "werkgebied niet vermeld in de bron"
    return ", ".join(WERKGEBIEDEN[c] for c in service.werkgebied)


def bereikbaarheid(service, org_website: Optional[str]) -> str:
    parts = [TOEGANG[t] for t in service.toegang]
    contact = []
    if service.telefoon:
        contact.append(f"telefoon {service.telefoon}")
    if service.email:
        contact.append(f"e-mail {service.email}")
    website = service.website or org_website
    if website:
        contact.append(f"website {website}")
    text = "; ".join(parts) if parts else "toegang niet vermeld in de bron"
    if contact:
        return text + " — " + ", ".join(contact)
    # say plainly why there is nothing to call, rather than showing nothing
    from bot.kaart import messages

    text += " — " + messages.GEEN_CONTACT + "."
    if service.themas[:1] == ["veiligheid"]:  # a service that is about safety first of all
        text += " " + messages.GEEN_CONTACT_VEILIGHEID
    return text


def _links(service, org_website: Optional[str]) -> List[str]:
    out = []
    for link in (service.website, org_website):
        if link and link not in out:
            out.append(link)
    return out


# ---------------------------------------------------------------------------------------- search


def _place_part(doc: _Doc, gemeente: Optional[str]) -> Tuple[float, str]:
    """How well the service area fits the asked place (the filter already passed)."""
    if gemeente is None:
        return 0.0, ""
    if not doc.areas:
        return 0.0, "werkgebied niet vermeld in de bron"
    if gemeente in doc.area_codes:
        return 1.0, f"werkt in {WERKGEBIEDEN[gemeente]}"
    if gemeente in REGIOS:
        members = REGIOS[gemeente][1]
        if any(code in REGIOS and code != "landelijk" and members <= REGIOS[code][1] for code in doc.area_codes):
            return 1.0, f"werkt in {REGIOS[gemeente][0]}"
        if "landelijk" in doc.area_codes:
            return 0.3, "landelijk beschikbaar"
        return 0.5, f"werkt in een deel van de regio: {werkgebied_tekst(doc.service)}"
    parent = DEEL_VAN.get(gemeente)
    if parent and parent in doc.area_codes:
        return 1.0, f"werkt in heel {GEMEENTEN[parent]}"
    for code in doc.area_codes:
        if code in REGIOS and code != "landelijk" and gemeente in REGIOS[code][1]:
            return 0.6, f"werkt in {REGIOS[code][0]}"
    if "landelijk" in doc.area_codes:
        return 0.3, "landelijk beschikbaar"
    return 0.5, f"werkt in {werkgebied_tekst(doc.service)}"


def _place_allowed(index: KaartIndex, gemeente: Optional[str], heel: bool = False) -> Optional[Set[int]]:
    """Services that work in the asked place. ``heel``: the place is a wijk of ``gemeente`` that has
    no code of its own, so only services for the whole municipality (or wider) qualify."""
    if gemeente is None:
        return None
    allowed = set(index.unknown_area)
    for code in gemeenten_van(gemeente) if gemeente in REGIOS else (gemeente,):
        allowed |= index.by_area.get(code, set())
    if heel:
        wijken = {wijk for wijk, parent in DEEL_VAN.items() if parent == gemeente}
        return {i for i in allowed if not index.docs[i].areas or not set(index.docs[i].area_codes) <= wijken}
    # asking for a whole city also shows services of its wijken
    for wijk, parent in DEEL_VAN.items():
        if parent == gemeente:
            allowed |= index.by_area.get(wijk, set())
    return allowed


SCHOOL_AGE = 4  # Dutch children start school at four


def only_through_school(service) -> bool:
    """A family reaches the service only through school (schoolmaatschappelijk werk, jeugdcoach)."""
    return service.toegang == ["via_school"]


def _age_ok(service, leeftijd: Optional[int]) -> bool:
    """The age fits the service's range; a service reached only through school cannot reach a child that
    is not at school yet (schoolmaatschappelijk werk for a toddler)."""
    if leeftijd is None:
        return True
    if leeftijd < SCHOOL_AGE and only_through_school(service):
        return False
    if service.leeftijd_min is not None and leeftijd < service.leeftijd_min:
        return False
    if service.leeftijd_max is not None and leeftijd > service.leeftijd_max:
        return False
    return True


SCHOOL_KINDS = {"po": {"po", "so"}, "vo": {"vo", "vso"}}


def _school_ok(service, school: Optional[str]) -> bool:
    """A service bound to one kind of school fits a child at that kind of school: a coach in secondary schools
    is no help for a pupil in groep 8, even at twelve."""
    return school is None or service.schooltype is None or service.schooltype in SCHOOL_KINDS[school]


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


def leisure_only(service, themas: List[str], professional: bool) -> bool:
    """A sport, culture or leisure group (its main theme is vrije tijd) answering a question about a
    problem that is not about vrije tijd, asked for a family rather than by a club, school or
    professional: it is part of the sociale basis around the child, not help with the question, so
    its theme match counts only half."""
    return (not professional and bool(service.themas) and service.themas[0] == "vrije_tijd"
            and "vrije_tijd" not in themas)


def for_young_people(service) -> bool:
    """The service is made for young people first of all: its main target group (listed first) is jeugdige
    (jongerenwerk, POH-Jeugd), though it may also talk with their parents."""
    return service.doelgroep[:1] == ["jeugdige"]


def for_parents_only(service) -> bool:
    """The service is for parents themselves, not for the child or the family (Denkles: less worrying)."""
    return "ouder" in service.doelgroep and not {"jeugdige", "gezin"} & set(service.doelgroep)


def _theme_part(service, themas: List[str], professional: bool = False,
                ouder_themas: Sequence[str] = (), kind_themas: Sequence[str] = (),
                ouder_stoornis: Sequence[str] = ()) -> Tuple[float, List[str]]:
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
        if strength:
            got += weight * strength
            matched.append(theme)
    score = got / sum(weights)
    if leisure_only(service, themas, professional):
        score *= LEISURE_FACTOR
    return score, matched


def _doelgroep_part(service, hints: List[str]) -> float:
    """+1 when the service is for whom the question is about; -1 for professional-only services
    when the question is about a family (and not asked by a school or professional)."""
    if not hints:
        return 0.0
    groups = set(service.doelgroep)
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


def _waarom(matched: List[str], woorden: Dict[str, List[str]], place: str, age: Optional[int], service,
            text_terms: List[str]) -> str:
    parts = []
    if matched:
        labels = []
        for theme in matched:
            said = [w for w in woorden.get(theme, []) if w != theme][:1]
            labels.append(THEMAS[theme] + (f" ('{said[0]}')" if said else ""))
        parts.append("past bij " + " en ".join(labels))
    if text_terms:
        parts.append("tekst noemt " + ", ".join(f"'{t}'" for t in text_terms[:3]))
    if place:
        parts.append(place)
    if age is not None:
        span = leeftijd_tekst(service)
        parts.append(f"leeftijd past ({span})" if span else "geen leeftijdsgrens genoemd")
    if not parts:
        return "Algemene ingang voor deze gemeente."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def verwijsbaar(service) -> bool:
    """A service a professional can refer a family to, or a tool they can use, right now."""
    return service.aard in ("dienst", "hulpmiddel") and not _measure_only(service)


def let_op(service) -> Optional[str]:
    """Why an entry is no direct referral, in plain Dutch (None for an ordinary service)."""
    notes = []
    if service.aard != "dienst":
        notes.append(f"Dit is een {AARD[service.aard]}.")
    if _measure_only(service):
        notes.append("Je kunt een gezin hier niet zelf naartoe verwijzen: deze dienst werkt alleen na een "
                     "kinderbeschermingsmaatregel van de kinderrechter, na onderzoek door de Raad voor de "
                     "Kinderbescherming. Bij zorgen over veiligheid: Veilig Thuis of het jeugdteam.")
    return " ".join(notes) or None


def _hit(doc: _Doc, score: float, parts: Dict[str, float], waarom: str) -> Hit:
    service = doc.service
    return Hit(
        id=service.id,
        naam=service.naam,
        organisatie=doc.org_name,
        beschrijving=service.beschrijving,
        voor_wie=voor_wie(service),
        bereikbaarheid=bereikbaarheid(service, doc.org_website),
        links=_links(service, doc.org_website),
        waarom=waarom,
        score=score,
        onderdelen=parts,
        verwijsbaar=verwijsbaar(service),
        let_op=let_op(service),
    )


def _place_hit(doc: _Doc, gemeente: Optional[str]) -> Hit:
    """A hit shown for where it works alone (a general entrance, the safety service on the way to a measure):
    no score, its reason only the place."""
    return _hit(doc, 0.0, {}, _waarom([], {}, _place_part(doc, gemeente)[1], None, doc.service, []))


def _general_route(index: KaartIndex, gemeente: Optional[str], leeftijd: Optional[int] = None) -> List[Hit]:
    """The general entrances (``algemene_toegang``) of the place, or of every municipality of a region, for the
    age asked."""
    if gemeente is None:
        return []
    out = []
    wanted = set(gemeenten_van(gemeente)) if gemeente in REGIOS else {gemeente}
    for i in index.general:
        doc = index.docs[i]
        if wanted & doc.areas and _age_ok(doc.service, leeftijd):
            out.append(_place_hit(doc, gemeente))
    return out


def _toegang_part(service) -> float:
    """1 when a family can get there (itself, via GP, school or buurtteam), 0.5 when only a
    professional can bring it in, 0 when the route is unknown or needs a court measure."""
    routes = set(service.toegang)
    if _measure_only(service):
        return 0.0
    if service.algemene_toegang or routes & {"direct", "via_huisarts", "via_school", "via_buurtteam"}:
        return 1.0
    return 0.5 if routes else 0.0


DETAIL_MIN_DESCRIPTION = 120  # characters; shorter means the source hardly describes the service


def bekend(service) -> float:
    """How much the source tells about a service (0..1): what it offers, how to reach it, words to
    find it by, a way to contact it and a real description. A provider the source only names
    ("een van de kleine jeugdzorgaanbieders") is no sound referral on a theme alone."""
    signs = (
        bool(service.aanbod),
        bool(service.toegang) or bool(service.algemene_toegang),
        bool(service.trefwoorden),
        bool(service.website or service.telefoon or service.email),
        len(service.beschrijving or "") >= DETAIL_MIN_DESCRIPTION,
    )
    return sum(signs) / len(signs)


def _family_question(parsed: Vraag, leeftijd: Optional[int]) -> bool:
    """The question is about a family or child."""
    return bool({"ouder", "jeugdige", "gezin"} & set(parsed.doelgroep_hints)) or leeftijd is not None


def _asked_kinds(text: str) -> Set[str]:
    """Kinds of non-service entries the question asks for on purpose ('is er een pilot ...')."""
    words = set(lemmas(text, drop_stopwords=False)) | {w.lower() for w in text.split()}
    lemmed = " " + " ".join(lemmas(text, drop_stopwords=False)) + " "
    asked = set()
    for kind, cues in AARD_VRAAGWOORDEN.items():
        if any((cue in words) if " " not in cue else (f" {cue} " in lemmed) for cue in cues):
            asked.add(kind)
    return asked


def _measure_only(service) -> bool:
    """The service works only after a child protection measure (``via_maatregel``): no one can refer to it."""
    return "via_maatregel" in service.toegang


def _named(index: KaartIndex, service, terms: List[str], keywords: bool = False) -> bool:
    """The question names the entry: a rare word (in at most two entries) of its name, or with
    ``keywords`` of its search words, is in it; or it repeats a run of ``NAME_RUN`` words of the
    name in order ("GGZ-hulp op school")."""
    asked, asked_runs = _asked_words(tuple(terms))
    words = list(_phrase_lemmas(service.naam))
    if asked_runs and {tuple(words[i:i + NAME_RUN]) for i in range(len(words) - NAME_RUN + 1)} & asked_runs:
        return True
    if keywords:
        words += [t for word in service.trefwoorden for t in _phrase_lemmas(word)]
    proper = _proper_name_words(service.naam) if service.aard != "dienst" else None
    for term in words:
        if (
            (term in asked or _singular(term) in asked)
            and term not in GENERIC
            and len(index.postings.get(term, ())) <= 2
            and (proper is None or term in proper)
        ):
            return True
    return False


_NAME_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)
def _proper_name_words(naam: str) -> FrozenSet[str]:
    """The lemmas of the words that make a name a name: a capitalised word after the first ("ZigZag", "Qinas",
    "Kapitaal") or a first word that is no ordinary Dutch word ("Cultuurcampus", "Garage2020"). The ordinary
    words that describe a pilot or project ("Praktijk", "Overzicht financiële hulpmiddelen", "activiteiten voor
    ouders") do not name it: a family asking for "activiteiten" or with "financiële problemen" did not ask for it."""
    found: Set[str] = set()
    for position, word in enumerate(_NAME_WORD.findall(naam)):
        terms = lemmas(word)
        if (position > 0 and word[:1].isupper()) or (position == 0 and not any(known(t) for t in terms)):
            found.update(terms)
    return frozenset(found)


@lru_cache(maxsize=256)
def _asked_words(terms: Tuple[str, ...]) -> Tuple[FrozenSet[str], FrozenSet[Tuple[str, ...]]]:
    """The question's words with their rough singulars, and its runs of ``NAME_RUN`` words (cached per question)."""
    words = frozenset(terms) | {_singular(t) for t in terms}
    return words, frozenset(tuple(terms[i:i + NAME_RUN]) for i in range(len(terms) - NAME_RUN + 1))


@lru_cache(maxsize=100_000)
def _phrase_lemmas(text: str) -> Tuple[str, ...]:
    """The lemmas of a service name or search word (cached: names are read for every candidate)."""
    return tuple(lemmas(text))


def _singular(word: str) -> str:
    """A rough singular of a word the lemma table lacks ("gedragswetenschappers" -> "gedragswetenschapper")."""
    if len(word) > 6 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _referral_first(hits: List[Hit]) -> List[Hit]:
    """Never lead with an entry a professional cannot refer to or use, when there is one they can."""
    if hits and not hits[0].verwijsbaar:
        first = next((i for i, hit in enumerate(hits) if hit.verwijsbaar), None)
        if first is not None:
            hits.insert(0, hits.pop(first))
    return hits


@dataclass
class _Context:
    """What the search steps share about one question."""

    parsed: Vraag
    leeftijd: Optional[int]
    gemeente: Optional[str]
    themas: List[str]
    terms: List[str]  # lemmas of the question without place words and numbers
    specific: Set[str]  # the terms that are not too general to count on their own
    family: bool  # the question is about a family or child
    professional: bool  # asked by a school or professional
    asked: Set[str]  # kinds of non-service entries asked for on purpose
    index: Optional[KaartIndex] = None  # the index searched (to see whether a service is named)
    ouder_themas: List[str] = field(default_factory=list)  # themes that are a parent's own problem
    kind_themas: List[str] = field(default_factory=list)  # such themes said of the child
    ouder_stoornis: List[str] = field(default_factory=list)  # themes of a parent's own disorder (``with_parenting``)
    school: Optional[str] = None  # the kind of school the child goes to ("po", "vo"), when the question says it
    at_school: bool = False  # the question involves school (a school word or kind of school, a school problem)


def _check_leeftijd(leeftijd, parsed: Vraag) -> Tuple[Optional[int], Optional[Zoekresultaat]]:
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


def _check_plaats(gemeente: Optional[str], parsed: Vraag
                  ) -> Tuple[Optional[str], Optional[Plaats], Optional[Zoekresultaat]]:
    """(area code, recognised place, refusal): the explicit place wins over one in the question."""
    from bot.kaart import messages

    if gemeente:
        gevonden = resolve_plaats(gemeente)
        if gevonden is None or gevonden.code is None:
            return None, None, Zoekresultaat("buiten_regio", melding=messages.buiten_regio(str(gemeente)[:60]),
                                             vraag=parsed)
        return gevonden.code, gevonden, None
    if parsed.gemeente:
        return parsed.gemeente, parsed.plaats_info, None
    place = parsed.buiten_regio or parsed.onbekende_plaats
    if place:
        return None, None, Zoekresultaat("buiten_regio", melding=messages.buiten_regio(place), vraag=parsed)
    return None, None, None


def _check_thema(thema: Optional[str], parsed: Vraag) -> Tuple[List[str], Optional[Zoekresultaat]]:
    """The themes of the question, an explicit theme first; or a Dutch refusal of an unknown theme."""
    from bot.kaart import messages

    themas = list(parsed.themas)
    if not thema:
        return themas, None
    code = resolve_thema(thema)
    if code is None:
        return themas, Zoekresultaat("ongeldig", melding=messages.onbekend_thema(str(thema)[:60]), vraag=parsed)
    return [code] + [t for t in themas if t != code], None


PLACE_KIND_WORDS = frozenset({"regio", "gemeente", "wijk", "dorp", "kern", "stad"})


def _context(parsed: Vraag, leeftijd: Optional[int], gemeente: Optional[str], themas: List[str]) -> _Context:
    # the place and the word that says what kind of place it is ("in de regio Gooi") are no search words, nor is
    # a second place name of the table ("Bussum, Gooise Meren": "Bussum" names no service)
    place_words = set(lemmas(parsed.plaats or "")) | PLACE_KIND_WORDS if parsed.plaats else set()
    if parsed.plaats:
        place_words |= {t for t in lemmas(parsed.tekst) if t in places.tabel().spellings}
    # nor are the words that gave the school year ("groep 6"), single letters ("'s ochtends") and fillers
    place_words |= school_year_words(parsed.tekst)
    # the text match reads the question without the words that frame the call ("ik werk bij het buurtteam")
    asked_text = parsed.zoektekst if parsed.zoektekst is not None else parsed.tekst
    terms = [t for t in lemmas(asked_text)
             if t not in place_words and t not in FILLER and not t.isdigit() and len(t) > 1]
    return _Context(
        parsed=parsed, leeftijd=leeftijd, gemeente=gemeente, themas=themas, terms=terms,
        # a form of a general word the lemma table lacks ("zit", "gepraat") is as general as the word
        specific={t for t in terms if t not in GENERIC and stam(t) not in _generic_stems()},
        family=_family_question(parsed, leeftijd),
        professional=bool({"school", "professional"} & set(parsed.doelgroep_hints)),
        asked=_asked_kinds(parsed.tekst),
        school=school_kind(parsed.tekst),
        at_school=school_mentioned(parsed.tekst) or bool(SCHOOL_THEMES & set(themas)),
    )


def _with_related_themes(index: KaartIndex, themas: List[str], allowed: Optional[Set[int]]) -> List[str]:
    """``themas`` plus, after them, the broader theme (``VERWANT_THEMA``) of each theme that no referable
    service with a known area in the place has (an entry without any area, such as an online course, does not count)."""
    out = list(themas)
    for theme in themas:
        related = VERWANT_THEMA.get(theme)
        if related is None or related in out:
            continue
        covering = index.by_theme.get(theme, set())
        if allowed is not None:
            covering = covering & allowed
        if not any(index.docs[i].areas and index.docs[i].service.aard == "dienst" and verwijsbaar(index.docs[i].service)
                   for i in covering):
            out.append(related)
    return out


def _with_young_child(themas: List[str], leeftijd: Optional[int]) -> List[str]:
    """``themas`` plus, last, the theme of families with young children when the child is that young ("zoon van 3"
    says what "peuter" says; the jeugdarts and consultatiebureau see every child up to four, see ``YOUNG_CHILD``)."""
    if leeftijd is None or leeftijd > YOUNG_CHILD or "jonge_kind" in themas:
        return themas
    return themas + ["jonge_kind"]


def with_parenting(themas: List[str], ouder_stoornis: List[str]) -> List[str]:
    """``themas`` read as parenting (opvoeding) where a parent has a disorder of their own (``ouder_stoornis``):
    the kaart holds no treatment for the parent (the huisarts refers the parent, the message says so), but support
    with raising the children meanwhile (the opvoedcoach, the municipality's team), so the disorder's theme gives way
    to parenting."""
    if not ouder_stoornis:
        return themas
    rest = [theme for theme in themas if theme not in ouder_stoornis]
    return rest if "opvoeding" in rest else rest + ["opvoeding"]


def _with_related(said: List[str], themas: List[str]) -> List[str]:
    """``said`` plus the broader theme of each, when the search reads that broader theme too."""
    return said + [VERWANT_THEMA[t] for t in said if VERWANT_THEMA.get(t) in themas and VERWANT_THEMA[t] not in said]


def _candidates(
    index: KaartIndex, ctx: _Context, allowed: Optional[Set[int]], text_scores: Dict[int, float]
) -> Set[int]:
    """Services in the place that share a theme or a word with the question (the place filter)."""
    themed: Set[int] = set()
    for theme in ctx.themas:
        themed |= index.by_theme.get(theme, set())
    if allowed is not None:
        themed &= allowed
    return themed | set(text_scores)


def _parts(doc: _Doc, ctx: _Context, theme_score: float, tekst: float) -> Tuple[Dict[str, float], str]:
    """The named score parts of one service, and the place reason for ``waarom``."""
    service = doc.service
    plaats, place_reason = _place_part(doc, ctx.gemeente)
    bounded = service.leeftijd_min is not None or service.leeftijd_max is not None
    # the general entrance is always a sound referral for a family or a request for youth care
    # (for a question about a whole region, the entrance of one of its municipalities is not that entrance)
    ingang = 1.0 if (service.algemene_toegang and (ctx.family or "jeugdhulp" in ctx.themas)
                     and not (ctx.gemeente in REGIOS and plaats < 1.0)) else 0.0
    parts = {"thema": theme_score, "tekst": tekst, "plaats": plaats,
             "leeftijd": 1.0 if ctx.leeftijd is not None and bounded else 0.0,
             # a question about a parent's own problem is not about whom a youth service is for
             "doelgroep": 0.0 if ctx.parsed.ouder_themas and for_young_people(service)
             else _doelgroep_part(service, ctx.parsed.doelgroep_hints),
             # the source says how to reach it; a family can go there itself, or is sent on by someone
             "toegang": _toegang_part(service), "ingang": ingang, "bekend": bekend(service),
             # the question names the service or its professional ("gedragswetenschapper", "jeugdcoach")
             "genoemd": 1.0 if ctx.index is not None and _named(ctx.index, service, ctx.terms) else 0.0}
    return parts, place_reason


def school_route_only(service, ctx: _Context) -> bool:
    """A service a family reaches only through school, for a family's own question that does not involve school
    ("dochter van 13 is somber", "de hulp thuis is vastgelopen"): the school signals a pupil's problem and brings
    such a service in (004: schools get advice and guidance from the schoolmaatschappelijk werker on problems of
    their pupils; jeugdcoaches work in secondary schools, brugfunctionarissen in some schools), so its match on the
    problem counts less than that of a service the family can reach itself (huisarts, JGZ, the municipality's team)."""
    return (only_through_school(service) and ctx.family and "school" not in ctx.parsed.doelgroep_hints
            and not ctx.at_school)


def further_care(service, ctx: _Context) -> bool:
    """Youth care that follows a referral (its main theme is jeugdhulp, it is no general entrance and a family
    cannot go there itself: KOOS after the buurtteam, school or huisarts), for a family's question about a problem
    that does not ask for youth care itself: the source prefers an answer in the sociale basis and sees the way in
    (buurtteam, JGZ) ask first whether such care is needed (001: "een passend antwoord in de sociale basis heeft
    altijd de voorkeur"; the buurtteam invites JGZ or KOOS to its vraagverhelderingsgesprek), so its match on the
    problem counts as that of a service reached only through school."""
    return (ctx.family and "jeugdhulp" not in ctx.themas and bool(service.themas) and service.themas[0] == "jeugdhulp"
            and not service.algemene_toegang and bool(service.toegang) and "direct" not in service.toegang)


def parents_own_only(service, ctx: _Context) -> bool:
    """Every problem of the question is a parent's own ("ouders hebben geldproblemen", "vader is dakloos") and the
    service is made for young people: it helps the child, not the parent, with such a problem (see ``_theme_part``),
    so its text naming the problem does not make it a match either."""
    return bool(ctx.ouder_themas) and set(ctx.themas) <= set(ctx.ouder_themas) and for_young_people(service)


def _held_back(index: KaartIndex, service, ctx: _Context) -> bool:
    """A pilot, recommendation or project that a family question did not ask or name."""
    return (service.aard != "dienst" and not ctx.professional and service.aard not in ctx.asked
            and not _named(index, service, ctx.terms))


_Row = Tuple[float, str, _Doc, Dict[str, float], str]  # score, id, document, score parts, waarom


def _score_all(index: KaartIndex, ctx: _Context, candidates: Set[int], text_scores: Dict[int, float]
               ) -> Tuple[List[_Row], List[Tuple[float, str]]]:
    """(scored, held_back): scored rows (score, id, doc, parts, waarom) of the services that pass the
    age filter and match a theme or a specific word; held_back (score, name) of entries kept out."""
    top_text = max(text_scores.values(), default=0.0)
    docs_with = {t: {i for i, _ in index.postings.get(t, ())} for t in ctx.specific}
    scored: List[_Row] = []
    held_back: List[Tuple[float, str]] = []
    for i in candidates:
        doc = index.docs[i]
        service = doc.service
        if not _age_ok(service, ctx.leeftijd) or not _school_ok(service, ctx.school):
            continue
        theme_score, matched = _theme_part(service, ctx.themas, ctx.professional, ctx.ouder_themas, ctx.kind_themas,
                                           ctx.ouder_stoornis)
        matched_terms = [t for t in ctx.specific if i in docs_with[t]]
        if parents_own_only(service, ctx):
            matched_terms = []  # its text naming the parent's problem is the same evidence as its theme
        if theme_score == 0 and not matched_terms:
            continue  # only generic words matched: not a relevant hit
        tekst = text_scores.get(i, 0.0) / top_text if top_text else 0.0
        if leisure_only(service, ctx.themas, ctx.professional):
            tekst *= LEISURE_FACTOR  # its text naming the problem is the same evidence as its theme
        parts, place_reason = _parts(doc, ctx, theme_score, tekst)
        if parts["doelgroep"] < 0:
            # a service only for professionals answers a family's question about its theme only half: the
            # family cannot go there, the professional consults it (as a leisure group is only part of the answer)
            parts["thema"] *= PROFESSIONAL_ONLY_FACTOR
            parts["tekst"] *= PROFESSIONAL_ONLY_FACTOR  # its text naming the question is the same evidence
        if school_route_only(service, ctx) or further_care(service, ctx):
            parts["thema"] *= SCHOOL_ROUTE_FACTOR
            parts["tekst"] *= SCHOOL_ROUTE_FACTOR  # its text naming the problem is the same evidence
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        if _held_back(index, service, ctx):
            held_back.append((score, service.naam))
            continue
        waarom = _waarom(matched, ctx.parsed.thema_woorden, place_reason, ctx.leeftijd, service, sorted(matched_terms))
        scored.append((score, service.id, doc, parts, waarom))
    return scored, held_back


THIN = 0.5  # ``bekend`` below this: the source hardly describes the entry


def _tier(index: KaartIndex, service, ctx: _Context) -> int:
    """0 for an ordinary service; 1 for a thin entry whose route the source does not give (a provider it
    only names), or for the offer of one particular school when the question does not name that school:
    these come after the services a professional knows how to reach; 2 for a measure-only service. A
    question that names the entry keeps it in tier 0."""
    if _measure_only(service):
        tier = 2
    elif (_toegang_part(service) == 0.0 and bekend(service) < THIN) or service.een_school:
        tier = 1
    else:
        return 0
    if service.een_school:
        # the offer of one school is for its pupils: only naming that school (or the offer itself) lifts it, not
        # an ordinary search word of it that any question about school may use ("toetsen", "cijfers", "mentor")
        return 0 if _named(index, service, ctx.terms) or _school_named(service, ctx.terms) else tier
    return 0 if _named(index, service, ctx.terms, True) else tier


SCHOOL_NAME_WORDS = frozenset("obs icbs kc college lyceum school basisschool de het".split())


def _school_named(service, terms: List[str]) -> bool:
    """The question names the one school the service belongs to ("Amadeus", "Elan college")."""
    if not service.een_school:
        return False
    return bool({w for w in _phrase_lemmas(service.een_school) if w not in SCHOOL_NAME_WORDS} & set(terms))


def _rank(index: KaartIndex, ctx: _Context, scored: List[_Row], limit: int) -> List[Hit]:
    """Best first; a thin entry without a known route after the services with one, a measure-only service
    after every referral, unless the question names it ("ondertoezichtstelling", "jeugdbescherming");
    never an unreferrable entry first."""
    scored.sort(key=lambda item: (-item[0], item[1]))
    scored.sort(key=lambda item: (_tier(index, item[2].service, ctx), -item[0], item[1]))
    return _referral_first([_hit(doc, score, parts, waarom) for score, _, doc, parts, waarom in scored[:limit]])


TOP = 3  # the first results a professional reads; no two of them do the same job when another fits


def role(service) -> Tuple[str, str]:
    """The job a service does for a family: a general entrance is the place's way in for its main theme (the
    jeugdteam and the municipal toegang of a place both let a family into youth care); any other service is its
    organisation's offer for its main theme."""
    main = service.themas[0] if service.themas else ""
    return ("algemene_toegang", main) if service.algemene_toegang else (service.organisatie, main)


def _spread_roles(index: KaartIndex, ctx: _Context, hits: List[Hit]) -> List[Hit]:
    """No two services with the same role in the first ``TOP`` when another referable service fits: one way into
    youth care is enough when a specific service can take the slot; the second one moves down, not out. A
    question about that role itself ("toegang tot jeugdhulp", "aanmelden bij het jeugdteam") keeps both."""
    out = list(hits)
    seen: Dict[Tuple[str, str], int] = {}
    for position in range(min(TOP, len(out))):
        current = role(index.doc(out[position].id).service)
        if current in seen and current[1] not in ctx.themas:
            first = seen[current]
            if (_representative(index, ctx, index.doc(out[position].id).service)
                    > _representative(index, ctx, index.doc(out[first].id).service)):
                out[first], out[position] = out[position], out[first]
            swap = next((j for j in range(position + 1, len(out)) if _fresh_role(index, ctx, out[j], seen)), None)
            if swap is not None:
                out.insert(position, out.pop(swap))
                current = role(index.doc(out[position].id).service)
        seen.setdefault(current, position)
    return out


def _fresh_role(index: KaartIndex, ctx: _Context, hit: Hit, seen: Dict[Tuple[str, str], int]) -> bool:
    """A referable ordinary service whose role is not among ``seen``: it can take a slot of a second of a role."""
    service = index.doc(hit.id).service
    return role(service) not in seen and verwijsbaar(service) and _tier(index, service, ctx) == 0


def _representative(index: KaartIndex, ctx: _Context, service) -> Tuple[float, int]:
    """Which of two services with the same role stays: the one for the family's own place, then the one that
    covers more (a general entrance is there for every question)."""
    return _place_part(index.doc(service.id), ctx.gemeente)[0], len(service.themas)


def _measure_route_first(index: KaartIndex, ctx: _Context, hits: List[Hit], allowed: Optional[Set[int]],
                         limit: int) -> List[Hit]:
    """A measure-only service (jeugdbescherming) among the first ``TOP``: a family or professional cannot go
    there themselves, so the way there leads: the safety service of the place (Veilig Thuis) and its general
    entrance (the jeugdteam), which can ask the Raad voor de Kinderbescherming for an investigation. Then the
    measure-only service itself, with its route explained, then the rest."""
    from bot.kaart import messages

    measure = next((hit for hit in hits[:TOP] if hit.id in index.by_id
                    and _measure_only(index.doc(hit.id).service)), None)
    if measure is None:
        return hits
    shown = {hit.id: hit for hit in hits}
    safety = [i for i in (allowed if allowed is not None else range(len(index.docs)))
              if index.docs[i].service.themas[:1] == ["veiligheid"] and index.docs[i].service.aard == "dienst"
              and verwijsbaar(index.docs[i].service) and _age_ok(index.docs[i].service, ctx.leeftijd)]
    route: List[Hit] = []
    for i in sorted(safety, key=lambda i: index.docs[i].service.id)[:1]:
        doc = index.docs[i]
        route.append(shown.get(doc.service.id) or _place_hit(doc, ctx.gemeente))
    # the entrance to youth care (the jeugdteam, not the health service), the municipality's own before a regional one
    entrances = [shown[h.id] if h.id in shown else h for h in _general_route(index, ctx.gemeente, ctx.leeftijd)]
    docs = {h.id: index.doc(h.id) for h in entrances}
    route += sorted(entrances, key=lambda h: ("jeugdhulp" not in docs[h.id].service.themas,
                                              -_place_part(docs[h.id], ctx.gemeente)[0], -h.score, h.id))[:1]
    if not route:  # no way there in the kaart: keep the order (a referral first, see ``_referral_first``)
        return hits
    for hit in route:
        if not hit.waarom.startswith(messages.ROUTE_MAATREGEL):
            hit.waarom = messages.ROUTE_MAATREGEL + " " + hit.waarom
    first = [hit.id for hit in route] + [measure.id]
    ordered = route + [measure] + [hit for hit in hits if hit.id not in first]
    return _referral_first(ordered[:limit])


def _fit(doc: _Doc, ctx: _Context) -> float:
    """The score of a service without theme or text: how well place, age, target group and route fit."""
    parts, _ = _parts(doc, ctx, 0.0, 0.0)
    return sum(WEIGHTS[k] * v for k, v in parts.items())


GENERAL_ENTRANCE_WHY = "Algemene ingang van deze plaats: kan meedenken over elke vraag van een gezin. "


CLEAR_FIT = 0.45  # a theme part at least this high: the service is clearly made for the problem asked about


def own_entrance(doc: _Doc, gemeente: Optional[str]) -> bool:
    """The municipality's own way into youth care for a family in ``gemeente``: a general entrance for jeugdhulp
    whose area is that municipality (or the part of the region it belongs to), not a regional health service."""
    service = doc.service
    return (service.algemene_toegang and "jeugdhulp" in service.themas and gemeente is not None
            and gemeente not in REGIOS and _place_part(doc, gemeente)[0] >= 0.6 and verwijsbaar(service))


GROWTH_THEMES = frozenset({"ontwikkeling", "gezondheid", "jonge_kind", "pesten", "seksualiteit"})
YOUNG_CHILD = 4  # up to this age a child is seen by the youth health service (consultatiebureau) as a matter of course


def youth_health(service) -> bool:
    """The youth health service (jeugdarts and jeugdverpleegkundige, JGZ): growth and health are its first themes."""
    return set(service.themas[:2]) == {"gezondheid", "ontwikkeling"}


def growth_question(ctx: _Context) -> bool:
    """A question for the youth health service rather than for youth care: about a young child, or first of all
    about growth, health, bullying or sexuality (004: parents can always ask team Jeugd en Gezin about growth and
    development, speech and language, food, bullying, sexuality, toilet training)."""
    return ((ctx.leeftijd is not None and ctx.leeftijd <= YOUNG_CHILD)
            or bool(ctx.themas[:1]) and ctx.themas[0] in GROWTH_THEMES)


def _as_entrance(hit: Hit) -> Hit:
    """``hit``, shown as the general entrance of the place: its reason says so (once)."""
    if not hit.waarom.startswith(GENERAL_ENTRANCE_WHY):
        hit.waarom = GENERAL_ENTRANCE_WHY + hit.waarom
    return hit


def _compose_top(index: KaartIndex, ctx: _Context, hits: List[Hit], limit: int) -> List[Hit]:
    """The first ``TOP`` results a professional reads, composed in one step from the ranked hits. For a family's
    question the general entrances of the place (``_general_route``) take part, each saying why it is there:

    1. few services fit: the entrances join (``_with_entrances_when_few_fit``);
    2. no two services with the same role in the first ``TOP`` when another fits (``_spread_roles``);
    3. the family's way in is among the first ``TOP`` for a question about a child in a known municipality: the
       youth health service (JGZ) second for a young child or a question about growth, health or bullying
       (``_youth_health_second``); the municipality's own way into youth care (jeugdteam, toegang; of two, the one
       that covers more: ``_broadest_own_entrance``) third when the first two are more specific services
       (``_own_entrance_third``), unless three services made for the problem fill the first three of a question
       at school or about growth. Not for something to do in the neighbourhood (vrije tijd). It moves up from
       lower down, or is added.
    """
    route = _general_route(index, ctx.gemeente, ctx.leeftijd) if ctx.family else []
    few = route and len([hit for hit in hits if _for_the_family(hit)]) < min(limit, FEW_HITS)
    hits = _with_entrances_when_few_fit(index, ctx, hits, route, limit)
    if few:
        hits = _with_youth_work(index, ctx, hits, limit)
    hits = _spread_roles(index, ctx, hits)
    if (not route or ctx.gemeente in REGIOS or len(hits) < TOP
            or ctx.themas[:1] == ["vrije_tijd"]):  # something to do in the neighbourhood is no youth-care question
        return hits
    growth = growth_question(ctx)
    if growth:
        hits = _youth_health_second(index, ctx, hits, route, limit)
    own = next((i for i, hit in enumerate(hits) if own_entrance(index.doc(hit.id), ctx.gemeente)), None)
    if own is not None:
        hits = _broadest_own_entrance(index, ctx, hits, route, own, limit)
    if (growth or ctx.at_school) and all(hit.onderdelen.get("thema", 0.0) >= CLEAR_FIT for hit in hits[:TOP]):
        return hits  # three services made for the problem: the entrance is not needed to show the way
    return _own_entrance_third(index, ctx, hits, route, own, limit)


YOUTH_HEALTH_WHY = "Jeugdgezondheidszorg van deze plaats: volgt de groei en gezondheid van kinderen. "


def _youth_health_second(index: KaartIndex, ctx: _Context, hits: List[Hit], route: List[Hit],
                         limit: int) -> List[Hit]:
    """A question for the youth health service (``growth_question``): the JGZ second, moved up from below the first
    ``TOP`` or added from the place's entrances (``route``), or else the youth health service that works in the place
    (the JGZ in Vleuten is no general entrance), saying why."""
    health = next((i for i, hit in enumerate(hits) if youth_health(index.doc(hit.id).service)), None)
    if health is None:
        found = [h for h in route if youth_health(index.doc(h.id).service)]
        if found:
            hits.insert(TOP - 2, _as_entrance(found[0]))
            return hits[:limit]
        local = sorted((doc for doc in index.docs if youth_health(doc.service) and ctx.gemeente in doc.areas
                        and verwijsbaar(doc.service) and _age_ok(doc.service, ctx.leeftijd)),
                       key=lambda doc: doc.service.id)
        if local:
            hit = _place_hit(local[0], ctx.gemeente)
            hit.waarom = YOUTH_HEALTH_WHY + hit.waarom
            hits.insert(TOP - 2, hit)
    elif health >= TOP:
        hits.insert(TOP - 2, hits.pop(health))
    return hits[:limit]


def _broadest_own_entrance(index: KaartIndex, ctx: _Context, hits: List[Hit], route: List[Hit], own: int,
                           limit: int) -> List[Hit]:
    """Of two ways in of one place the one that covers more takes the place of the first (``own``, as in
    ``_spread_roles``), also when it ranked below the results shown (then it comes from the place's entrances)."""
    shown = {hit.id for hit in hits}
    pool = hits + [_as_entrance(h) for h in route
                   if h.id not in shown and own_entrance(index.doc(h.id), ctx.gemeente)]
    better = max((i for i, hit in enumerate(pool) if own_entrance(index.doc(hit.id), ctx.gemeente)),
                 key=lambda i: (_representative(index, ctx, index.doc(pool[i].id).service), -i))
    if better < len(hits):
        hits[own], hits[better] = hits[better], hits[own]
    else:  # the one it replaces moves below the first results, as a second of a role does
        replaced, hits[own] = hits[own], pool[better]
        hits = (hits[:max(TOP, own + 1)] + [replaced] + hits[max(TOP, own + 1):])[:limit]
    return hits


def _own_entrance_third(index: KaartIndex, ctx: _Context, hits: List[Hit], route: List[Hit], own: Optional[int],
                        limit: int) -> List[Hit]:
    """The municipality's own way into youth care among the first ``TOP``: moved up to third from ``own`` (its
    position) when lower, or, when the hits have none, the one of the place's entrances that covers most added."""
    if own is not None:
        if own >= TOP:
            hits.insert(TOP - 1, hits.pop(own))
        return hits
    candidates = [h for h in route if own_entrance(index.doc(h.id), ctx.gemeente)]
    if candidates:
        best = max(candidates, key=lambda h: (_representative(index, ctx, index.doc(h.id).service),
                                              _fit(index.doc(h.id), ctx), h.id))
        hits.insert(TOP - 1, _as_entrance(best))
    return hits[:limit]


def _with_entrances_when_few_fit(index: KaartIndex, ctx: _Context, hits: List[Hit], route: List[Hit],
                                 limit: int) -> List[Hit]:
    """Few services fit a family's question (fewer than ``FEW_HITS``, or none, with or without a recognised
    problem): the entrances of ``route`` join, the one that fits the place and family best first, one per role in a
    place (a whole region shows the entrance of each municipality; a question naming no problem, "waar moet ik
    beginnen", every way in of the municipality itself); before a service only for professionals, or first when
    the best fit is an entry whose route the source does not give."""
    fitting = [hit for hit in hits if _for_the_family(hit)]
    if not route or len(fitting) >= min(limit, FEW_HITS):
        return hits
    shown = {hit.id for hit in hits}
    roles = {role(index.doc(hit.id).service) for hit in hits}
    entrances = []
    for hit in sorted((h for h in route if h.id not in shown),
                      key=lambda h: (-_place_part(index.doc(h.id), ctx.gemeente)[0], -_fit(index.doc(h.id), ctx),
                                     h.id)):
        current = role(index.doc(hit.id).service)
        every_way_in = not ctx.themas and _place_part(index.doc(hit.id), ctx.gemeente)[0] == 1.0
        if current in roles and ctx.gemeente not in REGIOS and not every_way_in:
            continue
        roles.add(current)
        entrances.append(hit)
    entrances = [_as_entrance(hit) for hit in entrances[:limit - len(fitting)]]
    thin_first = bool(hits) and _tier(index, index.doc(hits[0].id).service, ctx) == 1
    position = 0 if thin_first else next((i for i, hit in enumerate(hits) if _for_professionals(hit)), len(hits))
    return (hits[:position] + entrances + hits[position:])[:limit]


YOUTH_WORK_AGE = 12  # from secondary school on, a young person goes to youth work on their own
YOUTH_WORK_WHY = "Jongerenwerk in de buurt: een jongere kan er zelf terecht, naast de algemene ingang. "


def youth_work(service) -> bool:
    """Youth work in the sociale basis (jongerenwerk): made for young people, who go there themselves, and found by
    the word for its professional (``jongerenwerker``)."""
    return for_young_people(service) and "direct" in service.toegang and "jongerenwerker" in service.trefwoorden


def _with_youth_work(index: KaartIndex, ctx: _Context, hits: List[Hit], limit: int) -> List[Hit]:
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
                 and _age_ok(doc.service, ctx.leeftijd)]
        if not found:
            return hits
        work = _place_hit(min(found, key=lambda doc: doc.service.id), ctx.gemeente)
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


def _explain(index: KaartIndex, result: Zoekresultaat, gevonden: Optional[Plaats], held_back: List[str]) -> None:
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
        result.route = _general_route(index, result.gemeente)
        result.melding = messages.geen_resultaat(result.themas, result.gemeente, result.leeftijd, result.route)
    elif result.gemeente is None:
        result.melding = messages.ZONDER_PLAATS
    if notes:
        result.melding = " ".join(notes + ([result.melding] if result.melding else []))
    if result.vraag is not None and result.vraag.ingekort:
        result.melding = ((result.melding or "") + " " + messages.INGEKORT).strip()


def zoek(
    vraag: str,
    leeftijd: Optional[int] = None,
    gemeente: Optional[str] = None,
    thema: Optional[str] = None,
    limit: int = 5,
    index: Optional[KaartIndex] = None,
) -> Zoekresultaat:
    """Search with a free question plus optional explicit age, municipality and theme.

    Steps: check the input (age, place, theme), filter by place, score every candidate that passes
    the age filter, rank (access routes), compose the first three (general entrances, one of each role, the
    family's way in: ``_compose_top``), explain."""
    from bot.kaart import messages

    index = index or default_index()
    limit = max(1, min(int(limit or 5), MAX_HITS))
    parsed = parse_vraag(vraag or "")
    if not parsed.tekst and not thema:
        return Zoekresultaat("ongeldig", melding=messages.LEGE_VRAAG, vraag=parsed)
    leeftijd, refusal = _check_leeftijd(leeftijd, parsed)
    if refusal is None:
        gemeente, gevonden, refusal = _check_plaats(gemeente, parsed)
    if refusal is None:
        themas, refusal = _check_thema(thema, parsed)
    if refusal is not None:
        return refusal

    ctx = _context(parsed, leeftijd, gemeente, themas)
    ctx.index = index
    allowed = _place_allowed(index, gemeente, heel=gevonden is not None and gevonden.soort == "wijk")
    ctx.themas = _with_related_themes(index, ctx.themas, allowed)
    ctx.themas = _with_young_child(ctx.themas, leeftijd)
    # a broader theme read for a narrower one is said of the same person (a mother's overload: her own stress)
    ctx.ouder_themas = _with_related(parsed.ouder_themas, ctx.themas)
    ctx.kind_themas = _with_related(parsed.kind_themas, ctx.themas)
    ctx.ouder_stoornis = [theme for theme in ctx.ouder_themas
                          if set(parsed.thema_woorden.get(theme, ())) & subject.DISORDER_WORDS]
    ctx.themas = with_parenting(ctx.themas, ctx.ouder_stoornis)
    text_scores = index.bm25(ctx.terms, allowed)
    scored, held_back = _score_all(index, ctx, _candidates(index, ctx, allowed, text_scores), text_scores)
    hits = _rank(index, ctx, scored, limit)
    hits = _measure_route_first(index, ctx, hits, allowed, limit)
    only_entrance = not hits
    # composing the top may move a named pilot up again; a referral still leads (docs/kaart.md: "nooit bovenaan")
    hits = _referral_first(_compose_top(index, ctx, hits, limit))
    cutoff = scored[limit - 1][0] if len(scored) >= limit else float("-inf")
    names = [name for score, name in sorted(held_back, reverse=True) if score > cutoff]

    result = Zoekresultaat("ok", hits=hits, vraag=parsed, gemeente=gemeente, leeftijd=leeftijd, themas=themas)
    _explain(index, result, gevonden, names)
    if only_entrance and hits:
        result.melding = " ".join(
            filter(None, [result.melding, messages.alleen_algemene_ingang(themas, gemeente, leeftijd)])
        )
    return result


def search(
    vraag: str,
    leeftijd: Optional[int] = None,
    gemeente: Optional[str] = None,
    thema: Optional[str] = None,
    limit: int = 5,
) -> List[Hit]:
    """The best services for a question (stable API for other capabilities)."""
    return zoek(vraag, leeftijd=leeftijd, gemeente=gemeente, thema=thema, limit=limit).hits
