"""Knowledge is written in own words: no run of 12 words in a knowledge file is copied from a source.

The sources are the seed documents the knowledge cites (``bron``); shorter overlaps are allowed, because
names of schools, lists of topics and the workbook's model questions ('Wat is er zo belangrijk voor je,
dat je ...') are quoted on purpose. Example sentences and test questions (``voorbeelden*``, ``*vragen*``)
show what professionals type, so they may follow the workbook's model sentences. A failure names the file
and the copied words.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator, List, Set, Tuple

import yaml

from bot.paths import knowledge_dir
from tests.yaml_strings import yaml_strings

# The seed documents live outside the repository (docs: /work/shared/seeds); another place via the env.
SEEDS = Path(os.environ.get("RUSTPUNT_SEEDS_DIR", "/work/shared/seeds"))
RUN = 12
SKIP_FIELDS = {"bron", "website", "email", "telefoon"}
_TOKEN = re.compile(r"[a-zà-ÿ0-9]+")


def _tokens(text: str) -> List[str]:
    return _TOKEN.findall(text.lower())


def _runs(tokens: List[str]) -> Iterator[Tuple[int, Tuple[str, ...]]]:
    for start in range(len(tokens) - RUN + 1):
        yield start, tuple(tokens[start:start + RUN])


def _strings(value) -> Iterator[str]:
    return yaml_strings(value, SKIP_FIELDS)


def copied_runs(source_texts: List[str], knowledge_files: List[Path]) -> List[str]:
    """'file: words' for every run of RUN words a knowledge text shares with a source text."""
    seen: Set[Tuple[str, ...]] = set()
    for text in source_texts:
        seen.update(run for _, run in _runs(_tokens(text)))
    found = []
    for path in knowledge_files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _strings(data):
            for _, run in _runs(_tokens(text)):
                if run in seen:
                    found.append(f"{path.name}: {' '.join(run)}")
                    break
    return found


def test_no_knowledge_text_copies_a_run_of_twelve_words_from_a_seed():
    sources = sorted(SEEDS.glob("*.txt"))
    assert len(sources) >= 5, f"de brondocumenten ontbreken in {SEEDS} (zet RUSTPUNT_SEEDS_DIR)"
    files = sorted(p for p in knowledge_dir().rglob("*.yml")
                   if not p.name.startswith("voorbeelden") and "vragen" not in p.name)
    assert len(files) > 20
    found = copied_runs([p.read_text(encoding="utf-8", errors="ignore") for p in sources], files)
    assert not found, "Letterlijk overgenomen uit de bron (schrijf het in eigen woorden):\n" + "\n".join(found)


def test_the_check_finds_a_copied_sentence_and_passes_own_words(tmp_path):
    source = ("Ouders kennen nu de visie. Deze visie heeft tijd nodig om in te dalen, zeker als ouders al lange "
              "tijd in de strijd zitten met elkaar.")
    copied = tmp_path / "gekopieerd.yml"
    copied.write_text('uitleg: "Deze visie heeft tijd nodig om in te dalen, zeker als ouders al lange tijd in de '
                      'strijd zitten."\nbron: "Deze visie heeft tijd nodig om in te dalen, zeker als ouders al lange '
                      'tijd"\n', encoding="utf-8")
    own = tmp_path / "eigen.yml"
    own.write_text('uitleg: "Het duurt even voordat de visie landt, zeker na jaren strijd."\n', encoding="utf-8")
    assert copied_runs([source], [copied]) == [
        "gekopieerd.yml: deze visie heeft tijd nodig om in te dalen zeker als ouders"]
    assert copied_runs([source], [own]) == []
