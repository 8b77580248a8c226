"""Short Dutch descriptions of what the knowledge holds."""
from __future__ import annotations

from bot.knowledge.loader import Knowledge


def summary_line(knowledge: Knowledge) -> str:
    """For example: 'Nu geladen: 6 stap, 7 rol, 52 dienst.'"""
    parts = [f"{len(items)} {kind}" for kind, items in sorted(knowledge.entries.items()) if items]
    return "Nu geladen: " + (", ".join(parts) if parts else "geen items") + "."
