"""Talk to Rasa over HTTP (REST channel and tracker API) with Dutch errors for the page."""
from __future__ import annotations

import json
import logging
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional

from bot.rasa_server import with_token

logger = logging.getLogger(__name__)

UNREACHABLE = (
    "De assistent is op dit moment niet bereikbaar. Controleer of Rustpunt draait "
    "(bijvoorbeeld met 'make run') en probeer het over een minuut opnieuw."
)
TOO_SLOW = "De assistent reageert niet op tijd. Probeer het zo nog eens."
BAD_ANSWER = "De assistent gaf een onverwacht antwoord. Probeer het nog eens of kies 'menu'."


class RasaError(Exception):
    """Rasa could not be used; ``message`` is Dutch, ``status`` is what our proxy answers."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _route(url: str) -> str:
    """The first part of the path only, for logs: no conversation id, no token."""
    path = urllib.parse.urlsplit(url).path
    return "/" + path.strip("/").split("/")[0]


def _outage_message(exc: urllib.error.HTTPError) -> str:
    """The Dutch text Rasa's channel sent with a 503 (a turn it could not record), or ''."""
    try:
        answer = json.loads(exc.read(65536).decode("utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(answer, list):
        return ""
    return " ".join(m["text"] for m in answer if isinstance(m, dict) and isinstance(m.get("text"), str))


def _request(url: str, timeout: float, body: Any = None) -> Any:
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        logger.warning("Rasa answered HTTP %s for %s", exc.code, _route(url))
        if exc.code in (502, 503, 504):
            raise RasaError(_outage_message(exc) or UNREACHABLE, 503) from exc
        raise RasaError(BAD_ANSWER, 502) from exc
    except (socket.timeout, TimeoutError) as exc:
        logger.warning("Rasa timed out for %s", _route(url))
        raise RasaError(TOO_SLOW, 504) from exc
    except (urllib.error.URLError, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise RasaError(TOO_SLOW, 504) from exc
        logger.warning("Rasa unreachable at %s: %s", _route(url), reason)
        raise RasaError(UNREACHABLE, 503) from exc
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        logger.warning("Rasa sent something that is not JSON for %s", _route(url))
        raise RasaError(BAD_ANSWER, 502) from exc


def send_message(
    rasa_url: str, sender: str, text: str, timeout: float, metadata: Optional[Dict[str, Any]] = None,
    message_id: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """POST one user message to the REST channel; Rasa's raw list of bot messages.

    ``metadata`` (already validated) goes along only when it has something in it; Rasa stores it
    on the user message in the tracker. ``message_id`` (the page's id of this message, the same on every attempt):
    a turn stored under it is answered from the store, not handled again (bot.rasa_runtime.rest_channel)."""
    body: Dict[str, Any] = {"sender": sender, "message": text}
    if message_id:
        body["message_id"] = message_id
    if metadata:
        body["metadata"] = metadata
    # the channel answers only with the token (bot.rasa_runtime.http_guard): no one reaches a conversation past this
    # server, which knows a browser's conversation from its cookie only
    answer = _request(with_token(f"{rasa_url}/webhooks/rest/webhook"), timeout, body)
    if not isinstance(answer, list):
        raise RasaError(BAD_ANSWER, 502)
    return answer


def fetch_events(rasa_url: str, sender: str, timeout: float) -> List[Dict[str, Any]]:
    """All events of a conversation from the tracker API (needs ``rasa run --enable-api``)."""
    quoted = urllib.parse.quote(sender, safe="")
    answer = _request(with_token(f"{rasa_url}/conversations/{quoted}/tracker?include_events=ALL"), timeout)
    events = answer.get("events") if isinstance(answer, dict) else None
    if not isinstance(events, list):
        raise RasaError(BAD_ANSWER, 502)
    return events


def is_up(rasa_url: str, timeout: float = 3.0) -> bool:
    """True when Rasa answers on /status with a loaded model."""
    try:
        answer = _request(with_token(f"{rasa_url}/status"), timeout)
    except RasaError:
        return False
    return isinstance(answer, dict) and bool(answer.get("model_id") or answer.get("model_file"))
