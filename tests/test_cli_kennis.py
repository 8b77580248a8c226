"""`rustpunt kennis controleer|laad`: Dutch output and exit codes."""
from __future__ import annotations

from bot.cli import main
from bot.knowledge import loader
from tests.test_knowledge_loader import BRON, Thing, write


def test_check_reports_every_problem_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})
    write(tmp_path / "k", "a.yml", "soort: ding\nitems:\n  - id: a\n  - id: b\n    naam: B\n")
    assert main(["kennis", "controleer", "--map", str(tmp_path / "k")]) == 1
    out = capsys.readouterr().out
    assert "3 fouten gevonden" in out
    assert "item 'a', veld 'naam': verplicht veld ontbreekt" in out
    assert "item 'b', veld 'bron': verplicht veld ontbreekt" in out


def test_check_ok_and_load_is_idempotent(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})
    write(tmp_path / "k", "a.yml", f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n")
    assert main(["kennis", "controleer", "--map", str(tmp_path / "k")]) == 0
    assert "Alle kennisbestanden zijn in orde (ding: 1)" in capsys.readouterr().out
    assert main(["kennis", "laad", "--map", str(tmp_path / "k")]) == 0
    assert "1 nieuw" in capsys.readouterr().out
    assert main(["kennis", "laad", "--map", str(tmp_path / "k")]) == 0
    assert "0 nieuw, 0 gewijzigd, 0 verwijderd, 1 ongewijzigd" in capsys.readouterr().out


def test_help_is_dutch(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: rustpunt")
    assert "toon deze hulp en stop" in out
    assert "kennis" in out


def test_unknown_command_gets_dutch_error(capsys):
    try:
        main(["vlieg"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "fout: argument opdracht: ongeldige keuze: 'vlieg'" in capsys.readouterr().err


def test_output_piped_into_head_ends_without_a_traceback(capsys):
    """A user test: `rustpunt groep ... | head` printed a BrokenPipeError traceback."""
    import subprocess
    import sys

    script = ("import sys; from bot import cli\n"
              "def many(args):\n    for i in range(200000):\n        print('regel', i)\n    return 0\n"
              "parser = cli.build_parser\n"
              "cli.build_parser = lambda: (lambda p: (p.set_defaults(func=many), p)[1])(parser())\n"
              "sys.exit(cli.main([]))\n")
    shell = f"{sys.executable} -c \"{script}\" | head -n 1"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
    assert result.stdout == "regel 0\n"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
