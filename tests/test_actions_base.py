"""The reload action, run on real rasa_sdk objects."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ActionReloadKnowledge
from bot.knowledge import loader
from tests.test_knowledge_loader import BRON, Thing, write


def _tracker() -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "t1",
            "slots": {},
            "latest_message": {"text": "herlaad de kennis", "intent": {"name": "herlaad_kennis"}},
            "events": [],
        }
    )


async def test_reload_reports_counts_then_keeps_previous_on_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "registry", lambda: {"scenario": Thing})  # a kind a trainer knows by name
    folder = tmp_path / "kennis"
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(folder))
    path = write(folder, "a.yml", f"soort: scenario\nitems:\n  - id: a\n    naam: A\n    {BRON}\n")
    action = ActionReloadKnowledge()

    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, _tracker(), {})
    assert events == []
    assert dispatcher.messages[0]["text"] == "De kennis is herladen. Nu in gebruik: 1 scenario."  # no inner names

    path.write_text(f"soort: scenario\nitems:\n  - id: a\n    naam: A\n    {BRON}\n"
                    f"  - id: b\n    naam: B\n    {BRON}\n")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker(), {})
    assert dispatcher.messages[0]["text"].endswith("Nu in gebruik: 2 scenario's.")

    path.write_text("soort: scenario\nitems:\n  - id: a\n")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, _tracker(), {})
    text = dispatcher.messages[0]["text"]
    assert text.startswith("De kennis is niet herladen: 2 fouten gevonden.")
    assert "veld 'naam': verplicht veld ontbreekt" in text
    assert text.endswith("Ik werk verder met de vorige versie.")
    assert sorted(loader.get_knowledge().entries["scenario"]) == ["a", "b"]


def test_action_server_registers_every_domain_action():
    """`rasa run actions` must start: every custom action of the domain is registered once,
    and no helper base class is registered as an action."""
    from pathlib import Path

    import yaml
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    registered = set(executor.actions)
    wanted = set()
    for path in Path(__file__).resolve().parent.parent.joinpath("domain").glob("*.yml"):
        domain = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        wanted |= {a for a in domain.get("actions", []) if not a.startswith("utter_")}
        wanted |= {f"validate_{form}" for form in (domain.get("forms") or {})}
    assert wanted - registered == set()
    assert not any(name.endswith("_") for name in registered)


def _merged_domain() -> dict:
    from pathlib import Path

    import yaml

    merged: dict = {"slots": {}, "forms": {}}
    for path in Path(__file__).resolve().parent.parent.joinpath("domain").glob("*.yml"):
        domain = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        merged["slots"].update(domain.get("slots") or {})
        merged["forms"].update(domain.get("forms") or {})
    return merged


async def test_forms_stay_quiet_about_slots_their_start_action_just_cleared():
    """Regression: a start action clears the form's slots; the form must then ask its first
    question, not complain that it 'did not understand' an answer nobody gave."""
    from actions.intake import ValidateIntakeForm
    from actions.steps import ValidateVoorbereidenForm

    cases = [
        (
            ValidateVoorbereidenForm(),
            "voorbereiden_form",
            ["voorbereiden_wie", "voorbereiden_situatie", "voorbereiden_invoer"],
        ),
        (ValidateIntakeForm(), "intake_form", ["intake_antwoord"]),
    ]
    for action, form, slots in cases:
        events = [
            {"event": "user", "text": "ik wil beginnen", "parse_data": {"intent": {"name": "x"}, "entities": []}},
            {"event": "action", "name": "action_start"},
        ] + [{"event": "slot", "name": slot, "value": None} for slot in slots]
        tracker = Tracker(
            "t2", {slot: None for slot in slots}, {"text": "ik wil beginnen"}, events, False, None,
            {"name": form}, "action_listen",
        )
        dispatcher = CollectingDispatcher()
        await action.run(dispatcher, tracker, _merged_domain())
        assert dispatcher.messages == [], (form, dispatcher.messages)
