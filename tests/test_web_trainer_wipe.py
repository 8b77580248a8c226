"""'Wis deze sessie' on the trainers' page (fourth user test: the page had no way to wipe one session when a trainee
asked): a button per session, a question first that says what goes, then a POST behind the trainer login that only
this site can send. Tested through the page's HTTP handlers, with the wiping itself injected."""
from __future__ import annotations

import urllib.parse
from datetime import datetime
from types import SimpleNamespace

import pytest

from bot.privacy.forget import ForgottenSession
from bot.web.config import WebConfig
from bot.web.server import make_server
from tests.fake_rasa import free_port, serve
from tests.test_web_server import TOKEN, request

AUTH = {"Authorization": f"Bearer {TOKEN}"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def session(pk, name, conversation="gesprek-1", **data):
    return SimpleNamespace(pk=pk, data={"scenario": "vader", "titel": "Vader belt", "deelnemer": name, "groep": "Noord",
                                        "state": {"turns": []}, **data},
                           status="slecht", created_at=datetime(2026, 12, 3, 9, 0), conversation_id=conversation,
                           title="Vader belt")


@pytest.fixture
def site():
    stored = [session(5, "Joke", vervolg_van=4, vervolg_vanaf=2), session(4, "Joke"), session(3, "Ali", None)]
    wiped = []

    def forget_session(number):
        wiped.append(number)
        gone = [r.pk for r in stored if r.pk == number or (r.pk == 5 and number == 4)]
        stored[:] = [r for r in stored if r.pk not in gone]
        return ForgottenSession(number=number, sessions=gone, emptied=9 if gone else 0, in_chat=bool(gone))

    server = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=TOKEN),
                               load_records=lambda: list(stored), forget_session=forget_session))
    yield SimpleNamespace(server=server, wiped=wiped, stored=stored)
    server.shutdown()
    server.server_close()


def test_every_session_has_a_wipe_button_that_first_asks(site):
    status, _, html = request(site.server, "GET", "/trainer", headers=AUTH)
    assert status == 200
    assert html.count('action="/trainer/sessie/wissen"') == 3 and 'name="sessie" value="4"' in html
    assert 'method="get" action="/trainer/sessie/wissen"' in html  # opening the question wipes nothing
    status, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=4", headers=AUTH)
    assert status == 200 and site.wiped == []
    assert "Rollenspel 4 wissen?" in html and "Joke" in html
    assert "Ook sessie 5 wordt gewist" in html  # the retry after the end holds a copy of its turns
    assert "worden de beurten van dit rollenspel en de antwoorden erop leeggemaakt" in html
    assert "Dit kun je niet ongedaan maken." in html
    assert '<form method="post" action="/trainer/sessie/wissen"' in html and "Ja, wis rollenspel 4" in html
    _, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=3", headers=AUTH)
    assert "in de terminal" in html and "Ook sessie" not in html


def test_wiping_removes_the_session_and_says_what_happened_in_dutch(site):
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM})
    assert status == 200 and site.wiped == [4]
    assert "Rollenspelsessie 4 is gewist." in html and "Ook sessie 5 is gewist" in html
    assert 'role="status"' in html and "Rollenspel 3" in html and "Rollenspel 4:" not in html
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM})
    assert status == 404 and "Rollenspel 4 bestaat niet (meer); er is niets gewist." in html


def test_the_login_cookie_wipes_from_the_page_itself(site):
    status, headers, _ = request(site.server, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}), FORM)
    cookie = headers["Set-Cookie"].split(";")[0]
    same_site = {**FORM, "Cookie": cookie, "Origin": f"http://127.0.0.1:{site.server.server_address[1]}",
                 "Sec-Fetch-Site": "same-origin"}
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=3", same_site)
    assert status == 200 and site.wiped == [3] and "Rollenspelsessie 3 is gewist." in html


@pytest.mark.parametrize("headers", [
    {"Origin": "https://elders.example", "Sec-Fetch-Site": "cross-site"},  # another website's form
    {"Sec-Fetch-Site": "same-site", "Origin": "null"},
])
def test_no_other_website_can_wipe_a_session(site, headers):
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM, **headers})
    assert status == 403 and site.wiped == [] and "andere website" in html


def test_without_the_trainer_login_nothing_is_asked_or_wiped(site):
    status, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=4")
    assert status == 401 and "Joke" not in html
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", FORM)
    assert status == 401 and site.wiped == []
    status, _, _ = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4",
                           {**FORM, "Cookie": "rustpunt_trainer=nep"})
    assert status == 401 and site.wiped == []


@pytest.mark.parametrize("query", ["", "sessie=", "sessie=vier", "sessie=-1", "sessie=" + "9" * 40,
                                   "sessie=%3Cscript%3E"])
def test_a_bad_number_is_answered_in_dutch(site, query):
    status, _, html = request(site.server, "GET", "/trainer/sessie/wissen?" + query, headers=AUTH)
    assert status == 400 and "Dat is geen sessienummer" in html and "<script>" not in html
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", query, {**AUTH, **FORM})
    assert status == 400 and site.wiped == []
    status, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=99", headers=AUTH)
    assert status == 404 and "Rollenspel 99 bestaat niet (meer)" in html


def test_a_failure_wipes_nothing_and_says_so():
    def broken(number):
        raise RuntimeError("database weg")

    server = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=TOKEN),
                               load_records=lambda: [session(4, "Joke")], forget_session=broken))
    try:
        status, _, html = request(server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM})
        assert status == 500 and "er is niets gewist" in html and "database weg" not in html
    finally:
        server.shutdown()
        server.server_close()
