"""``rustpunt rol`` (text, --json, stdin) and ``rustpunt evalueer rollen``."""
from __future__ import annotations

import io
import json

from bot.cli import main

KEYS = {"rol", "zekerheid", "signalen", "uitnodiging", "alternatief"}


def test_json_output_has_exact_keys(capsys):
    assert main(["rol", "Zij zet de kinderen tegen mij op en jullie doen niks", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == KEYS
    assert data["rol"] == "aanklager"
    assert data["signalen"][0]["woorden"] == "zet de kinderen tegen"


def test_text_output_is_dutch(capsys):
    assert main(["rol", "Ik regel het wel met school, maak je geen zorgen."]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rol: Redder (dramadriehoek)")
    assert "Signalen in de zin:" in out


def test_stdin_one_json_object_per_line(capsys, monkeypatch):
    lines = "Ik regel het wel voor je.\n\nhallo\nIk ben bang dat ik hem kwijtraak.\n'; DROP TABLE x;--\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert main(["rol"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["rol"] for o in out] == ["redder", "geen duidelijke rol", "kwetsbaar", "geen duidelijke rol"]
    assert all(set(o) == KEYS for o in out)


def test_empty_stdin_is_reported(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n\n"))
    assert main(["rol"]) == 1
    assert "geen zinnen" in capsys.readouterr().err


def test_evaluation_prints_numbers(capsys):
    assert main(["evalueer", "rollen"]) == 0
    out = capsys.readouterr().out
    for part in ("Nauwkeurigheid (accuracy):", "Macro-F1:", "Verwarringsmatrix", "slachtoffer", "ms"):
        assert part in out
