"""The web server without a browser: static files, chat proxy, history, trainers' page.

A tiny fake Rasa (a real HTTP server on a free port) stands in for Rasa where the test needs
answers; 'Rasa is down' is a port where nothing listens.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from bot.records import add_record
from bot.web import conversation, messages
from bot.web.config import ConfigError, WebConfig
from bot.web.server import make_server
from bot.web.trainer_auth import TrainerGate
from tests.fake_rasa import FakeRasa, free_port, serve

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "geheim-trainerstoken-123"


class ScriptedRasa(FakeRasa):
    """Answers like Rasa 3.6 does; ``server.mode`` switches to failures, ``server.seen`` is what was asked,
    ``server.events`` the one tracker every conversation gets."""

    model_status = {"model_id": "abc", "model_file": "models/x.tar.gz"}

    def tracker_events(self, sender):
        self.server.seen.append(("tracker", sender))
        return self.server.events

    def do_POST(self):  # noqa: N802
        body = self.read_json()
        self.server.seen.append(("webhook", body))
        if self.server.mode == "error":
            self.reply({"error": "boom"}, 500)
        elif self.server.mode == "not_recorded":  # a part behind Rasa is down (our retry-safe REST channel)
            self.reply([{"recipient_id": body["sender"], "text": "Ik kan je bericht nu niet verwerken."}], 503)
        elif self.server.mode == "garbage":
            self.reply(b"<html>not json</html>", 200, "text/html")
        else:
            self.reply(
                [
                    {"recipient_id": body["sender"], "text": f"Je zei: {body['message']}",
                     "buttons": [{"title": "Sociale kaart", "payload": "/start_kaart"}]},
                    {"recipient_id": body["sender"], "custom": {"soort": "rollenspel_beurt", "spanning": 6}},
                ],
            )


def without_message_id(seen):
    """A webhook call as Rasa got it, without the id every message now carries (a new one when the client gave none)."""
    kind, body = seen
    body = dict(body)
    assert re.fullmatch(r"web-[0-9a-f]{32}", body.pop("message_id"))
    return kind, body


def _web(rasa_url, token=TOKEN, load_records=None):
    config = WebConfig(host="127.0.0.1", port=0, rasa_url=rasa_url, trainer_token=token,
                       chat_timeout=5, history_timeout=5)
    kwargs = {"load_records": load_records} if load_records else {}
    return serve(make_server(config, **kwargs))


@pytest.fixture
def web_up(fake_rasa):
    server = _web(f"http://127.0.0.1:{fake_rasa.server_address[1]}")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def web_down():
    server = _web(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    yield server
    server.shutdown()
    server.server_close()


def request(server, method, path, body=None, headers=None, cookie=None):
    """One HTTP request; headers come back case-insensitive. ``cookie`` (default: this test
    browser's conversation secret) goes along as the conversation cookie; ``cookie=""`` sends none."""
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    data = body
    hdrs = dict(headers or {})
    cookie = SECRET if cookie is None else cookie
    if cookie and not any(k.lower() == "cookie" for k in hdrs):
        hdrs["Cookie"] = f"{conversation.COOKIE_NAME}={cookie}"
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        data = body.encode()
    conn.request(method, path, body=data, headers=hdrs)
    resp = conn.getresponse()
    raw = resp.read()
    conn.close()
    return resp.status, resp.headers, raw.decode("utf-8", "replace")


SECRET = "k1aQy6bqS2mV4RkP0wq3Zf8sXcN5dLhT7uJ9eG2yA1o"  # this test browser's conversation cookie
SENDER = conversation.conversation_id(SECRET)  # the conversation id Rasa sees for it


# ---- static files ---------------------------------------------------------------------------
def test_index_page_is_served_in_dutch_with_local_script_and_style(web_down):
    status, headers, body = request(web_down, "GET", "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert '<html lang="nl">' in body
    assert 'src="/static/app.js"' in body and 'href="/static/style.css"' in body
    assert "http://" not in body and "https://" not in body  # nothing from elsewhere
    assert 'aria-live="polite"' in body and '<label for="invoer">' in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("name,kind", [("app.js", "javascript"), ("style.css", "text/css")])
def test_static_assets_are_served_with_their_type(web_down, name, kind):
    status, headers, body = request(web_down, "GET", f"/static/{name}")
    assert status == 200
    assert kind in headers["Content-Type"]
    assert body == (ROOT / "bot" / "web" / "static" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["/static/../server.py", "/static/%2e%2e/config.py", "/static/nope.js",
                                  "/static/", "/geheim", "/static/..%2f..%2fpyproject.toml"])
def test_unknown_and_traversal_paths_are_404_in_dutch(web_down, path):
    status, _, body = request(web_down, "GET", path)
    assert status == 404
    assert "bestaat niet" in body
    assert "import" not in body and "[project]" not in body


def test_static_assets_load_nothing_from_the_internet():
    for name in ("index.html", "app.js", "style.css"):
        text = (ROOT / "bot" / "web" / "static" / name).read_text(encoding="utf-8")
        assert "//cdn" not in text and "googleapis" not in text and "@import" not in text
        assert "innerHTML" not in text  # assistant text goes in with textContent only


# ---- chat proxy -----------------------------------------------------------------------------
def test_chat_passes_message_to_rasa_and_normalises_answers(web_up, fake_rasa):
    status, _, body = request(web_up, "POST", "/api/chat", {"message": "  hallo  "})
    assert status == 200
    assert without_message_id(fake_rasa.seen[-1]) == ("webhook", {"sender": SENDER, "message": "hallo"})
    answer = json.loads(body)["berichten"]
    assert answer[0]["text"] == "Je zei: hallo"
    assert answer[0]["buttons"] == [{"title": "Sociale kaart", "payload": "/start_kaart"}]
    assert answer[1]["custom"] == {"soort": "rollenspel_beurt", "spanning": 6}


def test_participant_and_group_go_to_rasa_as_metadata(web_up, fake_rasa):
    metadata = {"deelnemer": "  Deelnemer K7  ", "groep": "Jeugdhulp\tnajaar 2024 "}
    status, _, _ = request(web_up, "POST", "/api/chat", {"message": "hallo", "metadata": metadata})
    assert status == 200
    assert without_message_id(fake_rasa.seen[-1]) == (
        "webhook",
        {
            "sender": SENDER,
            "message": "hallo",
            "metadata": {"deelnemer": "Deelnemer K7", "groep": "Jeugdhulp najaar 2024"},
        },
    )


@pytest.mark.parametrize(
    "metadata,expected",
    [
        ({"deelnemer": "Anna", "groep": 7}, {"deelnemer": "Anna"}),                  # not a string
        ({"deelnemer": "x" * 41, "groep": "A"}, {"groep": "A"}),                     # too long
        ({"deelnemer": "x" * 40}, {"deelnemer": "x" * 40}),                          # exactly the limit
        ({"groep": "x" * 61}, None), ({"groep": "x" * 60}, {"groep": "x" * 60}),    # a group's limit
        ({"deelnemer": "   ", "groep": ""}, None),                                   # empty after trimming
        ({"deelnemer": ["Anna"], "groep": {"naam": "A"}}, None),                     # lists and objects
        ({"deelnemer": "An\x00na", "groep": "B\u202eA"}, None),                     # control characters
        ({"deelnemer": "Anna", "rol": "admin", "sender": "iemand-anders-123"}, {"deelnemer": "Anna"}),
        ({"deelnemer": "'; DROP TABLE records;--"}, {"deelnemer": "'; DROP TABLE records;--"}),  # just text
        ("Anna", None),
        (["Anna"], None),
        (None, None),
    ],
)
def test_invalid_metadata_is_dropped_and_the_message_still_goes_through(web_up, fake_rasa, metadata, expected):
    status, _, body = request(web_up, "POST", "/api/chat", {"message": "hallo", "metadata": metadata})
    assert status == 200
    assert json.loads(body)["berichten"][0]["text"] == "Je zei: hallo"
    sent = fake_rasa.seen[-1][1]
    assert sent.get("metadata") == expected
    if expected is None:
        assert "metadata" not in sent


def test_chat_page_has_labelled_optional_fields_for_the_trainer(web_down):
    _, _, body = request(web_down, "GET", "/")
    assert '<label for="deelnemer">Je naam of code (voor je trainer)</label>' in body
    assert '<label for="groep">Groep</label>' in body
    assert 'id="deelnemer" name="deelnemer" maxlength="40"' in body and body.count('maxlength="60"') == 1
    assert "required" not in body.split('id="training"')[1].split("</details>")[0]
    assert "volledige naam is niet nodig" in body
    assert "bewaard zoals je het typt" in body  # the participant's own code is not masked (session 24)


def test_chat_when_rasa_is_down_says_so_in_dutch(web_down):
    status, _, body = request(web_down, "POST", "/api/chat", {"message": "hallo"})
    assert status == 503
    assert "niet bereikbaar" in json.loads(body)["fout"]


def test_history_and_status_when_rasa_is_down(web_down):
    status, _, body = request(web_down, "GET", "/api/history")
    assert status == 503 and "niet bereikbaar" in json.loads(body)["fout"]
    status, _, body = request(web_down, "GET", "/api/status")
    assert status == 200
    assert json.loads(body)["bereikbaar"] is False


@pytest.mark.parametrize("mode", ["error", "garbage"])
def test_broken_rasa_answers_become_a_dutch_502(web_up, fake_rasa, mode):
    fake_rasa.mode = mode
    status, _, body = request(web_up, "POST", "/api/chat", {"message": "hallo"})
    assert status == 502
    assert "onverwacht antwoord" in json.loads(body)["fout"]


def test_a_turn_rasa_could_not_record_shows_rasas_dutch_message(web_up, fake_rasa):
    fake_rasa.mode = "not_recorded"
    status, _, body = request(web_up, "POST", "/api/chat", {"message": "hallo"})
    assert status == 503
    assert json.loads(body)["fout"] == "Ik kan je bericht nu niet verwerken."


@pytest.mark.parametrize(
    "payload,status,words",
    [
        ({"message": ""}, 400, "Typ eerst"),
        ({"message": "   \n "}, 400, "Typ eerst"),
        ({"message": 42}, 400, "Typ eerst"),
        ({"message": "a" * 2001}, 413, "te lang"),
        (["geen", "object"], 400, "niet lezen"),
    ],
)
def test_bad_chat_input_gets_a_dutch_message_and_never_reaches_rasa(web_up, fake_rasa, payload, status, words):
    code, _, body = request(web_up, "POST", "/api/chat", payload)
    assert code == status
    assert words in json.loads(body)["fout"]
    assert not [s for s in fake_rasa.seen if s[0] == "webhook"]


def test_non_json_and_oversized_bodies_are_refused(web_up):
    code, _, body = request(web_up, "POST", "/api/chat", "dit is geen json",
                            {"Content-Type": "application/json"})
    assert code == 400 and "niet lezen" in json.loads(body)["fout"]
    code, _, body = request(web_up, "POST", "/api/chat", "x" * 20_000, {"Content-Type": "application/json"})
    assert code == 413 and "te groot" in json.loads(body)["fout"]


@pytest.mark.parametrize("given", ["'; DROP TABLE x;--", "../../status", "iemand-anders-1234", SENDER + "x"])
def test_a_sender_in_the_body_is_ignored_rasa_sees_the_cookies_conversation(web_up, fake_rasa, given):
    status, _, _ = request(web_up, "POST", "/api/chat", {"sender": given, "message": "hallo"})
    assert status == 200
    assert without_message_id(fake_rasa.seen[-1]) == ("webhook", {"sender": SENDER, "message": "hallo"})


def test_dutch_non_ascii_and_injection_text_is_passed_on_unchanged(web_up, fake_rasa):
    text = "Één ouder zegt: \"ik ben het slachtoffer\" <script>alert(1)</script> '; DROP TABLE x;--"
    status, _, body = request(web_up, "POST", "/api/chat", {"message": text})
    assert status == 200
    assert fake_rasa.seen[-1][1]["message"] == text
    assert json.loads(body)["berichten"][0]["text"] == f"Je zei: {text}"


def test_history_restores_the_conversation_with_button_titles(web_up, fake_rasa):
    fake_rasa.events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "hallo"},
        {"event": "bot", "text": "Waar wil je mee aan de slag?",
         "data": {"buttons": [{"title": "Sociale kaart", "payload": "/start_kaart"}]}},
        {"event": "user", "text": "/start_kaart"},
        {"event": "bot", "text": None, "data": {"custom": {"soort": "kaart_resultaten", "resultaten": []}}},
        {"event": "slot", "name": "x", "value": 1},
    ]
    status, _, body = request(web_up, "GET", "/api/history")
    assert status == 200
    assert fake_rasa.seen[-1] == ("tracker", SENDER)
    history = json.loads(body)["berichten"]
    assert [(m["role"], m["text"]) for m in history] == [
        ("user", "hallo"),
        ("bot", "Waar wil je mee aan de slag?"),
        ("user", "Sociale kaart"),
        ("bot", None),
    ]
    assert history[3]["custom"]["soort"] == "kaart_resultaten"


@pytest.mark.parametrize("query", [f"?sender={SENDER}", "?sender=%27%3B%20DROP%20TABLE%20x%3B--", ""])
def test_knowing_an_id_gives_nothing_history_comes_from_the_cookie_only(web_up, fake_rasa, query):
    """Another browser (no cookie, or a forged one) that knows SENDER gets a new, empty
    conversation of its own; Rasa is never asked for SENDER's tracker."""
    fake_rasa.events = [{"event": "user", "text": "geheim van een ander"}]
    for cookie in ("geen", SENDER, "x" * 43 + "!"):
        status, headers, body = request(web_up, "GET", f"/api/history{query}",
                                        headers={"Cookie": f"{conversation.COOKIE_NAME}={cookie}"})
        new = headers["Set-Cookie"]
        assert new.startswith(conversation.COOKIE_NAME + "=") and "HttpOnly" in new and "SameSite=Strict" in new
        asked = fake_rasa.seen[-1]
        assert asked[0] == "tracker" and asked[1] != SENDER
        assert asked[1] == conversation.conversation_id(new.split(";")[0].split("=", 1)[1])
    assert ("tracker", SENDER) not in fake_rasa.seen


def test_message_normalisation_drops_junk_and_keeps_order():
    raw = [None, "tekst", {"text": "   "}, {"text": "a", "buttons": [None, {"title": ""}, {"title": "B"}]},
           {"custom": ["geen", "dict"]}, {"custom": {"soort": "nieuw_iets"}}]
    assert messages.from_rest_output(raw) == [
        {"role": "bot", "text": "a", "buttons": [{"title": "B", "payload": "B"}], "custom": None, "image": None},
        {"role": "bot", "text": None, "buttons": [], "custom": {"soort": "nieuw_iets"}, "image": None},
    ]
    assert messages.from_tracker_events([None, {"event": "user"}, {"event": "bot", "data": "x"}]) == []


# ---- trainers' page -------------------------------------------------------------------------
@pytest.mark.parametrize("token", [None, "", "kort"])
def test_trainer_page_refuses_when_no_usable_token_is_configured(fake_rasa, token):
    server = _web("http://127.0.0.1:1", token=token)
    try:
        for method, path, body in [("GET", "/trainer", None), ("POST", "/trainer", "token=kort")]:
            status, _, html = request(server, method, path, body,
                                      {"Content-Type": "application/x-www-form-urlencoded"})
            assert status == 503
            assert "Trainerstoegang is niet ingesteld" in html
            assert "RUSTPUNT_TRAINER_TOKEN" in html
    finally:
        server.shutdown()
        server.server_close()


def test_trainer_page_without_token_is_401_with_a_login_form(web_down):
    add_record("rollenspel", {"transcript": [], "debrief": {"samenvatting": "Geheime debrief"}})
    status, headers, html = request(web_down, "GET", "/trainer")
    assert status == 401
    assert "Log in met het trainerstoken" in html
    assert '<label for="token">' in html
    assert "Geheime debrief" not in html
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("given", ["fout-token-123456", TOKEN + "x", TOKEN[:-1], "", "'; DROP TABLE x;--"])
def test_wrong_token_is_refused_in_dutch(web_down, given):
    add_record("rollenspel", {"transcript": [], "debrief": "Geheime debrief"})
    status, headers, html = request(web_down, "POST", "/trainer", urllib.parse.urlencode({"token": given}),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 401
    assert "klopt niet" in html and "Geheime debrief" not in html
    assert "Set-Cookie" not in headers
    status, _, html = request(web_down, "GET", "/trainer", headers={"Authorization": f"Bearer {given}x"})
    assert status == 401 and "Geheime debrief" not in html


def test_right_token_lists_sessions_with_debrief_and_transcript_escaped(web_down):
    add_record(
        "rollenspel",
        {
            "scenario": "Boze vader bij de overdracht",
            "transcript": [
                {"spreker": "professional", "tekst": "Ik hoor dat u boos bent."},
                {"spreker": "vader", "tekst": "<script>alert('x')</script>", "spanning": 7},
            ],
            "debrief": {"samenvatting": "Rustig gebleven.", "tips": ["Vraag door", "Vat samen"]},
        },
        conversation_id=SENDER,
        status="afgerond",
    )
    status, headers, html = request(web_down, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    assert "Boze vader bij de overdracht" in html
    assert "Rustig gebleven." in html and "Vraag door" in html and "Vat samen" in html
    assert "Ik hoor dat u boos bent." in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "afgerond" in html and SENDER not in html  # no raw conversation id on the page
    assert f"#{conversation.short_hash(SENDER)}" in html
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    assert "Secure" not in cookie  # served on loopback

    # the cookie opens the page again; a changed cookie does not
    value = cookie.split(";")[0]
    status, _, html = request(web_down, "GET", "/trainer", headers={"Cookie": value})
    assert status == 200 and "Rustig gebleven." in html
    tampered = value[:-1] + ("1" if value.endswith("0") else "0")  # always a real change
    status, _, html = request(web_down, "GET", "/trainer", headers={"Cookie": tampered})
    assert status == 401 and "Rustig gebleven." not in html

    # a bearer token works for scripts
    status, _, html = request(web_down, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and "Rustig gebleven." in html


def test_role_play_engine_sessions_show_turns_from_their_state(web_down):
    """The role-play capability keeps its turns in data['state']['turns'] (bot.roleplay.session)."""
    add_record(
        "rollenspel",
        {"scenario": "boze-vader", "titel": "Boze vader", "deelnemer": "Groep A deelnemer 3", "groep": "A",
         "state": {"tension": 5, "ending": "goed", "turns": [
             {"nr": 1, "tekst": "Wat vervelend voor u.", "zet": "erkennen", "spanning_voor": 7,
              "spanning_na": 5, "rol": "slachtoffer", "antwoord": "Ja, echt waar."}]},
         "debrief": {"einde": "goed", "tips": ["Blijf samenvatten"], "spanning": [7, 5]}},
        status="goed",
    )
    _, _, html = request(web_down, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
    assert "Rollenspel 1 van Groep A deelnemer 3: Boze vader" in html
    assert "Transcript (1 beurt)" in html
    assert "Professional:</span> Wat vervelend voor u." in html
    assert "Gesprekspartner (Slachtoffer):</span> Ja, echt waar." in html  # the role by its Dutch name
    assert "zet: Erkennen; spanning 7 → 5" in html  # the move by its name (a user test saw raw ids)
    assert "<dt>Status</dt><dd>goed afgelopen</dd>" in html  # not the stored code 'goed'
    assert "Blijf samenvatten" in html and "Groep A deelnemer 3" in html
    assert "Overige gegevens" not in html or "Tension" not in html  # engine state is not dumped raw


def test_only_role_play_records_are_listed(web_down):
    add_record("gespreksplan", {"debrief": "NIET TONEN"})
    add_record("rollenspel", {"transcript": ["beurt een"], "debrief": "wel tonen"})
    _, _, html = request(web_down, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
    assert "wel tonen" in html and "beurt een" in html
    assert "NIET TONEN" not in html
    assert "1 opgeslagen rollenspel" in html


@pytest.mark.parametrize(
    "data",
    [["een", "lijst"], "alleen tekst", {"transcript": "geen lijst", "debrief": None},
     {"transcript": [1, None, {"onbekend": {"diep": {"dieper": {"diepst": {"x": 1}}}}}]}, {}],
)
def test_odd_session_data_is_rendered_without_crashing(web_down, data):
    add_record("rollenspel", data)
    status, _, html = request(web_down, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    assert "Rollenspel 1" in html


def test_no_sessions_and_broken_store_are_explained(fake_rasa):
    server = _web("http://127.0.0.1:1", load_records=lambda: [])
    broken = _web("http://127.0.0.1:1", load_records=lambda: (_ for _ in ()).throw(RuntimeError("db weg")))
    try:
        _, _, html = request(server, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
        assert "nog geen rollenspellen opgeslagen" in html
        status, _, html = request(broken, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
        assert status == 500 and "konden niet worden gelezen" in html and "db weg" not in html
    finally:
        for s in (server, broken):
            s.shutdown()
            s.server_close()


def test_logout_clears_the_cookie(web_down):
    status, headers, html = request(web_down, "POST", "/trainer/uitloggen")
    assert status == 200 and "uitgelogd" in html
    assert "Max-Age=0" in headers["Set-Cookie"]


def test_trainer_gate_compares_tokens_and_sessions():
    now = [1000.0]
    gate = TrainerGate(TOKEN, configured=True, session_seconds=60, clock=lambda: now[0])
    assert gate.token_ok(TOKEN)
    assert not gate.token_ok(TOKEN.upper()) and not gate.token_ok(None) and not gate.token_ok("")
    first, second = gate.login(), gate.login()
    assert first != second and TOKEN not in first and len(first) >= 40
    assert gate.session_ok(first) and gate.session_ok(second)
    assert not TrainerGate(TOKEN, configured=True).session_ok(first)  # another process knows no session
    gate.logout(first)
    assert not gate.session_ok(first) and gate.session_ok(second)  # logout ends only that session
    now[0] += 61
    assert not gate.session_ok(second)  # expired
    closed = TrainerGate(None, configured=False)
    assert not closed.configured and not closed.token_ok("") and not closed.session_ok("")


# ---- configuration and start-up -------------------------------------------------------------
def test_config_from_env_defaults_and_errors():
    config = WebConfig.from_env({})
    assert (config.host, config.port, config.rasa_url, config.trainer_token) == (
        "127.0.0.1", 8080, "http://localhost:5005", None)
    assert not config.trainer_configured
    config = WebConfig.from_env({"RUSTPUNT_WEB_PORT": "9123", "RUSTPUNT_TRAINER_TOKEN": TOKEN,
                                 "RUSTPUNT_RASA_URL": "http://127.0.0.1:6000/"})
    assert (config.port, config.rasa_url, config.trainer_configured) == (9123, "http://127.0.0.1:6000", True)
    for bad in ("abc", "0", "70000", "-1"):
        with pytest.raises(ConfigError, match="RUSTPUNT_WEB_PORT"):
            WebConfig.from_env({"RUSTPUNT_WEB_PORT": bad})
    with pytest.raises(ConfigError, match="RUSTPUNT_RASA_URL"):
        WebConfig.from_env({"RUSTPUNT_RASA_URL": "localhost:5005"})


def _run_module(env_extra):
    env = dict(os.environ, **env_extra)
    return subprocess.run([sys.executable, "-m", "bot.web"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_module_refuses_a_bad_port_in_dutch():
    result = _run_module({"RUSTPUNT_WEB_PORT": "geen-poort"})
    assert result.returncode == 2
    assert "RUSTPUNT_WEB_PORT" in result.stderr and "poortnummer" in result.stderr


def test_module_explains_a_port_in_use():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        result = _run_module({"RUSTPUNT_WEB_PORT": str(sock.getsockname()[1])})
    assert result.returncode == 1
    assert "al in gebruik" in result.stderr
