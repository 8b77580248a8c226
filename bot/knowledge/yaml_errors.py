"""A YAML syntax error in Dutch, with line and column: the one place that reads PyYAML's English problems.

PyYAML raises English problems ("could not find expected ':'", "mapping values are not allowed here"); the C
reader (libyaml) and the pure-Python reader word them differently. ``yaml_error_text`` matches on the stable part
of both wordings and picks the Dutch explanation from ``bot.knowledge.yaml_messages``. Where the error is noticed
is not always where it is made: for a missing colon and an unclosed quote the line where the key or the quote
began is named. An unknown problem gets a general Dutch explanation; the English text never reaches a trainer.
Used by the knowledge loader (``rustpunt kennis controleer``, ``rustpunt scenario controleer``, 'herlaad de
kennis' in the chat), the held-out evaluation sets and the tracker-store configuration.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Tuple

import yaml

from bot.knowledge import yaml_messages as dutch

# (part of PyYAML's problem text, in either reader's wording) -> Dutch explanation. The first match wins.
EXPLANATIONS: Tuple[Tuple[str, str], ...] = (
    ("could not find expected ':'", dutch.MISSING_COLON),
    ("mapping values are not allowed", dutch.UNEXPECTED_COLON),
    ("sequence entries are not allowed", dutch.UNEXPECTED_DASH),
    ("mapping keys are not allowed", dutch.QUESTION_MARK),
    ("expected '-' indicator", dutch.INDENT),
    ("expected <block end>, but found '<block mapping start>'", dutch.INDENT),
    ("expected key", dutch.NEW_FIELD),
    ("expected <block end>", dutch.NEW_FIELD),
    ("unknown escape character", dutch.BACKSLASH),
    ("undefined alias", dutch.STAR),
    ("alphabetic or numeric character", dutch.STAR_OR_AMPERSAND),
    ("tab character", dutch.TAB),
    ("',' or ']'", dutch.OPEN_LIST),
    ("',' or '}'", dutch.OPEN_BLOCK),
    ("node content", dutch.MISSING_VALUE),
    ("comment or line break", dutch.TEXT_AFTER_VALUE),
    ("unhashable key", dutch.KEY_IS_LIST),
    ("constructor for the tag", dutch.EXCLAMATION_MARK),
    ("another document", dutch.SECOND_DOCUMENT),
    ("second occurrence", dutch.ANCHOR_TWICE),
    ("directive", dutch.PERCENT),
    ("document start", dutch.PERCENT),
)


def _char_at(text: Optional[str], mark: Any) -> str:
    """The character at ``mark`` in ``text`` ('' when unknown)."""
    if text is None or mark is None:
        return ""
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _explanation(problem: str, context: str, mark: Any, text: Optional[str]) -> str:
    if "end of stream" in problem:
        return dutch.UNCLOSED_QUOTE if "quoted scalar" in context else dutch.UNEXPECTED_END
    if "cannot start any token" in problem:
        char = _char_at(text, mark)
        if char == "\t" or "'\\t'" in problem:
            return dutch.TAB
        return dutch.CANNOT_START.format(char=char or "?")
    for part, explanation in EXPLANATIONS:
        if part in problem:
            return explanation
    return dutch.GENERAL


def _reader_position(exc: yaml.reader.ReaderError, text: Optional[str]) -> Tuple[Optional[int], Optional[int]]:
    """Line and column (0-based) of a forbidden character; the C reader counts bytes, so look the character up."""
    if text is None or not isinstance(exc.character, int):
        return None, None
    index = text.find(chr(exc.character))
    if index < 0:
        return None, None
    before = text[:index]
    return before.count("\n"), index - (before.rfind("\n") + 1)


_OPENING = re.compile(r"^\s*(?:-\s+)*(?:[^\s'\"#:][^:#]*:\s+)?(?P<quote>[\"'])")
QUOTE_LOOKBACK = 12  # lines above an error where an unclosed quote is looked for


def _closes(rest: str, quote: str) -> bool:
    """Whether ``rest`` (the line after an opening quote) holds the closing quote."""
    if quote == "'":
        return bool(re.search(r"(?<!')'(?!')", rest.replace("''", "")))
    return bool(re.search(r'(?<!\\)"', rest))


def unclosed_quote(text: Optional[str], before_line: int) -> Optional[Tuple[int, int]]:
    """(line, column), 0-based, of the nearest value above line ``before_line`` (or on it) that opens a quote and does
    not close it on its line: a quoted text may span lines, so YAML only notices the error lines later, often as an
    indentation error (a user test read 'regel 60: de inspringing klopt niet' for an open quote on line 58)."""
    if text is None:
        return None
    lines = text.split("\n")
    for number in range(min(before_line, len(lines) - 1), max(before_line - QUOTE_LOOKBACK, -1), -1):
        match = _OPENING.match(lines[number])
        if match and not _closes(lines[number][match.end():], match.group("quote")):
            return number, match.start("quote")
    return None


def yaml_error_text(exc: yaml.YAMLError, text: Optional[str] = None) -> str:
    """'ongeldige YAML (regel 4, kolom 5): de dubbele punt ontbreekt ...' for a PyYAML error; ``text`` is the
    file's content (it tells a tab from another character the C reader does not name)."""
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _reader_position(exc, text)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        explanation = dutch.CONTROL_CHARACTER.format(code=code)
    else:
        problem = str(getattr(exc, "problem", "") or "")
        context = str(getattr(exc, "context", "") or "")
        starts_earlier = "expected ':'" in problem or ("end of stream" in problem and "quoted scalar" in context)
        first, second = ("context_mark", "problem_mark") if starts_earlier else ("problem_mark", "context_mark")
        mark = getattr(exc, first, None) or getattr(exc, second, None)
        line, column = (mark.line, mark.column) if mark is not None else (None, None)
        explanation = _explanation(problem, context, mark, text)
        quote = unclosed_quote(text, line) if line is not None and not starts_earlier else None
        if quote is not None and line is not None and column is not None and quote[0] < line:
            explanation = dutch.OPEN_QUOTE_NEARBY.format(line=line + 1, column=column + 1, explanation=explanation)
            line, column = quote
    where = dutch.WHERE.format(line=line + 1, column=column + 1) if line is not None and column is not None else ""
    return f"{dutch.PREFIX}{where}: {explanation}"
