"""When the intent recogniser is unsure (nlu_fallback), ``action_onzeker_bericht`` still answers what a long message
plainly asks: the step of "welke stap is dit: ...", the role of "welke rol is dit: ...", a kaart question with a
place and a problem; anything else is left to the rule (stories/base.yml) that says 'Sorry, dat begreep ik niet goed'
and shows the menu."""
from __future__ import annotations

from typing import List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht, is_kaart_question
from bot.kaart.dialog import lees, onthoud


def tracker(text: str, previous: Optional[str] = None, messages_since: Optional[int] = None) -> Tracker:
    """The tracker after ``text``; ``messages_since``: how many messages ago ``previous`` was searched (with this
    message), as the history shows it; None: no history, only the slot."""
    events: List[dict] = []
    if messages_since is not None:
        events = [{"event": "user", "text": previous},
                  {"event": "slot", "name": "kaart_vorige_vraag", "value": previous}]
        events += [{"event": "user", "text": "..."}] * (messages_since - 1) + [{"event": "user", "text": text}]
    return Tracker.from_dict({"sender_id": "t", "slots": {"kaart_vorige_vraag": previous}, "events": events,
                              "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})


async def answer(text: str, answered: bool = True, previous: Optional[str] = None,
                 remembered: Optional[str] = None, messages_since: Optional[int] = None) -> List[dict]:
    """The messages of the action; ``previous``: the kaart question searched last (``messages_since`` messages ago);
    ``remembered``: the kaart question the action must remember for a follow-up (when it searched one)."""
    dispatcher = CollectingDispatcher()
    events = await ActionOnzekerBericht().run(dispatcher, tracker(text, previous, messages_since), {})
    expected = [{"event": "slot", "timestamp": None, "name": "onzeker_beantwoord", "value": answered}]
    if remembered is not None:
        expected.append({"event": "slot", "timestamp": None, "name": "kaart_vorige_vraag", "value": remembered})
    assert events == expected
    return dispatcher.messages


async def test_a_long_spoken_turn_after_welke_stap_is_dit_gets_its_step():
    messages = await answer("welke stap is dit: Goedemiddag mevrouw, fijn dat u er bent. Nou, ik hoor wel hoe "
                            "moeilijk het is. Wat gebeurt er precies als uw ex de kinderen komt ophalen?")
    assert len(messages) == 1 and messages[0]["text"].startswith("Deze zin past bij: De dynamiek onderzoeken")


async def test_welke_rol_is_dit_gets_the_role_analysis_with_its_payload():
    messages = await answer("welke rol is dit: het is allemaal zijn schuld, ik kan er echt niks meer aan doen")
    assert messages[0]["text"].startswith("Rol: Slachtoffer")
    assert messages[1]["custom"]["soort"] == "rol_analyse"


async def test_a_case_with_a_place_and_a_problem_is_searched_in_the_kaart():
    case = "vader gokt en de schulden lopen op, twee kinderen van 4 en 7, Huizen"
    messages = await answer(case, remembered=case)
    texts = [m.get("text") or "" for m in messages]
    assert texts[0] == "Dit zijn de diensten die het best passen:" and "plaats: Huizen" in texts[1]
    payload = next(m["custom"] for m in messages if m.get("custom"))
    assert payload["soort"] == "kaart_resultaten" and payload["status"] == "ok"
    # a village of a municipality counts as its place
    assert is_kaart_question("groep 8, meisje uit Nederhorst den Berg, ouders in scheiding, ze slaapt slecht")


async def test_anything_else_is_left_to_the_rule_that_says_sorry_and_shows_the_menu():
    for text in ("blablabla wat dan ook", "welke stap is dit:", "mijn zoon van 9 is somber", "Huizen"):
        assert await answer(text, answered=False) == [], text


async def test_danger_comes_first_also_from_the_menu():
    # found by a user test: a call in progress typed from the menu got "Sorry, dat begreep ik niet goed"
    messages = await answer("ik heb een moeder aan de lijn, ze fluistert, haar ex staat nu beneden voor de deur en "
                            "schopt tegen de deur, de kinderen zijn boven")
    assert messages[0]["text"].startswith("Let op, eerst de veiligheid:") and "112" in messages[0]["text"]
    assert "Veilig Thuis" in messages[0]["text"] and "'vraagverheldering'" in messages[0]["text"]
    # with a kaart question: the advice first, then the services (once)
    case = "meisje van 14 uit Ankeveen snijdt zichzelf"
    messages = await answer(case, remembered=case)
    texts = [m.get("text") or "" for m in messages]
    assert texts[0].startswith("Let op, eerst de veiligheid:") and "113" in texts[0]
    assert sum("eerst de veiligheid" in t for t in texts) == 1
    assert "plaats: Ankeveen (gemeente Wijdemeren)" in "".join(texts)
    # a negated signal is no danger
    case = "gezin in Huizen, geen sprake van geweld, vader gokt"
    assert not any("eerst de veiligheid" in (m.get("text") or "") for m in await answer(case, remembered=case))


async def test_a_place_outside_the_region_and_a_request_to_forget_are_answered():
    case = "vader uit Amersfoort, zoon 12 spijbelt"  # remembered: "en in Hilversum?" searches it there
    messages = await answer(case, remembered=case)
    assert "Amersfoort" in messages[0]["text"] or "Amersfoort" in messages[1]["text"]
    for text in ("wis dit gesprek", "vergeet alles wat ik gezegd heb", "verwijder mijn gegevens", "vergeet mij",
                 "vergeet alles wat ik over mevrouw de Wit heb ingetypt alsjeblieft"):  # the last two: a user test
        [message] = await answer(text)
        assert "'Wis dit gesprek'" in message["text"], text



async def test_hint_outside_a_role_play_says_where_hints_are_given():
    for text in ("hint", "Hint!", "geef een hint"):
        [message] = await answer(text)
        assert message["text"].startswith("Een hint geef ik tijdens een rollenspel")
        assert "tussenstand" in message["text"]


PREVIOUS = "zoon van 15 in Hilversum spijbelt al weken"


def searched_in(place: str) -> str:
    """What the action remembers after searching ``PREVIOUS`` again in ``place``: a next follow-up builds on that."""
    return onthoud(PREVIOUS, {**lees(PREVIOUS), "kaart_gemeente": place})


async def test_after_a_kaart_question_a_place_the_recogniser_does_not_know_searches_that_question_there():
    # "in Weesp" and "en in Weesp?" reach this action (nlu_fallback): Weesp lies outside the kaart, and says so
    messages = await answer("en in Weesp?", previous=PREVIOUS, remembered=searched_in("Weesp"))
    texts = " ".join(m.get("text") or "" for m in messages)
    assert "'Weesp' valt niet binnen de sociale kaart" in texts
    assert next(m["custom"] for m in messages if m.get("custom"))["status"] == "buiten_regio"
    # a place of the kaart: the previous question, searched there
    messages = await answer("in Blaricum", previous=PREVIOUS, remembered=searched_in("blaricum"), messages_since=1)
    texts = [m.get("text") or "" for m in messages]
    assert "thema: schoolverzuim" in texts[1] and "plaats: Blaricum" in texts[1]


async def test_a_place_alone_long_after_the_kaart_question_is_no_follow_up_of_it():
    # five messages after the search (the follow-ups search again, so a chain of them keeps counting from the last)
    messages = await answer("en in Huizen?", previous=PREVIOUS, remembered=searched_in("huizen"), messages_since=5)
    assert "plaats: Huizen" in [m.get("text") or "" for m in messages][1]
    # after a role-play or an intake in between: not understood, and nothing searched
    assert await answer("en in Huizen?", answered=False, previous=PREVIOUS, messages_since=6) == []


async def test_a_place_alone_without_a_previous_kaart_question_is_still_not_understood():
    assert await answer("in Blaricum", answered=False) == []
    # nor is a message that says more than a place
    assert await answer("in Blaricum is het weer mooi", answered=False, previous=PREVIOUS) == []


async def test_danger_in_other_words_is_still_danger():
    # found by the third user test: "bonkt nu op de deur" and "er niet meer wil zijn" gave no safety advice
    for text, number in (("moeder uit Naarden belt in paniek, haar ex bonkt nu op de deur en schreeuwt, kinderen van 5 "
                          "en 8 zijn thuis", "112"),
                         ("moeder uit Nederhorst den Berg, zoon 16 is heel somber en zegt dat hij er niet meer wil "
                          "zijn", "113")):
        messages = await answer(text, remembered=text)  # a kaart question too: searched and remembered
        assert messages[0]["text"].startswith("Let op, eerst de veiligheid:") and number in messages[0]["text"], text
    # an absent father is no danger
    absent = "vader is er niet meer, zijn moeder uit Huizen zoekt hulp bij opvoeding"
    assert not any("eerst de veiligheid" in (m.get("text") or "") for m in await answer(absent, remembered=absent))


async def test_a_message_in_another_language_is_told_that_rustpunt_works_in_dutch():
    # a user test: English got "Daar kan ik je helaas niet mee helpen", without saying why
    [message] = await answer("Hi, I have a mother on the phone, her son of 14 skips school, where can she go?")
    assert message["text"].startswith("Rustpunt werkt in het Nederlands")


async def test_a_place_the_recogniser_does_not_know_keeps_the_age_of_an_earlier_follow_up():
    # found by the user test of session 19: a place after "en als hij 17 is?" searched the question's own age again
    at_17 = onthoud(PREVIOUS, {**lees(PREVIOUS), "kaart_leeftijd": 17})
    expected = onthoud(PREVIOUS, {**lees(PREVIOUS), "kaart_leeftijd": 17, "kaart_gemeente": "blaricum"})
    messages = await answer("in Blaricum", previous=at_17, remembered=expected, messages_since=1)
    texts = [m.get("text") or "" for m in messages]
    assert "leeftijd: 17 jaar" in texts[1] and "plaats: Blaricum" in texts[1] and "schoolverzuim" in texts[1]


async def test_a_son_who_wants_to_stop_school_is_a_kaart_question():
    # a user test: "zoon 16 wil stoppen met school, Huizen" ended the conversation ("Goed, ik ben gestopt"); the NLU
    # guard now passes it on, and the kaart must know the words
    case = "zoon 16 wil stoppen met school, Huizen"
    messages = await answer(case, remembered=case)
    assert any("thema: schoolverzuim" in (m.get("text") or "") for m in messages)
