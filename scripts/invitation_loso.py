"""Experiment: a learned fallback for "what does this persona line invite?" (adopted in session 9 after one blind
measurement on context_7.yml; the product's version is bot/roleplay/learned_invitation.py, see docs/cijfers.md).

This script reproduces the experiment: it trains its own model in memory (the same training pairs and settings as
the stored recogniser ``uitnodiging``) and compares the context rules alone (``rule_invitation``; for an old
commit, its ``invitation``) with the rules plus that fallback, so the product's stored model is never used here.

A sentence classifier (``bot.textclass.TextClassifier``, the project's own: lemma words + characters, logistic
regression) learns from persona lines what step or pitfall they invite: the 'ambigu' items of the seen context
sets (persona line -> the item's first right move; 'helder' items are left out, their line pulls elsewhere on
purpose) plus, with ``SCENARIO_LEVELS=hoog,midden,laag``, the scenarios' persona answers labelled with the move
that triggers them (not 'oordelen' or 'onduidelijk'). The move reader uses it only where the context rules find
no invitation (``bot.roleplay.context.invitation`` returns None) and the model is at least THRESHOLD sure.

Three ways to run it (from the checkout root, with PYTHONPATH=. in a worktree that shares another checkout's .venv;
only the seen sets are read unless a set is named with --test):

1. Leave one set out, current rules:  .venv/bin/python scripts/invitation_loso.py [THRESHOLD ...]
   trains on five of context.yml (both parts), context_2.yml ... context_6.yml and reads the sixth.
2. Rules from before they saw the test set:
   .venv/bin/python scripts/invitation_loso.py --rules COMMIT --test SET[,SET] --train SET,... [THRESHOLD ...]
   reads with bot/roleplay/context.py as it was at COMMIT (for example cb70a2e, before round 11 saw
   context_5.yml and context_6.yml; f96c412, before round 12 saw context_6.yml): new wordings for those rules.
3. The report of `evalueer rollenspel` without vs with the fallback (trained on all six seen sets):
   .venv/bin/python scripts/invitation_loso.py --paths [THRESHOLD]
   (every context set outside INVITATION_TRAINING_SETS and oefenpaden_8.yml are taken out of the registries first,
   so a blind set is never read).
SHOW=1 prints every item whose move the fallback changes.
"""
from __future__ import annotations

import difflib
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot import textclass
from bot.heldout import INVITATION_TRAINING_SETS, context_items
from bot.roleplay import context as rules
from bot.roleplay import learned_invitation, moves
from bot.roleplay.moves import MoveClassifier

SEEN = INVITATION_TRAINING_SETS  # the seen sets (bot/heldout.py); a blind set is never among them
KEYS = ("all", "ambigu", "helder", "none-ambigu", "none-helder")
Pair = Tuple[str, str]


def scenario_pairs() -> List[Pair]:
    """Persona answers of the scenarios, labelled with the move that triggers them (bands in ``SCENARIO_LEVELS``)."""
    levels = [level for level in os.environ.get("SCENARIO_LEVELS", "").split(",") if level]
    return _pairs(learned_invitation.training_groups(sets=(), levels=levels))


def item_pairs(names: Sequence[str]) -> List[Pair]:
    """The ambigu persona lines of the context sets ``names``, labelled with their first right move."""
    return _pairs(learned_invitation.training_groups(sets=names, levels=()))


def _pairs(groups: Sequence[textclass.Group]) -> List[Pair]:
    """The product's training groups (``learned_invitation.training_groups``) as (line, move) pairs."""
    return [(line, group.label) for group in groups for line in group.sentences]


def fit(pairs: Sequence[Pair]) -> Callable[[str], textclass.Prediction]:
    model = textclass.CompiledClassifier(textclass.TextClassifier().fit([t for t, _ in pairs], [m for _, m in pairs]))
    return lru_cache(maxsize=None)(model.predict)


def install(module, predict: Callable[[str], textclass.Prediction], threshold: Optional[float]) -> Callable[[], None]:
    """Read with the rules plus this script's fallback (threshold None: the rules only); returns how to undo it.

    Since the fallback is in the product, its hook (``learned_invitation``, in the module that defines
    ``invitation``) is replaced, so every rule that asks for the invitation gets this script's model; rules from an
    older commit, without the hook, get their ``invitation`` wrapped as in the original experiment."""

    def fallback(line: str) -> Optional[str]:
        if threshold is None or not line.strip():
            return None
        prediction = predict(line)
        return prediction.label if prediction.confidence >= threshold else None

    home = sys.modules.get(getattr(module.invitation, "__module__", ""), module)
    if hasattr(home, "learned_invitation"):
        hooked = home.learned_invitation
        home.learned_invitation = fallback
        return lambda: setattr(home, "learned_invitation", hooked)
    original = module.invitation

    def invitation(context):
        move = original(context)
        return move if move is not None else fallback(context.last_line)

    module.invitation = invitation
    return lambda: setattr(module, "invitation", original)


def rules_only(module):
    """The rules alone: ``rule_invitation`` since the fallback is in the product, else ``invitation`` (older)."""
    home = sys.modules.get(getattr(module.invitation, "__module__", ""), module)
    return getattr(home, "rule_invitation", None) or module.invitation


def old_rules(commit: str):
    """bot/roleplay/context.py as it was at ``commit``, loaded as its own module."""
    source = subprocess.run(["git", "show", f"{commit}:bot/roleplay/context.py"], check=True,
                            capture_output=True, text=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location("old_context_rules", handle.name)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_context_rules"] = module
    spec.loader.exec_module(module)
    return module


def read_set(module, reader, name: str, predict, thresholds) -> Dict[Optional[float], Dict[str, List[float]]]:
    """Counts per threshold (None = rules only) on one context set."""
    items = context_items(name)
    rules_alone = rules_only(module)
    result: Dict[Optional[float], Dict[str, List[float]]] = {}
    before: Dict[str, str] = {}
    for threshold in (None, *thresholds):
        undo = install(module, predict, threshold)
        row = result.setdefault(threshold, {})
        start = time.perf_counter()
        for item in items:
            context = module.Context.of(item.persona, item.stadium)
            got = reader(item.tekst, context=context).zet
            none = rules_alone(context) is None
            for key in ("all", item.soort) + ((f"none-{item.soort}",) if none else ()):
                counts = row.setdefault(key, [0, 0])
                counts[0] += got in item.stap
                counts[1] += 1
            if threshold is None:
                before[item.id] = got
            elif before[item.id] != got and os.environ.get("SHOW"):
                guess = predict(item.persona)
                print(f"  changed [{name} {item.id}] {'/'.join(item.stap)}: {before[item.id]} -> {got} "
                      f"(p>={threshold}; model {guess.label} {guess.confidence:.2f}): {item.persona} -> {item.tekst}")
        row["ms"] = [round((time.perf_counter() - start) * 1000 / len(items), 2), 1]
        undo()
    return result


def measure(args: List[str]) -> None:
    module, tests, trains = rules, list(SEEN), list(SEEN)
    if args[:1] == ["--rules"]:
        module = old_rules(args[1])
        moves.conversation_context = module
        tests, trains, args = args[3].split(","), args[5].split(","), args[6:]
    thresholds = [float(t) for t in args] or [0.3]
    base = MoveClassifier()
    step = lru_cache(maxsize=None)(base.step_classifier)
    reader = MoveClassifier(step_classifier=step, lexicon=base.lexicon)
    extra = scenario_pairs()
    totals = {held: read_set(module, reader, held, fit(item_pairs([n for n in trains if n != held]) + extra),
                             thresholds) for held in tests}
    for threshold in (None, *thresholds):
        print("== rules only" if threshold is None else f"== rules + fallback (p >= {threshold})")
        summed = {key: [0, 0] for key in KEYS}
        for held in tests:
            row = totals[held][threshold]
            for key in KEYS:
                summed[key][0] += row.get(key, [0, 0])[0]
                summed[key][1] += row.get(key, [0, 0])[1]
            print(f"  {held:<14} " + ", ".join(f"{k} {row.get(k, [0, 0])[0]}/{row.get(k, [0, 0])[1]}" for k in KEYS)
                  + f", ms/turn {row['ms'][0]}")
        print("  TOTAL          " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in summed.items()))


def paths(threshold: float) -> None:
    """The `evalueer rollenspel` report (seen sets only) with the rules only and with the fallback."""
    from bot import heldout
    from bot.roleplay.evaluation import evaluate_paths, evaluation_report

    for name in list(heldout.INDEPENDENT_CONTEXT_SETS):  # blind (not in the training list): never read here
        if name not in SEEN:
            heldout.INDEPENDENT_CONTEXT_SETS.pop(name)
    heldout.PRACTICE_PATH_SETS.pop("oefenpaden_8.yml", None)
    predict = fit(item_pairs(SEEN) + scenario_pairs())
    reports = []
    for fallback in (None, threshold):
        undo = install(rules, predict, fallback)
        start = time.perf_counter()
        reports.append(evaluation_report(evaluate_paths()).splitlines())
        print(f"{'rules only' if fallback is None else 'rules + fallback'}: {time.perf_counter() - start:.1f} s")
        undo()
    for line in difflib.unified_diff(reports[0], reports[1], "rules only", "rules + fallback", n=0, lineterm=""):
        print(line)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--paths"]:
        paths(float(sys.argv[2]) if len(sys.argv) > 2 else 0.3)
    else:
        measure(sys.argv[1:])
