"""Place as a hard filter (which services work in the asked place) and as a score part (how well)."""
from __future__ import annotations

from typing import Optional, Set, Tuple

from bot.kaart.describe import werkgebied_tekst
from bot.kaart.index import Doc, KaartIndex
from bot.kaart.vocabulary import (
    DEEL_VAN,
    GEMEENTEN,
    REGIOS,
    WERKGEBIEDEN,
    gemeenten_van,
)

PART_OF_REGION = 0.6  # the place part of a service of part of an asked region, times the share of it that it covers


def place_part(doc: Doc, gemeente: Optional[str]) -> Tuple[float, str]:
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
        # a service of a part of the region fits a question about the whole region as far as it covers it: one
        # municipality of seven is no answer for a family that may live anywhere in it
        share = len(doc.areas & members) / len(members)
        return PART_OF_REGION * share, f"werkt in een deel van de regio: {werkgebied_tekst(doc.service)}"
    parent = DEEL_VAN.get(gemeente)
    if parent and parent in doc.area_codes:
        return 1.0, f"werkt in heel {GEMEENTEN[parent]}"
    for code in doc.area_codes:
        if code in REGIOS and code != "landelijk" and gemeente in REGIOS[code][1]:
            return 0.6, f"werkt in {REGIOS[code][0]}"
    if "landelijk" in doc.area_codes:
        return 0.3, "landelijk beschikbaar"
    return 0.5, f"werkt in {werkgebied_tekst(doc.service)}"


def local(doc: Doc, gemeente: Optional[str]) -> bool:
    """The service works in the asked municipality itself (or the whole municipality of an asked wijk), not only
    as part of a region."""
    return gemeente is not None and (gemeente in doc.area_codes or DEEL_VAN.get(gemeente) in doc.area_codes)


def place_allowed(index: KaartIndex, gemeente: Optional[str], heel: bool = False) -> Optional[Set[int]]:
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


NATIONAL = "landelijk"  # the werkgebied of a service of the whole country


def nationwide_allowed(index: KaartIndex) -> Set[int]:
    """Services that hold wherever the family lives: those of the whole country (werkgebied ``landelijk``) and those
    reachable everywhere by a national number (``landelijk_bereikbaar``: Veilig Thuis, 0800-2000). What the search
    shows for a place outside the kaart ("huisarts in Soest", "ze wonen in Almere") or a question that names only a
    street (no place of the kaart is known, so no region may be guessed): the blind set toets21 got nothing at all for
    violence in Soest, and the services of another region for a street."""
    return {i for i, doc in enumerate(index.docs)
            if NATIONAL in doc.area_codes or doc.service.landelijk_bereikbaar}


def local_to(doc: Doc, gemeente: Optional[str]) -> bool:
    """The service works in ``gemeente`` for that municipality or a group of a few municipalities (the HBEL toegang
    for Huizen), not for a whole region around it (Gooi en Vechtstreek) or the country."""
    if gemeente is None or gemeente in REGIOS or gemeente not in doc.areas:
        return False
    if gemeente in doc.area_codes:
        return True
    return any(doc.areas < members for code, (_, members) in REGIOS.items()
               if code != "landelijk" and gemeente in members)
