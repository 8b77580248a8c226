"""A running server keeps working knowledge: broken files are reported, never swapped in.

Engine level: a role-play session runs on a copy of knowledge/ in a temp folder; mid-session a
YAML syntax error is written into stappen.yml and into the session's scenario file. The session
keeps playing with the previous knowledge, the six steps stay, and 'herlaad de kennis' says in
Dutch what is wrong. The files' dates are looked at no more than every few seconds.
"""
import asyncio
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ActionReloadKnowledge
from bot.knowledge import loader
from bot.roleplay import catalog
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import PracticeService

FATHER = "vader-kinderen-thuisgehouden"


@pytest.fixture
def copy_and_clock(knowledge_copy, monkeypatch):
    """The shared knowledge copy (tests/conftest.py) and a clock the test moves by hand."""
    clock = SimpleNamespace(now=1000.0)
    monkeypatch.setattr(loader.time, "monotonic", lambda: clock.now)
    return knowledge_copy, clock


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def reload_reply() -> str:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("gesprek-1", {}, {"text": "herlaad de kennis"}, [], False, None, None, "action_listen")
    asyncio.run(ActionReloadKnowledge().run(dispatcher, tracker, {}))
    return dispatcher.messages[0]["text"]


def test_broken_files_mid_session_keep_the_session_and_the_steps_working(copy_and_clock, caplog):
    folder, clock = copy_and_clock
    service = scripted_service()
    path = catalog.get_scenario(FATHER).oefenpad
    session = service.start(FATHER, seed=3)
    first = service.play(session, path[0].tekst)
    assert first.soort == "beurt" and first.payload["beurt"] == 1
    steps_before = {s.id for s in catalog.knowledge().all("stap")}
    assert len(steps_before) == 6

    (folder / "stappen" / "stappen.yml").write_text("soort: stap\nitems: [\n  - id: visie\n", encoding="utf-8")
    scenario_file = loader.get_knowledge().files[("scenario", FATHER)]
    (folder.parent / scenario_file).write_text("soort: scenario\nitems:\n  - id: [kapot\n", encoding="utf-8")
    clock.now += loader.CHECK_SECONDS + 1  # the next turn looks at the files again

    with caplog.at_level("WARNING", logger="bot.knowledge.loader"):
        second = service.play(session, path[1].tekst)
    assert second.soort == "beurt" and second.payload["beurt"] == 2
    assert "keeping the previous version" in caplog.text
    assert {s.id for s in catalog.knowledge().all("stap")} == steps_before
    assert catalog.get_scenario(FATHER) is not None
    for turn in path[2:]:
        result = service.play(session, turn.tekst)
    assert result.soort == "einde" and result.einde == "goed"

    reply = reload_reply()
    assert reply.startswith("De kennis is niet herladen: ")
    assert "stappen.yml" in reply and "ongeldige YAML" in reply
    assert reply.endswith("Ik werk verder met de vorige versie.")
    assert {s.id for s in catalog.knowledge().all("stap")} == steps_before


def test_fixed_files_are_used_after_the_check_interval_and_not_before(copy_and_clock, monkeypatch):
    folder, clock = copy_and_clock
    assert catalog.get_scenario(FATHER) is not None
    scenario_path = folder.parent / loader.get_knowledge().files[("scenario", FATHER)]
    text = scenario_path.read_text(encoding="utf-8")
    assert 'titel: "' in text
    scenario_path.write_text(text.replace('titel: "', 'titel: "Nieuw: ', 1), encoding="utf-8")

    looked = []
    real_stamp = loader._files_stamp
    monkeypatch.setattr(loader, "_files_stamp", lambda d: looked.append(d) or real_stamp(d))
    clock.now += loader.CHECK_SECONDS / 2
    for _ in range(20):  # many turns within the interval: no file is even looked at
        assert not catalog.get_scenario(FATHER).titel.startswith("Nieuw: ")
    assert looked == []
    clock.now += loader.CHECK_SECONDS
    assert catalog.get_scenario(FATHER).titel.startswith("Nieuw: ")
    assert len(looked) >= 1
