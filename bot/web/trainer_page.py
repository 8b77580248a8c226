"""HTML of the trainers' page, rendered from Jinja2 templates in bot/web/templates/ (autoescape on).

Role-play sessions come from ``bot.records.list_records(kind="rollenspel")``; what their ``data``
holds, and the defaults for older records, is known by :func:`bot.roleplay.report.session_view`.
This module holds the one template environment of the web layer (the group view uses it too).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from bot.roleplay.report import label, readable, session_view
from bot.web.conversation import short_hash
from bot.wording import counted, decimal, shortened

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_TEXT = 5000
TITLE = "Rustpunt voor trainers"
NOT_CONFIGURED = (
    "Trainerstoegang is niet ingesteld. De beheerder moet de omgevingsvariabele RUSTPUNT_TRAINER_TOKEN "
    "zetten (minstens 12 tekens) en Rustpunt opnieuw starten. Tot die tijd is deze pagina gesloten."
)


def clip(value: Any) -> str:
    """A value as text; a text longer than MAX_TEXT characters is cut at a word boundary (``wording.shortened``; a user
    test saw it cut mid-word). Escaping is the template's job."""
    text = str(value)
    return shortened(text, MAX_TEXT) if len(text) > MAX_TEXT else text


def page_date(value: Any) -> str:
    """A sortable moment ("2026-12-06 05:56", as in the CSV) as the trainers' page shows one ("06-12-2026 05:56")."""
    from datetime import datetime

    from bot.local_time import PAGE_FORMAT, SORTABLE_FORMAT

    try:
        return datetime.strptime(str(value), SORTABLE_FORMAT).strftime(PAGE_FORMAT)
    except ValueError:
        return str(value)


def status_name(value: Any) -> str:
    """A session's status in words ("goed afgelopen", "misgelopen"), as on the group page; other values as they are."""
    from bot.status import ENDING_NAMES

    return ENDING_NAMES.get(str(value), str(value))


def move_name(value: Any) -> str:
    """A move id ("inhoud") by its name ("De inhoud in (valkuil)"), as in the debrief rows."""
    from bot.roleplay.report import move_name as name_of  # lazy: bot.roleplay imports bot.web for its pages

    return str(name_of(value))


def _short_list(value: Any) -> bool:
    """A list of short plain values, shown on one line."""
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, (str, int, float)) and not isinstance(item, bool) and len(str(item)) <= 40
        for item in value)


@lru_cache(maxsize=None)
def environment() -> Environment:
    """The templates of bot/web/templates/, every value escaped; created once."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(clip=clip, label=label, short_hash=short_hash, page_date=page_date, status_name=status_name,
                       move_name=move_name, decimal=decimal, readable=readable)
    env.globals["counted"] = counted  # '1 sessie', '2 sessies' (a user test saw 'sessie(s)')
    env.tests["short_list"] = _short_list
    return env


def _render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def render_session(record: Any) -> Markup:
    """One stored role-play session as an <article>; never raises on odd data."""
    macros: Any = environment().get_template("trainer_macros.html").module
    return macros.session(session_view(record))


def _groups(records: List[Any]) -> List[str]:
    found = set()
    for record in records:
        data = getattr(record, "data", None)
        if isinstance(data, dict) and isinstance(data.get("groep"), str) and data["groep"].strip():
            found.add(" ".join(data["groep"].split()))
    return sorted(found, key=str.lower)


MAX_PROBLEMS = 30  # problems of the knowledge files shown on the trainers' page


def sessions_page(records: List[Any], notice: Optional[str] = None, problems: Optional[List[str]] = None,
                  more: bool = False) -> str:
    """The stored sessions, each with its 'Wis deze sessie' button; ``notice`` says what was just done; ``problems``:
    the problems of the knowledge files (``bot.knowledge.loader.pending_problems``), while the chat uses the previous
    version of them; ``more``: these are only the newest sessions, older ones are in the group view."""
    from bot.knowledge.loader import CHECK_SECONDS

    shown = list(problems or [])
    return _render("trainer_sessies.html", title="Rustpunt voor trainers: rollenspellen",
                   sessions=[session_view(record) for record in records], groups=_groups(records), notice=notice,
                   problems=shown[:MAX_PROBLEMS], more_problems=max(0, len(shown) - MAX_PROBLEMS),
                   check_seconds=int(CHECK_SECONDS), more=more)


def session_page(record: Any) -> str:
    """One stored session on a page of its own, its transcript open (as stored: what was masked stays masked), with a
    way back to its group's overview: the link from a session row of the group page."""
    data = getattr(record, "data", None)
    group = data.get("groep") if isinstance(data, dict) else None
    view = session_view(record)
    return _render("trainer_sessie.html", title=f"Rustpunt voor trainers: rollenspel {view.nummer}", s=view,
                   group=" ".join(group.split()) if isinstance(group, str) else "")


def session_label_map(records: List[Any], numbers: List[int]) -> Dict[int, str]:
    """The sessions with internal numbers ``numbers`` as a trainer knows them, by internal number: the number the
    professional saw in the chat, with whose session it is ("2 van Deelnemer K7"); never the internal number."""
    wanted = set(numbers)
    labels = {}
    for record in records:
        if getattr(record, "pk", None) in wanted:
            view = session_view(record)
            labels[record.pk] = f"{view.nummer} van {view.deelnemer}" if view.deelnemer else str(view.nummer)
    return labels


def session_labels(records: List[Any], numbers: List[int]) -> List[str]:
    """``session_label_map`` as a list, in the order of ``records``."""
    return list(session_label_map(records, numbers).values())


def wipe_question_page(record: Any, continuing: List[int], records: Optional[List[Any]] = None) -> str:
    """'Rollenspel 4 wissen?': what wiping removes (the session, the retries continuing it, its part of the chat),
    with the button that does it. ``continuing``: the internal numbers of the retries, named from ``records``."""
    from bot.privacy.forget import WIPED_EXPORT_NOTE  # lazy: the wiping module loads the stores

    return _render("trainer_wissen.html", title="Rustpunt voor trainers: rollenspel wissen", s=session_view(record),
                   continuing=session_labels(records or [], continuing), export_note=WIPED_EXPORT_NOTE)


def group_wipe_question_page(view: Any, records: List[Any]) -> str:
    """'Alle sessies van groep X wissen?': how many sessions of how many trainees go (``view``: the group page's
    ``GroupView``, its period included), what wiping removes as 'Wis deze sessie' says it, and the button that does
    it. ``records``: every stored session, for the retries continuing one of them outside the group or period."""
    from bot.privacy.forget import WIPED_EXPORT_NOTE_MANY, continuing_sessions  # lazy: the wiping module
    from bot.roleplay.group import period_text

    numbers = [row.id for person in view.deelnemers for row in person.sessies]
    extra = sorted({n for number in numbers for n in continuing_sessions(records, number)} - set(numbers))
    in_chat = any(getattr(row.record, "conversation_id", None) for person in view.deelnemers for row in person.sessies)
    return _render("trainer_groep_wissen.html", title="Rustpunt voor trainers: sessies van een groep wissen",
                   view=view, numbers=numbers, continuing=session_labels(records, extra), in_chat=in_chat,
                   export_note=WIPED_EXPORT_NOTE_MANY,
                   period=period_text(view.van, view.tot), start=view.van.isoformat() if view.van else "",
                   end=view.tot.isoformat() if view.tot else "")


def login_page(message: Optional[str]) -> str:
    return _render("trainer_login.html", title=TITLE, message=message)


def not_configured_page() -> str:
    return message_page(TITLE, NOT_CONFIGURED)


def message_page(title: str, message: str) -> str:
    return _render("trainer_melding.html", title=title, message=message)
