"""'herlaad de kennis' on a running server: changed kaart word lists count at once, nothing stale is kept.

The kaart derives a lot from its problem words per word it sees (compound parts, stems, typo corrections).
Those are remembered per loaded knowledge: a content editor who adds a problem word and reloads sees the
search use it, also for words the server already read before the reload.
"""
from __future__ import annotations

import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.knowledge import loader

# a typo of a problem word that is not in probleemwoorden.yml yet
QUESTION = "Hilversum: dochter van 13 wordt op school geintimideert"


@pytest.fixture
def loaded_copy(knowledge_copy):
    """The shared knowledge copy (tests/conftest.py), loaded as a running server has it."""
    loader.reload_knowledge(knowledge_copy)
    return knowledge_copy


def add_problem_word(folder, theme_anchor: str, word: str) -> None:
    path = folder / "sociale_kaart" / "probleemwoorden.yml"
    text = path.read_text(encoding="utf-8")
    assert theme_anchor in text
    path.write_text(text.replace(theme_anchor, f'{theme_anchor}      - "{word}"\n', 1), encoding="utf-8")


def test_a_problem_word_added_and_reloaded_counts_also_for_words_read_before(loaded_copy):
    folder = loaded_copy
    before = parse_vraag(QUESTION)
    assert "pesten" not in before.themas  # the server has now read (and remembered) the misspelt word

    add_problem_word(folder, '      - "gepest"\n', "geintimideerd")
    fresh = loader.reload_knowledge()
    assert fresh.ok, fresh.problems[:3]

    after = parse_vraag(QUESTION)
    assert "pesten" in after.themas  # the typo is now read as the new problem word
    assert "pesten" in zoek(QUESTION).themas


def test_a_problem_word_removed_and_reloaded_no_longer_counts(loaded_copy):
    folder = loaded_copy
    assert "pesten" in parse_vraag("Huizen, zoon van 11 wordt buitengesloten").themas
    path = folder / "sociale_kaart" / "probleemwoorden.yml"
    text = path.read_text(encoding="utf-8")
    for word in ("buitengesloten", "buitensluiten"):
        text = text.replace(f'      - "{word}"\n', "", 1)
    text = text.replace(" buitengesloten,", "", 1)  # also from the words a negation denies (``ontkenbaar``)
    path.write_text(text, encoding="utf-8")
    assert loader.reload_knowledge().ok
    assert "pesten" not in parse_vraag("Huizen, zoon van 11 wordt buitengesloten").themas


def test_target_group_words_come_from_the_knowledge_and_follow_a_reload(loaded_copy):
    """doelgroepwoorden.yml is content: a word added there is a hint after a reload, without code."""
    folder = loaded_copy
    question = "Hilversum: de voogd maakt zich zorgen, dochter van 13 is somber"
    assert "ouder" not in parse_vraag(question).doelgroep_hints
    path = folder / "sociale_kaart" / "doelgroepwoorden.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"pleegouder"', '"pleegouder", "voogd"', 1), encoding="utf-8")
    assert loader.reload_knowledge().ok
    assert "ouder" in parse_vraag(question).doelgroep_hints
