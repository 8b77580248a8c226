"""Check HSDS records against our own HSDS 3.0 subset schema (``hsds_schema.json``).

:func:`controleer_records` validates the records of one file (``services.json``, ``attributes.csv``, ...)
with ``jsonschema`` and returns Dutch problem messages that name the file, the record id and the field,
e.g. ``services.json, record '3f2...', veld 'status': waarde 'open' is niet toegestaan (...)``.
Reading files is left to :mod:`bot.kaart.hsds`.
"""
from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, List
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_PATH = Path(__file__).with_name("hsds_schema.json")
MAX_PROBLEMS = 200

# File stem -> schema definition for the JSON form (nested) and the CSV form (one row per record).
JSON_KINDS = {"organizations": "organization", "services": "service", "taxonomy_terms": "taxonomy_term"}
CSV_KINDS = {"organizations": "organization_row", "services": "service_row", "taxonomy_terms": "taxonomy_term_row",
             "service_areas": "service_area_row", "attributes": "attribute_row", "phones": "phone_row"}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_TYPES = {"string": "tekst", "number": "getal", "integer": "geheel getal", "array": "lijst",
          "object": "blok met velden", "boolean": "ja/nee", "null": "leeg"}
_FORMATS = {"uuid": "is geen geldige UUID (zoals 0f8fad5b-d9cb-469f-a165-70867728950e)",
            "uri": "is geen geldig webadres (volledige URI, bijvoorbeeld https://www.voorbeeld.nl)",
            "email": "is geen geldig e-mailadres"}

_checker = FormatChecker(formats=())


@_checker.checks("uuid", raises=ValueError)
def _is_uuid(value) -> bool:
    return not isinstance(value, str) or str(uuid.UUID(value)) == value.lower()


@_checker.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc) and not re.search(r"\s", value)
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:\S+$", value, re.I))


@_checker.checks("email")
def _is_email(value) -> bool:
    return not isinstance(value, str) or bool(_EMAIL.match(value))


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(definition: str) -> Draft202012Validator:
    full = schema()
    return Draft202012Validator({"$schema": full["$schema"], "$defs": full["$defs"], "$ref": f"#/$defs/{definition}"},
                                format_checker=_checker)


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _path(parts: Iterable) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _messages(error) -> List[tuple]:
    """(field, Dutch message) pairs for one jsonschema error."""
    where = _path(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        name = missing.group(1) if missing else "?"
        return [(f"{where}.{name}" if where else name, "verplicht veld ontbreekt")]
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        patterns = list(error.schema.get("patternProperties", {}))
        extra = [k for k in error.instance if k not in known and not any(re.search(p, k) for p in patterns)]
        return [(f"{where}.{k}" if where else k, "onbekend veld (geen HSDS 3.0-veld van dit object)") for k in extra]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = (
            f"verkeerd soort waarde {_show(error.instance)}: verwacht {' of '.join(_TYPES.get(t, t) for t in expected)}"
        )
    elif kind == "enum":
        message = f"waarde {_show(error.instance)} is niet toegestaan (toegestaan: {', '.join(error.validator_value)})"
    elif kind == "format":
        message = f"{_show(error.instance)} {_FORMATS.get(error.validator_value, 'heeft een ongeldige vorm')}"
    elif kind == "minLength":
        message = "mag niet leeg zijn"
    elif kind == "minimum":
        message = f"moet minstens {error.validator_value} zijn"
    elif kind == "maximum":
        message = f"mag hoogstens {error.validator_value} zijn"
    else:
        message = f"ongeldige waarde {_show(error.instance)}"
    return [(where, message)]


def _record_id(record, number: int) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip():
        return record["id"][:60]
    return f"nr. {number}"


def controleer_records(file_name: str, records: list) -> List[str]:
    """Validate the records of ``file_name`` (e.g. ``services.json``); empty list means valid."""
    stem, _, suffix = file_name.rpartition(".")
    kinds = CSV_KINDS if suffix == "csv" else JSON_KINDS
    if stem not in kinds:
        return []
    if not isinstance(records, list):
        return [f"{file_name}: verwacht een lijst met records"]
    validator = _validator(kinds[stem])
    problems: List[str] = []
    for number, record in enumerate(records, start=1):
        rid = _record_id(record, number)
        errors = sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            for where, message in _messages(error):
                field = f", veld '{where}'" if where else ""
                problems.append(f"{file_name}, record '{rid}'{field}: {message}")
    ids = Counter(r.get("id") for r in records if isinstance(r, dict) and isinstance(r.get("id"), str))
    problems += [f"{file_name}, record '{rid}', veld 'id': id komt {n} keer voor (moet uniek zijn)"
                 for rid, n in sorted(ids.items()) if n > 1]
    return problems[:MAX_PROBLEMS]
