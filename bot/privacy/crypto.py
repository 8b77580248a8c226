"""Encryption at rest for call-back contact details (Fernet: AES-128-CBC + HMAC-SHA256).

The key lives in a file OUTSIDE the data and the program folder: ``~/.config/rustpunt/sleutel`` by default, or
``RUSTPUNT_KEY_FILE`` (on a server ``/etc/rustpunt/sleutel``, see docs/deploy.md). It is made only when Rustpunt is set
up: at the start of ``make run`` (and of the systemd units and the cluster) by :func:`prepare`, or by ``rustpunt
sleutel maak``; never by reading or writing a contact detail. A new key is made only while the store holds no
encrypted contact details: a key that went missing would otherwise be replaced by one that cannot read them.
:func:`check` (``rustpunt sleutel controleer``, and :func:`prepare` at every start) refuses a missing, unreadable,
malformed or wrong key while encrypted data exists, and a key that others than its owner can read (mode 0600).
Whoever removes the key file makes every stored contact detail unreadable; back it up apart from the data.
"""
from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from cryptography.fernet import Fernet, InvalidToken

from bot.paths import PROJECT_ROOT, var_dir

KEY_ENV = "RUSTPUNT_KEY_FILE"
_lock = threading.Lock()
_cache: dict = {}
SAMPLE = 50  # encrypted values tried against the key at start
CALLBACK_KIND = "terugbelverzoek"  # the call-back; its field 'contact' holds the encrypted details
CONTACT_KIND = "terugbel_contact"  # encrypted details of a call-back that is still being filled in


class KeyFileError(RuntimeError):
    """The key file cannot be used; the message is Dutch."""


def key_path() -> Path:
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".config" / "rustpunt" / "sleutel"


def _sqlite_folders() -> List[Path]:
    """The folders of the SQLite files that hold the data (ours and Rasa's conversations), when they are files."""
    from bot import db
    from bot.privacy import tracker_db

    folders = []
    for url in (db.database_url, tracker_db.tracker_db_url):
        try:
            found = url()
        except Exception:  # noqa: BLE001 - no tracker store configured: nothing to compare with
            continue
        if found.startswith("sqlite:///") and ":memory:" not in found:
            folders.append(Path(found[len("sqlite:///"):]).parent)
    return folders


def data_trees() -> List[Path]:
    """The folders that hold the data or the program (a backup of one of them takes everything in it): the key may
    not be inside any of them."""
    return [var_dir(), PROJECT_ROOT, *_sqlite_folders()]


def _check_outside_data(path: Path) -> None:
    resolved = path.expanduser().resolve()
    for tree in data_trees():
        tree = tree.resolve()
        if resolved == tree or tree in resolved.parents:
            raise KeyFileError(
                f"De sleutel ({path}) mag niet in de datamap of de programmamap ({tree}) staan: een reservekopie "
                f"van die map bevat dan de sleutel naast de versleutelde gegevens. Kies met {KEY_ENV} een bestand "
                "daarbuiten, bijvoorbeeld /etc/rustpunt/sleutel op een server (zie docs/deploy.md)."
            )


def _readable_by_others(path: Path) -> Optional[str]:
    """A Dutch reason when users other than the owner may read or change the key file, else None."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return (f"De sleutel {path} is leesbaar of schrijfbaar voor anderen dan de eigenaar (rechten {mode:o}). "
                f"Rustpunt gebruikt hem zo niet. Maak hem alleen voor de eigenaar: chmod 600 {path}")
    return None


def _read(path: Path) -> Optional[bytes]:
    """The key in ``path``; None when the file is missing or empty (a key that was never made)."""
    _check_outside_data(path)
    try:
        key = path.read_bytes().strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyFileError(f"Ik kan de sleutel {path} niet lezen: {exc.strerror or exc}.") from None
    if not key:
        return None
    reason = _readable_by_others(path)
    if reason:
        raise KeyFileError(reason)
    return key


def missing_text(path: Path) -> str:
    return (f"De sleutel voor de versleutelde contactgegevens ontbreekt ({path}). Is er nog nooit een gemaakt, dan "
            "maakt het starten van Rustpunt ('make run', of de systemd-diensten) hem, of 'rustpunt sleutel maak'. Zijn "
            "er al versleutelde contactgegevens, zet dan de reservekopie van de sleutel terug: een nieuwe sleutel kan "
            "ze niet lezen.")


def _parsed(path: Path, key: bytes) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError):
        raise KeyFileError(
            f"Het bestand {path} bevat geen geldige sleutel (het is beschadigd of vervangen). Zet de reservekopie van "
            f"de sleutel terug, of wijs met {KEY_ENV} het juiste bestand aan."
        ) from None


def fernet() -> Fernet:
    """The Fernet object for the configured key file. Never makes a key: a missing one raises KeyFileError."""
    path = key_path()
    with _lock:
        cached = _cache.get(str(path))
        if cached is None:
            key = _read(path)
            if key is None:
                raise KeyFileError(missing_text(path))
            cached = _cache[str(path)] = _parsed(path, key)
        return cached


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: Optional[str]) -> Optional[str]:
    """The plain text, or None when there is no token or it does not fit this key (a missing key raises)."""
    if not token:
        return None
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        return None


def reset() -> None:
    """Forget the cached key (tests switch key files)."""
    with _lock:
        _cache.clear()


def derived_key(purpose: str) -> bytes:
    """A key for ``purpose`` derived from the key file (for keyed hashes: ``bot.privacy.masking``); never stored. Like
    :func:`fernet` it never makes a key: a missing one raises KeyFileError."""
    path = key_path()
    with _lock:
        cached = _cache.get(f"{path}\0{purpose}")
        if cached is None:
            import hashlib

            secret = _read(path)
            if secret is None:
                raise KeyFileError(missing_text(path))
            cached = hashlib.sha256(purpose.encode("utf-8") + b"\0" + secret).digest()
            _cache[f"{path}\0{purpose}"] = cached
        return cached


# -- set-up and the check at start ------------------------------------------------------------------
def encrypted_values(limit: int = SAMPLE) -> List[str]:
    """Up to ``limit`` encrypted values in the store (newest first): contact details of call-backs."""
    from bot.records import list_records

    found: List[str] = []
    for kind in (CONTACT_KIND, CALLBACK_KIND):
        before: Optional[int] = None
        while True:  # a page at a time: a store with years of call-backs is not read whole at every start
            rows = list_records(kind, limit=200, before=before)
            for row in rows:
                token = (row.data or {}).get("contact")
                if token:
                    found.append(str(token))
                    if len(found) >= limit:
                        return found
            if len(rows) < 200:
                break
            before = rows[-1].pk
    return found


def _write_new_key(path: Path, replace: bool = False) -> None:
    """Write a new key to ``path`` (mode 0600, folder 0700 when it is made): a new file, or an empty one that an
    administrator prepared with the right owner (docs/deploy.md); ``replace`` overwrites an existing key."""
    _check_outside_data(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.exists() and (replace or not path.read_bytes().strip()):
            fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
        else:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"Er staat al een sleutel in {path}; die is niet vervangen.") from None
    except OSError as exc:
        raise KeyFileError(
            f"Ik kan de sleutel {path} niet maken: {exc.strerror or exc}. Maak als beheerder een leeg bestand met de "
            "juiste eigenaar (zie docs/deploy.md), of kies met {KEY_ENV} een andere plek.".replace("{KEY_ENV}", KEY_ENV)
        ) from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(Fernet.generate_key() + b"\n")
    os.chmod(path, 0o600)
    reset()


@dataclass
class KeyReport:
    """What :func:`check` or :func:`prepare` found: ``made`` a new key; ``notes`` in Dutch (warnings included)."""

    path: Path
    made: bool = False
    encrypted: int = 0
    notes: List[str] = field(default_factory=list)


def _missing_with_data(path: Path, count: int) -> str:
    from bot.wording import counted

    which = counted(count, "terugbelverzoek", "terugbelverzoeken") + (" of meer" if count >= SAMPLE else "")
    return (f"De sleutel {path} ontbreekt, maar de database bevat versleutelde contactgegevens van {which}. Een "
            "nieuwe sleutel kan die niet lezen, dus Rustpunt maakt er geen en start niet. Zet de reservekopie van de "
            f"sleutel terug op {path} (of wijs met {KEY_ENV} het juiste bestand aan) en start opnieuw. Zijn die "
            "gegevens echt verloren, wis ze dan en maak een nieuwe sleutel met: "
            "rustpunt sleutel maak --wis-oude-contactgegevens")


def check(create: bool = False) -> KeyReport:
    """The key checked against the store; raises KeyFileError (Dutch, with what to do) when it cannot be used. With
    ``create`` a missing key is made, but only while the store holds no encrypted contact details."""
    path = key_path()
    report = KeyReport(path=path)
    key = _read(path)
    values = encrypted_values()
    report.encrypted = len(values)
    if key is None:
        if values:
            raise KeyFileError(_missing_with_data(path, len(values)))
        if not create:
            raise KeyFileError(missing_text(path))
        _write_new_key(path)
        report.made = True
        report.notes.append(f"Nieuwe sleutel voor de versleutelde contactgegevens gemaakt: {path} (alleen leesbaar "
                            "voor deze gebruiker). Bewaar een reservekopie ervan apart van de gegevens.")
        return report
    cipher = _parsed(path, key)
    unreadable = 0
    for token in values:
        try:
            cipher.decrypt(token.encode("ascii"))
        except (InvalidToken, ValueError):
            unreadable += 1
    if values and unreadable == len(values):
        raise KeyFileError(
            f"De sleutel in {path} past niet bij de versleutelde contactgegevens in de database: geen ervan is ermee "
            f"te lezen. Is het sleutelbestand vervangen? Zet de juiste sleutel terug (of wijs met {KEY_ENV} het "
            "juiste bestand aan) en start opnieuw. Zijn die gegevens echt verloren, wis ze dan en maak een nieuwe "
            "sleutel met: rustpunt sleutel maak --wis-oude-contactgegevens")
    if unreadable:
        report.notes.append(f"Let op: {unreadable} van de {len(values)} gecontroleerde versleutelde contactgegevens "
                            "zijn niet te lezen met deze sleutel (van een eerdere sleutel).")
    return report


def prepare() -> KeyReport:
    """At every start (``make run``, the systemd units, the cluster): the key checked, and made on the first start."""
    return check(create=True)


def make(wipe_old: bool = False) -> KeyReport:
    """``rustpunt sleutel maak``: a new key when there is none and nothing is encrypted. ``wipe_old`` first deletes
    every encrypted contact detail (they cannot be read any more) and then makes a new key, replacing the old one."""
    path = key_path()
    if not wipe_old:
        return check(create=True)
    from bot.intake.callbacks import drop_every_contact

    report = KeyReport(path=path)
    report.encrypted = drop_every_contact()
    _write_new_key(path, replace=True)
    report.made = True
    report.notes.append(f"{report.encrypted} versleutelde contactgegevens van terugbelverzoeken gewist; nieuwe "
                        f"sleutel gemaakt: {path}. Bewaar een reservekopie ervan apart van de gegevens.")
    return report
