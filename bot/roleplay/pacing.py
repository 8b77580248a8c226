"""Pacing and role voices of the persona (used by the engine; scenario fields ``tempo`` and
``rolantwoorden``).

- The tension falls at most ``tempo.max_daling`` per turn: a furious caller does not calm down
  after one acknowledging sentence.
- No good ending before ``tempo.min_beurten`` turns.
- Options before the steps in ``tempo.opties_pas_na`` were used meet resistance: the tension rises
  by ``tempo.weerstand`` and the persona pushes back. A step counts as used also when it was a part beside another
  move of a turn (the engine passes every move so far, as for the good ending).
- Replies come from ``rolantwoorden[<current role>][<move>][<band>]`` when the scenario has them,
  else from ``antwoorden[<move>][<band>]``: a Slachtoffer sounds different from an Aanklager.
- A reply that opens by echoing one word of the professional ("Boos? Natuurlijk ben ik boos.") is said only when
  the professional used that word (``fitting_replies``); the persona does not answer a word nobody said.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from bot.roleplay.models import Scenario, band_of


def rushes_to_options(scenario: Scenario, move: str, used: Sequence[str]) -> bool:
    """Options (or closing with options) before the needed steps were used."""
    needed = scenario.tempo.opties_pas_na
    return move == "opties" and any(step not in used for step in needed)


def paced_delta(scenario: Scenario, move: str, delta: int, used: Sequence[str]) -> Tuple[int, bool]:
    """The tension change after pacing, and whether the persona resists (options too early)."""
    if rushes_to_options(scenario, move, used):
        return max(delta, scenario.tempo.weerstand), True
    return max(delta, -scenario.tempo.max_daling), False


def early_for_good_end(scenario: Scenario, turns_done: int) -> bool:
    """True while a good ending would come too soon (``turns_done`` counts the current turn)."""
    return turns_done < scenario.tempo.min_beurten


def reply_variants(scenario: Scenario, role: str, move: str, tension: int, resisted: bool = False) -> List[str]:
    """The reply lines for this role, move and tension (role lines first, then the general ones)."""
    band = band_of(tension)
    if resisted and scenario.tempo.weerstand_antwoorden:
        return list(scenario.tempo.weerstand_antwoorden)
    if resisted:
        move, band = "opties", "hoog"
    voice = scenario.rolantwoorden.get(role)
    lines = getattr(voice, move, None) if voice is not None else None
    if lines is not None and getattr(lines, band):
        return list(getattr(lines, band))
    return list(getattr(getattr(scenario.antwoorden, move), band))


_ECHO = re.compile(r"^([A-Za-zÀ-ÿ]+)\?\s")  # "Boos? ...", "Rust? ...": one word and a question mark
_NO_ECHO = {"wat", "hallo", "echt", "serieus", "hoezo", "pardon", "waarom", "sorry", "huh", "nou", "ja", "nee", "hoe"}
_ECHO_STEM = 4  # "rust" meets "rustig", "optie" meets "opties", "regel" meets "regelen"


def fitting_replies(variants: Sequence[str], said: str) -> List[str]:
    """``variants`` without the ones that echo a word the professional did not use in ``said`` ("Boos?" after "wat
    vervelend voor u"); all of them when no other variant is left."""
    words = {w[:_ECHO_STEM] for w in re.findall(r"[a-zà-ÿ]+", said.lower())}
    fitting = [v for v in variants if not _echoes_something_else(v, words)]
    return fitting or list(variants)


def _echoes_something_else(variant: str, words: set) -> bool:
    match = _ECHO.match(variant)
    if not match or match.group(1).lower() in _NO_ECHO:
        return False
    return match.group(1).lower()[:_ECHO_STEM] not in words
