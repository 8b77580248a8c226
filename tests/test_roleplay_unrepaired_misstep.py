"""Session 27 (issue #14): a sure misstep that the trainee never repairs does not let a doubtful read end the talk
well; the persona brings the misstep back. A repaired slip and a talk closed by a clear read end well as before."""
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import CLOSING_DOUBT, UNSURE, Engine, Move
from bot.roleplay.models import DEFAULT_BRING_BACK

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")  # starts at 6, good ending at or below 3
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
GOOD_TURNS = [Move("erkennen", 0.95), Move("visie", 0.95)]
AFTER = [Move("dynamiek", 0.95), Move("dynamiek", 0.95), Move("erkennen", 0.95), Move("realiteit", 0.95)]


def play(moves):
    queue = list(moves)
    engine = Engine(MOTHER, classify=lambda text: queue.pop(0), seed=1)
    results = []
    while queue and not engine.state.ending:
        results.append(engine.step(f"beurt {len(results) + 1}"))
    return engine, results


def test_a_doubtful_close_after_a_sure_unrepaired_misstep_is_brought_back_not_a_good_ending():
    misstep = Move("inhoud", 0.97)
    close = Move("opties", CLOSING_DOUBT - 0.06)
    engine, results = play(GOOD_TURNS + [misstep] + AFTER + [close])
    last = results[-1]
    assert last.ending is None and last.turn.teruggehaald
    assert last.reply == MOTHER.einde.goed.terug and last.reply != DEFAULT_BRING_BACK
    assert feedback.BROUGHT_BACK_NOTE in feedback.turn_notes(last.turn)
    assert "misstap" in feedback.turn_line(last.turn, ZETTEN)


def test_the_same_talk_ends_well_with_a_clear_close_or_without_the_misstep():
    misstep = Move("inhoud", 0.97)
    _, clear = play(GOOD_TURNS + [misstep] + AFTER + [Move("opties", 0.9)])
    assert clear[-1].ending == "goed"
    _, none = play(GOOD_TURNS + [Move("dynamiek", 0.95)] + AFTER + [Move("opties", CLOSING_DOUBT - 0.06)])
    assert none[-1].ending == "goed"


def test_a_repaired_slip_or_a_forgiven_read_still_ends_well_on_a_doubtful_close():
    taken_back = Move("dynamiek", 0.95, zelfcorrectie=True)
    _, repaired = play(GOOD_TURNS + [Move("redden", 0.9), taken_back] + AFTER[1:] + [Move("opties", 0.44)])
    assert repaired[-1].ending == "goed"
    _, forgiven = play(GOOD_TURNS + [Move("redden", UNSURE - 0.1)] + AFTER + [Move("opties", 0.44)])
    assert forgiven[-1].ending == "goed"


def test_after_the_persona_brought_it_back_an_acknowledgement_repairs_it():
    misstep = Move("inhoud", 0.97)
    doubtful = Move("opties", 0.44)
    engine, results = play(GOOD_TURNS + [misstep] + AFTER + [doubtful, Move("opties", 0.45)])
    assert results[-2].turn.teruggehaald and results[-1].ending is None and results[-1].turn.teruggehaald
    engine, results = play(GOOD_TURNS + [misstep] + AFTER + [doubtful, Move("erkennen", 0.9, zetten=["erkennen",
                                                                                                    "opties"])])
    assert results[-2].turn.teruggehaald and results[-1].ending == "goed"
