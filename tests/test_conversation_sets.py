"""The held-out conversation files: every ``evaluatie/gesprekken*.yml`` is read; a later file is reported on its own,
and the first file's totals (the issue goals: 85% steps, 70% roles) stay that file's alone."""
from bot import heldout, textclass
from bot.roles.models import ROLE_IDS, SPEAKERS
from bot.steps.models import LABELS


def test_every_conversation_file_is_read_the_first_one_first():
    files = heldout.conversation_files()
    assert files[0] == heldout.CONVERSATION_FILE and "gesprekken_2.yml" in files
    turns = heldout.conversation_turns()
    assert [t.source for t in turns[:3]] == [heldout.CONVERSATION_FILE] * 3
    assert {t.source for t in turns} == set(files)
    assert [t for t in turns if t.source == heldout.CONVERSATION_FILE] == heldout.conversation_turns(
        heldout.CONVERSATION_FILE)


def test_the_second_conversation_set_is_large_enough_and_well_formed():
    """Issue 14 asks for long real turns: at least 10 conversations, 60 professional and 45 parent/child turns."""
    turns = heldout.conversation_turns("gesprekken_2.yml")
    assert len({t.conversation for t in turns}) >= 10
    professional = [t for t in turns if t.speaker == "professional"]
    others = [t for t in turns if t.speaker != "professional"]
    assert len(professional) >= 60 and len(others) >= 45
    for turn in turns:
        assert turn.speaker in SPEAKERS and turn.register in heldout.REGISTERS, turn
    assert all(t.steps and set(t.steps) <= set(LABELS) and t.role is None for t in professional)
    assert all(not t.steps and t.role in (*ROLE_IDS, "geen") for t in others)
    assert {t.register for t in turns} == set(heldout.REGISTERS)


def _report(tally: heldout.TurnTally) -> heldout.RecognitionReport:
    clean = textclass.Evaluation(accuracy=1.0, macro_f1=1.0, per_label={}, labels=[], confusion=[], n_train=0,
                                 n_test=0)
    return heldout.RecognitionReport(
        title="Stappenherkenner", clean=clean, clean_abstain=0.0, registers=tally.registers, reliability=[],
        coverage=[], threshold=0.5, learning_curve=[], ms_per_turn=0.0, misses=tally.misses, per_file=tally.per_file)


def test_a_later_conversation_file_is_counted_and_reported_apart():
    tally = heldout.TurnTally()
    tally.add("lang", True, "erkennen → erkennen", "Wat een rotavond.")
    tally.add("lang", False, "dynamiek → erkennen", "Wat deed je toen?")
    tally.add("lang", False, "opties → visie", "Wat kun je zelf doen?", "gesprekken_2.yml")
    tally.add("kind", True, "visie → visie", "Het ligt niet aan jou.", "gesprekken_2.yml")
    report = _report(tally)
    assert report.registers == {"lang": (1, 2)} and report.long_turn_rate == 0.5  # the first file's goal, alone
    assert report.per_file == {"gesprekken_2.yml": {"lang": (0, 1), "kind": (1, 1)}}
    text = report.report(show_sentences=True)
    first, later = text.split("evaluatie/gesprekken_2.yml")
    assert "1/2 goed (50%)" in first and "0/1 goed" not in first
    assert "0/1 goed (0%)" in later and "1/1 goed (100%)" in later
    assert "- [gesprekken_2.yml lang] opties → visie: Wat kun je zelf doen?" in text
    assert "- [lang] dynamiek → erkennen: Wat deed je toen?" in text
