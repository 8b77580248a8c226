"""The reload action, run on real rasa_sdk objects."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ActionReloadKnowledge
from bot.knowledge import loader
from tests.test_knowledge_loader import BRON, Thing, write


def _tracker() -> Tracker:
    return Tracker.from_dict(
        {"sender_id": "t1", "slots": {}, "latest_message": {"text": "herlaad de kennis", "intent": {"name": "herlaad_kennis"}}, "events": []}
    )


async def test_reload_reports_counts_then_keeps_previous_on_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})
    folder = tmp_path / "kennis"
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(folder))
    path = write(folder, "a.yml", f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n")
    action = ActionReloadKnowledge()

    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, _tracker(), {})
    assert events == []
    assert dispatcher.messages[0]["text"] == "De kennis is herladen. Nu geladen: 1 ding."

    path.write_text(f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n  - id: b\n    naam: B\n    {BRON}\n")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker(), {})
    assert dispatcher.messages[0]["text"].endswith("Nu geladen: 2 ding.")

    path.write_text("soort: ding\nitems:\n  - id: a\n")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker(), {})
    text = dispatcher.messages[0]["text"]
    assert text.startswith("De kennis is niet herladen: 2 fout(en) gevonden.")
    assert "veld 'naam': verplicht veld ontbreekt" in text
    assert text.endswith("Ik werk verder met de vorige versie.")
    assert sorted(loader.get_knowledge().entries["ding"]) == ["a", "b"]
