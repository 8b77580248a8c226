"""Measure the role recogniser on the held-out split (never trained on).

Two views: the bare classifier+signals decision (always a role) and the full analysis, which may
answer "geen duidelijke rol"; abstentions count as wrong in its accuracy. Also the time per sentence.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import List

from bot.textclass import Evaluation, flatten


@dataclass
class RoleEvaluation:
    evaluation: Evaluation  # forced choice (classifier + signals), per-role scores and confusion
    analysis_accuracy: float  # full analysis; "geen duidelijke rol" counts as wrong
    abstain_rate: float  # share of held-out sentences answered with "geen duidelijke rol"
    accuracy_when_sure: float  # accuracy on the sentences that did get a role
    ms_per_sentence: float

    def report(self) -> str:
        lines = [
            self.evaluation.report("Rollenherkenner (dramadriehoek en winnaarsdriehoek): testset"),
            "",
            "Volledige analyse (met 'geen duidelijke rol' onder de drempel):",
            f"  geen duidelijke rol bij {self.abstain_rate:.1%} van de testzinnen",
            f"  nauwkeurigheid als er wel een rol genoemd wordt: {self.accuracy_when_sure:.3f}",
            f"  nauwkeurigheid over alle testzinnen (twijfel telt als fout): {self.analysis_accuracy:.3f}",
            f"Tijd per zin (volledige analyse): {self.ms_per_sentence:.1f} ms",
        ]
        return "\n".join(lines)


def forced_choice(classifier, texts: List[str]) -> List[str]:
    from bot.roles.classifier import combine
    from bot.roles.signals import find_signals, signal_counts

    predicted = []
    for text in texts:
        scores = combine(classifier.predict(text).probabilities, signal_counts(find_signals(text)))
        predicted.append(max(scores, key=scores.get))
    return predicted


def evaluate_roles() -> RoleEvaluation:
    from bot.roles.analyse import GEEN_ROL, analyse_role
    from bot.roles.classifier import get_classifier, train_test_groups
    from bot.textclass import evaluate

    train_groups, test_groups = train_test_groups()
    texts, labels = flatten(test_groups)
    n_train = len(flatten(train_groups)[0])
    classifier = get_classifier(held_out=True)

    class _Forced:  # adapts forced_choice to textclass.evaluate's predict_many
        labels = classifier.labels

        @staticmethod
        def predict_many(items):
            return forced_choice(classifier, items)

    evaluation = evaluate(_Forced(), texts, labels, n_train)
    analyse_role(texts[0], classifier)  # warm-up, so the timing excludes loading
    start = time.perf_counter()
    results = [analyse_role(text, classifier).rol for text in texts]
    elapsed = time.perf_counter() - start
    sure = [(r, y) for r, y in zip(results, labels) if r != GEEN_ROL]
    return RoleEvaluation(
        evaluation=evaluation,
        analysis_accuracy=sum(r == y for r, y in zip(results, labels)) / len(labels),
        abstain_rate=1 - len(sure) / len(labels),
        accuracy_when_sure=(sum(r == y for r, y in sure) / len(sure)) if sure else 0.0,
        ms_per_sentence=1000 * elapsed / len(texts),
    )
