"""Trainer output: a transcript, a CSV export, and an HTML report with a matplotlib chart.

The chart has two panels: how often each move was used over the selected sessions, and the
tension curve of every session. It is rendered with the Agg backend and embedded as a PNG.
"""
from __future__ import annotations

import base64
import csv
import html
import io
from typing import Any, Dict, Iterable, List

from bot.roleplay.models import MOVES, STEPS
from bot.roleplay.retry import attempts_for_debrief, attempts_text

CSV_FIELDS = ["sessie", "datum", "deelnemer", "groep", "scenario", "status", "beurt", "zet", "zekerheid",
              "spanning_voor", "spanning_na", "rol", "tekst", "antwoord"]


def _turns(session: Dict[str, Any]) -> List[Dict[str, Any]]:
    return list(session.get("state", {}).get("turns", []))


def transcript_text(session: Dict[str, Any], zetten: Dict[str, Any]) -> str:
    state = session.get("state", {})
    lines = [
        f"Sessie {session['id']}: {session.get('titel', session.get('scenario'))}",
        f"Deelnemer: {session.get('deelnemer') or '-'}   Groep: {session.get('groep') or '-'}   "
        f"Status: {session.get('status') or '-'}",
        f"Startspanning: {(_turns(session)[0]['spanning_voor'] if _turns(session) else state.get('tension'))}/10",
        "",
    ]
    for turn in _turns(session):
        name = zetten[turn["zet"]].naam if turn["zet"] in zetten else turn["zet"]
        lines.append(f"[{turn['nr']}] Jij: {turn['tekst']}")
        lines.append(f"    zet: {name} | spanning {turn['spanning_voor']} → {turn['spanning_na']} | rol: {turn['rol']}")
        lines.append(f"    Antwoord: {turn['antwoord']}")
    if not _turns(session):
        lines.append("(nog geen beurten)")
    if session.get("pogingen"):  # 'probeer opnieuw vanaf beurt N': the earlier attempt next to the new one
        lines += ["", attempts_text(attempts_for_debrief(session, _turns(session)), zetten)]
    debrief = session.get("debrief")
    if debrief:
        lines += ["", "Tips uit de nabespreking:"] + [f"- {tip}" for tip in debrief.get("tips", [])]
    return "\n".join(lines)


def _safe_cell(value: Any) -> Any:
    """Keep spreadsheet programs from running a cell as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csv(sessions: Iterable[Dict[str, Any]], out) -> int:
    """One row per turn; returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    count = 0
    for session in sessions:
        for turn in _turns(session):
            row = {
                "sessie": session["id"], "datum": str(session.get("created_at") or "")[:19],
                "deelnemer": session.get("deelnemer") or "", "groep": session.get("groep") or "",
                "scenario": session.get("scenario"), "status": session.get("status") or "",
                "beurt": turn["nr"], "zet": turn["zet"], "zekerheid": turn.get("zekerheid"),
                "spanning_voor": turn["spanning_voor"], "spanning_na": turn["spanning_na"], "rol": turn["rol"],
                "tekst": turn["tekst"], "antwoord": turn["antwoord"],
            }
            writer.writerow({k: _safe_cell(v) for k, v in row.items()})
            count += 1
    return count


def move_counts(sessions: Iterable[Dict[str, Any]]) -> Dict[str, int]:
    counts = {move: 0 for move in MOVES}
    for session in sessions:
        for turn in _turns(session):
            counts[turn["zet"]] = counts.get(turn["zet"], 0) + 1
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
        right.plot(range(len(curve)), curve, marker="o", label=f"sessie {session['id']}")
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
    esc = html.escape
    png = base64.b64encode(chart_png(sessions)).decode("ascii")
    rows = []
    for s in sessions:
        turns = _turns(s)
        curve = ([turns[0]["spanning_voor"]] + [t["spanning_na"] for t in turns]) if turns else []
        steps = [zetten[m].naam if m in zetten else m for m in (s.get("debrief") or {}).get("stappen_volgorde", [])]
        rows.append(
            "<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in (
                s["id"], str(s.get("created_at") or "")[:16], s.get("titel") or s.get("scenario"),
                s.get("status") or "", len(turns), " → ".join(map(str, curve)), ", ".join(steps) or "-",
            )) + "</tr>"
        )
    tips = []
    for s in sessions:
        for tip in (s.get("debrief") or {}).get("tips", []):
            if tip not in tips:
                tips.append(tip)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Rollenspelrapport {esc(name)}</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style></head><body>
<h1>Rollenspelrapport: {esc(name)}</h1>
<p>Aantal sessies: {len(sessions)}. Aantal beurten: {sum(len(_turns(s)) for s in sessions)}.</p>
<img alt="Grafiek van gebruikte zetten en spanning per sessie" src="data:image/png;base64,{png}">
<h2>Sessies</h2>
<table><tr><th>Sessie</th><th>Datum</th><th>Scenario</th><th>Afloop</th><th>Beurten</th><th>Spanning</th><th>Stappen in volgorde</th></tr>
{''.join(rows)}
</table>
<h2>Tips uit de nabesprekingen</h2>
<ul>{''.join(f'<li>{esc(t)}</li>' for t in tips) or '<li>Nog geen afgeronde sessies.</li>'}</ul>
</body></html>
"""
