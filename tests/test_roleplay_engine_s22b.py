"""Second user test of session 22 (trainees in the role-play, outside the reading of turns): a string of closed
questions is an interrogation whatever it is read as; after the list of scenarios a number or a title word chooses
one; the hint closes a talk in which the other chose an option, and asking on about options closes it; the feedback
so far, the earlier attempts and the live label name the pitfall beside a step; persona replies fit the kind of turn;
the trainers' page shows no internal data, no tips without turns and does not count a forgiven read."""
from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from bot import status
from bot.roleplay import catalog, feedback, pacing, retry
from bot.roleplay.engine import NO_WORDS, Engine, Move, RoleplayError
from bot.roleplay.report import session_view
from bot.roleplay.session import PracticeService
from bot.web import trainer_page

ZETTEN = catalog.moves()
MDO = catalog.get_scenario("mdo-moeder-dochter-ruzie")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")
PARTY = catalog.get_scenario("ouder-wil-partij")
CLOSED = ("oke. mag je bij papa dan ook doordeweeks weg? en moet je bij mama om tien uur thuis zijn? en praten papa "
          "en mama daar wel eens samen over?")


def reads(table, default="erkennen"):
    """A classifier that reads each text as the table says (a move id or a Move)."""
    def classify(text, **_):
        found = table.get(text, default)
        return found if isinstance(found, Move) else Move(zet=found, zekerheid=0.9)
    return classify


# -- 1. a string of closed questions is an interrogation, whatever it is read as ------------------------------------

def test_closed_questions_read_as_a_pitfall_are_answered_as_an_interrogation_with_its_tip():
    for seed in range(6):
        engine = Engine(MDO, classify=reads({CLOSED: "redden"}), seed=seed)
        engine.step("ho even, ik hoor jullie allebei. dat is voor allebei best zwaar zeg")
        result = engine.step(CLOSED)
        assert result.turn.verhoor and result.tension >= result.turn.spanning_voor
        assert "zelfs zij zegt dat het mag" not in result.reply
        assert result.reply in pacing.reply_lines(MDO, result.turn.rol, "dynamiek", 8, CLOSED)
    service = PracticeService(classify=reads({CLOSED: "redden"}))
    session = service.start(MDO.id, seed=0)
    service.play(session, "ho even, ik hoor jullie allebei. dat is voor allebei best zwaar zeg")
    tip = service.play(session, CLOSED).payload["tip"]
    assert "verhoor" in tip and "liep daarom op" in tip  # the pitfall read raised it: the tip says so


# -- 2. after the list of scenarios, a number or a title word chooses one -------------------------------------------

def test_after_the_list_a_number_or_a_title_word_chooses_the_scenario():
    for answer in ("doe maar de mdo dan, nummer 2", "2", "de mdo"):
        service = PracticeService(classify=reads({}))
        session = service.start(PARTY.id, seed=1)
        listed = service.play(session, "hmm ik wil liever een ander scenario")
        assert listed.soort == "uitleg" and "'2'" in listed.tekst
        result = service.play(session, answer)
        assert result.soort == "wissel" and result.payload["scenario"] == MDO.id, answer
        assert service.load(session)["status"] == status.STOPPED


def test_without_the_list_or_after_a_turn_a_number_is_no_choice():
    service = PracticeService(classify=reads({}))
    session = service.start(PARTY.id, seed=1)
    assert service.play(session, "2").tekst == NO_WORDS  # no list shown: as before
    service.play(session, "ik wil liever een ander scenario")
    assert service.play(session, "ik zie dat u er veel werk van heeft gemaakt").soort == "beurt"
    assert service.play(session, "2").tekst == NO_WORDS  # the turn after the list ended the choice
    assert service.play(session, "u bent er klaar mee, de mdo zou ik zeggen").soort == "beurt"


# -- 3. a talk in which the other chose an option closes ------------------------------------------------------------

def _father_at_the_options(options_turns, tension=6):
    """Every step taken, the father still at ``tension`` (the user test: at 6 after naming the reality), then options
    questions."""
    table = {"e": "erkennen", "v": "visie", "d": "dynamiek", "b": "behoefte", "r": "realiteit", "o": "opties"}
    engine = Engine(FATHER, classify=lambda text, **_: Move(zet=table[text[0]], zekerheid=0.9), seed=3)
    for text in ["e1", "e2", "v", "d", "b", "r"]:
        engine.step(text)
    engine.state.tension = tension
    for n in range(options_turns):
        if engine.step(f"o{n}").ending:
            break
    return engine


def test_asking_on_about_options_keeps_calming_once_every_step_was_taken():
    engine = _father_at_the_options(4)
    options = [t for t in engine.state.turns if t.zet == "opties"]
    assert len(options) == 3 and not any(t.herhaling for t in options)  # 6 -> 5 -> 4 -> 3, not held at 4
    assert engine.state.ending == status.GOOD


def test_the_hint_closes_the_talk_when_the_other_chose_an_option():
    engine = _father_at_the_options(1)
    assert not engine.state.ending
    hint = feedback.hint(FATHER, engine.state, ZETTEN)
    text = feedback.hint_text(FATHER, engine.state, ZETTEN)
    assert hint["stap"] == feedback.CLOSING and "rond het gesprek af" in text and "Opties verkennen" not in text
    engine = Engine(FATHER, classify=lambda text, **_: Move(zet="erkennen", zekerheid=0.9), seed=3)
    engine.step("erkennen")
    assert feedback.hint(FATHER, engine.state, ZETTEN)["stap"] != feedback.CLOSING  # steps still to take


# -- 4. the pitfall beside a step is named everywhere ------------------------------------------------------------

def _step_with_pitfall_after_pitfall():
    pitfall_beside = Move(zet="erkennen", zekerheid=0.9, zetten=["erkennen", "inhoud"],
                          valkuilzin="en dan krijgt u op vrijdagavond zo'n appje.")
    engine = Engine(FATHER, classify=reads({"r": "redden", "e": pitfall_beside}), seed=0)
    engine.step("r")
    engine.step("e")
    return engine


def test_the_feedback_so_far_names_the_pitfall_beside_a_recovering_step():
    engine = _step_with_pitfall_after_pitfall()
    turn = engine.state.turns[-1]
    assert turn.herstel
    line = feedback.turn_line(turn, ZETTEN, child=False, turns=engine.state.turns)
    assert "Erkennen + de inhoud in (valkuil)" in line and "Er zat ook een valkuil in (de inhoud in)" in line
    assert "zo'n appje" in line


def test_earlier_attempts_name_the_pitfall_beside_a_step_with_the_arrow():
    engine = _step_with_pitfall_after_pitfall()
    removed = engine.rewind(2)
    attempt = retry.attempt_record(2, removed, None)
    text = retry.attempts_text(retry.attempts_for_debrief({"pogingen": [attempt]}, []), ZETTEN)
    turn = removed[-1]
    assert f"(Erkennen + de inhoud in (valkuil), spanning {turn.spanning_voor} → {turn.spanning_na})" in text
    assert "->" not in text


def test_the_live_label_names_every_move_the_debrief_names():
    turn = {"nr": 1, "zet": "redden", "zetten": ["redden", "dynamiek"], "signalen": [], "onzeker": False}
    label = feedback.turn_label(turn, ZETTEN)
    read = feedback.read_label(feedback.turn_read(turn), feedback.move_names(ZETTEN))
    assert label == "Redden (valkuil) + dynamiek onderzoeken" and label.lower().replace(" (valkuil)", "") == read
    form = next(iter(feedback.move_names(ZETTEN)[key] for key in feedback.move_names(ZETTEN) if key not in ZETTEN))
    assert "(valkuil: een vorm van" in form


# -- 5. persona replies fit the kind of turn ---------------------------------------------------------------------

SIDING = ("nou eerlijk is eerlijk, als zij de jongens elke keer op het laatste moment thuishoudt dan is dat ook niet "
          "zo netjes van haar hoor. daar zou ik zelf ook knetter boos om worden")


def test_siding_with_the_father_is_not_waved_away():
    assert pacing.sides(SIDING) and not pacing.sides("hoe gaat dat meestal als zij zo'n berichtje stuurt?")
    for seed in range(8):
        engine = Engine(FATHER, classify=reads({SIDING: "inhoud"}), seed=seed)
        engine.state.role = "aanklager"
        result = engine.step(SIDING)
        assert "doet er niet toe" not in result.reply and "twijfelen" not in result.reply, seed


def test_a_refrain_is_not_said_twice_in_a_row():
    assert pacing.same_refrain("Wat doet het ertoe hoe het ging? Ze houdt ze thuis, punt!",
                               "Dat doet er niet toe! Zij houdt ze thuis en dat is gewoon tegen de afspraak!")
    lines = pacing.reply_lines(FATHER, "aanklager", "dynamiek", 9, "hoe gaat dat meestal?",
                               last="Dat doet er niet toe! Zij houdt ze thuis en dat is gewoon tegen de afspraak!")
    assert lines and not any("ertoe" in line for line in lines)


def test_reassurance_is_no_offer_and_a_calming_acknowledgement_is_not_refused():
    reassurance = "nou, het komt vast allemaal wel goed hoor. volgend weekend zijn ze er weer gewoon"
    lines = pacing.reply_lines(FATHER, "aanklager", "redden", 10, reassurance)
    assert "Nu ineens wel? Waar waren jullie de vorige keer?" not in lines
    told = "u heeft het gevoel dat u er steeds alleen voor staat, dat doet gewoon pijn he"
    calmed = pacing.reply_lines(FATHER, "aanklager", "erkennen", 8, told, calmer=True)
    assert calmed and not any("vertellen hoe ik me voel" in line for line in calmed)


# -- 6. the trainers' page -------------------------------------------------------------------------------------

def _record(engine, scenario, pk=7):
    data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": "Anna", "groep": "najaar",
            "state": engine.state.to_dict(), "debrief": feedback.debrief(scenario, engine.state, ZETTEN),
            "scenariolijst_getoond": True}
    return SimpleNamespace(pk=pk, data=data, status=engine.state.ending, created_at=datetime(2026, 12, 7, 10, 0),
                           conversation_id=None, title=scenario.titel)


def test_a_stopped_session_without_turns_shows_no_internal_data_and_no_tips():
    engine = Engine(PARTY, classify=reads({}), seed=433151)
    engine.stop()
    assert feedback.debrief(PARTY, engine.state, ZETTEN).get("tips") in (None, [])
    view = session_view(_record(engine, PARTY))
    assert not view.rest
    html = trainer_page.sessions_page([_record(engine, PARTY)])
    for internal in ("Overige gegevens", "Seed", "433151", "Tension", "Last reply", "Scenariolijst"):
        assert internal not in html, internal


def test_a_forgiven_read_is_not_counted_per_move():
    unsure = Move(zet="oordelen", zekerheid=0.45, zetten=["oordelen", "realiteit"])
    engine = Engine(PARTY, classify=reads({"x": unsure}), seed=1)
    engine.step("x")
    engine.stop()
    assert engine.state.turns[0].onzeker
    counts = feedback.debrief(PARTY, engine.state, ZETTEN)["aantal_per_zet"]
    assert "oordelen" not in counts and counts.get("realiteit") == 1
    record = _record(engine, PARTY)
    record.data["debrief"]["aantal_per_zet"] = {"oordelen": 1, "realiteit": 1}  # stored before this fix
    rows = {row.key: row for row in session_view(record).debrief_rows}
    assert not any("Oordelen" in str(name) for name in rows["aantal_per_zet"].value)


def test_the_engine_counts_a_filler_after_a_feeling_as_no_turn():
    engine = Engine(FATHER, classify=lambda text, **_: Move(zet="erkennen", zekerheid=0.9), seed=0)
    engine.step("Ik hoor hoe woedend u bent.")
    try:
        engine.step("hmm")
    except RoleplayError as error:
        assert "'hmm'" in str(error)
    else:
        raise AssertionError("hmm was played as a turn")
