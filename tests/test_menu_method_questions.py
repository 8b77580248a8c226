"""Questions about the six steps and the roles asked from the menu, and "en voor de moeder?" after a kaart answer
(a user test of session 21, a consultant in the chat, not inside a preparation or a role-play): "wat is stap 5" got
"Daar kan ik je helaas niet mee helpen", "wat bedoelen ze met de dynamiek onderzoeken", "hoe erken ik zonder gelijk te
geven?", "ik merk dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee" and "oma regelt alles ... is dat een
redder?" got 'Sorry, dat begreep ik niet', "mag ik bij stap 2 al advies geven?" became a kaart question, the
difference between the Aanklager and Assertief explained only the Aanklager, and "en voor de moeder?" or "hulp voor
moeder zelf" after the results reset to the menu."""
from __future__ import annotations

from functools import partial
from typing import List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from bot.roles.explain import explain_difference, explain_own_role, explain_role
from bot.steps import guide, texts
from bot.steps.navigation import method_question
from bot.steps.preparation import step_turn
from tests.command_guard import guarded

PREVIOUS = "zoon van 15 in Hilversum spijbelt al weken"


async def _menu(text: str, previous: Optional[str] = None, answered: bool = True) -> List[str]:
    """What ``action_onzeker_bericht`` says to ``text`` in the menu (``previous``: the kaart question searched last)."""
    events = []
    if previous is not None:
        events = [{"event": "user", "text": previous},
                  {"event": "slot", "name": "kaart_vorige_vraag", "value": previous},
                  {"event": "user", "text": text}]
    tracker = Tracker.from_dict({"sender_id": "menu", "slots": {"kaart_vorige_vraag": previous}, "events": events,
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"},
                                                    "entities": []}})
    dispatcher = CollectingDispatcher()
    result = await ActionOnzekerBericht().run(dispatcher, tracker, {})
    assert result[0]["name"] == "onzeker_beantwoord" and result[0]["value"] is answered
    return [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize("text, expected", [
    ("wat is stap 5", lambda: [guide.format_step_explanation("realiteit")]),
    ("wat bedoelen ze met de dynamiek onderzoeken", lambda: [guide.format_step_explanation("dynamiek")]),
    ("hoe erken ik zonder gelijk te geven?",
     lambda: [guide.format_step_explanation("erkennen"), guide.format_pitfall("inhoud")]),
    ("mag ik bij stap 2 al advies geven?",
     lambda: [guide.format_step_explanation("erkennen"), guide.format_pitfall("redden")]),
    ("ik merk dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee",
     lambda: [explain_own_role("redder")]),
    ("oma regelt alles voor de kinderen en ook voor moeder, is dat een redder?", lambda: [explain_role("redder")]),
    ("wat is het verschil tussen aanklager en assertief", lambda: [explain_difference(["aanklager", "assertief"])]),
    ("wat doe ik als moeder steeds de redder is?", lambda: [explain_role("redder")]),
])
async def test_a_question_about_the_steps_or_roles_is_answered_from_the_menu(text, expected):
    assert await _menu(text) == expected()


async def test_a_question_about_a_step_after_a_kaart_answer_is_no_kaart_follow_up():
    messages = await _menu("mag ik bij stap 2 al advies geven?", previous=PREVIOUS)
    assert messages[0] == guide.format_step_explanation("erkennen")
    assert not any("diensten" in message for message in messages)


def test_the_difference_between_two_roles_explains_both_also_in_the_preparation():
    turn = step_turn("wat is het verschil tussen aanklager en assertief?", "erkennen", {}, "ouder")
    assert turn.messages == [explain_difference(["aanklager", "assertief"]), texts.text("vraag_niet_bewaard")]
    assert "Assertief is de winnaarsvorm van Aanklager." in turn.messages[0]


@pytest.mark.parametrize("text, roles", [
    # a word form or typo on one side: only the Aanklager was explained (the user test)
    ("wat is het verschil tussen aanklagen en assertief zijn?", ["aanklager", "assertief"]),
    ("wat is het verschil tussen een aanklagende ouder en een assertieve ouder?", ["aanklager", "assertief"]),
    ("wat is het verschil tussen redden en ondersteunen?", ["redder", "ondersteuner"]),  # not the pitfall alone
    ("verschil tussen slachtoffer en kwetsbaar zijn?", ["slachtoffer", "kwetsbaar"]),
])
async def test_the_difference_between_two_roles_in_other_words_explains_both(text, roles):
    assert await _menu(text) == [explain_difference(roles)]
    from bot.roles.explain import explain_request

    assert explain_request(text, roles[0]) == explain_difference(roles)  # as action_rol_uitleg answers it


@pytest.mark.parametrize("text, role", [
    ("ik merk dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee", "redder"),
    ("ik schiet steeds in de aanklager als vader begint te schreeuwen, wat doe ik daaraan?", "aanklager"),
    ("wat doe ik als ik zelf de redder word?", "redder"),
    ("ik merk dat ik steeds advies geef, hoe stop ik daarmee", "redder"),  # the pitfall of taking over: the Redder
])
def test_a_role_noticed_in_oneself_gets_the_way_out_of_it(text, role):
    assert method_question(text) == [("eigen_rol", role)]
    answer = explain_own_role(role)
    assert "winnaarsdriehoek" in answer and "Ondersteuner" in explain_own_role("redder")
    assert "Assertief" in explain_own_role("aanklager")


@pytest.mark.parametrize("text, expected", [
    # the role of someone else: how to respond to it (the role's explanation)
    ("ik merk dat moeder steeds het slachtoffer speelt, hoe ga ik daarmee om?", [("rol", "slachtoffer")]),
    ("vader belt boos op en zegt dat alles mijn schuld is, is dat een aanklager?", [("rol", "aanklager")]),
    ("zit oma in de reddersrol?", [("rol", "redder")]),
    # no question about the method: someone who suffered something, a line for the parent, a plain story
    ("wat kan ik doen voor een moeder die slachtoffer is van huiselijk geweld?", []),
    ("Wat doe ik als jij steeds de redder speelt?", []),
    ("Is het vooral erkenning van je familie waar je naar verlangt?", []),
    ("ik merk dat ik moe word van dit gezin", []),
])
def test_what_is_and_is_not_a_question_about_a_role(text, expected):
    assert method_question(text) == expected


_guarded = partial(guarded, confidence=0.9, runner_up=("greet", 0.05))


@pytest.mark.parametrize("text, read_as", [
    ("wat is stap 5", "out_of_scope"),  # "Daar kan ik je helaas niet mee helpen"
    ("mag ik bij stap 2 al advies geven?", "kaart_zoek"),  # a kaart question
    ("hoe erken ik zonder gelijk te geven?", "greet"),
    ("ik merk dat ik zelf steeds ga redden bij die moeder, hoe stop ik daarmee", "rol_uitleg"),
])
def test_the_guard_sends_a_question_about_the_method_to_the_fallback(text, read_as):
    assert _guarded(text, read_as) == "nlu_fallback"


@pytest.mark.parametrize("text, read_as", [
    ("wat is een redder?", "rol_uitleg"),  # action_rol_uitleg gives the same explanation
    ("ik wil een gesprek voorbereiden met een moeder die steeds de redder is", "start_voorbereiden"),
    ("welke stap is dit: ik hoor hoe boos u bent", "voorbereiden_welke_stap"),
    ("wat kan ik doen voor een moeder in Huizen die slachtoffer is van huiselijk geweld?", "kaart_zoek"),
    ("zoon van 15 in Hilversum spijbelt al weken", "kaart_zoek"),
])
def test_the_guard_leaves_tasks_plain_role_explanations_and_kaart_questions(text, read_as):
    assert _guarded(text, read_as) == read_as
