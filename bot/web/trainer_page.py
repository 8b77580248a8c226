"""HTML of the trainers' page (server-rendered, every value escaped, any data shape accepted).

Role-play sessions come from ``bot.records.list_records(kind="rollenspel")``; their ``data``
holds at least a transcript and a debrief, but this page renders whatever it finds.
"""
from __future__ import annotations

from html import escape
from typing import Any, Iterable, List, Optional, Tuple

from bot.web.conversation import short_hash

MAX_TEXT = 5000
MAX_ITEMS = 200
MAX_DEPTH = 4

TRANSCRIPT_KEYS = ("transcript", "beurten", "gesprek")
DEBRIEF_KEYS = ("debrief", "feedback", "nabespreking")
TITLE_KEYS = ("scenario_titel", "scenario_naam", "titel", "scenario")
SPEAKER_KEYS = ("spreker", "wie", "van", "rol", "role", "speaker")
TEXT_KEYS = ("tekst", "text", "bericht", "zin")
META_KEYS = ("deelnemer", "groep")


def _text(value: Any) -> str:
    text = str(value)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT] + " …"
    return escape(text)


LABELS = {
    "einde": "Afloop", "beurten": "Aantal beurten", "stappen_volgorde": "Stappen in volgorde",
    "zetten_volgorde": "Alle zetten", "aantal_per_zet": "Aantal per zet",
    "ontbrekende_stappen": "Niet gebruikte stappen", "valkuilen": "Beurten om naar te kijken",
    "spanning": "Spanning per beurt", "tips": "Tips", "beter_naam": "Beter",
}
ARROW_KEYS = ("spanning", "stappen_volgorde", "zetten_volgorde")
DEBRIEF_ORDER = ("einde", "beurten", "spanning", "stappen_volgorde", "ontbrekende_stappen", "valkuilen", "tips")
DEBRIEF_SKIP = ("soort", "scenario", "titel", "sessie")


def _label(key: Any) -> str:
    if key in LABELS:
        return escape(LABELS[key])
    text = str(key).replace("_", " ").strip()
    return escape(text[:1].upper() + text[1:]) if text else ""


def render_value(value: Any, depth: int = 0) -> str:
    """Any JSON value as readable HTML: dicts as definition lists, lists as bullet lists."""
    if value is None or value == "" or value == [] or value == {}:
        return '<p class="leeg">(leeg)</p>'
    if depth >= MAX_DEPTH:
        return f"<p>{_text(value)}</p>"
    if isinstance(value, dict):
        parts = [
            f"<dt>{_label(key)}</dt><dd>{render_value(item, depth + 1)}</dd>"
            for key, item in list(value.items())[:MAX_ITEMS]
        ]
        return f"<dl>{''.join(parts)}</dl>"
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, (str, int, float)) and not isinstance(item, bool) and len(str(item)) <= 40 for item in value
    ):
        return f"<p>{_text(', '.join(str(item) for item in value[:MAX_ITEMS]))}</p>"
    if isinstance(value, (list, tuple)):
        items = "".join(f"<li>{render_value(item, depth + 1)}</li>" for item in list(value)[:MAX_ITEMS])
        return f"<ul>{items}</ul>"
    if isinstance(value, bool):
        return "<p>ja</p>" if value else "<p>nee</p>"
    return "".join(f"<p>{_text(line)}</p>" for line in str(value).split("\n") if line.strip()) or "<p></p>"


def _pitfall(item: Any) -> str:
    if not isinstance(item, dict) or "tekst" not in item:
        return f"<li>{render_value(item, 2)}</li>"
    line = f"Beurt {_text(item.get('beurt', '?'))}: “{_text(item['tekst'])}”"
    if item.get("naam"):
        line += f" was {_text(item['naam'])}"
    if item.get("beter_naam"):
        line += f"; beter: {_text(item['beter_naam'])}"
    if item.get("voorbeeld"):
        line += f", bijvoorbeeld “{_text(item['voorbeeld'])}”"
    return f"<li>{line}.</li>"


def render_debrief(debrief: Any) -> str:
    """The role-play debrief (bot.roleplay.feedback.debrief) as a compact definition list;
    other shapes through :func:`render_value`."""
    if not isinstance(debrief, dict):
        return render_value(debrief)
    keys = [k for k in DEBRIEF_ORDER if k in debrief] + [
        k for k in debrief if k not in DEBRIEF_ORDER and k not in DEBRIEF_SKIP
    ]
    rows = []
    for key in keys[:MAX_ITEMS]:
        value = debrief[key]
        if key in ARROW_KEYS and isinstance(value, list) and value:
            body = f"<p>{_text(' → '.join(str(v) for v in value))}</p>"
        elif key == "valkuilen" and isinstance(value, list):
            body = f"<ul>{''.join(_pitfall(v) for v in value)}</ul>" if value else "<p>geen</p>"
        elif key == "tips" and isinstance(value, list):
            body = f"<ul>{''.join(f'<li>{_text(v)}</li>' for v in value)}</ul>"
        else:
            body = render_value(value, 1)
        rows.append(f"<dt>{_label(key)}</dt><dd>{body}</dd>")
    return f'<dl class="debrief">{"".join(rows)}</dl>'


def _first(data: dict, keys: Iterable[str]) -> Any:
    for key in keys:
        if key in data and data[key] not in (None, "", [], {}):
            return data[key]
    return None


def _engine_turn(turn: dict) -> str:
    """A role-play engine turn: the professional's text, the persona's answer, move and tension."""
    parts = [f'<span class="spreker">Professional:</span> {_text(turn.get("tekst", ""))}']
    if turn.get("antwoord"):
        who = f"Gesprekspartner ({turn['rol']})" if turn.get("rol") else "Gesprekspartner"
        parts.append(f'<br><span class="spreker">{_text(who)}:</span> {_text(turn["antwoord"])}')
    extra = []
    if turn.get("zet"):
        extra.append(f"zet: {_text(turn['zet'])}")
    if "spanning_voor" in turn or "spanning_na" in turn:
        extra.append(f"spanning {_text(turn.get('spanning_voor', '?'))} → {_text(turn.get('spanning_na', '?'))}")
    if extra:
        parts.append(f'<span class="beurt-extra">{"; ".join(extra)}</span>')
    return f"<li>{''.join(parts)}</li>"


def render_transcript(turns: Any) -> str:
    if not isinstance(turns, list):
        return render_value(turns)
    rows: List[str] = []
    for turn in turns[:MAX_ITEMS]:
        if isinstance(turn, dict) and "tekst" in turn and ("antwoord" in turn or "spanning_na" in turn):
            rows.append(_engine_turn(turn))
        elif isinstance(turn, dict):
            speaker = _first(turn, SPEAKER_KEYS)
            text = _first(turn, TEXT_KEYS)
            extra = {k: v for k, v in turn.items() if k not in SPEAKER_KEYS + TEXT_KEYS}
            head = f'<span class="spreker">{_text(speaker)}:</span> ' if speaker is not None else ""
            body = _text(text) if text is not None else ""
            more = ""
            if extra:
                more = '<span class="beurt-extra">' + "; ".join(
                    f"{_label(k)}: {_text(v)}" for k, v in list(extra.items())[:10]
                ) + "</span>"
            rows.append(f"<li>{head}{body}{more}</li>")
        else:
            rows.append(f"<li>{_text(turn)}</li>")
    if not rows:
        return '<p class="leeg">(geen beurten)</p>'
    return f'<ol class="transcript">{"".join(rows)}</ol>'


def render_session(record: Any) -> str:
    """One stored role-play session as an <article>; never raises on odd data."""
    pk = getattr(record, "pk", "?")
    data = getattr(record, "data", None)
    created = getattr(record, "created_at", None)
    status = getattr(record, "status", None)
    conversation = getattr(record, "conversation_id", None)
    title = getattr(record, "title", None)
    if not isinstance(data, dict):
        data = {"gegevens": data}
    if not title:
        found = _first(data, TITLE_KEYS)
        title = found if isinstance(found, str) else None
    heading = f"Rollenspel {pk}" + (f": {_text(title)}" if title else "")
    meta = []
    if created is not None:
        stamp = created.strftime("%d-%m-%Y %H:%M") if hasattr(created, "strftime") else str(created)
        meta.append(f"<dt>Datum (UTC)</dt><dd>{_text(stamp)}</dd>")
    if status:
        meta.append(f"<dt>Status</dt><dd>{_text(status)}</dd>")
    if conversation:  # a short hash tells sessions of one conversation apart; the id itself stays off the page
        meta.append(f"<dt>Gesprek</dt><dd><code>#{short_hash(conversation)}</code></dd>")
    for key in META_KEYS:
        if data.get(key) not in (None, "", [], {}):
            meta.append(f"<dt>{_label(key)}</dt><dd>{_text(data[key])}</dd>")
    debrief = _first(data, DEBRIEF_KEYS)
    transcript = _first(data, TRANSCRIPT_KEYS)
    used: Tuple[str, ...] = DEBRIEF_KEYS + TRANSCRIPT_KEYS + TITLE_KEYS + META_KEYS
    state = data.get("state")
    if transcript is None and isinstance(state, dict):  # the role-play engine keeps turns in its state
        transcript = _first(state, ("turns",) + TRANSCRIPT_KEYS)
        if transcript is not None:
            used += ("state",)
    rest = {k: v for k, v in data.items() if k not in used}
    debrief_html = render_debrief(debrief) if debrief is not None else '<p class="leeg">Nog geen debrief (sessie niet afgerond).</p>'
    turns = len(transcript) if isinstance(transcript, list) else 0
    parts = [
        f'<article class="sessie" id="sessie-{_text(pk)}" aria-labelledby="sessie-{_text(pk)}-titel">',
        f'<h2 id="sessie-{_text(pk)}-titel">{heading}</h2>',
        f'<dl class="meta">{"".join(meta)}</dl>' if meta else "",
        f"<section><h3>Debrief</h3>{debrief_html}</section>",
        f"<details><summary>Transcript ({turns} beurten)</summary>{render_transcript(transcript)}</details>"
        if transcript is not None
        else '<p class="leeg">Geen transcript opgeslagen.</p>',
        f"<details><summary>Overige gegevens</summary>{render_value(rest)}</details>" if rest else "",
        "</article>",
    ]
    return "".join(parts)


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        '<link rel="stylesheet" href="/static/style.css"></head>'
        f'<body class="trainer"><header class="kop"><h1>{escape(title)}</h1>'
        '<a class="kop-link" href="/">Naar de chat</a></header>'
        f'<main id="inhoud" class="trainer-inhoud">{body}</main></body></html>'
    )


def _groups(records: List[Any]) -> List[str]:
    found = set()
    for record in records:
        data = getattr(record, "data", None)
        if isinstance(data, dict) and isinstance(data.get("groep"), str) and data["groep"].strip():
            found.add(" ".join(data["groep"].split()))
    return sorted(found, key=str.lower)


def group_form(records: List[Any]) -> str:
    """The way from the list of sessions to the group view: choose a group and a date range."""
    options = "".join(f'<option value="{escape(g)}">' for g in _groups(records))
    return (
        '<section class="groep-kiezen" aria-labelledby="groep-kiezen-kop">'
        '<h2 id="groep-kiezen-kop">Groepsoverzicht</h2>'
        "<p>Per deelnemer de sessies, hoe ze afliepen, stappen, valkuilen en spanningscurves; "
        "met CSV-export en printversie.</p>"
        '<form method="get" action="/trainer/groep" class="groep-form">'
        '<label for="groep-code">Groep</label>'
        '<input id="groep-code" name="groep" list="groep-lijst" maxlength="60" required>'
        f'<datalist id="groep-lijst">{options}</datalist>'
        '<label for="groep-van">Van</label><input id="groep-van" name="van" type="date">'
        '<label for="groep-tot">Tot en met</label><input id="groep-tot" name="tot" type="date">'
        '<button type="submit">Toon groepsoverzicht</button></form></section>'
    )


def sessions_page(records: List[Any]) -> str:
    if records:
        items = "".join(render_session(record) for record in records)
        intro = f"<p>{len(records)} opgeslagen rollenspel(len), nieuwste eerst.</p>"
    else:
        items = ""
        intro = "<p>Er zijn nog geen rollenspellen opgeslagen.</p>"
    logout = (
        '<form method="post" action="/trainer/uitloggen" class="uitloggen">'
        '<button type="submit">Uitloggen</button></form>'
    )
    return page("Rustpunt voor trainers: rollenspellen",
                f'{logout}{group_form(records)}{intro}<div class="sessies">{items}</div>')


def login_page(message: Optional[str]) -> str:
    alert = f'<p class="melding fout" role="alert">{escape(message)}</p>' if message else ""
    form = (
        '<form method="post" action="/trainer" class="login">'
        '<label for="token">Trainerstoken</label>'
        '<input id="token" name="token" type="password" autocomplete="current-password" required>'
        '<button type="submit">Inloggen</button></form>'
    )
    return page("Rustpunt voor trainers", f"{alert}<p>Deze pagina is alleen voor trainers.</p>{form}")


def not_configured_page() -> str:
    return page(
        "Rustpunt voor trainers",
        '<p class="melding fout" role="alert">Trainerstoegang is niet ingesteld. De beheerder moet '
        "de omgevingsvariabele RUSTPUNT_TRAINER_TOKEN zetten (minstens 12 tekens) en Rustpunt "
        "opnieuw starten. Tot die tijd is deze pagina gesloten.</p>",
    )


def message_page(title: str, message: str) -> str:
    return page(title, f'<p class="melding fout" role="alert">{escape(message)}</p>')
