"""What kind of entry a service is: for young people or parents, youth health, youth work, measure-only,
referable, how well described, its role, the municipality's own entrance."""
from __future__ import annotations

from typing import FrozenSet, List, Optional, Tuple

from bot.kaart.index import Doc
from bot.kaart.service_area import place_part
from bot.kaart.vocabulary import (
    AARD,
    REGIOS,
    TOEGANG,
)


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


def verwijsbaar(service) -> bool:
    """A service a professional can refer a family to, or a tool they can use, right now."""
    return service.aard in ("dienst", "hulpmiddel") and not measure_only(service)


def let_op(service) -> Optional[str]:
    """Why an entry is no direct referral, in plain Dutch (None for an ordinary service)."""
    notes = []
    if service.aard != "dienst":
        notes.append(f"Dit is een {AARD[service.aard]}.")
    if measure_only(service):
        notes.append("Je kunt een gezin hier niet zelf naartoe verwijzen: deze dienst werkt alleen na een "
                     "kinderbeschermingsmaatregel van de kinderrechter, na onderzoek door de Raad voor de "
                     "Kinderbescherming. Bij zorgen over veiligheid: Veilig Thuis of het jeugdteam.")
    elif for_professionals_only(service):
        # a user test saw the gemeenten's gedragswetenschappers offered as if a parent could go there
        route = "; ".join(TOEGANG[t] for t in service.toegang if t != "direct")
        notes.append("Geen adres voor ouders of jongeren: deze dienst ondersteunt professionals"
                     + (f" ({route})." if route else "."))
    if service.een_school:
        notes.append(f"Alleen voor leerlingen van {service.een_school}.")
    return " ".join(notes) or None


def for_professionals_only(service) -> bool:
    """The service is there for professionals only (consultation, support of the jeugdconsulenten): no family goes
    there itself."""
    return service.doelgroep == ["professional"]


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


def route_unknown(service) -> bool:
    """The source gives no way in: no ``toegang`` and no general entrance (a provider it only names, a fund without an
    area, a regeling whose content it does not describe). A professional cannot tell a family how to get there."""
    return not service.toegang and not service.algemene_toegang


def measure_only(service) -> bool:
    """The service works only after a child protection measure (``via_maatregel``): no one can refer to it."""
    return "via_maatregel" in service.toegang


def role(service) -> Tuple[str, str]:
    """The job a service does for a family: a general entrance is the place's way in for its main theme (the
    jeugdteam and the municipal toegang of a place both let a family into youth care); any other service is its
    organisation's offer for its main theme."""
    main = service.themas[0] if service.themas else ""
    return ("algemene_toegang", main) if service.algemene_toegang else (service.organisatie, main)


def own_entrance(doc: Doc, gemeente: Optional[str]) -> bool:
    """The municipality's own way into youth care for a family in ``gemeente``: a general entrance for jeugdhulp
    whose area is that municipality (or the part of the region it belongs to), not a regional health service."""
    service = doc.service
    return (service.algemene_toegang and "jeugdhulp" in service.themas and gemeente is not None
            and gemeente not in REGIOS and place_part(doc, gemeente)[0] >= 0.6 and verwijsbaar(service))


def callers_own(service, beller) -> bool:
    """The service is one the caller works for: its search words name the caller's role (``Vraag.beller``, read by
    ``spoken.caller_roles``: a jeugdverpleegkundige works for the JGZ)."""
    return bool(beller) and bool(set(service.trefwoorden) & set(beller))


def safety_service(service) -> bool:
    """A service for a child's safety or under a child protection measure (Veilig Thuis, the jeugdbescherming): its
    main theme is safety, or it works only after a measure."""
    return service.themas[:1] == ["veiligheid"] or measure_only(service)


def school_link(service) -> bool:
    """The school's own link to the way in: a consultation (theme samenwerking) that a school brings a pupil's care
    question to, reached only through school (the vaste jeugdconsulent per school in Gooise Meren, the jeugdconsulent
    verbonden aan de school in Huizen, the Kernpartneraanpak of school, JGZ and buurtteam in Utrecht)."""
    return (service.aard == "dienst" and list(service.toegang) == ["via_school"] and "school" in service.doelgroep
            and "samenwerking" in service.themas and not service.een_school)


def youth_health(service) -> bool:
    """The youth health service (jeugdarts and jeugdverpleegkundige, JGZ): growth and health are its first themes."""
    return set(service.themas[:2]) == {"gezondheid", "ontwikkeling"}


def youth_work(service) -> bool:
    """Youth work in the sociale basis (jongerenwerk): made for young people, who go there themselves, and found by
    the word for its professional (``jongerenwerker``)."""
    return for_young_people(service) and "direct" in service.toegang and "jongerenwerker" in service.trefwoorden


# The kinds of activity a leisure question or service can name, by the words that name them (the question's words
# of the theme vrije tijd, a service's search words); dancing and play belong to neither.
ACTIVITY_KINDS = {
    "sport": frozenset("sport sporten sportclub sportvereniging vereniging bewegen voetbal hockey judo turnen zwemmen "
                       "tennis basketbal korfbal atletiek paardrijden boksen kickboksen vechtsport skaten".split()),
    "cultuur": frozenset("cultuur muziek theater toneel toneelclub creatief creatiefs tekenen tekenles knutselen "
                         "gitaar piano drummen zingen muziekles jamavond".split())
    | {"muziek maken", "wil tekenen", "graag tekenen"},
}


def activity_kinds(words) -> FrozenSet[str]:
    """The kinds of activity (``ACTIVITY_KINDS``) that ``words`` name."""
    said = {word.lower() for word in words}
    return frozenset(kind for kind, kind_words in ACTIVITY_KINDS.items() if said & kind_words)


def other_activity(service, asked: FrozenSet[str]) -> bool:
    """The question names a kind of activity (``asked``: music, sport) and the service offers only another kind (a
    hockey club for a question about making music): it is something to do, not what the child likes to do."""
    if not asked:
        return False
    offered = activity_kinds(service.trefwoorden)
    return bool(offered) and not offered & asked
