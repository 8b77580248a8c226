"""Session 27, a user test: a lower-case first name that is also a Dutch word, with no cue before it, was stored
readable in Rasa's tracker store ("ik snap dat je boos bent mark"). Typed chat and speech-to-text give names in lower
case. Such a name is now masked where the context makes it a name: said to someone at the end or the start of a
sentence, or after 'met', 'en', 'van', 'tegen'; the word stays where it is a noun ("de roos", "ik speel bas")."""
from __future__ import annotations

import pytest

from bot.intake.deidentify import mask
from tests.stored_text import in_database
from tests.test_privacy_user_test_s22 import files_with, save, type_through


@pytest.mark.parametrize("text, expected", [
    ("ik snap dat je boos bent mark", "ik snap dat je boos bent [NAAM]"),
    ("ik snap dat je boos bent, roos.", "ik snap dat je boos bent, [NAAM]."),
    ("wat vind je ervan, fleur?", "wat vind je ervan, [NAAM]?"),
    ("dank je wel bas", "dank je wel [NAAM]"),
    ("goed zo max! nu de volgende stap", "goed zo [NAAM]! nu de volgende stap"),
    ("mark, ik snap het", "[NAAM], ik snap het"),
    ("roos wat vind jij ervan", "[NAAM] wat vind jij ervan"),
    ("ik was met mark bij de huisarts", "ik was met [NAAM] bij de huisarts"),
    ("ik ga met bram naar huis", "ik ga met [NAAM] naar huis"),
    ("ik heb ruzie gehad tegen bas.", "ik heb ruzie gehad tegen [NAAM]."),
    ("het is de fiets van roos", "het is de fiets van [NAAM]"),
    ("ik heb het tegen max gezegd", "ik heb het tegen [NAAM] gezegd"),
    ("ze zaten met jan en roos", "ze zaten met [NAAM] en [NAAM]"),
])
def test_a_lower_case_first_name_that_is_also_a_word_is_masked_where_it_is_a_name(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "ik speel bas",
    "hij speelt gitaar en bas.",
    "roos is een bloem",
    "de roos bloeit in de tuin",
    "ze is weer helemaal in de fleur",
    "ik ga er met max snelheid heen",
    "het kost van max tien euro",
    "ik zet een streep bij de mark",
    "dat is max",
    "ik geef haar een roos",
])
def test_the_word_stays_where_it_is_no_name(text):
    assert mask(text).text == text


async def test_a_lower_case_name_said_to_someone_is_nowhere_in_the_data_folder(tmp_path, tracker_url):
    events, _ = await type_through([
        "hoi ik bel over mijn zoon hij is erg boos op school",
        "nee", "nee",
        "ik snap dat je boos bent mark",
        "ik heb het ook tegen roos gezegd",
        "rond af"])
    await save(tmp_path, "gesprek-vocatief", events)
    typed = ["bent mark", "tegen roos"]
    assert files_with(tmp_path, typed) == []
    assert in_database(typed) == []  # also on PostgreSQL
    assert files_with(tmp_path, ["boos bent"]) != []  # what was typed is stored, without the name
