"""Knowledge kinds of the sociale kaart (``knowledge/sociale_kaart/``), shaped after HSDS core.

- ``kaart_organisatie``: an organisation (HSDS *organization*), with public contact data only;
- ``kaart_dienst``: one service, role or offer a professional can refer a family to (HSDS
  *service* with eligibility, service areas and taxonomy terms);
- ``kaart_testvraag``: a realistic question with the services a consultant would expect
  (the evaluation set of ``rustpunt evalueer kaart``);
- ``kaart_probleemwoorden``: per theme, the Dutch words by which a question is read as that theme;
- ``kaart_doelgroepwoorden``: per target group, the Dutch words by which a question says whom it is about;
- ``kaart_ontbrekend``: a kind of help the kaart does not describe, with the words that ask for it;
- ``kaart_oude_naam``: an old or former name of a service (CJG, Bureau Jeugdzorg, AMK), with what does its work today.

Exact facts only: what the sources do not say stays empty. Contact data must be public data of the
organisation, never a person's name or address.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Dict, List, Optional, Set, Tuple

from pydantic import conint, constr, root_validator, validator

from bot.kaart.vocabulary import (
    AARD,
    AARD_SET,
    DEEL_VAN,
    DOELGROEP_SET,
    DOELGROEPEN,
    GEMEENTEN,
    LEEFTIJD_MAX,
    PLAATS_SOORTEN,
    SCHOOLTYPE_SET,
    SCHOOLTYPEN,
    THEMA_SET,
    THEMAS,
    TOEGANG,
    TOEGANG_SET,
    WERKGEBIED_SET,
    WERKGEBIEDEN,
    gemeenten_van,
)
from bot.knowledge.base import Entry, EntryId, Short, Text, non_empty_list
from bot.knowledge.problem import Problem
from bot.text import simplify

if TYPE_CHECKING:  # see bot/knowledge/base.py
    Phone = str
    Email = str
    Keyword = str
    Question = str
    Age = int
    YouthAge = int
else:
    Phone = constr(max_length=30)
    Email = constr(max_length=120)
    Keyword = constr(min_length=2, max_length=60)
    Question = constr(min_length=3, max_length=500)
    Age = conint(ge=0, le=120)
    YouthAge = conint(ge=0, le=LEEFTIJD_MAX)

_URL = re.compile(r"^(https?://|www\.)[^\s<>\"']+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,18}[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
# E-mail local parts that name an organisation function, not a person.
_FUNCTION_MAILBOX = re.compile(
    r"^(info|contact|secretariaat|aanmelden|aanmelding|jeugd|vraagbaak|team[a-z]*|zorg|loket|post)$"
)


def _controlled(name: str, allowed: frozenset, labels: dict, what: str):
    def check(cls, values):
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ValueError(
                f"onbekende {what} '{', '.join(unknown)}' (toegestaan: {', '.join(sorted(labels))})"
            )
        if len(set(values)) != len(values):
            raise ValueError(f"{what} staat dubbel in de lijst")
        return values

    check.__name__ = f"check_{name}_controlled"  # pydantic keys validators by function name
    return validator(name, allow_reuse=True)(check)


def _one_of(name: str, allowed: frozenset, labels: dict, unknown: str):
    """Validator factory: the single value of ``name`` is one of ``allowed`` (None passes: optional fields);
    ``unknown`` starts the Dutch message ("onbekende aard")."""

    def check(cls, value):
        if value is not None and value not in allowed:
            raise ValueError(f"{unknown} '{value}' (toegestaan: {', '.join(sorted(labels))})")
        return value

    check.__name__ = f"check_{name}_one_of"  # pydantic keys validators by function name
    return validator(name, allow_reuse=True)(check)


def _check_url(value: Optional[str]) -> Optional[str]:
    if value is not None and not _URL.match(value):
        raise ValueError("is geen webadres (begin met https:// of www.)")
    return value


def _check_phone(value: Optional[str]) -> Optional[str]:
    if value is not None and not _PHONE.match(value):
        raise ValueError("is geen telefoonnummer")
    return value


def _check_email(value: Optional[str]) -> Optional[str]:
    if value is None:
        return value
    if not _EMAIL.match(value):
        raise ValueError("is geen e-mailadres")
    if not _FUNCTION_MAILBOX.match(value.split("@", 1)[0].lower()):
        raise ValueError(
            "lijkt het e-mailadres van een persoon; alleen algemene adressen (zoals info@) zijn toegestaan"
        )
    return value


class Contact(Entry):
    """Shared public contact fields (organisation or service)."""

    website: Optional[Short] = None
    telefoon: Optional[Phone] = None
    email: Optional[Email] = None

    _url = validator("website", allow_reuse=True)(_check_url)
    _tel = validator("telefoon", allow_reuse=True)(_check_phone)
    _mail = validator("email", allow_reuse=True)(_check_email)


class KaartOrganisatie(Contact):
    """An organisation (HSDS organization)."""

    naam: Short
    beschrijving: Optional[Text] = None


class KaartDienst(Contact):
    """One service (HSDS service + eligibility + service_area + taxonomy terms)."""

    organisatie: EntryId
    naam: Short
    beschrijving: Text
    aanbod: List[Text] = []
    leeftijd_min: Optional[Age] = None
    leeftijd_max: Optional[Age] = None
    doelgroep: List[str]
    themas: List[str]
    werkgebied: List[str] = []  # empty: the sources do not say where the service works
    toegang: List[str] = []
    trefwoorden: List[Keyword] = []  # extra search words, not shown
    algemene_toegang: bool = False  # the general entrance (jeugdteam, buurtteam) for its werkgebied
    aard: str = "dienst"  # dienst | hulpmiddel | aanbeveling | pilot | project | onderzoek | leernetwerk
    schooltype: Optional[str] = None  # po | vo | so | vso: bound to one kind of school, ages follow it
    een_school: Optional[Short] = None  # the one school the offer belongs to (only its pupils can use it)
    # its telephone number (or its organisation's) reaches the service of the region everywhere in the Netherlands
    # (Veilig Thuis: 0800-2000): a question about it outside its werkgebied gets that number, not "ask the municipality"
    landelijk_bereikbaar: bool = False

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("organisatie", "kaart_organisatie"),)

    _doelgroep_needed = non_empty_list("doelgroep")
    _themas_needed = non_empty_list("themas")
    _doelgroep = _controlled("doelgroep", DOELGROEP_SET, DOELGROEPEN, "doelgroep")
    _themas = _controlled("themas", THEMA_SET, THEMAS, "thema")
    _werkgebied = _controlled("werkgebied", WERKGEBIED_SET, WERKGEBIEDEN, "gemeente of regio")
    _toegang = _controlled("toegang", TOEGANG_SET, TOEGANG, "toegang")

    _aard = _one_of("aard", AARD_SET, AARD, "onbekende aard")
    _schooltype = _one_of("schooltype", SCHOOLTYPE_SET, SCHOOLTYPEN, "onbekend schooltype")

    @root_validator(skip_on_failure=True)
    def school_ages(cls, values):
        """A school-bound service serves the pupils of that school type: fill or check its ages."""
        school = values.get("schooltype")
        if school is None:
            return values
        label, low, high = SCHOOLTYPEN[school]
        if values.get("leeftijd_min") is None:
            values["leeftijd_min"] = low
        if values.get("leeftijd_max") is None:
            values["leeftijd_max"] = high
        if values["leeftijd_min"] < low or values["leeftijd_max"] > high:
            raise ValueError(
                f"leeftijd past niet bij een {label}: kies een leeftijd tussen {low} en {high} jaar"
            )
        if "via_maatregel" in values.get("toegang", []) and values.get("algemene_toegang"):
            raise ValueError("een dienst die alleen via een maatregel bereikbaar is, kan geen algemene toegang zijn")
        return values

    @root_validator(skip_on_failure=True)
    def age_range(cls, values):
        low, high = values.get("leeftijd_min"), values.get("leeftijd_max")
        if low is not None and high is not None and low > high:
            raise ValueError(f"leeftijdsgrens klopt niet: leeftijd_min ({low}) is groter dan leeftijd_max ({high})")
        return values

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        """Every municipality needs a general entrance, so 'nothing found' can point somewhere."""
        services = knowledge.entries.get("kaart_dienst", {})
        covered: Set[str] = set()
        for service in services.values():
            if service.algemene_toegang:
                for code in service.werkgebied:
                    covered |= gemeenten_van(code)
        covered |= {wijk for wijk, parent in DEEL_VAN.items() if parent in covered}
        missing = [GEMEENTEN[g] for g in sorted(GEMEENTEN) if g not in covered]
        problems = []
        if missing:
            problems.append(
                Problem(
                    "knowledge/sociale_kaart",
                    None,
                    "algemene_toegang",
                    f"geen algemene toegang (jeugdteam of buurtteam) voor: {', '.join(missing)}",
                )
            )
        organisations = knowledge.entries.get("kaart_organisatie", {})
        for service in services.values():
            organisation = organisations.get(service.organisatie)
            link = service.website or (organisation.website if organisation is not None else None)
            elsewhere = other_municipality_in_link(link, service.werkgebied)
            if elsewhere:
                problems.append(
                    Problem(
                        "knowledge/sociale_kaart",
                        service.id,
                        "website",
                        f"de link van de kaart ({link}) wijst naar de pagina van {GEMEENTEN[elsewhere]}, maar de "
                        "dienst werkt ook elders: een gezin uit een andere gemeente komt zo op de verkeerde pagina; "
                        "gebruik de algemene pagina of een link per gemeente",
                    )
                )
        for service in services.values():
            if service.algemene_toegang and (service.aard != "dienst" or "via_maatregel" in service.toegang):
                problems.append(
                    Problem(
                        "knowledge/sociale_kaart",
                        service.id,
                        "algemene_toegang",
                        "alleen een dienst waar je zelf naartoe kunt verwijzen kan de algemene toegang zijn",
                    )
                )
        return problems


_LINK_PARAMETER = re.compile(r"[?&][^=&#]*=([^&#]*)")


def other_municipality_in_link(link: Optional[str], werkgebied: List[str]) -> Optional[str]:
    """The municipality a link's query filters on ("?_knowledgebase_region=hilversum") when the service works in more
    than that one municipality, else None: such a link sends a family from elsewhere to another municipality's page."""
    if not link:
        return None
    areas: Set[str] = set()
    for code in werkgebied:
        areas |= gemeenten_van(code)
    for value in _LINK_PARAMETER.findall(link):
        code = simplify(value.replace("-", " ").replace("+", " ")).replace(" ", "_")
        if code in GEMEENTEN and areas != {code}:
            return code
    return None


class KaartPlaats(Entry):
    """A place name a professional may type: municipality, village, wijk, region or a place outside.

    ``hoort_bij`` is the service-area code the place falls under (a municipality, the wijk
    Vleuten-De Meern or a region); ``dekking`` says in Dutch which part the kaart covers when the
    sources only describe part of the place.
    """

    naam: Short
    soort: str
    hoort_bij: Optional[str] = None
    schrijfwijzen: List[Keyword] = []
    dekking: Optional[Text] = None

    @validator("soort")
    def known_kind(cls, value):
        if value not in PLAATS_SOORTEN:
            raise ValueError(f"onbekende soort plaats '{value}' (toegestaan: {', '.join(PLAATS_SOORTEN)})")
        return value

    @root_validator(skip_on_failure=True)
    def area_fits_kind(cls, values):
        code, soort = values.get("hoort_bij"), values.get("soort")
        if soort == "buiten":
            if code is not None:
                raise ValueError("een plaats buiten de kaart hoort bij geen werkgebied (laat hoort_bij leeg)")
        elif code is None:
            raise ValueError("hoort_bij ontbreekt: bij welke gemeente, wijk of regio hoort deze plaats?")
        elif code not in WERKGEBIED_SET or code == "landelijk":
            raise ValueError(f"onbekende gemeente of regio '{code}' (toegestaan: {', '.join(sorted(WERKGEBIEDEN))})")
        return values

    def spellings(self) -> List[str]:
        return [simplify(name).strip() for name in [self.naam, *self.schrijfwijzen]]

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        """Every municipality has a place; no spelling points at two different areas."""
        places = knowledge.entries.get("kaart_plaats", {})
        if not places:
            return []
        problems = []
        named = {p.hoort_bij for p in places.values() if p.soort == "gemeente"}
        missing = [GEMEENTEN[g] for g in sorted(GEMEENTEN) if g not in named and g != "vleuten"]
        if missing:
            problems.append(Problem("knowledge/sociale_kaart", None, "soort",
                                    f"plaatstabel mist de gemeente(n): {', '.join(missing)}"))
        seen: Dict[str, Any] = {}
        for place in places.values():
            for spelling in place.spellings():
                other = seen.get(spelling)
                if other is not None and other.hoort_bij != place.hoort_bij:
                    problems.append(Problem("knowledge/sociale_kaart", place.id, "schrijfwijzen",
                                            f"'{spelling}' staat ook bij '{other.id}' met een ander werkgebied"))
                seen.setdefault(spelling, place)
        return problems


def _no_doubles(name: str):
    """Validator factory: no word twice in the list field ``name``."""

    def check(cls, value):
        doubles = sorted({w for w in value if value.count(w) > 1})
        if doubles:
            raise ValueError(f"staat dubbel in de lijst: {', '.join(doubles)}")
        return value

    check.__name__ = f"check_{name}_no_doubles"
    return validator(name, allow_reuse=True)(check)


class KaartProbleemwoorden(Entry):
    """The words and phrases by which a question is read as one theme (``id`` is the theme code of
    ``bot.kaart.vocabulary.THEMAS``). Matched on lemmas, whole words, longest phrase first
    (``bot.kaart.query.extract_themas``); the order of ``woorden`` is kept. ``ouderprobleem``: the theme
    can be a parent's own problem (debts, addiction): said of a parent, it asks for services for parents.
    ``ontkenbaar``: the single words of ``woorden`` that name a harm, so that a plain negation before one says it is
    not there ("geen geweld", "niet verslaafd", "zonder schulden"; ``bot.kaart.spoken.negated_words``); the other
    words name what a family needs or lacks ("geen geld", "geen vrienden", "zonder diploma" are the problem)."""

    woorden: List[Keyword]
    ouderprobleem: bool = False
    ontkenbaar: List[Keyword] = []

    _woorden = non_empty_list("woorden")
    _doubles = _no_doubles("woorden")
    _doubles_ontkenbaar = _no_doubles("ontkenbaar")

    _thema = _one_of("id", THEMA_SET, THEMAS, "onbekend thema")

    @root_validator(skip_on_failure=True)
    def ontkenbaar_in_woorden(cls, values):
        """Every word a negation can deny is one word of the theme's own words."""
        woorden = set(values.get("woorden") or ())
        for word in values.get("ontkenbaar") or ():
            if " " in word.strip():
                raise ValueError(f"ontkenbaar: '{word}' is geen los woord")
            if word not in woorden:
                raise ValueError(f"ontkenbaar: '{word}' staat niet bij de woorden van dit thema")
        return values


class KaartDoelgroepwoorden(Entry):
    """The words by which a question says whom it is about or who asks (``id`` is a target-group code of
    ``bot.kaart.vocabulary.DOELGROEPEN``); a soft hint in ranking (``bot.kaart.query.extract_doelgroep``)."""

    woorden: List[Keyword]

    _woorden = non_empty_list("woorden")
    _doubles = _no_doubles("woorden")

    _doelgroep = _one_of("id", DOELGROEP_SET, DOELGROEPEN, "onbekende doelgroep")


class KaartOntbrekend(Entry):
    """A kind of help professionals ask for that the kaart does not describe (mediation, anonymous online chat, help
    for grandparents): a question that asks for it hears so first, then the closest services
    (``bot.kaart.missing_help``). ``naam`` starts the sentence ("Mediation staat niet in de sociale kaart"); ``woorden``
    are the phrases that ask for it, matched on the stems of whole words in order, with at most two words between them
    ("anoniem kan chatten" for "anoniem chatten") or, where the phrase says "...", any words of the same part of the
    sentence that name nobody else ("opa ... zelf")."""

    naam: Short
    woorden: List[Keyword]

    _woorden = non_empty_list("woorden")
    _doubles = _no_doubles("woorden")


class KaartOudeNaam(Entry):
    """An old or former name professionals still use for a service ('het CJG', 'Bureau Jeugdzorg', 'het AMK'): a
    question that names it hears first, in one Dutch sentence, what does that work today (``nu``), then the services
    (``bot.kaart.old_names``). ``woorden`` are matched as in ``KaartOntbrekend``; which theme an old name is read as
    stays in ``probleemwoorden.yml``."""

    naam: Short
    woorden: List[Keyword]
    nu: Text

    _woorden = non_empty_list("woorden")
    _doubles = _no_doubles("woorden")


class KaartTestvraag(Entry):
    """A realistic question with the services a knowledgeable consultant expects."""

    vraag: Question
    leeftijd: Optional[YouthAge] = None
    gemeente: Optional[str] = None
    thema: Optional[str] = None
    verwacht: List[EntryId]

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("verwacht", "kaart_dienst"),)
    _verwacht = non_empty_list("verwacht")

    @validator("gemeente")
    def known_place(cls, value):
        if value is not None and (value not in WERKGEBIED_SET or value == "landelijk"):
            raise ValueError(f"onbekende gemeente '{value}' (toegestaan: {', '.join(sorted(GEMEENTEN))})")
        return value

    @validator("thema")
    def known_theme(cls, value):
        if value is not None and value not in THEMA_SET:
            raise ValueError(f"onbekend thema '{value}'")
        return value


# The test sets in the order they were written: ``toets`` is toetsvragen.yml, ``toetsN`` is toetsvragen_N.yml. The one
# list of sets: a new blind set is added here (and described in bot/cli_commands/kaart.py).
TOETS_SETS: Tuple[str, ...] = ("toets", *(f"toets{number}" for number in range(2, 27)))


class KaartToetsvraag(KaartTestvraag):
    """A question of a separate test set, written for measuring, never for tuning. ``reeks`` names the
    set: ``toets`` (``toetsvragen.yml``, the default), ``toets2`` (``toetsvragen_2.yml``, written on
    2026-12-03 before the ranking was changed again), ``toets3`` (``toetsvragen_3.yml``, written later that
    day before the next ranking change), ``toets4`` (``toetsvragen_4.yml``, written blind before the fourth
    round, without reading the search code), ``toets5`` (``toetsvragen_5.yml``, written blind before the
    fifth round), ``toets6`` (``toetsvragen_6.yml``, written blind during the fifth round), ``toets7``
    (``toetsvragen_7.yml``, written blind in the sixth session), ``toets8`` (``toetsvragen_8.yml``, written
    blind later in the sixth session), ``toets9`` (``toetsvragen_9.yml``, written blind in the seventh
    session), ``toets10`` (``toetsvragen_10.yml``, written blind in the ninth session), ``toets11``
    (``toetsvragen_11.yml``, written blind later in the ninth session), ``toets12`` or ``toets13``
    (``toetsvragen_12.yml`` and ``toetsvragen_13.yml``, written blind at the start of the thirteenth session) or
    ``toets14`` or ``toets15`` (``toetsvragen_14.yml`` and ``toetsvragen_15.yml``, written blind in the fourteenth
    session) or ``toets16`` (``toetsvragen_16.yml``, written blind in the fifteenth session) or ``toets17``
    (``toetsvragen_17.yml``, written blind in the twentieth session) or ``toets18`` (``toetsvragen_18.yml``,
    written blind at the start of the twenty-first session) or ``toets19`` (``toetsvragen_19.yml``, written blind
    in the twenty-second session) or ``toets20`` (``toetsvragen_20.yml``, written blind in the twenty-third
    session) or ``toets21`` (``toetsvragen_21.yml``, written blind in the twenty-fourth session) or ``toets22``
    (``toetsvragen_22.yml``, written blind in the twenty-fifth session) or ``toets23`` (``toetsvragen_23.yml``,
    written blind in the twenty-sixth session) or ``toets24`` (``toetsvragen_24.yml``, written blind in the
    twenty-seventh session) or ``toets25`` (``toetsvragen_25.yml``, written blind in the twenty-eighth session) or
    ``toets26`` (``toetsvragen_26.yml``, written blind in the twenty-ninth session)."""

    reeks: str = "toets"

    @validator("reeks")
    def known_set(cls, value):
        if value not in TOETS_SETS:
            raise ValueError(f"onbekende reeks '{value}' (bekend: {', '.join(TOETS_SETS)})")
        return value
