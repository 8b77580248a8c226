"""Readable Dutch chat/CLI text for a role analysis (the JSON payload carries the same data)."""
from __future__ import annotations

from bot.roles.analyse import RoleAnalysis
from bot.wording import shortened

QUOTE_MAX = 120


def quote(text: str) -> str:
    """A sentence of the turn, shortened with an ellipsis when it is long."""
    return shortened(text, QUOTE_MAX)


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
    if analysis.rolwissel:
        steps = [f"{shift['naam']} (\"{quote(shift['citaat'])}\")" for shift in analysis.rolwissel]
        lines.append("De rol verschuift in deze beurt: eerst " + ", daarna ".join(steps) + ".")
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
