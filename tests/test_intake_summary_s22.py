"""Session-22 user test of the intake summary (a Vraagbaak consultant doing intakes over the web chat): a wish not to
store keeps the summary back until the consultant confirms, and the summary attributes what the caller said to the
right people and aspects."""
from __future__ import annotations

from typing import List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from actions.intake import ActionIntakeSamenvatting
from bot import commands
from bot.intake.session import NOT_TO_STORE, Intake
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from bot.knowledge.texts import Texts
from bot.records import list_records
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)
TEXTS = Texts("intake_tekst")
KIND = "intake_samenvatting"


def _tracker(state, text="", sender_id="gesprek-s22-privacy") -> Tracker:
    return Tracker(sender_id=sender_id, slots={"intake_status": state},
                   latest_message={"text": text, "intent": {"name": "nlu_fallback", "confidence": 1.0},
                                   "entities": []},
                   events=[], paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")


def _stored(sender_id: str) -> int:
    return len(list_records(KIND, conversation_id=sender_id))


async def _through(texts: List[str]) -> dict:
    """The intake state after the consultant typed ``texts`` into the form."""
    state = Intake(get_knowledge()).start("ik heb een moeder aan de lijn").state
    for text in texts:
        slots, _ = await typed(state, text)
        state = slots["intake_status"]
    return state


# 8. privacy: a wish not to store keeps the summary back --------------------------------------------------------

@pytest.mark.parametrize("wish", [
    "ze wil eigenlijk niet dat er iets wordt opgeslagen",
    "juf vraagt of dit niet vastgelegd wordt, vader mag dit nooit weten",
    "wis dit gesprek",
])
async def test_after_a_wish_not_to_store_rond_af_shows_the_summary_but_does_not_store_it(wish):
    sender = f"s22-privacy-{abs(hash(wish))}"
    state = await _through(["haar zoon van 14 spijbelt al weken", wish, "rond af"])
    assert state[NOT_TO_STORE] and state["status"] == "klaar"
    dispatcher = CollectingDispatcher()
    events = await ActionIntakeSamenvatting().run(dispatcher, _tracker(state, sender_id=sender), {})
    texts = [m.get("text") or "" for m in dispatcher.messages]
    assert any("spijbelt" in text for text in texts)  # shown
    assert not any("is opgeslagen" in text for text in texts)
    assert TEXTS.text("niet_opgeslagen") in texts and "sla toch op" in TEXTS.text("niet_opgeslagen")
    assert _stored(sender) == 0
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["intake_samenvatting_id"] is None
    # the consultant confirms: stored now, with its number
    dispatcher = CollectingDispatcher()
    events = await ActionOnzekerBericht().run(dispatcher, _tracker(slots["intake_status"], "sla toch op", sender), {})
    assert _stored(sender) == 1
    record_id = {e["name"]: e["value"] for e in events if e["event"] == "slot"}["intake_samenvatting_id"]
    assert dispatcher.messages[0]["text"].startswith(f"Samenvatting {record_id} is nu toch opgeslagen")


async def test_without_such_a_wish_rond_af_stores_as_before():
    sender = "s22-privacy-plain"
    state = await _through(["haar zoon van 14 spijbelt al weken", "rond af"])
    assert not state.get(NOT_TO_STORE)
    await ActionIntakeSamenvatting().run(CollectingDispatcher(), _tracker(state, sender_id=sender), {})
    assert _stored(sender) == 1


async def test_the_wish_holds_when_the_last_answer_is_wiped_after_it():
    state = await _through(["haar zoon van 14 spijbelt al weken", "ze is bang voor vader",
                            "ze wil niet dat er iets wordt opgeslagen", "kun je dat wat ik net typte weghalen?"])
    assert state[NOT_TO_STORE] and "bang" not in str(state["answers"])


async def test_sla_toch_op_without_a_summary_waiting_stores_nothing():
    sender = "s22-privacy-nothing"
    dispatcher = CollectingDispatcher()
    await ActionOnzekerBericht().run(dispatcher, _tracker(None, "sla toch op", sender), {})
    assert dispatcher.messages[0]["text"] == TEXTS.text("niets_op_te_slaan") and _stored(sender) == 0


@pytest.mark.parametrize("text", [
    "juf vraagt of dit niet vastgelegd wordt, vader mag dit nooit weten",
    "moeder vraagt of er niets wordt opgeslagen",
    "vader mag hier niets van weten",
    "vader wil niet dat ik dit vastleg",
])
def test_the_dont_store_vocabulary(text):
    assert commands.is_forget_request(text)


@pytest.mark.parametrize("text", ["ze vraagt of ze niet naar school hoeft", "hij vraagt of hij het niet mag weten"])
def test_a_question_of_the_caller_is_no_dont_store_wish(text):
    assert not commands.is_forget_request(text)


def test_a_secret_in_a_role_play_is_a_line_for_the_persona():
    assert not commands.is_forget_request("papa mag dit nooit weten", in_role_play=True)


@pytest.mark.parametrize("text", ["sla toch op", "sla de samenvatting alsnog op", "ze vindt het goed, je mag hem toch "
                                  "opslaan", "toch maar opslaan"])
def test_store_anyway(text):
    assert commands.asks_to_store_anyway(text)


@pytest.mark.parametrize("text", ["sla het toch maar niet op", "sla over", "rond af", "sla op"])
def test_no_store_anyway(text):
    assert not commands.asks_to_store_anyway(text)


def _summary(state: dict) -> str:
    return format_summary(build_summary(state, get_knowledge(), search=lambda *a, **k: []))


def _intake_through(first: str, steps: List[str]) -> dict:
    """The intake state after ``steps``: an answer, or '@<question id>' to skip to that question."""
    intake = Intake(get_knowledge())
    turn = intake.start(first)
    for step in steps:
        if step.startswith("@"):
            while turn.question is not None and not turn.question.key.endswith("." + step[1:]):
                turn = intake.handle(turn.state, "sla over")
            assert turn.question is not None, step
            continue
        turn = intake.handle(turn.state, step)
    return turn.state


def _steun(state: dict) -> List[str]:
    return build_summary(state, get_knowledge(), search=lambda *a, **k: []).steun


# 1. steun is who helps, not who is named ----------------------------------------------------------------------

@pytest.mark.parametrize("steps", [
    ["moeder heeft een nieuwe relatie en haar nieuwe vriend slaat hem soms"],
    ["de buren hebben de politie gebeld, er was veel lawaai"],
    ["het gaat om mijn kleindochter", "@steunpersonen", "oma mag haar kleindochter niet meer zien"],
    ["het gaat om mijn kleindochter", "@steunpersonen", "de buurvrouw hoort het geschreeuw"],
    ["haar zoon wordt gepest en zijn vrienden doen mee"],
])
def test_a_person_named_is_no_support_unless_named_as_helping(steps):
    state = _intake_through("ik heb een oma aan de lijn", steps)
    assert _steun(state) == []
    text = _summary(state)
    assert "Eerst het eigen netwerk" not in text and "Steun: (nog) niet genoemd" in text


@pytest.mark.parametrize("steps, steun", [
    (["haar zoon van 8 is erg angstig, oma past vaak op"], "familie"),
    (["haar zoon van 8 is erg angstig", "@steunpersonen", "oma woont in de buurt, helpt af en toe"], "familie"),
    (["haar zoon van 8 is erg angstig", "@steunpersonen", "de buurvrouw"], "buren"),
    (["haar zoon van 8 is erg angstig", "@vrije_tijd", "hij zit op voetbal"], "sport"),
    (["hij spijbelt, maar hij zit wel op voetbal"], "sport"),
])
def test_support_named_as_such_still_counts(steps, steun):
    state = _intake_through("ik heb een moeder aan de lijn", steps)
    assert any(steun in line for line in _steun(state))


# 9. "verder nieman" and the beloop ------------------------------------------------------------------------------

def test_oma_helps_and_nobody_else_names_no_friends_and_says_little_support():
    state = _intake_through("ik heb een moeder aan de lijn", [
        "haar zoon van 8 is erg angstig", "@steunpersonen", "oma woont in de buurt, helpt af en toe. verder nieman"])
    summary = build_summary(state, get_knowledge(), search=lambda *a, **k: [])
    assert summary.steun == ["familie, zoals grootouders, broers of zussen"] and summary.weinig_steun


def test_how_it_went_before_is_the_beloop_not_the_aard():
    state = _intake_through("ik heb een moeder aan de lijn", [
        "haar zoon van 14 gaat niet naar school", "@aard", "sinds okt erger, eerst nog halve dagen"])
    aspects = build_summary(state, get_knowledge(), search=lambda *a, **k: []).aspecten
    assert "halve dagen" in aspects["beloop"] and "sinds okt" in aspects["beloop"]
    assert "halve dagen" not in aspects["aard"]


# 5. an introduction with a call-back number is no kern ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "er belt een poh jeugd over een meisje van 13; ze kan teruggebeld worden op 06-12345678",
    "er belt een poh jeugd van de huisartsenpraktijk in huizen, ze kan teruggebeld worden op 06-12345678",
    "er belt een jgz verpleegkundige, terugbellen op 0612345678",
])
def test_an_introduction_with_a_call_back_number_leaves_the_first_question_open(text):
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start("intake").state, text)
    assert turn.kind == "introductie" and turn.state["answers"] == {} and turn.state["beller"] == "ander"
    assert "06" not in str(turn.state) and "0612345678" not in str(turn.state)


# 6. the route does not send the caller to their own service -----------------------------------------------------

@pytest.mark.parametrize("first, story, own", [
    ("er belt een poh jeugd over een meisje van 13", "het meisje is erg somber en angstig", "POH-Jeugd"),
    ("ik heb een poh-jeugd aan de lijn", "een jongen van 15 is erg somber", "POH-Jeugd"),
    ("er belt een jgz verpleegkundige", "jongen van 12 spijbelt vaak", "jeugdgezondheidszorg"),
])
def test_the_route_does_not_send_the_caller_to_their_own_service(first, story, own):
    intake = Intake(get_knowledge())
    state = intake.handle(intake.handle(intake.start("intake").state, first).state, story).state
    titles = [advice.titel for advice in build_summary(state, get_knowledge(), search=lambda *a, **k: []).route]
    assert titles and not any(own in title for title in titles)


def test_a_parent_with_the_same_story_is_still_sent_to_the_poh():
    intake = Intake(get_knowledge())
    state = intake.handle(intake.start("ik heb een moeder aan de lijn").state, "haar dochter is erg somber").state
    titles = [advice.titel for advice in build_summary(state, get_knowledge(), search=lambda *a, **k: []).route]
    assert any("POH-Jeugd" in title for title in titles)


# 4. problems the caller names are read ---------------------------------------------------------------------------

@pytest.mark.parametrize("story, kern, signal", [
    ("hij heeft schulden en er staat een deurwaarder op de stoep", "rondkomen en schulden", "Geld en wonen"),
    ("hij is dakloos", "een vaste plek om te wonen", "Geld en wonen"),
    ("hij heeft geen huis en slaapt bij een vriend", "een vaste plek om te wonen", "Geld en wonen"),
    ("hij ziet de kinderen bijna niet", "contact houden met de kinderen", "Scheiding"),
    ("haar zoon van 16 blowt veel", "blowen", "Psychisch welzijn"),
    ("haar zoon van 15 zit al weken thuis", "naar school gaan", "School"),
])
def test_a_problem_the_caller_names_is_the_kern_and_a_signal(story, kern, signal):
    state = _intake_through("ik heb een vader aan de lijn", [story])
    text = _summary(state)
    assert kern in text.split("Kern: ")[1].split("\n")[0]
    assert f"- {signal}:" in text and "nog niet in 'moeite met" not in text
    assert "geen bijzondere signalen" not in text


@pytest.mark.parametrize("text", ["hij zit thuis te gamen", "het is allemaal zijn schuld", "ik zie de kinderen elk "
                                  "weekend", "hij is verslaafd aan gamen"])
def test_words_that_do_not_name_these_problems(text):
    from bot.intake.signals import find_signals
    signals = get_knowledge().entries["intake_signaal"]
    found = {hit.signal_id for hit in find_signals(text, signals.values())}
    assert not found & {"bestaan_schulden", "bestaan_wonen", "scheiding_weinig_contact", "psychisch_middelen",
                        "school_verzuim"}


def test_debts_get_their_own_route():
    state = _intake_through("ik heb een vader aan de lijn", ["hij heeft schulden, er komt een deurwaarder"])
    titles = [a.titel for a in build_summary(state, get_knowledge(), search=lambda *a, **k: []).route]
    assert any("schulden" in title for title in titles)


# 7. a question already answered is not asked again --------------------------------------------------------------

def test_the_family_listed_at_the_kern_answers_who_is_in_the_family():
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start("ik heb een buurvrouw aan de lijn").state,
                         "het gaat om het gezin naast haar, moeder, haar vriend en twee kinderen. ze schreeuwen veel")
    asked = []
    while turn.question is not None and len(asked) < 8:
        asked.append(turn.question.key)
        turn = intake.handle(turn.state, "nee")
    assert "algemeen.gezin" not in asked and "veiligheid.ruzie_thuis" not in asked


# 3. only real answers to the safety questions make them 'uitgevraagd' -------------------------------------------

@pytest.mark.parametrize("text", ["er is geen geld voor de huur", "hij kan de huur niet betalen",
                                  "hij heeft geen werk en veel schulden"])
def test_a_negation_about_something_else_does_not_answer_a_safety_question(text):
    state = _intake_through("ik heb een vader aan de lijn", ["zijn dochter van 10 heeft buikpijn", "@geweld_thuis",
                                                            text])
    assert "veiligheid.geweld_thuis" not in state["answers"]
    assert "Veiligheid: uitgevraagd" not in _summary(state)


@pytest.mark.parametrize("text", ["niet dat ik weet", "dat gebeurt hier niet", "bij ons niet", "er wordt niet geslagen",
                                  "nee hoor"])
def test_a_plain_answer_still_answers_it(text):
    state = _intake_through("ik heb een vader aan de lijn", ["zijn dochter van 10 heeft buikpijn", "@geweld_thuis",
                                                            text])
    assert "veiligheid.geweld_thuis" in state["answers"]


# 2. police at the door is no legal conflict ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["agenten zijn langs geweest", "de politie is geweest", "de politie is langs geweest"])
def test_police_at_the_door_is_no_fight_through_lawyers_or_courts(text):
    state = _intake_through("ik heb een oma aan de lijn", [f"het gaat om haar kleinzoon van 9, {text}"])
    assert "advocaten, rechter of instanties" not in _summary(state)
