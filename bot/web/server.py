"""The HTTP server: static page, chat proxy to Rasa, trainers' page.

Sanic 21.12 (already installed with Rasa) as an async server: an idle or slow connection costs a
socket, not a thread, so 100 idle connections do not stop anyone else. Sanic gives the limits we
need (request size, header size, read/idle/response timeouts); ``DeadlineProtocol`` makes the
read timeout count from the first byte, so a client that trickles bytes cannot hold a request
open. Blocking work (the HTTP call to Rasa, the database) runs in a bounded thread pool.
Every answer, also for errors Sanic raises itself, is Dutch and never shows a stack trace.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import json
import logging
import mimetypes
import re
import socket
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from sanic import Sanic
from sanic.exceptions import (
    InvalidUsage,
    MethodNotSupported,
    NotFound,
    PayloadTooLarge,
    RequestTimeout,
    SanicException,
    ServiceUnavailable,
)
from sanic.http import Stage
from sanic.response import HTTPResponse
from sanic.server.protocols.http_protocol import HttpProtocol

from bot.web import conversation, messages, rasa_client, trainer_page
from bot.web.config import WebConfig, is_loopback
from bot.web.limits import SlidingWindow, client_address
from bot.web.metadata import clean_metadata
from bot.web.trainer_auth import COOKIE_NAME, TrainerGate
from bot.wording import counted

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY = 16_384  # grows with RUSTPUNT_MAX_MESSAGE, see body_limit()
LOCKED_CHECKS_FACTOR = 4  # tokens checked per minute during a lockout: this times the failures that lock a client
MAX_HEADER = 8_192
MAX_JSON_DEPTH = 10

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

EMPTY_MESSAGE = "Typ eerst een bericht."
LONG_MESSAGE = "Je bericht is te lang: maximaal {limit} tekens."
BAD_REQUEST = "Dit verzoek kan ik niet lezen."
BAD_MESSAGE_ID = "Dit verzoek kan ik niet lezen: het berichtnummer ('id') klopt niet. Laad de pagina opnieuw."
# the page's own id of a message (app.js: the same on every attempt to send it); Rasa gets it as ``web-<id>``
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
TOO_DEEP = "Dit verzoek kan ik niet lezen: de gegevens zijn te diep genest."
NEED_JSON = "Dit verzoek kan ik niet lezen: stuur het als JSON (Content-Type: application/json)."
TOO_LARGE = "Dit verzoek is te groot (maximaal {kb} kB)."
HEADERS_TOO_LARGE = (
    "De kopregels van dit verzoek zijn te groot (bijvoorbeeld te veel cookies). "
    "Wis de cookies van deze site en probeer het opnieuw."
)
TOO_SLOW_CLIENT = "Het verzoek kwam niet op tijd binnen. Probeer het opnieuw."
SERVER_TOO_SLOW = "De server had te veel tijd nodig. Probeer het opnieuw."
NOT_FOUND = "Deze pagina bestaat niet."
NOT_ALLOWED = "Deze actie kan op dit adres niet."
SERVER_ERROR = "Er ging iets mis op de server. Probeer het opnieuw."
FOREIGN_HOST = "Dit adres hoort niet bij deze Rustpunt-server. Open de pagina via het adres dat de beheerder gaf."
FOREIGN_ORIGIN = "Dit verzoek komt van een andere website en wordt geweigerd."
# "{wait}": ``wait_for`` ('1 seconde', '30 seconden'; a user test read "Wacht 1 seconden")
TOO_MANY = "Je stuurt te veel verzoeken achter elkaar. Wacht {wait} en probeer het dan opnieuw."
WRONG_TOKEN = "Dit token klopt niet. Toegang geweigerd."
LOCKED = "Te veel mislukte pogingen. Wacht {wait} voordat je het opnieuw probeert."


def wait_for(seconds: int) -> str:
    """How long to wait, in Dutch: '1 seconde', '30 seconden'."""
    return counted(seconds, "seconde", "seconden")


NEED_TOKEN = "Log in met het trainerstoken om de rollenspellen te zien."
SESSION_ENDED = "Je sessie is verlopen. Log opnieuw in."
STORE_ERROR = "De opgeslagen rollenspellen konden niet worden gelezen. Probeer het later opnieuw."
FORGOTTEN = "Het gesprek is gewist. Je begint met een nieuw, leeg gesprek."
# 'Wis dit gesprek' when nothing was stored (a second wipe, no cookie, a made-up cookie; a privacy officer's test of
# session 24 heard "Het gesprek is gewist" each time)
NOTHING_STORED = "Er was van dit gesprek niets bewaard. Je begint met een nieuw, leeg gesprek."
NEW_CONVERSATION = ("Je begint een nieuw gesprek. Het vorige chatverloop is gewist; terugbelverzoeken, "
                    "intakesamenvattingen, gespreksplannen en rollenspelsessies blijven bewaard. Wil je die toch "
                    "wissen? 'Wis dit gesprek' in deze browser wist ze alsnog.")
FORGET_FAILED = "Het gesprek kon niet worden gewist. Er is niets veranderd; probeer het opnieuw."
WIPE_BAD_NUMBER = "Dat is geen sessienummer. Kies de sessie op de trainerspagina en gebruik de knop 'Wis deze sessie'."
WIPE_NOT_FOUND = "Dit rollenspel bestaat niet (meer); er is niets gewist."
WIPE_FAILED = "Het wissen is niet gelukt; er is niets gewist. Probeer het later opnieuw."
SESSION_BAD_NUMBER = "Dat is geen sessienummer. Kies de sessie op de trainerspagina of in het groepsoverzicht."
SESSION_NOT_FOUND = "Dit rollenspel bestaat niet (meer)."
GROUP_TITLE = "Groepsoverzicht rollenspellen"
GROUP_NOTHING_WIPED = "Er is niets gewist."
GROUP_WIPE_BAD = "Dit verzoek noemt geen geldige sessienummers. Open het groepsoverzicht en gebruik de knop opnieuw."
GROUP_WIPE_GONE = "De sessies die de vraag noemde, horen niet (meer) bij deze groep{period}."
GROUP_TOO_LONG = "De groepscode is te lang (maximaal {limit} tekens)."
GROUP_BAD_DATE = "De datum bij '{what}' is niet geldig. Gebruik bijvoorbeeld 2026-12-01 of 01-12-2026."
GROUP_BAD_FORMAT = "Onbekend formaat '{value}'. Kies html, csv of print."
GROUP_NO_CSV = "Er is geen CSV gemaakt."
MAX_GROUP = 60  # the chat page's group field allows as much
MAX_DATE = 20
GROUP_FORMATS = ("html", "csv", "print")
_STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)

_app_numbers = itertools.count(1)


SESSIONS_LISTED = 200  # the trainers' list shows the newest this many sessions
ALL_SESSIONS = 100_000  # the group view and 'Wis deze sessie' read every stored session, as 'rustpunt groep' does


def _load_records(limit: Optional[int] = None) -> List[Any]:
    """The newest ``limit`` role-play sessions (``SESSIONS_LISTED`` by default), newest first."""
    from bot.records import list_records  # lazy: the web process loads the store only for the trainers' page
    from bot.roleplay.session import KIND  # lazy: with the store (the role-play's one record kind)

    return list_records(kind=KIND, limit=limit or SESSIONS_LISTED)


def _load_all_records() -> List[Any]:
    """Every stored session: a group of last month is whole on its page, and each session can be wiped, also when more
    than ``SESSIONS_LISTED`` newer ones were played since (the group page showed 'Geen sessies gevonden' for a group
    that 'rustpunt groep' still found; a user test, session 25)."""
    return _load_records(ALL_SESSIONS)


def _forget(conversation_id: str) -> Dict[str, int]:
    """The privacy helper's forgetting engine, imported only when someone asks to forget."""
    from bot.privacy.forget import forget_conversation

    return forget_conversation(conversation_id)


def _forget_session(number: int) -> Any:
    """'Wis deze sessie' on the trainers' page: the privacy helper's engine, imported only when a trainer wipes."""
    from bot.privacy.forget import forget_session

    return forget_session(number)


_LOADING = threading.Lock()  # one background load of the knowledge for ``_knowledge_problems``


def _knowledge_problems() -> List[str]:
    """The problems of the knowledge files (``bot.knowledge.loader.pending_problems``) in Dutch, for the trainers'
    page: while there are any, the chat uses the previous version. The first call loads the knowledge in the
    background and says nothing yet (loading takes seconds; the trainers' page must not wait for it); after that the
    files' dates are looked at every few seconds."""
    from bot.knowledge.loader import knowledge_loaded, pending_problems

    if not knowledge_loaded():
        if _LOADING.acquire(blocking=False):
            def load() -> None:
                try:
                    pending_problems()
                except Exception as exc:  # noqa: BLE001 - logged; the page works without the problems
                    logger.error("could not load the knowledge files: %s", type(exc).__name__)
                finally:
                    _LOADING.release()

            threading.Thread(target=load, name="rustpunt-kennis", daemon=True).start()
        return []
    return [str(problem) for problem in pending_problems()]


def warm_up() -> float:
    """Load now what the first trainer login would otherwise wait for; returns the seconds it took. ``python -m
    bot.web`` runs it in the background at start when the trainers' page is open (the chat page does not wait for
    it). The first login after a start took 6-9 s against 0.1-0.2 s for the next one (a user test of session 25):
    the role-play store modules, the knowledge files (move names, scenario titles and openings; loaded twice at once,
    by the page and by ``_knowledge_problems`` in the background) and the page's templates. Failures are logged, not
    fatal: that part loads on the first request, as before (``bot.action_server.warm_up`` does the same for the
    actions)."""
    from bot.warm_up import run_parts

    return run_parts([("the trainers' store", _warm_store), ("the trainers' knowledge", _warm_knowledge),
                      ("the trainers' pages", _warm_pages)], logger)


def _warm_store() -> None:
    import bot.privacy.forget  # noqa: F401 - lazy in the handlers; imported here once: 'Wis deze sessie'
    import bot.roleplay.group  # noqa: F401 - the group page

    _load_records(1)  # imports the store and the role-play session modules, opens the database


def _warm_knowledge() -> None:
    """The knowledge, loaded once: while it loads here, ``_knowledge_problems`` starts no second load beside it."""
    from bot.knowledge.loader import pending_problems

    with _LOADING:
        pending_problems()


def _warm_pages() -> None:
    """The templates and the names of moves and roles, by rendering the pages once without any session."""
    from bot.roleplay.feedback import move_names
    from bot.roleplay.group import render_group_page
    from bot.roles.names import role_name

    move_names()
    role_name("slachtoffer")
    trainer_page.sessions_page([])
    for name in ("trainer_sessie.html", "trainer_wissen.html", "trainer_groep_wissen.html", "trainer_login.html",
                 "trainer_melding.html"):
        trainer_page.environment().get_template(name)
    render_group_page([], "")


def _wipe_report(result: Any, labels: Optional[Dict[int, str]] = None) -> str:
    from bot.privacy.forget import session_report

    return session_report(result, labels)


def _forget_sessions(numbers: List[int], forget: Callable[[int], Any]) -> Any:
    """'Wis alle sessies van deze groep': the privacy helper's engine, each session as 'Wis deze sessie' wipes it."""
    from bot.privacy.forget import forget_sessions

    return forget_sessions(numbers, forget)


def _sessions_report(result: Any, group: str, labels: Optional[Dict[int, str]] = None) -> str:
    from bot.privacy.forget import sessions_report

    return sessions_report(result, group, labels)


def _continuing(records: List[Any], number: int) -> List[int]:
    from bot.privacy.forget import continuing_sessions

    return continuing_sessions(records, number)


def _forget_chat(conversation_id: str) -> Dict[str, int]:
    """'Nieuw gesprek': only the chat's own events; what was saved from it for the organisation stays."""
    from bot.privacy.forget import forget_chat

    return forget_chat(conversation_id)


def body_limit(config: WebConfig) -> int:
    """Bytes a request body may have: 16 kB, or room for a maximal message in escaped JSON."""
    return max(MAX_BODY, config.max_message * 6 + 4096)


def json_too_deep(text: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when arrays/objects nest deeper than ``limit`` (checked before ``json.loads``,
    which would raise RecursionError on very deep input)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _host_name(host: str) -> str:
    """The lower-case host name of a Host header without its port; "" when it is not one."""
    try:
        return (urllib.parse.urlsplit("//" + host).hostname or "").lower()
    except ValueError:  # e.g. "[::1" (an unclosed IPv6 bracket)
        return ""


class BadInput(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parse_json_body(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(400, BAD_REQUEST) from exc
    if json_too_deep(text):
        raise BadInput(400, TOO_DEEP)
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise BadInput(400, BAD_REQUEST) from exc


# ---- responses --------------------------------------------------------------------------------
def _response(status: int, body: bytes, content_type: str, extra: Optional[Dict[str, str]] = None,
              cookies: Optional[List[str]] = None) -> HTTPResponse:
    response = HTTPResponse(body=body, status=status, content_type=content_type)
    for key, value in SECURITY_HEADERS.items():
        response.headers[key] = value
    for key, value in (extra or {}).items():
        response.headers[key] = value
    for cookie in cookies or []:
        response.headers.add("Set-Cookie", cookie)
    return response


def json_response(status: int, payload: Any, cookies: Optional[List[str]] = None,
                  extra: Optional[Dict[str, str]] = None) -> HTTPResponse:
    headers = {"Cache-Control": "no-store"}
    headers.update(extra or {})
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return _response(status, body, "application/json; charset=utf-8", headers, cookies)


def error_json(status: int, message: str, cookies: Optional[List[str]] = None,
               extra: Optional[Dict[str, str]] = None) -> HTTPResponse:
    return json_response(status, {"fout": message}, cookies, extra)


def html_response(status: int, html: str, extra: Optional[Dict[str, str]] = None,
                  cookies: Optional[List[str]] = None) -> HTTPResponse:
    headers = {"Cache-Control": "no-store"}
    headers.update(extra or {})
    return _response(status, html.encode("utf-8"), "text/html; charset=utf-8", headers, cookies)


def _is_api(path: str) -> bool:
    return path.startswith("/api/")


def error_for(path: str, status: int, message: str, extra: Optional[Dict[str, str]] = None) -> HTTPResponse:
    if _is_api(path):
        return error_json(status, message, extra=extra)
    title = "Niet gevonden" if status == 404 else "Rustpunt"
    return html_response(status, trainer_page.message_page(title, message), extra)


# ---- the protocol: a read deadline from the first byte ------------------------------------------
class DeadlineProtocol(HttpProtocol):
    """Sanic restarts its request timer on every byte received, so a client sending one byte per
    second would never time out. Here the timer keeps running from the first byte of a request
    until the response: REQUEST_TIMEOUT bounds reading the head, RESPONSE_TIMEOUT the whole request."""

    def data_received(self, data: bytes) -> None:
        http = getattr(self, "_http", None)
        keep = http is not None and http.stage in (Stage.REQUEST, Stage.HANDLER)
        started = self._time
        super().data_received(data)
        if keep:
            self._time = started


# ---- the application ----------------------------------------------------------------------------
class Site:
    """Routes and state of one server; kept apart from the Sanic app so tests can reach it."""

    def __init__(self, config: WebConfig, load_records: Callable[[], List[Any]],
                 forget: Callable[[str], Dict[str, int]], clock: Optional[Callable[[], float]] = None,
                 forget_chat: Callable[[str], Dict[str, int]] = _forget_chat,
                 forget_session: Callable[[int], Any] = _forget_session,
                 load_problems: Callable[[], List[str]] = _knowledge_problems,
                 load_all_records: Optional[Callable[[], List[Any]]] = None) -> None:
        self.config = config
        self.load_records = load_records  # the trainers' list: the newest sessions
        # the group view and wiping: every session (a loader given for tests serves both)
        self.load_all_records = load_all_records or (
            _load_all_records if load_records is _load_records else load_records)
        self.forget = forget  # 'Wis dit gesprek': everything made from the conversation
        self.forget_chat = forget_chat  # 'Nieuw gesprek': the chat only
        self.forget_session = forget_session  # 'Wis deze sessie' (trainers): one role-play session
        self.load_problems = load_problems  # the problems of the knowledge files, for the trainers' page
        clock_kwargs: Dict[str, Any] = {"clock": clock} if clock else {}
        self.gate = TrainerGate(config.trainer_token, config.trainer_configured,
                                session_seconds=config.trainer_session_minutes * 60, **clock_kwargs)
        # the chat's limit is per browser session (four trainees behind one classroom NAT got 429 when it was per
        # address), with a higher ceiling per address against one client that floods without keeping its cookie
        self.chat_limit = SlidingWindow(config.chat_per_minute, **clock_kwargs)
        self.address_limit = SlidingWindow(config.chat_per_address_per_minute, **clock_kwargs)
        self.login_failures = SlidingWindow(config.login_failures, **clock_kwargs)
        # during a lockout a few tokens a minute are still checked: a right one gets in (others behind the same address
        # may have locked it), wrong ones are refused as before
        self.locked_checks = SlidingWindow(config.login_failures * LOCKED_CHECKS_FACTOR, **clock_kwargs)
        self.pool = ThreadPoolExecutor(max_workers=config.workers, thread_name_prefix="rustpunt-web")
        # messages of each conversation on their way to Rasa: wiping waits for them (``_after_turns``)
        self.turns: Dict[str, int] = {}
        self.static_files = {p.name: p.read_bytes() for p in STATIC_DIR.iterdir() if p.is_file()}
        self.static_files["index.html"] = self.static_files["index.html"].replace(
            b'maxlength="2000"', f'maxlength="{config.max_message}"'.encode())  # the message box follows the limit

    async def blocking(self, fn: Callable, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    async def _turn(self, sender: str, send: Callable[[], Any]) -> Any:
        """``send`` (a message to Rasa in ``sender``'s conversation) in the pool, counted as on its way until the call
        itself ends: also when the browser went away meanwhile (a reload), Rasa is still working on the turn."""
        loop = asyncio.get_running_loop()
        self.turns[sender] = self.turns.get(sender, 0) + 1
        work = self.pool.submit(send)

        def ended(_work: Any) -> None:
            try:
                loop.call_soon_threadsafe(self._turn_ended, sender)
            except RuntimeError:  # the server stopped meanwhile
                pass

        work.add_done_callback(ended)
        return await asyncio.wrap_future(work)

    def _turn_ended(self, sender: str) -> None:
        self.turns[sender] -= 1
        if not self.turns[sender]:
            del self.turns[sender]

    async def _after_turns(self, sender: str) -> None:
        """Wait (at most the chat's own time limit) until no message of ``sender``'s conversation is on its way.
        'Wis dit gesprek' clicked before an answer came: Rasa and the actions were still working on that turn and
        stored its events, a summary or a plan after the wipe (the tracker store now refuses such events, not an
        action's record)."""
        deadline = time.monotonic() + self.config.chat_timeout + 5
        while sender in self.turns:
            if time.monotonic() > deadline:
                logger.warning("a message of conversation %s was still on its way when it was wiped",
                               conversation.short_hash(sender))
                return
            await asyncio.sleep(0.05)

    # ---- checks ---------------------------------------------------------------------------
    def host_ok(self, request) -> bool:
        host = request.headers.get("host", "")
        if not host or len(host) > 255:
            return False
        name = _host_name(host)
        return bool(name) and name in self.config.host_names

    def same_origin(self, request) -> bool:
        """A browser's POST carries Sec-Fetch-Site and/or Origin: they must say 'this site'.
        Our Referrer-Policy (no-referrer) makes Chromium send ``Origin: null`` with a same-origin
        form POST; Sec-Fetch-Site then vouches for it. Without Sec-Fetch-Site, ``null`` is refused.
        Scripts without either header (curl, tests) are not a cross-site threat and pass."""
        site = request.headers.get("sec-fetch-site")
        origin = request.headers.get("origin")
        if site is not None:
            if site.lower() not in ("same-origin", "none"):
                return False
            if origin is None or origin == "null":
                return True
        elif origin is None:
            return True
        scheme, _, netloc = origin.partition("://")
        return scheme in ("http", "https") and netloc.lower() == request.headers.get("host", "").lower()

    def secure(self, request) -> bool:
        """Cookies get the Secure flag unless the browser talks to us on loopback."""
        return not is_loopback(_host_name(request.headers.get("host", "")))

    def client(self, request) -> str:
        """The client's address: the connection's, or behind a trusted proxy the one it forwards (``limits``)."""
        return client_address(request.ip, request.headers.getall("x-forwarded-for", []),
                              self.config.trusted_proxies)

    def cookie(self, request, name: str) -> Optional[str]:
        return conversation.parse_cookies(request.headers.get("cookie"), (name,)).get(name)

    def _cookie_header(self, request, name: str, value: str, path: str, max_age: Optional[int] = None) -> str:
        parts = [f"{name}={value}", f"Path={path}", "HttpOnly", "SameSite=Strict"]
        if max_age is not None:
            parts.append(f"Max-Age={max_age}")
        if self.secure(request):
            parts.append("Secure")
        return "; ".join(parts)

    def conversation(self, request) -> tuple:
        """(secret, Set-Cookie headers): the browser's conversation, or a new one."""
        secret = self.cookie(request, conversation.COOKIE_NAME)
        if conversation.valid_secret(secret):
            return secret, []
        secret = conversation.new_secret()
        return secret, [self._cookie_header(request, conversation.COOKIE_NAME, secret, conversation.COOKIE_PATH)]

    # ---- middleware -----------------------------------------------------------------------
    async def guard(self, request) -> Optional[HTTPResponse]:
        if request.route is None and "host" not in request.headers:
            return None  # Sanic's stand-in request for a protocol error (header too large, timeout)
        if not self.host_ok(request):
            logger.warning("refused a request with a foreign Host header")
            return error_for(request.path, 403, FOREIGN_HOST)
        if request.method not in ("GET", "HEAD") and not self.same_origin(request):
            logger.warning("refused a cross-site %s on %s", request.method, request.path)
            return error_for(request.path, 403, FOREIGN_ORIGIN)
        return None

    # ---- static files -----------------------------------------------------------------------
    async def index(self, request) -> HTTPResponse:
        return self._static("index.html")

    async def static(self, request, name: str) -> HTTPResponse:
        return self._static(name)

    def _static(self, name: str) -> HTTPResponse:
        body = self.static_files.get(name)  # only files that exist in static/, by exact name
        if body is None:
            raise NotFound(NOT_FOUND)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        return _response(200, body, content_type, {"Cache-Control": "no-cache"})

    async def favicon(self, request) -> HTTPResponse:
        return _response(204, b"", "image/x-icon")

    async def status(self, request) -> HTTPResponse:
        up = await self.blocking(rasa_client.is_up, self.config.rasa_url)
        return json_response(200, {"bereikbaar": up, "melding": None if up else rasa_client.UNREACHABLE})

    # ---- chat proxy -------------------------------------------------------------------------
    def _limited(self, request, secret: str, cookies: Optional[List[str]] = None) -> Optional[HTTPResponse]:
        """429 when the browser session (``secret``, its conversation cookie) or its address used up its messages of
        the minute (``chat_per_minute``, ``chat_per_address_per_minute``); else both count this message."""
        client = self.client(request)
        session = "gesprek:" + conversation.conversation_id(secret)  # never the secret itself in memory
        full = next(((window, key) for window, key in ((self.chat_limit, session), (self.address_limit, client))
                     if window.full(key)), None)
        if full is None:
            self.chat_limit.hit(session)
            self.address_limit.hit(client)
            return None
        window, key = full
        seconds = window.retry_after(key)
        logger.warning("chat rate limit reached for %s %s", "session" if window is self.chat_limit else "client",
                       conversation.short_hash(key))
        return error_json(429, TOO_MANY.format(wait=wait_for(seconds)), cookies, {"Retry-After": str(seconds)})

    def _json_payload(self, request) -> Any:
        content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            raise BadInput(415, NEED_JSON)
        return parse_json_body(request.body or b"")

    async def chat(self, request) -> HTTPResponse:
        secret, cookies = self.conversation(request)
        limited = self._limited(request, secret, cookies)
        if limited:
            return limited
        try:
            payload = self._json_payload(request)
        except BadInput as exc:
            return error_json(exc.status, exc.message, cookies)
        if not isinstance(payload, dict):
            return error_json(400, BAD_REQUEST, cookies)
        text = payload.get("message")
        if not isinstance(text, str) or not text.strip():
            return error_json(400, EMPTY_MESSAGE, cookies)
        if len(text) > self.config.max_message:
            return error_json(413, LONG_MESSAGE.format(limit=self.config.max_message), cookies)
        client_id = payload.get("id")
        if client_id is None:  # a page from before message ids, or another client: a turn of its own, no safe retry
            client_id = uuid.uuid4().hex
        elif not isinstance(client_id, str) or not MESSAGE_ID.match(client_id):
            return error_json(400, BAD_MESSAGE_ID, cookies)
        config, sender = self.config, conversation.conversation_id(secret)
        try:
            # the same id on a retry (after a timeout or an error, also via another server): Rasa answers from its
            # store, and the turn is not handled twice (bot.rasa_runtime.rest_channel)
            raw_answer = await self._turn(sender, lambda: rasa_client.send_message(
                config.rasa_url, sender, text.strip(), config.chat_timeout,
                metadata=clean_metadata(payload.get("metadata")), message_id=f"web-{client_id}"))
        except rasa_client.RasaError as exc:
            return error_json(exc.status, exc.message, cookies)
        return json_response(200, {"berichten": messages.from_rest_output(raw_answer)}, cookies)

    async def history(self, request) -> HTTPResponse:
        """The browser's own conversation (from its cookie); a query parameter is ignored."""
        secret, cookies = self.conversation(request)
        config, sender = self.config, conversation.conversation_id(secret)
        try:
            events = await self.blocking(rasa_client.fetch_events, config.rasa_url, sender, config.history_timeout)
        except rasa_client.RasaError as exc:
            return error_json(exc.status, exc.message, cookies)
        return json_response(200, {"berichten": messages.from_tracker_events(events)}, cookies)

    async def forget_conversation(self, request) -> HTTPResponse:
        """'Wis dit gesprek' (body ``{}``): forget this browser's conversation and everything saved from it.
        'Nieuw gesprek' (body ``{"nieuw": true}``): forget only its chat events; call-backs, intake summaries,
        plans and role-play sessions stay for the organisation (a user test lost a call-back this way), and the
        conversation is remembered in this browser (``EARLIER_COOKIE``) so that a later 'Wis dit gesprek' still wipes
        them (a user test could not). Both start a new conversation."""
        secret = self.cookie(request, conversation.COOKIE_NAME)
        # never rate-limited: whoever used up the chat's limit may still wipe what they typed (a user test got 429)
        try:
            payload = self._json_payload(request)
        except BadInput as exc:
            return error_json(exc.status, exc.message)
        new_only = isinstance(payload, dict) and payload.get("nieuw") is True
        earlier = self.cookie(request, conversation.EARLIER_COOKIE)
        # 'Wis dit gesprek' wipes this conversation and what the ones left with 'Nieuw gesprek' saved
        wiped = [] if new_only else [conversation.conversation_id(s) for s in conversation.earlier_secrets(earlier)]
        removed: Dict[str, int] = {}
        if conversation.valid_secret(secret):
            wiped.append(conversation.conversation_id(secret))
        for old in wiped:
            await self._after_turns(old)
            try:
                counts = await self.blocking(self.forget_chat if new_only else self.forget, old)
            except Exception as exc:  # the store may be down: say so, keep the conversation
                logger.error("could not forget conversation %s: %s", conversation.short_hash(old),
                             type(exc).__name__)
                return error_json(500, FORGET_FAILED)
            for key, value in (counts or {}).items():
                if isinstance(value, int):
                    removed[str(key)] = removed.get(str(key), 0) + value
            logger.info("forgot conversation %s", conversation.short_hash(old))
        fresh = conversation.new_secret()
        cookies = [self._cookie_header(request, conversation.COOKIE_NAME, fresh, conversation.COOKIE_PATH)]
        if new_only and conversation.valid_secret(secret):
            cookies.append(self._cookie_header(request, conversation.EARLIER_COOKIE,
                                               conversation.with_earlier(earlier, secret), conversation.COOKIE_PATH))
        elif not new_only and earlier:
            cookies.append(self._cookie_header(request, conversation.EARLIER_COOKIE, "", conversation.COOKIE_PATH,
                                               max_age=0))
        if new_only:
            notice = NEW_CONVERSATION
        else:
            notice = FORGOTTEN if any(removed.values()) else NOTHING_STORED
        return json_response(200, {"gewist": new_only or any(removed.values()), "verwijderd": removed,
                                   "melding": notice}, cookies)

    # ---- trainers' page ---------------------------------------------------------------------
    def _bearer(self, request) -> Optional[str]:
        header = request.headers.get("authorization") or ""
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return None

    def _locked_out(self, client: str) -> HTTPResponse:
        seconds = max(self.login_failures.retry_after(client), 1)
        return html_response(429, trainer_page.login_page(LOCKED.format(wait=wait_for(seconds))),
                             {"Retry-After": str(seconds)})

    def _checked_token(self, request, candidate: Optional[str]) -> Optional[HTTPResponse]:
        """None when ``candidate`` is the trainer token. Otherwise the refusal: 401 and counted as a failure, or 429
        while the client is locked out. A right token gets in during a lockout too (others behind the same address or
        proxy may have caused it; it is never counted as a failure), as long as the client has not used up the few
        checks a minute that a lockout allows; beyond those nothing is checked."""
        client = self.client(request)
        if self.login_failures.full(client):
            if not self.locked_checks.hit(client):
                return self._locked_out(client)
            if self.gate.token_ok(candidate):
                return None
            logger.warning("refused trainer login from locked-out client %s", conversation.short_hash(client))
            return self._locked_out(client)
        if self.gate.token_ok(candidate):
            return None
        return self._wrong_token(client)

    def _wrong_token(self, client: str) -> HTTPResponse:
        self.login_failures.hit(client)
        logger.warning("refused trainer login from client %s", conversation.short_hash(client))
        return html_response(401, trainer_page.login_page(WRONG_TOKEN), {"WWW-Authenticate": "Bearer"})

    def _trainer_denied(self, request) -> Optional[HTTPResponse]:
        """None when the request carries the trainer token or a live trainer session; otherwise
        the Dutch answer (login page, lock-out or 'not configured')."""
        gate = self.gate
        if not gate.configured:
            return html_response(503, trainer_page.not_configured_page())
        bearer = self._bearer(request)
        if bearer is not None:
            return self._checked_token(request, bearer)
        session = self.cookie(request, COOKIE_NAME)
        if gate.session_ok(session):
            return None
        message = SESSION_ENDED if session else NEED_TOKEN
        return html_response(401, trainer_page.login_page(message), {"WWW-Authenticate": "Bearer"})

    async def trainer_get(self, request) -> HTTPResponse:
        denied = self._trainer_denied(request)
        return denied or await self._sessions()

    async def trainer_group(self, request) -> HTTPResponse:
        """The group view: ?groep=..&van=..&tot=..&formaat=html|csv|print (trainers only)."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        from bot.roleplay.group import (  # lazy: bot.roleplay.group imports bot.web: a cycle
            GroupError,
            group_csv_text,
            group_view,
            none_found,
            render_group_page,
        )

        def arg(name: str) -> str:
            return " ".join(str(request.args.get(name) or "").split())

        group, start, end = arg("groep"), arg("van"), arg("tot")
        form = arg("formaat").lower() or "html"
        if form not in GROUP_FORMATS:
            return self._group_message(400, GROUP_BAD_FORMAT.format(value=form[:20]))
        records = await self._group_records(group, start, end)
        if not isinstance(records, list):
            return records
        try:
            view = group_view(records, group, start, end)
        except GroupError as exc:
            status = 200 if not (group or start or end) and form == "html" else 400  # no choice yet: the form
            if form == "csv":
                return self._group_message(status, str(exc))
            return self._group_html(status, render_group_page(records, group, start, end))
        if form == "csv":
            if not view.sessies:
                return self._group_message(404, f"{none_found(view.groep, view.van, view.tot)} {GROUP_NO_CSV}")
            text = await self.blocking(group_csv_text, records, group, start, end)
            name = re.sub(r"[^A-Za-z0-9_-]+", "-", view.groep).strip("-") or "groep"
            return _response(200, text.encode("utf-8"), "text/csv; charset=utf-8", {
                "Cache-Control": "no-store",
                "Content-Disposition": f'attachment; filename="groep-{name[:60]}.csv"',
            })
        page = await self.blocking(render_group_page, records, group, start, end, form == "print")
        return self._group_html(200, page)

    async def _group_records(self, group: str, start: str, end: str) -> Any:
        """Every stored role-play record (a list) for a group view of ``group`` from ``start`` to ``end``, or the Dutch
        answer when the group name or a date is too long or the store cannot be read."""
        if len(group) > MAX_GROUP:
            return self._group_message(400, GROUP_TOO_LONG.format(limit=MAX_GROUP))
        for what, value in (("van", start), ("tot", end)):
            if len(value) > MAX_DATE:
                return self._group_message(400, GROUP_BAD_DATE.format(what=what))
        return await self._all_records(self._group_message)

    async def _all_records(self, reply: Callable[[int, str], HTTPResponse]) -> Any:
        """Every stored role-play record (a list), or ``reply(500, STORE_ERROR)`` when the store cannot be read."""
        try:
            return list(await self.blocking(self.load_all_records))
        except Exception as exc:  # the store may be missing or broken: say so in Dutch, log the kind
            logger.error("could not read role-play records: %s", type(exc).__name__)
            return reply(500, STORE_ERROR)

    async def _group_sessions(self, values: Dict[str, str]) -> Any:
        """(records, view) of the group and period in ``values`` (``groep``, ``van``, ``tot``, as on the group page),
        or the Dutch answer: bad input, the store unreadable, or no sessions to wipe."""
        from bot.roleplay.group import GroupError, group_view, none_found  # lazy: bot.roleplay.group imports bot.web

        group, start, end = (" ".join(str(values.get(name) or "").split()) for name in ("groep", "van", "tot"))
        records = await self._group_records(group, start, end)
        if not isinstance(records, list):
            return records
        try:
            view = group_view(records, group, start, end)
        except GroupError as exc:
            return self._group_message(400, f"{exc} {GROUP_NOTHING_WIPED}")
        if not view.sessies:
            return self._group_message(404, f"{none_found(view.groep, view.van, view.tot)} {GROUP_NOTHING_WIPED}")
        return records, view

    async def trainer_group_wipe_question(self, request) -> HTTPResponse:
        """GET /trainer/groep/wissen?groep=..&van=..&tot=..: how many sessions of how many trainees wiping the group
        removes, and the button that does it. Nothing is wiped by opening this page."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        found = await self._group_sessions({name: request.args.get(name) for name in ("groep", "van", "tot")})
        if isinstance(found, HTTPResponse):
            return found
        records, view = found
        return html_response(200, trainer_page.group_wipe_question_page(view, records))

    async def trainer_group_wipe(self, request) -> HTTPResponse:
        """POST /trainer/groep/wissen (form fields ``groep``, ``van``, ``tot`` and ``sessies``, the numbers the question
        named): wipe those sessions, each as 'Wis deze sessie' does; only numbers that are still sessions of that group
        and period, so nothing is wiped that the question did not name. Protected as every POST here (same site only,
        the trainer login's SameSite cookie)."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        raw = request.body or b""
        form = urllib.parse.parse_qs(raw.decode("utf-8", "replace")) if raw else {}
        values = {name: (form.get(name) or [""])[0] for name in ("groep", "van", "tot", "sessies")}
        named = [self._session_number(part) for part in values["sessies"].replace(",", " ").split()[:ALL_SESSIONS]]
        if not named or None in named:
            return self._group_message(400, f"{GROUP_WIPE_BAD} {GROUP_NOTHING_WIPED}")
        found = await self._group_sessions(values)
        if isinstance(found, HTTPResponse):
            return found
        group_records, view = found
        # the names the page gave these sessions ("1 van Deelnemer K7"), read before the wipe removes them
        labels = trainer_page.session_label_map(group_records, [row.pk for row in group_records])
        shown = {row.id for person in view.deelnemers for row in person.sessies}
        wanted = sorted(shown & {number for number in named if number is not None})
        if not wanted:
            period = " en de gekozen periode" if values["van"] or values["tot"] else ""
            return self._group_message(404, f"{GROUP_WIPE_GONE.format(period=period)} {GROUP_NOTHING_WIPED}")
        result = await self.blocking(_forget_sessions, wanted, self.forget_session)
        logger.info("wiped %s role-play sessions of a group (%s asked, failed: %s)", len(result.sessions),
                    len(wanted), result.failed)
        notice = _sessions_report(result, view.groep, labels)
        if result.failed and not result.sessions:
            return self._trainer_message(500, WIPE_FAILED)
        return await self._sessions(notice=notice)

    def _group_html(self, status: int, page: str) -> HTTPResponse:
        """The group page keeps its stylesheet inline (the CLI writes the same page to one file);
        the CSP allows exactly that stylesheet by its hash, nothing else inline."""
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode() + "'"
            for block in _STYLE_BLOCK.findall(page)
        )
        csp = SECURITY_HEADERS["Content-Security-Policy"].replace(
            "style-src 'self';", f"style-src 'self' {hashes};" if hashes else "style-src 'self';")
        return html_response(status, page, {"Content-Security-Policy": csp})

    def _group_message(self, status: int, message: str) -> HTTPResponse:
        body = trainer_page.message_page(GROUP_TITLE, message).replace(
            "</main>", '<p><a href="/trainer/groep">Terug naar het groepsoverzicht</a></p></main>')
        return html_response(status, body)

    @staticmethod
    def _session_number(value: Any) -> Optional[int]:
        raw = " ".join(str(value or "").split())
        return int(raw) if raw.isdigit() and len(raw) <= 12 else None

    async def _stored_session(self, value: Any, bad_number: str, not_found: str) -> Any:
        """(records, the record of session ``value``) or the Dutch answer when the number is bad, the store cannot be
        read or the session is not (or no longer) there."""
        number = self._session_number(value)
        if number is None:
            return self._trainer_message(400, bad_number)
        records = await self._all_records(self._trainer_message)
        if not isinstance(records, list):
            return records
        record = next((r for r in records if getattr(r, "pk", None) == number), None)
        if record is None:
            return self._trainer_message(404, not_found.format(number=number))
        return records, record

    async def trainer_session(self, request) -> HTTPResponse:
        """GET /trainer/sessie?sessie=4: one session with its transcript, as stored (the link from a session row of
        the group page; a user test of session 25)."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        found = await self._stored_session(request.args.get("sessie"), SESSION_BAD_NUMBER, SESSION_NOT_FOUND)
        if isinstance(found, HTTPResponse):
            return found
        return html_response(200, trainer_page.session_page(found[1]))

    async def trainer_wipe_question(self, request) -> HTTPResponse:
        """GET /trainer/sessie/wissen?sessie=4: what wiping session 4 removes, and the button that does it."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        found = await self._stored_session(request.args.get("sessie"), WIPE_BAD_NUMBER, WIPE_NOT_FOUND)
        if isinstance(found, HTTPResponse):
            return found
        records, record = found
        return html_response(200, trainer_page.wipe_question_page(record, _continuing(records, record.pk), records))

    async def trainer_wipe(self, request) -> HTTPResponse:
        """POST /trainer/sessie/wissen (form field ``sessie``): wipe one role-play session when a trainee asks; the
        page's forms are protected as every POST here (same site only, the trainer login's SameSite cookie)."""
        denied = self._trainer_denied(request)
        if denied:
            return denied
        raw = request.body or b""
        form = urllib.parse.parse_qs(raw.decode("utf-8", "replace")) if raw else {}
        number = self._session_number((form.get("sessie") or [""])[0])
        if number is None:
            return self._trainer_message(400, WIPE_BAD_NUMBER)
        # the names the page gave these sessions ("1 van Deelnemer K7"), read before the wipe removes them
        stored = await self._all_records(self._trainer_message)
        if not isinstance(stored, list):
            return stored
        labels = trainer_page.session_label_map(stored, [number] + _continuing(stored, number))
        try:
            result = await self.blocking(self.forget_session, number)
        except Exception as exc:  # the store or the chat store may be down: nothing was deleted
            logger.error("could not wipe role-play session %s: %s", number, type(exc).__name__)
            return self._trainer_message(500, WIPE_FAILED)
        if not getattr(result, "found", False):
            return self._trainer_message(404, WIPE_NOT_FOUND.format(number=number))
        logger.info("wiped role-play session %s (%s sessions)", number, len(result.sessions))
        return await self._sessions(notice=_wipe_report(result, labels))

    def _trainer_message(self, status: int, message: str) -> HTTPResponse:
        body = trainer_page.message_page("Rustpunt voor trainers", message).replace(
            "</main>", '<p><a href="/trainer">Terug naar de rollenspellen</a></p></main>')
        return html_response(status, body)

    async def trainer_login(self, request) -> HTTPResponse:
        gate = self.gate
        if not gate.configured:
            return html_response(503, trainer_page.not_configured_page())
        raw = request.body or b""
        form = urllib.parse.parse_qs(raw.decode("utf-8", "replace")) if raw else {}
        token = (form.get("token") or [""])[0]
        refused = self._checked_token(request, token)
        if refused:
            return refused
        gate.logout(self.cookie(request, COOKIE_NAME))  # a new login never reuses the old session
        cookie = self._cookie_header(request, COOKIE_NAME, gate.login(), "/trainer",
                                     max_age=int(gate.session_seconds))
        return await self._sessions([cookie])

    async def trainer_logout(self, request) -> HTTPResponse:
        self.gate.logout(self.cookie(request, COOKIE_NAME))
        cookie = self._cookie_header(request, COOKIE_NAME, "", "/trainer", max_age=0)
        return html_response(200, trainer_page.login_page("Je bent uitgelogd."), cookies=[cookie])

    async def _sessions(self, cookies: Optional[List[str]] = None, notice: Optional[str] = None) -> HTTPResponse:
        try:
            records = await self.blocking(self.load_records)
        except Exception as exc:  # the store may be missing or broken: say so in Dutch, log the kind
            logger.error("could not read role-play records: %s", type(exc).__name__)
            message = f"{notice} {STORE_ERROR}" if notice else STORE_ERROR
            return html_response(500, trainer_page.message_page("Rustpunt voor trainers", message), cookies=cookies)
        try:
            problems = await self.blocking(self.load_problems)
        except Exception as exc:  # the problems are a help to the trainer; the page works without them
            logger.error("could not check the knowledge files: %s", type(exc).__name__)
            problems = []
        page = trainer_page.sessions_page(records[:SESSIONS_LISTED], notice, problems,
                                          more=len(records) >= SESSIONS_LISTED)
        return html_response(200, page, cookies=cookies)

    # ---- errors -----------------------------------------------------------------------------
    async def on_error(self, request, exception: Exception) -> HTTPResponse:
        path = getattr(request, "path", "") or ""
        if isinstance(exception, NotFound):
            return error_for(path, 404, NOT_FOUND)
        if isinstance(exception, MethodNotSupported):
            return error_for(path, 405, NOT_ALLOWED)
        if isinstance(exception, PayloadTooLarge):
            if "header" in str(exception).lower():
                return error_for(path, 431, HEADERS_TOO_LARGE)
            return error_for(path, 413, TOO_LARGE.format(kb=body_limit(self.config) // 1024))
        if isinstance(exception, RequestTimeout):
            return error_for(path, 408, TOO_SLOW_CLIENT)
        if isinstance(exception, ServiceUnavailable):
            return error_for(path, 503, SERVER_TOO_SLOW)
        if isinstance(exception, InvalidUsage):
            return error_for(path, 400, BAD_REQUEST)
        if isinstance(exception, SanicException) and 400 <= getattr(exception, "status_code", 500) < 500:
            return error_for(path, exception.status_code, BAD_REQUEST)
        logger.error("unexpected %s while handling %s", type(exception).__name__, path[:80])
        return error_for(path, 500, SERVER_ERROR)

    async def log_response(self, request, response) -> None:
        logger.info("%s %s %s", request.method, request.path[:80], response.status)


class WebApp(Sanic):
    """Sanic 21.12 rewrites its class-level Http methods at every app start ("touch-up"); a second
    app in one process (the tests start many) then fails unless the originals are kept, which is
    what ``test_mode`` does. It changes nothing else about serving."""

    test_mode = True


def build_app(site: Site) -> Sanic:
    config = site.config
    app = WebApp(f"rustpunt_web_{next(_app_numbers)}", configure_logging=False)
    app.config.REQUEST_MAX_SIZE = body_limit(config)
    app.config.REQUEST_MAX_HEADER_SIZE = MAX_HEADER
    # Sanic declares these as int but takes seconds as float.
    app.config.REQUEST_TIMEOUT = config.read_timeout  # type: ignore[assignment]
    app.config.KEEP_ALIVE_TIMEOUT = config.idle_timeout  # type: ignore[assignment]
    app.config.RESPONSE_TIMEOUT = config.chat_timeout + 15  # type: ignore[assignment]
    app.config.FALLBACK_ERROR_FORMAT = "json"

    app.register_middleware(site.guard, "request")
    app.register_middleware(site.log_response, "response")
    app.error_handler.add(Exception, site.on_error)

    get = ["GET", "HEAD"]
    app.add_route(site.index, "/", methods=get, name="index")
    app.add_route(site.index, "/index.html", methods=get, name="index_html")
    app.add_route(site.static, "/static/<name:path>", methods=get, name="static")
    app.add_route(site.favicon, "/favicon.ico", methods=get, name="favicon")
    app.add_route(site.status, "/api/status", methods=get, name="status")
    app.add_route(site.history, "/api/history", methods=get, name="history")
    app.add_route(site.chat, "/api/chat", methods=["POST"], name="chat")
    app.add_route(site.forget_conversation, "/api/gesprek/wissen", methods=["POST"], name="forget")
    app.add_route(site.trainer_get, "/trainer", methods=get, name="trainer", strict_slashes=False)
    app.add_route(site.trainer_login, "/trainer", methods=["POST"], name="trainer_login", strict_slashes=False)
    app.add_route(site.trainer_logout, "/trainer/uitloggen", methods=["POST"], name="trainer_logout")
    app.add_route(site.trainer_group, "/trainer/groep", methods=get, name="trainer_group")
    app.add_route(site.trainer_session, "/trainer/sessie", methods=get, name="trainer_session")
    app.add_route(site.trainer_group_wipe_question, "/trainer/groep/wissen", methods=get,
                  name="trainer_group_wipe_question")
    app.add_route(site.trainer_group_wipe, "/trainer/groep/wissen", methods=["POST"], name="trainer_group_wipe")
    app.add_route(site.trainer_wipe_question, "/trainer/sessie/wissen", methods=get, name="trainer_wipe_question")
    app.add_route(site.trainer_wipe, "/trainer/sessie/wissen", methods=["POST"], name="trainer_wipe")
    return app


class RustpuntServer:
    """One Sanic app on its own event loop; binds at construction (so a busy port fails early and
    port 0 gets a free one) and serves in ``serve_forever``, from any thread."""

    def __init__(self, config: WebConfig, load_records: Callable[[], List[Any]] = _load_records,
                 forget: Callable[[str], Dict[str, int]] = _forget, clock: Optional[Callable[[], float]] = None,
                 forget_chat: Callable[[str], Dict[str, int]] = _forget_chat,
                 forget_session: Callable[[int], Any] = _forget_session,
                 load_problems: Callable[[], List[str]] = _knowledge_problems,
                 load_all_records: Optional[Callable[[], List[Any]]] = None):
        self.config = config
        self.site = Site(config, load_records, forget, clock, forget_chat, forget_session, load_problems,
                         load_all_records)
        self.app = build_app(self.site)
        family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
        self.socket = socket.create_server((config.host, config.port), family=family, backlog=512)
        self.server_address = self.socket.getsockname()[:2]
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Event] = None
        self._ready = threading.Event()
        self._done = threading.Event()

    @property
    def gate(self) -> TrainerGate:
        return self.site.gate

    def serve_forever(self, poll_interval: Optional[float] = None) -> None:  # poll_interval: stdlib signature
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        finally:
            try:  # end the connections' tasks while the loop still runs, so nothing is left pending
                pending = asyncio.all_tasks(loop)
                for task in pending:
                    task.cancel()
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(asyncio.sleep(0))
            finally:
                loop.close()
                self._done.set()

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        server = await self.app.create_server(
            sock=self.socket, protocol=DeadlineProtocol, return_asyncio_server=True, access_log=False,
            backlog=512,
        )
        assert server is not None  # with return_asyncio_server=True Sanic always returns the server
        await server.startup()
        await server.before_start()
        await server.after_start()
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await server.before_stop()
            if server.server is not None:
                server.server.close()
            for connection in list(server.connections):
                connection.close_if_idle()
            for connection in list(server.connections):
                if connection.transport is not None:
                    connection.transport.abort()
            await server.after_stop()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        return self._ready.wait(timeout)

    def shutdown(self) -> None:
        if self._loop is not None and self._stop is not None and not self._done.is_set():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._done.wait(10)

    def server_close(self) -> None:
        self.socket.close()
        self.site.pool.shutdown(wait=False, cancel_futures=True)


def make_server(config: WebConfig, load_records: Callable[[], List[Any]] = _load_records,
                forget: Callable[[str], Dict[str, int]] = _forget,
                clock: Optional[Callable[[], float]] = None,
                forget_chat: Callable[[str], Dict[str, int]] = _forget_chat,
                forget_session: Callable[[int], Any] = _forget_session,
                load_problems: Callable[[], List[str]] = _knowledge_problems,
                load_all_records: Optional[Callable[[], List[Any]]] = None) -> RustpuntServer:
    return RustpuntServer(config, load_records, forget, clock, forget_chat, forget_session, load_problems,
                          load_all_records)
