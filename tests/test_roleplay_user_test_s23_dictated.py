"""A second-round user test of the role-play with dictated turns, and a code review (session 23).

1. A dictated turn is read with the question mark ``punctuate`` added: the reading rules see it (a limit before an
   options question is opties, as typed), and the parts still quote what was typed.
2. A dictated repair of a secrecy promise ("... maar ik doe dat eerst samen met jou") is no pitfall: saying openly
   what happens with what is told is realiteit; taking a task over beside it stays redden.
3. Filling in for the child is the form ``invullen-voor-het-kind`` also with "je"/"jij" and a longer gap; naming what
   one sees or asking stays erkennen.
4. Dictated small talk about finding the way ("was het een beetje te vinden") is no step and counts no turn.
5. A role shift names a signal for each role; a turn that ends in a reproach at the professional gets advice that
   answers it.
6. A persona line that assumes the professional is looking into who is right does not answer one's own story; at a
   high tension the debrief's better step stays erkennen.
7. A rule's read at ``CUED`` keeps its own label at ``CUED`` when the model read the same label (``_at_cued``).
"""
from pathlib import Path

import pytest

from bot import textclass
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback, pacing
from bot.roleplay.engine import Engine, Move, RoleplayError
from bot.roleplay.moves import MoveClassifier
from bot.roles.analyse import analyse_role
from bot.roles.format import format_analysis
from bot.steps import classifier
from bot.steps.classifier import CUED, SMALL_TALK, classify_step

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")
MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


# -- 1. the reading rules see the punctuated turn ---------------------------------------------------------------------

def test_a_dictated_limit_before_an_options_question_is_opties_as_typed():
    dictated = "ik kan niet regelen dat hij op tijd komt hoe zou jij dat wisselmoment makkelijker kunnen maken"
    typed = "Ik kan niet regelen dat hij op tijd komt. Hoe zou jij dat wisselmoment makkelijker kunnen maken?"
    assert classify_step(typed).stap == "opties"
    result = classify_step(dictated)
    assert result.stap == "opties"
    # the parts quote what was typed, with its offsets
    assert [part.zin for part in result.delen] == ["ik kan niet regelen dat hij op tijd komt",
                                                   "hoe zou jij dat wisselmoment makkelijker kunnen maken"]
    assert all(dictated[part.begin:part.einde] == part.zin for part in result.delen)


# -- 2. a dictated repair of a secrecy promise -------------------------------------------------------------------------

REPAIR = ("nee wacht dat kan ik eigenlijk niet beloven eh als het niet veilig is moet ik het met iemand bespreken "
          "maar ik doe dat eerst samen met jou")


@pytest.mark.parametrize("text", [
    REPAIR,
    "Nee wacht, dat kan ik eigenlijk niet beloven. Als het niet veilig is, moet ik het met iemand bespreken. Maar ik "
    "doe dat eerst samen met jou.",
])
def test_a_repaired_secrecy_promise_is_no_pitfall(text):
    result = classify_step(text)
    assert result.stap == "realiteit" and result.valkuilen == []
    assert "redden" not in result.stappen


@pytest.mark.parametrize("text", [
    "Ik bespreek het altijd eerst met jou.",
    "Ik deel niets zonder het eerst met jou te bespreken.",
    "En ik zeg je altijd met wie ik het deel.",
    "Ik wil het eerst met jou bespreken.",
])
def test_saying_openly_what_happens_with_what_is_told_is_realiteit(text):
    result = classify_step(text)
    assert result.stap == "realiteit" and classifier.SHARED_OPENLY in result.kenmerken


@pytest.mark.parametrize("text", [
    "Ik doe dat eerst samen met jou, en dan bel ik je moeder.",
    "Ik regel het wel voor je.",
])
def test_taking_a_task_over_stays_redden(text):
    assert classify_step(text).stap == "redden"


def test_the_role_play_lowers_the_tension_after_the_dictated_repair(classify):
    engine = Engine(CHILD, classify=classify, seed=1)
    promise = engine.step("ik beloof je dat ik het aan niemand vertel")
    assert promise.turn.zet == "redden"
    repair = engine.step(REPAIR)
    assert repair.turn.zet == "realiteit" and repair.turn.valkuilzin is None
    assert repair.tension < promise.tension


# -- 3. filling in for the child ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik weet zeker dat je papa eigenlijk heel erg mist",
    "je bent vast gewoon bang voor papa he",
    "jij mist je papa vast heel erg",
    "ze is gewoon boos op u denk ik",  # the form's own example ("in de war" broke that pattern)
])
def test_filling_in_for_the_child_is_the_form_with_its_warning(text):
    result = classify_step(text)
    assert result.stap == "redden" and result.vorm is not None and result.vorm.vorm == "invullen-voor-het-kind"
    assert result.tip.startswith("Pas op: zo vul je in wat het kind voelt of wil.")


@pytest.mark.parametrize("text", ["je lijkt verdrietig", "ik zie dat je boos bent", "mis je papa?",
                                  "Je bent natuurlijk boos, dat snap ik.", "Je mist je papa, hè?",
                                  # to a parent, of the parent's own feeling (a blind path's erkennen)
                                  "Je mist haar gewoon ontzettend. Dat mag je hier zeggen, ook als je moet huilen."])
def test_naming_what_one_sees_or_asking_is_untouched(text):
    result = classify_step(text)
    assert result.vorm is None and result.stap in ("erkennen", "behoefte")


def test_what_the_other_parent_feels_is_no_filling_in_for_the_child():
    # "hij mist je vast" fills in for the father, not for the child: not this form's warning
    result = classify_step("Maar papa houdt wel heel veel van je hoor, en hij mist je vast.")
    assert result.vorm is None


# -- 4. small talk about finding the way -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "eh hallo mevrouw ja fijn dat u er bent eh was het een beetje te vinden",
    "Was het een beetje te vinden?",
    "kon je het een beetje vinden?",
    "Bent u goed aangekomen?",
    "Kon u makkelijk parkeren?",
])
def test_asking_whether_the_other_found_the_way_is_small_talk(text):
    result = classify_step(text)
    assert result.stap == "geen" and result.reden == SMALL_TALK


def test_take_your_time_beside_a_welcome_is_small_talk_but_not_on_its_own():
    welcome = ("Goedemiddag, mevrouw, ik ben Reinout. Kon u het een beetje vinden? Gaat u zitten, en neemt u gerust de "
               "tijd.")
    assert classify_step(welcome).reden == SMALL_TALK
    assert classify_step("Neem gerust de tijd.").reden != SMALL_TALK


def test_a_dictated_welcome_counts_no_turn_in_the_role_play(classify):
    engine = Engine(MOTHER, classify=classify, seed=1)
    with pytest.raises(RoleplayError, match="begroeting"):
        engine.step("eh hallo mevrouw ja fijn dat u er bent eh was het een beetje te vinden")
    assert engine.state.turns == [] and engine.state.tension == MOTHER.spanning.start


# -- 5. a role shift that ends in a reproach at the professional -------------------------------------------------------

SHIFT = ("welke rol is dit: 'goedemorgen, ja ik bel even over zaterdag. ik weet het echt niet meer, ik doe alles goed "
         "en het is nooit genoeg. maar jullie van het buurtteam doen ook helemaal niks, jullie laten haar gewoon haar "
         "gang gaan'")


def test_each_role_of_a_shift_has_its_own_signal_and_the_advice_answers_the_accusation():
    quote = SHIFT.split(": ", 1)[1]
    result = analyse_role(quote)
    assert [shift["rol"] for shift in result.rolwissel] == ["slachtoffer", "aanklager"]
    assert {hit.rol for hit in result.signalen} == {"slachtoffer", "aanklager"}
    assert any(hit.naam == "verwijt aan de hulpverlener" and "doen ook helemaal niks" in hit.woorden
               for hit in result.signalen)
    assert result.alternatief["rol"] == "assertief"
    reply = format_analysis(result)
    assert "- verwijt aan de hulpverlener (Aanklager)" in reply and "(Assertief)" in reply


def test_the_accusation_alone_has_a_signal():
    result = analyse_role("maar jullie van het buurtteam doen ook helemaal niks, jullie laten haar gewoon haar gang "
                          "gaan")
    assert result.rol == "aanklager" and result.signalen
    assert "Geen los signaal" not in format_analysis(result)


def test_a_victim_turn_that_ends_in_a_reproach_at_the_professional_is_answered_as_that():
    result = analyse_role("ik weet het ook niet meer, hij doet toch wat hij wil. en jij? jij zit daar maar een beetje "
                          "te knikken.")
    assert result.rol == "slachtoffer" and result.rolwissel[-1]["rol"] == "aanklager"
    assert result.alternatief["rol"] == "assertief"
    reply = format_analysis(result)
    assert "De beurt eindigt met een verwijt aan jou (Aanklager): reageer daar eerst op." in reply
    # not when the reproach is aimed at someone else: the turn's own role is answered
    other = analyse_role("Ik kan echt niet meer, ik ben op. En zij? Zij liegt gewoon over alles, het is allemaal haar "
                         "schuld.")
    assert "aanleiding" not in (other.alternatief or {})


# -- 6. persona lines and the debrief ----------------------------------------------------------------------------------

INQUIRY = "Ga je nu uitzoeken wie gelijk heeft? Ik weet allang wie gelijk heeft."


@pytest.mark.parametrize("said", [
    "Ik ben zelf ook gescheiden hoor, mijn ex deed precies hetzelfde met onze zoon.",
    "ik snap het heel goed hoor ik ben zelf ook gescheiden en mijn ex deed precies hetzelfde",
])
def test_one_s_own_story_is_not_answered_as_an_inquiry_into_who_is_right(said):
    lines = pacing.reply_lines(MOTHER, "aanklager", "inhoud", 8, said)
    assert lines and INQUIRY not in lines


@pytest.mark.parametrize("said", [
    "Wanneer is het precies begonnen, en wat heeft vader haar over u verteld?",
    "wanneer is het precies begonnen en wat heeft vader haar over u verteld",
])
def test_a_question_about_what_happened_may_be_answered_so(said):
    assert INQUIRY in pacing.reply_lines(MOTHER, "aanklager", "inhoud", 8, said)


def test_at_a_high_tension_the_better_step_stays_erkennen():
    turns = [
        ("U moet haar ook niet zo achter de vodden zitten met al die appjes.", Move(zet="oordelen")),
        ("Ik snap het heel goed hoor, ik ben zelf ook gescheiden en mijn ex deed precies hetzelfde.",
         Move(zet="inhoud")),
    ]
    lookup = dict(turns)
    engine = Engine(MOTHER, classify=lambda text: lookup[text], seed=1)
    for text, _ in turns:
        engine.step(text)
    items = feedback.debrief(MOTHER, engine.state, ZETTEN)["valkuilen"]
    assert items[1]["beurt"] == 2 and engine.state.turns[1].spanning_voor >= 7
    assert items[1]["beter"] == "erkennen", items[1]


def test_at_a_high_tension_an_acknowledgement_beside_the_pitfall_still_gets_erkennen():
    choices = feedback.better_step("inhoud", 9, ["erkennen"], ["inhoud", "erkennen"])
    assert choices[0][0] == "erkennen" and "9/10" in choices[0][1]
    assert feedback.better_step("inhoud", 4, ["erkennen"], ["inhoud", "erkennen"])[0][0] != "erkennen"


# -- 7. a rule's read at CUED ------------------------------------------------------------------------------------------

def test_a_yes_but_over_an_unsure_redden_read_keeps_redden_at_cued():
    sentence = "ik snap dat u boos bent, maar u moet echt even rustig worden"
    unsure = textclass.Prediction("redden", 0.5, {"redden": 0.5, "erkennen": 0.4, "inhoud": 0.1}, ["maar"])
    read = classifier._yes_but(sentence, unsure)
    assert read is not None and read.label == "redden" and read.probabilities["redden"] == CUED
    other = textclass.Prediction("erkennen", 0.7, {"erkennen": 0.7, "redden": 0.3}, ["snap"])
    read = classifier._yes_but(sentence, other)
    assert read.probabilities == {"erkennen": 1 - CUED, "redden": CUED}
    assert read.features[0] == classifier.YES_BUT
