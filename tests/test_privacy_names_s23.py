"""Masking, a privacy officer of session 23: lower-case first names beyond our list ("fenneke heeft pdd-nos"), a name
masked once but not in later turns ("haar dochter marijke (11)" ... "bsn van marijke weet ze niet"), surnames after a
masked first name ("wubbina tjalsma", "ruud van der pluim") and lower-case streets ("qwerty merelstraat 5", "op de
naarderweg") were stored readable. The sentences are typed through the intake, the role-play and Rasa's store; the
data folder is searched afterwards."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.intake.deidentify import mask
from bot.knowledge.loader import get_knowledge
from bot.privacy.masking import remember_names
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import add_record, get_record
from tests.intake_form import FOLDER
from tests.test_privacy_user_test_s22 import STORE_DOMAIN, files_with, summary_of, type_through
from tests.test_privacy_user_test_s22b import FATHER, scripted_service


@pytest.fixture
def intake_knowledge(monkeypatch):
    """The intake form's knowledge, rules only (as the s22 tests)."""
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)


@pytest.mark.parametrize("text, expected", [
    ("fenneke heeft pdd-nos", "[NAAM] heeft pdd-nos"),
    ("gaat het om fenneke en jorrit? fenneke zit toch op de zonnebloemschool",
     "gaat het om [NAAM] en [NAAM]? [NAAM] zit toch op de [SCHOOL]"),
    ("ik zeg: geertruida, ik zie hoeveel zorgen je hebt over siebren",
     "ik zeg: [NAAM], ik zie hoeveel zorgen je hebt over [NAAM]"),
    ("hoe gaat het met baukje en haar adhd?", "hoe gaat het met [NAAM] en haar adhd?"),
    ("kunt u hiltje van de lindelaan 3 terugbellen", "kunt u [NAAM] van de [ADRES] terugbellen"),
    ("moeder heet wubbina tjalsma", "moeder heet [NAAM]"),
    ("vader ruud van der pluim belt", "vader [NAAM] belt"),
    ("het gaat om qwerty merelstraat 5 daar", "het gaat om qwerty [ADRES] daar"),
    ("ze wonen in laren op de naarderweg", "ze wonen in laren op de [ADRES]"),
])
def test_lower_case_names_surnames_and_streets_are_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "wat een botte reactie, en dan weer zo'n appie van vader",  # words, not names of deduce's list
    "moeder wil het vaker zien",
    "we lopen de merelstraat 3 keer op en neer",  # a count, no house number
    "Ik sprak meneer Jansen gisteren.",
])
def test_ordinary_words_stay_readable(text):
    assert mask(text).text.replace("[NAAM]", "Jansen") == text


async def _turn(store, conversation_id, events):
    """One turn as Rasa stores it: the earlier turns come back from the store masked, the new events are added."""
    tracker = await store.retrieve(conversation_id) or DialogueStateTracker.from_events(
        conversation_id, [ActionExecuted("action_listen")], slots=STORE_DOMAIN.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


async def test_a_name_masked_once_is_masked_in_the_later_turns_of_the_intake(tmp_path, tracker_url, intake_knowledge):
    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    state = None
    for text in ("moeder belt over haar dochter marijke (11), die wordt gepest op school",
                 "ja ze schreeuwen veel waar marijke bij is", "bsn van marijke weet ze niet", "rond af"):
        events, slots = await type_through([text], state)
        state = slots["intake_status"]
        await _turn(store, "gesprek-dochter", events)
    summary, stored = await summary_of("gesprek-dochter", slots)
    await _turn(store, "gesprek-dochter", [BotUttered(summary)])
    assert "marijke" not in str(stored.data).lower()
    assert files_with(tmp_path, ("marijke",)) == []


async def test_a_name_of_an_earlier_turn_is_masked_in_a_role_play_turn_and_a_call_back(tmp_path, tracker_url):
    store = MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))
    # 'mark' is also a word: only a name after 'zoon'; later turns name him without a cue
    await _turn(store, "gesprek-zoon", [UserUttered("het gaat over zijn zoon mark van 9",
                                                    intent={"name": "vertel", "confidence": 1.0})])
    await _turn(store, "gesprek-zoon", [UserUttered("hoe gaat het nu met mark?",
                                                    intent={"name": "vertel", "confidence": 1.0})])
    service = scripted_service()
    session = service.start(FATHER.id, seed=1, conversation_id="gesprek-zoon")
    service.play(session, "hoe gaat het nu met mark op school?")
    call_back = add_record("terugbelverzoek", {"waarover": "over mark, bellen op [TELEFOON]"},
                           conversation_id="gesprek-zoon")
    assert "mark " not in str(service.load(session)).lower()
    assert get_record("terugbelverzoek", call_back).data["waarover"] == "over [NAAM], bellen op [TELEFOON]"
    assert files_with(tmp_path, ("zoon mark", "met mark", "over mark")) == []


def test_the_names_are_kept_as_keyed_hashes_only(tmp_path):
    remember_names("gesprek-hash", {"gijsbert"})
    assert files_with(tmp_path, ("gijsbert",)) == []
    assert get_record("terugbelverzoek", add_record("terugbelverzoek", {"waarover": "over gijsbert"},
                                                    conversation_id="gesprek-hash")).data == {"waarover": "over [NAAM]"}
