"""The loader validates every file at once and reports file, entry and field in Dutch."""
from __future__ import annotations

from pathlib import Path
from typing import ClassVar, List, Optional, Tuple

import pytest
from pydantic import conint

from bot.knowledge import loader
from bot.knowledge.base import Entry


class Thing(Entry):
    naam: str
    leeftijd: Optional[conint(ge=0, le=120)] = None
    buren: List[str] = []
    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("buren", "ding"),)


@pytest.fixture()
def kinds(monkeypatch):
    monkeypatch.setattr(loader, "registry", lambda: {"ding": Thing})


BRON = 'bron: {document: "004 werkboek", sectie: "Stap 1"}'


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(knowledge) -> List[str]:
    return [str(p) for p in knowledge.problems]


def test_valid_files_load_all_entries(tmp_path, kinds):
    write(
        tmp_path / "kennis" / "a",
        "een.yml",
        f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n    buren: [b]\n",
    )
    write(tmp_path / "kennis" / "b", "twee.yaml", f"soort: ding\nitems:\n  - id: b\n    naam: B\n    {BRON}\n")
    knowledge = loader.load_knowledge(tmp_path / "kennis")
    assert knowledge.ok, messages(knowledge)
    assert sorted(knowledge.entries["ding"]) == ["a", "b"]
    assert knowledge.get("ding", "a").buren == ["b"]
    assert knowledge.files[("ding", "b")] == "kennis/b/twee.yaml"


def test_every_problem_is_reported_at_once_with_file_entry_and_field(tmp_path, kinds):
    write(
        tmp_path / "kennis",
        "fout.yml",
        "soort: ding\nitems:\n"
        f"  - id: a\n    naam: A\n    {BRON}\n    kleur: rood\n"  # unknown field
        "  - id: b\n    naam: B\n"  # missing bron
        f"  - id: c\n    naam: C\n    {BRON}\n    leeftijd: 200\n"  # out of range
        f"  - id: a\n    naam: A2\n    {BRON}\n"  # duplicate id
        f"  - id: d\n    naam: D\n    {BRON}\n    buren: [onbekend]\n",  # dangling reference
    )
    knowledge = loader.load_knowledge(tmp_path / "kennis")
    found = messages(knowledge)
    assert "kennis/fout.yml, item 'a', veld 'kleur': onbekend veld (niet toegestaan)" in found
    assert "kennis/fout.yml, item 'b', veld 'bron': verplicht veld ontbreekt" in found
    assert "kennis/fout.yml, item 'c', veld 'leeftijd': is te groot (hoogstens 120, nu 200)" in found
    assert any(m.startswith("kennis/fout.yml, item 'a', veld 'id': dubbel id") for m in found)
    assert (
        "kennis/fout.yml, item 'd', veld 'buren': verwijst naar 'onbekend', maar er is geen ding met dat id"
        in found
    )
    assert len(found) == 5


def test_malformed_yaml_names_the_line(tmp_path, kinds):
    write(tmp_path / "kennis", "kapot.yml", "soort: ding\nitems:\n  - id: a\n    naam: [niet gesloten\n")
    found = messages(loader.load_knowledge(tmp_path / "kennis"))
    assert len(found) == 1
    assert found[0].startswith("kennis/kapot.yml: ongeldige YAML (regel")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "kennis/x.yml: bestand is leeg"),
        ("- id: a\n", "kennis/x.yml: verwacht een blok met 'soort' en 'items'"),
        ("soort: onzin\nitems: []\n", "kennis/x.yml, veld 'soort': onbekende soort 'onzin' (toegestaan: ding)"),
        ("items:\n  - id: a\n", "kennis/x.yml, veld 'soort': het veld 'soort' ontbreekt bovenaan het bestand; zet er "
                                "bijvoorbeeld 'soort: scenario' (toegestaan: ding)"),  # was "onbekende soort 'None'"
        ("soort: ding\nitems: []\n", "kennis/x.yml, veld 'items': verwacht een niet-lege lijst met items"),
        ("soort: ding\nitems: [42]\n", "kennis/x.yml, item '#1': item is geen blok met velden"),
        (
            f"soort: ding\nitems:\n  - id: 'A B; DROP TABLE'\n    naam: x\n    {BRON}\n",
            "kennis/x.yml, item 'A B; DROP TABLE', veld 'id': "
            "bevat ongeldige tekens (alleen kleine letters, cijfers, - en _)",
        ),
    ],
)
def test_broken_file_shapes_get_a_dutch_message(tmp_path, kinds, text, expected):
    write(tmp_path / "kennis", "x.yml", text)
    assert messages(loader.load_knowledge(tmp_path / "kennis")) == [expected]


def test_a_too_large_file_names_its_size_and_the_limit(tmp_path, kinds, monkeypatch):
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 200_000)  # the message follows the one limit constant
    write(tmp_path / "kennis", "groot.yml", "soort: ding\nitems:\n" + "# opvulling\n" * 25_000)
    assert messages(loader.load_knowledge(tmp_path / "kennis")) == [
        "kennis/groot.yml: bestand is te groot (0,3 MB); een kennisbestand mag hoogstens 0,2 MB zijn"]


def test_a_value_out_of_bounds_names_the_bound(tmp_path, kinds):
    write(tmp_path / "kennis", "x.yml", f"soort: ding\nitems:\n  - id: a\n    naam: A\n    {BRON}\n    leeftijd: -1\n")
    assert messages(loader.load_knowledge(tmp_path / "kennis")) == [
        "kennis/x.yml, item 'a', veld 'leeftijd': is te klein (minstens 0, nu -1)"]


def test_non_utf8_file_is_reported(tmp_path, kinds):
    folder = tmp_path / "kennis"
    folder.mkdir()
    (folder / "x.yml").write_bytes(b"soort: ding\nitems:\n  - id: \xff\xfe\n")
    assert messages(loader.load_knowledge(folder)) == ["kennis/x.yml: bestand is geen UTF-8-tekst"]


def test_missing_directory_is_reported(tmp_path, kinds):
    knowledge = loader.load_knowledge(tmp_path / "bestaat-niet")
    assert not knowledge.ok
    assert "map met kennisbestanden bestaat niet" in messages(knowledge)[0]


def test_project_knowledge_is_valid():
    """The shipped knowledge/ folder has no problems at all."""
    knowledge = loader.load_knowledge(Path(__file__).resolve().parent.parent / "knowledge")
    assert knowledge.problems == []


def test_a_list_field_can_be_both_required_and_checked_against_allowed_values():
    """pydantic 1 keeps one validator per function name and field: both checks must stay active together."""
    from pydantic import ValidationError

    from bot.knowledge.base import Strict, non_empty_list, one_of

    class Item(Strict):
        stappen: List[str]
        _known = one_of("stappen", ("visie", "erkennen"), "onbekende stap")
        _needed = non_empty_list("stappen")

    assert Item(stappen=["visie"]).stappen == ["visie"]
    with pytest.raises(ValidationError, match="mag niet leeg zijn"):
        Item(stappen=[])
    with pytest.raises(ValidationError, match="onbekende stap 'rechter'"):
        Item(stappen=["rechter"])
