"""Knowledge kinds of the sociale kaart (``knowledge/sociale_kaart/``), shaped after HSDS core.

- ``kaart_organisatie``: an organisation (HSDS *organization*), with public contact data only;
- ``kaart_dienst``: one service, role or offer a professional can refer a family to (HSDS
  *service* with eligibility, service areas and taxonomy terms);
- ``kaart_testvraag``: a realistic question with the services a consultant would expect
  (the evaluation set of ``rustpunt evalueer kaart``).

Exact facts only: what the sources do not say stays empty. Contact data must be public data of the
organisation, never a person's name or address.
"""
from __future__ import annotations

import re
from typing import ClassVar, List, Optional, Tuple

from pydantic import conint, constr, root_validator, validator

from bot.knowledge.base import Entry, EntryId, non_empty_list
from bot.kaart.vocabulary import (
    DOELGROEP_SET,
    DOELGROEPEN,
    GEMEENTEN,
    THEMA_SET,
    THEMAS,
    TOEGANG,
    TOEGANG_SET,
    WERKGEBIED_SET,
    WERKGEBIEDEN,
)

Text = constr(min_length=1, max_length=1200)
Short = constr(min_length=1, max_length=200)

_URL = re.compile(r"^(https?://|www\.)[^\s<>\"']+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,18}[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
# E-mail local parts that name an organisation function, not a person.
_FUNCTION_MAILBOX = re.compile(r"^(info|contact|secretariaat|aanmelden|aanmelding|jeugd|vraagbaak|team[a-z]*|zorg|loket|post)$")


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
        raise ValueError("lijkt het e-mailadres van een persoon; alleen algemene adressen (zoals info@) zijn toegestaan")
    return value


class Contact(Entry):
    """Shared public contact fields (organisation or service)."""

    website: Optional[Short] = None
    telefoon: Optional[constr(max_length=30)] = None
    email: Optional[constr(max_length=120)] = None

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
    leeftijd_min: Optional[conint(ge=0, le=120)] = None
    leeftijd_max: Optional[conint(ge=0, le=120)] = None
    doelgroep: List[str]
    themas: List[str]
    werkgebied: List[str] = []  # empty: the sources do not say where the service works
    toegang: List[str] = []
    trefwoorden: List[constr(min_length=2, max_length=60)] = []  # extra search words, not shown
    algemene_toegang: bool = False  # the general entrance (jeugdteam, buurtteam) for its werkgebied

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("organisatie", "kaart_organisatie"),)

    _doelgroep_needed = non_empty_list("doelgroep")
    _themas_needed = non_empty_list("themas")
    _doelgroep = _controlled("doelgroep", DOELGROEP_SET, DOELGROEPEN, "doelgroep")
    _themas = _controlled("themas", THEMA_SET, THEMAS, "thema")
    _werkgebied = _controlled("werkgebied", WERKGEBIED_SET, WERKGEBIEDEN, "gemeente of regio")
    _toegang = _controlled("toegang", TOEGANG_SET, TOEGANG, "toegang")

    @root_validator(skip_on_failure=True)
    def age_range(cls, values):
        low, high = values.get("leeftijd_min"), values.get("leeftijd_max")
        if low is not None and high is not None and low > high:
            raise ValueError(f"leeftijdsgrens klopt niet: leeftijd_min ({low}) is groter dan leeftijd_max ({high})")
        return values

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        """Every municipality needs a general entrance, so 'nothing found' can point somewhere."""
        from bot.knowledge.loader import Problem
        from bot.kaart.vocabulary import DEEL_VAN, gemeenten_van

        services = knowledge.entries.get("kaart_dienst", {})
        covered = set()
        for service in services.values():
            if service.algemene_toegang:
                for code in service.werkgebied:
                    covered |= gemeenten_van(code)
        covered |= {wijk for wijk, parent in DEEL_VAN.items() if parent in covered}
        missing = [GEMEENTEN[g] for g in sorted(GEMEENTEN) if g not in covered]
        if missing:
            return [
                Problem(
                    "knowledge/sociale_kaart",
                    None,
                    "algemene_toegang",
                    f"geen algemene toegang (jeugdteam of buurtteam) voor: {', '.join(missing)}",
                )
            ]
        return []


class KaartTestvraag(Entry):
    """A realistic question with the services a knowledgeable consultant expects."""

    vraag: constr(min_length=3, max_length=500)
    leeftijd: Optional[conint(ge=0, le=27)] = None
    gemeente: Optional[str] = None
    thema: Optional[str] = None
    verwacht: List[EntryId]

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("verwacht", "kaart_dienst"),)
    _verwacht = non_empty_list("verwacht")

    @validator("gemeente")
    def known_place(cls, value):
        if value is not None and value not in GEMEENTEN:
            raise ValueError(f"onbekende gemeente '{value}' (toegestaan: {', '.join(sorted(GEMEENTEN))})")
        return value

    @validator("thema")
    def known_theme(cls, value):
        if value is not None and value not in THEMA_SET:
            raise ValueError(f"onbekend thema '{value}'")
        return value
