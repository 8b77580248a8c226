"""Trainer output: a transcript, a CSV export, and an HTML report with a matplotlib chart.

The chart has two panels: how often each move was used over the selected sessions, and the
tension curve of every session. It is rendered with the Agg backend and embedded as a PNG.
"""
from __future__ import annotations

import base64
import csv
import io
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot import status
from bot.local_time import SORTABLE_FORMAT, dutch_time_text
from bot.roleplay.feedback import (
    move_counts as read_counts,
)
from bot.roleplay.feedback import (
    move_names,
    moves_label,
    quote_of,
    read_label,
    repetition_line,
    shown_move,
    taken_back,
    turn_label,
    turn_notes,
    turn_pitfall,
    turn_reads,
    with_turn_reads,
)
from bot.roleplay.models import MOVES, STEPS
from bot.roleplay.retry import attempts_for_debrief, attempts_text, latest_turns
from bot.wording import decimal, in_sentence, ordinal, sentence

CSV_FIELDS = ["sessie", "datum", "deelnemer", "groep", "scenario", "status", "beurt", "zet", "zetten", "valkuil",
              "zekerheid", "spanning_voor", "spanning_na", "rol", "tekst", "antwoord"]


def _turns(session: Dict[str, Any]) -> List[Dict[str, Any]]:
    return list(session.get("state", {}).get("turns", []))


def transcript_text(session: Dict[str, Any], zetten: Dict[str, Any]) -> str:
    state = session.get("state", {})
    lines = [
        f"Sessie {shown_number_of(session)}: {session.get('titel', session.get('scenario'))}",
        f"Deelnemer: {session.get('deelnemer') or '-'}   Groep: {session.get('groep') or '-'}   "
        f"Status: {status.ENDING_NAMES.get(session.get('status') or '', session.get('status') or '-')}",
        f"Startspanning: {(_turns(session)[0]['spanning_voor'] if _turns(session) else state.get('tension'))}/10",
        "",
    ]
    opening = opening_of(session)
    if opening:  # the persona's first line: the trainer judges turn 1 by it (a user test)
        lines.append(f"[begin] Gesprekspartner: {opening}")
    names = move_names(zetten)
    for turn in _turns(session):
        name = names.get(str(shown_move(turn)), turn["zet"])  # a pitfall form by its own name
        several = moves_label(turn, names)  # a turn read as more than one move: all of them, the main one marked
        lines.append(f"[{turn['nr']}] Jij: {turn['tekst']}")
        notes = "".join(f" ({note})" for note in turn_notes(turn))  # forgiven, or taking back the turn before
        lines.append(f"    {f'zetten: {several}' if several else f'zet: {name}'}{notes} | spanning "
                     f"{turn['spanning_voor']} → {turn['spanning_na']} | rol: {turn['rol']}")
        lines.append(f"    Antwoord: {turn['antwoord']}")
    if not _turns(session):
        lines.append("(nog geen beurten)")
    if session.get("pogingen"):  # 'probeer opnieuw vanaf beurt N': the earlier attempt next to the new one
        lines += ["", attempts_text(attempts_for_debrief(session, _turns(session)), zetten)]
    debrief = session.get("debrief")
    if debrief:
        tips = [tip for tip in debrief.get("tips") or [] if tip]
        lines += ["", "Tips uit de nabespreking:"] + ([f"- {tip}" for tip in tips] if tips else [
            "- geen: de nabespreking had geen verbeterpunten voor dit gesprek."])
    return "\n".join(lines)


def opening_of(session: Dict[str, Any]) -> Optional[str]:
    """The persona's first line of a stored session: as stored when the session began (``opening``), else from its
    scenario (a session stored before that); None when neither is known."""
    stored = session.get("opening")
    if isinstance(stored, str) and stored.strip():
        return stored
    scenario_id = session.get("scenario")
    if not isinstance(scenario_id, str):
        return None
    try:
        from bot.roleplay import catalog

        scenario = catalog.get_scenario(scenario_id)
    except Exception:  # the opening is a nicety for an older record; the transcript works without it
        return None
    return scenario.persona.opening if scenario is not None else None


def _safe_cell(value: Any) -> Any:
    """Keep spreadsheet programs from running a cell as a formula. A lone '-' ("none") is no formula and stays as it
    is (a user test read "'-" in the column of pitfalls of a session without any)."""
    if isinstance(value, str) and value.strip() != "-" and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# The column headings of the trainers' CSV files, as a trainer reads them (a user test saw the ids
# "stappen_gebruikt", "opnieuw_geprobeerd"); ``read_csv`` gives the rows back by the ids.
CSV_HEADERS = {
    "sessie": "Sessie", "datum": "Datum", "deelnemer": "Deelnemer", "groep": "Groep", "scenario": "Scenario",
    "status": "Afloop van de sessie", "afloop": "Afloop", "beurt": "Beurt", "beurten": "Beurten", "zet": "Zet",
    "zetten": "Alle zetten (als de beurt er meer had)",
    "valkuil": "Valkuil", "valkuilen": "Valkuilen", "zekerheid": "Zekerheid", "spanning_voor": "Spanning voor",
    "spanning_na": "Spanning na", "spanning": "Spanning per beurt", "rol": "Rol", "tekst": "Wat de deelnemer zei",
    "antwoord": "Antwoord van de gesprekspartner", "stappen_gebruikt": "Stappen gebruikt",
    "stappen_overgeslagen": "Stappen overgeslagen", "opnieuw_geprobeerd": "Opnieuw geprobeerd (keer)",
}


def csv_header(field_id: str) -> str:
    """The Dutch heading of a CSV column (``CSV_HEADERS``), else the id made readable."""
    return CSV_HEADERS.get(field_id) or field_id.replace("_", " ").capitalize()


CSV_DELIMITER = ";"
BOM = "\ufeff"


class CsvWriter:
    """The trainers' CSV files as Excel in Dutch opens them with a double click: fields separated by ';' (Excel in
    Dutch takes the comma as the decimal sign and showed every row in one column, a user test) and a UTF-8 byte order
    mark first (else 'é' comes out garbled). Cells cannot start a formula. Used by every CSV export."""

    def __init__(self, out, fields: List[str]) -> None:
        out.write(BOM)
        self._writer = csv.DictWriter(out, fieldnames=fields, delimiter=CSV_DELIMITER)
        self._writer.writerow({field_id: csv_header(field_id) for field_id in fields})  # Dutch headings

    def writerow(self, row: Dict[str, Any]) -> None:
        self._writer.writerow({key: _safe_cell(value) for key, value in row.items()})


def csv_writer(out, fields: List[str]) -> CsvWriter:
    return CsvWriter(out, fields)


def read_csv(text: str) -> List[Dict[str, str]]:
    """The rows of a CSV text written by ``CsvWriter`` (byte order mark and ';'), e.g. to read an export back, keyed by
    the column ids (a Dutch heading of ``CSV_HEADERS`` back to its id)."""
    reader = csv.DictReader(io.StringIO(text.removeprefix(BOM)), delimiter=CSV_DELIMITER)
    headings = list(reader.fieldnames or [])
    back = {heading: field_id for field_id, heading in CSV_HEADERS.items()}
    ids = {heading: back.get(heading, heading) for heading in headings}
    return [{ids.get(key, key): value for key, value in row.items()} for row in reader]


def write_csv(sessions: Iterable[Dict[str, Any]], out) -> int:
    """One row per turn, in words (scenario title, move name, ending); returns the number of rows written."""
    writer = csv_writer(out, CSV_FIELDS)
    count = 0
    for session in sessions:
        for turn in _turns(session):
            sure = turn.get("zekerheid")
            row = {
                "sessie": shown_number_of(session),
                "datum": dutch_time_text(session.get("created_at"), "%Y-%m-%d %H:%M:%S")[:19],
                "deelnemer": session.get("deelnemer") or "", "groep": session.get("groep") or "",
                "scenario": session.get("titel") or session.get("scenario"),
                "status": status.ENDING_NAMES.get(session.get("status") or "", session.get("status") or ""),
                "beurt": turn["nr"], "zet": move_name(shown_move(turn)),  # a pitfall form by its own name
                "zetten": _moves_label(turn) or "",  # a turn read as several moves: all of them, the main one marked
                "valkuil": move_name(shown_move(turn, pitfall)) if (pitfall := turn_pitfall(turn)) else "",
                "zekerheid": decimal(sure, 2) if isinstance(sure, (int, float)) else sure,
                "spanning_voor": turn["spanning_voor"], "spanning_na": turn["spanning_na"], "rol": turn["rol"],
                "tekst": turn["tekst"], "antwoord": turn["antwoord"],
            }
            writer.writerow(row)
            count += 1
    return count


def move_counts(sessions: Iterable[Dict[str, Any]]) -> Dict[str, int]:
    """In how many turns each move was read, as the debrief counts them (``feedback.move_counts``): every move of a
    turn read as several, not only its main move (a user test of session 25), and not a forgiven doubt."""
    counts = {move: 0 for move in MOVES}
    for session in sessions:
        for move, n in read_counts(turn_reads(_turns(session))).items():
            counts[move] = counts.get(move, 0) + n
    return counts


def chart_png(sessions: List[Dict[str, Any]]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    counts = move_counts(sessions)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    colors = ["#2e7d32" if m in STEPS else ("#9e9e9e" if m == "onduidelijk" else "#c62828") for m in counts]
    left.bar(list(counts), list(counts.values()), color=colors)
    left.set_title("Gebruikte zetten (groen = stap, rood = valkuil)")
    left.set_ylabel("aantal beurten")
    left.tick_params(axis="x", rotation=45)
    for session in sessions:
        turns = _turns(session)
        if not turns:
            continue
        curve = [turns[0]["spanning_voor"]] + [t["spanning_na"] for t in turns]
        right.plot(range(len(curve)), curve, marker="o", label=f"sessie {shown_number_of(session)}")
    right.set_ylim(0, 10.5)
    right.set_title("Spanning per beurt")
    right.set_xlabel("beurt")
    right.set_ylabel("spanning (0-10)")
    if sessions:
        right.legend(fontsize=7, loc="best")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()


def html_report(name: str, sessions: List[Dict[str, Any]], zetten: Dict[str, Any]) -> str:
    """The command-line HTML report (``rustpunt rapport``), rendered from ``rapport.html`` (autoescape on)."""
    from bot.web import trainer_page  # lazy: bot.web imports bot.roleplay: a cycle at import time

    png = base64.b64encode(chart_png(sessions)).decode("ascii")
    rows = []
    for s in sessions:
        turns = _turns(s)
        curve = ([turns[0]["spanning_voor"]] + [t["spanning_na"] for t in turns]) if turns else []
        debrief = with_turn_reads(s.get("debrief") or {}, turns)  # an older debrief: its steps from the turns
        steps = [zetten[m].naam if m in zetten else m for m in debrief.get("stappen_volgorde", [])]
        rows.append([str(v) for v in (
            shown_number_of(s), dutch_time_text(s.get("created_at"), SORTABLE_FORMAT)[:16],
            s.get("titel") or s.get("scenario"),
            status.ENDING_NAMES.get(s.get("status") or "", s.get("status") or ""), len(turns),
            " → ".join(map(str, curve)), ", ".join(steps) or "-",
        )])
    tips: List[Any] = []
    for s in sessions:
        for tip in (s.get("debrief") or {}).get("tips", []):
            if tip not in tips:
                tips.append(tip)
    template = trainer_page.environment().get_template("rapport.html")
    return template.render(name=name, sessions=len(sessions), turns=sum(len(_turns(s)) for s in sessions),
                           png=png, rows=rows, tips=tips) + "\n"


# -- the trainers' page: one stored session as a typed view ----------------------------------------
# Sessions are stored by bot.roleplay.session (data: scenario, titel, deelnemer, groep, state with the
# engine's turns, debrief from bot.roleplay.feedback.debrief). Older records used other key names; the
# tolerant defaults for them live here, so the web layer reads fields, not guessed keys.

MAX_ITEMS = 200
TRANSCRIPT_KEYS = ("transcript", "beurten", "gesprek")
DEBRIEF_KEYS = ("debrief", "feedback", "nabespreking")
TITLE_KEYS = ("scenario_titel", "scenario_naam", "titel", "scenario")
SPEAKER_KEYS = ("spreker", "wie", "van", "rol", "role", "speaker")
TEXT_KEYS = ("tekst", "text", "bericht", "zin")
META_KEYS = ("deelnemer", "groep")
INTERNAL_KEYS = ("scenariolijst_getoond",)  # bookkeeping of a running role-play (``bot.roleplay.session``)
RETRY_KEYS = ("pogingen", "vervolg_van", "vervolg_vanaf")  # 'probeer opnieuw vanaf beurt N' (bot.roleplay.retry)
DEBRIEF_LABELS = {
    "einde": "Afloop", "beurten": "Aantal beurten", "stappen_volgorde": "Stappen in volgorde",
    "zetten_volgorde": "Alle zetten", "aantal_per_zet": "Aantal per zet",
    "ontbrekende_stappen": "Niet gebruikte stappen", "valkuilen": "Beurten om naar te kijken",
    "spanning": "Spanning per beurt", "tips": "Tips", "beter_naam": "Beter",
    "patroon": "Te veel beurten met een valkuil voor een goed einde",
    "twijfel": "Beurten waarbij de herkenner twijfelde", "pogingen": "Eerdere pogingen (opnieuw vanaf een beurt)",
    "vervolg": "Nieuwe poging na", "per_beurt": "Alle beurten",
    "herhalingen": "Dezelfde stap te vaak achter elkaar",
    "verhoren": "Een rij gesloten vragen (voelde als een verhoor)",
}
ARROW_KEYS = ("spanning", "stappen_volgorde", "zetten_volgorde", "per_beurt")
DEBRIEF_ORDER = ("einde", "beurten", "spanning", "stappen_volgorde", "per_beurt", "ontbrekende_stappen", "valkuilen",
                 "tips")
DEBRIEF_SKIP = ("soort", "scenario", "titel", "sessie")


def label(key: Any) -> str:
    """A data key as a Dutch heading: the known debrief names, else the key made readable."""
    if key in DEBRIEF_LABELS:
        return DEBRIEF_LABELS[key]
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _first(data: Dict[str, Any], keys: Iterable[str]) -> Any:
    return next((data[key] for key in keys if key in data and _present(data[key])), None)


@dataclass(frozen=True)
class PitfallView:
    """One entry of debrief['valkuilen'] (bot.roleplay.feedback); ``known`` is False for other shapes,
    which the page then shows as they are (``raw``)."""

    known: bool
    beurt: Any = "?"
    tekst: str = ""
    naam: str = ""
    beter_naam: str = ""
    voorbeeld: str = ""
    raw: Any = None
    naast: str = ""  # the step the turn was read as, beside the pitfall sentence
    zelf_teruggenomen: bool = False  # the next turn took it back
    valkuilzin: str = ""  # the sentence that carried the pitfall, quoted as in the trainee's debrief
    voorbeeld_bij: Any = None  # the example was given at this earlier turn (``feedback.better_example``)

    @property
    def line(self) -> str:
        """'Beurt 3: “...” was het kind in het midden zetten (een vorm van redden). Nam het in de beurt erna zelf
        terug. Beter: erkennen, bijvoorbeeld “...”': names lower case inside the sentence, one full stop after a
        quote that ends in one."""
        what = (f" bevatte naast {in_sentence(self.naast)} ook {in_sentence(self.naam)}" if self.naast and self.naam
                else f" was {in_sentence(self.naam)}" if self.naam else "")
        if what and self.valkuilzin:  # the same quote as the trainee's debrief (``feedback.debrief_text``)
            what += f": “{quote_of(self.valkuilzin)}”"
        parts = [sentence(f"Beurt {self.beurt}: “{self.tekst}”{what}")]
        if self.zelf_teruggenomen:
            parts.append("De deelnemer nam het in de beurt erna zelf terug.")
        if self.beter_naam:
            example = (f", zoals in het voorbeeld bij beurt {self.voorbeeld_bij}" if self.voorbeeld_bij
                       else f", bijvoorbeeld “{self.voorbeeld}”" if self.voorbeeld else "")
            parts.append(sentence(f"Beter: {in_sentence(self.beter_naam)}{example}"))
        return " ".join(parts)


@dataclass(frozen=True)
class DebriefRow:
    """One line of the debrief: ``kind`` is 'arrows' (a sequence shown as a → b), 'pitfalls', 'tips'
    or 'value' (anything else, shown as it is)."""

    key: str
    label: str
    kind: str
    value: Any


@dataclass(frozen=True)
class TurnView:
    """One transcript turn. ``kind`` 'engine': the role-play engine's turn (professional's text, the
    persona's answer, move and tension); 'line': an older record's {speaker, text, ...}; 'other':
    anything else, shown as text."""

    kind: str
    tekst: Any = ""
    antwoord: Any = ""
    rol: str = ""
    zet: Any = ""
    spanning: Optional[Tuple[Any, Any]] = None
    spreker: Any = None
    extra: Tuple[Tuple[str, Any], ...] = ()
    notes: Tuple[str, ...] = ()  # 'twijfel, niet meegeteld', a self-correction (``feedback.turn_notes``)
    zetten: Optional[str] = None  # every move of a turn read as several, the main one marked (``feedback.moves_label``)


@dataclass(frozen=True)
class SessionView:
    """A stored role-play session as the trainers' page shows it.

    ``debrief_rows`` is set for a debrief dict, ``debrief_other`` for any other stored debrief;
    ``turns`` is set for a transcript list, ``transcript_other`` for any other stored transcript."""

    pk: Any  # the internal record number: links and forms only, never shown
    titel: Optional[str] = None
    nummer: Any = None  # the number the professional saw in the chat ("sessie 1" of that conversation)
    deelnemer: Optional[str] = None  # whose session it is (with the number: "rollenspel 1 van Deelnemer K7")
    datum: Optional[str] = None
    status: Optional[str] = None
    conversation_id: Optional[str] = None
    meta: Tuple[Tuple[str, Any], ...] = ()
    has_debrief: bool = False
    debrief_rows: Optional[List[DebriefRow]] = None
    debrief_other: Any = None
    has_transcript: bool = False
    turns: Optional[List[TurnView]] = None
    transcript_other: Any = None
    turn_count: int = 0
    rest: Dict[str, Any] = field(default_factory=dict)
    attempts: List[str] = field(default_factory=list)  # earlier attempts in words, when the debrief does not show them
    opening: Optional[str] = None  # the persona's first line, before turn 1 (``opening_of``)


def _pitfall(item: Any, taken: Iterable[int] = ()) -> PitfallView:
    """``taken``: the turns the next turn took back, from the stored turns (a debrief stored before it said so)."""
    if not isinstance(item, dict) or "tekst" not in item:
        return PitfallView(known=False, raw=item)
    beside = item.get("naast")
    return PitfallView(known=True, beurt=item.get("beurt", "?"), tekst=item["tekst"], naam=item.get("naam") or "",
                       beter_naam=item.get("beter_naam") or "", voorbeeld=item.get("voorbeeld") or "",
                       naast=str(move_name(beside)).split(" (")[0] if beside else "",
                       zelf_teruggenomen=bool(item.get("zelf_teruggenomen")) or item.get("beurt") in set(taken),
                       valkuilzin=str(item.get("valkuilzin") or ""), voorbeeld_bij=item.get("voorbeeld_bij"))


def move_name(move: Any) -> Any:
    """A move id (or a pitfall form's id, ``feedback.shown_move``) by its name for the trainers' page; other values
    (and unreadable names) as they are."""
    try:
        names = move_names()
    except Exception:  # the names are a nicety; the page works with the ids
        return move
    return names.get(str(move), move)


def role_name(role: Any) -> str:
    """A role id ("aanklager") by its Dutch name ("Aanklager", ``bot.roles.names.role_name``) for the trainers' page
    (a user test saw "Gesprekspartner (aanklager)"); other values as text, '' for none."""
    from bot.roles.names import role_name as name_of

    try:
        return name_of(role)
    except Exception:  # the names are a nicety; the page works with the ids
        return str(role or "")


def debrief_rows(debrief: Dict[str, Any], taken: Iterable[int] = ()) -> List[DebriefRow]:
    """The debrief of bot.roleplay.feedback.debrief in reading order; unknown keys after the known ones. With the
    reads of the turns (``per_beurt``) the turns are shown from them, not as the bare main moves. ``taken``: the
    turns the next turn took back (``feedback.taken_back`` of the stored turns)."""
    taken = list(taken)
    skip = DEBRIEF_SKIP + (("zetten_volgorde",) if isinstance(debrief.get("per_beurt"), list) else ())
    keys = [k for k in DEBRIEF_ORDER if k in debrief] + [
        k for k in debrief if k not in DEBRIEF_ORDER and k not in skip]
    rows = []
    for key in keys[:MAX_ITEMS]:
        value = debrief[key]
        if key == "einde":  # in words, as the status column: "misgelopen", not the stored "slecht"
            value = status.ENDING_NAMES.get(value, value) if _present(value) else "nog niet afgelopen"
        if not _present(value) and key not in ("valkuilen", "tips"):
            continue  # nothing to say (no pattern, no earlier attempts): no empty heading on the page
        if key == "tips" and not value:
            value = ["Geen verbeterpunten in dit gesprek."]
        if key == "twijfel" and isinstance(value, list):
            value = [_unsure_line(item) for item in value]
        if key == "pogingen" and isinstance(value, list):
            value = attempt_lines(value)
        if key == "herhalingen" and isinstance(value, list):
            value = _repetition_lines(value)
        if key == "verhoren" and isinstance(value, list):
            value = [f"Beurt {item.get('beurt', '?')}: “{item.get('tekst', '')}”" if isinstance(item, dict) else item
                     for item in value]
        if key == "per_beurt" and isinstance(value, list):
            value = _read_labels(value)
        if key in ("stappen_volgorde", "zetten_volgorde", "ontbrekende_stappen") and isinstance(value, list):
            value = [move_name(v) for v in value]  # "Erkennen", not the stored id "erkennen"
        if key == "aantal_per_zet" and isinstance(value, dict):
            value = {move_name(move): count for move, count in value.items()}  # "De inhoud in (valkuil)", not "inhoud"
        if key in ARROW_KEYS and isinstance(value, list) and value:
            rows.append(DebriefRow(key, label(key), "arrows", " → ".join(str(v) for v in value)))
        elif key == "valkuilen" and isinstance(value, list):
            rows.append(DebriefRow(key, label(key), "pitfalls", [_pitfall(v, taken) for v in value]))
        elif key == "tips" and isinstance(value, list):
            rows.append(DebriefRow(key, label(key), "tips", value))
        else:
            rows.append(DebriefRow(key, label(key), "value", value))
    return rows


def _moves_label(turn: Dict[str, Any]) -> Optional[str]:
    """``feedback.moves_label`` of a stored turn; None when the turn holds one move or its data is odd."""
    try:
        return moves_label(turn, move_names())
    except Exception:  # an older or odd stored turn: the page shows its main move
        return None


def _read_labels(reads: List[Any]) -> List[Any]:
    """'1. erkennen + realiteit' per read of ``per_beurt`` (``feedback.read_label``); other shapes as they are."""
    try:
        names = move_names()
    except Exception:  # the names are a nicety; the page works with the ids
        names = {}
    return [f"{read.get('beurt', '?')}. {read_label(read, names)}"
            if isinstance(read, dict) and "zet" in read else read for read in reads]


def _repetition_lines(items: List[Any]) -> List[Any]:
    """The debrief's ``herhalingen`` in words (``feedback.repetition_line``); other shapes as they are."""
    try:
        names = move_names()
    except Exception:  # the names are a nicety; the page works with the ids
        names = {}
    return [repetition_line(item, names) if isinstance(item, dict) and "beurt" in item else item for item in items]


def _unsure_line(item: Any) -> Any:
    """'Beurt 2: "..." gelezen als oordelen, 45% zeker' for an entry of debrief['twijfel']; other shapes as they are."""
    if not isinstance(item, dict) or "beurt" not in item:
        return item
    sure = item.get("zekerheid")
    certainty = f", {sure:.0%} zeker" if isinstance(sure, (int, float)) and sure > 0 else ""
    forgiven = " (vergeven: de spanning bleef gelijk)" if item.get("vergeven") else ""
    return (f"Beurt {item['beurt']}: \"{item.get('tekst', '')}\" gelezen als "
            f"{str(item.get('naam') or item.get('zet') or '?').lower()}{certainty}{forgiven}")


def _attempt_label(turn: Dict[str, Any]) -> Any:
    """A turn of an earlier attempt by its live label (``turn_label``: the pitfall beside a step too), else its move's
    name."""
    try:
        return turn_label(turn) or move_name(shown_move(turn) or "?")
    except Exception:  # an older stored turn: its move's name
        return move_name(shown_move(turn) or "?")


def attempt_lines(attempts: List[Any]) -> List[Any]:
    """Earlier attempts (``retry.attempts_for_debrief``) in words: what was said in each attempt that was taken back,
    then once what was said after them (a user test saw the 'Daarna' turns twice after two retries, and raw data
    before that), each turn's move by its name (``move_name``; a user test saw the ids 'inhoud', 'redden'). Other
    shapes as they are."""
    known = [item for item in attempts if isinstance(item, dict) and "vanaf_beurt" in item]
    lines: List[Any] = [item for item in attempts if item not in known]

    def said(turns: Any) -> str:
        parts = [f"beurt {t.get('nr', '?')} \"{t.get('tekst', '')}\" ({_attempt_label(t)}, spanning "
                 f"{t.get('spanning_voor', '?')} → {t.get('spanning_na', '?')})"
                 for t in (turns if isinstance(turns, list) else []) if isinstance(t, dict)]
        return "; ".join(parts) or "geen beurten"

    for number, item in enumerate(known, start=1):
        ended = item.get("einde_eerst")
        how = f" (eindigde: {status.ENDING_NAMES.get(ended, ended)})" if ended else ""
        first = "Eerst" if number == 1 else f"{ordinal(number).capitalize()} poging"
        lines.append(f"{first}, vanaf beurt {item['vanaf_beurt']}{how}: {said(item.get('eerst'))}")
    if known:
        lines.append(f"Daarna: {said(latest_turns(known))}")
    return lines


def readable(value: Any) -> str:
    """Any stored value as plain Dutch text, never as Python data: 'ja'/'nee', '-' for nothing, fields as 'Naam:
    waarde' (the trainers' page showed "{'nr': 2, ..., 'herhaling': False}" under 'Overige gegevens')."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return decimal(value, 2)
    if isinstance(value, dict):
        return "; ".join(f"{_plain_label(key)}: {readable(item)}" for key, item in list(value.items())[:MAX_ITEMS]
                         if _present(item)) or "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(readable(item) for item in list(value)[:MAX_ITEMS]) or "-"
    return str(value)


def _plain_label(key: Any) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _record_attempts(data: Dict[str, Any], turns: Any) -> List[str]:
    """The earlier attempts stored in the record (``pogingen``) in words, for a session whose debrief does not show
    them (still running, or stored before the debrief listed them)."""
    stored = data.get("pogingen")
    if not isinstance(stored, list) or not stored or not isinstance(turns, list):
        return []
    if not all(isinstance(a, dict) and isinstance(a.get("vanaf_beurt"), int) and isinstance(a.get("beurten"), list)
               for a in stored) or not all(isinstance(t, dict) and isinstance(t.get("nr"), int) for t in turns):
        return [readable(item) for item in stored]
    return [str(line) for line in attempt_lines(attempts_for_debrief(data, turns))]


def _continued(data: Dict[str, Any]) -> Tuple[Tuple[str, Any], ...]:
    """('vervolg', 'sessie 4, vanaf beurt 2') for a retry after the end, which goes on as a session of its own."""
    earlier, turn = data.get("vervolg_van"), data.get("vervolg_vanaf")
    if not _present(earlier):
        return ()
    earlier = data.get("vervolg_van_nummer") or earlier  # the number the professional saw (stored since session 29)
    return (("vervolg", f"sessie {earlier}" + (f", vanaf beurt {turn}" if _present(turn) else "")),)


def turn_view(turn: Any) -> TurnView:
    if isinstance(turn, dict) and "tekst" in turn and ("antwoord" in turn or "spanning_na" in turn):
        tension = None
        if "spanning_voor" in turn or "spanning_na" in turn:
            tension = (turn.get("spanning_voor", "?"), turn.get("spanning_na", "?"))
        return TurnView("engine", tekst=turn.get("tekst", ""), antwoord=turn.get("antwoord") or "",
                        rol=role_name(turn.get("rol")), zet=shown_move(turn) or "", spanning=tension,
                        notes=tuple(turn_notes(turn)), zetten=_moves_label(turn))
    if isinstance(turn, dict):
        extra = tuple((k, v) for k, v in turn.items() if k not in SPEAKER_KEYS + TEXT_KEYS)
        return TurnView("line", tekst=_first(turn, TEXT_KEYS), spreker=_first(turn, SPEAKER_KEYS), extra=extra[:10])
    return TurnView("other", tekst=turn)


def shown_number_of(record: Any) -> Any:
    """The number of a stored session as the professional saw it in the chat (``bot.records.shown_number``: counted
    per conversation); a record without one (played in the terminal, or stored before numbers per conversation) by
    its own number, as the chat showed it then."""
    if isinstance(record, dict):
        return record.get("nummer") or record.get("id")
    number = getattr(record, "nummer", None)
    return number if number is not None else getattr(record, "pk", "?")


def session_view(record: Any) -> SessionView:
    """A stored record (bot.records: pk, data, created_at, status, conversation_id, title) as a
    SessionView; never raises on odd or older data."""
    data = getattr(record, "data", None)
    if not isinstance(data, dict):
        data = {"gegevens": data}
    title = getattr(record, "title", None)
    if not title:
        found = _first(data, TITLE_KEYS)
        title = found if isinstance(found, str) else None
    created = getattr(record, "created_at", None)
    stamp = dutch_time_text(created) if created is not None else None
    debrief = _first(data, DEBRIEF_KEYS)
    transcript = _first(data, TRANSCRIPT_KEYS)
    used: Tuple[str, ...] = DEBRIEF_KEYS + TRANSCRIPT_KEYS + TITLE_KEYS + META_KEYS + RETRY_KEYS + ("opening",)
    state = data.get("state")
    if isinstance(state, dict):  # the role-play engine's state: its turns are the transcript, the rest is internal
        used += ("state",) + INTERNAL_KEYS  # (a user test read "State Scenario ... Seed 433151 Tension 6 Role ...")
        if transcript is None:
            found = _first(state, ("turns",) + TRANSCRIPT_KEYS)
            transcript = found if found is not None else state.get("turns")
    if isinstance(debrief, dict) and isinstance(transcript, list):  # an older debrief: its reads from the turns
        debrief = with_turn_reads(debrief, transcript)
    if isinstance(debrief, dict) and isinstance(debrief.get("aantal_per_zet"), dict) \
            and isinstance(debrief.get("per_beurt"), list) and all(isinstance(r, dict) for r in debrief["per_beurt"]):
        # counted again from the reads: a stored count of a forgiven read's pitfall is not shown ("niet meegeteld")
        debrief = {**debrief, "aantal_per_zet": read_counts(debrief["per_beurt"])}
    stored_turns = [t for t in transcript if isinstance(t, dict)] if isinstance(transcript, list) else []
    rows = debrief_rows(debrief, taken_back(stored_turns)) if isinstance(debrief, dict) else None
    shown = rows is not None and any(row.key == "pogingen" for row in rows)
    return SessionView(
        pk=getattr(record, "pk", "?"),
        nummer=shown_number_of(record),
        deelnemer=str(data["deelnemer"]) if _present(data.get("deelnemer")) else None,
        titel=title,
        datum=stamp,
        status=getattr(record, "status", None) or None,
        conversation_id=getattr(record, "conversation_id", None) or None,
        meta=tuple((key, data[key]) for key in META_KEYS if _present(data.get(key))) + _continued(data),
        has_debrief=debrief is not None,
        debrief_rows=rows,
        debrief_other=None if isinstance(debrief, dict) else debrief,
        has_transcript=transcript is not None,
        turns=[turn_view(t) for t in transcript[:MAX_ITEMS]] if isinstance(transcript, list) else None,
        transcript_other=None if isinstance(transcript, list) else transcript,
        turn_count=len(transcript) if isinstance(transcript, list) else 0,
        rest={k: v for k, v in data.items() if k not in used and _present(v)},
        attempts=[] if shown else _record_attempts(data, transcript),
        opening=opening_of(data) if isinstance(state, dict) else None,
    )
