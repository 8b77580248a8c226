"""Short Dutch descriptions of what the knowledge holds."""
from __future__ import annotations

from bot.knowledge.loader import Knowledge


def summary_line(knowledge: Knowledge) -> str:
    """For example: 'Nu geladen: 6 stap, 7 rol, 52 dienst.'"""
    parts = [f"{len(items)} {kind}" for kind, items in sorted(knowledge.entries.items()) if items]
    return "Nu geladen: " + (", ".join(parts) if parts else "geen items") + "."


# What a trainer or consultant recognises in the chat, in their words (the CLI shows every kind: summary_line)
_FOR_USERS = (("scenario", "scenario", "scenario's"), ("kaart_dienst", "dienst in de sociale kaart",
                                                           "diensten in de sociale kaart"),
              ("vragenset", "vragenset", "vragensets"), ("rol", "rol", "rollen"))


def user_summary_line(knowledge: Knowledge) -> str:
    """For the chat: 'Nu in gebruik: 7 scenario's, 66 diensten in de sociale kaart, 6 vragensets, 7 rollen.'"""
    parts = [f"{len(items)} {one if len(items) == 1 else many}" for kind, one, many in _FOR_USERS
             if (items := knowledge.entries.get(kind))]
    return "Nu in gebruik: " + (", ".join(parts) if parts else "geen inhoud") + "."
