"""Turns the step reader and the role-play misread in the forty-second blind set of practice paths and in a user test
of session 21 (own sentences beside the families they stand for, none from an evaluation set):

1. a trainee's nerves with a hedge about their own words ("ik ben een beetje zenuwachtig, dus ik zeg het misschien
   niet helemaal goed") is no move, not taking over;
2. an introduction with whom the professional talks ("ik praat wel vaker met kinderen hier op school") is no move;
3. what the other was going to do and what fell through ("je zou zaterdag ..., en dan gaat het gewoon niet door") is
   erkennen;
4. a short acknowledgement ("Dat snap ik heel goed.") never outranks a step beside it;
5. trusting the other's own ideas ("jij weet zelf het beste ..., dus misschien heb je wel een idee") is no move beside
   an options question;
6. putting oneself in the other's place ("en dan denk ik: hoe zou ik dat zelf vinden") is erkennen, not opties;
7. the "ja, maar": after "maar", what the one addressed must do ("ik snap dat u boos bent, maar u moet echt even
   rustig worden") is the pitfall, not praised as erkennen.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import CUED, NERVES, NO_STEP, OWN_PLACE, YES_BUT, classify_step
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. nerves and a hedge about one's own words ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik ben een beetje zenuwachtig, dus ik zeg het misschien niet helemaal goed.",
    "sorry, ik ben best nerveus, dus misschien zeg ik het niet goed",
    "eh, ik weet niet of ik het goed zeg",
    "Ik zeg het vast niet handig hoor.",
])
def test_nerves_and_a_hedge_about_ones_own_words_are_no_move(classify, text):
    result = classify_step(text)
    assert result.stap == NO_STEP
    assert all(part.stap == "overig" for part in result.delen)
    assert classify(text).zet not in PITFALLS


def test_a_stance_after_the_nervous_hedge_is_the_turn(classify):
    text = ("Mag ik vertellen hoe ik erin sta? Ik ben wat zenuwachtig, dus ik zeg het misschien niet helemaal goed. "
            "Ik ga niet uitzoeken wie er gelijk heeft. Waar ik voor sta is rust, voor jou en voor de kinderen.")
    result = classify_step(text)
    assert result.stap == "visie"
    assert NERVES in [feature for part in result.delen for feature in ([] if part.stap != "overig" else [NERVES])]
    assert classify(text).zet == "visie"


# -- 2. an introduction with whom one talks ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik ben Fenna, ik praat wel vaker met kinderen hier op school.",
    "ik ben Joost, ik spreek elke week met leerlingen op deze school",
])
def test_an_introduction_with_whom_one_talks_is_no_move(text):
    assert classify_step(text).stap == NO_STEP


def test_an_introduction_before_an_acknowledgement_is_no_pitfall(classify):
    text = ("Hoi Noor. Ik ben Fenna, ik praat wel vaker met kinderen hier op school. Ik zie dat je verdrietig bent, "
            "en dat is best naar.")
    assert classify_step(text).stap == "erkennen"
    engine = Engine(CHILD, classify=classify, seed=0)
    assert engine.step(text).move.zet == "erkennen"


# -- 3. a plan of the other that fell through -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Je zou zondag met de jongens naar de kartbaan gaan, en dan gaat het gewoon niet door.",
    "u zou ze dit weekend hebben, en toen werd het op het laatste moment afgezegd",
    "Jullie zouden samen naar opa gaan, maar toen mocht het ineens niet meer.",
])
def test_a_plan_of_the_other_that_fell_through_is_erkennen(classify, text):
    assert classify_step(text).stap == "erkennen"
    assert classify(text).zet == "erkennen"


@pytest.mark.parametrize("text", [
    "Je zou hem misschien kunnen bellen, dan gaat het niet door zonder overleg.",
    "Je zou eens met haar moeten praten, en dan kan het niet meer misgaan.",
])
def test_advice_with_je_zou_stays_no_acknowledgement(text):
    assert classify_step(text).stap != "erkennen"


# -- 4. a short acknowledgement never outranks a step beside it --------------------------------------------------------

def test_a_short_acknowledgement_beside_naming_the_reality_leaves_the_reality_the_turn(classify):
    text = ("Je wil bij allebei kunnen zijn, zonder ruzie. Dat snap ik heel goed. Weet je, papa en mama gaan "
            "waarschijnlijk niet meer samen op vakantie, ook al zou jij dat leuk vinden.")
    result = classify_step(text)
    assert result.stap == "realiteit"
    assert "erkennen" in result.stappen
    ack = next(part for part in result.delen if part.zin.startswith("Dat snap ik"))
    assert ack.stap == "erkennen" and ack.zekerheid <= CUED


# -- 5. trusting the other's own ideas ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Jij weet zelf het beste hoe het gaat, dus misschien heb je wel een idee.",
    "U kent uw zoon het best.",
])
def test_trusting_the_others_own_ideas_is_no_move(text):
    assert classify_step(text).stap == NO_STEP


def test_an_options_question_with_trust_in_the_others_ideas_is_opties(classify):
    text = ("Wat zou ervoor kunnen zorgen dat de zondagavond wat fijner wordt voor jou? Jij weet zelf het beste hoe "
            "het gaat, dus misschien heb je wel een idee.")
    assert classify_step(text).stap == "opties"
    assert classify(text).zet == "opties"


@pytest.mark.parametrize("text", ["Je weet best dat het niet mag.", "U weet toch wel beter."])
def test_a_reproach_with_weet_best_is_no_encouragement(text):
    assert classify_step(text).stap != NO_STEP


def test_asking_for_the_others_own_idea_is_still_an_options_question():
    assert classify_step("Heb je misschien zelf al een idee?").stap == "opties"


# -- 6. putting oneself in the other's place ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "En dan denk ik: hoe zou ik dat zelf vinden.",
    "hoe zou ik me voelen als mijn kinderen ineens niet meer kwamen",
    "als ik in uw schoenen stond, hoe zou ik dat trekken?",
])
def test_putting_oneself_in_the_others_place_is_erkennen_not_opties(classify, text):
    result = classify_step(text)
    assert result.stap == "erkennen"
    assert OWN_PLACE in result.kenmerken
    assert classify(text).zet == "erkennen"


# -- 7. the "ja, maar" -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik snap dat u boos bent, maar u moet echt even rustig worden",
    "Dat begrijp ik, maar je moet hem wel een kans geven.",
    "Ik hoor hoe verdrietig je bent, maar jij moet ook naar je moeder luisteren.",
    "ik hoor dat u boos bent. maar dan moet u wel rustig blijven.",
])
def test_an_instruction_after_maar_is_the_pitfall_and_not_praised(classify, text):
    assert classify_step(text).stap == "redden"
    answer = classification_text(text)
    assert "Goed:" not in answer and "Stap: erkennen" not in answer
    assert classify(text).zet in PITFALLS


def test_the_yes_but_is_a_rules_read_never_sure():
    result = classify_step("ik snap dat u boos bent, maar u moet echt even rustig worden")
    assert result.zekerheid == CUED  # the model read the acknowledgement at 1.00
    assert YES_BUT in result.kenmerken


def test_a_lecture_about_behaviour_after_an_acknowledgement_stays_oordelen_in_the_role_play(classify):
    assert classify("ik snap dat u boos bent, maar u moet echt even rustig worden").zet == "oordelen"


@pytest.mark.parametrize("text", [
    "Het ligt niet aan jou, maar je moet weten dat wij je papa en mama gaan helpen.",
    "Ik snap dat het zwaar is, maar je moet het zelf weten.",
    "Je wil naar allebei, maar je vader moet ook meewerken.",
    "Ik snap dat je boos bent, maar moet jij dat oplossen?",
])
def test_what_the_other_must_know_a_choice_left_to_them_or_a_third_is_no_yes_but(text):
    assert YES_BUT not in classify_step(text).kenmerken


def test_the_yes_but_does_not_count_as_hearing_the_persona_in_the_role_play(classify):
    engine = Engine(CHILD, classify=classify, seed=0)
    try:
        turn = engine.step("Ik snap dat je het niet leuk vindt, maar je moet wel gewoon naar papa.").turn
    except RoleplayError:  # pragma: no cover - the turn is read, never small talk
        raise
    assert turn.zet in PITFALLS
    assert "erkennen" not in turn.zetten


def test_a_yes_but_the_step_reader_reads_as_a_fix_is_still_a_lecture_in_the_role_play(classify):
    # the step reader reads redden; the cue phrase "je moet" after "maar" makes it a lecture, not a doubtful fix
    assert classify_step("Dat begrijp ik, maar je moet hem wel een kans geven.").stap == "redden"
    move = classify("Dat begrijp ik, maar je moet hem wel een kans geven.")
    assert move.zet == "oordelen" and move.zekerheid >= 0.6
