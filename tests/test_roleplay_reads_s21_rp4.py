"""A user test of the role-play chat (session 21, fourth): reads a trainee relies on, and one read live and in the
debrief (own sentences beside the quotes they stand for):

1. reassurance that skips the feeling ("ach joh, het komt vast allemaal goed", "maak je geen zorgen", "het valt vast
   mee") is redden in every reader: `welke stap is dit`, the live move and the debrief, also beside a warm sentence;
2. good turns are no pitfall: the feelings of both named back in a meeting ("jij bent het zat dat ..., en u maakt zich
   zorgen of ...") is erkennen, whose choice it is ("dat ligt bij haar") is realiteit, what one sees of the other
   ("je hebt zelfs je jas nog aan") is erkennen;
3. the debrief never calls a turn a pitfall that the live label ("Jouw zet", "welke stap is dit?", "hoe doe ik het?")
   called a good step without naming that pitfall too; a plain fact of what stays ("en school blijft wel gewoon
   belangrijk hè") is no pitfall beside the reality it follows.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import Engine, Move
from bot.roleplay.models import PITFALLS, STEPS
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import turn_payload, which_answer
from bot.steps.classifier import REASSURANCE, classify_step
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
MDO = KNOWLEDGE.get("scenario", "mdo-moeder-dochter-ruzie")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


def live_and_debrief(scenario, texts, classify):
    """Play the turns; per turn the live label and the pitfall the debrief lists for it (None when it lists none)."""
    engine = Engine(scenario, classify=classify, seed=1)
    labels = []
    for text in texts:
        result = engine.step(text)
        labels.append(turn_payload(1, scenario.id, result.tension, result.role, result.turn.nr, result.turn,
                                   ZETTEN)["zet_naam"])
    engine.stop()
    data = feedback.debrief(scenario, engine.state, ZETTEN)
    flagged = {item["beurt"]: item["zet"] for item in data["valkuilen"]}
    return engine, labels, [flagged.get(turn.nr) for turn in engine.state.turns]


# -- 1. reassurance that skips the feeling is redden, in every reader --------------------------------------------------

@pytest.mark.parametrize("text", [
    "ach, komt vast goed hoor, jullie zijn er allebei en dat zegt al heel veel",
    "ach joh, het komt vast allemaal goed, echt waar. papa en mama houden allebei heel veel van je.",
    "ach mevrouw, dat komt vast goed hoor...",
    "nou, het komt heus wel weer goed met jullie, jullie zijn allebei zo betrokken",
    "maakt u zich maar geen zorgen, u bent een hele lieve moeder.",
    "het valt vast allemaal wel mee hoor. je doet echt je best.",
    "ik weet zeker dat het goed komt, jullie zijn er allebei voor haar",
    "dat gevoel gaat wel weer over, joh. je bent zo'n sterke meid.",
])
def test_reassurance_is_redden_live_in_which_step_and_in_the_debrief(classify, text):
    result = classify_step(text)
    assert result.stap == "redden"
    assert classify(text).zet == "redden"
    assert "(redden)" in classification_text(text).splitlines()[0]
    _, labels, flagged = live_and_debrief(FATHER, [text], classify)
    assert labels[0].startswith("Redden") and flagged == ["redden"]


@pytest.mark.parametrize("text", [
    "het komt niet vanzelf goed, dat moet ik eerlijk zeggen.",
    "u vraagt zich af of het ooit nog goed komt met uw kinderen.",
    "komt het ooit nog goed, denkt u?",
    "dat komt goed uit, dan kunnen we het daar vrijdag over hebben.",
    "u maakt zich zorgen om haar.",
])
def test_what_only_sounds_like_reassurance_is_not_read_as_it(text):
    result = classify_step(text)
    assert REASSURANCE not in result.kenmerken
    assert not any(REASSURANCE in feature for part in result.delen for feature in [part.stap])


# -- 2. good turns are no pitfall --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "nou ik hoor jullie allebei hè. jij bent het zat dat het bij papa anders is dan bij mama, en u maakt zich zorgen "
    "of ze wel naar school gaat.",
    "jij bent er klaar mee dat iedereen over je praat, en u bent bang dat ze de aansluiting kwijtraakt.",
])
def test_the_feelings_of_both_named_back_are_erkennen(classify, text):
    assert classify_step(text).stap == "erkennen"
    move = classify(text)
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS)


@pytest.mark.parametrize("text", [
    "ik kan haar niet dwingen om contact te hebben, dat moet ik eerlijk zeggen. dat ligt bij haar.",
    "u kunt hem niet laten bellen. die keuze ligt echt bij hem.",
    "of ze komt, dat is aan haar.",
])
def test_whose_choice_it_is_is_realiteit(classify, text):
    result = classify_step(text)
    assert result.stap == "realiteit" and not result.valkuilen
    assert classify(text).zet == "realiteit"


def test_blame_is_not_whose_choice_it_is():
    assert classify_step("de schuld ligt bij hem.").stap != "realiteit"


@pytest.mark.parametrize("text", [
    "je hoeft ook niks te zeggen hoor, ik zie wel dat je het heel moeilijk hebt. je hebt zelfs je jas nog aan.",
    "je zit helemaal op het puntje van je stoel.",
    "ik zie dat je steeds naar de grond kijkt. je handen trillen ook.",
])
def test_what_one_sees_of_the_other_is_erkennen(classify, text):
    assert classify_step(text).stap == "erkennen"
    assert classify(text).zet == "erkennen"


def test_advice_about_what_one_sees_is_no_acknowledgement():
    assert classify_step("je kunt je jas wel uitdoen hoor.").stap != "erkennen"


# -- 3. one read live and in the debrief -------------------------------------------------------------------------------

def test_a_plain_fact_of_what_stays_is_no_pitfall_beside_the_reality(classify):
    text = "de regels bij papa kan ik hier niet veranderen, die bepaalt hij. en school blijft wel gewoon belangrijk hè."
    result = classify_step(text)
    assert result.stap == "realiteit" and not result.valkuilen
    _, labels, flagged = live_and_debrief(MDO, [text], classify)
    assert labels == ["Realiteit benoemen"] and flagged == [None]


def test_a_lecture_about_school_stays_no_reality():
    assert classify_step("je moet gewoon naar school, dat is verplicht.").stap != "realiteit"


def test_a_pitfall_beside_a_step_is_named_by_the_live_label_which_step_and_the_feedback():
    """The debrief lists the pitfall of a turn led by a step; every live reader names it beside the step."""
    moves = [Move(zet="realiteit", zekerheid=0.98, zetten=["realiteit", "redden"], valkuilzin="dat komt wel goed")]
    engine = Engine(FATHER, classify=lambda text: moves.pop(0), seed=1)
    result = engine.step("dat kan ik niet regelen. dat komt wel goed")
    label = turn_payload(1, FATHER.id, result.tension, result.role, 1, result.turn, ZETTEN)["zet_naam"]
    assert "realiteit" in label.lower() and "redden" in label.lower()
    assert "redden" in which_answer("welke stap is dit?", engine, ZETTEN).lower()
    assert "redden" in feedback.feedback_text(FATHER, engine.state, ZETTEN).lower()
    engine.stop()
    data = feedback.debrief(FATHER, engine.state, ZETTEN)
    assert [item["zet"] for item in data["valkuilen"]] == ["redden"]


@pytest.mark.parametrize("texts", [
    ["ach joh, het komt vast allemaal goed, echt waar. papa en mama houden allebei heel veel van je.",
     "de regels bij papa kan ik hier niet veranderen, die bepaalt hij. en school blijft wel gewoon belangrijk hè.",
     "nou ik hoor jullie allebei hè. jij bent het zat dat het bij papa anders is dan bij mama, en u maakt zich "
     "zorgen of ze wel naar school gaat."],
])
def test_the_debrief_flags_no_turn_the_live_label_called_a_good_step(classify, texts):
    engine, labels, flagged = live_and_debrief(MDO, texts, classify)
    for turn, label, pitfall in zip(engine.state.turns, labels, flagged, strict=True):
        if pitfall is not None:
            assert feedback.shown_name(turn, ZETTEN, pitfall).split(" (")[0].lower() in label.lower()
        if turn.zet in STEPS and pitfall is None:
            assert "valkuil" not in label.lower()
