"""Session 29: privacy leftovers.

1. A wiped (forgotten) last plan or role-play session gave its number to the next one of that conversation: after
   'rustpunt vergeet --plan' of plan 3 the next plan was 'plan 3' again, so an old note or report saying 'plan 3'
   pointed to another family's plan. Numbers are never given twice within a conversation (``bot.tables.RecordNumber``),
   on SQLite and on PostgreSQL (scripts/test_postgres.sh), and a store from before keeps counting.
"""
from __future__ import annotations

from sqlalchemy import select

from bot import db, records
from bot.privacy.forget import forget_conversation, forget_plan, forget_session
from bot.roleplay.session import KIND as SESSION_KIND
from bot.roleplay.session import PracticeService
from bot.steps.plan import build_plan, load_plan, save_plan
from bot.tables import RecordNumber
from tests.stored_text import in_database

A, B = "gesprek-nummers-a", "gesprek-nummers-b"
FATHER = "vader-kinderen-thuisgehouden"


def _plan(conversation=A) -> int:
    return save_plan(build_plan("ouder", "Een vader die boos is over de omgang", {"visie": "Ik sta voor rust."}),
                     conversation_id=conversation)


def _number(plan_id: int) -> int:
    return load_plan(plan_id)["nummer"]


def _session(conversation=A) -> int:
    return PracticeService().begin(FATHER, conversation_id=conversation)[0]


def _session_number(pk: int) -> int:
    return records.shown_number(records.get_record(SESSION_KIND, pk))


def test_a_wiped_last_plan_number_is_never_given_again_in_that_conversation():
    first, second, third = _plan(), _plan(), _plan()
    assert [_number(p) for p in (first, second, third)] == [1, 2, 3]
    assert forget_plan(third) == {"gespreksplan": 1}  # 'rustpunt vergeet --plan', as a beheerder wipes it
    fourth = _plan()
    assert _number(fourth) == 4
    assert forget_plan(fourth) and forget_plan(second)
    assert _number(_plan()) == 5  # neither 4 (the last, wiped) nor 3 (the count of what is left plus one)
    assert _number(_plan(conversation=B)) == 1  # another conversation counts on its own


async def test_a_wiped_last_session_number_is_never_given_again_in_that_conversation(tracker_url):
    first, second = _session(), _session()
    assert [_session_number(s) for s in (first, second)] == [1, 2]
    result = forget_session(second)  # 'rustpunt vergeet --sessie', the trainers' page
    assert result.sessions == [second]
    assert _session_number(_session()) == 3
    assert _session_number(_session(conversation=B)) == 1


def test_a_store_from_before_keeps_counting_and_then_never_reuses():
    ids = [_plan(), _plan(), _plan()]
    engine = db.get_engine()
    RecordNumber.__table__.drop(engine)  # as a store made before session 29: the records and their numbers only
    db.reset_engines()
    assert _number(_plan()) == 4  # from the records themselves
    assert forget_plan(ids[0]) and _number(_plan()) == 5
    latest = load_plan(_plan())
    assert latest["nummer"] == 6 and forget_plan(latest["id"])
    assert _number(_plan()) == 7


def test_forgetting_the_conversation_forgets_its_numbers_too():
    _plan(), _session()
    kept = _plan(conversation=B)
    forget_conversation(A)
    with db.session_scope() as session:
        left = session.scalars(select(RecordNumber.conversation_id)).all()
    assert left == [B]
    assert in_database([A]) == []  # also on PostgreSQL: not even the conversation id
    assert _number(kept) == 1


def test_the_retention_period_drops_the_numbers_of_conversations_left_without_records():
    from datetime import datetime, timedelta

    wiped, kept = _plan(), _plan(conversation=B)
    assert forget_plan(wiped)
    assert records.drop_unused_numbers(datetime.utcnow() - timedelta(days=1)) == 0  # made today: kept
    assert records.drop_unused_numbers(datetime.utcnow() + timedelta(seconds=1)) == 1  # A has no record left
    with db.session_scope() as session:
        assert session.scalars(select(RecordNumber.conversation_id)).all() == [B]
    assert _number(kept) == 1
