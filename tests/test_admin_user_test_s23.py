"""A privacy officer and an IT administrator tested a single-node installation (session 23):

1. the key of the encrypted contact details was made by the first call-back (even by a read-only command), so a
   missing key file silently replaced the old key; a key readable by others and a garbage key were accepted;
2. the deployment put the key in the same tree as the data, and retention never ran on a schedule;
3. an abandoned preparation plan could not be forgotten from the command line;
6. a wiped role-play turn stayed in SQLite's write-ahead log until the next checkpoint;
10. SIGTERM to the process group of 'make run' left var/rasa_token behind.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.paths import PROJECT_ROOT
from bot.privacy import crypto
from bot.records import add_record, get_record, list_records

PHONE = "06-11112222"


@pytest.fixture
def key(tmp_path, monkeypatch) -> Path:
    """A key path of its own, not made yet (outside the test's data folder)."""
    path = tmp_path.parent / f"{tmp_path.name}-eigen-sleutel" / "sleutel"
    monkeypatch.setenv("RUSTPUNT_KEY_FILE", str(path))
    crypto.reset()
    return path


def _a_callback_with_contact() -> int:
    from bot.intake.callbacks import register

    record_id, note = register("jeugdconsulent", f"school, bel {PHONE}", "morgen")
    assert "niet bewaard" not in note
    return record_id


# -- 1. the key: made at set-up only, never by a read; a missing, wrong or open key stops the start ------------------

def test_a_read_only_command_never_makes_a_key(key, capsys):
    record_id = add_record("terugbelverzoek", {"wie": "x", "waarover": "y", "wanneer": "z", "contact": "gAAAAbad"})
    assert main(["terugbellen", "toon", str(record_id)]) == 1
    assert "De sleutel voor de versleutelde contactgegevens ontbreekt" in capsys.readouterr().out
    assert main(["terugbellen", "lijst"]) == 0
    assert main(["sleutel", "controleer"]) == 1
    assert not key.exists()


def test_a_call_back_never_makes_a_key_either(key):
    from bot.intake.callbacks import register

    record_id, note = register("jeugdconsulent", f"school, bel {PHONE}", "morgen")
    assert "de contactgegevens zijn niet bewaard" in note and "ontbreekt" in note
    assert not key.exists() and "contact" not in get_record("terugbelverzoek", record_id).data


def test_the_first_start_makes_the_key_and_later_starts_check_it(key, capsys):
    assert main(["sleutel", "klaarzetten"]) == 0
    assert "Nieuwe sleutel" in capsys.readouterr().out
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"
    made = key.read_bytes()
    _a_callback_with_contact()
    assert main(["sleutel", "klaarzetten"]) == 0
    assert key.read_bytes() == made  # never replaced
    assert main(["sleutel", "controleer"]) == 0
    assert "is in orde en leest de versleutelde contactgegevens" in capsys.readouterr().out


def test_a_missing_key_with_encrypted_data_stops_the_start_with_what_to_do(key, capsys):
    crypto.prepare()
    record_id = _a_callback_with_contact()
    key.unlink()
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 1
    out = capsys.readouterr().out
    assert f"De sleutel {key} ontbreekt" in out and "Zet de reservekopie van de sleutel terug" in out
    assert "rustpunt sleutel maak --wis-oude-contactgegevens" in out
    assert not key.exists()  # no new key that cannot read the old call-backs
    assert main(["sleutel", "maak"]) == 1 and not key.exists()
    # the administrator gives the lost contact details up explicitly
    assert main(["sleutel", "maak", "--wis-oude-contactgegevens"]) == 0
    assert key.exists() and "contact" not in get_record("terugbelverzoek", record_id).data
    assert main(["sleutel", "klaarzetten"]) == 0


def test_a_wrong_or_garbage_key_stops_the_start(key, capsys):
    from cryptography.fernet import Fernet

    crypto.prepare()
    _a_callback_with_contact()
    key.write_bytes(Fernet.generate_key() + b"\n")  # another valid key: the old call-backs cannot be read
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 1
    assert "past niet bij de versleutelde contactgegevens" in capsys.readouterr().out
    key.write_bytes(b"dit is geen sleutel\n")
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 1
    assert "bevat geen geldige sleutel" in capsys.readouterr().out


def test_a_wrong_key_is_found_behind_many_newer_call_backs_without_contact_details(key, capsys):
    """The start checks the key against the newest encrypted details a page at a time, so it still finds them behind
    hundreds of newer call-backs whose details were already dropped, without reading the whole store at once."""
    from cryptography.fernet import Fernet

    crypto.prepare()
    _a_callback_with_contact()
    for number in range(450):
        add_record(crypto.CALLBACK_KIND, {"tijd": "morgen", "nummer": number})
    assert len(crypto.encrypted_values()) == 1
    key.write_bytes(Fernet.generate_key() + b"\n")
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 1
    assert "past niet bij de versleutelde contactgegevens" in capsys.readouterr().out


def test_a_key_readable_by_others_is_refused(key, capsys):
    crypto.prepare()
    key.chmod(0o644)
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 1
    assert f"chmod 600 {key}" in capsys.readouterr().out
    with pytest.raises(crypto.KeyFileError):
        crypto.encrypt("Sanne")
    key.chmod(0o600)
    crypto.reset()
    assert main(["sleutel", "klaarzetten"]) == 0


def test_an_empty_key_file_prepared_by_the_administrator_is_filled_at_the_first_start(key):
    key.parent.mkdir(parents=True)
    key.touch(mode=0o600)  # 'install -m 0600 -o rustpunt /dev/null /etc/rustpunt/sleutel' (docs/deploy.md)
    assert crypto.prepare().made and len(key.read_bytes().strip()) == 44


# -- 2. the key outside the tree of the data; retention on a schedule ------------------------------------------------

@pytest.mark.parametrize("inside", ["var", "program", "home-of-the-service-user"])
def test_a_key_in_the_same_tree_as_the_data_is_refused(tmp_path, monkeypatch, inside):
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    path = {"var": tmp_path / "var" / "sleutel",
            "program": PROJECT_ROOT / "sleutel",
            # adduser --home /opt/rustpunt: ~/.config/rustpunt/sleutel next to /opt/rustpunt/var
            "home-of-the-service-user": PROJECT_ROOT / ".config" / "rustpunt" / "sleutel"}[inside]
    monkeypatch.setenv("RUSTPUNT_KEY_FILE", str(path))
    crypto.reset()
    with pytest.raises(crypto.KeyFileError, match="mag niet in de datamap of de programmamap"):
        crypto.prepare()
    assert not path.exists()


def test_the_deployment_keeps_the_key_outside_the_data_and_runs_retention_daily():
    systemd = PROJECT_ROOT / "deploy" / "systemd"
    env = (systemd / "rustpunt.env.example").read_text(encoding="utf-8")
    assert "RUSTPUNT_KEY_FILE=/etc/rustpunt/sleutel" in env
    actions = (systemd / "rustpunt-actions.service").read_text(encoding="utf-8")
    assert "rustpunt sleutel klaarzetten" in actions
    timer = (systemd / "rustpunt-opruimen.timer").read_text(encoding="utf-8")
    assert "OnCalendar=daily" in timer and "Persistent=true" in timer
    service = (systemd / "rustpunt-opruimen.service").read_text(encoding="utf-8")
    assert "rustpunt opruimen" in service and "User=rustpunt" in service
    assert "rustpunt-opruimen.timer" in (systemd / "rustpunt.target").read_text(encoding="utf-8")


def test_the_supervisor_of_make_run_runs_retention_every_day(tmp_path):
    from bot.supervisor import DAY, Supervisor, Task, standard_tasks

    assert [(t.name, t.args[-1], t.every) for t in standard_tasks()] == [("opruimen", "opruimen", DAY)]
    now = [1000.0]
    marker = tmp_path / "ran"
    task = Task("opruimen", [sys.executable, "-c", f"open({str(marker)!r}, 'a').write('x')"], every=DAY)
    sup = Supervisor([], tmp_path / "logs", clock=lambda: now[0], say=lambda text: None, tasks=[task])
    sup.start()
    sup.poll()
    assert task.runs == 0  # 'make run' cleaned up just before the start
    now[0] += DAY
    sup.poll()
    task.popen.wait(timeout=30)
    now[0] += DAY
    sup.poll()
    task.popen.wait(timeout=30)
    assert task.runs == 2 and marker.read_text() == "xx"
    sup.stop()


# -- 3. an abandoned preparation plan: listed by number and date, forgotten by number --------------------------------

def test_a_stopped_plan_is_listed_without_content_and_forgotten_by_number(capsys):
    from bot import status

    plan = add_record("gespreksplan", {"situatie": {"beschrijving": "moeder met een depressie"}},
                      conversation_id="gesprek-p", title="Gespreksplan voor een gesprek met moeder",
                      status=status.STOPPED)
    other = add_record("gespreksplan", {"situatie": {}}, conversation_id="gesprek-q", status=status.DONE)
    assert main(["plan", "lijst"]) == 0
    listing = capsys.readouterr().out
    assert f"  {plan}  " in listing and "halverwege gestopt" in listing and "rustpunt vergeet --plan" in listing
    assert "depressie" not in listing and "moeder" not in listing
    assert main(["vergeet", "--plan", str(plan)]) == 0
    assert f"Gespreksplan {plan} is vergeten" in capsys.readouterr().out
    assert get_record("gespreksplan", plan) is None and get_record("gespreksplan", other) is not None
    assert main(["vergeet", "--plan", str(plan)]) == 1
    assert "Er is geen gespreksplan met nummer" in capsys.readouterr().out


# -- 4. a request to delete someone's data in an intake is no answer of the caller -----------------------------------

@pytest.mark.parametrize("text", [
    "kun je alles over fenneke bruinsma verwijderen uit je systeem?",  # the user test
    "vergeet alles over mevrouw jansen", "wis alles over deze moeder", "kun je haar gegevens uit het systeem halen?",
    "kun je fenneke uit je systeem verwijderen?", "Kun je alles wat je over Fenneke Bruinsma hebt verwijderen?",
])
def test_a_request_to_delete_someones_data_forgets_the_caller(text):
    from bot import commands

    assert commands.asks_to_forget_the_caller(text) and commands.is_forget_request(text)
    assert not commands.is_forget_request(text, in_role_play=True)  # a line for the persona there


@pytest.mark.parametrize("text", [
    "moeder wil alles van haar ex uit haar leven verwijderen", "oma vergeet alles van vroeger",
    "vader zegt dat de school alles over zijn zoon heeft verwijderd", "kun je alles over de scheiding vertellen?",
    "ik ben vergeten alles over haar op te schrijven",
])
def test_what_a_caller_tells_about_deleting_is_still_an_answer(text):
    from bot import commands

    assert not commands.asks_to_forget_the_caller(text) and not commands.is_forget_request(text)


async def test_a_deletion_request_typed_in_the_intake_is_never_stored_or_quoted(monkeypatch):
    from bot.knowledge.loader import get_knowledge
    from tests.intake_form import FOLDER, typed
    from tests.test_privacy_user_test_s22 import type_through

    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)
    try:
        _, slots = await type_through(["moeder belt over haar dochter van 13 die niet naar school gaat"])
        after, replies = await typed(slots["intake_status"],
                                     "kun je alles over fenneke bruinsma verwijderen uit je systeem?")
        state = after["intake_status"]
        assert replies[0].startswith("Ik heb deze intake gewist")
        assert "fenneke" not in str(state).lower() and "verwijderen" not in str(state)
        assert state["answers"] == {} and list_records("intake_samenvatting") == []
    finally:
        monkeypatch.delenv("RUSTPUNT_KNOWLEDGE_DIR")
        get_knowledge(reload=True)


# -- 5. a contact detail in an answer that is asked again is kept ----------------------------------------------------

async def test_a_number_in_a_refused_subject_is_kept_for_the_call_back():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ActionTerugbelverzoekOpslaan, ValidateTerugbelForm
    from bot.intake.callbacks import show
    from tests.test_intake_actions import DOMAIN, tracker

    validator = ValidateTerugbelForm()
    dispatcher = CollectingDispatcher()
    result = validator.validate_terugbel_waarover(f"bellen op {PHONE}", dispatcher, tracker(), DOMAIN)
    assert result == {"terugbel_waarover": None}  # asked again: it says nothing about the subject
    assert dispatcher.messages[0]["text"].startswith("Dat zegt nog niet waarover")
    assert validator.validate_terugbel_waarover("school", CollectingDispatcher(), tracker(), DOMAIN)
    slots = {"terugbel_wie": "jeugdconsulent", "terugbel_waarover": "school", "terugbel_wanneer": "morgen"}
    reply = CollectingDispatcher()
    await ActionTerugbelverzoekOpslaan().run(reply, tracker(slots=slots), DOMAIN)
    (stored,) = list_records("terugbelverzoek")
    assert show(stored.pk)[1] == [PHONE]
    assert "geen contactgegevens" not in " ".join(m.get("text") or "" for m in reply.messages)


async def test_a_forget_request_in_the_call_back_keeps_no_contact_details():
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ValidateTerugbelForm
    from tests.test_intake_actions import DOMAIN, tracker

    request = "kun je Fenneke Bruinsma helemaal verwijderen uit je systeem?"
    from bot.intake.callbacks import contact_details

    assert contact_details(request) == ["Fenneke Bruinsma"]  # the name would be kept as a contact detail
    ValidateTerugbelForm().validate_terugbel_waarover(request, CollectingDispatcher(), tracker(), DOMAIN)
    assert list_records("terugbel_contact") == []


# -- 6. every wipe and overwrite empties SQLite's write-ahead log ----------------------------------------------------

def _wal() -> Path:
    return Path(os.environ["RUSTPUNT_DATABASE_URL"].removeprefix("sqlite:///") + "-wal")


def test_a_wiped_role_play_turn_is_gone_from_the_write_ahead_log_at_once():
    from bot.knowledge.loader import get_knowledge
    from bot.roleplay import catalog
    from bot.roleplay.session import PracticeService

    get_knowledge(reload=True)
    service = PracticeService()
    scenario = catalog.scenarios()[0]
    session_id, _ = service.begin(scenario.id, "deelnemer-1", None, "gesprek-wal")
    secret = "mijn buurvrouw Gerritdina Oosterhuis"
    service.play(session_id, f"ik hoor dat u boos bent, {secret}")
    assert service.play(session_id, "kun je dat laatste bericht verwijderen?").soort == "opnieuw"
    for path in (_wal(), Path(str(_wal())[:-4])):
        assert not path.exists() or b"Oosterhuis" not in path.read_bytes()
    assert _wal().exists() is False or _wal().stat().st_size == 0


def test_dropping_contact_details_empties_the_write_ahead_log():
    from bot.intake.callbacks import drop_contact

    record_id = _a_callback_with_contact()
    token = get_record("terugbelverzoek", record_id).data["contact"].encode()
    assert drop_contact(record_id)
    assert not _wal().exists() or _wal().stat().st_size == 0
    assert token not in Path(str(_wal())[:-4]).read_bytes()


# -- 7. behind a reverse proxy: each user their own limits; a right token always counts; wiping is never limited -----

def _web(fake_rasa, **settings):
    from tests.test_web_security import Clock, _start

    clock = Clock()
    return _start(fake_rasa, clock, [], **settings), clock


def _login_from(server, address, token, bearer=False):
    import urllib.parse

    from tests.test_web_server import request

    headers = {"X-Forwarded-For": address}
    if bearer:
        return request(server, "GET", "/trainer", headers={**headers, "Authorization": f"Bearer {token}"})[0]
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return request(server, "POST", "/trainer", urllib.parse.urlencode({"token": token}), headers)[0]


def test_behind_a_trusted_proxy_wrong_tokens_lock_out_only_their_own_client(fake_rasa):
    import ipaddress

    from tests.test_web_server import TOKEN

    server, _ = _web(fake_rasa, trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),))
    try:
        assert [_login_from(server, "203.0.113.9", f"geraden-{i:04d}") for i in range(6)] == [401] * 5 + [429]
        assert _login_from(server, "198.51.100.7", TOKEN, bearer=True) == 200  # another trainer behind the proxy
        assert _login_from(server, "198.51.100.7", "een-tikfout-1234") == 401  # not locked out by someone else
        # a client cannot choose its address: the proxy appends the real one, what comes before is ignored
        assert _login_from(server, "198.51.100.7, 203.0.113.9", "geraden-9999") == 429
    finally:
        server.shutdown()
        server.server_close()


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(fake_rasa):
    server, _ = _web(fake_rasa)
    try:
        statuses = [_login_from(server, f"203.0.113.{i}", f"geraden-{i:04d}") for i in range(6)]
        assert statuses == [401] * 5 + [429]  # a made-up header does not escape the limit
    finally:
        server.shutdown()
        server.server_close()


def test_the_right_token_gets_in_while_others_locked_the_shared_address_out(fake_rasa):
    from tests.test_web_server import TOKEN

    server, _ = _web(fake_rasa)  # no proxy configured: everyone behind one address (an office, a proxy)
    try:
        assert [_login_from(server, "", f"geraden-{i:04d}") for i in range(6)][-1] == 429
        assert _login_from(server, "", TOKEN, bearer=True) == 200
        assert _login_from(server, "", TOKEN) == 200
    finally:
        server.shutdown()
        server.server_close()


def test_wiping_the_conversation_is_never_rate_limited(fake_rasa):
    from tests.test_web_server import request

    server, _ = _web(fake_rasa, chat_per_minute=2)
    try:
        assert [request(server, "POST", "/api/chat", {"message": "hallo"})[0] for _ in range(3)] == [200, 200, 429]
        status, _, body = request(server, "POST", "/api/gesprek/wissen", {})
        assert status == 200 and "gewist" in body
    finally:
        server.shutdown()
        server.server_close()


def test_trusted_proxies_are_read_from_the_environment():
    import ipaddress

    from bot.web.config import ConfigError, WebConfig

    config = WebConfig.from_env({"RUSTPUNT_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8,::1"})
    assert config.trusted_proxies == (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.0.0.0/8"),
                                      ipaddress.ip_network("::1/128"))
    assert WebConfig.from_env({}).trusted_proxies == ()
    with pytest.raises(ConfigError, match="RUSTPUNT_TRUSTED_PROXIES moet IP-adressen"):
        WebConfig.from_env({"RUSTPUNT_TRUSTED_PROXIES": "nginx"})


# -- 8. a session wiped by the trainer during play: said once, then the menu -----------------------------------------

async def test_a_session_wiped_during_play_is_said_once_and_the_chat_goes_back_to_the_menu(capsys):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import roleplay as roleplay_actions
    from bot.knowledge.loader import get_knowledge
    from bot.knowledge.texts import Texts
    from tests.test_roleplay_actions import DOMAIN, run_form, start

    get_knowledge(reload=True)
    roleplay_actions.set_service(None)
    session, _, _ = await start()
    assert main(["vergeet", "--sessie", str(session)]) == 0  # the trainer, while the trainee plays
    events, messages = await run_form("rollenspel_beurt", "ik hoor dat u boos bent",
                                      slots={"rollenspel_sessie": session, "rollenspel_scenario": "x"})
    said = Texts("rollenspel_tekst").text("sessie_gewist", sessie=session)
    assert [m["text"] for m in messages] == [said] and "door de trainer gewist" in said
    assert "bestaat niet" not in said
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["rollenspel_sessie"] is None and slots["rollenspel_beurt"] == "klaar"
    # the end of the form then says nothing more (the slot is empty); before the fix it said "bestaat niet" again
    dispatcher = CollectingDispatcher()
    after = Tracker(sender_id="gesprek-1", slots={"rollenspel_sessie": None}, latest_message={}, events=[],
                    paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    await roleplay_actions.ActionRollenspelAfronden().run(dispatcher, after, DOMAIN)
    assert dispatcher.messages == []


# -- 10. SIGTERM to the process group of 'make run' removes var/rasa_token -------------------------------------------

STUB_PYTHON = textwrap.dedent("""\
    #!/usr/bin/env bash
    case "$*" in
      *secrets*) echo proef-token ;;
      *bot.supervisor*--claim*) exit 0 ;;
      *bot.supervisor*) trap 'exit 0' TERM; while true; do sleep 0.1; done ;;
      *) exit 0 ;;
    esac
""")
STUB_RUSTPUNT = textwrap.dedent("""\
    #!/usr/bin/env bash
    if [ "$1" = kennis ] && [ -n "${TRAAG:-}" ]; then sleep 30; fi
    exit 0
""")


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name, text in ((".venv/bin/python", STUB_PYTHON), (".venv/bin/rustpunt", STUB_RUSTPUNT),
                       ("scripts/setup.sh", "#!/usr/bin/env bash\n"), ("scripts/train.sh", "#!/usr/bin/env bash\n")):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(0o755)
    (root / "scripts" / "run.sh").write_text((PROJECT_ROOT / "scripts" / "run.sh").read_text())
    (root / "scripts" / "run.sh").chmod(0o755)
    return root


def _default_signals() -> None:
    """As from a terminal: a signal ignored by this test process (a library may do that) cannot be trapped by bash."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)


@pytest.mark.parametrize("moment", ["running", "starting"])
def test_sigterm_to_the_process_group_of_make_run_removes_the_api_token(tmp_path, moment):
    root = _project(tmp_path)
    env = {key: value for key, value in os.environ.items() if not key.startswith("RUSTPUNT_")}
    env.update(RUSTPUNT_RASA_TOKEN="", **({"TRAAG": "1"} if moment == "starting" else {}))
    log = open(tmp_path / "run.log", "wb")
    process = subprocess.Popen(["scripts/run.sh"], cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True, preexec_fn=_default_signals)
    token = root / "var" / "rasa_token"
    deadline = time.monotonic() + 20
    ready = "Rustpunt is klaar" if moment == "running" else ""
    while time.monotonic() < deadline and not (token.exists() and ready in (tmp_path / "run.log").read_text()):
        time.sleep(0.1)
    assert token.exists(), (tmp_path / "run.log").read_text()
    os.killpg(process.pid, signal.SIGTERM)  # kill -TERM -- -<pgid>
    process.wait(timeout=30)
    assert not token.exists(), (tmp_path / "run.log").read_text()
