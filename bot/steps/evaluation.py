"""``rustpunt evalueer stappen``: the step recogniser on clean sentences (held-out example groups and the
independent sentence sets written outside the project), real turns per register, a learning curve, the
reliability table and the coverage/precision table (see ``bot.heldout``)."""
from __future__ import annotations

import time
from typing import List, Tuple

from bot import heldout, textclass
from bot.steps import classifier
from bot.steps.models import LABELS


def evaluate_steps(knowledge=None, with_curve: bool = True) -> heldout.RecognitionReport:
    knowledge = classifier._knowledge(knowledge)
    sentence_sets = {name: heldout.sentence_items(name) for name in heldout.INDEPENDENT_SENTENCE_SETS}  # broken: stop
    train_groups, test_groups = classifier.split(knowledge)
    test_groups = [g for g in test_groups if g.label in LABELS and not heldout.is_register_group(g.id)]
    texts, labels = textclass.flatten(test_groups)
    test_model = classifier.get_model(held_out=True)
    forced = []
    clean_conf: List[Tuple[float, bool]] = []
    abstained = sure_right = sure_total = 0
    for text, label in zip(texts, labels, strict=False):
        read = classifier.classify_step(text, knowledge, threshold=0.0, model=test_model)
        forced.append(read.stap)
        clean_conf.append((read.zekerheid, read.stap == label))
        unsure = read.zekerheid < classifier.CONFIDENCE_THRESHOLD or read.stap == classifier.NO_STEP
        abstained += unsure
        if not unsure:
            sure_total += 1
            sure_right += read.stap == label
    n_train = sum(len(g.sentences) for g in train_groups)
    clean = textclass.evaluate(test_model, texts, labels, n_train, names=LABELS, predicted=forced)

    model = classifier.get_model()
    notes, sentence_misses, independent_f1 = heldout.independent_sentence_report(
        heldout.INDEPENDENT_SENTENCE_SETS,
        {name: [(item.zin, item.stap) for item in items] for name, items in sentence_sets.items()},
        lambda texts: [classifier.classify_step(text, knowledge, threshold=0.0, model=model).stap for text in texts],
        LABELS,
    )
    turns = [t for t in heldout.conversation_turns() if t.speaker == "professional"]
    tally = heldout.TurnTally()
    turn_conf: List[Tuple[float, bool]] = []
    classifier.classify_step(turns[0].text, knowledge, model=model)  # warm-up: timing excludes loading
    start = time.perf_counter()
    for turn in turns:
        read = classifier.classify_step(turn.text, knowledge, model=model)
        tally.add(turn.register, read.stap in turn.steps, f"{'/'.join(turn.steps)} → {read.stap}", turn.text,
                  turn.source)
        forced_read = classifier.classify_step(turn.text, knowledge, threshold=0.0, model=model)
        if turn.source == heldout.CONVERSATION_FILE:  # the tables stay those of the first conversation file
            turn_conf.append((forced_read.zekerheid, forced_read.stap in turn.steps))
    elapsed = (time.perf_counter() - start) / 2  # every turn was read twice
    for turn in turns:  # the same turns dictated: no punctuation, no capitals (not in the timing or the tables)
        read = classifier.classify_step(heldout.dictated(turn.text), knowledge, model=model)
        tally.add(heldout.DICTATED, read.stap in turn.steps, f"{'/'.join(turn.steps)} → {read.stap}", turn.text,
                  turn.source)
    tally.misses += sentence_misses
    both = [(c, ok) for c, ok in clean_conf + turn_conf]
    report = heldout.build_report(
        "Stappenherkenner", clean, texts, labels, LABELS, train_groups, abstained, (sure_right, sure_total), tally,
        [c for c, _ in both], [ok for _, ok in both], classifier.CONFIDENCE_THRESHOLD,
        elapsed / max(len(turns), 1), with_curve, notes,
    )
    report.independent_f1 = independent_f1
    return report
