"""Moving on in the workbook's order is not skipping ahead: a step used for the first time once the
steps before it were used lowers the tension by at least one, also where the scenario's effect for
that step at high tension would hold or raise it. The stance (visie) is outside that order: never
needed first, its own effect unchanged. Skipping ahead still meets the scenario's effects, and so does a step
used again, until the persona felt heard: after an acknowledgement, a further acknowledgement, a question about the
pattern or about the wish underneath calms him (the engine's "Heard" rule)."""
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import RECOVERY_STEP, Engine, Move

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")  # starts at 8, falls 1 a turn, good at 3


def play(scenario, *moves):
    queue = [m if isinstance(m, Move) else Move(m, 0.9) for m in moves]
    engine = Engine(scenario, classify=lambda text: queue.pop(0), seed=3)
    return engine, [engine.step(f"beurt {n}") for n in range(1, len(moves) + 1)]


def test_asking_about_the_pattern_after_acknowledging_lowers_the_tension_even_when_he_is_furious():
    assert FATHER.effecten.delta("dynamiek", 7) > 0 and FATHER.effecten.delta("visie", 7) == 0
    engine, turns = play(FATHER, "erkennen", "dynamiek")
    assert [t.tension for t in turns] == [7, 6]


def test_the_stance_is_not_needed_first_and_keeps_its_own_effect():
    engine, turns = play(FATHER, "erkennen", "visie", "dynamiek")
    assert turns[1].tension == 7 + FATHER.effecten.delta("visie", 7) == 7  # the stance while he is furious
    assert turns[2].tension == 6  # the pattern after acknowledging, without the stance: moving on


def test_skipping_ahead_to_the_pattern_still_raises_the_tension():
    engine, turns = play(FATHER, "dynamiek")
    assert turns[0].tension == FATHER.spanning.start + FATHER.effecten.delta("dynamiek", FATHER.spanning.start) > 8


def test_naming_the_reality_before_the_need_was_explored_still_raises_it():
    engine, turns = play(FATHER, "erkennen", "realiteit")
    assert turns[1].tension == 7 + FATHER.effecten.delta("realiteit", 7) > 7


def test_a_step_used_again_before_any_acknowledgement_follows_the_scenarios_effects():
    # the pattern asked before acknowledging (skipping ahead), a stance, the pattern again: no first use, not heard
    engine, turns = play(FATHER, "dynamiek", "visie", "dynamiek")
    assert [t.tension for t in turns[:2]] == [9, 9]
    assert turns[2].tension == 9 + FATHER.effecten.delta("dynamiek", 9) > 9


def test_once_he_felt_heard_asking_on_calms_him_also_when_the_step_is_used_again():
    # the pattern asked before acknowledging, then acknowledged, then the pattern again: he felt heard
    assert FATHER.effecten.delta("dynamiek", 8) > 0
    engine, turns = play(FATHER, "dynamiek", "erkennen", "dynamiek")
    assert [t.tension for t in turns] == [9, 8, 7]
    # a second question about the pattern and the wish underneath, while he is still in the high band
    engine, turns = play(FATHER, "erkennen", "dynamiek", "dynamiek", "behoefte")
    assert [t.tension for t in turns] == [7, 6, 5, 4]


def test_once_he_felt_heard_the_stance_and_the_reality_keep_the_scenarios_effect():
    engine, turns = play(FATHER, "erkennen", "visie", "realiteit")
    assert turns[1].tension == 7 + FATHER.effecten.delta("visie", 7) == 7
    assert turns[2].tension == 7 + FATHER.effecten.delta("realiteit", 7) > 7


def test_a_good_talk_with_one_clumsy_advice_ends_well_with_the_furious_father():
    # acknowledge, stance, a piece of advice (redden), take up the pattern twice, the wish, acknowledge, options
    engine, turns = play(FATHER, "erkennen", "visie", Move("redden", 0.95), "dynamiek", "dynamiek", "behoefte",
                         "erkennen", "opties")
    assert turns[2].tension > turns[1].tension
    assert [t.tension for t in turns[3:]] == [7, 6, 5, 4, 3] and turns[-1].ending == "goed"


def test_a_session_of_every_step_in_order_ends_well_from_high_tension():
    engine, turns = play(FATHER, "erkennen", "visie", "dynamiek", "behoefte", "realiteit", "opties", "opties")
    assert [t.tension for t in turns] == [7, 7, 6, 5, 4, 3, 2]
    assert turns[-1].ending == "goed"


def test_a_pitfall_is_never_progress_and_the_step_after_it_recovers():
    # the step after the pitfall is marked as recovery (RECOVERY_STEP down, to the level before the pitfall at most),
    # not counted twice
    engine, turns = play(FATHER, "erkennen", Move("redden", 0.95), "dynamiek")
    assert turns[1].tension > turns[0].tension
    assert turns[2].tension == max(turns[1].tension - RECOVERY_STEP, turns[0].tension) and turns[2].turn.herstel
