"""Session-20 user test of the intake (a Vraagbaak consulent Jeugd triaging calls): questions to Rustpunt are no
answers, physical force is a safety signal, answers stay with the questions they answer, the summary says what the
caller said, an intake starts only when asked for, and markup around a question does not hide its Dutch words."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import NOT_DUTCH, ActionOnzekerBericht
from actions.intake import ValidateIntakeForm
from bot.intake.danger import danger_message
from bot.intake.listen import listen
from bot.intake.opening import asks_for_an_intake
from bot.intake.session import Intake
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from bot.language import looks_dutch
from tests.conftest import intake_tracker

GEWELD = "veiligheid.geweld_thuis"
RUZIE = "veiligheid.ruzie_thuis"


pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _at(intake: Intake, key: str, answers=("haar zoon van 14 gaat niet meer naar school", "nee")) -> dict:
    state = intake.start().state
    for answer in answers:
        if intake.view(state).key == key:
            break
        state = intake.handle(state, answer).state
    while intake.view(state).key != key:
        state = intake.handle(state, "sla over").state
    return state


# 1. a question to Rustpunt is answered, and the open question stays open (also a safety question)
@pytest.mark.parametrize("text", [
    "welke organisaties zijn er in hilversum voor schoolverzuim",
    "waar kan ik haar naar verwijzen?",
    "waar kan ik deze oma naar verwijzen? ze woont in kortenhoef en heeft het zwaar",
    "wie kan helpen bij schulden in huizen",
])
@pytest.mark.parametrize("key", [GEWELD, RUZIE, "algemeen.gezin"])
def test_a_question_to_the_kaart_is_no_answer_of_the_caller(text, key):
    intake = Intake(get_knowledge())
    state = _at(intake, key)
    dispatcher = CollectingDispatcher()
    slots = ValidateIntakeForm().validate_intake_antwoord(text, dispatcher, intake_tracker(state, text), {})
    after = slots["intake_status"]
    assert slots["intake_antwoord"] is None and intake.view(after).key == key  # asked again
    assert key not in after["answers"] and after["answers"] == state["answers"]
    said = [m.get("text") or "" for m in dispatcher.messages]
    assert said[-1].startswith("Dat was een vraag aan de sociale kaart")
    assert any((m.get("custom") or {}).get("soort") == "kaart_resultaten" for m in dispatcher.messages)


def test_a_referral_question_without_place_or_problem_searches_with_what_the_caller_told():
    intake = Intake(get_knowledge())
    state = _at(intake, GEWELD, ("haar zoon van 14 gaat niet meer naar school, ze wonen in Hilversum", "nee"))
    dispatcher = CollectingDispatcher()
    text = "waar kan ik haar naar verwijzen?"
    ValidateIntakeForm().validate_intake_antwoord(text, dispatcher, intake_tracker(state, text), {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "ik gebruik wat de beller al vertelde" in said and "Hilversum" in said and "schoolverzuim" in said


def test_the_summary_says_a_safety_question_is_open_when_only_a_kaart_question_was_typed():
    intake = Intake(get_knowledge())
    state = _at(intake, GEWELD)
    state = intake.handle(state, "welke organisaties zijn er in hilversum voor schoolverzuim").state
    state = intake.handle(state, "rond af").state
    summary = build_summary(state, get_knowledge(), search=lambda *a, **k: [])
    assert summary.veiligheid != "Veiligheid: uitgevraagd." and "geslagen" in summary.veiligheid


@pytest.mark.parametrize("text", ["waar ze terecht kan weet ze niet", "wie helpt er? niemand eigenlijk",
                                  "oma helpt soms, en de buurvrouw", "nee, niemand"])
def test_a_callers_answer_is_no_kaart_question(text):
    from bot.kaart.dialog import asks_the_kaart

    assert not asks_the_kaart(text)


# 2. physical force is a signal of violence (not acute); locking oneself in is none
@pytest.mark.parametrize("text", [
    "weet ik niet, hij zegt dat moeder wel eens tegen lotte schreeuwt en dat ze een keer aan haar arm heeft getrokken",
    "vader heeft hem door elkaar geschud", "moeder gaf hem een tik", "hij kreeg een schop van zijn vader",
    "vader rukte aan zijn arm", "ze heeft haar geknepen", "ze duwen hem", "ze hebben hem opgesloten in de schuur",
])
def test_physical_force_is_a_signal_of_violence(text):
    intake = Intake(get_knowledge())
    turn = intake.handle(_at(intake, GEWELD), text)
    assert [s.id for s in turn.danger] == ["gevaar_geweld"] and not turn.unclear
    assert turn.danger[0].niveau == "veilig_thuis"


def test_physical_force_outside_the_intake_gets_the_safety_advice_with_veilig_thuis():
    message = danger_message("moeder heeft lotte (9) hard aan haar arm getrokken en geschreeuwd, huizen")
    assert message and "Veilig Thuis" in message and "112" in message


@pytest.mark.parametrize("text", ["lotte heeft zich opgesloten in de auto",
                                  "dochter van 9 heeft zich opgesloten in haar kamer",
                                  "hij geeft een schop tegen de bal", "hij gaf een klap op de tafel"])
def test_locking_oneself_in_or_kicking_a_ball_is_no_danger(text):
    assert danger_message(text) is None


# 3. an answer filed elsewhere keeps the asked question open, and the summary never pairs it with that question
@pytest.mark.parametrize("key, text, aspect", [
    ("complexe_scheiding.overleg", "oma woont in naarden die helpt wel", "netwerk"),
    ("algemeen.gezin", "hij zegt buikpijn te hebben elke ochtend, en dan wil hij niet naar school", "omvang"),
])
def test_an_answer_that_belongs_elsewhere_is_filed_there_and_the_question_stays_open(key, text, aspect):
    filed, keeps = listen(key, text)
    assert not keeps and [piece.aspect for piece in filed] == [aspect]
    assert filed[0].text == text  # nothing of the answer is lost


def test_the_summary_shows_no_answer_under_a_question_it_does_not_answer():
    intake = Intake(get_knowledge())
    state = _at(intake, "algemeen.gezin", ("vader belt, ze zijn gescheiden en hun zoon wil niet naar moeder", "nee",
                                           "nee", "nee"))
    turn = intake.handle(state, "hij zegt buikpijn te hebben elke ochtend, en dan wil hij niet naar school")
    assert turn.kept_open and intake.view(turn.state).key == "algemeen.gezin"
    state = intake.handle(turn.state, "rond af").state
    text = format_summary(build_summary(state, get_knowledge(), search=lambda *a, **k: []))
    assert "Wie horen er bij het gezin?" not in text and "Omvang: hij zegt buikpijn" in text


# 4. the summary in proportion
def test_sometimes_a_quarrel_is_no_hard_or_recurring_conflict_and_no_complex_divorce():
    intake = Intake(get_knowledge())
    state = _at(intake, RUZIE, ("vader belt, ze zijn gescheiden, zijn zoon zit op zn kamer te gamen", "nee", "nee"))
    state = intake.handle(state, "ja ze hebben wel eens ruzie").state
    state = intake.handle(state, "rond af").state
    summary = build_summary(state, get_knowledge(), search=lambda *a, **k: [])
    names = [name for names in summary.signalen.values() for name in names]
    assert "ouders maken hard ruzie, ook waar de kinderen bij zijn" not in names
    assert "conflict tussen ouders blijft terugkeren" not in names and "grenzen stellen" not in names
    assert not any("grenzen" in phrase for phrase in summary.kern)
    assert "complexe_scheiding" not in [advice.route for advice in summary.route]
    assert not any("complexe scheiding" in advice.titel for advice in summary.route)
    assert ["Wordt er thuis vaak hard ruzie gemaakt of geschreeuwd, bijvoorbeeld waar de kinderen bij zijn?",
            "ja ze hebben wel eens ruzie"] in summary.antwoorden


def test_a_plain_yes_to_the_quarrel_question_still_counts():
    intake = Intake(get_knowledge())
    turn = intake.handle(_at(intake, RUZIE), "ja, vaak")
    assert any(hit[0] == "ruzie_hard" for hit in turn.state["hits"])


def test_being_divorced_does_not_count_toward_a_complex_divorce():
    from bot.intake.route import advise
    from bot.intake.signals import Hit

    knowledge = get_knowledge()
    hits = [Hit("scheiding_context", "scheiding", "gescheiden"), Hit("scheiding_conflict", "scheiding", "ruzie")]
    rules = knowledge.all("intake_routeregel")
    assert "complexe_scheiding" not in [a.rule_id for a in advise(hits, rules, knowledge.entries["intake_signaal"])]
    hits.append(Hit("scheiding_beschuldigingen", "scheiding", "liegt"))
    advice = {a.rule_id: a for a in advise(hits, rules, knowledge.entries["intake_signaal"])}
    assert "ouders zijn uit elkaar" not in advice["complexe_scheiding"].grounds


def test_dont_know_to_the_example_question_is_no_aard():
    intake = Intake(get_knowledge())
    state = intake.handle(_at(intake, "algemeen.aard"), "weet ik niet").state
    state = intake.handle(state, "rond af").state
    summary = build_summary(state, get_knowledge(), search=lambda *a, **k: [])
    assert summary.aspecten["aard"] == "geen antwoord (de beller zei: 'weet ik niet')"


# 5. an intake starts only when asked for
@pytest.mark.parametrize("text", ["ik bel hem vandaag nog en zeg dat hij zich moet gedragen",
                                  "ik ga haar bellen en zeg dat het zo niet verder kan", "stop rollenspel"])
def test_a_role_play_line_does_not_start_an_intake(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "start_vraagverheldering", "confidence": 0.6}, {"name": "greet", "confidence": 0.3}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] != "start_vraagverheldering"
    assert not asks_for_an_intake(text)


@pytest.mark.parametrize("text", ["ik heb een moeder aan de lijn", "er belt net een vader, help je mee?",
                                  "een oma belt over haar kleinzoon van 14", "vraagverheldering",
                                  "ik wil een intake doen", "help me doorvragen tot de kern van de hulpvraag"])
def test_a_request_for_an_intake_keeps_its_intent(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "start_vraagverheldering", "confidence": 0.9}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] == "start_vraagverheldering"


# 6. markup and injection strings do not hide the Dutch words
@pytest.mark.parametrize("text, place", [("<script>alert(1)</script> zoon 14 spijbelt in huizen", "Huizen"),
                                         ("'; DROP TABLE records; -- kind 8 gepest laren", "Laren")])
async def test_markup_around_a_kaart_question_is_ignored(text, place):
    assert looks_dutch(text) and looks_dutch("<script>alert(1)</script> zoon 14 spijbelt huizen")
    dispatcher = CollectingDispatcher()
    await ActionOnzekerBericht().run(dispatcher, intake_tracker(None, text, loop=None), {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert NOT_DUTCH not in said and place in said and "<script>" not in said and "DROP" not in said


@pytest.mark.parametrize("text", ["'; DROP TABLE records;--", "<script>alert(1)</script>"])
def test_only_markup_is_no_dutch(text):
    assert not looks_dutch(text)


# 6b. in the live chat the model read these as out of scope ("Daar kan ik je helaas niet mee helpen", a second user
# test): the guard sends a question wrapped in noise to the fallback, which answers it (above)
@pytest.mark.parametrize("text", ["<script>alert(1)</script> zoon 14 spijbelt in Huizen",
                                  "'; DROP TABLE records; -- kind 8 gepest laren",
                                  "<b>dochter 13</b> blowt, naarden"])
def test_a_question_wrapped_in_noise_goes_to_the_fallback_not_out_of_scope(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "out_of_scope", "confidence": 0.99}, {"name": "kaart_zoek", "confidence": 0.01}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["zoon 14 spijbelt in Huizen", "ja -- nee, dat weet ik niet", "hoi"])
def test_a_message_without_noise_keeps_the_models_intent(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "kaart_zoek", "confidence": 0.9}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] == "kaart_zoek"
