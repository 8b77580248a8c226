"""Cheap checks that a text is a usable Dutch sentence before we classify it."""
from __future__ import annotations

import re
from typing import List, Optional

MIN_WORDS = 3
MAX_CHARS = 1000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

DUTCH = frozenset(
    """ik je jij jou jouw u uw hij zij ze we wij ons onze mij me mijn hem haar hun jullie het de een en
    niet niks niets geen wel dat die dit deze wat wie waar waarom hoe is ben bent zijn was waren heb hebt
    heeft hebben kan kun kunnen moet moeten wil wilt willen zal zou zullen ga gaat gaan doe doet doen
    van voor met naar op aan in uit bij om te tot over ook maar nog al dan als of want omdat er hier daar
    altijd nooit meer veel zo toch even gewoon echt zelf alles iets iemand niemand graag kinderen kind
    vader moeder papa mama school ouders""".split()
)
# Function words never quoted as "woordkeus" evidence.
STOPWORDS = frozenset(
    """de het een en of maar dat die dit deze er te van voor met naar op aan in uit bij om tot over ook
    nog al dan als want is zijn was ben bent hij zij ze we wij ik je jij u het hem haar mij me ons""".split()
)

ENGLISH = frozenset(
    """the a an and or not is are was were be been i you he she we they it my your his her our their
    this that these those what who where why how do does did have has had can could will would should
    with for from to of in on at by about just very always never me him them us please help""".split()
)


def words(text: str) -> List[str]:
    return [w.lower() for w in _WORD.findall(text)]


def unusable_reason(text: Optional[str]) -> Optional[str]:
    """A Dutch reason why ``text`` cannot be analysed, or None when it looks like a Dutch sentence."""
    if text is None or not text.strip():
        return "Er is geen zin om te analyseren. Typ of plak een zin die iemand zei."
    if len(text) > MAX_CHARS:
        return f"De tekst is te lang (meer dan {MAX_CHARS} tekens). Plak één zin of een korte uitspraak."
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return "De zin is te kort om een rol in te herkennen. Geef de hele uitspraak, met minstens drie woorden."
    dutch = sum(1 for w in tokens if w in DUTCH)
    english = sum(1 for w in tokens if w in ENGLISH)
    if english > dutch or dutch / len(tokens) < 0.15:
        return "Dit lijkt geen Nederlandse zin. Ik herken alleen rollen in Nederlandse zinnen."
    return None
