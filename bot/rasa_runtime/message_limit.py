"""A bound on the length of what a professional sends, before anything is tokenised.

Two layers, both at ``RUSTPUNT_MAX_MESSAGE`` characters (default 2000):

- every input channel (REST, ``rasa shell``, any other channel Rasa offers) ends in
  ``Agent.handle_message``; a longer message is refused there with a Dutch reply, before NLU runs,
  and nothing is added to the conversation (``outage.install`` wraps the same entry point and calls
  ``bot.message_length.refusal_for`` first);
- ``MessageLengthLimit``, the first component of the NLU pipeline (config.yml), cuts any text that
  still reaches NLU by another road (the HTTP API's ``/model/parse``, ``/conversations/<id>/messages``).

A 100,000-character message used to grow the Rasa server to 24 GB (the featurizers and DIET scale
with the number of tokens); the channel refusal costs no memory at all.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from bot.message_length import max_message_length

logger = logging.getLogger(__name__)

try:  # the component needs Rasa; bot.message_length does not
    from rasa.engine.graph import ExecutionContext, GraphComponent
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.engine.storage.resource import Resource
    from rasa.engine.storage.storage import ModelStorage
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData
except ImportError:  # pragma: no cover - Rasa is a dependency of the project
    GraphComponent = None

if GraphComponent is not None:

    @DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
    class MessageLengthLimit(GraphComponent):
        """First NLU component: cuts a message text to ``max_characters`` before tokenisation.

        ``max_characters`` in config.yml; unset means ``RUSTPUNT_MAX_MESSAGE`` (default 2000) when the
        model is loaded."""

        @staticmethod
        def get_default_config() -> Dict[Text, Any]:
            return {"max_characters": None}

        def __init__(self, config: Dict[Text, Any]) -> None:
            configured = config.get("max_characters")
            self.limit = int(configured) if configured else max_message_length()

        @classmethod
        def create(
            cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
            execution_context: ExecutionContext,
        ) -> "MessageLengthLimit":
            return cls(config)

        def process(self, messages: List[Message]) -> List[Message]:
            for message in messages:
                text = message.get(TEXT)
                if isinstance(text, str) and len(text) > self.limit:
                    logger.warning("NLU: cut a text of %d characters to %d", len(text), self.limit)
                    message.set(TEXT, text[: self.limit])
            return messages

        def process_training_data(self, training_data: TrainingData) -> TrainingData:
            self.process(training_data.training_examples)
            return training_data
