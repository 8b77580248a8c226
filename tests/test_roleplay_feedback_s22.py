"""User test s22 of the role-play's replies, hints and debrief (trainees and a trainer in the web chat): an example
after "Beter:" is a sentence for this persona, never a tip; tips and warnings fit what was said and to whom; the
repetition rule counts and suggests another step, and the debrief names it; the live label of a doubtful read is the
debrief's; a good talk has nothing to improve; a string of closed questions is an interrogation; a persona line that
takes up a word follows only a turn that said it; transcripts, CSV files and the scenario check for trainers."""
from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import yaml

from bot import cli
from bot.roleplay import catalog, feedback, pacing
from bot.roleplay.engine import Engine, Move
from bot.roleplay.report import read_csv, session_view, transcript_text, write_csv
from bot.roleplay.session import PracticeService
from bot.web import trainer_page

ZETTEN = catalog.moves()
CHILD = catalog.get_scenario("kind-wil-niet-naar-vader")
MOTHER = catalog.get_scenario("moeder-dochter-niet-gezien")
MEETING = catalog.get_scenario("mdo-moeder-dochter-ruzie")
BREAKING_OFF = catalog.get_scenario("vader-contact-verbreken")
FATHER = catalog.get_scenario("vader-kinderen-thuisgehouden")
TIPS = {text for zet in ZETTEN.values() for text in (zet.tip, zet.tip_u, zet.tip_kind) if text}
MESSENGER = "het kind berichten tussen de ouders laten overbrengen"  # a signal of the form kind-in-het-midden


def play(scenario, turns, seed=2, stop=True):
    """Play (text, Move) turns through the engine; returns the engine."""
    lookup = dict(turns)
    engine = Engine(scenario, classify=lambda text: lookup[text], seed=seed)
    for text, _ in turns:
        if engine.step(text).ending:
            break
    if stop and not engine.state.ending:
        engine.stop()
    return engine


def debrief(scenario, turns, **kwargs):
    engine = play(scenario, turns, **kwargs)
    data = feedback.debrief(scenario, engine.state, ZETTEN)
    return data, feedback.debrief_text(data, ZETTEN)


# -- 1. an example is a sentence for this persona, not a tip -----------------------------------------------------------

def test_every_better_example_is_a_sentence_of_the_scenario_never_a_tip():
    all_given = [line.tekst for line in CHILD.oefenpad + CHILD.valkuilpad]  # every sentence was an example already
    turn = SimpleNamespace(tekst="Je moet je vader echt een kans geven.", valkuilzin=None, spanning_voor=4)
    for pitfall in ("oordelen", "inhoud", "redden"):
        for done in ([], ["erkennen"], ["erkennen", "dynamiek", "behoefte"]):
            step, _, shown = feedback._better(CHILD, ZETTEN, pitfall, turn, done, [pitfall], False, all_given)
            assert shown not in TIPS and shown in CHILD.examples(step), (pitfall, done, shown)
    turns = []
    for n in range(1, 5):  # pitfalls between acknowledgements: more pitfalls than sentences for the better steps
        turns += [(f"Dat is ook niet zo slim van je, nummer {n}.", Move(zet="oordelen")),
                  (f"Wat vervelend voor je, echt, nummer {n}.", Move(zet="erkennen"))]
    data, text = debrief(MOTHER, turns)
    assert len(data["valkuilen"]) >= 2
    for item in data["valkuilen"]:
        assert item["voorbeeld"] not in TIPS and item["voorbeeld"] in MOTHER.examples(item["beter"]), item
    assert "Begin bij hoge spanning met erkennen" not in text and "Vraag 'Wat is er zo belangrijk" not in text


def test_a_hint_example_for_a_child_promises_nothing():
    promise = re.compile(r"\b(?:wij|we|ik) (?:gaan|ga|zal|zullen|zorgen|zorg)\b[^.?!]*\b(?:helpen|regelen|zorgen|"
                         r"oplossen)\b|\bbeloof", re.IGNORECASE)
    for scenario in catalog.scenarios():
        if not scenario.persona.is_child:
            continue
        for line in scenario.oefenpad:
            assert not promise.search(line.tekst), (scenario.id, line.tekst)
    engine = Engine(CHILD, classify=lambda text: Move(zet="erkennen"), seed=0)
    hints = {feedback.hint(CHILD, engine.state, ZETTEN)["voorbeeld"]}
    for number in range(6):
        engine.state.turns = []
        hints.add(feedback.example(CHILD, "visie", ZETTEN, index=number))
    assert not any("helpen dat het rustiger wordt" in hint for hint in hints)


def test_the_tip_about_the_content_also_fits_a_turn_that_took_sides_without_facts():
    turns = [("Ik hoor hoe verdrietig u bent.", Move(zet="erkennen")),
             ("Daar zou ik ook boos om worden, eerlijk gezegd, dat is niet netjes van haar vader.",
              Move(zet="inhoud"))]
    data, _ = debrief(MOTHER, turns)
    tip = next(tip for tip in data["tips"] if "Wat doet dit met" in tip)
    assert "wie er gelijk heeft" in tip and not tip.startswith("Merk je dat je over feiten praat")


def test_the_warning_about_the_child_in_the_middle_fits_whom_the_trainee_spoke_to():
    to_mother = [("Misschien kan ze zelf aan haar vader vragen of ze een weekend bij u mag komen.",
                  Move(zet="redden", zekerheid=0.95, signalen=[MESSENGER]))]
    data, text = debrief(MOTHER, to_mother)
    [item] = data["valkuilen"]
    assert "Zeg het kind liever" not in item["waarschuwing"] and "Vraag de ouder" in item["waarschuwing"]
    assert "Zeg het kind liever" not in text
    to_child = [("Kun jij aan papa vragen of je vrijdag later mag komen?",
                 Move(zet="redden", zekerheid=0.95, signalen=[MESSENGER]))]
    data, _ = debrief(CHILD, to_child)
    assert "Zeg het kind liever" in data["valkuilen"][0]["waarschuwing"]
    engine = play(MOTHER, to_mother, stop=False)
    assert "Zeg het kind liever" not in feedback.feedback_text(MOTHER, engine.state, ZETTEN)


# -- 2. the same step three times in a row ---------------------------------------------------------------------------

def test_the_repetition_tip_counts_the_turns_and_suggests_another_step():
    service = PracticeService(classify=lambda text, **_: Move("dynamiek", 0.95))
    session = service.start(MOTHER.id, seed=1)
    service.play(session, "Ik hoor hoeveel verdriet dit u doet.")  # read as dynamiek, like every turn here
    results = [service.play(session, f"Hoe ging het toen, de {n}e keer dat ze niet reageerde?") for n in range(1, 4)]
    tips = [r.payload.get("tip") for r in results]
    assert tips[0] is None or "derde" in tips[0]
    third, fourth = tips[1], tips[2]
    assert third and "derde keer op rij" in third and "vierde keer op rij" in fourth
    for tip in (third, fourth):
        assert "hoe het precies ging" not in tip  # that is the step just repeated
        assert "wat hij of zij echt wil" in tip or "niet gaat veranderen" in tip


def test_the_debrief_names_the_repetition_as_the_readme_says():
    turns = [(f"Wat een verdriet, dat hoor ik, echt ({n}).", Move(zet="erkennen")) for n in range(1, 5)]
    data, text = debrief(MOTHER, turns)
    assert [(item["beurt"], item["keer"]) for item in data["herhalingen"]] == [(3, 3), (4, 4)]
    assert "Beurt 3: voor de derde keer op rij erkennen" in text and "Beurt 4: voor de vierde keer op rij" in text
    assert "benoemen wat je hoort" not in text.split("Dezelfde stap te vaak achter elkaar:")[1]
    readme = Path("README.md").read_text(encoding="utf-8")
    assert "de nabespreking zegt het ook" in readme


# -- 3. the live label of a doubtful read, and a good talk -----------------------------------------------------------

def test_a_forgiven_read_is_labelled_live_as_the_debrief_lists_it():
    def reads(text, **_):
        if text.startswith("Bij vader"):
            return Move("oordelen", 0.45, zetten=["oordelen", "realiteit"])
        return Move("erkennen", 0.95)

    service = PracticeService(classify=reads)
    session = service.start(MEETING.id, seed=0)
    service.play(session, "Ik zie dat jullie allebei heel boos zijn.")
    result = service.play(session, "Bij vader gelden andere regels, en zo moet u het maar accepteren.")
    label = result.payload["zet_naam"]
    assert "(valkuil)" not in label and feedback.FORGIVEN_MARK.strip() in label and "realiteit" in label.lower()
    assert f"las die beurt als {label}" in service.play(session, "welke stap is dit?").tekst
    text = service.finish(session).debrief_tekst
    listed = text.split("Al je beurten (2): ")[1].split("\n")[0]
    assert label.lower() in listed


def test_a_good_talk_without_pitfalls_has_nothing_to_improve():
    # all six steps, no pitfall; stopped before the end (the last turn closed nothing)
    turns = [("Wat vreselijk, vier maanden niets van haar horen.", Move(zet="erkennen")),
             ("Wat is voor u het allerbelangrijkste?", Move(zet="behoefte")),
             ("Wat zou u zelf kunnen doen?", Move(zet="opties")),
             ("Wat doet u als ze niet reageert?", Move(zet="dynamiek")),
             ("Ze is veertien, dwingen werkt niet.", Move(zet="realiteit")),
             ("Ik ben er voor rust, niet om te zeggen wie gelijk heeft.", Move(zet="visie"))]  # no closing at the end
    data, text = debrief(MOTHER, turns)
    assert data["einde"] != "goed" and not data["valkuilen"] and not data["ontbrekende_stappen"]
    assert data["tips"] == []
    assert "Verbeterpunten: geen" in text and "Wat goed ging: je zette alle zes stappen" in text


# -- 4. the persona's reply fits the turn ----------------------------------------------------------------------------

CLOSED = "is het daar druk? slaap je daar slecht? is papa dan boos?"


def test_a_string_of_closed_questions_to_a_child_is_an_interrogation():
    assert pacing.interrogates(CLOSED)
    assert not pacing.interrogates("Vertel eens, hoe gaat het op vrijdag? En wat doe jij dan?")
    assert not pacing.interrogates("Is het zwaar?")
    # checking a feeling in short questions is no interrogation: a tag, alternatives, one word after a filler
    assert not pacing.interrogates("Dat is veel voor een dag, hè? Ben je moe? Of vooral verdrietig? Of allebei?")
    assert not pacing.interrogates("U bent bezorgd, toch? En boos? Voelt u zich alleen staan?")
    assert pacing.interrogates("Had hij koorts? Heeft u hem gezien? Was hij gisteren op school?")
    for seed in range(8):
        engine = Engine(CHILD, classify=lambda text: Move(zet="erkennen", zekerheid=0.8), seed=seed)
        before = engine.state.tension
        result = engine.step(CLOSED)
        assert result.tension >= before and result.turn.verhoor, seed
        assert result.reply != "Het is wel fijn dat je het snapt."
        assert result.reply in pacing.reply_lines(CHILD, result.turn.rol, "dynamiek", 8, CLOSED)
    data = feedback.debrief(CHILD, engine.state, ZETTEN)
    text = feedback.debrief_text(data, ZETTEN)
    assert "voelt als een verhoor" in text and feedback.INTERROGATION_NOTE in feedback.turn_notes(result.turn)


def test_the_chat_says_under_the_turn_why_an_interrogation_did_not_lower_the_tension():
    service = PracticeService(classify=lambda text, **_: Move("erkennen", 0.9))
    session = service.start(CHILD.id, seed=0)
    result = service.play(session, CLOSED)
    assert result.payload["spanning"] >= CHILD.spanning.start and "verhoor" in result.payload["tip"]


def test_thanks_for_understanding_does_not_answer_only_questions():
    assert not pacing._fits("Het is wel fijn dat je het snapt.", CLOSED)
    assert pacing._fits("Het is wel fijn dat je het snapt.", "Ik snap dat het zwaar is.")


def test_a_line_that_takes_up_a_word_follows_only_a_turn_that_said_it():
    doctor = "misschien is het een idee om eens met de huisarts te gaan praten?"
    for role in ("aanklager", "slachtoffer"):
        for tension in (2, 5, 8):
            said = pacing.reply_lines(BREAKING_OFF, role, "redden", tension, doctor)
            assert "Nog een mediator? Dan ben ik er echt klaar mee." not in said, (role, tension)
    mediation = "Zal ik een nieuwe mediator voor jullie regelen?"
    assert any("Nog een mediator? Dan ben ik er echt klaar mee." in pacing.reply_lines(
        BREAKING_OFF, role, "redden", tension, mediation) for role in ("aanklager", "slachtoffer")
        for tension in (2, 5, 8))
    assert pacing.echoed_words("Moe is het woord niet. Ik heb niks meer over.") == ["moe"]
    assert pacing.echoed_words("Minder appen misschien? Maar dan denkt ze dat ik het opgeef.") == []
    assert pacing.echoed_words("Wat ik wil? Dat het ophoudt.") == []


# -- 5. what the trainer reads ---------------------------------------------------------------------------------------

def _record(scenario, turns, stored_opening=True):
    engine = play(scenario, turns)
    data = {"scenario": scenario.id, "titel": scenario.titel, "deelnemer": "Joke", "groep": "Groep-Noord",
            "state": engine.state.to_dict(), "debrief": feedback.debrief(scenario, engine.state, ZETTEN)}
    if stored_opening:
        data["opening"] = scenario.persona.opening
    return data


def test_the_transcripts_show_the_persona_opening_line_and_say_when_there_are_no_tips():
    turns = [("Wat vreselijk, vier maanden niets van haar horen.", Move(zet="erkennen")),
             ("Ik ben er voor rust, niet om te zeggen wie gelijk heeft.", Move(zet="visie")),
             ("Wat doet u als ze niet reageert?", Move(zet="dynamiek")),
             ("Wat zou u zelf kunnen doen?", Move(zet="opties")),
             ("Wat is voor u het allerbelangrijkste?", Move(zet="behoefte")),
             ("Ze is veertien, dwingen werkt niet.", Move(zet="realiteit"))]
    for stored in (True, False):  # an older session without the stored opening: from its scenario
        data = _record(MOTHER, turns, stored_opening=stored)
        text = transcript_text({"id": 4, "status": "gestopt", **data}, ZETTEN)
        assert text.index(MOTHER.persona.opening) < text.index("[1] Jij:")
        tips = text.split("Tips uit de nabespreking:")[1].strip()
        assert tips.startswith("- geen"), text
    record = SimpleNamespace(pk=4, data=_record(MOTHER, turns), status="gestopt", created_at=None,
                             conversation_id=None, title=MOTHER.titel)
    view = session_view(record)
    assert view.opening == MOTHER.persona.opening and "opening" not in view.rest
    page = trainer_page.render_session(record) if hasattr(trainer_page, "render_session") else None
    if page is not None:
        assert "Gesprekspartner (begin):" in page


def test_a_new_session_stores_the_opening_line():
    service = PracticeService(classify=lambda text, **_: Move("erkennen", 0.95))
    session = service.start(CHILD.id, seed=0)
    assert service.load(session)["opening"] == CHILD.persona.opening


def test_the_csv_files_have_dutch_headings_and_no_quote_before_a_dash():
    from bot.roleplay.group import group_csv_text

    turns = [("Wat vreselijk, vier maanden niets van haar horen.", Move(zet="erkennen"))]
    data = _record(MOTHER, turns)
    record = SimpleNamespace(pk=1, data=data, status="gestopt", created_at=None, conversation_id=None,
                             title=MOTHER.titel)
    text = group_csv_text([record], "Groep-Noord")
    heading = text.removeprefix("\ufeff").splitlines()[0]
    assert "Stappen gebruikt" in heading and "Opnieuw geprobeerd" in heading and "_" not in heading
    assert "'-" not in text
    [row] = read_csv(text)
    assert row["valkuilen"] == "-" and row["stappen_gebruikt"] == "Erkennen"
    out = io.StringIO()
    write_csv([{"id": 1, "status": "gestopt", "created_at": None, **data}], out)
    heading = out.getvalue().removeprefix("\ufeff").splitlines()[0]
    assert "Spanning voor" in heading and "_" not in heading
    assert read_csv(out.getvalue())[0]["spanning_voor"] == str(MOTHER.spanning.start)
    assert "'=1+1" in io.StringIO(_one_cell("=1+1")).getvalue()  # a formula is still kept from running


def _one_cell(value):
    from bot.roleplay.report import csv_writer

    out = io.StringIO()
    csv_writer(out, ["tekst"]).writerow({"tekst": value})
    return out.getvalue()


def test_scenario_controleer_reports_a_title_that_another_scenario_has(tmp_path, capsys):
    source = Path(catalog.knowledge().files[("scenario", FATHER.id)])
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["items"][0].update(id="vader-tweede", nummer=42)  # its own id and number, the same title
    path = tmp_path / "tweede.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli.main(["scenario", "controleer", str(path)]) == 1
    out = capsys.readouterr().out
    assert "tweede.yml, item 'vader-tweede', veld 'titel': dubbele titel" in out and FATHER.id in out
    # two items of one file with the same title
    second = dict(data["items"][0], id="vader-derde", nummer=43)
    data["items"][0]["titel"] = "Een eigen titel"
    second["titel"] = " een EIGEN titel "
    data["items"].append(second)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli.main(["scenario", "controleer", str(path)]) == 1
    assert "item 'vader-derde', veld 'titel': dubbele titel" in capsys.readouterr().out
