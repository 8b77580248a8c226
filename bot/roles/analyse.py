"""Analyse one sentence: which drama- or winner's-triangle role speaks, how sure, and why.

``analyse_role(text)`` combines the classifier (``bot.roles.classifier``) with the explainable
signals (``bot.roles.signals``). Short, non-Dutch or ambiguous input gets the role
``GEEN_ROL`` with a Dutch reason rather than a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional, Tuple

from bot.knowledge.loader import get_knowledge
from bot.language import says_something, words
from bot.roles import classifier as role_classifier
from bot.roles.language import MIN_WORDS, unusable_reason
from bot.roles.models import NEUTRAL
from bot.roles.signals import SignalHit, find_signals, role_tokens, signal_counts
from bot.text import spoken_pauses
from bot.textclass import segments
from bot.wording import certainty_text, join_list

GEEN_ROL = "geen duidelijke rol"
MIN_CONFIDENCE = 0.30  # below this no role is named (coverage/precision table of `rustpunt evalueer rollen`)
MIN_CONFIDENCE_NO_SIGNALS = 0.50  # without any explainable signal the classifier must be surer
MIN_MARGIN = 0.03  # the best role must beat the second by this much
# one sentence of a longer turn speaks for the turn only with a signal of its own or this sure a read: a weak read of
# one plain sentence ("We hebben om half vier afgesproken bij de McDonald's") is no role of the whole turn
MIN_PART_NO_SIGNALS = 0.70
# a turn that as a whole names no role (plain facts, an answer, logistics, or no role sure enough) gets a role from one
# of its sentences without a signal of its own only this sure: one short clause ("en toen was het weer stil") in a
# factual story is no role of the turn (chosen on the conversation turns: 0.85-0.95 measure the same)
MIN_PART_IN_PLAIN_TURN = 0.90
# a sentence of a longer turn this short speaks for the turn only with a signal of its own: a short offer, question or
# remark ("Wil je koffie?", "Kan ik nu gaan?", "Isa wacht buiten.") read as a role by its few words is no role of the
# turn; the turn as a whole still reads those words (chosen on the conversation turns: 6 to 8 measure about the same,
# 6 keeps a very sure sentence of six words speaking for a plain turn: "Het was wel een lange dag.")
MIN_PART_WORDS_NO_SIGNALS = 6
# a turn read as a whole as a clear role this sure keeps that role against a different role read in one of its
# sentences without a signal of its own (a child who is sad and thinks it is their fault, with "ik wil dat ze
# ophouden" in between: Kwetsbaar as a whole, not Assertief by that one sentence; 0.5-0.6 measure the same)
MIN_WHOLE_KEPT = 0.60
WORD_CHOICE = "woordkeus die bij deze rol past"
WORD_CHOICE_ID = "woordkeus"  # the signal id of a word-choice hit
AT_THE_PROFESSIONAL = "aanklager-tegen-hulpverlener"  # the signal of a reproach at the professional
ENDS_IN_REPROACH = "De beurt eindigt met een verwijt aan jou ({naam}): reageer daar eerst op."


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
    eigen: bool = False  # the professional's own sentence: the advice is to step over, not how to answer it

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
             "citaat": self.citaat, "rolwissel": self.rolwissel, "eigen": self.eigen,
             "zekerheid_tekst": certainty_text(self.zekerheid) if self.clear else None}
        )
        return payload


def _role(role_id: str):
    return get_knowledge().get("rol", role_id)


def _word_choice_hits(text: str, tokens, features: List[str], role_id: str) -> List[SignalHit]:
    """Quote the sentence words behind the classifier's strongest features (lemma n-grams)."""
    wanted = {part for feature in features for part in feature.split()}
    hits = []
    for token in tokens:
        if not says_something(token.text) or not says_something(token.lemma):  # "heb", "gewoon", "vader": no evidence
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


def own_alternative(role_id: str) -> Optional[Dict[str, Any]]:
    """For the professional's own sentence: the winner's form to step over to (Redder -> Ondersteuner; a winner's role
    or the Omstander: the role itself), how that role works (its explanation and signs), and an example: the answer
    from that role to someone whose role invites the own one ("Ik kan het niet voor je oplossen, maar ik denk graag
    met je mee" to a Slachtoffer, for a Redder), when the knowledge has one."""
    role = _role(role_id)
    if role is None:
        return None
    target = _role(role.tegenhanger) if role.driehoek == "drama" and role.tegenhanger else role
    if target is None:
        return None
    inviter = next((other for other in get_knowledge().all("rol") if role.id in other.nodigt_uit
                    and other.antwoord_vanuit == target.id and other.driehoek == "drama"), None)
    return {
        "rol": target.id,
        "naam": target.naam,
        "antwoordstijl": " ".join(target.uitleg.split()),
        "voorbeeld": " ".join(inviter.voorbeeldantwoord.split()) if inviter else None,
        "tegen": inviter.naam if inviter else None,
        "kenmerken": list(target.kenmerken),
        "eigen": True,
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


_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+[-–]\s+")
_QUOTE_MARKS = "\"'‘’“”„«»`"


def normalised(text: Optional[str]) -> str:
    """The sentence as it is analysed, the same wherever it comes from (the chat's "welke rol is dit: '...'", the CLI,
    a role-play turn): without surrounding spaces and the quote marks around it."""
    clean = (text or "").strip()
    while len(clean) > 1 and clean[0] in _QUOTE_MARKS and clean[-1] in _QUOTE_MARKS:
        clean = clean[1:-1].strip()
    return clean


def _pieces(text: str, found: Dict[Tuple[int, int], Tuple[list, List[SignalHit]]]) -> List[Tuple[int, int]]:
    """The spans read one by one: the sentences, and the clauses of a sentence whose signals show two roles ("ik heb
    echt alles geprobeerd, maar als hij zo doet dan zie je ze niet meer": a shift inside one sentence). A clause of
    fewer than three words stays with the next one (the last one with the one before it). ``found`` keeps the tokens
    and signals of each sentence read here, for the reading of the turn."""
    spans: List[Tuple[int, int]] = []
    for begin, end in segments(text):
        tokens = role_tokens(text[begin:end])
        hits = find_signals(text[begin:end], tokens)
        if len({hit.rol for hit in hits}) < 2:
            found[(begin, end)] = (tokens, hits)
            spans.append((begin, end))
            continue
        start = begin
        for match in _CLAUSE_BREAK.finditer(text, begin, end):
            if len(words(text[start:match.start()])) >= MIN_WORDS:
                spans.append((start, match.start()))
                start = match.end()
        if start > begin and len(words(text[start:end])) < MIN_WORDS:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def analyse_role(text: Optional[str], classifier=None, own: bool = False) -> RoleAnalysis:
    """Analyse one sentence or a longer turn (see module docstring). ``classifier`` defaults to the
    product model; the evaluation passes the one trained on the training split only. ``own``: the sentence is the
    professional's own (``bot.roles.request``): the advice is to step over to the winner's form of the role.

    A turn of several sentences is read as a whole and sentence by sentence (a sentence with signals of two roles
    clause by clause); the most certain clear reading wins, and when it comes from one sentence the sentences of that
    role are quoted (``citaat``) and the signals shown are the ones in them. A sentence speaks for the turn only with a
    signal of its own or from ``MIN_PART_NO_SIGNALS`` (from ``MIN_PART_IN_PLAIN_TURN`` when the turn as a whole names no
    role), without one only when it has ``MIN_PART_WORDS_NO_SIGNALS`` words and no specific signal of another role
    (``_other_evidence``), and the turn's clear reading as a whole from ``MIN_WHOLE_KEPT`` stands against another role
    of a sentence without a signal of its own. When sentences with a signal of their own (and the quoted one)
    show different roles ("ik weet het niet meer ... hij is gewoon een egoïst"), ``rolwissel`` names each role with its
    sentence, in the order of the turn, and the signals of each of those roles show; the turn's reading as a whole then
    names the role when it is one of them. A role without any signal in the sentence loses to a role with one that
    still scores ``MIN_CONFIDENCE`` (``_explained_role``). A sentence that quotes another person ("Zij schreeuwt: jij
    bent altijd moe", ``_OTHERS_WORDS``) is left out of the reading: those words are not the speaker's role."""
    clean = normalised(text)
    reason = unusable_reason(clean)
    if reason:
        return RoleAnalysis(zin=clean[:200], rol=GEEN_ROL, zekerheid=0.0, reden=reason)
    classifier = classifier or role_classifier.get_classifier()
    reading = spoken_pauses(clean)  # "Ik ben... gaan huilen." is one sentence; the same length: quotes come from clean
    whole = _analyse_one(reading, classifier)
    whole.zin = clean
    found: Dict[Tuple[int, int], Tuple[list, List[SignalHit]]] = {}
    spans = _pieces(reading, found)
    if len(spans) <= 1:
        return _as_own(whole) if own else whole
    whole, spans = _without_quotes(reading, spans, whole, classifier)
    reads: List[Tuple[int, int, RoleAnalysis]] = []  # the sentences that carry a role, with their reading
    part_hits: List[SignalHit] = []  # the signals of every sentence, offsets in the turn
    signalled: Dict[Tuple[int, int], set] = {}  # the roles each sentence has a signal of
    for begin, end in spans:
        part = reading[begin:end]
        if unusable_reason(part):
            continue
        tokens, hits = found.get((begin, end)) or (role_tokens(part), None)
        hits = find_signals(part, tokens) if hits is None else hits
        result = _analyse_one(part, classifier, tokens, hits)
        part_hits += [replace(hit, begin=hit.begin + begin, einde=hit.einde + begin) for hit in hits]
        signalled[(begin, end)] = {hit.rol for hit in hits}
        if not _speaks_for_turn(result, part, hits, whole):
            continue
        result.signalen = [replace(hit, begin=hit.begin + begin, einde=hit.einde + begin) for hit in result.signalen]
        reads.append((begin, end, result))
    best_read = max(reads, key=lambda read: read[2].zekerheid, default=None)
    if best_read is None or (whole.clear and (whole.zekerheid >= best_read[2].zekerheid
                                              or _whole_kept(whole, best_read[2]))):
        if not whole.clear:
            return whole
        best, spoken = whole, [(0, len(clean), whole)]
    else:  # the sentences of the role: read as it with a signal of their own, or with a signal of it at all
        best = best_read[2]
        spoken = [(b, e, best) for b, e in signalled if (b, e) == best_read[:2] or best.rol in signalled[(b, e)]]
    shifts: List[List[Tuple[int, int, RoleAnalysis]]] = []  # the role sentences, consecutive ones of a role together
    for read in reads:
        if _has_signal(read[2]) or read is best_read:
            if shifts and shifts[-1][-1][2].rol == read[2].rol:
                shifts[-1].append(read)
            else:
                shifts.append([read])
    shift_roles = {shift[0][2].rol for shift in shifts}
    if len(shift_roles) > 1 and best is not whole and whole.clear and whole.rol in shift_roles:
        best, spoken = whole, [(0, len(clean), whole)]  # the turn as a whole names the role; the shift shows the parts
    shown = list(spoken)
    if len(shift_roles) > 1:
        best.rolwissel = [{"rol": shift[0][2].rol, "naam": shift[0][2].naam,
                           "citaat": " … ".join(clean[b:e] for b, e, _ in shift)} for shift in shifts]
        shown += [read for shift in shifts for read in shift]
        if not own:
            _answer_the_reproach(best, shifts[-1], part_hits)
    if best is not whole:
        best.zin = clean
        best.citaat = None if len(spoken) == len(spans) else " … ".join(clean[b:e] for b, e, _ in spoken)
    signals = sorted({hit for hit in part_hits + best.signalen if hit.signaal_id != WORD_CHOICE_ID
                      and any(b <= hit.begin < e and r.rol == hit.rol for b, e, r in shown)},
                     key=lambda hit: (hit.begin, hit.einde))
    best.signalen = signals or [hit for hit in best.signalen if hit.signaal_id == WORD_CHOICE_ID][:4]
    return _as_own(best) if own else best


# A sentence that quotes what another person said or sent ("Zij schreeuwt: bij papa is leuker, jij bent altijd moe."):
# the words are that person's, not the speaker's role. Not when the speaker is the subject before it ("Ik kan tegen
# mijn moeder zeggen: ...": the speaker's own words)
_REPORTING = ("zegt|zei|zeggen|zeiden|schreeuwt|schreeuwde|schreeuwen|roept|riep|stuurt|stuurde|appt|appte|schrijft|"
              "schreef|antwoordt|antwoordde|vraagt|vroeg|gilt|gilde|snauwt|snauwde|belt|belde")
_OTHERS_WORDS = re.compile(
    r"\W*(?:(?!(?:[Ii]k|[Ww]e|[Ww]ij)\b)[\w']+,?\s+){0,6}?(?!(?:[Ii]k|[Jj]ij|[Jj]e|[Uu]|[Ww]e|[Ww]ij)\b)"
    r"(?:zij|hij|ze|die|[A-Z][a-zë]+|(?:[Mm]ijn|[Mm]n|[Mm]'n|[Zz]ijn|[Hh]aar|[Dd]e|[Oo]nze) \w+)\s+(?:[\w']+\s+)?"
    r"(?:" + _REPORTING + r")\b[^:.!?]{0,40}:\s")


def _without_quotes(reading: str, spans: List[Tuple[int, int]], whole: RoleAnalysis,
                    classifier) -> Tuple[RoleAnalysis, List[Tuple[int, int]]]:
    """The turn's reading as a whole and its sentences without the sentences that quote another person
    (``_OTHERS_WORDS``), when enough of the turn is left; else ``whole`` and ``spans`` as they are."""
    quoted = [(begin, end) for begin, end in spans if _OTHERS_WORDS.match(reading, begin, end)]
    rest = _without(reading, quoted)
    if not quoted or len(words(rest)) < MIN_WORDS:
        return whole, spans
    rest_read = _analyse_one(rest, classifier)
    rest_read.zin = whole.zin
    return rest_read, [span for span in spans if span not in quoted]


def _without(text: str, spans: List[Tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` made spaces: the same length, so offsets still quote ``text``."""
    for begin, end in spans:
        text = text[:begin] + " " * (end - begin) + text[end:]
    return text


def _answer_the_reproach(best: RoleAnalysis, last: List[Tuple[int, int, RoleAnalysis]], hits: List[SignalHit]) -> None:
    """A turn that shifts role and ends in a reproach at the professional (the signal ``AT_THE_PROFESSIONAL`` in its
    last role's sentences: "... maar jullie van het buurtteam doen ook helemaal niks"): the advice answers that
    reproach, whatever role the turn names as a whole; the professional is addressed last and answers that first (a
    user test, session 23: a Slachtoffer's advice for a turn that ended in an accusation at the team)."""
    role = last[0][2]
    if role.rol == best.rol or not any(hit.signaal_id == AT_THE_PROFESSIONAL and hit.rol == role.rol
                                       and any(b <= hit.begin < e for b, e, _ in last) for hit in hits):
        return
    answer = alternative(role.rol)
    if answer is None:
        return
    best.alternatief = {**answer, "aanleiding": ENDS_IN_REPROACH.format(naam=role.naam)}
    best.hulpmiddel = tool(role.rol)


def _as_own(result: RoleAnalysis) -> RoleAnalysis:
    """The analysis of the professional's own sentence: the advice is the winner's form of the role to step over to
    (``own_alternative``), not how to answer someone in that role."""
    result.eigen = True
    if result.clear:
        result.alternatief = own_alternative(result.rol)
    return result


def _speaks_for_turn(result: RoleAnalysis, part: str, hits: List[SignalHit], whole: RoleAnalysis) -> bool:
    """One sentence's clear read speaks for the turn: with a signal of its own, or without one from
    ``_part_threshold``, with ``MIN_PART_WORDS_NO_SIGNALS`` words ("Wil je koffie?" alone names no role of a long turn)
    and no specific signal of another role in it (``_other_evidence``)."""
    if not result.clear:
        return False
    if _has_signal(result):
        return True
    return (result.zekerheid >= _part_threshold(whole) and len(words(part)) >= MIN_PART_WORDS_NO_SIGNALS
            and not _other_evidence(hits))


def _part_threshold(whole: RoleAnalysis) -> float:
    """How sure a sentence without a signal of its own must be to speak for the turn: surer when the turn as a whole
    names no role (``MIN_PART_IN_PLAIN_TURN``)."""
    return MIN_PART_NO_SIGNALS if whole.clear else MIN_PART_IN_PLAIN_TURN


def _whole_kept(whole: RoleAnalysis, part: RoleAnalysis) -> bool:
    """The turn's clear reading as a whole stands against a different role of one sentence that has no signal of its
    own (``MIN_WHOLE_KEPT``)."""
    return whole.zekerheid >= MIN_WHOLE_KEPT and part.rol != whole.rol and not _has_signal(part)


MIN_EVIDENCE_WORDS = 2  # a signal quoting this many words or more is specific evidence ("ik wil gewoon gezien")


def _other_evidence(hits: List[SignalHit]) -> bool:
    """A sentence read as a role without a signal of that role has a specific signal (``MIN_EVIDENCE_WORDS``) of
    another role: its read contradicts its own explainable evidence, so that sentence does not speak for the turn ("Ik
    wil gewoon gezien worden": Assertief by the words, Kwetsbaar by its signal). A one-word hit ("afspreken") is too
    weak to say so."""
    return any(len(hit.woorden.split()) >= MIN_EVIDENCE_WORDS for hit in hits)


def _has_signal(result: RoleAnalysis) -> bool:
    """The read rests on an explainable signal of its role (``knowledge/rollen/signalen.yml``), not only word choice."""
    return any(hit.signaal_id != WORD_CHOICE_ID for hit in result.signalen)


def _explained_role(best: str, scores: Dict[str, float], hits: List[SignalHit]) -> Optional[str]:
    """The role to name instead of ``best`` when the classifier's best role has no signal in the sentence and another
    role has one and scores at least ``MIN_CONFIDENCE``: the hand-written, explainable evidence wins over a read the
    answer could not explain ("jij zit daar maar een beetje te knikken": Omstander by the words, a reproach to the
    professional by its signal). None otherwise."""
    with_signal = {hit.rol for hit in hits}
    if best == NEUTRAL or not with_signal or best in with_signal:
        return None
    role = max(with_signal, key=lambda r: scores.get(r, 0.0))
    return role if scores.get(role, 0.0) >= MIN_CONFIDENCE else None


def _signal_decides(best: str, second: str, hits: List[SignalHit]) -> bool:
    """The best role has a signal in the sentence and the runner-up has none: the signal settles a close call, as it
    does when the role with the signal comes second (``_explained_role``); "Ik hoop dat jullie dit voor mij gaan
    oplossen" (Slachtoffer by its signal, Aanklager by the words, a hair apart) is no doubt between the two."""
    with_signal = {hit.rol for hit in hits}
    return best != NEUTRAL and best in with_signal and second not in with_signal


def _analyse_one(clean: str, classifier, tokens=None, hits: Optional[List[SignalHit]] = None) -> RoleAnalysis:
    tokens = role_tokens(clean) if tokens is None else tokens
    hits = find_signals(clean, tokens) if hits is None else hits
    prediction = role_classifier.read(classifier, clean, n_features=6)
    scores = role_classifier.combine(prediction.probabilities, signal_counts(hits))
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, confidence), (second, second_score) = ranked[0], ranked[1]
    rounded = {role: round(score, 3) for role, score in ranked if role != NEUTRAL}
    threshold = MIN_CONFIDENCE if hits else MIN_CONFIDENCE_NO_SIGNALS
    explained = _explained_role(best, scores, hits)
    if explained is not None:  # an explainable signal outweighs a read without one ("jij zit daar maar te knikken")
        best, confidence, second_score = explained, scores[explained], 0.0
    elif _signal_decides(best, second, hits):  # the same evidence when the role with the signal is the best already
        second_score = 0.0
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
