"""What a person does on the chat page, as Selenium steps (keyboard first)."""
from __future__ import annotations

from typing import List, Optional

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ANSWER_WAIT = 90  # s; an answer can need a classifier on a busy 2-core machine


def bot_messages(driver) -> List:
    return driver.find_elements(By.CSS_SELECTOR, "#berichten li.van-bot")


def errors(driver) -> List[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#berichten li.systeem")]


def wait_for_history(driver, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-geschiedenis") == "geladen"
        or d.find_element(By.ID, "status").is_displayed()
    )


def wait_for_answer(driver, before: int, timeout: float = ANSWER_WAIT) -> List:
    """Wait until the page shows more bot messages than ``before`` and is no longer busy."""
    try:
        WebDriverWait(driver, timeout).until(
            lambda d: (len(bot_messages(d)) > before and not d.find_element(By.ID, "bezig").is_displayed())
            or errors(d)
        )
    except TimeoutException:
        raise AssertionError(f"No answer from Rustpunt within {timeout} s; page shows: "
                             f"{driver.find_element(By.ID, 'berichten').text[-1500:]}") from None
    assert not errors(driver), f"the page shows an error: {errors(driver)}"
    return bot_messages(driver)[before:]


def type_message(driver, text: str) -> List:
    """Type in the message box and press Enter, as a keyboard user does; the new bot messages."""
    before = len(bot_messages(driver))
    box = driver.find_element(By.ID, "invoer")
    box.click()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    return wait_for_answer(driver, before)


def press_button(driver, title: str) -> List:
    """Press the newest button with this title (keyboard: focus + Enter); the new bot messages."""
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "#berichten button.keuze")
               if b.text.strip() == title]
    assert buttons, f"no button '{title}' on the page; buttons: {button_titles(driver)}"
    before = len(bot_messages(driver))
    driver.execute_script("arguments[0].focus();", buttons[-1])
    buttons[-1].send_keys(Keys.ENTER)
    return wait_for_answer(driver, before)


def button_titles(driver, within=None) -> List[str]:
    scope = within if within is not None else driver
    return [b.text.strip() for b in scope.find_elements(By.CSS_SELECTOR, "button.keuze")]


def meter_values(driver) -> List[float]:
    return [float(m.get_attribute("value")) for m in driver.find_elements(By.CSS_SELECTOR, "meter.spanning")]


def transcript(driver) -> List[str]:
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#berichten li.bericht")]


def conversation_cookie(driver, base_url: str) -> Optional[dict]:
    """The server's conversation cookie as the browser keeps it (read through the DevTools
    protocol: the cookie is HttpOnly and lives on /api, so neither the page nor WebDriver's
    get_cookie at / can see it)."""
    cookies = driver.execute_cdp_cmd("Network.getCookies", {"urls": [base_url + "/api/history"]})["cookies"]
    found = [c for c in cookies if c["name"] == "rustpunt_gesprek"]
    return found[0] if found else None
