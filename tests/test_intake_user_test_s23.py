"""Session-23 user test of the intake (a Vraagbaak consultant doing call intakes about teenagers and young adults in
shorthand): self-harm in everyday words, a danger in a professional's short opening, sextortion in a long sentence, a
toddler hitting at daycare, a wish not to store asked as a question, rows read as a divorce, corrections of the age
and the school year, and a young person calling who got "Sorry"."""
from __future__ import annotations

import pytest

from bot.commands import is_forget_request
from bot.correction import SCHOOL_YEAR, school_year_correction
from bot.intake.danger import danger_message
from bot.intake.session import CORRECTION, FORGET, NOT_TO_STORE, Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary
from bot.knowledge.loader import get_knowledge
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _ids(text: str) -> set:
    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal"))}


# 1. self-harm in everyday words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hij riep laatst 'dan ben ik er toch gewoon niet meer'",
    "ze zag gister krassen op zn onderarm, hij draagt nu alleen nog lange mouwen",
    "dochter 17 krast zich, mdr in paniek, eemnes",
    "ze snijdt zichzelf", "hij doet zichzelf pijn", "ze zegt dat het beter is als ik er niet meer ben",
    "ze wil niet meer wakker worden",
])
def test_self_harm_in_everyday_words_is_a_concern_about_suicide(text):
    assert "gevaar_suicide" in _ids(text)


@pytest.mark.parametrize("text", [
    "hij heeft krassen op de auto gemaakt", "er zitten krassen op de tafel en op zijn telefoon",
    "ze heeft zich in haar vinger gesneden bij het koken", "dan ben ik er niet meer bij",
    "volgende week ben ik er niet meer, dan ben ik op vakantie", "soms denk ik dat ik t niet meer trek",
])
def test_scratches_on_things_or_not_being_present_are_no_concern_about_suicide(text):
    assert "gevaar_suicide" not in _ids(text)


def test_a_parent_who_cannot_cope_any_more_is_a_signal_of_load():
    assert "ernst_draagkracht" in _ids("soms denk ik dat ik t niet meer trek")


def test_a_kaart_question_about_a_girl_who_scratches_herself_gets_113_first():
    message = danger_message("dochter 17 krast zich, mdr in paniek, eemnes")
    assert message is not None and "113" in message


async def test_scratches_told_at_the_rows_question_give_113_and_no_safe_line():
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "zoon 16 gaat niet meer naar school en zit veel op zijn kamer").state
    for answer in ("nee", "nee"):
        state = intake.handle(state, answer).state
    assert intake.view(state).key == "veiligheid.ruzie_thuis"
    slots, said = await typed(state, "ze zag gister krassen op zn onderarm, hij draagt nu alleen nog lange mouwen")
    assert any("113" in line for line in said)
    summary = build_summary({**slots["intake_status"], "status": "klaar", "pos": None}, get_knowledge(),
                            search=lambda *a, **k: [])
    assert summary.veiligheid != "uitgevraagd" or any("zelfdoding" in line for line in summary.kern)


# 2. a danger in a professional's short opening, sextortion in a long sentence ------------------------------------

@pytest.mark.parametrize("text", [
    "goedemiddag, er belt een ib'er van het college in hilversum over een meisje van 15, ze denkt aan een loverboy",
    "er belt een mentor over een meisje van 15, ze denkt aan een loverboy",
])
def test_a_danger_in_a_professionals_short_opening_is_the_first_answer(text):
    intake = Intake(get_knowledge())
    assert intake.opening_tells(text)
    turn = intake.handle(intake.start(text).state, text)
    assert [signal.id for signal in turn.danger] == ["gevaar_seksuele_uitbuiting"]
    summary = build_summary({**turn.state, "status": "klaar", "pos": None}, get_knowledge(), search=lambda *a, **k: [])
    assert "loverboy" in summary.kern_woorden


def test_only_an_introduction_with_support_tells_nothing_yet():
    assert not Intake(get_knowledge()).opening_tells("er belt een juf van groep 7 over een leerling")


def test_sextortion_in_a_long_sentence_is_a_danger_and_sexting_alone_is_not():
    assert "gevaar_seksuele_uitbuiting" in _ids("ze heeft gezegd dat ze naaktfotos van haar hebben en dat ze moet "
                                                "doen wat hij zegt anders gaan ze rond")
    assert "gevaar_seksuele_uitbuiting" not in _ids("ze heeft naaktfotos gestuurd naar haar vriendje")


# 3. a toddler who hits at daycare ---------------------------------------------------------------------------------

def test_a_toddler_who_bites_and_hits_at_daycare_is_no_violence_at_home():
    ids = _ids("oma aan de lijn over kleinzoon van 2,5 jr, bijt en slaat op het kdv, moeder is alleenstaand en ten "
               "einde raad. ze wonen in eemnes")
    assert "gevaar_geweld" not in ids and "ernst_draagkracht" in ids
    assert "gevaar_geweld" in _ids("vader slaat hem")


# 4. a wish not to store, asked as a question ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ze vraagt of dit opgeslagen wordt, ze wil dat liever niet",
                                  "wordt dit bewaard? dat wil ze niet"])
def test_asking_whether_it_is_stored_and_not_wanting_it_is_a_wish_not_to_store(text):
    assert is_forget_request(text)
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "ze is 15 en spijbelt al weken, ze wonen in huizen").state
    turn = intake.handle(state, text)
    assert turn.kind == FORGET and turn.state.get(NOT_TO_STORE)
    assert turn.state["answers"] == state["answers"]


def test_only_asking_whether_it_is_stored_or_a_wish_about_something_else_is_no_such_wish():
    assert not is_forget_request("ze wil liever niet naar school, ze vraagt of het cijfer opgeslagen wordt")


def test_the_wish_not_to_store_outside_an_intake_goes_to_the_explanation():
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "intake_vragen_tonen", "confidence": 0.34}, {"name": "greet", "confidence": 0.2}]
    message = Message(data={"text": "ze vraagt of dit opgeslagen wordt, ze wil dat liever niet",
                            "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}


# 5. rows are no divorce unless one is told ---------------------------------------------------------------------------

FATHER = ("vader aan de lijn, dochter 19 wil het huis uit, ze hebben constant ruzie en ze slaapt nu al 2 weken bij "
          "vriendinnen op de bank of soms buiten")


def _summary_after(answers):
    intake = Intake(get_knowledge())
    state = intake.start(answers[0]).state
    for answer in answers:
        state = intake.handle(state, answer).state
    return intake, state, build_summary({**state, "status": "klaar", "pos": None}, get_knowledge(),
                                        search=lambda *a, **k: [])


def test_rows_between_a_father_and_his_daughter_are_no_divorce():
    intake, state, summary = _summary_after([FATHER, "nee", "nee", "ja elke avond geschreeuw, ze gooien met deuren",
                                             "vader, moeder en dochter"])
    assert "Scheiding" not in summary.signalen
    assert not any("samen ouder zijn" in line for line in summary.kern)
    assert all(advice.route != "jeugdteam" or "scheiding" not in advice.titel for advice in summary.route)
    assert "geen vaste woonplek" in summary.signalen.get("Geld en wonen", [])
    # the clear answer to the rows question is its answer, not "Dat antwoord hoort bij een andere vraag"
    assert state["answers"]["veiligheid.ruzie_thuis"].startswith("ja elke avond geschreeuw")
    assert "complexe_scheiding.overleg" not in [key for key in state["answers"]]


def test_rows_of_parents_who_separated_are_still_read_as_a_divorce():
    _, _, summary = _summary_after(["moeder aan de lijn, ze zijn gescheiden en hebben constant ruzie over de "
                                    "kinderen, ook via de advocaat"])
    assert "Scheiding" in summary.signalen


# 6. corrections during the intake -----------------------------------------------------------------------------------

async def test_a_reported_correction_of_the_age_replaces_the_age():
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "zoon van 16 spijbelt al weken en blowt veel").state
    turn = intake.handle(state, "o wacht ze zegt hij is 15 niet 16")
    assert turn.kind == CORRECTION and turn.corrected[:2] == ("16", "15") and turn.corrected[2] >= 1
    assert "15" in turn.state["answers"]["algemeen.kern"] and "16" not in turn.state["answers"]["algemeen.kern"]


def test_a_correction_of_the_school_year_replaces_it_and_is_no_answer():
    fix = school_year_correction("sorry correctie: ze zit in 3 havo, niet 4")
    assert fix is not None and (fix.kind, fix.new, fix.old) == (SCHOOL_YEAR, "3 havo", "4 havo")
    assert school_year_correction("nee ze is 13 niet 15") is None
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "dochter zit in 4 havo en heeft veel faalangst, slaapt slecht").state
    open_question = intake.view(state).key
    turn = intake.handle(state, "sorry correctie: ze zit in 3 havo, niet 4")
    assert turn.kind == CORRECTION and "3 havo" in turn.state["answers"]["algemeen.kern"]
    assert intake.view(turn.state).key == open_question


# 7. a young person who calls starts the intake -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "er belt een meisje van 17 zelf, wil anoniem blijven",
    "ik heb een jongere aan de lijn, meisje van 17, mantelzorger voor haar moeder (ms en depressief), broertje van 8. "
    "ze wil anoniem blijven",
])
def test_a_young_person_on_the_line_starts_the_intake_when_the_model_is_unsure(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "start_vraagverheldering", "confidence": 0.34}, {"name": "start_voorbereiden",
                                                                        "confidence": 0.2}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent") == {"name": "start_vraagverheldering", "confidence": 1.0}


def test_the_questions_address_a_young_caller_and_not_het_kind():
    intake = Intake(get_knowledge())
    state = intake.start("er belt een meisje van 17 zelf, wil anoniem blijven").state
    assert state["beller"] == "jongere"
    texts = [intake._asked(step, state) for step in intake.plan.stappen]
    texts += [intake._for_the_caller(intake._step_question(step).doorvraag, state) for step in intake.plan.stappen]
    assert not [text for text in texts if "uw kind" in text or "het kind" in text or " u " in f" {text} "]
    assert any("jij of iemand anders" in text for text in texts)
    used = " ".join(intake._step_question(step).vraag + " " + intake._step_question(step).doorvraag
                    for step in intake.plan.stappen)
    assert all(replacement.van in used for replacement in intake.plan.jongere_beller)


def test_a_child_named_at_the_start_of_the_story_is_no_young_caller():
    intake = Intake(get_knowledge())
    assert intake.start("meisje van 15 spijbelt al weken").state["beller"] != "jongere"


# 3b. no question about self-harm for a toddler ----------------------------------------------------------------------

def _asked_keys(first, answers):
    intake = Intake(get_knowledge())
    turn = intake.start(first)
    keys = []
    for answer in [first] + answers:
        turn = intake.handle(turn.state, answer)
        if turn.question is not None:
            keys.append(turn.question.key)
    return keys


def test_no_question_about_self_harm_for_a_toddler_but_for_a_teenager():
    toddler = "oma aan de lijn over kleinzoon van 2,5 jr, bijt en slaat op het kdv, hij is erg boos en verdrietig"
    teen = "oma aan de lijn over kleinzoon van 14, hij is erg boos en verdrietig en zit alleen op zijn kamer"
    assert "veiligheid.zelfbeschadiging" not in _asked_keys(toddler, ["nee", "nee", "nee"])
    assert "veiligheid.zelfbeschadiging" in _asked_keys(teen, ["nee", "nee", "nee"])


# 6b. what is still to ask, support in everyday words ----------------------------------------------------------------

async def test_asking_what_is_still_to_ask_lists_the_open_questions_and_stores_nothing():
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "zoon van 16 spijbelt al weken en blowt veel").state
    open_question = intake.view(state)
    slots, said = await typed(state, "wat moet ik nog vragen?")
    after = slots["intake_status"]
    assert after["answers"] == state["answers"] and intake.view(after).key == open_question.key
    assert open_question.vraag in said[0] and "Wie staan er om u en uw kind heen?" in said[0]


@pytest.mark.parametrize("text", ["bij opa gaat het wel iets beter", "oma past 2 dagen per week op"])
def test_support_in_everyday_words_counts_as_support(text):
    intake = Intake(get_knowledge())
    state = intake.start("ik heb een moeder aan de lijn").state
    state = intake.handle(state, "zoon van 16 spijbelt al weken en blowt veel").state
    while intake.view(state).key != "algemeen.gezin":
        state = intake.handle(state, "nee").state
    state = intake.handle(state, f"moeder en zoon, {text}").state
    assert any(hit[1] == "steun" for hit in state["hits"])


# 8. a young carer and a teenager who games at night are signals -----------------------------------------------------

def test_a_young_carer_and_gaming_at_night_are_signals():
    assert "zorg_voor_anderen" in _ids("ik heb een jongere aan de lijn, meisje van 17, mantelzorger voor haar moeder")
    assert "zorg_voor_anderen" in _ids("ze zorgt eigenlijk voor haar moeder die ms heeft en voor broertje van 8")
    assert "zorg_voor_anderen" not in _ids("moeder zorgt goed voor haar kinderen")
    assert "opvoeding_grenzen" in _ids("hij zit vooral op zn kamer te gamen tot 4 uur snachts")
