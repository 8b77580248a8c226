"""Mask personal details in free text before it is stored (intake summaries, call-backs).

Two layers, merged:

1. Deterministic Dutch rules (always on): e-mail addresses, Dutch phone numbers (06, +31, 0031 and
   landline numbers), BSN (9 digits that pass the elfproef; other 9-digit numbers are left alone),
   postcodes, street addresses with a house number, numeric dates and dates of birth, and names from a
   shipped first-name list or after a cue word ('moeder Sanne', 'meneer De Vries', 'mevr. Jansen').
   Names and schools typed without capitals are known by their context ('moeder kim jansen', 'de kinderen
   sem en julia', 'u spreekt met anouk', 'obs de regenboog'); see ``_lower_case_name_spans``.
2. ``deduce`` (Dutch de-identification, UMC Utrecht) for person names and street names when it is
   installed. Only its name and street annotators are built, which takes a few seconds once per
   process instead of a minute for the full model. Set ``RUSTPUNT_MASKER=regels`` to skip it.

Public service numbers (112, 113, 0800-2000, 0800-0113) are never masked.
"""
from __future__ import annotations

import bisect
import importlib.util
import logging
import os
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from bot.language import known_words, opentaal_available, opentaal_knows
from bot.text import NUMBER_WORDS, simplify, spoken_number
from bot.wording import counted, join_list

log = logging.getLogger(__name__)

LABELS = {
    "naam": "[NAAM]",
    "telefoon": "[TELEFOON]",
    "bsn": "[BSN]",
    "postcode": "[POSTCODE]",
    "email": "[E-MAIL]",
    "adres": "[ADRES]",
    "datum": "[DATUM]",
    "school": "[SCHOOL]",
    "organisatie": "[ORGANISATIE]",
    "iban": "[IBAN]",
    "kenteken": "[KENTEKEN]",
}
# Dutch words for the note to the consultant: label -> (singular, plural)
_NOUNS = {
    "naam": ("naam", "namen"),
    "telefoon": ("telefoonnummer", "telefoonnummers"),
    "bsn": ("BSN", "BSN's"),
    "postcode": ("postcode", "postcodes"),
    "email": ("e-mailadres", "e-mailadressen"),
    "adres": ("adres", "adressen"),
    "datum": ("datum", "data"),
    "school": ("schoolnaam", "schoolnamen"),
    "organisatie": ("organisatienaam", "organisatienamen"),
    "iban": ("rekeningnummer", "rekeningnummers"),
    "kenteken": ("kenteken", "kentekens"),
}
MAX_TEXT = 20_000

Span = Tuple[int, int, str]  # start, end, label


@dataclass
class Masked:
    """The masked text and what was masked."""

    text: str
    counts: Dict[str, int] = field(default_factory=dict)
    spans: List[Span] = field(default_factory=list)
    backend: str = "regels"

    @property
    def changed(self) -> bool:
        return bool(self.spans)


# --------------------------------------------------------------------------- rules

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# one separator between digits: a space, a dot or a dash, also with spaces around it ("030 - 123 45 67", session 29)
_PHONE = re.compile(
    r"(?<![\d+])(?:\+31|0031|0)(?: ?[.-] ?|\s)?(?:\(0\)[\s-]?)?\d(?:(?: ?[.-] ?|\s)?\d){8}(?!\d)"
)
# A bank account (session 29: "NL91 ABNA 0417 1643 00" was stored as "NL91 ABNA [TELEFOON]"): a Dutch IBAN (NL, two
# digits, four letters, ten digits), or one of another country that passes the IBAN check; spaces between groups,
# any case.
_IBAN = re.compile(r"(?i)(?<![\w])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?![\w])")
_DUTCH_IBAN = re.compile(r"(?i)nl\d{2}[a-z]{4}\d{10}")
# A Dutch licence plate (session 29: "kenteken 12-ABC-3" was stored readable): three groups of letters or digits with
# dashes, six characters, letters and digits both. In lower case only after a word about a car ("kenteken xt-123-b").
_PLATE = re.compile(r"(?<![\w-])([a-zA-Z]{1,3}|\d{1,3})-([a-zA-Z]{1,3}|\d{1,3})-([a-zA-Z]{1,3}|\d{1,3})(?![\w]|-\w)")
_PLATE_CUE = re.compile(r"(?i)(?:kenteken|nummerbord|nummerplaat|auto|wagen|busje|scooter)\W+(?:\w+\W+){0,4}$")
_NINE_DIGITS = re.compile(r"(?<![\d.-])(?:\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3}|\d{9})(?![\d]|[.-]\d)")
_POSTCODE = re.compile(r"(?<![\w])[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\w])")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d{2}(?!\d)")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WRITTEN_DATE = re.compile(rf"(?i)(?<!\d)(?:0?[1-9]|[12]\d|3[01]) (?:{_MONTHS})\.? (?:19|20)\d{{2}}(?!\d)")
_BIRTH_CUE = re.compile(r"(?i)(geboren|geb\.|geboortedatum|jarig|verjaardag)\W{0,3}(?:\w+\W+){0,3}$")
_STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|markt|baan|allee|ring|"
    "straatweg|erf|plantsoen|wal|veld|zoom|boulevard|kwartier|burcht|hoven|akker|haven|wijk"
    # the small ones and a few more (session 27: "ze woont op de Zonnebloemhofje zevenentwintig" was stored readable)
    "|hofje|gaarde|straatje|steegje|laantje|pleintje|hoeve|kaai"
)
_STREET = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'-]*\s)?(?:(?:van|de|der|den|het|ten|ter)\s)*[A-Z][a-zà-ÿ'-]*(?:{_STREET_SUFFIX})"
    rf"\s\d{{1,4}}(?:\s?[a-zA-Z](?![\w])|-\d{{1,3}}|\s?(?:hs|bis|I{{1,3}}))?(?![\w])"
)
# Addresses typed without capitals (a user test stored "ik woon op de kerkstraat 12 in huizen", "ze woont op de
# lindelaan 5 in bussum" and "dorpsstraat 4a, 1271 ab huizen" readable; the rules above need a capital, deduce too). A
# street is a word of at least two letters before a street suffix ('kerkstraat', 'lindelaan'; not 'weg' alone: "op de
# weg 2 keer") with a house number (and a letter or addition: '4a', '12-2', '3 hs'). Many street names are ordinary
# words as well ('dorpsstraat', 'kerkweg', 'stationsplein', 'sportveld'), so the word itself decides nothing: the text
# around it does. It is an address when the number ends the clause or is followed by a place or a postcode ("kerkstraat
# 12 in huizen", "lindelaan 5, bussum", "dorpsstraat 4a, 1271 ab"), or when the clause speaks of living there or of an
# address before it ("ze woont op de molenweg 3 met haar moeder", "het adres is ..."). A count after the number is no
# address ("op het schoolplein 2 keer", "ervaring 10 jaar"). Words in -ring and -erf are nearly always no street
# ('aflevering 3', 'vergadering 2', 'bederf'): those only with living or an address named, or a postcode after.
_LOWER_STREET = re.compile(
    rf"(?<![\w-])(?P<street>[a-zà-ÿ][a-zà-ÿ'-]+?(?P<suffix>{_STREET_SUFFIX}))\s(?P<number>[1-9]\d{{0,3}}"
    rf"|(?P<said>[a-zë]{{3,}}))(?P<addition>(?(said)\s[a-z]|[a-z])|-\d{{1,3}}|\s(?:hs|bis))?(?![\w]|[:.,/-]\d)"
)
_STREET_WORD_THEN_WORD = re.compile(rf"(?:{_STREET_SUFFIX})\s[a-zë]{{3}}")  # a quick test for a house number said
_WEAK_STREET_SUFFIXES = ("ring", "erf")
# A street named after someone or something takes the words before it ("burgemeester de withstraat 3", "willem de
# zwijgerlaan 5", "prins hendrikkade 12"; a user test stored "burgemeester de" readable before [ADRES]): a title or
# a first name of our lists, maybe with more of them and tussenvoegsels, right before the street word. A tussenvoegsel
# alone is no part of it ("op de kerkstraat 12" keeps 'op de').
_STREET_TITLES = frozenset(
    "burgemeester burg wethouder dokter dr professor prof pastoor pater dominee kapitein generaal admiraal luitenant "
    "kolonel majoor graaf gravin hertog hertogin prins prinses koning koningin keizer keizerin sint st jonkheer mr "
    "meester notaris president minister paus kardinaal bisschop abt broeder zuster".split()
)
# the tussenvoegsels before a surname of deduce's list of surnames that take one ('van der horst', 'de vries')
_SURNAME_INTERFIXES = frozenset({"van", "de", "der", "den", "ter", "ten", "'t"})
_STREET_NAME_INTERFIXES = _SURNAME_INTERFIXES | {"het", "la", "le", "du", "von"}
# the Dutch ones written out before a street word that are no part of the street ("op de Lindenlaan 7")
_LEADING_INTERFIXES = re.compile(r"(?:(?:" + "|".join(sorted((_SURNAME_INTERFIXES - {"'t"}) | {"het"})) + r")\s)*")
_WORD_BEFORE = re.compile(r"(?<![\w'-])([^\W\d_][\w'.-]*?)\.?\s+$")
_ADDRESS_CUE = re.compile(
    r"(?<![\w])(?:woon|woont|woonde|wonen|woonden|wonend|woonachtig|adres\w*|verhuis\w*|ingetrokken|intrekken"
    r"|postcode|huisnummer|bewoner\w*|bewoond)(?![\w])",
    re.IGNORECASE,
)
_NOT_A_PLACE = r"(?:de|het|een|mijn|zijn|haar|hun|ons|onze|die|dat|dit|deze|elk|elke|ieder|iedere|alle|welk|welke)"
_PLACE_OR_END = re.compile(
    rf"\s*(?:$|[.,;:!?)\n]|\s(?:in|te|bij)\s(?!{_NOT_A_PLACE}(?![\w]))[a-zà-ÿA-ZÀ-Ý]"
    r"|\s[1-9]\d{3}\s?[a-zA-Z]{2}(?![\w]))"
)
_POSTCODE_AFTER = re.compile(r"\s*,?\s*[1-9]\d{3}\s?[a-zA-Z]{2}(?![\w])")
_CLAUSE_BEFORE = re.compile(r"[.!?;\n]")
# A postcode typed without capitals and with a space, "1271 ab": four digits and two letters that are no Dutch word
# ("1500 op de rekening", "2019 en", 'ok', 'tv') nor a unit ('1500 mg', '2000 km'). PostNL never gives SA, SD or SS.
_LOWER_POSTCODE = re.compile(r"(?<![\w,.-])[1-9]\d{3}\s(?P<letters>[a-z]{2})(?![\w]|[.,]\w)")
_UNITS = frozenset(
    "km kg mg ml cm mm dm gr gb mb kb pk cc cl dl hl ha kw mw ct pp st ex jr nr no sa sd ss".split()
)


# A street without a street word ('de brink', 'het spui', 'de lange voort', 'de vaart') is only known by living there
# (a user test stored "ik woon op de brink 5 in laren" readable; deduce even took "op de Brink" for a surname): after
# a word of living or of an address in the same clause (_ADDRESS_CUE) and the last 'op', 'aan', 'in', 'naar', 'is' or
# ':' before the number, up to four words (tussenvoegsels only inside: 'plein van de republiek') that are no function
# word and no word of _NOT_STREET_WORDS, then the house number. The number must end the clause or be followed by a
# place, a postcode or a word that goes on with the sentence (_AFTER_HOUSE_NUMBER): "ze woont in laren 12 jaar",
# "ik woon op kamers 3 dagen per week" and "we verhuizen naar huizen 1 juli" hold no address.
_HOUSE_NUMBER = re.compile(
    r"(?<![\w,.:/-])[1-9]\d{0,3}(?:[a-z](?![\w])|-\d{1,3}|\s(?:hs|bis)(?![\w]))?(?![\w]|[:.,/-]\d)"
)
_STREET_BEFORE = re.compile(
    r"(?:(?<![\w])(?i:op|aan|in|naar|is)\s+|:\s*)(?:(?i:de|het|'t)\s+)?"
    r"(?P<street>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,3})\s+$"
)
_AFTER_HOUSE_NUMBER = re.compile(
    r"\s+(?:met|samen|en|maar|want|dus|sinds|boven|naast|tegenover|achter|vlakbij|hoor|toch|nu|al|ook|daar|bij|om|"
    r"nummer|dat|die|waar)(?![\w])",
    re.IGNORECASE,
)
_STREET_REACH = 120  # characters before a house number to look for 'op de' and the street: four long words
_NOT_STREET_WORDS = frozenset(
    "nummer huisnummer nr no kamer kamers etage verdieping hoog groep klas bed unit blok flat appartement woning "
    "huis portiek zolder".split()
)


# A house number said as a word ("ze woont op de Zonnebloemhofje zevenentwintig", "... de brink zeven a"; dictated),
# maybe with an addition; never 'een' ("ze woont op de brink een huis verder"). 'nummer' or 'huisnummer' may stand
# between the street and its number ("ze woont op de brink nummer zeven"): _NUMBER_WORD_BEFORE.
_SAID_HOUSE_NUMBER = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]{3,})(?:\s(?:bis|hs|[a-d]))?(?![\w]|[:.,/-]\d)")
_NUMBER_WORD_BEFORE = re.compile(r"(?<![\w])(?i:huisnummer|nummer|nr\.?|no\.)\s*$")


def _house_numbers(text: str) -> Iterator[re.Match]:
    """House numbers typed as digits, then those said as a word."""
    yield from _HOUSE_NUMBER.finditer(text)
    for match in _SAID_HOUSE_NUMBER.finditer(text):
        word = match.group("word")
        if simplify(word) != "een" and spoken_number(word):
            yield match


def _street_without_suffix_spans(text: str) -> List[Span]:
    """Streets without a street word where the clause speaks of living there (see the comment above)."""
    spans: List[Span] = []
    clause_ends = [found.end() for found in _CLAUSE_BEFORE.finditer(text)]
    for number in _house_numbers(text):
        before_number = bisect.bisect_right(clause_ends, number.start())
        clause_start = clause_ends[before_number - 1] if before_number else 0
        cue = _ADDRESS_CUE.search(text, clause_start, number.start())
        if not cue:
            continue
        if not (_PLACE_OR_END.match(text, number.end()) or _POSTCODE_AFTER.match(text, number.end())
                or _AFTER_HOUSE_NUMBER.match(text, number.end())):
            continue
        # the last 'op' before the number: "ik woon in laren op de brink 5" is 'brink'; 'nummer' is no part of it
        named = _NUMBER_WORD_BEFORE.search(text, max(cue.end(), number.start() - 20), number.start())
        street_end = named.start() if named else number.start()
        before = _last_street_before(text, max(cue.end(), street_end - _STREET_REACH), street_end)
        if before is None:
            continue
        words = before.group("street").lower().split()
        if (any(word in _FUNCTION_WORDS and word not in _STREET_NAME_INTERFIXES for word in words)
                or words[0] in _STREET_NAME_INTERFIXES or words[-1] in _STREET_NAME_INTERFIXES
                or any(word in _NOT_STREET_WORDS or word in NUMBER_WORDS for word in words)):
            continue
        spans.append((before.start("street"), number.end(), "adres"))
    return spans


def _last_street_before(text: str, start: int, end: int) -> Optional[re.Match]:
    """The last match of _STREET_BEFORE that ends at ``end`` and starts at or after ``start``, else None."""
    found = None
    pos = start
    while True:
        match = _STREET_BEFORE.search(text, pos, end)
        if match is None:
            return found
        found, pos = match, match.start() + 1


def _street_start(text: str, start: int) -> int:
    """Where the street whose street word starts at ``start`` begins: before the titles, first names and
    tussenvoegsels that are part of its name ("burgemeester de withstraat"), else ``start``."""
    begin = pending = start
    for _ in range(6):  # "generaal van der heijden van sevenaerstraat": at most six words before the street word
        found = _WORD_BEFORE.search(text, 0, pending)
        if not found:
            break
        word = found.group(1).lower()
        if word in _STREET_NAME_INTERFIXES:
            pending = found.start()
            continue
        if word in _STREET_TITLES or word in _name_lists().common:
            begin = pending = found.start()
            continue
        break
    return begin


# A street that is no Dutch word ('merelstraat', 'naarderweg'; not 'dorpsstraat', 'schoolplein') with a house number is
# an address wherever it stands, unless a count follows the number ("qwerty merelstraat 5 ..." was stored readable; "de
# merelstraat 3 keer op en neer" is no address).
_COUNT_AFTER = re.compile(
    r"\s*(?:keer|x|uur|min|minuten|minuutjes|kwartier|dagen|dag|weken|week|maanden|maand|jaar|jr|km|kilometer|meter|m|"
    r"procent|%|euro|stuks|huizen|nummers|bussen)(?![\w])",
    re.IGNORECASE,
)
# A street without a house number where the clause speaks of living there: "ze wonen in laren op de naarderweg", "hij
# woont aan de merelstraat" (stored readable); a street word other than -ring/-erf, after 'op' or 'aan'.
_STREET_WITHOUT_NUMBER = re.compile(
    r"(?<![\w])(?i:op|aan)\s+(?:(?i:de|het|'t)\s+)?"
    rf"(?P<street>[^\W\d_][\w'-]+?(?:{_STREET_SUFFIX}))(?![\w])"
)


# kinds of road, no street's name: "hij woont aan de snelweg" (a privacy officer found it masked), "langs het fietspad"
_ROAD_KINDS = frozenset(
    "snelweg autosnelweg autoweg rijksweg provinciale ringweg zandweg landweg grindweg spoorweg uitvalsweg toegangsweg "
    "snelfietsweg fietsweg waterweg vaarweg schoolplein speelplein".split()
)


def _street_without_number_spans(text: str) -> List[Span]:
    """Streets without a house number after a word of living in the same clause (see the comment above)."""
    spans: List[Span] = []
    clause_ends = [found.end() for found in _CLAUSE_BEFORE.finditer(text)]
    for match in _STREET_WITHOUT_NUMBER.finditer(text):
        street = match.group("street").lower()
        if street.endswith(_WEAK_STREET_SUFFIXES) or len(street) < 6 or street in _ROAD_KINDS:
            continue
        before = bisect.bisect_right(clause_ends, match.start())
        clause_start = clause_ends[before - 1] if before else 0
        if _ADDRESS_CUE.search(text, clause_start, match.start()):
            spans.append((_street_start(text, match.start("street")), match.end("street"), "adres"))
    return spans


# A street named without a house number and without a word of living still says where a family is: "bij de flats aan
# de Marco Pololaan", "ik ben huisarts aan de Amsterdamsestraatweg", "een BSO aan de Gijsbrecht van Amstelstraat" (the
# blind kaart set toets21 of session 24; the rules stored all three readable, deduce two of them). A street word that
# is no Dutch word ('pololaan', 'taagdreef'; not 'snelweg', 'dorpsstraat'): with a capital inside a sentence ("een
# portiek aan de Taagdreef"), or after 'aan de' or 'op de' also in lower case ("op de marco pololaan"), with the words
# of its name before it ("Gijsbrecht van", "Marco"). Many compounds are missing from the word list ('schoolplein',
# 'uitweg', 'onderweg'), so a street word without a capital needs 'aan de' or 'op de' and no 'plein' ("op het
# schoolplein" is no street). Not -dijk and -steeg: many places are named so (Keverdijk, Tolsteeg, Soestdijk). The
# sociale kaart reads a street with the same rule (``bot.kaart.places.noemt_straat``).
_NAMED_STREET_SUFFIX = "straat|laan|weg|gracht|kade|singel|dreef|allee|plantsoen|boulevard"
_NAMED_STREET = re.compile(
    rf"(?<![\w'-])(?P<street>[A-Z][a-zà-ÿ'-]{{2,}}?(?:{_NAMED_STREET_SUFFIX}|plein))(?![\w-])"
    r"|(?<![\w])(?i:aan|op)\s+de\s+(?P<before>(?:[a-zà-ÿ]+\s+){0,2}?)"
    rf"(?P<lower>[a-zà-ÿ][a-zà-ÿ'-]{{2,}}?(?:{_NAMED_STREET_SUFFIX}))(?![\w-])"
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n(\"'])\s*$")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'-])([A-Z][a-zà-ÿ'-]+|van|de|der|den|ten|ter)\s+$")
STREET_NAME_WORDS = 3  # words of a street's name before its street word at most ("Gijsbrecht van Amstelstraat")


def _named_street_spans(text: str) -> List[Span]:
    """Streets named without a house number (see the comment above)."""
    spans: List[Span] = []
    for match in _NAMED_STREET.finditer(text or ""):
        lower = match.group("lower") is not None
        group = "lower" if lower else "street"
        if match.group(group).lower() in known_words():
            continue
        start = match.start(group)
        if lower:
            # the words of its name before it that are no Dutch words: "op de marco pololaan"
            words = match.group("before").split()
            while words and words[0] in known_words():
                words.pop(0)
            begin = start - len(" ".join(words) + " ") if words else start
        elif _SENTENCE_OPENING.search(text[:start]):
            continue  # a capital that only opens a sentence says nothing ("Schoolplein vol, ...")
        else:
            begin = pending = start
            for _ in range(STREET_NAME_WORDS):  # "Gijsbrecht van Amstelstraat", "Marco Pololaan"
                found = _NAME_WORD_BEFORE.search(text, 0, pending)
                if found is None or _SENTENCE_OPENING.search(text[:found.start()]):
                    break
                pending = found.start()
                if found.group(1)[:1].isupper():
                    begin = pending
        spans.append((_street_start(text, begin), match.end(group), "adres"))
    return spans


# A street without a number and without a word of living: "ze schreeuwen voor de deur op de kolibriestraat", "[NAAM]
# van de kolibriestraat" (a privacy officer and a consultant found them readable). After 'op', 'in', 'aan', 'van',
# 'bij', 'naar', 'langs' or 'vanaf' and 'de' or 'het', a word in -straat, -laan, -weg, -plein, -dreef, -singel, -kade,
# -hof, -gracht, -dijk or -steeg that no Dutch word list knows (``opentaal_knows``; without hunspell the lemma table):
# a street's name. A word that is a Dutch word stays readable ("op de snelweg", "in de hoofdstraat", "van het
# schoolplein": a choice, many such words are a kind of road as often as a name), unless typed with a capital in the
# middle of a sentence ("op de Dorpsstraat"), or a word of living names it (``_street_without_number_spans``). A place
# of the kaart is no street ("gezin in de Keverdijk", a wijk).
_STREET_AFTER_ARTICLE = re.compile(
    r"(?<![\w])(?i:op|in|aan|van|bij|naar|langs|vanaf)\s+(?i:de|het|'t)\s+"
    r"(?P<street>[^\W\d_][\w'-]+?(?i:straat|laan|weg|plein|dreef|singel|kade|hof|gracht|dijk|steeg))(?![\w])"
)


def _street_after_article_spans(text: str) -> List[Span]:
    """Streets without a house number that are no Dutch word, or typed with a capital (see the comment above)."""
    spans: List[Span] = []
    for match in _STREET_AFTER_ARTICLE.finditer(text):
        street = match.group("street")
        lowered = street.lower()
        if len(lowered) < 7 or lowered in _ROAD_KINDS:
            continue
        known = opentaal_knows(lowered)
        if (street[0].isupper() or not (known if known is not None else lowered in known_words() or _inflected(lowered))
                or _in_a_kaart_place(text, match.end("street"))
                ) and not is_kaart_place(street, typos=True):  # "gezin in de Keverdijk": a wijk of the kaart
            spans.append((_street_start(text, match.start("street")), match.end("street"), "adres"))
    return spans


# ... a street word the word lists know as a word ('lindenlaan', 'kerkstraat') is still a street when a place of the
# kaart follows it: "een gezin op de lindenlaan in huizen" (a user test of session 24 found it stored readable).
_PLACE_AFTER = re.compile(r"\s+(?:in|te)\s+((?:'s[- ])?[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)")


def _in_a_kaart_place(text: str, end: int) -> bool:
    """A place of the sociale kaart follows the street word ending at ``end`` ("... in huizen", "... te Naarden")."""
    found = _PLACE_AFTER.match(text, end)
    if found is None:
        return False
    words = found.group(1).split()
    return any(is_kaart_place(" ".join(words[:count])) for count in (1, len(words)))


def street_spans(text: str) -> List[Span]:
    """Streets named without a house number, by either reading above; the sociale kaart asks the same function
    whether a question names a street (``bot.kaart.places.noemt_straat``)."""
    text = text or ""
    return _named_street_spans(text) + _street_after_article_spans(text)


def _lower_case_address_spans(text: str) -> List[Span]:
    """Streets with a house number and postcodes typed without capitals (see the comment above)."""
    spans: List[Span] = []
    digits = any(ch.isdigit() for ch in text)
    if digits or _STREET_WORD_THEN_WORD.search(text):
        for match in _LOWER_STREET.finditer(text):
            said = match.group("said")
            if said is not None and (said == "een" or not spoken_number(said)):
                continue  # a house number said as a word: "de kerkstraat twaalf" (dictated); not "de kerkstraat een"
            clause_start = max((found.end() for found in _CLAUSE_BEFORE.finditer(text, 0, match.start())), default=0)
            cue = bool(_ADDRESS_CUE.search(text, clause_start, match.start()))
            postcode = bool(_POSTCODE_AFTER.match(text, match.end()))
            if match.group("suffix") in _WEAK_STREET_SUFFIXES:
                found = cue or postcode
            else:
                found = cue or postcode or bool(_PLACE_OR_END.match(text, match.end())) or (
                    match.group("street").lower() not in known_words() and not _COUNT_AFTER.match(text, match.end()))
            if found:
                spans.append((_street_start(text, match.start()), match.end(), "adres"))
    if digits:
        for match in _LOWER_POSTCODE.finditer(text):
            letters = match.group("letters")
            if letters not in _UNITS and letters not in known_words():
                spans.append((match.start(), match.end(), "postcode"))
    return spans


# a child's school makes a family findable: "de Tamarindeschool", "basisschool De Regenboog", "het Ichthus College"
_GENERIC_SCHOOLS = {
    "", "basis", "hoge", "kleuter", "muziek", "zwem", "dans", "rij", "avond", "dag", "nacht", "lagere", "middelbare",
    "speciale", "praktijk", "vak", "beroeps", "zomer", "zondags", "bijles", "huiswerk", "taal", "brede", "kunst",
    "sport", "voetbal", "tennis", "hockey", "ballet", "toneel", "kook", "ski", "surf", "zeil", "duik", "vlieg",
    "autorij", "paardrij", "honden", "koran", "weekend", "voor", "peuter", "kost", "buurt", "dorps", "wijk",
    "streek", "openbare", "speciaal", "hoor", "werk", "gast", "studie", "proef", "mbo", "hbo", "vmbo", "havo", "vwo",
    "musical", "theater", "circus", "schaak", "judo", "zang", "teken", "bijbel", "zaterdag", "woensdag",
}
_SCHOOL_WORD = re.compile(r"(?<![\w])([A-ZÀ-Ý][a-zà-ÿ'-]*?)-?(?:school|college|lyceum|gymnasium)(?![\w])")
_NAMED_SCHOOL = re.compile(
    r"(?<![\w])(?:[Bb]asisschool|[Ss]chool|[Cc]ollege|[Ll]yceum|[Gg]ymnasium|[Kk]indcentrum|IKC|OBS|CBS|RKBS|SBO)"
    r"\s((?:(?:[Dd]e|[Hh]et|'t)\s)?[A-ZÀ-Ý][\wà-ÿ'-]+(?:\s[A-ZÀ-Ý][\wà-ÿ'-]+)?)"
)
_SCHOOL_AFTER_NAME = re.compile(
    r"(?<![\w])(?!(?:De|Het|Een)\s)[A-ZÀ-Ý][\wà-ÿ'-]+\s(?:College|Lyceum|Gymnasium)(?![\w])"
)
# "zit op De Regenboog", "gaat naar de Wegwijzer": the name of a school without a school word (user test: it
# stayed in plain text). After 'zit op' any capitalised name counts, with or without an article; after 'gaat naar'
# only one with an article ('naar Utrecht', 'naar Spanje' is a place). The first word of the name must not be
# one of _NOT_SCHOOLS (apps, kinds of school, services) or of _NOT_NAMES.
_SCHOOL_VERB = re.compile(
    r"(?<![\w])(?:(?P<op>[Zz]it|[Zz]at|[Zz]itten|[Zz]aten)(?:\s(?:nu|al|nog|ook|toen|daar|sinds\skort))?\sop"
    r"|(?P<naar>[Gg]aat|[Gg]ing|[Gg]aan|[Gg]ingen)(?:\s(?:nu|al|nog|ook|toen|straks|daar))?\snaar)"
    r"\s(?P<article>(?:[Dd]e|[Hh]et|'t)\s)?"
    r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ'-]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ'-]+){0,2})(?![\w])"
)
_NOT_SCHOOLS = {
    "instagram", "tiktok", "snapchat", "facebook", "whatsapp", "youtube", "discord", "twitter", "telegram",
    "fortnite", "roblox", "minecraft", "netflix", "internet", "google", "twitch", "reddit", "pinterest",
    "havo", "vwo", "vmbo", "mbo", "hbo", "atheneum", "gymnasium", "praktijkonderwijs", "basisschool", "school",
    "middelbare", "speciaal", "kinderopvang", "opvang", "peuterspeelzaal", "bso", "crèche", "voetbal", "zwemles",
    "raad", "rechter", "kinderrechter", "rechtbank", "gemeente", "jeugdbescherming", "jeugdzorg", "wijkteam",
    "ziekenhuis", "crisisdienst", "kinderbescherming", "jeugdarts", "wijkagent", "voedselbank", "sociaal",
}
_PUBLIC_NUMBERS = {"112", "113", "08002000", "08000113", "0800113", "08000432"}

_CUE_WORDS = (
    "moeder|vader|mama|papa|mam|pap|zoon|dochter|zoontje|dochtertje|kind|broer|zus|zusje|broertje|"
    "oma|opa|tante|oom|neef|nicht|stiefvader|stiefmoeder|pleegmoeder|pleegvader|partner|vriend|vriendin|"
    "ex|mevrouw|meneer|mijnheer|mevr|mw|dhr|heer|juf|juffrouw|meester|mentor|jongen|meisje|baby|heet|heten|genaamd|naam|"
    "kinderen|kindje|vriendje|vriendinnetje|buurvrouw|buurman|buurjongen|buurmeisje|schoonmoeder|schoonvader|"
    "stiefzoon|stiefdochter|pleegkind|pleegzoon|pleegdochter|halfbroer|halfzus|kleinzoon|kleindochter|"
    "tweeling|jongste|oudste|leerling|collega|dokter|agent|wijkagent|agente"
)
_INTERFIX = r"(?:(?:van|de|der|den|el|al|ter|ten|te|het|la|le|du|da|di|von|op|in 't)\s)*"
_CAPITAL_WORD = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
_CAP_INTERFIX = r"(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Ee]l|[Tt]er|[Tt]en|[Hh]et)\s)*"
# A full stop after a cue only belongs to an abbreviation ('mevr. Jansen', 'dhr. De Vries'). After a whole word
# it ends the sentence, and the capitalised word after it starts a new one: "Ik snap het, mevrouw. Wat gebeurde
# er?" and "meneer. Eerlijk gezegd ..." hold no name (user test; '?' and '!' never continued a name).
_ABBREVIATED_CUES = "mevr|mw|dhr"
_CUED_NAME = re.compile(
    rf"(?i:\b((?:{_ABBREVIATED_CUES})\.|{_CUE_WORDS}))(?:,)?\s+(?:(?:is|was)\s+)?"
    rf"({_CAP_INTERFIX}{_CAPITAL_WORD}(?:\s{_INTERFIX}{_CAPITAL_WORD})?(?:\s{_INTERFIX}{_CAPITAL_WORD})?)"
)
_TITLES = {"mevrouw", "meneer", "mijnheer", "mevr", "mw", "dhr", "heer"}
_INTERFIX_WORDS = {
    "van", "de", "der", "den", "el", "al", "ter", "ten", "te", "het",
    "la", "le", "du", "da", "di", "von", "op", "in", "'t",
}
# capitalised words after a cue that are not names
_NOT_NAMES = {
    "Veilig", "Thuis", "School", "Buurtteam", "Jeugdteam", "Huisarts", "Politie", "Die", "Dat", "Deze", "Het", "De",
    "Een", "En", "Maar", "Ook", "Nu", "Dan", "Hij", "Zij", "Ze", "Wij", "Ik", "Jij", "U", "Is", "Was", "Heeft", "Had",
    "Gaat", "Wil", "Kan", "Moet", "Zegt", "Vindt", "Belt", "Niet", "Geen", "Al", "Nog", "Wel", "Erg", "Heel",
}


_DATA = Path(__file__).parent / "data"


def _read_list(path: Path) -> List[str]:
    """The entries of a list file (one a line, '#' starts a comment); [] when the file is missing."""
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def first_names() -> frozenset:
    return frozenset(_read_list(_DATA / "voornamen.txt"))


def elfproef(digits: str) -> bool:
    """The BSN check: 9 digits, weights 9..2 and -1, sum divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=False)) - int(digits[8])
    return total % 11 == 0


def iban_check(text: str) -> bool:
    """The IBAN check: the country and check digits moved to the end, letters as numbers (A=10), modulo 97 is 1."""
    code = re.sub(r"\s", "", text).upper()
    if not 15 <= len(code) <= 34:
        return False
    digits = "".join(str(int(char, 36)) for char in code[4:] + code[:4])
    return int(digits) % 97 == 1


def _iban_spans(text: str) -> Iterator[Span]:
    for match in _IBAN.finditer(text):
        code = re.sub(r"\s", "", match.group())
        if _DUTCH_IBAN.fullmatch(code) or iban_check(code):
            yield match.start(), match.end(), "iban"


def _plate_spans(text: str) -> Iterator[Span]:
    for match in _PLATE.finditer(text):
        groups = match.groups()
        if len("".join(groups)) != 6 or all(g.isdigit() for g in groups) or not any(g.isdigit() for g in groups):
            continue
        letters = "".join(g for g in groups if not g.isdigit())
        if letters.isupper() or _PLATE_CUE.search(text[max(0, match.start() - 60): match.start()]):
            yield match.start(), match.end(), "kenteken"


def _rule_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    for match in _EMAIL.finditer(text):
        spans.append((match.start(), match.end(), "email"))
    spans.extend(_iban_spans(text))
    spans.extend(_plate_spans(text))
    for match in _PHONE.finditer(text):
        if re.sub(r"\D", "", match.group()) not in _PUBLIC_NUMBERS:
            spans.append((match.start(), match.end(), "telefoon"))
    for match in _NINE_DIGITS.finditer(text):
        if elfproef(re.sub(r"\D", "", match.group())):
            spans.append((match.start(), match.end(), "bsn"))
    for match in _POSTCODE.finditer(text):
        spans.append((match.start(), match.end(), "postcode"))
    for match in _NUMERIC_DATE.finditer(text):
        spans.append((match.start(), match.end(), "datum"))
    for match in _WRITTEN_DATE.finditer(text):
        if _BIRTH_CUE.search(text[max(0, match.start() - 40): match.start()]):
            spans.append((match.start(), match.end(), "datum"))
    for match in _STREET.finditer(text):
        # "op de Lindenlaan 7": the street is 'Lindenlaan 7'; "Burgemeester de Withstraat 4a" keeps its title
        leading = _LEADING_INTERFIXES.match(text, match.start())
        start = leading.end() if leading else match.start()
        spans.append((_street_start(text, start), match.end(), "adres"))
    spans.extend(_lower_case_address_spans(text))
    spans.extend(street_spans(text))
    if _ADDRESS_CUE.search(text):
        spans.extend(_street_without_suffix_spans(text))
        spans.extend(_street_without_number_spans(text))
    spans.extend(_school_spans(text))
    spans.extend(_name_spans(text))
    spans.extend(_lower_case_school_spans(text))
    spans.extend(_lower_case_name_spans(text))
    spans.extend(_organisation_spans(text))
    spans.extend(_dictated_spans(text))
    return spans


# --------------------------------------------------------------------------- dictated
# A consultant who dictates (speech-to-text) stores what was said: numbers as words and an e-mail address in words,
# without punctuation (a user test of session 25 stored "mijn nummer is nul zes twaalf vierendertig zesenvijftig
# achtenzeventig", "het bsn is een twee drie vier vijf zes zeven acht twee", "geboren op veertien februari tweeduizend
# twaalf" and "petra punt de vries at gmail punt com" readable: the rules above need digits and an @). Numbers said one
# after another (words, also mixed with digits: "nul zes 12 34 56 78") are read as the digits they say ('nul' 0,
# 'twaalf' 12, 'vierendertig' 34: ``bot.text.spoken_number``) and judged as typed digits are:
# - a phone number: 9 to 12 digits that start with 0, or 'plus' and 31 or 32 ("plus eenendertig zes ..."); never a
#   public service number (_PUBLIC_NUMBERS: "nul achthonderd tweeduizend");
# - a BSN: 9 digits that pass the elfproef, or 8 or 9 digits right after 'bsn' or 'burgerservicenummer' (a misheard
#   digit fails the elfproef);
# - a postcode: four digits in two or more words and two letters that are no word ("twaalf eenenzeventig ab", "... a b",
#   "negen twee nul een k l");
# - a date of birth: a day, a month (its name or number) and a year after a word of birth, as for written dates
#   ("geboren op veertien februari tweeduizend twaalf", "geboortedatum twaalf zes tweeduizend vijftien").
_SPOKEN_TOKEN = re.compile(r"[^\W_]+")
_RUN_GAP = re.compile(r"\s*[,.-]?\s*")  # between two numbers of one run: "nul zes, twaalf", "06-12"
_BSN_CUE = re.compile(r"(?i)(?<![\w])(?:bsn|burgerservicenummer|sofinummer)(?:[\s-]?nummer)?(?:\s+(?:is|was|:))?\s*$")
_PHONE_PREFIXES = ("31", "32")  # after 'plus': the Netherlands, Belgium
_MONTH_NUMBERS = {month: number for number, month in enumerate(
    "januari februari maart april mei juni juli augustus september oktober november december".split(), start=1)}
_ORDINAL_DAYS = {"eerste": 1, "derde": 3}


@dataclass(frozen=True)
class _Said:
    """A word or a group of digits of a text, with the number it says (None for other words)."""

    word: str
    start: int
    end: int
    number: Optional[int]
    digits: str  # the digits it says in a row of numbers ("nul" "0", "twaalf" "12", "06" "06"), else ""


def _said(text: str) -> List[_Said]:
    found = []
    for match in _SPOKEN_TOKEN.finditer(text):
        word = match.group()
        if word.isdigit():
            found.append(_Said(word, match.start(), match.end(), int(word), word))
            continue
        number = spoken_number(word)
        found.append(_Said(word.lower(), match.start(), match.end(), number, "" if number is None else str(number)))
    return found


def _number_runs(text: str, said: List[_Said]) -> List[Tuple[int, int]]:
    """(first, last) indexes in ``said`` of each run of numbers said one after another, with at least one word."""
    runs: List[Tuple[int, int]] = []
    first = None
    for index, item in enumerate(said + [_Said("", len(text), len(text), None, "")]):
        joined = (first is not None and item.number is not None
                  and _RUN_GAP.fullmatch(text, said[index - 1].end, item.start) is not None)
        if first is not None and not joined:
            if any(not said[k].word.isdigit() for k in range(first, index)):
                runs.append((first, index - 1))
            first = None
        if first is None and item.number is not None:
            first = index
    return runs


def _spoken_number_spans(text: str, said: List[_Said]) -> List[Span]:
    """Phone numbers, BSNs and postcodes said as words (see the comment above)."""
    spans: List[Span] = []
    for first, last in _number_runs(text, said):
        digits = "".join(said[k].digits for k in range(first, last + 1))
        start, end = said[first].start, said[last].end
        if digits in _PUBLIC_NUMBERS:
            continue
        plus = first > 0 and said[first - 1].word == "plus" and digits.startswith(_PHONE_PREFIXES)
        if len(digits) == 9 and elfproef(digits) or 8 <= len(digits) <= 9 and _BSN_CUE.search(text, 0, start):
            spans.append((start, end, "bsn"))
        elif plus and 10 <= len(digits) <= 13:
            spans.append((said[first - 1].start, end, "telefoon"))
        elif digits.startswith("0") and 9 <= len(digits) <= 12:
            spans.append((start, end, "telefoon"))
        elif last > first:  # the last numbers: "(lindelaan vijf) twaalf eenenzeventig ab", "negen twee nul een k l"
            begin = _four_digits_before(said, first, last)
            postcode = _spoken_postcode_end(text, said, last) if begin is not None else None
            if begin is not None and postcode is not None:
                spans.append((said[begin].start, postcode, "postcode"))
    return spans


def _four_digits_before(said: List[_Said], first: int, last: int) -> Optional[int]:
    """The index of the first of the last two or more numbers of a run that say the four digits of a postcode, not
    starting with 0: two numbers ("twaalf eenenzeventig") or a digit at a time ("negen twee nul een", a user test of
    session 27 stored "postcode negen twee nul een K L" readable); None when they say no four digits."""
    digits = said[last].digits
    for begin in range(last - 1, first - 1, -1):
        digits = said[begin].digits + digits
        if len(digits) >= 4:
            return begin if len(digits) == 4 and digits[0] != "0" else None
    return None


def _spoken_postcode_end(text: str, said: List[_Said], last: int) -> Optional[int]:
    """Where the two letters of a postcode end after the four digits ending at ``said[last]``: "ab" or "a b"."""
    after = said[last + 1:last + 3]
    if after and len(after[0].word) == 2 and after[0].word.isalpha() and after[0].word.isascii() \
            and after[0].word not in _UNITS and after[0].word not in known_words() \
            and text[said[last].end:after[0].start].isspace():
        return after[0].end
    if len(after) == 2 and all(len(item.word) == 1 and item.word.isalpha() for item in after) \
            and text[said[last].end:after[1].start].replace(" ", "").lower() == after[0].word:
        return after[1].end
    return None


def _day(item: _Said) -> Optional[int]:
    """The day of a month that ``item`` says ('14', 'veertien', 'veertiende', 'eerste'), else None."""
    word = item.word
    value = item.number
    if value is None:
        value = _ORDINAL_DAYS.get(word)
    if value is None and word.endswith(("ste", "de")):
        value = spoken_number(word[:-3] if word.endswith("ste") else word[:-2])
    return value if value is not None and 1 <= value <= 31 else None


def _number_at(said: List[_Said], k: int) -> int:
    """The number word ``k`` of ``said`` says; -1 for another word or past the end."""
    number = said[k].number if 0 <= k < len(said) else None
    return -1 if number is None else number


def _year_end(said: List[_Said], k: int) -> Optional[int]:
    """The index of the last word of a year that starts at ``said[k]`` ('2012', 'tweeduizend twaalf', 'tweeduizend en
    twaalf', 'tweeduizendtwaalf', 'negentien negenentachtig'), else None."""
    value = _number_at(said, k)
    if value in (19, 20) and 10 <= _number_at(said, k + 1) <= 99:
        return k + 1  # "negentien negenentachtig", "twintig vijftien"
    if value in (1900, 2000):  # "tweeduizend twaalf", "tweeduizend en twaalf", "negentienhonderd negentig"
        step = k + 2 if k + 2 < len(said) and said[k + 1].word == "en" else k + 1
        if 0 <= _number_at(said, step) < 100 and not said[step].word.isdigit():
            return step
    return k if 1900 <= value <= 2099 else None


def _spoken_date_spans(text: str, said: List[_Said]) -> List[Span]:
    """Dates of birth said as words: a day, a month and a year after a word of birth (see the comment above)."""
    spans: List[Span] = []
    for k in range(1, len(said) - 1):
        month = _MONTH_NUMBERS.get(said[k].word)
        numeric = month is None and 1 <= _number_at(said, k) <= 12 and not said[k].word.isdigit()
        if numeric:
            month = _number_at(said, k)  # "twaalf zes tweeduizend vijftien"
        if month is None or _day(said[k - 1]) is None or (numeric and said[k - 1].number is None):
            continue
        end = _year_end(said, k + 1)
        if end is None or (said[k - 1].word.isdigit() and not numeric and said[end].word.isdigit()):
            continue  # "14 februari 2012": the rule of written dates
        start = said[k - 1].start
        if _BIRTH_CUE.search(text[max(0, start - 40):start]):
            spans.append((start, said[end].end, "datum"))
    return spans


# An e-mail address said in words: "petra punt de vries at gmail punt com", "jan punt de boer apenstaartje hotmail
# punt nl", "fatima at outlook punt com". The domain after 'at' or 'apenstaartje' names its dots ('punt') and ends in
# a top-level domain; the part before it is the words back to a word that cannot be in an address ("mailen op", "mijn
# mailadres is", "of"), at most six.
_SPOKEN_AT = re.compile(
    r"(?i)\s+(?:at|et|apenstaartje|apestaartje|@)\s+"
    r"(?P<domain>[^\W_]+(?:-[^\W_]+)*(?:\s+(?:punt|dot|streepje|min)\s+[^\W_]+(?:-[^\W_]+)*)*"
    r"\s+(?:punt|dot)\s+(?:com|nl|net|org|be|de|eu|info|nu|io|co|uk|fr|biz|me|online|email)|[\w-]+(?:\.[\w-]+)+)"
    r"(?![\w])"
)
_EMAIL_LOCAL_WORD = re.compile(r"([^\W_]+)(\s*[._-]?\s*)$")
_MAIL_WORDS = frozenset(
    "mail mailen mailt mailadres emailadres email e-mail e-mailadres adres via kunt kan kun bereiken sturen stuur "
    "stuurt bereikbaar".split()
)
_LOCAL_WORDS = 6  # words of the part before 'at' at most ("petra punt de vries")


def _spoken_email_spans(text: str) -> List[Span]:
    """E-mail addresses said in words (see the comment above)."""
    spans: List[Span] = []
    for match in _SPOKEN_AT.finditer(text):
        start = pending = match.start()
        for _ in range(_LOCAL_WORDS):
            found = _EMAIL_LOCAL_WORD.search(text, 0, pending)
            word = found.group(1).lower() if found else ""
            if found is None or word in _MAIL_WORDS or (word in _FUNCTION_WORDS and word not in _SURNAME_INTERFIXES):
                break
            start = pending = found.start()
        if start < match.start():
            spans.append((start, match.end("domain"), "email"))
    return spans


# the endings of every number said as one word ("zes", "vierendertig", "honderdtwaalf", "tweeduizend")
_NUMBER_ENDINGS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                   "twaalf", "tig", "honderd", "duizend")
_MONTH_NAMES = tuple(_MONTH_NUMBERS)


def _may_say_numbers(text: str) -> bool:
    """A quick test: two numbers in a row (one maybe said as a word) or a month's name; most texts have neither."""
    lowered = text.lower()
    if any(month in lowered for month in _MONTH_NAMES):
        return True
    previous = False
    for word in lowered.split():
        word = word.strip(",.-:;!?()")
        number = word.isdigit() or (len(word) > 2 and word.endswith(_NUMBER_ENDINGS))
        if number and previous:
            return True
        previous = number
    return False


def _dictated_spans(text: str) -> List[Span]:
    """Phone numbers, BSNs, postcodes, dates of birth and e-mail addresses said as words."""
    spans: List[Span] = []
    said = _said(text) if _may_say_numbers(text) else []
    if any(item.number is not None and not item.word.isdigit() for item in said):
        spans += _spoken_number_spans(text, said) + _spoken_date_spans(text, said)
    if " at " in text or "apenstaartje" in text or "apestaartje" in text or " et " in text or " @ " in text:
        spans += _spoken_email_spans(text)
    return spans


def _school_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    for match in _SCHOOL_WORD.finditer(text):
        if match.group(1).lower() not in _GENERIC_SCHOOLS:
            spans.append((match.start(), match.end(), "school"))
    for match in _SCHOOL_AFTER_NAME.finditer(text):
        spans.append((match.start(), match.end(), "school"))
    for match in _NAMED_SCHOOL.finditer(text):
        spans.append((match.start(1), match.end(1), "school"))
    for match in _SCHOOL_VERB.finditer(text):
        first = match.group("name").split()[0].split("-")[0]
        if match.group("naar") and not match.group("article"):
            continue
        if first in _NOT_NAMES or first.lower() in _NOT_SCHOOLS:
            continue
        # 'zit op De Regenboog' -> 'zit op [SCHOOL]'; 'zit op de Wegwijzer' -> 'zit op de [SCHOOL]'
        article = match.group("article")
        start = match.start("article") if article and article[0].isupper() else match.start("name")
        spans.append((start, match.end("name"), "school"))
    return spans


def _name_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    names = first_names()
    for match in re.finditer(rf"(?<![\w@.]){_CAPITAL_WORD}(?![\w@])", text):
        if match.group() in names:
            end = match.end()
            # a surname right after a known first name: 'Sanne de Vries', 'Daan Jansen'
            tail = re.match(rf"\s{_INTERFIX}{_CAPITAL_WORD}", text[end:])
            if tail and tail.group().split()[-1] not in _NOT_NAMES:
                end += tail.end()
            spans.append((match.start(), end, "naam"))
    for match in _CUED_NAME.finditer(text):
        words = match.group(2).split()
        # keep the leading run of words up to the first known non-name ('moeder Sanne Belt ...')
        start = end = match.start(2)
        found = False
        title = match.group(1).lower().rstrip(".") in _TITLES
        for word in words:
            if not found and word.islower() and not title:
                start = end = text.index(word, end) + len(word) + 1  # 'moeder van Sem': not 'van'
                continue
            if word.lower() in _INTERFIX_WORDS:
                end = text.index(word, end) + len(word)
                continue
            if word in _NOT_NAMES:
                break
            end, found = text.index(word, end) + len(word), True
        if found:
            spans.append((start, _trim_interfix(text, start, end), "naam"))
    return spans


def _trim_interfix(text: str, start: int, end: int) -> int:
    """Drop trailing interfix words ('Sanne de') so only the name is masked."""
    words = text[start:end].split()
    while words and words[-1].lower() in _INTERFIX_WORDS:
        words.pop()
    if not words:
        return start
    return text.index(words[-1], start) + len(words[-1]) if len(words) == 1 else start + len(" ".join(words))


# --------------------------------------------------------------------------- deduce

_deduce_lock = threading.Lock()
_deduce_state: Dict[str, object] = {}

# deduce annotators kept: every name annotator plus the street pattern and house numbers
_DEDUCE_EXTRA = {"street_pattern", "housenumber"}
# deduce's patterns "form of address + name" skip a full stop between the two, for 'dhr . Jansen'. deduce's own
# tokenizer already keeps an abbreviation with its full stop ('dhr.', 'mevr.', 'dr.'), so the skip only joins a
# whole word and the next sentence: "meneer. Eerlijk gezegd" and "meneer. Nou," became [NAAM] (user test).
_DEDUCE_PREFIX_PATTERNS = ("prefix_with_initial", "prefix_with_interfix", "prefix_with_name")
_DEDUCE_PREFIX_CONTEXT = "prefix_left"


def _no_sentence_end_after_a_prefix(config: dict) -> dict:
    annotators = config["annotators"]
    for name in _DEDUCE_PREFIX_PATTERNS:
        if name in annotators:
            annotators[name]["args"]["skip"] = [s for s in annotators[name]["args"].get("skip", []) if s != "."]
    for pattern in annotators.get("name_context", {}).get("args", {}).get("pattern", []):
        if pattern.get("name") == _DEDUCE_PREFIX_CONTEXT:
            pattern["skip"] = [s for s in pattern.get("skip", []) if s != "."]
    return config


def _build_deduce():
    from deduce import Deduce

    class _NamesAndStreets(Deduce):
        def _initialize_config(self) -> dict:
            config = super()._initialize_config()
            config["annotators"] = {
                name: spec
                for name, spec in config["annotators"].items()
                if spec.get("group") == "names" or name in _DEDUCE_EXTRA
            }
            return _no_sentence_end_after_a_prefix(config)

    return _NamesAndStreets()


def deduce_model():
    """The deduce model, built once per process; None when deduce is missing or switched off."""
    if os.environ.get("RUSTPUNT_MASKER", "").lower() == "regels":
        return None
    with _deduce_lock:
        if "model" not in _deduce_state:
            # No quiet fallback: a broken deduce install must stop the server, not weaken the masking.
            # Rules only is a deliberate choice (RUSTPUNT_MASKER=regels).
            _deduce_state["model"] = _build_deduce()
        return _deduce_state["model"]


# Common Dutch words that deduce takes for a name at the start of a sentence ("Mooi. En wat nog meer?" became
# "[NAAM]. En wat nog meer?"; third user test). Never names of people; a word that can be a name (Roos, Ernst,
# Steen) is not here and stays masked.
_DEDUCE_NOT_NAMES = frozenset(
    "mooi goed fijn prima top super sterk knap klopt precies inderdaad zeker echt nou tja kijk hee hé hoi ho oei "
    "oké okay wat waar hoe wanneer waarom niks niets pas pak dank lieve schets ja nee sorry jammer helaas".split()
)


# deduce masks a form of address with the name ("[NAAM] van school" for "Mevrouw De Boer van school"); the rules
# keep it ("Mevrouw [NAAM] van school"). It identifies no one, so it stays readable with deduce too.
_LEADING_TITLE = re.compile(
    r"(?i:(?:de\s+)?(?:heer|meneer|mijnheer|mevrouw|juf|juffrouw|meester|(?:mevr|mw|dhr|mej|dr|drs|mr|ir|prof|ing|ds)"
    r"\.?))\s+(?=\S)"
)


def _deduce_spans(model, text: str) -> List[Span]:
    spans: List[Span] = []
    try:
        doc = model.deidentify(text)
    except Exception as exc:  # never let the library break storing a record
        log.warning("deduce failed on a text (%s); rules only for this text", type(exc).__name__)  # no text in logs
        return spans
    for annotation in doc.annotations:
        tag = annotation.tag.lower()
        if "persoon" in tag or "patient" in tag or "naam" in tag or "initia" in tag:
            if text[annotation.start_char:annotation.end_char].lower() in _DEDUCE_NOT_NAMES:
                continue
            title = _LEADING_TITLE.match(text, annotation.start_char, annotation.end_char)
            spans.append((title.end() if title else annotation.start_char, annotation.end_char, "naam"))
            continue
        if "straat" in tag or "huisnummer" in tag or "locatie" in tag:
            spans.append((annotation.start_char, annotation.end_char, "adres"))
    return spans


# A place of the sociale kaart is never a name (a privacy officer: deduce took "Naarden" of "woont ... in Naarden", a
# kern of Gooise Meren, for a surname): a place the kaart knows tells where help is, not who the family is, and the
# kaart needs it to find that help. The place table is ``bot.kaart.places`` (schools in it are no place here).
def _places_from(knowledge) -> frozenset:
    from bot.kaart.places import SCHOOL, tabel  # lazy: the kaart is read only when a name is found
    from bot.text import plain

    return frozenset(plain(spelling) for spelling, row in tabel(knowledge).spellings.items() if row.soort != SCHOOL)


def _service_words_from(knowledge) -> frozenset:
    """The words of the names of the sociale kaart's services and organisations ('zigzag', 'fletiomare'), lower case."""
    names = [entry.naam for kind in ("kaart_dienst", "kaart_organisatie")
             for entry in knowledge.entries.get(kind, {}).values() if getattr(entry, "naam", None)]
    return frozenset(word.lower() for name in names for word in _LOWER_WORD.findall(str(name)))


_per_knowledge: Dict[str, object] = {}


def _from_the_kaart(build) -> frozenset:
    """``build(knowledge)`` for the knowledge now loaded, built again after a reload (``PerKnowledge``); empty when the
    knowledge cannot be read (never let it break storing a record)."""
    from bot.knowledge.loader import PerKnowledge  # lazy: the loader is not needed for texts without a name

    cached = _per_knowledge.setdefault(build.__name__, PerKnowledge(build))
    try:
        return cached()  # type: ignore[operator]
    except Exception as exc:
        log.warning("the sociale kaart could not be read (%s); its places and services may be masked",
                    type(exc).__name__)
        return frozenset()


def is_kaart_place(text: str, typos: bool = False) -> bool:
    """Whether ``text`` (a masked name) is a place of the sociale kaart ('Naarden', "'s-Graveland", 'naarden'); with
    ``typos`` also one typed with a typo, as the kaart reads it ("peuteropvang Naardn", "BSO Loosdrect")."""
    from bot.text import plain

    if plain(text) in _from_the_kaart(_places_from):
        return True
    if not typos:
        return False
    from bot.kaart.places import SCHOOL, zoek_plaats  # lazy, as above

    try:
        found = zoek_plaats(text)
    except Exception as exc:  # never let the knowledge break storing a record
        log.warning("the sociale kaart could not read a place (%s)", type(exc).__name__)
        return False
    return found is not None and found.soort != SCHOOL and plain(found.geschreven) == plain(text)


# --------------------------------------------------------------------------- typed without capitals
# A tired worker types without capitals: "moeder kim jansen uit laren ... haar ex dennis de kinderen sem en julia
# ... en sem zit op de sint jozefschool", "u spreekt met anouk" (user test: every name and the school were stored
# readable, since the rules above and deduce need a capital). Without one, a name is known by where it stands:
# - after a cue word (_CUE_WORDS: 'moeder', 'ex', 'kinderen', 'juf', 'heet' ...), after 'ik ben', 'dit is',
#   'u spreekt met', and after the 'met' that opens a call ("hallo, met anouk van het buurtteam");
# - in a list after such a name: "de kinderen sem (8) en julia (5)";
# - anywhere for a first name of our own list that is no Dutch word ('samira', 'noah'); one that is a word
#   ('roos', 'bas', 'max': voornamen_ook_woord.txt) only in a name context, so "een roos" stays readable;
# - a surname from achternamen.txt after such a first name or a form of address ('kim jansen', 'meneer de vries'):
#   a lower-case word after a name is far more often a verb ('kim belt') than a surname; right after a form of
#   address also a surname of deduce's list ('mevrouw hoogland'); after a tussenvoegsel a surname of deduce's list
#   of surnames that take one ('mark van der horst');
# - where a consultant types who is calling (a user test stored "vader aan de lijn, mark de vries ..." and "ik heb
#   jan de boer aan de lijn" readable): after 'aan de lijn' / 'aan de telefoon' (a name context), after 'belt' /
#   'belde' a first name of our own lists ('er belt mark de vries'), and a first name of our own lists with up to
#   three more words (its surname) right before 'aan de lijn' / 'belt' ("ik heb jan de boer aan de lijn", "mark
#   bouwmeester belt over zijn zoon"), also in a list of callers before the call ("ik heb jan en piet aan de lijn",
#   "ik had mark, jan en de oma aan de lijn", "jan en piet belden").
# Every other occurrence of a word masked as a name is masked too ("... en sem zit op", ``_repeated_names``).
# First names come from our lists and, in a name context, from deduce's list of first names.

_LOWER_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_LOWER_CUES = frozenset(_CUE_WORDS.split("|"))
_SURNAME_CUES = frozenset(_TITLES | {"juf", "juffrouw", "meester", "dokter", "agent", "wijkagent", "agente"})
_ABBREVIATIONS = frozenset(_ABBREVIATED_CUES.split("|"))
# two words that put a name next: "ik ben anouk", "u spreekt met anouk", "spreek ik met kim?", "dit is sem"
_NAME_OPENERS = frozenset({
    ("ik", "ben"), ("dit", "is"), ("spreekt", "met"), ("spreek", "met"), ("spreken", "met"), ("u", "met"),
    ("je", "met"),
})
# what may come before the 'met' that opens a call ("hallo, met anouk", "goedemiddag, met kim van het buurtteam"),
# and before a name at the start of a sentence ("hoi lenthe", "dag peter")
_GREETINGS = frozenset(
    "hallo hoi hai hey hee hé ha dag goedemorgen goedemiddag goedenavond goeiemorgen goeiemiddag goeienavond "
    "goedendag beste ja nou".split()
)
# never a name without a capital: words that follow a cue word ("moeder wil niet", "vader is al weg") or a name
_FUNCTION_WORDS = frozenset((
    "de het een en of maar want dus dat die dit deze wat wie waar hoe wanneer waarom welke welk ik jij je u hij zij "
    "ze wij we jullie mij me mijn jouw jou uw zijn haar hun hen ons onze zich zelf is was ben bent heeft heb hebt had "
    "hadden hebben wordt werd worden kan kon kunnen wil wilde willen mag mocht mogen moet moest moeten zal zou zullen "
    "gaat ging gaan komt kwam komen doet deed doen zegt zei weet wist vindt vond niet geen wel ook nog al nu toen "
    "dan straks weer zo erg heel echt gewoon soms vaak altijd nooit steeds even eens alleen samen in op aan van bij "
    "met voor na naar uit over onder door tegen tot om sinds zonder tussen achter naast er hier daar ja nee ok oke "
    "hoor nou januari februari maart april mei juni juli augustus september oktober november december "
    # words in deduce's lists of names: "vader koos ervoor", "moeder constant aan het bellen", "mevrouw middag"
    "koos ken koop constant lente maatje meis kader win rem middag schreven sliepen zeg"
).split())
_LOWER_NOT_NAMES = (
    _FUNCTION_WORDS | _GREETINGS | _LOWER_CUES | _INTERFIX_WORDS | _DEDUCE_NOT_NAMES | frozenset(NUMBER_WORDS)
    | {word.lower() for word in _NOT_NAMES}
)
_JOINED = re.compile(r"\s*,?\s*")  # between a cue and a name: "haar ex, dennis"
_SENTENCE_END = re.compile(r"[.!?\n]")
_AFTER_ABBREVIATION = re.compile(r"\.?\s*")  # "mevr. jansen"
_NEXT_IN_LIST = re.compile(  # "sem en julia", "noah (8) en lotte", "sem, 8, en daan", "sem van 8 of daan"
    r"\s*(?:\(\s*\d{1,2}(?:\s*(?:jaar|jr\.?))?\s*\)|,?\s*(?:van\s+)?\d{1,2}(?:\s*(?:jaar|jr\.?))?)?"
    r"\s*(?:,|&|\ben\b|\bof\b)\s*"
)


# a call, after or before which a consultant types the caller's name: "aan de lijn, mark de vries", "jan belt"
_ON_THE_LINE = frozenset({("aan", "de", "lijn"), ("aan", "de", "telefoon"), ("op", "de", "lijn")})
_CALLS = frozenset({"belt", "belde", "belden"})
_AFTER_THE_LINE = re.compile(r"\s*[,:;-]?\s*")  # "aan de lijn: mark de vries"
# words between a name and the call that are no part of it: "ik heb jan gisteren aan de lijn gehad"
_TIME_WORDS = frozenset(
    "vandaag gisteren morgen eergisteren vanochtend vanmorgen vanmiddag vanavond vannacht zojuist net laatst pas "
    "opnieuw zelf ook nu weer even".split()
)
_NUMBER_NEXT = re.compile(rf"\s+(?:\d|(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b)", re.IGNORECASE)
# the words that name someone: "hij heet jan van der horst", "een vader genaamd mark de vries"
_NAMING = frozenset({"heet", "heten", "genaamd"})
# who else may be in a list of callers ("jan en de oma aan de lijn", "mark, zijn moeder en piet belden")
_CALLER_PEOPLE = _LOWER_CUES - _NAMING - _ABBREVIATIONS - {"naam"}
# An article makes the word before a call a noun, not a caller's name: "een roos belt" (a user test masked 'roos'; a
# decision: with an article it is the word, also for 'de max', 'die bas'). Without one it stays a name ("roos belt",
# "ik heb roos aan de lijn"): there the name is the likelier reading and a masked word costs less than a readable name.
_ARTICLES = frozenset("een de het 't die deze dat dit geen elke iedere ieder welke zo'n zulke".split())
_CALLER_DETERMINERS = frozenset({"de", "het", "een", "zijn", "haar", "hun", "mijn", "onze"})
# the words with which a caller goes on after saying who they are: "met sandra smid uit laren", "... smid ik bel over"
_CALL_GOES_ON = frozenset("ik wij we uit hier van namens over".split())
# no surname there: a sound ("met lisa poeh ik hoor ...") or the caller's role ("ja met lisa wijkcoach ik ...")
_CALLER_SOUNDS = frozenset("ach och goh poeh pfff pff oh o jee jeetje tsja nja".split())
_ROLE_WORD = re.compile(
    r"(?:coach|werker|werkster|consulent|consulente|begeleider|begeleidster|medewerker|medewerkster|kundige|arts|agent"
    r"|team|therapeut|assistent|assistente|leerkracht|mentor|docent|directeur|directrice|ib'?er|ondersteuner)$"
)
# how many more callers a list may name after the first ("mark, jan, piet en de oma aan de lijn")
_MAX_CALLERS = 5
# A child named by a fact about it: "pietje bakker (12) spijbelt al weken", "kevin de boer, 14, blowt", "noah (8)"
# (a user test stored "pietje bakker" readable). After a first name (deduce's list, also a word or a diminutive) and a
# surname (achternamen.txt; deduce's list of surnames without the verb forms in -t; a tussenvoegsel and a surname that
# takes one): an age in brackets, with commas or 'van 12 jaar' anywhere; at the start of a sentence or a clause also a
# verb that tells what the child does or is (_CHILD_VERBS). A first name alone only before an age in brackets.
_AGE_IN_BRACKETS = re.compile(r"\s*\(\s*\d{1,2}(?:\s*(?:jaar|jr\.?|j))?\s*\)")
_CHILD_AGE = re.compile(
    r"\s*\(\s*\d{1,2}(?:\s*(?:jaar|jr\.?|j))?\s*\)|\s*,\s*\d{1,2}(?:\s*(?:jaar|jr\.?|j))?\s*(?:[,.;]|$)"
    r"|\s+(?:van\s+)?\d{1,2}\s*(?:jaar|jr\b|j\b)"
)
_CHILD_VERBS = frozenset(
    "spijbelt spijbelde verzuimt verzuimde zit zat is was gaat ging heeft had woont wil wilde komt kwam kan kon moet "
    "moest doet deed blowt blowde rookt drinkt gamet loopt liep slaapt sliep eet speelt zegt zei wordt werd krijgt "
    "kreeg pest pestte vecht vocht huilt durft weigert schreeuwt slaat sloeg liegt steelt stal mag".split()
)
_CLAUSE_START = re.compile(r"[.!?\n,;:]")
_SOUND = re.compile(r"u+h+m*|e+u?h+m*|u+m+|h+m+|m{2,}")  # "mevrouw uhm, ...": a pause, no surname


@dataclass(frozen=True)
class _NameLists:
    anywhere: frozenset  # lower-case first names that are no Dutch word
    in_context: frozenset  # every lower-case first name we know, for a name context
    surnames: Dict[str, Tuple[Tuple[str, ...], ...]]  # first word -> surnames as words, longest first
    after_title: frozenset  # one-word surnames of deduce's list, right after a form of address ('mevrouw hoogland')
    common: frozenset = frozenset()  # our own lists of first names (also those that are a word): around a call
    after_interfix: frozenset = frozenset()  # surnames after a tussenvoegsel: 'horst' of 'van der horst'

    @property
    def starts(self) -> frozenset:
        """Every word a name can start with (a quick first test for each word of a text)."""
        return self.in_context | frozenset(self.surnames) | self.after_title


def _deduce_names(kind: str) -> List[str]:
    """deduce's list of ``kind`` ('first_names', about 15,000; 'surnames', about 10,000) without the words deduce
    itself never takes for a name (its exceptions, stop words, common and medical terms); [] without deduce."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.origin:
        return []
    lists = Path(spec.origin).parent.parent / "deduce-data" / "lookup_lists"
    exceptions = lists / "names" / f"{kind[:-1]}_exceptions.txt"
    never = {
        word.lower()
        for path in (lists / "stop_words.txt", lists / "top_1000_terms.txt", lists / "medical_terms.txt", exceptions)
        for word in _read_list(path)
    }
    found = (name.lower() for name in _read_list(lists / "names" / f"{kind}.txt"))
    return [name for name in found if name not in never and len(name) > 2 and " " not in name]


def _deduce_interfix_surnames() -> List[str]:
    """deduce's surnames that follow a tussenvoegsel ('Vries' of 'de Vries', 'Horst' of 'van der Horst') without its
    exceptions ('Utrecht', 'Dienst'); [] without deduce."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.origin:
        return []
    names = Path(spec.origin).parent.parent / "deduce-data" / "lookup_lists" / "names"
    never = {word.lower() for word in _read_list(names / "interfix_surname_exceptions.txt")}
    found = (name.lower() for name in _read_list(names / "interfix_surnames.txt"))
    return [name for name in found if name not in never and len(name) > 2 and " " not in name]


_MIN_UNLISTED_NAME = 4  # letters a first name of deduce's list needs beyond ours to be a name anywhere


@lru_cache(maxsize=1)
def _name_lists() -> _NameLists:
    ours = {name.lower() for name in first_names()}
    words = {name.lower() for name in _read_list(_DATA / "voornamen_ook_woord.txt")}
    surnames: Dict[str, List[Tuple[str, ...]]] = {}
    for name in _read_list(_DATA / "achternamen.txt"):
        parts = tuple(name.lower().split())
        surnames.setdefault(parts[0], []).append(parts)
    # not a verb ('mevrouw praat', 'meneer rust'): deduce's surnames hold many words, a verb form often ends in -t
    after_title = {name for name in _deduce_names("surnames") if not name.endswith("t")}
    # deduce's first names that are no Dutch word ('fenneke', 'siebren', 'baukje'; a privacy officer found them stored
    # readable: "fenneke heeft pdd-nos"): a name anywhere, as our own; not one of four letters or fewer ('leo', 'ella':
    # too often an abbreviation or a word of another language), nor a word of Rustpunt's lexicon or of OpenTaal's
    # spelling list (voornamen_ook_woord_opentaal.txt: 'mark', 'fleur', 'hope'): those only in a name context
    lexicon = known_words()
    opentaal = set(_read_list(_DATA / "voornamen_ook_woord_opentaal.txt"))
    deduce_first = set(_deduce_names("first_names"))
    unknown = {name for name in deduce_first
               if len(name) > _MIN_UNLISTED_NAME and name not in lexicon and name not in opentaal and name.isalpha()}
    return _NameLists(
        anywhere=frozenset(((ours - words) | unknown) - _LOWER_NOT_NAMES),
        in_context=frozenset((ours | words | deduce_first) - _LOWER_NOT_NAMES),
        surnames={first: tuple(sorted(found, key=len, reverse=True)) for first, found in surnames.items()},
        after_title=frozenset(after_title - _LOWER_NOT_NAMES),
        common=frozenset((ours | words) - _LOWER_NOT_NAMES),
        after_interfix=frozenset(
            {parts[-1] for found in surnames.values() for parts in found if len(parts) > 1}
            | set(_deduce_interfix_surnames())
        ) - _LOWER_NOT_NAMES - _TIME_WORDS,
    )


@lru_cache(maxsize=1)
def _name_starts() -> frozenset:
    return _name_lists().starts


# the tussenvoegsels that only a surname takes: "ruud van der pluim", "jan ter horst" (not 'van de': "van de buren")
_STRONG_INTERFIXES = frozenset({"der", "den", "ter", "ten"})
_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")


def _unknown_word(word: str) -> bool:
    """Whether ``word`` (lower case) can be a surname after a first name: a word of three letters or more that Rustpunt
    does not know as Dutch (``known_words``; no function word), with a vowel ('adhd' is none), that OpenTaal's word list
    does not know either (``opentaal_knows``: compounds and verb forms the lemma table lacks, "sem gamet", "lotte
    verkouden"). Without hunspell a word ending in -t is taken for a verb the lexicon lacks ("fenneke blowt"); with it
    'brinkhorst' of "dochter jildou brinkhorst" is a surname (a privacy officer found it stored readable)."""
    if not (len(word) > 2 and word.isalpha() and word not in _LOWER_NOT_NAMES and word not in _CHILD_VERBS
            and word not in _TIME_WORDS and any(ch in _VOWELS for ch in word) and word not in known_words()
            and not _inflected(word)):
        return False
    known = opentaal_knows(word)
    return not word.endswith("t") if known is None else not known


# A word right after a masked first name that no Dutch word list knows is its surname, wherever the name stands
# ("jildou brinkhorst heeft tourette", "[NAAM] wassenbergh" in a reply that quoted the caller: a privacy officer and a
# consultant found the surname readable where the first name was masked). Only with OpenTaal's word list (hunspell):
# the lemma table alone lacks too many words ("Lotte verkouden", "Lisa tijdens"); without it, only where someone is
# named (``_Words.name_end``). Never a place of the sociale kaart ("sem laren"), one word per name.
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w'-])")


def surnames_after(text: str, spans: List[Span]) -> List[Span]:
    """The names of ``spans`` (label 'naam', one word: a first name) that run on over the surname after them
    (``_unknown_word``), as new spans; [] without OpenTaal's word list."""
    names = [span for span in spans if span[2] == "naam" and len(_LOWER_WORD.findall(text[span[0]:span[1]])) == 1]
    if not names or not opentaal_available():
        return []
    found: List[Span] = []
    for start, end, _ in names:
        after = _NEXT_WORD.match(text, end)
        if after is None or any(s < after.end(1) and after.start(1) < e for s, e, _ in spans):
            continue
        word = after.group(1).lower()
        if _unknown_word(word) and not is_kaart_place(word):
            found.append((start, after.end(1), "naam"))
    return found


_INFLECTIONS = ("ste", "st", "er", "en", "e", "s", "de", "te", "d")


def _inflected(word: str) -> bool:
    """Whether ``word`` is a known word with an ending the lemma table lacks: 'vaker' (vaak/vak), 'botte'."""
    return any(word.endswith(end) and len(word) - len(end) > 2 and word[:-len(end)] in known_words()
               for end in _INFLECTIONS)


class _Words:
    """The words of a text with their places, for the lower-case name rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found = list(_LOWER_WORD.finditer(text))
        self.lower = [match.group().lower() for match in self.found]

    def gap(self, i: int) -> str:
        """The text between word ``i - 1`` and word ``i``."""
        return self.text[self.found[i - 1].end():self.found[i].start()]

    def starts_sentence(self, i: int) -> bool:
        return i == 0 or bool(_SENTENCE_END.search(self.gap(i)))

    def context(self, i: int) -> Optional[str]:
        """'title' after a form of address, 'cue' after another name context, else None."""
        if i == 0:
            return None
        prev, gap = self.lower[i - 1], self.gap(i)
        if (i >= 3 and tuple(self.lower[i - 3:i]) in _ON_THE_LINE and _AFTER_THE_LINE.fullmatch(gap)
                and self.gap(i - 1).isspace() and self.gap(i - 2).isspace()):
            return "line"  # "vader aan de lijn, mark de vries"
        if not (_JOINED.fullmatch(gap) or (prev in _ABBREVIATIONS and _AFTER_ABBREVIATION.fullmatch(gap))):
            return None
        if prev in _NAMING:
            return "named"  # "hij heet jan van der horst"
        if prev in _LOWER_CUES:
            return "title" if prev in _SURNAME_CUES else "cue"
        if prev in _CALLS and gap.isspace() and not _NUMBER_NEXT.match(self.text, self.found[i].end()):
            return "call"  # "er belt mark de vries": a first name of our own lists; not "belt max twee keer"
        if prev == "met" and all(word in _GREETINGS for word in self.lower[:i - 1]):
            return "cue"  # "hallo, met anouk van het buurtteam"
        if prev in _GREETINGS and self.starts_sentence(i - 1):
            return "cue"  # "hoi lenthe, ik ben jolien"
        if i < 2 or not self.gap(i - 1).isspace():
            return None
        before = self.lower[i - 2]
        if (before, prev) in _NAME_OPENERS:
            return "cue"
        if prev in ("is", "was") and before in _LOWER_CUES:  # "mijn naam is anouk"
            return "title" if before in _SURNAME_CUES else "cue"
        if prev == "van" and before in _LOWER_CUES and before not in _SURNAME_CUES:  # "de moeder van roos"
            return "cue"
        return None

    def surname_end(self, i: int, lists: _NameLists, after_title: bool = False,
                    interfixed: bool = False, after_name: bool = False, strong: bool = False) -> Optional[int]:
        """The index of the last word of a surname of achternamen.txt that starts at word ``i``, else None. Right
        after a form of address (``after_title``, no comma between: "mevrouw, stel dat ...") also one of
        deduce's list; with ``interfixed`` (a first name where a caller is named: "aan de lijn, mark van der horst")
        also a tussenvoegsel and a surname of deduce's list of surnames that take one ('van der horst'; not after
        any first name: "met anouk van de wijk", "sem van de week"; a tussenvoegsel that only a surname takes, 'van
        der', 'ter', with any word). With ``after_name`` (right after a first name) also a word that is no Dutch word
        (``_unknown_word``: 'tjalsma' of "wubbina tjalsma")."""
        if i >= len(self.found):
            return None
        for parts in lists.surnames.get(self.lower[i], ()):
            last = i + len(parts) - 1
            if tuple(self.lower[i:last + 1]) == parts and all(self.gap(k).isspace() for k in range(i + 1, last + 1)):
                return last
        if after_title and self.lower[i] in lists.after_title and self.gap(i).isspace():
            return i
        if after_name and self.gap(i).isspace() and _unknown_word(self.lower[i]):
            return i  # "moeder heet wubbina tjalsma"
        if not interfixed:
            return None
        k = i
        while k < len(self.found) and k < i + 3 and self.lower[k] in _SURNAME_INTERFIXES and self.gap(k).isspace():
            k += 1  # "van der horst", "de vries"
        if not (i < k < len(self.found) and self.gap(k).isspace()):
            return None
        surname = self.lower[k]
        if strong and not _STRONG_INTERFIXES & set(self.lower[i:k]):
            return None  # ``strong``: "met hans van der bosch", not "met anouk van de wijk"
        if surname in lists.after_interfix:
            return k
        # "vader ruud van der pluim": after 'van der', 'van den', 'ter' or 'ten' any word; after 'van', 'de' or 'van
        # de' one that is no Dutch word ("vader ruud van de buren" stays)
        if surname not in _LOWER_NOT_NAMES and surname.isalpha() and len(surname) > 2 and (
                _STRONG_INTERFIXES & set(self.lower[i:k]) or _unknown_word(surname)):
            return k
        return None

    def name_end(self, i: int, lists: _NameLists, listed: bool = False) -> Optional[int]:
        """The index of the last word of a name that starts at word ``i`` (a first name and maybe a surname), else
        None. ``listed``: the word follows a name in a list ("sem en julia"), a name context."""
        word = self.lower[i]
        context = "cue" if listed else self.context(i)
        if word in lists.common and not (i and self.lower[i - 1] in _ARTICLES and self.gap(i).isspace()):
            before_call = self.before_call(i, lists)
            if before_call is not None:  # "ik heb jan de boer aan de lijn", "mark bouwmeester belt"
                return before_call
        # "zo'n appie": a first name of deduce's list (not ours) after an article is a word
        after_article = i > 0 and self.lower[i - 1] in _ARTICLES and word not in lists.common
        if ((word in lists.anywhere and not after_article)
                or (context in ("cue", "title", "line", "named") and word in lists.in_context)
                or (context == "call" and word in lists.common)):
            after = i + 1 < len(self.found) and self.gap(i + 1).isspace()
            # "aan de lijn, mark van der horst", "vader, piet van der horst"; not "hoi, met anouk van de wijk"
            interfixed = context in ("line", "named", "call") or (context == "cue" and self.lower[i - 1] in _LOWER_CUES)
            # a word the lexicon lacks is a surname only where someone is named ("moeder heet wubbina tjalsma"): after
            # any name it is too often a word ("Lotte verkouden", "Lisa tijdens": the lemma table lacks them)
            # ("Met Tygo verder aan die zeepkist": not after the 'met' that opens a call)
            named = context in ("cue", "line", "named", "call") and not listed and self.lower[i - 1] != "met"
            # a caller who says who they are ("u spreekt met ...", "met ...", "aan de lijn ...", "ik ben ..."): a
            # surname after a tussenvoegsel that only a surname takes ("ja met hans van der bosch"), or any word before
            # the call goes on ("met sandra smid uit laren", "aan de lijn roos bloem de moeder van lotte"); a user test
            # of session 25 found both stored readable in dictated openings
            introduced = not listed and (context in ("line", "named", "call") or context == "cue" and (
                self.lower[i - 1] == "met" or i > 1 and (self.lower[i - 2], self.lower[i - 1]) in _NAME_OPENERS))
            if not after:
                return i
            last = self.surname_end(i + 1, lists, interfixed=interfixed or introduced, after_name=named,
                                    strong=introduced and not interfixed)
            if last is None and introduced and self.surname_before_the_call(i + 1):
                last = i + 1
            return last or i
        if context == "title":
            found = self.surname_end(i, lists, after_title=True)
            return i if found is None and self.unlisted_surname(i) else found
        return None

    def surname_before_the_call(self, i: int) -> bool:
        """Whether word ``i``, right after the first name of a caller who says who they are, is their surname: a word
        that is no function word, time word, verb of _CHILD_VERBS or place of the kaart, with after it the end, a word
        with which the call goes on (_CALL_GOES_ON: "met sandra smid uit laren", "met roos bloem ik bel over ...") or
        a person ("roos bloem de moeder van lotte")."""
        word = self.lower[i]
        if not (self.gap(i).isspace() and word.isalpha() and len(word) > 2 and word not in _LOWER_NOT_NAMES
                and word not in _TIME_WORDS and word not in _CHILD_VERBS and word not in _CALLER_SOUNDS
                and not _ROLE_WORD.search(word) and not is_kaart_place(word)):
            return False
        k = i + 1
        if k == len(self.found):
            return not self.text[self.found[i].end():].strip(" ,.")  # "u spreekt met sandra smid."
        if not _JOINED.fullmatch(self.gap(k)):
            return False
        if self.lower[k] in _CALL_GOES_ON:
            return True
        if self.lower[k] in _CALLER_DETERMINERS and k + 1 < len(self.found) and self.gap(k + 1).isspace():
            k += 1
        return self.lower[k] in _CALLER_PEOPLE

    def unlisted_surname(self, i: int) -> bool:
        """Whether word ``i``, right after a form of address ('mevrouw', 'meneer', 'mevr.', 'dhr.', 'mw.', 'juf',
        'meester'), is a surname that no list of names holds: a word no Dutch word list knows (``_unknown_word``, only
        with OpenTaal's word list), not a place of the sociale kaart. "mevrouw brinkhorst" (a user test of session 24
        stored it readable); not "meneer de directeur", "mevrouw zelf", "juf zegt"."""
        word = self.lower[i]
        return (i > 0 and self.context(i) == "title" and not _SOUND.fullmatch(word) and opentaal_available()
                and _unknown_word(word) and not is_kaart_place(word))

    def before_call(self, i: int, lists: _NameLists, callers: int = 0) -> Optional[int]:
        """The index of the last word of the name that starts at word ``i`` when a call follows it: word ``i`` and
        up to three more words (its surname) right before 'aan de lijn' or 'belt' ("jan de boer aan de lijn", "mark
        belt") or before a list of more callers up to the call ("jan en piet aan de lijn", "mark, jan en de oma aan
        de lijn"; ``callers``: how many came before in the list), else None."""
        name_last: Optional[int] = None  # set at the first word of time ("jan gisteren aan de lijn")
        for k in range(i, min(i + 6, len(self.found))):
            word = self.lower[k]
            if k > i and not self.gap(k).isspace():
                return None
            if k > i and word in _TIME_WORDS:
                name_last = k - 1 if name_last is None else name_last
            elif name_last is not None or k >= i + 4 or (
                    k > i and word in _LOWER_NOT_NAMES and word not in _SURNAME_INTERFIXES):
                return None
            if self.call_follows(k) or (name_last is None and self.callers_follow(k, lists, callers)):
                end = k if name_last is None else name_last
                while self.lower[end] in _SURNAME_INTERFIXES:  # "jan de aan de lijn": not 'de'
                    end -= 1
                return end
        return None

    def callers_follow(self, last: int, lists: _NameLists, callers: int) -> bool:
        """Whether more callers follow word ``last`` in a list up to a call: first names of deduce's list (maybe
        with a surname) and people ('de oma', 'zijn moeder', 'vader') after 'en', ',' or '&' ("jan en piet aan de
        lijn", "jan en de oma belden")."""
        if callers >= _MAX_CALLERS:
            return False
        j = self.next_in_list(last)
        if j is None:
            return False
        k = j  # 'de oma', 'zijn moeder': the person after its determiner
        if self.lower[j] in _CALLER_DETERMINERS and j + 1 < len(self.found) and self.gap(j + 1).isspace():
            k = j + 1
        if self.lower[k] in _CALLER_PEOPLE:
            return self.call_follows(k) or self.callers_follow(k, lists, callers + 1)
        return k == j and self.lower[j] in lists.in_context and self.before_call(j, lists, callers + 1) is not None

    def call_follows(self, last: int) -> bool:
        """Whether 'aan de lijn' or 'belt' follows word ``last`` ("jan aan de lijn", "jan belt")."""
        k = last + 1
        if k >= len(self.found) or not self.gap(k).isspace():
            return False
        if self.lower[k] in _CALLS:
            return True
        return (tuple(self.lower[k:k + 3]) in _ON_THE_LINE
                and all(self.gap(j).isspace() for j in range(k + 1, min(k + 3, len(self.found)))))

    def child_name_end(self, i: int, lists: _NameLists) -> Optional[int]:
        """The index of the last word of a child's name that starts at word ``i`` and is followed by a fact about the
        child ("pietje bakker (12) spijbelt", "pietje bakker spijbelt" at the start of a clause, "noah (8)"), else
        None (see _CHILD_VERBS)."""
        if self.lower[i] not in lists.in_context:
            return None
        after = i + 1 < len(self.found) and self.gap(i + 1).isspace()
        last = self.surname_end(i + 1, lists, after_title=True, interfixed=True) if after else None
        if last is None:
            return i if _AGE_IN_BRACKETS.match(self.text, self.found[i].end()) else None
        if _CHILD_AGE.match(self.text, self.found[last].end()):
            return last
        verb = last + 1
        if (verb < len(self.found) and self.gap(verb).isspace() and self.lower[verb] in _CHILD_VERBS
                and (i == 0 or _CLAUSE_START.search(self.gap(i)))):
            return last
        return None

    def next_in_list(self, last: int) -> Optional[int]:
        """The index of the word that follows the name ending at word ``last`` in a list ("en julia"), else None."""
        found = _NEXT_IN_LIST.match(self.text, self.found[last].end())
        if not found:
            return None
        for k in range(last + 1, len(self.found)):
            if self.found[k].start() >= found.end():
                return k if self.found[k].start() == found.end() else None
        return None


# A first name that is also a Dutch word ('mark', 'roos', 'bas', 'max', 'fleur', 'bram') and has no cue before it: a
# user test found "ik snap dat je boos bent mark" stored readable (typed chat and speech-to-text give names in lower
# case). The context decides: a word is a noun only with an article, a possessive, a number or a verb that takes it as
# object ("de roos", "je bas", "ik speel bas", "max snelheid"); a name is addressed or accompanied. So a listed first
# name (our lists, or deduce's when no Dutch word list knows it) is masked where it is
# - the last word of a sentence after a comma ("ik snap het, mark") or after a word that cannot take a bare noun
#   after it (_BEFORE_ADDRESSED: "boos bent mark", "dank je wel roos", "te veel wordt bas", "toch max?");
# - the first word of a sentence followed by a comma or a word that opens what is said to someone (_AFTER_ADDRESSED:
#   "mark, ik snap het", "roos wat vind jij"), not "roos is een bloem";
# - right after 'met', 'en', 'van' or 'tegen' with after it the end of the clause or a function word, a time word, a
#   verb of _CHILD_VERBS or a past participle ("met mark bij de huisarts", "tegen bas gezegd"); not where a noun
#   follows ("met max snelheid") or a number ("van max 10 euro"); after 'en' only with a person or a first name before
#   it ("ik en mark", "jan en roos"; not "gitaar en bas").
_BEFORE_ADDRESSED = frozenset(
    "bent hebt kunt wilt zult wordt werd klopt lukt gaat mag moet weet snapt begrijpt hoor toch wel niet ook nou "
    "maar even echt zo ok oke oké jij jou u mij me ons hem dank bedankt sorry super top prima fijn mooi goed gedaan "
    "joh hoi hallo hey doei dag ja nee".split()
)
_AFTER_ADDRESSED = frozenset(
    "ik jij je u wij we kun kan wil wilt heb hebt ben bent weet wat hoe waarom wanneer waar luister dank bedankt "
    "sorry snap zie hoor".split()
)
# Session 28: also the first word of a sentence before a verb that says what someone does or is ("roos is boos op
# haar vader", "bas speelt de hele dag games"; not "roos is een bloem", "max is 10"), and after 'met', 'van', 'tegen'
# also before any form of a verb ("met max besproken", "met bas afgesproken", "met roos praten"; not "met max snelheid")
_NAME_VERBS = _CHILD_VERBS | frozenset(
    "vindt vond voelt voelde denkt dacht praat praatte vertelt vertelde snapt begrijpt begreep luistert luisterde "
    "reageert reageerde kijkt keek hoort hoorde appt appte schrijft schreef werkt leert leerde ziet zag weet wist "
    "lacht lachte rent rende fietst fietste woonde heeft had zit zat blijft bleef voelt sport sportte".split()
)
_COPULAS = frozenset("is was wordt werd blijft bleef lijkt leek heet".split())
# a participle of a verb with a separable part ('afgesproken', 'meegenomen', 'opgehaald'); the lemma table knows the
# other forms ('besproken', 'verteld')
_SEPARABLE_PARTICIPLE = re.compile(
    r"(?:af|aan|op|uit|mee|door|in|na|om|over|terug|toe|vast|weg|bij|los|voor|samen|thuis|langs|rond|tegen|goed)"
    r"ge[a-zë]{2,}(?:d|t|en)$"
)


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset:
    """The infinitives of the lemma table: lemmas in -en that have a form in -t, -te, -de or ge- ('praten' of
    'praatte', 'spelen' of 'gespeeld'); not 'vermogen' (of 'vermogens')."""
    from bot.lemmas import lemma_table

    return frozenset(lemma for form, lemma in lemma_table().items() if lemma.endswith("en") and form != lemma
                     and (form.startswith("ge") or form.endswith(("t", "te", "de"))))


def _verb_form(word: str) -> bool:
    """Whether ``word`` is a form of a verb: an infinitive, a participle or a finite form ('praten', 'besproken',
    'afgesproken', 'vindt')."""
    if word in NUMBER_WORDS:
        return False  # "van max tien euro"
    if word in _NAME_VERBS or _PARTICIPLE.match(word) or _SEPARABLE_PARTICIPLE.match(word) or word in _verb_lemmas():
        return True
    from bot.lemmas import lemma_table

    lemma = lemma_table().get(word)
    return lemma is not None and lemma != word and lemma in _verb_lemmas()


# what opens a quoted sentence: "welke rol is dit: roos is bang voor haar stiefvader" (the s28 privacy hunt found the
# name readable in the role analysis), "hij zei 'bas speelt ...'"
_QUOTED = re.compile(r"[:\"'“”„‘’]\s*$")


def _starts_sentence_before_verb(words: _Words, i: int) -> bool:
    """Whether word ``i`` opens a sentence (or a quoted one: _QUOTED) with a verb after it that says what someone
    does or is (see above): not before a copula with an article or a number after it ("roos is een bloem", "max is
    10 km")."""
    verb = i + 1
    opens = words.starts_sentence(i) or bool(_QUOTED.search(words.gap(i)))
    if not (opens and verb < len(words.found) and words.gap(verb).isspace() and words.lower[verb] in _NAME_VERBS):
        return False
    if words.lower[verb] in _COPULAS:
        after = verb + 1
        if after < len(words.found) and words.gap(after).isspace() and words.lower[after] in _ARTICLES:
            return False
        if _NUMBER_NEXT.match(words.text, words.found[verb].end()):
            return False
    return True


_COMPANION_WORDS = frozenset({"met", "en", "van", "tegen"})
_PEOPLE_BEFORE_AND = frozenset("ik jij je hij zij ze wij we u mij me jou hem haar".split())
_CLAUSE_END = re.compile(r"\s*(?:[,.!?;:\n]|$)")
_PARTICIPLE = re.compile(r"ge[a-zë]{2,}(?:d|t|en)$")


def _ambiguous_name_in_context(words: _Words, i: int, lists: _NameLists) -> bool:
    """Whether word ``i`` is a first name that is also a word, used as a name (see the comment above)."""
    word = words.lower[i]
    if word not in lists.common and not (word in lists.in_context and word not in known_words()):
        return False
    end = words.found[i].end()
    ends_clause = bool(_CLAUSE_END.match(words.text, end))
    last_in_sentence = i + 1 == len(words.found) or bool(_SENTENCE_END.search(words.gap(i + 1)))
    if i > 0 and last_in_sentence and not words.starts_sentence(i) and ends_clause:
        gap = words.gap(i)
        if "," in gap or (gap.isspace() and words.lower[i - 1] in _BEFORE_ADDRESSED):
            return True
    if words.starts_sentence(i) and i + 1 < len(words.found) and not last_in_sentence:
        gap = words.gap(i + 1)
        if gap.strip() == "," or (gap.isspace() and words.lower[i + 1] in _AFTER_ADDRESSED):
            return True
    if not last_in_sentence and _starts_sentence_before_verb(words, i):
        return True
    if i > 0 and words.lower[i - 1] in _COMPANION_WORDS and words.gap(i).isspace():
        if words.lower[i - 1] == "en" and not (i > 1 and (words.lower[i - 2] in _PEOPLE_BEFORE_AND
                                                          or words.lower[i - 2] in lists.common)):
            return False  # "gitaar en bas": only "ik en mark", "jan en roos"
        if ends_clause:
            return True
        following = words.lower[i + 1] if i + 1 < len(words.found) and words.gap(i + 1).isspace() else None
        return following is not None and (
            following in _FUNCTION_WORDS or following in _TIME_WORDS or _verb_form(following))
    return False


def _lower_case_name_spans(text: str) -> List[Span]:
    words = _Words(text)
    lists = _name_lists()
    starts = _name_starts()
    spans: List[Span] = []
    i = 0
    while i < len(words.found):
        last = words.name_end(i, lists) if words.lower[i] in starts or words.unlisted_surname(i) else None
        if last is None and words.lower[i] in starts:
            last = words.child_name_end(i, lists)
        if last is None and words.lower[i] in starts and _ambiguous_name_in_context(words, i, lists):
            last = i
        if last is None:
            i += 1
            continue
        while True:
            spans.append((words.found[i].start(), words.found[last].end(), "naam"))
            following = words.next_in_list(last)
            listed = words.name_end(following, lists, listed=True) if following is not None else None
            if following is None or listed is None:
                break
            i, last = following, listed
        i = last + 1
    return spans


def name_words(text: str, spans: List[Span], labels: Tuple[str, ...] = ("naam",)) -> frozenset:
    """The lower-cased words of the spans of ``text`` with one of ``labels`` that can be (part of) a name: 'ruud'
    and 'boer' of "Ruud de Boer", 'jozefschool' of "sint jozefschool"; not 'de', 'sint' or 'lyceum'."""
    words = {
        word.lower() for start, end, label in spans if label in labels for word in _LOWER_WORD.findall(text[start:end])
    }
    return frozenset(
        word for word in words if len(word) > 1 and word not in _LOWER_NOT_NAMES and word not in _SCHOOL_KIND_WORDS
    )


def _repeated_names(text: str, spans: List[Span]) -> List[Span]:
    """Every other occurrence of a word masked as a name in ``text``: "de kinderen sem en julia ... en sem zit op"
    (also "sem's"). An occurrence with a capital only of a name that was masked without one ("zoon roos ... Roos
    zegt"): a word with a capital was judged where it stands, so "Vleuten" stays a place where deduce took
    "Vleuten-documenten" for a name."""
    names = name_words(text, spans)
    if not names:
        return []
    typed_lower = {
        word for start, end, label in spans if label == "naam" for word in _LOWER_WORD.findall(text[start:end])
        if word.islower()
    }
    return [(start, end, "naam") for start, end in _occurrences(text, names)
            if not text[start].isupper() or text[start:end].lower() in typed_lower]


def _repeated_schools(text: str, spans: List[Span]) -> List[Span]:
    """Every other occurrence of the name of a school or an organisation in ``text``: "zit op de wereldwijzer ... de
    wereldwijzer belde", "kinderdagverblijf het zonnetje ... bij het zonnetje"."""
    repeated: List[Span] = []
    for label in ("school", "organisatie"):
        names = name_words(text, spans, labels=(label,))
        if names:
            repeated += [(start, end, label) for start, end in _occurrences(text, names)]
    return repeated


def _occurrences(text: str, names: frozenset) -> List[Tuple[int, int]]:
    """Where each of ``names`` (lower-cased words) stands in ``text`` as a whole word, whatever its case."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() keeps the places of nearly every text
        return [(found.start(), found.end()) for found in _LOWER_WORD.finditer(text) if found.group().lower() in names]
    return _places(lowered, names)


def _places(lowered: str, words: frozenset) -> List[Tuple[int, int]]:
    """Where each of ``words`` stands in ``lowered`` as a whole word ("sem's" holds "sem")."""
    found: List[Tuple[int, int]] = []
    for word in words:
        start = lowered.find(word)
        while start != -1:
            end = start + len(word)
            if not (start and lowered[start - 1].isalpha()) and not (end < len(lowered) and lowered[end].isalpha()):
                found.append((start, end))
            start = lowered.find(word, end)
    return found


# Schools typed without capitals: "de sint jozefschool", "regenboogschool", "obs de regenboog", "het amadeus lyceum",
# and a school name that many schools carry after a school word or 'zit op' ("basisschool de regenboog", "zit op
# het kompas"). A kind of school ('basisschool', 'sportschool', 'hoorcollege': _GENERIC_SCHOOLS) is no name.
_LOWER_SCHOOL_WORD = re.compile(  # not in a code such as 'omstander-school-01'
    r"(?<![\w-])(?:(?:[Ss]int|[Ss]t\.?)[\s-])?([a-zà-ÿ][a-zà-ÿ'-]*?)-?(?:school|college|lyceum|gymnasium)(?!-?\w)"
)
_LOWER_SCHOOL_AFTER_NAME = re.compile(
    r"(?<![\w])(?:de|het|'t)\s([^\W\d_][\w'-]*\s(?:college|lyceum|gymnasium))(?![\w])"
)
# words of a school's name that name no school: "de sint jozefschool", "het amadeus lyceum", "obs de regenboog"
_SCHOOL_KIND_WORDS = frozenset(
    "school college lyceum gymnasium sint st basisschool obs cbs pcbs rkbs kbs sbo ikc kindcentrum".split()
)
_NOT_SCHOOL_NAMES = frozenset(
    "nieuwe oude andere ander zelfde hele vorige huidige eerste tweede goede grote kleine eigen beste dichtstbijzijnde "
    "openbare katholieke".split()
)
# after one of these the next word is the school's name: "obs de regenboog", "ikc haarzicht"
_SCHOOL_KINDS = r"(?i:obs|cbs|pcbs|rkbs|kbs|bs|sbo|ikc|kindcentrum)"
_LOWER_KIND_AND_NAME = re.compile(rf"(?<![\w])(?:{_SCHOOL_KINDS})\s((?i:de|het|'t)\s)?([^\W\d_][\w'-]*)")
# names that many Dutch schools carry; without a capital only a school after a school word or 'zit op'
_COMMON_SCHOOL_NAMES = frozenset(
    "regenboog wegwijzer kompas klimop fontein ark schakel springplank zonnebloem vlinder horizon toermalijn "
    "kameleon mozaiek mozaïek palet startblok notenkraker bron pijler triangel windroos zonnewijzer boomgaard "
    "hoeksteen meander piramide tweemaster vuurtoren kubus sterrenwachter vlieger zevensprong".split()
)
_LOWER_SCHOOL_CONTEXT = re.compile(
    r"(?<![\w])(?:basisschool|school|(?:zit|zat|zitten|zaten)(?:\s(?:nu|al|nog|ook|toen|daar))?\sop"
    r"|(?:gaat|ging|gaan|gingen)(?:\s(?:nu|al|nog|ook|toen|straks|daar))?\snaar)\s(?:de|het|'t)\s([a-zà-ÿ]+)(?![\w])"
)


# The name of a school without a school word, typed without capitals (a user test: "zit op de wereldwijzer", "de juf
# van de wereldwijzer" and "op de regenboog" were stored readable). A name is a word that is no Dutch word Rustpunt
# knows (``bot.language.known_words``; nor a place, activity or service of _NOT_SCHOOL_PLACES) or a name that many
# schools carry (_COMMON_SCHOOL_NAMES, also words: 'regenboog', 'kompas'). It counts as a school:
# - after 'zit op de', 'basisschool (de)' and after someone of a school ('de juf van de wereldwijzer', 'ib'er van het
#   kompas'): always;
# - after 'gaat naar de' ('naar de kapper', 'naar de efteling'): only when the text speaks of school (see below);
# - a name of _COMMON_SCHOOL_NAMES after 'op', 'van', 'bij' or 'naar' with an article ('op de regenboog'): only when
#   the text speaks of school (_SCHOOL_TALK: 'groep 7', 'de juf', 'spijbelt', 'klas' ...); without it 'op de regenboog'
#   stays readable, since it may as well be the rainbow (a choice: the text decides). Not any unknown word there:
#   the lemma table lacks many compounds ('op het schoolplein', 'van de doorstroomtoets', 'bij de sporthal').
# A known word is never a school here ("zit op de bank", "zit op voetbal", "de juf van de klas"), unless it is in
# _COMMON_SCHOOL_NAMES. A name masked once is masked wherever the text repeats it (``_repeated_schools``).
_LOWER_SCHOOL_CUE = re.compile(
    r"(?<![\w'])(?:(?P<sits>(?:zit|zat|zitten|zaten)(?:\s(?:nu|al|nog|ook|toen|daar))?\sop\s(?:de|het|'t))"
    r"|(?P<staff>(?:juf|juffrouw|meester|leerkracht|mentor|directeur|directrice|ib'?er|ibber|leerlingen|leerling)"
    r"\s(?:van|op|bij)\s(?:de|het|'t))"
    r"|(?P<school>basisschool(?:\s(?:de|het|'t))?)"
    r"|(?P<goes>(?:gaat|ging|gaan|gingen)(?:\s(?:nu|al|nog|ook|toen|straks|daar))?\snaar\s(?:de|het|'t))"
    r"|(?P<weak>(?:op|van|bij|naar)\s(?:de|het|'t)))"
    r"\s(?P<name>[a-zà-ÿ][a-zà-ÿ'-]+)(?![\w])"
)
_SCHOOL_TALK = re.compile(
    r"(?<![\w])(?:\w*school\w*|groep\s?\d|klas|klassen|brugklas|juf|juffrouw|meester|leerkracht\w*|ib'?ers?|ibber"
    r"|intern begeleider|leerlingen|leerling|mentor|directeur|directrice|rector|spijbel\w*|verzuim\w*|leerplicht\w*"
    r"|onderwijs|huiswerk|rapport|cito)(?![\w])",
    re.IGNORECASE,
)
# places, activities, services and apps after 'zit op de' or 'naar de' that the lemma table does not know
_NOT_SCHOOL_PLACES = frozenset(
    "hockey judo karate scouting dansles bso tso opvang kinderopvang crisisopvang nachtopvang dagopvang gastouder "
    "peuterspeelzaal playstation xbox switch ipad kermis huisarts efteling dierentuin action logopedie logopedist "
    "fysio ggz jeugdarts poli dagbesteding zorgboerderij pleeggezin gezinshuis jeugdinstelling leefgroep groep "
    "internet gym sportclub voetbalclub turnclub zwemclub sportschool middelbare mavo praktijkschool onderbouw "
    "bovenbouw brugklas klas wc wachtlijst jeugdgevangenis jji behandelgroep psych psychiater kinderpsychiater "
    "spoed spoedeisende eerstehulp seh ehbo kinderboerderij speeltuin mall camping jeugdhonk buurthuis stoep "
    "ijsbaan skatebaan pleintje tiktok snapchat insta whatsapp youtube telefoon mobiel laptop bank".split()
)


def _lower_case_school_names(text: str) -> List[Span]:
    """The names of schools without a school word in ``text`` (see the comment above)."""
    spans: List[Span] = []
    talk: Optional[bool] = None
    for match in _LOWER_SCHOOL_CUE.finditer(text):
        name = match.group("name")
        if (len(name) < 3 or name in _LOWER_NOT_NAMES or name in _NOT_SCHOOLS or name in _NOT_SCHOOL_PLACES
                or name in _NOT_SCHOOL_NAMES or name in _SCHOOL_KIND_WORDS or name in _GENERIC_SCHOOLS):
            continue
        if name not in _COMMON_SCHOOL_NAMES and (match.group("weak") or name in known_words()):
            continue
        if match.group("weak") or match.group("goes"):
            talk = bool(_SCHOOL_TALK.search(text)) if talk is None else talk
            if not talk:
                continue
        spans.append((match.start("name"), match.end("name"), "school"))
    return spans


def _lower_case_school_spans(text: str) -> List[Span]:
    spans: List[Span] = []
    if any(word in text for word in ("school", "college", "lyceum", "gymnasium")):  # most texts have none
        for match in _LOWER_SCHOOL_WORD.finditer(text):
            if match.group(1).strip("-") not in _GENERIC_SCHOOLS and len(match.group(1)) > 1:
                spans.append((match.start(), match.end(), "school"))
        for match in _LOWER_SCHOOL_AFTER_NAME.finditer(text):
            if match.group(1).split()[0].lower() not in _NOT_SCHOOL_NAMES | _LOWER_NOT_NAMES:
                spans.append((match.start(1), match.end(1), "school"))
    for match in _LOWER_KIND_AND_NAME.finditer(text):
        if match.group(2).lower() not in _LOWER_NOT_NAMES:
            spans.append((match.start(1) if match.group(1) else match.start(2), match.end(2), "school"))
    for match in _LOWER_SCHOOL_CONTEXT.finditer(text):
        if match.group(1) in _COMMON_SCHOOL_NAMES:
            spans.append((match.start(1), match.end(1), "school"))
    return spans + _lower_case_school_names(text)


# The name of an organisation that a family goes to makes it findable like a school's name (a privacy officer found
# "kinderdagverblijf het zonnetje" in the intake summary and the tracker's write-ahead log, and "huisartsenpraktijk de
# linde"): the name after a word for childcare, a GP's practice, a club or a house of worship, as [ORGANISATIE]. The
# name is the next word (two with capitals: "BSO De Boze Wolf"), after 'de', 'het' or 't' or straight after the word:
# - with a capital: always ("Kinderdagverblijf Het Zonnetje", "kdv Kiekeboe");
# - without one, after an article: unless the word for the organisation itself has an article or a possessive before
#   it ("in de praktijk de kinderen zien", "bij de opvang de hele dag": then only a name that is no Dutch word);
# - without one and without an article: only a name that no Dutch word list knows ("kdv kiekeboe"; not "opvang
#   geregeld", "kerk gisteren");
# - never a word that says when, how much or which ("de opvang de hele dag", "de kerk het meest") and never a service
#   or organisation of the sociale kaart ("Praktijk ZigZag", "Hockeyclub Fletiomare": public services).
# A name masked once is masked wherever the text repeats it (``_repeated_schools``) and in every later message of the
# conversation (``bot.privacy.masking.names_of``).
_ORGANISATION_WORDS = (
    "kinderdagverblijf|kinderdagverblijven|kdv|bso|tso|peuterspeelzaal|psz|peuteropvang|kinderopvang|opvang|"
    "gastouderbureau|huisartsenpraktijk|huisartspraktijk|huisartsenpost|praktijk|tandartspraktijk|therapiepraktijk|"
    "sportclub|voetbalclub|hockeyclub|tennisclub|korfbalclub|handbalclub|zwemclub|turnclub|judoclub|dansschool|"
    "sportvereniging|voetbalvereniging|zwemvereniging|turnvereniging|vereniging|scouting|scoutinggroep|"
    "kerk|kerkgemeente|parochie|moskee|synagoge|gebedshuis|koranschool"
)
_ORGANISATION = re.compile(
    rf"(?<![\w-])(?P<kind>(?i:{_ORGANISATION_WORDS}))\s+(?P<article>(?i:de|het|'t)\s+)?"
    r"(?P<name>[^\W\d_][\w'-]*(?:\s[A-ZÀ-Ý][\w'-]*)?)"
)
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w])(?i:de|het|'t|een|die|deze|dat|dit|zijn|haar|hun|mijn|onze|ons|jullie|uw)\s+$"
)
# words after 'de opvang de' or 'kerk het' that are no name: when, how much, which
_NOT_ORGANISATION_NAMES = frozenset(
    "hele heel laatste volgende vorige eerste tweede derde komende afgelopen meeste meest liefst liefste beste ergste "
    "grootste kleinste andere ander zelfde enige ene gewone eigen dag dagen week weken ochtend middag avond tijd keer "
    "rest helft kinderen kind ouders moeder vader".split()
)


def _organisation_spans(text: str) -> List[Span]:
    """The names of organisations a family goes to (see the comment above)."""
    spans: List[Span] = []
    for match in _ORGANISATION.finditer(text):
        name = match.group("name")
        words = name.split()
        first = words[0].lower()
        if (len(first) < 3 or first in _LOWER_NOT_NAMES or first in _NOT_ORGANISATION_NAMES or first in _TIME_WORDS
                or first in _NOT_SCHOOL_NAMES or first in _SCHOOL_KIND_WORDS or first in _CHILD_VERBS
                or first in NUMBER_WORDS):
            continue
        if not name[0].isupper():
            words = words[:1]
            known = opentaal_knows(first)
            unknown = (not known) if known is not None else first not in known_words() and not _inflected(first)
            if not unknown and (not match.group("article") or _DETERMINER_BEFORE.search(text, 0, match.start())):
                continue
        if (any(word.lower() in _from_the_kaart(_service_words_from) for word in words)
                or is_kaart_place(" ".join(words), typos=True) or is_kaart_place(words[0], typos=True)):
            continue  # "Praktijk ZigZag": a public service of the kaart; "huisartsenpraktijk Naarden": a place
        start = match.start("name")
        spans.append((start, start + len(" ".join(words)), "organisatie"))
    return spans


_ENDS_IN_SCHOOL = re.compile(r"(?i:school|college|lyceum|gymnasium)$")


def _names_before(text: str, spans: List[Span], label: str, relabel_school: bool = False) -> List[Span]:
    """A name that runs into a span of ``label`` keeps only its part before it, and is dropped when only tussenvoegsels
    are left; one that lies inside it is dropped.
    - "school" (``relabel_school``): "juf Marieke Bos van de Regenboogschool" is "juf [NAAM] van de [SCHOOL]"; one
      that lies inside the school is the school (fifth user test: "de juf van de Regenboogschool" read "[NAAM]";
      deduce's name "Amadeus Lyceum"). A "name" that ends in a school word is a school: "leerling van de Gooise
      Praktijkschool".
    - "adres": deduce takes "op de Brink" of "Ik woon op de Brink 5" for the surname 'Op de Brink', which merged with
      the address into "Ik woon [ADRES]"; it is "Ik woon op de [ADRES]"."""
    others = [(start, end) for start, end, kind in spans if kind == label]
    if not others and not relabel_school:
        return spans
    kept: List[Span] = []
    for start, end, kind in spans:
        if kind == "naam":
            for other_start, other_end in others:
                if other_start < end and start < other_end:
                    end = _trim_interfix(text, start, other_start) if start < other_start else start
            if end <= start or not text[start:end].strip():
                continue
            if relabel_school and _ENDS_IN_SCHOOL.search(text, start, end):
                kind = "school"
        kept.append((start, end, kind))
    return kept


# --------------------------------------------------------------------------- merge

_PRIORITY = {
    "email": 0, "iban": 0, "bsn": 1, "telefoon": 2, "kenteken": 3, "postcode": 3, "datum": 4, "adres": 5, "naam": 6,
    "school": 7, "organisatie": 8,
}


# The house number after a street found without one, by any rule or by deduce: said as a word ("de Kerkstraat twaalf",
# "de Lindelaan zeven a"; dictated), or after 'nummer' or 'huisnummer' ("de Prinsengracht huisnummer 12 bis"). A
# session 27 test stored "[ADRES] zeven a" and "[ADRES] nummer twaalf". Never 'een' ("de Kerkstraat een eind verder")
# nor a count ("op de Kerkstraat twee keer", _COUNT_AFTER).
_NUMBER_AFTER_STREET = re.compile(
    r"\s+(?P<named>(?i:huisnummer|nummer|nr\.?|no\.)\s*)?(?P<number>[1-9]\d{0,3}|[^\W\d_]{3,})"
    r"(?:[a-z](?![\w])|\s(?:bis|hs|[a-d])(?![\w])|-\d{1,3})?(?![\w]|[:.,/-]\d)"
)


# A house number said in more than one word ("de Lindelaan honderd drie", "nummer honderd twintig b", "de Dorpsweg
# tweehonderd vijftien", "honderd en drie"; a late session 27 check stored "[ADRES] twintig b" and "[ADRES] vijftien"):
# after a word ending in 'honderd' or 'duizend' up to two more number words below it, maybe after 'en', then the letter
# or addition. The longest reading that no count follows wins: "de Lindelaan honderd drie jaar" keeps "drie jaar".
_MORE_NUMBER_WORDS = re.compile(r"\s+(?:en\s+)?(?P<word>[^\W\d_]{3,})(?![\w])")
_ADDITION_AFTER_SAID = re.compile(r"\s(?:bis|hs|[a-d])(?![\w]|[:.,/-]\d)")


def _said_number_end(text: str, end: int, word: str, after: int) -> int:
    """Where a house number said in words whose first word ``word`` ends at ``end`` ends (see the comment above);
    ``after`` is where the address ends when no longer reading fits (the one word and its addition)."""
    ends: List[int] = []
    for _ in range(2):
        simple = simplify(word)
        limit = 100 if simple.endswith("honderd") else 1000 if simple.endswith("duizend") else 0
        found = _MORE_NUMBER_WORDS.match(text, end)
        if not limit or found is None:
            break
        word = found.group("word")
        value = spoken_number(word)
        if value is None or not 0 < value < limit or (
                simplify(word) == "een" and re.match(r"\s*[^\W\d_]", text[found.end():])):  # "honderd een eind"
            break
        end = found.end()
        ends.append(end)
    for number_end in reversed(ends):
        if not _COUNT_AFTER.match(text, number_end):
            addition = _ADDITION_AFTER_SAID.match(text, number_end)
            return addition.end() if addition else number_end
    return after


def _with_house_numbers(text: str, spans: List[Span]) -> List[Span]:
    """``spans`` with every address that ends in its street word taking the house number after it (see above)."""
    widened: List[Span] = []
    for start, end, label in spans:
        last_word = text[start:end].split()[-1] if text[start:end].split() else ""
        new_end = end
        if label == "adres" and last_word.isalpha() and simplify(last_word) != "een" and spoken_number(last_word):
            # the rule took the first word of a house number said in more words: "de lindelaan honderd drie"
            new_end = _said_number_end(text, end, last_word, end)
        elif label == "adres" and not last_word[-1:].isdigit() and not spoken_number(last_word):
            found = _NUMBER_AFTER_STREET.match(text, end)
            if found is not None and not _COUNT_AFTER.match(text, found.end("number")):
                number = found.group("number")
                if number.isdigit() and found.group("named"):
                    new_end = found.end()
                elif not number.isdigit() and simplify(number) != "een" and spoken_number(number):
                    new_end = _said_number_end(text, found.end("number"), number, found.end())
        if not any(end < other < new_end for other, _, _ in spans):  # "... vijf [POSTCODE]"
            end = new_end
        widened.append((start, end, label))
    return widened


def merge_spans(spans: List[Span]) -> List[Span]:
    """Overlapping spans become one; the label of the most specific kind wins."""
    merged: List[Span] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            prev_start, prev_end, prev_label = merged[-1]
            best = min((prev_label, label), key=lambda name: _PRIORITY[name])
            merged[-1] = (prev_start, max(prev_end, end), best)
        else:
            merged.append((start, end, label))
    return merged


def mask(text: Optional[str], use_deduce: bool = True, keep: Tuple[str, ...] = ()) -> Masked:
    """Replace personal details in ``text`` by labels like [NAAM] and [TELEFOON]; ``keep`` lists labels
    to leave alone (for example ``("datum",)`` for the date of a call-back)."""
    text = (text or "")[:MAX_TEXT]
    if not text.strip():
        return Masked(text=text.strip())
    spans = _rule_spans(text)
    backend = "regels"
    model = deduce_model() if use_deduce else None
    if model is not None:
        spans += _deduce_spans(model, text)
        backend = "deduce+regels"
    spans = [span for span in spans if span[2] != "naam" or not is_kaart_place(text[span[0]:span[1]])]
    spans = _names_before(text, _names_before(text, spans, "school", relabel_school=True), "adres")
    spans += surnames_after(text, spans)
    spans = _names_before(text, spans + _repeated_names(text, spans) + _repeated_schools(text, spans), "school",
                          relabel_school=True)
    spans = [span for span in merge_spans(_with_house_numbers(text, spans)) if span[2] not in keep]
    counts = Counter(label for _, _, label in spans)
    return Masked(text=replace_spans(text, spans), counts=dict(counts), spans=spans, backend=backend)


def replace_spans(text: str, spans: List[Span]) -> str:
    """``text`` with every span (merged, in order: ``merge_spans``) replaced by its label."""
    pieces, last = [], 0
    for start, end, label in spans:
        pieces += [text[last:start], LABELS[label]]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


_LABEL_TEXT = re.compile("|".join(re.escape(label) for label in LABELS.values()))


def outside_labels(text: str, index: int) -> int:
    """``index`` moved back to the start of the label ('[NAAM]') of ``text`` it falls inside, else unchanged: a cut
    there never splits a label (a user test read "In de woorden van de beller: \"NAAM], ze belt ...")."""
    for found in _LABEL_TEXT.finditer(text):
        if found.start() < index < found.end():
            return found.start()
    return index


def shorten(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` (masked) in at most ``limit`` characters: cut at the last space before it, so no word and no label
    ('[TELEFOON]') is split, with ``ellipsis`` after the cut."""
    if len(text) <= limit:
        return text
    room = max(1, limit - len(ellipsis))
    cut = text.rfind(" ", 0, room + 1)
    if cut <= 0:  # one long word: cut inside it, but never inside a label
        cut = outside_labels(text, room)
    return text[:cut].rstrip(" ,;:") + ellipsis


def describe(counts: Dict[str, int]) -> str:
    """A Dutch note for the consultant about what was masked ('' when nothing was)."""
    parts = [counted(counts[label], *_NOUNS[label]) for label in LABELS if counts.get(label)]
    if not parts:
        return ""
    return f"Ik heb {join_list(parts)} afgeschermd voordat ik iets heb opgeslagen."
