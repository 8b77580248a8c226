"""The HTTP server: static page, chat proxy to Rasa, trainers' page.

Why the standard library (``http.server.ThreadingHTTPServer``) and not Sanic: the page needs
a handful of routes and a blocking proxy call, which threads handle well; no dependency, no
event loop shared with Rasa's pinned Sanic 21, and it starts in milliseconds.
"""
from __future__ import annotations

import json
import logging
import mimetypes
import re
import urllib.parse
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from bot.web import messages, rasa_client, trainer_page
from bot.web.metadata import clean_metadata
from bot.web.config import WebConfig
from bot.web.trainer_auth import COOKIE_NAME, TrainerGate

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY = 16_384
MAX_MESSAGE = 2000
SENDER_RE = re.compile(r"^[A-Za-z0-9_-]{8,80}$")
TRAINER_KIND = "rollenspel"

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
LONG_MESSAGE = f"Je bericht is te lang: maximaal {MAX_MESSAGE} tekens."
BAD_SENDER = "Onbekende gespreks-id. Vernieuw de pagina om een nieuw gesprek te beginnen."
BAD_REQUEST = "Dit verzoek kan ik niet lezen."
NOT_FOUND = "Deze pagina bestaat niet."
WRONG_TOKEN = "Dit token klopt niet. Toegang geweigerd."
NEED_TOKEN = "Log in met het trainerstoken om de rollenspellen te zien."
STORE_ERROR = "De opgeslagen rollenspellen konden niet worden gelezen. Probeer het later opnieuw."


def _load_records() -> List[Any]:
    from bot.records import list_records

    return list_records(kind=TRAINER_KIND, limit=200)


class RustpuntServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: WebConfig, load_records: Callable[[], List[Any]] = _load_records) -> None:
        self.config = config
        self.gate = TrainerGate(config.trainer_token, config.trainer_configured)
        self.load_records = load_records
        self.static_files = {p.name: p for p in STATIC_DIR.iterdir() if p.is_file()}
        super().__init__((config.host, config.port), Handler)


class Handler(BaseHTTPRequestHandler):
    server: RustpuntServer
    server_version = "Rustpunt"
    sys_version = ""

    # ---- plumbing -------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        logger.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: bytes, content_type: str, extra: Optional[Dict[str, str]] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in SECURITY_HEADERS.items():
            self.send_header(key, value)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", {"Cache-Control": "no-store"})

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"fout": message})

    def _html(self, status: int, html: str, extra: Optional[Dict[str, str]] = None) -> None:
        headers = {"Cache-Control": "no-store"}
        headers.update(extra or {})
        self._send(status, html.encode("utf-8"), "text/html; charset=utf-8", headers)

    def _read_body(self) -> Optional[bytes]:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY:
            return None
        return self.rfile.read(length) if length else b""

    def _path(self) -> str:
        return urllib.parse.urlsplit(self.path).path

    def _query(self) -> Dict[str, List[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)

    # ---- routing --------------------------------------------------------------------------
    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        path = self._path()
        if path in ("/", "/index.html"):
            self._static("index.html")
        elif path.startswith("/static/"):
            self._static(path[len("/static/"):])
        elif path == "/api/status":
            up = rasa_client.is_up(self.server.config.rasa_url)
            self._json(200, {"bereikbaar": up, "melding": None if up else rasa_client.UNREACHABLE})
        elif path == "/api/history":
            self._history()
        elif path in ("/trainer", "/trainer/"):
            self._trainer_get()
        elif path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        else:
            self._not_found()

    def do_POST(self) -> None:  # noqa: N802
        path = self._path()
        if path == "/api/chat":
            self._chat()
        elif path in ("/trainer", "/trainer/"):
            self._trainer_login()
        elif path == "/trainer/uitloggen":
            self._html(
                200,
                trainer_page.login_page("Je bent uitgelogd."),
                {"Set-Cookie": f"{COOKIE_NAME}=; Path=/trainer; Max-Age=0; HttpOnly; SameSite=Strict"},
            )
        else:
            self._not_found()

    def _not_found(self) -> None:
        if self._path().startswith("/api/"):
            self._error(404, NOT_FOUND)
        else:
            self._html(404, trainer_page.message_page("Niet gevonden", NOT_FOUND))

    # ---- static files ---------------------------------------------------------------------
    def _static(self, name: str) -> None:
        target = self.server.static_files.get(name)  # only files that exist in static/, by exact name
        if target is None:
            self._not_found()
            return
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        self._send(200, target.read_bytes(), content_type, {"Cache-Control": "no-cache"})

    # ---- chat proxy -----------------------------------------------------------------------
    def _chat(self) -> None:
        raw = self._read_body()
        try:
            payload = json.loads(raw.decode("utf-8")) if raw else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            payload = None
        if not isinstance(payload, dict):
            self._error(400, BAD_REQUEST)
            return
        sender, text = payload.get("sender"), payload.get("message")
        if not isinstance(sender, str) or not SENDER_RE.match(sender):
            self._error(400, BAD_SENDER)
            return
        if not isinstance(text, str) or not text.strip():
            self._error(400, EMPTY_MESSAGE)
            return
        if len(text) > MAX_MESSAGE:
            self._error(413, LONG_MESSAGE)
            return
        config = self.server.config
        try:
            raw_answer = rasa_client.send_message(config.rasa_url, sender, text.strip(), config.chat_timeout,
                                                  metadata=clean_metadata(payload.get("metadata")))
        except rasa_client.RasaError as exc:
            self._error(exc.status, exc.message)
            return
        self._json(200, {"berichten": messages.from_rest_output(raw_answer)})

    def _history(self) -> None:
        sender = (self._query().get("sender") or [""])[0]
        if not SENDER_RE.match(sender):
            self._error(400, BAD_SENDER)
            return
        config = self.server.config
        try:
            events = rasa_client.fetch_events(config.rasa_url, sender, config.history_timeout)
        except rasa_client.RasaError as exc:
            self._error(exc.status, exc.message)
            return
        self._json(200, {"berichten": messages.from_tracker_events(events)})

    # ---- trainers' page -------------------------------------------------------------------
    def _cookie(self) -> Optional[str]:
        try:
            jar = SimpleCookie(self.headers.get("Cookie") or "")
        except CookieError:
            return None
        morsel = jar.get(COOKIE_NAME)
        return morsel.value if morsel else None

    def _bearer(self) -> Optional[str]:
        header = self.headers.get("Authorization") or ""
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return None

    def _trainer_get(self) -> None:
        gate = self.server.gate
        if not gate.configured:
            self._html(503, trainer_page.not_configured_page())
            return
        bearer = self._bearer()
        if bearer is not None:
            if gate.token_ok(bearer):
                self._trainer_sessions()
            else:
                self._html(401, trainer_page.login_page(WRONG_TOKEN), {"WWW-Authenticate": "Bearer"})
            return
        if gate.cookie_ok(self._cookie()):
            self._trainer_sessions()
            return
        self._html(401, trainer_page.login_page(NEED_TOKEN), {"WWW-Authenticate": "Bearer"})

    def _trainer_login(self) -> None:
        gate = self.server.gate
        if not gate.configured:
            self._html(503, trainer_page.not_configured_page())
            return
        raw = self._read_body()
        form = urllib.parse.parse_qs(raw.decode("utf-8", "replace")) if raw else {}
        token = (form.get("token") or [""])[0]
        if not gate.token_ok(token):
            logger.warning("refused trainer login from %s", self.address_string())
            self._html(401, trainer_page.login_page(WRONG_TOKEN), {"WWW-Authenticate": "Bearer"})
            return
        cookie = f"{COOKIE_NAME}={gate.cookie_value()}; Path=/trainer; HttpOnly; SameSite=Strict"
        self._trainer_sessions({"Set-Cookie": cookie})

    def _trainer_sessions(self, extra: Optional[Dict[str, str]] = None) -> None:
        try:
            records = self.server.load_records()
        except Exception:  # the store may be missing or broken: say so in Dutch, log the cause
            logger.exception("could not read role-play records")
            self._html(500, trainer_page.message_page("Rustpunt voor trainers", STORE_ERROR), extra)
            return
        self._html(200, trainer_page.sessions_page(records), extra)


def make_server(config: WebConfig, load_records: Callable[[], List[Any]] = _load_records) -> RustpuntServer:
    return RustpuntServer(config, load_records)
