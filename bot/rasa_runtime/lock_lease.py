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

Rasa's own changes to the lock are not atomic either: issuing a ticket, removing expired ones and
finishing one each read the lock from Redis, change it and write it back. Two servers that issue a
ticket for one conversation at the same moment (the web page sending a message again through the other
server while the first still waits) both read "no tickets", both write ticket 0, and both handle the
conversation at once: the same message was handled twice (tests/test_message_ids_s29.py, on
PostgreSQL). A finish could also drop a ticket issued meanwhile, or delete the lock under it. Here all
of them are Redis transactions (WATCH, retried when another server changed the lock in between).
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
    """Set ``ticket``'s expiry to now + ``lease`` (one Redis transaction, :func:`change_lock`); False when the ticket
    is no longer there."""

    def renew(lock: Any) -> Any:
        found = [t for t in (lock.tickets if lock is not None else []) if t.number == ticket]
        if not found:
            return False, None
        found[0].expires = time.time() + lease
        return True, lock

    return bool(change_lock(store, conversation_id, renew))


async def _keep_alive(store: Any, conversation_id: Text, ticket: int, lease: float) -> None:
    while True:
        await asyncio.sleep(lease / 3)
        try:
            if not renew_ticket(store, conversation_id, ticket, lease):
                return
        except Exception as exc:  # noqa: BLE001 - Redis away: Rasa's own calls report it; try again later
            log.warning("Could not renew the lock of a conversation: %s", type(exc).__name__)


def change_lock(store: Any, conversation_id: Text, change: Any) -> Any:
    """Read the conversation's lock, let ``change(lock or None)`` change it and write it back in one Redis transaction
    (WATCH; read again when another server changed it in between). ``change`` returns ``(result, keep)``: ``keep`` is
    False to delete the lock (no tickets left), None to leave Redis as it is. Returns ``result``."""
    import redis
    from rasa.core.lock import TicketLock

    key = store.key_prefix + conversation_id
    for _ in range(100):
        with store.red.pipeline() as pipe:
            try:
                pipe.watch(key)
                raw = pipe.get(key)
                lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                result, keep = change(lock)
                pipe.multi()
                if keep is False:
                    pipe.delete(key)
                elif keep is not None:
                    pipe.set(key, keep.dumps())
                pipe.execute()
                return result
            except redis.WatchError:
                continue
    raise RuntimeError("the conversation lock kept changing under us")  # 100 servers at once: not this set-up


def issue_ticket(store: Any, conversation_id: Text, lifetime: float) -> int:
    from rasa.core.lock import TicketLock

    def change(lock: Any) -> Any:
        lock = lock or TicketLock(conversation_id)
        return lock.issue_ticket(lifetime), lock

    return change_lock(store, conversation_id, change)


def finish(store: Any, conversation_id: Text, ticket: int) -> None:
    """Remove ``ticket``; delete the lock when no ticket is left (Rasa's ``cleanup``, in one transaction)."""

    def change(lock: Any) -> Any:
        if lock is None:
            return None, None
        lock.remove_ticket_for(ticket)
        return None, lock if lock.is_someone_waiting() else False

    change_lock(store, conversation_id, change)


def drop_expired(store: Any, conversation_id: Text) -> None:
    """Rasa's ``update_lock`` (remove expired tickets), in one transaction."""

    def change(lock: Any) -> Any:
        if lock is None:
            return None, None
        lock.remove_expired_tickets()
        return None, lock

    change_lock(store, conversation_id, change)


def install() -> None:
    """Make ``RedisLockStore.lock`` issue leased tickets, and every change to a lock atomic (once per process)."""
    global _installed
    if _installed:
        return
    from rasa.core.lock import TicketLock
    from rasa.core.lock_store import RedisLockStore

    RedisLockStore.issue_ticket = lambda self, conversation_id, lock_lifetime=DEFAULT_LEASE: issue_ticket(
        self, conversation_id, lock_lifetime)
    RedisLockStore.update_lock = lambda self, conversation_id: drop_expired(self, conversation_id)
    RedisLockStore.finish_serving = lambda self, conversation_id, ticket_number: finish(
        self, conversation_id, ticket_number)
    RedisLockStore.cleanup = lambda self, conversation_id, ticket_number: finish(self, conversation_id, ticket_number)

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
