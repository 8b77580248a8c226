"""Access to the trainers' page: one token from RUSTPUNT_TRAINER_TOKEN, no default.

Tokens are compared in constant time (on SHA-256 digests, so the length does not leak either).
After a good login the browser gets a cookie holding an HMAC of the token under a key that
lives only in this process: the token itself never sits in a cookie, and a restart logs out.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Optional

COOKIE_NAME = "rustpunt_trainer"


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


class TrainerGate:
    def __init__(self, token: Optional[str], configured: bool) -> None:
        self._token = token if configured else None
        self._key = secrets.token_bytes(32)

    @property
    def configured(self) -> bool:
        return self._token is not None

    def token_ok(self, candidate: Optional[str]) -> bool:
        if self._token is None or not candidate:
            return False
        return hmac.compare_digest(_digest(candidate), _digest(self._token))

    def cookie_value(self) -> str:
        if self._token is None:
            raise RuntimeError("trainer access is not configured")
        return hmac.new(self._key, self._token.encode("utf-8"), hashlib.sha256).hexdigest()

    def cookie_ok(self, value: Optional[str]) -> bool:
        if self._token is None or not value:
            return False
        return hmac.compare_digest(_digest(value), _digest(self.cookie_value()))
