"""The practice loop on the chat page in real Chromium, fed by a small fake Rasa (no trained model):
'Probeer opnieuw vanaf hier' on a role-play turn, the rewind shown with the earlier tension, and
'Kopieer samenvatting' on an intake summary."""
from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bot.web.config import WebConfig
from bot.web.server import make_server
from tests.e2e.chat import bot_messages, meter_values, type_message, wait_for_answer, wait_for_history
from tests.e2e.conftest import clear_cookies
from tests.fake_rasa import FakeRasa, serve, start_fake_rasa, stop

pytestmark = pytest.mark.e2e

SUMMARY_TEXT = "Vraagverheldering\nKern: moeite met naar school gaan, sinds vader weg is.\nRoute: wijkteam"
RETRY = re.compile(r"^probeer opnieuw vanaf beurt (\d+)$")


class PracticeRasa(FakeRasa):
    """A role-play of sentences that each raise the tension by one; a rewind goes back exactly.
    Its tracker stays empty: the page never restores an earlier conversation here."""

    def tracker_events(self, sender):
        return []

    def do_POST(self):  # noqa: N802
        body = self.read_json()
        text, server = body["message"], self.server
        server.received.append(text)
        retry = RETRY.match(text)
        if text == "samenvatting":
            answer = [{"text": "Hier is de samenvatting."},
                      {"custom": {"soort": "intake_samenvatting", "kern": ["moeite met naar school gaan"],
                                  "id": 3, "tekst": SUMMARY_TEXT}}]
        elif retry:
            nr = int(retry.group(1))
            server.curve = server.curve[:nr]  # the tension before turn nr
            answer = [{"text": f"We gaan terug naar vlak voor beurt {nr}. De spanning is weer {server.curve[-1]}."},
                      {"custom": {"soort": "rollenspel_opnieuw", "spanning": server.curve[-1], "rol": "Aanklager",
                                  "beurt": nr - 1, "vanaf_beurt": nr, "sessie": 1, "zet": None}}]
        else:
            server.curve.append(min(10, server.curve[-1] + 1))
            answer = [{"text": "Vader: Daar heb ik niks aan!"},
                      {"custom": {"soort": "rollenspel_beurt", "spanning": server.curve[-1], "rol": "Aanklager",
                                  "zet": "inhoud", "zet_naam": "In de inhoud gaan", "beurt": len(server.curve) - 1,
                                  "sessie": 1, "einde": None}}]
        self.reply(answer)


@pytest.fixture(scope="module")
def site():
    rasa = start_fake_rasa(PracticeRasa, received=[], curve=[5])
    web = serve(make_server(WebConfig(port=0, rasa_url=rasa.url)))
    yield f"http://127.0.0.1:{web.server_address[1]}", rasa
    stop(web, rasa)


@pytest.fixture
def page(browser, site):
    url, rasa = site
    rasa.received.clear()
    rasa.curve = [5]
    browser.set_window_size(1280, 1000)
    browser.get(url + "/")
    clear_cookies(browser)
    browser.get(url + "/")
    wait_for_history(browser)
    return browser


def _retry_buttons(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#berichten button.opnieuw-knop")


def test_retry_button_on_each_turn_rewinds_and_the_meter_shows_the_earlier_tension(page, site):
    _, rasa = site
    for sentence in ("Zo moet u niet praten.", "Luister nou eens.", "Dat is gewoon de regel."):
        type_message(page, sentence)
    assert meter_values(page) == [6, 7, 8]
    buttons = _retry_buttons(page)
    assert [b.text for b in buttons] == ["Probeer opnieuw vanaf hier"] * 3
    assert [b.get_attribute("aria-label") for b in buttons] == [f"Probeer opnieuw vanaf beurt {n}" for n in (1, 2, 3)]

    before = len(bot_messages(page))
    page.execute_script("arguments[0].focus();", buttons[1])
    buttons[1].send_keys(Keys.ENTER)  # keyboard works: focus + Enter
    wait_for_answer(page, before)
    assert rasa.received[-1] == "probeer opnieuw vanaf beurt 2"
    assert meter_values(page)[-1] == 6  # back to the tension before turn 2
    rewind = page.find_elements(By.CSS_SELECTOR, "section.rollenspel-opnieuw")[-1]
    assert "Terug naar vlak voor beurt 2" in rewind.text and "Spanning bij Aanklager: 6 van 10" in rewind.text
    assert "stijgt" not in rewind.text and "daalt" not in rewind.text  # a rewind is not a rise or a fall
    # the turns taken back can no longer be retried; turn 1 still can
    assert [b.is_enabled() for b in _retry_buttons(page)] == [True, False, False]

    type_message(page, "Ik hoor dat u boos bent.")  # the new turn 2 gets its own button
    assert meter_values(page)[-1] == 7
    assert [b.is_enabled() for b in _retry_buttons(page)] == [True, False, False, True]


def test_copy_button_puts_the_plain_summary_on_the_clipboard(page, site):
    url, _ = site
    page.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    type_message(page, "samenvatting")
    intake = page.find_elements(By.CSS_SELECTOR, "section.intake")[-1]
    button = intake.find_element(By.CSS_SELECTOR, "button.kopieer-knop")
    assert button.text == "Kopieer samenvatting"
    assert "Vraagverheldering" not in intake.text  # the plain text is for the clipboard, not shown twice
    button.click()
    status = intake.find_element(By.CSS_SELECTOR, ".kopieer-status")
    WebDriverWait(page, 10).until(lambda d: status.text)
    assert status.text == "Gekopieerd"
    copied = page.execute_async_script(
        "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('FOUT ' + e); });")
    assert copied == SUMMARY_TEXT


def test_copy_without_the_clipboard_api_selects_the_text_in_a_read_only_box(page):
    type_message(page, "samenvatting")
    page.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});")
    intake = page.find_elements(By.CSS_SELECTOR, "section.intake")[-1]
    intake.find_element(By.CSS_SELECTOR, "button.kopieer-knop").click()
    area = intake.find_element(By.CSS_SELECTOR, "textarea.kopieer-tekst")
    WebDriverWait(page, 10).until(lambda d: area.is_displayed())
    assert area.get_attribute("readonly") is not None
    assert area.get_attribute("value") == SUMMARY_TEXT
    selected = page.execute_script(
        "var a = arguments[0]; return a.value.substring(a.selectionStart, a.selectionEnd);", area
    )
    assert selected == SUMMARY_TEXT
    status = intake.find_element(By.CSS_SELECTOR, ".kopieer-status").text
    assert status in ("Gekopieerd", "Kopiëren lukte niet vanzelf: de tekst is geselecteerd, druk op Ctrl+C (of Cmd+C).")
