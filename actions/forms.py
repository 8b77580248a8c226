"""Shared base for our form validation actions."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from rasa_sdk.utils import call_potential_coroutine


class FormValidation(FormValidationAction, ABC):
    """A FormValidationAction that does not validate slots that were just emptied.

    Our start actions clear a form's slots (``SlotSet(slot, None)``) before the form activates.
    rasa_sdk then hands those empty values to ``validate_<slot>`` as if the user had typed nothing,
    and the form answered "ik kreeg geen antwoord" before asking its first question. Here a slot whose
    new value is ``None`` is passed through unvalidated; every real value is validated as usual.
    """

    @abstractmethod
    def name(self) -> Text:
        """``validate_<form name>``; abstract, so the SDK does not register this base class."""

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        slots: Dict[Text, Any] = {
            name: value
            for name, value in tracker.slots_to_validate().items()
            if name in required and value is not None
        }
        for slot_name, slot_value in list(slots.items()):
            method = getattr(self, f"validate_{slot_name.replace('-', '_')}", None)
            if method is None:
                continue
            output = await call_potential_coroutine(method(slot_value, dispatcher, tracker, domain))
            if isinstance(output, dict):
                slots.update(output)
                tracker.slots.update(output)  # later validators see the change, as in rasa_sdk
        return [SlotSet(slot, value) for slot, value in slots.items()]
