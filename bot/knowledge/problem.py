"""One thing wrong in the knowledge files (file, entry, field, Dutch message).

Its own module, so capability models can report problems without importing the loader.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge files."""

    file: str
    entry: Optional[str]
    field: Optional[str]
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f", item '{self.entry}'"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"
