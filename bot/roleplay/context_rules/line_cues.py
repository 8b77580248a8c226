"""Cue lists on one sentence of the persona's line: what it invites (``INVITATIONS``, in order of precedence),
plus the families the rules ask about directly: a feeling, evidence offered about the other, not knowing what
to do, having to live with it, accepting the reality, hoping.
"""
from __future__ import annotations

import re
from typing import Tuple

from bot.roleplay.context_rules.words import family

# The persona offers evidence about the other to look at ("Die mail moet u echt zien.", "Ik heb het uitgeprint.",
# "Dan weet u genoeg."): a question after its content goes into the facts (inhoud)
_EVIDENCE_CUE = (r"(?:(?:moet|moeten|kunt|kan|mag) (?:u|jij|je) (?:\w+ ){0,2}"
                 r"(?:zien|lezen|bekijken|doorlezen|hebben)|dan (?:weet|ziet) (?:u|je|jij) (?:genoeg|het|hoe het zit)|"
                 r"(?:lees|leest|bekijk|bekijkt|kijk|kijkt) (?:(?:u|jij|je) )?(?:\w+ ){0,2}maar|"
                 r"(?:heb|hebben) (?:\w+ ){0,4}(?:bewaard|opgeslagen|vastgelegd|gedocumenteerd)|"
                 r"hier (?:staan|staat|zijn|is|heb ik) (?:ze |het )?(?:\w+ ){0,2}(?:berichten|bewijzen|screenshots|"
                 r"mails?|appjes|brieven|brief|papieren|verslagen)|"
                 r"bewij[sz]\w*|uitgeprint|geprint|zwart op wit|screenshots?|schermafdruk\w*)(?![^.!?]*\?)")
EVIDENCE = family(_EVIDENCE_CUE)
# The persona does not know what to do ("Ik weet niet wat ik moet terugschrijven.", "Wat moet ik nou doen?"):
# a question about wanting then asks which way to go (opties)
_WHAT_NOW_CUE = (r"(?:weet|snap) (?:\w+ ){0,2}niet (?:goed |meer )?(?:wat|hoe) ik (?:\w+ ){0,3}(?:moet|kan|zal|zou)|"
                 r"wat (?:moet|kan|zal) ik (?:\w+ ){0,2}(?:doen|zeggen|antwoorden|terugschrijven|terugsturen|schrijven|"
                 r"ermee|daarmee)")
WHAT_NOW = family(_WHAT_NOW_CUE)
# What the persona's sentence invites, in order of precedence within one sentence.
INVITATIONS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    # whose side are you on / who is right
    ("visie", family(r"voor wie", r"aan wiens kant", r"aan (?:de|mijn|zijn|haar) kant", r"kant van", r"kant kiezen",
                     r"(?:kiezen|kiest|kies) (?:\w+ ){0,2}tussen",
                     r"partij", r"wie (?:heeft|had) (?:er |hier )?(?:nou |nu )?gelijk",
                     r"wie (?:er |hier )?(?:nou |nu )?gelijk (?:heeft|had)",
                     r"(?:bent|staat) u (?:er )?(?:(?:eigenlijk|toch|wel|ook|nou|nu) ){0,2}(?:voor|achter)",
                     r"u (?:bent|staat) (?:er )?(?:(?:eigenlijk|toch|wel|ook|nou|nu) ){0,2}(?:voor|achter)",
                     r"(?:ben|sta) (?:jij|je) (?:er )?(?:(?:eigenlijk|toch|wel|ook|nou|nu) ){0,2}(?:voor|achter)",
                     r"(?:jij|je) (?:bent|staat) (?:er )?(?:(?:eigenlijk|toch|wel|ook|nou|nu) ){0,2}(?:voor|achter)",
                     # is it my fault / whose fault; what the professional is assumed to want or think of one
                     r"door mij", r"aan mij", r"mijn schuld", r"wiens schuld", r"wie (?:zijn|haar) schuld",
                     r"(?:u|jij|je) (?:wilt|wil|vindt|vind|denkt|denk) (?:\w+ )?(?:zeker|dus|vast)",
                     r"(?:wilt|wil|vindt|vind|denkt|denk) (?:u|jij|je) (?:\w+ )?(?:zeker|dus|vast)",
                     r"dus (?:u|jij|je) (?:wilt|wil|vindt|vind|denkt|denk)",
                     r"(?:u|jij|je) (?:bent|ben) (?:\w+ )?zeker",
                     # what the professional will say or thinks of the persona: "Gaat u ook zeggen dat ik ...?"
                     r"(?:(?:gaat|ga|gaan) (?:u|jij|je)|(?:u|jij|je) (?:gaat|ga)) (?:\w+ ){0,3}"
                     r"(?:zeggen|vertellen|beweren|opschrijven|schrijven) (?:dat|wie)\b",
                     r"(?:zeg|zegt|vind|vindt|denk|denkt) (?:u|jij|je) (?:\w+ ){0,2}dat ik",
                     # what the professional or these talks are there for
                     r"waar (?:is|zijn|was|waren) (?:\w+ ){0,4}goed voor",
                     r"wat (?:heeft|heb|hebben) (?:\w+ ){0,3}(?:voor )?zin",
                     r"waar (?:doe|doen|zit|zitten) (?:ik|we|wij|u|jij|je) (?:\w+ ){0,4}voor\b",
                     r"wat (?:is|wordt) (?:\w+ ){0,2}(?:uw|jouw|je) rol",
                     r"waarom (?:zit|ben|zitten|zijn) (?:ik|we|wij|u|jij|je) (?:hier|eigenlijk)")),
    # asks the professional to take the problem over (only a bare yes makes this redden)
    ("redden", family(r"(?:kunt|wilt|zou) u (?:\w+ ){0,6}(?:bellen|praten|zeggen|regelen|vertellen|spreken|aanspreken|"
                      r"bepalen|oplossen|vragen|zorgen|opschrijven|noteren|melden)",
                      r"(?:kun|kan|wil|zou) (?:jij|je) (?:\w+ ){0,6}(?:bellen|praten|zeggen|regelen|vertellen|spreken|"
                      r"aanspreken|bepalen|oplossen|vragen|zorgen|opschrijven|noteren|melden)",
                      r"(?:bel|regel|zeg) (?:jij|u) (?:\w+ ){0,3}maar", r"(?:zegt|regelt|belt) u (?:\w+ ){0,3}maar",
                      # "Dan belt u hem en zegt u het gewoon.": what the professional is to do next
                      r"(?:dan|en) (?:belt|zegt|regelt|stuurt|vraagt|spreekt|mailt|appt) (?:u|jij)(?!\w)",
                      # "Als u haar nou een berichtje stuurt, namens mij.", "Als jij met haar advocaat belt..."
                      r"^\W*als (?:u|jij|je) (?:\w+ ){0,5}(?:nou|eens|even|bellen|belt|stuurt|praat|regelt|zegt|"
                      r"vraagt|mailt|spreekt|appt)(?!\w)",
                      r"^\W*(?:en |dus |of )?(?:zet|schrijft|schrijf|zegt|belt|bel|regelt|regel|doet|doe|vraagt|vraag|"
                      r"stuurt|stuur|meldt|meld|neemt|neem|gaat|ga) (?:u|jij) [^?]{0,80}\?",
                      # asks for a promise or a guarantee: "Beloof je dat ...?", "Zorgt u ervoor dat ...?"
                      r"(?:beloof|belooft) (?:je|jij|u|me|mij)",
                      r"(?:kun|kan|kunt|wil|wilt) (?:je|jij|u) (?:\w+ ){0,3}beloven",
                      r"(?:zorg|zorgt) (?:je|jij|u) (?:er )?(?:\w+ )?(?:voor )?dat",
                      # a request said as a statement with a tag: "U zet toch wel in het verslag dat ...?"
                      r"^\W*(?:en |dus |maar )?(?:u|jij|je) (?:zet|schrijft|zegt|belt|regelt|vertelt|meldt|stuurt|"
                      r"vraagt|doet|neemt|praat) (?:\w+ )?(?:toch|wel|even|dan|gewoon|ook)\b[^?]{0,80}\?",
                      # "Wilt u haar niet gewoon overhalen om te komen?": wants the professional to do something
                      r"^\W*(?:en |dus |maar |of )?(?:wilt|wil|zou|zoudt) (?:u|jij|je) "
                      r"(?!(?:\w+ ){0,3}(?:dat ik|weten|horen|zien|snappen|begrijpen|geloven|vinden|denken|"
                      r"voorstellen|zeggen wie|(?:\w+ ){0,2}(?:drinken|koffie|thee|water|eten|koekje|glas|wachten|"
                      r"herhalen)))"
                      r"(?:\w+ ){0,6}\w{3,}en\b[^?]{0,60}\?",
                      r"^\W*(?:en |dus |maar |of )?(?:kunt|kun|kan) (?:u|jij|je) "
                      r"(?![^?]*(?:voorstellen|begrijpen|snappen|inzien|zien|horen|voelen|geloven))[^?]{0,80}\?")),
    # wants the professional to agree about the other (only a bare yes makes this inhoud)
    ("inhoud", family(r"toch ook", r"ziet u (?:dat |het )?toch", r"zie (?:jij|je) (?:dat |het )?toch",
                      r"vindt u (?:ook )?niet", r"vind (?:jij|je) (?:ook )?niet", r"heb ik (?:nou )?gelijk",
                      # "Heb ik gelijk of niet?", not "of ze komt of niet"
                      r"klopt (?:dat |het )?toch", r"of niet\s*\?",
                      # a judgement about the other, or a tag question about them with "toch"
                      r"deugt niet", r"niet deugt",
                      r"(?:dat|het) is toch (?:niet |ook |gewoon )?(?:normaal|raar|gek|logisch)",
                      # "Dat is toch geen reden om ...?", "Dat is toch belachelijk?"
                      r"(?:dat|het|dit) is toch (?:\w+ )?(?:geen reden|belachelijk|absurd|idioot|schandalig|onzin|"
                      r"niet oké|niet ok|te gek)",
                      # asks the professional to rule on a rule or a fact: "Mag ik nou wel of niet ...?"
                      r"wel of niet",
                      # offers the evidence: "Leest u ze maar.", "Hier staan alle berichten." (``EVIDENCE``)
                      r"(?:^|, )(?:hij|zij|ze|die) \w+ [^?.!]{0,60}?toch\b[^.!?]*\?",  # a question
                      # a verdict on the other: "Ze liegt gewoon.", "Hij speelt toneel.", "Zij is onbetrouwbaar."
                      r"(?:hij|zij|ze|die|papa|mama|mijn ex) (?:\w+ )?(?:liegt|loog|liegen|logen|overdrijft|"
                      r"manipuleert|speelt (?:\w+ )?(?:spelletje|spelletjes|spel|toneel)|doet (?:maar )?alsof)",
                      r"(?:hij|zij|ze|die|papa|mama|mijn ex|(?:haar|zijn|hun) (?:vader|moeder)) is (?:\w+ ){0,2}"
                      r"(?:leugenaar|manipulator|egoïst|onbetrouwbaar|gestoord)",
                      # asks the professional to see the persona's point: "Snapt u het nou?", "Ziet u het nu?"
                      r"(?:snapt|snap|ziet|zie|begrijpt|begrijp) (?:u|je|jij) (?:het|dat) (?:nou|nu|dan|toch)\s*\?",
                      _EVIDENCE_CUE)),
    # hopes the other will change, or asks whether it will stay like this / can be forced
    ("realiteit", family(r"vast wel", r"vanzelf", r"ooit",
                         r"dus (?:\w+ ){0,4}(?:niet|nooit|niks|niets|geen|blijft|altijd)",
                         r"dwingen", r"verplichten", r"(?:niet|nooit) (?:meer )?(?:veranderen|verandert|bijdraaien)",
                         r"gaat (?:ze|hij) (?:nog|misschien|ooit)",
                         # "..., dan moet ze wel luisteren.", "... dat ze dan eindelijk ophoudt."
                         r"dan (?:moet|zal|gaat|moeten|zullen|gaan) (?:ze|hij|zij) (?:\w+ )?(?:wel|eindelijk)",
                         r"dat (?:ze|hij|zij) dan (?:\w+ )?eindelijk",
                         # "Kan het zijn dat ze nooit meer ...?"
                         r"(?:kan|zou) het (?:\w+ )?(?:zijn|kunnen) dat",
                         r"blijft (?:het|ze|hij) (?:zo|altijd)",
                         # asks whether it will happen again: "Dus volgende keer doet ze het gewoon wéér?"
                         r"dus (?:\w+ ){0,6}(?:w[eé]{2}r|wéér|opnieuw|alweer|steeds|telkens)(?=[^.!]*\?)",
                         r"(?:gaat|zal|blijft) (?:ze|hij|zij|het) (?:dat |het )?(?:\w+ )?(?:steeds|telkens|altijd) "
                         r"(?:w[eé]{2}r|zo|doen)",
                         # asks whether this is just how it is: "Zo is het nu eenmaal?", "Moet ik ermee leren leven?"
                         r"(?:zo is het|is het zo|is het) (?:\w+ )?(?:nu eenmaal|gewoon zo)",
                         r"hoe het (?:nu eenmaal )?is",
                         r"(?:mee|ermee|daarmee) (?:\w+ ){0,2}leren leven",
                         r"(?:(?:moet|kan) ik|ik (?:moet|kan)) (?:\w+ ){0,3}"
                         r"(?:slikken|accepteren|aanvaarden|neerleggen)")),
    # the persona's own idea, or asks what to do now
    ("opties", family(r"misschien (?:moet|kan|ga|zou) ik", r"misschien (?:moeten|kunnen|gaan|zouden) (?:we|wij)",
                      r"^\W*misschien (?!is\b|was\b|wil\b|wilt\b|heeft\b|komt\b)\w+ ik\b",  # "Misschien stuur ik ..."
                      r"(?:ik heb|heb ik) (?:\w+ ){0,3}(?:bedacht|verzonnen)",
                      r"ik (?:kan|moet|ga) (?:beter|misschien)", r"dat ik (?:beter|best|misschien) (?:kan|moet|ga)",
                      r"ik zou (?:\w+ ){0,8}kunnen", r"ik kan het(?!(?: \w+){0,3} (?:niet|nooit|niks|niets)(?!\w))",
                      r"ik kan (?:haar|hem|ze|"
                      r"ook|gewoon|naar|de|een|eerst|zelf|bij|met)(?!(?: \w+){0,3} (?:niet meer|nooit|niks|niets))",
                      r"of ik (?:ga|kan|zou)", r"^\W*of (?:ik|we) \w+",  # a second idea: "Of ik zet ..."
                      r"ik ga (?:\w+ ){0,2}(?:niet meer|niet meteen|eerst|haar|hem|ze|de|een|naar)",
                      r"wat (?:moet|kan) ik (?:dan|nu|nog)", r"hoe moet ik (?:dan |nu )?verder",
                      r"eerst (?:een|even) (?:nacht|nachtje)",
                      _WHAT_NOW_CUE,
                      # the advice of another: "Mijn moeder zegt altijd: ...", "Mijn zus vindt dat ik beter ..."
                      r"(?:zegt|zei|zeggen|zeiden|raadt|raadde|raden|adviseert|adviseerde|adviseren)(?: \w+){0,2}\s*:",
                      r"(?:zegt|zei|zeggen|zeiden|raadt|raadde|adviseert|adviseerde|vindt|vond) (?:\w+ ){0,2}(?:dat )?"
                      r"ik (?:\w+ ){0,3}(?:beter|best|zou|kan)\b",
                      r"(?:zijn|haar|mijn|hun) (?:advies|tip|raad) (?:is|was)",
                      r"(?:een )?(?:nacht|nachtje) over (?:slapen|slaap)", r"slaap er (?:\w+ )?(?:een )?nacht\w* over",
                      # a time it went well (an exception to build on): "Toen was het rustig.", "Dat ging toen goed."
                      r"(?:toen|daar|die keer|die tijd|vroeger|dat jaar) (?:\w+ ){0,2}(?:was|ging|werkte|lukte|liep) "
                      r"(?:het|dat|alles) (?:\w+ ){0,2}(?:rustig|goed|beter|fijn|prima|gezellig|leuk)",
                      r"(?:het|dat|alles) (?:ging|werkte|lukte|liep) toen (?:\w+ )?(?:rustig|goed|beter|fijn|prima)")),
    # names a wish or a longing
    ("behoefte", family(r"ik wil", r"ik zou (?:zo )?graag", r"ik zou willen", r"ik wou", r"had ik maar", r"het liefst",
                        r"ik hoop", r"ik mis", r"ik verlang", r"mijn wens", r"ik wens", r"zou ik willen",
                        r"was het maar", r"(?:dat|wat) ik (?:\w+ )?(?:nog |echt |eigenlijk |alleen )?(?:wil|wou)(?!\w)",
                        # what everyone else wants: "Mama wil dit, papa wil dat, en school weer wat anders."
                        r"(?:mama|papa|mam|pap|mijn moeder|mijn vader|mijn ex|iedereen|school|de school|de rechter|"
                        r"hij|zij|jullie|ze allemaal) (?:wil|wilt|wou|willen|wilden) (?:dit|dat|iets|wat|weer|altijd|"
                        r"alleen|steeds|ook|van alles)(?![\w ]*\?)",
                        # an unfinished wish: "Als hij nou maar eens op tijd kwam...", "Als ze één keer zou bellen..."
                        r"^\W*als (?!ik\b|we\b|wij\b)(?:\w+ ){0,5}(?:nou|maar|één keer|een keer)\b[^?]*$",
                        # a bare "dat"-clause that answers "what would you want?": "Dat ze niet meer schreeuwen."
                        r"^\W*dat (?:ze|zij|hij|papa|mama|mijn|we|wij|iemand|er|hun|jullie) [^,]*?"
                        r"(?:niet meer|weer|gewoon|eens|ophoud\w*|stopp?\w*)[^,]*$")),
    # tells what happened, or the pattern of action and reaction
    ("dynamiek", family(r"toen", r"gisteren", r"gisteravond", r"vorige week", r"laatst", r"elke keer",
                        r"die (?:keer|avond|dag|ochtend|middag|nacht|(?:maan|dins|woens|donder|vrij|zater|zon)dag)",
                        r"geappt", r"gebeld", r"gestuurd",
                        # "als papa de deur opendoet zegt mama meteen iets": what the other does each time
                        r"(?:zegt|roept|begint|gaat|doet|pakt|loopt|komt) (?:hij|zij|ze|mama|papa|mijn \w+|m'n \w+) "
                        r"(?:\w+ )?(?:meteen|direct|gelijk|altijd|weer)",
                        r"altijd als", r"iedere keer", r"zodra", r"(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*",
                        r"vanochtend", r"vanmorgen", r"appte", r"appje", r"appt", r"belde", r"stuurde", r"schreef",
                        r"zei", r"stond", r"kwam", r"reageerde", r"begon", r"begint")),
    # shows a feeling
    ("erkennen", re.compile(
        r"\b(boos|woedend|verdrietig|kapot|doodmoe|moe(?![tds])|bang|jank|trill?|overstuur|paniek|"
        r"machteloos|wanhopig|ik kan niet meer|"
        r"ik trek het niet|ik weet het niet meer|ik ben er (?:zo |echt |helemaal |gewoon )?klaar mee|"
        r"gefrustreerd|teleurgesteld|huil|wakker|"
        # an apology for one's outburst: "Sorry dat ik zo tekeerga.", "Ik kan het niet binnenhouden."
        r"(?:sorry|excuses|excuus|pardon)\W+(?:\w+\W+){0,2}(?:dat|voor|als) (?:ik|mijn)|tekeer|uitval|ontplof|"
        r"door het lint|(?:kan|kon) (?:het|dit) (?:\w+ ){0,3}niet (?:meer )?(?:binnen|in)houden|"
        r"gek van|pijn|eenzaam|er (?:\w+ )?alleen voor|(?:sta|staat|stond|staan) (?:\w+ ){0,3}alleen|zwaar|"
        r"ik ben (?:zo |helemaal |echt |gewoon |compleet )?op(?=\s*[.,!?]|\s*$)|"
        r"(?:slaap|sliep) (?:\w+ ){0,3}(?:niet|nauwelijks|slecht)|(?:het|alles) (?:\w+ ){0,2}zat\b|"
        r"(?:ik kan|ik trek) (?:\w+ ){0,3}niet meer|"
        r"ik kan (?:\w+ )?niet (?:eens )?(?:normaal )?(?:praten|denken|ademen)|"
        # asks to be understood: "Snap je hoe zwaar dit is?", "Weet u wel wat dat met me doet?"
        r"(?:snap|snapt|begrijp|begrijpt|weet|ziet|zie|voel|voelt) (?:je|jij|u) (?:\w+ ){0,3}(?:hoe|wat)\b)\w*",
        re.IGNORECASE)),
    # tells what happened in the perfect tense ("Ik heb teruggestuurd dat ...")
    ("dynamiek", family(r"(?:heb|heeft|hebben|hadden|had) (?:\w+ ){0,5}\w*ge\w{2,}(?:d|t|en)",
                        # what then happens, told in the present ("Dan gaan ze weer schreeuwen.")
                        r"^\W*(?:en )?(?:dan|daarna|vervolgens) (?:gaat|gaan|begint|beginnen|komt|komen|zegt|zeggen|"
                        r"roept|roepen|schreeuwt|schreeuwen|loopt|lopen|gooit|slaat|belt|appt|stuurt|pakt)")),
)
FEELING = next(pattern for move, pattern in INVITATIONS if move == "erkennen")

# the persona accepts the reality ("Nee... ze gaat niet veranderen. Dat weet ik al lang.") instead of hoping
ACCEPTS = family(r"(?:dat |het )?weet ik", r"ik weet (?:het|dat)", r"snap ik", r"ik snap (?:het|dat)", r"besef",
                 r"accepteer", r"(?:is|gaat) (?:het )?(?:nu eenmaal|gewoon) zo")
# the persona asks whether they must live with it ("Moet ik dat maar accepteren?", "... leren leven met ...")
MUST_ACCEPT = family(r"(?:mee|ermee|daarmee) (?:\w+ ){0,2}leren (?:leven|omgaan)", r"leren (?:leven|omgaan) met",
                     r"(?:moet|kan|moeten) (?:ik|we|wij) (?:\w+ ){0,3}(?:slikken|accepteren|aanvaarden|neerleggen)",
                     r"(?:ik|we|wij) (?:\w+ ){0,3}(?:moet|kan|moeten|maar) (?:\w+ ){0,2}"
                     r"(?:slikken|accepteren|aanvaarden|neerleggen)")
HOPE = family(r"vast wel", r"vanzelf", r"ooit", r"misschien", r"hoop", r"heus", r"nog wel", r"als")
