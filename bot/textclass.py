"""Small, explainable Dutch sentence classifiers (used for steps and drama roles).

Method (see NOTES §3): lemmas from ``spacy.blank("nl")`` with the lookup lemmatizer,
TF-IDF over word 1-2-grams of lemmas plus character 2-5-grams (``char_wb``), and a seeded
logistic regression. On a few hundred sentences this is as good as heavier models, trains in
about a second, and its weights explain a prediction ("which words led to it").

Examples are written in groups of paraphrases; a whole group goes either to training or to
the held-out test split (no leakage), chosen deterministically from the group id.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Sequence, Tuple

import numpy as np


@dataclass(frozen=True)
class Group:
    """Paraphrases that share one label; they never straddle train and test."""

    id: str
    label: str
    sentences: Tuple[str, ...]


@dataclass
class Prediction:
    label: str
    confidence: float
    probabilities: Dict[str, float]
    features: List[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _nlp():
    from bot.spacy_model import build_pipeline

    return build_pipeline()


_TOKEN = re.compile(r"\w+", re.UNICODE)


def lemmas(text: str) -> List[str]:
    """Lower-cased lemmas of the word tokens of ``text``."""
    doc = _nlp()(text)
    return [(t.lemma_ or t.text).lower() for t in doc if _TOKEN.search(t.text)]


def lemma_text(text: str) -> str:
    return " ".join(lemmas(text))


def is_test_group(group_id: str, test_percent: int = 25) -> bool:
    digest = hashlib.sha1(group_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < test_percent


def split_groups(groups: Iterable[Group], test_percent: int = 25) -> Tuple[List[Group], List[Group]]:
    """Deterministic group split; every label keeps at least one group on each side if it has two."""
    train: List[Group] = []
    test: List[Group] = []
    by_label: Dict[str, List[Group]] = {}
    for group in groups:
        by_label.setdefault(group.label, []).append(group)
    for label, items in sorted(by_label.items()):
        items = sorted(items, key=lambda g: hashlib.sha1(g.id.encode()).hexdigest())
        chosen = [g for g in items if is_test_group(g.id, test_percent)]
        if not chosen and len(items) > 1:
            chosen = [items[0]]
        if len(chosen) == len(items) and len(items) > 1:
            chosen = chosen[1:]
        test.extend(chosen)
        train.extend(g for g in items if g not in chosen)
    return train, test


def flatten(groups: Iterable[Group]) -> Tuple[List[str], List[str]]:
    texts: List[str] = []
    labels: List[str] = []
    for group in groups:
        for sentence in group.sentences:
            texts.append(sentence)
            labels.append(group.label)
    return texts, labels


class TextClassifier:
    """TF-IDF (lemma words + characters) + logistic regression, with explanations."""

    def __init__(self, c: float = 8.0):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+")
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)
        self.model = LogisticRegression(C=c, max_iter=3000, random_state=0, class_weight="balanced")
        self.labels: List[str] = []

    def _features(self, texts: Sequence[str], fit: bool = False):
        from scipy.sparse import hstack

        lemma_texts = [lemma_text(t) for t in texts]
        if fit:
            return hstack([self.word.fit_transform(lemma_texts), self.char.fit_transform(texts)]).tocsr()
        return hstack([self.word.transform(lemma_texts), self.char.transform(texts)]).tocsr()

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "TextClassifier":
        matrix = self._features(texts, fit=True)
        self.model.fit(matrix, list(labels))
        self.labels = list(self.model.classes_)
        return self

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        matrix = self._features([text])
        probs = self.model.predict_proba(matrix)[0]
        best = int(np.argmax(probs))
        label = self.labels[best]
        return Prediction(
            label=label,
            confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs)},
            features=self._explain(matrix, best, n_features),
        )

    def predict_many(self, texts: Sequence[str]) -> List[str]:
        return list(self.model.predict(self._features(texts)))

    def _explain(self, matrix, label_index: int, n: int) -> List[str]:
        """The word n-grams of the sentence that pushed most towards the predicted label."""
        n_word = len(self.word.vocabulary_)
        coef = self.model.coef_[label_index] if self.model.coef_.shape[0] > 1 else self.model.coef_[0]
        row = matrix[0].tocoo()
        scored = [(value * coef[col], col) for col, value in zip(row.col, row.data) if col < n_word]
        scored.sort(reverse=True)
        names = self.__dict__.get("_word_names")
        if names is None:  # building the name list costs tens of ms: once per model, not per sentence
            names = self._word_names = self.word.get_feature_names_out()
        return [str(names[col]) for score, col in scored[:n] if score > 0]


@dataclass
class Evaluation:
    accuracy: float
    macro_f1: float
    per_label: Dict[str, Dict[str, float]]
    labels: List[str]
    confusion: List[List[int]]
    n_train: int
    n_test: int

    def report(self, title: str) -> str:
        """A plain-text Dutch report: accuracy, macro-F1, per-label scores, confusion matrix."""
        lines = [
            title,
            f"Trainingszinnen: {self.n_train}, testzinnen (nooit getraind): {self.n_test}",
            f"Nauwkeurigheid (accuracy): {self.accuracy:.3f}",
            f"Macro-F1: {self.macro_f1:.3f}",
            "",
            f"{'label':<14}{'precisie':>9}{'recall':>9}{'F1':>7}{'aantal':>8}",
        ]
        for label in self.labels:
            s = self.per_label[label]
            lines.append(f"{label:<14}{s['precision']:>9.2f}{s['recall']:>9.2f}{s['f1']:>7.2f}{int(s['support']):>8}")
        lines += ["", "Verwarringsmatrix (rij = juist label, kolom = voorspeld):"]
        short = [label[:6] for label in self.labels]
        lines.append(" " * 14 + "".join(f"{s:>7}" for s in short))
        for label, row in zip(self.labels, self.confusion):
            lines.append(f"{label:<14}" + "".join(f"{v:>7}" for v in row))
        return "\n".join(lines)


def evaluate(classifier: TextClassifier, texts: Sequence[str], labels: Sequence[str], n_train: int) -> Evaluation:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    predicted = classifier.predict_many(texts)
    names = sorted(set(labels) | set(classifier.labels))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=names, zero_division=0
    )
    return Evaluation(
        accuracy=float(accuracy_score(labels, predicted)),
        macro_f1=float(f1_score(labels, predicted, labels=names, average="macro", zero_division=0)),
        per_label={
            name: {"precision": float(p), "recall": float(r), "f1": float(f), "support": float(s)}
            for name, p, r, f, s in zip(names, precision, recall, f1, support)
        },
        labels=names,
        confusion=confusion_matrix(labels, predicted, labels=names).tolist(),
        n_train=n_train,
        n_test=len(texts),
    )
