"""The sociale kaart after a consultant's user test (session 20, third round): the words of the jeugdbescherming and
the Raad voor de Kinderbescherming, children caught between fighting parents, what "nothing fits" says, pilots and
projects asked for, the family's home when a parent lives apart, region names and quick child notes, and
school-only help on a question about the parents."""
from __future__ import annotations

import pytest

from bot.kaart import messages
from bot.kaart.query import extract_leeftijd, only_a_child
from bot.kaart.search import zoek

# ------------------------------------------------------------------ 1: protection words reach the protection route


@pytest.mark.parametrize("vraag", [
    "jeugdbeschermer bellen laren",  # whom to call, noted without a subject
    "gezinsvoogd bellen?",
    "raad voor de kinderbescherming huizen",
    "kinderbeschermingsmaatregel bussum dochter 4",
])
def test_protection_words_read_as_safety_with_the_way_to_the_jeugdbescherming(vraag):
    result = zoek(vraag)
    assert "veiligheid" in result.themas, vraag
    assert result.hits and result.hits[0].id == "veilig_thuis", vraag
    assert result.hits[0].waarom.startswith(messages.ROUTE_MAATREGEL), vraag
    assert "nog geen probleem" not in (result.melding or "")


def test_a_caller_who_calls_still_frames_the_call():
    # "moeder belt" stays the framing of the call: its words are no problem
    assert zoek("moeder belt vanuit haar werk in Hilversum").themas == []


# ------------------------------------------------------------------ 2: children caught between their parents


@pytest.mark.parametrize("vraag, plaats", [
    ("kinderen uit de knel hilversum", "hilversum"),
    ("ouders kunnen niet meer met elkaar praten, kinderen zitten klem, naarden", "gooise_meren"),
])
def test_children_caught_between_parents_is_a_divorce_question(vraag, plaats):
    result = zoek(vraag)
    assert result.themas[:1] == ["scheiding"] and result.gemeente == plaats
    assert result.hits


def test_nothing_that_fits_is_said_of_the_problem_not_of_the_place():
    text = messages.alleen_algemene_ingang(["scheiding"], "hilversum", None)
    assert "geen dienst die past bij je vraag over scheiding" in text
    assert "geen dienst in Hilversum" not in text
    # without a recognised problem it asks for one, also when the general entrance is shown
    assert "nog geen probleem" in messages.alleen_algemene_ingang([], "hilversum", None)


# ------------------------------------------------------------------ 3: pilots and projects asked for are shown


@pytest.mark.parametrize("vraag, soort", [
    ("projecten in vleuten voor jongeren met prestatiedruk", "project"),
    ("project prestatiedruk vleuten", "project"),
    ("welke pilots zijn er voor scheiding in hilversum", "pilot"),
    ("is er een project voor thuiszitters in bussum", "pilot"),  # a pilot answers a question for projects
    ("welke projecten zijn er in vleuten", "project"),
])
def test_pilots_and_projects_asked_for_are_shown_without_the_note_to_ask_for_them(vraag, soort):
    from bot.kaart.index import default_index

    index = default_index()
    result = zoek(vraag)
    kinds = [index.doc(hit.id).service.aard for hit in result.hits[:3]]
    assert soort in kinds, (vraag, kinds)
    assert "Vraag er gericht naar" not in (result.melding or "")
    assert "nog geen probleem" not in (result.melding or "")


def test_pilots_asked_for_a_theme_are_the_pilots_of_that_theme():
    from bot.kaart.index import default_index

    index = default_index()
    hits = zoek("welke pilots zijn er voor scheiding in hilversum").hits
    pilots = [hit.id for hit in hits if index.doc(hit.id).service.aard == "pilot"]
    assert pilots == ["duurzaam_ouderschap_na_scheiding"]


def test_a_family_question_still_keeps_pilots_out():
    result = zoek("ouders in Hilversum gaan scheiden, zoon van 10")
    assert "Vraag er gericht naar" in (result.melding or "")


# ------------------------------------------------------------------ 4: the family's home, not a parent's apart


@pytest.mark.parametrize("vraag, plaats", [
    ("zoon 10 hilversum, vader woont in huizen, veel ruzie over de omgang", "hilversum"),
    ("dochter van 8 uit Laren, moeder woont in Bussum, ruzie over de omgang", "laren"),
    ("moeder woont met de kinderen in Huizen, vader in Laren, ruzie", "huizen"),  # the children live there
    ("de jongen woont bij zijn vader in De Meern, huisarts in Huizen", "vleuten"),
    ("Vraagbaak Gooise Meren hier, de moeder woont eigenlijk in Laren: dochter van 7 heeft driftbuien", "laren"),
])
def test_a_parent_living_apart_does_not_decide_the_place(vraag, plaats):
    assert zoek(vraag).gemeente == plaats, vraag


# ------------------------------------------------------------------ 5: region names and quick child notes


@pytest.mark.parametrize("vraag", ["scheiding 't gooi", "scheiding GV", "vechtscheiding gv, kinderen 6 en 9"])
def test_region_names_as_consultants_write_them(vraag):
    assert zoek(vraag).gemeente == "gooi_en_vechtstreek", vraag


def test_ik_gooi_stays_a_verb():
    assert zoek("ik gooi het eruit, scheiding").gemeente is None


@pytest.mark.parametrize("vraag, leeftijd", [
    ("zn 14 spijbelt huizen", 14), ("dr 12 somber", 12), ("kid van 9 wordt gepest", 9),
    ("dr. Jansen om 12 uur", None),
])
def test_quick_child_notes_keep_the_age(vraag, leeftijd):
    assert extract_leeftijd(vraag) == leeftijd


def test_a_quick_child_note_alone_is_a_child():
    assert only_a_child("zn 14") == 14


# ------------------------------------------------------------------ 6: school-only help after help a family reaches


@pytest.mark.parametrize("vraag", [
    "mediation ouders hilversum",
    "ouderschapsplan maken ouders gaan scheiden huizen",
    "Gooi en Vechtstreek vechtscheiding kinderen 6 en 9",
])
def test_school_only_help_does_not_lead_a_question_about_the_parents(vraag):
    from bot.kaart.ages import only_through_school
    from bot.kaart.index import default_index

    index = default_index()
    hits = zoek(vraag).hits
    assert hits and not only_through_school(index.doc(hits[0].id).service), (vraag, [h.id for h in hits])
    assert "schoolmaatschappelijk_werk_versa" in [hit.id for hit in hits[:3]]  # still shown


def test_the_brugfunctionaris_still_leads_money_worries():
    assert zoek("Gezin in Bussum met schulden").hits[0].id == "brugfunctionaris"
