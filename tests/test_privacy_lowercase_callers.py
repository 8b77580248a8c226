"""Privacy, user test of session 21: a caller's name typed without capitals where a consultant types who is calling
("vader aan de lijn, mark de vries 06-12345678", "ik heb jan de boer aan de lijn") was stored readable: only the number
was masked, the name reached the intake summary and the database file."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ActionIntakeSamenvatting
from bot.intake.deidentify import mask
from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from bot.records import get_record
from tests.intake_form import DOMAIN, FOLDER, typed


@pytest.fixture(autouse=True)
def own_knowledge(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


# -- 1. names without capitals where the caller is named ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("vader aan de lijn, mark de vries 06-12345678, belt over zoon van 15 in huizen",  # the user test
     "vader aan de lijn, [NAAM] [TELEFOON], belt over zoon van 15 in huizen"),
    ("ik heb jan de boer aan de lijn", "ik heb [NAAM] aan de lijn"),  # the user test
    ("ik heb mark bouwmeester aan de lijn, over zijn dochter", "ik heb [NAAM] aan de lijn, over zijn dochter"),
    ("ik heb jan gisteren aan de lijn gehad", "ik heb [NAAM] gisteren aan de lijn gehad"),
    ("aan de lijn: mark van der horst", "aan de lijn: [NAAM]"),
    ("er belt mark van der horst over zijn zoon", "er belt [NAAM] over zijn zoon"),
    ("jan de boer belt over zijn kleindochter", "[NAAM] belt over zijn kleindochter"),
    ("er belt een vader, piet van der horst, over zijn dochter", "er belt een vader, [NAAM], over zijn dochter"),
    ("hij heet jan van der horst", "hij heet [NAAM]"),
    ("een vader genaamd piet de wit belt", "een vader genaamd [NAAM] belt"),
    ("moeder kim jansen belt", "moeder [NAAM] belt"),  # what already worked stays
    # a list of callers: every name, not only the last one before the call
    ("ik heb jan en piet aan de lijn", "ik heb [NAAM] en [NAAM] aan de lijn"),
    ("ik had mark, jan en de oma aan de lijn", "ik had [NAAM], [NAAM] en de oma aan de lijn"),
    ("jan en piet belden", "[NAAM] en [NAAM] belden"),
    ("ik heb jan & piet aan de lijn gehad", "ik heb [NAAM] & [NAAM] aan de lijn gehad"),
    ("jan de boer en zijn moeder belden over sem", "[NAAM] en zijn moeder belden over [NAAM]"),
])
@pytest.mark.parametrize("masker", ["regels", "deduce"])
def test_a_callers_name_without_capitals_is_masked_where_the_consultant_names_the_caller(
        monkeypatch, masker, text, expected):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "ik heb net de school aan de lijn gehad, moeder belt morgen terug",
    "vader aan de lijn, erg geagiteerd, zoon is weg",
    "ik heb een moeder aan de lijn, heel boos",
    "hij belt max twee keer per week",
    "de buurvrouw belt de politie",
    "ik heb veilig thuis aan de lijn",
    "hoi, met de wijkagent van de wijk",
    "ik ben juf van groep 8",
    "ik had vader, moeder en de oma aan de lijn",
    "ik heb de huisarts en de school aan de lijn gehad",
    "de kinderen en de juf belden",
    "ze belden gisteren en wij belden de politie",
])
def test_ordinary_words_around_a_call_stay_readable(text):
    assert mask(text).text == text


@pytest.mark.parametrize("masker", ["regels", "deduce"])
async def test_a_lower_case_callers_name_typed_in_the_intake_leaves_no_trace_in_the_data_folder(
        tmp_path, monkeypatch, masker):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    state = Intake(get_knowledge()).start().state
    slots, _ = await typed(state, "vader aan de lijn, mark de vries 06-12345678, belt over zoon van 15 in huizen")
    slots, _ = await typed(slots["intake_status"], "ik heb ook jan de boer aan de lijn gehad, de opa, die maakt "
                                                    "zich zorgen")
    slots, _ = await typed(slots["intake_status"], "rond af")
    assert slots["intake_antwoord"] == "klaar"
    dispatcher = CollectingDispatcher()
    events = await ActionIntakeSamenvatting().run(dispatcher, Tracker(
        sender_id="gesprek-s21", slots={"intake_status": slots["intake_status"]}, latest_message={}, events=[],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen"), DOMAIN)
    summary = dispatcher.messages[0]["text"]
    assert "[NAAM]" in summary and "afgeschermd" in summary
    stored = get_record("intake_samenvatting", events[-1]["value"])
    assert "[NAAM]" in str(stored.data)
    secrets = ("mark de vries", "de vries", "jan de boer", "12345678")
    shown = [secret for secret in secrets if secret in summary.lower()]
    found = [(path.name, secret) for path in tmp_path.rglob("*") if path.is_file()
             for secret in secrets if secret.encode() in path.read_bytes().lower()]
    assert shown == [] and found == []
