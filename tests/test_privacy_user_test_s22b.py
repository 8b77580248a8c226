"""Privacy, second user test of session 22 (a privacy officer checking the chat, the intake and the trainer page):

1. Addresses typed without capitals were stored readable: "ik woon op de kerkstraat 12 in huizen" in a role-play turn,
   "ze woont op de lindelaan 5 in bussum" in an intake (tracker store and summary), "dorpsstraat 4a, 1271 ab huizen".
2. The summary quoted "NAAM], ze belt over ..." (a quote cut inside a label), and an answer of only contact details was
   filed under 'wat er speelt'.
3. "kunt u wat ik net over deze beller heb ingetypt weer vergeten?" only pointed to 'Wis dit gesprek'; the number of
   a saved summary was only in the JSON.
4. After a role-play ended, "kun je dat laatste bericht verwijderen?" got the general advice, and the last turn stayed.
Each is typed through the code path the chat uses, and the data folder is searched for what was typed.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from rasa.shared.core.events import BotUttered
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as roleplay_actions
from actions.fallback import ActionOnzekerBericht
from actions.intake import SUMMARY_SLOT, ActionIntakeSamenvatting
from bot import commands
from bot.cli import main
from bot.intake.deidentify import mask, shorten
from bot.intake.opening import without_opening
from bot.knowledge.loader import get_knowledge
from bot.knowledge.texts import Texts
from bot.records import add_record, get_record, list_records, shown_number
from bot.roleplay import catalog
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import PracticeService
from tests.intake_form import DOMAIN, FOLDER, typed
from tests.test_privacy_user_test_s22 import files_with, save, summary_of, type_through

ROLEPLAY_TEXTS = Texts("rollenspel_tekst")


@pytest.fixture(autouse=True)
def knowledge(request, monkeypatch):
    """The intake's own knowledge and rules-only masking for the intake tests (as in test_privacy_user_test_s22), all
    knowledge for the role-play tests."""
    if "role_play" in request.node.name or "roleplay" in request.node.name:
        monkeypatch.delenv("RUSTPUNT_KNOWLEDGE_DIR", raising=False)
    else:
        monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(FOLDER))
        monkeypatch.setenv("RUSTPUNT_MASKER", "regels")
    get_knowledge(reload=True)
    yield
    monkeypatch.delenv("RUSTPUNT_KNOWLEDGE_DIR", raising=False)
    get_knowledge(reload=True)


# -- 1. addresses and postcodes typed without capitals ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ik woon op de kerkstraat 12 in huizen", "ik woon op de [ADRES] in huizen"),  # the user test
    ("ze woont op de lindelaan 5 in bussum", "ze woont op de [ADRES] in bussum"),  # the user test
    ("dorpsstraat 4a, 1271 ab huizen", "[ADRES], [POSTCODE] huizen"),  # the user test
    ("Kerkstraat 12 in Huizen", "[ADRES] in Huizen"),  # with capitals, as before: the place stays for the kaart
    ("ze woont op de molenweg 3 met haar moeder", "ze woont op de [ADRES] met haar moeder"),
    ("het adres is molenerf 7", "het adres is [ADRES]"),
    ("de stationsstraat 14-2 te bussum", "de [ADRES] te bussum"),
    ("postcode 3511 ed, het huisnummer weet ik niet", "postcode [POSTCODE], het huisnummer weet ik niet"),
])
@pytest.mark.parametrize("masker", ["regels", "deduce"])
def test_a_street_with_a_house_number_and_a_postcode_without_capitals_are_masked(monkeypatch, masker, text,
                                                                               expected):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == expected


@pytest.mark.parametrize("text", [
    "hij zit in groep 7 en is 11 jaar",
    "ze rijdt op de weg 2 keer per week naar oma",
    "op het schoolplein 3 keer ruzie gehad",
    "aflevering 3 van die serie ging over pesten",
    "er stond 1500 op de rekening en in 2019 ging het mis",
    "vader zat de snelweg 2 uur in de file",
    "ze slikt 1500 mg per dag",
    "om 12:30 op het stationsplein",
])
def test_counts_ages_and_amounts_next_to_a_street_word_stay_readable(text):
    assert mask(text).text == text


async def test_an_address_typed_in_the_intake_leaves_no_trace(tmp_path, tracker_url):
    events, slots = await type_through([
        "moeder belt over haar dochter van 13 die niet meer naar school gaat",
        "ze woont op de lindelaan 5 in bussum, dorpsstraat 4a, 1271 ab huizen is het adres van oma",
        "rond af",
    ])
    summary, stored = await summary_of("gesprek-adres", slots)
    await save(tmp_path, "gesprek-adres", events + [BotUttered(summary)])
    assert "[ADRES]" in str(stored.data) and "[POSTCODE]" in str(stored.data)
    secrets = ("lindelaan", "dorpsstraat", "1271 ab")
    assert [secret for secret in secrets if secret in summary.lower()] == []
    assert files_with(tmp_path, secrets) == []


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")


def test_an_address_typed_in_a_role_play_turn_is_stored_masked(tmp_path):
    service = scripted_service()
    session = service.start(FATHER.id, seed=1, conversation_id="gesprek-rp")
    service.play(session, "ik woon zelf op de kerkstraat 12 in huizen, dus ik ken de buurt")
    stored = str(service.load(session))
    assert "kerkstraat" not in stored and "[ADRES]" in stored
    assert files_with(tmp_path, ("kerkstraat",)) == []


# -- 2. quotes cut at a word, never in a label; contact details are no facts of the case -----------------------------

def test_a_quote_never_starts_or_ends_inside_a_label():
    masked = mask("ik heb een oma aan de lijn, truus de vries, ze belt over haar kleinzoon kevin, hij is 9").text
    assert without_opening(masked).startswith("[NAAM], ze belt over haar kleinzoon [NAAM]")  # the user test
    text = "ze belt over haar kleinzoon [NAAM] die al weken niet naar school gaat, bereikbaar op [TELEFOON] zegt ze"
    for limit in range(10, len(text)):
        cut = shorten(text, limit)
        assert len(cut) <= limit and cut.endswith("…")
        assert cut.count("[") == cut.count("]") and text.startswith(cut[:-1])


async def test_the_summary_quotes_the_caller_from_a_whole_label(tmp_path, tracker_url):
    _, slots = await type_through([
        "ik heb een oma aan de lijn, truus de vries, ze belt over haar kleinzoon kevin die niet meer naar school gaat",
        "rond af",
    ])
    summary, _ = await summary_of("gesprek-citaat", slots)
    assert 'In de woorden van de beller: "[NAAM], ze belt over haar kleinzoon [NAAM]' in summary
    assert 'NAAM],' not in summary.replace("[NAAM],", "")


async def test_contact_details_are_not_filed_as_what_is_going_on(tmp_path, tracker_url):
    events, slots = await type_through(["oma belt over haar kleinzoon van 9 die niet meer naar school wil"])
    state = slots["intake_status"]
    answered, replies = await typed(state, "ze is zelf ook bereikbaar op 06-12345678 en truus.devries@hotmail.com")
    after = answered["intake_status"]
    assert "contactgegevens" in replies[0].lower() and "terugbelverzoek" in replies[0]
    assert after["answers"] == state["answers"] and after["filed"] == state["filed"]  # nothing noted
    assert after["pos"] == state["pos"]  # the question stays open
    mixed, replies = await typed(after, "nee, niemand is in gevaar. ze is bereikbaar op 06-12345678")
    noted = mixed["intake_status"]
    assert "[TELEFOON]" not in str(noted["answers"]) and "[TELEFOON]" not in str(noted["filed"])
    assert any("Contactgegevens" in reply for reply in replies)
    more, slots = await type_through(["rond af"], noted)
    summary, stored = await summary_of("gesprek-contact", slots)
    await save(tmp_path, "gesprek-contact", events + more + [BotUttered(summary)])
    assert "[TELEFOON]" not in summary and "[E-MAIL]" not in summary and "wat er speelt" not in summary
    assert files_with(tmp_path, ("truus.devries", "12345678")) == []  # the e-mail and the number are masked


# -- 3. forgetting the caller's data, during and right after an intake ------------------------------------------------

@pytest.mark.parametrize("text", [
    "kunt u wat ik net over deze beller heb ingetypt weer vergeten?",  # the user test
    "kunt u alles wat ik net over deze beller heb ingetypt weer vergeten?",
    "vergeet deze beller", "wis de gegevens van deze beller", "kun je deze intake wissen?", "haal de samenvatting weg",
])
def test_a_request_to_forget_the_caller(text):
    assert commands.asks_to_forget_the_caller(text) and commands.is_forget_request(text)
    assert not commands.asks_to_wipe_last(text)


@pytest.mark.parametrize("text", [
    "de moeder van de beller vergeet steeds de afspraken", "de beller wil niet dat je het vergeet",
    "oma vergeet de intake van de jeugdarts", "kun je de intake starten", "wis dit gesprek",
    "kun je dat wat ik net typte weghalen?",
])
def test_no_request_to_forget_the_caller(text):
    assert not commands.asks_to_forget_the_caller(text)


async def test_forgetting_the_caller_during_the_intake_forgets_the_intake(tmp_path, tracker_url):
    events, slots = await type_through([
        "moeder belt over haar dochter van 13 die niet naar school gaat",
        "vader zit sinds maart in de gevangenis in zwolle, zegt moeder",
    ])
    forgotten, replies = await typed(slots["intake_status"],
                                     "kunt u wat ik net over deze beller heb ingetypt weer vergeten?")
    state = forgotten["intake_status"]
    assert forgotten["intake_antwoord"] == "gestopt" and state["answers"] == {} and state["filed"] == {}
    assert state["hits"] == [] and state["plaatsen"] == []
    assert replies[0].startswith("Ik heb deze intake gewist: 2 antwoorden van de beller")
    assert "chatverloop" in replies[0] and "'Wis dit gesprek'" in replies[0]
    dispatcher = CollectingDispatcher()
    result = await ActionIntakeSamenvatting().run(dispatcher, Tracker(
        sender_id="gesprek-vergeet", slots={"intake_status": state}, latest_message={}, events=[], paused=False,
        followup_action=None, active_loop={}, latest_action_name="action_listen"), DOMAIN)
    assert "geen samenvatting opgeslagen" in dispatcher.messages[0]["text"]
    assert not [event for event in result if event.get("name") == SUMMARY_SLOT]
    assert list_records("intake_samenvatting") == []
    await save(tmp_path, "gesprek-vergeet", events)
    found = files_with(tmp_path, ("gevangenis", "zwolle"))
    assert found and all(path.startswith("rasa/tracker.db") for path, _ in found)  # the chat history, as said


def fallback_tracker(text, slots=None, events=None, sender="gesprek-na"):
    return Tracker.from_dict({"sender_id": sender, "slots": slots or {}, "events": events or [
        {"event": "user", "text": text}],
        "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})


async def test_forgetting_the_caller_right_after_the_intake_forgets_its_summary(tmp_path, tracker_url, capsys):
    _, slots = await type_through(["moeder belt over haar dochter van 13, vader zit in de gevangenis in zwolle",
                                   "rond af"])
    summary, stored = await summary_of("gesprek-na", slots)
    number = stored.pk
    callback = add_record("terugbelverzoek", {"wie": "buurtteam", "samenvatting_id": number},
                          conversation_id="gesprek-na")
    other = add_record("intake_samenvatting", {"kern": []}, conversation_id="een-ander-gesprek")
    assert main(["intake", "lijst"]) == 0
    listing = capsys.readouterr().out
    assert f"  {number}  " in listing and "gevangenis" not in listing and "moeite" not in listing

    dispatcher = CollectingDispatcher()
    events = await ActionOnzekerBericht().run(dispatcher, fallback_tracker(
        "kunt u wat ik net over deze beller heb ingetypt weer vergeten?", {SUMMARY_SLOT: number}), {})
    reply = dispatcher.messages[0]["text"]
    assert reply.startswith(f"Ik heb samenvatting {number} van deze intake en het terugbelverzoek dat erbij hoorde")
    assert "chatverloop" in reply and "'Wis dit gesprek'" in reply
    assert {"event": "slot", "timestamp": None, "name": SUMMARY_SLOT, "value": None} in events
    assert get_record("intake_samenvatting", number) is None and get_record("terugbelverzoek", callback) is None
    assert get_record("intake_samenvatting", other) is not None  # another intake stays

    # without a summary just saved: the explanation of wiping, as before
    dispatcher = CollectingDispatcher()
    await ActionOnzekerBericht().run(dispatcher, fallback_tracker("vergeet deze beller"), {})
    assert "'Wis dit gesprek'" in dispatcher.messages[0]["text"]

    # one vocabulary on the command line: the number of the chat and of 'rustpunt intake lijst'
    assert main(["vergeet", "--samenvatting", str(other)]) == 0
    assert f"Intakesamenvatting {other} is vergeten" in capsys.readouterr().out
    assert get_record("intake_samenvatting", other) is None
    assert main(["vergeet", "--samenvatting", str(other)]) == 1


# -- 4. the last turn of a role-play that just ended ---------------------------------------------------------------

def ended_session(service):
    session = service.start(FATHER.id, seed=1, conversation_id="gesprek-rp-einde")
    for path_turn in FATHER.oefenpad[:-1]:
        service.play(session, path_turn.tekst)
    result = service.play(session, FATHER.oefenpad[-1].tekst)
    assert result.soort == "einde"
    service.finish(session)
    return session


def events_after_the_end(request, *after):
    return [{"event": "user", "text": FATHER.oefenpad[-1].tekst},
            {"event": "action", "name": "action_rollenspel_afronden"},
            {"event": "bot", "text": "nabespreking ..."}, *after, {"event": "user", "text": request}]


REQUEST = "kun je dat laatste bericht verwijderen? daar stond per ongeluk een echte naam in"


async def test_after_a_role_play_ended_its_last_turn_is_wiped_with_its_debrief():
    service = scripted_service()
    roleplay_actions.set_service(service)
    try:
        session = ended_session(service)
        before = service.load(session)
        assert before["debrief"] and len(before["state"]["turns"]) == len(FATHER.oefenpad)
        dispatcher = CollectingDispatcher()
        await ActionOnzekerBericht().run(dispatcher, fallback_tracker(
            REQUEST, events=events_after_the_end(REQUEST), sender="gesprek-rp-einde"), {})
        reply = dispatcher.messages[0]["text"]
        assert reply == ROLEPLAY_TEXTS.text("beurt_gewist_na_einde", nr=len(FATHER.oefenpad), sessie=session)
        after = service.load(session)
        assert len(after["state"]["turns"]) == len(FATHER.oefenpad) - 1 and not after.get("debrief")
        assert after["status"] == "gestopt"
        assert FATHER.oefenpad[-1].tekst not in str(after)
        again = service.finish(session)  # 'nabespreking': a new debrief without that turn
        assert FATHER.oefenpad[-1].tekst not in str(again.debrief)
    finally:
        roleplay_actions.set_service(None)


async def test_after_a_role_play_ended_and_another_message_it_says_plainly_why_nothing_is_wiped():
    service = scripted_service()
    roleplay_actions.set_service(service)
    try:
        session = ended_session(service)
        before = service.load(session)
        dispatcher = CollectingDispatcher()
        await ActionOnzekerBericht().run(dispatcher, fallback_tracker(REQUEST, sender="gesprek-rp-einde", events=(
            events_after_the_end(REQUEST, {"event": "user", "text": "tussenstand"},
                                 {"event": "action", "name": "action_rollenspel_nabespreking"}))), {})
        reply = dispatcher.messages[0]["text"]
        own = shown_number(get_record("rollenspel", int(session)))  # the conversation's own number; the command: the id
        assert reply == ROLEPLAY_TEXTS.text("beurt_niet_gewist_na_einde", sessie=own, sessie_id=session)
        assert f"rustpunt vergeet --sessie {session}" in reply
        assert service.load(session) == before
    finally:
        roleplay_actions.set_service(None)
