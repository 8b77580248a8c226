"""Find a question set from what the consultant typed, and format it for reading."""
from __future__ import annotations

from typing import List, Optional

from bot.intake.models import Vragenset
from bot.intake.signals import words


def find_set(sets: List[Vragenset], text: Optional[str]) -> Optional[Vragenset]:
    """The set whose id, name or keyword occurs in ``text`` (longest keyword wins), else None."""
    if not text:
        return None
    tokens = " " + " ".join(words(text)) + " "
    best, best_len = None, 0
    for qset in sets:
        candidates = [qset.id.replace("_", " "), qset.naam] + list(qset.trefwoorden)
        for candidate in candidates:
            phrase = " ".join(words(candidate))
            if phrase and f" {phrase} " in tokens and len(phrase) > best_len:
                best, best_len = qset, len(phrase)
    return best


def set_names(sets: List[Vragenset]) -> str:
    return ", ".join(f"{qset.naam} ({qset.id})" for qset in sets)


def format_set(qset: Vragenset) -> str:
    """The whole set, readable: purpose, then each question with its purpose and follow-up."""
    lines = [f"Vragenset: {qset.naam}", qset.doel.strip(), ""]
    for number, question in enumerate(qset.vragen, start=1):
        marker = " (veiligheid)" if question.gevaar_signaal else ""
        lines.append(f"{number}. {question.vraag}{marker}")
        lines.append(f"   Doel: {question.doel}")
        lines.append(f"   Doorvragen: {question.doorvraag}")
    lines.append("")
    lines.append(f"Bron: {qset.bron.document}, {qset.bron.sectie}")
    return "\n".join(lines)


def set_payload(qset: Vragenset) -> dict:
    return {
        "id": qset.id,
        "naam": qset.naam,
        "doel": qset.doel.strip(),
        "vragen": [
            {"id": q.id, "vraag": q.vraag, "doel": q.doel, "doorvraag": q.doorvraag, "veiligheid": q.gevaar_signaal}
            for q in qset.vragen
        ],
    }




HINT = "Typ het antwoord van de beller, of: 'sla over', 'terug', 'rond af' of 'stop'."


def format_question(view) -> str:
    """One intake question for the consultant: position, set, question, purpose, follow-up, hint."""
    safety = " - veiligheid" if view.safety else ""
    return (
        f"Vraag {view.number} van {view.total} ({view.set_name}{safety})\n"
        f"{view.vraag}\n"
        f"Doel: {view.doel}\n"
        f"Doorvragen: {view.doorvraag}\n"
        f"{HINT}"
    )


INTAKE_THEN = "Daarna kun je de intake voortzetten met de volgende vraag, of 'stop' typen."


def format_danger(signals, then: str = INTAKE_THEN, on_a_call: bool = True) -> str:
    """What to do right now, for each new danger signal (most urgent first), and what comes after (``then``).
    ``on_a_call``: said to a consultant with a caller on the line; False where no one is on the line (the
    preparation of a conversation), which gets the advice without a caller (``IntakeSignaal.advice``)."""
    order = {"acuut": 0, "suicide": 1, "veilig_thuis": 2}
    parts = ["Let op, eerst de veiligheid:"]
    for signal in sorted(signals, key=lambda s: order.get(s.niveau, 9)):
        parts.append(f"- {signal.naam}: {signal.advice(on_a_call)}")
    parts.append(then)
    return "\n".join(parts)
