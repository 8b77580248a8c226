"""Explaining roles and triangles; recognising role names with typos."""
from __future__ import annotations

import pytest

from bot.roles.explain import explain, explain_role, explain_tool, find_subject
from bot.roles.names import find_role


@pytest.mark.parametrize(
    "text, role",
    [
        ("redder", "redder"),
        ("de redder", "redder"),
        ("De Redder!", "redder"),
        ("slachtofer", "slachtoffer"),
        ("ik denk de omstander", "omstander"),
        ("asertief", "assertief"),
        ("ondersteunr", "ondersteuner"),
        ("Kwetsbaar.", "kwetsbaar"),
        ("aanklaagster", "aanklager"),
    ],
)
def test_role_names_with_articles_and_typos(text, role):
    assert find_role(text) == role


@pytest.mark.parametrize("text", ["weet ik niet", "banaan", "", None, "x" * 1000, "'; DROP TABLE x;--"])
def test_no_role_in_other_text(text):
    assert find_role(text) is None


def test_explain_redder_mentions_counterpart_and_tool():
    text = explain("wat is een Redder?")
    assert text.startswith("Redder (de dramadriehoek)")
    assert "De winnaarsvorm is Ondersteuner." in text
    assert "Kopje schuiven" in text


def test_explain_omstander_is_outside_the_triangle():
    text = explain_role("omstander")
    assert text.startswith("Omstander (buiten de dramadriehoek)")
    assert "ingrijpen" in text


@pytest.mark.parametrize(
    "question, subject",
    [
        ("leg de winnaarsdriehoek uit", ("driehoek", "winnaar")),
        ("wat is de dramadriehoek", ("driehoek", "drama")),
        ("wat is de balansdriehoek", ("driehoek", "winnaar")),
        ("wat is een redder in de dramadriehoek?", ("rol", "redder")),
        ("hoe laat is het", None),
    ],
)
def test_find_subject(question, subject):
    assert find_subject(question) == subject


def test_winner_triangle_lists_its_three_roles():
    text = explain("wat is de winnaarsdriehoek?")
    assert "Rollen: Kwetsbaar, Ondersteuner, Assertief." in text


def test_tools_are_explained_step_by_step_and_unknown_is_none():
    text = explain_tool("kopje-schuiven")
    assert text.startswith("Kopje schuiven") and "1. " in text
    assert explain_tool("bestaat-niet") is None
    assert explain_role("bestaat-niet") is None


@pytest.mark.parametrize("question, first, second", [
    ("wat is het verschil tussen slachtoffer en kwetsbaar", "Slachtoffer", "Kwetsbaar"),
    ("Wat is nou het verschil tussen de redder en de ondersteuner?", "Redder", "Ondersteuner"),
    ("aanklager of assertief, hoe zie ik het verschil?", "Aanklager", "Assertief"),
])
def test_a_question_about_two_roles_explains_both(question, first, second):
    from bot.roles.explain import explain_request

    for entity in (None, first.lower()):  # also when the recogniser found only the first role
        text = explain_request(question, entity)
        assert text.startswith(f"Het verschil tussen {first} en {second}:")
        assert f"{second} is de winnaarsvorm van {first}." in text
        assert f"\n{first} (dramadriehoek): " in text and f"\n{second} (winnaarsdriehoek): " in text


def test_a_question_about_one_role_still_explains_that_role():
    from bot.roles.explain import explain_request

    assert explain_request("wat is een redder?", "redder").startswith("Redder (de dramadriehoek)")
