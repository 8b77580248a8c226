"""Base models shared by every kind of knowledge entry."""
from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, List, Sequence, Tuple

from pydantic import BaseModel, Extra, constr, validator

from bot.knowledge.problem import Problem

# Constrained types (pydantic 1.10): mypy cannot use `constr(...)`/`conint(...)` as a type, so type checkers see
# the plain type and pydantic gets the constrained one at run time. Every knowledge module declares its
# constrained field types this way, in one block at its top.
# The types shared by several kinds live here; a module adds its own below its imports.
if TYPE_CHECKING:
    EntryId = str
    NonEmpty = str
    Text = str
    Short = str
else:
    EntryId = constr(regex=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=80)
    NonEmpty = constr(min_length=1)
    Text = constr(min_length=1, max_length=1200)  # a paragraph of content
    Short = constr(min_length=1, max_length=200)  # a name, a title, one line


class Strict(BaseModel):
    """Every model forbids unknown fields and strips surrounding whitespace."""

    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class Bron(Strict):
    """Where a fact comes from: the source document and the section in it."""

    document: NonEmpty
    sectie: NonEmpty


class Entry(Strict):
    """One knowledge entry. Subclasses add fields; ``references`` lists links to other entries."""

    id: EntryId
    bron: Bron

    # (field name, kind folder) pairs whose values must be ids of entries of that kind.
    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = ()

    def references(self) -> Iterable[Tuple[str, str, str]]:
        """Yield (field, kind, referenced id) for every reference this entry makes."""
        for field, kind in self.reference_fields:
            value = getattr(self, field, None)
            if value is None:
                continue
            values: List[str] = value if isinstance(value, list) else [value]
            for ref in values:
                yield field, kind, ref


def non_empty_list(name: str):
    """Validator factory: the list field ``name`` must hold at least one item."""

    def check(cls, value):
        if not value:
            raise ValueError("mag niet leeg zijn")
        return value

    # pydantic 1 keeps one validator per function name and field: a unique name lets this one sit next to
    # ``one_of`` on the same field instead of replacing it
    check.__name__ = check.__qualname__ = f"non_empty_list_{name}"
    return validator(name, allow_reuse=True)(check)


def _meant(item: Any, allowed: Sequence[str]) -> str:
    """'; bedoel je 'slachtoffer'?' for a value one or two letters off an allowed one (a trainer's typing error in
    'rol: slachtofer'), else nothing."""
    if not isinstance(item, str):
        return ""
    close = difflib.get_close_matches(item.strip().lower(), [str(a) for a in allowed], n=1, cutoff=0.8)
    return f"; bedoel je '{close[0]}'?" if close else ""


def one_of(field: str, allowed: Sequence[str], what: str):
    """Validator factory: ``field`` (a value or a list of values) must be in ``allowed``.

    ``what`` names the thing with its article-less adjective, e.g. ``"onbekende stap"``.
    """

    def check(cls, value):
        for item in value if isinstance(value, list) else [value]:
            if item not in allowed:
                raise ValueError(f"{what} '{item}' (toegestaan: {', '.join(allowed)}){_meant(item, allowed)}")
        return value

    check.__name__ = check.__qualname__ = f"one_of_{field}"
    return validator(field, allow_reuse=True)(check)


def missing_ids(knowledge, kind: str, wanted: Sequence[str], folder: str, plural: str) -> list:
    """One problem when entries of ``kind`` with the ``wanted`` ids are absent (e.g. a step)."""
    present = knowledge.entries.get(kind, {})
    missing = [entry_id for entry_id in wanted if entry_id not in present]
    if not missing:
        return []
    return [Problem(folder, None, "id", f"{plural} ontbreken: {', '.join(missing)}")]
