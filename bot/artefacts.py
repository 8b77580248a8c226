"""The one way to store a trained or derived artefact: built by set-up or training, stored with a key,
loaded the same way everywhere; nothing is trained on first use (policy: docs/conventions.md).

The key is a short hash of everything the artefact is made from: its inputs (examples, files), the
code version of the module that builds it and the versions of the packages it depends on. A stored
artefact whose key differs from the current one is out of date: the builder makes it again, and a
loader either falls back to its source (cheap) or says in Dutch which command builds it.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from pathlib import Path
from typing import Any, Optional, Tuple

logger = logging.getLogger(__name__)


def package_version(name: str) -> str:
    """The installed version of a package, or '' when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version  # lazy: costs a tenth of a cold CLI start

    try:
        return version(name)
    except PackageNotFoundError:
        return ""


def key_of(*parts: Any) -> str:
    """A short hash of JSON-serialisable parts (code version, package versions, inputs)."""
    payload = json.dumps(list(parts), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def store(path: Path, key: str, value: Any) -> None:
    """Write ``value`` with its ``key`` to ``path`` (atomically: a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("wb") as handle:
        pickle.dump({"key": key, "value": value}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def read(path: Path) -> Optional[Tuple[str, Any]]:
    """(key, value) stored at ``path``; None when missing or unreadable (a broken file counts as missing)."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            stored = pickle.load(handle)
        return stored["key"], stored["value"]
    except Exception:  # noqa: BLE001 - any broken or foreign file counts as missing
        logger.warning("Could not read stored artefact %s", path)
        return None


def load_current(path: Path, key: str) -> Optional[Any]:
    """The value stored at ``path`` when its key is ``key``; None when missing or out of date."""
    stored = read(path)
    if stored is None or stored[0] != key:
        return None
    return stored[1]


CACHE_KEEP = 48  # newest artefacts kept per kind in the shared cache (4 per build: a dozen builds)


def cache_dir(kind: str) -> Path:
    """The cache outside the checkout, shared by clones on this machine (like the Rasa model cache of
    scripts/train.sh): ``${XDG_CACHE_HOME:-~/.cache}/rustpunt/<kind>``, or ``$RUSTPUNT_CACHE_DIR/<kind>``."""
    root = os.environ.get("RUSTPUNT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "rustpunt")
    return Path(root) / kind


def from_cache(kind: str, name: str, key: str) -> Optional[Any]:
    """An artefact another clone built with exactly this key; None when there is none."""
    return load_current(cache_dir(kind) / f"{name}-{key}.pkl", key)


def to_cache(kind: str, name: str, key: str, value: Any) -> None:
    """Keep a built artefact in the shared cache (newest CACHE_KEEP per kind); a failure only logs."""
    folder = cache_dir(kind)
    try:
        old_umask = os.umask(0o077)
        try:
            store(folder / f"{name}-{key}.pkl", key, value)
        finally:
            os.umask(old_umask)
        stored = sorted(folder.glob("*.pkl"), key=lambda item: item.stat().st_mtime, reverse=True)
        for old in stored[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("Could not keep %s in the cache %s: %s", name, folder, error)
