"""Session-24 user test (a Vraagbaak consultant whose callers are a GP, a school, a kinderdagverblijf, a wijkagent and
a sports coach, about young children): a child's suicide threat in everyday words, a parent's urge to shake the baby
told by someone else, a mother afraid of the father's return after his arrest, signals invented from a question back
or from shouting at the sports club, quotes in the route that the caller never typed, and a parent's psychiatric
crisis, a house without food and a child who interprets for the father."""
from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionOnzekerBericht
from bot.intake.danger import danger_message
from bot.intake.session import Intake
from bot.intake.signals import find_signals
from bot.intake.summary import build_summary, format_summary, typed_quotes_only
from bot.knowledge.loader import get_knowledge
from tests.intake_form import typed

pytestmark = pytest.mark.usefixtures("whole_knowledge")  # all of knowledge/, the kaart too (tests/conftest.py)


def _ids(text: str) -> set:
    return {hit.signal_id for hit in find_signals(text, get_knowledge().all("intake_signaal"))}


def _summary(state: dict, search=lambda *a, **k: []):
    return build_summary({**state, "status": "klaar", "pos": None}, get_knowledge(), search=search)


async def _to(question: str, opening: str, first: str):
    """The intake state at ``question`` after the opening and the first answer (every question before it: 'nee')."""
    intake = Intake(get_knowledge())
    state = intake.start(opening).state
    slots, _ = await typed(state, first)
    state = slots["intake_status"]
    while intake.view(state).key != question:
        slots, _ = await typed(state, "nee")
        state = slots["intake_status"]
    return intake, state


async def _fallback(text: str) -> str:
    """The first message of the fallback (a message outside a task that the intent recogniser did not read)."""
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "t", "slots": {}, "events": [],
                                 "latest_message": {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []}})
    await ActionOnzekerBericht().run(dispatcher, tracker, {})
    return dispatcher.messages[0]["text"] if dispatcher.messages else ""


# 1. a child's suicide threat in everyday words ----------------------------------------------------------------------

THREAT = "jongen van 10 zei tegen zijn trainer: als ik naar papa moet dan spring ik van het balkon"


@pytest.mark.parametrize("text", [
    THREAT, "dan loop ik voor de trein", "dan maak ik er een eind aan", "ik wil niet meer leven",
    "dan snij ik mezelf", "hij zei dat hij van het balkon springt als hij naar zijn vader moet",
    "ze zegt dat ze voor de trein gaat springen", "ze dreigt zich op te hangen", "dan slik ik alle pillen van mama",
    "dan breng ik mezelf om", "als de hond weg moet spring ik van het dak",
    "de kat sprong weg en toen zei hij dat hij van het dak springt",
])
def test_a_suicide_threat_in_everyday_words_gets_the_113_advice(text):
    assert "gevaar_suicide" in _ids(text)
    message = danger_message(text)
    assert message is not None and "113" in message


@pytest.mark.parametrize("text", [
    "ik snij me in mijn vinger", "ze sneed zich per ongeluk aan een mes", "we gaan met de trein naar oma",
    "hij ging onder de trein door via de tunnel", "ze sprong van de duikplank",
    "de kat sprong van het dak en hij moest erom lachen", "onze poes springt altijd uit het raam van zijn kamer",
])
def test_a_cut_finger_or_a_train_ride_is_no_concern_about_suicide(text):
    assert "gevaar_suicide" not in _ids(text)


def test_killing_oneself_is_a_concern_about_suicide_killing_another_is_acute():
    assert _ids("ze wil zichzelf ombrengen") & {"gevaar_suicide", "gevaar_acuut"} == {"gevaar_suicide"}
    assert "gevaar_acuut" in _ids("hij dreigt haar om te brengen")


async def test_the_threat_outside_a_task_gets_the_safety_advice_instead_of_sorry():
    message = await _fallback(THREAT)
    assert message.startswith("Let op, eerst de veiligheid:") and "113" in message


async def test_the_threat_at_the_hitting_question_alerts_and_tops_the_summary():
    intake, state = await _to("veiligheid.geweld_thuis", "goedemiddag, ik heb een voetbaltrainer aan de lijn",
                              "het gaat om een jongen van 10 die steeds huilt op de training")
    slots, said = await typed(state, "hij zei tegen zijn trainer: als ik naar papa moet dan spring ik van het balkon")
    assert any("113" in (line or "") for line in said)
    assert not any("hoort bij een andere vraag" in (line or "") for line in said)
    summary = _summary(slots["intake_status"])
    assert summary.kern[0] == "eerst de veiligheid: zorgen over zelfdoding of zelfbeschadiging"
    assert summary.route[0].route != "sociale_basis" and "113" in summary.route[0].titel
    assert not any(advice.route == "sociale_basis" for advice in summary.route)


# 2. a parent's urge to shake the baby, in the first and the third person, at any question ------------------------

SHAKE = "de moeder vertelde dat ze hem soms wel door elkaar wil schudden als hij maar blijft huilen"


@pytest.mark.parametrize("text", [
    SHAKE, "dat ze hem soms wel door elkaar wil schudden", "soms wil ik de baby door elkaar schudden",
    "hij zegt dat hij de baby soms door elkaar wil schudden", "ze wil de baby soms door elkaar schudden",
    "ik zou hem wel door elkaar willen schudden", "ze heeft soms zin om hem door elkaar te schudden",
])
def test_the_urge_to_shake_the_child_is_a_parent_afraid_of_harming_it(text):
    found = _ids(text)
    assert "gevaar_ouder_bang_iets_aan_te_doen" in found and "gevaar_acuut" not in found


def test_shaking_the_baby_now_stays_acute_and_shuffling_cards_is_nothing():
    assert "gevaar_acuut" in _ids("hij schudt de baby door elkaar")
    assert not {"gevaar_ouder_bang_iets_aan_te_doen", "gevaar_geweld"} & _ids("ze wil de kaarten door elkaar schudden")


@pytest.mark.parametrize("question", ["veiligheid.acuut_gevaar", "algemeen.aard"])
async def test_the_urge_to_shake_told_by_a_caller_interrupts_at_any_question(question):
    _, state = await _to(question, "goedemiddag, er belt een pedagogisch medewerker van het kinderdagverblijf",
                         "het gaat om een baby van 4 maanden die veel huilt")
    slots, said = await typed(state, SHAKE)
    assert any("eerst de veiligheid" in (line or "") and "JGZ" in (line or "") for line in said)
    assert _summary(slots["intake_status"]).kern[0] == \
        "eerst de veiligheid: een ouder is bang het eigen kind iets aan te doen"


# 3. a mother afraid of the father's return after his arrest ---------------------------------------------------------

RETURN = "vader is gisteren opgepakt en wordt vanmiddag weer vrijgelaten, en moeder is doodsbang dat hij dan terugkomt"


@pytest.mark.parametrize("text", [
    RETURN, "moeder is bang dat hij terugkomt", "de kinderen zijn bang dat papa terugkomt",
    "ze is doodsbang dat hij dan weer terug komt", "vader heeft een huisverbod gekregen",
])
def test_a_parent_afraid_of_the_others_return_is_a_danger_signal(text):
    assert "gevaar_geweld" in _ids(text)
    message = danger_message(text)
    assert message is not None and "Veilig Thuis" in message and "112" in message


@pytest.mark.parametrize("text", ["moeder is bang dat hij niet meer terugkomt",
                                  "ze is bang dat de klachten terugkomen"])
def test_missing_someone_or_returning_complaints_are_no_violence(text):
    assert "gevaar_geweld" not in _ids(text)


async def test_the_fear_at_the_direct_danger_question_answers_it_and_is_not_filed_elsewhere():
    intake, state = await _to("veiligheid.acuut_gevaar", "goedemiddag, ik heb de wijkagent aan de lijn",
                              "het gaat om een gezin met twee jonge kinderen, er was gisteren een melding")
    slots, said = await typed(state, RETURN)
    state = slots["intake_status"]
    assert any("Veilig Thuis" in (line or "") for line in said)
    assert not any("hoort bij een andere vraag" in (line or "") for line in said)
    assert state["answers"]["veiligheid.acuut_gevaar"] == RETURN
    assert intake.view(state).key != "veiligheid.acuut_gevaar"
    assert _summary(state).kern[0] == "eerst de veiligheid: huiselijk geweld of kindermishandeling"


# 4. no invented facts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["hard ruzie? geen idee", "hard ruzie? nee", "geslagen? weet ik niet",
                                  "geslagen? nee, dat niet"])
def test_a_question_back_with_no_or_no_idea_is_no_signal(text):
    assert not _ids(text) & {"ruzie_hard", "ruzie_in_huis", "gevaar_geweld"}


@pytest.mark.parametrize("text, signal", [("hard ruzie? ja, vaak", "ruzie_hard"), ("hard ruzie? vaak", "ruzie_hard"),
                                          ("geweld? elke dag", "gevaar_geweld"), ("mishandeling?", "gevaar_geweld")])
def test_a_question_back_with_an_answer_or_alone_still_counts(text, signal):
    assert signal in _ids(text)


async def test_no_idea_at_the_rows_question_gives_no_rows_at_home():
    _, state = await _to("veiligheid.ruzie_thuis", "goedemiddag, ik heb de juf van groep 8 aan de lijn",
                         "het gaat om een meisje van 11 dat steeds moe op school komt")
    slots, _ = await typed(state, "hard ruzie? geen idee")
    summary = _summary(slots["intake_status"])
    assert "Opvoeding" not in summary.signalen and not any("ruzie" in line for line in summary.kern)


@pytest.mark.parametrize("text", [
    "de ouders schreeuwen elke wedstrijd langs de lijn", "haar ouders staan langs de lijn te schreeuwen",
    "vader schreeuwt bij de training naar de scheidsrechter", "ze maken ruzie langs de lijn",
])
def test_shouting_at_the_sports_club_is_no_row_at_home(text):
    assert not _ids(text) & {"ruzie_hard", "ruzie_in_huis", "scheiding_conflict"}


def test_the_kaart_reason_quotes_only_what_the_caller_typed():
    reason = "Past bij geldzorgen ('schulden'); tekst noemt 'schulden', 'geld'; geen leeftijdsgrens genoemd."
    assert typed_quotes_only(reason, ["ze hebben geen geld voor eten"]) == \
        "Past bij geldzorgen; tekst noemt 'geld'; geen leeftijdsgrens genoemd."
    assert typed_quotes_only(reason, ["ze hebben schulden en geen geld"]) == reason


async def test_a_family_without_money_for_food_gets_no_debts_it_never_named():
    _, state = await _to("veiligheid.acuut_gevaar", "goedemiddag, ik heb een vrijwilliger van de moskee aan de lijn",
                         "een gezin van statushouders met vier kinderen, ze hebben geen geld voor eten")
    state = (await typed(state, "nee"))[0]["intake_status"]

    def search(query, **_):  # the kaart's reason quotes the route's search words (``kaart_zoekterm``)
        return [{"naam": "Buurtteam", "organisatie": "Buurtteam", "verwijsbaar": True,
                 "waarom": f"Past bij geld en schulden ('{query.split()[0]}'); tekst noemt '{query.split()[0]}'."}]
    text = format_summary(_summary(state, search))
    assert "schulden'" not in text and "De beller noemt schulden" not in text
    assert "geen of te weinig eten in huis" in text


# 5. a parent's psychiatric crisis, no food in the house, a child who interprets -------------------------------------

@pytest.mark.parametrize("text, signal", [
    ("moeder is opgenomen in een psychose", "ouder_psychische_crisis"),
    ("vader zit in een psychose, de kinderen zijn bij oma", "ouder_psychische_crisis"),
    ("moeder is gisteren gedwongen opgenomen", "ouder_psychische_crisis"),
    ("vier kinderen, geen eten in huis", "bestaan_eten"), ("ze hebben geen eten meer", "bestaan_eten"),
    ("de kinderen hebben honger, er is niks te eten", "bestaan_eten"),
    ("de oudste van 12 tolkt voor vader bij de gemeente", "zorg_voor_anderen"),
    ("de dochter van 12 moet voor haar vader tolken bij instanties", "zorg_voor_anderen"),
])
def test_a_parents_crisis_no_food_and_a_child_who_interprets_are_signals(text, signal):
    assert signal in _ids(text)


@pytest.mark.parametrize("text", ["moeder heeft contact opgenomen met school", "vader is opgenomen in de groepsapp",
                                  "zoon is opgenomen in het ziekenhuis"])
def test_taking_contact_or_joining_a_group_is_no_admission_of_a_parent(text):
    assert "ouder_psychische_crisis" not in _ids(text)


async def test_the_summary_names_the_crisis_the_food_and_the_young_carer():
    _, state = await _to("algemeen.gezin", "goedemiddag, ik heb de juf van groep 8 aan de lijn",
                         "een gezin van statushouders met vier kinderen, er is geen eten in huis")
    state = (await typed(state, "vader, moeder, vier kinderen; de oudste van 12 tolkt voor vader"))[0]["intake_status"]
    state = (await typed(state, "moeder is opgenomen in een psychose"))[0]["intake_status"]
    signals = _summary(state).signalen
    assert "geen of te weinig eten in huis" in signals["Geld en wonen"]
    assert "geldzorgen of schulden" not in signals.get("Geld en wonen", [])
    assert {"zorgt thuis voor een ouder, broer of zus (jonge mantelzorger)",
            "een ouder met ernstige psychische problemen (psychose, crisis of opname)"} <= set(signals["Ernst"])
    assert "signalen van kindermishandeling of verwaarlozing" in signals["Veiligheid"]
