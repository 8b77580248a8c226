"""Turns a second-round user test of session 22 found misread (trainees in the role-play, long spoken turns); one
family per block, with own sentences beside the quotes of the user test (none from an evaluation set):

1. the tag "hè" reads the same however it is typed ("he", "hé", "hè", a combining accent), also inside a long turn;
2. moralising about the other's plan or the children ("dat is echt geen goed plan hoor", "die hebben hier niet om
   gevraagd") is the role-play's oordelen (de les lezen) and no good step for the step reader;
3. good turns read as a pitfall: a feeling word echoed ("ja, pijnlijk is het zeker."), the other's guess at a feeling
   granted ("dat ze zich schuldig voelt ..., ja, dat zou zomaar kunnen."), what the other looked forward to ("u had
   zich er natuurlijk de hele week op verheugd ...") are erkennen; nothing to count on ("daar hoeft u niet op te
   rekenen") is realiteit; granting the other their own decision ("u beslist het zelf, daar heeft u gelijk in") is
   erkennen, no siding;
4. the frame of one's stance ("voor mij staat voorop", "waar ik voor sta", "wat voor mij telt is") is visie.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.context import Context
from bot.roleplay.engine import Engine
from bot.roleplay.models import JUDGEMENT, PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import AUTONOMY, MORAL_LECTURE, STANCE, classify_step
from bot.steps.preparation import classification_text
from bot.text import spoken_tags

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER_STOPS = KNOWLEDGE.get("scenario", "vader-contact-verbreken")
MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. the tag "hè" however it is typed ------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["hè", "he", "hé", "He", "he\u0300"])
def test_the_tag_reads_the_same_however_it_is_typed(tag, classify):
    text = f"u bent gewoon op, {tag}."
    result = classify_step(text)
    assert result.stap == "erkennen", result.delen
    assert "Erkennen" in classification_text(text).splitlines()[0]
    assert classify(text).zet == "erkennen"


@pytest.mark.parametrize("text", [
    # the user test: a long turn with the unaccented tag
    "sorry, dat wuifde ik te makkelijk weg. drie rechtszaken, weer een klacht, weer een afgezegd weekend... u bent "
    "gewoon op, he. en u zegt: wat ik ook doe, het is nooit goed. dat klinkt eenzaam",
    # own words
    "jeetje, dat is veel. je bent echt kapot he. dat snap ik wel",
    "u bent er gewoon helemaal klaar mee hé, na al die jaren.",
])
def test_the_unaccented_tag_in_a_long_turn_is_no_rescue(text, classify):
    result = classify_step(text)
    assert result.stap == "erkennen" and "redden" not in result.stappen, result.delen
    move = classify(text)
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS), move


def test_the_parts_quote_what_the_trainee_typed():
    result = classify_step("drie rechtszaken. u bent gewoon op, he.")
    assert [part.zin for part in result.delen] == ["drie rechtszaken.", "u bent gewoon op, he."]


@pytest.mark.parametrize("text, read", [
    ("u bent op, he.", "u bent op, hè."),
    ("het doet je echt wat he", "het doet je echt wat hè"),
    ("hé Noor, wil je iets drinken?", "hé Noor, wil je iets drinken?"),  # a greeting at the start stays
    ("hij heeft het, hebben we dat?", "hij heeft het, hebben we dat?"),
])
def test_one_spelling_of_the_tag(text, read):
    assert spoken_tags(text) == read


# -- 2. moralising about the other's plan or the children ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "ja maar meneer, daar worden uw kinderen toch het meest de dupe van. die hebben hier niet om gevraagd, dat is "
    "echt geen goed plan hoor",
    "dat is echt geen goed plan hoor",
    # own words
    "dat lijkt me geen goed idee, meneer",
    "ik vind het eerlijk gezegd een slecht plan",
    "daar hebben ze toch niet om gevraagd, die jongens",
    "dat kunt u uw kinderen toch niet aandoen",
])
def test_moralising_is_judging_in_the_role_play(text, classify):
    move = classify(text)
    assert move.zet == JUDGEMENT, move
    assert classify_step(text).stap in PITFALLS  # no good step for `welke stap is dit`


def test_moralising_is_named_as_the_reason(classify):
    assert MORAL_LECTURE in classify_step("dat is echt geen goed plan hoor").kenmerken
    assert MORAL_LECTURE in classify("dat is echt geen goed plan hoor").signalen


def test_moralising_raises_the_tension_with_the_father():
    engine = Engine(FATHER_STOPS, classify=MoveClassifier(), seed=0)
    before = engine.state.tension
    engine.step("ja maar meneer, daar worden uw kinderen toch het meest de dupe van. die hebben hier niet om "
                "gevraagd, dat is echt geen goed plan hoor")
    assert engine.state.turns[-1].zet == JUDGEMENT
    assert engine.state.tension >= before


@pytest.mark.parametrize("text", [
    # praise of the other's idea, one's own plan, what a fight does to children (visie), a question
    "dat is geen slecht idee van u. wat nog meer?",
    "dat was geen goed idee van mij, sorry.",
    "zolang jullie strijden, zijn de kinderen de dupe. dat moet stoppen.",
    "is dat een goed plan, denkt u?",
    "ik ga je ook niet vertellen of het een goed of een slecht besluit is.",
])
def test_no_moralising_without_a_verdict_on_the_other(text, classify):
    assert classify(text).zet != JUDGEMENT


# -- 3. good turns read as a pitfall ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test, after the persona said "Dat is pijnlijk, maar het is zo."
    "ja, pijnlijk is het zeker.",
    # own words: the feeling word first
    "zwaar is het wel, ja.",
    "nou, rot is dat zeker.",
])
def test_a_feeling_word_echoed_is_erkennen(text, classify):
    assert classify_step(text).stap == "erkennen"
    context = Context.of("Ja. Ze is veertien en ik kan haar niet dwingen. Dat is pijnlijk, maar het is zo.",
                         ("erkennen", "realiteit"))
    assert classify(text, context).zet == "erkennen"


def test_the_echo_before_an_options_question_is_no_pitfall(classify):
    text = ("ja, pijnlijk is het zeker. wat zou u kunnen doen zodat ze merkt dat u er bent, zonder dat ze meteen iets "
            "terug hoeft te doen? wat kunt u allemaal bedenken")
    move = classify(text)
    assert move.zet == "opties" and not set(move.zetten) & set(PITFALLS), move


@pytest.mark.parametrize("text", [
    # the user test
    "dat ze zich schuldig voelt naar haar vader, ja, dat zou zomaar kunnen.",
    # own words
    "dat hij zich klem voelt tussen jullie, dat kan best zijn.",
    "ja, dat zou best eens kunnen, dat ze zich ontrouw voelt.",
])
def test_the_others_guess_at_a_feeling_granted_is_erkennen(text, classify):
    assert classify_step(text).stap == "erkennen"
    assert classify(text).zet == "erkennen"


def test_a_claim_about_the_other_party_granted_is_not_erkennen():
    assert classify_step("dat hij het expres doet, ja, dat zou zomaar kunnen.").stap != "erkennen"


@pytest.mark.parametrize("text", [
    # the user test, with and without the pause
    "u had zich er natuurlijk de hele week op verheugd dat de jongens zouden komen en dan krijgt u op vrijdagavond "
    "zo'n appje.",
    "u had zich er natuurlijk de hele week op verheugd … en dan krijgt u op vrijdagavond zo'n appje.",
    # own words
    "je had er vast al weken naar uitgekeken.",
])
def test_what_the_other_looked_forward_to_is_erkennen(text, classify):
    result = classify_step(text)
    assert result.stap == "erkennen" and "inhoud" not in result.stappen, result.delen
    assert classify(text).zet == "erkennen"


def test_what_the_other_had_to_do_is_still_a_lecture(classify):
    assert classify("u had haar natuurlijk ook gewoon kunnen bellen.").zet == JUDGEMENT


@pytest.mark.parametrize("text", [
    # the user test
    "nee, daar hoeft u niet op te rekenen misschien.",
    # own words
    "daar kun je helaas niet op rekenen.",
    "reken er maar niet op, vrees ik.",
])
def test_nothing_to_count_on_is_realiteit(text, classify):
    assert classify_step(text).stap == "realiteit"
    context = Context.of("Nee... ze heeft nooit met me overlegd. Dat zal ze nu ook niet gaan doen, denk ik.",
                         ("erkennen", "behoefte"))
    assert classify(text, context).zet == "realiteit"


@pytest.mark.parametrize("text", [
    # the user test, after "Je wilt helpen, dat zie ik. Maar dit moet ik zelf beslissen."
    "nee, u beslist het zelf, daar heeft u gelijk in.",
    # own words, also with the role-play's cue "daar heeft u helemaal gelijk in"
    "u beslist het helemaal zelf, daar heeft u helemaal gelijk in.",
    "natuurlijk, dat is helemaal aan u.",
    "het is uw eigen keuze, meneer.",
])
def test_granting_the_other_their_decision_is_no_siding(text, classify):
    result = classify_step(text)
    assert result.stap == "erkennen" and AUTONOMY in result.kenmerken, result.delen
    context = Context.of("Je wilt helpen, dat zie ik. Maar dit moet ik zelf beslissen.", ("redden",))
    move = classify(text, context)
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS), move


def test_the_turn_of_the_user_test_takes_no_side(classify):
    text = ("nee, u beslist het zelf, daar heeft u gelijk in. mag ik vragen hoe het de afgelopen tijd ging, elke keer "
            "als er weer een klacht of een afzegging kwam? wat deed u dan, en wat gebeurde er daarna?")
    move = classify(text, Context.of("Je wilt helpen, dat zie ik. Maar dit moet ik zelf beslissen.", ("redden",)))
    assert move.zet == "dynamiek" and "inhoud" not in move.zetten, move


def test_siding_with_the_parent_against_the_other_stays_inhoud(classify):
    assert classify("u heeft helemaal gelijk, zij doet het expres.").zet == "inhoud"


# -- 4. the frame of one's stance -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "voor mij staat voorop dat de jongens zowel u als hun moeder houden, en daar wil ik u graag bij helpen zonder "
    "partij te kiezen.",
    # own words
    "waar ik voor sta is dat de kinderen allebei hun ouders houden.",
    "wat voor mij telt is dat je je veilig voelt bij allebei.",
    "mijn doel is dat het rustiger wordt voor de kinderen.",
])
def test_the_frame_of_ones_stance_is_visie(text, classify):
    assert classify_step(text).stap == "visie"
    assert classify(text).zet == "visie"


def test_the_stance_is_named_as_the_reason():
    assert STANCE in classify_step("wat voor mij telt is dat je je veilig voelt bij allebei.").kenmerken


def test_a_lecture_in_a_stances_words_is_no_visie(classify):
    assert classify("wat voor mij telt is dat u gewoon moet ophouden met die berichten.").zet in PITFALLS
