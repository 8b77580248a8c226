"""How a turn is read in the role-play, after two user tests (session 19): a cue phrase is a sure pitfall, the
learned judgement read stays away from reflections, open questions and small talk, advice is no options step, a
step read only in a lecturing sentence is no step, and the debrief agrees with itself about a read it forgave.

The turns the testers typed are here once each; every cause is also tested in other words."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import UNSURE, Engine, Move
from bot.roleplay.models import JUDGEMENT
from bot.roleplay.moves import LEARNED_JUDGEMENT, MoveClassifier
from bot.steps.classifier import classify_step, is_self_correction

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")  # starts at tension 8
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")
MOTHER = KNOWLEDGE.get("scenario", "ouder-wil-partij")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


def reads(*moves):
    queue = list(moves)
    return lambda text: queue.pop(0)


# -- A-H1: a reflection of what the other did or hoped is no learned judgement ----------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "Ja, ik hoor het meneer, u bent echt woest. U had u er de hele week op verheugd dat de jongens zouden komen en "
    "dan krijgt u vrijdagavond zo'n appje. Dat is ook gewoon heel teleurstellend.",
    "Pfoe meneer, u bent echt woest, dat hoor ik. U had u er de hele week op verheugd dat de jongens zouden komen en "
    "dan krijgt u vrijdagavond zo'n appje.",
    # own words: the pluperfect gives back what the other did or hoped
    "Wat ben je kwaad, zeg. Je had al een tafel gereserveerd voor haar verjaardag, en toen kwam dat berichtje.",
])
def test_giving_back_what_the_other_hoped_is_acknowledging_not_judging(classify, text):
    move = classify(text)
    assert move.zet == "erkennen" and JUDGEMENT not in move.zetten


@pytest.mark.parametrize("text", [
    "Maar eerlijk is eerlijk, je had het ook wat rustiger kunnen brengen, dat weet je zelf ook wel.",
    "Ach, dat had u toch ook wel kunnen zien aankomen, met zo'n voorgeschiedenis.",
])
def test_a_reproach_in_the_past_is_still_judging(classify, text):
    assert classify(text).zet == JUDGEMENT


@pytest.mark.parametrize("text", [
    "Hoe slaapt u eigenlijk, de laatste tijd?",
    "Bij wie kun jij eigenlijk je verhaal kwijt, als het thuis zo gaat?",
])
def test_an_open_question_is_no_learned_judgement(classify, text):
    move = classify(text)
    assert move.zet != JUDGEMENT and LEARNED_JUDGEMENT not in move.signalen


def test_clear_small_talk_is_no_learned_judgement(classify):
    move = classify("Dus zo gaat het elke vrijdag, als hij haar appt. Klopt dat zo een beetje?")
    assert move.zet == "dynamiek" and JUDGEMENT not in move.zetten


def test_the_debrief_agrees_with_itself_about_a_read_it_forgave():
    forgiven = Move(JUDGEMENT, 0.45, signalen=[LEARNED_JUDGEMENT], zetten=[JUDGEMENT, "erkennen"])
    engine = Engine(FATHER, classify=reads(forgiven), seed=0)
    assert engine.step("Ik hoor hoe woest u bent. U had zich er zo op verheugd.").turn.onzeker
    data = feedback.debrief(FATHER, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    # the list of turns marks the forgiven read, the line about pitfalls says why there is none
    # ... and the step beside the doubted sentence, which "Stappen die je zette" lists too (session 20: a forgiven turn
    # with a question about the need, and the debrief said "Niet gebruikt: Behoefte en verlangen")
    assert "Al je beurten (1): oordelen of de les lezen (twijfel, niet meegeteld) + erkennen." in text
    assert data["stappen_volgorde"] == ["erkennen"] and "erkennen" not in data["ontbrekende_stappen"]
    assert "heb ik niet als valkuil meegeteld" in text and "Mooi." not in text
    # the first turn acknowledged: no tip to start with acknowledging
    assert ZETTEN["erkennen"].tip not in data["tips"]


def test_without_a_forgiven_read_the_debrief_keeps_its_praise():
    engine = Engine(FATHER, classify=reads(Move("erkennen", 0.9)), seed=0)
    engine.step("Wat bent u boos.")
    text = feedback.debrief_text(feedback.debrief(FATHER, engine.state, ZETTEN), ZETTEN)
    assert "het oordelen geschoten. Mooi." in text and "niet meegeteld" not in text


# -- A-H3: a cue phrase is a sure pitfall, also where the sentence reads as a step ------------------------------

@pytest.mark.parametrize("text", [
    # the user tests (scenario 1 and 3)
    "Ja maar je papa houdt toch ook van je, je kunt hem toch niet zomaar laten zitten, dat wil je hem toch niet "
    "aandoen?",
    "u moet zelf ook wel ophouden met al die berichten uitprinten en bewaren hoor.",
    # own words: a lecture the step classifier reads as realiteit or erkennen
    "Maar mevrouw, u moet ook echt stoppen met al die screenshots maken, hoor.",
    "Je kunt je zoon toch niet zomaar in de steek laten?",
])
def test_a_lecture_with_a_cue_phrase_is_a_sure_judging_read(classify, text):
    move = classify(text)
    assert move.zet == JUDGEMENT and move.zekerheid >= UNSURE


@pytest.mark.parametrize("text", [
    "Ja sorry maar het is wel zo. U had ook gewoon eerder naar ons moeten komen in plaats van die map bij te houden.",
    "Je had dat al veel eerder tegen hem moeten zeggen.",
])
def test_had_moeten_with_more_words_between_is_judging(classify, text):
    move = classify(text)
    assert move.zet == JUDGEMENT and move.zekerheid >= UNSURE


@pytest.mark.parametrize("text", [
    "Dat je steeds het gevoel hebt dat je moet bewijzen dat je een goede vader bent, dat is zwaar.",
    "En tegelijk, zoals het nu is kun je niet maken dat hij terugkomt, dat ligt bij hem.",
    "Je mag hier alles zeggen, ook als je moet huilen.",
])
def test_a_cue_inside_a_reflection_or_a_reality_is_no_judgement(classify, text):
    assert classify(text).zet != JUDGEMENT


def test_a_meeting_proposal_with_ik_stel_voor_is_no_rescue(classify):
    move = classify("Ik stel voor dat jullie deze week allebei apart een gesprek krijgen met een collega.")
    assert move.zet == "opties"


def test_a_lecture_raises_the_tension_and_taking_it_back_is_named_in_the_debrief(classify):
    engine = Engine(CHILD, classify=classify, seed=0)
    engine.step("Wat fijn dat je er bent. Ik merk dat het best spannend voor je is om hierover te praten.")
    engine.step("Je wilt niet meer naar papa. Dat klinkt alsof er iets is wat je dwarszit.")
    lecture = engine.step("Ja maar je papa houdt toch ook van je, je kunt hem toch niet zomaar laten zitten, dat wil "
                          "je hem toch niet aandoen?").turn
    assert lecture.zet == JUDGEMENT and not lecture.onzeker and lecture.spanning_na > lecture.spanning_voor
    repair = engine.step("Sorry, wacht, dat kwam er verkeerd uit. Hoe is het voor jou als je bij papa bent?").turn
    assert repair.rechtgezet and repair.spanning_na < lecture.spanning_voor
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    assert [(item["beurt"], item["zet"], item["zelf_teruggenomen"]) for item in data["valkuilen"]] == [
        (3, JUDGEMENT, True)]
    text = feedback.debrief_text(data, ZETTEN)
    assert "zelf terug" in text and "Mooi." not in text


@pytest.mark.parametrize("text, expected", [
    ("Sorry, dat was een oordeel.", True),
    ("Oei, dit was een preek van mij.", True),
    ("Ik ga je niet ompraten.", True),
    ("Dat was een verwijt van haar aan jou.", False),
])
def test_naming_ones_own_judgement_is_a_self_correction(text, expected):
    assert is_self_correction(text) is expected


# -- A-H2: advice is no options step; options inside a turn led by a pitfall do not count ----------------------

@pytest.mark.parametrize("text", [
    "Weet u wat ik zou doen? Ik zou allebei zeggen dat u geen boodschapper meer bent.",  # the user test
    "Weet je wat ik zelf zou doen?",
    "Wil je weten wat ik zou doen?",
    "Wat ik zou doen: gewoon een week niks terugsturen.",
])
def test_announcing_ones_own_advice_is_rescuing(text):
    assert classify_step(text).stap == "redden"


def test_asking_what_the_other_would_do_stays_an_options_question():
    assert classify_step("Wat zou jij doen, als hij weer zo'n appje stuurt?").stap == "opties"


def test_options_inside_a_turn_led_by_advice_do_not_count_and_no_good_ending_comes_without_a_real_options_question():
    advice = Move("redden", 0.95, zetten=["redden", "opties"])
    good = [Move(m, 0.9) for m in ("erkennen", "visie", "dynamiek", "behoefte", "realiteit", "realiteit")]
    engine = Engine(MOTHER, classify=reads(Move("erkennen", 0.9), advice, *good, Move("opties", 0.9)), seed=0)
    engine.step("Ik zie hoe zwaar dit voor u is.")
    engine.step("Wat zou u kunnen doen? Ik zou het zo doen: die appjes gewoon niet meer lezen.")
    assert "opties" not in engine.state.all_moves()
    endings = [engine.step(f"goede beurt {n}").ending for n in range(len(good))]
    assert endings == [None] * len(good)  # calm, but nobody asked the mother for her own options
    assert engine.step("Wat zou u zelf kunnen doen, de volgende keer dat er zo'n bericht komt?").ending == "goed"
    data = feedback.debrief(MOTHER, engine.state, ZETTEN)
    assert data["stappen_volgorde"][-1] == "opties" and data["stappen_volgorde"].count("opties") == 1


def test_options_beside_a_step_still_count():
    engine = Engine(MOTHER, classify=reads(Move("erkennen", 0.9, zetten=["erkennen", "opties"])), seed=0)
    engine.step("Dat is zwaar. Wat zou u zelf kunnen doen?")
    assert "opties" in engine.state.all_moves()


@pytest.mark.parametrize("text, step", [
    ("U moet ook ophouden met al die berichten bewaren, dat is niet goed voor uw zoon.", "realiteit"),
    ("Je moet hem echt een kans geven, hij blijft je vader.", "realiteit"),
])
def test_the_step_read_in_a_lecturing_sentence_is_no_step_of_the_turn(classify, text, step):
    move = classify(text)
    assert move.zet == JUDGEMENT and step not in move.zetten


def test_a_step_in_another_sentence_than_the_lecture_still_counts(classify):
    move = classify("Wat heb je nodig? Je moet hem gewoon nog een kans geven.")
    assert move.zet == JUDGEMENT and "behoefte" in move.zetten


# -- A-M8: siding with the persona against the other parent is the pitfall inhoud ------------------------------

@pytest.mark.parametrize("text", [
    # the user test
    "Nou, als ik die berichten zo lees dan is het inderdaad niet zo netjes van hem hoor, dat snap ik wel dat u daar "
    "boos om wordt.",
    "Ja, dan snap ik wel dat je boos bent, want het is ook niet zo aardig van haar.",
    "Dat was ook niet zo aardig van haar, eerlijk is eerlijk.",
    "Het is echt niet oké van hem dat hij zo laat afzegt.",
])
def test_siding_against_the_other_parent_is_going_into_the_content(classify, text):
    move = classify(text)
    assert move.zet == "inhoud" and move.zekerheid >= UNSURE


def test_siding_raises_the_tension_of_the_mother_who_wants_a_side(classify):
    engine = Engine(MOTHER, classify=classify, seed=0)
    turn = engine.step("Ik snap wel dat u boos bent, want het is ook echt niet zo netjes van hem.").turn
    assert turn.zet == "inhoud" and turn.spanning_na >= turn.spanning_voor


# -- A-M1: good turns that looked like rescuing ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nee wacht, dat was niet eerlijk van me, sorry. Dat hoef jij helemaal niet op te lossen. Kun je me vertellen hoe "
    "het gaat als je bij papa bent?",  # the user test
    "Dat is niet jouw taak om op te lossen, dat doen papa en mama.",
    "Jij hoeft die ruzie echt niet te dragen.",
])
def test_taking_the_parents_conflict_off_a_child_is_no_rescue(classify, text):
    move = classify(text)
    assert move.zet != "redden" and "redden" not in move.zetten


@pytest.mark.parametrize("text, step", [
    ("Wat willen jullie eigenlijk allebei het allerliefst, als het om school en om thuis gaat? Jij eerst misschien, "
     "en dan u.", "behoefte"),  # the user test
    ("Wat hebben jullie nodig, ieder voor zich? Eerst Noor, dan u.", "behoefte"),
    ("Hoe gaat dat meestal thuis, als het over uitgaan gaat? U eerst, daarna jij.", "dynamiek"),
])
def test_saying_who_speaks_first_is_no_move(classify, text, step):
    move = classify(text)
    assert move.zet == step and "redden" not in move.zetten


def test_an_instruction_with_eerst_is_still_read(classify):
    assert classify_step("Eerst bel ik je moeder, dan regel ik de rest.").stap == "redden"
