"""Good turns after a misstep bring the tension down again (herstel), and a good ending is decided by
the last two turns, not by the single last read; asking for more after the options asks for options."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import context, feedback
from bot.roleplay.engine import RECOVERY_STEP, Engine, Move

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")  # starts at 8; dynamiek at 7+ raises it
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")  # starts at 5, good ending at 3 or lower


def reads(*moves):
    """A classifier that returns the given moves in order, whatever the text."""
    queue = [m if isinstance(m, Move) else Move(m, 0.9) for m in moves]
    return lambda text: queue.pop(0)


def play(scenario, *moves):
    engine = Engine(scenario, classify=reads(*moves), seed=5)
    return engine, [engine.step(f"beurt {n}") for n in range(1, len(moves) + 1)]


def test_a_step_after_a_misstep_brings_the_tension_back_down_where_it_would_have_risen():
    assert FATHER.effecten.delta("dynamiek", 7) > 0  # asking about the pattern while he is furious
    engine, turns = play(FATHER, "erkennen", "erkennen", Move("inhoud", 0.95), "dynamiek", "dynamiek")
    assert [t.tension for t in turns[:3]] == [7, 6, 7]  # the question about the facts raised it
    assert turns[3].tension == 6 and turns[3].turn.herstel  # the next step takes the misstep back
    # back at the level from before the misstep: the scenario's own effects apply again
    assert turns[4].tension == 6 + FATHER.effecten.delta("dynamiek", 6) and not turns[4].turn.herstel


def test_feedback_names_the_recovery():
    engine, turns = play(FATHER, "erkennen", Move("inhoud", 0.95), "dynamiek")
    zetten = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
    line = feedback.turn_line(turns[2].turn, zetten)
    assert turns[2].turn.herstel and "na een misstap" in line and "(spanning 8 → 7)" in line


def test_without_a_misstep_the_scenarios_effects_stay_as_they_are():
    engine, turns = play(FATHER, "dynamiek")
    assert turns[0].tension == FATHER.spanning.start + FATHER.effecten.delta("dynamiek", FATHER.spanning.start)
    assert turns[0].tension > FATHER.spanning.start and not turns[0].turn.herstel


def test_a_forgiven_uncertain_read_raised_nothing_so_there_is_nothing_to_recover():
    engine, turns = play(FATHER, Move("redden", 0.4), "dynamiek")
    assert turns[0].turn.onzeker and turns[0].tension == FATHER.spanning.start
    assert turns[1].tension > FATHER.spanning.start and not turns[1].turn.herstel


def test_recovery_never_shields_a_pattern_of_pitfalls():
    engine, turns = play(FATHER, Move("redden", 0.95), "erkennen", Move("oordelen", 0.95))
    assert turns[0].tension > FATHER.spanning.start and turns[1].tension < turns[0].tension
    assert turns[2].ending == "slecht"  # two sure pitfalls in three turns at the top still end it badly


def test_a_turn_holding_the_options_next_to_another_step_closes_the_talk():
    last = Move("realiteit", 0.85, zetten=["realiteit", "opties"])  # "Zo is het. Wat zou je kunnen doen?"
    engine, turns = play(CHILD, "erkennen", "visie", "dynamiek", "behoefte", "erkennen", last)  # the sixth turn
    assert turns[-1].ending == "goed"


def test_an_ask_on_turn_right_after_the_options_closes_even_when_read_as_another_step():
    engine, turns = play(CHILD, "erkennen", "visie", "dynamiek", "behoefte", "opties", Move("realiteit", 0.52))
    assert turns[4].ending is None  # too early: no good ending before the scenario's minimum of turns
    assert turns[5].ending == "goed"


def test_a_pitfall_right_after_the_options_does_not_close():
    engine, turns = play(CHILD, "erkennen", "visie", "opties", Move("redden", 0.95))
    assert [t.ending for t in turns] == [None] * 4


def test_options_two_turns_back_do_not_close_the_talk():
    engine, turns = play(CHILD, "erkennen", "opties", "dynamiek", "dynamiek")
    assert turns[-1].tension <= CHILD.spanning.goed_einde_tot
    assert [t.ending for t in turns] == [None] * 4


def test_asking_for_more_after_the_options_asks_for_more_options():
    line = "Hm. Daar moet ik even over nadenken."  # invites no step of its own
    after_options = context.Context.of(line, ["erkennen", "behoefte", "opties"])
    assert context.follow_up("En verder nog?", "realiteit", 0.5, after_options) == "opties"
    assert context.follow_up("oke, wat nog meer dan?", "dynamiek", 0.45, after_options) == "opties"
    after_pattern = context.Context.of(line, ["erkennen", "dynamiek"])
    assert context.follow_up("En verder nog?", "realiteit", 0.5, after_pattern) != "opties"


# -- taking back a misstep (rechtgezet, session 10) -------------------------------------------------
def _taken_back(zet):
    return Move(zet, 0.95, zelfcorrectie=True)


def test_taking_back_a_misstep_brings_the_tension_below_where_it_was_before_it():
    engine, turns = play(FATHER, "erkennen", Move("inhoud", 0.95), _taken_back("visie"), "dynamiek")
    assert [t.tension for t in turns[:2]] == [7, 8]  # the sure pitfall raised it
    assert turns[2].tension == 6 and turns[2].turn.rechtgezet and not turns[2].turn.herstel
    # without taking it back, the same step only recovers to the level from before the misstep
    plain, plain_turns = play(FATHER, "erkennen", Move("inhoud", 0.95), "visie")
    assert plain_turns[2].tension == 7 and plain_turns[2].turn.herstel and not plain_turns[2].turn.rechtgezet
    zetten = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
    assert "Je nam je misstap zelf terug" in feedback.turn_line(turns[2].turn, zetten)


def test_only_one_misstep_per_session_can_be_taken_back():
    engine, turns = play(FATHER, "erkennen", Move("inhoud", 0.95), _taken_back("visie"),
                         Move("redden", 0.95), _taken_back("erkennen"))
    assert turns[2].turn.rechtgezet
    assert not turns[4].turn.rechtgezet  # the second one only recovers: back to the level, not one below it
    level = turns[3].turn.spanning_voor  # before the second misstep
    assert turns[4].turn.herstel
    assert turns[4].tension == max(turns[4].turn.spanning_voor - RECOVERY_STEP, level) > level - 1


def test_taking_back_the_last_of_a_run_of_missteps_changes_nothing():
    engine, turns = play(CHILD, "erkennen", Move("oordelen", 0.95), Move("inhoud", 0.95), _taken_back("erkennen"))
    assert turns[2].tension > turns[1].tension  # the second pitfall raised it again
    assert not turns[3].turn.rechtgezet  # the turn before that pitfall was a pitfall too


def test_a_self_correction_without_a_step_or_after_a_forgiven_read_takes_nothing_back():
    engine, turns = play(FATHER, "erkennen", Move("redden", 0.4), _taken_back("erkennen"))
    assert turns[1].turn.onzeker and not turns[2].turn.rechtgezet  # nothing was raised
    engine, turns = play(FATHER, "erkennen", Move("inhoud", 0.95), Move("redden", 0.95, zelfcorrectie=True))
    assert not turns[2].turn.rechtgezet  # a pitfall is no repair


def test_the_move_classifier_sees_a_turn_that_takes_back_the_professionals_own_words():
    from bot.roleplay.moves import MoveClassifier

    classify = MoveClassifier()
    assert classify("Wacht, dat kwam er verkeerd uit. Hoe ging het zondag bij de overdracht?").zelfcorrectie
    assert not classify("Hoe ging het zondag bij de overdracht?").zelfcorrectie


def test_the_debrief_says_which_misstep_the_trainee_took_back():
    engine, turns = play(FATHER, "erkennen", Move("inhoud", 0.95), _taken_back("visie"), Move("redden", 0.95))
    zetten = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
    data = feedback.debrief(FATHER, engine.state, zetten)
    assert [(p["beurt"], p["zelf_teruggenomen"]) for p in data["valkuilen"]] == [(2, True), (4, False)]
    text = feedback.debrief_text(data, zetten)
    assert text.count("Je nam het in de beurt erna zelf terug") == 1


# -- a good ending needs a mostly good talk (GOOD_PATTERN, session 10) ------------------------------
def test_warm_steps_with_a_pitfall_beside_them_in_most_turns_do_not_end_well():
    def steering(zet):  # a step with a pitfall sentence beside it ("... Dat is toch een goed idee?")
        return Move(zet, 0.95, zetten=[zet, "redden"])

    engine, turns = play(CHILD, "erkennen", steering("erkennen"), "dynamiek", steering("realiteit"),
                         steering("opties"), steering("opties"))
    assert all(t.ending is None for t in turns)  # calm and with options, but four of six turns steered
    engine, turns = play(CHILD, "erkennen", steering("erkennen"), "dynamiek", "behoefte", "realiteit", "opties")
    assert turns[-1].ending == "goed"  # one steering turn in six: still a good talk


@pytest.mark.parametrize("text, move", [
    # a hedged suggestion of a solution is advice (redden, step examples round 11), a pitfall either way
    ("Misschien moet je haar gewoon wat meer ruimte geven?", "redden"),
    ("Moet je nou gewoon eens ophouden met dat gemopper over de tas?", "oordelen"),
    ("Dan moet u gewoon wat minder over hem klagen waar de kinderen bij zijn.", "oordelen"),
    ("Dan belt u hem vanavond. Dat is toch een goed idee?", "redden"),
    ("Ik zou zeggen: laat de tas voortaan gewoon bij oma staan.", "redden"),
])
def test_steering_in_a_warm_voice_is_read_as_the_pitfall(text, move):
    from bot.roleplay.moves import MoveClassifier

    assert MoveClassifier()(text).zet == move


def test_one_misstep_with_the_furious_father_costs_no_extra_turns_when_good_steps_follow():
    # he calms one point per turn at most (max_daling 1) and never before turn 7, but after the rescue the
    # acknowledgement recovers two points at once, so a good talk with one misstep still ends well at turn 7
    assert FATHER.tempo.max_daling == 1 and FATHER.tempo.min_beurten == 7
    engine, turns = play(FATHER, "erkennen", Move("redden", 0.95), "erkennen", "dynamiek", "behoefte", "realiteit",
                         "opties")
    assert turns[2].tension == turns[1].tension - RECOVERY_STEP == turns[0].tension and turns[2].turn.herstel
    assert turns[-1].ending == "goed" and len(turns) == FATHER.tempo.min_beurten
