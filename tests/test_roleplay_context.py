"""The persona's last line and the stage of the conversation inform a close call between steps."""
from pathlib import Path
from types import SimpleNamespace

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.context import Context, reweigh
from bot.roleplay.engine import Engine
from bot.roleplay.moves import CueLexicon, MoveClassifier

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")
NO_CUES = CueLexicon({})
WISH = "Ik wil gewoon dat ik mijn jongens elke week zie, meer niet."


def step_read(label, confidence, probabilities, parts=None):
    """A step-classifier result as ``bot.steps.classifier.classify_step`` returns it."""
    return lambda text: SimpleNamespace(stap=label, zekerheid=confidence, kenmerken=[], kansen=probabilities,
                                        stappen=[label] if label != "geen" else [], delen=parts or [])


CLOSE = {"opties": 0.46, "behoefte": 0.40, "dynamiek": 0.08, "inhoud": 0.06}


def test_a_question_right_after_the_persona_names_a_wish_leans_to_behoefte():
    classify = MoveClassifier(step_read("opties", 0.46, CLOSE), lexicon=NO_CUES)
    assert classify("En wat zou je dan willen?").zet == "opties"  # without context: the sentence alone
    later = ["erkennen", "dynamiek", "behoefte"]  # options are no longer early here
    assert classify("En wat zou je dan willen?", context=Context.of("Ja, klopt.", later)).zet == "opties"
    move = classify("En wat zou je dan willen?", context=Context.of(WISH, later))
    assert move.zet == "behoefte"
    assert move.zetten == ["behoefte"]


def test_a_clear_read_never_flips_and_a_pitfall_stays_a_pitfall():
    clear = {"opties": 0.9, "behoefte": 0.06, "inhoud": 0.04}
    classify = MoveClassifier(step_read("opties", 0.9, clear), lexicon=NO_CUES)
    assert classify("Wat kun jij deze week zelf doen?", context=Context.of(WISH, [])).zet == "opties"
    pitfall = {"redden": 0.45, "behoefte": 0.4, "opties": 0.15}
    classify = MoveClassifier(step_read("redden", 0.45, pitfall), lexicon=NO_CUES)
    assert classify("Ik regel het wel voor je.", context=Context.of(WISH, [])).zet == "redden"


def test_context_can_be_switched_off_for_a_before_after_measurement():
    classify = MoveClassifier(step_read("opties", 0.46, CLOSE), lexicon=NO_CUES, use_context=False)
    assert classify("En wat zou je dan willen?", context=Context.of(WISH, ["erkennen"])).zet == "opties"


def test_reweigh_keeps_a_distribution_and_favours_the_next_step_in_the_workbook_order():
    flat = {"dynamiek": 0.3, "behoefte": 0.3, "realiteit": 0.3, "inhoud": 0.1}
    after = reweigh(flat, Context.of("", ["erkennen", "dynamiek"]))
    assert abs(sum(after.values()) - 1.0) < 1e-9
    assert after["behoefte"] > after["dynamiek"] and after["behoefte"] > after["realiteit"]
    assert reweigh(flat, None) == flat


def test_the_engine_passes_the_personas_last_line_and_the_moves_so_far():
    seen = []

    class Recorder:
        accepts_context = True

        def __call__(self, text, context=None):
            seen.append(context)
            return "erkennen"

    engine = Engine(FATHER, classify=Recorder(), seed=0)
    first = engine.step("Wat een domper, zeg.")
    engine.step("Dat snap ik.")
    assert seen[0].last_line == FATHER.persona.opening and seen[0].used == ()
    assert seen[1].last_line == first.reply and seen[1].used == ("erkennen",)


def test_a_plain_classifier_without_context_still_works():
    engine = Engine(FATHER, classify=lambda text: "erkennen", seed=0)
    assert engine.step("Wat een domper, zeg.").move.zet == "erkennen"


def test_the_role_play_evaluation_reports_reads_without_and_with_context():
    from bot.roleplay.evaluation import PathEvaluation, compare_context, evaluation_report, play_free_paths

    classify = MoveClassifier()
    result = PathEvaluation(free_paths=play_free_paths(classify))
    compare_context(classify, result)
    assert set(result.context_compared) == {"paden", "gesprekken", "vrije paden (goed afgelopen)"}
    for without, with_context, total in result.context_compared.values():
        assert total > 0 and 0 <= without <= total and 0 <= with_context <= total
    assert classify.use_context is True  # the comparison switched context off on a copy only
    assert "zonder → met" in evaluation_report(result)
