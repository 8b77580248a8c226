"""Hint, feedback on the last turns, and the debrief (data + Dutch text).

The Dutch wording of each move (name, one-line effect, tip) comes from the ``rollenspel_zet``
knowledge; examples come from the scenario's own scripted paths.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot import status, textclass
from bot.roleplay.engine import UNSURE, State, further_moves, mostly_good, moves_of, pitfall_turns
from bot.roleplay.models import PITFALLS, STEPS, UNCLEAR, Scenario, Zet, band_of
from bot.steps import classifier
from bot.wording import in_sentence, ordinal, sentence, shortened

FEEDBACK_TURNS = 3
FORGIVEN_MARK = " (twijfel, niet meegeteld)"  # a forgiven uncertain read in the list of all turns
QUOTE_MAX = 140


def quote_of(text: str) -> str:
    """A turn quoted in the debrief (and on the trainers' page), cut at a word boundary when long
    (``bot.wording.shortened``)."""
    return shortened(text, QUOTE_MAX)


_quote = quote_of


def _name(move: str, zetten: Dict[str, Zet]) -> str:
    zet = zetten.get(move)
    return zet.naam if zet else move


def recommend(tension: int, used: Sequence[str], last_rise: bool = False) -> Tuple[str, str]:
    """The step that would help now, and why (Dutch)."""
    if band_of(tension) == "hoog":
        return "erkennen", f"De spanning is hoog ({tension}/10): eerst erkennen, dan pas verder."
    if last_rise:
        return "erkennen", "De spanning steeg na je laatste beurt: erken eerst wat dat losmaakte."
    done = [m for m in used if m in STEPS]
    for step in STEPS:
        if step not in done:
            return step, "Deze stap heb je in dit gesprek nog niet gezet; hij is nu aan de beurt."
    return "opties", "Alle stappen zijn gezet: kijk nu samen welke keuzes de ander zelf heeft."


# What each step asks of the trainee, as a suggestion after "zet nu een volgende stap, bijvoorbeeld ...".
STEP_SUGGESTIONS = {
    "visie": "in een paar woorden zeggen waar je voor staat",
    "erkennen": "benoemen wat je hoort",
    "dynamiek": "een vraag naar hoe het precies ging",
    "behoefte": "een vraag naar wat hij of zij echt wil",
    "realiteit": "rustig benoemen wat niet gaat veranderen",
    "opties": "een vraag naar wat hij of zij zelf kan doen",
}


def repeat_run(turns: Sequence[Any], turn: Any) -> int:
    """How many turns in a row, up to and including ``turn``, had the same main move (3 for the engine's first
    ``herhaling``, 4 for the next one). Turns as the engine keeps them or as stored dicts."""
    numbers = [_field(t, "nr") for t in turns]
    end = numbers.index(_field(turn, "nr")) if _field(turn, "nr") in numbers else len(turns) - 1
    move, run = _field(turn, "zet"), 0
    for earlier in reversed(list(turns)[:end + 1]):
        if _field(earlier, "zet") != move:
            break
        run += 1
    return max(run, 1)


def next_steps(repeated: str, used: Sequence[str], count: int = 2) -> List[str]:
    """The steps to suggest instead of the step repeated three times in a row: never that step itself (a user test:
    after three times dynamiek the tip suggested "een vraag naar hoe het precies ging"); first the steps of the
    workbook not used yet in this talk, in its order from the repeated step on, then the ones after it."""
    after = list(STEPS[STEPS.index(repeated) + 1:]) + list(STEPS[:STEPS.index(repeated)]) if repeated in STEPS \
        else list(STEPS)
    fresh = [step for step in after if step not in used]
    rest = [step for step in after if step in used]
    return [step for step in fresh + rest if step != repeated][:count]


def repetition_reason(turn: Any, turns: Sequence[Any] = ()) -> str:
    """Why a turn of the engine's repetition rule (``herhaling``) left the tension as it was: the same step for the
    third (fourth, ...) time in a row; counted from ``turns`` (a user test read "voor de derde keer op rij" on the
    fourth)."""
    run = repeat_run(turns, turn) if turns else 3
    return f"Dezelfde stap voor de {ordinal(run)} keer op rij: het effect is uitgewerkt."


def repetition_suggestion(turn: Any, turns: Sequence[Any]) -> str:
    """'een vraag naar wat hij of zij echt wil of rustig benoemen wat niet gaat veranderen': the next steps
    (``next_steps``) in words."""
    index = [_field(t, "nr") for t in turns].index(_field(turn, "nr")) if turns else 0
    used = moves_of(list(turns)[:index + 1])
    return " of ".join(STEP_SUGGESTIONS[step] for step in next_steps(str(_field(turn, "zet")), used))


INTERROGATION_REASON = ("Een rij gesloten vragen achter elkaar voelt als een verhoor: de spanning zakte daarom niet. "
                        "Stel liever één open vraag en laat de ander vertellen.")
INTERROGATION_ROSE = ("Een rij gesloten vragen achter elkaar voelt als een verhoor: de spanning liep daarom op in "
                      "plaats van te zakken. Stel liever één open vraag en laat de ander vertellen.")
INTERROGATION_NOTE = "rij gesloten vragen: voelde als een verhoor"


def interrogation_reason(turn: Any) -> str:
    """Why a string of closed questions (``verhoor``) did not calm the persona: the tension stayed, or it rose (the turn
    was also read as a pitfall, whose effect holds; a user test: three closed questions read as redden)."""
    rose = int(_field(turn, "spanning_na") or 0) > int(_field(turn, "spanning_voor") or 0)
    return INTERROGATION_ROSE if rose else INTERROGATION_REASON


def interrogations(scenario: Scenario, turns: Sequence[Any]) -> List[Dict[str, Any]]:
    """The turns that were a string of closed questions (``verhoor``), for the debrief, each with an open question of
    this scenario to ask instead."""
    found = []
    for turn in turns:
        if _field(turn, "verhoor"):
            examples = scenario.examples("dynamiek")
            found.append({"beurt": int(_field(turn, "nr") or 0), "tekst": _field(turn, "tekst") or "",
                          "voorbeeld": examples[0] if examples else ""})
    return found


def repetition_line(item: Dict[str, Any], names: Dict[str, str]) -> str:
    """One entry of the debrief's ``herhalingen`` in words (the chat's debrief and the trainers' page)."""
    name = str(names.get(str(item.get("zet")), item.get("zet"))).split(" (")[0].lower()
    stored = item.get("keer")
    times = stored if isinstance(stored, int) else 3
    line = (f"Beurt {item.get('beurt', '?')}: voor de {ordinal(times)} keer op rij {name}. Dan is het effect "
            "uitgewerkt en bleef de spanning gelijk")
    suggestion = item.get("voorstel")
    return line + (f"; zet dan een volgende stap, bijvoorbeeld {suggestion}." if suggestion else ".")


def repetitions(turns: Sequence[Any]) -> List[Dict[str, Any]]:
    """The turns of the repetition rule (``herhaling``), for the debrief: turn number, step, how many times in a row,
    and what to do instead (the README: "Onder je beurt staat dan een tip, en de nabespreking zegt het ook")."""
    return [{"beurt": int(_field(turn, "nr") or 0), "zet": str(_field(turn, "zet")),
             "keer": repeat_run(turns, turn), "voorstel": repetition_suggestion(turn, turns)}
            for turn in turns if _field(turn, "herhaling")]


# The step that mends a pitfall, best first (the workbook: a judgement or going into the facts puts the other on the
# defensive, so first hear them, then ask about what happens; taking the problem over leaves it with the professional,
# so hear them, then ask what they want and can do themselves: the cup pushed back). ``better_step`` takes the first
# the trainee has not done yet, never one the turn itself already did.
BETTER_AFTER = {
    "oordelen": ("erkennen", "dynamiek", "behoefte"),
    "inhoud": ("erkennen", "dynamiek", "behoefte"),
    "redden": ("erkennen", "behoefte", "opties"),
}
BETTER_REASONS = {
    "erkennen": "Benoem eerst wat je hoort; wie zich gehoord voelt, hoeft zich niet te verdedigen.",
    "dynamiek": "Vraag naar wat er gebeurt en wat de ander dan zelf doet, in plaats van naar de feiten of een oordeel.",
    "behoefte": "Vraag wat de ander echt wil; zo blijft het probleem bij de ander.",
    "opties": "Laat de ander zelf bedenken wat kan, in plaats van het voor hem of haar op te lossen.",
}
REASSURED = "Geruststellen slaat het gevoel over: benoem eerst wat de ander voelt, dan pas hoe het verder kan."
def reassures(text: str) -> bool:
    """A sentence of the turn reassures instead of acknowledging ("komt vast wel goed hoor"): the step recogniser's
    own test (``classifier.reassures``), so the debrief and the read agree on what reassuring is."""
    text = text or ""
    return any(classifier.reassures(text[begin:end]) for begin, end in textclass.segments(text))


# at a high tension the turn acknowledged, but the pitfall beside it undid that: still erkennen, not another step
STAY_WITH_ACKNOWLEDGING = ("De spanning was hoog ({tension}/10): blijf bij het erkennen; de valkuil ernaast maakte dat "
                           "weer ongedaan.")


def acknowledge_first(tension: int, rise: bool = False, text: str = "") -> Optional[str]:
    """Why acknowledging comes first after this turn (Dutch), or None: the turn reassured (``reassures``), the tension
    was high, or it rose after the turn before."""
    if reassures(text):
        return REASSURED
    if band_of(tension) == "hoog":
        return f"De spanning was hoog ({tension}/10): eerst erkennen, dan pas verder."
    if rise:
        return "De spanning steeg na je vorige beurt: erken eerst wat dat losmaakte."
    return None


def better_step(pitfall: str, tension: int, done: Sequence[str], in_turn: Sequence[str], rise: bool = False,
                text: str = "") -> List[Tuple[str, str]]:
    """The steps that would have been better than ``pitfall``, best first, each with why (Dutch): reassurance
    (``reassures``) and a high or rising tension call for acknowledging first; else the pitfall's own remedies
    (``BETTER_AFTER``) the trainee has not done yet (``done``: the steps of the turns before), then the workbook's next
    steps not done yet. Never a step the turn itself already did (``in_turn``): the debrief does not advise what the
    trainee just did (a user test: a question about the pattern got "Beter: dynamiek onderzoeken")."""
    order: List[Tuple[str, str]] = []
    first = acknowledge_first(tension, rise, text)
    if first and band_of(tension) == "hoog" and "erkennen" in in_turn:  # "ik snap het, ... ik ben zelf ook gescheiden"
        return [("erkennen", STAY_WITH_ACKNOWLEDGING.format(tension=tension))]
    if first:
        order.append(("erkennen", first))
    remedies = BETTER_AFTER.get(pitfall, ())
    order += [(step, BETTER_REASONS[step]) for step in remedies if step not in done]
    order += [(step, "Deze stap had je in dit gesprek nog niet gezet; hij was hier aan de beurt.")
              for step in STEPS if step not in done and step not in remedies]
    order += [(step, BETTER_REASONS[step]) for step in remedies]
    seen: List[str] = []
    result = []
    for step, reason in order:
        if step in in_turn or step in seen:
            continue
        seen.append(step)
        result.append((step, reason))
    return result or [("erkennen", BETTER_REASONS["erkennen"])]


def example(scenario: Scenario, step: str, zetten: Dict[str, Zet], index: int = 0) -> str:
    """A sentence for ``step`` that a professional could say to this scenario's persona: the scenario's own scripted
    sentences (every scenario has one for each step: ``Scenario.path_covers_steps``); only for a move without one, the
    sentence quoted in the move's tip, else the tip."""
    examples = scenario.examples(step)
    if examples:
        return examples[index % len(examples)]
    zet = zetten.get(step)
    if zet is None:
        return ""
    quoted = re.search(r"'([^']{12,})'", zet.tip)
    return quoted.group(1) if quoted else zet.tip


CLOSING = "afronden"  # the hint once every step was taken and the other chose an option of their own
CLOSING_NAME = "Het gesprek afronden"
CLOSING_REASON = ("Alle stappen zijn gezet en je gesprekspartner koos zelf een optie: rond het gesprek af. Vat samen "
                  "wat hij of zij zelf gaat doen en vraag wat daarvoor nog nodig is.")
CLOSING_EXAMPLES = {"u": "Dus zo gaat u het aanpakken. Wat heeft u nodig om dat ook echt te doen?",
                    "je": "Dus zo wil jij het gaan doen. Wat heb je nodig om dat ook echt te doen?"}


def chose_an_option(state: State) -> bool:
    """Every step was taken and the last turn asked for the other's own options (not too early: no push-back, and the
    tension did not rise), so the other named one: what is left is closing the talk, not another step (a user test:
    after three options questions the hint said "Opties verkennen zou nu helpen. Alle stappen zijn gezet")."""
    last = state.turns[-1] if state.turns else None
    if last is None or last.onzeker or last.weerstand or last.spanning_na > last.spanning_voor:
        return False
    return "opties" in [last.zet] + further_moves(last.zet, last.zetten) and set(STEPS) <= set(state.all_moves())


def hint(scenario: Scenario, state: State, zetten: Dict[str, Zet]) -> Dict[str, Any]:
    last = state.turns[-1] if state.turns else None
    if chose_an_option(state) and band_of(state.tension) != "hoog":
        return {"stap": CLOSING, "naam": CLOSING_NAME, "reden": CLOSING_REASON,
                "voorbeeld": CLOSING_EXAMPLES["je" if scenario.persona.is_child else "u"]}
    step, reason = recommend(state.tension, state.all_moves(), bool(last and last.spanning_na > last.spanning_voor))
    return {"stap": step, "naam": _name(step, zetten), "reden": reason,
            "voorbeeld": example(scenario, step, zetten, index=len(state.turns))}


def hint_text(scenario: Scenario, state: State, zetten: Dict[str, Zet]) -> str:
    h = hint(scenario, state, zetten)
    return f"Hint: {h['naam']} zou nu helpen. {h['reden']}\nBijvoorbeeld: \"{h['voorbeeld']}\""


def _field(turn: Any, key: str) -> Any:
    """A field of a turn as the engine keeps it (``Turn``) or as stored (a dict)."""
    return turn.get(key) if isinstance(turn, dict) else getattr(turn, key, None)


def turn_form(turn: Any, pitfall: Optional[str] = None) -> Optional[Any]:
    """The pitfall form (``bot.steps.pitfall_forms``: a child put in the middle of the parents) the turn was read as,
    from the signal the move reader stored, when it is a form of ``pitfall`` (default: the turn's main move); None for
    any other turn. Turns as the engine keeps them or as stored dicts."""
    from bot.steps.pitfall_forms import form_of_signals

    form = form_of_signals(_field(turn, "signalen") or [])
    if form is None or form.valkuil != (pitfall or _field(turn, "zet")):
        return None
    return form


def form_warning(turn, pitfall: Optional[str] = None, child: bool = True) -> Optional[str]:
    """The own warning of the pitfall form the turn was read as (``turn_form``), in the words for whom the trainee
    spoke to (``warning_for``); None for any other turn."""
    form = turn_form(turn, pitfall)
    return warning_for(form, child) if form is not None else None


def warning_for(form: Any, child: bool) -> str:
    """A pitfall form's warning for a turn said to a child (``waarschuwing``) or to a parent (``waarschuwing_ouder``,
    when the form has one): a user test read "Zeg het kind liever dat de ruzie niet door hem of haar komt" under a
    turn said to the mother about her daughter."""
    text = form.waarschuwing if child else (getattr(form, "waarschuwing_ouder", None) or form.waarschuwing)
    return " ".join(str(text).split())


def form_name(form: Any, zetten: Dict[str, Zet]) -> str:
    """A pitfall form by its own name, marked as a pitfall like the pitfalls' own names ('Redden (valkuil)'), and the
    pitfall it is a form of: 'Het kind in het midden zetten (valkuil: een vorm van redden)' (a user test saw the live
    label without 'valkuil')."""
    return f"{form.naam} (valkuil: een vorm van {_name(form.valkuil, zetten).split(' (')[0].lower()})"


def shown_move(turn: Any, move: Optional[str] = None) -> Optional[str]:
    """The move of a turn (default its main move) as the debrief and the trainers' pages name it: the id of the pitfall
    form the turn was read as (its name is the form's own, ``move_names``), else the move itself."""
    move = move or _field(turn, "zet")
    form = turn_form(turn, move) if move in PITFALLS else None
    return form.id if form is not None else move


def move_names(zetten: Optional[Dict[str, Zet]] = None) -> Dict[str, str]:
    """Move id -> Dutch name ('Erkennen', 'Redden (valkuil)'), and pitfall form id -> the form's name (``form_name``):
    the one table of names for the debrief, the trainers' pages and their exports."""
    from bot.knowledge.loader import get_knowledge
    from bot.roleplay import catalog

    zetten = zetten if zetten is not None else catalog.moves()
    names = {key: zet.naam for key, zet in zetten.items()}
    names.update({form.id: form_name(form, zetten) for form in get_knowledge().all("valkuil_vorm")})
    return names


def shown_name(turn: Any, zetten: Optional[Dict[str, Zet]] = None, move: Optional[str] = None) -> Optional[str]:
    """The name of a turn's move (default its main move) from the one table (``move_names``): 'Het kind in het midden
    zetten (een vorm van redden)' for a turn read as that form, else the move's name ('Erkennen'); None when unknown.
    The live label of a turn, "welke stap is dit?", the feedback, the debrief and the trainers' pages all name a turn
    so."""
    shown = shown_move(turn, move)
    return move_names(zetten).get(shown) if shown else None


def shown_signals(turn: Any, pitfall: str) -> List[str]:
    """The signals the move reader stored for a turn led by ``pitfall`` (the words that made it that pitfall, also
    where a sure pitfall sentence took over the read of a turn, ``moves._pitfall_signals``), as the debrief shows them
    after "Herkend aan"; none for a turn led by a step (its signals are the step's) or a forgiven read, and no cue
    pattern of the lexicon ("ook niet ... slim|handig")."""
    if _field(turn, "zet") != pitfall or _field(turn, "onzeker"):
        return []
    return [str(signal) for signal in _field(turn, "signalen") or [] if "|" not in str(signal)]


def turn_label(turn: Any, zetten: Optional[Dict[str, Zet]] = None) -> Optional[str]:
    """How a turn is named while the role-play runs (the live label "Jouw zet", "welke stap is dit?" about the last
    turn, the feedback, the earlier attempts): its main move (``shown_name``) and every further move the debrief's "Al
    je beurten" names for it (``turn_read``), steps and pitfalls: 'Erkennen + de inhoud in (valkuil)', 'Redden
    (valkuil) + dynamiek onderzoeken'. User tests saw the live label say 'Erkennen' for a turn the debrief listed as a
    pitfall, and 'Redden (valkuil)' for one the debrief listed as 'redden + dynamiek onderzoeken'; now both name the
    same moves. None when unknown."""
    names = move_names(zetten)
    shown = shown_move(turn)
    main = names.get(shown) if shown else None
    if main is None:
        return None
    read = turn_read(turn)
    if _field(turn, "onzeker"):
        # a forgiven uncertain read: as "Al je beurten" shows it, marked as doubt and with the steps beside it, not
        # as a pitfall (a user test: live "Oordelen of de les lezen (valkuil)", in the debrief "twijfel, niet
        # meegeteld" beside realiteit)
        beside = "".join(f" + {in_sentence(names.get(move, move))}" for move in read["extra"])
        return main.split(" (")[0] + FORGIVEN_MARK + beside
    further = list(read["extra"])
    pitfall = read["valkuil"]
    if pitfall and pitfall != _field(turn, "zet") and pitfall not in further:
        further.append(pitfall)
    beside = "".join(f" + {in_sentence(names.get(shown_move(turn, move) or move, move))}" for move in further)
    return main + beside


def pitfall_beside(turn: Any, zetten: Optional[Dict[str, Zet]] = None) -> Optional[str]:
    """For a step with a pitfall beside it (``turn_pitfall``): 'Er zat ook een valkuil in (de inhoud in): "..."'; None
    for any other turn. The feedback so far says it beside the step's own effect (a user test: a turn labelled
    'Erkennen + de inhoud in (valkuil)' was called only "Een goede stap na een misstap")."""
    pitfall = turn_pitfall(turn)
    if pitfall is None or pitfall == _field(turn, "zet"):
        return None
    name = move_names(zetten).get(shown_move(turn, pitfall) or pitfall, pitfall).split(" (")[0]
    where = _field(turn, "valkuilzin")
    return f"Er zat ook een valkuil in ({in_sentence(name)})" + (f": \"{_quote(where)}\"" if where else ".")


def turn_line(turn, zetten: Dict[str, Zet], child: bool = True, turns: Sequence[Any] = ()) -> str:
    """One turn in the feedback: what was said, how it was read, the tension, and why. ``child``: the persona is a
    child (a pitfall form's warning then speaks about what to tell the child, else about what to ask the parent);
    ``turns``: the turns of the talk (how many times in a row a repeated step was taken)."""
    zet = zetten.get(turn.zet)
    reason = form_warning(turn, child=child) or (zet.effect if zet else "")
    if turn.herhaling:
        reason = repetition_reason(turn, turns)
    if getattr(turn, "verhoor", False):
        reason = interrogation_reason(turn)
    if getattr(turn, "herstel", False):
        reason = "Een goede stap na een misstap: je gesprekspartner komt weer wat tot rust."
    if getattr(turn, "rechtgezet", False):
        reason = ("Je nam je misstap zelf terug en zette een goede stap: je gesprekspartner komt terug op de "
                  "spanning van vóór die misstap, en nog wat rustiger.")
    if getattr(turn, "teruggehaald", False):
        reason = ("Het gesprek had hier kunnen afronden, maar een eerdere misstap was nog niet rechtgezet: je "
                  "gesprekspartner haalde die terug. Erken wat dat met de ander deed, of neem je woorden terug.")
    if getattr(turn, "onzeker", False):
        reason = (f"Ik twijfelde hoe ik dit moest lezen (zekerheid {turn.zekerheid:.0%}); daarom werd je "
                  "gesprekspartner niet bozer en bleef de spanning gelijk.")
    beside = pitfall_beside(turn, zetten)
    if beside:  # the step's effect alone would hide the pitfall the label names
        reason = f"{reason} {beside}".strip()
    name = turn_label(turn, zetten) or turn.zet
    return (f"Beurt {turn.nr}: \"{_quote(turn.tekst)}\" → {name} "
            f"(spanning {turn.spanning_voor} → {turn.spanning_na}). {reason}").strip()


def feedback_text(scenario: Scenario, state: State, zetten: Dict[str, Zet], last_n: int = FEEDBACK_TURNS) -> str:
    if not state.turns:
        return "Je hebt nog geen beurt gedaan. Begin het gesprek; daarna kan ik feedback geven.\n" + hint_text(
            scenario, state, zetten)
    lines = ["Zo gaan je laatste beurten:"]
    lines += [f"- {turn_line(turn, zetten, scenario.persona.is_child, state.turns)}" for turn in state.turns[-last_n:]]
    lines.append(f"De spanning is nu {state.tension}/10 ({band_of(state.tension)}).")
    lines.append(hint_text(scenario, state, zetten))
    return "\n".join(lines)


def resume_text(scenario: Scenario, state: State, zetten: Dict[str, Zet]) -> str:
    """Back after a break ("ik ben er weer, waar waren we?"): where the talk stands and what the other said last;
    not a turn."""
    line = state.last_reply or scenario.persona.opening
    if not state.turns:
        return (f"Welkom terug. Je hebt nog geen beurt gedaan; de spanning is {state.tension}/10.\n"
                f"Je gesprekspartner zei: \"{line}\"\nWat zeg je?")
    return (f"Welkom terug. {feedback_text(scenario, state, zetten)}\n"
            f"Je gesprekspartner zei net: \"{line}\"\nWat zeg je nu?")


def _tips(scenario: Scenario, state: State, zetten: Dict[str, Zet], pitfalls: Sequence[str],
          taken: Sequence[str]) -> List[str]:
    """At most two tips, each about something in this talk: the pitfalls the debrief shows (not the unsure reads
    it forgave; a pitfall form's own warning stands at its turn, not here), a missed acknowledgement, reality or
    options named too early, missing steps. A talk that went wrong or was stopped gets general tips when there is
    too little to go on; a talk that ended well and had nothing to improve gets none (the debrief says so).
    ``taken``: the steps the debrief lists as taken (``read_steps``); no tip advises one of them. A talk without turns
    gets none: there is nothing to base a tip on (a user test: a session stopped before its first turn got two)."""
    if not state.turns:
        return []
    moves = state.moves
    read = [turn for turn in state.turns if not getattr(turn, "onzeker", False)]
    # a pitfall seen only in turns with a pitfall form's own warning gets that warning, not its general tip; the
    # warning stands once, at the turn in "Beurten om naar te kijken", not again as a tip (a user test read the
    # sixty words twice, also after the trainee took the turn back)
    general = {move for turn in read if not form_warning(turn) for move in [turn.zet, *turn.zetten]}
    candidates: List[str] = [pitfall for pitfall in ("oordelen", "redden", "inhoud")
                             if pitfall in pitfalls and pitfall in general]
    start_band = band_of(state.curve[0])
    if moves and start_band == "hoog" and "erkennen" not in [moves[0]] + state.turns[0].zetten:
        # also an acknowledgement beside another read of the first turn, or in a read it forgave, counts
        candidates.append("erkennen")
    early = [t for t in state.turns if t.zet in ("realiteit", "opties") and band_of(t.spanning_voor) == "hoog"]
    if early:
        candidates.append(early[0].zet)
    # a step the debrief lists as taken, also in a turn whose read was forgiven, is no step to advise
    candidates += [step for step in STEPS if step not in taken]
    if moves.count(UNCLEAR) >= 2:
        candidates.append(UNCLEAR)
    if state.ending != status.GOOD:  # general tips only about steps the talk did not take (a user test: a talk with
        # all six steps and no pitfall, stopped before its end, got "Vertel aan het begin ... waar je voor staat")
        candidates += [step for step in ("behoefte", "visie", "opties") if step not in taken]
    formal = says_u(state)
    child = scenario.persona.is_child
    tips: List[str] = []
    for move in candidates:
        zet = zetten.get(move)
        tip = _tip_for(zet, child, formal) if zet else None
        if tip and tip not in tips:
            tips.append(tip)
        if len(tips) == 2:
            break
    return tips


def _tip_for(zet: Zet, child: bool, formal: bool) -> str:
    """The tip of ``zet`` that fits the talk: for a child persona its ``tip_kind`` (a user test read 'het kopje
    schuiven', a parent's tool, in the debrief of the talk with the girl of 12), for a trainee who says "u" its
    ``tip_u``, else its ``tip``."""
    if child and zet.tip_kind:
        return zet.tip_kind
    return (zet.tip_u or zet.tip) if formal else zet.tip


_U = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
_JE = re.compile(r"\b(?:je|jij|jou|jouw)\b", re.IGNORECASE)


def says_u(state: State) -> bool:
    """The trainee speaks to the persona with "u" at least as often as with "je": tips then give their examples in the
    "u" form (a user test: "Wat zou jij hierin kunnen doen?" to a trainee who said "u" throughout). A tie goes to "u":
    "u" is never generic, "je" often is ("vier maanden niets horen van je kind"; a user test, session 24: a trainee
    who said "heeft u al eens geprobeerd ...?" read the je-form tips on the trainers' page)."""
    u = sum(len(_U.findall(t.tekst)) for t in state.turns)
    return u > 0 and u >= sum(len(_JE.findall(t.tekst)) for t in state.turns)


def turn_pitfall(turn: Any) -> Optional[str]:
    """The pitfall a turn held, as the debrief shows it: the turn's main move, else the first pitfall sentence beside a
    step (``zetten``); None for a turn without one and for a forgiven uncertain read (``onzeker``). Turns as the engine
    keeps them or as stored dicts. The one rule for the debrief, the group view and its CSV, and ``rustpunt groep``
    (a user test saw the group overview list a forgiven read and miss a pitfall beside a step)."""
    if _field(turn, "onzeker"):
        return None
    if _field(turn, "zet") in PITFALLS:
        return str(_field(turn, "zet"))
    return next((str(move) for move in _field(turn, "zetten") or [] if move in PITFALLS), None)


def session_pitfalls(turns: Sequence[Any]) -> List[Tuple[int, str]]:
    """(turn number, pitfall) of every turn that held one (``turn_pitfall``), in order; a turn read as a pitfall form
    gives the form's id (``shown_move``), so the trainers' pages name the form the trainee used."""
    found = []
    for turn in turns:
        pitfall = turn_pitfall(turn)
        if pitfall:
            found.append((int(_field(turn, "nr") or 0), str(shown_move(turn, pitfall))))
    return found


def turn_read(turn: Any) -> Dict[str, Any]:
    """How the debrief reads one turn: the one source of every step and pitfall the debrief, the trainers' page and
    the session report name (a user test saw "Stappen die je zette" name steps that no turn in "Al je beurten" showed,
    and pitfalls listed for turns shown as a plain step). Turns as the engine keeps them or as stored dicts.

    - ``zet``: the main move; ``vergeven``: the engine forgave it as an uncertain read (``onzeker``, the engine's own
      decision, not the stored confidence compared again: that is rounded, and 0.5996 stored as 0.6 made a forgiven
      turn a counted pitfall in the debrief);
    - ``extra``: the further moves of the turn, steps and pitfalls (``further_moves``: no options beside a pitfall
      that led the turn); in a forgiven read only the steps beside the doubted sentence (the doubt was about that
      sentence, not about the question beside it), and no pitfall;
    - ``valkuil``: the pitfall the turn counts (``turn_pitfall``), ``vorm`` the pitfall form it was read as, if any;
    - ``zekerheid``: the stored confidence."""
    main = str(_field(turn, "zet"))
    forgiven = bool(_field(turn, "onzeker"))
    moves = [str(m) for m in _field(turn, "zetten") or []]
    if forgiven:
        extra = [m for m in moves if m in STEPS]
    else:
        extra = [m for m in further_moves(main, moves) if m in STEPS + PITFALLS]
    pitfall = turn_pitfall(turn)
    form = turn_form(turn, pitfall) if pitfall else None
    sure = _field(turn, "zekerheid")
    return {"beurt": int(_field(turn, "nr") or 0), "zet": main,
            "extra": [m for m in dict.fromkeys(extra) if m != main], "valkuil": pitfall,
            "vorm": form.id if form is not None else None, "vergeven": forgiven,
            "zekerheid": float(sure) if isinstance(sure, (int, float)) else 1.0}


def turn_reads(turns: Sequence[Any]) -> List[Dict[str, Any]]:
    """``turn_read`` of every turn, in order."""
    return [turn_read(turn) for turn in turns]


def read_moves(read: Dict[str, Any]) -> List[str]:
    """Every move a read names: its main move, then the further ones."""
    return [str(read.get("zet")), *[str(m) for m in read.get("extra") or []]]


def read_steps(reads: Sequence[Dict[str, Any]]) -> List[str]:
    """Every step the reads hold, in order of first use: "Stappen die je zette" and "Niet gebruikt"."""
    return list(dict.fromkeys(m for read in reads for m in read_moves(read) if m in STEPS))


def steps_taken(turns: Sequence[Any]) -> List[str]:
    """Every step the turns held, in order (``read_steps`` of ``turn_reads``)."""
    return read_steps(turn_reads(turns))


def read_label(read: Dict[str, Any], names: Dict[str, str]) -> str:
    """One turn as "Al je beurten" and the trainers' page show it: 'erkennen + realiteit + de inhoud in', a pitfall
    form by its own name, a forgiven read marked ``FORGIVEN_MARK``. ``names``: move id (or form id) -> Dutch name."""
    def name(move: str) -> str:
        shown = read.get("vorm") if read.get("vorm") and move == read.get("valkuil") else move
        return str(names.get(str(shown), names.get(move, move))).split(" (")[0].lower()

    moves = read_moves(read)
    return (name(moves[0]) + (FORGIVEN_MARK if read.get("vergeven") else "")
            + "".join(f" + {name(m)}" for m in moves[1:]))


MAIN_MOVE_MARK = " (hoofdzet)"  # the move that led a turn read as several (the engine's ``zet``)
NOT_COUNTED_MARK = " (telde niet mee)"  # a move a turn was read as that the debrief does not count


def turn_moves(turn: Any) -> List[Tuple[str, bool]]:
    """Every move a turn was read as, in the order the engine took them (the stored ``zetten``: the main move first,
    then the others as the turn's sentences held them), each with whether it counted as the debrief counts it
    (``turn_read``, ``move_counts``): not the main move of a forgiven uncertain read, not an options question beside a
    pitfall that led the turn. A pitfall form by its id (``shown_move``). A turn of one move: [(main, counted)]."""
    read = turn_read(turn)
    counted = set(read["extra"]) | (set() if read["vergeven"] else {read["zet"]})
    moves = dict.fromkeys([read["zet"]] + [str(m) for m in _field(turn, "zetten") or []])
    return [(shown_move(turn, move) or move, move in counted) for move in moves]


def moves_label(turn: Any, names: Dict[str, str]) -> Optional[str]:
    """A turn read as more than one move, as the trainers' transcripts show it (the page, ``rustpunt sessies toon``;
    a user test of session 25 saw only the main move): 'Erkennen (hoofdzet) → De inhoud in (valkuil)', in the
    engine's order (``turn_moves``), a move that did not count marked so. The main move's forgiven doubt is the turn's
    note (``turn_notes``). None for a turn of one move."""
    moves = turn_moves(turn)
    if len(moves) < 2:
        return None
    parts = [str(names.get(moves[0][0], moves[0][0])) + MAIN_MOVE_MARK]
    parts += [str(names.get(move, move)) + ("" if counted else NOT_COUNTED_MARK) for move, counted in moves[1:]]
    return " → ".join(parts)


TAKEN_BACK_NOTE = "nam de misstap van de beurt ervoor zelf terug"
BROUGHT_BACK_NOTE = "gesprekspartner haalde een misstap terug die niet was rechtgezet"


def turn_notes(turn: Any) -> List[str]:
    """What the trainers' views say about a turn beside its move (the page's transcript, ``rustpunt sessies toon``):
    a forgiven uncertain read ('twijfel, niet meegeteld', as in "Al je beurten") and a self-correction (the chat told
    the trainee "Je nam het in de beurt erna zelf terug"; a user test found neither on the trainers' page). Turns as
    the engine keeps them or as stored dicts."""
    notes = [FORGIVEN_MARK.strip(" ()")] if _field(turn, "onzeker") else []
    if _field(turn, "verhoor"):
        notes.append(INTERROGATION_NOTE)
    if _field(turn, "rechtgezet"):
        notes.append(TAKEN_BACK_NOTE)
    if _field(turn, "teruggehaald"):
        notes.append(BROUGHT_BACK_NOTE)
    return notes


def taken_back(turns: Sequence[Any]) -> List[int]:
    """The numbers of the turns whose misstep the next turn took back (``rechtgezet``)."""
    return [int(_field(turn, "nr") or 0) - 1 for turn in turns if _field(turn, "rechtgezet")]


def is_doubt(read: Dict[str, Any]) -> bool:
    """A read the debrief lists as doubtful: every forgiven one, and any other read below ``UNSURE``."""
    return bool(read.get("vergeven")) or float(read.get("zekerheid", 1.0)) < UNSURE


def doubts(turns: Sequence[Any], reads: Sequence[Dict[str, Any]], names: Dict[str, str]) -> List[Dict[str, Any]]:
    """The debrief's doubtful reads (``is_doubt``): what was said, the read, and what the persona said instead of
    growing angrier."""
    return [{"beurt": read["beurt"], "tekst": _field(turn, "tekst") or "", "zet": read["zet"],
             "naam": names.get(read["zet"], read["zet"]), "zekerheid": read["zekerheid"],
             "vergeven": read["vergeven"], "antwoord": _field(turn, "antwoord")}
            for turn, read in zip(turns, reads, strict=True) if is_doubt(read)]


def move_counts(reads: Sequence[Dict[str, Any]]) -> Dict[str, int]:
    """In how many turns each move was read (as the main move or beside it); not the main move of a forgiven uncertain
    read, which the debrief does not count ("twijfel, niet meegeteld"; a user test saw the trainers' page count it as
    a pitfall)."""
    counts: Dict[str, int] = {}
    for read in reads:
        moves = [str(m) for m in read.get("extra") or []] if read.get("vergeven") else read_moves(read)
        for move in dict.fromkeys(moves):
            counts[move] = counts.get(move, 0) + 1
    return counts


def with_turn_reads(report: Any, turns: Any, names: Optional[Dict[str, str]] = None) -> Any:
    """A stored debrief with everything it says about the reads of the turns made again from the stored turns, for a
    debrief stored before it held ``per_beurt`` (the list of turns, the steps in order, the steps not used, the
    doubtful reads, the counts); other debriefs and other shapes as they are."""
    if (not isinstance(report, dict) or "per_beurt" in report or not isinstance(turns, list) or not turns
            or not all(isinstance(t, dict) and "zet" in t and "nr" in t for t in turns)):
        return report
    names = names if names is not None else move_names()
    reads = turn_reads(turns)
    order = read_steps(reads)
    report = {key: value for key, value in report.items() if key != "stappen_naast"}
    report.update(per_beurt=reads, stappen_volgorde=order, ontbrekende_stappen=[s for s in STEPS if s not in order],
                  twijfel=doubts(turns, reads, names), aantal_per_zet=move_counts(reads))
    return report


def debrief(scenario: Scenario, state: State, zetten: Dict[str, Zet]) -> Dict[str, Any]:
    """Everything the debrief shows, as JSON-ready data."""
    reads = turn_reads(state.turns)  # the one source of every step and pitfall named below
    order = read_steps(reads)
    unsure = doubts(state.turns, reads, {key: zet.naam for key, zet in zetten.items()})
    pitfalls: List[Dict[str, Any]] = []
    shown: Dict[str, int] = {}  # the examples given so far and the turn they were given at: never one twice
    for index, (turn, read) in enumerate(zip(state.turns, reads, strict=True)):
        pitfall = read["valkuil"]
        if pitfall:
            earlier = read_steps(reads[:index])
            rise = index > 0 and state.turns[index - 1].spanning_na > state.turns[index - 1].spanning_voor
            better, reason, shown_example = _better(scenario, zetten, pitfall, turn, earlier, read_moves(read), rise,
                                                    list(shown))
            given_at = shown.get(shown_example)  # every fitting example was given already: refer back to it
            shown.setdefault(shown_example, turn.nr)
            taken_back = index + 1 < len(state.turns) and getattr(state.turns[index + 1], "rechtgezet", False)
            item = {
                "beurt": turn.nr, "tekst": turn.tekst, "zet": pitfall, "naam": _name(pitfall, zetten),
                "beter": better, "beter_naam": _name(better, zetten), "reden": reason,
                "voorbeeld": shown_example, "zelf_teruggenomen": taken_back,
                # the example was given at that earlier turn: the debrief refers back to it instead of repeating it
                "voorbeeld_bij": given_at,
                # a pitfall sentence beside a step: the step the turn was read as, else None
                "naast": turn.zet if turn.zet in STEPS else None,
                "valkuilzin": getattr(turn, "valkuilzin", None),  # the sentence that carried it (several sentences)
                "herkend_aan": shown_signals(turn, pitfall),  # the words that made it this pitfall
            }
            form = turn_form(turn, pitfall)
            if form is not None:  # a pitfall form (a child put in the middle): its own name and warning
                item.update(naam=form_name(form, zetten), vorm=read["vorm"],
                            waarschuwing=warning_for(form, scenario.persona.is_child))
            pitfalls.append(item)
    return {
        "scenario": scenario.id,
        "titel": scenario.titel,
        "einde": state.ending,
        "beurten": len(state.turns),
        "stappen_volgorde": order,
        "zetten_volgorde": state.moves,
        "per_beurt": reads,  # every turn's read: main move, further moves, the pitfall it counts, forgiven or not
        "aantal_per_zet": move_counts(reads),
        "ontbrekende_stappen": [s for s in STEPS if s not in order],
        "valkuilen": pitfalls,
        "twijfel": unsure,
        "herhalingen": repetitions(state.turns),  # the same step three times in a row: the effect wore off
        "verhoren": interrogations(scenario, state.turns),  # a string of closed questions: the tension did not fall
        "spanning": state.curve,
        "tips": _tips(scenario, state, zetten, [item["zet"] for item in pitfalls], order),
        "patroon": _pattern(scenario, state),
    }


def _better(scenario: Scenario, zetten: Dict[str, Zet], pitfall: str, turn: Any, done: Sequence[str],
            in_turn: Sequence[str], rise: bool, shown: Sequence[str]) -> Tuple[str, str, str]:
    """The better step for a turn with a pitfall (``better_step``), its reason, and an example not given before in this
    debrief (``shown``): the scenario's own sentences for that step first, then the step's tip; a step whose examples
    were all given already yields to the next better step."""
    text = getattr(turn, "valkuilzin", None) or turn.tekst
    choices = better_step(pitfall, turn.spanning_voor, done, in_turn, rise, text)
    own = turn.tekst.strip()
    # the stance mends no pitfall: it is the better step only when it comes first
    fitting = [choice for choice in choices if choice[0] != "visie" or choice == choices[0]]
    if choices[0][0] == "erkennen" and (band_of(turn.spanning_voor) == "hoog" or reassures(text)):
        # at a high tension (or after reassurance) acknowledging first does not yield to another step because its
        # example was shown for an earlier turn (a user test, session 23: at tension 9 the second pitfall got "Beter:
        # behoefte en verlangen"); after a mere rise it may, so the advice differs from mistake to mistake
        fitting = choices[:1]
    for step, reason in fitting:
        for candidate in scenario.examples(step):
            if candidate not in shown and candidate.strip() != own:
                return step, reason, candidate
    # every sentence of this scenario for the better steps was given already: one of them again (a sentence the
    # professional could say to this persona), never the step's tip, which is an instruction ("Begin bij hoge spanning
    # met erkennen: ...", a user test read it after "bijvoorbeeld", for a girl who had said she was tired)
    for step, reason in fitting:
        for candidate in scenario.examples(step):
            if candidate.strip() != own:
                return step, reason, candidate
    step, reason = choices[0]
    return step, reason, example(scenario, step, zetten)


def better_example(item: Dict[str, Any]) -> str:
    """The example after "Beter: <step>," of a turn to look at: the example in quotes, or, when it was given for an
    earlier turn of this debrief (``voorbeeld_bij``), a reference to that turn: the README promises no example twice
    (a user test: scenario 4 gave 'Vier maanden niets horen van je kind ...' at turn 1 and turn 2, the scenario has
    one acknowledgement of its own)."""
    earlier = item.get("voorbeeld_bij")
    if earlier:
        return f"zoals in het voorbeeld bij beurt {earlier}."
    return f"bijvoorbeeld \"{item.get('voorbeeld') or ''}\""


def _pattern(scenario: Scenario, state: State) -> Optional[Dict[str, int]]:
    """Why a calm talk did not end well: the engine's ``mostly_good`` failed (more than half of the turns held a
    pitfall). None when it ended well or the tension is not low enough anyway."""
    turns = len(state.turns)
    if state.ending == status.GOOD or not turns or state.tension > scenario.spanning.goed_einde_tot:
        return None
    with_pitfall = pitfall_turns(state.turns)
    return None if mostly_good(with_pitfall, turns) else {"met_valkuil": with_pitfall, "beurten": turns}


_ENDINGS = {
    status.GOOD: "Het gesprek is goed afgelopen: er kwam rust en de ander koos zelf een optie.",
    status.BAD: "Het gesprek is misgelopen: de spanning liep op tot 10 en de ander haakte af.",
    status.STOPPED: "Je bent zelf gestopt met het rollenspel.",
    None: "Het rollenspel is nog niet afgelopen.",
}


def debrief_text(data: Dict[str, Any], zetten: Dict[str, Zet]) -> str:
    lines = [f"Nabespreking: {data['titel']}", _ENDINGS.get(data["einde"], "")]
    if not data["beurten"]:
        lines.append("Je hebt nog geen beurten gedaan, dus er valt nog niets na te bespreken.")
        return "\n".join(lines)
    order = " → ".join(_name(m, zetten) for m in data["stappen_volgorde"]) or "geen van de zes stappen"
    lines.append(f"Stappen die je zette, in volgorde: {order}.")
    reads = data.get("per_beurt")
    if isinstance(reads, list):  # the list of turns from the same reads as everything else
        forgiven = {read["beurt"] for read in reads if read.get("vergeven")}
        names = {key: zet.naam for key, zet in zetten.items()}
        names.update({item["vorm"]: item["naam"] for item in data["valkuilen"] if item.get("vorm")})
        sequence = ", ".join(read_label(read, names) for read in reads)
    else:  # a debrief stored before it held the reads of the turns
        forgiven = {item["beurt"] for item in data.get("twijfel") or [] if item.get("vergeven")}
        forms = {item["beurt"]: item["naam"] for item in data["valkuilen"]
                 if item.get("vorm") and not item.get("naast")}
        beside = data.get("stappen_naast") or {}
        sequence = ", ".join(forms.get(nr, _name(m, zetten)).split(" (")[0].lower()
                             + (FORGIVEN_MARK if nr in forgiven else "")
                             + "".join(f" + {_name(step, zetten).lower()}" for step in beside.get(str(nr), []))
                             for nr, m in enumerate(data["zetten_volgorde"], start=1))
    lines.append(f"Al je beurten ({data['beurten']}): {sequence}.")
    if data["ontbrekende_stappen"]:
        lines.append("Niet gebruikt: " + ", ".join(_name(m, zetten) for m in data["ontbrekende_stappen"]) + ".")
    lines.append("Spanning per beurt: " + " → ".join(str(v) for v in data["spanning"]) + " (van 10).")
    if data["valkuilen"]:
        lines.append("Beurten om naar te kijken:")
        for item in data["valkuilen"]:
            back = " Je nam het in de beurt erna zelf terug: goed gezien." if item.get("zelf_teruggenomen") else ""
            beside = item.get("naast")
            what = (f"bevatte naast {_name(beside, zetten).lower()} ook {item['naam'].lower()}" if beside
                    else f"was {item['naam'].lower()}")
            if item.get("valkuilzin"):
                what += f": \"{_quote(item['valkuilzin'])}\""
            warning = f" {item['waarschuwing']}" if item.get("waarschuwing") else ""
            if item.get("herkend_aan") and not item.get("waarschuwing"):
                warning = " Herkend aan: " + ", ".join(f"'{signal}'" for signal in item["herkend_aan"]) + "."
            lines.append(f"- Beurt {item['beurt']}: \"{_quote(item['tekst'])}\" {sentence(what)}{warning}{back} "
                         f"Beter: {item['beter_naam'].lower()}, {better_example(item)}")
    elif forgiven:  # a read it doubted and forgave is no pitfall, and the debrief says why it still shows it
        lines.append("Je bent niet in de inhoud, het redden of het oordelen geschoten: de beurt waarbij ik twijfelde, "
                     "heb ik niet als valkuil meegeteld.")
    else:
        lines.append("Je bent niet in de inhoud, het redden of het oordelen geschoten. Mooi.")
    lines += _effect_lines(data, zetten)
    pattern = data.get("patroon")
    if pattern:
        lines.append(f"De spanning is gezakt, maar in {pattern['met_valkuil']} van je {pattern['beurten']} beurten zat "
                     "een valkuil, ook als zin naast een goede stap (zoals een advies na een goede vraag). Een gesprek "
                     "loopt pas goed af als het overwegend goed was: laat de ander zelf bedenken wat kan.")
    if data.get("twijfel"):
        lines.append("Beurten waarbij ik twijfelde hoe ik ze moest lezen (kijk zelf of het klopt):")
        for item in data["twijfel"]:
            extra = _forgiven_note(item) if item["vergeven"] else ""
            if item["zet"] == UNCLEAR:  # no step or pitfall stood out: there is no certainty to name
                lines.append(f"- Beurt {item['beurt']}: \"{_quote(item['tekst'])}\" kon ik niet als een stap of "
                             f"valkuil lezen.{extra}")
                continue
            lines.append(f"- Beurt {item['beurt']}: \"{_quote(item['tekst'])}\" las ik als {item['naam'].lower()}, "
                         f"maar ik was maar {item['zekerheid']:.0%} zeker.{extra}")
    tips = data["tips"]
    if not tips:
        went_well = _went_well(data)
        if went_well:
            lines.append(went_well)
        lines.append("Verbeterpunten: geen in dit gesprek. Probeer een ander scenario om verder te oefenen.")
        return "\n".join(lines)
    lines.append("Twee tips voor de volgende keer:" if len(tips) == 2 else "Een tip voor de volgende keer:")
    lines += [f"{n}. {tip}" for n, tip in enumerate(tips, start=1)]
    return "\n".join(lines)


def _went_well(data: Dict[str, Any]) -> str:
    """What went well in a talk without tips: every step of the workbook, no pitfall, the tension that fell; '' when
    there is nothing to name."""
    parts = []
    if not data.get("ontbrekende_stappen"):
        parts.append("je zette alle zes stappen")
    if not data.get("valkuilen"):
        parts.append("je bleef uit de valkuilen")
    curve = data.get("spanning") or []
    if len(curve) > 1 and curve[-1] < curve[0]:
        parts.append(f"de spanning zakte van {curve[0]} naar {curve[-1]}")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    return f"Wat goed ging: {listed}."


def _effect_lines(data: Dict[str, Any], zetten: Dict[str, Zet]) -> List[str]:
    """The debrief's lines about turns whose step had no effect: a string of closed questions (``verhoren``) and the
    same step three times in a row (``herhalingen``)."""
    lines = []
    for item in data.get("verhoren") or []:
        example_line = f" Bijvoorbeeld: \"{item['voorbeeld']}\"" if item.get("voorbeeld") else ""
        lines.append(f"Beurt {item['beurt']}: \"{_quote(item['tekst'])}\" {INTERROGATION_REASON}{example_line}")
    repeated = data.get("herhalingen") or []
    if repeated:
        names = {key: zet.naam for key, zet in zetten.items()}
        lines.append("Dezelfde stap te vaak achter elkaar:")
        lines += [f"- {repetition_line(item, names)}" for item in repeated]
    return lines


PAGE_TEXT_KEYS = ("samenvatting", "tips")  # the parts of a debrief that are Dutch text as they are, without ids


def debrief_for_page(data: Dict[str, Any], zetten: Optional[Dict[str, Zet]] = None) -> Dict[str, Any]:
    """A debrief (:func:`debrief`, as the actions send it) for a page that did not show its text before it: the same
    Dutch text (:func:`debrief_text`, without its heading "Nabespreking: <titel>", which the page shows itself) and
    nothing of the data, whose moves, steps, ending and scenario are ids (a chat page showed "Niet gebruikte stappen:
    visie, dynamiek" and "Aantal per zet: inhoud: 2"). A debrief without the parts of the text keeps only its title and
    the parts that are Dutch text already (``PAGE_TEXT_KEYS``)."""
    page: Dict[str, Any] = {"soort": "debrief"}
    for key in ("titel", "sessie"):
        if isinstance(data.get(key), (str, int)) and not isinstance(data.get(key), bool):
            page[key] = data[key]
    try:
        if zetten is None:
            from bot.roleplay import catalog  # lazy: the knowledge is read only for a debrief that needs it

            zetten = catalog.moves()
        text = debrief_text(data, zetten)
    except Exception:  # noqa: BLE001 - an older or partial debrief: no text, never its ids
        text = ""
    lines = text.splitlines()
    if lines and lines[0].startswith("Nabespreking:"):
        lines = lines[1:]
    if any(line.strip() for line in lines):
        page["tekst"] = "\n".join(lines).strip()
        return page
    for key in PAGE_TEXT_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            page[key] = value
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            page[key] = value
    return page


def _forgiven_note(item: Dict[str, Any]) -> str:
    """What the persona did with a read that was forgiven: its own words, or (older debriefs) in general."""
    reply = item.get("antwoord")
    said = f" en zei: \"{reply}\"" if reply else ""
    return f" Daarom werd je gesprekspartner niet bozer{said}; de spanning bleef gelijk."


def setting_text(scenario: Scenario) -> str:
    """What the learner reads first (never the trainer notes)."""
    return f"{scenario.titel}\n\n{scenario.setting.strip()}"


def scenario_line(scenario: Scenario) -> str:
    """'3. Titel: samenvatting', with the scenario's own fixed number."""
    return f"{scenario.nummer}. {scenario.titel}: {scenario.samenvatting}"


def trainer_text(scenario: Scenario) -> str:
    lines = [f"Leerdoel: {scenario.trainer.leerdoel}", "Aandachtspunten:"]
    lines += [f"- {point}" for point in scenario.trainer.aandachtspunten]
    lines.append(f"Persona: {scenario.persona.wie} Onderliggend: {scenario.persona.onderliggend} "
                 f"Startrol: {scenario.persona.rol}. Startspanning: {scenario.spanning.start}/10.")
    return "\n".join(lines)


def role_label(role: Optional[str]) -> str:
    return (role or "").capitalize()
