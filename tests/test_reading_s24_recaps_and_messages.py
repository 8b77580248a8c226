"""Turns a trainer with NT2 trainees and set 45 found misread (session 24); one family per block, with own sentences
beside the quotes of the trainer (none from an evaluation set):

1. a recap of the other's words checked with a question ("u zegt dus dat ... klopt dat?") is erkennen, and so is
   conceding a challenge about oneself calmly ("U zegt dat ik makkelijk praten heb. Dat klopt ook wel, ...");
2. naming that it is understandable the other cannot carry it ("Dat houdt niemand zomaar vol.") and an empathic
   exclamation about how long it lasts ("vier maanden, dat is lang zeg") are erkennen; a list of what happened is no
   judgement;
3. asking how the other is doing and who stands beside them is erkennen (the workbook: "bij wie hij of zij steun
   vindt");
4. a question how things usually go between the two is dynamiek; a question about the order only is no sure inhoud;
5. taking a misstep back and stating neutrality is no pitfall;
6. moralising without "moet" ("dat is toch niet goed voor u", "is ook niet echt de oplossing, hè", "wij moet praten
   normaal", "denk nou eens aan de kinderen") is the role-play's oordelen;
7. asking why the other party acts as they do is inhoud; a why about the parent's own wish stays behoefte;
8. the 100-kilo question (how much energy goes to the fight) is opties, what the fight costs stays the model's;
9. carrying the words of the other parent ("uw ex zei tegen mij dat ...") is the pitfall form ``boodschapper``
   (inhoud, with its own warning); refusing to carry them is no pitfall.
"""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import Engine
from bot.roleplay.models import JUDGEMENT, PITFALLS
from bot.roleplay.moves import MoveClassifier, _names_what_happened
from bot.steps import pitfall_forms
from bot.steps.classifier import (
    CONCEDED_CHALLENGE,
    ENERGY_QUESTION,
    OTHERS_MOTIVE,
    PATTERN_QUESTION,
    RECAP,
    UNDERSTANDABLE,
    classify_step,
)

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER_STOPS = KNOWLEDGE.get("scenario", "vader-contact-verbreken")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


def _no_pitfall(text, classify):
    result = classify_step(text)
    move = classify(text)
    assert result.stap not in PITFALLS and not set(result.stappen) & set(PITFALLS), result.delen
    assert move.zet not in PITFALLS and not set(move.zetten) & set(PITFALLS), (move.zet, move.zetten)
    return result, move


# -- 1. recaps -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # the trainer's quotes
    "u zegt dus dat niemand naar u luistert, klopt dat?",
    "U zegt dus: ik stop ermee, dan is het tenminste rustig. Klopt dat?",
    # own words, also dictated
    "Je zegt dus dat je het gevoel hebt dat niemand naar je luistert. Klopt dat?",
    "U zegt dus: ik geef het op, dan heb ik tenminste rust. Klopt dat?",
    "Wat ik hoor is dat u zich al maanden alleen voelt staan, klopt dat?",
    "u zegt dus dat ze nooit belt klopt dat",
    # the other's challenge given back
    "U vraagt wat u daar nou aan heeft, dat ik zeg dat het zwaar is.",
])
def test_a_recap_checked_with_a_question_is_erkennen(text, classify):
    result, move = _no_pitfall(text, classify)
    assert result.stap == "erkennen" and move.zet == "erkennen", (result.delen, move)


def test_a_recap_is_read_from_its_cue():
    assert RECAP in classify_step("U zegt dus: ik geef het op, dan heb ik tenminste rust.").kenmerken


def test_a_recap_with_a_verdict_of_ones_own_stays_a_pitfall(classify):
    assert classify("U zegt dus dat uw ex liegt, en daar heeft u gelijk in.").zet == "inhoud"


@pytest.mark.parametrize("text", [
    # the wish and the pattern summed up stay those steps (the workbook's own examples)
    ("Als ik je goed begrijp, wil je vooral serieus genomen worden als ouder.", "behoefte"),
    ("Je zei net dat niet meteen terugappen al eens geholpen heeft; wat zou er nog meer kunnen werken?", "opties"),
])
def test_a_recap_of_a_wish_or_an_option_keeps_its_step(text):
    sentence, step = text
    assert classify_step(sentence).stap == step


@pytest.mark.parametrize("text", [
    "U zegt dat ik makkelijk praten heb. Dat klopt ook wel, ik krijg die berichten niet.",
    "U zegt dat ik het niet snap. Dat klopt ook, ik zit er niet middenin.",
])
def test_conceding_a_challenge_about_oneself_is_no_siding(text, classify):
    result, move = _no_pitfall(text, classify)
    assert move.zet == "erkennen", move
    assert any(CONCEDED_CHALLENGE in classify_step(part.zin).kenmerken or RECAP in classify_step(part.zin).kenmerken
               for part in result.delen)


def test_a_recap_does_not_raise_the_tension_of_the_father_who_stops():
    engine = Engine(FATHER_STOPS, classify=MoveClassifier(), seed=0)
    before = engine.state.tension
    result = engine.step("U zegt dus: ik geef het op, dan heb ik tenminste rust. Klopt dat?")
    assert result.move.zet == "erkennen" and result.tension < before


# -- 2. understanding named, sympathy, a list of what happened -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "U bent uitgeput, dat is te zien. Dat houdt niemand zomaar vol.",
    "Jij bent doodmoe, dat zie ik. Geen mens die dat zomaar volhoudt.",
    "Logisch dat u op bent na zo'n week.",
    "Het is ook begrijpelijk dat je er klaar mee bent.",
    "ach mevrouw, vier maanden, dat is lang zeg",
    "ach meneer, drie jaar al, dat is lang zeg",
])
def test_understanding_and_sympathy_are_erkennen(text, classify):
    result, move = _no_pitfall(text, classify)
    assert result.stap == "erkennen" and move.zet == "erkennen", (result.delen, move)


def test_understanding_is_read_from_its_cue():
    assert UNDERSTANDABLE in classify_step("Dat houdt niemand zomaar vol.").kenmerken


def test_understanding_for_the_other_party_is_no_erkennen():
    assert classify_step("Logisch dat hij boos wordt als u zo reageert.").stap != "erkennen"


@pytest.mark.parametrize("text", ["Twee rechtszaken, een boze brief en weer een gemiste verjaardag.",
                                  "Vier maanden, geen appje, geen kaartje."])
def test_a_list_without_a_verb_names_what_happened(text):
    assert _names_what_happened(text)


@pytest.mark.parametrize("text", ["Twee rechtszaken, dat moet toch ophouden.", "Een vader, die is er gewoon.",
                                  "De kinderen."])
def test_a_sentence_with_a_verb_or_one_item_is_no_list(text):
    assert not _names_what_happened(text)


def test_a_list_of_what_happened_is_no_judgement(classify):
    move = classify("U bent echt op, dat zie ik. Twee rechtszaken, een boze brief en weer een gemiste verjaardag. "
                    "Dat houdt niemand zomaar vol.")
    assert move.zet == "erkennen" and JUDGEMENT not in move.zetten, move


# -- 3. how the other is doing, who supports them --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hoe is 't nou echt met je",
    "wie steunt u hierin?",
    "hoe gaat 't nou eigenlijk met jou",
    "Op wie kunt u terugvallen als het tegenzit?",
    "Wie staat er achter u in dit alles?",
    "Hoe is 't nou echt met je, onder die boosheid? Wie staat er eigenlijk naast je in dit alles?",
    "Hoe is 't eigenlijk met u? Slaapt u nog een beetje, en wie staat er naast u?",
])
def test_asking_how_the_other_is_doing_and_who_supports_them_is_erkennen(text, classify):
    result, move = _no_pitfall(text, classify)
    assert result.stap == "erkennen" and move.zet == "erkennen", (result.delen, move)


def test_a_feeling_named_with_a_side_after_it_is_not_made_erkennen():
    text = "Ik begrijp dat jullie zo boos zijn op hem, want hij heeft jullie dochter ook echt slecht behandeld."
    assert classify_step(text).stap != "erkennen"


# -- 4. the pattern between the two ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hoe is gaan normaal tussen jou en moeder als zij iets wil? zij zegt eerst aan jou of niet?",
    "Wat gebeurt er meestal tussen jou en papa als hij je ophaalt?",
])
def test_a_question_how_it_usually_goes_between_the_two_is_dynamiek(text, classify):
    result, move = _no_pitfall(text, classify)
    assert result.stap == "dynamiek" and move.zet == "dynamiek", (result.delen, move)


def test_the_nt2_pattern_question_is_read_from_its_cue():
    assert PATTERN_QUESTION in classify_step("hoe is gaan normaal tussen jou en moeder als zij iets wil?").kenmerken


def test_a_question_about_the_order_alone_is_no_sure_pitfall(classify):
    move = classify("hij vraagt eerst aan jou of niet?")
    assert move.zet not in PITFALLS or move.zekerheid < 0.6, move


# -- 5. a misstep taken back, neutrality ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "sorry dat was niet goed van mij. ik ben voor iedereen, niet tegen iemand. ik kies niet voor vader en niet voor u",
    "ik ben niet van de kant van moeder of van u. ik wil dat de kinderen rust hebben",
    "oei, dat was niet goed van me. ik sta aan niemands kant.",
    "Ik ben niet tegen uw ex en niet tegen u. Ik wil rust voor de kinderen.",
])
def test_taking_a_misstep_back_and_neutrality_are_no_pitfall(text, classify):
    result, move = _no_pitfall(text, classify)
    assert move.zet == "visie" and move.valkuilzin is None, move


# -- 6. moralising without "moet" -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "die berichten van hem lezen, dat is toch niet goed voor u, zo blijft u boos",
    "weglopen voor papa is ook niet echt de oplossing, hè",
    "meneer, rustig aub ... wij moet praten normaal",
    "u moet toch aan de kinderen denken",
    "al die appjes teruglezen, dat is echt niet goed voor jezelf hoor",
    "steeds boos worden is ook niet de oplossing, hè",
    "wij moeten allemaal normaal praten hier",
    "denk nou eens aan de kinderen",
])
def test_moralising_without_signal_words_is_oordelen(text, classify):
    move = classify(text)
    assert move.zet == JUDGEMENT and move.zekerheid >= 0.6, move
    assert classify_step(text).stap in PITFALLS


@pytest.mark.parametrize("text", [
    "Dat is niet goed gegaan, die overdracht.",
    "Ik kan me voorstellen dat je denkt: wat ik ook doe, het is nooit goed.",
    "Daar is geen oplossing voor, en dat is zwaar.",
])
def test_what_happened_or_the_others_own_words_are_no_lecture(text, classify):
    assert classify(text).zet != JUDGEMENT


# -- 7. 'waarom' -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "waarom uw ex houdt de kinderen thuis? waarom zij doet dat?",
    "Waarom doet je moeder dat, denk je?",
    "Waarom denkt u dat hij de kinderen niet terugbrengt?",
])
def test_asking_why_the_other_party_acts_so_is_inhoud(text, classify):
    result = classify_step(text)
    assert result.stap == "inhoud" and OTHERS_MOTIVE in result.kenmerken, result.delen
    assert classify(text).zet == "inhoud"


@pytest.mark.parametrize("text", ["Waarom is dat zo belangrijk voor je?",
                                  "Waarom is het voor u zo belangrijk dat zij het eerst met u overlegt?"])
def test_a_why_about_the_parents_own_wish_stays_behoefte(text):
    assert classify_step(text).stap == "behoefte"


# -- 8. 100 kilo energie ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik bedoel: hoeveel energie gaat naar de strijd met je ex, en hoeveel naar de kinderen?",
    "Hoeveel kilo van uw energie gaat er nu in die rechtszaken zitten?",
])
def test_the_hundred_kilo_question_is_opties(text, classify):
    result = classify_step(text)
    assert result.stap == "opties" and ENERGY_QUESTION in result.kenmerken, result.delen
    assert classify(text).zet == "opties"


def test_what_the_fight_costs_is_not_made_opties():
    assert ENERGY_QUESTION not in classify_step(
        "Hoeveel van je energie gaat er nu naar deze ruzie, en wat kost dat jou?").kenmerken


# -- 9. carrying the other parent's words ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik sprak vorige week uw ex, en die zei tegen mij dat u zo drammerig bent",
    "de vader zei tegen mij dat u de kinderen tegen hem opzet",
    "Ik had gisteren uw ex-vrouw aan de lijn en zij zei tegen mij dat u nooit op tijd bent.",
    "Je moeder heeft me verteld dat jij steeds liegt over papa.",
    "Ik moet namens de vader doorgeven dat hij zaterdag niet kan.",
])
def test_carrying_the_other_parents_words_is_the_messenger_form(text, classify):
    hit = pitfall_forms.find_form(text)
    assert hit is not None and hit.vorm == "boodschapper" and hit.valkuil == "inhoud", hit
    result = classify_step(text)
    assert result.stap == "inhoud" and result.vorm is not None and result.tip.startswith("Pas op: zo breng je"), result
    assert classify(text).zet == "inhoud"


@pytest.mark.parametrize("text", [
    "Ik ga niet doorgeven wat uw ex tegen mij zei.",
    "U zegt dat uw ex tegen u zei dat u drammerig bent. Wat deed dat met u?",
    "Hoe gaat het als jij een boodschap van je vader aan je moeder moet doorgeven?",
])
def test_refusing_or_reflecting_or_asking_about_messages_is_no_messenger(text, classify):
    hit = pitfall_forms.find_form(text)
    assert hit is None or hit.vorm != "boodschapper", hit
    assert classify(text).zet != "inhoud"
