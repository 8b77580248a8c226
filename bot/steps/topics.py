"""Topics of the workbook's view that a professional asks Rustpunt about (``knowledge/stappen/onderwerpen.yml``).

"moet contact tussen de ouders het doel zijn?", "welke vormen van ouderschap zijn er na een scheiding?", "mag ik een
kind laten kiezen bij wie hij wil wonen?": no single step answers them, and a user test got 'Sorry, dat begreep ik niet
goed', a role-play or a kaart question. Each topic has phrase patterns (``bot.patterns``, matched on words and lemmas,
as the pitfall forms are) and its answer. Whether a message is a question to Rustpunt at all is decided by
``bot.steps.navigation.method_question``; this module only says which topics a question names.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.patterns import compile_pattern, find_all, may_match, tokenize, words_of
from bot.steps.guide import _knowledge
from bot.text import simplify

KIND = "methode_onderwerp"
_CACHE: Dict[str, Any] = {}


def _compiled(knowledge) -> List[Any]:
    """Per topic: (entry, [pattern]); compiled again after a knowledge reload."""
    if _CACHE.get("knowledge") is not knowledge:
        _CACHE.update(knowledge=knowledge, compiled=[
            (topic, [compile_pattern(simplify(p)) for p in topic.vragen]) for topic in knowledge.all(KIND)])
    return _CACHE["compiled"]


def find_topics(text: Optional[str], knowledge=None, own_move: bool = True) -> List[str]:
    """The ids of the topics whose patterns occur in ``text``, in the order of the knowledge file; accents do not
    count ("cooperatief" is typed as often as "coöperatief"). ``own_move``: ``text`` asks how the professional does
    something; without it a topic only for such questions (``alleen_eigen_zet``: a parent who swears) is left out."""
    tokens = tokenize(simplify(text or ""))
    if not tokens:
        return []
    present = words_of(tokens)
    return [topic.id for topic, patterns in _compiled(_knowledge(knowledge))
            if (own_move or not topic.alleen_eigen_zet)
            and any(may_match(present, pattern) and find_all(tokens, pattern) for pattern in patterns)]


def format_topic(topic_id: str, knowledge=None) -> str:
    """A topic's answer in Dutch, with the steps and pitfalls to read more about."""
    knowledge = _knowledge(knowledge)
    topic = knowledge.get(KIND, topic_id)
    if topic is None:
        raise KeyError(f"Onbekend onderwerp: {topic_id}")
    lines = [topic.naam, " ".join(topic.antwoord.split())]
    more = [f"stap {step.nummer} ({step.naam})" for step in (knowledge.get("stap", s) for s in topic.stappen) if step]
    more += [f"de valkuil '{pitfall.naam}'" for pitfall in (knowledge.get("valkuil", p) for p in topic.valkuilen)
             if pitfall]
    if more:
        first = knowledge.get("stap", topic.stappen[0]) if topic.stappen else None
        ask = f" (vraag bijvoorbeeld 'wat is stap {first.nummer}')" if first else ""
        lines.append(f"Meer hierover: {', '.join(more)}{ask}.")
    return "\n".join(lines)
