"""'Kopieer samenvatting': the stored intake summary as plain text a consultant can paste into the
registration system (no markdown, short labelled lines, only masked text)."""
from __future__ import annotations

from typing import Optional

from bot.intake import deidentify
from bot.intake.summary import RECORD_KIND
from bot.records import get_record

EXPORT_TITLE = "Vraagverheldering (Rustpunt)"
NOT_FOUND = "Er is geen samenvatting met nummer {nummer}. Kijk het nummer na in de chat."


def export_text(payload: dict) -> str:
    """Plain text of a summary payload (``Summary.to_payload()`` or a stored record's data)."""
    def clean(value) -> str:
        return deidentify.mask(" ".join(str(value or "").split())).text

    lines = [EXPORT_TITLE]
    kern = payload.get("kern") or []
    lines.append("Kern van de hulpvraag: " + ("; ".join(clean(k) for k in kern) if kern else "nog niet duidelijk"))
    if payload.get("kern_woorden"):
        lines.append(f"Woorden van de beller: {clean(payload['kern_woorden'])}")
    for name, value in (payload.get("aspecten") or {}).items():
        lines.append(f"{name.capitalize()}: {clean(value)}")
    steun = [clean(w) for w in payload.get("steun_woorden") or []] + list(payload.get("steun") or [])
    if steun:
        lines.append("Steun in het netwerk: " + "; ".join(steun))
    elif payload.get("weinig_steun"):
        lines.append("Steun in het netwerk: weinig steun genoemd")
    else:
        lines.append("Steun in het netwerk: niet genoemd")
    signalen = payload.get("signalen") or {}
    if signalen:
        lines.append("Signalen: " + "; ".join(f"{kind}: {', '.join(names)}" for kind, names in signalen.items()))
    else:
        lines.append("Signalen: geen bijzondere signalen")
    if payload.get("veiligheid"):
        lines.append(payload["veiligheid"])
    for question, answer in payload.get("antwoorden") or []:
        lines.append(f"{question} {clean(answer)}")
    for number, advice in enumerate(payload.get("route") or [], start=1):
        grounds = advice.get("op_grond_van") or []
        lines.append(
            f"Route {number}: {advice.get('titel', '')}" + (f" (op grond van: {', '.join(grounds)})" if grounds else "")
        )
        for service in advice.get("diensten") or []:
            org = service.get("organisatie")
            org = None if org and org in (service.get("naam") or "") else org
            detail = " - ".join(p for p in (org, service.get("bereikbaarheid")) if p)
            lines.append(f"  Dienst: {service.get('naam', '')}" + (f" ({detail})" if detail else ""))
    lines.append(f"Vragen beantwoord: {payload.get('beantwoord', 0)}, overgeslagen: {payload.get('overgeslagen', 0)}")
    return "\n".join(lines) + "\n"


def export_record(record_id) -> Optional[str]:
    """The plain text of stored summary ``record_id``; None when there is no such summary."""

    try:
        number = int(str(record_id).strip())
    except (TypeError, ValueError):
        return None
    row = get_record(RECORD_KIND, number)
    return export_text(row.data) if row is not None else None
