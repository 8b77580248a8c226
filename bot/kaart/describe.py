"""How a service is described on a result card: age range, for whom, area, how to reach it, links."""
from __future__ import annotations

from typing import List, Optional, Sequence

from bot.kaart.vocabulary import (
    DOELGROEPEN,
    EIGEN_TOEGANG,
    TOEGANG,
    WERKGEBIEDEN,
)


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
    text = f"{groups} ({age})" if age else groups
    if service.een_school:  # the offer of one school is for its own pupils only (a user test missed that)
        text += f"; alleen leerlingen van {service.een_school}"
    return text


def werkgebied_tekst(service) -> str:
    if not service.werkgebied:
        return "werkgebied niet vermeld in de bron"
    return ", ".join(WERKGEBIEDEN[c] for c in service.werkgebied)


def route_tekst(service, eigen_routes: Sequence[str] = ()) -> List[str]:
    """The service's routes in words; a route the caller has to hand (``eigen_routes``: ``Vraag.beller_route``) as
    told to that caller ("via het buurtteam (je eigen team: ...)"), but a school route to the offer of one
    school, which need not be the caller's."""
    if not eigen_routes:
        return [TOEGANG[t] for t in service.toegang]
    own = set(eigen_routes) - ({"via_school"} if service.een_school else set())
    return [EIGEN_TOEGANG[t] if t in own and t in EIGEN_TOEGANG else TOEGANG[t] for t in service.toegang]


def bereikbaarheid(service, org_website: Optional[str], org_telefoon: Optional[str] = None,
                   eigen_routes: Sequence[str] = ()) -> str:
    """How to reach a service: its route (told to the caller who has it to hand: ``route_tekst``), and its public
    channels, else those of its organisation (Veilig Thuis: the organisation's national number)."""
    parts = route_tekst(service, eigen_routes)
    contact = []
    telefoon = service.telefoon or org_telefoon
    if telefoon:
        contact.append(f"telefoon {telefoon}")
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


def service_links(service, org_website: Optional[str]) -> List[str]:
    out = []
    for link in (service.website, org_website):
        if link and link not in out:
            out.append(link)
    return out
