"""Short questions with a light verb of their own ("Wat wil jij dan?", "Wat zou helpen?", "Denk je?", "Stel dat
dat lukt?"): which steps such a question can ask on for, so that it follows the line only when its verb fits
what the line invites.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from bot.roleplay.context_rules.words import ASK_ON_WORDS, WORD, family

# The verbs a short question may carry and still ask on about the line, with the steps each can ask on
# for: "En wat wil jij dan?" after the persona's own ideas asks which one (opties), after a wish about the
# wish; "Wat doe jij dan?" after an event asks on about the pattern; "Wat zou helpen?" after a feeling stays
# with the feeling. A verb that does not fit what the line invites keeps the sentence's own read.
_LIGHT_VERBS: Dict[str, Tuple[str, ...]] = {
    **dict.fromkeys("wil wilt willen wou".split(), ("behoefte", "opties")),
    **dict.fromkeys("help helpt helpen hielp".split(), ("erkennen", "behoefte", "opties")),
    **dict.fromkeys("doe doet doen deed deden".split(), ("dynamiek", "opties")),
    **dict.fromkeys("gebeurt gebeurde gebeuren".split(), ("dynamiek",)),
    # "Hoe ging dat?", "Wat werkte daar?": after an event the pattern, after a time it went well what worked
    **dict.fromkeys("ging gaat werkte werkt lukte lukt liep".split(), ("dynamiek", "opties")),
    **dict.fromkeys("zou zouden".split(), ("behoefte", "opties")),  # a hypothetical: a wish or an option
    "nodig": ("erkennen", "behoefte"),  # "Wat heb je nodig?": after distress care now, after a wish the wish
}
_SEE_BEFORE_YOU = family(r"(?:zie|ziet) (?:je|jij|u) (?:dat|het|dit|die|zoiets) (?:\w+ )?"
                         r"voor (?:je|jou|u|jezelf|uzelf)")
# "Hoe ziet dat eruit?", "Hoe zou dat er dan uitzien?": asks what the wish or the idea would look like
_LOOKS_LIKE = family(r"(?:ziet|zag|zou|zal) (?:dat|het|dit|die|dat er|het er) (?:\w+ ){0,2}(?:uit|eruit|uitzien)")
_EFFECT_ON_YOU = family(r"(?:doet|deed) (?:dat|het|dit) (?:\w+ )?met (?:je|jou|u|jullie)")  # "Wat doet dat met je?"
# wanting and the hypothetical follow the line only when the question refers back to it
_WISH_VERBS = frozenset("wil wilt willen wou zou zouden".split())
_BACK_REFERENCE = frozenset("dan dat dit die daar daarvan daarmee ervan het als".split())
# not "zelf": "Wat wil je zelf?" asks for a wish of one's own, whatever the line offered
_LIGHT_OTHER_WORDS = frozenset("als voor met jou jouw uw jezelf uzelf zoiets die dit heb hebt heeft".split())

# asking whether a hope will come true ("Gaat dat gebeuren, denk je?", "Denk je?"), or what if the wish came
# true ("Stel dat dat lukt?"): light questions about the line
_WILL_IT = family(r"(?:gaat|zal) (?:dat|het|die) (?:\w+ )?(?:gebeuren|lukken)", r"denk (?:je|jij)", r"denkt u")
_SUPPOSE = family(r"stel (?:nou |je )?(?:eens )?(?:voor )?dat (?:dat|het|die|hij|zij|ze) (?:\w+ )?"
                  r"(?:lukt|gebeurt|doet|komt|belt)",
                  # "En als dat gebeurt?", "Wat als hij dat zegt?", "En als het lukt?" (not "als dat niet lukt")
                  r"(?:en |maar )?(?:wat )?als (?:dat|het|die|dit|hij|zij|ze|iemand) "
                  r"(?!(?:\w+ ){0,2}(?:niet|nooit|geen)\b)"
                  r"(?:\w+ ){0,2}(?:lukt|lukte|gebeurt|gebeurde|doet|deed|komt|kwam|belt|zegt|zei|"
                  r"zou (?:gebeuren|lukken))")

IF_NOT = family(r"als (?:dat|het|hij|zij|ze) (?:\w+ ){0,2}(?:niet|nooit|geen)")


def light_question_steps(text: str) -> Tuple[str, ...]:
    """The steps a short question with a verb of its own can ask on for (``_LIGHT_VERBS``), or () when it
    is no such question: it must end in "?" and hold only words of asking on, that verb and a few small
    words ("Wat wil jij dan?", "Hoe zie je dat voor je?", "En als hij dat zou doen?")."""
    if not text.rstrip().endswith("?"):
        return ()
    words = [w.lower() for w in WORD.findall(text)]
    steps: List[str] = []
    if _SEE_BEFORE_YOU.search(text) or _LOOKS_LIKE.search(text):
        steps += ["behoefte", "realiteit", "opties"]
        words = [w for w in words if w not in ("zie", "ziet", "zag", "zal", "uit", "eruit", "uitzien")]
    if _EFFECT_ON_YOU.search(text):
        steps.append("erkennen")
    if _WILL_IT.search(text) or IF_NOT.search(text):  # "Gaat dat gebeuren, denk je?", "En als dat niet lukt?"
        steps.append("realiteit")
        words = [w for w in words if w not in ("gaat", "zal", "lukken", "lukt", "denk", "denkt", "niet", "nooit",
                                               "geen", "gebeuren")]
    if _SUPPOSE.search(text):  # "Stel dat dat lukt?": what if the wish came true
        steps += ["behoefte", "opties"]
        words = [w for w in words if w not in ("stel", "lukt", "lukte", "gebeurt", "gebeurde", "doet", "deed", "komt",
                                               "kwam", "belt", "zegt", "zei", "voor", "iemand")]
    verbs = [w for w in words if w in _LIGHT_VERBS]
    if not (verbs or steps) or not all(w in ASK_ON_WORDS or w in _LIGHT_VERBS or w in _LIGHT_OTHER_WORDS
                                        for w in words):
        return ()
    refers_back = any(w in _BACK_REFERENCE for w in words)
    for verb in verbs:
        if verb in _WISH_VERBS and not refers_back:
            continue  # "Wat zou je willen?" asks for a wish of one's own; "En wat wil je dan?" asks about the line
        steps += _LIGHT_VERBS[verb]
    return tuple(dict.fromkeys(steps))


_WISH_DEGREE = frozenset("zelf liefst graag eigenlijk echt het".split())  # "Wat zou je het liefst willen?"


def is_wish_question(text: str) -> bool:
    """A short question about wanting without a verb of its own ("Wat zou je willen?", "Wat wil jij?")."""
    words = [w.lower() for w in WORD.findall(text)]
    return (text.rstrip().endswith("?") and any(w in _WISH_VERBS for w in words)
            and all(w in ASK_ON_WORDS or w in _WISH_VERBS or w in _LIGHT_OTHER_WORDS or w in _WISH_DEGREE
                    for w in words))
