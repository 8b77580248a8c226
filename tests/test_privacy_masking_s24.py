"""Masking, a privacy officer and a Vraagbaak consultant of session 24: a lower-case surname after a masked first name
("karin brinkhorst", "jildou brinkhorst heeft tourette"), a street without a number ("op de kolibriestraat"), a school
named again without its school word and the names of a childcare centre, a GP's practice or a club were stored
readable; a place of the kaart ("Naarden") and "woont aan de snelweg" were masked; the child's first name of the subject
was kept as a call-back contact; and the role-play's participant field ("fatima") became "[NAAM]". Each detail is typed
through the intake, the role-play, the call-back form or Rasa's store; then the data folder is searched."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.executor import CollectingDispatcher

from bot.intake.deidentify import mask
from bot.knowledge.loader import get_knowledge
from bot.language import opentaal_available
from bot.privacy.tracker_store import MaskingSQLTrackerStore
from bot.records import add_record, get_record, list_records
from tests.intake_form import FOLDER
from tests.test_privacy_user_test_s22 import STORE_DOMAIN, files_with, summary_of, type_through
from tests.test_privacy_user_test_s22b import FATHER, scripted_service

needs_opentaal = pytest.mark.skipif(not opentaal_available(),
                                    reason="hunspell-nl ontbreekt (scripts/install_hunspell.sh)")


@pytest.fixture
def intake_knowledge(monkeypatch):
    """The intake form's knowledge, rules only (as the s22 and s23 tests)."""
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)
    yield
    monkeypatch.delenv("RUSTPUNT_KNOWLEDGE_DIR")
    get_knowledge(reload=True)


async def _turn(store, conversation_id, events):
    """One turn as Rasa stores it: the earlier turns come back from the store masked, the new events are added."""
    tracker = await store.retrieve(conversation_id) or DialogueStateTracker.from_events(
        conversation_id, [ActionExecuted("action_listen")], slots=STORE_DOMAIN.slots)
    for event in events:
        tracker.update(event)
    await store.save(tracker)


INTAKE_CONVERSATION = "gesprek-s21"  # the conversation of the intake form's trackers (tests.intake_form.answer_tracker)


def _store(tmp_path):
    return MaskingSQLTrackerStore(domain=STORE_DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa" / "tracker.db"))


# -- 1. a surname after a masked first name; 2. a street without a number; 3. schools and organisations -------------

@needs_opentaal
@pytest.mark.parametrize("text, expected", [
    ("moeder aan de lijn, karin brinkhorst, over haar dochter jildou brinkhorst",
     "moeder aan de lijn, [NAAM], over haar dochter [NAAM]"),
    ("jildou brinkhorst heeft tourette", "[NAAM] heeft tourette"),
    ("Moeder aan de lijn, Karin Brinkhorst, over haar dochter Jildou Brinkhorst",
     "Moeder aan de lijn, [NAAM], over haar dochter [NAAM]"),
    ("ze schreeuwen voor de deur op de kolibriestraat", "ze schreeuwen voor de deur op de [ADRES]"),
    ("jildou van de kolibriestraat", "[NAAM] van de [ADRES]"),
    ("basisschool de zonnewijzer belde, ze moet gewoon naar de zonnewijzer",
     "basisschool de [SCHOOL] belde, ze moet gewoon naar de [SCHOOL]"),
    ("ze zit op kinderdagverblijf het zonnetje", "ze zit op kinderdagverblijf het [ORGANISATIE]"),
    ("de huisarts is huisartsenpraktijk de linde", "de huisarts is huisartsenpraktijk de [ORGANISATIE]"),
    ("hij voetbalt bij voetbalclub de zwaluwen en ze gaan naar kerk de hoeksteen",
     "hij voetbalt bij voetbalclub de [ORGANISATIE] en ze gaan naar kerk de [ORGANISATIE]"),
    ("kdv Kiekeboe belde", "kdv [ORGANISATIE] belde"),
    # a street the word lists know, followed by a place of the kaart (second user test of session 24)
    ("hij belt over een gezin op de lindenlaan in huizen", "hij belt over een gezin op de [ADRES] in huizen"),
    ("ze wonen aan de kerkstraat te naarden", "ze wonen aan de [ADRES] te naarden"),
    ("ik heb de wijkagent aan de lijn, agent bakker van het basisteam gooi",
     "ik heb de wijkagent aan de lijn, agent [NAAM] van het basisteam gooi"),
    # Dutch words after a first name are no surname
    ("lotte verkouden thuis en sem gamet de hele nacht", "[NAAM] verkouden thuis en [NAAM] gamet de hele nacht"),
])
def test_surnames_streets_schools_and_organisations_are_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "ze rijden op de snelweg en hij zit in de hoofdstraat te wachten",  # kinds of road, Dutch words
    "hij woont aan de snelweg, dat is best druk",  # a privacy officer found 'snelweg' masked
    "in de praktijk de kinderen zien en bij de opvang de hele dag",
    "ze is doorverwezen naar Praktijk ZigZag en hij speelt bij Hockeyclub Fletiomare",  # services of the kaart
    "ze hebben contact gehad met Veilig Thuis",
    "Peuteropvang Naardn: peuter van 3 bijt, moeder woont in Naarden",  # places of the kaart, also misspelt
    "Het gaat om een jongen die in Naarden woont.",
    "Huisarts, gezin in de Keverdijk: moeder vraagt wat er is",  # a wijk of the kaart, no street
])
def test_places_services_and_ordinary_words_stay_readable(text):
    assert "[" not in mask(text).text


@pytest.mark.parametrize("masker", ["regels", "deduce"])
def test_a_place_of_the_kaart_is_never_a_name(monkeypatch, masker):
    monkeypatch.setenv("RUSTPUNT_MASKER", masker)
    get_knowledge(reload=True)
    assert mask("Het gaat om Noah, hij is elf en woont op de Lindenlaan 7 in Naarden.").text == (
        "Het gaat om [NAAM], hij is elf en woont op de [ADRES] in Naarden.")


@needs_opentaal
async def test_surname_street_and_childcare_typed_in_the_intake_leave_no_trace(tmp_path, tracker_url,
                                                                                intake_knowledge):
    store = _store(tmp_path)
    texts = ["moeder aan de lijn, karin brinkhorst, over haar dochter jildou brinkhorst, ze zit op basisschool de "
             "zonnewijzer", "karin wassenbergh belt over haar zoon, ze schreeuwen voor de deur op de kolibriestraat",
             "ze zit op kinderdagverblijf het zonnetje en de huisarts is huisartsenpraktijk de linde",
             "ze wil niet meer naar school", "ze moet gewoon naar de zonnewijzer zegt vader", "rond af"]
    state = None
    for text in texts:
        events, slots = await type_through([text], state)
        state = slots["intake_status"]
        await _turn(store, INTAKE_CONVERSATION, events)
    summary, stored = await summary_of(INTAKE_CONVERSATION, slots)
    secrets = ("brinkhorst", "wassenbergh", "kolibrie", "zonnetje", "linde", "zonnewijzer")
    assert not [secret for secret in secrets if secret in (summary + str(stored.data)).lower()]
    assert files_with(tmp_path, secrets) == []


@needs_opentaal
async def test_a_school_masked_once_is_masked_in_later_turns_and_records(tmp_path, tracker_url):
    store = _store(tmp_path)
    for text in ("het gaat om basisschool de zonnewijzer", "ze moet gewoon naar de zonnewijzer",
                 "en het zonnetje? ze zit op kinderdagverblijf het zonnetje", "het zonnetje belde gisteren"):
        await _turn(store, "gesprek-s24", [UserUttered(text, intent={"name": "vertel", "confidence": 1.0})])
    plan = add_record("plan", {"beschrijving": "gesprek met de juf van de zonnewijzer en het zonnetje"},
                      conversation_id="gesprek-s24")
    assert get_record("plan", plan).data["beschrijving"] == "gesprek met de juf van de [NAAM] en het [NAAM]"
    assert files_with(tmp_path, ("zonnewijzer", "zonnetje")) == []


@needs_opentaal
def test_a_surname_typed_in_a_role_play_turn_is_stored_masked(tmp_path):
    service = scripted_service()
    session = service.start(FATHER.id, seed=1, conversation_id="gesprek-rollenspel")
    service.play(session, "jildou brinkhorst heeft tourette, hoe gaat het nu met haar?")
    assert "brinkhorst" not in str(service.load(session)).lower()
    assert files_with(tmp_path, ("brinkhorst",)) == []


# -- 5. only phone numbers, e-mail addresses and the caller's own name are call-back contacts -----------------------

async def test_the_childs_name_in_the_subject_is_no_call_back_contact():
    from actions.intake import ActionTerugbelverzoekOpslaan, ValidateTerugbelForm
    from bot.intake.callbacks import contact_details, show
    from tests.test_intake_actions import DOMAIN, tracker

    validator = ValidateTerugbelForm()
    subject = "moeder Karin, over het schoolverzuim van jildou, bellen op 06-12345678 of karin@example.nl"
    validator.validate_terugbel_wie("jeugdconsulent", CollectingDispatcher(), tracker(), DOMAIN)
    validator.validate_terugbel_waarover(subject, CollectingDispatcher(), tracker(), DOMAIN)
    slots = {"terugbel_wie": "jeugdconsulent", "terugbel_waarover": "moeder [NAAM], over het schoolverzuim van "
             "[NAAM], bellen op [TELEFOON] of [E-MAIL]", "terugbel_wanneer": "morgen"}
    await ActionTerugbelverzoekOpslaan().run(CollectingDispatcher(), tracker(slots=slots), DOMAIN)
    (stored,) = list_records("terugbelverzoek")
    assert show(stored.pk)[1] == ["Karin", "06-12345678", "karin@example.nl"]
    assert contact_details("moeder karin, dochter jildou, 06-12345678") == ["karin", "06-12345678"]
    assert contact_details("de moeder van jildou, 06-12345678") == ["06-12345678"]


# -- 6. the participant's own name or code is kept as typed -----------------------------------------------------------

async def test_the_participant_field_is_kept_as_typed_and_tells_trainees_apart(tmp_path, tracker_url):
    from bot.roleplay.group import group_view
    from bot.roleplay.session import KIND

    store = _store(tmp_path)
    service = scripted_service()
    for name in ("fatima", "piotr", "karim", "sanne", "  sanne  "):
        conversation = f"gesprek-{name.strip()}"
        metadata = {"deelnemer": name, "groep": "najaar-2026"}
        await _turn(store, conversation, [UserUttered("ik wil oefenen met de vader", metadata=metadata,
                                                      intent={"name": "vertel", "confidence": 1.0})])
        session = service.start(FATHER.id, deelnemer=name, groep="najaar-2026", seed=1, conversation_id=conversation)
        service.play(session, f"hallo, ik ben {name.strip()}, wat fijn dat u er bent")  # typed: still masked
    view = group_view(list_records(KIND), "najaar-2026")
    assert [person.naam for person in view.deelnemers] == ["fatima", "karim", "piotr", "sanne"]
    assert [len(person.sessies) for person in view.deelnemers] == [1, 1, 1, 2]
    stored = str([record.data for record in list_records(KIND)])
    assert "ik ben [NAAM]" in stored and "ik ben fatima" not in stored
    tracker = await store.retrieve("gesprek-fatima")
    assert tracker.events[-1].metadata["deelnemer"] == "fatima"
    long_name = service.start(FATHER.id, deelnemer="x" * 50, conversation_id="gesprek-lang")
    assert get_record(KIND, long_name).data["deelnemer"] == "x" * 40
