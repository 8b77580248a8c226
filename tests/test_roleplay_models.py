"""Scenario validation: Dutch errors with entry and field; reload picks up new files."""
import shutil
from pathlib import Path

import yaml

from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import catalog

SOURCE = Path(knowledge_dir()) / "scenarios" / "vader_kinderen_thuisgehouden.yml"


def scenario_data():
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="nieuw.yml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def check(tmp_path, data, capsys):
    path = write(tmp_path, data)
    code = main(["scenario", "controleer", str(path)])
    return code, capsys.readouterr().out


def test_valid_file_passes(tmp_path, capsys):
    data = scenario_data()
    data["items"][0]["id"] = "vader-kopie"
    data["items"][0]["nummer"] = 7  # a copy needs its own number
    data["items"][0]["titel"] = "Een kopie van de vader"  # and its own title
    code, out = check(tmp_path, data, capsys)
    assert code == 0, out
    assert "in orde" in out


def test_missing_band_and_too_few_variants_are_named(tmp_path, capsys):
    data = scenario_data()
    item = data["items"][0]
    item["id"] = "kapot"
    del item["antwoorden"]["redden"]["hoog"]
    item["antwoorden"]["oordelen"]["laag"] = ["Alleen één variant."]
    code, out = check(tmp_path, data, capsys)
    assert code == 1
    assert "item 'kapot', veld 'antwoorden.redden.hoog': verplicht veld ontbreekt" in out
    assert "veld 'antwoorden.oordelen.laag': minstens 2 varianten nodig (nu 1)" in out


def test_missing_move_unknown_role_and_bad_tension(tmp_path, capsys):
    data = scenario_data()
    item = data["items"][0]
    item["id"] = "kapot-twee"
    del item["antwoorden"]["onduidelijk"]
    item["persona"]["rol"] = "held"
    item["spanning"]["start"] = 14
    code, out = check(tmp_path, data, capsys)
    assert code == 1
    assert "veld 'antwoorden.onduidelijk': verplicht veld ontbreekt" in out
    assert "veld 'persona.rol': onbekende rol 'held'" in out
    assert "veld 'spanning.start': is te groot (hoogstens 9, nu 14)" in out


def test_duplicate_ids_in_file_and_against_existing_scenarios(tmp_path, capsys):
    data = scenario_data()
    data["items"].append(dict(data["items"][0]))
    code, out = check(tmp_path, data, capsys)
    assert code == 1
    assert "dubbel id" in out
    assert "vader_kinderen_thuisgehouden.yml" in out  # the id already exists in the knowledge


def test_scripted_path_that_misses_a_step_or_ends_early(tmp_path, capsys):
    data = scenario_data()
    item = data["items"][0]
    item["id"] = "pad-kapot"
    item["oefenpad"] = [p for p in item["oefenpad"] if p["zet"] != "visie"]
    code, out = check(tmp_path, data, capsys)
    assert "veld 'oefenpad': elke stap moet minstens één keer voorkomen; ontbreekt: visie" in out
    item["oefenpad"] = scenario_data()["items"][0]["oefenpad"] + [{"zet": "erkennen", "tekst": "En nog iets."}]
    code, out = check(tmp_path, data, capsys)
    assert code == 1
    assert "veld 'oefenpad[7]': het gesprek eindigt al hier (goed)" in out


def test_bad_files(tmp_path, capsys):
    assert main(["scenario", "controleer", str(tmp_path / "bestaat-niet.yml")]) == 1
    assert "bestaat niet" in capsys.readouterr().out
    broken = tmp_path / "kapot.yml"
    broken.write_text("soort: scenario\nitems: [\n", encoding="utf-8")
    assert main(["scenario", "controleer", str(broken)]) == 1
    assert "ongeldige YAML" in capsys.readouterr().out
    text = tmp_path / "tekst.txt"
    text.write_text("'; DROP TABLE x;--", encoding="utf-8")
    assert main(["scenario", "controleer", str(text)]) == 1
    assert "verwacht een YAML-bestand" in capsys.readouterr().out


def test_new_scenario_file_is_available_after_files_change(tmp_path, monkeypatch):
    from bot.knowledge import loader

    clock = [1000.0]
    monkeypatch.setattr(loader.time, "monotonic", lambda: clock[0])
    folder = tmp_path / "knowledge" / "scenarios"
    folder.mkdir(parents=True)
    shutil.copy(SOURCE, folder / SOURCE.name)
    assert [s.id for s in catalog.scenarios(tmp_path / "knowledge")] == ["vader-kinderen-thuisgehouden"]
    data = scenario_data()
    data["items"][0]["id"] = "tweede-scenario"
    data["items"][0]["titel"] = "Een tweede scenario"
    data["items"][0]["nummer"] = 6
    write(folder, data, "tweede.yml")
    clock[0] += loader.CHECK_SECONDS  # the files are looked at again after a few seconds
    ids = {s.id for s in catalog.scenarios(tmp_path / "knowledge")}
    assert ids == {"vader-kinderen-thuisgehouden", "tweede-scenario"}
    assert catalog.find_scenario("tweede scenario", tmp_path / "knowledge").id == "tweede-scenario"
    assert catalog.find_scenario("99", tmp_path / "knowledge") is None
    assert catalog.find_scenario("", tmp_path / "knowledge") is None


def test_all_shipped_scenarios_are_valid():
    knowledge = load_knowledge(Path(knowledge_dir()) / "scenarios")
    assert knowledge.problems == []
    scenarios = knowledge.all("scenario")
    assert len(scenarios) >= 6
    assert len({s.id for s in scenarios}) == len(scenarios)


def test_scenario_casting_and_good_paths_follow_the_workbook():
    """Issue 16: the 12-year-old is caught in the middle (not an Omstander), the furious father opens
    as Aanklager, no child is asked to choose, and a 14-year-old does not 'choose' contact herself."""
    from bot.knowledge.loader import get_knowledge

    scenarios = get_knowledge().entries["scenario"]
    child = scenarios["kind-wil-niet-naar-vader"]
    assert child.persona.rol in {"slachtoffer", "kwetsbaar"}
    assert scenarios["vader-kinderen-thuisgehouden"].persona.rol == "aanklager"
    assert not any("kiezen" in step.tekst or "kies" in step.tekst for step in child.oefenpad)
    mother = scenarios["moeder-dochter-niet-gezien"]
    assert not any("kiest" in step.tekst for step in mother.oefenpad)


def test_a_too_large_file_names_the_limit(tmp_path, capsys, monkeypatch):
    from bot.knowledge import loader

    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100_000)
    path = tmp_path / "groot.yml"
    path.write_text(SOURCE.read_text(encoding="utf-8") + "# opvulling\n" * 20_000, encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert "groot.yml: bestand is te groot (0,3 MB); een kennisbestand mag hoogstens 0,1 MB zijn" in out


def test_a_one_word_note_is_no_sentence_of_the_practice_path(tmp_path, capsys):
    data = scenario_data()
    item = data["items"][0]
    item.update(id="notitie", nummer=7)
    item["oefenpad"][1]["tekst"] = "Erkennen."  # a note to self where the professional's sentence belongs
    item["valkuilpad"][0]["tekst"] = "Redden."  # the pitfall named instead of said
    code, out = check(tmp_path, data, capsys)
    assert code == 1
    assert ("item 'notitie', veld 'oefenpad[2].tekst': is geen hele zin (1 woord); schrijf wat de professional zegt, "
            "in minstens 3 woorden (de zin is ook het voorbeeld in de hint)") in out
    assert "veld 'valkuilpad[1].tekst': is geen hele zin (1 woord)" in out


def test_a_short_whole_sentence_is_a_sentence_of_the_practice_path(tmp_path, capsys):
    data = scenario_data()
    item = data["items"][0]
    item.update(id="kort", nummer=7, titel="Een korte kopie")
    item["oefenpad"][1]["tekst"] = "Wat een week."
    code, out = check(tmp_path, data, capsys)
    assert code == 0, out
