"""Export the kaart as Open Referral HSDS 3.0-shaped JSON and CSV, and import it back.

Files written by :func:`exporteer` (``<map>/``):

- ``organizations.json``, ``services.json`` (with nested ``service_areas``, ``attributes``,
  ``phones``), ``taxonomy_terms.json``: the JSON reference format;
- ``organizations.csv``, ``services.csv``, ``service_areas.csv``, ``attributes.csv``, ``phones.csv``,
  ``taxonomy_terms.csv``: the same data as flat tables.

Both forms conform to our HSDS 3.0 subset schema (``hsds_schema.json``, checked by
:mod:`bot.kaart.hsds_check`): empty optional fields are left out (HSDS types them as strings, not null),
web addresses are full URIs (``www.x.nl`` is written as ``https://www.x.nl``; the original spelling
travels in ``x_rustpunt``), attributes name their table in ``link_entity`` and taxonomy terms carry
``name``, ``description`` and ``taxonomy``.

Ids are UUIDv5 of stable slugs, so an export is reproducible. Themes, target groups and access
routes are attributes with taxonomy terms (vocabularies ``rustpunt_thema``, ``rustpunt_doelgroep``,
``rustpunt_toegang``); fields HSDS has no place for (aanbod, trefwoorden, bron, ...) travel in an
``x_rustpunt`` extension object. :func:`importeer` reads JSON (or CSV when there is no JSON), checks
it against the schema (:func:`controleer`), then validates with the kaart models and returns entries;
the round trip is lossless.
"""
from __future__ import annotations

import csv
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from pydantic import ValidationError

from bot.kaart.hsds_check import controleer_records
from bot.kaart.models import KaartDienst, KaartOrganisatie
from bot.kaart.text import simplify
from bot.kaart.vocabulary import AARD, DOELGROEPEN, THEMAS, TOEGANG, WERKGEBIEDEN

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:rustpunt:sociale-kaart")
VOCABULARIES = {"rustpunt_thema": ("themas", THEMAS), "rustpunt_doelgroep": ("doelgroep", DOELGROEPEN),
                "rustpunt_toegang": ("toegang", TOEGANG), "rustpunt_aard": ("aard", AARD)}
VOCABULARY_NAMES = {"rustpunt_thema": "thema", "rustpunt_doelgroep": "doelgroep", "rustpunt_toegang": "toegangsroute",
                    "rustpunt_aard": "aard van de vermelding"}
MAX_IMPORT_BYTES = 20_000_000


def stable_id(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{slug}"))


def _slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "_", simplify(text)).strip("_")
    return (value or "item")[:80]


# ------------------------------------------------------------------------------------- export


def _term(vocabulary: str, code: str, label: str) -> dict:
    return {"id": stable_id("term", f"{vocabulary}/{code}"), "code": code, "name": label,
            "description": f"{label} ({VOCABULARY_NAMES[vocabulary]} in de sociale kaart van Rustpunt)",
            "taxonomy": vocabulary, "language": "nl"}


def _uri(value: Optional[str]) -> Optional[str]:
    """HSDS wants a full URI; the kaart also accepts ``www.`` addresses."""
    return f"https://{value}" if value and value.startswith("www.") else value


def _compact(record: dict) -> dict:
    """Leave out empty optional fields: HSDS types them as strings or numbers, never null."""
    return {k: v for k, v in record.items() if v is not None}


def _extension(entry, **values) -> dict:
    values = {"id": entry.id, **values, "bron": entry.bron.dict()}
    if entry.website and _uri(entry.website) != entry.website:
        values["website"] = entry.website  # original spelling, so the round trip stays lossless
    return values


def _organization(org: KaartOrganisatie) -> dict:
    oid = stable_id("organisatie", org.id)
    return _compact({
        "id": oid,
        "name": org.naam,
        "description": org.beschrijving or "",  # required by HSDS 3.0; "" is read back as no description
        "website": _uri(org.website),
        "email": org.email,
        "phones": [{"id": stable_id("telefoon", org.id), "organization_id": oid, "number": org.telefoon}]
        if org.telefoon else [],
        "x_rustpunt": _extension(org),
    })


def _service(service: KaartDienst) -> dict:
    sid = stable_id("dienst", service.id)
    attributes = []
    for vocabulary, (field_name, labels) in VOCABULARIES.items():
        value = getattr(service, field_name)
        for code in [value] if isinstance(value, str) else value:
            term = _term(vocabulary, code, labels[code])
            attributes.append({"id": stable_id("attribuut", f"{service.id}/{vocabulary}/{code}"), "link_id": sid,
                               "link_entity": "service", "taxonomy_term_id": term["id"], "taxonomy_term": term})
    return _compact({
        "id": sid,
        "organization_id": stable_id("organisatie", service.organisatie),
        "name": service.naam,
        "description": service.beschrijving,
        "status": "active",
        "url": _uri(service.website),
        "email": service.email,
        "minimum_age": service.leeftijd_min,
        "maximum_age": service.leeftijd_max,
        "eligibility_description": ", ".join(DOELGROEPEN[g] for g in service.doelgroep),
        "phones": [{"id": stable_id("telefoon", service.id), "service_id": sid, "number": service.telefoon}]
        if service.telefoon else [],
        "service_areas": [
            {"id": stable_id("gebied", f"{service.id}/{code}"), "service_id": sid, "name": WERKGEBIEDEN[code],
             "x_rustpunt_code": code}
            for code in service.werkgebied
        ],
        "attributes": attributes,
        "x_rustpunt": _extension(service, organisatie=service.organisatie, aanbod=list(service.aanbod),
                                 trefwoorden=list(service.trefwoorden), algemene_toegang=service.algemene_toegang,
                                 **({"schooltype": service.schooltype} if service.schooltype else {}),
                                 **({"een_school": service.een_school} if service.een_school else {}),
                                 **({"landelijk_bereikbaar": True} if service.landelijk_bereikbaar else {})),
    })


def _taxonomy_terms() -> List[dict]:
    return [_term(vocabulary, code, label) for vocabulary, (_, labels) in VOCABULARIES.items()
            for code, label in labels.items()]


def _write_csv(path: Path, columns: Sequence[str], rows: List[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})


def exporteer(
    organisaties: Sequence[KaartOrganisatie], diensten: Sequence[KaartDienst], folder: Path
) -> Dict[str, int]:
    """Write HSDS JSON and CSV files into ``folder``; returns counts per table."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    orgs = [_organization(o) for o in sorted(organisaties, key=lambda o: o.id)]
    services = [_service(s) for s in sorted(diensten, key=lambda s: s.id)]
    terms = _taxonomy_terms()
    for name, data in (("organizations", orgs), ("services", services), ("taxonomy_terms", terms)):
        (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    _write_csv(folder / "organizations.csv", ["id", "name", "description", "website", "email", "x_rustpunt"],
               [{**o, "x_rustpunt": json.dumps(o["x_rustpunt"], ensure_ascii=False)} for o in orgs])
    _write_csv(folder / "services.csv",
               ["id", "organization_id", "name", "description", "status", "url", "email", "minimum_age",
                "maximum_age", "eligibility_description", "x_rustpunt"],
               [{**s, "x_rustpunt": json.dumps(s["x_rustpunt"], ensure_ascii=False)} for s in services])
    _write_csv(folder / "phones.csv", ["id", "organization_id", "service_id", "number"],
               [p for record in orgs + services for p in record.get("phones", [])])
    _write_csv(folder / "service_areas.csv", ["id", "service_id", "name", "x_rustpunt_code"],
               [area for s in services for area in s["service_areas"]])
    _write_csv(folder / "attributes.csv", ["id", "link_id", "link_entity", "taxonomy_term_id"],
               [a for s in services for a in s["attributes"]])
    _write_csv(folder / "taxonomy_terms.csv", ["id", "code", "name", "description", "taxonomy", "language"], terms)
    return {"organisaties": len(orgs), "diensten": len(services), "termen": len(terms)}


# ------------------------------------------------------------------------------------- import


@dataclass
class ImportResultaat:
    organisaties: List[KaartOrganisatie] = field(default_factory=list)
    diensten: List[KaartDienst] = field(default_factory=list)
    problemen: List[str] = field(default_factory=list)


def _read_json(path: Path, problems: List[str]) -> Optional[list]:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            problems.append(f"{path.name}: bestand is te groot")
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{path.name}: geen geldige JSON ({str(exc)[:80]})")
        return None
    if not isinstance(data, list):
        problems.append(f"{path.name}: verwacht een lijst")
        return None
    return data


def _read_csv(path: Path, problems: List[str]) -> List[dict]:
    if not path.exists():
        return []
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            problems.append(f"{path.name}: bestand is te groot")
            return []
        with path.open(newline="", encoding="utf-8") as handle:
            return [_typed_row(path.name, number, row, problems)
                    for number, row in enumerate(csv.DictReader(handle), start=1)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{path.name}: geen geldige CSV ({str(exc)[:80]})")
        return []


def _none(value):
    return None if value in ("", None) else value


def _typed_row(file_name: str, number: int, row: dict, problems: List[str]) -> dict:
    """A CSV row as a record: empty cells left out, ages as numbers, ``x_rustpunt`` decoded."""
    out = {k: v for k, v in row.items() if k is not None and _none(v) is not None}
    for key in ("minimum_age", "maximum_age"):
        if key in out:
            try:
                out[key] = int(float(out[key])) if float(out[key]).is_integer() else float(out[key])
            except ValueError:
                pass  # the schema check reports it in Dutch
    if "x_rustpunt" in out:
        try:
            out["x_rustpunt"] = json.loads(out["x_rustpunt"])
        except json.JSONDecodeError:
            problems.append(
                f"{file_name}, record '{out.get('id', f'nr. {number}')}', veld 'x_rustpunt': geen geldige JSON"
            )
            out.pop("x_rustpunt")
    return out


def _csv_tables(folder: Path, problems: List[str]) -> Dict[str, List[dict]]:
    tables = {}
    for name in ("organizations", "services", "service_areas", "attributes", "phones", "taxonomy_terms"):
        tables[name] = _read_csv(folder / f"{name}.csv", problems)
        problems.extend(controleer_records(f"{name}.csv", tables[name]))
    return tables


def _from_csv(tables: Dict[str, List[dict]]):
    terms = {t["id"]: t for t in tables["taxonomy_terms"]}
    by_owner: Dict[str, Dict[Any, list]] = {"service_areas": {}, "attributes": {}, "phones": {}}
    for row in tables["service_areas"]:
        by_owner["service_areas"].setdefault(row.get("service_id"), []).append(row)
    for row in tables["attributes"]:
        by_owner["attributes"].setdefault(row.get("link_id"), []).append(
            {**row, "taxonomy_term": terms.get(row.get("taxonomy_term_id"))})
    for row in tables["phones"]:
        by_owner["phones"].setdefault(row.get("service_id") or row.get("organization_id"), []).append(row)
    orgs = [{**row, "phones": by_owner["phones"].get(row.get("id"), [])} for row in tables["organizations"]]
    services = [{**row, "phones": by_owner["phones"].get(row.get("id"), []),
                 "service_areas": by_owner["service_areas"].get(row.get("id"), []),
                 "attributes": by_owner["attributes"].get(row.get("id"), [])} for row in tables["services"]]
    return orgs, services


def _load(folder: Path, problems: List[str]):
    """Read a folder (JSON, else CSV) and check it against the HSDS schema; ``None`` if unreadable."""
    if not folder.is_dir():
        problems.append(f"map '{folder}' bestaat niet")
        return None
    if (folder / "services.json").exists():
        data: Dict[str, Any] = {}
        for name in ("organizations", "services", "taxonomy_terms"):
            path = folder / f"{name}.json"
            data[name] = _read_json(path, problems) if path.exists() else []
            if data[name] is not None:
                problems.extend(controleer_records(path.name, data[name]))
        if data["organizations"] is None or data["services"] is None:
            return None
        return data["organizations"], data["services"]
    if (folder / "services.csv").exists():
        return _from_csv(_csv_tables(folder, problems))
    problems.append("geen services.json of services.csv gevonden")
    return None


def controleer(folder: Path) -> List[str]:
    """Dutch problems of an HSDS folder against our HSDS 3.0 schema (file, record, field); empty when valid."""
    problems: List[str] = []
    _load(Path(folder), problems)
    return problems


def _age(value):
    value = _none(value)
    if value is None:
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return value  # let the model report it in Dutch


def _area_code(area: dict) -> Optional[str]:
    code = _none(area.get("x_rustpunt_code"))
    if code:
        return code
    name = simplify(area.get("name") or "")
    for code, label in WERKGEBIEDEN.items():
        if simplify(label) == name or code == name.replace(" ", "_"):
            return code
    return name or None


def _dutch_errors(label: str, exc: ValidationError) -> List[str]:
    out = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"] if p != "__root__")
        message = error.get("msg", "ongeldige waarde")
        if error.get("type") == "value_error.missing":
            message = "verplicht veld ontbreekt"
        out.append(f"{label}{(', veld ' + repr(where)) if where else ''}: {message}")
    return out


def importeer(folder: Path) -> ImportResultaat:
    """Read an HSDS export (ours or a region's own) and validate it as kaart entries."""
    folder = Path(folder)
    result = ImportResultaat()
    loaded = _load(folder, result.problemen)
    if loaded is None or result.problemen:
        return result  # invalid HSDS: nothing is imported
    orgs, services = loaded

    org_slugs: Dict[str, str] = {}
    for raw in orgs:
        if not isinstance(raw, dict):
            result.problemen.append("organisatie is geen blok met velden")
            continue
        extra = raw.get("x_rustpunt") or {}
        slug = extra.get("id") or _slug(raw.get("name") or "")
        org_slugs[str(raw.get("id"))] = slug
        phones = raw.get("phones") or []
        data = {"id": slug, "naam": raw.get("name"), "beschrijving": _none(raw.get("description")),
                "website": extra.get("website") or _none(raw.get("website")), "email": _none(raw.get("email")),
                "telefoon": _none(phones[0].get("number")) if phones else None,
                "bron": extra.get("bron") or {"document": "HSDS-import", "sectie": folder.name or "import"}}
        try:
            result.organisaties.append(KaartOrganisatie.parse_obj(data))
        except ValidationError as exc:
            result.problemen.extend(_dutch_errors(f"organisatie '{slug}'", exc))

    for raw in services:
        if not isinstance(raw, dict):
            result.problemen.append("dienst is geen blok met velden")
            continue
        extra = raw.get("x_rustpunt") or {}
        slug = extra.get("id") or _slug(raw.get("name") or "")
        lists: Dict[str, list] = {"themas": [], "doelgroep": [], "toegang": [], "aard": []}
        for attribute in raw.get("attributes") or []:
            term = attribute.get("taxonomy_term") or {}
            vocabulary = term.get("taxonomy")
            if vocabulary in VOCABULARIES:
                lists[VOCABULARIES[vocabulary][0]].append(term.get("code"))
        phones = raw.get("phones") or []
        data = {
            "id": slug,
            "organisatie": extra.get("organisatie") or org_slugs.get(str(raw.get("organization_id")), ""),
            "naam": raw.get("name"),
            "beschrijving": raw.get("description"),
            "aanbod": extra.get("aanbod") or [],
            "leeftijd_min": _age(raw.get("minimum_age")),
            "leeftijd_max": _age(raw.get("maximum_age")),
            "werkgebied": [c for c in (_area_code(a) for a in raw.get("service_areas") or []) if c],
            "trefwoorden": extra.get("trefwoorden") or [],
            "algemene_toegang": bool(extra.get("algemene_toegang", False)),
            "schooltype": extra.get("schooltype"),
            "een_school": extra.get("een_school"),
            "landelijk_bereikbaar": bool(extra.get("landelijk_bereikbaar", False)),
            "website": extra.get("website") or _none(raw.get("url")),
            "email": _none(raw.get("email")),
            "telefoon": _none(phones[0].get("number")) if phones else None,
            "bron": extra.get("bron") or {"document": "HSDS-import", "sectie": folder.name or "import"},
            **lists,
            "aard": (lists["aard"] or ["dienst"])[0],
        }
        try:
            result.diensten.append(KaartDienst.parse_obj(data))
        except ValidationError as exc:
            result.problemen.extend(_dutch_errors(f"dienst '{slug}'", exc))

    known = {o.id for o in result.organisaties}
    for service in result.diensten:
        if service.organisatie not in known:
            result.problemen.append(
                f"dienst '{service.id}': organisatie '{service.organisatie}' ontbreekt in de import"
            )
    return result


def schrijf_yaml(result: ImportResultaat, folder: Path) -> List[Path]:
    """Write imported entries as kaart knowledge files (``organisaties.yml``, ``diensten.yml``)."""
    import yaml

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    parts: Tuple[Tuple[str, str, Sequence[Any]], ...] = (("organisaties", "kaart_organisatie", result.organisaties),
                                                         ("diensten", "kaart_dienst", result.diensten))
    for name, kind, items in parts:
        data = {"soort": kind, "items": [json.loads(item.json(exclude_none=True)) for item in items]}
        path = folder / f"{name}.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
        written.append(path)
    return written
