"""The practice loop through the whole assistant (trained model, action server, web page):
a trainee retries a turn with the button on the page, and the trainer opens the group view of
the trainee's group on the trainers' page (HTML and CSV)."""
from __future__ import annotations

import secrets
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bot.roleplay import catalog
from bot.roleplay.report import read_csv
from tests.e2e.chat import bot_messages, meter_values, transcript, type_message, wait_for_answer, wait_for_history
from tests.e2e.conftest import screenshot
from tests.e2e.test_web_e2e import ROLEPLAY_TURNS, _fill_in_for_the_trainer, _start_roleplay

pytestmark = pytest.mark.e2e


def _retry_buttons(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#berichten button.opnieuw-knop")


def test_retry_a_turn_on_the_page_then_the_trainer_sees_it_in_the_group_view(fresh_page, stack):
    page = fresh_page
    participant, group = f"Code {secrets.token_hex(3).upper()}", f"Groep-{secrets.token_hex(2)}"
    wait_for_history(page)
    _fill_in_for_the_trainer(page, participant, group)
    _start_roleplay(page)

    type_message(page, ROLEPLAY_TURNS[0])
    type_message(page, ROLEPLAY_TURNS[1])
    values = meter_values(page)
    assert len(values) >= 2, f"no tension meter per turn; conversation:\n{transcript(page)[-6:]}"
    after_first = values[-2]  # the tension after turn 1 = the tension before turn 2
    buttons = _retry_buttons(page)
    assert len(buttons) >= 2 and buttons[-1].get_attribute("aria-label") == "Probeer opnieuw vanaf beurt 2"

    before = len(bot_messages(page))
    page.execute_script("arguments[0].focus();", buttons[-1])
    buttons[-1].send_keys(Keys.ENTER)
    answer = wait_for_answer(page, before)
    rewinds = page.find_elements(By.CSS_SELECTOR, "section.rollenspel-opnieuw")
    assert rewinds, f"no rewind shown; got: {[m.text for m in answer]}"
    assert "Terug naar vlak voor beurt 2" in rewinds[-1].text
    assert meter_values(page)[-1] == after_first, (
        f"tension after the rewind: {meter_values(page)}; before turn 2 it was {after_first}"
    )
    assert not buttons[-1].is_enabled()  # the turn taken back
    page.execute_script("arguments[0].closest('li').scrollIntoView({block: 'center'});", rewinds[-1])
    screenshot(page, "12-opnieuw-vanaf-beurt")

    type_message(page, ROLEPLAY_TURNS[2])  # the second attempt at turn 2
    answer = type_message(page, "stop het rollenspel")
    debrief_text = "\n".join(m.text for m in bot_messages(page)[-len(answer):])
    assert "Opnieuw geprobeerd" in debrief_text and "eerste poging" in debrief_text, debrief_text[-1500:]
    assert ROLEPLAY_TURNS[1][:30] in debrief_text and ROLEPLAY_TURNS[2][:30] in debrief_text  # both attempts

    # the trainer: log in, choose the group on the trainers' page, see the group view
    page.get(stack.web_url + "/trainer")
    field = page.find_element(By.ID, "token")
    field.send_keys(stack.trainer_token)
    field.send_keys(Keys.ENTER)
    WebDriverWait(page, 20).until(lambda d: d.find_elements(By.ID, "groep-code"))
    choose = page.find_element(By.ID, "groep-code")
    choose.send_keys(group)
    choose.send_keys(Keys.ENTER)
    WebDriverWait(page, 20).until(lambda d: group in d.find_element(By.TAG_NAME, "h1").text)
    body = page.find_element(By.TAG_NAME, "body").text
    assert "1 deelnemer, 1 sessie" in body, body[:800]
    assert participant in body and "1x opnieuw geprobeerd" in body
    assert page.find_elements(By.CSS_SELECTOR, "svg polyline"), "no tension curve drawn"
    styled = page.execute_script("return getComputedStyle(document.querySelector('th')).backgroundColor;")
    assert styled == "rgb(243, 243, 243)", "the page's stylesheet was blocked"
    screenshot(page, "11-groepsoverzicht-pagina")

    query = urllib.parse.urlencode({"groep": group, "formaat": "csv"})
    request = urllib.request.Request(f"{stack.web_url}/trainer/groep?{query}",
                                     headers={"Authorization": f"Bearer {stack.trainer_token}"})
    with urllib.request.urlopen(request, timeout=30) as resp:
        assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
        rows = read_csv(resp.read().decode("utf-8"))  # ';' and a byte order mark: Excel in Dutch opens it
    assert [(r["deelnemer"], r["opnieuw_geprobeerd"]) for r in rows] == [(participant, "1")]


def test_intake_summary_has_a_copy_button_that_copies_the_plain_text(fresh_page, stack):
    page = fresh_page
    wait_for_history(page)
    page.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": stack.web_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    type_message(page, "ik heb een ouder aan de lijn")
    type_message(page, "Mijn dochter wil sinds een maand of drie niet meer naar school, sinds haar vader weg is.")
    type_message(page, "rond af")
    boxes = page.find_elements(By.CSS_SELECTOR, "section.intake")
    assert boxes, f"no intake summary; conversation:\n{transcript(page)[-6:]}"
    button = boxes[-1].find_element(By.CSS_SELECTOR, "button.kopieer-knop")
    assert button.text == "Kopieer samenvatting"
    button.click()
    status = boxes[-1].find_element(By.CSS_SELECTOR, ".kopieer-status")
    WebDriverWait(page, 10).until(lambda d: status.text)
    assert status.text == "Gekopieerd"
    copied = page.execute_async_script(
        "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('FOUT ' + e); });")
    assert "school" in copied and not copied.startswith("FOUT"), copied[:300]


def test_a_scenario_named_in_the_first_sentence_starts_the_role_play_without_the_list(fresh_page, stack):
    page = fresh_page
    wait_for_history(page)
    answer = type_message(page, "ik wil oefenen met het kind van 12")
    shown = "\n".join(m.text for m in answer)
    opening = catalog.get_scenario("kind-wil-niet-naar-vader").persona.opening
    assert opening.split(".")[0] in shown, f"no opening of the chosen scenario; got:\n{shown}"
    assert "Welk scenario wil je oefenen" not in shown and page.find_elements(By.CSS_SELECTOR, "meter.spanning"), shown
    answer = type_message(page, "Hoi, fijn dat je er bent. Ik ben hier om te luisteren, hoe gaat het met je?")
    assert answer and len(meter_values(page)) >= 2, f"the first turn got no persona reply: {transcript(page)[-4:]}"
