"""Session 29: every message of the web page carries the page's own id, and a message sent again with that id is
handled once: the second attempt gets the first one's stored answer, with no second turn in the conversation and no
second record. Also when the repeat comes in while the first attempt is still running (the page gave up waiting and
the professional clicked 'Opnieuw proberen'), and when it goes through another web server and another Rasa server
(the cluster after a failover): the check reads the shared tracker store inside the conversation's shared lock.

Through the real web server (bot.web.server), our real REST channel (bot.rasa_runtime.rest_channel), Rasa's real
``Agent.handle_message`` with its lock store (in memory for one machine; Redis, with the lease of
bot.rasa_runtime.lock_lease, for two servers), Rasa's tracker store as Rustpunt uses it (MaskingSQLTrackerStore, on
SQLite or on PostgreSQL with RUSTPUNT_TEST_DATABASE_URL) and Rustpunt's own records. Only NLU and the policies are a
slow stand-in that stores one answer and one record per turn (a model would take a minute to load).
"""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import shutil
import subprocess
import threading
import time
import urllib.parse
from types import SimpleNamespace

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.rasa_runtime.rest_channel import RetrySafeRestInput, retry_safe
from bot.records import add_record, list_records
from bot.web import conversation
from bot.web.config import WebConfig
from bot.web.server import make_server
from tests.fake_rasa import FakeRasa, free_port, serve, stop

DOMAIN = Domain.from_yaml("""
version: "3.1"
responses:
  utter_x: [{text: "x"}]
""")


class SlowProcessor:
    """Stands in for Rasa's NLU and policies (``MessageProcessor.handle_message``, which Rasa runs inside the
    conversation's lock): reads the conversation, waits ``delay`` seconds (a busy server), stores a record and the
    turn, and answers. ``handle_message`` is wrapped as bot.rasa_runtime.rest_channel.install() wraps Rasa's."""

    def __init__(self, tracker_store, delay: float, handled: list) -> None:
        self.tracker_store = tracker_store
        self.delay = delay
        self.handled = handled  # shared by both servers: every turn that was really handled

    async def process(self, message):
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, message_id=message.message_id))
        await asyncio.sleep(self.delay)
        self.handled.append(message.message_id)
        add_record("intake_samenvatting", {"tekst": message.text}, conversation_id=message.sender_id)
        answer = f"Genoteerd als beurt {len(self.handled)}."
        tracker.update(ActionExecuted("utter_x"))
        tracker.update(BotUttered(answer))
        await self.tracker_store.save(tracker)
        await message.output_channel.send_text_message(message.sender_id, answer)
        return message.output_channel.messages

    handle_message = retry_safe(process)


class RasaServer:
    """One Rasa server: our REST channel on its own event loop, behind a plain HTTP server on a free port."""

    def __init__(self, tracker_store, lock_store, delay: float, handled: list) -> None:
        from rasa.core.agent import Agent

        self.agent = Agent(domain=DOMAIN, tracker_store=tracker_store, lock_store=lock_store)
        self.agent.processor = SlowProcessor(self.agent.tracker_store, delay, handled)
        blueprint = RetrySafeRestInput().blueprint(self.agent.handle_message)
        self.handler = next(route.handler for route in blueprint._future_routes if route.uri == "/webhook")
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        server = self

        class Channel(FakeRasa):
            def do_POST(self):  # noqa: N802
                assert urllib.parse.urlsplit(self.path).path == "/webhooks/rest/webhook"
                request = SimpleNamespace(json=self.read_json(), app=SimpleNamespace(ctx=SimpleNamespace(
                    agent=server.agent)))
                resp = asyncio.run_coroutine_threadsafe(server.handler(request), server.loop).result(60)
                self.reply(json.loads(resp.body), resp.status)

        from tests.fake_rasa import start_fake_rasa

        self.http = start_fake_rasa(Channel)
        self.url = self.http.url

    def close(self) -> None:
        stop(self.http)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def web_server(rasa_url: str, chat_timeout: int):
    return serve(make_server(WebConfig(host="127.0.0.1", port=0, rasa_url=rasa_url, chat_timeout=chat_timeout,
                                       history_timeout=5)))


def chat(web, secret: str, body: dict, timeout: float = 60):
    connection = http.client.HTTPConnection("127.0.0.1", web.server_address[1], timeout=timeout)
    connection.request("POST", "/api/chat", body=json.dumps(body).encode(), headers={
        "Content-Type": "application/json", "Cookie": f"{conversation.COOKIE_NAME}={secret}"})
    response = connection.getresponse()
    status, answer = response.status, json.loads(response.read())
    connection.close()
    return status, answer


def texts(answer) -> list:
    return [m["text"] for m in answer["berichten"]]


@pytest.fixture
def tracker_store(tmp_path, monkeypatch):
    """Rustpunt's tracker store on the test's database: SQLite in the test's folder, or PostgreSQL."""
    from bot.privacy import tracker_db
    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    database = os.environ.get("RUSTPUNT_TEST_DATABASE_URL", "")

    def make():
        if database.startswith("postgresql"):
            url = urllib.parse.urlsplit(database)
            return MaskingSQLTrackerStore(domain=DOMAIN, dialect="postgresql", host=url.hostname, port=url.port,
                                          db=url.path.lstrip("/"), username=url.username, password=url.password)
        return MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))

    (tmp_path / "rasa").mkdir()
    if not database.startswith("postgresql"):
        monkeypatch.setenv(tracker_db.URL_ENV, f"sqlite:///{tmp_path / 'rasa' / 'tracker.db'}")
    tracker_db.reset_engines()
    senders: list = []
    yield make, senders
    for sender in senders:  # on PostgreSQL the events table outlives the test
        from bot.privacy.forget import forget_conversation

        try:
            forget_conversation(sender)
        except Exception:  # noqa: BLE001 - best effort
            pass
    tracker_db.reset_engines()


@pytest.fixture
def redis_url(tmp_path):
    """A throw-away Redis (the cluster's lock store) on a free port, without persistence."""
    assert shutil.which("redis-server"), "redis-server is needed (`make test` installs it, as it does for the cluster)"
    port = free_port()
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    deadline = time.monotonic() + 10
    while True:
        try:
            if redis.Redis(port=port).ping():
                break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(10)


def stored_user_ids(make_store, sender: str) -> list:
    async def read():
        tracker = await make_store().retrieve_full_tracker(sender)
        return [e.message_id for e in tracker.events if isinstance(e, UserUttered)] if tracker else []

    return asyncio.run(read())


def test_one_machine_a_retry_after_the_page_gave_up_waiting_gets_the_first_answer_and_is_not_handled_twice(
        tracker_store):
    """``make run``: one Rasa server (in-memory lock store) and one web server. The browser stops waiting for a slow
    turn (a network time-out: the page shows its error with 'Opnieuw proberen'), while the web server and Rasa go on
    with it; the retry sends the same id."""
    from rasa.core.lock_store import InMemoryLockStore

    make_store, senders = tracker_store
    handled: list = []
    rasa = RasaServer(make_store(), InMemoryLockStore(), delay=2.5, handled=handled)
    web = web_server(rasa.url, chat_timeout=20)
    secret = conversation.new_secret()
    sender = conversation.conversation_id(secret)
    senders.append(sender)
    try:
        with pytest.raises(TimeoutError):  # the browser gave up; Rasa is still working on the turn
            chat(web, secret, {"message": "de moeder belt over haar zoon", "id": "a1b2c3d4e5f6a7b8"}, timeout=1)
        status, again = chat(web, secret, {"message": "de moeder belt over haar zoon", "id": "a1b2c3d4e5f6a7b8"})
        assert status == 200 and texts(again) == ["Genoteerd als beurt 1."]
        assert handled == ["web-a1b2c3d4e5f6a7b8"]
        time.sleep(0.5)
        status, resent = chat(web, secret, {"message": "de moeder belt over haar zoon", "id": "a1b2c3d4e5f6a7b8"})
        assert status == 200 and texts(resent) == ["Genoteerd als beurt 1."]  # answered from the store, at once
        # a new message (a new id) is a new turn
        status, answer = chat(web, secret, {"message": "en de vader?", "id": "ffffeeeeddddcccc"})
        assert status == 200 and texts(answer) == ["Genoteerd als beurt 2."]
        assert handled == ["web-a1b2c3d4e5f6a7b8", "web-ffffeeeeddddcccc"]
        assert stored_user_ids(make_store, sender) == ["web-a1b2c3d4e5f6a7b8", "web-ffffeeeeddddcccc"]
        assert len(list_records("intake_samenvatting", conversation_id=sender)) == 2
    finally:
        stop(web)
        rasa.close()


def test_two_servers_a_retry_through_the_other_web_and_rasa_server_while_the_first_still_runs_is_handled_once(
        tracker_store, redis_url):
    """The cluster: two web servers and two Rasa servers on one tracker database and one Redis lock store. The first
    attempt goes through web1 and rasa1 and takes long; the page gives up and sends it again, through web2 and rasa2,
    while rasa1 is still handling it. rasa2 waits for the conversation's lock, finds the turn in the store and sends
    its answer: one turn in the store, one record, the same answer."""
    from rasa.core.lock_store import RedisLockStore

    from bot.rasa_runtime import lock_lease

    lock_lease.install()
    make_store, senders = tracker_store
    handled: list = []
    servers = [RasaServer(make_store(), RedisLockStore(port=redis_url, key_prefix="rustpunt"), delay=3,
                          handled=handled) for _ in range(2)]
    webs = [web_server(servers[0].url, chat_timeout=1), web_server(servers[1].url, chat_timeout=20)]
    secret = conversation.new_secret()
    sender = conversation.conversation_id(secret)
    senders.append(sender)
    body = {"message": "vader Jansen is boos over de uithuisplaatsing", "id": "0123456789abcdef0123"}
    try:
        assert chat(webs[0], secret, body)[0] == 504
        status, again = chat(webs[1], secret, body)
        assert status == 200 and texts(again) == ["Genoteerd als beurt 1."]
        assert handled == ["web-0123456789abcdef0123"]
        assert stored_user_ids(make_store, sender) == ["web-0123456789abcdef0123"]
        assert len(list_records("intake_samenvatting", conversation_id=sender)) == 1
        # both attempts at once, each through its own server: still one turn
        body2 = {"message": "hij wil zijn dochter zien", "id": "9999888877776666"}
        results: list = []
        threads = [threading.Thread(target=lambda w=w: results.append(chat(w, secret, body2))) for w in webs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert handled == ["web-0123456789abcdef0123", "web-9999888877776666"]
        assert stored_user_ids(make_store, sender) == ["web-0123456789abcdef0123", "web-9999888877776666"]
        assert len(list_records("intake_samenvatting", conversation_id=sender)) == 2
        assert [texts(answer) for status, answer in results if status == 200] in (
            [["Genoteerd als beurt 2."]], [["Genoteerd als beurt 2."]] * 2)
    finally:
        for web in webs:
            stop(web)
        for server in servers:
            server.close()


def test_the_page_gives_every_message_an_id_and_a_retry_the_same_one():
    """app.js: a new id per message (random, not counted: two tabs of one conversation never share one), the same on
    'Opnieuw proberen', and the retried message is not shown a second time."""
    from pathlib import Path

    script = (Path(__file__).resolve().parent.parent / "bot" / "web" / "static" / "app.js").read_text()
    assert "var body = { message: text, id: id };" in script
    assert "var id = retryOf || messageId();" in script
    assert script.count("send(payload, shown, id)") == 2  # both retry buttons (an error answer, no connection)
    assert "getRandomValues" in script


@pytest.mark.parametrize("bad", ["kort", "met spatie 12345", "x" * 65, 12345678, ["a" * 10]])
def test_a_bad_message_id_is_refused_in_dutch_and_does_not_reach_rasa(fake_rasa, bad):
    web = web_server(fake_rasa.url, chat_timeout=5)
    try:
        status, answer = chat(web, conversation.new_secret(), {"message": "hallo", "id": bad})
        assert status == 400 and "berichtnummer" in answer["fout"]
        assert not [seen for seen in fake_rasa.seen if seen[0] == "webhook"]
    finally:
        stop(web)


def test_the_pages_id_reaches_rasa_as_the_message_id(fake_rasa):
    web = web_server(fake_rasa.url, chat_timeout=5)
    try:
        assert chat(web, conversation.new_secret(), {"message": "hallo", "id": "abcdefgh12345678"})[0] == 200
        assert fake_rasa.seen[-1][1]["message_id"] == "web-abcdefgh12345678"
    finally:
        stop(web)

