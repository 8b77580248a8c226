"""A review of session 22's changes (behaviour-neutral mends): a role-play turn reads its session record once, also
the short answer to the list of scenarios; a persona reply reads the kind of turn once; a lecture's signal is read
once; the knowledge folder's rule lives in ``bot.paths``; the clauses of a request to forget are cleaned in one place;
the message for an ended role-play is written once."""
from __future__ import annotations

from pathlib import Path

from bot import commands, paths, records, status
from bot.roleplay import catalog, pacing
from bot.roleplay import engine as engine_module
from bot.roleplay import session as session_module
from bot.roleplay.engine import Engine, Move, RoleplayError
from bot.roleplay.moves import CueLexicon
from bot.roleplay.session import PracticeService
from bot.steps import classifier as step_classifier

MDO = catalog.get_scenario("mdo-moeder-dochter-ruzie")
PARTY = catalog.get_scenario("ouder-wil-partij")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")


def _reads(text, **_):
    return Move(zet="erkennen", zekerheid=0.9)


def _count(monkeypatch, owner, name):
    calls = []
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_a_short_message_and_the_answer_to_the_list_read_the_session_record_once(monkeypatch):
    service = PracticeService(classify=_reads)
    session = service.start(PARTY.id, seed=1)
    opened = _count(monkeypatch, records, "editing_record")
    loaded = _count(monkeypatch, records, "get_record")
    assert service.play(session, "dat snap ik").soort == "beurt"  # short, no list shown: a turn
    assert (len(opened), len(loaded)) == (1, 0)
    assert service.play(session, "hmm ik wil liever een ander scenario").soort == "uitleg"  # the list
    opened.clear()
    result = service.play(session, "2")  # the answer to the list: this one stops, the mdo starts
    assert result.soort == "wissel" and result.payload["scenario"] == MDO.id
    assert (len(opened), len(loaded)) == (1, 0)
    assert service.load(session)["status"] == status.STOPPED


def test_the_same_scenario_asked_for_does_not_build_the_list(monkeypatch):
    engine = Engine(FATHER, classify=_reads, seed=1)
    monkeypatch.setattr(catalog, "scenarios", lambda *a, **k: (_ for _ in ()).throw(AssertionError("list built")))
    assert FATHER.titel in session_module._which_scenario_text(engine, FATHER)


def test_a_persona_reply_reads_whether_the_turn_sides_with_the_persona_once(monkeypatch):
    calls = _count(monkeypatch, pacing, "sides")
    lines = pacing.reply_lines(FATHER, "aanklager", "dynamiek", 9, "hoe gaat dat meestal?",
                               avoid={FATHER.persona.opening}, last="Wat doet het ertoe hoe het ging?")
    assert lines and len(calls) == 1
    assert not any(pacing.same_refrain(line, "Wat doet het ertoe hoe het ging?") for line in lines)


def test_a_lecture_s_signal_is_read_once_and_names_the_lecture(monkeypatch):
    calls = _count(monkeypatch, step_classifier, "lecture_feature")
    lexicon = CueLexicon({"oordelen": []})
    assert lexicon.match("uit onderzoek weten we dat kinderen rust nodig hebben") == ("oordelen",
                                                                                       [step_classifier.LECTURE])
    assert len(calls) == 1


def test_the_knowledge_folder_s_rule_lives_in_paths(monkeypatch):
    monkeypatch.setenv(paths.KNOWLEDGE_DIR_ENV, "/tmp/elders")
    assert paths.knowledge_dir_name() == "/tmp/elders" and paths.knowledge_dir() == Path("/tmp/elders")
    monkeypatch.delenv(paths.KNOWLEDGE_DIR_ENV)
    assert paths.knowledge_dir_name() == paths.DEFAULT_KNOWLEDGE_DIR


def test_the_clauses_of_a_request_to_forget_are_cleaned_in_one_place():
    assert commands._short_clauses("Kun je dat laatste bericht even verwijderen? Graag!") == [
        "kun je dat laatste bericht verwijderen"]
    assert commands._short_clauses(" ".join(["woord"] * (commands.MAX_FORGET_MESSAGE_WORDS + 1))) == []
    assert commands.asks_to_wipe_last("kun je dat laatste bericht even verwijderen?")
    assert commands.is_forget_request("vergeet deze beller alsjeblieft")


def test_the_message_for_an_ended_role_play_is_written_once():
    engine = Engine(FATHER, classify=_reads, seed=1)
    engine.stop()
    try:
        engine.step("nog iets")
    except RoleplayError as exc:
        assert str(exc) == engine_module.ALREADY_ENDED == session_module.ALREADY_ENDED
    else:
        raise AssertionError("an ended role-play took a turn")
