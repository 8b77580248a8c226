"""Learned fallback for "what does the persona's last line invite?" (one of the six steps, never a pitfall).

What it decides: ``bot.roleplay.context.invitation`` reads the persona's line with word rules first. Only
where those rules find no invitation at all does it ask this model (``learned_invitation``); the model's
label counts only when it is a step and the model is at least ``THRESHOLD`` sure. What follows is the rules' own
logic: a short answer that asks on ("Hoe bedoel je?") takes the invited step, a yes to an invited pitfall is
the pitfall, and a sure step read of a turn with a topic of its own (``context.SURE_READ``) is never
overridden. The model never changes what the rules found, and never reads the trainee's turn itself.

What it is trained on (``training_groups``; built and stored like the step and role recognisers, as the
recogniser ``uitnodiging`` of ``bot.recognisers``, by ``rustpunt herkenners bouw``):

- the persona line of every ``ambigu`` item of the context sets in ``bot.heldout.INVITATION_TRAINING_SETS``
  (the seen sets: ``context.yml`` both parts, ``context_2.yml`` to ``context_8.yml``; never a blind set),
  labelled with the item's first right move. ``helder`` items are left out: their persona line pulls towards
  another move on purpose;
- the persona's answers in the scenarios (bands ``SCENARIO_LEVELS``), labelled with the move that triggers
  them, except ``oordelen`` and ``onduidelijk`` (an answer to judging or to an unclear turn invites nothing).

The classifier is the project's own (``bot.textclass``: lemma words and characters, logistic regression),
not calibrated (temperature 1): the threshold was chosen on its raw probabilities.

Threshold and why: the experiment (``scripts/invitation_loso.py``, docs/cijfers.md) fixed 0.3 before its one
blind measurement on ``context_7.yml``: rules only 50/72 (ambigu 26/48, helder 24/24), with the fallback at 0.3
55/72 (ambigu 31/48, helder 24/24). Wired into the product, that setting changed five of the project's own
test sentences for the worse: lines the rules leave open on purpose ("Ja, klopt.", "Drie weken heeft hij niks
van zich laten horen.") got a guess of 0.36-0.46, and a guessed pitfall turned a bare "Ja." after an
accusation into the pitfall inhoud (0.90) - exactly the one misread that should never decide a session. So,
before any further blind measurement, the setting became: the model's label counts only from 0.5 on
(``THRESHOLD``) and only when it is one of the six steps (``STEPS``): a pitfall is read from the trainee's own
words or the rules, never from a guess about the persona's line. Measured after that choice: see docs/cijfers.md
(``context_7.yml`` a second time, ``context_8.yml`` blind). Change the threshold or the training data only with
a new blind set to measure the change on.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from bot import recognisers, textclass
from bot.roleplay.models import STEPS  # the model's label counts only when it is a step, never a pitfall

NAME = "uitnodiging"  # the recogniser's name in bot.recognisers.SPECS and var/models/<name>.pkl
THRESHOLD = 0.5  # the model's label counts from this probability on (see the module docstring)
SCENARIO_LEVELS = ("hoog", "midden", "laag")  # the scenarios' answer bands trained on
NOT_INVITING = ("oordelen", "onduidelijk")  # the persona's answers to these moves are not trained on


def training_groups(sets: Optional[Sequence[str]] = None,
                    levels: Sequence[str] = SCENARIO_LEVELS) -> List[textclass.Group]:
    """The training pairs as example groups: one per ambigu item of the context ``sets`` (default
    ``INVITATION_TRAINING_SETS``; id ``<file>#<item id>``) and one per scenario and move (id
    ``scenario:<scenario id>:<move>``, its answers of every band in ``levels``). The experiment script
    (``scripts/invitation_loso.py``) trains on other sets and bands through the same function."""
    from bot.heldout import INVITATION_TRAINING_SETS, context_items
    from bot.roleplay import catalog

    groups = [
        textclass.Group(f"{name}#{item.id}", item.stap[0], (item.persona,))
        for name in (INVITATION_TRAINING_SETS if sets is None else sets)
        for item in context_items(name)
        if item.soort == "ambigu"
    ]
    for scenario in sorted(catalog.knowledge().all("scenario"), key=lambda s: s.id):
        for move, bands in scenario.antwoorden:
            if move in NOT_INVITING:
                continue
            lines = tuple(line for level in levels for line in getattr(bands, level))
            if lines:
                groups.append(textclass.Group(f"scenario:{scenario.id}:{move}", move, lines))
    return groups


def learned_invitation(line: str) -> Optional[str]:
    """The step the stored model reads in the persona's ``line`` when it is a step (``STEPS``) and the model is at
    least ``THRESHOLD`` sure, else None.

    Loads the recogniser ``uitnodiging`` (never trains; ``recognisers.ModelNotBuilt`` says in Dutch how to build it)."""
    if not line.strip():
        return None
    prediction = recognisers.predict(NAME, line)
    return prediction.label if prediction.label in STEPS and prediction.confidence >= THRESHOLD else None
