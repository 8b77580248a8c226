"""Scenario and move lookup, with reload when knowledge files change.

The knowledge is re-read (``get_knowledge(reload=True)``) as soon as a ``.yml`` file under
``knowledge/`` was added, removed or changed; this is checked whenever the scenario list is
asked for or a scenario is looked up, so a trainer's new scenario appears in the chat without
restarting the action server or retraining Rasa.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bot.knowledge.loader import Knowledge, get_knowledge
from bot.roleplay.models import Scenario, Zet

_FINGERPRINT: Dict[str, Tuple] = {}


def _fingerprint(directory: Path) -> Tuple:
    items = []
    for path in sorted(directory.rglob("*")):
        if path.suffix in {".yml", ".yaml"} and path.is_file():
            stat = path.stat()
            items.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(items)


def knowledge(directory: Optional[Path] = None) -> Knowledge:
    """The cached knowledge, re-read when a knowledge file changed since the last call."""
    from bot.paths import knowledge_dir

    directory = Path(directory or knowledge_dir())
    key = str(directory.resolve())
    current = _fingerprint(directory) if directory.is_dir() else ()
    changed = _FINGERPRINT.get(key) != current
    _FINGERPRINT[key] = current
    return get_knowledge(directory, reload=changed)


def scenarios(directory: Optional[Path] = None) -> List[Scenario]:
    return sorted(knowledge(directory).all("scenario"), key=lambda s: s.titel.lower())


def get_scenario(scenario_id: str, directory: Optional[Path] = None) -> Optional[Scenario]:
    return knowledge(directory).get("scenario", scenario_id)


def moves(directory: Optional[Path] = None) -> Dict[str, Zet]:
    return {zet.id: zet for zet in knowledge(directory).all("rollenspel_zet")}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def find_scenario(text: str, directory: Optional[Path] = None) -> Optional[Scenario]:
    """A scenario by id, list number (1, 2, ...) or (part of) its title; None when unclear."""
    options = scenarios(directory)
    wanted = _norm(text)
    if not wanted:
        return None
    if wanted.isdigit():
        index = int(wanted) - 1
        return options[index] if 0 <= index < len(options) else None
    for scenario in options:
        if wanted in (_norm(scenario.id), _norm(scenario.titel)):
            return scenario
    hits = [s for s in options if len(wanted) >= 4 and wanted in _norm(s.titel + " " + s.samenvatting)]
    return hits[0] if len(hits) == 1 else None
