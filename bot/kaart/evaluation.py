"""Measure the kaart search on its evaluation set: recall@3 and MRR (``rustpunt evalueer kaart``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from bot.kaart.search import KaartIndex, index_for, zoek


@dataclass
class VraagUitkomst:
    id: str
    vraag: str
    verwacht: List[str]
    gevonden: List[str]
    recall_at_3: float
    reciprocal_rank: float


@dataclass
class Evaluatie:
    uitkomsten: List[VraagUitkomst] = field(default_factory=list)

    @property
    def recall_at_3(self) -> float:
        return sum(u.recall_at_3 for u in self.uitkomsten) / len(self.uitkomsten) if self.uitkomsten else 0.0

    @property
    def mrr(self) -> float:
        return sum(u.reciprocal_rank for u in self.uitkomsten) / len(self.uitkomsten) if self.uitkomsten else 0.0

    @property
    def hit_at_3(self) -> float:
        good = sum(1 for u in self.uitkomsten if set(u.gevonden[:3]) & set(u.verwacht))
        return good / len(self.uitkomsten) if self.uitkomsten else 0.0


def evalueer(knowledge, index: Optional[KaartIndex] = None, limit: int = 5) -> Evaluatie:
    """Run every ``kaart_testvraag`` through :func:`zoek`.

    recall@3 = share of the expected services in the top 3 (out of at most 3 expected);
    MRR = mean of 1/rank of the first expected service (0 when none in the top ``limit``).
    """
    index = index or index_for(knowledge)
    result = Evaluatie()
    for item in sorted(knowledge.entries.get("kaart_testvraag", {}).values(), key=lambda t: t.id):
        found = [h.id for h in zoek(item.vraag, leeftijd=item.leeftijd, gemeente=item.gemeente,
                                    thema=item.thema, limit=limit, index=index).hits]
        expected = list(item.verwacht)
        recall = len(set(found[:3]) & set(expected)) / min(len(expected), 3)
        rank = next((i + 1 for i, hit in enumerate(found) if hit in expected), None)
        result.uitkomsten.append(VraagUitkomst(item.id, item.vraag, expected, found, recall, 1.0 / rank if rank else 0.0))
    return result
