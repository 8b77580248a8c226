"""Safety in the sociale kaart after a user test (session 20): 'dreigt uitval' is a risk, not a threat; stalking is a
safety signal; Veilig Thuis outside Gooi en Vechtstreek is reached via the national 0800-2000; a generic word such as
'partner' ranks no service; and a number before a kind of school is a school year, not an age."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from bot.intake.danger import danger_in
from bot.kaart import messages
from bot.kaart.query import extract_leeftijd
from bot.kaart.search import zoek

SAFETY = "Let op, eerst de veiligheid:"


def danger_ids(text):
    return {signal.id for signal in danger_in(text)}


def kaart_texts(text):
    from actions.kaart import search_and_show
    from bot.kaart.dialog import lees

    dispatcher = CollectingDispatcher()
    search_and_show(dispatcher, text, lees(text, []))
    return [m.get("text") or "" for m in dispatcher.messages]


# ------------------------------------------------------------------ 1: 'dreigen' as 'to be at risk of'

@pytest.mark.parametrize("text", [
    "kortenhoef zoon 17 dreigt uitval mbo",
    "hij dreigt van school gestuurd te worden, zoon 15 hilversum",
    "jongen 17 dreigt uitval op het mbo",
    "hij dreigt van zijn school gestuurd te worden",
    "ze dreigt geschorst te worden",
    "hij dreigt te blijven zitten",
    "ze dreigt af te glijden",
    "vader dreigt zijn baan te verliezen",
    "er dreigt schooluitval",
    "omdat uitval dreigt",
    "er dreigt een uithuisplaatsing",
    "het dreigt uit de hand te lopen",
    "ze dreigt in de problemen te komen",
])
def test_at_risk_of_is_no_threat(text):
    assert danger_ids(text) == set(), text


@pytest.mark.parametrize("text", [
    "hij dreigt haar te slaan",
    "hij dreigt met geweld",
    "hij bedreigt haar",
    "vader dreigt de kinderen mee te nemen",
    "hij dreigt haar iets aan te doen",
    "ex dreigt haar, ze is bang",
    "ze werd bedreigd door haar ex",
])
def test_a_threat_stays_a_threat(text):
    assert "gevaar_geweld" in danger_ids(text), text


def test_the_kaart_answers_a_risk_of_dropping_out_without_the_safety_advice():
    texts = kaart_texts("kortenhoef zoon 17 dreigt uitval mbo")
    assert not any(SAFETY in text for text in texts)


# ------------------------------------------------------------------ 2: stalking

@pytest.mark.parametrize("text", [
    "moeder wordt door ex gestalkt, kinderen 3 en 5, de meern",
    "haar ex stalkt haar al maanden",
    "de stalker wacht haar op",
    "ze wordt belaagd door haar ex",
    "hij achtervolgt haar overal",
    "hij staat steeds voor de deur",
    "hij valt haar steeds lastig",
    "haar ex houdt zich niet aan het contactverbod",
])
def test_stalking_is_a_safety_signal(text):
    assert "gevaar_belaging" in danger_ids(text), text


@pytest.mark.parametrize("text", ["er is geen sprake van stalking", "de achtervolging van de bal in het spel"])
def test_no_stalking_is_no_signal(text):
    assert "gevaar_belaging" not in danger_ids(text), text


def test_someone_at_the_door_now_stays_acute_and_a_pattern_is_not():
    assert "gevaar_acuut" in danger_ids("haar ex staat nu beneden voor de deur")
    assert "gevaar_acuut" not in danger_ids("hij staat steeds voor de deur")


def test_the_kaart_gives_the_safety_advice_and_veilig_thuis_for_stalking():
    texts = kaart_texts("moeder wordt door ex gestalkt, kinderen 3 en 5, de meern")
    assert texts[0].startswith(SAFETY) and "Veilig Thuis (0800-2000" in texts[0]
    assert "veiligheid" in zoek("moeder wordt door ex gestalkt, kinderen 3 en 5, de meern").themas


# ------------------------------------------------------------------ 3: Veilig Thuis outside Gooi en Vechtstreek

@pytest.mark.parametrize("vraag, plaats", [
    ("veilig thuis utrecht", "Utrecht"),
    ("melding doen bij veilig thuis, kind 6, vleuten", "Vleuten-De Meern"),
])
def test_veilig_thuis_elsewhere_is_reached_via_the_national_number(vraag, plaats):
    melding = zoek(vraag).melding or ""
    assert "Veilig Thuis is in heel Nederland bereikbaar via 0800-2000" in melding, melding
    assert f"een adres in {plaats} staat er niet in" in melding
    assert "Vraag de algemene ingang van de gemeente wie dat daar doet" not in melding


def test_another_service_elsewhere_still_points_to_the_municipality():
    melding = zoek("leerplicht bussum").melding or ""
    assert "Leerplicht staat in de sociale kaart alleen voor Hilversum" in melding
    assert "Vraag de algemene ingang van de gemeente" in melding
    assert "0800" not in messages.alleen_elders("Leerplicht", "Hilversum", "Bussum")


# ------------------------------------------------------------------ 4: violence in Utrecht, and 'partner'

def test_violence_in_utrecht_starts_with_safety_and_ranks_nothing_on_partner():
    text = "moeder in overvecht wordt geslagen door haar partner, kinderen 2 en 5 zien het"
    texts = kaart_texts(text)
    assert texts[0].startswith(SAFETY) and "Veilig Thuis (0800-2000" in texts[0]
    result = zoek(text)
    assert "sportutrecht" not in [hit.id for hit in result.hits]
    # session 21: Veilig Thuis itself is shown with its national number (the kaart has it for Gooi en Vechtstreek
    # only), next to the entrance of the place, instead of "geen dienst die past"
    shown = {hit.id: hit for hit in result.hits[:3]}
    assert "veilig_thuis" in shown and "0800-2000" in shown["veilig_thuis"].waarom
    assert "geen dienst die past" not in (result.melding or "")
    assert not any("'partner'" in (hit.waarom or "") for hit in result.hits)


# ------------------------------------------------------------------ 5: a school year is no age

@pytest.mark.parametrize("vraag, leeftijd", [
    ("meisje 3 havo somber laren", 14),
    ("dochter 3 vwo", 14),
    ("zoon 2 vmbo spijbelt huizen", 13),
    ("jongen 1 gymnasium", 12),
    ("ze is 4 vwo", 15),
    ("zoon 3 vso", 14),
    ("havo 3 meisje", 14),
    ("dochter 3e klas havo", 14),
    ("zoon 2 mbo", None),  # an mbo year (or level) says no age
    ("zoon 17 mbo", 17),
    ("meisje 7 groep 4", 7),
    ("zoon van 3 jaar", 3),
    ("dochter 3 havo en zoon van 8", 8),
])
def test_a_number_before_a_kind_of_school_is_a_school_year(vraag, leeftijd):
    assert extract_leeftijd(vraag) == leeftijd, vraag


def test_a_school_year_gives_no_young_child_services():
    result = zoek("meisje 3 havo somber laren")
    assert result.leeftijd == 14
    assert "gezinnen met jonge kinderen" not in " ".join(hit.waarom or "" for hit in result.hits)
