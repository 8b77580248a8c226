"""The trainers' group view: one group's role-play sessions at a glance.

``group_view(records, group, start, end)`` computes, per participant, the sessions with how they
ended, the steps used and skipped, the pitfalls that came back (in two or more sessions) and the
tension curves; per scenario, where the group gets stuck (bad endings, the pitfall that came most
often, the steps most often missing, the turn where the tension peaked). ``write_group_csv`` exports
one row per session; ``render_group_page`` renders the view as HTML with inline SVG charts drawn on
the server (nothing from a CDN), ``printable=True`` gives the print version.

``records`` are stored role-play records (``bot.records`` rows with ``pk``, ``data``, ``created_at``,
``status``) or the session dicts of ``bot.roleplay.session.list_sessions``.

Which pitfalls a session had is decided by ``bot.roleplay.feedback.turn_pitfall``, as in the debrief: a pitfall beside
a step counts, a forgiven uncertain read does not. A retry after the end (``vervolg_van``) starts with copies of the
finished session's turns: their pitfalls are shown with that session's number and counted there only.
"""
from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot import status
from bot.local_time import SORTABLE_FORMAT, dutch_day, dutch_time_text
from bot.roleplay import feedback
from bot.roleplay.feedback import session_pitfalls
from bot.roleplay.models import MAX_TENSION, STEPS
from bot.roleplay.report import csv_writer, shown_number_of
from bot.wording import counted

NO_NAME = "(zonder naam)"
ENDINGS = (status.GOOD, status.BAD, status.STOPPED, status.BUSY)
ENDING_NAMES = status.ENDING_NAMES
CSV_FIELDS = ["groep", "deelnemer", "sessie", "datum", "scenario", "afloop", "beurten", "stappen_gebruikt",
              "stappen_overgeslagen", "valkuilen", "spanning", "opnieuw_geprobeerd"]


class GroupError(ValueError):
    """Bad group code or date range; the message is Dutch."""


@dataclass
class SessionRow:
    id: int
    datum: str
    scenario: str
    titel: str
    afloop: str
    beurten: int
    curve: List[int]
    stappen: List[str]  # steps used, in order of first use
    overgeslagen: List[str]
    valkuilen: List[str]  # pitfall moves of this session's own turns, in order (counted per participant and scenario)
    opnieuw: int  # retries ('probeer opnieuw vanaf beurt N')
    record: Any = None
    valkuil_beurten: List[Tuple[int, str]] = field(default_factory=list)  # (turn, pitfall) of the own turns
    overgenomen: List[Tuple[int, str]] = field(default_factory=list)  # (turn, pitfall) copied from ``vervolg_van``
    vervolg_van: Optional[int] = None  # the finished session this retry after the end continues
    # what the trainer reads: the numbers the professional saw in the chat ("sessie 1" of that conversation), never
    # ``id`` (the internal record number, only in links and forms)
    nummer: Any = None
    vervolg_van_nummer: Any = None  # the number of ``vervolg_van`` as shown; None when unknown ("een eerdere sessie")
    label: str = ""  # ``nummer`` as the group page and its CSV show it (with the conversation when a trainee has two)


@dataclass
class Participant:
    naam: str
    sessies: List[SessionRow] = field(default_factory=list)
    afloop: Dict[str, int] = field(default_factory=dict)
    stappen: Dict[str, int] = field(default_factory=dict)  # step -> number of sessions it was used in
    nooit_gebruikt: List[str] = field(default_factory=list)
    terugkerende_valkuilen: Dict[str, int] = field(default_factory=dict)  # pitfall -> sessions (>= 2)


@dataclass
class ScenarioStuck:
    scenario: str
    titel: str
    sessies: int
    afloop: Dict[str, int]
    vaakste_valkuil: Optional[str]
    vaakst_gemist: List[str]
    piek_beurt: Optional[float]  # average turn at which the tension peaked, over the sessions where it rose
    gemiddelde_eindspanning: Optional[float]


@dataclass
class PitfallCount:
    """One pitfall over the whole group in the chosen period: in how many turns it occurred (``keer``) and in how many
    sessions (``sessies``), counted as the debrief and the session rows count them (``SessionRow.valkuilen``)."""

    valkuil: str
    keer: int
    sessies: int


@dataclass
class GroupView:
    groep: str
    van: Optional[date]
    tot: Optional[date]
    deelnemers: List[Participant]
    scenarios: List[ScenarioStuck]
    valkuilen: List[PitfallCount] = field(default_factory=list)  # the whole group's pitfalls, most frequent first

    @property
    def sessies(self) -> int:
        return sum(len(p.sessies) for p in self.deelnemers)


def period_text(start: Optional[date], end: Optional[date], today: Optional[date] = None) -> str:
    """The chosen period in words, '' for none: 'van 01-11-2026 tot en met 30-11-2026', 'vanaf 07-12-2026',
    'tot en met 30-11-2026'. A start after today says that no session can be in it yet (a user test read 'van
    2026-12-07 tot en met vandaag' on 6 December)."""
    def day(value: date) -> str:
        return value.strftime("%d-%m-%Y")

    if start and end:
        return f"van {day(start)} tot en met {day(end)}"
    if end:
        return f"tot en met {day(end)}"
    if not start:
        return ""
    today = today or dutch_day(datetime.utcnow())
    later = " (die datum ligt nog in de toekomst)" if today is not None and start > today else ""
    return f"vanaf {day(start)}{later}"


def none_found(group: str, start: Optional[date], end: Optional[date]) -> str:
    """'Geen sessies gevonden voor groep 'X'.', with the chosen period when there is one ('... van 01-11-2026 tot en met
    30-11-2026.'); not 'in deze periode' when no period was chosen (a user test). The group page, its CSV and the
    command line say it the same way."""
    period = period_text(start, end)
    return f"Geen sessies gevonden voor groep '{group}'" + (f" {period}" if period else "") + "."


def parse_date(value: Optional[str], what: str) -> Optional[date]:
    """'2026-12-01' or '01-12-2026' -> date; None for empty; GroupError with a Dutch message otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise GroupError(
        f"De datum bij '{what}' is niet geldig: '{text[:20]}'. Gebruik bijvoorbeeld 2026-12-01 of 01-12-2026."
    )


def _session(record: Any) -> Dict[str, Any]:
    if isinstance(record, dict):
        return record
    data = getattr(record, "data", None) or {}
    return {"id": getattr(record, "pk", None), "status": getattr(record, "status", None),
            "created_at": getattr(record, "created_at", None), **(data if isinstance(data, dict) else {})}


def _row(session: Dict[str, Any], record: Any) -> SessionRow:
    turns = list((session.get("state") or {}).get("turns") or [])
    used = feedback.steps_taken(turns)  # as the debrief lists them (``feedback.turn_read``)
    curve = ([turns[0]["spanning_voor"]] + [t["spanning_na"] for t in turns]) if turns else \
        [int((session.get("state") or {}).get("tension") or 0)]
    created: Any = session.get("created_at")  # a datetime (UTC), or text from the database
    # a retry after the end starts with the turns of the finished session: their pitfalls count there only
    since = int(session.get("vervolg_vanaf") or 0) if session.get("vervolg_van") else 0
    pitfalls = session_pitfalls(turns)
    own = [(nr, pitfall) for nr, pitfall in pitfalls if nr >= since]
    continued = session.get("vervolg_van")
    return SessionRow(
        id=int(session.get("id") or 0),
        datum=dutch_time_text(created, SORTABLE_FORMAT)[:16],  # Dutch local time
        scenario=str(session.get("scenario") or ""),
        titel=str(session.get("titel") or session.get("scenario") or ""),
        afloop=session["status"] if session.get("status") in ENDINGS else status.BUSY,
        beurten=len(turns),
        curve=curve,
        stappen=used,
        overgeslagen=[s for s in STEPS if s not in used],
        valkuilen=[pitfall for _, pitfall in own],
        opnieuw=len(session.get("pogingen") or []),
        record=record,
        valkuil_beurten=own,
        overgenomen=[(nr, pitfall) for nr, pitfall in pitfalls if nr < since],
        vervolg_van=int(str(continued)) if str(continued or "").isdigit() else None,
        nummer=shown_number_of(record if record is not None else session),
        vervolg_van_nummer=session.get("vervolg_van_nummer") if continued else None,
    )


def select(records: Iterable[Any], group: str, start: Optional[date] = None, end: Optional[date] = None) -> List[Any]:
    """The records of ``group`` (case-insensitive) created between ``start`` and ``end`` (inclusive)."""
    wanted = " ".join((group or "").split()).lower()
    out = []
    for record in records:
        session = _session(record)
        if (session.get("groep") or "").strip().lower() != wanted:
            continue
        day = dutch_day(session.get("created_at"))  # the trainer's dates are Dutch days
        if (start and (day is None or day < start)) or (end and (day is None or day > end)):
            continue
        out.append(record)
    return out


def group_view(records: Iterable[Any], group: str, start=None, end=None) -> GroupView:
    group = " ".join((group or "").split())
    if not group:
        raise GroupError("Geef de groepscode op, bijvoorbeeld 'najaar-2026'.")
    start, end = parse_date(start, "van"), parse_date(end, "tot")
    if start and end and start > end:
        raise GroupError("De begindatum ligt na de einddatum. Draai 'van' en 'tot' om.")
    chosen = select(records, group, start, end)
    if chosen:  # show the group as the trainer spelled it when starting the sessions
        group = (_session(chosen[0]).get("groep") or group).strip()
    rows = sorted((_row(_session(r), r) for r in chosen), key=lambda r: (r.datum, r.id))
    shown = {row.id: row.nummer for row in rows}
    for row in rows:  # a retry stored before its earlier session's number was kept with it
        if row.vervolg_van is not None and row.vervolg_van_nummer is None:
            row.vervolg_van_nummer = shown.get(row.vervolg_van)
    people: Dict[str, Participant] = {}
    names: Dict[int, str] = {}
    for record in chosen:
        session = _session(record)
        names[int(session.get("id") or 0)] = (session.get("deelnemer") or "").strip() or NO_NAME
    for row in rows:
        person = people.setdefault(names[row.id], Participant(names[row.id]))
        person.sessies.append(row)
    for person in people.values():
        _label(person.sessies)
        person.afloop = dict(Counter(r.afloop for r in person.sessies))
        person.stappen = {s: sum(1 for r in person.sessies if s in r.stappen) for s in STEPS}
        person.nooit_gebruikt = [s for s in STEPS if person.stappen[s] == 0]
        per_session = Counter(p for r in person.sessies for p in set(r.valkuilen))
        person.terugkerende_valkuilen = {p: n for p, n in per_session.most_common() if n >= 2}
    return GroupView(group, start, end, sorted(people.values(), key=lambda p: p.naam.lower()), _stuck(rows),
                     group_pitfalls(rows))


def group_pitfalls(rows: Iterable[SessionRow]) -> List[PitfallCount]:
    """Per pitfall, how many times it occurred in the sessions ``rows`` and in how many of them, most frequent first
    (then in most sessions, then by id): what a trainer discusses with the whole group (a user test of session 25). A
    retry after the end counts only its own turns, as everywhere on the group page."""
    times: Counter = Counter()
    sessions: Counter = Counter()
    for row in rows:
        times.update(row.valkuilen)
        sessions.update(set(row.valkuilen))
    return [PitfallCount(pitfall, n, sessions[pitfall])
            for pitfall, n in sorted(times.items(), key=lambda item: (-item[1], -sessions[item[0]], item[0]))]


def pitfall_count_text(item: PitfallCount, names: Optional[Dict[str, str]] = None) -> str:
    """'Redden (valkuil): 5 keer, in 3 sessies', as the group page and ``rustpunt groep`` say it."""
    names = names if names is not None else move_names()
    return (f"{names.get(item.valkuil, item.valkuil)}: {item.keer} keer, "
            f"in {counted(item.sessies, 'sessie', 'sessies')}")


def _stuck(rows: List[SessionRow]) -> List[ScenarioStuck]:
    by_scenario: Dict[str, List[SessionRow]] = {}
    for row in rows:
        by_scenario.setdefault(row.scenario, []).append(row)
    out = []
    for scenario, items in by_scenario.items():
        pitfalls = Counter(p for r in items for p in r.valkuilen)
        missing = Counter(s for r in items if r.afloop != status.BUSY for s in r.overgeslagen)
        played = [r for r in items if r.beurten]
        peaks = [peak for peak in (peak_turn(r.curve) for r in played) if peak is not None]
        out.append(ScenarioStuck(
            scenario=scenario, titel=items[0].titel, sessies=len(items),
            afloop=dict(Counter(r.afloop for r in items)),
            vaakste_valkuil=pitfalls.most_common(1)[0][0] if pitfalls else None,
            vaakst_gemist=[s for s, _ in missing.most_common(2)],
            piek_beurt=round(sum(peaks) / len(peaks), 1) if peaks else None,
            gemiddelde_eindspanning=round(sum(r.curve[-1] for r in played) / len(played), 1) if played else None,
        ))
    # where groups get stuck most: most bad endings first, then highest final tension
    out.sort(key=lambda s: (-s.afloop.get(status.BAD, 0), -(s.gemiddelde_eindspanning or 0), s.scenario))
    return out


def peak_turn(curve: List[int]) -> Optional[int]:
    """The first turn after which the tension was highest of the turns that made it rise; None when no turn made it
    rise (``curve[0]`` is the tension before the first turn: the opening is no turn, a user test saw 'beurt 0.0'). A
    rise that stays below the start counts too: 6 -> 4 -> 6 peaks at turn 2 (a user test saw '-' for a scenario whose
    tension rose after a pitfall in two of four sessions, under 'sessies waarin ze steeg')."""
    rises = [turn for turn in range(1, len(curve)) if curve[turn] > curve[turn - 1]]
    if not rises:
        return None
    return max(rises, key=lambda turn: (curve[turn], -turn))


def _label(rows: List[SessionRow]) -> None:
    """Each row's number as the trainee saw it in the chat; numbers count per conversation, so a trainee who played in
    two conversations ('Nieuw gesprek') has two sessions 1: those get their conversation's short hash, as the session
    page shows it ("1 (gesprek #3f9a1c2e)")."""
    from bot.web.conversation import short_hash  # lazy: bot.web imports bot.roleplay

    counts = Counter(row.nummer for row in rows)
    for row in rows:
        conversation = getattr(row.record, "conversation_id", None) if row.record is not None else None
        row.label = str(row.nummer) if counts[row.nummer] == 1 or not conversation else \
            f"{row.nummer} (gesprek #{short_hash(conversation)})"


def pitfall_text(row: SessionRow, names: Optional[Dict[str, str]] = None) -> str:
    """The session's pitfalls in words, with their turns, as the debrief lists them: 'Redden (valkuil) in beurt 2';
    pitfalls in turns copied from the finished session this retry continues, with that session's number. '-' for
    none. The group page and its CSV both read this."""
    names = names if names is not None else move_names()
    own = [f"{names.get(p, p)} in beurt {nr}" for nr, p in row.valkuil_beurten]
    copied = [f"{names.get(p, p)} in beurt {nr}" for nr, p in row.overgenomen]
    if copied:
        earlier = f"sessie {row.vervolg_van_nummer}" if row.vervolg_van_nummer is not None else "een eerdere sessie"
        own.append(f"uit {earlier}: " + ", ".join(copied) if row.vervolg_van else ", ".join(copied))
    return "; ".join(own) or "-"


def move_names() -> Dict[str, str]:
    """Move id -> Dutch name ('Erkennen', 'Redden (valkuil)'), a pitfall form's id -> the form's name
    (``feedback.move_names``); empty when the knowledge cannot be read (ids then)."""
    try:
        return feedback.move_names()
    except Exception:  # the names are a nicety; the page works with the ids
        return {}


def write_group_csv(view: GroupView, out) -> int:
    """One row per session, in words (scenario titles, move names, endings); returns the number of rows."""
    writer = csv_writer(out, CSV_FIELDS)
    names = move_names()
    count = 0
    for person in view.deelnemers:
        for row in person.sessies:
            values = {
                "groep": view.groep, "deelnemer": person.naam, "sessie": row.label or row.nummer, "datum": row.datum,
                "scenario": row.titel, "afloop": ENDING_NAMES[row.afloop], "beurten": row.beurten,
                "stappen_gebruikt": ", ".join(names.get(s, s) for s in row.stappen),
                "stappen_overgeslagen": ", ".join(names.get(s, s) for s in row.overgeslagen),
                "valkuilen": pitfall_text(row, names), "spanning": " ".join(map(str, row.curve)),
                "opnieuw_geprobeerd": row.opnieuw,
            }
            writer.writerow(values)
            count += 1
    return count


# ------------------------------------------------------------------ SVG charts (drawn on the server)

COLORS = {status.GOOD: "#2e7d32", status.BAD: "#c62828", status.STOPPED: "#757575", status.BUSY: "#1565c0"}
CURVE_COLORS = ["#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#558b2f", "#4e342e", "#283593"]


def tension_svg(rows: List[SessionRow], width: int = 360, height: int = 150) -> Dict[str, Any]:
    """Polylines of the tension curves of ``rows`` in one small chart (data for the template)."""
    pad = 24
    longest = max([len(r.curve) for r in rows] + [2])
    x_step = (width - 2 * pad) / (longest - 1)
    y_of = lambda v: round(height - pad - (height - 2 * pad) * v / MAX_TENSION, 1)  # noqa: E731
    lines = []
    for index, row in enumerate(rows):
        points = " ".join(f"{round(pad + i * x_step, 1)},{y_of(v)}" for i, v in enumerate(row.curve))
        lines.append({"points": points, "color": CURVE_COLORS[index % len(CURVE_COLORS)],
                      "label": f"sessie {row.label or row.nummer} ({ENDING_NAMES[row.afloop]})", "end": row.afloop})
    grid = [{"y": y_of(v), "label": v} for v in (0, 5, 10)]
    return {"width": width, "height": height, "pad": pad, "lines": lines, "grid": grid, "turns": longest - 1}


def steps_svg(person: Participant, width: int = 360, bar_h: int = 14) -> Dict[str, Any]:
    """Horizontal bars: in how many sessions each step was used."""
    total = max(len(person.sessies), 1)
    label_w = 150
    bars = []
    for index, step in enumerate(STEPS):
        used = person.stappen.get(step, 0)
        bars.append({"y": index * (bar_h + 6), "label": step, "count": used,
                     "w": round((width - label_w - 40) * used / total, 1)})
    return {"width": width, "height": len(STEPS) * (bar_h + 6), "bar_h": bar_h, "label_w": label_w, "bars": bars,
            "total": total}


def endings_svg(view: GroupView, width: int = 640, bar_h: int = 18) -> Dict[str, Any]:
    """One stacked bar per participant: how the sessions ended."""
    label_w = 140
    most = max([len(p.sessies) for p in view.deelnemers] + [1])
    unit = (width - label_w - 20) / most
    rows = []
    x: float
    for index, person in enumerate(view.deelnemers):
        x, parts = label_w, []
        for ending in ENDINGS:
            n = person.afloop.get(ending, 0)
            if n:
                parts.append({"x": round(x, 1), "w": round(n * unit, 1), "color": COLORS[ending], "n": n,
                              "title": f"{n} {ENDING_NAMES[ending]}"})
                x += n * unit
        rows.append({"y": index * (bar_h + 8), "naam": person.naam, "parts": parts})
    return {"width": width, "height": max(len(rows), 1) * (bar_h + 8), "bar_h": bar_h, "label_w": label_w, "rows": rows}


# Under the group page's 'Exporteer CSV' (``bot.privacy.forget.EXPORT_NOTE`` on the command line)
EXPORT_PAGE_NOTE = ("Een export is een kopie: 'rustpunt vergeet', 'Wis deze sessie' en de bewaartermijn wissen hem "
                    "niet. Verwijder het bestand zelf zodra je het niet meer nodig hebt.")


def render_group_page(records: Iterable[Any], group: str, start=None, end=None, printable: bool = False) -> str:
    """The group view as a whole HTML page (``printable`` for the print version). Bad input (no group,
    wrong dates) gives the page with a Dutch message instead of an error."""
    from bot.web import trainer_page  # lazy: bot.web imports bot.roleplay: a cycle at import time

    records = list(records)
    try:
        view = group_view(records, group, start, end)
        error = None
    except GroupError as exc:
        view, error = None, str(exc)
    groups = sorted({(_session(r).get("groep") or "").strip() for r in records} - {""}, key=str.lower)
    names = move_names()
    template = trainer_page.environment().get_template("groep.html")
    return template.render(
        view=view, error=error, groups=groups, group=group or "", start=start or "", end=end or "",
        printable=printable, steps=STEPS, names=names, ending_names=ENDING_NAMES, colors=COLORS,
        tension_svg=tension_svg, steps_svg=steps_svg, endings_svg=endings_svg, pitfall_text=pitfall_text,
        period_text=period_text,
        none_found=none_found,
        export_note=EXPORT_PAGE_NOTE,
        session_html=lambda row: trainer_page.render_session(_as_record(row.record)),
    )


def _as_record(record: Any) -> Any:
    """A session dict as the record shape ``trainer_page.render_session`` reads."""
    if not isinstance(record, dict):
        return record
    from types import SimpleNamespace

    data = {k: v for k, v in record.items() if k not in {"id", "status", "created_at", "conversation_id"}}
    return SimpleNamespace(pk=record.get("id"), data=data, created_at=record.get("created_at"),
                           status=record.get("status"), conversation_id=None, title=record.get("titel"))


def group_csv_text(records: Iterable[Any], group: str, start=None, end=None) -> str:
    """The CSV export as text (for a download link); raises ``GroupError`` with a Dutch message."""
    out = io.StringIO()
    write_group_csv(group_view(records, group, start, end), out)
    return out.getvalue()
