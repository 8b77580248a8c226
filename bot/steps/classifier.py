"""Recognise which of the six steps (or which pitfall) a professional's sentence belongs to.

Public API (the role-play capability imports it, keep it stable)::

    from bot.steps.classifier import classify_step
    result = classify_step("Wat ben jij boos, zeg.")
    result.stap, result.zekerheid, result.kenmerken, result.tip

Method: ``bot.textclass.TextClassifier`` (lemma word 1-2-grams + character 2-5-grams, seeded
logistic regression) trained on the *training* groups of ``stap_voorbeelden`` only; the
held-out groups are never trained on. The model is trained on first use and cached in memory
and under ``var/models/`` (keyed by a hash of the examples, so edited examples retrain).
"""
from __future__ import annotations

import hashlib
import json
import logging
import pickle
import re
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from bot import textclass
from bot.steps.input_check import DUTCH_WORDS, rejection_reason
from bot.steps.models import LABELS, PITFALL_IDS

logger = logging.getLogger(__name__)

NO_STEP = "geen"
CONFIDENCE_THRESHOLD = 0.30
MODEL_VERSION = "steps-1"
MAX_KENMERKEN = 6

_MODEL: Dict[str, textclass.TextClassifier] = {}
_FOR_KNOWLEDGE: Dict[str, tuple] = {}  # "model" -> (knowledge object, its model)


@dataclass
class StepResult:
    """What the classifier says about one sentence. ``to_dict`` gives the JSON contract."""

    stap: str
    zekerheid: float
    kenmerken: List[str] = field(default_factory=list)
    tip: str = ""
    reden: Optional[str] = None  # set when stap == "geen"
    kansen: Dict[str, float] = field(default_factory=dict)

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
    """All example groups from ``knowledge/stappen/voorbeelden_*.yml``."""
    entries = _knowledge(knowledge).all("stap_voorbeelden")
    return [textclass.Group(id=e.id, label=e.label, sentences=tuple(e.zinnen)) for e in entries]


def split(knowledge=None) -> Tuple[List[textclass.Group], List[textclass.Group]]:
    """(train, test) groups; a group of paraphrases never straddles the two."""
    return textclass.split_groups(load_groups(knowledge))


def _fingerprint(groups: Sequence[textclass.Group]) -> str:
    payload = json.dumps(
        [MODEL_VERSION] + [[g.id, g.label, list(g.sentences)] for g in sorted(groups, key=lambda g: g.id)],
        ensure_ascii=False,
    )
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def train(groups: Sequence[textclass.Group]) -> textclass.TextClassifier:
    texts, labels = textclass.flatten(groups)
    return textclass.TextClassifier().fit(texts, labels)


def get_model(knowledge=None, use_disk_cache: bool = True) -> textclass.TextClassifier:
    """The classifier trained on the training split (cached in memory and on disk)."""
    knowledge = _knowledge(knowledge)
    known = _FOR_KNOWLEDGE.get("model")
    if known is not None and known[0] is knowledge and use_disk_cache:
        return known[1]  # same knowledge object as last time: no need to split and hash the examples again
    train_groups, _ = split(knowledge)
    if not train_groups:
        raise RuntimeError("Er zijn geen voorbeeldzinnen voor de stappenherkenner (knowledge/stappen).")
    key = _fingerprint(train_groups)
    if key in _MODEL:
        if use_disk_cache:
            _FOR_KNOWLEDGE["model"] = (knowledge, _MODEL[key])
        return _MODEL[key]
    model = _read_cache(key) if use_disk_cache else None
    if model is None:
        model = train(train_groups)
        if use_disk_cache:
            _write_cache(key, model)
    _MODEL.clear()
    _MODEL[key] = model
    if use_disk_cache:
        _FOR_KNOWLEDGE["model"] = (knowledge, model)
    return model


def _cache_path(key: str):
    from bot.paths import var_dir

    return var_dir() / "models" / f"stappen-{key}.pkl"


def _read_cache(key: str) -> Optional[textclass.TextClassifier]:
    path = _cache_path(key)
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a stale or broken cache file is simply retrained
        logger.warning("Could not read step model cache %s; retraining", path)
        return None


def _write_cache(key: str, model: textclass.TextClassifier) -> None:
    path = _cache_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("stappen-*.pkl"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(model, handle)
        tmp.replace(path)
    except OSError:
        logger.warning("Could not write step model cache %s", path)


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


def _no_step(reason: str, confidence: float = 0.0, probabilities=None) -> StepResult:
    return StepResult(
        stap=NO_STEP, zekerheid=confidence, kenmerken=[], tip=reason, reden=reason, kansen=probabilities or {}
    )


def classify_step(text: str, knowledge=None, threshold: float = CONFIDENCE_THRESHOLD) -> StepResult:
    """Label one sentence: a step id, ``inhoud``/``redden``, or ``geen`` with a Dutch reason in ``tip``."""
    reason = rejection_reason(text)
    if reason:
        return _no_step(reason)
    knowledge = _knowledge(knowledge)
    text = text.strip()
    prediction = get_model(knowledge).predict(text, n_features=8)
    if prediction.confidence < threshold:
        return _no_step(
            "Ik herken hier geen duidelijke stap in. Maak de zin concreter, of kijk bij welke stap "
            "je doel past (visie, erkennen, dynamiek, behoefte, realiteit, opties).",
            prediction.confidence,
            prediction.probabilities,
        )
    kenmerken: List[str] = []
    explained = [f for f in prediction.features if not all(w in DUTCH_WORDS for w in f.split())]
    for item in _cue_matches(text, prediction.label, knowledge) + explained:
        if item not in kenmerken:
            kenmerken.append(item)
    return StepResult(
        stap=prediction.label,
        zekerheid=prediction.confidence,
        kenmerken=kenmerken[:MAX_KENMERKEN],
        tip=tip_for(prediction.label, knowledge),
        kansen=prediction.probabilities,
    )


@dataclass
class StepEvaluation:
    evaluation: textclass.Evaluation
    ms_per_sentence: float
    no_step_share: float  # share of test sentences that fell below the confidence threshold

    def report(self) -> str:
        lines = [
            self.evaluation.report("Stappenherkenner: evaluatie op de vastgehouden testset"),
            "",
            f"Tijd per zin (inclusief uitleg): {self.ms_per_sentence:.1f} ms",
            f"Aandeel testzinnen onder de zekerheidsdrempel ({CONFIDENCE_THRESHOLD:.2f}, zou 'geen' worden): "
            f"{self.no_step_share:.1%}",
        ]
        return "\n".join(lines)


def evaluate_steps(knowledge=None) -> StepEvaluation:
    """Accuracy, macro-F1, per-label scores and confusion matrix on the held-out groups."""
    knowledge = _knowledge(knowledge)
    train_groups, test_groups = split(knowledge)
    model = get_model(knowledge)
    texts, labels = textclass.flatten(test_groups)
    n_train = sum(len(g.sentences) for g in train_groups)
    evaluation = textclass.evaluate(model, texts, labels, n_train=n_train)
    start = time.perf_counter()
    below = 0
    for text in texts:
        if classify_step(text, knowledge).stap == NO_STEP:
            below += 1
    elapsed = time.perf_counter() - start
    return StepEvaluation(
        evaluation=evaluation,
        ms_per_sentence=1000.0 * elapsed / max(len(texts), 1),
        no_step_share=below / max(len(texts), 1),
    )


__all__ = ["LABELS", "NO_STEP", "StepResult", "classify_step", "evaluate_steps", "tip_for"]
