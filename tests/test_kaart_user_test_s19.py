"""The sociale kaart after the user test of session 19 (a Vraagbaak consultant in the web chat): each test has the
reported question and questions in other words. The chat reads a question with ``bot.kaart.dialog.lees`` and searches
with what it read, as ``actions.kaart.search_and_show`` does."""
from __future__ import annotations

import re
from typing import List

import pytest

from bot.kaart.dialog import lees
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.kaart.text import words


def chat_search(text: str):
    """The search the chat runs for ``text`` (the place, theme and age as the chat reads them)."""
    slots = lees(text)
    leeftijd = slots["kaart_leeftijd"]
    return zoek(text, leeftijd=int(leeftijd) if leeftijd is not None else None, gemeente=slots["kaart_gemeente"],
                thema=slots["kaart_thema"], limit=5)


def only_in(area: str) -> List[str]:
    """The services of the kaart that work only in ``area`` (an area code)."""
    from bot.kaart.search import default_index

    return [doc.service.id for doc in default_index().docs if list(doc.service.werkgebied) == [area]]


# ------------------------------------------------------------------ M2: a wijk of Utrecht outside Vleuten-De Meern

@pytest.mark.parametrize("text", [
    "Overvecht moeder alleenstaand, zoon 12 heeft geen vrienden en zit alleen thuis, geen geld voor club",
    "Leidsche Rijn moeder alleenstaand geen geld voor sportclub van de kinderen",
    "gezin in Kanaleneiland, dochter van 11 zou graag op hockey gaan maar er is geen geld",
    "Utrecht Overvecht: vader zoekt een sportclub voor zijn zoon van 9, hij zit veel binnen",
])
def test_a_wijk_of_utrecht_outside_vleuten_gets_no_service_that_works_only_in_vleuten(text):
    # found by the user test: the chat searched the code "utrecht" and showed Hockeyclub Fletiomare and Vleuten
    # Versterkt, "werkt in Vleuten-De Meern", under a message that only services of the whole city are shown
    result = chat_search(text)
    assert result.status == "ok" and "toont de kaart alleen diensten die in heel Utrecht werken" in result.melding
    assert not {hit.id for hit in result.hits} & set(only_in("vleuten")), [h.id for h in result.hits]
    assert not any("Vleuten-De Meern" in hit.waarom for hit in result.hits), [h.waarom for h in result.hits]


@pytest.mark.parametrize("text", [
    "Vleuten moeder alleenstaand, zoon 12 heeft geen vrienden en zit alleen thuis, geen geld voor club",
    "De Meern: dochter van 11 wil graag naar een hockeyclub maar moeder heeft het geld niet",
    "vader uit Vleuten zoekt een sportclub voor zijn zoon van 13 die veel stress heeft",
])
def test_a_club_the_child_would_join_does_not_make_a_family_question_one_of_a_professional(text):
    # found by the user test: "geen geld voor club" read the club as who asks, so the project Vleuten Versterkt
    # (no referral address) was shown to a family; projects stay out of a family's question (docs/kaart.md)
    result = chat_search(text)
    assert "professional" not in result.vraag.doelgroep_hints
    assert all(hit.verwijsbaar for hit in result.hits) and "vleuten_versterkt" not in [h.id for h in result.hits]
    # a club that asks still asks
    assert "professional" in lees_hints("de hockeyclub in Vleuten ziet dat een jongen van 12 vaak alleen is")


def lees_hints(text: str) -> List[str]:
    return parse_vraag(text).doelgroep_hints


def lees_themes(text: str) -> List[str]:
    return parse_vraag(text).themas


# ------------------------------------------------------------------ M3: the family lives outside, the school inside

@pytest.mark.parametrize("text, home, school", [
    ("moeder belt, zij woont in Almere maar haar zoon van 15 zit op school in Hilversum, hij verzuimt veel", "Almere",
     "Hilversum"),
    ("het gezin woont in Weesp, de dochter van 14 gaat naar school in Bussum en spijbelt", "Weesp", "Bussum"),
    ("leerling van onze school in Huizen woont in Amersfoort en is vaak afwezig", "Amersfoort", "Huizen"),
    ("ik werk in Laren, het gezin woont in Soest, dochter 12 is somber", "Soest", "Laren"),
])
def test_the_familys_home_outside_the_kaart_counts_not_the_school_or_work_inside_it(text, home, school):
    # found by the user test: "zij woont in Almere maar haar zoon zit op school in Hilversum" searched Hilversum and
    # never said that Almere, where the family lives, lies outside the kaart
    result = chat_search(text)
    assert result.status == "buiten_regio" and not result.hits
    assert result.melding.startswith(f"'{home}' valt niet binnen de sociale kaart")
    assert f"typ dan 'en in {school}?'" in result.melding  # the school's place can still be searched


@pytest.mark.parametrize("text, place", [
    ("vader woont in Amsterdam, moeder en de kinderen in Hilversum, zoon van 9 slaapt slecht", "hilversum"),
    ("moeder woont in Almere, de kinderen wonen bij vader in Huizen, dochter 13 is somber", "huizen"),
    ("gezin uit Blaricum, de zoon van 15 zit op school in Amsterdam en spijbelt", "blaricum"),
])
def test_a_family_that_lives_in_the_kaart_is_still_searched_there(text, place):
    assert lees(text)["kaart_gemeente"] == place


# ------------------------------------------------------------------ M7: a theme or reason from a word not meant so

def quotes(result) -> List[str]:
    """Every word a reason quotes ("past bij ... ('gamet')", "tekst noemt 'slaapt'")."""
    return [quote for hit in result.hits for quote in re.findall(r"'([^']+)'", hit.waarom)]


def typed(text: str) -> str:
    return " " + " ".join(words(text)) + " "


@pytest.mark.parametrize("text, place", [
    ("vader is verslaafd aan alcohol, kinderen 8 en 11, huizen", "huizen"),
    ("moeder heeft schulden en drinkt, zoon 9 - huizen.", "huizen"),
    ("vader gokt, twee kinderen van 5 en 9, zuilen", "Zuilen"),  # a wijk of Utrecht, searched as itself
])
def test_a_place_that_closes_a_note_is_the_place_not_a_word(text, place):
    # found by the user test: "..., huizen" was not the place Huizen but the word 'houses', and every reason said
    # "Tekst noemt 'huizen'" (the Regeling Meedoen HBEL came fourth)
    assert lees(text)["kaart_gemeente"] == place
    result = chat_search(text)
    assert not any("huizen" in quote or "zuilen" in quote for quote in quotes(result)), quotes(result)
    assert "regeling_meedoen_hbel" not in [hit.id for hit in result.hits]
    # ordinary words stay words: "twee huizen" is no place
    assert lees("ze wonen in twee huizen, dochter 12 is somber")["kaart_gemeente"] is None


def test_a_place_given_apart_from_the_question_is_no_search_word():
    # the chat's place, or a follow-up's, where the question names the place in a way the place reader skips
    result = zoek("vader is verslaafd aan alcohol; kinderen 8 en 11; gezin huizen", gemeente="huizen")
    assert not any("huizen" in quote for quote in quotes(result)), quotes(result)


@pytest.mark.parametrize("text", [
    "ik zoek een jeugdbeschermer voor een gezin in hilversum, moeder werkt niet mee en de kinderen zijn niet veilig",
    "vader wil niet meewerken aan het onderzoek, jeugdbescherming is betrokken, Bussum",
    "ouders werken slecht mee met school, zoon 14 spijbelt al weken, Huizen",
])
def test_cooperating_is_no_problem_with_work(text):
    # found by the user test: "moeder werkt niet mee" gave "probleem van de ouder zelf (wonen, werk en opleiding)" and
    # "tekst noemt 'werkt'"
    result = chat_search(text)
    assert "wonen_werk" not in result.vraag.themas and "wonen_werk" not in result.vraag.ouder_themas
    assert not any(quote.startswith("werk") or "mee" in quote.split() for quote in quotes(result)), quotes(result)
    # having no work, or no more, is still about work
    assert "wonen_werk" in lees_themes("vader werkt niet meer en ze hebben schulden, Laren")


SCHOOL_MAIL = """Beste collega,

Ik maak me zorgen over Tim (13, klas 2). Hij komt vaak te laat, slaapt in de les en vertelt dat hij tot diep in de
nacht gamet. Zijn cijfers gaan hard achteruit. Ouders lijken het niet te zien. Het gezin woont in Bussum.

Met vriendelijke groet,
Mirjam Jansen
mentor"""


@pytest.mark.parametrize("text", [
    SCHOOL_MAIL,
    "Goedemorgen, vanuit de school een zorg over Daan (12). Hij zit elke nacht te gamen en valt in slaap in de klas. "
    "De ouders zijn gescheiden. Het gezin woont in Huizen.\nGroet, Karin Jansen",
    "moeder belt over Tim, 13, uit Bussum. Hij gamet tot diep in de nacht en slaapt in de les.",
])
def test_a_school_mail_about_a_boy_gaming_is_his_problem_and_a_name_is_no_word(text):
    # found by the user test: a pasted school e-mail gave "probleem van de ouder zelf (alcohol, drugs en verslaving)"
    # and a reason quoting 'dansen', which was never typed (the signature's "Jansen", corrected as a typo)
    result = chat_search(text)
    assert "verslaving" in result.vraag.kind_themas and not result.vraag.ouder_themas
    assert "vrije_tijd" not in result.vraag.themas
    assert "probleem van de ouder zelf" not in (result.melding or "")


@pytest.mark.parametrize("text", [
    SCHOOL_MAIL,
    "zoon 15 uit Huizen spijbeld al weken en slaapt overdag",
    "Bussum: gokverslaving van vader, dochter van 10 is somber en eet slecht",
    "zoon van 15 in Huizen zit al drie maanden thuis en wordt getreiterd",
    "moeder uit Laren: dochter (14) krast zich en is depresief",
])
def test_a_reason_quotes_only_what_was_typed(text):
    # the reasons quoted the word list's form ('gamen', 'slapen', 'spijbel') or a typo's correction ('dansen'),
    # not what the consultant typed
    result = chat_search(text)
    assert result.hits and quotes(result)
    for quote in quotes(result):
        assert all(f" {word} " in typed(text) for word in quote.split() if word != "..."), (quote, text)


# ------------------------------------------------------------------ M9: the name of the kaart is no search word

@pytest.mark.parametrize("text", ["kun je in de sociale kaart zoeken, zoon 15 wordt gepest in Huizen",
                                  "Rustpunt, wat zegt de sociale kaart over een dochter van 9 in Laren die somber is?"])
def test_the_name_of_the_kaart_is_no_search_word(text):
    result = chat_search(text)
    assert result.hits and not any(q in ("kaart", "sociale", "rustpunt") for q in quotes(result)), quotes(result)
    # "in kaart brengen" is still a word of the text
    assert "kaart" in " ".join(words(parse_vraag("de school wil de problemen in kaart brengen").zoektekst or ""))


# ------------------------------------------------------------------ L7: shoplifting, Bureau Halt and the broader theme

@pytest.mark.parametrize("text", [
    "Eemnes, jongen 15 steelt en is opgepakt door de politie voor winkeldiefstal",
    "moeder uit Laren: haar zoon van 14 is betrapt op winkeldiefstal bij de supermarkt",
    "Huizen, meisje 13 heeft samen met vriendinnen gestolen in een winkel en moet zich melden",
])
def test_shoplifting_shows_bureau_halt_and_says_the_broader_theme(text):
    # found by the user test: Bureau Halt, the only entry of the kaart with the theme criminaliteit, did not show up,
    # and the reasons said "gedrag en conflicten" while the theme searched was "criminaliteit en overlast"
    result = chat_search(text)
    ids = [hit.id for hit in result.hits]
    assert "bureau_halt" in ids and ids.index("bureau_halt") >= 3, ids  # after the services one can reach
    halt = result.hits[ids.index("bureau_halt")]
    assert halt.waarom.startswith("Voor criminaliteit en overlast noemt de kaart hier alleen deze dienst")
    for hit in result.hits:
        if "gedrag en conflicten" in hit.waarom:
            assert "gedrag en conflicten, het bredere thema van criminaliteit en overlast" in hit.waarom, hit.waarom


def test_where_a_service_of_the_place_has_the_theme_nothing_is_added():
    ids = [hit.id for hit in chat_search("Jongere in Hilversum steelt en vernielt dingen in de buurt").hits]
    # since session 26 Bureau Halt leads vandalism and the jeugdcoach of the secondary schools, reached only through
    # school, does not lead a question that names no school (it led before); both stay among the first three
    assert ids[0] == "bureau_halt" and "jeugdcoach_vo_hilversum" in ids[:3]


# ------------------------------------------------------------------ L8: the child's school is where, not what

@pytest.mark.parametrize("text", [
    "dochter van 13 uit Vleuten eet heel weinig en is erg afgevallen, ze zit op het Amadeus Lyceum",
    "De Meern: zoon 12 zit op het Amadeus Lyceum, vader drinkt en er is thuis veel ruzie",
    "Vleuten, moeder belt: haar dochter (12) van het Amadeus Lyceum wordt gepest op social media",
])
def test_the_name_of_the_childs_school_does_not_outweigh_the_problem(text):
    # found by the user test: "ze zit op het Amadeus Lyceum" (an eating problem) gave first "Mentorlessen (Amadeus
    # Lyceum)", because "Tekst noemt 'amadeus', 'lyceum'"
    result = chat_search(text)
    assert result.hits[0].id != "amadeus_lyceum_mentorlessen"
    assert not any(q in ("amadeus", "lyceum") for q in quotes(result)), quotes(result)


@pytest.mark.parametrize("text, offer", [
    ("Vleuten, meisje 12 heeft veel prestatiedruk, ze zit op het Amadeus Lyceum in de eerste klas",
     "amadeus_lyceum_mentorlessen"),
    ("Bussum: een leerling van het Elan college heeft begeleiding nodig, op school en thuis", "youke_elan_college"),
])
def test_the_schools_offer_still_comes_when_it_fits_the_problem(text, offer):
    # the child's own school: an offer of it that fits the problem otherwise keeps its name as evidence
    assert offer in [hit.id for hit in zoek(text).hits[:3]]


# ------------------------------------------------------------------ L6: Denkles for a parent's own disorder

@pytest.mark.parametrize("text", ["moeder in Blaricum is depressief, zoon van 8",
                                  "Blaricum: moeder depressief, kinderen 5 en 7, vader weg",
                                  "vader uit Huizen heeft een angststoornis en kan de kinderen van 6 en 9 niet aan",
                                  # where Denkles works (session 20: its werkgebied is Vleuten-De Meern)
                                  "moeder in De Meern is depressief, zoon van 8",
                                  "vader uit Vleuten heeft een angststoornis en kan de kinderen van 6 en 9 niet aan"])
def test_a_programme_for_worrying_parents_is_no_answer_to_a_parents_disorder(text):
    # found by the user test: Denkles (a programme against worrying about parenthood, named in the Vleuten source)
    # came fourth for a depressed mother in Blaricum, through the parenting that a parent's disorder is read as
    assert "denkles" not in [hit.id for hit in chat_search(text).hits]
    # a parent who worries about parenthood still gets it (tests/test_kaart_parent.py)
    assert "denkles" in [hit.id for hit in zoek("Een ouder in Vleuten piekert veel over het ouderschap").hits[:3]]
