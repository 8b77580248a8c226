"""Measure the kaart search: recall@3, MRR and first hits a professional cannot refer to.

Nine sets (``rustpunt evalueer kaart --set ...``): the tuning set ``evaluatie.yml`` (kind
``kaart_testvraag``), used while building the search; the test set ``toetsvragen.yml`` (kind
``kaart_toetsvraag``, reeks ``toets``), written for measuring, though a few of its misses were once fixed
by hand; and the second test set ``toetsvragen_2.yml`` (reeks ``toets2``), written before the
ranking was changed again and never used to tune it; and the third test set ``toetsvragen_3.yml`` (reeks
``toets3``), written before the next ranking change and measured blind once; and the fourth test set
``toetsvragen_4.yml`` (reeks ``toets4``), written blind before the fourth round without reading the search code;
and the fifth test set ``toetsvragen_5.yml`` (reeks ``toets5``), written blind the same way before the fifth round;
and the sixth test set ``toetsvragen_6.yml`` (reeks ``toets6``), written blind the same way during the fifth round;
and the seventh test set ``toetsvragen_7.yml`` (reeks ``toets7``), written blind the same way in the sixth session;
and the eighth test set ``toetsvragen_8.yml`` (reeks ``toets8``), written blind the same way later in that session;
and the ninth test set ``toetsvragen_9.yml`` (reeks ``toets9``), written blind the same way in the seventh session;
and the tenth test set ``toetsvragen_10.yml`` (reeks ``toets10``), written blind the same way in the ninth session
(seen since the tenth: its misses were looked at, nothing was tuned on them);
and the eleventh test set ``toetsvragen_11.yml`` (reeks ``toets11``), written blind the same way later in that session
(seen since the thirteenth);
and the twelfth and thirteenth test sets ``toetsvragen_12.yml`` and ``toetsvragen_13.yml`` (reeks ``toets12``,
``toets13``), written blind the same way at the start of the thirteenth session, before its changes (seen since the
fourteenth);
and the fourteenth and fifteenth test sets ``toetsvragen_14.yml`` and ``toetsvragen_15.yml`` (reeks ``toets14``,
``toets15``), written blind the same way in the fourteenth session (the fifteenth as e-mails and chat messages; both
seen since the fifteenth session);
and the sixteenth test set ``toetsvragen_16.yml`` (reeks ``toets16``), written blind the same way in the fifteenth
session as lines from case meetings and triage;
and the seventeenth test set ``toetsvragen_17.yml`` (reeks ``toets17``), written blind the same way in the twentieth
session as a consultant's notes during or after a phone call;
and the eighteenth test set ``toetsvragen_18.yml`` (reeks ``toets18``), written blind the same way at the start of the
twenty-first session as what a family worker of the buurtteam or the Vraagbaak types into a search box after a call;
and the nineteenth test set ``toetsvragen_19.yml`` (reeks ``toets19``), written blind the same way in the twenty-second
session as what the Vraagbaak retypes from a call by another professional (school, GP, police, JGZ, childcare);
and the twentieth test set ``toetsvragen_20.yml`` (reeks ``toets20``), written blind the same way in the twenty-third
session as what a family worker of the buurtteam or the Vraagbaak types on a phone in a hurry (shorthand, telegram
style) about teenagers and young adults;
and the twenty-first test set ``toetsvragen_21.yml`` (reeks ``toets21``), written blind the same way in the
twenty-fourth session as what callers outside the youth-care chain (GP, school, childcare, police, sports coach,
church or mosque volunteer, JGZ, mediator, lawyer) write in full sentences about young children and the parents'
divorce;
and the twenty-second test set ``toetsvragen_22.yml`` (reeks ``toets22``), written blind the same way in the
twenty-fifth session as what a consultant dictates right after a call and speech-to-text makes of it (no punctuation,
numbers as words, misheard place names) about adolescents and young adults of 12 to 23;
and the twenty-third test set ``toetsvragen_23.yml`` (reeks ``toets23``), written blind the same way in the
twenty-sixth session as questions from parents, grandparents and neighbours and from professionals outside youth care
(GP assistant, police officer, sports coach, childcare, secondary-school teacher) in everyday words about young
children, babies, divorce, violence at home, money, disability, bullying, grief and newcomer families;
and the twenty-fourth test set ``toetsvragen_24.yml`` (reeks ``toets24``), written blind the same way in the
twenty-seventh session as questions spoken into a phone (speech-to-text: no capitals or punctuation, numbers as words,
misheard place names, fillers), long questions with a story whose need is in the last sentence, and questions from
expat and bilingual parents and professionals mixing in English words;
and the twenty-fifth test set ``toetsvragen_25.yml`` (reeks ``toets25``), written blind the same way in the
twenty-eighth session as questions from people who refer (GP, intern begeleider, police officer, childcare,
midwife, sports coach, school-attendance officer) in their own words, triage notes with abbreviations and negations
that matter, and questions on topics the earlier sets name less (young carers, a parent in detention or with an
addiction, debts, losing a home, loneliness, gender identity, chronic illness, newcomer families, a parent's death);
and the twenty-sixth test set ``toetsvragen_26.yml`` (reeks ``toets26``), written blind the same way in the
twenty-ninth session as questions from parents and young people themselves as a consultant receives them by chat or
phone note: long first-person stories whose need is buried in the middle or at the end, very short or vague questions
(typos, no place, a wrong or old organisation name such as CJG or Bureau Jeugdzorg), and questions about access and
form (evening or weekend, anonymous, online, without a referral, free of charge, another language, parent and child
together, waiting time), also from a grandparent, stepparent or foster parent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from bot.kaart.index import KaartIndex, index_for
from bot.kaart.models import TOETS_SETS
from bot.kaart.search import zoek


@dataclass
class VraagUitkomst:
    id: str
    vraag: str
    verwacht: List[str]
    gevonden: List[str]
    recall_at_3: float
    reciprocal_rank: float
    eerste_niet_verwijsbaar: bool = False  # the first hit is no address a professional can refer to


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
    def niet_verwijsbaar_eerst(self) -> int:
        return sum(1 for u in self.uitkomsten if u.eerste_niet_verwijsbaar)

    @property
    def hit_at_3(self) -> float:
        good = sum(1 for u in self.uitkomsten if set(u.gevonden[:3]) & set(u.verwacht))
        return good / len(self.uitkomsten) if self.uitkomsten else 0.0


SETS: Dict[str, Tuple[str, Optional[str]]] = {
    "afstemming": ("kaart_testvraag", None), **{name: ("kaart_toetsvraag", name) for name in TOETS_SETS}}


def evalueer(knowledge, index: Optional[KaartIndex] = None, limit: int = 5, kind: str = "kaart_testvraag",
             reeks: Optional[str] = None) -> Evaluatie:
    """Run every question of ``kind`` (only those of ``reeks`` when given) through :func:`zoek`.

    recall@3 = share of the expected services in the top 3 (out of at most 3 expected);
    MRR = mean of 1/rank of the first expected service (0 when none in the top ``limit``).
    """
    index = index or index_for(knowledge)
    result = Evaluatie()
    for item in sorted(knowledge.entries.get(kind, {}).values(), key=lambda t: t.id):
        if reeks is not None and getattr(item, "reeks", None) != reeks:
            continue
        hits = zoek(item.vraag, leeftijd=item.leeftijd, gemeente=item.gemeente, thema=item.thema, limit=limit,
                    index=index).hits
        found = [h.id for h in hits]
        expected = list(item.verwacht)
        recall = len(set(found[:3]) & set(expected)) / min(len(expected), 3)
        rank = next((i + 1 for i, hit in enumerate(found) if hit in expected), None)
        result.uitkomsten.append(
            VraagUitkomst(
                item.id,
                item.vraag,
                expected,
                found,
                recall,
                1.0 / rank if rank else 0.0,
                bool(hits) and not hits[0].verwijsbaar,
            )
        )
    return result
