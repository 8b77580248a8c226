"""What the persona's last line invites: the line split into sentences (also a quoted meeting line), each read
with the cue lists, the last sentence first; a question's invitation apart from the whole line's; and whether
the line shows a feeling or tells an event. Also the ``Context`` a turn is read in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from bot.roleplay.context_rules.line_cues import ACCEPTS, FEELING, HOPE, INVITATIONS, MUST_ACCEPT
from bot.roleplay.learned_invitation import learned_invitation

# a sentence ends at . ! ? or … (also inside a quote: "Moeder: 'Wie heeft er gelijk?' Dochter: 'Zij!'")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['’\"”])\s+")
# a speaker's name before a quoted line ("Moeder: '", "Dochter (zachter): '") and the closing quote
_SPEAKER = re.compile(r"^\s*[A-ZÀ-Ý][^:.!?'\"‘’“”]{0,30}:\s*['‘’\"“]")
_CLOSING_QUOTE = re.compile(r"['’\"”]+\s*$")


@dataclass(frozen=True)
class Context:
    """What came before a turn: the persona's last line and the moves read so far."""

    last_line: str = ""
    used: Tuple[str, ...] = ()

    @classmethod
    def of(cls, last_line: Optional[str], used: Sequence[str]) -> "Context":
        return cls(last_line=last_line or "", used=tuple(used))


def _sentence_invitation(sentence: str) -> Optional[str]:
    """What one sentence invites. An outburst ("!") that only tells what happened, or has no other
    cue, asks for an acknowledgement first. Having to live with it ("Dus u zegt dat ik het moet accepteren?")
    is realiteit before any other cue."""
    outburst = _CLOSING_QUOTE.sub("", sentence).rstrip().endswith("!")
    if MUST_ACCEPT.search(sentence):
        return "realiteit"
    for move, pattern in INVITATIONS:
        if pattern.search(sentence):
            return "erkennen" if outburst and move == "dynamiek" else move
    return "erkennen" if outburst else None


def sentences(line: str) -> List[str]:
    """The line's sentences without a speaker's name and quotes around them (the multi-speaker lines of a
    meeting), so a quoted question still reads as a question and a cue at its start still matches."""
    parts = (_CLOSING_QUOTE.sub("", _SPEAKER.sub("", s)) for s in _SENTENCE.split(line.strip()))
    return [s for s in parts if s]


def asks(sentence: str) -> bool:
    """The sentence (or the line) is a question, also when a quote closes it."""
    return _CLOSING_QUOTE.sub("", sentence).rstrip().endswith("?")


def _reads(sentence: str, context: Context) -> Optional[str]:
    """What one sentence of the line invites; a reality the persona states and accepts invites options."""
    move = _sentence_invitation(sentence)
    if (move == "realiteit" and not asks(sentence) and not HOPE.search(sentence)
            and (ACCEPTS.search(context.last_line) or "realiteit" in context.used)):
        return "opties"
    return move


def shows_feeling(line: str) -> bool:
    """Some sentence of the line shows a feeling or is an outburst (not only its last one)."""
    return any(_sentence_invitation(sentence) == "erkennen" or FEELING.search(sentence)
               for sentence in sentences(line))


def invitation(context: Context) -> Optional[str]:
    """The move the persona's last line invites: the rules (``rule_invitation``), else the learned fallback."""
    move = rule_invitation(context)
    # -- learned fallback (bot.roleplay.learned_invitation): only where the rules find nothing; a step, p >= 0.5 --
    return move if move is not None else learned_invitation(context.last_line)


def rule_invitation(context: Context) -> Optional[str]:
    """The move the rules read in the persona's last line (its last sentence first), or None."""
    for sentence in reversed(sentences(context.last_line)):
        move = _reads(sentence, context)
        if move:
            return move
    return None


def question_invitation(context: Context) -> Tuple[Optional[str], str]:
    """What the line's last question with a cue invites, and that question; else the whole line's invitation."""
    for sentence in reversed(sentences(context.last_line)):
        if asks(sentence):
            move = _reads(sentence, context)
            if move:
                return move, sentence
    return invitation(context), context.last_line


def feels(context: Context) -> bool:
    """The line invites an acknowledgement because the persona names a feeling (not only an outburst)."""
    return invitation(context) == "erkennen" and any(FEELING.search(s) for s in sentences(context.last_line))


def tells_event(line: str) -> bool:
    """Some sentence of the line tells what happened (also one that ends in an outburst)."""
    return any(pattern.search(sentence) for sentence in sentences(line)
               for move, pattern in INVITATIONS if move == "dynamiek")
