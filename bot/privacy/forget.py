"""Forget on request: a whole conversation, one role-play session, or every role-play session of one participant.

``forget_conversation`` is used by ``rustpunt vergeet <gespreks-id>`` and by the web page's
"Wis dit gesprek" button; it removes the conversation's events from Rasa's tracker database
(see ``bot.privacy.tracker_db``) and every record of our own store made from it. ``forget_chat``
("Nieuw gesprek") removes only the events: call-backs, summaries, plans and sessions stay.

``forget_session`` (``rustpunt vergeet --sessie <nummer>``, ``rustpunt sessies wis <nummer>`` and the button on the
trainers' page) removes one role-play session when a trainee asks, and with it the sessions that continue it (a retry
after the end starts as a session of its own with copies of its turns). The chat conversation it was played in stays:
the trainee may have other sessions, plans or a role-play going on in it. Only what belongs to the session is emptied
there, in place (rows and their order stay, so Rasa's conversation state is unchanged): every message, reply and
slot value from the moment the session was started in the chat (its number in the slot ``rollenspel_sessie``) until
the chat left it, and outside that stretch the questions whose replies carry the session's number (its debrief shown
again) and the lines typed right after its end that were still meant for the persona, with their replies.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple

from bot import records, status
from bot.commands import names_own_role_play, numbered_item
from bot.privacy import tracker_db
from bot.wording import counted, join_list

EVENTS = "gespreksgebeurtenissen"

# The answer to a typed request to forget (``bot.commands.is_forget_request``), wherever it is typed: this conversation
# with the page's button, an earlier one by a beheerder (a privacy officer's test of session 24: "vergeet alles over
# mevrouw ..." heard only about this conversation, while the details were typed the day before).
HOW_TO_FORGET = (
    "Op de webpagina wis je dit gesprek met de knop 'Wis dit gesprek' bovenaan: alles wat je in dit gesprek typte en "
    "wat Rustpunt ervan bewaarde, wordt dan verwijderd (ook terugbelverzoeken, samenvattingen, plannen en "
    "rollenspelsessies uit dit gesprek). Wat je in een eerder gesprek typte (bijvoorbeeld gisteren, of in een "
    "browser die al dicht is), kan ik vanuit de chat niet wissen: vraag het een beheerder van Rustpunt. Die zoekt "
    "het gesprek op met 'rustpunt gesprekken' (op datum of met een zoekwoord, zoals een achternaam) en wist het met "
    "'rustpunt vergeet' en het id dat daarbij staat. Ook dit verzoek staat, afgeschermd zoals elk bericht, in dit "
    "gesprek tot je het wist."
)
# A saved item named by its number ("wis sessie 8"): who wipes it, and how. Never from the chat. Plans and role-play
# sessions are numbered within each conversation (what the professional sees), so the trainer or beheerder finds them by
# the conversation; summaries and call-backs have numbers shared by the whole team.
_NUMBERED_HOW_TO = {
    "sessie": "Rollenspelsessie {n} wis ik niet vanuit de chat: een trainer wist haar op de trainerspagina met 'Wis "
              "deze sessie' (daar heeft ze een eigen nummer; noem je trainer de tijd van je oefening), een beheerder "
              "met 'rustpunt vergeet --sessie' en dat nummer.",
    "samenvatting": "Samenvatting {n} wis ik niet vanuit de chat (een nummer kan ook van een collega zijn): een "
                    "beheerder wist haar met 'rustpunt vergeet --samenvatting {n}', met de terugbelverzoeken die "
                    "erbij horen.",
    "plan": "Gespreksplan {n} wis ik niet vanuit de chat: een beheerder zoekt het op met 'rustpunt plan lijst' (jouw "
            "nummer {n} staat daar bij dit gesprek) en wist het met 'rustpunt vergeet --plan' en het nummer vooraan.",
    "terugbelverzoek": "Terugbelverzoek {n} wis ik niet vanuit de chat (een nummer kan ook van een collega zijn): een "
                       "beheerder wist de contactgegevens met 'rustpunt terugbellen klaar {n}' en het verzoek met het "
                       "gesprek waarin het is gemaakt ('rustpunt gesprekken', dan 'rustpunt vergeet').",
}


# A trainee's own role-play without a number ("kun je mijn rollenspel wissen?", a user test of session 24): both ways.
OWN_ROLE_PLAY_HOW_TO = ("Je rollenspel wis je met de knop 'Wis dit gesprek' (met alles uit dit gesprek); één sessie "
                        "wist een trainer op de trainerspagina met 'Wis deze sessie'.")


def how_to_forget(text: Optional[str] = None) -> str:
    """The answer to a typed request to forget: ``HOW_TO_FORGET``, after who wipes the item the request names by its
    number ("wis sessie 8", "verwijder samenvatting 2"; ``bot.commands.numbered_item``) or how one's own role-play is
    wiped ("kun je mijn rollenspel wissen?"; ``bot.commands.names_own_role_play``)."""
    item = numbered_item(text)
    if item:
        return f"{_NUMBERED_HOW_TO[item[0]].format(n=item[1])} {HOW_TO_FORGET}"
    return f"{OWN_ROLE_PLAY_HOW_TO} {HOW_TO_FORGET}" if names_own_role_play(text) else HOW_TO_FORGET


# Said wherever something is exported (a user test of session 24: 'rustpunt sessies csv --uit F' still held everything
# after 'rustpunt vergeet'): forgetting and the retention period reach our databases, never a copy.
EXPORT_NOTE = ("Let op: dit bestand is een kopie. 'rustpunt vergeet' en de bewaartermijn wissen het niet; verwijder "
               "het zelf zodra je het niet meer nodig hebt, en zeker als iemand vraagt om vergeten te worden.")

# Said when one session is wiped (the trainers' page asks and reports, the command line reports): a group CSV or page
# made before still holds it (a user test exported the group, then wiped a trainee's session on her request, and
# nothing reminded the trainer of the copy).
WIPED_EXPORT_NOTE = ("Een CSV, rapport of printversie die eerder is gemaakt, is een kopie en bevat deze sessie nog: "
                     "verwijder die zelf, of maak hem na het wissen opnieuw.")

# The same for several sessions at once ('Wis alle sessies van deze groep' on the group page).
WIPED_EXPORT_NOTE_MANY = ("Een CSV, rapport of printversie die eerder is gemaakt, is een kopie en bevat deze sessies "
                          "nog: verwijder die zelf, of maak hem na het wissen opnieuw.")

# Dutch names for the report: kind -> (singular, plural)
_NOUNS = {
    EVENTS: ("gebeurtenis uit het gesprek", "gebeurtenissen uit het gesprek"),
    "intake_samenvatting": ("intakesamenvatting", "intakesamenvattingen"),
    "gemaskeerde_namen": ("lijst van afgeschermde namen (onleesbaar opgeslagen)",
                          "lijsten van afgeschermde namen (onleesbaar opgeslagen)"),
    "terugbelverzoek": ("terugbelverzoek", "terugbelverzoeken"),
    "terugbel_contact": ("versleuteld contactgegeven", "versleutelde contactgegevens"),
    "gespreksplan": ("gespreksplan", "gespreksplannen"),
    "rollenspel": ("rollenspelsessie", "rollenspelsessies"),
    "rol_quiz": ("rollenquiz", "rollenquizzen"),
    "terugbel_contactgegevens": ("contactgegeven van een terugbelverzoek", "contactgegevens van terugbelverzoeken"),
    "logbestanden": ("logbestand ouder dan de bewaartermijn", "logbestanden ouder dan de bewaartermijn"),
}


def forget_conversation(conversation_id: str) -> Dict[str, int]:
    """Delete the conversation's tracker events and every record with this conversation id; a turn of it that is
    still running stores nothing afterwards (``records.mark_forgotten``).
    Returns what was removed: ``{"gespreksgebeurtenissen": n, <record kind>: n, ...}`` (only
    non-zero counts; an empty dict means nothing with this id was found)."""
    conversation_id = str(conversation_id or "").strip()
    if not conversation_id:
        return {}
    removed: Dict[str, int] = {}
    # first: a turn still running in this conversation stores no record from it afterwards (records.add_record);
    # Rasa's tracker store does not store that turn back either (bot.privacy.tracker_store)
    records.mark_forgotten(conversation_id)
    events = tracker_db.delete_conversations([conversation_id])
    if events:
        removed[EVENTS] = events
    records.drop_numbers(conversation_id)  # before the records: their deletion empties the write-ahead log
    removed.update(records.delete_records(conversation_id=conversation_id))
    return removed


SUMMARY_KIND = "intake_samenvatting"
CALLBACK_KIND = "terugbelverzoek"


def forget_summary(number: Any) -> Dict[str, int]:
    """Delete one saved intake summary (``rustpunt vergeet --samenvatting 4``, or a request in the chat right after the
    intake: "kunt u wat ik over deze beller typte weer vergeten?") and the call-back requests made from it; returns
    what was removed (empty: no summary with this number). The chat conversation stays."""
    raw = str(number or "").strip().lstrip("#")
    if not raw.isdigit() or len(raw) > 12 or records.get_record(SUMMARY_KIND, int(raw)) is None:
        return {}
    callbacks = [row.pk for row in records.list_records(CALLBACK_KIND, limit=1_000_000)
                 if str((row.data or {}).get("samenvatting_id")) == raw]
    return records.delete_records(ids=[int(raw)] + callbacks, kinds=[SUMMARY_KIND, CALLBACK_KIND])


PLAN_KIND = "gespreksplan"


def forget_plan(number: Any) -> Dict[str, int]:
    """Delete one saved preparation plan (``rustpunt vergeet --plan 3``), finished or stopped halfway; returns what was
    removed (empty: no plan with this number). The chat conversation it was made in stays."""
    raw = str(number or "").strip().lstrip("#")
    if not raw.isdigit() or len(raw) > 12 or records.get_record(PLAN_KIND, int(raw)) is None:
        return {}
    return records.delete_records(ids=[int(raw)], kinds=[PLAN_KIND])


def plans() -> List[Any]:
    """The saved preparation plans, newest first (``rustpunt plan lijst``: number, date and status, no content)."""
    return list(records.list_records(PLAN_KIND, limit=1_000_000))


def summaries() -> List[Any]:
    """The saved intake summaries, newest first (``rustpunt intake lijst``: number and date, no content)."""
    return list(records.list_records(SUMMARY_KIND, limit=1_000_000))


def forget_chat(conversation_id: str) -> Dict[str, int]:
    """Delete only the conversation's tracker events (the chat itself); the records made from it stay."""
    conversation_id = str(conversation_id or "").strip()
    if not conversation_id:
        return {}
    events = tracker_db.delete_conversations([conversation_id])
    return {EVENTS: events} if events else {}


def conversations_by_short_hash(code: str) -> List[str]:
    """The conversations whose short hash (what the trainers' page shows, '#a6e3b9fc') is ``code``; a trainer never
    sees a conversation id itself (a user test typed the short hash and heard that no conversation was found)."""
    from bot.web.conversation import short_hash

    wanted = str(code or "").strip().lstrip("#").lower()
    if not re.fullmatch(r"[0-9a-f]{8}", wanted):
        return []
    known = set(records.conversation_ids()) | set(tracker_db.conversation_ids())
    return sorted(cid for cid in known if short_hash(cid) == wanted)


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


# -- one role-play session -------------------------------------------------------------------------
SESSION_KIND = "rollenspel"
SESSION_SLOT = "rollenspel_sessie"  # the chat's slot with the number of the session being played (actions.roleplay)
TURN_SLOT = "rollenspel_beurt"  # the form's slot that holds each typed turn until it is read
EMPTIED_NOTE = "(Dit rollenspel is op verzoek gewist.)"


@dataclass
class ForgottenSession:
    """What ``forget_session`` removed: the session and the sessions continuing it, and how many events of the chat
    conversations they were played in were emptied (``in_chat``: the session was played in a chat, not in the
    terminal)."""

    number: int
    sessions: List[int] = field(default_factory=list)
    emptied: int = 0
    in_chat: bool = False

    @property
    def found(self) -> bool:
        return bool(self.sessions)


def _field(row: Any, name: str) -> Any:
    data = row.get("data") if isinstance(row, dict) else getattr(row, "data", None)
    return data.get(name) if isinstance(data, dict) else None


def continuing_sessions(rows: Iterable[Any], number: int) -> List[int]:
    """The sessions that continue session ``number`` (``vervolg_van``, a retry after the end), and the ones continuing
    those, in order; ``rows`` are role-play records (``pk`` and ``data``)."""
    children: Dict[int, List[int]] = {}
    for row in rows:
        parent = _field(row, "vervolg_van")
        if str(parent or "").isdigit():
            children.setdefault(int(parent), []).append(int(getattr(row, "pk", 0) or 0))
    found: List[int] = []
    todo = [number]
    while todo:
        for child in sorted(children.get(todo.pop(0), [])):
            if child not in found and child != number:
                found.append(child)
                todo.append(child)
    return found


def _is_session(value: Any, numbers: Set[str]) -> bool:
    return value is not None and str(value).strip() in numbers


def _parsed(events: List[Tuple[int, str]]) -> List[Tuple[int, Dict[str, Any]]]:
    found = []
    for row_id, data in events:
        try:
            event = json.loads(data)
        except ValueError:
            continue
        if isinstance(event, dict):
            found.append((row_id, event))
    return found


def _stretches(events: List[Tuple[int, Dict[str, Any]]], wanted: Set[str]) -> Dict[int, int]:
    """Row id -> number of the stretch, for every event from the moment the chat's session slot names one of the
    sessions until it names another one or none (the slot events themselves hold only a number and stay)."""
    inside, stretch = False, -1
    found: Dict[int, int] = {}
    for row_id, event in events:
        if event.get("event") == "slot" and event.get("name") == SESSION_SLOT:
            now = _is_session(event.get("value"), wanted)
            stretch += 1 if now and not inside else 0
            inside = now
        elif inside:
            found[row_id] = stretch
    return found


def _dict(value: Any) -> Dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _names_session(event: Dict[str, Any], wanted: Set[str]) -> bool:
    return _is_session(_dict(_dict(event.get("data")).get("custom")).get("sessie"), wanted)


def _replies_about(events: List[Tuple[int, Dict[str, Any]]], skip: Dict[int, int], wanted: Set[str]) -> List[int]:
    """Outside the stretches: the replies of one action (consecutive bot events) of which one carries a session's
    number, such as its debrief shown again ('hoe deed ik het?' after the end)."""
    found: List[int] = []
    run: List[Tuple[int, Dict[str, Any]]] = []
    for row_id, event in events + [(-1, {})]:
        if row_id not in skip and event.get("event") == "bot":
            run.append((row_id, event))
            continue
        if any(_names_session(e, wanted) for _, e in run):
            found += [r for r, _ in run]
        run = []
    return found


def _emptied_user(event: Dict[str, Any]) -> Dict[str, Any]:
    parse = _dict(event.get("parse_data"))
    entities = [{**entity, "value": None} if isinstance(entity, dict) else entity
                for entity in parse.get("entities") or []]  # the entity types stay: Rasa's rules may read them
    return {**event, "text": None, "metadata": {},
            "parse_data": {**parse, "text": None, "entities": entities, "metadata": {}}}


def _emptied_bot(event: Dict[str, Any], note: Optional[str]) -> Dict[str, Any]:
    return {**event, "text": note, "data": {}}


def _typed_value(event: Dict[str, Any], typed: List[str]) -> bool:
    """A slot event that holds what was typed: the form's turn slot, or a value taken out of a typed message."""
    value = event.get("value")
    if event.get("event") != "slot" or not isinstance(value, str) or not value.strip():
        return False
    if event.get("name") == TURN_SLOT:
        return value != status.DONE  # 'klaar' only marks the end of the form
    return any(value.strip().lower() in text for text in typed)


def session_event_changes(events: List[Tuple[int, str]], numbers: Iterable[int]) -> Dict[int, str]:
    """Row id -> emptied serialised event, for the events of the chat conversation that belong to the sessions
    ``numbers`` (see the module doc). The first reply emptied in each stretch says that the role-play was wiped."""
    wanted = {str(n) for n in numbers}
    parsed = _parsed(events)
    stretches = _stretches(parsed, wanted)
    typed: Dict[int, List[str]] = {}
    for row_id, event in parsed:
        if row_id in stretches and event.get("event") == "user" and event.get("text"):
            typed.setdefault(stretches[row_id], []).append(str(event["text"]).lower())
    changes: Dict[int, str] = {}
    noted: Set[int] = set()
    for row_id, event in parsed:
        number = stretches.get(row_id)
        if number is None:
            continue
        if event.get("event") == "user":
            changes[row_id] = json.dumps(_emptied_user(event))
        elif event.get("event") == "bot":
            changes[row_id] = json.dumps(_emptied_bot(event, None if number in noted else EMPTIED_NOTE))
            noted.add(number)
        elif _typed_value(event, typed.get(number, [])):
            changes[row_id] = json.dumps({**event, "value": None})
    by_id = dict(parsed)
    for row_id in _replies_about(parsed, stretches, wanted):
        changes[row_id] = json.dumps(_emptied_bot(by_id[row_id], None))
    for exchange in _follow_ups(parsed, stretches, wanted):
        typed_here = [str(e["text"]).lower() for _, e in exchange if e.get("event") == "user" and e.get("text")]
        for row_id, event in exchange:
            if event.get("event") == "user":
                changes[row_id] = json.dumps(_emptied_user(event))
            elif event.get("event") == "bot":
                changes[row_id] = json.dumps(_emptied_bot(event, None))
            elif _typed_value(event, typed_here):
                changes[row_id] = json.dumps({**event, "value": None})
    return changes


def _ended_text() -> str:
    """The reply to a line typed after the role-play ended, still meant for the persona (``actions.roleplay``)."""
    from bot.knowledge.texts import Texts  # lazy: reads the knowledge

    return Texts("rollenspel_tekst").text("afgelopen")


def _follow_ups(events: List[Tuple[int, Dict[str, Any]]], stretches: Dict[int, int],
                wanted: Set[str]) -> List[List[Tuple[int, Dict[str, Any]]]]:
    """Outside the stretches, the exchanges (a typed message and what followed it until the next one) that still
    belong to the sessions: a question whose answer carries a session's number (its debrief asked again: "hoe deed ik
    het met vader?"), and the lines typed right after the end that were still meant for the persona (each answered
    with 'Het rollenspel is afgelopen ...'; a privacy officer's test of session 24 found "u moet toch ook aan uw
    dochter denken..." next to the note that the role-play was wiped)."""
    ended = _ended_text()[:40]
    exchanges: List[Tuple[bool, List[Tuple[int, Dict[str, Any]]]]] = []  # (right after a stretch, events)
    current: Optional[List[Tuple[int, Dict[str, Any]]]] = None
    after_stretch = False
    for row_id, event in events:
        if row_id in stretches:
            current, after_stretch = None, True
            continue
        if event.get("event") == "user":
            current = [(row_id, event)]
            exchanges.append((after_stretch, current))
            after_stretch = False
        elif current is not None:
            current.append((row_id, event))
    found = []
    following = False
    for right_after, exchange in exchanges:
        following = following or right_after
        bots = [event for _, event in exchange if event.get("event") == "bot"]
        about = any(_names_session(event, wanted) for event in bots)
        still_to_persona = following and any(str(event.get("text") or "").startswith(ended) for event in bots)
        if about or still_to_persona:
            found.append(exchange)
        following = following and (about or still_to_persona)
    return found


def forget_session(number: int) -> ForgottenSession:
    """Delete role-play session ``number`` and the sessions continuing it, and empty what of them stands in the chat
    conversations they were played in (see the module doc). Nothing is deleted when the chat cannot be reached
    (``tracker_db.TrackerDbError`` is raised before anything changes)."""
    rows = records.list_records(SESSION_KIND, limit=1_000_000)
    by_number = {row.pk: row for row in rows}
    result = ForgottenSession(number=int(number))
    if result.number not in by_number:
        return result
    family = [result.number] + continuing_sessions(rows, result.number)
    conversations = sorted({by_number[n].conversation_id for n in family if by_number[n].conversation_id})
    result.in_chat = bool(conversations)
    for conversation_id in conversations:
        # first: a turn still running in this conversation stores nothing of itself afterwards (records.mark_emptied)
        records.mark_emptied(conversation_id)
        changes = session_event_changes(tracker_db.conversation_events(conversation_id), family)
        result.emptied += tracker_db.replace_event_data(conversation_id, changes)
    records.delete_records(ids=family, kinds=[SESSION_KIND])
    result.sessions = family
    return result


def session_report(result: ForgottenSession, labels: Optional[Dict[int, str]] = None) -> str:
    """What ``forget_session`` did, in Dutch for the trainer (the command line and the trainers' page). ``labels``:
    how the trainers' page names each wiped session ("1 van Deelnemer K7", ``trainer_page.session_labels``, read
    before the wipe); without it (the admin command line) the internal numbers the command was given."""
    if not result.found:
        return f"Er is geen rollenspelsessie met nummer {result.number}; er is niets gewist."
    named = labels or {}
    others = [n for n in result.sessions if n != result.number]
    if result.number in named:
        lines = [f"Rollenspel {named[result.number]} is gewist."]
    else:
        lines = [f"Rollenspelsessie {result.number} is gewist."]
    if others:
        which = join_list([named.get(n, str(n)) for n in others])
        lines.append(f"Ook {'sessie' if len(others) == 1 else 'de sessies'} {which} "
                     f"{'is' if len(others) == 1 else 'zijn'} gewist: een nieuwe poging vanaf een beurt van deze "
                     "sessie, met een kopie van haar beurten.")
    if not result.in_chat:
        lines.append("De sessie is in de terminal gespeeld; er was geen chatgesprek om leeg te maken.")
    elif result.emptied:
        # no count: the number of stored events ('30 gebeurtenissen') means nothing to a trainer (a user test)
        lines.append("In het chatgesprek waarin ze gespeeld is, zijn de beurten en antwoorden van dit rollenspel "
                     "leeggemaakt. De rest van dat gesprek blijft staan, net als andere sessies, plannen en verslagen.")
    else:
        lines.append("Het chatgesprek waarin ze gespeeld is, bevatte niets meer van deze sessie (al gewist of "
                     "opgeruimd).")
    lines.append(WIPED_EXPORT_NOTE)
    return " ".join(lines)


# -- several sessions: all sessions of a group ------------------------------------------------------
@dataclass
class ForgottenSessions:
    """What ``forget_sessions`` removed: one ``ForgottenSession`` per session it wiped (with the sessions continuing
    it); ``failed``: wiping stopped at a session that could not be wiped (the chat store was down), the ones before it
    stay wiped, that one and the rest were not touched."""

    asked: List[int]
    done: List[ForgottenSession] = field(default_factory=list)
    failed: bool = False

    @property
    def sessions(self) -> List[int]:
        return [number for one in self.done for number in one.sessions]


def forget_sessions(numbers: Iterable[int],
                    forget: Callable[[int], ForgottenSession] = forget_session) -> ForgottenSessions:
    """Wipe several role-play sessions, each as 'Wis deze sessie' wipes one (``forget``: ``forget_session``): the
    button 'Wis alle sessies van deze groep' on the group page. A session already gone with an earlier one (a retry
    that continued it) is skipped. When one cannot be wiped, wiping stops there (``failed``)."""
    result = ForgottenSessions(asked=sorted({int(n) for n in numbers}))
    gone: Set[int] = set()
    for number in result.asked:
        if number in gone:
            continue
        try:
            one = forget(number)
        except Exception:  # noqa: BLE001 - the chat store may be down: stop, and say what was and was not wiped
            result.failed = True
            break
        gone.update(one.sessions)
        if one.found:
            result.done.append(one)
    return result


def sessions_report(result: ForgottenSessions, group: str, labels: Optional[Dict[int, str]] = None) -> str:
    """What ``forget_sessions`` did for ``group``, in Dutch for the trainer; ``labels`` as in ``session_report``."""
    wiped = sorted(result.sessions)
    named = labels or {}
    lines = [f"Van groep '{group}' {'is' if len(wiped) == 1 else 'zijn'} {counted(len(wiped), 'sessie', 'sessies')} "
             f"gewist" + (f" ({join_list([named.get(n, str(n)) for n in wiped])})." if wiped else ".")]
    if result.failed:
        left = len([n for n in result.asked if n not in wiped])
        lines.append(f"Het wissen is daarna mislukt: {counted(left, 'sessie is', 'sessies zijn')} niet gewist. "
                     "Probeer het later opnieuw.")
    if any(one.in_chat and one.emptied for one in result.done):
        lines.append("In de chatgesprekken waarin ze gespeeld zijn, zijn de beurten en antwoorden van deze "
                     "rollenspellen leeggemaakt. De rest van die gesprekken blijft staan, net als plannen en "
                     "verslagen.")
    if wiped:
        lines.append(WIPED_EXPORT_NOTE_MANY)
    return " ".join(lines)
