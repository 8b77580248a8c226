"""Loading now what the first request would otherwise wait for: the action server's models and knowledge
(``bot.action_server.warm_up``) and the trainers' page (``bot.web.server.warm_up``) run their parts through here."""
from __future__ import annotations

import logging
import time
from typing import Callable, Sequence, Tuple


def run_parts(parts: Sequence[Tuple[str, Callable[[], object]]], log: logging.Logger) -> float:
    """Run each (name, load) part, timed and logged; a part that fails is logged and skipped (it loads on first use,
    as before), never fatal. Returns the seconds it all took."""
    began = time.perf_counter()
    for name, part in parts:
        started = time.perf_counter()
        try:
            part()
        except Exception:  # noqa: BLE001 - a warm-up problem must not keep the server from starting
            log.exception("Warm-up of %s failed; it will load on first use", name)
            continue
        log.info("Warm-up: %s ready in %.2f s", name, time.perf_counter() - started)
    return time.perf_counter() - began
