"""Finding the conversations to forget (``rustpunt gesprekken``): a request to forget "everything about one family"
names a family, a day and what was done, never a conversation id (a privacy officer's test of session 24: chat cookies
end with the browser, and ``rustpunt vergeet <gespreks-id>`` needed an id nobody had seen).

Every conversation that left something is listed: its events in Rasa's tracker store (``bot.privacy.tracker_db``)
and the records made from it (``bot.records``; after 'Nieuw gesprek' only those are left). Per conversation: the id
that ``rustpunt vergeet`` takes, the moment of its first and last message or record, the capabilities used (intake,
plan, rollenspel, kaart, rolanalyse, ...), what was saved from it by number, and a short preview of its first message,
masked again before it is shown. A search term is looked up in the stored (masked) text of the chat and of our
records, so a leftover that slipped masking is found, and as a name: names masked in a conversation are kept as keyed
hashes (``bot.privacy.masking.known_names``), so a conversation in which "Brinkhorst" was typed and masked is found by
its hash, without the name ever being stored. What masking replaced without keeping a hash (a phone number, an
address, an e-mail address, a BSN) cannot be found.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple

from bot import records
from bot.privacy import tracker_db

# Which capability an action, a form, a reply's payload or a record shows; in the order they are listed.
CAPABILITIES = ("intake", "plan", "rollenspel", "kaart", "rolanalyse", "rollenquiz", "stap")
_ACTION_PREFIXES = (
    ("action_voorbereiden_welke_stap", "stap"),
    ("action_intake", "intake"), ("action_ask_intake", "intake"), ("action_terugbel", "intake"),
    ("action_ask_terugbel", "intake"), ("intake_form", "intake"), ("terugbel_form", "intake"),
    ("action_voorbereiden", "plan"), ("action_ask_voorbereiden", "plan"), ("voorbereiden_form", "plan"),
    ("action_rollenspel", "rollenspel"), ("action_ask_rollenspel", "rollenspel"), ("rollenspel_form", "rollenspel"),
    ("action_kaart", "kaart"), ("action_ask_kaart", "kaart"), ("kaart_form", "kaart"),
    ("action_rol_analyse", "rolanalyse"),
    ("action_rol_quiz", "rollenquiz"), ("action_ask_rol_quiz", "rollenquiz"), ("rol_quiz_form", "rollenquiz"),
)
_PAYLOADS = {
    "intake_samenvatting": "intake", "gespreksplan": "plan", "debrief": "rollenspel", "rollenspel_beurt": "rollenspel",
    "rollenspel_hint": "rollenspel", "kaart_resultaten": "kaart", "rol_analyse": "rolanalyse",
    "rol_quiz_score": "rollenquiz",
}
# record kind -> (capability, Dutch name with its number, the command that forgets it alone)
_RECORDS = {
    "intake_samenvatting": ("intake", "samenvatting", "rustpunt vergeet --samenvatting {n}"),
    "terugbelverzoek": ("intake", "terugbelverzoek", None),
    "terugbel_contact": ("intake", "contactgegevens", None),
    "gespreksplan": ("plan", "plan", "rustpunt vergeet --plan {n}"),
    "rollenspel": ("rollenspel", "sessie", "rustpunt vergeet --sessie {n}"),
    "rol_quiz": ("rollenquiz", "rollenquiz", None),
}
IN_CHAT = "chatverloop"
AS_NAME = "afgeschermde naam"
PREVIEW_CHARS = 60


@dataclass
class Conversation:
    """One conversation as ``rustpunt gesprekken`` lists it (``id``: what ``rustpunt vergeet`` takes; records made
    without a conversation, such as a role-play in the terminal, have none and are listed on their own)."""

    id: Optional[str]
    first: Optional[datetime] = None
    last: Optional[datetime] = None
    capabilities: Set[str] = field(default_factory=set)
    saved: List[Tuple[str, int]] = field(default_factory=list)  # (record kind, number)
    preview: str = ""
    found_in: List[str] = field(default_factory=list)
    events: int = 0

    def seen(self, moment: Optional[datetime]) -> None:
        if moment is None:
            return
        self.first = moment if self.first is None or moment < self.first else self.first
        self.last = moment if self.last is None or moment > self.last else self.last

    @property
    def used(self) -> List[str]:
        return [name for name in CAPABILITIES if name in self.capabilities]

    @property
    def forget_command(self) -> str:
        if self.id:
            return f"rustpunt vergeet {self.id}"
        kind, number = self.saved[0]
        command = _RECORDS.get(kind, ("", "", None))[2]
        return command.format(n=number) if command else f"(verslag {number}: wist de bewaartermijn)"


def saved_name(kind: str, number: int) -> str:
    """'samenvatting 4', 'sessie 8', 'plan 6'."""
    return f"{_RECORDS.get(kind, ('', kind, None))[1]} {number}"


def _plain(text: str) -> str:
    """Lower case without accents, for a search that finds 'Brinkhorst', 'brinkhorst' and 'Brïnkhorst' alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _all_text(value: Any) -> str:
    """Every string in a stored event or record (keys too), each on a line of its own, readable: no JSON escapes, so
    "...\\ndaan" never runs a word into the one before it (``SearchTerm.in_text`` matches whole words)."""
    return _plain("\n".join(_strings(value)))


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def _moment(timestamp: Any) -> Optional[datetime]:
    try:
        return datetime.fromtimestamp(float(timestamp), timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _capability_of_event(event: Dict[str, Any]) -> Optional[str]:
    kind = event.get("event")
    name = event.get("name") if kind in ("action", "active_loop") else None
    if isinstance(name, str):
        for prefix, capability in _ACTION_PREFIXES:
            if name.startswith(prefix):
                return capability
    if kind == "bot":
        custom = (event.get("data") or {}).get("custom") if isinstance(event.get("data"), dict) else None
        if isinstance(custom, dict):
            return _PAYLOADS.get(str(custom.get("soort")))
    if kind == "slot" and event.get("name") == "rollenspel_sessie" and event.get("value"):
        return "rollenspel"
    return None


def _first_typed(event: Dict[str, Any]) -> Optional[str]:
    text = event.get("text") if event.get("event") == "user" else None
    if not isinstance(text, str) or not text.strip() or text.startswith("/"):  # '/start_kaart': a button
        return None
    return " ".join(text.split())


def preview(text: str, conversation_id: Optional[str]) -> str:
    """The start of a message, masked again (with the names masked earlier in its conversation) before it is shown:
    a leftover that slipped masking when it was stored is not printed on the screen."""
    from bot.privacy.masking import ConversationNames, known_names, mask_known

    masked = mask_known(text, ConversationNames(digests=known_names(conversation_id)))
    if len(masked) <= PREVIEW_CHARS:
        return masked
    cut = masked[:PREVIEW_CHARS].rsplit(" ", 1)[0]
    if cut.count("[") > cut.count("]"):  # never half a label: '[NA'
        cut = cut[:cut.rfind("[")].rstrip()
    return cut + " ..."


# Parts of a surname that are no name alone ("de vries", "van der berg"): never looked up as a masked name
_PARTICLES = frozenset("d da de del den der des di du het la le op s t te ten ter van von vd".split())


class SearchTerm:
    """What ``--zoek`` looks for, as whole words (a user test of session 24: 'daan' listed every conversation with
    "gedaan"): the term in the stored text (lower case, without accents; any white space between its words), and each
    of its words as a masked name (its keyed hash, a whole word; no particle: "de vries" is found by 'vries')."""

    def __init__(self, term: str) -> None:
        self.text = _plain(" ".join(term.split()))
        self._pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, self.text.split())) + r"(?!\w)")
        self.words = [word for word in re.findall(r"\w+", term.lower()) if word not in _PARTICLES]
        self._digests: Optional[Set[str]] = None

    def __bool__(self) -> bool:
        return bool(self.text)

    def in_text(self, text: str) -> bool:
        return bool(self.text) and self._pattern.search(text) is not None

    def as_name(self, digests: Iterable[str]) -> bool:
        if self._digests is None:
            from bot.privacy.masking import name_digest

            self._digests = {name_digest(word) for word in self.words}
        return bool(self._digests & set(digests))


def _add_found(found: Conversation, where: str) -> None:
    if where not in found.found_in:
        found.found_in.append(where)


def _read_chats(found: Dict[str, Conversation], search: SearchTerm) -> None:
    """Each conversation's moments, capabilities and first message from Rasa's tracker store; where ``search`` is."""
    for conversation_id, timestamp, data in tracker_db.all_events():
        conversation = found.setdefault(conversation_id, Conversation(id=conversation_id))
        conversation.seen(_moment(timestamp))
        conversation.events += 1
        try:
            event = json.loads(data)
        except ValueError:
            continue
        if not isinstance(event, dict):
            continue
        capability = _capability_of_event(event)
        if capability:
            conversation.capabilities.add(capability)
        if not conversation.preview and (typed := _first_typed(event)):
            conversation.preview = typed
        if search and search.in_text(_all_text(event)):
            _add_found(conversation, IN_CHAT)


def _read_records(found: Dict[str, Conversation], search: SearchTerm) -> List[Conversation]:
    """What was saved from each conversation (``bot.records``), and where ``search`` is; returns the records made
    without a conversation, one by one."""
    from bot.privacy.masking import NAMES_KIND  # keyed hashes of the masked names: searched as names only

    loose: List[Conversation] = []
    for kind in sorted(_RECORDS) + [NAMES_KIND]:
        for row in records.list_records(kind, limit=10_000_000):
            if row.conversation_id:
                conversation = found.setdefault(row.conversation_id, Conversation(id=row.conversation_id))
            else:
                conversation = Conversation(id=None)
                loose.append(conversation)
            conversation.seen(row.created_at)
            conversation.seen(row.updated_at)
            if kind == NAMES_KIND:
                if search and search.as_name((row.data or {}).get("sleutelhashes") or []):
                    _add_found(conversation, AS_NAME)
                continue
            conversation.capabilities.add(_RECORDS[kind][0])
            conversation.saved.append((kind, row.pk))
            if search and search.in_text(_all_text([row.title, row.data])):
                _add_found(conversation, saved_name(kind, row.pk))
    return [conversation for conversation in loose if conversation.saved]


def find_conversations(start: Optional[date] = None, end: Optional[date] = None,
                       term: Optional[str] = None) -> List[Conversation]:
    """Every conversation with its first and last moment, capabilities, saved records and preview, newest first; with
    ``start``/``end`` (Dutch calendar days, inclusive) only those active in that period, with ``term`` only those whose
    stored text or masked names hold it (``found_in`` says where), and then also the records made without a
    conversation (a role-play in the terminal) that hold it."""
    from bot.local_time import dutch_day

    search = SearchTerm(term or "")
    found: Dict[str, Conversation] = {}
    _read_chats(found, search)
    loose = _read_records(found, search)
    listed = []
    for conversation in list(found.values()) + (loose if search else []):
        if search and not conversation.found_in:
            continue
        first, last = dutch_day(conversation.first), dutch_day(conversation.last)
        if (start and (last is None or last < start)) or (end and (first is None or first > end)):
            continue
        conversation.saved.sort(key=lambda item: (CAPABILITIES.index(_RECORDS[item[0]][0]), item[1]))
        conversation.preview = preview(conversation.preview, conversation.id) if conversation.preview else ""
        listed.append(conversation)
    return sorted(listed, key=lambda c: c.last or datetime.min, reverse=True)
