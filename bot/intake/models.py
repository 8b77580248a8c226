"""Knowledge kinds of vraagverheldering (``knowledge/vraagverheldering/``).

- ``vragenset``: a themed set of questions, each with its purpose and a follow-up question;
- ``intake_signaal``: an explainable signal (danger, complex divorce, school, steun ...) with trigger
  phrases, its 'moeite met ...' wording and, for danger, what to do now;
- ``intake_routeregel``: a data-driven route rule (which signals lead to which advice, and why);
- ``intake_plan``: the order of questions in the guided intake (safety questions early).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, List, Optional

from pydantic import conint, constr, validator

from bot.knowledge.base import Entry, Short, Strict, Text, non_empty_list
from bot.knowledge.problem import Problem

SIGNAL_KINDS = ("gevaar", "scheiding", "school", "steun", "weinig_steun", "ernst_hoog", "psychisch", "opvoeding",
                "bestaan")  # bestaan: geld en wonen (schulden, een deurwaarder, geen vaste woonplek)
DANGER_LEVELS = ("acuut", "veilig_thuis", "suicide")
ROUTES = ("spoed", "veilig_thuis", "jeugdteam", "buurtteam", "huisarts_poh", "school_jgz", "sociale_basis")

if TYPE_CHECKING:  # see bot/knowledge/base.py
    QuestionId = str
    SignalName = str
    SetKeyword = str
    SignalWord = str
    SignalKind = str
    DangerLevel = str
    Route = str
    SetName = str
    Priority = int
    SignalCount = int
    ChildAge = int
else:
    QuestionId = constr(regex=r"^[a-z0-9][a-z0-9_]*$", min_length=1, max_length=60)
    SignalName = constr(min_length=1, max_length=80)
    SetKeyword = constr(min_length=2, max_length=40)
    SignalWord = constr(min_length=2, max_length=80)
    SignalKind = constr(regex="^(" + "|".join(SIGNAL_KINDS) + ")$")
    DangerLevel = constr(regex="^(" + "|".join(DANGER_LEVELS) + ")$")
    Route = constr(regex="^(" + "|".join(ROUTES) + ")$")
    SetName = constr(min_length=1, max_length=80)
    Priority = conint(ge=0, le=100)
    SignalCount = conint(ge=1, le=10)
    ChildAge = conint(ge=0, le=27)

# A trigger phrase: words separated by spaces; a word ending in '*' matches every word starting with it;
# 'a|b' matches either word; '...' between two words lets up to three words pass
_WORD_ALTS = r"[\w'-]+\*?(?:\|[\w'-]+\*?)*"
_PHRASE = re.compile(rf"^{_WORD_ALTS}(?:(?: \.\.\.)? {_WORD_ALTS})*$", re.UNICODE)
_CALLER = re.compile(r"\bbeller", re.IGNORECASE)  # "de beller", "bellers": a caller on the line


class Vraag(Strict):
    """One question of a set: what to ask, why, and how to ask further."""

    id: QuestionId
    vraag: Text
    doel: Text
    doorvraag: Text
    gevaar_signaal: bool = False  # a safety question: 'ja' or a danger phrase interrupts the intake
    # intake_signaal for a plain 'ja': a danger signal on a safety question, otherwise an ordinary signal
    # that is weighed in the route but never interrupts (e.g. loud arguing at home)
    signaal_bij_ja: Optional[SignalName] = None

    @validator("signaal_bij_ja", always=True)
    def safety_needs_signal(cls, value, values):
        if values.get("gevaar_signaal") and not value:
            raise ValueError("een veiligheidsvraag noemt welk signaal een 'ja' betekent (signaal_bij_ja)")
        return value


class Vragenset(Entry):
    """A themed set of questions for the vraagverhelderingsgesprek."""

    naam: Short
    doel: Text
    vragen: List[Vraag]
    trefwoorden: List[SetKeyword] = []  # words users type to ask for this set

    _vragen = non_empty_list("vragen")

    @validator("vragen")
    def unique_question_ids(cls, value):
        ids = [q.id for q in value]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"dubbele vraag-id's: {', '.join(doubles)}")
        return value

    def question(self, question_id: str) -> Optional[Vraag]:
        return next((q for q in self.vragen if q.id == question_id), None)

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        problems = []
        signals = knowledge.entries.get("intake_signaal", {})
        for qset in knowledge.entries.get("vragenset", {}).values():
            for index, question in enumerate(qset.vragen):
                ref = question.signaal_bij_ja
                if not ref:
                    continue
                where = (knowledge.files[("vragenset", qset.id)], qset.id, f"vragen[{index + 1}].signaal_bij_ja")
                if question.gevaar_signaal and (ref not in signals or signals[ref].soort != "gevaar"):
                    problems.append(Problem(*where, f"verwijst naar '{ref}', maar er is geen gevaarsignaal met dat id"))
                elif not question.gevaar_signaal and ref not in signals:
                    problems.append(Problem(*where, f"verwijst naar '{ref}', maar er is geen signaal met dat id"))
                elif not question.gevaar_signaal and signals[ref].soort == "gevaar":
                    problems.append(Problem(*where, f"'{ref}' is een gevaarsignaal; dat hoort alleen bij een "
                                                    "veiligheidsvraag (gevaar_signaal: true)"))
        return problems


class IntakeSignaal(Entry):
    """A signal found in an answer: trigger phrases plus how the summary names it."""

    soort: SignalKind
    naam: Short
    trefwoorden: List[SignalWord]
    moeite_met: Optional[Short] = None  # 'moeite met <...>' wording for the kern
    steun: Optional[Short] = None  # wording for steun in the network
    niveau: Optional[DangerLevel] = None  # only for gevaar
    direct_doen: Optional[Text] = None  # only for gevaar: what to do right now, said to a consultant on a call
    # the same advice where no one is on the line (preparing a conversation with a parent or child): needed when
    # ``direct_doen`` speaks of the caller (``advice``)
    direct_doen_zonder_beller: Optional[Text] = None
    # phrases in which a trigger means something else ("dreigt te blijven zitten", "slaat het ontbijt over"): a
    # trigger inside such a phrase, in the same clause, does not count (bot/intake/signals.py)
    uitzonderingen: List[SignalWord] = []
    # weak signs ("zonder ontbijt"): one alone is no signal; one together with another weak sign or with one of
    # 'samen_met' ("te laat", "moe") in the same text is (bot/intake/signals.py)
    zwakke_trefwoorden: List[SignalWord] = []
    samen_met: List[SignalWord] = []
    # phrases that, anywhere in the same text, say the triggers mean something else ("ziet haar dochter nauwelijks, ze
    # zit de hele dag op haar kamer": a child that withdraws, not a parent without contact): the signal does not count
    niet_samen_met: List[SignalWord] = []
    # a signal that leaves unclear what is going on ("dan weet ik niet wat ik doe"): the summary says to ask further
    doorvragen: bool = False

    _trefwoorden = non_empty_list("trefwoorden")

    @validator("trefwoorden", "uitzonderingen", "zwakke_trefwoorden", "samen_met", "niet_samen_met", each_item=True)
    def phrase_syntax(cls, value):
        if not _PHRASE.match(value):
            raise ValueError(f"ongeldig trefwoord '{value}' (woorden met spaties, eventueel eindigend op *, 'a|b' voor "
                             "het een of het ander, met '...' tussen twee woorden voor hooguit drie woorden ertussen)")
        return value.lower()

    @validator("samen_met", always=True)
    def together_needs_weak_signs(cls, value, values):
        if value and not values.get("zwakke_trefwoorden"):
            raise ValueError("'samen_met' telt alleen naast 'zwakke_trefwoorden'")
        return value

    @validator("direct_doen", always=True)
    def danger_needs_action(cls, value, values):
        if values.get("soort") == "gevaar" and not value:
            raise ValueError("een gevaarsignaal moet zeggen wat je nu doet (direct_doen)")
        return value

    @validator("direct_doen_zonder_beller", always=True)
    def advice_without_a_caller(cls, value, values):
        """Where no one is on the line there is no caller: an advice that speaks of one needs its own wording."""
        if value and values.get("soort") != "gevaar":
            raise ValueError("alleen een gevaarsignaal heeft 'direct_doen_zonder_beller'")
        if value and _CALLER.search(value):
            raise ValueError("'direct_doen_zonder_beller' spreekt van een beller")
        if not value and _CALLER.search(values.get("direct_doen") or ""):
            raise ValueError("'direct_doen' spreekt van de beller: geef ook 'direct_doen_zonder_beller' voor waar "
                             "niemand aan de lijn is (een gesprek voorbereiden)")
        return value

    def advice(self, on_a_call: bool = True) -> str:
        """What to do right now: ``direct_doen`` for a consultant on a call (the intake), else the wording without a
        caller (the preparation of a conversation), on one line."""
        text = self.direct_doen if on_a_call else (self.direct_doen_zonder_beller or self.direct_doen)
        return " ".join((text or "").split())

    @validator("niveau", always=True)
    def danger_needs_level(cls, value, values):
        if values.get("soort") == "gevaar" and not value:
            raise ValueError("een gevaarsignaal heeft een niveau (acuut, veilig_thuis of suicide)")
        if values.get("soort") != "gevaar" and value:
            raise ValueError("alleen een gevaarsignaal heeft een niveau")
        return value


class IntakeRouteregel(Entry):
    """When which route fits. A rule matches when at least one signal of each kind in
    ``als_soorten`` is found (all kinds needed; ``min_signalen`` distinct ones, not counting the signals in
    ``niet_tellen``), at least one of ``als_een_van`` (if given), and no signal of a kind in ``niet_als``.
    ``standaard: true`` rules apply only when nothing else matched."""

    route: Route
    titel: Short
    reden: Text
    prioriteit: Priority
    als_soorten: List[SignalKind] = []
    als_een_van: List[SignalKind] = []
    als_niveau: Optional[DangerLevel] = None
    min_signalen: SignalCount = 1  # how many distinct signals of als_soorten are needed
    # signals (ids) that do not count toward min_signalen: being divorced is no sign of a complex divorce
    niet_tellen: List[Text] = []
    niet_als: List[SignalKind] = []
    standaard: bool = False
    kaart_zoekterm: Optional[Short] = None  # query for the sociale kaart

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        problems = []
        rules = knowledge.entries.get("intake_routeregel", {})
        if rules and not any(rule.standaard for rule in rules.values()):
            problems.append(
                Problem("knowledge/vraagverheldering", None, "standaard", "er is geen standaard-routeregel")
            )
        kinds_present = {s.soort for s in knowledge.entries.get("intake_signaal", {}).values()}
        for rule in rules.values():
            for kind in sorted(set(rule.als_soorten) | set(rule.als_een_van) | set(rule.niet_als)):
                if kind not in kinds_present:
                    where = knowledge.files[("intake_routeregel", rule.id)]
                    problems.append(Problem(where, rule.id, "als_soorten", f"geen enkel signaal van soort '{kind}'"))
            signals = knowledge.entries.get("intake_signaal", {})
            for signal_id in rule.niet_tellen:
                if signal_id not in signals:
                    where = knowledge.files[("intake_routeregel", rule.id)]
                    problems.append(Problem(where, rule.id, "niet_tellen", f"geen signaal met id '{signal_id}'"))
        return problems

    @validator("standaard")
    def default_has_no_conditions(cls, value, values):
        if value and (values.get("als_soorten") or values.get("als_een_van") or values.get("als_niveau")):
            raise ValueError("een standaardregel heeft geen voorwaarden")
        if not value and not (values.get("als_soorten") or values.get("als_een_van") or values.get("als_niveau")):
            raise ValueError("een regel zonder voorwaarden moet 'standaard: true' hebben")
        return value


class PlanStap(Strict):
    """One step of the guided intake; ``alleen_als_soort`` asks it only once such a signal was heard, and
    ``vanaf_leeftijd`` only when the child's age, if the caller named one, is at least that (no question about self-harm
    for a toddler of 2,5: a user test of session 23)."""

    vragenset: SetName
    vraag: QuestionId
    alleen_als_soort: Optional[SignalKind] = None
    vanaf_leeftijd: Optional[ChildAge] = None


MAX_STEPS_BEFORE_SAFETY = 2  # safety questions must start within the first three questions


class Vervanging(Strict):
    """Words of a question replaced by others: 'uw kind' -> 'het kind'."""

    van: Short
    naar: Short


class IntakePlan(Entry):
    """The guided intake: which questions, in which order. ``andere_beller``: how the questions read when the caller
    is not the parent (a grandparent, the teacher): replacements in order, applied to question and follow-up;
    ``jongere_beller`` the same when the young person calls (they are asked 'je', not about 'het kind')."""

    naam: Short
    uitleg: Text
    stappen: List[PlanStap]
    andere_beller: List[Vervanging] = []
    jongere_beller: List[Vervanging] = []

    _stappen = non_empty_list("stappen")

    @classmethod
    def validate_collection(cls, knowledge) -> list:
        problems = []
        sets = knowledge.entries.get("vragenset", {})
        for plan in knowledge.entries.get("intake_plan", {}).values():
            where = knowledge.files[("intake_plan", plan.id)]
            first_safety = None
            seen = set()
            for index, step in enumerate(plan.stappen):
                qset = sets.get(step.vragenset)
                question = qset.question(step.vraag) if qset else None
                if question is None:
                    problems.append(
                        Problem(
                            where,
                            plan.id,
                            f"stappen[{index + 1}]",
                            f"vraag '{step.vragenset}.{step.vraag}' bestaat niet",
                        )
                    )
                    continue
                key = (step.vragenset, step.vraag)
                if key in seen:
                    problems.append(Problem(where, plan.id, f"stappen[{index + 1}]", "vraag staat dubbel in het plan"))
                seen.add(key)
                if question.gevaar_signaal and first_safety is None:
                    first_safety = index
            if first_safety is None:
                problems.append(Problem(where, plan.id, "stappen", "het plan heeft geen veiligheidsvraag"))
            elif first_safety > MAX_STEPS_BEFORE_SAFETY:
                problems.append(
                    Problem(
                        where, plan.id, "stappen", "veiligheidsvragen moeten vroeg komen (binnen de eerste drie vragen)"
                    )
                )
        return problems
