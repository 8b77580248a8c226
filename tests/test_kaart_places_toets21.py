"""Place misses of the blind set toets21 (session 24), fixed by their causes:

- a wijk or village typed with "g" for "ch" ("Overvegt", "Utregt"): one sound, so no typo, where it was two edits and
  no place at all;
- a place outside the kaart ("huisarts in Soest", "ze wonen eigenlijk in almere") is said plainly, and what is
  reachable everywhere in the Netherlands is still shown for the problem (Veilig Thuis with 0800-2000 for violence);
- a question that names only a street ("aan de Taagdreef") guesses no region: only what holds everywhere, and the
  question where the family lives; the street itself is masked before anything is stored;
- a place only partly covered still says which part.
"""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.kaart import ActionAskKaartAanvulling, ActionKaartZoek
from bot.kaart import messages, places
from bot.kaart.index import default_index
from bot.kaart.search import zoek
from bot.kaart.service_area import nationwide_allowed
from bot.privacy.masking import mask_text
from tests.test_kaart_actions import DOMAIN, tracker

pytestmark = pytest.mark.usefixtures("rules_only_masking")

VT = "veilig_thuis"


# ------------------------------------------------------------------ ch and g


@pytest.mark.parametrize("text, code, meant", [
    ("Ik ben intern begeleider op een basisschool in Overvegt. Een jongen van 10 is erg druk.", "utrecht", "Overvecht"),
    ("gezin uit Utregt, vader drinkt, kinderen 4 en 7", "utrecht", "Utrecht"),
    ("moeder in Overvecht, zoon 8 wordt gepest", "utrecht", "Overvecht"),  # as written: no correction
])
def test_g_for_ch_is_one_sound_and_finds_the_place(text, code, meant):
    found = places.zoek_plaats(text)
    assert found is not None and found.code == code and found.naam == meant
    assert found.verbeterd == (meant not in text)


def test_a_wijk_typed_with_g_gets_the_services_of_its_city_and_says_which_part_the_kaart_covers():
    result = zoek("Goedemiddag, ik ben intern begeleider op een basisschool in Overvegt. Een jongen van 10 is zo druk "
                  "dat hij uit de klas wordt gestuurd en moeder kan het thuis niet meer aan. Welke hulp is er?")
    assert result.status == "ok" and result.gemeente == "utrecht" and result.hits
    assert "Ik las 'Overvegt' als Overvecht." in result.melding
    assert "alleen de wijk Vleuten-De Meern" in result.melding  # the part the kaart covers (item 4)
    # only services of the whole city, not those of Vleuten-De Meern alone
    assert all("vleuten" not in (hit.id or "") or hit.id == "buurtteam_vleuten" for hit in result.hits)


# ------------------------------------------------------------------ a place outside the kaart


@pytest.mark.parametrize("text, place", [
    ("Goedemiddag, ik ben huisarts in Soest. Een moeder vertelde mij dat haar man haar regelmatig slaat, ook waar hun "
     "dochter van 5 bij is. Welke hulp kan ik inschakelen voor moeder en kind?", "Soest"),
    ("ze wonen eigenlijk in almere, vader slaat moeder en de zoon van 6 heeft het gezien", "Almere"),
])
def test_violence_outside_the_kaart_says_so_and_still_gives_the_national_veilig_thuis(text, place):
    result = zoek(text)
    assert result.status == "buiten_regio"
    assert result.melding.startswith(f"'{place}' valt niet binnen de sociale kaart")
    assert "in heel Nederland bereikbaar" in result.melding
    assert [hit.id for hit in result.hits] == [VT]
    assert "0800-2000" in result.hits[0].waarom and "0800-2000" in result.hits[0].bereikbaarheid
    assert result.route == []  # no entrance of a place of the kaart


def test_outside_the_kaart_only_what_holds_everywhere_is_shown():
    index = default_index()
    national = {index.docs[i].service.id for i in nationwide_allowed(index)}
    assert VT in national
    assert all("landelijk" in index.docs[i].area_codes or index.docs[i].service.landelijk_bereikbaar
               for i in nationwide_allowed(index))
    # a problem with nothing national: the honest message alone, as before
    result = zoek("gezin met schulden in Amsterdam, zoon 12 spijbelt")
    assert result.status == "buiten_regio" and result.hits == []
    assert "valt niet binnen de sociale kaart" in result.melding
    assert "in heel Nederland bereikbaar" not in result.melding


# ------------------------------------------------------------------ only a street


@pytest.mark.parametrize("text, danger", [
    ("Goedenavond, ik ben wijkagent. Bewoners van een portiek aan de Taagdreef melden al weken geschreeuw en kinderen "
     "die gillen en huilen in een gezin met drie kinderen van 2, 5 en 7. Wat kan ik nog meer doen?", True),
    ("Goedemiddag, ik ben huisarts aan de Amsterdamsestraatweg. Een moeder van kinderen van 3 en 6 heeft een "
     "alcoholprobleem en school meldt dat de kinderen ongewassen komen. Met wie kan ik dit oppakken?", True),
    ("Goedemiddag, ik werk op een BSO aan de Gijsbrecht van Amstelstraat. Een jongen van 9 is sinds de scheiding van "
     "zijn ouders heel angstig. Waar kunnen de ouders hulp vragen?", False),
    ("gezin op de marco pololaan, kinderen van 6 en 9 's avonds laat alleen buiten, moeder niet thuis", False),
])
def test_a_street_and_no_place_guesses_no_region_and_asks_where_the_family_lives(text, danger):
    assert places.zoek_plaats(text) is None and places.noemt_straat(text)
    result = zoek(text)
    assert result.melding.startswith(messages.GEEN_PLAATS_HERKEND)
    assert result.gemeente is None and result.route == []
    index = default_index()
    national = {index.docs[i].service.id for i in nationwide_allowed(index)}
    assert {hit.id for hit in result.hits} <= national  # no service of one region
    if danger:
        assert result.hits and result.hits[0].id == VT and "0800-2000" in result.hits[0].waarom


@pytest.mark.parametrize("text", [
    "zoon van 15 spijbelt, wat kan ik doen?",  # no place at all: the whole kaart, as before
    "op het schoolplein wordt hij gepest en onderweg naar huis ook",
    "vader zoekt een uitweg uit de schulden, dochter 9 is somber",
    "Gezin uit de Keverdijk, kleuter van 4, ouders in een vechtscheiding",  # a wijk named like a street
])
def test_ordinary_words_and_places_are_no_street(text):
    assert not places.noemt_straat(text)


def test_a_street_in_a_kaart_question_is_masked_before_it_is_stored():
    for text, street in [
        ("Bij de flats aan de Marco Pololaan treffen collega's twee kinderen aan", "Pololaan"),
        ("ik ben huisarts aan de Amsterdamsestraatweg, moeder drinkt", "Amsterdamsestraatweg"),
        ("ik werk op een BSO aan de Gijsbrecht van Amstelstraat", "Amstelstraat"),
        ("een portiek aan de Taagdreef", "Taagdreef"),
        ("gezin op de marco pololaan, kinderen alleen buiten", "pololaan"),
    ]:
        masked = mask_text(text)
        assert street not in masked and "[ADRES]" in masked, masked
    assert mask_text("op het schoolplein en onderweg naar huis") == "op het schoolplein en onderweg naar huis"


# ------------------------------------------------------------------ the chat


async def test_the_chat_asks_where_the_family_lives_when_only_a_street_is_named():
    question = "een portiek aan de Taagdreef, buren horen kinderen gillen, kinderen van 2 en 5"
    dispatcher = CollectingDispatcher()
    slots = {"kaart_vraag": question, "kaart_gemeente": None, "kaart_thema": "veiligheid"}
    await ActionAskKaartAanvulling().run(dispatcher, tracker("x", slots, {}, requested="kaart_aanvulling"), DOMAIN)
    assert dispatcher.messages[0]["text"] == messages.GEEN_PLAATS_HERKEND


async def test_the_chat_shows_veilig_thuis_for_violence_in_a_place_outside_the_kaart():
    text = "huisarts in Soest: man slaat zijn vrouw, dochter van 5 ziet het"
    slots = {"kaart_vraag": text, "kaart_gemeente": "Soest", "kaart_thema": "veiligheid"}
    dispatcher = CollectingDispatcher()
    await ActionKaartZoek().run(dispatcher, tracker("x", slots, {}), DOMAIN)
    texts = " ".join(m["text"] for m in dispatcher.messages if m.get("text"))
    assert "'Soest' valt niet binnen de sociale kaart" in texts and "0800-2000" in texts
    payload = next(m["custom"] for m in dispatcher.messages if m.get("custom"))
    assert payload["status"] == "buiten_regio" and [hit["id"] for hit in payload["resultaten"]] == [VT]
