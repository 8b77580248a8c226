"""CLI and stored sessions: oefen, sessies lijst/toon/csv, rapport, evalueer rollenspel."""
from types import SimpleNamespace

import pytest

from bot import cli
from bot.cli_commands import roleplay as roleplay_cli
from bot.db import reset_engines
from bot.local_time import dutch_time
from bot.roleplay import catalog, moves
from bot.roleplay.report import read_csv
from bot.roleplay.session import PracticeService, command_of, list_sessions, sessions_for


def scripted_step_classifier():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    return lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    reset_engines()
    moves._DEFAULT["move"] = moves.MoveClassifier(step_classifier=scripted_step_classifier())
    yield tmp_path
    moves.reset_default_classifier()
    reset_engines()


def play(scenario_id, lines, deelnemer="Anna", groep="Groep A", seed=1):
    service = PracticeService()
    session_id = service.start(scenario_id, deelnemer=deelnemer, groep=groep, seed=seed)
    results = [service.play(session_id, line) for line in lines]
    return session_id, results


def good_lines(scenario_id):
    return [p.tekst for p in catalog.get_scenario(scenario_id).oefenpad]


def test_commands_are_whole_message_checks():
    assert command_of("Hint") == "hint"
    assert command_of("hoe doe ik het?") == "feedback"
    assert command_of("Tussenstand") == command_of("geef me feedback") == "feedback"
    assert command_of("Hoe gaat het?") is None and command_of("hoe ging het?") is None  # lines for the persona
    assert command_of("Stop rollenspel!") == "stop"
    assert command_of("Ik geef u een hint: bel haar morgen.") is None


def test_oefen_in_the_terminal_stores_a_session(db, capsys):
    scenario = catalog.get_scenario("vader-kinderen-thuisgehouden")
    answers = iter(["hint"] + good_lines(scenario.id))
    args = SimpleNamespace(scenario="vader belt", deelnemer="Anna", groep=None, seed=4)
    assert roleplay_cli.run_play(args, read=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert scenario.setting.strip().splitlines()[0] in out
    assert f"Vader: {scenario.persona.opening}" in out and "Zij/hij" not in out  # who speaks, by role
    assert scenario.trainer.leerdoel not in out
    assert "Hint: Erkennen" in out
    assert scenario.einde.goed.slotzin in out
    assert "Nabespreking" in out
    [session] = list_sessions()
    assert session["status"] == "goed" and session["deelnemer"] == "Anna"
    assert len(session["state"]["turns"]) == len(scenario.oefenpad)  # the hint is not a turn


def test_oefen_with_unknown_scenario_lists_the_choices(db, capsys):
    args = SimpleNamespace(scenario="'; DROP TABLE x;--", deelnemer=None, groep=None, seed=None)
    assert roleplay_cli.run_play(args, read=lambda prompt: "stop") == 1
    out = capsys.readouterr().out
    assert "Geen scenario gevonden" in out and "1. " in out


def test_sessies_lijst_toon_and_csv(db, capsys, tmp_path):
    first, _ = play("moeder-dochter-niet-gezien", good_lines("moeder-dochter-niet-gezien"))
    second, results = play("ouder-wil-partij", ["Laat maar eens zien, welk bericht vond u het ergst?",
                                                "hoe doe ik het?", "stop rollenspel"], deelnemer="Bram")
    assert results[1].soort == "feedback" and results[2].soort == "einde"
    assert cli.main(["sessies", "lijst"]) == 0
    out = capsys.readouterr().out
    assert "goed" in out and "gestopt" in out and "Anna / Groep A" in out
    stored = list_sessions()[0]["created_at"]  # UTC in the store, Dutch time in the list
    assert dutch_time(stored).strftime("%Y-%m-%d %H:%M") in out
    assert cli.main(["sessies", "toon", str(second)]) == 0
    out = capsys.readouterr().out
    assert "Laat maar eens zien" in out and "zet: De inhoud in (valkuil)" in out
    assert "spanning 6 → 8" in out
    for bad in ["999", "abc", "'; DROP TABLE records;--"]:
        assert cli.main(["sessies", "toon", bad]) == 1
        message = capsys.readouterr().out
        assert "bestaat niet" in message or "geen geldig sessienummer" in message
    out_file = tmp_path / "beurten.csv"
    assert cli.main(["sessies", "csv", "--uit", str(out_file)]) == 0
    rows = read_csv(out_file.read_text(encoding="utf-8"))
    assert len(rows) == len(good_lines("moeder-dochter-niet-gezien")) + 1
    assert {r["sessie"] for r in rows} == {str(first), str(second)}
    assert rows[0]["zet"] == "Erkennen" and rows[0]["spanning_voor"] == "6"  # names, not the stored ids


def test_csv_cells_cannot_start_a_formula(db, tmp_path):
    play("vader-kinderen-thuisgehouden", ["=HYPERLINK(\"x\")"])
    out_file = tmp_path / "b.csv"
    assert cli.main(["sessies", "csv", "--uit", str(out_file)]) == 0
    [row] = read_csv(out_file.read_text(encoding="utf-8"))
    assert row["tekst"].startswith("'=")


def test_rapport_for_participant_and_group(db, tmp_path, capsys):
    play("vader-kinderen-thuisgehouden", good_lines("vader-kinderen-thuisgehouden"), deelnemer="Anna", groep=None)
    play("kind-wil-niet-naar-vader", ["Je moet je vader toch wel een kans geven, hoor.", "stop rollenspel"],
         deelnemer="Anna", groep="Groep A")
    play("vader-contact-verbreken", ["stop rollenspel"], deelnemer="Cas", groep="Groep B")
    assert [s["deelnemer"] for s in sessions_for("anna")] == ["Anna", "Anna"]
    out_file = tmp_path / "rapport.html"
    assert cli.main(["rapport", "Anna", "--uit", str(out_file)]) == 0
    html = out_file.read_text(encoding="utf-8")
    assert "data:image/png;base64,iVBOR" in html
    assert "Aantal sessies: 2" in html and "Vader belt" in html
    assert "8 → 7 → 6 → 5" in html  # the tension curve of the good session (the father calms down slowly)
    assert cli.main(["rapport", "Groep A", "--uit", str(out_file)]) == 0
    assert "Aantal sessies: 1" in out_file.read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["rapport", "<script>", "--uit", str(out_file)]) == 1
    assert "Geen sessies gevonden" in capsys.readouterr().out


def test_names_are_trimmed_and_html_escaped(db, tmp_path):
    play("vader-kinderen-thuisgehouden", ["stop"], deelnemer="  <b>Anna</b>  " + "x" * 200, groep=" ")
    [session] = list_sessions()
    assert len(session["deelnemer"]) == 40 and session["groep"] is None  # the participant: at most 40 characters
    out_file = tmp_path / "r.html"
    assert cli.main(["rapport", session["deelnemer"], "--uit", str(out_file)]) == 0
    assert "<b>Anna" not in out_file.read_text(encoding="utf-8")


def test_evalueer_rollenspel_prints_the_match_rate(db, capsys):
    assert cli.main(["evalueer", "rollenspel"]) == 0
    out = capsys.readouterr().out
    assert "Overeenkomst:" in out and "100.0%" in out  # the scripted classifier agrees with itself
    assert "vader-kinderen-thuisgehouden" in out and "einde: goed" in out


def test_scenario_list_of_a_new_process_says_when_a_scenario_file_is_broken(tmp_path, monkeypatch, capsys):
    # found by the second user test: a scenario vanished from the list after a trainer broke its file, while the
    # chat said it kept working with the previous version
    import shutil

    from bot.paths import knowledge_dir

    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), copy)
    (copy / "scenarios" / "oma_belt.yml").write_text("soort: scenario\nitems:\n  - id: oma\n    titel: [kapot\n")
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(copy))
    assert cli.main(["scenario", "lijst"]) == 0
    out = capsys.readouterr().out
    assert "Let op: 1 fout in de scenariobestanden" in out and "oma_belt.yml" in out
    assert "rustpunt scenario controleer" in out


def test_oefen_switches_to_the_scenario_asked_for_and_plays_it_on(db, capsys):
    # a user test of session 22: "ik wil liever scenario 2 doen" was played as a turn and scored
    father, mdo = catalog.get_scenario("vader-kinderen-thuisgehouden"), catalog.get_scenario("mdo-moeder-dochter-ruzie")
    answers = iter([father.oefenpad[0].tekst, "ik wil liever scenario 2 doen"] + good_lines(mdo.id))
    args = SimpleNamespace(scenario="vader belt", deelnemer="Anna", groep=None, seed=4)
    assert roleplay_cli.run_play(args, read=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert "Je wisselt van scenario" in out and mdo.setting.strip().splitlines()[0] in out
    assert mdo.persona.opening in out  # the new persona speaks
    newest, first = list_sessions()
    assert first["scenario"] == father.id and first["status"] == "gestopt" and len(first["state"]["turns"]) == 1
    assert newest["scenario"] == mdo.id and newest["deelnemer"] == "Anna"
    assert len(newest["state"]["turns"]) == len(mdo.oefenpad)


def test_oefen_names_each_speaker_of_the_mdo_once(db, capsys):
    """The MDO persona is mother and daughter at once: its lines name their own speakers, so the terminal puts no
    second name in front ("Moeder: Dochter: ..." in a user test); a one-person scenario keeps its speaker's name."""
    scenario = catalog.get_scenario("mdo-moeder-dochter-ruzie")
    answers = iter(good_lines(scenario.id)[:2] + ["stop rollenspel"])
    args = SimpleNamespace(scenario=scenario.id, deelnemer=None, groep=None, seed=1)
    assert roleplay_cli.run_play(args, read=lambda prompt: next(answers)) == 0
    lines = capsys.readouterr().out.splitlines()
    said = [line for line in lines if line.startswith(("Moeder:", "Dochter"))]
    assert said and said[0].startswith(scenario.persona.opening.split(":")[0] + ":")
    assert not any(line.startswith(("Moeder: Dochter", "Moeder: Moeder", "Dochter: Dochter")) for line in lines)
    assert scenario.persona.opening in "\n".join(lines)
