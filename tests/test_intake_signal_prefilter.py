"""The signal check skips phrases that cannot match (``may_match``: one of their words is not in the text) without
changing what it finds: the same hits as the slow path that matches every phrase, on every kaart question (every
kaart search runs the danger check), the texts of the intake tests and every turn of evaluatie/*.yml."""
from __future__ import annotations

import ast

import yaml

from bot.intake import signals as signals_module
from bot.intake.models import IntakeSignaal
from bot.intake.signals import find_signals
from bot.knowledge.loader import get_knowledge
from bot.paths import PROJECT_ROOT


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _texts(kaart: bool = True, evaluatie: int = 1):
    """Distinct texts: the kaart questions, the strings of the intake tests and every ``evaluatie``-th string of
    evaluatie/*.yml (0: none)."""
    knowledge = get_knowledge()
    texts = [question.vraag for kind in ("kaart_testvraag", "kaart_toetsvraag")
             for question in knowledge.entries.get(kind, {}).values()] if kaart else []
    for path in sorted((PROJECT_ROOT / "tests").glob("test_intake*.py")):
        texts += [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    turns = sorted({text for path in sorted((PROJECT_ROOT / "evaluatie").glob("*.yml"))
                    for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))})
    texts += turns[::evaluatie] if evaluatie else []
    return sorted({text for text in texts if " " in text.strip()})


def _hits(texts, signals):
    return [[(hit.signal_id, hit.trigger) for hit in find_signals(text, signals)] for text in texts]


def test_skipping_phrases_that_cannot_match_finds_the_same_signals(intake_knowledge, monkeypatch):
    """The danger signals (what a kaart search checks) on the kaart questions, the intake tests' texts and a quarter of
    the evaluatie turns (all of them take a minute; they were compared once, old tree against new, when the check
    came in); every signal on the intake tests' texts."""
    signals = [signal for signal in intake_knowledge.entries["intake_signaal"].values()
               if isinstance(signal, IntakeSignaal)]
    dangers = [signal for signal in signals if signal.soort == "gevaar"]
    texts, intake_texts = _texts(evaluatie=4), _texts(kaart=False, evaluatie=0)
    assert len(texts) > 3500 and len(intake_texts) > 500
    fast = _hits(texts, dangers) + _hits(intake_texts, signals)
    monkeypatch.setattr(signals_module, "may_match", lambda *args: True)  # the slow path: every phrase is matched
    slow = _hits(texts, dangers) + _hits(intake_texts, signals)
    assert fast == slow
    assert sum(1 for hits in slow if hits) > 500  # many texts hold a signal, so the comparison means something
    found = {signal_id for hits in slow for signal_id, _ in hits}
    assert {signal.id for signal in dangers} <= found  # every danger signal is found somewhere, and most others
    assert len(found) >= len(signals) - 2


def test_a_kaart_question_matches_only_the_few_phrases_whose_words_it_holds(intake_knowledge, monkeypatch):
    """The danger check every kaart search runs does not try each of its ~280 phrases on the question (that made a
    search almost three times slower): only those all of whose words are in it."""
    dangers = [signal for signal in intake_knowledge.entries["intake_signaal"].values()
               if isinstance(signal, IntakeSignaal) and signal.soort == "gevaar"]
    phrases = sum(len(signal.trefwoorden) + len(signal.zwakke_trefwoorden) + len(signal.uitzonderingen)
                  for signal in dangers)
    assert phrases > 200
    tried = []
    real_find_all = signals_module.find_all
    monkeypatch.setattr(signals_module, "find_all", lambda tokens, pattern: tried.append(pattern)
                        or real_find_all(tokens, pattern))
    assert find_signals("zoon van 14 uit Huizen spijbelt al weken en slaapt slecht, waar kan ik hem naar verwijzen?",
                        dangers) == []
    assert len(tried) < 5
    hits = find_signals("moeder vertelt dat haar ex haar slaat waar de kinderen bij zijn, wat nu?", dangers)
    assert [hit.signal_id for hit in hits] and len(tried) < 25
