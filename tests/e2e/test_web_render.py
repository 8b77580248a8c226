"""The page's renderers in real Chromium, fed by a small fake Rasa (no trained model needed).

Each structured payload the capabilities send (``soort``) is shown in the way a professional
can read it; odd or unknown payloads fall back to readable text; assistant text is never HTML.
"""
from __future__ import annotations

import functools
import json
from http.server import ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from bot.web.config import WebConfig
from bot.web.conversation import conversation_id
from bot.web.server import make_server
from tests.e2e.chat import (
    bot_messages,
    conversation_cookie,
    meter_values,
    press_button,
    type_message,
    wait_for_history,
)
from tests.e2e.conftest import clear_cookies, screenshot
from tests.fake_rasa import FakeRasa, free_port, serve, start_fake_rasa, stop

pytestmark = pytest.mark.e2e

SENTENCE = "Ik kan er ook niks aan doen, zij begint altijd."
FATHER = "vader-kinderen-thuisgehouden"


def played_debrief():
    """A real debrief (bot.roleplay.feedback.debrief) of two turns, as the actions send it: its data holds the ids of
    the moves, the steps, the ending and the scenario."""
    from bot.roleplay import catalog, feedback
    from bot.roleplay.engine import Engine, Move

    scenario = catalog.get_scenario(FATHER)
    moves = iter([Move("erkennen", 0.9), Move("inhoud", 0.95)])
    engine = Engine(scenario, classify=lambda text, **_: next(moves), seed=2)
    engine.step("Wat vervelend voor u.")
    engine.step("U moet de kinderen gewoon naar school brengen.")
    engine.stop()
    return {"soort": "debrief", "sessie": 7, **feedback.debrief(scenario, engine.state, catalog.moves())}


def reproach_analysis():
    """A real role analysis (bot.roles.analyse) of a turn that shifts role and ends in a reproach at the professional,
    as the role action sends it (a user test, session 24: the chat said so, the card did not)."""
    from bot.roles.analyse import analyse_role

    return analyse_role("Ik heb alles geprobeerd om met hem te praten. Hij luistert gewoon niet. En u doet niks."
                        ).to_payload()


PAYLOADS = {
    "kaart": {
        "soort": "kaart_resultaten",
        "resultaten": [
            {
                "id": "a",
                "naam": "Omgangshuis Noord",
                "organisatie": "Stichting Voorbeeld",
                "beschrijving": "Begeleide overdracht van kinderen.",
                "voor_wie": "Gezinnen na scheiding",
                "bereikbaarheid": "Ma-vr 9-17 uur",
                "waarom": "past bij: omgang, scheiding",
                "links": [{"titel": "Website", "url": "https://example.org/omgang"}, "javascript:alert(1)"],
            },
            {"id": "b", "naam": "<b>Buurtteam</b>", "links": ["https://example.org/buurt"]},
        ],
        "status": "ok",
        "melding": None,
        "algemene_route": [],
    },
    "kaart_leeg": {
        "soort": "kaart_resultaten",
        "status": "geen_resultaat",
        "resultaten": [],
        "melding": "Niets gevonden in Hilversum.",
        "algemene_route": [{"id": "c", "naam": "Sociaal wijkteam", "links": []}],
    },
    "rol": {
        "soort": "rol_analyse",
        "zin": SENTENCE,
        "rol": "slachtoffer",
        "naam": "Slachtoffer",
        "driehoek": "dramadriehoek",
        "zekerheid": 0.72,
        "reden": None,
        "signalen": [  # bot.roles shape: naam, rol, woorden, begin, einde
            {"naam": "machteloosheid", "rol": "slachtoffer", "woorden": "niks aan doen", "begin": 14, "einde": 27},
            {"naam": "schuld buiten zich", "tekst": "zij begint altijd"},  # brief's shape, no offsets
            {"naam": "verschoven", "woorden": "Ik kan", "begin": 3, "einde": 9},  # wrong offsets
            {"naam": "kapot", "begin": 99, "einde": 200},
        ],
        "uitnodiging": {"rollen": ["redder"], "tekst": "Nodigt uit tot redden."},
        "alternatief": {
            "rol": "kwetsbare",
            "naam": "Kwetsbare",
            "antwoordstijl": "Vraag wat zij zelf wil.",
            "voorbeeld": "Wat zou jij willen?",
        },
        "hulpmiddel": {"id": "h", "naam": "Eigen kracht", "uitleg": "Laat de ander zelf kiezen.", "hoe": ["Vraag"]},
    },
    "intake": {
        "soort": "intake_samenvatting",
        "kern": ["moeite met slapen"],
        "kern_woorden": "ik slaap slecht",
        "aspecten": {"Ernst": "hoog"},
        "steun": [],
        "weinig_steun": True,
        "signalen": {"Scheiding": ["ruzie"]},
        "route": [
            {
                "route": "wijkteam",
                "titel": "Wijkteam",
                "reden": "Past bij de vraag.",
                "op_grond_van": ["scheiding"],
                "diensten": [
                    {
                        "naam": "Buurtteam Vleuten",
                        "organisatie": "Gemeente",
                        "waarom": "scheiding",
                        "bereikbaarheid": "bellen",
                    }
                ],
            }
        ],
        "overgeslagen": 1,
        "beantwoord": 5,
        "kaart_melding": None,
        "maskering": {"naam": 1},
        "id": 4,
    },
    "plan": {
        "soort": "gespreksplan",  # the shape bot.steps.plan.build_plan makes
        "situatie": {"wie": "ouder", "wie_tekst": "een ouder", "beschrijving": "Moeder is boos."},
        "stappen": [
            {
                "id": "visie",
                "nummer": 1,
                "naam": "Visie",
                "zin": "Wat wilt u bereiken?",
                "overgeslagen": False,
                "waarschuwing": "Let op, dit lijkt op een valkuil.",
            },
            {"id": "kaders", "nummer": 2, "naam": "Kaders", "zin": None, "overgeslagen": True},
        ],
        "herinneringen": ["Blijf uit de inhoud."],
        "hulpmiddelen": [{"id": "h", "naam": "Time-out", "wanneer": "bij oplopende spanning"}],
        "doel": "Rust",
    },
    "debrief": {"soort": "debrief", "samenvatting": "Je bleef rustig.", "tips": ["Vat vaker samen"]},
    "debrief zonder tekst": played_debrief(),
    "rol verwijt": reproach_analysis(),
    "zet zonder naam": {"soort": "rollenspel_beurt", "spanning": 4, "rol": "vader", "zet": "kind-in-het-midden",
                        "zet_naam": None, "beurt": 1},
    "onbekend": {"soort": "iets_nieuws", "veld": {"diep": [1, 2, {"x": None}]}},
    "kapot": {"soort": "kaart_resultaten", "resultaten": "geen lijst"},
}


class RenderRasa(FakeRasa):
    """Sends the payload named by the message; a button raises the tension; echoes the rest as text."""

    def answer(self, body):
        text = body["message"]
        if text == "/spanning":
            self.server.tension += 3
            return [{"text": "Vader: Ik ben het zat!"},
                    {"custom": {"soort": "rollenspel_beurt", "spanning": self.server.tension, "rol": "vader",
                                "zet": "inhoud", "zet_naam": "In de inhoud gaan"}}]
        if text == "wie ben ik":  # echo what the page sent along as metadata
            return [{"text": "Metadata: " + json.dumps(body.get("metadata"), sort_keys=True)}]
        if text in PAYLOADS:
            return [{"text": f"Hier is {text}."}, {"custom": PAYLOADS[text]}]
        return [{"text": f"<img src=x onerror=alert(1)> Je zei: {text}",
                 "buttons": [{"title": "Spanning", "payload": "/spanning"}]}]


class Site(str):
    """The page's address; ``rasa`` is the fake Rasa behind it, ``forgotten`` what was wiped."""

    rasa: ThreadingHTTPServer
    forgotten: list


@pytest.fixture(scope="module")
def fake_site():
    rasa = start_fake_rasa(RenderRasa, tension=2)
    forgotten = []

    def forget(conversation_id):  # stands in for bot.privacy.forget: drop the fake tracker
        forgotten.append(conversation_id)
        return {"events": len(rasa.events.pop(conversation_id, []))}

    def forget_chat(conversation_id):  # 'Nieuw gesprek': the chat only (records are not faked here)
        forgotten.append(("alleen chat", conversation_id))
        return {"events": len(rasa.events.pop(conversation_id, []))}

    web = serve(make_server(WebConfig(port=0, rasa_url=rasa.url), forget=forget, forget_chat=forget_chat))
    site = Site(f"http://127.0.0.1:{web.server_address[1]}")
    site.rasa, site.forgotten = rasa, forgotten
    yield site
    stop(web, rasa)


@pytest.fixture
def page(browser, fake_site):
    browser.set_window_size(1280, 1000)
    browser.get(fake_site + "/")
    browser.execute_script("window.localStorage.clear();")
    clear_cookies(browser)
    browser.get(fake_site + "/")
    wait_for_history(browser)
    return browser


def test_text_is_shown_as_text_and_buttons_as_buttons(page):
    answer = type_message(page, "hallo")
    assert "<img src=x onerror=alert(1)> Je zei: hallo" in answer[-1].text
    assert not page.find_elements(By.CSS_SELECTOR, "#berichten img")
    assert [b.text for b in answer[-1].find_elements(By.CSS_SELECTOR, "button.keuze")] == ["Spanning"]


def test_kaart_results_are_cards_with_safe_links(page):
    type_message(page, "kaart")
    cards = page.find_elements(By.CSS_SELECTOR, "article.kaart")
    assert [c.find_element(By.TAG_NAME, "h4").text for c in cards] == ["Omgangshuis Noord", "<b>Buurtteam</b>"]
    first = cards[0].text
    for part in ("Stichting Voorbeeld", "Gezinnen na scheiding", "Ma-vr 9-17 uur", "Waarom dit resultaat"):
        assert part in first
    hrefs = [a.get_attribute("href") for a in cards[0].find_elements(By.TAG_NAME, "a")]
    assert hrefs == ["https://example.org/omgang"]  # the javascript: link is shown as plain text
    assert "javascript:alert(1)" in first


def test_kaart_without_hits_explains_and_shows_the_general_route(page):
    type_message(page, "kaart_leeg")
    box = page.find_element(By.CSS_SELECTOR, ".kaart-resultaten")
    assert "Geen resultaten in de sociale kaart" in box.text and "Niets gevonden in Hilversum." in box.text
    assert "Algemene ingang voor hulp" in box.text
    assert [c.find_element(By.TAG_NAME, "h4").text for c in box.find_elements(By.CSS_SELECTOR, "article.kaart")] == [
        "Sociaal wijkteam"]


def test_role_analysis_marks_the_signals_in_the_sentence(page):
    type_message(page, "rol")
    marks = page.find_elements(By.CSS_SELECTOR, ".rol-analyse .zin mark.signaal")
    assert [(m.text, m.get_attribute("data-signaal")) for m in marks] == [
        ("Ik kan", "verschoven"), ("niks aan doen", "machteloosheid"), ("zij begint altijd", "schuld buiten zich")]
    box = page.find_element(By.CSS_SELECTOR, ".rol-analyse")
    assert "Rol: Slachtoffer (dramadriehoek), zekerheid 72%" in box.text
    for part in ("Nodigt uit tot redden.", "Antwoord vanuit de rol Kwetsbare.", "Vraag wat zij zelf wil.",
                 "Bijvoorbeeld: “Wat zou jij willen?”", "Hulpmiddel: Eigen kracht", "Laat de ander zelf kiezen.",
                 "machteloosheid: “niks aan doen”"):
        assert part in box.text
    shown = page.execute_script(
        "var c = arguments[0].cloneNode(true);"
        "c.querySelectorAll('.visueel-verborgen').forEach(function (n) { n.remove(); });"
        "return c.textContent;", box.find_element(By.CSS_SELECTOR, ".zin"))
    assert shown == SENTENCE  # every character once, in order, around the marks


def test_a_turn_ending_in_a_reproach_shows_the_shift_and_why_the_advice_answers_it(page):
    type_message(page, "rol verwijt")
    box = page.find_elements(By.CSS_SELECTOR, ".rol-analyse")[-1]
    shift = box.find_element(By.CSS_SELECTOR, ".rolwissel").text
    assert shift.startswith("De rol verschuift in deze beurt: eerst Slachtoffer")
    assert "daarna Aanklager (“En u doet niks.”)" in shift
    assert box.find_element(By.CSS_SELECTOR, ".aanleiding").text == (
        "De beurt eindigt met een verwijt aan jou (Aanklager): reageer daar eerst op.")
    assert "Antwoord vanuit de rol Assertief." in box.text


def test_tension_meter_moves_and_is_labelled(page):
    type_message(page, "hallo")
    press_button(page, "Spanning")
    press_button(page, "Spanning")
    values = meter_values(page)
    assert len(values) == 2 and values[1] > values[0]
    meter = page.find_elements(By.CSS_SELECTOR, "meter.spanning")[-1]
    label = page.find_element(By.CSS_SELECTOR, f"label[for='{meter.get_attribute('id')}']")
    assert label.text == f"Spanning bij vader: {values[1]:g} van 10"
    assert "De spanning stijgt" in bot_messages(page)[-1].text
    move = page.find_elements(By.CSS_SELECTOR, "section.rollenspel-beurt")[-1]
    assert "Jouw zet" in move.text and "In de inhoud gaan" in move.text
    assert "inhoud" not in move.text.splitlines()  # the display name, not the id


def test_participant_and_group_are_kept_and_sent_with_every_message(page):
    answer = type_message(page, "wie ben ik")
    assert answer[-1].text.endswith("Metadata: null")  # nothing filled in: no metadata at all
    summary = page.find_element(By.CSS_SELECTOR, "#training summary")
    assert "niet ingevuld" in summary.text
    page.execute_script("arguments[0].focus();", summary)
    summary.send_keys(Keys.ENTER)  # keyboard opens the section
    name = page.find_element(By.ID, "deelnemer")
    assert page.find_element(By.CSS_SELECTOR, "label[for='deelnemer']").text == "Je naam of code (voor je trainer)"
    assert page.find_element(By.CSS_SELECTOR, "label[for='groep']").text == "Groep"
    name.send_keys("  Code K7 ")
    page.find_element(By.ID, "groep").send_keys("Najaar")
    answer = type_message(page, "wie ben ik")
    assert answer[-1].text.endswith('Metadata: {"deelnemer": "Code K7", "groep": "Najaar"}')
    assert "Code K7" in summary.text
    screenshot(page, "09-voor-de-training")
    page.refresh()
    wait_for_history(page)
    assert page.find_element(By.ID, "deelnemer").get_attribute("value") == "Code K7"
    answer = type_message(page, "wie ben ik")  # still sent after a reload
    assert answer[-1].text.endswith('Metadata: {"deelnemer": "Code K7", "groep": "Najaar"}')


def test_plan_debrief_and_unknown_payloads_are_readable_sections(page):
    type_message(page, "plan")
    plan = page.find_element(By.CSS_SELECTOR, "section.gespreksplan")
    assert plan.find_element(By.TAG_NAME, "h3").text == "Gespreksplan voor een gesprek met een ouder"
    steps = plan.find_elements(By.CSS_SELECTOR, ".plan-stappen > li")
    assert [s.find_element(By.TAG_NAME, "strong").text for s in steps] == ["Visie", "Kaders"]
    assert "“Wat wilt u bereiken?”" in steps[0].text and "valkuil" in steps[0].text
    assert "Overgeslagen" in steps[1].text
    for part in ("Moeder is boos.", "Blijf uit de inhoud.", "Time-out: bij oplopende spanning", "Doel", "Rust"):
        assert part in plan.text
    type_message(page, "debrief")
    debrief = page.find_element(By.CSS_SELECTOR, "section.debrief")
    assert debrief.find_element(By.TAG_NAME, "h3").text == "Nabespreking van het rollenspel"
    assert "Je bleef rustig." in debrief.text and "Vat vaker samen" in debrief.text
    type_message(page, "intake")
    intake = page.find_element(By.CSS_SELECTOR, "section.intake")
    for part in ("moeite met slapen", "“ik slaap slecht”", "Ernst", "weinig steun", "Wijkteam", "Buurtteam Vleuten",
                 "5 vragen beantwoord, 1 overgeslagen"):
        assert part in intake.text
    assert "Maskering" not in intake.text
    type_message(page, "onbekend")
    type_message(page, "kapot")
    last = bot_messages(page)
    assert "Diep" in last[-3].text  # unknown soort shown as labelled values
    assert "Geen resultaten in de sociale kaart" in last[-1].text


def test_a_debrief_without_its_text_shows_its_dutch_text_and_no_internal_ids(page):
    # a user test (session 21): a debrief that reached the page without its text showed "Niet gebruikte stappen:
    # visie, dynamiek, ...", "Aantal per zet" with the moves' ids and "Scenario vader-kinderen-thuisgehouden"
    data = PAYLOADS["debrief zonder tekst"]
    assert {"visie", "inhoud"} <= set(data["ontbrekende_stappen"] + data["zetten_volgorde"]) and data["aantal_per_zet"]
    type_message(page, "debrief zonder tekst")
    debrief = page.find_elements(By.CSS_SELECTOR, "section.debrief")[-1]
    assert debrief.find_element(By.TAG_NAME, "h3").text == f"Nabespreking: {data['titel']}"
    text = debrief.text
    for part in ("Je bent zelf gestopt met het rollenspel.", "Stappen die je zette, in volgorde: Erkennen.",
                 "Niet gebruikt: Visie uitdragen, Dynamiek onderzoeken", "Spanning per beurt:",
                 "Beurten om naar te kijken:"):
        assert part in text
    for raw in (FATHER, "Aantal per zet", "Al je zetten", "Per beurt", "Niet gebruikte stappen", "Scenario",
                "visie,", "gestopt\n", "Zekerheid", "Vergeven"):
        assert raw not in text


def test_a_turn_whose_move_came_without_its_name_leaves_the_move_out(page):
    answer = type_message(page, "zet zonder naam")
    assert "Spanning bij vader: 4 van 10" in answer[-1].text
    assert "kind-in-het-midden" not in answer[-1].text and "Jouw zet" not in answer[-1].text


def test_reload_restores_the_conversation_from_the_tracker(page):
    type_message(page, "hallo")
    press_button(page, "Spanning")
    before = [li.text for li in page.find_elements(By.CSS_SELECTOR, "#berichten li.bericht")]
    page.refresh()
    wait_for_history(page)
    after = [li.text for li in page.find_elements(By.CSS_SELECTOR, "#berichten li.bericht")]
    assert after == before
    assert any(li.endswith("Spanning") for li in after)  # the button payload shows as its title
    assert len(page.find_elements(By.CSS_SELECTOR, "meter.spanning")) == 1


def test_the_conversation_lives_in_an_http_only_cookie_not_in_the_page(page, fake_site):
    type_message(page, "hallo")
    cookie = conversation_cookie(page, fake_site)
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/api"
    assert "rustpunt_gesprek" not in page.execute_script("return document.cookie;")  # scripts cannot read it
    assert page.execute_script("return window.localStorage.getItem('rustpunt.gesprek');") is None
    assert conversation_id(cookie["value"]) in fake_site.rasa.events  # Rasa knows it by the derived id
    assert cookie["value"] not in fake_site.rasa.events
    page.refresh()
    wait_for_history(page)
    assert conversation_cookie(page, fake_site)["value"] == cookie["value"]  # same conversation after reload


def _forget_button(page):
    return page.find_element(By.ID, "wis-gesprek")


def test_wis_dit_gesprek_asks_first_then_forgets_on_the_server_and_in_the_page(page, fake_site):
    from selenium.webdriver.support.ui import WebDriverWait

    type_message(page, "Dit moet weg")
    old = conversation_cookie(page, fake_site)["value"]
    old_id = conversation_id(old)
    assert old_id in fake_site.rasa.events

    _forget_button(page).click()  # first: change your mind
    alert = WebDriverWait(page, 10).until(lambda d: d.switch_to.alert)
    assert alert.text.startswith("Wil je dit gesprek wissen?") and "niet ongedaan" in alert.text
    alert.dismiss()
    assert "Dit moet weg" in page.find_element(By.ID, "berichten").text
    assert old_id in fake_site.rasa.events and old_id not in fake_site.forgotten

    button = _forget_button(page)
    page.execute_script("arguments[0].focus();", button)
    button.send_keys(Keys.ENTER)  # keyboard works too
    WebDriverWait(page, 10).until(lambda d: d.switch_to.alert).accept()
    WebDriverWait(page, 20).until(lambda d: d.find_element(By.ID, "melding").is_displayed())
    assert "Het gesprek is gewist" in page.find_element(By.ID, "melding").text
    assert not page.find_elements(By.CSS_SELECTOR, "#berichten li")
    assert fake_site.forgotten[-1] == old_id and old_id not in fake_site.rasa.events  # gone on the server
    new = conversation_cookie(page, fake_site)["value"]
    assert new != old
    screenshot(page, "10-gesprek-gewist")
    page.refresh()
    wait_for_history(page)
    assert not page.find_elements(By.CSS_SELECTOR, "#berichten li")  # nothing comes back
    type_message(page, "verder")
    assert conversation_id(new) in fake_site.rasa.events


def test_nieuw_gesprek_forgets_the_old_chat_without_asking_and_says_what_stays(page, fake_site):
    type_message(page, "oud gesprek")
    old_id = conversation_id(conversation_cookie(page, fake_site)["value"])
    page.find_element(By.ID, "nieuw-gesprek").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(page, 20).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#berichten li"))
    WebDriverWait(page, 10).until(lambda d: conversation_id(conversation_cookie(d, fake_site)["value"]) != old_id)
    assert fake_site.forgotten[-1] == ("alleen chat", old_id) and old_id not in fake_site.rasa.events
    assert page.find_element(By.ID, "leeg").is_displayed()
    assert "terugbelverzoeken" in page.find_element(By.ID, "melding").text  # what was saved for the organisation stays


def test_unreachable_assistant_shows_a_dutch_message(browser):
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}")))
    try:
        browser.get(f"http://127.0.0.1:{web.server_address[1]}/")
        wait_for_history(browser)
        status = browser.find_element(By.ID, "status")
        assert status.is_displayed() and "niet bereikbaar" in status.text
        box = browser.find_element(By.ID, "invoer")
        box.send_keys("hallo\n")
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#berichten li.systeem"))
        error = browser.find_element(By.CSS_SELECTOR, "#berichten li.systeem")
        assert "niet bereikbaar" in error.text and error.get_attribute("role") == "alert"
        assert error.find_element(By.TAG_NAME, "button").text == "Opnieuw proberen"
        screenshot(browser, "08-niet-bereikbaar")
    finally:
        web.shutdown()
        web.server_close()


def test_banner_goes_away_and_history_loads_when_the_assistant_comes_back(browser):
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{port}")))
    rasa = None
    try:
        browser.get(f"http://127.0.0.1:{web.server_address[1]}/")
        wait_for_history(browser)
        assert "niet bereikbaar" in browser.find_element(By.ID, "status").text
        cookie = conversation_cookie(browser, f"http://127.0.0.1:{web.server_address[1]}")
        assert cookie is not None, "the server set no conversation cookie while Rasa was down"
        sender = conversation_id(cookie["value"])
        rasa = ThreadingHTTPServer(("127.0.0.1", port), RenderRasa)
        rasa.tension = 0
        rasa.events = {
            sender: [{"event": "user", "text": "eerder gezegd"}, {"event": "bot", "text": "Eerder antwoord."}]
        }
        serve(rasa)
        WebDriverWait(browser, 40).until(lambda d: not d.find_element(By.ID, "status").is_displayed())
        WebDriverWait(browser, 10).until(lambda d: len(bot_messages(d)) == 1)
        assert bot_messages(browser)[0].text.endswith("Eerder antwoord.")
    finally:
        stop(*(server for server in (web, rasa) if server is not None))


def test_phone_width_has_no_sideways_scrolling(page):
    page.set_window_size(390, 844)
    type_message(page, "kaart")
    width = page.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"page is wider than the phone screen: {width}"


def test_trainer_login_and_logout_in_the_browser(browser):
    """The login and logout forms are real same-origin POSTs (Chromium sends Origin: null for
    them under our Referrer-Policy); a second login gets a new session cookie."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def submit_and_wait_for(submit, text):
        """Submit a form and wait for the page it leads to: first until the old document is gone
        (reading the old <body> while Chromium swaps documents raises a stale element), then for ``text``."""
        old_page = browser.find_element(By.TAG_NAME, "html")
        submit()

        def old_page_gone(_driver) -> bool:
            try:
                old_page.is_enabled()
            except (StaleElementReferenceException, WebDriverException):
                # while the documents swap Chromium may also answer "unhandled inspector error" (HTTP 500)
                return True
            return False

        WebDriverWait(browser, 20).until(old_page_gone)
        try:
            WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)).until(
                lambda d: text in d.find_element(By.TAG_NAME, "body").text)
        except TimeoutException:
            pytest.fail(f"{text!r} did not appear; the page at {browser.current_url} shows: "
                        f"{browser.find_element(By.TAG_NAME, 'body').text[:500]!r}")

    token = "render-trainerstoken-123"
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=token),
                             load_records=lambda: []))
    base = f"http://127.0.0.1:{web.server_address[1]}"
    sessions = []
    try:
        for _ in range(2):
            browser.get(base + "/trainer")
            field = browser.find_element(By.ID, "token")
            field.send_keys(token)
            submit_and_wait_for(functools.partial(field.send_keys, Keys.ENTER), "nog geen rollenspellen")
            cookies = browser.execute_cdp_cmd("Network.getCookies", {"urls": [base + "/trainer"]})["cookies"]
            session = [c for c in cookies if c["name"] == "rustpunt_trainer"][0]
            assert session["httpOnly"] and session["sameSite"] == "Strict" and token not in session["value"]
            sessions.append(session["value"])
            submit_and_wait_for(
                browser.find_element(By.CSS_SELECTOR, "form.uitloggen button").click, "Je bent uitgelogd"
            )
            browser.get(base + "/trainer")
            assert "Log in met het trainerstoken" in browser.find_element(By.TAG_NAME, "body").text
        assert sessions[0] != sessions[1]
    finally:
        web.shutdown()
        web.server_close()


def test_trainer_wipes_one_session_in_the_browser_after_a_question(browser):
    """'Wis deze sessie' (fourth user test: a trainee's failed session could not be wiped alone): the button opens a
    question that says what goes; only 'Ja, wis' wipes, as a same-origin POST of the page."""
    from datetime import datetime
    from types import SimpleNamespace

    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    from bot.privacy.forget import ForgottenSession

    def stored(pk, name):
        return SimpleNamespace(pk=pk, data={"titel": "Vader belt", "deelnemer": name, "state": {"turns": []}},
                               status="slecht", created_at=datetime(2026, 12, 3, 9, 0), conversation_id="gesprek",
                               title="Vader belt")

    records = [stored(4, "Joke"), stored(3, "Joke")]
    wiped = []

    def forget_session(number):
        wiped.append(number)
        records[:] = [r for r in records if r.pk != number]
        return ForgottenSession(number=number, sessions=[number], emptied=6, in_chat=True)

    token = "render-trainerstoken-123"
    web = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=token),
                            load_records=lambda: list(records), forget_session=forget_session))
    base = f"http://127.0.0.1:{web.server_address[1]}"

    def body():
        return browser.find_element(By.TAG_NAME, "body").text

    def wait_for(text):  # while Chromium swaps documents, the old <body> goes stale: look again
        WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException)).until(
            lambda d: text in body())

    try:
        browser.get(base + "/trainer")
        field = browser.find_element(By.ID, "token")
        field.send_keys(token)
        field.send_keys(Keys.ENTER)
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sessie-4 form.sessie-wissen"))
        browser.find_element(By.CSS_SELECTOR, "#sessie-4 form.sessie-wissen button").click()
        wait_for("Rollenspel 4 van Joke wissen?")
        assert wiped == [] and "Dit kun je niet ongedaan maken." in body()
        screenshot(browser, "13-trainer-sessie-wissen")
        browser.find_element(By.CSS_SELECTOR, "form.wissen-form button").click()
        wait_for("Rollenspel 4 van Joke is gewist.")
        assert wiped == [4] and "Rollenspel 3 van Joke" in body() and not browser.find_elements(By.ID, "sessie-4-titel")
    finally:
        web.shutdown()
        web.server_close()


class FlakyRasa(FakeRasa):
    """Refuses the first message (a part was down: HTTP 503), answers after; keeps every webhook body."""

    def do_POST(self):  # noqa: N802
        body = self.read_json()
        self.server.bodies.append(body)
        if len(self.server.bodies) == 1:
            self.reply([{"recipient_id": body["sender"], "text": "Je bericht is niet verwerkt."}], 503)
        else:
            self.reply([{"recipient_id": body["sender"], "text": f"Je zei: {body['message']}"}])


def test_opnieuw_proberen_sends_the_same_message_id_and_shows_the_message_once(browser):
    """Session 29: every message gets the page's own id; 'Opnieuw proberen' sends it again with that id (the server
    answers a repeated id from the store), and the message is not listed twice."""
    from selenium.webdriver.support.ui import WebDriverWait

    rasa = start_fake_rasa(FlakyRasa, bodies=[])
    web = serve(make_server(WebConfig(port=0, rasa_url=rasa.url)))
    try:
        browser.get(f"http://127.0.0.1:{web.server_address[1]}/")
        wait_for_history(browser)
        box = browser.find_element(By.ID, "invoer")
        box.send_keys("de moeder belt over haar zoon\n")
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#berichten li.systeem button"))
        browser.find_element(By.CSS_SELECTOR, "#berichten li.systeem button").click()
        WebDriverWait(browser, 20).until(lambda d: "Je zei: de moeder belt" in d.find_element(By.ID, "berichten").text)
        first, again = rasa.bodies
        assert first["message_id"] == again["message_id"] and first["message_id"].startswith("web-")
        mine = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#berichten li.van-gebruiker")]
        assert len(mine) == 1 and "de moeder belt over haar zoon" in mine[0]
        box.send_keys("en de vader?\n")
        WebDriverWait(browser, 20).until(lambda d: len(rasa.bodies) == 3)
        assert rasa.bodies[2]["message_id"] != first["message_id"]  # a new message, a new id
    finally:
        stop(web, rasa)
