"""Why a service was found (``waarom``), in plain Dutch."""
from __future__ import annotations

from typing import Dict, List, Optional

from bot.kaart.describe import leeftijd_tekst
from bot.kaart.vocabulary import (
    THEMAS,
)

# The safety theme read only by the words of a child protection measure ("OTS", "gezinsvoogd") is the measure, not
# domestic violence: a user test of session 22 read "Past bij veiligheid en huiselijk geweld ('gezinsvoogd')".
SAFETY = "veiligheid"
MEASURE_LABEL = "een maatregel van jeugdbescherming"


def waarom_tekst(matched: List[str], woorden: Dict[str, List[str]], place: str, age: Optional[int], service,
                 text_terms: List[str], broader: Optional[Dict[str, str]] = None,
                 safety_by_measure: bool = False) -> str:
    """Why ``service`` was found: the themes it matched, with the first word of the question that said each
    (``woorden``: the words as the question wrote them), the words of the question its text names (``text_terms``, as
    written), the place and the age. A quote is always something typed, never a lemma or a corrected typo. A theme
    searched for a narrower one of the question (``broader``: broader theme -> the question's theme) says so: "gedrag
    en conflicten, het bredere thema van criminaliteit en overlast ('winkeldiefstal')". The safety theme read only by
    the words of a measure (``safety_by_measure``, decided once per question) is named as the measure."""
    broader = broader or {}
    parts = []
    if matched:
        labels = []
        for theme in matched:
            asked = broader.get(theme) if theme not in woorden else None
            said = [w for w in woorden.get(asked or theme, []) if w != (asked or theme)][:1]
            label = (MEASURE_LABEL if safety_by_measure and theme == SAFETY else THEMAS[theme]) + (
                f", het bredere thema van {THEMAS[asked]}" if asked else "")
            labels.append(label + (f" ('{said[0]}')" if said else ""))
        parts.append("past bij " + " en ".join(labels))
    if text_terms:
        parts.append("tekst noemt " + ", ".join(f"'{t}'" for t in text_terms[:3]))
    if place:
        parts.append(place)
    if age is not None:
        span = leeftijd_tekst(service)
        parts.append(f"leeftijd past ({span})" if span else "geen leeftijdsgrens genoemd")
    if not parts:
        return "Algemene ingang voor deze gemeente."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
