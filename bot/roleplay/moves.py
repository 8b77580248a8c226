"""Classify a professional's turn into a role-play move.

Three sources, all explainable:
1. a cue lexicon from the ``rollenspel_zet`` knowledge (``signalen``), used for ``oordelen``
   (judging, lecturing, also "jullie moeten ..."), which the step classifier does not know, and for advice
   that takes the problem over (``redden``: "ik stel voor dat jullie ...", "mijn advies is", "als ik jou was");
2. the step classifier (``bot.steps.classifier.classify_step``), injected so tests can replace it.
   Its label ``geen`` and any label below ``min_confidence`` become ``onduidelijk``; a turn of only clear small talk
   or fillers ("hallo, u spreekt met Anouk", "hmm") is marked ``Move.small_talk`` and the engine counts no turn;
3. the learned judgement read (``bot.roleplay.learned_judgement``) for a sentence without a cue phrase that is no
   clear step: a soft lecture or kind judgement ("dat was achteraf niet zo handig, dat voel je zelf ook wel") is an
   uncertain ``oordelen`` read (``UNSURE_CUE``), forgiven once per session. Not in clear small talk, an open question
   ("Hoe slaapt u de laatste tijd?", also typed without its question mark: "waar denkt u zelf aan") or a pluperfect
   that gives back what the other did or hoped ("U had zich er de hele week op verheugd"): the model took those for
   lectures (user tests of sessions 19 and 22).

A judging cue wins over a step label, except over ``redden`` (a fix that starts with "je moet"
is still a fix) unless the sentence tells the other how to behave ("u moet gewoon even rustig blijven": a lecture,
``bot.steps.classifier.tells_how_to_behave``) or says after "maar" what the other must do ("ik snap het, maar je moet
hem wel een kans geven",
the "ja, maar" of ``bot.steps.classifier.is_yes_but``); both are pitfalls and the debrief quotes them. A cue is read
per sentence and is always a sure read
(``SURE_CUE``), also where the step classifier reads its sentence as a clear step: "je kunt hem toch niet zomaar laten
zitten" reads as realiteit 0.92, and forgiving it let a lecture pass unnoticed (session 19, two user tests; on all 40
practice path sets the change was even: one good path more, one less). A step read only in a sentence that carries a
cue is no move of the turn (``steps_in_cued_sentences``). What is no judgement: "moet ... zijn" about how someone feels,
"je moet" inside an indirect question or a condition ("weet niet waar je moet kijken", "ook als je moet huilen"), a cue
in a clause that reports a feeling or someone's words ("het gevoel dat je moet bewijzen ...", "hij schrijft dat u
overdrijft"), "... niet maken dat ..." (what nobody can bring about), and "ik stel voor dat jullie" in a proposal for
how the meeting goes on.

Session 22: a lecture about the method or about research (``bot.steps.classifier.lecture_feature``: "we werken hier
met zes stappen", "uit onderzoek weten we dat ...") is a judging cue of the lexicon (with that feature as its signal),
also over the step reader's redden; and with the context, a "u moet ..." that gives the persona's own "moeten" back
("u moet bewijzen dat u een goede moeder bent, steeds weer" after "steeds te moeten bewijzen dat ik een goede moeder
ben") in a turn that asks what it does to them ("wat doet dat met u") is no lecture but erkennen (``_echoed_must``).

Session 22, second round: moralising about the other's plan or the children ("dat is echt geen goed plan hoor", "die
hebben hier niet om gevraagd": ``is_lecture`` too) is such a lecture, with its own signal; an inhoud cue ("daar heeft u
helemaal gelijk in") beside granting the other their own decision ("u beslist het zelf",
``bot.steps.classifier.grants_autonomy``) is no siding; the cue phrases and the learned judgement read the tag "hè"
however it is typed (``bot.text.spoken_tags``).

Session 23: a bare listening sound ("ja", "ok", "pfoe": ``context_rules.answer_kinds.is_listening_sound``) names
nothing, so it is marked ``LISTENING`` (no turn) where the context would read it as erkennen and where it is unclear;
a greeting or the offer of a drink gets no step from the context (``_greets``); a turn whose every sentence carries a
cue has no step beside the cue's move, also none the context read in (``steps_in_cued_sentences``).

Session 26 (set 46, a sure pitfall hidden in a long warm turn): an uncertain cue (the learned judgement read) never
hides a sure pitfall sentence the step classifier flagged in the same turn (``_sure_pitfall``, at least the engine's
``UNSURE``): that pitfall is the turn's move, so the engine's forgiveness of one doubtful read does not swallow it; the
doubtful judgement stays among the turn's moves.

Session 29 (set 49, subtle pitfalls in the last sentence of a warm turn): an accusing why-question ("waarom heb je dat
dan niet eerder verteld?", ``bot.steps.classifier.ACCUSING_WHY``) is a judging read of the lexicon, like a lecture, but
it does not win over the step reader's redden ("waarom belt u hem niet gewoon?" is advice dressed as a question); siding
with one parent ("ik ben het wel met mama eens") is an inhoud cue phrase, and promising an outcome, explaining the
child's feelings for the child and the trainee's own story are pitfall forms (``knowledge/stappen/valkuil_vormen.yml``).
"""
from __future__ import annotations

import re
from typing import Callable, Dict, Iterable, List, Optional, Set, Tuple

from bot import lemmas
from bot.knowledge.loader import get_knowledge
from bot.patterns import Pattern, Token, compile_pattern, find_all, may_match, words_of
from bot.roleplay import context as conversation_context
from bot.roleplay.context_rules.answer_kinds import is_listening_sound
from bot.roleplay.engine import FILLERS, GREETING, LISTENING, UNSURE, Move
from bot.roleplay.models import JUDGEMENT, PITFALLS, STEPS, UNCLEAR
from bot.text import spoken_tags

StepClassifier = Callable[[str], object]

# step-classifier labels that are moves as they are
_DIRECT = set(STEPS) | {"inhoud", "redden"}
_OTHER_PITFALLS = _DIRECT - set(STEPS)  # the pitfalls the step classifier reads itself
SURE_CUE = 0.9
LEARNED_JUDGEMENT = "klinkt als een oordeel of de les lezen"  # the signal of a learned judgement read
UNSURE_CUE = 0.45  # below the engine's UNSURE: the learned judgement read (always uncertain, forgiven once)
CLEAR_STEP = 0.6
# "je moet wel moe zijn", "dat moet zwaar voor u zijn": a guess about a feeling, not an instruction
_FEELING = (
    r"(?:\w*moe|zwaar|pijnlijk|lastig|vreselijk|frustrerend|eng|verdrietig|heftig|uitputtend|rot|naar|moeilijk"
    r"|afschuwelijk|machteloos|eenzaam|onzeker|bang|boos)"
)
_EPISTEMIC = re.compile(
    rf"\bmoet\b(?:\s+\w+){{0,3}}?\s+{_FEELING}\b(?:\s+\w+){{0,3}}?\s+(?:zijn|wezen|geweest)\b", re.IGNORECASE
)


# "... weet niet waar je moet kijken", "snapt niet wat je moet doen", "ook als je moet huilen": "je moet" inside an
# indirect question or a condition describes someone's doubt or situation; it is no instruction.
_QUESTION_WORDS = frozenset("waar wat hoe wanneer welke welk wie of als".split())
# "het gevoel hebt dat je moet bewijzen ...", "vader stuurt terug dat u overdrijft": a cue inside a clause that
# gives back what the other feels or what someone else says is a reflection, no judgement of the professional's own
# ("ik vind dat je overdrijft" is one: "vind" is not among these words).
_REPORTING_WORDS = frozenset(
    "idee gevoel indruk angst zegt zei zeggen schrijft schreef stuurt stuurde appt appte roept riep beweert beweerde "
    "vindt vond denkt dacht verwijt verweet terug".split())
_REPORT_REACH = 3  # how many words before "dat" the reporting word may stand


# "u moet gewoon even rustig blijven", "je moet normaal doen", "jullie moeten ophouden met schreeuwen": an instruction
# about how the other behaves is a lecture (oordelen), also where the step classifier reads it as a fix (redden 0.97:
# "rustig"); the persona then answered as to a fix ("Kun jij het niet gewoon regelen?", a user test). The behaviour
# words are the step reader's (``bot.steps.classifier.tells_how_to_behave``), which reads such a lecture as redden.
def _tells_how_to_behave(sentence: str) -> bool:
    from bot.steps.classifier import tells_how_to_behave  # lazy, like the step classifier itself

    return tells_how_to_behave(sentence)


def _yes_but(sentence: str) -> bool:
    """After "maar", what the one addressed must do (``bot.steps.classifier.is_yes_but``: "ik snap dat u boos bent, maar
    u moet haar ook niet zo achter de vodden zitten"): the "maar" takes the acknowledgement back and lectures, so the
    judging cue wins also over the step reader's redden."""
    from bot.steps.classifier import is_yes_but  # lazy, like the step classifier itself

    return is_yes_but(sentence)


def _lectures_on(sentence: str) -> Optional[str]:
    """A lecture about the method or about research ("we werken hier met zes stappen", "uit onderzoek weten we dat
    ...") or moralising about the other's plan or the children ("dat is echt geen goed plan hoor", "die hebben hier
    niet om gevraagd"): a judging read (de les lezen), also over the step reader's redden. The lecture's signal
    (``bot.steps.classifier.lecture_feature``), None without one."""
    from bot.steps.classifier import lecture_feature  # lazy, like the step classifier itself

    return lecture_feature(sentence)


def _lectured_here(sentence: str, features: List[str]) -> bool:
    """The sentence lectures (``_lectures_on``), so a judging cue wins over the step reader's redden; an accusing why
    only where the step reader's redden came from that why itself (its feature among the turn's ``features``): advice
    dressed as a why ("waarom belt u hem niet gewoon?", read as redden by the model) stays redden."""
    from bot.steps.classifier import ACCUSING_WHY  # lazy, like the step classifier itself

    feature = _lectures_on(sentence)
    return feature is not None and (feature != ACCUSING_WHY or ACCUSING_WHY in features)


def _grants_autonomy(sentence: str) -> bool:
    """The sentence grants the other their own decision (``bot.steps.classifier.grants_autonomy``: "nee, u beslist het
    zelf, daar heeft u (helemaal) gelijk in"): erkennen, so "daar heeft u helemaal gelijk in" beside it is no inhoud
    cue."""
    from bot.steps.classifier import grants_autonomy  # lazy, like the step classifier itself

    return grants_autonomy(sentence)


def _declines_to_take_over(sentence: str) -> bool:
    """The sentence says the professional will not take the problem over (``bot.steps.classifier.
    declines_to_take_over``: "ik regel het niet voor u", "dat regel ik niet voor je"): no cue of redden (session 26)."""
    from bot.steps.classifier import declines_to_take_over  # lazy, like the step classifier itself

    return declines_to_take_over(sentence)


# The persona's own "moeten" given back ("u moet bewijzen dat u een goede moeder bent, steeds weer" after "Het is zo
# vermoeiend om steeds te moeten bewijzen dat ik een goede moeder ben."), with a question about what it does to them:
# erkennen, no lecture (session 22). Only when the line itself says "moet"/"moeten" and the sentence's other words with
# a topic come from the line.
_ECHO_SHARE = 0.75  # the share of the sentence's topical words that must come from the persona's line
_MUST = frozenset("moet moeten moest moesten".split())
_FEELING_QUESTION = re.compile(
    r"\b(?:wat doet (?:dat|dit|het) (?:\w+ )?met (?:u|je|jou|jullie)|hoe (?:is|was|voelt) (?:dat|dit|het)"
    r"(?: (?:voor|bij) (?:u|je|jou|jullie))?|hoe voel(?:t)? (?:u|je|jij) (?:zich|je)|wat voel(?:t)? (?:u|je|jij))\b",
    re.IGNORECASE)


def _repeats_the_line(sentence: str, line: str) -> bool:
    """The sentence gives the persona's own "moeten" back: the line says it, and most words with a topic of the
    sentence (``_ECHO_SHARE``, at least two) come from the line."""
    from bot.roleplay.context_rules.words import NO_TOPIC, WORD, same_family

    echo = {w.lower() for w in WORD.findall(line or "")}
    if not echo & _MUST:
        return False
    topical = [w.lower() for w in WORD.findall(sentence) if w.lower() not in NO_TOPIC and w.lower() not in _MUST]
    repeated = [w for w in topical if w in echo or same_family(w, echo)]
    return len(repeated) >= 2 and len(repeated) >= _ECHO_SHARE * len(topical)


def _echoed_must(text: str, cue_sentence: Optional[str], context) -> bool:
    """A judging cue in a sentence that only repeats the persona's own "moeten" (``_repeats_the_line``), in a turn that
    asks what it does to them (``_FEELING_QUESTION``)."""
    if context is None:
        return False
    return _repeats_the_line(cue_sentence or text, context.last_line) and bool(_FEELING_QUESTION.search(text))


def _not_an_instruction(tokens: List[Token], start: int, end: int, phrase: str) -> bool:
    """The cue phrase at ``tokens[start:end + 1]`` judges nobody: "je moet" inside an indirect question or a condition
    (``_QUESTION_WORDS``), a cue in a clause that reports a feeling or someone else's words (``_REPORTING_WORDS``
    before "dat"), or "... niet maken dat ..." that says what nobody can bring about ("zoals het nu is kun je niet
    maken dat ze terugkomt": a reality)."""
    before = tokens[start - 1].text if start > 0 else ""
    if " moet" in f" {phrase}" and before in _QUESTION_WORDS:
        return True
    if before == "dat" and any(t.text in _REPORTING_WORDS for t in tokens[max(0, start - 1 - _REPORT_REACH):start - 1]):
        return True
    return tokens[end].text == "maken" and end + 1 < len(tokens) and tokens[end + 1].text == "dat"


def _words(text: str) -> List[Token]:
    """Lower-case word tokens with offsets; cue phrases match words as they are (no lemmas)."""
    return [Token(word.lower(), word.lower(), start, end) for word, start, end in lemmas.tokens(text)]


class CueLexicon:
    """Cue phrases per move; ``match`` returns the move and the phrases found."""

    def __init__(self, cues: Dict[str, Iterable[str]]):
        self.patterns: List[Tuple[str, str, Pattern]] = [
            (move, phrase, compile_pattern(phrase)) for move, phrases in cues.items() for phrase in phrases
        ]
        self.moves = set(cues)

    @classmethod
    def from_knowledge(cls, knowledge=None) -> "CueLexicon":
        if knowledge is None:
            knowledge = get_knowledge()
        return cls({zet.id: list(zet.signalen) for zet in knowledge.all("rollenspel_zet") if zet.signalen})

    def match(self, text: str) -> Optional[Tuple[str, List[str]]]:
        found: Dict[str, List[str]] = {}
        spans: set = set()  # "u had ... moeten" and "u had ... ... moeten" on the same words count once
        text = spoken_tags(text)  # "niet ... slim ... hè" also when typed "he"
        tokens = _words(text)
        present = words_of(tokens)
        for move, phrase, pattern in self.patterns:
            if not may_match(present, pattern):  # most phrases cannot start anywhere in this sentence
                continue
            hits = [hit for hit in find_all(tokens, pattern) if not _not_an_instruction(tokens, hit[0], hit[1], phrase)]
            start = tokens[hits[0][0]].start if hits else 0
            if hits and not (" moet" in f" {phrase}" and _EPISTEMIC.search(text[start:])):
                if (move, hits[0]) in spans:
                    continue
                spans.add((move, hits[0]))
                found.setdefault(move, []).append(phrase)
        if not found:
            feature = _lectures_on(text) if JUDGEMENT in self.moves else None
            return (JUDGEMENT, [feature]) if feature else None  # "uit onderzoek weten we ...": de les lezen
        move = max(found, key=lambda m: len(found[m]))
        return move, found[move]


def _default_step_classifier() -> StepClassifier:
    from bot.steps.classifier import classify_step  # lazy: loads the trained recogniser only when a move is read

    return classify_step


class MoveClassifier:
    """Callable ``text -> Move`` for the engine; with ``use_context`` (default) the engine passes the
    persona's last line and the moves so far (``bot.roleplay.context``) and a close call between
    steps leans towards what the moment invites."""

    accepts_context = True

    def __init__(
        self,
        step_classifier: Optional[StepClassifier] = None,
        lexicon: Optional[CueLexicon] = None,
        min_confidence: float = 0.0,
        use_default: bool = True,
        use_context: bool = True,
        use_learned_judgement: Optional[bool] = None,
    ):
        default_steps = step_classifier is None and use_default
        if default_steps:
            step_classifier = _default_step_classifier()
        self.step_classifier = step_classifier
        self.lexicon = lexicon if lexicon is not None else CueLexicon.from_knowledge()
        self.min_confidence = min_confidence
        self.use_context = use_context
        # the learned judgement read uses the stored model: on by default with the default step classifier
        self.use_learned_judgement = default_steps if use_learned_judgement is None else use_learned_judgement

    def __call__(self, text: str, context: Optional[conversation_context.Context] = None) -> Move:
        return _pitfall_form(text, self._read(text, context))

    def _read(self, text: str, context: Optional[conversation_context.Context] = None) -> Move:
        label, confidence, features, result = None, 0.0, [], None
        if self.step_classifier is not None:
            result = self.step_classifier(text)
            label = getattr(result, "stap", None)
            confidence = float(getattr(result, "zekerheid", 0.0) or 0.0)
            features = list(getattr(result, "kenmerken", []) or [])
        all_moves = [m for m in (getattr(result, "stappen", None) or []) if m in _DIRECT]
        if context is not None and self.use_context and result is not None and not _greets(text, label):
            continued = conversation_context.follow_up(text, label, confidence, context)
            if continued:  # a short turn that continues the persona's last line
                label, confidence, all_moves = continued, conversation_context.FOLLOW_UP_CONFIDENCE, [continued]
                features = [f"vervolg: {conversation_context.REASONS[continued]}"]
                if continued == "erkennen" and is_listening_sound(text):  # "Pfoe.", "ja": listens, names nothing
                    return Move(zet=continued, zekerheid=confidence, signalen=features, stap_label=label,
                                zetten=[continued], small_talk=LISTENING)
            else:
                label, confidence, all_moves = self._in_context(result, label, confidence, all_moves, context)
                given_back = _gives_back(result, label, context)
                if given_back:
                    label, confidence, all_moves = given_back
        cue = self._cue(text, result)
        if cue and cue[0] == JUDGEMENT and self.use_context and _echoed_must(text, cue[3], context):
            cue = None  # "u moet bewijzen ..., steeds weer. wat doet dat met u" gives the persona's words back
            if label not in STEPS:
                label, confidence, all_moves = "erkennen", max(confidence, CLEAR_STEP), ["erkennen"]
        if cue and not (label == "redden" and cue[0] == "oordelen" and not _tells_how_to_behave(cue[3] or text)
                        and not _yes_but(cue[3] or text)
                        and not _lectured_here(cue[3] or text, features)):
            move, phrases, certainty, sentence = cue
            judged = self.steps_in_cued_sentences(result)
            sure = _sure_pitfall(result, all_moves) if certainty < UNSURE else None
            if sure is not None:  # a sure pitfall elsewhere in the turn leads: the doubt forgives no sure misstep
                several = len(getattr(result, "delen", None) or []) > 1
                return Move(zet=sure.stap, zekerheid=sure.zekerheid,
                            signalen=features if sure.stap == label else self._pitfall_signals(sure), stap_label=label,
                            zetten=[sure.stap, move] + [m for m in all_moves if m not in (sure.stap, move)
                                                        and m not in judged],
                            valkuilzin=sure.zin if several else None)
            if label == "redden" and move == JUDGEMENT:  # the lecture read as a fix: no fix beside it in that sentence
                judged |= {"redden"} - {part.stap for part in getattr(result, "delen", None) or []
                                        if sentence is not None and part.zin != sentence}
            return Move(zet=move, zekerheid=certainty, signalen=phrases, stap_label=label,
                        zetten=[move] + [m for m in all_moves if m != move and m not in judged], valkuilzin=sentence)
        if label in _DIRECT and confidence >= self.min_confidence:
            return Move(zet=label, zekerheid=confidence, signalen=features, stap_label=label, zetten=all_moves,
                        zelfcorrectie=_corrects_itself(result), valkuilzin=_pitfall_sentence(result, all_moves))
        return Move(zet=UNCLEAR, zekerheid=confidence, signalen=[], stap_label=label,
                    small_talk=_small_talk(text, result, label))

    def _pitfall_signals(self, part) -> List[str]:
        """What made ``part`` (a sure pitfall sentence that leads a turn read as something else) a pitfall, in the
        trainee's own words: its pitfall form's signal, else the features of that sentence read alone when it reads as
        the same pitfall, else the pitfall's cue words in it. The turn's own features belong to another read (a user
        test, session 27: the debrief's "Herkend aan" was empty for such a turn)."""
        if part.vorm is not None:
            return [part.vorm.kenmerk]
        from bot.steps.classifier import MAX_KENMERKEN, cue_matches, get_model, own_words

        alone = self.step_classifier(part.zin) if self.step_classifier is not None else None
        features = list(getattr(alone, "kenmerken", None) or [])
        if features and getattr(alone, "stap", None) == part.stap:
            return features
        cues = cue_matches(part.zin, part.stap)
        if not cues:  # only small words carried it ("Daar moet je je echt aan houden."): the phrases they make
            prediction = get_model().predict(part.zin, n_features=8)
            cues = [feature for feature in prediction.features if " " in feature] if prediction.label == part.stap \
                else []
        return own_words(cues, part.zin)[:MAX_KENMERKEN]

    @staticmethod
    def _in_context(result, label, confidence, all_moves, context):
        """Reweigh the main read's probabilities by the context (only between steps: a pitfall read
        stays a pitfall read, small talk stays small talk unless a step becomes the clear best)."""
        probabilities = dict(getattr(result, "kansen", None) or {})
        if not probabilities or (label not in STEPS and label != "geen"):
            return label, confidence, all_moves
        adjusted = conversation_context.reweigh(probabilities, context)
        best = max(adjusted, key=adjusted.get)
        if best not in STEPS:
            return label, confidence, all_moves
        if label == "geen":
            from bot.steps.classifier import CONFIDENCE_THRESHOLD

            if adjusted[best] < CONFIDENCE_THRESHOLD:
                return label, confidence, all_moves
            return best, adjusted[best], [best]
        moves = [best if m == label else m for m in all_moves] or [best]
        return best, adjusted[best], list(dict.fromkeys(moves))

    def _cue(self, text: str, result) -> Optional[Tuple[str, List[str], float, Optional[str]]]:
        """The cue move, its phrases, how sure the read is (per sentence of the turn) and the sentence that
        carried the cue (None when the turn is one sentence)."""
        parts = list(getattr(result, "delen", None) or [])
        if not parts:
            cue = self.lexicon.match(text)
            return (cue[0], cue[1], SURE_CUE, None) if cue else None
        best = None
        for part in parts:
            cue, certainty = self._part_cue(part)
            if cue and (best is None or certainty > best[2]):
                best = (cue[0], cue[1], certainty, part.zin if len(parts) > 1 else None)
        return best

    def _part_cue(self, part) -> Tuple[Optional[Tuple[str, List[str]]], float]:
        """The cue move and phrases of one sentence of a turn, and how sure that read is; (None, 0.0) without one."""
        if getattr(part, "zelfcorrectie", False):
            return None, 0.0  # "dat had ik niet zo moeten zeggen" takes back the professional's own words
        cue = self.lexicon.match(part.zin)
        if cue and cue[0] == "redden" and _proposes_the_meeting(part.zin):
            cue = None  # "ik stel voor dat jullie ieder apart een gesprek krijgen": how the meeting goes on
        if cue and cue[0] == "inhoud" and _grants_autonomy(part.zin):
            cue = None  # "u beslist het zelf, daar heeft u helemaal gelijk in": the decision is theirs
        if cue and cue[0] == "redden" and _declines_to_take_over(part.zin):
            cue = None  # "ik regel het niet voor u, dat doet u zelf": the problem stays with the other (session 26)
        clear_step = part.stap in STEPS and part.zekerheid >= CLEAR_STEP
        if not cue and not clear_step and self._judges(part):
            # a soft judgement or lecture the cue phrases miss: always an uncertain read
            return (JUDGEMENT, [LEARNED_JUDGEMENT]), UNSURE_CUE
        return cue, SURE_CUE if cue else 0.0

    def steps_in_cued_sentences(self, result) -> Set[str]:
        """The steps the step classifier read only in sentences that carry a cue (or a learned judgement): "U moet
        ook ophouden met al die berichten." reads as realiteit but names no reality, it lectures; such a step is no
        move of the turn (a user test: a lecture credited the step realiteit). A turn of one sentence: its step
        read. Steps of other sentences of the turn stay ("Wat heb je nodig? Misschien moet je hem gewoon een kans
        geven." asked about the need)."""
        parts = list(getattr(result, "delen", None) or [])
        cued = [self._part_cue(part)[0] is not None for part in parts]
        if parts and all(cued):  # every sentence carries a cue: no step beside it, also none the context read in
            return set(STEPS)    # ("U moet wel even rustig blijven." was "Oordelen + erkennen", a user test, s23)
        in_cued = {part.stap for part, cue in zip(parts, cued, strict=True) if cue}
        elsewhere = {part.stap for part, cue in zip(parts, cued, strict=True) if not cue}
        return {step for step in in_cued - elsewhere if step in STEPS}

    def _judges(self, part) -> bool:
        """The learned read (``bot.roleplay.learned_judgement``) finds a soft judgement or lecture in this sentence;
        never in a sentence the step classifier reads as the other pitfalls (advice stays ``redden``, going into the
        facts stays a sure ``inhoud``) or a short one ("Nee hè.")."""
        if not self.use_learned_judgement:
            return False
        from bot.roleplay.learned_judgement import MIN_WORDS, judgement
        from bot.steps.classifier import PITFALL_FLAG

        if (part.stap in _OTHER_PITFALLS and part.zekerheid >= PITFALL_FLAG) or len(part.zin.split()) < MIN_WORDS:
            return False
        if _clear_small_talk(part) or _open_question(part.zin) \
                or _plain_past(part.zin) or _names_what_happened(part.zin):
            return False
        return judgement(part.zin) is not None


def _greets(text: str, label: Optional[str]) -> bool:
    """A turn the step reader read as no step that only greets, welcomes or offers a drink ("Fijn dat je er bent, wil
    je thee of limonade?", ``bot.steps.classifier.is_greeting``): the context reads no step into it (the light question
    "wil je ...?" after the girl's wish became behoefte and her tension fell: a user test, session 23)."""
    from bot.steps.classifier import is_greeting  # lazy, like the step classifier itself

    return label in (None, "geen") and is_greeting(text)


def _gives_back(result, label: Optional[str], context: conversation_context.Context
                ) -> Optional[Tuple[str, float, List[str]]]:
    """A pitfall read (redden, inhoud) whose every sentence with that pitfall only gives the persona's own words
    back (``context_rules.answer_kinds.gives_back``: "een kaartje, zonder dat ze iets terug hoeft te doen. mooi. en
    wat nog meer?" after the persona named that option): those sentences are erkennen, and the turn's move is its best
    other step (else erkennen at ``FOLLOW_UP_CONFIDENCE``). Not when the line invites a pitfall (a request, a claim),
    and not an inhoud read that names the other party: repeating a claim about them ("Hij zet de kinderen tegen u
    op.") agrees with it."""
    from bot.roleplay.context_rules.answer_kinds import gives_back
    from bot.roleplay.context_rules.words import THE_OTHER
    from bot.steps.classifier import CONFIDENCE_THRESHOLD

    parts = list(getattr(result, "delen", None) or [])
    if label not in _OTHER_PITFALLS or not parts or conversation_context.invitation(context) in PITFALLS:
        return None
    pitfall_parts = [part for part in parts if part.stap == label]
    if not pitfall_parts or not all(gives_back(part.zin, context.last_line) for part in pitfall_parts):
        return None
    if label == "inhoud" and any(THE_OTHER.search(part.zin) for part in pitfall_parts):
        return None  # "Hij zet de kinderen tegen u op." after "Hij zet de kinderen tegen mij op!" agrees with the claim
    steps = [part for part in parts if part.stap in STEPS and part.zekerheid >= CONFIDENCE_THRESHOLD]
    if not steps:
        return "erkennen", conversation_context.FOLLOW_UP_CONFIDENCE, ["erkennen"]
    best = max(steps, key=lambda part: part.zekerheid)
    return best.stap, best.zekerheid, list(dict.fromkeys([best.stap, "erkennen"] + [part.stap for part in steps]))


def _pitfall_form(text: str, move: Move) -> Move:
    """A form of a pitfall in the turn (``bot.steps.pitfall_forms``: a child put in the middle of the parents) makes
    the turn that pitfall for sure, with the form's signal (the debrief shows the form's own warning), whatever the
    context or the cue phrases read; the turn's other moves stay."""
    from bot.steps.pitfall_forms import find_form  # the one check, shared with the step reader and the plan
    from bot.textclass import segments

    form = find_form(text)
    if form is None:
        return move
    several = len(segments(text)) > 1
    return Move(zet=form.valkuil, zekerheid=1.0, signalen=[form.kenmerk], stap_label=move.stap_label,
                zetten=[form.valkuil] + [m for m in move.zetten if m != form.valkuil],
                valkuilzin=form.zin if several else None)


_SMALL_TALK = "overig"  # the step classifier's label of a greeting, a check question, a filler (bot.steps.models.OTHER)


def _clear_small_talk(part) -> bool:
    """The step classifier read this sentence as small talk (a greeting, a check question, fillers), clearly."""
    return part.stap == _SMALL_TALK and part.zekerheid >= CLEAR_STEP
# Words that make a question rhetorical or a past a reproach: "hoe kun je dat nou doen?", "wat moet je toch ...?",
# "u had ... moeten", "dat had u kunnen weten", "je had het ... beter".
_LECTURING = frozenset("toch nou moeten moest kunnen kon mogen mocht beter".split())
_OPEN_QUESTION = re.compile(r"^\W*(?:(?:en|maar|dus|ja|oké|ok|nee|eh|bij|met|van|voor|naar|over|tegen|aan)\W+)*"
                            r"(?:wie|wat|hoe|waar|wanneer|welke|welk|hoeveel|hoelang)\b[^?]*\?\W*$", re.IGNORECASE)
# An open question typed without its question mark, as spoken Dutch is typed ("waar denkt u zelf aan", "wat heeft u
# nodig", "hoe gaat het nu met hem"): a question word, at most two words ("hoe vaak", "wat voor"), then the finite verb
# before its subject (the word order of a question). Not an exclamation ("wat een gedoe is het", "wat fijn dat je er
# bent": "een" and a conjunction never stand there), and not a sentence closed by "!" or "?". The learned judgement
# read took "waar denkt u zelf aan" after an options question for a lecture (0.61), while `rustpunt stap` read the
# same turn as opties (a trainer's user test, session 22).
_NO_QUESTION_WORD = r"(?:dat|die|als|of|zodat|omdat|want|en|maar|een|zeg)"  # never between question word and verb
_NOT_THE_VERB = _NO_QUESTION_WORD[:-1] + r"|de|het|van|voor|bij|met|aan|naar|over|op|in|om)"
_UNMARKED_QUESTION = re.compile(
    r"^\W*(?:(?:en|maar|dus|ja|oké|ok|nee|eh|bij|met|van|voor|naar|over|tegen|aan)\W+)*"
    r"(?:wie|wat|hoe|waar|wanneer|welke|welk|hoeveel|hoelang)"
    r"(?:\s+(?!" + _NO_QUESTION_WORD + r"\b)\w+){0,2}?\s+(?!" + _NOT_THE_VERB + r"\b)\w+"
    r"\s+(?:u|je|jij|jullie|hij|zij|ze|het|we|wij|er)\b[^!?]*$",
    re.IGNORECASE)
# "U had u er de hele week op verheugd", "U had een rittenkaart gekocht": the pluperfect gives back what the other
# did or hoped (the learned read took "u had ..." for "u had ... moeten").
_PLUPERFECT = re.compile(r"\b(?:had|hadden)\b", re.IGNORECASE)


# A list of what the other went through, without a verb ("Drie rechtszaken, een nieuwe klacht en weer een afgezegd
# weekend."): the facts named back beside erkennen; the learned judgement read took it for a lecture (0.45, set 45 path
# 21). At least two items, each opening with an article, a number or "weer"/"nog", and no finite verb.
_ITEM = (r"(?:(?:en|weer|nog|ook|al|opnieuw)\s+)*(?:een|de|het|geen|zo'n|al die|twee|drie|vier|vijf|zes|zeven|acht|"
         r"negen|tien|\d+)\b[^,;:?!]*")
_LISTING = re.compile(r"^\W*" + _ITEM + r"(?:(?:,\s*|\s+en\s+)" + _ITEM + r")+\W*$", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:is|zijn|was|waren|ben|bent|heeft|hebben|hebt|heb|had|hadden|moet|moeten|kan|kun|kunt|"
                     r"kunnen|wordt|worden|werd|zal|zou|zouden|gaat|gaan|ging|doet|doen|deed|mag|mogen|wil|wilt|willen|"
                     r"blijft|blijven|komt|komen|staat|staan|krijgt|krijgen|zegt|zeggen|zei)\b", re.IGNORECASE)


def _names_what_happened(sentence: str) -> bool:
    """A list of what happened without a verb (``_LISTING``, no ``_FINITE`` verb and no lecturing word)."""
    return bool(_LISTING.match(sentence)) and not _FINITE.search(sentence) and not _lectures(sentence)


def _lectures(sentence: str) -> bool:
    return any(word in _LECTURING for word in re.findall(r"\w+", sentence.lower()))


def _open_question(sentence: str) -> bool:
    """An open question ("Bij wie kun jij je verhaal kwijt?", "Hoe houdt u zich overeind?"), also typed without its
    question mark (``_UNMARKED_QUESTION``: "waar denkt u zelf aan"), asks; only a rhetorical one ("Hoe kun je dat nou
    doen?", ``_LECTURING``) can lecture, and "waarom" is left to the learned read."""
    return bool(_OPEN_QUESTION.match(sentence) or _UNMARKED_QUESTION.match(sentence)) and not _lectures(sentence)


def _plain_past(sentence: str) -> bool:
    """A sentence in the pluperfect without a modal or lecturing word: what the other did, felt or hoped."""
    return bool(_PLUPERFECT.search(sentence)) and not _lectures(sentence)


def _small_talk(text: str, result, label: Optional[str]) -> Optional[str]:
    """What kind of small talk an unclear turn is: only a greeting, an introduction or a welcome (the step classifier
    read every sentence as clear small talk, ``_clear_small_talk``), only a listening sound ("ja", "ok", "pfoe":
    LISTENING, ``is_listening_sound``) or only fillers ("eh", "momentje"); None for a turn that is unclear.
    The engine then counts no turn (a user test: "hallo met het buurtteam" and "hmm" raised the tension until a
    father hung up)."""
    from bot.steps.classifier import is_filler

    if label not in (None, "geen"):
        return None
    if is_listening_sound(text):  # "ja", "ok", "pfoe": listens, names nothing (and no typing error either)
        return LISTENING
    if is_filler(text):
        return FILLERS
    parts = list(getattr(result, "delen", None) or [])
    return GREETING if parts and all(_clear_small_talk(part) for part in parts) else None


def _proposes_the_meeting(sentence: str) -> bool:
    from bot.steps.classifier import is_meeting_proposal  # lazy, like the step classifier itself

    return is_meeting_proposal(sentence)


def _sure_pitfall(result, moves: List[str]):
    """The surest pitfall sentence the step classifier flagged in the turn (``valkuilen``) whose read is sure (at least
    the engine's ``UNSURE``) and whose pitfall is among the turn's moves (not one the context read as words given
    back); None without one. Beside an uncertain cue (the learned judgement read, ``UNSURE_CUE``) it is the turn's
    move: forgiving the doubtful sentence must not forgive the sure pitfall beside it ("Fleur, ik vind het knap dat
    je hier zit. Maar je snapt toch ook wel ...? Daar moet je je echt aan houden." was forgiven as a whole, set 46
    path 7)."""
    sure = [part for part in getattr(result, "valkuilen", None) or []
            if part.stap in moves and part.zekerheid >= UNSURE]
    return max(sure, key=lambda part: part.zekerheid) if sure else None


def _pitfall_sentence(result, moves: List[str]) -> Optional[str]:
    """The first flagged pitfall sentence of a turn of several sentences (the step classifier's ``valkuilen``)
    whose pitfall is among the turn's moves; None for a turn of one sentence."""
    if len(getattr(result, "delen", None) or []) < 2:
        return None
    return next((part.zin for part in getattr(result, "valkuilen", None) or [] if part.stap in moves), None)


def _corrects_itself(result) -> bool:
    """The step classifier read a part of the turn as the professional taking back their own words."""
    return any(getattr(part, "zelfcorrectie", False) for part in getattr(result, "delen", None) or [])


_DEFAULT: Dict[str, MoveClassifier] = {}


def default_classifier() -> MoveClassifier:
    """One shared classifier (created lazily on first use)."""
    if "move" not in _DEFAULT:
        _DEFAULT["move"] = MoveClassifier()
    return _DEFAULT["move"]


def reset_default_classifier() -> None:
    _DEFAULT.clear()
