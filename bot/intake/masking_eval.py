"""Precision and recall of the masker on our own labelled Dutch test sentences.

Scored per character (spaces ignored): a masked character is correct when it lies inside a span the
test sentence marks as sensitive. Span recall counts sensitive spans that were masked completely. A sensitive
part counts wherever it stands in its sentence as a whole word ("dochter roos is 9. roos plast ...": both).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Set, Tuple

from bot.intake.deidentify import mask
from bot.knowledge.loader import load_yaml

TEST_FILE = Path(__file__).parent / "data" / "maskering_testzinnen.yml"


@dataclass
class MaskingReport:
    backend: str
    sentences: int
    sensitive_spans: int
    precision: float
    recall: float
    span_recall: float
    missed: List[str] = field(default_factory=list)  # sensitive text not (fully) masked
    over_masked: List[str] = field(default_factory=list)  # masked text that was not sensitive


def load_cases(path: Optional[Path] = None) -> List[Tuple[str, List[str]]]:
    data = load_yaml(Path(path or TEST_FILE).read_text(encoding="utf-8")) or []
    cases = []
    for item in data:
        text = item["tekst"]
        for part in item.get("gevoelig") or []:
            if part not in text:
                raise ValueError(f"'{part}' staat niet in de testzin '{text}'")
        cases.append((text, list(item.get("gevoelig") or [])))
    return cases


def _chars(text: str, start: int, end: int) -> Set[int]:
    return {i for i in range(start, end) if not text[i].isspace()}


def _occurrences(text: str, part: str) -> List[re.Match]:
    """Every place of ``part`` in ``text`` as a whole word; the first place if it only stands inside a word."""
    found = list(re.finditer(rf"(?<!\w){re.escape(part)}(?!\w)", text))
    return found or [re.search(re.escape(part), text)]  # type: ignore[list-item]


def evaluate(use_deduce: bool = True, path: Optional[Path] = None) -> MaskingReport:
    cases = load_cases(path)
    true_pos = predicted = gold_total = spans_total = spans_found = 0
    missed: List[str] = []
    over: List[str] = []
    backend = "regels"
    for text, sensitive in cases:
        result = mask(text, use_deduce=use_deduce)
        backend = result.backend
        masked: Set[int] = set()
        for start, end, _ in result.spans:
            masked |= _chars(text, start, end)
        gold: Set[int] = set()
        for part in sensitive:
            for found in _occurrences(text, part):
                span = _chars(text, found.start(), found.end())
                gold |= span
                spans_total += 1
                if span <= masked:
                    spans_found += 1
                else:
                    missed.append(f"{part}  (in: {text})")
        true_pos += len(masked & gold)
        predicted += len(masked)
        gold_total += len(gold)
        for start, end, _ in result.spans:
            if not _chars(text, start, end) & gold:
                over.append(f"{text[start:end]}  (in: {text})")
    return MaskingReport(
        backend=backend,
        sentences=len(cases),
        sensitive_spans=spans_total,
        precision=true_pos / predicted if predicted else 1.0,
        recall=true_pos / gold_total if gold_total else 1.0,
        span_recall=spans_found / spans_total if spans_total else 1.0,
        missed=missed,
        over_masked=over,
    )
