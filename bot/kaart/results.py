"""The results of a kaart search: one hit (:class:`Hit`) and the whole answer (:class:`Zoekresultaat`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Tuple

from bot.kaart.query import (
    Vraag,
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
    # the village or wijk searched in, by its own name, when it is not the area itself ("Bussum" in Gooise Meren): the
    # reply names it (a user test read only "plaats: Gooise Meren" for a question about Bussum)
    plaats: Optional[str] = None
    leeftijd: Optional[int] = None
    leeftijden: Tuple[int, ...] = ()  # the ages of several children searched for when no one age is (``ages_ok``)
    themas: List[str] = field(default_factory=list)
    # the kind of help asked for is not in the kaart ("Mediation staat niet in de sociale kaart; ..."): said first
    ontbreekt: Optional[str] = None
    # only the general entrance (and perhaps the safety service) fits; the message says what stands below it, so the
    # chat does not also call them "de diensten die het best passen" (a user test of session 29)
    alleen_ingang: bool = False

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "melding": self.melding,
            "ontbreekt": self.ontbreekt,
            "gemeente": self.gemeente,
            "leeftijd": self.leeftijd,
            "leeftijden": list(self.leeftijden),
            "themas": self.themas,
            "resultaten": [h.to_dict() for h in self.hits],
            "algemene_route": [h.to_dict() for h in self.route],
        }
