"""Plain-Python logic behind the kaart conversation (the Rasa actions only call this).

A question is read from the text *and* from Rasa entities (gemeente, leeftijd, thema): the search's own reading of
the place and the age comes first (it knows whose place a place is, and that a phone number is no age), a theme
entity that resolves to a known theme wins over the parser's, and entities fill what the text parser missed; a
theme entity the question denies ("geen sprake van geweld") does not count.
One follow-up question is asked when the place or the problem is missing; an answer that only changes the age ("en als
hij 17 is") sets the age and the question is asked again.
After the results, a short message that only names a place ("en in Blaricum?", "in Weesp", "wat als ze in Huizen
wonen?") or an age ("en als hij in 2 vwo zit?") searches the previous question again (``vorige_vraag_opnieuw``), as it
was last searched: a place after an age keeps that age (``onthoud`` remembers what a follow-up changed). A short
follow-up that names some of the place, the problem and the age but no person ("en leerplicht?", "spijbelt, eemnes")
keeps what it does not name from that search (``deel_vervolg``). A follow-up that names only a parent ("en voor de
moeder?", "hulp voor moeder zelf", also "en voor opa en oma?") searches it again for that parent (``ouder_vervolg``); a
message that corrects or only restates the age or the place ("nee wacht, ze is 13 niet 15", "nee ze is 12", "ze wonen
in laren") searches it again with it (``bot.correction.restated``).
"""
from __future__ import annotations

import json
import re
from typing import Dict, Iterable, List, Optional, Tuple

from bot.correction import restated
from bot.kaart.places import DIRECTIONS, genoemde_plaatsen
from bot.kaart.query import (
    Vraag,
    ages_of_several,
    counts_children,
    guard_homonyms,
    parse_vraag,
    resolve_gemeente,
    resolve_plaats,
    resolve_thema,
    sibling_age,
)
from bot.kaart.spoken import without_denials
from bot.kaart.text import STOPWORDS, words
from bot.kaart.vocabulary import DEEL_VAN, LEEFTIJD_MAX
from bot.text import simplify

SLOTS = ("kaart_vraag", "kaart_aanvulling", "kaart_gemeente", "kaart_thema", "kaart_leeftijd")
VORIGE_VRAAG = "kaart_vorige_vraag"  # the last question searched, kept after the search for a follow-up with a place
READ = ("kaart_gemeente", "kaart_thema", "kaart_leeftijd")  # what ``lees`` understands of a message

# The words around a place in a follow-up that asks the same in another place: "en in Blaricum?", "en voor Bussum?",
# "wat als ze in Weesp wonen?", "hoe zit het in Laren?", "zelfde vraag maar dan in Hilversum", "en als ze naar Huizen
# verhuizen?". A message with any other word (a problem, an age, a person: "gezin in Huizen") is a question of its own.
FOLLOW_UP_WORDS = frozenset(
    "en of ook in te bij voor naar uit rond wat als dat hoe zit het de is er zijn dan maar nu daar ze zij hij "
    "wonen woont woonde wonend verhuizen verhuist verhuisd zelfde dezelfde hetzelfde vraag zoek zoeken gemeente "
    "plaats regio stel "
    # asking whether there is something there: "iets in hilversum?", "heb je ook iets in Laren?", "hulp in Huizen?" (a
    # user test of session 22 got "Waar gaat het vooral om?" again)
    "iets ook heb hebben jullie je hulp aanbod daar".split()
)
FOLLOW_UP_MAX_WORDS = 8  # words besides the place: a longer message says more than where


def _entity_values(entities: Iterable[dict], name: str) -> List[str]:
    return [str(e.get("value")) for e in entities or [] if e.get("entity") == name and e.get("value") is not None]


def _not_denied(entities: List[dict], text: str) -> List[dict]:
    """``entities`` without the themes the question says are not there: the recogniser tags "geweld" in "geen sprake
    van geweld" or "schulden" in "zonder schulden" as a theme, but does not read the denial
    (``spoken.without_denials``, as the search does)."""
    if not any(e.get("entity") == "thema" for e in entities):
        return entities
    kept = set(words(without_denials(text)))
    out = []
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        said = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        if entity.get("entity") == "thema" and said and not set(words(said)) <= kept:
            continue
        out.append(entity)
    return out


def lees(text: Optional[str], entities: Iterable[dict] = (), parsed: Optional[Vraag] = None) -> Dict[str, object]:
    """Slots understood from one message: kaart_gemeente (code or an outside place as written),
    kaart_thema (code) and kaart_leeftijd (int); None for what was not found. ``parsed``: ``text`` as ``parse_vraag``
    read it, when the caller has it already."""
    entities = list(entities or [])
    parsed = parsed or parse_vraag(text or "")
    # the search's own reading first: it knows whose place a place is ("ik werk in Hilversum, het gezin woont in
    # Eemnes"); the recogniser's place entity (the first place named) only when the search found none
    gemeente = te_zoeken_plaats(parsed) or parsed.buiten_regio
    gemeente = gemeente or next((c for c in map(resolve_gemeente, _entity_values(entities, "gemeente")) if c), None)
    gemeente = gemeente or parsed.onbekende_plaats
    thema = next((c for c in map(resolve_thema, _entity_values(_not_denied(entities, text or ""), "thema")) if c),
                 None)
    thema = thema or (parsed.themas[0] if parsed.themas else None)
    # the search's own reading of the age first: it reads "groep 7", "3 havo" and "8 maanden" and skips phone and
    # house numbers; the recogniser's age entity (any number: "06-12345678" gave 6) only next to an age word
    leeftijd = parsed.leeftijd
    for entity in entities if leeftijd is None else []:
        digits = "".join(ch for ch in str(entity.get("value") or "") if ch.isdigit())[:2]
        if entity.get("entity") == "leeftijd" and digits and 0 <= int(digits) <= LEEFTIJD_MAX \
                and _next_to_an_age_word(text or "", entity):
            leeftijd = int(digits)
            break
    return {"kaart_gemeente": gemeente, "kaart_thema": thema, "kaart_leeftijd": leeftijd}


_AGE_WORDS = frozenset("jaar jaren jarig jarige jarigen oud van leeftijd zoon dochter kind kinderen meisje jongen "
                       "puber baby peuter kleuter tiener".split())


def _next_to_an_age_word(text: str, entity: dict) -> bool:
    """The entity's number has an age word among the two words before or after it, and is no part of a longer
    number ("06-12345678", "Dorpsstraat 14" has no age word)."""
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    value = str(entity.get("value") or "")
    if value and text[start:end].lower() != value.lower():
        # the recogniser read the message as typed, ``text`` may be without markup or an injection string in front
        # (``without_noise``; session 29: "{{7*7}} ... zoon van 12" failed the turn with an IndexError)
        found = re.search(rf"(?<![\w]){re.escape(value)}(?![\w])", text, re.IGNORECASE)
        if found is not None:
            start, end = found.span()
    if not 0 <= start < end <= len(text):
        return False
    if (start > 0 and (text[start - 1].isdigit() or text[start - 1] == "-")) or (end < len(text) and (
            text[end].isdigit() or text[end] == "-" and end + 1 < len(text) and text[end + 1].isdigit())):
        return False
    if counts_children(text, end) or ages_of_several(text):  # "2 kinderen 6 en 9": a count, and two ages
        return False
    if sibling_age(text, start):  # "1 broertje van 3": the brother's age is not the age of the question
        return False
    around = words(text[:start])[-2:] + words(text[end:])[:2]
    return any(word in _AGE_WORDS for word in around)


def aanvullen(current: Dict[str, object], extra: Dict[str, object]) -> Dict[str, object]:
    """Fill what is still missing from a follow-up answer; never overwrite what is known."""
    return {key: current.get(key) if current.get(key) is not None else extra.get(key) for key in READ}


def ontbreekt(gemeente: Optional[str], thema: Optional[str]) -> Optional[str]:
    """Which follow-up to ask: 'beide', 'gemeente', 'probleem' or None. A place outside the kaart needs no problem:
    the search says the place lies outside it, whatever the problem (a user test of session 22 got "Waar gaat het
    vooral om?" for "iets in hollandsche rading?")."""
    if gemeente is not None and buiten_de_kaart(gemeente):
        return None
    if gemeente is None and thema is None:
        return "beide"
    if gemeente is None:
        return "gemeente"
    if thema is None:
        return "probleem"
    return None


def buiten_de_kaart(gemeente: str) -> bool:
    """``gemeente`` (a slot value of ``lees``) is a place outside the kaart: one the kaart knows lies outside it, or a
    place it does not know (as the search reads it: ``checks.check_plaats``)."""
    found = resolve_plaats(gemeente)
    return found is None or found.code is None


def bijwerken(current: Dict[str, object], extra: Dict[str, object]) -> Dict[str, object]:
    """The slots after an answer to the follow-up question: a place or an age the answer names replaces the one the
    question named (the user moved on or corrected it: "nee, ze is 13", a new question about Muiderberg after one about
    Nederhorst den Berg searched Wijdemeren in a user test of session 22); the problem fills what is missing."""
    filled = aanvullen(current, extra)
    for key in ("kaart_gemeente", "kaart_leeftijd"):
        if extra.get(key) is not None:
            filled[key] = extra[key]
    return filled


def alleen_de_kaart(text: Optional[str], intent: Optional[str] = None) -> bool:
    """The message only names the sociale kaart itself ("sociale kaart", "de sociale kaart graag", the menu's button),
    so it is no answer to the kaart's question what the problem or the place is (a user test saw "sociale kaart"
    searched as the problem: "Tekst noemt 'kaart', 'sociale'")."""
    if intent == "start_kaart":
        return True
    said = words(text or "")
    return bool(said) and not [word for word in words(guard_homonyms(text or "")) if word not in STOPWORDS]


def zoektekst(vraag: Optional[str], aanvulling: Optional[str]) -> str:
    return " ".join(part for part in (vraag, aanvulling) if part).strip()


def plaats_vervolg(text: Optional[str], parsed: Optional[Vraag] = None) -> Optional[str]:
    """The place a short follow-up names when it names nothing else ("en in Blaricum?", "in Weesp", "wat als ze in
    Huizen wonen?", also with its city or a compass point: "en in Utrecht Overvecht?", "en in Hilversum-Noord?"): the
    area code, or a place outside the kaart as written; None for any other message. ``parsed``: ``text`` as
    ``parse_vraag`` read it, when the caller has it already."""
    parsed = parsed or parse_vraag(text or "")
    written = parsed.plaats or parsed.buiten_regio or parsed.onbekende_plaats
    if written is None or parsed.themas or parsed.leeftijd is not None:
        return None
    rest = simplify(parsed.tekst).replace(simplify(written), " ", 1)
    for named in genoemde_plaatsen(rest):  # the city around the wijk ("Utrecht Overvecht") names the same place
        rest = rest.replace(simplify(named), " ", 1)
    rest_words = [word for word in words(rest) if word not in DIRECTIONS]
    if len(rest_words) > FOLLOW_UP_MAX_WORDS or not set(rest_words) <= FOLLOW_UP_WORDS:
        return None
    info = parsed.plaats_info
    if parsed.gemeente and info is not None and info.soort == "kern":
        # a village by its name: the search reads it back as that village, not as the village the previous question
        # named in the same municipality ("en in Muiderberg?" after a question about Bussum searched Bussum again and
        # the reply named only Gooise Meren; session 28)
        return info.naam
    return te_zoeken_plaats(parsed) or parsed.buiten_regio or parsed.onbekende_plaats


def te_zoeken_plaats(parsed: Vraag) -> Optional[str]:
    """The place of the kaart to search for a message: its area code, but for a wijk that shares the code of its city
    (Overvecht, Leidsche Rijn in Utrecht) the wijk's name, which the search reads back as that wijk: there only
    services of the whole city count, not those of another wijk with a code of its own (a user test got services of
    Vleuten-De Meern for Overvecht)."""
    info = parsed.plaats_info
    if parsed.gemeente and info is not None and info.soort == "wijk" and info.code not in DEEL_VAN:
        return info.naam
    return parsed.gemeente


# Words around an age in a follow-up that asks the same for another age: "en als hij in 2 vwo zit?", "en voor een
# kind van 8?", "wat als ze 15 is?" (a user test got 'Sorry'). Any other word makes it a question of its own.
AGE_FOLLOW_UP_WORDS = FOLLOW_UP_WORDS | frozenset(
    "jaar jaren oud jarige jarig groep klas vwo havo vmbo mavo atheneum gymnasium brugklas basisschool middelbare "
    "zit zitten wordt kind kinderen zoon dochter jongen meisje baby maanden een van leeftijd".split())


# An age follow-up says that it asks the same again ("en voor een kind van 8?", "wat als ze 15 is?", "stel dat hij 17
# is"); a child and an age alone ("zoon 15") start a question of their own, which asks for the problem and the place.
AGE_FOLLOW_UP_CUES = frozenset("en als voor wat stel dan maar ook zelfde dezelfde hetzelfde".split())


# "en als hij 17 is?", "wat als ze 15 is?", "en als het kind 8 is": a bare number as the age of the child in question
_BARE_AGE = re.compile(r"^\W*(?:en|maar|wat|oke|ok)?\W*als\s+(?:hij|ze|zij|het kind|het|die)\s+(?:nu\s+)?(\d{1,2})"
                       r"(?:\s+jaar)?\s+(?:is|wordt|was)\W*$")
MAX_FOLLOW_UP_AGE = 27  # the kaart's ages run to 27
# "en voor t broertje van 8?", "en het zusje (6)?", "wat is er voor zijn zus van 12": the same question for a brother or
# sister of that age (a user test got "Waar gaat het vooral om ...?"); the sibling's age is the one searched
_SIBLING_AGE = re.compile(r"^\W*(?:(?:en|maar|ook|wat|is|er|iets)\W+)*(?:voor|met|over|bij)?\s*"
                          r"(?:t|het|de|zijn|haar|z'n|d'r|hun|die|dat)?\s*(?:kleine\s+|jongere\s+|oudere\s+|grote\s+)?"
                          r"(?:broertje|zusje|broer|zus|broers|zussen|zusjes|broertjes)\s*(?:van\s+|\(\s*)?(\d{1,2})"
                          r"(?:\s+(?:jaar|jr))?\s*\)?(?:\s+(?:dan|ook|nog))?\W*$")


def leeftijd_vervolg(text: Optional[str], parsed: Optional[Vraag] = None) -> Optional[int]:
    """The age a short follow-up names when it names nothing else (no place, no problem); else None. ``parsed`` as
    for ``plaats_vervolg``."""
    parsed = parsed or parse_vraag(text or "")
    if parsed.themas or parsed.plaats or parsed.buiten_regio or parsed.onbekende_plaats:
        return None
    sibling = _SIBLING_AGE.match(simplify(text or ""))
    if sibling and int(sibling.group(1)) <= MAX_FOLLOW_UP_AGE:
        return int(sibling.group(1))  # "en voor t broertje van 8?"
    age = parsed.leeftijd
    if age is None:  # "en als hij 17 is?": a bare number, an age only in a follow-up like this one
        bare = _BARE_AGE.match(simplify(text or ""))
        age = int(bare.group(1)) if bare and int(bare.group(1)) <= MAX_FOLLOW_UP_AGE else None
    if age is None:
        return None
    rest = [w for w in words(simplify(parsed.tekst)) if not w.isdigit()]
    if len(rest) > FOLLOW_UP_MAX_WORDS or not set(rest) <= AGE_FOLLOW_UP_WORDS or not set(rest) & AGE_FOLLOW_UP_CUES:
        return None
    return age


# A remembered question that a follow-up searched differently from how ``lees`` reads it carries, after this mark,
# the place, theme and age it was searched with (JSON): "en als ze 17 is?" and then "en in Muiderberg?" searches
# for 17, not again for the age in the question (a user test got the first age back).
SEARCHED_AS = "\n[zoekopdracht] "


def onthoud(vraag: str, slots: Dict[str, object]) -> str:
    """The value of ``VORIGE_VRAAG`` after searching ``vraag`` with ``slots`` (as ``lees`` gives them): the question
    itself when that is how ``lees`` reads it, else the question with what it was searched with."""
    searched = {key: slots.get(key) for key in READ}
    age = searched["kaart_leeftijd"]
    if isinstance(age, (int, float)):
        searched["kaart_leeftijd"] = int(age)  # a float slot: 15.0
    if searched == lees(vraag):
        return vraag
    return vraag + SEARCHED_AS + json.dumps(searched, ensure_ascii=False)


def vorige_zoekopdracht(vorige: str) -> Tuple[str, Dict[str, object]]:
    """(question, slots as ``lees`` gives them) of a remembered question (``onthoud``): the slots it was searched
    with, or, for a question remembered as it was typed (or whose mark does not read back), the question read anew."""
    vraag, mark, searched = vorige.partition(SEARCHED_AS)
    if mark:
        try:
            stored = json.loads(searched)
        except ValueError:
            stored = None
        if isinstance(stored, dict):
            return vraag, {key: stored.get(key) for key in READ}
    return vraag, lees(vraag)


# Words besides the place, the problem and the age in a follow-up that names only some of them ("en leerplicht?",
# "spijbelt, eemnes", "wat als hij ook blowt?", "pesten in Laren"): no person ("zoon 15", "gezin in Blaricum met
# schulden" is a question of its own) and nothing that says whose place it is ("ik werk in Blaricum").
PART_FOLLOW_UP_WORDS = FOLLOW_UP_WORDS | frozenset("ook nog met bij op over jaar oud jarig jarige wordt".split())


def deel_vervolg(text: Optional[str], parsed: Optional[Vraag] = None) -> Optional[Dict[str, object]]:
    """What a short follow-up names of the place, the problem and the age when it names some of them but no person
    and not all three ("en leerplicht?": the problem; "spijbelt, eemnes": the problem and the place), as ``lees``
    gives them (only the keys it names); None for any other message. ``parsed`` as for ``plaats_vervolg``."""
    parsed = parsed or parse_vraag(text or "")
    place = te_zoeken_plaats(parsed) or parsed.buiten_regio or parsed.onbekende_plaats
    named: Dict[str, object] = {}
    if place is not None:
        named["kaart_gemeente"] = place
    if parsed.themas:
        named["kaart_thema"] = parsed.themas[0]
    if parsed.leeftijd is not None:
        named["kaart_leeftijd"] = parsed.leeftijd
    if not named or len(named) == len(READ):
        return None
    rest = simplify(parsed.tekst)
    written = parsed.plaats or parsed.buiten_regio or parsed.onbekende_plaats
    for said in ([written] if written else []) + genoemde_plaatsen(rest) + [
            word for said_words in parsed.thema_gezegd.values() for word in said_words]:
        rest = rest.replace(simplify(said), " ", 1)
    rest_words = [word for word in words(rest) if word not in DIRECTIONS and not word.isdigit()]
    if len(rest_words) > FOLLOW_UP_MAX_WORDS or not set(rest_words) <= PART_FOLLOW_UP_WORDS:
        return None
    return named


# A follow-up that asks the same for a parent: "en voor de moeder?", "hulp voor moeder zelf", "en de vader?", "is er ook
# iets voor de ouders zelf?" (a user test of session 21 got 'Sorry, dat begreep ik niet goed' and the menu). Only the
# parent and words that ask again; a parent with a problem or a place ("moeder drinkt", "vader in Huizen") is a
# question of its own or another follow-up.
PARENT_WORDS = {"moeder": "moeder", "mama": "moeder", "moeders": "moeder", "vader": "vader", "papa": "vader",
                "vaders": "vader", "ouder": "ouder", "ouders": "ouders", "mdr": "moeder", "vdr": "vader",
                # grandparents ("en voor opa en oma?"): searched for as the parent is, who raises the child
                "opa": "grootouders", "oma": "grootouders", "opa's": "grootouders", "oma's": "grootouders",
                "grootouder": "grootouders", "grootouders": "grootouders", "grootmoeder": "grootouders",
                "grootvader": "grootouders"}
PARENT_FOLLOW_UP_WORDS = FOLLOW_UP_WORDS | frozenset(
    "zelf hulp ondersteuning steun iets aanbod nog ook een haar zijn hun die deze welke wie kan kunnen "
    "terecht heb hebben je jij u er ergens waar".split())
PARENT_FOLLOW_UP_MAX_WORDS = 10
# What the search reads after the previous question: help for the parent itself (``bot.kaart.query`` then searches for
# the parent, not the child), and for a problem of the child the parent's own help with it, parenting support (theme
# ``opvoeding``); a problem of the parent's own ("vader gokt") stays the problem searched.
FOR_THE_PARENT = "\nHulp voor {wie} zelf."
# that line of an earlier parent follow-up ("en voor de moeder?" and then "en voor de vader?"): replaced, not stacked
_FOR_SOMEONE_BEFORE = re.compile(r"(?:^|\n)Hulp voor [^\n]* zelf\.(?: Opvoedondersteuning\.)?$")
PARENTING = "opvoeding"


# A second part that says how the parent is ("zij is er helemaal kapot van", "ze trekt het niet meer") opens with the
# parent: a pronoun or the parent's word.
PARENT_STATE_OPENERS = frozenset({"zij", "ze", "hij", "die"}) | frozenset(PARENT_WORDS)
_FIRST_PART = re.compile(r"([^?.!,;:]*)([?.!,;:]?)(.*)", re.DOTALL)


def ouder_vervolg(text: Optional[str], parsed: Optional[Vraag] = None) -> Optional[str]:
    """The parent ('moeder', 'vader', 'ouder', 'ouders') a short follow-up asks the same for ("en voor de moeder?",
    "hulp voor moeder zelf"), when it names nothing else the kaart reads (no place, problem or age); else None."""
    parsed = parsed or parse_vraag(text or "")
    if parsed.themas or parsed.plaats or parsed.buiten_regio or parsed.onbekende_plaats or parsed.leeftijd is not None:
        return None  # "en voor de vader? hij drinkt": a question of its own
    first, mark, rest = _FIRST_PART.fullmatch(text or "").groups()  # type: ignore[union-attr]  # matches any text
    if mark and words(simplify(rest)) and words(simplify(rest))[0] in PARENT_STATE_OPENERS:
        # "iets voor de moeder zelf? zij is er helemaal kapot van": how the parent is, in words that name no problem
        # the kaart knows, says who, not what else (a second-round user test of session 22 got 'begreep ik niet');
        # the parent's follow-up is the first part
        return ouder_vervolg(first)
    said = words(simplify(text or ""))
    parents = [PARENT_WORDS[word] for word in said if word in PARENT_WORDS]
    rest = [word for word in said if word not in PARENT_WORDS]
    if not parents or len(said) > PARENT_FOLLOW_UP_MAX_WORDS or not set(rest) <= PARENT_FOLLOW_UP_WORDS:
        return None
    return parents[0] if len(set(parents)) == 1 else "ouders"  # "en voor vader en moeder?"


_ONLY_FOR_A_PARENT = re.compile(r"^Hulp voor (de moeder|de vader|de ouders) zelf\.$")


def ouder_zelf_gevraagd(question: str) -> Optional[str]:
    """Whom ('de moeder', 'de vader', 'de ouders') a parent follow-up searched for when the previous question named no
    problem of the parent's own (the question is only ``FOR_THE_PARENT``); else None. Grandparents hear it from
    ``bot.kaart.missing_help``."""
    found = _ONLY_FOR_A_PARENT.match((question or "").strip())
    return found.group(1) if found else None


def _wie(parent: str, text: Optional[str]) -> str:
    """Whom a parent follow-up asks for, in the user's own words: 'de vader', 'de ouders', 'opa en oma', 'oma'."""
    if parent != "grootouders":
        return "de ouders" if parent == "ouders" else f"de {parent}"
    said = [word for word in words(simplify(text or "")) if PARENT_WORDS.get(word) == "grootouders"]
    if {"opa", "oma"} <= set(said):
        return "opa en oma"
    return said[0] if said[0] in ("opa", "oma") else f"de {said[0]}"


def vorige_vraag_opnieuw(vorige: Optional[str], text: Optional[str]) -> Optional[Tuple[str, Dict[str, object]]]:
    """(question, slots as ``lees`` gives them) to search the previous question ``vorige`` (remembered with
    ``onthoud``) again in the place (``plaats_vervolg``) or for the age (``leeftijd_vervolg``) that a short follow-up
    ``text`` names, with the rest as it was last searched; a follow-up that names a problem (``deel_vervolg``: "en
    leerplicht?", "spijbelt, eemnes") is searched as typed, with the place and the age it does not name from the
    previous search (a user test got "In welke gemeente ...?" again). None without a previous question or when
    ``text`` is no such follow-up. A correction of the age or the place ("nee wacht, ze is 13 niet 15", "niet huizen
    maar laren"; ``bot.correction``) is such a follow-up: a user test got "Daar kan ik je helaas niet mee helpen"; so is
    a message that only restates the age or the place of the same child or family ("nee ze is 12", "14 jaar", "het
    gezin woont in laren"; ``bot.correction.restated``: a second-round user test got the same)."""
    if not vorige:
        return None
    fix = restated(text)  # "nee wacht, ze is 13 niet 15", "ze is 13": the same follow-up as "en als ze 13 is?"
    parsed = parse_vraag(text or "") if fix is None else None  # read once for every kind of follow-up
    if fix is not None:
        age = fix.age
        place = None if age is not None else (_corrected_place(fix.new) or fix.new)
    else:
        place = plaats_vervolg(text, parsed)
        age = leeftijd_vervolg(text, parsed) if place is None else None
    part = deel_vervolg(text, parsed) if place is None and age is None else None
    parent = ouder_vervolg(text, parsed) if place is None and age is None and part is None else None
    if place is None and age is None and part is None and parent is None:
        service = _service_follow_up(text, parsed or parse_vraag(text or ""))
        if service is None:
            return None
        part, parent = service
    vraag, slots = vorige_zoekopdracht(vorige)
    if parent is not None:  # the same place, searched for the parent herself (see ``FOR_THE_PARENT``)
        vraag = _FOR_SOMEONE_BEFORE.sub("", vraag)
        for_the_parent = FOR_THE_PARENT.format(wie=_wie(parent, text))
        # never with the child's age: a service for the parent has no age of the child (a second-round user test of
        # session 24 searched "thema: opvoeding; leeftijd: 9 jaar" for "en voor de moeder zelf?" and listed the
        # child's services)
        before = parse_vraag(vraag)
        own = before.ouder_themas
        if own:  # the parent's own problem said before ("moeder is overbelast"): only its words are searched, not the
            # child's age or problem ("jongen van 9 heeft driftbuien")
            said = list(dict.fromkeys(word for theme in own for word in before.thema_gezegd.get(theme, ())))
            theme = slots.get("kaart_thema") if slots.get("kaart_thema") in own else own[0]
            question = for_the_parent.strip()[:-1] + (": " + ", ".join(said) + "." if said else ".")
            return question, {**slots, "kaart_thema": theme, "kaart_leeftijd": None}
        # only the child's problem: the parent's own help with it, parenting support, searched by the theme alone and
        # without the child's words, so services for the child ("spijbelt": schoolmaatschappelijk werk) do not come
        # back first and a reason quotes only the kaart's theme (a user test of session 22 got the same results
        # again, once with "Past bij opvoeding ('opvoedondersteuning')", a word never typed); the result says first
        # that help for the parent's own matters is not in the kaart (``ouder_zelf_gevraagd``)
        return for_the_parent.strip(), {**slots, "kaart_thema": PARENTING, "kaart_leeftijd": None}
    if place is not None:
        return vraag, {**slots, "kaart_gemeente": place}
    if age is not None:
        return vraag, {**slots, "kaart_leeftijd": age}
    assert part is not None
    if not part:  # "is er ook een cursus?": searched as typed, with the rest as it was last searched
        return str(text).strip()[:1000], slots
    if "kaart_thema" in part:  # another problem: its own words are what the text match searches
        return str(text).strip()[:1000], {**slots, **part}
    return vraag, {**slots, **part}


def _service_follow_up(text: Optional[str], parsed: Vraag) -> Optional[Tuple[Dict[str, object], Optional[str]]]:
    """(part, parent) of a question whether there is a kind of help (``asks_for_a_service``) that names no place, as a
    follow-up of the previous search: its problem and age as ``deel_vervolg`` gives them ("is er een voedselbank?",
    "en voor het kind zelf, een groep voor kinderen van gescheiden ouders?"), else the parent it asks for ("is er ook
    een oudercursus of zo voor de ouders?"), else an empty part (searched as typed); None for any other message (a
    user test of session 24 got 'Sorry' for each)."""
    if not asks_for_a_service(text) or parsed.gemeente or parsed.buiten_regio or parsed.onbekende_plaats:
        return None
    part: Dict[str, object] = {}
    if parsed.themas:
        part["kaart_thema"] = parsed.themas[0]
    if parsed.leeftijd is not None:
        part["kaart_leeftijd"] = parsed.leeftijd
    if part:
        return part, None
    parents = [PARENT_WORDS[word] for word in words(simplify(text or "")) if word in PARENT_WORDS]
    if parents:
        return {}, parents[0] if len(set(parents)) == 1 else "ouders"
    return {}, None


def _corrected_place(written: str) -> Optional[str]:
    """The place of the kaart to search for a place as a correction names it ("laren", "de meern")."""
    parsed = parse_vraag(f"in {written}")
    return te_zoeken_plaats(parsed) or parsed.buiten_regio or resolve_gemeente(written)


# A question to Rustpunt where or to whom to refer a family, typed in the middle of another task (the intake, the
# preparation): "waar kan een gezin in Bussum terecht met schoolverzuim?", "welke organisaties zijn er in hilversum
# voor schoolverzuim", "waar kan ik haar naar verwijzen?", "wie kan helpen bij schulden in Huizen". Only at the start
# of the message (after a filler), so a caller's words ("waar ze terecht kan weet ze niet") are no question to us.
_ASKS_WHERE = re.compile(
    r"^\W*(?:(?:en|maar|oke|ok|nou|hoi|trouwens|even|eh|uh|zeg|sorry|vraagje|vraag)\W+)*(?:"
    r"waar\b.*\b(?:terecht|naartoe|heen|(?:door)?verwijzen|verwijs|aankloppen)\b"
    r"|(?:naar |bij )?wie\b.*\b(?:helpt|helpen|kan helpen|kunnen helpen|(?:door)?verwijzen|verwijs|inschakelen)\b"
    r"|welke (?:organisaties?|instanties?|instellingen?|diensten?|hulpverleners?|hulp|aanbod|voorzieningen)\b"
    r"|(?:is|zijn) er\b.*\b(?:hulp|aanbod|organisaties?|instanties?|voorzieningen)\b.*\b(?:voor|bij|in)\b"
    r"|(?:naar|bij) welke\b.*\b(?:(?:door)?verwijzen|verwijs|terecht)\b)")
# Words that make it a question about referring even without a place or a problem: the task fills those in
_REFERRAL = re.compile(
    r"\b(?:(?:door)?verwijzen|verwijs|(?:organisaties?|instanties?|instellingen?|diensten?|hulpverleners?|"
    r"voorzieningen)\b|wie (?:kan|kunnen) (?:er )?(?:helpen|ondersteunen) (?:bij|met)"
    r"|(?:heen|naartoe|naar toe) (?:sturen|stuur)\b|\bdoor ?(?:sturen|stuur)\b)")


_LAST_PART = re.compile(r"(?<=[.!?;,:])\s+")

_FILLER = r"^\W*(?:(?:en|maar|oke|ok|nou|hoi|trouwens|even|eh|uh|zeg|sorry|vraagje|vraag|o|oh|ja|nee|wacht)\W+)*"
# Where someone can go, asked of us (a user test of session 22: "waar kan moeder zelf heen als ze het niet trekt?" was
# stored as the caller's answer): "waar kan/kunnen/moet <wie> (zelf) (mee) heen/terecht/naartoe", "waar kunnen ze
# terecht?"; the task fills in the place and the problem. The modal verb right after "waar" makes it a question:
# the caller's words "waar ze terecht kan weet ze niet" have none.
_WHERE_CAN = re.compile(
    _FILLER + r"waar\s+(?:kan|kunnen|moet|moeten|zou|zouden|kon|konden|mag|mogen)\s+(?!(?:dat|dit|het)\b)"
    r"(?:[\w'-]+\s+){1,6}?"
    r"(?:heen|terecht|naartoe|naar toe|aankloppen)\b")
# What the kaart has for someone in a place, asked of us ("wat is er in wijdemeren voor ouders die steeds ruzie
# hebben, mediation of zo?", "iets in naarden voor opa en oma?", "is er in huizen ook iets voor moeder zelf?"; the same
# user test stored them as answers): "wat is/zit er (nog/ook) in/voor", "is er (ook/nog) iets/hulp", or without the
# verb as a question ("iets in naarden voor opa en oma?"), with "voor" and a place of the kaart: the place makes it
# ours ("wat is er voor nodig?" names none; "wat is er gebeurd in laren?" and "iets voor de kinderen in huizen doen ze
# niet" ask nothing of us).
_MORE = r"(?:(?:ook|nog|misschien|al|allemaal|zoal|zo|dan|aan hulp|aan aanbod)\s+)*"
_WHAT_FOR = re.compile(
    _FILLER + r"(?:(?:wat|welke hulp|welk aanbod)\s+(?:is|zit|bestaat|heb je|hebben jullie|hebben we|heeft)\s+er"
    r"(?=\s+" + _MORE + r"(?:in|rond|bij|voor)\b)"
    r"|(?:is|zit|bestaat|zijn)\s+er\s+(?:(?:in|rond|bij)\s+[\w'-]+\s+)?" + _MORE
    + r"(?:iets|hulp|aanbod|ondersteuning)(?=\s+(?:in|rond|bij|voor)\b)"
    r"|" + _MORE + r"(?:iets|hulp|aanbod|ondersteuning)(?=\s+(?:in|rond|bij|voor)\b.*\?\W*$))"
    r"[^.?!]*\bvoor\b(?!\s+(?:u|je|jij|jou|jullie|mij|me|ons)\b)[^.?!]*")  # "wat is er voor u ...?": to a person


# Whether there is a kind of help, asked of us (a user test of session 24 stored them as the caller's answers, or got
# 'Sorry' after the kaart's results): "is er een voedselbank in hilversum?", "is er een vrouwenopvang of blijf van mijn
# lijf huis in de buurt waar moeder ... heen kan?", "is er ook een oudercursus of zo voor de ouders?", "is daar iets
# voor?", "heb je iets voor de moeder zelf?", "en voor het kind zelf, een groep voor kinderen van gescheiden ouders?".
# A question (a question mark, or "is er"/"zijn er" at the start) that names a kind of help, not only a problem ("is er
# geweld?" asks the caller); the caller's words ("er is een oma die helpt") do not start so.
_IS_THERE = re.compile(
    _FILLER + r"(?:en\s+|of\s+|maar\s+)?(?:"
    r"(?:is|zijn|bestaat|bestaan|zit|zitten)\s+(?:er|daar|daarvoor|hier)\b"
    r"|(?:heb|hebben|ken|kennen|weet|heeft)\s+(?:je|jij|jullie|u|we|rustpunt|de kaart)\b"
    r"|(?:ook\s+|nog\s+)?(?:voor|bij)\s+(?:de|het|haar|zijn|hun)\s+[\w'-]+(?:\s+zelf)?\s*[,:]?\s+"
    r"(?:(?:ook|nog)\s+)?(?:een|iets|hulp)\b)")
_HELP_KIND = re.compile(
    r"\b(?:iets(?=\s*(?:voor|in|bij|om|wat|dat|waar|dergelijks|online|\?|$))|hulp|aanbod|ondersteuning|steun|organisatie\w*|instantie\w*|dienst\w*|voorziening\w*|\w*cursus\w*"
    r"|\w*training\w*|\w*groep\w*|\w*opvang\w*|\w*spreekuur\w*|\w*coach\w*|\w*bank\w*|\w*loket\w*"
    r"|\w*therapie\w*|\w*begeleiding\w*|\w*huis)\b")
MAX_SERVICE_QUESTION_WORDS = 30


def asks_for_a_service(text: Optional[str]) -> bool:
    """A question to us whether there is a kind of help (see ``_IS_THERE``): "is er een voedselbank?", "is daar iets
    voor?"; its place and problem may come from what came before (the previous search, the intake)."""
    plain = simplify(" ".join((text or "").split()))
    if not plain or len(words(plain)) > MAX_SERVICE_QUESTION_WORDS or not _IS_THERE.match(plain):
        return False
    if not plain.rstrip().endswith("?") and not re.match(_FILLER + r"(?:en\s+)?(?:is|zijn)\s+er\b", plain):
        return False
    return bool(_HELP_KIND.search(plain))


def _starts_a_kaart_question(question: str) -> bool:
    plain = simplify(question)
    if not question:
        return False
    if _WHERE_CAN.search(plain) or asks_for_a_service(question):
        return True
    asked = _WHAT_FOR.search(plain)
    if asked:  # the place in the same sentence
        parsed = parse_vraag(question[:asked.end()] if len(plain) == len(question) else question)
        if parsed.gemeente or parsed.buiten_regio:
            return True
    if not _ASKS_WHERE.search(plain):
        return False
    if _REFERRAL.search(plain):
        return True
    parsed = parse_vraag(question)
    return bool((parsed.gemeente or parsed.buiten_regio) and parsed.themas)


def asks_the_kaart(text: Optional[str]) -> bool:
    """A question to the sociale kaart typed in the middle of another task (the intake, the preparation): it asks
    where or to whom a family can go, and names a place and a problem the kaart knows or asks about referring ("waar
    kan ik haar naar verwijzen?"), or where someone can go ("waar kan moeder zelf heen als ze het niet trekt?"), or
    what there is in a place for someone ("wat is er in wijdemeren voor ouders die steeds ruzie hebben?", "iets in
    naarden voor opa en oma?"). Also when the facts come first and the question last: "ik heb een vader aan de lijn
    uit huizen, zoon 15, ze hebben veel ruzie, waar kan ik hem heen sturen?". Never the caller's answer (user tests:
    "welke organisaties zijn er in hilversum voor schoolverzuim" was stored as the answer to the question whether
    anyone is hit at home)."""
    question = " ".join((text or "").split())
    if _starts_a_kaart_question(question):
        return True
    parts = _LAST_PART.split(question)
    return len(parts) > 1 and parts[-1].endswith("?") and _starts_a_kaart_question(parts[-1])


# A note of a sentence of its own: a person who does or says something ("moeder in huizen heeft schulden" may be a note
# of the preparation; "pesten op school, meisje 7, in blaricum" is a question to the kaart in telegram style)
_A_SENTENCE = re.compile(r"\b(?:ik|je|jij|we|wij|u|hij|zij|ze|heeft|hebben|had|is|was|wil|wilt|willen|gaat|ga|zeg|zegt"
                         r"|zei|vraag|vraagt|moet|moeten|kan|kunnen|doe|doet)\b")
MAX_TELEGRAM_WORDS = 10
# "wie helpt er bij rouw ...", "wie kan er helpen met ...": who helps with a problem, not whom the parent turns to ("wie
# helpt jou als het moeilijk wordt?", a question a plan notes)
_WHO_HELPS_WITH = re.compile(r"^\W*(?:(?:en|maar|oke|ok|nou|eh)\W+)*(?:naar |bij )?wie\s+(?:helpt|kan|kunnen)\s+"
                             r"(?:er\s+)?(?:helpen\s+)?(?:bij|met)\b")


def asks_the_kaart_in_a_task(text: Optional[str]) -> bool:
    """A message to the kaart typed in a task whose other messages are notes (the six-step preparation): a question to
    the kaart (``asks_the_kaart``), a place follow-up of one ("en in laren?", ``plaats_vervolg``), a question who helps
    with a problem the kaart knows ("wie helpt er bij rouw van een kind van 11, vader is overleden"), or a short note
    of a problem and a place without a sentence ("pesten op school, meisje 7, in blaricum"). A user test of session 24
    saved them as notes of the plan."""
    question = " ".join((text or "").split())
    if not question:
        return False
    if asks_the_kaart(question):
        return True
    parsed = parse_vraag(question)
    if plaats_vervolg(question, parsed) is not None:
        return True
    plain = simplify(question)
    if parsed.themas and _WHO_HELPS_WITH.match(plain):
        return True
    return bool((parsed.gemeente or parsed.buiten_regio) and parsed.themas and len(words(plain)) <= MAX_TELEGRAM_WORDS
                and not _A_SENTENCE.search(plain))


def met_context(text: str, slots: Dict[str, object], context: Iterable[str]) -> Tuple[Dict[str, object], List[str]]:
    """Fill the place and the problem a question asked during a task leaves out ("waar kan ik haar naar
    verwijzen?") from what the task already holds (the caller's answers, the situation): the slots to search with and
    the names of what was filled in ('plaats', 'probleem')."""
    told = [part for part in context if part]
    if not told or not ontbreekt(slots.get("kaart_gemeente"), slots.get("kaart_thema")):  # type: ignore[arg-type]
        return slots, []
    extra = lees(". ".join(told))
    filled = aanvullen(slots, extra)
    used = [name for key, name in (("kaart_gemeente", "plaats"), ("kaart_thema", "probleem"))
            if slots.get(key) is None and filled.get(key) is not None]
    return filled, used
