"""Pitfalls hidden in warm turns (session 26, the seen set evaluatie/oefenpaden_46.yml: long spoken turns of a training
group, the pitfall in the middle of a warm turn).

1. A closing check question after advice ("Misschien kunnen jullie dat proberen? Fleur, wat vind jij ervan?") belongs
   to the advice: it is no options step of its own and does not hide the advice.
2. A sure pitfall in one sentence of a turn counts, also when another sentence is a doubtful judgement that the engine
   would forgive: forgiving the doubt does not forgive the sure misstep.
3. The subtle bad paths 7, 11, 15 and 23 of set 46 reached no ending (tension 2-7); their hidden pitfalls were read as
   steps: a verdict on the other parent ("vader maakt het u ook niet makkelijk"), an offer that spares the other ("...,
   dan hoeft u niet ..."), a rhetorical lecture ("Dat wilt u toch ook niet?"). Every cause is also tested in other
   words."""
from pathlib import Path

import pytest

from bot import status
from bot.heldout import practice_path_set
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import UNSURE, Engine
from bot.roleplay.models import JUDGEMENT
from bot.roleplay.moves import UNSURE_CUE, MoveClassifier
from bot.steps.classifier import OTHER, PROPOSAL_CHECK, Part, StepResult, classify_step

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
MDO = KNOWLEDGE.get("scenario", "mdo-moeder-dochter-ruzie")
MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")
FATHER_STOPS = KNOWLEDGE.get("scenario", "vader-contact-verbreken")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. a check question after advice belongs to the advice -------------------------------------------------------

ADVICE_THEN_CHECK = [
    # set 46, path 7, turn 4: the closing questions were read as opties (0.99) and led the turn
    "Ja. Weet u, wat bij andere gezinnen vaak goed werkt is een schrift op de keukentafel waar de afspraken in staan, "
    "dan hoeft er niet elke keer over gepraat te worden. Misschien kunnen jullie dat proberen? Fleur, wat vind jij "
    "ervan?",
    # own words (the questions were read as opties 1.0 and behoefte 0.66, moves of the turn beside the advice)
    "Ik hoor hoe moe u bent. Misschien kunt u zijn berichten voortaan maar één keer per dag lezen. Zou u dat eens "
    "kunnen proberen? Lijkt u dat wat?",
]


@pytest.mark.parametrize("text", ADVICE_THEN_CHECK)
def test_a_check_question_after_advice_is_part_of_the_advice(text):
    result = classify_step(text)
    assert result.stap == "redden"
    assert "opties" not in result.stappen
    checks = [part for part in result.delen if part.zin.rstrip().endswith("?")]
    assert checks and all(part.stap == OTHER for part in checks)


def test_in_the_roleplay_advice_with_a_check_question_raises_the_tension(classify):
    engine = Engine(MDO, classify=classify, seed=0)
    result = engine.step(ADVICE_THEN_CHECK[0])
    assert result.move.zet == "redden" and "opties" not in result.move.zetten and not result.turn.onzeker
    assert result.tension > MDO.spanning.start


def test_the_same_question_after_a_step_is_read_as_usual():
    """Only after a pitfall sentence does the question belong to it: "wat vind jij ervan?" after a stance is read as
    before (not marked as a check of a proposal)."""
    result = classify_step("Voor mij staat voorop dat het voor jullie allebei rustiger wordt. Wat vind jij ervan?")
    assert result.stap != "redden"
    assert all(PROPOSAL_CHECK not in part.zin for part in result.delen)
    assert result.delen[-1].stap != OTHER


# -- 2. a sure pitfall is not forgiven with the doubt beside it ---------------------------------------------------

def test_a_sure_pitfall_is_not_swallowed_by_a_forgiven_doubt(classify):
    """Set 46, path 7, turn 6: the learned judgement read of the second sentence (uncertain) made the whole turn a
    forgiven oordelen, so the sure inhoud of "Daar moet je je echt aan houden." (0.77) did not count either."""
    engine = Engine(MDO, classify=classify, seed=0)
    result = engine.step("Fleur, ik vind het knap dat je hier zit hoor. Maar je snapt toch ook wel dat je moeder zich "
                         "zorgen maakt als je om twee uur 's nachts nog niet thuis bent? Daar moet je je echt aan "
                         "houden. Wat heb je nodig om weer naar school te gaan?")
    assert not result.turn.onzeker
    assert result.move.zet in ("inhoud", "redden", JUDGEMENT) and result.move.zekerheid >= UNSURE
    assert result.tension > MDO.spanning.start


class _Doubting(MoveClassifier):
    """The learned judgement read (uncertain) on every sentence that holds "eigenlijk"; no stored model needed."""

    def _judges(self, part):
        return "eigenlijk" in part.zin.lower()


def _turn(parts):
    text = " ".join(zin for zin, _, _ in parts)
    delen, at = [], 0
    for zin, stap, zekerheid in parts:
        delen.append(Part(zin, at, at + len(zin), stap, zekerheid))
        at += len(zin) + 1
    flagged = [part for part in delen if part.stap in ("inhoud", "redden") and part.zekerheid >= 0.5]
    steps = [part for part in delen if part.stap not in ("inhoud", "redden", OTHER)]
    main = max(steps, key=lambda part: part.zekerheid)
    result = StepResult(stap=main.stap, zekerheid=main.zekerheid, delen=delen,
                        stappen=list(dict.fromkeys(part.stap for part in delen if part.stap != OTHER)),
                        valkuilen=flagged)
    return text, result


@pytest.mark.parametrize("sure, expected", [(0.75, True), (0.55, False)])
def test_a_doubtful_judgement_beside_a_sure_pitfall_sentence(sure, expected):
    """Own words, with a stub step reader: a sentence the learned judgement doubts beside a sentence read as redden.
    A sure redden (at least the engine's UNSURE) leads the turn and is not forgiven; a doubtful one leaves the turn an
    uncertain read as before."""
    text, result = _turn([("Ik snap dat u het zat bent.", "erkennen", 0.95),
                          ("Eigenlijk had u dat zelf ook wel kunnen zien.", "realiteit", 0.4),
                          ("Ik bel de school morgen wel even voor u.", "redden", sure),
                          ("Hoe gaat het nu met u?", "erkennen", 0.9)])
    classify = _Doubting(step_classifier=lambda _: result, use_context=False, use_learned_judgement=True)
    engine = Engine(MOTHER, classify=classify, seed=0)
    outcome = engine.step(text)
    if expected:
        assert outcome.move.zet == "redden" and outcome.move.zekerheid == sure
        assert JUDGEMENT in outcome.move.zetten
        assert not outcome.turn.onzeker and outcome.tension > MOTHER.spanning.start
        assert outcome.turn.valkuilzin == "Ik bel de school morgen wel even voor u."
    else:
        assert outcome.move.zet == JUDGEMENT and outcome.move.zekerheid == UNSURE_CUE
        assert outcome.turn.onzeker and outcome.tension == MOTHER.spanning.start


# -- 3. the hidden pitfalls of the subtle bad paths ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # set 46 (paths 7, 15, 23 and 15)
    "Mevrouw, ik zie hoeveel u voor haar doet, echt waar, en vader maakt het u natuurlijk ook niet makkelijk door "
    "overal maar ja op te zeggen.",
    "Ik hoor dit soort verhalen helaas vaker, en vaak zit er dan een vader achter die het kind een beetje bespeelt, "
    "dat gebeurt echt meer dan je denkt.",
    "Eerlijk gezegd denk ik ook dat zij u het leven wel erg zuur maakt met al die klachten, dat zie ik in het dossier "
    "ook wel terug.",
    "Eigenlijk is dat gewoon zijn taak als ouder, vind ik.",
    # own words
    "Uw ex maakt het u ook wel erg moeilijk, hè.",
    "Ik denk dat mama je een beetje tegen papa opzet.",
    "Wat hij met die berichten doet, is echt niet netjes.",
])
def test_a_verdict_on_the_other_parent_is_inhoud(text):
    result = classify_step(text)
    assert result.stap == "inhoud" and result.zekerheid >= 0.8


@pytest.mark.parametrize("text", [
    "U heeft het gevoel dat hij het u moeilijk maakt.",  # the other's feeling given back
    "Wat kunt u doen als hij het u weer moeilijk maakt?",  # a condition in an options question
    "wat kunt u doen als hij het u weer moeilijk maakt",  # ... dictated, without its question mark
    "Dat is hun werk, niet het jouwe.",  # both parents: the workbook's reality to a child
])
def test_no_verdict_on_the_other_parent(text):
    assert classify_step(text).stap != "inhoud"


@pytest.mark.parametrize("text", [
    # set 46, path 11, turn 5 (read as opties 0.55)
    "Zal ik anders volgende week in het overleg zelf beginnen over die berichten, dan hoeft u niet de hele tijd voor "
    "uzelf op te komen?",
    # own words
    "Zal ik het gesprek met school voeren, dan hoef je daar niet meer over na te denken?",
])
def test_an_offer_that_spares_the_other_is_redden(text):
    assert classify_step(text).stap == "redden"


@pytest.mark.parametrize("text", [
    "Dat wilt u toch ook niet?",
    "Als je nu stopt met bellen, mist ze je. Dat wil je toch niet?",
])
def test_a_rhetorical_question_that_gives_the_answer_is_a_lecture(classify, text):
    move = classify(text)
    assert move.zet == JUDGEMENT and move.zekerheid >= UNSURE


@pytest.mark.parametrize("number", [7, 11, 15, 23])
def test_the_subtle_bad_paths_of_set_46_end_badly(classify, number):
    path = practice_path_set("oefenpaden_46.yml")[number - 1]
    assert path["soort"] == "slecht"
    scenario = KNOWLEDGE.get("scenario", path["scenario"])
    engine = Engine(scenario, classify=classify, seed=0)
    for text in path["beurten"]:
        if engine.step(str(text)).ending:
            break
    assert engine.state.ending == status.BAD, engine.state.curve
