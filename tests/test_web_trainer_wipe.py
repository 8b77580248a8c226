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


def _serving(stored):
    """A trainers' page over ``stored`` whose wipe removes a session and its follow-up (5 continues 4)."""
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


@pytest.fixture
def site():
    yield from _serving([session(5, "Joke", vervolg_van=4, vervolg_vanaf=2), session(4, "Joke"),
                         session(3, "Ali", None)])


def test_every_session_has_a_wipe_button_that_first_asks(site):
    status, _, html = request(site.server, "GET", "/trainer", headers=AUTH)
    assert status == 200
    assert html.count('action="/trainer/sessie/wissen"') == 3 and 'name="sessie" value="4"' in html
    assert 'method="get" action="/trainer/sessie/wissen"' in html  # opening the question wipes nothing
    status, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=4", headers=AUTH)
    assert status == 200 and site.wiped == []
    assert "Rollenspel 4 van Joke wissen?" in html
    assert "Ook sessie 5 van Joke wordt gewist" in html  # the retry after the end holds a copy of its turns
    assert "worden de beurten van dit rollenspel en de antwoorden erop leeggemaakt" in html
    assert "Dit kun je niet ongedaan maken." in html
    assert '<form method="post" action="/trainer/sessie/wissen"' in html and "Ja, wis rollenspel 4" in html
    _, _, html = request(site.server, "GET", "/trainer/sessie/wissen?sessie=3", headers=AUTH)
    assert "in de terminal" in html and "Ook sessie" not in html


def test_wiping_removes_the_session_and_says_what_happened_in_dutch(site):
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM})
    assert status == 200 and site.wiped == [4]
    assert "Rollenspel 4 van Joke is gewist." in html and "Ook sessie 5 van Joke is gewist" in html
    assert 'role="status"' in html and "Rollenspel 3 van Ali" in html and 'id="sessie-4-titel"' not in html
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=4", {**AUTH, **FORM})
    assert status == 404 and "Dit rollenspel bestaat niet (meer); er is niets gewist." in html


def test_the_login_cookie_wipes_from_the_page_itself(site):
    status, headers, _ = request(site.server, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}), FORM)
    cookie = headers["Set-Cookie"].split(";")[0]
    same_site = {**FORM, "Cookie": cookie, "Origin": f"http://127.0.0.1:{site.server.server_address[1]}",
                 "Sec-Fetch-Site": "same-origin"}
    status, _, html = request(site.server, "POST", "/trainer/sessie/wissen", "sessie=3", same_site)
    assert status == 200 and site.wiped == [3] and "Rollenspel 3 van Ali is gewist." in html


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
    assert status == 404 and "Dit rollenspel bestaat niet (meer)" in html and "ollenspel 99" not in html


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


# ---- 'Wis alle sessies van deze groep' on the group page (a user test of session 25) ----------------------------
def _dated(pk, name, group, day, conversation="gesprek-1", **data):
    record = session(pk, name, conversation, **data)
    record.data["groep"] = group
    record.created_at = datetime(2026, 12, day, 9, 0)
    return record


@pytest.fixture
def group_site():
    yield from _serving([_dated(5, "Joke", "Noord", 4, vervolg_van=4, vervolg_vanaf=2), _dated(4, "Joke", "Noord", 3),
                         _dated(3, "Ali", "Noord", 2, None), _dated(2, "Sem", "Zuid", 2), _dated(1, "Ali", "Noord", 1)])


def test_the_group_page_asks_first_naming_how_many_sessions_of_how_many_trainees(group_site):
    status, _, html = request(group_site.server, "GET", "/trainer/groep?groep=Noord", headers=AUTH)
    assert status == 200 and '<form class="niet-printen wis-groep" method="get" action="/trainer/groep/wissen">' in html
    assert "Wis alle sessies van deze groep</button>" in html
    status, _, html = request(group_site.server, "GET", "/trainer/groep/wissen?groep=noord", headers=AUTH)
    assert status == 200 and group_site.wiped == []  # opening the question wipes nothing
    assert "Alle sessies van groep Noord wissen?" in html
    assert "Hiermee wis je <strong>4 sessies van 2 deelnemers</strong> uit groep Noord:" in html
    assert "<li>Ali: 2 sessies (1, 3)</li>" in html and "<li>Joke: 2 sessies (4, 5)</li>" in html
    assert "Sem" not in html  # another group
    assert "bevat deze sessies nog: verwijder die zelf" in html  # exported copies are not wiped
    assert "worden hun beurten en de antwoorden erop leeggemaakt" in html
    assert "Dit kun je niet ongedaan maken." in html
    assert '<form method="post" action="/trainer/groep/wissen"' in html
    assert 'name="sessies" value="1 3 4 5"' in html and "Ja, wis 4 sessies van groep Noord" in html
    # a period: only the sessions shown for it
    _, _, html = request(group_site.server, "GET", "/trainer/groep/wissen?groep=Noord&van=2026-12-02&tot=2026-12-03",
                         headers=AUTH)
    assert "Hiermee wis je <strong>2 sessies van 2 deelnemers</strong> uit groep Noord (van 02-12-2026 tot en met " \
           "03-12-2026):" in html
    assert 'name="sessies" value="3 4"' in html
    assert "Ook sessie 5 van Joke wordt gewist: een nieuwe poging" in html  # the retry continuing 4, outside the period


def test_wiping_the_group_wipes_the_named_sessions_of_that_group_only(group_site):
    status, _, html = request(group_site.server, "POST", "/trainer/groep/wissen",
                              "groep=Noord&van=&tot=&sessies=1+3+4+5+2", {**AUTH, **FORM})
    assert status == 200
    assert group_site.wiped == [1, 3, 4]  # 5 went with 4; 2 is of group Zuid and stays
    assert [r.pk for r in group_site.stored] == [2]
    assert "Van groep &#39;Noord&#39; zijn 4 sessies gewist (1 van Ali, 3 van Ali, 4 van Joke en 5 van Joke)." in html
    assert "bevat deze sessies nog" in html and 'role="status"' in html
    status, _, html = request(group_site.server, "POST", "/trainer/groep/wissen", "groep=Noord&sessies=1",
                              {**AUTH, **FORM})
    assert status == 404 and "Er is niets gewist." in html and group_site.wiped == [1, 3, 4]


def test_sessions_outside_the_chosen_period_are_named_as_such_and_not_wiped(group_site):
    status, _, html = request(group_site.server, "POST", "/trainer/groep/wissen",
                              "groep=Noord&van=2026-12-02&tot=2026-12-03&sessies=1", {**AUTH, **FORM})
    assert status == 404 and "horen niet (meer) bij deze groep en de gekozen periode." in html
    assert "Er is niets gewist." in html and group_site.wiped == []
    status, _, html = request(group_site.server, "POST", "/trainer/groep/wissen", "groep=Noord&sessies=2",
                              {**AUTH, **FORM})  # session 2 is of group Zuid; no period was chosen, none is named
    assert status == 404 and "horen niet (meer) bij deze groep. Er is niets gewist." in html
    assert group_site.wiped == []


def test_a_session_that_joined_the_group_after_the_question_is_not_wiped(group_site):
    status, _, _ = request(group_site.server, "POST", "/trainer/groep/wissen", "groep=Noord&sessies=3",
                           {**AUTH, **FORM})
    assert status == 200 and group_site.wiped == [3]
    assert sorted(r.pk for r in group_site.stored) == [1, 2, 4, 5]


def test_wiping_a_group_needs_the_login_and_this_site(group_site):
    body = "groep=Noord&sessies=1+3+4+5"
    status, _, html = request(group_site.server, "GET", "/trainer/groep/wissen?groep=Noord")
    assert status == 401 and "Joke" not in html
    status, _, _ = request(group_site.server, "POST", "/trainer/groep/wissen", body, FORM)
    assert status == 401
    status, _, _ = request(group_site.server, "POST", "/trainer/groep/wissen", body,
                           {**FORM, "Cookie": "rustpunt_trainer=nep"})
    assert status == 401
    for headers in ({"Origin": "https://elders.example", "Sec-Fetch-Site": "cross-site"},
                    {"Sec-Fetch-Site": "same-site", "Origin": "null"}):
        status, _, html = request(group_site.server, "POST", "/trainer/groep/wissen", body,
                                  {**AUTH, **FORM, **headers})
        assert status == 403 and "andere website" in html
    status, _, _ = request(group_site.server, "GET", "/trainer/groep/wissen?groep=Noord&sessies=1",
                           headers=AUTH)
    assert status == 200  # a GET only asks
    assert group_site.wiped == []


@pytest.mark.parametrize("body, status, words", [
    ("groep=Noord&sessies=", 400, "geen geldige sessienummers"),
    ("groep=Noord&sessies=een+twee", 400, "geen geldige sessienummers"),
    ("groep=Noord&sessies=1+%3Cscript%3E", 400, "geen geldige sessienummers"),
    ("groep=&sessies=1", 400, "Geef de groepscode op"),
    ("groep=Noord&van=gisteren&sessies=1", 400, "niet geldig"),
    ("groep=Bestaat-niet&sessies=1", 404, "Geen sessies gevonden voor groep"),
])
def test_a_bad_group_wipe_wipes_nothing_and_says_so_in_dutch(group_site, body, status, words):
    got, _, html = request(group_site.server, "POST", "/trainer/groep/wissen", body, {**AUTH, **FORM})
    assert got == status and words in html and "Er is niets gewist." in html
    assert "<script>" not in html and group_site.wiped == []


def test_a_failure_halfway_says_what_was_wiped_and_what_not():
    stored = [_dated(3, "Ali", "Noord", 2, None), _dated(1, "Ali", "Noord", 1)]

    def forget_session(number):
        if number == 3:
            raise RuntimeError("database weg")
        stored[:] = [r for r in stored if r.pk != number]
        return ForgottenSession(number=number, sessions=[number], emptied=0, in_chat=False)

    server = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=TOKEN),
                               load_records=lambda: list(stored), forget_session=forget_session))
    try:
        status, _, html = request(server, "POST", "/trainer/groep/wissen", "groep=Noord&sessies=1+3",
                                  {**AUTH, **FORM})
        assert status == 200 and "Van groep &#39;Noord&#39; is 1 sessie gewist (1 van Ali)." in html
        assert "Het wissen is daarna mislukt: 1 sessie is niet gewist." in html and "database weg" not in html
        status, _, html = request(server, "POST", "/trainer/groep/wissen", "groep=Noord&sessies=3", {**AUTH, **FORM})
        assert status == 500 and "er is niets gewist" in html
    finally:
        server.shutdown()
        server.server_close()
