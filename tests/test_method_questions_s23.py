"""Questions to Rustpunt about the method (a user test of session 23: an experienced buurtteam worker over /api/chat).

1. In a preparation, "en wat als ze alleen maar blijft schelden, hoe erken ik dan?" (at Erkennen) and two more how-to
   questions were saved as notes ("Genoteerd bij ...") with a wrong remark.
2. In the menu, "hoi, vraagje. hoe erken ik een moeder die alleen maar boos is? ..." got 'Sorry', the bare "hoe erken
   ik een moeder die alleen maar boos is" and "ik schiet steeds in de redderrol, ... hoe kom ik daar weer uit?" started
   a preparation.
3. Questions about the workbook's view ("wat is parallel ouderschap?", "moet contact tussen de ouders het doel zijn?")
   got 'Sorry', a role-play retry or a role-play.
4. "mag ik een kind laten kiezen bij wie hij wil wonen?" was a kaart question, and "wat is de winnaarsdriehoek?" its
   missing place.
5. "en deze, wat voor rol neemt vader hier in? '...'", "welke stap was dit van mij? ik zei: '...'", a story before
   "welke rol is dit: '...'" and "{{7*7}} ${jndi:x} ... welke stap is dit: ..." were not read as the request.
"""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.kaart import ValidateKaartForm
from bot.commands import WHICH_ROLE, WHICH_STEP, which_question
from bot.kaart import messages
from bot.knowledge.loader import get_knowledge
from bot.language import without_noise
from bot.rasa_runtime.command_guard import asks_about_the_method
from bot.roles.analyse import analyse_role
from bot.roles.explain import explain_own_role, explain_triangle
from bot.roles.format import format_analysis
from bot.roles.request import is_role_request, sentence_from_request
from bot.steps import guide, texts
from bot.steps.navigation import method_question
from bot.steps.preparation import INPUT, NOTES, STEP, classification_text, step_turn
from bot.steps.topics import find_topics, format_topic
from tests.test_kaart_actions import DOMAIN, as_dict, tracker
from tests.test_menu_method_questions import _menu

NOT_STORED = texts.text("vraag_niet_bewaard")


# ------------------------------------------------------------------ 1. a how-to question in the preparation

@pytest.mark.parametrize("text, step, topic", [
    # a parent who swears: the workbook's topic too (a second-round user test of session 23)
    ("en wat als ze alleen maar blijft schelden, hoe erken ik dan?", "erkennen", "ouder-die-scheldt"),
    ("wat zeg ik als ze alleen over de alimentatie wil praten?", "dynamiek", "alleen-over-de-inhoud"),
    ("vader praat alleen over geld, hoe krijg ik het gesprek naar de kinderen?", "visie", "alleen-over-de-inhoud"),
])
def test_a_how_to_question_in_the_preparation_explains_the_step_with_examples_and_the_step_waits(text, step, topic):
    turn = step_turn(text, step, {"visie": "Ik sta voor rust."}, "ouder")
    expected = [guide.format_step_explanation(step), guide.format_examples(step, "ouder")]
    expected += [format_topic(topic)] if topic else []
    assert turn.messages == expected + [NOT_STORED]
    assert turn.slots == {INPUT: None, STEP: step}  # no note stored, the same step again
    assert not any(message.startswith("Genoteerd") for message in turn.messages)


@pytest.mark.parametrize("line", [
    "Mag ik vragen wat er die avond gebeurde?",
    "Hoe kan ik je helpen?",
    "Wat kan ik voor jullie doen?",
    "Wat zou jij willen dat er verandert?",
    "Ik hoor dat het geld u veel zorgen geeft. Wat zit daaronder?",
])
def test_a_line_for_the_parent_stays_a_note(line):
    turn = step_turn(line, "behoefte", {}, "ouder")
    assert turn.messages[0] == "Genoteerd bij 'Behoefte en verlangen'."
    assert turn.slots[NOTES]["behoefte"]


# ------------------------------------------------------------------ 2. a how-to question from the menu

@pytest.mark.parametrize("text", [
    "hoi, vraagje. hoe erken ik een moeder die alleen maar boos is? ze gaat echt tekeer en ik krijg er geen woord "
    "tussen",
    "hoe erken ik een moeder die alleen maar boos is",
])
async def test_a_how_to_question_from_the_menu_explains_the_step_it_names(text):
    assert await _menu(text) == [guide.format_step_explanation("erkennen"), guide.format_examples("erkennen", "ouder")]


async def test_a_how_to_question_about_money_talk_gets_the_workbooks_answer():
    said = await _menu("wat zeg ik als vader alleen maar over geld praat? hij blijft maar over de alimentatie beginnen")
    assert said == [format_topic("alleen-over-de-inhoud")]
    assert "Ga niet mee in de inhoud" in said[0]


@pytest.mark.parametrize("text, read_as, expected", [
    # the model read a preparation or the intake's question set; the fallback answers
    ("hoe erken ik een moeder die alleen maar boos is", "start_voorbereiden", True),
    ("ik schiet steeds in de redderrol, ik app moeder 's avonds nog om te vragen hoe het gaat. hoe kom ik daar weer "
     "uit?", "intake_vragen_tonen", True),
    ("ik schiet steeds in de redderrol, ik app moeder 's avonds nog om te vragen hoe het gaat. hoe kom ik daar weer "
     "uit?", "start_voorbereiden", True),
    ("hoi, vraagje. hoe erken ik een moeder die alleen maar boos is? ze gaat echt tekeer", "start_vraagverheldering",
     True),
    # 3: a retry of the role-play, a role-play
    ("ik vraag me af, moet ik nou altijd proberen dat ouders weer met elkaar praten?", "rollenspel_opnieuw", True),
    ("wat doe ik als een kind steeds in het midden wordt gezet door de ouders?", "start_rollenspel", True),
    # 4: the kaart
    ("mag ik een kind laten kiezen bij wie hij wil wonen?", "kaart_zoek", True),
    # a request for the task in its own words stays the task
    ("ik wil een gesprek met een moeder voorbereiden, hoe erken ik haar boosheid?", "start_voorbereiden", False),
    ("kan ik die beurt over doen, moet ik eerst erkennen?", "rollenspel_opnieuw", False),
])
def test_a_question_about_the_method_is_not_a_task_the_message_does_not_ask_for(text, read_as, expected):
    assert asks_about_the_method(text, read_as) is expected


async def test_the_own_role_question_is_answered_from_the_menu():
    said = await _menu("ik schiet steeds in de redderrol, ik app moeder 's avonds nog om te vragen hoe het gaat. hoe "
                       "kom ik daar weer uit?")
    assert said == [explain_own_role("redder")]


# ------------------------------------------------------------------ 3. the workbook's view: method topics

def test_every_example_question_of_a_topic_finds_that_topic():
    knowledge = get_knowledge()
    topics = knowledge.all("methode_onderwerp")
    assert {topic.id for topic in topics} >= {"rust-niet-contact", "vormen-van-ouderschap", "kind-in-het-midden"}
    for topic in topics:
        for question in topic.voorbeeldvragen:
            assert find_topics(question) == [topic.id], question
            assert ("onderwerp", topic.id) in method_question(question), question


@pytest.mark.parametrize("text, topic, words", [
    ("wat zegt het werkboek over rust versus contact?", "rust-niet-contact", ["niet per se", "onredelijks"]),
    ("moet contact tussen de ouders het doel zijn?", "rust-niet-contact", ["niet per se"]),
    ("ik vraag me af, moet ik nou altijd proberen dat ouders weer met elkaar praten?", "rust-niet-contact", []),
    ("welke vormen van ouderschap zijn er na een scheiding?", "vormen-van-ouderschap",
     ["Coöperatief", "Parallel of solo", "Conflictueus"]),
    ("wat is parallel ouderschap?", "vormen-van-ouderschap", ["goed genoeg"]),
    ("wat doe ik als een kind steeds in het midden wordt gezet door de ouders?", "kind-in-het-midden", []),
    ("mag ik een kind laten kiezen bij wie hij wil wonen?", "kind-in-het-midden", ["niet kiezen"]),
])
async def test_a_question_about_the_workbooks_view_is_answered_from_the_menu(text, topic, words):
    said = await _menu(text)
    assert said == [format_topic(topic)]
    assert all(word in said[0] for word in words)
    assert "Meer hierover: stap 1 (Visie uitdragen)" in said[0]


@pytest.mark.parametrize("line", ["Ik wil dat jullie weer met elkaar praten.",
                                  "Jullie hoeven niet samen te overleggen.",
                                  "Moet jij kiezen bij wie je woont? Nee hoor."])
def test_a_topic_named_in_a_line_for_the_family_is_no_question(line):
    assert method_question(line) == []


def test_a_topic_question_in_the_preparation_is_answered_and_not_stored():
    turn = step_turn("wat is parallel ouderschap?", "visie", {}, "beide_ouders")
    assert turn.messages == [format_topic("vormen-van-ouderschap"), NOT_STORED]
    assert turn.slots == {INPUT: None, STEP: "visie"}


# ------------------------------------------------------------------ 4. the kaart's open question

async def _aanvulling(text: str):
    slots = {"kaart_vraag": "zoon van 15 spijbelt", "kaart_thema": "schoolverzuim", "kaart_gemeente": None,
             "kaart_leeftijd": 15.0}
    dispatcher = CollectingDispatcher()
    events = await ValidateKaartForm().run(
        dispatcher, tracker(text, slots, {"kaart_aanvulling": text}, requested="kaart_aanvulling"), DOMAIN)
    return {**slots, **as_dict(events)}, [m.get("text") for m in dispatcher.messages]


async def test_a_question_while_the_kaart_asks_for_the_place_is_answered_and_not_the_place():
    slots, said = await _aanvulling("wat is de winnaarsdriehoek?")
    assert slots["kaart_aanvulling"] is None and slots["kaart_gemeente"] is None  # the place is asked again
    assert said == [explain_triangle("winnaar"), messages.VRAAG_TUSSENDOOR]


async def test_a_role_question_while_the_kaart_asks_for_the_place_is_answered():
    slots, said = await _aanvulling("welke rol is dit: 'zij zet de kinderen tegen mij op'")
    assert slots["kaart_aanvulling"] is None
    assert said[0] == format_analysis(analyse_role("zij zet de kinderen tegen mij op"))


async def test_the_place_is_still_the_answer_to_the_kaart():
    slots, said = await _aanvulling("Huizen")
    assert slots["kaart_gemeente"] == "huizen" and slots["kaart_aanvulling"] == "Huizen"
    assert messages.VRAAG_TUSSENDOOR not in said


# ------------------------------------------------------------------ 5. natural phrasings of the analysis requests

@pytest.mark.parametrize("text, kind, sentence", [
    ("en deze, wat voor rol neemt vader hier in? 'jullie doen helemaal niks, ik moet alles alleen doen'", WHICH_ROLE,
     "jullie doen helemaal niks, ik moet alles alleen doen"),
    ("en deze? welke rol is dit: 'ik regel het wel voor je, maak je geen zorgen'", WHICH_ROLE,
     "ik regel het wel voor je, maak je geen zorgen"),
    ("welke stap was dit van mij? ik zei: 'ik hoor hoe boos u bent'", WHICH_STEP, "ik hoor hoe boos u bent"),
    ("welke stap was dit van mij? 'ik hoor hoe boos u bent'", WHICH_STEP, "ik hoor hoe boos u bent"),
    ("ik had vanmiddag een gesprek met een vader, ik wil even wat dingen nalopen. welke rol is dit: 'zij zet de "
     "kinderen tegen mij op'", WHICH_ROLE, "zij zet de kinderen tegen mij op"),
])
def test_natural_phrasings_of_the_step_and_role_requests(text, kind, sentence):
    assert which_question(text) == (kind, sentence)


@pytest.mark.parametrize("turn", ["Ik snap het. Welke rol speelt u hierin?", "Ik hoor u. Welke stap is dit?",
                                  "Wat een gedoe. Welke rol heeft u?"])
def test_a_which_question_inside_a_turn_without_a_sentence_stays_a_turn(turn):
    assert which_question(turn) is None


async def test_a_role_request_after_en_deze_is_analysed_from_the_menu():
    text = "en deze, wat voor rol neemt vader hier in? 'jullie doen helemaal niks, ik moet alles alleen doen'"
    assert is_role_request(text)
    assert sentence_from_request(text) == "jullie doen helemaal niks, ik moet alles alleen doen"
    said = await _menu(text)
    assert said[0] == format_analysis(analyse_role("jullie doen helemaal niks, ik moet alles alleen doen"))


async def test_a_step_request_behind_template_and_sql_injection_is_read_without_them():
    text = "{{7*7}} ${jndi:x} '; DROP TABLE plans;-- welke stap is dit: ik hoor hoe boos u bent"
    assert without_noise(text) == "welke stap is dit: ik hoor hoe boos u bent"
    assert await _menu(text) == [classification_text("ik hoor hoe boos u bent")]


@pytest.mark.parametrize("text, read_as, expected", [
    ("ik had vanmiddag een gesprek met een vader, ik wil even wat dingen nalopen. welke rol is dit: 'zij zet de "
     "kinderen tegen mij op'", "start_voorbereiden", "rol_analyse"),
    ("welke stap was dit van mij? ik zei: 'ik hoor hoe boos u bent'", "rol_analyse", "voorbereiden_welke_stap"),
    ("hoe erken ik een moeder die alleen maar boos is", "start_voorbereiden", "nlu_fallback"),
    ("ik wil een gesprek met een vader voorbereiden", "start_voorbereiden", "start_voorbereiden"),
])
def test_the_guard_reads_the_request_the_model_missed(text, read_as, expected):
    from tests.test_commands_user_test_s20 import _guarded

    assert _guarded(text, read_as) == expected
