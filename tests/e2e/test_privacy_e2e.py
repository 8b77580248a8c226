"""Privacy through the real servers: identifying details typed in an intake, a call-back, a
preparation and a role-play turn never reach a file in the data folder, and forgetting the
conversation leaves no event and no record of it."""
from __future__ import annotations

import json
import os
import secrets
import urllib.request
from pathlib import Path
from typing import Dict, List

import pytest

pytestmark = pytest.mark.e2e

# the key file the servers use (read before tests/conftest.py points each test at a temporary one)
SERVER_KEY_FILE = os.environ.get("RUSTPUNT_KEY_FILE")

NAME, STREET, PHONE, EMAIL, BSN, POSTCODE = (
    "Sanne de Vries", "Dorpsstraat 12", "06-12345678", "sanne.devries@example.nl", "111222333", "1234 AB",
)
SECRETS = (NAME, "de Vries", STREET, PHONE, "0612345678", "12345678", EMAIL, "sanne.devries", BSN, POSTCODE, "1234AB")
TYPED = f"moeder {NAME} woont op de {STREET} in {POSTCODE} Utrecht, telefoon {PHONE}, mail {EMAIL}, BSN {BSN}"


def _post(url: str, body: Dict) -> List[Dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=180) as response:
        return json.loads(response.read().decode("utf-8"))


class Chat:
    def __init__(self, rasa_url: str, token: str):
        self.url = f"{rasa_url}/webhooks/rest/webhook?token={token}"  # the channel answers only with the token
        self.sender = "privacy-e2e-" + secrets.token_hex(6)
        self.log: List[str] = []

    def say(self, text: str) -> List[Dict]:
        replies = _post(self.url, {"sender": self.sender, "message": text,
                                   "metadata": {"deelnemer": "Deelnemer P1", "groep": "Privacygroep"}})
        self.log.append(f"> {text}")
        self.log += [f"< {reply.get('text') or json.dumps(reply.get('custom'))[:200]}" for reply in replies]
        return replies

    def transcript(self) -> str:
        return "\n".join(self.log[-30:])


def _records(stack, sender: str) -> Dict[str, int]:
    from sqlalchemy import select

    from bot.db import session_scope
    from bot.tables import Record

    with session_scope(stack.database_url) as session:
        rows = session.scalars(select(Record).where(Record.conversation_id == sender)).all()
        counts: Dict[str, int] = {}
        for row in rows:
            counts[row.kind] = counts.get(row.kind, 0) + 1
        return counts


def _leaks(folder: Path) -> List[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for secret in SECRETS:
            for form in {secret, json.dumps(secret)[1:-1], secret.replace(" ", "\\u0020")}:
                if form.encode("utf-8") in data:
                    found.append(f"{path.relative_to(folder)}: {secret!r}")
    return found


def test_identifying_details_never_reach_the_data_folder_and_forget_removes_everything(stack, monkeypatch):
    chat = Chat(stack.rasa_url, stack.rasa_token)
    data_folder = Path(stack.database_url.removeprefix("sqlite:///")).parent

    # 1. intake: one answer full of details, then finish
    chat.say("ik heb een ouder aan de lijn")
    chat.say(TYPED)
    chat.say("rond af")
    # 2. call-back with the contact details
    chat.say("/intake_terugbellen")
    chat.say("jeugdconsulent")
    chat.say(f"{TYPED}; graag terugbellen over school")
    chat.say("morgen voor 12 uur")
    # 3. preparation: the situation and a note with the details, other steps skipped
    chat.say("ik wil een gesprek met een moeder voorbereiden")
    chat.say(f"{TYPED} is boos op school")
    chat.say(f"ik zou zeggen: {NAME}, ik sta voor rust voor iedereen, ook voor jouw kinderen")
    for _ in range(6):
        replies = chat.say("sla over")
        if any(
            "plan" in (r.get("text") or "").lower() and "opgeslagen" in (r.get("text") or "").lower() for r in replies
        ):
            break
    # 4. role-play: start, pick the first scenario, one turn with the details, stop
    replies = chat.say("ik wil oefenen")
    buttons = [b for r in replies for b in (r.get("buttons") or [])]
    assert buttons, f"no scenario buttons:\n{chat.transcript()}"
    chat.say(buttons[0]["payload"])
    chat.say(f"Ik hoor dat u boos bent, {TYPED}")
    chat.say("stop het rollenspel")

    stored = _records(stack, chat.sender)
    for kind in ("intake_samenvatting", "terugbelverzoek", "gespreksplan", "rollenspel"):
        assert stored.get(kind), f"no {kind} stored for this conversation ({stored}):\n{chat.transcript()}"

    # the consultant can still read the contact details of the call-back (decrypted on demand)
    monkeypatch.setenv("RUSTPUNT_DATABASE_URL", stack.database_url)
    if SERVER_KEY_FILE:
        monkeypatch.setenv("RUSTPUNT_KEY_FILE", SERVER_KEY_FILE)
    else:
        monkeypatch.delenv("RUSTPUNT_KEY_FILE", raising=False)
    from bot import db
    from bot.intake.callbacks import show
    from bot.privacy import crypto
    from bot.records import list_records

    db.reset_engines()
    crypto.reset()
    (request,) = list_records("terugbelverzoek", conversation_id=chat.sender)
    assert request.data.get("contact"), "the call-back has no encrypted contact details"
    assert PHONE in show(request.pk)[1]

    leaks = _leaks(data_folder)
    assert leaks == [], f"identifying details stored in the data folder {data_folder}:\n" + "\n".join(leaks)
    assert (data_folder / "tracker.db").is_file() and (data_folder / "rasa.log").is_file()

    # forgetting the conversation leaves no event and no record of it
    from bot.privacy import tracker_db
    from bot.privacy.forget import forget_conversation

    monkeypatch.setenv(tracker_db.URL_ENV, f"sqlite:///{data_folder / 'tracker.db'}")
    tracker_db.reset_engines()
    events_before = tracker_db.count_events(chat.sender)
    assert events_before > 20
    removed = forget_conversation(chat.sender)
    assert removed["gespreksgebeurtenissen"] == events_before
    assert tracker_db.count_events(chat.sender) == 0
    assert _records(stack, chat.sender) == {}
    tracker_db.reset_engines()
    db.reset_engines()
    crypto.reset()
