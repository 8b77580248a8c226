"""How a turn is read in the role-play, after the user tests of session 20: a short agreement is at most erkennen and
the question after it decides the turn, taking a misstep back is a repair (no new misstep), naming the other's state
or what they hoped for is erkennen, small talk about the weekend is no move, siding with someone and telling the other
how to behave are pitfalls, and the debrief's lists agree with the list of turns.

The turns the testers typed are here once each; every cause is also tested in other words."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import Engine, Move, RoleplayError
from bot.roleplay.models import JUDGEMENT, PITFALLS
from bot.roleplay.moves import LEARNED_JUDGEMENT, MoveClassifier
from bot.steps.classifier import classify_step
from bot.steps.pitfall_forms import find_in_sentence

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")
LEAVING_FATHER = KNOWLEDGE.get("scenario", "vader-contact-verbreken")
LONELY_MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")
PARTY_MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. a short agreement is at most erkennen; the question after it decides --------------------------------------- --

@pytest.mark.parametrize("text, question", [
    ("ja precies. wat heeft u nodig?", "behoefte"),  # the user test: inhoud 0.97
    ("klopt. en wat zou u willen?", "behoefte"),  # the user test: inhoud 0.92
    ("precies. en wat zou u dan anders kunnen doen, de volgende keer dat het weer zo loopt?", "opties"),
    ("Inderdaad. Wat is er voor u zo belangrijk aan?", "behoefte"),
    ("Dat klopt helemaal. Wat deed u toen ze dat appje stuurde?", "dynamiek"),
])
def test_an_agreement_before_a_question_is_no_pitfall_and_the_question_leads(classify, text, question):
    move = classify(text)
    assert move.zet == question, text
    assert not set(move.zetten) & set(PITFALLS) and move.valkuilzin is None, text


@pytest.mark.parametrize("text", [
    "dat geloof ik meteen.",  # the user test: redden 0.97, "herkend aan 'meteen'"
    "nee, dat klopt.",  # the debrief listed it as a pitfall
    "Ja, dat geloof ik direct hoor.",
    "u heeft wel een punt, meneer.",
    "Ja, dat snap ik heel goed.",
])
def test_an_agreement_alone_is_erkennen(classify, text):
    assert classify(text).zet == "erkennen", text
    assert classify_step(text).stap == "erkennen", text


def test_a_point_granted_and_a_help_declined_leave_the_question_about_the_pattern():
    # the user test: "nee, u heeft een punt" read as inhoud and the dynamiek question lost
    result = classify_step("nee, u heeft een punt, ik ga dat niet voor u regelen. hoe gaat het meestal als er weer een "
                           "weekend wordt afgezegd, wat doet zij en wat doet u dan?")
    assert result.stap == "dynamiek" and result.valkuilen == []


def test_giving_the_other_right_is_still_the_content():
    # "u heeft helemaal gelijk" sides with the parent (a cue phrase of inhoud): no agreement of the kind above
    assert MoveClassifier()("u heeft helemaal gelijk, mevrouw.").zet == "inhoud"


# -- 2. taking a misstep back is a repair -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test: oordelen (and inhoud/redden on "heeft gelijk", "ik ging u de les lezen")
    "nee, u heeft gelijk, dat was niet eerlijk van me, ik ging u de les lezen… u bent gewoon op, hè.",
    "Nee, je hebt gelijk, dat was niet netjes van me, ik zat je te preken. Je bent gewoon kapot.",
])
def test_taking_a_lecture_back_and_naming_the_state_is_erkennen(classify, text):
    move = classify(text)
    assert move.zet == "erkennen" and move.zelfcorrectie, text
    assert not set(move.zetten) & set(PITFALLS), text


def test_the_repair_brings_the_tension_back_in_the_talk(classify):
    engine = Engine(LEAVING_FATHER, classify=classify, seed=0)
    engine.step("ik hoor dat u er klaar mee bent")
    lecture = engine.step("u moet wel aan uw kinderen denken")
    repair = engine.step("nee, u heeft gelijk, dat was niet eerlijk van me, ik ging u de les lezen… u bent gewoon op, "
                         "hè.")
    assert lecture.move.zet == JUDGEMENT and repair.move.zet == "erkennen"
    assert repair.turn.rechtgezet and repair.tension < lecture.turn.spanning_voor


@pytest.mark.parametrize("text", [
    "Was Olivier nou... nee, laat maar, dat doet er nu even niet toe. Hoe bent u het weekend doorgekomen?",
    "U kunt toch niet… nee, wacht, zo wil ik het niet zeggen. Hoe gaat het nu met u?",
])
def test_a_sentence_broken_off_before_a_self_correction_is_taken_back(text):
    result = classify_step(text)
    assert result.stap == "erkennen" and result.valkuilen == [], text
    assert result.delen[0].zelfcorrectie, text


# -- 3. pitfalls found and blamed on the right part -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the user test (MDO): realiteit 0.95, "Goed"
    "eerlijk gezegd snap ik haar wel hoor mevrouw… misschien kunt u af en toe ook wat soepeler zijn met weggaan?",
    "Ik begrijp hem eigenlijk ook wel, meneer.",
    "daar zou ik ook boos om worden",  # siding with the parent: it read as behoefte ("boos om")
])
def test_siding_with_someone_is_the_content(classify, text):
    move = classify(text)
    assert move.zet == "inhoud", text
    assert "behoefte" not in move.zetten, text


@pytest.mark.parametrize("text", [
    "misschien kunt u af en toe ook wat soepeler zijn met weggaan?",
    "Misschien kun je wat rustiger reageren als ze belt?",
])
def test_advice_to_behave_otherwise_is_redden_also_as_a_question(text):
    assert classify_step(text).stap == "redden", text


def test_a_soft_judgement_after_an_agreement_is_blamed_on_its_own_sentence(classify):
    # the user test: blamed on "ja dat geloof ik meteen" as redden, the judgement itself not flagged
    move = classify("ja dat geloof ik meteen. alleen was het achteraf ook niet zo handig dat u hem toen meteen zo fel "
                    "terugappte, hè.")
    # read by the learned judgement read before session 20; since then by the cue phrases of the "ook niet (zo) handig"
    # family (``knowledge/scenarios/zetten.yml``), a sure read
    assert move.zet == JUDGEMENT and (LEARNED_JUDGEMENT in move.signalen
                                      or "ook niet ... slim|handig|verstandig" in move.signalen)
    assert move.valkuilzin and move.valkuilzin.startswith("alleen was het achteraf")
    assert "redden" not in move.zetten


@pytest.mark.parametrize("text", [
    "u moet gewoon even rustig blijven, anders kan ik niks voor u doen",  # the user test: redden
    "Je moet nu echt ophouden met schreeuwen.",
    "Jullie moeten allebei even normaal doen.",
])
def test_telling_the_other_how_to_behave_is_a_lecture_not_a_fix(classify, text):
    move = classify(text)
    assert move.zet == JUDGEMENT and "redden" not in move.zetten, text


def test_the_father_answers_a_lecture_not_a_fix(classify):
    # the user test: he answered "Kun jij het niet gewoon regelen?" with the redden tip "in plaats van 'Ik regel het.'"
    engine = Engine(FATHER, classify=classify, seed=0)
    result = engine.step("u moet gewoon even rustig blijven, anders kan ik niks voor u doen")
    assert result.move.zet == JUDGEMENT and "regelen" not in result.reply


def test_advice_that_starts_with_je_moet_stays_a_fix(classify):
    assert classify("je moet haar gewoon bellen").zet == "redden"


# -- 4. naming the other's state, feeling or hope is erkennen ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "u had zich er de hele week op verheugd… wat een teleurstelling",
    "u had zich er de hele week op verheugd en toen ging het weer niet door… wat een teleurstelling",
    "U had zich er de hele week op verheugd.",
    "Je had er zo naar uitgekeken, hè.",
    "Ik denk eigenlijk dat het niet alleen boosheid is maar ook verdriet, dat u de jongens weer niet zag.",
    "ik denk eigenlijk dat er ook veel verdriet onder zit, weet u.",
    "En eerlijk gezegd, na drie rechtszaken en nu weer een klacht, snap ik ook wel dat u op bent.",
])
def test_naming_the_feeling_or_what_the_other_hoped_for_is_erkennen(classify, text):
    assert classify_step(text).stap == "erkennen", text
    assert classify(text).zet == "erkennen", text


def test_a_lecture_about_what_one_hoped_for_is_no_reflection(classify):
    assert classify("u had er beter niet op moeten rekenen").zet == JUDGEMENT


# -- 5. small talk about the weekend is no move -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hallo mevrouw, goedemorgen. hoe was uw weekend?",  # the user test: dynamiek ("weekend")
    "Goedemiddag meneer. Heeft u een fijn weekend gehad?",
    "Hoi! Lekker weer hè.",
])
def test_small_talk_about_the_weekend_is_no_turn(classify, text):
    engine = Engine(LONELY_MOTHER, classify=classify, seed=0)
    before = engine.state.tension
    with pytest.raises(RoleplayError):
        engine.step(text)
    assert engine.state.tension == before and not engine.state.turns


def test_a_question_about_the_weekend_of_the_case_stays_a_question():
    assert classify_step("Wat gebeurde er dat weekend toen de kinderen niet kwamen?").stap != "overig"
    assert classify_step("hoe was het weekend met de kinderen?").herkend


# -- 6. the debrief agrees with the list of turns --------------------------------------------------------------------

def test_a_step_beside_a_pitfall_shows_in_the_list_of_turns():
    reads = iter([Move("inhoud", 0.9), Move("inhoud", 0.9, zetten=["inhoud", "behoefte"])])
    engine = Engine(PARTY_MOTHER, classify=lambda text: next(reads), seed=0)
    engine.step("Wat zegt hij dan precies?")
    engine.step("Dat is niet netjes van hem. Wat zou u nou het liefst willen voor uw zoon?")
    data = feedback.debrief(PARTY_MOTHER, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert data["stappen_volgorde"] == ["behoefte"] and "behoefte" not in data["ontbrekende_stappen"]
    assert "Al je beurten (2): de inhoud in, de inhoud in + behoefte en verlangen." in text


def test_a_step_beside_a_forgiven_read_counts_as_used():
    forgiven = Move(JUDGEMENT, 0.45, signalen=[LEARNED_JUDGEMENT], zetten=[JUDGEMENT, "behoefte"])
    engine = Engine(PARTY_MOTHER, classify=lambda text: forgiven, seed=0)
    assert engine.step("... wat zou u nou het liefst willen voor uw zoon ...").turn.onzeker
    data = feedback.debrief(PARTY_MOTHER, engine.state, ZETTEN)
    assert "behoefte" in data["stappen_volgorde"] and "behoefte" not in data["ontbrekende_stappen"]
    assert "Niet gebruikt: " not in feedback.debrief_text(data, ZETTEN) or \
        "Behoefte en verlangen" not in feedback.debrief_text(data, ZETTEN).split("Niet gebruikt: ")[1].split("\n")[0]


# -- 7. set 41: the general causes behind its four misread good paths -------------------------------------------------

def test_letting_the_other_think_up_options_is_opties():
    assert classify_step("Als jij nou eens mocht bedenken wat die vrijdag rustiger zou maken voor jou, wat zou dat dan "
                         "zijn?").stap == "opties"
    assert classify_step("Stel dat u zelf iets mocht verzinnen, wat zou het zijn?").stap == "opties"
    # a wish is no options question
    assert classify_step("Wat zou jij het allerliefste willen, als je mocht toveren?").stap == "behoefte"


def test_not_having_to_choose_between_the_parents_protects_the_child():
    assert find_in_sentence("Stel dat jij mocht bedenken hoe die vrijdag gaat, zonder dat je hoeft te kiezen tussen "
                            "papa en mama.") is None
    assert find_in_sentence("Jij mag kiezen tussen papa en mama.") is not None


@pytest.mark.parametrize("text, step", [
    # why one asks belongs to the question
    ("Wat is er voor u zo belangrijk aan, dat dit u zo raakt? Ik vraag het omdat ik denk dat het om meer gaat dan een "
     "middagje schaatsen.", "behoefte"),
    # a word said again for emphasis is no move
    ("Als grote mensen ruzie hebben, dan ligt dat nooit aan het kind. Nooit.", "visie"),
    # honesty announced with its reason is a hedge
    ("Ik ga wel eerlijk tegen je zijn, want dat verdien je. Papa en mama worden waarschijnlijk geen vrienden meer.",
     "realiteit"),
    # "Herkent u dat?" only checks the statement before it
    ("Zij laat laat iets weten, u reageert meteen en fel, en dan gaat bij haar de deur dicht. Herkent u dat een "
     "beetje?", "dynamiek"),
    ("Maar dat is echt niet jouw klus om op te lossen.", "visie"),
])
def test_asides_of_tired_professionals_do_not_decide_the_turn(text, step):
    result = classify_step(text)
    assert result.stap == step and result.valkuilen == [], text


def test_a_check_question_after_a_summary_is_no_learned_judgement(classify):
    # "Herkent u dat een beetje?" (with the verb in the u-form) read as a soft judgement in set 41
    move = classify("Als ik het goed hoor gaat het eigenlijk vaker zo, weet u. Zij laat laat iets weten, u reageert "
                    "meteen en fel, en dan gaat bij haar de deur dicht. Herkent u dat een beetje?")
    assert move.zet == "dynamiek" and JUDGEMENT not in move.zetten
