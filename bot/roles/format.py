"""Readable Dutch chat/CLI text for a role analysis (the JSON payload carries the same data).

The chat ("welke rol is dit: ..."), the role-play's role questions and ``rustpunt rol`` all answer with
``format_analysis``; the certainty is worded in one place (``bot.wording.certainty_text``), also on the web page's card.
"""
from __future__ import annotations

from bot.roles.analyse import RoleAnalysis
from bot.wording import certainty_text, shortened

QUOTE_MAX = 120
NO_SIGNAL = ("Geen los signaal in de zin: de herkenner leest de rol uit de zin als geheel (woordkeus en zinsbouw). "
             "Kijk zelf of de toon en de context dit bevestigen.")


def quote(text: str) -> str:
    """A sentence of the turn, shortened with an ellipsis when it is long."""
    return shortened(text, QUOTE_MAX)


def format_analysis(analysis: RoleAnalysis) -> str:
    if not analysis.clear:
        return f"Geen duidelijke rol. {analysis.reden}"
    triangle = "winnaarsdriehoek" if analysis.driehoek == "winnaar" else "dramadriehoek"
    if analysis.rol == "omstander":
        triangle = "buiten de dramadriehoek"
    lines = [f"Rol: {analysis.naam} ({triangle}), {certainty_text(analysis.zekerheid)}."]
    if analysis.rolwissel:
        steps = [f"{shift['naam']} (\"{quote(shift['citaat'])}\")" for shift in analysis.rolwissel]
        lines.append("De rol verschuift in deze beurt: eerst " + ", daarna ".join(steps) + ".")
    elif analysis.citaat:
        lines.append(f"De rol zit in dit deel: \"{analysis.citaat}\"")
    if analysis.signalen:
        lines.append("Signalen in de zin:")
        names = {shift["rol"]: shift["naam"] for shift in analysis.rolwissel}  # with a shift: whose signal it is
        lines += [f"- {hit.naam}" + (f" ({names[hit.rol]})" if hit.rol in names else "") + f": \"{hit.woorden}\""
                  for hit in analysis.signalen]
    else:
        lines.append(NO_SIGNAL)
    if analysis.uitnodiging:
        lines.append(str(analysis.uitnodiging["tekst"]))
    alt = analysis.alternatief
    if alt and alt.get("eigen"):
        lines += _own_advice(analysis, alt)
    elif alt:
        if alt.get("aanleiding"):  # a shift that ends in a reproach at the professional: the advice answers that
            lines.append(str(alt["aanleiding"]))
        lines.append(f"Reageer vanuit de winnaarsdriehoek ({alt['naam']}): {alt['antwoordstijl']}")
        lines.append(f"Bijvoorbeeld: \"{alt['voorbeeld']}\"")
    if analysis.hulpmiddel:
        lines.append(f"Hulpmiddel dat past: {analysis.hulpmiddel['naam']}. {analysis.hulpmiddel['uitleg']}")
    return "\n".join(lines)


def _own_advice(analysis: RoleAnalysis, alt: dict) -> list:
    """For the professional's own sentence: step over to the winner's form of the role (or, in a winner's role or as
    the Omstander, how that role works), with an example from the knowledge when there is one."""
    if alt["rol"] != analysis.rol:  # "Ondersteuner is de winnaarsvorm van de Redder. ..." (its explanation)
        lines = [f"Zit je hier zelf in de rol van {analysis.naam}? Stap dan over naar de winnaarsdriehoek. "
                 f"{alt['antwoordstijl']}", f"Zo werk je als {alt['naam']}:"]
    elif analysis.driehoek == "winnaar":
        lines = [f"Je spreekt hier zelf al vanuit de winnaarsdriehoek. Zo blijf je werken als {alt['naam']}:"]
    else:
        lines = [f"Ben je hier zelf {alt['naam']}? {alt['antwoordstijl']}", "Je herkent het aan:"]
    lines += [f"- {item}" for item in alt.get("kenmerken") or []]
    if alt.get("voorbeeld"):
        lines.append(f"Bijvoorbeeld, tegen iemand die {alt['tegen']} is: \"{alt['voorbeeld']}\"")
    return lines
