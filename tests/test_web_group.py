"""The trainers' group view over HTTP: /trainer/groep behind the trainer login, HTML, CSV, print,
and bad input answered in Dutch (no stack trace, nothing from the store shown that was not asked for)."""
from __future__ import annotations

import base64
import hashlib
import re
import urllib.parse

import pytest

from bot.roleplay.report import read_csv
from tests.fake_rasa import free_port
from tests.test_roleplay_group import BAD, GOOD, record
from tests.test_web_server import TOKEN, _web, request

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _records():
    return [
        record(1, "Anna", "Najaar-2026", "goed", GOOD),
        record(2, "Anna", "Najaar-2026", "slecht", BAD, day="2026-11-12", pogingen=[{"vanaf_beurt": 1}]),
        record(3, "Bram", "Najaar-2026", "slecht", [("erkennen", -1), ("oordelen", 3)], day="2026-11-20"),
        record(4, "Cas", "Andere-groep", "goed", GOOD, day="2026-11-21"),
    ]


@pytest.fixture
def web():
    server = _web(f"http://127.0.0.1:{free_port()}", load_records=_records)
    yield server
    server.shutdown()
    server.server_close()


def get(server, query="", headers=AUTH):
    return request(server, "GET", "/trainer/groep" + (f"?{query}" if query else ""), headers=headers)


def q(**params):
    return urllib.parse.urlencode(params)


def test_group_view_needs_the_trainer_login(web):
    status, headers, html = get(web, q(groep="Najaar-2026"), headers={})
    assert status == 401 and "Log in met het trainerstoken" in html
    assert "Anna" not in html
    status, _, html = get(web, q(groep="Najaar-2026"), headers={"Authorization": "Bearer fout-token-12345"})
    assert status == 401 and "Anna" not in html
    status, _, html = get(web, q(groep="Najaar-2026", formaat="csv"), headers={"Cookie": "rustpunt_trainer=nep"})
    assert status == 401 and "Anna" not in html


def test_the_login_cookie_of_the_trainers_page_opens_the_group_view(web):
    status, headers, _ = request(web, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, html = get(web, q(groep="Najaar-2026"), headers={"Cookie": cookie})
    assert status == 200 and "Groepsoverzicht rollenspellen: Najaar-2026" in html


def test_trainers_page_offers_the_group_view_with_the_known_groups(web):
    status, _, html = request(web, "GET", "/trainer", headers=AUTH)
    assert status == 200
    assert '<form method="get" action="/trainer/groep"' in html
    assert '<option value="Najaar-2026">' in html and '<option value="Andere-groep">' in html
    assert 'name="van" type="date"' in html and 'name="tot" type="date"' in html


def test_group_page_shows_the_group_with_charts_under_a_strict_csp(web):
    status, headers, html = get(web, q(groep="najaar-2026", van="2026-11-01", tot="2026-11-30"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "2 deelnemers, 3 sessies, van 01-11-2026 tot en met 30-11-2026." in html
    assert "Anna" in html and "Bram" in html and "Cas" not in html  # another group stays out
    assert "<svg" in html and "<polyline" in html and "<script" not in html
    assert "1x opnieuw geprobeerd" in html
    assert "formaat=csv" in html and "formaat=print" in html
    # no inline script, no style attributes; only the page's own stylesheet is allowed, by its hash
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp
    assert ' style="' not in html
    block = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
    assert f"style-src 'self' 'sha256-{digest}';" in csp


def test_date_range_narrows_the_group(web):
    _, _, html = get(web, q(groep="Najaar-2026", van="10-11-2026", tot="2026-11-15"))
    assert "1 deelnemer, 2 sessies, van 10-11-2026 tot en met 15-11-2026." in html and "Bram" not in html


def test_csv_download(web):
    status, headers, body = get(web, q(groep="Najaar-2026", formaat="csv"))
    assert status == 200
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"] == 'attachment; filename="groep-Najaar-2026.csv"'
    assert body.startswith("\ufeffGroep;Deelnemer;")  # what Excel in Dutch opens in columns, with Dutch headings
    rows = read_csv(body)
    assert [(r["deelnemer"], r["sessie"], r["afloop"]) for r in rows] == [
        ("Anna", "1", "goed afgelopen"), ("Anna", "2", "misgelopen"), ("Bram", "3", "misgelopen")]
    assert rows[1]["opnieuw_geprobeerd"] == "1"


def test_csv_file_name_never_carries_odd_characters():
    def odd_records():
        return [record(1, "Anna", 'a"b/../c X-Kop: 1', "goed", GOOD)]

    server = _web(f"http://127.0.0.1:{free_port()}", load_records=odd_records)
    try:
        status, headers, _ = get(server, q(groep='a"b/../c X-Kop: 1', formaat="csv"))
        assert status == 200
        assert headers["Content-Disposition"] == 'attachment; filename="groep-a-b-c-X-Kop-1.csv"'
        assert "X-Kop" not in headers.keys()
    finally:
        server.shutdown()
        server.server_close()


def test_printable_version(web):
    status, _, html = get(web, q(groep="Najaar-2026", formaat="print"))
    assert status == 200 and "Anna" in html
    assert "formaat=csv" not in html and "Naar alle rollenspellen" not in html
    assert "details.sessie-details { display: none; }" in html


def test_no_group_chosen_yet_shows_the_form(web):
    status, _, html = get(web)
    assert status == 200
    assert "Geef de groepscode op" in html and '<option value="Najaar-2026">' in html


@pytest.mark.parametrize(
    "params, status, words",
    [
        ({"groep": "Bestaat-niet"}, 200, "Geen sessies gevonden voor groep"),
        ({"groep": "Bestaat-niet", "formaat": "csv"}, 404, "Er is geen CSV gemaakt"),
        ({"groep": "Najaar-2026", "van": "31-31-2026"}, 400, "is niet geldig: &#39;31-31-2026&#39;"),
        ({"groep": "Najaar-2026", "tot": "gisteren", "formaat": "csv"}, 400, "niet geldig"),
        ({"groep": "Najaar-2026", "van": "2026-12-01", "tot": "2026-11-01"}, 400, "begindatum ligt na de einddatum"),
        ({"groep": "Najaar-2026", "van": "9" * 5000}, 400, "niet geldig"),
        ({"groep": "x" * 61}, 400, "De groepscode is te lang (maximaal 60 tekens)"),
        ({"groep": "Najaar-2026", "formaat": "pdf"}, 400, "Onbekend formaat"),
        ({"groep": "Najaar-2026", "formaat": "<script>"}, 400, "Onbekend formaat"),
        ({"groep": "' OR 1=1 --"}, 200, "Geen sessies gevonden voor groep"),
        ({"groep": "<script>alert(1)</script>"}, 200, "Geen sessies gevonden"),
        ({"groep": "{{ 7*7 }}"}, 200, "Geen sessies gevonden"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_no_stack_trace(web, params, status, words):
    got, headers, html = get(web, q(**params))
    assert got == status
    assert words in html
    assert headers["Content-Type"].startswith("text/html")
    for leak in ("Traceback", "GroupError", "ValueError", "<script>"):
        assert leak not in html
    if params["groep"] == "{{ 7*7 }}":
        assert "{{ 7*7 }}" in html  # shown as typed, never evaluated
    assert "Anna" not in html  # nothing of the group is shown for bad input


def test_broken_store_is_explained_in_dutch():
    server = _web(f"http://127.0.0.1:{free_port()}",
                  load_records=lambda: (_ for _ in ()).throw(RuntimeError("db weg")))
    try:
        status, _, html = get(server, q(groep="Najaar-2026"))
        assert status == 500 and "konden niet worden gelezen" in html and "db weg" not in html
    finally:
        server.shutdown()
        server.server_close()


def test_group_view_only_answers_get(web):
    status, _, html = request(web, "POST", "/trainer/groep", "groep=Najaar-2026", headers=AUTH)
    assert status == 405 and "Anna" not in html


# ---- the transcript of one session, linked from its row (a user test of session 25) ------------------------------
def _masked_records():
    records = _records()
    records[2].data["state"]["turns"][0]["tekst"] = "Ik bel je terug op [TELEFOON], [NAAM]."  # masked as stored
    return records


@pytest.fixture
def masked_web():
    server = _web(f"http://127.0.0.1:{free_port()}", load_records=_masked_records)
    yield server
    server.shutdown()
    server.server_close()


def test_each_session_row_links_to_its_transcript_behind_the_login(masked_web):
    _, _, html = get(masked_web, q(groep="Najaar-2026"))
    rows = html.split("<h2>Sessies per deelnemer</h2>")[1].split("</table>")[0]
    links = re.findall(r'<a class="niet-printen" href="(/trainer/sessie\?sessie=\d+)"', rows)
    assert links == ["/trainer/sessie?sessie=1", "/trainer/sessie?sessie=2", "/trainer/sessie?sessie=3"]
    status, _, page = request(masked_web, "GET", links[2], headers=AUTH)
    assert status == 200 and "Rollenspel 3" in page and "Bram" in page
    assert "<details open><summary>Transcript (2 beurten)</summary>" in page
    assert "Ik bel je terug op [TELEFOON], [NAAM]." in page  # the transcript as stored: masked
    assert 'href="/trainer/groep?groep=Najaar-2026"' in page  # the way back to the group
    _, _, printable = get(masked_web, q(groep="Najaar-2026", formaat="print"))
    assert "/trainer/sessie?sessie=" not in printable  # a printed page has nothing to click


def test_the_transcript_page_needs_the_login_and_a_stored_session(masked_web):
    for headers in ({}, {"Authorization": "Bearer fout-token-12345"}, {"Cookie": "rustpunt_trainer=nep"}):
        status, _, page = request(masked_web, "GET", "/trainer/sessie?sessie=3", headers=headers)
        assert status == 401 and "Bram" not in page and "[TELEFOON]" not in page
    status, headers, _ = request(masked_web, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, page = request(masked_web, "GET", "/trainer/sessie?sessie=3", headers={"Cookie": cookie})
    assert status == 200 and "Bram" in page
    status, _, page = request(masked_web, "GET", "/trainer/sessie?sessie=99", headers=AUTH)
    assert status == 404 and "Dit rollenspel bestaat niet (meer)." in page and "ollenspel 99" not in page
    for bad in ("", "sessie=drie", "sessie=%3Cscript%3E", "sessie=-3"):
        status, _, page = request(masked_web, "GET", "/trainer/sessie?" + bad, headers=AUTH)
        assert status == 400 and "Dat is geen sessienummer" in page and "<script>" not in page
