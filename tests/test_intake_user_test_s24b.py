"""Second-round user test of session 24 (a Vraagbaak consultant): a parent's psychosis and a child without food told at
the danger question, a suicide threat told at the question about direct danger, openings of the consultant's own
phone greeting, kaart questions and dangers typed during the six-step preparation, and "dat weet de huisarts niet"."""
from __future__ import annotations

import pytest

from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary
from bot.knowledge.loader import get_knowledge
from tests.command_guard import guarded
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _ids(text: str) -> set:
    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal"))}


def _summary(state: dict):
    return build_summary({**state, "status": "klaar", "pos": None}, get_knowledge(), search=lambda *a, **k: [])


async def _at_safety(opening: str, first: str):
    """The intake state at its first safety question after the opening and the first answer ('nee' in between)."""
    intake = Intake(get_knowledge())
    state = (await typed(intake.start(opening).state, first))[0]["intake_status"]
    while not intake.view(state).safety:
        state = (await typed(state, "nee"))[0]["intake_status"]
    return intake, state


async def _to_the_end(intake, state):
    while intake.view(state) is not None and state.get("pos") is not None:
        state = (await typed(state, "nee"))[0]["intake_status"]
    return state


# 1. a parent's psychosis and a child without food ------------------------------------------------------------------

PSYCHOSIS = ("moeder is volgens de school in een psychose, ze praat verward en het meisje zegt dat er thuis geen eten "
             "is, ze komt al dagen zonder ontbijt en lunch")


@pytest.mark.parametrize("text, signal", [
    ("moeder is volgens de school in een psychose", "ouder_psychische_crisis"),
    ("vader heeft sinds vorige week een psychose", "ouder_psychische_crisis"),
    ("moeder praat heel verward", "ouder_psychische_crisis"),
    ("het meisje zegt dat er thuis geen eten is", "bestaan_eten"),
    ("het meisje zegt dat er thuis geen eten is", "gevaar_signalen_mishandeling"),
    ("ze komt al dagen zonder ontbijt en lunch", "gevaar_signalen_mishandeling"),
])
def test_a_psychosis_in_other_words_and_no_food_at_home_are_signals(text, signal):
    assert signal in _ids(text)


@pytest.mark.parametrize("text", [
    "de jongen is in een psychose", "moeder was verward door de brief", "er is genoeg eten thuis",
    "ze kwam vandaag zonder ontbijt", "er is geen eten bij de bso, ze moeten zelf iets meenemen",
])
def test_a_childs_psychosis_a_confused_mother_or_one_breakfast_missed_is_no_such_signal(text):
    assert not _ids(text) & {"ouder_psychische_crisis", "bestaan_eten", "gevaar_signalen_mishandeling"}


async def test_the_psychosis_and_the_hunger_at_the_danger_question_alert_and_reach_the_summary():
    _, state = await _at_safety("goedemiddag, ik heb de juf van groep 8 aan de lijn", "meisje van 9, zorgen over thuis")
    slots, messages = await typed(state, PSYCHOSIS)
    assert "Let op, eerst de veiligheid" in messages[0]
    assert not any("Genoteerd bij" in message for message in messages)
    signals = _summary(slots["intake_status"]).signalen
    assert "signalen van kindermishandeling of verwaarlozing" in signals["Veiligheid"]
    assert "een ouder met ernstige psychische problemen (psychose, crisis of opname)" in signals["Ernst"]
    assert "geen of te weinig eten in huis" in signals["Geld en wonen"]


# 2. a told threat answers the question about self-harm; the quote as typed ------------------------------------------

THREAT = "hij zegt al weken tegen zijn trainer dat hij van het balkon springt als hij naar papa moet"


async def test_a_threat_told_at_the_danger_question_answers_the_question_about_self_harm():
    intake, state = await _at_safety("goedemiddag, ik heb de huisarts aan de lijn",
                                     "dokter belt over een jongen van 10 die erg somber is en niet naar zijn vader wil")
    slots, messages = await typed(state, THREAT)
    assert "113" in messages[0]
    assert not any("Genoteerd bij" in message for message in messages)
    state = slots["intake_status"]
    asked = []
    while intake.view(state) is not None and state.get("pos") is not None:
        asked.append(intake.view(state).key)
        state = (await typed(state, "nee"))[0]["intake_status"]
    assert "veiligheid.zelfbeschadiging" not in asked
    summary = _summary(state)
    assert "zichzelf iets aan" not in summary.veiligheid
    assert summary.kern_woorden.startswith("dokter belt over een jongen van 10")
    assert 'In de woorden van de beller: "dokter belt' in format_summary(summary)


async def test_without_a_told_threat_the_question_about_self_harm_is_still_asked():
    intake, state = await _at_safety("goedemiddag, ik heb de huisarts aan de lijn",
                                     "dokter belt over een jongen van 10 die erg somber is en niet naar zijn vader wil")
    asked = []
    while intake.view(state) is not None and state.get("pos") is not None:
        asked.append(intake.view(state).key)
        state = (await typed(state, "nee"))[0]["intake_status"]
    assert "veiligheid.zelfbeschadiging" in asked


# 3. the consultant's own phone greeting, someone "met" a child ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "goedemiddag, u spreekt met de vraagbaak jeugd, ik heb de wijkagent aan de lijn, agent bakker van het basisteam "
    "gooi, hij belt over een gezin in huizen met twee kinderen van 4 en 7",
    "hallo ja goeiemorgen met de vraagbaak, ik heb een leidster van kinderdagverblijf het zonnetje in hilversum aan de "
    "lijn, ze maakt zich zorgen over een baby van 5 maanden",
    "ik heb een moeder uit weesp met een zoontje van 8 dat steeds ontploft op school",
    "je spreekt met het jeugdteam, er belt een oma over haar kleinzoon",
    "ik heb een vader uit laren met twee dochters, de oudste van 14 spijbelt",
])
def test_the_consultants_own_greeting_or_a_caller_with_a_child_starts_the_intake(text):
    from bot.intake import opening

    assert opening.opens_a_call(text)
    for ranking in ([("nlu_fallback", 0.4), ("rol_analyse", 0.18)], [("kaart_zoek", 0.8)],
                    [("start_voorbereiden", 0.9)], [("voorbereiden_info", 0.63)]):
        assert guarded(text, ranking) == "start_vraagverheldering"


@pytest.mark.parametrize("text", [
    "ik heb een moeder met een zoontje van 8 en wil het gesprek voorbereiden",
    "ik wil een gesprek voorbereiden met een moeder die steeds boos is",
])
def test_a_preparation_asked_for_in_words_stays_a_preparation(text):
    assert guarded(text, [("start_voorbereiden", 0.9)]) == "start_voorbereiden"


def test_the_greeting_is_no_part_of_the_callers_words():
    from bot.intake.opening import without_opening

    text = ("hallo ja goeiemorgen met de vraagbaak, ik heb een leidster van kinderdagverblijf het zonnetje in "
            "hilversum aan de lijn, ze maakt zich zorgen over een baby van 5 maanden")
    assert without_opening(text) == "ze maakt zich zorgen over een baby van 5 maanden"


# 5. "dat weet de huisarts niet" -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["dat weet de huisarts niet", "weet hij niet", "de school weet het ook niet"])
async def test_that_someone_does_not_know_is_no_answer_of_the_aspect(text):
    intake, state = await _at_safety("goedemiddag, ik heb de huisarts aan de lijn",
                                     "jongen van 10 wil niet naar zijn vader")
    while intake.view(state) is not None and state.get("pos") is not None:
        key = intake.view(state).key
        state = (await typed(state, text if key in ("algemeen.aard", "veiligheid.acuut_gevaar") else "nee"))[0][
            "intake_status"]
    summary = _summary(state)
    assert summary.aspecten["aard"] == f"geen antwoord (de beller zei: '{text}')"
    assert "geen duidelijk antwoord op" in summary.veiligheid


@pytest.mark.parametrize("text", ["moeder weet niet meer wat ze moet doen", "hij weet niet wat hij moet doen"])
def test_not_knowing_what_to_do_tells_something(text):
    from bot.intake.listen import says_nothing

    assert not says_nothing(text)


# 4. kaart questions during the six-step preparation ------------------------------------------------------------------

async def _note(text, slots=None):
    """``text`` typed at a step of the preparation (the tracker of tests/test_steps_safety.py)."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.steps import ValidateVoorbereidenForm
    from tests.test_steps_safety import DOMAIN, _tracker

    slots = {"voorbereiden_wie": "ouder", "voorbereiden_stap": "dynamiek", "voorbereiden_notities": {},
             "voorbereiden_situatie": "moeder is boos op school", **(slots or {}), "voorbereiden_invoer": text,
             "requested_slot": "voorbereiden_invoer"}
    dispatcher = CollectingDispatcher()
    events = await ValidateVoorbereidenForm().run(dispatcher, _tracker(text, slots, filled=["voorbereiden_invoer"]),
                                                  DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m.get("text") or "" for m in dispatcher.messages]


@pytest.mark.parametrize("text", [
    "waar kan een gezin met schulden terecht in hilversum",
    "wie helpt er bij rouw van een kind van 11, vader is overleden",
    "pesten op school, meisje 7, in blaricum",
])
async def test_a_kaart_question_during_the_preparation_gets_a_kaart_answer_and_is_no_note(text):
    from bot.kaart import messages

    slots, said = await _note(text)
    assert slots.get("voorbereiden_invoer") is None and not slots.get("voorbereiden_notities")
    assert messages.TUSSENDOOR in said
    assert slots["kaart_vorige_vraag"] == text


async def test_a_place_follow_up_during_the_preparation_searches_the_question_before_there():
    from bot.kaart import messages

    slots, said = await _note("en in laren?", {"kaart_vorige_vraag": "waar kan een gezin met schulden terecht in "
                                                                    "hilversum"})
    assert slots.get("voorbereiden_invoer") is None and not slots.get("voorbereiden_notities")
    assert messages.TUSSENDOOR in said and "Laren" in " ".join(said)


async def test_an_english_question_during_the_preparation_is_no_note():
    from bot.kaart import messages

    # an English question the kaart cannot read: not noted, and told the kaart works in Dutch
    slots, said = await _note("where can I find something for this family in hilversum?")
    assert slots.get("voorbereiden_invoer") is None and not slots.get("voorbereiden_notities")
    assert messages.NIET_NEDERLANDS in said
    # one with a problem the kaart knows in English (session 28: "debts"): answered in between, not noted
    slots, said = await _note("where can a family with debts get help in hilversum?")
    assert slots.get("voorbereiden_invoer") is None and not slots.get("voorbereiden_notities")
    assert messages.TUSSENDOOR in said and "Hilversum" in " ".join(said)


@pytest.mark.parametrize("text", ["ik vraag wie haar helpt bij de schulden", "moeder in huizen heeft schulden",
                                  "Waar ga jij heen als het thuis ruzie wordt?"])
async def test_a_note_with_a_problem_or_a_place_stays_a_note(text):
    from bot.kaart.dialog import asks_the_kaart_in_a_task

    assert not asks_the_kaart_in_a_task(text)
