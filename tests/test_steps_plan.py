"""The gespreksplan builder, its storage and text; navigation words and step guides."""
import pytest

from bot.steps import guide
from bot.steps.navigation import parse_command, parse_situation_type
from bot.steps.plan import build_plan, format_plan_text, latest_plan, load_plan, save_plan

NOTES = {
    "visie": "Ik ben er voor rust, voor jou en voor de kinderen.",
    "erkennen": "Wat ben jij boos en machteloos, zeg.",
    "dynamiek": "Wat deed jij toen zij dat appje stuurde?",
    "realiteit": "Denk je eerlijk gezegd dat zij gaat veranderen?",
    "opties": "Welke mogelijkheden zie jij om anders te reageren?",
}


def test_plan_lists_every_step_and_marks_skipped_ones():
    plan = build_plan("ouder", "Vader is boos: moeder hield de kinderen thuis.", NOTES)
    assert plan["soort"] == "gespreksplan"
    assert [s["id"] for s in plan["stappen"]] == ["visie", "erkennen", "dynamiek", "behoefte", "realiteit", "opties"]
    behoefte = plan["stappen"][3]
    assert behoefte["overgeslagen"] is True and behoefte["zin"] is None
    assert plan["stappen"][1]["zin"] == NOTES["erkennen"]
    assert plan["situatie"] == {
        "wie": "ouder",
        "wie_tekst": "één ouder",
        "beschrijving": "Vader is boos: moeder hield de kinderen thuis.",
    }


def test_plan_reminders_and_hulpmiddelen_fit_the_steps():
    plan = build_plan("ouder", "ruzie over het weekend", NOTES)
    assert "Ga niet in op de inhoud en niet op wie er gelijk heeft." in plan["herinneringen"]
    assert "Erkennen is niet hetzelfde als gelijk geven." in plan["herinneringen"]
    tools = [t["id"] for t in plan["hulpmiddelen"]]
    assert tools == ["steen-op-tafel", "honderd-kilo-energie", "kopje-schuiven"]
    only_first = build_plan("ouder", "ruzie", {"visie": NOTES["visie"]})
    assert only_first["hulpmiddelen"] == []  # realiteit and opties were skipped


def test_pitfall_sentence_gets_a_warning_and_its_reminder():
    plan = build_plan("beide_ouders", "ruzie", {"erkennen": "Ik bel je ex wel even op, ik regel het voor je."})
    step = plan["stappen"][1]
    assert step["herkend"] == "redden"
    assert "valkuil" in step["waarschuwing"]
    assert "Neem het probleem niet over: de ander blijft eigenaar, jij denkt mee." in plan["herinneringen"]
    assert "Je bent voor iedereen en tegen niemand." in plan["herinneringen"]
    assert [t["id"] for t in plan["hulpmiddelen"]] == ["kopje-schuiven"]


def test_no_parent_tools_in_a_conversation_with_a_child():
    plan = build_plan("kind", "meisje van 10 wil niet naar vader", NOTES)
    assert plan["hulpmiddelen"] == []
    assert plan["situatie"]["wie_tekst"] == "een kind"


def test_long_and_hostile_notes_are_kept_as_plain_text():
    plan = build_plan("hacker", "x" * 2000, {"visie": "'; DROP TABLE records;--", "bestaat-niet": "genegeerd"})
    assert plan["situatie"]["wie"] is None
    assert len(plan["situatie"]["beschrijving"]) <= 500
    assert plan["stappen"][0]["zin"] == "'; DROP TABLE records;--"
    assert all(s["id"] != "bestaat-niet" for s in plan["stappen"])


def test_save_load_and_format():
    plan = build_plan("ouder", "Moeder belt boos over de overdracht.", NOTES)
    plan_id = save_plan(plan, conversation_id="gesprek-1")
    loaded = load_plan(plan_id)
    assert loaded["id"] == plan_id
    assert loaded["stappen"] == plan["stappen"]
    assert latest_plan("gesprek-1")["id"] == plan_id
    assert latest_plan("iemand-anders") is None
    assert load_plan(plan_id + 1000) is None
    text = format_plan_text(loaded)
    assert f"Jouw gespreksplan (nummer {plan_id})" in text
    assert '2. Erkennen: "Wat ben jij boos en machteloos, zeg."' in text
    assert "4. Behoefte en verlangen: (overgeslagen)" in text
    assert "Steen op tafel" in text and "Denk eraan:" in text


@pytest.mark.parametrize(
    "text, command",
    [
        ("waarom?", "waarom"),
        ("Waarom is deze stap belangrijk", "waarom"),
        ("geef een voorbeeld", "voorbeeld"),
        ("volgende", "volgende"),
        ("ga door", "volgende"),
        ("terug", "terug"),
        ("vorige stap", "terug"),
        ("sla over", "overslaan"),
        ("deze stap overslaan", "overslaan"),
        ("wat is mijn rol?", "rol"),
        ("stop", "stop"),
        ("Waarom word je daar zo boos van?", None),
        ("Ik vraag door op wat er toen gebeurde", None),
        ("Ik neem je mee terug naar het moment dat je het appje kreeg, wat gebeurde er?", None),
        ("", None),
    ],
)
def test_navigation_words(text, command):
    assert parse_command(text) == command


@pytest.mark.parametrize(
    "text, situation",
    [
        ("een vader", "ouder"),
        ("met moeder", "ouder"),
        ("beide ouders", "beide_ouders"),
        ("vader en moeder samen", "beide_ouders"),
        ("een meisje van 12", "kind"),
        ("een vader over zijn zoon", "ouder"),
        ("weet ik nog niet", None),
    ],
)
def test_situation_type(text, situation):
    assert parse_situation_type(text) == situation


def test_step_guide_is_built_from_knowledge():
    from bot.knowledge.loader import get_knowledge

    step = get_knowledge().get("stap", "realiteit")
    text = guide.format_step_guide("realiteit", "beide_ouders")
    assert text.startswith("Stap 5 van 6: De realiteit benoemen")
    for sentence in step.voorbeeldzinnen.beide_ouders:
        assert sentence in text
    assert step.reflectievraag in text
    assert "Waarom 'De realiteit benoemen'?" in guide.format_why("realiteit")
    assert "Voor iedereen en tegen niemand" in guide.format_role()
    with pytest.raises(KeyError):
        guide.get_step("bestaat-niet")
