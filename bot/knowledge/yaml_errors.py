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
from typing import Any, List, Optional, Tuple

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


# Where a wrong indentation is noticed is often the line after it: a line indented one space too far ("       leerdoel:"
# under "    trainer:") opens a block that the next, rightly indented line does not fit, and PyYAML's problem_mark
# names that next line (its context_mark names the start of the enclosing block, or of the item). A trainer should fix
# the line that is out of step (a user test, session 24: 'regel 21' for a wrong indent on line 20): ``indent_to_fix``.
INDENT_EXPLANATIONS = (dutch.INDENT, dutch.NEW_FIELD, dutch.UNEXPECTED_COLON, dutch.UNEXPECTED_DASH)
INDENT_STEP = 2  # the knowledge files indent each level by two spaces
INDENT_LOOKBACK = 40  # content lines above the error that may be the line out of step


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _child_indent(lines: List[str], index: int) -> Optional[int]:
    """The indentation a line at ``index`` should have by the two-space convention: one step in from the block that
    opens above it ("key:" without a value, or the text after "- " of a list item), None when none is found."""
    own = _indent(lines[index])
    for number in range(index - 1, max(index - INDENT_LOOKBACK, -1), -1):
        line = lines[number]
        if not _content(line):
            continue
        item = re.match(r"^(\s*)-\s+(?=\S)", line)
        if item and len(item.group(0)) <= own + INDENT_STEP:
            return len(item.group(0))
        if re.match(r"^\s*[^#\s][^#]*:\s*(?:#.*)?$", line) and _indent(line) < own + INDENT_STEP:
            return _indent(line) + INDENT_STEP
        if _indent(line) < own - INDENT_STEP:
            return None
    return None


def _parses_past(lines: List[str], line: int) -> bool:
    """The text parses, or its first error comes more than one line after ``line``."""
    from bot.knowledge.loader import load_yaml  # the one YAML reader of the project

    try:
        load_yaml("\n".join(lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return mark is not None and mark.line > line + 1
    return True


def indent_to_fix(text: Optional[str], line: int, column: Optional[int],
                  context: Optional[int] = None) -> Tuple[int, Optional[int]]:
    """(line, column), 0-based, of the line whose indentation a trainer should fix for an error noticed at ``line``:
    the line itself, or a content line above it that is out of step (one of the lines just above, or ``context``, the
    line where PyYAML's enclosing block began): re-indenting it to the two-space convention makes the file parse past
    the error, while re-indenting the noticed line does not, or only to an odd indentation."""
    if text is None:
        return line, column
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return line, column
    candidates = [line] + [n for n in range(line - 1, max(line - INDENT_LOOKBACK, -1), -1) if _content(lines[n])][:3]
    if context is not None and 0 <= context < line and context not in candidates:
        candidates.append(context)
    best: Optional[Tuple[int, int]] = None
    for rank, number in enumerate(candidates):
        wanted = _child_indent(lines, number)
        if wanted is None or wanted == _indent(lines[number]):
            continue
        fixed = list(lines)
        fixed[number] = " " * wanted + lines[number].lstrip(" ")
        if _parses_past(fixed, line):
            score = (2 if _indent(lines[number]) % INDENT_STEP else 1, -rank)
            if best is None or score > best:
                best = score
                found = number
    if best is None or found == line:
        return line, column
    return found, _indent(lines[found])


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
        if line is not None and not starts_earlier and explanation in INDENT_EXPLANATIONS:
            context_mark = getattr(exc, "context_mark", None)
            line, column = indent_to_fix(text, line, column, context_mark.line if context_mark is not None else None)
        quote = unclosed_quote(text, line) if line is not None and not starts_earlier else None
        if quote is not None and line is not None and column is not None and quote[0] < line:
            explanation = dutch.OPEN_QUOTE_NEARBY.format(line=line + 1, column=column + 1, explanation=explanation)
            line, column = quote
    where = dutch.WHERE.format(line=line + 1, column=column + 1) if line is not None and column is not None else ""
    return f"{dutch.PREFIX}{where}: {explanation}"
