"""``rustpunt stap``, ``rustpunt plan toon`` and ``rustpunt evalueer stappen``."""
import io
import json

import pytest

from bot.cli import main


def test_stap_json(capsys):
    assert main(["stap", "--json", "Ik regel het wel met je ex, maak je geen zorgen."]) == 0
    payload = json.loads(capsys.readouterr().out)
    # the contract, and what the text shows per sentence (session 23: the JSON left out the lecture flag)
    assert list(payload) == ["stap", "zekerheid", "kenmerken", "tip", "vorm", "stappen", "valkuilzinnen",
                             "oordeelzinnen"]
    assert payload["stap"] == "redden"


def test_stap_text_output_is_dutch(capsys):
    assert main(["stap", "Wat is er zo belangrijk voor je, dat je zo boos wordt?"]) == 0
    out = capsys.readouterr().out
    assert "Stap: behoefte" in out and "Tip:" in out and "Kenmerken:" in out


def test_stap_reads_one_sentence_per_line_from_stdin(capsys, monkeypatch):
    lines = "Wat ben jij boos en wanhopig, zeg.\n\nhello world how are you\nWelke opties zie jij zelf?\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["stap"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["stap"] for r in rows] == ["erkennen", "geen", "opties"]
    assert "Nederlands" in rows[1]["tip"]


def test_plan_toon(capsys):
    from bot.steps.plan import build_plan, save_plan

    plan_id = save_plan(build_plan("kind", "jongen wil niet wisselen", {"erkennen": "Wat vervelend voor je."}))
    assert main(["plan", "toon", str(plan_id)]) == 0
    out = capsys.readouterr().out
    assert "Gesprek met: een kind" in out and '"Wat vervelend voor je."' in out
    assert main(["plan", "toon", str(plan_id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["soort"] == "gespreksplan"


@pytest.mark.parametrize("bad", ["999999", "abc", "1; DROP TABLE records"])
def test_plan_toon_unknown_or_invalid_id(capsys, bad):
    assert main(["plan", "toon", bad]) == 1
    out = capsys.readouterr().out
    assert "geen gespreksplan" in out or "geen geldig plannummer" in out


def test_evalueer_stappen_prints_numbers(capsys):
    assert main(["evalueer", "stappen"]) == 0
    out = capsys.readouterr().out
    for part in ("Nauwkeurigheid (accuracy):", "Macro-F1:", "Verwarringsmatrix", "ms", "realiteit"):
        assert part in out


def test_evalueer_registry_accepts_other_capabilities(capsys):
    from bot.cli_commands import evalueer

    evalueer.add_evaluation("proef", "alleen voor de test", lambda args: print("proef gedraaid") or 0)
    try:
        assert main(["evalueer", "proef"]) == 0
        assert "proef gedraaid" in capsys.readouterr().out
    finally:
        evalueer._REGISTRY.pop("proef", None)
