"""Questions to Rustpunt in the middle of "Gesprek voorbereiden" are answered, never stored as a note or as the
situation, and the step (or the question "Met wie?") stays open. A user test saw "wat bedoelen ze met realiteit
benoemen?", "mag ik bij stap 2 al advies geven?" and "wis dit gesprek" stored as notes, "hoe erken ik zonder gelijk te
geven?" stored as the situation, and "wat is een redder?" answered with "Dat begreep ik niet helemaal" in a loop."""
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.steps import ValidateVoorbereidenForm
from bot.commands import is_forget_request
from bot.privacy.forget import HOW_TO_FORGET
from bot.roles.explain import explain_role
from bot.steps import guide, texts
from bot.steps.navigation import method_question
from bot.steps.preparation import step_turn

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain" / "steps.yml").read_text(encoding="utf-8"))
NOT_KEPT = texts.text("vraag_niet_bewaard")


def _stays(turn, step):
    assert turn.slots == {"voorbereiden_invoer": None, "voorbereiden_stap": step}  # no note, no next step


@pytest.mark.parametrize("text, step, expected", [
    ("wat bedoelen ze met realiteit benoemen?", "visie", ["realiteit"]),  # the user test
    ("wat houdt de dynamiek onderzoeken precies in?", "erkennen", ["dynamiek"]),
    ("wat is stap 5", "visie", ["realiteit"]),
    ("leg de vierde stap nog eens uit", "opties", ["behoefte"]),
    ("moet ik eerst erkennen voordat ik naar het patroon vraag?", "visie", ["erkennen", "dynamiek"]),
    ("wat bedoelen ze hiermee?", "opties", ["opties"]),  # this step
])
def test_a_question_about_a_step_is_answered_and_the_step_stays_open(text, step, expected):
    turn = step_turn(text, step, {}, "ouder")
    _stays(turn, step)
    assert turn.messages == [guide.format_step_explanation(s) for s in expected] + [NOT_KEPT]


def test_a_question_about_advice_or_taking_sides_explains_the_pitfall_too():
    turn = step_turn("mag ik bij stap 2 al advies geven?", "dynamiek", {}, "ouder")  # the user test
    _stays(turn, "dynamiek")
    assert turn.messages == [guide.format_step_explanation("erkennen"), guide.format_pitfall("redden"), NOT_KEPT]
    turn = step_turn("hoe erken ik zonder gelijk te geven?", "erkennen", {}, "ouder")
    assert turn.messages[:2] == [guide.format_step_explanation("erkennen"), guide.format_pitfall("inhoud")]
    turn = step_turn("kan ik bij opties verkennen zelf een oplossing voorstellen?", "realiteit", {}, "kind")
    assert turn.messages[:2] == [guide.format_step_explanation("opties"), guide.format_pitfall("redden")]


def test_a_question_about_a_role_is_answered():
    turn = step_turn("wat is de omstander?", "dynamiek", {"visie": "Rust."}, "ouder")
    _stays(turn, "dynamiek")
    assert turn.messages == [explain_role("omstander"), NOT_KEPT]


@pytest.mark.parametrize("text", ["verwijder mijn gegevens", "wis dit gesprek", "vergeet mij",
                                  "kun je al mijn gegevens wissen?", "ik wil dat je dit gesprek verwijdert"])
def test_a_request_to_forget_is_never_a_note(text):
    turn = step_turn(text, "erkennen", {"visie": "Rust voor iedereen."}, "ouder")
    _stays(turn, "erkennen")
    assert turn.messages == [HOW_TO_FORGET, NOT_KEPT]


@pytest.mark.parametrize("text", [
    "Wat is je verlangen?",  # lines for the parent or child stay notes
    "Mag ik vragen wat je het liefst zou willen?",
    "Hoe kijk je zelf naar het patroon tussen jullie?",
    "Wat is er zo belangrijk voor je?",
    "Welke opties zie jij zelf?",
    "Vergeet alles wat er gebeurd is, laten we vooruit kijken.",
    "Waar ik voor sta, is dat er rust komt voor iedereen in dit gezin.",
])
def test_a_line_for_the_conversation_is_still_a_note(text):
    assert method_question(text, "behoefte") == []
    turn = step_turn(text, "behoefte", {}, "ouder")
    assert turn.slots["voorbereiden_notities"] == {"behoefte": text}


def test_no_example_sentence_of_the_recognisers_reads_as_a_question_about_the_method_or_to_forget():
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    sentences = [s for kind in ("stap_voorbeelden", "rol_voorbeelden", "oordeel_voorbeelden")
                 for group in knowledge.all(kind) for s in group.zinnen]
    assert len(sentences) > 3000
    assert [s for s in sentences if method_question(s, "erkennen")] == []
    assert [s for s in sentences if is_forget_request(s)] == []


async def _answer(slot, text, slots=None):
    slots = {**(slots or {}), slot: text, "requested_slot": slot}
    tracker = Tracker.from_dict({
        "sender_id": "gesprek-vraag", "slots": slots,
        "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}},
        "events": [{"event": "user", "text": text}, {"event": "slot", "name": slot, "value": text}],
        "active_loop": {"name": "voorbereiden_form"},
    })
    dispatcher = CollectingDispatcher()
    events = await ValidateVoorbereidenForm().run(dispatcher, tracker, DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m["text"] for m in dispatcher.messages]


async def test_at_who_a_question_is_answered_and_who_is_asked_again():
    # the user test: "Dat begreep ik niet helemaal. Gaat het om één ouder ...", in a loop
    slots, messages = await _answer("voorbereiden_wie", "wat is een redder?")
    assert slots == {"voorbereiden_wie": None} and messages == [explain_role("redder"), NOT_KEPT]
    slots, messages = await _answer("voorbereiden_wie", "wat is stap 5")
    assert slots == {"voorbereiden_wie": None}
    assert messages == [guide.format_step_explanation("realiteit"), NOT_KEPT]
    slots, messages = await _answer("voorbereiden_wie", "hoe erken ik een vader die alleen maar schreeuwt?")
    assert slots == {"voorbereiden_wie": None} and messages[0] == guide.format_step_explanation("erkennen")
    slots, messages = await _answer("voorbereiden_wie", "verwijder mijn gegevens")
    assert slots == {"voorbereiden_wie": None} and messages == [HOW_TO_FORGET, NOT_KEPT]
    slots, _ = await _answer("voorbereiden_wie", "een vader")
    assert slots["voorbereiden_wie"] == "ouder"


async def test_at_the_situation_a_question_is_answered_not_kept():
    slots, messages = await _answer("voorbereiden_situatie", "hoe erken ik zonder gelijk te geven?",
                                    {"voorbereiden_wie": "ouder"})
    assert slots == {"voorbereiden_situatie": None}
    assert messages[:2] == [guide.format_step_explanation("erkennen"), guide.format_pitfall("inhoud")]
    slots, messages = await _answer("voorbereiden_situatie", "wis dit gesprek", {"voorbereiden_wie": "ouder"})
    assert slots == {"voorbereiden_situatie": None} and messages[0] == HOW_TO_FORGET
    situation = "Vader is boos omdat moeder zegt dat hij de kinderen tegen haar opzet"
    slots, _ = await _answer("voorbereiden_situatie", situation, {"voorbereiden_wie": "ouder"})
    assert slots["voorbereiden_situatie"] == situation


@pytest.mark.parametrize("text, expected", [
    ("kun je al mijn gegevens wissen?", True),  # the data before the verb
    ("ik wil dat je dit gesprek verwijdert", True),
    ("kun je mij vergeten?", True),
    ("wis alles", True),
    ("Vergeet me niet te bellen als het misgaat.", False),  # a negation
    ("Ik wil het gesprek van vorige week niet vergeten.", False),
    ("Vergeet alles wat er gebeurd is, laten we vooruit kijken.", False),  # "alles" of someone else
])
def test_requests_to_forget_in_other_words(text, expected):
    assert is_forget_request(text) is expected
