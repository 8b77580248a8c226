"""Knowledge kinds of the role recogniser (``knowledge/rollen/``).

- ``rol``: a role of the drama triangle (plus the Omstander) or of the winner's triangle;
- ``driehoek``: the drama triangle and the winner's triangle as a whole;
- ``hulpmiddel``: a hands-on tool for parents stuck as Slachtoffer or Aanklager (shared with the steps);
- ``rol_signaal``: an explainable signal per role with word/lemma phrase patterns;
- ``rol_voorbeelden``: labelled groups of related sentences for the classifier.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Dict, List, Optional, Sequence, Tuple

from pydantic import conint, constr, validator

from bot.knowledge.base import Entry, missing_ids, non_empty_list, one_of
from bot.knowledge.examples import ExampleGroup
from bot.knowledge.problem import Problem
from bot.patterns import pattern_problem

DRAMA_ROLES = ("slachtoffer", "redder", "aanklager", "omstander")
WINNER_ROLES = ("kwetsbaar", "ondersteuner", "assertief")
ROLE_IDS = DRAMA_ROLES + WINNER_ROLES
TRIANGLES = ("drama", "winnaar")
SPEAKERS = ("ouder", "kind", "professional", "grootouder", "school", "familie")
MIN_SENTENCES_PER_ROLE = 60
NEUTRAL = "neutraal"  # example label only: greetings, small talk, plain facts (analysis: no clear role)

if TYPE_CHECKING:  # see bot/knowledge/base.py
    Text = str
    Pattern = str
    Triangle = str
    Synonym = str
    Name = str
    Speaker = str
    SignalWeight = int
else:
    Text = constr(min_length=1, max_length=800)
    Pattern = constr(min_length=1, max_length=120)
    Triangle = constr(regex=r"^(drama|winnaar)$")
    Synonym = constr(min_length=2, max_length=40)
    Name = constr(min_length=2, max_length=60)
    Speaker = constr(regex=r"^(ouder|kind|professional|grootouder|school|familie)$")
    SignalWeight = conint(ge=1, le=3)

# A pattern is a sequence of tokens separated by spaces (``bot.patterns``, which also checks them).


class Rol(Entry):
    """One role, with what it invites in the listener and its winner's-triangle counterpart."""

    naam: Text
    driehoek: Triangle
    uitleg: Text
    kenmerken: List[Text]
    nodigt_uit: List[str] = []  # roles the listener is pulled into
    tegenhanger: Optional[str] = None  # drama role -> winner role and back; None for the Omstander
    antwoord_vanuit: str  # the winner's-triangle role a listener best answers from
    antwoordstijl: Text  # how to answer someone who speaks from this role
    voorbeeldantwoord: Text  # one concrete answer from the winner's triangle
    hulpmiddelen: List[str] = []
    synoniemen: List[Synonym] = []  # other words users type for this role

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (
        ("nodigt_uit", "rol"),
        ("tegenhanger", "rol"),
        ("antwoord_vanuit", "rol"),
        ("hulpmiddelen", "hulpmiddel"),
    )
    _kenmerken = non_empty_list("kenmerken")

    _id = one_of("id", ROLE_IDS, "onbekende rol")

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        roles = knowledge.entries.get("rol", {})
        problems = missing_ids(knowledge, "rol", ROLE_IDS, "knowledge/rollen", "rollen")
        for role in roles.values():
            where = knowledge.files[("rol", role.id)]
            expected = "drama" if role.id in DRAMA_ROLES else "winnaar"
            if role.driehoek != expected:
                problems.append(Problem(where, role.id, "driehoek", f"verwacht '{expected}'"))
            other = roles.get(role.tegenhanger) if role.tegenhanger else None
            if other is not None and other.driehoek == role.driehoek:
                problems.append(Problem(where, role.id, "tegenhanger", "de tegenhanger hoort in de andere driehoek"))
            if other is not None and other.tegenhanger != role.id:
                problems.append(Problem(where, role.id, "tegenhanger", f"'{other.id}' verwijst niet terug"))
            if role.antwoord_vanuit not in WINNER_ROLES:
                problems.append(Problem(where, role.id, "antwoord_vanuit", "kies een rol uit de winnaarsdriehoek"))
        return problems


class Driehoek(Entry):
    """The drama triangle or the winner's triangle as a whole."""

    naam: Text
    uitleg: Text
    kenmerken: List[Text]
    rollen: List[str]

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("rollen", "rol"),)
    _kenmerken = non_empty_list("kenmerken")

    _id = one_of("id", TRIANGLES, "onbekende driehoek")


class Hulpmiddel(Entry):
    """A hands-on tool (steen op tafel, 100 kilo energie, kopje schuiven)."""

    naam: Text
    uitleg: Text
    hoe: List[Text]
    wanneer: Text
    voor_rollen: List[str] = []

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("voor_rollen", "rol"),)
    _hoe = non_empty_list("hoe")


class RolSignaal(Entry):
    """An explainable signal for one role: a Dutch name and word/lemma phrase patterns."""

    rol: str
    naam: Name
    uitleg: Text
    patronen: List[Pattern]
    # how many signals this one counts for (``bot.roles.classifier.combine``): 2 for an unmistakable sign of the role,
    # such as an accusation aimed at the professional ("u kiest partij voor mijn ex"), which the classifier's word
    # statistics would otherwise outvote
    gewicht: SignalWeight = 1
    # phrases that cancel a hit of this signal they overlap (``bot.roles.signals.find_signals``): "jij doet niks
    # verkeerd" reassures, it is no reproach; "jullie moeten ophouden met schreeuwen" is a demand, no plea for rescue
    uitzonderingen: List[Pattern] = []

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("rol", "rol"),)
    _patronen = non_empty_list("patronen")

    @validator("patronen", "uitzonderingen", each_item=True)
    def valid_pattern(cls, value):
        problem = pattern_problem(value)
        if problem:
            raise ValueError(problem)
        return " ".join(value.lower().split())


class RolVoorbeelden(ExampleGroup):
    """3-5 related sentences with one role; the whole group is either train or test."""

    spreker: Optional[Speaker] = None

    kind: ClassVar[str] = "rol_voorbeelden"
    labels: ClassVar[Sequence[str]] = ROLE_IDS + (NEUTRAL,)
    min_for: ClassVar[Dict[str, int]] = {NEUTRAL: 25}
    min_sentences: ClassVar[int] = MIN_SENTENCES_PER_ROLE
    folder: ClassVar[str] = "knowledge/rollen"
    label_error: ClassVar[str] = "onbekende rol"
