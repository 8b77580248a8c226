"""HSDS export/import round trip and import errors."""
from __future__ import annotations

import csv
import json
import uuid

from bot.cli import main
from bot.kaart.hsds import controleer, exporteer, importeer, schrijf_yaml, stable_id
from bot.kaart.hsds_check import schema
from bot.knowledge.loader import get_knowledge, load_knowledge


def _kaart():
    knowledge = get_knowledge(reload=True)
    return knowledge.all("kaart_organisatie"), knowledge.all("kaart_dienst")


def test_json_round_trip_is_lossless(tmp_path):
    orgs, services = _kaart()
    counts = exporteer(orgs, services, tmp_path)
    assert counts["diensten"] == len(services)
    exported = json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))
    first = next(s for s in exported if "minimum_age" in s and "maximum_age" in s)
    assert uuid.UUID(first["id"]).version == 5 and first["status"] == "active"
    assert {"minimum_age", "maximum_age", "service_areas", "attributes", "organization_id"} <= set(first)
    back = importeer(tmp_path)
    assert back.problemen == []
    assert {s.id: s.dict() for s in back.diensten} == {s.id: s.dict() for s in services}
    assert {o.id: o.dict() for o in back.organisaties} == {o.id: o.dict() for o in orgs}


def test_csv_round_trip_is_lossless(tmp_path):
    orgs, services = _kaart()
    exporteer(orgs, services, tmp_path)
    for name in ("services.json", "organizations.json"):
        (tmp_path / name).unlink()
    back = importeer(tmp_path)
    assert back.problemen == []
    assert {s.id: s.dict() for s in back.diensten} == {s.id: s.dict() for s in services}


def test_ids_are_stable_uuid5():
    assert stable_id("dienst", "poh_jeugd") == stable_id("dienst", "poh_jeugd")
    assert stable_id("dienst", "poh_jeugd") != stable_id("organisatie", "poh_jeugd")


def test_imported_yaml_loads_as_knowledge(tmp_path):
    orgs, services = _kaart()
    exporteer(orgs, services, tmp_path / "hsds")
    written = schrijf_yaml(importeer(tmp_path / "hsds"), tmp_path / "kennis" / "sociale_kaart")
    assert len(written) == 2
    knowledge = load_knowledge(tmp_path / "kennis")
    assert [p for p in knowledge.problems if "kaart" in str(p)] == []
    assert len(knowledge.entries["kaart_dienst"]) == len(services)


def test_import_reports_bad_data_in_dutch(tmp_path):
    assert importeer(tmp_path / "bestaat_niet").problemen[0].endswith("bestaat niet")
    (tmp_path / "services.json").write_text("{kapot", encoding="utf-8")
    assert "geen geldige JSON" in importeer(tmp_path).problemen[0]
    # valid HSDS 3.0, but not a valid kaart entry: the kaart models report it
    bad = [{"id": str(uuid.uuid4()), "name": "Dienst", "status": "active", "description": "Iets", "minimum_age": 30,
            "maximum_age": 5, "service_areas": [{"id": str(uuid.uuid4()), "name": "Weesp"}], "attributes": [],
            "x_rustpunt": {"id": "x", "organisatie": "o"}}]
    (tmp_path / "services.json").write_text(json.dumps(bad), encoding="utf-8")
    text = " ".join(importeer(tmp_path).problemen)
    assert "onbekende gemeente of regio 'weesp'" in text
    assert "mag niet leeg zijn" in text  # no themes


# ------------------------------------------------------------------ HSDS 3.0 schema conformance


def _export(tmp_path):
    orgs, services = _kaart()
    exporteer(orgs, services, tmp_path)
    return tmp_path


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _nulls(value, where=""):
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _nulls(v, f"{where}[{i}]")]
    return [where] if value is None else []


def test_schema_is_our_own_hsds_3_subset():
    data = schema()
    assert data["$schema"].endswith("2020-12/schema") and "HSDS 3.0" in data["$comment"]
    service = data["$defs"]["service"]
    assert set(service["required"]) == {"id", "name", "status"}
    assert service["properties"]["status"]["enum"] == ["active", "inactive", "defunct", "temporarily closed"]
    assert set(data["$defs"]["organization"]["required"]) == {"id", "name", "description"}
    assert set(data["$defs"]["taxonomy_term"]["required"]) == {"id", "name", "description"}


def test_real_export_validates_as_json_and_as_csv(tmp_path):
    folder = _export(tmp_path)
    assert controleer(folder) == []
    for name in ("organizations", "services", "taxonomy_terms"):
        assert _nulls(_load(folder / f"{name}.json")) == []  # HSDS types are strings/numbers, never null
    terms = _load(folder / "taxonomy_terms.json")
    assert all(t["description"] and t["taxonomy"].startswith("rustpunt_") and "vocabulary" not in t for t in terms)
    services = _load(folder / "services.json")
    assert {a["link_entity"] for s in services for a in s["attributes"]} == {"service"}
    for name in ("services.json", "organizations.json", "taxonomy_terms.json"):
        (folder / name).unlink()
    assert controleer(folder) == []  # CSV form, including phones.csv
    with (folder / "attributes.csv").open(encoding="utf-8") as handle:
        assert "link_entity" in csv.DictReader(handle).fieldnames


def test_www_address_becomes_full_uri_and_round_trips(tmp_path):
    orgs, services = _kaart()
    www = [s for s in list(orgs) + list(services) if s.website and s.website.startswith("www.")]
    assert www, "the kaart has a www. address; this test needs one"
    folder = _export(tmp_path)
    urls = [s.get("url") for s in _load(folder / "services.json")] + [
        o.get("website") for o in _load(folder / "organizations.json")
    ]
    assert f"https://{www[0].website}" in urls and www[0].website not in urls
    back = importeer(folder)
    assert back.problemen == []
    assert www[0].website in {e.website for e in back.organisaties + back.diensten}


def _tamper_services(folder):
    services = _load(folder / "services.json")
    del services[0]["name"]
    services[1]["status"] = "open"
    services[2]["id"] = "dienst-3"
    services[3]["url"] = "geen webadres"
    services[4]["attributes"][0]["taxonomy_term"]["vocabulary"] = "oud"
    (folder / "services.json").write_text(json.dumps(services), encoding="utf-8")
    return services


def test_tampered_json_export_is_rejected_with_dutch_messages(tmp_path):
    folder = _export(tmp_path)
    services = _tamper_services(folder)
    problems = controleer(folder)
    text = "\n".join(problems)
    assert f"services.json, record '{services[0]['id']}', veld 'name': verplicht veld ontbreekt" in problems
    assert f"services.json, record '{services[1]['id']}', veld 'status': waarde 'open' is niet toegestaan" in text
    assert "services.json, record 'dienst-3', veld 'id': 'dienst-3' is geen geldige UUID" in text
    assert f"services.json, record '{services[3]['id']}', veld 'url': 'geen webadres' is geen geldig webadres" in text
    assert (f"services.json, record '{services[4]['id']}', veld 'attributes[0].taxonomy_term.vocabulary': "
            "onbekend veld") in text
    assert len(problems) == 5
    result = importeer(folder)
    assert result.problemen == problems and result.diensten == [] and result.organisaties == []


def test_tampered_organization_and_duplicate_ids_are_rejected(tmp_path):
    folder = _export(tmp_path)
    orgs = _load(folder / "organizations.json")
    orgs[0]["email"] = "info-at-voorbeeld.nl"
    del orgs[1]["description"]
    orgs[3]["id"] = orgs[2]["id"]
    (folder / "organizations.json").write_text(json.dumps(orgs), encoding="utf-8")
    text = "\n".join(controleer(folder))
    assert (
        f"organizations.json, record '{orgs[0]['id']}', veld 'email': 'info-at-voorbeeld.nl' is geen geldig e-mailadres"
        in text
    )
    assert f"organizations.json, record '{orgs[1]['id']}', veld 'description': verplicht veld ontbreekt" in text
    assert f"organizations.json, record '{orgs[2]['id']}', veld 'id': id komt 2 keer voor" in text


def test_tampered_csv_export_is_rejected(tmp_path):
    folder = _export(tmp_path)
    for name in ("services.json", "organizations.json", "taxonomy_terms.json"):
        (folder / name).unlink()
    rows = list(csv.DictReader((folder / "services.csv").open(encoding="utf-8")))
    rows[0]["status"], rows[1]["minimum_age"], rows[2]["x_rustpunt"] = "gesloten", "twaalf", "{kapot"
    with (folder / "services.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    attributes = (folder / "attributes.csv").read_text(encoding="utf-8").replace(",service,", ",,", 1)
    (folder / "attributes.csv").write_text(attributes, encoding="utf-8")
    text = "\n".join(importeer(folder).problemen)
    assert f"services.csv, record '{rows[0]['id']}', veld 'status': waarde 'gesloten' is niet toegestaan" in text
    assert (
        f"services.csv, record '{rows[1]['id']}', veld 'minimum_age': verkeerd soort waarde 'twaalf': verwacht getal"
        in text
    )
    assert f"services.csv, record '{rows[2]['id']}', veld 'x_rustpunt': geen geldige JSON" in text
    assert "attributes.csv, record '" in text and "veld 'link_entity': verplicht veld ontbreekt" in text


def test_cli_importeer_refuses_invalid_hsds(tmp_path, capsys):
    folder = _export(tmp_path / "hsds")
    _tamper_services(folder)
    out_dir = tmp_path / "kennis"
    assert main(["kaart", "importeer", str(folder), "--uitvoer", str(out_dir)]) == 1
    out = capsys.readouterr().out
    assert "problemen in de import" in out and "verplicht veld ontbreekt" in out and "Er is niets geschreven." in out
    assert not out_dir.exists()


def test_phones_and_email_validate_and_round_trip_in_both_forms(tmp_path):
    orgs, services = _kaart()  # the real kaart has no phone numbers: add public ones to two entries
    org = orgs[0].copy(update={"telefoon": "030 123 45 67", "email": "info@voorbeeld.nl"})
    service = services[0].copy(update={"telefoon": "+31 30 765 43 21", "email": "loket@voorbeeld.nl"})
    orgs, services = [org] + list(orgs[1:]), [service] + list(services[1:])
    exporteer(orgs, services, tmp_path)
    assert controleer(tmp_path) == []
    exported = {s["x_rustpunt"]["id"]: s for s in _load(tmp_path / "services.json")}[service.id]
    assert exported["phones"][0]["service_id"] == exported["id"] and exported["email"] == "loket@voorbeeld.nl"
    for form in ("json", "csv"):
        if form == "csv":
            for name in ("services.json", "organizations.json", "taxonomy_terms.json"):
                (tmp_path / name).unlink()
            assert controleer(tmp_path) == []
        back = importeer(tmp_path)
        assert back.problemen == []
        assert {s.id: s.dict() for s in back.diensten}[service.id] == service.dict()
        assert {o.id: o.dict() for o in back.organisaties}[org.id] == org.dict()
