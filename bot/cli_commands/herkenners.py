"""``rustpunt herkenners bouw [--opnieuw]``: train and store the step, role, invitation and judgement recognisers once.

The set-up and training scripts call this; every other command only loads the stored models.
"""
from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "herkenners", help="bouw de stappen-, rollen-, uitnodigings- en oordeelherkenner (eenmalig, bij de set-up)"
    )
    sub = parser.add_subparsers(dest="herkenners_opdracht", metavar="opdracht", title="opdrachten")
    build = sub.add_parser(
        "bouw",
        help="train en bewaar de herkenners onder var/models (alleen als de voorbeeldzinnen veranderd zijn)",
    )
    build.add_argument("--opnieuw", action="store_true", help="bouw ook als de bewaarde herkenners nog actueel zijn")
    build.set_defaults(func=run_build)
    measure = sub.add_parser(
        "meet",
        help="meet de koude start van 'rustpunt stap' en 'rustpunt rol' (elk als nieuw proces)",
    )
    measure.add_argument("--aantal", type=int, default=3, help="aantal keer per opdracht (standaard 3)")
    measure.set_defaults(func=run_measure)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def run_build(args: argparse.Namespace) -> int:
    from bot import recognisers
    from bot.knowledge.loader import load_knowledge
    from bot.paths import knowledge_dir
    from bot.wording import counted

    knowledge = load_knowledge(knowledge_dir())
    if knowledge.problems:  # a broken example file would silently leave its sentences out of the recognisers
        print(f"De herkenners zijn niet gebouwd: {counted(len(knowledge.problems), 'fout', 'fouten')} in de "
              "kennisbestanden:",
              file=sys.stderr)
        for problem in knowledge.problems:
            print(f"- {problem}", file=sys.stderr)
        print("Herstel het bestand en bouw opnieuw (controleer met: rustpunt kennis controleer).", file=sys.stderr)
        return 1
    try:
        status = recognisers.build(force=args.opnieuw)
    except recognisers.ModelNotBuilt as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for name, text in status.items():
        print(f"{name}: {text}")
    print(f"Opgeslagen in {recognisers.path_of('stappen').parent}")
    return 0


MEASURED = (
    ("referentie: python -c pass", ["-c", "pass"]),
    ("rustpunt stap", ["-m", "bot.cli", "stap", "Ik hoor hoe boos je bent. Hoe ging het zaterdag precies?"]),
    (
        "rustpunt rol",
        ["-m", "bot.cli", "rol", "Goedemorgen. Nou, zij zet de kinderen tegen mij op en jullie doen niks!"],
    ),
)


def run_measure(args: argparse.Namespace) -> int:
    """Median wall and CPU time of each command as a fresh process, with a bare interpreter as reference."""
    import os
    import resource
    import statistics
    import subprocess
    import time

    if not 1 <= args.aantal <= 20:
        print("Kies een aantal tussen 1 en 20.")
        return 2
    print(f"{'opdracht':<28}{'wand (s)':>10}{'cpu (s)':>10}{'x referentie (cpu)':>20}")
    reference = None
    for name, argv in MEASURED:
        walls, cpus = [], []
        for _ in range(args.aantal):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, *argv], capture_output=True, env=dict(os.environ))
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
            if done.returncode != 0:
                print(f"{name} faalde: {done.stderr.decode(errors='replace')[-300:]}", file=sys.stderr)
                return 1
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        reference = reference or cpu
        print(f"{name:<28}{wall:>10.2f}{cpu:>10.2f}{cpu / reference:>20.1f}")
    print("Wandtijd hangt af van andere processen op de machine; cpu-tijd is wat de opdracht zelf kost.")
    return 0
