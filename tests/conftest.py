"""Every test gets its own empty SQLite store, so tests never touch var/rustpunt.db."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    from bot import db

    monkeypatch.setenv("RUSTPUNT_DATABASE_URL", f"sqlite:///{tmp_path / 'test.db'}")
    db.reset_engines()
    yield
    db.reset_engines()
