"""Explain a role, the Omstander, the drama triangle and the winner's triangle (text from knowledge)."""
from __future__ import annotations

from typing import Optional

from bot.knowledge.loader import get_knowledge
from bot.roles.names import compared_roles, find_role
from bot.wording import join_list

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


def _where(role) -> str:
    if role.id == "omstander":
        return "buiten de dramadriehoek"
    return "dramadriehoek" if role.driehoek == "drama" else "winnaarsdriehoek"


def explain_difference(role_ids) -> Optional[str]:
    """Dutch explanation of two or more roles side by side ("wat is het verschil tussen slachtoffer en kwetsbaar"):
    each role's explanation and signs, and how they belong together (a drama role and its winner's form)."""
    knowledge = _knowledge()
    roles = [knowledge.get("rol", role_id) for role_id in dict.fromkeys(role_ids)]
    roles = [role for role in roles if role is not None]
    if len(roles) < 2:
        return None
    lines = [f"Het verschil tussen {join_list([role.naam for role in roles], 'en')}:"]
    for role in roles:
        for other in roles:
            if role.tegenhanger == other.id and role.driehoek == "winnaar":
                lines.append(f"{role.naam} is de winnaarsvorm van {other.naam}.")
    for role in roles:
        lines += ["", f"{role.naam} ({_where(role)}): {' '.join(role.uitleg.split())}", "Je herkent het aan:"]
        lines += [f"- {k}" for k in role.kenmerken]
    return "\n".join(lines)


def explain_own_role(role_id: str) -> Optional[str]:
    """Dutch answer for a professional who notices a role in themselves ("ik merk dat ik zelf steeds ga redden bij die
    moeder, hoe stop ik daarmee"): step over to the winner's form of a drama role (its explanation and signs, from
    knowledge), with the tools that fit; a winner's role or the Omstander gets its explanation; None for an unknown
    id."""
    knowledge = _knowledge()
    role = knowledge.get("rol", role_id)
    if role is None:
        return None
    winner = knowledge.get("rol", role.tegenhanger) if role.tegenhanger else None
    if role.driehoek != "drama" or winner is None:
        return explain_role(role_id)
    lines = [
        f"Merk je dat je zelf in de rol van {role.naam} schiet? Ook jou als professional kan een rol van de "
        f"dramadriehoek erin trekken. Stap dan bewust over naar de winnaarsdriehoek: de winnaarsvorm van {role.naam} "
        f"is {winner.naam}.",
        "",
        f"{role.naam}: {' '.join(role.uitleg.split())}",
        "",
        f"{winner.naam}: {' '.join(winner.uitleg.split())}",
        "Zo werk je vanuit die rol:",
    ]
    lines += [f"- {k}" for k in winner.kenmerken]
    tools = [tool for tool in (knowledge.get("hulpmiddel", h) for h in role.hulpmiddelen) if tool is not None]
    if tools:
        lines += ["", f"Hulpmiddelen die hierbij passen: {', '.join(tool.naam for tool in tools)}."]
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
    """Explanation for whatever role or triangle ``text`` names, or None; two or more roles are explained side by
    side (``explain_difference``)."""
    roles = compared_roles(text)
    if len(roles) > 1:
        return explain_difference(roles)
    subject = find_subject(text)
    if subject is None:
        return None
    kind, item = subject
    return explain_role(item) if kind == "rol" else explain_triangle(item)


def explain_request(message: Optional[str], entity: Optional[str] = None) -> Optional[str]:
    """The answer to a question to explain a role (the chat's ``action_rol_uitleg``): a question that names two or more
    roles gets them side by side, else the role the recogniser found (``entity``), else whatever the message names."""
    if len(compared_roles(message)) > 1:
        return explain(message)
    from bot.steps.navigation import OWN_ROLE, method_question  # lazy: navigation reads the role names from here

    own = [role for kind, role in method_question(message) if kind == OWN_ROLE]
    if own:  # "hoe stap ik uit de redder rol": the winner's form to step over to, not how to answer a Redder
        return explain_own_role(own[0])
    return (explain(entity) if entity else None) or explain(message)
