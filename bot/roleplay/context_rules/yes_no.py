"""The move of a bare yes or no: it answers the line's question first (a request or claim: the pitfall; a hope
or fear: realiteit; blame or sides: visie; self-doubt or a feeling: erkennen), and when such an answer may turn
a pitfall read into a good step.
"""
from __future__ import annotations

from typing import Optional

from bot.roleplay.context_rules.answer_kinds import ASSENT, DENIAL, ENDORSES, PERMITS, UNDERSTANDS, VERDICT
from bot.roleplay.context_rules.invitation import Context, asks, feels, question_invitation, shows_feeling
from bot.roleplay.context_rules.words import NEGATIVE, WORD, YES_NO_WORDS, family
from bot.roleplay.models import PITFALLS

# the persona asks leave for a feeling ("Mag ik even?", "Mag ik even huilen?"): leave given acknowledges it
_ASKS_LEAVE = family(r"mag ik (?:\w+ ){0,3}(?:even|huilen|janken|zitten|stoppen|pauze)", r"mag ik\?")

# a question whether the professional chooses no side or is there for the persona too: yes is visie
_FOR_BOTH = family(r"(?:u|jij|je) (?:\w+ ){0,3}(?:niet|geen) (?:\w+ ){0,3}(?:kiezen|kiest|kies|partij|kant|"
                   r"(?:zeggen|vertellen|beweren|oordelen|beoordelen|bepalen|uitmaken|opschrijven|schrijven) "
                   r"(?:wie|dat|of))",
                   r"ook (?:voor|achter|aan) (?:mij|ons|onze|mijn|m'n|de kinderen|het kind|hen|hun)")

# "Dat hoef jij niet.", "Hoeft ook niet.": the professional asks nothing of the persona (a no to "must I choose?")
_NO_NEED = family(r"(?:dat |het )?(?:hoeft|hoef) (?:\w+ ){0,2}niet")

# the persona asks whether the professional thinks less of them ("Vindt u mij een slappe moeder?", "Ben ik
# gek?"): a no reassures, it acknowledges
_SELF_DOUBT = family(r"(?:vindt|vind) (?:u|jij|je) mij", r"ben ik (?:nou |dan )?(?:\w+ )?(?:gek|raar|slap|slecht|"
                     r"zwak|dom|overdreven|een slechte|een slappe|een watje)",
                     r"is (?:het|dat) (?:\w+ )?(?:raar|gek|stom|overdreven|erg) dat ik")

# The persona asks the professional to say or write a verdict on the other ("U zet toch in het verslag dat hij
# een slechte vader is?"): a no to that takes no side (visie)
_VERDICT_ASKED = family(r"(?:zet|zetten|schrijft|schrijf|schrijven|opschrijven|zegt|zeg|zeggen|vertelt|vertellen|meldt|"
                        r"melden|verklaart|verklaren) (?:\w+ ){0,6}dat "
                        r"(?:hij|zij|ze|haar \w+|zijn \w+|mijn ex|papa|mama) "
                        r"(?:\w+ ){0,3}(?:slecht\w*|fout|liegt|gelogen|schuld|deugt|gek|onbetrouwbaar|gevaarlijk|"
                        r"niet (?:goed|geschikt|deugt|te vertrouwen))")


def answers_the_question(text: str, kind: Optional[str], move: Optional[str], context: Context) -> bool:
    """A bare yes or no (``YES_NO_WORDS``) that answers the persona's question about blame or sides
    (visie) or about a hope or a fear (realiteit): the one case where context may turn a pitfall read
    into a good step. The sentence classifier knows "nee joh, echt niet" only as a form; the question
    it answers decides."""
    if kind not in (ASSENT, DENIAL) or move not in ("visie", "realiteit"):
        return False
    if kind == DENIAL and move == "visie":  # "Echt niet. Dat hoef jij niet." to "Ga jij ook zeggen dat ik moet kiezen?"
        text = _NO_NEED.sub(" ", text)
    words = [w.lower() for w in WORD.findall(text)]
    if not words or not all(w in YES_NO_WORDS for w in words):
        return False
    _, sentence = question_invitation(context)
    return asks(sentence)


def yes_or_no(kind: str, text: str, context: Context) -> Optional[str]:
    """The move of a yes or a no: it answers the line's question first."""
    target, sentence = question_invitation(context)
    asked = asks(context.last_line) or asks(sentence)
    if target == "realiteit":  # yes to "Dus het blijft zo?", no to "Gaat ze nog veranderen?"
        negative = bool(NEGATIVE.search(sentence))
        return target if (kind == DENIAL and not negative) or (kind == ASSENT and asked and negative) else None
    if kind == DENIAL:
        if _VERDICT_ASKED.search(sentence) and (target in PITFALLS or target is None):
            return "visie"  # "Nee, dat doe ik niet." to "U schrijft toch op dat hij een slechte vader is?"
        if target == "visie":  # "Nee joh." to "Komt het door mij?", "Nee hoor." to "U vindt zeker ...?"
            return target
        if target == "erkennen" and asked and _SELF_DOUBT.search(context.last_line):
            return target  # "Nee hoor." to "Vindt u mij nou een slappe moeder? Dat ik hier zit te huilen?"
        if target == "inhoud" and asks(sentence) and NEGATIVE.search(sentence):  # "Nee." to "Dat is toch niet
            # normaal?" agrees; not "Daar ben ik niet voor." to "Zet maar in het verslag dat hij niet deugt."
            return target
        return None
    if target == "redden" and UNDERSTANDS.search(text):  # "Snap ik." to a request takes nothing over
        return None
    if target in PITFALLS:  # yes to a request to take over, or to a claim about the other
        return target
    if UNDERSTANDS.search(text) and shows_feeling(context.last_line):  # "Ja, logisch." after "Ik ben moe."
        return "erkennen"
    if PERMITS.match(text) and (target == "erkennen" or (_ASKS_LEAVE.search(context.last_line)
                                                          and shows_feeling(context.last_line))):
        return "erkennen"  # "Mag ook." after "Ik huil nu een beetje.", "Doe maar." to "Mag ik even? Ik zit te janken."
    if target == "visie":  # "Ja." to "Sta je aan haar kant?" is taking a side, not visie; "Ja." to "Dus u
        # kiest niet?" or "Ben je er ook voor mij?" states that the professional is there for both
        return target if asked and _FOR_BOTH.search(sentence) else None
    if target == "erkennen":  # yes to "Snap je hoe zwaar dit is?"; "Ja, dat zie ik." or "Ja, inderdaad." after a
        # feeling the persona names
        return target if asked or UNDERSTANDS.search(text) or (VERDICT.match(text) and feels(context)) else None
    if target == "opties" and (ENDORSES.search(text) or PERMITS.match(text)):  # "Goed idee.", "Doe maar.",
        return target  # "Dat kan.", "Oké!" to the persona's own idea
    return target if asked else None  # a bare "ja" after a statement is a backchannel
