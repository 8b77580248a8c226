"""Knowledge kinds of the role-play (``knowledge/scenarios/``).

- ``scenario``: one practice situation: setting, persona, tension, replies per move and band,
  role shifts, endings and a scripted good path (``oefenpad``);
- ``rollenspel_zet``: what a professional move is called, why it moves the tension, and a tip
  (used in hints, feedback and the debrief), plus cue phrases for moves the step classifier lacks;
- ``oordeel_voorbeelden``: labelled groups of sentences (``oordelen`` / ``geen_oordeel``) for the learned read of
  judging and lecturing (``bot.roleplay.learned_judgement``), the soft forms the cue phrases miss.

Every check that concerns a single scenario is a field validator, so a broken scenario is never
loaded; the scripted path is played through the engine in ``validate_collection``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Dict, List, Optional, Sequence, Union

from pydantic import conint, constr, validator

from bot import status
from bot.knowledge.base import Entry, Strict, Text, missing_ids, one_of
from bot.knowledge.examples import ExampleGroup
from bot.knowledge.problem import Problem
from bot.language import words
from bot.steps.input_check import MIN_WORDS  # what the step recogniser reads as a sentence

STEPS = ("visie", "erkennen", "dynamiek", "behoefte", "realiteit", "opties")
PITFALLS = ("inhoud", "redden", "oordelen")
UNCLEAR = "onduidelijk"
JUDGEMENT = "oordelen"  # the pitfall of judging or lecturing (also a label of ``oordeel_voorbeelden``)
NO_JUDGEMENT = "geen_oordeel"  # the other label of ``oordeel_voorbeelden``
MOVES = STEPS + PITFALLS + (UNCLEAR,)
ROLES = ("slachtoffer", "aanklager", "redder", "omstander", "kwetsbaar", "assertief", "ondersteuner")
ANY_ROLE = "ieder"
MAX_TENSION = 10
ADULT_AGE = 18  # a persona younger than this is a child (``Persona.leeftijd``)
MIN_VARIANTS = 2
MAX_SCENARIO_NUMBER = 99
REQUIRED_FOR_GOOD_END = ("erkennen", "opties")  # the README: acknowledged, and asked about the options
FOLDER = "knowledge/scenarios"

if TYPE_CHECKING:  # see bot/knowledge/base.py
    Line = str
    Cue = str
    Delta = int
    Tension = int
    StartTension = int
    GoodEndTension = int
    MaxFall = int
    MinTurns = int
    Resistance = int
    ScenarioNumber = int
else:
    Line = constr(min_length=1, max_length=300)
    Cue = constr(min_length=2, max_length=80)
    Delta = conint(ge=-5, le=5)
    Tension = conint(ge=0, le=10)
    StartTension = conint(ge=0, le=9)
    GoodEndTension = conint(ge=0, le=6)
    MaxFall = conint(ge=1, le=5)
    MinTurns = conint(ge=1, le=30)
    Resistance = conint(ge=0, le=5)
    ScenarioNumber = conint(ge=1, le=MAX_SCENARIO_NUMBER)


def band_of(tension: int) -> str:
    """laag 0-3, midden 4-6, hoog 7-10."""
    if tension <= 3:
        return "laag"
    if tension <= 6:
        return "midden"
    return "hoog"


class Varianten(Strict):
    """Reply variants for one move, per tension band (at least two per band)."""

    laag: List[Line]
    midden: List[Line]
    hoog: List[Line]

    @validator("laag", "midden", "hoog")
    def enough_variants(cls, value):
        if len(value) < MIN_VARIANTS:
            raise ValueError(f"minstens {MIN_VARIANTS} varianten nodig (nu {len(value)})")
        if len(set(value)) != len(value):
            raise ValueError("bevat twee keer dezelfde variant")
        return value


class Antwoorden(Strict):
    """What the persona says after each kind of move."""

    visie: Varianten
    erkennen: Varianten
    dynamiek: Varianten
    behoefte: Varianten
    realiteit: Varianten
    opties: Varianten
    inhoud: Varianten
    redden: Varianten
    oordelen: Varianten
    onduidelijk: Varianten


class BandDelta(Strict):
    laag: Delta
    midden: Delta
    hoog: Delta


class Effecten(Strict):
    """How much each move changes the tension: one number, or one per band."""

    visie: Union[Delta, BandDelta]
    erkennen: Union[Delta, BandDelta]
    dynamiek: Union[Delta, BandDelta]
    behoefte: Union[Delta, BandDelta]
    realiteit: Union[Delta, BandDelta]
    opties: Union[Delta, BandDelta]
    inhoud: Union[Delta, BandDelta]
    redden: Union[Delta, BandDelta]
    oordelen: Union[Delta, BandDelta]
    onduidelijk: Union[Delta, BandDelta]

    def delta(self, move: str, tension: int) -> int:
        value = getattr(self, move)
        if isinstance(value, BandDelta):
            return getattr(value, band_of(tension))
        return int(value)


class Persona(Strict):
    wie: Text
    onderliggend: Text  # what they want underneath
    rol: str  # drama role at the start
    opening: Line  # the persona's first line
    leeftijd: Optional[int] = None  # the persona's age when it is a child: the debrief's tips then fit a child
    # how the page names the persona beside the tension meter ("Spanning bij de vader"); a user test read the drama
    # role there ("Spanning bij aanklager", session 23)
    kort: Optional[Text] = None

    @property
    def is_child(self) -> bool:
        """A child persona (``leeftijd`` under 18): tips with a parent's tool ('het kopje schuiven') do not fit."""
        return self.leeftijd is not None and self.leeftijd < ADULT_AGE

    _rol = one_of("rol", ROLES, "onbekende rol")


class Trainer(Strict):
    """Only for trainers; never shown to the learner during play."""

    leerdoel: Text
    aandachtspunten: List[Line]


class Spanning(Strict):
    start: StartTension
    goed_einde_tot: GoodEndTension  # good ending possible at or below this tension


class Rolwissel(Strict):
    """Role shift: from role ``van`` (or ``ieder``) to ``naar`` when the conditions hold."""

    van: str
    naar: str
    spanning_vanaf: Optional[Tension] = None
    spanning_tot: Optional[Tension] = None
    zetten: List[str] = []

    _van = one_of("van", ROLES + (ANY_ROLE,), "onbekende rol")
    _naar = one_of("naar", ROLES, "onbekende rol")
    _zetten = one_of("zetten", MOVES, "onbekende zet")

    def applies(self, role: str, tension: int, move: str) -> bool:
        if self.van not in (ANY_ROLE, role) or self.naar == role:
            return False
        if self.spanning_vanaf is not None and tension < self.spanning_vanaf:
            return False
        if self.spanning_tot is not None and tension > self.spanning_tot:
            return False
        return not self.zetten or move in self.zetten


class RolVarianten(Strict):
    """Role-specific reply lines for one move; a band left out falls back to ``antwoorden``."""

    laag: List[Line] = []
    midden: List[Line] = []
    hoog: List[Line] = []

    @validator("laag", "midden", "hoog")
    def distinct(cls, value):
        if len(set(value)) != len(value):
            raise ValueError("bevat twee keer dezelfde variant")
        return value

    @validator("hoog", always=True)
    def not_empty(cls, value, values):
        if not (value or values.get("laag") or values.get("midden")):
            raise ValueError("geef minstens één zin bij laag, midden of hoog")
        return value


class RolAntwoorden(Strict):
    """Per move: how the persona sounds in one drama role (optional per move)."""

    visie: Optional[RolVarianten] = None
    erkennen: Optional[RolVarianten] = None
    dynamiek: Optional[RolVarianten] = None
    behoefte: Optional[RolVarianten] = None
    realiteit: Optional[RolVarianten] = None
    opties: Optional[RolVarianten] = None
    inhoud: Optional[RolVarianten] = None
    redden: Optional[RolVarianten] = None
    oordelen: Optional[RolVarianten] = None
    onduidelijk: Optional[RolVarianten] = None


class Tempo(Strict):
    """Pacing, set by the trainer. Defaults apply when a scenario leaves this out."""

    max_daling: MaxFall = 2  # the tension falls at most this much in one turn
    # no good ending before this many turns: one per step of the workbook. With 4, subtly bad practice paths ended well
    # at turn 4 or 5, before their later turns (the plan the professional chose) were even heard: 15 of 565 paths,
    # no good path needed fewer than 6 turns (session 12, docs/cijfers.md)
    min_beurten: MinTurns = 6
    opties_pas_na: List[str] = ["erkennen"]  # steps needed before options are welcome
    weerstand: Resistance = 1  # tension rise when the trainee rushes to options
    weerstand_antwoorden: List[Line] = []  # what the persona says then (else the 'opties' lines for 'hoog')

    _opties_pas_na = one_of("opties_pas_na", STEPS, "onbekende stap")


# what a persona says where the good ending would come on a doubtful read while a sure misstep was never repaired
# (``engine`` "An unrepaired misstep"); a scenario's own line is ``einde.goed.terug``
DEFAULT_BRING_BACK = "Wacht even. Wat u daarnet zei, dat zit me nog steeds dwars."


class GoedEinde(Strict):
    zetten: List[str] = ["opties", "behoefte"]  # moves that can close the conversation
    nodig: List[str] = ["erkennen", "opties"]  # steps that must have been used before
    slotzin: Line
    terug: Optional[Line] = None  # the persona brings an unrepaired misstep back (``DEFAULT_BRING_BACK`` without it)

    @property
    def bring_back(self) -> str:
        return self.terug or DEFAULT_BRING_BACK

    @validator("nodig")
    def needs_options(cls, value):
        """The README: a good end needs an acknowledgement and a question about the options (the other chooses)."""
        missing = [step for step in REQUIRED_FOR_GOOD_END if step not in value]
        if missing:
            raise ValueError(f"een goed einde vraagt altijd {' en '.join(REQUIRED_FOR_GOOD_END)}; "
                             f"ontbreekt: {', '.join(missing)}")
        return value

    @validator("slotzin")
    def closes(cls, value):
        """The last line of a good end closes the talk: no open question the professional can no longer answer."""
        if "?" in value:
            raise ValueError("de slotzin van een goed einde sluit het gesprek af; zet er geen vraag in (de "
                             "professional kan daarna niet meer antwoorden)")
        return value

    _zetten = one_of("zetten", STEPS, "onbekende stap")
    _nodig = one_of("nodig", STEPS, "onbekende stap")


DEFAULT_WARNING = "Als dit zo doorgaat, ben ik weg. Ik wil nog één keer proberen of u me begrijpt."


class SlechtEinde(Strict):
    slotzin: Line
    # what the persona says where the bad ending would come too early in the session (``engine.MIN_TURNS_BAD_END``):
    # about to leave, one last chance (issue #14); without it a general line (``DEFAULT_WARNING``)
    waarschuwing: Optional[Line] = None

    @property
    def warning(self) -> str:
        return self.waarschuwing or DEFAULT_WARNING


class Einde(Strict):
    goed: GoedEinde
    slecht: SlechtEinde


class Onderwerp(Strict):
    """A topic that only some persona lines name ("apart ouderschap", "wanneer het begon", "wie wat gestuurd heeft"):
    such a line answers something the professional said, so it is said only in reply to a turn that raised the
    topic (``bot.roleplay.pacing``). ``zin``: phrases that mark a persona line as being about the topic (found
    anywhere in the line, any case); ``aanleiding``: word forms in the professional's turn that raise it (a word
    starting with one of them: "begon" also meets "begonnen"; several words: that phrase)."""

    naam: Line
    zin: List[Cue]
    aanleiding: List[Cue]

    def marks(self, line: str) -> bool:
        lowered = " ".join(line.lower().split())
        return any(marker.lower() in lowered for marker in self.zin)

    def raised_by(self, said: str) -> bool:
        lowered = " " + " ".join(re.findall(r"[a-zà-ÿ0-9']+", said.lower())) + " "
        return any(f" {cue.lower()}" in lowered for cue in self.aanleiding)


class PadStap(Strict):
    """One scripted professional turn with the move the author intends. The sentence is also the example a hint
    shows, so it must be a whole sentence, as long as the step recogniser needs (a note like 'erkennen' is not)."""

    zet: str
    tekst: Line

    _zet = one_of("zet", MOVES, "onbekende zet")

    @validator("tekst")
    def whole_sentence(cls, value):
        count = len(words(value))
        if count < MIN_WORDS:
            raise ValueError(f"is geen hele zin ({count} {'woord' if count == 1 else 'woorden'}); schrijf wat de "
                             f"professional zegt, in minstens {MIN_WORDS} woorden (de zin is ook het voorbeeld in "
                             "de hint)")
        return value


class Scenario(Entry):
    # The scenario's fixed place in the list ("kies scenario 3"): set by the trainer, never derived from the titles
    # or the files, so adding or renaming a scenario moves no other scenario to another number.
    nummer: ScenarioNumber
    titel: Line
    samenvatting: Line  # one line in the scenario list
    setting: Text  # what the learner reads first
    persona: Persona
    trainer: Trainer
    spanning: Spanning
    effecten: Effecten
    rolwissels: List[Rolwissel] = []
    antwoorden: Antwoorden
    einde: Einde
    oefenpad: List[PadStap]
    valkuilpad: List[PadStap] = []  # optional scripted bad path (tension rises)
    rolantwoorden: Dict[str, RolAntwoorden] = {}  # drama role -> replies that sound like that role
    tempo: Tempo = Tempo()
    onderwerpen: List[Onderwerp] = []  # topic lines: said only after a turn that raised the topic

    @validator("onderwerpen")
    def topics_are_used(cls, value, values):
        """Every topic marks at least one persona line (a topic whose lines were rewritten is stale)."""
        lines = persona_lines(values)
        for topic in value:
            if not any(topic.marks(line) for line in lines):
                raise ValueError(f"onderwerp '{topic.naam}': geen zin van de persona bevat "
                                 f"{' of '.join(repr(m) for m in topic.zin)}")
        return value

    @validator("rolantwoorden", pre=True)
    def known_roles(cls, value):
        if not isinstance(value, dict):
            return value  # pydantic names the wrong type
        unknown = sorted(set(value) - set(ROLES))
        if unknown:
            raise ValueError(f"onbekende rol: {', '.join(unknown)} (kies uit {', '.join(ROLES)})")
        return value

    @validator("oefenpad")
    def path_covers_steps(cls, value):
        if not value:
            raise ValueError("mag niet leeg zijn")
        missing = [s for s in STEPS if s not in {p.zet for p in value}]
        if missing:
            raise ValueError(f"elke stap moet minstens één keer voorkomen; ontbreekt: {', '.join(missing)}")
        return value

    def examples(self, move: str) -> List[str]:
        """Scripted sentences of this scenario for ``move`` (hint examples)."""
        return [p.tekst for p in self.oefenpad + self.valkuilpad if p.zet == move]

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        """Play every scenario's scripted paths through the engine (with the intended moves)."""
        from bot.roleplay.engine import Engine  # the engine imports these models: a cycle at import time

        problems = number_problems(knowledge) + title_problems(knowledge)
        for scenario in knowledge.entries.get("scenario", {}).values():
            where = knowledge.files.get(("scenario", scenario.id), FOLDER)
            moves = {p.tekst: p.zet for p in scenario.oefenpad + scenario.valkuilpad}
            engine = Engine(scenario, classify=moves.__getitem__, seed=0)
            for number, turn in enumerate(scenario.oefenpad, start=1):
                result = engine.step(turn.tekst)
                if result.ending and number < len(scenario.oefenpad):
                    problems.append(
                        Problem(where, scenario.id, f"oefenpad[{number}]",
                                f"het gesprek eindigt al hier ({result.ending}), vóór het einde van het oefenpad")
                    )
                    break
            else:
                if engine.state.ending != status.GOOD:
                    problems.append(
                        Problem(where, scenario.id, "oefenpad",
                                f"het oefenpad eindigt niet goed (spanning {engine.state.tension}, "
                                f"einde: {engine.state.ending or 'geen'}); pas de effecten of het pad aan")
                    )
            if scenario.valkuilpad:
                engine = Engine(scenario, classify=moves.__getitem__, seed=0)
                for turn in scenario.valkuilpad:
                    if engine.step(turn.tekst).ending:
                        break
                if engine.state.ending != status.BAD:
                    problems.append(
                        Problem(where, scenario.id, "valkuilpad",
                                f"het valkuilpad eindigt niet slecht (spanning {engine.state.tension})")
                    )
        return problems


def persona_lines(values) -> List[str]:
    """Every line the persona can say in reply (``antwoorden``, ``rolantwoorden``, resistance lines), from a
    scenario or the validated fields of one (a dict)."""
    get = values.get if isinstance(values, dict) else lambda key: getattr(values, key, None)
    lines: List[str] = []
    answers, voices, tempo = get("antwoorden"), get("rolantwoorden") or {}, get("tempo")
    for kind in [answers] + list(voices.values()):
        if kind is None:
            continue
        for move in MOVES:
            variants = getattr(kind, move, None)
            for band in ("laag", "midden", "hoog"):
                lines += list(getattr(variants, band, None) or [])
    if tempo is not None:
        lines += list(tempo.weerstand_antwoorden)
    return lines


def number_taken(scenario: Scenario, where: str, other_id: str, other_file: str, free: int) -> Problem:
    """The problem of a new scenario whose number an existing scenario already has."""
    return Problem(where, scenario.id, "nummer", f"nummer {scenario.nummer} is al van scenario '{other_id}' "
                                                 f"({other_file}); kies een vrij nummer, bijvoorbeeld {free}")


def free_number(numbers: Sequence[int]) -> int:
    """The number a new scenario can take: after the highest, so the list grows at the end."""
    return min(max(numbers, default=0) + 1, MAX_SCENARIO_NUMBER)


def same_title(title: str, other: str) -> bool:
    """Two titles a learner cannot tell apart (case and spaces aside): two identical buttons, and a title typed in the
    chat always starts the first of them."""
    return " ".join(title.lower().split()) == " ".join(other.lower().split())


def title_taken(scenario: Scenario, where: str, other_id: str, other_file: str) -> Problem:
    """The problem of a scenario whose title another scenario has already."""
    return Problem(where, scenario.id, "titel", f"dubbele titel: '{scenario.titel}' is ook de titel van scenario "
                                                f"'{other_id}' ({other_file}); de lijst toont dan twee gelijke knoppen "
                                                "en de titel start altijd het eerste scenario. Geef dit scenario een "
                                                "eigen titel")


def title_problems(knowledge) -> list:
    """Every scenario has its own title; a title used twice is reported at the second in file order."""
    seen: List[Scenario] = []
    problems = []
    for scenario in knowledge.entries.get("scenario", {}).values():
        owner = next((other for other in seen if same_title(other.titel, scenario.titel)), None)
        if owner is not None:
            problems.append(title_taken(scenario, knowledge.files.get(("scenario", scenario.id), FOLDER), owner.id,
                                        knowledge.files.get(("scenario", owner.id), FOLDER)))
        else:
            seen.append(scenario)
    return problems


def number_problems(knowledge) -> list:
    """Every scenario has its own number; a number used twice is reported once, at the second in file order.
    Which of the two is new cannot be told from the files, so the message names both."""
    scenarios = list(knowledge.entries.get("scenario", {}).values())
    free = free_number([s.nummer for s in scenarios])
    first: Dict[int, Scenario] = {}
    problems = []
    for scenario in scenarios:
        owner = first.setdefault(scenario.nummer, scenario)
        if owner is not scenario:
            other_file = knowledge.files.get(("scenario", owner.id), FOLDER)
            problems.append(Problem(
                knowledge.files.get(("scenario", scenario.id), FOLDER), scenario.id, "nummer",
                f"dubbel nummer: {scenario.nummer} is ook het nummer van scenario '{owner.id}' ({other_file}); "
                f"geef het nieuwste van de twee een vrij nummer, bijvoorbeeld {free}, zodat het andere zijn "
                "bekende nummer houdt"))
    return problems


class Zet(Entry):
    """A kind of professional move: its name and the texts used in hints, feedback and debrief."""

    naam: Line
    uitleg: Line  # what the move is
    effect: Line  # why it moves the persona's tension (one-line reason per turn)
    tip: Line  # a concrete tip in the debrief
    tip_u: Optional[Line] = None  # the same tip with its example in the "u" form, for a trainee who says "u"
    tip_kind: Optional[Line] = None  # the tip for a talk with a child (a persona with ``leeftijd`` under 18)
    signalen: List[Cue] = []  # cue phrases; "..." = any words

    _id = one_of("id", MOVES, "onbekende zet")

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        return missing_ids(knowledge, "rollenspel_zet", MOVES, FOLDER, "zetten")



class OordeelVoorbeelden(ExampleGroup):
    """3-5 related sentences a professional might say, labelled ``oordelen`` (a soft judgement or lecture) or
    ``geen_oordeel`` (a good sentence that only looks like one); the whole group is either train or test."""

    kind: ClassVar[str] = "oordeel_voorbeelden"
    labels: ClassVar[Sequence[str]] = (JUDGEMENT, NO_JUDGEMENT)
    min_sentences: ClassVar[int] = 40
    folder: ClassVar[str] = "knowledge/scenarios"
