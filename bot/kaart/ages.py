"""Age and kind of school as hard filters: a service's age range, school-bound services, young children."""
from __future__ import annotations

from typing import Optional, Sequence

SCHOOL_AGE = 4  # Dutch children start school at four


def only_through_school(service) -> bool:
    """A family reaches the service only through school (schoolmaatschappelijk werk, jeugdcoach)."""
    return service.toegang == ["via_school"]


def age_ok(service, leeftijd: Optional[int]) -> bool:
    """The age fits the service's range; a service reached only through school cannot reach a child that
    is not at school yet (schoolmaatschappelijk werk for a toddler)."""
    if leeftijd is None:
        return True
    if leeftijd < SCHOOL_AGE and only_through_school(service):
        return False
    if service.leeftijd_min is not None and leeftijd < service.leeftijd_min:
        return False
    if service.leeftijd_max is not None and leeftijd > service.leeftijd_max:
        return False
    return True


def ages_ok(service, leeftijd: Optional[int], leeftijden: Sequence[int] = ()) -> bool:
    """``age_ok`` for the child's age, or, when the question names several children of different ages and no one age
    (``leeftijden``: "kinderen 6 en 8"), for at least one of them: a service for one of the children fits the family,
    a service for none of them does not (a user test got youth work from 11 for two children of 6 and 8)."""
    if leeftijd is not None or not leeftijden:
        return age_ok(service, leeftijd)
    return any(age_ok(service, age) for age in leeftijden)


# Words of a child not at school yet, as the question's words of the theme jonge_kind ("een peuter op het
# kinderdagverblijf huilt de hele dag", "huilbaby"): without an age, that child is under ``SCHOOL_AGE`` too (a user
# test got schoolmaatschappelijk werk "via school" first for a toddler at a kinderdagverblijf). "kleuter" is at school.
PRESCHOOL_WORDS = frozenset({"baby", "huilbaby", "pasgeboren", "zuigeling", "peuter", "dreumes", "kinderdagverblijf",
                             "kdv", "peuterspeelzaal", "consultatiebureau",
                             # in English (toets24: expat parents)
                             "toddler", "newborn", "daycare"})


def preschool_child(words: Sequence[str], leeftijd: Optional[int], leeftijden: Sequence[int] = ()) -> bool:
    """The question names no age and speaks of a child not at school yet (``PRESCHOOL_WORDS`` among ``words``, the
    question's words of the theme jonge_kind)."""
    return leeftijd is None and not leeftijden and any(word.lower() in PRESCHOOL_WORDS for word in words)


ADULT = 18  # from this age a young person has left or may have left school: "zoon van 19, geen school of werk"


def past_school(service, leeftijd: Optional[int], school: Optional[str]) -> bool:
    """A service a family reaches only through school, for a young adult (``ADULT`` or older) whom the question does
    not place at a kind of school (``school``): school does not bring it in for someone who left it (the blind set
    toets19 got the brugfunctionaris and schoolmaatschappelijk werk first for a grandson of 19 without school or
    work), as it cannot for a child not at school yet (``age_ok``)."""
    return leeftijd is not None and leeftijd >= ADULT and only_through_school(service) and school is None


SCHOOL_KINDS = {"po": {"po", "so"}, "vo": {"vo", "vso"}}


def school_ok(service, school: Optional[str]) -> bool:
    """A service bound to one kind of school fits a child at that kind of school: a coach in secondary schools
    is no help for a pupil in groep 8, even at twelve."""
    return school is None or service.schooltype is None or service.schooltype in SCHOOL_KINDS[school]


YOUNG_CHILD = 4  # up to this age a child is seen by the youth health service (consultatiebureau) as a matter of course
