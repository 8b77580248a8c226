"""Scenario numbers are fixed: a trainer who told a group 'kies scenario 3' finds the same scenario under 3 after a
colleague adds one (before, the list was numbered by title, so a new title early in the alphabet moved them all)."""
from __future__ import annotations

import shutil

import pytest
import yaml

from bot.cli import main
from bot.knowledge import loader
from bot.paths import knowledge_dir
from bot.roleplay import catalog, feedback

SCENARIOS = knowledge_dir() / "scenarios"
FATHER = SCENARIOS / "vader_kinderen_thuisgehouden.yml"


def new_scenario(nummer, titel="Aan de deur: een opa die zijn kleinkinderen niet meer mag zien",
                 scenario_id="opa-aan-de-deur"):
    data = yaml.safe_load(FATHER.read_text(encoding="utf-8"))
    data["items"][0].update(id=scenario_id, titel=titel, nummer=nummer)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of the scenarios, with the files looked at again on every call."""
    target = tmp_path / "knowledge" / "scenarios"
    shutil.copytree(SCENARIOS, target)
    monkeypatch.setattr(loader, "CHECK_SECONDS", 0.0)
    return target


def lines(folder):
    return [feedback.scenario_line(s) for s in catalog.scenarios(folder.parent)]


def test_adding_a_scenario_keeps_every_number(folder):
    before = lines(folder)
    third = catalog.find_scenario("3", folder.parent).id
    (folder / "opa_aan_de_deur.yml").write_text(new_scenario(7), encoding="utf-8")  # its title sorts first
    after = lines(folder)
    assert after[:-1] == before and after[-1].startswith("7. Aan de deur")
    assert catalog.find_scenario("3", folder.parent).id == third
    assert catalog.find_scenario("7", folder.parent).id == "opa-aan-de-deur"


def test_a_number_used_twice_is_refused_and_the_old_list_stays(folder):
    before = lines(folder)
    (folder / "opa_aan_de_deur.yml").write_text(new_scenario(3), encoding="utf-8")
    fresh = loader.reload_knowledge(folder.parent)
    [problem] = [str(p) for p in fresh.problems]
    assert "veld 'nummer': dubbel nummer: 3 is ook het nummer van scenario" in problem
    assert "bijvoorbeeld 7" in problem
    assert lines(folder) == before  # the chat keeps the list the groups know


def test_the_check_of_a_new_file_names_the_taken_number_and_a_free_one(tmp_path, capsys):
    path = tmp_path / "opa.yml"
    path.write_text(new_scenario(5), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert ("opa.yml, item 'opa-aan-de-deur', veld 'nummer': nummer 5 is al van scenario "
            "'vader-kinderen-thuisgehouden' (knowledge/scenarios/vader_kinderen_thuisgehouden.yml); kies een vrij "
            "nummer, bijvoorbeeld 7") in out
    path.write_text(new_scenario(7), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 0


def test_a_scenario_without_a_number_is_named(tmp_path, capsys):
    data = yaml.safe_load(new_scenario(7))
    del data["items"][0]["nummer"]
    path = tmp_path / "opa.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    assert "item 'opa-aan-de-deur', veld 'nummer': verplicht veld ontbreekt" in capsys.readouterr().out


@pytest.mark.parametrize("said", ["5", "5.", "scenario 5", "Scenario 5", "nummer 5", "nr. 5"])
def test_a_scenario_is_found_by_its_number(said):
    assert catalog.find_scenario(said).id == "vader-kinderen-thuisgehouden"



def test_a_scenario_is_found_by_number_words_and_whole_words_of_its_title():
    # found by the second user test: "drie" started scenario 4 ('drie' inside 'verdrietige'), and
    # "partij kiezen" was not understood
    from bot.roleplay import catalog

    by_number = {s.nummer: s for s in catalog.scenarios()}
    for text in ("drie", "scenario drie", "de derde", "3", "nummer 3"):
        assert catalog.find_scenario(text) is by_number[3], text
    assert catalog.find_scenario("partij kiezen") is by_number[3]
    assert catalog.find_scenario("ik wil oefenen met de moeder die wil dat ik partij kies") is by_number[3]
    assert catalog.find_scenario("woedende vader") is by_number[5]
    assert catalog.find_scenario("vader") is None  # three scenarios have a father: ask again


def test_a_taken_number_is_named_also_when_the_scenario_has_another_error(tmp_path, capsys):
    # fourth user test of the trainer tools: 'nummer: 5' that was taken was only reported once it was the last error
    data = yaml.safe_load(new_scenario(5))
    del data["items"][0]["samenvatting"]
    data["items"][0]["spanning"]["start"] = "hoog"
    second = dict(data["items"][0], id="oma-aan-de-telefoon", nummer=8, titel="Oma aan de telefoon")
    third = dict(second, id="tante-aan-de-deur", nummer=8, titel="Tante aan de deur")  # 8 twice in this file
    data["items"] += [second, third]
    path = tmp_path / "opa.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert "item 'opa-aan-de-deur', veld 'samenvatting': verplicht veld ontbreekt" in out
    assert ("item 'opa-aan-de-deur', veld 'nummer': nummer 5 is al van scenario 'vader-kinderen-thuisgehouden' "
            "(knowledge/scenarios/vader_kinderen_thuisgehouden.yml); kies een vrij nummer, bijvoorbeeld 9") in out
    assert ("item 'tante-aan-de-deur', veld 'nummer': nummer 8 is al van scenario 'oma-aan-de-telefoon' (opa.yml)"
            in out)
    assert "fout(en)" not in out and " fouten gevonden in " in out


def test_a_checked_file_outside_the_scenario_folder_must_be_put_there_first(tmp_path, capsys, knowledge_copy):
    # fourth user test: a file in /tmp was 'in orde (1 item(s)). Na het herladen van de kennis is het beschikbaar.'
    path = tmp_path / "opa.yml"
    path.write_text(new_scenario(7), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 0
    out = capsys.readouterr().out
    assert "is in orde (1 scenario)." in out and "(s)" not in out
    assert f"Het bestand staat nog niet in {knowledge_copy / 'scenarios'}/: zet het daar eerst neer" in out
    placed = knowledge_copy / "scenarios" / "opa.yml"
    placed.write_text(new_scenario(7), encoding="utf-8")
    assert main(["scenario", "controleer", str(placed)]) == 0
    out = capsys.readouterr().out
    assert ("De chat ziet het gewijzigde bestand binnen 5 seconden (of meteen met 'herlaad de kennis' in de chat)."
            in out)
    assert "staat nog niet in" not in out
