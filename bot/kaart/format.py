"""Readable Dutch text for kaart results (CLI and chat share it)."""
from __future__ import annotations

from typing import List, Optional

from bot.kaart.results import Hit, Zoekresultaat
from bot.kaart.vocabulary import DEEL_VAN, GEMEENTEN, THEMAS, WERKGEBIEDEN
from bot.wording import join_list


def begrepen(result: Zoekresultaat) -> str:
    """One line: what the search understood."""
    parts = []
    if result.themas:
        parts.append("thema: " + ", ".join(THEMAS[t] for t in result.themas))
    if result.leeftijd is not None:
        parts.append(f"leeftijd: {result.leeftijd} jaar")
    elif result.leeftijden:
        parts.append(f"leeftijden: {join_list([str(age) for age in result.leeftijden])} jaar")
    if result.gemeente:
        parts.append(f"plaats: {plaats_tekst(result.gemeente, result.plaats)}")
    return "Ik zocht op " + "; ".join(parts) + "." if parts else ""


def plaats_tekst(gemeente: str, plaats: Optional[str] = None) -> str:
    """The place searched in: the area, and a village or wijk inside it by its own name with its municipality
    ("Bussum (gemeente Gooise Meren)", "Haarzuilens (Vleuten-De Meern, gemeente Utrecht)"); the area alone when the user
    named the area itself or its label already names the place ("Vleuten-De Meern (Utrecht)")."""
    label = WERKGEBIEDEN[gemeente]
    if not plaats or plaats in label or gemeente not in GEMEENTEN:
        return label
    city = DEEL_VAN.get(gemeente)
    if city is not None:
        city_label = GEMEENTEN[city]
        area = label[:-len(f" ({city_label})")] if label.endswith(f" ({city_label})") else label
        return f"{plaats} ({area}, gemeente {city_label})"
    return f"{plaats} (gemeente {label})"


def hit_tekst(number: int, hit: Hit) -> str:
    lines = [
        f"{number}. {hit.naam} — {hit.organisatie}",
        f"   Wat: {hit.beschrijving}",
        f"   Voor wie: {hit.voor_wie}",
        f"   Bereikbaar: {hit.bereikbaarheid}",
        f"   Waarom: {hit.waarom}",
    ]
    if hit.let_op:
        lines.append(f"   Let op: {hit.let_op}")
    return "\n".join(lines)


def resultaat_tekst(result: Zoekresultaat, met_scores: bool = False) -> str:
    blocks: List[str] = [result.ontbreekt] if result.ontbreekt else []
    intro = begrepen(result)
    if intro:
        blocks.append(intro)
    if result.melding:
        blocks.append(result.melding)
    for number, hit in enumerate(result.hits, start=1):
        text = hit_tekst(number, hit)
        if met_scores:
            parts = ", ".join(f"{k} {v:.2f}" for k, v in hit.onderdelen.items())
            text += f"\n   Score: {hit.score:.2f} ({parts})"
        blocks.append(text)
    return "\n\n".join(blocks)


def payload(result: Zoekresultaat) -> dict:
    """The custom payload for the web page (``kaart_resultaten``)."""
    keys = ("id", "naam", "organisatie", "beschrijving", "voor_wie", "bereikbaarheid", "links", "waarom",
            "verwijsbaar", "let_op")
    return {
        "soort": "kaart_resultaten",
        "status": result.status,
        "melding": " ".join(filter(None, [result.ontbreekt, result.melding])) or None,
        "resultaten": [{k: h.to_dict()[k] for k in keys} for h in result.hits],
        "algemene_route": [{k: h.to_dict()[k] for k in keys} for h in result.route],
    }
