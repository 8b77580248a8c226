"""Explain a role, the Omstander, the drama triangle and the winner's triangle (text from knowledge)."""
from __future__ import annotations

from typing import Optional

from bot.knowledge.loader import get_knowledge
from bot.roles.names import find_role

TRIANGLE_WORDS = {
    "winnaar": ("winnaarsdriehoek", "winnaars driehoek", "balansdriehoek", "winnaar"),
    "drama": ("dramadriehoek", "drama driehoek", "drama-driehoek", "drama"),
}


def _knowledge():
    return get_knowledge()


def explain_role(role_id: str) -> Optional[str]:
    """Dutch explanation of one role, or None for an unknown id."""
    knowledge = _knowledge()
    role = knowledge.get("rol", role_id)
    if role is None:
        return None
    triangle = "de dramadriehoek" if role.driehoek == "drama" else "de winnaarsdriehoek"
    if role.id == "omstander":
        triangle = "buiten de dramadriehoek"
    lines = [f"{role.naam} ({triangle})", role.uitleg, "", "Je herkent het aan:"]
    lines += [f"- {k}" for k in role.kenmerken]
    if role.nodigt_uit:
        names = [knowledge.get("rol", r).naam for r in role.nodigt_uit]
        lines += ["", f"Deze rol trekt anderen snel in de rol van {' of '.join(names)}."]
    if role.tegenhanger:
        other = knowledge.get("rol", role.tegenhanger)
        relation = "De winnaarsvorm is" if role.driehoek == "drama" else "Het is de winnaarsvorm van"
        lines.append(f"{relation} {other.naam}.")
    lines += ["", f"Zo kun je reageren: {role.antwoordstijl}", f"Bijvoorbeeld: \"{role.voorbeeldantwoord}\""]
    if role.hulpmiddelen:
        tools = [knowledge.get("hulpmiddel", h).naam for h in role.hulpmiddelen]
        lines.append(f"Hulpmiddelen die hierbij passen: {', '.join(tools)}.")
    return "\n".join(lines)


def explain_triangle(triangle_id: str) -> Optional[str]:
    knowledge = _knowledge()
    triangle = knowledge.get("driehoek", triangle_id)
    if triangle is None:
        return None
    names = [knowledge.get("rol", r).naam for r in triangle.rollen]
    lines = [triangle.naam, triangle.uitleg, "", "Kenmerken:"]
    lines += [f"- {k}" for k in triangle.kenmerken]
    lines += ["", f"Rollen: {', '.join(names)}."]
    return "\n".join(lines)


def explain_tool(tool_id: str) -> Optional[str]:
    tool = _knowledge().get("hulpmiddel", tool_id)
    if tool is None:
        return None
    lines = [tool.naam, tool.uitleg, "", "Zo doe je het:"]
    lines += [f"{i}. {step}" for i, step in enumerate(tool.hoe, start=1)]
    lines += ["", f"Wanneer: {tool.wanneer}"]
    return "\n".join(lines)


def find_subject(text: Optional[str]) -> Optional[tuple]:
    """What the user asks to explain: ("rol", id) or ("driehoek", id), else None."""
    if not text:
        return None
    lower = text.lower()
    triangle = next((tid for tid, words in TRIANGLE_WORDS.items() if any(w in lower for w in words[:-1])), None)
    rest = lower
    for words in TRIANGLE_WORDS.values():
        for word in words:
            rest = rest.replace(word, " ")
    role_id = find_role(rest)
    if role_id:
        return ("rol", role_id)
    if triangle:
        return ("driehoek", triangle)
    if any(word in lower for word in ("winnaar", "drama")):
        return ("driehoek", "winnaar" if "winnaar" in lower else "drama")
    return None


def explain(text: Optional[str]) -> Optional[str]:
    """Explanation for whatever role or triangle ``text`` names, or None."""
    subject = find_subject(text)
    if subject is None:
        return None
    kind, item = subject
    return explain_role(item) if kind == "rol" else explain_triangle(item)
