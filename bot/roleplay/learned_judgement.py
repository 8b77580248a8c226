"""Learned read of judging and lecturing in a professional's sentence (the role-play pitfall ``oordelen``).

What it decides: the cue phrases of the move ``oordelen`` (``knowledge/scenarios/zetten.yml``: "je moet", "je had ...
moeten", "dat is niet goed van u") catch the blunt forms. The warm ones slipped through and let bad practice paths end
well: "dat wil je ze toch niet aandoen", "iemand moet de wijste zijn", "dat was achteraf niet zo handig, dat voel je
zelf ook wel", "dat vind ik ook niet netjes van hem". ``bot.roleplay.moves.MoveClassifier`` asks this model about
every sentence of a turn in which no cue phrase was found and which the step classifier does not read as a clear step
(below ``moves.CLEAR_STEP``), is not read as one of the other pitfalls (advice stays ``redden``, going into the facts
stays ``inhoud``, from ``PITFALL_FLAG`` on), does not take back the professional's
own words and has at least ``MIN_WORDS`` words ("Nee hè." is no lecture), and is no clear small talk, no open
question (also one typed without its question mark, "waar denkt u zelf aan": session 22) and no plain pluperfect
("U had zich er de hele week op verheugd": session 19, a user test; see ``moves._judges``). A sentence counts as a
judgement when the model is at least ``THRESHOLD`` sure; the turn is then the pitfall ``oordelen``, always as an
uncertain read (``moves.UNSURE_CUE``): the engine forgives the first one of a session (the persona asks what was meant)
and counts every next one, and the debrief quotes the sentence.

What it is trained on (``training_groups``; built and stored like the other recognisers, as the recogniser
``oordeel`` of ``bot.recognisers``, by ``rustpunt herkenners bouw``):

- the groups of ``knowledge/scenarios/voorbeelden_oordelen*.yml`` (kind ``oordeel_voorbeelden``): soft judgements
  and lectures (``oordelen``) and good sentences that only look like one (``geen_oordeel``: "dat moet zwaar zijn",
  "ik kies geen kant", a calm reality), written from the workbook's drama triangle without reading an evaluation set;
- every group of the step examples (``knowledge/stappen/voorbeelden*.yml``) as ``geen_oordeel``: a step, small talk,
  advice or going into the content is not a judgement.

The classifier is the project's own (``bot.textclass``: lemma words and characters, logistic regression),
temperature-calibrated like the step recogniser.

Threshold and measurement (session 12, docs/cijfers.md): chosen on the seen practice path sets 1-16 (373 paths; with
the read off 356): 0.4 353, 0.5 355, 0.6 357, 0.7 357, 0.8 357; 0.6 is the lowest of the best. On the four newest
sets (17-20, 96 paths, totals only) 83 without and 84 with the read at 0.6. Reading every such sentence as a sure
judgement instead cost good paths (350 of 373), and so did letting it overrule a sure inhoud read (the sure pitfall
became a forgiven one: -1 to -2 items on five context sets and one test conversation). A small gain: a bag of words
does not tell a warm lecture from a warm acknowledgement reliably; on the turns of sets 2-16 the share of good-path
turns with any pitfall went from 13.6% to 14.8%, of bad-path turns from 63.1% to 64.7%.
"""
from __future__ import annotations

from typing import List, Optional

from bot import recognisers, textclass
from bot.roleplay.models import JUDGEMENT, NO_JUDGEMENT
from bot.text import spoken_tags

NAME = "oordeel"  # the recogniser's name in bot.recognisers.SPECS and var/models/<name>.pkl
THRESHOLD = 0.6  # a sentence is a judgement from this probability on (see docs/cijfers.md)
MIN_WORDS = 5  # shorter sentences ("Nee hè.", "en eerlijk gezegd...") are never read as a judgement


def training_groups() -> List[textclass.Group]:
    """The judgement groups of the knowledge as they are, and every step example group as ``geen_oordeel``
    (id ``stap:<group id>``)."""
    from bot.knowledge.loader import get_knowledge
    from bot.steps import classifier

    knowledge = get_knowledge()
    groups = [
        textclass.Group(group.id, group.label, tuple(group.zinnen))
        for group in sorted(knowledge.all("oordeel_voorbeelden"), key=lambda g: g.id)
    ]
    groups += [textclass.Group(f"stap:{group.id}", NO_JUDGEMENT, group.sentences) for group in classifier.load_groups()]
    return groups


def judgement(sentence: str) -> Optional[float]:
    """How sure the stored model is that ``sentence`` judges or lectures, when it is at least ``THRESHOLD`` sure;
    else None.

    Loads the recogniser ``oordeel`` (never trains; ``recognisers.ModelNotBuilt`` says in Dutch how to build it)."""
    if not sentence.strip():
        return None
    probability = recognisers.predict(NAME, spoken_tags(sentence)).probabilities.get(JUDGEMENT, 0.0)
    return probability if probability >= THRESHOLD else None
