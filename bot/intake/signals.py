"""Find explainable signals (danger, divorce, school, steun ...) in free-text answers.

Text is lower-cased and stripped of accents; trigger phrases match whole words (``woord*`` matches a
word prefix). A match does not count when

- one of the few words before it, in the same sentence, is a negation ('geen', 'niet', 'nooit', 'nee'), unless a
  'maar' comes in between: "nee, er wordt niet geslagen" is no signal, "nee, maar gisteren sloeg hij haar" is. A
  negation followed by 'of' is doubt, not a denial: "ik weet niet of hij haar slaat" and "niet zeker of" count; nor
  is a negation in a subordinate clause before the trigger's clause ("als ze niet luistert, slaat hij haar", also
  without the comma: "als ze niet luistert slaat hij haar", where the main clause starts with its verb and subject),
  nor one in an earlier clause when the trigger's clause has a word of its own before it ("mag niet naar buiten,
  broer bedreigt haar"; a list keeps it: "geen geweld, slaan of schoppen");
- a negation stands among the words a '...' of the trigger lets in ("ze krijgt geen klappen van hem");
- a denial follows it in the same sentence: a 'nee' a few words on ("slaan of zo, nee dat niet"), or a 'niet' or
  'nooit' within three words of the same clause ("hij slaat haar niet"), but not 'niet alleen', 'niet enkel' or
  'niet meer' ("hij slaat haar niet alleen, ..." is violence; "niet meer" tells it happened);
- it lies inside one of the signal's ``uitzonderingen`` within one clause (no . ! ? ; , : in between): "dreigt te
  blijven zitten" and "slaat het ontbijt over" are no threat and no hitting, but "hij slaat haar. Over een week ..."
  is. An exception directly followed by an article, possessive or pronoun does not apply: "hij slaat haar over haar
  rug" has the preposition 'over', not the separable verb 'overslaan'.

A first name the caller uses ("moeder schreeuwt tegen lotte") also matches the word ``voornaam`` of a phrase
("schreeuw* tegen voornaam"): who is shouted at tells a parent against the child from parents fighting.

The words of one match count for one signal of a kind only: a match that lies inside a longer match of another
signal of the same kind does not count ("hard ruzie" is the signal 'hard ruzie', not also 'ruzie' for another one:
two signals of complex divorce from two words made that route, a user test). Danger signals are the exception: each
reading of a danger keeps its advice.

An exception may run on over a comma into a subordinate clause that it names itself ("kreeg een flinke klap, toen oma
overleed", as "... klap toen ... overleed"); "gaf hem een klap, toen hij niet luisterde" matches no exception.

A signal does not count at all in a text that also says one of its ``niet_samen_met`` phrases (anywhere, not negated):
"ziet haar dochter nauwelijks, ze zit de hele dag op haar kamer" tells of a child that withdraws, not of a parent
without contact after a divorce (a user test of session 22), which an exception, bound to one clause, cannot say.

A short question that echoes the consultant's question is no signal when the answer after it denies it or does not
know ("hard ruzie? geen idee", "geslagen? nee"): a question back tells nothing (a user test of session 24 got "veel
ruzie of geschreeuw thuis" from "hard ruzie? geen idee"). "hard ruzie? ja, vaak" is one, and so is a question with no
answer after it ("mantelzorg hulp voor jongeren?").

Weak signs (``zwakke_trefwoorden``, "zonder ontbijt") count only together: two of them, or one with a sign of its
``samen_met`` ("te laat", "moe") in the same text. One weak sign alone is no signal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.intake.deidentify import first_names
from bot.intake.models import IntakeSignaal
from bot.patterns import Pattern, Token, compile_pattern, find_all, may_match, prefixes_of, words_of
from bot.text import TYPED_FORMS, simplify

FIRST_NAME = "voornaam"  # the word of a phrase that matches any first name
NEGATIONS = frozenset({"geen", "niet", "nooit", "nee", "niemand", "nergens"})
NEGATION_WINDOW = 4
AFFIRMATIVE = frozenset({"ja", "jawel", "klopt", "zeker", "inderdaad", "wel", "helaas", "yes"})

# "weet niet of", "niet zeker of", "geen idee of": between the negation and the 'of' only these words
_DOUBT_WORDS = frozenset({"zeker", "precies", "goed", "idee", "helemaal", "echt", "zo"})
# a denial after the trigger: 'nee' up to DENIAL_NEE words on in the same sentence, 'niet'/'nooit' up to
# DENIAL_NOT words on in the same clause
DENIAL_NEE = 5
DENIAL_NOT = 3
_NOT_AFTER = frozenset({"niet", "nooit"})
# 'niet alleen', 'niet meer', 'niet zo vaak', 'niet goed genoeg' ... do not deny the word before them
_NOT_A_DENIAL_AFTER = frozenset({"alleen", "enkel", "meer", "zomaar", "zo", "altijd", "goed", "genoeg", "te"})
_NEE_NOT_A_DENIAL_AFTER = frozenset({"zegt", "zei", "zeggen", "zeg", "roept", "riep", "schreeuwt", "antwoordt"})
# words that start another clause: a 'niet' after them belongs to that clause ("slaat haar als ze niet luistert")
_CLAUSE_WORDS = frozenset({"als", "omdat", "want", "maar", "en", "of", "dat", "wanneer", "toen", "terwijl", "zodat",
                           "die", "wie", "waar", "wat", "dan", "tot", "totdat", "voordat", "nadat", "zodra", "hoewel"})
# words that open a subordinate clause: a negation in such a clause before the trigger is not about the trigger
_SUBORDINATORS = frozenset({"als", "wanneer", "omdat", "zodra", "toen", "terwijl", "tenzij", "nadat", "voordat",
                            "doordat", "zolang"})
# after an exception these words make its last word a preposition ("slaat haar over haar rug")
_OBJECT_WORDS = frozenset({"de", "het", "een", "haar", "zijn", "hun", "mijn", "jouw", "je", "uw", "ons", "onze",
                           "hem", "hen", "mij", "me", "zich", "zichzelf", "elkaar"})

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?;]")
_CLAUSE_END = re.compile(r"[,:()\u2013\u2014]|\s-\s")


def words(text: str) -> List[str]:
    return _WORD.findall(simplify(text))


@dataclass(frozen=True)
class Hit:
    """One signal found: which signal, the words that triggered it, and in which answer."""

    signal_id: str
    soort: str
    trigger: str
    question: Optional[str] = None


@dataclass(frozen=True)
class _Text:
    """The words of a text with, for each word, the number of its sentence and of its clause."""

    words: List[str]
    sentence: List[int]
    clause: List[int]
    questions: frozenset = frozenset()  # the numbers of the sentences that end with '?'


def _segment(text: str) -> _Text:
    simple = simplify(text)
    found: List[str] = []
    sentences: List[int] = []
    clauses: List[int] = []
    sentence = clause = 0
    last = 0
    questions = set()
    for match in _WORD.finditer(simple):
        between = simple[last:match.start()]
        if found and _SENTENCE_END.search(between):
            if "?" in between:
                questions.add(sentence)
            sentence += 1
            clause += 1
        elif found and _CLAUSE_END.search(between):
            clause += 1
        # a spoken or typo'd form of a word the triggers spell in full ("zoon gaat nie meer naar school")
        found.append(TYPED_FORMS.get(match.group(), match.group()))
        sentences.append(sentence)
        clauses.append(clause)
        last = match.end()
    if found and "?" in simple[last:]:
        questions.add(sentence)
    return _Text(found, sentences, clauses, frozenset(questions))


@dataclass(frozen=True)
class _Present:
    """The words of a text and their beginnings: what ``may_match`` looks in before a phrase is matched (plain
    tokens: a word's lemma is the word itself)."""

    words: frozenset
    prefixes: frozenset


def _doubt(tokens: Sequence[str], negation: int, start: int) -> bool:
    """'niet of', 'niet zeker of', 'geen idee of' between the negation and the trigger: doubt, not a denial."""
    index = negation + 1
    while index < start and tokens[index] in _DOUBT_WORDS and index - negation <= 2:
        index += 1
    return index < start and tokens[index] == "of"


# subject pronouns: right after a finite verb they show a main clause with inversion ("... slaat hij haar")
_SUBJECTS = frozenset({"hij", "ze", "zij", "je", "jij", "u", "ik", "we", "wij", "jullie", "men"})


def _in_subclause_before(text: _Text, negation: int, start: int) -> bool:
    """The negation lies in a subordinate clause before the trigger's main clause: "als ze niet luistert, slaat hij
    haar", also without the comma ("als ze niet luistert slaat hij haar", "wanneer hij zijn zin niet krijgt dreigt
    hij"): a subordinator stands before the negation in its clause ("en als ze niet ..."), and after the negation
    and the subordinate clause's own verb the main clause starts with its finite verb and then its subject
    (inversion, ``_SUBJECTS``), at or before the trigger. "als hij haar niet slaat, ..." keeps its negation: the
    trigger is the subordinate clause's verb."""
    first = negation
    while first > 0 and text.clause[first - 1] == text.clause[negation]:
        first -= 1
    tokens = text.words
    if not any(tokens[index] in _SUBORDINATORS for index in range(first, negation)):
        return False
    if text.clause[negation] != text.clause[start]:
        return True
    return any(tokens[verb] not in _CLAUSE_WORDS and tokens[verb + 1] in _SUBJECTS
               for verb in range(negation + 2, start + 1) if verb + 1 < len(tokens))


# words that carry a list on over a comma: a negation before the comma still holds ("geen geweld, slaan of schoppen")
_LIST_WORDS = frozenset({"of", "en", "noch", "ook", "evenmin", "nog", "zelfs"})


def _in_clause_before(text: _Text, negation: int, start: int) -> bool:
    """The negation lies in an earlier clause, and the trigger's clause has a word of its own right before the
    trigger: "meisje mag niet naar buiten, broer bedreigt haar" (a user test of session 21: the 'niet' of the first
    clause silenced the threat), "niet geslagen, wel geduwd". A list carried on over the comma keeps the negation: the
    trigger opens its clause or follows 'of', 'en' ... ("geen geweld, slaan of schoppen"); a 'nee' keeps it too."""
    if text.words[negation] in ("nee", "neen") or text.clause[negation] == text.clause[start]:
        return False
    before = start - 1
    return text.clause[before] == text.clause[start] and text.words[before] not in _LIST_WORDS


# A dictated answer has no punctuation: "ik weet het niet meer hij slaat haar", "het is niet makkelijk papa slaat mama",
# "ze heeft geen vrienden haar vader mishandelt haar", "vader smijt met stoelen moeder durft niet naar huis" (a user
# test of session 25: each was a danger signal typed with its full stop or comma, none dictated). Where no punctuation
# says it, a new main clause starts at a subject (a pronoun, a person, maybe after a possessive or article, or a first
# name) that follows a word which does not bind it to the clause before (no clause word, preposition or determiner) and
# is followed by a word that can be its verb (_NOT_A_VERB): a negation before that clause, or a 'niet' after the
# trigger in such a clause, says nothing about the trigger. "ik denk niet dat hij haar slaat" keeps its negation (the
# 'dat' binds 'hij'), and so do "hij slaat ze niet" and "geen vader slaat zijn kind" (no verb after 'ze'; nothing
# between 'geen' and its noun). A contrast word cuts off a negation before it as 'maar' does: "nee niet echt alleen de
# baby wordt door elkaar geschud", "dat weet ik niet wel heeft ze blauwe plekken".
_CONTRASTS = frozenset({"maar", "alleen", "wel"})
_PERSONS = frozenset(
    "vader moeder papa mama pa ma broer zus broertje zusje stiefvader stiefmoeder stiefbroer opa oma oom tante vriend "
    "vriendin vriendje man vrouw ex partner zoon dochter kind kinderen baby jongen meisje buurman buurvrouw "
    "schoonzoon schoonvader schoonmoeder".split()
)
_SUBJECT_DETERMINERS = frozenset("de het een haar zijn z'n zn mijn m'n hun onze ons die deze".split())
_PREPOSITIONS = frozenset(
    "in op aan van bij met voor naar uit over onder door tegen om tot zonder na achter naast tussen sinds".split()
)
# words that cannot be the finite verb right after a subject
_NOT_A_VERB = (NEGATIONS | _CLAUSE_WORDS | _OBJECT_WORDS | _PREPOSITIONS | _SUBJECTS | frozenset(
    "ook nog al echt soms vaak altijd steeds weer even erg heel meer zo er hier daar dus toch nu".split()))


def _main_clause_at(text: _Text, k: int) -> bool:
    """A new main clause starts at word ``k`` of a sentence without punctuation there (see the comment above)."""
    tokens = text.words
    if k == 0 or text.clause[k - 1] != text.clause[k]:
        return False
    before = tokens[k - 1]
    if before in _CLAUSE_WORDS or before in _SUBORDINATORS or before in _PREPOSITIONS or before in _SUBJECT_DETERMINERS:
        return False
    word, verb = tokens[k], k + 1
    if word in _SUBJECT_DETERMINERS and k + 1 < len(tokens) and tokens[k + 1] in _PERSONS:
        verb = k + 2  # "haar vader mishandelt haar"
    elif not (word in _SUBJECTS or word in _PERSONS or word in _lower_first_names()):
        return False
    return verb < len(tokens) and text.clause[verb] == text.clause[k] and tokens[verb] not in _NOT_A_VERB \
        and tokens[verb] not in _PERSONS


def _new_clause_between(text: _Text, negation: int, start: int) -> bool:
    """A main clause without punctuation starts after the negation, at or before the trigger (not right after 'geen':
    "geen vader slaat zijn kind")."""
    first = negation + (2 if text.words[negation] == "geen" else 1)
    return any(_main_clause_at(text, k) for k in range(first, start + 1))


def _negated(text: _Text, start: int) -> bool:
    """A negation shortly before the trigger, in the same sentence (not in a subordinate clause before it, nor in an
    earlier clause when the trigger's clause has words of its own before it, nor before a main clause that starts
    without punctuation, nor before a contrast word)."""
    tokens = text.words
    for index in range(start - 1, max(-1, start - 1 - NEGATION_WINDOW), -1):
        if text.sentence[index] != text.sentence[start] or tokens[index] in _CONTRASTS:
            return False
        if tokens[index] in NEGATIONS:
            return not _doubt(tokens, index, start) and not _in_subclause_before(text, index, start) \
                and not _in_clause_before(text, index, start) \
                and not (tokens[index] not in ("nee", "neen") and _new_clause_between(text, index, start))
    return False


def _negated_inside(text: _Text, start: int, end: int) -> bool:
    """A negation among the words a '...' of the trigger lets in: "ze krijgt geen klappen van hem", "hij geeft haar
    nooit een klap" (not 'niet alleen', 'niet meer' ...)."""
    tokens = text.words
    return any(tokens[index] in NEGATIONS and tokens[index + 1] not in _NOT_A_DENIAL_AFTER
               for index in range(start + 1, end))


def _denied_after(text: _Text, end: int) -> bool:
    """A denial shortly after the trigger, in the same sentence (see the module text)."""
    tokens = text.words
    # a clause word came between (or ends the trigger: "krijgt ... klap als"): 'niet' no longer belongs to the trigger
    other_clause = tokens[end] in _CLAUSE_WORDS
    main_clause = False  # a main clause without punctuation came between: "... moeder durft niet naar huis"
    for index in range(end + 1, min(len(tokens), end + 1 + DENIAL_NEE)):
        if text.sentence[index] != text.sentence[end] or tokens[index] == "maar":
            return False
        word = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        previous = tokens[index - 1]
        main_clause = main_clause or _main_clause_at(text, index)
        if (word in ("nee", "neen") and previous not in ("ja", "of") and following not in _NEE_NOT_A_DENIAL_AFTER
                and not main_clause):
            return True
        other_clause = other_clause or main_clause or word in _CLAUSE_WORDS or text.clause[index] != text.clause[end]
        if (word in _NOT_AFTER and not other_clause and index - end <= DENIAL_NOT and previous != "of"
                and following not in _NOT_A_DENIAL_AFTER):
            return True
    return False


@lru_cache(maxsize=None)  # the phrases of the knowledge files: parsed once, not for every text (py-spy: ~45% of a
def _pattern(phrase: str) -> Pattern:  # danger check, which every kaart search now runs)
    """The matcher pattern of a trigger or exception phrase ('a|b' alternatives are kept as they are)."""
    parts: List[str] = []
    for part in _split_phrase(phrase):
        found = [part] if "|" in part else _WORD.findall(part.rstrip("*")) or [part]
        if part.endswith("*") and not found[-1].endswith("*"):
            found[-1] += "*"
        parts += found
    return compile_pattern(" ".join(parts))


def _exceptions(text: _Text, tokens: Sequence[Token], present: _Present, signal: IntakeSignaal) \
        -> List[Tuple[int, int]]:
    """The spans of the signal's exceptions in ``text``: within one clause (or running on into a subordinate clause
    the exception names, ``_one_clause``), not followed by an object word."""
    spans = []
    for phrase in signal.uitzonderingen:
        pattern = _pattern(phrase)
        if not may_match(present.words, pattern, present.prefixes):
            continue
        for start, end in find_all(tokens, pattern):
            if not _one_clause(text, start, end, phrase):
                continue
            after = end + 1
            if after < len(text.words) and text.clause[after] == text.clause[end] \
                    and text.words[after] in _OBJECT_WORDS:
                continue
            spans.append((start, end))
    return spans


def _one_clause(text: _Text, start: int, end: int, phrase: str) -> bool:
    """The span lies in one clause, or runs on only into subordinate clauses that the phrase names: every clause
    boundary inside it comes right before a subordinator of the phrase ("kreeg een klap, toen oma overleed" for
    "... klap* toen|nadat ... overleed")."""
    named = {word for part in _split_phrase(phrase) for word in part.split("|")}
    return all(text.sentence[index] == text.sentence[start] and text.words[index] in _SUBORDINATORS
               and text.words[index] in named
               for index in range(start + 1, end + 1) if text.clause[index] != text.clause[index - 1])


def _tokens(words: Sequence[str]) -> List[Token]:
    """The tokens of ``words``; a first name gets ``FIRST_NAME`` as its lemma, so a phrase can name "a first name"."""
    names = _lower_first_names()
    return [Token(word, FIRST_NAME if word in names else word) for word in words]


@lru_cache(maxsize=1)
def _lower_first_names() -> frozenset:
    return frozenset(simplify(name) for name in first_names())


def _split_phrase(phrase: str) -> List[str]:
    return [part for part in re.split(r"[\s]+", simplify(phrase)) if part]


Span = Tuple[int, int]


@lru_cache(maxsize=None)
def _holds_negation(phrase: str) -> bool:
    """The phrase says a negation itself, also as one of the alternatives of a word ("thuis geen|niks eten")."""
    return any(word in NEGATIONS for part in _split_phrase(phrase) for word in part.split("|"))


# the most words of a question that echoes the consultant's question ("hard ruzie?", "wordt er hard ruzie gemaakt?")
ECHO_WORDS = 5


# how an answer that denies or does not know starts ("nee", "geen idee", "weet ik niet", "niet dat ik weet")
_NOT_KNOWN = NEGATIONS | {"weet", "onbekend"}


def _echoed(text: _Text, start: int) -> bool:
    """The trigger lies in a short question (``ECHO_WORDS``) that echoes the consultant's question, and the answer
    after it denies it or does not know ("hard ruzie? geen idee", "geslagen? nee"; "hard ruzie? vaak", "geweld? elke
    dag" and a question without an answer after it, "mantelzorg hulp voor jongeren?", stay signals)."""
    sentence = text.sentence[start]
    if sentence not in text.questions or text.sentence.count(sentence) > ECHO_WORDS:
        return False
    following = [index for index, number in enumerate(text.sentence) if number > sentence]
    return bool(following) and text.words[following[0]] in _NOT_KNOWN


def _spans(text: _Text, tokens: Sequence[Token], present: _Present, phrase: str,
           exceptions: Sequence[Span]) -> List[Span]:
    """Where ``phrase`` occurs in ``text`` without a negation, a denial or an exception around it. A phrase that
    holds a negation itself ("sta ... niet voor mezelf in") is not undone by another one before it ("als ze de
    kinderen niet brengt, sta ik niet voor mezelf in"). A phrase with a word that is not in the text cannot match
    and is skipped (``may_match``: most phrases)."""
    pattern = _pattern(phrase)
    if not may_match(present.words, pattern, present.prefixes):
        return []
    negative = _holds_negation(phrase)
    return [
        (start, end) for start, end in find_all(tokens, pattern)
        if (negative or not (_negated(text, start) or _negated_inside(text, start, end)))
        and not _denied_after(text, end)
        and not any(low <= start and end <= high for low, high in exceptions)
        and not _echoed(text, start)
    ]


def _counts(text: _Text, tokens: Sequence[Token], present: _Present, phrase: str,
            exceptions: Sequence[Span]) -> bool:
    return bool(_spans(text, tokens, present, phrase, exceptions))


def _inside(span: Span, other: Span) -> bool:
    """``span`` lies inside the longer ``other``."""
    return other[0] <= span[0] and span[1] <= other[1] and other[1] - other[0] > span[1] - span[0]


def _trigger(text: _Text, tokens: Sequence[Token], present: _Present, signal: IntakeSignaal,
             taken: Sequence[Span] = ()) -> Optional[str]:
    """The words that make ``signal`` count in ``text``: its first trigger phrase that occurs (not inside a longer
    match of another signal of its kind, ``taken``), else two weak signs together, or a weak sign with one of its
    'samen_met' signs ("zonder ontbijt + moe"); None when it does not. A signal none of whose phrases can match
    (``may_match``) is skipped whole: its exceptions are not looked for."""
    if not any(may_match(present.words, _pattern(phrase), present.prefixes)
               for phrase in (*signal.trefwoorden, *signal.zwakke_trefwoorden)):
        return None
    if _said_otherwise(text, tokens, present, signal):
        return None
    exceptions = _exceptions(text, tokens, present, signal) if signal.uitzonderingen else []
    for phrase in signal.trefwoorden:
        if any(not any(_inside(span, other) for other in taken)
               for span in _spans(text, tokens, present, phrase, exceptions)):
            return phrase
    weak = [phrase for phrase in signal.zwakke_trefwoorden if _counts(text, tokens, present, phrase, exceptions)]
    if not weak:
        return None
    along = weak[1:] + [phrase for phrase in signal.samen_met if _counts(text, tokens, present, phrase, exceptions)]
    return f"{weak[0]} + {along[0]}" if along else None


def _said_otherwise(text: _Text, tokens: Sequence[Token], present: _Present, signal: IntakeSignaal) -> bool:
    """One of the signal's ``niet_samen_met`` phrases counts somewhere in the text (negations as for a trigger): the
    signal's triggers mean something else there."""
    return any(_counts(text, tokens, present, phrase, []) for phrase in signal.niet_samen_met)


def find_signals(text: str, signals: Iterable[IntakeSignaal], question: Optional[str] = None) -> List[Hit]:
    """All signals in ``text``, at most one hit per signal (the first trigger that matched)."""
    segmented = _segment(text)
    hits: List[Hit] = []
    if not segmented.words:
        return hits
    tokens = _tokens(segmented.words)
    known = words_of(tokens)  # words and lemmas (``FIRST_NAME``)
    present = _Present(known, prefixes_of(known))
    signals = list(signals)
    matched = {signal.id: _matched(segmented, tokens, present, signal)
               for signal in signals if signal.soort not in OVERLAPPING}
    for signal in signals:
        taken = [span for other in signals if other.id != signal.id and other.soort == signal.soort
                 for span in matched.get(other.id, [])] if signal.id in matched else []
        trigger = _trigger(segmented, tokens, present, signal, taken)
        if trigger is not None:
            hits.append(Hit(signal.id, signal.soort, trigger, question))
    return hits


# kinds whose signals may share words: each reading of a danger keeps its own advice
OVERLAPPING = frozenset({"gevaar"})


def _matched(text: _Text, tokens: Sequence[Token], present: _Present, signal: IntakeSignaal) -> List[Span]:
    """The spans of all counting matches of the signal's trigger phrases."""
    if not any(may_match(present.words, _pattern(phrase), present.prefixes) for phrase in signal.trefwoorden) \
            or _said_otherwise(text, tokens, present, signal):
        return []
    exceptions = _exceptions(text, tokens, present, signal) if signal.uitzonderingen else []
    return [span for phrase in signal.trefwoorden for span in _spans(text, tokens, present, phrase, exceptions)]


def is_affirmative(text: str) -> bool:
    """Does the answer start with a plain 'yes' ('ja', 'klopt', 'helaas wel' ...)?"""
    tokens = words(text)
    return bool(tokens) and tokens[0] in AFFIRMATIVE


def danger_hits(hits: Iterable[Hit]) -> List[Hit]:
    return [hit for hit in hits if hit.soort == "gevaar"]


def group_by_kind(hits: Iterable[Hit]) -> Dict[str, List[str]]:
    """soort -> distinct signal ids, in order of first appearance."""
    grouped: Dict[str, List[str]] = {}
    for hit in hits:
        ids = grouped.setdefault(hit.soort, [])
        if hit.signal_id not in ids:
            ids.append(hit.signal_id)
    return grouped


def dedupe(hits: Iterable[Hit]) -> List[Hit]:
    seen: Dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.signal_id, hit)
    return list(seen.values())


# Rows read as a (complex) divorce only where the caller said the parents are (going) apart: 'ruzie', 'conflict' or
# shouting alone does not say who fights, nor that the parents separated (a user test of session 23: "vader aan de
# lijn, dochter 19 wil het huis uit ... ze hebben constant ruzie" gave "moeite met samen ouder zijn" and the route of a
# complex divorce). Without another sign of a divorce (``scheiding_context``, accusations, the courts, a child caught
# in between ...) these readings are the rows at home (``ROWS_AT_HOME``).
DIVORCE_ROW_READINGS = frozenset({"scheiding_conflict", "ruzie_hard"})
ROWS_AT_HOME = "ruzie_in_huis"
DIVORCE_KIND = "scheiding"


def without_an_unsaid_divorce(hits: Iterable[Hit], signals: Dict[str, IntakeSignaal]) -> List[Hit]:
    """``hits`` with the divorce readings of rows (``DIVORCE_ROW_READINGS``) replaced by ``ROWS_AT_HOME`` when no other
    sign of a divorce was heard; unchanged when one was, or when the knowledge has no ``ROWS_AT_HOME``."""
    hits = list(hits)
    home = signals.get(ROWS_AT_HOME)
    if home is None or any(hit.soort == DIVORCE_KIND and hit.signal_id not in DIVORCE_ROW_READINGS for hit in hits):
        return hits
    return [Hit(home.id, home.soort, hit.trigger, hit.question) if hit.signal_id in DIVORCE_ROW_READINGS else hit
            for hit in hits]


def hits_heard(state: dict, signals: Dict[str, IntakeSignaal]) -> List[Hit]:
    """The signals heard in an intake (its state's ``hits``: signal id, kind, trigger, question key); rows read as a
    divorce only where a divorce was told (``without_an_unsaid_divorce``)."""
    return without_an_unsaid_divorce([Hit(h[0], h[1], h[2], h[3]) for h in state.get("hits") or []], signals)
