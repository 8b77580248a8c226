"""Terugbelverzoeken: who calls back, about what, and when. Stored masked via ``bot.records``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional

from bot.intake import deidentify

KIND = "terugbelverzoek"
STATUS_OPEN = "open"
STATUS_DONE = "klaar"
MAX_FIELD = 500


class CallbackError(ValueError):
    """A Dutch message for the consultant."""


@dataclass
class Callback:
    id: int
    wie: str
    waarover: str
    wanneer: str
    status: str
    samenvatting_id: Optional[int]
    aangemaakt: str

    def line(self) -> str:
        mark = "klaar" if self.status == STATUS_DONE else "open"
        return f"#{self.id} [{mark}] {self.wanneer} - {self.wie} belt terug over: {self.waarover}"


def _clean(value: Optional[str], field_name: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise CallbackError(f"Geef nog aan {field_name}; dat mag niet leeg zijn.")
    return text[:MAX_FIELD]


def register(
    wie: str,
    waarover: str,
    wanneer: str,
    conversation_id: Optional[str] = None,
    samenvatting_id: Optional[int] = None,
) -> tuple:
    """Store a call-back; returns (id, Dutch note about masking or '')."""
    from bot.records import add_record

    fields = {
        "wie": _clean(wie, "wie er terugbelt"),
        "waarover": _clean(waarover, "waarover er teruggebeld wordt"),
        "wanneer": _clean(wanneer, "wanneer er teruggebeld wordt"),
    }
    counts: dict = {}
    masked = {}
    for name, value in fields.items():
        result = deidentify.mask(value, keep=("datum",) if name == "wanneer" else ())
        masked[name] = result.text
        for label, number in result.counts.items():
            counts[label] = counts.get(label, 0) + number
    data = {**masked, "samenvatting_id": samenvatting_id}
    record_id = add_record(KIND, data, conversation_id=conversation_id, title=masked["waarover"][:120], status=STATUS_OPEN)
    return record_id, deidentify.describe(counts)


def _from_row(row) -> Callback:
    data = row.data or {}
    return Callback(
        id=row.pk,
        wie=data.get("wie", ""),
        waarover=data.get("waarover", ""),
        wanneer=data.get("wanneer", ""),
        status=row.status or STATUS_OPEN,
        samenvatting_id=data.get("samenvatting_id"),
        aangemaakt=row.created_at.strftime("%d-%m-%Y %H:%M") if row.created_at else "",
    )


def list_callbacks(status: Optional[str] = None) -> List[Callback]:
    """Call-backs, oldest first (open ones first when no status is given)."""
    from bot.records import list_records

    rows = [_from_row(row) for row in list_records(KIND, status=status)]
    return sorted(rows, key=lambda c: (c.status == STATUS_DONE, c.id))


def mark_done(record_id) -> Callback:
    """Mark a call-back as done; raises CallbackError with a Dutch message for a bad or unknown id."""
    from bot.records import get_record, update_record

    try:
        number = int(str(record_id).strip().lstrip("#"))
    except (TypeError, ValueError):
        raise CallbackError(f"'{record_id}' is geen geldig nummer van een terugbelverzoek.") from None
    if number <= 0:
        raise CallbackError(f"'{record_id}' is geen geldig nummer van een terugbelverzoek.")
    row = get_record(KIND, number)
    if row is None:
        raise CallbackError(f"Er is geen terugbelverzoek met nummer {number}.")
    if row.status == STATUS_DONE:
        raise CallbackError(f"Terugbelverzoek {number} was al afgehandeld.")
    update_record(KIND, number, status=STATUS_DONE)
    return _from_row(get_record(KIND, number))
