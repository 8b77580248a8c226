"""Analyse one sentence: which drama- or winner's-triangle role speaks, how sure, and why.

``analyse_role(text)`` combines the classifier (``bot.roles.classifier``) with the explainable
signals (``bot.roles.signals``). Short, non-Dutch or ambiguous input gets the role
``GEEN_ROL`` with a Dutch reason rather than a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional

from bot.knowledge.loader import get_knowledge
from bot.roles import classifier as role_classifier
from bot.roles.language import STOPWORDS, unusable_reason
from bot.roles.models import NEUTRAL
from bot.roles.signals import SignalHit, find_signals, signal_counts, tokenize
from bot.textclass import segments
from bot.wording import join_list

GEEN_ROL = "geen duidelijke rol"
MIN_CONFIDENCE = 0.30  # below this no role is named (coverage/precision table of `rustpunt evalueer rollen`)
MIN_CONFIDENCE_NO_SIGNALS = 0.50  # without any explainable signal the classifier must be surer
MIN_MARGIN = 0.03  # the best role must beat the second by this much
WORD_CHOICE = "woordkeus die bij deze rol past"


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
             "citaat": self.citaat}
        )
        return payload


def _role(role_id: str):
    return get_knowledge().get("rol", role_id)


def _word_choice_hits(text: str, tokens, features: List[str], role_id: str) -> List[SignalHit]:
    """Quote the sentence words behind the classifier's strongest features (lemma n-grams)."""
    wanted = {part for feature in features for part in feature.split()}
    hits = []
    for token in tokens:
        if token.text in STOPWORDS:
            continue
        if token.lemma in wanted or token.text in wanted:
            hits.append(
                SignalHit(WORD_CHOICE, role_id, text[token.start : token.end], token.start, token.end, "woordkeus")
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
    clear reading wins, and when it comes from one sentence that sentence is quoted (``citaat``)."""
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
    for begin, end in spans:
        part = clean[begin:end]
        if unusable_reason(part):
            continue
        result = _analyse_one(part, classifier)
        if result.clear and (best is None or result.zekerheid > best.zekerheid):
            result.signalen = [
                replace(hit, begin=hit.begin + begin, einde=hit.einde + begin) for hit in result.signalen
            ]
            result.zin, result.citaat = clean, part
            best = result
    return best or whole


def _analyse_one(clean: str, classifier) -> RoleAnalysis:
    tokens = tokenize(clean)
    hits = find_signals(clean, tokens)
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
