"""The first message of an intake: does it already tell what the call is about?

A consultant often starts the intake with the call itself: "Ik heb een moeder aan de lijn, haar zoon van 14 gaat
sinds de kerstvakantie bijna niet meer naar school." That is the answer to the first question ("Waar belt u
over?"); asking it again loses it (a user test: the story never reached the summary). A message that only opens
the call ("ik heb een moeder aan de lijn uit Huizen", "intake starten") tells nothing yet.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.intake.deidentify import mask, outside_labels
from bot.text import simplify

_CHILD = (r"(?:leerlinge?|zoon(?:tje)?|dochter(?:tje)?|kind(?:je)?|kinderen|klein(?:zoon|dochter|kind)"
          r"|buur(?:jongen|meisje)|jongen|meisje|puber|tiener|baby|peuter|kleuter)")
# About whom, without what about: "(het) gaat over een meisje uit groep 8", "over een leerling van 12 (jaar)"
_ABOUT_A_CHILD = (r"(?:(?:het\s+|en\s+)?gaat\s+over|over|voor|om)\s+(?:een|haar|zijn|hun|de|het)\s+" + _CHILD
                  + r"(?:\s+(?:van|uit|in)\s+(?:groep\s+|klas\s+)?(?:\d+|[\w'-]+)"
                  r"(?:\s+(?:jaar|maanden|maand|weken))?)?")
# The consultant's own phone greeting before the call, after a hello: "u spreekt met de vraagbaak jeugd, ...", "met de
# vraagbaak, ..." (a user test of session 24: "goedemiddag, u spreekt met de vraagbaak jeugd, ik heb de wijkagent aan de
# lijn, ..." got 'Sorry', and "hallo ja goeiemorgen met de vraagbaak, ik heb een leidster ... aan de lijn" the kaart):
# up to four words of the service, then a pause (a comma, a stop) before who is on the line
_OWN_GREETING = (r"(?:(?:u|je|jij)\s+spreekt\s+met|(?:hier\s+)?met)\s+(?:de\s+|het\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}"
                 r"\s*[,.;:!-]+\s*")
_HELLO = (r"(?:hoi|hallo|hai|hey|hee|hi|dag|goedemorgen|goedemiddag|goedenavond|goedendag|goeiemorgen|goeiemiddag"
          r"|morgen|middag|ja|nou|oke|ok|zo|eh|uh|hm)")
# a hello and the consultant's own greeting at the start of a message, each optional
_GREETINGS = r"^\W*(?:" + _HELLO + r"(?:\s+(?:allemaal|daar|hoor))?\W+)*(?:" + _OWN_GREETING + r")?"

# The opening of a call: who is on the line, where they are from, and from which organisation ("Ik heb een vader uit
# Bussum aan de lijn", "ik heb een ib'er aan de lijn van de wereldwijzer in hilversum, gaat over een meisje uit groep
# 8": who calls and about whom, not yet what about; a user test of session 22 got it as the kern of the call).
_OPENING = re.compile(
    _GREETINGS +
    # "heb een moeder aan de lijn": typed fast, without 'ik' (a user test of session 29 quoted it as the caller's words)
    r"(?:(?:ik\s+)?(?:heb|had|krijg|kreeg|spreek|sprak)|er is)\s+(?:hier\s+|nu\s+|net\s+|zojuist\s+)*"
    r"(?:(?:een|de)\s+(?P<who>[\w'-]+(?:\s+[\w'-]+)?)|(?P<someone>iemand))"
    # where from: "van basisschool het kompas uit hilversum" (a user test of session 24 got 'Sorry')
    r"(?:\s+van\s+(?:de\s+|het\s+)?(?!(?:een|haar|zijn|hun|mijn)\b)[\w'-]+(?:\s+(?!(?:uit|in|aan|op)\b)[\w'-]+){0,3})?"
    r"(?:\s+(?:uit|in)\s+[\w'-]+(?:\s+[\w'-]+)?)?"
    r"\s+(?:aan de (?:lijn|telefoon)(?:\s+gehad)?|op de lijn)"  # "... aan de telefoon gehad": not 'gehad' as the kern
    r"(?:\s+(?:uit|in)\s+[\w'-]+(?:\s+[\w'-]+)?)?"
    r"(?:\s+van\s+(?:de\s+|het\s+)?(?!(?:een|haar|zijn|hun|mijn)\b)[\w'-]+(?:\s+(?!(?:in|uit)\b)[\w'-]+){0,2}"
    r"(?:\s+(?:in|uit)\s+[\w'-]+)?(?=\s*[,.;:!?]|\s*$))?"
    r"(?:\W+" + _ABOUT_A_CHILD + r"(?=\W*$))?\W*"
)
# The introduction of who calls without "aan de lijn": "er belt een juf van groep 7 over een leerling", "een oma uit
# Huizen belt over haar kleinzoon van 8" (a user test: it became the kern, and the teacher 'steun op school').
_CALLS = re.compile(
    _GREETINGS +
    r"(?:(?:er )?(?:belt|belde)\s+(?:hier\s+|nu\s+|net\s+|zojuist\s+)*(?:een|de)\s+(?P<who>[\w'-]+"
    r"(?:\s+(?:jeugd|jgz|ggz|verpleegkundige|jeugdverpleegkundige|arts|jeugdarts|praktijkondersteuner))?)"
    r"|(?P<article>(?:een|de)\s+)?(?P<subject>[\w'-]+)(?:\s+(?:van|uit|in)\s+(?:de\s+|het\s+)?[\w'-]+(?:\s+\d+)?)?"
    r"\s+(?:belt|belde))"
    r"(?:\s+(?:van|uit|in)\s+(?:de\s+|het\s+)?(?!(?:een|haar|zijn|hun)\b)[\w'-]+(?:\s+\d+)?){0,2}"
    # about whom: "over een leerling", also "een voetbaltrainer van een jongen van 10" (a user test of session 24)
    r"(?:\s+(?:over|voor|om|van)\s+(?:een|haar|zijn|hun|de|het)\s+" + _CHILD
    + r"(?:\s+(?:van|uit)\s+(?:\d+|[\w'-]+)(?:\s+jaar)?)?)?"
    r"(?=\W|$)\W*"
)
_WORD = re.compile(r"[a-z0-9]+")
# Talk to Rustpunt about the intake itself, before the call: "nee ik bedoel een intake", "ik wil even vraagverheldering
# doen als dat kan", "kunnen we een intake starten" (a user test of session 24 kept "nee ik bedoel een intake, ik heb
# iemand aan de lijn nu" as the kern of the call). Never the caller's words.
_META = re.compile(
    r"^\W*(?:(?:nee|neen|ja|nou|oke|ok|sorry|hoi|hallo|goedemorgen|goedemiddag|eh|uh|oh|o)\W+)*"
    r"(?:(?:ik|wij|we)\s+(?:bedoel(?:de)?|wil(?:de)?|wou|zou|zoek|moet|ga|wil graag|wou graag)|(?:kan|kunnen|mag)\s+"
    r"(?:ik|we|wij|je|jij)|graag|dit is|het is|eerst)\s+(?:(?:even|graag|nu|juist|eigenlijk|gewoon|eerst|dus|liever|"
    r"wel|toch)\s+)*(?:een\s+|de\s+|het\s+|met\s+(?:een\s+|de\s+)?)?(?:intake|vraagverheldering|telefonische intake"
    r"|intakegesprek)(?:\s+(?:doen|starten|beginnen|maken|draaien|invullen|met je|met jou|met rustpunt"
    r"|(?:hoor|dus|graag|nu)))*(?:\s+(?:als dat kan|als het kan|graag|alsjeblieft|aub|hoor|dus|nu))*\s*"
    r"(?:\?|[.,;:!-]+|\s+(?:want|omdat|en)\b|$)\W*")
# Words that end an introduction without telling anything: "ik heb de huisarts aan de lijn dus", "... nu"
_TRAILING = frozenset("dus nu even hoor eigenlijk net zo ok oke ja hier momenteel zojuist op dit moment".split())


def without_meta(text: str) -> str:
    """``text`` without the talk to Rustpunt about the intake before it (``_META``); unchanged without it."""
    match = _META.match(simplify(text or ""))
    if match is None or len(simplify(text or "")) != len(text or ""):
        return text or ""
    return (text or "")[match.end():]


def about_the_intake_only(text: str) -> bool:
    """``text`` only talks to Rustpunt about the intake ("nee ik bedoel een intake", "ik wil even vraagverheldering
    doen als dat kan"), maybe with who is on the line: no answer of the caller."""
    rest = without_meta(text)
    return rest != (text or "") and (not _WORD.search(simplify(rest)) or only_an_introduction(rest))


MIN_STORY_WORDS = 6  # this many words after the opening tell what the call is about


def tells_the_story(text: str) -> bool:
    """``text`` tells what the call is about beyond opening it: at least ``MIN_STORY_WORDS`` words after the
    opening of the call (or in all, without one), or, after an opening, fewer words that name what is going on
    (``names_a_problem``): "moeder belt, zoon van 14 spijbelt, huizen" (a user test of session 22: the story was not
    kept as the first answer and the first question asked it again)."""
    text = without_meta(text)  # "nee ik bedoel een intake, ik heb iemand aan de lijn nu": talk to Rustpunt
    plain = simplify(text or "")
    end = introduction_end(text)  # "ik heb een moeder aan de lijn", also "er belt een juf van groep 5 over ..."
    rest = plain[end:]
    # an introduction only is no story (a user test: "er belt een juf ..." was "genoteerd als antwoord op de eerste
    # vraag" and the first question came again)
    count = len(_WORD.findall(rest))
    if count >= MIN_STORY_WORDS + (0 if end else 4):
        return True
    end = end or _bare_caller_end(plain)  # "moeder belt, zoon van 14 spijbelt": a short opening with a fact
    return bool(end) and 0 < len(_WORD.findall(plain[end:])) and names_a_problem(plain[end:])


def names_a_problem(text: str) -> bool:
    """``text`` names what is going on, not only who and where: a signal of the intake (but support: "oma helpt" is
    who, not what) or a problem the sociale kaart knows ("zoon 8 heeft adhd", "dochter 12 wordt gepest")."""
    from bot.intake.models import IntakeSignaal  # lazy: the signals read the knowledge
    from bot.intake.signals import find_signals
    from bot.knowledge.loader import get_knowledge

    signals = [signal for signal in get_knowledge().entries.get("intake_signaal", {}).values()
               if isinstance(signal, IntakeSignaal) and signal.soort not in ("steun", "weinig_steun")]
    if find_signals(text, signals):
        return True
    try:
        from bot.kaart.query import parse_vraag  # lazy: the kaart is optional for the intake
    except Exception:  # the kaart is optional for the intake
        return False
    return bool(parse_vraag(text).themas)


def _calls(plain: str) -> Optional[re.Match]:
    """``_CALLS`` at the start of ``plain``, with an article before who calls ("een oma uit Huizen belt", "er belt een
    juf"); "moeder belt" without one only by ``_bare_caller_end``."""
    match = _CALLS.match(plain)
    return None if match and match.group("subject") and not match.group("article") else match


def _bare_caller_end(plain: str) -> int:
    """Where "moeder belt" (``_CALLS`` without an article) ends, for someone who can call (a parent, a grandparent, a
    teacher ...: ``_CALLER_WORDS``; not "zoon belt niet terug"); 0 when there is none. Only for ``tells_the_story``:
    as the answer to the first question "moeder belt over haar dochter van 10" stays what the call is about."""
    match = _CALLS.match(plain)
    if match and (match.group("subject") in _PARENT_WORDS or is_caller_word(match.group("subject") or "",
                                                                            _CALLER_WORDS)):
        return match.end()
    return 0


def introduction_end(text: str) -> int:
    """Where the consultant's introduction of the call ends in ``simplify(text)``: "ik heb een moeder aan de lijn
    uit Huizen", "er belt een juf van groep 7 over een leerling"; 0 when the text does not start with one."""
    plain = simplify(text or "")
    found = [match.end() for match in (_OPENING.match(plain), _calls(plain)) if match]
    return max(found, default=0)


def only_an_introduction(text: str) -> bool:
    """``text`` only says who calls (and where from, and about whom), maybe with how to reach them ("er belt een poh
    jeugd over een meisje van 13; ze kan teruggebeld worden op 06-..."; a user test of session 22 saved that as the
    caller's own words): no answer to "Waar belt u over?"."""
    from bot.intake.listen import without_contact_details  # lazy: listen reads signals, which read the masker

    end = introduction_end(text)
    if end <= 0:
        return False
    rest = simplify(text or "")[end:]
    if set(_WORD.findall(rest)) <= _TRAILING:  # "ik heb de huisarts aan de lijn dus"
        return True
    return not _WORD.search(rest) or not _WORD.search(simplify(without_contact_details(mask(rest).text)))


def without_introduction(text: str) -> str:
    """``text`` without the introduction of who calls: the words the caller's signals are read in (the teacher who
    calls is no 'steun op school'). Unchanged when simplifying changed the length."""
    end = introduction_end(text)
    return text[end:] if end and len(simplify(text)) == len(text) else text


def without_opening(text: str) -> str:
    """``text`` without the consultant's opening of the call: the caller's words for the quote in the summary
    ("Ik heb een moeder aan de lijn, haar zoon ..." -> "haar zoon ...", as typed: "dokter belt ..." stays lower case,
    a user test of session 24). Unchanged when there is no opening, when nothing follows it, or when simplifying
    changed the length (the offsets would not fit the original)."""
    text = (text or "").strip()
    plain = simplify(text)
    opening = _OPENING.match(plain)
    if opening is None or len(plain) != len(text):
        return text
    # the opening's trailing punctuation may take the '[' of a label that follows: "... aan de lijn, [NAAM], ze belt"
    rest = text[outside_labels(text, opening.end()):].strip()
    return rest if _WORD.search(plain[opening.end():]) else text  # as typed: a quote keeps its lower case


PARENT = "ouder"
OTHER = "ander"
# The young person calls: "er belt een meisje van 17 zelf", "ik heb een jongere aan de lijn" (a user test of session 23:
# the questions asked about 'het kind'); the questions say 'je' (``IntakePlan.jongere_beller``). Only who is on the
# line or calls says so: "meisje van 15 spijbelt" at the start of a story is about the child.
YOUNG = "jongere"
_YOUNG_WORDS = frozenset("jongere jongeren jongen meisje tiener puber scholier student jongvolwassene leerling "
                         "leerlinge".split())
# Who calls: a parent (the questions say 'u' and 'uw kind'), or someone else (a grandparent, the teacher, a neighbour:
# the questions say 'het kind'; fifth user test: a teacher was asked about "u, uw kind").
_PARENT_WORDS = frozenset("moeder vader ouder ouders mama papa stiefmoeder stiefvader pleegmoeder pleegvader "
                          "pleegouder pleegouders".split())
_OTHER_WORDS = frozenset(
    "oma opa grootmoeder grootvader grootouder grootouders tante oom leerkracht leraar lerares juf juffrouw meester "
    "mentor docent school zorgcoordinator ib'er ib-er intern buurvrouw buurman buren huisarts wijkagent jeugdarts "
    "jongere jongen meisje kind trainer coach oppas gastouder vriendin vriend kennis collega poh poh-jeugd pohjeugd "
    "jgz jeugdverpleegkundige verpleegkundige praktijkondersteuner jeugdconsulent consulent leidster leider "
    "pedagogisch medewerker pm'er pmer begeleider agent politie politieagent assistente doktersassistente "
    "kinderdagverblijf kdv bso peuterspeelzaal opvang".split())
# A person who calls in a compound or with a hyphen: "voetbaltrainer", "groepsleidster", "poh-ggz", "sportcoach" (a
# user test of session 24: the questions said 'u, uw kind' to a childcare worker, a POH and a sports coach)
_CALLER_ENDINGS = ("trainer", "coach", "leidster", "leider", "agent", "arts", "begeleider", "medewerker",
                   "verpleegkundige", "docent", "consulent", "ondersteuner", "werker", "assistente")


def is_caller_word(word: str, known: frozenset) -> bool:
    """``word`` is one of ``known``, or a compound or hyphenated word of one ("voetbaltrainer", "poh-ggz")."""
    if word in known:
        return True
    if "-" in word and any(part in known for part in word.split("-")):
        return True
    return any(word.endswith(end) and len(word) > len(end) + 2 for end in _CALLER_ENDINGS)
# who can call ("oma belt"), for ``opens_a_call``: a parent or another person, not an institution ("de school belt")
_CALLER_WORDS = (_OTHER_WORDS - {"school", "kennis", "jongere", "kind"}) | frozenset(
    "jgz jeugdverpleegkundige ib'er iber zorgco wijkcoach buurtcoach consulent leerplichtambtenaar".split())
_HAS_ON_THE_LINE = re.compile(r"^\W*(?:ik heb|ik had|ik krijg|ik kreeg|er is|ik spreek|ik sprak)\s+"
                              r"(?:hier\s+|nu\s+|net\s+|zojuist\s+)*(?:een|de)\s+(?P<who>[\w'-]+)")
_CALLER_FIRST = re.compile(r"^\W*(?:de |een |mijn |het )?(?P<who>[\w'-]+)\b")
_CALLS_ABOUT = re.compile(r"\b(?:een|de|het) (?:leerling|kleinzoon|kleindochter|kleinkind|buurjongen|buurmeisje)\b"
                          r"|\bmijn (?P<own>zoon|dochter|kind|kinderen|jongste|oudste)\b")


def caller_of(text: str) -> Optional[str]:
    """Who is on the line, from the opening ("Ik heb een leerkracht aan de lijn") or the first words of the story
    ("juf Marieke belt over een leerling", "oma wil ..."): ``PARENT``, ``OTHER``, ``YOUNG`` (the young person on the
    line) or None when it does not say. Talk to Rustpunt before it ("ik wil een intake doen, ...") does not count."""
    plain = simplify(without_meta(text))
    opening = _OPENING.match(plain) or _HAS_ON_THE_LINE.match(plain)
    found = (opening.group("who") or "").split() if opening else []
    calls = _calls(plain)  # "er belt een poh jeugd over ...", "een oma uit Huizen belt ..."
    if not found and calls:
        found = (calls.group("who") or calls.group("subject") or "").split()
    if found and found[0] in _YOUNG_WORDS:  # "ik heb een jongere aan de lijn", "er belt een meisje van 17 zelf"
        return YOUNG
    if not found:
        first = _CALLER_FIRST.match(plain)
        found = [first.group("who")] if first else []
    if any(word in _PARENT_WORDS for word in found):
        return PARENT
    if any(is_caller_word(word, _OTHER_WORDS) for word in found):
        return OTHER
    about = _CALLS_ABOUT.search(plain)
    if about:
        return PARENT if about.group("own") else OTHER
    return None


# A clear request for the guided intake: someone on the line or calling, or the intake itself by name. A role-play
# line after the role-play ended ("ik bel hem vandaag nog en zeg dat hij zich moet gedragen", a user test) has none
# of these: the model read it as the start of an intake and stored it as the caller's first answer.
_ASKS_FOR_AN_INTAKE = re.compile(
    r"\b(?:aan de (?:lijn|telefoon)|op de lijn|(?:in )?(?:een |het )?telefoongesprek|telefonisch\w*|beller\w*"
    r"|(?:er )?belt\b|(?:er )?belde\b|bellen (?:met|over)\b(?! (?:hem|haar|ze|zij|hen)\b)"
    r"|intake\w*|vraagverheldering\w*|hulpvraag\w*|doorvragen|uitvragen|aanmelding\w*"
    r"|wat (?:moet|kan|zal) ik (?:hem |haar |ze )?(?:vragen|nog vragen))"
)
_I_CALL = re.compile(r"\b(?:ik|wij|we) (?:bel|belde|bellen|ga (?:\w+ )?bellen)\b")
# What keeps a wish to practise an intake: someone on the line in the consultant's own words ("ik heb een moeder aan de
# lijn, ze wil graag oefenen ...", "er belt een vader"), or the intake by name ("ik wil de intake oefenen"). Without
# them "aan de telefoon" in a wish to practise describes the scenario ("nog eentje, de vader aan de telefoon", "ik wil
# oefenen met de woedende vader aan de telefoon", a user test got "Vraag 1 van 18" and "Sorry").
_A_REAL_CALL = re.compile(
    r"\b(?:ik heb|ik had|ik krijg|ik kreeg|er is|ik spreek|ik sprak)\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:aan de (?:lijn|telefoon)|op de lijn)"
    r"|\b(?:er )?(?:belt|belde)\b|\bbellen (?:met|over)\b"
    r"|\b(?:intake\w*|vraagverheldering\w*|hulpvraag\w*|doorvragen|uitvragen|aanmelding\w*)")


# The consultant opens a call of their own: someone on the line at the start of the message ("ik heb een ib'er aan de
# lijn van de wereldwijzer in hilversum, ...", "ik heb hier een moeder uit Laren aan de lijn", "vader aan de lijn,
# ...", "er belt een oma"). Not a call described later in a note ("Muiderberg, een moeder belt: ...", "de school belt
# bijna elke week"), nor one in the past ("ik heb gisteren een vader aan de lijn gehad", "ik had een moeder ...").
# A person who calls now, at the start ("moeder belt, zoon van 14 spijbelt", "oma uit huizen belt over haar
# kleinzoon", "een juf belt"; a second-round user test of session 22 got the kaart for "moeder belt, ..." while "oma
# belt, ..." started the intake): only someone who can be on the line (``_CALLER_WORDS``), and "belt" followed by what
# the call is about or a pause, not by how often ("de school belt bijna elke week" is a note).
# Also a parent or another caller with their child, without "aan de lijn": "ik heb een moeder uit weesp met een zoontje
# van 8 dat steeds ontploft op school" (a user test of session 24 started the preparation).
_OPENS_A_CALL = re.compile(
    _GREETINGS +
    r"(?:(?:ik heb|ik krijg|er is|ik spreek)\s+(?:[\w'-]+\s+){0,10}?(?:aan de (?:lijn|telefoon)|op de lijn)"
    r"|(?:ik heb|ik krijg|ik spreek)\s+(?:hier\s+|nu\s+)*(?:een|de)\s+(?P<with>[\w'-]+)"
    r"(?:\s+(?:uit|in)\s+[\w'-]+(?:\s+[\w'-]+)?)?\s+met\s+(?:een|haar|zijn|hun|twee|drie|vier|vijf|\d+)\s+"
    + _CHILD + r"(?=\w*\b)"
    r"|(?:een\s+|de\s+)?[\w'-]+(?:\s+(?:uit|in)\s+[\w'-]+)?\s+aan de (?:lijn|telefoon)"
    r"|er\s+belt\s+(?:hier\s+|nu\s+|net\s+|zojuist\s+)*(?:een|de)(?=\s)"
    r"|(?:een\s+|de\s+)?(?P<caller>[\w'-]+)(?:\s+(?:uit|in|van)\s+(?:de\s+|het\s+)?[\w'-]+(?:\s+\d+)?)?\s+belt"
    r"(?=\s*[,.:;!?-]|\s*$|\s+(?:over|om|voor|met|namens|nu|net|zojuist|hier|op dit moment)\b))"
    r"(?!\s+gehad)")  # not a call in the past


def opens_a_call(text: str) -> bool:
    """The message starts with a call the consultant has on the line now (see ``_OPENS_A_CALL``), also after a greeting
    ("hoi er belt een juf ...") or as "<person> belt" ("moeder belt, ..."): an intake, unless it asks the kaart a
    question (``bot.kaart.dialog.asks_the_kaart``; the command guard decides)."""
    match = _OPENS_A_CALL.match(simplify(text or ""))
    if match is None:
        return False
    caller = match.group("caller") or match.group("with")
    return caller is None or caller in _PARENT_WORDS or is_caller_word(caller, _CALLER_WORDS)


def asks_for_an_intake(text: str) -> bool:
    """Does the message ask for the guided intake? Someone is on the line or calls ("ik heb een moeder aan de lijn",
    "er belt een vader", "een oma belt over ..."), or the message names the intake ("vraagverheldering", "ik wil een
    intake doen", "help me doorvragen tot de kern van de hulpvraag"). The consultant calling someone ("ik bel hem
    vandaag nog") is no caller on the line. Nor is the persona of a role-play: a wish to practise before the words of
    a call ("ik wil graag oefenen met die boze vader aan de telefoon", a user test got "Vraag 1 van 18") asks for the
    role-play (``bot.commands.is_practice_request``), and so is one where "aan de telefoon" only describes the scenario
    ("nog eentje, de vader aan de telefoon"); "ik heb een moeder aan de lijn, ze wil oefenen ...", "er belt een vader,
    hij wil oefenen ..." and "ik wil de intake oefenen" stay an intake (``_A_REAL_CALL``)."""
    from bot.commands import is_practice_request  # lazy: bot.commands is the one vocabulary, imported widely

    plain = simplify(text or "")
    matches = list(_ASKS_FOR_AN_INTAKE.finditer(plain))
    if not matches:
        return False
    if is_practice_request(plain[:matches[0].start()]):  # the wish to practise comes first: the role-play
        return False
    if is_practice_request(plain) and not _A_REAL_CALL.search(plain):  # "aan de telefoon" describes the scenario
        return False
    found = [m.group(0) for m in matches]
    if all(word.strip().startswith(("belt", "belde", "er belt", "er belde", "bellen")) for word in found):
        return not _I_CALL.search(plain)  # "ik bel hem en zeg dat ...": the consultant calls, no one is on the line
    return True


# The service of who calls (read at the opening, as ``caller_of``): the route advice does not send a caller to their own
# service (a user test of session 22: a POH caller was advised the POH-Jeugd, a JGZ caller the JGZ). Values are routes
# of ``intake_routeregel``.
_SERVICES = (
    ("huisarts_poh", re.compile(r"\b(?:poh|poh-jeugd|pohjeugd|praktijkondersteuner\w*|huisarts\w*)\b")),
    ("school_jgz", re.compile(r"\b(?:jgz|jeugdgezondheidszorg|jeugdarts|jeugdverpleegkundige|consultatiebureau"
                              r"|ggd)\b")),
)


def service_of(text: str) -> Optional[str]:
    """The route of the service who calls works for, named in the introduction ("er belt een poh jeugd ...", "ik heb
    de jeugdarts aan de lijn"), else None. Only the introduction counts: "de huisarts heeft haar doorverwezen" later
    in the story is no caller."""
    text = without_meta(text)
    plain = simplify(text or "")
    end = introduction_end(text) or (lambda m: m.end() if m else 0)(_HAS_ON_THE_LINE.match(plain))
    head = plain[:end] if end else " ".join(plain.split()[:4])
    return next((route for route, words in _SERVICES if words.search(head)), None)
