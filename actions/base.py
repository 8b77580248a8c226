"""Actions shared by every capability."""
from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.loader import reload_knowledge
from bot.knowledge.report import user_summary_line
from bot.records import FORGOTTEN_DURING_TURN, ConversationForgotten, action_call
from bot.wording import counted

Run = Callable[[Any, CollectingDispatcher, Tracker, Dict[Text, Any]], Awaitable[List[Dict[Text, Any]]]]


def answers_a_wiped_conversation(run: Run) -> Run:
    """An action's ``run`` that, when its record is refused because the conversation was wiped meanwhile, says so in
    the chat (``bot.records.FORGOTTEN_DURING_TURN``) instead of failing with a generic error; what it was about to
    say is dropped. A record it stores is stored once per call (``bot.records.action_call``): the balancer sends a
    call again to the other action server when the first died before answering (the set-up with several servers)."""

    @functools.wraps(run)
    async def wrapped(self: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        said = len(dispatcher.messages)
        try:
            with action_call(tracker.sender_id, (tracker.latest_message or {}).get("message_id"),
                             len(tracker.events), self.name()):
                return await run(self, dispatcher, tracker, domain)
        except ConversationForgotten:
            del dispatcher.messages[said:]
            dispatcher.utter_message(text=FORGOTTEN_DURING_TURN)
            return []

    return wrapped


class ActionReloadKnowledge(Action):
    """'herlaad de kennis': re-read knowledge/ so new scenarios and entries are used without
    retraining Rasa. Broken files are reported and the previous knowledge stays in use."""

    def name(self) -> Text:
        return "action_herlaad_kennis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        fresh = reload_knowledge()  # broken files never replace the knowledge in use
        if fresh.problems:
            shown = "\n".join(f"- {p}" for p in fresh.problems[:5])
            more = len(fresh.problems) - 5
            extra = f"\n... en nog {counted(more, 'fout', 'fouten')}." if more > 0 else ""
            found = counted(len(fresh.problems), "fout", "fouten")
            dispatcher.utter_message(
                text=f"De kennis is niet herladen: {found} gevonden.\n{shown}{extra}\n"
                     "Ik werk verder met de vorige versie."
            )
            return []
        dispatcher.utter_message(text=f"De kennis is herladen. {user_summary_line(fresh)}")
        return []
