"""Pacing and role voices of the persona (used by the engine; scenario fields ``tempo`` and
``rolantwoorden``).

- The tension falls at most ``tempo.max_daling`` per turn: a furious caller does not calm down
  after one acknowledging sentence.
- No good ending before ``tempo.min_beurten`` turns.
- Options before the steps in ``tempo.opties_pas_na`` were used meet resistance: the tension rises
  by ``tempo.weerstand`` and the persona pushes back. A step counts as used also when it was a part beside another
  move of a turn (the engine passes every move so far, as for the good ending).
- Replies come from ``rolantwoorden[<current role>][<move>][<band>]`` when the scenario has them,
  else from ``antwoorden[<move>][<band>]``: a Slachtoffer sounds different from an Aanklager.
- A reply that opens by echoing one word of the professional ("Boos? Natuurlijk ben ik boos.") is said only when
  the professional used that word (``fitting_replies``); the persona does not answer a word nobody said. Likewise a
  reply that takes up an offer to act ("Als jij met haar praat, ...") follows only an offer, and "Ga me niet vertellen
  hoe ik me voel." only a turn that named a feeling; when no line of the band fits, a fitting line of the same move
  in the nearest band is said (``reply_lines``).
- A line about a topic of the scenario (``onderwerpen``: "Apart ouderschap... dus niet steeds samen aan tafel?",
  "Ach, wanneer het precies begon, ...", "... wie wat gestuurd heeft") answers something said: it follows only a turn
  that raised the topic (a user test: "apart ouderschap" after a stance that never named it).
- The line fits the drama role the turn is labelled with (``fits_role``): no vulnerable Kwetsbaar line from an
  Aanklager, no accusation from a Kwetsbaar persona, while another line of the move fits.
- A line that answers advice ("Dat heb ik allang geprobeerd!", ``_ANSWERS_ADVICE``) follows only a turn that gave advice
  (``gives_advice``: "heeft u al eens geprobeerd om ...?", "misschien kunt u wat soepeler zijn", "u moet haar gewoon
  ..."), and after such a turn it is preferred over the other lines of the move (a user test: advice to wait at the
  school got "Kunt u niet gewoon regelen dat ze weer bij mij moet komen?", a line for an offer to take over).
- No line twice in one session while another fits (``avoid``: the lines said before): the same band's other lines
  first, then the fitting unsaid lines of the nearest band; only when every fitting line was said, one is said again
  (a user test: "Kunt u niet gewoon regelen ...?" twice in three turns).
"""
from __future__ import annotations

import re
from typing import Collection, Dict, FrozenSet, List, Optional, Sequence, Tuple

from bot.roleplay.models import Scenario, band_of


def rushes_to_options(scenario: Scenario, move: str, used: Sequence[str]) -> bool:
    """Options (or closing with options) before the needed steps were used."""
    needed = scenario.tempo.opties_pas_na
    return move == "opties" and any(step not in used for step in needed)


def paced_delta(scenario: Scenario, move: str, delta: int, used: Sequence[str]) -> Tuple[int, bool]:
    """The tension change after pacing, and whether the persona resists (options too early)."""
    if rushes_to_options(scenario, move, used):
        return max(delta, scenario.tempo.weerstand), True
    return max(delta, -scenario.tempo.max_daling), False


# A string of closed questions ("is het daar druk? slaap je daar slecht? is papa dan boos?") is no exploring of the
# pattern but an interrogation (the workbook's dynamiek: "te vroeg vragen voelt als een verhoor"): the tension does not
# fall, whatever step the questions were read as, and the persona answers as to being questioned (``interrogates``).
# A closed question asks for yes or no: none of the words of an open question in it ("kun je vertellen hoe het ging?"
# is open). Not a question of its own: a tag after a statement ("Dat is lang, hè?", "Lijkt me ideaal, u niet?"), an
# alternative to the question before ("Ben je moe? Of vooral verdrietig?"), a single word after a filler ("En moe?":
# checking a feeling) and "Ja of nee?". Blind set 24 has good paths that check a feeling so, in three short questions.
INTERROGATION = 3  # closed questions in one turn, and more closed than open ones
_OPEN_QUESTION = re.compile(r"\b(?:wat|wie|wiens|hoe|hoezo|waar\w*|waarom|wanneer|welk|welke|hoeveel|vertel)\b",
                            re.IGNORECASE)
_QUESTION = re.compile(r"[^?]+\?")
_TAG = re.compile(r",\s*(?:\w+\s+)?(?:hè|he|toch|niet|ja|nietwaar)$", re.IGNORECASE)
_FILLERS = {"en", "of", "maar", "dus", "nou", "oké", "ok", "ja", "nee", "toch", "want", "dan"}


def _questions(said: str) -> List[str]:
    """The questions of a turn: each stretch before a question mark, from the end of the sentence before it, that is a
    question of its own (see above)."""
    found = []
    for stretch in _QUESTION.findall(said or ""):
        question = re.split(r"[.!;:]\s", stretch.strip())[-1].strip(" ?")
        words = re.findall(r"[a-zà-ÿ']+", question.lower())
        if not words or words[0] == "of" or _TAG.search(question):
            continue
        while words and words[0] in _FILLERS:
            words = words[1:]
        if len(words) >= 2:
            found.append(question)
    return found


def interrogates(said: str) -> bool:
    """The turn is a string of closed questions (``INTERROGATION``): an interrogation, not an exploration."""
    questions = _questions(said)
    closed = [q for q in questions if not _OPEN_QUESTION.search(q)]
    return len(closed) >= INTERROGATION and len(closed) > len(questions) - len(closed)


def early_for_good_end(scenario: Scenario, turns_done: int) -> bool:
    """True while a good ending would come too soon (``turns_done`` counts the current turn)."""
    return turns_done < scenario.tempo.min_beurten


def reply_variants(scenario: Scenario, role: str, move: str, tension: int, resisted: bool = False) -> List[str]:
    """The reply lines for this role, move and tension (role lines first, then the general ones)."""
    band = band_of(tension)
    if resisted and scenario.tempo.weerstand_antwoorden:
        return list(scenario.tempo.weerstand_antwoorden)
    if resisted:
        move, band = "opties", "hoog"
    voice = scenario.rolantwoorden.get(role)
    lines = getattr(voice, move, None) if voice is not None else None
    if lines is not None and getattr(lines, band):
        return list(getattr(lines, band))
    return list(getattr(getattr(scenario.antwoorden, move), band))


_NO_ECHO = {"wat", "hallo", "echt", "serieus", "hoezo", "pardon", "waarom", "sorry", "huh", "nou", "ja", "nee", "hoe"}
_ECHO_STEM = 4  # "rust" meets "rustig", "optie" meets "opties", "regel" meets "regelen"


def fitting_replies(variants: Sequence[str], said: str, scenario: Optional[Scenario] = None,
                    role: Optional[str] = None) -> List[str]:
    """``variants`` without the ones that do not fit ``said`` (``_fits``, and the scenario's topics) or the persona's
    drama ``role`` (``fits_role``); all of them when no other variant is left."""
    return _fitting(variants, said, scenario, role) or list(variants)


def reply_lines(scenario: Scenario, role: str, move: str, tension: int, said: str, resisted: bool = False,
                avoid: Collection[str] = (), calmer: bool = False, last: Optional[str] = None) -> List[str]:
    """The reply lines for this role, move and tension that fit what the professional said and the role; when none of
    them fits, the fitting lines of the same move in the nearest other band ("Als jij met haar praat, luistert ze
    misschien wel." answers an offer to call her, not advice to the father: then "Hm, jij wilt het voor me oplossen."
    of the low band); all lines of this band (without topic lines) when no band has a fitting one. Lines in ``avoid``
    (said before in this session) are left out while a fitting line not said yet is found in this band, the next
    band or the band the fitting lines come from (a calm persona never jumps to a furious line only to say
    something new). Lines that do not fit the kind of turn (``fits_turn``; ``calmer``: the turn lowered the tension)
    or say the refrain of the persona's ``last`` line again (``same_refrain``) are left out like lines said before."""
    variants = reply_variants(scenario, role, move, tension, resisted)
    if resisted:
        fitting = fitting_replies(variants, said, scenario, role)
        return [line for line in fitting if line not in avoid] or fitting
    siding = sides(said)
    own = band_of(tension)
    if gives_advice(said):  # a line that answers the advice first, from this band or the next (see above)
        for band in _NEAREST[own]:
            if not _next_to(band, own):
                break
            for lines in (reply_variants(scenario, role, move, _BAND_TENSION[band]),
                          list(getattr(getattr(scenario.antwoorden, move), band))):
                answers = [line for line in _fitting(lines, said, scenario, role) if _ANSWERS_ADVICE.search(line)
                           and line not in avoid and _fits_kind(line, siding, calmer) and not same_refrain(line, last)]
                if answers:
                    return answers
    first: List[str] = []  # the fitting lines of the nearest band that has any
    for band in _NEAREST[own]:
        for lines in (reply_variants(scenario, role, move, _BAND_TENSION[band]),  # the role's voice first
                      list(getattr(getattr(scenario.antwoorden, move), band))):
            fitting = _fitting(lines, said, scenario, role)
            if not fitting:
                continue
            fresh = [line for line in fitting if line not in avoid and _fits_kind(line, siding, calmer)
                     and not same_refrain(line, last)]
            if fresh and (not first or _next_to(band, own)):
                return fresh
            first = first or fitting
    if first:
        return first
    neutral = [line for line in variants if not _names_a_topic(scenario, line)]
    return neutral or list(variants)


# Replies per kind of turn (a user test of session 22):
# - siding with the persona against the other parent ("dat is ook niet zo netjes van haar", "daar zou ik zelf ook
#   knetter boos om worden") is read as going into the content; the persona feels supported and escalates about the
#   other parent ("De afspraak staat zwart op wit ... en ze houdt zich er nooit aan!"), it does not wave the support
#   away ("Dat doet er niet toe!", "Ga jij nu ook al twijfelen?": ``_WAVES_AWAY``); a line that takes support for
#   granted ("Precies! ...", ``_ASSUMES_SIDING``) follows only such a turn;
# - a line that refuses to be told a feeling ("Ga me niet vertellen hoe ik me voel.", ``_TOLD_A_FEELING``) answers an
#   acknowledgement that missed, not one that calmed the persona (the tension fell);
# - the refrain of the last line ("Dat doet er niet toe!" and then "Wat doet het ertoe hoe het ging?", ``_REFRAINS``)
#   is not said twice in a row.
_SIDES = re.compile(
    r"\b(?:niet (?:zo |erg |echt |bepaald )?(?:netjes|eerlijk|normaal|fair|handig|aardig) van (?:haar|hem|die|uw|je|"
    r"jouw)|(?:ik|je) zou (?:daar |er )?(?:zelf |ook |zelf ook )?(?:\w+ )?(?:boos|kwaad|woedend|pissig|gek|razend) "
    r"(?:om |van )?worden|daar zou ik (?:zelf )?(?:ook )?(?:\w+ )?(?:boos|kwaad|woedend|pissig|razend)|"
    r"dat kan (?:echt |gewoon |toch )?niet van (?:haar|hem)|(?:zij|hij) (?:doet|deed) (?:het|dat) (?:echt |gewoon )?"
    r"fout|schandalig van (?:haar|hem))",
    re.IGNORECASE)
_WAVES_AWAY = re.compile(r"\b(?:doet er niet toe|wat doet het er ?toe|ga (?:jij|je|u) nu ook al twijfelen|"
                         r"(?:jij|je|u) snapt het (?:ook )?niet)", re.IGNORECASE)
_ASSUMES_SIDING = re.compile(r"^\W*precies!|\beindelijk iemand die het ziet\b", re.IGNORECASE)
_REFRAINS = (re.compile(r"\b(?:doet|doen) (?:het |dat )?er (?:niet |nou |eigenlijk )?toe\b|\bertoe\b", re.IGNORECASE),
             re.compile(r"\bga (?:me|mij) niet vertellen\b", re.IGNORECASE))


def sides(said: str) -> bool:
    """The turn sides with the persona against the other parent (see above)."""
    return bool(_SIDES.search(said or ""))


def fits_turn(line: str, said: str, calmer: bool = False) -> bool:
    """``line`` fits the kind of turn (see above): no waving away of a turn that sided with the persona, a line that
    takes support for granted only after one, no refusal to be told a feeling after a turn that calmed the persona."""
    return _fits_kind(line, sides(said), calmer)


def _fits_kind(line: str, siding: bool, calmer: bool) -> bool:
    """``fits_turn`` with ``sides(said)`` read once per turn (``siding``)."""
    if siding and _WAVES_AWAY.search(line):
        return False
    if _ASSUMES_SIDING.search(line) and not siding:
        return False
    return not (calmer and _TOLD_A_FEELING.search(line))


def same_refrain(line: str, last: Optional[str]) -> bool:
    """``line`` says the refrain of the persona's ``last`` line again (see above)."""
    return bool(last) and any(r.search(line) and r.search(str(last)) for r in _REFRAINS)


def _next_to(band: str, own: str) -> bool:
    return abs(_BANDS.index(band) - _BANDS.index(own)) <= 1


_BANDS = ("laag", "midden", "hoog")
_BAND_TENSION = {"laag": 2, "midden": 5, "hoog": 8}  # a tension in each band (``band_of``)
_NEAREST = {"laag": ("laag", "midden", "hoog"), "midden": ("midden", "laag", "hoog"),
            "hoog": ("hoog", "midden", "laag")}


def _fitting(variants: Sequence[str], said: str, scenario: Optional[Scenario] = None,
             role: Optional[str] = None) -> List[str]:
    words = {w[:_ECHO_STEM] for w in re.findall(r"[a-zà-ÿ]+", said.lower())}
    return [v for v in variants if not _echoes_something_else(v, words) and _fits(v, said)
            and (scenario is None or topic_raised(scenario, v, said)) and (role is None or fits_role(role, v))]


# The drama role a turn is labelled with must fit the line the persona says (``Turn.rol``): an Aanklager does not say
# a line that shows the vulnerable feeling of the Kwetsbaar role ("Ja... Het is ook verdriet, eigenlijk. Ik mis ze nu
# al.": a user test), and a Kwetsbaar persona does not accuse. The line's role shows in the explainable role signals of
# the workbook's Dramadriehoek (``knowledge/rollen/signalen.yml``); a line with a signal of a clashing role is said in
# that role only when no other line of the move fits.
CLASHING_ROLES = {"aanklager": frozenset({"kwetsbaar"}), "kwetsbaar": frozenset({"aanklager"})}


def fits_role(role: str, line: str) -> bool:
    """``line`` shows no signal of a role that clashes with ``role`` (``CLASHING_ROLES``)."""
    clash = CLASHING_ROLES.get(role)
    return not clash or not (line_roles(line) & clash)


_LINE_ROLES: Dict[str, FrozenSet[str]] = {}


def line_roles(line: str) -> FrozenSet[str]:
    """The drama roles whose explainable signals a persona line shows; none while the knowledge is first being loaded
    (its check plays the scripted paths through the engine before the role signals can be read)."""
    from bot.knowledge.loader import knowledge_loaded
    from bot.roles.signals import find_signals  # the role signals load the role knowledge: only when a line is read

    if line not in _LINE_ROLES:
        if not knowledge_loaded():
            return frozenset()
        if len(_LINE_ROLES) > 4096:
            _LINE_ROLES.clear()
        _LINE_ROLES[line] = frozenset(hit.rol for hit in find_signals(line))
    return _LINE_ROLES[line]


def topic_raised(scenario: Scenario, line: str, said: str) -> bool:
    """A persona line about a topic of the scenario (``onderwerpen``) fits only a turn that raised that topic."""
    return all(topic.raised_by(said) for topic in scenario.onderwerpen if topic.marks(line))


def _names_a_topic(scenario: Scenario, line: str) -> bool:
    return any(topic.marks(line) for topic in scenario.onderwerpen)


# A reply that takes the professional up on an offer to act ("Als jij met haar praat, ...", "Fijn dat je het oppakt.",
# "Jij gaat het dus regelen?") fits only a turn that offered to act ("ik bel haar", "zal ik ...?"), not advice to the
# persona ("misschien moet je de jongens zelf laten kiezen": a user test).
_TAKES_UP_OFFER = re.compile(
    r"\b(?:als (?:jij|u) (?:\w+ ){0,3}(?:praat|belt|regelt|zegt|bespreekt|spreekt|overneemt)"
    r"|(?:jij|u) gaat (?:\w+ ){0,3}(?:regelen|bellen|aanspreken|bepalen|zeggen|praten)"
    r"|gaat u (?:\w+ ){0,3}(?:aanspreken|bepalen|regelen|bellen)|ga jij (?:\w+ ){0,3}(?:zeggen|regelen|bellen)"
    r"|fijn dat (?:je|u) het oppakt|(?:bel|regel|zeg|praat) (?:jij|u) (?:\w+ ){0,2}(?:maar|haar|hem|het)\b"
    r"|aangeboden|wilt oppakken|zou u dat willen doen|zet het dan in uw verslag|nu wil je ineens helpen|nu ineens wel"
    r"|(?:dan|wel) weten wat (?:ze|hij) zegt)"
    r"|^\W*(?:graag|ja,? alsjeblieft|ja,? graag)\b",  # "Graag. Ik heb het zelf al zo vaak geprobeerd."
    re.IGNORECASE,
)
_OFFERS = re.compile(
    r"\b(?:ik (?:\w+ )?(?:bel|regel|praat|spreek|stuur|mail|app|schrijf|zet|zorg|los|bespreek|neem|ga|kan|wil|zal)"
    r"|zal ik|wil je dat ik|wilt u dat ik|willen jullie dat ik|laat (?:mij|ik)|(?:regel|bel|doe|zet|vraag) ik)\b",
    re.IGNORECASE,
)
# A reply that refuses to be told a feeling ("Ga me niet vertellen hoe ik me voel.") fits a turn that names one, not a
# turn that only asks ("sorry dat ik het vraag maar hoe gaat het nu met u?": a user test).
_TOLD_A_FEELING = re.compile(r"\b(?:vertellen hoe ik me voel|hou op met dat begrip|begrip heb ik niks aan|"
                             r"begrip is mooi)\b", re.IGNORECASE)


# A reply that thanks for being understood or named ("Het is wel fijn dat je het snapt.", "Het doet me goed dat u dat
# zegt.", "Dank u. Het is fijn dat iemand het gewoon zwaar noemt.") answers something said, not a string of questions
# (a user test: "is het daar druk? slaap je daar slecht? is papa dan boos?" got "Het is wel fijn dat je het snapt.").
_THANKS_FOR_WORDS = re.compile(r"\b(?:fijn dat (?:je|jij|u|iemand) (?:het |dat )?(?:\w+ ){0,2}(?:snapt|begrijpt|zegt|"
                               r"noemt|ziet)|doet me goed dat (?:je|u) dat zegt|dank (?:je|u)(?: wel)?\.)",
                               re.IGNORECASE)


# A reply that takes for granted the professional is looking into who is right ("Ga je nu uitzoeken wie gelijk heeft?
# Ik weet allang wie gelijk heeft.") answers a turn that asks about what happened or weighs who is right (a question,
# "gelijk", "schuld", "klopt"), not a turn that tells the professional's own story ("ik ben zelf ook gescheiden, mijn
# ex deed precies hetzelfde": a user test, session 23) or gives advice.
_ASSUMES_INQUIRY = re.compile(r"\b(?:uitzoeken|uitzoekt|onderzoeken|onderzoekt|uitpluizen|uitplozen) (?:\w+ )?wie\b",
                              re.IGNORECASE)
_WEIGHS = re.compile(r"\b(?:gelijk|ongelijk|schuld|klopt|kloppen|waarheid|waar is|fout|feiten)\b", re.IGNORECASE)
_ASKS = re.compile(r"(?:^|[.!?]\s+)(?:(?:en|maar|dus|ja|oké|nou|eh)\W+)*(?:wie|wat|hoe|waar|wanneer|welke|welk|"
                   r"waarom|hoeveel|hoelang|sinds wanneer)\b", re.IGNORECASE)


# A reply that answers advice: the persona tried it already ("Dat heb ik allang geprobeerd!", "Dat hebben we al eens
# gedaan."). Advice (``gives_advice``) is what the step recogniser reads as redden by its advice forms: advice dressed
# as a question, advice to behave otherwise and announced advice (``bot.steps.classifier``), and a plain instruction
# to the other ("u moet haar gewoon ...", "probeer eens ...", "misschien moet je ...", ``_INSTRUCTS``).
_ANSWERS_ADVICE = re.compile(r"\b(?:heb|hebben) (?:ik|we|wij) (?:ook |zelf )?(?:al|allang)(?: eens| lang| zo vaak)? "
                             r"(?:\w+ )?(?:geprobeerd|gedaan)\b", re.IGNORECASE)
_INSTRUCTS = re.compile(
    r"^\W*(?:(?:en|maar|dus|nou|ja|oké|ok|misschien|anders|dan|eigenlijk)\W+)*"
    r"(?:(?:u|je|jij|jullie) (?:moet|moeten|zou|zoudt|zouden|kunt|kun|kan|kunnen) (?:\w+ ){0,3}?(?:gewoon|eens|maar|"
    r"beter|toch|echt)\b|(?:moet|zou) (?:u|je|jij|jullie) (?:\w+ ){0,3}?(?:gewoon|eens|maar|beter|proberen)\b"
    r"|(?:kunt|kun|kan) (?:u|je|jij|jullie) (?:\w+ ){0,3}?(?:gewoon|beter|proberen)\b"
    r"|probeer (?:het )?(?:eens|gewoon|dan|anders)\b|ga (?:gewoon|eens|anders) )",
    re.IGNORECASE)


def gives_advice(said: str) -> bool:
    """A sentence of the turn gives the other advice (see ``_ANSWERS_ADVICE``)."""
    from bot.steps import classifier as steps  # the advice forms of the step recogniser; lazy: it loads its models
    from bot.textclass import punctuate

    for sentence in re.split(r"(?<=[.!?])\s+", punctuate(said or "").text):
        sentence = sentence.strip()
        if sentence and (steps.advises(sentence) or _INSTRUCTS.search(sentence)):
            return True
    return False


def _inquires(said: str) -> bool:
    """The turn asks something (also dictated without its question mark) or weighs who is right (``_WEIGHS``)."""
    from bot.textclass import punctuate

    text = punctuate(said).text
    return "?" in text or bool(_ASKS.search(text) or _WEIGHS.search(said))


def _only_questions(said: str) -> bool:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", said.strip()) if s.strip()]
    return bool(sentences) and all(s.rstrip().endswith("?") for s in sentences)


def _fits(variant: str, said: str) -> bool:
    """What the reply takes for granted was said: an offer to act, advice, a question or a weighing of who is right, a
    feeling named, or words of understanding (``_TAKES_UP_OFFER``, ``_ANSWERS_ADVICE``, ``_ASSUMES_INQUIRY``,
    ``_TOLD_A_FEELING``, ``_THANKS_FOR_WORDS``)."""
    if _TAKES_UP_OFFER.search(variant) and not _OFFERS.search(said):
        return False
    if _ANSWERS_ADVICE.search(variant) and not gives_advice(said):
        return False
    if _ASSUMES_INQUIRY.search(variant) and not _inquires(said):
        return False
    if _TOLD_A_FEELING.search(variant) or _THANKS_FOR_WORDS.search(variant):
        return not _only_questions(said)
    return True


def _echoes_something_else(variant: str, words: set) -> bool:
    """The line opens by taking up a word the professional did not say (``echoed_words``)."""
    echoed = echoed_words(variant)
    return bool(echoed) and not any(word[:_ECHO_STEM] in words for word in echoed)


# A line that opens by taking up the professional's words: one word and a question mark ("Boos? ..."), a short
# fragment and a question mark ("Nog een mediator? ...", "Die klachten? ...", "Geen kant kiezen? ...") or "<word> is
# het woord niet" ("Moe is het woord niet."). It fits only a turn that said one of its words (a user test: "... met
# de huisarts te gaan praten" got "Nog een mediator?"). A fragment with a question word ("Wat ik wil?") echoes the
# kind of question, which the move already fits; one with a person ("Ziet u het nu?", "Beloof je het?") or a hedge
# ("Minder appen misschien?") is the persona's own question, no echo.
_ECHO_FRAGMENT = re.compile(r"^(?:\w+: ')?([A-Za-zÀ-ÿ' ]{2,40}?)\?(?:\s|'|$)")
_WORD_ECHO = re.compile(r"^([A-Za-zÀ-ÿ]+) is het woord niet\b", re.IGNORECASE)
_ECHO_MAX_WORDS = 4
_OWN_QUESTION = {"dus", "ik", "je", "jij", "u", "we", "wij", "jullie", "me", "mij", "misschien", "wat", "wie", "hoe",
                 "waar", "waarom", "wanneer", "welke", "welk", "hè", "huh", "hallo", "pardon", "sorry", "serieus",
                 "echt"}
_NOT_CONTENT = {"nog", "een", "de", "het", "die", "dat", "deze", "dit", "niet", "geen", "wel", "nu", "ineens", "dan",
                "toch", "dus", "zo", "maar", "ook", "door", "voor", "met", "van", "op", "in", "aan", "zal", "blijven"}


def echoed_words(variant: str) -> List[str]:
    """The words a line takes up from the professional when it opens with an echo (see above); [] for any other
    line."""
    match = _WORD_ECHO.match(variant)
    if match:
        return [match.group(1).lower()]
    match = _ECHO_FRAGMENT.match(variant)
    if not match:
        return []
    fragment = re.findall(r"[a-zà-ÿ']+", match.group(1).lower())
    if not fragment or len(fragment) > _ECHO_MAX_WORDS or set(fragment) & _OWN_QUESTION:
        return []
    if len(fragment) == 1:
        return [] if fragment[0] in _NO_ECHO else fragment
    return [word for word in fragment if word not in _NOT_CONTENT and len(word) > 2]
