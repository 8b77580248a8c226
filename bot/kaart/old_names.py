"""Old names of services (``knowledge/sociale_kaart/oude_namen.yml``: het CJG, Bureau Jeugdzorg, het AMK): a question
that names one hears first, in one Dutch sentence, what does that work today, then the services. Professionals and
parents still say "bel Bureau Jeugdzorg" or "het CJG" years after the names went; the kaart has neither, and a question
such as "CJG in Huizen" found no service at all. Which theme an old name is read as stays in ``probleemwoorden.yml``
(so the search finds the service doing the work now); a question naming one is about a family, so the way in of the
place joins as for any family's question (``question.family_question``)."""
from __future__ import annotations

from typing import List, Tuple

from bot.kaart.missing_help import Phrase, other_persons, phrase_of, said_of
from bot.knowledge.loader import PerKnowledge, get_knowledge


def _build(knowledge) -> List[Tuple[object, Tuple[Phrase, ...]]]:
    return [(entry, tuple(phrase_of(phrase, knowledge) for phrase in entry.woorden))
            for entry in knowledge.entries.get("kaart_oude_naam", {}).values()]


_phrases = PerKnowledge(_build)


def oude_namen(text: str, knowledge=None) -> List:
    """The entries (``KaartOudeNaam``) of the old names ``text`` says ("kan ze naar het cjg in Bussum": the CJG)."""
    knowledge = knowledge if knowledge is not None else get_knowledge()
    return said_of(text, _phrases(knowledge), other_persons(knowledge), knowledge)


def uitleg(text: str, knowledge=None) -> str:
    """The Dutch sentences on what does the work of each old name ``text`` says today ('' without one)."""
    return " ".join(entry.nu.strip() for entry in oude_namen(text, knowledge))
