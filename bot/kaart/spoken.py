"""How consultants speak in a longer question or phone note, for the kaart's reading of it.

A dictated note is first written as a typist would have written it (``as_typed``: fillers, a spoken "vraagteken",
letters said one by one, a compound split in two by speech-to-text). Then three kinds of words that are no problem of
the family (``bot.kaart.query`` uses them):

- words that frame the call ("ik heb een moeder aan de lijn", "een collega belt namens een vader", "hoi"): the
  part of a sentence they stand in is about the call, so a problem word or place there does not count;
- denials ("er is geen sprake van geweld"): what follows, up to the end of that part, is said not to be there;
- negations of a harm ("geen geweld", "niet verslaafd", "zonder schulden"): that harm is said not to be there;
- asks ("vader vraagt of er opvoedondersteuning is"): in a note of several sentences that theme leads.

All positions are word positions in the lemma string of the question (``bot.kaart.text.lemma_string``).
"""
from __future__ import annotations

import re
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from bot.kaart import places, subject
from bot.kaart.text import (
    STOPWORDS,
    correct_typo,
    head_stem,
    known,
    lemma,
    lemma_string,
    split_compound,
    stems,
    word_tables,
    words,
)
from bot.knowledge.loader import PerKnowledge, get_knowledge
from bot.text import as_typed as _typed_text
from bot.text import simplify

# Words with which a consultant frames a phone call or note ("ik heb een moeder aan de lijn", "een collega belt
# namens een vader", "hoi", "vanuit het buurtteam"): the part of a sentence they stand in is about the call, not the
# problem, so a problem word there does not count ("moeder belt vanuit haar werk" is no question about work). The
# part ends at a comma or full stop and at a word that starts what is said ("dat", "die", "over", "met", "omdat").
FRAMING_WORDS = ("bellen", "belt", "belde", "gebeld", "lijn", "telefoon", "telefonisch", "namens", "collega",
                 "hoi", "hallo", "goedemorgen", "goedemiddag", "goedenavond", "vanuit", "trainer", "trainster")
FRAMING_ENDS = frozenset(
    {"dat", "die", "over", "met", "omdat", "want", "waar", "wat", "hoe", "sinds", "wegens", "vanwege", "ivm"}
)
# In a note typed without commas ("moeder belt zoon spijbelt al weken") the framing also ends where someone new
# is spoken of: a pronoun ("moeder belt ze heeft schulden") or a word for a child, parent or family (the
# target-group words of jeugdige, ouder and gezin in doelgroepwoorden.yml); a new line ends it as a full stop does.
FRAMING_SUBJECTS = frozenset({"hij", "ze", "zij"})
# Speaking frames the call only when the consultant says it of themselves ("ik sprak net een moeder uit Muiden"):
# "zoon spreekt slecht Nederlands" is a question about language.
SPEAKING_WORDS = ("spreken", "spreek", "sprak", "gesproken")
FIRST_PERSON = frozenset({"ik", "we", "wij"})
# Where the consultant works frames the call too ("ik werk bij het buurtteam in Bussum, het gezin woont in Laren",
# "wij zitten in Overvecht maar moeder is verhuisd"): a part of a sentence with a first person ("ik", "wij", "ons"),
# a word of working or being based and a place or a word that says where or as what ("bij", "als", "vanuit") is
# about the consultant, so neither its place nor a word such as "werk" is the family's. "we werken samen met
# school" and "we zitten in een vastgelopen situatie" name no workplace and stay what they say.
WORKPLACE_WORDS = ("werk", "werken", "werkt", "werkzaam", "zit", "zitten", "gevestigd", "train", "trainen", "traint")
WORKPLACE_PERSON = FIRST_PERSON | {"ons", "onze"}
WORKPLACE_MARKS = frozenset({"bij", "als", "vanuit", "voor", "op"})
# A caller who opens with their own team ("Buurtteam Zuilen hier", "Wijkteam Overvecht, het gezin woont in ...") says
# who calls, not what is asked: a first part of a question of only a team word, its place and "hier" frames the call,
# so neither the team (no question for youth care) nor its place is the family's.
TEAM_WORDS = frozenset({"buurtteam", "wijkteam", "jeugdteam", "gebiedsteam"})
TEAM_INTRO_WORDS = frozenset({"hier", "het", "team", "van"})


# A word of the kaart's problems that speech-to-text wrote as two words ("lover boy", "sex ting"): read as the one word
# when one half is no Dutch word at all. Two Dutch words stay two ("over leden" is not "overleden", "echt scheiding" is
# left to the words themselves), as do small words ("mag er" is no "mager", "we er" no "weer").
_TWO_WORDS = re.compile(r"(?<![\w'-])([^\W\d_]{3,})([ \t]+)([^\W\d_]{3,})(?![\w'-])")


# A number word that speech-to-text wrote in parts ("zeven tien", "twee en twintig"): one number, as typed ("zeventien",
# "tweeëntwintig"); read apart, "zoon van zeven tien" was seven years old. Only the teens and the twenties, the ages
# of the kaart; "kinderen van vier en zes" stays two numbers.
_SPLIT_TEEN = re.compile(r"\b(der|veer|vijf|zes|zeven|acht|negen)\s+tien\b", re.IGNORECASE)
_SPLIT_TWENTIES = re.compile(r"\b(een|één|twee|drie|vier|vijf|zes|zeven)\s+en\s+twintig\b", re.IGNORECASE)
_DIAERESIS = {"twee": "tweeë", "drie": "drieë"}


def _numbers_in_one(text: str) -> str:
    """``text`` with the number words that speech-to-text split written as one (``_SPLIT_TEEN``,
    ``_SPLIT_TWENTIES``)."""
    text = _SPLIT_TEEN.sub(lambda m: m.group(1) + "tien", text)
    return _SPLIT_TWENTIES.sub(
        lambda m: _DIAERESIS.get(m.group(1).lower(), m.group(1).replace("é", "e") + "e") + "ntwintig", text)


def as_typed(text: str, knowledge=None) -> str:
    """``text`` as a typist would have written what was dictated (``bot.text.as_typed``: no fillers, "vraagteken" as
    "?", "o t s" as "ots"), with a problem word that speech-to-text split in two written as one ("lover boy" ->
    "loverboy", see ``_TWO_WORDS``) and a number word too ("zeven tien" -> "zeventien", ``_numbers_in_one``). Typed
    text stays as it is."""
    text = _numbers_in_one(_typed_text(text or ""))
    tables = word_tables(knowledge)

    def joined(match: "re.Match[str]") -> str:
        first, space, second = match.groups()
        one = simplify(first + second)
        halves = simplify(first), simplify(second)
        if (one in tables.theme_words and not STOPWORDS & set(halves)
                and not (known(halves[0], tables) and known(halves[1], tables))):
            return first + second
        return match.group(0)

    # overlapping pairs: each word is tried with the next one ("heeft een lover boy" tries "een lover", "lover boy")
    out, at = [], 0
    while True:
        match = _TWO_WORDS.search(text, at)
        if match is None:
            break
        replaced = joined(match)
        if replaced != match.group(0):
            out.append(text[at:match.start()] + replaced)
            at = match.end()
        else:
            out.append(text[at:match.start(2)])
            at = match.start(2)
    out.append(text[at:])
    return "".join(out)


def _clause_starts(text: str, tokens: List[str], knowledge=None) -> FrozenSet[int]:
    """Word positions (in the lemma string of ``text``, split into ``tokens``) where a clause starts (the last
    answer is remembered: framing, denials and asks of one question each need it)."""
    global _LAST_STARTS
    loaded = knowledge if knowledge is not None else get_knowledge()
    last = _LAST_STARTS  # one read: searches run in several threads of the action server
    if last is not None and last[0] == text and last[1] is loaded:
        return last[2]
    parts = subject.CLAUSE_MARK.split(text)
    starts = subject.clause_starts([len(stems(part, knowledge)) for part in parts], tokens)
    _LAST_STARTS = (text, loaded, starts)
    return starts


_LAST_STARTS: Optional[Tuple[str, object, FrozenSet[int]]] = None


# In a note dictated without any punctuation, a professional who calls is someone new too: "jongen van 16 spijbelt al
# weken de mentor belde ons" frames only the mentor's call, not the truancy before it (the blind set toets22 lost the
# truancy, the child's eating and sleeping in class that way). Typed notes keep their commas and full stops.
CALLER_WORDS = frozenset("mentor mentrix docent leerkracht juf meester zorgco zoco zorgcoordinator ib'er trainer "
                         "trainster coach huisarts jeugdarts jeugdverpleegkundige wijkagent agent politie gezinsvoogd "
                         "jeugdbeschermer consulent hulpverlener collega buurvrouw buurman".split())


def _build_framing_stems(knowledge) -> Tuple[FrozenSet[str], FrozenSet[str], FrozenSet[str], FrozenSet[str]]:
    # the stem of the whole word only: "goedenavond" is no "avond"
    groups = knowledge.entries.get("kaart_doelgroepwoorden", {})
    person_words = {word for group in subject.SUBJECT_GROUPS for word in getattr(groups.get(group), "woorden", ())
                    if " " not in word.strip()}
    return (frozenset(head_stem(word, knowledge) for word in FRAMING_WORDS),
            frozenset(head_stem(word, knowledge)
                      for word in FRAMING_ENDS | subject.CLAUSE_WORDS | FRAMING_SUBJECTS | person_words),
            frozenset(head_stem(word, knowledge) for word in SPEAKING_WORDS),
            frozenset(head_stem(word, knowledge) for word in WORKPLACE_WORDS))


_framing_stems = PerKnowledge(_build_framing_stems)


def _part_starts(text: str, tokens: List[str], knowledge=None) -> FrozenSet[int]:
    """Word positions where a part of a sentence starts: a clause start, or a word that ends a framing part or a
    denial (``FRAMING_ENDS``, joining words, someone new: see ``FRAMING_SUBJECTS``)."""
    ends = _part_end_stems(text, knowledge)
    return _clause_starts(text, tokens, knowledge) | {i for i, t in enumerate(tokens) if t in ends}


def _part_end_stems(text: str, knowledge=None) -> FrozenSet[str]:
    """The stems of the words that start a new part of a sentence in ``text`` (``FRAMING_ENDS``, joining words,
    someone new; in a note without any punctuation also a professional who calls: ``CALLER_WORDS``)."""
    ends = _framing_stems(knowledge)[1]
    return ends if subject.CLAUSE_MARK.search(text) else ends | _caller_stems(knowledge)


_caller_stems = PerKnowledge(lambda knowledge: frozenset(head_stem(word, knowledge) for word in CALLER_WORDS))


def _lines_as_sentences(text: str) -> str:
    """A new line ends a sentence as a full stop does (the words and their positions stay the same)."""
    return text.replace("\n", ". ")


def _frames(heads: Set[str], knowledge=None, written: Sequence[str] = (), part: bool = True) -> bool:
    """The stems of the words of one part of a sentence frame the call (``written``: its words as written,
    simplified, to see a workplace: see ``WORKPLACE_WORDS``; ``part``: one part, which may ask whom to call,
    rather than the whole question)."""
    cues, _, speaking, working = _framing_stems(knowledge)
    if (heads & cues and not _own_phone(heads & cues, written, knowledge)
            and not (part and _whom_to_call(written)) and not _called_about(heads & cues, written, knowledge)):
        return True
    if heads & speaking and heads & FIRST_PERSON:
        return True
    return bool(heads & working and heads & WORKPLACE_PERSON
                and (heads & WORKPLACE_MARKS or _names_place(written, knowledge)))


# "moet ik Veilig Thuis bellen?", "kan ik de jeugdarts bellen": the consultant asks whom to call, and whom is the
# question; the first person with a modal verb and the infinitive of calling says so ("ik wil even bellen over een
# gezin" names nobody, and its other words are no search words either). Whom a parent may call ("hij weet niet of
# hij de politie moet bellen") is part of the story, not the consultant's question.
CALL_INFINITIVE = "bellen"
MODALS = frozenset({"moet", "moeten", "kan", "kun", "kunnen", "mag", "mogen", "wil", "willen", "zal", "zou", "zouden"})


# A note in telegram style names whom to call with the bare infinitive ("jeugdbeschermer bellen laren", "gezinsvoogd
# bellen?"): nobody calls in it (no form of calling other than "bellen", no modal verb said of another), so whom is
# the question. "moeder wil bellen" and "moeder belt, wil ook de school bellen" stay framing.
CALLING_FORMS = frozenset({"belt", "belde", "belden", "gebeld", "bel"})


def _whom_to_call(written: Sequence[str]) -> bool:
    """``written`` (the simplified words of one part of a sentence) asks whom to call: the first person, a modal verb
    and "bellen", or "bellen" alone in a note (``CALLING_FORMS``)."""
    if CALL_INFINITIVE not in written:
        return False
    said = set(written)
    if MODALS & said:
        return bool(FIRST_PERSON & said)
    return not CALLING_FORMS & said and written.index(CALL_INFINITIVE) > 0


def _team_introduction(written: Sequence[str], knowledge=None) -> bool:
    """``written`` (the simplified words of the first part of a question) is a team saying who calls: a team word and
    nothing but its place and "hier" ("buurtteam vleuten hier", "wijkteam utrecht oost"; the place may already be
    taken out of the question), see ``TEAM_WORDS``."""
    if not TEAM_WORDS & set(written):
        return False
    rest = [word for word in written if word not in TEAM_WORDS and word not in TEAM_INTRO_WORDS]
    return not rest or " ".join(rest) in places.tabel(knowledge).spellings


# Being called is what happens, not the call this question comes from: "we worden steeds gebeld bij overdrachten van
# een vechtscheiding" (a wijkagent in toets19; the divorce was lost with the framing).
PASSIVE = frozenset({"word", "wordt", "worden", "werd", "werden"})


def _called_about(cues: Set[str], written: Sequence[str], knowledge=None) -> bool:
    """The only framing word of a part is "gebeld" in a passive ("we worden gebeld bij ...")."""
    return cues == {head_stem("gebeld", knowledge)} and "gebeld" in written and bool(PASSIVE & set(written))


# "zijn telefoon", "haar mobiel": the child's own phone is what the problem is about ("zit de hele nacht op zijn
# telefoon"), not the line the call comes in on
POSSESSIVES = frozenset({"zijn", "haar", "z'n", "hun", "d'r"})
# a phone as a thing ("heeft een telefoon gestolen", "de telefoon wordt afgepakt") is no call either; "de telefoon"
# after a word that puts someone on the line ("moeder aan de telefoon", "via de telefoon") is
PHONE_ARTICLES = frozenset({"een", "de"})
ON_THE_LINE = frozenset({"aan", "via", "per", "over"})


def _own_phone(cues: Set[str], written: Sequence[str], knowledge=None) -> bool:
    """The only framing word is a phone that is a thing: someone's ("verslaafd aan zijn telefoon") or one that is
    stolen or taken ("heeft een telefoon gestolen")."""
    if cues != {head_stem("telefoon", knowledge)}:
        return False
    return any(word in ("telefoon", "telefoons") and i > 0 and _a_thing(written, i) for i, word in enumerate(written))


def _a_thing(written: Sequence[str], i: int) -> bool:
    """The phone at ``written[i]`` is a thing, not the line of the call."""
    before = written[i - 1]
    if before in POSSESSIVES:
        return True
    return before in PHONE_ARTICLES and (i < 2 or written[i - 2] not in ON_THE_LINE)


def possessed_words(text: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in the lemma string of ``text``) of the words that follow a possessive ("zijn voetbalclub",
    "haar trainer"), with the parts of a compound: what belongs to the child is where a problem happens, not what
    is asked for."""
    tables = word_tables(knowledge)
    out: set = set()
    position, previous = 0, ""
    for word in words(text):
        size = 1 + len(split_compound(word, tables))
        if previous in POSSESSIVES:
            out.update(range(position, position + size))
        position, previous = position + size, word
    return frozenset(out)


def _names_place(written: Sequence[str], knowledge=None) -> bool:
    """One word or two words in a row of ``written`` are a place of the place table."""
    spellings = places.tabel(knowledge).spellings
    return any(word in spellings or " ".join(written[i:i + 2]) in spellings for i, word in enumerate(written))


def framing_words(text: str, lemmed: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in ``lemmed``, the lemma string of ``text``) of the parts of sentences that frame the
    call (see ``FRAMING_WORDS``)."""
    text = _lines_as_sentences(text)
    tokens = lemmed.split()
    if not _frames(set(tokens), knowledge, words(text), part=False) and not TEAM_WORDS & set(words(text)):
        return frozenset()
    # whole words only, not the parts of a compound ("richtlijn" holds no "lijn")
    heads: Dict[int, str] = {}
    written: Dict[int, str] = {}
    position = 0
    for word in words(text):
        heads[position] = head_stem(word, knowledge)
        written[position] = word
        position += 1 + len(split_compound(word, word_tables(knowledge)))
    bounds = sorted(_part_starts(text, tokens, knowledge) | {0, len(tokens)})
    out: set = set()
    for begin, end in zip(bounds, bounds[1:], strict=False):
        part = [written[i] for i in range(begin, end) if i in written]
        if (_frames({heads[i] for i in range(begin, end) if i in heads}, knowledge, part)
                or (begin == 0 and _team_introduction(part, knowledge))):
            out.update(range(begin, end))
    return frozenset(out)


# How a consultant says a problem is not there ("er is geen sprake van geweld", "geen signalen van
# middelengebruik", "geen zorgen over de veiligheid"): the problem words after it, up to the end of the part of
# the sentence, do not count.
DENIALS = ("geen sprake van", "geen signalen van", "geen signalen voor", "geen aanwijzingen voor", "geen zorgen over",
           "geen zorgen om", "geen zorg over", "geen last van", "niet aan de orde")


def _build_denial_phrases(knowledge) -> Tuple[str, ...]:
    return tuple(lemma_string(phrase, knowledge) for phrase in DENIALS)


_denial_phrases = PerKnowledge(_build_denial_phrases)


def denied_words(text: str, lemmed: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in ``lemmed``) of what a denial (see ``DENIALS``) says is not there."""
    found = [lemmed.find(phrase) for phrase in _denial_phrases(knowledge)]
    if all(index < 0 for index in found):
        return frozenset()
    text = _lines_as_sentences(text)
    tokens = lemmed.split()
    # what is denied is the few words after the denial, up to the end of that part or someone new
    starts = _part_starts(text, tokens, knowledge) | {len(tokens)}
    out: set = set()
    for phrase in _denial_phrases(knowledge):
        index = lemmed.find(phrase)
        while index >= 0:
            first = len(lemmed[:index].split()) + len(phrase.split())
            end = min(min((i for i in starts if i > first), default=len(tokens)), first + DENIAL_SCOPE)
            out.update(range(first, end))
            index = lemmed.find(phrase, index + 1)
    return frozenset(out)


DENIAL_SCOPE = 4  # words after a denial that it can deny ("geen sprake van huiselijk geweld of mishandeling")


# A plain negation before a problem word that names a harm says the harm is not there: "geen geweld", "er is geen
# huiselijk geweld", "niet (meer) verslaafd", "zonder schulden". Only the words that name a harm count (``ontkenbaar``
# in probleemwoorden.yml): "geen geld", "geen vrienden", "niet zindelijk" and "zonder diploma" say what is missing,
# and that is the problem. The negation reaches the next ``NEGATION_SCOPE`` words of its part of the sentence, not
# past a preposition or question word ("heeft geen grip op zijn agressie", "kan niet tegen ruzie", "weet niet
# hoeveel schulden") nor past "of" ("weet niet of er geweld is"), except "of" between two harms ("geen geweld of
# drugs").
NEGATORS = frozenset({"geen", "niet", "zonder"})
NEGATION_SCOPE = 3
NEGATION_STOPS = frozenset("op aan voor bij in naar van tegen om door uit tot onder na over met of hoeveel welke wie "
                           "wanneer waarom".split())
# No denial: "nog geen melding", "nog niet zindelijk" (not yet: it may still come); "wel of geen geweld", "geweld of
# niet" (whether or not); "niet alleen geweld maar ook ..." (not only).
NOT_YET_OR_WHETHER = frozenset({"nog", "of"})
# But a child protection measure that is "nog geen" (not yet) is not there: "(nog) geen ots", "er is nog geen
# maatregel" say the family has none, so the question is not about one (toets20 got Veilig Thuis and the
# jeugdbescherming first for "raad doet onderzoek, ... (nog) geen ots. mdr wil vrijwillige hulp").
NOT_YET_DENIED = frozenset({"ots", "ondertoezichtstelling", "maatregel", "kinderbeschermingsmaatregel",
                            "jeugdbeschermingsmaatregel", "uithuisplaatsing", "jeugdbescherming"})
NOT_ONLY = frozenset({"alleen", "enkel", "slechts", "zozeer"})
# Nor in a part of a sentence that asks ("is het niet gewoon een depressie?", "moet ik geen melding doen?"): a
# question with a negation suggests what it names.
_CLAUSE_PARTS = re.compile(r"([^,;:.!?()\n]*)([,;:.!?()\n]?)")


def _build_harm_words(knowledge) -> FrozenSet[str]:
    return frozenset(simplify(word) for entry in knowledge.entries.get("kaart_probleemwoorden", {}).values()
                     for word in getattr(entry, "ontkenbaar", ()))


_harm_words = PerKnowledge(_build_harm_words)


def _names_harm(word: str, knowledge=None) -> bool:
    """One written (simplified) word names a harm (``ontkenbaar``): itself, its lemma ("ruzies"), the word a typo
    stands for, or a part of the compound it is ("drugsgebruik")."""
    harm = _harm_words(knowledge)
    tables = word_tables(knowledge)
    forms = {word, lemma(word), correct_typo(word, tables)}
    for part in split_compound(word, tables):
        forms |= {part, lemma(part)}
    return bool(forms & harm)


def _written_words(text: str, knowledge=None) -> List[Tuple[int, int, int, str, str]]:
    """(part of the sentence, position in the lemma string, number of positions, simplified word, the mark that ends
    its part) of every word of ``text``: a compound takes its own position and one for each of its parts."""
    tables = word_tables(knowledge)
    out = []
    position = 0
    for number, (part, mark) in enumerate(_CLAUSE_PARTS.findall(simplify(text))):
        for word in words(part):
            size = 1 + len(split_compound(word, tables))
            out.append((number, position, size, word, mark))
            position += size
    return out


def negated_words(text: str, lemmed: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in ``lemmed``, the lemma string of ``text``) of the harms a plain negation says are not there
    (see ``NEGATORS``)."""
    tokens = lemmed.split()
    if not NEGATORS & set(tokens) or not _harm_words(knowledge):
        return frozenset()
    written = _written_words(text, knowledge)
    harm = {i for _, position, size, word, _ in written if _names_harm(word, knowledge)
            for i in range(position, position + size)}
    if not harm:
        return frozenset()
    asking = {i for _, position, size, _, mark in written if mark == "?" for i in range(position, position + size)}
    starts = _part_starts(_lines_as_sentences(text), tokens, knowledge)
    out: set = set(_negated_after(tokens, harm, asking, starts))
    for at, token in enumerate(tokens):
        if (token not in NEGATORS or at in asking or (at > 0 and tokens[at - 1] == "of")
                or (at + 1 < len(tokens) and tokens[at + 1] in NOT_ONLY)):
            continue
        not_yet = at > 0 and tokens[at - 1] in NOT_YET_OR_WHETHER  # only a measure is denied by "nog geen"
        i, end = at + 1, min(at + 1 + NEGATION_SCOPE, len(tokens))
        while i < end and i not in starts:
            if tokens[i] in NEGATION_STOPS:
                if not (tokens[i] == "of" and i - 1 in harm):
                    break
                end = min(i + 1 + NEGATION_SCOPE, len(tokens))  # "geen huiselijk geweld of mishandeling"
            if i in harm and (not not_yet or tokens[i] in NOT_YET_DENIED):
                out.add(i)
            i += 1
    return frozenset(out)


# A negation after the harm it denies, closing its part of the sentence: "geweld is er niet", "drugs zijn er
# gelukkig niet in het spel", "geweld speelt niet" (toets25: "Geweld is er niet, maar hij wil graag met iemand praten"
# put Veilig Thuis first). The verb comes right after the harm, then at most ``POSTPOSED_FILL_MAX`` small words and
# "niet", which ends the part or is followed by what closes the statement; "geweld is niet uit te sluiten" stays.
POSTPOSED_VERBS = frozenset("is was zijn waren speel speelt speelde spelen speelden".split())  # "speel": the lemma
POSTPOSED_FILL = frozenset("er hier daar thuis gelukkig verder ook zeker nu momenteel".split())
POSTPOSED_FILL_MAX = 2
POSTPOSED_CLOSE = frozenset("maar en meer in aan".split())


def _negated_after(tokens: List[str], harm: set, asking: set, starts) -> List[int]:
    """Positions of the harms denied by a negation after them (``POSTPOSED_VERBS``)."""
    out: List[int] = []
    for at in sorted(harm):
        if at + 1 in harm or at in asking:  # the last position of a harm word (a compound takes more)
            continue
        i = at + 1
        if i >= len(tokens) or i in starts or tokens[i] not in POSTPOSED_VERBS:
            continue
        i += 1
        skipped = 0
        while i < len(tokens) and i not in starts and tokens[i] in POSTPOSED_FILL and skipped < POSTPOSED_FILL_MAX:
            i, skipped = i + 1, skipped + 1
        if i >= len(tokens) or i in starts or tokens[i] != "niet":
            continue
        after = i + 1
        if after >= len(tokens) or after in starts or tokens[after] in POSTPOSED_CLOSE:
            first = at
            while first - 1 in harm:
                first -= 1
            out.extend(range(first, at + 1))
    return out


def without_denials(text: str, knowledge=None) -> str:
    """``text`` (simplified) with the words a denial (``DENIALS``) or a negation of a harm (``negated_words``) says
    are not there left out, so the text match does not find services by them ("geen sprake van geweld"); ``text``
    itself when it has none."""
    lemmed = lemma_string(text, knowledge)
    gone = denied_words(text, lemmed, knowledge) | negated_words(text, lemmed, knowledge)
    if not gone:
        return text
    parts: Dict[int, List[str]] = {}
    marks: Dict[int, str] = {}
    for number, position, size, word, mark in _written_words(text, knowledge):
        marks[number] = mark
        if not gone & set(range(position, position + size)):
            parts.setdefault(number, []).append(word)
    return " ".join(" ".join(parts.get(number, [])) + mark for number, mark in sorted(marks.items()))


# How a caller says what they ask for in a longer note ("vader vraagt of er opvoedondersteuning is", "ze zoekt
# hulp bij ..."): a theme said there leads, even after the context that came first.
ASKS = ("vraagt of", "vraagt naar", "vraagt om", "vraagt hulp", "zoekt hulp", "zoekt iets", "is er iets", "is er hulp",
        "wie kan helpen", "wie helpt", "hulp bij", "hulp voor", "ondersteuning bij", "behoefte aan")


def _build_ask_phrases(knowledge) -> Tuple[str, ...]:
    return tuple(lemma_string(phrase, knowledge) for phrase in ASKS)


_ask_phrases = PerKnowledge(_build_ask_phrases)


def asked_words(text: str, lemmed: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in ``lemmed``) of what the caller asks for (see ``ASKS``), up to the end of that part of
    the sentence; empty when the question has no such words or is one short sentence."""
    phrases = [phrase for phrase in _ask_phrases(knowledge) if phrase in lemmed]
    if not phrases or len(_SENTENCE_END.findall(text.strip())) < 2:
        return frozenset()
    tokens = lemmed.split()
    starts = _clause_starts(text, tokens, knowledge) | {len(tokens)}
    out: set = set()
    for phrase in phrases:
        first = len(lemmed[:lemmed.find(phrase)].split())
        end = min((i for i in starts if i > first + len(phrase.split()) - 1), default=len(tokens))
        out.update(range(first, end))
    return frozenset(out)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SEGMENT = re.compile(r"[^,;:.!?()]+")
_WORD_RUN = re.compile(r"[\w'-]+")


def without_framing(text: str, knowledge=None) -> str:
    """``text`` with the parts of sentences that frame the call (see ``FRAMING_WORDS``) blanked out, each
    replaced by a comma so that the words around it stay apart."""
    ends = _part_end_stems(text, knowledge)
    if (not _frames({head_stem(word, knowledge) for word in words(text)}, knowledge, words(text), part=False)
            and not TEAM_WORDS & set(words(text))):
        return text
    text = _lines_as_sentences(text)
    out = []
    for segment in _SEGMENT.finditer(text):
        start = segment.start()
        for word in _WORD_RUN.finditer(segment.group(0)):
            if head_stem(word.group(0), knowledge) in ends:
                out.append((start, segment.start() + word.start()))
                start = segment.start() + word.start()
        out.append((start, segment.end()))
    kept, position = [], 0
    for start, end in out:
        part = text[start:end]
        if (_frames({head_stem(word, knowledge) for word in _WORD_RUN.findall(part)}, knowledge, words(part))
                or (not words(text[:start]) and _team_introduction(words(part), knowledge))):
            kept.append(text[position:start] + ",")
            position = end
    kept.append(text[position:])
    return "".join(kept)


# Who calls. A professional who says who they are ("Jeugdverpleegkundige Laren: ...", "IB'er uit Naarden belt: ...",
# "ik ben jongerenwerker in Huizen", "de POH vraagt ...") works for a service of the kaart or for none (a school, the
# police, the GP's own practice): the service the caller works for is no referral for the family (the blind set
# toets19, calls retyped by the Vraagbaak: a jeugdverpleegkundige got her own team first in eight questions). Role ->
# the search words (``trefwoorden``) by which the kaart knows the services of that role. A role that names no service
# (IB'er, mentor, huisarts, wijkagent) says only who asks; a POH-GGZ is no POH-Jeugd.
_YOUTH_HEALTH_WORDS = ("jgz", "jeugdarts", "verpleegkundige", "jeugdgezondheidszorg")
# The staff of a school name no service of the kaart either ("IB'er Kerkelanden: ...", "ik ben intern begeleider",
# "mentor vmbo ziet ..."): who asks, not what is asked. They have the school's own way to help to hand
# (``CALLER_ROUTES``: via_school), so the search shows the school's link to the way in
# (``top._school_link_for_its_staff``). "intern" is the first word of "intern begeleider", as "schoolmaatschappelijk" is
# of "schoolmaatschappelijk werker"; "zat" is the school's zorg- en adviesteam.
SCHOOL_STAFF = frozenset({"ib'er", "ib", "intern", "mentor", "leerkracht", "docent", "juf", "kleuterjuf", "meester",
                          "zorgcoordinator", "zoco", "zorgco", "ondersteuningscoordinator", "zat",
                          # in English (toets24: "I'm a teacher at a primary school in Lunetten")
                          "teacher"})
CALLER_ROLES: Dict[str, Tuple[str, ...]] = {
    "jeugdverpleegkundige": _YOUTH_HEALTH_WORDS, "jgz-verpleegkundige": _YOUTH_HEALTH_WORDS,
    "verpleegkundige": _YOUTH_HEALTH_WORDS, "jeugdarts": _YOUTH_HEALTH_WORDS, "jgz": _YOUTH_HEALTH_WORDS,
    "consultatiebureau": _YOUTH_HEALTH_WORDS,
    "jongerenwerker": ("jongerenwerker",), "jongerenwerk": ("jongerenwerker",),
    "poh": ("praktijkondersteuner",), "poh-jeugd": ("praktijkondersteuner",),
    "praktijkondersteuner": ("praktijkondersteuner",),
    "jeugdconsulent": ("jeugdconsulent",),
    "gezinswerker": ("gezinswerker",),
    # the buurtteam that calls or writes ("ik werk bij het buurtteam in Vleuten", "Buurtteam Vleuten hier"): its
    # gezinswerkers are the buurtteam of the kaart (001), so the team is the caller's own, not the help asked for
    "buurtteam": ("gezinswerker",), "buurtteamer": ("gezinswerker",), "buurtteammedewerker": ("gezinswerker",),
    "smw": ("smw",), "smw'er": ("smw",), "schoolmaatschappelijk": ("smw",),
    "leerplichtambtenaar": ("leerplichtambtenaar",), "leerplicht": ("leerplichtambtenaar",),
    "opvoedcoach": ("opvoedcoach",), "gezinscoach": ("opvoedcoach",),
    "gezinsvoogd": ("gezinsvoogd",), "jeugdbeschermer": ("gezinsvoogd",),
    # roles that name no service of the kaart: who asks, not what the family needs. Their words are no search words
    # ("ik ben huisarts in Hilversum" got the POH-Jeugd first by "Tekst noemt 'huisarts'", "ik ben poh-ggz in bussum"
    # the jeugdteam by 'poh' and the POH-Jeugd by 'ggz', "consulent bij de woningcorporatie" the Vraagbaak
    # consulent); a POH-GGZ (for adults) is no POH-Jeugd. The POH-Jeugd in the GP's own practice stays a route for a GP
    # by what the child needs, not by the GP's job.
    "huisarts": (), "huisartsen": (), "doktersassistente": (), "doktersassistent": (), "assistente": (),
    "poh-ggz": (), "consulent": (),
    # a general practitioner in English ("I'm a GP in Huizen", toets24): the huisarts
    "gp": (),
    **{role: () for role in SCHOOL_STAFF},
}
# The first part of a question that says who calls holds the role and nothing but where the caller works and little
# words: "Jeugdverpleegkundige VO regio Gooi en Vechtstreek:", "IB'er school in de buurt van Bussum:". It ends at a
# punctuation mark or at a word that starts the call or what is asked ("belt", "hier", "over", "vraagt").
_CALLER_PART_ENDS = frozenset({"belt", "belde", "hier", "over", "vraagt", "vroeg", "mailt", "meldt", "namens",
                               # what the caller saw: "mentor vmbo ziet snijwonden op arm zn 16" (toets20)
                               "ziet", "zag", "merkt", "signaleert"})
_CALLER_PART_WORDS = frozenset(
    "ik ben wij we zijn werk werken als de het een van uit in te bij op vanuit regio gemeente en school basisschool "
    "middelbare vo vso po so mbo vmbo havo vwo team afdeling buurt omgeving ergens 't werker "
    "werkster begeleider".split()) | TEAM_WORDS
_GREETING = r"(?:(?:hoi|hallo|goedemorgen|goedemiddag|goedendag|goedenavond)\b[\s,!.]*)?"
_OPENING = re.compile(r"^\s*" + _GREETING + r"([^,;:.!?()\n]*)")
_NEXT_PART = re.compile(r"\s*([^,;:.!?()\n]*)")
# "ik ben jongerenwerker", "ik werk als jeugdverpleegkundige", "vanuit het jongerenwerk", "de POH vraagt", and a
# question that opens with the role ("Goedendag, als intern begeleider van een basisschool maak ik me zorgen ...")
_CALLER_SAID = re.compile(r"\b(?:ik\s+ben|ik\s+werk\s+als|wij\s+zijn|we\s+zijn|vanuit"
                          # and in English: "I'm a GP", "I work as a teacher" (toets24)
                          r"|i'?m|i\s+am|i\s+work\s+as|we\s+are)\s+"
                          r"(?:de\s+|het\s+|een\s+|ons\s+|a\s+|an\s+|the\s+)?([\w'-]+)"
                          r"|\b(?:de|het|onze|een)\s+([\w'-]+)\s+(?:belt|belde|vraagt|vroeg|mailt|wil\s+weten)\b"
                          r"|^\s*" + _GREETING + r"als\s+([\w'-]+)")


def _caller_spans(said: str, text: str, knowledge=None) -> List[Tuple[int, int, str]]:
    """(start, end, role) in ``said`` (``text`` simplified) of the roles the question says of the caller."""
    spans: List[Tuple[int, int, str]] = []
    opening = _OPENING.match(said)
    if opening and opening.group(1).strip() and all(_is_place(word, knowledge)
                                                    for word in _WORD_RUN.findall(opening.group(1))):
        # a note that opens with the family's place and then who calls: "utrecht stad, ib'er vo: ..."
        opening = _NEXT_PART.match(said, opening.end() + 1) or opening
    if opening:
        part = opening.group(1)
        cut = [m.start() for m in _WORD_RUN.finditer(part) if m.group(0) in _CALLER_PART_ENDS]
        part = part[:cut[0]] if cut else part
        found = [m for m in _WORD_RUN.finditer(part)]
        roles = [m for m in found if m.group(0) in CALLER_ROLES]
        if roles and all(m.group(0) in CALLER_ROLES or m.group(0) in _CALLER_PART_WORDS
                         or _is_place(m.group(0), knowledge) or _capitalised(text, opening.start(1) + m.start())
                         for m in found):
            spans += [(opening.start(1) + m.start(), opening.start(1) + m.end(), m.group(0)) for m in roles]
    for match in _CALLER_SAID.finditer(said):
        group = next(number for number in (1, 2, 3) if match.group(number))
        if match.group(group) in CALLER_ROLES:
            spans.append((match.start(group), match.end(group), match.group(group)))
    return sorted({_adult_mental_health(said, span) for span in spans})


_GGZ_AFTER = re.compile(r"[\s-]*ggz\b")


def _adult_mental_health(said: str, span: Tuple[int, int, str]) -> Tuple[int, int, str]:
    """A POH written apart from its 'ggz' ("ik ben poh ggz", "POH GGZ belt") is a POH-GGZ, no POH-Jeugd."""
    start, end, role = span
    after = _GGZ_AFTER.match(said, end) if role in ("poh", "praktijkondersteuner") else None
    return (start, after.end(), "poh-ggz") if after else span


def _blanked(said: str, spans: List[Tuple[int, int, str]]) -> str:
    for start, end, _ in spans:
        said = said[:start] + " " * (end - start) + said[end:]
    return said


# A role named after these words is the help already there, not asked for: "poh belt: ... wat kan er naast de poh"
# (the blind set toets20 got the POH-Jeugd first for the POH herself).
_BESIDES = re.compile(r"\b(?:naast|behalve|buiten|na)\s+(?:(?:de|het|hun|haar|zijn|die|ons|onze|mijn|eigen)\s+)*"
                      r"[\w'-]+")
# "ik ben jeugdverpleegkundige bij de GGD en zie op het consultatiebureau ...": the rest of the sentence that says who
# calls says where the caller works, not what is asked (toets21 got the JGZ first for its own nurse)
_INTRO_END = re.compile(r"[.!?:;\n]")


def _own_roles(said: str, spans: List[Tuple[int, int, str]]) -> List[Tuple[int, int, str]]:
    """The spans of roles that are the caller's own: the rest of the question does not ask for that role too (a
    role named as the help besides which something is asked, "naast de poh", does not ask for it)."""
    rest = _blanked(said, spans)
    for start, _, _ in spans:  # the sentence that says who calls, from the role on
        found = _INTRO_END.search(rest, start)
        end = found.start() if found else len(rest)
        rest = rest[:start] + " " * (end - start) + rest[end:]
    rest = _BESIDES.sub(" ", rest)
    asked = {word for found in _WORD_RUN.findall(rest) for word in CALLER_ROLES.get(found, ())}
    return [span for span in spans if not asked & set(CALLER_ROLES[span[2]])]


RoleSpans = List[Tuple[int, int, str]]


def own_caller_roles(text: str, knowledge=None) -> RoleSpans:
    """(start, end, role) in ``text`` simplified of the roles the question says of the caller (its opening part, "ik
    ben ...", "de POH vraagt"), unless the rest of the question names that role too ("ik ben jeugdconsulent in
    Huizen: wie is de vaste jeugdconsulent van die school?" asks for one). Read once per question and handed to
    ``caller_roles`` and ``without_caller_roles``."""
    said = simplify(text or "")
    spans = _caller_spans(said, text or "", knowledge)
    if any(role in TEAM_ROLES for _, _, role in spans):
        spans = [span for span in spans if span[2] not in TEAM_ROLES or _own_team(said, text or "", span, knowledge)]
    return _own_roles(said, spans)


# The roles of the buurtteam: who says them is the buurtteam of the kaart (``CALLER_ROLES``) only when that team works
# where the family lives. A buurtteam of another wijk hands the family over to the team of the family's own wijk
# ("Buurtteam Utrecht-Oost, maar het gezin woont in De Meern", "ik werk bij het buurtteam in Zuilen, maar dit gezin
# woont in Vleuterweide": the toetsets 7 and 11 expect the buurtteam first), and a team greeted is who reads, not who
# writes ("Beste buurtteam, moeder uit Overvecht: ...", toets15).
TEAM_ROLES = frozenset({"buurtteam", "buurtteamer", "buurtteammedewerker", "gezinswerker"})
_GREETED = re.compile(r"^\s*(?:beste|hallo|hoi|hey|dag|lieve|goedemorgen|goedemiddag|goedenavond|goedendag)"
                      r"[\s,!]+(?:het\s+|jullie\s+)?$")
_TEAM_PART = re.compile(r"[^,;:.!?\n]+")


def _own_team(said: str, text: str, span: Tuple[int, int, str], knowledge=None) -> bool:
    """The buurtteam role at ``span`` (in ``said``, ``text`` simplified) is the caller's own team where the family
    lives: not greeted, and the part of the sentence it stands in names no place of another area than the question's
    place, read as ``query.parse_vraag`` reads it (not in the words that frame the call)."""
    start, _, role = span
    if _GREETED.match(said[:start]):
        return False
    family = places.zoek_plaats(without_framing(text, knowledge), knowledge) or places.zoek_plaats(text, knowledge)
    if family is None:
        return True
    for part in _TEAM_PART.findall(text):
        if role in simplify(part).split():
            team = places.zoek_plaats(re.split(r"\bmaar\b", part)[0], knowledge)
            return team is None or (team.code == family.code and not _other_wijk(team, family))
    return True


def _other_wijk(team: "places.Plaats", family: "places.Plaats") -> bool:
    """The team's place and the family's are two different wijken of one city ("buurtteam Zuilen" for a family in
    Overvecht): one area code (the city's) but two teams, since the city has a buurtteam per wijk; the sources
    describe only the one of Vleuten (001), and name no team that serves two wijken."""
    return team.soort == "wijk" and family.soort == "wijk" and team.naam != family.naam


# A caller's role may point to a route (``toegang``) the caller has to hand: a GP, the doctor's assistant or the
# POH-GGZ works in the practice where the POH-Jeugd works (004: the POH-Jeugd "in de huisartsenpraktijk"). A service
# reached only that way is the caller's own route, found by the problem, not by the caller's job.
# The buurtteam is the route of the services it brings in (KOOS, the NIZU volunteers: ``via_buurtteam``), so its own
# gezinswerker has that route to hand.
CALLER_ROUTES: Dict[str, str] = {"huisarts": "via_huisarts", "huisartsen": "via_huisarts",
                                 "doktersassistente": "via_huisarts", "doktersassistent": "via_huisarts",
                                 "poh-ggz": "via_huisarts", "gp": "via_huisarts",
                                 **{role: "via_school" for role in SCHOOL_STAFF},
                                 "gezinswerker": "via_buurtteam", "buurtteam": "via_buurtteam",
                                 "buurtteamer": "via_buurtteam", "buurtteammedewerker": "via_buurtteam"}


def caller_routes(text: str, knowledge=None, own: Optional[RoleSpans] = None) -> Tuple[str, ...]:
    """The routes (``CALLER_ROUTES``) the caller's own roles (``own_caller_roles``) have to hand."""
    out: List[str] = []
    for _, _, role in (own if own is not None else own_caller_roles(text, knowledge)):
        if role in CALLER_ROUTES and CALLER_ROUTES[role] not in out:
            out.append(CALLER_ROUTES[role])
    return tuple(out)


def caller_roles(text: str, knowledge=None, own: Optional[RoleSpans] = None) -> Tuple[str, ...]:
    """The search words of the services the caller works for (``CALLER_ROLES``), from the caller's own roles
    (``own_caller_roles``; ``own`` when already read)."""
    out: List[str] = []
    for _, _, role in (own if own is not None else own_caller_roles(text, knowledge)):
        out += [word for word in CALLER_ROLES[role] if word not in out]
    return tuple(out)


# "ik ben huisarts in Bussum. Vanochtend ...": a role the caller says of themselves is theirs, however the sentence
# goes on
_SELF_SAID = re.compile(r"\b(?:ik\s+ben|ik\s+werk\s+als|wij\s+zijn|we\s+zijn)\s+(?:de\s+|het\s+|een\s+)?$"
                        r"|^\s*" + _GREETING + r"als\s+$")
_ROLE_OPENS = re.compile(r"[^:,;.!?]*?(?:[:,;]|\b(?:" + "|".join(sorted(_CALLER_PART_ENDS)) + r")\b)")
# the word that completes a role ("schoolmaatschappelijk werker"): part of who calls, too
_ROLE_TAIL = re.compile(r"\s+(?:werker|werkster|werk|begeleider)\b")


def without_caller_roles(text: str, knowledge=None, own: Optional[RoleSpans] = None) -> str:
    """``text`` (simplified) with the caller's own role blanked (``own_caller_roles``; ``own`` when already read), so
    the text match does not find the caller's own service by it (a second-round user test of session 22 read
    "schoolmaatschappelijk werker vraagt: ..." as a question for school social work); ``text`` itself when it names
    none."""
    said = simplify(text or "")
    # only a role that opens a call or note ("... vraagt:", "...:", "ik ben ..."): "leerplicht bussum" asks for it;
    # not a school's staff (``SCHOOL_STAFF``): they name no service, and the services of the school's own route
    # name them as the ones they work with ("adviseert leerkrachten", "intern begeleider"), which is the route they
    # have to hand (with them blanked, the set toets21 of calls in full sentences went from 0.837 to 0.811)
    spans = [span for span in (own if own is not None else own_caller_roles(text, knowledge))
             if span[2] not in SCHOOL_STAFF
             and (_ROLE_OPENS.match(said[span[1]:]) or _SELF_SAID.search(said[:span[0]]))]
    if not spans:
        return text
    spans = [(start, end + (tail.end() if (tail := _ROLE_TAIL.match(said[end:])) else 0), role)
             for start, end, role in spans]
    return _blanked(said, spans)


def _is_place(word: str, knowledge=None) -> bool:
    """``word`` (simplified) is a place or part of a place name of the place table."""
    table = places.tabel(knowledge)
    return word in table.spellings or word in table.words


def _capitalised(text: str, position: int) -> bool:
    """The word at ``position`` of ``text`` starts with a capital (a name: a place, a school)."""
    return text[position:position + 1].isupper()


# A way the family does not want to go: "wil anoniem chatten, niet met school", "liefst niet via de huisarts, vader is
# daar zelf patiënt", "buiten school om". A service reached only that way is no answer (the blind set toets19 got the
# brugfunctionaris at school first for a teenager who wanted to talk "niet met school"). "gaat niet naar school" is
# a school problem, not a way refused.
_NOT_THAT_WAY = re.compile(
    r"\b(?:(?:liefst|liever|het\s+liefst|echt|zeker)\s+)?(?:niet|geen)\s+(?:via|met|door)\s+(?:de\s+|het\s+|hun\s+|zijn\s+"
    r"|haar\s+|z'n\s+|eigen\s+)*(school|huisarts|huisartsenpraktijk)\b"
    r"|\bbuiten\s+(?:de\s+|het\s+)?(school|huisarts)\s+om\b"
    # "wil liever niet naar de huisarts" (toets17): going to the GP refused; "niet naar school" is a school problem
    r"|\b(?:niet|nooit)\s+naar\s+(?:de\s+|hun\s+|zijn\s+|haar\s+|z'n\s+|eigen\s+)*(huisarts|huisartsenpraktijk)\b"
    r"|\bzonder\s+(?:tussenkomst\s+van\s+)?(?:de\s+|het\s+)?(school|huisarts)\b"
    # help without a referral, on one's own (session 29): "zonder verwijzing (van de huisarts)", "zonder
    # doorverwijzing", "kan ze zichzelf aanmelden", "zelf aanmelden", "vrij toegankelijk": the services reached only
    # through a GP, a professional, the buurtteam or a jeugdconsulent (``toegang``) are not the way asked for
    r"|\bzonder\s+(?:een\s+|eerst\s+een\s+|eerst\s+)?(?:door)?(verwijzing|verwijsbrief)\w*"
    r"|\b(?:zichzelf|zelf)\s+(?:\w+\s+)?(aanmelden)\b|\bvrij\s+(toegankelijk)\b")
REFERRAL_ROUTES = ("via_huisarts", "via_professional", "via_buurtteam", "via_jeugdconsulent")
REFUSED_ROUTES = {"school": ("via_school",), "huisarts": ("via_huisarts",),
                  "huisartsenpraktijk": ("via_huisarts",), "verwijzing": REFERRAL_ROUTES,
                  "verwijsbrief": REFERRAL_ROUTES, "aanmelden": REFERRAL_ROUTES, "toegankelijk": REFERRAL_ROUTES}


def refused_routes(text: str) -> Tuple[str, ...]:
    """The routes (``toegang``: via_school, via_huisarts) the question says the family does not want to go
    (``_NOT_THAT_WAY``)."""
    out: List[str] = []
    for match in _NOT_THAT_WAY.finditer(simplify(text or "")):
        for route in REFUSED_ROUTES[next(group for group in match.groups() if group)]:
            if route not in out:
                out.append(route)
    return tuple(out)


# What is said of a professional is no problem of the family: "er is een OTS, de gezinsvoogd is ziek" (a second-round
# user test of session 22 got JGZ first, "Past bij gezondheid ('ziek')"), "de juf is zwanger", "de mentor is
# overspannen". A part of a sentence whose subject is a professional (the word at its start, after at most an article
# or possessive) with a form of "zijn", "worden", "liggen", "raken" or "vallen" says how that professional is; the
# problem words after it, up to the end of that part ("dat", "en", a comma), do not count. "de juf ziet dat hij
# gepest wordt" and "de huisarts denkt aan adhd" say what the professional sees and stay the child's.
PROFESSIONAL_WORDS = frozenset(CALLER_ROLES) | frozenset(
    "juf juffrouw meester leerkracht leraar lerares docent docente mentor huisarts hulpverlener behandelaar therapeut "
    "psycholoog orthopedagoog begeleider coach consulent regievoerder casusregisseur wijkagent agent collega ib'er "
    "ib-er trainer voogd jeugdbeschermer gezinsbegeleider ambulant buurtteamer zorgcoordinator "
    "intern-begeleider".split())
PROFESSIONAL_LEAD = frozenset("de het een hun haar zijn z'n onze mijn m'n die deze".split())
PROFESSIONAL_STATE = frozenset("is was wordt werd ligt lag raakt raakte valt viel zijn waren".split())


def professional_state_words(text: str, lemmed: str, knowledge=None) -> FrozenSet[int]:
    """Word positions (in ``lemmed``, the lemma string of ``text``) of what a part of a sentence says of how a
    professional is (see ``PROFESSIONAL_WORDS``)."""
    if PROFESSIONAL_WORDS.isdisjoint(words(simplify(text))):
        return frozenset()  # the cheap check first: no professional named at all
    written = _written_words(text, knowledge)
    if not any(word in PROFESSIONAL_WORDS for _, _, _, word, _ in written):
        return frozenset()
    tokens = lemmed.split()
    starts = _part_starts(_lines_as_sentences(text), tokens, knowledge)
    out: set = set()
    for i, (number, position, _, word, _) in enumerate(written):
        if word not in PROFESSIONAL_WORDS:
            continue
        before = [w for n, p, _, w, _ in written[:i] if n == number and not (starts & set(range(p + 1, position + 1)))]
        if [w for w in before if w not in PROFESSIONAL_LEAD]:
            continue  # not the subject at the start of its part ("vraagt de gezinsvoogd ...", "bij de juf")
        rest = [(p, w) for n, p, _, w, _ in written[i + 1:] if n == number]
        if not rest or rest[0][1] not in PROFESSIONAL_STATE:
            continue
        end = min((s for s in starts if s > rest[0][0]), default=len(tokens))
        out.update(range(rest[0][0], end))
    return frozenset(out)


# A long question with a story says first what goes well and asks in its last sentences: "Ze zit op hockey en doet het
# goed op school.", "Vorige week hadden we een sportdag en die liep prima.", "de kinderen hebben genoten". Such a
# sentence names no need, and its words (a sport, a school trip, a grandmother who picks her up) led the search astray
# (the set toets24 of session 27: hockey and a school trip put youth work and the brugfunctionaris before the POH-Jeugd
# for a girl who no longer wants to live). A sentence that turns or doubts ("maar", "niet", "geen", "moeite") still
# counts, as does the last sentence, which asks.
_GOOD_NEWS = re.compile(
    r"\b(?:gaat|ging|gingen|gaan|liep|loopt|verliep|verloopt)\s+(?:(?:het|alles|echt|heel|erg|ook|nog|allemaal|daar|er"
    r"|verder|hartstikke|super)\s+){0,3}(?:prima|goed|super|fantastisch|geweldig|top|leuk)\b"
    r"|\b(?:doet|deed|doen|hebben|heeft|had|hadden|maakt|maken)\s+het\s+(?:(?:daar|er|heel|erg|echt|ook|nog|samen"
    r"|lichamelijk|verder|hartstikke|super|op\s+school)\s+){0,3}(?:prima|goed|naar\s+(?:zijn|haar|hun)\s+zin)\b"
    r"|\b(?:alles|het)\s+(?:ging|gaat|liep|loopt)\s+(?:\w+\s+){0,2}?(?:goed|prima)\b"
    r"|\bgeweldig\b|\bgenoten\b|\bgenieten\b|\b(?:veel|met|vol)\s+plezier\b|\bblij\s+met\b|\bhet\s+leukst\b"
    r"|\bvrienden\s+gemaakt\b|\bgroeit\s+(?:mooi|goed)\b|\bprima\b"
    # how a child is when all is well (session 29: "Hij is vrolijk en speelt veel buiten." read as a question about
    # leisure in a first-person story about bed-wetting): cheerful, kind, many friends, likes to go somewhere
    r"|\b(?:is|zijn|was|waren)\s+(?:(?:heel|erg|echt|een|altijd|best|verder|gewoon|nog|ook)\s+){0,2}(?:vrolijke?|blije?"
    r"|gelukkige?|tevreden|lieve?|slimme?|sociale?|spontane?|gezellige?|zonnige?)\b"
    r"|\b(?:heeft|hebben|had|hadden)\s+(?:(?:heel|erg|echt|ook|nog|gelukkig)\s+){0,2}(?:veel|leuke|genoeg|goede|fijne)"
    r"\s+(?:vrienden|vriendinnen|vriendjes|vriendinnetjes|vriendengroep)\b"
    r"|\b(?:vindt|vond|vinden)\s+(?:(?:het|dat|hij|ze|zij|daar|er|echt|heel|erg|super)\s+){0,3}(?:leuk|fijn|geweldig)\b"
    r"|\b(?:gaat|gaan|ging)\s+(?:\w+\s+){0,2}?graag\s+naar\b")
_NO_GOOD_NEWS = re.compile(r"\b(?:niet|geen|nooit|maar|behalve|minder|moeilijk|moeite|zorgen|zorg|helaas|bang|slecht"
                           r"|alleen)\b")
GOOD_NEWS_MIN_SENTENCES = 3  # a story: two sentences and the one that asks
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def without_good_news(text: str) -> str:
    """``text`` with the sentences of a story that only say what goes well (``_GOOD_NEWS``) blanked (the same length,
    so positions stay), when the question has at least ``GOOD_NEWS_MIN_SENTENCES`` sentences; the last sentence
    stays."""
    sentences = [match for match in _SENTENCE.finditer(text) if match.group(0).strip(" .!?\n")]
    if len(sentences) < GOOD_NEWS_MIN_SENTENCES:
        return text
    out = text
    for match in sentences[:-1]:
        said = simplify(match.group(0))
        if _GOOD_NEWS.search(said) and not _NO_GOOD_NEWS.search(said):
            out = out[:match.start()] + " " * (match.end() - match.start()) + out[match.end():]
    return out
