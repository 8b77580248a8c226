"""The kaart's dialog after the user test of session 22 (a Vraagbaak consultant asking kaart questions after a call):
follow-ups with only a place, a parent or grandparents, or a corrected age; a place outside the kaart; help the kaart
does not have; when the note on a parent's own problem fits; English in the kaart's form."""
from __future__ import annotations

import re
from typing import List

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.kaart import ActionAskKaartAanvulling, ValidateKaartForm
from bot.correction import correction, restated
from bot.kaart import messages
from bot.kaart.dialog import lees, onthoud, vorige_vraag_opnieuw
from bot.kaart.format import resultaat_tekst
from bot.kaart.missing_help import ontbrekende_hulp
from bot.kaart.search import zoek
from bot.kaart.vocabulary import THEMAS
from bot.knowledge.loader import get_knowledge
from tests.test_kaart_actions import DOMAIN, answer, follow_up, tracker
from tests.test_menu_method_questions import _menu

PREVIOUS = "zoon van 15 in Blaricum spijbelt al weken, ruzie thuis"


def _search(text: str):
    slots = lees(text)
    return zoek(text, leeftijd=slots["kaart_leeftijd"], gemeente=slots["kaart_gemeente"],
                thema=slots["kaart_thema"])


def _quotes(texts: List[str]) -> List[str]:
    """The words quoted in the reasons ("Waarom: Past bij opvoeding ('ruzie thuis')") of the chat's messages."""
    return [quote for text in texts for line in text.splitlines() if line.strip().startswith("Waarom:")
            for quote in re.findall(r"'([^']+)'", line)]


# ------------------------------------------------------------------ a follow-up with only a place

@pytest.mark.parametrize("text, place", [("iets in hilversum?", "hilversum"), ("heb je ook iets in Laren?", "laren"),
                                         ("hulp in Huizen?", "huizen")])
async def test_asking_whether_there_is_something_in_a_place_searches_the_previous_question_there(text, place):
    # found by the user test: "iets in hilversum?" after a search asked "Waar gaat het vooral om?" again
    slots = await follow_up(text, PREVIOUS)
    assert slots["kaart_vraag"] == PREVIOUS
    assert (slots["kaart_gemeente"], slots["kaart_thema"], slots["kaart_leeftijd"]) == (place, "schoolverzuim", 15)


async def test_a_place_given_as_the_answer_to_the_problem_question_searches_the_previous_question():
    # found by the user test: the kaart asked for the problem of "iets in hilversum?", and "en hilversum dan" got
    # "Ik herkende in je vraag nog geen probleem"
    slots = {"kaart_vraag": "heb je iets in hilversum voor hem?", "kaart_gemeente": "hilversum", "kaart_thema": None,
             "kaart_leeftijd": None, "kaart_vorige_vraag": PREVIOUS}
    done = await answer("en hilversum dan", slots)
    assert done["kaart_vraag"] == PREVIOUS and done["kaart_aanvulling"] is None
    assert (done["kaart_gemeente"], done["kaart_thema"], done["kaart_leeftijd"]) == ("hilversum", "schoolverzuim", 15)
    required = await ValidateKaartForm().required_slots(
        ["kaart_vraag", "kaart_aanvulling"], CollectingDispatcher(), tracker("x", done, {}), DOMAIN)
    assert required == ["kaart_vraag"]  # searched at once


@pytest.mark.parametrize("text", ["iets in hollandsche rading?", "en in Maartensdijk?", "hollandse rading"])
async def test_a_village_outside_the_kaart_is_said_to_lie_outside_it(text):
    # found by the user test: "iets in hollandsche rading?" (De Bilt) got "Sorry, dat begreep ik niet goed" and the menu
    said = await _menu(text)
    assert "valt niet binnen de sociale kaart" in said[0] and "De kaart dekt" in said[0]
    # in the kaart's own form no question for the problem: the place is outside whatever the problem
    slots = await follow_up(text, None)
    required = await ValidateKaartForm().required_slots(
        ["kaart_vraag", "kaart_aanvulling"], CollectingDispatcher(), tracker(text, slots, {}), DOMAIN)
    assert required == ["kaart_vraag"]


# ------------------------------------------------------------------ a follow-up for a parent or grandparents

@pytest.mark.parametrize("text, who", [("en voor de vader?", "de vader"), ("waar kan vader terecht?", "de vader"),
                                       ("en voor de ouders?", "de ouders"), ("en voor opa en oma?", "opa en oma"),
                                       ("en voor de grootouders?", "de grootouders")])
async def test_a_follow_up_for_a_parent_or_grandparents_searches_for_them_with_only_typed_words_as_reasons(text, who):
    # found by the user test: "en voor de vader?" repeated the child's results, once with "Past bij opvoeding
    # ('opvoedondersteuning')", a word never typed
    question, slots = vorige_vraag_opnieuw(PREVIOUS, text)
    assert question == f"Hulp voor {who} zelf."
    # never the child's age (a second-round user test of session 24)
    assert slots == {"kaart_gemeente": "blaricum", "kaart_thema": "opvoeding", "kaart_leeftijd": None}
    said = await _menu(text, previous=PREVIOUS)
    header = next(t for t in said if t.startswith("Ik zocht op") or "\nIk zocht op" in t)
    assert "plaats: Blaricum" in header and "leeftijd" not in header
    typed = PREVIOUS + " " + text
    assert all(quote in typed or quote in THEMAS.values() for quote in _quotes(said)), _quotes(said)
    assert "Schoolmaatschappelijk werk" not in said[1].split("\n\n2.")[0]  # the child's service does not lead


async def test_for_grandparents_the_kaart_says_first_that_it_has_no_help_for_them():
    said = await _menu("en voor opa en oma?", previous=PREVIOUS)
    assert said[0].startswith("Hulp voor grootouders staat niet in de sociale kaart; hieronder staan de diensten")
    assert "\n1. " in said[0]  # the services follow in the same message


# ------------------------------------------------------------------ a corrected age, a new place

@pytest.mark.parametrize("text, age", [("nee wacht, ze is 13 niet 15", 13),
                                       ("vader 14 jaar? nee ik bedoel zoon 14", 14),
                                       ("niet 15 maar 13", 13), ("sorry, hij is 12", 12)])
async def test_a_correction_replaces_the_age(text, age):
    # found by the user test: "nee wacht, ze is 13 niet 15" kept 15
    fix = correction(text)  # one reading of a correction, the intake's too (bot.correction)
    assert fix is not None and fix.age == age
    slots = await follow_up(text, PREVIOUS)
    assert slots["kaart_vraag"] == PREVIOUS and slots["kaart_leeftijd"] == age
    assert slots["kaart_gemeente"] == "blaricum" and slots["kaart_thema"] == "schoolverzuim"
    # also as the answer to the kaart's question for the place or the problem
    asked = {"kaart_vraag": "dochter 15 wordt gepest", "kaart_gemeente": None, "kaart_thema": "pesten",
             "kaart_leeftijd": 15.0}
    done = await answer(text, asked)
    assert done["kaart_leeftijd"] == age and done["kaart_aanvulling"] is None


@pytest.mark.parametrize("text", ["nee", "nee, niet in hilversum", "ze is 13", "15 of 16, dat weet ik niet"])
def test_no_correction_without_a_correcting_word_and_one_age(text):
    assert correction(text) is None


@pytest.mark.parametrize("text", ["nee", "nee, niet in hilversum", "15 of 16, dat weet ik niet", "zoon 15",
                                  "ze is 14 en blowt", "ze is boos", "nee dat weet ik niet"])
def test_no_restated_age_or_place_in_an_answer_or_a_new_question(text):
    assert restated(text) is None


async def test_a_new_place_in_the_answer_replaces_the_place_of_the_question():
    # found by the user test: after a question about opa and oma in Nederhorst den Berg, a question about Muiderberg
    # searched "plaats: Wijdemeren"
    asked = {"kaart_vraag": "opa en oma in nederhorst den berg zorgen voor hun kleinzoon",
             "kaart_gemeente": "wijdemeren", "kaart_thema": None, "kaart_leeftijd": None}
    done = await answer("andere vraag: oma in Muiderberg, kleindochter van 6 is erg somber", asked)
    assert done["kaart_gemeente"] == "gooise_meren" and done["kaart_leeftijd"] == 6
    assert done["kaart_thema"] == "somberheid_angst"


# ------------------------------------------------------------------ help the kaart does not have

@pytest.mark.parametrize("text, name", [
    ("mediation voor gescheiden ouders in hilversum", "Mediation"),
    ("iets laagdrempeligs online waar een puber anoniem kan chatten, zoon 15 uit huizen",
     "Anonieme hulp online of via een chat"),
    ("steun voor opa en oma die voor hun kleinzoon van 8 zorgen, Laren", "Hulp voor grootouders"),
    ("is er een kopp groep in hilversum voor een kind van 10, moeder is depressief",
     "Een groep voor kinderen van ouders met psychische"),
])
def test_help_the_kaart_lacks_is_said_first_then_the_closest_services(text, name):
    # found by the user test: "mediation voor gescheiden ouders in hilversum" listed Team Jeugd, SMW and POH with
    # "Past bij scheiding ('mediation')" and no word that the kaart has no mediation
    result = _search(text)
    assert result.ontbreekt and result.ontbreekt.startswith(name) and " niet in de sociale kaart" in result.ontbreekt
    assert resultaat_tekst(result).startswith(result.ontbreekt)
    assert result.hits and all("mediation" not in hit.waarom and "kopp" not in hit.waarom for hit in result.hits)


async def test_in_the_chat_the_sentence_comes_first_also_for_a_question_without_a_problem_or_place():
    # found by the user test: "Sorry ... begreep ik niet" and the menu
    said = await _menu("iets laagdrempeligs online waar een puber anoniem kan chatten")
    assert said[0].startswith("Anonieme hulp online of via een chat staat niet in de sociale kaart")
    said = await _menu("mediation voor gescheiden ouders in hilversum")
    assert said[0].startswith("Mediation staat niet in de sociale kaart; hieronder staan de diensten")
    assert "\n\nIk zocht op thema: scheiding; plaats: Hilversum." in said[0] and "\n1. " in said[0]


@pytest.mark.parametrize("text", ["meisje 14 wordt online gepest, Huizen",
                                  "kind van 9 woont bij opa en oma, is somber, Laren",
                                  "zoon 15 chat met vreemde mannen, Hilversum",
                                  "anoniem melden bij Veilig Thuis, Bussum"])
def test_a_problem_is_no_request_for_help_the_kaart_lacks(text):
    assert ontbrekende_hulp(text) == []


def test_the_kinds_of_help_said_to_be_missing_are_not_in_the_kaart():
    knowledge = get_knowledge()
    texts = " ".join(f"{d.naam} {d.beschrijving} {' '.join(d.aanbod or [])}".lower()
                     for d in knowledge.entries["kaart_dienst"].values())
    for word in ("mediation", "mediator", "chat", "anoniem", "grootouder", r"kopp\b", r"kov\b"):
        assert not re.search(r"\b" + word, texts), word  # "inschatten" is no chat


# ------------------------------------------------------------------ the note on a parent's own problem

@pytest.mark.parametrize("text", [
    "moeder heeft psychische problemen, zoon van 10, is er een kopp groep in hilversum?",
    "moeder is depressief, wat is er voor de kinderen in Huizen?",
    "moeder belt, haar ex is agressief en staat nu voor de deur, kinderen 4 en 7, bussum",
])
def test_no_note_on_the_parents_own_problem_for_help_asked_for_the_child_or_under_danger(text):
    # found by the user test: the note fired on a KOPP question about a child of 10, and under the 112 advice for an
    # ex at the door with "schuldhulp of verslavingszorg"
    melding = _search(text).melding or ""
    assert "ouder zelf" not in melding and "schuldhulp" not in melding


def test_with_the_children_named_the_note_does_not_say_the_question_is_about_the_parent():
    # found by the user test: "vader drinkt te veel, kinderen 6 en 8" read "Je vraag gaat over een probleem van de
    # ouder zelf"
    melding = _search("vader drinkt te veel, kinderen 6 en 8, huizen").melding or ""
    assert "Je vraag gaat over een probleem van de ouder zelf" not in melding
    assert melding.startswith("Hulp voor de ouder zelf bij alcohol, drugs en verslaving, zoals verslavingszorg, staat "
                              "niet in de sociale kaart")
    # without a child the question is the parent's own, as before
    assert "Je vraag gaat over een probleem van de ouder zelf" in (_search("schulden moeder Huizen").melding or "")


def test_the_note_gives_no_example_of_help_for_another_problem():
    assert "schuldhulp" not in messages.ouder_zelf(["gedrag"])
    assert "verslavingszorg" not in messages.ouder_zelf(["gedrag"], kinderen=True)


# ------------------------------------------------------------------ English in the kaart's form

@pytest.mark.parametrize("text", ["Hi, I have a mother on the phone from Huizen",
                                  "can you tell me something about Hilversum please"])
async def test_english_in_the_kaart_form_is_told_the_kaart_works_in_dutch(text):
    # found by the user test: English got "Waar gaat het vooral om?" with no word why
    dispatcher = CollectingDispatcher()
    events = await ValidateKaartForm().run(dispatcher, tracker(text, {}, {"kaart_vraag": text}), DOMAIN)
    assert dispatcher.messages[0]["text"] == messages.NIET_NEDERLANDS
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}["kaart_vraag"] is None
    # as the answer to the kaart's question as well
    dispatcher = CollectingDispatcher()
    slots = {"kaart_vraag": "zoon 15", "kaart_leeftijd": 15.0, "kaart_gemeente": None, "kaart_thema": None}
    await ValidateKaartForm().run(dispatcher, tracker(text, slots, {"kaart_aanvulling": text},
                                                      requested="kaart_aanvulling"), DOMAIN)
    assert dispatcher.messages[0]["text"] == messages.NIET_NEDERLANDS


async def test_english_that_names_a_problem_the_kaart_knows_is_searched():
    # since session 28 the kaart knows the English words expat parents use ("my son", "skips school", "bullied"):
    # such a question is searched, as a mixed Dutch one is, instead of being sent back
    text = "my son skips school in Hilversum, where can we go?"
    dispatcher = CollectingDispatcher()
    events = await ValidateKaartForm().run(dispatcher, tracker(text, {}, {"kaart_vraag": text}), DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["kaart_vraag"] == text and slots["kaart_thema"] is not None
    assert messages.NIET_NEDERLANDS not in [m.get("text") for m in dispatcher.messages]


async def test_a_short_dutch_note_that_does_not_look_dutch_is_still_searched():
    text = "jongen 18 Laren, schulden door online gokken"
    slots = await follow_up(text, None)
    assert slots["kaart_vraag"] == text and slots["kaart_thema"] == "financien"
    dispatcher = CollectingDispatcher()
    await ActionAskKaartAanvulling().run(dispatcher, tracker("x", slots, {}, requested="kaart_aanvulling"), DOMAIN)
    assert dispatcher.messages[0]["text"] != messages.NIET_NEDERLANDS


# ------------------------------------------------------------------ second round: an age or a place restated

@pytest.mark.parametrize("text, slot, value", [
    ("nee ze is 12", "kaart_leeftijd", 12), ("nee sorry ze is 14", "kaart_leeftijd", 14),
    ("ze is 14", "kaart_leeftijd", 14), ("14 jaar", "kaart_leeftijd", 14), ("oh wacht hij is 16", "kaart_leeftijd", 16),
    ("het is een jongen van 12", "kaart_leeftijd", 12), ("nee het gezin woont in huizen", "kaart_gemeente", "huizen"),
])
@pytest.mark.parametrize("guessed", ["out_of_scope", "kaart_zoek", "intake_beller_antwoord"])
async def test_an_age_or_place_restated_after_the_results_searches_the_previous_question_again(text, slot, value,
                                                                                              guessed):
    # found by the second-round user test: "nee ze is 12", "ze is 14", "14 jaar" got "Daar kan ik je helaas niet mee
    # helpen"; "oh wacht hij is 16" asked for the problem and the place again
    from tests.test_intake_user_test_s22 import intent_after

    intent = intent_after(text, guessed)
    if intent == "kaart_zoek":  # the kaart's form reads it
        slots = await follow_up(text, PREVIOUS)
        assert slots["kaart_vraag"] == PREVIOUS and slots[slot] == value
        assert slots["kaart_thema"] == "schoolverzuim"
    else:  # the fallback searches again
        assert intent == "nlu_fallback"
        said = await _menu(text, previous=PREVIOUS)
        header = next(t for t in said if "Ik zocht op" in t)
        shown = f"leeftijd: {value} jaar" if slot == "kaart_leeftijd" else f"plaats: {str(value).capitalize()}"
        assert shown in header and "schoolverzuim" in header


def test_after_a_restated_age_a_place_keeps_the_problem_and_the_age():
    # found by the second-round user test: after "oh wacht hij is 16", "wat als ze in hilversum wonen" searched with no
    # problem
    question, slots = vorige_vraag_opnieuw(PREVIOUS, "oh wacht hij is 16")
    question, slots = vorige_vraag_opnieuw(onthoud(question, slots), "wat als ze in hilversum wonen")
    assert question == PREVIOUS
    assert slots == {"kaart_gemeente": "hilversum", "kaart_thema": "schoolverzuim", "kaart_leeftijd": 16}


@pytest.mark.parametrize("text, age", [("zoontje van 19 maanden huilt veel, huizen", 1),
                                       ("baby van 6 maanden, huizen, huilt veel", 0),
                                       ("dochter van 24 maanden, laren, slaapt slecht", 2)])
def test_an_age_in_months_is_read_in_whole_years(text, age):
    # found by the second-round user test: "zoontje van 19 maanden" became "leeftijd: 0 jaar"
    assert lees(text)["kaart_leeftijd"] == age


def test_a_count_and_the_age_of_a_sibling_are_not_the_age_of_the_question():
    # found by the second-round user test: "mama en papa samen, 1 broertje van 3" became "leeftijd: 1 jaar"; the
    # recogniser tags both numbers as an age
    text = "mama en papa samen, 1 broertje van 3"
    for number in ("1", "3"):
        start = text.index(number)
        entity = {"entity": "leeftijd", "value": number, "start": start, "end": start + 1}
        assert lees(text, [entity])["kaart_leeftijd"] is None
    text = "meisje van 8 is erg angstig, mama en papa samen, 1 broertje van 3, huizen"
    assert lees(text)["kaart_leeftijd"] == 8
