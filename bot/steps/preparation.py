"""The guided preparation, one message at a time: the six-step state machine (no Rasa import).

The state is three slots: the current step, the notes per step and who the conversation is with.
``step_turn`` reads one message (a navigation command from ``bot.commands``, a question to Rustpunt
(``answer_question``: about a step, a pitfall or a role, or to forget), a request in one's own words (help, the plan
so far, the menu: ``navigation.own_command``) or a note for the step)
and returns the Dutch messages to show and the slot values to set. ``invoer`` becomes
``klaar`` after the last step and ``gestopt`` on 'stop'; the form then ends. ``safety_first`` is the
shared safety advice (``bot.intake.danger``) for danger told anywhere in the preparation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from bot import status
from bot.commands import is_forget_request
from bot.intake.danger import danger_in
from bot.intake.questions import format_danger
from bot.knowledge.loader import get_knowledge
from bot.privacy.forget import how_to_forget
from bot.roles.request import is_role_request, role_request
from bot.steps import guide, navigation, texts
from bot.steps.classifier import classify_step
from bot.steps.plan import build_plan, format_plan_text, masked_plan
from bot.steps.remark import step_remark
from bot.steps.request import tells_the_situation, with_situation
from bot.wording import certainty_text

INPUT = "voorbereiden_invoer"
STEP = "voorbereiden_stap"
NOTES = "voorbereiden_notities"
SHOWN = "voorbereiden_getoond"
SITUATION = "voorbereiden_situatie"


@dataclass
class StepTurn:
    """What one message changes: messages to show (in order) and the slots to set."""

    messages: List[str] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)


def label_name(label: str) -> str:
    """The Dutch name of a step or pitfall id (the id itself when unknown)."""
    knowledge = get_knowledge()
    entry = knowledge.get("stap", label) or knowledge.get("valkuil", label)
    return entry.naam if entry is not None else label


WHOLE_SENTENCE = "de zin als geheel (de zinsbouw; geen los woord zegt het alleen)"  # no feature says something


def classification_text(sentence: str) -> str:
    """The Dutch answer to 'welke stap is dit: <zin>', with the reading per sentence of a longer turn
    (``sentence_notes``), as ``rustpunt stap`` shows it."""
    result = classify_step(sentence)
    if not result.herkend:
        return texts.text("geen_stap", reden=result.tip)
    name = label_name(result.stap)
    if result.vorm is not None:  # a form of the pitfall with its own name ("Het kind in het midden zetten")
        name = f"{result.vorm.naam}, een vorm van de valkuil {name}"
    answer = texts.text(
        "stap_herkend",
        stap_naam=name,
        zekerheid=certainty_text(result.zekerheid),  # one wording with the roles: "vrij zeker (80%)", at most 99%
        kenmerken=", ".join(result.kenmerken) or WHOLE_SENTENCE,
        tip=result.tip,
    )
    return "\n".join([answer] + sentence_notes(result, label_name))


def sentence_notes(result: Any, name: Callable[[str], str]) -> List[str]:
    """What the reading per sentence adds to the answer about a turn (Dutch lines; ``name`` gives a label's name):
    the further steps of a turn of several sentences, each pitfall sentence, and each sentence with a judging cue
    phrase of the role-play (``rollenspel_zet`` ``oordelen``: "u moet", "je kunt ... toch niet zomaar"), which the
    step recogniser itself does not know. The chat ("welke stap is dit:") and ``rustpunt stap`` both show these (a user
    test: the chat left them out)."""
    lines = []
    if len(result.stappen) > 1:
        lines.append(f"Deze beurt bevat meer stappen: {', '.join(name(step) for step in result.stappen)}.")
    for part in result.valkuilen:
        lines.append(f"Let op, valkuil ({name(part.stap)}) in: \"{part.zin}\"")
    for sentence, phrases in judging_sentences(result):
        lines.append(f"Let op, dit klinkt als de les lezen (valkuil oordelen, herkend aan '{phrases[0]}'): "
                     f"\"{sentence}\"")
    return lines


def judging_sentences(result: Any) -> List[Tuple[str, List[str]]]:
    """The sentences of a read turn that hold a judging cue phrase of the role-play, with the phrases."""
    from bot.roleplay.models import JUDGEMENT
    from bot.roleplay.moves import default_classifier  # lazy: the role-play's cue phrases, read once

    lexicon = default_classifier().lexicon
    parts = [part.zin for part in result.delen if not part.zelfcorrectie] or []
    found = [(zin, lexicon.match(zin)) for zin in parts]
    return [(zin, cue[1]) for zin, cue in found if cue and cue[0] == JUDGEMENT]


def _question_at_step(text: str, current: str, note: Optional[str], who: Optional[str]) -> Optional[List[str]]:
    """``answer_question`` at a step, where a bare "welke stap is dit?" ('??' too) is about this step and its note."""
    asked = navigation.which_step_sentence(text)
    if asked is not None and not re.search(r"[^\W\d_]", asked):
        return which_step_here(current, note) + [texts.text("vraag_niet_bewaard")]
    return answer_question(text, current, who)


def which_step_here(current: str, note: Optional[str]) -> List[str]:
    """The answer to a bare "welke stap is dit?" in the middle of the preparation: the step being prepared and, with a
    note at it, the step that note sounds like (a user test of session 27 got "Er is geen zin gegeven" while the note
    was shown right above)."""
    steps = guide.step_ids()
    here = texts.text("welke_stap_hier", nummer=steps.index(current) + 1, totaal=len(steps),
                      stap_naam=guide.get_step(current).naam)
    if not note:
        return [f"{here} {texts.text('welke_stap_zonder_notitie')}"]
    return [here, texts.text("welke_stap_notitie", notitie=note), classification_text(note)]


def _advance(steps: List[str], index: int, notes: Dict[str, str], turn: StepTurn) -> StepTurn:
    if index + 1 >= len(steps):
        turn.slots.update({INPUT: status.DONE, NOTES: notes})
    else:
        turn.slots.update({INPUT: None, STEP: steps[index + 1], NOTES: notes})
    return turn


def _explain(kind: str, item: str, who: Optional[str] = None) -> Optional[str]:
    """The explanation of one topic of a question about the method (``navigation.method_question``); ``who``: whom
    the example sentences are for (the preparation's "Met wie?", else what the question names, else a parent)."""
    if kind == "stap":
        return guide.format_step_explanation(item)
    if kind == navigation.HOW_TO_EXAMPLES:  # "wat zeg ik als ...": the step's example sentences
        return guide.format_examples(item, who)
    if kind == navigation.TOPIC:  # "wat is parallel ouderschap?"
        from bot.steps.topics import format_topic

        return format_topic(item)
    if kind == "valkuil":
        return guide.format_pitfall(item)
    from bot.roles.explain import explain_difference, explain_own_role, explain_role, explain_triangle

    if kind == navigation.DIFFERENCE:  # "wat is het verschil tussen aanklager en assertief"
        return explain_difference(item.split(","))
    if kind == navigation.OWN_ROLE:  # "ik merk dat ik zelf steeds ga redden, hoe stop ik daarmee"
        return explain_own_role(item)
    return explain_role(item) if kind == "rol" else explain_triangle(item)


def answer_question(text: str, current: Optional[str] = None, who: Optional[str] = None) -> Optional[List[str]]:
    """The answer to a message for Rustpunt in the middle of the preparation, which is no note, no situation and
    no answer to "Met wie?" (user tests found them stored as notes): "waarom moet ik met visie beginnen?" (the why of
    the ``current`` step), or ``answer_to_rustpunt`` and that it was not stored. ``current`` is the step being
    prepared (None before the steps); ``who`` whom the conversation is with."""
    if current is not None and navigation.asks_why(text):  # "waarom moet ik met visie beginnen?"
        return [guide.format_why(current)]
    answers = answer_to_rustpunt(text, current, who)
    return answers + [texts.text("vraag_niet_bewaard")] if answers else None


def answer_to_rustpunt(text: str, current: Optional[str] = None, who: Optional[str] = None) -> Optional[List[str]]:
    """The answer to a question for Rustpunt asked inside a task (the preparation, the kaart's follow-up question):
    "welke stap is dit: ...", "welke rol is dit: ...", a request to forget ("wis dit gesprek": how to do that) and a
    question about a step, a pitfall, a role or a topic of the workbook ("wat bedoelen ze met realiteit benoemen?",
    "mag ik bij stap 2 al advies geven?", "wat is een redder?", "hoe erken ik dan?"); None for any other message."""
    sentence = navigation.which_step_sentence(text)
    if sentence is not None:
        return [classification_text(sentence)]
    if is_role_request(text):
        from bot.roles.analyse import analyse_role  # lazy: the role recogniser loads on first use
        from bot.roles.format import format_analysis

        request = role_request(text)
        return [format_analysis(analyse_role(request.sentence or "", own=request.own))]
    if is_forget_request(text):
        return [how_to_forget(text)]
    return explain_method(text, current, who)


def explain_method(text: str, current: Optional[str] = None, who: Optional[str] = None) -> Optional[List[str]]:
    """The explanations for a question to Rustpunt about the six steps, the pitfalls or the roles
    (``navigation.method_question``: "wat is stap 5", "mag ik bij stap 2 al advies geven?", "wat is het verschil
    tussen aanklager en assertief", "ik merk dat ik zelf steeds ga redden, hoe stop ik daarmee"), in the preparation
    and in the menu (``actions.fallback``); None when ``text`` is no such question."""
    topics = navigation.method_question(text, current)
    who = who or navigation.parse_situation_type(text)
    answers = [answer for answer in (_explain(kind, item, who) for kind, item in topics) if answer]
    return answers or None


def safety_first(text: str, told_before: Iterable[Optional[str]] = ()) -> Optional[str]:
    """What to do right now when ``text`` tells of danger (112, Veilig Thuis, 113: the signals and advice of the
    intake and the rest of the chat, ``bot.intake.danger``), then that the preparation goes on; None without danger.
    A danger already told in the preparation (``told_before``: the situation, the notes) is not repeated."""
    found = danger_in(text)
    if not found:
        return None
    earlier = {signal.id for told in told_before if told for signal in danger_in(told)}
    new = [signal for signal in found if signal.id not in earlier]
    # no one is on the line while a professional prepares a conversation: the advice without a caller
    return format_danger(new, then=texts.text("na_gevaar"), on_a_call=False) if new else None


def help_text(current: Optional[str] = None, who: Optional[str] = None) -> List[str]:
    """The answer to "help", "ik loop vast" or "wat moet ik typen" in the preparation: what can be typed, and at a
    step its example sentences (``current``: the step, None before the steps)."""
    if current is None:
        return [texts.text("hulp_voor_stappen")]
    step = guide.get_step(current)
    return [texts.text("hulp_bij_stap", nummer=guide.step_ids().index(current) + 1, stap_naam=step.naam),
            guide.format_examples(current, who)]


def plan_so_far(current: Optional[str], notes: Optional[Dict[str, str]], who: Optional[str],
                situation: Optional[str]) -> str:
    """The gespreksplan so far, for "toon mijn plan" in the middle of the preparation (not stored): the notes, masked
    as the chat shows every plan, the steps from ``current`` on without a note as not prepared yet."""
    if current is None or not any((notes or {}).values()):
        return texts.text("plan_nog_leeg")
    plan = masked_plan(build_plan(who, situation, notes or {}, gestopt_bij=current))
    plan.pop("gestopt_bij", None)  # not stopped: we are at this step now
    step = guide.get_step(current)
    return "\n".join([texts.text("plan_tot_nu_toe", nummer=guide.step_ids().index(current) + 1,
                                 stap_naam=step.naam), format_plan_text(plan)])


def _own_request(command: Optional[str], steps: List[str], index: int, notes: Dict[str, str], who: Optional[str],
                 situation: Optional[str]) -> Optional[StepTurn]:
    """The turn for help, the plan so far, the menu or going on asked in one's own words (``navigation.own_command``):
    never a note (a second-round user test of session 23 stored "toon mijn plan" as the note of 'Behoefte en
    verlangen'); None for any other message."""
    current = steps[index]
    stay = {INPUT: None, STEP: current}
    if command == navigation.STOP:  # "ik wil terug naar het menu", "ik wil stoppen met de voorbereiding"
        return StepTurn([], {INPUT: status.STOPPED})
    if command == navigation.VOLGENDE:  # "oke ga verder"
        return _advance(steps, index, notes, StepTurn())
    if command == navigation.HINT:  # "help", "ik loop vast"
        return StepTurn(help_text(current, who), stay)
    if command == navigation.SHOW_PLAN:  # "toon mijn plan", "wat heb ik tot nu toe?"
        return StepTurn([plan_so_far(current, notes, who, situation)], stay)
    return None


def _no_note(note: str, index: int, situation: Optional[str], stay: Dict[str, Any]) -> Optional[StepTurn]:
    """The turn for a message that is no note for the step: nothing left once cleaned, or what is going on typed at
    the first step (``index`` 0), which goes with the situation while the step waits for its sentence (a user test of
    session 28 found it stored as the note of 'Visie uitdragen'; typed again, so already in the situation, it is the
    note after all). None for a note."""
    name = guide.get_step(stay[STEP]).naam
    if not note:
        return StepTurn([texts.text("invoer_kort", stap_naam=name)], stay)
    plain = " ".join(note.split())
    if index != 0 or not tells_the_situation(plain) or plain.lower() in (situation or "").lower():
        return None
    told = with_situation(situation, plain)
    return StepTurn([texts.text("situatie_bij_stap", situatie=told, stap_naam=name)], {**stay, SITUATION: told})


def step_turn(text: str, current: Optional[str], notes: Optional[Dict[str, str]], who: Optional[str],
              situation: Optional[str] = None) -> StepTurn:
    """Apply one message of the professional to the preparation state (``situation``: what is going on, for the plan
    so far)."""
    text = text.strip()
    steps = guide.step_ids()
    if current not in steps:
        current = steps[0]
    notes = dict(notes or {})
    index = steps.index(current)
    command = navigation.parse_command(text)
    turn = StepTurn()
    stay = {INPUT: None, STEP: current}

    if command == navigation.STOP:
        turn.slots = {INPUT: status.STOPPED}
        return turn
    if command == navigation.WAAROM:
        return StepTurn([guide.format_why(current)], stay)
    if command == navigation.VOORBEELD:
        return StepTurn([guide.format_examples(current, who)], stay)
    if command == navigation.ROL:
        return StepTurn([guide.format_role()], stay)
    if command == navigation.TERUG:
        if index == 0:
            return StepTurn([texts.text("al_eerste")], {**stay, SHOWN: None})
        return StepTurn([], {INPUT: None, STEP: steps[index - 1]})
    if command == navigation.OVERSLAAN:
        notes.pop(current, None)
        turn.messages.append(texts.text("overgeslagen", stap_naam=guide.get_step(current).naam))
        return _advance(steps, index, notes, turn)
    if command == navigation.VOLGENDE:
        return _advance(steps, index, notes, turn)

    answer = _question_at_step(text, current, notes.get(current), who)
    if answer is not None:
        return StepTurn(answer, stay)
    requested = _own_request(navigation.own_command(text), steps, index, notes, who, situation)
    if requested is not None:
        return requested
    note = navigation.clean_note(text)
    no_note = _no_note(note, index, situation, stay)
    if no_note is not None:
        return no_note
    notes[current] = note[:500]
    turn.messages.append(texts.text("genoteerd", stap_naam=guide.get_step(current).naam))
    result = classify_step(note)
    if result.is_valkuil:
        turn.messages.append(result.tip)
    else:
        remark = step_remark(note, current, result)
        if remark:
            turn.messages.append(remark)
    return _advance(steps, index, notes, turn)
