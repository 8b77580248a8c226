"""Safety signals and the intake flow (session 23, defects left open by the user tests of session 22).

1. A row that turns physical ("ja ze schreeuwen en dan wordt het fysiek", "en soms wordt het handgemeen") is violence,
   also after a 'ja' about shouting; a plain "ja ze schreeuwen bij de overdracht" stays the row, and "het wordt
   fysiek zwaar" is no violence.
2. The police called in the past ("de buren hebben de politie gebeld, vorige week") is a violence signal to weigh
   (Veilig Thuis), not 'bel nu 112'; the police called just now, on their way, or someone at the door now stays acute.
3. A parent afraid of harming their own baby ("ik ben bang dat ik de baby iets aandoe", "soms wil ik hem door elkaar
   schudden") gets its own safety advice (the huisarts the same day, Veilig Thuis for advice, the JGZ); the kaart
   shows the JGZ for it (toets15), not Veilig Thuis, which the advice names.
4. "ziet haar dochter nauwelijks, ze zit de hele dag op haar kamer" is a child that withdraws, not a parent who hardly
   sees the children after a divorce.
5. A short call opening with a fact ("moeder belt, zoon van 14 spijbelt, huizen") is the answer to the first question.
6. A kaart follow-up typed during the intake ("en in Vleuten?", also at a safety question) is answered by the kaart,
   not refused, and the open question comes back.
"""
from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionIntakeStart
from bot.intake.danger import danger_in, danger_message
from bot.intake.opening import tells_the_story
from bot.intake.session import KAART_QUESTION, Intake
from bot.intake.signals import find_signals
from bot.knowledge.loader import get_knowledge
from bot.paths import PROJECT_ROOT
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)

ACUTE, VIOLENCE, PARENT = "gevaar_acuut", "gevaar_geweld", "gevaar_ouder_bang_iets_aan_te_doen"
HITTING = "veiligheid.geweld_thuis"
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain" / "intake.yml").read_text(encoding="utf-8"))


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


def signal_ids(text):
    return {hit.signal_id for hit in find_signals(text, get_knowledge().entries["intake_signaal"].values())}


def _at(key, first="moeder belt over haar dochter van 9, de ouders zijn gescheiden"):
    """An intake with the story told, at the question ``key`` (the questions before it answered 'nee')."""
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start("ik heb een moeder aan de lijn").state, first)
    while turn.question.key != key:
        turn = intake.handle(turn.state, "nee")
    return intake, turn.state


# -- 1. a row that turns physical -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ja ze schreeuwen en dan wordt het fysiek", "het loopt uit de hand en dan slaat hij",
                                  "en soms wordt het handgemeen", "als het fysiek wordt gaat ze weg",
                                  "hij wordt dan fysiek", "het kwam tot klappen tussen de ouders",
                                  "ze gaan met elkaar op de vuist"])
def test_a_row_that_turns_physical_is_violence(text):
    assert VIOLENCE in danger_ids(text), text


@pytest.mark.parametrize("text", ["het wordt fysiek zwaar voor haar", "fysiek gaat het wel, ze slaapt alleen slecht",
                                  "hij werd lichamelijk onderzocht door de huisarts", "ze is fysiek moe"])
def test_physically_tired_or_examined_is_no_violence(text):
    assert VIOLENCE not in danger_ids(text), text


def test_at_the_question_about_hitting_a_row_that_turns_physical_alarms_and_plain_shouting_does_not():
    intake, state = _at(HITTING)
    turn = intake.handle(state, "ja ze schreeuwen en dan wordt het fysiek")
    assert [signal.id for signal in turn.danger] == [VIOLENCE]
    turn = intake.handle(state, "ja ze schreeuwen bij de overdracht")
    assert turn.danger == [] and "ruzie_hard" in {hit[0] for hit in turn.state["hits"]}


# -- 2. the police called: in the past a signal to weigh, now acute ----------------------------------------------------

@pytest.mark.parametrize("text", ["de buren hebben de politie gebeld, vorige week",
                                  "vorig jaar is de politie een keer gebeld door de buurvrouw",
                                  "de buurman heeft de politie gebeld"])
def test_the_police_called_in_the_past_is_violence_not_acute(text):
    found = danger_ids(text)
    assert VIOLENCE in found and ACUTE not in found, text
    advice = danger_message(text)
    assert "Veilig Thuis" in advice and "Er lijkt acuut gevaar" not in advice


@pytest.mark.parametrize("text", ["hij staat nu voor de deur", "ik heb net de politie gebeld",
                                  "de politie is onderweg", "ze heeft zojuist 112 gebeld"])
def test_danger_now_stays_acute(text):
    assert ACUTE in danger_ids(text), text


def test_the_police_not_called_is_no_signal():
    assert not danger_ids("de politie is niet gebeld")


# -- 3. a parent afraid of harming the own child -----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ik ben bang dat ik de baby iets aandoe", "soms wil ik hem door elkaar schudden",
                                  "moeder is bang dat ze haar baby iets aandoet",
                                  "ze is bang om haar zoon iets aan te doen",
                                  "ik heb soms de neiging hem door elkaar te schudden",
                                  "soms wil ik de baby door elkaar schudden"])
def test_a_parent_afraid_of_harming_the_child_gets_its_own_advice(text):
    found = danger_ids(text)
    assert PARENT in found and ACUTE not in found, text
    advice = danger_message(text)
    assert "huisarts" in advice and "Veilig Thuis (0800-2000" in advice and "JGZ" in advice


@pytest.mark.parametrize("text", ["hij schudt de baby door elkaar", "ze is bang dat hij haar iets aandoet",
                                  "vader heeft de baby door elkaar geschud"])
def test_someone_who_harms_or_threatens_is_no_parent_asking_for_help(text):
    assert PARENT not in danger_ids(text) and danger_ids(text) & {ACUTE, VIOLENCE}, text


@pytest.mark.parametrize("text", ["Eigenlijk ben ik bang dat ik de kinderen meer pijn doe door te blijven vechten.",
                                  "ze is bang dat ze het niet goed doet", "ik ben bang dat ik hem kwijtraak",
                                  "ik ben bang dat ze er iets aan gaat veranderen",
                                  "ik wil de kaarten even door elkaar schudden"])
def test_a_worry_of_a_parent_is_no_fear_of_harming(text):
    assert PARENT not in danger_ids(text), text


@pytest.mark.parametrize("text", [
    "moeder in Hilversum met een baby van 3 maanden die uren huilt; zelf slaapt ze niet meer en ze is bang dat ze hem "
    "iets aandoet",
    "moeder in huizen, baby 2 maanden, soms wil ze hem door elkaar schudden"])
def test_the_kaart_shows_the_jgz_for_a_parent_afraid_of_harming_the_baby(text):
    from bot.kaart.dialog import lees
    from bot.kaart.search import zoek

    slots = lees(text, [])
    result = zoek(text, leeftijd=slots.get("kaart_leeftijd"), gemeente=slots.get("kaart_gemeente"),
                  thema=slots.get("kaart_thema"), limit=5)
    top3 = [hit.id for hit in result.hits[:3]]
    assert "jeugd_en_gezin_ggd" in top3 and "veilig_thuis" not in top3  # Veilig Thuis is in the advice above them


async def test_the_intake_gives_the_advice_to_a_parent_afraid_of_harming_the_baby():
    intake = Intake(get_knowledge())
    turn = intake.start("ik heb een moeder aan de lijn")
    turn = intake.handle(turn.state, "ze heeft een baby van 2 maanden en ze is bang dat ze de baby iets aandoet")
    assert [signal.id for signal in turn.danger] == [PARENT]


# -- 4. a child that withdraws is no parent without contact ------------------------------------------------------------

@pytest.mark.parametrize("text", ["ziet haar dochter nauwelijks, ze zit de hele dag op haar kamer",
                                  "moeder ziet haar zoon amper, hij komt zijn kamer niet meer uit",
                                  "vader ziet zijn zoon bijna niet, hij sluit zich op"])
def test_a_child_that_withdraws_is_no_parent_who_hardly_sees_the_children(text):
    found = signal_ids(text)
    assert "scheiding_weinig_contact" not in found and "psychisch_terugtrekken" in found, text


@pytest.mark.parametrize("text", ["vader ziet zijn kinderen nauwelijks sinds de scheiding",
                                  "ze ziet haar dochter bijna niet meer, die woont bij haar vader",
                                  "vader ziet de kinderen nauwelijks, ze zitten niet op hun kamer maar bij moeder"])
def test_a_parent_who_hardly_sees_the_children_stays_that_signal(text):
    assert "scheiding_weinig_contact" in signal_ids(text), text


# -- 5. a short call opening with a fact is the first answer -----------------------------------------------------------

@pytest.mark.parametrize("text", ["moeder belt, zoon van 14 spijbelt, huizen",
                                  "oma uit huizen belt, kleinzoon 8 wordt gepest",
                                  "vader belt: dochter 15 is zwanger"])
def test_a_short_call_opening_with_a_fact_tells_the_story(text):
    assert tells_the_story(text), text


@pytest.mark.parametrize("text", ["moeder belt", "moeder belt over haar zoon van 14", "moeder belt, even wachten",
                                  "moeder belt, oma helpt", "er belt een juf van groep 5 over een leerling"])
def test_an_opening_without_a_fact_tells_no_story(text):
    assert not tells_the_story(text), text


async def test_the_short_opening_is_kept_masked_as_the_first_answer():
    text = "moeder belt, zoon Daan van 14 spijbelt, huizen"
    tracker = Tracker(sender_id="s23", slots={}, latest_message={
        "text": text, "intent": {"name": "start_vraagverheldering", "confidence": 1.0}, "entities": []},
        events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    events = await ActionIntakeStart().run(CollectingDispatcher(), tracker, DOMAIN)
    state = events[0]["value"]
    assert state["pos"] == 1 and "spijbelt" in state["answers"]["algemeen.kern"]
    assert "Daan" not in str(state)
    assert "school_verzuim" in {hit[0] for hit in state["hits"]}


# -- 6. a kaart follow-up during the intake is answered ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["en in Vleuten?", "en in vleuten", "Vleuten dan?", "en als ze 17 is?"])
def test_a_kaart_follow_up_at_a_safety_question_is_a_kaart_question(text):
    intake, state = _at(HITTING, "ze is 15 en spijbelt al weken, ze wonen in huizen")
    turn = intake.handle(state, text)
    assert turn.kind == KAART_QUESTION and turn.state["answers"] == state["answers"]
    assert turn.question.key == HITTING and turn.state.get("plaatsen") == state.get("plaatsen")


@pytest.mark.parametrize("text", ["in Laren", "zoon 15"])
def test_a_place_or_a_person_alone_at_a_safety_question_stays_no_answer(text):
    intake, state = _at(HITTING, "ze is 15 en spijbelt al weken, ze wonen in huizen")
    assert intake.handle(state, text).kind == "geen_antwoord"


async def test_the_kaart_answers_the_follow_up_with_the_story_and_the_open_question_comes_back():
    intake, state = _at(HITTING, "ze is 15 en spijbelt al weken, ze wonen in huizen")
    slots, said = await typed(state, "en in Vleuten?")
    text = "\n".join(line for line in said if line)
    assert "schoolverzuim" in text and "Vleuten" in text and "Buurtteam" in text
    assert said[-1].startswith("Dat was een vraag aan de sociale kaart")
    assert slots["intake_antwoord"] is None and intake.view(slots["intake_status"]).key == HITTING
