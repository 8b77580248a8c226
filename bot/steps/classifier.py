"""Recognise which of the six steps (or which pitfall) a professional's turn belongs to.

Public API (the role-play capability imports it, keep it stable)::

    from bot.steps.classifier import classify_step
    result = classify_step("Wat ben jij boos, zeg.")
    result.stap, result.zekerheid, result.kenmerken, result.tip
    result.delen      # per sentence of a longer turn: zin, stap, zekerheid
    result.stappen    # every move the turn holds, in order (an acknowledgement plus a question = two)
    result.valkuilen  # pitfall sentences inside the turn (flagged even when the turn is mostly good)

Method: ``bot.textclass.TextClassifier`` (lemma word 1-2-grams + character 2-5-grams, seeded,
temperature-calibrated logistic regression) trained on every example group, including the
label ``overig`` (greetings, small talk, hedges: no step). The model is built once by
``rustpunt herkenners bouw`` and loaded from ``var/models`` (``bot.recognisers``). A turn is split
into sentences; each sentence is classified, small talk and unsure sentences are skipped, and the
turn's main move is its most certain sentence, except that a certain pitfall sentence is always
reported. The evaluation model (``stappen-test``) is trained on the training split only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from bot import recognisers, textclass
from bot.steps.input_check import DUTCH_WORDS, rejection_reason
from bot.steps.models import LABELS, OTHER, PITFALL_IDS

NO_STEP = "geen"
# Chosen from the coverage/precision table of `rustpunt evalueer stappen` (held-out conversations):
CONFIDENCE_THRESHOLD = 0.40
PITFALL_FLAG = 0.50  # a pitfall sentence inside a longer turn is flagged from this confidence
SURE_PITFALL = 0.80  # ... and is the turn's main move from this confidence (or when surer than its steps)
MAX_KENMERKEN = 6
SMALL_TALK = (
    "Dit is een begroeting, een praatje of een aanloopje; er zit nog geen stap in. "
    "Zeg erbij wat je wilt bereiken, bijvoorbeeld erkennen of een vraag naar wat er gebeurde."
)
UNCLEAR = (
    "Ik herken hier geen duidelijke stap in. Maak de zin concreter, of kijk bij welke stap "
    "je doel past (visie, erkennen, dynamiek, behoefte, realiteit, opties)."
)


@dataclass
class Part:
    """One sentence of a turn and what the classifier read in it."""

    zin: str
    begin: int
    einde: int
    stap: str  # a label, ``overig`` or ``geen``
    zekerheid: float

    def to_dict(self) -> Dict[str, object]:
        return {"zin": self.zin, "stap": self.stap, "zekerheid": round(self.zekerheid, 3)}


@dataclass
class StepResult:
    """What the classifier says about one turn. ``to_dict`` gives the JSON contract."""

    stap: str
    zekerheid: float
    kenmerken: List[str] = field(default_factory=list)
    tip: str = ""
    reden: Optional[str] = None  # set when stap == "geen"
    kansen: Dict[str, float] = field(default_factory=dict)
    delen: List[Part] = field(default_factory=list)
    stappen: List[str] = field(default_factory=list)
    valkuilen: List[Part] = field(default_factory=list)

    @property
    def herkend(self) -> bool:
        return self.stap != NO_STEP

    @property
    def is_valkuil(self) -> bool:
        return self.stap in PITFALL_IDS

    def to_dict(self) -> Dict[str, object]:
        return {
            "stap": self.stap,
            "zekerheid": round(float(self.zekerheid), 3),
            "kenmerken": list(self.kenmerken),
            "tip": self.tip,
        }


def _knowledge(knowledge=None):
    if knowledge is not None:
        return knowledge
    from bot.knowledge.loader import get_knowledge

    return get_knowledge()


def load_groups(knowledge=None) -> List[textclass.Group]:
    """All example groups from ``knowledge/stappen/voorbeelden_*.yml`` (including ``overig``)."""
    entries = _knowledge(knowledge).all("stap_voorbeelden")
    return [textclass.Group(id=e.id, label=e.label, sentences=tuple(e.zinnen)) for e in entries]


def split(knowledge=None) -> Tuple[List[textclass.Group], List[textclass.Group]]:
    """(train, test) groups; a group of paraphrases never straddles the two. Small-talk groups
    (``overig``) always train: they are not a step to score."""
    groups = load_groups(knowledge)
    train, test = textclass.split_groups([g for g in groups if g.label != OTHER])
    return train + [g for g in groups if g.label == OTHER], test


def get_model(held_out: bool = False) -> textclass.Classifier:
    """The stored step recogniser (``held_out``: the one trained on the training split only)."""
    return recognisers.load("stappen-test" if held_out else "stappen")


def tip_for(label: str, knowledge=None) -> str:
    """The one-line Dutch tip for a step or pitfall, from the knowledge files."""
    knowledge = _knowledge(knowledge)
    entry = knowledge.get("valkuil" if label in PITFALL_IDS else "stap", label)
    return entry.tip if entry is not None else ""


def _cue_matches(text: str, label: str, knowledge) -> List[str]:
    entry = knowledge.get("valkuil" if label in PITFALL_IDS else "stap", label)
    if entry is None:
        return []
    lowered = " " + re.sub(r"\s+", " ", text.lower()) + " "
    found = []
    for cue in entry.signaalwoorden:
        if re.search(r"(?<!\w)" + re.escape(cue.lower()) + r"(?!\w)", lowered):
            found.append(cue)
    return found


def _no_step(reason: str, confidence: float = 0.0, probabilities=None, parts=None) -> StepResult:
    return StepResult(
        stap=NO_STEP, zekerheid=confidence, kenmerken=[], tip=reason, reden=reason,
        kansen=probabilities or {}, delen=list(parts or []),
    )


def _read_parts(text: str, model: textclass.Classifier) -> List[Tuple[Part, textclass.Prediction]]:
    spans = textclass.segments(text) or [(0, len(text))]
    read = []
    for begin, end in spans:
        sentence = text[begin:end]
        prediction = model.predict(sentence, n_features=8)
        read.append((Part(sentence, begin, end, prediction.label, prediction.confidence), prediction))
    return read


def _rank(item: Tuple[Part, textclass.Prediction]) -> Tuple[float, int]:
    return item[0].zekerheid, item[0].begin


def classify_step(
    text: str, knowledge=None, threshold: float = CONFIDENCE_THRESHOLD, model: Optional[textclass.Classifier] = None
) -> StepResult:
    """Label one turn: a step id, ``inhoud``/``redden``, or ``geen`` with a Dutch reason in ``tip``."""
    reason = rejection_reason(text)
    if reason:
        return _no_step(reason)
    knowledge = _knowledge(knowledge)
    text = text.strip()
    model = model or get_model()
    read = _read_parts(text, model)
    parts = [part for part, _ in read]
    sure = [(part, pred) for part, pred in read if part.stap != OTHER and part.zekerheid >= threshold]
    if not sure and len(read) > 1:  # no sentence is clear on its own: read the turn as a whole
        whole = model.predict(text, n_features=8)
        if whole.label != OTHER and whole.confidence >= threshold:
            sure = [(Part(text, 0, len(text), whole.label, whole.confidence), whole)]
    if not sure:
        best_part, best = max(read, key=lambda item: item[1].confidence)
        why = SMALL_TALK if best_part.stap == OTHER and best.confidence >= threshold else UNCLEAR
        return _no_step(why, best.confidence, best.probabilities, parts)
    pitfalls = [(p, pred) for p, pred in sure if p.stap in PITFALL_IDS and p.zekerheid >= max(PITFALL_FLAG, threshold)]
    steps = [(p, pred) for p, pred in sure if p.stap not in PITFALL_IDS]
    main_part, prediction = max(pitfalls or sure, key=_rank)
    if pitfalls and steps:  # a doubtful pitfall sentence next to a surer step is flagged, not the main move
        best_step = max(steps, key=_rank)
        if main_part.zekerheid < SURE_PITFALL and main_part.zekerheid < best_step[0].zekerheid:
            main_part, prediction = best_step
    moves: List[str] = []
    for part, _ in sure:
        if part.stap not in moves:
            moves.append(part.stap)
    kenmerken: List[str] = []
    explained = [f for f in prediction.features if not all(w in DUTCH_WORDS for w in f.split())]
    for item in _cue_matches(main_part.zin, main_part.stap, knowledge) + explained:
        if item not in kenmerken:
            kenmerken.append(item)
    return StepResult(
        stap=main_part.stap,
        zekerheid=main_part.zekerheid,
        kenmerken=kenmerken[:MAX_KENMERKEN],
        tip=tip_for(main_part.stap, knowledge),
        kansen=prediction.probabilities,
        delen=parts,
        stappen=moves,
        valkuilen=[p for p, _ in pitfalls],
    )


def evaluate_steps(knowledge=None, with_curve: bool = True):
    """The full evaluation report (``bot.steps.evaluation``): clean, per register, reliability."""
    from bot.steps.evaluation import evaluate_steps as run

    return run(knowledge, with_curve=with_curve)


__all__ = ["LABELS", "NO_STEP", "StepResult", "classify_step", "evaluate_steps", "tip_for"]
