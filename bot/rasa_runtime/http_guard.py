"""Rasa's HTTP server answers only this machine's own programs, not web pages or rebound names.

Request middleware on the Sanic app that ``rasa run`` / ``rasa shell`` build (``rasa.core.run.configure_app``):

- a foreign ``Host`` header is refused (400; a request without Host, as a balancer's HTTP/1.0 health
  check sends, is no browser and passes): DNS rebinding makes a page on evil.example talk to
  127.0.0.1 under its own name. Allowed: localhost, 127.0.0.1, ::1, plus ``RUSTPUNT_ALLOWED_HOSTS``
  (comma-separated host names, for a balancer or another machine);
- a request that a browser marks as coming from another site is refused (403): an ``Origin`` header
  not listed in ``RUSTPUNT_ALLOWED_ORIGINS`` (empty by default: the web page talks to Rasa from its
  own server, so no browser origin needs Rasa), or ``Sec-Fetch-Site: cross-site/same-site``;
- a POST/PUT/PATCH/DELETE with a content type that a page may send cross-site without asking
  (``text/plain``, form data) is refused (415);
- requests larger than ``RUSTPUNT_MAX_REQUEST_BYTES`` (default 1 MiB) are refused by Sanic (413).

The answers are JSON with a Dutch ``message``; nothing of the request is echoed or logged.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, Iterable, Mapping, Optional, Set

from bot.message_length import dutch_number, max_message_length

logger = logging.getLogger(__name__)

HOSTS_ENV = "RUSTPUNT_ALLOWED_HOSTS"
ORIGINS_ENV = "RUSTPUNT_ALLOWED_ORIGINS"
SIZE_ENV = "RUSTPUNT_MAX_REQUEST_BYTES"
DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
SIMPLE_CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

FOREIGN_HOST = ("Deze server beantwoordt alleen verzoeken voor zijn eigen adres. Gebruik 127.0.0.1 of "
                "localhost, of zet de naam in RUSTPUNT_ALLOWED_HOSTS.")
FOREIGN_ORIGIN = ("Verzoeken vanaf een andere website worden geweigerd. De webpagina van Rustpunt praat via "
                  "zijn eigen server met Rasa.")
WRONG_TYPE = "Stuur de gegevens als JSON (Content-Type: application/json)."
TOO_LARGE = "Het verzoek is te groot. Berichten mogen hoogstens {limit} tekens lang zijn."


def _split(value: Optional[str]) -> Set[str]:
    return {part.strip().lower() for part in (value or "").split(",") if part.strip()}


def allowed_hosts(env: Optional[Mapping[str, str]] = None) -> Set[str]:
    env = os.environ if env is None else env
    return LOOPBACK_HOSTS | _split(env.get(HOSTS_ENV))


def allowed_origins(env: Optional[Mapping[str, str]] = None) -> Set[str]:
    env = os.environ if env is None else env
    return {origin.rstrip("/") for origin in _split(env.get(ORIGINS_ENV))}


def max_request_bytes(env: Optional[Mapping[str, str]] = None) -> int:
    env = os.environ if env is None else env
    try:
        value = int((env.get(SIZE_ENV) or "").strip() or DEFAULT_MAX_REQUEST_BYTES)
    except ValueError:
        return DEFAULT_MAX_REQUEST_BYTES
    return max(value, 16 * 1024)


def host_name(host_header: Optional[str]) -> str:
    """'Example.org:5005' -> 'example.org'; '[::1]:5005' -> '::1'."""
    host = (host_header or "").strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def refusal(method: str, headers: Any, hosts: Iterable[str], origins: Iterable[str]) -> Optional[tuple]:
    """``(status, reason, Dutch message)`` when the request must be refused, else None.
    ``headers``: case-insensitive mapping (Sanic's request.headers)."""
    host = host_name(headers.get("host"))
    # No Host at all (HTTP/1.0 health checks of a balancer) cannot come from a browser: allowed.
    if host and host not in set(hosts):
        return 400, "ForeignHost", FOREIGN_HOST
    origin = (headers.get("origin") or "").strip().lower().rstrip("/")
    origin_allowed = bool(origin) and origin in set(origins)
    if origin and not origin_allowed:
        return 403, "ForeignOrigin", FOREIGN_ORIGIN
    fetch_site = (headers.get("sec-fetch-site") or "").strip().lower()
    if fetch_site in ("cross-site", "same-site") and not origin_allowed:
        return 403, "ForeignOrigin", FOREIGN_ORIGIN
    if method.upper() in BODY_METHODS:
        content_type = (headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if content_type in SIMPLE_CONTENT_TYPES:
            return 415, "UnsupportedContentType", WRONG_TYPE
    return None


def _answer(status: int, reason: str, message: str) -> Any:
    from sanic import response

    return response.json({"status": "failure", "code": status, "reason": reason, "message": message},
                         status=status)


def guard_app(app: Any) -> Any:
    """Add the checks to a Sanic app (once)."""
    if getattr(app.ctx, "rustpunt_guarded", False):
        return app
    app.ctx.rustpunt_guarded = True
    hosts, origins = allowed_hosts(), allowed_origins()
    app.config.REQUEST_MAX_SIZE = max_request_bytes()

    async def check_request(request: Any) -> Any:
        refused = refusal(request.method, request.headers, hosts, origins)
        if refused is None:
            return None
        logger.warning("Refused a request to %s: %s", request.path.split("/")[1:2], refused[1])
        return _answer(*refused)

    app.register_middleware(check_request, "request")

    from sanic.exceptions import PayloadTooLarge

    async def too_large(request: Any, exception: Exception) -> Any:
        return _answer(413, "PayloadTooLarge", TOO_LARGE.format(limit=dutch_number(max_message_length())))

    app.error_handler.add(PayloadTooLarge, too_large)
    return app


_INSTALLED: Dict[str, Any] = {}


def install() -> None:
    if _INSTALLED:
        return
    import rasa.core.run

    original = rasa.core.run.configure_app
    _INSTALLED["configure_app"] = original

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        return guard_app(original(*args, **kwargs))

    rasa.core.run.configure_app = configure_app
