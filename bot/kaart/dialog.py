"""Plain-Python logic behind the kaart conversation (the Rasa actions only call this).

A question is read from the text *and* from Rasa entities (gemeente, leeftijd, thema): entities win
when they resolve to a known value, the text parser fills the rest, so the search works even when
the NLU misses an entity. One follow-up question is asked when the place or the problem is missing.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional

from bot.kaart.query import parse_vraag, resolve_gemeente, resolve_thema
from bot.kaart.vocabulary import LEEFTIJD_MAX

SLOTS = ("kaart_vraag", "kaart_aanvulling", "kaart_gemeente", "kaart_thema", "kaart_leeftijd")


def _entity_values(entities: Iterable[dict], name: str) -> List[str]:
    return [str(e.get("value")) for e in entities or [] if e.get("entity") == name and e.get("value") is not None]


def lees(text: Optional[str], entities: Iterable[dict] = ()) -> Dict[str, object]:
    """Slots understood from one message: kaart_gemeente (code or an outside place as written),
    kaart_thema (code) and kaart_leeftijd (int); None for what was not found."""
    entities = list(entities or [])
    parsed = parse_vraag(text or "")
    # the search's own reading first: it knows whose place a place is ("ik werk in Hilversum, het gezin woont in
    # Eemnes"); the recogniser's place entity (the first place named) only when the search found none
    gemeente = parsed.gemeente or parsed.buiten_regio
    gemeente = gemeente or next((c for c in map(resolve_gemeente, _entity_values(entities, "gemeente")) if c), None)
    gemeente = gemeente or parsed.onbekende_plaats
    thema = next((c for c in map(resolve_thema, _entity_values(entities, "thema")) if c), None)
    thema = thema or (parsed.themas[0] if parsed.themas else None)
    leeftijd = None
    for value in _entity_values(entities, "leeftijd"):
        digits = "".join(ch for ch in value if ch.isdigit())[:2]
        if digits and 0 <= int(digits) <= LEEFTIJD_MAX:
            leeftijd = int(digits)
            break
    if leeftijd is None:
        leeftijd = parsed.leeftijd
    return {"kaart_gemeente": gemeente, "kaart_thema": thema, "kaart_leeftijd": leeftijd}


def aanvullen(current: Dict[str, object], extra: Dict[str, object]) -> Dict[str, object]:
    """Fill what is still missing from a follow-up answer; never overwrite what is known."""
    return {key: current.get(key) if current.get(key) is not None else extra.get(key)
            for key in ("kaart_gemeente", "kaart_thema", "kaart_leeftijd")}


def ontbreekt(gemeente: Optional[str], thema: Optional[str]) -> Optional[str]:
    """Which follow-up to ask: 'beide', 'gemeente', 'probleem' or None."""
    if gemeente is None and thema is None:
        return "beide"
    if gemeente is None:
        return "gemeente"
    if thema is None:
        return "probleem"
    return None


def zoektekst(vraag: Optional[str], aanvulling: Optional[str]) -> str:
    return " ".join(part for part in (vraag, aanvulling) if part).strip()
