"""The independent sentence sets (evaluatie/losse_zinnen*.yml for steps, losse_rolzinnen.yml for roles): clean
one-sentence utterances written outside the project, loaded and validated like the other held-out sets, never trained
on, and reported by `rustpunt evalueer stappen` and `rustpunt evalueer rollen`."""
import re
from collections import Counter

import pytest

from bot.heldout import (
    INDEPENDENT_ROLE_SENTENCE_SETS,
    INDEPENDENT_SENTENCE_SETS,
    HeldOutError,
    role_sentence_items,
    sentence_items,
)
from bot.roles.models import ROLE_IDS
from bot.steps.models import LABELS

GOOD_STEP = """
  - id: x-001
    stap: erkennen
    tegen: ouder
    zin: "Wat een zware week moet dat voor je zijn geweest."
"""
GOOD_ROLE = """
  - id: x-001
    rol: assertief
    spreker: ouder
    zin: "Ik wil dat we de overdracht voortaan bij school doen."
"""
# (file, loader, label field, labels, good item, the evaluation that reads it)
SETS = [(name, sentence_items, "stap", LABELS, GOOD_STEP, "stappen") for name in INDEPENDENT_SENTENCE_SETS] + [
    (name, role_sentence_items, "rol", ROLE_IDS, GOOD_ROLE, "rollen") for name in INDEPENDENT_ROLE_SENTENCE_SETS
]
NAMES = [entry[0] for entry in SETS]


def _normal(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


@pytest.mark.parametrize("name, load, field, labels, good, evaluation", SETS, ids=NAMES)
def test_an_independent_sentence_set_has_twelve_clean_sentences_per_label(name, load, field, labels, good, evaluation):
    items = load(name)
    assert Counter(getattr(item, field) for item in items) == {label: 12 for label in labels}
    assert len({item.id for item in items}) == len(items)
    assert len({_normal(item.zin) for item in items}) == len(items)
    for item in items:  # one clean sentence: a capital at the start, an end mark at the end
        assert item.zin[0].isupper() and item.zin.rstrip()[-1] in ".?!", item.id


def test_no_independent_sentence_is_a_training_sentence_or_in_another_set():
    from bot.roles.classifier import example_groups as role_groups
    from bot.steps.classifier import load_groups as step_groups

    trained = {_normal(sentence) for groups in (step_groups(), role_groups())
               for group in groups for sentence in group.sentences}
    seen: set = set()
    for name, load, *_ in SETS:
        sentences = {_normal(item.zin) for item in load(name)}
        assert not sentences & trained, name
        assert not sentences & seen, name
        seen |= sentences


def _broken_set(tmp_path, monkeypatch, name, text):
    import bot.heldout

    for other, _, _, _, good, _ in SETS:
        (tmp_path / other).write_text("items:" + good, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(bot.heldout, "evaluation_dir", lambda: tmp_path)


@pytest.mark.parametrize("name, load, field, labels, good, evaluation", SETS, ids=NAMES)
def test_a_malformed_sentence_is_reported_with_file_item_and_field(
        tmp_path, monkeypatch, name, load, field, labels, good, evaluation):
    who = "tegen" if field == "stap" else "spreker"
    _broken_set(tmp_path, monkeypatch, name, "items:" + good + f"""
  - id: x-002
    {field}: luisteren
    {who}: buurman
  - id: x-001
    {field}: {labels[0]}
    {who}: kind
    zin: "Nog een zin."
""")
    with pytest.raises(HeldOutError) as caught:
        load(name)
    message = str(caught.value)
    assert f"evaluatie/{name}, item 'x-002', veld 'zin': verplicht veld ontbreekt" in message
    assert f"item 'x-002', veld '{field}': onbekende " in message and "'luisteren'" in message
    assert f"item 'x-002', veld '{who}': onbekend" in message and "'buurman'" in message
    assert "item 'x-001', veld 'id': dubbel id" in message


@pytest.mark.parametrize("name, load, field, labels, good, evaluation", SETS, ids=NAMES)
def test_the_evaluation_stops_with_a_dutch_message_on_a_broken_sentence_set(
        tmp_path, monkeypatch, capsys, name, load, field, labels, good, evaluation):
    from bot.cli import main

    _broken_set(tmp_path, monkeypatch, name, "items:\n  - id: [niet afgesloten\n")
    assert main(["evalueer", evaluation]) == 1
    err = capsys.readouterr().err
    assert "De evaluatie kon niet draaien: een testbestand is niet in orde." in err
    assert re.search(rf"evaluatie/{re.escape(name)}: ongeldige YAML \(regel \d+", err)
