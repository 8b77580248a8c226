"""Forget on request: a whole conversation, or every role-play session of one participant.

``forget_conversation`` is used by ``rustpunt vergeet <gespreks-id>`` and by the web page's
"Wis dit gesprek" button; it removes the conversation's events from Rasa's tracker database
(see ``bot.privacy.tracker_db``) and every record of our own store made from it. ``forget_chat``
("Nieuw gesprek") removes only the events: call-backs, summaries, plans and sessions stay.
"""
from __future__ import annotations

from typing import Dict, List

from bot import records
from bot.privacy import tracker_db
from bot.wording import counted, join_list

EVENTS = "gespreksgebeurtenissen"

# The answer to a typed request to forget (``bot.commands.is_forget_request``), wherever it is typed.
HOW_TO_FORGET = (
    "Op de webpagina wis je dit gesprek met de knop 'Wis dit gesprek' bovenaan: alles wat je in dit gesprek typte en "
    "wat Rustpunt ervan bewaarde, wordt dan verwijderd (ook terugbelverzoeken, samenvattingen, plannen en "
    "rollenspelsessies uit dit gesprek). Een beheerder kan een gesprek ook wissen met 'rustpunt vergeet'."
)

# Dutch names for the report: kind -> (singular, plural)
_NOUNS = {
    EVENTS: ("gebeurtenis uit het gesprek", "gebeurtenissen uit het gesprek"),
    "intake_samenvatting": ("intakesamenvatting", "intakesamenvattingen"),
    "terugbelverzoek": ("terugbelverzoek", "terugbelverzoeken"),
    "terugbel_contact": ("versleuteld contactgegeven", "versleutelde contactgegevens"),
    "gespreksplan": ("gespreksplan", "gespreksplannen"),
    "rollenspel": ("rollenspelsessie", "rollenspelsessies"),
    "rol_quiz": ("rollenquiz", "rollenquizzen"),
    "terugbel_contactgegevens": ("contactgegeven van een terugbelverzoek", "contactgegevens van terugbelverzoeken"),
}


def forget_conversation(conversation_id: str) -> Dict[str, int]:
    """Delete the conversation's tracker events and every record with this conversation id.
    Returns what was removed: ``{"gespreksgebeurtenissen": n, <record kind>: n, ...}`` (only
    non-zero counts; an empty dict means nothing with this id was found)."""
    conversation_id = str(conversation_id or "").strip()
    if not conversation_id:
        return {}
    removed: Dict[str, int] = {}
    events = tracker_db.delete_conversations([conversation_id])
    if events:
        removed[EVENTS] = events
    removed.update(records.delete_records(conversation_id=conversation_id))
    return removed


def forget_chat(conversation_id: str) -> Dict[str, int]:
    """Delete only the conversation's tracker events (the chat itself); the records made from it stay."""
    conversation_id = str(conversation_id or "").strip()
    if not conversation_id:
        return {}
    events = tracker_db.delete_conversations([conversation_id])
    return {EVENTS: events} if events else {}


def participant_sessions(code: str) -> List[int]:
    """Ids of the role-play sessions stored for participant ``code`` (case-insensitive)."""
    wanted = " ".join((code or "").split()).lower()
    if not wanted:
        return []
    return [row.pk for row in records.list_records("rollenspel", limit=1_000_000)
            if " ".join(str((row.data or {}).get("deelnemer") or "").split()).lower() == wanted]


def forget_participant(code: str) -> Dict[str, int]:
    """Delete every role-play session of participant ``code`` and the chat conversations they
    were played in (tracker events and the records made from them)."""
    ids = participant_sessions(code)
    if not ids:
        return {}
    conversations = {row.conversation_id for row in records.list_records("rollenspel", limit=1_000_000)
                     if row.pk in ids and row.conversation_id}
    removed = records.delete_records(ids=ids)
    for conversation_id in sorted(conversations):
        for kind, number in forget_conversation(conversation_id).items():
            removed[kind] = removed.get(kind, 0) + number
    return removed


def describe(removed: Dict[str, int]) -> str:
    """A Dutch list of what was removed ('3 gespreksplannen en 12 gebeurtenissen ...')."""
    parts = [
        counted(number, *_NOUNS.get(kind, (f"record van soort '{kind}'", f"records van soort '{kind}'")))
        for kind, number in sorted(removed.items(), key=lambda item: (item[0] != EVENTS, item[0]))
        if number
    ]
    return join_list(parts) or "niets"
