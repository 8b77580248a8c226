"""Round 11 of the kaart search (session 14; own example sentences, not from the test sets): whose problem it is
when the child is a foster child or only named by age, a death by accident is the children's grief, the region said
as "het Gooi" and a village as a lower-case heading are places, a sports trainer who asks frames the question,
and putting oneself under pressure is no coercion by someone else."""
import pytest

from bot.kaart.places import zoek_plaats
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek
from bot.kaart.themes import safety_first


@pytest.mark.parametrize("question, theme", [
    ("Hilversum, pleegouders zijn op, hun pleegdochter van 8 krijgt driftbuien", "gedrag"),
    ("Laren, 14 jaar, is gaan blowen, ouders zoeken advies", "verslaving"),  # the parents only ask
])
def test_a_problem_of_a_foster_child_or_a_child_named_by_age_is_the_childs(question, theme):
    parsed = parse_vraag(question)
    assert theme in parsed.kind_themas and theme not in parsed.ouder_themas


def test_a_parent_who_drinks_is_still_the_parents_problem():
    parsed = parse_vraag("Huizen, vader drinkt elke avond, zoon van 10 durft niemand mee naar huis te nemen")
    assert "verslaving" in parsed.ouder_themas


def test_a_parent_killed_in_an_accident_is_grief_of_the_children():
    parsed = parse_vraag("Blaricum, moeder is verongelukt, de kinderen van 9 en 13 zijn erg stil")
    assert "somberheid_angst" in parsed.kind_themas


@pytest.mark.parametrize("question, code", [
    ("het gooi, jongen van 15 twijfelt over zijn geaardheid", "gooi_en_vechtstreek"),
    ("lombok, dochter van 11 wordt online uitgescholden", "utrecht"),  # a lower-case heading names the place
    ("huizen: zoon 9 heeft woedeaanvallen", "huizen"),
])
def test_the_region_with_its_article_and_a_lower_case_heading_are_places(question, code):
    found = zoek_plaats(question)
    assert found is not None and found.code == code


@pytest.mark.parametrize("question", ["ik gooi het over een andere boeg, zoon van 12 spijbelt",
                                      "zoon van 12 zegt: huizen zijn hier duur"])
def test_a_place_word_that_is_only_a_word_stays_a_word(question):
    assert zoek_plaats(question) is None


def test_a_trainer_who_asks_frames_the_question_and_no_sports_club_comes_first():
    question = "Vleuten, trainer bij de hockey ziet dat een meisje van 14 zichzelf onder druk zet en bijna niks eet"
    parsed = parse_vraag(question)
    assert "vrije_tijd" not in parsed.themas and "veiligheid" not in parsed.themas
    assert {"prestatiedruk", "psychisch"} <= set(parsed.themas)
    first = zoek(question, limit=3).hits[0]
    assert first.id == "buurtteam_vleuten"


def test_a_coach_with_a_worry_about_bruises_gets_no_leisure_service():
    question = "ik train de O11 bij een voetbalclub in Huizen, een jongen heeft steeds blauwe plekken"
    assert parse_vraag(question).themas == ["veiligheid"]
    hits = zoek(question, limit=3).hits
    assert "veilig_thuis" in [hit.id for hit in hits]


def test_a_child_who_wants_to_play_football_is_still_a_leisure_question():
    parsed = parse_vraag("Hilversum, zoon 12 wil graag op voetbal, zijn vriendje zit er ook op")
    assert "vrije_tijd" in parsed.themas


@pytest.mark.parametrize("question, age", [
    ("De Meern, 14, wordt online gechanteerd met foto's", 14),  # a bare number as a field of the note
    ("Huizen, pesten, 10", 10),
    ("Hilversum, 3, 5", None),  # two bare numbers: no one age
    ("Laren, 2024, pesten", None),  # no youth age
])
def test_a_bare_number_between_commas_is_the_childs_age(question, age):
    assert parse_vraag(question).leeftijd == age


def test_a_note_with_a_bare_age_shows_the_way_in_of_the_place():
    hits = zoek("vleuten, 14, wordt door vrienden online gechanteerd met foto's", limit=3).hits
    assert "buurtteam_vleuten" in [hit.id for hit in hits]


@pytest.mark.parametrize("question", ["huizen 3 jr, praat nog in losse woordjes",
                                      "peuter wil niet praten, kan alleen wijzen"])
def test_how_parents_describe_late_talking_is_development(question):
    assert "ontwikkeling" in parse_vraag(question).themas


def test_children_outside_late_with_nobody_home_is_a_safety_worry():
    assert "veiligheid" in parse_vraag("de buurman ziet dat de kinderen tot laat buiten zijn, er is nooit iemand "
                                       "thuis").themas
    assert "veiligheid" not in parse_vraag("er is niemand thuis die hem met zijn huiswerk helpt").themas


def test_safety_goes_first_whatever_was_said_first():
    question = "Laren: ouders gaan scheiden, vader dreigt moeder iets aan te doen, kind van 7"
    parsed = parse_vraag(question)
    assert parsed.themas.index("scheiding") < parsed.themas.index("veiligheid")  # said second
    assert safety_first(parsed.themas)[0] == "veiligheid"
    safe = next(hit for hit in zoek(question, limit=5).hits if hit.id == "veilig_thuis")
    alone = next(hit for hit in zoek("Laren: vader dreigt moeder iets aan te doen, kind van 7", limit=5).hits
                 if hit.id == "veilig_thuis")
    assert safe.onderdelen["thema"] >= 0.6 * alone.onderdelen["thema"]  # the divorce said first weighs no more
