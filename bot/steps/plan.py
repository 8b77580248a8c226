"""The gespreksplan: situation, intended sentence per step, fitting reminders and hulpmiddelen.

``build_plan`` makes the payload dict (``{"soort": "gespreksplan", ...}``), ``save_plan`` stores it
with ``bot.records`` (kind ``gespreksplan``), ``load_plan`` reads it back and ``format_plan_text``
turns a payload into readable Dutch. The stored dict is the single source for both outputs.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from bot import status
from bot.knowledge.loader import get_knowledge
from bot.privacy.masking import mask_text
from bot.records import add_record, get_record, list_records, shown_number
from bot.steps.guide import ordered_steps, situation_name
from bot.steps.models import PITFALL_IDS, SITUATION_TYPES

RECORD_KIND = "gespreksplan"
MAX_NOTE_CHARS = 500
MAX_SITUATION_CHARS = 500
# The workbook's hulpmiddelen are written for conversations with parents.
HULPMIDDEL_SITUATIONS = ("ouder", "beide_ouders")


def _knowledge(knowledge=None):
    if knowledge is not None:
        return knowledge
    return get_knowledge()


def _clean(text: Optional[str], limit: int) -> Optional[str]:
    if text is None:
        return None
    text = " ".join(str(text).split())
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _add(items: List, value) -> None:
    if value and value not in items:
        items.append(value)


def _warn_pitfall(item: Dict[str, Any], knowledge, herinneringen: List[str], hulpmiddel_ids: List[str],
                  form: Any = None) -> None:
    """A sentence that reads as a pitfall: a warning on its step, the pitfall's reminder and hulpmiddelen; a form of
    the pitfall (``form``: a child put in the middle of the parents) gives its own warning and reminder."""
    if item.get("herkend") not in PITFALL_IDS:
        return
    valkuil = knowledge.get("valkuil", item["herkend"])
    if form is not None:
        item["waarschuwing"] = form.waarschuwing
        _add(herinneringen, form.herinnering)
    elif valkuil is not None:
        item["waarschuwing"] = f"Let op, deze zin lijkt op de valkuil '{valkuil.naam}'. {valkuil.tip}"
    if valkuil is not None:
        _add(herinneringen, valkuil.herinnering)
        for ref in valkuil.hulpmiddelen:
            _add(hulpmiddel_ids, ref)


def build_plan(
    wie: Optional[str],
    situatie: Optional[str],
    notities: Optional[Mapping[str, Optional[str]]] = None,
    knowledge=None,
    classify=None,
    gestopt_bij: Optional[str] = None,
) -> Dict[str, Any]:
    """Build the gespreksplan payload.

    ``notities`` maps step id -> the professional's intended sentence; a missing or empty value
    means the step was skipped. ``classify`` (default: the step classifier) checks each sentence
    for the two pitfalls, which adds a warning and the matching reminder. ``gestopt_bij``: the step
    at which the professional stopped; the plan is then not finished ("af": False) and that step and
    the ones after it without a sentence are "open" (not prepared yet) rather than skipped.
    """
    knowledge = _knowledge(knowledge)
    if classify is None:
        from bot.steps.classifier import (
            classify_step as classify,  # lazy: loads scikit-learn: only when no classifier is given
        )
    notities = dict(notities or {})
    wie = wie if wie in SITUATION_TYPES else None
    herinneringen: List[str] = []
    hulpmiddel_ids: List[str] = []
    stappen = []

    inhoud = knowledge.get("valkuil", "inhoud")
    if inhoud is not None:
        _add(herinneringen, inhoud.herinnering)  # the workbook's first rule, always on the plan
    for rol in knowledge.all("jouw_rol"):
        if wie in rol.past_bij:
            _add(herinneringen, rol.herinnering)

    steps = ordered_steps(knowledge)
    stop_number = next((step.nummer for step in steps if step.id == gestopt_bij), None)
    for step in steps:
        zin = _clean(notities.get(step.id), MAX_NOTE_CHARS)
        not_yet = zin is None and stop_number is not None and step.nummer >= stop_number
        item = {"id": step.id, "nummer": step.nummer, "naam": step.naam, "zin": zin,
                "overgeslagen": zin is None and not not_yet}
        if not_yet:
            item["open"] = True
        if zin is not None:
            if step.herinneringen:
                _add(herinneringen, step.herinneringen[0])
            for ref in step.hulpmiddelen:
                _add(hulpmiddel_ids, ref)
            result = classify(zin)
            item["herkend"] = result.stap
            _warn_pitfall(item, knowledge, herinneringen, hulpmiddel_ids, getattr(result, "vorm", None))
        stappen.append(item)

    hulpmiddelen = []
    if wie in HULPMIDDEL_SITUATIONS:
        for ref in hulpmiddel_ids:
            entry = knowledge.get("hulpmiddel", ref)
            if entry is not None:
                hulpmiddelen.append(
                    {
                        "id": ref,
                        "naam": getattr(entry, "naam", ref),
                        "wanneer": " ".join(str(getattr(entry, "wanneer", "") or "").split()),
                    }
                )

    stopped = next((step for step in steps if step.id == gestopt_bij), None)
    return {
        "soort": "gespreksplan",
        "af": stopped is None,
        **({"gestopt_bij": {"id": stopped.id, "nummer": stopped.nummer, "naam": stopped.naam}} if stopped else {}),
        "situatie": {
            "wie": wie,
            "wie_tekst": situation_name(wie),
            "beschrijving": _clean(situatie, MAX_SITUATION_CHARS),
        },
        "stappen": stappen,
        "herinneringen": herinneringen,
        "hulpmiddelen": hulpmiddelen,
    }


def masked_plan(plan: Mapping[str, Any]) -> Dict[str, Any]:
    """The plan with what the professional typed (the situation, the sentences) masked: what is stored, and what
    the chat shows (one rule for every step: a sentence typed in an earlier turn comes back masked from Rasa's
    store anyway)."""
    situatie = plan.get("situatie") or {}
    data = {key: value for key, value in plan.items() if key not in ("id", "nummer")}
    data["situatie"] = {**situatie, "beschrijving": mask_text(situatie.get("beschrijving") or "") or None}
    data["stappen"] = [{**step, "zin": mask_text(step["zin"]) if step.get("zin") else step.get("zin")}
                       for step in data.get("stappen") or []]
    return data


def save_plan(plan: Dict[str, Any], conversation_id: Optional[str] = None) -> int:
    """Store the plan, masked; returns its id (shown to the user for ``rustpunt plan toon <id>``). A plan stopped
    halfway gets the status ``gestopt``."""

    situatie = plan.get("situatie") or {}
    title = f"Gespreksplan voor een gesprek met {situatie.get('wie_tekst', 'een gesprekspartner')}"
    finished = plan.get("af", True)
    return add_record(RECORD_KIND, masked_plan(plan), conversation_id=conversation_id, title=title,
                      status=status.DONE if finished else status.STOPPED)


def load_plan(plan_id: int, conversation_id: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The stored plan with its internal id (``id``) and the number its professional sees (``nummer``), or None when
    there is no gespreksplan with this id, or (``conversation_id`` given) it was made in another conversation."""
    row = get_record(RECORD_KIND, int(plan_id), conversation_id=conversation_id)
    if row is None:
        return None
    return _plan(row)


def _plan(row: Any) -> Dict[str, Any]:
    plan = dict(row.data)
    plan["id"] = row.pk
    plan["nummer"] = shown_number(row)
    return plan


def latest_plan(conversation_id: str) -> Optional[Dict[str, Any]]:
    rows = list_records(RECORD_KIND, conversation_id=conversation_id, limit=1)
    if not rows:
        return None
    return _plan(rows[0])


def format_plan_text(plan: Mapping[str, Any]) -> str:
    """The plan as readable Dutch text."""
    situatie = plan.get("situatie") or {}
    title = "Jouw gespreksplan"
    number = plan.get("nummer", plan.get("id"))  # the professional's own number; the internal id without one
    if number is not None:
        title += f" (nummer {number})"
    stopped = plan.get("gestopt_bij") or {}
    if plan.get("af") is False:
        title += ", nog niet af"
    lines = [title]
    if stopped:
        lines.append(f"Gestopt bij stap {stopped.get('nummer')}: {stopped.get('naam')}. De stappen vanaf daar zonder "
                     "zin heb je nog niet voorbereid.")
    lines.append(f"Gesprek met: {situatie.get('wie_tekst', 'onbekend')}")
    if situatie.get("beschrijving"):
        lines.append(f"Situatie: {situatie['beschrijving']}")
    lines.append("")
    lines.append("Per stap:")
    for step in plan.get("stappen", []):
        if step.get("open"):
            lines.append(f"{step['nummer']}. {step['naam']}: (nog niet voorbereid)")
        elif step.get("overgeslagen"):
            lines.append(f"{step['nummer']}. {step['naam']}: (overgeslagen)")
        else:
            lines.append(f"{step['nummer']}. {step['naam']}: \"{step['zin']}\"")
        if step.get("waarschuwing"):
            lines.append(f"   {step['waarschuwing']}")
    if plan.get("herinneringen"):
        lines += ["", "Denk eraan:"]
        lines += [f"- {item}" for item in plan["herinneringen"]]
    if plan.get("hulpmiddelen"):
        lines += ["", "Hulpmiddelen die kunnen passen:"]
        for tool in plan["hulpmiddelen"]:
            extra = f" - wanneer: {tool['wanneer']}" if tool.get("wanneer") else ""
            lines.append(f"- {tool['naam']}{extra}")
    return "\n".join(lines)
