"""A YAML syntax error reaches a trainer in Dutch, with line and column, from either YAML reader; the other
files keep loading. (Before: 'ongeldige YAML (regel 5, kolom 5): could not find expected ':'' in English.)"""
from __future__ import annotations

import re

import pytest
import yaml

from bot.cli import main
from bot.knowledge import loader
from bot.knowledge.yaml_errors import yaml_error_text
from bot.knowledge.yaml_messages import GENERAL, TAB

READERS = [pytest.param(getattr(yaml, "CSafeLoader", yaml.SafeLoader), id="libyaml"),
           pytest.param(yaml.SafeLoader, id="python")]
# PyYAML's English, in either reader's wording; none of it may reach a trainer
ENGLISH = re.compile(r"\b(found|expected|while|could not|not allowed|scanning|parsing|stream|token|"
                     r"indicator|mapping|sequence|scalar|character)\b", re.IGNORECASE)

HEAD = "soort: scenario\nitems:\n  - id: x\n"
# (broken file, line and column the message names, what it says is wrong)
CASES = [
    pytest.param(HEAD + "    titel: foo\n   samenvatting: bar\n", 5, 4, "de inspringing klopt niet", id="indent"),
    pytest.param(HEAD + "    titel foo\n    samenvatting: bar\n", 4, 5, "de dubbele punt ontbreekt", id="colon"),
    pytest.param(HEAD + "    titel: Let op: dit\n", 4, 18, "zet een tekst met een dubbele punt tussen aanhalingstekens",
                 id="colon-in-text"),
    pytest.param(HEAD + "    titel: \"Vader belt\n    samenvatting: bar\n", 4, 12,
                 "het aanhalingsteken dat hier begint, wordt niet gesloten", id="quote"),
    pytest.param("soort: scenario\nitems:\n\t- id: x\n", 3, 1, TAB, id="tab"),
    pytest.param(HEAD + "  \ttitel: x\n", 4, 3, TAB, id="tab-in-indent"),
    pytest.param(HEAD + "    titel: \"Vader\" belt\n", 4, 20, "tekst na een gesloten aanhalingsteken",
                 id="after-quote"),
    pytest.param(HEAD + "    titel: *boos\n", 4, 12, "begint met een sterretje", id="star"),
    pytest.param(HEAD + "    titel: @boos\n", 4, 12, "teken dat daar niet mag staan (@)", id="at"),
    pytest.param(HEAD + "    zetten: [a, b\n    titel: x\n", 5, 10, "een lijst tussen [ en ] is niet gesloten",
                 id="list"),
    pytest.param(HEAD + "    titel: \"C:\\data\"\n", 4, None, "backslash", id="escape"),
    pytest.param(HEAD + "    titel: x\u0007y\n", 4, 13, "onzichtbaar besturingsteken (code U+0007)",
                 id="control-character"),
]


def _error(text: str, reader) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.load(text, Loader=reader)  # noqa: S506 - safe loaders only
    return caught.value


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("text, line, column, dutch", CASES)
def test_every_common_slip_is_named_in_dutch_with_line_and_column(text, line, column, dutch, reader):
    message = yaml_error_text(_error(text, reader), text)
    where = rf"regel {line}, kolom {column}" if column else rf"regel {line}, kolom \d+"
    assert re.match(rf"ongeldige YAML \({where}\): ", message), message
    assert dutch in message
    assert not ENGLISH.search(message), message


def test_an_unknown_problem_gets_a_general_dutch_explanation():
    exc = yaml.MarkedYAMLError(problem="something new in PyYAML 7")
    assert yaml_error_text(exc) == f"ongeldige YAML: {GENERAL}"


def test_the_check_of_one_scenario_file_says_it_in_dutch(tmp_path, capsys):
    path = tmp_path / "mijn_scenario.yml"
    path.write_text(HEAD + "    titel foo\n    samenvatting: bar\n", encoding="utf-8")
    assert main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert ("mijn_scenario.yml: ongeldige YAML (regel 4, kolom 5): de dubbele punt ontbreekt (schrijf een veld als "
            "'naam: waarde')") in out
    assert "could not" not in out


def test_a_broken_file_is_named_and_the_other_files_still_load(tmp_path):
    folder = tmp_path / "kennis"
    folder.mkdir()
    (folder / "goed.yml").write_text(
        "soort: stap_voorbeelden\nitems:\n  - id: a\n    bron: {document: d, sectie: s}\n    label: erkennen\n"
        "    zinnen: [Ik hoor hoe boos u bent., Dat is ook heel veel., Wat een week was dat.]\n", encoding="utf-8")
    (folder / "kapot.yml").write_text("soort: stap\nitems:\n  - id: x\n    naam: Visie\n   uitleg: y\n",
                                      encoding="utf-8")
    knowledge = loader.load_knowledge(folder)
    assert [str(p) for p in knowledge.problems if "kapot" in p.file] == [
        "kennis/kapot.yml: ongeldige YAML (regel 5, kolom 4): de inspringing klopt niet (deze regel springt anders "
        "in dan de regels erboven)"]
    assert knowledge.get("stap_voorbeelden", "a") is not None  # the good file still loaded


def test_a_broken_endpoints_file_is_named_in_dutch_too(tmp_path):
    from bot.privacy.tracker_db import TrackerDbError, url_from_endpoints

    path = tmp_path / "endpoints.yml"
    path.write_text("tracker_store:\n  type: sql\n   db: rasa.db\n", encoding="utf-8")
    with pytest.raises(TrackerDbError) as caught:
        url_from_endpoints(path)
    assert str(caught.value).endswith(
        "niet lezen: ongeldige YAML (regel 3, kolom 6): onverwachte dubbele punt; zet een tekst met een dubbele punt "
        "tussen aanhalingstekens, of de inspringing klopt niet")


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_left_open_is_named_where_it_begins(quote, reader):
    # fourth user test: `- "Ja. En niemand die vraagt hoe het met mij gaat.` on line 58 was reported as
    # 'regel 60, kolom 14: de inspringing klopt niet'. A quoted text may run over lines, so YAML notices it later.
    text = (HEAD + "    antwoorden:\n      erkennen:\n        hoog:\n"
            f"          - {quote}Klopt. Ik sta er altijd alleen voor.{quote}\n"
            f"          - {quote}Ja. En niemand die vraagt hoe het met mij gaat.\n"
            "        midden:\n"
            f"          - {quote}Misschien heeft u gelijk.{quote}\n"
            f"          - {quote}Dat weet ik niet.{quote}\n")
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.load(text, Loader=reader)
    message = yaml_error_text(caught.value, text)
    assert message.startswith("ongeldige YAML (regel 8, kolom 13): het aanhalingsteken dat hier begint, wordt op "
                              "deze regel niet gesloten"), message
    assert "De fout viel pas op in regel" in message and not ENGLISH.search(message)


def test_an_indentation_error_without_an_open_quote_stays_as_it_was():
    text = HEAD + '    titel: "Vader belt"\n    samenvatting: \'iets\'\n   persona: x\n'
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    assert "aanhalingsteken" not in yaml_error_text(caught.value, text)
