"""Context for reading a professional's move: the persona's last line and the stage of the talk.

The sentence classifier reads a turn on its own. In a conversation the moment says something too.
Two rules, both explainable:

1. **A short turn continues the persona's last line** (``follow_up``). What the line invites
   (``invitation``, its last sentence first): after an event it asks on about the pattern (dynamiek),
   after a wish (also a bare "Dat ze niet meer schreeuwen.") about the wish (behoefte), after the
   persona's own idea or a reality the persona states and accepts about options (opties), after a hope
   or a "so I can't ...?" question it names the reality (realiteit), after "whose side are you on?",
   "is it my fault?" or "you think I ..., don't you?" it is visie, after a feeling, an outburst or
   "do you see how hard this is?" it acknowledges (erkennen); a request to take over ("Kun je haar
   bellen?") and a claim about the other ("Hij deugt niet, toch?") invite the pitfalls redden and inhoud.
   What the turn does with it (``response_kind``) decides the move: asking on ("Hoe bedoel je?",
   "Vertel eens meer.", "Oké, en nu?") takes the invited step; a sound of sympathy ("Au.", "Pff, vier
   maanden..") after a feeling, event or wish is erkennen; asking for more ("En wat nog meer?", ``_MORE``)
   right after the professional asked about the options asks for more options (opties) when the
   persona's answer invites nothing else; a yes answers the line's question first: to
   a request or a claim it is the pitfall, to "do you see how hard?" erkennen (after a feeling statement
   only when it says so: "Ja, dat zie ik."), to a fear ("Blijft het zo?") realiteit, to a side question
   nothing; a no names the reality after a hope and is visie after a blame or side question, and agrees
   with a negative claim ("Dat is toch niet normaal?" "Nee.": inhoud). A bare yes or "hm" after a
   statement stays unclear (a backchannel). The rule applies to turns of at most ``FOLLOW_UP_WORDS``
   words (particles not counted) whose step read is below ``SURE_READ``, and also over a sure step read
   when the turn adds nothing of its own (``_adds_nothing``: only words without a topic, or words
   repeated from the line; a question only the words of asking on): the classifier's confidence on such
   a turn comes from its form, not from a step. A short question with a light verb of its own ("En wat
   wil jij dan?", "Wat zou helpen?", "En wat doe jij dan?", ``light_question_steps``) asks on about the
   line too, over a sure step read, but only when its verb fits the invited step (wanting: a wish or an
   option; doing: the pattern or an option; helping: a feeling, a wish or an option; wanting and "zou"
   only when the question refers back: "dan", "dat", ...); otherwise it keeps its own read. A pitfall
   read becomes a step only in one case (``_answers_the_question``): a bare yes
   or no (only yes/no and filler words, ``_YES_NO_WORDS``) that answers the persona's question about
   blame or sides (visie: "Nee joh." to "Komt het door mij?") or about a hope or a fear (realiteit); a
   bare yes read as one pitfall can become another (inhoud -> redden after a request). A yes that
   understands ("Snap ik.", "Ja, logisch.") acknowledges when any sentence of the line shows a feeling
   (but agrees with a claim about the other, and takes no task over); a hedged yes ("Dat kan best
   zijn.") is a yes; an endorsement followed by asking on ("Mooi plan. En verder?") endorses the idea;
   a need named in a word or two ("Rust.", "Gezien worden, hè.", ``NEED``) names the need under a
   statement (behoefte) or answers the persona's question (what the talks are for: visie), only over
   an unsure read (a need word is a topic). An answer to "whose side are you on?" that names one side
   ("Jij natuurlijk.") is no visie; both sides or the other too ("Ook voor hem, ja.") is. A question
   asking what a wish would look like ("Hoe ziet dat er dan uit?") is a light question like "Hoe zie
   je dat voor je?". Round 11 added kinds of short answer: a permission ("Doe maar.", "Dat kan.", "Dat mag.",
   "Vooruit dan.", ``_PERMITS``) is a yes (to a request redden, to an own idea opties like "Oké!", to a feeling
   or a "mag ik even?" erkennen); praise ("Goed zo.") after a deed the line blames on the other and a short
   question that checks the facts of a claim ("Iedereen? Echt?", "Welke bewijzen?") are inhoud; "En toen?"
   after an event that ends in an outburst is dynamiek (``_NEXT``); an answer to the side question naming
   both, nobody or the children is visie over any step read (``_answers_side``), and "Nee, dat hoef jij
   niet." to "must I choose?" is a bare no; a no to self-doubt ("Vindt u mij een slappe moeder?") acknowledges;
   "Wat heb je nodig?", "Denk je?"/"Gaat dat gebeuren?", "Stel dat dat lukt?" and "En als dat niet gebeurt?"
   are light questions; a yes read as one pitfall becomes the pitfall the line invites; a need named as a
   question ("Dat je erbij hoort?") or read as a pitfall ("Gewoon vader zijn, hè.") names the need.
   Round 12 added kinds of persona line and of short answer, each as a family of word forms: a promise
   asked ("Beloof je dat ...?"), a request with the subject first ("U zet toch wel ...?") or "wilt u ... [verb]?"
   invite redden; a verdict on the other ("Ze liegt.") and "Snapt u het nou?" invite inhoud, and evidence
   offered (``_EVIDENCE``: see, read, look, "hier staan ...", printed, proof) makes a yes or a short question
   after it inhoud over any step read; clearing the persona of the blame they took on ("Dat ligt niet aan
   jou.", ``_clears_blame``) is visie over any step read, and a no to writing or saying a verdict on the
   other (``_VERDICT_ASKED``) takes no side (visie); a verdict ("Ja, inderdaad.") after a feeling the persona
   names acknowledges (over an unsure read); having to live with it (``_MUST_ACCEPT``) is realiteit before any
   other cue, also "Dus ... gewoon wéér?"; not knowing what to do (``_WHAT_NOW``), the advice of another and a
   time it went well invite opties ("Wat zou je willen?" then asks which way, "Hoe ging dat?" what worked);
   what others want invites behoefte ("En jij?"); "En als dat gebeurt?" after a wish supposes it comes true;
   an apology for an outburst is a feeling. A fact-checking question is a word family ("Hoe weet u dat?",
   "Wie zegt dat?") about a claim on someone else, and an echo counts in another form of the same word.
   Such reads get confidence ``FOLLOW_UP_CONFIDENCE``
   (uncertain: the engine forgives an uncertain pitfall once, the debrief shows them as unsure).
2. **A close call between steps leans towards the moment** (``reweigh``): the classifier's
   probabilities times small weights (the invited step, the next step in the workbook's order,
   fewer options before any need was explored), renormalised; a clear read never flips.

Never: a pitfall read becomes a good step, except a bare yes or no answering the persona's question
about blame, sides, a hope or a fear, a need named in a word or two, and a turn that only clears the persona of
the blame they took on; a clear step read of a turn with
a topic of its own changes in rule 1 (except a side answer naming both sides or the children). A line of
a meeting ("Moeder: '...?' Dochter: '...!'") is read per quoted sentence, without the names. The cue
lists and weights were set from the workbook's method, the ``ontwikkel`` part of ``evaluatie/context.yml``,
``evaluatie/context_2.yml`` (seen since session 5), ``evaluatie/context_3.yml`` (seen since session 6),
``evaluatie/context_4.yml`` (seen since round 9), ``evaluatie/context_5.yml`` (seen since round 11: its
misses were fixed in general causes, tested with own sentences) and ``evaluatie/context_6.yml`` (seen since
round 12, likewise; measured blind it had gained only one item from round 11); the ``toets`` part of ``context.yml`` is
only measured (``rustpunt evalueer rollenspel``). ``SURE_READ`` was kept at the engine's UNSURE after a
table over the tuning data (``scripts/context_threshold.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from bot.roleplay.models import PITFALLS, STEPS


def _words(*phrases: str) -> "re.Pattern[str]":
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


# The persona offers evidence about the other to look at ("Die mail moet u echt zien.", "Ik heb het uitgeprint.",
# "Dan weet u genoeg."): a question after its content goes into the facts (inhoud)
_EVIDENCE_CUE = (r"(?:(?:moet|moeten|kunt|kan|mag) (?:u|jij|je) (?:\w+ ){0,2}"
                 r"(?:zien|lezen|bekijken|doorlezen|hebben)|dan (?:weet|ziet) (?:u|je|jij) (?:genoeg|het|hoe het zit)|"
                 r"(?:lees|leest|bekijk|bekijkt|kijk|kijkt) (?:(?:u|jij|je) )?(?:\w+ ){0,2}maar|"
                 r"(?:heb|hebben) (?:\w+ ){0,4}(?:bewaard|opgeslagen|vastgelegd|gedocumenteerd)|"
                 r"hier (?:staan|staat|zijn|is|heb ik) (?:ze |het )?(?:\w+ ){0,2}(?:berichten|bewijzen|screenshots|"
                 r"mails?|appjes|brieven|brief|papieren|verslagen)|"
                 r"bewij[sz]\w*|uitgeprint|geprint|zwart op wit|screenshots?|schermafdruk\w*)(?![^.!?]*\?)")
_EVIDENCE = _words(_EVIDENCE_CUE)
# The persona does not know what to do ("Ik weet niet wat ik moet terugschrijven.", "Wat moet ik nou doen?"):
# a question about wanting then asks which way to go (opties)
_WHAT_NOW_CUE = (r"(?:weet|snap) (?:\w+ ){0,2}niet (?:goed |meer )?(?:wat|hoe) ik (?:\w+ ){0,3}(?:moet|kan|zal|zou)|"
                 r"wat (?:moet|kan|zal) ik (?:\w+ ){0,2}(?:doen|zeggen|antwoorden|terugschrijven|terugsturen|schrijven|"
                 r"ermee|daarmee)")
_WHAT_NOW = _words(_WHAT_NOW_CUE)
# What the persona's sentence invites, in order of precedence within one sentence.
_INVITATIONS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    # whose side are you on / who is right
    ("visie", _words(r"voor wie", r"aan wiens kant", r"aan (?:de|mijn|zijn|haar) kant", r"kant van", r"kant kiezen",
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
    ("redden", _words(r"(?:kunt|wilt|zou) u (?:\w+ ){0,6}(?:bellen|praten|zeggen|regelen|vertellen|spreken|aanspreken|"
                      r"bepalen|oplossen|vragen|zorgen)",
                      r"(?:kun|kan|wil|zou) (?:jij|je) (?:\w+ ){0,6}(?:bellen|praten|zeggen|regelen|vertellen|spreken|"
                      r"aanspreken|bepalen|oplossen|vragen|zorgen)",
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
    ("inhoud", _words(r"toch ook", r"ziet u (?:dat |het )?toch", r"zie (?:jij|je) (?:dat |het )?toch",
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
                      # offers the evidence: "Leest u ze maar.", "Hier staan alle berichten." (``_EVIDENCE``)
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
    ("realiteit", _words(r"vast wel", r"vanzelf", r"ooit",
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
    ("opties", _words(r"misschien (?:moet|kan|ga|zou) ik", r"misschien (?:moeten|kunnen|gaan|zouden) (?:we|wij)",
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
    ("behoefte", _words(r"ik wil", r"ik zou (?:zo )?graag", r"ik zou willen", r"ik wou", r"had ik maar", r"het liefst",
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
    ("dynamiek", _words(r"toen", r"gisteren", r"gisteravond", r"vorige week", r"laatst", r"elke keer",
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
    ("dynamiek", _words(r"(?:heb|heeft|hebben|hadden|had) (?:\w+ ){0,5}\w*ge\w{2,}(?:d|t|en)",
                        # what then happens, told in the present ("Dan gaan ze weer schreeuwen.")
                        r"^\W*(?:en )?(?:dan|daarna|vervolgens) (?:gaat|gaan|begint|beginnen|komt|komen|zegt|zeggen|"
                        r"roept|roepen|schreeuwt|schreeuwen|loopt|lopen|gooit|slaat|belt|appt|stuurt|pakt)")),
)
_FEELING = next(pattern for move, pattern in _INVITATIONS if move == "erkennen")
# a sentence ends at . ! ? or … (also inside a quote: "Moeder: 'Wie heeft er gelijk?' Dochter: 'Zij!'")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['’\"”])\s+")
# a speaker's name before a quoted line ("Moeder: '", "Dochter (zachter): '") and the closing quote
_SPEAKER = re.compile(r"^\s*[A-ZÀ-Ý][^:.!?'\"‘’“”]{0,30}:\s*['‘’\"“]")
_CLOSING_QUOTE = re.compile(r"['’\"”]+\s*$")
# the persona accepts the reality ("Nee... ze gaat niet veranderen. Dat weet ik al lang.") instead of hoping
_ACCEPTS = _words(r"(?:dat |het )?weet ik", r"ik weet (?:het|dat)", r"snap ik", r"ik snap (?:het|dat)", r"besef",
                  r"accepteer", r"(?:is|gaat) (?:het )?(?:nu eenmaal|gewoon) zo")
# the persona asks whether they must live with it ("Moet ik dat maar accepteren?", "... leren leven met ...")
_MUST_ACCEPT = _words(r"(?:mee|ermee|daarmee) (?:\w+ ){0,2}leren (?:leven|omgaan)", r"leren (?:leven|omgaan) met",
                      r"(?:moet|kan|moeten) (?:ik|we|wij) (?:\w+ ){0,3}(?:slikken|accepteren|aanvaarden|neerleggen)",
                      r"(?:ik|we|wij) (?:\w+ ){0,3}(?:moet|kan|moeten|maar) (?:\w+ ){0,2}"
                      r"(?:slikken|accepteren|aanvaarden|neerleggen)")
_HOPE = _words(r"vast wel", r"vanzelf", r"ooit", r"misschien", r"hoop", r"heus", r"nog wel", r"als")

# What kind of short turn answers the line. A follow-up question ("Hoe bedoel je?", "Vertel eens meer."),
# a sound of sympathy ("Au.", "Pff."), a yes ("Ja, eigenlijk wel.", "Komt goed.") or a no ("Nee hoor.").
QUESTION, SYMPATHY, ASSENT, DENIAL = "vraag", "medeleven", "ja", "nee"
_ASK_ON = re.compile(r"^\W*(?:en |nou |oké\W+|ok\W+)?(?:vertel (?:eens|me|daar|er|nog)|ga (?:maar )?door|zeg het maar)"
                     r"(?!\w)", re.IGNORECASE)
_SYMPATHY_WORDS = ("au", "auw", "ai", "aai", "oei", "oef", "pff", "pfff", "pffff", "pfoe", "poeh", "jeetje", "jee",
                   "jemig", "tjonge", "tjongejonge", "sjonge", "zucht", "goh", "ach", "ojee")
_SYMPATHY = re.compile(r"^\W*(?:" + "|".join(_SYMPATHY_WORDS) + r"|o jee|wat (?:erg|naar|rot|vervelend|verdrietig|"
                       r"heftig|een gedoe))(?!\w)", re.IGNORECASE)
_ASSENT = re.compile(r"^\W*(?:ja|jawel|jazeker|klopt|dat klopt|zeker|inderdaad|goed|is goed|prima|oké|oke|ok|okay|"
                     r"doe ik|zal ik doen|komt goed|komt in orde|regel ik|geen probleem|afgesproken|beloofd|"
                     r"zo is het|precies|"
                     r"natuurlijk|tuurlijk|dat is (?:ook |wel |helemaal )?zo|(?:helemaal |ben ik )?mee eens|"
                     # a yes that says it understands ("Snap ik.", "Ja, logisch."), a hedged yes
                     r"(?:dat |het )?(?:snap|begrijp) ik|logisch|begrijpelijk|"
                     r"(?:dat |het )?(?:zou|kan) (?:best|goed|heel goed|zomaar) (?:kunnen|zijn)|"
                     r"hm+|mm+|mhm|laat (?:maar |eens |het |ze )*zien|"
                     # a permission ("Doe maar.", "Dat mag.", "Dat kan.", "Nou, vooruit dan.")
                     r"(?:nou\W+)?(?:doe (?:dat |het )?maar|(?:dat|het) (?:mag|kan)|mag (?:ook|best|gerust)|"
                     r"kan (?:best|prima|gerust)|vooruit))(?!\w)",
                     re.IGNORECASE)  # "hm" is a backchannel like "ja"
_DENIAL = re.compile(r"^\W*(?:nee|neen|nope|echt niet|helemaal niet|zeker niet|geen sprake van)(?!\w)", re.IGNORECASE)
_UNDERSTANDS = _words(r"(?:zie|snap|begrijp|hoor|merk|geloof|voel) ik", r"ik (?:zie|snap|begrijp|hoor|merk|geloof) "
                      r"(?:het|dat|je|jou|u)", r"kan ik me (?:\w+ )?voorstellen", r"logisch", r"begrijpelijk")
# a permission, also "Oké!" said with an exclamation: to the persona's own idea it endorses it (opties)
_PERMITS = re.compile(r"^\W*(?:nou\W+)?(?:doe (?:dat |het )?maar|(?:dat|het) (?:mag|kan)|mag (?:ook|best|gerust)|"
                      r"kan (?:best|prima|gerust)|vooruit|(?:ja|oké|oke|ok|goed|prima)\W*!)", re.IGNORECASE)
# the persona asks leave for a feeling ("Mag ik even?", "Mag ik even huilen?"): leave given acknowledges it
_ASKS_LEAVE = _words(r"mag ik (?:\w+ ){0,3}(?:even|huilen|janken|zitten|stoppen|pauze)", r"mag ik\?")
_ENDORSES = _words(r"(?:goed|prima|mooi|sterk) (?:idee|plan)", r"mee eens",
                   r"(?:lijkt|klinkt) (?:me|mij) (?:goed|een goed)")
_NEGATION = _words(r"niet", r"nooit", r"geen", r"niks", r"niets")
# a question that is negative ("Dus ik kan niks?", "Blijft het zo?"): yes names the reality; "niet gewoon" asks
_NEGATIVE = re.compile(r"(?<!\w)(?:niet|nooit|geen|niks|niets)(?!\w)(?! (?:gewoon|even|eens)\b)|"
                       r"(?<!\w)(?:blijft|blijven|altijd|slikken|accepteren|aanvaarden|neerleggen|nu eenmaal|"
                       r"hoe het is|leren leven|alweer|opnieuw|telkens|wéér|(?:gewoon|steeds) w[eé]{1,2}r)(?!\w)",
                       re.IGNORECASE)  # or it stays: "altijd blijven"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words that carry no topic of their own: pronouns, articles, particles, prepositions, auxiliaries and the
# verbs of a follow-up ("hoe bedoel je", "vertel eens meer"). A turn of only these words (and words it
# repeats from the persona's line) adds nothing the line did not say: only the line can tell what it does.
_NO_TOPIC = frozenset("""
ik je jij u hij zij ze het t we wij jullie hem haar hen hun mij me jou jouwe jouw uw mijn m'n zijn z'n zich
dat dit die deze daar hier er wat wie hoe waar waarom hoezo wanneer welke welk zelf iets niks niets alles allebei
de een en of maar dus als want dan toen
nou toch wel niet nooit geen ook nog meer eens even nu verder zo echt helemaal gewoon eigenlijk hoor joh hè he hé
zeker inderdaad precies misschien al ja jawel jazeker nee neen oké oke ok okay goed prima tuurlijk natuurlijk
hm hmm tja eh uh sowieso heus zeg best mag vooruit
aan voor van met over op in bij naar om tot uit door
ben bent is zijn was waren heb hebt heeft hebben had doe doet doen deed ga gaat gaan ging kan kun kunt kunnen
zal zult zou zouden moet moeten mag mogen hoeft hoef hoeven word wordt komt klopt bedoel bedoelt vertel zie snap
begrijp
""".split()) | frozenset(_SYMPATHY_WORDS)
# A follow-up question is topic-free only in these words ("hoe bedoel je?", "en wat nog meer?", "oké, en nu?"):
# a question with its own verb ("wat kun je doen?", "wat wil jij?") or its own words asks for a step itself.
_ASK_ON_WORDS = frozenset("""
en of dus nou oké oke ok ja wat nog meer hoe hoezo bedoel bedoelt bedoelen vertel vertellen eens zeg je jij u jullie
daarna vervolgens
hij zij ze het er dat dit daar daarover over dan nu verder toen zoals bijvoorbeeld precies is was
""".split())
# A bare yes or no: only these words ("nee joh, echt niet", "ja, eigenlijk wel"). After the persona's question
# about blame or sides, or about a hope or a fear, such an answer is the step itself, whatever the sentence
# classifier made of its form (``_answers_the_question``).
_YES_NO_WORDS = frozenset("""
ja jawel jazeker nee neen nope klopt zeker inderdaad absoluut natuurlijk tuurlijk wel niet nooit helemaal echt
eigenlijk nou joh hoor hè he hé toch zeg
""".split())
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
_SEE_BEFORE_YOU = _words(r"(?:zie|ziet) (?:je|jij|u) (?:dat|het|dit|die|zoiets) (?:\w+ )?"
                         r"voor (?:je|jou|u|jezelf|uzelf)")
# "Hoe ziet dat eruit?", "Hoe zou dat er dan uitzien?": asks what the wish or the idea would look like
_LOOKS_LIKE = _words(r"(?:ziet|zag|zou|zal) (?:dat|het|dit|die|dat er|het er) (?:\w+ ){0,2}(?:uit|eruit|uitzien)")
_EFFECT_ON_YOU = _words(r"(?:doet|deed) (?:dat|het|dit) (?:\w+ )?met (?:je|jou|u|jullie)")  # "Wat doet dat met je?"
# wanting and the hypothetical follow the line only when the question refers back to it
_WISH_VERBS = frozenset("wil wilt willen wou zou zouden".split())
_BACK_REFERENCE = frozenset("dan dat dit die daar daarvan daarmee ervan het als".split())
# not "zelf": "Wat wil je zelf?" asks for a wish of one's own, whatever the line offered
_LIGHT_OTHER_WORDS = frozenset("als voor met jou jouw uw jezelf uzelf zoiets die dit heb hebt heeft".split())
# An answer to "whose side are you on?" that names one side ("Jij natuurlijk.", "Zijn moeder.") takes it;
# one that names both, everyone or the other too ("Voor jullie allebei.", "Ook voor hem.") states a position
_ONE_SIDE = _words(r"jij", r"jou", r"u", r"hij", r"zij", r"hem", r"haar", r"papa", r"mama",
                   r"(?:je|jouw|uw|haar|zijn|hun|de) (?:moeder|vader|ex|dochter|zoon)")
_BOTH_SIDES = _words(r"allebei", r"beiden", r"beide", r"iedereen", r"jullie", r"niemand", r"geen van",
                     r"(?:de )?kinderen", r"het kind", r"ook (?:voor |naar |aan )?(?:hem|haar|jou|u|hij|zij)")
# A yes that rules on what was said ("Klopt.", "Terecht.", "Precies.") after a statement about the other
# ("Hij heeft gewoon gelogen.") agrees with the persona's view of them: inhoud. A bare "ja" is a backchannel.
_VERDICT = re.compile(r"^\W*(?:(?:ja\W+)?(?:klopt|dat klopt|inderdaad|terecht|precies|zo is het|groot gelijk|"
                      r"dat is (?:ook |helemaal )?(?:zo|waar)|(?:helemaal )?gelijk)(?:\W+ja)?)\W*$", re.IGNORECASE)
_THE_OTHER = _words(r"hij", r"zij", r"ze", r"hem", r"haar", r"papa", r"mama", r"(?:mijn|m'n|haar|zijn|hun|de) "
                    r"(?:moeder|vader|ex|exman|exvrouw|schoonmoeder)")
# ... unless the line says the other decides for themselves ("Hij doet wat hij wil."): agreeing accepts a reality
_UP_TO_THEM = _words(r"zelf", r"beslist", r"bepaalt", r"kiest", r"wat (?:hij|zij|ze) (?:wil|wilt|wou)")
# a question whether the professional chooses no side or is there for the persona too: yes is visie
_FOR_BOTH = _words(r"(?:u|jij|je) (?:\w+ ){0,3}(?:niet|geen) (?:\w+ ){0,3}(?:kiezen|kiest|kies|partij|kant|"
                   r"(?:zeggen|vertellen|beweren|oordelen|beoordelen|bepalen|uitmaken|opschrijven|schrijven) "
                   r"(?:wie|dat|of))",
                   r"ook (?:voor|achter|aan) (?:mij|ons|onze|mijn|m'n|de kinderen|het kind|hen|hun)")
# ... the line blames the other for what the persona did ("Dan had hij maar op tijd moeten zijn."): a verdict
# or praise of that deed ("Goed zo.") sides with the persona whatever else the line invites
_BLAMES = _words(r"(?:had|hadden) (?:hij|zij|ze) (?:\w+ ){0,3}(?:moeten|maar)", r"(?:eigen|zijn|haar) schuld",
                 r"(?:verdiend|net goed)")
# "Dat hoef jij niet.", "Hoeft ook niet.": the professional asks nothing of the persona (a no to "must I choose?")
_PRAISE = re.compile(r"^\W*(?:goed zo|goed gedaan|goed van (?:je|jou|u)|knap (?:van (?:je|jou|u))?)\W*$",
                     re.IGNORECASE)
_NO_NEED = _words(r"(?:dat |het )?(?:hoeft|hoef) (?:\w+ ){0,2}niet")
# asking what came next or before ("En toen?", "En daarvoor?", "En hij weer?"): after a told event, also when
# an outburst ends the line, it asks on about the pattern
_NEXT = re.compile(r"^\W*(?:en |oké\W+)?(?:toen|dan|daarna|daarvoor|vervolgens|(?:hij|zij|ze|jij|jullie) weer)\W*\?",
                   re.IGNORECASE)
# asking whether a hope will come true ("Gaat dat gebeuren, denk je?", "Denk je?"), or what if the wish came
# true ("Stel dat dat lukt?"): light questions about the line
_WILL_IT = _words(r"(?:gaat|zal) (?:dat|het|die) (?:\w+ )?(?:gebeuren|lukken)", r"denk (?:je|jij)", r"denkt u")
_SUPPOSE = _words(r"stel (?:nou |je )?(?:eens )?(?:voor )?dat (?:dat|het|die|hij|zij|ze) (?:\w+ )?"
                  r"(?:lukt|gebeurt|doet|komt|belt)",
                  # "En als dat gebeurt?", "Wat als hij dat zegt?", "En als het lukt?" (not "als dat niet lukt")
                  r"(?:en |maar )?(?:wat )?als (?:dat|het|die|dit|hij|zij|ze|iemand) "
                  r"(?!(?:\w+ ){0,2}(?:niet|nooit|geen)\b)"
                  r"(?:\w+ ){0,2}(?:lukt|lukte|gebeurt|gebeurde|doet|deed|komt|kwam|belt|zegt|zei|"
                  r"zou (?:gebeuren|lukken))")
# the persona asks whether the professional thinks less of them ("Vindt u mij een slappe moeder?", "Ben ik
# gek?"): a no reassures, it acknowledges
_SELF_DOUBT = _words(r"(?:vindt|vind) (?:u|jij|je) mij", r"ben ik (?:nou |dan )?(?:\w+ )?(?:gek|raar|slap|slecht|"
                     r"zwak|dom|overdreven|een slechte|een slappe|een watje)",
                     r"is (?:het|dat) (?:\w+ )?(?:raar|gek|stom|overdreven|erg) dat ik")
# a short question that checks the facts of a claim ("Iedereen? Echt?", "Welke bewijzen?"): the content in
_FACT_CHECK = re.compile(r"^\W*(?:en |maar |oké\W+)?(?:welke? \w+(?: dan)?|hoe (?:weet|weten) (?:je|jij|u|jullie) "
                         r"(?:dat|dat zo zeker)|wie zegt dat|waar blijkt dat uit|waaruit blijkt dat|"
                         r"(?:is|klopt) dat (?:\w+ )?(?:zo|waar|wel|echt)|weet (?:je|jij|u) dat (?:zeker|wel zeker))"
                         r"\W*\?\W*$", re.IGNORECASE)
_DOUBT_WORDS = frozenset("echt serieus werkelijk waar allemaal".split())
_IF_NOT = _words(r"als (?:dat|het|hij|zij|ze) (?:\w+ ){0,2}(?:niet|nooit|geen)")
# The professional clears the persona of blame ("Dat ligt niet aan jou.", "Het is niet jouw schuld.", "Daar kan
# jij niks aan doen."): after the persona blames themselves a stance (visie), whatever its words resemble
_NOT_YOUR_FAULT = _words(r"(?:ligt|lag) (?:\w+ ){0,2}niet aan (?:jou|je|u|jullie)",
                         r"niet (?:jouw|je|uw|jullie) (?:schuld|fout)", r"geen (?:\w+ )?schuld",
                         r"(?:kan|kon|kun|kunt) (?:jij|je|u) (?:\w+ ){0,2}(?:niks|niets) aan(?: doen)?",
                         r"(?:jij|je|u) (?:kan|kon|kun|kunt) (?:\w+ ){0,2}(?:niks|niets) aan(?: doen)?",
                         r"(?:komt|kwam) (?:\w+ ){0,2}niet door (?:jou|je|u)",
                         r"(?:jij|je|u) (?:hebt|heeft|deed|doet) (?:\w+ ){0,2}(?:niks|niets) (?:\w+ )?"
                         r"(?:fout|verkeerd)")
_SELF_BLAME = _words(r"(?:mijn|m'n) (?:schuld|fout)", r"door mij", r"(?:ligt|lag) (?:\w+ ){0,2}aan mij",
                     r"(?:had|heb) ik (?:\w+ ){0,6}(?:moeten|maar|gewoon)\b(?=[^?]*[.!]?\s*$)",
                     r"ik had (?:\w+ ){0,5}(?:moeten|niet)\b(?=[^?]*[.!]?\s*$)",
                     r"ik (?:heb|had) (?:het|alles) (?:\w+ )?(?:verpest|fout gedaan)")
# The persona asks the professional to say or write a verdict on the other ("U zet toch in het verslag dat hij
# een slechte vader is?"): a no to that takes no side (visie)
_VERDICT_ASKED = _words(r"(?:zet|zetten|schrijft|schrijf|schrijven|opschrijven|zegt|zeg|zeggen|vertelt|vertellen|meldt|"
                        r"melden|verklaart|verklaren) (?:\w+ ){0,6}dat "
                        r"(?:hij|zij|ze|haar \w+|zijn \w+|mijn ex|papa|mama) "
                        r"(?:\w+ ){0,3}(?:slecht\w*|fout|liegt|gelogen|schuld|deugt|gek|onbetrouwbaar|gevaarlijk|"
                        r"niet (?:goed|geschikt|deugt|te vertrouwen))")
# A need named in a word or two ("Rust.", "Meetellen, hè."): the professional names what lies under the line.
NEED = "behoefte-woord"
_NEED_WORDS = _words(r"rust", r"veiligheid", r"erkenning", r"waardering", r"respect", r"duidelijkheid", r"vertrouwen",
                     r"zekerheid", r"steun", r"aandacht", r"ruimte", r"vrijheid", r"contact", r"meetellen",
                     r"mee tellen", r"meedoen", r"meebeslissen", r"gehoord (?:worden|te worden)",
                     r"(?:vader|moeder|ouder|papa|mama) (?:mogen |kunnen )?zijn",
                     r"erbij (?:horen|hoort|hoor|mag zijn|mogen zijn)",
                     r"gezien (?:worden|te worden)", r"serieus genomen (?:worden|te worden)")
# spoken particles that do not make a turn longer ("nee hoor, dat hoeft helemaal niet" is four words)
_PARTICLES = frozenset("nou hoor joh hè he hé toch even eens gewoon helemaal echt eigenlijk wel zeg".split())

# Asking for more ("En wat nog meer?", "Nog iets?", "En verder?") right after the professional asked about the
# options asks for more options (when the persona's answer invites no step of its own).
_MORE = _words(r"nog meer", r"nog iets", r"verder nog", r"en verder", r"wat nog")

FOLLOW_UP_WORDS = 5  # a turn of at most this many words can be a follow-up to the persona's line
BARE_WORDS = 8  # ... or this many, when it adds nothing of its own ("nee, ook niet aan de jouwe")
SURE_READ = 0.6  # a step read at or above this (the engine's UNSURE) is clear: rule 1 leaves it alone
FOLLOW_UP_CONFIDENCE = 0.5  # a move read from the context alone is uncertain
INVITE_WEIGHT = 1.4  # rule 2: the step the persona's line invites
_INVITE_WEIGHTS = {"behoefte": 1.5, "erkennen": 1.3, "dynamiek": 1.2}  # the weights these cues had before
STAGE_WEIGHT = 1.2  # the step that comes next in the workbook's order
EARLY_OPTIONS = 0.85  # options before any need was explored are less likely meant as options

REASONS = {
    "visie": "de gesprekspartner vroeg naar schuld of aan wiens kant je staat",
    "redden": "ja op een verzoek om het over te nemen",
    "inhoud": "instemming met een oordeel over de ander",
    "opties": "de gesprekspartner noemde een eigen idee, aanvaardde hoe het is of vroeg wat nu",
    "realiteit": "de gesprekspartner hoopte dat de ander verandert of vroeg of het zo blijft",
    "behoefte": "de gesprekspartner noemde een wens",
    "dynamiek": "de gesprekspartner vertelde wat er gebeurde",
    "erkennen": "de gesprekspartner liet een gevoel zien of vertelde iets pijnlijks",
}


@dataclass(frozen=True)
class Context:
    """What came before a turn: the persona's last line and the moves read so far."""

    last_line: str = ""
    used: Tuple[str, ...] = ()

    @classmethod
    def of(cls, last_line: Optional[str], used: Sequence[str]) -> "Context":
        return cls(last_line=last_line or "", used=tuple(used))


def _sentence_invitation(sentence: str) -> Optional[str]:
    """What one sentence invites. An outburst ("!") that only tells what happened, or has no other
    cue, asks for an acknowledgement first. Having to live with it ("Dus u zegt dat ik het moet accepteren?")
    is realiteit before any other cue."""
    outburst = _CLOSING_QUOTE.sub("", sentence).rstrip().endswith("!")
    if _MUST_ACCEPT.search(sentence):
        return "realiteit"
    for move, pattern in _INVITATIONS:
        if pattern.search(sentence):
            return "erkennen" if outburst and move == "dynamiek" else move
    return "erkennen" if outburst else None


def _sentences(line: str) -> List[str]:
    """The line's sentences without a speaker's name and quotes around them (the multi-speaker lines of a
    meeting), so a quoted question still reads as a question and a cue at its start still matches."""
    parts = (_CLOSING_QUOTE.sub("", _SPEAKER.sub("", s)) for s in _SENTENCE.split(line.strip()))
    return [s for s in parts if s]


def _asks(sentence: str) -> bool:
    """The sentence (or the line) is a question, also when a quote closes it."""
    return _CLOSING_QUOTE.sub("", sentence).rstrip().endswith("?")


def _reads(sentence: str, context: Context) -> Optional[str]:
    """What one sentence of the line invites; a reality the persona states and accepts invites options."""
    move = _sentence_invitation(sentence)
    if (move == "realiteit" and not _asks(sentence) and not _HOPE.search(sentence)
            and (_ACCEPTS.search(context.last_line) or "realiteit" in context.used)):
        return "opties"
    return move


def _shows_feeling(line: str) -> bool:
    """Some sentence of the line shows a feeling or is an outburst (not only its last one)."""
    return any(_sentence_invitation(sentence) == "erkennen" or _FEELING.search(sentence)
               for sentence in _sentences(line))


def invitation(context: Context) -> Optional[str]:
    """The move the persona's last line invites (its last sentence first), or None."""
    for sentence in reversed(_sentences(context.last_line)):
        move = _reads(sentence, context)
        if move:
            return move
    return None


def _question_invitation(context: Context) -> Tuple[Optional[str], str]:
    """What the line's last question with a cue invites, and that question; else the whole line's invitation."""
    for sentence in reversed(_sentences(context.last_line)):
        if _asks(sentence):
            move = _reads(sentence, context)
            if move:
                return move, sentence
    return invitation(context), context.last_line


def _adds_nothing(text: str, line: str, kind: Optional[str] = None) -> bool:
    """Only words without a topic of their own, or (in a yes, a no or a sound of sympathy) words
    repeated from the persona's line; a question only in the words of asking on (``_ASK_ON_WORDS``)."""
    if kind == ASSENT and _ENDORSES.search(text):  # the endorsement is the answer; what is left must add nothing
        text = _ENDORSES.sub(" ", text)
        if not _WORD.search(text):
            return True
    words = [w.lower() for w in _WORD.findall(text)]
    if kind == QUESTION:
        return bool(words) and all(w in _ASK_ON_WORDS for w in words)
    echo = {w.lower() for w in _WORD.findall(line)}
    return bool(words) and all(w in _NO_TOPIC or w in echo or _same_family(w, echo) for w in words)


def _same_family(word: str, echo: set) -> bool:
    """The word repeats a word of the line in another form ("schrijf" after "opschrijven", "bel" after "bellen"):
    a shared beginning of at least five letters."""
    return len(word) >= 5 and any(other.startswith(word[:5]) for other in echo if len(other) >= 5)


def light_question_steps(text: str) -> Tuple[str, ...]:
    """The steps a short question with a verb of its own can ask on for (``_LIGHT_VERBS``), or () when it
    is no such question: it must end in "?" and hold only words of asking on, that verb and a few small
    words ("Wat wil jij dan?", "Hoe zie je dat voor je?", "En als hij dat zou doen?")."""
    if not text.rstrip().endswith("?"):
        return ()
    words = [w.lower() for w in _WORD.findall(text)]
    steps: List[str] = []
    if _SEE_BEFORE_YOU.search(text) or _LOOKS_LIKE.search(text):
        steps += ["behoefte", "realiteit", "opties"]
        words = [w for w in words if w not in ("zie", "ziet", "zag", "zal", "uit", "eruit", "uitzien")]
    if _EFFECT_ON_YOU.search(text):
        steps.append("erkennen")
    if _WILL_IT.search(text) or _IF_NOT.search(text):  # "Gaat dat gebeuren, denk je?", "En als dat niet lukt?"
        steps.append("realiteit")
        words = [w for w in words if w not in ("gaat", "zal", "lukken", "lukt", "denk", "denkt", "niet", "nooit",
                                               "geen", "gebeuren")]
    if _SUPPOSE.search(text):  # "Stel dat dat lukt?": what if the wish came true
        steps += ["behoefte", "opties"]
        words = [w for w in words if w not in ("stel", "lukt", "lukte", "gebeurt", "gebeurde", "doet", "deed", "komt",
                                               "kwam", "belt", "zegt", "zei", "voor", "iemand")]
    verbs = [w for w in words if w in _LIGHT_VERBS]
    if not (verbs or steps) or not all(w in _ASK_ON_WORDS or w in _LIGHT_VERBS or w in _LIGHT_OTHER_WORDS
                                        for w in words):
        return ()
    refers_back = any(w in _BACK_REFERENCE for w in words)
    for verb in verbs:
        if verb in _WISH_VERBS and not refers_back:
            continue  # "Wat zou je willen?" asks for a wish of one's own; "En wat wil je dan?" asks about the line
        steps += _LIGHT_VERBS[verb]
    return tuple(dict.fromkeys(steps))


def _answers_the_question(text: str, kind: Optional[str], move: Optional[str], context: Context) -> bool:
    """A bare yes or no (``_YES_NO_WORDS``) that answers the persona's question about blame or sides
    (visie) or about a hope or a fear (realiteit): the one case where context may turn a pitfall read
    into a good step. The sentence classifier knows "nee joh, echt niet" only as a form; the question
    it answers decides."""
    if kind not in (ASSENT, DENIAL) or move not in ("visie", "realiteit"):
        return False
    if kind == DENIAL and move == "visie":  # "Echt niet. Dat hoef jij niet." to "Ga jij ook zeggen dat ik moet kiezen?"
        text = _NO_NEED.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or not all(w in _YES_NO_WORDS for w in words):
        return False
    _, sentence = _question_invitation(context)
    return _asks(sentence)


def response_kind(text: str, line: str = "") -> Optional[str]:
    """What a short turn does with the line: ask on, show sympathy, say yes or no, name a need in a word or
    two (None: none of these)."""
    if _ENDORSES.match(text.lstrip(" ,.!")):  # "Goed plan. Nog iets?" endorses first, then asks on
        return ASSENT
    rest = _NEED_WORDS.sub(" ", text)
    if text.rstrip().endswith("?") and rest != text and all(w.lower() in _NO_TOPIC for w in _WORD.findall(rest)):
        return NEED  # a need guessed as a question: "Dat je erbij hoort?", "Rust?"
    if text.rstrip().endswith("?") or _ASK_ON.match(text):
        return QUESTION
    if _SYMPATHY.match(text):
        return SYMPATHY
    if _ASSENT.match(text):
        return ASSENT
    rest = _NEED_WORDS.sub(" ", text)
    if rest != text and all(w.lower() in _NO_TOPIC for w in _WORD.findall(rest)):  # "Rust.", "meetellen, hè"
        return NEED
    if _DENIAL.match(text) or (_NEGATION.search(text) and _adds_nothing(text, line)):  # "daar ga ik niet over"
        return DENIAL
    return None


def _yes_or_no(kind: str, text: str, context: Context) -> Optional[str]:
    """The move of a yes or a no: it answers the line's question first."""
    target, sentence = _question_invitation(context)
    asked = _asks(context.last_line) or _asks(sentence)
    if target == "realiteit":  # yes to "Dus het blijft zo?", no to "Gaat ze nog veranderen?"
        negative = bool(_NEGATIVE.search(sentence))
        return target if (kind == DENIAL and not negative) or (kind == ASSENT and asked and negative) else None
    if kind == DENIAL:
        if _VERDICT_ASKED.search(sentence) and (target in PITFALLS or target is None):
            return "visie"  # "Nee, dat doe ik niet." to "U schrijft toch op dat hij een slechte vader is?"
        if target == "visie":  # "Nee joh." to "Komt het door mij?", "Nee hoor." to "U vindt zeker ...?"
            return target
        if target == "erkennen" and asked and _SELF_DOUBT.search(context.last_line):
            return target  # "Nee hoor." to "Vindt u mij nou een slappe moeder? Dat ik hier zit te huilen?"
        if target == "inhoud" and _asks(sentence) and _NEGATIVE.search(sentence):  # "Nee." to "Dat is toch niet
            # normaal?" agrees; not "Daar ben ik niet voor." to "Zet maar in het verslag dat hij niet deugt."
            return target
        return None
    if target == "redden" and _UNDERSTANDS.search(text):  # "Snap ik." to a request takes nothing over
        return None
    if target in PITFALLS:  # yes to a request to take over, or to a claim about the other
        return target
    if _UNDERSTANDS.search(text) and _shows_feeling(context.last_line):  # "Ja, logisch." after "Ik ben moe."
        return "erkennen"
    if _PERMITS.match(text) and (target == "erkennen" or (_ASKS_LEAVE.search(context.last_line)
                                                          and _shows_feeling(context.last_line))):
        return "erkennen"  # "Mag ook." after "Ik huil nu een beetje.", "Doe maar." to "Mag ik even? Ik zit te janken."
    if target == "visie":  # "Ja." to "Sta je aan haar kant?" is taking a side, not visie; "Ja." to "Dus u
        # kiest niet?" or "Ben je er ook voor mij?" states that the professional is there for both
        return target if asked and _FOR_BOTH.search(sentence) else None
    if target == "erkennen":  # yes to "Snap je hoe zwaar dit is?"; "Ja, dat zie ik." or "Ja, inderdaad." after a
        # feeling the persona names
        return target if asked or _UNDERSTANDS.search(text) or (_VERDICT.match(text) and _feels(context)) else None
    if target == "opties" and (_ENDORSES.search(text) or _PERMITS.match(text)):  # "Goed idee.", "Doe maar.",
        return target  # "Dat kan.", "Oké!" to the persona's own idea
    return target if asked else None  # a bare "ja" after a statement is a backchannel


def _feels(context: Context) -> bool:
    """The line invites an acknowledgement because the persona names a feeling (not only an outburst)."""
    return invitation(context) == "erkennen" and any(_FEELING.search(s) for s in _sentences(context.last_line))


def _clears_blame(text: str, context: Context) -> bool:
    """A short turn that clears the persona of the blame they just took on ("Dat ligt niet aan jou." after
    "Het is eigenlijk mijn schuld."): a stance (visie)."""
    return bool(_NOT_YOUR_FAULT.search(text)) and bool(_SELF_BLAME.search(context.last_line))


def _only_clears(text: str, context: Context) -> bool:
    """The turn says nothing besides clearing the persona of blame ("Nee joh, jij kunt daar niks aan doen."):
    the one case where context may turn a pitfall read of a longer answer into a good step."""
    rest = _NOT_YOUR_FAULT.sub(" ", text)
    return _adds_nothing(rest, context.last_line) or not _WORD.search(rest)


def _asks_after_evidence(text: str, context: Context) -> bool:
    """A short question after the persona offered evidence about the other ("Wat stond erin?" after "Die mail
    moet u echt zien."): the professional goes into the facts (inhoud)."""
    return text.rstrip().endswith("?") and bool(_EVIDENCE.search(context.last_line))


_WISH_DEGREE = frozenset("zelf liefst graag eigenlijk echt het".split())  # "Wat zou je het liefst willen?"


def _is_wish_question(text: str) -> bool:
    """A short question about wanting without a verb of its own ("Wat zou je willen?", "Wat wil jij?")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return (text.rstrip().endswith("?") and any(w in _WISH_VERBS for w in words)
            and all(w in _ASK_ON_WORDS or w in _WISH_VERBS or w in _LIGHT_OTHER_WORDS or w in _WISH_DEGREE
                    for w in words))


def _tells_event(line: str) -> bool:
    """Some sentence of the line tells what happened (also one that ends in an outburst)."""
    return any(pattern.search(sentence) for sentence in _sentences(line)
               for move, pattern in _INVITATIONS if move == "dynamiek")


def _checks_fact(text: str, context: Context) -> bool:
    """A short question that checks the facts of a claim: "Welke bewijzen?", or words of the line with a
    word of doubt ("Iedereen? Echt?")."""
    if _FACT_CHECK.match(text):  # only about a claim on someone else ("Wie zegt dat?" to self-blame checks nothing)
        return bool(_THE_OTHER.search(context.last_line) or _EVIDENCE.search(context.last_line)
                    or invitation(context) == "inhoud")
    words = [w.lower() for w in _WORD.findall(text)]
    echo = {w.lower() for w in _WORD.findall(context.last_line)} - _NO_TOPIC
    return (bool(words) and any(w in _DOUBT_WORDS for w in words) and any(w in echo for w in words)
            and all(w in _DOUBT_WORDS or w in echo or w in _NO_TOPIC for w in words))


def _answers_side(text: str, context: Context) -> bool:
    """A short answer to "whose side are you on?" or "what is this for?" that names both sides, nobody or
    the children ("Allebei.", "Geen van beide.", "Voor je kinderen."): a stance, whatever its words resemble."""
    target, sentence = _question_invitation(context)
    return (target == "visie" and _asks(sentence) and bool(_BOTH_SIDES.search(text))
            and not _asks(text))


def _answer(kind: Optional[str], text: str, context: Context) -> Optional[str]:
    """The move a short turn of this kind makes after the persona's line."""
    invited = invitation(context)
    if kind == QUESTION and invited is None and context.used[-1:] == ("opties",) and _MORE.search(text):
        return "opties"  # "En wat nog meer?" right after asking about the options asks for more options
    if kind == NEED:  # "Rust." answers the persona's question, or names the need under a statement
        target, sentence = _question_invitation(context)
        if _asks(sentence) and target is not None:
            return target if target in STEPS else None
        return "behoefte"
    if kind == QUESTION and invited == "behoefte" and _IF_NOT.search(text):
        return "realiteit"  # "En als dat nooit gebeurt?" after a wish asks the persona to face that it may not come
    if kind == SYMPATHY:  # "Au." after a feeling, an event, a longing or a plain statement
        return "erkennen" if invited in (None, "erkennen", "dynamiek", "behoefte") else None
    asks_anywhere = any(_asks(sentence) for sentence in _sentences(context.last_line))
    blames = bool(_BLAMES.search(context.last_line))
    if (kind in (ASSENT, None) and (_VERDICT.match(text) or (blames and _PRAISE.match(text))) and not asks_anywhere
            and (blames or not _feels(context))
            and (invited in (None, "erkennen", "dynamiek", "inhoud") or blames)
            and _THE_OTHER.search(context.last_line) and not _UP_TO_THEM.search(context.last_line)):
        return "inhoud"  # "Klopt." after "Zij had hem moeten ophalen!" sides with the persona's view of her
    if kind == QUESTION and invited == "erkennen" and _NEXT.match(text) and _tells_event(context.last_line):
        return "dynamiek"  # "En dan?" after "Om elf uur appt ze ineens dat hij ziek is. Om elf uur!"
    if (kind == QUESTION and not asks_anywhere and invited in (None, "erkennen", "inhoud")
            and _checks_fact(text, context)):
        return "inhoud"  # "Iedereen? Echt?", "Welke bewijzen?" after a claim: the professional goes into the facts
    if kind in (ASSENT, DENIAL):  # a yes or no answers the line's question first
        return _yes_or_no(kind, text, context)
    if invited is None or invited in PITFALLS or (kind == QUESTION and invited == "visie"):
        return None  # asking back ("Hoe bedoel je?") after "Aan wiens kant sta je?" states no position
    if invited == "visie" and _ONE_SIDE.search(text) and not _BOTH_SIDES.search(text):
        return None  # "Jij natuurlijk." to "Wie heeft er gelijk?" picks a side: no visie
    if kind == QUESTION or _asks(context.last_line):
        return invited
    if invited == "erkennen":  # "Jeetje mina." after a feeling
        return invited
    return None


def _over_any_read(text: str, label: Optional[str], length: int, kind: Optional[str],
                   context: Context) -> Optional[str]:
    """The short answers whose move the line decides over any step read: a side answer naming both sides or
    the children, clearing the persona of the blame they took on (visie), a question after evidence (inhoud)."""
    if label not in PITFALLS and label != "visie" and length <= FOLLOW_UP_WORDS and _answers_side(text, context):
        return "visie"  # "Allebei. En voor je zoon." to "Voor wie bent u hier?"
    if label != "visie" and _clears_blame(text, context) and (label not in PITFALLS or _only_clears(text, context)):
        return "visie"  # "Dat ligt niet aan jou." after "Het is mijn schuld.", also "Jij kunt daar niks aan doen."
        # read as redden when it says nothing else
    if label != "inhoud" and length <= FOLLOW_UP_WORDS and kind == QUESTION and _asks_after_evidence(text, context):
        return "inhoud"  # "Wat stond erin?" after "Die mail moet u echt zien."
    return None


def follow_up(text: str, label: Optional[str], confidence: float, context: Optional[Context]) -> Optional[str]:
    """Rule 1: the move of a short turn that continues the persona's last line, or None.

    A turn that adds nothing of its own (``_adds_nothing``) and asks on, shows sympathy, says yes or
    says no is read from the line even when the classifier was sure of a step: its words carry no step.
    A pitfall read changes only into another pitfall (a bare yes to a request to take over).
    """
    if context is None:
        return None
    length = len([w for w in _WORD.findall(text) if w.lower() not in _PARTICLES])
    kind = response_kind(text, context.last_line)
    bare = kind is not None and _adds_nothing(text, context.last_line, kind)
    light = light_question_steps(text) if kind == QUESTION and not bare else ()
    if kind == QUESTION and not light and _is_wish_question(text) and _WHAT_NOW.search(context.last_line):
        light = ("opties",)  # "Wat zou je willen?" after "Ik weet niet wat ik moet terugschrijven." asks which way
    if label in PITFALLS and kind == ASSENT and length <= BARE_WORDS:
        move = _yes_or_no(kind, text, context)
        if move in PITFALLS and move != label:  # "Tuurlijk, geef me het nummer maar." to "Wil jij de school
            return move  # bellen?" takes the task over; "Laat maar zien." to "Leest u ze maar." goes into the facts
    if length > (BARE_WORDS if bare or light else FOLLOW_UP_WORDS):
        return None
    over_any_read = _over_any_read(text, label, length, kind, context)
    if over_any_read:
        return over_any_read
    if label in PITFALLS and kind == NEED:
        return _answer(kind, text, context)  # "Gewoon vader zijn, hè.": a need in a word or two is no pitfall
    if label in PITFALLS and not (bare and kind in (ASSENT, DENIAL)):
        return None
    sure_step = label in STEPS and confidence >= SURE_READ
    if sure_step and not (bare or light):
        return None
    move = _answer(kind, text, context)
    if move is None or (sure_step and light and move not in light):
        return None  # the question's own verb does not fit what the line invites: it keeps its own read
    if sure_step and move == "erkennen" and kind == ASSENT and _VERDICT.match(text):
        return None  # "Dat is zo." after "..., of ik nou boos word of niet." keeps a sure read: agreeing is weak
    if label in PITFALLS and move not in PITFALLS and not _answers_the_question(text, kind, move, context):
        return None
    if move == label and (label in PITFALLS or confidence >= SURE_READ):
        return None  # the context agrees with a sure read: keep the classifier's confidence
    return move


def weights(context: Context) -> Dict[str, float]:
    """Rule 2: multiplicative weight per step label (1.0 = no opinion); pitfalls and small talk keep 1.0."""
    result = {step: 1.0 for step in STEPS}
    invited = invitation(context)
    if invited in STEPS:
        result[invited] *= _INVITE_WEIGHTS.get(invited, INVITE_WEIGHT)
    done = [m for m in context.used if m in STEPS]
    if done:
        furthest = max(STEPS.index(m) for m in done)
        if furthest + 1 < len(STEPS):
            result[STEPS[furthest + 1]] *= STAGE_WEIGHT
    if "behoefte" not in done and len(done) < 3:
        result["opties"] *= EARLY_OPTIONS
    return result


def reweigh(probabilities: Dict[str, float], context: Optional[Context]) -> Dict[str, float]:
    """The classifier's probabilities times the context weights, renormalised."""
    if not context or not probabilities:
        return dict(probabilities)
    factor = weights(context)
    scores = {label: p * factor.get(label, 1.0) for label, p in probabilities.items()}
    total = sum(scores.values()) or 1.0
    return {label: s / total for label, s in scores.items()}
