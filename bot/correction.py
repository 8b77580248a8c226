"""A correction of a fact the professional typed before: "nee wacht, ze is 13 niet 15", "niet huizen maar laren",
"sorry, ik bedoel 13".

A user test of session 22 (a Vraagbaak consultant typing fragments during a call) typed "nee wacht, ze is 13 niet 15"
after a kaart search and during the intake: the menu answered "Daar kan ik je helaas niet mee helpen", and the intake
stored it as the answer to the question whether anyone is in danger (its "nee" read as a no). A correction names the
new value and mostly the old one; it corrects an age (a number) or a place (of the kaart). The kaart searches its
previous question again with it (``bot.kaart.dialog.vorige_vraag_opnieuw``), the intake replaces the fact in what the
caller told (``bot.intake.session``), and the command guard keeps the model from reading it as out of scope
(``bot.rasa_runtime.command_guard``).

Read here (``simplify``'d text, the whole message):
- the new value and the old one: "ze is 13 niet 15", "13, niet 15", "13 jaar en niet 15", "niet 15 maar 13",
  "geen 15 maar 13", "13 in plaats van 15", "13 ipv 15", "ze wonen in laren, niet in huizen";
- only the new value after a word that corrects ("sorry, ze is 13", "correctie: 13 jaar", "ik bedoel laren", "oeps,
  in blaricum", "nee ik bedoel zoon 14"), also after the slip it corrects ("vader 14 jaar? nee ik bedoel zoon 14"):
  a bare "nee, ze is 13" is an answer, not a correction.

``restated`` reads more: after a kaart search a short message that only states the age or the place of the same
child or family ("nee ze is 12", "ze is 14", "14 jaar", "het gezin woont in laren") says the same as a correction
(a second-round user test of session 22 got "Daar kan ik je helaas niet mee helpen" for each). In the intake such a
message is the caller's answer, so the intake reads only ``correction``. This module is the one place for both: the
kaart's form and the menu's fallback (``bot.kaart.dialog.vorige_vraag_opnieuw``) and the command guard read
``restated``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.text import simplify

AGE = "leeftijd"
PLACE = "plaats"
MAX_AGE = 27  # the kaart's ages run to 27

_CUE = (r"(?:wacht(?: even| eens)?|sorry|excuus|oeps|oei|pardon|correctie|verbetering|foutje|typfout|tikfout|"
        r"verkeerd getypt|fout getypt|ik bedoel|ik bedoelde|bedoel|ik zei|ik typte|ik had)")
_FILLER = r"(?:nee|neen|o|oh|ah|eh|uh|hm|oke|ok|ja|dus|even|toch|nou)"
_LEAD = rf"(?:(?:{_FILLER}|{_CUE})\W+)*"
# who or what the value is of: "ze is", "hij wordt", "het meisje is", "ze wonen in", "het gezin woont in"
_SUBJECT = (r"(?:(?:ze|zij|hij|die|het kind|het meisje|de jongen|de dochter|de zoon|zoon|dochter|het gezin|de "
            r"familie|moeder|vader|de moeder|de vader|ouders|de ouders)\s+(?:is|wordt|was|woont|wonen|zit|zitten)"
            # "ze wonen eigenlijk in almere" (a user test of session 24 got 'Sorry' after the kaart's results)
            r"(?:\s+(?:eigenlijk|toch|trouwens|gewoon|dus|wel|nu|nou))*(?:\s+(?:in|uit|bij))?\s+"
            # the child named again: "zoon 14", "de dochter van 12", "het is een jongen van 12"
            r"|(?:het is\s+)?(?:een\s+|de\s+|het\s+|mijn\s+)?(?:kind|kindje|meisje|jongen|dochter|dochtertje|zoon|"
            r"zoontje|leerling|puber)\s+(?:van\s+|is\s+|wordt\s+)?(?=\d))")
_VALUE = (r"(?:in\s+|uit\s+)?(?P<{name}>\d{{1,2}}|[a-z][\w'-]*"
          r"(?:[\s-](?!(?:maar|niet|geen|en|dus|ipv|in|uit|jaar|jr)\b)[a-z][\w'-]*)?)(?:\s+(?:jaar|jr)(?:\s+oud)?)?")
# the caller's words reported: "o wacht ze zegt hij is 15 niet 16" (a user test of session 23: added to the kern)
_SAYS = (r"(?:(?:ze|zij|hij|moeder|vader|mama|papa|oma|opa|mevrouw|meneer|de beller|beller)\s+(?:zegt|zei)"
         r"(?:\s+(?:nu|net|nou))?\W+)?")
_NEW = _VALUE.format(name="new")
_OLD = _VALUE.format(name="old")
_NOT = r"(?:\W+(?:en|dus|maar)\s+|\W+)(?:niet|geen)\s+(?:meer\s+)?"
_INSTEAD = r"\W+(?:in plaats van|ipv|i p v|i\.p\.v\.?|inplaats van)\s+"
_PATTERNS = (
    re.compile(rf"^\W*{_LEAD}{_SAYS}{_SUBJECT}?{_NEW}(?:{_NOT}|{_INSTEAD}){_OLD}\W*$"),  # "ze is 13 niet 15"
    re.compile(rf"^\W*{_LEAD}(?:niet|geen)\s+{_OLD}\W+(?:maar\s+)?{_SUBJECT}?{_NEW}\W*$"),  # "niet 15 maar 13"
)
_NEW_ONLY = re.compile(rf"^\W*{_LEAD}(?:{_CUE})\W+{_LEAD}{_SAYS}{_SUBJECT}?{_NEW}\W*$")  # "sorry, ze is 13"
# the slip before the words that correct it: "vader 14 jaar? nee ik bedoel zoon 14" (only a person and an age)
_MEANT = re.compile(r"\b(?:(?:nee|sorry|oeps)\W+)?(?:ik\s+)?(?:bedoel|bedoelde|bedoelt)\b")
_SLIP_WORDS = frozenset("vader moeder ouder ouders papa mama zoon dochter kind meisje jongen de het een van is was "
                        "jaar oud".split())
# only the new value, stated of the same child or family ("ze is 14", "nee ze is 12", "14 jaar", "ze wonen in laren",
# "nee, in laren"): an age with who it is of or 'jaar', a place with who lives there or 'in'
# (also with how time moved on: "hij is 18 inmiddels", "ze is nu 17", "hij is intussen 18 geworden": a user test got
# "Waar gaat het vooral om ...?")
_SINCE = r"(?:inmiddels|intussen|ondertussen|nu|al|sinds\s+kort)"
_STATED_AGE = re.compile(rf"^\W*{_LEAD}(?:{_SUBJECT}(?:{_SINCE}\s+)?(?P<a>\d{{1,2}})(?:\s+(?:jaar|jr)(?:\s+oud)?)?"
                         rf"|(?P<b>\d{{1,2}})\s+(?:jaar|jr)(?:\s+oud)?)(?:\s+{_SINCE})?(?:\s+geworden)?\W*$")
# a child named first ("zoon 15", "kind van 8 jaar"): the start of a question of its own
# (``bot.kaart.query.only_a_child``)
_A_CHILD_FIRST = re.compile(rf"^\W*{_LEAD}(?:een\s+|de\s+|het\s+|mijn\s+)?(?:kind|kindje|meisje|jongen|dochter|"
                            r"dochtertje|zoon|zoontje|leerling|puber)\b")
_STATED_PLACE = re.compile(rf"^\W*{_LEAD}(?:{_SUBJECT}|in\s+|uit\s+)(?:in\s+|uit\s+)?(?P<new>[a-z][\w'-]*"
                           r"(?:[\s-](?!(?:maar|niet|geen|en|dus|ipv|in|uit)\b)[a-z][\w'-]*)?)\W*$")


@dataclass(frozen=True)
class Correction:
    kind: str  # AGE or PLACE
    new: str  # as written (an age as its digits, a place as typed, lowercase)
    old: Optional[str] = None  # the value it replaces, when the message names it

    @property
    def age(self) -> Optional[int]:
        return int(self.new) if self.kind == AGE else None


def _kind(value: str) -> Optional[str]:
    if value.isdigit():
        return AGE if int(value) <= MAX_AGE else None
    from bot.kaart.query import parse_vraag, resolve_gemeente  # lazy: the kaart reads its knowledge

    # a place the kaart knows lies outside its region counts too ("ze wonen eigenlijk in almere": the search then says
    # so, with what is national)
    return PLACE if resolve_gemeente(value) or parse_vraag(f"in {value}").buiten_regio else None


def correction(text: Optional[str]) -> Optional[Correction]:
    """The correction ``text`` makes (see the module doc), or None when it is none."""
    plain = " ".join(simplify(text or "").split())
    if not plain or len(plain.split()) > 14:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(plain)
        if match:
            new, old = match.group("new"), match.group("old")
            kind = _kind(new)
            if kind is not None and kind == _kind(old) and new != old:
                return Correction(kind, new, old)
    match = _NEW_ONLY.match(plain)
    if match:
        kind = _kind(match.group("new"))
        if kind is not None:
            return Correction(kind, match.group("new"))
    meant = list(_MEANT.finditer(plain))
    if meant and meant[-1].start() > 0:  # "vader 14 jaar? nee ik bedoel zoon 14": the words from the last cue on
        slip = [word for word in re.findall(r"[a-z']+", plain[:meant[-1].start()])]
        if slip and set(slip) <= _SLIP_WORDS:
            fix = correction(plain[meant[-1].start():])
            old = re.findall(r"\b\d{1,2}\b", plain[:meant[-1].start()])
            if fix is not None and fix.kind == AGE:
                return Correction(AGE, fix.new, old[-1] if len(old) == 1 and old[0] != fix.new else None)
    return None


def restated(text: Optional[str]) -> Optional[Correction]:
    """A correction (``correction``), or a short message that only states the age or the place of the same child or
    family ("ze is 14", "nee ze is 12", "14 jaar", "het gezin woont in laren", "nee, in laren"): after a kaart search
    it is searched again with it (see the module doc). None for any other message."""
    fix = correction(text)
    if fix is not None:
        return fix
    plain = " ".join(simplify(text or "").split())
    if not plain or len(plain.split()) > 10:
        return None
    match = _STATED_AGE.match(plain)
    # said of the child ("ze is 14", "het is een jongen van 12") or 'jaar': a child and a number alone ("zoon 15")
    # starts a question of its own
    if match and re.search(r"\b(?:is|wordt|was|jaar|jr)\b", plain) and not _A_CHILD_FIRST.match(plain):
        age = match.group("a") or match.group("b")
        return Correction(AGE, age) if _kind(age) == AGE else None
    match = _STATED_PLACE.match(plain)
    if match and _kind(match.group("new")) == PLACE:
        return Correction(PLACE, match.group("new"))
    return None


SCHOOL_YEAR = "schooljaar"
# A correction of the school year: "sorry correctie: ze zit in 3 havo, niet 4", "niet groep 8 maar groep 7", "3 havo
# ipv 4 havo" (a user test of session 23 saved it as the answer to the question about how big the problem is). Read
# by the intake only (the kaart searches by age and place): the old year with the level or 'groep'/'klas' of the new
# one ("4" -> "4 havo") is replaced by the new one in what the caller told.
_LEVEL = r"(?:havo|vwo|vmbo|mavo|atheneum|gymnasium|gym|kader|basis|vmbo-t|vmbo-k|vmbo-b|tl|gl|bb|kb)"
_YEAR = r"(?:(?P<{n}pre>groep|klas)\s+)?(?P<{n}num>\d)(?:e|de)?(?:\s+(?P<{n}lvl>" + _LEVEL + r"))?"
_IN = r"(?:(?:ze|zij|hij|het kind|het meisje|de jongen|zoon|dochter)\s+(?:zit|zat)\s+(?:nu\s+)?in\s+(?:de\s+)?)?"
_SCHOOL_YEAR = (
    re.compile(rf"^\W*{_LEAD}{_SAYS}{_IN}{_YEAR.format(n='new')}(?:{_NOT}|{_INSTEAD})(?:in\s+)?"
               rf"{_YEAR.format(n='old')}\W*$"),
    re.compile(rf"^\W*{_LEAD}(?:niet|geen)\s+(?:in\s+)?{_YEAR.format(n='old')}\W+(?:maar\s+)?{_SAYS}{_IN}"
               rf"{_YEAR.format(n='new')}\W*$"),
)


def school_year_correction(text: Optional[str]) -> Optional[Correction]:
    """A correction of the school year ("ze zit in 3 havo, niet 4"), or None: new and old as written, each with the
    'groep'/'klas' and the level the other names; a pair of bare numbers is no school year (an age, ``correction``)."""
    plain = " ".join(simplify(text or "").split())
    if not plain or len(plain.split()) > 14:
        return None
    for pattern in _SCHOOL_YEAR:
        match = pattern.match(plain)
        if not match:
            continue
        parts = match.groupdict()
        pre = parts["newpre"] or parts["oldpre"]
        level = parts["newlvl"] or parts["oldlvl"]
        if not (pre or level) or parts["newnum"] == parts["oldnum"]:
            continue

        new = " ".join(part for part in (parts["newpre"] or pre, parts["newnum"], parts["newlvl"] or level) if part)
        old = " ".join(part for part in (parts["oldpre"] or pre, parts["oldnum"], parts["oldlvl"] or level) if part)
        return Correction(SCHOOL_YEAR, new, old)
    return None
