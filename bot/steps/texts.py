"""Fixed chat texts of the guided preparation, read from ``knowledge/stappen/teksten.yml``."""
from __future__ import annotations

from bot.knowledge.texts import Texts

_TEXTS = Texts("stap_tekst")
text = _TEXTS.text
buttons = _TEXTS.buttons
