"""HSDS export/import round trip and import errors."""
from __future__ import annotations

import json
import uuid

from bot.knowledge.loader import get_knowledge
from bot.kaart.hsds import exporteer, importeer, schrijf_yaml, stable_id
from bot.knowledge.loader import load_knowledge


def _kaart():
    knowledge = get_knowledge(reload=True)
    return knowledge.all("kaart_organisatie"), knowledge.all("kaart_dienst")


def test_json_round_trip_is_lossless(tmp_path):
    orgs, services = _kaart()
    counts = exporteer(orgs, services, tmp_path)
    assert counts["diensten"] == len(services)
    exported = json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))
    first = exported[0]
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
    bad = [{"id": "x", "name": "Dienst", "description": "Iets", "minimum_age": 30, "maximum_age": 5,
            "service_areas": [{"name": "Weesp"}], "attributes": [], "x_rustpunt": {"id": "x", "organisatie": "o"}}]
    (tmp_path / "services.json").write_text(json.dumps(bad), encoding="utf-8")
    text = " ".join(importeer(tmp_path).problemen)
    assert "onbekende gemeente of regio 'weesp'" in text
    assert "mag niet leeg zijn" in text  # no themes
