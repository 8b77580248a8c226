"""The real web server process (``python -m bot.web``) under abuse, with a fake Rasa.

Slow client, 100 idle connections, deep JSON, a 64 KB header and a 10 MB body: each time another
client is still answered within a second and the process never crashes. Plus what a hostile
page or a second browser could try: a cross-site text/plain POST, a foreign Host, reading a
conversation by its id, and the trainer cookie (new per login, dead after logout and expiry).
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse

import pytest

from bot.web import conversation
from tests.fake_rasa import WebProcess, read_all, start_fake_rasa, start_web_process, stop

TOKEN = "abuse-trainerstoken-" + "x" * 8
READ_TIMEOUT = 2  # seconds, passed to the server: how long a request head may take
SESSION_MINUTES = "0.05"  # 3 s trainer sessions, so expiry can be seen


class Live(WebProcess):
    """The web server process, with the requests these tests send it."""

    def request(self, method, path, body=None, headers=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        hdrs = dict(headers or {})
        if isinstance(body, (dict, list)):
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        return resp.status, resp.headers, raw.decode("utf-8", "replace")

    def probe(self) -> float:
        """Seconds another client waits for the page and for a chat answer through Rasa."""
        start = time.monotonic()
        status, _, _ = self.request("GET", "/", timeout=5)
        assert status == 200
        status, _, body = self.request("POST", "/api/chat", {"message": "hallo"}, timeout=5)
        assert status == 200 and "Je zei: hallo" in body
        return time.monotonic() - start

    def raw(self, data: bytes, timeout: float = 10) -> bytes:
        """Send raw bytes on a fresh connection; what the server answered (until it closed)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            try:
                sock.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return read_all(sock)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    rasa = start_fake_rasa()  # keeps each conversation apart, as Rasa's tracker store does
    tmp = tmp_path_factory.mktemp("web_abuse")
    env = dict(RUSTPUNT_TRAINER_TOKEN=TOKEN, RUSTPUNT_WEB_READ_TIMEOUT=str(READ_TIMEOUT),
               RUSTPUNT_WEB_CHAT_PER_MINUTE="100000", RUSTPUNT_TRAINER_SESSION_MINUTES=SESSION_MINUTES,
               RUSTPUNT_DATABASE_URL=f"sqlite:///{tmp / 'rustpunt.db'}")
    try:
        web = start_web_process(rasa.url, env, log=tmp / "web.log")
    except RuntimeError as error:
        stop(rasa)
        pytest.fail(str(error), pytrace=False)
    server = Live(web.port, web.process, web.log)
    try:
        server.probe()  # warm up (imports, first Rasa call)
        yield server
        assert server.alive(), "the web server process crashed"
        text = server.log_text()
        assert "Traceback" not in text, text[-3000:]
    finally:
        server.stop()
        stop(rasa)


def _probes_stay_fast(server: Live, seconds: float) -> list:
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        times.append(server.probe())
        time.sleep(0.1)
    assert times and max(times) < 1.0, f"another client waited {max(times):.2f} s"
    return times


def test_a_slow_client_is_cut_off_and_others_are_served(live):
    sock = socket.create_connection(("127.0.0.1", live.port), timeout=15)
    head = b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Traag: " + b"a" * 200
    closed_after = []

    def trickle():
        start = time.monotonic()
        try:
            for byte in head:
                sock.sendall(bytes([byte]))
                time.sleep(0.05)  # 20 bytes a second: each byte would restart a naive timer
        except OSError:
            pass
        closed_after.append(time.monotonic() - start)

    thread = threading.Thread(target=trickle)
    thread.start()
    _probes_stay_fast(live, READ_TIMEOUT + 1)
    thread.join(timeout=20)
    answer = read_all(sock)
    sock.close()
    assert closed_after and closed_after[0] < READ_TIMEOUT + 3, f"slow client held on for {closed_after}"
    assert answer.startswith(b"HTTP/1.1 408") and "niet op tijd" in answer.decode("utf-8", "replace")
    assert live.alive()


def test_100_idle_connections_do_not_block_others(live):
    idle = [socket.create_connection(("127.0.0.1", live.port), timeout=10) for _ in range(100)]
    half_open = [socket.create_connection(("127.0.0.1", live.port), timeout=10) for _ in range(20)]
    for sock in half_open:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # a head that never ends
    try:
        times = _probes_stay_fast(live, 2)
        assert len(times) >= 2
    finally:
        for sock in idle + half_open:
            sock.close()
    assert live.alive()


@pytest.mark.parametrize("body", [b"[" * 15_000, b'{"a":' * 3000, b"[" * 50 + b"]" * 50])
def test_deep_json_is_a_dutch_400(live, body):
    start = time.monotonic()
    status, _, text = live.request("POST", "/api/chat", body, {"Content-Type": "application/json"})
    assert status == 400 and "te diep genest" in json.loads(text)["fout"]
    assert "Traceback" not in text and "RecursionError" not in text
    assert time.monotonic() - start < 1.0
    assert live.probe() < 1.0


def test_a_64_kb_cookie_header_is_refused_quickly(live):
    start = time.monotonic()
    cookie = b'a="' + b"\\\\" * 31_000 + b'"'  # 62 kB; http.cookies needs ~50 s of CPU for this one
    answer = live.raw(b"GET /trainer HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie + b"\r\n\r\n")
    took = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    assert "te groot" in answer.decode("utf-8", "replace")
    assert took < 1.0, f"a 64 KB header took {took:.2f} s"
    assert live.probe() < 1.0


def test_a_10_mb_body_gets_413_without_being_read(live):
    head = (b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10485760\r\n\r\n")
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        sock.sendall(head)
        sent = 0
        try:
            while sent < 10 * 1024 * 1024:
                sock.sendall(b"x" * 65536)
                sent += 65536
        except OSError:  # the server stopped reading: that is the point
            pass
        answer = read_all(sock)
    assert sent < 10 * 1024 * 1024 or answer, "the server read the whole 10 MB body"
    if answer:  # the answer may be lost to a reset on some kernels; the status is what matters when it arrives
        assert answer.startswith(b"HTTP/1.1 413") and "te groot" in answer.decode("utf-8", "replace")
    assert time.monotonic() - start < 5
    # a declared 10 MB body with nothing sent after the head is answered at once
    answer = live.raw(head)
    assert answer.startswith(b"HTTP/1.1 413") and "te groot" in answer.decode("utf-8", "replace")
    assert live.probe() < 1.0


def test_cross_site_text_plain_post_and_foreign_host_are_refused(live):
    before = len(PerSenderRasa_events(live))
    origin = {"Origin": "http://evil.example", "Content-Type": "text/plain"}
    status, _, body = live.request("POST", "/api/chat", b'{"message": "hallo"}', origin)
    assert status == 403 and "andere website" in json.loads(body)["fout"]
    status, _, body = live.request("POST", "/api/chat", b'{"message": "hallo"}', {"Content-Type": "text/plain"})
    assert status == 415
    status, _, body = live.request("POST", "/api/chat", {"message": "hallo"}, {"Host": "rebind.evil.example"})
    assert status == 403 and "hoort niet bij" in json.loads(body)["fout"]
    status, _, _ = live.request("GET", "/trainer", headers={"Host": f"rebind.evil.example:{live.port}",
                                                          "Authorization": f"Bearer {TOKEN}"})
    assert status == 403
    assert len(PerSenderRasa_events(live)) == before  # nothing reached Rasa


def PerSenderRasa_events(live):  # noqa: N802 - helper reading the fake's state through the server
    return [line for line in live.log.read_text(errors="replace").splitlines() if "POST /api/chat 200" in line]


def _cookie(headers) -> str:
    return headers["Set-Cookie"].split(";")[0]


def test_one_browser_cannot_read_another_conversation_by_its_id(live):
    status, headers, _ = live.request("POST", "/api/chat", {"message": "Geheim van browser A"})
    assert status == 200
    cookie_a = _cookie(headers)
    id_a = conversation.conversation_id(cookie_a.split("=", 1)[1])
    _, _, own = live.request("GET", "/api/history", headers={"Cookie": cookie_a})
    assert "Geheim van browser A" in own
    forged = id_a + "x" * 11  # well-formed as a cookie secret: a conversation of its own, not A's
    for path, headers, gets_new_cookie in (
        (f"/api/history?sender={id_a}", {}, True),
        ("/api/history", {"Cookie": f"rustpunt_gesprek={id_a}"}, True),
        (f"/api/history?sender={id_a}", {"Cookie": f"rustpunt_gesprek={forged}"}, False),
    ):
        status, answer_headers, body = live.request("GET", path, headers=headers)
        assert status == 200 and "Geheim van browser A" not in body
        assert json.loads(body)["berichten"] == []
        if gets_new_cookie:  # browser B gets a conversation of its own
            assert _cookie(answer_headers) != cookie_a
        else:
            assert answer_headers["Set-Cookie"] is None
    # and posting with A's id in the body lands in B's own conversation, not in A's
    status, headers, _ = live.request("POST", "/api/chat", {"sender": id_a, "message": "van B"})
    _, _, own = live.request("GET", "/api/history", headers={"Cookie": cookie_a})
    assert "van B" not in own


def _login(live, token):
    return live.request("POST", "/trainer", urllib.parse.urlencode({"token": token}),
                        {"Content-Type": "application/x-www-form-urlencoded"})


def test_trainer_cookie_differs_per_login_and_dies_after_logout_and_expiry(live):
    first, second = _cookie(_login(live, TOKEN)[1]), _cookie(_login(live, TOKEN)[1])
    assert first != second and TOKEN not in first
    assert live.request("GET", "/trainer", headers={"Cookie": first})[0] == 200
    assert live.request("POST", "/trainer/uitloggen", headers={"Cookie": first})[0] == 200
    assert live.request("GET", "/trainer", headers={"Cookie": first})[0] == 401
    assert live.request("GET", "/trainer", headers={"Cookie": second})[0] == 200
    time.sleep(float(SESSION_MINUTES) * 60 + 0.5)
    status, _, html = live.request("GET", "/trainer", headers={"Cookie": second})
    assert status == 401 and "verlopen" in html


def test_the_tenth_wrong_token_in_a_minute_is_refused(live):
    statuses = [_login(live, f"geraden-token-{i:03d}")[0] for i in range(10)]
    assert statuses[0] == 401 and statuses[-1] == 429
    status, _, html = _login(live, "nog-een-geraden-token")
    assert status == 429 and "Te veel mislukte pogingen" in html
    assert _login(live, TOKEN)[0] == 200  # the right token still gets in (it may be others who locked the address)
    assert live.probe() < 1.0  # the chat of others goes on
