"""The inverted index over the services of the kaart (BM25 on lemmas), built once per knowledge snapshot."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from bot.kaart.text import lemmas
from bot.kaart.vocabulary import (
    DEEL_VAN,
    gemeenten_van,
)
from bot.knowledge.loader import PerKnowledge, get_knowledge

BM25_K1, BM25_B = 1.2, 0.75


@dataclass
class Doc:
    service: Any  # a KaartDienst
    org_name: str
    org_website: Optional[str]
    org_telefoon: Optional[str]  # the organisation's public number, shown when the service has none
    areas: Set[str]  # expanded municipality codes; empty = unknown
    area_codes: Tuple[str, ...]
    length: int


class KaartIndex:
    """Inverted index over services; built once per knowledge snapshot."""

    def __init__(self, services: Sequence, organisations: Dict[str, Any]):
        self.docs: List[Doc] = []
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
                Doc(service, org_name, getattr(org, "website", None), getattr(org, "telefoon", None), areas,
                    tuple(service.werkgebied), len(terms))
            )
            total += len(terms)
        self.avg_len = total / len(self.docs) if self.docs else 1.0
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def doc(self, service_id: str) -> Doc:
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
