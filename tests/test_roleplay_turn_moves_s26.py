"""A turn read as more than one move, in the trainers' transcripts (a user test of session 25: the page showed only the
main move): every move the turn was read as, in the engine's order, the main move marked, a move that did not count
marked so; on the trainers' page (through its handler), in ``rustpunt sessies toon``, in the per-turn CSV and in the
counts of the report's chart."""
from __future__ import annotations

import html
import io

import pytest

from bot.roleplay import catalog, feedback
from bot.roleplay.report import move_counts, read_csv, transcript_text, write_csv
from tests.fake_rasa import free_port
from tests.test_roleplay_group import GOOD, record
from tests.test_web_server import TOKEN, _web, request

NAMES = feedback.move_names()


def _session_record():
    """Turn 1 a step with a pitfall beside it, turn 2 a pitfall that led with an options question beside it (which
    does not count as options), turn 3 a forgiven doubt with a step beside it, turn 4 one move."""
    rec = record(3, "Bram", "Najaar-2026", "gestopt", [("erkennen", -1), ("redden", 2), ("oordelen", 0)] + GOOD[:1])
    turns = rec.data["state"]["turns"]
    turns[0]["zetten"] = ["erkennen", "inhoud"]
    turns[1]["zetten"] = ["redden", "opties"]
    turns[2].update(zetten=["oordelen", "realiteit"], onzeker=True)
    return rec


def test_every_move_of_a_turn_in_the_engines_order_with_what_counted():
    turns = _session_record().data["state"]["turns"]
    assert feedback.turn_moves(turns[0]) == [("erkennen", True), ("inhoud", True)]
    assert feedback.turn_moves(turns[1]) == [("redden", True), ("opties", False)]
    assert feedback.turn_moves(turns[2]) == [("oordelen", False), ("realiteit", True)]
    assert feedback.turn_moves(turns[3]) == [("erkennen", True)]
    assert feedback.moves_label(turns[0], NAMES) == f"{NAMES['erkennen']} (hoofdzet) → {NAMES['inhoud']}"
    assert feedback.moves_label(turns[1], NAMES) == (
        f"{NAMES['redden']} (hoofdzet) → {NAMES['opties']} (telde niet mee)")
    assert feedback.moves_label(turns[3], NAMES) is None  # one move: 'zet: Erkennen' as before


def test_rustpunt_sessies_toon_shows_all_moves_of_a_turn():
    rec = _session_record()
    text = transcript_text({"id": 3, "status": "gestopt", "created_at": rec.created_at, **rec.data}, catalog.moves())
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(("zet:", "zetten:"))]
    assert lines[0].startswith(f"zetten: {NAMES['erkennen']} (hoofdzet) → {NAMES['inhoud']} | spanning 8 → 7")
    assert lines[1].startswith(f"zetten: {NAMES['redden']} (hoofdzet) → {NAMES['opties']} (telde niet mee) |")
    assert lines[2].startswith(f"zetten: {NAMES['oordelen']} (hoofdzet) → {NAMES['realiteit']} "
                               "(twijfel, niet meegeteld) |")
    assert lines[3].startswith(f"zet: {NAMES['erkennen']} | spanning")


def test_the_per_turn_csv_and_the_reports_counts_hold_every_move():
    rec = _session_record()
    session = {"id": 3, "status": "gestopt", "created_at": rec.created_at, **rec.data}
    out = io.StringIO()
    write_csv([session], out)
    rows = read_csv(out.getvalue())
    assert [row["zetten"] for row in rows] == [
        f"{NAMES['erkennen']} (hoofdzet) → {NAMES['inhoud']}",
        f"{NAMES['redden']} (hoofdzet) → {NAMES['opties']} (telde niet mee)",
        f"{NAMES['oordelen']} (hoofdzet) → {NAMES['realiteit']}", ""]
    assert rows[0]["zet"] == NAMES["erkennen"]  # the main move stays in its own column
    counts = move_counts([session])  # the report's chart: as the debrief counts, not only the main moves
    assert (counts["erkennen"], counts["inhoud"], counts["redden"], counts["realiteit"]) == (2, 1, 1, 1)
    assert counts["opties"] == 0 and counts["oordelen"] == 0


@pytest.fixture
def web():
    server = _web(f"http://127.0.0.1:{free_port()}", load_records=lambda: [_session_record()])
    yield server
    server.shutdown()
    server.server_close()


def test_the_trainers_transcript_shows_all_moves_of_a_turn(web):
    for path in ("/trainer/sessie?sessie=3", "/trainer"):
        status, _, page = request(web, "GET", path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert status == 200
        transcript = page.split('class="transcript"')[1]
        assert html.escape(f"zetten: {NAMES['erkennen']} (hoofdzet) → {NAMES['inhoud']}; spanning 8 → 7") \
            in transcript
        assert html.escape(f"zetten: {NAMES['redden']} (hoofdzet) → {NAMES['opties']} (telde niet mee);") \
            in transcript
        assert html.escape(f"{NAMES['realiteit']} (twijfel, niet meegeteld); spanning") in transcript
        assert html.escape(f"zet: {NAMES['erkennen']}; spanning") in transcript
