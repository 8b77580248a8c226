"""'Probeer opnieuw vanaf beurt N': go back to the state before turn N and try another sentence.

The turns taken back are kept in the session record as an earlier attempt (``pogingen``), so the
debrief can show both attempts side by side: what was said first, and what was said the second time.
"""
from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any, Dict, List, Optional

from bot.status import ENDING_NAMES
from bot.text import NUMBER_WORDS
from bot.wording import ordinal

_RETRY = re.compile(
    r"^(?:/?rollenspel_opnieuw\b.*?"
    r"|(?:probeer|doe) (?:het |dit )?(?:nog eens |nog een keer |opnieuw )?(?:vanaf |bij |van )?"
    r"|(?:ga )?terug naar |opnieuw (?:vanaf |bij )?|nog een keer vanaf |overdoen vanaf )"
    r"beurt (?P<nr>\d{1,3}|[a-z]+)(?: opnieuw| overdoen| nog een keer| nog eens)?$"
)
_RETRY_AFTER = re.compile(r"^(?:probeer|doe) beurt (?P<nr>\d{1,3}|[a-z]+) (?:opnieuw|nog een keer|nog eens|over)$")
# Asked in other words ("mag ik beurt 2 nog een keer doen?", "probeer opnieuw vanaf de vorige beurt"; a user test
# found both read as a turn): a short message that names a turn and asks to do it again, in no other words than
# these (a line to the persona has words of its own).
# "deze beurt" ("opnieuw vanaf deze beurt") and "die laatste beurt" are the last turn played as well (a user test).
_TURN = re.compile(r"\bbeurt (?P<nr>\d{1,3}|[a-z]+)\b|\b(?:(?:de|mijn|die|deze) )?(?:vorige|laatste) beurt\b"
                   r"|\bdeze beurt\b")
_AGAIN = re.compile(r"\b(?:opnieuw|overnieuw|nog (?:een keer|eens)|over ?doen|overdoen|terug|probeer|proberen)\b")
_ASKING_WORDS = frozenset(
    "mag ik kan kun wil wou zou graag even de het dit vanaf bij van naar ga gaan we wij doen beurt nog een keer eens "
    "opnieuw overnieuw over overdoen probeer proberen terug vorige laatste mijn alsjeblieft aub oké ok nee sorry wacht "
    "dan maar toch beginnen starten spelen zeggen typen oei oeps oh o hmm eh nou ja jeetje die deze even".split())
LAST_TURN = -1  # "de vorige beurt": the last turn played, resolved by the session (``PracticeService.retry``)


def retry_turn(text: Optional[str]) -> Optional[int]:
    """The turn number in 'probeer opnieuw vanaf beurt 3' (and similar: "mag ik beurt 2 nog een keer doen?"),
    ``LAST_TURN`` for "de vorige beurt"; None for other text."""
    norm = " ".join(re.sub(r"[^\w\s/]", " ", (text or "").lower()).split())
    match = _RETRY.match(norm) or _RETRY_AFTER.match(norm)
    if not match:
        return _asked_again(norm)
    return _number(match.group("nr"))  # 'beurt 2' or 'beurt twee'


def _number(word: str) -> Optional[int]:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _asked_again(norm: str) -> Optional[int]:
    """A request to redo a turn in other words (``_TURN``, ``_AGAIN``, only ``_ASKING_WORDS`` besides)."""
    turn = _TURN.search(norm)
    if not turn or not _AGAIN.search(norm):
        return None
    number = turn.group("nr")
    rest = (norm[:turn.start()] + " " + norm[turn.end():]).split()
    if not all(word in _ASKING_WORDS for word in rest):
        return None
    return LAST_TURN if number is None else _number(number)


def attempt_record(turn_nr: int, removed: List[Any], ending: Optional[str]) -> Dict[str, Any]:
    """What is kept of an attempt that was taken back."""
    return {"vanaf_beurt": turn_nr, "einde": ending, "beurten": [asdict(t) for t in removed]}


def attempts_for_debrief(data: Dict[str, Any], turns: List[Any]) -> List[Dict[str, Any]]:
    """Per earlier attempt: the turns said then, and the turns said instead (from that turn on)."""
    out = []
    for attempt in data.get("pogingen") or []:
        start = attempt["vanaf_beurt"]
        instead = [
            asdict(t) if not isinstance(t, dict) else t
            for t in turns
            if (t["nr"] if isinstance(t, dict) else t.nr) >= start
        ]
        out.append({"vanaf_beurt": start, "eerst": attempt["beurten"], "einde_eerst": attempt.get("einde"),
                    "daarna": instead})
    return out


def _line(turn: Dict[str, Any], zetten: Dict[str, Any]) -> str:
    """One turn of an attempt, named as the live label and the debrief name it (``feedback.turn_label``: with the
    pitfall beside a step), the tension with the debrief's arrow (a user test read "(Erkennen, spanning 10 -> 8)" for
    'Erkennen + de inhoud in (valkuil)')."""
    from bot.roleplay.feedback import turn_label  # lazy: feedback imports the engine, which this module serves

    name = turn_label(turn, zetten) or turn["zet"]
    return (
        f'  beurt {turn["nr"]}: "{turn["tekst"]}" ({name}, spanning {turn["spanning_voor"]} → {turn["spanning_na"]})'
    )


def latest_turns(attempts: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """What was said after the retries, once: the turns from the earliest turn any retry went back to. Each attempt of
    ``attempts_for_debrief`` carries the current turns from its own turn on (``daarna``), so with two retries they were
    shown twice (a user test); the attempt that went back furthest has them all."""
    if not attempts:
        return []
    earliest = min(attempts, key=lambda attempt: attempt.get("vanaf_beurt") or 0)
    return list(earliest.get("daarna") or [])


def attempt_heading(number: int, attempt: Dict[str, Any]) -> str:
    """'Vanaf beurt 2, tweede poging (eindigde: misgelopen)' for the ``number``-th attempt taken back."""
    ended = attempt.get("einde_eerst")
    return (f"Vanaf beurt {attempt.get('vanaf_beurt', '?')}, {ordinal(number)} poging"
            + (f" (eindigde: {ENDING_NAMES.get(ended, ended)})" if ended else ""))


def attempts_text(attempts: List[Dict[str, Any]], zetten: Dict[str, Any]) -> str:
    """The attempts in Dutch, for the debrief text ('' when there was no retry): every attempt that was taken back,
    then once what was said after them."""
    if not attempts:
        return ""
    lines = ["Opnieuw geprobeerd:"]
    for number, attempt in enumerate(attempts, start=1):
        lines.append(attempt_heading(number, attempt) + ":")
        lines += [_line(t, zetten) for t in attempt.get("eerst") or []] or ["  (nog niets gezegd)"]
    lines.append("Daarna:")
    lines += [_line(t, zetten) for t in latest_turns(attempts)] or ["  (nog niets gezegd)"]
    return "\n".join(lines)
