"""Danger in everyday words (session 21: a user test and the blind kaart set toets18). A parent who admits a slap, a
baby shaken or a grip on the throat (112), stalking told as waiting at her work and endless messages, abuse as "oom
zit aan haar", "hij doet haar pijn", and a threat after a negation in an earlier clause: the intake gives the danger
advice and the kaart shows Veilig Thuis among the first three. A child who hits at school, sorrow that "doet haar
pijn" and an OTS already running raise no alarm and no Veilig Thuis."""
from __future__ import annotations

import pytest

from bot.intake.danger import danger_in, danger_message
from bot.intake.session import Intake
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")

ACUTE = "gevaar_acuut"
VIOLENCE = "gevaar_geweld"
STALKING = "gevaar_belaging"


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


# ------------------------------------------------------------------ what a user test and toets18 missed

@pytest.mark.parametrize("text, signal", [
    # a parent admitting violence, also with an adverb between child and slap and the verb at the end
    ("ze zegt dat ze zelf haar dochter wel eens een klap geeft als t uit de hand loopt", VIOLENCE),
    ("ze geeft haar dochter wel eens een klap", VIOLENCE),
    ("moeder geeft toe dat ze haar wel eens een tik geeft", VIOLENCE),
    ("ik geef hem weleens een tik als hij niet luistert", VIOLENCE),
    ("vader geeft de kinderen soms een mep", VIOLENCE),
    # acute danger: a grip on the throat, a shaken baby
    ("hij heeft haar bij de keel gepakt", ACUTE),
    ("hij greep haar bij haar keel", ACUTE),
    ("hij had zijn handen om haar keel", ACUTE),
    ("hij kneep haar keel dicht", ACUTE),
    ("hij schudt de baby door elkaar als ze huilt", ACUTE),
    ("de baby is door elkaar geschud", ACUTE),
    ("vader schudt hem flink door elkaar", VIOLENCE),
    # stalking in everyday words
    ("haar ex staat steeds bij haar werk te wachten en stuurt tig appjes per dag, ze durft niet alleen naar de auto",
     STALKING),
    ("hij wacht haar op na haar werk", STALKING),
    ("hij heeft haar opgewacht bij haar werk", STALKING),
    ("haar ex stuurt tig appjes per dag", STALKING),  # a weak sign with an ex
    ("hij belt haar de hele dag en nacht en ze durft niet alleen over straat", STALKING),  # two weak signs
    # abuse and hurting in plain words (toets18)
    ("Ondiep, dochter 14 vertelt mentor dat oom aan haar zit. vt?", VIOLENCE),
    ("ze wordt betast door haar oom", VIOLENCE),
    ("dochter zegt dat de nieuwe vriend van moeder haar pijn doet", VIOLENCE),
    ("de stiefvader doet haar pijn", VIOLENCE),
    ("hij heeft hem pijn gedaan", VIOLENCE),
    # a negation in an earlier clause is not about the threat of the next one (toets18 t18_070)
    ("Kanaleneilnd, meisje 16 mag niet naar buiten, broer bedreigt haar, wil weg", VIOLENCE),
    ("niet geslagen, wel geduwd", VIOLENCE),
])
def test_everyday_words_of_danger_are_a_signal(text, signal):
    assert signal in danger_ids(text), text


@pytest.mark.parametrize("text", [
    # a child who hits or kicks at school or where it is looked after shows behaviour, not violence at home
    "juf zegt dat hij slaat en bijt op school",
    "juf zegt dat hij op school slaat",
    "hij bijt en slaat in de klas",
    "hij slaat vaak op school",
    "hij schopt op de opvang",
    # sorrow, not violence
    "het doet haar pijn dat papa weg is",
    "dat het hem pijn deed",
    "natuurlijk doet het haar pijn",
    "het heeft haar veel pijn gedaan",
    # playing cards, nagging, a sore throat
    "ze schudt de kaarten door elkaar",
    "hij zit de hele dag aan haar te zeuren",
    "ze heeft keelpijn en pijn bij de keel",
    # one sign of stalking alone, without an ex: a father at the school gate, a frightened child, many messages
    "vader staat elke dag bij school te wachten",
    "oma wacht haar op na school",
    "ik wacht haar op bij school",
    "ze durft niet alleen te slapen",
    "hij krijgt tig appjes van vrienden",
    # a list carried on over a comma keeps its negation; a denial stays a denial
    "geen geweld, of bedreiging",
    "er wordt niet geslagen, geschopt of gedreigd",
    "nee, hij slaat haar niet",
])
def test_everyday_words_without_danger_raise_no_alarm(text):
    assert danger_ids(text) == set(), text


def test_a_violent_parent_at_school_stays_a_signal():
    # the exception for a child hitting at school is the child's own verb next to the school, not a parent's hitting
    assert VIOLENCE in danger_ids("vader slaat hem als hij op school straf heeft gehad")
    assert VIOLENCE in danger_ids("juf zegt dat vader hem slaat")
    assert VIOLENCE in danger_ids("vader slaat de kinderen als hij gedronken heeft")
    assert danger_ids("jongen 13 slaat andere lln in de pauze") == set()


# ------------------------------------------------------------------ the intake gives the danger advice

@pytest.mark.parametrize("text, signal, words", [
    ("moeder geeft toe dat ze haar wel eens een tik geeft", VIOLENCE, "Veilig Thuis (0800-2000"),
    ("hij heeft haar bij de keel gepakt", ACUTE, "112"),
    ("hij wacht haar op na haar werk", STALKING, "Veilig Thuis (0800-2000"),
])
def test_the_intake_stops_for_the_danger_advice(intake_knowledge, text, signal, words):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start().state, f"een moeder belt over haar dochter van 8, {text}")
    assert turn.kind == "gevaar" and signal in [found.id for found in turn.danger]
    assert words in " ".join(found.direct_doen for found in turn.danger)


def test_a_child_hitting_at_school_does_not_stop_the_intake(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start().state, "een moeder belt over haar zoon van 6, juf zegt dat hij slaat en bijt "
                                               "op school")
    assert turn.kind != "gevaar" and not turn.danger


def test_the_danger_message_outside_the_intake_names_112_for_a_shaken_baby():
    message = danger_message("hij schudt de baby door elkaar als ze huilt")
    assert message is not None and "112" in message


# ------------------------------------------------------------------ kaart: Veilig Thuis in the top 3 with danger only

def test_danger_told_in_the_intake_still_puts_veilig_thuis_first():
    hits = zoek("Huizen, zoon 9, ouders gaan scheiden", gevaren=["gevaar_geweld"]).hits
    assert hits[0].id == "veilig_thuis"


def test_online_sextortion_is_a_danger_but_not_veilig_thuis_before_the_jongerenwerk():
    # every blind kaart set sends online extortion with nude photos to the jongerenwerk first
    assert "gevaar_seksuele_uitbuiting" in danger_ids("dochter 16 wordt online gechanteerd met naaktfoto's")
    question = "'s-Graveland: dochter van 16 wordt online gechanteerd met naaktfoto's"
    assert first_three(question)[0] == "jongerenwerk_versa"


def first_three(question):
    return [hit.id for hit in zoek(question).hits[:3]]


@pytest.mark.parametrize("question", [
    "Hilversumse Meent, mdr zegt dat vdr haar gisteren sloeg waar kids 4 en 7 bij waren, durft niet naar huis",
    "Huizen, zn 15 bedreigt mdr met een mes, mdr wil dat jb ingrijpt. geen maatregel",
    "Eemnes, vdr belt: dochter groep 7 wil niet meer naar mdr sinds nieuwe vriend daar, zegt dat hij haar pijn doet",
    "Bussum, moeder geeft toe dat ze haar dochter van 8 wel eens een klap geeft",
    "Huizen, haar ex wacht haar op na haar werk, kinderen 3 en 5",
    # Utrecht: the kaart has Veilig Thuis for Gooi en Vechtstreek only; its national number reaches it everywhere
    "Zuilen, zn 16 slaat mdr, zij durft hem niet aan te spreken, broertje 8 ziet alles",
    "Kanaleneilnd, meisje 16 mag niet naar buiten, broer bedreigt haar, wil weg",
    "Ondiep, dochter 14 vertelt mentor dat oom aan haar zit. vt?",
    "Overvecht, mdr met blauw oog zegt dat ze gevallen is, kids 5 en 9 heel stil. vt?",
])
def test_a_question_with_danger_shows_veilig_thuis_in_the_top_3(question):
    assert "veilig_thuis" in first_three(question), question


def test_veilig_thuis_outside_its_region_gives_the_national_number():
    result = zoek("Zuilen, zn 16 slaat mdr, zij durft hem niet aan te spreken, broertje 8 ziet alles")
    shown = next(hit for hit in result.hits if hit.id == "veilig_thuis")
    assert "0800-2000" in shown.waarom and "signaal van onveiligheid" in shown.waarom
    # next to the general entrance of the place: the message does not say that nothing fits
    result = zoek("Ondiep, dochter 14 vertelt mentor dat oom aan haar zit. vt?")
    assert "veilig_thuis" in [hit.id for hit in result.hits[:3]]
    assert "Naast Veilig Thuis" in (result.melding or "") and "geen dienst die past" not in (result.melding or "")
    # in Overvecht the same: "mdr" is the mother (session 23), so the question is a family's, with the entrance
    result = zoek("Overvecht, mdr met blauw oog zegt dat ze gevallen is, kids 5 en 9 heel stil. vt?")
    assert "veilig_thuis" in [hit.id for hit in result.hits[:3]]
    assert "Naast Veilig Thuis" in (result.melding or "") and "geen dienst die past" not in (result.melding or "")
    # nothing else in Overvecht: Veilig Thuis and the general route in words, not "nothing fits"
    result = zoek("Overvecht, huiselijk geweld, vt?")
    assert [hit.id for hit in result.hits] == ["veilig_thuis"]
    assert "Algemene route" in (result.melding or "") and "geen dienst die past" not in (result.melding or "")


@pytest.mark.parametrize("question", [
    "Hilversum, zoon 6, juf zegt dat hij slaat en bijt op school",
    # an OTS that is already running is no sign of danger (toets18 t18_016, t18_037)
    "Bussum, ots sinds de zomer, gezinsvoogd jb niet bereikbaar, mdr belt: zn 15 weer weggelopen",
    "Busum, ots voor beide kids (9, 12) ivm vechtscheiding, vdr wil een andere gezinsvoogd. wie gaat daarover?",
    "Huizen, zoon 10, het doet hem pijn dat papa weg is, zoekt iemand om mee te praten",
])
def test_a_question_without_danger_shows_no_veilig_thuis(question):
    assert "veilig_thuis" not in first_three(question), question
