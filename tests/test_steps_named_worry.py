"""Naming the other's worry, doubt or fear back ("U vraagt zich af of het ooit nog goed komt met uw kinderen.", "je
vraagt je af of je ze nog terugziet", "u maakt zich zorgen dat ...", "u bent bang dat ...", "je twijfelt of ...") is
erkennen, in the step reader and in the role-play (a user test, session 20: the father who wants to stop seeing his
children heard it as a rescue and ended the talk; ``rustpunt stap`` said realiteit). Advice or a judgement stays what
it is. Own sentences, none from an evaluation set."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import Engine
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import NAMED_WORRY, classify_step

FATHER = load_knowledge(Path(knowledge_dir()) / "scenarios").get("scenario", "vader-contact-verbreken")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


NAMED = [
    "U vraagt zich af of het ooit nog goed komt met uw kinderen.",
    "u vraagt zich af of het nog goed komt",
    "je vraagt je af of je ze nog terugziet",
    "Dus u vraagt zich af of het ooit nog goed komt tussen u en de kinderen.",
    "jij vraagt je soms af of het allemaal nog zin heeft",
    "u maakt zich zorgen of u ze nog wel ziet",
    "u maakt zich zorgen dat het nooit meer goed komt",
    "u bent bang dat de kinderen u vergeten",
    "je twijfelt of je nog door wilt",
    "u twijfelt of u wel een goede vader bent",
    "je vraagt je af of je het wel goed doet",
    "Marianne, je vraagt je af of ze je nog ziet staan.",
    "ik hoor dat u zich afvraagt of ze u nog willen zien",
    "u vraagt zich af of u uw kinderen nog terugziet, en of ze u dan nog kennen",
]


@pytest.mark.parametrize("text", NAMED)
def test_a_named_worry_is_erkennen_in_the_step_reader_and_the_role_play(classify, text):
    assert classify_step(text).stap == "erkennen", text
    move = classify(text)
    assert move.zet == "erkennen" and move.zekerheid >= 0.6, (text, move)
    assert not set(move.zetten) & set(PITFALLS), (text, move.zetten)


def test_the_cli_reads_the_sentence_of_the_user_test_as_erkennen_and_says_why():
    result = classify_step("U vraagt zich af of het ooit nog goed komt met uw kinderen.")
    assert result.stap == "erkennen" and result.kenmerken[0] == NAMED_WORRY
    assert result.tip.startswith("Goed:")


@pytest.mark.parametrize("text, pitfall", [
    ("u vraagt zich af wat u moet doen? Nou, ik zou gewoon een advocaat nemen.", "redden"),
    ("u vraagt zich af wat u moet doen, nou ik zou gewoon een advocaat nemen.", "redden"),
    ("u vraagt zich af hoe het verder moet, bel morgen een advocaat en regel het", "redden"),
    ("Ik vraag me af of u niet beter een advocaat kunt nemen.", "redden"),  # the professional's own wondering
    ("u vraagt zich af of het goed komt, maar u moet gewoon doorzetten", None),
    ("u maakt zich zorgen om niks", None),  # a judgement of the worry
    ("je maakt je veel te veel zorgen, dat is nergens voor nodig", None),
])
def test_advice_or_a_judgement_around_a_worry_is_not_read_as_naming_it(classify, text, pitfall):
    move = classify(text)
    if pitfall:
        assert move.zet == pitfall, (text, move)
    else:
        assert NAMED_WORRY not in move.signalen and NAMED_WORRY not in classify_step(text).kenmerken, (text, move)


def test_the_father_of_the_user_test_calms_down_and_stays_in_the_talk():
    engine = Engine(FATHER, classify=MoveClassifier(), seed=0)
    for text in ("U vraagt zich af of het ooit nog goed komt met uw kinderen.",
                 "je vraagt je af of je ze nog terugziet"):
        result = engine.step(text)
        assert result.move.zet == "erkennen", text
        assert result.turn.spanning_na < result.turn.spanning_voor and result.ending is None, text
