"""A fake Rasa and the web server process around it, for tests and ``scripts/web_abuse_bench.py``.

``FakeRasa`` answers like Rasa 3.6's REST webhook (``POST /webhooks/rest/webhook``), ``GET /status`` and
the tracker endpoint (``GET /conversations/<id>/tracker``), keeping each conversation's events apart in
``server.events`` as Rasa's tracker store does. Subclasses change what it says by overriding ``answer``.
``start_fake_rasa`` serves it on a free port in a thread; ``start_web_process`` starts the real
``python -m bot.web`` against it and waits until the page is served.
"""
from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_all(sock: socket.socket) -> bytes:
    """Everything the other side sends until it closes the connection (or resets it, or times out)."""
    chunks = []
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (ConnectionResetError, socket.timeout):
        pass
    return b"".join(chunks)


class FakeRasa(BaseHTTPRequestHandler):
    """Echoes each message ("Je zei: ...") and records both turns in that conversation's tracker."""

    model_status: dict = {"model_id": "fake"}

    def log_message(self, *args):  # keep test output clean
        pass

    def reply(self, body, status: int = 200, content_type: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_json(self):
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def tracker_events(self, sender: str) -> list:
        return self.server.events.get(sender, [])

    def do_GET(self):  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        if path == "/status":
            self.reply(self.model_status)
        elif path.startswith("/conversations/") and path.endswith("/tracker"):
            self.reply({"events": self.tracker_events(urllib.parse.unquote(path.split("/")[2]))})
        else:
            self.reply({"error": "not found"}, 404)

    def answer(self, body: dict) -> list:
        return [{"text": f"Je zei: {body['message']}"}]

    def do_POST(self):  # noqa: N802
        body = self.read_json()
        answer = self.answer(body)
        events = self.server.events.setdefault(body["sender"], [])
        events.append({"event": "user", "text": body["message"]})
        for item in answer:
            event = {"event": "bot", "text": item.get("text")}
            data = {k: v for k, v in item.items() if k != "text"}
            if data:
                event["data"] = data
            events.append(event)
        self.reply(answer)


def serve(server):
    """Serve ``server`` in a daemon thread; returns it."""
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def stop(*servers) -> None:
    for server in servers:
        server.shutdown()
        server.server_close()


def start_fake_rasa(handler: type[FakeRasa] = FakeRasa, **state) -> ThreadingHTTPServer:
    """A fake Rasa on a free port; ``server.url`` is its address, ``state`` becomes its attributes."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.events = {}
    for name, value in state.items():
        setattr(server, name, value)
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    return serve(server)


class WebProcess:
    """``python -m bot.web`` in its own process group, on ``port``."""

    def __init__(self, port: int, process: subprocess.Popen, log: Path | None) -> None:
        self.port, self.process, self.log = port, process, log

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log else ""

    def page_served(self) -> bool:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            conn.request("GET", "/")
            ok = conn.getresponse().status == 200
            conn.close()
            return ok
        except OSError:
            return False

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)


def start_web_process(rasa_url: str, env: dict[str, str] | None = None, *, src: Path = ROOT,
                      log: Path | None = None, timeout: float = 60) -> WebProcess:
    """Start ``python -m bot.web`` (from ``src``) on a free port against ``rasa_url``; wait until the page
    is served. Raises RuntimeError (with the end of the log) when it exits or does not come up in time."""
    port = free_port()
    full_env = dict(os.environ, PYTHONPATH=str(src), PYTHONUNBUFFERED="1", RUSTPUNT_WEB_PORT=str(port),
                    RUSTPUNT_RASA_URL=rasa_url, **(env or {}))
    full_env.pop("RUSTPUNT_WEB_HOST", None)
    output = open(log, "wb") if log else subprocess.DEVNULL
    try:
        process = subprocess.Popen([sys.executable, "-m", "bot.web"], cwd=src, env=full_env, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    finally:
        if log:
            output.close()
    web = WebProcess(port, process, log)
    deadline = time.monotonic() + timeout
    while not web.page_served():
        if not web.alive() or time.monotonic() > deadline:
            web.stop()
            raise RuntimeError(f"web server did not start:\n{web.log_text()[-2000:]}")
        time.sleep(0.2)
    return web
