"""Whose problem is it: the parent's own ("vader gokt") or the child's ("zoon van 15 blowt")?

Works on the lemma string of a question (``bot.kaart.text.lemma_string``, one word per position) and the
person words of the target groups (``knowledge/sociale_kaart/doelgroepwoorden.yml``); ``bot.kaart.query``
calls it for the themes that can be a parent's own problem. Plain Dutch word order, no parser: the person
word nearest before a problem word in its clause is whom it is said of, with a few rules written out in
:func:`said_of`.
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from bot.text import simplify

SUBJECT_GROUPS = ("ouder", "gezin", "jeugdige")  # target groups whose words name the person a problem is about
PARENT_GROUPS = frozenset({"ouder", "gezin"})
# Words that start a new clause: the person a problem word is about is looked for in its own clause first.
CLAUSE_WORDS = frozenset({"en", "maar", "omdat", "want", "terwijl", "dus"})
CLAUSE_MARK = re.compile(r"[,;:.!?()]")
# Words by which a person worries or asks about someone else: "ouders maken zich zorgen over de cito van hun
# kind" is about the child's pressure, not the parents'.
# Also by which a parent suspects or notices something of the child: "ouders van een 15-jarige vermoeden dat hij drugs
# gebruikt" is the child's use, not the parents'.
WORRY_WORDS = ("zorg", "zorgen", "bezorgd", "vraag", "vragen", "twijfel", "twijfelen", "vermoeden", "vermoedt",
               "vermoedde", "denken", "denkt", "dacht", "merken", "merkt", "merkte", "zien", "ziet", "zag", "ontdekt",
               "ontdekten", "vrezen", "vreest", "horen", "hoort", "hoorde", "vinden", "vindt", "vond", "advies")


# Words by which a person puts pressure on someone else ("ouders zetten haar onder druk voor de eindtoets"): the
# pressure is the problem of the one it is put on, the child, not of the parents who put it (read as ``WORRY_WORDS``).
PRESSING_WORDS = ("zetten", "zet", "zette", "pushen", "pusht", "pushte")

# Subordinating words after which a clause says why the person of the clause before worries ("ouders maken zich
# zorgen omdat ze steeds somberder wordt"): what it says is of the one worried about, not of the worrier.
REASON_WORDS = frozenset({"omdat", "want"})
# pronouns that stand for a child named before the problem by age or name, when no person word was
CHILD_PRONOUNS = frozenset({"hij", "ze", "zij"})

# Words of living or staying somewhere: a person after "bij" with such a word ("woont in Ankeveen bij vader",
# "slaapt bij oma") is where someone lives, not whom a problem is said of.
STAYING_WORDS = ("wonen", "woont", "woonde", "slapen", "slaapt", "sliep", "logeren", "logeert", "verblijven",
                 "verblijft", "opgevangen")
# words that may stand between "bij" and the host ("bij haar oma"), at most ``HOST_GAP_WORDS`` of them
HOST_GAP = frozenset({"de", "een", "haar", "zijn", "z'n", "hun", "d'r"})
HOST_GAP_WORDS = 2


# Words by which a person tells about someone else ("een moeder vertelt dat haar zoon niets meer leuk vindt, alleen
# nog gamet"): in a later clause without a person of its own, the one told about is who the problem is said of.
TELLING_WORDS = ("vertellen", "vertelt", "vertelde", "zeggen", "zegt", "zei", "aangeven", "geeft", "gaf", "melden",
                 "meldt", "meldde")


# Problem words of a quarrel: they say how two people get on, not what one of them has. Said of the parents ("ouders
# zijn gescheiden en maken veel ruzie") they are no parent's own problem (the children live with the fight).
MUTUAL_WORDS = frozenset({"ruzie", "conflict", "botsen", "niet met elkaar overweg", "strijd"})


# A parent's alarm about their child ("dochter van 15 snijdt zichzelf, ouders zijn in paniek") is their worry about
# the child, not an anxiety problem of their own, when a child is named in the question; so is a parent afraid of
# where the child is heading ("zn 17 hangt met oudere jongens, ..., mdr bang voor criminaliteit", toets20).
ALARM_WORDS = frozenset({"paniek", "in paniek", "ongerust", "bezorgd", "ongerustheid", "bang"})


# A child put out of the house by a parent, or someone the question asks a bed for, lacks the roof: "mdr heeft m eruit
# gezet", "vdr zet hem er asap uit, waar kan hij slapen?" (toets20, a user test). With a child named these words are
# the child's problem, not a parent's own housing problem.
PUT_OUT_WORDS = frozenset({"eruit gezet", "op straat gezet", "slaapplek"})


# A parent's own disorder ("moeder is depressief", "vader heeft een angststoornis", "moeder is opgenomen") asks for
# treatment the kaart does not hold (the huisarts refers the parent); what the kaart holds for the family is support
# with raising the children meanwhile. Worry, stress and doubt as a parent ("piekert of ze het goed doet") are no
# disorder: a programme for parents (Denkles) helps with those.
DISORDER_WORDS = frozenset({"depressief", "depressie", "depressieve klachten", "angststoornis", "paniekstoornis",
                            "is opgenomen", "psychiatrische opname", "in een kliniek", "psychose", "psychotisch",
                            "borderline", "persoonlijkheidsstoornis"})


# A death is grief of those who stay: a problem found by such a word is not the problem of the one who died nor of
# the person named before it ("haar man is overleden en de kinderen hebben veel verdriet"), but of the child.
DEATH_WORDS = ("overleden", "overlijden", "gestorven", "sterfgeval", "dood van", "verongelukt", "omgekomen",
               "om het leven gekomen")


def persons(lemmed: str, cues: Mapping[str, Sequence[Tuple[str, str]]]) -> Dict[int, str]:
    """Word position -> target group of each person word in the lemma string ("moeder" -> ouder); ``cues``
    maps a target group to (word, lemma phrase) pairs."""
    found: Dict[int, str] = {}
    for group in SUBJECT_GROUPS:
        for _, phrase in cues.get(group, ()):
            start = lemmed.find(phrase)
            while start >= 0:
                found.setdefault(len(lemmed[:start].split()), group)
                start = lemmed.find(phrase, start + 1)
    return found


def without_complements(found: Dict[int, str], tokens: Sequence[str]) -> Dict[int, str]:
    """``found`` without the persons that only complete another one ("moeder van een 5-jarige", "vader van twee
    kinderen"): a person word up to two words after "van" that follows a person is not who a problem is said of,
    unless the problem is attached to it with "met" ("ouders van een meisje van 4 met een taalachterstand")."""
    out = dict(found)
    for position in found:
        for gap in (1, 2, 3):
            at = position - gap
            between = tokens[at + 1:position]
            after = tokens[position + 1:position + 4]
            if at >= 1 and tokens[at] == "van" and any(at - back in found for back in (1, 2, 3)) \
                    and all(word in COMPLEMENT_WORDS or word.isdigit() for word in between) and "met" not in after:
                out.pop(position, None)
                break
    return out


# words that may stand between "van" and the person it completes: "moeder van een 5-jarige", "van twee kinderen"
COMPLEMENT_WORDS = frozenset("een de het twee drie vier vijf zes".split())


def without_hosts(found: Dict[int, str], tokens: Sequence[str], starts: FrozenSet[int],
                  staying: FrozenSet[str]) -> Dict[int, str]:
    """``found`` without the persons with whom someone lives or stays ("het kind woont bij vader: veel somberheid",
    "slaapt nu bij haar oma"): a person word right after "bij" (or after "bij" and an article or possessive) in a
    clause with a word of living or staying (``staying``) is where, not whom the problem is said of."""
    out = dict(found)
    for position in found:
        at = position - 1
        while at > 0 and tokens[at] in HOST_GAP and at >= position - HOST_GAP_WORDS:
            at -= 1
        if at < 0 or tokens[at] != "bij":
            continue
        clause = clause_start(starts, at)
        if any(token in staying for token in tokens[clause:at]):
            out.pop(position, None)
    return out


# Words that say a person is not there: "een jongen van 16, zonder ouders in Nederland" (an unaccompanied minor),
# "heeft geen vader meer". Such a person is not whom a problem is said of (toets25 read "somber" as the absent
# parents' problem), nor whom the question is about.
ABSENT_WORDS = frozenset({"zonder", "geen"})
ABSENT_GAP = frozenset({"zijn", "haar", "hun", "z'n", "d'r", "eigen"})


def without_absent(found: Dict[int, str], tokens: Sequence[str]) -> Dict[int, str]:
    """``found`` without the persons said not to be there (``ABSENT_WORDS``): "zonder (zijn) ouders", "geen vader"."""
    out = dict(found)
    for position in found:
        at = position - 1
        if at >= 0 and tokens[at] in ABSENT_GAP:
            at -= 1
        if at >= 0 and tokens[at] in ABSENT_WORDS:
            out.pop(position, None)
    return out


ABSENT_PERSON = re.compile(r"\b(?:zonder|geen)\s+(?:(?:zijn|haar|hun|z'n|d'r|eigen)\s+)?(?:ouders?|vader|moeder)\b",
                           re.IGNORECASE)


def clause_start(starts: FrozenSet[int], position: int) -> int:
    """Where the clause of the word at ``position`` starts (``starts``: from :func:`clause_starts`)."""
    return max((i for i in starts if i <= position), default=0)


def child_in(found: Dict[int, str], child_named: bool) -> bool:
    """The question names a child: a child's person word among ``found``, or its age (``child_named``)."""
    return child_named or "jeugdige" in found.values()


def clause_starts(part_lengths: List[int], tokens: Sequence[str]) -> FrozenSet[int]:
    """Word positions where a clause starts: after each part of the question between commas and other marks
    (``part_lengths``: the number of words of each part, in order), and after a joining word ("en", "omdat")."""
    starts, count = set(), 0
    for length in part_lengths:
        count += length
        starts.add(count)
    starts |= {i + 1 for i, token in enumerate(tokens) if token in CLAUSE_WORDS}
    return frozenset(starts)


# "hij" is no mother and "ze" or "zij" no father: a problem done by one of them is said of someone else
FEMALE_PERSONS = frozenset({"moeder", "mama", "mam", "oma", "stiefmoeder", "pleegmoeder"})
MALE_PERSONS = frozenset({"vader", "papa", "pap", "opa", "stiefvader", "pleegvader"})
HIS = frozenset({"zijn", "z'n"})
HERS = frozenset({"haar", "d'r"})
OWNER_PREPOSITIONS = frozenset({"voor"})


def _unless_another(found: Dict[int, str], person: int, tokens: Sequence[str], clause: int, first: int,
                    child_named: bool, since: Optional[int] = None) -> str:
    """The group of the person at ``person``, unless the problem's clause says it with a pronoun that cannot stand for
    that person ("moeder belt over Tim (13). Hij gamet tot diep in de nacht": "hij" is no mother; "moeder zoekt iets
    voor zijn zelfvertrouwen": "zijn" is not hers) and the question names a child: then the child. ``since``: the
    pronoun may also stand in an earlier clause after that person, with no person named in between ("een moeder op
    mijn spreekuur met haar zoontje van 7. Hij is thuis en in de klas erg druk": the GP's question in toets21 read the
    restlessness as the mother's own)."""
    word = tokens[person] if person < len(tokens) else ""
    pronouns = set(tokens[clause:first]) | (set(tokens[since:clause]) & CHILD_PRONOUNS if since is not None else set())
    other = ("hij" in pronouns and word in FEMALE_PERSONS) or (bool({"ze", "zij"} & pronouns) and word in MALE_PERSONS)
    # nor a possessive right before the problem that cannot be that person's: "moeder zoekt iets voor zijn
    # zelfvertrouwen" is the son's (a second-round user test of session 22 read help for the mother herself)
    # (what a parent seeks "voor zijn ...", not an object as in "vader heeft haar ...")
    owner = tokens[first - 1] if 1 < first <= len(tokens) and tokens[first - 2] in OWNER_PREPOSITIONS else ""
    other = other or (owner in HIS and word in FEMALE_PERSONS) or (owner in HERS and word in MALE_PERSONS)
    if found[person] != "jeugdige" and other and child_in(found, child_named):
        return "jeugdige"
    return found[person]


def said_of(found: Dict[int, str], starts: FrozenSet[int], first: int, last: int,
            tokens: Sequence[str] = (), worry: FrozenSet[str] = frozenset(), child_named: bool = False,
            telling: FrozenSet[str] = frozenset()) -> Optional[str]:
    """The target group of the person a problem word (words ``first``..``last``) is said of: a child word
    right after it ("angstige zoon"), else the nearest person before it in its clause ("vader gokt", "omdat
    de moeder verslaafd is"), else the first one of the nearest earlier clause with a person, its subject
    ("zoon steelt geld van zijn ouders en gokt") or, when that one tells or worries about another named after it
    (``worry`` and ``telling`` words: "moeder vertelt dat haar zoon ..., alleen nog gamet"), that other; else the
    first one after it ("schulden bij moeder"). A person who only worries, asks about or notices the problem
    ("ouders maken zich zorgen over ...", "ouders vermoeden dat hij ...", ``worry`` words) is not its subject: then
    a child named after it is, else one named before it or by age (``child_named``); so is a clause that says why
    the person of the clause before worries (after ``REASON_WORDS``: "ouders maken zich zorgen omdat ze somberder
    wordt"), unless it says "zelf"."""
    if found.get(last + 1) == "jeugdige" and last + 1 not in starts:
        return "jeugdige"
    clause = clause_start(starts, first)
    before = [i for i in found if clause <= i < first]
    if before:
        nearest = max(before)
        if any(token in worry for token in tokens[nearest + 1:first]):
            if any(i > last and found[i] == "jeugdige" for i in found):
                return "jeugdige"
            if found[nearest] != "jeugdige" and child_in(found, child_named):
                return "jeugdige"
        return _unless_another(found, nearest, tokens, clause, first, child_named)
    earlier = [i for i in found if i < clause]
    if earlier:
        start = clause_start(starts, max(earlier))
        there = sorted(i for i in earlier if i >= start)
        # who tells or worries about someone named after it in that clause is not the subject; that someone is
        about_another = worry | telling
        told = [i for i in there[1:] if any(token in about_another for token in tokens[there[0] + 1:i])]
        subject = told[0] if told else there[0]
        # the clause says why that person worries ("ouders maken zich zorgen omdat ze somberder wordt"): the one
        # worried about has the problem
        if (clause >= 1 and tokens[clause - 1] in REASON_WORDS and found[subject] != "jeugdige"
                and "zelf" not in tokens[clause:first]
                and any(token in worry for token in tokens[subject + 1:clause])
                and child_in(found, child_named)):
            return "jeugdige"
        return _unless_another(found, subject, tokens, clause, first, child_named, max(earlier) + 1)
    after = [i for i in found if i > last]
    if not after:
        return None
    # "hij" or "ze" does it, and no one was named before but a child named by age or name: that child, not a parent
    # named later ("Ik maak me zorgen over Tim (13). Hij gamet tot diep in de nacht. Ouders lijken het niet te zien.":
    # a user test read the gaming as the parents' own problem)
    if child_named and set(tokens[clause:first]) & CHILD_PRONOUNS:
        return "jeugdige"
    first_after = min(after)
    # named later only as the one who worries or asks ("13 jaar, begint met vapen, ouders zoeken advies"): the child
    if (found[first_after] != "jeugdige" and child_in(found, child_named)
            and any(token in worry for token in tokens[first_after + 1:first_after + 4])):
        return "jeugdige"
    return found[first_after]


# Help asked for the child of a parent with a problem of their own: "een KOPP-groep voor haar zoon", "iets voor de
# kinderen", "kinderen van ouders met psychische problemen" (a user test of session 22 read "probleem van de ouder zelf"
# on a KOPP question about a child of 10)
_FOR_THE_CHILD = re.compile(
    r"\b(?:kopp|kov|koppgroep)\b|\bkind(?:eren)? van (?:een |de )?(?:ouders?|verslaafde|zieke)\b"
    r"|\b(?:voor|aan)\s+(?:de\s+|het\s+|die\s+|deze\s+|haar\s+|zijn\s+|z'n\s+|hun\s+|mijn\s+)?"
    r"(?:kinderen|kind|kids|zoon|dochter|zoontje|dochtertje|jongen|meisje|puber|tiener|jongste|oudste)\b",
    re.IGNORECASE)


def help_for_the_child(text: str) -> bool:
    """The question asks help for the child of a parent with a problem of their own (``_FOR_THE_CHILD``): the help is
    the child's, not the parent's own."""
    return bool(_FOR_THE_CHILD.search(simplify(text or "")))
