"""Knowledge kinds of the six-step coach (``knowledge/stappen/``).

- ``stap``: one of the six steps, with example sentences per situation type;
- ``valkuil``: a pitfall the workbook warns against (inhoud, redden);
- ``valkuil_vorm``: a specific form of a pitfall with its own cue phrases and its own warning (putting a child in
  the middle of the parents), found by ``bot.steps.pitfall_forms``;
- ``jouw_rol``: a principle of the professional's own role;
- ``methode_onderwerp``: a question about the workbook's view that no single step answers (rust or contact, the forms
  of parenting after a divorce, a child in the middle), with its trigger phrases and its answer, found by
  ``bot.steps.topics``;
- ``stap_voorbeelden``: labelled groups of paraphrases for the step classifier.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, ClassVar, Dict, List, Optional, Sequence, Tuple

from pydantic import conint, constr, validator

from bot.knowledge.base import Entry, Strict, missing_ids, non_empty_list, one_of
from bot.knowledge.examples import ExampleGroup
from bot.knowledge.problem import Problem
from bot.patterns import pattern_problem

STEP_IDS = ("visie", "erkennen", "dynamiek", "behoefte", "realiteit", "opties")
PITFALL_IDS = ("inhoud", "redden")
LABELS = STEP_IDS + PITFALL_IDS
OTHER = "overig"  # example label only: greetings, small talk, hedges (the classifier answers "geen")
SITUATION_TYPES = ("ouder", "kind", "beide_ouders")
MIN_SENTENCES_PER_LABEL = 40  # the minimum; the files hold more

if TYPE_CHECKING:  # see bot/knowledge/base.py
    Text = str
    SignalWord = str
    StepNumber = int
    Phrase = str
    Answer = str
else:
    Text = constr(min_length=1, max_length=600)
    SignalWord = constr(min_length=2, max_length=60)
    StepNumber = conint(ge=1, le=6)
    Phrase = constr(min_length=2, max_length=240)
    Answer = constr(min_length=1, max_length=1200)  # a topic's answer: a few sentences


def _size(name: str, low: int, high: int):
    def check(cls, value):
        if not low <= len(value) <= high:
            raise ValueError(f"verwacht {low} tot {high} zinnen, gevonden: {len(value)}")
        return value

    return validator(name, allow_reuse=True)(check)


class Voorbeeldzinnen(Strict):
    """Two or three example sentences for each situation type."""

    ouder: List[Text]
    kind: List[Text]
    beide_ouders: List[Text]

    _ouder = _size("ouder", 2, 3)
    _kind = _size("kind", 2, 3)
    _beide = _size("beide_ouders", 2, 3)


class Stap(Entry):
    """One of the six steps."""

    nummer: StepNumber
    naam: Text
    doel: Text
    wat_je_doet: List[Text]
    voorbeeldzinnen: Voorbeeldzinnen
    reflectievraag: Text
    waarom: Text
    tip: Text  # one line shown when a sentence is recognised as this step
    herinneringen: List[Text] = []
    hulpmiddelen: List[str] = []
    signaalwoorden: List[SignalWord] = []
    # word beginnings a professional uses for this step in a question to Rustpunt ("hoe erken ik ...?")
    synoniemen: List[SignalWord] = []

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("hulpmiddelen", "hulpmiddel"),)
    _doet = non_empty_list("wat_je_doet")

    _id = one_of("id", STEP_IDS, "onbekende stap")

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        steps = knowledge.entries.get("stap", {})
        problems = missing_ids(knowledge, "stap", STEP_IDS, "knowledge/stappen", "stappen")
        numbers = Counter(step.nummer for step in steps.values())
        for number, count in sorted(numbers.items()):
            if count > 1:
                problems.append(
                    Problem("knowledge/stappen", None, "nummer", f"stapnummer {number} komt {count} keer voor")
                )
        for expected, step_id in enumerate(STEP_IDS, start=1):
            step = steps.get(step_id)
            if step is not None and step.nummer != expected:
                problems.append(
                    Problem(knowledge.files[("stap", step_id)], step_id, "nummer", f"verwacht stapnummer {expected}")
                )
        return problems


class Valkuil(Entry):
    """A pitfall: going into the content (inhoud) or taking the problem over (redden)."""

    naam: Text
    wat_het_is: Text
    tip: Text
    herinnering: Text  # short line for the gespreksplan
    hulpmiddelen: List[str] = []
    signaalwoorden: List[SignalWord] = []
    # word beginnings for this pitfall in a question to Rustpunt ("mag ik al advies geven?")
    synoniemen: List[SignalWord] = []

    reference_fields: ClassVar[Tuple[Tuple[str, str], ...]] = (("hulpmiddelen", "hulpmiddel"),)

    _id = one_of("id", PITFALL_IDS, "onbekende valkuil")


def _valid_phrase(value: str) -> str:
    problem = pattern_problem(value)
    if problem:
        raise ValueError(problem)
    return " ".join(value.lower().split())


class VormSignaal(Strict):
    """One way a pitfall form shows: a short Dutch name (shown as what gave it away) and its phrase patterns. Its own
    ``uitzonderingen`` cancel only its own patterns, like the form's exceptions cancel all of them ("u" before "aan
    zijn vader vragen": the parent is asked, not the child)."""

    naam: SignalWord
    patronen: List[Phrase]
    uitzonderingen: List[Phrase] = []

    _patronen = non_empty_list("patronen")
    _syntax = validator("patronen", "uitzonderingen", each_item=True, allow_reuse=True)(_valid_phrase)


class ValkuilVorm(Entry):
    """A specific form of a pitfall (``valkuil``) with its own cue phrases and its own warning. A phrase of
    ``uitzonderingen`` in the same clause as a cue ("jij hoeft niet te kiezen tussen papa en mama") cancels it."""

    valkuil: str
    naam: Text
    wat_het_is: Text
    waarschuwing: Text  # replaces the pitfall's general tip wherever the form is found
    # the warning when the professional said it to a parent, not to the child (the role-play with a parent persona):
    # "Zeg het kind liever ..." does not fit a turn said to the mother (a user test)
    waarschuwing_ouder: Optional[Text] = None
    herinnering: Text  # short line for the gespreksplan
    signalen: List[VormSignaal]
    uitzonderingen: List[Phrase] = []

    _valkuil = one_of("valkuil", PITFALL_IDS, "onbekende valkuil")
    _signalen = non_empty_list("signalen")
    _syntax = validator("uitzonderingen", each_item=True, allow_reuse=True)(_valid_phrase)


class JouwRol(Entry):
    """One principle of the professional's role (leiden en volgen, voor iedereen, niet over de inhoud)."""

    naam: Text
    uitleg: Text
    voorbeeld: Optional[Text] = None
    herinnering: Text
    past_bij: List[str] = []  # situation types for which the plan shows this reminder

    _past_bij = one_of("past_bij", SITUATION_TYPES, "onbekend situatietype")


class MethodeOnderwerp(Entry):
    """A topic of the workbook's view a professional asks Rustpunt about ("moet contact tussen de ouders het doel
    zijn?", "wat is parallel ouderschap?"): phrase patterns (``bot.patterns``) that name it in a question, the answer in
    our own words, and the steps and pitfalls it points to. ``voorbeeldvragen`` are questions that must find this topic
    (tests/test_method_topics.py checks them)."""

    naam: Text
    vragen: List[Phrase]
    antwoord: Answer
    stappen: List[str] = []
    valkuilen: List[str] = []
    voorbeeldvragen: List[Text]
    # only in a how-to question about the professional's own move ("hoe hou ik hem rustig als hij gaat schelden?"): a
    # question for the parent that names the same ("wat gebeurde er vlak voordat hij begon te schreeuwen?") is a line
    alleen_eigen_zet: bool = False

    _vragen = non_empty_list("vragen")
    _voorbeelden = non_empty_list("voorbeeldvragen")
    _syntax = validator("vragen", each_item=True, allow_reuse=True)(_valid_phrase)
    _stappen = one_of("stappen", STEP_IDS, "onbekende stap")
    _valkuilen = one_of("valkuilen", PITFALL_IDS, "onbekende valkuil")


class StapVoorbeelden(ExampleGroup):
    """A group of 3-5 paraphrases with one step label; the whole group is either train or test."""

    kind: ClassVar[str] = "stap_voorbeelden"
    labels: ClassVar[Sequence[str]] = LABELS + (OTHER,)
    min_for: ClassVar[Dict[str, int]] = {OTHER: 30}
    min_sentences: ClassVar[int] = MIN_SENTENCES_PER_LABEL
    folder: ClassVar[str] = "knowledge/stappen"


