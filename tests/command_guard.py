"""One helper for the tests of ``CommandIntentGuard``: what the guard makes of a text the model read as something."""
from typing import List, Sequence, Tuple, Union

Ranking = Union[str, Sequence[Tuple[str, float]]]


def guarded(text: str, read_as: Ranking, confidence: float = 0.6, runner_up: Tuple[str, float] = ("greet", 0.2)) -> str:
    """The intent after the guard, for ``text`` read by the model as ``read_as``: an intent name (with
    ``confidence``, followed by ``runner_up``) or a whole ranking of (name, confidence) pairs."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    pairs: List[Tuple[str, float]] = [(read_as, confidence), runner_up] if isinstance(read_as, str) else list(read_as)
    ranking = [{"name": name, "confidence": value} for name, value in pairs]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    return message.get("intent")["name"]
