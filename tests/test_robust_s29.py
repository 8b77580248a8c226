"""Robustness and privacy leftovers of session 29: a kaart age slot that holds no number (set by a story, a form or an
older tracker) no longer crashes the search, and the action server refuses debug logs as Rasa does."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.kaart import ActionKaartZoek, slot_age
from bot import action_server, rasa_server
from bot.kaart import messages
from tests.test_kaart_actions import DOMAIN, ISSUE_QUESTION, tracker

ROOT = Path(__file__).resolve().parents[1]
TYPED = "moeder Sanne Wijnbergen, bel 06 41 82 73 95"


@pytest.mark.parametrize("value, expected", [
    (None, (None, False)),
    ("", (None, False)),
    (15, (15, False)),
    (15.0, (15, False)),
    ("15", (15, False)),
    (" 14,0 ", (14, False)),
    (TYPED, (None, True)),
    ("vijftien", (None, True)),
    (True, (None, True)),
    ("nan", (None, True)),
    ("inf", (None, True)),
    ([15], (None, True)),
])
def test_the_age_slot_is_read_as_whole_years_or_marked_unreadable(value, expected):
    assert slot_age(value) == expected


async def test_a_kaart_search_with_text_in_the_age_slot_says_so_in_dutch_and_searches_without_it():
    slots = {"kaart_vraag": ISSUE_QUESTION, "kaart_gemeente": "hilversum", "kaart_thema": "schoolverzuim",
             "kaart_leeftijd": TYPED}
    dispatcher = CollectingDispatcher()
    events = await ActionKaartZoek().run(dispatcher, tracker(ISSUE_QUESTION, slots, {}), DOMAIN)  # raised before
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert texts[0] == messages.LEEFTIJD_ONLEESBAAR
    assert texts[1] == messages.RESULTATEN_INTRO  # the search went on, with the age of the question (15)
    assert "Jeugdcoach in de middelbare school (Hilversum)" in texts[2]
    assert not [text for text in texts if "Wijnbergen" in text]  # the slot's text is not repeated
    assert any(m.get("custom", {}).get("soort") == "kaart_resultaten" for m in dispatcher.messages)
    assert {"event": "slot", "name": "kaart_leeftijd", "value": None, "timestamp": None} in events  # and forgotten


async def test_a_kaart_search_with_a_number_as_text_in_the_age_slot_uses_it_without_a_message():
    slots = {"kaart_vraag": ISSUE_QUESTION, "kaart_gemeente": "hilversum", "kaart_thema": "schoolverzuim",
             "kaart_leeftijd": "15"}
    dispatcher = CollectingDispatcher()
    await ActionKaartZoek().run(dispatcher, tracker(ISSUE_QUESTION, slots, {}), DOMAIN)
    texts = [m["text"] for m in dispatcher.messages if m.get("text")]
    assert messages.LEEFTIJD_ONLEESBAAR not in texts and texts[0] == messages.RESULTATEN_INTRO


def test_rasa_sdk_at_debug_level_writes_what_was_typed_so_the_action_server_refuses_it(caplog):
    """Why the refusal: at DEBUG rasa_sdk logs the whole content of an event an action returned wrongly, with the
    answers it holds (checked in session 29 with a debug action server; the ordinary calls logged only action names)."""
    with caplog.at_level(logging.DEBUG, logger="rasa_sdk.executor"):
        ActionExecutor.validate_events([{"name": "kaart_vraag", "value": TYPED}], "action_kaart_zoek")
    assert "Wijnbergen" in caplog.text


@pytest.mark.parametrize("flag", ["--debug", "-vv", "--deb", "--d"])
def test_the_action_server_refuses_debug_logs_before_its_warm_up(flag, monkeypatch, capsys):
    monkeypatch.delenv(rasa_server.DEBUG_ENV, raising=False)
    monkeypatch.setattr(action_server, "warm_up", lambda: pytest.fail("warmed up despite the refusal"))
    with pytest.raises(SystemExit) as refused:
        action_server.main(["--actions", "actions", flag])
    assert refused.value.code == 2
    assert capsys.readouterr().err.strip() == action_server.DEBUG_REFUSAL
    assert "actieserver" in action_server.DEBUG_REFUSAL and "RUSTPUNT_DEBUG_LOGS=ja" in action_server.DEBUG_REFUSAL


def test_the_action_server_uses_the_shared_check_of_rasa():
    args = ["--actions", "actions", "--debug"]
    assert rasa_server.debug_refusal(args, {}, refusal=action_server.DEBUG_REFUSAL) == action_server.DEBUG_REFUSAL
    assert rasa_server.debug_refusal(args, {rasa_server.DEBUG_ENV: "ja"}, refusal=action_server.DEBUG_REFUSAL) is None
    assert rasa_server.debug_refusal(["--actions", "actions", "-v"], {}, refusal=action_server.DEBUG_REFUSAL) is None
    assert rasa_server.debug_refusal(["run", "--debug"], {}) == rasa_server.DEBUG_REFUSAL  # Rasa keeps its own words


def test_python_m_bot_action_server_with_debug_stops_at_once_with_the_dutch_refusal():
    env = {k: v for k, v in os.environ.items() if k != rasa_server.DEBUG_ENV}
    done = subprocess.run([sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", "1", "-vv"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == action_server.DEBUG_REFUSAL
