"""User test s24 (a trainer with eight starters): no example twice in one debrief; a young session gets a last chance
before the persona walks out; advice gets a reply that answers advice; the trainers' page quotes the pitfall sentence
the debrief quotes and gives the tips in the form the trainee used."""
from __future__ import annotations

from types import SimpleNamespace

from bot import status
from bot.roleplay import catalog, feedback, pacing
from bot.roleplay.engine import MIN_TURNS_BAD_END, Engine, Move
from bot.roleplay.report import session_view
from bot.roleplay.session import _masked_state
from bot.web import trainer_page

ZETTEN = catalog.moves()
MOTHER = catalog.get_scenario("moeder-dochter-niet-gezien")
SCHOOL = "Heeft u al eens geprobeerd om gewoon bij haar school te wachten na de les?"
LETTER = "Zou het niet beter zijn als u haar gewoon een lange brief schrijft?"
CALL = "Ik ga uw dochter zelf bellen en zorg dat ze weer bij u komt."
HEARD = "Vier maanden, dat is zo lang. Wat een verdriet."


def engine_for(scenario, reads, seed=3):
    return Engine(scenario, classify=lambda text: reads[text], seed=seed)


def test_a_young_session_gets_a_last_chance_before_the_persona_walks_out():
    reads = {SCHOOL: Move("redden", 0.95), LETTER: Move("redden", 0.95), HEARD: Move("erkennen", 0.95)}
    engine = engine_for(MOTHER, reads)
    engine.step(SCHOOL)
    second = engine.step(LETTER)  # 6 -> 8 -> 10: before, the mother left here
    assert MIN_TURNS_BAD_END == 3
    assert second.ending is None and second.tension == 10
    assert second.turn.laatste_kans
    assert second.reply == MOTHER.einde.slecht.waarschuwing  # she says she is about to leave, in her own voice
    third = engine.step(HEARD)  # a step: she stays, and the tension falls
    assert third.ending is None and third.tension < 10


def test_a_bad_path_still_ends_badly_after_the_last_chance():
    reads = {SCHOOL: Move("redden", 0.95), LETTER: Move("redden", 0.95), CALL: Move("redden", 0.95)}
    engine = engine_for(MOTHER, reads)
    for text in (SCHOOL, LETTER):
        assert engine.step(text).ending is None
    last = engine.step(CALL)
    assert last.ending == status.BAD and last.reply == MOTHER.einde.slecht.slotzin
    assert [t.laatste_kans for t in engine.state.turns] == [False, True, False]


def test_every_scenario_warns_in_its_own_voice_and_its_pitfall_path_still_ends_badly():
    for scenario in catalog.scenarios():
        assert scenario.einde.slecht.waarschuwing, scenario.id
        moves = {p.tekst: p.zet for p in scenario.oefenpad + scenario.valkuilpad}
        engine = Engine(scenario, classify=moves.__getitem__, seed=0)
        for turn in scenario.valkuilpad:
            if engine.step(turn.tekst).ending:
                break
        assert engine.state.ending == status.BAD, scenario.id


def test_advice_gets_a_reply_that_answers_advice_not_one_for_an_offer_to_take_over():
    reads = {HEARD: Move("erkennen", 0.95), SCHOOL: Move("redden", 0.95)}
    for seed in range(12):
        engine = engine_for(MOTHER, {**reads, LETTER: Move("redden", 0.95)}, seed=seed)
        reply = engine.step(SCHOOL).reply
        assert pacing._ANSWERS_ADVICE.search(reply), (seed, reply)
        assert "regelen" not in reply


def test_an_offer_to_take_over_never_gets_a_reply_to_advice():
    for seed in range(12):
        engine = engine_for(MOTHER, {CALL: Move("redden", 0.95)}, seed=seed)
        assert not pacing._ANSWERS_ADVICE.search(engine.step(CALL).reply)


def test_advice_forms_are_read_as_advice():
    assert pacing.gives_advice(SCHOOL) and pacing.gives_advice(LETTER)
    assert pacing.gives_advice("U moet haar gewoon een kaartje sturen.")
    assert pacing.gives_advice("Misschien kunt u wat soepeler zijn met appen?")
    assert not pacing.gives_advice(CALL)
    assert not pacing.gives_advice("Wat heeft u zelf al geprobeerd?")
    assert not pacing.gives_advice("Kun je eens vertellen wat er gebeurde?")


def debrief_of(engine):
    return feedback.debrief(engine.scenario, engine.state, ZETTEN)


def test_the_same_example_is_never_given_twice_in_one_debrief():
    reads = {SCHOOL: Move("redden", 0.95), LETTER: Move("redden", 0.95), CALL: Move("redden", 0.95)}
    engine = engine_for(MOTHER, reads)
    for text in (SCHOOL, LETTER, CALL):
        engine.step(text)
    data = debrief_of(engine)
    text = feedback.debrief_text(data, ZETTEN)
    lines = [line for line in text.splitlines() if "Beter:" in line]
    assert len(lines) == 3
    quoted = [line.split("bijvoorbeeld", 1)[1] for line in lines if "bijvoorbeeld" in line]
    assert len(quoted) == len(set(quoted))  # no example twice
    examples = MOTHER.examples("erkennen")
    assert sum(text.count(example) for example in examples) <= len(examples)
    referred = [item for item in data["valkuilen"] if item["voorbeeld_bij"]]
    assert referred and all(item["voorbeeld_bij"] < item["beurt"] for item in referred)
    assert f"zoals in het voorbeeld bij beurt {referred[0]['voorbeeld_bij']}" in text
    # the trainers' page says the same
    view = session_view(SimpleNamespace(pk=1, data={"debrief": data, "titel": MOTHER.titel}, created_at=None,
                                        status="slecht", conversation_id=None, title=MOTHER.titel))
    page = str(trainer_page.render_session(SimpleNamespace(pk=1, data={"debrief": data, "titel": MOTHER.titel},
                                                           created_at=None, status="slecht", conversation_id=None,
                                                           title=MOTHER.titel)))
    assert view.debrief_rows is not None
    assert f"zoals in het voorbeeld bij beurt {referred[0]['voorbeeld_bij']}" in page
    assert sum(page.count(example) for example in examples) <= len(examples)


def test_the_trainers_page_quotes_the_pitfall_sentence_the_debrief_quotes():
    said = "Wat verdrietig voor u. Misschien moet u haar gewoon een kaartje sturen."
    sentence = "Misschien moet u haar gewoon een kaartje sturen."
    engine = engine_for(MOTHER, {said: Move("erkennen", 0.9, zetten=["erkennen", "redden"], valkuilzin=sentence)})
    engine.step(said)
    engine.stop()
    data = debrief_of(engine)
    assert f"\"{sentence}\"" in feedback.debrief_text(data, ZETTEN)
    record = SimpleNamespace(pk=2, data={"debrief": data, "state": _masked_state(engine.state.to_dict())},
                             created_at=None, status="gestopt", conversation_id=None, title=MOTHER.titel)
    page = str(trainer_page.render_session(record))
    assert "ook redden (valkuil): “Misschien moet u haar gewoon een kaartje sturen.” Beter" in page


def test_tips_follow_the_u_of_a_trainee_who_also_said_a_generic_je():
    turns = [SimpleNamespace(tekst="Vier maanden niets horen van je kind."), SimpleNamespace(tekst=SCHOOL)]
    assert feedback.says_u(SimpleNamespace(turns=turns))
    assert not feedback.says_u(SimpleNamespace(turns=[SimpleNamespace(tekst="Wat wil jij? Heb je het geprobeerd?"),
                                                      SimpleNamespace(tekst=SCHOOL)]))
    reads = {SCHOOL: Move("redden", 0.95), "Vier maanden niets horen van je kind.": Move("onduidelijk", 0.5)}
    engine = engine_for(MOTHER, reads)
    engine.step("Vier maanden niets horen van je kind.")
    engine.step(SCHOOL)
    engine.stop()
    tips = debrief_of(engine)["tips"]
    assert tips and not any("'Wat zou jij" in tip for tip in tips)
