"""Session 27: where a sure pitfall sentence takes over the read of a turn the step reader read as a step, the move
keeps the signals of that pitfall sentence (they were empty), and the debrief shows them after "Herkend aan"."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import Engine, Move
from bot.roleplay.moves import MoveClassifier

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
MDO = KNOWLEDGE.get("scenario", "mdo-moeder-dochter-ruzie")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
TURN = ("Fleur, ik vind het knap dat je hier zit hoor. Maar je snapt toch ook wel dat je moeder zich zorgen maakt als "
        "je om twee uur 's nachts nog niet thuis bent? Daar moet je je echt aan houden. Wat heb je nodig om weer naar "
        "school te gaan?")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


def test_a_sure_pitfall_that_takes_over_keeps_its_own_signals(classify):
    move = classify(TURN)
    assert move.stap_label != move.zet  # the step reader read a step; the sure pitfall sentence leads
    assert move.signalen
    sentence = "daar moet je je echt aan houden."
    assert all(word in sentence for signal in move.signalen for word in signal.lower().split())


def test_the_debrief_shows_the_signals_of_a_pitfall_turn(classify):
    engine = Engine(MDO, classify=classify, seed=0)
    engine.step(TURN)
    data = feedback.debrief(MDO, engine.state, ZETTEN)
    item = data["valkuilen"][0]
    assert item["herkend_aan"] == engine.state.turns[0].signalen
    line = next(line for line in feedback.debrief_text(data, ZETTEN).splitlines() if line.startswith("- Beurt 1"))
    assert "Herkend aan: " + ", ".join(f"'{s}'" for s in item["herkend_aan"]) + "." in line


def test_no_signals_shown_for_a_step_turn_or_a_lexicon_pattern():
    step = {"zet": "erkennen", "signalen": ["ik hoor"], "onzeker": False}
    assert feedback.shown_signals(step, "inhoud") == []
    forgiven = {"zet": "inhoud", "signalen": ["eerlijk gezegd"], "onzeker": True}
    assert feedback.shown_signals(forgiven, "inhoud") == []
    pattern = {"zet": "oordelen", "signalen": ["ook niet ... slim|handig|verstandig", "u moet"], "onzeker": False}
    assert feedback.shown_signals(pattern, "oordelen") == ["u moet"]
    assert Move("inhoud").signalen == []
