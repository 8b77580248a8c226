"""Analyse one sentence: which drama- or winner's-triangle role speaks, how sure, and why.

``analyse_role(text)`` combines the classifier (``bot.roles.classifier``) with the explainable
signals (``bot.roles.signals``). Short, non-Dutch or ambiguous input gets the role
``GEEN_ROL`` with a Dutch reason rather than a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional

from bot.knowledge.loader import get_knowledge
from bot.language import FUNCTION_WORDS
from bot.roles import classifier as role_classifier
from bot.roles.language import unusable_reason
from bot.roles.models import NEUTRAL
from bot.roles.signals import SignalHit, find_signals, signal_counts, tokenize
from bot.textclass import segments
from bot.wording import join_list

GEEN_ROL = "geen duidelijke rol"
MIN_CONFIDENCE = 0.30  # below this no role is named (coverage/precision table of `rustpunt evalueer rollen`)
MIN_CONFIDENCE_NO_SIGNALS = 0.50  # without any explainable signal the classifier must be surer
MIN_MARGIN = 0.03  # the best role must beat the second by this much
# one sentence of a longer turn speaks for the turn only with a signal of its own or this sure a read: a weak read of
# one plain sentence ("We hebben om half vier afgesproken bij de McDonald's") is no role of the whole turn
MIN_PART_NO_SIGNALS = 0.70
WORD_CHOICE = "woordkeus die bij deze rol past"
WORD_CHOICE_ID = "woordkeus"  # the signal id of a word-choice hit


@dataclass
class RoleAnalysis:
    """The answer for one sentence. ``rol`` is a role id or ``GEEN_ROL``."""

    zin: str
    rol: str
    zekerheid: float
    signalen: List[SignalHit] = field(default_factory=list)
    uitnodiging: Optional[Dict[str, Any]] = None
    alternatief: Optional[Dict[str, Any]] = None
    hulpmiddel: Optional[Dict[str, Any]] = None
    reden: Optional[str] = None  # why there is no clear role
    naam: str = GEEN_ROL  # display name of the role
    driehoek: Optional[str] = None
    scores: Dict[str, float] = field(default_factory=dict)
    citaat: Optional[str] = None  # the sentence of a longer turn that carries the role
    # a longer turn that shifts role: [{"rol", "naam", "citaat"}] in the order of the turn (at least two roles)
    rolwissel: List[Dict[str, str]] = field(default_factory=list)

    @property
    def clear(self) -> bool:
        return self.rol != GEEN_ROL

    def to_json(self) -> Dict[str, Any]:
        """The public contract (CLI ``--json``): exactly rol, zekerheid, signalen, uitnodiging, alternatief."""
        return {
            "rol": self.rol,
            "zekerheid": self.zekerheid,
            "signalen": [hit.to_dict() for hit in self.signalen],
            "uitnodiging": self.uitnodiging,
            "alternatief": self.alternatief,
        }

    def to_payload(self) -> Dict[str, Any]:
        """The chat payload for the web page (``soort: rol_analyse``)."""
        payload: Dict[str, Any] = {"soort": "rol_analyse", "zin": self.zin}
        payload.update(self.to_json())
        payload.update(
            {"naam": self.naam, "driehoek": self.driehoek, "hulpmiddel": self.hulpmiddel, "reden": self.reden,
             "citaat": self.citaat, "rolwissel": self.rolwissel}
        )
        return payload


def _role(role_id: str):
    return get_knowledge().get("rol", role_id)


def _word_choice_hits(text: str, tokens, features: List[str], role_id: str) -> List[SignalHit]:
    """Quote the sentence words behind the classifier's strongest features (lemma n-grams)."""
    wanted = {part for feature in features for part in feature.split()}
    hits = []
    for token in tokens:
        if token.text in FUNCTION_WORDS or token.lemma in FUNCTION_WORDS:  # "heb", "neem", "gewoon": no evidence
            continue
        if token.lemma in wanted or token.text in wanted:
            hits.append(
                SignalHit(WORD_CHOICE, role_id, text[token.start : token.end], token.start, token.end, WORD_CHOICE_ID)
            )
    return hits[:4]


def invitation(role_id: str) -> Optional[Dict[str, Any]]:
    role = _role(role_id)
    if role is None or not role.nodigt_uit:
        return None
    names = [_role(r).naam for r in role.nodigt_uit]
    return {
        "rollen": list(role.nodigt_uit),
        "tekst": f"Deze rol nodigt de luisteraar uit om {join_list(names, 'of')} te worden.",
    }


def alternative(role_id: str) -> Optional[Dict[str, Any]]:
    role = _role(role_id)
    if role is None:
        return None
    answer_from = _role(role.antwoord_vanuit)
    return {
        "rol": answer_from.id,
        "naam": answer_from.naam,
        "antwoordstijl": role.antwoordstijl,
        "voorbeeld": role.voorbeeldantwoord,
    }


def tool(role_id: str) -> Optional[Dict[str, Any]]:
    role = _role(role_id)
    if role is None or not role.hulpmiddelen:
        return None
    item = get_knowledge().get("hulpmiddel", role.hulpmiddelen[0])
    if item is None:
        return None
    return {"id": item.id, "naam": item.naam, "uitleg": item.uitleg, "hoe": list(item.hoe)}


NEUTRAL_REASON = (
    "Ik zie in deze zin geen duidelijke signalen van een rol uit de drama- of winnaarsdriehoek: het klinkt als "
    "een gewone mededeling, een begroeting of een praatje. Geef anders de hele uitspraak of wat er vlak "
    "daarvoor gezegd werd."
)


def _doubt_reason(best: str, second: str, hits: List[SignalHit]) -> str:
    if best == NEUTRAL or second == NEUTRAL or _role(best) is None or _role(second) is None:
        return NEUTRAL_REASON
    if not hits:
        return (
            "Ik zie in deze zin geen duidelijke signalen van een rol uit de drama- of winnaarsdriehoek. "
            "Misschien is het een gewone mededeling; geef anders de hele uitspraak of wat er vlak daarvoor gezegd werd."
        )
    return (
        f"Ik twijfel tussen {_role(best).naam} en {_role(second).naam}; de zin wijst niet duidelijk één kant op. "
        "Kijk naar de toon en de context: wie legt de verantwoordelijkheid waar?"
    )


def analyse_role(text: Optional[str], classifier=None) -> RoleAnalysis:
    """Analyse one sentence or a longer turn (see module docstring). ``classifier`` defaults to the
    product model; the evaluation passes the one trained on the training split only.

    A turn of several sentences is read as a whole and sentence by sentence; the most certain
    clear reading wins, and when it comes from one sentence that sentence is quoted (``citaat``). A sentence speaks
    for the turn only with a signal of its own or from ``MIN_PART_NO_SIGNALS``. When sentences with a signal of their
    own show different roles ("ik weet het niet meer ... hij is gewoon een egoïst"), ``rolwissel`` names each role
    with its sentence, in the order of the turn."""
    clean = (text or "").strip()
    reason = unusable_reason(clean)
    if reason:
        return RoleAnalysis(zin=clean[:200], rol=GEEN_ROL, zekerheid=0.0, reden=reason)
    classifier = classifier or role_classifier.get_classifier()
    whole = _analyse_one(clean, classifier)
    spans = segments(clean)
    if len(spans) <= 1:
        return whole
    best = whole if whole.clear else None
    shifts: List[Dict[str, str]] = []
    part_hits: List[SignalHit] = []  # the signals of every sentence, offsets in the turn
    for begin, end in spans:
        part = clean[begin:end]
        if unusable_reason(part):
            continue
        tokens = tokenize(part)
        hits = find_signals(part, tokens)
        result = _analyse_one(part, classifier, tokens, hits)
        part_hits += [replace(hit, begin=hit.begin + begin, einde=hit.einde + begin) for hit in hits]
        if not result.clear or (not _has_signal(result) and result.zekerheid < MIN_PART_NO_SIGNALS):
            continue
        result.signalen = [replace(hit, begin=hit.begin + begin, einde=hit.einde + begin) for hit in result.signalen]
        if _has_signal(result) and (not shifts or shifts[-1]["rol"] != result.rol):
            shifts.append({"rol": result.rol, "naam": result.naam, "citaat": part})
        if best is None or result.zekerheid > best.zekerheid:
            result.zin, result.citaat = clean, part
            best = result
    if best is None:
        return whole
    if best.citaat:  # the signals of the role in the other sentences show too ("... Kunt u het voor me regelen?")
        best.signalen = _same_role_hits(best.rol, part_hits + best.signalen)
    if len({shift["rol"] for shift in shifts}) > 1:
        best.rolwissel = shifts
    return best


def _same_role_hits(role: str, hits: List[SignalHit]) -> List[SignalHit]:
    """The hits of ``role`` in turn order, once each, without word choice when there is an explainable signal."""
    own = sorted({hit for hit in hits if hit.rol == role}, key=lambda hit: (hit.begin, hit.einde))
    signals = [hit for hit in own if hit.signaal_id != WORD_CHOICE_ID]
    return signals or own[:4]


def _has_signal(result: RoleAnalysis) -> bool:
    """The read rests on an explainable signal of its role (``knowledge/rollen/signalen.yml``), not only word choice."""
    return any(hit.signaal_id != WORD_CHOICE_ID for hit in result.signalen)


def _analyse_one(clean: str, classifier, tokens=None, hits: Optional[List[SignalHit]] = None) -> RoleAnalysis:
    tokens = tokenize(clean) if tokens is None else tokens
    hits = find_signals(clean, tokens) if hits is None else hits
    prediction = classifier.predict(clean, n_features=6)
    scores = role_classifier.combine(prediction.probabilities, signal_counts(hits))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, confidence), (second, second_score) = ranked[0], ranked[1]
    rounded = {role: round(score, 3) for role, score in ranked if role != NEUTRAL}
    threshold = MIN_CONFIDENCE if hits else MIN_CONFIDENCE_NO_SIGNALS
    if best == NEUTRAL or confidence < threshold or confidence - second_score < MIN_MARGIN:
        return RoleAnalysis(
            zin=clean, rol=GEEN_ROL, zekerheid=round(confidence, 2), signalen=hits,
            reden=_doubt_reason(best, second, hits), scores=rounded,
        )
    role = _role(best)
    own = [hit for hit in hits if hit.rol == best]
    if not own:
        own = _word_choice_hits(clean, tokens, prediction.features, best)
    return RoleAnalysis(
        zin=clean,
        rol=best,
        zekerheid=round(confidence, 2),
        signalen=own,
        uitnodiging=invitation(best),
        alternatief=alternative(best),
        hulpmiddel=tool(best),
        naam=role.naam,
        driehoek=role.driehoek,
        scores=rounded,
    )
