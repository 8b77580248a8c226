"""A trainer prepares a morning for a group of 12 (session 25): she writes one new scenario, the group plays, she
reviews the group and wipes one session.

1. A typing error in a field name ("aandachtpunten") is one problem that names the field meant, not also 'verplicht
   veld ontbreekt' for that field; a text that is too long says how long it is now.
2. A checked scenario file says the scenario plays at once (it said 'tot dan speelt het rollenspel met de vorige
   versie', read as: not yet).
3. Two misreads that the debrief counted as pitfalls: "Hoe is het nou echt met u?" (inhoud) and a limit said verb first
   ("Ik moet wel eerlijk zijn, ik kan niet regelen dat zij de kinderen weer brengt.": inhoud; "Ik kan hem niet laten
   ophouden met die berichten.": redden).
4. The group page and 'Wis deze sessie' read every stored session, not only the newest 200 (a group of last month
   showed 'Geen sessies gevonden'); the list says when it shows only the newest.
5. Wiping a session reminds the trainer that an export made before still holds it.
6. The group page's tension peak counts a rise that stays below the start (6 -> 4 -> 6 peaks at turn 2).
"""
import shutil
import urllib.parse
from pathlib import Path

import pytest

from bot import records
from bot.cli import main
from bot.knowledge import loader
from bot.paths import knowledge_dir
from bot.privacy.forget import WIPED_EXPORT_NOTE, ForgottenSession, session_report
from bot.roleplay.group import peak_turn, render_group_page
from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import classify_step
from bot.web import server as web_server
from tests.fake_rasa import free_port
from tests.test_roleplay_group import GOOD, record
from tests.test_web_server import TOKEN, _web, request

SCENARIO = "ouder_wil_partij.yml"


def _scenarios_with(tmp_path: Path, edit) -> list:
    folder = tmp_path / "kennis" / "scenarios"
    shutil.copytree(Path(knowledge_dir()) / "scenarios", folder)
    path = folder / SCENARIO
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return [str(p) for p in loader.load_knowledge(tmp_path / "kennis").problems]


# -- 1. the scenario check names the field meant, and the length of a too long text --------------------------------

def test_a_typing_error_in_a_field_name_is_one_problem_that_names_the_field_meant(tmp_path):
    found = _scenarios_with(tmp_path, lambda text: text.replace("aandachtspunten:", "aandachtpunten:"))
    assert found == ["kennis/scenarios/ouder_wil_partij.yml, item 'ouder-wil-partij', veld 'trainer.aandachtpunten': "
                     "onbekend veld (niet toegestaan); bedoel je 'aandachtspunten'?"]


def test_a_typing_error_at_the_top_of_an_item_names_the_field_meant(tmp_path):
    found = _scenarios_with(tmp_path, lambda text: text.replace("    samenvatting:", "    samenvating:"))
    assert found == ["kennis/scenarios/ouder_wil_partij.yml, item 'ouder-wil-partij', veld 'samenvating': "
                     "onbekend veld (niet toegestaan); bedoel je 'samenvatting'?"]


def test_a_field_that_is_really_missing_is_still_reported(tmp_path):
    def edit(text: str) -> str:
        lines = [line for line in text.splitlines() if not line.strip().startswith("onderliggend:")]
        return "\n".join(lines) + "\n"

    found = _scenarios_with(tmp_path, edit)
    assert found == ["kennis/scenarios/ouder_wil_partij.yml, item 'ouder-wil-partij', veld 'persona.onderliggend': "
                     "verplicht veld ontbreekt"]


def test_an_unknown_field_far_from_any_field_gets_no_guess(tmp_path):
    found = _scenarios_with(tmp_path, lambda text: text.replace("    samenvatting:",
                                                                "    kleur: rood\n    samenvatting:"))
    assert found == ["kennis/scenarios/ouder_wil_partij.yml, item 'ouder-wil-partij', veld 'kleur': "
                     "onbekend veld (niet toegestaan)"]


def test_a_too_long_opening_says_how_long_it_is_now(tmp_path):
    opening = "Kijk, hier staat het zwart op wit. U ziet toch ook dat hij niet deugt?"
    longer = opening + " En dit is nog maar het begin, ik heb thuis nog veel meer." * 5
    found = _scenarios_with(tmp_path, lambda text: text.replace(opening, longer))
    assert len(longer) + len(" Dat moet u gewoon in uw verslag zetten.") > 300
    assert found == ["kennis/scenarios/ouder_wil_partij.yml, item 'ouder-wil-partij', veld 'persona.opening': "
                     f"is te lang (hoogstens 300 tekens, nu {len(longer) + 40})"]


# -- 2. a checked file plays at once ----------------------------------------------------------------------------------

def test_a_checked_scenario_file_says_it_plays_at_once(capsys, knowledge_copy):
    path = knowledge_copy / "scenarios" / SCENARIO
    assert main(["scenario", "controleer", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Het scenario is dan meteen te spelen, zonder opnieuw te trainen." in out
    assert "speelt het rollenspel met de vorige versie" not in out


# -- 3. two misreads counted as pitfalls ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("text", [
    "Hoe is het nou echt met u?",
    "Hoe is het nou echt met je?",
    "Ja, dat houdt niemand zomaar vol. Hoe is het nou echt met u?",
])
def test_asking_how_the_other_really_is_is_erkennen(text, classify):
    result = classify_step(text)
    move = classify(text)
    assert result.stap == "erkennen" and result.valkuilen == [], result.delen
    assert move.zet == "erkennen" and not set(move.zetten) & set(PITFALLS), move


def test_a_question_about_the_ex_is_not_made_erkennen():
    assert classify_step("Hoe is het nou echt met je ex?").stap != "erkennen"


@pytest.mark.parametrize("text", [
    "Ik moet wel eerlijk zijn, ik kan niet regelen dat zij de kinderen weer brengt.",
    "Ik kan hem niet laten ophouden met die berichten.",
    "Ik kan hem niet laten ophouden met die berichten, en ik ga ook niet in mijn verslag zetten wie gelijk heeft.",
    "ik kan niet regelen dat het bij papa hetzelfde gaat als bij mama",
])
def test_a_limit_said_verb_first_is_realiteit(text, classify):
    result = classify_step(text)
    assert result.stap == "realiteit" and result.valkuilen == [], result.delen
    assert "realiteit" in classify(text).zetten


def test_a_limit_with_an_offer_after_it_stays_a_pitfall():
    result = classify_step("Ik kan niet regelen dat zij de kinderen weer brengt, maar ik kan wel met haar bellen.")
    assert result.stap in PITFALLS


# -- 4. the group page and wiping read every session ------------------------------------------------------------------

def _stored(deelnemer: str, groep: str) -> int:
    data = record(0, deelnemer, groep, "goed", GOOD).data
    return records.add_record("rollenspel", data, status="goed")


@pytest.fixture
def crowded(monkeypatch):
    """Two sessions of the morning group, then more sessions of the afternoon group than the list shows."""
    monkeypatch.setattr(web_server, "SESSIONS_LISTED", 3)
    morning = [_stored("BT-01", "ochtend 7 dec"), _stored("BT-02", "ochtend 7 dec")]
    for number in range(3):
        _stored(f"MI-{number}", "middag 7 dec")
    server = _web(f"http://127.0.0.1:{free_port()}")
    yield server, morning
    server.shutdown()
    server.server_close()


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_the_group_page_shows_a_group_older_than_the_newest_sessions(crowded):
    server, _ = crowded
    status, _, html = request(server, "GET", "/trainer/groep?" + urllib.parse.urlencode({"groep": "ochtend 7 dec"}),
                              headers=AUTH)
    assert status == 200 and "BT-01" in html and "BT-02" in html and "Geen sessies gevonden" not in html
    status, _, csv = request(server, "GET", "/trainer/groep?" + urllib.parse.urlencode(
        {"groep": "ochtend 7 dec", "formaat": "csv"}), headers=AUTH)
    assert status == 200 and "BT-01" in csv and "BT-02" in csv


def test_the_list_says_it_shows_only_the_newest_and_an_older_session_can_be_wiped(crowded):
    server, morning = crowded
    status, _, html = request(server, "GET", "/trainer", headers=AUTH)
    assert status == 200 and "Hieronder de nieuwste 3 opgeslagen rollenspellen" in html
    assert "MI-0" in html and "BT-01" not in html
    status, _, html = request(server, "GET", f"/trainer/sessie/wissen?sessie={morning[0]}", headers=AUTH)
    # played outside a chat (no conversation): known by its own number, with whose session it is
    assert status == 200 and f"Rollenspel {morning[0]} van BT-01 wissen?" in html


# -- 5. wiping reminds of the exports ---------------------------------------------------------------------------------

def test_wiping_a_session_reminds_that_an_export_still_holds_it(crowded):
    server, morning = crowded
    status, _, html = request(server, "GET", f"/trainer/sessie/wissen?sessie={morning[1]}", headers=AUTH)
    assert status == 200 and WIPED_EXPORT_NOTE in html
    report = session_report(ForgottenSession(number=4, sessions=[4], emptied=3, in_chat=True))
    assert report.startswith("Rollenspelsessie 4 is gewist.") and report.endswith(WIPED_EXPORT_NOTE)


# -- 6. the tension peak of the group page ----------------------------------------------------------------------------

def test_a_rise_below_the_start_is_a_peak():
    assert peak_turn([6, 4, 6, 4, 2, 1, 0]) == 2
    assert peak_turn([5, 3, 5, 7, 5, 4, 3, 1]) == 3
    assert peak_turn([8, 7, 6]) is None  # never rose: no peak to name
    rose = record(1, "BT-02", "ochtend", "goed", [("erkennen", -2), ("redden", 2), ("erkennen", -2)])
    calm = record(2, "BT-01", "ochtend", "goed", GOOD)
    page = render_group_page([rose, calm], "ochtend")
    assert "<td>2,0</td>" in page
