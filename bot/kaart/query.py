"""Understand a Dutch question: theme(s), age, place and who is asking.

``parse_vraag("waar kan een moeder uit Hilversum terecht met een zoon van 15 die niet meer naar
school gaat?")`` gives themes ``["schoolverzuim"]``, age 15, gemeente ``hilversum`` and doelgroep
hint ``ouder``. Phrases are matched on lemma strings, so "spijbelt", "spijbelen" and "gespijbeld"
meet, and the problem words of each theme (knowledge: ``knowledge/sociale_kaart/probleemwoorden.yml``)
link words lemmas cannot ("gescheiden", "uit elkaar", "ex"). Who the question is about comes from the
target-group words (knowledge: ``knowledge/sociale_kaart/doelgroepwoorden.yml``).
Everything is plain string matching on a bounded text: no input is ever executed or interpolated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from bot.kaart import places, spoken, subject
from bot.kaart.ages import PRESCHOOL_WORDS
from bot.kaart.text import (
    CHILD_NOTE_WORDS,
    CHILD_PATTERN,
    CHILD_SHORT,
    STOPWORDS,
    known,
    known_lemmas,
    lemma_string,
    simplify,
    split_separable,
    stem_words,
    stems,
    words,
)
from bot.kaart.vocabulary import LEEFTIJD_MAX, THEMAS, WERKGEBIEDEN
from bot.knowledge.loader import PerKnowledge, get_knowledge
from bot.lemmas import lemma_of
from bot.message_length import max_message_length
from bot.text import NUMBER_WORDS, ORDINAL_WORDS

_CHILD = CHILD_PATTERN[:-1] + "|" + "|".join(r"(?<![\w.])" + word for word in CHILD_SHORT) + ")"
# words a consultant puts between the child and the age when speaking: "zoon is nu 15", "dochter van bijna 13"
# or about or soon: "jongens van een jaar of 14", "zoon wordt volgende maand 18"
_HEDGE = (r"(?:(?:nu|inmiddels|pas|bijna|net|al|sinds kort|ongeveer|rond de|zo'n|een jaar of|binnenkort|straks"
          r"|volgende maand|volgende week|volgend jaar|deze maand|dit jaar|over een maand)\s+)?")
_UNITS = (r"(?:uur|keer|euro|procent|%|dagen|dag|weken|week|wk|maanden|maand|mnd|mnden|mndn|minuten|kilo|kg|cm|x"
          r"|kinderen|kids|broers|zussen)")
_NUM = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_AGE_PATTERNS = (
    # (and in English: "my son of 17", "my daughter is 19", "a girl aged 12": toets24)
    re.compile(_CHILD + r"\s+(?:is|wordt|van|of|aged)\s+" + _HEDGE + _NUM + r"\b(?!\s*" + _UNITS + r"\b)"),
    re.compile(r"\b" + _NUM + r"\s*-?\s*jarige?\b"),
    # a young adult said as one (session 29: "een jonge vrouw van 20 zorgt voor haar broer" lost her age, so the
    # JGZ, up to 17, stood among the first three); not "een vrouw van 35", nor a parent's age
    re.compile(r"\b(?:jonge\s+(?:vrouw|man)|jongeman|jongedame|jongvolwassene)\s+(?:is|van)\s+" + _HEDGE + _NUM
               + r"\b(?!\s*" + _UNITS + r"\b)"),
    # the age in a relative clause, as said: "zoon die veertien is", "een meisje dat net zestien is geworden"
    re.compile(_CHILD + r"\s+(?:die|dat)\s+" + _HEDGE + _NUM + r"\s+(?:is|wordt|werd|jaar)\b"),
    # in English: "a 14-year-old patient", "my 9 year old" (toets24)
    re.compile(r"\b" + _NUM + r"\s*-?\s*years?\s*-?\s*old\b"),
    # about that age: "een jaar of 14" is 14, not one year
    re.compile(r"\bjaar\s+of\s+" + _NUM + r"\b(?!\s*" + _UNITS + r"\b)"),
    re.compile(r"\b" + _NUM + r"\s+jaar\s+oud\b"),
    re.compile(r"\b(?:leeftijd|leeftijd van|is)\s*:?\s*" + _NUM + r"\s+jaar\b"),
    # a note written as a form: "leeftijd: 15", "lft 12"
    re.compile(r"\b(?:leeftijd|lft|lftd)\.?\s*:?\s*(\d{1,2})\b(?!\s*" + _UNITS + r"\b)"),
    re.compile(r"\b" + _NUM + r"\s*(?:jaar|jr|j)\b\.?"),
    # a bare number right after the child: "dochter 13", "zoon (8)", "meisje, 16,", also said: "dochter dertien" (a user
    # test of session 25: a dictated question lost its age)
    re.compile(r"\b" + _CHILD + r"\s*[,(:]?\s*" + _HEDGE + _NUM + r"\b\s*\)?(?!\s*" + _UNITS + r"\b)"),
)
# Said of a child mentioned before: "hij is 15 en blowt", "ze is pas 12" (only youth ages, so a young mother
# saying her own age is not read as the child's).
_PRONOUN_AGE = re.compile(r"\b(?:hij|ze|zij)\s+(?:is|wordt)\s+" + _HEDGE + _NUM
                          + r"\b(?!\s*(?:" + _UNITS + r"|van|op|uit|x)\b)")  # "ze is 1 van de 3" is no age
PRONOUN_AGE_MAX = 18
# "baby van 6 maanden", "tweeling 4 mnd" (a note's abbreviation: the toets18 set read 4 years), "zoon (8 weken)"
_MONTH_UNITS = r"(?:maanden|maand|mnd|mnden|mndn|weken|week|wk|dagen)"
# (a bare number of months after the child only as a note's field or after a baby word: "dochter 2 dagen thuis" is how
# long she stays home)
_MONTHS_OLD = re.compile(_CHILD + r"\s+van\s+" + _HEDGE + _NUM + r"\s*" + _MONTH_UNITS + r"\b"
                         r"|" + _CHILD + r"\s*[,(:]?\s*" + _NUM + r"\s*" + _MONTH_UNITS + r"\b\s*(?:[,;.)]|$)"
                         r"|\b(?:baby|tweeling|zuigeling|pasgeborene)\s*[,(:]?\s*" + _NUM + r"\s*" + _MONTH_UNITS
                         + r"\b"
                         r"|\b" + _NUM + r"\s*" + _MONTH_UNITS + r"\s+oud\b")
# The school year as consultants say it: "groep 7" (basisschool, age groep + 3), "klas 2", "tweede klas",
# "3 havo", "brugklas" (voortgezet onderwijs, age klas + 11): the youngest usual age of that year.
_SCHOOL_TYPE = r"(?:vmbo|mavo|havo|vwo|atheneum|gymnasium|praktijkonderwijs|pro|vso)"
# A small number right before a kind of school or 'klas'/'groep' is a school year, not an age ("meisje 3 havo",
# "zoon 2 vmbo", "dochter 2 mbo"; a user test read 3 years): "zoon 17 mbo" and "meisje 7 groep 4" keep their age.
_SCHOOL_YEAR_AFTER = re.compile(r"(?:e|de|ste)?\s*(?:" + _SCHOOL_TYPE[3:-1] + r"|mbo|klas|groep(?!\s*\d))\b")
SCHOOL_YEAR_MAX = 6
_GROEP_NUMBER = r"(?:[1-8]|een|twee|drie|vier|vijf|zes|zeven|acht)"  # "groep 6", said: "groep zes"
_GROEP = re.compile(r"\bgroep\s+(" + _GROEP_NUMBER + r")\b(?!\s*(?:en|of|tot|-)\s*" + _GROEP_NUMBER + r"\b)")
_KLAS = re.compile(
    r"\b(?:klas\s+([1-6])\b|([1-6])(?:e|de|ste)?\s+klas\b|(eerste|tweede|derde|vierde|vijfde|zesde)\s+klas\b"
    r"|([1-6])\s*" + _SCHOOL_TYPE + r"\b|" + _SCHOOL_TYPE + r"\s*([1-6])\b|(brugklas|brugklasser))"
)
_PLACE_AFTER = re.compile(
    r"\b(?:uit|in|te|woont in|wonend in|wonende in|woonachtig in|vanuit|omgeving|regio|gemeente)\s+"
    r"((?:'s-)?[A-Z][\w'-]+(?:[ -](?:[A-Z][\w'-]+|aan|den|de|op))*)"
)


@dataclass
class Vraag:
    """What was understood from a question (all fields optional)."""

    tekst: str
    themas: List[str] = field(default_factory=list)
    thema_woorden: Dict[str, List[str]] = field(default_factory=dict)  # per theme the problem words it was found by
    thema_gezegd: Dict[str, List[str]] = field(default_factory=dict)  # per theme those words as the question wrote them
    leeftijd: Optional[int] = None
    # the different ages of several children the question is about ("kinderen 6 en 8"), when it names no one age
    leeftijden: Tuple[int, ...] = ()
    gemeente: Optional[str] = None
    plaats: Optional[str] = None  # the place as written, when recognised
    buiten_regio: Optional[str] = None  # a place we know lies outside the kaart
    onbekende_plaats: Optional[str] = None  # a capitalised place-like word we do not know
    doelgroep_hints: List[str] = field(default_factory=list)
    ouder_themas: List[str] = field(default_factory=list)  # themes that are a parent's own problem here
    kind_themas: List[str] = field(default_factory=list)  # such themes said of the child ("zoon is somber")
    ingekort: bool = False
    plaats_info: Optional["places.Plaats"] = None  # the recognised place (kind, coverage, typo corrected)
    # the question without the parts that frame the call or say where the consultant works, with homonyms guarded
    # ("ik werk bij het buurtteam in Bussum, ..."): what the text match searches; None: search ``tekst``
    zoektekst: Optional[str] = None
    # a child protection measure is already in place ("OTS loopt", "de gezinsvoogd belt"): the words of the measure are
    # no safety signal and the way to a measure is not asked (``measure_in_place``)
    maatregel_loopt: bool = False
    # the Raad voor de Kinderbescherming already investigates and no measure is in place yet ("de Raad doet onderzoek
    # naar de omgang, er is nog geen maatregel"): the way to a measure is taken, none is there (``raad_investigates``)
    raad_onderzoekt: bool = False
    # the search words of the services the caller works for ("Jeugdverpleegkundige Laren: ...": the JGZ), see
    # ``spoken.caller_roles``: the caller's own service is no referral for the family
    beller: Tuple[str, ...] = ()
    # the routes the caller has to hand ("ik ben huisarts": via_huisarts, the POH-Jeugd in the practice), see
    # ``spoken.caller_routes``
    beller_route: Tuple[str, ...] = ()
    # the routes the family does not want to go ("niet met school": via_school), see ``spoken.refused_routes``
    niet_via: Tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "themas": self.themas,
            "leeftijd": self.leeftijd,
            "leeftijden": list(self.leeftijden),
            "gemeente": self.gemeente,
            "plaats": self.plaats,
            "buiten_regio": self.buiten_regio,
            "onbekende_plaats": self.onbekende_plaats,
            "doelgroep_hints": self.doelgroep_hints,
            "ouder_themas": self.ouder_themas,
            "kind_themas": self.kind_themas,
        }


def theme_words(knowledge=None) -> Dict[str, Tuple[str, ...]]:
    """Theme -> its problem words, from ``knowledge/sociale_kaart/probleemwoorden.yml`` (kind
    ``kaart_probleemwoorden``), in file order."""
    return _theme_tables(knowledge)[0]


def theme_single_words(knowledge=None) -> FrozenSet[str]:
    """Every single word that occurs in a problem word or phrase (simplified; ``bot.kaart.text`` counts
    them as known words)."""
    return _theme_tables(knowledge)[1]


def _build_theme_tables(knowledge) -> Tuple[Dict[str, Tuple[str, ...]], FrozenSet[str]]:
    """The problem words of one loaded knowledge and their single words."""
    table = {entry.id: tuple(entry.woorden)
             for entry in knowledge.entries.get("kaart_probleemwoorden", {}).values()}
    single = frozenset(w for entries in table.values() for phrase in entries for w in words(phrase))
    return table, single


def _build_theme_phrases(knowledge) -> List[Tuple[str, str, str]]:
    """(theme, lemma phrase, original phrase), longest first so multi-word phrases win. Lemmatising
    reads the single words (``theme_single_words``), so those are built first."""
    phrases = []
    persons = {word for entry in knowledge.entries.get("kaart_doelgroepwoorden", {}).values()
               for phrase in entry.woorden for word in words(phrase)}
    for theme, entries in _theme_tables(knowledge)[0].items():
        for phrase in entries:
            lemma_phrase = lemma_string(phrase, knowledge)
            if lemma_phrase.strip():
                phrases.append((theme, lemma_phrase, phrase))
            # a separable verb also meets its split form, with a few words between: "weglopen" -> "loopt (vaak) weg"
            separable = split_separable(phrase) if " " not in phrase.strip() else None
            if separable:
                phrases.append((theme, lemma_string(" ".join(separable), knowledge), phrase))
            # a phrase that ends in its verb is said with the verb first in a main clause: "zichzelf beschadigen" ->
            # "beschadigt zichzelf", "grenzen stellen" -> "stelt (geen) grenzen"
            verb_first = _verb_first(phrase, persons)
            if verb_first:
                phrases.append((theme, lemma_string(verb_first, knowledge), phrase))
    phrases.sort(key=lambda item: len(item[1]), reverse=True)
    return phrases


def _build_phrase_index(knowledge) -> Tuple[Dict[str, List[int]], List[FrozenSet[str]]]:
    """First word -> positions in ``_theme_phrases`` of the phrases that start with it, and the words of each."""
    first: Dict[str, List[int]] = {}
    parts: List[FrozenSet[str]] = []
    for position, (_, phrase, _) in enumerate(_theme_phrases(knowledge)):
        split = phrase.split()
        first.setdefault(split[0], []).append(position)
        parts.append(frozenset(split))
    return first, parts


def _phrases_in(lemmed: str, knowledge=None) -> List[Tuple[str, str, str]]:
    """The phrases of ``_theme_phrases`` (in their order, longest first) whose words all occur in the lemma string:
    only those can match, so a question is not checked against every problem word."""
    tokens = set(lemmed.split())
    first, parts = _phrase_index(knowledge)
    phrases = _theme_phrases(knowledge)
    candidates = sorted({i for token in tokens for i in first.get(token, ())})
    return [phrases[i] for i in candidates if parts[i] <= tokens]


PREPOSITIONS = frozenset("voor met van over tegen aan om bij naar door".split())


def _verb_first(phrase: str, persons: Set[str]) -> Optional[str]:
    """"beschadigen zichzelf" for "zichzelf beschadigen": a phrase of two or three words that ends in an infinitive,
    with the verb put first; None for other phrases and for those with a person ("ouders vechten": "vecht op school,
    ouders ..." must not meet it)."""
    parts = words(phrase)
    if not 2 <= len(parts) <= GAP_PHRASE_MAX or persons & set(parts):
        return None
    # a number or an inflected adjective before it makes the last word a noun ("twee huizen", "blauwe plekken"), as
    # does a preposition right before it ("bang voor toetsen")
    if any(part in NUMBER_WORDS or (len(part) > 3 and part.endswith("e")) for part in parts[:-1]) \
            or parts[-2] in PREPOSITIONS:
        return None
    verb = parts[-1]
    if not verb.endswith("en") or verb in STOPWORDS or lemma_of(verb) != verb or verb not in known_lemmas():
        return None
    # a verb has a third person the lemma table knows ("beschadigt", "stelt", "slaapt"); "huizen", "plekken" do not
    if not any(lemma_of(form) == verb for form in _third_person(verb)):
        return None
    return " ".join([verb] + parts[:-1])


def _third_person(infinitive: str) -> Tuple[str, ...]:
    """Written third-person forms an infinitive can have: "stellen" -> "stelt", "slapen" -> "slaapt", "leven" ->
    "leeft"."""
    stem = infinitive[:-2]
    forms = [stem + "t"]
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1] + "t")  # "stellen" -> "stelt"
    voiceless = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1:], stem[-1:])
    for base in (voiceless, stem):
        match = re.match(r"^(.*[^aeiou])([aeou])([^aeiouy])$", base)
        if match:
            forms.append(match.group(1) + match.group(2) * 2 + match.group(3) + "t")  # "slapen" -> "slaapt"
    forms.append(voiceless + "t")
    return tuple(forms)


_theme_tables = PerKnowledge(_build_theme_tables)
_theme_phrases = PerKnowledge(_build_theme_phrases)
_phrase_index = PerKnowledge(_build_phrase_index)
_parent_themes = PerKnowledge(lambda knowledge: frozenset(
    entry.id for entry in knowledge.all("kaart_probleemwoorden") if entry.ouderprobleem))


def parent_themes(knowledge=None) -> FrozenSet[str]:
    """Themes that can be a parent's own problem (``ouderprobleem: true`` in ``probleemwoorden.yml``)."""
    return _parent_themes(knowledge)


WORK_PLACE_GAP = 4  # words between "werkt" and where: "werkt de hele week in het buitenland"

# A theme or target-group word that is also an everyday word with another meaning: in these contexts it is
# not read as that word ("krast zich in zijn armen" is about arms, not about being poor; "oudere jongens" are
# older boys, not parents).
HOMONIEMEN: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    # parents who are together say how the family lives, not what is asked ("mama en papa samen", "ouders wonen nog
    # samen": a second-round user test of session 22 got "Tekst noemt 'samen'"); "samen afspraken maken" stays
    ("samen", re.compile(r"(\b(?:mama|papa|vader|moeder|ouders?)\s+en\s+(?:mama|papa|vader|moeder)\s+"
                         r"(?:(?:zijn|wonen|leven|nog)\s+)*)samen\b"
                         r"|(\bouders\s+(?:(?:zijn|wonen|leven|nog)\s+)*)samen\b(?!\s+(?:afspraken|iets|een|met|naar|hulp|op|in)\b)",
                         re.IGNORECASE)),
    ("arm", re.compile(r"\b(?:zijn|haar|z'n|mijn|m'n|je|jouw|de|het|beide|twee|linker|rechter|gebroken)\s+arm(?:en)?\b"
                       r"|\barmen\b|\barm\s+(?:gebroken|breken|brak)\b", re.IGNORECASE)),
    ("ouder", re.compile(r"\boudere?n?\s+dan\b|\boudere\b|\bouderen\b|\bjaar\s+ouder\b", re.IGNORECASE)),
    # talking with or about someone is no speech ("hoe hij met zijn dochter over de scheiding kan praten"); "praat
    # nog niet" and "praat niet met andere kinderen" stay speech
    ("praten", re.compile(r"(\b(?:over|met)\s+(?:[\w'-]+\s+){1,6}?)(?:praten|praat)\b"
                          r"|(?:praten|praat)\b(?=\s+(?:over|met)\b)", re.IGNORECASE)),
    # sleeping at someone's place says where a child or parent stays, not how they sleep ("ze slaapt nu bij een
    # vriendin", "slaapt met zijn zoon bij vrienden"): it reads as staying ("logeert ... bij", a housing word);
    # "slaapt slecht bij zijn vader" stays sleep
    ("slapen", re.compile(r"\b(?:slaapt|slapen|sliep|sliepen)\b(?=\s+(?:(?!(?:slecht|niet|nauwelijks|moeilijk|weinig|"
                          r"onrustig|amper|kort|licht|slechter|en|maar|want|of)\b)[\w']+\s+){0,5}?bij\b)",
                          re.IGNORECASE)),
    # sleeping rough or asking where someone can sleep is a question of a roof, not of sleep ("jongen 16 slaapt af en
    # toe op straat", "waar kan ie slapen?": a user test got the POH-Jeugd first, "Past bij ... slaap ('slaapt')")
    ("buiten slapen", re.compile(
        r"\b(?:slaapt|slapen|sliep|sliepen)\b(?=\s+(?:(?:af\s+en\s+toe|soms|vaak|nu|al|steeds|dan|ook|weer|regelmatig"
        r"|'s\s+nachts|de\s+laatste\s+tijd|een\s+paar\s+nachten|nachten)\s+){0,3}(?:op\s+straat|buiten|in\s+(?:de|een|z'n"
        r"|zijn|haar)\s+(?:auto|park|tent|schuur|portiek|trappenhuis|fietsenstalling)|op\s+een\s+bankje|ergens\s+anders"
        r"|nergens|onder\s+een\s+brug)\b)"
        r"|\b(?:waar|ergens)\s+(?:kan|kunnen|moet|moeten|mag|zou)\s+(?:ie|hij|ze|zij|die|het\s+kind|de\s+jongen"
        r"|het\s+meisje|de\s+jongere)\s+(?:nu\s+|vannacht\s+|dan\s+)?(?:wonen\s+of\s+)?(?:slapen|overnachten)\b",
        re.IGNORECASE)),
    # meeting people online is contact, not leisure ("meisje 14 stuurt naaktfotos naar jongens die ze online ontmoet":
    # a user test read "sport, cultuur en vrije tijd ('ontmoet')"); meeting other parents in the neighbourhood stays
    ("ontmoeten", re.compile(r"(?<=\bonline )ontmoe(?:t|tte|tten|ten)\b"
                             r"|\bontmoe(?:t|tte|tten|ten)\b(?=\s+(?:(?:ze|hij|zij|hem|haar|elkaar)\s+)?(?:online|via"
                             r"|op\s+(?:snap\w*|insta\w*|tiktok|discord|internet|social\s+media|een\s+app|apps?|een\s+game"
                             r"|games?))\b)", re.IGNORECASE)),
    # learning how to do something or getting to know someone is no problem with learning ("zijn zoon leren omgaan
    # met boosheid", "mannen die ze online leert kennen", "wil andere ouders leren kennen")
    ("leren", re.compile(r"\bleren\b(?=\s+(?:omgaan|om\s+te|hoe|beter\s+om|zelf|voor\s+zichzelf|opkomen|ontspannen"
                         r"|kennen)\b)"
                         r"|\bleer(?:t|de|den|en)\b(?=\s+kennen\b)|(?<=\bkennen )geleerd\b", re.IGNORECASE)),
    # who reports something says it ("de buurvrouw meldt dat ..."), who reports at Halt goes there ("moet zich melden
    # bij Halt"), and who reports a worry to the municipality or its team goes in by its way in ("waar meldt ze bij de
    # gemeente een zorg"): no report to Veilig Thuis
    ("melden", re.compile(r"\bmeld(?:t|de|den|en)?\b(?=\s+dat\b)|(?<=\bzich )meld(?:t|de|den|en)?\b(?=\s+bij\b)"
                          r"|\bmeld(?:t|de|den|en)?\b(?=\s+zich\s+bij\b)"
                          r"|\bmeld(?:t|de|den|en)?\b(?=\s+(?:[\w']+\s+){0,2}?bij\s+(?:de\s+gemeente|het\s+(?:jeugd|buurt|"
                          r"wijk)team|de\s+toegang)\b)", re.IGNORECASE)),
    # a pupil reported sick is absence from school, no report of a worry ("al 3 weken ziek gemeld", "meldt hem steeds
    # ziek"): it reads as one word, "ziekgemeld"
    ("ziekmelden", re.compile(r"\bziek\s+(?:ge)?meld(?:t|de|den|en)?\b|\bmeld(?:t|de|den|en)?\s+(?:hem|haar|zich|ze|"
                              r"hen|zijn\s+\w+|haar\s+\w+)\s+(?:steeds\s+|vaak\s+|weer\s+)?ziek\b", re.IGNORECASE)),
    # who signs someone up registers them ("waar meld ik een jongen van 10 aan voor jeugdhulp?", "meldt het gezin aan
    # bij het jeugdteam"): it reads as "aanmelden", a way into youth care, not a report to Veilig Thuis; "meldt het
    # aan Veilig Thuis" stays a report
    ("aanmelden", re.compile(r"\bmeld(?:t|de|den|en)?\b(?=\s+(?:(?!(?:dat|bij|en|maar|want)\b)[\w'-]+\s+){0,5}?aan\b"
                             r"(?!\s+(?:veilig|vt|de\s+politie|politie)\b))", re.IGNORECASE)),
    # stuck in parenting is a question about parenting, not about help that got stuck ("ouders lopen vast in de
    # opvoeding", "vader is vastgelopen met de opvoeding"); "de hulp is vastgelopen" stays
    ("vastlopen", re.compile(r"\b(?:vastgelopen|vastlopen|vastloopt|vast\s+(?:te\s+)?lopen|(?:loopt|lopen|liep|liepen)"
                             r"\s+(?:(?:helemaal|echt|erg|steeds|vaak|zelf)\s+)?vast)\b"
                             r"(?=\s+(?:in|met|bij|op)\s+(?:(?:de|het|hun|zijn|haar)\s+)?opvoed)", re.IGNORECASE)),
    # a pupil or child who gets stuck at school or at home is stuck, not the help ("een leerling die dreigt vast te
    # lopen op school", "een meisje dat thuis vastloopt"); "de hulp loopt vast op school" stays
    ("vast", re.compile(r"(\b(?:leerlingen|leerling|kinderen|kind|jongen|meisje|zoon|dochter|puber|tiener)\b"
                        r"(?:\s+(?!hulp\b)[\w']+){0,5}?\s+)(?:vastgelopen|vastlopen|vastloopt|vastliep"
                        r"|vast\s+(?:te\s+)?lopen|(?:loopt|liep)\s+(?:(?:helemaal|echt|erg|steeds|vaak)\s+)?vast)\b"
                        r"(?=\s+(?:op|in)\s+(?:de\s+|het\s+)?(?:school|klas|basisschool|middelbare)\b"
                        r"|(?<=thuis vastloopt)|(?<=thuis vastliep)|(?<=thuis vastgelopen))", re.IGNORECASE)),
    # a team that seeks or asks is who asks, not the service asked for ("het buurtteam zoekt een buurtvrijwilliger
    # voor een moeder"): it stays a professional asking
    ("team", re.compile(r"\b(?:buurtteam|jeugdteam|wijkteam|gebiedsteam)\b(?=\s+(?:zoekt|zoeken|vraagt|vragen"
                        r"|wil|willen|heeft\s+(?:\S+\s+){0,3}nodig)\b)", re.IGNORECASE)),
    # taking a matter up is no arrest ("met wie kunnen we dit oppakken?", "het jeugdteam pakt het op"); "hij is
    # opgepakt" stays
    ("oppakken", re.compile(r"\boppak(?:ken|t)\b|\bpak(?:t|ken)\s+(?:dit|dat|het|deze|die)\s+(?:\w+\s+){0,2}?op\b",
                            re.IGNORECASE)),
    # a child who hits or kicks a brother, sister or other children shows behaviour, not violence at home against
    # the child ("slaat en schopt zijn kleine broertje", "slaat andere kinderen"), as does a child who hits where it
    # is looked after or taught ("bijt en slaat op de opvang", "slaat in de klas") and a toddler or preschooler who
    # hits ("peuter 2,5 bijt en slaat"): it reads as fighting; "vader slaat de kinderen" and "slaat zijn moeder" stay
    # violence
    # (toets21: "slaat en scheldt bij elke training andere kinderen" at a football club, and a four-year-old's
    # "woedeaanvallen waarbij ze gaat gillen en slaan", put Veilig Thuis second)
    ("slaan", re.compile(r"\b(?:slaat|sloeg|slaan|schopt|schopte|schoppen)\b(?=(?:\s+en\s+(?:slaat|schopt|bijt|krabt"
                         r"|duwt|scheldt|schreeuwt))?\s+(?:[\w']+\s+){0,4}?(?:broertjes?|zusjes?|broers?|zussen|zus"
                         r"|andere\s+kinderen|klasgeno(?:ten|otjes)|medeleerlingen|vriendjes|teamgenoten|tegenstanders)\b)"
                         r"|\b(?:slaat|sloeg|slaan|schopt|schopte|schoppen)\b(?=\s+(?:ook\s+|vaak\s+|steeds\s+)?"
                         r"(?:(?:op|bij|tijdens)\s+(?:de\s+|het\s+)?(?:opvang|kinderopvang|peuteropvang|creche|crèche|bso"
                         r"|school|peuterspeelzaal|kinderdagverblijf|kdv|training|club|sportclub|voetbal|gym"
                         r"|plein|schoolplein|speelplaats)"
                         r"|in\s+de\s+(?:klas|groep))\b)"
                         r"|\b((?:peuter|kleuter|dreumes|tweejarige|driejarige|woedeaanval\w*|driftbui\w*|woedebui\w*)\W+(?:[\w',]+\W+){0,5}?"
                         r"|(?:bijt|bijten|krabt|krabben|knijpt|knijpen)\s+en\s+)"
                         r"(?:slaat|slaan|schopt|schoppen)(?:\s+en\s+(?:slaat|schopt))?\b",
                         re.IGNORECASE)),
    # safe now is no name of Veilig Thuis: "is met haar kinderen uit een gewelddadige relatie gevlucht en woont nu
    # veilig" put Veilig Thuis first by its name (toets21); "is niet veilig" and "Veilig Thuis" stay
    ("veilig", re.compile(r"(\b(?:woont|wonen|woonde|is|zijn|zit|zitten)\s+(?:(?:nu|inmiddels|weer|al|gelukkig)\s+)"
                          r"{0,2})veilig\b(?!\s+thuis)", re.IGNORECASE)),
    # fleeing a violent partner is no refugee's flight and no question about relationships: "is met haar kinderen uit
    # een gewelddadige relatie gevlucht" read as taal en nieuwkomers and relaties (toets21)
    ("gevlucht", re.compile(r"\b(?:uit|voor|van)\s+(?:een\s+|haar\s+|zijn\s+|hun\s+|de\s+)?(?:[\w']+\s+)?"
                            r"(?:relatie|huwelijk|partner|man|vrouw|ex)\s+(?:[\w']+\s+){0,2}?(?:gevlucht|weggevlucht|ontvlucht)\b"
                            r"|\b(?:gevlucht|weggevlucht)\s+(?:uit|voor|van)\s+(?:een\s+|haar\s+|zijn\s+|hun\s+|de\s+)?"
                            r"(?:[\w']+\s+)?(?:relatie|huwelijk|partner|man|vrouw|ex)\b", re.IGNORECASE)),
    # a child who runs off to the other parent or a relative goes somewhere known: a question about contact after a
    # divorce, no running away from home as a sign of danger (toets19: "jongen van 13 loopt steeds weg naar zijn vader,
    # hij kan niet met de nieuwe partner van moeder" put Veilig Thuis first); "loopt weg van huis" and "is weggelopen,
    # niemand weet waar hij is" stay
    ("weglopen", re.compile(r"(?:\b(?:loopt|liep|liepen|lopen|rent|rende|renden)\s+(?:(?:steeds|vaak|telkens|weer|"
                            r"regelmatig|soms|al|ook|dan|gewoon|elke\s+keer|iedere\s+keer)\s+){0,2}weg"
                            r"|\b(?:weglopen|wegloopt|wegliep|weggelopen|weggerend|wegrennen)"
                            r"|\bweg\s+te\s+lopen)\b(?=\s+naar\s+(?:(?:zijn|haar|z'n|hun|de|het)\s+)?(?:vader|moeder|papa|mama"
                            r"|pa|ma|oma|opa|grootouders|opa\s+en\s+oma|oom|tante|broer|zus|andere\s+ouder|ex)\b)",
                            re.IGNORECASE)),
    # not knowing what to do is being at a loss, not having nothing to do ("school weet niet meer wat te doen", "ze
    # weet niet wat ze moet doen"); "hij heeft niets te doen" stays leisure
    ("doen", re.compile(r"\b(?:weet|weten|wist|wisten)\s+(?:(?:het|echt|ook|zelf|nog|even|ze|hij|zij|we)\s+)*"
                        r"(?:niet|geen)\s+(?:meer\s+)?(?:goed\s+)?wat\s+(?:[\w']+\s+){0,3}?doen\b", re.IGNORECASE)),
    # the name of this tool is no problem and no search word: "sociale kaart" typed as the answer to "Waar gaat het
    # vooral om?" was searched as "Tekst noemt 'kaart', 'sociale'" (a user test); "in kaart brengen" stays
    ("kaart", re.compile(r"\b(?:de\s+|in\s+de\s+)?sociale\s+kaart(?:en)?\b|\brustpunt\b", re.IGNORECASE)),
    # whose fault something is, is guilt, no debt: "zegt dat het haar schuld is", "denkt dat de scheiding zijn schuld
    # is" (toets24 read a girl's grief over the divorce as money trouble, "financien ('schuld')"); it reads as
    # "schuldgevoel"; "heeft een schuld bij de bank" stays debt
    ("schuldgevoel", re.compile(r"\b(?:(?:het|dat|alles)\s+(?:(?:is|was)\s+)?(?:(?:allemaal|echt|ook|niet|toch)\s+)?"
                                r"(?:haar|zijn|z'n|mijn|m'n|hun|jouw|je|d'r)\s+(?:eigen\s+)?schuld"
                                r"|(?:haar|zijn|z'n|mijn|m'n|hun|jouw|je|d'r)\s+(?:eigen\s+)?schuld\s+(?:is|was|zijn|waren)"
                                r")\b", re.IGNORECASE)),
    # the club or group where the caller volunteers or trains is who asks, not leisure asked for: "Ik ben vrijwilliger
    # bij de scouting in Loosdrecht" (toets24 got youth work first for a girl who told of abuse at camp); the
    # sport of a trainer who calls: ``spoken.FRAMING_WORDS``
    ("eigen club", re.compile(r"\b(?:ik\s+(?:ben|werk|help|sta)|wij\s+zijn|we\s+zijn)\s+(?:(?:als|al|hier|daar|zelf|ook"
                              r"|een|de)\s+){0,2}(?:vrijwilliger|vrijwilligster|leider|leidster|leiding|begeleider"
                              r"|jeugdleider|groepsleider|coach)\s+(?:bij|van|op)\s+(?:de\s+|het\s+|een\s+|onze\s+)?"
                              r"[\w'-]+", re.IGNORECASE)),
    # the English preposition is no past tense of eten ("got caught at school", "at home": toets24 read "gezondheid
    # ('at')" for expat parents); "hij at niets" stays eating
    ("at", re.compile(r"\bat\b(?=\s+(?:school|home|night|work|the|a|an|his|her|my|our|their|all|least|first|times"
                      r"|last|once)\b)", re.IGNORECASE)),
    # cooperating is no work: "moeder werkt niet mee", "vader wil niet meewerken", "ze werken goed mee" (a user test
    # read a mother who does not cooperate as a parent's problem with work); "werkt niet meer" stays work
    ("meewerken", re.compile(r"\bmeewerk(?:en|t|te|ten)?\b|\bmeegewerkt\b|\bwerk(?:t|en|te|ten)\s+(?:(?:niet|nauwelijks"
                             r"|slecht|goed|wel|ook|totaal|helemaal|echt|nog|steeds|niet\s+goed)\s+){0,2}mee\b",
                             re.IGNORECASE)),
    # where someone works is no problem with work ("vader werkt in Hilversum", "moeder werkt bij de thuiszorg", "haar
    # man werkt de hele week in het buitenland"); "werkt niet meer" is not guarded
    # and the consultant's own work ("mijn werkplek is Hilversum", "onze werkplaats")
    ("werk", re.compile(r"(?<=\b(?:ik|we) )werk(?:en)?\b(?!\s+samen)|(?<=\bwij )werken\b(?!\s+samen)"
                        r"|(?<=\bmijn )werk(?:plek|plaats|gebied)?\b|(?<=\bm'n )werk(?:plek|plaats|gebied)?\b"
                        r"|(?<=\bons )werk(?:gebied)?\b|(?<=\bonze )werk(?:plek|plaats)\b"
                        r"|\bwerk(?:t|en|te|ten|zaam)(?=\s+(?:(?!(?:niet|geen|meer|mee|samen|en|maar|want|of)\b)"
                        r"[\w']+\s+){0,%d}(?:in|bij|als|op|voor|aan|vanuit)\b)" % WORK_PLACE_GAP
                        # how much or when a parent works is no problem with work either ("vdr werkt veel", "partner
                        # werkt fulltime", "werkt nachten": toets18); "werkt niet meer", "zonder werk" stay
                        + r"|\bwerk(?:t|en|te|ten)\b(?=\s+(?:(?:heel|erg|te|zo|ook|allebei|beiden|beide|nu|vaak)\s+)?"
                        r"(?:veel|fulltime|full-time|voltijd|parttime|part-time|hard|nachten|'s\s+nachts|nachtdiensten"
                        r"|overdag|lange\s+dagen|in\s+ploegen|onregelmatig|\d+\s+uur)\b)", re.IGNORECASE)),
)


# What a guarded word becomes: blank, except a job, which stays a word of working ("werkzaam"), so the words that
# frame a call still see where the consultant works ("ik werk bij het buurtteam in Bussum")
_IN_ITS_PLACE = {"ziekmelden": "ziekgemeld", "schuldgevoel": "schuldgevoel", "buiten slapen": " slaapplek ",
                 "werk": "werkzaam", "slapen": "logeert", "praten": r"\1 ", "team": "hulpverlener", "slaan": r"\1vecht",
                 "vast": r"\1 ", "samen": r"\1\2 ", "veilig": r"\1 "}


def guard_homonyms(text: str) -> str:
    """``text`` with theme words that are used in another sense blanked out (see ``HOMONIEMEN``)."""
    for word, pattern in HOMONIEMEN:
        text = pattern.sub(_IN_ITS_PLACE.get(word, " "), text)
    return text


def extract_themas(text: str, knowledge=None) -> Tuple[List[str], Dict[str, List[str]]]:
    """Themes in order of first appearance in the question, with the words that matched (problem words
    of ``knowledge``, default the loaded knowledge)."""
    ordered, found, _, _, _ = _match_themas(text, knowledge)
    return ordered, found


def _match_themas(text: str, knowledge=None
                  ) -> Tuple[List[str], Dict[str, List[str]], Dict[str, Tuple[int, int]], str, Dict[str, List[str]]]:
    """(themes in order, matched words per theme, where each theme is first said (start and end in the lemma
    string), the lemma string, the words as written per theme)."""
    guarded = guard_homonyms(text)
    lemmed = lemma_string(guarded, knowledge)
    written = words(guarded)
    source = stem_words(guarded, knowledge)
    as_written: Dict[str, List[str]] = {}  # the words that matched as written (not the lemma, not a typo fixed)
    found: Dict[str, List[str]] = {}
    positions: Dict[str, int] = {}
    spans: Dict[str, Tuple[int, int]] = {}
    said_at: Dict[str, List[Tuple[Tuple[int, int], str]]] = {}  # every place a theme is said, with its word
    consumed = lemmed
    gapped = _gapped_phrases(knowledge)
    framing = (spoken.framing_words(guarded, lemmed, knowledge) | spoken.denied_words(guarded, lemmed, knowledge)
               | spoken.professional_state_words(guarded, lemmed, knowledge))  # "de gezinsvoogd is ziek"
    negated = spoken.negated_words(guarded, lemmed, knowledge)  # "geen geweld", "niet verslaafd", "zonder schulden"
    blocked = _blockers(knowledge)
    possessed = spoken.possessed_words(guarded, knowledge)
    asked_for: set = set()
    for theme, phrase, original in _phrases_in(lemmed, knowledge):
        index = consumed.find(phrase)
        if index >= 0:
            blank = [(index + 1, index + len(phrase) - 1)]
            span = (index, index + len(phrase))
        elif phrase in gapped:  # the words in order with a few words between: "zit al maanden thuis"
            match = _gapped_match(gapped[phrase], consumed, blocked)
            if match is None:
                continue
            blank = [match.span(group) for group in range(1, (gapped[phrase].groups or 0) + 1)]
            span = match.span()
        else:
            continue
        first = len(lemmed[:span[0]].split())
        if first in framing or negated & set(range(first, first + len(lemmed[span[0]:span[1]].split()))):
            # a word about the call itself ("moeder belt vanuit haar werk" is no question about work), one that
            # is denied ("er is geen sprake van geweld") or a harm negated ("geen huiselijk geweld", "geen ruzie
            # over de kinderen")
            continue
        if theme in SETTING_THEMES and first not in possessed and not _done_by_the_child(lemmed, span):
            asked_for.add(theme)
        found.setdefault(theme, []).append(original)
        as_written.setdefault(theme, []).append(_as_written(lemmed, span, source, written))
        said_at.setdefault(theme, []).append((span, original))
        if span[0] < positions.get(theme, len(lemmed)):
            positions[theme] = span[0]
            spans[theme] = span
        # blank the match so "niet naar school" does not also count as theme "leren" via "school"
        for start, end in blank:
            consumed = consumed[:start] + "_" * (end - start) + consumed[end:]
    # the child's own club or hobby next to another problem is where it happens, not what is asked for ("voelt veel
    # druk van zijn voetbalclub"); "zoekt een sportclub" is
    for theme in SETTING_THEMES:
        if theme in found and theme not in asked_for and len(found) > 1:
            del found[theme]
    # a fear that names what is feared is about that: "moeder is bang dat hij tussen wal en schip valt" is about the
    # help that stops, not about anxiety ("zoon is bang in het donker" stays anxiety)
    for theme in [t for t, said in found.items() if set(said) <= FEAR_WORDS]:
        feared = lemmed[spans[theme][1]:].split()[:1] == ["dat"]
        if feared and any(other != theme and span[0] >= spans[theme][1] for other, span in spans.items()):
            del found[theme]
    # the same goes when what is feared is of the same theme ("moeder is bang dat haar dochter depressief is"): the
    # theme is said where the feared thing is, so the one it is said of is the daughter, not the mother
    for theme, said in said_at.items():
        fear = [(span, word) for span, word in said if word in FEAR_WORDS
                and lemmed[span[1]:].split()[:1] == ["dat"]]
        rest = [(span, word) for span, word in said if fear and span[0] > fear[0][0][1]]
        if theme in found and fear and rest and spans[theme] == fear[0][0]:
            spans[theme] = rest[0][0]
            positions[theme] = rest[0][0][0]
            found[theme] = [word for word in found[theme] if word not in FEAR_WORDS] or found[theme]
    # a quarrel about a matter of the divorce is the parents' conflict, not the child's behaviour (a user test: "veel
    # ruzie over de omgang" searched for a school's youth coach first)
    _drop_quarrels_about(found, said_at, lemmed)
    asked = spoken.asked_words(guarded, lemmed, knowledge)
    # what the caller asks for comes first ("... vader vraagt of er opvoedondersteuning is"), then the order said
    ordered = sorted(found, key=lambda t: (len(lemmed[:positions[t]].split()) not in asked, positions[t]))
    return ordered, found, spans, lemmed, {theme: as_written[theme] for theme in found}


# Themes whose quarrel words ("ruzie", "conflict", "vechten") said about (``ABOUT_WORDS``) a word of the other theme
# belong to that one: "veel ruzie over de omgang", "conflict om de omgangsregeling", "vechten over het co-ouderschap"
# are the parents' conflict about the contact arrangement (scheiding), no behaviour problem of the child.
QUARREL_ABOUT = {"gedrag": "scheiding"}
QUARREL_WORDS = subject.MUTUAL_WORDS | {"vechten"}
ABOUT_WORDS = frozenset({"over", "om", "rond", "rondom", "omtrent"})
ABOUT_GAP = 3  # words between 'over' and the matter: "ruzie over de nieuwe omgangsregeling"


def _drop_quarrels_about(found: Dict[str, List[str]], said_at: Dict[str, List[Tuple[Tuple[int, int], str]]],
                         lemmed: str) -> None:
    """Take out of ``found`` the themes of ``QUARREL_ABOUT`` said only by quarrel words about a word of their other
    theme."""
    for quarrel, matter in QUARREL_ABOUT.items():
        if quarrel in found and matter in said_at and all(
                word in QUARREL_WORDS and _about(lemmed, span, [at for at, _ in said_at[matter]])
                for span, word in said_at[quarrel]):
            del found[quarrel]


def _about(lemmed: str, span: Tuple[int, int], matters: List[Tuple[int, int]]) -> bool:
    """The words at ``span`` of the lemma string are followed by 'over' or 'om' and, a few words on, by one of
    ``matters`` (spans of the lemma string): "ruzie over de omgang"."""
    after = lemmed[span[1]:].split()
    if not after or after[0] not in ABOUT_WORDS:
        return False
    first = len(lemmed[:span[1]].split()) + 1  # the word after 'over'
    starts = [len(lemmed[:at[0]].split()) for at in matters]
    return any(first <= start <= first + ABOUT_GAP for start in starts)


QUOTE_WORDS = 6  # the longest run of written words quoted whole; a longer one (a phrase with words between) by its ends


def _as_written(lemmed: str, span: Tuple[int, int], source: List[int], written: List[str]) -> str:
    """The words of the question behind ``span`` of the lemma string, as written ("gamet", not "gamen";
    "gokverslaving", not its part "verslaving"; "zit al drie maanden thuis", not "zit thuis")."""
    first = len(lemmed[:span[0]].split())
    last = first + max(1, len(lemmed[span[0]:span[1]].split())) - 1
    if not source or last >= len(source):
        return ""
    run = written[source[first]:source[last] + 1]
    return " ".join(run) if len(run) <= QUOTE_WORDS else f"{run[0]} ... {run[-1]}"




FEAR_WORDS = frozenset({"bang"})  # problem words of fear that can also be a worry about something named after them
# Themes that are only a setting when said of what the child already has ("zijn voetbalclub", "haar dansles").
SETTING_THEMES = ("vrije_tijd",)
# What the child does, said with a subject pronoun or how much ("ze sport als een gek", "hij sport elke dag",
# "sport overdreven veel"), is part of the story next to another problem, not something to do that is asked for: a
# second-round user test of session 22 read "sport, cultuur en vrije tijd" for a girl of 13 with anorexia.
DOERS = frozenset({"ze", "zij", "hij"})
HOW_MUCH = re.compile(r"^\s*(?:als een (?:gek|bezetene|malle)|(?:heel |extreem |overdreven |te |veel te |erg )?veel"
                      r"|elke dag|iedere dag|dwangmatig|obsessief|overmatig|de hele dag|continu|constant|uren)\b")


# The child's own club or sport said with the verb of being a member (session 29, toets24: "mijn dochter zit op hockey
# bij <club> en is zo gestrest door school en hockey" put the club first for her stress): "zit (al jaren) op voetbal" is
# what the child already does; "wil op voetbal" or "zoekt een club" still asks for it. Not "speelt hockey bij <club>":
# the seen set toets9 expects the club first for a girl who plays there and is stressed by its selection (its
# stappenplan is about pressure at the club), and dropping the sport there lowered the seen sets 0.8564 -> 0.8561.
MEMBER_VERBS = frozenset({"zit", "zat", "zitten", "zaten"})
MEMBER_GAP = 2  # words between "zit" and "op": "zit al jaren op voetbal"


def _done_by_the_child(lemmed: str, span: Tuple[int, int]) -> bool:
    """The setting word at ``span`` of ``lemmed`` is what someone does (``DOERS``, ``HOW_MUCH``, ``MEMBER_VERBS``)."""
    words_before = lemmed[:span[0]].split()
    before = words_before[-1:]
    if before == ["op"] and MEMBER_VERBS & set(words_before[-2 - MEMBER_GAP:-1]):
        return True
    return bool(set(before) & DOERS) or HOW_MUCH.match(lemmed[span[1]:]) is not None


GAP_WORDS = 3  # words that may stand between the words of a phrase: "zit al drie maanden thuis", "loopt steeds vast"
GAP_PHRASE_MAX = 3  # only phrases of two or three words are matched with gaps


def _build_gapped_phrases(knowledge) -> Dict[str, "re.Pattern[str]"]:
    """Lemma phrase -> pattern, for the phrases of two or three words: the words in order with at most
    ``GAP_WORDS`` other words between each two."""
    out = {}
    # room for the parts of a compound, which the lemma string adds after it ("herfstvakantie herfst vakantie");
    # ``_gapped_match`` counts a compound with its parts as one word
    gap = r" (?:\S+ ){0,%d}" % (GAP_WORDS + COMPOUND_PARTS)
    for _, phrase, _ in _theme_phrases(knowledge):
        parts = phrase.split()
        if 2 <= len(parts) <= GAP_PHRASE_MAX:
            out[phrase] = re.compile(" (" + (")" + gap + "(").join(re.escape(w) for w in parts) + ") ")
    return out


_gapped_phrases = PerKnowledge(_build_gapped_phrases)


def _gapped_match(pattern: "re.Pattern[str]", consumed: str, blocked: FrozenSet[str]) -> "Optional[re.Match[str]]":
    """The first match of a phrase with gaps whose gap words are not ``blocked`` (a person: "ouders: zoon maakt
    ruzie" is no "ouders ruzie"; a joining word: "en", "maar") and no part of another match."""
    for match in pattern.finditer(consumed):
        gaps = [consumed[match.end(g):match.start(g + 1)] for g in range(1, pattern.groups)]
        if any(word in blocked or word.startswith("_") for gap in gaps for word in gap.split()):
            continue
        if all(_gap_length(gap.split()) <= GAP_WORDS for gap in gaps):
            return match
    return None


COMPOUND_PARTS = 2  # a compound in the lemma string is followed by its parts (two, or at most three)


def _gap_length(gap: List[str]) -> int:
    """The words of a gap, a compound and the parts that follow it counted as one ("sinds de herfstvakantie herfst
    vakantie" is three words: toets18 lost "zit sinds herfstvakantie thuis")."""
    count, i = 0, 0
    while i < len(gap):
        count += 1
        for parts in (3, 2):
            run = gap[i + 1:i + 1 + parts]
            if (len(run) == parts and gap[i].startswith(run[0]) and gap[i].endswith(run[-1])
                    and len("".join(run)) >= len(gap[i]) - 2):
                i += parts
                break
        i += 1
    return count


def _build_blockers(knowledge) -> FrozenSet[str]:
    """Words that may not stand in a gap: person words (of ``doelgroepwoorden.yml``), joining words and problem
    words of one word: "zonder eten naar school" is about eating, not "zonder ... school"."""
    cues: Dict[str, Tuple[Tuple[str, str], ...]] = _doelgroep_cues(knowledge)
    groups: Tuple[str, ...] = subject.SUBJECT_GROUPS
    person_words = {word for group in groups for _, phrase in cues.get(group, ()) for word in phrase.split()}
    joining: FrozenSet[str] = subject.CLAUSE_WORDS
    problem_words = {phrase.strip() for _, phrase, _ in _theme_phrases(knowledge) if len(phrase.split()) == 1}
    return frozenset(person_words | joining | problem_words)


_blockers = PerKnowledge(_build_blockers)


def extract_subjects(text: str, themas: List[str], spans: Dict[str, Tuple[int, int]], lemmed: str,
                     knowledge=None, child_named: bool = False, woorden: Optional[Dict[str, List[str]]] = None
                     ) -> Tuple[List[str], List[str]]:
    """Of the themes that can be a parent's own problem (``ouderprobleem`` in ``probleemwoorden.yml``): those
    said of a parent or the family ("vader gokt en heeft schulden", "gezin met huurachterstand", "moeder is
    verslaafd") and those said of the child ("zoon van 15 blowt", "dochter is somber"). ``child_named``: the
    question gives the child's age, so a problem said of no one ("14-jarige is somber") is the child's. ``woorden``:
    the words each theme was found by; a quarrel said of the parents is no parent's own problem
    (``subject.MUTUAL_WORDS``), nor is their alarm about a child the question names (``subject.ALARM_WORDS``)."""
    allowed = parent_themes(knowledge)
    if not allowed & set(themas):
        return [], []
    tokens = lemmed.split()
    parts = subject.CLAUSE_MARK.split(guard_homonyms(text))
    starts = subject.clause_starts([len(stems(part, knowledge)) for part in parts], tokens)
    persons = subject.without_absent(
        subject.without_complements(subject.persons(lemmed, _doelgroep_cues(knowledge)), tokens), tokens)
    persons = subject.without_hosts(persons, tokens, starts, frozenset(stems(" ".join(subject.STAYING_WORDS),
                                                                             knowledge)))
    worry = frozenset(stems(" ".join(subject.WORRY_WORDS + subject.PRESSING_WORDS), knowledge))
    telling = frozenset(stems(" ".join(subject.TELLING_WORDS), knowledge))
    parent, child = [], []
    for theme in themas:
        if theme not in allowed:
            continue
        start, end = spans[theme]
        first = len(lemmed[:start].split())
        last = first + max(1, len(lemmed[start:end].split())) - 1
        said_of = (subject.said_of(persons, starts, first, last, tokens, worry, child_named, telling)
                   or ("jeugdige" if child_named else None))
        grief = any(death in word for word in (woorden or {}).get(theme, ()) for death in subject.DEATH_WORDS)
        if grief and subject.child_in(persons, child_named):
            said_of = "jeugdige"
        if (said_of in subject.PARENT_GROUPS and woorden and set(woorden.get(theme, ())) <= subject.PUT_OUT_WORDS
                and subject.child_in(persons, child_named)):
            said_of = "jeugdige"  # the child put out of the house ("mdr heeft m eruit gezet")
        if said_of in subject.PARENT_GROUPS:
            if woorden and set(woorden.get(theme, ())) <= subject.MUTUAL_WORDS:
                continue
            if (woorden and set(woorden.get(theme, ())) <= subject.ALARM_WORDS
                    and subject.child_in(persons, child_named)):
                continue  # the parents' alarm about their child
            parent.append(theme)
        elif said_of == "jeugdige":
            child.append(theme)
    return parent, child


def _to_int(token: str) -> Optional[int]:
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


# the child's name between the child and the age: "zoon Daan van 11", "dochter Sara is 9"
_CHILD_NAME = re.compile(r"\b(" + _CHILD + r")\s+(?-i:[A-Z])[a-zà-ÿ]+\s+(?=(?:is|wordt|van)\s)", re.IGNORECASE)


# The ages of several children in a row: "2 kinderen 6 en 9", "kids (4, 7 en 11)", "3 kinderen van 2, 5 en 8 jaar",
# "broer en zus van 9 en 12", "zoon en dochter (6 en 8)", and after any word for several children: "twee broers van 13
# en 14", "zussen van 8 en 10", also said: "broers van dertien en veertien" (a consultant's test of session 26 got no
# age for two brothers). "een" is the article more often than one year.
_PLURAL_CHILDREN = (r"(?:kinderen|kids|kindjes|broers|broertjes|zussen|zusjes|zonen|zoons|dochters|jongens|meiden"
                    r"|meisjes|pubers|tieners|kleinkinderen|pleegkinderen|stiefkinderen)")
_LIST_NUM = r"(?:\d{1,2}|" + "|".join(sorted((w for w in NUMBER_WORDS if w != "een"), key=len, reverse=True)) + r")"
_AGE_LIST = re.compile(r"\b(?:" + _PLURAL_CHILDREN + r"|" + _CHILD + r"\s+en\s+" + _CHILD + r")(?:\s+van)?"
                       r"\s*[,(:]?\s*(" + _LIST_NUM + r")(?:\s*,\s*" + _LIST_NUM + r")*\s*(?:en|and|&|,)\s*("
                       + _LIST_NUM + r")\b(?!\s*" + _UNITS + r"\b)")
_LIST_NUMBER = re.compile(r"\b" + _LIST_NUM + r"\b")
# a number of children before the children: "2 kinderen", "3 kids" (a user test read "leeftijd: 2 jaar")
_CHILD_COUNT = re.compile(r"\s*(?:kinderen|kids|kindjes|zonen|dochters|jongens|meiden|meisjes|pubers|tieners|broers"
                          r"|zussen|broertjes|zusjes)\b")


def ages_of_several(text: str) -> bool:
    """The question names the different ages of several children ("2 kinderen 6 en 9"): no one age is the child's."""
    return any(m.group(1) != m.group(2) for m in _AGE_LIST.finditer(simplify(text)))


def extract_leeftijden(text: str) -> Tuple[int, ...]:
    """The different ages of the children a question is about when it names more than one, youngest first: "kinderen
    6 en 8" -> (6, 8), "kids (4, 7 en 11)", "zoon van 15 en dochter van 9"; () for one age or none. A user test got
    no age at all for "kinderen 6 en 8", so a service for adolescents came up for two young children. The age of a
    brother or sister of the child ("heeft een broer van 16") is none of them (``_someones_sibling``)."""
    simple = simplify(text)
    ages = {_to_int(number) or 0 for found in _AGE_LIST.finditer(simple)
            for number in _LIST_NUMBER.findall(found.group(0)[found.start(1) - found.start():])}
    if not ages:
        simple = simplify(_CHILD_NAME.sub(r"\1 ", text))
        ages = {value for value in _named_ages(simple) if value is not None}
    ages = {age for age in ages if 0 <= age <= LEEFTIJD_MAX}
    return tuple(sorted(ages)) if len(ages) > 1 else ()


# A brother or sister of the child the question is about: "heeft een broer van 16", "haar oudere zus (17)", "de broer
# is 19", "met een 16-jarige broer". Without an article or a possessive the sibling is the child itself ("broer van
# 12 zorgt voor zijn zusje").
_OWNER = r"\b(?:een|de|haar|zijn|z'n|hun|d'r|diens|ons|onze)\s+"
_SIBLING = (r"(?:(?:oudere|jongere|grote|kleine|oudste|jongste)\s+)?(?:half|stief)?"
            r"(?:broer|broertje|broers|broertjes|zus|zusje|zusjes|zussen)")
_SIBLING_BEFORE_AGE = re.compile(_OWNER + _SIBLING + r"\s*[,(:]?\s*(?:(?:van|is|wordt)\s+)?" + _HEDGE + r"$")
_SIBLING_AFTER_AGE = re.compile(r"\s*-?\s*jarige?\s+" + _SIBLING + r"\b")


def _someones_sibling(simple: str, match: "re.Match[str]") -> bool:
    """The age found by ``match`` is that of a brother or sister of the child ("een broer van 16", "een 16-jarige
    broer"), not the child's own."""
    if _SIBLING_BEFORE_AGE.search(simple, 0, match.start(1)):
        return True
    return bool(_SIBLING_AFTER_AGE.match(simple, match.end(1)) and re.search(_OWNER + r"$", simple[:match.start(1)]))


def _named_ages(simple: str) -> Set[Optional[int]]:
    """The ages said right after a child word ("zoon van 15", "dochter 13"), without those of someone's sibling."""
    return {_to_int(m.group(1)) for pattern in (_AGE_PATTERNS[0], _AGE_PATTERNS[-1])
            for m in pattern.finditer(simple)
            if not _article(simple, m) and not _school_year_number(simple, m) and not _someones_sibling(simple, m)}


# one child counted: "1 broertje", "1 zus" (a user test read "mama en papa samen, 1 broertje van 3" as 1 year)
_ONE_CHILD = re.compile(r"\s*(?:kind|kindje|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|jongen|meisje)\b")
# a brother or sister named with an age: "broertje van 3", "zusje (4)": the age of the sibling, not of the question
_SIBLING_BEFORE = re.compile(r"\b(?:broer|broertje|broers|broertjes|zus|zusje|zusjes|zussen)\W+(?:van\W+|is\W+)?$")


def counts_children(text: str, end: int) -> bool:
    """The number that ends at ``end`` counts children ("2 kinderen", "3 kids", "1 broertje"); it is no age."""
    after = simplify(text[end:end + 20])
    one = re.search(r"(?:^|\D)1$", text[:end]) is not None
    return bool(_CHILD_COUNT.match(after) or (one and _ONE_CHILD.match(after)))


def sibling_age(text: str, start: int) -> bool:
    """The number that starts at ``start`` is the age of a brother or sister of the child ("1 broertje van 3")."""
    return bool(_SIBLING_BEFORE.search(simplify(text[max(0, start - 30):start])))


def _years_of(months_old: str) -> int:
    """Whole years of an age in months, weeks or days as ``_MONTHS_OLD`` found it ("19 maanden": 1)."""
    found = re.search(r"(\d{1,2}|[a-z]+)\s*" + _MONTH_UNITS + r"\b", months_old)
    if not found:
        return 0
    number = _to_int(found.group(1)) or 0
    unit = months_old[found.end(1):].strip()
    return number // 12 if unit.startswith(("maand", "mnd")) else 0


# A child's age and a half, as parents say it of a toddler ("tweeling van anderhalf", "jongetje van tweeënhalf",
# "drieënhalfjarige"): its whole years (the blind set toets23 lost the age of both, so the young child went unread)
_HALF_AGE = re.compile(r"(" + _CHILD + r"\s+(?:is|wordt|van)\s+" + _HEDGE + r")(anderhalf|[a-z]+?enhalf)\b"
                       r"|\b(anderhalf|[a-z]+?enhalf)(?=\s*-?\s*jarige?\b)")


def _whole_years(match: "re.Match[str]") -> str:
    """The whole years of an age and a half that ``_HALF_AGE`` found ("anderhalf": 1), the match unchanged when the
    word is no number and a half."""
    word = match.group(2) or match.group(3)
    years = 1 if word == "anderhalf" else NUMBER_WORDS.get(word[:-len("enhalf")])
    if years is None:
        return match.group(0)
    return (match.group(1) or "") + str(years)


def extract_leeftijd(text: str) -> Optional[int]:
    """An explicit age (0-27) such as 'zoon van 15', '15-jarige', '15 jaar oud', 'vijftien jaar'; else the age
    that the school year says ('groep 8' -> 11, 'brugklas' -> 12). An age and a half counts its whole years
    ('tweeling van anderhalf' -> 1)."""
    if ages_of_several(text):
        return None
    simple = _HALF_AGE.sub(_whole_years, simplify(_CHILD_NAME.sub(r"\1 ", text)))
    # two children of different ages ("zoon van 15 en dochter van 9"): no one age may filter the services
    named = _named_ages(simple)
    if len(named - {None}) > 1:
        return None
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(simple):
            value = _to_int(match.group(1))
            if (value is not None and 0 <= value <= LEEFTIJD_MAX and not _article(simple, match)
                    and not _duration(simple, match) and not _school_year_number(simple, match)
                    and not _someones_sibling(simple, match)):
                return value
    months = _MONTHS_OLD.search(simple)
    if months:  # "baby van 6 maanden": under one year; "zoontje van 19 maanden": one year (a user test read 0)
        return _years_of(months.group(0))
    for match in _PRONOUN_AGE.finditer(simple):
        value = _to_int(match.group(1))
        if (value is not None and 0 <= value <= PRONOUN_AGE_MAX and not _article(simple, match)
                and not _school_year_number(simple, match)):
            return value
    # a child named by name with the age after it, as a school writes it: "een zorg over Daan (12)", "Tim (13, klas 2)"
    named_ages = {int(m.group(1)) for m in _NAME_AGE.finditer(text)}
    if len(named_ages) == 1 and next(iter(named_ages)) <= PRONOUN_AGE_MAX:
        return named_ages.pop()
    school_year = _school_year_age(simple)
    if school_year is not None:
        return school_year
    fields = {int(m.group(1)) for m in _BARE_FIELD.finditer(simple)}
    return fields.pop() if len(fields) == 1 and next(iter(fields)) <= PRONOUN_AGE_MAX else None


# The words of a message that only names a child and its age, besides the child and the number ("zoon 15", "een meisje
# van 14", "mijn dochter is 12", "15-jarige zoon"): the start of a kaart question whose problem and place are to come.
_CHILD_ONLY_WORDS = frozenset("van is wordt jaar jr j oud jarig jarige een de het mijn m'n haar zijn z'n hun over voor "
                              "nu bijna pas net".split())
CHILD_ONLY_MAX_WORDS = 6


def only_a_child(text: str) -> Optional[int]:
    """The age of a message that names nothing but a child and its age ("zoon 15", "meisje van 14", "kind (8)",
    "15-jarige zoon"), else None. A user test got "Daar kan ik je niet mee helpen" for "zoon 15"."""
    simple = simplify(text or "")
    tokens = re.findall(r"[a-z']+|\d+", simple)
    rest = [token for token in tokens if not token.isdigit()]
    if (len(tokens) > CHILD_ONLY_MAX_WORDS or not set(rest) & CHILD_NOTE_WORDS
            or not set(rest) <= CHILD_NOTE_WORDS | _CHILD_ONLY_WORDS):
        return None
    return extract_leeftijd(text)


_NAME_AGE = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]+\s*\(\s*(\d{1,2})\s*(?:jaar|jr|j)?\s*[,;)]")
# A note written as fields between commas, one of them a bare number ("Huizen, pesten, 10", "De Meern, 14, wordt
# gechanteerd"): that number is the child's age (one such field; youth ages only).
_BARE_FIELD = re.compile(r"(?:^|[,;]|\s-)\s*(\d{1,2})\s*(?=[,;]|\s-\s|$)")


# "al 3 jaar", "sinds 2 jaar", "de afgelopen 5 jaar", "3 jaar geleden", "2 jaar gescheiden": how long, not how old.
DURATION_BEFORE = frozenset("al sinds afgelopen laatste laatst ruim over na voor per binnen paar komende vorige eerste "
                            "ongeveer zo'n".split())
DURATION_AFTER = frozenset("geleden lang getrouwd samen gescheiden bezig terug later".split())
_WORD_BEFORE = re.compile(r"([\w']+)\W*$")
_YEARS = re.compile(r"\s*(?:jaar|jr|j)\b")
_WORD_AFTER_YEARS = re.compile(r"\s*(?:jaar|jr|j)\b\.?\s*([\w']+)")


def _duration(simple: str, match: "re.Match[str]") -> bool:
    """A number of years that says how long something lasts, not how old the child is (only where the number
    stands without a child word before it: "zoon is al 15" stays an age)."""
    rest = simple[match.end(1):]
    if not _YEARS.match(rest) or match.re.pattern.startswith((_CHILD, r"\b" + _CHILD)):
        return False
    before = _WORD_BEFORE.search(simple[:match.start(1)])
    after = _WORD_AFTER_YEARS.match(rest)
    return bool((before and before.group(1) in DURATION_BEFORE) or (after and after.group(1) in DURATION_AFTER))


def _school_year_number(simple: str, match: "re.Match[str]") -> bool:
    """The number is the year of a school ("3 havo", "2e klas", "2 mbo"), not the child's age (see
    ``_SCHOOL_YEAR_AFTER``); the school year gives the age (``_school_year_age``) where it can."""
    value = _to_int(match.group(1))
    return (value is not None and value <= SCHOOL_YEAR_MAX
            and bool(_SCHOOL_YEAR_AFTER.match(simple, match.end(1))))


def _article(simple: str, match: "re.Match[str]") -> bool:
    """"een" is the article, not the number one, unless "jaar" follows ("zoon is een echte puber", "ze is een
    lieve meid", but "kind is een jaar")."""
    return match.group(1) == "een" and not simple[match.end(1):].lstrip().startswith("jaar")


def school_year_words(text: str) -> FrozenSet[str]:
    """The words that name a school year in ``text`` ("groep 6" -> {"groep"}): they give the age, they are no
    search words."""
    simple = simplify(text)
    return frozenset(word for word, pattern in (("groep", _GROEP), ("klas", _KLAS)) if pattern.search(simple))


_PRIMARY = re.compile(r"\b(?:basisschool|basisscholen|basisscholier|basisonderwijs|kleuterklas|kleuters?)\b")
_SECONDARY = re.compile(r"\b(?:middelbare school|middelbare|voortgezet onderwijs|brugklas|brugklasser|"
                        + _SCHOOL_TYPE[3:-1] + r")\b")


def school_kind(text: str) -> Optional[str]:
    """The kind of school the child goes to, as the question says it: "po" for a primary school year or word
    ("groep 8", "basisschool"), "vo" for a secondary one ("2 vwo", "brugklas", "middelbare school"); None when
    the question says neither or both."""
    simple = simplify(text)
    primary = bool(_GROEP.search(simple) or _PRIMARY.search(simple))
    secondary = bool(_KLAS.search(simple) or _SECONDARY.search(simple))
    if primary == secondary:
        return None
    return "po" if primary else "vo"


# Words that put a question at school: the school itself, its people, its lessons ("juf", "mentor", "in de klas").
_SCHOOL_WORDS = re.compile(
    r"\b(?:school\w*|\w+school|scholen|klas|klassen|klasgenot\w*|leerlingen|leerling|mentor|juf|meester|leraar|"
    r"lerares|leerkracht|docent\w*|les|lessen|huiswerk|toetsen|toets|rapport|cijfers|ib'er|intern begeleider|"
    r"zorgco(?:o|ö)rdinator|mbo|hbo|stage)\b"
)


def school_mentioned(text: str) -> bool:
    """The question puts the problem at school: a school word ("de juf ziet het", "in de klas", "klas 2") or a kind of
    school ("basisschool", "2 havo"), or a primary school year ("groep 6": the child is in that year of a primary
    school). Without one a family's question is about home, not about what the school can do."""
    simple = simplify(text)
    return bool(_SCHOOL_WORDS.search(simple) or _PRIMARY.search(simple) or _SECONDARY.search(simple)
                or _GROEP.search(simple))


def school_year_only(text: str) -> bool:
    """The question's only school cue is a primary school year ("groep 5"): no school word nor kind of school."""
    simple = simplify(text)
    return bool(_GROEP.search(simple)) and not (_SCHOOL_WORDS.search(simple) or _PRIMARY.search(simple)
                                                  or _SECONDARY.search(simple))


def _school_year_age(simple: str) -> Optional[int]:
    """The youngest usual age of a school year said in the question ("groep 7" -> 10, "3 havo" -> 14)."""
    match = _GROEP.search(simple)
    if match:
        return (_to_int(match.group(1)) or 0) + 3
    match = _KLAS.search(simple)
    if match:
        if match.group(6):
            return 12
        year = next(g for g in match.groups()[:5] if g)
        return (ORDINAL_WORDS.get(year) or int(year)) + 11
    return None


def resolve_plaats(name: Optional[str]) -> Optional["places.Plaats"]:
    """The place a value stands for (code, municipality, village, wijk, region, or a typo of one)."""
    if not name:
        return None
    key = simplify(str(name)).strip()
    if key in WERKGEBIEDEN and key != "landelijk":
        # a code ("utrecht") still says which part the kaart covers, as the place name does
        known = places.resolve(key)
        dekking = known.dekking if known is not None and known.code == key else None
        return places.Plaats(WERKGEBIEDEN[key], str(name), "gemeente", key, dekking)
    return places.resolve(name)


_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n(\"'])\s*$")
# words after which a capitalised word is a person's name: "mevrouw Jansen", "zoon Daan", "met Pieter"
_BEFORE_A_NAME = frozenset("mevrouw meneer mw mevr dhr heer familie fam zoon zoontje dochter dochtertje kind jongen "
                           "meisje moeder vader oma opa broer zus juf meester mentor met van".split())


def _without_names(text: str) -> str:
    """``text`` with people's names blanked, so a name is never read as a problem word ("mevrouw Jansen" is not a
    typo of "dansen"; a user test got sport and culture for it). A name here is a capitalised word that is no Dutch
    word, after a word like "mevrouw", "zoon" or "met", or next to another such word ("Pieter Bakker"). Other
    capitalised words stay: "Oekraïense moeder", "Therapiepraktijk Zijn", the first word of a sentence."""
    # a first name that opens a sentence or line still names someone next to a surname ("Mirjam Jansen" under an
    # e-mail: a user test read "Jansen" as "dansen"); a Dutch word stays ("Therapiepraktijk Zijn")
    capitalised = [m for m in _CAPITALISED.finditer(text) if not known(m.group().lower())]
    found = [m for m in capitalised if not _SENTENCE_START.search(text[:m.start()])]
    names = []
    for match in capitalised:
        before = words(text[:match.start()])[-1:]
        joined = any(other is not match and (other.end() + 1 == match.start() or match.end() + 1 == other.start())
                     and (other in found or match in found) for other in capitalised)
        if (match in found and before and before[0] in _BEFORE_A_NAME) or joined:
            names.append(match)
    for match in reversed(names):
        text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return text


def resolve_gemeente(name: Optional[str]) -> Optional[str]:
    """A service-area code from a code, municipality, village, wijk or region name; None if unknown
    or outside the kaart."""
    plaats = resolve_plaats(name)
    return plaats.code if plaats else None


def extract_plaats(text: str, plaats: Optional["places.Plaats"] = None, searched: bool = False
                   ) -> Tuple[Optional[str], Optional[str], Optional[str], Optional[str]]:
    """(area code, place as written, outside-region place, unknown place); ``searched``: ``plaats`` is what
    the place table found in ``text`` (also when None), so it is not looked up again."""
    if plaats is None and not searched:
        plaats = places.zoek_plaats(text)
    if plaats is not None:
        if plaats.buiten:
            return None, None, plaats.geschreven, None
        return plaats.code, plaats.geschreven, None, None
    for match in _PLACE_AFTER.finditer(text):
        candidate = match.group(1).strip()
        if simplify(candidate) not in _NOT_PLACES and not _RELATIVES_PLACE.search(text, 0, match.start(1)):
            return None, None, None, candidate
    return None, None, None, None


# Where a relative outside the household comes from or lives, or where the family went on holiday, is not where the
# family lives: "Zijn oma uit Spanje is net een maand bij ons geweest" (toets24) was read as a place outside the kaart,
# and no service came up at all.
_RELATIVES_PLACE = re.compile(
    r"\b(?:oma|opa|opa\s+en\s+oma|oma\s+en\s+opa|grootouders|grootmoeder|grootvader|tante|oom|neef|nicht|neefje|nichtje"
    r"|familie|schoonmoeder|schoonvader|schoonouders|vakantie|reis|schoolreis)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:uit|in|te|vanuit)\s+$", re.IGNORECASE)


# Capitalised words after "in"/"bij" that are not places (organisations, roles, days ...).
_NOT_PLACES = frozenset(
    simplify(w)
    for w in (
        "Jeugd en Gezin", "Versa", "Versa Welzijn", "POH", "POH-Jeugd", "GGD", "Nederland", "Nederlands",
        "Veilig Thuis", "KOOS", "JGZ", "JoU", "DOCK", "Youké", "Uniek", "Het ABC", "Halt", "Engels",
        "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Ik", "De", "Het",
    )
)


def _build_doelgroep_cues(knowledge) -> Dict[str, Tuple[Tuple[str, str], ...]]:
    """Target group -> (word, its lemma phrase) of one loaded knowledge."""
    return {entry.id: tuple((word, lemma_string(word, knowledge)) for word in entry.woorden if word.strip())
            for entry in knowledge.entries.get("kaart_doelgroepwoorden", {}).values()}


_doelgroep_cues = PerKnowledge(_build_doelgroep_cues)


def extract_doelgroep(text: str, knowledge=None) -> List[str]:
    """The target groups the question speaks of or for (soft hints for ranking), in file order. A professional or
    club of the child ("zijn trainer", "haar voetbalclub") is the child's, not who asks."""
    guarded = guard_homonyms(text)
    lemmed = lemma_string(guarded, knowledge)
    # who is told something does not ask: "jongen vertelt het zijn mentor", "heeft het aan de juf verteld"
    asking = lemma_string(_TOLD.sub(" ", guarded), knowledge)
    own = lemma_string(_CLUB_TO_JOIN.sub(" ", _POSSESSED.sub(" ", _TOLD.sub(" ", guarded))), knowledge)
    return [group for group, cues in _doelgroep_cues(knowledge).items()
            if any(phrase in {"professional": own, "school": asking}.get(group, lemmed) for _, phrase in cues)]


# a club the child would join is what the family needs, not who asks: "geen geld voor de club", "wil naar een
# voetbalclub", "zoekt een sportclub" (a user test got the projects of Vleuten for a family; "de hockeyclub ziet dat"
# still asks)
_CLUB_TO_JOIN = re.compile(r"\b(?:voor|naar|op|lid\s+(?:van|bij|worden\s+van)|zoekt|zoeken|zoek|vinden|vindt)\s+"
                           r"(?:(?:de|een|het|hun|zijn|haar|z'n)\s+)?(?:[\w'-]+\s+)?[\w'-]*(?:club|vereniging)s?\b",
                           re.IGNORECASE)
# the child's or family's own professional, also one that was there before ("de vorige hulpverlener is gestopt")
_POSSESSED = re.compile(r"\b(?:zijn|haar|z'n|hun|d'r|(?:de|een|hun)\s+(?:vorige|eerdere|oude|huidige|vaste))\s+[\w'-]+",
                        re.IGNORECASE)
_TOLD_TO = r"(?:aan\s+)?(?:zijn|haar|z'n|hun|d'r|de|een)\s+(?:[\w'-]+\s+)?"  # "(aan) de juf", "haar nieuwe mentor"
_TOLD = re.compile(
    r"\b(?:vertel(?:t|de|den|len)?|verteld|zegt|zei|zeiden|meldt|meldde|toevertrouwd|vertrouwt)\s+"
    r"(?:(?:het|dit|dat|alles|iets|veel)\s+)?" + _TOLD_TO + r"[\w'-]+(?=\s+(?:dat|over|wat|hoe|van|,|\.|$))"
    r"|\b(?:het|dit|dat|alles|iets|veel)\s+" + _TOLD_TO + r"[\w'-]+\s+"
    r"(?:verteld|gezegd|gemeld|toevertrouwd|vertellen)\b"
    r"|\baan\s+(?:zijn|haar|z'n|hun|d'r|de|een)\s+(?:[\w'-]+\s+)?[\w'-]+\s+(?:verteld|gezegd|gemeld|toevertrouwd"
    r"|vertellen|laten\s+weten)\b"
    r"|\b(?:zijn|haar|z'n|hun|d'r|de)\s+[\w'-]+\s+in\s+vertrouwen\s+genomen\b", re.IGNORECASE)


# Help asked for the parent itself ("hulp voor de moeder zelf", "iets voor vader zelf", "ondersteuning voor de ouders
# zelf"; also what ``bot.kaart.dialog`` adds for "en voor de moeder?" after a search): the parent is whom the question
# is for, not the child it names.
_FOR_THE_PARENT = re.compile(r"\b(?:hulp|iets|steun|ondersteuning|aanbod)\s+(?:\w+\s+)?voor\s+(?:de\s+|die\s+|een\s+)?"
                             r"(?:moeder|vader|ouders?|mama|papa|grootouders?|opa(?:\s+en\s+oma)?|oma(?:\s+en\s+opa)?)"
                             r"\s+zelf\b", re.IGNORECASE)


def _doelgroep_without_caller(text: str, framed: str, knowledge=None) -> List[str]:
    """The target groups of the question (``extract_doelgroep``), where a professional named only in the words
    that frame the call ("een collega belt namens een moeder") is the caller: the question
    stays one about a family, so pilots and projects stay out of it as for any family question. Help asked for the
    parent itself (``_FOR_THE_PARENT``) is for the parent, not the child."""
    hints = extract_doelgroep(subject.ABSENT_PERSON.sub(" ", text), knowledge)  # "zonder ouders": not about them
    if _FOR_THE_PARENT.search(text):
        hints = [group for group in hints if group != "jeugdige"] + ([] if "ouder" in hints else ["ouder"])
    if framed == text or "professional" not in hints:
        return hints
    return [group for group in hints if group != "professional" or group in extract_doelgroep(framed, knowledge)]


def search_text(text: str, knowledge=None, own_roles: Optional[spoken.RoleSpans] = None) -> str:
    """``text`` as the kaart's text match should read it: homonyms guarded (see ``HOMONIEMEN``: "het buurtteam
    zoekt ..." is who asks, "vader werkt bij ..." no question about work), the parts that frame the call blanked
    (``spoken.without_framing``: "ik werk bij het buurtteam in Bussum") and what is said not to be there left out
    (``spoken.without_denials``: "geen sprake van geweld", "niet verslaafd") and the caller's own role
    (``spoken.without_caller_roles``: "schoolmaatschappelijk werker vraagt: ..."; ``own_roles`` when already read),
    so none of them lifts a service."""
    unrolled = spoken.without_caller_roles(text, knowledge, own_roles)
    return spoken.without_good_news(
        spoken.without_denials(spoken.without_framing(guard_homonyms(unrolled), knowledge), knowledge))


_PLACE_MARK = "\x00"  # the recognised place, marked for ``_PLACE_OF``
_PLACE_OF = re.compile(r"\s(?:uit|in|te|vanuit)\s+\x00(?=\s)", re.IGNORECASE)


def _without_own_team(themas: List[str], woorden: Dict[str, List[str]], gezegd: Dict[str, List[str]],
                      own_roles: spoken.RoleSpans) -> List[str]:
    """``themas`` without a theme found only by the name of the caller's own team ("gezinswerker buurtteam de meern:
    meisje 15 angstig" is no question for youth care by 'buurtteam': a consultant's test of session 26 read "Past bij
    gespecialiseerde jeugdhulp ('buurtteam')" told to the buurtteam itself); ``woorden`` and ``gezegd`` lose it too."""
    team = {role for _, _, role in own_roles if role in spoken.TEAM_ROLES}
    if not team:
        return themas
    only_team = [theme for theme in themas if woorden.get(theme) and {simplify(w) for w in woorden[theme]} <= team]
    for theme in only_team:
        woorden.pop(theme, None)
        gezegd.pop(theme, None)
    return [theme for theme in themas if theme not in only_team]


# A burn-out is school stress (prestatiedruk) of a pupil, but a parent's own strain when a parent has it: "moeder zit
# thuis met een burn-out", "ik zit thuis met een burn-out en kan de drukte van mijn kinderen niet meer aan" (the seen
# sets: eight burn-outs, all of a parent, read as the child's school stress, with school social work first)
BURN_OUT_WORDS = frozenset({"burn-out", "burnout", "burn out", "opgebrand"})
_SPEAKERS_BURN_OUT = re.compile(
    r"\b(?:ik|mijn vrouw|mijn man|mijn partner)\b[^,.;:!?]{0,40}\b(?:burn-?\s?out|opgebrand)", re.IGNORECASE)
# being at home with one's own burn-out is no school absence: "zit thuis met een burn-out"
_HOME_WITH_BURN_OUT = re.compile(r"\bzit\w*\s+(?:\w+\s+){0,2}thuis\s+met\s+(?:een\s+)?(?:burn-?\s?out|opgebrand)",
                                 re.IGNORECASE)
PARENT_STRAIN_THEME = "somberheid_angst"


def _parents_burn_out(text: str, themas: List[str], woorden: Dict[str, List[str]], gezegd: Dict[str, List[str]],
                      ouder_themas: List[str], kind_themas: List[str]
                      ) -> Tuple[List[str], List[str], List[str]]:
    """(themas, ouder_themas, kind_themas) with a parent's burn-out read as the parent's own strain
    (``PARENT_STRAIN_THEME``), not as school stress: school stress read only by the words of a burn-out
    (``BURN_OUT_WORDS``) that a parent has (said of a parent, ``ouder_themas``, or by the one who asks: "ik zit thuis
    met een burn-out"). "Zit thuis" said of the one with the burn-out is no school absence either. ``woorden`` and
    ``gezegd`` follow."""
    theme = "prestatiedruk"
    words = {simplify(word) for word in woorden.get(theme, ())}
    if theme not in themas or not words or not words <= {simplify(w) for w in BURN_OUT_WORDS}:
        return themas, ouder_themas, kind_themas
    if theme not in ouder_themas and not _SPEAKERS_BURN_OUT.search(text):
        return themas, ouder_themas, kind_themas
    out = [PARENT_STRAIN_THEME if t == theme else t for t in themas]
    out = [t for i, t in enumerate(out) if t not in out[:i]]
    woorden[PARENT_STRAIN_THEME] = woorden.get(PARENT_STRAIN_THEME, []) + woorden.pop(theme)
    gezegd[PARENT_STRAIN_THEME] = gezegd.get(PARENT_STRAIN_THEME, []) + gezegd.pop(theme, [])
    if _HOME_WITH_BURN_OUT.search(text) and {simplify(w) for w in woorden.get("schoolverzuim", ())} == {"zit thuis"}:
        out = [t for t in out if t != "schoolverzuim"]
        woorden.pop("schoolverzuim", None)
        gezegd.pop("schoolverzuim", None)
    parent = [PARENT_STRAIN_THEME if t == theme else t for t in ouder_themas if t in out or t == theme]
    if PARENT_STRAIN_THEME not in parent:
        parent.append(PARENT_STRAIN_THEME)
    child = [t for t in kind_themas if t != theme and t in out]
    return out, [t for i, t in enumerate(parent) if t not in parent[:i]], child


# A parent who wants to die (said of the parent, not of the child): the children in that parent's care are not safe
# for now, so the question is about their safety too (the meldcode: consult Veilig Thuis); the kaart has no crisis
# service for the parent (``ontbrekende_hulp``: crisis_ggz). The blind set toets23 got the municipality's team first
# and no Veilig Thuis for a neighbour's call about a confused father of two who says he wants to die.
SUICIDE_WORDS = frozenset({"wil dood", "dood willen", "dood wil", "wil er niet meer zijn", "er niet meer wil zijn",
                           "niet meer leven", "doodsgedachten", "suicide", "zelfmoordgedachte", "zelfmoordgedachten",
                           "suicidaal", "zelfmoord", "afscheidsbrief", "afscheidsbericht", "zelfmoordpoging",
                           "suicidepoging", "einde aan maken", "suicidale gedachten"})


def _parent_in_crisis(themas: List[str], woorden: Dict[str, List[str]], gezegd: Dict[str, List[str]],
                      ouder_themas: List[str], kind_themas: List[str]) -> List[str]:
    """``themas`` with safety (``SAFETY``) after them when a parent's own mood was read by words of wanting to die
    (``SUICIDE_WORDS``) and not said of the child; ``woorden`` and ``gezegd`` name those words for safety too."""
    theme = "somberheid_angst"
    if SAFETY in themas or theme not in ouder_themas or theme in kind_themas:
        return themas
    said = [word for word in woorden.get(theme, ()) if simplify(word) in SUICIDE_WORDS]
    if not said:
        return themas
    woorden[SAFETY] = list(said)
    gezegd[SAFETY] = [word for word in gezegd.get(theme, ()) if simplify(word) in SUICIDE_WORDS] or list(said)
    return themas + [SAFETY]


# Where children play ("in het speeltuintje wordt hij gepest", "spelen 's avonds alleen in de speeltuin") says where
# something happens, not that the family looks for something to do (a consultant's test of session 26 read
# "speeltuintje" as leisure and got youth work first)
PLAY_PLACE_WORDS = frozenset({"speeltuin", "speeltuintje", "speeltuinen", "buiten spelen"})


def _without_place_of_play(themas: List[str], woorden: Dict[str, List[str]], gezegd: Dict[str, List[str]]
                           ) -> List[str]:
    """``themas`` without leisure (vrije_tijd) read only by a word of where children play (``PLAY_PLACE_WORDS``) when
    the question names another problem; ``woorden`` and ``gezegd`` lose it too."""
    theme = "vrije_tijd"
    words = {simplify(word) for word in woorden.get(theme, ())}
    if theme not in themas or len(themas) < 2 or not words or not words <= PLAY_PLACE_WORDS:
        return themas
    woorden.pop(theme, None)
    gezegd.pop(theme, None)
    return [t for t in themas if t != theme]


# A child used by others to run drugs or parcels ("wordt ingezet als drugskoerier", "wordt door oudere jongens gevraagd
# om pakketjes rond te brengen") is a child being exploited (criminele uitbuiting, a safety word), besides the crime:
# toets17 and toets23 expected Veilig Thuis and got none. The courier words of the theme criminaliteit, said with a
# word of being used, recruited or made to.
COURIER_WORDS = frozenset({"drugskoerier", "koerier", "drugsrunner", "pakketjes rondbrengen",
                           "pakketjes rond te brengen", "brengt pakketjes rond", "pakketjes bezorgen",
                           "pakketjes wegbrengen", "drugs rondbrengen", "drugs rond te brengen", "brengt drugs rond",
                           "drugs vervoeren"})
_USED_BY_OTHERS = re.compile(r"\b(?:ingezet|gevraagd|geronseld|gebruikt\s+(?:door|als)|gedwongen|onder\s+druk\s+gezet"
                             r"|moet\s+van)\b", re.IGNORECASE)


def _child_used_by_others(text: str, themas: List[str], woorden: Dict[str, List[str]], gezegd: Dict[str, List[str]]
                          ) -> List[str]:
    """``themas`` with safety (``SAFETY``) after them when the crime is running drugs or parcels (``COURIER_WORDS``)
    for others (``_USED_BY_OTHERS``); ``woorden`` and ``gezegd`` name the courier words for safety too."""
    said = [word for word in woorden.get("criminaliteit", ()) if simplify(word) in COURIER_WORDS]
    if SAFETY in themas or not said or not _USED_BY_OTHERS.search(text):
        return themas
    woorden[SAFETY] = list(said)
    gezegd[SAFETY] = [word for word in gezegd.get("criminaliteit", ()) if simplify(word) in COURIER_WORDS] or list(said)
    return themas + [SAFETY]


# A child's gaming or screen use ("gamet tot diep in de nacht", "zit de hele dag achter een scherm") is first a
# question of setting limits at home, a parenting question (opvoeding): "veel opvoedvragen van ouders gaan over het
# mediagebruik van hun kinderen" (Mediawijzer.net, MediaDiamant, theoretisch kader; NJI, "Media-risico's voor
# kinderen", 2013, on the role of the parent), and the opvoedcoach of team Jeugd en Gezin takes parents' questions on
# raising their children (004, IDU-werkboek). The screen words stay addiction words too (verslaving). Session 29:
# toets18 0.704 -> 0.708, toets22 0.745 -> 0.748, the other seen sets unchanged.
_SCREEN_WORD = re.compile(r"\b(?:game\w*|gamet|gamede|scherm\w*|beeldscherm|telefoon\w*|fortnite|"
                          r"achter\s+(?:een|de|het)\s+(?:scherm|computer|laptop)|op\s+(?:zijn|haar|z'n)\s+telefoon)\b")


def _screen_limits(themas: List[str], woorden: Dict[str, List[str]], ouder_themas: List[str]) -> List[str]:
    """``themas`` with parenting (opvoeding) last when the question is first about addiction, every addiction word
    is a screen word (``_SCREEN_WORD``) and the addiction is not a parent's own ("vader gamet de hele nacht"). A
    question that leads with another problem ("weigert naar school te gaan en zit de hele dag te gamen") stays that
    problem's question."""
    said = woorden.get("verslaving", ())
    if (not themas or themas[0] != "verslaving" or "opvoeding" in themas or "verslaving" in ouder_themas or not said
            or not all(_SCREEN_WORD.search(simplify(word)) for word in said)):
        return themas
    return themas + ["opvoeding"]


# A young person who asks for themselves ("ik ben zelf zeventien", "ik ben 15", "ik ben een meisje van 14", "I'm 16"):
# a parent's problem they tell of ("mijn moeder drinkt elke avond") is what they live with, so the help is theirs as
# a child of that parent; services for young people count on it (session 29: a first-person story of a 17-year-old got
# only the buurtteam and the note that help for the parent is not in the kaart). A parent in crisis stays a question
# of safety (``_parent_in_crisis`` came first).
_YOUNG_AGES = ("tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig eenentwintig "
               "tweeëntwintig drieëntwintig").split()
_YOUNG_ASKER = re.compile(
    r"\b(?:ik\s+ben|i'?m|i\s+am)\s+(?:zelf\s+|nu\s+|pas\s+|bijna\s+|net\s+)?(?:(1\d|2[0-3])|(" + "|".join(_YOUNG_AGES)
    + r"))\b(?!\s*(?:jaar\s+)?(?:getrouwd|samen|moeder|vader|ouder|mama|papa|gescheiden|weken|week|maanden|maand"
    r"|dagen|dag|uur|minuten|keer|euro|kilo|kg|procent|%|jaar\s+(?:bij|in|op|als|aan|werkzaam)))"
    r"|\bik\s+ben\s+(?:zelf\s+)?een\s+(?:jongen|meisje|meid|scholier|leerling|tiener|puber)\s+van\b",
    re.IGNORECASE)


def young_askers_age(text: str) -> Optional[int]:
    """The age a young person gives of themselves ("ik ben zelf zeventien", "ik ben 15", "I'm 16"; ``_YOUNG_ASKER``),
    None without one."""
    match = _YOUNG_ASKER.search(simplify(text or ""))
    if match is None or not (match.group(1) or match.group(2)):
        return None
    return int(match.group(1)) if match.group(1) else _YOUNG_AGES.index(match.group(2).lower()) + 10


def _young_asker_bears(text: str, ouder_themas: List[str], kind_themas: List[str]) -> Tuple[List[str], List[str]]:
    """(ouder_themas, kind_themas) with a parent's own problems read as the child's when a young person asks for
    themselves (``_YOUNG_ASKER``)."""
    if not ouder_themas or not _YOUNG_ASKER.search(text or ""):
        return ouder_themas, kind_themas
    return [], list(dict.fromkeys(list(kind_themas) + list(ouder_themas)))


def parse_vraag(text: str, knowledge=None) -> Vraag:
    """Everything the kaart can read from one question (word lists of ``knowledge``, default the knowledge in
    use, looked up once)."""
    knowledge = knowledge if knowledge is not None else get_knowledge()
    # a dictated note read as typed: no "ehm", "o t s" as "ots", "vraagteken" as "?", "lover boy" as "loverboy"
    text = spoken.as_typed((text or "").strip(), knowledge).strip()
    # a long phone note is read as a whole, up to the longest message a channel takes (RUSTPUNT_MAX_MESSAGE);
    # a longer question is cut, and the caller is told
    limit = max_message_length()
    ingekort = len(text) > limit
    text = text[:limit]
    # the family's place, not the caller's: a place in the words that frame the call ("ik bel vanuit Hilversum
    # over een gezin uit Huizen") counts only when no other place is named
    framed = spoken.without_framing(text, knowledge)
    gevonden = places.zoek_plaats(framed, knowledge)
    if gevonden is None and framed != text:
        gevonden = places.zoek_plaats(text, knowledge)
    gemeente, plaats, buiten, onbekend = extract_plaats(text, gevonden, searched=True)
    # a place is no problem word ("Zuilen" is not a typo of "huilen"), also one that did not decide the place
    asked = text.replace(plaats, " ", 1) if plaats else text
    for named in places.genoemde_plaatsen(asked, knowledge):
        asked = asked.replace(named, " ", 1)
    asked = spoken.without_good_news(_without_names(asked))
    themas, woorden, spans, lemmed, gezegd = _match_themas(asked, knowledge)
    maatregel_loopt = measure_in_place(asked)
    raad_onderzoekt = not maatregel_loopt and raad_investigates(asked)
    if (maatregel_loopt or raad_onderzoekt) and only_measure_words(woorden.get(SAFETY, ())):
        # "OTS loopt, zoekt lichte opvoedondersteuning": the question asks for the other theme first, not for safety
        themas = [theme for theme in themas if theme != SAFETY] + [SAFETY]
    leeftijd = extract_leeftijd(text)
    if leeftijd is None:
        leeftijd = young_askers_age(text)  # "ik ben zelf zeventien": the young person who asks (session 29)
    if leeftijd is None and (plaats or buiten):
        # where the child lives told between the child and its age: "jongen uit naarden van zeventien"
        leeftijd = extract_leeftijd(_PLACE_OF.sub(" ", text.replace(plaats or buiten or "", _PLACE_MARK, 1)))
    leeftijden = extract_leeftijden(text) if leeftijd is None else ()
    themas = _young_childs_words(themas, woorden, spans, gezegd, leeftijd, leeftijden)
    own_roles = spoken.own_caller_roles(text, knowledge)  # read once: the search text and the caller's services
    themas = _without_own_team(themas, woorden, gezegd, own_roles)
    themas = _without_place_of_play(themas, woorden, gezegd)
    ouder_themas, kind_themas = extract_subjects(asked, themas, spans, lemmed, knowledge,
                                                 child_named=leeftijd is not None or bool(leeftijden), woorden=woorden)
    themas, ouder_themas, kind_themas = _parents_burn_out(asked, themas, woorden, gezegd, ouder_themas, kind_themas)
    themas = _parent_in_crisis(themas, woorden, gezegd, ouder_themas, kind_themas)
    themas = _child_used_by_others(asked, themas, woorden, gezegd)
    ouder_themas, kind_themas = _young_asker_bears(asked, ouder_themas, kind_themas)
    themas = _screen_limits(themas, woorden, ouder_themas)
    return Vraag(
        tekst=text,
        themas=themas,
        thema_woorden=woorden,
        thema_gezegd=_typed(gezegd, text),
        leeftijd=leeftijd,
        leeftijden=leeftijden,
        gemeente=gemeente,
        plaats=plaats,
        buiten_regio=buiten,
        onbekende_plaats=onbekend,
        doelgroep_hints=_doelgroep_without_caller(text, framed, knowledge),
        ouder_themas=ouder_themas,
        kind_themas=kind_themas,
        ingekort=ingekort,
        plaats_info=gevonden if gemeente else None,
        zoektekst=search_text(text, knowledge, own_roles),
        maatregel_loopt=maatregel_loopt,
        raad_onderzoekt=raad_onderzoekt,
        beller=spoken.caller_roles(text, knowledge, own_roles),
        beller_route=spoken.caller_routes(text, knowledge, own_roles),
        niet_via=spoken.refused_routes(text),
    )


# Problem words that say a young child's development only of a child not at school yet, or hardly at school: "een
# kind van 3 dat niet praat" is late talking (the youth health service), "ze wil er niet over praten" of a girl of 15
# is not (a second-round user test of session 24 got "Waar gaat het vooral om?" for the toddler).
TALKING_WORDS = frozenset({"praat niet", "niet praat"})
TALKING_AGE_MAX = 6  # the oldest age at which not talking is read as late talking
# Crying, a word of somberheid_angst, is of a baby when the question speaks of a baby or an age under one: "baby van
# 4 maanden huilt veel" is a crying baby (jonge_kind: the consultatiebureau), no sombre child.
CRYING_WORDS = frozenset({"huilen", "huilt veel", "huilbuien"})
BABY_AGE_MAX = 1
BABY_WORDS = frozenset({"baby", "huilbaby", "pasgeboren", "pasgeborene", "zuigeling"})


def _young_childs_words(themas: List[str], woorden: Dict[str, List[str]], spans: Dict[str, Tuple[int, int]],
                        gezegd: Dict[str, List[str]], leeftijd: Optional[int], leeftijden: Tuple[int, ...]
                        ) -> List[str]:
    """The themes with the words of a young child's development and crying read by the child's age (``TALKING_WORDS``,
    ``CRYING_WORDS``); ``woorden``, ``spans`` and ``gezegd`` are changed in place."""
    ages = [leeftijd] if leeftijd is not None else list(leeftijden)
    young_words = {word.lower() for word in woorden.get("jonge_kind", ())}
    talking = set(woorden.get("ontwikkeling", ())) & TALKING_WORDS
    if talking and not (young_words & PRESCHOOL_WORDS or (ages and min(ages) <= TALKING_AGE_MAX)):
        woorden["ontwikkeling"] = [word for word in woorden["ontwikkeling"] if word not in talking]
        if not woorden["ontwikkeling"]:
            themas = [theme for theme in themas if theme != "ontwikkeling"]
            woorden.pop("ontwikkeling", None)
            spans.pop("ontwikkeling", None)
            gezegd.pop("ontwikkeling", None)
    crying = woorden.get("somberheid_angst", ())
    if crying and set(crying) <= CRYING_WORDS and (young_words & BABY_WORDS or (ages and max(ages) <= BABY_AGE_MAX)):
        if "jonge_kind" in themas:
            themas = [theme for theme in themas if theme != "somberheid_angst"]
            woorden["jonge_kind"] = list(woorden["jonge_kind"]) + list(crying)
            gezegd["jonge_kind"] = list(gezegd.get("jonge_kind", ())) + list(gezegd.get("somberheid_angst", ()))
        else:
            themas = ["jonge_kind" if theme == "somberheid_angst" else theme for theme in themas]
            woorden["jonge_kind"] = list(crying)
            gezegd["jonge_kind"] = list(gezegd.get("somberheid_angst", ()))
            spans["jonge_kind"] = spans["somberheid_angst"]
        woorden.pop("somberheid_angst", None)
        spans.pop("somberheid_angst", None)
        gezegd.pop("somberheid_angst", None)
    return themas


SAFETY = "veiligheid"
# The words of the safety theme that name a child protection measure, its institution or its professional.
MEASURE_WORDS = frozenset({"jeugdbescherming", "ondertoezichtstelling", "ots", "gecertificeerde instelling", "gi",
                           "gezinsvoogd", "gezinsvoogdij", "jeugdbeschermer", "djgb", "kinderbeschermingsmaatregel",
                           "jeugdbeschermingsmaatregel", "kinderbescherming", "raad voor de kinderbescherming"})
_MEASURE = r"(?:ots|ondertoezichtstelling|maatregel|kinderbeschermingsmaatregel|uithuisplaatsing|voogdij)"
# "jb" as a consultant notes the jeugdbescherming or jeugdbeschermer ("ots loopt, ..., jb onbereikbaar", toets20)
_MEASURE_PERSON = r"(?:gezinsvoogd|jeugdbeschermer|jeugdbescherming|djgb|gi|gecertificeerde instelling|jb)"
# A measure already in place, as a consultant notes it: "OTS loopt", "lopende ondertoezichtstelling", "heeft net een
# ondertoezichtstelling gekregen", "staat onder toezicht", "de gezinsvoogd belt", "gezinsvoogd DJGB belt",
# "jeugdbescherming is betrokken". Asking for one is not ("vraagt om een gezinsvoogd", "ots aanvragen", "moet er een
# OTS komen?").
_IN_PLACE = re.compile(
    # ("ots ... hoe loopt dat" asks how the way to one goes: toets16)
    r"\b" + _MEASURE + r"\b\s+(?:[\w']+\s+){0,2}?(?<!hoe )(?:loopt|lopen|liep|is uitgesproken|uitgesproken|is verlengd"
    r"|verlengd|gekregen|opgelegd|afgegeven|is al|al)\b"
    r"|\b(?:lopende|loopt\s+(?:al\s+|nu\s+)?een)\s+" + _MEASURE + r"\b"
    r"|\b(?:heeft|hebben|had|hadden|kreeg|kregen|zit|zitten|onder)\s+(?:[\w']+\s+){0,3}?(?:een\s+)?" + _MEASURE
    + r"\b(?!\s+(?:aanvragen|aan te vragen|nodig|komen|krijgen|vragen))"
    r"|\bonder\s+toezicht\s+(?:gesteld|staan|staat|stond)|\b(?:staat|staan|stond)\s+(?:[\w']+\s+){0,2}?onder\s+"
    r"toezicht\b"
    r"|\b(?:met|onder)\s+(?:een\s+)?" + _MEASURE + r"\b"
    r"|\b(?:de|haar|zijn|hun|z'n|m'n|onze)\s+(?:[\w']+\s+)?(?:gezinsvoogd|jeugdbeschermer)\b"
    r"|\b" + _MEASURE_PERSON + r"\s+(?:[\w'&]+\s+)?(?:belt|belde|zegt|doet|vraagt|is betrokken|zijn betrokken"
    r"|is al betrokken|zijn al betrokken|komt|kwam|zoekt)\b"
    # since when, a guardian who cannot be reached, another or a new guardian wanted (toets18: "ots sinds de zomer,
    # gezinsvoogd jb niet bereikbaar", "vdr wil een andere gezinsvoogd"): the measure is there
    r"|\b" + _MEASURE + r"\s+(?:al\s+|loopt\s+)?sinds\b"
    r"|\b" + _MEASURE_PERSON + r"\s+(?:[\w'&]+\s+){0,2}?(?:(?:is\s+)?(?:niet|slecht|nooit|nauwelijks)\s+bereikbaar"
    r"|onbereikbaar|reageert\s+niet|neemt\s+niet\s+op)\b"
    r"|\b(?:andere|nieuwe)\s+(?:gezinsvoogd|jeugdbeschermer)\b", re.IGNORECASE)


# With a measure in place, a question that asks for the measure's own professional: who it is, how to reach one who
# cannot be reached, another one ("wie is de gezinsvoogd", "de gezinsvoogd is al weken onbereikbaar", "vdr wil een
# andere gezinsvoogd", "bij welke instelling zit de jeugdbeschermer", "hoe kom ik in contact met de jeugdbescherming").
_CONTACT_ASKED = re.compile(
    r"\b" + _MEASURE_PERSON + r"\s+(?:[\w'&]+\s+){0,3}?(?:(?:is\s+)?(?:niet|slecht|nooit|nauwelijks)\s+(?:te\s+)?"
    r"bereikbaar|onbereikbaar|reageert\s+niet|neemt\s+niet\s+op)\b"
    # one who is away ("de gezinsvoogd is ziek", "jeugdbeschermer met verlof", "gezinsvoogd is gestopt": a user test
    # of session 22 got JGZ first)
    r"|\b" + _MEASURE_PERSON + r"\s+(?:[\w'&]+\s+){0,3}?(?:ziek|afwezig|met\s+verlof|met\s+zwangerschapsverlof"
    r"|op\s+vakantie|weg|vertrokken|gestopt|uitgevallen|overspannen|in\s+de\s+ziektewet|langdurig\s+uit)\b"
    r"|\b(?:andere|nieuwe)\s+(?:gezinsvoogd|jeugdbeschermer)\b"
    r"|\bwie\s+(?:is|wordt|zijn)\s+(?:de|hun|haar|zijn)\s+(?:gezinsvoogd|jeugdbeschermer|gecertificeerde\s+instelling)\b"
    r"|\b(?:bij\s+)?welke\s+(?:instelling|gecertificeerde\s+instelling)\b"
    r"|\b(?:contact|afstemmen|overleggen)\s+(?:[\w']+\s+){0,2}?(?:met\s+)?(?:de\s+)?(?:gezinsvoogd|jeugdbeschermer"
    r"|jeugdbescherming|gecertificeerde\s+instelling)\b"
    r"|\bmet\s+wie\s+van\s+de\s+(?:jeugdbescherming|gecertificeerde\s+instelling|gi)\b"
    r"|\bmet\s+(?:de|hun|haar|zijn)\s+(?:gezinsvoogd|jeugdbeschermer)\s+(?:praten|spreken|overleggen|in\s+contact)\b"
    r"|\bwie\s+voert\s+(?:die|deze|dat|het|de\s+\w+)\s+uit\b"
    # a parent who disagrees with or complains about the measure's professional (session 27: "ik ben het niet eens met
    # de gezinsvoogd", "mdr belt dat de gezinsvoogd niks doet"): the way is the institution's own, not a new referral
    r"|\b(?:niet\s+eens|oneens|ontevreden|klacht|klachten|klagen|boos)\s+(?:[\w']+\s+){0,3}?(?:met|over|op)\s+"
    r"(?:de|hun|haar|zijn|onze|mijn)\s+(?:gezinsvoogd|jeugdbeschermer|jeugdbescherming)\b"
    r"|\b(?:gezinsvoogd|jeugdbeschermer)\s+(?:[\w'&]+\s+){0,2}?(?:doet\s+(?:niks|niets|helemaal\s+niks)|luistert\s+niet)\b",
    re.IGNORECASE)


def measure_contact_asked(parsed: "Vraag") -> bool:
    """A measure is in place (``measure_in_place``) and the question asks for its professional (``_CONTACT_ASKED``):
    the jeugdbescherming itself is then the answer."""
    return parsed.maatregel_loopt and _CONTACT_ASKED.search(parsed.tekst) is not None


def measure_in_place(text: str) -> bool:
    """The question says a child protection measure is already in place (``_IN_PLACE``)."""
    return _IN_PLACE.search(text or "") is not None


# The Raad voor de Kinderbescherming already investigating, as a consultant notes it: "de Raad doet onderzoek", "de
# Raad voor de Kinderbescherming onderzoekt de omgang", "RvdK is betrokken", "er loopt een raadsonderzoek", "onderzoek
# van de Raad". Asking for one is not ("raadsonderzoek aanvragen", "moet de Raad erbij?"). 'raad' in lower case alone
# is advice ("ik weet geen raad meer"), so the Raad needs a capital, its full name or its abbreviation.
_RAAD = r"(?:raad\s+voor\s+de\s+kinderbescherming|rvdk|rvk)"
_RAAD_AT_WORK = (r"\s+(?:[\w']+\s+){0,2}?(?:doet|deed|doen|start|startte|begint|begon|onderzoekt|onderzocht|heeft\s+"
                 r"(?:een\s+)?onderzoek|is\s+(?:al\s+|nu\s+)?(?:bezig|betrokken|gestart|begonnen))\b")
_RAAD_INVESTIGATES = re.compile(
    r"\b" + _RAAD + _RAAD_AT_WORK
    + r"|\b(?:raads|rvdk-?)onderzoek\b(?!\s+(?:aanvragen|aan\s+te\s+vragen|nodig|vragen|komen))"
    r"|\bonderzoek\s+(?:van|door)\s+de\s+(?:raad|rvdk)\b", re.IGNORECASE)
_RAAD_CAPITAL = re.compile(r"\b(?:de\s+)?Raad" + _RAAD_AT_WORK)
# "raad doet onderzoek", "raad onderzoekt de omgang" in lower case, as a consultant types it on a phone (toets18,
# toets20): 'raad' as advice is never followed by the Raad's investigation ("ik weet geen raad, ..." has no
# "onderzoek" right after it)
_RAAD_LOWER = re.compile(r"\b(?:de\s+)?raad\s+(?:(?:doet|deed|doen|start|startte|begint|begon|heeft)\s+(?:nu\s+|al\s+)?"
                         r"(?:een\s+)?onderzoek|onderzoekt|onderzocht)\b", re.IGNORECASE)


def raad_investigates(text: str) -> bool:
    """The question says the Raad voor de Kinderbescherming already investigates (``_RAAD_INVESTIGATES``): the way to
    a measure is taken, so Veilig Thuis and the jeugdteam asking the Raad for it are no route to show."""
    return (_RAAD_INVESTIGATES.search(text or "") is not None or _RAAD_CAPITAL.search(text or "") is not None
            or _RAAD_LOWER.search(text or "") is not None)


def measure_words_only(parsed: Vraag) -> bool:
    """The question read the safety theme only by the words of a measure already in place (``measure_in_place``) or of
    the Raad already investigating (``raad_investigates``): "OTS loopt" and "de Raad doet onderzoek naar de omgang"
    are no sign of danger."""
    return (parsed.maatregel_loopt or parsed.raad_onderzoekt) and only_measure_words(parsed.thema_woorden.get(SAFETY,
                                                                                                            ()))


# The words of the placement theme ("verblijf", probleemwoorden.yml) that name a placement out of home, done or
# threatened, not a child already living elsewhere ("pleeggezin", "woongroep").
PLACEMENT_WORDS = frozenset({"uithuisplaatsing", "dreigende uithuisplaatsing", "uit huis plaatsen",
                             "uit huis geplaatst", "uithuisgeplaatst"})


def placement_under_measure(parsed: Vraag) -> bool:
    """A measure is already in place (``measure_in_place``) and the question names a placement out of home
    (``PLACEMENT_WORDS``): "ots loopt, jb wil zn 13 uit huis plaatsen", "lopende ots, uithuisplaatsing dreigt"."""
    return parsed.maatregel_loopt and bool(set(parsed.thema_woorden.get("verblijf", ())) & PLACEMENT_WORDS)


def only_measure_words(said) -> bool:
    """Every word a safety theme was read by names the measure (``MEASURE_WORDS``)."""
    return bool(said) and all(word in MEASURE_WORDS for word in said)


def _typed(gezegd: Dict[str, List[str]], text: str) -> Dict[str, List[str]]:
    """``gezegd`` without the words that are not in ``text`` as typed (a homonym's stand-in: "vecht" for "slaat zijn
    broertje"), so a reason quotes only what was typed."""
    typed = " " + " ".join(words(text)) + " "
    return {theme: [w for w in said if w and (f" {w} " in typed or "..." in w)] for theme, said in gezegd.items()}


def resolve_thema(value: Optional[str]) -> Optional[str]:
    """A theme code from a code or any synonym ('gescheiden' -> 'scheiding'); None if unknown."""
    if not value:
        return None
    key = simplify(str(value)).strip().replace(" ", "_")
    if key in THEMAS:
        return key
    themas, _ = extract_themas(str(value))
    return themas[0] if themas else None
