"""Practice sessions: start, play a turn (or a hint / feedback request), finish with a debrief.

Sessions are stored with ``bot.records`` (kind ``rollenspel``). The record's ``data`` holds the
scenario id, the optional participant and group names, the engine state (every turn with its
text, move label and tension) and, once finished, the debrief. ``status`` is ``bezig``, ``goed``,
``slecht`` or ``gestopt``. Only the record id travels in the Rasa slot.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from bot import commands, records, status
from bot.knowledge.texts import Texts
from bot.privacy.forget import HOW_TO_FORGET, how_to_forget
from bot.privacy.masking import mask_text
from bot.roleplay import catalog, feedback, retry
from bot.roleplay.engine import ALREADY_ENDED, Engine, RoleplayError, State
from bot.roleplay.moves import default_classifier
from bot.wording import counted, ordinal

KIND = "rollenspel"
MAX_NAME = 80
MAX_PARTICIPANT = 40  # the participant's own name or code, kept as typed (bot.privacy.masking.OWN_PSEUDONYM_KEYS)

FORGET = "vergeet"
WIPE_LAST = "wis_beurt"
LIST_SHOWN = "scenariolijst_getoond"  # the list of scenarios was shown after a wish for another one (until a turn)
TEXTS = Texts("rollenspel_tekst")  # knowledge/scenarios/teksten.yml


def command_of(text: str) -> Optional[str]:
    """'hint', 'feedback', 'opnieuw' (from the start), 'stop' or 'verder' (back after a break) when the message is
    such a request (``bot.commands``; also "wat moet ik nou zeggen", "moet ik eerst erkennen?", "ik begin opnieuw",
    "hoe doe ik het tot nu toe?"); 'wis_beurt' for a request to wipe what was just typed ("kun je dat laatste bericht
    verwijderen?", "wis die tekst die ik net plakte"); 'vergeet' for a request to forget this conversation ("wis dit
    gesprek", "verwijder mijn gegevens"); 'welke_stap', 'welke_rol' or 'welke_rol_eigen' for a question about a
    sentence, the persona's last line or the last turn ("welke stap is dit?", "welke rol heeft zij nu?", "in welke rol
    zit ik?"); 'ander_scenario' for a wish for another scenario ("ik wil liever scenario 2 doen"). None of these is a
    turn."""
    if commands.asks_to_wipe_last(text):
        return WIPE_LAST
    if commands.is_forget_request(text, in_role_play=True):
        return FORGET
    asked = commands.which_question(text, in_role_play=True)
    if asked:
        return asked[0]
    command = commands.whole_message(
        text, (commands.HINT, commands.FEEDBACK, commands.RESTART, commands.STOP, commands.RESUME))
    if command is None and commands.asks_for_another_scenario(text):
        return commands.OTHER_SCENARIO
    return command


WHICH_KINDS = (commands.WHICH_STEP, commands.WHICH_ROLE, commands.WHICH_OWN_ROLE)


def which_answer(text: str, engine: Engine, zetten: Dict[str, Any]) -> str:
    """The answer to a step or role question during a role-play ("welke stap is dit: <zin>", "welke rol heeft zij
    nu?"): about the sentence after it; without one, a role question is about the persona's last line (the role the
    persona is in now), a step question or a question about one's own role ("in welke rol zit ik?") about the
    professional's last turn (as the persona read it, for a step), or how to ask when no turn was played yet; then that
    this was no turn. The role-play itself is not touched."""
    from bot.roles.analyse import analyse_role
    from bot.roles.format import format_analysis
    from bot.roles.request import role_request
    from bot.steps.preparation import classification_text

    kind, sentence = commands.which_question(text, in_role_play=True) or (commands.WHICH_STEP, "")
    turns = engine.state.turns
    parts: List[str] = []
    if sentence:
        parts.append(classification_text(sentence) if kind == commands.WHICH_STEP
                     else format_analysis(analyse_role(sentence, own=kind == commands.WHICH_OWN_ROLE
                                                       or role_request(text).own)))
    elif kind == commands.WHICH_ROLE:
        parts.append(persona_role_text(engine))
    elif not turns:
        parts.append(TEXTS.text("vraag_nog_geen_beurt"))
    else:
        last = turns[-1]
        parts.append(TEXTS.text("vraag_laatste_beurt", nr=last.nr, tekst=last.tekst))
        if kind == commands.WHICH_STEP:
            parts.append(TEXTS.text("vraag_laatste_zet", zet=feedback.turn_label(last, zetten) or last.zet,
                                    verloop=tension_course(last.spanning_voor, last.spanning_na)))
        else:
            parts.append(format_analysis(analyse_role(last.tekst, own=True)))  # "in welke rol zit ik?": the own turn
    parts.append(TEXTS.text("vraag_geen_beurt", spanning=engine.state.tension))
    return "\n\n".join(parts)


def persona_role_text(engine: Engine) -> str:
    """The role the persona is in now (the engine's drama role, which its last line was chosen for), with that line,
    what the role invites in the listener and how to answer it (the role's knowledge in ``knowledge/rollen``)."""
    from bot.knowledge.loader import get_knowledge
    from bot.roles.analyse import alternative, invitation

    role = get_knowledge().get("rol", engine.state.role)
    line = engine.state.last_reply or engine.opening()
    if role is None:  # a role the knowledge does not (or no longer) describe: name it as it is
        return TEXTS.text("vraag_rol_ander", zin=line, rol=feedback.role_label(engine.state.role),
                          driehoek="dramadriehoek")
    triangle = {"winnaar": "winnaarsdriehoek"}.get(role.driehoek, "dramadriehoek")
    if role.id == "omstander":
        triangle = "buiten de dramadriehoek"
    parts = [TEXTS.text("vraag_rol_ander", zin=line, rol=role.naam, driehoek=triangle)]
    invited, answer = invitation(role.id), alternative(role.id)
    if invited:
        parts.append(str(invited["tekst"]))
    if answer:
        parts.append(TEXTS.text("vraag_rol_ander_antwoord", naam=answer["naam"], stijl=answer["antwoordstijl"]))
    return " ".join(parts)


def _which_scenario_text(engine: Engine, wanted: Any) -> str:
    """No scenario named in a wish for another one, or the one being played: the list, and the role-play goes on."""
    if wanted is not None:
        return TEXTS.text("wissel_zelfde", titel=wanted.titel, spanning=engine.state.tension)
    lines = "\n".join(feedback.scenario_line(s) for s in catalog.scenarios())
    return TEXTS.text("wissel_welk", lijst=lines, spanning=engine.state.tension)


def _chosen_from_list(data: Dict[str, Any], text: str) -> Optional[Any]:
    """The scenario a short answer chooses ("2", "doe maar de mdo dan, nummer 2") when the last thing shown in this
    role-play (``data``, its record) was the list of scenarios after a wish for another one (``LIST_SHOWN``; the next
    turn clears it); read as the answer to "welk scenario?" outside a role-play (``catalog.find_scenario``). None
    otherwise, also for a sentence to the persona (``commands.answers_scenario_list``)."""
    if not data.get(LIST_SHOWN) or data.get("state", {}).get("ending") or not commands.answers_scenario_list(text):
        return None
    wanted = catalog.find_scenario(text)
    return wanted if wanted is not None and wanted.id != data.get("scenario") else None


def tension_course(before: int, after: int) -> str:
    """'de spanning ging van 7 naar 6', or 'de spanning bleef 6' (a user test read "ging van 6 naar 6")."""
    if before == after:
        return TEXTS.text("spanning_bleef", na=after)
    return TEXTS.text("spanning_ging", voor=before, na=after)


def repetition_tip(turn: Any, zetten: Dict[str, Any], turns: Sequence[Any] = ()) -> Optional[str]:
    """For a turn that repeated a step for the third (fourth, ...) time in a row (``herhaling``: the engine's
    repetition rule, so the tension stays): why, and which other steps to take instead (``feedback.next_steps``, never
    the repeated one); else None. ``turns``: the turns so far, this one included. Shown with the turn on the page and
    in the command line (a user test saw a third acknowledgement leave the tension at 6 without knowing why)."""
    if not getattr(turn, "herhaling", False):
        return None
    turns = list(turns) or [turn]
    name = feedback.shown_name(turn, zetten) or turn.zet
    run = feedback.repeat_run(turns, turn) if len(turns) > 1 else 3
    return TEXTS.text("herhaling_tip", zet=name.lower(), spanning=turn.spanning_na, keer=ordinal(run),
                      voorstel=feedback.repetition_suggestion(turn, turns))


def turn_payload(session_id: int, scenario_id: str, tension: int, role: Optional[str], turn_nr: int,
                 turn: Any = None, zetten: Optional[Dict[str, Any]] = None,
                 ending: Optional[str] = None, soort: str = "rollenspel_beurt", **extra: Any) -> Dict[str, Any]:
    """The ``rollenspel_beurt`` (or ``rollenspel_opnieuw``) payload for the web page; built only here. ``zet_naam``,
    the live label of the turn, names it as the debrief does (``feedback.turn_label``: 'Het kind in het midden zetten
    (een vorm van redden)', not 'Redden (valkuil)'; 'Erkennen + de inhoud in (valkuil)' for a pitfall beside a step)."""
    move_id = turn.zet if turn is not None else None
    scenario = catalog.get_scenario(scenario_id)
    persona = (scenario.persona.kort if scenario is not None else None) or "de gesprekspartner"
    return {"soort": soort, "spanning": tension, "rol": role, "persona": persona, "zet": move_id,
            "zet_naam": feedback.turn_label(turn, zetten) if turn is not None else None,
            "beurt": turn_nr, "sessie": session_id,
            "scenario": scenario_id, "einde": ending, **extra}


class SessionError(ValueError):
    """Unknown session or scenario; the message is Dutch."""


class SessionGone(SessionError):
    """The session was there and is gone: wiped by a trainer or an administrator (``rustpunt vergeet --sessie``, the
    trainers' page) while it was being played, or past its retention period."""

    def __init__(self, number: int) -> None:
        super().__init__(f"Sessie {number} bestaat niet.")
        self.number = number


@dataclass
class PlayResult:
    soort: str  # beurt | hint | feedback | uitleg | fout | einde | opnieuw | wissel (another scenario started)
    tekst: str
    payload: Optional[Dict[str, Any]] = None
    einde: Optional[str] = None
    debrief: Optional[Dict[str, Any]] = None
    debrief_tekst: Optional[str] = None
    extra: List[str] = field(default_factory=list)


def _clean_name(value: Optional[str], limit: int = MAX_NAME) -> Optional[str]:
    if value is None:
        return None
    value = " ".join(str(value).split())[:limit].rstrip()
    return value or None


def _masked_state(state: Dict[str, Any]) -> Dict[str, Any]:
    """The engine state with every typed turn masked (names, numbers ...) for storage."""
    return {
        **state,
        "turns": [{**turn, "tekst": mask_text(turn.get("tekst") or ""),
                   "valkuilzin": mask_text(turn["valkuilzin"]) if turn.get("valkuilzin") else None}
                  for turn in state.get("turns", [])],
    }


_TYPED_KEYS = frozenset({"tekst", "citaat", "valkuilzin"})  # where a debrief quotes what the learner typed


def _masked_debrief(report: Any) -> Any:
    """The debrief with every quoted turn masked (pitfalls, unsure reads, earlier attempts)."""
    if isinstance(report, dict):
        return {key: mask_text(value) if key in _TYPED_KEYS and isinstance(value, str) else _masked_debrief(value)
                for key, value in report.items()}
    if isinstance(report, list):
        return [_masked_debrief(item) for item in report]
    return report


class PracticeService:
    """Ties scenarios, the engine, feedback and storage together. ``classify`` is injectable."""

    def __init__(self, classify: Optional[Callable] = None):
        self._classify = classify

    @property
    def classify(self) -> Callable:
        if self._classify is None:
            classify: Callable = default_classifier()
            self._classify = classify
        return self._classify

    # -- lifecycle ----------------------------------------------------------------------------
    def begin(self, scenario_id: str, deelnemer: Optional[str] = None, groep: Optional[str] = None,
              conversation_id: Optional[str] = None, seed: Optional[int] = None) -> Tuple[int, Dict[str, Any]]:
        """Store a new session; returns its id and the engine's starting state (tension, role)."""
        scenario = catalog.get_scenario(scenario_id)
        if scenario is None:
            raise SessionError(f"Er is geen scenario met de naam '{scenario_id}'. Kies er een uit de lijst.")
        seed = secrets.randbelow(1_000_000) if seed is None else int(seed)
        state = Engine(scenario, classify=self.classify, seed=seed).state.to_dict()
        data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": _clean_name(deelnemer, MAX_PARTICIPANT),
                "groep": _clean_name(groep), "opening": scenario.persona.opening, "state": state, "debrief": None}
        record_id = records.add_record(KIND, data, conversation_id=conversation_id, title=scenario.titel,
                                       status=status.BUSY)
        return record_id, state

    def start(self, scenario_id: str, deelnemer: Optional[str] = None, groep: Optional[str] = None,
              conversation_id: Optional[str] = None, seed: Optional[int] = None) -> int:
        return self.begin(scenario_id, deelnemer, groep, conversation_id, seed)[0]

    @staticmethod
    def _number(session_id) -> int:
        try:
            return int(session_id)
        except (TypeError, ValueError):
            raise SessionError(f"'{session_id}' is geen geldig sessienummer.") from None

    @staticmethod
    def _data(number: int, row) -> Dict[str, Any]:
        if row is None:
            raise SessionGone(number)
        return {"id": row.pk, "status": row.status, "created_at": row.created_at,
                "conversation_id": row.conversation_id, **row.data, "nummer": records.shown_number(row)}

    def load(self, session_id) -> Dict[str, Any]:
        number = self._number(session_id)
        return self._data(number, records.get_record(KIND, number))

    def _engine(self, data: Dict[str, Any]) -> Engine:
        scenario = catalog.get_scenario(data["scenario"])
        if scenario is None:
            raise SessionError(f"Het scenario '{data['scenario']}' van deze sessie bestaat niet meer.")
        return Engine(scenario, classify=self.classify, state=State.from_dict(data["state"]))

    @staticmethod
    def _store(row, data: Dict[str, Any], engine: Engine, debrief=None) -> None:
        """Put the engine state (and debrief) into the row being edited; committed with the turn."""
        data = {k: v for k, v in data.items()
                if k not in {"id", "status", "created_at", "conversation_id", "nummer", LIST_SHOWN}}
        data["state"] = _masked_state(engine.state.to_dict())
        if debrief is not None:
            data["debrief"] = _masked_debrief(debrief)
        row.data = data
        row.status = engine.state.ending or status.BUSY

    def opening(self, session_id) -> str:
        return self._engine(self.load(session_id)).opening()

    # -- a turn -------------------------------------------------------------------------------
    def play(self, session_id, text: str) -> PlayResult:
        """One turn: the session record is read once and written once (one transaction)."""
        command = command_of(text)
        elsewhere = self._elsewhere(session_id, text, command)
        if elsewhere is not None:
            return elsewhere
        number = self._number(session_id)
        # a wiped turn is gone from the database file at once, not only at the next checkpoint of its log
        with records.editing_record(KIND, number, wipes=command == WIPE_LAST) as row:
            data = self._data(number, row)
            engine = self._engine(data)
            zetten = catalog.moves()
            if engine.state.ending:
                return PlayResult("fout", ALREADY_ENDED)
            chosen = _chosen_from_list(data, text) if command is None else None
            if chosen is None:
                return self._turn(row, data, engine, zetten, command, text)
            played = self._stop_for_other(row, data, engine, zetten)  # the answer to the list of scenarios
        return self._switched(number, data, engine, chosen, played)

    def _turn(self, row, data: Dict[str, Any], engine: Engine, zetten: Dict[str, Any], command: Optional[str],
              text: str) -> PlayResult:
        """``play`` in the open record of a session that goes on: a request that is no turn, or the turn."""
        if command == "hint":
            return PlayResult("hint", feedback.hint_text(engine.scenario, engine.state, zetten),
                              payload={"soort": "rollenspel_hint",
                                       **feedback.hint(engine.scenario, engine.state, zetten)})
        if command == "feedback":
            return PlayResult("feedback", feedback.feedback_text(engine.scenario, engine.state, zetten))
        if command == commands.RESUME:  # back after a break: where the talk stands, no turn
            return PlayResult("feedback", feedback.resume_text(engine.scenario, engine.state, zetten))
        if command == "stop":
            return self._finish(row, data, engine, zetten, stopped=True)
        if command == WIPE_LAST:  # what was just typed: the last turn goes, not kept as an attempt
            return self._wipe_last(row, data, engine)
        if command == FORGET:
            return PlayResult("uitleg", how_to_forget(text) + " Het rollenspel gaat verder: je beurt.")
        if command in WHICH_KINDS:  # a question to Rustpunt, no turn
            return PlayResult("uitleg", which_answer(text, engine, zetten))
        try:
            result = engine.step(text)
        except RoleplayError as exc:
            return PlayResult("fout", str(exc))
        tip = repetition_tip(result.turn, zetten, engine.state.turns) or (  # why the tension did not fall
            feedback.interrogation_reason(result.turn) if result.turn.verhoor else None)
        payload = turn_payload(data["id"], data["scenario"], result.tension, result.role, result.turn.nr,
                               result.turn, zetten, result.ending, **({"tip": tip} if tip else {}))
        if not result.ending:
            self._store(row, data, engine)
            return PlayResult("beurt", result.reply, payload=payload)
        report = _debrief(engine, data, zetten)
        self._store(row, data, engine, debrief=report)
        return PlayResult("einde", result.reply, payload=payload, einde=result.ending, debrief=report,
                          debrief_tekst=_debrief_text(report, zetten))

    def _wipe_last(self, row, data: Dict[str, Any], engine: Engine) -> PlayResult:
        """Wipe the last turn on request (it held something real): back to the state before it, and unlike a retry
        the turn is not kept as an earlier attempt. Without a turn: that there is none, and how to wipe the whole
        conversation."""
        turns = engine.state.turns
        if not turns:
            return PlayResult("uitleg", " ".join((TEXTS.text("niets_te_wissen"), HOW_TO_FORGET,
                                                  "Het rollenspel gaat verder: je beurt.")))
        number = turns[-1].nr
        engine.rewind(len(turns))
        self._store(row, data, engine)
        state = engine.state
        text = TEXTS.text("beurt_gewist", nr=number, spanning=state.tension,
                          zin=state.last_reply or engine.opening())
        payload = turn_payload(data["id"], data["scenario"], state.tension, state.role, len(state.turns),
                               soort="rollenspel_opnieuw", vanaf_beurt=number)
        return PlayResult("opnieuw", text, payload=payload)

    def _elsewhere(self, session_id, text: str, command: Optional[str]) -> Optional[PlayResult]:
        """A message that goes back in this session or to another one, read before the turn: 'probeer opnieuw vanaf
        beurt 2', 'ik begin opnieuw' or a wish for another scenario (the answer to the list of scenarios, "2" or "doe
        maar de mdo" right after it, is read in ``play``: ``_chosen_from_list``). None for any other message."""
        retry_nr = retry.retry_turn(text)
        if retry_nr is not None:
            return self.retry(session_id, retry_nr)
        if command == commands.RESTART:  # "ik begin opnieuw": from before the first turn, as 'vanaf beurt 1'
            return self._restart(session_id)
        if command == commands.OTHER_SCENARIO:  # "ik wil liever scenario 2 doen": this one stops, that one starts
            return self._switch(session_id, text)
        return None

    def _switch(self, session_id, text: str) -> PlayResult:
        """A wish for another scenario during play: this session stops (kept, with its debrief, for the trainer's
        overview; not shown now: the trainee asked for the other scenario) and a session of the scenario ``text``
        names starts (``_switched``). No scenario named, or this one: which scenarios there are, and the role-play
        goes on; a number or a title word then chooses one (``_chosen_from_list``)."""
        number = self._number(session_id)
        with records.editing_record(KIND, number) as row:
            data = self._data(number, row)
            engine = self._engine(data)
            if engine.state.ending:
                return PlayResult("fout", ALREADY_ENDED)
            wanted = catalog.scenario_in_request(text)
            if wanted is None or wanted.id == engine.scenario.id:
                if wanted is None and row is not None:  # the list: a number or title word answers it
                    row.data = {**row.data, LIST_SHOWN: True}
                return PlayResult("uitleg", _which_scenario_text(engine, wanted))
            played = self._stop_for_other(row, data, engine, catalog.moves())
        return self._switched(number, data, engine, wanted, played)

    def _stop_for_other(self, row, data: Dict[str, Any], engine: Engine, zetten: Dict[str, Any]) -> int:
        """Stop this session (in its open record) for another scenario; the number of turns it had."""
        played = len(engine.state.turns)
        self._finish(row, data, engine, zetten, stopped=True)
        return played

    def _switched(self, number: int, data: Dict[str, Any], engine: Engine, wanted: Any, played: int) -> PlayResult:
        """After ``_stop_for_other`` (its record closed): a session of ``wanted`` starts, for the same participant,
        group and conversation; what stopped, its setting and first line follow."""
        new_id, state = self.begin(wanted.id, data.get("deelnemer"), data.get("groep"), data.get("conversation_id"))
        stopped = TEXTS.text("wissel_gestopt", oud=data.get("titel") or engine.scenario.titel,
                             sessie=data.get("nummer", number),
                             beurten=counted(played, "beurt", "beurten"), nieuw=wanted.titel)
        return PlayResult("wissel", stopped,
                          payload=turn_payload(new_id, wanted.id, state["tension"], state["role"], 0),
                          extra=[feedback.setting_text(wanted), TEXTS.text("uitleg"), wanted.persona.opening])

    def wipe_last_after_end(self, session_id) -> PlayResult:
        """After the role-play ended, a request to wipe the last message ("kun je dat laatste bericht verwijderen?", a
        user test got only the explanation of wiping the whole conversation): the session's last turn goes from its
        record, and so does the debrief that quoted it; the session stays closed as stopped ('tussenstand' makes a new
        debrief without that turn). Nothing else of the session changes."""
        number = self._number(session_id)
        with records.editing_record(KIND, number, wipes=True) as row:
            data = self._data(number, row)
            engine = self._engine(data)
            turns = engine.state.turns
            if not turns:
                return PlayResult("uitleg", " ".join((TEXTS.text("niets_te_wissen"), HOW_TO_FORGET)))
            last = turns[-1].nr
            engine.rewind(len(turns))
            engine.stop()
            data["debrief"] = None
            self._store(row, data, engine)
        return PlayResult("opnieuw", TEXTS.text("beurt_gewist_na_einde", nr=last, sessie=data.get("nummer", number)))

    def _restart(self, session_id) -> PlayResult:
        """'Ik begin opnieuw': the role-play from before the first turn ('probeer opnieuw vanaf beurt 1'); at the start
        already, where it stands."""
        data = self.load(session_id)
        engine = self._engine(data)
        if not engine.state.turns and not engine.state.ending:
            return PlayResult("uitleg", TEXTS.text("opnieuw_aan_begin", zin=engine.opening()))
        return self.retry(session_id, 1)

    def finish(self, session_id, stopped: bool = True) -> PlayResult:
        """Close a session (stopped by the learner) and return its debrief; idempotent."""
        number = self._number(session_id)
        with records.editing_record(KIND, number) as row:
            data = self._data(number, row)
            return self._finish(row, data, self._engine(data), catalog.moves(), stopped=stopped)

    def _finish(self, row, data: Dict[str, Any], engine: Engine, zetten, stopped: bool) -> PlayResult:
        if data.get("debrief") and engine.state.ending:
            # a debrief stored before it held the reads of the turns: those parts from the stored turns
            report = feedback.with_turn_reads(data["debrief"], data.get("state", {}).get("turns"),
                                              {key: zet.naam for key, zet in zetten.items()})
        else:
            if stopped:
                engine.stop()
            report = _debrief(engine, data, zetten)
            self._store(row, data, engine, debrief=report)
        return PlayResult("einde", "", einde=engine.state.ending, debrief=report,
                          debrief_tekst=_debrief_text(report, zetten))

    def retry(self, session_id, turn_nr: int) -> PlayResult:
        """'Probeer opnieuw vanaf beurt N': back to the state before turn N. After the end, the finished session
        keeps its outcome (the trainer's overview counts it) and the new attempt goes on in a session of its own,
        which starts from that point and shows the first attempt in its debrief; the payload names that session."""
        number = self._number(session_id)
        with records.editing_record(KIND, number) as row:
            data = self._data(number, row)
            engine = self._engine(data)
            ending = engine.state.ending
            if ending == status.STOPPED and not engine.state.turns:
                return PlayResult("fout", "Er is nog geen beurt gespeeld om opnieuw te proberen.")
            if int(turn_nr) == retry.LAST_TURN:  # "probeer opnieuw vanaf de vorige beurt"
                turn_nr = len(engine.state.turns)
            try:
                removed = engine.rewind(int(turn_nr))
            except RoleplayError as exc:
                return PlayResult("fout", str(exc))
            attempt = retry.attempt_record(int(turn_nr), removed, ending)
            data["pogingen"] = list(data.get("pogingen") or []) + [attempt]
            data["debrief"] = None
            if ending is None:
                self._store(row, data, engine)
        kept = ""
        if ending is not None:  # the finished session stays as it is; the new attempt is a session of its own
            fresh = {k: v for k, v in data.items()
                     if k not in {"id", "status", "created_at", "conversation_id", "nummer"}}
            fresh.update(state=_masked_state(engine.state.to_dict()), vervolg_van=number, vervolg_vanaf=int(turn_nr),
                         vervolg_van_nummer=data.get("nummer", number))  # as the professional knows it
            data["id"] = records.add_record(KIND, fresh, conversation_id=data.get("conversation_id"),
                                            title=str(data.get("titel") or ""), status=status.BUSY)
            new_row = records.get_record(KIND, data["id"])
            new_number = records.shown_number(new_row) if new_row is not None else data["id"]
            first = data.get("nummer", number)
            kept = f" (Je eerste poging blijft bewaard als sessie {first}; dit is sessie {new_number}.)"
        state = engine.state
        last = state.last_reply or engine.opening()
        text = (f"We gaan terug naar vlak voor beurt {turn_nr}. De spanning is weer {state.tension}. "
                f"Je gesprekspartner zei: \"{last}\" Probeer nu een andere zin.{kept}")
        payload = turn_payload(data["id"], data["scenario"], state.tension, state.role, len(state.turns),
                               soort="rollenspel_opnieuw", vanaf_beurt=int(turn_nr))
        return PlayResult("opnieuw", text, payload=payload)


def _debrief(engine: Engine, data: Dict[str, Any], zetten) -> Dict[str, Any]:
    report = feedback.debrief(engine.scenario, engine.state, zetten)
    report["pogingen"] = retry.attempts_for_debrief(data, engine.state.turns)
    return report


def _debrief_text(report: Dict[str, Any], zetten) -> str:
    text = feedback.debrief_text(report, zetten)
    extra = retry.attempts_text(report.get("pogingen") or [], zetten)
    return text + ("\n\n" + extra if extra else "")


def list_sessions(limit: int = 1000) -> List[Dict[str, Any]]:
    """Stored sessions, newest first, as plain dicts (id, status, created_at and the data)."""
    return [{"id": row.pk, "status": row.status, "created_at": row.created_at,
             "conversation_id": row.conversation_id, **row.data, "nummer": records.shown_number(row)}
            for row in records.list_records(KIND, limit=limit)]


def sessions_for(name: str, limit: int = 1000) -> List[Dict[str, Any]]:
    """Sessions whose participant or group is ``name`` (case-insensitive), oldest first."""
    wanted = " ".join((name or "").split()).lower()
    if not wanted:
        return []
    hits = [s for s in list_sessions(limit) if wanted in {(s.get("deelnemer") or "").lower(),
                                                         (s.get("groep") or "").lower()}]
    return list(reversed(hits))
