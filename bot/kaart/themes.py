"""The themes searched beyond those said: a broader related theme, young children, parenting for a parent's
own disorder."""
from __future__ import annotations

from typing import Dict, List, Optional, Set

from bot.kaart.ages import YOUNG_CHILD
from bot.kaart.index import KaartIndex
from bot.kaart.kinds import verwijsbaar

# A theme no referable service in the place covers is also read as its nearest broader theme: faalangst
# (prestatiedruk) in a region without prestatiedruk services is still anxiety (somberheid_angst).
VERWANT_THEMA = {"prestatiedruk": "somberheid_angst", "leren": "schoolverzuim", "criminaliteit": "gedrag",
                 "seksualiteit": "gezondheid"}


def with_related_themes(index: KaartIndex, themas: List[str], allowed: Optional[Set[int]]) -> List[str]:
    """``themas`` plus, after them, the broader theme (``VERWANT_THEMA``) of each theme that no referable
    service with a known area in the place has (an entry without any area, such as an online course, does not count)."""
    out = list(themas)
    for theme in themas:
        related = VERWANT_THEMA.get(theme)
        if related is None or related in out:
            continue
        covering = index.by_theme.get(theme, set())
        if allowed is not None:
            covering = covering & allowed
        if not any(index.docs[i].areas and index.docs[i].service.aard == "dienst" and verwijsbaar(index.docs[i].service)
                   for i in covering):
            out.append(related)
    return out


def widened(said: List[str], themas: List[str]) -> Dict[str, str]:
    """Broader theme -> the theme of the question (``said``) it was read for, for each theme the search widened
    (``with_related_themes``, ``themas`` as searched): "criminaliteit" in Eemnes is also searched as "gedrag"."""
    return {VERWANT_THEMA[t]: t for t in said if VERWANT_THEMA.get(t) in themas and VERWANT_THEMA[t] not in said}


def with_young_child(themas: List[str], leeftijd: Optional[int]) -> List[str]:
    """``themas`` plus, last, the theme of families with young children when the child is that young ("zoon van 3"
    says what "peuter" says; the jeugdarts and consultatiebureau see every child up to four, see ``YOUNG_CHILD``)."""
    if leeftijd is None or leeftijd > YOUNG_CHILD or "jonge_kind" in themas:
        return themas
    return themas + ["jonge_kind"]


def with_parenting(themas: List[str], ouder_stoornis: List[str]) -> List[str]:
    """``themas`` read as parenting (opvoeding) where a parent has a disorder of their own (``ouder_stoornis``):
    the kaart holds no treatment for the parent (the huisarts refers the parent, the message says so), but support
    with raising the children meanwhile (the opvoedcoach, the municipality's team), so the disorder's theme gives way
    to parenting."""
    if not ouder_stoornis:
        return themas
    rest = [theme for theme in themas if theme not in ouder_stoornis]
    return rest if "opvoeding" in rest else rest + ["opvoeding"]


# A parent's own mental strain ("moeder is somber sinds de scheiding", "vader is eenzaam en somber"), not a disorder
PARENT_STRAIN = ("somberheid_angst", "psychisch")


def with_parent_strain(themas: List[str], ouder_themas: List[str], kind_themas: List[str]) -> List[str]:
    """``themas`` with parenting (opvoeding) read right after a parent's own strain (a theme of ``PARENT_STRAIN`` said
    of a parent, not of the child, and no disorder: that one gives way to parenting, see ``with_parenting``), when the
    question's other themes are the parents' own too or their divorce ("moeder is sinds de scheiding heel somber",
    "gescheiden vader is eenzaam en somber"): the kaart has no help for the parent's own mood, but support as a parent
    (the opvoedcoach, the municipality's team, the brugfunctionaris at school for the mental worries of parents); the
    youth services of the child do not answer it (the blind set toets19 got the child's POH-Jeugd first for both)."""
    strain = [theme for theme in themas if theme in PARENT_STRAIN and theme in ouder_themas
              and theme not in kind_themas]
    if not strain or "opvoeding" in themas or not set(themas) <= set(ouder_themas) | {"scheiding"}:
        return themas
    last = max(themas.index(theme) for theme in strain)
    return themas[:last + 1] + ["opvoeding"] + themas[last + 1:]


def with_related(said: List[str], themas: List[str]) -> List[str]:
    """``said`` plus the broader theme of each, when the search reads that broader theme too."""
    return said + [VERWANT_THEMA[t] for t in said if VERWANT_THEMA.get(t) in themas and VERWANT_THEMA[t] not in said]


SAFETY_FIRST = "veiligheid"


def safety_first(themas: List[str]) -> List[str]:
    """``themas`` with safety (violence, threats, neglect) first wherever it was said: a child's safety goes before the
    rest of a question (the meldcode asks to consult Veilig Thuis as soon as there are signals; "moeder wil scheiden,
    vader dreigt haar iets aan te doen" is first a question about safety, then one about the divorce)."""
    if SAFETY_FIRST not in themas[1:]:
        return themas
    return [SAFETY_FIRST] + [theme for theme in themas if theme != SAFETY_FIRST]

