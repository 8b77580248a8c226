"""Plan and role-play session numbers are counted within each conversation (session 28: a professional saw "plan 57"
after making 3), and one conversation's number never opens, shows or wipes another conversation's plan or session.

Through the real store (SQLite per test; PostgreSQL with RUSTPUNT_TEST_DATABASE_URL, scripts/test_postgres.sh) and the
real actions on rasa_sdk objects."""
from datetime import datetime, timedelta

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import MetaData, Table, insert, select

from actions import roleplay as roleplay_actions
from actions.steps import ActionVoorbereidenAfronden, ActionVoorbereidenToonPlan
from bot import db, records
from bot.privacy.forget import how_to_forget
from bot.roleplay.session import KIND as SESSION_KIND
from bot.roleplay.session import PracticeService
from bot.steps import texts as step_texts
from bot.steps.plan import build_plan, latest_plan, load_plan, save_plan
from bot.tables import Record
from tests.test_roleplay_actions import DOMAIN as ROLEPLAY_DOMAIN
from tests.test_roleplay_actions import FATHER, TEXTS, scripted_service  # noqa: F401 - the fixture

A, B = "gesprek-a", "gesprek-b"
SECRET_OF_B = "Mevrouw Verbeek wil de kinderen niet meer laten gaan"


def _plan(situation="Een vader die boos is over de omgang", conversation=A) -> int:
    return save_plan(build_plan("ouder", situation, {"visie": "Ik sta voor rust."}), conversation_id=conversation)


def _tracker(sender, text, slots=None, intent="voorbereiden_toon_plan"):
    return Tracker.from_dict({
        "sender_id": sender, "slots": dict(slots or {}),
        "latest_message": {"text": text, "intent": {"name": intent}, "entities": []},
        "events": [{"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}],
        "active_loop": {},
    })


def _said(dispatcher):
    return "\n".join(str(message.get("text") or message.get("custom") or "") for message in dispatcher.messages)


def test_plan_numbers_count_within_each_conversation_and_keep_the_internal_id():
    ids = [_plan(conversation=A), _plan(conversation=B), _plan(conversation=B), _plan(conversation=A),
           _plan(conversation=B), _plan(conversation=A)]
    assert ids == sorted(ids) and len(set(ids)) == 6  # the internal ids still count across everyone
    assert [load_plan(i)["nummer"] for i in ids] == [1, 1, 2, 2, 3, 3]
    assert latest_plan(A)["nummer"] == 3 and latest_plan(A)["id"] == ids[5]
    assert records.get_record("gespreksplan", ids[4], conversation_id=B).pk == ids[4]
    assert records.get_record("gespreksplan", ids[4], conversation_id=A) is None  # the owner check
    assert records.get_record("gespreksplan", ids[4]).pk == ids[4]  # the command line, without an owner
    # a wiped plan's number is not taken by a plan of another conversation
    assert records.delete_record("gespreksplan", ids[5])
    assert load_plan(_plan(conversation=B))["nummer"] == 4


def test_a_record_outside_a_conversation_shows_its_internal_id():
    pk = _plan(conversation=None)
    row = records.get_record("gespreksplan", pk)
    assert row.nummer is None and records.shown_number(row) == pk


async def test_the_chat_says_the_conversations_own_plan_number():
    for _ in range(4):  # colleagues made plans before
        _plan(conversation=B)
    slots = {"voorbereiden_wie": "ouder", "voorbereiden_situatie": "Een moeder die niet komt",
             "voorbereiden_invoer": "klaar", "voorbereiden_notities": {"visie": "Ik sta voor rust."}}
    dispatcher = CollectingDispatcher()
    events = await ActionVoorbereidenAfronden().run(dispatcher, _tracker(A, "klaar", slots), {})
    said = _said(dispatcher)
    assert step_texts.text("plan_opgeslagen", plan_id=1) in said
    assert "(nummer 1)" in said and "nummer 5" not in said
    internal = next(e["value"] for e in events if e.get("name") == "voorbereiden_plan_id")
    assert internal == str(latest_plan(A)["id"])  # the slot keeps the internal id
    assert all("id" not in (m.get("custom") or {}) for m in dispatcher.messages)  # nor is it sent to the page


async def test_conversation_a_cannot_show_or_wipe_the_plan_of_conversation_b():
    theirs = _plan(SECRET_OF_B, conversation=B)
    # by the number B saw, by the internal id, and with the internal id in A's slot (set only by actions; checked all
    # the same): A hears that A has no plan, and nothing of B's plan
    for typed, slot in (("toon plan 1", None), (f"toon plan {theirs}", None), ("toon mijn plan", str(theirs))):
        dispatcher = CollectingDispatcher()
        await ActionVoorbereidenToonPlan().run(dispatcher, _tracker(A, typed, {"voorbereiden_plan_id": slot}), {})
        assert _said(dispatcher) == step_texts.text("geen_plan"), typed
    for typed in ("wis plan 1", f"wis plan {theirs}", f"verwijder gespreksplan {theirs}"):
        assert "Verbeek" not in how_to_forget(typed)
    assert load_plan(theirs)["situatie"]["beschrijving"]  # still there
    # A's own plan is found by A, and only A's
    mine = _plan(conversation=A)
    dispatcher = CollectingDispatcher()
    own = _tracker(A, "toon mijn plan", {"voorbereiden_plan_id": None})
    await ActionVoorbereidenToonPlan().run(dispatcher, own, {})
    assert "(nummer 1)" in _said(dispatcher) and "Verbeek" not in _said(dispatcher)
    assert load_plan(mine, conversation_id=B) is None


def _session(conversation):
    return PracticeService().begin(FATHER, conversation_id=conversation)[0]


async def test_session_numbers_count_within_each_conversation():
    ids = [_session(B), _session(B), _session(A), _session(B), _session(A)]
    shown = [records.shown_number(records.get_record(SESSION_KIND, int(i))) for i in ids]
    assert shown == [1, 2, 1, 3, 2]
    service = roleplay_actions.service()
    assert service.load(ids[4])["nummer"] == 2


async def test_conversation_a_cannot_reach_the_role_play_of_conversation_b():
    _session(B)
    for action, typed, intent in ((roleplay_actions.ActionRollenspelNabespreking(), "tussenstand",
                                   "rollenspel_nabespreking"),
                                  (roleplay_actions.ActionRollenspelOpnieuw(), "probeer opnieuw vanaf beurt 1",
                                   "rollenspel_opnieuw")):
        dispatcher = CollectingDispatcher()
        tracker = _tracker(A, typed, {"rollenspel_sessie": None}, intent=intent)
        await action.run(dispatcher, tracker, ROLEPLAY_DOMAIN)
        assert _said(dispatcher) in (TEXTS.text("nabespreking_geen_sessie"), TEXTS.text("opnieuw_geen_sessie"))
    assert roleplay_actions.wipe_last_turn_after_end(_tracker(A, "wis mijn laatste bericht")) is None


def _old_records_table() -> Table:
    """``records`` as it was before session 28: no ``nummer``."""
    metadata = MetaData()
    return Table(Record.__tablename__, metadata,
                 *[column.copy() for column in Record.__table__.columns if column.name != "nummer"],
                 sqlite_autoincrement=True)


def test_a_store_from_before_gets_the_numbers_once_and_keeps_every_row():
    engine = db.get_engine()
    Record.__table__.drop(engine)
    old = _old_records_table()
    old.create(engine)
    made = datetime.utcnow() - timedelta(days=3)
    rows = [("gespreksplan", B), ("gespreksplan", A), ("rollenspel", A), ("gespreksplan", B), ("gespreksplan", A),
            ("gespreksplan", None)]
    with engine.begin() as connection:
        for kind, conversation in rows:
            connection.execute(insert(old).values(kind=kind, conversation_id=conversation, data={"x": 1},
                                                  created_at=made, updated_at=made))
    db.reset_engines()
    engine = db.get_engine()  # as a server starting on that store
    with engine.connect() as connection:
        found = connection.execute(select(Record.pk, Record.kind, Record.conversation_id, Record.nummer,
                                          Record.updated_at).order_by(Record.pk)).all()
    assert [row.nummer for row in found] == [1, 1, 1, 2, 2, None]
    assert all(row.updated_at == made for row in found)  # the retention period is not restarted
    assert db.number_per_conversation(engine) == 0  # once
    assert load_plan(_plan(conversation=A))["nummer"] == 3
    assert load_plan(_plan(conversation="gesprek-c"))["nummer"] == 1


def test_the_plan_list_of_the_beheerder_names_the_number_from_the_chat_and_the_conversation(capsys):
    from bot.cli import main
    from bot.web.conversation import short_hash

    _plan(conversation=B)
    mine = _plan(conversation=A)
    assert main(["plan", "lijst"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith(str(mine)))
    assert line.endswith(f"(in de chat nummer 1, gesprek #{short_hash(A)})")
