"""Dutch wording shared by replies and the CLI: lists ("a, b en c") and counted nouns ("2 namen")."""
from __future__ import annotations

from typing import Sequence


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


_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende")


def ordinal(number: int) -> str:
    """'eerste', 'tweede', ... 'tiende'; '11e' after that."""
    return _ORDINALS[number - 1] if 1 <= number <= len(_ORDINALS) else f"{number}e"
