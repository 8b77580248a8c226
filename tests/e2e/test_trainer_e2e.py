"""What a trainer relies on in the group view, through the whole assistant (trained model, action server, web page):
the pitfall table counts the pitfalls of a played session, the transcript link opens that session (and a number that
is no role-play session gets a Dutch message), and wiping a group asks first, keeps everything on 'Nee' and removes the
group's sessions, and only those, on 'Ja'. Sessions are played in the chat; what is stored is read from the database
the stack writes."""
from __future__ import annotations

import secrets
import urllib.parse
from collections import Counter
from typing import Any, Dict, List

import pytest
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.e2e.chat import transcript, type_message, wait_for_history
from tests.e2e.conftest import clear_cookies, screenshot
from tests.e2e.test_web_e2e import _fill_in_for_the_trainer, _start_roleplay

pytestmark = pytest.mark.e2e

# a lecture twice, then an acknowledgement: two turns any reader of the moves calls a pitfall
LECTURES = [
    "U moet zich gewoon aan de afspraken houden, zo simpel is het.",
    "Dat is nu eenmaal de regel, daar valt niet over te praten. U moet meewerken.",
    "Ik hoor dat u heel boos bent, en dat u zich niet gehoord voelt.",
]
SHORT = ["Ik hoor dat u heel boos bent, en dat u zich niet gehoord voelt."]
NO_TRACE = ("Traceback", "Exception", "Internal Server Error", "Error")


def _new_chat(page, stack) -> None:
    """A new, empty conversation with empty 'Voor de training' fields, as another trainee's browser."""
    page.get(stack.web_url + "/")
    page.execute_script("window.localStorage.clear();")
    clear_cookies(page)
    page.get(stack.web_url + "/")
    wait_for_history(page)


def _play(page, turns: List[str]) -> None:
    """One role-play in the current chat: start it, say ``turns``, stop it (the debrief stores the session)."""
    _start_roleplay(page)
    assert page.find_elements(By.CSS_SELECTOR, "meter.spanning"), \
        f"the role-play did not start; conversation:\n{transcript(page)[-6:]}"
    for turn in turns:
        type_message(page, turn)
    type_message(page, "stop het rollenspel")


def _stored(stack, group: str) -> List[Dict[str, Any]]:
    """The role-play sessions of ``group`` as the stack stored them: id and data, oldest first."""
    from sqlalchemy import select

    from bot.db import session_scope
    from bot.roleplay.session import KIND
    from bot.tables import Record

    with session_scope(stack.database_url) as session:
        rows = session.scalars(select(Record).where(Record.kind == KIND).order_by(Record.pk)).all()
        return [{"id": row.pk, **row.data, "nummer": row.nummer} for row in rows
                if isinstance(row.data, dict) and row.data.get("groep") == group]


def _body(page) -> str:
    return page.find_element(By.TAG_NAME, "body").text


def _wait_for(page, text: str, timeout: float = 30) -> None:
    """Wait until ``text`` is on the page (while Chromium swaps documents the old <body> goes stale: look again)."""
    try:
        WebDriverWait(page, timeout, ignored_exceptions=(StaleElementReferenceException, WebDriverException)).until(
            lambda d: text in _body(d))
    except TimeoutException:
        pytest.fail(f"{text!r} did not appear; the page at {page.current_url} shows:\n{_body(page)[:1500]}",
                    pytrace=False)


def _log_in(page, stack) -> None:
    page.get(stack.web_url + "/trainer")
    field = page.find_element(By.ID, "token")
    field.send_keys(stack.trainer_token)
    field.send_keys(Keys.ENTER)
    WebDriverWait(page, 30).until(lambda d: d.find_elements(By.ID, "groep-code"))


def _open_group(page, stack, group: str) -> None:
    page.get(f"{stack.web_url}/trainer/groep?{urllib.parse.urlencode({'groep': group})}")
    _wait_for(page, f"Groepsoverzicht rollenspellen: {group}")


def _pitfall_table(page) -> Dict[str, List[str]]:
    """The rows of 'Valkuilen in de hele groep': pitfall name -> [times, 'in sessions' cell]."""
    rows = page.find_elements(By.CSS_SELECTOR, "table.groep-valkuilen tbody tr")
    cells = [[td.text.strip() for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    return {cell[0]: cell[1:] for cell in cells}


def test_the_group_pitfall_table_counts_the_pitfalls_of_a_played_session(fresh_page, stack):
    from bot.roleplay.feedback import move_names, session_pitfalls

    page = fresh_page
    participant, group = f"Code {secrets.token_hex(3).upper()}", f"Valkuilgroep-{secrets.token_hex(2)}"
    wait_for_history(page)
    _fill_in_for_the_trainer(page, participant, group)
    _play(page, LECTURES)

    (stored,) = _stored(stack, group)
    turns = stored["state"]["turns"]
    pitfalls = Counter(pitfall for _, pitfall in session_pitfalls(turns))  # as the debrief counts them
    assert pitfalls, f"the played lectures were stored without a pitfall: {[t.get('zet') for t in turns]}"
    names = move_names()
    expected = {names.get(pitfall, pitfall): [str(times), "1 van 1"] for pitfall, times in pitfalls.items()}

    _log_in(page, stack)
    _open_group(page, stack, group)
    assert "1 deelnemer, 1 sessie" in _body(page)
    assert "Hoe vaak elke valkuil in de groep voorkwam, in de enige sessie;" in _body(page)
    assert _pitfall_table(page) == expected, f"stored pitfalls {dict(pitfalls)}; page:\n{_body(page)[:1500]}"
    table = page.find_element(By.CSS_SELECTOR, "table.groep-valkuilen")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'});", table)
    screenshot(page, "14-groep-valkuilen")


def test_the_transcript_link_opens_that_session_and_other_numbers_get_a_dutch_message(fresh_page, stack):
    from bot.db import session_scope
    from bot.steps.plan import RECORD_KIND as PLAN_KIND
    from bot.tables import Record

    page = fresh_page
    group = f"Transcriptgroep-{secrets.token_hex(2)}"
    wait_for_history(page)
    _fill_in_for_the_trainer(page, f"Code {secrets.token_hex(3).upper()}", group)
    _play(page, SHORT)
    _new_chat(page, stack)  # a second trainee of the group, whose session the link must not open
    _fill_in_for_the_trainer(page, f"Code {secrets.token_hex(3).upper()}", group)
    _play(page, [LECTURES[0]])
    first, second = _stored(stack, group)

    _log_in(page, stack)
    _open_group(page, stack, group)
    link = page.find_element(By.CSS_SELECTOR, f"a[href='/trainer/sessie?sessie={first['id']}']")
    # the number the trainee saw in the chat (each trainee's first session is 1) and whose it is; the link itself
    # names the stored record
    assert link.get_attribute("aria-label") == f"Transcript van sessie 1 van {first['deelnemer']}"
    assert first["nummer"] == second["nummer"] == 1
    link.click()
    _wait_for(page, f"Rollenspel 1 van {first['deelnemer']}")
    assert page.current_url.endswith(f"/trainer/sessie?sessie={first['id']}")
    article = page.find_element(By.CSS_SELECTOR, f"article#sessie-{first['id']}")
    assert article.find_element(By.TAG_NAME, "summary").text == "Transcript (1 beurt)"
    shown = article.find_element(By.CSS_SELECTOR, "ol.transcript")
    assert shown.is_displayed(), "the transcript is not open"
    assert SHORT[0] in shown.text and LECTURES[0] not in _body(page), shown.text[:1000]
    assert not page.find_elements(By.CSS_SELECTOR, f"article#sessie-{second['id']}")
    back = page.find_element(By.CSS_SELECTOR, "p.terug a")
    assert back.text == f"Terug naar het groepsoverzicht van {group}"
    screenshot(page, "15-trainer-transcript")

    with session_scope(stack.database_url) as session:  # a stored record that is no role-play: someone's plan
        plan = Record(kind=PLAN_KIND, data={"doel": "Geheim plan van een ander"}, title="Plan van een ander")
        session.add(plan)
        session.flush()
        plan_number = plan.pk
    unknown = max(first["id"], second["id"], plan_number) + 1000
    for value, message in [
        (str(unknown), "Dit rollenspel bestaat niet (meer)."),
        (str(plan_number), "Dit rollenspel bestaat niet (meer)."),
        ("vier", "Dat is geen sessienummer. Kies de sessie op de trainerspagina of in het groepsoverzicht."),
    ]:
        page.get(f"{stack.web_url}/trainer/sessie?{urllib.parse.urlencode({'sessie': value})}")
        _wait_for(page, message)
        text = _body(page)
        assert not [word for word in NO_TRACE if word in text], text[:800]
        assert "Geheim plan" not in text and "Terug naar de rollenspellen" in text
        assert page.find_element(By.CSS_SELECTOR, "p.melding[role='alert']").text == message


def test_wiping_a_group_asks_first_keeps_everything_on_no_and_wipes_only_that_group_on_yes(fresh_page, stack):
    page = fresh_page
    group, other = f"Wisgroep-{secrets.token_hex(2)}", f"Blijfgroep-{secrets.token_hex(2)}"
    participant = f"Code {secrets.token_hex(3).upper()}"
    wait_for_history(page)
    _fill_in_for_the_trainer(page, participant, group)
    _play(page, SHORT)
    _play(page, SHORT)  # a second session of the same trainee, in the same chat
    _new_chat(page, stack)
    _fill_in_for_the_trainer(page, f"Code {secrets.token_hex(3).upper()}", other)
    _play(page, SHORT)
    stored_before = _stored(stack, group)
    numbers = [s["id"] for s in stored_before]
    assert len(numbers) == 2 and len(_stored(stack, other)) == 1

    _log_in(page, stack)
    _open_group(page, stack, group)
    button = page.find_element(By.CSS_SELECTOR, "form.wis-groep button")
    assert button.text == "Wis alle sessies van deze groep"
    button.click()
    _wait_for(page, f"Alle sessies van groep {group} wissen?")
    question = _body(page)
    assert f"Hiermee wis je 2 sessies van 1 deelnemer uit groep {group}:" in question
    assert "Dit kun je niet ongedaan maken." in question
    assert f"{participant}: 2 sessies ({numbers[1]}, {numbers[0]})" in question \
        or f"{participant}: 2 sessies ({numbers[0]}, {numbers[1]})" in question, question[:1500]
    assert [s["id"] for s in _stored(stack, group)] == numbers, "opening the question wiped sessions"
    screenshot(page, "16-groep-wissen-vraag")

    page.find_element(By.LINK_TEXT, "Nee, terug naar het groepsoverzicht").click()
    _wait_for(page, "1 deelnemer, 2 sessies")
    assert f"Groepsoverzicht rollenspellen: {group}" in _body(page)
    assert [s["id"] for s in _stored(stack, group)] == numbers, "'Nee' wiped sessions"

    page.find_element(By.CSS_SELECTOR, "form.wis-groep button").click()
    _wait_for(page, f"Alle sessies van groep {group} wissen?")
    yes = page.find_element(By.CSS_SELECTOR, "form.wissen-form button")
    assert yes.text == f"Ja, wis 2 sessies van groep {group}"
    yes.click()
    # named as the page names them: the number the trainee saw, with the trainee (not the internal number)
    shown = {s["id"]: s["nummer"] for s in stored_before}
    low, high = sorted(numbers)
    _wait_for(page, f"Van groep '{group}' zijn 2 sessies gewist ({shown[low]} van {participant} en {shown[high]} van "
                    f"{participant}).")
    notice = page.find_element(By.CSS_SELECTOR, "p.melding[role='status']").text
    assert not [word for word in NO_TRACE if word in notice], notice
    assert _stored(stack, group) == [], "the group's sessions are still stored"
    assert len(_stored(stack, other)) == 1, "a session of another group was wiped"
    assert not page.find_elements(By.CSS_SELECTOR, f"article#sessie-{low}, article#sessie-{high}")
    screenshot(page, "17-groep-gewist")

    _open_group(page, stack, group)
    assert f"Geen sessies gevonden voor groep '{group}'." in _body(page)
    _open_group(page, stack, other)
    assert "1 deelnemer, 1 sessie" in _body(page)
