"""Every test gets its own empty store, so tests never touch var/rustpunt.db.

Default: a fresh SQLite file per test. Set ``RUSTPUNT_TEST_DATABASE_URL`` (for example
``postgresql://rustpunt:rustpunt@localhost/rustpunt_test``) to run the same tests against
PostgreSQL; its tables are emptied after every test.
"""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    from bot import db
    from bot.privacy import crypto

    url = os.environ.get("RUSTPUNT_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("RUSTPUNT_DATABASE_URL", url)
    # never the real key, and not next to the test database (the key may not be in the folder of the data); made as
    # the set-up makes it ('make run' runs 'rustpunt sleutel klaarzetten')
    monkeypatch.setenv("RUSTPUNT_KEY_FILE", str(tmp_path.parent / f"{tmp_path.name}-sleutel" / "sleutel"))
    db.reset_engines()
    crypto.reset()
    crypto.prepare()
    yield
    crypto.reset()
    if os.environ.get("RUSTPUNT_TEST_DATABASE_URL"):
        db.Base.metadata.drop_all(db.get_engine(url))
    db.reset_engines()


@pytest.fixture(scope="session", autouse=True)
def built_recognisers():
    """The stored step and role recognisers, as `rustpunt herkenners bouw` (the set-up) makes them.

    Nothing trains on first use; this is the set-up step, a no-op when var/models is up to date.
    The models are then loaded once, as a server does at start (tests may point var/ elsewhere)."""
    from bot import recognisers

    recognisers.build()
    for name in recognisers.SPECS:
        recognisers.load(name)


@pytest.fixture(scope="module")
def intake_knowledge():
    """The real vraagverheldering knowledge (knowledge/vraagverheldering/), loaded once per module, without problems."""
    from bot.knowledge.loader import load_knowledge
    from bot.paths import PROJECT_ROOT

    loaded = load_knowledge(PROJECT_ROOT / "knowledge" / "vraagverheldering")
    assert loaded.problems == []
    return loaded


@pytest.fixture
def rules_only_masking(monkeypatch):
    """Mask with the rules only (RUSTPUNT_MASKER=regels), not the deduce model."""
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


@pytest.fixture
def fake_rasa():
    """A stand-in for Rasa's REST channel and tracker API (``ScriptedRasa`` in tests/test_web_server.py)."""
    from tests.fake_rasa import start_fake_rasa, stop
    from tests.test_web_server import ScriptedRasa

    server = start_fake_rasa(ScriptedRasa, mode="ok", seen=[], events=[])
    yield server
    stop(server)


@pytest.fixture
def knowledge_copy(tmp_path, monkeypatch):
    """A copy of knowledge/ in a temp folder that the process uses (RUSTPUNT_KNOWLEDGE_DIR), to edit mid-test."""
    import shutil

    from bot.knowledge import loader
    from bot.paths import PROJECT_ROOT

    folder = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", folder)
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(folder))
    yield folder
    loader._CACHE.pop(loader._key(folder), None)
    loader._STAMPS.pop(loader._key(folder), None)


@pytest.fixture
def whole_knowledge(monkeypatch):
    """All of knowledge/ (the kaart too, as in the product), with rule-only masking: for the intake with the kaart
    inside it (``pytestmark = pytest.mark.usefixtures("whole_knowledge")``). Read again only when a file changed since
    it was last loaded (as the running product does), not before every test: a full reload takes most of a second."""
    from bot.knowledge.loader import current_knowledge
    from bot.paths import PROJECT_ROOT

    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(PROJECT_ROOT / "knowledge"))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    current_knowledge(check_seconds=0)


def intake_tracker(state, text, intent="nlu_fallback", loop="intake_form", sender_id="intake-test"):
    """A tracker whose latest message is ``text``, typed as the answer to the open question of the intake ``state``
    (``loop=None``: outside the intake form). Import it: ``from tests.conftest import intake_tracker``."""
    from rasa_sdk import Tracker

    return Tracker(sender_id=sender_id, slots={"intake_status": state, "intake_antwoord": text}, latest_message={
        "text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}, events=[], paused=False,
        followup_action=None, active_loop={"name": loop} if loop else {}, latest_action_name="action_listen")


@pytest.fixture
def tracker_url(tmp_path, monkeypatch):
    """Rasa's SQL tracker store in the test's own data folder (``tmp_path/rasa/tracker.db``): the privacy tests type
    through it and then search the data folder for what was typed."""
    from bot.privacy import tracker_db

    (tmp_path / "rasa").mkdir()
    url = f"sqlite:///{tmp_path / 'rasa' / 'tracker.db'}"
    monkeypatch.setenv(tracker_db.URL_ENV, url)
    tracker_db.reset_engines()
    yield url
    tracker_db.reset_engines()
