"""The knowledge loader under threads: the web page (its handlers run in threads, the trainers' page loads in the
background), the action server (warm-up thread beside the first request) and a trainer's reload may all ask for
knowledge/ at the same moment. Concurrent first calls load the files once and all get that one knowledge; a reload
is never undone by a slower load that started before it; a look at the files' dates while another thread reloads
does not wait for that reload."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, List

import pytest

from bot.knowledge import loader
from bot.knowledge.loader import Knowledge

THREADS = 8


@pytest.fixture
def slow_loads(monkeypatch, tmp_path):
    """An empty cache and a ``load_knowledge`` that takes 0.3 s and counts its calls; a folder with one file."""
    folder = tmp_path / "kennis"
    folder.mkdir()
    (folder / "a.yml").write_text("items: []\n", encoding="utf-8")
    monkeypatch.setattr(loader, "_CACHE", {})
    monkeypatch.setattr(loader, "_STAMPS", {})
    monkeypatch.setattr(loader, "_PENDING", {})
    calls: List[Knowledge] = []
    gate = {"delay": 0.3}

    def load(directory: Path, extra_files=()) -> Knowledge:
        time.sleep(gate["delay"])
        fresh = Knowledge()
        calls.append(fresh)
        return fresh

    monkeypatch.setattr(loader, "load_knowledge", load)
    return folder, calls, gate


def _all_at_once(calls: List[Callable[[], object]]) -> List[object]:
    """Run every call in its own thread, all released at the same moment; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results: List[object] = [None] * len(calls)
    errors: List[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def test_concurrent_first_calls_load_the_files_once_and_share_that_knowledge(slow_loads):
    folder, calls, _ = slow_loads
    results = _all_at_once([lambda: loader.get_knowledge(folder)] * THREADS)
    assert len(calls) == 1, f"{len(calls)} loads for {THREADS} concurrent first calls"
    assert all(result is calls[0] for result in results)


def test_the_page_the_action_server_and_the_problems_check_at_once_load_once(slow_loads):
    folder, calls, _ = slow_loads
    results = _all_at_once([lambda: loader.get_knowledge(folder), lambda: loader.current_knowledge(folder),
                            lambda: loader.pending_problems(folder)] * 3)
    assert len(calls) == 1, f"{len(calls)} loads for 9 concurrent first calls"
    assert all(result is calls[0] for result in results if isinstance(result, Knowledge))
    assert loader.knowledge_loaded(folder)


def test_a_changed_file_seen_by_several_threads_at_once_is_loaded_once(slow_loads):
    folder, calls, _ = slow_loads
    first = loader.current_knowledge(folder)
    (folder / "b.yml").write_text("items: []\n", encoding="utf-8")
    results = _all_at_once([lambda: loader.current_knowledge(folder, check_seconds=0)] * THREADS)
    assert len(calls) == 2, f"{len(calls) - 1} reloads of one change seen by {THREADS} threads"
    assert calls[1] is not first
    # a thread that came while the reload ran kept the version in use (it did not wait); none got a third version
    assert {id(result) for result in results} <= {id(first), id(calls[1])}
    assert loader.current_knowledge(folder, check_seconds=0) is calls[1]


def test_a_reload_is_not_undone_by_a_first_load_that_started_before_it(slow_loads):
    folder, calls, gate = slow_loads
    started = threading.Event()
    original = loader.load_knowledge

    def first_load(directory, extra_files=()):
        started.set()
        return original(directory, extra_files)

    loader.load_knowledge = first_load  # the fixture's monkeypatch restores the real one
    slow = threading.Thread(target=loader.get_knowledge, args=(folder,))
    slow.start()
    assert started.wait(5)
    loader.load_knowledge = original
    gate["delay"] = 0.0
    reloaded = loader.reload_knowledge(folder)  # the trainer's 'herlaad de kennis', while the first load runs
    slow.join(timeout=10)
    assert loader.get_knowledge(folder) is reloaded
