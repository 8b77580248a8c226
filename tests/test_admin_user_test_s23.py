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
    assert "Er is nog geen sleutel" in capsys.readouterr().out
    assert main(["terugbellen", "lijst"]) == 0
    assert main(["sleutel", "controleer"]) == 1
    assert not key.exists()


def test_a_call_back_never_makes_a_key_either(key):
    from bot.intake.callbacks import register

    record_id, note = register("jeugdconsulent", f"school, bel {PHONE}", "morgen")
    assert "de contactgegevens zijn niet bewaard" in note and "Er is nog geen sleutel" in note
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


# -- 2. the key outside the tree of the data; retention on a schedule --------------------------------------------------

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


# -- 3. an abandoned preparation plan: listed by number and date, forgotten by number ----------------------------------

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


# -- 6. every wipe and overwrite empties SQLite's write-ahead log -------------------------------------------------------

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


# -- 10. SIGTERM to the process group of 'make run' removes var/rasa_token ---------------------------------------------

STUB_PYTHON = textwrap.dedent("""\
    #!/usr/bin/env bash
    case "$*" in
      *secrets*) echo proef-token ;;
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
