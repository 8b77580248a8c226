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
   maanden..") after a feeling, event or wish is erkennen; asking for more ("En wat nog meer?", ``MORE``)
   right after the professional asked about the options asks for more options (opties) when the
   persona's answer invites nothing else; a yes answers the line's question first: to
   a request or a claim it is the pitfall, to "do you see how hard?" erkennen (after a feeling statement
   only when it says so: "Ja, dat zie ik."), to a fear ("Blijft het zo?") realiteit, to a side question
   nothing; a no names the reality after a hope and is visie after a blame or side question, and agrees
   with a negative claim ("Dat is toch niet normaal?" "Nee.": inhoud). A bare yes or "hm" after a
   statement stays unclear (a backchannel). The rule applies to turns of at most ``FOLLOW_UP_WORDS``
   words (particles not counted) whose step read is below ``SURE_READ``, and also over a sure step read
   when the turn adds nothing of its own (``adds_nothing``: only words without a topic, or words
   repeated from the line; a question only the words of asking on): the classifier's confidence on such
   a turn comes from its form, not from a step. A short question with a light verb of its own ("En wat
   wil jij dan?", "Wat zou helpen?", "En wat doe jij dan?", ``light_question_steps``) asks on about the
   line too, over a sure step read, but only when its verb fits the invited step (wanting: a wish or an
   option; doing: the pattern or an option; helping: a feeling, a wish or an option; wanting and "zou"
   only when the question refers back: "dan", "dat", ...); otherwise it keeps its own read. A pitfall
   read becomes a step only in one case (``answers_the_question``): a bare yes
   or no (only yes/no and filler words, ``YES_NO_WORDS``) that answers the persona's question about
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
   "Vooruit dan.", ``PERMITS``) is a yes (to a request redden, to an own idea opties like "Oké!", to a feeling
   or a "mag ik even?" erkennen); praise ("Goed zo.") after a deed the line blames on the other and a short
   question that checks the facts of a claim ("Iedereen? Echt?", "Welke bewijzen?") are inhoud; "En toen?"
   after an event that ends in an outburst is dynamiek (``NEXT``); an answer to the side question naming
   both, nobody or the children is visie over any step read (``answers_side``), and "Nee, dat hoef jij
   niet." to "must I choose?" is a bare no; a no to self-doubt ("Vindt u mij een slappe moeder?") acknowledges;
   "Wat heb je nodig?", "Denk je?"/"Gaat dat gebeuren?", "Stel dat dat lukt?" and "En als dat niet gebeurt?"
   are light questions; a yes read as one pitfall becomes the pitfall the line invites; a need named as a
   question ("Dat je erbij hoort?") or read as a pitfall ("Gewoon vader zijn, hè.") names the need.
   Round 12 added kinds of persona line and of short answer, each as a family of word forms: a promise
   asked ("Beloof je dat ...?"), a request with the subject first ("U zet toch wel ...?") or "wilt u ... [verb]?"
   invite redden; a verdict on the other ("Ze liegt.") and "Snapt u het nou?" invite inhoud, and evidence
   offered (``EVIDENCE``: see, read, look, "hier staan ...", printed, proof) makes a yes or a short question
   after it inhoud over any step read; clearing the persona of the blame they took on ("Dat ligt niet aan
   jou.", ``clears_blame``) is visie over any step read, and a no to writing or saying a verdict on the
   other (``yes_no._VERDICT_ASKED``) takes no side (visie); a verdict ("Ja, inderdaad.") after a feeling the persona
   names acknowledges (over an unsure read); having to live with it (``MUST_ACCEPT``) is realiteit before any
   other cue, also "Dus ... gewoon wéér?"; not knowing what to do (``WHAT_NOW``), the advice of another and a
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

Layout: this module is the entry point and only re-exports; the rules live in ``bot/roleplay/context_rules/``,
one module per thing decided: ``words`` (shared word families), ``line_cues`` (what a sentence of the persona's
line invites), ``invitation`` (reading the whole line; ``Context``), ``answer_kinds`` (kinds of short answer:
asking on, sympathy, yes, permission, no, a need word), ``light_questions``, ``yes_no`` (what a bare yes or no
answers), ``sides_and_facts`` (answers decided over any step read), ``decision`` (rule 1 with its thresholds)
and ``weights`` (rule 2). ``SURE_READ`` here is a copy: ``follow_up`` reads ``context_rules.decision.SURE_READ``.
"""
from __future__ import annotations

from bot.roleplay.context_rules.answer_kinds import ASSENT, DENIAL, NEED, QUESTION, SYMPATHY, response_kind
from bot.roleplay.context_rules.decision import (
    BARE_WORDS,
    FOLLOW_UP_CONFIDENCE,
    FOLLOW_UP_WORDS,
    REASONS,
    SURE_READ,
    follow_up,
)
from bot.roleplay.context_rules.invitation import Context, invitation, rule_invitation
from bot.roleplay.context_rules.light_questions import light_question_steps
from bot.roleplay.context_rules.weights import EARLY_OPTIONS, INVITE_WEIGHT, STAGE_WEIGHT, reweigh, weights

__all__ = [
    "ASSENT", "BARE_WORDS", "Context", "DENIAL", "EARLY_OPTIONS", "FOLLOW_UP_CONFIDENCE", "FOLLOW_UP_WORDS",
    "INVITE_WEIGHT", "NEED", "QUESTION", "REASONS", "STAGE_WEIGHT", "SURE_READ", "SYMPATHY", "follow_up",
    "invitation", "light_question_steps", "response_kind", "reweigh", "rule_invitation", "weights",
]
