"""Cached masking of text and nested values for everything that is stored.

``bot.intake.deidentify.mask`` does the work (rules + deduce). A conversation repeats many texts
(fixed bot replies, a slot that holds the message just typed), so results are kept in an LRU
cache: a repeated text costs a dictionary lookup. The cache lives in memory only.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
from functools import lru_cache
from typing import Any, Callable, Container, FrozenSet, Iterable, Optional, Tuple

from bot.intake import deidentify
from bot.language import known_words

log = logging.getLogger(__name__)

CACHE_SIZE = 8192


@lru_cache(maxsize=CACHE_SIZE)
def _masked(text: str) -> Tuple[str, Tuple[Tuple[int, int, str], ...]]:
    """The masked text and its spans, computed once for both (a typed message is stored masked and its names
    are looked up for the replies: ``names_of``)."""
    result = deidentify.mask(text)
    return result.text, tuple(result.spans)


def clear_cache() -> None:
    _masked.cache_clear()


def mask_text(text: str) -> str:
    """``text`` with names, numbers, addresses ... replaced by labels like [NAAM]."""
    if not text or not any(ch.isalnum() for ch in text):
        return text
    return _masked(text)[0]


_WORD = re.compile(r"\w+")


def words_of(text: str) -> frozenset:
    """The lower-cased words of ``text`` (to tell what someone typed)."""
    return frozenset(w.lower() for w in _WORD.findall(text or ""))


def _spans(text: str) -> Tuple[Tuple[int, int, str], ...]:
    return _masked(text)[1]


def label_within(text: str, start: Any, end: Any) -> Optional[str]:
    """The label ("[ADRES]") of the masked span of ``text`` that overlaps ``text[start:end]``, else None.

    A piece of a message masked on its own can look harmless: "Huizerweg" alone is no address, "45" no house
    number. What the recogniser took out of a message (an entity) is masked by where it stood in the message.
    """
    if not isinstance(start, int) or not isinstance(end, int) or not text or start >= end:
        return None
    for span_start, span_end, label in _spans(text):
        if span_start < end and start < span_end:
            return deidentify.LABELS[label]
    return None


_NAMED = ("naam", "school", "organisatie")


def names_of(text: str) -> frozenset:
    """The lower-cased words that the masker takes for a name or a school's name in ``text`` ('kim', 'jansen' of
    "moeder kim jansen belt", 'jozefschool'; not 'stap' of "welke stap is dit"): what someone typed as a name."""
    if not text or not any(ch.isalnum() for ch in text):
        return frozenset()
    return deidentify.name_words(text, list(_spans(text)), labels=_NAMED)


def mask_reply(text: str, typed: Container[str]) -> str:
    """A reply of Rustpunt masked: every span as in ``mask_text``, except a name or school none of whose words the
    user typed as a name (``typed``: ``names_of`` the conversation's messages); and every word the user typed as a
    name, wherever the reply quotes it. Our own texts hold words the name finder takes for names ("Stap 1 van 6",
    "Kern:", "Mooi.", the children of a scenario) and schools of the sociale kaart ("Youké op het Elan college"):
    the user typing "stap" in "welke stap is dit" makes no name of it (user test: the history showed "[NAAM] 1 van
    6"), only a name someone typed can be a family's name."""
    if not text or not any(ch.isalnum() for ch in text):
        return text
    kept = [span for span in _spans(text)
            if span[2] not in _NAMED or any(word in typed for word in words_of(text[span[0]:span[1]]))]
    quoted = [(found.start(), found.end(), "naam") for found in _WORD.finditer(text)
              if found.group().lower() in typed and not _overlaps(found.start(), found.end(), kept)]
    quoted += deidentify.surnames_after(text, quoted)  # "Genoteerd: [NAAM] wassenbergh" (session 24)
    return deidentify.replace_spans(text, deidentify.merge_spans(kept + quoted))


def mask_known(text: str, names: Container[str]) -> str:
    """``text`` masked as by ``mask_text``, and every word of ``names`` (a name masked in an earlier message of the
    conversation: ``ConversationNames``) wherever it stands: "ja ze schreeuwen veel waar marijke bij is" after
    "haar dochter marijke (11)"."""
    if not text or not any(ch.isalnum() for ch in text):
        return text
    if " " not in text and _ID_LIKE.fullmatch(text) and not (text.isalpha() and text.lower() in names):
        return mask_text(text)  # an id or code ('ruzie-om-geld') keeps its words
    kept = list(_spans(text))
    known = [(found.start(), found.end(), "naam") for found in _WORD.finditer(text)
             if found.group().lower() in names and not _overlaps(found.start(), found.end(), kept)]
    if not known:
        return _masked(text)[0]
    known += deidentify.surnames_after(text, known + kept)  # a surname after a name of an earlier message
    return deidentify.replace_spans(text, deidentify.merge_spans(kept + known))


# --------------------------------------------------------------------------- names of a conversation
# A name masked once is masked in every later message of the conversation (a privacy officer: "haar dochter marijke
# (11)" was masked, "bsn van marijke weet ze niet" two answers later was stored readable; earlier messages come back
# from Rasa's store masked, so the name is gone by then). The names are kept per conversation as keyed hashes (HMAC-
# SHA256 with a key derived from the key file, ``bot.privacy.crypto``; never the plain name) in a record of
# NAMES_KIND with the conversation's id: Rasa's tracker store adds the names of each message it saves, and every
# record stored with that conversation id (role-play, plan, intake summary, call-back) and every later event of the
# tracker is masked with them. 'vergeet' and the retention period remove them with the conversation's records.
NAMES_KIND = "gemaskeerde_namen"
_NAMES_PURPOSE = "rustpunt-gemaskeerde-namen"


def name_digest(word: str) -> str:
    """The keyed hash of a name (lower-cased)."""
    from bot.privacy.crypto import derived_key  # lazy: the key file is read once, on first use

    return hmac.new(derived_key(_NAMES_PURPOSE), word.lower().encode("utf-8"), hashlib.sha256).hexdigest()[:32]


class ConversationNames:
    """The names of a conversation: ``plain`` (typed in the messages at hand, in memory only) and ``digests`` (keyed
    hashes of those of earlier messages). ``word in names`` tells whether a lower-cased word is one of them."""

    def __init__(self, plain: Iterable[str] = (), digests: Iterable[str] = ()) -> None:
        self.plain = frozenset(plain)
        self.digests = frozenset(digests)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self.plain or bool(self.digests) and name_digest(word) in self.digests

    def __bool__(self) -> bool:
        return bool(self.plain or self.digests)


def known_names(conversation_id: Optional[str]) -> FrozenSet[str]:
    """The keyed hashes of the names masked in the conversation so far (empty without an id)."""
    if not conversation_id:
        return frozenset()
    from bot.records import list_records  # lazy: bot.records imports bot.privacy

    found: set = set()
    for row in list_records(NAMES_KIND, conversation_id=str(conversation_id)):
        found |= set((row.data or {}).get("sleutelhashes") or [])
    return frozenset(found)


def remember_names(conversation_id: Optional[str], names: Iterable[str]) -> FrozenSet[str]:
    """Add ``names`` (lower-cased words) to the conversation's names; returns all its keyed hashes."""
    known = known_names(conversation_id)
    new = {name_digest(name) for name in names} - known
    if not conversation_id or not new:
        return known
    from bot.records import add_record, list_records, update_record

    rows = list_records(NAMES_KIND, conversation_id=str(conversation_id), limit=1)
    digests = sorted(known | new)
    if rows:
        update_record(NAMES_KIND, rows[0].pk, data={"sleutelhashes": digests})
    else:
        add_record(NAMES_KIND, {"sleutelhashes": digests}, conversation_id=str(conversation_id))
    return frozenset(digests)


_ID_LIKE = re.compile(r"[\w.]+(?:[-_:][\w.]+)*")  # ids and codes in a record ('ruzie-om-geld', 'stap_2'): never names

# The role-play page's field "Je naam of code" is the professional's own pseudonym for the trainer, not family data: it
# is kept as typed (trimmed, at most 40 characters: ``bot.web.metadata``), never masked and never taken for a name of
# the conversation (a trainer saw four trainees 'fatima', 'piotr', 'karim' and 'sanne' as one "[NAAM]"). What a
# trainee types in the role-play is still masked.
OWN_PSEUDONYM_KEYS = frozenset({"deelnemer"})


def mask_known_value(value: Any, conversation_id: Optional[str]) -> Any:
    """``value`` (a record's data) with every name of the conversation masked in its strings (``mask_known``;
    strings that look like an id or code, without a space, only when they are a name themselves)."""
    digests = known_names(conversation_id)
    if not digests:
        return value
    names = ConversationNames(digests=digests)

    def mask_names(text: str) -> str:
        if " " not in text and _ID_LIKE.fullmatch(text) and not (text.isalpha() and text.lower() in names):
            return text
        return _known_only(text, names)

    return mask_value(value, skip_keys=OWN_PSEUDONYM_KEYS, mask=mask_names)


def _known_only(text: str, names: Container[str]) -> str:
    """``text`` with only the words of ``names`` masked (what was stored was masked already when it was made)."""
    known = [(found.start(), found.end(), "naam") for found in _WORD.finditer(text) if found.group().lower() in names]
    return deidentify.replace_spans(text, deidentify.merge_spans(known)) if known else text


def _overlaps(start: int, end: int, spans: Iterable[Tuple[int, int, str]]) -> bool:
    return any(span_start < end and start < span_end for span_start, span_end, _ in spans)


def mask_value(value: Any, skip_keys: Iterable[str] = (), mask: Callable[[str], str] = mask_text) -> Any:
    """Mask every string in ``value`` (str, list, tuple, dict; other types unchanged) with ``mask``.
    Dict keys listed in ``skip_keys`` keep their value as it is (ids, names of intents ...)."""
    skip = frozenset(skip_keys)
    return _mask(value, skip, mask)


def _mask(value: Any, skip: frozenset, mask: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list):
        return [_mask(item, skip, mask) for item in value]
    if isinstance(value, tuple):
        return tuple(_mask(item, skip, mask) for item in value)
    if isinstance(value, dict):
        return {key: (item if key in skip else _mask(item, skip, mask)) for key, item in value.items()}
    return value


def warm_up() -> None:
    """Load the masker (first names, deduce) now, so the first reply is not slow.
    Call this where a server process starts."""
    deidentify.first_names()
    known_words()  # the Dutch words that are no school's name ("zit op de bank")
    deidentify.deduce_model()
    deidentify.mask("Sanne de Vries woont op de Dorpsstraat 12 in 1234 AB Utrecht.")
    deidentify.mask("moeder kim jansen belt, haar zoon zit op obs de regenboog")  # the lists for lower case
    # OpenTaal's word list (hunspell), the kaart's places and services
    deidentify.mask("karin brinkhorst woont in Naarden op de kolibriestraat, bij kinderdagverblijf het zonnetje")
    log.info("Masker loaded.")
