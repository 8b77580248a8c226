"""The practice quiz: 10 sentences, the professional names the role, right/wrong with the reason.

A quiz lives in ``bot.records`` (kind ``rol_quiz``) per conversation: the chat only keeps its
record id. Items come from the held-out split (sentences the classifier never trained on), topped
up from all examples, spread over the roles.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from bot import status
from bot.knowledge.loader import get_knowledge
from bot.records import add_record, get_record, list_records, update_record
from bot.roles.models import ROLE_IDS
from bot.roles.names import find_role
from bot.roles.signals import find_signals

RECORD_KIND = "rol_quiz"
QUIZ_LENGTH = 10


@dataclass
class AnswerResult:
    recognised: bool  # False: no role found in the answer; the item is asked again
    correct: bool = False
    given: Optional[str] = None
    expected: Optional[str] = None
    explanation: str = ""
    finished: bool = False


@dataclass
class QuizScore:
    goed: int
    totaal: int
    verwarringen: List[Tuple[str, str, int]] = field(default_factory=list)  # (juist, gegeven, aantal)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "goed": self.goed,
            "totaal": self.totaal,
            "verwarringen": [{"juist": a, "gegeven": b, "aantal": n} for a, b, n in self.verwarringen],
        }


def _knowledge():
    return get_knowledge()


def draw_items(n: int = QUIZ_LENGTH, seed: Optional[int] = None) -> List[Dict[str, str]]:
    """``n`` items spread over the roles, held-out sentences first."""
    from bot.roles.classifier import (  # lazy: loads scikit-learn: only when a quiz starts
        example_groups,
        train_test_groups,
    )

    rng = random.Random(seed)
    _, test_groups = train_test_groups()
    pools: Dict[str, List[str]] = {}
    for group in test_groups:
        pools.setdefault(group.label, []).extend(group.sentences)
    extra: Dict[str, List[str]] = {}
    for group in example_groups():
        extra.setdefault(group.label, []).extend(group.sentences)
    roles = sorted(role for role in extra if role in ROLE_IDS)  # not the helper label 'neutraal'
    for role in roles:
        held = pools.get(role, [])
        rng.shuffle(held)
        rest = [s for s in extra[role] if s not in held]
        rng.shuffle(rest)
        pools[role] = held + rest
    order = roles[:]
    rng.shuffle(order)
    items: List[Dict[str, str]] = []
    while len(items) < n and any(pools.values()):
        for role in order:
            if pools[role] and len(items) < n:
                items.append({"zin": pools[role].pop(0), "rol": role})
    rng.shuffle(items)
    return items


def new_quiz_data(n: int = QUIZ_LENGTH, seed: Optional[int] = None) -> Dict[str, Any]:
    return {"items": draw_items(n, seed), "index": 0, "antwoorden": []}


def start_quiz(conversation_id: Optional[str], n: int = QUIZ_LENGTH, seed: Optional[int] = None) -> int:
    """Create a quiz record for this conversation; returns its id."""
    return add_record(RECORD_KIND, new_quiz_data(n, seed), conversation_id=conversation_id,
                      title="Oefenquiz rollen", status=status.BUSY)


def load_quiz(quiz_id: Optional[int]) -> Optional[Dict[str, Any]]:
    if quiz_id is None:
        return None
    try:
        row = get_record(RECORD_KIND, int(quiz_id))
    except (TypeError, ValueError):
        return None
    return dict(row.data) if row is not None else None


def current_sentence(data: Dict[str, Any]) -> Optional[str]:
    index = int(data["index"])
    items = data["items"]
    return items[index]["zin"] if index < len(items) else None


def question_text(data: Dict[str, Any]) -> Optional[str]:
    sentence = current_sentence(data)
    if sentence is None:
        return None
    return f"Zin {int(data['index']) + 1} van {len(data['items'])}: \"{sentence}\"\nWelke rol hoor je?"


def explain_item(sentence: str, expected: str) -> str:
    """Why ``sentence`` is ``expected``: its signals for that role, else the role's main feature."""
    role = _knowledge().get("rol", expected)
    hits = [h for h in find_signals(sentence) if h.rol == expected]
    if hits:
        quoted = "; ".join(f"{h.naam} (\"{h.woorden}\")" for h in hits[:3])
        return f"Het is {role.naam}: {quoted}."
    return f"Het is {role.naam}: {role.kenmerken[0]}."


def apply_answer(data: Dict[str, Any], answer: Optional[str]) -> AnswerResult:
    """Check ``answer`` against the current item and advance (pure: changes ``data`` in place)."""
    items = data["items"]
    index = int(data["index"])
    if index >= len(items):
        return AnswerResult(recognised=True, finished=True)
    given = find_role(answer)
    if given is None:
        names = ", ".join(r.naam for r in _knowledge().all("rol"))
        return AnswerResult(
            recognised=False,
            explanation=f"Ik herken geen rol in je antwoord. Kies uit: {names}. Of typ 'stop' om te stoppen.",
        )
    item = items[index]
    expected = item["rol"]
    correct = given == expected
    why = explain_item(item["zin"], expected)
    if correct:
        explanation = f"Goed! {why}"
    else:
        given_name = _knowledge().get("rol", given).naam
        explanation = f"Niet goed: je koos {given_name}. {why}"
    data["antwoorden"].append({"zin": item["zin"], "juist": expected, "gegeven": given, "goed": correct})
    data["index"] = index + 1
    return AnswerResult(
        recognised=True, correct=correct, given=given, expected=expected, explanation=explanation,
        finished=data["index"] >= len(items),
    )


def answer_quiz(quiz_id: int, answer: Optional[str]) -> AnswerResult:
    """Check the answer of the stored quiz ``quiz_id`` and store the new state."""
    data = load_quiz(quiz_id)
    if data is None:
        return AnswerResult(
            recognised=False,
            explanation="Ik kan deze quiz niet meer vinden. Begin een nieuwe met 'oefen de rollen'.",
            finished=True,
        )
    result = apply_answer(data, answer)
    if result.recognised:
        state = status.DONE if result.finished else status.BUSY
        if result.finished:
            data["score"] = score(data).to_dict()
        update_record(RECORD_KIND, int(quiz_id), data=data, status=state)
    return result


def score(data: Dict[str, Any]) -> QuizScore:
    answers = data["antwoorden"]
    confusions = Counter((a["juist"], a["gegeven"]) for a in answers if not a["goed"])
    return QuizScore(
        goed=sum(1 for a in answers if a["goed"]),
        totaal=len(answers),
        verwarringen=[(a, b, n) for (a, b), n in confusions.most_common(3)],
    )


def score_text(result: QuizScore) -> str:
    knowledge = _knowledge()
    lines = [f"Je score: {result.goed} van de {result.totaal} goed."]
    if result.verwarringen:
        lines.append("Deze rollen haalde je het vaakst door elkaar:")
        for expected, given, count in result.verwarringen:
            lines.append(
                f"- {knowledge.get('rol', expected).naam} aangezien voor {knowledge.get('rol', given).naam} ({count}x)"
            )
    elif result.totaal:
        lines.append("Je hebt geen rollen door elkaar gehaald. Knap!")
    return "\n".join(lines)


def quiz_history(conversation_id: str) -> List[Dict[str, Any]]:
    """Finished quiz scores of one conversation, newest first."""
    return [
        row.data.get("score", {})
        for row in list_records(RECORD_KIND, conversation_id=conversation_id, status=status.DONE)
    ]
