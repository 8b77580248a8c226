"""The guided intake as a small state machine: one question at a time, free-text answers.

The state is a plain JSON-serialisable dict (it lives in a Rasa slot). The consultant can type an
answer, or a command: 'sla over', 'terug', 'stop', or 'rond af' (finish early and make the summary).
Every answer is scanned for signals; a new danger signal interrupts with what to do now, after which
the intake goes on. Answers are masked (names, phone numbers, BSN ...) before they enter the state.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Container, Dict, List, Optional, Tuple

from bot import commands, status
from bot.correction import AGE, Correction, correction, restated, school_year_correction
from bot.intake import deidentify, opening
from bot.intake.listen import (
    ASPECT_KEYS,
    KEY_ASPECTS,
    NO_ANSWER_QUESTION,
    age_of,
    evades,
    left_out_kind,
    listen,
    names_support,
    no_answer_kind,
    only_names_left,
    support_clauses,
    tones_down,
    without_contact_details,
    yes_only_to,
)
from bot.intake.models import IntakePlan, IntakeSignaal, PlanStap, Vraag, Vragenset
from bot.intake.signals import Hit, danger_hits, find_signals, hits_heard, is_affirmative
from bot.language import unreadable
from bot.privacy.masking import mask_known
from bot.text import simplify

DEFAULT_PLAN = "telefonische_intake"
STEUN_ACTIVITIES = "steun_vrije_tijd"  # the steun signal of activities (sport, a club), not of a person
MAX_ANSWER = 2000

STATUS_BUSY = status.BUSY
STATUS_DONE = status.DONE
STATUS_STOPPED = status.STOPPED

# whole-message commands (phrases in bot.commands); 'volgende' skips the question like 'sla over'
_COMMANDS = (commands.STOP, commands.OVERSLAAN, commands.VOLGENDE, commands.TERUG, commands.AFRONDEN)


class IntakeError(ValueError):
    """The intake cannot start or continue (unknown plan, broken knowledge)."""


@dataclass
class QuestionView:
    key: str  # "<set>.<question>"
    set_name: str
    vraag: str
    doel: str
    doorvraag: str
    number: int  # 1-based: how many questions were shown so far, this one included (1, 2, 3 ... without gaps)
    total: int  # this number and the questions still to ask as far as known now (it grows when a signal adds some)
    safety: bool


@dataclass
class Turn:
    """What happened with one input, and what to show next."""

    state: dict
    kind: str  # vraag | gevaar | leeg | begin | klaar | gestopt | onleesbaar | uitleg | kaartvraag | geen_antwoord |
    # vergeten | antwoord_gewist | niets_gewist | correctie
    question: Optional[QuestionView] = None
    danger: List[IntakeSignaal] = field(default_factory=list)
    masked_note: str = ""
    filed: List[Tuple[str, str]] = field(default_factory=list)  # (aspect, masked words) filed elsewhere
    kept_open: bool = False  # the answer belonged elsewhere; the same question is still open
    already_answered: List[Tuple[str, str]] = field(default_factory=list)  # (aspect, words) of skipped questions
    unclear: bool = False  # a safety question got an answer that avoids it ("weet ik niet"): noted, but not clear
    no_answer: str = ""  # why it is no answer: 'geen_antwoord' (listen.NO_ANSWER_*), 'onleesbaar' (language.NO_WORDS)
    forgotten: int = 0  # how many answers a request to forget the intake removed
    contact_left_out: bool = False  # contact details in the answer were left out (``listen.without_contact_details``)
    left_out_text: str = "contactgegevens"  # the text that says what was left out (``listen.left_out_kind``)
    corrected: Optional[Tuple[str, str, int]] = None  # a correction (kind 'correctie'): old value, new value, how often
    open_questions: List[str] = field(default_factory=list)  # kind 'open_vragen': the questions still to ask
    earlier_answer: str = ""  # after 'terug': the (masked) answer noted at the question gone back to
    # the answer was noted at the question asked: NOTED_NEW, or NOTED_REPLACED when it replaced an earlier answer there
    # (the chat says so in a word; a user test of session 28: the consultant did not know the answer was kept)
    noted: str = ""


NOTED_NEW = "nieuw"
NOTED_REPLACED = "vervangen"

# "kun je dat wat ik net typte weghalen?" (``bot.commands.asks_to_wipe_last``, as in the role-play): the last stored
# answer goes. The state before that answer is kept under this key until the next message that changes the state,
# and restored on such a request (a user test: the intake only offered to wipe the whole conversation).
BEFORE_LAST_ANSWER = "voor_laatste_antwoord"
FORGET = "vergeten"  # "wis dit gesprek": how to wipe the whole conversation
WIPED = "antwoord_gewist"
NOTHING_WIPED = "niets_gewist"
# "kunt u wat ik net over deze beller heb ingetypt weer vergeten?" (``bot.commands.asks_to_forget_the_caller``): the
# whole intake is forgotten (answers, what they filed and signalled, the places and the caller named) and stopped; no
# summary is made (a user test: it only pointed to 'Wis dit gesprek')
INTAKE_FORGOTTEN = "intake_vergeten"
# an answer of only contact details ("ze is bereikbaar op 06-..."): no fact of the case; nothing noted, the question
# stays open
CONTACT_ONLY = "contactgegevens"
# a wish that nothing is stored ("ze wil niet dat er iets wordt opgeslagen", "wis dit gesprek") was typed during the
# intake: the summary is shown but not stored until the consultant confirms ("sla toch op"; actions/intake.py)
NOT_TO_STORE = "niet_opslaan"
# what leaves the state as it was: the last answer can still be wiped after it
_KEEPS_THE_LAST_ANSWER = ("leeg", "uitleg", FORGET, "onleesbaar", NOTHING_WIPED, CONTACT_ONLY, "open_vragen",
                          "over_de_intake")


def command_of(text: str) -> Optional[str]:
    """The command a whole message stands for, or None when it is an answer."""
    command = commands.near_whole_message(text, _COMMANDS)  # "sla ovr", "volgnde", "terug graag" too (s28)
    return commands.OVERSLAAN if command == commands.VOLGENDE else command


# The consultant asks Rustpunt about the question ("wacht even, wat bedoelen ze eigenlijk met omvang?", "waarom
# deze vraag?"): a short question to us, not the caller's answer (a user test found it stored as the answer).
_ASKS_US = re.compile(
    r"^\W*(?:(?:wacht|even|eh|uh|sorry|nou|oké|ok)\W+)*(?:"
    r"wat (?:bedoel(?:en|t|d)?|betekent|betekenen|houdt)\b(?:\s+\w+){0,4}?\s+(?:met|mee|hier|in deze vraag|"
    r"eigenlijk)\b.*|wat betekent (?:aard|beloop|omvang|ernst)\b.*|wat is (?:aard|beloop|omvang|ernst)\b.*"
    r"|waarom (?:deze vraag|vraag je dit|vraag je dat|moet ik dit vragen|deze)\b.*"
    r"|leg (?:deze vraag|dit|het) (?:eens )?uit\b.*"
    r")\?\W*$",
    re.IGNORECASE,
)
MAX_QUESTION_WORDS = 14


def asks_about_the_question(text: str) -> bool:
    """A short question of the consultant to Rustpunt about the intake question (see ``_ASKS_US``)."""
    return len(text.split()) <= MAX_QUESTION_WORDS and bool(_ASKS_US.match(text.strip()))


# The consultant asks what is still to ask ("wat moet ik nog vragen?", "welke vragen staan nog open?"): the open
# questions are listed, nothing is noted (a user test of session 23 got it stored as the answer about the ernst).
_ASKS_WHAT_IS_LEFT = re.compile(
    r"^\W*(?:(?:eh|uh|even|nou|oke|ok|sorry|en|dus|zo|oja|o)\W+)*(?:"
    r"(?:wat|welke vragen?) (?:moet|kan|zou|zal|moeten) ik (?:(?:haar|hem|ze|de beller|nog|verder|eigenlijk|allemaal)"
    r" )*(?:vragen|stellen|uitvragen|nagaan|weten)(?: nog)?"
    r"|wat (?:mis ik|ontbreekt (?:er )?|staat er|is er) nog(?: open)?"
    r"|welke vragen (?:staan|zijn er|heb ik) nog(?: open| niet gesteld)?"
    r")\W*$")
OPEN_QUESTIONS = "open_vragen"


def asks_what_is_left(text: str) -> bool:
    """The consultant asks which questions are still open (see ``_ASKS_WHAT_IS_LEFT``)."""
    return bool(_ASKS_WHAT_IS_LEFT.match(simplify(text or "").strip()))


KAART_QUESTION = "kaartvraag"
CORRECTION = "correctie"  # "nee wacht, ze is 13 niet 15": an earlier fact replaced, the open question still open
INTRODUCTION = "introductie"  # the answer to the first question only said who calls: the question stays open
ABOUT_THE_INTAKE = "over_de_intake"  # talk to Rustpunt about the intake ("ik bedoel een intake"): nothing noted

def asks_the_kaart(text: str) -> bool:
    """A question of the consultant to the sociale kaart (``bot.kaart.dialog.asks_the_kaart``): no answer of the
    caller, whatever question is open (a user test saw such questions stored as the answer to the safety
    questions, and "Veiligheid: uitgevraagd")."""
    try:
        from bot.kaart.dialog import asks_the_kaart as asks  # lazy: the kaart is optional for the intake
    except Exception:  # the kaart is optional for the intake
        return False
    return asks(text)


# how a follow-up of a kaart question reads: a question ("Vleuten dan?") or a message that goes on from the one before
# ("en in vleuten", "wat als ze in Huizen wonen"); a place alone ("in Laren") may be the caller's answer
_GOES_ON = re.compile(r"^\W*(?:en|of|maar|wat als|hoe zit|zelfde|dezelfde|hetzelfde)\b")


def follows_up_the_kaart(text: str) -> bool:
    """A short follow-up of a kaart question that names only another place, age or a parent ("en in Vleuten?", "en als
    hij 17 is?", "en voor de moeder zelf?": ``bot.kaart.dialog.plaats_vervolg``, ``leeftijd_vervolg``,
    ``ouder_vervolg``), asked as a question or going on from the message
    before: a question of the consultant to the kaart, answered as the others asked during the intake (a user test of
    session 22: "en in Vleuten?" at a safety question was refused as no answer)."""
    plain = simplify(text or "").strip()
    if not (plain.endswith("?") or _GOES_ON.match(plain)):
        return False
    try:  # lazy: the kaart is optional for the intake
        from bot.kaart.dialog import leeftijd_vervolg, ouder_vervolg, plaats_vervolg
    except Exception:  # the kaart is optional for the intake
        return False
    # "en voor de moeder zelf?" (``ouder_vervolg``): the same for a parent (a user test of session 24 stored it under
    # the question about the household)
    return plaats_vervolg(text) is not None or leeftijd_vervolg(text) is not None or ouder_vervolg(text) is not None


def names_place_and_problem(text: str) -> bool:
    """The kaart reads a place and a problem in ``text`` ("hulp bij scheiding in laren?"): a short question like that,
    with no word of an answer, is a question to the kaart also where ``asks_the_kaart`` does not read it as one."""
    try:
        from bot.kaart.query import parse_vraag  # lazy: the kaart is optional for the intake
    except Exception:  # the kaart is optional for the intake
        return False
    parsed = parse_vraag(text)
    return bool((parsed.gemeente or parsed.buiten_regio) and parsed.themas)


def place_named(text: str) -> Optional[str]:
    """The place (as written: a village or a municipality) a message names, as the sociale kaart reads it."""
    try:
        from bot.kaart.query import extract_plaats  # lazy: the kaart is optional for the intake
        gemeente, written = extract_plaats(text or "")[:2]
    except Exception:  # the kaart is optional for the intake
        return None
    place = written or gemeente
    return simplify(str(place)) if place else None


def _note_place(state: dict, text: str) -> None:
    """Remember the place a message names that is not kept as an answer (the opening of the call, "moeder uit
    nieuw-loosdrecht" to a safety question, a kaart question): the route and the kaart search use it (a user test:
    "wonen in kortenhoef" and the kaart said "Je noemde geen gemeente")."""
    place = place_named(text)
    places = state.setdefault("plaatsen", [])
    if place and place not in places:
        places.append(place)


class Intake:
    """Runs a plan from the knowledge; all methods take and return the state dict."""

    def __init__(self, knowledge, plan_id: str = DEFAULT_PLAN, names: Container[str] = ()):
        """``names``: the names and schools masked earlier in the conversation (``ConversationNames``): an answer masks
        them wherever it repeats them ("ze moet gewoon naar de zonnewijzer" after "basisschool de zonnewijzer"; a
        privacy officer found it readable in the summary)."""
        self.names = names
        plan = knowledge.get("intake_plan", plan_id)
        if plan is None:
            raise IntakeError(f"Het intakeplan '{plan_id}' bestaat niet in de kennis.")
        self.plan: IntakePlan = plan
        self.sets: Dict[str, Vragenset] = knowledge.entries.get("vragenset", {})
        self.signals: Dict[str, IntakeSignaal] = knowledge.entries.get("intake_signaal", {})

    # -- helpers -------------------------------------------------------------------------------
    def _step_question(self, step: PlanStap) -> Vraag:
        question = self.sets[step.vragenset].question(step.vraag)
        if question is None:  # the loader checks plans; this guards against hand-made knowledge
            raise IntakeError(f"Vraag '{step.vragenset}.{step.vraag}' ontbreekt in de kennis.")
        return question

    def _screening_kinds(self) -> set:
        """The kinds of the ordinary signals a plain 'ja' to a screening question of the plan gives (hard rows at home:
        'scheiding')."""
        questions = [self._step_question(step) for step in self.plan.stappen]
        return {self.signals[question.signaal_bij_ja].soort for question in questions
                if question.signaal_bij_ja in self.signals and not question.gevaar_signaal}

    @staticmethod
    def _key(step: PlanStap) -> str:
        return f"{step.vragenset}.{step.vraag}"

    def _kinds_heard(self, state: dict) -> set:
        """The kinds of the signals heard; rows are a divorce only where one was told (``without_an_unsaid_divorce``:
        the questions about the parents' separation are not asked of a father who rows with his daughter)."""
        return {hit.soort for hit in hits_heard(state, self.signals)}

    def _applies(self, step: PlanStap, state: dict) -> bool:
        if step.alleen_als_soort is not None and step.alleen_als_soort not in self._kinds_heard(state):
            return False
        if self._danger_told(step, state):
            return False
        if step.vanaf_leeftijd is not None:  # a question that does not fit the age the caller named
            age = age_of(self.told(state))
            if age is not None and age < step.vanaf_leeftijd:
                return False
        return True

    def _danger_told(self, step: PlanStap, state: dict) -> bool:
        """The danger a safety question asks about (its ``signaal_bij_ja``) was told at another question: the told
        danger answers it ("als ik naar papa moet dan spring ik van het balkon" at the question about direct danger
        answers the one about self-harm; a user test of session 24 still listed it as never asked)."""
        question = self._step_question(step)
        if not question.gevaar_signaal or not question.signaal_bij_ja:
            return False
        key = self._key(step)
        return any(hit[0] == question.signaal_bij_ja and hit[1] == "gevaar" and hit[3] != key
                   for hit in state.get("hits") or [])

    @staticmethod
    def _answered_elsewhere(step: PlanStap, state: dict) -> bool:
        """The caller already answered this question's aspect while answering another question."""
        key = f"{step.vragenset}.{step.vraag}"
        return key not in state["answers"] and bool(state.get("filed", {}).get(key))

    def opening_tells(self, text: str) -> bool:
        """The consultant's first message tells what the call is about: a story (``opening.tells_the_story``), or a
        short one with a signal after the introduction ("er belt een ib'er van het college in hilversum over een
        meisje van 15, ze denkt aan een loverboy": a user test of session 23 lost the danger and the loverboy, while
        the same from a parent, told in more words, gave both). Support alone tells nothing yet."""
        if opening.tells_the_story(text):
            return True
        rest = opening.without_introduction(text)
        return rest != text and any(hit.soort not in ("steun", "weinig_steun")
                                    for hit in find_signals(rest, self.signals.values()))

    def _is_danger(self, text: str) -> bool:
        return bool(danger_hits(find_signals(text, [s for s in self.signals.values() if s.soort == "gevaar"])))

    def _signs_across_answers(self, state: dict, key: str, text: str, hits: List[Hit]) -> List[Hit]:
        """Weak signs told at different questions count together, as in one answer: "zonder ontbijt" at the first
        question and "erg moe" at a later one are a signal of neglect (``zwakke_trefwoorden`` in the knowledge)."""
        found = {hit[0] for hit in state["hits"]} | {hit.signal_id for hit in hits}
        weak = [signal for signal in self.signals.values() if signal.zwakke_trefwoorden and signal.id not in found]
        earlier = [answer for other, answer in state["answers"].items() if other != key]
        earlier += [piece for entries in (state.get("filed") or {}).values() for piece, source in entries
                    if source != key]
        if not weak or not earlier:
            return []
        return find_signals(". ".join(earlier + [text]), weak, question=key)

    def _next_position(self, state: dict, after: int) -> Optional[int]:
        for index in range(after + 1, len(self.plan.stappen)):
            if self._applies(self.plan.stappen[index], state):
                return index
        return None

    def safety_not_answered(self, state: dict) -> Tuple[List[str], List[str]]:
        """The screening questions of the plan that apply and have no answer: (never asked, skipped), as questions. A
        screening question is one whose plain 'ja' is a signal (``signaal_bij_ja``): the safety questions and the
        question about hard rows at home (a user test: the rows question, never asked, was not listed)."""
        never: List[str] = []
        skipped: List[str] = []
        filed = state.get("filed") or {}
        for step in self.plan.stappen:
            question = self._step_question(step)
            key = self._key(step)
            if not question.signaal_bij_ja or not self._applies(step, state) or key in state["answers"] \
                    or filed.get(key):
                continue
            (skipped if key in state["skipped"] else never).append(self._for_the_caller(question.vraag, state))
        return never, skipped

    def open_questions(self, state: dict) -> List[str]:
        """The questions still to ask, as asked of this caller: the open one first, then the later steps that apply and
        were not answered elsewhere, then the screening questions that were skipped or never asked."""
        position = state.get("pos")
        if position is None:
            return []
        filed = state.get("filed") or {}
        questions: List[str] = []
        for index, step in enumerate(self.plan.stappen):
            key = self._key(step)
            later = index == position or (index > position and index not in state["history"])
            if later and self._applies(step, state) and key not in state["answers"] and not filed.get(key):
                questions.append(self._asked(step, state))
        never, skipped = self.safety_not_answered(state)
        return list(dict.fromkeys(questions + never + skipped))

    def safety_unclear(self, state: dict) -> List[Tuple[str, str]]:
        """(question, answer) of the safety questions that apply and got no clear answer ("weet ik niet")."""
        unclear = state.get("unclear") or []
        return [(self._asked(step, state), state["answers"][self._key(step)]) for step in self.plan.stappen
                if self._key(step) in unclear and self._key(step) in state["answers"] and self._applies(step, state)]

    def told(self, state: dict) -> List[str]:
        """Everything the caller told so far (masked), the first question's answer first: the context for a kaart
        question asked during the intake."""
        keys = [self._key(step) for step in self.plan.stappen]
        filed = [piece for entries in (state.get("filed") or {}).values() for piece, _ in entries]
        places = [f"in {place}" for place in state.get("plaatsen") or []]
        return [state["answers"][key] for key in keys if key in state["answers"]] + filed + places

    @staticmethod
    def dangers(state: dict) -> List[str]:
        """The ids of the danger signals found so far (their advice was shown when they were found), in the order
        found: a kaart question asked during the intake carries them into the search."""
        found: List[str] = []
        for signal_id, soort, _, _ in state.get("hits") or []:
            if soort == "gevaar" and signal_id not in found:
                found.append(signal_id)
        return found

    def other_answers(self, state: dict, shown: Tuple[str, ...]) -> List[Tuple[str, str]]:
        """(question, answer) for every question whose key is not in ``shown`` and that was answered, or told while
        answering another question (filed: "ze woont bij moeder" told at the question for an example), in the plan's
        order."""
        filed = state.get("filed") or {}
        out = []
        for step in self.plan.stappen:
            key = self._key(step)
            told = [state["answers"][key]] if key in state["answers"] else []
            told += [text for text, _ in filed.get(key, [])]
            if told and key not in shown:
                out.append((self._asked(step, state), "; ".join(dict.fromkeys(told))))
        return out

    def _asked(self, step: PlanStap, state: dict) -> str:
        """The question of ``step`` as it was asked to this caller."""
        return self._for_the_caller(self._step_question(step).vraag, state)

    def view(self, state: dict) -> Optional[QuestionView]:
        position = state.get("pos")
        if position is None or state.get("status") != STATUS_BUSY:
            return None
        step = self.plan.stappen[position]
        question = self._step_question(step)
        return QuestionView(
            key=self._key(step),
            set_name=self.sets[step.vragenset].naam,
            vraag=self._for_the_caller(question.vraag, state),
            doel=question.doel,
            doorvraag=self._for_the_caller(question.doorvraag, state),
            number=len(state["history"]) + 1,
            total=len(state["history"]) + 1 + self._still_to_ask(state),
            safety=question.gevaar_signaal,
        )

    def _still_to_ask(self, state: dict) -> int:
        """How many questions are still to ask after the open one: the later steps that apply and were not answered
        elsewhere, and an earlier safety question that now applies and will be asked late (``_late_safety_question``).
        A question that does not apply, or was answered elsewhere, gets no number: the consultant sees 1, 2, 3 ...
        (a user test saw question 4 followed by question 6)."""
        resume = state.get("resume")
        after = resume - 1 if isinstance(resume, int) else state["pos"]
        count = 0
        for index, step in enumerate(self.plan.stappen):
            if index == state["pos"] or index in state["history"] or not self._applies(step, state) \
                    or self._answered_elsewhere(step, state):
                continue
            key = self._key(step)
            late = self._step_question(step).gevaar_signaal and key not in state["answers"] \
                and key not in state["skipped"]
            if index > after or late:
                count += 1
        return count

    def _for_the_caller(self, text: str, state: dict) -> str:
        """A question as it reads for this caller: about 'het kind' when the caller is not the parent, to 'je' when the
        young person calls."""
        if state.get("beller") == opening.YOUNG:  # the young person calls: 'je', not 'het kind'
            for replacement in self.plan.jongere_beller:
                text = text.replace(replacement.van, replacement.naar)
            return text
        if state.get("beller") != opening.OTHER:
            return text
        for replacement in self.plan.andere_beller:
            text = text.replace(replacement.van, replacement.naar)
        return text

    # -- transitions ---------------------------------------------------------------------------
    def start(self, first_message: str = "") -> Turn:
        """A fresh intake; the consultant's first message may say who is on the line ("Ik heb een leerkracht aan de
        lijn"), and the questions are worded for that caller."""
        state: Dict[str, object] = {
            "beller": opening.caller_of(first_message),
            "beller_dienst": opening.service_of(first_message),  # the route of the caller's own service (POH, JGZ)
            "plan": self.plan.id,
            "pos": 0,
            "history": [],
            "answers": {},
            "skipped": [],
            "hits": [],  # [signal id, soort, trigger, question key]
            "alerted": [],
            "masked": {},
            "filed": {},  # question key -> [[masked words, key of the question that was answered]]
            "unclear": [],  # keys of safety questions whose answer avoided them ("weet ik niet")
            "status": STATUS_BUSY,
            "plaatsen": [],  # places named in messages not kept as an answer (the opening of the call ...)
        }
        _note_place(state, first_message)
        return Turn(state=state, kind="vraag", question=self.view(state))

    def handle(self, state: dict, text: Optional[str]) -> Turn:
        """Apply one message of the consultant to the state."""
        state = _copy(state)
        if state.get("status") != STATUS_BUSY:
            return Turn(state=state, kind=state.get("status") or STATUS_STOPPED)
        before = state.pop(BEFORE_LAST_ANSWER, None)
        turn = self._handle(state, text, before)
        if turn.kind in _KEEPS_THE_LAST_ANSWER and isinstance(before, dict):
            turn.state[BEFORE_LAST_ANSWER] = before
        return turn

    def _wipe_last(self, state: dict, before: Optional[dict]) -> Turn:
        """Back to the state before the last stored answer (``BEFORE_LAST_ANSWER``): the answer, what it filed
        elsewhere, its signals and what was masked in it are gone, and its question is open again."""
        if not isinstance(before, dict):
            return Turn(state=state, kind=NOTHING_WIPED, question=self.view(state))
        restored = _copy(before)  # only messages that change nothing came after the answer (_KEEPS_THE_LAST_ANSWER)
        if state.get(NOT_TO_STORE):  # a wish not to store, told after that answer, still holds
            restored[NOT_TO_STORE] = True
        return Turn(state=restored, kind=WIPED, question=self.view(restored))

    def _forget(self, state: dict) -> Turn:
        """The intake forgotten: a fresh state, stopped, so that nothing of it reaches a summary; ``forgotten`` says
        how many answers (stored here or filed elsewhere) went."""
        told = set(state.get("answers") or {}) | {key for entries in (state.get("filed") or {}).values()
                                                 for _, key in entries}
        fresh = self.start().state
        fresh["status"] = STATUS_STOPPED
        return Turn(state=fresh, kind=INTAKE_FORGOTTEN, forgotten=len(told))

    def _wiping(self, state: dict, text: str, before: Optional[dict]) -> Optional[Turn]:
        """The turn for a request to wipe or forget (never an answer of the caller), else None."""
        if commands.asks_to_forget_the_caller(text):  # "vergeet wat ik over deze beller typte": the whole intake
            return self._forget(state)
        if commands.asks_to_wipe_last(text):  # "kun je dat wat ik net typte weghalen?": the last answer, not all
            return self._wipe_last(state, before)
        if commands.is_forget_request(text):  # "wis dit gesprek" is no answer of the caller: never noted
            # "ze wil eigenlijk niet dat er iets wordt opgeslagen": the summary at the end is shown, not stored,
            # unless the consultant confirms (a user test of session 22: 'rond af' stored it anyway)
            state[NOT_TO_STORE] = True
            return Turn(state=state, kind=FORGET, question=self.view(state))
        return None

    def _handle(self, state: dict, text: Optional[str], before: Optional[dict]) -> Turn:
        command = command_of(text or "")
        if command == "stop":
            state["status"] = STATUS_STOPPED
            return Turn(state=state, kind=STATUS_STOPPED)
        if command == "afronden":
            state["status"] = STATUS_DONE
            state["pos"] = None
            return Turn(state=state, kind=STATUS_DONE)
        if command == "terug":
            if not state["history"]:
                return Turn(state=state, kind="begin", question=self.view(state))
            state["pos"] = state["history"].pop()
            # the answer noted there is shown, so it can be kept or replaced (a user test of session 27 went back and
            # could not see what was noted)
            earlier = state["answers"].get(self._key(self.plan.stappen[state["pos"]]), "")
            return Turn(state=state, kind="vraag", question=self.view(state), earlier_answer=earlier)
        if command == "overslaan" and commands.whole_message(text or "", _COMMANDS) == commands.VOLGENDE \
                and self._key(self.plan.stappen[state["pos"]]) in state["answers"]:
            # 'volgende' at an answered question (after 'terug') keeps its answer; only 'sla over' takes it back (a
            # user test of session 27: 'terug' to look, then 'volgende', and the answer was gone)
            return self._advance(state, [])
        if command == "overslaan":
            key = self._key(self.plan.stappen[state["pos"]])
            if key not in state["skipped"]:
                state["skipped"].append(key)
            if key in state["answers"]:  # an earlier answer is taken back, with what it filed elsewhere
                _unfile(state, key)
            state["answers"].pop(key, None)
            _mark_unclear(state, key, False)
            state["hits"] = [h for h in state["hits"] if h[3] != key]
            return self._advance(state, [])
        # "ik wil een intake doen, ik heb een moeder aan de lijn, ...": the talk to Rustpunt is no part of the answer
        answer = opening.without_meta((text or "").strip()).strip()
        return self._no_answer(state, text or "", before) or self._answer(state, answer[:MAX_ANSWER])

    def _no_answer(self, state: dict, text: str, before: Optional[dict]) -> Optional[Turn]:
        """The turn for a message that is no answer of the caller (empty, a request to forget, a question to
        Rustpunt or the kaart, a correction, only who calls, unreadable); None for an answer."""
        if not text.strip():
            return Turn(state=state, kind="leeg", question=self.view(state))
        wiping = self._wiping(state, text, before)
        if wiping is not None:
            return wiping
        if asks_what_is_left(text):  # "wat moet ik nog vragen?": the open questions, nothing noted
            return Turn(state=state, kind=OPEN_QUESTIONS, question=self.view(state),
                        open_questions=self.open_questions(state))
        if asks_about_the_question(text):  # the consultant asks Rustpunt, the caller said nothing new
            return Turn(state=state, kind="uitleg", question=self.view(state))
        if asks_the_kaart(text):  # "waar kan ik haar naar verwijzen?": a question to Rustpunt, the question
            _note_place(state, text)  # stays open, asked again; the place it names is the family's
            return Turn(state=state, kind=KAART_QUESTION, question=self.view(state))
        if follows_up_the_kaart(text):  # "en in Vleuten?": the same, for another place (not the family's) or age
            return Turn(state=state, kind=KAART_QUESTION, question=self.view(state))
        # "ze zit in 3 havo, niet 4": the school year too; "nee ze is 10" after another age was told
        fix = correction(text) or school_year_correction(text) or self._restated_age(state, text)
        if fix is not None:  # "nee wacht, ze is 13 niet 15": no answer (its "nee" is no 'no'); the fact replaced
            return self._correct(state, fix)
        if opening.about_the_intake_only(text):
            # "nee ik bedoel een intake, ik heb iemand aan de lijn nu": talk to Rustpunt, never the caller's answer (a
            # user test of session 24 kept it as the kern); who is on the line is noted
            state["beller"] = state.get("beller") or opening.caller_of(text)
            state["beller_dienst"] = state.get("beller_dienst") or opening.service_of(text)
            rest = opening.without_meta(text)
            _note_place(state, rest)
            introduces = state["pos"] == 0 and opening.introduction_end(rest) > 0
            return Turn(state=state, kind=INTRODUCTION if introduces else ABOUT_THE_INTAKE, question=self.view(state))
        if state["pos"] == 0 and opening.only_an_introduction(text):
            # "er belt een juf van groep 7 over een leerling": who calls, not what about; the first question stays open
            state["beller"] = state.get("beller") or opening.caller_of(text)
            state["beller_dienst"] = state.get("beller_dienst") or opening.service_of(text)
            _note_place(state, text)
            return Turn(state=state, kind=INTRODUCTION, question=self.view(state))
        why = unreadable(text)
        if why:  # "😭", "!!!", "asdfgh", an English sentence: no answer of the caller; the question stays open
            return Turn(state=state, kind="onleesbaar", question=self.view(state), no_answer=why)
        return None

    def _restated_age(self, state: dict, text: str) -> Optional[Correction]:
        """A message that only states the child's age ("nee ze is 10", "ze is 10 jaar"; ``bot.correction.restated``)
        when the caller told another age before: a correction, whatever question is open (a user test of session 24
        saved "nee ze is 10" as the answer to the question about danger, and the age stayed 9)."""
        fix = restated(text)
        if fix is None or fix.kind != AGE:
            return None
        told = age_of(self.told(state))
        return fix if told is not None and str(told) != fix.new else None

    def _correct(self, state: dict, fix: Correction) -> Turn:
        """Replace the corrected value in what the caller told (the answers, what was filed elsewhere, the places
        noted): the value the correction names, or else the age or the place the answers mention. The open question
        stays open. ``Turn.corrected`` says what was replaced, and how often (0: not found, nothing changed)."""
        old = fix.old or _value_told(self.told(state), fix)
        if not old:
            return Turn(state=state, kind=CORRECTION, question=self.view(state), corrected=("", fix.new, 0))
        pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])", re.IGNORECASE)
        count = 0

        def replaced(told: str) -> str:
            nonlocal count
            new_text, number = pattern.subn(fix.new, told)
            count += number
            return new_text

        state["answers"] = {key: replaced(answer) for key, answer in state["answers"].items()}
        state["filed"] = {key: [[replaced(piece), source] for piece, source in entries]
                          for key, entries in state["filed"].items()}
        places = state.get("plaatsen") or []
        count += sum(1 for place in places if pattern.fullmatch(place))
        state["plaatsen"] = list(dict.fromkeys(fix.new if pattern.fullmatch(place) else place for place in places))
        return Turn(state=state, kind=CORRECTION, question=self.view(state), corrected=(old, fix.new, count))

    def _answer(self, state: dict, text: str) -> Turn:
        before = _copy(state)
        turn = self._answer_to(state, text)
        if turn.kind not in ("geen_antwoord", CONTACT_ONLY):  # the answer was stored (here or filed elsewhere): it can
            # be wiped
            turn.state[BEFORE_LAST_ANSWER] = before
        return turn

    def _no_safety_answer(self, state: dict, text: str, why: str) -> Turn:
        """The turn for a message that is no answer to a safety question (``no_answer_kind``: ``why``); a short
        question with a place and a problem ("hulp bij scheiding in laren?") is one to the kaart, answered, and the
        safety question comes back after it (README; a second-round user test got "In de sociale kaart zoeken kan weer
        na 'rond af' of 'stop'")."""
        _note_place(state, text)
        if why == NO_ANSWER_QUESTION and names_place_and_problem(text):
            return Turn(state=state, kind=KAART_QUESTION, question=self.view(state))
        return Turn(state=state, kind="geen_antwoord", question=self.view(state), no_answer=why)

    def _answer_to(self, state: dict, text: str) -> Turn:
        step = self.plan.stappen[state["pos"]]
        key = self._key(step)
        question = self._step_question(step)
        # the introduction of who calls is no signal: the teacher on the line is no 'steun op school' (a user test)
        hits = find_signals(opening.without_introduction(text), self.signals.values(), question=key)
        why = no_answer_kind(text) if question.gevaar_signaal and not danger_hits(hits) else None
        if why:
            # "en in Vleuten?" (a kaart follow-up typed during the intake) or "zoon 15" is no answer of the caller
            return self._no_safety_answer(state, text, why)
        hits += self._signs_across_answers(state, key, text, hits)
        if key == self._key(self.plan.stappen[0]):
            _note_caller(state, text)
        if question.gevaar_signaal:  # "nee, er is niemand in gevaar" tells who is in danger, not who helps
            hits = [hit for hit in hits if hit.soort != "weinig_steun"]
        hits = [hit for hit in hits if hit.soort != "steun" or self._supports(hit, key, text)]
        if question.signaal_bij_ja and is_affirmative(text) and (question.gevaar_signaal or not tones_down(text)):
            # "ja, wel eens" to "vaak hard ruzie?" is no plain yes; at a safety question every 'ja' counts
            # a plain 'ja' counts as the question's signal: a danger on a safety question (unless the
            # answer already named one), an ordinary signal otherwise (it never interrupts)
            named = any(h.soort == "gevaar" for h in hits) if question.gevaar_signaal else \
                any(h.signal_id == question.signaal_bij_ja for h in hits)
            # "ja alleen schreeuwen" at the question about hitting: a 'ja' limited to rows (a signal of the kind of an
            # ordinary screening question's: hard rows, 'ruzie') says what happens instead; that signal counts, no
            # danger (a user test, session 22: loud rows are a signal to weigh, not violence). "ja alleen een tik" or
            # "ja alleen somber" (at the question about self-harm) names no row and stays a yes.
            named = named or (question.gevaar_signaal and yes_only_to(text)
                              and any(h.soort in self._screening_kinds() for h in hits))
            signal = self.signals.get(question.signaal_bij_ja)
            if signal is not None and not named:
                hits.append(Hit(signal.id, signal.soort, simplify(text.split()[0]), key))
        masked = deidentify.mask(text)
        answer = without_contact_details(mask_known(text, self.names) if self.names else masked.text)
        # (contact details are no facts of the case: a user test; nor is a name told with them: a user test of s27)
        if not answer or (answer != masked.text.strip() and only_names_left(answer)):
            return Turn(state=state, kind=CONTACT_ONLY, question=self.view(state),
                        left_out_text=left_out_kind(masked.text))
        # what was masked in what is kept (a phone number left out with its clause is not stored)
        counts = {label: min(n, answer.count(deidentify.LABELS[label])) for label, n in masked.counts.items()}
        counts = {label: n for label, n in counts.items() if n}
        for label, number in counts.items():
            state["masked"][label] = state["masked"].get(label, 0) + number
        filed, keeps = listen(key, answer, safety=question.gevaar_signaal, is_danger=self._is_danger,
                              named=self._named_by_signal(state, key, hits))
        if question.gevaar_signaal and any(hit.soort == "gevaar" for hit in hits):
            keeps = True  # a danger told at a safety question answers it, whatever else the answer tells
        replacing = key in state["answers"]
        if replacing:  # a new answer replaces the old one and what the old one filed elsewhere
            _unfile(state, key)
        for piece in filed:
            target = ASPECT_KEYS[piece.aspect]
            entries = state["filed"].setdefault(target, [])
            if [piece.text, key] not in entries:
                entries.append([piece.text, key])
        if keeps:
            state["answers"][key] = answer
        else:
            state["answers"].pop(key, None)
        unclear = question.gevaar_signaal and keeps and not danger_hits(hits) and evades(text)
        _mark_unclear(state, key, unclear)
        if key in state["skipped"]:
            state["skipped"].remove(key)
        kept = [h for h in state["hits"] if h[3] != key] if replacing else state["hits"]
        state["hits"] = kept + [[h.signal_id, h.soort, h.trigger, key] for h in hits]
        new_danger = [
            self.signals[h.signal_id]
            for h in hits
            if h.soort == "gevaar" and h.signal_id in self.signals and h.signal_id not in state["alerted"]
        ]
        state["alerted"].extend(s.id for s in new_danger)
        if keeps:
            turn = self._advance(state, new_danger)
        else:  # everything the caller said belongs to other questions: this one is still open
            turn = Turn(state=state, kind="gevaar" if new_danger else "vraag", question=self.view(state),
                        danger=new_danger, kept_open=True)
        turn.filed = [(piece.aspect, piece.text) for piece in filed]
        turn.noted = (NOTED_REPLACED if replacing else NOTED_NEW) if keeps else ""
        turn.masked_note = deidentify.describe(counts)
        turn.unclear = unclear
        turn.contact_left_out = answer != masked.text.strip()
        turn.left_out_text = left_out_kind(masked.text)
        return turn

    def _supports(self, hit: Hit, key: str, text: str) -> bool:
        """A steun signal counts only where the answer names its person (or activity) as support
        (``listen.names_support``): "haar nieuwe vriend slaat hem soms" is no steun (a user test of session 22)."""
        signal = self.signals.get(hit.signal_id)
        if signal is None:
            return False
        person = signal.id != STEUN_ACTIVITIES
        return any(find_signals(clause, [signal]) and names_support(clause, key, person)
                   for clause in support_clauses(opening.without_introduction(text)))

    def _named_by_signal(self, state: dict, key: str, hits: List[Hit]) -> Callable[[str], List[str]]:
        """For ``listen``: the aspects of the screening questions (whose 'ja' is an ordinary signal: hard rows at home)
        whose own signal a clause names ("ze schreeuwen heel hard tegen elkaar", at the question about violence): the
        clause answers that question, which is not asked again (a user test: it was, after the same words). Only a
        signal found in the whole answer counts, and no danger question is answered this way."""
        heard = {hit.signal_id for hit in hits}
        screening: Dict[str, str] = {}
        for step in self.plan.stappen:
            other = self._key(step)
            question = self._step_question(step)
            if other != key and other in KEY_ASPECTS and question.signaal_bij_ja in heard \
                    and not question.gevaar_signaal and other not in state["answers"]:
                screening[question.signaal_bij_ja] = KEY_ASPECTS[other]
        if not screening:
            return lambda clause: []
        wanted = [self.signals[signal_id] for signal_id in screening if signal_id in self.signals]
        others = [signal for signal in self.signals.values() if signal.id not in screening]

        def named(clause: str) -> List[str]:
            found = {hit.signal_id for hit in find_signals(clause, wanted + others)}
            return [aspect for signal_id, aspect in screening.items() if signal_id in found]
        return named

    def _late_safety_question(self, state: dict, before: int) -> Optional[int]:
        """The position of a safety question before ``before`` that applies only since a later answer (the question
        whether the child might harm itself, asked when psychological signals are heard: "ze zit alleen nog maar op
        haar kamer, eet niet mee" at the question about rows at home) and was never asked, answered, skipped or
        answered elsewhere; None when there is none. A user test saw it never asked."""
        for index in range(before):
            step = self.plan.stappen[index]
            key = self._key(step)
            if (index != state["pos"] and index not in state["history"] and self._step_question(step).gevaar_signaal
                    and self._applies(step, state) and key not in state["answers"] and key not in state["skipped"]
                    and not (state.get("filed") or {}).get(key)):
                return index
        return None

    def _advance(self, state: dict, danger: List[IntakeSignaal]) -> Turn:
        end = len(self.plan.stappen)
        resume = state.pop("resume", None)  # a late safety question was asked in between: on where we were
        if isinstance(resume, int):
            following = resume if resume < end and self._applies(self.plan.stappen[resume], state) else \
                self._next_position(state, resume)
        else:
            following = self._next_position(state, state["pos"])
        late = self._late_safety_question(state, end if following is None else following)
        if late is not None:
            state["resume"] = end if following is None else following
            following = late
        already = []
        while following is not None and self._answered_elsewhere(self.plan.stappen[following], state):
            key = self._key(self.plan.stappen[following])
            already.append((KEY_ASPECTS.get(key, key), "; ".join(text for text, _ in state["filed"][key])))
            following = self._next_position(state, following)
        turn = self._advance_to(state, danger, following)
        turn.already_answered = already
        return turn

    def _advance_to(self, state: dict, danger: List[IntakeSignaal], following: Optional[int]) -> Turn:
        if following is None:
            state["status"] = STATUS_DONE
            state["history"].append(state["pos"])
            state["pos"] = None
            return Turn(state=state, kind="gevaar" if danger else STATUS_DONE, danger=danger)
        state["history"].append(state["pos"])
        state["pos"] = following
        return Turn(state=state, kind="gevaar" if danger else "vraag", question=self.view(state), danger=danger)


def _note_caller(state: dict, text: str) -> None:
    """Who calls and the caller's own service, from the answer to the first question when the opening did not say:
    "juf Marieke belt over een leerling" is not the parent; "de poh jeugd belt ..." is not sent to the POH-Jeugd."""
    state["beller"] = state.get("beller") or opening.caller_of(text)
    state["beller_dienst"] = state.get("beller_dienst") or opening.service_of(text)


def _value_told(told: List[str], fix: Correction) -> Optional[str]:
    """The age or the place (as written) that what the caller told mentions, the latest first, for a correction that
    names only the new value ("sorry, ze is 13"); None when none, or when the kaart cannot read it."""
    try:
        from bot.kaart.query import parse_vraag  # lazy: the kaart is optional for the intake
    except Exception:  # the kaart is optional for the intake
        return None
    for piece in reversed(told):
        if fix.kind == AGE:
            age = parse_vraag(piece).leeftijd
            if age is not None and re.search(rf"(?<!\d){age}(?!\d)", piece):
                return str(age)
        else:
            place = place_named(piece)
            if place:
                return place
    return None


def _mark_unclear(state: dict, key: str, unclear: bool) -> None:
    """Remember (or forget) that the answer to safety question ``key`` avoided the question."""
    keys = [k for k in state.get("unclear") or [] if k != key]
    state["unclear"] = keys + [key] if unclear else keys


def _unfile(state: dict, source_key: str) -> None:
    """Forget what an earlier answer to ``source_key`` filed under other questions."""
    for target in list(state["filed"]):
        kept = [entry for entry in state["filed"][target] if entry[1] != source_key]
        if kept:
            state["filed"][target] = kept
        else:
            del state["filed"][target]


def _copy(state: dict) -> dict:
    """A deep-enough copy so callers keep their old state untouched."""
    required = {"plan", "pos", "history", "answers", "skipped", "hits", "alerted", "masked", "status"}
    if not isinstance(state, dict) or not required <= set(state):
        raise IntakeError("De intake is niet (meer) actief; begin opnieuw.")
    return {
        **state,
        "history": list(state["history"]),
        "answers": dict(state["answers"]),
        "skipped": list(state["skipped"]),
        "hits": [list(h) for h in state["hits"]],
        "alerted": list(state["alerted"]),
        "masked": dict(state["masked"]),
        "filed": {key: [list(e) for e in entries] for key, entries in (state.get("filed") or {}).items()},
        "unclear": list(state.get("unclear") or []),
        "plaatsen": list(state.get("plaatsen") or []),
    }
