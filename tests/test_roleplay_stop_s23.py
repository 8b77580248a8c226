"""Stopping a role-play in one's own words (a user test of session 23: "ik wil stoppen met dit scenario", "ik stop
ermee" and "laten we stoppen met deze oefening" were played as turns to the persona). Through ``command_of`` and
``PracticeService.play`` (what the role-play form calls for every message during play) and the guard after the
intent classifier; lines to the persona about stopping something in the family's life stay turns."""
import pytest

from bot import commands
from bot.roleplay.session import command_of
from tests.test_roleplay_commands_s21 import _guarded, started

STOPS = [
    "ik wil stoppen met dit scenario",  # the user test
    "ik stop ermee",  # the user test
    "laten we stoppen met deze oefening",  # the user test
    "Ik wil stoppen met dit scenario.", "nee, ik stop ermee", "ik stop ermee hoor", "ik kap ermee",
    "ik hou ermee op", "ik stop met dit scenario", "ik wil met dit rollenspel stoppen", "ik ga ermee stoppen",
    "laten we maar stoppen met het rollenspel", "laten we met deze oefening stoppen", "ik wil stoppen met de oefening",
]


@pytest.mark.parametrize("text", STOPS)
def test_stopping_the_exercise_in_ones_own_words_stops_the_role_play(text):
    assert command_of(text) == commands.STOP
    assert commands.is_stop_request(text) and _guarded(text, "stop") == "stop"
    service, session = started(turns=1)
    result = service.play(session, text)
    assert result.soort == "einde" and result.einde == "gestopt"


TURNS = [
    "u wilt stoppen met de ruzies?", "wilt u stoppen met het contact?",  # the user test: lines to the persona
    "ik wil stoppen met de ruzies", "laten we stoppen met dit gesprek, we komen er vandaag niet uit",
    "laten we stoppen met ruzie maken", "jij wilt stoppen met school?", "ik stop met werken als dat moet",
    "ik wil stoppen met dit scenario en scenario 3 doen",  # a switch, not a stop
    "Oké, ik stop hier even, mensen. Ik merk dat het nu heel hoog oploopt.",  # a chair pausing an MDO
    "Oké, ik stop even, want dit loopt uit de hand.",
]


@pytest.mark.parametrize("text", TURNS)
def test_stopping_something_else_is_no_stop(text):
    assert command_of(text) != commands.STOP
