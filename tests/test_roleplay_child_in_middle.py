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
    assert not any(WARNING in tip for tip in data["tips"])  # the warning stands once, at the turn (a user test)
    assert not any("kopje schuiven" in tip for tip in data["tips"])  # not the general tip of redden
    assert feedback.debrief_text(data, ZETTEN).count(WARNING) == 1


def test_an_ordinary_rescue_keeps_the_general_tip():
    engine = Engine(CHILD, classify=lambda text: Move(zet="redden", signalen=["ik regel"]), seed=0)
    engine.step("Ik regel wel dat je niet meer naar papa hoeft.")
    engine.stop()
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    assert "waarschuwing" not in data["valkuilen"][0]
    assert ZETTEN["redden"].tip_kind in data["tips"]  # the redden tip, as it fits a child (not 'het kopje schuiven')


FORM_NAME = "Het kind in het midden zetten (valkuil: een vorm van redden)"
FORM_SIGNAL = "het kind vragen bij wie het liever woont"


def _child_in_the_middle_session():
    """A stored session (as ``bot.roleplay.session`` keeps it) with one acknowledgement and one turn read as the
    child-in-the-middle form."""
    from datetime import datetime
    from types import SimpleNamespace

    moves = {"Wat vervelend voor je.": Move(zet="erkennen", zekerheid=0.9),
             "Bij wie woon je liever, bij papa of bij mama?": Move(zet="redden", zekerheid=1.0, signalen=[FORM_SIGNAL])}
    engine = Engine(CHILD, classify=lambda text: moves[text], seed=0)
    for text in moves:
        engine.step(text)
    engine.stop()
    debrief = feedback.debrief(CHILD, engine.state, ZETTEN)
    data = {"scenario": CHILD.id, "titel": CHILD.titel, "deelnemer": "Anna", "groep": "najaar",
            "state": engine.state.to_dict(), "debrief": debrief}
    return SimpleNamespace(pk=7, data=data, status="gestopt", created_at=datetime(2026, 12, 3, 9, 30),
                           conversation_id=None, title=CHILD.titel)


def test_the_debrief_names_the_form_the_trainee_used_not_plain_redden():
    # found by a user test (session 20): the debrief said "was redden (valkuil)" for a child put in the middle
    record = _child_in_the_middle_session()
    data = record.data["debrief"]
    item = data["valkuilen"][0]
    assert item["zet"] == "redden" and item["naam"] == FORM_NAME and item["vorm"] == "kind-in-het-midden"
    assert item["waarschuwing"].startswith(WARNING)
    text = feedback.debrief_text(data, ZETTEN)
    assert f"was {FORM_NAME.lower()}. {WARNING}" in text and "was redden" not in text
    assert "Al je beurten (2): erkennen, het kind in het midden zetten." in text


def test_the_trainer_pages_and_exports_name_the_form():
    import io

    from bot.roleplay.group import group_view, pitfall_text, render_group_page, write_group_csv
    from bot.roleplay.report import session_view, transcript_text, write_csv
    from bot.web import trainer_page

    record = _child_in_the_middle_session()
    html = trainer_page.sessions_page([record])
    assert f"was {FORM_NAME[:1].lower()}{FORM_NAME[1:]}." in html  # the pitfall of the debrief, inside a sentence
    assert f"zet: {FORM_NAME}" in html and "zet: Redden (valkuil)" not in html  # the transcript
    assert session_view(record).turns[1].zet == "kind-in-het-midden"
    session = {"id": 7, "status": "gestopt", "created_at": record.created_at, **record.data}
    assert feedback.session_pitfalls(record.data["state"]["turns"]) == [(2, "kind-in-het-midden")]
    view = group_view([session], "najaar")
    assert pitfall_text(view.deelnemers[0].sessies[0]) == f"{FORM_NAME} in beurt 2"
    assert FORM_NAME in render_group_page([session], "najaar")
    out = io.StringIO()
    write_group_csv(view, out)
    assert f"{FORM_NAME} in beurt 2" in out.getvalue()
    out = io.StringIO()
    write_csv([session], out)
    assert out.getvalue().count(FORM_NAME) == 2  # the move and the pitfall of turn 2
    assert f"zet: {FORM_NAME}" in transcript_text(session, ZETTEN)


def test_a_plain_rescue_keeps_its_own_name_on_the_trainer_page():
    from bot.roleplay.report import move_name

    engine = Engine(CHILD, classify=lambda text: Move(zet="redden", signalen=["ik regel"]), seed=0)
    engine.step("Ik regel wel dat je niet meer naar papa hoeft.")
    assert feedback.session_pitfalls(engine.state.turns) == [(1, "redden")]
    assert move_name(feedback.shown_move(engine.state.turns[0])) == ZETTEN["redden"].naam


class _Reads:
    """A move reader for the service: the child-in-the-middle sentence as that form, anything else as erkennen."""

    def __call__(self, text):
        if "liever" in text:
            return Move(zet="redden", zekerheid=1.0, signalen=[FORM_SIGNAL])
        return Move(zet="erkennen", zekerheid=0.9)


def test_the_live_label_and_which_step_name_the_form_as_the_debrief_does():
    # a user test (session 20): the meter's label said "Redden (valkuil)", the debrief the form's own name
    from bot.roleplay.session import PracticeService

    service = PracticeService(classify=_Reads())
    session = service.start(CHILD.id, seed=0)
    assert service.play(session, "Wat vervelend voor je.").payload["zet_naam"] == ZETTEN["erkennen"].naam
    result = service.play(session, "Bij wie woon je liever, bij papa of bij mama?")
    assert result.payload["zet"] == "redden"  # the move itself, for the web page's logic
    assert result.payload["zet_naam"] == FORM_NAME
    assert feedback.shown_name(service._engine(service.load(session)).state.turns[-1], ZETTEN) == FORM_NAME
    answer = service.play(session, "welke stap is dit?").tekst
    assert f"las die beurt als {FORM_NAME}" in answer and "Redden (valkuil)" not in answer
    debrief = service.finish(session).debrief_tekst
    assert FORM_NAME.lower() in debrief


def test_a_plain_rescue_keeps_its_own_name_in_the_live_label():
    from bot.roleplay.session import PracticeService

    service = PracticeService(classify=lambda text: Move(zet="redden", zekerheid=1.0, signalen=["ik regel"]))
    session = service.start(CHILD.id, seed=0)
    assert service.play(session, "Ik regel wel dat je niet meer naar papa hoeft.").payload["zet_naam"] == \
        ZETTEN["redden"].naam


def test_the_terminal_shows_the_form_by_its_name(monkeypatch, capsys):
    from types import SimpleNamespace

    from bot.cli_commands import roleplay as roleplay_cli
    from bot.roleplay import moves

    monkeypatch.setitem(moves._DEFAULT, "move", _Reads())  # the reader the terminal's service uses
    answers = iter(["Wat vervelend voor je.", "Bij wie woon je liever, bij papa of bij mama?", "stop rollenspel"])
    args = SimpleNamespace(scenario=CHILD.id, deelnemer=None, groep=None, seed=0)
    assert roleplay_cli.run_play(args, read=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert f"[zet: {FORM_NAME}, spanning" in out and "[zet: redden" not in out
    assert f"[zet: {ZETTEN['erkennen'].naam}, spanning" in out
