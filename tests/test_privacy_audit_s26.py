"""Privacy audit (twenty-sixth session), as an auditor of a youth-care organisation would do it.

1. A failing action leaves nothing of what was typed in the logs. An auditor typed a realistic story (a name, phone
number, address, BSN and a child's words) and made an action fail. rasa_sdk answered Rasa with the error's text and
the whole request it got (``request_body``: the conversation, the current message unmasked); Rasa logged that answer
as part of the error, and the action server logged the error's text (``int('06-48213377')``, an SQL error with its
parameters). ``make run`` writes both logs to var/logs/ in plain text, next to a tracker store that holds the same
conversation masked.

Here the real action server app (as ``python -m bot.action_server`` builds it) and Rasa's real action call and
error handling (``RemoteAction``, ``MessageProcessor._run_action`` with Rustpunt's patches) run in one process, log
into a data folder like make run's, and the folder's bytes are searched for every detail that was typed.

2. ``make shell`` without a running ``make run`` started its own action server as a bare ``rasa run actions``: no
token (any program on the machine, or a web page through rasa_sdk's CORS ``*``, could run an action for a made-up
tracker, such as showing a stored plan) and rasa_sdk's own error handling (point 1)."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Action
from sqlalchemy.exc import OperationalError

from bot import action_server
from bot.rasa_runtime import install_all, outage
from tests.e2e.conftest import free_port

install_all()

TOKEN = "test-token-crash"
STORY = ("Ik bel over Mila (7). Moeder Fatima El Amrani, 06-48213377, Kastanjelaan 14, 3581 KP Utrecht, "
         "BSN 204315866. Mila zei: papa gooide de stoel naar mama en ik verstopte me in de kast")
DETAILS = ("Mila", "Fatima", "El Amrani", "06-48213377", "48213377", "Kastanjelaan", "3581 KP", "204315866",
           "verstopte me in de kast", "gooide de stoel")


class ReadsTheAge(Action):
    """Fails the way code fails on unexpected input: the error quotes what it got."""

    def name(self):
        return "action_test_leeftijd"

    def run(self, dispatcher, tracker, domain):
        return [{"event": "slot", "name": "leeftijd", "value": int(tracker.latest_message["text"].split(",")[1])}]


class StoresTheStory(Action):
    """Fails the way a locked database fails: SQLAlchemy's error quotes the statement's parameters."""

    def name(self):
        return "action_test_opslaan"

    def run(self, dispatcher, tracker, domain):
        raise OperationalError("INSERT INTO records (data) VALUES (?)", (tracker.latest_message["text"],),
                               Exception("database is locked"))


ACTIONS = types.ModuleType("rustpunt_test_failing_actions")
ACTIONS.ReadsTheAge = ReadsTheAge
ACTIONS.StoresTheStory = StoresTheStory
sys.modules[ACTIONS.__name__] = ACTIONS


@pytest.fixture
def logs(tmp_path):
    """Every log line of this process into ``tmp_path/logs/servers.log``, as make run writes var/logs/<part>.log."""
    folder = tmp_path / "logs"
    folder.mkdir()
    handler = logging.FileHandler(folder / "servers.log", encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s - %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield folder
    finally:
        root.removeHandler(handler)
        handler.close()


def found_in(folder: Path) -> list:
    return sorted({(path.name, detail) for path in folder.rglob("*") if path.is_file()
                   for detail in DETAILS if detail.encode("utf-8") in path.read_bytes()})


async def _run_failing_action(app, action_name: str) -> outage.PartUnavailable:
    """Serve ``app`` on a free port and let Rasa run ``action_name`` for a conversation that told ``STORY``; the
    outage Rasa reports for the turn."""
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", headers={"Authorization": f"Bearer {TOKEN}"})
        action = RemoteAction(action_name, endpoint)
        tracker = DialogueStateTracker.from_events("gesprek-crash", [
            ActionExecuted("action_listen"), UserUttered(STORY, {"name": "vertel", "confidence": 1.0})])
        processor = MessageProcessor.__new__(MessageProcessor)  # only what _run_action touches on an error
        processor.domain = Domain.empty()
        processor._log_action_on_tracker = lambda *args, **kwargs: None
        turn = outage._TURN.set([])
        try:
            with pytest.raises(outage.PartUnavailable) as failure:
                await processor._run_action(action, tracker, CollectingOutputChannel(),
                                            TemplatedNaturalLanguageGenerator({}), PolicyPrediction([], "test"))
        finally:
            outage._TURN.reset(turn)
        assert tracker.latest_message.text == STORY  # the turn being processed still had it
        return failure.value
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("action_name,error", [("action_test_leeftijd", "ValueError"),
                                               ("action_test_opslaan", "OperationalError")])
async def test_a_failing_action_leaves_nothing_that_was_typed_in_the_logs(monkeypatch, logs, action_name, error):
    from rasa_sdk import endpoint
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)  # several apps named rasa_sdk in one process
    app = action_server.protect(endpoint.create_app(ACTIONS.__name__), TOKEN)
    failure = await _run_failing_action(app, action_name)

    assert failure.part == outage.ACTION_SERVER_ERROR  # the professional still hears that the action server failed
    assert found_in(logs) == []
    written = (logs / "servers.log").read_text(encoding="utf-8")
    # what a developer needs is still there: which action, which error, and where in the code
    assert f"'{action_name}'" in written and error in written and "test_privacy_audit_s26.py" in written


async def test_an_action_server_started_by_hand_does_not_bring_the_conversation_into_rasas_log(monkeypatch, logs):
    """``rasa run actions`` (not through bot.action_server) still answers an error with the request it got; Rasa
    leaves that answer out of its log."""
    from rasa_sdk import endpoint
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)
    bare = endpoint.create_app(ACTIONS.__name__)
    monkeypatch.setattr(endpoint.logger, "disabled", True)  # that server's own log is its own; here: Rasa's
    failure = await _run_failing_action(bare, "action_test_opslaan")

    assert failure.part == outage.ACTION_SERVER_ERROR
    assert found_in(logs) == []
    assert "action_test_opslaan" in (logs / "servers.log").read_text(encoding="utf-8")


FAKE = """#!/usr/bin/env bash
# stands in for {name}: records how it was called, with the token it got; 'up' answers once a server was started
if [ "$1" = "-c" ]; then
  case "$2" in
    *urlopen*) [ -f "$FAKE_DIR/up" ]; exit $?;;
    *token_urlsafe*) echo token-van-deze-sessie; exit 0;;
  esac
fi
printf '%s|%s|%s\\n' "{name} $*" "${{RUSTPUNT_RASA_TOKEN:-}}" "${{SANIC_HOST:-}}" >> "$FAKE_DIR/calls"
case "$*" in *action*) touch "$FAKE_DIR/up";; esac
"""


def run_make_shell(tmp_path, running=False, env=None):
    """scripts/shell.sh in a copy of the project whose python and rasa only record how they were called; ``running``:
    a 'make run' already answers on the action server's port. Returns (command, token, host) per call."""
    root = Path(__file__).resolve().parents[1]
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(root / "scripts" / "shell.sh", project / "scripts" / "shell.sh")
    (project / "models").mkdir()
    (project / "models" / "rustpunt-test.tar.gz").write_bytes(b"")
    (project / ".venv" / "bin").mkdir(parents=True)
    for name in ("python", "rasa"):
        fake = project / ".venv" / "bin" / name
        fake.write_text(FAKE.format(name=name), encoding="utf-8")
        fake.chmod(0o755)
    if running:
        (tmp_path / "up").touch()
    clean = {key: value for key, value in os.environ.items() if key != "RUSTPUNT_RASA_TOKEN"}
    subprocess.run(["bash", str(project / "scripts" / "shell.sh")], check=True, timeout=60, capture_output=True,
                   env={**clean, "FAKE_DIR": str(tmp_path), **(env or {})})
    return [tuple(line.split("|")) for line in (tmp_path / "calls").read_text(encoding="utf-8").splitlines()]


def test_make_shell_starts_the_guarded_action_server_with_the_token_the_shell_sends(tmp_path):
    server, shell = run_make_shell(tmp_path)
    # the action server of make run: it answers only with the token (http_guard) and fails privately (point 1)
    assert server[0].startswith("python -m bot.action_server --actions actions --port 5055")
    assert server[2] == "127.0.0.1"
    assert shell[0].startswith("python -m bot.rasa_server shell")
    assert server[1] == shell[1] == "token-van-deze-sessie"  # Rasa sends the token the server asks for


def test_make_shell_keeps_a_token_that_was_given_and_leaves_a_running_make_run_alone(tmp_path):
    server, shell = run_make_shell(tmp_path / "eigen", env={"RUSTPUNT_RASA_TOKEN": "mijn-token"})
    assert server[1] == shell[1] == "mijn-token"
    # with make run running, the shell takes its token from var/rasa_token (bot.rasa_server): none is made up here
    assert [call[0].split(" --")[0] for call in run_make_shell(tmp_path / "draait", running=True)] == [
        "python -m bot.rasa_server shell"]
    assert run_make_shell(tmp_path / "draait2", running=True)[0][1] == ""


# --- 3. 'Wis dit gesprek' while a turn is being processed -------------------------------------------------------------

STORE_DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [vertel]
responses:
  utter_ok: [{text: "ok"}]
""")


def tracker_files(tmp_path) -> bytes:
    return b"".join(path.read_bytes() for path in (tmp_path / "rasa").glob("tracker.db*"))


async def test_a_conversation_forgotten_during_a_turn_is_not_stored_again_when_the_turn_ends(
        tmp_path, tracker_url, monkeypatch):
    """The professional sends a message and, before the (slow) answer comes, regrets what she typed and clicks 'Wis
    dit gesprek' (the button stays active while an answer is on its way). The page said the conversation was wiped;
    then Rasa ended the turn and stored the tracker it had read at the start: the store held none of its events any
    more, so Rasa wrote the whole conversation back (masked, but with the child's words) under the old id, where it
    stayed until the retention period."""
    from bot.privacy import tracker_db
    from bot.privacy.forget import forget_conversation
    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    first = await store.get_or_create_tracker("gesprek-wis")
    first.update(UserUttered(STORY, {"name": "vertel", "confidence": 1.0}))
    first.update(ActionExecuted("utter_ok"))
    first.update(ActionExecuted("action_listen"))
    await store.save(first)
    assert b"verstopte me in de kast" in tracker_files(tmp_path)

    turn = await store.get_or_create_tracker("gesprek-wis")  # Rasa reads the conversation at the start of a turn
    turn.update(UserUttered("en ze plast weer in bed sinds oktober", {"name": "vertel", "confidence": 1.0}))
    assert forget_conversation("gesprek-wis")["gespreksgebeurtenissen"] > 0  # the page's button, meanwhile
    turn.update(ActionExecuted("utter_ok"))
    turn.update(ActionExecuted("action_listen"))
    await store.save(turn)  # the turn ends

    assert tracker_db.count_events("gesprek-wis") == 0
    left = tracker_files(tmp_path)
    assert [word for word in (b"verstopte me in de kast", b"plast weer in bed") if word in left] == []

    # an ordinary turn, and a new conversation, are stored as before
    other = await store.get_or_create_tracker("gesprek-blijft")
    other.update(UserUttered("hallo", {"name": "vertel", "confidence": 1.0}))
    await store.save(other)
    again = await store.get_or_create_tracker("gesprek-blijft")
    again.update(UserUttered("nog een vraag", {"name": "vertel", "confidence": 1.0}))
    await store.save(again)
    assert [event.text for event in (await store.retrieve("gesprek-blijft")).events
            if isinstance(event, UserUttered)] == ["hallo", "nog een vraag"]
    fresh = await store.get_or_create_tracker("gesprek-wis")  # the same id after the wipe starts empty
    fresh.update(UserUttered("opnieuw begonnen", {"name": "vertel", "confidence": 1.0}))
    await store.save(fresh)
    assert [event.text for event in (await store.retrieve("gesprek-wis")).events
            if isinstance(event, UserUttered)] == ["opnieuw begonnen"]


async def test_a_turn_that_starts_a_new_session_and_the_turn_after_it_are_stored(tmp_path, tracker_url, monkeypatch):
    """The check above compares with what the store held when the turn began; a new session (the old one expired)
    changes what Rasa counts, and must not make the store skip a turn."""
    from rasa.shared.core.events import SessionStarted

    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    first = await store.get_or_create_tracker("gesprek-sessies")
    first.update(UserUttered("gisteren", {"name": "vertel", "confidence": 1.0}))
    await store.save(first)
    turn = await store.get_or_create_tracker("gesprek-sessies")  # the session expired: Rasa starts a new one
    for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
                  UserUttered("vandaag", {"name": "vertel", "confidence": 1.0}), ActionExecuted("utter_ok")):
        turn.update(event)
    await store.save(turn)
    after = await store.get_or_create_tracker("gesprek-sessies")
    after.update(UserUttered("en nu", {"name": "vertel", "confidence": 1.0}))
    await store.save(after)
    back = await store.retrieve_full_tracker("gesprek-sessies")
    assert [event.text for event in back.events if isinstance(event, UserUttered)] == ["gisteren", "vandaag", "en nu"]


# --- 4. the web page's 'Wis dit gesprek' waits for a message on its way --------------------------------------------

def _post(port: int, path: str, body: dict, secret: str, wait: bool = True):
    import http.client
    import json

    from bot.web import conversation

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=json.dumps(body).encode(), headers={
        "Content-Type": "application/json", "Cookie": f"{conversation.COOKIE_NAME}={secret}"})
    if not wait:  # the browser goes away (a reload) before the answer
        time.sleep(0.3)
        connection.close()
        return None
    response = connection.getresponse()
    answer = response.status, response.read()
    connection.close()
    return answer


@pytest.mark.parametrize("browser_stays", [True, False])
def test_wis_dit_gesprek_clicked_before_the_answer_came_wipes_after_the_turn_was_stored(browser_stays):
    """The button stays active while an answer is on its way. Clicked then, the wipe ran while Rasa and the actions
    were still working on the turn: what they stored afterwards (the turn's events, a summary, a plan) was not
    wiped, though the page said so. Now the wipe waits until the turn is done, also after a reload of the page."""
    import threading

    from bot.web import conversation
    from bot.web.config import WebConfig
    from bot.web.server import make_server
    from tests.fake_rasa import FakeRasa, serve, start_fake_rasa, stop

    class SlowRasa(FakeRasa):
        def answer(self, body):
            time.sleep(1.5)  # NLU, the actions, the tracker store
            self.server.stored.append(time.monotonic())
            return [{"text": "Dank je, ik heb het genoteerd."}]

    rasa = start_fake_rasa(SlowRasa, stored=[])
    wiped = []

    def forget(conversation_id):
        wiped.append((conversation_id, time.monotonic()))
        return {"gespreksgebeurtenissen": 4}

    web = serve(make_server(WebConfig(host="127.0.0.1", port=0, rasa_url=rasa.url, chat_timeout=10,
                                      history_timeout=5), forget=forget))
    secret = conversation.new_secret()
    try:
        port = web.server_address[1]
        chat = threading.Thread(target=_post, args=(port, "/api/chat", {"message": STORY}, secret, browser_stays))
        chat.start()
        time.sleep(0.5)  # the answer is on its way
        status, body = _post(port, "/api/gesprek/wissen", {}, secret)
        chat.join(30)
        assert status == 200 and b"gewist" in body
        assert [conversation_id for conversation_id, _ in wiped] == [conversation.conversation_id(secret)]
        assert len(rasa.stored) == 1 and wiped[0][1] >= rasa.stored[0]  # after the turn was stored, not before
    finally:
        stop(web, rasa)


# --- 5. the write-ahead log while someone else is reading ------------------------------------------------------------

async def _forgotten_while_read(tmp_path, hold_seconds):
    """A conversation with a rare word is forgotten while another connection holds a read transaction on the tracker
    database (a long 'rustpunt gesprekken' in a second terminal) for ``hold_seconds``; returns the release."""
    import sqlite3
    import threading

    from bot.privacy.forget import forget_conversation
    from bot.privacy.tracker_store import MaskingSQLTrackerStore

    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    for sender, text in (("weg", "Zeldzaamwoord zei het kind"), ("blijft", "hallo")):
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(UserUttered(text, {"name": "vertel", "confidence": 1.0}))
        await store.save(tracker)
    reader = sqlite3.connect(tmp_path / "rasa" / "tracker.db", isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM events").fetchone()

    def release():
        reader.execute("COMMIT")
        reader.close()

    if hold_seconds is not None:
        threading.Timer(hold_seconds, release).start()
    assert forget_conversation("weg")["gespreksgebeurtenissen"] > 0
    return release


async def test_forgotten_text_leaves_the_write_ahead_log_also_when_a_reader_held_it_a_while(
        tmp_path, tracker_url, monkeypatch):
    """SQLite empties its log only when no reader still uses an older state; one attempt waits 5 s. A reader that took
    longer left the forgotten text in var/rasa_tracker.db-wal, also after later writes (measured)."""
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    await _forgotten_while_read(tmp_path, hold_seconds=7.0)
    assert b"Zeldzaamwoord" not in tracker_files(tmp_path)


async def test_the_daily_clean_up_empties_a_log_that_a_reader_kept_in_use(tmp_path, tracker_url, monkeypatch):
    from bot.privacy import tracker_db
    from bot.privacy.retention import cleanup

    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    monkeypatch.setattr(tracker_db, "WAL_WAIT", 0.0, raising=False)  # the reader outlasts the deletion's attempts
    release = await _forgotten_while_read(tmp_path, hold_seconds=None)
    assert b"Zeldzaamwoord" in tracker_files(tmp_path)
    release()
    cleanup()  # rustpunt opruimen: every day, and at every start of make run
    assert b"Zeldzaamwoord" not in tracker_files(tmp_path)
    assert tracker_db.count_events("blijft") > 0
