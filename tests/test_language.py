"""The one language check (bot/language.py): letters typed at random are no words, abbreviations and Dutch words are."""
from __future__ import annotations

import pytest

from bot.language import looks_like_key_mashing


@pytest.mark.parametrize("text", ["asdfghjkl", "qwerty", "hjkl", "sdfsdf", "lkjlkj qwer", "aaaaa", "zxcvbnm"])
def test_letters_typed_at_random_are_key_mashing(text):
    assert looks_like_key_mashing(text)


@pytest.mark.parametrize("text", ["jeugdconsulent", "angstschreeuw", "herfststorm", "verstuurd", "zsm", "DJGB",
                                  "GGDGV", "buurtteam Bussum", "morgen na 15 uur", "14:00", "😭", "ik", "Mohammed",
                                  "bel asdf terug"])
def test_words_abbreviations_and_numbers_are_not(text):
    assert not looks_like_key_mashing(text)
