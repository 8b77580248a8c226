"""Which conversation a browser may see: the server's cookie, never an id the browser picks.

The cookie holds a random secret (256 bits). The Rasa conversation id is derived from it with
SHA-256, so the id (in Rasa's tracker, in records, on the trainers' page as a short hash) never
opens a conversation: only the cookie does, and the cookie cannot be computed from the id.
The derivation needs no server state, so conversations survive a restart of the web server.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from typing import List, Optional, TypeGuard

COOKIE_NAME = "rustpunt_gesprek"
COOKIE_PATH = "/api"
# The conversations this browser left with 'Nieuw gesprek': what was saved from them (call-backs, summaries, plans,
# role-play sessions) stays for the organisation, and 'Wis dit gesprek' in the same browser still wipes it.
EARLIER_COOKIE = "rustpunt_eerder"
MAX_EARLIER = 20
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def valid_secret(value: Optional[str]) -> TypeGuard[str]:
    return isinstance(value, str) and bool(SECRET_RE.match(value))


def conversation_id(secret: str) -> str:
    """The Rasa sender id that belongs to this cookie secret (32 hex characters)."""
    return hashlib.sha256(b"rustpunt-gesprek:" + secret.encode("ascii")).hexdigest()[:32]


def short_hash(value: Optional[str]) -> str:
    """8 hex characters to tell conversations apart in logs and on the trainers' page without the id."""
    if not value:
        return "-"
    return hashlib.sha256(str(value).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def parse_cookies(header: Optional[str], wanted: tuple) -> dict:
    """Only the named cookies from a Cookie header, in linear time (http.cookies.SimpleCookie
    is quadratic on long headers). Unknown or malformed parts are skipped."""
    found: dict = {}
    if not header:
        return found
    for part in header.split(";"):
        name, sep, value = part.partition("=")
        name = name.strip()
        if sep and name in wanted and name not in found:
            found[name] = value.strip().strip('"')
    return found


def earlier_secrets(value: Optional[str]) -> List[str]:
    """The valid secrets in the ``EARLIER_COOKIE`` value (dot-separated), oldest first, at most ``MAX_EARLIER``."""
    return [part for part in (value or "").split(".") if valid_secret(part)][-MAX_EARLIER:]


def with_earlier(value: Optional[str], secret: Optional[str]) -> str:
    """The ``EARLIER_COOKIE`` value after leaving the conversation of ``secret`` with 'Nieuw gesprek'."""
    kept = earlier_secrets(value) + ([secret] if valid_secret(secret) else [])
    return ".".join(kept[-MAX_EARLIER:])
