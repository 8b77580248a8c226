"""Turning an indexed service into a :class:`~bot.kaart.results.Hit`."""
from __future__ import annotations

from typing import Dict, Optional

from bot.kaart.describe import bereikbaarheid, service_links, voor_wie
from bot.kaart.explanations import waarom_tekst
from bot.kaart.index import Doc
from bot.kaart.kinds import let_op, verwijsbaar
from bot.kaart.results import Hit
from bot.kaart.service_area import place_part


def service_hit(doc: Doc, score: float, parts: Dict[str, float], waarom: str) -> Hit:
    service = doc.service
    return Hit(
        id=service.id,
        naam=service.naam,
        organisatie=doc.org_name,
        beschrijving=service.beschrijving,
        voor_wie=voor_wie(service),
        bereikbaarheid=bereikbaarheid(service, doc.org_website, doc.org_telefoon),
        links=service_links(service, doc.org_website),
        waarom=waarom,
        score=score,
        onderdelen=parts,
        verwijsbaar=verwijsbaar(service),
        let_op=let_op(service),
    )


def place_hit(doc: Doc, gemeente: Optional[str]) -> Hit:
    """A hit shown for where it works alone (a general entrance, the safety service on the way to a measure):
    no score, its reason only the place."""
    return service_hit(doc, 0.0, {}, waarom_tekst([], {}, place_part(doc, gemeente)[1], None, doc.service, []))
