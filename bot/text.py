"""The one text normaliser of the project (lower case, accents removed, quotes straightened; for the readers also the
tag "hè" spelled one way, dictated text as typed, and spoken or chat spellings written out: ``written_words``).

``simplify`` keeps punctuation (for tokenisers that join ``zo'n`` or ``nieuwkomer-gezin``);
``plain`` also turns every run of other characters into one space, for comparing a whole message
or a name with a list of phrases ("Stop rollenspel!" -> "stop rollenspel").
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Dict, Iterable, List, Set

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)

# Numbers written as words, as they are typed after ``simplify`` ("tweeentwintig"): ages, turns, scenario numbers;
# up to the oldest age the sociale kaart takes (27), as speech-to-text writes a young adult's age.
NUMBER_WORDS = {
    "nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "eenentwintig": 21,
    "tweeentwintig": 22, "drieentwintig": 23, "vierentwintig": 24, "vijfentwintig": 25, "zesentwintig": 26,
    "zevenentwintig": 27,
}
# Ordinal numbers as words ("de derde stap", "tweede klas", "scenario de vierde").
ORDINAL_WORDS = {
    word: number for number, word in enumerate(
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende".split(), start=1)
}

# Any Dutch number written as one word, as speech-to-text writes what was said ("nul zes twaalf vierendertig",
# "tweeduizend twaalf", "honderdtwaalf"): ``spoken_number``.
_UNITS = {word: value for value, word in enumerate("nul een twee drie vier vijf zes zeven acht negen".split())}
_TEENS = {word: value for value, word in enumerate(
    "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien".split(), start=10)}
_TENS = dict(zip("twintig dertig veertig vijftig zestig zeventig tachtig negentig".split(), range(20, 100, 10),
                 strict=True))


def _below_hundred(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    for tens, value in _TENS.items():  # "vierendertig", "tweeentwintig" (after ``simplify``)
        if word.endswith("en" + tens) and word[:-len(tens) - 2] in _UNITS and word[:-len(tens) - 2] != "nul":
            return _UNITS[word[:-len(tens) - 2]] + value
    return None


def _below_thousand(word: str) -> int | None:
    head, found, rest = word.partition("honderd")
    if not found:
        return _below_hundred(word)
    times = _below_hundred(head) if head else 1  # "honderd", "tweehonderd", "negentienhonderd"
    rest = rest[2:] if rest.startswith("en") and _below_hundred(rest[2:]) else rest  # "honderdenvijf"
    tail = _below_hundred(rest) if rest else 0
    if not times or tail is None:
        return None
    return times * 100 + tail


def spoken_number(word: str) -> int | None:
    """The value of a Dutch number written as one word ('zes' 6, 'vierendertig' 34, 'tweeëntwintig' 22, 'honderdtwaalf'
    112, 'tweeduizend' 2000, 'tweeduizendvijftien' 2015, 'negentienhonderd' 1900), else None."""
    word = simplify(word)
    if not word.isalpha() or len(word) < 3:
        return None
    head, found, rest = word.partition("duizend")
    if not found:
        return _below_thousand(word)
    times = _below_thousand(head) if head else 1
    rest = rest[2:] if rest.startswith("en") and _below_thousand(rest[2:]) else rest
    tail = _below_thousand(rest) if rest else 0
    if not times or tail is None:
        return None
    return times * 1000 + tail


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to strip (most messages): NFKD leaves ASCII as it is
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def simplify(text: str) -> str:
    """Lower case, no accents ('suïcide' -> 'suicide'), curly quotes made straight."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    return strip_accents(text).lower()


def plain(text: str) -> str:
    """``simplify`` with every run of punctuation, symbols or spaces made one space; stripped."""
    return _NOT_WORD.sub(" ", simplify(text)).strip()


# The spoken tag "hè" ("u bent gewoon op, hè", "het doet je echt wat he") typed without its accent, with another one or
# with a combining accent: after a word, before punctuation or the end. Not at the start of a sentence, where "hé" is
# a greeting ("hé Noor, wil je iets drinken?").
_TAG_HE = re.compile(r"(?<=\w)(\s*,?\s+|,)([hH])[eéè](?=\s*(?:[.,!?;:…\"')]|$))")


def spoken_tags(text: str) -> str:
    """The text as the recognisers read it: composed accents (NFC), and the tag "hè" spelled one way ("he", "hé" and
    "hè" after a word are all "hè"), so a turn does not read differently by how the trainee typed it (a user test of
    session 22: "u bent gewoon op, hè." read as erkennen, the same with "he" as redden 85%). Only a text with a
    decomposed accent changes length."""
    text = unicodedata.normalize("NFC", text or "")
    return _TAG_HE.sub(lambda m: m.group(1) + m.group(2) + "è", text)


# -- dictated text: what speech-to-text writes for what a typist would type ------------------------------------
# Sounds that carry nothing ("blaricum ehm dochter van 14"): a filler of speech, dropped wherever it stands.
FILLER_SOUNDS = frozenset("eh ehm euh uh uhm um uhh ehh hm hmm mm mmm".split())
# A punctuation mark said aloud and written as its word ("... in hilversum vraagteken"). Not after a word that makes
# it the noun ("zet een vraagteken bij", "dat is het grote vraagteken").
SPOKEN_MARKS = {"vraagteken": "?", "uitroepteken": "!"}
_SPOKEN_MARK = re.compile(r"(\w*)(\s+)(" + "|".join(SPOKEN_MARKS) + r")(?![\w'-])", re.IGNORECASE)
_MARK_AS_NOUN = frozenset("een het de dat dit die grote groot dikke dik".split())
_FILLER = re.compile(r"(?<![\w'-])(?:" + "|".join(sorted(FILLER_SOUNDS, key=len, reverse=True))
                     + r")(?![\w'-])(?:[ \t]*,)?[ \t]*", re.IGNORECASE)
# An abbreviation said letter by letter ("een o t s", "zijn m b o opleiding", "met een l v b"): two or more single
# letters in a row, each a word of its own ("'s graveland" and "u" alone stay as they are, as does one letter said
# again: "kunt u u aanmelden").
_SPELLED = re.compile(r"(?<![\w'’-])[^\W\d_](?:[ \t]+[^\W\d_])+(?![\w'’-])")


def as_typed(text: str) -> str:
    """``text`` as a typist would have written what was dictated: filler sounds dropped ("ehm"), a spoken punctuation
    mark written as the mark ("... vraagteken" -> "...?") and an abbreviation spelled letter by letter written as one
    word ("o t s" -> "ots"). Typed text stays as it is (it holds none of them)."""
    if not text:
        return text or ""
    text = _FILLER.sub("", text)
    text = _SPOKEN_MARK.sub(_written_mark, text)
    return _SPELLED.sub(_one_word, text)


def _written_mark(match: "re.Match[str]") -> str:
    """A spoken punctuation mark as the mark after the word before it, unless that word makes it the noun."""
    before, space, said = match.groups()
    if not before or before.lower() in _MARK_AS_NOUN:
        return match.group(0)
    return before + SPOKEN_MARKS[said.lower()]


def _one_word(match: "re.Match[str]") -> str:
    letters = match.group(0).split()
    return match.group(0) if len({letter.lower() for letter in letters}) == 1 else "".join(letters)


# -- spoken and chat spellings: what the role reader reads for the words a parent says ("die luistert gewoon nie") --
# Spoken or typo'd forms of the words of negation (the intake's triggers and negation rules, ``bot.intake.signals``):
# "zoon gaat nie meer naar school", "verder nieman" (user tests of sessions 21-22)
TYPED_FORMS = {"nie": "niet", "neit": "niet", "nit": "niet", "nooid": "nooit",
               "nieman": "niemand", "niemant": "niemand", "niemnd": "niemand"}
# A word as it is said or typed in a chat, written out: dialect and speech ("nie", "da", "ie", "'m", "ge"), chat
# abbreviations ("ff", "gwn", "zn"). "ken" is "kan" ("dat ken toch niet", "mijn mond houden ken ik best") except right
# after "ik", where it is the standard "ken" ("ik ken hem al jaren": ``KEPT_AFTER``); "d'r" (haar or er) stays.
# The one letter ones ("'m", "'k", "'t") only after their apostrophe in a text; as a word token (the apostrophe is no
# part of it) they are read the same.
SPOKEN_WORDS = {
    **TYPED_FORMS,
    "ken": "kan", "da": "dat", "ie": "hij", "ge": "je", "wa": "wat", "ouwe": "oude",
    "m": "hem", "k": "ik", "t": "het",
    "ff": "even", "effe": "even", "efkes": "even", "gwn": "gewoon", "zn": "zijn", "mn": "mijn", "m'n": "mijn",
    "z'n": "zijn", "nx": "niks", "idd": "inderdaad", "iig": "in ieder geval",
    # the chat of a teenager: "wss heb je gelijk", "mss ga ik egt nie", "wrm moet dat nou"
    "wss": "waarschijnlijk", "wsl": "waarschijnlijk", "mss": "misschien", "sws": "sowieso", "egt": "echt",
    "wrm": "waarom", "wnt": "want", "vnv": "vanavond", "dnk": "denk", "iemnd": "iemand", "gwoon": "gewoon",
    "gewn": "gewoon", "srry": "sorry", "sry": "sorry", "aub": "alsjeblieft", "tog": "toch",
    # a professional typing in a hurry in an app ("ze gaat wss vaker ...", "hoe is t nu mt je?", "kzou eerst even ...")
    "mt": "met", "vn": "van", "nt": "niet", "kzou": "ik zou", "kheb": "ik heb", "kben": "ik ben", "kweet": "ik weet",
    "kga": "ik ga", "das": "dat is",
}
KEPT_AFTER = {"ken": frozenset({"ik"})}  # the word before which a spoken spelling is a standard word
_ONE_LETTER = frozenset("m k t".split())
_LAST_WORD = re.compile(r"[^\W\d_]+(?=[^\w]*$)")
_SPOKEN_WORD = re.compile(r"(?<![\w'’])(['’]?)(" + "|".join(
    sorted((re.escape(word).replace("'", "['’]") for word in SPOKEN_WORDS), key=len, reverse=True))
    + r")(?![\w'’])", re.IGNORECASE)


def written_word(word: str, before: str = "") -> str:
    """One word token as it is written ("nie" -> "niet", "gwn" -> "gewoon"), after the word ``before`` (``KEPT_AFTER``);
    any other word as it is."""
    key = word.lower().replace("’", "'")
    if before.lower() in KEPT_AFTER.get(key, ()):
        return word
    return SPOKEN_WORDS.get(key, word)


def written_words(text: str, one_letter: bool = False) -> str:
    """``text`` with its spoken and chat spellings written out (``SPOKEN_WORDS``): "Is ie d'r om zeven uur nie" ->
    "Is hij d'r om zeven uur niet". The text may change length: for reading, not for quoting. With ``one_letter`` the
    one letter forms are written out without their apostrophe too, as a hurried typist leaves it out ("hoe t ging",
    "doe t zelf": the step reader; a parent's "m" or "t" stays for the role reader)."""
    def _written(match: "re.Match[str]") -> str:
        mark, word = match.groups()
        key = word.lower().replace("’", "'")
        if key not in SPOKEN_WORDS or (key in _ONE_LETTER and not mark and not one_letter):
            return match.group(0)
        before = _LAST_WORD.search(text, 0, match.start())
        return written_word(key, before.group(0) if before else "")

    return _SPOKEN_WORD.sub(_written, text or "")


# A pause in speech written as dots inside a sentence ("Ik ben... gaan huilen", "Dat... dat blijf ik doen"): dots
# followed by a word in lower case go on with the same sentence.
_PAUSE = re.compile(r"(?<=\w)(\.\.\.+|…)(?=\s+[a-zà-ÿ])")


def spoken_pauses(text: str) -> str:
    """``text`` with a pause inside a sentence made a space of the same length, so the sentence is read as one
    ("Ik ben... gaan huilen." is one sentence, not "Ik ben..." and "gaan huilen."). The length stays the same: the
    offsets of the words quote the text as it was typed."""
    return _PAUSE.sub(lambda m: " " * len(m.group(1)), text or "")


# Emphasis written with an acute accent ("hoe gaat het met jóu?", "wat kunt ú doen"): read as the plain letter. Not the
# "é" (the greeting "hé", "één", "café" stay as they are). One letter for one: the length stays the same (after NFC).
_EMPHASIS = str.maketrans("áíóúÁÍÓÚ", "aiouAIOU")


def without_emphasis(text: str) -> str:
    """``text`` with an accent of emphasis on a, i, o or u left out ("met jóu" -> "met jou", "ú" -> "u"); composed
    accents (NFC) keep the length."""
    return unicodedata.normalize("NFC", text or "").translate(_EMPHASIS)


# -- a word typed in a hurry with one letter missing, extra, wrong or swapped ("vrgen", "houdn", "zaterdga") -------
_TYPED_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][^\W\d_]{4,}(?![\w'’-])")  # no capital first: a name


def _deletions(word: str) -> set:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Spelling:
    """Typos corrected against a list of words (a recogniser's vocabulary): a word of at least five letters that
    ``known`` does not know becomes the one word of ``words`` one edit away (``distance``; a deletion index finds the
    candidates), and stays as it is when there is none or more than one. A word with a capital stays as it is (a name:
    "Jansen" is no typo of "jassen"; a hurried typist types no capitals)."""

    def __init__(self, words: Iterable[str], known: Callable[[str], bool]):
        self._index: Dict[str, Set[str]] = {}
        for word in words:
            if len(word) >= 3 and word.isalpha():
                for variant in _deletions(word) | {word}:
                    self._index.setdefault(variant, set()).add(word)
        self._known = known
        self._seen: Dict[str, str] = {}  # each word looked up, with its correction: at most ``SEEN_LIMIT`` words

    SEEN_LIMIT = 20_000  # a long-running server reads ever new typed words: the memo starts again beyond this

    def word(self, word: str) -> str:
        low = word.lower()
        if low not in self._seen:
            if len(self._seen) >= self.SEEN_LIMIT:
                self._seen.clear()
            found = ""
            if not self._known(low):
                candidates = set(self._index.get(low, ()))
                for variant in _deletions(low):
                    candidates |= self._index.get(variant, set())
                near = {c for c in candidates if c != low and distance(low, c, 1) <= 1}
                found = near.pop() if len(near) == 1 else ""
            self._seen[low] = found
        found = self._seen[low]
        return found or word

    def text(self, text: str) -> str:
        """``text`` with each typo corrected (``word``); the text may change length: for reading, not for quoting."""
        return _TYPED_WORD.sub(lambda m: self.word(m.group(0)), text or "")


def distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count 1), stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
