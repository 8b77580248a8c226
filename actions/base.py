"""Actions shared by every capability."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.loader import reload_knowledge
from bot.knowledge.report import user_summary_line
from bot.wording import counted


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
