"""The longest message Rustpunt reads: ``RUSTPUNT_MAX_MESSAGE`` characters (default 2000), in one place.

Every layer that bounds what a professional sends uses this: the Rasa channels and NLU pipeline
(``bot.rasa_runtime.message_limit``), Rasa's HTTP guard, the web page, and the sociale kaart, which reads a
long phone note up to this length. No Rasa import here, so light modules can use it.
"""
from __future__ import annotations

import logging
import os
from typing import Mapping, Optional

logger = logging.getLogger(__name__)

ENV = "RUSTPUNT_MAX_MESSAGE"
DEFAULT_MAX = 2000
LOWEST_MAX = 50  # a limit below this would refuse ordinary sentences


def max_message_length(env: Optional[Mapping[str, str]] = None) -> int:
    """``RUSTPUNT_MAX_MESSAGE`` as a number; the default when unset or not a sensible number."""
    raw = ((os.environ if env is None else env).get(ENV) or "").strip()
    if not raw:
        return DEFAULT_MAX
    try:
        value = int(raw)
    except ValueError:
        logger.warning("%s=%r is not a number; using %d", ENV, raw, DEFAULT_MAX)
        return DEFAULT_MAX
    if value < LOWEST_MAX:
        logger.warning("%s=%d is below %d; using %d", ENV, value, LOWEST_MAX, LOWEST_MAX)
        return LOWEST_MAX
    return value


def dutch_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def too_long_text(length: int, limit: int) -> str:
    return (
        f"Je bericht is te lang: {dutch_number(length)} tekens. Rustpunt leest berichten tot "
        f"{dutch_number(limit)} tekens. Ik heb dit bericht niet verwerkt en er is niets veranderd in je "
        "gesprek. Maak het korter (of verdeel het over een paar berichten) en stuur het opnieuw."
    )


def refusal_for(text: Optional[str], limit: Optional[int] = None) -> Optional[str]:
    """The Dutch refusal when ``text`` is over the limit, else None."""
    limit = max_message_length() if limit is None else limit
    length = len(text or "")
    if length <= limit:
        return None
    logger.warning("Refused a message of %d characters (limit %d)", length, limit)
    return too_long_text(length, limit)
