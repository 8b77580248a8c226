"""When the intent recogniser is unsure (``nlu_fallback``): answer what the message plainly asks before saying
"Sorry, dat begreep ik niet goed".

Long requests are where the recogniser is least sure, and they are the ones professionals type: "welke stap is dit:"
or "welke rol is dit:" before a long spoken turn, or a whole case for the sociale kaart ("vader gokt en de schulden
lopen op, twee kinderen van 4 en 7, Huizen"). ``action_onzeker_bericht`` checks, in this order:

1. the explicit step request (``bot.steps.navigation.which_step_sentence``): the step of the sentence;
2. the explicit role request (``bot.roles.request.is_role_request``): the role analysis;
3. a kaart question: a place in the region and a problem the kaart knows (``bot.kaart.dialog.lees``): the search;

and otherwise leaves it to the rule, which says it did not understand and shows the menu, as before. The action
sets the slot ``onzeker_beantwoord`` (True: answered; False: the rule goes on with ``utter_default`` and the menu).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.kaart import search_and_show
from actions.roles import ActionRolAnalyse
from actions.steps import ActionVoorbereidenWelkeStap
from bot.kaart.dialog import lees
from bot.kaart.query import parse_vraag
from bot.roles.request import is_role_request
from bot.steps import navigation

ANSWERED = "onzeker_beantwoord"  # slot: True when this action answered, False when the menu follows (stories/base.yml)


class ActionOnzekerBericht(Action):
    def name(self) -> Text:
        return "action_onzeker_bericht"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        text = (tracker.latest_message.get("text") or "").strip()
        answered = True
        if navigation.which_step_sentence(text):
            await ActionVoorbereidenWelkeStap().run(dispatcher, tracker, domain)
        elif is_role_request(text):
            await ActionRolAnalyse().run(dispatcher, tracker, domain)
        elif is_kaart_question(text):
            search_and_show(dispatcher, text, lees(text, tracker.latest_message.get("entities", [])))
        else:
            answered = False  # the rule goes on with utter_default and the menu
        return [SlotSet(ANSWERED, answered)]


def is_kaart_question(text: str) -> bool:
    """A place in the region and a problem the kaart knows: a question for the sociale kaart."""
    parsed = parse_vraag(text)
    return bool(parsed.gemeente and parsed.themas)
