"""User test s24 of the trainer tools for scenario files: a broken scenario file is named on the trainers' page (the
chat keeps the previous list meanwhile), `scenario controleer` reports every problem at once (also a duplicate title
beside another error) and a wrong indentation is reported at the line a trainer should fix."""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from bot.cli import main
from bot.knowledge import loader
from bot.knowledge.yaml_errors import yaml_error_text
from bot.paths import knowledge_dir
from bot.roleplay import catalog
from bot.web import trainer_page

SCENARIOS = knowledge_dir() / "scenarios"
MOTHER = SCENARIOS / "moeder_dochter_niet_gezien.yml"
TAKEN_TITLE = "Moeder ziet haar dochter al maanden niet"


def named_line(text):
    return int(re.search(r"regel (\d+)", text).group(1))


@pytest.mark.parametrize("loader_class", [getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader])
@pytest.mark.parametrize("shift", [1, 2, -1])
def test_a_first_field_indented_out_of_step_is_reported_at_its_own_line(loader_class, shift, monkeypatch):
    # 'regel 21' for a wrong indent on line 20 (the trainer's 'leerdoel', the first field of 'trainer')
    lines = MOTHER.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("leerdoel:"))
    lines[number] = (" " * shift + lines[number]) if shift > 0 else lines[number][-shift:]
    text = "\n".join(lines)
    monkeypatch.setattr(loader, "_YAML_LOADER", loader_class)
    with pytest.raises(yaml.YAMLError) as caught:
        loader.load_yaml(text)
    message = yaml_error_text(caught.value, text)
    assert named_line(message) == number + 1, message
    assert "inspringing" in message


def test_a_wrong_indentation_noticed_at_its_own_line_stays_there():
    text = "soort: scenario\nitems:\n  - id: x\n    titel: foo\n   samenvatting: bar\n    setting: baz\n"
    with pytest.raises(yaml.YAMLError) as caught:
        loader.load_yaml(text)
    assert named_line(yaml_error_text(caught.value, text)) == 5


def test_the_check_reports_a_duplicate_title_beside_another_error_at_once(tmp_path, capsys):
    data = yaml.safe_load(MOTHER.read_text(encoding="utf-8"))
    item = data["items"][0]
    item.update(id="moeder-tweede", nummer=8, titel=TAKEN_TITLE)  # the title of scenario 4
    item["spanning"]["start"] = 12  # and a second error: a tension above 9
    path = tmp_path / "moeder_tweede.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert "veld 'spanning.start'" in out
    assert f"dubbele titel: '{TAKEN_TITLE}' is ook de titel van scenario 'moeder-dochter-niet-gezien'" in out


def test_the_trainers_page_names_a_broken_knowledge_file_and_the_wait(knowledge_copy, monkeypatch):
    monkeypatch.setattr(loader, "CHECK_SECONDS", 0.0)
    assert loader.pending_problems(knowledge_copy) == []
    before = [s.id for s in catalog.scenarios(knowledge_copy)]
    broken = knowledge_copy / "scenarios" / "moeder_dochter_niet_gezien.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("      start: 6", "      start: 16"),
                      encoding="utf-8")
    problems = [str(p) for p in loader.pending_problems(knowledge_copy)]
    assert problems and "moeder_dochter_niet_gezien.yml" in problems[0] and "spanning.start" in problems[0]
    assert [s.id for s in catalog.scenarios(knowledge_copy)] == before  # the chat keeps the previous list
    html = trainer_page.sessions_page([], problems=problems)
    assert "Een kennisbestand heeft fouten" in html and "moeder_dochter_niet_gezien.yml" in html
    assert "gebruikt de chat de vorige versie" in html
    assert re.search(r"binnen \d+ seconden in de chat", html)
    shutil.copy(MOTHER, broken)  # fixed: the notice goes
    assert loader.pending_problems(knowledge_copy) == []
    assert "Een kennisbestand heeft fouten" not in trainer_page.sessions_page([], problems=[])


def test_the_check_of_a_good_file_says_when_another_file_keeps_the_old_version(knowledge_copy, capsys, monkeypatch):
    monkeypatch.setattr(loader, "CHECK_SECONDS", 0.0)
    broken = knowledge_copy / "scenarios" / "ouder_wil_partij.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("      start: 6", "      start: 16"),
                      encoding="utf-8")
    assert main(["scenario", "controleer", str(knowledge_copy / "scenarios" / "moeder_dochter_niet_gezien.yml")]) == 0
    out = capsys.readouterr().out
    assert "is in orde" in out and "Let op: een ander kennisbestand heeft fouten" in out
    assert "ouder_wil_partij.yml" in out


def test_the_trainer_route_shows_the_problems_of_the_knowledge_files(fake_rasa):
    from bot.web.config import WebConfig
    from bot.web.server import make_server
    from tests.fake_rasa import serve
    from tests.test_web_server import TOKEN, request

    problem = "knowledge/scenarios/opa.yml, item 'opa', veld 'nummer': dubbel nummer"
    config = WebConfig(host="127.0.0.1", port=0, rasa_url=f"http://127.0.0.1:{fake_rasa.server_address[1]}",
                       trainer_token=TOKEN, chat_timeout=5, history_timeout=5)
    server = serve(make_server(config, load_records=lambda: [], load_problems=lambda: [problem]))
    try:
        status, _, html = request(server, "GET", "/trainer", headers={"Authorization": f"Bearer {TOKEN}"})
        assert status == 200 and "Een kennisbestand heeft fouten" in html and "dubbel nummer" in html
    finally:
        server.shutdown()
        server.server_close()
