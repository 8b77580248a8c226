"""``rustpunt evalueer rollen``: the role recogniser on clean sentences (held-out example groups,
model trained on the training split only; the independent sentence sets, product model), on parent and
child turns of the held-out conversations per register, a learning curve, the reliability table and the
coverage/precision table for "geen duidelijke rol" (see ``bot.heldout``)."""
from __future__ import annotations

import time
from typing import List, Optional, Tuple

from bot import heldout
from bot.roles import analyse
from bot.roles.analyse import GEEN_ROL
from bot.roles.models import NEUTRAL, ROLE_IDS
from bot.roles.signals import find_signals, signal_counts
from bot.textclass import evaluate, flatten


def forced_choice(classifier, texts: List[str]) -> List[str]:
    """The best role of classifier + signals for each sentence (never "geen duidelijke rol")."""
    from bot.roles.classifier import combine, read  # lazy: loads scikit-learn: only when evaluating

    predicted = []
    for text in texts:
        scores = combine(read(classifier, text).probabilities, signal_counts(find_signals(text)))
        roles = {role: score for role, score in scores.items() if role in ROLE_IDS}
        predicted.append(max(roles, key=lambda role: roles[role]) if roles else NEUTRAL)
    return predicted


def _best(result):
    """The best-scoring role and its score, also when the analysis answered "geen duidelijke rol"."""
    if not result.scores:
        return None, 0.0
    best = max(result.scores, key=result.scores.get)
    return best, float(result.scores[best])


def _right(result, expected: Optional[str]) -> bool:
    return result.rol == (GEEN_ROL if expected == "geen" else expected)


# The conversation files the turn table below is made of: seen ones only (gesprekken_2.yml was measured blind once in
# session 25 and is tuning data since), so a blind file added later never feeds the choice of a threshold.
SEEN_CONVERSATION_FILES = (heldout.CONVERSATION_FILE, "gesprekken_2.yml")


def turn_coverage(answers: List[Tuple[str, str, float]]) -> List[Tuple[float, float, float, float]]:
    """(threshold, share of the turns that get a role, share of those roles that is right, share of all turns right)
    when a role is named only from ``threshold`` on the turn's certainty. ``answers``: (expected role or "geen", the
    role read or ``GEEN_ROL``, its certainty). Unlike the clean-sentence table it counts the turns without a role: a
    role named on one of them is wrong, "geen duidelijke rol" on one of them is right."""
    rows = []
    for threshold in heldout.THRESHOLDS:
        named = [expected == got for expected, got, sure in answers if got != GEEN_ROL and sure >= threshold]
        right = sum(named) + sum(1 for expected, got, sure in answers
                                 if expected == "geen" and (got == GEEN_ROL or sure < threshold))
        rows.append((threshold, len(named) / max(len(answers), 1), sum(named) / max(len(named), 1),
                     right / max(len(answers), 1)))
    return rows


def _turn_coverage_lines(answers: List[Tuple[str, str, float]]) -> List[str]:
    without = sum(1 for expected, _, _ in answers if expected == "geen")
    files = ", ".join(SEEN_CONVERSATION_FILES)
    lines = ["", f"Dekking en precisie op de ouder- en kindbeurten van de geziene gesprekken ({files};",
             f"{len(answers)} beurten, waarvan {without} zonder rol): een rol alleen vanaf de drempel op de "
             "zekerheid van de hele beurt.",
             f"{'drempel':<10}{'rol genoemd':>12}{'precisie':>10}{'goed (ook geen rol)':>21}"]
    for threshold, named, precision, right in turn_coverage(answers):
        mark = "  <- gekozen" if abs(threshold - analyse.MIN_CONFIDENCE) < 1e-9 else ""
        lines.append(f"{threshold:<10.2f}{named:>12.0%}{precision:>10.0%}{right:>21.0%}{mark}")
    return lines


def evaluate_roles(with_curve: bool = True) -> heldout.RecognitionReport:
    from bot.roles.classifier import get_classifier, train_test_groups  # lazy: loads scikit-learn: only when evaluating

    sentence_sets = {name: heldout.role_sentence_items(name) for name in heldout.INDEPENDENT_ROLE_SENTENCE_SETS}
    train_groups, test_groups = train_test_groups()
    test_groups = [g for g in test_groups if g.label in ROLE_IDS and not heldout.is_register_group(g.id)]
    texts, labels = flatten(test_groups)
    n_train = len(flatten(train_groups)[0])
    test_model = get_classifier(held_out=True)
    clean = evaluate(test_model, texts, labels, n_train, names=ROLE_IDS, predicted=forced_choice(test_model, texts))
    confidences, correct = [], []
    abstained = sure_right = sure_total = 0
    for text, label in zip(texts, labels, strict=False):
        result = analyse.analyse_role(text, test_model)
        abstained += not result.clear
        if result.clear:
            sure_total += 1
            sure_right += result.rol == label
        best, score = _best(result)
        confidences.append(score)
        correct.append(best == label)

    model = get_classifier()
    sentence_notes, sentence_misses, independent_f1 = heldout.independent_sentence_report(
        heldout.INDEPENDENT_ROLE_SENTENCE_SETS,
        {name: [(item.zin, item.rol) for item in items] for name, items in sentence_sets.items()},
        lambda texts: forced_choice(model, texts), ROLE_IDS,
    )
    turns = [t for t in heldout.conversation_turns() if t.speaker != "professional"]
    tally = heldout.TurnTally()
    answers: List[Tuple[str, str, float]] = []  # the turns of the seen files, for the turn coverage table
    analyse.analyse_role(turns[0].text, model)  # warm-up: timing excludes loading
    start = time.perf_counter()
    for turn in turns:
        result = analyse.analyse_role(turn.text, model)
        tally.add(turn.register, _right(result, turn.role), f"{turn.role} → {result.rol}", turn.text, turn.source)
        if turn.source in SEEN_CONVERSATION_FILES:
            answers.append((turn.role or "geen", result.rol, result.zekerheid))
        if turn.role != "geen" and turn.source == heldout.CONVERSATION_FILE:  # tables: the first file's turns
            best, score = _best(result)
            confidences.append(score)
            correct.append(best == turn.role)
    elapsed = time.perf_counter() - start
    tally.misses += sentence_misses
    report = heldout.build_report(
        "Rollenherkenner", clean, texts, labels, ROLE_IDS, train_groups, abstained, (sure_right, sure_total), tally,
        confidences, correct, analyse.MIN_CONFIDENCE, elapsed / max(len(turns), 1), with_curve,
        notes=[
            "",
            "Let op: de zekerheid in deze tabellen is die van de volledige analyse (herkenner plus signalen);",
            "'geen duidelijke rol' valt onder de drempel of heeft te weinig voorsprong op de tweede rol.",
            *_turn_coverage_lines(answers),
            *sentence_notes,
        ],
    )
    report.independent_f1 = independent_f1
    return report
