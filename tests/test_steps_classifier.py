"""Contract and quality floor of the step classifier (``bot.steps.classifier``)."""
import json

import pytest

from bot.steps.classifier import NO_STEP, classify_step, evaluate_steps, split, tip_for
from bot.steps.models import LABELS


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("Wat ben jij boos, en ik hoor ook wanhoop in je stem.", "erkennen"),
        ("Ik bel je ex-vrouw wel even op om het voor je te regelen.", "redden"),
        ("Wat is er zo belangrijk voor je dat je hier zo boos om wordt?", "behoefte"),
        ("Welke mogelijkheden zie jij om rustiger te reageren op haar berichten?", "opties"),
    ],
)
def test_clear_sentences_get_their_label_and_a_dutch_tip(sentence, label):
    result = classify_step(sentence)
    assert result.stap == label
    assert 0.0 <= result.zekerheid <= 1.0
    assert result.tip == tip_for(label)
    assert result.tip.startswith(("Goed:", "Pas op:"))
    assert result.kenmerken and all(isinstance(k, str) and k for k in result.kenmerken)


def test_json_contract_has_exactly_four_keys():
    payload = classify_step("Hoe reageerde hij daarop, en wat deed jij toen?").to_dict()
    assert set(payload) == {"stap", "zekerheid", "kenmerken", "tip"}
    assert payload["stap"] in set(LABELS) | {NO_STEP}
    assert json.loads(json.dumps(payload, ensure_ascii=False)) == payload


@pytest.mark.parametrize(
    "text, reason_word",
    [
        ("", "geen zin"),
        ("   ", "geen zin"),
        ("ok", "Te kort"),
        ("What do you think about the weather today?", "geen Nederlands"),
        ("'; DROP TABLE records;--", "geen Nederlands"),
        ("1234 5678 !!! ???", "cijfers of tekens"),
        ("Wat ben jij boos. " * 60, "te lang"),
    ],
)
def test_unusable_input_gives_no_step_with_a_dutch_reason(text, reason_word):
    result = classify_step(text)
    assert result.stap == NO_STEP
    assert result.zekerheid == 0.0
    assert reason_word in result.tip
    assert set(result.to_dict()) == {"stap", "zekerheid", "kenmerken", "tip"}


def test_low_confidence_becomes_no_step():
    result = classify_step("Wat ben jij boos, en ik hoor ook wanhoop in je stem.", threshold=1.01)
    assert result.stap == NO_STEP
    assert "geen duidelijke stap" in result.tip


def test_split_keeps_paraphrase_groups_apart():
    train, test = split()
    assert {g.id for g in train}.isdisjoint({g.id for g in test})
    train_sentences = {s for g in train for s in g.sentences}
    assert not train_sentences & {s for g in test for s in g.sentences}
    assert {g.label for g in test} == set(LABELS)


def test_accuracy_floor_on_held_out_split():
    # measured: accuracy 0.63, macro-F1 0.63 (see `rustpunt evalueer stappen`); floor well below
    result = evaluate_steps()
    assert result.evaluation.n_test >= 100
    assert result.evaluation.accuracy >= 0.45
    assert result.evaluation.macro_f1 >= 0.40
    assert sorted(result.evaluation.labels) == sorted(LABELS)


@pytest.mark.parametrize("sentence", [
    "Ik ga niet uitzoeken of ze die avond nou echt koorts had.",
    "Wie er gelijk heeft, ga ik niet bepalen.",
    "Het is niet aan mij om te zeggen wie er fout zat.",
    # refusing to judge (session 10)
    "Of hij die avond nou te laat was of niet, daar ga ik niet over oordelen.",
    "Ik ga niet oordelen wie er gelijk had over de vakantie.",
])
def test_refusing_to_settle_the_facts_or_who_is_right_is_a_stance(sentence):
    assert classify_step(sentence).stap == "visie"


def test_saying_one_cannot_decide_what_the_other_does_is_no_refusal_to_judge():
    assert "geen oordeel over de feiten" not in classify_step("Ik kan niet bepalen of hij komt.").kenmerken


def test_an_encouragement_to_think_aloud_is_no_move_and_the_question_beside_it_leads():
    for turn in ("Wat zou je zelf kunnen proberen? Je mag gewoon hardop denken.",
                 "Welke ideeën heb je om het overdragen rustiger te maken? Noem maar wat, er is geen fout antwoord.",
                 "Hoe zou je het anders kunnen aanpakken? Het hoeft niet perfect te zijn.",
                 "Wat kun je doen om minder te piekeren? Bedenk gerust een paar dingen."):
        result = classify_step(turn)
        assert result.stap == "opties", turn
        assert result.valkuilen == [], turn
    # a pitfall beside an encouragement is still flagged
    assert classify_step("Bedenk maar wat, ik ga het wel voor je regelen.").stap == "redden"
