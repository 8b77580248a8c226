"""Labelled example groups for the sentence classifiers (steps, drama roles).

A group holds 3-5 related sentences with one label; the whole group goes either to training or
to the held-out test split (see ``bot.textclass``). Subclasses set the kind, labels and minimum.
"""
from __future__ import annotations

from collections import Counter
from typing import ClassVar, Dict, List, Sequence, Text

from pydantic import validator

from bot.knowledge.base import Entry
from bot.knowledge.problem import Problem


class ExampleGroup(Entry):
    label: Text
    zinnen: List[Text]

    kind: ClassVar[str] = ""
    labels: ClassVar[Sequence[str]] = ()
    min_sentences: ClassVar[int] = 40
    min_for: ClassVar[Dict[str, int]] = {}  # a lower minimum for a helper label (small talk)
    folder: ClassVar[str] = ""
    label_error: ClassVar[str] = "onbekend label"

    @validator("label", allow_reuse=True)
    def known_label(cls, value):
        if value not in cls.labels:
            raise ValueError(f"{cls.label_error} '{value}' (toegestaan: {', '.join(cls.labels)})")
        return value

    @validator("zinnen", allow_reuse=True)
    def three_to_five(cls, value):
        if not 3 <= len(value) <= 5:
            raise ValueError(f"verwacht 3 tot 5 zinnen, gevonden: {len(value)}")
        if any(not sentence.strip() for sentence in value):
            raise ValueError("bevat een lege zin")
        return value

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        """No sentence in two groups (that would leak into the test split); enough per label."""
        problems = []
        counts: Counter = Counter()
        seen: Dict[str, str] = {}
        for group in knowledge.entries.get(cls.kind, {}).values():
            counts[group.label] += len(group.zinnen)
            for sentence in group.zinnen:
                key = " ".join(sentence.lower().split())
                if key in seen and seen[key] != group.id:
                    problems.append(
                        Problem(
                            knowledge.files[(cls.kind, group.id)],
                            group.id,
                            "zinnen",
                            f"zin staat ook in groep '{seen[key]}': {sentence}",
                        )
                    )
                seen.setdefault(key, group.id)
        for label in cls.labels:
            minimum = cls.min_for.get(label, cls.min_sentences)
            if counts[label] < minimum:
                problems.append(
                    Problem(
                        cls.folder,
                        None,
                        "label",
                        f"label '{label}' heeft {counts[label]} voorbeeldzinnen, minimaal {minimum} nodig",
                    )
                )
        return problems
