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
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from bot.lemmas import lemma_text


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
    for _label, items in sorted(by_label.items()):
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


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\s*\n+\s*")


def segments(text: str) -> List[Tuple[int, int]]:
    """Character spans of the sentences of ``text`` (split after . ! ? … and at line breaks).

    Pieces without a letter are dropped; a text without sentence ends is one span.
    """
    spans: List[Tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end and re.search(r"[^\W\d_]", text[begin:end]):
            result.append((begin, end))
    return result


class TextClassifier:
    """TF-IDF (lemma words + characters) + logistic regression, with explanations.

    ``temperature`` rescales the model's scores so its confidence matches how often it is right
    (fitted on out-of-fold predictions by ``calibrate``; 1.0 = uncalibrated).
    """

    temperature: float = 1.0

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

    def _proba(self, matrix):
        scores = self.model.decision_function(matrix)
        if scores.ndim == 1:  # two classes
            scores = np.stack([-scores, scores], axis=1)
        scores = scores / max(self.temperature, 1e-3)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        matrix = self._features([text])
        probs = self._proba(matrix)[0]
        best = int(np.argmax(probs))
        label = self.labels[best]
        return Prediction(
            label=label,
            confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs, strict=False)},
            features=self._explain(matrix, best, n_features),
        )

    def predict_many(self, texts: Sequence[str]) -> List[str]:
        return list(self.model.predict(self._features(texts)))

    def proba_many(self, texts: Sequence[str]) -> List[Dict[str, float]]:
        probs = self._proba(self._features(texts))
        return [{lab: float(p) for lab, p in zip(self.labels, row, strict=False)} for row in probs]

    def _explain(self, matrix, label_index: int, n: int) -> List[str]:
        """The word n-grams of the sentence that pushed most towards the predicted label."""
        n_word = len(self.word.vocabulary_)
        coef = self.model.coef_[label_index] if self.model.coef_.shape[0] > 1 else self.model.coef_[0]
        row = matrix[0].tocoo()
        scored = [(value * coef[col], col) for col, value in zip(row.col, row.data, strict=False) if col < n_word]
        scored.sort(reverse=True)
        names = self.__dict__.get("_word_names")
        if names is None:  # building the name list costs tens of ms: once per model, not per sentence
            names = self._word_names = self.word.get_feature_names_out()
        return [str(names[col]) for score, col in scored[:n] if score > 0]


_WHITE_SPACES = re.compile(r"\s\s+")


class CompiledClassifier:
    """A trained ``TextClassifier`` as plain vocabularies and numpy arrays: the same numbers, but
    loading it does not import scikit-learn (about a second on a cold start). ``compile`` makes it."""

    def __init__(self, model: TextClassifier):
        self.labels = list(model.labels)
        self.temperature = float(model.temperature)
        self.word_ngrams = tuple(model.word.ngram_range)
        self.char_ngrams = tuple(model.char.ngram_range)
        self.word_vocab = {str(k): int(v) for k, v in model.word.vocabulary_.items()}
        self.char_vocab = {str(k): int(v) for k, v in model.char.vocabulary_.items()}
        self.word_idf = np.asarray(model.word.idf_, dtype=np.float64)
        self.char_idf = np.asarray(model.char.idf_, dtype=np.float64)
        self.coef = np.asarray(model.model.coef_, dtype=np.float64)
        self.intercept = np.asarray(model.model.intercept_, dtype=np.float64)
        self.word_names = {v: k for k, v in self.word_vocab.items()}

    # -- the two TF-IDF blocks, exactly as scikit-learn computes them (sublinear tf, l2 norm) -----
    def _word_grams(self, text: str) -> List[str]:
        toks = lemma_text(text).lower().split()
        low, high = self.word_ngrams
        grams = list(toks) if low == 1 else []
        for n in range(max(low, 2), min(high + 1, len(toks) + 1)):
            grams += [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        return grams

    def _char_grams(self, text: str) -> List[str]:
        low, high = self.char_ngrams
        grams: List[str] = []
        for word in _WHITE_SPACES.sub(" ", text.lower()).split():
            word = " " + word + " "
            for n in range(low, high + 1):
                offset = 0
                grams.append(word[offset : offset + n])
                while offset + n < len(word):
                    offset += 1
                    grams.append(word[offset : offset + n])
                if offset == 0:
                    break
        return grams

    @staticmethod
    def _block(grams: List[str], vocab: Dict[str, int], idf, shift: int) -> Dict[int, float]:
        counts: Dict[int, int] = {}
        for gram in grams:
            column = vocab.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        values = {col: (1.0 + np.log(count)) * idf[col] for col, count in counts.items()}
        norm = float(np.sqrt(sum(v * v for v in values.values()))) or 1.0
        return {col + shift: v / norm for col, v in values.items()}

    def _vector(self, text: str) -> Dict[int, float]:
        vector = self._block(self._word_grams(text), self.word_vocab, self.word_idf, 0)
        vector.update(self._block(self._char_grams(text), self.char_vocab, self.char_idf, len(self.word_vocab)))
        return vector

    def _scores(self, vector: Dict[int, float]) -> np.ndarray:
        columns = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
        values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        scores = self.coef[:, columns] @ values + self.intercept
        if scores.shape[0] == 1:  # two classes
            scores = np.array([-scores[0], scores[0]])
        return scores

    def _proba(self, vector: Dict[int, float]) -> np.ndarray:
        scores = self._scores(vector) / max(self.temperature, 1e-3)
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        vector = self._vector(text)
        probs = self._proba(vector)
        best = int(np.argmax(probs))
        coef = self.coef[best] if self.coef.shape[0] > 1 else self.coef[0]
        n_word = len(self.word_vocab)
        scored = sorted(((value * coef[col], col) for col, value in vector.items() if col < n_word), reverse=True)
        return Prediction(
            label=self.labels[best],
            confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs, strict=False)},
            features=[self.word_names[col] for score, col in scored[:n_features] if score > 0],
        )

    def predict_many(self, texts: Sequence[str]) -> List[str]:
        return [self.labels[int(np.argmax(self._scores(self._vector(t))))] for t in texts]

    def proba_many(self, texts: Sequence[str]) -> List[Dict[str, float]]:
        return [
            {lab: float(p) for lab, p in zip(self.labels, self._proba(self._vector(t)), strict=False)} for t in texts
        ]


Classifier = Union[TextClassifier, CompiledClassifier]


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
        for label, row in zip(self.labels, self.confusion, strict=False):
            lines.append(f"{label:<14}" + "".join(f"{v:>7}" for v in row))
        return "\n".join(lines)


def evaluate(
    classifier: Optional["Classifier"], texts: Sequence[str], labels: Sequence[str], n_train: int,
    names: Sequence[str] = (), predicted: Sequence[str] = (),
) -> Evaluation:
    """Scores over ``names`` (default: every label seen); a prediction outside them counts as a miss.
    Without ``predicted`` the ``classifier`` reads ``texts``; with it, ``classifier`` may be None."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    if not predicted:
        if classifier is None:
            raise ValueError("evaluate: give a classifier or the predictions")
        predicted = classifier.predict_many(texts)
    predicted = list(predicted)
    names = sorted(names or (set(labels) | set(classifier.labels if classifier else predicted)))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=names, zero_division=0
    )
    return Evaluation(
        accuracy=float(accuracy_score(labels, predicted)),
        macro_f1=float(f1_score(labels, predicted, labels=names, average="macro", zero_division=0)),
        per_label={
            name: {"precision": float(p), "recall": float(r), "f1": float(f), "support": float(s)}
            for name, p, r, f, s in zip(names, precision, recall, f1, support, strict=False)
        },
        labels=names,
        confusion=confusion_matrix(labels, predicted, labels=names).tolist(),
        n_train=n_train,
        n_test=len(texts),
    )


def calibrate(
    make: "type", groups: Sequence[Group], folds: int = 5
) -> float:
    """Temperature that makes confidences honest: minimises the log-loss of out-of-fold predictions
    (grouped folds, so paraphrases of one sentence never help predict each other)."""
    items = sorted(groups, key=lambda g: hashlib.sha1(g.id.encode()).hexdigest())
    logits: List[np.ndarray] = []
    gold: List[int] = []
    labels = sorted({g.label for g in items})
    for fold in range(folds):
        train = [g for i, g in enumerate(items) if i % folds != fold]
        test = [g for i, g in enumerate(items) if i % folds == fold]
        if not test or len({g.label for g in train}) < len(labels):
            continue
        model = make()
        model.fit(*flatten(train))
        texts, y = flatten(test)
        scores = model.model.decision_function(model._features(texts))
        if scores.ndim == 1:  # two classes: one score for the second label, as in ``_proba``
            scores = np.stack([-scores, scores], axis=1)
        order = [model.labels.index(lab) for lab in labels]
        logits.append(scores[:, order])
        gold += [labels.index(lab) for lab in y]
    if not logits:
        return 1.0
    all_scores = np.vstack(logits)
    target = np.array(gold)
    best, best_loss = 1.0, float("inf")
    for temperature in np.arange(0.2, 4.01, 0.05):
        scaled = all_scores / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(log_probs[np.arange(len(target)), target].mean())
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return round(best, 2)


@dataclass
class ReliabilityRow:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = 5) -> List[ReliabilityRow]:
    """How often the classifier is right per confidence bin (does 70% mean 70%?)."""
    rows = []
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        chosen = [
            (c, ok)
            for c, ok in zip(confidences, correct, strict=False)
            if low <= c < high or (index == bins - 1 and c == 1.0)
        ]
        if chosen:
            rows.append(ReliabilityRow(low, high, len(chosen), sum(c for c, _ in chosen) / len(chosen),
                                       sum(ok for _, ok in chosen) / len(chosen)))
        else:
            rows.append(ReliabilityRow(low, high, 0, 0.0, 0.0))
    return rows


def reliability_report(rows: Sequence[ReliabilityRow]) -> List[str]:
    lines = [f"{'zekerheid':<12}{'aantal':>7}{'gem. zekerheid':>16}{'werkelijk goed':>16}"]
    for row in rows:
        if row.count:
            lines.append(f"{row.low:.1f}-{row.high:.1f}{'':<5}{row.count:>7}{row.mean_confidence:>16.2f}{row.accuracy:>16.2f}")
        else:
            lines.append(f"{row.low:.1f}-{row.high:.1f}{'':<5}{0:>7}{'-':>16}{'-':>16}")
    return lines


def coverage_table(
    confidences: Sequence[float], correct: Sequence[bool], thresholds: Sequence[float]
) -> List[Tuple[float, float, float]]:
    """(threshold, coverage, precision): which share gets an answer, and how often that answer is right."""
    rows = []
    total = max(len(confidences), 1)
    for threshold in thresholds:
        answered = [ok for c, ok in zip(confidences, correct, strict=False) if c >= threshold]
        precision = sum(answered) / len(answered) if answered else 0.0
        rows.append((threshold, len(answered) / total, precision))
    return rows
