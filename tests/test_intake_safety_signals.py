"""Safety signals weighed as the meldcode does (fifth user test): a single bruise and signs of neglect lead to the
meldcode advice (Veilig Thuis), a veiled threat is a signal to ask about, a loverboy or sextortion is a child-safety
signal, and a bare "zoon 15" is no answer to the acute-danger question. Everyday sentences stay without alarm."""
from __future__ import annotations

import pytest

from bot.intake.danger import danger_message
from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary

pytestmark = pytest.mark.usefixtures("rules_only_masking")

ABUSE = "gevaar_signalen_mishandeling"
THREAT = "gevaar_verhulde_dreiging"
EXPLOITATION = "gevaar_seksuele_uitbuiting"


def danger_ids(intake_knowledge, text):
    signals = intake_knowledge.entries["intake_signaal"].values()
    return {hit.signal_id for hit in find_signals(text, signals) if hit.soort == "gevaar"}


def no_search(*args, **kwargs):
    return []


# ------------------------------------------------------------------ H2: a bruise, signs of neglect

@pytest.mark.parametrize("text", [
    "dat weet de juf niet, Tim zegt er niks over, wel had hij vorige week een blauwe plek op zijn arm",
    "de jongste had gisteren weer een blauwe plek in haar nek",
    "ze kwam met een blauw oog op school en wilde niet zeggen hoe dat kwam",
    "er zitten striemen op zijn rug",
    # the child's own explanation is for the consultant to weigh: it stays a signal
    "hij heeft een blauwe plek, hij zegt van het voetballen",
    "ze had een blauwe plek op haar wang, ze zou tegen de deur zijn gelopen",
])
def test_a_single_bruise_is_a_signal_of_abuse(intake_knowledge, text):
    assert ABUSE in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    # a bruise the caller explains by sport or play in the same breath: no meldcode advice for a football kick
    "hij heeft een blauwe plek van het voetballen",
    "ze heeft een blauwe plek op haar knie van de gymles",
    "een blauwe plek op zijn scheen door het stoeien met zijn broer",
    "hij liep een blauw oog op tijdens de training",
])
def test_a_bruise_explained_by_sport_or_play_is_no_alarm(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


@pytest.mark.parametrize("text", [
    "hij komt steeds vaker te laat en zonder ontbijt, en hij is erg moe in de klas",
    "ze komt vaak zonder eten naar school en valt in de klas in slaap",
    "hij draagt al dagen dezelfde kleren en heeft vaak honger",
    "de kinderen komen in vieze kleren en zonder jas naar school",
    "het meisje lijkt verwaarloosd",
])
def test_signs_of_neglect_together_are_a_signal(intake_knowledge, text):
    assert ABUSE in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "ze komt vaak zonder ontbijt op school",  # one weak sign alone: ask about it, no alarm
    "hij gamet tot laat, is moe en komt te laat op school",  # a tired teenager: no sign of care that falls short
    "ze is moe en komt vaak te laat",
    "hij slaat het ontbijt over en is moe",
    "hij neemt geen lunch mee omdat hij in de kantine eet, en hij is vaak moe van het sporten",
])
def test_tiredness_lateness_or_one_weak_sign_alone_is_no_alarm(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


def test_the_user_test_intake_gives_the_meldcode_advice_and_no_volunteers(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.start().state
    turn = intake.handle(state, "juf Marieke Bos van OBS Haarzicht in Vleuten belt over een leerling, Tim Jansen, "
                                "9 jaar, hij komt steeds vaker te laat en zonder ontbijt, en hij is erg moe in de klas")
    assert turn.kind == "gevaar" and [signal.id for signal in turn.danger] == [ABUSE]
    assert "Veilig Thuis (0800-2000" in turn.danger[0].direct_doen and "meldcode" in turn.danger[0].direct_doen
    turn = intake.handle(turn.state, "dat weet de juf niet, Tim zegt er niks over, wel had hij vorige week een "
                                     "blauwe plek op zijn arm")
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=no_search)
    assert "signalen van kindermishandeling of verwaarlozing" in summary.signalen["Veiligheid"]
    assert summary.route[0].route == "veilig_thuis"
    # the light route with its search for 'opvoedondersteuning' (volunteers in Vleuten) does not come with danger
    assert all(advice.route not in ("buurtteam", "sociale_basis") for advice in summary.route)
    assert "jeugdteam: de moeite is ernstig" not in format_summary(summary)
    # a bruise is a danger remark: not the 'aard' of the problem
    assert summary.aspecten["aard"] == "niet gevraagd"


def test_weak_signs_told_at_different_questions_count_together(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start().state, "de mentor belt, het meisje komt vaak zonder ontbijt op school")
    assert turn.kind == "vraag" and not turn.danger  # one sign: no alarm yet
    turn = intake.handle(turn.state, "nee, niet dat we weten, maar ze valt in de klas steeds in slaap")
    assert [signal.id for signal in turn.danger] == [ABUSE]


# ------------------------------------------------------------------ H3: "zoon 15" is no answer

@pytest.mark.parametrize("text", ["zoon 15", "dochter van 12", "twee kinderen, 8 en 12 jaar",
                                  "meisje 16 uit Muiderberg", "de oudste, 14", "de kinderen"])
def test_only_who_and_how_old_is_no_answer_to_a_safety_question(intake_knowledge, text):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Het gaat om mijn dochter").state
    turn = intake.handle(state, text)
    assert turn.kind == "geen_antwoord" and turn.no_answer == "wie"
    assert turn.state["answers"] == state["answers"] and turn.question.key == "veiligheid.acuut_gevaar"


@pytest.mark.parametrize("text, kind", [("ja, zoon 15", "gevaar"), ("nee, zoon 15 is veilig", "vraag"),
                                        ("nee", "vraag")])
def test_a_yes_or_no_with_who_is_an_answer(intake_knowledge, text, kind):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Het gaat om mijn dochter").state
    turn = intake.handle(state, text)
    assert turn.kind == kind and "veiligheid.acuut_gevaar" in turn.state["answers"]


# ------------------------------------------------------------------ H4: veiled threats

@pytest.mark.parametrize("text", [
    "nee niemand in direct gevaar, maar hij zegt wel: als ze zo doorgaat dan weet ik niet wat ik doe",
    "als ze de kinderen niet brengt, sta ik niet voor mezelf in",
    "hij zei: dan sta ik niet meer voor mezelf in",
    "als dit zo doorgaat, dan gebeuren er ongelukken",
    "ze gaat hier spijt van krijgen, zegt hij steeds",
    "hij appte dat ze daar spijt van gaat krijgen",
    "ik weet niet wat ik dan doe, zei hij",
    "dat zal ze bezuren",
])
def test_a_veiled_threat_is_a_signal(intake_knowledge, text):
    assert THREAT in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "ik weet niet wat ik moet doen",
    "ik weet het niet meer, ik weet niet wat ik moet doen met hem",
    "die nieuwe mentor weet niet wat hij doet",
    "ze heeft spijt van haar keuze",
    "ik ga hier nog spijt van krijgen, maar ik bel toch",
    "er gebeuren veel ongelukken op die kruising",
])
def test_helplessness_regret_and_accidents_are_no_threat(intake_knowledge, text):
    assert danger_ids(intake_knowledge, text) == set()


def test_a_veiled_threat_in_the_intake_interrupts_and_the_summary_asks_further(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "vader belt over zijn dochter van 10, ze zijn net uit elkaar").state
    turn = intake.handle(state, "nee niemand in direct gevaar, maar hij zegt wel: als ze zo doorgaat dan weet ik "
                                "niet wat ik doe")
    assert turn.kind == "gevaar" and [signal.id for signal in turn.danger] == [THREAT]
    state = intake.handle(turn.state, "nee").state
    state = intake.handle(state, "nee").state  # the question about hard rows at home (a screening question as well)
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=no_search)
    assert summary.veiligheid.startswith("Veiligheid: nog uit te vragen: een verhulde dreiging")
    assert "uitgevraagd" not in summary.veiligheid  # the web page shows this line as a warning
    assert summary.route[0].route == "veilig_thuis"


def test_a_veiled_threat_outside_the_intake_gets_the_safety_advice(intake_knowledge):
    message = danger_message("vader in Bussum zegt over zijn ex: als ze zo doorgaat dan weet ik niet wat ik doe. "
                             "Kinderen 8 en 12")
    assert message is not None and message.startswith("Let op, eerst de veiligheid:")
    assert "Veilig Thuis (0800-2000" in message and "vraag door" in message


# ------------------------------------------------------------------ M4: loverboy, sextortion

@pytest.mark.parametrize("text", [
    "Muiderberg meisje 16 heeft een loverboy denken we",
    "zoon 13 wordt online gechanteerd met naaktfoto's, woont in Laren",
    "ze heeft een veel oudere vriend die haar cadeaus geeft, de school denkt aan een loverboy",
    "hij wordt afgeperst met een naaktfilmpje dat hij heeft gestuurd",
    "iemand dreigt haar naaktfoto's te verspreiden",
    "er gaan naaktfoto's van haar rond op school",
    "we denken aan sextortion",
])
def test_sexual_exploitation_and_sextortion_are_a_child_safety_signal(intake_knowledge, text):
    assert EXPLOITATION in danger_ids(intake_knowledge, text)
    message = danger_message(text)
    assert message is not None and "Veilig Thuis (0800-2000" in message and "politie" in message


@pytest.mark.parametrize("text", [
    "hij heeft geen loverboy hoor, gewoon een vriendje van school",
    "ze zit op de sportschool in Laren",
    "hij chanteert haar met de omgangsregeling",
    "ze maakt veel foto's voor haar Instagram",
])
def test_ordinary_sentences_about_friends_and_photos_are_no_alarm(intake_knowledge, text):
    assert EXPLOITATION not in danger_ids(intake_knowledge, text)


# ------------------------------------------------------------------ a negation in a clause before the trigger

@pytest.mark.parametrize("text", ["als ze niet luistert, slaat hij haar",
                                  "wanneer hij zijn zin niet krijgt, dreigt hij"])
def test_a_negation_in_a_subordinate_clause_before_does_not_undo_the_signal(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


def test_a_plain_denial_still_holds(intake_knowledge):
    assert danger_ids(intake_knowledge, "nee, als er ruzie is wordt er niet geslagen") == set()


# found by a user test (session 20): without the comma the 'niet' of the clause before undid the signal, and "een klap
# van hem" was no signal at all; typed without punctuation or capitals, as callers' words are noted down
@pytest.mark.parametrize("text", [
    "als ze niet luistert slaat hij haar", "ALS ZE NIET LUISTERT SLAAT HIJ HAAR", "Als ze niet luistert slaat hij haar",
    "en als ze niet luistert dan slaat hij haar", "wanneer hij zijn zin niet krijgt dreigt hij",
    "hij slaat haar als ze niet luistert", "soms krijgt ze een klap van hem", "Soms Krijgt Ze Een Klap Van Hem",
    "ze kreeg een klap van haar vader", "ze krijgt een klap als ze niet luistert", "hij krijgt soms een pak slaag",
    "als ze niet luistert krijgt ze een klap van hem",
])
def test_violence_is_a_signal_without_commas_or_capitals(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "hij slaat de deur dicht", "ze slaat haar ogen neer", "ze sloeg haar ogen neer en zei niks",
    "als hij haar niet slaat gaat het wel", "als hij niet echt slaat", "ze krijgt geen klappen van hem",
    "hij geeft haar nooit een klap", "hij heeft een klap van de molen gekregen", "de scheiding was een klap voor haar",
])
def test_hitting_in_another_sense_or_denied_is_no_alarm(intake_knowledge, text):
    assert "gevaar_geweld" not in danger_ids(intake_knowledge, text)


def test_violence_told_without_a_comma_interrupts_the_intake_and_the_chat(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "moeder belt over haar dochter van 9, ze zijn net uit elkaar").state
    turn = intake.handle(state, "als ze niet luistert slaat hij haar")
    assert turn.kind == "gevaar" and "gevaar_geweld" in [signal.id for signal in turn.danger]
    assert "huiselijk geweld" in (danger_message("soms krijgt ze een klap van hem, dochter van 7 uit Huizen") or "")


@pytest.mark.parametrize("text", [
    "vader zei aan de telefoon dat hij er een eind aan maakt als hij de kinderen niet meer mag zien",  # a user test
    "moeder zegt dat ze er een einde aan wil maken",
    "hij wil een einde aan zijn leven maken",
])
def test_ending_it_is_a_worry_about_suicide(text):
    from bot.intake.danger import danger_message

    assert "zelfdoding" in (danger_message(text) or "")


@pytest.mark.parametrize("text", ["ze wil een eind maken aan de ruzie", "we maken een eind aan het gesprek"])
def test_ending_a_quarrel_or_a_talk_is_no_alarm(text):
    from bot.intake.danger import danger_message

    assert danger_message(text) is None


@pytest.mark.parametrize("text", [
    "vader geeft de jongste soms een klap",  # the preparation's user test: both missed
    "hij duwde haar tegen de muur",
    "ze krijgt klappen van haar stiefvader",
    "hij gaf haar een klap op haar hoofd",
])
def test_a_blow_or_a_push_is_a_signal_of_violence(text):
    from bot.intake.danger import danger_message

    assert "huiselijk geweld" in (danger_message(text) or "")


@pytest.mark.parametrize("text", [
    "de scheiding was een klap voor haar", "hij loopt tegen de muur aan met school",
    "de trainer gaf hem een klap op de schouder, goed gedaan",
])
def test_a_blow_in_another_sense_is_no_alarm(text):
    from bot.intake.danger import danger_message

    assert danger_message(text) is None


# found by a user test (session 20): a child threatening to run away threatens no one; a figurative 'klap' (a blow of
# fate) is no violence; in "kan niet stoppen met gamen" the 'niet' belongs to the stopping, not to the gaming
@pytest.mark.parametrize("text", [
    "hij dreigt weg te lopen als hij naar zijn vader moet", "als hij naar zijn vader moet dreigt hij weg te lopen",
    "ze dreigt van huis weg te lopen", "hij dreigt er steeds mee weg te lopen", "ze dreigt met weglopen",
    "ze kreeg een flinke klap toen oma overleed", "dat was een klap voor hem",
    "ze heeft een flinke klap gehad toen opa overleed", "hij kreeg een harde klap door de scheiding",
    "ze kreeg een klap van het overlijden van haar moeder", "hij kreeg een klap toen zijn vader vertrok",
])
def test_running_away_and_a_blow_of_fate_are_no_violence(intake_knowledge, text):
    assert "gevaar_geweld" not in danger_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "ze kreeg een klap van hem", "ze kreeg een klap toen ze niet luisterde",
    "ze kreeg een klap van papa toen oma overleed",
    "ze kreeg een klap van haar vader toen hij dronken was", "hij dreigt weg te lopen met de kinderen",
    "hij dreigt met de kinderen weg te gaan", "vader dreigt de kinderen mee te nemen", "hij dreigt haar te slaan",
])
def test_a_real_blow_or_threat_stays_violence(intake_knowledge, text):
    assert "gevaar_geweld" in danger_ids(intake_knowledge, text)


def signal_ids(intake_knowledge, text):
    return {hit.signal_id for hit in find_signals(text, intake_knowledge.entries["intake_signaal"].values())}


@pytest.mark.parametrize("text", [
    "hij kan niet stoppen met gamen", "hij kan echt niet ophouden met gamen", "hij stopt niet met gamen",
    "hij houdt niet op met gamen", "ze kan niet stoppen met het gamen",
])
def test_not_being_able_to_stop_gaming_is_trouble_with_limits(intake_knowledge, text):
    assert "opvoeding_grenzen" in signal_ids(intake_knowledge, text)


@pytest.mark.parametrize("text", [
    "hij is gestopt met gamen", "hij gamet niet", "hij heeft geen moeite met stoppen met gamen",
    "hij kan niet stoppen met huilen",
])
def test_gaming_stopped_or_denied_is_no_trouble_with_limits(intake_knowledge, text):
    assert "opvoeding_grenzen" not in signal_ids(intake_knowledge, text)
