"""All knowledge kinds: ``soort`` name in a YAML file -> pydantic model.

Each capability defines its models in its own package and adds one line here.
"""
from __future__ import annotations

from typing import Dict, Type

from bot.knowledge.base import Entry

KINDS: Dict[str, Type[Entry]] = {}
from bot.steps.models import JouwRol, Stap, StapVoorbeelden, Valkuil  # noqa: E402
KINDS.update({"stap": Stap, "valkuil": Valkuil, "jouw_rol": JouwRol, "stap_voorbeelden": StapVoorbeelden})
