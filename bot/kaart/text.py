"""Dutch text normalisation for the kaart: lower case, no accents, lemmas, light plural folding.

Lemmas come from the one Dutch lemma table of the project (``bot.lemmas.lemma_of``),
so "spijbelt" -> "spijbelen", "scheidingen" -> "scheiding". Plurals the table misses ("ouders",
"jongeren") are folded with a conservative rule that only strips a suffix when the result is itself
a known word. Synonyms that lemmas cannot link (gescheiden / scheiding / uit elkaar) live in
``bot.kaart.query``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple, TypeVar

from bot.knowledge.loader import PerKnowledge
from bot.lemmas import lemma_of, lemma_table
from bot.text import distance, simplify

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # hyphens split: "nieuwkomer-gezin" -> two words

# The words for a child a consultant writes before its age ("dochter 13", "meisje van 9"), as a regex group.
CHILD_PATTERN = (r"(?:zoon|zoontje|dochter|dochtertje|kind|kindje|jongen|jongetje|meisje|meid|puber|tiener|jongere"
                 r"|leerling|broer|zus|pleegkind|baby|kleinkind|kleinzoon|kleindochter|oudste|jongste|middelste|tweeling|peuter"
                 r"|kleuter|stiefzoon|stiefdochter|pleegzoon|pleegdochter|jongens|meiden|meisjes|tieners|pubers|speler"
                 r"|speelster|pupil|client"
                 # as expats and bilingual parents say it in English ("my son of 17", "our daughter (12)", toets24)
                 r"|son|daughter|child|boy|girl|toddler|teenager)")
CHILD_WORDS = frozenset(CHILD_PATTERN[3:-1].split("|"))
# a child as a quick note writes it: "zn 14", "dr 12" (zoon, dochter), "kid van 9" (a user test lost the age)
CHILD_SHORT = ("zn", "dr", "kid")
CHILD_NOTE_WORDS = CHILD_WORDS | frozenset(CHILD_SHORT)

STOPWORDS: FrozenSet[str] = frozenset(
    """de het een en of in op aan van voor met naar bij uit te tot om over door als dan dat die dit deze
    er is zijn was waren wordt worden ben bent heb hebt heeft hebben kan kun kunnen kunt wil wilt willen
    zou zouden moet moeten mag ik je jij u hij zij ze we wij mijn mij me haar hem zijn hun ons onze jullie
    wat waar wie hoe welke wanneer waarom niet geen wel nog ook al maar want dus toch zo heel erg
    terecht gaan gaat ging iets iemand iedereen alle alles veel weinig meer mee men hier daar zoek zoeken
    ergens graag even welk nu toe tegen onder na sinds zonder jaar oud oude elkaar
    dienst diensten obs cbs pcbs rkbs ikc""".split()
)
# The last line: words that say nothing of the problem and lifted unrelated services (a second-round user test of
# session 22: 'diensten' for "welke diensten" or an injection "DROP TABLE diensten", 'obs' for "obs de kameleon", the
# kind of school before its name). "samen" of parents who live together: ``bot.kaart.query.HOMONIEMEN``.


def words(text: str) -> List[str]:
    return _WORD.findall(simplify(text))


@lru_cache(maxsize=1)
def known_lemmas() -> FrozenSet[str]:
    return frozenset(lemma_table().values())


_EXTRA = {"ouders": "ouder", "kinderen": "kind", "jongeren": "jongere", "gescheiden": "scheiden",
          "scheiding": "scheiding", "gezinnen": "gezin", "zoons": "zoon", "dochters": "dochter",
          # a quick note's shorthand for a parent or child ("mdr verslaafd", "vdr radeloos", "dr 16", "zn 14") is
          # that word wherever the question is read for whom a problem is about (the blind set toets20 read "zus
          # lijkt overbelast, mdr verslaafd" as the child's addiction)
          "mdr": "moeder", "vdr": "vader", "dr": "dochter", "zn": "zoon"}


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The lemma of one simplified word."""
    if word in _EXTRA:
        return _EXTRA[word]
    if word in lemma_table():
        return lemma_of(word)
    if word.endswith("'s") and len(word) > 3:
        # the apostrophe plural (or genitive) of a word ending in a vowel is always that word: "huilbaby's",
        # "baby's", "opa's" (a user test of session 24 lost "huilbaby's", which no word list knows)
        return lemma(word[:-2])
    known = known_lemmas()
    for suffix in ("en", "s"):
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        # a verb is no plural of a short word, whose plural doubles its consonant: "stelen" (of "steelt") is not
        # "stel" (a couple, plural "stellen")
        if suffix == "en" and word in known and _SHORT_STEM.match(base):
            continue
        if len(base) >= 4 and base in known:
            return base
    return word


CACHE_MAX = 50_000  # words remembered per cache before it starts afresh
R = TypeVar("R")


class WordTables:
    """The problem words of one loaded knowledge and what was derived from them per word (compound parts,
    stems, typo corrections). Built again for every new knowledge object (``PerKnowledge``), so after
    'herlaad de kennis' a changed ``probleemwoorden.yml`` counts at once: nothing derived from the old
    problem words is remembered."""

    def __init__(self, theme_words: FrozenSet[str]):
        self.theme_words = theme_words
        self._caches: Dict[str, Dict[str, Any]] = {"split": {}, "stam": {}, "typo": {}, "head": {}}

    def remembered(self, kind: str, word: str, derive: Callable[[str, "WordTables"], R]) -> R:
        cache = self._caches[kind]
        if word not in cache:
            if len(cache) >= CACHE_MAX:
                cache.clear()
            cache[word] = derive(word, self)
        return cache[word]


def _build_word_tables(knowledge) -> WordTables:
    from bot.kaart.query import theme_single_words  # lazy: bot.kaart.query imports this module

    return WordTables(theme_single_words(knowledge))


_WORD_TABLES = PerKnowledge(_build_word_tables)


def word_tables(knowledge=None) -> WordTables:
    """The word tables of ``knowledge`` (default: the knowledge in use)."""
    return _WORD_TABLES(knowledge)


def known(word: str, tables: Optional[WordTables] = None) -> bool:
    """A word of the Dutch lemma table (a form or a lemma) or of the problem words of the themes."""
    tables = tables or word_tables()
    return word in lemma_table() or word in known_lemmas() or word in tables.theme_words


COMPOUND_MIN, PART_MIN = 8, 4  # shortest compound and shortest part that are split
# Endings of Dutch nouns for a person ("wetenschapper", "consulent", "leraar", "therapeut"): a compound
# with such a head names a role ("gedragswetenschapper", "jeugdconsulent"), not a problem, so it is not
# split into its parts (else "gedragswetenschapper" would read as the theme gedrag).
PERSON_ENDINGS = ("er", "ent", "ant", "aar", "ist", "eur", "ier", "or", "ster", "ling", "peut", "loog", "man", "vrouw")
PERSON_TAIL_MIN = 6  # shorter tails ("kamer", "zomer") are seldom persons


def person_noun(word: str) -> bool:
    """A word that by its ending names a person (a rough Dutch rule, for compound heads only)."""
    return len(word) >= PERSON_TAIL_MIN and word.endswith(PERSON_ENDINGS)



def split_compound(word: str, tables: Optional[WordTables] = None) -> Tuple[str, ...]:
    """The two known words a Dutch compound is made of, or ``()``.

    "gedragsproblemen" -> ("gedrag", "problemen") (the linking s or e is dropped),
    "hockeyclub" -> ("hockey", "club"), "woedeaanvallen" -> ("woede", "aanvallen"). Only words that are
    not themselves in the lemma table are split, and both parts must be; the shortest head that works
    wins, which is how Dutch compounds read (the last part is the head noun). Inflected forms the
    table knows and theme words are never split ("huiswerk" stays one word)."""
    tables = tables or word_tables()
    return tables.remembered("split", word, _split_compound)


def _split_compound(word: str, tables: WordTables) -> Tuple[str, ...]:
    if len(word) < COMPOUND_MIN or word in lemma_table() or word in tables.theme_words or not word.isalpha():
        return ()
    for cut in range(PART_MIN, len(word) - PART_MIN + 1):
        head, tail = word[:cut], word[cut:]
        if not known(head, tables):
            continue
        if known(tail, tables):
            return () if person_noun(tail) else (head, tail)
        if tail[0] in "se" and len(tail) > PART_MIN and known(tail[1:], tables):
            return () if person_noun(tail[1:]) else (head, tail[1:])
    # three parts: a known first part before a compound of two ("huiselijkgeweldsituatie" -> huiselijk, geweld,
    # situatie)
    for cut in range(PART_MIN, len(word) - COMPOUND_MIN + 1):
        head, tail = word[:cut], word[cut:]
        if known(head, tables) and head not in NO_COMPOUND_HEADS:
            parts = split_compound(tail, tables)
            if len(parts) == 2 and min(len(head), *map(len, parts)) >= THREE_PART_MIN:
                return (head,) + parts
    # a short or unknown first part before a problem word: the last part says what it is ("gokverslaving",
    # "drugsverslaving")
    # (a prefix or particle makes a new word, no compound: "afspraak" is no "spraak", "verdriet" no "driet")
    if word in known_lemmas():
        return ()
    for cut in range(3, len(word) - TAIL_MIN + 1):
        head, tail = word[:cut], word[cut:]
        if tail in tables.theme_words and head not in NO_COMPOUND_HEADS and not person_noun(tail) \
                and (known(head, tables) or len(tail) >= LONG_TAIL):
            return head, tail
    return ()


THREE_PART_MIN = 5  # shortest part of a compound of three ("jongerenwerk" is no "jong", "eren", "werk")
# shortest problem word read as the last part of a compound with a short first part ("gokverslaving"); with a
# first part that is no known word it must be longer ("alcoholverslaving", but "Wittevrouwen" holds no "rouwen")
TAIL_MIN, LONG_TAIL = 6, 8
NO_COMPOUND_HEADS = frozenset("aan achter bij binnen buiten door mee neer onder over rond samen terug toe uit vast weg "
                              "ver ont her mis voor tegen".split())


def lemmas(text: str, drop_stopwords: bool = True) -> List[str]:
    """Lemmas of the words of ``text`` (stopwords removed by default)."""
    out = []
    for word in words(text):
        if drop_stopwords and word in STOPWORDS:
            continue
        base = lemma(word)
        if drop_stopwords and base in STOPWORDS:  # a form of a stopword: "zoekt", "wilde"
            continue
        out.append(base)
    return out


def stam(word: str, tables: Optional[WordTables] = None) -> str:
    """A rough stem of one simplified word, so verb forms meet: "verzuimt", "verzuimen" and
    "verzuim" give "verzuim"; "blowt"/"blowen" give "blow"; "pest"/"pesten" give "pest".

    The lemma table is followed until it stops changing (it maps "verzuimt" to "verzuimen" and
    "verzuimen" to "verzuim"), then an infinitive or plural "-en" is cut and a doubled final
    consonant undone ("zitten" -> "zit"). Used on both sides of phrase matching, never for ranking.
    """
    tables = tables or word_tables()
    return tables.remembered("stam", word, _stam)


def _stam(word: str, tables: WordTables) -> str:
    current = STRONG_FORMS.get(word) or _adjective_base(word, tables) or _verb_form(word, tables)
    for _ in range(3):
        following = lemma(current)
        if following == current:
            break
        current = following
    if len(current) > 5 and current.endswith("en") and current[-3] not in "aeiou":
        current = current[:-2]
        if len(current) >= 3 and current[-1] == current[-2] and current[-1] not in "aeiou":
            current = current[:-1]
        elif _OPEN_SYLLABLE.match(current):
            current = current[:-1] + current[-2:]  # "praten" -> "praat", as "praat" is written
        # a stem ends voiceless, as it is written: "blijven" -> "blijf" (as "blijft"), "lezen" -> "lees"
        current = current[:-1] + _DEVOICE.get(current[-1], current[-1])
    return current


_DEVOICE = {"v": "f", "z": "s"}
_VOICE = {"f": "v", "s": "z"}

# Past tenses and participles of strong and irregular Dutch verbs that the lemma table lacks ("zat", "vocht",
# "gestolen"), as "infinitive: forms". Forms that are also an everyday word of another meaning are left out
# ("reden", "geleden", "namen", "was", "gedragen" would read as gedrag).
_STRONG = """
zitten: zat zaten gezeten | vechten: vocht vochten gevochten | liegen: loog logen gelogen
stelen: stal gestolen | komen: kwam kwamen gekomen | eten: eet at aten gegeten | drinken: dronk gedronken
slaan: sloeg sloegen geslagen | sluiten: sloot gesloten | schelden: schold scholden gescholden
snijden: sneed sneden gesneden | vallen: viel vielen gevallen | gaan: ging gingen gegaan
breken: brak braken gebroken | schieten: schoot geschoten | steken: stak gestoken | bijten: beet gebeten
vinden: vond vonden gevonden | slapen: sliep sliepen geslapen | lopen: liep liepen gelopen
blijven: bleef bleven gebleven | houden: hield hielden gehouden | spreken: sprak spraken gesproken
nemen: nam genomen | geven: gaf gegeven | rijden: reed gereden | krijgen: kreeg kregen gekregen
beginnen: begon begonnen | springen: sprong sprongen gesprongen | vragen: vroeg vroegen
verdwijnen: verdween verdwenen | dwingen: dwong dwongen gedwongen | bedriegen: bedroog bedrogen
snuiven: snoof snoven gesnoven | kijken: keek keken gekeken | schrijven: schreef schreven geschreven
hangen: hing hingen gehangen | winnen: won wonnen gewonnen | verliezen: verloor verloren
sterven: stierf stierven gestorven | helpen: hielp hielpen geholpen | zwijgen: zweeg zwegen gezwegen
trekken: trok trokken getrokken | zoeken: zocht zochten gezocht | denken: dacht dachten gedacht
"""
STRONG_FORMS: Dict[str, str] = {form: infinitive.strip() for group in _STRONG.replace("\n", "|").split("|")
                                if ":" in group for infinitive, forms in [group.split(":")]
                                for form in forms.split()}


# A one-syllable stem whose single vowel was open before "-en" ("pra-ten", "sla-pen", "ro-ken") is written
# with a double vowel ("praat", "slaap", "rook"); "spijbel", "pest" and "huil" are not.
_OPEN_SYLLABLE = re.compile(r"^[^aeiouy]*[aeou][^aeiouy]$")


_OPEN_BEFORE_E = re.compile(r"^(.*[^aeiou])([aeou])([^aeiouy])e$")  # "suicidale": "suicidaal" with the -e


def _adjective_base(word: str, tables: WordTables) -> Optional[str]:
    """The problem word an inflected adjective the lemma table lacks is a form of ("zwakbegaafde" ->
    "zwakbegaafd", "suicidale" -> "suicidaal", "verslaafde" -> "verslaafd"); else None."""
    if not word.endswith("e") or len(word) < 6 or word in lemma_table() or word in tables.theme_words:
        return None
    candidates = [word[:-1]]
    match = _OPEN_BEFORE_E.match(word)
    if match:
        candidates.append(match.group(1) + match.group(2) * 2 + match.group(3))
    return next((c for c in candidates if c in tables.theme_words and c.endswith(ADJECTIVE_ENDINGS)), None)


# endings of Dutch adjectives (a noun such as "spraak" is no base of "sprake")
ADJECTIVE_ENDINGS = ("aal", "eel", "ief", "ig", "isch", "d", "t", "lijk", "baar", "loos", "zaam", "ant", "ent")


def _verb_form(word: str, tables: WordTables) -> str:
    """The infinitive of a verb form the lemma table lacks ("gamet" -> "gamen", "kraste" -> "krassen",
    "speelt" -> "spelen"), found by undoing the present -t or the past -de/-te/-den/-ten and checking the
    table; else ``word``."""
    # a problem word the table lacks is a verb form like any other ("blijft" of "blijft thuis" meets "bleef")
    if word in lemma_table() or word in known_lemmas() or len(word) < 5:
        return word
    stems = []
    for bare in (word, word[2:]) if word.startswith("ge") and len(word) > 6 else (word,):  # "getreiterd"
        for ending in ("den", "ten", "de", "te", "d", "t"):
            if bare.endswith(ending) and len(bare) - len(ending) >= 3:
                stems.append(bare[: -len(ending)])
        if bare != word and bare.endswith(("t", "d")):
            stems.append(bare)  # a stem that ends in t or d keeps it: "gecyberpest" -> "cyberpest"
    for base in stems:
        for candidate in _infinitives(base):
            if candidate in known_lemmas() or candidate in tables.theme_words:
                return candidate
    return word


_SHORT_STEM = re.compile(r"^[^aeiouy]*[aeiou][^aeiouyw]$")  # "stel", "zit", "pest" is no such stem
_LONG_VOWEL = re.compile(r"^(.*[^aeiou])([aeou])\2([^aeiouyw])$")  # "haak", "lees", "blijf" is no long vowel


def _infinitives(base: str) -> Tuple[str, ...]:
    """Infinitives a verb stem can belong to: "treiter" -> "treiteren", "zit" -> "zitten", "haak" -> "haken",
    "lees" -> "lezen", "blijf" -> "blijven" (the written stem ends voiceless, the infinitive may not)."""
    # a one-syllable stem with a short vowel doubles its consonant: "stelt" is of "stellen" ("stelen" is of "steelt")
    short_stem = bool(_SHORT_STEM.match(base))
    out = [base + "n"] + ([] if short_stem else [base + "en"]) + [base + base[-1:] + "en"]
    voiced = base[:-1] + _VOICE[base[-1]] if base[-1:] in _VOICE else None
    if voiced:
        out.append(voiced + "en")
    match = _LONG_VOWEL.match(base)
    if match:
        short = match.group(1) + match.group(2)
        out.append(short + match.group(3) + "en")
        if match.group(3) in _VOICE:
            out.append(short + _VOICE[match.group(3)] + "en")
    return tuple(out)


# Particles of Dutch separable verbs: "weglopen" is said "loopt weg", "ziekmelden" "meldt zich ziek",
# "afhaken" "haakt af". (over-, onder-, voor- mostly make inseparable verbs: "overlijden", "onderzoeken".)
# "in" is left out: "komt in de problemen" is no "inkomen".
SEPARABLE_PARTICLES = tuple(sorted(
    "af aan achter bij binnen buiten door los mee neer om op rond samen terug thuis toe uit vast weg ziek "
    "dicht kapot stuk".split(), key=len, reverse=True))


def split_separable(word: str) -> Optional[Tuple[str, str]]:
    """(verb, particle) of the infinitive of a separable verb ("weglopen" -> ("lopen", "weg"), "ziekmelden" ->
    ("melden", "ziek")): a known particle followed by a known infinitive (a word that is its own lemma); else
    None. A participle ("aangehouden", "teruggetrokken") is not split: its active form often means something
    else ("houdt zich aan de regels")."""
    if not word.endswith("en"):
        return None
    for particle in SEPARABLE_PARTICLES:
        rest = word[len(particle):]
        if word.startswith(particle) and len(rest) >= 5 and not rest.startswith("ge") and lemma_of(rest) == rest \
                and rest in known_lemmas():
            return rest, particle
    return None


FUZZY_MIN = 6  # shortest word whose typo is corrected


def correct_typo(word: str, tables: Optional[WordTables] = None) -> str:
    """The theme word an unknown word is one typo away from ("spijbeld" -> "spijbel", "depresief" -> "depressief"),
    only when exactly one theme word is that close); else ``word``. Known words are never changed."""
    tables = tables or word_tables()
    return tables.remembered("typo", word, _correct_typo)


def _correct_typo(word: str, tables: WordTables) -> str:
    # a verb form of a known verb is no typo ("speelt", not "steelt"), nor a plural of a known word ("meiden", not
    # "melden")
    if (len(word) < FUZZY_MIN or known(word, tables) or not word.isalpha() or split_compound(word, tables)
            or _verb_form(word, tables) != word or lemma(word) != word):
        return word
    close = {w for w in tables.theme_words if len(w) >= FUZZY_MIN and distance(word, w, 1) == 1}
    return close.pop() if len(close) == 1 else word


def stems(text: str, knowledge=None) -> List[str]:
    """Stems of all words (stopwords kept); a compound is followed by the stems of its parts and a
    typo of a theme word is read as that word (problem words of ``knowledge``, default the knowledge in use)."""
    tables = word_tables(knowledge)
    out = []
    for word in words(text):
        out.append(stam(correct_typo(word, tables), tables))
        out.extend(stam(part, tables) for part in split_compound(word, tables))
    return out


def stem_words(text: str, knowledge=None) -> List[int]:
    """For each stem of ``stems(text)``, the number of the word of ``words(text)`` it comes from (a compound gives
    its own stem and those of its parts)."""
    tables = word_tables(knowledge)
    out: List[int] = []
    for number, word in enumerate(words(text)):
        out.extend([number] * (1 + len(split_compound(word, tables))))
    return out


def head_stem(word: str, knowledge=None) -> str:
    """The stem of one word as written, without its compound parts ("goedenavond" -> "goedenavond", not "avond");
    remembered per word."""
    tables = word_tables(knowledge)
    return tables.remembered("head", word, lambda w, t: next(iter(stems(w, knowledge)), ""))


def lemma_string(text: str, knowledge=None) -> str:
    """' '-joined stems of all words (stopwords kept), padded with spaces for phrase matching."""
    return " " + " ".join(stems(text, knowledge)) + " "
