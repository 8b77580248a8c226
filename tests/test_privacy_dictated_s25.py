"""Masking what a consultant dictates (a user test of session 25): speech-to-text gives no punctuation, no capitals and
numbers as words. A phone number, a BSN and a date of birth said as words, an e-mail address said in words ("petra
punt de vries at gmail punt com"), a house number and a postcode said as words and the surname in a dictated opening
("ja met hans van der bosch ik bel ...", "met sandra smid uit laren") were stored readable; numbers that say nothing
about a family (ages, times, counts, 112 and Veilig Thuis) stay readable. Each detail is typed through the intake and
the call-back form, then the data folder is searched."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionTerugbelverzoekOpslaan, ValidateTerugbelForm
from bot.intake.callbacks import contact_details, list_callbacks, show
from bot.intake.deidentify import mask
from bot.intake.listen import without_contact_details
from bot.text import spoken_number
from tests.intake_form import DOMAIN
from tests.test_privacy_user_test_s22 import files_with, summary_of, type_through


@pytest.mark.parametrize("word, value", [
    ("nul", 0), ("zes", 6), ("twaalf", 12), ("vierendertig", 34), ("tweeëntwintig", 22), ("tweeentwintig", 22),
    ("honderdtwaalf", 112), ("achthonderd", 800), ("tweeduizend", 2000), ("tweeduizendvijftien", 2015),
    ("negentienhonderd", 1900), ("negentienhonderdnegenentachtig", 1989),
    ("dochter", None), ("en", None), ("nulentwintig", None), ("tienentwintig", None), ("12", None),
])
def test_a_number_said_as_one_word_has_its_value(word, value):
    assert spoken_number(word) == value


# -- 1. numbers said as words -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("mijn nummer is nul zes twaalf vierendertig zesenvijftig achtenzeventig", "mijn nummer is [TELEFOON]"),
    ("mijn nummer is nul zes een twee drie vier vijf zes zeven acht", "mijn nummer is [TELEFOON]"),
    ("bel haar op nul zes 12 34 56 78", "bel haar op [TELEFOON]"),
    ("en u kunt ook bellen op nul vijfendertig zes twee drie vier vijf zes zeven",
     "en u kunt ook bellen op [TELEFOON]"),
    ("ze is bereikbaar op plus eenendertig zes twaalf vierendertig zesenvijftig achtenzeventig",
     "ze is bereikbaar op [TELEFOON]"),
    ("het bsn van mijn dochter is een twee drie vier vijf zes zeven acht twee", "het bsn van mijn dochter is [BSN]"),
    # a misheard digit fails the elfproef; right after 'bsn' it is still a BSN
    ("het bsn is een twee drie vier vijf zes zeven acht negen", "het bsn is [BSN]"),
    ("het burgerservicenummer is twee vier zes acht een drie vijf zeven nul", "het burgerservicenummer is [BSN]"),
    ("lotte is geboren op veertien februari tweeduizend twaalf", "[NAAM] is geboren op [DATUM]"),
    ("hij is geboren op drie maart tweeduizend tien", "hij is geboren op [DATUM]"),
    ("zijn geboortedatum is twaalf zes tweeduizend vijftien", "zijn geboortedatum is [DATUM]"),
    ("geboren op de veertiende februari negentien negenentachtig", "geboren op de [DATUM]"),
    ("de postcode is twaalf eenenzeventig ab in huizen", "de postcode is [POSTCODE] in huizen"),
    ("ons adres is lindelaan vijf twaalf eenenzeventig a b huizen", "ons adres is [ADRES] [POSTCODE] huizen"),
    ("we wonen op de kerkstraat twaalf in bussum", "we wonen op de [ADRES] in bussum"),
    ("ze wonen op de dorpsstraat vier a in laren", "ze wonen op de [ADRES] in laren"),
    ("ik woon op de merelstraat tweehonderdvijf", "ik woon op de [ADRES]"),
])
def test_numbers_said_as_words_are_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "bij acuut gevaar bellen we honderdtwaalf en anders veilig thuis op nul achthonderd tweeduizend",
    "de kinderen zijn zes negen en twaalf en ze zitten in groep drie vijf en acht",
    "hij heeft drie vier keer gebeld tussen twee en drie uur en het gaat al twee jaar zo",
    "ze hebben tweeduizend vijfhonderd euro schuld sinds tweeduizend twintig",
    "op veertien februari tweeduizend twaalf zijn ze uit elkaar gegaan",  # a date, but no date of birth
    "we liepen twee keer over de schoolstraat en daarna naar huis",
    "ze liep de kerkstraat een keer op en neer",
    "ik heb er twaalf eenenzeventig op gezet",
])
def test_numbers_said_as_words_that_say_nothing_about_a_family_stay(text):
    assert mask(text).text == text


# -- 2. an e-mail address said in words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("mijn mailadres is petra punt de vries at gmail punt com", "mijn mailadres is [E-MAIL]"),
    ("je kunt me mailen op petra punt devries apenstaartje hotmail punt nl", "je kunt me mailen op [E-MAIL]"),
    ("of mailen naar fatima at outlook punt com dat leest ze", "of mailen naar [E-MAIL] dat leest ze"),
    ("mail naar jan.devries at gmail.com of bel", "mail naar [E-MAIL] of bel"),
    ("mail naar p punt jansen tweeëntachtig at ziggo punt nl", "mail naar [E-MAIL]"),
])
def test_an_email_address_said_in_words_is_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "ik kijk er at home punt nl naar",
    "de juf zegt dat hij at home niet punt voor punt kan uitleggen wat er is",
])
def test_at_and_punt_without_an_address_stay(text):
    assert mask(text).text == text


# -- 3. the surname in a dictated opening ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ja met hans van der bosch ik bel eigenlijk over mijn vrouw", "ja met [NAAM] ik bel eigenlijk over mijn vrouw"),
    ("met sandra smid uit laren ik bel over mijn zoon", "met [NAAM] uit laren ik bel over mijn zoon"),
    ("goedemorgen ik heb een moeder aan de lijn roos bloem de moeder van lotte",
     "goedemorgen ik heb een moeder aan de lijn [NAAM] de moeder van [NAAM]"),
    ("goedemorgen met roos bloem ik ben de moeder van lotte", "goedemorgen met [NAAM] ik ben de moeder van [NAAM]"),
    ("u spreekt met sandra smid", "u spreekt met [NAAM]"),
    ("ja dag met bloem van dijk ik ben de moeder van roos", "ja dag met [NAAM] ik ben de moeder van [NAAM]"),
    # no surname: a team, a role, a sound, a word that goes on with the call
    ("hoi met anouk van de wijk ik bel over een gezin", "hoi met [NAAM] van de wijk ik bel over een gezin"),
    ("hallo met anouk van het buurtteam", "hallo met [NAAM] van het buurtteam"),
    ("ja met lisa wijkcoach ik hoor dat u boos bent", "ja met [NAAM] wijkcoach ik hoor dat u boos bent"),
    ("met sandra zeg ik bel over mijn zoon", "met [NAAM] zeg ik bel over mijn zoon"),
    ("hallo met lisa poeh ik hoor hoe boos je bent", "hallo met [NAAM] poeh ik hoor hoe boos je bent"),
    ("een bloem van dijk en een bos bloemen", "een bloem van dijk en een bos bloemen"),
])
def test_the_surname_in_a_dictated_opening_is_masked(text, expected):
    assert mask(text).text == expected


# -- 4. a dictated answer keeps its facts without its contact details ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ik bel over mijn zoon [NAAM] hij wil niet meer naar school we wonen in bussum mijn nummer is [TELEFOON]",
     "ik bel over mijn zoon [NAAM] hij wil niet meer naar school we wonen in bussum"),
    ("mijn mailadres is [E-MAIL] en mijn dochter is geboren op [DATUM]", "en mijn dochter is geboren op [DATUM]"),
    ("mijn nummer is [TELEFOON] en u kunt ook bellen op [TELEFOON]", ""),
    ("u kunt me bereiken op [TELEFOON] of mailen naar [E-MAIL]", ""),
    ("ja ze slaat hem, haar nummer is [TELEFOON]", "ja ze slaat hem"),
])
def test_a_dictated_answer_loses_only_its_contact_details(text, expected):
    assert without_contact_details(text) == expected


OPENING = ("ja goedemiddag u spreekt met petra de vries ik bel over mijn zoon daan van twaalf hij wil al weken niet "
           "meer naar school we wonen op de kerkstraat twaalf in bussum mijn nummer is nul zes twaalf vierendertig "
           "zesenvijftig achtenzeventig")
SECRETS = ["petra", "vries", "daan", "kerkstraat", "vierendertig zesenvijftig", "veertien februari", "gmail punt com"]


async def test_a_dictated_call_is_stored_masked_and_keeps_what_the_caller_told(tmp_path):
    events, slots = await type_through([
        OPENING, "nee", "nee", "u kunt mij mailen op petra punt de vries at gmail punt com",
        "daan is geboren op veertien februari tweeduizend twaalf en hij zit thuis", "rond af"])
    text, record = await summary_of("gesprek-dictee", slots)
    assert "moeite met naar school gaan" in text  # the kern of the dictated answer, not "... we wonen op de gaan"
    assert "[TELEFOON]" not in str(record.data) and "we wonen op de [ADRES] in bussum" in str(record.data)
    assert "[DATUM]" in str(record.data)
    assert files_with(tmp_path, SECRETS) == []
    assert not any(secret in str(record.data).lower() for secret in SECRETS)


def _callback_tracker(slot, value, slots):
    return Tracker(sender_id="gesprek-dictee", slots={**slots, slot: value, "requested_slot": slot},
                   latest_message={"text": value, "intent": {"name": "nlu_fallback"}, "entities": []},
                   events=[{"event": "user", "text": value}, {"event": "slot", "name": slot, "value": value}],
                   paused=False, followup_action=None, active_loop={"name": "terugbel_form"},
                   latest_action_name="action_listen")


async def test_a_number_said_in_a_call_back_is_kept_encrypted_and_masked_in_the_list(tmp_path):
    assert contact_details("morgen na drie uur op nul zes twaalf vierendertig zesenvijftig achtenzeventig") == [
        "nul zes twaalf vierendertig zesenvijftig achtenzeventig"]
    slots = {}
    for slot, value in (("terugbel_wie", "petra de vries"), ("terugbel_waarover", "over het schoolverzuim"),
                        ("terugbel_wanneer", "morgen op nul zes twaalf vierendertig zesenvijftig achtenzeventig")):
        events = await ValidateTerugbelForm().run(CollectingDispatcher(), _callback_tracker(slot, value, slots), DOMAIN)
        slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot" and e["name"] == slot})
    dispatcher = CollectingDispatcher()
    await ActionTerugbelverzoekOpslaan().run(dispatcher, Tracker(
        sender_id="gesprek-dictee", slots=slots, latest_message={}, events=[], paused=False, followup_action=None,
        active_loop={}, latest_action_name="action_listen"), DOMAIN)
    assert "[TELEFOON]" in dispatcher.messages[0]["text"]
    assert files_with(tmp_path, ["vierendertig zesenvijftig", "petra"]) == []
    callback, details = show(list_callbacks()[0].id)
    assert callback.heeft_contact and "nul zes twaalf vierendertig zesenvijftig achtenzeventig" in details
