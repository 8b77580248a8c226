"""Table for the role-play context threshold ``SURE_READ`` (bot/roleplay/context_rules/decision.py).

A short turn whose step read is below ``SURE_READ`` may take the move the persona's line invites.
This prints, per candidate value, how many turns are read right with context on the data that may
be used for tuning: part 'ontwikkel' of evaluatie/context.yml, evaluatie/context_2.yml (seen since
session 5) and evaluatie/context_3.yml (seen since session 6), plus the scripted paths, the held-out
conversations and the free-text paths, which must not get worse. Part 'toets' and any other context set
(the fourth is blind) are never read here. Counts only, no sentences.

Session 6, after all rules of the round (bare yes/no answers, light-verb questions, need words, a yes that
understands): 0.55, 0.6 and 0.9 -> 153/160, 0.65-0.8 and 1.01 152/160, 0.5 151/160; helder wrong 1, paths
53/54, conversations 42/43, free paths 11/11 for every value. Kept at 0.6, the engine's UNSURE.

    .venv/bin/python scripts/context_threshold.py
"""
from __future__ import annotations

from bot.heldout import SECOND_CONTEXT_FILE, THIRD_CONTEXT_FILE, context_items
from bot.roleplay import context
from bot.roleplay.context_rules import decision  # follow_up reads SURE_READ here
from bot.roleplay.evaluation import PathEvaluation, compare_context, play_free_paths
from bot.roleplay.moves import MoveClassifier

CANDIDATES = (0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01)


def main() -> None:
    items = ([item for item in context_items() if item.deel == "ontwikkel"] + context_items(SECOND_CONTEXT_FILE)
             + context_items(THIRD_CONTEXT_FILE))
    classify = MoveClassifier()
    chosen = decision.SURE_READ
    print("SURE_READ | contextsets (ontwikkel + tweede + derde) goed | helder fout | paden | gesprekken | vrije paden")
    try:
        for value in CANDIDATES:
            decision.SURE_READ = value
            reads = [(item, classify(item.tekst, context=context.Context.of(item.persona, item.stadium)).zet)
                     for item in items]
            right = sum(move in item.stap for item, move in reads)
            clear_wrong = sum(move not in item.stap for item, move in reads if item.soort == "helder")
            result = PathEvaluation(free_paths=play_free_paths(classify))
            compare_context(classify, result, ())
            paths, talks = result.context_compared["paden"], result.context_compared["gesprekken"]
            mark = "  (ingesteld)" if value == chosen else ""
            print(f"{value:>9} | {right}/{len(items)} | {clear_wrong} | {paths[1]}/{paths[2]} | "
                  f"{talks[1]}/{talks[2]} | {result.free_paths_ok}/{len(result.free_paths)}{mark}")
    finally:
        decision.SURE_READ = chosen


if __name__ == "__main__":
    main()
