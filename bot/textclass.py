"""Small, explainable Dutch sentence classifiers (used for steps and drama roles).

Method (see NOTES §3): lemmas from ``spacy.blank("nl")`` with the lookup lemmatizer,
TF-IDF over word 1-2-grams of lemmas plus character 2-5-grams (``char_wb``), and a seeded
logistic regression. On a few hundred sentences this is as good as heavier models, trains in
about a second, and its weights explain a prediction ("which words led to it").

Examples are written in groups of paraphrases; a whole group goes either to training or to
the held-out test split (no leakage), chosen deterministically from the group id.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from bot.lemmas import lemma_text
from bot.text import FILLER_SOUNDS


@dataclass(frozen=True)
class Group:
    """Paraphrases that share one label; they never straddle train and test."""

    id: str
    label: str
    sentences: Tuple[str, ...]


@dataclass
class Prediction:
    label: str
    confidence: float
    probabilities: Dict[str, float]
    features: List[str] = field(default_factory=list)


def is_test_group(group_id: str, test_percent: int = 25) -> bool:
    digest = hashlib.sha1(group_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < test_percent


def split_groups(groups: Iterable[Group], test_percent: int = 25) -> Tuple[List[Group], List[Group]]:
    """Deterministic group split; every label keeps at least one group on each side if it has two."""
    train: List[Group] = []
    test: List[Group] = []
    by_label: Dict[str, List[Group]] = {}
    for group in groups:
        by_label.setdefault(group.label, []).append(group)
    for _label, items in sorted(by_label.items()):
        items = sorted(items, key=lambda g: hashlib.sha1(g.id.encode()).hexdigest())
        chosen = [g for g in items if is_test_group(g.id, test_percent)]
        if not chosen and len(items) > 1:
            chosen = [items[0]]
        if len(chosen) == len(items) and len(items) > 1:
            chosen = chosen[1:]
        test.extend(chosen)
        train.extend(g for g in items if g not in chosen)
    return train, test


def flatten(groups: Iterable[Group]) -> Tuple[List[str], List[str]]:
    texts: List[str] = []
    labels: List[str] = []
    for group in groups:
        for sentence in group.sentences:
            texts.append(sentence)
            labels.append(group.label)
    return texts, labels


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\s*\n+\s*")


def segments(text: str) -> List[Tuple[int, int]]:
    """Character spans of the sentences of ``text`` (split after . ! ? … and at line breaks); a dictated run-on
    without punctuation is split where ``punctuate`` puts a full stop or a question mark (its spans quote what was
    typed, fillers between its words included).

    Pieces without a letter are dropped; a text without sentence ends is one span.
    """
    punctuated = punctuate(text)
    if punctuated.words:
        return [punctuated.source_span(begin, end) for begin, end in _sentence_spans(punctuated.text)]
    return _sentence_spans(text)


def _sentence_spans(text: str) -> List[Tuple[int, int]]:
    spans: List[Tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end and re.search(r"[^\W\d_]", text[begin:end]):
            result.append((begin, end))
    return result


# -- dictated turns: one run-on sentence without punctuation (speech-to-text) ------------------------------------
# A user test of session 23 (issue 14): trainees who dictate their turns give one run-on sentence without a full stop
# or a comma, with fillers ("eh", "uhm", "zeg maar"), small talk and self-corrections before the move. Read as one
# sentence, such a turn was no move ("Onduidelijke zet") or lost the pitfall after "maar"; the same words punctuated
# were read right. ``punctuate`` gives such a turn the punctuation a typist would have given it, so every reader
# (``segments``, the step reader's clauses and its rules about questions) reads its parts as if punctuated. A turn
# with any punctuation (also only a full stop at the end: a typed sentence), a line break, or too few words is left
# exactly as it is.
_PUNCTUATION = re.compile(r"[.,;:!?…\n]|\s[-–—]\s")
_RUN_ON_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
QUESTION_WHOLE = True  # a run-on of one clause that asks gets its "?" (the rules about questions read it)
RUN_ON_MIN_WORDS = 7  # a shorter dictated turn is one clause as it is ("wat heeft u nodig")
# Sounds and words that carry nothing: dropped ("met eh met ilse" -> "met ilse"); the one list in ``bot.text``.
_SOUNDS = FILLER_SOUNDS
# Words that open a turn or a sentence before what is said: a greeting, a pause, a yes or no, a repair ("ja
# goedemorgen", "oke even wacht allemaal", "nee wacht"); followed by a comma. The address after them stays with them.
_GREETINGS = frozenset("hoi hallo hey hee hé hai dag goedemorgen goedemiddag goedenavond goeiemorgen goeiemiddag "
                       "welkom".split())
_OPENERS = frozenset("ja jawel nee nou oke oké ok okay okee goed zo kijk luister sorry excuus pardon oeps oei wacht "
                     "even mooi prima top super".split()) | _GREETINGS
_ADDRESS = frozenset("allemaal jongens mevrouw meneer jullie lieverd dames heren".split())
# A repair or an announcement that starts a new sentence wherever it stands ("... nee wacht ...", "... sorry ...",
# "... wat ik eigenlijk wil zeggen is ...").
_NEW_SENTENCE = re.compile(
    r"^(?:nee,? wacht|wacht (?:even|eens|effe)|even wacht|sorry|excuus|excuses|pardon|oeps|"
    r"weet je wat|(?:nou )?kijk|luister|laat ik|nou ja|"
    r"wat ik (?:\w+ ){0,3}(?:bedoel|bedoelde|zeggen|vragen|zeg|vraag|wil|wilde)\b|waar het (?:mij|me) om gaat)\b")
# A welcome, thanks or exclamation that starts a new sentence ("fijn dat je er bent", "wat vervelend dat ...").
_EXCLAMATION = re.compile(
    r"^(?:(?:fijn|goed|leuk|mooi|prettig|fijn) (?:dat|om)|dank (?:je|u|jullie)|bedankt|"
    r"wat (?:(?:echt|heel|ontzettend|ook) )?(?:een|fijn|goed|leuk|mooi|vervelend|naar|rot|lastig|zwaar|moeilijk|"
    r"pijnlijk|verdrietig|knap|jammer|heftig|erg|stom|balen|vreselijk|akelig|sneu|spannend|eng|gek|bijzonder|"
    r"lief|dapper|sterk|eerlijk)\b)")
# Sentence-final tags: "... ziek hè dat gebeurt" -> "... ziek hè. dat gebeurt".
_TAGS = frozenset("hoor hè he hé".split())
# "maar", "want", "dus" inside a run-on open a clause: a comma before them.
_CLAUSE_WORDS = frozenset("maar want dus".split())
_SAYING = frozenset("zeg zegt zei zeiden zeggen".split())
_LIGHT = frozenset("het maar meteen eerlijk gewoon even je u jullie dit wel nou".split())


def _says(said: Sequence[str]) -> bool:
    """The words said so far end in a verb of saying and light words ("jij zegt", "ik zeg het maar meteen"): what
    follows is what is said, in the same sentence after a colon."""
    k = len(said)
    while k and said[k - 1] in _LIGHT:
        k -= 1
    if k >= 3 and said[k - 1] in _SAYING:
        # the verb that closes a clause of "hoe", "wat", "dat" with its subject ("even kijken hoe ik dit zeg"): a
        # thought aloud, nothing quoted after it
        window = said[max(0, k - 4):k - 1]
        opened = [n for n, w in enumerate(window) if w in _SUBORDINATORS]
        if opened and any(w in _SUBJECTS for w in window[opened[0] + 1:]):
            return False
    return bool(k) and said[k - 1] in _SAYING
_MAAR_AFTER = 4  # words of a sentence after which "maar" starts a new one
_SUBJECTS = frozenset("ik we wij jij je u jullie hij zij ze het dat dit die men".split())
_PLURAL_SUBJECTS = frozenset("we wij jullie".split())
_EITHER_NUMBER = frozenset("ze zij die".split())
# Subjects that are never the object after a preposition ("uit ik ga ..." starts a clause, "met je ga ..." does not).
_ONLY_SUBJECTS = frozenset("ik we wij hij zij men".split())
# Finite verbs that often follow a subject in a new main clause or open a question ("ik stop ...", "dat moet ...",
# "wil je ...?"); with the regular forms of the stems below.
_FINITE_VERBS = frozenset(
    """ben bent is zijn was waren heb hebt heeft hebben had hadden kan kun kunt kunnen kon konden wil wilt willen wou
    wilde wilden mag mogen mocht moet moeten moest zal zult zullen zou zouden ga gaat gaan ging gingen doe doet doen
    deed sta staat staan stond zie ziet zien zag kom komt komen kwam kwamen weet weten wist zeg zegt zeggen zei word
    wordt worden werd zit zitten zat vind vindt vinden vond denk denkt denken dacht krijg krijgt krijgen kreeg geef
    geeft geven gaf neem neemt nemen nam blijf blijft blijven bleef lijkt lijken leek klinkt klinken klonk gebeurt
    gebeuren gebeurde speelt spelen speelde lukt lukken lukte klopt kloppen klopte valt vallen viel loopt lopen liep
    past passen hoop hoopt hopen snap snapt snappen begrijp begrijpt begrijpen merk merkt merken hoor hoort horen
    voel voelt voelen bedoel bedoelt bedoelen stop stopt stoppen vraag vraagt vragen probeer probeert proberen kijk
    kijkt kijken praat praten help helpt helpen maak maakt maken werk werkt werken leg legt leggen ken kent kennen
    herken herkent herkennen schrik schrikt schrikken geloof gelooft geloven wens wenst wensen zorg zorgt zorgen
    sluit sluiten hou houd houdt houden schreeuwen schreeuwt draai draait draaien bel belt bellen breng brengt brengen
    ervaar ervaart ervaren noem noemt noemen lees leest lezen spreek spreekt spreken begin begint beginnen mis mist
    missen heet heten lig ligt liggen lag schuif schuift schuiven stuur stuurt sturen app appt appen zet zetten
    verdien verdient verdienen betekent betekenen kost kosten woon woont wonen hoef hoeft hoeven hoefde""".split())
# After these a subject starts no new main clause: it is in a subordinate or inverted clause ("dat je ...", "dan ga ik
# ...", "meer dan ik dacht"); a subject that may be an object ("je", "u", "het") neither after a preposition ("met je
# ga ..."). A verb before its subject after these is no question but a main clause ("misschien kunt u ...").
_SUBJECT_NOT_AFTER = frozenset(
    """dat als of omdat zodat toen nu terwijl voordat nadat zodra sinds totdat tot hoewel zoals wanneer waar wat wie
    hoe waarom welke welk hoeveel en maar want dus noch dan te de het een die dit deze ik je jij u we wij ze zij hij
    jullie me mij hem haar ons hun zeg""".split()) | _FINITE_VERBS
_PREPOSITIONS = frozenset("""voor van met aan op in bij naar over om tegen door tussen zonder uit onder boven achter
    naast vanaf via per""".split())
_VERB_NOT_AFTER = _SUBJECT_NOT_AFTER | _PREPOSITIONS | frozenset(
    """daarom daardoor daarna misschien eigenlijk natuurlijk gelukkig helaas soms vaak altijd nooit eerst straks
    morgen vandaag gisteren vanavond nog al ook wel niet zo daar hier er toch echt gewoon even eens samen alleen
    tegelijkertijd anders bovendien daarnaast inderdaad zeker waarschijnlijk vermoedelijk eerlijk gezegd allebei
    zelf""".split())
# Adverbs that open a main clause with the verb before its subject ("... even zo schreeuwen we niet ...").
_FRONTED = frozenset("""zo dan nu daar hier daarom misschien soms eigenlijk natuurlijk gelukkig helaas toen straks
    morgen vandaag eerst daarna verder trouwens alleen tegelijkertijd anders bovendien daarnaast waarschijnlijk
    vermoedelijk""".split())
# Words that open a clause whose finite verb stands last ("fijn dat je er bent | wil je ..."); a sentence that opens
# with a condition ("als je wilt kun je ...") goes on with its main clause.
_SUBORDINATORS = frozenset("dat omdat of zodat wat hoe waar".split())
_CONDITIONS = frozenset("als wanneer zodra omdat toen terwijl zolang".split())
# Words between a question word and its verb ("hoe lang ben je ...", "wat voor school zit je op").
_QUESTION_WORDS = frozenset("wat hoe waar wanneer wie welke welk waarom hoeveel".split())


def _is_finite_after(subject: str, word: str) -> bool:
    """``word`` can be the finite verb of ``subject`` ("ik stop", "dat moet", "we zijn", "ze hebben")."""
    if word not in _FINITE_VERBS:
        return False
    plural = word == "zijn" or word.endswith("en") and word not in {"ben", "ken", "herken"}
    if subject == "ik":
        return not plural and (not word.endswith("t") or word in {"moet", "weet", "praat", "zat", "haat", "zet"})
    if subject in _PLURAL_SUBJECTS:
        return plural or word in {"waren", "wilden", "konden", "zouden", "gingen", "kwamen"}
    return subject in _EITHER_NUMBER or not plural


@dataclass(frozen=True)
class Punctuated:
    """A turn as its readers read it (``text``) and where its words stand in what was typed (``source``): ``words``
    holds (begin in text, end in text, begin in source, end in source) of every word taken over, empty when the turn
    is read as typed."""

    source: str
    text: str
    words: Tuple[Tuple[int, int, int, int], ...] = ()

    def source_span(self, begin: int, end: int) -> Tuple[int, int]:
        """The span of what was typed behind ``text[begin:end]`` (the dropped fillers inside it included)."""
        if not self.words:
            return begin, end
        inside = [w for w in self.words if w[0] < end and w[1] > begin]
        if not inside:
            return begin, begin
        return inside[0][2], inside[-1][3]


def _question_at(words: Sequence[str], i: int, end: Optional[int] = None) -> bool:
    """``words[i:end]`` opens a direct question: a verb before its subject ("wil je ...", "heeft u ...", "klopt dat"),
    or a question word, at most one word, then the verb and its subject ("wat heeft u nodig", "hoe lang ben je ...").
    Not "weet je wat" (advice comes), a verb that does not agree ("... zelf doen ik denk ..."), and a verb and subject
    alone at the end ("zo simpel is het") but "klopt dat"."""
    stop: int = len(words) if end is None else end

    def verb_subject(j: int) -> bool:
        if j + 1 >= stop or words[j + 1] not in _SUBJECTS | {"er"} or words[j + 1] == "die":
            return False  # "... weer zien die daar woont": a relative clause
        if words[j] == "weet" and words[j + 2:j + 3] and words[j + 2] not in _KNOWN_THINGS:
            return False  # "weet je, mijn ouders ...", "weet je wat": no question
        if words[j + 1] == "ik" and words[j] not in _ASKING_WITH_IK:
            return False  # "denk ik", "vind ik": a statement with the verb first after what went before
        return (words[j + 1] == "er" and words[j] in _FINITE_VERBS or _is_finite_after(words[j + 1], words[j])) \
            and (j + 2 < stop or words[j] == "klopt")

    if verb_subject(i):
        return True
    if words[i] in _PREPOSITIONS and words[i + 1:i + 2] and words[i + 1] in _QUESTION_WORDS:
        i += 1  # "met wie kunt u dit delen", "bij wie kun je terecht"
    if words[i] in _QUESTION_WORDS and i + 2 < stop and words[i + 2] in {"u", "je", "jij", "hij", "zij", "ze"} \
            and words[i + 1].endswith("t") and words[i + 1] not in FUNCTION_LIKE:
        return True  # "wie steunt u": a verb this list does not know
    if words[i] in _QUESTION_WORDS:
        return verb_subject(i + 1) or (words[i + 1:i + 2] in (["lang"], ["vaak"], ["voor"], ["veel"], ["laat"], ["oud"])
                                       and verb_subject(i + 2 if words[i + 1] != "voor" else i + 3))
    return False


FUNCTION_LIKE = frozenset("niet wat dat het met echt net toch best vast zelfs recht".split())
_KNOWN_THINGS = frozenset("dat of nog het waar hoe wie waarom wanneer welke".split())
_ASKING_WITH_IK = frozenset("mag zal kan moet heb ben zeg begrijp snap".split())


@lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    """A finite verb of ``_FINITE_VERBS``, also with a separable part before it ("thuiskwam", "terugbelt")."""
    return word in _FINITE_VERBS or any(word[k:] in _FINITE_VERBS for k in range(2, len(word) - 3))


_OPENS_A_CLAUSE = _SUBORDINATORS | _CONDITIONS | frozenset(
    "zodat hoewel voordat nadat totdat wanneer wie welke waarom hoeveel alsof zoals waardoor waarin waarmee waarover "
    "die".split())
# After a clause of time or condition the verb comes first in the main clause: no question ("zodra het over dat
# toernooi gaat gaat het over papa", "als ik ga lezen wie wat schreef word ik scheidsrechter").
_INVERTS_AFTER = _CONDITIONS | frozenset("zodra nadat voordat hoewel".split())
# Imperatives before the particle "maar" ("vertel maar", "ga maar lekker zitten"): no turn of the sentence.
_BEFORE_PARTICLE_MAAR = frozenset("vertel zeg ga kom doe kijk laat probeer zit neem pak wacht denk alleen dan nou toch "
                                  "eens".split())  # ... and "alleen maar", "dan maar"
_AFTER_PARTICLE_MAAR = frozenset("ook eens even door meteen gewoon liever beter gauw snel alvast rustig lekker raak zo "
                                 "weer wat".split())


def _awaits_its_verb(said: Sequence[str]) -> bool:
    """The words said so far end in a clause opened by "dat", "als", "wat", ... whose finite verb has not come yet."""
    waiting = False
    for word in said:
        if word in _OPENS_A_CLAUSE:
            waiting = True
        elif _is_verb(word):
            waiting = False
    return waiting


def _after_the_opening(words: Sequence[str], i: int, said: Sequence[str], only_openers: bool) -> Optional[str]:
    """The punctuation before ``words[i]`` after an opening ("hoi, ik ben ...", "oke even wacht allemaal. ik stop ...")
    or before a repair or announcement ("... nee wacht ...", "... wat ik bedoel is ..."); "" after an opening that goes
    on; None when neither."""
    word, before = words[i], words[i - 1]
    if _NEW_SENTENCE.match(" ".join(words[i:i + 8])) and before not in _SUBJECTS and before not in _QUESTION_WORDS \
            and not only_openers and not (word in {"kijk", "luister"} and words[i + 1:i + 2]
                                          and words[i + 1] in _SUBJECTS):
        return "."  # not the verb in "dan kijk ik er even naar"
    if only_openers and word not in _OPENERS and word not in _ADDRESS:
        # a pause or an address before a new main clause ends its sentence ("oke even wacht allemaal. ik stop ...")
        pause = "wacht" in said or before in _ADDRESS and not any(w in _GREETINGS for w in said)
        return "." if pause and i + 1 < len(words) and _is_finite_after(word, words[i + 1]) else ","
    return "" if only_openers else None


def _boundary(words: Sequence[str], i: int, start: int) -> Optional[str]:
    """The punctuation before ``words[i]`` in a run-on whose current sentence starts at ``start``: "." for a new
    sentence, "," for a new clause, None for none."""
    word, before = words[i], words[i - 1]
    rest = " ".join(words[i:i + 8])
    said = words[start:i]
    only_openers = all(w in _OPENERS or w in _ADDRESS or w in _CLAUSE_WORDS for w in said) \
        and any(w in _OPENERS for w in said) and word not in _FINITE_VERBS  # not "zo gaat ..."
    opening = _after_the_opening(words, i, said, only_openers)
    if opening is not None or only_openers:
        return opening or None
    if before in _TAGS and (i < 2 or words[i - 2] not in _SUBJECTS) and not _awaits_its_verb(said[:-1]) and (
            word not in _SUBJECTS or i + 1 < len(words) and _is_finite_after(word, words[i + 1])):
        return "."  # "... goed hoor meiden ...", not the verb "ik hoor dat ..." or "hoor je dat"
    if _EXCLAMATION.match(rest) and before not in _VERB_NOT_AFTER - _SUBJECTS and before not in {"heel", "erg", "best"}:
        return "."
    if word in _CLAUSE_WORDS and before not in _CLAUSE_WORDS and before not in {"ja", "nee", "en", "of"} \
            and before not in _BEFORE_PARTICLE_MAAR:
        # "maar" after a whole clause turns the turn: a sentence of its own ("... niet kwamen. maar ja, kinderen ...")
        if word == "maar" and words[i + 1:i + 2] and words[i + 1] in _AFTER_PARTICLE_MAAR:
            return None  # "laat maar eens zien", "zo gaat het maar door"
        return "." if word == "maar" and len(said) >= _MAAR_AFTER else ","
    # a new sentence only after this one has its verb (Dutch puts it second: "in het overleg volgende week wil ik ...",
    # "de realiteit is dat ..." are one sentence), not in a sentence that opens with a condition
    opened = _after_openers(said, 0, len(said))  # (only openers returned above)
    core = said[opened:]
    has_verb = any(_is_verb(w) for w in said) and not all(w in _OPENERS for w in said[:opened]) \
        or any(_is_verb(w) for w in core) or core[:1] == ["met"] \
        or bool(_EXCLAMATION.match(" ".join(core)))  # "ja goedemorgen met ilse ...", "wat naar dat ..."
    if word == "klopt" and words[i + 1:i + 2] in (["dat"], ["het"]) and len(said) >= 2 or \
            has_verb and len(said) >= 2 and not _opens_with_condition(said) and _opens_after_a_clause(words, i, said):
        return "."  # "... ertussen klopt dat wat zou jij ...", "... goed voornemen. en wat zeg je ...?"
    if len(said) < 2 or _opens_with_condition(said) or not has_verb:
        return None
    # after the verb that closes a clause with "dat", "of", ... a new clause may start ("fijn dat je er bent wil je")
    closed = _is_verb(before) and any(w in _OPENS_A_CLAUSE for w in said[1:-1])
    # (not "die": after a noun it opens a relative clause, "een vader die zijn jongens mist")
    if word in _SUBJECTS and word != "die" and i + 1 < len(words) and _is_finite_after(word, words[i + 1]) \
            and not _awaits_its_verb(said) and (
            closed or before not in _SUBJECT_NOT_AFTER and (word in _ONLY_SUBJECTS or before not in _PREPOSITIONS)):
        # what is said or quoted after a verb of saying stays in its sentence ("ik zeg het maar meteen: ik ga ...",
        # "jij zegt: ik ben het zo zat")
        return ":" if _says(said) else "."
    if said[-2:] in (["klopt", "dat"], ["klopt", "het"]) and _question_at(words, i):
        return "."  # "klopt dat met wie kunt u dit delen"
    if word in _TAGS or _awaits_its_verb(said):
        return None  # "... dat je weer naar school kan ik ...": the verb closes the clause, it asks nothing; a tag
        # ends its sentence ("... goed hoor je moet ...")
    condition = next((k for k, w in enumerate(said) if w in _INVERTS_AFTER), None)
    if condition is not None and not any(_is_verb(w) for w in said[:condition]):
        return None  # "als u de stukken meeneemt dan kijk ik ...": the main clause after its condition; a condition
        # after the verb of a main clause belongs to that clause ("je snapt toch dat ze zich zorgen maakt als je niet
        # thuis bent. daar moet je ...", set 46 path 7 dictated)
    if word in _FRONTED and i + 2 < len(words) and words[i + 1] in _FINITE_VERBS and words[i + 2] in _SUBJECTS \
            and (before not in _SUBJECT_NOT_AFTER | _PREPOSITIONS or closed):
        return "."  # also after the verb that closes a clause of "dat", "als", ... ("... thuis bent. daar moet je ...")
    if not closed and before in _VERB_NOT_AFTER:
        return None
    last_verb = max((k for k, w in enumerate(said) if _is_verb(w)), default=-1)
    if any(w in {"en", "of", "maar", "dus", "want"} for w in said[last_verb + 1:]):
        return None  # "... en bij ons thuis was het precies zo": the verb of the clause after "en", no question
    return "." if _question_at(words, i) else None


@lru_cache(maxsize=2048)
def punctuate(text: str) -> Punctuated:
    """The turn with the punctuation of a typist when it is one dictated run-on (no punctuation at all, at least
    ``RUN_ON_MIN_WORDS`` words, at least one place to split): fillers dropped, a comma after an opening greeting or
    pause and before "maar", "want", "dus", a full stop before a new main clause ("ik ...", "dat moet ..."), a repair
    ("nee wacht", "sorry"), a welcome ("fijn dat ...") and a question ("wil je ...", "wat heeft u nodig"), and after a
    tag ("hoor", "hè"); a question ends with "?". Since session 28 also: the words said again after a filler ("met een
    eh met een"), a question after "en" and "laten we" as new sentences, a supposition ("maar stel dat ...") that keeps
    its main question with a comma before it, and a run-on of one clause with its fillers dropped or its "?" added.
    Any other turn is read as typed."""
    body = (text or "").rstrip()
    if _PUNCTUATION.search(body):
        return Punctuated(text, text)
    found = [(m.group(0), m.start(), m.end()) for m in _RUN_ON_WORD.finditer(body)]
    if len(found) < RUN_ON_MIN_WORDS:
        return Punctuated(text, text)
    kept: List[Tuple[str, int, int]] = []
    dropped = False
    skip = 0
    for index, (word, begin, end) in enumerate(found):
        low = word.lower()
        if skip:
            skip -= 1
            continue
        if low in _SOUNDS:
            dropped = True
            continue
        if low == "maar" and kept and kept[-1][0].lower() == "zeg" and index + 1 < len(found) and len(kept) > 1:
            kept.pop()  # "zeg maar" inside a sentence is a filler
            dropped = True
            continue
        repeated = _said_again(kept, found, index) if dropped else 0
        if repeated:
            skip = repeated - 1  # "met eh met", "met een eh met een": the words said again after a filler
            continue
        dropped = False
        kept.append((word, begin, end))
    words = [w.lower() for w, _, _ in kept]
    marks: List[Optional[str]] = [None] * len(words)
    start = 0
    for i in range(1, len(words)):
        marks[i] = _boundary(words, i, start)
        if marks[i] == ".":
            start = i
    starts = [0] + [i for i, mark in enumerate(marks) if mark == "."]
    ends = starts[1:] + [len(words)]
    questions = {s for s, e in zip(starts, ends, strict=True)
                 if _question_at(words, s, e) or _question_at(words, _after_openers(words, s, e), e)
                 or _asks_after_link(words, s, e)}
    for s, e in zip(starts, ends, strict=True):
        inner = _main_question(words, s, e)
        if inner is not None and not marks[inner]:
            marks[inner] = ","  # "maar stel dat je ... mocht kiezen, wat zou je dan kiezen?"
    if not any(marks) and len(kept) == len(found) and not (QUESTION_WHOLE and questions):
        return Punctuated(text, text)  # one clause without fillers: read as typed
    out: List[str] = []
    spans: List[Tuple[int, int, int, int]] = []
    length = sentence = 0
    for i, (word, begin, end) in enumerate(kept):
        if i:
            glue = ("? " if sentence in questions else ". ") if marks[i] == "." else f"{marks[i]} " if marks[i] else " "
            sentence = i if marks[i] == "." else sentence
            out.append(glue)
            length += len(glue)
        spans.append((length, length + len(word), begin, end))
        out.append(word)
        length += len(word)
    out.append("?" if sentence in questions else ".")
    return Punctuated(text, "".join(out), tuple(spans))


def _opens_after_a_clause(words: Sequence[str], i: int, said: Sequence[str]) -> bool:
    """After a clause with its verb, ``words[i]`` opens a sentence of its own: a question after "en" ("dat is een
    goed voornemen. en wat zeg je als ...") or "laten we" ("... dat was te snel van mij. laten we het nog
    eens rustig bekijken")."""
    if _awaits_its_verb(said):
        return False
    if words[i] == "en" and words[i + 1:i + 2] and words[i + 1] in _QUESTION_WORDS:
        return _question_at(words, i + 1)
    return words[i] == "laten" and words[i + 1:i + 2] in (["we"], ["wij"]) and words[i - 1] not in _FINITE_VERBS \
        and words[i - 1] not in _CLAUSE_WORDS


_LINKS = frozenset("en maar dus ja nou oké oke want".split())


def _opens_with_condition(said: Sequence[str]) -> bool:
    """The sentence opens (after "maar", "en", "ja", ...) with a condition or a supposition ("als je ...", "maar stel
    dat je ...", "stel je voor dat ..."): its main clause, a question too, comes after it in the same sentence."""
    k = 0
    while k < len(said) - 1 and said[k] in _LINKS:
        k += 1
    return said[k] in _CONDITIONS or said[k] in {"stel", "gesteld", "mocht", "stel,"} and k + 1 < len(said) \
        and said[k + 1] in {"dat", "je", "nou", "jij", "u", "eens"} or said[k] == "stel" and k + 1 == len(said)


def _asks_after_link(words: Sequence[str], start: int, end: int) -> bool:
    """The sentence ``words[start:end]`` asks after its opening and a link word ("top en wat ga je zeggen als ...",
    "en wat zeg je ...") or, when it opens with a condition, in its main clause ("maar stel dat je ... mocht kiezen wat
    zou je dan kiezen")."""
    i = _after_openers(words, start, end)
    while i < end - 1 and words[i] in _LINKS:
        i += 1
    if i > start and _question_at(words, i, end):
        return True
    return _main_question(words, start, end) is not None


def _main_question(words: Sequence[str], start: int, end: int) -> Optional[int]:
    """Where the main clause of a sentence that opens with a condition asks ("maar stel dat je ... mocht kiezen | wat
    zou je dan kiezen"), None when it does not."""
    if not _opens_with_condition(words[start:end]):
        return None
    return next((j for j in range(start + 2, end - 1) if words[j] in _QUESTION_WORDS
                 and words[j - 1] not in _PREPOSITIONS and _question_at(words, j, end)), None)


def _said_again(kept: Sequence[Tuple[str, int, int]], found: Sequence[Tuple[str, int, int]], index: int) -> int:
    """How many words from ``found[index]`` on repeat the last one to three words kept (said again after a filler:
    "met een eh met een deadline", "en dan eh en dan"); 0 when none."""
    for n in (3, 2, 1):
        if len(kept) >= n and index + n <= len(found) and \
                [w.lower() for w, _, _ in kept[-n:]] == [w.lower() for w, _, _ in found[index:index + n]]:
            return n
    return 0


def _after_openers(words: Sequence[str], start: int, end: int) -> int:
    i = start
    while i < end - 1 and (words[i] in _OPENERS or words[i] in _ADDRESS) and words[i] not in _FRONTED:
        i += 1
    return i


class TextClassifier:
    """TF-IDF (lemma words + characters) + logistic regression, with explanations.

    ``temperature`` rescales the model's scores so its confidence matches how often it is right
    (fitted on out-of-fold predictions by ``calibrate``; 1.0 = uncalibrated).
    """

    temperature: float = 1.0

    def __init__(self, c: float = 8.0):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+")
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)
        self.model = LogisticRegression(C=c, max_iter=3000, random_state=0, class_weight="balanced")
        self.labels: List[str] = []

    def _features(self, texts: Sequence[str], fit: bool = False):
        from scipy.sparse import hstack

        lemma_texts = [lemma_text(t) for t in texts]
        if fit:
            return hstack([self.word.fit_transform(lemma_texts), self.char.fit_transform(texts)]).tocsr()
        return hstack([self.word.transform(lemma_texts), self.char.transform(texts)]).tocsr()

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "TextClassifier":
        matrix = self._features(texts, fit=True)
        self.model.fit(matrix, list(labels))
        self.labels = list(self.model.classes_)
        return self

    def _proba(self, matrix):
        scores = self.model.decision_function(matrix)
        if scores.ndim == 1:  # two classes
            scores = np.stack([-scores, scores], axis=1)
        scores = scores / max(self.temperature, 1e-3)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        matrix = self._features([text])
        probs = self._proba(matrix)[0]
        best = int(np.argmax(probs))
        label = self.labels[best]
        return Prediction(
            label=label,
            confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs, strict=False)},
            features=self._explain(matrix, best, n_features),
        )

    def predict_many(self, texts: Sequence[str]) -> List[str]:
        return list(self.model.predict(self._features(texts)))

    def proba_many(self, texts: Sequence[str]) -> List[Dict[str, float]]:
        probs = self._proba(self._features(texts))
        return [{lab: float(p) for lab, p in zip(self.labels, row, strict=False)} for row in probs]

    def _explain(self, matrix, label_index: int, n: int) -> List[str]:
        """The word n-grams of the sentence that pushed most towards the predicted label."""
        n_word = len(self.word.vocabulary_)
        coef = self.model.coef_[label_index] if self.model.coef_.shape[0] > 1 else self.model.coef_[0]
        row = matrix[0].tocoo()
        scored = [(value * coef[col], col) for col, value in zip(row.col, row.data, strict=False) if col < n_word]
        scored.sort(reverse=True)
        names = self.__dict__.get("_word_names")
        if names is None:  # building the name list costs tens of ms: once per model, not per sentence
            names = self._word_names = self.word.get_feature_names_out()
        return [str(names[col]) for score, col in scored[:n] if score > 0]


_WHITE_SPACES = re.compile(r"\s\s+")


class CompiledClassifier:
    """A trained ``TextClassifier`` as plain vocabularies and numpy arrays: the same numbers, but
    loading it does not import scikit-learn (about a second on a cold start). ``compile`` makes it."""

    def __init__(self, model: TextClassifier):
        self.labels = list(model.labels)
        self.temperature = float(model.temperature)
        self.word_ngrams = tuple(model.word.ngram_range)
        self.char_ngrams = tuple(model.char.ngram_range)
        self.word_vocab = {str(k): int(v) for k, v in model.word.vocabulary_.items()}
        self.char_vocab = {str(k): int(v) for k, v in model.char.vocabulary_.items()}
        self.word_idf = np.asarray(model.word.idf_, dtype=np.float64)
        self.char_idf = np.asarray(model.char.idf_, dtype=np.float64)
        self.coef = np.asarray(model.model.coef_, dtype=np.float64)
        self.intercept = np.asarray(model.model.intercept_, dtype=np.float64)
        self.word_names = {v: k for k, v in self.word_vocab.items()}

    # -- the two TF-IDF blocks, exactly as scikit-learn computes them (sublinear tf, l2 norm) -----
    def _word_grams(self, text: str) -> List[str]:
        toks = lemma_text(text).lower().split()
        low, high = self.word_ngrams
        grams = list(toks) if low == 1 else []
        for n in range(max(low, 2), min(high + 1, len(toks) + 1)):
            grams += [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        return grams

    def _char_grams(self, text: str) -> List[str]:
        low, high = self.char_ngrams
        grams: List[str] = []
        for word in _WHITE_SPACES.sub(" ", text.lower()).split():
            word = " " + word + " "
            for n in range(low, high + 1):
                offset = 0
                grams.append(word[offset : offset + n])
                while offset + n < len(word):
                    offset += 1
                    grams.append(word[offset : offset + n])
                if offset == 0:
                    break
        return grams

    @staticmethod
    def _block(grams: List[str], vocab: Dict[str, int], idf, shift: int) -> Dict[int, float]:
        counts: Dict[int, int] = {}
        for gram in grams:
            column = vocab.get(gram)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        values = {col: (1.0 + np.log(count)) * idf[col] for col, count in counts.items()}
        norm = float(np.sqrt(sum(v * v for v in values.values()))) or 1.0
        return {col + shift: v / norm for col, v in values.items()}

    def _vector(self, text: str) -> Dict[int, float]:
        vector = self._block(self._word_grams(text), self.word_vocab, self.word_idf, 0)
        vector.update(self._block(self._char_grams(text), self.char_vocab, self.char_idf, len(self.word_vocab)))
        return vector

    def _scores(self, vector: Dict[int, float]) -> np.ndarray:
        columns = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
        values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        scores = self.coef[:, columns] @ values + self.intercept
        if scores.shape[0] == 1:  # two classes
            scores = np.array([-scores[0], scores[0]])
        return scores

    def _proba(self, vector: Dict[int, float]) -> np.ndarray:
        scores = self._scores(vector) / max(self.temperature, 1e-3)
        exp = np.exp(scores - scores.max())
        return exp / exp.sum()

    def predict(self, text: str, n_features: int = 4) -> Prediction:
        vector = self._vector(text)
        probs = self._proba(vector)
        best = int(np.argmax(probs))
        coef = self.coef[best] if self.coef.shape[0] > 1 else self.coef[0]
        n_word = len(self.word_vocab)
        scored = sorted(((value * coef[col], col) for col, value in vector.items() if col < n_word), reverse=True)
        return Prediction(
            label=self.labels[best],
            confidence=float(probs[best]),
            probabilities={lab: float(p) for lab, p in zip(self.labels, probs, strict=False)},
            features=[self.word_names[col] for score, col in scored[:n_features] if score > 0],
        )

    def predict_many(self, texts: Sequence[str]) -> List[str]:
        return [self.labels[int(np.argmax(self._scores(self._vector(t))))] for t in texts]

    def proba_many(self, texts: Sequence[str]) -> List[Dict[str, float]]:
        return [
            {lab: float(p) for lab, p in zip(self.labels, self._proba(self._vector(t)), strict=False)} for t in texts
        ]


Classifier = Union[TextClassifier, CompiledClassifier]


@dataclass
class Evaluation:
    accuracy: float
    macro_f1: float
    per_label: Dict[str, Dict[str, float]]
    labels: List[str]
    confusion: List[List[int]]
    n_train: int
    n_test: int

    def report(self, title: str) -> str:
        """A plain-text Dutch report: accuracy, macro-F1, per-label scores, confusion matrix."""
        lines = [
            title,
            f"Trainingszinnen: {self.n_train}, testzinnen (nooit getraind): {self.n_test}",
            f"Nauwkeurigheid (accuracy): {self.accuracy:.3f}",
            f"Macro-F1: {self.macro_f1:.3f}",
            "",
            f"{'label':<14}{'precisie':>9}{'recall':>9}{'F1':>7}{'aantal':>8}",
        ]
        for label in self.labels:
            s = self.per_label[label]
            lines.append(f"{label:<14}{s['precision']:>9.2f}{s['recall']:>9.2f}{s['f1']:>7.2f}{int(s['support']):>8}")
        lines += ["", "Verwarringsmatrix (rij = juist label, kolom = voorspeld):"]
        short = [label[:6] for label in self.labels]
        lines.append(" " * 14 + "".join(f"{s:>7}" for s in short))
        for label, row in zip(self.labels, self.confusion, strict=False):
            lines.append(f"{label:<14}" + "".join(f"{v:>7}" for v in row))
        return "\n".join(lines)


def evaluate(
    classifier: Optional["Classifier"], texts: Sequence[str], labels: Sequence[str], n_train: int,
    names: Sequence[str] = (), predicted: Sequence[str] = (),
) -> Evaluation:
    """Scores over ``names`` (default: every label seen); a prediction outside them counts as a miss.
    Without ``predicted`` the ``classifier`` reads ``texts``; with it, ``classifier`` may be None."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    if not predicted:
        if classifier is None:
            raise ValueError("evaluate: give a classifier or the predictions")
        predicted = classifier.predict_many(texts)
    predicted = list(predicted)
    names = sorted(names or (set(labels) | set(classifier.labels if classifier else predicted)))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=names, zero_division=0
    )
    return Evaluation(
        accuracy=float(accuracy_score(labels, predicted)),
        macro_f1=float(f1_score(labels, predicted, labels=names, average="macro", zero_division=0)),
        per_label={
            name: {"precision": float(p), "recall": float(r), "f1": float(f), "support": float(s)}
            for name, p, r, f, s in zip(names, precision, recall, f1, support, strict=False)
        },
        labels=names,
        confusion=confusion_matrix(labels, predicted, labels=names).tolist(),
        n_train=n_train,
        n_test=len(texts),
    )


def calibrate(
    make: "type", groups: Sequence[Group], folds: int = 5
) -> float:
    """Temperature that makes confidences honest: minimises the log-loss of out-of-fold predictions
    (grouped folds, so paraphrases of one sentence never help predict each other)."""
    items = sorted(groups, key=lambda g: hashlib.sha1(g.id.encode()).hexdigest())
    logits: List[np.ndarray] = []
    gold: List[int] = []
    labels = sorted({g.label for g in items})
    for fold in range(folds):
        train = [g for i, g in enumerate(items) if i % folds != fold]
        test = [g for i, g in enumerate(items) if i % folds == fold]
        if not test or len({g.label for g in train}) < len(labels):
            continue
        model = make()
        model.fit(*flatten(train))
        texts, y = flatten(test)
        scores = model.model.decision_function(model._features(texts))
        if scores.ndim == 1:  # two classes: one score for the second label, as in ``_proba``
            scores = np.stack([-scores, scores], axis=1)
        order = [model.labels.index(lab) for lab in labels]
        logits.append(scores[:, order])
        gold += [labels.index(lab) for lab in y]
    if not logits:
        return 1.0
    all_scores = np.vstack(logits)
    target = np.array(gold)
    best, best_loss = 1.0, float("inf")
    for temperature in np.arange(0.2, 4.01, 0.05):
        scaled = all_scores / temperature
        scaled = scaled - scaled.max(axis=1, keepdims=True)
        log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(log_probs[np.arange(len(target)), target].mean())
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return round(best, 2)


@dataclass
class ReliabilityRow:
    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float


def reliability(confidences: Sequence[float], correct: Sequence[bool], bins: int = 5) -> List[ReliabilityRow]:
    """How often the classifier is right per confidence bin (does 70% mean 70%?)."""
    rows = []
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        chosen = [
            (c, ok)
            for c, ok in zip(confidences, correct, strict=False)
            if low <= c < high or (index == bins - 1 and c == 1.0)
        ]
        if chosen:
            rows.append(ReliabilityRow(low, high, len(chosen), sum(c for c, _ in chosen) / len(chosen),
                                       sum(ok for _, ok in chosen) / len(chosen)))
        else:
            rows.append(ReliabilityRow(low, high, 0, 0.0, 0.0))
    return rows


def reliability_report(rows: Sequence[ReliabilityRow]) -> List[str]:
    lines = [f"{'zekerheid':<12}{'aantal':>7}{'gem. zekerheid':>16}{'werkelijk goed':>16}"]
    for row in rows:
        if row.count:
            lines.append(f"{row.low:.1f}-{row.high:.1f}{'':<5}{row.count:>7}{row.mean_confidence:>16.2f}{row.accuracy:>16.2f}")
        else:
            lines.append(f"{row.low:.1f}-{row.high:.1f}{'':<5}{0:>7}{'-':>16}{'-':>16}")
    return lines


def coverage_table(
    confidences: Sequence[float], correct: Sequence[bool], thresholds: Sequence[float]
) -> List[Tuple[float, float, float]]:
    """(threshold, coverage, precision): which share gets an answer, and how often that answer is right."""
    rows = []
    total = max(len(confidences), 1)
    for threshold in thresholds:
        answered = [ok for c, ok in zip(confidences, correct, strict=False) if c >= threshold]
        precision = sum(answered) / len(answered) if answered else 0.0
        rows.append((threshold, len(answered) / total, precision))
    return rows
