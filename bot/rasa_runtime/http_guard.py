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
- requests larger than ``RUSTPUNT_MAX_REQUEST_BYTES`` (default 1 MiB) are refused by Sanic (413);
- every channel webhook (``/webhooks/...``: the REST channel, ``rasa shell``'s channel) answers only with the
  same token as Rasa's HTTP API (``?token=`` or ``Authorization: Bearer``), else 401. Rasa itself guards only its
  API with ``--auth-token``; its channels take any ``sender``, so whoever knew or guessed a conversation id could
  continue that conversation and ask for its plan or summary (a user test). The web page sends the token from its
  own server, so a browser only reaches its own conversation, through its cookie;
- the action server (``python -m bot.action_server``) answers only with that token too (all but ``/health``), and
  Rasa sends it along (``Authorization: Bearer``, added to the action endpoint of endpoints.yml): an action run
  for a made-up tracker returned any conversation's plan, by conversation id or plan number, and the SDK allows
  every browser origin (CORS ``*``).

The answers are JSON with a Dutch ``message``; nothing of the request is echoed or logged.
"""
from __future__ import annotations

import hmac
import inspect
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
NO_TOKEN = ("Dit kanaal van Rasa antwoordt alleen met het token uit RUSTPUNT_RASA_TOKEN (?token=...). Praat via de "
            "webpagina van Rustpunt, of stuur het token mee.")
NO_ACTION_TOKEN = "De actieserver van Rustpunt antwoordt alleen Rasa (met het token uit RUSTPUNT_RASA_TOKEN)."
WEBHOOKS = "/webhooks/"
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


def has_token(args: Any, headers: Any, token: str) -> bool:
    """Does the request carry ``token`` (``?token=`` or ``Authorization: Bearer``)? Compared in constant time."""
    offered = args.get("token") if args is not None else None
    scheme, _, bearer = (headers.get("authorization") or "").partition(" ")
    if not offered and scheme.lower() == "bearer":
        offered = bearer.strip()
    return isinstance(offered, str) and hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


def webhook_refusal(path: str, args: Any, headers: Any, token: Optional[str]) -> Optional[tuple]:
    """``(401, reason, Dutch message)`` when a request to a channel webhook lacks the API token, else None.
    ``args``: the query parameters (Sanic's request.args); ``headers`` as in :func:`refusal`. Without a token
    configured (a bare ``rasa run`` by hand) nothing is checked, as Rasa leaves its API open then."""
    if not token or not path.startswith(WEBHOOKS) or has_token(args, headers, token):
        return None
    return 401, "NotAuthenticated", NO_TOKEN


def action_token(env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The token between Rasa and the action server: Rasa's API token (``RUSTPUNT_RASA_TOKEN``), or None."""
    env = os.environ if env is None else env
    return (env.get("RUSTPUNT_RASA_TOKEN") or "").strip() or None


def with_action_token(endpoint: Any, token: Optional[str]) -> Any:
    """Rasa's action endpoint (an ``EndpointConfig``) sending ``token`` with every call; None stays None."""
    if endpoint is not None and token and not any(k.lower() == "authorization" for k in endpoint.headers):
        endpoint.headers = {**endpoint.headers, "Authorization": f"Bearer {token}"}
    return endpoint


def guard_action_app(app: Any, token: Optional[str]) -> Any:
    """The action server (rasa_sdk's Sanic app) answers only with ``token``; ``/health`` stays open."""
    if not token:
        return app

    async def check_token(request: Any) -> Any:
        if request.path.rstrip("/") == "/health" or has_token(request.args, request.headers, token):
            return None
        logger.warning("Refused a request to the action server without the token")
        return _answer(401, "NotAuthenticated", NO_ACTION_TOKEN)

    app.register_middleware(check_token, "request")
    return app


def _answer(status: int, reason: str, message: str) -> Any:
    from sanic import response

    return response.json({"status": "failure", "code": status, "reason": reason, "message": message},
                         status=status)


def guard_app(app: Any, token: Optional[str] = None) -> Any:
    """Add the checks to a Sanic app (once); ``token``: Rasa's API token, also asked of the channel webhooks."""
    if getattr(app.ctx, "rustpunt_guarded", False):
        return app
    app.ctx.rustpunt_guarded = True
    hosts, origins = allowed_hosts(), allowed_origins()
    app.config.REQUEST_MAX_SIZE = max_request_bytes()
    token = token or None

    async def check_request(request: Any) -> Any:
        refused = refusal(request.method, request.headers, hosts, origins) or webhook_refusal(
            request.path, request.args, request.headers, token)
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
    from rasa.core.channels import console

    original = rasa.core.run.configure_app
    _INSTALLED["configure_app"] = original
    signature = inspect.signature(original)

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        token = signature.bind_partial(*args, **kwargs).arguments.get("auth_token")
        _INSTALLED["token"] = token
        return guard_app(original(*args, **kwargs), token)

    rasa.core.run.configure_app = configure_app

    # ``rasa shell`` talks to its own webhook without a token: give it the one the server asks for.
    _INSTALLED["record_messages"] = console.record_messages

    async def record_with_token(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("auth_token") and _INSTALLED.get("token"):
            kwargs["auth_token"] = _INSTALLED["token"]
        return await _INSTALLED["record_messages"](*args, **kwargs)

    console.record_messages = record_with_token

    # Rasa sends the token to the action server (which asks for it when started by bot.action_server)
    from rasa.core.utils import AvailableEndpoints

    read_endpoints = AvailableEndpoints.read_endpoints.__func__
    _INSTALLED["read_endpoints"] = read_endpoints

    def read_with_token(cls: Any, endpoint_file: Any) -> Any:
        endpoints = read_endpoints(cls, endpoint_file)
        with_action_token(endpoints.action, action_token())
        return endpoints

    AvailableEndpoints.read_endpoints = classmethod(read_with_token)
