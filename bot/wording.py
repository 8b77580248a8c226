"""Dutch wording shared by replies and the CLI: lists ("a, b en c"), counted nouns ("2 namen") and quotes cut short."""
from __future__ import annotations

import re
from typing import Sequence

from bot.text import ORDINAL_WORDS


def join_list(items: Sequence[str], last: str = "en") -> str:
    """'a', 'a en b', 'a, b en c' ('' for no items); ``last`` is the word before the final item ('en', 'of')."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


_CLOSED = re.compile(r"[.!?…][\"'”’)]*\s*$")


def sentence(text: str) -> str:
    """``text`` ended as a sentence: a full stop after it, unless it already ends in one, also inside a closing quote
    ('... was redden: "Zeg het maar tegen mama."', not 'mama.".'; a user test saw 'rustiger wordt.”.')."""
    text = text.rstrip()
    return text if _CLOSED.search(text) else text + "."


def shortened(text: str, limit: int) -> str:
    """``text`` on one line, and when longer than ``limit`` characters cut before the last whole word that fits, with
    an ellipsis ('... zo boos…', never '... be…', a user test); a first word longer than the limit is cut itself."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:  # the cut falls inside a word: leave that word out
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


SHOWN_MAX = 0.99  # a recogniser is never 100% sure: at most this is shown


def certainty_words(value: float) -> str:
    """How sure a recogniser is, in words ("vrij zeker")."""
    if value >= 0.9:
        return "zeker"
    if value >= 0.75:
        return "vrij zeker"
    if value >= 0.5:
        return "redelijk zeker"
    return "niet zo zeker"


def certainty_text(value: float) -> str:
    """'vrij zeker (80%)': the words and the percentage of one rounded value, so they always agree (a user test saw
    "vrij zeker (75%)" in the chat and "redelijk zeker (74%)" in the CLI, and "vrij zeker (100%)"); at most 99%."""
    shown = min(round(value, 2), SHOWN_MAX)
    return f"{certainty_words(shown)} ({shown:.0%})"


def in_sentence(name: str) -> str:
    """A name ('Het kind in het midden zetten', 'Oordelen (valkuil)') inside a sentence: its first letter in lower case
    ('was het kind in het midden zetten', not 'was Het kind ...', a user test); a name written in capitals (an
    abbreviation such as 'GGD') stays as it is."""
    first = name.split(" ", 1)[0]
    return name if len(first) > 1 and first.isupper() else name[:1].lower() + name[1:]


def counted(number: int, singular: str, plural: str) -> str:
    """'1 naam', '2 namen'."""
    return f"{number} {singular if number == 1 else plural}"


def decimal(value: float, digits: int = 1) -> str:
    """A number as Dutch readers write it: '2,5', '0,9' (a user test saw '2.5' on the trainers' page)."""
    return f"{value:.{digits}f}".replace(".", ",")


def ordinal(number: int) -> str:
    """'eerste', 'tweede', ... 'tiende' (the one table ``bot.text.ORDINAL_WORDS``); '11e' after that."""
    return next((word for word, value in ORDINAL_WORDS.items() if value == number), f"{number}e")
