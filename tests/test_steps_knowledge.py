"""Knowledge files of the six-step coach: content rules and Dutch error messages."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.steps.models import LABELS, SITUATION_TYPES, STEP_IDS


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(knowledge_dir())


def _own_problems(knowledge):
    return [p for p in knowledge.problems if "stappen" in p.file]


def test_step_files_have_no_problems(knowledge):
    assert _own_problems(knowledge) == []


def test_six_steps_in_order_with_examples_per_situation(knowledge):
    steps = sorted(knowledge.all("stap"), key=lambda s: s.nummer)
    assert [s.id for s in steps] == list(STEP_IDS)
    assert [s.nummer for s in steps] == [1, 2, 3, 4, 5, 6]
    for step in steps:
        for situation in SITUATION_TYPES:
            assert 2 <= len(getattr(step.voorbeeldzinnen, situation)) <= 3
        assert step.reflectievraag.endswith("?")
        assert step.bron.document.startswith("004_")


def test_pitfalls_and_role_exist(knowledge):
    assert {v.id for v in knowledge.all("valkuil")} == {"inhoud", "redden"}
    names = " ".join(r.naam.lower() for r in knowledge.all("jouw_rol"))
    for phrase in ("leiden en volgen", "voor iedereen", "inhoud"):
        assert phrase in names


def test_every_label_has_enough_varied_examples(knowledge):
    groups = knowledge.all("stap_voorbeelden")
    for label in LABELS:
        sentences = [s for g in groups if g.label == label for s in g.zinnen]
        assert len(sentences) >= 60, label
        assert len(set(sentences)) == len(sentences), label


def test_hulpmiddelen_are_references_not_copies(knowledge):
    refs = {ref for step in knowledge.all("stap") for ref in step.hulpmiddelen}
    assert refs <= {"steen-op-tafel", "honderd-kilo-energie", "kopje-schuiven"}
    own_files = {f for (kind, _), f in knowledge.files.items() if kind == "hulpmiddel"}
    assert not any("stappen" in f for f in own_files)  # owned by knowledge/rollen/


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "knowledge" / "stappen"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "knowledge"


def test_broken_example_group_is_reported_in_dutch(tmp_path):
    directory = _write(
        tmp_path,
        "voorbeelden_fout.yml",
        """soort: stap_voorbeelden
items:
  - id: fout-01
    label: ruziemaken
    bron: {document: "test", sectie: "test"}
    zinnen: ["een", "twee"]
    kleur: rood
""",
    )
    problems = [str(p) for p in load_knowledge(directory).problems]
    text = "\n".join(problems)
    assert "item 'fout-01', veld 'label': onbekend label 'ruziemaken'" in text
    assert "veld 'zinnen': verwacht 3 tot 5 zinnen, gevonden: 2" in text
    assert "veld 'kleur': onbekend veld" in text


def test_dangling_hulpmiddel_reference_is_an_error(tmp_path):
    source = (knowledge_dir() / "stappen" / "stappen.yml").read_text(encoding="utf-8")
    directory = _write(tmp_path, "stappen.yml", source.replace('["steen-op-tafel"]', '["toverstaf"]'))
    problems = [str(p) for p in load_knowledge(directory).problems]
    assert any("verwijst naar 'toverstaf'" in p and "item 'realiteit'" in p for p in problems)


def test_no_child_directed_sentence_asks_to_choose():
    """Children must not be put in the position of choosing between parents (issue 16)."""
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    for step in knowledge.entries["stap"].values():
        for sentence in step.voorbeeldzinnen.kind:
            assert "kiezen" not in sentence and "kies" not in sentence, (step.id, sentence)
    for scenario in knowledge.entries["scenario"].values():
        if "kind" in scenario.persona.wie.lower() or "meisje" in scenario.persona.wie.lower():
            for step in scenario.oefenpad:
                assert "kiezen" not in step.tekst, (scenario.id, step.tekst)


def test_method_names_the_aim_unreasonableness_and_three_forms_of_parenting():
    from bot.knowledge.loader import get_knowledge

    knowledge = get_knowledge()
    steps = knowledge.entries["stap"]
    visie = " ".join(steps["visie"].wat_je_doet) + steps["visie"].waarom
    assert "niet per se contact" in visie and "parallel of solo" in visie
    assert "onredelijk" in " ".join(steps["realiteit"].wat_je_doet)
    assert "rust-niet-contact" in knowledge.entries["jouw_rol"]
