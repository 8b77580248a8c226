"""Turns the step reader and the role-play misread in a user test of session 20 (own sentences beside the ones of the
test, none from an evaluation set):

1. "eerlijk gezegd" / "om eerlijk te zijn" / "ik moet eerlijk zeggen" is a hedge: what follows decides; it is inhoud
   only when what follows takes a side or argues the content;
2. siding against the other parent ("uw ex klinkt echt als een lastige man") is inhoud in `rustpunt stap` and in the
   role-play alike;
3. a soft judgement ("... is ook niet echt slim, he") is oordelen;
4. an introduction and small talk ("hoi! ik ben anouk, ik werk hier op school. hoe was je weekend?") is no turn;
5. giving the other's own words back is no pitfall, and "en wat nog meer?" after the persona named an option asks
   for more options.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.context import Context
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import HEDGE, SIDES, classify_step

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. a hedge of honesty: what follows decides -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "sorry, dat kwam er verkeerd uit. eerlijk gezegd hoor ik vooral een vader die zijn jongens heel erg mist",
    "u vraagt zich af of het ooit nog goed komt met de kinderen, en eerlijk gezegd hoor ik vooral iemand die heel "
    "moe is",
    "eerlijk gezegd hoor ik vooral een moeder die haar dochter mist",
    "om eerlijk te zijn zie ik vooral iemand die het heel zwaar heeft",
])
def test_what_follows_the_hedge_decides_the_move(classify, text):
    result = classify_step(text)
    assert result.stap == "erkennen" and not result.valkuilen, (text, result.stap, result.kenmerken)
    move = classify(text)
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS), (text, move)


def test_the_hedge_is_named_as_what_was_left_out():
    assert HEDGE in classify_step("eerlijk gezegd hoor ik vooral een vader die zijn jongens heel erg mist").kenmerken


@pytest.mark.parametrize("text", [
    "eerlijk gezegd snap ik haar wel",
    "eerlijk gezegd vind ik dat zij zich gewoon aan de afspraak moet houden",
    "om eerlijk te zijn heeft uw ex daar wel een punt",
    "ik moet eerlijk zeggen dat ik het met haar eens ben",
])
def test_a_side_after_the_hedge_stays_inhoud(classify, text):
    assert classify_step(text).stap == "inhoud", text
    assert classify(text).zet == "inhoud", text


# -- 2. siding against the other parent: inhoud in both readers ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "uw ex klinkt echt als een lastige man",
    "je moeder klinkt als een lastig mens",
    "klopt. uw ex doet ook echt heel kinderachtig",
    "dat geloof ik meteen. je vader klinkt ook wel als iemand die snel boos wordt, he.",
    "tja, uw ex-vrouw is ook gewoon een egoïstisch mens",
    "wat een onmogelijke man, zeg",
])
def test_siding_against_the_other_parent_is_inhoud_in_both_readers(classify, text):
    result = classify_step(text)
    assert result.stap == "inhoud", (text, result.stap)
    assert SIDES in result.kenmerken or "inhoud" in [p.stap for p in result.valkuilen], (text, result.kenmerken)
    assert classify(text).zet == "inhoud", text


@pytest.mark.parametrize("text", [
    "je klinkt echt op",
    "u klinkt als iemand die het heel zwaar heeft",
    "het klinkt alsof je je klem voelt zitten tussen je vader en je moeder",
    "klinkt je vader als iemand die snel boos wordt?",
])
def test_the_one_addressed_or_a_question_is_no_side(text):
    assert classify_step(text).stap != "inhoud", text


# -- 3. a soft judgement is oordelen --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "al dat geappe naar papa is ook niet echt slim, he, zo speel je ze tegen elkaar uit.",
    "dat was ook niet zo handig van je, die berichten midden in de nacht",
    "nou, dat is niet zo verstandig, hè",
])
def test_a_soft_judgement_is_oordelen_in_the_role_play(classify, text):
    assert classify(text).zet == "oordelen", text


def test_owning_a_misstep_is_no_soft_judgement(classify):
    move = classify("Nee wacht, dat was niet handig van me. Wat heb jij nodig?")
    assert move.zet != "oordelen", move


# -- 4. an introduction and small talk is no turn ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hoi! ik ben anouk, ik werk hier op school. hoe was je weekend? heb je nog iets leuks gedaan?",
    "hallo, ik ben sanne. ik werk bij het wijkteam.",
    "hoi, ik heet daan. heb je nog iets leuks gedaan in de vakantie?",
])
def test_an_introduction_with_small_talk_is_no_turn(classify, text):
    assert classify_step(text).stap == "geen", text
    engine = Engine(CHILD, classify=classify, seed=0)
    with pytest.raises(RoleplayError, match="telt niet als beurt"):
        engine.step(text)
    assert engine.state.turns == [] and engine.state.tension == CHILD.spanning.start


@pytest.mark.parametrize("text", ["ik ben moe van al dat gedoe", "ik ben bang dat het misgaat"])
def test_a_sentence_about_oneself_is_no_introduction(text):
    assert classify_step(text).stap != "geen" or "begroeting" not in classify_step(text).tip.lower(), text


# -- 5. giving the other's words back; asking for more after an option -------------------------------------------------

OPTION = "Ik kan haar een kaartje sturen, zonder dat ze iets terug hoeft te doen."


def test_giving_an_option_back_is_no_rescue(classify):
    move = classify("een kaartje, zonder dat ze iets terug hoeft te doen. mooi. en wat nog meer?",
                    Context.of(OPTION, ["erkennen", "behoefte", "opties"]))
    assert move.zet == "opties" and "redden" not in move.zetten, move


def test_the_same_words_without_that_line_stay_what_they_are(classify):
    move = classify("ik kan haar wel een kaartje sturen, dan hoeft u niks te doen.",
                    Context.of(OPTION, ["erkennen", "opties"]))
    assert move.zet == "redden", move


def test_repeating_a_claim_about_the_other_is_no_reflection(classify):
    move = classify("hij zet de kinderen tegen u op, ja, dat is echt niet netjes van hem.",
                    Context.of("Hij zet de kinderen tegen mij op!", ["erkennen"]))
    assert move.zet == "inhoud", move


@pytest.mark.parametrize("text", ["dat ze weten dat u er was, mooi gezegd.", "nooit meer alleen, goed gezegd."])
def test_words_given_back_with_praise_are_erkennen(classify, text):
    assert classify_step(text).stap == "erkennen", text
    assert classify(text).zet == "erkennen", text


def test_asking_for_more_after_an_option_that_reads_like_an_event_is_opties(classify):
    move = classify("en wat nog meer?", Context.of(
        "Misschien niet helemaal stoppen, maar minder. Alleen de woensdag, zonder gedoe.", ["erkennen", "opties"]))
    assert move.zet == "opties", move
