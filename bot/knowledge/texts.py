"""Fixed Dutch chat texts kept in knowledge/ (not in the Rasa domain).

Texts that only custom actions send live here, so trainers can edit them in one reviewed place
and ``rasa data validate`` does not flag them as unused responses. Each capability has its own
kind (for example ``stap_tekst``) with this model; ``{naam}`` placeholders are filled in.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List

from pydantic import constr

from bot.knowledge.base import Entry, Strict

if TYPE_CHECKING:  # see bot/knowledge/base.py
    ButtonTitle = str
    Payload = str
    ChatLine = str
else:
    ButtonTitle = constr(min_length=1, max_length=120)
    Payload = constr(min_length=1, max_length=200)
    ChatLine = constr(min_length=1, max_length=1000)


class Button(Strict):
    titel: ButtonTitle
    payload: Payload


class ChatText(Entry):
    """One fixed chat text, optionally with buttons."""

    tekst: ChatLine
    knoppen: List[Button] = []


class _Keep(dict):
    def __missing__(self, key: str) -> str:  # an unfilled placeholder stays visible, never crashes
        return "{" + key + "}"


class Texts:
    """Access to the texts of one kind: ``Texts("stap_tekst").text("intro")``."""

    def __init__(self, kind: str):
        self.kind = kind

    def _entry(self, text_id: str, knowledge=None) -> ChatText:
        if knowledge is None:
            from bot.knowledge.loader import get_knowledge  # lazy: the loader imports this model (kinds): a cycle

            knowledge = get_knowledge()
        entry = knowledge.get(self.kind, text_id)
        if entry is None:
            raise KeyError(f"Onbekende tekst: {self.kind}/{text_id}")
        return entry

    def text(self, text_id: str, knowledge=None, **values) -> str:
        template = self._entry(text_id, knowledge).tekst
        return template.format_map(_Keep({k: str(v) for k, v in values.items()}))

    def buttons(self, text_id: str, knowledge=None) -> List[Dict[str, str]]:
        return [{"title": b.titel, "payload": b.payload} for b in self._entry(text_id, knowledge).knoppen]
