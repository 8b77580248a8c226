"""Recognise a place in a question: municipality, village, wijk, region name, typo or a place outside.

The place table itself is knowledge (``knowledge/sociale_kaart/plaatsen.yml``, kind ``kaart_plaats``);
this module is the one place in code that reads it. ``zoek_plaats("gezin uit Kortenhoeff")`` gives a
:class:`Plaats` with ``code="wijdemeren"``, the name as meant (``Kortenhoef``) and ``verbeterd=True``.

Rules that keep ordinary words from becoming places:
- a place name that is also a Dutch word ("huizen" = houses, "gooi" = throw, "zuilen") only counts
  when written with a capital or right after a place word ("in", "uit", "gemeente", ...), or written bare where the
  noun would not stand (``_bare_place``: "jeugdbescherming huizen", "ots aanvragen huizen meisje 9");
- a typo is only corrected for a word that is not a Dutch word, of at least five letters, at edit
  distance 1 (2 for names of nine letters or more), and only when exactly one place is that close; spellings of
  one sound (ij/ei/y, au/ou, ch/g, a consonant single or doubled) count as the same letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from bot.kaart.text import CHILD_NOTE_WORDS, CHILD_WORDS, STOPWORDS, distance, known_lemmas, word_tables
from bot.kaart.vocabulary import LEEFTIJD_MAX
from bot.knowledge.loader import PerKnowledge
from bot.lemmas import lemma_table
from bot.text import NUMBER_WORDS, plain

# Words after which a capitalised or lower-case word is read as a place.
PLACE_CUES = frozenset(
    "in uit te bij rond vanuit omgeving regio gemeente woont wonend wonende woonachtig kern dorp wijk".split()
)


@dataclass(frozen=True)
class PlaatsNaam:
    """One row of the place table, as the recogniser uses it."""

    id: str
    naam: str
    soort: str
    code: Optional[str]  # service-area code; None for a place outside the kaart
    dekking: Optional[str]


@dataclass(frozen=True)
class Plaats:
    """A place found in a question."""

    naam: str  # the place as meant (from the table)
    geschreven: str  # as the user wrote it
    soort: str
    code: Optional[str]
    dekking: Optional[str] = None
    verbeterd: bool = False  # a typo was corrected

    @property
    def buiten(self) -> bool:
        return self.code is None

    @property
    def heel(self) -> bool:
        """Only services for the whole municipality fit: a wijk without a code of its own ("Overvecht"), or the city
        said as the city ("utrecht stad", "stad Utrecht": the blind set toets20 got the JGZ of Vleuten first)."""
        return self.soort == "wijk" or (self.soort == "gemeente" and CITY_WORD in plain(self.geschreven).split())


CITY_WORD = "stad"


@dataclass
class Plaatstabel:
    spellings: Dict[str, PlaatsNaam]  # simplified spelling -> place
    max_words: int
    by_words: Dict[int, List[Tuple[str, PlaatsNaam]]] = field(default_factory=dict)  # the spellings by word count
    words: FrozenSet[str] = frozenset()  # every word of a spelling ("huizen" is also a problem word: "twee huizen")
    spoken: FrozenSet[str] = frozenset()  # names as said without their final n ("lare", "de meer": ``spoken_forms``)


def _table_from(knowledge) -> Plaatstabel:
    spellings: Dict[str, PlaatsNaam] = {}
    for entry in knowledge.entries.get("kaart_plaats", {}).values():
        row = PlaatsNaam(entry.id, entry.naam, entry.soort, entry.hoort_bij, entry.dekking)
        for spelling in entry.spellings():
            spellings.setdefault(plain(spelling), row)
    # a name of more words is often typed as one ("Naardenvesting", "Demeern", "Leidscherijn"): that one word is the
    # place too, unless it is a Dutch word or another place's spelling
    for spelling, row in list(spellings.items()):
        compact = spelling.replace(" ", "")
        if compact != spelling and not _is_word(compact):
            spellings.setdefault(compact, row)
    max_words = max((len(s.split()) for s in spellings), default=1)
    by_words: Dict[int, List[Tuple[str, PlaatsNaam]]] = {}
    for spelling, row in spellings.items():
        by_words.setdefault(len(spelling.split()), []).append((spelling, row))
    words = frozenset(word for spelling in spellings for word in spelling.split())
    # after the typo table and the words: a spoken form is read as written only, never as a name to correct towards
    spoken = {form: row for spelling, row in list(spellings.items()) if row.code is not None
              for form in spoken_forms(spelling) if form not in spellings}
    spellings.update(spoken)
    return Plaatstabel(spellings, max_words, by_words, words, frozenset(spoken))


# A name as it is said and then dictated or typed: Dutch speakers drop the n of a final "-en" ("Lare" for Laren, "Huize"
# for Huizen, "Naarde" for Naarden) and speech-to-text writes "De Meern" as the words "de meer" (a consultant's test of
# session 26 found no place in "moeder uit lare" and "jongen uit de meer"). Such a form counts as the name, as a typo
# does (the search says how it read it); one of Dutch words only needs a place word right before it ("uit de meer", not
# "De meer ervaren collega"), and a form that is one Dutch word on its own is none. Only places of the kaart: "hoor" is
# no Hoorn.
SPOKEN_ENDINGS = ("en", "rn")


def spoken_forms(spelling: str) -> List[str]:
    """``spelling`` (simplified) said without the final n of its last word ("laren" -> ["lare"], "de meern" ->
    ["de meer"]); [] for a name that does not end so or whose spoken form is one Dutch word."""
    if not spelling.endswith(SPOKEN_ENDINGS) or len(spelling.split()[-1]) < 4:
        return []
    form = spelling[:-1]
    if " " not in form and _is_word(form):
        return []
    return [form]


_TABLES = PerKnowledge(_table_from)


def _service_words_from(knowledge) -> FrozenSet[str]:
    """The problem words and the search words of services that are one word on their own ("jeugdbescherming", "ots",
    "leerplicht", "jongerenwerk"): a word the kaart is asked about, after which a bare place name is the place."""
    said = [word for entry in knowledge.entries.get("kaart_probleemwoorden", {}).values() for word in entry.woorden]
    said += [word for entry in knowledge.entries.get("kaart_dienst", {}).values() for word in entry.trefwoorden]
    return frozenset(plain(word) for word in said if len(plain(word).split()) == 1)


_SERVICE_WORDS = PerKnowledge(_service_words_from)


def tabel(knowledge=None) -> Plaatstabel:
    return _TABLES(knowledge)


_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9']+(?:-[A-Za-zÀ-ÿ0-9']+)*")


@lru_cache(maxsize=1)
def _dutch_words() -> frozenset:
    return frozenset(lemma_table()) | known_lemmas()


def _is_word(token: str) -> bool:
    words = _dutch_words()
    # "gooi" is a form of "gooien": a verb stem counts as a word too
    return token in STOPWORDS or token in words or (len(token) <= 6 and token + "en" in words)


def _tokens(text: str) -> List[Tuple[str, str]]:
    """(as written, normalised) per word; hyphenated names stay one token ("Naarden-Vesting")."""
    out = []
    for match in _TOKEN.finditer(text.replace("\u2019", "'")):
        raw = match.group(0).strip("'")
        if not raw:
            continue
        # "'s-Graveland" keeps its leading 's
        if match.group(0).startswith("'s") and raw.startswith("s-"):
            raw = "'" + raw
        out.append((raw, plain(raw)))
    return out


def _allowed(tokens: List[Tuple[str, str]], start: int, spelling: str) -> bool:
    """A place spelling that is also a Dutch word needs a capital or a place cue before it."""
    if not all(_is_word(part) for part in spelling.split()):
        return True
    raw = tokens[start][0]
    capital = raw[:1].isupper()
    cue = start > 0 and tokens[start - 1][1] in PLACE_CUES
    return capital or cue


def _region_with_article(tokens: List[Tuple[str, str]], start: int, row: PlaatsNaam) -> bool:
    """A region name that is also a Dutch word, after its article: "het gooi" is the region as people say it, also in
    lower case ("het gooi, meisje van 16 ..."), as is "'t gooi", whose spelling holds the article; "ik gooi" stays a
    verb."""
    if row.soort != "regio":
        return False
    return tokens[start][1] in REGION_ARTICLES or (start > 0 and tokens[start - 1][1] in REGION_ARTICLES)


REGION_ARTICLES = frozenset({"het", "de", "t"})


# A part of a place named by a compass point ("Bussum-Zuid", "Hilversum Noord") is that place.
DIRECTIONS = frozenset("noord zuid oost west centrum noordoost noordwest zuidoost zuidwest".split())
# Of two places of the same length in one question, the smaller one says more ("Utrecht Vleuten" is Vleuten).
SPECIFIC = {"wijk": 0, "kern": 0, "gemeente": 1, "regio": 2, "buiten": 1}


def _without_direction(norm: str, table: Plaatstabel) -> str:
    head, _, tail = norm.rpartition(" ")
    if head and tail in DIRECTIONS and norm not in table.spellings and head in table.spellings:
        return head
    return _without_prefix(norm, table)


# The old or new part of a place ("Nieuw-Hoograven", "Oud-Loosdrecht") is that place, unless the table knows
# the name itself (Oud-Zuilen lies outside Utrecht, in Stichtse Vecht).
PREFIXES = frozenset({"oud", "nieuw"})


def _without_prefix(norm: str, table: Plaatstabel) -> str:
    head, _, tail = norm.partition(" ")
    if tail and head in PREFIXES and norm not in table.spellings and tail in table.spellings:
        return tail
    return _without_city(norm, table)


def _without_city(norm: str, table: Plaatstabel) -> str:
    """A wijk or village written with its municipality in one word ("Utrecht-Overvecht", "Wijdemeren-Loosdrecht") is
    the wijk or village."""
    head, _, tail = norm.partition(" ")
    if (tail and norm not in table.spellings and head in table.spellings and tail in table.spellings
            and table.spellings[head].code == table.spellings[tail].code):
        return tail
    return norm


def zoek_plaats(text: str, knowledge=None) -> Optional[Plaats]:
    """The most specific place in ``text``: the longest exact match first, of equal length a wijk or village
    before its municipality; a part named by a compass point counts as the place ("Bussum-Zuid"); else a
    single typo."""
    table = tabel(knowledge)
    tokens = _tokens(text or "")
    # a place the kaart covers goes before one outside it: "vader woont in Amsterdam, moeder en de kinderen in
    # Hilversum" is a question about Hilversum (but "Oud Zuilen", outside, holds no Zuilen)
    matches = _exact_matches(tokens, table, _heading_words(text or ""), _closing_words(text or ""), knowledge,
                             text or "")
    outside = {
        i for size, start, row, _ in matches if row.code is None and size > 1 for i in range(start, start + size)
    }
    inside = [m for m in matches if m[2].code is not None and not outside & set(range(m[1], m[1] + m[0]))]
    # a school the table places says where only when the question names no place itself ("Zorgcoördinator Gooise
    # Praktijkschool: ...", toets19); "Kerkelanden: meisje van het Groot Goylant" stays Kerkelanden
    schools = [m for m in inside if m[2].soort == SCHOOL]
    inside = [m for m in inside if m[2].soort != SCHOOL]
    elsewhere = [m for m in matches if m[2].code is None]
    asked = _asking_sentence_start(text or "")
    corrected: Optional[_Match] = None
    typo_read = False  # _typo_match ran: it runs at most once per message
    if not inside and elsewhere:
        # a typo of a place of the kaart where the family lives goes before a place outside said of someone else:
        # "Huisarts uit Eemnis: ... Vader woont in Almere" is Eemnes (the blind set toets19 found nothing at all)
        corrected = _typo_match(tokens, table, word_tables(knowledge).theme_words)
        typo_read = True
        if corrected is not None and corrected[2].code is not None:
            spots = _spots(elsewhere + [corrected])
            if _standing(tokens, corrected, spots, asked) >= max(_standing(tokens, m, spots, asked) for m in elsewhere):
                inside = [corrected]
    if _lives_outside(tokens, inside, elsewhere, asked):
        inside = []  # "zij woont in Almere maar haar zoon zit op school in Hilversum": the family lives outside
    best = _most_specific(_where_the_family_lives(tokens, inside, asked)) or _most_specific(elsewhere)
    if best:
        _, _, row, written = best
        return Plaats(row.naam, written, row.soort, row.code, row.dekking,
                      verbeterd=best is corrected or _split_name(written, table) or plain(written) in table.spoken)
    found = corrected if typo_read else _typo_match(tokens, table, word_tables(knowledge).theme_words)
    if found is not None:
        _, _, row, written = found
        return Plaats(row.naam, written, row.soort, row.code, row.dekking, verbeterd=True)
    heading = _heading_typo(text or "", table)
    if heading is not None or not schools:
        return heading
    _, _, row, written = schools[0]
    return Plaats(row.naam, written, row.soort, row.code, row.dekking)


SCHOOL = "school"  # the kind of a school in the place table (it lies in one municipality)


def _asking_sentence_start(text: str) -> Optional[int]:
    """The index of the first word of the sentence that asks the question, when the question ends with one ("...
    vader blijft in Bussum. Wie kan ze in Overvecht verder helpen?"); else None."""
    stripped = text.rstrip()
    if not stripped.endswith("?"):
        return None
    boundary = max(stripped.rfind(mark, 0, len(stripped) - 1) for mark in (".", "!", "?", ":", ";"))
    return len(_tokens(stripped[:boundary + 1])) if boundary >= 0 else 0


# A note that opens with its place as a heading ("Narden, puber van 16 blowt", "Hilverum: ...") names a place there,
# even when the typo happens to be a rare Dutch word form ("narden"), which ``_typo`` leaves alone elsewhere
_HEADING = re.compile(r"\s*([A-Z][a-zà-ÿ']{4,})\s*[,:;-]")


def _heading_typo(text: str, table: Plaatstabel) -> Optional[Plaats]:
    """The place one typo away from the capitalised word that opens the question as its heading."""
    match = _HEADING.match(text)
    if match is None:
        return None
    found = _close_place(match.group(1).lower(), 1, table)
    if found is None:
        return None
    return Plaats(found.naam, match.group(1), found.soort, found.code, found.dekking, verbeterd=True)


_Match = Tuple[int, int, PlaatsNaam, str]  # (words, start, row, as written)


def genoemde_plaatsen(text: str, knowledge=None) -> List[str]:
    """Every place of the table spelled exactly in ``text``, as written (also those that did not decide the
    question's place: "wij zitten in Overvecht maar moeder is verhuisd naar Zuilen" names two)."""
    return [written for _, _, _, written in _exact_matches(_tokens(text or ""), tabel(knowledge),
                                                          _heading_words(text or ""), _closing_words(text or ""),
                                                          knowledge)]


def _heading_words(text: str) -> int:
    """The number of words of the heading a note opens with ("huizen, dochter 15 ...", "lombok: ..."), 0 without."""
    match = _OPENING.match(text)
    return len(_tokens(match.group(1))) if match else 0


_OPENING = re.compile(r"\s*([^\W\d_][\w' -]{2,40}?)\s*(?:[,:;]|\s-\s)")


def _closing_words(text: str) -> int:
    """The number of words of the field a note closes with after a comma ("..., kinderen 8 en 11, huizen"), 0
    without."""
    match = _CLOSING.match(text)
    return len(_tokens(match.group(1))) if match else 0


_CLOSING = re.compile(r".*(?:[,;:]|\s-)\s*([^\W\d_][\w']*(?:[ -][\w']+){0,3})\s*[.!?]?\s*$", re.DOTALL)


def _middle_fields(text: str) -> FrozenSet[Tuple[int, int]]:
    """(first word, words) of each field between two commas, semicolons or full stops of a note ("ze is vijftien,
    huizen, somber": the field "huizen"; "mdr depressief, kids 7 en 12. huizen. zoekt steun", session 29), in the words
    of ``_tokens``; empty when the fields do not add up to those words."""
    parts = re.split(r"[,;]|\.(?=\s)", text)
    if len(parts) < 3:
        return frozenset()
    sizes = [len(_tokens(part)) for part in parts]
    if sum(sizes) != len(_tokens(text)):
        return frozenset()
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    return frozenset((starts[i], sizes[i]) for i in range(1, len(parts) - 1) if sizes[i])


def _exact_matches(tokens: List[Tuple[str, str]], table: Plaatstabel, heading: int = 0, closing: int = 0,
                   knowledge=None, text: str = "") -> List[_Match]:
    """Every place spelled exactly in the question (a Dutch word only with a capital or place word before it, or as
    the whole heading a note opens with: "huizen, dochter van 15 ...", or the whole field it closes with: "vader is
    verslaafd, kinderen 8 en 11, huizen")."""
    norms = [_without_direction(n, table) for _, n in tokens]
    service_words = _SERVICE_WORDS(knowledge) - table.words
    fields = _middle_fields(text) if text else frozenset()
    out = []
    for size in range(min(table.max_words, 4), 0, -1):
        for start in range(0, len(tokens) - size + 1):
            spelling = " ".join(norms[start:start + size])
            row = table.spellings.get(spelling)
            if row is not None and spelling in table.spoken and all(_is_word(part) for part in spelling.split()):
                if _spoken_words_placed(tokens, start, size):  # "uit de meer", not "in de meer zwemmen"
                    out.append((size, start, row, " ".join(raw for raw, _ in tokens[start:start + size])))
                continue
            if row is not None and (_allowed(tokens, start, spelling) or _region_with_article(tokens, start, row)
                                    or _bare_place(tokens, start, size, row, service_words)
                                    or (start == 0 and size == heading) or _ends_heading(tokens, start, size, heading)
                                    or (start + size == len(tokens) and size == closing)
                                    # a place as a whole field amid a note ("ze is vijftien, huizen, somber"), as at
                                    # its start or end (session 28)
                                    or (start, size) in fields):
                out.append((size, start, row, " ".join(raw for raw, _ in tokens[start:start + size])))
    split = _split_matches(tokens, norms, table, out, heading, service_words)
    # longest first, then in the order of the question (``_most_specific``)
    return sorted(out + split, key=lambda match: (-match[0], match[1])) if split else out


def _spoken_words_placed(tokens: List[Tuple[str, str]], start: int, size: int) -> bool:
    """A spoken form of Dutch words only (``spoken_forms``: "de meer") where it can only be a place: after "uit" or
    "vanuit", or after "in" when someone lives there or whom it is about follows ("gezin woont in de meer", "in de meer
    jongen 15"); "ze gaan in de meer zwemmen" is a lake."""
    before = tokens[start - 1][1] if start > 0 else ""
    if before in ("uit", "vanuit"):
        return True
    if before not in PLACE_CUES:
        return False
    lives = start > 1 and tokens[start - 2][1] in LIVING_CUES | HOME_CUES
    after = tokens[start + size][1] if start + size < len(tokens) else ""
    return lives or after in PERSONS_AFTER_AN_OPENING_PLACE or 0 < _age_value(after) <= LEEFTIJD_MAX


SPLIT_MAX = 3  # words a one-word name may fall apart in ("de bij vanck")


def _split_name(written: str, table: Plaatstabel) -> bool:
    """``written`` is a name of one word split by speech-to-text ("kerke landen"): the search says how it read it, as
    it does for a typo."""
    said = plain(written)
    return (" " in said and said not in table.spellings
            and _joined_place(said.replace(" ", ""), table, _misheard(said.split(), table)) is not None)


# A split name is joined, and then read as written or, from this many letters and when one of its parts is misheard
# (its first part is a place itself, or a later part is no Dutch word), with one letter or sound off as well:
# "muiden berg" is Muiderberg, not Muiden, "over vegt" is Overvecht (session 29: speech-to-text splits a name and
# mishears a letter of it); "terwijl de" is no Terwijde: its later part is a Dutch word
SPLIT_TYPO_MIN = 8


def _misheard(parts: List[str], table: Plaatstabel) -> bool:
    """A split name of which a later part may be misheard: its first part is a place itself ("muiden berg"), or a word
    followed by a part of three letters or more that is no Dutch word ("over vegt"; not "terwijl de")."""
    return parts[0] in table.spellings or (
        _is_word(parts[0]) and any(len(part) >= 3 and not _is_word(part) for part in parts[1:]))


def _joined_place(joined: str, table: Plaatstabel, misheard: bool = False) -> Optional[PlaatsNaam]:
    """The place a split name joined into one word is: as written, or, when a part is misheard (``misheard``, see
    ``_misheard``) and it has ``SPLIT_TYPO_MIN`` letters or more and is no Dutch word, the one place of one word a
    letter or sound off."""
    row = table.spellings.get(joined)
    if row is None and misheard and len(joined) >= SPLIT_TYPO_MIN and not _is_word(joined):
        row = _close_place(joined, 1, table, 1)
    return row


def _split_matches(tokens: List[Tuple[str, str]], norms: List[str], table: Plaatstabel, found: List[_Match],
                   heading: int, service_words: FrozenSet[str]) -> List[_Match]:
    """Places of one word that speech-to-text wrote as two or three ("kerke landen", "loos drecht", "over vecht", "de
    bij vanck"), where no name of more words spelled as written stands: the joined words are the name. When every part
    is a Dutch word ("over vecht", "tuin dorp") only with a capital or a place word before it (``_allowed``), or as the
    opening of the note before whom it is about or an age ("over vecht jongen van 15", ``_bare_place``): "zonder eten
    naar de training" holds no Naarden."""
    # a name spelled as written of two words or more stands ("naar den haag" holds no "Naarden"); one word inside the
    # split name does not ("veld huizen" is Veldhuizen, not Huizen)
    taken = {i for size, start, _, _ in found if size > 1 for i in range(start, start + size)}
    out: List[_Match] = []
    for size in range(SPLIT_MAX, 1, -1):
        for start in range(0, len(tokens) - size + 1):
            span = range(start, start + size)
            if taken & set(span):
                continue
            joined = "".join(norms[start:start + size])
            row = _joined_place(joined, table, _misheard(norms[start:start + size], table))
            if row is None or row.soort == SCHOOL or joined in table.spoken:  # "De meer ervaren" holds no "demeern"
                continue
            if (_allowed(tokens, start, " ".join(norms[start:start + size]))
                    or (start == 0 and (size == heading or _bare_place(tokens, start, size, row, service_words)))
                    or _ends_heading(tokens, start, size, heading)):
                out.append((size, start, row, " ".join(raw for raw, _ in tokens[start:start + size])))
                taken.update(span)
    return out


SHORT_SEARCH = 6  # words of a search typed as keywords ("jeugdbescherming huizen", "scheiding ouders huizen")
# Words before a bare lower-case name that make it the noun, not the place: a preposition of a thing ("tussen huizen",
# "wisselt van huizen"); an article, number or inflected adjective does too (``NOT_BEFORE_A_HEADING_PLACE``).
NOUN_PREPOSITIONS = frozenset("tussen van over met zonder door voor tegen om op aan".split())


def _bare_place(tokens: List[Tuple[str, str]], start: int, size: int, row: PlaatsNaam,
                service_words: FrozenSet[str]) -> bool:
    """A place name that is also a Dutch word, written bare in lower case where that word would not stand (a user
    test got "Je noemde geen gemeente" for "jeugdbescherming huizen"): right before an age ("ots aanvragen huizen
    meisje 9", "huizen 14"), right after a word of the kaart's problems and services ("jeugdbescherming huizen",
    "leerplicht huizen"), or as the last word of the question ("scheiding ouders huizen", "ouders praten niet meer met
    elkaar huizen"; in a longer one not after 'eigen', 'is', 'erg' ...: ``NOT_BEFORE_A_CLOSING_PLACE``). An article,
    number, inflected adjective or preposition before it keeps it the noun ("twee huizen", "de kinderen wonen in
    beide huizen", "pendelt tussen huizen"). Only municipalities, villages and wijken: "gooi" is a verb too often."""
    if row.soort not in ("gemeente", "kern", "wijk"):
        return False
    end = start + size
    before = tokens[start - 1][1] if start > 0 else ""
    if _after_a_childs_age(tokens, start):
        return True  # "dr 13 huizen", "jongen 19jr huizen": no one counts houses after a child and its age
    if start == 0 and end < len(tokens) and tokens[end][1] in PERSONS_AFTER_AN_OPENING_PLACE:
        return True  # "ondiep mdr (cliente) ms", "huizen zn 14 ...": an opening place before whom it is about
    if (before in NOT_BEFORE_A_HEADING_PLACE or before in NOUN_PREPOSITIONS or before.isdigit()
            or before in NUMBER_WORDS or (len(before) > 3 and before.endswith("e"))):
        return False
    after = [norm for _, norm in tokens[end:end + 3]]
    if after and after[0] in CHILD_NOTE_WORDS:
        after = after[1:]
    if after[:1] == ["van"]:
        after = after[1:]
    if after and 0 < _age_value(after[0]) <= LEEFTIJD_MAX:
        return True  # "huizen 14", "huizen meisje van 15", and dictated "huizen twintig jarige jongen"
    if not before:
        return False
    if before in service_words:
        return True
    # the last word of the question after a word the noun would not follow: a place typed after the question without a
    # comma ("ouders praten niet meer met elkaar huizen", a user test; "scheiding ouders huizen")
    return end == len(tokens) and (len(tokens) <= SHORT_SEARCH or before not in NOT_BEFORE_A_CLOSING_PLACE)


def _age_value(token: str) -> int:
    """The number a word says as an age ("14", "veertien"), 0 for any other word; "een" is the article more often than
    one year."""
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token, 0) if token != "een" else 0


# A note's words for a child ("zn 14", "dr 13": ``CHILD_NOTE_WORDS``) and its shorthand for a parent ("mdr",
# "vdr"). A bare lower-case place right after a child and its age ("dr 13 huizen", "jongen 19jr huizen") or opening
# the note right before whom it is about ("ondiep mdr (cliente) ms", "huizen zn 14 kijkt ...") is the place: the blind
# set toets20 found no place in those.
PARENT_NOTE_WORDS = frozenset("moeder mdr vader vdr ouders ouder gezin mama papa".split())
PERSONS_AFTER_AN_OPENING_PLACE = CHILD_NOTE_WORDS | PARENT_NOTE_WORDS
_AGE_TOKEN = re.compile(r"(\d{1,2})(?:jr|j|jaar)?")


def _after_a_childs_age(tokens: List[Tuple[str, str]], start: int) -> bool:
    """The word before ``start`` is an age written after a word for a child ("dr 13", "zoon 19jr") or an age with
    its unit in one word ("19jr")."""
    if start < 1:
        return False
    match = _AGE_TOKEN.fullmatch(tokens[start - 1][1])
    if match is None or not 0 < int(match.group(1)) <= LEEFTIJD_MAX:
        return False
    return tokens[start - 1][1] != match.group(1) or (start >= 2 and tokens[start - 2][1] in CHILD_NOTE_WORDS)


# Words before the last word of a longer question that make it the noun or an adjective rather than a place ("ze hebben
# eigen huizen", "het water is ondiep"), besides those before a heading's place.
NOT_BEFORE_A_CLOSING_PLACE = frozenset("eigen andere meer minder welke zulke sommige allebei is was wordt werd blijft "
                                       "lijkt zo te erg heel vrij best nogal".split())
# Words before a heading's last word that make it a thing rather than a place: "twee huizen", "de zuilen".
NOT_BEFORE_A_HEADING_PLACE = frozenset("de het een twee drie vier beide hun onze ons mijn zijn haar die deze alle veel "
                                       "geen".split())
HEADING_PLACE_WORDS = 4  # the longest heading whose last word(s) may be its place


def _ends_heading(tokens: List[Tuple[str, str]], start: int, size: int, heading: int) -> bool:
    """A place that closes a short heading after who writes ("voetbaltrainer lunetten, jongen 11 ...", "ib'er
    basisschool ondiep, ...", "hockeytrainer de meern, ..."): the heading says who and where, also in lower case."""
    return (0 < start and start + size == heading <= HEADING_PLACE_WORDS
            and tokens[start - 1][1] not in NOT_BEFORE_A_HEADING_PLACE)


# Of two places of the kaart in different municipalities, the one where the family lives counts, not where the
# consultant, the school or a parent's job is ("ik ben ib'er op een school in Hilversum, de leerling woont in
# Blaricum", "bij ons in Bussum hebben we een vader uit Eemnes", "vader werkt in Hilversum, het gezin woont in
# Laren"): words a few words before a place say which it is.
HOME_CUES = frozenset("uit woont wonen wonend wonende woonachtig woonde verhuisd verhuist verhuizen verhuisde "
                      "thuis".split())
# Where someone lives says more than where someone is from: "POH-Jeugd uit Huizen hier, de jongen woont bij zijn
# vader in De Meern" is De Meern ("uit" may be the caller's origin); a word of living may stand a little further back.
LIVING_CUES = frozenset("woont wonen wonend wonende woonachtig woonde".split())
LIVING_WINDOW = 6  # words before a place that a word of living may stand in
ELSEWHERE_CUES = frozenset("werk werkt werken werkte werkzaam school basisschool schooltje club vereniging praktijk "
                           "kantoor team vanuit ons onze wij we ik bel belt zit zitten gevestigd".split())
# A move says which place is the new home: "verhuisd van Hilversum naar Laren" is Laren, "komt oorspronkelijk uit
# Huizen" and "net verhuisd uit Overvecht" are the old one, "nu in Hilversum" the one of now.
MOVE_CUES = frozenset("verhuisd verhuist verhuizen verhuisde verhuizing verhuisden".split())
OLD_HOME_CUES = frozenset("oorspronkelijk vroeger voorheen eerst".split())
NOW_CUES = frozenset("nu inmiddels tegenwoordig sindsdien".split())
# Where one parent lives apart is that parent's home, not the family's: "zoon 10 Hilversum, vader woont in Huizen, veel
# ruzie over de omgang" is a family of Hilversum (a user test searched Huizen). A word of living said of a parent alone
# (the parent right before it) after the child was named counts below a place said without a cue, unless the children
# live there too ("moeder woont met de kinderen in Huizen"); "de jongen woont bij zijn vader in De Meern" is where the
# child lives, and "Vraagbaak Gooise Meren hier, de moeder woont in Laren: dochter van 7 ..." names the family's home.
# (with a note's shorthand: "mdr", "vdr", "zn", "dr")
PARENT_ALONE = frozenset("vader moeder papa mama pa ma ex expartner ex-partner stiefvader stiefmoeder mdr vdr".split())
CHILD_CUES = frozenset("kind kinderen kids zoon zoons dochter dochters jongen meisje jongens meisjes broertje zusje "
                       "gezin zn dr".split())
CUE_WINDOW = 4  # words before a place that may say whose place it is
MOVE_AFTER_WINDOW = 3  # words after a place that a word of moving may stand in ("van Bussum naar Overvecht verhuisd")
# Words right before a place in the sentence that asks the question that make it the place asked about ("wie kan ze
# in Overvecht helpen?", "is er iets rond Lunetten?").
ASKED_PLACE_CUES = frozenset("in rond bij".split())
NOW_WINDOW = 2  # words before a place that a word of now may stand in ("nu in Hilversum", "inmiddels in Laren")


def _where_the_family_lives(tokens: List[Tuple[str, str]], matches: List[_Match], asked: Optional[int] = None
                            ) -> List[_Match]:
    """The matches of the municipality where the family lives, when the question names places in several
    (see ``HOME_CUES``); else ``matches``."""
    if len({m[2].code for m in matches}) < 2:
        return matches
    spots = _spots(matches)
    best = max(_standing(tokens, m, spots, asked) for m in matches)
    codes = {m[2].code for m in matches if _standing(tokens, m, spots, asked) == best}
    return [m for m in matches if m[2].code in codes]


def _lives_outside(tokens: List[Tuple[str, str]], inside: List[_Match], outside: List[_Match],
                   asked: Optional[int] = None) -> bool:
    """The family lives in a place outside the kaart and the places of the kaart in the question are only where
    someone works or goes to school: "moeder woont in Almere maar haar zoon zit op school in Hilversum" is a family
    of Almere (a user test got Hilversum's services). Without such a word a place of the kaart goes first ("vader
    woont in Amsterdam, moeder en de kinderen in Hilversum")."""
    if not inside or not outside:
        return False
    spots = _spots(inside + outside)
    return (max(_standing(tokens, m, spots, asked) for m in outside) > 0
            and all(_standing(tokens, m, spots, asked) < 0 for m in inside))


def _spots(matches: List[_Match]) -> Dict[Optional[str], Set[int]]:
    """Per area code the word positions its names take in the question."""
    spots: Dict[Optional[str], Set[int]] = {}
    for size, start, row, _ in matches:
        spots.setdefault(row.code, set()).update(range(start, start + size))
    return spots


def _standing(tokens: List[Tuple[str, str]], match: _Match, spots: Dict[Optional[str], Set[int]],
              asked: Optional[int] = None) -> float:
    """How surely ``match`` is where the family lives, by the words around it: 2 where it moved to or lives now, or
    the place the asking sentence names ("wie kan ze in Overvecht verder helpen?", see ``asked``: the index of the
    first word of that sentence), 1.5 where it lives, 1 where it is from, 0 unsaid or where it came from, -1 where
    someone works or goes to school."""
    def words_before(window: int) -> Set[str]:
        return {norm for _, norm in tokens[max(0, match[1] - window):match[1]]}

    before = words_before(CUE_WINDOW)
    # a move told after its places: "van Bussum naar Overvecht verhuisd"
    moved = before | {norm for _, norm in tokens[match[1] + match[0]:match[1] + match[0] + MOVE_AFTER_WINDOW]}
    # the word before a run of names of one place ("uit Utrecht Overvecht")
    first = match[1]
    while first > 0 and first - 1 in spots.get(match[2].code, ()):
        first -= 1
    right_before = tokens[first - 1][1] if first > 0 else ""
    if (moved & MOVE_CUES and right_before == "naar") or words_before(NOW_WINDOW) & NOW_CUES:
        return 2  # where the family moved to or lives now
    if before & OLD_HOME_CUES or (moved & MOVE_CUES and right_before in ("van", "uit", "vanuit")):
        return 0  # where the family came from
    if asked is not None and first >= asked and right_before in ASKED_PLACE_CUES:
        return 2  # the place the question asks about: "wie kan ze in Overvecht verder helpen?"
    living = words_before(LIVING_WINDOW) & LIVING_CUES
    if living and _a_parent_apart(tokens, match[1]):
        return -0.5  # where one parent lives apart, above where someone works
    return 1.5 if living else 1 if before & HOME_CUES else -1 if before & ELSEWHERE_CUES else 0


def _a_parent_apart(tokens: List[Tuple[str, str]], start: int) -> bool:
    """The word of living nearest before ``start`` is said of one parent ("vader woont in") after the child was named,
    and no child lives there with them (see ``PARENT_ALONE``)."""
    for at in range(start - 1, max(-1, start - 1 - LIVING_WINDOW), -1):
        if tokens[at][1] in LIVING_CUES:
            between = {norm for _, norm in tokens[at + 1:start]}
            subject = tokens[at - 1][1] if at > 0 else ""
            child_before = any(norm in CHILD_CUES | CHILD_WORDS for _, norm in tokens[:max(0, at - 1)])
            return (subject in PARENT_ALONE and child_before and not between & CHILD_CUES
                    and (at < 2 or tokens[at - 2][1] != "en"))
    return False


def _most_specific(matches: List[_Match]) -> Optional[_Match]:
    """The longest match, of equal length a wijk or village before its municipality, else the first."""
    best: Optional[_Match] = None
    for match in matches:  # longest first, then in order of the question
        if best is None or (match[0] == best[0] and SPECIFIC.get(match[2].soort, 1) < SPECIFIC.get(best[2].soort, 1)):
            best = match
    return best


LOWER_CASE_TYPO_MIN = 8  # letters of a lower-case word without a place word before it that may be a typo


def _typo(tokens: List[Tuple[str, str]], table: Plaatstabel, problem_words: FrozenSet[str] = frozenset()
          ) -> Optional[Plaats]:
    """The place of ``_typo_match`` as a corrected :class:`Plaats`."""
    found = _typo_match(tokens, table, problem_words)
    if found is None:
        return None
    _, _, row, written = found
    return Plaats(row.naam, written, row.soort, row.code, row.dekking, verbeterd=True)


def _typo_match(tokens: List[Tuple[str, str]], table: Plaatstabel, problem_words: FrozenSet[str] = frozenset()
                ) -> Optional[_Match]:
    """A place one typo away (two for long names), found only when exactly one place is that close. Also a name
    of two or three words ("Leidsche Rijm", "Vleuten-De Mern"), when one of its words is no Dutch word. A problem
    word of the kaart (``problem_words``) is no typo of a place ("overwicht" is no "Overvecht")."""
    for index, (raw, _) in enumerate(tokens):
        cued = raw[:1].isupper() or (index > 0 and tokens[index - 1][1] in PLACE_CUES)
        for size in (3, 2, 1):
            run = tokens[index:index + size]
            if len(run) < size:
                continue
            written = " ".join(r for r, _ in run)
            joined = " ".join(n for _, n in run)
            parts = joined.split()
            if len(parts) == 1:
                if len(joined) < 5 or _is_word(joined) or joined.isdigit() or joined in problem_words:
                    continue
                # a consultant often types place names in lower case: a long word that is no Dutch word may be a
                # typo of a place without a capital or a place word before it ("kortenhoeff")
                # the first word of a note is its place as often as not ("vleutn jongen 17 ...")
                if not (cued or index == 0 or len(joined) >= LOWER_CASE_TYPO_MIN):
                    continue
            elif all(_is_word(part) for part in parts) or any(p.isdigit() for p in parts):
                continue
            elif not cued:
                # a one-word name misheard and split by speech-to-text, opening the note: "korte hoef meisje van 15"
                found = _split_typo(parts, table) if index == 0 else None
                if found is not None:
                    return (size, index, found, written)
                continue
            found = _close_place(joined, len(parts), table) or _split_typo(parts, table)  # "uit korte hoef"
            if found is not None:
                return (size, index, found, written)
    return None


def _split_typo(parts: List[str], table: Plaatstabel) -> Optional[PlaatsNaam]:
    """The one place of one word that ``parts`` are, split in two or three by speech-to-text and one letter off
    ("korte hoef" for Kortenhoef): at most one edit, parts of three letters or more that are no small words ("Maar
    Fenna" is no Maarssen)."""
    joined = "".join(parts)
    if len(joined) < LOWER_CASE_TYPO_MIN or any(len(part) < 3 or part in STOPWORDS for part in parts):
        return None
    return _close_place(joined, 1, table, limit=1)


# Spelled differently, said the same: no typo at all. "ch" and "g" are one sound in Dutch too, but "ch" is two letters:
# "Overvegt" is two edits from Overvecht and was no place at all in the blind set toets21 ("Utregt" alike), where
# "Kortehoef" and "Vleutten" (one edit) were read.
SAME_SOUND = (("ij", "ei"), ("y", "ei"), ("au", "ou"), ("ch", "g"))
# A letter doubled or not is one sound too: "Lunneten" is Lunetten (the doubled consonant moved, two edits apart), as
# "Kortenhoeff" is Kortenhoef; doubled vowels are left alone ("Eemnes" and "Emnes" are said differently).
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1")


@lru_cache(maxsize=4096)
def same_sound(text: str) -> str:
    """``text`` with the Dutch spellings of one sound made equal ("Terwijde", "Terweide", "Terwyde" alike; "Lunneten"
    and "Lunetten" alike)."""
    for written, said in SAME_SOUND:
        text = text.replace(written, said)
    return _DOUBLED_CONSONANT.sub(r"\1", text)


def _close_place(norm: str, words: int, table: Plaatstabel, limit: Optional[int] = None) -> Optional[PlaatsNaam]:
    """The one place of ``words`` words whose spelling is within the typo limit of ``norm`` (``limit``, else 2 for
    nine letters or more and 1 for shorter), else None. Spellings of the same sound (ij, ei, y; au, ou; ch, g) are
    compared as said, so a mixed-up ei/ij is no typo."""
    limit = limit if limit is not None else 2 if len(norm) >= 9 else 1
    said = same_sound(norm)
    close = {}
    for spelling, row in table.by_words.get(words, ()):
        if abs(len(spelling) - len(norm)) > limit or row.soort == SCHOOL:  # a school is found as written only
            continue
        if distance(norm, spelling, limit) <= limit:
            close[row.id] = row
            continue
        spelling_said = same_sound(spelling)  # compared as said only when a spelling of one sound is in either
        if (said != norm or spelling_said != spelling) and distance(said, spelling_said, limit) <= limit:
            close[row.id] = row
    return next(iter(close.values())) if len(close) == 1 else None


def noemt_straat(text: str) -> bool:
    """``text`` names a street ("aan de Taagdreef", "bij de flats aan de Marco Pololaan", "huisarts aan de
    Amsterdamsestraatweg"), as the masker reads one without a house number (``deidentify.street_spans``). Rustpunt
    knows no streets: a question that names one and no place of the kaart is asked where the family lives, and no
    region is guessed from its other words (the blind set toets21 got the services of another region)."""
    from bot.intake.deidentify import street_spans  # lazy: the masker's word lists load only when asked

    return bool(street_spans(text or ""))


def proper_name(written: str, knowledge=None) -> str:
    """A place as written in a question, by its own name when the place table knows it ('weesp' -> 'Weesp', 'den
    haag' -> 'Den Haag'); else as written, with a capital first letter when it was written all in lower case (a user
    test read "'weesp' valt niet binnen de sociale kaart")."""
    row = tabel(knowledge).spellings.get(plain(str(written).replace("_", " ")))
    if row is not None:
        return row.naam
    return written[:1].upper() + written[1:] if written.islower() else written


def resolve(name: Optional[str], knowledge=None) -> Optional[Plaats]:
    """A place from a value that should be a place (a CLI option, an NLU entity)."""
    if not name:
        return None
    table = tabel(knowledge)
    key = plain(str(name).replace("_", " "))
    row = table.spellings.get(key)
    if row is not None:
        return Plaats(row.naam, str(name), row.soort, row.code, row.dekking)
    tokens = _tokens(str(name))
    if len(tokens) == 1:
        raw, norm = tokens[0]
        # an explicit place value may be a typo even when written in lower case
        return _typo([(raw[:1].upper() + raw[1:], norm)], table)
    return None
