"""Per-client limits: a sliding-window rate limit and a lockout after wrong trainer tokens.

A client is its remote address (the server binds to loopback by default). Behind a reverse proxy every request comes
from the proxy's address; with ``RUSTPUNT_TRUSTED_PROXIES`` set to that proxy (:func:`client_address`) the client is
the address the proxy puts in ``X-Forwarded-For``, and only then: a header from anyone else is ignored, so a client
cannot pick another address to escape its limit (docs/web.md). Memory stays bounded: windows only hold timestamps of
the last minute, and at most ``MAX_CLIENTS`` clients are tracked.
"""
from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from typing import Callable, Deque, Dict, Iterable, Optional, Sequence, Union

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]
MAX_HOPS = 20  # addresses read from the end of X-Forwarded-For


def _address(text: str) -> Optional[Union[ipaddress.IPv4Address, ipaddress.IPv6Address]]:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, proxies: Sequence[Network]) -> bool:
    return address is not None and any(address.version == net.version and address in net for net in proxies)


def client_address(peer: Optional[str], forwarded: Iterable[str], proxies: Sequence[Network]) -> str:
    """The client of a request that arrived from ``peer``: the peer itself, unless it is a trusted proxy; then the
    last address in ``X-Forwarded-For`` (``forwarded``: the header's values) that is not a trusted proxy (each proxy
    appends the address it got the request from; what comes before may be made up by the client)."""
    peer = peer or "onbekend"
    if not proxies or not _trusted(_address(peer), proxies):
        return peer
    hops = [hop for value in forwarded for hop in str(value).split(",") if hop.strip()][-MAX_HOPS:]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return peer  # a malformed header: the proxy's own address, as without it
        if not _trusted(address, proxies):
            return str(address)
    return peer

WINDOW = 60.0
MAX_CLIENTS = 10_000


class SlidingWindow:
    """At most ``limit`` events per client in any ``window`` seconds."""

    def __init__(self, limit: int, window: float = WINDOW, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: Dict[str, Deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> Deque[float]:
        events = self._events.get(client)
        if events is None:
            if len(self._events) >= MAX_CLIENTS:
                self._prune(now)
            events = self._events.setdefault(client, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._events.items() if not v or v[-1] <= now - self.window]:
            del self._events[key]
        if len(self._events) >= MAX_CLIENTS:  # still full of active clients: forget the oldest
            for key in list(self._events)[: len(self._events) // 2]:
                del self._events[key]

    def full(self, client: str) -> bool:
        """True when the client has used up its events (nothing is counted)."""
        with self._lock:
            return len(self._recent(client, self.clock())) >= self.limit

    def hit(self, client: str) -> bool:
        """Count one event; False (and not counted) when the limit is reached."""
        with self._lock:
            now = self.clock()
            events = self._recent(client, now)
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True

    def retry_after(self, client: str) -> int:
        """Seconds until the client may try again (at least 1)."""
        with self._lock:
            now = self.clock()
            events = self._recent(client, now)
            if len(events) < self.limit:
                return 0
            return max(1, int(events[0] + self.window - now + 0.999))
