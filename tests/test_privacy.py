"""Privacy: the masking tracker store (real SQLTrackerStore on a temp SQLite file), forgetting,
retention and encrypted call-back contact details."""
from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import update

from bot.cli import main
from bot.db import session_scope
from bot.privacy import tracker_db
from bot.privacy.forget import forget_chat, forget_conversation
from bot.privacy.masking import mask_reply
from bot.privacy.retention import cleanup
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import add_record, get_record, list_records
from bot.tables import Record
from tests.stored_text import database_bytes

NAME, STREET, PHONE, EMAIL, BSN, POSTCODE = (
    "Sanne de Vries", "Dorpsstraat 12", "06-12345678", "sanne.devries@example.nl", "111222333", "1234 AB",
)
SECRETS = (
    NAME, "Sanne", "Vries", STREET, PHONE, "0612345678", "12345678", EMAIL, "sanne.devries", BSN, POSTCODE, "1234AB",
)
TYPED = f"Moeder {NAME} woont op de {STREET}, {POSTCODE} Utrecht, bel {PHONE} of mail {EMAIL}; BSN {BSN}."

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [vertel]
entities: [naam]
slots:
  terugbel_waarover:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
  voorbereiden_notities:
    type: any
    influence_conversation: false
    mappings: [{type: custom}]
  intake_status:
    type: any
    influence_conversation: false
    mappings: [{type: custom}]
responses:
  utter_ok: [{text: "ok"}]
""")


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


def make_store(tmp_path) -> MaskingSQLTrackerStore:
    # the same arguments endpoints.yml passes for `type: SQL`
    return MaskingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))


def conversation(sender: str, text: str = TYPED, timestamp: float | None = None) -> DialogueStateTracker:
    extra = {"timestamp": timestamp} if timestamp is not None else {}
    events = [
        ActionExecuted("action_session_start", **extra),
        SessionStarted(**extra),
        ActionExecuted("action_listen", **extra),
        UserUttered(text, intent={"name": "vertel", "confidence": 1.0},
                    entities=[{"entity": "naam", "value": NAME, "start": 7, "end": 21}],
                    parse_data={"text": text, "intent": {"name": "vertel", "confidence": 1.0},
                                "entities": [{"entity": "naam", "value": NAME, "start": 7, "end": 21}]},
                    metadata={"deelnemer": "groep 3", "notitie": f"bel {PHONE}"}, **extra),
        SlotSet("terugbel_waarover", text, **extra),
        SlotSet(
            "voorbereiden_notities", {"stap_1": f"Ik zeg tegen {NAME} dat ik luister", "lijst": [EMAIL, BSN]}, **extra
        ),
        SlotSet("intake_status", {"answers": {"algemeen.kern": text}, "pos": 3}, **extra),
        BotUttered(f"Genoteerd: {text}", data={"custom": {"stappen": [{"zin": f"Bel {PHONE}"}]}}, **extra),
    ]
    return DialogueStateTracker.from_events(sender, events, slots=DOMAIN.slots)


def files_contain(folder: Path, secrets=SECRETS) -> list:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                for form in {secret, json.dumps(secret)[1:-1]}:
                    if form.encode("utf-8") in data:
                        found.append((path.name, secret))
    return found


async def test_tracker_store_writes_only_masked_text_and_retrieve_still_works(tmp_path, tracker_url):
    store = make_store(tmp_path)
    live = conversation("gesprek-a")
    await store.save(live)

    assert files_contain(tmp_path / "rasa") == []
    # the database file and its write-ahead log (SQLite keeps new pages there until a checkpoint)
    raw = b"".join(path.read_bytes() for path in (tmp_path / "rasa").glob("tracker.db*"))
    for label in (b"[NAAM]", b"[ADRES]", b"[TELEFOON]", b"[E-MAIL]", b"[BSN]", b"[POSTCODE]"):
        assert label in raw
    # the conversation in memory keeps what was typed (the turn being processed needs it)
    assert live.latest_message.text == TYPED
    assert live.get_slot("terugbel_waarover") == TYPED

    back = await store.retrieve_full_tracker("gesprek-a")
    assert [e.type_name for e in back.events] == [e.type_name for e in live.events]
    assert back.latest_message.intent["name"] == "vertel"
    assert back.latest_message.text.startswith("Moeder [NAAM] woont op")
    assert "[ADRES], [POSTCODE] Utrecht" in back.latest_message.text
    assert "[TELEFOON]" in back.get_slot("terugbel_waarover")
    assert back.get_slot("voorbereiden_notities") == {"stap_1": "Ik zeg tegen [NAAM] dat ik luister",
                                                      "lijst": ["[E-MAIL]", "[BSN]"]}
    assert back.get_slot("intake_status")["pos"] == 3


async def test_tracker_store_on_sqlite_uses_the_write_ahead_log_and_survives_a_new_store(tmp_path, tracker_url):
    import sqlite3

    store = make_store(tmp_path)
    await store.save(conversation("gesprek-wal", text="hallo"))
    path = tmp_path / "rasa" / "tracker.db"
    with sqlite3.connect(path) as check:  # a commit appends to the log instead of syncing the whole file
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = make_store(tmp_path)  # e.g. Rasa restarted: every committed turn is there
    back = await again.retrieve("gesprek-wal")
    assert back.latest_message.text == "hallo"
    assert back.get_slot("intake_status")["pos"] == 3


async def test_replies_keep_our_own_words_and_mask_the_names_that_were_typed(tmp_path, tracker_url, monkeypatch):
    # found by a user test: after a reload the summary read "[NAAM]: ze zegt een 8" (was "Ernst:") and
    # "Vraag 1 van 18 ([NAAM] van de hulpvraag)": the name finder (deduce) takes such words for names
    monkeypatch.delenv("RUSTPUNT_MASKER")
    store = make_store(tmp_path)
    typed = "Karel slaat zijn zoon Sem soms, zegt Roos; bel 06-87654321"
    ours = ["Vraag 1 van 18 (Kern van de hulpvraag)", "Kern: moeite met slapen\nErnst: ze zegt een 8",
            "Je bent niet in de inhoud, het redden of het oordelen geschoten. Mooi.",
            "Ho even. Je zit al bij oplossingen.", "Weet je, papa en mama gaan niet meer samen wonen, Noor."]
    tracker = DialogueStateTracker.from_events("gesprek-namen", [
        ActionExecuted("action_listen"),
        UserUttered(typed, intent={"name": "vertel", "confidence": 1.0}, metadata={"deelnemer": "Fenna Smit"}),
        *[BotUttered(text) for text in ours],
        BotUttered(f'Beurt 1: "{typed}" was inhoud.', data={"custom": {"tekst": typed, "deelnemer": "Fenna Smit"}}),
    ], slots=DOMAIN.slots)
    await store.save(tracker)
    back = await store.retrieve("gesprek-namen")
    replies = [event for event in back.events if isinstance(event, BotUttered)]
    assert [event.text for event in replies[:-1]] == ours  # our own texts come back as they were written
    quoted = replies[-1]
    assert "Karel" not in quoted.text and "Roos" not in quoted.text and "06-87654321" not in quoted.text
    assert "[NAAM]" in quoted.text and "[TELEFOON]" in quoted.text
    assert "Karel" not in json.dumps(quoted.data)
    # the participant's own name or code of the role-play page is kept as typed (session 24: a trainer could not tell
    # four trainees apart); what the participant typed is masked
    assert quoted.data["custom"]["deelnemer"] == "Fenna Smit"
    assert files_contain(tmp_path / "rasa", ("Karel", "Roos", "87654321")) == []
    # a word of ours that the user also typed as a name is masked in our reply as well
    assert mask_reply("Ernst: ze zegt een 8", frozenset({"ernst"})) == "[NAAM]: ze zegt een 8"


async def test_tracker_store_appends_new_events_masked(tmp_path, tracker_url):
    store = make_store(tmp_path)
    await store.save(conversation("gesprek-b", text="hallo"))
    stored = tracker_db.count_events("gesprek-b")
    live = await store.retrieve("gesprek-b")  # as Rasa does for the next message
    live.update(UserUttered(f"Mijn nummer is {PHONE}", intent={"name": "vertel", "confidence": 1.0}))
    await store.save(live)
    assert tracker_db.count_events("gesprek-b") == stored + 1
    back = await store.retrieve("gesprek-b")
    assert back.latest_message.text == "Mijn nummer is [TELEFOON]"
    assert live.latest_message.text == f"Mijn nummer is {PHONE}"
    assert files_contain(tmp_path / "rasa") == []


async def test_what_the_recogniser_took_out_of_an_address_is_stored_masked_and_so_is_the_slot_filled_from_it(
    tmp_path, tracker_url
):
    # a user test: the text was masked, but its entities kept "Huizerweg" (a place entity) and "45", "1402" (ages)
    text = "Het gezin woont aan de Larenseweg 112, 1221 CK Hilversum, zoon 14 blowt"
    def entity(name, value):
        start = text.index(value)
        return {"entity": name, "value": value, "start": start, "end": start + len(value)}
    entities = [entity("gemeente", "Larenseweg"), entity("leeftijd", "112"), entity("leeftijd", "1221"),
                entity("leeftijd", "14")]
    store = make_store(tmp_path)
    live = conversation("gesprek-e", text="hallo")
    live.update(UserUttered(text, intent={"name": "vertel", "confidence": 1.0}, entities=entities,
                            parse_data={"text": text, "intent": {"name": "vertel", "confidence": 1.0},
                                        "entities": entities}))
    live.update(SlotSet("terugbel_waarover", "Larenseweg"))
    await store.save(live)
    assert files_contain(tmp_path / "rasa", ("Larenseweg", "1221", '"112"')) == []
    back = await store.retrieve("gesprek-e")
    values = [(e["entity"], e["value"]) for e in back.latest_message.entities]
    assert values == [("gemeente", "[ADRES]"), ("leeftijd", "[ADRES]"), ("leeftijd", "[POSTCODE]"), ("leeftijd", "14")]
    assert back.get_slot("terugbel_waarover") == "[ADRES]"
    assert live.latest_message.entities[0]["value"] == "Larenseweg"  # the turn being processed still sees it


async def test_forgotten_conversation_is_gone_from_the_database_file_and_its_write_ahead_log(tmp_path, tracker_url):
    store = make_store(tmp_path)
    await store.save(conversation("weg-wal", text="Zeldzaamwoord zei dit"))
    await store.save(conversation("blijft-wal", text="hallo"))
    files = lambda: b"".join(p.read_bytes() for p in (tmp_path / "rasa").glob("tracker.db*"))  # noqa: E731
    assert b"Zeldzaamwoord" in files()
    assert forget_conversation("weg-wal")["gespreksgebeurtenissen"] > 0
    assert b"Zeldzaamwoord" not in files()
    assert (await store.retrieve("blijft-wal")).latest_message.text == "hallo"


async def test_forget_conversation_removes_events_and_records_only_of_that_conversation(tmp_path, tracker_url, capsys):
    store = make_store(tmp_path)
    await store.save(conversation("weg"))
    await store.save(conversation("blijft"))
    add_record("gespreksplan", {"x": 1}, conversation_id="weg")
    add_record("intake_samenvatting", {"x": 2}, conversation_id="weg")
    kept = add_record("gespreksplan", {"x": 3}, conversation_id="blijft")
    events_before = tracker_db.count_events("weg")
    assert events_before > 0

    removed = forget_conversation("weg")
    # the keyed hashes of the names typed in it go too (bot.privacy.masking.remember_names)
    assert removed == {"gespreksgebeurtenissen": events_before, "gespreksplan": 1, "intake_samenvatting": 1,
                       "gemaskeerde_namen": 1}
    assert tracker_db.count_events("weg") == 0
    assert await store.retrieve("weg") is None
    assert tracker_db.count_events("blijft") > 0
    assert [row.pk for row in list_records("gespreksplan")] == [kept]
    assert forget_conversation("weg") == {}


async def test_a_new_conversation_forgets_the_chat_and_keeps_what_was_saved_from_it(tmp_path, tracker_url):
    # 'Nieuw gesprek' on the page: an open call-back request and a session stay for the organisation
    store = make_store(tmp_path)
    await store.save(conversation("vorige"))
    callback = add_record("terugbelverzoek", {"waarover": "school"}, conversation_id="vorige")
    session = add_record("rollenspel", {"scenario": "x"}, conversation_id="vorige")
    events = tracker_db.count_events("vorige")
    assert forget_chat("vorige") == {"gespreksgebeurtenissen": events}
    assert tracker_db.count_events("vorige") == 0 and await store.retrieve("vorige") is None
    assert [row.pk for row in list_records("terugbelverzoek")] == [callback]
    assert [row.pk for row in list_records("rollenspel")] == [session]
    assert forget_chat("vorige") == {} and forget_chat("  ") == {}


async def test_forgetting_leaves_nothing_of_the_records_in_our_database_files_nor_in_its_write_ahead_log(
        tmp_path, tracker_url):
    # a role-play session is updated every turn (earlier versions sit in the -wal file), then forgotten
    from bot.records import update_record

    url = os.environ["RUSTPUNT_DATABASE_URL"]

    def files() -> bytes:  # the database file, its -wal and -shm (under PostgreSQL: every row of every table)
        return database_bytes(url)
    session = add_record("rollenspel", {"beurten": ["Kwakkelsteinpact beurt 1"]}, conversation_id="wis-mij")
    for turn in range(2, 6):
        update_record("rollenspel", session, data={"beurten": [f"Kwakkelsteinpact beurt {n}" for n in range(1, turn)]})
    add_record("intake_samenvatting", {"beller": "Blauwvinkenhof sinds de kerstvakantie"}, conversation_id="wis-mij")
    kept = add_record("gespreksplan", {"notitie": "blijft staan"}, conversation_id="ander")
    assert b"Kwakkelsteinpact" in files() and b"Blauwvinkenhof" in files()

    assert forget_conversation("wis-mij") == {"rollenspel": 1, "intake_samenvatting": 1}
    assert b"Kwakkelsteinpact" not in files() and b"Blauwvinkenhof" not in files()
    assert [row.pk for row in list_records("gespreksplan")] == [kept] and b"blijft staan" in files()


async def test_cli_vergeet_reports_in_dutch(tmp_path, tracker_url, capsys):
    store = make_store(tmp_path)
    await store.save(conversation("abc-123"))
    add_record("gespreksplan", {"x": 1}, conversation_id="abc-123")
    assert main(["vergeet", "abc-123"]) == 0
    out = capsys.readouterr().out
    assert (
        "Gesprek 'abc-123' is vergeten." in out and "1 gespreksplan" in out and "gebeurtenissen uit het gesprek" in out
    )
    assert main(["vergeet", "abc-123"]) == 1
    assert "Er is geen gesprek met id 'abc-123' gevonden; er is niets verwijderd." in capsys.readouterr().out
    assert main(["vergeet"]) == 2
    assert "Geef één gespreks-id" in capsys.readouterr().out


async def test_vergeet_deelnemer_removes_only_that_participants_sessions(tmp_path, tracker_url, capsys):
    store = make_store(tmp_path)
    await store.save(conversation("oefen-1"))
    add_record("rollenspel", {"deelnemer": "D-07", "groep": "A"}, conversation_id="oefen-1")
    add_record("rollenspel", {"deelnemer": "d-07 ", "groep": "A"})
    other = add_record("rollenspel", {"deelnemer": "D-08", "groep": "A"})
    assert main(["vergeet", "--deelnemer", "D-07"]) == 0
    out = capsys.readouterr().out
    assert "Verwijderd voor deelnemer 'D-07': " in out and "2 rollenspelsessies" in out
    assert [row.pk for row in list_records("rollenspel")] == [other]
    assert tracker_db.count_events("oefen-1") == 0
    assert main(["vergeet", "--deelnemer", "D-07"]) == 1
    assert "geen rollenspellen van deelnemer 'D-07'" in capsys.readouterr().out


def _age(record_id: int, days: float) -> None:
    moment = datetime.utcnow() - timedelta(days=days)
    with session_scope() as session:
        session.execute(update(Record).where(Record.pk == record_id).values(created_at=moment, updated_at=moment))


async def test_cleanup_removes_only_what_is_past_retention(tmp_path, tracker_url, monkeypatch, capsys):
    from bot.intake.callbacks import register, show

    monkeypatch.setenv("RUSTPUNT_BEWAARTERMIJN_DAGEN", "90")
    monkeypatch.setenv("RUSTPUNT_TERUGBEL_BEWAARTERMIJN_DAGEN", "14")
    monkeypatch.setenv("RUSTPUNT_ROLLENSPEL_BEWAARTERMIJN_DAGEN", "30")
    now = datetime.utcnow()
    store = make_store(tmp_path)
    await store.save(conversation("oud", timestamp=(now - timedelta(days=91)).timestamp()))
    await store.save(conversation("recent", timestamp=(now - timedelta(days=89)).timestamp()))
    old_plan, new_plan = add_record("gespreksplan", {"x": 1}), add_record("gespreksplan", {"x": 2})
    _age(old_plan, 91)
    _age(new_plan, 89)
    old_play, new_play = add_record("rollenspel", {"deelnemer": "a"}), add_record("rollenspel", {"deelnemer": "b"})
    _age(old_play, 31)
    _age(new_play, 29)
    old_call, _ = register("consulent", f"moeder bellen op {PHONE}", "morgen")
    new_call, _ = register("consulent", "vader bellen op 06-87654321", "morgen")
    _age(old_call, 15)
    _age(new_call, 13)

    removed = cleanup()
    assert removed == {"gesprekken": 1, "gespreksgebeurtenissen": tracker_db.count_events("recent"),
                       "gespreksplan": 1, "rollenspel": 1, "terugbel_contactgegevens": 1}
    assert tracker_db.count_events("oud") == 0 and tracker_db.count_events("recent") > 0
    assert [r.pk for r in list_records("gespreksplan")] == [new_plan]
    assert [r.pk for r in list_records("rollenspel")] == [new_play]
    assert show(old_call)[1] == [] and get_record("terugbelverzoek", old_call) is not None  # masked request stays
    assert show(new_call)[1] == ["06-87654321"]
    assert cleanup() == {}
    assert main(["opruimen"]) == 0
    out = capsys.readouterr().out
    assert "gesprekken en verslagen 90 dagen, rollenspellen 30 dagen" in out and "er was niets ouder" in out


def test_cleanup_refuses_a_bad_setting_in_dutch(monkeypatch, tracker_url, capsys):
    monkeypatch.setenv("RUSTPUNT_BEWAARTERMIJN_DAGEN", "drie maanden")
    assert main(["opruimen"]) == 1
    assert "is geen geheel aantal dagen" in capsys.readouterr().out


def test_callback_contact_is_encrypted_shown_to_consultant_and_deleted_when_done(tmp_path, monkeypatch, capsys):
    from bot.intake.callbacks import mark_done, register, remember_contact, show
    from bot.privacy import crypto

    key = tmp_path.parent / f"{tmp_path.name}-sleutels" / "sleutel"
    monkeypatch.setenv("RUSTPUNT_KEY_FILE", str(key))
    crypto.reset()
    crypto.prepare()  # the set-up ('make run') makes the key
    # in the chat every answer arrives in its own turn; earlier answers come back masked
    remember_contact("gesprek-t", "jeugdconsulent")
    remember_contact("gesprek-t", f"moeder {NAME} over school, bel {PHONE}")
    record_id, _ = register("jeugdconsulent", "moeder [NAAM] over school, bel [TELEFOON]", "morgen 10 uur",
                            conversation_id="gesprek-t")
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(key.parent).st_mode) == 0o700
    row = get_record("terugbelverzoek", record_id)
    assert row.data["contact"].startswith("gAAAA")  # a Fernet token
    assert list_records("terugbel_contact") == []  # the pending copy moved into the request
    db_file = Path(os.environ["RUSTPUNT_DATABASE_URL"].removeprefix("sqlite:///"))
    assert files_contain(db_file.parent, (NAME, PHONE, "0612345678", "Sanne")) == []
    assert [word for word in (NAME, PHONE, "0612345678", "Sanne") if word.encode() in database_bytes()] == []

    assert show(record_id)[1] == [NAME, PHONE]
    assert main(["terugbellen", "toon", str(record_id)]) == 0
    out = capsys.readouterr().out
    assert f"  - {NAME}" in out and f"  - {PHONE}" in out
    assert main(["terugbellen", "lijst"]) == 0
    assert f"(contactgegevens: rustpunt terugbellen toon {record_id})" in capsys.readouterr().out

    mark_done(record_id)
    assert "contact" not in get_record("terugbelverzoek", record_id).data
    assert main(["terugbellen", "toon", str(record_id)]) == 0
    assert "de contactgegevens zijn gewist" in capsys.readouterr().out


def test_key_inside_the_data_folder_is_refused(tmp_path, monkeypatch):
    from bot.intake.callbacks import register
    from bot.privacy import crypto

    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("RUSTPUNT_KEY_FILE", str(tmp_path / "var" / "sleutel"))
    crypto.reset()
    record_id, note = register("consulent", f"bel {PHONE}", "morgen")
    assert "de contactgegevens zijn niet bewaard" in note and "mag niet in de datamap" in note
    assert not (tmp_path / "var" / "sleutel").exists()
    assert get_record("terugbelverzoek", record_id).data["waarover"] == "bel [TELEFOON]"
    assert "contact" not in get_record("terugbelverzoek", record_id).data


def _db_bytes() -> bytes:
    """Our store as bytes (the SQLite files, or every row of every PostgreSQL table): ``tests.stored_text``."""
    return database_bytes()


def test_preparation_plan_is_stored_masked_but_shown_as_typed():
    from bot.steps.guide import step_ids
    from bot.steps.plan import build_plan, load_plan, save_plan

    note = f"Ik zeg tegen {NAME}: ik hoor dat je boos bent. Bel me op {PHONE}."
    plan = build_plan("ouder", TYPED, {step_ids()[0]: note}, classify=lambda text: type("R", (), {"stap": "geen"})())
    assert plan["situatie"]["beschrijving"] == TYPED  # the live answer shows what was typed
    plan_id = save_plan(plan, conversation_id="gesprek-p")
    stored = load_plan(plan_id)
    assert stored["situatie"]["beschrijving"].startswith("Moeder [NAAM] woont op")
    assert any(step["zin"] == "Ik zeg tegen [NAAM]: ik hoor dat je boos bent. Bel me op [TELEFOON]."
               for step in stored["stappen"])
    raw = _db_bytes()
    assert not [s for s in SECRETS if s.encode() in raw or json.dumps(s)[1:-1].encode() in raw]


def test_role_play_turns_and_debrief_are_stored_masked():
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    service = PracticeService(classify=lambda text: Move(zet="oordelen"))
    scenario = catalog.scenarios()[0]
    session_id = service.start(scenario.id, deelnemer="D-01", conversation_id="gesprek-r", seed=1)
    line = f"U moet gewoon luisteren, {NAME}, ik bel u op {PHONE}"
    service.play(session_id, line)
    result = service.finish(session_id)
    assert result.debrief is not None
    data = service.load(session_id)
    assert data["state"]["turns"][0]["tekst"] == "U moet gewoon luisteren, [NAAM], ik bel u op [TELEFOON]"
    assert data["debrief"]["valkuilen"][0]["tekst"] == "U moet gewoon luisteren, [NAAM], ik bel u op [TELEFOON]"
    raw = _db_bytes()
    assert not [s for s in SECRETS if s.encode() in raw or json.dumps(s)[1:-1].encode() in raw]


def test_the_pitfall_sentence_quoted_from_a_turn_is_stored_masked(tmp_path, caplog):
    """The sentence that carried a pitfall beside a step (quoted in the debrief) is typed text too: masked in the
    session and its debrief, and no file in the data folder and no log line holds what was typed."""
    import logging

    caplog.set_level(logging.DEBUG)
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    sentence = f"Ik bel {NAME} wel even op {PHONE}."
    service = PracticeService(classify=lambda text: Move(zet="erkennen", zetten=["erkennen", "redden"],
                                                         valkuilzin=sentence))
    session_id = service.start(catalog.scenarios()[0].id, conversation_id="gesprek-v", seed=1)
    service.play(session_id, f"Wat naar voor je. {sentence}")
    service.finish(session_id)
    data = service.load(session_id)
    masked = "Ik bel [NAAM] wel even op [TELEFOON]."
    assert data["state"]["turns"][0]["valkuilzin"] == masked
    assert data["debrief"]["valkuilen"][0]["valkuilzin"] == masked
    raw = _db_bytes()
    assert not [s for s in SECRETS if s.encode() in raw or json.dumps(s)[1:-1].encode() in raw]
    typed = (NAME, PHONE)
    assert not [(path.name, secret) for path in tmp_path.rglob("*") if path.is_file()
                for secret in typed if secret.encode() in path.read_bytes()]
    assert not [secret for secret in typed if secret in caplog.text]


def test_a_soft_judgement_quoted_by_the_learned_read_is_stored_masked(tmp_path, caplog):
    """The learned judgement read (recogniser ``oordeel``) quotes the sentence that judged: the real move reader,
    two soft judgements (the first forgiven, the second counted and quoted), masked in the session and its debrief,
    and no file in the data folder and no log line holds what was typed."""
    import logging

    caplog.set_level(logging.DEBUG)
    from bot.roleplay import catalog
    from bot.roleplay.moves import LEARNED_JUDGEMENT, MoveClassifier
    from bot.roleplay.session import PracticeService

    sentence = f"Alleen was dat appje aan {NAME} op {PHONE} achteraf ook niet zo wijs, hè."
    service = PracticeService(classify=MoveClassifier())
    session_id = service.start(catalog.scenarios()[0].id, conversation_id="gesprek-o", seed=1)
    service.play(session_id, "Dat snap ik. Alleen was dat boze appje aan je zus achteraf ook niet zo netjes, hè.")
    service.play(session_id, f"Dat snap ik. {sentence}")
    service.finish(session_id)
    data = service.load(session_id)
    turn = data["state"]["turns"][1]
    assert turn["zet"] == "oordelen" and turn["signalen"] == [LEARNED_JUDGEMENT] and not turn["onzeker"]
    masked = "Alleen was dat appje aan [NAAM] op [TELEFOON] achteraf ook niet zo wijs, hè."
    assert turn["valkuilzin"] == masked
    assert masked in [item.get("valkuilzin") for item in data["debrief"]["valkuilen"]]
    typed = (NAME, PHONE)
    assert not [(path.name, secret) for path in tmp_path.rglob("*") if path.is_file()
                for secret in typed if secret.encode() in path.read_bytes()]
    assert not [secret for secret in typed if secret in caplog.text]


def test_role_play_turn_about_a_child_and_its_school_leaves_no_trace_in_the_data_folder(tmp_path):
    """A trainee types a child's name, its school and abuse into a role play: no file in the data folder
    (database, write-ahead log, journal) holds the name or the school afterwards."""
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    service = PracticeService(classify=lambda text: Move(zet="oordelen"))
    session_id = service.start(catalog.scenarios()[0].id, deelnemer="D-07", conversation_id="gesprek-s", seed=1)
    service.play(session_id, "Uw zoon Quirijn zit op de Tamarindeschool en wordt thuis geslagen, bel 06-48151623")
    service.play(session_id, "Ik heb basisschool De Regenboog al over hem gebeld.")
    service.finish(session_id)
    secrets = ("Quirijn", "Tamarinde", "Regenboog", "48151623")
    found = [(path.name, secret) for path in tmp_path.rglob("*") if path.is_file()
             for secret in secrets if secret.encode() in path.read_bytes()]
    assert found == []
    assert "[SCHOOL]" in service.load(session_id)["state"]["turns"][0]["tekst"]


def test_a_school_after_zit_op_leaves_no_trace_in_the_data_folder(tmp_path, monkeypatch):
    """Found by a user test: "... zit op De Regenboog" was stored in plain text. A school named without a school
    word, after 'zit op' or 'gaat naar', is masked in the stored turn and no file in the data folder holds it."""
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    monkeypatch.delenv("RUSTPUNT_MASKER")  # as in the product: rules and deduce
    service = PracticeService(classify=lambda text: Move(zet="oordelen"))
    session_id = service.start(catalog.scenarios()[0].id, deelnemer="D-08", conversation_id="gesprek-z", seed=1)
    service.play(session_id, "Uw dochter zit op De Klimop en haar broer gaat naar de Wegwijzer, klopt dat?")
    service.finish(session_id)
    data = service.load(session_id)
    masked = "Uw dochter zit op [SCHOOL] en haar broer gaat naar de [SCHOOL], klopt dat?"
    assert data["state"]["turns"][0]["tekst"] == masked
    assert data["debrief"]["valkuilen"][0]["tekst"] == masked
    found = [(path.name, secret) for path in tmp_path.rglob("*") if path.is_file()
             for secret in ("Klimop", "Wegwijzer") if secret.encode() in path.read_bytes()]
    assert found == []


def test_a_form_of_address_ending_a_sentence_is_stored_as_typed(monkeypatch):
    """Found by a user test: "meneer. Eerlijk gezegd ..." was stored (and so quoted in the debrief, the report and
    the trainer page) as "[NAAM] gezegd ...". A name right after a form of address stays masked."""
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    monkeypatch.delenv("RUSTPUNT_MASKER")  # as in the product: rules and deduce
    service = PracticeService(classify=lambda text: Move(zet="oordelen"))
    session_id = service.start(catalog.scenarios()[0].id, deelnemer="D-09", conversation_id="gesprek-m", seed=1)
    typed = "Ja, dat snap ik, meneer. Eerlijk gezegd hoor ik ook veel verdriet. Vier jaar strijd, mevrouw. Wat nu?"
    service.play(session_id, typed)
    service.play(session_id, "Het gaat om meneer Jansen. Hij belde me gisteren.")
    service.finish(session_id)
    data = service.load(session_id)
    assert data["state"]["turns"][0]["tekst"] == typed
    assert data["debrief"]["valkuilen"][0]["tekst"] == typed
    assert "Jansen" not in data["state"]["turns"][1]["tekst"]
    assert data["state"]["turns"][1]["tekst"].endswith("[NAAM]. Hij belde me gisteren.")


def test_cli_writes_its_database_and_exports_readable_by_this_user_only(tmp_path):
    """A trainer exporting sessions from a shell with the usual umask 022: the export (participant codes,
    masked turns) is not readable by other users of the machine; the same holds for a database the CLI creates."""
    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    service = PracticeService(classify=lambda text: Move(zet="oordelen"))
    service.play(service.start(catalog.scenarios()[0].id, deelnemer="D-08", seed=1), "Ik hoor dat u boos bent.")
    export = tmp_path / "export" / "sessies.csv"
    export.parent.mkdir()
    previous = os.umask(0o022)
    try:
        assert main(["sessies", "csv", "--uit", str(export)]) == 0
    finally:
        os.umask(previous)
    assert "D-08" in export.read_text(encoding="utf-8")
    assert stat.S_IMODE(export.stat().st_mode) & 0o077 == 0


def test_a_number_is_never_given_again_after_a_record_was_deleted():
    # a user test: after 'Wis dit gesprek', the wiped role-play's number 11 went to someone else's next session
    from bot import records

    first = records.add_record("rollenspel", {"scenario": "x"}, conversation_id="a")
    last = records.add_record("rollenspel", {"scenario": "y"}, conversation_id="b")
    assert records.delete_record("rollenspel", last)
    assert records.add_record("rollenspel", {"scenario": "z"}, conversation_id="c") not in (first, last)


def _typed_anywhere(folder: Path, typed, log_text: str) -> list:
    """Which of the typed secrets stand in a file below ``folder`` or in the log."""
    found = [(path.name, s) for path in folder.rglob("*") if path.is_file() for s in typed if s.encode() in
             path.read_bytes()]
    return found + [("log", s) for s in typed if s in log_text]


async def test_an_intake_stopped_halfway_keeps_its_summary_masked(tmp_path, caplog, monkeypatch):
    """New this session: 'stop' halfway stores the summary so far (and a first message that tells the story is the
    first answer). What identifies the family reaches no file in the data folder and no log line."""
    import logging

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ActionIntakeSamenvatting, ActionIntakeStart

    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("RUSTPUNT_MASKER", raising=False)  # as in the product: rules and deduce
    opening = f"Ik heb een moeder aan de lijn, haar zoon {NAME} van 14 spijbelt al weken, bel haar op {PHONE}"

    def tracker(text, slots):
        latest = {"text": text, "intent": {"name": "start_vraagverheldering", "confidence": 1.0}, "entities": []}
        return Tracker(sender_id="gesprek-s", slots=slots, latest_message=latest, events=[], paused=False,
                       followup_action=None, active_loop={}, latest_action_name="action_listen")

    events = await ActionIntakeStart().run(CollectingDispatcher(), tracker(opening, {}), {})
    state = events[0]["value"]
    assert state["answers"]  # the story was kept as the first answer
    await ActionIntakeSamenvatting().run(CollectingDispatcher(), tracker("stop", {"intake_status": state}), {})
    [summary] = list_records("intake_samenvatting")
    assert "spijbelt" in json.dumps(summary.data)
    assert _typed_anywhere(tmp_path, (NAME, PHONE), caplog.text) == []


def test_a_retry_after_the_end_copies_only_masked_turns(tmp_path, caplog):
    """New this session: retrying after the end starts a new session from the finished one's turns."""
    import logging

    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService

    caplog.set_level(logging.DEBUG)
    service = PracticeService(classify=lambda text: Move(zet="erkennen"))
    session_id = service.start(catalog.scenarios()[0].id, conversation_id="gesprek-r", seed=1)
    service.play(session_id, f"Ik hoor dat {NAME} het zwaar heeft, bel me op {PHONE}.")
    service.play(session_id, "Wat vind je het moeilijkst?")
    service.finish(session_id)
    result = service.play(session_id, "probeer opnieuw vanaf beurt 2")
    attempt = result.payload["sessie"]
    assert attempt != session_id and "[NAAM]" in service.load(attempt)["state"]["turns"][0]["tekst"]
    assert _typed_anywhere(tmp_path, (NAME, PHONE), caplog.text) == []


def test_an_existing_database_stops_reusing_numbers_and_keeps_its_records(tmp_path, monkeypatch):
    # an organisation's var/rustpunt.db made before AUTOINCREMENT: its records table is rebuilt once at the start
    import sqlite3

    from sqlalchemy import create_engine

    from bot import records
    from bot.db import never_reuse_record_numbers, reset_engines

    path = tmp_path / "oud.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE records (pk INTEGER NOT NULL, kind VARCHAR(40) NOT NULL, conversation_id VARCHAR(120),"
        " status VARCHAR(40), title TEXT, data JSON NOT NULL, created_at DATETIME NOT NULL,"
        " updated_at DATETIME NOT NULL, PRIMARY KEY (pk));"
        "CREATE INDEX ix_records_kind ON records (kind);"
        "CREATE INDEX ix_records_conversation_id ON records (conversation_id);"
        "INSERT INTO records VALUES (1, 'rollenspel', 'a', NULL, NULL, '{\"scenario\": \"x\"}',"
        " '2026-12-01 10:00:00', '2026-12-01 10:00:00');"
        "INSERT INTO records VALUES (2, 'rollenspel', 'b', NULL, NULL, '{\"scenario\": \"y\"}',"
        " '2026-12-01 11:00:00', '2026-12-01 11:00:00');"
    )
    old.commit()
    old.close()
    url = f"sqlite:///{path}"
    monkeypatch.setenv("RUSTPUNT_DATABASE_URL", url)
    reset_engines()
    try:
        kept = records.get_record("rollenspel", 1)
        assert kept is not None and kept.data == {"scenario": "x"}  # kept, with its number
        assert records.delete_record("rollenspel", 2)
        assert records.add_record("rollenspel", {"scenario": "z"}, conversation_id="c") == 3
    finally:
        reset_engines()
    assert never_reuse_record_numbers(create_engine(url)) is False  # once is enough
    indexes = sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    assert {"ix_records_kind", "ix_records_conversation_id"} <= {name for (name,) in indexes}


# Found by a user test: what a tired worker types without capitals was stored readable: in the preparation's situation
# (the tracker's write-ahead log), in the plan notes (the gespreksplan record and the tracker) and in a role-play turn
# (the rollenspel record, shown on /trainer). Only the phone number was masked.
LOWER_CASE_SITUATION = ("moeder kim jansen uit laren is bang dat haar ex dennis de kinderen sem en julia tegen haar "
                        "opzet, ze belt me steeds vanaf 0612345678 en sem zit op de sint jozefschool")
LOWER_CASE_FIRST_MESSAGE = ("ik wil een gesprek voorbereiden met een vader. hij heet ruud de boer, zijn ex samira zegt "
                            "dat hij de kinderen noah (8) en lotte (5) opstookt")
LOWER_CASE_NOTE = "ik vraag ruud wat noah en lotte van hem nodig hebben, en wat samira volgens hem wil"
LOWER_CASE_TYPED = ("kim jansen", "jansen", "dennis", "julia", "sem zit", "kinderen sem", "jozefschool", "0612345678",
                    "ruud", "de boer", "samira", "noah", "lotte", "anouk")


async def test_names_and_schools_typed_without_capitals_leave_no_trace_in_the_data_folder_nor_the_log(
        tmp_path, tracker_url, caplog, monkeypatch):
    """The reported situation, typed without capitals, through the real storage (as in the product: rules and
    deduce): the tracker store, the plan record and the role-play record. No file in the data folder (databases,
    write-ahead logs) and no log line holds a typed name, school or number."""
    import logging

    from bot.roleplay import catalog
    from bot.roleplay.engine import Move
    from bot.roleplay.session import PracticeService
    from bot.steps.guide import step_ids
    from bot.steps.plan import build_plan, load_plan, save_plan

    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("RUSTPUNT_MASKER")
    store = make_store(tmp_path)
    tracker = DialogueStateTracker.from_events("gesprek-klein", [
        ActionExecuted("action_listen"),
        UserUttered(LOWER_CASE_FIRST_MESSAGE, intent={"name": "vertel", "confidence": 1.0}),
        BotUttered("Wat speelt er, in één of twee zinnen?"),
        ActionExecuted("action_listen"),
        UserUttered(LOWER_CASE_SITUATION, intent={"name": "vertel", "confidence": 1.0}),
        SlotSet("voorbereiden_notities", {"situatie": LOWER_CASE_SITUATION, "stap_1": LOWER_CASE_NOTE}),
        BotUttered(f"Genoteerd: {LOWER_CASE_NOTE}", data={"custom": {"situatie": LOWER_CASE_SITUATION}}),
    ], slots=DOMAIN.slots)
    await store.save(tracker)

    plan = build_plan("ouder", LOWER_CASE_SITUATION, {step_ids()[0]: LOWER_CASE_NOTE},
                      classify=lambda text: type("R", (), {"stap": "geen"})())
    stored = load_plan(save_plan(plan, conversation_id="gesprek-klein"))
    assert stored["situatie"]["beschrijving"].startswith("moeder [NAAM] uit laren is bang")

    service = PracticeService(classify=lambda text: Move(zet="visie"))
    session_id = service.start(catalog.scenarios()[0].id, deelnemer="D-11", conversation_id="gesprek-klein", seed=1)
    service.play(session_id, "hallo met het buurtteam, u spreekt met anouk")
    service.finish(session_id)
    assert service.load(session_id)["state"]["turns"][0]["tekst"] == "hallo met het buurtteam, u spreekt met [NAAM]"

    back = await store.retrieve("gesprek-klein")
    assert back.latest_message.text.endswith("[TELEFOON] en [NAAM] zit op de [SCHOOL]")
    assert _typed_anywhere(tmp_path, LOWER_CASE_TYPED, caplog.text) == []


async def test_our_own_words_in_replies_stay_readable_after_the_user_typed_them_and_typed_names_do_not(
        tmp_path, tracker_url, monkeypatch):
    """Found by a user test: after "welke stap is dit: ..." the history showed "[NAAM] 1 van 6: Visie uitdragen":
    the name finder (deduce) takes "Stap" for a name, and the user had typed the word "stap". Only a word the user
    typed as a name makes a name in our replies; a family name the user typed and a reply quotes stays masked."""
    monkeypatch.delenv("RUSTPUNT_MASKER")  # as in the product: deduce finds the "names" in our own texts
    store = make_store(tmp_path)
    ours = ["Stap 1 van 6: Visie uitdragen", "Kern van de hulpvraag: wat wil je bereiken?",
            "De stap die hier past is erkennen. Kern: ik hoor hoe boos u bent.",
            "Gespecialiseerde zorg van Youké op het Elan college (Bussum), ook bij de Godelindeschool"]
    tracker = DialogueStateTracker.from_events("gesprek-stap", [
        ActionExecuted("action_listen"),
        UserUttered("welke stap is dit: 'wat ben je boos zeg'", intent={"name": "vertel", "confidence": 1.0}),
        ActionExecuted("action_listen"),
        UserUttered("de kern: ik wil een gesprek met moeder Tamara Wolters en haar zoon luuk voorbereiden, hij zit "
                    "op de sint jozefschool en op school gaat het slecht",
                    intent={"name": "vertel", "confidence": 1.0}),
        *[BotUttered(text) for text in ours],
        BotUttered("Situatie: moeder Tamara Wolters en haar zoon luuk (sint jozefschool). Ik vraag luuk wat hij wil."),
    ], slots=DOMAIN.slots)
    await store.save(tracker)
    replies = [event.text for event in (await store.retrieve("gesprek-stap")).events if isinstance(event, BotUttered)]
    assert replies[:-1] == ours
    assert replies[-1] == "Situatie: moeder [NAAM] en haar zoon [NAAM] ([SCHOOL]). Ik vraag [NAAM] wat hij wil."
    assert files_contain(tmp_path / "rasa", ("Tamara", "Wolters", "luuk", "jozef")) == []


async def test_a_stopped_plan_and_the_number_of_a_call_back_request_leave_nothing_typed_in_the_data_folder(
    tmp_path, caplog, monkeypatch
):
    """New this session: 'stop' halfway a preparation stores the plan so far, and the number in "06-... terugbellen"
    is kept as the call-back's contact. Neither the typed name nor the number reaches a file or a log line."""
    import logging

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.intake import ActionTerugbelverzoekOpslaan, ValidateTerugbelForm
    from actions.steps import ActionVoorbereidenAfronden

    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv("RUSTPUNT_MASKER", raising=False)  # as in the product: rules and deduce

    def tracker(text, slots, intent):
        return Tracker.from_dict({"sender_id": "gesprek-p", "slots": slots, "events": [],
                                  "latest_message": {"text": text, "intent": {"name": intent}}, "active_loop": {}})

    notes = {"visie": "Ik sta voor rust, voor jou en voor de kinderen.",
             "dynamiek": f"Wat deed jij toen {NAME} dat appje stuurde? Bel haar op {PHONE}."}
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_situatie": "Vader is boos over het weekend.",
             "voorbereiden_invoer": "gestopt", "voorbereiden_stap": "behoefte", "voorbereiden_notities": notes}
    await ActionVoorbereidenAfronden().run(CollectingDispatcher(), tracker("stop", slots, "stop"), {})
    assert list_records("gespreksplan")  # the plan so far was kept

    await ValidateTerugbelForm().run(CollectingDispatcher(), tracker(f"{PHONE} terugbellen", {}, "intake_terugbellen"),
                                     {})
    callback = {"terugbel_wie": "jeugdconsulent", "terugbel_waarover": "zoon van 12 wil niet naar school",
                "terugbel_wanneer": "morgen na 15 uur"}
    await ActionTerugbelverzoekOpslaan().run(CollectingDispatcher(), tracker("morgen na 15 uur", callback, "inform"),
                                             {})
    assert list_records("terugbelverzoek")

    assert _typed_anywhere(tmp_path, (NAME, "Sanne", PHONE, "12345678"), caplog.text) == []
