"""The debrief says what happened live: every part of it comes from one list of per-turn reads
(``feedback.turn_read``): the list of turns, the steps in order, the steps not used, the pitfalls, the doubtful reads.

User test (session 20): a turn forgiven live as an uncertain read showed in the debrief as a pitfall, was missing
from the doubtful reads, and the debrief said "Mooi" (its confidence 0.5996 was stored rounded as 0.6); steps and
pitfalls beside a step were named in "Stappen die je zette" and "Beurten om naar te kijken" but not in "Al je beurten".
"""
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import catalog, feedback
from bot.roleplay.engine import UNSURE, Engine, Move, RoleplayError
from bot.roleplay.models import PITFALLS, STEPS
from bot.roleplay.report import session_view

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}


def reads(*moves):
    queue = list(moves)
    return lambda text: queue.pop(0)


def played(*moves):
    engine = Engine(FATHER, classify=reads(*moves), seed=2)
    for n in range(len(moves)):
        engine.step(f"beurt {n + 1}")
    engine.stop()
    return engine


def name(move):
    return ZETTEN[move].naam.split(" (")[0].lower()


def turns_line(text):
    return next(line for line in text.splitlines() if line.startswith("Al je beurten"))


def check_consistent(data, text):
    """Every step or pitfall the debrief names as something the trainee did is in the per-turn list."""
    reads = data["per_beurt"]
    by_turn = {read["beurt"]: read for read in reads}
    named = {m for read in reads for m in feedback.read_moves(read)}
    assert len(reads) == data["beurten"]
    assert data["stappen_volgorde"] == feedback.read_steps(reads)
    assert all(step in named for step in data["stappen_volgorde"])
    assert not set(data["ontbrekende_stappen"]) & named
    assert set(data["aantal_per_zet"]) <= named
    for item in data["valkuilen"]:
        read = by_turn[item["beurt"]]
        assert not read["vergeven"] and item["zet"] == read["valkuil"] in feedback.read_moves(read)
        assert item["naast"] in (None, read["zet"])
    assert {i["beurt"] for i in data["twijfel"] if i["vergeven"]} == {r["beurt"] for r in reads if r["vergeven"]}
    # the text: the list of turns shows every read, and the steps in order are the steps of those reads
    line = turns_line(text)
    for read in reads:
        assert all(name(m) in line for m in feedback.read_moves(read) if m in ZETTEN and not read.get("vorm"))
    order = re.search(r"Stappen die je zette, in volgorde: (.*)\.", text).group(1)
    assert order == (" → ".join(ZETTEN[m].naam for m in data["stappen_volgorde"]) or "geen van de zes stappen")
    if any(read["vergeven"] for read in reads):
        assert line.count(feedback.FORGIVEN_MARK) == sum(read["vergeven"] for read in reads)
        assert "Mooi." not in text


def test_a_forgiven_read_just_under_the_threshold_is_doubt_in_the_debrief_never_a_pitfall():
    sure = UNSURE - 0.0004  # stored rounded to 3 decimals: 0.6, no longer below UNSURE
    engine = played(Move("erkennen", 0.9), Move("inhoud", sure, zetten=["inhoud", "behoefte"]))
    turn = engine.state.turns[1]
    assert turn.onzeker and turn.spanning_na == turn.spanning_voor  # forgiven live
    data = feedback.debrief(FATHER, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert data["valkuilen"] == []
    assert [(i["beurt"], i["vergeven"]) for i in data["twijfel"]] == [(2, True)]
    assert f"{name('inhoud')}{feedback.FORGIVEN_MARK} + {name('behoefte')}" in turns_line(text)
    assert "heb ik niet als valkuil meegeteld" in text and "Mooi." not in text
    assert "Beurt 2:" in text.split("twijfelde hoe ik ze moest lezen")[1]
    check_consistent(data, text)


def test_an_older_stored_debrief_is_made_right_from_the_stored_turns():
    engine = played(Move("erkennen", 0.9), Move("inhoud", UNSURE - 0.0004, zetten=["inhoud", "behoefte"]))
    turns = [dict(t) for t in engine.state.to_dict()["turns"]]
    old = feedback.debrief(FATHER, engine.state, ZETTEN)
    for key in ("per_beurt",):  # as stored before: no reads, the forgiven turn missing from the doubts
        old.pop(key)
    old.update(twijfel=[], stappen_naast={"2": ["behoefte"]})
    names = {key: zet.naam for key, zet in ZETTEN.items()}
    fixed = feedback.with_turn_reads(old, turns, names)
    text = feedback.debrief_text(fixed, ZETTEN)
    assert [(i["beurt"], i["vergeven"]) for i in fixed["twijfel"]] == [(2, True)]
    assert feedback.FORGIVEN_MARK in turns_line(text) and "Mooi." not in text
    check_consistent(fixed, text)
    # an old debrief without turns to read still gives its own text
    assert "Al je beurten (2)" in feedback.debrief_text(old, ZETTEN)
    # the trainers' page reads the stored session the same way
    record = SimpleNamespace(pk=1, data={"scenario": FATHER.id, "titel": FATHER.titel, "debrief": old,
                                         "state": {"turns": turns}}, status="gestopt", created_at=None,
                             conversation_id=None, title=FATHER.titel)
    rows = {row.key: row for row in session_view(record).debrief_rows}
    assert "zetten_volgorde" not in rows and "stappen_naast" not in rows
    assert "vergeven" in str(rows["twijfel"].value)
    assert rows["per_beurt"].value.startswith("1. erkennen → 2. ")


def test_steps_and_pitfalls_beside_a_step_show_in_the_list_of_turns():
    engine = played(Move("erkennen", 0.9, zetten=["erkennen", "visie", "inhoud"]),
                    Move("opties", 0.9, zetten=["opties", "realiteit"]), Move("dynamiek", 0.9))
    data = feedback.debrief(FATHER, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    line = turns_line(text)
    assert f"{name('erkennen')} + {name('visie')} + {name('inhoud')}, " in line
    assert f"{name('opties')} + {name('realiteit')}, {name('dynamiek')}." in line
    assert data["stappen_volgorde"] == ["erkennen", "visie", "opties", "realiteit", "dynamiek"]
    assert [(i["beurt"], i["zet"], i["naast"]) for i in data["valkuilen"]] == [(1, "inhoud", "erkennen")]
    check_consistent(data, text)


def test_options_beside_advice_that_led_the_turn_are_named_nowhere():
    engine = played(Move("redden", 0.9, zetten=["redden", "opties"]))
    data = feedback.debrief(FATHER, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert "opties" not in data["stappen_volgorde"] and "opties" in data["ontbrekende_stappen"]
    assert name("opties") not in turns_line(text)
    check_consistent(data, text)


@pytest.fixture(scope="module")
def classify():
    from bot.roleplay.moves import MoveClassifier

    return MoveClassifier()


def _paths():
    from bot.heldout import practice_paths

    paths = practice_paths()
    return paths[::max(1, len(paths) // 12)][:12]


@pytest.mark.parametrize("path", _paths(), ids=lambda p: f"{p['scenario']}-{p['soort']}")
def test_played_sessions_name_only_what_the_list_of_turns_shows(classify, path):
    scenario = catalog.get_scenario(str(path["scenario"]))
    engine = Engine(scenario, classify=classify, seed=0)
    for text in path["beurten"]:
        try:
            if engine.step(str(text)).ending:
                break
        except RoleplayError:
            continue
    engine.stop()
    zetten = catalog.moves()
    data = feedback.debrief(scenario, engine.state, zetten)
    check_consistent(data, feedback.debrief_text(data, zetten))
    assert all(m in STEPS + PITFALLS for read in data["per_beurt"] for m in read["extra"])
