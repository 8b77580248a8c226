"""Log files under the retention period. The components' logs (var/logs/<name>.log, var/cluster/logs/<name>.log) hold no
typed text (masked before logging, the action server's error answers without their request body), but logs of earlier
versions could, and the promise to organisations is that nothing of a conversation is kept past the retention period.
So every start puts the logs of the previous run aside (``<name>.log`` -> ``<name>.log.<UTC time of the move>``), and
the retention clean-up deletes the logs put aside more than the general period ago, and logs nothing has written to
for that long."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

STAMP = "%Y%m%dT%H%M%S"


def rotate(log_dir: Path, now: Optional[datetime] = None) -> int:
    """Put every non-empty ``*.log`` in ``log_dir`` aside with the time of this start; the number put aside."""
    if not log_dir.is_dir():
        return 0
    stamp = (now or datetime.now(timezone.utc)).strftime(STAMP)
    moved = 0
    for path in sorted(log_dir.glob("*.log")):
        if path.is_file() and path.stat().st_size:
            os.replace(path, path.with_name(f"{path.name}.{stamp}"))
            moved += 1
    return moved


def remove_old(log_dirs: Iterable[Path], cutoff: float) -> int:
    """Delete the logs in ``log_dirs`` last written before ``cutoff`` (a POSIX time): those put aside by ``rotate``
    and current ones nothing wrote to since; the number deleted."""
    removed = 0
    for log_dir in log_dirs:
        if not log_dir.is_dir():
            continue
        for path in log_dir.iterdir():
            if (path.name.endswith(".log") or ".log." in path.name) and path.is_file() \
                    and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
    return removed
