"""Role-play commands for trainers: ``scenario``, ``sessies``, ``rapport``, ``groep``, ``oefen`` and
``evalueer rollenspel``."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, List, Tuple

from bot.cli_commands.evalueer import add_evaluation


def register(subparsers) -> None:
    scenario = subparsers.add_parser("scenario", help="rollenspelscenario's controleren en bekijken")
    sub = scenario.add_subparsers(dest="scenario_opdracht", metavar="opdracht", title="opdrachten")
    check = sub.add_parser("controleer", help="controleer één scenariobestand en meld elke fout")
    check.add_argument("bestand", type=Path, help="het YAML-bestand met scenario's")
    check.set_defaults(func=run_check)
    listing = sub.add_parser("lijst", help="toon alle beschikbare scenario's")
    listing.add_argument("--trainer", action="store_true", help="toon ook de trainersnotities")
    listing.set_defaults(func=run_list)
    scenario.set_defaults(func=lambda args: scenario.print_help() or 2)

    sessions = subparsers.add_parser("sessies", help="opgeslagen rollenspelsessies bekijken en exporteren")
    ssub = sessions.add_subparsers(dest="sessies_opdracht", metavar="opdracht", title="opdrachten")
    slist = ssub.add_parser("lijst", help="toon de sessies, nieuwste eerst")
    slist.add_argument("--aantal", type=int, default=50, help="hoeveel sessies (standaard 50)")
    slist.set_defaults(func=run_sessions_list)
    show = ssub.add_parser("toon", help="toon het verslag van één sessie met zetten en spanning per beurt")
    show.add_argument("id", help="het sessienummer")
    show.set_defaults(func=run_sessions_show)
    wipe = ssub.add_parser("wis", help="wis één sessie (als een deelnemer daarom vraagt), ook uit het chatgesprek")
    wipe.add_argument("id", help="het sessienummer")
    wipe.set_defaults(func=run_sessions_wipe)
    export = ssub.add_parser("csv", help="exporteer alle beurten naar een CSV-bestand")
    export.add_argument("--uit", type=Path, required=True, help="het CSV-bestand om te schrijven")
    export.add_argument("--naam", default=None, help="alleen sessies van deze deelnemer of groep")
    export.set_defaults(func=run_sessions_csv)
    sessions.set_defaults(func=lambda args: sessions.print_help() or 2)

    report = subparsers.add_parser("rapport", help="HTML-rapport met grafiek voor een deelnemer of groep")
    report.add_argument("naam", help="naam van de deelnemer of de groep")
    report.add_argument(
        "--uit", type=Path, default=Path("rapport.html"), help="het HTML-bestand (standaard rapport.html)"
    )
    report.set_defaults(func=run_report)

    group = subparsers.add_parser(
        "groep", help="groepsoverzicht: per deelnemer de sessies, afloop, stappen en spanning"
    )
    group.add_argument("code", help="de groepscode (zoals bij het starten van de rollenspellen opgegeven)")
    group.add_argument("--van", default=None, help="vanaf deze datum (2026-12-01 of 01-12-2026)")
    group.add_argument("--tot", default=None, help="tot en met deze datum")
    group.add_argument("--csv", type=Path, default=None, help="schrijf één regel per sessie naar dit CSV-bestand")
    group.add_argument(
        "--html", type=Path, default=None, help="schrijf de printbare groepspagina naar dit HTML-bestand"
    )
    group.set_defaults(func=run_group)

    play = subparsers.add_parser("oefen", help="speel een rollenspel in de terminal")
    play.add_argument("scenario", help="id, nummer of (deel van de) titel van het scenario")
    play.add_argument("--deelnemer", default=None, help="naam van de deelnemer (optioneel)")
    play.add_argument("--groep", default=None, help="naam van de groep (optioneel)")
    play.add_argument("--seed", type=int, default=None, help="vaste startwaarde voor de antwoordkeuze")
    play.set_defaults(func=run_play)

    add_evaluation("rollenspel", "meet hoe vaak de stappenherkenner de bedoelde zet van de oefenpaden vindt",
                   run_evaluation, _configure_evaluation)


def _configure_evaluation(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--contextdeel",
        choices=("ontwikkel", "toets", "beide"),
        default="beide",
        help="welk deel van de contextset (evaluatie/context.yml) meten: ontwikkel (om de contextregels "
        "af te stellen), toets (alleen meten) of beide (standaard)",
    )


# -- scenario -------------------------------------------------------------------------------------
def check_file(path: Path) -> List[str]:
    """All problems of one scenario file, in Dutch (empty list: in orde)."""
    return _check(path)[0]


def _check(path: Path) -> Tuple[List[str], List[Any]]:
    """``check_file``'s problems, and the file's scenarios as read (for the warnings of ``path_warnings``)."""
    from bot.knowledge.kinds import registry
    from bot.knowledge.loader import Knowledge, check_references, validate_file
    from bot.roleplay import catalog
    from bot.roleplay.models import free_number, number_taken, same_title, title_taken

    if not path.is_file():
        return [f"{path}: bestand bestaat niet"], []
    if path.suffix not in {".yml", ".yaml"}:
        return [f"{path}: verwacht een YAML-bestand (.yml of .yaml)"], []
    kinds = registry()
    knowledge = Knowledge()
    validate_file(path, path.name, kinds, knowledge)
    check_references(knowledge)
    for kind, model in kinds.items():
        check = getattr(model, "validate_collection", None)
        if check and knowledge.entries.get(kind) and kind in {"scenario"}:
            knowledge.problems.extend(check(knowledge))
    problems = [str(p) for p in knowledge.problems]
    existing = catalog.knowledge()
    elsewhere = [s for s in existing.all("scenario") if Path(existing.files[("scenario", s.id)]).name != path.name]
    mine = knowledge.all("scenario")
    broken = _unread_items(path, {s.id for s in mine})
    free = free_number([s.nummer for s in elsewhere + mine] + [n for _, n, _ in broken if isinstance(n, int)])
    for scenario in mine:
        other = existing.files.get(("scenario", scenario.id))
        if other and Path(other).name != path.name:
            problems.append(f"{path.name}, item '{scenario.id}', veld 'id': dubbel id (staat ook in {other})")
            continue
        owner = next((s for s in elsewhere if s.nummer == scenario.nummer), None)
        if owner is not None:
            problems.append(str(number_taken(scenario, path.name, owner.id, existing.files[("scenario", owner.id)],
                                             free)))
        namesake = next((s for s in elsewhere if same_title(s.titel, scenario.titel)), None)
        if namesake is not None:  # two identical buttons; the title typed in the chat starts the first (user test)
            problems.append(str(title_taken(scenario, path.name, namesake.id,
                                            existing.files[("scenario", namesake.id)])))
    # a scenario with another error is not read, but its number is checked all the same (a user test saw a number
    # that was taken reported only once it was the last error left)
    # and so is its title: every problem at once, not the duplicate title after the other errors were fixed (a user
    # test, session 24: three rounds of 'scenario controleer')
    taken = {s.nummer: (s.id, existing.files[("scenario", s.id)]) for s in elsewhere}
    taken.update({s.nummer: (s.id, path.name) for s in mine if s.nummer not in taken})
    titles = [(s.titel, s.id, existing.files[("scenario", s.id)]) for s in elsewhere]
    titles += [(s.titel, s.id, path.name) for s in mine]
    for label, number, title in broken:
        unread = SimpleNamespace(id=label, nummer=number, titel=title)
        if isinstance(number, int) and number in taken:
            owner_id, owner_file = taken[number]
            problems.append(str(number_taken(unread, path.name, owner_id, owner_file, free)))  # type: ignore[arg-type]
        elif isinstance(number, int):
            taken[number] = (label, path.name)
        if isinstance(title, str) and title.strip():
            namesake_of = next(((other_id, where) for other, other_id, where in titles if same_title(other, title)),
                               None)
            if namesake_of is not None:
                problems.append(str(title_taken(unread, path.name, *namesake_of)))  # type: ignore[arg-type]
            else:
                titles.append((title, label, path.name))
    return problems, mine


def _unread_items(path: Path, read: set) -> List[Tuple[str, Any, Any]]:
    """(id or '#n', nummer, titel) of the items of a scenario file that could not be read as a scenario."""
    from bot.knowledge.loader import load_yaml

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except Exception:  # a syntax error is reported already; then there are no items to look at
        return []
    items = data.get("items") if isinstance(data, dict) else None
    found = []
    for index, item in enumerate(items if isinstance(items, list) else [], start=1):
        if not isinstance(item, dict):
            continue
        label = item["id"] if isinstance(item.get("id"), str) else f"#{index}"
        if label not in read:
            found.append((label, item.get("nummer"), item.get("titel")))
    return found


def run_check(args: argparse.Namespace) -> int:
    from bot.wording import counted

    problems, scenarios = _check(args.bestand)
    others = other_problems(args.bestand)
    if problems:
        print(f"{counted(len(problems), 'fout', 'fouten')} gevonden in {args.bestand}:")
        for problem in problems:
            print(f"- {problem}")
        _print_others(others)
        return 1
    found = counted(len(scenarios), "scenario", "scenario's")
    # the scenario plays at once; only the recognisers wait for a rebuild (a user test read 'tot dan speelt het
    # rollenspel met de vorige versie' as: my new scenario cannot be played yet)
    print(f"{args.bestand} is in orde ({found}). {where_to_put(args.bestand)} {PLAYS_AT_ONCE}")
    for warning in path_warnings(args.bestand.name, scenarios):
        print(f"Let op: {warning}")
    _print_others(others)
    return 0


PLAYS_AT_ONCE = ("Het scenario is dan meteen te spelen, zonder opnieuw te trainen. Alleen de herkenners leren de "
                 "nieuwe zinnen van de persona pas bij de volgende 'make run' of met 'rustpunt herkenners bouw'; tot "
                 "dan lezen ze een korte reactie op zo'n zin met hun vorige versie.")


def other_problems(path: Path) -> List[str]:
    """The problems of the other knowledge files (``loader.pending_problems``): while there are any, the chat keeps the
    previous version of all the knowledge, also of a checked file that is in order (a user test: the chat showed the
    old list of scenarios without a word)."""
    from bot.knowledge.loader import pending_problems

    name = path.name
    return [str(p) for p in pending_problems() if Path(p.file).name != name]


def _print_others(others: List[str]) -> None:
    if others:
        print("Let op: een ander kennisbestand heeft fouten. Zolang die er zijn, gebruikt de chat de vorige versie van "
              "de kennis (ook de vorige lijst met scenario's):")
        for problem in others:
            print(f"- {problem}")


def where_to_put(path: Path) -> str:
    """What a checked file still needs before the role-play plays it: a file in knowledge/scenarios/ is played after
    the knowledge is reloaded; a file elsewhere (a user test checked one in /tmp and read that it was available) must
    be put there first."""
    from bot.paths import knowledge_dir

    folder = (knowledge_dir() / "scenarios").resolve()
    if path.resolve().parent == folder:
        from bot.knowledge.loader import CHECK_SECONDS

        return (f"De chat ziet het gewijzigde bestand binnen {int(CHECK_SECONDS)} seconden (of meteen met 'herlaad de "
                "kennis' in de chat).")
    try:
        shown = folder.relative_to(Path.cwd().resolve())
    except ValueError:
        shown = folder
    return (f"Het bestand staat nog niet in {shown}/: zet het daar eerst neer (bijvoorbeeld met 'cp {path} {shown}/'); "
            "na het herladen van de kennis (in de chat: 'herlaad de kennis') is het dan beschikbaar.")


PATH_WARNING_CONFIDENCE = 0.8  # a read this sure of a pitfall in a step line of the oefenpad is worth a warning


def path_warnings(file_name: str, scenarios: List[Any]) -> List[str]:
    """Step lines of an oefenpad that Rustpunt reads as a pitfall (a user test: an 'opties' line "Ik bel uw ex vandaag
    nog en regel dat voor u." passed the check and became the hint's example). Warnings, no errors: the trainer
    decides. Empty when the recognisers are not built."""
    from bot import recognisers
    from bot.roleplay.models import PITFALLS, STEPS
    from bot.steps.classifier import classify_step

    warnings: List[str] = []
    for scenario in scenarios:
        for number, line in enumerate(scenario.oefenpad, start=1):
            if line.zet not in STEPS:
                continue
            try:
                read = classify_step(line.tekst)
            except recognisers.ModelNotBuilt:
                return []
            if read.stap in PITFALLS and read.zekerheid >= PATH_WARNING_CONFIDENCE:
                warnings.append(
                    f"{file_name}, item '{scenario.id}', oefenpad beurt {number} ('{line.tekst}') is bedoeld als "
                    f"{line.zet}, maar Rustpunt leest er de valkuil {read.stap} in ({read.zekerheid:.0%} zeker). Deze "
                    "zin is ook het voorbeeld in de hint; kies een zin die duidelijker bij de stap past.")
    return warnings


def run_list(args: argparse.Namespace) -> int:
    from bot.roleplay import catalog, feedback

    scenarios = catalog.scenarios()
    if not scenarios:
        print("Er zijn nog geen scenario's. Zet een scenariobestand in knowledge/scenarios/.")
        return 1
    for scenario in scenarios:
        print(feedback.scenario_line(scenario) + f"  [id: {scenario.id}]")
        if args.trainer:
            print("   " + feedback.trainer_text(scenario).replace("\n", "\n   "))
    problems = [p for p in catalog.knowledge().problems if "scenarios" in str(p)]
    if problems:  # a new process has no earlier version to keep: say what is missing and why
        from bot.wording import counted

        print(f"\nLet op: {counted(len(problems), 'fout', 'fouten')} in de scenariobestanden; een scenario uit een "
              "bestand met een fout "
              "staat niet in deze lijst. De chat werkt door met de versie van vóór de fout tot die is hersteld. "
              "Eerste fout: " + str(problems[0]) + "\nControleer met: rustpunt scenario controleer <bestand>")
    return 0


# -- sessies ---------------------------------------------------------------------------------------
def run_sessions_list(args: argparse.Namespace) -> int:
    from bot.local_time import SORTABLE_FORMAT, dutch_time_text
    from bot.roleplay.session import list_sessions
    from bot.status import ENDING_NAMES

    if args.aantal < 1:
        print("Het aantal moet minstens 1 zijn.")
        return 2
    sessions = list_sessions(limit=args.aantal)
    if not sessions:
        print("Er zijn nog geen rollenspelsessies opgeslagen.")
        return 0
    rows = []
    for s in sessions:
        who = " / ".join(x for x in (s.get("deelnemer"), s.get("groep")) if x) or "-"
        ending = ENDING_NAMES.get(s["status"] or "", s["status"] or "-")
        rows.append((s["id"], dutch_time_text(s["created_at"], SORTABLE_FORMAT)[:16], ending,
                     len(s.get("state", {}).get("turns", [])), who, s.get("titel")))
    # the columns are as wide as what they hold: a participant and group are never cut (a user test read
    # "trainer-ellen / buurttea")
    ending_w = max(len("afloop"), *(len(r[2]) for r in rows))
    who_w = max(len("deelnemer/groep"), *(len(r[4]) for r in rows))
    print(f"{'id':>5}  {'datum':<16}  {'afloop':<{ending_w}}  {'beurten':>7}  {'deelnemer/groep':<{who_w}}  scenario")
    for number, when, ending, turns, who, title in rows:
        print(f"{number:>5}  {when:<16}  {ending:<{ending_w}}  {turns:>7}  {who:<{who_w}}  {title}")
    return 0


def run_sessions_show(args: argparse.Namespace) -> int:
    from bot.roleplay import catalog
    from bot.roleplay.report import transcript_text
    from bot.roleplay.session import PracticeService, SessionError

    try:
        session = PracticeService(classify=lambda text: "onduidelijk").load(args.id)
    except SessionError as exc:  # a trainer who guessed a number learns where the numbers are (a user test of s29)
        print(f"{exc} {SESSION_NUMBERS}")
        return 1
    print(transcript_text(session, catalog.moves()))
    return 0


SESSION_NUMBERS = "De nummers van de opgeslagen sessies staan in de eerste kolom van 'rustpunt sessies lijst'."


def run_sessions_wipe(args: argparse.Namespace) -> int:
    from bot.cli_commands.privacy import run_forget_session  # one way to forget a session: rustpunt vergeet --sessie

    return run_forget_session(args.id)


def run_sessions_csv(args: argparse.Namespace) -> int:
    from bot.privacy.forget import EXPORT_NOTE  # an export is a copy that forgetting never reaches
    from bot.roleplay.report import write_csv
    from bot.roleplay.session import list_sessions, sessions_for
    from bot.wording import counted

    sessions = sessions_for(args.naam) if args.naam else list(reversed(list_sessions()))
    try:
        with open(args.uit, "w", encoding="utf-8", newline="") as out:
            rows = write_csv(sessions, out)
    except OSError as exc:
        print(f"Kan {args.uit} niet schrijven: {exc.strerror}.")
        return 1
    print(f"{counted(rows, 'beurt', 'beurten')} uit {counted(len(sessions), 'sessie', 'sessies')} geschreven naar "
          f"{args.uit} (kolommen gescheiden door ';', zoals Excel in het Nederlands ze opent).")
    print(EXPORT_NOTE)
    return 0


def run_group(args: argparse.Namespace) -> int:
    from bot.privacy.forget import EXPORT_NOTE  # an export is a copy that forgetting never reaches
    from bot.roleplay.group import (
        ENDING_NAMES,
        GroupError,
        group_view,
        move_names,
        none_found,
        pitfall_count_text,
        render_group_page,
        write_group_csv,
    )
    from bot.roleplay.session import list_sessions
    from bot.wording import counted

    sessions = list_sessions(limit=100_000)
    try:
        view = group_view(sessions, args.code, args.van, args.tot)
    except GroupError as exc:
        print(str(exc))
        return 1
    if not view.deelnemers:
        print(none_found(view.groep, view.van, view.tot))
        return 1
    names = move_names()
    print(f"Groep {view.groep}: {counted(len(view.deelnemers), 'deelnemer', 'deelnemers')}, "
          f"{counted(view.sessies, 'sessie', 'sessies')}.")
    for person in view.deelnemers:
        endings = ", ".join(f"{n} {ENDING_NAMES[k]}" for k, n in person.afloop.items())
        never = ", ".join(names.get(s, s) for s in person.nooit_gebruikt) or "-"
        back = ", ".join(f"{names.get(k, k)} (in {n} sessies)" for k, n in person.terugkerende_valkuilen.items()) or "-"
        print(f"- {person.naam}: {counted(len(person.sessies), 'sessie', 'sessies')} ({endings}); nooit gebruikt: "
              f"{never}; terugkerende valkuilen: {back}")
    pitfalls = "; ".join(pitfall_count_text(item, names) for item in view.valkuilen) or "geen"
    print(f"Valkuilen in de hele groep (hoe vaak, in hoeveel sessies): {pitfalls}")
    for item in view.scenarios:
        most = names.get(item.vaakste_valkuil, item.vaakste_valkuil) if item.vaakste_valkuil else "-"
        missed = ", ".join(names.get(m, m) for m in item.vaakst_gemist) or "-"
        print(f"  scenario '{item.titel}': {counted(item.sessies, 'sessie', 'sessies')}, misgelopen "
              f"{item.afloop.get('slecht', 0)}, vaakste valkuil {most}, vaakst gemist {missed}")
    try:
        if args.csv:
            with open(args.csv, "w", encoding="utf-8", newline="") as out:
                rows = write_group_csv(view, out)
            print(f"{counted(rows, 'sessie', 'sessies')} geschreven naar {args.csv} (kolommen gescheiden door ';', "
                  "zoals Excel in het Nederlands ze opent).")
        if args.html:
            args.html.write_text(
                render_group_page(sessions, args.code, args.van, args.tot, printable=True), encoding="utf-8"
            )
            print(f"Groepspagina geschreven naar {args.html}.")
        if args.csv or args.html:
            print(EXPORT_NOTE)
    except OSError as exc:
        print(f"Kan het bestand niet schrijven: {exc.strerror or exc}.")
        return 1
    return 0


def run_report(args: argparse.Namespace) -> int:
    from bot.privacy.forget import EXPORT_NOTE  # an export is a copy that forgetting never reaches
    from bot.roleplay import catalog
    from bot.roleplay.report import html_report
    from bot.roleplay.session import sessions_for
    from bot.wording import counted

    sessions = sessions_for(args.naam)
    if not sessions:
        print(f"Geen sessies gevonden voor deelnemer of groep '{args.naam}'.")
        return 1
    try:
        args.uit.write_text(html_report(args.naam, sessions, catalog.moves()), encoding="utf-8")
    except OSError as exc:
        print(f"Kan {args.uit} niet schrijven: {exc.strerror}.")
        return 1
    print(f"Rapport met {counted(len(sessions), 'sessie', 'sessies')} geschreven naar {args.uit}.")
    print(EXPORT_NOTE)
    return 0


# -- oefen -----------------------------------------------------------------------------------------
# A persona line that names its own speakers ("Dochter: '...' Moeder: '...'", "Dochter (zacht): '...'", the MDO with
# mother and daughter) gets no second name in front of it (a user test: "Moeder: Dochter: ...").
_OWN_SPEAKER = re.compile(r"^[A-Z][a-z]+(?: \([^)]*\))?:\s")


def _said(who: str, text: str) -> str:
    """``text`` of the persona as the terminal shows it: after ``who``'s name, unless it names its own speakers."""
    return text if _OWN_SPEAKER.match(text) else f"{who}: {text}"


def run_play(args: argparse.Namespace, read=input) -> int:
    from bot.roleplay import catalog, feedback
    from bot.roleplay.session import PracticeService

    scenario = catalog.find_scenario(args.scenario)
    if scenario is None:
        print(f"Geen scenario gevonden voor '{args.scenario}'. Kies uit:")
        for item in catalog.scenarios():
            print(feedback.scenario_line(item))
        return 1
    service = PracticeService()
    session_id = service.start(scenario.id, deelnemer=args.deelnemer, groep=args.groep, seed=args.seed)
    print(feedback.setting_text(scenario))
    from bot import recognisers

    notice = recognisers.stale_notice(recognisers.PRODUCT)  # before the dialogue, once (never a log line in it)
    if notice:
        print("\n" + notice)
    print("\nTyp 'hint' voor een hint, 'hoe doe ik het?' voor feedback en 'stop rollenspel' om te stoppen.\n")
    who = (scenario.persona.wie.split() or ["Persona"])[0].strip(",.;:")  # "Vader", "Moeder", "Meisje"
    print(_said(who, service.opening(session_id)))
    while True:
        try:
            text = read("Jij: ")
        except EOFError:
            text = "stop rollenspel"
        result = service.play(session_id, text)
        if result.soort == "beurt":
            p = result.payload or {}
            move = p["zet_naam"] or p["zet"]  # the name the debrief uses ("Het kind in het midden zetten (...)")
            print(f"{_said(who, result.tekst)}   [zet: {move}, spanning: {p['spanning']}/10, rol: {p['rol']}]")
            if p.get("tip"):  # the same step a third time in a row: why the tension stayed
                print(f"(Tip: {p['tip']})")
        elif result.soort == "einde":
            if result.tekst:
                print(_said(who, result.tekst))
            print("\n" + (result.debrief_tekst or ""))
            print(f"\n(Sessie {session_id} is opgeslagen.)")
            return 0
        elif result.soort == "wissel" and result.payload:  # another scenario: that session goes on here
            session_id = result.payload["sessie"]
            scenario = catalog.get_scenario(result.payload["scenario"]) or scenario
            who = (scenario.persona.wie.split() or ["Persona"])[0].strip(",.;:")
            print(result.tekst + "\n\n" + "\n\n".join(result.extra[:-1]))
            print("\n" + _said(who, result.extra[-1]))
        else:
            print(result.tekst)


# -- evalueer --------------------------------------------------------------------------------------
def run_evaluation(args: argparse.Namespace) -> int:
    from bot.cli_commands.evalueer import broken_set
    from bot.heldout import HeldOutError
    from bot.roleplay.evaluation import CONTEXT_PARTS, evaluate_paths, evaluation_report

    part = getattr(args, "contextdeel", "beide")
    try:
        result = evaluate_paths(context_parts=CONTEXT_PARTS if part == "beide" else (part,))
    except HeldOutError as exc:
        return broken_set(exc)
    except Exception as exc:  # the step classifier may be missing or untrained
        print(f"De evaluatie kon niet draaien: {exc}", file=sys.stderr)
        return 1
    from bot.cli_commands.evalueer import show_sentences

    print(evaluation_report(result, show_sentences=show_sentences(args)))
    return 0
