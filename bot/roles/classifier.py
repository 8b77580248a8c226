"""The role classifier: example groups from ``knowledge/rollen``, a leak-free split, and the model.

The classifier itself is ``bot.textclass.TextClassifier`` (lemma word n-grams + character n-grams,
calibrated logistic regression), built once by ``bot.recognisers`` (``rustpunt herkenners bouw``);
the label ``neutraal`` (greetings, plain facts) only trains, the analysis answers "geen duidelijke
rol" for it. On top of its probabilities every distinct signal of a role found in the
sentence adds ``SIGNAL_WEIGHT`` (times the signal's ``gewicht``, ``bot.roles.signals.signal_counts``): the signals are
hand-written, explainable evidence.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from bot.roles.models import NEUTRAL
from bot.textclass import Classifier, Group, split_groups

SIGNAL_WEIGHT = 0.25  # chosen by grouped 5-fold cross-validation on the training split
TEST_PERCENT = 25


def example_groups(knowledge=None) -> List[Group]:
    from bot.knowledge.loader import get_knowledge

    knowledge = knowledge or get_knowledge()
    return [Group(g.id, g.label, tuple(g.zinnen)) for g in knowledge.all("rol_voorbeelden")]


def train_test_groups(knowledge=None) -> Tuple[List[Group], List[Group]]:
    """The fixed split: whole groups go to train or test (never both). Groups without a role
    (``neutraal``) always train: they are not a role to score."""
    groups = example_groups(knowledge)
    train, test = split_groups([g for g in groups if g.label != NEUTRAL], test_percent=TEST_PERCENT)
    return train + [g for g in groups if g.label == NEUTRAL], test


def get_classifier(held_out: bool = False) -> Classifier:
    """The stored role recogniser (trained on all examples), or, with ``held_out=True``, the one
    trained on the training split only (for evaluation). Built by ``rustpunt herkenners bouw``."""
    from bot import recognisers

    return recognisers.load("rollen-test" if held_out else "rollen")


def read(classifier: Classifier, text: str, n_features: int = 4):
    """The classifier's prediction for ``text`` with its spoken and chat spellings written out
    (``bot.text.written_words``: "Is ie er om zeven uur nie" reads as "Is hij er om zeven uur niet")."""
    from bot.text import written_words

    return classifier.predict(written_words(text), n_features=n_features)


def combine(probabilities: Dict[str, float], counts: Dict[str, int], weight: float = SIGNAL_WEIGHT) -> Dict[str, float]:
    """Classifier probabilities plus signal evidence, renormalised to sum to 1."""
    scores = {role: p + weight * counts.get(role, 0) for role, p in probabilities.items()}
    if any(counts.values()) and NEUTRAL in scores:  # a role signal speaks against "no role"
        scores[NEUTRAL] = scores[NEUTRAL] * 0.5
    total = sum(scores.values()) or 1.0
    return {role: s / total for role, s in scores.items()}
