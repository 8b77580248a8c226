"""How often the real move classifier finds the move the author intended on the scripted paths,
and how free-text practice sessions end.

For every scenario the sentences of ``oefenpad`` (and ``valkuilpad``) are classified one by one;
a hit is a classified move equal to the intended one. The scripted good path is also replayed
with the real classifier to see whether it still reaches the good ending. The free-text paths of
``evaluatie/oefenpaden.yml`` (a trainee's own words, never trained on) are played with the real
classifier: every ``goed`` path must end well and no ``slecht`` path may. The second, blind set
``evaluatie/oefenpaden_2.yml`` (harder: one clumsy turn in every good path, warm sentences in the
bad ones; never trained on, seen since session 6: used to tune the engine) and the third, blind set
``evaluatie/oefenpaden_3.yml`` (never trained on; seen since round 8: it tuned the engine and showed the
kinds of sentences example round 8 covers) are played the same way, each reported under its own heading
(``bot.heldout.PRACTICE_PATH_SETS``).

Context (``bot.roleplay.context``) is measured by reading the same turns without and with it, on
the paths, the held-out conversations and the context set ``evaluatie/context.yml`` (short,
ambiguous turns after a persona line; part ``ontwikkel`` may tune the context rules, part ``toets``
is only measured), and on the second and third context sets ``evaluatie/context_2.yml`` and
``evaluatie/context_3.yml`` (each written independently and blind, never trained on; the second is seen
since session 5 and the third since session 6: they tuned the context rules; measured whenever part
``toets`` is, each under its own heading).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot import status
from bot.heldout import HIDDEN_NOTE, INVITATION_TRAINING_SETS
from bot.roleplay import catalog
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.models import MOVES
from bot.roleplay.moves import default_classifier

if TYPE_CHECKING:
    from bot.heldout import ContextItem


@dataclass
class IndependentSet:
    """Reads without vs with context on one context set written apart from the rules (only measured)."""

    counts: Dict[str, Tuple[int, int, int]] = field(default_factory=dict)  # name -> (without, with, total)
    changes: List[Tuple[str, str, str, str]] = field(default_factory=list)  # where, without, with, text
    wrong: List[Tuple[str, str, str, str]] = field(default_factory=list)  # id, right, read with, text


@dataclass
class PathEvaluation:
    total: int = 0
    hits: int = 0
    per_scenario: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    per_move: Dict[str, Tuple[int, int]] = field(default_factory=dict)
    confusions: Counter = field(default_factory=Counter)
    misses: List[Tuple[str, str, str, str]] = field(default_factory=list)  # scenario, intended, got, text
    good_endings: Dict[str, str] = field(default_factory=dict)  # scenario -> ending with real classifier
    free_paths: List[Dict[str, Any]] = field(default_factory=list)  # free-text paths and how they ended
    # the practice-path sets written apart from the engine (bot.heldout.PRACTICE_PATH_SETS), played, by file
    practice_sets: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    # the same paths with every turn dictated (``bot.heldout.dictated``: no punctuation, no capitals), by file
    # (``oefenpaden.yml`` for the free-text paths)
    dictated_sets: Dict[str, List[Dict[str, Any]]] = field(default_factory=dict)
    # context (the persona's last line, the stage): reads without vs with it, see ``bot.roleplay.context``
    context_compared: Dict[str, Tuple[int, int, int]] = field(default_factory=dict)  # name -> (without, with, total)
    context_changes: List[Tuple[str, str, str, str]] = field(default_factory=list)  # where, without, with, text
    # the context sets written apart from the rules (bot.heldout.INDEPENDENT_CONTEXT_SETS), by file
    independent: Dict[str, "IndependentSet"] = field(default_factory=dict)

    @property
    def free_paths_ok(self) -> int:
        return sum(bool(p["ok"]) for p in self.free_paths)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


CONTEXT_PARTS = ("ontwikkel", "toets")


def evaluate_paths(classify: Optional[Callable] = None, context_parts: Sequence[str] = CONTEXT_PARTS) -> PathEvaluation:
    from bot.heldout import INDEPENDENT_CONTEXT_SETS, PRACTICE_PATH_SETS, context_items, practice_path_set

    items = context_items()  # first: a broken context set stops the evaluation before anything is read
    independent = {name: context_items(name) for name in INDEPENDENT_CONTEXT_SETS}
    path_sets = {name: practice_path_set(name) for name in PRACTICE_PATH_SETS}  # likewise a broken path set
    if classify is None:
        classify = default_classifier()
    result = PathEvaluation()
    per_move: Dict[str, List[int]] = {}
    for scenario in catalog.scenarios():
        hits = total = 0
        for turn in scenario.oefenpad + scenario.valkuilpad:
            move = classify(turn.tekst)
            got = getattr(move, "zet", move)
            ok = got == turn.zet
            hits += ok
            total += 1
            counts = per_move.setdefault(turn.zet, [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok:
                result.confusions[(turn.zet, got)] += 1
                result.misses.append((scenario.id, turn.zet, got, turn.tekst))
        result.per_scenario[scenario.id] = (hits, total)
        result.hits += hits
        result.total += total
        engine = Engine(scenario, classify=classify, seed=0)
        for turn in scenario.oefenpad:
            if engine.step(turn.tekst).ending:
                break
        result.good_endings[scenario.id] = engine.state.ending or f"geen (spanning {engine.state.tension})"
    result.per_move = {m: (c[0], c[1]) for m, c in per_move.items()}
    result.free_paths = play_free_paths(classify)
    result.practice_sets = {name: play_free_paths(classify, paths) for name, paths in path_sets.items()}
    result.dictated_sets = {name: play_free_paths(classify, paths, dictated=True)
                            for name, paths in [(FIRST_PRACTICE_FILE, None), *path_sets.items()]}
    if getattr(classify, "accepts_context", False) and getattr(classify, "use_context", False):
        compare_context(classify, result, context_parts, items, independent)
    return result


def _without_context(classify):
    import copy

    plain = copy.copy(classify)
    plain.use_context = False
    return plain


def compare_context(classify, result: PathEvaluation, context_parts: Sequence[str] = CONTEXT_PARTS,
                    items: Optional[Sequence[ContextItem]] = None,
                    independent: Optional[Mapping[str, Sequence[ContextItem]]] = None) -> None:
    """The same reads without and with context, on four sets: the scripted paths (the persona's
    replies follow the intended moves), the held-out conversations (``evaluatie/gesprekken.yml``:
    the line before a professional turn and the steps read so far), the free-text paths, and the
    parts ``context_parts`` of the context set (``evaluatie/context.yml``; raises ``HeldOutError``
    when that file is broken). When ``toets`` is measured, the context sets written apart from the
    rules (``INDEPENDENT_CONTEXT_SETS``: ``context_2.yml`` to ``context_9.yml``) are measured too, each
    into ``result.independent[file]``."""
    from bot.heldout import CONVERSATION_FILE, INDEPENDENT_CONTEXT_SETS, context_items, conversation_turns
    from bot.roleplay.context import Context

    if items is None:
        items = context_items()
    if "toets" not in context_parts:
        independent = {}
    elif independent is None:
        independent = {name: context_items(name) for name in INDEPENDENT_CONTEXT_SETS}
    plain = _without_context(classify)
    right = {"paden": [0, 0, 0], "gesprekken": [0, 0, 0]}
    for scenario in catalog.scenarios():
        for path in (scenario.oefenpad, scenario.valkuilpad):
            if not path:
                continue
            intended = {turn.tekst: turn.zet for turn in path}
            script = Engine(scenario, classify=intended.__getitem__, seed=0)
            for scripted in path:
                state = script.state
                context = Context.of(state.last_reply or scenario.persona.opening, state.moves)
                _count(
                    right["paden"],
                    result.context_changes,
                    scenario.id,
                    scripted.zet,
                    scripted.tekst,
                    plain(scripted.tekst).zet,
                    classify(scripted.tekst, context=context).zet,
                )
                if not state.ending:
                    script.step(scripted.tekst)
    used: List[str]
    last_line, used, conversation = "", [], None
    for turn in conversation_turns(CONVERSATION_FILE):  # the first conversation file only: its numbers stay comparable
        if turn.conversation != conversation:
            last_line, used, conversation = "", [], turn.conversation
        if turn.speaker != "professional":
            last_line = turn.text
            continue
        without = plain(turn.text).zet
        with_context = classify(turn.text, context=Context.of(last_line, used)).zet
        _count(
            right["gesprekken"], result.context_changes, turn.conversation, turn.steps, turn.text, without, with_context
        )
        used.append(with_context)
    result.context_compared = {name: (a, b, n) for name, (a, b, n) in right.items()}
    free_plain = play_free_paths(plain)
    result.context_compared["vrije paden (goed afgelopen)"] = (
        sum(bool(p["ok"]) for p in free_plain), result.free_paths_ok, len(result.free_paths))
    for part in context_parts:
        result.context_compared.update(
            _read_items(
                classify,
                plain,
                [item for item in items if item.deel == part],
                f"contextset {part}",
                result.context_changes,
            )
        )
    for file, file_items in independent.items():
        measured = result.independent[file] = IndependentSet()
        measured.counts = _read_items(classify, plain, file_items, INDEPENDENT_CONTEXT_SETS[file][0],
                                      measured.changes, measured.wrong)


def _read_items(classify, plain, items: Sequence[ContextItem], name: str, changes: list,
                wrong: Optional[list] = None) -> Dict[str, Tuple[int, int, int]]:
    """Right without and with context on ``items``: in all, per kind (ambigu/helder) and, when
    ``wrong`` collects the misses, per right move."""
    from bot.heldout import CONTEXT_KINDS
    from bot.roleplay.context import Context

    counts: Dict[str, List[int]] = {name: [0, 0, 0]}
    for item in items:
        without = plain(item.tekst).zet
        with_context = classify(item.tekst, context=Context.of(item.persona, item.stadium)).zet
        _count(counts[name], changes, item.id, item.stap, item.tekst, without, with_context)
        groups = [f"{name}: {item.soort}"] + ([f"{name}: {item.stap[0]}"] if wrong is not None else [])
        for group in groups:
            _count(counts.setdefault(group, [0, 0, 0]), None, item.id, item.stap, item.tekst, without, with_context)
        if wrong is not None and with_context not in item.stap:
            wrong.append((item.id, "/".join(item.stap), with_context, f"{item.persona} → {item.tekst}"))
    order = [name] + [f"{name}: {group}" for group in CONTEXT_KINDS + MOVES]
    return {key: (counts[key][0], counts[key][1], counts[key][2]) for key in order if key in counts}


def _count(counts, changes, where, gold, text, without, with_context) -> None:
    gold = (gold,) if isinstance(gold, str) else tuple(gold)
    counts[0] += without in gold
    counts[1] += with_context in gold
    counts[2] += 1
    if changes is not None and without != with_context:
        changes.append((where, f"{'/'.join(gold)}: {without}", with_context, text))


FIRST_PRACTICE_FILE = "oefenpaden.yml"


def play_free_paths(classify: Callable, paths: Optional[Sequence[Mapping[str, Any]]] = None,
                    dictated: bool = False) -> List[Dict[str, Any]]:
    """Play every free-text path of ``evaluatie/oefenpaden.yml`` (or of ``paths``, e.g. the second
    set from ``bot.heldout.practice_path_set``) with ``classify``; with ``dictated`` every turn as speech-to-text
    gives it (``bot.heldout.dictated``: no punctuation, no capitals)."""
    from bot.heldout import dictated as as_dictated
    from bot.heldout import practice_paths  # lazy: held-out paths: only for the evaluation

    played = []
    for path in practice_paths() if paths is None else paths:
        scenario = catalog.get_scenario(str(path["scenario"]))
        if scenario is None:
            continue
        engine = Engine(scenario, classify=classify, seed=0)
        for text in path["beurten"]:
            try:
                if engine.step(as_dictated(str(text)) if dictated else str(text)).ending:
                    break
            except RoleplayError:  # no turn (a greeting or a "hmm" alone), as in the chat
                continue
        ending = engine.state.ending
        ok = ending == status.GOOD if path["soort"] == "goed" else ending != status.GOOD
        played.append({"scenario": scenario.id, "soort": path["soort"], "einde": ending or "geen",
                       "spanning": engine.state.curve, "zetten": engine.state.moves,
                       "onzeker": [t.nr for t in engine.state.turns if t.onzeker], "ok": ok})
    return played


def evaluation_report(result: PathEvaluation, show_sentences: bool = False) -> str:
    """The report of ``rustpunt evalueer rollenspel``; sentences of the held-out context sets only with
    ``show_sentences`` (``--toon-zinnen``), so the sets stay blind for whoever tunes the rules."""
    lines = [
        "Rollenspel: herkent de stappenherkenner de bedoelde zet op de geschreven paden?",
        f"Overeenkomst: {result.hits}/{result.total} = {result.rate:.1%}",
        "",
        "Per scenario (overeenkomst, einde van het oefenpad met de echte herkenner):",
    ]
    for scenario_id, (hits, total) in result.per_scenario.items():
        lines.append(f"- {scenario_id}: {hits}/{total}; einde: {result.good_endings.get(scenario_id)}")
    if result.free_paths:
        lines += ["", f"Vrije-tekstpaden (evaluatie/oefenpaden.yml): {result.free_paths_ok}/{len(result.free_paths)} "
                      "lopen af zoals het werkboek verwacht (goed pad → goed einde, slecht pad → geen goed einde)"]
        lines += _dictated_line(result, FIRST_PRACTICE_FILE)
        lines += _free_path_lines(result.free_paths)
    from bot.heldout import PRACTICE_PATH_SETS

    for file, (_, heading) in PRACTICE_PATH_SETS.items():
        played = result.practice_sets.get(file)
        if not played:
            continue
        good = [p for p in played if p["soort"] == "goed"]
        bad = [p for p in played if p["soort"] != "goed"]
        lines += ["", f"{heading}: {sum(bool(p['ok']) for p in played)}/{len(played)} lopen af zoals het "
                      f"werkboek verwacht; goede paden goed geëindigd: {sum(bool(p['ok']) for p in good)}/{len(good)}, "
                      f"slechte paden niet goed geëindigd: {sum(bool(p['ok']) for p in bad)}/{len(bad)}"]
        lines += _dictated_line(result, file)
        lines += _free_path_lines(played, numbered=True)
    if result.dictated_sets:
        every = [p for played in result.dictated_sets.values() for p in played]
        lines += ["", f"Alle vrije-tekstpaden {DICTATED_LINE}: {sum(bool(p['ok']) for p in every)}/{len(every)} paden "
                      "lopen af zoals verwacht (elke beurt zonder leestekens en hoofdletters, zoals spraak-naar-tekst "
                      "ze geeft)"]
    lines += _context_lines(result, show_sentences)
    lines += ["", "Per bedoelde zet:"]
    for move, (hits, total) in sorted(result.per_move.items()):
        lines.append(f"- {move:<12} {hits}/{total}")
    if result.misses:
        lines += ["", "Verschillen (bedoeld → herkend: zin):"]
        for scenario_id, intended, got, text in result.misses:
            lines.append(f"- [{scenario_id}] {intended} → {got}: {text}")
    return "\n".join(lines)


DICTATED_LINE = "zonder leestekens"


def _dictated_line(result: PathEvaluation, file: str) -> List[str]:
    """The line under a set's total: how its paths end with every turn dictated."""
    played = result.dictated_sets.get(file)
    if not played:
        return []
    good = [p for p in played if p["soort"] == "goed"]
    bad = [p for p in played if p["soort"] != "goed"]
    return [f"{DICTATED_LINE}: {sum(bool(p['ok']) for p in played)}/{len(played)} paden lopen af zoals verwacht; "
            f"goede paden goed geëindigd: {sum(bool(p['ok']) for p in good)}/{len(good)}, slechte paden niet goed "
            f"geëindigd: {sum(bool(p['ok']) for p in bad)}/{len(bad)}"]


def _free_path_lines(played: Sequence[Mapping[str, Any]], numbered: bool = False) -> List[str]:
    """One line per played free-text path: ok or not, the ending, the tension curve and the moves read."""
    lines = []
    for number, item in enumerate(played, start=1):
        mark = "ok" if item["ok"] else "NIET OK"
        where = f"pad {number}: " if numbered else ""
        unsure = f"; vergeven twijfel bij beurt {', '.join(map(str, item['onzeker']))}" if item["onzeker"] else ""
        lines.append(f"- [{mark}] {where}{item['scenario']} ({item['soort']} pad): einde {item['einde']}, spanning "
                     f"{' → '.join(map(str, item['spanning']))}; zetten: {', '.join(item['zetten'])}{unsure}")
    return lines


def _context_lines(result: PathEvaluation, show_sentences: bool) -> List[str]:
    """The context part of the report: counts always, sentences of the held-out sets only on request."""
    lines: List[str] = []
    if result.context_compared:
        lines += [
            "",
            "Context (laatste zin van de gesprekspartner en de fase van het gesprek): goed gelezen zonder → met",
            "(contextset = evaluatie/context.yml, korte beurten na een zin van de persona; 'ontwikkel' mag de "
            "contextregels afstellen, 'toets' wordt alleen gemeten; 'helder' = context mag niets veranderen; "
            f"de personazinnen van de 'ambigu'-items van {', '.join(INVITATION_TRAINING_SETS)} "
            "zijn trainingsdata van de geleerde uitnodiging, zie bot/roleplay/learned_invitation.py)",
        ]
        for name, (without, with_context, total) in result.context_compared.items():
            lines.append(f"- {name:<30} {without}/{total} → {with_context}/{total}")
        if show_sentences:
            for where, before, after, text in result.context_changes:
                lines.append(f"  verschil [{where}] {before} → {after}: {text}")
    from bot.heldout import INDEPENDENT_CONTEXT_SETS

    for file, measured in result.independent.items():
        if not measured.counts:
            continue
        lines += ["", INDEPENDENT_CONTEXT_SETS[file][1]]
        for name, (without, with_context, total) in measured.counts.items():
            lines.append(f"- {name:<30} {without}/{total} → {with_context}/{total}")
        if show_sentences:
            for where, before, after, text in measured.changes:
                lines.append(f"  verschil [{where}] {before} → {after}: {text}")
            for where, gold, got, text in measured.wrong:
                lines.append(f"  fout met context [{where}] {gold} → {got}: {text}")
    hidden = result.context_changes or any(measured.wrong for measured in result.independent.values())
    if hidden and not show_sentences:
        lines.append(HIDDEN_NOTE)
    return lines
