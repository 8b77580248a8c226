"""Access to the trainers' page: one token from RUSTPUNT_TRAINER_TOKEN, no default.

Tokens are compared in constant time (on SHA-256 digests, so the length does not leak either).
Every good login gets its own random session id (the cookie value) with an expiry; logging out
removes it, and a restart of the server ends every session. Only SHA-256 digests of session ids
are kept in memory.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from typing import Callable, Dict, Optional

COOKIE_NAME = "rustpunt_trainer"
MAX_SESSIONS = 1000


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


class TrainerGate:
    def __init__(self, token: Optional[str], configured: bool, session_seconds: float = 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._token = token if configured else None
        self.session_seconds = session_seconds
        self._clock = clock
        self._sessions: Dict[bytes, float] = {}  # digest of session id -> expiry (monotonic)
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        return self._token is not None

    def token_ok(self, candidate: Optional[str]) -> bool:
        if self._token is None or not candidate:
            return False
        return hmac.compare_digest(_digest(candidate), _digest(self._token))

    def login(self) -> str:
        """A new random session id, valid for ``session_seconds``."""
        if self._token is None:
            raise RuntimeError("trainer access is not configured")
        session = secrets.token_urlsafe(32)
        with self._lock:
            now = self._clock()
            for key in [k for k, expiry in self._sessions.items() if expiry <= now]:
                del self._sessions[key]
            if len(self._sessions) >= MAX_SESSIONS:  # drop the session that ends first
                del self._sessions[min(self._sessions, key=self._sessions.__getitem__)]
            self._sessions[_digest(session)] = now + self.session_seconds
        return session

    def session_ok(self, value: Optional[str]) -> bool:
        if self._token is None or not value or len(value) > 100:
            return False
        key = _digest(value)
        with self._lock:
            expiry = self._sessions.get(key)
            if expiry is None:
                return False
            if expiry <= self._clock():
                del self._sessions[key]
                return False
            return True

    def logout(self, value: Optional[str]) -> None:
        if value:
            with self._lock:
                self._sessions.pop(_digest(value), None)
