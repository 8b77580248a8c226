"""Validation of the kaart knowledge: Dutch errors for bad ages, places, themes and missing bron."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.kaart.models import KaartDienst, KaartOrganisatie
from bot.kaart.vocabulary import GEMEENTEN
from bot.knowledge.loader import load_knowledge

BRON = {"document": "004 (test)", "sectie": "test"}


def dienst(**changes):
    data = {"id": "d1", "organisatie": "o1", "naam": "Dienst", "beschrijving": "Helpt gezinnen.",
            "doelgroep": ["ouder"], "themas": ["scheiding"], "werkgebied": ["hilversum"], "bron": BRON}
    data.update(changes)
    return data


def errors(data) -> str:
    with pytest.raises(ValidationError) as info:
        KaartDienst.parse_obj(data)
    return " | ".join(e["msg"] for e in info.value.errors())


def test_valid_service_parses():
    service = KaartDienst.parse_obj(dienst(leeftijd_min=11, leeftijd_max=21, toegang=["direct"]))
    assert service.werkgebied == ["hilversum"]


def test_bad_age_range_is_reported_in_dutch():
    assert "leeftijd_min (18) is groter dan leeftijd_max (12)" in errors(dienst(leeftijd_min=18, leeftijd_max=12))


def test_unknown_municipality_and_theme_are_rejected():
    assert "onbekende gemeente of regio 'weesp'" in errors(dienst(werkgebied=["weesp"]))
    assert "onbekende thema 'ruzie'" in errors(dienst(themas=["ruzie"]))
    assert "onbekende doelgroep 'opa'" in errors(dienst(doelgroep=["opa"]))


def test_missing_bron_and_empty_themes_fail():
    data = dienst(themas=[])
    del data["bron"]
    with pytest.raises(ValidationError) as info:
        KaartDienst.parse_obj(data)
    fields = {e["loc"][0] for e in info.value.errors()}
    assert {"bron", "themas"} <= fields


def test_personal_email_and_bad_contact_are_refused():
    org = {"id": "o1", "naam": "Org", "bron": BRON}
    assert KaartOrganisatie.parse_obj({**org, "email": "info@voorbeeld.nl"}).email == "info@voorbeeld.nl"
    with pytest.raises(ValidationError, match="persoon"):
        KaartOrganisatie.parse_obj({**org, "email": "jan.jansen@voorbeeld.nl"})
    with pytest.raises(ValidationError, match="webadres"):
        KaartOrganisatie.parse_obj({**org, "website": "javascript:alert(1)"})


def test_loader_reports_dutch_problems_with_file_and_field(tmp_path):
    folder = tmp_path / "knowledge" / "sociale_kaart"
    folder.mkdir(parents=True)
    (folder / "o.yml").write_text(
        "soort: kaart_organisatie\nitems:\n  - id: o1\n    naam: Org\n    bron: {document: x, sectie: y}\n",
        encoding="utf-8",
    )
    (folder / "d.yml").write_text(
        "soort: kaart_dienst\nitems:\n"
        "  - id: d1\n    organisatie: o1\n    naam: A\n    beschrijving: B\n    doelgroep: [ouder]\n"
        "    themas: [scheiding]\n    werkgebied: [amsterdam]\n    bron: {document: x, sectie: y}\n"
        "  - id: d2\n    organisatie: bestaat_niet\n    naam: A\n    beschrijving: B\n    doelgroep: [ouder]\n"
        "    themas: [scheiding]\n    leeftijd_min: 20\n    leeftijd_max: 3\n    bron: {document: x, sectie: y}\n",
        encoding="utf-8",
    )
    text = "\n".join(str(p) for p in load_knowledge(tmp_path / "knowledge").problems)
    assert "item 'd1', veld 'werkgebied': onbekende gemeente of regio 'amsterdam'" in text
    assert "leeftijd_min (20) is groter dan leeftijd_max (3)" in text


def test_real_kaart_is_valid_and_complete():
    knowledge = load_knowledge(__import__("bot.paths", fromlist=["x"]).knowledge_dir())
    kaart_problems = [p for p in knowledge.problems if "sociale_kaart" in p.file]
    assert kaart_problems == []
    services = knowledge.entries["kaart_dienst"]
    assert len(services) >= 40
    # every municipality of the kaart is served by at least one service
    from bot.kaart.vocabulary import gemeenten_van

    served = set()
    for service in services.values():
        for code in service.werkgebied:
            served |= gemeenten_van(code)
    assert set(GEMEENTEN) - {"vleuten"} <= served
    # no personal contact data: websites only from the sources, no phone numbers invented
    assert all(s.telefoon is None for s in services.values())


def test_problem_words_name_a_known_theme_and_no_word_twice():
    from bot.kaart.models import KaartProbleemwoorden

    KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": ["gepest", "buitengesloten"], "bron": BRON})
    with pytest.raises(ValidationError, match="onbekend thema 'ruzie'"):
        KaartProbleemwoorden.parse_obj({"id": "ruzie", "woorden": ["ruzie"], "bron": BRON})
    with pytest.raises(ValidationError, match="staat dubbel in de lijst: gepest"):
        KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": ["gepest", "gepest"], "bron": BRON})
    with pytest.raises(ValidationError, match="mag niet leeg zijn"):
        KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": [], "bron": BRON})



def test_words_a_negation_denies_are_single_words_of_the_theme():
    from bot.kaart.models import KaartProbleemwoorden

    words = ["gepest", "buitengesloten", "naar het pesten"]
    KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": words, "ontkenbaar": ["gepest"], "bron": BRON})
    with pytest.raises(ValidationError, match="'uitgelachen' staat niet bij de woorden van dit thema"):
        KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": words, "ontkenbaar": ["uitgelachen"],
                                        "bron": BRON})
    with pytest.raises(ValidationError, match="'naar het pesten' is geen los woord"):
        KaartProbleemwoorden.parse_obj({"id": "pesten", "woorden": words, "ontkenbaar": ["naar het pesten"],
                                        "bron": BRON})


def test_target_group_words_name_a_known_group_and_errors_say_file_entry_and_field(tmp_path):
    from bot.kaart.models import KaartDoelgroepwoorden

    KaartDoelgroepwoorden.parse_obj({"id": "ouder", "woorden": ["moeder", "vader"], "bron": BRON})
    with pytest.raises(ValidationError, match="onbekende doelgroep 'oma'"):
        KaartDoelgroepwoorden.parse_obj({"id": "oma", "woorden": ["oma"], "bron": BRON})
    with pytest.raises(ValidationError, match="staat dubbel in de lijst: vader"):
        KaartDoelgroepwoorden.parse_obj({"id": "ouder", "woorden": ["vader", "vader"], "bron": BRON})
    folder = tmp_path / "knowledge" / "sociale_kaart"
    folder.mkdir(parents=True)
    (folder / "doelgroepwoorden.yml").write_text(
        "soort: kaart_doelgroepwoorden\nitems:\n  - id: ouder\n    woorden: []\n"
        "    bron: {document: eigen tekst, sectie: test}\n", encoding="utf-8")
    problems = load_knowledge(tmp_path / "knowledge").problems
    assert [(p.file, p.entry, p.field) for p in problems] == [
        ("knowledge/sociale_kaart/doelgroepwoorden.yml", "ouder", "woorden")]
    assert "mag niet leeg zijn" in str(problems[0])


def test_the_problem_words_come_from_the_knowledge_files(tmp_path):
    """A word added to probleemwoorden.yml is recognised without a code change."""
    import shutil

    from bot.kaart.query import extract_themas, theme_words
    from bot.paths import knowledge_dir

    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), copy)
    words_file = copy / "sociale_kaart" / "probleemwoorden.yml"
    question = "mijn dochter wordt steeds genegeerd"
    before = load_knowledge(copy)
    assert "pesten" in theme_words(before) and "pesten" not in extract_themas(question, before)[0]
    words_file.write_text(words_file.read_text(encoding="utf-8").replace(
        '      - "gepest"\n', '      - "gepest"\n      - "genegeerd"\n'), encoding="utf-8")
    after = load_knowledge(copy)
    assert not after.problems
    assert "genegeerd" in theme_words(after)["pesten"]
    assert extract_themas(question, after) == (["pesten"], {"pesten": ["genegeerd"]})
