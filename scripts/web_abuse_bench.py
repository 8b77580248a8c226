"""Measure the web server under abuse: ``python scripts/web_abuse_bench.py [--src DIR]``.

Starts ``python -m bot.web`` (from DIR, default this checkout; point it at an export of an older
commit to compare) with a fake Rasa on free ports and prints, per attack, what the attacker got,
how long it took, and how long another client waited meanwhile.
"""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.fake_rasa import read_all, start_fake_rasa, start_web_process, stop  # noqa: E402 - after the path

TOKEN = "bench-trainerstoken-123456"


def status_line(data: bytes) -> str:
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    return line[9:12] if line.startswith("HTTP/") else "verbinding verbroken"


class Bench:
    def __init__(self, port: int, pid: int) -> None:
        self.port, self.pid = port, pid

    def probe(self) -> float:
        start = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        body = json.dumps({"sender": "bench-sender-0001", "message": "hallo"})
        conn.request("POST", "/api/chat", body=body, headers={"Content-Type": "application/json"})
        conn.getresponse().read()
        conn.close()
        return time.monotonic() - start

    def threads(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
        return -1

    def raw(self, data: bytes, timeout: float = 30) -> tuple:
        start = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as sock:
            try:
                sock.sendall(data)
            except OSError:
                pass
            answer = read_all(sock)
        return status_line(answer), time.monotonic() - start


def run(src: Path) -> None:
    rasa = start_fake_rasa()
    web = start_web_process(rasa.url, {"RUSTPUNT_TRAINER_TOKEN": TOKEN, "RUSTPUNT_WEB_CHAT_PER_MINUTE": "100000"},
                            src=src)
    proc, port = web.process, web.port
    bench = Bench(port, proc.pid)
    try:
        base = [bench.probe() for _ in range(10)]
        print(f"bron: {src}")
        print(
            f"gewone chat (10x): p50 {statistics.median(base) * 1000:.1f} ms; threads in het proces: {bench.threads()}"
        )

        # backslashes in a quoted value: http.cookies.SimpleCookie takes quadratic time on these
        cookie = b'a="' + b"\\\\" * 31_000 + b'"'
        code, took = bench.raw(b"GET /trainer HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: "
                               + cookie + b"\r\n\r\n", timeout=30)
        print(f"cookie van {len(cookie) // 1000} kB op /trainer: {code} na {took * 1000:.0f} ms "
              "(na 30 s geeft de meting op)")

        body = b"[" * 15_000
        code, took = bench.raw(
            b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body) + body
        )
        print(f"JSON 15.000 niveaus diep: {code} na {took * 1000:.0f} ms; proces leeft: {proc.poll() is None}")

        code, took = bench.raw(
            b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10485760\r\n\r\n" + b"x" * 65536
        )
        print(f"lichaam van 10 MB (opgegeven): {code} na {took * 1000:.0f} ms")

        idle = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(100)]
        time.sleep(0.5)
        during = [bench.probe() for _ in range(10)]
        print(f"100 stille verbindingen: andere client p50 {statistics.median(during) * 1000:.1f} ms, "
              f"max {max(during) * 1000:.1f} ms; threads in het proces: {bench.threads()}")
        time.sleep(6)
        still_open = 0
        for sock in idle:
            sock.setblocking(False)
            try:
                still_open += sock.recv(1) == b"" and 0 or 0
            except BlockingIOError:
                still_open += 1
            except OSError:
                pass
            sock.close()
        print(f"na 6 s nog open: {still_open} van 100")

        sock = socket.create_connection(("127.0.0.1", port), timeout=40)
        start = time.monotonic()
        closed = None
        try:
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Traag: " + b"a" * 300:
                sock.sendall(bytes([byte]))
                time.sleep(0.1)
                if time.monotonic() - start > 30:
                    break
        except OSError:
            closed = time.monotonic() - start
        sock.settimeout(0.5)
        try:
            if sock.recv(65536) == b"" and closed is None:
                closed = time.monotonic() - start
            elif closed is None:
                closed = time.monotonic() - start
        except socket.timeout:
            pass
        sock.close()
        print("trage client (10 bytes/s): " + (f"afgesloten na {closed:.1f} s" if closed else "na 30 s nog open"))
        print(f"proces leeft aan het eind: {proc.poll() is None}")
    finally:
        web.stop()
        stop(rasa)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT, help="map met bot/ (standaard deze checkout)")
    run(parser.parse_args().src.resolve())
