"""The samenvatting at the end of an intake: kern in 'moeite met ...' language, aard/beloop/omvang/
ernst, steun in the network, signals found, and a route advice with reasons and services from the
sociale kaart. Only masked text goes into a summary, so it is safe to store."""
from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from bot import status
from bot.intake import deidentify
from bot.intake.listen import age_of, kern_from_words, place_of, says_nothing, tells_support
from bot.intake.opening import without_opening
from bot.intake.route import Advice, advise
from bot.intake.session import DEFAULT_PLAN, Intake
from bot.intake.signals import Hit, hits_heard, words
from bot.records import add_record
from bot.wording import counted

log = logging.getLogger(__name__)

RECORD_KIND = "intake_samenvatting"
ASPECTS = (
    ("aard", "algemeen.aard"),
    ("beloop", "algemeen.beloop"),
    ("omvang", "algemeen.omvang"),
    ("ernst", "algemeen.ernst"),
)
KERN_KEY = "algemeen.kern"
NETWORK_KEY = "sociaal_netwerk.steunpersonen"
KAART_LIMIT = 2
KIND_TITLES = {
    "gevaar": "Veiligheid",
    "scheiding": "Scheiding",
    "school": "School",
    "psychisch": "Psychisch welzijn",
    "opvoeding": "Opvoeding",
    "ernst_hoog": "Ernst",
    "weinig_steun": "Netwerk",
    "bestaan": "Geld en wonen",
}
# The most serious signal leads the kern (a user test: "Kern: moeite met ruzie thuis" for a child who wants to die):
# dangers first, by level, then the kinds in this order; the caller's own words come right after the dangers.
DANGER_LEVELS = ("acuut", "suicide", "veilig_thuis")
KERN_KINDS = ("psychisch", "ernst_hoog", "school", "scheiding", "opvoeding", "bestaan")
DANGER_KERN = "eerst de veiligheid: {naam}"
KAART_MISSING = "De sociale kaart is nu niet beschikbaar; zoek zelf in de sociale kaart naar een passende dienst."


@dataclass
class ServiceHint:
    naam: str
    organisatie: str
    waarom: str = ""
    bereikbaarheid: str = ""


@dataclass
class RouteAdvice:
    route: str
    titel: str
    reden: str
    op_grond_van: List[str]
    diensten: List[ServiceHint] = field(default_factory=list)


@dataclass
class Summary:
    kern: List[str]  # 'moeite met ...' phrases
    kern_woorden: str  # the caller's own (masked) words
    aspecten: Dict[str, str]
    steun: List[str]
    weinig_steun: bool
    signalen: Dict[str, List[str]]  # kind title -> signal names
    route: List[RouteAdvice]
    overgeslagen: int
    beantwoord: int
    kaart_melding: Optional[str] = None
    maskering: Dict[str, int] = field(default_factory=dict)
    steun_woorden: List[str] = field(default_factory=list)  # the caller's own (masked) words about support
    plaats: Optional[str] = None  # municipality code used for the sociale kaart
    veiligheid: str = ""  # were the safety questions asked? (a summary after an early 'rond af' says so)
    # the (masked) answers to the other questions (divorce, school, tried before, wish ...): [question, answer]
    antwoorden: List[List[str]] = field(default_factory=list)

    def to_payload(self) -> dict:
        data = asdict(self)
        return {"soort": "intake_samenvatting", **data}


def _kaart_search() -> Optional[Callable]:
    try:
        from bot.kaart.search import search  # lazy: the kaart is optional for the intake
    except Exception as exc:  # not built yet or broken: the summary still works
        log.warning("kaart search not available (%s)", type(exc).__name__)  # no text in logs
        return None
    return search


_THEME_QUOTE = re.compile(r" \('([^']*)'\)")
_TEXT_NAMES = re.compile(r"tekst noemt ((?:'[^']*'(?:, )?)+)")


def typed_quotes_only(waarom: str, told: Iterable[str]) -> str:
    """The kaart's reason for a service with only the quotes of words the caller typed (``told``). The summary searches
    the kaart with the route's own search words (``kaart_zoekterm``: "schulden schuldhulpverlening geld"), which the
    reason quotes as if they were said ("Past bij geld ('schulden')" for a caller who said "geen geld voor eten", a
    user test of session 24); a quote the caller did not type goes, the theme and the rest stay."""
    said = set(words(" ".join(told)))

    def typed(quote: str) -> bool:
        return bool(words(quote)) and all(word in said for word in words(quote))

    text = _THEME_QUOTE.sub(lambda match: match.group(0) if typed(match.group(1)) else "", waarom)

    def named(match) -> str:
        kept = [quote for quote in re.findall(r"'([^']*)'", match.group(1)) if typed(quote)]
        return "tekst noemt " + ", ".join(f"'{quote}'" for quote in kept) if kept else ""

    text = _TEXT_NAMES.sub(named, text)
    if text == waarom:
        return waarom
    parts = [part.strip() for part in text.rstrip(".").split(";") if part.strip()]
    if not parts:
        return ""
    joined = "; ".join(parts)
    return joined[0].upper() + joined[1:] + "."


def _services(
    advice: Advice, search: Callable, gemeente: Optional[str], leeftijd: Optional[int] = None,
    told: Iterable[str] = (),
) -> List[ServiceHint]:
    if not advice.kaart_zoekterm:
        return []
    extra = {"leeftijd": leeftijd} if leeftijd is not None else {}
    results = search(advice.kaart_zoekterm, gemeente=gemeente, limit=KAART_LIMIT, **extra)
    hints = []
    for hit in list(results)[:KAART_LIMIT]:
        get = (lambda k, h=hit: h.get(k, "")) if isinstance(hit, dict) else (lambda k, h=hit: getattr(h, k, "") or "")
        referrable = hit.get("verwijsbaar", True) if isinstance(hit, dict) else getattr(hit, "verwijsbaar", True)
        if referrable is False:
            continue  # a family intake points only at addresses a professional can refer to
        if get("naam"):
            hints.append(ServiceHint(str(get("naam")), str(get("organisatie")),
                                     typed_quotes_only(str(get("waarom")), told), str(get("bereikbaarheid"))))
    return hints


def build_summary(state: dict, knowledge, gemeente: Optional[str] = None, search: Optional[Callable] = None) -> Summary:
    """Make the summary from an intake state (answers there are already masked)."""
    signals = knowledge.entries.get("intake_signaal", {})
    rules = knowledge.all("intake_routeregel")
    hits = hits_heard(state, signals)
    answers: Dict[str, str] = state.get("answers", {})
    skipped = set(state.get("skipped", []))

    danger, kern = _kern_of_signals(hits, signals)
    steun: List[str] = []
    grouped: Dict[str, List[str]] = {}
    for hit in hits:
        signal = signals.get(hit.signal_id)
        if signal is None:
            continue
        if signal.steun and signal.steun not in steun:
            steun.append(signal.steun)
        if signal.soort in KIND_TITLES:
            names = grouped.setdefault(KIND_TITLES[signal.soort], [])
            if signal.naam not in names:
                names.append(signal.naam)

    filed: Dict[str, list] = state.get("filed") or {}
    kern_told = [text for text, _ in filed.get(KERN_KEY, [])]  # told at a safety question, belonging nowhere else
    own = own_kern({**answers, **({"": ". ".join(kern_told)} if kern_told else {})})
    kern = danger[:1] + own + [k for k in kern if not any(k[len("moeite met "):] in phrase for phrase in own)]

    aspects = {}
    for name, key in ASPECTS:
        pieces = ([answers[key]] if key in answers else []) + [text for text, _ in filed.get(key, [])]
        told = [piece for piece in pieces if not says_nothing(piece)]
        if told:
            aspects[name] = "; ".join(dict.fromkeys(told))
        elif pieces:  # "weet ik niet" to the question for a recent example tells nothing of the aard (a user test)
            aspects[name] = f"geen antwoord (de beller zei: '{pieces[0]}')"
        elif key in skipped:
            aspects[name] = "overgeslagen"
        else:
            aspects[name] = "niet gevraagd"

    intake = Intake(knowledge, state.get("plan") or DEFAULT_PLAN)
    texts = intake.told(state)  # the answers, what was told elsewhere and the places named on the way
    if gemeente is None:
        gemeente = place_of(texts)
    leeftijd = age_of(texts)
    finder = search if search is not None else _kaart_search()
    kaart_note = None if finder is not None else KAART_MISSING
    route = []
    for advice in advise(hits, rules, signals, own_service=state.get("beller_dienst")):
        services: List[ServiceHint] = []
        if finder is not None and advice.kaart_zoekterm:
            try:
                services = _services(advice, finder, gemeente, leeftijd, texts)
            except Exception as exc:
                log.warning("kaart search failed (%s)", type(exc).__name__)  # the error may quote typed words
                kaart_note = "Zoeken in de sociale kaart lukte nu niet; zoek zelf naar een passende dienst."
        route.append(RouteAdvice(advice.route, advice.titel, advice.reden, advice.grounds, services))

    shown = (KERN_KEY, NETWORK_KEY) + tuple(key for _, key in ASPECTS)
    return Summary(
        veiligheid=_safety_line(intake, state),
        antwoorden=[[question, answer] for question, answer in intake.other_answers(state, shown)],
        kern=kern,
        kern_woorden="; ".join(text for text in [without_opening(answers.get(KERN_KEY, ""))] + kern_told if text),
        aspecten=aspects,
        steun=steun,
        weinig_steun=any(h.soort == "weinig_steun" for h in hits),
        signalen=grouped,
        route=route,
        overgeslagen=len(skipped),
        beantwoord=len(answers),
        kaart_melding=kaart_note,
        maskering=dict(state.get("masked", {})),
        steun_woorden=[text for text, _ in filed.get(NETWORK_KEY, [])]
        + ([answers[NETWORK_KEY]] if NETWORK_KEY in answers and not says_nothing(answers[NETWORK_KEY]) else []),
        plaats=gemeente,
    )


MAX_QUOTE = 80


def _kern_of_signals(hits: List[Hit], signals: dict) -> Tuple[List[str], List[str]]:
    """The kern lines of the signals heard, the most serious first: (danger lines, 'moeite met ...' lines)."""
    danger: List[str] = []
    kern: List[str] = []
    for hit in sorted(hits, key=lambda hit: _kern_rank(signals.get(hit.signal_id))):
        signal = signals.get(hit.signal_id)
        if signal is None:
            continue
        if signal.soort == "gevaar" and DANGER_KERN.format(naam=signal.naam) not in danger:
            danger.append(DANGER_KERN.format(naam=signal.naam))
        if signal.moeite_met and f"moeite met {signal.moeite_met}" not in kern:
            kern.append(f"moeite met {signal.moeite_met}")
    return danger, kern


def _kern_rank(signal) -> tuple:
    """Sort key of a signal for the kern: dangers by level, then ``KERN_KINDS``, then the rest."""
    if signal is None:
        return (9, 0)
    if signal.soort == "gevaar":
        level = signal.niveau if signal.niveau in DANGER_LEVELS else DANGER_LEVELS[-1]
        return (0, DANGER_LEVELS.index(level))
    return (1 + KERN_KINDS.index(signal.soort), 0) if signal.soort in KERN_KINDS else (8, 0)


def _quote(answer: str) -> str:
    """A short quote of a (masked) answer: "('weet ik niet')"."""
    return f"('{deidentify.shorten(' '.join(deidentify.mask(answer).text.split()), MAX_QUOTE)}')"


def _safety_line(intake, state: dict) -> str:
    """'Veiligheid: ...': asked, or which safety questions were never asked, skipped or got no clear answer. Only a
    fully asked and answered set says 'uitgevraagd' (the web page shows every other line as a warning)."""
    never, skipped = intake.safety_not_answered(state)
    unclear = intake.safety_unclear(state)
    further = _to_ask_further(intake, state)
    if not never and not skipped and not unclear and not further:
        return "Veiligheid: uitgevraagd."
    parts = []
    if never:
        parts.append("niet gevraagd: " + " ".join(never))
    if skipped:
        parts.append("overgeslagen: " + " ".join(skipped))
    if unclear:
        parts.append("geen duidelijk antwoord op: " + "; ".join(f"{question} {_quote(answer)}"
                                                            for question, answer in unclear))
    if further:
        parts.append("nog uit te vragen: " + "; ".join(further))
    line = "Veiligheid: " + "; ".join(parts)  # the questions end in '?', a quote or a signal does not
    return line + (". " if unclear or further else " ") + "Vraag dit alsnog na."


def _to_ask_further(intake, state: dict) -> List[str]:
    """The signals heard that leave unclear what is going on (``doorvragen``, "dan weet ik niet wat ik doe"), each with
    the answer it was heard in: a safety set answered "nee" is not 'uitgevraagd' after a veiled threat (fifth user
    test)."""
    filed = [entry for entries in (state.get("filed") or {}).values() for entry in entries]
    found: List[str] = []
    for signal_id, _, _, key in state.get("hits", []):
        signal = intake.signals.get(signal_id)
        if signal is None or not signal.doorvragen:
            continue
        answer = state.get("answers", {}).get(key) or next((text for text, source in filed if source == key), "")
        item = f"{signal.naam} {_quote(answer)}" if answer else signal.naam
        if item not in found:
            found.append(item)
    return found


def own_kern(answers: Dict[str, str]) -> List[str]:
    """'moeite met ...' in the caller's own words: from the kern answer first, then from any answer."""
    ordered = [answers[KERN_KEY]] if KERN_KEY in answers else []
    ordered += [text for key, text in answers.items() if key != KERN_KEY]
    out: List[str] = []
    for text in ordered:
        for phrase in kern_from_words(text):
            if phrase not in out:
                out.append(phrase)
    return out[:3]


def format_summary(summary: Summary) -> str:  # noqa: C901 - one flat list of optional sections
    """The summary as Dutch text for the consultant."""
    lines = ["Samenvatting van de vraagverheldering", ""]
    if summary.kern:
        lines.append("Kern: " + "; ".join(summary.kern) + ".")
    else:
        lines.append("Kern: nog niet in 'moeite met ...' te vatten; vraag verder door naar de kern.")
    if summary.kern_woorden:
        lines.append(f"In de woorden van de beller: \"{summary.kern_woorden}\"")
    lines.append("")
    for name, value in summary.aspecten.items():
        lines.append(f"{name.capitalize()}: {value}")
    lines.append("")
    if summary.steun_woorden:
        lines.append("Steun in de woorden van de beller: " + "; ".join(f'"{w}"' for w in summary.steun_woorden))
    if summary.steun:
        lines.append("Steun: " + "; ".join(summary.steun) + ".")
    elif summary.weinig_steun:
        lines.append("Steun: de beller noemt weinig steun in het netwerk.")
    elif any(tells_support(words) for words in summary.steun_woorden):
        pass  # the caller's own words about who helps stand above: not "niet genoemd" (a user test of session 24)
    else:
        lines.append("Steun: (nog) niet genoemd; vraag naar familie, vrienden, school en vrije tijd.")
    if summary.weinig_steun and summary.steun:
        lines.append("Let op: de beller noemt ook dat er weinig steun is.")
    if summary.signalen:
        lines.append("Signalen:")
        for kind, names in summary.signalen.items():
            lines.append(f"- {kind}: {', '.join(names)}")
    else:
        lines.append("Signalen: geen bijzondere signalen gehoord.")
    if summary.veiligheid:
        lines.append(summary.veiligheid)
    if summary.antwoorden:
        lines.append("Verder vertelde de beller:")
        lines += [f"- {question} \"{answer}\"" for question, answer in summary.antwoorden]
    lines.append("")
    lines.append("Routeadvies:")
    for number, advice in enumerate(summary.route, start=1):
        lines.append(f"{number}. {advice.titel}")
        lines.append(f"   Waarom: {advice.reden}")
        if advice.op_grond_van:
            lines.append(f"   Op grond van: {', '.join(advice.op_grond_van)}.")
        for service in advice.diensten:
            where = f" ({service.organisatie})" if service.organisatie and service.organisatie != service.naam else ""
            lines.append(f"   Sociale kaart: {service.naam}{where}")
            if service.waarom:
                lines.append(f"      waarom: {service.waarom}")
            if service.bereikbaarheid:
                lines.append(f"      bereikbaar: {service.bereikbaarheid}")
    if summary.kaart_melding:
        lines.append(summary.kaart_melding)
    lines.append("")
    lines.append(f"Beantwoord: {counted(summary.beantwoord, 'vraag', 'vragen')}, overgeslagen: {summary.overgeslagen}.")
    note = deidentify.describe(summary.maskering)
    # what the masker counted, never a claim about the answers themselves (a user test: "Er stonden geen namen ..."
    # under a summary that held a child's name the masker had missed)
    lines.append(note or "Er is niets afgeschermd: ik herkende in de antwoorden geen namen, schoolnamen, nummers of "
                         "adressen.")
    return "\n".join(lines)


def store_summary(summary: Summary, conversation_id: Optional[str] = None) -> int:
    """Store the (already masked) summary as a record; returns its id."""
    payload = summary.to_payload()
    # answers were masked on arrival; mask again so nothing unmasked can slip into the store
    payload["kern_woorden"] = deidentify.mask(payload["kern_woorden"]).text
    payload["aspecten"] = {name: deidentify.mask(value).text for name, value in payload["aspecten"].items()}
    payload["antwoorden"] = [[question, deidentify.mask(answer).text] for question, answer in payload["antwoorden"]]
    title = summary.kern[0] if summary.kern else "vraagverheldering"
    return add_record(RECORD_KIND, payload, conversation_id=conversation_id, title=title, status=status.SAVED)
