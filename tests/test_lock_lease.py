"""Leased conversation locks in Redis (bot/rasa_runtime/lock_lease.py), against a real redis-server."""
from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time

import pytest
from rasa.core.lock_store import RedisLockStore

from bot.rasa_runtime import lock_lease


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_port():
    server = shutil.which("redis-server")
    assert server, "redis-server is needed (scripts/apt_install.sh installs it for the cluster)"
    port = _free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis(port=port).ping()
            break
        except redis.ConnectionError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture()
def store(redis_port, monkeypatch):
    monkeypatch.setenv(lock_lease.LEASE_ENV, "3")
    lock_lease.install()
    result = RedisLockStore(host="127.0.0.1", port=redis_port, key_prefix=f"t{time.monotonic_ns()}")
    yield result


HOLDER = """
import asyncio, sys
from rasa.core.lock_store import RedisLockStore
from bot.rasa_runtime import lock_lease
lock_lease.install()
async def main():
    store = RedisLockStore(host="127.0.0.1", port=int(sys.argv[1]), key_prefix=sys.argv[2])
    async with store.lock("gesprek-1"):
        print("vast", flush=True)
        await asyncio.sleep(120)
asyncio.run(main())
"""


async def test_a_lock_left_by_a_killed_server_is_gone_after_one_lease_not_a_minute(store, redis_port):
    import sys

    prefix = store.key_prefix[: -len("lock:")].rstrip(":")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(redis_port), prefix], stdout=subprocess.PIPE,
                              env={**__import__("os").environ, lock_lease.LEASE_ENV: "3"})
    assert holder.stdout.readline().strip() == b"vast"
    await asyncio.sleep(4)  # longer than one lease: the holder is alive and keeps its ticket
    assert store.get_lock("gesprek-1") is not None
    holder.kill()  # a Rasa server killed mid-turn
    holder.wait()
    began = time.monotonic()
    async with store.lock("gesprek-1", wait_time_in_seconds=0.2):
        waited = time.monotonic() - began
    assert waited < 4.5  # at most one lease (3 s) plus a retry, not Rasa's 60 s


async def test_a_turn_longer_than_the_lease_keeps_its_lock_until_it_is_done(store):
    order = []

    async def long_turn():
        async with store.lock("gesprek-2", wait_time_in_seconds=0.2):
            order.append("lang begint")
            await asyncio.sleep(7)  # more than two leases
            order.append("lang klaar")

    async def next_message():
        await asyncio.sleep(0.5)
        async with store.lock("gesprek-2", wait_time_in_seconds=0.2):
            order.append("volgende")

    await asyncio.gather(long_turn(), next_message())
    assert order == ["lang begint", "lang klaar", "volgende"]
    assert store.get_lock("gesprek-2") is None  # released, nothing left behind


def test_renewing_a_ticket_keeps_the_tickets_of_others(store):
    first = store.issue_ticket("gesprek-3", 3)
    second = store.issue_ticket("gesprek-3", 3)
    assert lock_lease.renew_ticket(store, "gesprek-3", first, 30)
    tickets = {t.number: t.expires for t in store.get_lock("gesprek-3").tickets}
    assert set(tickets) == {first, second}
    assert tickets[first] - time.time() > 20 and tickets[second] - time.time() < 4
    assert not lock_lease.renew_ticket(store, "gesprek-3", 999, 30)


def test_two_servers_issuing_tickets_at_the_same_moment_never_get_the_same_ticket(store, redis_port):
    """Rasa's issue_ticket reads the lock, adds a ticket and writes it back: two servers at once both got ticket 0 and
    handled the conversation at the same time (a message sent again through the other server was handled twice).
    Each change to the lock is now one Redis transaction."""
    import threading

    prefix = f"samen{time.monotonic_ns()}"
    store, other = (RedisLockStore(host="127.0.0.1", port=redis_port, key_prefix=prefix) for _ in range(2))
    issued: list = []
    start = threading.Barrier(8)

    def issue(server):
        start.wait()
        for _ in range(25):
            issued.append(server.issue_ticket("gesprek-samen", 30))

    threads = [threading.Thread(target=issue, args=(server,)) for server in (store, other) * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(issued) == 200 and len(set(issued)) == 200
    lock = store.get_lock("gesprek-samen")
    assert sorted(t.number for t in lock.tickets) == sorted(issued)  # no ticket was lost either
    for number in issued:  # finishing them all (from either server) leaves no lock behind
        (store if number % 2 else other).cleanup("gesprek-samen", number)
    assert store.get_lock("gesprek-samen") is None
