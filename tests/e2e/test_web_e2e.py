"""The whole assistant in headless Chromium: action server + Rasa (trained model) + web page.

What a professional does: open the page, greet, press a menu button, search the sociale kaart,
practise a role-play and watch the tension meter, reload, and (as a trainer) open the trainers'
page. Expected texts come from the domain files, not from copies in this test.
"""
from __future__ import annotations

import json
import re
import secrets
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Dict, List

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bot.web.conversation import conversation_id
from tests.e2e.chat import (
    bot_messages,
    button_titles,
    conversation_cookie,
    meter_values,
    press_button,
    transcript,
    type_message,
    wait_for_history,
)
from tests.e2e.conftest import clear_cookies, screenshot

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def _responses() -> Dict[str, list]:
    merged: Dict[str, list] = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        merged.update(data.get("responses") or {})
    return merged


RESPONSES = _responses()
MENU = [b["title"] for b in RESPONSES["utter_menu"][0]["buttons"]]
MENU_BY_PAYLOAD = {b["payload"]: b["title"] for b in RESPONSES["utter_menu"][0]["buttons"]}
GREETING = RESPONSES["utter_greet"][0]["text"]
DEFAULT = RESPONSES["utter_default"][0]["text"]


def _text(messages) -> str:
    return "\n".join(m.text for m in messages)


def test_greet_with_the_keyboard_shows_the_menu_as_buttons(fresh_page):
    page = fresh_page
    wait_for_history(page)
    assert page.find_element(By.ID, "status").is_displayed() is False
    answer = type_message(page, "hallo")
    assert GREETING in _text(answer)
    assert button_titles(page, answer[-1]) == MENU
    # keyboard only: from the message box, Shift+Tab reaches the last menu button
    box = page.find_element(By.ID, "invoer")
    box.click()
    box.send_keys(Keys.SHIFT, Keys.TAB)
    assert page.switch_to.active_element.text == MENU[-1]
    screenshot(page, "01-begroeting-en-menu")


def test_menu_button_starts_a_capability(fresh_page):
    page = fresh_page
    type_message(page, "menu")
    answer = press_button(page, MENU_BY_PAYLOAD["/start_kaart"])
    shown = [p.text for p in page.find_elements(By.CSS_SELECTOR, "#berichten li.van-gebruiker .tekst")]
    assert shown[-1] == MENU_BY_PAYLOAD["/start_kaart"]  # the button's title, not its payload
    assert DEFAULT not in _text(answer), "the kaart capability did not answer its menu button"


KAART_ANSWERS = [  # what to answer when the kaart form asks for more
    (re.compile(r"waar gaat het|probleem|speelt", re.I), "scheiding"),
    (re.compile(r"gemeente|plaats|woont", re.I), "Hilversum"),
    (re.compile(r"leeftijd|hoe oud", re.I), "9 jaar"),
]
KAART_QUESTION = "Ouders zitten in een vechtscheiding, hun zoon van 9 slaapt slecht. Het gezin woont in Hilversum."


def test_sociale_kaart_search_shows_cards_with_links(fresh_page):
    page = fresh_page
    type_message(page, "menu")
    answer = press_button(page, MENU_BY_PAYLOAD["/start_kaart"])
    reply = KAART_QUESTION
    for _ in range(4):
        answer = type_message(page, reply)
        if page.find_elements(By.CSS_SELECTOR, "article.kaart"):
            break
        last = _text(answer)
        reply = next((text for pattern, text in KAART_ANSWERS if pattern.search(last)), KAART_QUESTION)
    cards = page.find_elements(By.CSS_SELECTOR, "article.kaart")
    assert cards, f"no sociale-kaart cards; conversation:\n{transcript(page)[-6:]}"
    assert all(c.find_element(By.TAG_NAME, "h4").text.strip() for c in cards)
    links = page.find_elements(By.CSS_SELECTOR, "article.kaart a[href^='http']")
    assert links, "the cards carry no links"
    page.execute_script("arguments[0].closest('li').scrollIntoView({block: 'start'});",
                        page.find_element(By.CSS_SELECTOR, ".kaart-resultaten"))
    screenshot(page, "02-sociale-kaart")


ROLE_SENTENCE = "Niemand luistert naar mij, ik kan er ook niks aan doen."


def test_role_analysis_marks_the_signals_in_the_sentence(fresh_page):
    page = fresh_page
    type_message(page, "menu")
    press_button(page, MENU_BY_PAYLOAD["/start_rollen"])
    type_message(page, f'welke rol is dit: "{ROLE_SENTENCE}"')
    boxes = page.find_elements(By.CSS_SELECTOR, "section.rol-analyse")
    assert boxes, f"no role analysis; conversation:\n{transcript(page)[-4:]}"
    sentence = boxes[-1].find_element(By.CSS_SELECTOR, ".zin")
    marks = sentence.find_elements(By.CSS_SELECTOR, "mark.signaal")
    assert marks, "no signal is marked in the sentence"
    for mark in marks:
        assert mark.text and mark.text.lower() in ROLE_SENTENCE.lower()
        assert mark.get_attribute("data-signaal")
    assert "Rol:" in boxes[-1].text
    page.execute_script("arguments[0].closest('li').scrollIntoView({block: 'start'});", boxes[-1])
    screenshot(page, "02b-rolanalyse")


ROLEPLAY_TURNS = [
    "U moet zich gewoon aan de afspraken houden, zo simpel is het.",
    "Ik hoor dat u heel boos bent, en dat u zich niet gehoord voelt.",
    "Als ik het goed begrijp, wilt u vooral dat uw kind rust heeft. Klopt dat?",
    "Wat zou voor u een eerste kleine stap zijn?",
]


def _start_roleplay(page) -> None:
    type_message(page, "menu")
    answer = press_button(page, MENU_BY_PAYLOAD["/start_rollenspel"])
    for _ in range(3):  # pick a scenario (and any further choice) by its first button
        if page.find_elements(By.CSS_SELECTOR, "meter.spanning"):
            return
        choices = [t for t in button_titles(page, answer[-1]) if t not in MENU]
        if not choices:
            return
        answer = press_button(page, choices[0])


MOVE_NAMES = {item["id"]: item["naam"] for item in
              yaml.safe_load((ROOT / "knowledge" / "scenarios" / "zetten.yml").read_text(encoding="utf-8"))["items"]}


PITFALL_FORM_NAMES = {item["naam"].lower() for item in yaml.safe_load(
    (ROOT / "knowledge" / "stappen" / "valkuil_vormen.yml").read_text(encoding="utf-8"))["items"]}


def _by_dutch_names(label: str) -> bool:
    """The live label of a turn names every move it read by its Dutch name, like the debrief: one move ("Erkennen"), or
    several ("Oordelen of de les lezen (valkuil) + de inhoud in (valkuil)"), a doubtful read marked as such."""
    known = {name.lower() for name in MOVE_NAMES.values()}
    known |= {name.split(" (")[0].lower() for name in MOVE_NAMES.values()} | PITFALL_FORM_NAMES
    parts = [part.split(" (valkuil: ")[0] for part in label.replace(" (twijfel, niet meegeteld)", "").split(" + ")]
    return all(part.strip().lower() in known for part in parts)


def _fill_in_for_the_trainer(page, name: str, group: str) -> None:
    """Open 'Voor de training' with the keyboard and type a participant code and group."""
    summary = page.find_element(By.CSS_SELECTOR, "#training summary")
    page.execute_script("arguments[0].focus();", summary)
    summary.send_keys(Keys.ENTER)
    page.find_element(By.ID, "deelnemer").send_keys(name)
    page.find_element(By.ID, "groep").send_keys(group)


def test_role_play_shows_a_moving_tension_meter_and_lands_on_the_trainer_page(fresh_page, stack):
    page = fresh_page
    participant, group = f"Code {secrets.token_hex(3).upper()}", "Oefengroep e2e"
    wait_for_history(page)
    _fill_in_for_the_trainer(page, participant, group)
    _start_roleplay(page)
    for turn in ROLEPLAY_TURNS:
        type_message(page, turn)
        values = meter_values(page)
        if len(values) >= 2 and len(set(values)) > 1:
            break
    values = meter_values(page)
    assert len(values) >= 2, f"no tension meter per turn; conversation:\n{transcript(page)[-6:]}"
    assert len(set(values)) > 1, f"the tension never moved: {values}"
    meter = page.find_elements(By.CSS_SELECTOR, "meter.spanning")[-1]
    label = page.find_element(By.CSS_SELECTOR, f"label[for='{meter.get_attribute('id')}']")
    assert "van 10" in label.text
    moves = [
        box.text for box in page.find_elements(By.CSS_SELECTOR, "section.rollenspel-beurt") if "Jouw zet" in box.text
    ]
    assert moves, "no move is shown with the tension meter"
    shown = [text.split("Jouw zet", 1)[1].strip() for text in moves]
    assert all(_by_dutch_names(text) for text in shown), f"moves not shown by their Dutch name: {shown}"
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", meter)
    screenshot(page, "03-rollenspel-spanningsmeter")

    answer = type_message(page, "stop het rollenspel")
    assert page.find_elements(By.CSS_SELECTOR, "section.debrief") or "Nabespreking" in _text(answer), \
        f"no debrief after stopping; got: {_text(answer)[:500]}"
    debriefs = page.find_elements(By.CSS_SELECTOR, "section.debrief")
    if debriefs:
        page.execute_script("arguments[0].closest('li').scrollIntoView({block: 'start'});", debriefs[-1])
    screenshot(page, "04-rollenspel-nabespreking")

    page.get(stack.web_url + "/trainer")
    field = page.find_element(By.ID, "token")
    field.send_keys(stack.trainer_token)
    field.send_keys(Keys.ENTER)
    WebDriverWait(page, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "article.sessie"))
    session = page.find_elements(By.CSS_SELECTOR, "article.sessie")[0]
    assert "Nabespreking" in session.text
    meta = session.find_element(By.CSS_SELECTOR, "dl.meta").text
    assert participant in meta and group in meta, f"participant/group not on the trainers' page: {meta}"
    assert ROLEPLAY_TURNS[0][:20] in session.get_attribute("textContent")
    session.find_element(By.TAG_NAME, "summary").click()  # open the transcript (keyboard: Enter works too)
    assert ROLEPLAY_TURNS[0] in session.text
    screenshot(page, "06-trainerspagina")


def test_reload_keeps_the_conversation(fresh_page, stack):
    page = fresh_page
    type_message(page, "hallo")
    press_button(page, MENU_BY_PAYLOAD["/start_kaart"])
    before = transcript(page)
    cookie = conversation_cookie(page, stack.web_url)
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "rustpunt_gesprek" not in page.execute_script("return document.cookie;")
    page.refresh()
    wait_for_history(page)
    assert conversation_cookie(page, stack.web_url)["value"] == cookie["value"]
    assert transcript(page) == before
    # and the conversation goes on in the same tracker
    count = len(bot_messages(page))
    type_message(page, "stop")
    assert len(bot_messages(page)) > count


def _tracker_user_texts(stack, conversation: str) -> List[str]:
    """What Rasa's tracker still holds of this conversation (API read with the token)."""
    query = urllib.parse.urlencode({"include_events": "ALL", "token": stack.rasa_token})
    with urllib.request.urlopen(f"{stack.rasa_url}/conversations/{conversation}/tracker?{query}", timeout=30) as resp:
        events = json.loads(resp.read()).get("events") or []
    return [e.get("text") for e in events if e.get("event") == "user"]


def test_wis_dit_gesprek_removes_the_conversation_from_rasa(fresh_page, stack):
    page = fresh_page
    secret_text = "Ik wil dit gesprek straks wissen"
    type_message(page, secret_text)
    old = conversation_id(conversation_cookie(page, stack.web_url)["value"])
    assert secret_text in _tracker_user_texts(stack, old)
    page.find_element(By.ID, "wis-gesprek").click()
    alert = WebDriverWait(page, 10).until(lambda d: d.switch_to.alert)
    assert alert.text.startswith("Wil je dit gesprek wissen?")
    alert.accept()
    WebDriverWait(page, 60).until(lambda d: d.find_element(By.ID, "melding").is_displayed()
                                  or d.find_elements(By.CSS_SELECTOR, "#berichten li.systeem"))
    errors = [e.text for e in page.find_elements(By.CSS_SELECTOR, "#berichten li.systeem")]
    assert not errors, f"wissen failed: {errors}"
    assert "Het gesprek is gewist" in page.find_element(By.ID, "melding").text
    assert not page.find_elements(By.CSS_SELECTOR, "#berichten li.bericht")
    assert conversation_id(conversation_cookie(page, stack.web_url)["value"]) != old
    assert secret_text not in _tracker_user_texts(stack, old)  # gone from Rasa's tracker store
    page.refresh()
    wait_for_history(page)
    assert not page.find_elements(By.CSS_SELECTOR, "#berichten li.bericht")


def test_trainer_page_refuses_without_the_token(browser, stack):
    browser.get(stack.web_url + "/trainer")
    clear_cookies(browser)  # forget a login from an earlier test
    browser.get(stack.web_url + "/trainer")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Log in met het trainerstoken" in body
    assert not browser.find_elements(By.CSS_SELECTOR, "article.sessie")
    field = browser.find_element(By.ID, "token")
    assert browser.find_element(By.CSS_SELECTOR, "label[for='token']").text == "Trainerstoken"
    field.send_keys("dit-is-niet-het-token")
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: "klopt niet" in d.find_element(By.TAG_NAME, "body").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "article.sessie")
    screenshot(browser, "05-trainerspagina-geweigerd")


def test_phone_sized_screen(fresh_page):
    page = fresh_page
    page.set_window_size(390, 844)
    type_message(page, "hallo")
    sizes: List[int] = page.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    assert sizes[0] <= sizes[1], f"sideways scrolling on a phone: {sizes}"
    screenshot(page, "07-telefoon")
