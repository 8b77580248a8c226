"""Readable Dutch chat/CLI text for a role analysis (the JSON payload carries the same data)."""
from __future__ import annotations

from bot.roles.analyse import RoleAnalysis


def certainty_words(value: float) -> str:
    if value >= 0.75:
        return "vrij zeker"
    if value >= 0.5:
        return "redelijk zeker"
    return "niet zo zeker"


def format_analysis(analysis: RoleAnalysis) -> str:
    if not analysis.clear:
        return f"Geen duidelijke rol. {analysis.reden}"
    triangle = "winnaarsdriehoek" if analysis.driehoek == "winnaar" else "dramadriehoek"
    if analysis.rol == "omstander":
        triangle = "buiten de dramadriehoek"
    lines = [
        f"Rol: {analysis.naam} ({triangle}), {certainty_words(analysis.zekerheid)} ({analysis.zekerheid:.0%}).",
    ]
    if analysis.citaat:
        lines.append(f"De rol zit in dit deel: \"{analysis.citaat}\"")
    if analysis.signalen:
        lines.append("Signalen in de zin:")
        lines += [f"- {hit.naam}: \"{hit.woorden}\"" for hit in analysis.signalen]
    if analysis.uitnodiging:
        lines.append(str(analysis.uitnodiging["tekst"]))
    if analysis.alternatief:
        alt = analysis.alternatief
        lines.append(f"Reageer vanuit de winnaarsdriehoek ({alt['naam']}): {alt['antwoordstijl']}")
        lines.append(f"Bijvoorbeeld: \"{alt['voorbeeld']}\"")
    if analysis.hulpmiddel:
        lines.append(f"Hulpmiddel dat past: {analysis.hulpmiddel['naam']}. {analysis.hulpmiddel['uitleg']}")
    return "\n".join(lines)
