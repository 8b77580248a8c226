"""In the role-play, a turn that puts the child in the middle of the parents (choose between them, where would you
rather live, carry a message) counts as the pitfall redden for sure, and the feedback and the debrief give the form's
own warning (a user test: "bij wie wil je nou liever wonen, bij papa of bij mama?" was read as inhoud, with the
feedback "Ingaan op de feiten voedt de strijd"). The hook sits where a move is read (``MoveClassifier``)."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import Engine, Move
from bot.roleplay.moves import MoveClassifier

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")
WARNING = "Pas op: zo zet je het kind midden tussen de ouders."


class ReadsAs:
    """A step classifier that reads every turn as one label, sure (what the real one did: inhoud, visie)."""

    def __init__(self, label: str):
        self.label = label

    def __call__(self, text):
        return type("Read", (), {"stap": self.label, "zekerheid": 0.95, "kenmerken": ["feiten"], "delen": [],
                                 "stappen": [self.label], "kansen": {}, "valkuilen": []})()


@pytest.mark.parametrize("text", [
    "zeg eens eerlijk, bij wie wil je nou liever wonen, bij papa of bij mama?",
    "Als jij het voor het zeggen had, zou je dan liever alleen bij je moeder wonen?",
    "Kun jij aan je vader vragen of hij je zaterdag wat eerder ophaalt?",
])
@pytest.mark.parametrize("read_as", ["inhoud", "visie", "erkennen"])
def test_the_turn_is_redden_for_sure_whatever_the_step_reader_said(text, read_as):
    move = MoveClassifier(step_classifier=ReadsAs(read_as), use_learned_judgement=False)(text)
    assert move.zet == "redden" and move.zekerheid == 1.0
    assert move.signalen in (["het kind vragen bij wie het liever woont"],
                             ["het kind berichten tussen de ouders laten overbrengen"])


def test_protecting_the_child_is_read_as_before():
    move = MoveClassifier(step_classifier=ReadsAs("visie"), use_learned_judgement=False)(
        "Jij hoeft echt niet te kiezen tussen papa en mama.")
    assert move.zet == "visie"


def test_the_other_moves_of_the_turn_stay_and_the_sentence_is_quoted():
    text = "Wat vervelend voor je. Zeg maar tegen je moeder dat ze papa moet vragen waarom hij niet kwam."
    move = MoveClassifier(step_classifier=ReadsAs("erkennen"), use_learned_judgement=False)(text)
    assert move.zet == "redden" and move.zetten == ["redden", "erkennen"]
    assert move.valkuilzin == "Zeg maar tegen je moeder dat ze papa moet vragen waarom hij niet kwam."


def test_real_reader_in_the_scenario_of_the_user_test_feedback_and_debrief_give_the_warning():
    engine = Engine(CHILD, classify=MoveClassifier(), seed=0)
    engine.step("Hoi, ik ben Sanne. Wat vervelend dat je zo verdrietig bent.")
    turn = engine.step("zeg eens eerlijk, bij wie wil je nou liever wonen, bij papa of bij mama?").turn
    assert turn.zet == "redden" and turn.zekerheid == 1.0 and not turn.onzeker
    assert turn.spanning_na > turn.spanning_voor
    text = feedback.feedback_text(CHILD, engine.state, ZETTEN)
    assert WARNING in text and "Ingaan op de feiten" not in text
    engine.stop()
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    item = data["valkuilen"][0]
    assert item["zet"] == "redden" and item["waarschuwing"].startswith(WARNING)
    assert data["tips"][0].startswith(WARNING)
    assert not any("kopje schuiven" in tip for tip in data["tips"])  # not the general tip of redden
    assert WARNING in feedback.debrief_text(data, ZETTEN)


def test_an_ordinary_rescue_keeps_the_general_tip():
    engine = Engine(CHILD, classify=lambda text: Move(zet="redden", signalen=["ik regel"]), seed=0)
    engine.step("Ik regel wel dat je niet meer naar papa hoeft.")
    engine.stop()
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    assert "waarschuwing" not in data["valkuilen"][0]
    assert ZETTEN["redden"].tip in data["tips"]
