"""Turn Rasa's REST output and tracker events into one message shape for the page.

Shape: ``{"role": "bot" | "user", "text": str | None, "buttons": [{"title", "payload"}],
"custom": dict | None, "image": str | None}``. Anything odd is dropped, never raised.
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

MAX_BUTTONS = 20


def _buttons(raw: Any) -> List[Dict[str, str]]:
    result: List[Dict[str, str]] = []
    if not isinstance(raw, list):
        return result
    for button in raw[:MAX_BUTTONS]:
        if not isinstance(button, dict):
            continue
        title, payload = button.get("title"), button.get("payload")
        if isinstance(title, str) and title.strip():
            result.append({"title": title, "payload": payload if isinstance(payload, str) else title})
    return result


def _text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value.strip() else None


def bot_message(text: Any = None, buttons: Any = None, custom: Any = None, image: Any = None) -> Optional[dict]:
    message = {
        "role": "bot",
        "text": _text(text),
        "buttons": _buttons(buttons),
        "custom": custom if isinstance(custom, dict) else None,
        "image": _text(image),
    }
    if message["text"] is None and not message["buttons"] and message["custom"] is None and message["image"] is None:
        return None
    return message


DEBRIEF = "debrief"


def _shown_as_text(custom: Any, before: List[dict]) -> bool:
    """A role-play debrief (``soort`` 'debrief') after the bot's message that showed it as text ("Nabespreking:
    <titel>", ``bot.roleplay.feedback.debrief_text``) in the same answer: the page shows the debrief once, as that
    text, not again as a structured copy with the moves' ids (a user test read "Niet gebruikte stappen: visie,
    dynamiek, ..." under it). Any bot message since the user's last message counts: the REST channel splits a text at
    its blank lines, so after a retry the part "Opnieuw geprobeerd: ..." stands between the two (a user test saw the
    debrief twice). The data stays in the conversation for other clients."""
    title = custom.get("titel") if isinstance(custom, dict) else None
    if not isinstance(custom, dict) or custom.get("soort") != DEBRIEF or not isinstance(title, str):
        return False
    for message in reversed(before):
        if message.get("role") != "bot":
            return False  # the user's message: what came before answered something else
        if isinstance(message.get("text"), str) and f"Nabespreking: {title}" in message["text"]:
            return True
    return False


def _debrief_for_page(custom: Dict[str, Any]) -> Dict[str, Any]:
    """A debrief the page did not show as text yet: as its Dutch text, never with the ids of its data
    (``bot.roleplay.feedback.debrief_for_page``)."""
    try:
        from bot.roleplay.feedback import debrief_for_page  # lazy: bot.roleplay imports bot.web for its pages

        return debrief_for_page(custom)
    except Exception:  # noqa: BLE001 - the knowledge could not be read: the title only, still no ids
        title = custom.get("titel")
        return {"soort": DEBRIEF, **({"titel": title} if isinstance(title, str) else {})}


def _page_message(text: Any, buttons: Any, custom: Any, image: Any, before: List[dict]) -> Optional[dict]:
    if isinstance(custom, dict) and custom.get("soort") == DEBRIEF:
        custom = None if _shown_as_text(custom, before) else _debrief_for_page(custom)
    return bot_message(text, buttons, custom, image)


def from_rest_output(raw: Iterable[Any]) -> List[dict]:
    """Rasa's REST webhook answer -> page messages (text, buttons, custom payload, image)."""
    messages: List[dict] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        message = _page_message(item.get("text"), item.get("buttons"), item.get("custom"), item.get("image"), messages)
        if message:
            messages.append(message)
    return messages


def from_tracker_events(events: Iterable[Any]) -> List[dict]:
    """The conversation as the page showed it: user texts (button payloads shown by their
    title) and bot messages with their buttons and custom payloads, in order."""
    titles: Dict[str, str] = {}
    messages: List[dict] = []
    for event in events:
        if not isinstance(event, dict):
            continue
        kind = event.get("event")
        if kind == "bot":
            data = event.get("data")
            data = data if isinstance(data, dict) else {}
            message = _page_message(event.get("text"), data.get("buttons"), data.get("custom"), data.get("image"),
                                    messages)
            if message:
                for button in message["buttons"]:
                    titles[button["payload"]] = button["title"]
                messages.append(message)
        elif kind == "user":
            text = _text(event.get("text"))
            if text is None:
                continue
            messages.append(
                {"role": "user", "text": titles.get(text, text), "buttons": [], "custom": None, "image": None}
            )
    return messages
