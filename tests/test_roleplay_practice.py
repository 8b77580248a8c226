"""The practice loop: 'probeer opnieuw vanaf beurt N' (state restored exactly, both attempts in the
debrief), replies that depend on the persona's role, and pacing set per scenario."""
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import roleplay as actions
from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import catalog, pacing
from bot.roleplay.engine import Engine, RoleplayError
from bot.roleplay.models import Tempo
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.retry import retry_turn
from bot.roleplay.session import PracticeService

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")
SOURCE = Path(knowledge_dir()) / "scenarios" / "vader_kinderen_thuisgehouden.yml"


def by_move(text):
    return text  # in these engine tests the text is the move


# ------------------------------------------------------------------ rewind

def test_rewind_restores_the_state_before_turn_n_exactly():
    engine = Engine(FATHER, classify=by_move, seed=5)
    engine.step("erkennen")
    engine.step("erkennen")
    before_third = engine.state.to_dict()
    for move in ("inhoud", "redden", "oordelen"):  # 6 -> 7 -> 9 -> 10
        result = engine.step(move)
    assert result.ending == "slecht"  # he hung up
    assert engine.state.role == "aanklager"
    removed = engine.rewind(3)
    assert [t.zet for t in removed] == ["inhoud", "redden", "oordelen"]
    assert engine.state.to_dict() == before_third
    # and play on from there with another sentence: the same turn number, a fresh outcome
    again = engine.step("erkennen")
    assert again.turn.nr == 3 and again.ending is None and again.turn.spanning_voor == before_third["tension"]


def test_rewind_to_the_first_turn_gives_the_opening_state():
    engine = Engine(FATHER, classify=by_move, seed=5)
    start = engine.state.to_dict()
    engine.step("redden")
    engine.rewind(1)
    assert engine.state.to_dict() == start


@pytest.mark.parametrize("number", [0, 3, -1])
def test_rewind_to_a_turn_that_does_not_exist_is_a_dutch_error(number):
    engine = Engine(FATHER, classify=by_move, seed=5)
    engine.step("erkennen")
    engine.step("visie")
    with pytest.raises(RoleplayError, match="Beurt .* bestaat niet; kies een beurt van 1 tot en met 2"):
        engine.rewind(number)


def test_retry_command_words():
    assert retry_turn("Probeer opnieuw vanaf beurt 3") == 3
    assert retry_turn("probeer het opnieuw vanaf beurt 2!") == 2
    assert retry_turn("terug naar beurt 4") == 4
    assert retry_turn("probeer beurt 2 opnieuw") == 2
    assert retry_turn("Ik probeer opnieuw contact met haar te krijgen") is None
    assert retry_turn("beurt") is None
    # a number in words (a user test: 'opnieuw vanaf beurt twee' was played as a turn and lowered the tension)
    assert retry_turn("opnieuw vanaf beurt twee") == 2 and retry_turn("probeer beurt vier opnieuw") == 4
    assert retry_turn("terug naar beurt kaas") is None


def scripted_service():
    lookup = {p.tekst: p.zet for s in catalog.scenarios() for p in s.oefenpad + s.valkuilpad}
    step = lambda text: SimpleNamespace(stap=lookup.get(text, "geen"), zekerheid=1.0, kenmerken=[])  # noqa: E731
    return PracticeService(classify=MoveClassifier(step_classifier=step))


def test_session_retry_after_hanging_up_and_the_debrief_shows_both_attempts():
    service = scripted_service()
    session = service.start(FATHER.id, deelnemer="Anna", groep="Groep A", seed=1)
    good = [p.tekst for p in FATHER.oefenpad]
    service.play(session, good[0])
    before = service.load(session)["state"]
    bad = [FATHER.valkuilpad[0].tekst, FATHER.valkuilpad[2].tekst]  # inhoud, then a judgement: he hangs up
    results = [service.play(session, text) for text in bad]
    assert results[-1].einde == "slecht" and service.load(session)["status"] == "slecht"

    finished = service.load(session)
    retry = service.play(session, "probeer opnieuw vanaf beurt 2")
    assert retry.soort == "opnieuw" and "terug naar vlak voor beurt 2" in retry.tekst
    assert retry.payload["soort"] == "rollenspel_opnieuw" and retry.payload["spanning"] == before["tension"]
    # a user test: retrying after the end turned a finished session into "nog bezig" in the trainer's overview;
    # the finished session keeps its outcome, the new attempt is a session of its own from that point on
    assert service.load(session) == finished and f"bewaard als sessie {session}" in retry.tekst
    attempt = retry.payload["sessie"]
    stored = service.load(attempt)
    assert attempt != session and stored["state"] == before and stored["status"] == "bezig"
    assert stored["deelnemer"] == "Anna" and stored["groep"] == "Groep A" and stored["vervolg_van"] == session

    for text in good[1:]:
        result = service.play(attempt, text)
    assert result.einde == "goed"
    attempts = result.debrief["pogingen"]
    assert len(attempts) == 1 and attempts[0]["vanaf_beurt"] == 2 and attempts[0]["einde_eerst"] == "slecht"
    assert [t["tekst"] for t in attempts[0]["eerst"]] == bad
    assert [t["tekst"] for t in attempts[0]["daarna"]] == good[1:]
    assert "Opnieuw geprobeerd:" in result.debrief_tekst
    assert f'"{bad[1]}"' in result.debrief_tekst and good[1] in result.debrief_tekst
    # the trainer's transcript ('rustpunt sessies toon') shows both attempts too
    from bot.roleplay.report import transcript_text
    text = transcript_text(service.load(attempt), catalog.moves())
    assert "Opnieuw geprobeerd:" in text and bad[1] in text
    assert service.load(session)["status"] == "slecht" and service.load(attempt)["status"] == "goed"


def test_retry_of_a_turn_that_was_not_played_keeps_the_session():
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    service.play(session, FATHER.oefenpad[0].tekst)
    result = service.play(session, "probeer opnieuw vanaf beurt 5")
    assert result.soort == "fout" and "Beurt 5 bestaat niet" in result.tekst
    assert len(service.load(session)["state"]["turns"]) == 1


async def test_chat_action_retries_the_last_session_of_this_conversation():
    service = scripted_service()
    actions.set_service(service)
    try:
        session = service.start(FATHER.id, conversation_id="gesprek-9", seed=1)
        for text in [FATHER.oefenpad[0].tekst, FATHER.valkuilpad[0].tekst, FATHER.valkuilpad[2].tekst]:
            service.play(session, text)
        service.finish(session)
        latest = {"text": "probeer opnieuw vanaf beurt 2", "intent": {"name": "rollenspel_opnieuw"},
                  "entities": [{"entity": "beurt", "value": "2"}]}
        tracker = Tracker(sender_id="gesprek-9", slots={}, latest_message=latest, events=[], paused=False,
                          followup_action=None, active_loop={}, latest_action_name="action_listen")
        dispatcher = CollectingDispatcher()
        events = await actions.ActionRollenspelOpnieuw().run(dispatcher, tracker, {})
        attempt = dispatcher.messages[1]["custom"]["sessie"]  # the finished session keeps its outcome
        assert attempt != session and {e["name"]: e["value"] for e in events} == {
            "rollenspel_scenario": FATHER.id, "rollenspel_beurt": None, "rollenspel_sessie": str(attempt)}
        assert dispatcher.messages[0]["text"].startswith("We gaan terug naar vlak voor beurt 2.")
        assert dispatcher.messages[1]["custom"]["soort"] == "rollenspel_opnieuw"
        assert len(service.load(attempt)["state"]["turns"]) == 1
        assert len(service.load(session)["state"]["turns"]) == 3 and service.load(session)["status"] == "slecht"
        # the form then resumes that session instead of starting another one
        form_tracker = Tracker(sender_id="gesprek-9", slots={"rollenspel_sessie": str(attempt),
                               "rollenspel_scenario": FATHER.id, "requested_slot": None},
                               latest_message=latest, paused=False, followup_action=None,
                               events=[{"event": "slot", "name": "rollenspel_scenario", "value": FATHER.id}],
                               active_loop={"name": "rollenspel_form"}, latest_action_name="action_rollenspel_opnieuw")
        dispatcher = CollectingDispatcher()
        domain = {"forms": {"rollenspel_form": {"required_slots": ["rollenspel_scenario", "rollenspel_beurt"]}},
                  "slots": {"rollenspel_scenario": {"type": "text", "mappings": [{"type": "from_text"}]},
                            "rollenspel_beurt": {"type": "text", "mappings": [{"type": "from_text"}]},
                            "rollenspel_sessie": {"type": "text", "mappings": [{"type": "custom"}]}}}
        events = await actions.ValidateRollenspelForm().run(dispatcher, form_tracker, domain)
        assert dispatcher.messages == []
        assert len(service.load(attempt)["state"]["turns"]) == 1  # same session, still one turn
        from bot.roleplay.session import list_sessions
        assert len(list_sessions()) == 2
        # without any session in this conversation: a clear message
        empty = Tracker(sender_id="ander-gesprek", slots={}, latest_message=latest, events=[], paused=False,
                        followup_action=None, active_loop={}, latest_action_name="action_listen")
        dispatcher = CollectingDispatcher()
        await actions.ActionRollenspelOpnieuw().run(dispatcher, empty, {})
        assert dispatcher.messages[0]["text"] == actions.TEXTS.text("opnieuw_geen_sessie")
    finally:
        actions.set_service(None)


# ------------------------------------------------------------------ role-dependent replies

def test_the_same_move_and_tension_sound_different_per_role():
    victim = pacing.reply_variants(FATHER, "slachtoffer", "erkennen", 9)
    accuser = pacing.reply_variants(FATHER, "aanklager", "erkennen", 9)
    assert victim and accuser and not set(victim) & set(accuser)
    assert victim == FATHER.rolantwoorden["slachtoffer"].erkennen.hoog
    # a role or band without own lines falls back to the general lines
    assert pacing.reply_variants(FATHER, "redder", "erkennen", 9) == FATHER.antwoorden.erkennen.hoog
    assert pacing.reply_variants(FATHER, "aanklager", "behoefte", 9) == FATHER.antwoorden.behoefte.hoog


def test_engine_reply_follows_the_role_after_the_turn():
    engine = Engine(FATHER, classify=by_move, seed=2)
    for move in ("erkennen", "erkennen", "oordelen"):  # 7, 6, then 9: judged, he accuses
        engine.step(move)
    said_before = [turn.antwoord for turn in engine.state.turns]
    result = engine.step("erkennen")  # 9 -> 8, still an Aanklager
    assert result.role == "aanklager"
    own = [line for line in pacing.fitting_replies(FATHER.rolantwoorden["aanklager"].erkennen.hoog, "erkennen", FATHER,
                                                   "aanklager") if line not in said_before
           and pacing.fits_turn(line, "erkennen", calmer=True)]
    # the Aanklager's own line, unless each was said already or does not fit ("Boos? ..." echoes a word not said; "Ga
    # me niet vertellen hoe ik me voel" after an acknowledgement that calmed him): then a fitting line of the band, or
    # the band next to it, not said before (no line twice in a session while another fits)
    assert result.reply in (own or FATHER.antwoorden.erkennen.hoog + FATHER.antwoorden.erkennen.midden)
    assert result.reply not in said_before
    engine = Engine(FATHER, classify=by_move, seed=2)
    engine.step("erkennen")  # 8 -> 7, still accusing
    result = engine.step("erkennen")  # 7 -> 6, a Slachtoffer: same move, another voice
    assert result.role == "slachtoffer" and result.reply in FATHER.rolantwoorden["slachtoffer"].erkennen.midden


# ------------------------------------------------------------------ pacing

def test_the_furious_father_is_not_calm_after_one_acknowledging_sentence():
    engine = Engine(FATHER, classify=by_move, seed=0)
    first = engine.step("erkennen")
    assert first.tension == FATHER.spanning.start - 1
    assert "Dank je" not in first.reply
    for move in ("visie", "erkennen", "dynamiek", "behoefte"):
        result = engine.step(move)
    # five good turns later he is calmer, but not calm, and the conversation has not ended
    assert result.ending is None and result.tension > FATHER.spanning.goed_einde_tot


def test_rushing_to_options_meets_resistance():
    engine = Engine(FATHER, classify=by_move, seed=0)
    engine.step("erkennen")  # 7
    result = engine.step("opties")  # before behoefte: too early
    assert result.turn.weerstand and result.tension == 7 + max(
        FATHER.tempo.weerstand, FATHER.effecten.delta("opties", 7)
    )
    assert result.ending is None and result.reply in FATHER.tempo.weerstand_antwoorden
    # in a calm band options would lower the tension, but too early they raise it
    calm = FATHER.copy(update={"spanning": FATHER.spanning.copy(update={"start": 3})})
    engine = Engine(calm, classify=by_move, seed=0)
    early = engine.step("opties")
    assert early.turn.weerstand and early.tension == 3 + FATHER.tempo.weerstand
    # after erkennen and behoefte, options are welcome
    engine = Engine(FATHER, classify=by_move, seed=0)
    for move in ("erkennen", "behoefte"):
        engine.step(move)
    assert not engine.step("opties").turn.weerstand


def test_an_acknowledgement_beside_another_move_counts_before_options():
    from bot.roleplay.engine import Move

    queue = [Move("behoefte", 0.9, zetten=["behoefte", "erkennen"]), Move("opties", 0.9)]
    engine = Engine(FATHER, classify=lambda text: queue.pop(0), seed=0)
    engine.step("Wat een rotweekend, ik hoor het. Wat heb je eigenlijk nodig?")  # acknowledged, then asked
    assert not engine.step("Wat zou je zelf kunnen doen?").turn.weerstand  # the same steps as for a good ending


def test_no_good_ending_before_the_minimum_number_of_turns():
    quick = FATHER.copy(update={"tempo": Tempo(max_daling=5, min_beurten=5, opties_pas_na=[])})
    moves = ["erkennen", "erkennen", "behoefte", "opties"]  # calm enough after 3 turns with max_daling 5
    engine = Engine(quick, classify=by_move, seed=0)
    results = [engine.step(m) for m in moves]
    assert results[-1].ending is None and engine.state.tension <= quick.spanning.goed_einde_tot
    assert engine.step("opties").ending == "goed"  # turn 5
    without = FATHER.copy(update={"tempo": Tempo(max_daling=5, min_beurten=1, opties_pas_na=[])})
    engine = Engine(without, classify=by_move, seed=0)
    assert [engine.step(m).ending for m in moves][-1] == "goed"


def test_by_default_a_talk_ends_well_no_sooner_than_one_turn_per_step():
    other = KNOWLEDGE.get("scenario", "ouder-wil-partij")  # no tempo of its own: the defaults
    engine = Engine(other, classify=by_move, seed=0)
    early = [engine.step(m).ending for m in ("erkennen", "visie", "behoefte", "realiteit", "opties")]
    assert early == [None] * 5 and engine.state.tension <= other.spanning.goed_einde_tot  # calm, but only 5 turns
    assert engine.step("opties").ending == "goed"  # the sixth turn


def test_defaults_apply_when_a_scenario_has_no_tempo():
    other = KNOWLEDGE.get("scenario", "ouder-wil-partij")
    assert other.tempo == Tempo()
    assert (other.tempo.max_daling, other.tempo.min_beurten, other.tempo.opties_pas_na) == (2, 6, ["erkennen"])


def check_file(tmp_path, capsys, change):
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    item = data["items"][0]
    item["id"] = "kapot"
    change(item)
    path = tmp_path / "kapot.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code = main(["scenario", "controleer", str(path)])
    return code, capsys.readouterr().out


def test_bad_tempo_and_role_lines_are_named_with_file_entry_and_field(tmp_path, capsys):
    def change(item):
        item["tempo"]["max_daling"] = 9
        item["tempo"]["opties_pas_na"] = ["bestaat_niet"]
        item["rolantwoorden"]["boze_buurman"] = {"erkennen": {"hoog": ["Hallo"]}}

    code, out = check_file(tmp_path, capsys, change)
    assert code == 1
    assert "kapot.yml" in out and "item 'kapot'" in out
    assert "veld 'tempo.max_daling'" in out
    assert "veld 'tempo.opties_pas_na'" in out and "onbekende stap 'bestaat_niet'" in out
    assert "veld 'rolantwoorden'" in out and "onbekende rol: boze_buurman" in out

    def duplicate(item):
        item["rolantwoorden"]["aanklager"]["redden"] = {"hoog": ["Twee keer", "Twee keer"]}
        item["rolantwoorden"]["slachtoffer"]["visie"] = {}

    code, out = check_file(tmp_path, capsys, duplicate)
    assert code == 1
    assert "veld 'rolantwoorden.aanklager.redden.hoog'" in out and "twee keer dezelfde variant" in out
    assert "veld 'rolantwoorden.slachtoffer.visie.hoog'" in out and "geef minstens één zin" in out


def test_a_step_line_of_the_path_that_reads_as_a_pitfall_gets_a_warning(tmp_path, capsys):
    # a user test: an 'opties' line that rescues passed the check and became the hint's example
    def change(item):
        item["nummer"] = 99
        item["titel"] = "Een kopie met een reddende zin"
        item["oefenpad"][-1]["tekst"] = "Ik bel uw ex vandaag nog en regel dat voor u, dan is het geregeld."

    code, out = check_file(tmp_path, capsys, change)
    assert code == 0 and "is in orde" in out, out  # a warning, not an error: the trainer decides
    last = len(yaml.safe_load(SOURCE.read_text(encoding="utf-8"))["items"][0]["oefenpad"])
    assert f"Let op: kapot.yml, item 'kapot', oefenpad beurt {last} ('Ik bel uw ex" in out and "valkuil redden" in out
    code, out = check_file(tmp_path, capsys, lambda item: item.update(nummer=99, titel="Een kopie"))
    assert code == 0 and "Let op" not in out  # the shipped path reads as meant


def test_pacing_that_makes_the_good_path_impossible_is_reported(tmp_path, capsys):
    def change(item):
        item["tempo"]["min_beurten"] = 20

    code, out = check_file(tmp_path, capsys, change)
    assert code == 1 and "veld 'oefenpad'" in out and "eindigt niet goed" in out


@pytest.mark.parametrize("text", ["wis dit gesprek", "vergeet mij", "verwijder mijn gegevens alsjeblieft"])
def test_a_request_to_forget_during_a_role_play_is_explained_and_is_no_turn(text):
    # a user test: mid role-play these were read as turns ("Onduidelijke zet") and the tension rose each time
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    service.play(session, FATHER.oefenpad[0].tekst)
    before = service.load(session)["state"]
    result = service.play(session, text)
    assert result.soort == "uitleg" and "'Wis dit gesprek'" in result.tekst and result.payload is None
    assert service.load(session)["state"] == before


def test_taking_back_what_one_said_to_the_persona_is_a_turn():
    service = scripted_service()
    session = service.start(FATHER.id, seed=1)
    result = service.play(session, "Sorry, vergeet alles wat ik net zei, dat was niet handig van me.")
    assert result.soort == "beurt" and len(service.load(session)["state"]["turns"]) == 1
