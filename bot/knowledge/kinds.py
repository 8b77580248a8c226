"""The registry of knowledge kinds: the value of ``soort:`` in a YAML file -> its model.

A capability adds its kind here, and nowhere else.
"""
from __future__ import annotations

from typing import Dict, Type

from bot.knowledge.base import Entry


def registry() -> Dict[str, Type[Entry]]:
    """Map every ``soort`` name to its pydantic model (imported lazily, once per call)."""
    from bot.knowledge.models import KINDS

    return dict(KINDS)
