"""`rustpunt meet last` and `rustpunt meet soak` against an address where no Rustpunt runs."""
import pytest

from bot import cli
from tests.fake_rasa import free_port


@pytest.mark.parametrize("command", [["last", "--zonder-referentie"], ["soak", "--minuten", "1"]])
def test_load_and_soak_say_in_dutch_that_rustpunt_is_not_reachable(command, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    assert cli.main(["meet", *command, "--rasa", url]) == 1
    assert capsys.readouterr().out.strip() == f"Rustpunt is niet bereikbaar op {url}. Start eerst 'make run'."
