"""The one "is this Dutch?" check: frequent function words, counted, for a whole sentence.

Cheap and explainable. Words that are both Dutch and English ("in", "is", "we", "me") count for
both. Used before the step and role recognisers judge a sentence; each capability words its own
Dutch reason around ``looks_dutch``. ``looks_like_key_mashing`` tells letters typed at random
("asdfghjkl", "hjkl") from words: a short answer of one such "word" passes ``looks_dutch``.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import threading
from collections import Counter
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Tuple

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

DUTCH_WORDS = frozenset(
    """de het een en van ik je jij jou jouw u uw we wij jullie hij zij ze is zijn was waren wat wie hoe
    waar waarom dat die dit deze niet niks niets geen met voor op aan bij naar om te tot in uit over er
    hier daar ook maar als dan nog al wel heel toch even zo of want omdat mij me mijn hem haar hun ons
    onze kan kun kunt kunnen wil wilt willen zal zou zullen moet moeten mag heb hebt heeft hebben had
    hoor zeg ga gaat gaan doe doet doen ben bent word wordt nou altijd nooit meer veel gewoon echt zelf
    alles iets iemand niemand graag kinderen kind vader moeder papa mama school ouders""".split()
)
ENGLISH_WORDS = frozenset(
    """the a an and or of to you your he she it we they i is are was were be been what who where why
    how that this these those not no with for on at by from in there also but if then still very just
    so my me him his her our their them us can could would should will have has had do does did about
    always never please help drop table select delete insert union""".split()
)
MAX_WORDS_WITHOUT_FUNCTION_WORD = 5

# Words that carry no meaning of their own: a recogniser never shows them as the evidence for what it read (the step
# reader's "Herkend aan", the role reader's "woordkeus"). Articles, pronouns, prepositions, conjunctions, the forms of
# auxiliary, modal and light verbs, and particles and fillers ("gewoon", "toch", "zo", "net", "helemaal"). A word and
# its lemma are both looked up, so "heb" and "neem" count through "hebben" and "nemen". Not here: words that do carry
# a stance, such as "altijd", "nooit", "schuld" or "erger".
FUNCTION_WORDS = frozenset(
    """de het een 't der des ik je jij jou jouw u uw we wij ons onze jullie hij hem zijn zij ze haar hun hen men
    mij me mijn m'n zich zichzelf mezelf jezelf uzelf elkaar die dat dit deze wie wat welke welk waar wanneer hoe
    waarom waarvan waarover waarmee er hier daar ergens overal erbij ermee ervan erover erin eruit daarom daarna
    te van voor met naar op aan bij om tot over in uit door tegen tussen onder boven achter naast zonder sinds na
    vanaf via per binnen buiten langs rond toe mee af
    en of maar want dus als dan omdat toen terwijl zodat hoewel noch zowel
    zijn ben bent is was waren geweest wezen hebben heb hebt heeft had hadden gehad worden word wordt werd werden
    geworden zullen zal zult zou zouden kunnen kan kun kunt kon konden gekund moeten moet moest moesten mogen mag
    mocht mochten willen wil wilt wou wilde wilden gewild gaan ga gaat ging gingen gegaan doen doe doet deed deden
    gedaan laten laat liet lieten komen kom komt kwam kwamen gekomen zitten zit zat zaten staan sta staat stond
    stonden liggen lig ligt lag lagen krijgen krijg krijgt kreeg kregen nemen neem neemt nam namen genomen geven
    geef geeft gaf gaven gegeven maken maak maakt maakte maakten gemaakt houden hou houd houdt hield zeggen zeg
    zegt zei zeiden gezegd weten weet wist wisten vinden vind vindt vond vonden denken denk denkt dacht zien zie
    ziet zag zagen gezien horen hoor hoort hoorde
    niet geen wel ook nog al toch maar even eens nou nu zo net gewoon echt helemaal heel erg best zeer zelfs
    alleen steeds weer eigenlijk misschien natuurlijk ja nee hè joh hoor zeker juist eventjes soms vaak dan
    iets niets niks alles allemaal iemand niemand iedereen elk elke ieder iedere veel weinig meer minder meest
    beetje keer één twee drie vier vijf allebei beide beiden""".split()
)
# Words that name who or what a conversation is about (the other parent, the child, a lawyer, a day, a place): they
# tell the topic, never the move or the role, so a recogniser never shows them alone as its evidence either (a user
# test: "Herkend aan: advocaat", "Herkend aan: ex."). A feature with another word beside them ("ex helpen") can show.
TOPIC_WORDS = frozenset(
    """ex exen exman exvrouw expartner partner vader vaders moeder moeders papa mama pa ma ouder ouders kind kinderen
    kids zoon zoons dochter dochters jongen jongens meisje meisjes broer broertje zus zusje oma opa familie baby
    advocaat advocaten rechter rechtbank rechtszaak school juf meester leraar leerkracht mentor huisarts dokter
    politie buurtteam jeugdteam gemeente week weken weekend weekenden maandag dinsdag woensdag donderdag vrijdag
    zaterdag zondag dag dagen vandaag morgen gisteren avond ochtend middag nacht jaar jaren maand maanden uur tijd
    thuis huis auto telefoon app bericht berichtje berichten mail geld vakantie kerst verjaardag
    zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien""".split()
)

# Common Dutch words that spaCy's lemma table (``known_words``) lacks: words without inflected forms ("samen", "eerst",
# "thuis", "sowieso"), inflected adjectives ("andere", "nieuwe"), days, and words of family life, school and leisure
# ("voetbal", "gamen", "appje", "ouderschapsplan"). Found in a general way: the words of the recognisers' example
# sentences (knowledge/*/voorbeelden*.yml) that occur at least three times, are never written with a capital inside a
# sentence (no names) and are in OpenTaal's word list (``opentaal_knows``), plus the same check on a list of everyday
# words; tests/test_roles_s29.py checks every word against OpenTaal.
COMMON_WORDS = frozenset(
    """
    aangevallen ach afgelopen afspraken alimentatie alle allen alsjeblieft alsof alvast ander andere anderen
    anders app appen appgroep appje appjes appt avondeten beginnen begint begon beneden beste beter bijna blijf
    blijft bonusmoeder bonusvader daarin daarmee daarvoor dank dankjewel derde dinsdag doel donderdag doordat
    doorheen duidelijkheid durf eenmaal eerst eerste eh ene enige erger erkend ernaar gamen gebeurt gebruikt
    gedacht gedrag gehouden geleden gelezen gelukt gemaild gemerkt gemis genoeg gescheiden geschreeuw gevoel
    gezinnen gisteren goede goedemiddag goedemorgen grens grootouders grootste grote gym hele help hierin
    hierover hiervan ho hockey hoi huisarts hulpverlening ideeën inderdaad ineens inzet jeetje judo ken kent
    kerst kids kiest kleine koers komende kwijt kwijtraak laatst laatste lange langer las last later lees leest
    leg let liefst liever luister maandag maanden mediator mensen meteen misging mist mooie naartoe nergens
    netjes nieuwe nogal oké omheen ooit opnieuw opvang oude ouderschap ouderschapsplan overleg papieren partner
    past playstation red regels reken samen schaam schoolplein schrik scouting slechte snapchat sowieso speelt
    spijt straks tegelijk tegenover teleurgesteld telkens tennis terug terugkijkt tevoren thuis tja tussendoor
    twaalf tweede uitspraak vaker vandaag vanmiddag vanochtend vanuit vanzelf vaste vecht verder verdriet
    vertelt vertrouw verwijt viel voetbal volgende volgens volwassenen vooraf vooral voordat voorop voortaan
    vrienden vrijdag waard waarin waarop wacht war welzijn werkt werkte whatsapp wijkteam woensdag woorden zaken
    zaterdag zoals zodra zoek zolang zomaar zondag zul zware""".split()
)


def says_something(feature: str) -> bool:
    """A recogniser's feature (a word or lemma n-gram) that may be shown as evidence: at least one of its words is
    neither a function word nor a topic word (``FUNCTION_WORDS``, ``TOPIC_WORDS``)."""
    return any(word not in FUNCTION_WORDS and word not in TOPIC_WORDS for word in feature.lower().split())


def words(text: str) -> List[str]:
    """Lower-case words of letters only (digits and punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text or "")]


# Markup and injection strings typed or pasted around a question ("<script>alert(1)</script> zoon 14 spijbelt
# huizen", "'; DROP TABLE records; -- kind 8 gepest laren", "{{7*7}} ${jndi:x} welke stap is dit: ..."): no words of
# the message (a user test got "Rustpunt werkt in het Nederlands" for both). A script or style element goes with its
# content, any other tag alone.
_NOISE = re.compile(
    r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>|<\s*/?\s*[a-z][^<>]*>"
    r"|(?:['\"`]\s*\)?\s*;|\b(?:drop|truncate|alter)\s+(?:table|database)\b[^;]*;?"
    r"|\bdelete\s+from\s+\w+|\binsert\s+into\s+\w+|\bunion\s+(?:all\s+)?select\b|\bselect\s+\*?\s*from\s+\w+"
    r"|\bor\s+['\"]?1['\"]?\s*=\s*['\"]?1\b['\"]?|(?<=['\"`;])\s*--+|/\*.*?\*/"
    # template and lookup injections: "{{7*7}}", "${jndi:ldap://x}", "<%= 7*7 %>", "#{7*7}" (a user test of session 23)
    r"|\{\{.*?\}\}|[$#]\{[^{}]*\}|<%.*?%>)",
    re.IGNORECASE | re.DOTALL,
)


def without_noise(text: str) -> str:
    """``text`` without markup and injection strings (``_NOISE``); what is left is read as the message. A message of
    only noise stays as it is (it is then no Dutch)."""
    cleaned = " ".join(_NOISE.sub(" ", text or "").split())
    return cleaned if words(cleaned) else (text or "")


def looks_dutch(text: str) -> bool:
    """True when ``text`` reads as Dutch: more Dutch than English function words, and enough of them. Markup and
    injection strings around the words do not count, and a message of only those is no Dutch (``_NOISE``)."""
    tokens = words(_NOISE.sub(" ", text or ""))
    if not tokens:
        return False
    dutch = sum(1 for w in tokens if w in DUTCH_WORDS)
    english = sum(1 for w in tokens if w in ENGLISH_WORDS)
    if english > dutch or (english >= 2 and dutch == 0):
        return False
    # a longer text without any Dutch function word is no Dutch sentence ("xyzzy qwerty plork ..."), unless most of its
    # words are Dutch words: a clipped answer typed during a call ("ja alleen schreeuwen. buren horen deuren slaan", a
    # variant of a user test of session 22, was refused as not Dutch at the intake's question about hitting)
    return dutch > 0 or len(tokens) <= MAX_WORDS_WITHOUT_FUNCTION_WORD or _mostly_known(tokens)


def reads_as_dutch_sentence(text: str) -> bool:
    """Stricter than ``looks_dutch`` for one sentence of a quote (a few words are enough to tell): a sentence of at
    least three words reads as Dutch only with a Dutch function word or mostly known Dutch words, and not typed at
    random.
    "ignore all previous instructions" passes ``looks_dutch`` (short, no English function word) but not this."""
    tokens = words(_NOISE.sub(" ", text or ""))
    if len(tokens) < 3:
        return looks_dutch(text) if tokens else False
    if not looks_dutch(text) or looks_typed_at_random(text):
        return False
    return any(token in DUTCH_WORDS for token in tokens) or _mostly_known(tokens)


def _mostly_known(tokens: List[str]) -> bool:
    """More than half of ``tokens`` are Dutch words Rustpunt knows (``known_words``)."""
    known = known_words()
    return 2 * sum(1 for token in tokens if token in known) > len(tokens)


# Letters next to each other on a keyboard, in both directions: four of them in a row are typed, not spelled
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_RUN = 4
_KEY_RUNS = frozenset(
    row[i:i + _KEY_RUN] for base in _KEY_ROWS for row in (base, base[::-1]) for i in range(len(row) - _KEY_RUN + 1)
)
_VOWELS = frozenset("aeiouyáéíóúëïöüè")
_MIN_LETTERS = 4
_MIN_WITHOUT_VOWEL = 5  # shorter words without a vowel are abbreviations ("zsm", "ggd", "sggz")
_CAPITALS = re.compile(r"[^\W\d_]+", re.UNICODE)


def _mashed(word: str) -> bool:
    """One word that is no word: four keyboard neighbours in a row ("asdf"), five letters or more without a vowel
    ("sdfgh") or one letter four times ("aaaa")."""
    if len(word) < _MIN_LETTERS:
        return False
    return (any(word[i:i + _KEY_RUN] in _KEY_RUNS for i in range(len(word) - _KEY_RUN + 1))
            or (len(word) >= _MIN_WITHOUT_VOWEL and not any(letter in _VOWELS for letter in word))
            or any(word[i] * _KEY_RUN == word[i:i + _KEY_RUN] for i in range(len(word) - _KEY_RUN + 1)))


def looks_like_key_mashing(text: str) -> bool:
    """True when every longer word of ``text`` is letters typed at random ("asdfghjkl", "qwerty hjkl"). A word in
    capitals is an abbreviation ("DJGB", "GGDGV"), not mashing."""
    long_words = [word.lower() for word in _CAPITALS.findall(text or "")
                  if len(word) >= _MIN_LETTERS and not word.isupper()]
    return bool(long_words) and all(_mashed(word) for word in long_words)


NO_WORDS = "geen_woorden"
KEY_MASHING = "onleesbaar"
NOT_DUTCH = "niet_nederlands"
MARKUP = "opmaak"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]", re.UNICODE)
# an HTML/XML tag ("<script>", "</b>", "<img src=x>"): pasted code or a test of the page, never what a caller said
_TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9-]*(?:\s[^<>]*)?/?\s*>", re.IGNORECASE)


def unreadable(text: Optional[str]) -> Optional[str]:
    """Why a typed answer cannot be noted: no letter or digit at all ("😭😭😭", "!!!", a zero-width space), letters
    typed at random ("asdfghjkl"), markup ("<script>alert(1)</script>") or not Dutch ("Hi, I have a mother on the
    phone"); None when it can ("ja 👍", "12", "zoon < 12"). Used for the
    answers of the call-back form and of the intake (user tests: an emoji was stored as who calls back, and as the
    answer to the intake's safety question "is er iemand in direct gevaar?")."""
    text = text or ""
    if not _LETTER_OR_DIGIT.search(text):
        return NO_WORDS
    if looks_like_key_mashing(text):
        return KEY_MASHING
    if _TAG.search(text):
        return MARKUP
    return None if not words(text) or looks_dutch(text) else NOT_DUTCH  # digits alone ("14:00", "12") are fine


@lru_cache(maxsize=1)
def known_words() -> FrozenSet[str]:
    """The Dutch words Rustpunt knows: function words and spaCy's Dutch lemma table (``bot.lemmas``), its forms and its
    lemmas (about 320,000 lower-case words; many compounds and loan words are missing: 'huisarts', 'opvang'), and the
    ``COMMON_WORDS`` the table lacks ("samen", "voetbal")."""
    from bot.lemmas import lemma_table

    table = lemma_table()
    return frozenset(table) | frozenset(table.values()) | DUTCH_WORDS | FUNCTION_WORDS | COMMON_WORDS


@lru_cache(maxsize=1)
def _lexicon() -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """The Dutch words Rustpunt knows (``known_words``), and the three-letter sequences those words have (with ``^`` and
    ``$`` at the edges), each at least ``_MIN_SEQUENCE`` times."""
    known = known_words()
    counts: Counter = Counter()
    for word in known:
        counts.update(_sequences(word))
    return known, frozenset(seq for seq, n in counts.items() if n >= _MIN_SEQUENCE)


_MIN_SEQUENCE = 3
_MIN_RANDOM_LETTERS = 3


def _sequences(word: str) -> List[str]:
    edged = f"^{word}$"
    return [edged[i:i + 3] for i in range(len(edged) - 2)]


def looks_typed_at_random(text: str) -> bool:
    """True when no word of ``text`` is a Dutch word and each has letters in an order no Dutch word has ("asdkjh qwe",
    "sdfsdf"), or when ``looks_like_key_mashing``. A user test: "asdkjh qwe" was played as a turn in the role-play.
    A word with a capital is a name ("Yusuf") and "inhoud", "luister" or "jeetje" are words, even when the lemma table
    lacks them: their letters come in Dutch orders."""
    if looks_like_key_mashing(text):
        return True
    found = _CAPITALS.findall(text or "")
    if not found or any(word[:1].isupper() for word in found):
        return False
    lowered = [word.lower() for word in found if len(word) >= _MIN_RANDOM_LETTERS]  # not "eh" or "xd"
    if not lowered or any(word in DUTCH_WORDS or word in FUNCTION_WORDS for word in lowered):
        return False  # most turns: decided without reading the lemma table
    known, sequences = _lexicon()
    return all(word not in known and any(seq not in sequences for seq in _sequences(word)) for word in lowered)


# --------------------------------------------------------------------------- OpenTaal's spelling list
# The lemma table lacks many compounds, loan words and verb forms ('schoolverzuim', 'gamet', 'verkouden'), so "not in
# ``known_words``" is too weak a test for "no Dutch word" where that decides that a word is a name ("jildou brinkhorst
# heeft tourette", "op de kolibriestraat"). OpenTaal's word list (Debian's hunspell-nl, the same dictionary as the
# spelling test and voornamen_ook_woord_opentaal.txt) knows them, compounds included: one hunspell process per process,
# asked in its pipe mode ("-a") only about words the lemma table lacks, each answer cached.
HUNSPELL_DICTIONARY = "nl_NL"
_HUNSPELL_DIR = "/usr/share/hunspell"
_hunspell_lock = threading.Lock()
_hunspell_state: Dict[str, Any] = {}


def _hunspell() -> Optional[subprocess.Popen]:
    """The running hunspell process (started on first use), or None when hunspell or its Dutch dictionary is
    missing (scripts/install_hunspell.sh installs both; scripts/run.sh and scripts/test.sh call it)."""
    if "process" not in _hunspell_state:
        process = None
        binary = shutil.which("hunspell")
        if binary and os.path.isfile(os.path.join(_HUNSPELL_DIR, HUNSPELL_DICTIONARY + ".dic")):
            try:
                process = subprocess.Popen(  # noqa: S603 - a fixed command, no shell
                    [binary, "-d", HUNSPELL_DICTIONARY, "-i", "utf-8", "-a"], stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1)
                process.stdout.readline()  # type: ignore[union-attr]  # the version banner
            except OSError:
                process = None
        if process is None:
            log.warning("hunspell with the Dutch dictionary is missing: the masker reads fewer surnames and streets "
                        "(install it with scripts/install_hunspell.sh)")
        _hunspell_state["process"] = process
    return _hunspell_state["process"]


def opentaal_available() -> bool:
    """Whether OpenTaal's word list can be asked (hunspell and hunspell-nl are installed)."""
    with _hunspell_lock:
        return _hunspell() is not None


@lru_cache(maxsize=65536)
def opentaal_knows(word: str) -> Optional[bool]:
    """Whether OpenTaal's word list accepts ``word`` (lower case, as a word on its own; compounds and inflected forms
    too), None when hunspell is missing. Words of ``known_words`` are known without asking."""
    word = word.strip().lower()
    if not word or word in known_words():
        return True
    if not _LETTERS_ONLY.fullmatch(word):
        return None
    with _hunspell_lock:
        process = _hunspell()
        if process is None:
            return None
        try:
            process.stdin.write("^" + word + "\n")  # type: ignore[union-attr]  # '^': the line is text, no command
            process.stdin.flush()  # type: ignore[union-attr]
            answers = []
            while True:
                line = process.stdout.readline()  # type: ignore[union-attr]
                if not line:
                    raise OSError("hunspell stopped")
                if not line.strip():
                    break
                answers.append(line)
        except (OSError, ValueError):
            log.warning("hunspell stopped answering; the masker reads fewer surnames and streets")
            _hunspell_state["process"] = None
            return None
    return bool(answers) and all(answer[:1] in "*+-" for answer in answers)


_LETTERS_ONLY = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
