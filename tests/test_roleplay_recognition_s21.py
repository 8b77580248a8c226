"""A user test of session 21 (trainees in the role-play chat): siding with the parent read as a good step, the child
made a messenger by name, warm acknowledgements counted as pitfalls (and the live label said 'Erkennen' where the
debrief listed a pitfall), and advice dressed as a question praised as opties by `welke stap is dit` while the
role-play read it as redden. One read of each turn, wherever it is shown."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.engine import Move
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import classify_step
from bot.steps.pitfall_forms import find_form
from bot.steps.preparation import classification_text

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")
MESSENGER = "het kind berichten tussen de ouders laten overbrengen"


def _move(text: str) -> Move:
    """The role-play's read of a turn without context (the real step reader and cue phrases)."""
    return MoveClassifier()(text)


# -- 1. taking the parent's side ----------------------------------------------------------------------------------

SIDING = ("nou, ik moet zeggen, als ik dit zo lees dan snap ik u wel hoor. dit zijn best heftige appjes van hem, daar "
          "zou ik zelf ook niet blij van worden eerlijk gezegd")


def test_siding_with_the_parent_about_the_exs_messages_is_inhoud_in_the_step_reader_and_the_role_play():
    result = classify_step(SIDING)
    assert result.stap == "inhoud" and result.zekerheid >= 0.8  # it read as realiteit, 96%, "Herkend aan: eerlijk"
    assert _move(SIDING).zet == "inhoud"


@pytest.mark.parametrize("text", [
    "daar zou ik zelf ook niet blij van worden",
    "dat zou ik ook niet pikken",
    "wat een nare berichten van haar",
    "dit zijn best heftige appjes van hem",
])
def test_the_professionals_own_anger_at_the_other_and_judging_their_messages_are_inhoud(text):
    assert classify_step(text).stap == "inhoud"


@pytest.mark.parametrize("text", [
    "Wat akelig, zeg. Dat zou ik ook heel naar vinden.",  # a feeling shared with a child: no anger at anyone
    "Ik hoor dat het zwaar is, dat zou ik ook zijn.",
])
def test_sharing_a_feeling_stays_no_pitfall(text):
    assert classify_step(text).stap == "erkennen"


# -- 2. the child as messenger, by name --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "misschien kan daan zelf aan zijn vader vragen of die wat rustiger wil doen met die appjes? hij is 6",
    "kan daan zelf aan zijn vader vragen?",
    "laat sanne het maar aan haar moeder vragen",
    "misschien kan hij het zelf tegen zijn vader zeggen",
    "misschien kan daan zijn vader vragen of hij wat rustiger wil doen",
    "Daan kan het zelf wel aan zijn moeder vragen.",
])
def test_the_child_named_to_a_parent_as_messenger_is_the_form_everywhere(text):
    hit = find_form(text)
    assert hit is not None and hit.kenmerk == MESSENGER and hit.vorm == "kind-in-het-midden"
    result = classify_step(text)
    assert result.stap == "redden" and result.zekerheid == 1.0 and result.vorm is not None  # it read as opties
    move = _move(text)
    assert move.zet == "redden" and move.signalen == [MESSENGER]


@pytest.mark.parametrize("text", [
    "misschien kunt u zelf aan zijn vader vragen of hij wat rustiger wil doen",  # the parent asks: an option
    "zou u aan zijn vader kunnen vragen of hij komt?",
    "u kunt het zelf tegen zijn vader zeggen",
    "kan ik het tegen zijn vader zeggen?",
    "hij kan niet tegen zijn vader zeggen dat hij bang is",
    "misschien kan hij zelf bedenken wat hij tegen zijn vader wil zeggen",
    "Wat zou hij tegen zijn vader willen zeggen?",
    "kunnen we samen aan zijn vader vragen of hij komt?",
])
def test_a_parent_or_the_professional_asking_is_no_child_in_the_middle(text):
    assert find_form(text) is None


# -- 3. warm acknowledgements ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "u had zich er de hele week op verheugd dat de jongens zouden komen en dan krijgt u vrijdagavond laat zo'n appje, "
    "dat is gewoon heel rot",
    "u had zich er de hele week op verheugd dat de jongens zouden komen. en dan krijgt u vrijdagavond laat zo'n appje, "
    "dat is gewoon heel rot",
    "maar ik hoor u wel, het is niet de eerste keer he",
    "maar dat snap ik, het is al de zoveelste keer",
])
def test_warm_acknowledgements_are_erkennen_without_a_pitfall(text):
    result = classify_step(text)
    assert result.stap == "erkennen" and not result.valkuilen
    assert not {"inhoud", "redden"} & set(result.stappen)
    move = _move(text)
    assert move.zet == "erkennen" and not {"inhoud", "redden"} & set(move.zetten)


def test_a_reality_with_how_hard_it_is_stays_realiteit():
    # the workbook's own realiteit ("Zo zal het waarschijnlijk blijven, en dat is zwaar."): not read as erkennen
    assert classify_step("Dat blijft misschien nog wel een tijdje zo, en dat is best verdrietig.").stap == "realiteit"


def test_an_agreement_that_lifts_a_burden_then_asks_is_no_pitfall_and_asking_leave_is_no_step():
    text = ("ja precies, dat hoef jij niet te doen. mag ik je wat vragen? hoe gaat dat dan meestal? wat gebeurt er dan "
            "bij de deur?")
    result = classify_step(text)
    assert result.stap == "dynamiek" and "inhoud" not in result.stappen  # it read as inhoud by "precies"
    assert "opties" not in result.stappen  # "mag ik je wat vragen?" asks leave to ask; it read as opties
    assert classify_step("mag ik je wat vragen?").stap == "geen"
    assert classify_step("dat hoef jij niet te doen, dat regel ik wel").stap != "visie"


def test_the_live_label_names_a_pitfall_beside_the_step_as_the_debrief_does():
    from bot.roleplay.session import PracticeService

    def reads(text):  # an acknowledgement with a doubtful pitfall sentence beside it
        return Move(zet="erkennen", zekerheid=0.9, zetten=["erkennen", "inhoud"],
                    valkuilzin="Dat is tegen de afspraak.")

    service = PracticeService(classify=reads)
    session = service.start(FATHER.id, seed=0)
    label = service.play(session, "Wat een rotweekend. Dat is tegen de afspraak.").payload["zet_naam"]
    assert label == f"{ZETTEN['erkennen'].naam} + {ZETTEN['inhoud'].naam[0].lower()}{ZETTEN['inhoud'].naam[1:]}"
    answer = service.play(session, "welke stap is dit?").tekst
    assert f"las die beurt als {label}" in answer
    assert "bevatte naast erkennen ook de inhoud in" in service.finish(session).debrief_tekst


def test_a_turn_without_a_pitfall_beside_keeps_its_plain_name():
    turn = {"nr": 1, "zet": "erkennen", "zetten": ["erkennen"], "signalen": [], "onzeker": False}
    assert feedback.turn_label(turn, ZETTEN) == ZETTEN["erkennen"].naam
    # a step beside it is named as "Al je beurten" names it (session 22, second user test)
    both = {"nr": 1, "zet": "erkennen", "zetten": ["erkennen", "dynamiek"], "signalen": [], "onzeker": False}
    assert feedback.turn_label(both, ZETTEN) == "Erkennen + dynamiek onderzoeken"
    forgiven = {"nr": 1, "zet": "inhoud", "zetten": [], "signalen": [], "onzeker": True}
    # a forgiven read is named as the debrief lists it (session 22): doubt, not counted, no pitfall
    assert feedback.turn_label(forgiven, ZETTEN) == "De inhoud in" + feedback.FORGIVEN_MARK


# -- 4. advice dressed as a question -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "heeft u er al eens aan gedacht om een mediator in te schakelen?",
    "heeft u er al aan gedacht om een mediator in te schakelen?",
    "heb je er al aan gedacht om het met haar te bespreken?",
    "heeft u wel eens overwogen om naar een mediator te gaan?",
    "heeft u al eens gedacht aan mediation?",
    "zou het niet beter zijn om eerst even af te koelen?",
    "is het geen idee om een mediator in te schakelen?",
    "wat dacht je van een mediator?",
    "waarom belt u hem niet gewoon?",
])
def test_advice_dressed_as_a_question_is_redden_in_the_step_reader_and_the_role_play(text):
    assert classify_step(text).stap == "redden"
    assert _move(text).zet == "redden"


def test_which_step_no_longer_praises_the_mediator_question_as_opties():
    answer = classification_text("heeft u er al eens aan gedacht om een mediator in te schakelen?")
    assert "redden" in answer and "Opties verkennen" not in answer  # it said Opties verkennen (54%)


@pytest.mark.parametrize("text", [
    "heeft u er al eens aan gedacht wat u zelf kunt doen?",  # asks what the other thinks of: opties
    "is het een idee om samen te kijken wat u kunt doen?",
    "Zou het helpen als je een knuffel of iets van jezelf in beide huizen hebt?",  # an idea to weigh, opties
])
def test_an_open_question_about_the_others_own_options_stays_opties(text):
    assert classify_step(text).stap == "opties"
