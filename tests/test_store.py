"""Knowledge in the SQL store is idempotent; records round-trip."""
from __future__ import annotations

from sqlalchemy import func, select

from bot.db import session_scope
from bot.knowledge import loader
from bot.knowledge.sync import sync_knowledge
from bot.records import add_record, delete_record, editing_record, get_record, list_records, update_record
from bot.tables import KnowledgeRow
from tests.test_knowledge_loader import BRON, Thing, write


def _rows():
    with session_scope() as session:
        return {r.entry_id: r.data["naam"] for r in session.scalars(select(KnowledgeRow))}


def test_loading_twice_changes_nothing_and_edits_are_applied(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})
    folder = tmp_path / "kennis"
    path = write(
        folder,
        "a.yml",
        f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n  - id: b\n    naam: B\n    {BRON}\n",
    )
    first = sync_knowledge(loader.load_knowledge(folder))
    assert (first.added, first.changed, first.removed) == (2, 0, 0)
    second = sync_knowledge(loader.load_knowledge(folder))
    assert (second.added, second.changed, second.removed, second.unchanged) == (0, 0, 0, 2)
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(KnowledgeRow)) == 2

    path.write_text(f"soort: ding\nitems:\n  - id: a\n    naam: Anders\n    {BRON}\n", encoding="utf-8")
    third = sync_knowledge(loader.load_knowledge(folder))
    assert (third.changed, third.removed) == (1, 1)
    assert _rows() == {"a": "Anders"}


def test_broken_knowledge_never_wipes_the_store(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})
    folder = tmp_path / "kennis"
    path = write(folder, "a.yml", f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n")
    sync_knowledge(loader.load_knowledge(folder))
    path.write_text("soort: ding\nitems:\n  - id: a\n", encoding="utf-8")
    try:
        sync_knowledge(loader.load_knowledge(folder))
    except ValueError as exc:
        assert "rustpunt kennis controleer" in str(exc)
    else:  # pragma: no cover - the sync must refuse
        raise AssertionError("sync accepted broken knowledge")
    assert _rows() == {"a": "A"}


def test_records_round_trip_and_filter_by_kind():
    plan_id = add_record("gespreksplan", {"stappen": [1, 2]}, conversation_id="c1", title="Plan")
    other = add_record("terugbelverzoek", {"wat": "x"}, status="open")
    assert get_record("gespreksplan", plan_id).data == {"stappen": [1, 2]}
    assert get_record("gespreksplan", other) is None  # wrong kind is not leaked
    assert get_record("gespreksplan", 999) is None
    assert [r.pk for r in list_records("gespreksplan", conversation_id="c1")] == [plan_id]
    assert update_record("terugbelverzoek", other, status="klaar")
    assert list_records("terugbelverzoek", status="klaar")[0].pk == other
    assert not update_record("terugbelverzoek", 12345, status="klaar")


def test_a_record_id_of_another_kind_is_neither_changed_nor_removed():
    plan_id = add_record("gespreksplan", {"stappen": [1]}, status="klaar")
    assert not update_record("terugbelverzoek", plan_id, status="open")
    with editing_record("terugbelverzoek", plan_id) as row:
        assert row is None
    assert not delete_record("terugbelverzoek", plan_id)
    assert get_record("gespreksplan", plan_id).status == "klaar"
    with editing_record("gespreksplan", plan_id) as row:
        row.status = "open"
    assert get_record("gespreksplan", plan_id).status == "open"
    assert delete_record("gespreksplan", plan_id) and get_record("gespreksplan", plan_id) is None
