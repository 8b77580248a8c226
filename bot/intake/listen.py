"""Listen to an answer as a whole: callers do not answer in the order of the questions.

An answer is split into clauses; each clause is checked for cues of the aspects of the hulpvraag
(aard, beloop, omvang, ernst), of the network (who helps) and of loud quarrels at home (the question
'ruzie thuis': "nee, maar ze hebben gisteren hard geruzied" given to the acute-danger question).
A clause with such cues is filed under that aspect, whichever question was asked. The answer stays
with the question that was asked unless every clause of it clearly belongs elsewhere ("sinds een
maand of drie" given to the question about the family). Questions whose aspect was already answered
are skipped later (the session says so).

Cues are explainable word patterns, matched on lower-cased text without accents (like the signals).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

from bot.intake.signals import AFFIRMATIVE
from bot.text import NUMBER_WORDS, simplify

# aspect -> the plan key of the question that asks for it
ASPECT_KEYS: Dict[str, str] = {
    "aard": "algemeen.aard",
    "beloop": "algemeen.beloop",
    "omvang": "algemeen.omvang",
    "ernst": "algemeen.ernst",
    "netwerk": "sociaal_netwerk.steunpersonen",
    "ruzie": "veiligheid.ruzie_thuis",
    "gezin": "algemeen.gezin",
    "kern": "algemeen.kern",
}
KEY_ASPECTS = {key: aspect for aspect, key in ASPECT_KEYS.items()}
ASPECT_NAMES = {"aard": "aard", "beloop": "beloop", "omvang": "omvang", "ernst": "ernst", "netwerk": "netwerk en steun",
                "ruzie": "ruzie thuis", "gezin": "het gezin", "kern": "wat er speelt"}
# Aspects that cues never give: 'kern' takes what an answer to a safety question tells that belongs nowhere else
# ("meisje is erg stil", given to "Is er iemand in direct gevaar?"); the kern question itself is always asked first.
FALLBACK_ASPECT = "kern"

_NUM = r"(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|paar|aantal|half|anderhalf|\d+)"
_SPAN = r"(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|tijdje|tijd)"
_SEASON = (
    r"(?:zomer|winter|herfst|lente|kerst|zomervakantie|kerstvakantie|meivakantie|herfstvakantie|voorjaarsvakantie"
    r"|vakantie|scheiding|verhuizing|geboorte|brugklas)"
)

CUES: Dict[str, List[str]] = {
    "beloop": [
        r"\bsinds\b",
        rf"\bal {_NUM}? ?{_SPAN}\b",
        rf"\b{_NUM} {_SPAN} geleden\b",
        rf"\b(?:een )?{_SPAN} of {_NUM}\b",  # 'een maand of drie'
        r"\bal (?:lang|langer|een tijd|jaren|maanden|weken)\b",
        # "dat was voor de herfstvakantie" says when the example happened, not how it went (a user test of session
        # 24 filed it as the beloop); "dat was voor de herfstvakantie ook al zo" does
        rf"(?<!\bwas )(?<!\bgebeurde )(?<!\bgebeurd )\b(?:vanaf|na|voor) (?:de |het )?{_SEASON}\b",
        rf"\b(?:was|gebeurde) (?:vanaf|na|voor) (?:de |het )?{_SEASON} "
        r"(?:(?:ook|al|nog|ook al|toen al) )?(?:zo|al|ook)\b",
        r"\b(?:is|was) (?:het )?(?:begonnen|gestart)\b",
        r"\bbegon\b",
        r"\b(?:steeds|alleen maar) (?:erger|slechter|minder|beter)\b",
        r"\b(?:erger|slechter|minder|beter) geworden\b",
        r"\bwordt (?:steeds )?(?:erger|minder|slechter)\b",
        r"\bsindsdien\b",
        r"\bhet laatste (?:jaar|half jaar)\b",
        r"\bde laatste (?:tijd|weken|maanden|dagen|jaren|paar (?:weken|maanden|dagen))\b",
        # how it went before and since (a user test of session 22: "sinds okt erger, eerst nog halve dagen" left
        # "eerst nog halve dagen" under the aard)
        r"\beerst (?:nog|ging|was|deed|had|kon|alleen|maar|wel)\b",
        r"\b(?:in het begin|vroeger|voorheen|daarvoor|tot (?:de|het|vorig|vorige) \w+)\b",
        r"\b(?:erger|slechter)\b",
    ],
    "omvang": [
        r"\b(?:elke|iedere) (?:dag|ochtend|middag|avond|nacht|week|keer"
        r"|maandag|dinsdag|woensdag|donderdag|vrijdag|weekend|schooldag)\b",
        r"\bdagelijks\b",
        rf"\b{_NUM} (?:keer|maal) (?:per|in de|in het|op een) (?:dag|week|maand|weekend)\b",
        r"\bpaar keer per\b",
        r"\boveral\b",
        r"\b(?:alleen|vooral|ook|zowel) (?:thuis|op school|bij (?:vader|moeder|papa|mama|vrienden|oma|opa))\b",
        r"\bthuis en op school\b",
        r"\bop school en thuis\b",
        r"\bin het weekend\b",
        r"\bbij (?:vader|moeder) (?:wel|niet)\b",
    ],
    "ernst": [
        r"\bten einde raad\b",
        r"\bkan (?:het )?niet meer\b",
        r"\bhou(?:d)? het niet (?:meer )?vol\b",
        r"\buitgeput\b",
        r"\bondraaglijk\b",
        r"\b(?:heel |erg |te )?zwaar\b",
        r"\bweegt\b",
        r"\bvalt (?:wel )?mee\b",
        r"\blukt (?:niets|niks|het niet) meer\b",
        r"\bschaal\b",
        r"\b(?:\d|10|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien) (?:op|van|uit) (?:de )?(?:10|tien)\b",
        r"\bgeef het een (?:\d|10|zes|zeven|acht|negen|tien)\b",
    ],
    # Loud quarrels between the grown-ups, not any quarrel ("ze maken ruzie over de omgang") and not a child
    # who shouts ("gisteren schreeuwde hij": that is the aard of the problem).
    "ruzie": [
        r"\b(?:hard|harde|hevig|hevige|flink|flinke) (?:ge)?ruzi\w*",
        r"\bruzie\w* (?:en|met) (?:ge)?schreeuw\w*",
        r"\b(?:schreeuw\w*|geschreeuwd|gillen|tieren|tekeer|scheld\w*) (?:\w+ )?(?:tegen|naar|op) elkaar\b",
        r"\b(?:tegen|naar) elkaar (?:\w+ )?(?:schreeuw\w*|geschreeuwd|tekeer|gillen|tieren)\b",
        r"\belkaar (?:uit )?(?:scheld\w*|uitscheld\w*|uitgescholden)\b",
        # "er wordt veel geschreeuwd", "wel veel geschreeuwd aan de telefoon tussen de ouders" (third user test)
        r"\ber wordt (?:\w+ ){0,2}(?:geschreeuwd|gescholden|gegild|hard ruzie gemaakt)\b",
        r"\bwel (?:veel |vaak |eens |erg )?(?:geschreeuwd|gescholden)\b",
        r"\b(?:schreeuw\w*|geschreeuwd|gescholden|ruzie\w*) (?:\w+ ){0,5}tussen (?:de|hun|mijn|beide|die) ouders\b",
    ],
    "aard": [
        r"\b(?:gisteren|eergisteren|vanochtend|vanmorgen|vanmiddag|vanavond|laatst|onlangs)\b",
        r"\b(?:vorige|afgelopen) (?:week|weekend|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b",
        r"\bbijvoorbeeld\b",
        r"\btoen (?:hij|zij|ze|ik|we|mijn|de)\b",
    ],
}

# Words of help: with a person from the network they make a clause about support.
_HELP = (
    r"\b(?:helpt|helpen|hielp|steunt|steunen|bijspringen|springt bij|springen bij|past op|passen op|oppassen"
    r"|opvangen|vangt|terecht|haalt|brengt|luistert naar mij|staat voor (?:ons|mij|me)|er voor (?:ons|mij|me)"
    r"|is er voor|kan ik bellen"
    # "oma past vaak op", "de buurvrouw springt soms bij", "mijn zus vangt de kinderen op" (session 22)
    r"|past (?:\w+ ){1,2}op|passen (?:\w+ ){1,2}op|springt (?:\w+ ){1,2}bij|vangt (?:\w+ ){1,3}op"
    r"|kan (?:\w+ ){0,2}terecht|staat (?:altijd )?klaar"
    # "oma past 2 dagen per week op", "bij opa gaat het wel iets beter", "bij oma voelt ze zich veilig" (session 23)
    r"|past (?:\w+ ){3,4}op|passen (?:\w+ ){3,4}op"
    r"|bij (?:\w+ ){0,2}?gaat (?:het )?(?:(?:wel|iets|veel|een|stuk|beetje|best|heel|nu|al|echt|wat) ){0,4}"
    r"(?:beter|goed|fijn|prima)"
    r"|bij (?:\w+ ){0,2}?(?:voelt|voelen) (?:hij|ze|zij|het kind) zich (?:(?:wel|veel|heel|echt|best) ){0,2}"
    r"(?:fijn|veilig|thuis|rustig|goed))\b"
)
_NETWORK_PERSON = (
    r"\b(?:oma|opa|grootouders?|zus|broer|tante|oom|schoonmoeder|schoonvader|buurvrouw|buurman|buren|vriendin"
    r"|vriend|vrienden|familie|mijn (?:moeder|vader)|moeder van mij|vader van mij|andere ouders|kennissen|mentor"
    # "haar moeder woont in huizen en helpt soms" (the grandmother, told by a caller who is not the parent; a user test
    # of session 24 got "Steun: (nog) niet genoemd")
    r"|(?:haar|zijn|hun) (?:moeder|vader|ouders|zus|broer)"
    r"|trainer|juf|meester)\b"
)
# "niemand" only as someone to turn to: "nee, niemand (nu) in gevaar" answers the danger question, not the network one
_ALONE = (
    r"\b(?:(?:heb|hebben|ken|kennen|is|zijn) (?:er )?(?:echt |verder |eigenlijk )?niemand(?! (?:\w+ ){0,2}?(?:in "
    r"(?:direct |acuut )?gevaar|gewond|onveilig|bang|geslagen|bedreigd))|niemand (?:die|om|bij wie|aan wie|waar)"
    r"|bij niemand|er alleen voor|sta alleen"
    r"|helemaal alleen|geen familie|geen netwerk|geen vrienden|op mezelf aangewezen|nergens terecht|eenzaam)\b"
)

# Who is named is not yet who helps (a user test of session 22: "haar nieuwe vriend slaat hem soms" became "Steun:
# vrienden", "de buren hebben de politie gebeld" and "oma mag haar kleindochter niet meer zien" became steun, and the
# route said "Eerst het eigen netwerk"). A person of the network counts as support (``names_support``) only in a clause
# that says they help (``_HELP``), or, at a question about the network, in a clause that does not say they harm, fight,
# overhear, report or are kept away (``_NO_SUPPORT``); activities (sport, a club) count at any question unless such a
# clause. A clause that opens with a word of help ("oma woont in de buurt, helpt af en toe") says it of the person in
# the clause before.
NETWORK_QUESTIONS = frozenset({"sociaal_netwerk.steunpersonen", "sociaal_netwerk.vrije_tijd"})
_NO_SUPPORT = re.compile(
    r"\b(?:sla|slaat|slaan|sloeg|sloegen|geslagen|duw\w*|geduwd|schop\w*|geschopt|dreig\w*|gedreigd|bedreig\w*"
    r"|schreeuw\w*|geschreeuwd|scheld\w*|gescholden|mishandel\w*|misbruik\w*|ruzie\w*|vecht\w*|agressief|drinkt"
    r"|drugs|politie|agent|agenten|gebeld|melding|gemeld|meld|meldt|klaag\w*|geklaagd|hoor|hoort|horen|gehoord|last"
    r"|bang|weg|vertrokken|overleden|dood|ziek|niet meer (?:zien|komen|bellen|spreken|langs)"
    r"|mag (?:\w+ ){0,3}?(?:niet|nooit|geen)|mogen (?:\w+ ){0,3}?(?:niet|nooit|geen)|geen contact|contact verbroken"
    r"|contactverbod|omgangsverbod|verbod)\b")


def names_support(clause: str, question_key: str = "", person: bool = True) -> bool:
    """The clause names a person (``person``) or an activity as support, at the question ``question_key`` (see
    ``NETWORK_QUESTIONS``)."""
    plain = simplify(clause)
    if _NO_SUPPORT.search(plain):
        return False
    return question_key in NETWORK_QUESTIONS or not person or bool(re.search(_HELP, plain))


def support_clauses(text: str) -> List[str]:
    """The clauses of ``text`` as support is read in them: a clause that opens with a word of help is joined to the
    clause before ("oma woont in de buurt, helpt af en toe")."""
    out: List[str] = []
    for clause in clauses(text):
        if out and re.match(_HELP, simplify(clause)):
            out[-1] = f"{out[-1]}, {clause}"
        else:
            out.append(clause)
    return out


# Cues that an answer is about the composition of the family (question 'gezin').
_FAMILY = (
    r"\b(?:woon|woont|wonen|samen|apart|gezin|kinderen|kind|zoon|zonen|dochter|dochters|broer|broertje|zus|zusje"
    r"|vader|moeder|papa|mama|ouders|co-ouder\w*|stiefvader|stiefmoeder|partner|ex|gescheiden|uit elkaar"
    r"|alleenstaand|eenoudergezin|om de week|weekend bij)\b"
)

OWN_CUES: Dict[str, str] = {"algemeen.gezin": _FAMILY}

# Where the child lives and whether the parents live together: the household (question 'gezin'), not the aard of the
# problem (a user test: "Aard: ze woont in loosdrecht bij moeder"). Narrower than ``_FAMILY``: "zoon" or "moeder"
# alone names a person, not the household.
_HOUSEHOLD = re.compile(
    r"\b(?:woon|woont|wonen|woonde|woonden|verblijft|verblijven|slaapt)\b(?: [\w-]+){0,4}? bij"
    r" (?:haar |zijn |hun |de )?"
    r"(?:moeder|vader|mama|papa|ouders?|oma|opa|pleeg\w+|stief\w+|tante|oom)\b"
    r"|\b(?:woon|woont|wonen) (?:\w+ )?(?:samen|apart|alleen|om en om)\b"
    r"|\b(?:ouders|ze|zij|we|wij) (?:zijn |leven |wonen )?(?:\w+ )?(?:uit elkaar|gescheiden|apart)\b"
    r"|\bco-?ouder\w*|\bom de (?:week|twee weken|andere week)\b(?: \w+){0,3} bij\b"
    r"|\b(?:eenoudergezin|alleenstaande (?:moeder|vader|ouder))\b")

# Who is in the family, listed: a parent with a partner and the children ("moeder, haar vriend en twee kinderen",
# "vader, moeder en drie kinderen", "moeder met haar nieuwe vriend en 2 kids"): the question who belongs to the
# family is answered, also when it is told at the kern (a user test of session 22 got the question again).
_PARENT_WORD = r"(?:moeder|vader|mama|papa|ouders?)"
_PARTNER_WORD = (r"(?:(?:haar|zijn|de|een) (?:nieuwe )?(?:vriend|vriendin|partner|man|vrouw)|stiefvader|stiefmoeder"
                 r"|moeder|vader|mama|papa)")
_FAMILY_LIST = re.compile(
    rf"\b{_PARENT_WORD}(?:,? (?:met |en )?{_PARTNER_WORD})?,? (?:en |met )?(?:(?:haar|zijn|hun|de) )?"
    r"(?:een|twee|drie|vier|vijf|zes|\d+) (?:kinderen|kids|zonen|zoons|dochters|jongens|meisjes)\b"
    rf"|\b{_PARENT_WORD},? (?:met |en )?{_PARTNER_WORD},? (?:en |met )(?:(?:haar|zijn|hun|de) )?"
    r"(?:kinderen|kids|zoon|dochter)\b")

_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;])\s+|,\s*(?:en |maar |want |dus )?|\s+(?:maar|want|en verder|verder)\s+")

# Contact details are no facts of the case (a user test: "ze is zelf ook bereikbaar op 06-... en truus.devries@..."
# at a safety question was filed under 'wat er speelt'). A clause with a phone number or e-mail address (masked:
# [TELEFOON], [E-MAIL]) that says how to reach someone ('bereikbaar', 'nummer', 'mail', 'bellen') or nothing else is
# left out of the answer; the consultant hears where contact details belong (the call-back request, encrypted).
_CONTACT_LABEL = re.compile(r"\[(?:TELEFOON|E-MAIL|BSN)\]")  # a BSN too: it identifies, it tells nothing of the case
_CONTACT_CUE = re.compile(
    r"\b(?:bsn|burgerservicenummer\w*|sofinummer\w*"
    r"|bereikbaar|bereiken|nummer|nummers|telefoonnummer\w*|mobiel\w*|telefoon|mail\w*|e-mail\w*|email\w*"
    r"|bel|belt|bellen|terugbel\w*|teruggebeld|terug te bellen|app|appen|whatsapp\w*|contact\w*)\b"
)
_CLAUSE_WITH_SEPARATOR = re.compile(r"[^.!?;,]+[.!?;,]*\s*")


def is_contact_detail(clause: str) -> bool:
    """A (masked) clause that gives a phone number or e-mail address to reach someone: "ze is zelf ook bereikbaar op
    [TELEFOON] en [E-MAIL]", "haar nummer is [TELEFOON]", "[E-MAIL]" (see above)."""
    if not _CONTACT_LABEL.search(clause):
        return False
    rest = _CONTACT_LABEL.sub(" ", clause)
    return bool(_CONTACT_CUE.search(rest.lower())) or not re.search(r"[^\W\d_]{3,}", rest)


# A dictated answer is one clause without punctuation: "... hij wil niet meer naar school we wonen in bussum mijn nummer
# is [TELEFOON]" (a user test of session 25 lost the whole answer). There only the words that give the contact details
# go: the phrase from its cue ('nummer', 'bereikbaar', 'mailen' ..., after a pronoun and 'is', 'kunt', 'ook' ...) to
# the label, and more labels joined by 'en', 'of' or a comma; the rest stays when it still says something.
_CONTACT_PHRASE = re.compile(
    r"(?:\b(?:mijn|haar|zijn|hun|ons|onze|uw|u|je|ze|zij|hij|ik|we|wij|jullie|het|de)\s+)?"
    r"(?:(?:is|zijn|kunt|kan|kun|mag|wil|ook|even|altijd|me|mij|hem|haar|ons|zelf|het|beste|liefst)\s+){0,3}"
    + _CONTACT_CUE.pattern + r"(?:\s+[\w-]+){0,4}?\s+" + _CONTACT_LABEL.pattern
    + r"(?:\s*(?:,|\bof\b|\ben\b)\s*(?:[\w-]+\s+){0,4}?" + _CONTACT_LABEL.pattern + r")*"
)
_CONTENT_WORDS = 3  # words of three letters or more a clause keeps besides its contact details, to be kept


def left_out_kind(masked: str) -> str:
    """The id of the text that tells the consultant what was left out of the (masked) answer ``masked``:
    'bsn_niet_genoteerd' when it held a BSN and no phone number or e-mail address, 'bsn_en_contactgegevens' with both
    (a user test of session 27 dictated a BSN and a phone number and heard only about the phone number),
    'contactgegevens' otherwise."""
    contact = re.search(r"\[(?:TELEFOON|E-MAIL)\]", masked)
    if "[BSN]" in masked:
        return "bsn_en_contactgegevens" if contact else "bsn_niet_genoteerd"
    return "contactgegevens"


# What is left of a dictated answer that only said who someone is and how to reach them, once the contact details are
# out: "hij heet [NAAM] en moeder" (from "hij heet daan en zijn bsn is ... moeder is bereikbaar op ..."; a user test
# of session 27 saw it noted under 'wat er speelt'). A name with 'heet' or 'naam is', and words that only name people.
_NAME_PHRASE = re.compile(
    r"\b(?:heet|heten|noemt|genaamd|(?:voor|achter)?naam(?:\s+is)?)\s+\[NAAM\](?:\s+\[NAAM\])*", re.IGNORECASE)
_NAMING_WORDS = frozenset(
    "en of ook nog dus verder de het een is zijn haar hun hij zij ze die dat mijn uw van moeder vader mama papa ouder "
    "ouders kind kinderen zoon dochter jongen meisje oudste jongste beller".split())


def only_names_left(answer: str) -> bool:
    """An answer (masked, contact details out) that only names people ("hij heet [NAAM] en moeder"): no fact of the
    case, so nothing to note."""
    if not _NAME_PHRASE.search(answer or ""):
        return False
    rest = _NAME_PHRASE.sub(" ", answer).replace("[NAAM]", " ")
    return all(word in _NAMING_WORDS for word in re.findall(r"[^\W\d_]+", rest.lower()))


def without_contact_details(text: str) -> str:
    """``text`` (masked) without its clauses that only give contact details (``is_contact_detail``); in a longer clause
    only the contact details (``_CONTACT_PHRASE``); '' when nothing else is left."""
    kept = []
    for part in _CLAUSE_WITH_SEPARATOR.findall(text or ""):
        if is_contact_detail(part):
            rest = " ".join(_CONTACT_PHRASE.sub(" ", part).split())
            if _CONTACT_LABEL.search(rest) or len(re.findall(r"[^\W\d_]{3,}", rest)) < _CONTENT_WORDS:
                continue
            part = rest + " "
        kept.append(part)
    return "".join(kept).strip().rstrip(",;").strip()


_COMPILED = {aspect: [re.compile(p) for p in patterns] for aspect, patterns in CUES.items()}


@dataclass(frozen=True)
class Filed:
    """A piece of an answer that belongs to an aspect."""

    aspect: str
    text: str


def clauses(text: str) -> List[str]:
    """Split an answer into clauses (sentences, comma parts, 'maar'/'want' parts)."""
    parts = [p.strip(" ,.;") for p in _CLAUSE_SPLIT.split(text or "") if p and p.strip(" ,.;")]
    return parts or ([text.strip()] if text and text.strip() else [])


# What the caller asks for, the hulpvraag ("ze wil vooral hulp bij de ruzies met haar ex", "hij zoekt iemand die kan
# bemiddelen", "haar vraag is hoe ze weer met vader kan praten"): it belongs with what is going on ('kern'), also
# where its words name a row or a time. A user test of session 28 found it noted as the answer to the question about
# hard rows at home (and skipping that question), or under the safety question it was told at.
_HULPVRAAG = re.compile(
    r"\b(?:(?:ze|zij|hij|ik|we|wij|moeder|vader|mama|papa|de ouders|ouders|de beller|beller|mevrouw|meneer|oma|opa)"
    r"\s+)?(?:(?:wil|willen|wilt|zou|zouden|zoekt|zoeken|vraagt|vragen|hoopt|hopen)\s+(?:\w+\s+){0,3}?"
    r"(?:hulp|advies|ondersteuning|begeleiding|bemiddeling|mediation|tips|raad|iemand die|iemand om|een gesprek"
    r"|dat (?:iemand|er iemand|jullie|het buurtteam|de vraagbaak))\b"
    r"|(?:(?:ze|zij|hij|ik|we|wij|moeder|vader|de ouders|ouders|de beller|beller)\s+)?"
    r"(?:wil|willen|wilt|zou|zouden)\s+(?:\w+\s+){0,2}?(?:graag\s+)?weten hoe\b"
    r"|(?:haar|zijn|hun|de|mijn) (?:hulp)?vraag is\b)")
HULPVRAAG_KEYS = frozenset({"algemeen.kern", "algemeen.wens", "algemeen.eerder_geprobeerd",
                            "sociaal_netwerk.wat_nodig"})  # questions that ask for it themselves


def asks_for_help(clause: str) -> bool:
    """The clause tells what the caller asks for (``_HULPVRAAG``)."""
    return bool(_HULPVRAAG.search(simplify(clause)))


def _split_hulpvraag(clause: str) -> List[str]:
    """A dictated clause with a word before the hulpvraag ("nee ze wil vooral hulp bij de ruzies"): that word ('nee')
    may answer the question that was asked, the rest is the hulpvraag."""
    found = _HULPVRAAG.search(simplify(clause))
    if not found or found.start() == 0 or len(simplify(clause)) != len(clause):
        return [clause]
    before, rest = clause[:found.start()].strip(" ,.;"), clause[found.start():].strip()
    return [before, rest] if before and rest else [clause]


def aspects_of(clause: str) -> List[str]:
    """The aspects a clause speaks to, in a fixed order (beloop, omvang, ernst, ruzie, netwerk, aard)."""
    plain = simplify(clause)
    found = [a for a in ("beloop", "omvang", "ernst", "ruzie") if any(p.search(plain) for p in _COMPILED[a])]
    if re.search(_ALONE, plain) or (re.search(_NETWORK_PERSON, plain) and re.search(_HELP, plain)):
        found.append("netwerk")
    if _HOUSEHOLD.search(plain):
        found.append("gezin")
    if not found and any(p.search(plain) for p in _COMPILED["aard"]):
        found.append("aard")
    return found


def tells_support(text: str) -> bool:
    """A clause of ``text`` names a person of the network who helps ("haar moeder woont in huizen en helpt soms"), not
    only a person ("oma mag haar kleindochter niet meer zien")."""
    return any(re.search(_NETWORK_PERSON, simplify(clause)) and re.search(_HELP, simplify(clause))
               for clause in support_clauses(text))


def answers_own_question(question_key: str, text: str) -> bool:
    """Does the answer hold something for the question that was asked?"""
    plain = simplify(text)
    own = OWN_CUES.get(question_key)
    if own is not None:
        return bool(re.search(own, plain))
    aspect = KEY_ASPECTS.get(question_key)
    if aspect is not None:
        return any(aspect in aspects_of(c) for c in clauses(text))
    return True  # open questions (kern, wens, veiligheid ...) take whatever the caller says


def listen(question_key: str, text: str, safety: bool = False,
           is_danger: Optional[Callable[[str], bool]] = None,
           named: Optional[Callable[[str], List[str]]] = None) -> Tuple[List[Filed], bool]:
    """The pieces of ``text`` that belong to other aspects than the asked one, and whether the
    answer stays with the asked question: not when every clause clearly belongs elsewhere, and at an open question
    (but the kern, the wish and what was tried: ``TAKES_ANYTHING``) not when the clauses that tell nothing else miss
    the question's own cue ("hij zegt buikpijn te hebben elke ochtend, dan wil hij niet naar school" does not tell
    who is in the family). An answer that stays open loses nothing: it is filed whole under its first aspect.
    A safety question (``safety``) is open, but an answer that only tells about other things ("oma helpt soms, en
    de buurvrouw") does not answer it: it stays open, so no safety answer is lost. A clause about danger ("er is
    niemand nu in gevaar") is no steun at a safety question, and a danger remark (``is_danger``: "laatst zei ze dat
    ze er niet meer wil zijn") is never filed as the aard of the problem: the aard question is still asked.
    ``named`` gives the aspects whose own signal a clause names ("ze schreeuwen heel hard ... over de hamsterkooi" names
    the signal of the question about hard rows at home): that question is answered by it, not asked again. The
    household (where the child lives, parents apart) told at the kern question stays with the kern: the question who
    belongs to the family is still asked. A safety question is answered only by a clause with a word that answers a
    yes/no question (``_SAFETY_ANSWER``); otherwise it stays open and the clauses that tell nothing else are filed
    under the kern ('wat er speelt'; a user test: "meisje is erg stil de laatste tijd" to "Is er iemand in direct
    gevaar?" made "Veiligheid: uitgevraagd")."""
    own_aspect = None if question_key in OWN_CUES else KEY_ASPECTS.get(question_key)
    filed: List[Filed] = []
    own: List[str] = []  # the clauses that tell nothing about another aspect
    own_after: Dict[int, List[Filed]] = {}  # per clause in ``own``: the pieces the clause before it was filed as
    elsewhere_only = True
    previous: List[Filed] = []  # the pieces the clause before was filed as
    pieces = [piece for clause in clauses(text) for piece in
              (_split_hulpvraag(clause) if question_key not in HULPVRAAG_KEYS else [clause])]
    for clause in pieces:
        if previous and not safety and follows_on(clause):
            # "oma helpt soms, verder niet veel": the rest says more of what was just filed, not of this question
            for piece in previous:
                filed[filed.index(piece)] = Filed(piece.aspect, f"{piece.text}, {clause}")
            previous = [Filed(piece.aspect, f"{piece.text}, {clause}") for piece in previous]
            continue
        aspects = _clause_aspects(question_key, clause, safety, is_danger, named)
        found = [a for a in aspects if ASPECT_KEYS[a] != question_key]
        if own_aspect in aspects or not found:
            elsewhere_only = False
        if not found:
            own.append(clause)
            own_after[len(own) - 1] = previous
        previous = [Filed(aspect, clause) for aspect in found]
        filed += previous
    if safety:  # only the clauses that tell nothing else can answer it, and only with a word that does
        if any(answers_safety(clause) or (is_danger is not None and is_danger(clause)) for clause in own):
            return filed, True
        _file_the_rest(text, own, own_after, filed)
        return filed, False
    family = _FAMILY_LIST.search(simplify(text)) if question_key == ASPECT_KEYS[FALLBACK_ASPECT] else None
    if family and not any(piece.aspect == "gezin" for piece in filed):
        # "moeder, haar vriend en twee kinderen" told at the kern: who is in the family is answered (session 22)
        filed.append(Filed("gezin", text[family.start():family.end()] if len(simplify(text)) == len(text)
                           else family.group(0)))
    if not filed or question_key in TAKES_ANYTHING:
        return filed, True
    own_cue = OWN_CUES.get(question_key)
    if own_aspect is None:  # an open question keeps only what told nothing else, with its own cue if it has one
        keeps = bool(own) and (own_cue is None or bool(re.search(own_cue, simplify(" ".join(own)))))
    else:
        keeps = not elsewhere_only
    if not keeps and own:  # nothing of the answer is lost: the first aspect it was filed under gets all of it
        filed[0] = Filed(filed[0].aspect, text.strip())
    return filed, keeps


def _file_the_rest(text: str, own: List[str], own_after: Dict[int, List[Filed]], filed: List[Filed]) -> None:
    """At a safety question that was not answered, nothing is lost (``filed`` grows): a short fragment after a filed
    clause says more of it ("oma helpt soms, en de buurvrouw"), the rest is what is going on (a user test of session
    29: "bijna elke dag, ze gaat alleen nog naar gym" kept only "bijna elke dag", under omvang)."""
    rest = []
    for index, clause in enumerate(own):
        if not re.search(r"[^\W\d_]", clause):
            continue
        before = own_after.get(index) or []
        if before and _fragment(clause):
            for piece in before:
                longer = Filed(piece.aspect, _joined(text, filed[filed.index(piece)].text, clause))
                filed[filed.index(piece)] = longer
                before[before.index(piece)] = longer
        else:
            rest.append(clause)
    if rest:
        filed.append(Filed(FALLBACK_ASPECT, ", ".join(rest)))


def _clause_aspects(question_key: str, clause: str, safety: bool, is_danger: Optional[Callable[[str], bool]],
                    named: Optional[Callable[[str], List[str]]]) -> List[str]:
    """The aspects ``clause`` is filed under when answering ``question_key`` (see ``listen``)."""
    aspects = aspects_of(clause)
    aspects += [aspect for aspect in (named(clause) if named is not None else []) if aspect not in aspects]
    if question_key == ASPECT_KEYS[FALLBACK_ASPECT] and "gezin" in aspects:
        aspects.remove("gezin")
    if "aard" in aspects and len(aspects) > 1:
        aspects.remove("aard")
    if safety and "netwerk" in aspects and _ABOUT_DANGER.search(simplify(clause)):
        aspects.remove("netwerk")
    if is_danger is not None and ("aard" in aspects or safety) and is_danger(clause):
        # a danger is never the aard; told at a safety question it answers that question and is not put aside under
        # another aspect ("hij zegt al weken dat hij van het balkon springt": a user test of session 24 got "Genoteerd
        # bij beloop")
        return [] if safety else [aspect for aspect in aspects if aspect != "aard"]
    if question_key not in HULPVRAAG_KEYS and asks_for_help(clause):
        # the hulpvraag goes with what is going on; the network and the household it names stay, and so does the
        # asked question's own aspect ("ze vraagt hulp omdat ze steeds hard ruzie maken" at the question about rows)
        own = KEY_ASPECTS.get(question_key)
        return [FALLBACK_ASPECT] + [aspect for aspect in aspects if aspect in ("netwerk", "gezin") or aspect == own]
    return aspects


# The words of a clause that only says more of the clause before it ("oma helpt soms, verder niet veel", "mijn zus,
# en verder niemand", "de buurvrouw, meer niet"): no content of its own, so it goes where the clause before went.
_FOLLOW_ON_WORDS = frozenset(
    "verder ook en maar niet niets niks veel weinig meer nauwelijks amper eigenlijk nou ja wel hoor helaas echt "
    "zo eens niemand anders nog iets iemand dat is het alles".split())


_FRAGMENT_OPENERS = frozenset({"en", "of", "ook", "plus", "de", "een", "haar", "zijn", "hun", "mijn", "die", "opa",
                               "oma", "tante", "oom", "buurvrouw", "buurman"})


def _joined(text: str, first: str, then: str) -> str:
    """``first`` up to ``then`` as the caller wrote it ("oma helpt soms, en de buurvrouw")."""
    start = text.find(first)
    end = text.find(then, start + len(first)) if start >= 0 else -1
    return text[start:end + len(then)] if end >= 0 else f"{first}, {then}"


def _fragment(clause: str) -> bool:
    """``clause`` is a short addition to the clause before it ("[en] de buurvrouw", "ook de tante"; the clauses have
    lost their 'en'), not a sentence of its own ("ze gaat alleen nog naar gym")."""
    said = re.findall(r"[a-z]+", simplify(clause))
    return bool(said) and len(said) <= 3 and said[0] in _FRAGMENT_OPENERS


def follows_on(clause: str) -> bool:
    """``clause`` only says more of the clause before it (``_FOLLOW_ON_WORDS``), with a word that says so."""
    said = re.findall(r"[a-z]+", simplify(clause))
    return bool(said) and set(said) <= _FOLLOW_ON_WORDS and bool(set(said) & {"verder", "meer", "anders", "ook"})


# Open questions whose answer is whatever the caller says, also when it tells about other aspects too ("sinds de
# scheiding gaat het mis" answers "waar belt u over?"). Every other question stays open when the answer only told
# about other aspects (a user test: "oma woont in naarden die helpt wel" stood under "Hoe gaat het overleggen over de
# kinderen?" in the summary, and "hij zegt buikpijn te hebben elke ochtend, ..." under "Wie horen er bij het gezin?").
TAKES_ANYTHING = frozenset({"algemeen.kern", "algemeen.wens", "algemeen.eerder_geprobeerd"})


_ABOUT_DANGER = re.compile(r"\b(?:gevaar\w*|veilig|onveilig)\b")

# Words that answer a safety question ("nee", "soms", "hij heeft haar geduwd", "ik ben bang"); a clause without one
# ("en de buurvrouw") does not; nor does sleeping ("ze slaapt slecht": a user test of session 29).
_SAFETY_ANSWER = re.compile(
    r"\b(?:ja|jawel|jazeker|nee|neen|nope|nooit|niet|nie|niemand|geen|niks|nergens|soms|weleens|wel eens|vaak|"
    r"af en toe|klopt|zeker|"
    r"misschien|geloof|denk|weet|"
    r"sla(?!ap|pen\b|p\b|gen\b)\w*|sloeg\w*|geslagen|duw\w*|geduwd|dreig\w*|gedreigd|schop\w*|geschopt|mishandel\w*|geweld\w*|knijp\w*|"
    r"gooi\w*|gegooid|pijn|bang|angst\w*|onveilig|veilig|gevaar\w*|politie|blauwe plek\w*)\b"
)

# A negation inside a clause about something else ("er is geen geld voor de huur", "hij kan de huur niet betalen")
# does not answer a safety question (a user test of session 22: answers about debts made "Veiligheid: uitgevraagd").
# It answers when it opens the clause ("niet dat ik weet", "geen idee"), or when the clause is about what was asked
# or points back at it ("dat gebeurt hier niet", "ze zijn niet in gevaar", "thuis niet").
_NEGATION_ANSWER = re.compile(r"(?:niet|nie|niemand|geen|niks|nergens)")
_ABOUT_THE_QUESTION = re.compile(
    r"\b(?:dat|dit|het|zo|hier|daar|thuis|er|gebeur\w*|speelt|spelen|speelde|ruzie\w*|schreeuw\w*|zelf|zichzelf"
    r"|iets aan|ooit|nu|op dit moment|momenteel|iemand|niemand|ons|wij|we|mij|me|hem|haar)\b")


def answers_safety(clause: str) -> bool:
    """The clause has a word that answers a safety question (``_SAFETY_ANSWER``); a negation only counts when it opens
    the clause or the clause is about what was asked (see above)."""
    plain = simplify(clause)
    found = list(_SAFETY_ANSWER.finditer(plain))
    if not found:
        return False
    if any(not _NEGATION_ANSWER.fullmatch(match.group(0)) for match in found):
        return True
    if len(re.findall(r"[^\W_]+", plain[:found[0].start()])) <= 1:
        return True
    rest = plain[:found[0].start()] + " " + plain[found[0].end():]
    return bool(_ABOUT_THE_QUESTION.search(re.sub(r"^\W*er (?:is|zijn|was|waren)\b", " ", rest)))


# A 'ja' that makes less of what was asked ("ja ze hebben wel eens ruzie" to "wordt er vaak hard ruzie gemaakt?"): no
# plain yes to the question (a user test: it became "ouders maken hard ruzie" and a complex divorce in the summary)
_TONED_DOWN = re.compile(
    r"\b(?:wel ?eens|soms|af en toe|een enkele keer|enkele keer|een keertje|zelden"
    r"|niet (?:zo |heel |erg )?(?:vaak|hard)|valt (?:wel )?mee|niet meer dan (?:normaal|anderen)|(?:heel )?normaal)\b")


def tones_down(text: str) -> bool:
    """The answer makes less of what the question asked: 'wel eens', 'soms', 'af en toe', 'niet zo vaak', 'valt mee'."""
    return bool(_TONED_DOWN.search(simplify(text)))


# A 'ja' limited to what follows it: "ja alleen schreeuwen", "ja, maar alleen ruzie", "klopt, enkel schelden". Not a
# 'ja' limited to a time, a person or a condition: "ja, alleen als hij gedronken heeft" still says yes.
_YES_ONLY = re.compile(
    r"^\W*(?:ja|jawel|klopt|wel)\W+(?:(?:nou|wel|nee)\W+)?(?:maar\W+)?(?:alleen|enkel|slechts)(?:\W+maar)?\b"
    r"(?!\W+(?:als|wanneer|toen|zodra|sinds|nadat|na|bij|met|tegen|door|van|op|in|de|het|een|hij|zij|ze|vader|moeder"
    r"|papa|mama|haar|zijn|hem|mij|me|ik|thuis|vroeger|soms|af)\b)")


# A 'ja' followed at once by shouting or arguing, without 'alleen': "ja ze schreeuwen bij de overdracht", "ja, ze maken
# veel ruzie", "klopt er wordt veel geschreeuwd", "ja veel geschreeuw" (a user test of session 22: at the question about
# hitting, pushing or threatening it gave the violence alert). The row says what the 'ja' is about. Not a 'ja' that
# adds the row to a yes ("ja, en ze schreeuwen ook", "ja hij slaat haar en ze schreeuwen": a danger word stays a
# danger, see ``bot.intake.session``).
_YES_TO_A_ROW = re.compile(
    r"^\W*(?:ja|jawel|klopt)\W+(?:(?:nou|wel)\W+)?"
    r"(?:(?:ze|zij|hij|er|die|de\W+ouders|ouders|ze\W+allebei|vader\W+en\W+moeder|papa\W+en\W+mama|moeder|vader|mama"
    r"|papa)\W+)?"
    r"(?:(?:wordt|worden|werd|werden|maken|maakten|hebben|hadden|is|was|wel|veel|vaak|soms|erg|heel|hard|flink|harde?"
    r"|heftige?|behoorlijk|regelmatig|enorm|echt|een|dan|elkaar|tegen\W+elkaar|naar\W+elkaar)\W+){0,4}"
    r"(?:schreeuw|geschreeuw|gil|gill|getier|tier|scheld|schold|gescholden|ruzie|geruzie|ruzied|ruzien)\w*\b")


def yes_only_to(text: str) -> bool:
    """The 'ja' is limited to what follows it: "ja alleen schreeuwen" (what happens instead of what was asked), also
    without 'alleen' when shouting or arguing follows at once ("ja ze schreeuwen bij de overdracht"); not "ja, alleen
    als hij drinkt" or "ja alleen vader" (which say yes)."""
    simple = simplify(text)
    return bool(_YES_ONLY.search(simple) or _YES_TO_A_ROW.search(simple))


# An answer to a safety question that does not answer it ("weet ik niet", "dat wil hij niet zeggen", "geen idee"): it
# is kept, but the summary says the question got no clear answer (fourth user test: it read "Veiligheid: uitgevraagd").
_EVASIVE = re.compile(
    r"\b(?:weet (?:\w+ ){0,3}?niet"
    r"|geen (?:flauw )?idee"
    r"|(?:wil|wilde|wilt|willen|kan|kon|durft|durfde|mag) (?:\w+ ){0,3}?(?:niet|niets|niks) (?:over )?"
    r"(?:zeggen|vertellen|kwijt|praten|antwoorden|beantwoorden)"
    r"|(?:zegt|zei|vertelt|vertelde) (?:ze |zij |hij |de beller )?(?:er |daar |het |dat )?(?:niets|niks|niet)\b(?! \w)"
    r"|ontwijk\w*|(?:geeft|gaf) geen (?:duidelijk |echt )?antwoord|onduidelijk|(?:moeilijk|lastig) te zeggen"
    r"|kan (?:ik|ze|hij) niet (?:inschatten|zeggen)|geen zicht op|misschien|twijfel\w*|wie weet)\b"
)
# a plain yes or no makes the answer clear, even with a doubt in it ("nee, niet dat ik weet")
_CLEAR = re.compile(r"\b(?:ja|jawel|jazeker|nee|neen|nooit|klopt)\b")


def evades(text: str) -> bool:
    """An answer that avoids the question: 'weet ik niet', 'dat wil hij niet zeggen', 'geen idee', 'misschien'."""
    plain = simplify(text)
    return bool(_EVASIVE.search(plain)) and not _CLEAR.search(plain)


# Words that can stand next to a place in a follow-up question to the sociale kaart ("en in Vleuten?", "Huizen dan")
_PLACE_FILLERS = frozenset("en in te uit bij de het gemeente regio omgeving buurt wijk dan ook wat daar hier of"
                           .split())
MAX_NO_ANSWER_WORDS = 12


# Words that only say who (and how old) someone is: "zoon 15", "dochter van 12", "twee kinderen, 8 en 12 jaar"
_PERSON_WORDS = frozenset(
    "zoon zonen dochter dochters kind kinderen kindje jongen jongens meisje meisjes baby tweeling broer broertje "
    "broers zus zusje zussen vader moeder papa mama ouder ouders oma opa stiefvader stiefmoeder stiefzoon stiefdochter "
    "pleegkind pleegzoon pleegdochter ex partner man vrouw leerling puber tiener jongste oudste gezin".split())
_AGE_WORDS = frozenset("jaar jaren jarig oud maand maanden groep klas van en mijn zijn haar hun".split()) | frozenset(
    NUMBER_WORDS)

NO_ANSWER_QUESTION = "vraag"  # a short question to Rustpunt
NO_ANSWER_PLACE = "plaats"  # only a place
NO_ANSWER_WHO = "wie"  # only who and how old (and maybe where), not whether anyone is in danger


def no_answer_kind(text: str) -> Optional[str]:
    """Why a message is clearly no answer of the caller to a safety question, or None when it may be one: a short
    question to Rustpunt without a word of an answer ("en in Vleuten?", "welke hulp is er in Huizen?"), only a place
    ("Vleuten", "in Laren"), or only who and how old ("zoon 15", "dochter van 12 uit Huizen"; fifth user test: "zoon
    15" was noted as the answer to the acute-danger question)."""
    plain = simplify(text).strip()
    tokens = re.findall(r"[^\W_]+", plain)
    if not tokens or len(tokens) > MAX_NO_ANSWER_WORDS or _SAFETY_ANSWER.search(plain):
        return None
    if plain.endswith("?"):
        return NO_ANSWER_QUESTION
    try:
        from bot.kaart.query import extract_plaats  # lazy: the kaart is optional for the intake
        written = extract_plaats(text)[1]
    except Exception:  # the kaart is optional for the intake
        written = None
    rest = re.findall(r"[^\W_]+", plain.replace(simplify(written), " ") if written else plain)
    if written and all(word in _PLACE_FILLERS for word in rest):
        return NO_ANSWER_PLACE
    who = [word for word in rest if word in _PERSON_WORDS or word.isdigit()]
    if who and all(word in _PERSON_WORDS or word in _AGE_WORDS or word in _PLACE_FILLERS or word.isdigit()
                   for word in rest):
        return NO_ANSWER_WHO
    return None


def no_answer(text: str) -> bool:
    """A message that is clearly no answer of the caller to a safety question (see ``no_answer_kind``)."""
    return no_answer_kind(text) is not None


# ------------------------------------------------------------------ kern in 'moeite met ...' language

_SUBJECT = (
    r"(?:(?:mijn|haar|zijn|onze|ons|hun|de|het) )?"
    r"(?P<who>zoon|dochter|kind|kinderen|jongste|oudste|meisje|jongen|tweeling|puber|ik|wij|we|hij|zij|ze)"
)
_WILL = re.compile(
    rf"\b{_SUBJECT}\b(?P<pre>(?: [\w\[\]-]+){{0,6}}?) (?:wil|willen|kan|kunnen|durft|durven|lukt het)\b"
    rf"(?P<mid>(?: [\w\[\]-]+){{0,6}}?) (?:niet|nie|nooit|geen)(?: meer)?(?: \w+)?? "
    rf"(?P<vp>(?:naar |bij |met |op |in )?[\w ]{{2,60}})"
)
_MOEITE = re.compile(r"\bmoeite (?:mee |met )(?P<vp>[\w ,'-]{3,80})")
_LUKT = re.compile(r"\blukt (?:het )?(?:niet|nauwelijks)(?: meer)? (?:om )?(?P<vp>[\w ]{3,60}?)(?: te (?P<inf>\w+))?$")
_SINCE = re.compile(
    r"\b(?P<since>sinds [\w ]{2,40}?)(?= (?:is (?:hij|zij|ze|het)|wil|kan|gaat|durft|heeft|niet|nooit)\b|[,.;]|$)"
)
_WHO_WORDS = {"zoon": "zoon", "dochter": "dochter", "kind": "kind", "kinderen": "kinderen", "jongste": "jongste",
              "oudste": "oudste", "meisje": "dochter", "jongen": "zoon", "tweeling": "tweeling", "puber": "kind"}
_MOTION = re.compile(r"^(?:naar|bij) ")


# The particle of a separable verb that a 'wil niet' / 'kan niet' pattern leaves as the verb phrase ("ze kan het
# bijna niet meer aan" gave "Kern: moeite met aan", a user test): no 'moeite met ...' of its own.
_PARTICLES = frozenset("aan op af uit in mee door over om toe bij weg terug voor na".split())


# A dictated answer has no punctuation: a subject that only a new clause takes ends the verb phrase too ("hij wil al
# weken niet meer naar school we wonen op de ..." gave "moeite met naar school we wonen op de gaan", a user test of
# session 25); 'ze' and 'u' stay, they are also an object ("wil niet met ze praten").
_PHRASE_END = re.compile(r"\b(?:sinds|omdat|want|maar|en|als|toen|terwijl|dus|of|ik|we|wij|hij|zij|jij)\b")


def _verb_phrase(vp: str) -> str:
    """'naar school' -> 'naar school gaan'; 'eten' stays; cut at the first clause word or new subject."""
    vp = _PHRASE_END.split(vp)[0].strip(" ,.")
    # 'sollicitatiegesprekken meer te plannen' -> 'sollicitatiegesprekken plannen' (after 'durft geen'): the 'meer' of
    # the negation and the 'te' of the infinitive do not belong in 'moeite met ...'
    words = [w for w in vp.split()[:8] if w != "meer"]
    if len(words) >= 2 and words[-2] == "te":
        del words[-2]
    if not words:
        return ""
    vp = " ".join(words)
    if _MOTION.match(vp) and not words[-1].endswith("en"):
        vp += " gaan"
    return vp


def kern_from_words(text: str) -> List[str]:
    """'moeite met ...' phrases made from the caller's own (masked) words; [] when no pattern fits.

    "haar dochter wil sinds vader weg is niet meer naar school"
    -> ["de dochter heeft moeite met naar school gaan, sinds vader weg is"]
    """
    out: List[str] = []
    child = None  # the child named earlier in the answer: 'ze' or 'hij' later means that child
    for sentence in re.split(r"(?<=[.!?;])\s+", text or ""):
        plain = simplify(sentence).strip()
        if not plain:
            continue
        named = re.search(
            r"\b(?:mijn|haar|zijn|onze|ons|de|het) (zoon|dochter|kind|jongste|oudste|meisje|jongen|puber)\b", plain
        )
        phrase = None
        match = _MOEITE.search(plain)
        who = None
        if match:
            phrase = match.group("vp").strip(" ,.")
            subject = re.search(_SUBJECT, plain[: match.start()])
            who = subject.group("who") if subject else None
        else:
            match = _WILL.search(plain)
            if match:
                phrase = _verb_phrase(match.group("vp"))
                who = match.group("who")
            else:
                match = _LUKT.search(plain)
                if match:
                    phrase = " ".join(p for p in (match.group("vp").strip(), match.group("inf") or "") if p)
        if who in ("hij", "zij", "ze") and child:
            who = child
        if named:
            child = named.group(1)
        if not phrase or phrase in _PARTICLES:  # "ze kan het niet meer aan": the end of a verb, not what is hard
            continue
        since = _SINCE.search(plain)
        line = f"moeite met {phrase}"
        if who in _WHO_WORDS:
            line = f"de {_WHO_WORDS[who]} heeft {line}"
        if since and since.group("since") not in phrase:
            line += f", {since.group('since').strip()}"
        if line not in out:
            out.append(line)
    return out


def place_of(texts: List[str]) -> Optional[str]:
    """The municipality (code) where the family lives, for the sociale kaart: the one named in the most answers (each
    answer read as the kaart reads a question: the family's place before the caller's or a workplace), the first
    one on a tie; None if none. A user test: mother and children in Bussum, told twice, and the father in Hilversum,
    told once before, gave Hilversum's team."""
    try:
        from bot.kaart.query import extract_plaats  # lazy: the kaart is optional for the intake
    except Exception:  # the kaart is optional for the intake
        return None
    found = [gemeente for gemeente in (extract_plaats(_family_part(text))[0] for text in texts) if gemeente]
    return max(dict.fromkeys(found), key=found.count) if found else None


# Where another person lives or works: "haar moeder woont in huizen" (the grandmother, a user test of session 24: it
# became the family's place in the route), "oma woont in laren", "zijn ex woont in almere". A relative or another
# grown-up who opens the clause, with a verb of living or working, not with the child ("oma woont met de kinderen in
# laren", "het meisje woont bij haar moeder in huizen" are the family's place).
_ANOTHER_PERSON = re.compile(
    r"^\W*(?:(?:en|maar|want|of)\s+)?(?:(?:haar|zijn|hun|de|mijn|d'r|z'n)\s+)?"
    r"(?:oma|opa|grootouders?|grootmoeder|grootvader|tante|oom|zus|broer|buurvrouw|buurman|buren|vriendin|vriend"
    r"|ex|ex-partner|nieuwe (?:vriend|vriendin|partner)|schoonmoeder|schoonvader|familie)\b(?!\s+en\b)"
    r"|^\W*(?:(?:en|maar|want|of)\s+)?(?:haar|zijn|hun|d'r|z'n)\s+(?:moeder|vader|ouders|mama|papa)\b(?!\s+en\b)")
_LIVES = re.compile(r"\b(?:woont|wonen|woonde|werkt|werken|zit|zitten|komt|komen)\b")
_WITH_THE_CHILD = re.compile(r"\b(?:met|bij)\s+(?:de|het|haar|zijn|hun)\s+(?:kinderen|kind|dochter|zoon|kleinkind\w*|"
                             r"meisje|jongen)\b|\bsamen\b")


def _family_part(text: Optional[str]) -> str:
    """``text`` without the clauses that tell where another person lives (see ``_ANOTHER_PERSON``)."""
    kept = [clause for clause in clauses(text or "")
            if not (_ANOTHER_PERSON.search(simplify(clause)) and _LIVES.search(simplify(clause))
                    and not _WITH_THE_CHILD.search(simplify(clause)))]
    return ", ".join(kept)


def age_of(texts: List[str]) -> Optional[int]:
    """The child's age if the caller mentioned one ('zoon van 15', '12 jaar')."""
    try:
        from bot.kaart.query import extract_leeftijd  # lazy: the kaart is optional for the intake
    except Exception:
        return None
    for text in texts:
        age = extract_leeftijd(text or "")
        if age is not None:
            return age
    # "een baby", "de pasgeborene": under a year, also without a number (a user test of session 24 got the school
    # question for a baby)
    return 0 if any(_A_BABY.search(simplify(text or "")) for text in texts) else None


_A_BABY = re.compile(r"\b(?:baby|babytje|pasgeboren\w*|zuigeling)\b")


_NOTHING = AFFIRMATIVE | frozenset("nee neen ok oke oké okay goed prima hoor no dat weet ik niet geen idee niks niets "
                                   "nvt n v t - ? . x".split())


# Only that someone does not know: "weet hij niet", "dat weet de huisarts niet", "de school weet het ook niet" (a user
# test of session 24 kept "dat weet de huisarts niet" as what the caller told)
_ONLY_NOT_KNOWN = re.compile(
    r"^\W*(?:(?:nee|neen|nou|eh|uh|tja|hm|ja)\W+)*(?:(?:dat|dit|het)\s+)?(?:weet|weten)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:ook\s+|nog\s+|echt\s+)?(?:niet|niks|niets)(?:\s+(?:precies|goed|zeker|hoor|meer|van))?\W*$"
    r"|^\W*(?:[\w'-]+\s+){1,2}(?:weet|weten)\s+(?:het\s+|dat\s+|ook\s+|nog\s+)*(?:niet|niks|niets)(?:\s+(?:precies|hoor))?\W*$")


def says_nothing(text: str) -> bool:
    """An answer without a subject: only yes/no words, fillers or signs ("ja", "ok hoor", "weet ik niet", "?"), or
    only that someone does not know ("weet hij niet", "dat weet de huisarts niet")."""
    words = re.findall(r"[^\W_]+|[-?.]", text.lower())
    return bool(words) and (all(word in _NOTHING for word in words) or bool(_ONLY_NOT_KNOWN.match(simplify(text))))


# Words of a call-back note that tell who, how and when, but not what about ("mevrouw de Wit, 06-23456789, liefst na
# 15 uur"): with only these (and masked names and numbers) the subject is missing (third user test).
_CONTACT_AND_TIME = _NOTHING | frozenset(
    "mevrouw meneer mw mevr dhr de het van bel bellen belt terug terugbellen op via nummer tel telefoon mobiel mail "
    "liefst graag na voor om uur tussen en of s middags ochtends avonds morgen vandaag overmorgen vanmiddag vanavond "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ochtend middag avond half kwart over bereikbaar "
    "naam telefoon e adres postcode datum morgenochtend morgenmiddag morgenavond vanochtend vanmorgen volgende "
    "week straks zo snel mogelijk zsm haar hem".split())


def says_no_subject(text: str) -> bool:
    """A call-back subject that holds only contact details and a time, or nothing (``says_nothing``)."""
    from bot.intake.deidentify import mask

    plain = re.sub(r"\[[A-Z-]+\]", " ", mask(text).text).lower()
    words = [w for w in re.findall(r"[^\W_]+", plain) if not w.isdigit()]
    return says_nothing(text) or (not words or all(word in _CONTACT_AND_TIME for word in words))
