"""Terugbelverzoeken: who calls back, about what, and when. Stored masked via ``bot.records``.

Contact details (phone numbers, e-mail addresses and the name of whom to call back, never a name in the
subject) typed in a call-back are kept apart and only ENCRYPTED (``bot.privacy.crypto``): the consultant
sees them with ``rustpunt terugbellen toon <nummer>``. They are deleted when the call-back is marked done,
or by ``rustpunt opruimen`` when the (shorter) call-back retention period ends.

In the chat each answer of ``terugbel_form`` arrives in its own turn and earlier answers come back
masked from the tracker store, so the validators hand each answer to :func:`remember_contact`
while it is still unmasked; :func:`register` then takes those details into the call-back.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import List, Optional

from bot import status
from bot.intake import deidentify
from bot.local_time import dutch_day
from bot.privacy import crypto
from bot.privacy.crypto import KeyFileError
from bot.records import add_record, delete_records, get_record, list_records, update_record
from bot.text import simplify

KIND = "terugbelverzoek"
CONTACT_KIND = "terugbel_contact"  # encrypted details of a call-back that is still being filled in
STATUS_OPEN = status.OPEN
STATUS_DONE = status.DONE
MAX_FIELD = 500
CONTACT_LABELS = ("naam", "telefoon", "email")


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
    heeft_contact: bool = False

    def line(self) -> str:
        mark = STATUS_DONE if self.status == STATUS_DONE else "open"
        extra = f" (contactgegevens: rustpunt terugbellen toon {self.id})" if self.heeft_contact else ""
        return f"#{self.id} [{mark}] {self.wanneer} - {self.wie} belt terug over: {self.waarover}{extra}"


def _clean(value: Optional[str], field_name: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise CallbackError(f"Geef nog aan {field_name}; dat mag niet leeg zijn.")
    return text[:MAX_FIELD]


# A name is a contact detail only as the name of whom to call back, never as the subject (a consultant found the
# child's first name next to the phone number in `rustpunt terugbellen toon`: "... over het schoolverzuim van jildou"):
# a name before the subject starts ('over', 'ivm', 'vanwege' ...: "vader Mohammed, 06-12345678, over omgang", "moeder
# Sanne, bel 06-12345678") and not right after a word for a child ("moeder karin, dochter jildou", "moeder van jildou":
# only 'karin').
_SUBJECT_START = re.compile(
    r"(?i)(?<![\w])(?:over|ivm|i\.v\.m\.?|vanwege|omdat|mbt|m\.b\.t\.?|betreft|inzake|wegens|want)(?![\w])"
)
_CHILD_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:dochter|dochtertje|zoon|zoontje|kind|kindje|kinderen|jongen|meisje|baby|broer|broertje|zus|zusje"
    r"|pleegkind|pleegzoon|pleegdochter|stiefzoon|stiefdochter|tweeling|jongste|oudste|leerling"
    r"|(?:moeder|vader|mama|papa|ouders?|oma|opa|pleegmoeder|pleegvader|stiefmoeder|stiefvader|voogd)\s+van)\W+$"
)


def contact_details(text: Optional[str]) -> List[str]:
    """The phone numbers, e-mail addresses and names of whom to call back in ``text``, as typed (in memory only)."""
    text = text or ""
    subject = _SUBJECT_START.search(text)
    names_until = subject.start() if subject else len(text)
    found: List[str] = []
    for start, end, label in deidentify.mask(text).spans:
        piece = text[start:end].strip()
        if label == "naam" and (end > names_until or _CHILD_BEFORE.search(text, 0, start)):
            continue
        if label in CONTACT_LABELS and piece and piece not in found:
            found.append(piece)
    return found


# "oma wil teruggebeld worden over ...", "de moeder wil dat we haar terugbellen": who is called back (and about what),
# not who calls back (fifth user test: it was stored as 'wie belt terug')
_CALLEE = re.compile(
    r"\b(?:teruggebeld|gebeld) (?:\w+ ){0,2}?(?:worden|wil|wilt|willen)\b"
    r"|\b(?:wil|wilt|willen|vraagt|vroeg|graag)\b(?: \w+){0,5}? (?:teruggebeld|gebeld)\b"
    r"|\b(?:wil|wilt|willen|vraagt|vroeg)(?: \w+){0,2}? dat (?:we|wij|jullie|iemand|u|je)\b(?: \w+){0,3}? "
    r"(?:terugbel\w*|terug (?:bellen|belt|bel))\b"
)


def names_the_callee(text: Optional[str]) -> bool:
    """Does the answer tell who wants to be called back ("oma wil teruggebeld worden over ...")?"""
    return bool(_CALLEE.search(simplify(text or "")))


def _encrypt_details(details: List[str]) -> str:
    return crypto.encrypt(json.dumps(details, ensure_ascii=False))


def _decrypt_details(token: Optional[str]) -> List[str]:
    plain = crypto.decrypt(token)
    if not plain:
        return []
    try:
        details = json.loads(plain)
    except ValueError:
        return []
    return [str(item) for item in details] if isinstance(details, list) else []


def remember_contact(conversation_id: Optional[str], text: Optional[str]) -> int:
    """Keep the contact details of one answer (encrypted) until the call-back is registered.
    Returns how many details were found. Without a conversation id nothing is kept."""
    details = contact_details(text)
    if not details or not conversation_id:
        return len(details)
    pending = list_records(CONTACT_KIND, conversation_id=conversation_id, limit=1)
    if pending:
        known = _decrypt_details(pending[0].data.get("contact"))
        merged = known + [item for item in details if item not in known]
        update_record(CONTACT_KIND, pending[0].pk, data={"contact": _encrypt_details(merged)})
    else:
        add_record(CONTACT_KIND, {"contact": _encrypt_details(details)}, conversation_id=conversation_id,
                   status=status.DRAFT)
    return len(details)


def _take_pending(conversation_id: Optional[str]) -> List[str]:
    if not conversation_id:
        return []
    details: List[str] = []
    for row in list_records(CONTACT_KIND, conversation_id=conversation_id):
        details += [item for item in _decrypt_details(row.data.get("contact")) if item not in details]
    delete_records(conversation_id=conversation_id, kinds=[CONTACT_KIND])
    return details


WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_RELATIVE = re.compile(r"\b(vandaag|vanmiddag|vanavond|overmorgen\w*|morgen\w*|(?:" + "|".join(WEEKDAYS)
                       + r")(?:ochtend|middag|avond)?)\b", re.IGNORECASE)
_HAS_DATE = re.compile(r"\d{1,2}[-/]\d{1,2}|\b\d{1,2} (?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def dated(wanneer: str, today: Optional[date] = None) -> str:
    """'morgen na 15 uur' with the day it means, written out: 'morgen na 15 uur (zondag 7 december)'. A list read a
    day later still says which day was meant (a user test found 'morgen' in the list the next day). Text with a date
    of its own, or without a day word, stays as it is."""
    match = _RELATIVE.search(wanneer or "")
    if match is None or _HAS_DATE.search(wanneer):
        return wanneer
    today = today or (dutch_day(datetime.now(timezone.utc)) or date.today())
    word = match.group(1).lower()
    if word.startswith("overmorgen"):
        day = today + timedelta(days=2)
    elif word.startswith("morgen"):
        day = today + timedelta(days=1)
    elif word.startswith(WEEKDAYS):
        weekday = next(nr for nr, name in enumerate(WEEKDAYS) if word.startswith(name))
        day = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)  # the next one
    else:
        day = today
    return f"{wanneer} ({WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]})"


def register(
    wie: str,
    waarover: str,
    wanneer: str,
    conversation_id: Optional[str] = None,
    samenvatting_id: Optional[int] = None,
    today: Optional[date] = None,
) -> tuple:
    """Store a call-back; returns (id, Dutch note about masking or '')."""
    fields = {
        "wie": _clean(wie, "wie er terugbelt"),
        "waarover": _clean(waarover, "waarover er teruggebeld wordt"),
        "wanneer": dated(_clean(wanneer, "wanneer er teruggebeld wordt"), today),
    }
    counts: dict = {}
    masked = {}
    for name, value in fields.items():
        result = deidentify.mask(value, keep=("datum",) if name == "wanneer" else ())
        masked[name] = result.text
        for label, number in result.counts.items():
            counts[label] = counts.get(label, 0) + number
    data = {**masked, "samenvatting_id": samenvatting_id}
    warning = ""
    try:
        details = _take_pending(conversation_id)
        for value in fields.values():
            details += [item for item in contact_details(value) if item not in details]
        if details:
            data["contact"] = _encrypt_details(details)
    except KeyFileError as exc:
        warning = f"Let op: de contactgegevens zijn niet bewaard. {exc}"
    record_id = add_record(
        KIND, data, conversation_id=conversation_id, title=masked["waarover"][:120], status=STATUS_OPEN
    )
    return record_id, " ".join(part for part in (deidentify.describe(counts), warning) if part)


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
        heeft_contact=bool(data.get("contact")),
    )


def _number(record_id) -> int:
    try:
        number = int(str(record_id).strip().lstrip("#"))
    except (TypeError, ValueError):
        raise CallbackError(f"'{record_id}' is geen geldig nummer van een terugbelverzoek.") from None
    if number <= 0:
        raise CallbackError(f"'{record_id}' is geen geldig nummer van een terugbelverzoek.")
    return number


def show(record_id) -> tuple:
    """(Callback, decrypted contact details) for the consultant who handles the call-back."""
    number = _number(record_id)
    row = get_record(KIND, number)
    if row is None:
        raise CallbackError(f"Er is geen terugbelverzoek met nummer {number}.")
    token = (row.data or {}).get("contact")
    details = _decrypt_details(token)
    if token and not details:
        raise CallbackError(
            f"De contactgegevens van terugbelverzoek {number} zijn niet te lezen: de sleutel klopt niet "
            "(is het sleutelbestand vervangen?)."
        )
    return _from_row(row), details


def stored_when(record_id: int) -> str:
    """When the stored call-back is due, as stored (with the day it means: "morgen na 15 uur (maandag 7 december)")."""
    row = get_record(KIND, int(record_id))
    return str((row.data or {}).get("wanneer") or "") if row is not None else ""


def drop_contact(record_id: int) -> bool:
    """Delete the encrypted contact details of a call-back; True when there were any."""
    row = get_record(KIND, record_id)
    if row is None or not (row.data or {}).get("contact"):
        return False
    data = {key: value for key, value in row.data.items() if key != "contact"}
    update_record(KIND, record_id, data=data, wipes=True)
    return True


def drop_every_contact() -> int:
    """Delete every encrypted contact detail (of call-backs and of call-backs being filled in), for a new key when the
    old one is lost (``rustpunt sleutel maak --wis-oude-contactgegevens``); returns how many were deleted."""
    pending = delete_records(kinds=[CONTACT_KIND]).get(CONTACT_KIND, 0)
    return pending + sum(1 for row in list_records(KIND, limit=1_000_000) if drop_contact(row.pk))


def list_callbacks(status: Optional[str] = None) -> List[Callback]:
    """Call-backs, oldest first (open ones first when no status is given)."""
    rows = [_from_row(row) for row in list_records(KIND, status=status)]
    return sorted(rows, key=lambda c: (c.status == STATUS_DONE, c.id))


def mark_done(record_id) -> Callback:
    """Mark a call-back as done; raises CallbackError with a Dutch message for a bad or unknown id."""
    number = _number(record_id)
    row = get_record(KIND, number)
    if row is None:
        raise CallbackError(f"Er is geen terugbelverzoek met nummer {number}.")
    if row.status == STATUS_DONE:
        raise CallbackError(f"Terugbelverzoek {number} was al afgehandeld.")
    update_record(KIND, number, status=STATUS_DONE)
    drop_contact(number)  # the contact details are not needed any more
    return _from_row(get_record(KIND, number))
