"""When the intent recogniser is unsure (``nlu_fallback``): answer what the message plainly asks before saying
"Sorry, dat begreep ik niet goed".

Long requests are where the recogniser is least sure, and they are the ones professionals type: "welke stap is dit:"
or "welke rol is dit:" before a long spoken turn, or a whole case for the sociale kaart ("vader gokt en de schulden
lopen op, twee kinderen van 4 en 7, Huizen"). ``action_onzeker_bericht`` checks, in this order:

0. danger (``bot.intake.danger``): what to do right now comes first ("haar ex staat nu beneden voor de deur"),
   then whatever else below applies;
1. a message in another language (``bot.language.looks_dutch``): that Rustpunt works in Dutch, and nothing below;
2. the explicit step request (``bot.steps.navigation.which_step_sentence``): the step of the sentence;
3. the explicit role request (``bot.roles.request.is_role_request``): the role analysis;
3a. a question about the six steps, the pitfalls or the roles, as the preparation answers it
   (``bot.steps.preparation.explain_method``: "wat is stap 5", "hoe erken ik zonder gelijk te geven?", "mag ik bij
   stap 2 al advies geven?", "wat is het verschil tussen aanklager en assertief", "ik merk dat ik zelf steeds ga
   redden bij die moeder, hoe stop ik daarmee"), unless it names a place and a problem of the kaart (a user test got
   'Sorry', 'Daar kan ik je niet mee helpen' or a kaart question in the menu; ``bot.rasa_runtime.command_guard``
   sends them here);
4. after a kaart question, a message that only names a place ("en in Weesp?", "in Weesp": the recogniser does not
   know every place) or an age ("en als hij in 2 vwo zit?"), or some of the place, the problem and the age but no
   person ("en leerplicht?", "spijbelt, eemnes"): that question searched again, with what the message does not name
   from it (``bot.kaart.dialog.vorige_vraag_opnieuw``);
5. a kaart question: a place (in the region or outside it) and a problem the kaart knows
   (``bot.kaart.dialog.lees``), or after danger a question where to go ("..., waar kan ze terecht?"): the search
   (remembered, as after the kaart's own form, for a follow-up with another place);
6. a request to forget ("wis dit gesprek", "verwijder mijn gegevens"): how to do that; "sla toch op" after an intake
   summary kept back on a wish not to store: that summary stored (``actions.intake.store_kept_back``);
7. "hint" after a role-play: where hints are given;
8. right after a role-play ended, a message still meant for the persona: that the role-play has ended and what can
   be done now (a retry from a turn, the debrief, a new role-play);

and otherwise leaves it to the rule, which says it did not understand and shows the menu, as before. The action
sets the slot ``onzeker_beantwoord`` (True: answered; False: the rule goes on with ``utter_default`` and the menu).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import answers_a_wiped_conversation
from actions.intake import SUMMARY_SLOT, forget_the_summary, store_kept_back
from actions.kaart import is_kaart_question, remembered_question, search_and_show
from actions.roleplay import TEXTS as ROLEPLAY_TEXTS
from actions.roleplay import just_ended, wipe_last_turn_after_end
from actions.roles import ActionRolAnalyse
from actions.steps import ActionVoorbereidenWelkeStap
from bot.commands import (
    HINT,
    asks_to_forget_the_caller,
    asks_to_store_anyway,
    asks_to_wipe_last,
    is_forget_request,
    whole_message,
)
from bot.intake.danger import danger_message
from bot.kaart.dialog import VORIGE_VRAAG, asks_the_kaart, lees, onthoud, vorige_vraag_opnieuw
from bot.language import looks_dutch, without_noise
from bot.privacy.forget import how_to_forget
from bot.roles.request import is_role_request
from bot.steps import navigation
from bot.steps.preparation import explain_method

ANSWERED = "onzeker_beantwoord"  # slot: True when this action answered, False when the menu follows (stories/base.yml)


class ActionOnzekerBericht(Action):
    def name(self) -> Text:
        return "action_onzeker_bericht"

    @answers_a_wiped_conversation
    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        # markup or an injection string around the question ("<script>...</script> zoon 14 spijbelt huizen"): the words
        text = without_noise((tracker.latest_message.get("text") or "").strip())
        previous = remembered_question(tracker)
        answered = True
        remembered: List[Dict[Text, Any]] = []
        danger = danger_message(text)
        if danger:
            dispatcher.utter_message(text=danger)
        if not looks_dutch(text):  # "Hi, I have a mother on the phone ...": say why, not just "Sorry"
            dispatcher.utter_message(text=NOT_DUTCH)
        elif navigation.which_step_sentence(text):
            await ActionVoorbereidenWelkeStap().run(dispatcher, tracker, domain)
        elif is_role_request(text):
            await ActionRolAnalyse().run(dispatcher, tracker, domain)
        # a kaart question; with danger also one that only asks where to go ("..., waar kan ze terecht?"): the search
        # reads the danger as its theme (Veilig Thuis first), after the advice
        elif not (kaart := is_kaart_question(text) or bool(danger and asks_the_kaart(text))) \
                and (explained := explain_method(text)):
            for message in explained:
                dispatcher.utter_message(text=message)
        elif previous and (again := vorige_vraag_opnieuw(previous, text)) is not None:
            # first: "spijbelt, eemnes" after the results keeps the age of the previous search
            question, slots = again
            search_and_show(dispatcher, question, slots, danger_shown=bool(danger),
                            place_of_the_question=question == text)
            # searched again, as it was searched now: a next follow-up builds on this search
            remembered = [SlotSet(VORIGE_VRAAG, onthoud(question, slots))]
        elif kaart:
            slots = lees(text, tracker.latest_message.get("entities", []))
            search_and_show(dispatcher, text, slots, danger_shown=bool(danger))
            remembered = [SlotSet(VORIGE_VRAAG, onthoud(text, slots))]
        elif asks_to_store_anyway(text):  # "sla toch op" after a summary kept back on a wish not to store
            remembered = store_kept_back(dispatcher, tracker)
        elif asks_to_forget_the_caller(text) and tracker.get_slot(SUMMARY_SLOT) is not None:
            # right after an intake: "kunt u wat ik net over deze beller heb ingetypt weer vergeten?": its summary
            dispatcher.utter_message(text=forget_the_summary(tracker.get_slot(SUMMARY_SLOT)))
            remembered = [SlotSet(SUMMARY_SLOT, None)]
        elif asks_to_wipe_last(text) and (wiped := wipe_last_turn_after_end(tracker)) is not None:
            dispatcher.utter_message(text=wiped)  # after a role-play ended: its last turn (a user test got the advice)
        elif is_forget_request(text):
            dispatcher.utter_message(text=how_to_forget(text))
        elif whole_message(text, (HINT,)) == HINT:  # "hint" after a role-play ended (a user test got 'Sorry')
            dispatcher.utter_message(text=HINT_OUTSIDE_PLAY)
        elif just_ended(tracker):  # a line still meant for the persona of a role-play that just ended
            dispatcher.utter_message(text=ROLEPLAY_TEXTS.text("afgelopen"))
        else:
            answered = bool(danger)  # without danger the rule goes on with utter_default and the menu
        return [SlotSet(ANSWERED, answered)] + remembered


NOT_DUTCH = ("Rustpunt werkt in het Nederlands: de stappen, de rollen, de sociale kaart en de rollenspellen zijn "
             "allemaal Nederlandstalig. Stel je vraag in het Nederlands, dan help ik je graag verder.")


HINT_OUTSIDE_PLAY = ("Een hint geef ik tijdens een rollenspel. Is het rollenspel afgelopen, dan toont 'tussenstand' de "
                     "nabespreking nog eens, 'probeer opnieuw vanaf beurt 2' speelt vanaf die beurt opnieuw, en "
                     "'ik wil oefenen' begint een nieuw rollenspel.")
