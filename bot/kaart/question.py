"""What the search reads from a question: its search words (without places, fillers and framing words),
whom it is about, who asks, and the kinds of entries asked for on purpose (:class:`QueryContext`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Optional, Set, Tuple

from bot.kaart import places
from bot.kaart.ages import YOUNG_CHILD, ages_ok, only_through_school, preschool_child
from bot.kaart.index import KaartIndex
from bot.kaart.query import (
    COURIER_WORDS,
    SUICIDE_WORDS,
    Vraag,
    school_kind,
    school_mentioned,
    school_year_only,
    school_year_words,
)
from bot.kaart.text import lemma, lemmas, stam, word_tables, words
from bot.kaart.vocabulary import (
    AARD_VRAAGWOORDEN,
)
from bot.knowledge.loader import PerKnowledge
from bot.text import simplify

SCHOOL_THEMES = frozenset({"schoolverzuim", "leren"})  # problems that are at school by their nature
# Problems of the body and of growing up at home (bedwetting, sleep, eating): a school year said with one ("groep 5,
# plast nog in bed") tells the child's age, not that school is where the problem is (a second-round user test of
# session 22 got school services first for bedwetting in groep 5 in Kortenhoef).
HOME_THEMES = frozenset({"ontwikkeling", "gezondheid", "jonge_kind"})


def year_only_at_home(parsed) -> bool:
    """The question's school cue is only a school year ("groep 5") and every problem is one of ``HOME_THEMES``."""
    return (bool(parsed.themas) and set(parsed.themas) <= HOME_THEMES and school_year_only(parsed.tekst))


# Words too general to make a hit relevant on their own.
GENERIC = frozenset(
    "kind kinderen ouder moeder vader zoon dochter gezin jongere jongen meisje hulp helpen school leerling "
    # who the family is, not what it needs: "geslagen door haar partner" found a sports "partner in de sociale basis"
    "partner partners "
    "vraag vragen probleem problemen zorg zorgen gemeente regio jaar week dag goed slecht "
    # everyday verbs: they say nothing about which service fits
    "maken doen komen krijgen zitten staan houden geven nemen laten blijven vinden weten denken praten praat "
    "zeggen vertellen thuis lopen "
    # how young someone is says who, not what: "jonge mantelzorger" found the pilots for "jonge kinderen" (a user
    # test: "Tekst noemt 'jonge'" for Youké and the Leger des Heils); whether someone can be reached says nothing of
    # the help ("gezinsvoogd nooit bereikbaar" found the Vraagbaak by "bereikbaar")
    "jong jonge jonger jongst oud oude ouder oudere bereikbaar onbereikbaar bereikbaarheid "
    # a parent's job is no problem of the family and no search word: "kan niet zorgen vanwege werk" put the
    # brugfunctionaris and schoolmaatschappelijk werk first by 'werk' (a user test); "volgens de juf" says who saw it
    "werk werken volgens "
    # where someone is, not what the family needs: "vader buiten beeld" found Bureau Halt, whose text names partners
    # "buiten de school"
    "buiten binnen beeld".split()
)


# the stems of the general words, per loaded knowledge (a stem reads the problem words)
_generic_stems = PerKnowledge(lambda knowledge: frozenset(stam(word, word_tables(knowledge)) for word in GENERIC))


# Words of speech, not of the question: greetings, fillers, hedges, how often and how long, and the call itself
# ("Hoi, ik heb hier een moeder aan de lijn, ze is echt helemaal op, al weken"). A long spoken question is full
# of them; as search words they would find services whose text happens to use them ("telefoon", "soms").
FILLER = frozenset(
    "hoi hallo goedemorgen goedemiddag goedenavond ja nee nou eh uh zeg hoor joh "
    "even net echt gewoon eigenlijk misschien beetje best heel helemaal zo'n zelf zelfs toch nog steeds weer eens "
    "soms vaak altijd nooit meestal elke elk iedere ieder alleen nodig snel liefst kort vooral ongeveer "
    "zich zichzelf me mij mijzelf af via erover hierover daarover ermee hiermee "
    "lijn telefoon telefonisch bellen bel belt belde gebeld mail mailen namens collega vraagje "
    "tijd tijdje keer paar laatst laatste inmiddels sinds dag dagen week weken maand maanden avond ochtend middag "
    "nacht nachten gisteren vandaag morgen vorig vorige volgende".split()
)


# Words of the request itself, not of the problem: where or to whom a family can be sent ("waar kan ik haar naar
# verwijzen?", "welke organisatie kan helpen", "waar kan ze aankloppen"). Every service text speaks of referring and
# organisations, so as search words they matched services on the asking (a user test: "tekst noemt 'verwijzen'"
# lifted Jongerenwerk and the POH-Jeugd for a question about a divorce).
REQUEST_FRAME = frozenset(
    "verwijzen doorverwijzen verwijs verwijst verwees verwezen doorverwezen verwijzing verwijzingen doorverwijzing "
    "terecht aankloppen naartoe heen inschakelen organisatie organisaties instantie instanties hulpverlener "
    "hulpverleners".split()
)


def family_question(parsed: Vraag, leeftijd: Optional[int]) -> bool:
    """The question is about a family or child (also one that names the ages of several children)."""
    return (bool({"ouder", "jeugdige", "gezin"} & set(parsed.doelgroep_hints)) or leeftijd is not None
            or bool(parsed.leeftijden))


def asked_kinds(text: str) -> Set[str]:
    """Kinds of non-service entries the question asks for on purpose ('is er een pilot ...')."""
    words = set(lemmas(text, drop_stopwords=False)) | {w.lower() for w in text.split()}
    lemmed = " " + " ".join(lemmas(text, drop_stopwords=False)) + " "
    asked = set()
    for kind, cues in AARD_VRAAGWOORDEN.items():
        if any((cue in words) if " " not in cue else (f" {cue} " in lemmed) for cue in cues):
            asked.add(kind)
    if any(word.endswith(TOOL_ENDINGS) for word in words):
        asked.add("hulpmiddel")  # a named tool or method: "de escalatieladder van Glasl", "een checklist"
    if asked & PROJECT_KINDS:
        asked |= PROJECT_KINDS  # a professional who asks for projects means pilots too, and the other way round
    return asked


# Entries that run for a while in some places: who asks for one of them ("welke projecten zijn er in Vleuten", "is er
# een pilot voor scheiding") is shown the fitting ones among the first results (``ranking.asked_entries_next``).
PROJECT_KINDS = frozenset({"pilot", "project"})
PROJECT_ASK_WORDS = frozenset(word for kind in PROJECT_KINDS for word in AARD_VRAAGWOORDEN[kind] if " " not in word)


def projects_asked(ctx: "QueryContext") -> bool:
    """The question asks for pilots or projects on purpose (``PROJECT_KINDS``)."""
    return bool(ctx.asked & PROJECT_KINDS)


# The endings of words that name a tool or method a professional asks for by name ("escalatieladder",
# "participatieladder", "meldcodechecklist", "gespreksmodel"), besides the words of ``AARD_VRAAGWOORDEN``.
TOOL_ENDINGS = ("ladder", "checklist", "methodiek", "gespreksmodel", "stappenplan", "instrument", "vragenlijst")


@dataclass
class QueryContext:
    """What the search steps share about one question."""

    parsed: Vraag
    leeftijd: Optional[int]
    gemeente: Optional[str]
    themas: List[str]
    terms: List[str]  # lemmas of the question without place words and numbers
    specific: Set[str]  # the terms that are not too general to count on their own
    family: bool  # the question is about a family or child
    professional: bool  # asked by a school or professional
    asked: Set[str]  # kinds of non-service entries asked for on purpose
    index: Optional[KaartIndex] = None  # the index searched (to see whether a service is named)
    ouder_themas: List[str] = field(default_factory=list)  # themes that are a parent's own problem
    kind_themas: List[str] = field(default_factory=list)  # such themes said of the child
    ouder_stoornis: List[str] = field(default_factory=list)  # themes of a parent's own disorder (``with_parenting``)
    school: Optional[str] = None  # the kind of school the child goes to ("po", "vo"), when the question says it
    # the ages of several children of the question when no one age is searched for ("kinderen 6 en 8": ``ages_ok``)
    leeftijden: Tuple[int, ...] = ()
    at_school: bool = False  # the question involves school (a school word or kind of school, a school problem)
    nearby: bool = False  # the question asks for help in the place itself ("in de buurt", "in het dorp zelf")
    provider: bool = False  # the question asks for a provider ("een ggz-aanbieder", "een therapeut", "een praktijk")
    written: Dict[str, str] = field(default_factory=dict)  # a term (lemma) -> the word of the question it came from
    # the words of the child's school named in the question ("Amadeus Lyceum"): where, not what; alone they make no hit
    school_words: FrozenSet[str] = frozenset()
    safety: bool = False  # a danger signal (``danger_signals``) or a measure asked for (``measure_asked``)
    # the question asks where a family can be sent ("waar kan ik haar naar verwijzen?", ``REFERRAL``), or is asked for
    # a family the professional is talking with (a kaart question inside an intake)
    referral: bool = False
    danger_told: bool = False  # the intake the question is asked in found a sign of danger (``danger_told``)
    # the question itself carries a danger signal to a child at home (``danger_signals``, not ``NOT_AT_HOME_DANGERS``)
    danger_said: bool = False
    # the question names sexual exploitation or abuse of a minor, also outside the home (``exploitation_of_a_minor``)
    exploitation: bool = False

    # no age named, but a child not at school yet ("peuter", "kinderdagverblijf": ``ages.preschool_child``)
    preschool: bool = False

    def age_fits(self, service) -> bool:
        """The service fits the child's age, or one of the ages of the children the question names (``ages_ok``); a
        service reached only through school does not fit a child not at school yet (``preschool``)."""
        if self.preschool and only_through_school(service):
            return False
        return ages_ok(service, self.leeftijd, self.leeftijden)


GROWTH_THEMES = frozenset({"ontwikkeling", "gezondheid", "jonge_kind", "pesten", "seksualiteit"})


def growth_question(ctx: QueryContext) -> bool:
    """A question for the youth health service rather than for youth care: about a young child, or first of all
    about growth, health, bullying or sexuality (004: parents can always ask team Jeugd en Gezin about growth and
    development, speech and language, food, bullying, sexuality, toilet training)."""
    return ((ctx.leeftijd is not None and ctx.leeftijd <= YOUNG_CHILD)
            # a baby or toddler without an age ("huilbaby", "peuter op het kdv"), unless the question is about danger
            # or a measure ("ots nodig voor een gezin met een baby": the way to the measure, not the JGZ, comes next)
            or (ctx.preschool and not ctx.safety)
            or bool(ctx.themas[:1]) and ctx.themas[0] in GROWTH_THEMES and not parents_own_theme(ctx, ctx.themas[0]))


def parents_own_theme(ctx: QueryContext, theme: str) -> bool:
    """``theme`` is said of a parent only ("haar moeder heeft MS", "moeder is depressief"), not of the child: a
    parent's illness is no question about the child's growth or health (toets25: a young carer of a mother with MS got
    the JGZ first as the way in)."""
    return theme in ctx.ouder_themas and theme not in ctx.kind_themas


def safety_signal(ctx: QueryContext) -> bool:
    """The question carries a sign of danger to a child: the theme safety, read by more than the words of a measure
    already in place; a measure asked for or looming ("ots aanvragen", "er dreigt een kinderbeschermingsmaatregel");
    or a danger signal of the intake other than suicide (violence, threats, signs of abuse: "vader dreigt haar iets
    aan te doen"). "OTS loopt, mdr zoekt opvoedondersteuning" and an ordinary divorce carry none. With a measure
    already in place the gezinsvoogd is the way for a worry the safety theme reads ("ots sinds de zomer, ... zn 15
    weer weggelopen"): only a danger signal counts then."""
    if ctx.parsed.maatregel_loopt or ctx.parsed.raad_onderzoekt:
        return ctx.safety
    return ctx.safety or "veiligheid" in ctx.themas


# A child protection measure named in a question ("ots aanvragen", "de kinderrechter overweegt een maatregel").
MEASURE_NAMED = re.compile(r"\b(?:\w*maatregel|ots|ondertoezichtstelling|uithuisplaatsing|kinderrechter"
                           r"|raad voor de kinderbescherming)\b", re.IGNORECASE)
# danger signals whose help is no safety service first: crisis care (suicide), and a parent afraid of harming their
# own child, whose advice already names Veilig Thuis and whose help in the kaart is the JGZ, the opvoedcoach (toets15)
NO_SAFETY_DANGERS = frozenset({"gevaar_suicide", "gevaar_ouder_bang_iets_aan_te_doen"})


# sexual exploitation or extortion online (sextortion, a loverboy): a sign of danger, but no sign of danger at home that
# puts Veilig Thuis before the jongerenwerk and the police (every blind kaart set sends it there first)
NOT_AT_HOME_DANGERS = frozenset({"gevaar_seksuele_uitbuiting"})


# Sexual exploitation or abuse of a minor outside the home: a loverboy, grooming, prostitution, or an adult in sexual
# contact with a child. Veilig Thuis advises on and takes reports of the sexual abuse and exploitation of minors, also
# outside the home, as Rustpunt's own safety advice says (signalen.yml, gevaar_seksuele_uitbuiting: the
# aandachtsfunctionaris and Veilig Thuis, the police for a report or direct danger); the blind sets expect it among
# the first three for a loverboy or a grown man who chats with a girl (toets15, toets20). Nude images that go round
# among peers, or peers who extort with them, stay with the jongerenwerk and the school (``NOT_AT_HOME_DANGERS``):
# every blind set sends those there.
EXPLOITATION = re.compile(r"\b(?:loverboy\w*|lover\s+boys?|lovergirl\w*|pooier\w*|mensenhandel\w*|\w*prostitu\w*"
                          r"|grooming|gegroomd|groomen|groomt|groomde|groomer"
                          r"|seksue\w*\s+uitgebuit|seksuele\s+uitbuiting)\b", re.IGNORECASE)
# an age in words as speech-to-text writes it ("een man van dertig", "vriendje van tweeëntwintig"; toets22, toets24)
_UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60}
_SPOKEN_TENS = (r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:e|ë)n)?(?:twintig|dertig|veertig|vijftig"
                r"|zestig)|achttien|negentien")


def _age_in_words(word: str) -> Optional[int]:
    """The number an age of 18 or more in words says ("dertig", "tweeëntwintig", "negentien"), else None."""
    word = word.lower().replace("ë", "e")
    if word in ("achttien", "negentien"):
        return 18 if word == "achttien" else 19
    for tens, value in _TENS.items():
        if word.endswith(tens):
            unit = word[:-len(tens)]
            if not unit:
                return value
            if unit.endswith("en") and unit[:-2] in _UNITS:
                return value + _UNITS[unit[:-2]]
    return None


# an adult named beside the child: "volwassen man", "veel oudere man", "man van 30", "(nieuw) vriendje van 22",
# "'vriend' 23"
ADULT_NAMED = re.compile(r"\b(?:volwassen|volwassene|oudere|veel\s+oudere)\s+(?:man|mannen|vrouw|vent|kerel|jongen)\b"
                         r"|\bvolwassene\b"
                         r"|\b(?:man|vent|kerel|vriend|vriendje|vriendin)'?\s+(?:van\s+)?(\d{2}|" + _SPOKEN_TENS
                         + r")(?:\s*(?:jaar|jr))?\b", re.IGNORECASE)
# what an adult does with the child that says exploitation or abuse: sexual contact, chats, gifts, nights away,
# taking her along, the child run away to him
ADULT_CONTACT = re.compile(r"\b(?:seks\w*|naakt\w*|chat\w*|cadeau\w*|nachten?\s+weg|blijft\s+(?:\w+\s+)?weg"
                           r"|feest\w*|meeneemt|neemt\s+(?:haar|hem)\s+mee|weggelopen|loopt\s+weg|zit\s+bij"
                           r"|slaapt\s+bij|geld|drugs)\b", re.IGNORECASE)
ADULT_AGE = 18
AGE_GAP = 5  # a "vriendje van 19" of a girl of 17 is no adult beside a child; one of 22 of a girl of 16 is


def safety_read_by_crisis(parsed: Vraag) -> bool:
    """The safety theme was read for a parent who wants to die or a child used by others to run drugs or parcels
    (``query._parent_in_crisis``, ``query._child_used_by_others``): a sign of danger said in the question, so Veilig
    Thuis joins the first three with the meldcode's reason (``routes.safety_service_first``)."""
    said = {simplify(word) for word in parsed.thema_woorden.get("veiligheid", ())}
    return bool(said) and said <= SUICIDE_WORDS | COURIER_WORDS


def exploitation_of_a_minor(parsed: Vraag, leeftijd: Optional[int]) -> bool:
    """The question names sexual exploitation or abuse of a minor (``EXPLOITATION``), or an adult beside a minor
    (``ADULT_NAMED``: a grown man, or a man or 'vriend' at least ``AGE_GAP`` years older and of age) who has sexual
    or online contact with the child, gives gifts, keeps her away at night or with whom she ran away
    (``ADULT_CONTACT``). Not for a young adult (18 or older), nor for peers ("vriendje van 19" of a girl of 17)."""
    if leeftijd is not None and leeftijd >= ADULT_AGE:
        return False
    text = parsed.tekst or ""
    if EXPLOITATION.search(text):
        return True
    for match in ADULT_NAMED.finditer(text):
        if match.group(1):
            age = int(match.group(1)) if match.group(1).isdigit() else (_age_in_words(match.group(1)) or 0)
            if age < ADULT_AGE or leeftijd is None or age - leeftijd < AGE_GAP:
                continue
        if ADULT_CONTACT.search(text):
            return True
    return False


# The housing words that say someone has no roof of their own: sleeping rough or at others', put out of the house,
# asking where to sleep ("slaapplek": ``query.HOMONIEMEN`` reads "slaapt op straat" and "waar kan ie slapen" so).
# "hangt op straat" is no such word: it is where a teenager spends the evening; nor is sleeping at someone's in
# general ("slaapt steeds vaker bij oma": ``query.HOMONIEMEN`` reads it as "logeert bij").
NO_ROOF_WORDS = frozenset({"dakloos", "eruit gezet", "op straat gezet", "uit gezet", "slaapplek", "zwerft", "onderdak",
                           "geen huis", "geen dak boven", "slaapt bij vrienden", "slapen bij vrienden",
                           "logeert bij vrienden", "bankslapen", "slaapt op de bank", "slapen op de bank",
                           "noodopvang"})


def minor_without_a_roof(parsed: Vraag, leeftijd: Optional[int]) -> bool:
    """A child under 18 has no safe place to sleep: the housing theme said of the child (``Vraag.kind_themas``) by a
    word of ``NO_ROOF_WORDS`` ("jongen 16 slaapt af en toe op straat", "mdr heeft m eruit gezet"). Housing, and a
    worry about the child's safety (``messages.ZONDER_SLAAPPLEK``); the kaart has no youth shelter
    (``ontbrekende_hulp.yml``)."""
    if leeftijd is None or leeftijd >= ADULT_AGE or "wonen_werk" not in parsed.kind_themas:
        return False
    return bool(set(parsed.thema_woorden.get("wonen_werk", ())) & NO_ROOF_WORDS)


def measure_asked(parsed: Vraag) -> bool:
    """A child protection measure named and not in place: asked for or looming ("ots aanvragen"). A measure said not
    to be there ("er is nog geen maatregel", "geen ots") is not asked for, nor one the Raad already investigates
    (``Vraag.raad_onderzoekt``: the way to it is taken)."""
    if parsed.maatregel_loopt or parsed.raad_onderzoekt:
        return False
    return MEASURE_NAMED.search(MEASURE_DENIED.sub(" ", parsed.tekst)) is not None


# A measure said not to be there: "er is (nog) geen maatregel", "geen ots", "zonder uithuisplaatsing".
MEASURE_DENIED = re.compile(r"\b(?:(?:nog|ook)\s+)?(?:geen|zonder)\s+(?:\w*maatregel(?:en)?|ots|ondertoezichtstelling"
                            r"|uithuisplaatsing)\b", re.IGNORECASE)


def danger_signals(parsed: Vraag) -> List[str]:
    """The ids of the danger signals of the intake (``bot.intake.danger``) in the question, but ``NO_SAFETY_DANGERS``:
    violence, threats, stalking, signs of abuse ("zn 16 slaat mdr", "oom zit aan haar"). A signal counts in the
    search text (without denials and with homonyms guarded: "slaat zijn broertje" is fighting) and in the question as
    typed: the search text leaves out the words of a homonym, so "dreigt vast te lopen" reads "dreigt op school"."""
    from bot.intake.danger import danger_in  # lazy: the intake's signals load only for a search

    found = [signal.id for signal in danger_in(parsed.zoektekst or parsed.tekst) if signal.id not in NO_SAFETY_DANGERS]
    if found and parsed.zoektekst and parsed.zoektekst != parsed.tekst:
        typed = {signal.id for signal in danger_in(parsed.tekst)}
        found = [signal for signal in found if signal in typed]
    return found


def danger_told(signal_ids: Iterable[str]) -> bool:
    """Danger signals found before the question (by the intake it is asked in) that are a sign of danger to a child
    (all but ``NO_SAFETY_DANGERS``): the search then reads safety as the question's first theme."""
    return any(signal_id not in NO_SAFETY_DANGERS for signal_id in signal_ids)


# A question that asks where a family can be sent: "waar kan ik haar naar verwijzen?", "naar wie kan ik doorverwijzen",
# "waar kunnen ze terecht", "waar kan moeder aankloppen". The answer is a service the family can be referred to.
REFERRAL = re.compile(r"\b(?:(?:door)?verwijzen|(?:door)?verwijs|terecht|aankloppen)\b", re.IGNORECASE)


# A service the question says is already involved: "Halt loopt al", "gezin al bekend bij Team Jeugd", "zit al bij het
# buurtteam", "het jeugdteam is al betrokken", "buurtteam heeft al een paar gesprekken gehad", "al halt gehad". The
# words that name it are read, not the service: which entry they name is the index's to say
# (``routes.involved_not_first``).
INVOLVED = re.compile(
    r"\b((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:loopt|lopen|liep|liepen)\s+(?:al|nog|inmiddels)\b"
    r"|\b(?:al|inmiddels)\s+(?:bekend\s+)?(?:bij|in\s+zorg\s+bij|onder\s+behandeling\s+bij)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)"
    r"(?=\s*(?:[,.;:!?]|$|\s+(?:en|maar|want|sinds|voor|over|met|,)\b))"
    r"|\b((?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:is|zijn)\s+(?:al|inmiddels)\s+(?:betrokken|ingeschakeld|bezig)\b"
    r"|\b((?:[\w'-]+\s+){0,1}?[\w'-]+)\s+(?:heeft|hebben)\s+al\s+(?:een\s+paar\s+|enkele\s+|wat\s+)?gesprekken\b"
    # "al halt gehad", "al een traject bij Halt gehad" (the blind set toets20 had Bureau Halt first)
    r"|\b(?:al|inmiddels)\s+(?:een\s+)?((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:gehad|gedaan)\b",
    re.IGNORECASE)


def involved_words(text: str) -> List[List[str]]:
    """Per clause that says a service is already involved (``INVOLVED``), the lemmas of the words that name it."""
    found = []
    for match in INVOLVED.finditer(text or ""):
        named = next(group for group in match.groups() if group)
        terms = [term for term in lemmas(named) if term not in GENERIC]
        if terms:
            found.append(terms)
    return found


def names_child_or_school(ctx: QueryContext) -> bool:
    """The question names a child or school: a child or a family (a household with children: "gezin met schulden"),
    the child's age or kind of school, or school itself (a school word, a school problem, a school asking). Without
    any of them a parent's own problem ("moeder heeft gokschulden") says nothing of a child at school."""
    hints = set(ctx.parsed.doelgroep_hints)
    return (bool({"jeugdige", "gezin", "school"} & hints) or ctx.leeftijd is not None or bool(ctx.leeftijden)
            or ctx.at_school or ctx.school is not None)


# A family that wants help close to home says so: "hier in de buurt", "dichtbij", "in het dorp zelf", "in Hilversum
# zelf", "in de wijk": a service of that place itself then goes before one of the whole region.
NEARBY = re.compile(r"\b(?:in de (?:buurt|wijk)|dichtbij|dicht bij huis|in (?:het|ons|hun|ons eigen|hun eigen) dorp"
                    r"|in (?:de |het )?[\w'-]+ zelf)\b", re.IGNORECASE)


PLACE_KIND_WORDS = frozenset({"regio", "gemeente", "wijk", "dorp", "kern", "stad"})

# Asking for a provider by its kind: the providers the source only names are then what is asked for.
PROVIDER = re.compile(r"\b(?:\w*aanbieders?|therapeut\w*|(?:therapie|psychologen|ggz|jeugd)praktijk(?:en)?"
                      r"|behandelaars?|zorgaanbieder\w*)\b", re.IGNORECASE)


# the words of the Raad's investigation (``query.raad_investigates``)
RAAD_WORDS = frozenset({"raad", "onderzoek", "onderzoeken", "raadsonderzoek", "rvdk", "rvk", "kinderbescherming"})


def question_context(parsed: Vraag, leeftijd: Optional[int], gemeente: Optional[str], themas: List[str]
                    ) -> QueryContext:
    # the place and the word that says what kind of place it is ("in de regio Gooi") are no search words, nor is
    # a second place name of the table ("Bussum, Gooise Meren": "Bussum" names no service)
    # (a school that gave the place is still a search word: its offer may name it, "Gooise Praktijkschool")
    school_place = parsed.plaats_info is not None and parsed.plaats_info.soort == "school"
    place_words = (set() if school_place else set(lemmas(parsed.plaats or ""))) | PLACE_KIND_WORDS \
        if parsed.plaats else set()
    spellings = places.tabel().spellings  # looked up once: each lookup checks the loaded knowledge
    if parsed.plaats:
        place_words |= {t for t in lemmas(parsed.tekst) if t in spellings and spellings[t].soort != "school"}
    elif gemeente:
        # a place given apart from the question (the chat's place, a follow-up) is no search word either where the
        # question names it in a way the place reader skips ("..., huizen": a user test got "tekst noemt 'huizen'")
        place_words |= {t for t in lemmas(parsed.tekst) if t in spellings and spellings[t].code == gemeente}
    # nor are the words that gave the school year ("groep 6"), single letters ("'s ochtends") and fillers
    place_words |= school_year_words(parsed.tekst)
    # the text match reads the question without the words that frame the call ("ik werk bij het buurtteam")
    asked_text = parsed.zoektekst if parsed.zoektekst is not None else parsed.tekst
    # nor are the words that ask for pilots or projects: they say what kind of entry, and the kind decides
    # ("welke pilots zijn er voor scheiding" got every pilot whose text says "pilot")
    place_words |= PROJECT_ASK_WORDS
    # nor are the words of the Raad's investigation that is already under way ("raad doet onderzoek"): it says where
    # the family stands, not what it needs (toets20 got the JGZ first by "tekst noemt 'onderzoek'")
    if parsed.raad_onderzoekt:
        place_words |= RAAD_WORDS
    dangers = danger_signals(parsed)
    exploitation = exploitation_of_a_minor(parsed, leeftijd)
    crisis = safety_read_by_crisis(parsed)
    terms = [t for t in lemmas(asked_text)
             if t not in place_words and t not in FILLER and t not in REQUEST_FRAME and not t.isdigit() and len(t) > 1]
    written: Dict[str, str] = {}
    for word in words(asked_text):  # a reason quotes a term as it was typed ("slaapt", not "slapen")
        written.setdefault(lemma(word), word)
    generic_stems = _generic_stems()
    return QueryContext(
        parsed=parsed, leeftijd=leeftijd, gemeente=gemeente, themas=themas, terms=terms,
        leeftijden=parsed.leeftijden if leeftijd is None else (),
        # a form of a general word the lemma table lacks ("zit", "gepraat") is as general as the word
        specific={t for t in terms if t not in GENERIC and stam(t) not in generic_stems},
        family=family_question(parsed, leeftijd),
        professional=bool({"school", "professional"} & set(parsed.doelgroep_hints)),
        asked=asked_kinds(parsed.tekst),
        school=school_kind(parsed.tekst),
        at_school=((school_mentioned(parsed.tekst) and not year_only_at_home(parsed))
                   or bool(SCHOOL_THEMES & set(themas))),
        nearby=NEARBY.search(parsed.tekst) is not None,
        provider=PROVIDER.search(parsed.tekst) is not None,
        written=written,
        safety=bool(dangers) or measure_asked(parsed) or exploitation or crisis,
        danger_said=any(signal not in NOT_AT_HOME_DANGERS for signal in dangers) or crisis,
        exploitation=exploitation,
        referral=REFERRAL.search(parsed.tekst) is not None,
        preschool=preschool_child(parsed.thema_woorden.get("jonge_kind", ()), leeftijd, parsed.leeftijden),
    )
