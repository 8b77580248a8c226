"""Speed of the kaart search on a large synthetic directory (``rustpunt kaart benchmark``)."""
from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from typing import List

from bot.kaart.index import KaartIndex
from bot.kaart.models import KaartDienst, KaartOrganisatie
from bot.kaart.query import theme_words
from bot.kaart.search import zoek
from bot.kaart.vocabulary import DOELGROEPEN, THEMAS, TOEGANG, WERKGEBIEDEN
from bot.knowledge.base import Bron

_BRON = Bron(document="synthetisch", sectie="benchmark")
_WORDS = ("begeleiding advies gesprek training groep coach ouders jongeren school wijk buurt thuis hulp "
          "ondersteuning cursus spreekuur inloop contact netwerk vrijwilliger activiteit").split()
QUERIES = (
    "moeder uit Hilversum, zoon van 15 gaat niet meer naar school",
    "gescheiden ouders in Bussum, dochter van 9 is somber",
    "gezin met schulden in Laren",
    "jongere van 17 blowt veel in Huizen",
    "puber met faalangst in Vleuten",
    "opvoedvragen over een peuter in Eemnes",
    "huiselijk geweld bij een gezin in Wijdemeren",
    "vastgelopen hulp en dreigende uithuisplaatsing in Gooise Meren",
)


def synthetic_services(count: int, seed: int = 7):
    rng = random.Random(seed)
    orgs = {
        f"org{i}": KaartOrganisatie(id=f"org{i}", naam=f"Organisatie {i}", bron=_BRON)
        for i in range(max(1, count // 10))
    }
    themes, areas = sorted(THEMAS), sorted(WERKGEBIEDEN)
    problem_words = theme_words()
    services = []
    for i in range(count):
        chosen = rng.sample(themes, rng.randint(1, 4))
        words = [rng.choice(problem_words[t]) for t in chosen] + rng.sample(_WORDS, 6)
        low = rng.choice([None, 0, 4, 11, 12])
        high = rng.choice([None, 17, 21, 23]) if low is None or low < 17 else None
        services.append(
            KaartDienst(
                id=f"dienst{i}", organisatie=f"org{i % len(orgs)}", naam=f"Dienst {i} {words[0]}",
                beschrijving=" ".join(words), aanbod=[" ".join(rng.sample(_WORDS, 3))],
                leeftijd_min=low, leeftijd_max=high,
                doelgroep=rng.sample(sorted(DOELGROEPEN), rng.randint(1, 3)), themas=chosen,
                werkgebied=rng.sample(areas, rng.randint(1, 2)), toegang=rng.sample(sorted(TOEGANG), 1),
                bron=_BRON,
            )
        )
    return services, orgs


@dataclass
class BenchmarkResultaat:
    diensten: int
    zoekvragen: int
    opbouw_s: float
    p50_ms: float
    p95_ms: float
    max_ms: float


def run(count: int = 10_000, repeats: int = 25, seed: int = 7) -> BenchmarkResultaat:
    services, orgs = synthetic_services(count, seed)
    start = time.perf_counter()
    index = KaartIndex(services, orgs)
    build = time.perf_counter() - start
    zoek(QUERIES[0], index=index)  # warm the lemma cache once
    timings: List[float] = []
    for _ in range(repeats):
        for query in QUERIES:
            t0 = time.perf_counter()
            zoek(query, index=index)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return BenchmarkResultaat(count, len(timings), build, statistics.median(timings), p95, timings[-1])
