"""Dictated turns (a user test of session 23, issue 14): trainees who dictate their role-play turns give one run-on
sentence without punctuation, with fillers ("eh", "zeg maar"), small talk and self-corrections before the move. Read
as one sentence such a turn was no move ("Onduidelijke zet", which raises the tension), small talk read as a move, or
a pitfall after "maar" got lost; the same words punctuated were read right. ``bot.textclass.punctuate`` gives such a
turn the punctuation of a typist, and every reader (the sentences of ``segments``, the step reader, the role-play
move reader) reads its parts as if punctuated. A punctuated turn is read exactly as before.

One family per block, with the quotes of the user test and own words (none from an evaluation set):

1. punctuated, multi-line and short turns are left as they are;
2. a run-on is split at a greeting's end, a pause, a repair ("nee wacht", "sorry", "wat ik bedoel is"), a welcome, a
   new main clause, "maar" after a whole clause, a tag ("hoor", "hè") and a question; fillers are dropped;
3. the dictated turn is read as its punctuated twin: the move, small talk, the self-correction and the pitfall;
4. in the role-play: a dictated greeting counts no turn, a dictated minimising turn is flagged;
5. the measure: ``bot.heldout.dictated`` gives a text as speech-to-text does.
"""
from pathlib import Path

import pytest

from bot.heldout import dictated
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import classify_step
from bot.textclass import punctuate, segments

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")  # starts at tension 8
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. what is not a run-on is read as typed ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Oké, even wacht allemaal. Ik stop het gesprek even.",
    "ik snap dat je boos bent, maar je moet wel naar school",
    "hoi ik ben sanne\nfijn dat je er bent wil je wat drinken",
    "ik ben sanne - fijn dat je er bent ik wil graag met je praten",
    "wat heeft u nodig",  # short: one clause as it is
    "Wat zou je het allerliefste willen dat er thuis anders wordt?",  # a typed sentence: its mark is punctuation
    "Ik snap dat je boos bent en ik wil je helpen met wat je nodig hebt.",  # no place to split
])
def test_a_punctuated_or_short_turn_is_read_as_typed(text):
    punctuated = punctuate(text)
    assert punctuated.text == text and not punctuated.words


# -- 2. where a run-on is split ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, sentences", [
    # the user test
    ("hoi ik ben eh sanne van het buurtteam fijn dat je er bent wil je wat drinken",
     ["hoi ik ben eh sanne van het buurtteam", "fijn dat je er bent", "wil je wat drinken"]),
    ("nee wacht dat kwam er verkeerd uit ik ga niet kiezen tussen u en uw ex ik ben er voor uw zoon dat hij rust heeft",
     ["nee wacht", "dat kwam er verkeerd uit", "ik ga niet kiezen tussen u en uw ex",
      "ik ben er voor uw zoon dat hij rust heeft"]),
    ("dat moet echt heel zwaar zijn maar het komt vast wel goed hoor meiden van die leeftijd draaien vaak weer bij",
     ["dat moet echt heel zwaar zijn", "maar het komt vast wel goed hoor",
      "meiden van die leeftijd draaien vaak weer bij"]),
    # own words
    ("goedenavond meneer uhm wat naar dat uw zoon niet thuiskwam hoe gaat het nu met u",
     ["goedenavond meneer uhm wat naar dat uw zoon niet thuiskwam", "hoe gaat het nu met u"]),
    ("sorry dat zei ik verkeerd wat ik bedoel is dat jij hier mag zeggen wat je wil",
     ["sorry dat zei ik verkeerd", "wat ik bedoel is dat jij hier mag zeggen wat je wil"]),
])
def test_a_run_on_is_split_where_a_typist_puts_a_full_stop(text, sentences):
    assert [text[begin:end] for begin, end in segments(text)] == sentences


def test_fillers_are_dropped_and_questions_get_their_mark():
    assert punctuate("ja goedemorgen met eh met ilse van het wijkteam heeft u even tijd").text == \
        "ja goedemorgen, met ilse van het wijkteam. heeft u even tijd?"
    assert punctuate("we zijn hier voor jou zeg maar dat je weer naar school kan ik wil graag").text == \
        "we zijn hier voor jou dat je weer naar school kan. ik wil graag."


def test_what_is_said_stays_in_its_sentence_and_a_check_question_stands_apart():
    assert punctuate("ik zeg het maar meteen ik ga niet uitzoeken wie er gelijk heeft").text == \
        "ik zeg het maar meteen: ik ga niet uitzoeken wie er gelijk heeft."
    assert punctuate("ik hoor ook verdriet eronder klopt dat met wie kunt u dit eigenlijk delen").text == \
        "ik hoor ook verdriet eronder. klopt dat? met wie kunt u dit eigenlijk delen?"


def test_inverted_and_subordinate_clauses_are_not_split():
    for text in ["misschien kunt u morgen met haar bellen als u dat wil", "dan ga ik met je kijken wat we samen kunnen",
                 "ik weet niet wat je bedoelt met dat je ga zeggen", "als je wil kun je het me gewoon vertellen"]:
        assert punctuate(text).text == text, punctuate(text).text


# -- 3. the dictated turn reads as its punctuated twin ----------------------------------------------------------------

TWINS = [
    # the user test (scenario in the comment)
    ("oke eh even wacht allemaal ik stop het gesprek even zo schreeuwen we niet tegen elkaar we zijn hier voor jou zeg "
     "maar dat je weer naar school kan",  # MDO
     "Oké, even wacht allemaal. Ik stop het gesprek even. Zo schreeuwen we niet tegen elkaar. We zijn hier voor jou, "
     "dat je weer naar school kan.", "visie"),
    ("goedemiddag mevrouw fijn dat u er bent heeft u het een beetje kunnen vinden",  # partij kiezen: no judgement
     "Goedemiddag mevrouw, fijn dat u er bent. Heeft u het een beetje kunnen vinden?", None),
    ("nee wacht dat kwam er verkeerd uit ik ga niet kiezen tussen u en uw ex ik ben er voor uw zoon dat hij rust heeft",
     "Nee wacht, dat kwam er verkeerd uit. Ik ga niet kiezen tussen u en uw ex. Ik ben er voor uw zoon, dat hij rust "
     "heeft.", "visie"),
    ("sorry ik ga nu voor u invullen wat er speelt dat moet ik niet doen wat ik eigenlijk wil zeggen is dat ik zie "
     "hoeveel verdriet u hierover heeft",
     "Sorry, ik ga nu voor u invullen wat er speelt. Dat moet ik niet doen. Wat ik eigenlijk wil zeggen is dat ik zie "
     "hoeveel verdriet u hierover heeft.", "erkennen"),
]


@pytest.mark.parametrize("spoken, typed, step", TWINS)
def test_a_dictated_turn_reads_as_its_punctuated_twin(spoken, typed, step, classify):
    heard, read = classify_step(spoken), classify_step(typed)
    assert heard.stap == read.stap, heard.delen
    if step:
        assert heard.stap == step
    assert classify(spoken).zet == classify(typed).zet != "oordelen"


def test_a_dictated_introduction_is_small_talk(classify):
    move = classify("hoi ik ben eh sanne van het buurtteam fijn dat je er bent wil je wat drinken")
    assert move.zet == "onduidelijk" and move.small_talk


@pytest.mark.parametrize("text, pitfall", [
    ("dat moet echt heel zwaar zijn maar het komt vast wel goed hoor meiden van die leeftijd draaien vaak weer bij",
     "redden"),  # the user test
    ("wat verdrietig dat u haar zo lang niet gezien heeft maar het komt heus wel goed hoor pubers draaien altijd weer "
     "bij", "redden"),  # own words
])
def test_a_pitfall_after_maar_in_a_run_on_is_flagged(text, pitfall, classify):
    result = classify_step(text)
    assert pitfall in result.stappen and any(part.stap == pitfall for part in result.valkuilen), result.delen
    assert all(part.zin in text for part in result.delen)  # the parts quote the trainee's own words
    assert pitfall in classify(text).zetten


def test_the_self_correction_in_a_run_on_is_no_move():
    result = classify_step("nee wacht dat kwam er verkeerd uit ik ga niet kiezen tussen u en uw ex")
    assert result.stap == "visie" and result.delen[1].zelfcorrectie, result.delen


# -- 4. in the role-play ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scenario, text", [
    (CHILD, "hoi ik ben eh sanne van het buurtteam fijn dat je er bent wil je wat drinken"),  # the user test
    (FATHER, "hallo meneer eh u spreekt met joost van het wijkteam"),  # own words
])
def test_a_dictated_greeting_counts_no_turn(scenario, text, classify):
    engine = Engine(scenario, classify=classify, seed=0)
    with pytest.raises(RoleplayError, match="telt niet als beurt"):
        engine.step(text)
    assert engine.state.tension == scenario.spanning.start and engine.state.turns == []


def test_a_dictated_minimising_turn_is_flagged(classify):
    text = ("ja goedemorgen met eh met ilse van het wijkteam wat vervelend dat de jongens niet kwamen maar ja kinderen "
            "worden nou eenmaal ziek he dat gebeurt")
    move = classify(text)
    assert move.zet == "erkennen" and len(move.zetten) > 1 and move.valkuilzin, move


# -- 5. the measure ---------------------------------------------------------------------------------------------------

def test_dictated_drops_punctuation_and_capitals():
    assert dictated("Ja, goedemorgen.\nWat vervelend! Zo'n dag, hè?") == "ja goedemorgen wat vervelend zo'n dag hè"
