"""The knowledge kinds of the role recogniser: real files are valid, broken ones give Dutch problems."""
from __future__ import annotations

import shutil
from pathlib import Path

from bot.knowledge.loader import get_knowledge, load_knowledge
from bot.paths import knowledge_dir
from bot.roles.models import MIN_SENTENCES_PER_ROLE, ROLE_IDS

ROLES_DIR = Path(knowledge_dir()) / "rollen"


def _problems_for(tmp_path, name: str, text: str):
    folder = tmp_path / "knowledge"
    shutil.copytree(ROLES_DIR, folder / "rollen")
    (folder / "rollen" / name).write_text(text, encoding="utf-8")
    return [str(p) for p in load_knowledge(folder).problems]


def test_real_role_knowledge_is_complete():
    knowledge = get_knowledge(reload=True)
    own = [p for p in knowledge.problems if "rollen" in p.file]
    assert own == []
    assert sorted(knowledge.entries["rol"]) == sorted(ROLE_IDS)
    assert {"steen-op-tafel", "honderd-kilo-energie", "kopje-schuiven"} <= set(knowledge.entries["hulpmiddel"])
    counts = {}
    for group in knowledge.all("rol_voorbeelden"):
        counts[group.label] = counts.get(group.label, 0) + len(group.zinnen)
    assert all(counts[r] >= MIN_SENTENCES_PER_ROLE for r in ROLE_IDS)
    speakers = {g.spreker for g in knowledge.all("rol_voorbeelden")}
    assert {"ouder", "kind", "professional", "grootouder", "school"} <= speakers


def test_roles_folder_alone_is_valid(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(ROLES_DIR, folder / "rollen")
    assert load_knowledge(folder).problems == []


def test_bad_pattern_unknown_role_and_dangling_tool_are_reported(tmp_path):
    bron = 'bron: {document: "x.txt (X)", sectie: "Y"}'
    problems = _problems_for(
        tmp_path,
        "kapot.yml",
        f"""soort: rol_signaal
items:
  - id: fout-patroon
    rol: redder
    naam: "iets"
    uitleg: "iets"
    patronen: ["... regel"]
    {bron}
  - id: onbekende-rol
    rol: piraat
    naam: "iets"
    uitleg: "iets"
    patronen: ["arr"]
    {bron}
""",
    )
    assert any("fout-patroon" in p and "mag niet met '...' beginnen" in p for p in problems)
    assert any("onbekende-rol" in p and "geen rol met dat id" in p for p in problems)


def test_example_group_size_label_and_duplicates(tmp_path):
    bron = 'bron: {document: "x.txt (X)", sectie: "Y"}'
    problems = _problems_for(
        tmp_path,
        "extra.yml",
        f"""soort: rol_voorbeelden
items:
  - id: te-klein
    label: redder
    zinnen: ["een", "twee"]
    {bron}
  - id: fout-label
    label: held
    zinnen: ["a b c", "d e f", "g h i"]
    {bron}
  - id: dubbel
    label: redder
    zinnen: ["Ik regel het wel met school, dan hoef jij je er niet druk om te maken.", "x y z", "z y x"]
    {bron}
""",
    )
    assert any("te-klein" in p and "verwacht 3 tot 5 zinnen" in p for p in problems)
    assert any("fout-label" in p and "onbekende rol 'held'" in p for p in problems)
    assert any("dubbel" in p and "zin staat ook in groep" in p for p in problems)


def test_role_counterpart_must_point_back(tmp_path):
    text = (ROLES_DIR / "rollen.yml").read_text(encoding="utf-8")
    broken = text.replace("tegenhanger: kwetsbaar", "tegenhanger: assertief", 1)
    problems = _problems_for(tmp_path, "rollen.yml", broken)
    assert any("slachtoffer" in p and "tegenhanger" in p for p in problems)


def test_roles_say_only_what_the_workbook_says():
    """Issue 16: Aanklager invites hitting back; Assertief is no 'uitdager'; the Omstander has no
    invented 'verwijst door' trait or invitations; the Ondersteuner answers from a role its example fits."""
    from bot.knowledge.loader import get_knowledge

    roles = get_knowledge().entries["rol"]
    assert "aanklager" in roles["aanklager"].nodigt_uit
    assert "professional" in roles["aanklager"].uitleg
    assistant = roles["assertief"]
    assert "uitdager" not in assistant.uitleg.lower() and "uitdager" not in assistant.synoniemen
    bystander = roles["omstander"]
    assert bystander.nodigt_uit == []
    assert not any("verwijst door" in k for k in bystander.kenmerken)
    assert roles["ondersteuner"].antwoord_vanuit == "ondersteuner"
    signals = get_knowledge().entries["rol_signaal"]
    assert "omstander-schuift-door" not in signals
