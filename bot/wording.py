"""Dutch wording shared by replies and the CLI: lists ("a, b en c") and counted nouns ("2 namen")."""
from __future__ import annotations

from typing import Sequence

from bot.text import ORDINAL_WORDS


def join_list(items: Sequence[str], last: str = "en") -> str:
    """'a', 'a en b', 'a, b en c' ('' for no items); ``last`` is the word before the final item ('en', 'of')."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def counted(number: int, singular: str, plural: str) -> str:
    """'1 naam', '2 namen'."""
    return f"{number} {singular if number == 1 else plural}"


def decimal(value: float, digits: int = 1) -> str:
    """A number as Dutch readers write it: '2,5', '0,9' (a user test saw '2.5' on the trainers' page)."""
    return f"{value:.{digits}f}".replace(".", ",")


def ordinal(number: int) -> str:
    """'eerste', 'tweede', ... 'tiende' (the one table ``bot.text.ORDINAL_WORDS``); '11e' after that."""
    return next((word for word, value in ORDINAL_WORDS.items() if value == number), f"{number}e")
