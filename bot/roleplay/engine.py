"""The role-play engine: plain Python, no Rasa.

State: scenario, tension (0-10), the persona's drama role, the turns so far and the ending.
``step(text)`` classifies the professional's move (an injected callable), changes the tension by
the scenario's ``effecten`` for that move and band, applies the first matching role shift, picks
a reply variant (seeded per session and turn, never the same text twice in a row) and detects the
endings: ``slecht`` at tension 10, ``goed`` after a closing move (opties/behoefte) at or below the
scenario's threshold once the required steps were used.

Resistance: a step repeated three times in a row no longer lowers the tension (``herhaling``), except a closing move
once every step the good ending needs was used (``_closing``): asking on about the other's own options is how a talk
closes (a user test: a father who had chosen an option stayed at 4, one above the good ending, for three options
turns). A string of closed
questions ("is het daar druk? slaap je daar slecht? is papa dan boos?", ``pacing.interrogates``) is an interrogation,
whatever it was read as (a step, a pitfall, unclear): the tension does not fall and the persona answers as to being
questioned (``verhoor``; a user test: three closed questions read as redden got "Zie je, zelfs zij zegt dat het mag!").
A pitfall read keeps its own effect on the tension.

No turn: a turn of only a greeting, an introduction or fillers (``Move.small_talk``: "hallo, u spreekt met Anouk van
het buurtteam", "hmm") raises ``RoleplayError`` with a note that names the persona's last line, like a turn without
words: the tension stays and nothing is stored (a user test: a nervous start raised a furious father to 10).

Steps inside a pitfall: a turn led by a pitfall does not count an options question beside it as options
(``further_moves``: "Wat zou u kunnen doen? Ik zou het zo doen: ..." leaves the other no option to choose), so the good
ending, which needs options, waits for a real options question (a user test: advice ended a talk well).

Forgiving uncertain reads (the recogniser can be wrong): a pitfall read with a confidence below
``UNSURE`` does not raise the tension; the persona asks what was meant (the ``onduidelijk``
replies) and the turn is marked ``onzeker`` (shown in the debrief); the further steps read in that turn do not count
as done either (``_used``). Only one such read per session is forgiven: uncertain pitfalls alternating with steps are
a pattern, not one misread. A turn holding several steps (an acknowledgement followed by a question) counts every
step as used and moves the tension as its most calming step. A session ends badly only on a pattern: tension 10
*and* at least two of the last three turns were pitfalls or unclear; one misread at high tension
never decides the session on its own.

A last chance (``laatste_kans``): a session is decided by the pattern of the trainee's turns, not by one or two
sentences (issue #14). Where the bad ending would come before turn ``MIN_TURNS_BAD_END`` (3), the persona does not walk
out yet but says it is about to leave (``einde.slecht.waarschuwing``, in the scenario's voice) and the tension stays at
10: a step next brings it down (recovery), another pitfall ends the talk badly after all (a user test: scenario 4 went
6 -> 8 -> 10 and the mother left after two advice-as-question turns of a starter).

Taking back a misstep (``rechtgezet``): a step in a turn that takes back the professional's own words ("wacht, ik
ga te snel", "nu ga ik voor jou invullen wat je moet doen", ``Move.zelfcorrectie``), right after a pitfall that
raised the tension, brings the tension back to where it was before that pitfall and one lower: repairing a
misstep is what the workbook asks, so one clumsy turn that the trainee takes back does not decide the session.
Once per session (taking back every pitfall is no way out), only when the turn before the pitfall was a step (one
clumsy turn in a good talk, not the last of a run of missteps), never after a forgiven uncertain read.

An unrepaired misstep (``teruggehaald``): recovery lowers the tension after a sure pitfall, but the talk has not dealt
with it. Where the good ending would come on a doubtful read (the turn's read below ``CLOSING_DOUBT``, 0.5: the
recogniser finds another read about as likely; "Goed. Dan zien we elkaar volgende week." read as options at 44%) while
a sure misstep is open (``_open_misstep``: a turn led by a pitfall read at ``UNSURE`` or above that raised the tension,
never taken back), the persona brings the misstep back (``einde.goed.terug``) and the talk goes on: a single uncertain
read decides no ending, the good one neither. Taking the words back (``zelfcorrectie``) repairs the misstep, and so does
a step that acknowledges the persona (``erkennen``) after it was brought back. A repaired slip and a talk closed by a
clear read are unchanged. (Session 27: on the seen practice-path sets bad path 9 of set 47 (siding with the mother, then
good turns) and dictated bad path 13 no longer end well, no good path more stays open; a rule on any unrepaired sure
pitfall, or one that only deferred the good ending a turn, kept some 80 good paths from ending well.)

Recovery (``herstel``): after a pitfall that raised the tension, every following step lowers the
tension by ``RECOVERY_STEP`` (2) until it is back at the level from before that pitfall, also where the
scenario's effect for that step and band would hold or raise it (a question about the pattern
while the persona is furious), and also where ``max_daling`` is 1: good turns after a bad one undo
the damage sooner than a first calming, so one misread costs a turn, not a session. Options too early
and the repetition rule still apply. The turn is marked ``herstel``. (Session 12: with recovery at 1 per
turn, capped by ``max_daling``, 15 of the 613 practice paths were good paths that did not end well, mostly
the furious father after one clumsy turn; at 2 per turn 12, no bad path ended well; docs/cijfers.md.)

Moving on in order (``_in_order``): a step used for the first time once the steps before it in the
workbook's order were used lowers the tension by at least one, also where the scenario's effect for
that step and band would hold or raise it. The stance (visie) is no step in that order: it may come
anywhere, is never needed first and keeps the scenario's own effect. The high-band effects punish
skipping ahead (asking about the pattern before acknowledging), not moving on: a trainee who
acknowledged first and then asks about the pattern is following the workbook. Skipping ahead, a step
used again, pacing (``max_daling``, options too early) and the repetition rule are unchanged. In a turn
with several steps every step counts: a stance or a warm aside first ("I want calm for both of you")
and then a first question about the pattern moves on in order, also when the stance is the turn's main
move. A turn whose main move is a pitfall never moves on in order.

Heard (``CALMS_ONCE_HEARD``): once an earlier turn acknowledged the persona (``erkennen``, as the move or as a part
beside another), a further acknowledgement, a question about the pattern or about what the parent wants lowers the
tension by at least one, also in the high band where the scenario's own effect would hold or raise it: the high-band
effects punish exploring before acknowledging, and a furious parent who felt heard can be asked on. The stance,
naming the reality and options keep the scenario's effect (a stance does not calm a furious parent by itself; reality
and options still sting while the parent is furious); pacing (``max_daling``), the repetition rule and options too
early are unchanged. (Session 16: on the free-text paths of sets 1-34, 5 more good paths ended well, mostly the
furious father whose good paths stayed at tension 5-8 after nine turns, and no bad path more; with the stance too the
same, with naming the reality and options too 7 and one bad path ended well.)

Closing by pattern: the good ending looks at the last two turns, not only at the single last read.
It comes when the current turn is a step, the tension is at or below the threshold, the needed
steps were used, this turn or the one before held a closing move (every move of a turn with
several sentences counts), and at most half of all turns held a pitfall, as the main move or as a part beside a step
(``GOOD_PATTERN``): a talk that keeps steering, judging or taking over between warm sentences does not end well.
A short ask-on turn after the options ("En wat nog meer?") can so
close the talk even when it is read as another step.

Pacing (``tempo``) and role voices (``rolantwoorden``) live in ``bot.roleplay.pacing``; ``rewind(n)``
goes back to the state before turn n ("probeer opnieuw vanaf beurt n").
"""
from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Union

from bot import status
from bot.language import looks_dutch, looks_typed_at_random, words
from bot.roleplay import pacing
from bot.roleplay.models import MAX_TENSION, MOVES, PITFALLS, STEPS, UNCLEAR, Scenario

MAX_TEXT = 1000  # characters per professional turn
ALREADY_ENDED = "Dit rollenspel is al afgelopen. Begin een nieuw rollenspel om verder te oefenen."
NO_WORDS = ("Ik zie geen woorden in je beurt. Typ wat je tegen je gesprekspartner zegt; een emoji of leesteken "
            "alleen kan ik niet lezen.")  # no advice to type a silence: the recogniser cannot read one (a user test)
GREETING, FILLERS = "begroeting", "vulwoorden"  # the kinds of small talk a turn can be (``Move.small_talk``)
SMALL_TALK = ("Dit lees ik als een begroeting of een praatje, nog zonder stap. Dat telt niet als beurt: de spanning "
              "blijft {tension}/10. Je gesprekspartner zei: \"{line}\" Wat zeg je nu?")
FILLER = ("Een 'hmm', 'eh' of 'oké' alleen lees ik niet als een stap. Dat telt niet als beurt: de spanning blijft "
          "{tension}/10. Je gesprekspartner zei: \"{line}\" Neem gerust even de tijd; wat zeg je nu?")
# a bare "ja", "ok" or "pfoe" (``Move.small_talk`` LISTENING, also read on as erkennen from the line): no turn
LISTENING = "luistergeluid"
LISTENING_NOTE = ("Een 'ja', 'hmm', 'oké' of 'pfoe' alleen laat horen dat je luistert, maar benoemt nog niet wat "
                  "je hoort; erkennen is zeggen wat je hoort of ziet (bijvoorbeeld: wat een teleurstelling, hè). "
                  "Dat telt niet als beurt: de spanning blijft {tension}/10. Je gesprekspartner zei: \"{line}\" "
                  "Wat zeg je nu?")
NO_KNOWN_WORDS = ("Je gesprekspartner kijkt je vragend aan: \"Hoe bedoelt u?\" Ik herken geen Nederlandse woorden in "
                  "je beurt (een tikfout?). Dat telt niet als beurt: de spanning blijft {tension}/10. Typ wat je "
                  "tegen je gesprekspartner zegt.")
NOT_DUTCH = ("Het rollenspel gaat in het Nederlands. Zeg het in het Nederlands, zoals je het in het gesprek "
             "zou zeggen; deze beurt telt niet mee.")
UNSURE = 0.6  # a read below this confidence is uncertain (calibrated confidences, see `evalueer stappen`)
BAD_PATTERN = 2  # pitfall/unclear turns among the last three needed for the bad ending
MIN_TURNS_BAD_END = 3  # a young session never ends badly before this turn: the persona warns once (``laatste_kans``)
GOOD_PATTERN = 0.5  # the good ending needs at most this share of turns holding a pitfall (main move or part)
RECOVERY_STEP = 2  # after a pitfall, a step lowers the tension this much until it is back where it was (recovery)
# a good ending read below this while a sure misstep is open (``_open_misstep``): the persona brings the misstep back
CLOSING_DOUBT = 0.5
CALMS_ONCE_HEARD = ("erkennen", "dynamiek", "behoefte")  # steps that calm a persona who felt heard ("Heard")


@dataclass
class Move:
    """A classified professional move with its confidence and the cues that decided it."""

    zet: str
    zekerheid: float = 1.0
    signalen: List[str] = field(default_factory=list)
    stap_label: Optional[str] = None  # raw label of the step classifier, for evaluation
    zetten: List[str] = field(default_factory=list)  # every move in the turn (several sentences)
    zelfcorrectie: bool = False  # the turn takes back the professional's own words ("wacht, ik ga te snel")
    valkuilzin: Optional[str] = None  # in a turn of several sentences: the sentence that carried the pitfall
    # only a greeting or introduction (GREETING) or fillers ("hmm", FILLERS): no move, and no turn either
    small_talk: Optional[str] = None


Classifier = Callable[..., Union[Move, str]]  # (text) or, with ``accepts_context``, (text, context=...)


@dataclass
class Turn:
    nr: int
    tekst: str
    zet: str
    zekerheid: float
    signalen: List[str]
    spanning_voor: int
    spanning_na: int
    rol: str
    antwoord: str
    herhaling: bool = False
    onzeker: bool = False  # an uncertain pitfall read that was forgiven (persona asked what was meant)
    zetten: List[str] = field(default_factory=list)  # all moves the turn held, when more than one
    weerstand: bool = False  # options came too early: the persona pushed back (pacing)
    herstel: bool = False  # a step after a pitfall that brought the tension back down (recovery)
    rechtgezet: bool = False  # a step that takes back the misstep of the turn before (self-correction)
    valkuilzin: Optional[str] = None  # the sentence that carried the pitfall (typed text: masked when stored)
    verhoor: bool = False  # a string of closed questions (``pacing.interrogates``): the tension did not fall
    laatste_kans: bool = False  # the bad ending came too early in the session: the persona warned it is about to leave
    zelfcorrectie: bool = False  # the turn takes back the professional's own words ("wacht, ik ga te snel")
    teruggehaald: bool = False  # the good ending came with a sure misstep never repaired: the persona brought it back


def pitfall_turns(turns: List[Turn]) -> int:
    """How many turns held a pitfall, as the main move or as a part beside a step; forgiven uncertain reads do not
    count."""
    return sum(1 for t in turns if not t.onzeker and set([t.zet] + t.zetten) & set(PITFALLS))


def mostly_good(with_pitfall: int, turns: int) -> bool:
    """At most half of the turns held a pitfall (``GOOD_PATTERN``): warm sentences in between do not make a talk of
    steering, judging or taking over a good one. The good ending needs this; the debrief says so when it is missing."""
    return with_pitfall <= GOOD_PATTERN * turns


@dataclass
class State:
    scenario: str
    seed: int
    tension: int
    role: str
    turns: List[Turn] = field(default_factory=list)
    ending: Optional[str] = None  # goed | slecht | gestopt
    last_reply: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "State":
        data = dict(data)
        data["turns"] = [Turn(**t) for t in data.get("turns", [])]
        return cls(**data)

    @property
    def curve(self) -> List[int]:
        """Tension at the start and after every turn."""
        start = self.turns[0].spanning_voor if self.turns else self.tension
        return [start] + [t.spanning_na for t in self.turns]

    @property
    def moves(self) -> List[str]:
        return [t.zet for t in self.turns]

    def all_moves(self) -> List[str]:
        """Every move in the order made: each turn's main move and the further moves of a turn of several
        sentences ("Dat is begrijpelijk. Tegelijk: dat heb ik niet in mijn macht." is erkennen and realiteit), not
        the further moves of a forgiven uncertain read (the persona did not take that turn as a step)."""
        return moves_of(self.turns)


def moves_of(turns: Sequence[Any]) -> List[str]:
    """``State.all_moves`` for turns as objects or as stored dicts (the group overview and reports read the store)."""
    def get(turn: Any, key: str) -> Any:
        return turn.get(key) if isinstance(turn, dict) else getattr(turn, key, None)

    return [move for t in turns
            for move in dict.fromkeys([get(t, "zet")] + ([] if get(t, "onzeker") else further_moves(
                get(t, "zet"), list(get(t, "zetten") or []))))]


def further_moves(main: str, moves: Sequence[str]) -> List[str]:
    """The moves of a turn besides its main move that count as made: all of them, except options in a turn led by a
    pitfall: an options question that the professional answers with their own advice or plan in the same turn
    ("Wat zou u kunnen doen? Ik zou het zo doen: ...") leaves the other no option to choose (a user test: advice
    credited as options ended a talk well)."""
    return [m for m in moves if not (main in PITFALLS and m == "opties")]


QUESTION_STEPS = ("dynamiek", "behoefte", "opties")  # steps asked as a question, which the persona answers


def answered_move(main: str, moves: Sequence[str], text: str) -> str:
    """The move the persona's reply answers: the main move, except in a turn that acknowledges or states a stance and
    then asks one question about the pattern, the wish or the options ("Dat is zwaar. Wat zou je het allerliefste
    willen?"): the persona answers the question, not the acknowledgement (a user test: a wish question got "Ik voel
    me schuldig, naar allebei."). The tension and the role still follow the main move."""
    asked = [m for m in moves if m in QUESTION_STEPS]
    if main in ("erkennen", "visie") and len(asked) == 1 and text.rstrip().endswith("?"):
        return asked[0]
    return main


def _doubt_reply_move(text: str) -> str:
    """The move the persona answers a forgiven doubtful read with: as to an unclear turn ("Wat bedoel je?"), except a
    turn that opens by agreeing or acknowledging ("ik snap het, u wilt gewoon rust"), answered as heard (erkennen; a
    user test of session 28: the father who stops got "Daar heb ik niks aan." after it). The tension stays as for any
    forgiven read."""
    from bot.steps.classifier import opens_with_acknowledgement  # lazy: the step classifier loads its models

    return "erkennen" if opens_with_acknowledgement(text) else UNCLEAR


@dataclass
class TurnResult:
    reply: str
    move: Move
    tension: int
    role: str
    ending: Optional[str]
    turn: Turn


# An interrogated persona (``Turn.verhoor``) answers as to a question about the pattern asked too early: the high band
# of ``dynamiek`` ("Waarom wil iedereen dat ik dingen vertel?", "Wilt u nu zeggen dat het aan mij ligt?").
INTERROGATED = "dynamiek"
INTERROGATED_TENSION = 8


class RoleplayError(ValueError):
    """Bad input for a turn; the message is Dutch and can be shown as is."""


class Engine:
    def __init__(self, scenario: Scenario, classify: Classifier, seed: int = 0, state: Optional[State] = None):
        self.scenario = scenario
        self.classify = classify
        self.state = state or State(
            scenario=scenario.id, seed=seed, tension=scenario.spanning.start, role=scenario.persona.rol
        )

    # -- public -------------------------------------------------------------------------------
    def opening(self) -> str:
        return self.scenario.persona.opening

    def _read_turn(self, text: str) -> Move:
        """The move of a turn, after the checks that make a message no turn (ended, empty, too long, no words, not
        Dutch, only a greeting or fillers, typed at random): those raise ``RoleplayError`` and change nothing."""
        if self.state.ending:
            raise RoleplayError(ALREADY_ENDED)
        if not text:
            raise RoleplayError("Je bericht is leeg. Typ wat je tegen je gesprekspartner zegt.")
        if len(text) > MAX_TEXT:
            raise RoleplayError(
                f"Dat is te lang voor één beurt (meer dan {MAX_TEXT} tekens). "
                "Zeg het korter, zoals in een echt gesprek."
            )
        if not words(text):  # "👍", "...", "?!": nothing to read, so no move and no change in tension
            raise RoleplayError(NO_WORDS)
        if not looks_dutch(text):
            raise RoleplayError(NOT_DUTCH)
        move = self._classify(text)
        if move.small_talk == LISTENING:  # a bare "ja" or "pfoe" names nothing: no turn, whatever it was read as
            raise RoleplayError(LISTENING_NOTE.format(
                tension=self.state.tension, line=self.state.last_reply or self.scenario.persona.opening))
        if move.small_talk and move.zet == UNCLEAR:  # a greeting or a "hmm": no turn, the tension stays (user test)
            note = FILLER if move.small_talk == FILLERS else SMALL_TALK
            raise RoleplayError(note.format(tension=self.state.tension,
                                            line=self.state.last_reply or self.scenario.persona.opening))
        if not move.small_talk and looks_typed_at_random(text):  # "asdkjh qwe": typed at random, no turn (user test)
            from bot.steps.classifier import is_filler  # lazy: the step classifier loads its models

            if is_filler(text):  # "hmm" read on from a line with a feeling is still a filler, not a typing error
                raise RoleplayError(FILLER.format(tension=self.state.tension,
                                                  line=self.state.last_reply or self.scenario.persona.opening))
            raise RoleplayError(NO_KNOWN_WORDS.format(tension=self.state.tension))
        return move

    def step(self, text: str) -> TurnResult:
        text = (text or "").strip()
        move = self._read_turn(text)
        state = self.state
        before = state.tension
        moves = [m for m in dict.fromkeys([move.zet] + list(move.zetten)) if m in MOVES]
        forgiven = (
            move.zet in PITFALLS
            and move.zekerheid < UNSURE
            and not any(turn.onzeker for turn in state.turns)
        )
        if forgiven:
            delta = 0
        elif move.zet in STEPS:
            heard = self._heard()
            delta = min(self._step_delta(m, before, heard) for m in moves if m in STEPS)
        else:
            delta = self.scenario.effecten.delta(move.zet, before)
        recovering = move.zet in STEPS and self._recovery_level() < before
        progressing = (not recovering and delta > -1 and move.zet in STEPS
                       and any(self._in_order(m, moves) for m in moves))
        if (recovering or progressing) and delta > -1:
            delta = -1
        taken = self._used()
        repeated = (delta < 0 and move.zet in STEPS and state.moves[-2:] == [move.zet, move.zet]
                    and not self._closing(move.zet, taken)
                    and not any(m in STEPS and m not in taken for m in moves))  # a new step beside it: no repeat
        if repeated:
            delta = 0
        delta, resisted = pacing.paced_delta(self.scenario, move.zet, delta, sorted(taken))
        questioned = pacing.interrogates(text)  # whatever the read: a step, a pitfall, unclear or forgiven
        if recovering and not (resisted or repeated or questioned):  # undo the damage faster than max_daling, never
            delta = min(delta, max(-RECOVERY_STEP, self._recovery_level() - before))  # below the level
        if questioned:  # a string of closed questions is an interrogation: the tension does not fall
            delta = max(delta, 0)
        state.tension = max(0, min(MAX_TENSION, before + delta))
        repaired = move.zelfcorrectie and move.zet in STEPS and self._repairable()
        if repaired:  # back to the tension from before the misstep, and this step counts on top of it
            state.tension = min(state.tension, max(0, state.turns[-1].spanning_voor - 1))
        state.role = self._next_role(UNCLEAR if forgiven else move.zet)
        bad_turn = move.zet in PITFALLS + (UNCLEAR,) and not forgiven
        ending = self._ending(move.zet, moves, bad_turn=bad_turn)
        last_chance = ending == status.BAD and len(state.turns) + 1 < MIN_TURNS_BAD_END
        brought_back = (ending == status.GOOD and move.zekerheid < CLOSING_DOUBT
                        and self._open_misstep(move) is not None)
        if brought_back:  # a doubtful close does not end a talk with an unrepaired misstep: the persona brings it back
            ending = None
            reply = self.scenario.einde.goed.bring_back
        elif last_chance:  # too young a session to be decided: the persona says it is about to leave (issue #14)
            ending = None
            reply = self.scenario.einde.slecht.warning
        elif ending:
            reply = getattr(self.scenario.einde, ending).slotzin
            state.ending = ending
        else:
            calmer = state.tension < before
            reply = (self._pick(INTERROGATED, text, resisted, band_tension=INTERROGATED_TENSION) if questioned
                     else self._pick(_doubt_reply_move(text) if forgiven else answered_move(move.zet, moves, text),
                                     text, resisted, calmer=calmer))
        state.last_reply = reply
        turn = Turn(
            nr=len(state.turns) + 1,
            tekst=text,
            zet=move.zet,
            zekerheid=round(float(move.zekerheid), 3),
            signalen=list(move.signalen),
            spanning_voor=before,
            spanning_na=state.tension,
            rol=state.role,
            antwoord=reply,
            herhaling=repeated,
            onzeker=forgiven,
            zetten=moves if len(moves) > 1 else [],
            weerstand=resisted,
            herstel=recovering and not repeated and not repaired and not questioned,
            verhoor=questioned,
            rechtgezet=repaired,
            laatste_kans=last_chance,
            zelfcorrectie=move.zelfcorrectie,
            teruggehaald=brought_back,
            valkuilzin=move.valkuilzin if set(moves) & set(PITFALLS) and not forgiven else None,
        )
        state.turns.append(turn)
        return TurnResult(reply=reply, move=move, tension=state.tension, role=state.role, ending=ending, turn=turn)

    def rewind(self, turn_nr: int) -> List[Turn]:
        """Go back to the state just before turn ``turn_nr`` (1-based); returns the turns taken back."""
        turns = self.state.turns
        if not 1 <= turn_nr <= len(turns):
            raise RoleplayError(
                f"Beurt {turn_nr} bestaat niet; kies een beurt van 1 tot en met {len(turns)}." if turns
                else "Er is nog geen beurt gespeeld om opnieuw te proberen."
            )
        removed = turns[turn_nr - 1:]
        first = removed[0]
        self.state.turns = turns[: turn_nr - 1]
        self.state.tension = first.spanning_voor
        self.state.role = self.state.turns[-1].rol if self.state.turns else self.scenario.persona.rol
        self.state.last_reply = self.state.turns[-1].antwoord if self.state.turns else None
        self.state.ending = None
        return removed

    def stop(self) -> None:
        if not self.state.ending:
            self.state.ending = status.STOPPED

    # -- internals ----------------------------------------------------------------------------
    def _classify(self, text: str) -> Move:
        if getattr(self.classify, "accepts_context", False):
            from bot.roleplay.context import Context

            last_line = self.state.last_reply or self.scenario.persona.opening
            result = self.classify(text, context=Context.of(last_line, self.state.moves))
        else:
            result = self.classify(text)
        move = result if isinstance(result, Move) else Move(zet=str(result))
        if move.zet not in MOVES:
            move = Move(zet=UNCLEAR, zekerheid=move.zekerheid, signalen=move.signalen, stap_label=move.zet)
        move.zetten = [m for m in move.zetten if m in MOVES]
        return move

    def _next_role(self, move: str) -> str:
        for shift in self.scenario.rolwissels:
            if shift.applies(self.state.role, self.state.tension, move):
                return shift.naar
        return self.state.role

    def _step_delta(self, step: str, tension: int, heard: bool) -> int:
        """The scenario's effect of ``step`` at ``tension``; once the persona felt ``heard`` (:meth:`_heard`), a step of
        ``CALMS_ONCE_HEARD`` lowers the tension by at least one (see "Heard" in the module docstring)."""
        delta = self.scenario.effecten.delta(step, tension)
        if step in CALMS_ONCE_HEARD and heard:
            return min(delta, -1)
        return delta

    def _heard(self) -> bool:
        """An earlier turn acknowledged the persona (``erkennen`` as its move or as a part beside another), not a
        forgiven uncertain read."""
        return any("erkennen" in [turn.zet] + turn.zetten for turn in self.state.turns if not turn.onzeker)

    def _used(self) -> Set[str]:
        """Every move of the turns so far, also the further moves of a turn with several sentences; not the further
        moves of a forgiven uncertain read (the persona asked what was meant: that turn did no step yet)."""
        return set(self.state.all_moves())

    def _in_order(self, move: str, moves: List[str]) -> bool:
        """A step used for the first time after the steps before it in the workbook order: moving on
        in order, not skipping ahead. The stance (visie) is no step in that order: it is never needed
        before another step and keeps the scenario's own effect."""
        if move not in STEPS or move == "visie":
            return False
        used = self._used()
        if move in used:
            return False
        used |= set(moves) - {move}
        earlier = STEPS[1:STEPS.index(move)]
        return all(step in used for step in earlier)

    def _closing(self, move: str, used: Set[str]) -> bool:
        """The talk is closing: ``move`` can close it (``einde.goed.zetten``) and every step the good ending needs was
        used (``used``: ``_used()``). Asking on about the other's own options ("en wat nog meer?") then keeps its
        effect, also a third time in a row (see "Resistance": the repetition rule)."""
        good = self.scenario.einde.goed
        return move in good.zetten and set(good.nodig) <= used

    def _repairable(self) -> bool:
        """The turn before was a pitfall that raised the tension (not a forgiven uncertain read) after a step (one
        clumsy turn in a good talk, not the end of a run of missteps), and no misstep was taken back before in this
        session: one repair per session, so taking back every pitfall is no way out."""
        turns = self.state.turns
        if not turns or any(turn.rechtgezet for turn in turns):
            return False
        last = turns[-1]
        if len(turns) > 1 and turns[-2].zet not in STEPS:
            return False
        return last.zet in PITFALLS and not last.onzeker and last.spanning_na > last.spanning_voor

    def _open_misstep(self, move: Move) -> Optional[Turn]:
        """The first sure misstep of the session that the trainee never repaired, or None (see "An unrepaired misstep"
        in the module docstring): a turn led by a pitfall read at or above ``UNSURE`` (not a forgiven read) that raised
        the tension, with no turn after it (this one, ``move``, included) that takes back the professional's own words
        (``zelfcorrectie``, ``rechtgezet``) and, once the persona brought it back (``teruggehaald``), no step after
        that which acknowledges the persona (``erkennen``, as the move or beside it)."""
        turns = self.state.turns
        if move.zelfcorrectie:
            return None
        for index, turn in enumerate(turns):
            if turn.zet not in PITFALLS or turn.onzeker or turn.zekerheid < UNSURE \
                    or turn.spanning_na <= turn.spanning_voor:
                continue
            later = turns[index + 1:]
            if any(t.rechtgezet or t.zelfcorrectie for t in later):
                continue
            back = next((k for k, t in enumerate(later) if t.teruggehaald), None)
            if back is not None:
                answers = [(t.zet, t.zetten) for t in later[back + 1:]] + [(move.zet, move.zetten)]
                if any(main in STEPS and "erkennen" in [main] + list(parts) for main, parts in answers):
                    continue
            return turn
        return None

    def _recovery_level(self) -> int:
        """The tension before the last pitfall that raised it, or the maximum when there was none
        (recovery ends once the tension is back at that level)."""
        for turn in reversed(self.state.turns):
            if turn.zet in PITFALLS and not turn.onzeker and turn.spanning_na > turn.spanning_voor:
                return turn.spanning_voor
        return MAX_TENSION

    def _ending(self, move: str, moves: List[str], bad_turn: bool) -> Optional[str]:
        if self.state.tension >= MAX_TENSION:
            recent = [t for t in self.state.turns[-2:] if t.zet in PITFALLS + (UNCLEAR,) and not t.onzeker]
            if bad_turn and len(recent) + 1 >= BAD_PATTERN:
                return status.BAD
            return None
        good = self.scenario.einde.goed
        used = self._used() | set(moves) | {move}
        if pacing.early_for_good_end(self.scenario, len(self.state.turns) + 1):
            return None
        if move not in STEPS or self.state.tension > self.scenario.spanning.goed_einde_tot:
            return None
        previous = self.state.turns[-1:]
        closing = set(moves) | {move} | {m for t in previous for m in [t.zet] + t.zetten if t.zet in STEPS}
        if closing & set(good.zetten) and set(good.nodig) <= used and self._mostly_good(moves):
            return status.GOOD
        return None

    def _mostly_good(self, moves: List[str]) -> bool:
        """``mostly_good`` for the turns so far and this one (``moves``)."""
        this_turn = bool(set(moves) & set(PITFALLS))
        return mostly_good(pitfall_turns(self.state.turns) + this_turn, len(self.state.turns) + 1)

    def _pick(self, move: str, said: str, resisted: bool = False, band_tension: Optional[int] = None,
              calmer: bool = False) -> str:
        """A reply line for ``move`` at the current tension (or at ``band_tension``: the band of an interrogated
        persona), fitting what was said and how it landed (``calmer``: the tension fell), not said before."""
        said_before = {turn.antwoord for turn in self.state.turns} | {self.scenario.persona.opening}
        tension = self.state.tension if band_tension is None else band_tension
        variants = pacing.reply_lines(self.scenario, self.state.role, move, tension, said, resisted,
                                      avoid=said_before, calmer=calmer, last=self.state.last_reply)
        options = [v for v in variants if v != self.state.last_reply] or list(variants)
        rng = random.Random(f"{self.state.seed}-{len(self.state.turns)}")
        return rng.choice(options)
