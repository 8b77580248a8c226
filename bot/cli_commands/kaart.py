"""``rustpunt kaart zoek|exporteer|importeer|benchmark`` and ``rustpunt evalueer kaart``."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.cli_commands.evalueer import add_evaluation, show_sentences


def register(subparsers) -> None:
    parser = subparsers.add_parser("kaart", help="zoeken in de sociale kaart, exporteren en importeren (HSDS)")
    sub = parser.add_subparsers(dest="kaart_opdracht", metavar="opdracht", title="opdrachten")

    find = sub.add_parser("zoek", help="zoek diensten bij een vraag")
    find.add_argument("vraag", help="de vraag in gewone taal, tussen aanhalingstekens")
    find.add_argument("--leeftijd", type=int, default=None, help="leeftijd van het kind (0-27)")
    find.add_argument("--gemeente", default=None, help="gemeente of woonplaats, bijvoorbeeld Hilversum of Bussum")
    find.add_argument("--thema", default=None, help="thema, bijvoorbeeld scheiding of schoolverzuim")
    find.add_argument("--aantal", type=int, default=5, help="hoeveel resultaten (standaard 5)")
    find.add_argument("--json", action="store_true", help="uitvoer als JSON")
    find.add_argument("--scores", action="store_true", help="toon de scoreonderdelen")
    find.set_defaults(func=run_search)

    export = sub.add_parser("exporteer", help="schrijf de kaart als HSDS-JSON en -CSV")
    export.add_argument("--hsds", type=Path, required=True, metavar="MAP", help="doelmap")
    export.set_defaults(func=run_export)

    imp = sub.add_parser("importeer", help="lees een HSDS-map in en controleer die")
    imp.add_argument("map", type=Path, help="map met services.json (of services.csv)")
    imp.add_argument("--uitvoer", type=Path, default=None, metavar="MAP",
                     help="schrijf de ingelezen kaart als kennisbestanden in deze map")
    imp.set_defaults(func=run_import)

    bench = sub.add_parser("benchmark", help="meet de zoeksnelheid op synthetische diensten")
    bench.add_argument("--aantal", type=int, default=10_000, help="aantal synthetische diensten (standaard 10000)")
    bench.add_argument("--herhalingen", type=int, default=25, help="herhalingen van de zoekvragen")
    bench.set_defaults(func=run_benchmark)

    parser.set_defaults(func=lambda args: parser.print_help() or 2)
    add_evaluation("kaart", "meet recall@3 en MRR van de sociale kaart op de afstemmings- en de toetsset",
                   run_evaluation, _configure_evaluation)


def _knowledge_ok():
    from bot.knowledge.loader import get_knowledge
    from bot.wording import counted

    knowledge = get_knowledge()
    problems = [p for p in knowledge.problems if "sociale_kaart" in p.file]
    if problems:
        print(f"De sociale kaart bevat {counted(len(problems), 'fout', 'fouten')}:")
        for problem in problems[:10]:
            print(f"- {problem}")
        return None
    return knowledge


def run_search(args: argparse.Namespace) -> int:
    from bot.kaart.format import resultaat_tekst
    from bot.kaart.search import zoek

    if _knowledge_ok() is None:
        return 1
    result = zoek(args.vraag, leeftijd=args.leeftijd, gemeente=args.gemeente, thema=args.thema, limit=args.aantal)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        from bot.intake.danger import danger_message
        from bot.kaart.messages import NA_GEVAAR

        danger = danger_message(args.vraag, then=NA_GEVAAR)  # what to do right now comes first
        if danger:
            print(danger + "\n")
        print(resultaat_tekst(result, met_scores=args.scores))
    return 0 if result.status in ("ok", "geen_resultaat") else 1


def run_export(args: argparse.Namespace) -> int:
    from bot.kaart.hsds import controleer, exporteer

    knowledge = _knowledge_ok()
    if knowledge is None:
        return 1
    try:
        counts = exporteer(knowledge.all("kaart_organisatie"), knowledge.all("kaart_dienst"), args.hsds)
    except OSError as exc:
        print(f"Kan niet schrijven naar '{args.hsds}': {exc.strerror or exc}")
        return 1
    print(f"HSDS-export geschreven naar {args.hsds}: {counts['organisaties']} organisaties, "
          f"{counts['diensten']} diensten, {counts['termen']} taxonomietermen (JSON en CSV).")
    problems = controleer(args.hsds)
    if problems:  # the export itself does not conform: a bug, never silently ignored
        print(f"Let op: de export voldoet niet aan het HSDS 3.0-schema ({len(problems)} probleem/problemen):")
        for problem in problems[:20]:
            print(f"- {problem}")
        return 1
    print("Gecontroleerd tegen het HSDS 3.0-schema (bot/kaart/hsds_schema.json): geen problemen.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from bot.kaart.hsds import importeer, schrijf_yaml

    result = importeer(args.map)
    if result.problemen:
        print(f"{len(result.problemen)} probleem/problemen in de import (HSDS 3.0-schema en kaartregels):")
        for problem in result.problemen[:20]:
            print(f"- {problem}")
        print("Er is niets geschreven.")
        return 1
    print(f"Ingelezen en gecontroleerd: {len(result.organisaties)} organisaties, {len(result.diensten)} diensten.")
    if args.uitvoer:
        paths = schrijf_yaml(result, args.uitvoer)
        print("Geschreven: " + ", ".join(str(p) for p in paths))
    else:
        print("Gebruik --uitvoer MAP om de kaart als kennisbestanden op te slaan.")
    return 0


def run_benchmark(args: argparse.Namespace) -> int:
    from bot.kaart.benchmark import run

    if not 1 <= args.aantal <= 200_000:
        print("Kies een aantal tussen 1 en 200000.")
        return 2
    result = run(count=args.aantal, repeats=max(1, args.herhalingen))
    print(f"Benchmark sociale kaart: {result.diensten} synthetische diensten, {result.zoekvragen} zoekvragen.")
    print(f"Index opbouwen: {result.opbouw_s:.2f} s")
    print(f"Zoektijd p50: {result.p50_ms:.1f} ms, p95: {result.p95_ms:.1f} ms, max: {result.max_ms:.1f} ms")
    return 0


def run_evaluation(args: argparse.Namespace) -> int:
    from bot.kaart.evaluation import SETS, evalueer

    knowledge = _knowledge_ok()
    if knowledge is None:
        return 1
    services = len(knowledge.entries.get("kaart_dienst", {}))
    chosen = list(SETS) if getattr(args, "set", "alle") in ("alle", "beide") else [args.set]
    labels = {
        "afstemming": "afstemmingsset (evaluatie.yml, gebruikt bij het bouwen)",
        "toets": "toetsset (toetsvragen.yml, om te meten; een paar missers zijn ooit met de hand verholpen)",
        "toets2": "tweede toetsset (toetsvragen_2.yml, alleen om te meten)",
        "toets3": "derde toetsset (toetsvragen_3.yml, geschreven vóór de derde ronde, alleen om te meten)",
        "toets4": "vierde toetsset (toetsvragen_4.yml, blind geschreven vóór de vierde ronde, alleen om te meten)",
        "toets5": "vijfde toetsset (toetsvragen_5.yml, blind geschreven vóór de vijfde ronde, alleen om te meten)",
        "toets6": "zesde toetsset (toetsvragen_6.yml, blind geschreven tijdens de vijfde ronde; sinds 3 december, "
                  "zesde ronde, ook gebruikt om af te stellen)",
        "toets7": "zevende toetsset (toetsvragen_7.yml, blind geschreven in de zesde sessie; sinds 3 december, "
                  "zevende ronde, ook gebruikt om af te stellen)",
        "toets8": "achtste toetsset (toetsvragen_8.yml, later in de zesde sessie blind geschreven; sinds 4 december, "
                  "negende ronde, ook gebruikt om af te stellen)",
        "toets9": "negende toetsset (toetsvragen_9.yml, in de zevende sessie blind geschreven; sinds 4 december, "
                  "negende ronde, ook gebruikt om af te stellen)",
        "toets10": "tiende toetsset (toetsvragen_10.yml, in de negende sessie blind geschreven; sinds de tiende "
                   "sessie gezien)",
        "toets11": "elfde toetsset (toetsvragen_11.yml, later in de negende sessie blind geschreven; sinds de "
                   "dertiende sessie gezien)",
        "toets12": "twaalfde toetsset (toetsvragen_12.yml, blind geschreven aan het begin van de dertiende sessie; "
                   "sinds de veertiende sessie gezien)",
        "toets13": "dertiende toetsset (toetsvragen_13.yml, blind geschreven aan het begin van de dertiende sessie; "
                   "sinds de veertiende sessie gezien)",
        "toets14": "veertiende toetsset (toetsvragen_14.yml, blind geschreven aan het begin van de veertiende "
                   "sessie; sinds de vijftiende sessie gezien)",
        "toets15": "vijftiende toetsset (toetsvragen_15.yml, blind geschreven in de veertiende sessie als e-mails en "
                   "chatberichten; sinds de vijftiende sessie gezien)",
        "toets16": "zestiende toetsset (toetsvragen_16.yml, blind geschreven in de vijftiende sessie als regels uit "
                   "casusoverleg en triage; sinds de twintigste sessie gezien)",
        "toets17": "zeventiende toetsset (toetsvragen_17.yml, blind geschreven in de twintigste sessie als "
                   "aantekeningen tijdens of na een telefoongesprek; blind gemeten 0.656, daarna gezien)",
        "toets18": "achttiende toetsset (toetsvragen_18.yml, blind geschreven aan het begin van de eenentwintigste "
                   "sessie als zoekvak-notities van een gezinswerker of de Vraagbaak na een gesprek; blind gemeten "
                   "0.600, daarna gezien)",
        "toets19": "negentiende toetsset (toetsvragen_19.yml, blind geschreven in de tweeëntwintigste sessie als "
                   "vragen die de Vraagbaak overtikt uit telefoontjes van andere professionals, alleen om te meten)",
        "toets20": "twintigste toetsset (toetsvragen_20.yml, blind geschreven in de drieëntwintigste sessie als "
                   "telefoonsteno van een gezinswerker of de Vraagbaak over tieners en jongvolwassenen; blind gemeten "
                   "0.658, daarna gezien)",
        "toets21": "eenentwintigste toetsset (toetsvragen_21.yml, blind geschreven in de vierentwintigste sessie als "
                   "vragen in hele zinnen van bellers buiten de jeugdketen over jonge kinderen en de scheiding van "
                   "ouders, alleen om te meten)",
        "toets22": "tweeëntwintigste toetsset (toetsvragen_22.yml, blind geschreven in de vijfentwintigste sessie als "
                   "ingesproken notities van een consulent na een telefoontje (spraakherkenning: geen leestekens, "
                   "getallen als woorden, verkeerd verstane plaatsnamen) over adolescenten en jongvolwassenen van 12 "
                   "tot 23 jaar, alleen om te meten)",
        "toets23": "drieëntwintigste toetsset (toetsvragen_23.yml, blind geschreven in de zesentwintigste sessie als "
                   "vragen van ouders, grootouders en buren en van professionals buiten de jeugdzorg "
                   "(doktersassistente, wijkagent, trainer, kinderopvang, docent) in gewone woorden over jonge "
                   "kinderen, baby's, scheiding, geweld thuis, geld, een beperking, pesten, rouw en nieuwkomers, "
                   "alleen om te meten)",
        "toets24": "vierentwintigste toetsset (toetsvragen_24.yml, blind geschreven in de zevenentwintigste sessie "
                   "als vragen die in een telefoon zijn ingesproken (spraakherkenning: geen hoofdletters of "
                   "leestekens, getallen als woorden, verkeerd verstane plaatsnamen, stopwoorden), lange vragen met "
                   "een verhaal waarin de hulpvraag in de laatste zin staat, en vragen van expats en tweetalige "
                   "ouders en professionals met Engelse woorden, alleen om te meten)",
        "toets25": "vijfentwintigste toetsset (toetsvragen_25.yml, blind geschreven in de achtentwintigste sessie "
                   "als vragen van verwijzers (huisarts, intern begeleider, wijkagent, kinderopvang, verloskundige, "
                   "trainer, leerplichtambtenaar) in hun eigen woorden, triagenotities met afkortingen en ontkenningen "
                   "('geen ots', 'niet via de huisarts', 'al bij het buurtteam geweest') en vragen over onderwerpen "
                   "die eerdere sets minder noemen (jonge mantelzorgers, een ouder in detentie of met een verslaving, "
                   "schulden, huisuitzetting, eenzaamheid, gender, chronische ziekte, statushouders, het overlijden "
                   "van een ouder), alleen om te meten)",
        "toets26": "zesentwintigste toetsset (toetsvragen_26.yml, blind geschreven in de negenentwintigste sessie "
                   "als vragen van ouders en jongeren zelf zoals een consulent ze per chat of telefoonnotitie krijgt: "
                   "lange verhalen in de ik-vorm waarin de hulpvraag in het midden of aan het eind staat, heel korte "
                   "of vage vragen (tikfouten, geen plaats, een verkeerde of oude naam zoals het CJG of Bureau "
                   "Jeugdzorg) en vragen over toegang en vorm ('s avonds of in het weekend, anoniem, online, zonder "
                   "verwijzing, gratis, in een andere taal, ouder en kind samen, wachttijd), ook van een grootouder, "
                   "stiefouder of pleegouder, alleen om te meten)",
    }
    for name in chosen:
        kind, reeks = SETS[name]
        result = evalueer(knowledge, kind=kind, reeks=reeks)
        print(f"Evaluatie sociale kaart, {labels[name]}: {len(result.uitkomsten)} vragen, "
              f"{services} diensten in de kaart.")
        print(f"recall@3: {result.recall_at_3:.3f}   MRR: {result.mrr:.3f}   minstens één goede in top 3: "
              f"{result.hit_at_3:.3f}   eerste treffer niet verwijsbaar: {result.niet_verwijsbaar_eerst}")
        misses = [u for u in result.uitkomsten if u.reciprocal_rank < 1.0 or u.eerste_niet_verwijsbaar]
        if misses and name != "afstemming" and not show_sentences(args):
            from bot.heldout import HIDDEN_NOTE  # lazy: numpy, not needed for the other kaart commands

            print(
                f"{len(misses)} vragen met een eerste treffer die niet verwacht of niet verwijsbaar was. {HIDDEN_NOTE}"
            )
        elif misses:
            print("Vragen waar de eerste treffer niet verwacht of niet verwijsbaar was:")
            for item in misses:
                print(f"- {item.id}: {item.vraag}\n  verwacht: {', '.join(item.verwacht)}\n"
                      f"  gevonden: {', '.join(item.gevonden[:3])}")
        print()
    return 0


def _configure_evaluation(parser: argparse.ArgumentParser) -> None:
    from bot.kaart.models import TOETS_SETS

    parser.add_argument(
        "--set",
        choices=("afstemming", *TOETS_SETS, "alle", "beide"),
        default="alle",
        help="welke vragenset: afstemming (evaluatie.yml), toets (toetsvragen.yml), toets2 (toetsvragen_2.yml) "
        f"... {TOETS_SETS[-1]} (toetsvragen_{TOETS_SETS[-1][5:]}.yml) of alle (standaard; 'beide' betekent "
        "hetzelfde)",
    )
