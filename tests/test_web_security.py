"""The web server's closed interface, per unit: Host and Origin checks, JSON only, the
conversation cookie and forgetting, rate limits, trainer sessions and lockout, log lines.

Servers run in this process (a real socket, Sanic on its own event loop) with the fake Rasa of
tests/test_web_server.py; tests/test_web_abuse.py attacks the real ``python -m bot.web`` process.
"""
from __future__ import annotations

import json
import logging
import sys
import types
import urllib.parse

import pytest

from bot.web import conversation
from bot.web.config import WebConfig, is_loopback
from bot.web.limits import SlidingWindow
from bot.web.server import NEW_CONVERSATION, BadInput, json_too_deep, make_server, parse_json_body
from tests.fake_rasa import serve
from tests.test_web_server import SECRET, SENDER, TOKEN, request

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def forgotten():
    return []


def _start(fake, clock=None, forgotten=None, **settings):
    values = dict(host="127.0.0.1", port=0, rasa_url=f"http://127.0.0.1:{fake.server_address[1]}",
                  trainer_token=TOKEN, chat_timeout=5, history_timeout=5)
    values.update(settings)

    def forget(conversation_id):
        forgotten.append(conversation_id)
        return {"events": 7, "records": 2}

    def forget_chat(conversation_id):
        forgotten.append(("alleen chat", conversation_id))
        return {"events": 7}

    kwargs = {"clock": clock} if clock else {}
    if forgotten is not None:
        kwargs["forget"], kwargs["forget_chat"] = forget, forget_chat
    return serve(make_server(WebConfig(**values), load_records=lambda: [], **kwargs))


@pytest.fixture
def web(fake_rasa, clock, forgotten):
    server = _start(fake_rasa, clock, forgotten)
    yield server
    server.shutdown()
    server.server_close()


def _cookie_value(set_cookie: str) -> str:
    return set_cookie.split(";")[0].split("=", 1)[1]


def _chat(server, text="hallo", headers=None, cookie=None):
    hdrs = {"Content-Type": "application/json"}
    hdrs.update(headers or {})
    return request(server, "POST", "/api/chat", json.dumps({"message": text}), hdrs, cookie=cookie)


# ---- Host and Origin ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:80",
        "127.0.0.1.evil.example",
        "localhost.evil.example:1",
        "[::1",
        "",
        "localhost:1@evil.example",
    ],
)
def test_a_foreign_host_header_is_refused_everywhere(web, fake_rasa, host):
    for method, path, body in [
        ("GET", "/", None),
        ("GET", "/api/history", None),
        ("POST", "/api/chat", {"message": "hi"}),
    ]:
        status, _, text = request(web, method, path, body, {"Host": host})
        assert status == 403 and "hoort niet bij deze Rustpunt-server" in text
    assert not fake_rasa.seen  # nothing reached Rasa


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "LOCALHOST", "[::1]"])
def test_loopback_host_names_are_accepted(web, host):
    port = web.server_address[1]
    status, _, _ = request(web, "GET", "/", headers={"Host": f"{host}:{port}"})
    assert status == 200


def test_configured_host_names_are_accepted_and_others_not(fake_rasa):
    server = _start(fake_rasa, allowed_hosts=frozenset({"rustpunt.intern"}))
    try:
        assert request(server, "GET", "/", headers={"Host": "rustpunt.intern"})[0] == 200
        assert request(server, "GET", "/", headers={"Host": "andere.intern"})[0] == 403
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://localhost:1", "https://127.0.0.1.evil.example"])
def test_cross_site_posts_are_refused(web, fake_rasa, origin):
    port = web.server_address[1]
    headers = {"Host": f"127.0.0.1:{port}", "Origin": origin}
    status, _, text = _chat(web, headers=headers)
    assert status == 403 and "andere website" in json.loads(text)["fout"]
    status, _, text = request(web, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}), {**FORM, **headers})
    assert status == 403 and "Set-Cookie" not in _
    assert not fake_rasa.seen


def test_fetch_metadata_cross_site_is_refused_and_same_origin_passes(web, fake_rasa):
    port = web.server_address[1]
    status, _, _ = _chat(web, headers={"Sec-Fetch-Site": "cross-site"})
    assert status == 403
    status, _, _ = _chat(web, headers={"Sec-Fetch-Site": "same-site"})
    assert status == 403
    status, _, body = _chat(web, headers={"Sec-Fetch-Site": "same-origin", "Origin": f"http://127.0.0.1:{port}",
                                          "Host": f"127.0.0.1:{port}"})
    assert status == 200 and json.loads(body)["berichten"]


def test_a_same_origin_form_post_with_origin_null_passes_on_sec_fetch_site(web):
    """Chromium sends Origin: null with a form POST under Referrer-Policy: no-referrer."""
    headers = {**FORM, "Origin": "null", "Sec-Fetch-Site": "same-origin"}
    status, set_cookie, _ = request(web, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}), headers)
    assert status == 200 and "rustpunt_trainer=" in set_cookie["Set-Cookie"]
    headers["Sec-Fetch-Site"] = "cross-site"
    assert request(web, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}), headers)[0] == 403


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_chat_requires_application_json(web, fake_rasa, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, body = request(web, "POST", "/api/chat", json.dumps({"message": "hallo"}), headers)
    assert status == 415 and "application/json" in json.loads(body)["fout"]
    assert not fake_rasa.seen


def test_json_with_charset_is_fine(web):
    status, _, _ = _chat(web, headers={"Content-Type": "application/json; charset=utf-8"})
    assert status == 200


@pytest.mark.parametrize("raw", ["[" * 11 + "]" * 11, '{"a":' * 11 + "1" + "}" * 11, "[" * 5000])
def test_too_deep_json_is_a_dutch_400(web, fake_rasa, raw):
    status, _, body = request(web, "POST", "/api/chat", raw, {"Content-Type": "application/json"})
    assert status == 400 and "te diep genest" in json.loads(body)["fout"]
    assert not fake_rasa.seen


def test_json_depth_check_ignores_brackets_inside_strings():
    assert not json_too_deep(json.dumps({"message": "[" * 100 + '\\"{' * 50}))
    assert json_too_deep("[" * 11)
    assert not json_too_deep("[" * 10 + "]" * 10)
    with pytest.raises(BadInput):
        parse_json_body(b"\xff\xfe")
    with pytest.raises(BadInput):
        parse_json_body(b'{"a": ')


# ---- the conversation cookie ----------------------------------------------------------------
def test_the_server_issues_the_conversation_cookie(web, fake_rasa):
    status, headers, _ = request(web, "GET", "/api/history", cookie="")
    assert status == 200
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("rustpunt_gesprek=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Path=/api" in cookie and "Secure" not in cookie  # loopback: no TLS needed
    secret = _cookie_value(cookie)
    assert conversation.valid_secret(secret)
    assert fake_rasa.seen[-1] == ("tracker", conversation.conversation_id(secret))
    # the same browser keeps its conversation; no new cookie
    status, headers, _ = _chat(web, cookie=secret)
    assert status == 200 and "Set-Cookie" not in headers
    assert fake_rasa.seen[-1][1]["sender"] == conversation.conversation_id(secret)


def test_two_browsers_get_two_conversations(web, fake_rasa):
    first = _cookie_value(_chat(web, cookie="")[1]["Set-Cookie"])
    second = _cookie_value(_chat(web, cookie="")[1]["Set-Cookie"])
    assert first != second
    senders = [s[1]["sender"] for s in fake_rasa.seen if s[0] == "webhook"]
    assert senders[0] != senders[1] and first not in senders and second not in senders  # the id is not the cookie


def test_cookie_is_secure_when_not_on_loopback(fake_rasa):
    server = _start(fake_rasa, allowed_hosts=frozenset({"rustpunt.intern"}))
    try:
        _, headers, _ = request(server, "GET", "/api/history", headers={"Host": "rustpunt.intern"}, cookie="")
        assert "Secure" in headers["Set-Cookie"]
        _, headers, _ = request(server, "POST", "/trainer", urllib.parse.urlencode({"token": TOKEN}),
                                {**FORM, "Host": "rustpunt.intern"})
        assert "Secure" in headers["Set-Cookie"]
    finally:
        server.shutdown()
        server.server_close()


def test_conversation_ids_and_hashes():
    secret = conversation.new_secret()
    assert conversation.valid_secret(secret) and not conversation.valid_secret(secret[:-1])
    assert not conversation.valid_secret(None) and not conversation.valid_secret(secret + "=")
    cid = conversation.conversation_id(secret)
    assert len(cid) == 32 and cid == conversation.conversation_id(secret) and secret not in cid
    assert len(conversation.short_hash(cid)) == 8 and conversation.short_hash(cid) not in cid
    assert conversation.parse_cookies(f'a=1; rustpunt_gesprek="{secret}"; x', ("rustpunt_gesprek",)) == {
        "rustpunt_gesprek": secret}
    assert is_loopback("127.0.0.5") and is_loopback("[::1]") and is_loopback("localhost")
    assert not is_loopback("10.0.0.1") and not is_loopback("rustpunt.intern")


# ---- forgetting -----------------------------------------------------------------------------
def test_forget_removes_the_conversation_and_starts_a_new_one(web, fake_rasa, forgotten):
    status, headers, body = request(web, "POST", "/api/gesprek/wissen", {})
    assert status == 200
    answer = json.loads(body)
    assert (
        answer["gewist"] is True
        and "gewist" in answer["melding"]
        and answer["verwijderd"] == {"events": 7, "records": 2}
    )
    assert forgotten == [SENDER]
    fresh = _cookie_value(headers["Set-Cookie"])
    assert fresh != SECRET and conversation.valid_secret(fresh)
    _chat(web, cookie=fresh)
    assert fake_rasa.seen[-1][1]["sender"] == conversation.conversation_id(fresh) != SENDER


def test_forget_without_a_conversation_forgets_nothing(web, forgotten):
    status, headers, _ = request(web, "POST", "/api/gesprek/wissen", {}, cookie="geen-geldige")
    assert status == 200 and forgotten == [] and "rustpunt_gesprek=" in headers["Set-Cookie"]


def test_forget_is_refused_cross_site_and_without_json(web, forgotten):
    port = web.server_address[1]
    status, _, _ = request(web, "POST", "/api/gesprek/wissen", "{}",
                           {"Content-Type": "text/plain", "Origin": "http://evil.example", "Host": f"127.0.0.1:{port}"})
    assert status == 403
    status, _, _ = request(web, "POST", "/api/gesprek/wissen", "{}", {"Content-Type": "text/plain"})
    assert status == 415
    assert forgotten == []


def test_forget_failure_keeps_the_conversation_and_says_so(fake_rasa):
    def broken(conversation_id):
        raise RuntimeError("database weg")

    server = serve(make_server(WebConfig(port=0, rasa_url="http://127.0.0.1:1"), forget=broken))
    try:
        status, headers, body = request(server, "POST", "/api/gesprek/wissen", {})
        assert status == 500 and "niet worden gewist" in json.loads(body)["fout"] and "database" not in body
        assert "Set-Cookie" not in headers  # still the same conversation
    finally:
        server.shutdown()
        server.server_close()


def test_forget_uses_the_privacy_helpers_engine(fake_rasa, monkeypatch):
    calls = []
    module = types.ModuleType("bot.privacy.forget")
    module.forget_conversation = lambda cid: calls.append(cid) or {"events": 1}
    package = types.ModuleType("bot.privacy")
    package.forget = module
    monkeypatch.setitem(sys.modules, "bot.privacy", package)
    monkeypatch.setitem(sys.modules, "bot.privacy.forget", module)
    server = serve(make_server(WebConfig(port=0, rasa_url="http://127.0.0.1:1")))  # default forget
    try:
        status, _, body = request(server, "POST", "/api/gesprek/wissen", {})
        assert status == 200 and calls == [SENDER] and json.loads(body)["verwijderd"] == {"events": 1}
    finally:
        server.shutdown()
        server.server_close()


def test_nieuw_gesprek_forgets_only_the_chat_and_keeps_what_was_saved(web, forgotten):
    # a user test lost an open call-back request by clicking 'Nieuw gesprek'
    status, headers, body = request(web, "POST", "/api/gesprek/wissen", {"nieuw": True})
    answer = json.loads(body)
    assert status == 200 and answer["gewist"] is True and forgotten == [("alleen chat", SENDER)]
    assert answer["melding"] == NEW_CONVERSATION and "terugbelverzoeken" in answer["melding"]
    assert _cookie_value(headers["Set-Cookie"]) != SECRET
    _, _, script = request(web, "GET", "/static/app.js")
    assert 'forget(null, true)' in script and '{\\"nieuw\\": true}' in script
    assert "ook terugbelverzoeken, de intakesamenvatting" in script  # the confirmation of 'Wis dit gesprek'


def test_wis_dit_gesprek_also_wipes_what_conversations_left_with_nieuw_gesprek_saved(web, forgotten):
    # a user test: after 'Nieuw gesprek', 'Wis dit gesprek' left the earlier role-play sessions, with no way to wipe
    _, headers, _ = request(web, "POST", "/api/gesprek/wissen", {"nieuw": True})
    cookies = headers.get_all("Set-Cookie")
    second = _cookie_value(cookies[0])
    earlier = [c for c in cookies if c.startswith(conversation.EARLIER_COOKIE + "=")]
    assert len(earlier) == 1 and _cookie_value(earlier[0]) == SECRET and "HttpOnly" in earlier[0]
    _, headers, _ = request(web, "POST", "/api/gesprek/wissen", {"nieuw": True}, headers={
        "Cookie": f"{conversation.COOKIE_NAME}={second}; {earlier[0].split(';')[0]}"})
    cookies = headers.get_all("Set-Cookie")
    third, both = _cookie_value(cookies[0]), [c for c in cookies if c.startswith(conversation.EARLIER_COOKIE + "=")]
    assert _cookie_value(both[0]) == f"{SECRET}.{second}"

    status, headers, body = request(web, "POST", "/api/gesprek/wissen", {}, headers={
        "Cookie": f"{conversation.COOKIE_NAME}={third}; {both[0].split(';')[0]}"})
    assert status == 200 and json.loads(body)["verwijderd"] == {"events": 21, "records": 6}
    assert forgotten[-3:] == [SENDER, conversation.conversation_id(second), conversation.conversation_id(third)]
    cleared = [c for c in headers.get_all("Set-Cookie") if c.startswith(conversation.EARLIER_COOKIE + "=")]
    assert cleared and "Max-Age=0" in cleared[0]
    assert conversation.earlier_secrets("kapot." + SECRET + ".ook-kapot") == [SECRET]


def test_the_message_limit_follows_rustpunt_max_message(fake_rasa):
    assert WebConfig.from_env({"RUSTPUNT_MAX_MESSAGE": "300"}).max_message == 300
    server = _start(fake_rasa, max_message=300)
    try:
        assert _chat(server, "a" * 300)[0] == 200
        status, _, body = _chat(server, "a" * 301)
        assert status == 413 and "maximaal 300 tekens" in json.loads(body)["fout"]
        assert 'maxlength="300"' in request(server, "GET", "/")[2]
    finally:
        server.shutdown()
        server.server_close()


def test_the_page_has_both_buttons_and_sends_no_conversation_id(web):
    _, _, html = request(web, "GET", "/")
    assert '<button type="button" id="nieuw-gesprek"' in html and ">Nieuw gesprek</button>" in html
    assert '<button type="button" id="wis-gesprek"' in html and ">Wis dit gesprek</button>" in html
    _, _, script = request(web, "GET", "/static/app.js")
    assert "sender" not in script and "randomUUID" not in script
    assert "/api/gesprek/wissen" in script and "window.confirm(\"Wil je dit gesprek wissen?" in script


# ---- rate limits ----------------------------------------------------------------------------
def test_the_wait_is_said_in_good_dutch_for_one_second(fake_rasa, clock):
    # found by the user test of session 22: "Wacht 1 seconden"
    server = _start(fake_rasa, clock, chat_per_minute=1)
    try:
        assert _chat(server)[0] == 200
        clock.now += 59.5
        status, headers, body = _chat(server)
        assert status == 429 and headers["Retry-After"] == "1"
        assert "Wacht 1 seconde en probeer" in json.loads(body)["fout"]
    finally:
        server.shutdown()
        server.server_close()


def test_chat_is_rate_limited_per_client_in_dutch(fake_rasa, clock):
    server = _start(fake_rasa, clock, chat_per_minute=3)
    try:
        assert [_chat(server)[0] for _ in range(3)] == [200, 200, 200]
        status, headers, body = _chat(server)
        assert status == 429 and "te veel verzoeken" in json.loads(body)["fout"]
        assert 1 <= int(headers["Retry-After"]) <= 60
        assert len([s for s in fake_rasa.seen if s[0] == "webhook"]) == 3
        clock.now += 61
        assert _chat(server)[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_a_classroom_behind_one_address_is_limited_per_browser_not_per_address(fake_rasa, clock):
    # user test s24: four trainees behind one classroom NAT got 429 when the limit was per address
    server = _start(fake_rasa, clock, chat_per_minute=3, chat_per_address_per_minute=20)
    browsers = [conversation.new_secret() for _ in range(4)]
    try:
        assert [_chat(server, cookie=b)[0] for b in browsers for _ in range(3)] == [200] * 12
        status, headers, body = _chat(server, cookie=browsers[0])  # one browser's own limit
        assert status == 429 and "te veel verzoeken" in json.loads(body)["fout"]
        assert _chat(server, cookie=conversation.new_secret())[0] == 200  # a fifth trainee still gets in
    finally:
        server.shutdown()
        server.server_close()


def test_a_client_that_drops_its_cookie_meets_the_ceiling_of_its_address(fake_rasa, clock):
    server = _start(fake_rasa, clock, chat_per_minute=3, chat_per_address_per_minute=5)
    try:
        assert [_chat(server, cookie="")[0] for _ in range(6)] == [200] * 5 + [429]  # a new session every request
        assert _chat(server)[0] == 429  # the address is full: also for a browser that keeps its cookie
        clock.now += 61
        assert _chat(server, cookie="")[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_the_web_config_reads_the_address_ceiling():
    assert WebConfig.from_env({}).chat_per_address_per_minute == 600
    env = {"RUSTPUNT_WEB_CHAT_PER_ADDRESS_PER_MINUTE": "900"}
    assert WebConfig.from_env(env).chat_per_address_per_minute == 900


def test_sliding_window_counts_per_client_and_forgets_old_events():
    clock = Clock()
    window = SlidingWindow(2, clock=clock)
    assert window.hit("a") and window.hit("a") and not window.hit("a")
    assert window.hit("b")
    assert window.retry_after("a") == 60
    clock.now += 30
    assert window.retry_after("a") == 30 and window.full("a")
    clock.now += 30.5
    assert not window.full("a") and window.hit("a")


# ---- trainer sessions -----------------------------------------------------------------------
def _login(server, token=TOKEN, cookie_header=None):
    headers = dict(FORM)
    if cookie_header:
        headers["Cookie"] = cookie_header
    return request(server, "POST", "/trainer", urllib.parse.urlencode({"token": token}), headers)


def test_each_login_gets_its_own_session_and_logout_kills_it(web):
    first = _login(web)[1]["Set-Cookie"]
    second = _login(web)[1]["Set-Cookie"]
    one, two = first.split(";")[0], second.split(";")[0]
    assert one != two and TOKEN not in one
    assert "Max-Age=3600" in first and "HttpOnly" in first and "SameSite=Strict" in first and "Path=/trainer" in first
    assert request(web, "GET", "/trainer", headers={"Cookie": one})[0] == 200
    status, headers, _ = request(web, "POST", "/trainer/uitloggen", headers={"Cookie": one})
    assert status == 200 and "Max-Age=0" in headers["Set-Cookie"]
    status, _, html = request(web, "GET", "/trainer", headers={"Cookie": one})
    assert status == 401 and "verlopen" in html  # the old cookie is dead, even if the browser kept it
    assert request(web, "GET", "/trainer", headers={"Cookie": two})[0] == 200  # other logins go on


def test_trainer_session_expires(fake_rasa, clock):
    server = _start(fake_rasa, clock, trainer_session_minutes=30)
    try:
        cookie = _login(server)[1]["Set-Cookie"]
        assert "Max-Age=1800" in cookie
        value = cookie.split(";")[0]
        clock.now += 29 * 60
        assert request(server, "GET", "/trainer", headers={"Cookie": value})[0] == 200
        clock.now += 2 * 60
        status, _, html = request(server, "GET", "/trainer", headers={"Cookie": value})
        assert status == 401 and "Log opnieuw in" in html
    finally:
        server.shutdown()
        server.server_close()


def test_repeated_wrong_tokens_lock_the_client_out(fake_rasa, clock):
    server = _start(fake_rasa, clock)
    try:
        statuses = [_login(server, f"fout-token-{i:04d}")[0] for i in range(10)]
        assert statuses[:5] == [401] * 5
        assert statuses[5:] == [429] * 5  # the sixth to tenth wrong token in a minute are refused
        status, headers, html = _login(server, "nog-een-fout-token")
        assert status == 429 and "Te veel mislukte pogingen" in html and "Set-Cookie" not in headers
        assert int(headers["Retry-After"]) >= 1
        status, _, _ = request(server, "GET", "/trainer", headers={"Authorization": "Bearer fout-token-bearer"})
        assert status == 429  # the bearer route is locked too
        # the right token gets in during a lockout (session 23: behind one proxy, others' mistakes locked every
        # trainer out), as long as the few checks a lockout allows are not used up
        assert _login(server)[0] == 200
        assert request(server, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})[0] == 200
        for i in range(30):
            _login(server, f"nog-meer-fout-{i:04d}")
        assert _login(server)[0] == 429  # a flood of guesses: nothing is checked any more
        clock.now += 61
        assert _login(server)[0] == 200
    finally:
        server.shutdown()
        server.server_close()


# ---- logs -----------------------------------------------------------------------------------
def test_logs_carry_no_conversation_ids_or_secrets(web, caplog):
    caplog.set_level(logging.INFO)
    _chat(web)
    request(web, "GET", f"/api/history?sender={SENDER}")
    request(web, "POST", "/api/gesprek/wissen", {})
    _login(web, "fout-token-1234")
    text = caplog.text
    assert "/api/chat" in text  # requests are logged ...
    for secret in (SENDER, SECRET, "fout-token-1234", TOKEN):
        assert secret not in text  # ... without ids, cookies or tokens
    assert conversation.short_hash(SENDER) in text  # a short hash where one is needed


# ---- Rasa's API token -----------------------------------------------------------------------
def test_the_rasa_api_token_goes_along_server_side_for_status_history_and_messages(monkeypatch, tmp_path):
    """The REST channel answers only with the token too (a user test reached another's plan with its id alone)."""
    from bot.web import rasa_client

    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path))  # no var/rasa_token of a running 'make run'

    urls = []

    def fake_request(url, timeout, body=None):
        urls.append(url)
        return [] if body else {"model_id": "x", "events": []}

    monkeypatch.setattr(rasa_client, "_request", fake_request)
    monkeypatch.setenv("RUSTPUNT_RASA_TOKEN", "api-token-123")
    assert rasa_client.is_up("http://rasa")
    rasa_client.fetch_events("http://rasa", SENDER, 5)
    rasa_client.send_message("http://rasa", SENDER, "hallo", 5)
    assert urls == ["http://rasa/status?token=api-token-123",
                    f"http://rasa/conversations/{SENDER}/tracker?include_events=ALL&token=api-token-123",
                    "http://rasa/webhooks/rest/webhook?token=api-token-123"]
    monkeypatch.delenv("RUSTPUNT_RASA_TOKEN")
    assert rasa_client.is_up("http://rasa") and urls[-1] == "http://rasa/status"


def test_the_page_never_sees_the_rasa_token(web, monkeypatch):
    monkeypatch.setenv("RUSTPUNT_RASA_TOKEN", "api-token-123")
    for path in ("/", "/static/app.js", "/api/status", "/api/history"):
        _, headers, body = request(web, "GET", path)
        assert "api-token-123" not in body and "api-token-123" not in str(headers)


def test_the_web_page_and_rasa_read_rustpunt_max_message_the_same_way():
    from bot.message_length import LOWEST_MAX, max_message_length

    for raw in ("veel", "3", "", "5000"):
        env = {"RUSTPUNT_MAX_MESSAGE": raw}
        assert WebConfig.from_env(env).max_message == max_message_length(env)
    assert WebConfig.from_env({"RUSTPUNT_MAX_MESSAGE": "3"}).max_message == LOWEST_MAX
