"""Conversation locks in Redis that a live server keeps renewing, so a killed server's lock goes quickly.

Rasa keeps one conversation's messages in order with a ticket lock (``rasa/core/lock_store.py``): each
message takes a ticket that expires ``TICKET_LOCK_LIFETIME`` seconds (default 60) after it was issued.
A Rasa server killed while it held a ticket leaves it in Redis, and the next message of that
conversation (answered by another server) waits until it expires: up to a minute. A shorter fixed
lifetime is not safe: a turn that takes longer (a slow action, a busy machine) would lose its ticket
while it still runs, and the next message of the conversation would be handled at the same time.

Here each ticket is a lease: issued for ``RUSTPUNT_LOCK_LEASE`` seconds (default 10) and, while the
message is waiting or being handled, renewed every third of that. A live server never loses its
ticket, however long the turn takes; a killed server stops renewing and its ticket is gone at most
one lease later. The renewal changes only this ticket's expiry, in a Redis transaction (WATCH), so it
never overwrites a ticket another server issued at the same moment. Only ``RedisLockStore`` is
changed; the in-memory lock store of the single-machine ``make run`` dies with its process anyway.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Mapping, Optional, Text

log = logging.getLogger(__name__)

LEASE_ENV = "RUSTPUNT_LOCK_LEASE"
DEFAULT_LEASE = 10.0
_installed = False


def lease_seconds(env: Optional[Mapping[str, str]] = None) -> float:
    source: Mapping[str, str] = os.environ if env is None else env
    try:
        value = float(source.get(LEASE_ENV) or DEFAULT_LEASE)
    except ValueError:
        value = DEFAULT_LEASE
    return max(3.0, value)


def renew_ticket(store: Any, conversation_id: Text, ticket: int, lease: float) -> bool:
    """Set ``ticket``'s expiry to now + ``lease``; False when the ticket is no longer there."""
    import redis

    key = store.key_prefix + conversation_id
    for _ in range(5):
        with store.red.pipeline() as pipe:
            try:
                pipe.watch(key)
                raw = pipe.get(key)
                if raw is None:
                    return False
                data = json.loads(raw)
                tickets = [json.loads(t) for t in data.get("tickets") or []]  # Rasa stores each as JSON text
                found = [t for t in tickets if t.get("number") == ticket]
                if not found:
                    return False
                found[0]["expires"] = time.time() + lease
                data["tickets"] = [json.dumps(t) for t in tickets]
                pipe.multi()
                pipe.set(key, json.dumps(data))
                pipe.execute()
                return True
            except redis.WatchError:
                continue  # someone else changed the lock between our read and write: read again
    return False


async def _keep_alive(store: Any, conversation_id: Text, ticket: int, lease: float) -> None:
    while True:
        await asyncio.sleep(lease / 3)
        try:
            if not renew_ticket(store, conversation_id, ticket, lease):
                return
        except Exception as exc:  # noqa: BLE001 - Redis away: Rasa's own calls report it; try again later
            log.warning("Could not renew the lock of a conversation: %s", type(exc).__name__)


def install() -> None:
    """Make ``RedisLockStore.lock`` issue leased tickets (once per process)."""
    global _installed
    if _installed:
        return
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import RedisLockStore

    @asynccontextmanager
    async def lock(
        self: RedisLockStore,
        conversation_id: Text,
        lock_lifetime: Optional[float] = None,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        lease = lease_seconds()
        ticket = self.issue_ticket(conversation_id, lease)
        renewal = asyncio.ensure_future(_keep_alive(self, conversation_id, ticket, lease))
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            renewal.cancel()
            self.cleanup(conversation_id, ticket)

    RedisLockStore.lock = lock
    _installed = True
