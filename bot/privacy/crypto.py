"""Encryption at rest for call-back contact details (Fernet: AES-128-CBC + HMAC-SHA256).

The key lives in a file OUTSIDE the data folder: ``~/.config/rustpunt/sleutel`` by default, or
``RUSTPUNT_KEY_FILE``. It is created on first use with mode 0600 (folder 0700). Whoever removes
the key file makes every stored contact detail unreadable; back it up apart from the data.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Optional

from cryptography.fernet import Fernet, InvalidToken

from bot.paths import var_dir

KEY_ENV = "RUSTPUNT_KEY_FILE"
_lock = threading.Lock()
_cache: dict = {}


class KeyFileError(RuntimeError):
    """The key file cannot be used; the message is Dutch."""


def key_path() -> Path:
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".config" / "rustpunt" / "sleutel"


def _check_outside_var(path: Path) -> None:
    var = var_dir().resolve()
    resolved = path.resolve()
    if resolved == var or var in resolved.parents:
        raise KeyFileError(
            f"De sleutel ({path}) mag niet in de datamap ({var}) staan: dan ligt de sleutel naast de "
            f"versleutelde gegevens. Kies met {KEY_ENV} een bestand buiten die map."
        )


def _read_or_create(path: Path) -> bytes:
    _check_outside_var(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_bytes().strip()
        if not key:  # another process is writing it right now
            import time

            time.sleep(0.2)
            key = path.read_bytes().strip()
        return key
    key = Fernet.generate_key()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    os.chmod(path, 0o600)
    return key


def fernet() -> Fernet:
    """The Fernet object for the configured key file (created when missing)."""
    path = key_path()
    with _lock:
        cached = _cache.get(str(path))
        if cached is None:
            try:
                cached = Fernet(_read_or_create(path))
            except (ValueError, OSError) as exc:
                raise KeyFileError(f"De sleutel in {path} is niet bruikbaar: {exc}") from None
            _cache[str(path)] = cached
        return cached


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: Optional[str]) -> Optional[str]:
    """The plain text, or None when there is no token or it does not fit this key."""
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
    """A key for ``purpose`` derived from the key file (for keyed hashes: ``bot.privacy.masking``); never stored."""
    path = key_path()
    with _lock:
        cached = _cache.get(f"{path}\0{purpose}")
        if cached is None:
            import hashlib

            try:
                secret = _read_or_create(path)
            except OSError as exc:
                raise KeyFileError(f"De sleutel in {path} is niet bruikbaar: {exc}") from None
            cached = hashlib.sha256(purpose.encode("utf-8") + b"\0" + secret).digest()
            _cache[f"{path}\0{purpose}"] = cached
        return cached
